//! What a reader returns, the same for every format.

use jiff::Timestamp;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Fit,
    Gpx,
    Tcx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Fit => "FIT",
            Format::Gpx => "GPX",
            Format::Tcx => "TCX",
        }
    }
}

/// Whether the file records activities at all.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Content {
    Activities,
    /// Settings, a workout plan, daily monitoring, a route without a track...:
    /// recognised, and not a session.
    NotAnActivity {
        what: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CadenceUnit {
    /// Steps per minute (foot sports; FIT stores strides, so it is doubled).
    StepsPerMin,
    /// Revolutions or strokes per minute.
    Rpm,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cadence {
    pub value: f64,
    pub unit: CadenceUnit,
}

/// One activity (a FIT session, a GPX file's track, a TCX Activity).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Activity {
    /// Lower-case sport name (`running`, `cycling`, `walking`, ...), or `unknown`.
    pub sport: String,
    pub sub_sport: Option<String>,
    pub start: Option<Timestamp>,
    /// Start to finish, pauses included.
    pub elapsed_s: Option<f64>,
    /// Moving (timer) time: pauses left out.
    pub moving_s: Option<f64>,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub cadence: Option<Cadence>,
    pub calories: Option<f64>,
    pub ascent_m: Option<f64>,
    /// True when the figures come from the device's own summary; false when
    /// computed from the recorded points (no summary, or a cut-off file).
    pub from_summary: bool,
}

impl Activity {
    /// Distance over moving time, in m/s.
    pub fn speed_mps(&self) -> Option<f64> {
        match (self.distance_m, self.moving_s.or(self.elapsed_s)) {
            (Some(d), Some(t)) if t > 0.0 => Some(d / t),
            _ => None,
        }
    }
}

/// Counts a conformance check compares with other readers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Details {
    /// FIT: headers in a chained file; file type; manufacturer and product numbers.
    pub fit_headers: u32,
    pub file_type: Option<String>,
    pub manufacturer_id: Option<u32>,
    pub product_id: Option<u32>,
    /// FIT session messages as recorded.
    pub sessions: u32,
    /// FIT record messages, GPX track points, TCX trackpoints.
    pub points: u32,
    pub points_with_position: u32,
    /// GPX element counts.
    pub tracks: u32,
    pub segments: u32,
    pub routes: u32,
    pub route_points: u32,
    pub waypoints: u32,
    /// TCX laps.
    pub laps: u32,
    /// GPX: the whole file's track length, moving time and climb in metres and
    /// seconds, timed parts or not (gpxpy's totals; activities hold the timed parts).
    pub track_totals: Option<(f64, f64, f64)>,
    /// GPX/TCX: first and last timed point.
    pub first_time: Option<Timestamp>,
    pub last_time: Option<Timestamp>,
}

/// Something odd about a file that did not stop it being read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// Byte offset, where one applies.
    pub offset: Option<u64>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Parsed {
    pub format: Format,
    pub content: Content,
    /// Maker and model, or the writing app.
    pub device: Option<String>,
    pub activities: Vec<Activity>,
    pub details: Details,
    pub warnings: Vec<Warning>,
}

/// A file that could not be read at all.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadError {
    /// Why, in the terms a person can act on (the app says it in their
    /// language); `message` is the reader's own technical account.
    pub kind: Unreadable,
    pub offset: Option<u64>,
    pub message: String,
}

/// Why a file could not be read, as its owner can act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unreadable {
    /// Nothing in it.
    Empty,
    /// Not FIT, GPX or TCX: not a file from a watch, phone or treadmill app.
    UnknownFormat,
    /// The right kind of file, broken: cut short, or damaged.
    Damaged,
}

impl ReadError {
    pub fn new(kind: Unreadable, offset: Option<u64>, message: impl Into<String>) -> ReadError {
        ReadError { kind, offset, message: message.into() }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.offset {
            Some(o) => write!(f, "{} (at byte {o})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ReadError {}

/// A sport name as the files spell it, in the words FIT uses.
pub fn normalise_sport(s: &str) -> String {
    match s.trim().to_lowercase().as_str() {
        "biking" | "bike" | "cycling" | "ride" | "road_biking" | "mountain_biking" => "cycling".into(),
        "running" | "run" | "treadmill_running" | "trail_running" => "running".into(),
        "walking" | "walk" | "indoor_walking" => "walking".into(),
        "hiking" | "hike" => "hiking".into(),
        "swimming" | "swim" | "lap_swimming" | "open_water_swimming" => "swimming".into(),
        "" => "unknown".into(),
        other => other.replace(' ', "_"),
    }
}
