//! The decisions' sentences: English word for word the coach's, Spanish
//! its own, for every kind of decision and every number in it.

use super::*;
use coach::dose::Support;
use coach::history::Symptom;

/// How many kinds of decision `kind` names (all but `Recorded`).
const KINDS: usize = 17;

/// Each kind of decision by name: a new kind fails to compile here until it
/// is named; `KINDS` must then be raised by hand, and the test below fails
/// until `every_why` has one.
fn kind(w: &Why) -> &'static str {
    match w {
        Why::Recorded => "recorded",
        Why::Start { .. } => "start",
        Why::StartSeverePain { .. } => "start_severe_pain",
        Why::ClinicianDose { .. } => "clinician_dose",
        Why::ClinicianRestart { .. } => "clinician_restart",
        Why::ClinicianStop { .. } => "clinician_stop",
        Why::RedFlag { .. } => "red_flag",
        Why::Gap { .. } => "gap",
        Why::Stopped => "stopped",
        Why::StepBack { .. } => "step_back",
        Why::TwoStepBacks { .. } => "two_step_backs",
        Why::Incomplete { .. } => "incomplete",
        Why::AwaitCheckin => "await_checkin",
        Why::MorningUnsettled => "morning_unsettled",
        Why::PainAcceptable { .. } => "pain_acceptable",
        Why::Progress { .. } => "progress",
        Why::WeeklyCap => "weekly_cap",
        Why::AtCeiling => "at_ceiling",
    }
}

/// One or more of each kind of decision (`Why`), with their numbers.
fn every_why() -> Vec<Why> {
    let dose = |surface| Dose { minutes: 12, speed_tenths: 23, incline_pct: 3, support: Support::LightTouch, surface };
    let mut all = Vec::new();
    for surface in [Surface::Treadmill, Surface::Overground] {
        all.push(Why::Start { minutes: 5, surface });
        all.push(Why::StartSeverePain { usual: 7, minutes: 3, surface });
        for var in Variable::PROGRESSION_ORDER {
            all.push(Why::Progress { pain: 2, changed: var, next: dose(surface) });
        }
        for note in ["", "Knee checked; resume gently."] {
            let who = "Dr Ana Ruiz (physiotherapist)".to_string();
            all.push(Why::ClinicianRestart {
                who,
                dose: dose(surface),
                week: 3,
                supported_only: false,
                note: note.into(),
            });
        }
    }
    for pain in [TooMuch::Peak(7), TooMuch::AfterWalk(6), TooMuch::MorningRise(3)] {
        all.push(Why::TwoStepBacks { pain });
        all.push(Why::StepBack { pain, less: None });
        for var in Variable::PROGRESSION_ORDER {
            all.push(Why::StepBack { pain, less: Some(var) });
        }
    }
    all.push(Why::RedFlag { symptoms: Symptom::ALL.to_vec() });
    all.push(Why::RedFlag { symptoms: vec![Symptom::Fell] });
    all.push(Why::ClinicianDose { who: "Sam".into(), note: "Try the incline.".into() });
    for ended in [false, true] {
        all.push(Why::ClinicianStop { who: "Sam (GP)".into(), ended, note: "Swollen: wait for the scan.".into() });
    }
    all.push(Why::Gap { days: 15, minutes: 6 });
    all.push(Why::Incomplete { walked: 4, planned: 8 });
    all.push(Why::PainAcceptable { pain: 4, after_walk: false });
    all.push(Why::PainAcceptable { pain: 5, after_walk: true });
    all.extend([Why::Stopped, Why::AwaitCheckin, Why::MorningUnsettled, Why::WeeklyCap, Why::AtCeiling]);
    all
}

#[test]
fn every_decision_is_the_coachs_sentence_in_english_and_has_its_spanish() {
    let (en, es) = (I18n::english(), I18n::of(Lang::Es));
    let all = every_why();
    let kinds: std::collections::BTreeSet<_> = all.iter().map(kind).collect();
    assert_eq!(kinds.len(), KINDS, "every kind of decision but `Recorded` is here: {kinds:?}");
    for why in &all {
        assert_eq!(why_words(&en, why), why.english(), "{why:?}");
        let spanish = why_words(&es, why);
        assert!(!spanish.contains("why.") && !spanish.contains('{'), "{spanish}");
        assert_ne!(spanish, why.english(), "{why:?}");
        // A clinician's note is theirs: said as written in either language.
        if let Some(note) = why.clinician_note() {
            assert!(spanish.contains(note), "{spanish}");
        }
    }
    let speed = Why::Progress { pain: 1, changed: Variable::Speed, next: every_dose_at(23) };
    assert!(why_words(&es, &speed).ends_with("velocidad: 2,3 km/h."), "{}", why_words(&es, &speed));
}

fn every_dose_at(speed_tenths: u16) -> Dose {
    Dose { minutes: 10, speed_tenths, incline_pct: 0, support: Support::Rails, surface: Surface::Treadmill }
}

/// A decision with its facts says its numbers in Spanish; one read back from
/// a record (its facts not kept) says its rule's sentence, and in English its
/// own stored sentence.
#[test]
fn a_replayed_decision_speaks_with_its_numbers_and_a_recorded_one_with_its_rule() {
    let es = I18n::of(Lang::Es);
    let mut d = coach::adaptation::Decision {
        effective: jiff::civil::date(2026, 12, 1),
        action: coach::adaptation::Action::Repeat,
        changed: None,
        rule: "A-INCOMPLETE".into(),
        evidence: vec![],
        reason: String::new(),
        why: Why::Incomplete { walked: 4, planned: 8 },
        dose: None,
        after_session: None,
    };
    d.reason = d.why.english();
    assert_eq!(reason(&es, &d), "Caminó 4 de los 8 minutos, así que repetimos esta dosis antes de añadir más.");
    d.why = Why::Recorded;
    assert_eq!(reason(&es, &d), es.t("rule.A-INCOMPLETE"));
    assert_eq!(reason(&I18n::english(), &d), d.reason);
}
