//! Version 1 is the JSON written before these types existed.

use super::*;
use coach::Pain;
use coach::history::{CheckIn, History, Override, OverrideKind, SessionLog, Symptom};
use coach::screening::{Answers, Clearance, Question, evaluate};
use coach::setup::{Equipment, Setup};
use jiff::civil::Date;
use serde::Serialize;
use serde_json::to_value;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// Version 1 writes what the coach's own serde wrote, so every database
/// and archive written before these types reads unchanged; and it reads
/// back to the same value.
fn same_as_before<C, V>(value: &C)
where
    C: Serialize + PartialEq + std::fmt::Debug + TryFrom<V>,
    <C as TryFrom<V>>::Error: std::fmt::Debug,
    V: Serialize + serde::de::DeserializeOwned + for<'a> From<&'a C>,
{
    let before = to_value(value).unwrap();
    let stored = to_value(V::from(value)).unwrap();
    assert_eq!(stored, before, "{value:?}");
    let back: V = serde_json::from_value(before).unwrap();
    assert_eq!(&C::try_from(back).unwrap(), value);
}

fn programme_and_history() -> (coach::programme::Programme, History) {
    let mut setup = Setup::first(date("2026-11-02"), "Europe/Dublin");
    setup.equipment = Equipment { treadmill: true, safety_key: true, handrails: true, ..Default::default() };
    let p = coach::programme::Programme::new(setup, false).unwrap();
    let mut h = History::default();
    h.logs.push(SessionLog {
        date: date("2026-11-02"),
        minutes: 5,
        bouts: 2,
        speed_tenths: Some(15),
        incline_pct: 0,
        support: coach::dose::Support::Rails,
        surface: coach::dose::Surface::Treadmill,
        pain_before: Pain::new(1).unwrap(),
        pain_peak: Pain::new(3).unwrap(),
        pain_after: Pain::new(2).unwrap(),
        rpe: Some(4),
        symptoms: vec![Symptom::KneeLocked],
        notes: "slow start\non the belt".into(),
    });
    h.checkins.push(CheckIn {
        session_date: date("2026-11-02"),
        date: date("2026-11-03"),
        pain: Pain::new(2).unwrap(),
        symptoms: vec![],
        recorded_at: None,
    });
    let mut restart = Override::new(date("2026-11-05"), p.limits.start_dose(), "Dr R", "checked");
    restart.kind = OverrideKind::Restart;
    restart.role = "physiotherapist".into();
    restart.signed_at = Some("2026-11-05T09:00:00Z".parse().unwrap());
    h.overrides.push(restart);
    h.overrides.push(Override::new(date("2026-11-07"), p.limits.start_dose(), "Dr R", "less"));
    (p, h)
}

#[test]
fn every_stored_format_is_the_json_written_before_it() {
    let mut answers = Answers::all_no();
    answers.answers.insert(Question::ALL[0], true);
    answers.tug_seconds = Some(13.5);
    answers.fell_during_programme = Some(date("2026-11-04"));
    same_as_before::<_, AnswersV1>(&answers);
    same_as_before::<_, AnswersV1>(&Answers::all_no());
    let outcome = evaluate(&answers, None);
    assert!(!outcome.reasons.is_empty() && !outcome.needs_clearance_for.is_empty());
    same_as_before::<_, OutcomeV1>(&outcome);
    let clearance = Clearance {
        by: "Dr R".into(),
        role: "GP".into(),
        at: "2026-11-01T10:00:00Z".parse().unwrap(),
        covers: outcome.needs_clearance_for.clone(),
        note: String::new(),
        signer: None,
    };
    same_as_before::<_, ClearanceV1>(&clearance);
    // A signature made in retrowalk travels whole (a new optional field of version 1).
    let signed = Clearance { signer: Some(coach::history::Signer { account: 4, clinic: 2 }), ..clearance.clone() };
    let back: Clearance = ClearanceV1::from(&signed).try_into().unwrap();
    assert_eq!(back, signed);
    let (p, h) = programme_and_history();
    same_as_before::<_, SetupV1>(&p.setup);
    same_as_before::<_, SessionLogV1>(&h.logs[0]);
    same_as_before::<_, CheckInV1>(&h.checkins[0]);
    for o in &h.overrides {
        same_as_before::<_, OverrideV1>(o);
    }
    let timeline = coach::adaptation::replay(&p, &h, date("2026-11-09"));
    assert!(timeline.decisions.len() > 2);
    for d in &timeline.decisions {
        same_as_before::<_, DecisionV1>(d);
    }
    let walk = coach::imports::Imported {
        start: "2026-11-02T08:00:00Z".parse().unwrap(),
        local_date: date("2026-11-02"),
        local_time: "08:00".into(),
        sport: "walking".into(),
        sub_sport: Some("indoor_walking".into()),
        elapsed_s: Some(610.0),
        moving_s: Some(600.0),
        distance_m: None,
        avg_hr: Some(92.5),
        max_hr: None,
        cadence_spm: Some(88.0),
        cadence_rpm: None,
        calories: None,
        ascent_m: None,
        device: Some("Garmin Forerunner".into()),
        fit: coach::imports::Fit::PlannedSession,
        backward: Some(true),
    };
    same_as_before::<_, ImportedV1>(&walk);
    let score = coach::questionnaire::SubscaleScore {
        id: "pain".into(),
        name: "Pain".into(),
        score: Some(62.5),
        answered: 5,
        of: 6,
        needed: 4,
    };
    same_as_before::<_, SubscaleScoreV1>(&score);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let q = coach::questionnaire::parse_questionnaire(&read("knee-days.json")).unwrap();
    let scoring = coach::questionnaire::parse_scoring(&read("knee-days.scoring.json"), &q).unwrap();
    same_as_before::<_, QuestionnaireV1>(&q);
    same_as_before::<_, ScoringV1>(&scoring);
}

#[test]
fn a_recording_archived_before_own_direction_reads_as_the_common_sign() {
    // A walker's archive written before the field existed.
    let old = serde_json::json!({
        "session": "2026-11-23",
        "source": "phone",
        "duration_s": 60.0,
        "bouts": [{"start_s": 1.0, "end_s": 9.0, "backward": true, "confidence": 0.9, "steps": 12,
                   "cadence": 100.0, "step_time_cv": 3.0, "asymmetry": 1.0}],
    });
    let v: super::motion::MotionV1 = serde_json::from_value(old).unwrap();
    let m = coach::motion::Motion::try_from(v).unwrap();
    assert!(!m.own_direction);
    assert_eq!((m.bouts.len(), m.steps()), (1, 12));
    // And the field, once there, is written and read back.
    let own = coach::motion::Motion { own_direction: true, ..m };
    same_as_before::<_, super::motion::MotionV1>(&own);
}

#[test]
fn a_stored_name_the_coach_does_not_know_is_corrupt() {
    let mut stored = SessionLogV1::from(&programme_and_history().1.logs[0]);
    stored.support = "jetpack".into();
    let err = coach::history::SessionLog::try_from(stored).unwrap_err();
    assert!(err.to_string().contains("support 'jetpack'"), "{err}");
}
