//! The adaptation rules, shown through histories: scenarios first, then
//! property tests over generated histories for the safety invariants.

use crate::fixtures::*;
use coach::adaptation::{Action, Timeline, WEEKLY_CAP_PERCENT, replay, weekly_minutes};
use coach::dates::add_days;
use coach::dose::{Support, Variable};
use coach::history::{History, Override, Symptom};
use coach::programme::Programme;
use coach::setup::{Day, Equipment};
use jiff::civil::Date;
use proptest::prelude::*;

fn after(tl: &Timeline, session: Date) -> (Action, String) {
    let d = tl.after(session).unwrap();
    (d.action, d.rule.clone())
}

#[test]
fn a_well_tolerated_session_progresses_time_first() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 1, Some(3), None);
    let tl = replay(&p, &h, START);
    let d = tl.after(START).unwrap();
    assert_eq!((d.action, d.changed), (Action::Progress, Some(Variable::Duration)));
    assert_eq!(d.dose.unwrap().minutes, 6);
    assert!(d.reason.contains("6 minutes"), "{}", d.reason);
}

#[test]
fn without_a_check_in_the_dose_repeats_until_it_arrives() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 1, None, None);
    assert_eq!(after(&replay(&p, &h, START), START), (Action::Repeat, "A-AWAIT-CHECKIN".into()));
    h.checkins.push(checkin(START, 3));
    assert_eq!(after(&replay(&p, &h, START), START).0, Action::Progress);
}

#[test]
fn pain_zones_decide_repeat_and_step_back() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 4, Some(3), None);
    assert_eq!(after(&replay(&p, &h, START), START), (Action::Repeat, "A-PAIN-ACCEPTABLE".into()));
    let wed = add_days(START, 2);
    walk(&p, &mut h, wed, 6, Some(3), None);
    let tl = replay(&p, &h, wed);
    assert_eq!(after(&tl, wed), (Action::StepBack, "A-PAIN-HIGH".into()));
    assert_eq!(tl.dose_on(add_days(wed, 2)).unwrap().minutes, 4);
}

#[test]
fn a_next_morning_rise_steps_back_and_two_in_a_row_stop() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 1, Some(5), None); // usual pain 3, morning 5: +2
    let wed = add_days(START, 2);
    walk(&p, &mut h, wed, 6, Some(3), None);
    let tl = replay(&p, &h, wed);
    assert_eq!(after(&tl, START), (Action::StepBack, "A-MORNING-RISE".into()));
    assert_eq!(after(&tl, wed), (Action::Stop, "A-TWO-STEPBACKS".into()));
    assert!(tl.is_stopped());
    assert_eq!(tl.dose_on(add_days(wed, 2)), None);
}

#[test]
fn a_morning_one_point_above_usual_repeats() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 0, Some(4), None);
    assert_eq!(after(&replay(&p, &h, START), START), (Action::Repeat, "A-MORNING-UNSETTLED".into()));
}

#[test]
fn a_red_flag_stops_and_only_a_clinician_restarts() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 1, Some(3), Some(Symptom::KneeGaveWay));
    let tl = replay(&p, &h, START);
    let d = tl.after(START).unwrap();
    assert_eq!((d.action, d.rule.as_str()), (Action::Stop, "A-RED-FLAG"));
    assert!(d.reason.contains("the knee gave way"), "{}", d.reason);
    let wed = add_days(START, 2);
    walk(&p, &mut h, wed, 0, Some(3), None);
    assert_eq!(after(&replay(&p, &h, wed), wed), (Action::Stop, "A-STOPPED".into()));

    // A dose change does not lift the stop; a recorded restart does.
    let fri = add_days(START, 4);
    h.overrides.push(Override::new(fri, any_dose(), "Sam Okafor, PT", "Knee checked; resume gently."));
    assert_eq!(replay(&p, &h, fri).dose_on(fri), None);
    let mut restart = Override::new(fri, any_dose(), "Sam Okafor", "Knee checked; resume gently.");
    restart.kind = coach::history::OverrideKind::Restart;
    restart.role = "physiotherapist".into();
    h.overrides.push(restart);
    let tl = replay(&p, &h, fri);
    let d = tl.in_force(fri).unwrap();
    assert_eq!((d.action, d.rule.as_str()), (Action::Restart, "A-CLINICIAN-RESTART"));
    assert_eq!(tl.dose_on(fri), Some(any_dose()));
    assert!(d.reason.contains("Sam Okafor (physiotherapist)"));
    // The clinician's note, for the walker to read in any language.
    assert_eq!(coach::adaptation::clinician_note(&d.rule, &d.reason), Some("Knee checked; resume gently."));
    assert_eq!(
        {
            let first = tl.after(START).unwrap();
            coach::adaptation::clinician_note(&first.rule, &first.reason)
        },
        None,
        "the coach's own decision"
    );
    let mut pause = Override::new(add_days(START, 7), any_dose(), "Sam Okafor", "Swollen: wait for the scan.");
    pause.kind = coach::history::OverrideKind::Pause;
    h.overrides.push(pause);
    let tl = replay(&p, &h, add_days(START, 7));
    let paused = tl.in_force(add_days(START, 7)).unwrap();
    assert_eq!(coach::adaptation::clinician_note(&paused.rule, &paused.reason), Some("Swollen: wait for the scan."));
}

#[test]
fn fewer_minutes_than_prescribed_repeats() {
    let p = mon_wed_fri();
    let mut h = History::default();
    walk(&p, &mut h, START, 1, Some(3), None);
    h.logs[0].minutes = 3;
    assert_eq!(after(&replay(&p, &h, START), START), (Action::Repeat, "A-INCOMPLETE".into()));
}

#[test]
fn a_gap_of_a_week_resumes_lower() {
    let p = mon_wed_fri();
    let mut h = History::default();
    let mut date = START;
    for _ in 0..6 {
        walk(&p, &mut h, date, 1, Some(3), None);
        date = p.next_retro_after(date).unwrap();
    }
    let last = h.logs.last().unwrap().date;
    let before = replay(&p, &h, last).dose_on(add_days(last, 1)).unwrap();
    let back = add_days(last, 9);
    let tl = replay(&p, &h, back);
    let d = tl.in_force(back).unwrap();
    assert_eq!((d.action, d.rule.as_str(), d.changed), (Action::Resume, "A-GAP", Some(Variable::Duration)));
    assert!(d.dose.unwrap().minutes < before.minutes);
}

#[test]
fn the_weekly_cap_holds_progress_back_in_a_perfect_run() {
    let p = mon_wed_fri();
    let tl = coach::projection::ideal(&p);
    assert!(tl.decisions.iter().any(|d| d.rule == "A-WEEKLY-CAP"));
    let totals = weekly_minutes(&p, &tl, 6);
    for w in totals.windows(2) {
        assert!(w[1] * 100 <= w[0] * (100 + WEEKLY_CAP_PERCENT), "{totals:?}");
    }
}

#[test]
fn an_override_that_breaks_the_screen_is_clamped_in_the_plan() {
    let p = programme(treadmill(), &[Day::Tue, Day::Thu, Day::Sat], 2, true);
    let mut h = History::default();
    let mut dose = any_dose();
    dose.support = Support::HandsFree;
    dose.incline_pct = 3;
    assert!(p.limits.violation(&dose).is_some());
    h.overrides.push(Override::new(START, dose, "Dr A", "test"));
    let d = replay(&p, &h, START).dose_on(START).unwrap();
    assert_eq!((d.support, d.incline_pct), (Support::LightTouch, 0));
}

// ---- property tests ----------------------------------------------------

#[derive(Clone, Debug)]
struct Step {
    skip_days: u8,
    minutes_short: bool,
    peak: i64,
    morning: Option<i64>,
    symptom: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        prop_oneof![8 => Just(0u8), 1 => 1u8..20],
        prop::bool::weighted(0.1),
        prop_oneof![3 => 0i64..=2, 2 => 3i64..=5, 1 => 6i64..=10],
        prop::option::weighted(0.85, 0i64..=10),
        prop::bool::weighted(0.03),
    )
        .prop_map(|(skip_days, minutes_short, peak, morning, symptom)| Step {
            skip_days,
            minutes_short,
            peak,
            morning,
            symptom,
        })
}

fn walker() -> impl Strategy<Value = (Programme, Vec<Step>)> {
    (
        (1u8..128).prop_filter("at least two days", |m| m.count_ones() >= 2),
        any::<bool>(),
        any::<bool>(),
        0i64..=6,
        prop::collection::vec(step(), 1..40),
    )
        .prop_map(|(mask, has_treadmill, fall_risk, baseline, steps)| {
            let days: Vec<Day> =
                Day::ALL.into_iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, d)| d).collect();
            let equipment = if has_treadmill { treadmill() } else { Equipment::default() };
            let mut s = setup(equipment, &days, baseline);
            s.weeks = 10;
            (Programme::new(s, fall_risk).unwrap(), steps)
        })
}

/// Walks the generated steps over the planned dates, doing what the coach says.
fn run(p: &Programme, steps: &[Step]) -> (History, Timeline) {
    let mut h = History::default();
    let mut date = p.start();
    for s in steps {
        date = add_days(date, i64::from(s.skip_days));
        if !p.is_retro_day(date) {
            match p.next_retro_after(date) {
                Some(d) => date = d,
                None => break,
            }
        }
        let tl = replay(p, &h, date);
        let dose = tl.dose_on(date).unwrap_or(p.limits.start_dose());
        let mut l = log(date, dose, s.peak);
        if s.minutes_short && l.minutes > 1 {
            l.minutes -= 1;
        }
        if s.symptom {
            l.symptoms.push(Symptom::NewSwelling);
        }
        h.logs.push(l);
        if let Some(m) = s.morning {
            h.checkins.push(checkin(date, m));
        }
        match p.next_retro_after(date) {
            Some(d) => date = d,
            None => break,
        }
    }
    let tl = replay(p, &h, date);
    (h, tl)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(300), ..ProptestConfig::default() })]

    #[test]
    fn never_progress_after_high_pain_or_a_morning_rise((p, steps) in walker()) {
        let (h, tl) = run(&p, &steps);
        for l in &h.logs {
            let d = tl.after(l.date).unwrap();
            let rise = h.checkin_for(l.date).map(|c| i64::from(c.pain.value()) - i64::from(p.setup.baseline_pain.value()));
            if l.pain_peak.value() > 5 || rise.is_some_and(|r| r >= 2) {
                prop_assert_ne!(d.action, Action::Progress, "{:?}", d);
            }
        }
    }

    #[test]
    fn never_change_two_variables_in_one_step((p, steps) in walker()) {
        let (_, tl) = run(&p, &steps);
        for pair in tl.decisions.windows(2) {
            if let (Some(a), Some(b)) = (pair[0].dose, pair[1].dose) {
                prop_assert!(b.changes_from(&a).len() <= 1, "{:?} -> {:?}", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn weekly_minutes_grow_at_most_twenty_percent((p, steps) in walker()) {
        let (_, tl) = run(&p, &steps);
        let totals = weekly_minutes(&p, &tl, 12);
        for (i, w) in totals.windows(2).enumerate() {
            prop_assert!(w[1] * 100 <= w[0] * (100 + WEEKLY_CAP_PERCENT), "week {} -> {}: {:?}", i + 1, i + 2, totals);
        }
    }

    #[test]
    fn supported_only_never_gets_incline_or_hands_free((p, steps) in walker()) {
        // Generated supported-only (not filtered for): the same walker at fall risk.
        let p = Programme::new(p.setup, true).unwrap();
        let (_, tl) = run(&p, &steps);
        for d in tl.decisions.iter().filter_map(|d| d.dose) {
            prop_assert!(d.support != Support::HandsFree && d.incline_pct == 0, "{:?}", d);
        }
    }

    #[test]
    fn a_red_flag_always_stops((p, steps) in walker()) {
        let (h, tl) = run(&p, &steps);
        if let Some(flagged) = h.logs.iter().find(|l| !l.symptoms.is_empty()) {
            let d = tl.after(flagged.date).unwrap();
            prop_assert_eq!(d.action, Action::Stop);
            prop_assert!(tl.decisions.iter().filter(|x| x.effective > flagged.date).all(|x| x.dose.is_none()));
        }
    }

    #[test]
    fn doses_stay_within_the_week_ceilings((p, steps) in walker()) {
        let (_, tl) = run(&p, &steps);
        for d in &tl.decisions {
            if let (Some(dose), Action::Progress) = (d.dose, d.action) {
                let c = p.limits.ceiling(p.week_of(d.effective));
                prop_assert!(dose.minutes <= c.minutes && dose.speed_tenths <= c.speed_tenths);
                prop_assert!(dose.support <= c.support && dose.incline_pct <= c.incline_pct);
            }
        }
    }
}
