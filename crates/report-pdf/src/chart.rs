//! The pain trend as vector drawing in the page: a 0–10 axis, after-session
//! pain as a solid line with round dots, next-morning pain as a dashed line
//! with squares, so the two differ without colour.

use crate::layout::{BODY, Flow, LEFT, MUTED, RIGHT, text_at};
use crate::metrics::{encode, width};
use pdf_writer::Content;
use views::PainPoint;

const HEIGHT: f32 = 170.0;
const AXIS: f32 = 24.0;
const BLUE: (f32, f32, f32) = (0.05, 0.33, 0.62);
const ORANGE: (f32, f32, f32) = (0.78, 0.36, 0.0);

struct Frame {
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    n: usize,
}

impl Frame {
    fn x(&self, i: usize) -> f32 {
        if self.n <= 1 {
            (self.x0 + self.x1) / 2.0
        } else {
            self.x0 + (self.x1 - self.x0) * i as f32 / (self.n - 1) as f32
        }
    }

    fn y(&self, pain: u8) -> f32 {
        self.y0 + (self.y1 - self.y0) * f32::from(pain) / 10.0
    }
}

/// A marker of radius `r`: a square for the dashed series, else a circle.
fn dot(c: &mut Content, x: f32, y: f32, r: f32, square: bool) {
    if square {
        c.rect(x - r, y - r, 2.0 * r, 2.0 * r);
    } else {
        // A circle from four Bézier arcs.
        let k = r * 0.552;
        c.move_to(x + r, y);
        c.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
        c.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
        c.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
        c.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    }
    c.fill_nonzero();
}

fn series(c: &mut Content, f: &Frame, points: &[(usize, u8)], colour: (f32, f32, f32), dashed: bool) {
    c.set_stroke_rgb(colour.0, colour.1, colour.2);
    c.set_fill_rgb(colour.0, colour.1, colour.2);
    c.set_line_width(1.4);
    if dashed {
        c.set_dash_pattern([4.0, 3.0], 0.0);
    }
    for (k, (i, v)) in points.iter().enumerate() {
        if k == 0 {
            c.move_to(f.x(*i), f.y(*v));
        } else {
            c.line_to(f.x(*i), f.y(*v));
        }
    }
    if points.len() > 1 {
        c.stroke();
    }
    c.set_dash_pattern([], 0.0);
    // Markers shrink as sessions crowd the axis, so a year stays readable.
    let r = (((f.x1 - f.x0) / f.n.max(1) as f32) * 0.35).clamp(1.0, 2.8);
    for (i, v) in points {
        dot(c, f.x(*i), f.y(*v), r, dashed);
    }
    c.set_fill_gray(0.0);
    c.set_stroke_gray(0.0);
}

/// Draws the chart at the cursor, with its legend below.
/// `legend` names the after-session and the next-morning series.
pub fn pain(flow: &mut Flow, pain: &[PainPoint], legend_labels: [&str; 2]) {
    flow.need(HEIGHT + 30.0);
    let top = flow.y - 4.0;
    let f = Frame { x0: LEFT + AXIS + 6.0, x1: RIGHT - 6.0, y0: top - HEIGHT + 16.0, y1: top - 4.0, n: pain.len() };
    let c = flow.page();
    c.set_line_width(0.4);
    c.set_stroke_gray(0.8);
    for tick in (0..=10).step_by(2) {
        let y = f.y(tick);
        c.move_to(LEFT + AXIS, y);
        c.line_to(RIGHT, y);
        c.stroke();
        let label = encode(&tick.to_string());
        text_at(c, LEFT + AXIS - 4.0 - width(&label, 8.0, false), y - 3.0, small(), &label);
    }
    c.set_stroke_gray(0.0);
    let after: Vec<(usize, u8)> = pain.iter().enumerate().map(|(i, p)| (i, p.after)).collect();
    let morning: Vec<(usize, u8)> =
        pain.iter().enumerate().filter_map(|(i, p)| p.next_morning.map(|m| (i, m))).collect();
    series(c, &f, &after, BLUE, false);
    series(c, &f, &morning, ORANGE, true);
    // Dates under the first, middle and last sessions.
    let mut marks = vec![0, pain.len() / 2, pain.len().saturating_sub(1)];
    marks.dedup();
    for i in marks.into_iter().filter(|i| *i < pain.len()) {
        let label = encode(&pain[i].date.to_string());
        let w = width(&label, 8.0, false);
        let x = (f.x(i) - w / 2.0).clamp(LEFT + AXIS, RIGHT - w);
        text_at(c, x, f.y0 - 12.0, small(), &label);
    }
    flow.y = f.y0 - 16.0;
    legend(flow, legend_labels);
}

fn small() -> crate::layout::Style {
    crate::layout::Style { size: 8.0, ..MUTED }
}

fn legend(flow: &mut Flow, [after, morning]: [&str; 2]) {
    let keys = [(encode(after), BLUE, false), (encode(morning), ORANGE, true)];
    let wide = |label: &[u8]| 30.0 + width(label, BODY.size, BODY.bold);
    // Side by side when both fit on the line (English); else one a line.
    let side_by_side = LEFT + AXIS + wide(&keys[0].0) + 24.0 + wide(&keys[1].0) <= RIGHT;
    flow.need(if side_by_side { 16.0 } else { 30.0 });
    let mut y = flow.y - 10.0;
    let c = flow.page();
    let mut x = LEFT + AXIS;
    for (label, colour, dashed) in keys {
        let f = Frame { x0: x, x1: x + 24.0, y0: y - 20.0, y1: y + 30.0, n: 2 };
        series(c, &f, &[(0, 4), (1, 4)], colour, dashed);
        text_at(c, x + 30.0, y - 3.0, BODY, &label);
        if side_by_side {
            x += wide(&label) + 24.0;
        } else {
            y -= 14.0;
        }
    }
    flow.y = if side_by_side { y - 10.0 } else { y + 4.0 };
}
