//! "What do I do today, and why?" — one view that the CLI, the web page and
//! the API all render.

use crate::adaptation::{Decision, Timeline};
use crate::dates::{add_days, days_between};
use crate::dose::{self, Dose, Surface};
use crate::evidence as ev;
use crate::history::History;
use crate::pause::{Pause, PauseKind, pause};
use crate::programme::{Item, Programme};
use crate::screening::Outcome;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A red flag: see a clinician, no exercise.
    Blocked,
    /// A professional must clear the walker first.
    ClearanceNeeded,
    /// The programme is stopped until a clinician restarts it.
    Stopped,
    BeforeStart,
    /// A backward-walking session is due today.
    Session,
    /// Today's session is already logged.
    Done,
    /// No backward walking today; complementary items only.
    Rest,
    /// The programme's weeks are over.
    Complete,
}

crate::named!(Kind, "kind", "a known kind", {
    Blocked => "blocked",
    ClearanceNeeded => "clearance_needed",
    Stopped => "stopped",
    BeforeStart => "before_start",
    Session => "session",
    Done => "done",
    Rest => "rest",
    Complete => "complete",
});

/// Today's backward walking as a clinician's list says it: paused (never a
/// dose then), a dose, none today, or no programme yet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TodayIs {
    Paused(crate::pause::PauseKind),
    Dose { dose: Dose, week: u32, supported_only: bool },
    Rest,
    NotStarted,
}

#[derive(Clone, Debug, Serialize)]
pub struct RetroSession {
    pub dose: Dose,
    pub summary: String,
    pub bouts: Vec<u8>,
    pub rest_minutes: u8,
    pub warm_up_minutes: u8,
    pub cool_down_minutes: u8,
    pub surface: &'static str,
    pub speed: String,
    pub support: &'static str,
    /// The decision behind this dose: rule id, evidence and a sentence.
    pub why: Decision,
    pub tips: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TodayView {
    pub date: Date,
    pub week: u32,
    /// The programme's length in weeks.
    pub weeks: u32,
    pub kind: Kind,
    pub headline: String,
    pub retro: Option<RetroSession>,
    pub items: Vec<Item>,
    pub next_session: Option<Date>,
    /// Reasons behind a blocked, clearance or stopped state.
    pub reasons: Vec<String>,
    /// A session whose next-morning check-in is due.
    pub checkin_due_for: Option<Date>,
    /// Why backward walking is paused, when it is: what happened, what to do
    /// now, the urgent signs and what ends the pause.
    pub pause: Option<Pause>,
    /// Things the walker should know before walking, each with its rule.
    pub notices: Vec<Notice>,
}

/// Something to know before walking: a suggestion to see a clinician first,
/// or why the setting is not the one the walker might expect.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    pub rule: &'static str,
    pub evidence: &'static [&'static str],
    pub text: String,
}

/// The notices for a walker who may train: severe usual pain (until the first
/// session is logged) and a treadmill that is not safe for backward walking.
pub fn notices(p: &Programme, h: &History) -> Vec<Notice> {
    let mut out = Vec::new();
    let usual = p.setup.baseline_pain.value();
    if p.limits.severe_usual_pain && h.logs.is_empty() {
        out.push(Notice {
            rule: "P-START-SEVERE-PAIN",
            evidence: &[ev::PAIN_ZONES, ev::SUPERVISION, ev::DESIGN_SEVERE_PAIN],
            text: format!(
                "Your usual knee pain is {usual}/10. Pain that high deserves a clinician's look before you start: please see your doctor or physiotherapist first. If you start, sessions begin at the lowest step ({} minutes). Pain above 5 during or after a session counts as too much: each time, the next session is shorter, and two in a row pause the programme until your clinician restarts it.",
                p.limits.start_dose().minutes
            ),
        });
    }
    if let Some(text) = p.setting_note() {
        out.push(Notice { rule: "P-SETTING", evidence: &[ev::TREADMILL_SETUP, ev::DESIGN_FALL_RISK], text });
    }
    out
}

/// A safety reminder: its id (the interface's message `tip.<id>`) and its English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Tip {
    pub id: &'static str,
    pub text: &'static str,
}

const TIPS_ALWAYS: &[Tip] = &[
    Tip { id: "shoes", text: "Wear supportive, closed shoes." },
    Tip { id: "short_steps", text: "Stand tall and take short steps, landing toes first, then the heel." },
    Tip { id: "stop_if", text: "Stop if pain passes 5/10 or your balance feels off." },
];
const TIPS_TREADMILL: &[Tip] = &[
    Tip { id: "safety_key", text: "Clip the safety key to your clothing before the belt starts." },
    Tip { id: "set_speed", text: "Set the speed before you step on, and keep it the same the whole session." },
];
const TIPS_OVERGROUND: &[Tip] = &[
    Tip { id: "clear_space", text: "Choose a clear, flat, familiar space: no stairs, kerbs, rugs or traffic." },
    Tip { id: "glance", text: "Glance over your shoulder every few steps to see where you are going." },
];

/// The safety reminders for a session on this surface.
pub fn safety_tips(surface: Surface) -> Vec<Tip> {
    let specific = if surface == Surface::Treadmill { TIPS_TREADMILL } else { TIPS_OVERGROUND };
    specific.iter().chain(TIPS_ALWAYS).copied().collect()
}

/// The same reminders in English.
pub fn tips(surface: Surface) -> Vec<&'static str> {
    safety_tips(surface).into_iter().map(|t| t.text).collect()
}

pub fn today(p: &Programme, screen: &Outcome, tl: &Timeline, h: &History, date: Date) -> TodayView {
    let week = p.week_of(date);
    let checkin_due_for = h
        .logs
        .iter()
        .map(|l| l.date)
        .filter(|d| (1..=2).contains(&days_between(*d, date)) && h.checkin_for(*d).is_none())
        .max();
    let mut view = TodayView {
        date,
        week,
        weeks: u32::from(p.setup.weeks),
        kind: Kind::Rest,
        headline: String::new(),
        retro: None,
        items: Vec::new(),
        next_session: None,
        reasons: Vec::new(),
        checkin_due_for,
        pause: None,
        notices: Vec::new(),
    };
    if let Some(pause) = pause(screen, tl, date) {
        view.kind = match pause.kind {
            PauseKind::ScreenRedFlag => Kind::Blocked,
            PauseKind::ClearanceNeeded => Kind::ClearanceNeeded,
            PauseKind::RedFlag | PauseKind::Pain | PauseKind::Clinician | PauseKind::Ended => Kind::Stopped,
        };
        view.headline = pause.headline.clone();
        view.reasons = pause.reasons.clone();
        view.pause = Some(pause);
        return view;
    }
    view.notices = notices(p, h);
    view.next_session = p.retro_dates().into_iter().find(|d| *d > date);
    if date < p.start() {
        view.kind = Kind::BeforeStart;
        view.next_session = p.retro_dates().first().copied();
        view.headline = format!("Your programme starts on {}.", p.start());
        return view;
    }
    if date > p.end() {
        view.kind = Kind::Complete;
        view.headline = format!(
            "Your {}-week programme is complete. Keep the habit at your current dose, keep up the strengthening, and talk with your clinician about what comes next.",
            p.setup.weeks
        );
        return view;
    }
    view.items = p.items_on(date);
    let rest_day = |mut view: TodayView| {
        view.kind = Kind::Rest;
        view.headline = match view.next_session {
            Some(next) => format!("No backward walking today. Next session: {next}."),
            None => "No backward walking today.".into(),
        };
        view
    };
    if !p.is_retro_day(date) {
        return rest_day(view);
    }
    if h.log_on(date).is_some() {
        view.kind = Kind::Done;
        view.headline = "Today's session is logged. Well done. Tomorrow morning, record how your knee feels.".into();
        return view;
    }
    // No dose on a planned day: a restart signed today that starts tomorrow
    // (`History::restart_effective`).
    let (Some(dose), Some(why)) = (tl.dose_on(date), tl.in_force(date)) else {
        return rest_day(view);
    };
    view.kind = Kind::Session;
    view.headline = format!("Today: {} minutes of backward walking, then your strengthening.", dose.minutes);
    view.retro = Some(RetroSession {
        dose,
        summary: dose.summary(week, p.limits.supported_only),
        bouts: dose.bouts(week, p.limits.supported_only),
        rest_minutes: dose::REST_MINUTES,
        warm_up_minutes: dose::WARM_UP_MINUTES,
        cool_down_minutes: dose::COOL_DOWN_MINUTES,
        surface: dose.surface_text(),
        speed: dose.speed_text(),
        support: dose.support_text(),
        why: why.clone(),
        tips: tips(dose.surface),
    });
    view
}

/// Dates of planned sessions that passed without a log, up to `date`.
pub fn missed_sessions(p: &Programme, h: &History, date: Date) -> Vec<Date> {
    p.retro_dates().into_iter().filter(|d| *d < date && h.log_on(*d).is_none()).collect()
}

/// The day after `date`, for "check in tomorrow" prompts.
pub fn next_morning(date: Date) -> Date {
    add_days(date, 1)
}
