//! The clinician report as a PDF. It lays out `views::ReportView` — the same
//! data as the printable web page — on A4 pages with the standard Helvetica
//! fonts (so the text is real, selectable text) and draws the pain chart as
//! vector paths inside the page.

mod chart;
mod layout;
mod metrics;

use layout::{BODY, Flow, LEFT, MUTED, PAGE_H, PAGE_W, RIGHT, STRONG, TITLE};
use pdf_writer::{Date as PdfDate, Finish, Name, Pdf, Rect, Ref, TextStr};
use views::ReportView;

/// Shown at the foot of every page, as on every screen of the app.
pub const NOT_ADVICE: &str =
    "retrowalk is not medical advice. It does not diagnose anything; the clinician decides what is right.";

/// Renders the report; the result is a complete PDF file.
pub fn render(r: &ReportView) -> Vec<u8> {
    let mut flow = Flow::new();
    title(&mut flow, r);
    screening(&mut flow, r);
    programme(&mut flow, r);
    flow.heading("Pain trend");
    if r.pain.is_empty() {
        flow.paragraph("No sessions logged yet.", MUTED, 0.0);
    } else {
        chart::pain(&mut flow, &r.pain);
    }
    decisions(&mut flow, r);
    outcomes(&mut flow, r);
    flow.heading("Flags");
    list(
        &mut flow,
        r.flags.iter().map(|f| format!("{}: {}", f.date, f.text)),
        "No red-flag symptoms, falls or fall-risk results.",
    );
    flow.heading("Notes");
    list(&mut flow, r.notes.iter().map(|n| format!("{}: {}", n.date, n.text)), "No notes.");
    let mut pages = flow.pages;
    layout::footers(&mut pages, &format!("retrowalk report: {}, {}", r.name, r.generated), NOT_ADVICE);
    assemble(r, pages)
}

fn title(flow: &mut Flow, r: &ReportView) {
    flow.paragraph(&format!("retrowalk report: {}", r.name), TITLE, 0.0);
    flow.paragraph(
        &format!("Generated {}. Programme {} to {}. For the walker's clinician.", r.generated, r.start, r.end),
        MUTED,
        0.0,
    );
}

fn screening(flow: &mut Flow, r: &ReportView) {
    flow.heading("Screening and clearance");
    let s = &r.screen;
    flow.paragraph(&format!("Outcome: {} (rules {}).", r.status_words, s.rules_version), STRONG, 0.0);
    flow.paragraph(&s.next_step, BODY, 0.0);
    if r.answers_behind.is_empty() {
        flow.paragraph("Every screening question was answered no.", MUTED, 0.0);
    }
    for (text, reason) in r.answers_behind.iter().zip(&s.reasons) {
        flow.item(&format!("{text} [{}]", reason.rule), BODY);
    }
    match &r.clearance {
        Some(c) => {
            flow.paragraph(&format!("Cleared by {} ({}), {}.", c.by, c.role, c.at.strftime("%Y-%m-%d")), BODY, 0.0)
        }
        None => flow.paragraph("No clinician clearance recorded.", MUTED, 0.0),
    }
}

fn programme(flow: &mut Flow, r: &ReportView) {
    flow.heading("Programme and adherence");
    let mut line = match r.progress.adherence_pct {
        Some(pct) => format!("Adherence {pct}% of the sessions due so far."),
        None => "No session due yet.".to_string(),
    };
    if r.supported_only {
        line.push_str(" Supported walking only (rails or a helper), after the screening.");
    }
    if let Some(p) = &r.pause {
        flow.paragraph(&format!("Backward walking is paused. {}", p.reasons.join(" ")), STRONG, 0.0);
        flow.paragraph(&format!("What ends the pause: {}", p.ends_when), BODY, 0.0);
    }
    if let Some(w) = r.progress.pain_after_words {
        line.push_str(&format!(" Pain after sessions, first week to latest: {w}."));
    }
    flow.paragraph(&line, BODY, 0.0);
    flow.gap(4.0);
    // Columns: week, sessions, planned minutes, done minutes, peak pain, pain after, morning pain.
    let ends = [LEFT + 36.0, LEFT + 130.0, LEFT + 215.0, LEFT + 290.0, LEFT + 355.0, LEFT + 420.0, RIGHT];
    let head = ["Week", "Done of due", "Min planned", "Min done", "Peak pain", "Pain after", "Next morning"];
    let cells: Vec<(&str, f32, Option<f32>)> = head.iter().zip(ends).map(|(h, e)| (*h, 0.0, Some(e))).collect();
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
            one_decimal(w.pain_peak),
            one_decimal(w.pain_after),
            one_decimal(w.pain_next_morning),
        ];
        let row: Vec<(&str, f32, Option<f32>)> =
            values.iter().zip(ends).map(|(v, e)| (v.as_str(), 0.0, Some(e))).collect();
        flow.row(&row, BODY);
    }
}

fn one_decimal(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

fn decisions(flow: &mut Flow, r: &ReportView) {
    flow.heading("Dose progression and adaptation decisions");
    if r.decisions.is_empty() {
        flow.paragraph("No changes to the starting dose yet.", MUTED, 0.0);
    }
    for d in &r.decisions {
        flow.item(&format!("{}: {} [{}]", d.effective, d.reason, d.rule), BODY);
        let dose = d.dose.as_deref().unwrap_or("Retro walking paused.");
        flow.paragraph(dose, MUTED, 14.0);
    }
}

fn outcomes(flow: &mut Flow, r: &ReportView) {
    flow.heading("Outcome measures");
    if r.outcomes.is_empty() && r.questionnaires.is_empty() {
        flow.paragraph("No outcome measures taken yet.", MUTED, 0.0);
    }
    for o in &r.outcomes {
        let mut line = format!("{}: {}.", o.name, o.span());
        if let Some(c) = &o.trend.change {
            line.push_str(&format!(" {} [{}]", c.words, c.evidence.join(", ")));
        }
        flow.item(&line, BODY);
    }
    for q in &r.questionnaires {
        let mut line = format!("{}, {}: {}.", q.title, q.name, q.span());
        if let Some(c) = &q.trend.change {
            line.push_str(&format!(" {}", c.words));
            if !c.evidence.is_empty() {
                line.push_str(&format!(" [{}]", c.evidence.join(", ")));
            }
        }
        flow.item(&line, BODY);
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
fn assemble(r: &ReportView, pages: Vec<pdf_writer::Content>) -> Vec<u8> {
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
    let title = format!("retrowalk report: {}", r.name);
    pdf.document_info(info)
        .title(TextStr(&title))
        .creator(TextStr("retrowalk"))
        .creation_date(PdfDate::new(d.year() as u16).month(d.month() as u8).day(d.day() as u8));
    pdf.finish()
}
