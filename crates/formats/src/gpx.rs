//! GPX 1.0 and 1.1: tracks, segments and points, with heart rate and cadence
//! from Garmin's TrackPointExtension. Distances, moving time and climb follow
//! gpxpy's definitions so the numbers can be checked against it.

use crate::activity::{
    Activity, Cadence, CadenceUnit, Content, Details, Format, Parsed, ReadError, Unreadable, Warning,
};
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
    /// Each track's `<type>`, by track.
    sports: Vec<Option<String>>,
    /// Segments with the index of the track they belong to.
    segments: Vec<(usize, Vec<Point>)>,
    details: Details,
    warnings: Vec<Warning>,
}

/// A pause longer than this between two timed segments of a track starts a
/// new activity: two walks a day apart are two activities, not one of 22 hours.
const NEW_ACTIVITY_AFTER_S: f64 = 3.0 * 3600.0;

impl Doc {
    /// The track being read (points outside any track count as the first).
    fn track(&self) -> usize {
        self.details.tracks.saturating_sub(1) as usize
    }
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
                    doc.sports.push(None);
                }
                "trkseg" => {
                    doc.details.segments += 1;
                    doc.segments.push((doc.track(), Vec::new()));
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
                "type" if cur.in_trk && !cur.in_trkpt && !value.is_empty() => {
                    if let Some(sport @ None) = doc.sports.last_mut() {
                        *sport = Some(value.to_lowercase());
                    }
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
                        doc.segments.push((doc.track(), Vec::new())); // a point outside any segment
                    }
                    if let Some((_, seg)) = doc.segments.last_mut() {
                        seg.push(std::mem::take(&mut cur.point));
                    }
                }
                _ => {}
            }
            cur.text.clear();
        }
    })?;
    if !saw_root {
        return Err(ReadError::new(Unreadable::UnknownFormat, None, "no <gpx> element: not a GPX file"));
    }
    let points = doc.details.points;
    doc.warnings.extend(ending.warning(|| xml::count(points, "track point", "track points")));
    Ok(finish(doc))
}

fn finish(mut doc: Doc) -> Parsed {
    let points = || doc.segments.iter().flat_map(|(_, s)| s);
    doc.details.first_time = points().find_map(|p| p.time);
    doc.details.last_time = doc.segments.iter().rev().flat_map(|(_, s)| s.iter().rev()).find_map(|p| p.time);
    let totals =
        doc.segments.iter().map(|(_, s)| measure(s)).fold((0.0, 0.0, 0.0), |t, m| (t.0 + m.0, t.1 + m.1, t.2 + m.2));
    doc.details.track_totals = Some(totals);
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
        let untimed = doc.segments.iter().filter(|(_, seg)| !seg.is_empty() && first_time(seg).is_none()).count();
        if untimed > 0 {
            doc.warnings.push(Warning {
                offset: None,
                message: format!(
                    "{} without times (a drawn route?) left out of the activities",
                    xml::count(untimed as u32, "track segment", "track segments")
                ),
            });
        }
        let activities: Vec<Activity> = groups(&doc).iter().map(|g| activity(&doc, g)).collect();
        (Content::Activities, activities)
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

fn first_time(seg: &[Point]) -> Option<Timestamp> {
    seg.iter().find_map(|p| p.time)
}

fn last_time(seg: &[Point]) -> Option<Timestamp> {
    seg.iter().rev().find_map(|p| p.time)
}

/// The file's timed segments as activities: consecutive segments belong
/// together (one outing may pause, or be saved as several tracks) until hours
/// pass between them. Segments without times are a route, not a recording.
fn groups(doc: &Doc) -> Vec<(usize, Vec<&[Point]>)> {
    let mut out: Vec<(usize, Vec<&[Point]>)> = Vec::new();
    for (track, seg) in doc.segments.iter().filter(|(_, seg)| first_time(seg).is_some()) {
        let gap = out
            .last()
            .and_then(|(_, group)| group.iter().rev().find_map(|s| last_time(s)))
            .zip(first_time(seg))
            .map(|(end, start)| time::seconds(end, start));
        match out.last_mut() {
            Some((_, group)) if gap.is_some_and(|g| g <= NEW_ACTIVITY_AFTER_S) => group.push(seg),
            _ => out.push((*track, vec![seg])),
        }
    }
    out
}

/// A segment's 2D length, moving time and climb, as gpxpy measures them.
fn measure(seg: &[Point]) -> (f64, f64, f64) {
    let (mut distance, mut moving) = (0.0, 0.0);
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
    (distance, moving, crate::geo::uphill(&seg.iter().filter_map(|p| p.ele).collect::<Vec<_>>()))
}

fn activity(doc: &Doc, (track, segments): &(usize, Vec<&[Point]>)) -> Activity {
    let (mut distance, mut moving, mut ascent) = (0.0, 0.0, 0.0);
    for seg in segments {
        let (d, m, a) = measure(seg);
        distance += d;
        moving += m;
        ascent += a;
    }
    let all = || segments.iter().flat_map(|s| s.iter());
    let hrs: Vec<f64> = all().filter_map(|p| p.hr).filter(|h| *h > 0.0).collect();
    let cads: Vec<f64> = all().filter_map(|p| p.cad).collect();
    // A track without its own <type> takes the file's first one.
    let named = doc.sports.get(*track).cloned().flatten().or_else(|| doc.sports.iter().flatten().next().cloned());
    let sport = named.map_or_else(|| "unknown".to_string(), |s| crate::activity::normalise_sport(&s));
    let foot = matches!(sport.as_str(), "running" | "walking" | "hiking");
    let (first, last) = (all().find_map(|p| p.time), segments.iter().rev().find_map(|s| last_time(s)));
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
