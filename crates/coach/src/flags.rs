//! What a clinician should look at for one walker, and how urgently: the
//! flags of the patient list. Each flag names the rule that raised it and
//! says in one sentence why. Pure: the facts and today in, flags out.

use crate::dates::days_between;
use crate::history::{History, Symptom};
use crate::pause::{Pause, PauseKind};
use crate::schedule::{DayStatus, Schedule};
use crate::screening::{Outcome, Status};
use jiff::civil::Date;
use serde::Serialize;

/// How soon a clinician should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Today.
    Critical,
    /// This week.
    High,
    /// When reviewing.
    Low,
}

crate::named!(Severity, "severity", "a known severity", { Critical => "critical", High => "high", Low => "low" });

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    pub severity: Severity,
    /// The rule that raised it, e.g. `F-RED-FLAG`.
    pub rule: &'static str,
    /// Why, in one sentence a clinician reads at a glance.
    pub text: String,
    /// Since when it stands (the day of the fact behind it).
    pub since: Date,
    /// The values `text` is made of, by name, for other languages (dates as
    /// `YYYY-MM-DD`, the warning signs as their names joined by `,`).
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

/// A flag's values, by name, as `Flag::args` keeps them.
type Args = Vec<(&'static str, String)>;

/// Every rule that raises a flag, with a few words to filter the patient list by.
pub const RULES: &[(&str, &str)] = &[
    ("F-RED-FLAG", "Red-flag symptom"),
    ("F-FALL", "Reported fall"),
    ("F-SEVERE-PAIN", "Pain 7 or more"),
    ("F-TWO-STEPBACKS", "Stopped after two step-backs"),
    ("F-MORNING-RISE", "Next-morning pain up"),
    ("F-CLEARANCE", "Clearance to sign"),
    ("F-MISSED-WEEK", "A week of sessions missed"),
    ("F-STALLED", "Nothing logged for 14 days"),
    ("F-PAIN-RISING", "Pain 5 or more and rising"),
    ("F-MISSED", "Sessions missed in a row"),
    ("F-OUTCOMES-DUE", "Outcome measures due"),
];

/// Pain at or above this, during or after a session, is looked at today.
pub const SEVERE_PAIN: u8 = 7;
/// Next-morning pain this much over the walker's usual pain.
pub const MORNING_RISE: u8 = 2;
/// Peak pain at or above this, higher than the session before.
pub const RISING_PAIN: u8 = 5;
/// No log or check-in for this many days: stalled.
pub const STALLED_DAYS: i64 = 14;

/// What the flags are read from: one walker's facts on one day.
pub struct Facts<'a> {
    pub screen: &'a Outcome,
    /// A fall reported during the programme (the screening's answers keep it).
    pub fell: Option<Date>,
    /// The walker's usual knee pain (the set-up's baseline).
    pub usual_pain: u8,
    pub history: &'a History,
    pub schedule: &'a Schedule,
    pub pause: Option<&'a Pause>,
    pub today: Date,
    /// The programme's first day.
    pub start: Date,
    /// Whether outcome measures are due today.
    pub outcomes_due: bool,
}

/// Everything the facts say a clinician should look at, most urgent first
/// (then oldest first).
pub fn flags(f: &Facts<'_>) -> Vec<Flag> {
    let Facts { screen, fell, usual_pain, history, schedule, pause, today, start, outcomes_due } = *f;
    let mut out = Vec::new();
    let mut add =
        |severity, rule, text: String, since, args: Args| out.push(Flag { severity, rule, text, since, args });
    if let Some(p) = pause {
        match p.kind {
            PauseKind::RedFlag => {
                let (day, symptoms) = last_symptoms(history).unwrap_or((today, Vec::new()));
                let said: Vec<&str> = symptoms.iter().map(|s| s.label()).collect();
                let names: Vec<&str> = symptoms.iter().map(|s| s.as_str()).collect();
                add(
                    Severity::Critical,
                    "F-RED-FLAG",
                    format!("Red-flag symptom ({}): programme stopped.", said.join("; ")),
                    day,
                    vec![("symptoms", names.join(","))],
                )
            }
            PauseKind::Pain => add(
                Severity::High,
                "F-TWO-STEPBACKS",
                "Two step-backs in a row: programme stopped until a restart.".into(),
                history.last_day().unwrap_or(today),
                vec![],
            ),
            // The care team's own pause or end needs no flag to them.
            PauseKind::ScreenRedFlag | PauseKind::ClearanceNeeded | PauseKind::Clinician | PauseKind::Ended => {}
        }
    }
    if let Some(day) = fell {
        add(
            Severity::Critical,
            "F-FALL",
            "A fall was reported: every session is supported-only until reviewed.".into(),
            day,
            vec![],
        );
    }
    if screen.status == Status::ClearanceNeeded {
        add(
            Severity::High,
            "F-CLEARANCE",
            "A clearance is waiting to be signed before training.".into(),
            start,
            vec![],
        );
    }
    let mut logs: Vec<_> = history.logs.iter().collect();
    logs.sort_by_key(|l| l.date);
    if let Some(l) = logs.iter().rev().find(|l| l.pain_peak.value().max(l.pain_after.value()) >= SEVERE_PAIN)
        && days_between(l.date, today) <= STALLED_DAYS
    {
        let pain = l.pain_peak.value().max(l.pain_after.value());
        let args = vec![("pain", pain.to_string()), ("day", l.date.to_string())];
        add(Severity::Critical, "F-SEVERE-PAIN", format!("Pain {pain}/10 in the session of {}.", l.date), l.date, args);
    }
    let mut checkins: Vec<_> = history.checkins.iter().collect();
    checkins.sort_by_key(|c| c.date);
    if let Some(c) = checkins.last().filter(|c| c.pain.value() >= usual_pain + MORNING_RISE) {
        let (pain, over) = (c.pain.value(), c.pain.value() - usual_pain);
        add(
            Severity::High,
            "F-MORNING-RISE",
            format!("Next-morning pain {pain}/10 on {}, {over} over the usual {usual_pain}.", c.date),
            c.date,
            vec![
                ("pain", pain.to_string()),
                ("day", c.date.to_string()),
                ("over", over.to_string()),
                ("usual", usual_pain.to_string()),
            ],
        );
    }
    if let [.., before, last] = logs.as_slice()
        && last.pain_peak.value() >= RISING_PAIN
        && last.pain_peak > before.pain_peak
    {
        let (was, now) = (before.pain_peak.value(), last.pain_peak.value());
        let args = vec![("before", was.to_string()), ("now", now.to_string())];
        add(Severity::Low, "F-PAIN-RISING", format!("Peak pain rising: {was} then {now}/10."), last.date, args);
    }
    missed(schedule, today, &mut add);
    let last = history.last_day().unwrap_or(start);
    if days_between(last, today) >= STALLED_DAYS && days_between(start, today) >= STALLED_DAYS {
        add(
            Severity::High,
            "F-STALLED",
            format!("Nothing logged since {last}."),
            last,
            vec![("day", last.to_string())],
        );
    }
    if outcomes_due {
        add(Severity::Low, "F-OUTCOMES-DUE", "Outcome measures are due.".into(), today, vec![]);
    }
    out.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.since.cmp(&b.since)));
    out
}

/// Missed planned sessions: two in a row (low), or every one of the past week (high).
fn missed(schedule: &Schedule, today: Date, add: &mut impl FnMut(Severity, &'static str, String, Date, Args)) {
    let past: Vec<_> = schedule.sessions.iter().filter(|s| s.date < today && s.status != DayStatus::Paused).collect();
    let week: Vec<_> = past.iter().filter(|s| days_between(s.date, today) <= 7).collect();
    if week.len() >= 2 && week.iter().all(|s| s.status == DayStatus::Missed) {
        add(
            Severity::High,
            "F-MISSED-WEEK",
            format!("Every planned session of the past week missed ({}).", week.len()),
            week[0].date,
            vec![("n", week.len().to_string())],
        );
        return;
    }
    let in_a_row = past.iter().rev().take_while(|s| s.status == DayStatus::Missed).count();
    if in_a_row >= 2 {
        let since = past[past.len() - in_a_row].date;
        let args = vec![("n", in_a_row.to_string())];
        add(Severity::Low, "F-MISSED", format!("{in_a_row} planned sessions missed in a row."), since, args);
    }
}

/// The latest day red-flag symptoms were reported, and which.
fn last_symptoms(history: &History) -> Option<(Date, Vec<Symptom>)> {
    let logs = history.logs.iter().map(|l| (l.date, &l.symptoms));
    let checkins = history.checkins.iter().map(|c| (c.date, &c.symptoms));
    let (day, symptoms) = logs.chain(checkins).filter(|(_, s)| !s.is_empty()).max_by_key(|(d, _)| *d)?;
    Some((day, symptoms.clone()))
}

#[cfg(test)]
mod rules_listed {
    /// A new flag rule is listed in `RULES`, so the patient list can filter by it.
    #[test]
    fn every_rule_raised_here_is_listed() {
        let source = include_str!("flags.rs");
        let start = source.find("pub fn flags(").unwrap_or(0);
        let end = source.find("#[cfg(test)]").unwrap_or(source.len());
        let code = &source[start..end];
        for piece in code.split('"').skip(1).step_by(2).filter(|p| p.starts_with("F-")) {
            assert!(super::RULES.iter().any(|(rule, _)| rule == &piece), "{piece} is not in RULES");
        }
    }
}
