//! Flowing text onto A4 pages: a cursor that moves down, wraps words to the
//! measured width and starts a new page when the next block would not fit.

use crate::metrics::{encode, width};
use pdf_writer::{Content, Name, Str};

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
pub const LEFT: f32 = 50.0;
pub const RIGHT: f32 = PAGE_W - 50.0;
const TOP: f32 = PAGE_H - 56.0;
/// Space kept free for the footer.
const BOTTOM: f32 = 64.0;

pub const REGULAR: Name<'static> = Name(b"F1");
pub const BOLD: Name<'static> = Name(b"F2");

#[derive(Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    /// Grey level, 0 black.
    pub grey: f32,
}

pub const BODY: Style = Style { size: 10.0, bold: false, grey: 0.0 };
pub const STRONG: Style = Style { size: 10.0, bold: true, grey: 0.0 };
pub const MUTED: Style = Style { size: 9.0, bold: false, grey: 0.35 };
pub const HEADING: Style = Style { size: 13.0, bold: true, grey: 0.0 };
pub const TITLE: Style = Style { size: 18.0, bold: true, grey: 0.0 };

impl Style {
    fn leading(self) -> f32 {
        self.size * 1.35
    }
}

/// Draws one line of text with its baseline at `y`.
pub fn text_at(c: &mut Content, x: f32, y: f32, style: Style, text: &[u8]) {
    c.set_fill_gray(style.grey);
    c.begin_text();
    c.set_font(if style.bold { BOLD } else { REGULAR }, style.size);
    c.next_line(x, y);
    c.show(Str(text));
    c.end_text();
    c.set_fill_gray(0.0);
}

/// Breaks text into lines no wider than `max` points; a word longer than a
/// line is cut where it must be.
pub fn wrap(text: &str, style: Style, max: f32) -> Vec<Vec<u8>> {
    let encoded = encode(text);
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in encoded.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
        let mut candidate = line.clone();
        if !candidate.is_empty() {
            candidate.push(b' ');
        }
        candidate.extend_from_slice(word);
        if width(&candidate, style.size, style.bold) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for &b in word {
            line.push(b);
            if width(&line, style.size, style.bold) > max && line.len() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, vec![b]));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The pages written so far and the cursor on the last one.
pub struct Flow {
    pub pages: Vec<Content>,
    /// Baseline of the next line on the current page.
    pub y: f32,
}

impl Flow {
    pub fn new() -> Flow {
        Flow { pages: vec![Content::new()], y: TOP }
    }

    pub fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `height` points, starting a new page if needed.
    pub fn need(&mut self, height: f32) {
        if !self.fits(height) && self.y < TOP {
            self.new_page();
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = TOP;
    }

    /// Whether a block of `height` points still fits on this page.
    pub fn fits(&self, height: f32) -> bool {
        self.y - height >= BOTTOM
    }

    pub fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// A wrapped paragraph starting at `indent` from the left margin.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        for line in wrap(text, style, RIGHT - LEFT - indent) {
            self.need(style.leading());
            self.y -= style.size;
            let y = self.y;
            text_at(self.page(), LEFT + indent, y, style, &line);
            self.y -= style.leading() - style.size;
        }
    }

    /// A section heading, kept on the same page as at least two lines after it.
    pub fn heading(&mut self, text: &str) {
        self.need(HEADING.leading() + 8.0 + 3.0 * BODY.leading());
        self.gap(8.0);
        self.paragraph(text, HEADING, 0.0);
        let y = self.y + 2.0;
        let c = self.page();
        c.set_stroke_gray(0.75);
        c.set_line_width(0.5);
        c.move_to(LEFT, y);
        c.line_to(RIGHT, y);
        c.stroke();
        self.gap(4.0);
    }

    /// A list item: a bullet and a wrapped paragraph hanging beside it.
    pub fn item(&mut self, text: &str, style: Style) {
        self.need(style.leading());
        let y = self.y - style.size;
        text_at(self.page(), LEFT + 4.0, y, style, &encode("•"));
        self.paragraph(text, style, 14.0);
    }

    pub fn row_height(style: Style) -> f32 {
        style.leading() + 2.0
    }

    /// One table row: each cell is (text, column x, right-aligned column end
    /// if numeric). Cells are clipped to one line each.
    pub fn row(&mut self, cells: &[(&str, f32, Option<f32>)], style: Style) {
        self.need(Self::row_height(style));
        self.y -= style.size;
        let y = self.y;
        let page = self.page();
        for (text, x, right) in cells {
            let encoded = encode(text);
            let x = match right {
                Some(end) => end - width(&encoded, style.size, style.bold),
                None => *x,
            };
            text_at(page, x, y, style, &encoded);
        }
        self.y -= style.leading() - style.size + 2.0;
    }
}

/// Writes the footer on every page once the page count is known.
/// `page_of(n, total)` says "page n of total" in the reader's language.
pub fn footers(pages: &mut [Content], left: &str, notice: &str, page_of: impl Fn(usize, usize) -> String) {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let right = encode(&page_of(i + 1, total));
        text_at(page, LEFT, 40.0, MUTED, &encode(left));
        text_at(page, RIGHT - width(&right, MUTED.size, false), 40.0, MUTED, &right);
        text_at(page, LEFT, 28.0, MUTED, &encode(notice));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_measured_width_and_cuts_long_words() {
        let lines = wrap("one two three four five six seven", BODY, 60.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| width(l, 10.0, false) <= 60.0));
        let long = wrap(&"x".repeat(200), BODY, 50.0);
        assert!(long.len() > 3 && long.iter().all(|l| width(l, 10.0, false) <= 50.0));
        assert_eq!(wrap("", BODY, 50.0), vec![Vec::<u8>::new()]);
    }

    #[test]
    fn a_full_page_flows_onto_the_next() {
        let mut f = Flow::new();
        for _ in 0..80 {
            f.paragraph("a line", BODY, 0.0);
        }
        assert_eq!(f.pages.len(), 2);
    }
}
