//! The report: one printable page with everything a clinician needs —
//! screening and clearance, programme and adherence, dose decisions, the pain
//! trend, outcomes against the smallest real change, flags and notes.

use super::{Layout, ready, render};
use crate::auth::extract::SignedIn;
use crate::charts::{self, Series};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use coach::adaptation::Decision;
use coach::screening::{Clearance, Outcome};
use service::{OutcomeRow, ProgressView};

pub struct NoteRow {
    pub date: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    l: Layout,
    name: String,
    generated: String,
    screen: Outcome,
    clearance: Option<Clearance>,
    start: String,
    end: String,
    supported_only: bool,
    progress: ProgressView,
    decisions: Vec<Decision>,
    pain_svg: String,
    outcomes: Vec<OutcomeRow>,
    flags: Vec<NoteRow>,
    notes: Vec<NoteRow>,
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    let tl = s.timeline();
    let mut logs = s.history.logs.clone();
    logs.sort_by_key(|l| l.date);
    let pain_svg = charts::lines(
        "report-pain",
        "Knee pain after each session",
        "Pain from 0 to 10 after each logged session, with the morning-after pain where recorded.",
        &[
            Series {
                name: "After the session".into(),
                class: "s1",
                points: logs.iter().enumerate().map(|(i, l)| (i as f64, f64::from(l.pain_after.value()))).collect(),
            },
            Series {
                name: "Next morning".into(),
                class: "s2",
                points: logs
                    .iter()
                    .enumerate()
                    .filter_map(|(i, l)| s.history.checkin_for(l.date).map(|c| (i as f64, f64::from(c.pain.value()))))
                    .collect(),
            },
        ],
        10.0,
        None,
        &[],
    );
    let flags = logs
        .iter()
        .filter(|l| !l.symptoms.is_empty())
        .map(|l| NoteRow {
            date: l.date.to_string(),
            text: l.symptoms.iter().map(|x| x.label()).collect::<Vec<_>>().join("; "),
        })
        .chain(s.outcomes.iter().flat_map(|o| {
            coach::outcomes::flags(o.measure, o.value, service::age(s.walker.birth_year, s.today), s.walker.sex)
                .into_iter()
                .map(move |f| NoteRow { date: o.taken_on.to_string(), text: f.text })
        }))
        .collect();
    let notes = logs
        .iter()
        .filter(|l| !l.notes.is_empty())
        .map(|l| NoteRow { date: l.date.to_string(), text: l.notes.clone() })
        .collect();
    let l = Layout::new(&state, Some(&who), "progress", "report.title");
    render(&ReportPage {
        l,
        name: s.walker.name.clone(),
        generated: s.today.to_string(),
        screen: s.screen.outcome.clone(),
        clearance: s.clearance.clone(),
        start: s.programme.start().to_string(),
        end: s.programme.end().to_string(),
        supported_only: s.programme.limits.supported_only,
        progress: service::progress(&s),
        decisions: tl.decisions.iter().filter(|d| d.action != coach::adaptation::Action::Repeat).cloned().collect(),
        pain_svg,
        outcomes: service::outcome_rows(&s.outcomes),
        flags,
        notes,
    })
}
