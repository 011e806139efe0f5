//! Walkers and histories used across the tests.

use coach::Pain;
use coach::dates::add_days;
use coach::dose::{Dose, Support, Surface};
use coach::history::{CheckIn, History, SessionLog, Symptom};
use coach::programme::Programme;
use coach::setup::{Day, Equipment, Setup};
use jiff::civil::{Date, date};

pub const START: Date = date(2026, 11, 23); // a Monday

/// Generated cases per property: `RETROWALK_PROPTEST_CASES`, or `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("RETROWALK_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn treadmill() -> Equipment {
    Equipment { treadmill: true, safety_key: true, handrails: true, bike: false, pool: false }
}

pub fn setup(equipment: Equipment, days: &[Day], baseline: i64) -> Setup {
    Setup {
        equipment,
        training_days: days.to_vec(),
        start: START,
        time_zone: "Europe/London".into(),
        baseline_pain: Pain::new(baseline).unwrap(),
        weeks: 6,
        forward_speed_tenths: 30,
    }
}

pub fn programme(equipment: Equipment, days: &[Day], baseline: i64, fall_risk: bool) -> Programme {
    Programme::new(setup(equipment, days, baseline), fall_risk).unwrap()
}

pub fn mon_wed_fri() -> Programme {
    programme(treadmill(), &[Day::Mon, Day::Wed, Day::Fri], 3, false)
}

/// A session done exactly as prescribed by `dose`.
pub fn log(date: Date, dose: Dose, peak: i64) -> SessionLog {
    SessionLog {
        date,
        minutes: dose.minutes,
        bouts: 1,
        speed_tenths: Some(dose.speed_tenths),
        incline_pct: dose.incline_pct,
        support: dose.support,
        surface: dose.surface,
        pain_before: Pain::new(peak.min(3)).unwrap(),
        pain_peak: Pain::new(peak).unwrap(),
        pain_after: Pain::new(peak.min(4)).unwrap(),
        rpe: Some(4),
        symptoms: vec![],
        notes: String::new(),
    }
}

pub fn checkin(session: Date, pain: i64) -> CheckIn {
    CheckIn {
        session_date: session,
        date: add_days(session, 1),
        pain: Pain::new(pain).unwrap(),
        symptoms: vec![],
        recorded_at: None,
    }
}

/// Adds a session on `date` at whatever the coach prescribes, and its check-in.
pub fn walk(p: &Programme, h: &mut History, date: Date, peak: i64, morning: Option<i64>, symptom: Option<Symptom>) {
    let tl = coach::adaptation::replay(p, h, date);
    let dose = tl.dose_on(date).unwrap_or(p.limits.start_dose());
    let mut l = log(date, dose, peak);
    l.symptoms.extend(symptom);
    h.logs.push(l);
    if let Some(m) = morning {
        h.checkins.push(checkin(date, m));
    }
}

pub fn any_dose() -> Dose {
    Dose { minutes: 12, speed_tenths: 16, incline_pct: 0, support: Support::LightTouch, surface: Surface::Treadmill }
}
