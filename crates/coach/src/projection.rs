//! What lies ahead if sessions go well: the dose each planned session would
//! get if every session were done as prescribed, with little pain and the
//! knee settled by the next morning. An outline for the walker (marked as
//! expected, never promised); the real plan adapts to what happens.

use crate::Pain;
use crate::adaptation::{self, Decision, Timeline};
use crate::dates::add_days;
use crate::dose::Dose;
use crate::history::{CheckIn, History, SessionLog};
use crate::pause::pause;
use crate::programme::Programme;
use crate::screening::Outcome;
use jiff::civil::Date;
use serde::Serialize;

/// Replays an ideal history from the start: every planned session done as
/// prescribed. The programme's best case.
pub fn ideal(p: &Programme) -> Timeline {
    let mut h = History::default();
    let mut tl = adaptation::replay(p, &h, p.start());
    for date in p.retro_dates() {
        let Some(dose) = tl.dose_on(date) else { break };
        went_well(p, &mut h, date, dose);
        tl = adaptation::replay(p, &h, date);
    }
    tl
}

/// A planned session ahead and what it would get if the ones before it go well.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Expected {
    pub date: Date,
    pub dose: Dose,
    /// The decision that would set it: its rule, evidence and sentence.
    pub why: Decision,
}

/// The sessions from `today` on, from the walker's own history followed by
/// sessions that go well. Empty while training is paused: there is no dose
/// to look forward to until a clinician or the walker's recovery lifts it.
pub fn expected(p: &Programme, screen: &Outcome, h: &History, today: Date) -> Vec<Expected> {
    let mut h = h.clone();
    let mut tl = adaptation::replay(p, &h, today);
    if pause(screen, &tl, today).is_some() {
        return Vec::new();
    }
    let ahead: Vec<Date> = p.retro_dates().into_iter().filter(|d| *d >= today && h.log_on(*d).is_none()).collect();
    let mut out = Vec::new();
    for date in ahead {
        let (Some(dose), Some(why)) = (tl.dose_on(date), tl.in_force(date).cloned()) else { break };
        out.push(Expected { date, dose, why });
        went_well(p, &mut h, date, dose);
        tl = adaptation::replay(p, &h, date);
    }
    out
}

/// Adds a session on `date` done as prescribed, peak pain 1/10, and the next
/// morning back to the walker's usual pain.
fn went_well(p: &Programme, h: &mut History, date: Date, dose: Dose) {
    h.logs.push(SessionLog {
        date,
        minutes: dose.minutes,
        bouts: dose.bouts(p.week_of(date), p.limits.supported_only).len() as u8,
        speed_tenths: Some(dose.speed_tenths),
        incline_pct: dose.incline_pct,
        support: dose.support,
        surface: dose.surface,
        pain_before: Pain::NONE,
        pain_peak: Pain::new(1).unwrap_or(Pain::NONE),
        pain_after: Pain::NONE,
        rpe: Some(3),
        symptoms: Vec::new(),
        notes: String::new(),
    });
    h.checkins.push(CheckIn {
        session_date: date,
        date: add_days(date, 1),
        pain: p.setup.baseline_pain,
        symptoms: Vec::new(),
        recorded_at: None,
    });
}
