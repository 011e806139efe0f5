//! The patient list's flags: English word for word the coach's, Spanish its
//! own, raised from real histories for every rule.

use super::*;
use coach::Pain;
use coach::dates::add_days;
use coach::flags::{Facts, Flag, flags};
use coach::history::{CheckIn, History, SessionLog, Symptom};
use coach::programme::Programme;
use coach::screening::{Answers, evaluate};
use jiff::civil::{Date, date};

const START: Date = date(2026, 11, 2);

fn session(p: &Programme, h: &History, day: Date, peak: i8, symptoms: Vec<Symptom>) -> SessionLog {
    let dose = coach::adaptation::replay(p, h, day).dose_on(day).unwrap_or(p.limits.start_dose());
    let pain = |v: i8| Pain::new(i64::from(v)).unwrap();
    SessionLog {
        date: day,
        minutes: dose.minutes,
        bouts: 1,
        speed_tenths: Some(dose.speed_tenths),
        incline_pct: 0,
        support: dose.support,
        surface: dose.surface,
        pain_before: pain(2),
        pain_peak: pain(peak),
        pain_after: pain(peak.min(4)),
        rpe: None,
        symptoms,
        notes: String::new(),
    }
}

/// The flags of a Mon/Wed/Fri walker with usual pain 3: sessions on the
/// given days after the start (peak pain, next-morning pain, warning
/// signs), seen on day `today`.
fn raised(sessions: &[(i64, i8, Option<i64>, Vec<Symptom>)], today: i64, fell: bool, due: bool) -> Vec<Flag> {
    raised_with(sessions, today, fell, due, false)
}

/// The same, with a screening that waits for a clearance when `unclear`.
fn raised_with(
    sessions: &[(i64, i8, Option<i64>, Vec<Symptom>)],
    today: i64,
    fell: bool,
    due: bool,
    unclear: bool,
) -> Vec<Flag> {
    let mut s = coach::setup::Setup::first(START, "UTC");
    s.baseline_pain = Pain::new(3).unwrap();
    let p = Programme::new(s, fell).unwrap();
    let mut h = History::default();
    for (day, peak, morning, symptoms) in sessions {
        let day = add_days(START, *day);
        let log = session(&p, &h, day, *peak, symptoms.clone());
        h.logs.push(log);
        if let Some(m) = morning {
            let pain = Pain::new(*m).unwrap();
            h.checkins.push(CheckIn {
                session_date: day,
                date: add_days(day, 1),
                pain,
                symptoms: vec![],
                recorded_at: None,
            });
        }
    }
    let today = add_days(START, today);
    let mut answers = Answers::all_no();
    answers.fell_during_programme = fell.then_some(START);
    if unclear {
        answers = answers.with(coach::screening::Question::HeartCondition, true);
    }
    let screen = evaluate(&answers, None);
    let tl = coach::adaptation::replay(&p, &h, today);
    let schedule = coach::schedule::schedule(&p, &screen, &tl, &h, today, None);
    let pause = coach::pause::pause(&screen, &tl, today);
    flags(&Facts {
        screen: &screen,
        fell: fell.then_some(START),
        usual_pain: 3,
        history: &h,
        schedule: &schedule,
        pause: pause.as_ref(),
        today,
        start: START,
        outcomes_due: due,
    })
}

#[test]
fn every_flag_is_the_coachs_sentence_in_english_and_has_its_spanish() {
    let (en, es) = (I18n::english(), I18n::of(Lang::Es));
    let signs = vec![Symptom::KneeLocked, Symptom::CalfPainSwelling];
    let mut all = Vec::new();
    all.extend(raised(&[(0, 2, None, vec![]), (2, 4, None, signs)], 3, false, true));
    all.extend(raised(&[(0, 5, Some(3), vec![]), (2, 7, Some(5), vec![])], 3, true, false));
    all.extend(raised(&[(0, 7, Some(4), vec![]), (2, 7, Some(4), vec![])], 5, false, false));
    all.extend(raised(&[(0, 2, Some(3), vec![])], 5, false, false));
    all.extend(raised(&[(0, 2, Some(3), vec![])], 12, false, false));
    all.extend(raised(&[(0, 2, Some(3), vec![])], 30, false, false));
    all.extend(raised_with(&[], 1, false, false, true));
    let rules: std::collections::BTreeSet<&str> = all.iter().map(|f| f.rule).collect();
    assert!(coach::flags::RULES.iter().all(|(r, _)| rules.contains(r)), "raised {rules:?}");
    for f in &all {
        assert_eq!(patient_flag(&en, f), f.text, "{}", f.rule);
        let spanish = patient_flag(&es, f);
        assert!(spanish != f.text && !spanish.contains("flag.") && !spanish.contains('{'), "{spanish}");
    }
    let red = all.iter().find(|f| f.rule == "F-RED-FLAG").unwrap();
    assert_eq!(
        patient_flag(&es, red),
        "Síntoma de alarma (La rodilla se bloqueó o se quedó atascada; Dolor, hinchazón o calor en la pantorrilla): programa detenido."
    );
    for (rule, words) in coach::flags::RULES {
        assert_eq!(flag_rule(&en, rule, words), *words);
        assert_ne!(flag_rule(&es, rule, words), *words);
    }
}
