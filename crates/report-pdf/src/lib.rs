//! The clinician report as a PDF. It lays out `views::ReportView` — the same
//! data as the printable web page, in the same words (`words::report`) and the
//! reader's language — on A4 pages with the standard Helvetica fonts (so the
//! text is real, selectable text) and draws the pain chart as vector paths
//! inside the page.

mod chart;
mod layout;
mod metrics;

use layout::{BODY, Flow, LEFT, MUTED, PAGE_H, PAGE_W, RIGHT, STRONG, TITLE};
use pdf_writer::{Date as PdfDate, Finish, Name, Pdf, Rect, Ref, TextStr};
use views::ReportView;
use words::I18n;
use words::report::{ReportWords, report_words};

/// Renders the report in `l`'s language; the result is a complete PDF file.
pub fn render(r: &ReportView, l: &I18n) -> Vec<u8> {
    let w = report_words(l, r);
    let mut flow = Flow::new();
    title(&mut flow, r, l);
    screening(&mut flow, r, &w, l);
    programme(&mut flow, r, &w, l);
    flow.heading(l.t("pdf.pain"));
    if r.pain.is_empty() {
        flow.paragraph(l.t("pdf.no_sessions"), MUTED, 0.0);
    } else {
        chart::pain(&mut flow, &r.pain, [l.t("pdf.legend_after"), l.t("pdf.legend_morning")]);
    }
    motion(&mut flow, &w, l);
    decisions(&mut flow, r, &w, l);
    flow.heading(l.t("pdf.outcomes"));
    list(&mut flow, w.outcomes.iter().cloned(), l.t("pdf.no_outcomes"));
    flow.heading(l.t("pdf.flags"));
    list(&mut flow, w.flags.iter().cloned(), l.t("pdf.no_flags"));
    flow.heading(l.t("pdf.notes"));
    list(&mut flow, r.notes.iter().map(|n| format!("{}: {}", n.date, n.text)), l.t("pdf.no_notes"));
    let mut pages = flow.pages;
    let footer = l.ta("pdf.footer", &[("name", &r.name), ("day", &r.generated.to_string())]);
    let page_of = |n: usize, total: usize| l.ta("pdf.page", &[("n", &n.to_string()), ("total", &total.to_string())]);
    layout::footers(&mut pages, &footer, l.t("pdf.not_advice"), page_of);
    assemble(r, pages, &l.ta("pdf.title", &[("name", &r.name)]))
}

fn title(flow: &mut Flow, r: &ReportView, l: &I18n) {
    flow.paragraph(&l.ta("pdf.title", &[("name", &r.name)]), TITLE, 0.0);
    let days = [("day", r.generated.to_string()), ("start", r.start.to_string()), ("end", r.end.to_string())];
    let days: Vec<(&str, &str)> = days.iter().map(|(k, v)| (*k, v.as_str())).collect();
    flow.paragraph(&l.ta("pdf.subtitle", &days), MUTED, 0.0);
}

fn screening(flow: &mut Flow, r: &ReportView, w: &ReportWords, l: &I18n) {
    flow.heading(l.t("pdf.screening"));
    let outcome = l.ta("pdf.outcome", &[("status", &w.status), ("rules", &r.screen.rules_version)]);
    flow.paragraph(&outcome, STRONG, 0.0);
    flow.paragraph(&w.next_step, BODY, 0.0);
    if w.answers.is_empty() {
        flow.paragraph(l.t("pdf.all_no"), MUTED, 0.0);
    }
    for (text, rule) in &w.answers {
        flow.item(&format!("{text} [{rule}]"), BODY);
    }
    match &w.clearance {
        Some(c) => flow.paragraph(c, BODY, 0.0),
        None => flow.paragraph(l.t("report.no_clearance"), MUTED, 0.0),
    }
}

fn programme(flow: &mut Flow, r: &ReportView, w: &ReportWords, l: &I18n) {
    flow.heading(l.t("pdf.programme"));
    let mut line = w.adherence.clone();
    if r.supported_only {
        line.push(' ');
        line.push_str(l.t("pdf.supported_only"));
    }
    if let Some(p) = &w.pause {
        flow.paragraph(&l.ta("pdf.paused", &[("reasons", &p.reasons.join(" "))]), STRONG, 0.0);
        flow.paragraph(&l.ta("pdf.ends_when", &[("what", &p.ends_when)]), BODY, 0.0);
    }
    if let Some(c) = &w.pain_change {
        line.push(' ');
        line.push_str(&l.ta("pdf.pain_change", &[("change", c)]));
    }
    flow.paragraph(&line, BODY, 0.0);
    flow.gap(4.0);
    // Columns: week, sessions, planned minutes, done minutes, peak pain, pain after, morning pain.
    let ends = [LEFT + 36.0, LEFT + 130.0, LEFT + 215.0, LEFT + 290.0, LEFT + 355.0, LEFT + 420.0, RIGHT];
    let head = ["week", "sessions", "planned", "done", "peak", "after", "morning"]
        .map(|c| l.t(&format!("pdf.col_{c}")).to_string());
    let cells: Vec<(&str, f32, Option<f32>)> = head.iter().zip(ends).map(|(h, e)| (h.as_str(), 0.0, Some(e))).collect();
    flow.row(&cells, STRONG);
    for w in &r.progress.weeks {
        // A table that runs onto a new page repeats its header there.
        if !flow.fits(Flow::row_height(BODY)) {
            flow.new_page();
            flow.row(&cells, STRONG);
        }
        let values = [
            w.week.to_string(),
            format!("{}/{}", w.done_sessions, w.due_sessions),
            w.planned_minutes.to_string(),
            w.done_minutes.to_string(),
            one_decimal(l, w.pain_peak),
            one_decimal(l, w.pain_after),
            one_decimal(l, w.pain_next_morning),
        ];
        let row: Vec<(&str, f32, Option<f32>)> =
            values.iter().zip(ends).map(|(v, e)| (v.as_str(), 0.0, Some(e))).collect();
        flow.row(&row, BODY);
    }
}

/// The motion recordings week by week: backward and forward walking each
/// as minutes, steps a minute, step-time variability and one side's step
/// times against the other's, under a header that names the direction over
/// its four columns.
fn motion(flow: &mut Flow, w: &ReportWords, l: &I18n) {
    flow.heading(l.t("pdf.motion"));
    if w.motion.is_empty() {
        flow.paragraph(l.t("report.motion_none"), MUTED, 0.0);
        return;
    }
    flow.paragraph(l.t("report.motion_intro"), BODY, 0.0);
    flow.gap(4.0);
    // Right edges, each column as wide as its heading needs in either
    // language ("Variación %" the widest) and a few points between.
    let ends = [
        LEFT + 40.0,
        LEFT + 90.0,
        LEFT + 125.0,
        LEFT + 180.0,
        LEFT + 242.0,
        LEFT + 290.0,
        LEFT + 325.0,
        LEFT + 380.0,
        LEFT + 442.0,
        LEFT + 490.0,
    ];
    let groups = [(l.t("report.motion_backward"), ends[1] + 20.0), (l.t("report.motion_forward"), ends[5] + 20.0)];
    let groups: Vec<(&str, f32, Option<f32>)> = groups.iter().map(|(g, x)| (*g, *x, None)).collect();
    let head = ["week", "recorded", "minutes", "cadence", "cv", "asym", "minutes", "cadence", "cv", "asym"]
        .map(|c| l.t(&format!("pdf.motion_{c}")).to_string());
    let cells: Vec<(&str, f32, Option<f32>)> = head.iter().zip(ends).map(|(h, e)| (h.as_str(), 0.0, Some(e))).collect();
    flow.row(&groups, STRONG);
    flow.row(&cells, STRONG);
    for m in &w.motion {
        if !flow.fits(Flow::row_height(BODY)) {
            flow.new_page();
            flow.row(&groups, STRONG);
            flow.row(&cells, STRONG);
        }
        let values: Vec<String> = [m.week.to_string(), m.recordings.to_string()]
            .into_iter()
            .chain(m.backward.iter().cloned())
            .chain(m.forward.iter().cloned())
            .collect();
        let row: Vec<(&str, f32, Option<f32>)> =
            values.iter().zip(ends).map(|(v, e)| (v.as_str(), 0.0, Some(e))).collect();
        flow.row(&row, BODY);
    }
}

fn one_decimal(l: &I18n, v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| words::coach_words::decimal(l, format!("{v:.1}")))
}

fn decisions(flow: &mut Flow, r: &ReportView, w: &ReportWords, l: &I18n) {
    flow.heading(l.t("pdf.decisions"));
    if r.decisions.is_empty() {
        flow.paragraph(l.t("pdf.no_decisions"), MUTED, 0.0);
    }
    for (d, said) in r.decisions.iter().zip(&w.decisions) {
        flow.item(&format!("{}: {} [{}]", d.effective, said.reason, d.rule), BODY);
        flow.paragraph(said.dose.as_deref().unwrap_or(l.t("report.no_dose")), MUTED, 14.0);
    }
}

fn list(flow: &mut Flow, items: impl Iterator<Item = String>, empty: &str) {
    let mut any = false;
    for text in items {
        any = true;
        flow.item(&text, BODY);
    }
    if !any {
        flow.paragraph(empty, MUTED, 0.0);
    }
}

/// Writes the page tree, fonts and metadata around the laid-out pages.
fn assemble(r: &ReportView, pages: Vec<pdf_writer::Content>, title: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 6;
    let ids: Vec<(Ref, Ref)> =
        (0..pages.len() as i32).map(|i| (Ref::new(first_page + 2 * i), Ref::new(first_page + 2 * i + 1))).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(ids.iter().map(|(page, _)| *page)).count(ids.len() as i32);
    pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
    for ((page_id, content_id), content) in ids.iter().zip(pages) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(*content_id);
        page.resources().fonts().pair(layout::REGULAR, regular).pair(layout::BOLD, bold);
        page.finish();
        pdf.stream(*content_id, &content.finish());
    }
    let d = r.generated;
    pdf.document_info(info)
        .title(TextStr(title))
        .creator(TextStr("retrowalk"))
        .creation_date(PdfDate::new(d.year() as u16).month(d.month() as u8).day(d.day() as u8));
    pdf.finish()
}
