//! The best case: the dose each planned session would get if every session
//! went well. Shown as the programme's outline; the real plan adapts.

use crate::Pain;
use crate::adaptation::{self, Timeline};
use crate::dates::add_days;
use crate::history::{CheckIn, History, SessionLog};
use crate::programme::Programme;

/// Replays an ideal history: every planned session done as prescribed, pain
/// 1/10, and the next morning back to the usual level.
pub fn ideal(p: &Programme) -> Timeline {
    let mut h = History::default();
    let mut tl = adaptation::replay(p, &h, p.start());
    for date in p.retro_dates() {
        let Some(dose) = tl.dose_on(date) else { break };
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
        });
        tl = adaptation::replay(p, &h, date);
    }
    tl
}
