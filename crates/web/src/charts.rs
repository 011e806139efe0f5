//! Small SVG charts drawn on the server: a linear scale and paths. Each chart
//! has a title and description for screen readers and sits beside a data
//! table; series differ by shape and dash as well as colour.

use std::fmt::Write;

pub const WIDTH: f64 = 420.0;
pub const HEIGHT: f64 = 220.0;
// Room for a y label such as "100%" at the tick size (app.css .chart .tick): about 55 units.
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;

/// Maps a data range onto a pixel range.
#[derive(Clone, Copy)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        let (d0, d1) = if (domain.1 - domain.0).abs() < f64::EPSILON { (domain.0, domain.0 + 1.0) } else { domain };
        Scale { d0, d1, r0: range.0, r1: range.1 }
    }

    pub fn at(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// A coordinate written with one decimal, by integer arithmetic: `{:.1}` on
/// an f64 often takes the exact (bignum) path, and it dominated a chart page.
#[derive(Clone, Copy)]
pub struct Px(pub f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", t / 10, t % 10)
    }
}

pub struct Series {
    pub name: String,
    /// CSS class: colour, dash and marker shape.
    pub class: &'static str,
    pub points: Vec<(f64, f64)>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn open(out: &mut String, id: &str, title: &str, desc: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(title),
        esc(desc)
    );
}

fn y_axis(out: &mut String, y: &Scale, ticks: &[f64], unit: &str) {
    for t in ticks {
        let py = Px(y.at(*t));
        let _ = write!(
            out,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{py}" y2="{py}"/><text class="tick" x="{}" y="{}" text-anchor="end">{t}{unit}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            Px(py.0 + 4.0)
        );
    }
}

/// The x labels that fit: each label's box (about 8.5 units a character at
/// the tick font) kept inside the chart and apart from its neighbours, the
/// last one (the latest day) always shown. The data table beside the chart
/// has every value.
fn x_labels(out: &mut String, x: &Scale, labels: &[(f64, String)]) {
    for (left, label) in fitting_labels(x, labels) {
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="{}" text-anchor="start">{}</text>"#,
            Px(left),
            HEIGHT - 8.0,
            esc(label)
        );
    }
}

// The width of a label character at the tick size (19 units, app.css .chart .tick).
const CHAR_WIDTH: f64 = 11.0;
const LABEL_GAP: f64 = 8.0;

/// (left edge, text) of the labels shown, left to right.
fn fitting_labels<'a>(x: &Scale, labels: &'a [(f64, String)]) -> Vec<(f64, &'a str)> {
    let boxed: Vec<(f64, f64, &str)> = labels
        .iter()
        .map(|(v, label)| {
            let width = label.chars().count() as f64 * CHAR_WIDTH;
            let left = (x.at(*v) - width / 2.0).clamp(2.0, (WIDTH - 2.0 - width).max(2.0));
            (left, left + width, label.as_str())
        })
        .collect();
    let mut kept: Vec<(f64, f64, &str)> = Vec::new();
    for b in &boxed {
        if kept.last().is_none_or(|k| b.0 >= k.1 + LABEL_GAP) {
            kept.push(*b);
        }
    }
    if let Some(last) = boxed.last()
        && kept.last().is_some_and(|k| k.2 != last.2 || k.0 != last.0)
    {
        while kept.last().is_some_and(|k| last.0 < k.1 + LABEL_GAP) {
            kept.pop();
        }
        kept.push(*last);
    }
    kept.into_iter().map(|(left, _, text)| (left, text)).collect()
}

/// Lines with markers over x = 0..n, y on `y_max`, with an optional shaded band.
pub fn lines(
    id: &str,
    title: &str,
    desc: &str,
    series: &[Series],
    y_max: f64,
    band: Option<(f64, f64, &str)>,
    x_labels_: &[(f64, String)],
) -> String {
    let n = series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).fold(1.0_f64, f64::max);
    let x = Scale::new((0.0, n), (LEFT + 8.0, WIDTH - RIGHT - 8.0));
    let y = Scale::new((0.0, y_max), (HEIGHT - BOTTOM, TOP));
    let mut out = String::new();
    open(&mut out, id, title, desc);
    if let Some((lo, hi, label)) = band {
        let _ = write!(
            out,
            r#"<rect class="band" x="{LEFT}" width="{}" y="{}" height="{}"><title>{}</title></rect>"#,
            WIDTH - RIGHT - LEFT,
            Px(y.at(hi)),
            Px((y.at(lo) - y.at(hi)).abs()),
            esc(label)
        );
    }
    let step = (y_max / 5.0).max(1.0).round();
    let ticks: Vec<f64> = (0..=(y_max / step) as i64).map(|i| i as f64 * step).collect();
    y_axis(&mut out, &y, &ticks, "");
    x_labels(&mut out, &x, x_labels_);
    for s in series {
        let d: Vec<String> = s
            .points
            .iter()
            .enumerate()
            .map(|(i, (px, py))| format!("{}{},{}", if i == 0 { "M" } else { "L" }, Px(x.at(*px)), Px(y.at(*py))))
            .collect();
        let _ =
            write!(out, r#"<path class="line {}" d="{}"><title>{}</title></path>"#, s.class, d.join(" "), esc(&s.name));
        for (px, py) in &s.points {
            let _ =
                write!(out, r#"<circle class="dot {}" cx="{}" cy="{}" r="4"/>"#, s.class, Px(x.at(*px)), Px(y.at(*py)));
        }
    }
    out.push_str("</svg>");
    out
}

/// Grouped bars: for each x label, one bar per series.
pub fn bars(id: &str, title: &str, desc: &str, labels: &[String], series: &[Series], y_max: f64, unit: &str) -> String {
    let n = labels.len().max(1) as f64;
    let y = Scale::new((0.0, y_max.max(1.0)), (HEIGHT - BOTTOM, TOP));
    let slot = (WIDTH - LEFT - RIGHT) / n;
    let width = (slot * 0.8) / series.len().max(1) as f64;
    let mut out = String::new();
    open(&mut out, id, title, desc);
    let step = (y_max / 4.0).max(1.0).round();
    let ticks: Vec<f64> = (0..=(y_max.max(1.0) / step).ceil() as i64).map(|i| i as f64 * step).collect();
    y_axis(&mut out, &y, &ticks, unit);
    // At most about eight labels under the bars: more overlap on a phone (a
    // year is 52 weeks); every bar keeps its own title, and the table has all.
    let label_every = labels.len().div_ceil(8).max(1);
    for (i, label) in labels.iter().enumerate() {
        let x0 = LEFT + slot * i as f64 + slot * 0.1;
        for (k, s) in series.iter().enumerate() {
            if let Some((_, v)) = s.points.get(i) {
                let top = y.at(*v);
                let _ = write!(
                    out,
                    r#"<rect class="bar {}" x="{}" y="{}" width="{}" height="{}"><title>{}: {v}{unit}</title></rect>"#,
                    s.class,
                    Px(x0 + width * k as f64),
                    Px(top),
                    Px(width),
                    Px((HEIGHT - BOTTOM - top).max(0.0)),
                    esc(&format!("{} {}", s.name, label))
                );
            }
        }
        if i % label_every == 0 {
            let _ = write!(
                out,
                r#"<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                Px(x0 + slot * 0.4),
                HEIGHT - 8.0,
                esc(label)
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_ends_and_middle() {
        let s = Scale::new((0.0, 10.0), (200.0, 0.0));
        assert_eq!((s.at(0.0), s.at(5.0), s.at(10.0)), (200.0, 100.0, 0.0));
        assert_eq!(Scale::new((3.0, 3.0), (0.0, 10.0)).at(3.0), 0.0);
    }

    #[test]
    fn coordinates_have_one_decimal_like_the_format_they_replace() {
        for v in [0.0, 12.0, 7.34567, 199.95, -2.26, 420.04] {
            assert_eq!(Px(v).to_string(), format!("{:.1}", (v * 10.0_f64).round() / 10.0), "{v}");
        }
    }

    #[test]
    fn a_year_of_weeks_gets_at_most_eight_labels() {
        let labels: Vec<String> = (1..=52).map(|w| format!("W{w}")).collect();
        let s =
            vec![Series { name: "done".into(), class: "s1", points: (1..=52).map(|w| (0.0, f64::from(w))).collect() }];
        let svg = bars("m", "Minutes", "desc", &labels, &s, 52.0, "");
        assert_eq!(svg.matches("<rect").count(), 52, "every week has its bar");
        assert_eq!(svg.matches("text-anchor=\"middle\"").count(), 8, "W1, W8, …, W50");
        assert!(svg.contains("<title>done W52: 52</title>"));
    }

    #[test]
    fn date_labels_never_overlap_and_the_last_is_shown_whole() {
        let labels: Vec<(f64, String)> = (0..30).map(|d| (f64::from(d), format!("{} Nov", d + 1))).collect();
        let x = Scale::new((0.0, 29.0), (LEFT + 8.0, WIDTH - RIGHT - 8.0));
        let kept = fitting_labels(&x, &labels);
        assert!(kept.len() >= 4 && kept.len() < 30, "{kept:?}");
        for pair in kept.windows(2) {
            let right = pair[0].0 + pair[0].1.chars().count() as f64 * CHAR_WIDTH;
            assert!(pair[1].0 >= right + LABEL_GAP, "{pair:?} overlap");
        }
        let (left, last) = kept[kept.len() - 1];
        assert_eq!(last, "30 Nov");
        assert!(left + 6.0 * CHAR_WIDTH <= WIDTH, "not cut off at the right");
        assert!(kept[0].0 >= 0.0);
    }

    #[test]
    fn charts_are_labelled_svg() {
        let s = vec![Series { name: "after".into(), class: "s1", points: vec![(0.0, 3.0), (1.0, 2.0)] }];
        let svg = lines("p", "Pain <after>", "desc", &s, 10.0, Some((0.0, 1.0, "band")), &[]);
        assert!(svg.starts_with("<svg") && svg.contains("Pain &lt;after&gt;") && svg.contains("role=\"img\""));
        let b = bars("b", "t", "d", &["W1".into()], &s, 10.0, " min");
        assert!(b.contains("<rect class=\"bar s1\""));
    }
}
