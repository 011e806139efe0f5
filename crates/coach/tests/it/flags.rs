//! The patient list's flags: each rule raises its flag from the facts, with
//! its severity, and nothing is flagged for a walker who is doing well.

use crate::fixtures::*;
use coach::adaptation::replay;
use coach::dates::add_days;
use coach::flags::{Facts, Flag, Severity, flags};
use coach::history::{History, Symptom};
use coach::screening::{Answers, evaluate};
use jiff::civil::Date;

/// The flags for a Mon/Wed/Fri walker (usual pain 3) with `h`, on `today`.
fn flags_on(h: &History, today: Date, fell: Option<Date>) -> Vec<Flag> {
    let p = mon_wed_fri();
    let mut answers = Answers::all_no();
    answers.fell_during_programme = fell;
    let screen = evaluate(&answers, None);
    let tl = replay(&p, h, today);
    let schedule = coach::schedule::schedule(&p, &screen, &tl, h, today, None);
    let pause = coach::pause::pause(&screen, &tl, today);
    flags(&Facts {
        screen: &screen,
        fell,
        usual_pain: 3,
        history: h,
        schedule: &schedule,
        pause: pause.as_ref(),
        today,
        start: START,
        outcomes_due: false,
    })
}

fn rules(f: &[Flag]) -> Vec<(&'static str, Severity)> {
    f.iter().map(|f| (f.rule, f.severity)).collect()
}

#[test]
fn a_walker_doing_well_raises_nothing() {
    let p = mon_wed_fri();
    let mut h = History::default();
    for d in [0, 2, 4, 7] {
        walk(&p, &mut h, add_days(START, d), 2, Some(3), None);
    }
    assert_eq!(rules(&flags_on(&h, add_days(START, 8), None)), []);
}

#[test]
fn a_red_flag_is_critical_and_first() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 2, None, None);
    walk(&p, &mut h, add_days(START, 2), 4, None, Some(Symptom::KneeLocked));
    let f = flags_on(&h, add_days(START, 3), None);
    assert_eq!(f[0].rule, "F-RED-FLAG");
    assert_eq!(f[0].severity, Severity::Critical);
}

#[test]
fn severe_pain_a_morning_rise_and_rising_pain() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 5, Some(3), None);
    walk(&p, &mut h, add_days(START, 2), 7, Some(5), None);
    let f = flags_on(&h, add_days(START, 3), None);
    let r = rules(&f);
    assert!(r.contains(&("F-SEVERE-PAIN", Severity::Critical)), "{r:?}");
    assert!(r.contains(&("F-MORNING-RISE", Severity::High)), "{r:?}");
    assert!(r.contains(&("F-PAIN-RISING", Severity::Low)), "{r:?}");
    // Most urgent first.
    assert!(f.windows(2).all(|w| w[0].severity <= w[1].severity), "{r:?}");
}

#[test]
fn missed_sessions_and_a_stalled_programme() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 2, Some(3), None);
    // Wednesday and Friday pass without a log: two in a row.
    assert_eq!(rules(&flags_on(&h, add_days(START, 5), None)), [("F-MISSED", Severity::Low)]);
    // Then a whole week, and more than two weeks of nothing.
    let r = rules(&flags_on(&h, add_days(START, 16), None));
    assert!(r.contains(&("F-MISSED-WEEK", Severity::High)) && r.contains(&("F-STALLED", Severity::High)), "{r:?}");
}

#[test]
fn a_reported_fall_is_critical() {
    let h = History::default();
    let f = flags_on(&h, START, Some(START));
    assert_eq!(rules(&f)[0], ("F-FALL", Severity::Critical));
}
