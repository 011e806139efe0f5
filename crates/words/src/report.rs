//! The clinician report in the reader's language. The printable page and the
//! PDF both lay out `views::ReportView`; the sentences they show are made
//! here, once, so the two say the same thing in every language. Dates stay
//! `YYYY-MM-DD`: the report is a clinical record.

use crate::I18n;
use crate::coach_words::{
    PauseWords, answer_behind, change_words, decimal, measure_name, measure_unit, outcome_flag, pain_change,
    pause_words, said, scale_change_words, screen_status, summary, symptom_label,
};
use views::{FlagWhat, ReportDecision, ReportView, Trend};

pub struct ReportWords {
    /// The screening outcome's name, and what the walker should do now.
    pub status: String,
    pub next_step: String,
    /// The answers and measurements behind the outcome, each with its rule.
    pub answers: Vec<(String, String)>,
    /// Who cleared the walker to train, when someone did.
    pub clearance: Option<String>,
    pub pause: Option<PauseWords>,
    /// Sessions done of those due, and the change in pain after sessions.
    pub adherence: String,
    pub pain_change: Option<String>,
    pub decisions: Vec<DecisionWords>,
    /// One line a measure or questionnaire scale: first and latest result,
    /// and what the change means.
    pub outcomes: Vec<String>,
    /// "date: what", oldest first.
    pub flags: Vec<String>,
    /// The motion recordings week by week, as the table's cells.
    pub motion: Vec<MotionRow>,
}

/// A week of motion recordings: backward and forward walking each as
/// minutes, steps a minute, step-time variability and one side's step
/// times against the other's ("—" for none).
pub struct MotionRow {
    pub week: u32,
    pub recordings: u32,
    pub backward: [String; 4],
    pub forward: [String; 4],
}

impl MotionRow {
    /// One direction's cells (by reference: what a template's loop gives).
    pub fn cells(&self, backward: &bool) -> &[String; 4] {
        if *backward { &self.backward } else { &self.forward }
    }
}

pub struct DecisionWords {
    pub reason: String,
    /// The dose from that day on; `None` while training is paused.
    pub dose: Option<String>,
}

pub fn report_words(l: &I18n, r: &ReportView) -> ReportWords {
    let (status, next_step) = screen_status(l, r.screen.status);
    let pause = r.pause.as_ref().map(|p| pause_words(l, p, Some(&r.screen)));
    // While training is paused the screening's "you can start" is not what
    // to do now: the pause says it.
    let next_step = pause.as_ref().map_or(next_step, |p| p.do_now.clone());
    let adherence = match r.progress.adherence_pct {
        Some(pct) => l.ta("report.adherence", &[("pct", &pct.to_string())]),
        None => l.t("report.none_due").to_string(),
    };
    ReportWords {
        status,
        next_step,
        answers: r.screen.reasons.iter().map(|x| (answer_behind(l, x), x.rule.clone())).collect(),
        clearance: r.clearance.as_ref().map(|c| {
            let day = c.at.strftime("%Y-%m-%d").to_string();
            l.ta("report.cleared", &[("by", &c.by), ("role", &c.role), ("day", &day)])
        }),
        pause,
        adherence,
        pain_change: r.progress.pain_after_change.map(|c| pain_change(l, c)),
        decisions: r.decisions.iter().map(|d| decision(l, d, r)).collect(),
        outcomes: outcomes(l, r),
        flags: r.flags.iter().map(|f| format!("{}: {}", f.date, flag(l, &f.what))).collect(),
        motion: r.motion.iter().map(|w| motion_row(l, w)).collect(),
    }
}

fn motion_row(l: &I18n, w: &coach::motion::MotionWeek) -> MotionRow {
    let cells = |g: &Option<coach::motion::GaitSummary>| match g {
        Some(g) => [
            decimal(l, format!("{:.1}", g.minutes)),
            format!("{:.0}", g.cadence),
            decimal(l, format!("{:.1}", g.step_time_cv)),
            decimal(l, format!("{:.1}", g.asymmetry)),
        ],
        None => ["—".to_string(), "—".to_string(), "—".to_string(), "—".to_string()],
    };
    MotionRow { week: w.week, recordings: w.recordings, backward: cells(&w.backward), forward: cells(&w.forward) }
}

fn decision(l: &I18n, d: &ReportDecision, r: &ReportView) -> DecisionWords {
    let reason = match (&d.why, &r.pause) {
        // The row a pause stands in says the pause.
        (coach::why::Why::Recorded, Some(p)) if p.rule == d.rule && d.dose.is_none() => {
            let w = pause_words(l, p, Some(&r.screen));
            format!("{} {}", w.headline, w.reasons.join(" "))
        }
        _ => said(l, &d.rule, &d.reason, &d.why),
    };
    DecisionWords { reason, dose: d.dose_of.map(|(dose, week)| summary(l, &dose, week, r.supported_only)) }
}

fn outcomes(l: &I18n, r: &ReportView) -> Vec<String> {
    let measures = r.outcomes.iter().map(|o| {
        let change = o.trend.change.as_ref().map(|c| (change_words(l, o.measure, c), c.evidence.clone()));
        outcome_line(&measure_name(l, o.measure), &span(l, &o.trend, &measure_unit(l, o.measure)), change)
    });
    let scales = r.questionnaires.iter().map(|q| {
        let change = q.trend.change.as_ref().map(|c| (scale_change_words(l, c), c.evidence.clone()));
        outcome_line(&format!("{}, {}", q.title, q.name), &span(l, &q.trend, l.t("outcomes.points")), change)
    });
    measures.chain(scales).collect()
}

fn outcome_line(name: &str, span: &str, change: Option<(String, Vec<String>)>) -> String {
    let mut line = format!("{name}: {span}");
    if let Some((words, evidence)) = change {
        line.push_str(" — ");
        line.push_str(&words);
        if !evidence.is_empty() {
            line.push_str(&format!(" [{}]", evidence.join(", ")));
        }
    }
    line
}

/// First and latest result, as `views::Trend::span` says it in English.
fn span(l: &I18n, t: &Trend, unit: &str) -> String {
    let value = |v: f64| {
        let v = decimal(l, v.to_string());
        if unit.is_empty() { v } else { format!("{v} {unit}") }
    };
    if t.results == 1 {
        l.ta("report.span_one", &[("value", &value(t.latest)), ("day", &t.latest_on.to_string())])
    } else {
        l.ta(
            "report.span_many",
            &[
                ("first", &value(t.first)),
                ("first_day", &t.first_on.to_string()),
                ("latest", &value(t.latest)),
                ("latest_day", &t.latest_on.to_string()),
                ("results", &t.results.to_string()),
            ],
        )
    }
}

fn flag(l: &I18n, what: &FlagWhat) -> String {
    let signs = |s: &[coach::history::Symptom]| s.iter().map(|x| symptom_label(l, *x)).collect::<Vec<_>>().join("; ");
    match what {
        FlagWhat::Symptoms(s) => signs(s),
        FlagWhat::Morning(day, s) => l.ta("report.morning_flag", &[("day", &day.to_string()), ("signs", &signs(s))]),
        FlagWhat::Measure(f) => outcome_flag(l, f),
        FlagWhat::Screening(r) => l.ta("report.screening_flag", &[("what", &answer_behind(l, r))]),
    }
}
