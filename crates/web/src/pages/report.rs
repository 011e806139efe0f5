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
use words::I18n;
use words::report::{ReportWords, report_words};

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    l: Layout,
    rep: ReportPart,
}

/// The report as a page shows it (`report_body.html`): the view, its words
/// in the page's language, the pain chart and where the PDF is.
pub struct ReportPart {
    pub r: ReportView,
    pub w: ReportWords,
    pub pain_svg: String,
    /// The cadence and variability charts, when there are motion recordings.
    pub motion_svg: Option<[String; 2]>,
    pub pdf_href: String,
    l: I18n,
}

impl ReportPart {
    pub fn new(r: ReportView, l: &I18n, pdf_href: String) -> ReportPart {
        ReportPart {
            w: report_words(l, &r),
            pain_svg: pain_chart(&r, l),
            motion_svg: motion_charts(&r, l),
            r,
            pdf_href,
            l: l.clone(),
        }
    }

    /// A week's mean pain as the page's language writes numbers.
    pub fn decimal(&self, v: &f64) -> String {
        words::coach_words::decimal(&self.l, v.to_string())
    }
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    let l = Layout::new(&state, Some(&who), "progress", "report.title");
    let rep = ReportPart::new(service::report(&s), &l.i18n, "/report.pdf".into());
    render(&ReportPage { l, rep })
}

/// The report's pain chart: after each session, and the next morning.
fn pain_chart(r: &ReportView, l: &I18n) -> String {
    charts::lines(
        "report-pain",
        l.t("report.chart_title"),
        l.t("report.chart_desc"),
        &[
            Series {
                name: l.t("report.after_session").into(),
                class: "s1",
                points: r.pain.iter().enumerate().map(|(i, p)| (i as f64, f64::from(p.after))).collect(),
            },
            Series {
                name: l.t("report.next_morning").into(),
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

/// Cadence and step-time variability week by week, backward and forward
/// walking as two series; `None` without a recording.
fn motion_charts(r: &ReportView, l: &I18n) -> Option<[String; 2]> {
    if r.motion.is_empty() {
        return None;
    }
    // Each week at its place on the axis, so weeks without a recording leave their gap.
    let labels: Vec<(f64, String)> = r
        .motion
        .iter()
        .map(|w| (f64::from(w.week), l.ta("progress.week_short", &[("week", &w.week.to_string())])))
        .collect();
    let chart = |id: &str, value: fn(&coach::motion::GaitSummary) -> f64, floor: f64| {
        let series = |key: &str, class, backward: bool| Series {
            name: l.t(key).into(),
            class,
            points: r
                .motion
                .iter()
                .filter_map(|w| {
                    if backward { &w.backward } else { &w.forward }.as_ref().map(|g| (f64::from(w.week), value(g)))
                })
                .collect(),
        };
        let series = [series("report.motion_backward", "s1", true), series("report.motion_forward", "s2", false)];
        // A top above the highest point that the chart's five ticks divide
        // evenly: 25 steps a minute, or 10 % of variability.
        let step = if floor > 50.0 { 25.0 } else { 10.0 };
        let top = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(floor, f64::max);
        let y_max = (top / step).ceil() * step;
        charts::lines(
            &format!("report-{id}"),
            l.t(&format!("report.motion_{id}_title")),
            l.t(&format!("report.motion_{id}_desc")),
            &series,
            y_max,
            None,
            &labels,
        )
    };
    Some([chart("cadence", |g| g.cadence, 120.0), chart("cv", |g| g.step_time_cv, 10.0)])
}

/// The same report as a PDF file, for the clinic's records.
pub async fn pdf(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    crate::auth::audit::by(&state, &who, store::SecurityKind::Export, "report pdf").await?;
    let bytes = report_pdf::render(&service::report(&s), &crate::i18n::current());
    let name = format!("attachment; filename=\"retrowalk-report-{}.pdf\"", s.today);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_string()), (header::CONTENT_DISPOSITION, name)], bytes)
        .into_response())
}
