//! GPX 1.0 and 1.1: tracks, segments and points, with heart rate and cadence
//! from Garmin's TrackPointExtension. Distances, moving time and climb follow
//! gpxpy's definitions so the numbers can be checked against it.

use crate::activity::{Activity, Cadence, CadenceUnit, Content, Details, Format, Parsed, ReadError, Warning};
use crate::{geo, num, time, xml};
use jiff::Timestamp;

#[derive(Default, Clone)]
struct Point {
    lat: f64,
    lon: f64,
    ele: Option<f64>,
    time: Option<Timestamp>,
    hr: Option<f64>,
    cad: Option<f64>,
}

#[derive(Default)]
struct Doc {
    creator: Option<String>,
    sport: Option<String>,
    segments: Vec<Vec<Point>>,
    details: Details,
    warnings: Vec<Warning>,
}

/// Where the reader is: the element stack, as far as it matters.
#[derive(Default)]
struct Cursor {
    in_trk: bool,
    in_trkpt: bool,
    point: Point,
    /// Text of the innermost element, kept only for elements that are read.
    text: String,
    keep_text: bool,
}

pub fn read(bytes: &[u8]) -> Result<Parsed, ReadError> {
    let doc_text = xml::text(bytes);
    let mut doc = Doc::default();
    let mut cur = Cursor::default();
    let mut saw_root = false;
    let ending = xml::walk(&doc_text, |node| match node {
        xml::Node::Start { name, attrs, .. } => {
            cur.text.clear();
            cur.keep_text = matches!(name, "ele" | "time" | "hr" | "cad" | "type");
            match name {
                "gpx" => {
                    saw_root = true;
                    doc.creator = attrs.get("creator");
                }
                "trk" => {
                    cur.in_trk = true;
                    doc.details.tracks += 1;
                }
                "trkseg" => {
                    doc.details.segments += 1;
                    doc.segments.push(Vec::new());
                }
                "trkpt" => {
                    cur.in_trkpt = true;
                    cur.point = Point::default();
                    let (mut lat, mut lon) = (None, None);
                    attrs.each(|k, v| match k {
                        "lat" => lat = num::parse_f64(v),
                        "lon" => lon = num::parse_f64(v),
                        _ => {}
                    });
                    match (lat, lon) {
                        (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
                            cur.point.lat = lat;
                            cur.point.lon = lon;
                        }
                        _ => {
                            cur.in_trkpt = false;
                            doc.warnings.push(Warning {
                                offset: None,
                                message: format!(
                                    "a track point without a valid lat/lon was skipped (point {})",
                                    doc.details.points + 1
                                ),
                            });
                        }
                    }
                }
                "rte" => doc.details.routes += 1,
                "rtept" => doc.details.route_points += 1,
                "wpt" => doc.details.waypoints += 1,
                _ => {}
            }
        }
        xml::Node::Text(t) => {
            if cur.keep_text {
                cur.text.push_str(&t);
            }
        }
        xml::Node::End { name } => {
            let value = cur.text.trim();
            match name {
                "trk" => cur.in_trk = false,
                "type" if cur.in_trk && !cur.in_trkpt && doc.sport.is_none() && !value.is_empty() => {
                    doc.sport = Some(value.to_lowercase());
                }
                "ele" if cur.in_trkpt => cur.point.ele = num::parse_f64(value).filter(|v| v.is_finite()),
                "time" if cur.in_trkpt => cur.point.time = time::parse(value),
                "hr" if cur.in_trkpt => cur.point.hr = num::parse_f64(value),
                "cad" if cur.in_trkpt => cur.point.cad = num::parse_f64(value),
                "trkpt" if cur.in_trkpt => {
                    cur.in_trkpt = false;
                    doc.details.points += 1;
                    doc.details.points_with_position += 1;
                    if doc.segments.is_empty() {
                        doc.segments.push(Vec::new()); // a point outside any segment
                    }
                    if let Some(seg) = doc.segments.last_mut() {
                        seg.push(std::mem::take(&mut cur.point));
                    }
                }
                _ => {}
            }
            cur.text.clear();
        }
    })?;
    if !saw_root {
        return Err(ReadError::new(None, "no <gpx> element: not a GPX file"));
    }
    let points = doc.details.points;
    doc.warnings.extend(ending.warning(|| xml::count(points, "track point", "track points")));
    Ok(finish(doc))
}

fn finish(mut doc: Doc) -> Parsed {
    let points = || doc.segments.iter().flatten();
    doc.details.first_time = points().find_map(|p| p.time);
    doc.details.last_time = doc.segments.iter().rev().flat_map(|s| s.iter().rev()).find_map(|p| p.time);
    let (content, activities) = if doc.details.points == 0 {
        let what = if doc.details.routes > 0 || doc.details.waypoints > 0 {
            "a GPX file with routes or waypoints only, no recorded track"
        } else {
            "a GPX file with no track points"
        };
        (Content::NotAnActivity { what: what.into() }, Vec::new())
    } else if doc.details.first_time.is_none() {
        // Points without a single time are a route drawn or planned on a map,
        // not something a person did: nothing to count (issue #11).
        (
            Content::NotAnActivity {
                what: "a GPX track with no times: a drawn or planned route, not a recording".into(),
            },
            Vec::new(),
        )
    } else {
        (Content::Activities, vec![activity(&doc)])
    };
    Parsed {
        format: Format::Gpx,
        content,
        device: doc.creator.clone(),
        activities,
        details: doc.details,
        warnings: doc.warnings,
    }
}

fn activity(doc: &Doc) -> Activity {
    let mut distance = 0.0;
    let mut moving = 0.0;
    let mut ascent = 0.0;
    for seg in &doc.segments {
        for w in seg.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let d2 = geo::distance_2d(a.lat, a.lon, b.lat, b.lon);
            distance += d2;
            if let (Some(ta), Some(tb)) = (a.time, b.time) {
                // gpxpy: 3D distance when both elevations are non-zero; moving above 1 km/h.
                let d = match (a.ele, b.ele) {
                    (Some(ea), Some(eb)) if ea != 0.0 && eb != 0.0 => (d2 * d2 + (eb - ea) * (eb - ea)).sqrt(),
                    _ => d2,
                };
                let s = time::seconds(ta, tb);
                let kmh = if s > 0.0 { d / 1000.0 / (s / 3600.0) } else { 0.0 };
                if d > 0.0 && kmh > 1.0 {
                    moving += s;
                }
            }
        }
        ascent += uphill(&seg.iter().filter_map(|p| p.ele).collect::<Vec<_>>());
    }
    let hrs: Vec<f64> = doc.segments.iter().flatten().filter_map(|p| p.hr).filter(|h| *h > 0.0).collect();
    let cads: Vec<f64> = doc.segments.iter().flatten().filter_map(|p| p.cad).collect();
    let sport = doc.sport.clone().map_or_else(|| "unknown".to_string(), |s| crate::tcx::normalise_sport(&s));
    let foot = matches!(sport.as_str(), "running" | "walking" | "hiking");
    let (first, last) = (doc.details.first_time, doc.details.last_time);
    Activity {
        start: first,
        elapsed_s: match (first, last) {
            (Some(a), Some(b)) => Some(time::seconds(a, b)),
            _ => None,
        },
        moving_s: first.map(|_| moving),
        distance_m: Some(distance),
        avg_hr: mean(&hrs),
        max_hr: hrs.iter().copied().reduce(f64::max),
        cadence: mean(&cads).map(|c| {
            if foot {
                Cadence { value: c * 2.0, unit: CadenceUnit::StepsPerMin }
            } else {
                Cadence { value: c, unit: CadenceUnit::Rpm }
            }
        }),
        calories: None,
        ascent_m: Some(ascent),
        sub_sport: None,
        sport,
        from_summary: false,
    }
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| (v.iter().sum::<f64>() / v.len() as f64 * 10.0).round() / 10.0)
}

/// gpxpy's climb: elevations smoothed 0.3/0.4/0.3 with their neighbours, then
/// the rises summed.
pub(crate) fn uphill(e: &[f64]) -> f64 {
    let n = e.len();
    let smooth = |i: usize| if i > 0 && i + 1 < n { e[i - 1] * 0.3 + e[i] * 0.4 + e[i + 1] * 0.3 } else { e[i] };
    (1..n).map(|i| (smooth(i) - smooth(i - 1)).max(0.0)).sum()
}
