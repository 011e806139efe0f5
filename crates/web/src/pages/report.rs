//! The report: one printable page with everything a clinician needs —
//! screening and clearance, programme and adherence, dose decisions, the pain
//! trend, outcomes against the smallest real change, flags and notes. The
//! same `service::report` view feeds the PDF download.

use super::{Layout, Ready, render};
use crate::charts::{self, Series};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use service::ReportView;

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    l: Layout,
    r: ReportView,
    pain_svg: String,
    pdf_href: String,
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    let r = service::report(&s);
    let pain_svg = pain_chart(&r);
    let l = Layout::new(&state, Some(&who), "progress", "report.title");
    render(&ReportPage { l, r, pain_svg, pdf_href: "/report.pdf".into() })
}

/// The report's pain chart: after each session, and the next morning.
pub fn pain_chart(r: &ReportView) -> String {
    charts::lines(
        "report-pain",
        "Knee pain after each session",
        "Pain from 0 to 10 after each logged session, with the morning-after pain where recorded.",
        &[
            Series {
                name: "After the session".into(),
                class: "s1",
                points: r.pain.iter().enumerate().map(|(i, p)| (i as f64, f64::from(p.after))).collect(),
            },
            Series {
                name: "Next morning".into(),
                class: "s2",
                points: r
                    .pain
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| p.next_morning.map(|m| (i as f64, f64::from(m))))
                    .collect(),
            },
        ],
        10.0,
        None,
        &[],
    )
}

/// The same report as a PDF file, for the clinic's records.
pub async fn pdf(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    crate::auth::audit::by(&state, &who, store::SecurityKind::Export, "report pdf").await?;
    let bytes = report_pdf::render(&service::report(&s));
    let name = format!("attachment; filename=\"retrowalk-report-{}.pdf\"", s.today);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_string()), (header::CONTENT_DISPOSITION, name)], bytes)
        .into_response())
}
