//! Whether the walker may walk backwards, and if not, why and what ends the
//! pause. Every output that looks forward (today, the plan, the calendar, the
//! care plan, the report, the API) asks this first, through
//! [`crate::schedule`], so a walker who must not train never sees a
//! backward-walking dose (design row `design.pause`).
//!
//! Four things pause training: a red flag at screening, a general-health
//! concern not yet cleared, a stop by the coach (a red-flag symptom in a log
//! or check-in, or two step-backs in a row) and a pause or end by the care
//! team. The first ends with a new screening after a clinician's check, the
//! second with a recorded clearance, the last two with a clinician's recorded
//! restart.

use crate::adaptation::{Action, CLINICIAN_END_RULE, CLINICIAN_PAUSE_RULE, Decision, Timeline};
use crate::evidence as ev;
use crate::screening::{Outcome, Status};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseKind {
    /// A red flag at screening: see a clinician, then redo the screening.
    ScreenRedFlag,
    /// A general-health concern: a professional's clearance first.
    ClearanceNeeded,
    /// A red-flag symptom reported in a log or check-in.
    RedFlag,
    /// Two step-backs in a row: the knee is not coping.
    Pain,
    /// The care team paused the programme.
    Clinician,
    /// The care team ended the programme.
    Ended,
}

crate::named!(PauseKind, "pause", "a known pause", {
    ScreenRedFlag => "screen_red_flag",
    ClearanceNeeded => "clearance_needed",
    RedFlag => "red_flag",
    Pain => "pain",
    Clinician => "clinician",
    Ended => "ended",
});

impl PauseKind {
    /// A red flag stands: no exercise suggestions at all, and the urgent signs.
    pub fn is_red_flag(self) -> bool {
        matches!(self, PauseKind::ScreenRedFlag | PauseKind::RedFlag)
    }

    /// Only a clinician's recorded restart ends it (not a new screening or a clearance).
    pub fn needs_restart(self) -> bool {
        matches!(self, PauseKind::RedFlag | PauseKind::Pain | PauseKind::Clinician | PauseKind::Ended)
    }

    /// The care team paused or ended the programme (the coach did not).
    pub fn by_clinician(self) -> bool {
        matches!(self, PauseKind::Clinician | PauseKind::Ended)
    }
}

/// Backward walking is paused: what happened, what to do now, what ends it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pause {
    pub kind: PauseKind,
    /// The rule that paused it (`S-RED-FLAG`, `S-CLEARANCE`, `A-RED-FLAG`, `A-TWO-STEPBACKS`).
    pub rule: String,
    pub evidence: Vec<String>,
    /// One sentence: backward walking is paused, and the cause.
    pub headline: String,
    /// What happened, each in a sentence.
    pub reasons: Vec<String>,
    /// What to do now.
    pub do_now: String,
    /// The signs that mean seeking medical care today.
    pub urgent: Vec<&'static str>,
    /// What ends the pause.
    pub ends_when: String,
    /// The first day of a stop (stops by the coach only).
    pub since: Option<Date>,
    /// A restart already signed that starts on a later day: the stop stands
    /// until then, and nothing more is to be signed.
    pub restart_from: Option<Date>,
}

/// Signs that mean getting medical help the same day, in plain words
/// (EVIDENCE §4.2: infection, haemarthrosis, fracture, DVT; §4.1: chest pain).
pub const URGENT_SIGNS: &[&str] = &[
    "a hot, red, swollen knee with a fever or feeling unwell",
    "pain, swelling or warmth in the calf, or sudden breathlessness",
    "chest pain, pressure or tightness, or fainting",
    "you cannot put weight on the leg, or the knee is locked and will not straighten",
    "the knee swelled up quickly after a fall or a twist",
];

pub const URGENT_LEAD: &str = "Get medical help today (urgent care or emergency services) if you have any of these:";

const ENDED_ENDS: &str = "Nothing is planned now. If your care team restarts the programme one day, they record the restart with the dose to start at.";

const RESTART_ENDS: &str = "Your clinician restarts the programme once they have checked you: they record the restart, with their name, role and the dose to restart at. Until then, no backward walking.";

/// A pause's fixed sentences by kind: its headline, what to do now, and
/// what ends it (the interface's `pausebox.*` messages say the same).
pub fn sentences(kind: PauseKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        PauseKind::ScreenRedFlag => (
            "Do not start backward walking: your screening found a red flag.",
            "See a clinician now and show them your answers. Do not exercise the knee until they have checked it.",
            "A clinician checks your knee. When the problem is resolved, redo the screening; the programme starts when it finds no red flag.",
        ),
        PauseKind::ClearanceNeeded => (
            "Backward walking waits for a professional's clearance.",
            "See your doctor or physiotherapist and show them your answers.",
            "When they agree you can start, record their clearance (their name, role and the date); your programme starts then.",
        ),
        PauseKind::RedFlag => (
            "Stop: backward walking is paused because of what you reported.",
            "Contact your clinician today and tell them what happened. Do not walk backwards or do the exercises until they have seen you.",
            RESTART_ENDS,
        ),
        PauseKind::Clinician => (
            "Backward walking is paused by your care team.",
            "Read their note, and message them if anything is unclear. Keep moving gently in daily life, within comfort.",
            RESTART_ENDS,
        ),
        PauseKind::Ended => (
            "Your care team has ended your backward-walking programme.",
            "Read their note. Keep up the strengthening, stretching and everyday activity they advise.",
            ENDED_ENDS,
        ),
        PauseKind::Pain => (
            "Backward walking is paused: your knee was sore after two sessions in a row.",
            "Contact your clinician and tell them how your knee has been. Keep moving gently in daily life, within comfort.",
            RESTART_ENDS,
        ),
    }
}

/// The pause in force on `date`, if training is not allowed then.
pub fn pause(screen: &Outcome, tl: &Timeline, date: Date) -> Option<Pause> {
    let screen_reasons = || screen.reasons.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
    match screen.status {
        Status::Blocked => {
            return Some(Pause {
                kind: PauseKind::ScreenRedFlag,
                rule: "S-RED-FLAG".into(),
                evidence: vec![ev::KNEE_RED_FLAGS.into(), ev::DESIGN_PAUSE.into()],
                headline: sentences(PauseKind::ScreenRedFlag).0.into(),
                reasons: screen_reasons(),
                do_now: sentences(PauseKind::ScreenRedFlag).1.into(),
                urgent: URGENT_SIGNS.to_vec(),
                ends_when: sentences(PauseKind::ScreenRedFlag).2.into(),
                since: None,
                restart_from: None,
            });
        }
        Status::ClearanceNeeded => {
            return Some(Pause {
                kind: PauseKind::ClearanceNeeded,
                rule: "S-CLEARANCE".into(),
                evidence: vec![ev::GENERAL_HEALTH.into(), ev::ACSM_SCREENING.into(), ev::DESIGN_PAUSE.into()],
                headline: sentences(PauseKind::ClearanceNeeded).0.into(),
                reasons: screen_reasons(),
                do_now: sentences(PauseKind::ClearanceNeeded).1.into(),
                urgent: Vec::new(),
                ends_when: sentences(PauseKind::ClearanceNeeded).2.into(),
                since: None,
                restart_from: None,
            });
        }
        Status::SupportedOnly | Status::Cleared => {}
    }
    let stop = tl.stop_on(date)?;
    let cause = stop_cause(tl, date).unwrap_or(stop);
    let kind = match cause.rule.as_str() {
        "A-RED-FLAG" => PauseKind::RedFlag,
        CLINICIAN_PAUSE_RULE => PauseKind::Clinician,
        CLINICIAN_END_RULE => PauseKind::Ended,
        _ => PauseKind::Pain,
    };
    let (headline, do_now, ends_when) = sentences(kind);
    let restart_from = tl.restart_from(date);
    let ends_when = match restart_from {
        Some(from) => format!("Your clinician has signed the restart: backward walking starts again on {from}."),
        None => ends_when.to_string(),
    };
    // A discharge is no alarm: the urgent signs stay for every other stop.
    let urgent = if kind == PauseKind::Ended { Vec::new() } else { URGENT_SIGNS.to_vec() };
    Some(Pause {
        kind,
        rule: cause.rule.clone(),
        evidence: cause.evidence.iter().cloned().chain([ev::DESIGN_PAUSE.to_string()]).collect(),
        headline: headline.into(),
        reasons: vec![cause.reason.clone()],
        do_now: do_now.into(),
        urgent,
        ends_when,
        since: Some(cause.effective),
        restart_from,
    })
}

/// The decision that started the stop in force on `date`: the first of the
/// stops in a row that lead up to it. A red flag among them wins (its urgent
/// signs must show), then the care team's latest pause or end (their note is
/// what the walker must read).
fn stop_cause(tl: &Timeline, date: Date) -> Option<&Decision> {
    let run: Vec<&Decision> = tl.known_on(date).rev().take_while(|d| d.action == Action::Stop).collect();
    run.iter()
        .rev()
        .find(|d| d.rule == "A-RED-FLAG")
        .or_else(|| run.iter().find(|d| d.is_care_team_stop()))
        .or_else(|| run.last())
        .copied()
}

impl Pause {
    /// The lead-in to [`Pause::urgent`].
    pub fn urgent_lead(&self) -> &'static str {
        URGENT_LEAD
    }

    /// The pause as plain text lines, for the CLI and the calendar.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![self.headline.clone()];
        out.extend(self.reasons.iter().cloned());
        out.push(format!("What to do now: {}", self.do_now));
        if !self.urgent.is_empty() {
            out.push(URGENT_LEAD.into());
            out.extend(self.urgent.iter().map(|s| format!("  - {s}")));
        }
        out.push(format!("What ends the pause: {}", self.ends_when));
        out
    }
}
