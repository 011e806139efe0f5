//! What a decision's sentence says, as data: the facts behind each rule's
//! sentence (the walker's numbers, the step changed, the clinician's note),
//! so the words crate can say it in any language. [`Why::english`] is the
//! coach's own sentence, kept on each decision as its `reason` (the API, the
//! audit, the stored record); the words crate's English must match it, and a
//! test there holds it to that for every variant.

use crate::dose::{Dose, Surface, Variable};
use crate::history::Symptom;

/// Why the coach (or a clinician) decided a dose, without the words.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Why {
    /// Only the sentence is known: a decision read back from a stored record
    /// or an archive, whose facts were not kept. Words fall back on the
    /// rule's own sentence.
    #[default]
    Recorded,
    Start {
        minutes: u8,
        surface: Surface,
    },
    /// Usual pain already above 5: see a clinician first.
    StartSeverePain {
        usual: u8,
        minutes: u8,
        surface: Surface,
    },
    /// `who` is the clinician's name (a restart and a stop add their role);
    /// `note` their own words, shown as written in every language.
    ClinicianDose {
        who: String,
        note: String,
    },
    ClinicianRestart {
        who: String,
        dose: Dose,
        week: u32,
        supported_only: bool,
        note: String,
    },
    ClinicianStop {
        who: String,
        ended: bool,
        note: String,
    },
    RedFlag {
        symptoms: Vec<Symptom>,
    },
    Gap {
        days: i64,
        minutes: u8,
    },
    Stopped,
    /// Too much pain; `less` is the variable stepped back (`None` at the
    /// lowest dose already).
    StepBack {
        pain: TooMuch,
        less: Option<Variable>,
    },
    TwoStepBacks {
        pain: TooMuch,
    },
    Incomplete {
        walked: u8,
        planned: u8,
    },
    AwaitCheckin,
    MorningUnsettled,
    PainAcceptable {
        pain: u8,
        after_walk: bool,
    },
    Progress {
        pain: u8,
        changed: Variable,
        next: Dose,
    },
    WeeklyCap,
    AtCeiling,
}

/// Which pain was too much, and how much.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooMuch {
    Peak(u8),
    AfterWalk(u8),
    /// Points above the walker's usual pain, the next morning.
    MorningRise(i16),
}

impl TooMuch {
    fn english(self) -> String {
        match self {
            TooMuch::Peak(p) => format!("Your pain peaked at {p}/10, above 5, which is too much."),
            TooMuch::AfterWalk(p) => {
                format!("Right after the session your pain was {p}/10, above 5, which is too much.")
            }
            TooMuch::MorningRise(r) => format!("The next morning your pain was {r} points above your usual level."),
        }
    }
}

/// How the first sessions are walked, on each surface.
fn start_how(surface: Surface) -> &'static str {
    match surface {
        Surface::Treadmill => "holding the rails, at about half your usual speed",
        Surface::Overground => "one hand on a wall or rail, with someone nearby, at about half your usual pace",
    }
}

/// The step added, in words: "12 minutes", "2.4 km/h", "5% incline".
fn step_words(var: Variable, d: &Dose) -> String {
    match var {
        Variable::Duration => format!("{} minutes", d.minutes),
        Variable::Speed => crate::text::kmh(d.speed_tenths),
        Variable::Support => d.support_text().into(),
        Variable::Incline => format!("{}% incline", d.incline_pct),
    }
}

impl Why {
    /// The coach's sentence in English.
    pub fn english(&self) -> String {
        match self {
            Why::Recorded => String::new(),
            Why::Start { minutes, surface } => {
                format!("First sessions are short and slow: {minutes} minutes in short bouts, {}.", start_how(*surface))
            }
            Why::StartSeverePain { usual, minutes, surface } => format!(
                "Your usual knee pain is {usual}/10, already above 5, so please see your clinician before you start; sessions begin at the lowest step ({minutes} minutes), {}.",
                start_how(*surface)
            ),
            Why::ClinicianDose { who, note } => format!("Your clinician {who} set this dose: {note}"),
            Why::ClinicianRestart { who, dose, week, supported_only, note } => {
                let at = dose.summary(*week, *supported_only);
                if note.is_empty() {
                    format!("Your clinician {who} restarted your programme at: {at}")
                } else {
                    format!("Your clinician {who} restarted your programme at: {at} Note: {note}")
                }
            }
            Why::ClinicianStop { who, ended, note } => {
                let what = if *ended { "ended" } else { "paused" };
                format!("Your clinician {who} {what} your backward-walking programme: {note}")
            }
            Why::RedFlag { symptoms } => {
                let reported: Vec<&str> = symptoms.iter().map(|s| s.reported()).collect();
                format!(
                    "You reported: {}. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today.",
                    reported.join("; ")
                )
            }
            Why::Gap { days, minutes } => format!(
                "It has been {days} days since your last session, so we restart a little lower ({minutes} min) and build up again."
            ),
            Why::Stopped => "The programme is paused. Contact your clinician; only they can restart it.".into(),
            Why::StepBack { pain, less: Some(var) } => format!("{} Next time: less {}.", pain.english(), var.noun()),
            Why::StepBack { pain, less: None } => {
                format!("{} You are already at the lowest dose, so keep it there.", pain.english())
            }
            Why::TwoStepBacks { pain } => format!(
                "{} That is the second step back in a row, so we stop here: please contact your clinician before the next session.",
                pain.english()
            ),
            Why::Incomplete { walked, planned } => {
                format!("You walked {walked} of the {planned} minutes, so we repeat this dose before adding more.")
            }
            Why::AwaitCheckin => "Repeat this dose for now. Tomorrow morning, record how your knee feels: that decides whether you can step up.".into(),
            Why::MorningUnsettled => {
                "Your knee had not quite settled by the next morning, so we repeat this dose.".into()
            }
            Why::PainAcceptable { pain, after_walk } => {
                let when = if *after_walk { "right after the walk" } else { "during the walk" };
                format!("Pain of {pain}/10 {when} is acceptable, so we repeat this dose until it feels easier.")
            }
            // Less support is the step up in support: said as what it is.
            Why::Progress { pain, changed: Variable::Support, next } => format!(
                "Pain stayed at {pain}/10 and had settled by the next morning, so we reduce support a little: {}.",
                next.support_text()
            ),
            Why::Progress { pain, changed, next } => format!(
                "Pain stayed at {pain}/10 and had settled by the next morning, so we add a little {}: {}.",
                changed.noun(),
                step_words(*changed, next)
            ),
            Why::WeeklyCap => "You are doing well. Your minutes already grow as fast as is safe this week (at most 20% a week), so we hold this dose.".into(),
            Why::AtCeiling => {
                "You are doing well and at the most this stage of the programme allows, so we hold this dose.".into()
            }
        }
    }

    /// The clinician's own words in a decision they made, shown as written
    /// whatever the interface's language.
    pub fn clinician_note(&self) -> Option<&str> {
        match self {
            Why::ClinicianDose { note, .. } | Why::ClinicianRestart { note, .. } | Why::ClinicianStop { note, .. } => {
                Some(note.as_str()).filter(|n| !n.is_empty())
            }
            _ => None,
        }
    }
}
