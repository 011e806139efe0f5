//! TCX (Garmin Training Center): activities, laps, trackpoints and the
//! Activity Extension's run cadence.

use crate::activity::{
    Activity, Cadence, CadenceUnit, Content, Details, Format, Parsed, ReadError, Unreadable, Warning,
};
use crate::{num, time, xml};
use jiff::Timestamp;

#[derive(Default)]
struct Act {
    sport: String,
    id_time: Option<Timestamp>,
    lap_start: Option<Timestamp>,
    lap_seconds: f64,
    lap_distance: Option<f64>,
    calories: Option<f64>,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    hr: Vec<f64>,
    bike_cad: Vec<f64>,
    run_cad: Vec<f64>,
    alts: Vec<f64>,
    max_point_distance: Option<f64>,
    laps_with_points: u32,
}

/// The elements whose nesting matters; everything else is `Other`. A stack of
/// these instead of names keeps the reader from allocating per element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Activities,
    Activity,
    Lap,
    Trackpoint,
    HeartRateBpm,
    Creator,
    Other,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "Activities" => Tag::Activities,
            "Activity" => Tag::Activity,
            "Lap" => Tag::Lap,
            "Trackpoint" => Tag::Trackpoint,
            "HeartRateBpm" => Tag::HeartRateBpm,
            "Creator" => Tag::Creator,
            _ => Tag::Other,
        }
    }
}

#[derive(Default)]
struct State {
    acts: Vec<Act>,
    stack: Vec<Tag>,
    text: String,
    lap_points: u32,
    creator: Option<String>,
    details: Details,
    warnings: Vec<Warning>,
}

impl State {
    fn parent(&self, n: usize) -> Tag {
        self.stack.len().checked_sub(n + 1).and_then(|i| self.stack.get(i)).copied().unwrap_or(Tag::Other)
    }
}

pub fn read(bytes: &[u8]) -> Result<Parsed, ReadError> {
    let doc_text = xml::text(bytes);
    let mut st = State::default();
    let mut saw_root = false;
    let ending = xml::walk(&doc_text, |node| match node {
        xml::Node::Start { name, attrs, .. } => {
            st.text.clear();
            let attr = |k: &str| attrs.get(k);
            match name {
                "TrainingCenterDatabase" => saw_root = true,
                "Activity" if st.parent(0) == Tag::Activities => {
                    st.acts.push(Act {
                        sport: crate::activity::normalise_sport(&attr("Sport").unwrap_or_default()),
                        ..Act::default()
                    });
                }
                "Lap" => {
                    st.lap_points = 0;
                    if let Some(a) = st.acts.last_mut() {
                        let start = attr("StartTime").and_then(|t| time::parse(&t));
                        a.lap_start = a.lap_start.or(start);
                    }
                }
                "Trackpoint" => {
                    st.lap_points += 1;
                    st.details.points += 1;
                }
                "Position" if st.parent(0) == Tag::Trackpoint => st.details.points_with_position += 1,
                _ => {}
            }
            st.stack.push(Tag::of(name));
        }
        xml::Node::Text(t) => st.text.push_str(&t),
        xml::Node::End { name } => {
            st.stack.pop();
            let (p0, p1) = (st.parent(0), st.parent(1));
            let State { acts, text, creator, details, lap_points, .. } = &mut st;
            let value = text.trim();
            let num = || num::parse_f64(value).filter(|v| v.is_finite());
            if name == "Name" && p0 == Tag::Creator && creator.is_none() && !value.is_empty() {
                *creator = Some(value.to_string());
            }
            if name == "Lap" {
                details.laps += 1;
                if *lap_points > 0
                    && let Some(a) = acts.last_mut()
                {
                    a.laps_with_points += 1;
                }
            }
            if let Some(a) = acts.last_mut() {
                match (name, p0, p1) {
                    ("Id", Tag::Activity, _) => a.id_time = time::parse(value),
                    ("TotalTimeSeconds", Tag::Lap, _) => a.lap_seconds += num().unwrap_or(0.0),
                    ("DistanceMeters", Tag::Lap, _) => {
                        a.lap_distance = Some(a.lap_distance.unwrap_or(0.0) + num().unwrap_or(0.0));
                    }
                    ("Calories", Tag::Lap, _) => a.calories = Some(a.calories.unwrap_or(0.0) + num().unwrap_or(0.0)),
                    ("Time", Tag::Trackpoint, _) => {
                        if let Some(t) = time::parse(value) {
                            a.first.get_or_insert(t);
                            a.last = Some(t);
                        }
                    }
                    ("Value", Tag::HeartRateBpm, Tag::Trackpoint) => a.hr.extend(num().filter(|h| *h > 0.0)),
                    ("Cadence", Tag::Trackpoint, _) => a.bike_cad.extend(num()),
                    ("RunCadence", _, _) => a.run_cad.extend(num()),
                    ("AltitudeMeters", Tag::Trackpoint, _) => a.alts.extend(num()),
                    ("DistanceMeters", Tag::Trackpoint, _) => {
                        if let Some(d) = num() {
                            a.max_point_distance = Some(a.max_point_distance.map_or(d, |m: f64| m.max(d)));
                        }
                    }
                    _ => {}
                }
            }
            text.clear();
        }
    })?;
    if !saw_root {
        return Err(ReadError::new(
            Unreadable::UnknownFormat,
            None,
            "no <TrainingCenterDatabase> element: not a TCX file",
        ));
    }
    let (laps, points) = (st.details.laps, st.details.points);
    st.warnings.extend(ending.warning(|| {
        format!("{} and {}", xml::count(laps, "lap", "laps"), xml::count(points, "track point", "track points"))
    }));
    st.details.first_time = st.acts.iter().find_map(|a| a.first);
    st.details.last_time = st.acts.iter().rev().find_map(|a| a.last);
    for (n, a) in st.acts.iter().enumerate() {
        st.warnings.extend(laps_against_points(a, n + 1));
    }
    let activities: Vec<Activity> = st.acts.iter().map(activity).collect();
    let content = if activities.is_empty() {
        Content::NotAnActivity { what: "a TCX file with no activities (a course or workout)".into() }
    } else {
        Content::Activities
    };
    Ok(Parsed {
        format: Format::Tcx,
        content,
        device: st.creator,
        activities,
        details: st.details,
        warnings: st.warnings,
    })
}

/// How far lap totals and trackpoints may differ before the file is doubted.
const LAP_TOLERANCE: f64 = 0.05;

/// Lap totals that the trackpoints contradict by more than 5 %: the distance
/// either way, the time only when the laps claim more than was recorded
/// (less is pauses).
fn laps_against_points(a: &Act, n: usize) -> Vec<Warning> {
    let mut out = Vec::new();
    let warn = |message: String| Warning { offset: None, message };
    if let (Some(laps), Some(points)) = (a.lap_distance, a.max_point_distance)
        && laps.max(points) > 0.0
        && (laps - points).abs() / laps.max(points) > LAP_TOLERANCE
    {
        out.push(warn(format!(
            "activity {n}: the laps add up to {:.0} m but the trackpoints reach {:.0} m; the laps' figure is used",
            laps, points
        )));
    }
    if let (Some(first), Some(last)) = (a.first, a.last) {
        let recorded = time::seconds(first, last);
        if a.lap_seconds > recorded * (1.0 + LAP_TOLERANCE) + 1.0 {
            out.push(warn(format!(
                "activity {n}: the laps add up to {:.0} s but the trackpoints span only {:.0} s",
                a.lap_seconds, recorded
            )));
        }
    }
    out
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| (v.iter().sum::<f64>() / v.len() as f64 * 10.0).round() / 10.0)
}

fn activity(a: &Act) -> Activity {
    let start = a.lap_start.or(a.id_time).or(a.first);
    // Garmin writes running cadence as the extension's RunCadence; Polar and
    // Suunto write it in the trackpoint's Cadence. Both count one foot
    // (strides a minute), so a foot sport's figure is doubled into steps.
    let foot = matches!(a.sport.as_str(), "running" | "walking" | "hiking");
    let cadence = if !a.run_cad.is_empty() {
        mean(&a.run_cad).map(|c| Cadence { value: c * 2.0, unit: CadenceUnit::StepsPerMin })
    } else if foot {
        mean(&a.bike_cad).map(|c| Cadence { value: c * 2.0, unit: CadenceUnit::StepsPerMin })
    } else {
        mean(&a.bike_cad).map(|c| Cadence { value: c, unit: CadenceUnit::Rpm })
    };
    Activity {
        sport: a.sport.clone(),
        sub_sport: None,
        start,
        elapsed_s: match (start, a.last) {
            (Some(s), Some(l)) if l >= s => Some(time::seconds(s, l)),
            _ => None,
        },
        moving_s: (a.lap_seconds > 0.0).then_some(a.lap_seconds),
        distance_m: a.lap_distance.or(a.max_point_distance),
        avg_hr: mean(&a.hr),
        max_hr: a.hr.iter().copied().reduce(f64::max),
        cadence,
        calories: a.calories,
        ascent_m: (!a.alts.is_empty()).then(|| crate::geo::uphill(&a.alts)),
        from_summary: true,
    }
}
