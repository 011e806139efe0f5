//! The clinician report as data: everything the printable page and the PDF
//! show, gathered once so the two cannot disagree.

use crate::{OutcomeRow, ProgressView, QuestionnaireRow, State, age, outcome_rows, progress, questionnaire_rows};
use coach::adaptation::Action;
use coach::screening::{Clearance, Outcome};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    pub name: String,
    pub generated: Date,
    pub screen: Outcome,
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
    pub flags: Vec<DatedText>,
    pub notes: Vec<DatedText>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReportDecision {
    pub effective: Date,
    pub reason: String,
    pub rule: String,
    /// The dose from that day on, or `None` while the programme is stopped.
    pub dose: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PainPoint {
    pub date: Date,
    pub after: u8,
    pub next_morning: Option<u8>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DatedText {
    pub date: Date,
    pub text: String,
}

pub fn report(s: &State) -> ReportView {
    let p = &s.programme;
    let mut logs = s.history.logs.clone();
    logs.sort_by_key(|l| l.date);
    let decisions = s
        .timeline()
        .decisions
        .iter()
        .filter(|d| d.action != Action::Repeat)
        .map(|d| ReportDecision {
            dose: d.dose.map(|x| x.summary(p.week_of(d.effective), p.limits.supported_only)),
            effective: d.effective,
            reason: d.reason.clone(),
            rule: d.rule.clone(),
        })
        .collect();
    let pain = logs
        .iter()
        .map(|l| PainPoint {
            date: l.date,
            after: l.pain_after.value(),
            next_morning: s.history.checkin_for(l.date).map(|c| c.pain.value()),
        })
        .collect();
    let age = age(s.walker.birth_year, s.today);
    let mut flags: Vec<DatedText> = logs
        .iter()
        .filter(|l| !l.symptoms.is_empty())
        .map(|l| DatedText { date: l.date, text: l.symptoms.iter().map(|x| x.label()).collect::<Vec<_>>().join("; ") })
        .chain(s.outcomes.iter().flat_map(|o| {
            coach::outcomes::flags(o.measure, o.value, age, s.walker.sex)
                .into_iter()
                .map(move |f| DatedText { date: o.taken_on, text: f.text })
        }))
        .collect();
    flags.sort_by_key(|f| f.date);
    let notes = logs
        .iter()
        .filter(|l| !l.notes.is_empty())
        .map(|l| DatedText { date: l.date, text: l.notes.clone() })
        .collect();
    ReportView {
        name: s.walker.name.clone(),
        generated: s.today,
        screen: s.screen.outcome.clone(),
        clearance: s.clearance.clone(),
        start: p.start(),
        end: p.end(),
        supported_only: p.limits.supported_only,
        progress: progress(s),
        decisions,
        pain,
        outcomes: outcome_rows(&s.outcomes),
        questionnaires: questionnaire_rows(s),
        flags,
        notes,
    }
}
