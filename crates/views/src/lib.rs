//! What retrowalk shows, as plain data: the clinician report, the progress
//! view and the outcome and questionnaire rows. `service` fills them from a
//! walker's state; the pages, the API, the CLI and the PDF read them. This
//! crate holds no I/O and no database types, so the PDF renderer depends on
//! it and the coach alone.

use coach::outcomes::{Interpretation, Measure};
use coach::pause::Pause;
use coach::progress::WeekRow;
use coach::screening::{Clearance, Outcome};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    pub name: String,
    pub generated: Date,
    pub screen: Outcome,
    /// The screening outcome in words.
    pub status_words: &'static str,
    /// The answers and measurements behind the outcome, in words.
    pub answers_behind: Vec<String>,
    /// Why backward walking is paused, when it is; the report then carries no
    /// dose from today on.
    pub pause: Option<Pause>,
    pub clearance: Option<Clearance>,
    pub start: Date,
    pub end: Date,
    pub supported_only: bool,
    pub progress: ProgressView,
    /// Every decision that changed something, oldest first.
    pub decisions: Vec<ReportDecision>,
    /// One point per logged session, oldest first.
    pub pain: Vec<PainPoint>,
    pub outcomes: Vec<OutcomeRow>,
    /// Subscale scores of loaded questionnaires.
    pub questionnaires: Vec<QuestionnaireRow>,
    /// Red-flag symptoms and fall-risk results.
    pub flags: Vec<ReportFlag>,
    pub notes: Vec<DatedText>,
    /// The phone's (or a sensor file's) measure of the walking, week by week
    /// of this programme.
    pub motion: Vec<coach::motion::MotionWeek>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReportDecision {
    pub effective: Date,
    pub reason: String,
    pub rule: String,
    /// The dose from that day on, or `None` while the programme is stopped.
    pub dose: Option<String>,
    /// What `reason` says, for the reader's language (`Recorded` for the
    /// row a pause stands in: the pause says it).
    #[serde(skip)]
    pub why: coach::why::Why,
    /// The dose behind `dose`, and the programme week it is said for.
    #[serde(skip)]
    pub dose_of: Option<(coach::dose::Dose, u32)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PainPoint {
    pub date: Date,
    pub peak: u8,
    pub after: u8,
    pub next_morning: Option<u8>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DatedText {
    pub date: Date,
    pub text: String,
}

/// A flag on the report: `text` in English for the API, `what` for saying it
/// in the reader's language.
#[derive(Clone, Debug, Serialize)]
pub struct ReportFlag {
    pub date: Date,
    pub text: String,
    #[serde(skip)]
    pub what: FlagWhat,
}

#[derive(Clone, Debug)]
pub enum FlagWhat {
    /// Warning signs logged with a session.
    Symptoms(Vec<coach::history::Symptom>),
    /// Warning signs at the morning check-in after the session on that day.
    Morning(Date, Vec<coach::history::Symptom>),
    /// A measure's result beyond its fall-risk or reference cut-off.
    Measure(coach::outcomes::Flag),
    /// A red flag or fall-risk result of the screening.
    Screening(coach::screening::Reason),
}

#[derive(Clone, Debug, Serialize)]
pub struct ProgressView {
    pub weeks: Vec<WeekRow>,
    /// The pain and speed rows: one a session, or one a week when there are many.
    /// (For the charts; the JSON keeps its shape.)
    #[serde(skip)]
    pub sessions: Vec<SessionRow>,
    /// The rows are weeks, not sessions.
    #[serde(skip)]
    pub sessions_weekly: bool,
    /// Sessions done of those due so far; `None` while none is due yet.
    pub adherence_pct: Option<u32>,
    /// Mean after-session pain, latest week minus first week.
    pub pain_after_change: Option<f64>,
    /// The change in plain words, against the smallest change that matters.
    pub pain_after_words: Option<&'static str>,
}

/// A row of the pain and speed charts and tables: one session, or one week
/// (the means of its sessions, the most advanced support used, the minutes summed).
#[derive(Clone, Debug, PartialEq)]
pub struct SessionRow {
    /// "3 Nov" for a session, "W2" for a week (the API's; pages write the
    /// period in the reader's language).
    pub label: String,
    pub period: Period,
    pub before: f64,
    pub after: f64,
    pub speed_kmh: Option<f64>,
    pub support: Option<coach::dose::Support>,
    pub minutes: u32,
}

/// What a row of the pain and speed charts covers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Period {
    /// One session, on this day.
    Day(Date),
    /// The sessions of this programme week.
    Week(u32),
}

/// A measure's first and latest result, how many there are, and the change
/// between them when it was judged (in JSON, its fields sit in the row).
#[derive(Clone, Debug, Serialize)]
pub struct Trend {
    pub first: f64,
    pub first_on: Date,
    pub latest: f64,
    pub latest_on: Date,
    pub results: usize,
    pub change: Option<Interpretation>,
}

impl Trend {
    /// A first result, not yet compared with anything.
    pub fn starting(value: f64, on: Date) -> Trend {
        Trend { first: value, first_on: on, latest: value, latest_on: on, results: 1, change: None }
    }

    /// A later result: the latest, one more.
    pub fn add(&mut self, value: f64, on: Date) {
        (self.latest, self.latest_on) = (value, on);
        self.results += 1;
    }

    /// "first (date) to latest (date), N results", or the one result once: a
    /// single result is never shown as a change from itself.
    pub fn span(&self, unit: &str) -> String {
        let value = |v: f64| if unit.is_empty() { v.to_string() } else { format!("{v} {unit}") };
        if self.results == 1 {
            format!("{} ({}), one result so far", value(self.latest), self.latest_on)
        } else {
            format!(
                "{} ({}) to {} ({}), {} results",
                value(self.first),
                self.first_on,
                value(self.latest),
                self.latest_on,
                self.results
            )
        }
    }
}

/// A built-in outcome measure's row.
#[derive(Clone, Debug, Serialize)]
pub struct OutcomeRow {
    pub measure: Measure,
    pub name: &'static str,
    pub unit: &'static str,
    #[serde(flatten)]
    pub trend: Trend,
}

impl OutcomeRow {
    /// First and latest result in words; a single result is said once.
    pub fn span(&self) -> String {
        self.trend.span(self.unit)
    }
}

/// One subscale's first and latest score, like a built-in measure's row;
/// the change is judged against the clinic's smallest real change when it gave one.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionnaireRow {
    pub questionnaire: String,
    pub title: String,
    pub subscale: String,
    pub name: String,
    #[serde(flatten)]
    pub trend: Trend,
}

impl QuestionnaireRow {
    /// First and latest score in words; a single score is said once.
    pub fn span(&self) -> String {
        self.trend.span("of 100")
    }
}
