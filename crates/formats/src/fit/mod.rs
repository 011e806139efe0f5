//! FIT files (Garmin, Wahoo, Coros, Zwift, Strava...): sessions with the
//! device's own summary, or, when a file has none or breaks off, figures
//! computed from its records.

mod decode;
mod profile;

use crate::activity::{
    Activity, Cadence, CadenceUnit, Content, Details, Format, Parsed, ReadError, Unreadable, Warning,
};
use decode::Message;
use jiff::Timestamp;

pub use decode::crc;

/// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z.
const FIT_EPOCH: i64 = 631_065_600;

const FILE_ID: u16 = 0;
const SPORT: u16 = 12;
const SESSION: u16 = 18;
const RECORD: u16 = 20;

const ACTIVITY_FILE: u32 = 4;

/// Values below this are seconds since the device powered on, not dates.
const FIRST_ABSOLUTE: f64 = 268_435_456.0;

fn time(fit_seconds: f64) -> Option<Timestamp> {
    if fit_seconds < FIRST_ABSOLUTE {
        return None;
    }
    Timestamp::from_second(FIT_EPOCH + fit_seconds as i64).ok()
}

/// What the records add up to, for files without a usable session summary.
#[derive(Default)]
struct RecordSummary {
    count: u32,
    with_position: u32,
    first_time: Option<u32>,
    last_time: Option<u32>,
    hr_sum: f64,
    hr_n: u32,
    hr_max: Option<f64>,
    last_distance: Option<f64>,
}

#[derive(Default)]
struct Collected {
    file_type: Option<u32>,
    manufacturer: Option<u32>,
    product: Option<u32>,
    sport: Option<(u32, Option<u32>)>,
    sessions: Vec<Activity>,
    records: RecordSummary,
}

impl Collected {
    fn on(&mut self, m: &Message) {
        match m.global {
            FILE_ID if self.file_type.is_none() && self.manufacturer.is_none() => {
                self.file_type = m.get(0).map(|v| v as u32);
                self.manufacturer = m.get(1).map(|v| v as u32);
                self.product = m.get(2).map(|v| v as u32);
            }
            SPORT => {
                if let Some(s) = m.get(0) {
                    self.sport.get_or_insert((s as u32, m.get(1).map(|v| v as u32)));
                }
            }
            SESSION => self.sessions.push(session(m)),
            RECORD => {
                let r = &mut self.records;
                r.count += 1;
                if m.get(0).is_some() && m.get(1).is_some() {
                    r.with_position += 1;
                }
                if let Some(t) = m.timestamp {
                    r.first_time.get_or_insert(t);
                    r.last_time = Some(t);
                }
                if let Some(hr) = m.get(3).filter(|h| *h > 0.0) {
                    r.hr_sum += hr;
                    r.hr_n += 1;
                    r.hr_max = Some(r.hr_max.map_or(hr, |x: f64| x.max(hr)));
                }
                if let Some(d) = m.get(5) {
                    r.last_distance = Some(d / 100.0);
                }
            }
            _ => {}
        }
    }
}

fn session(m: &Message) -> Activity {
    let sport = m.get(5).map(|v| v as u32);
    let cadence = m.get(18).map(|c| {
        let whole = c + m.get(92).map_or(0.0, |f| f / 128.0);
        if sport.is_some_and(profile::is_foot_sport) {
            Cadence { value: whole * 2.0, unit: CadenceUnit::StepsPerMin }
        } else {
            Cadence { value: whole, unit: CadenceUnit::Rpm }
        }
    });
    Activity {
        sport: sport.map_or_else(|| "unknown".into(), profile::sport),
        sub_sport: m.get(6).map(|v| profile::sub_sport(v as u32)),
        start: m.get(2).and_then(time),
        elapsed_s: m.get(7).map(|v| v / 1000.0),
        moving_s: m.get(8).map(|v| v / 1000.0),
        distance_m: m.get(9).map(|v| v / 100.0),
        avg_hr: m.get(16),
        max_hr: m.get(17),
        cadence,
        calories: m.get(11),
        ascent_m: m.get(22),
        from_summary: true,
    }
}

fn from_records(c: &Collected) -> Activity {
    let r = &c.records;
    let (sport, sub) =
        c.sport.map_or(("unknown".to_string(), None), |(s, sub)| (profile::sport(s), sub.map(profile::sub_sport)));
    let elapsed = match (r.first_time, r.last_time) {
        (Some(a), Some(b)) if b >= a => Some(f64::from(b - a)),
        _ => None,
    };
    Activity {
        sport,
        sub_sport: sub,
        start: r.first_time.and_then(|t| time(f64::from(t))),
        elapsed_s: elapsed,
        moving_s: None,
        distance_m: r.last_distance,
        avg_hr: (r.hr_n > 0).then(|| (r.hr_sum / f64::from(r.hr_n) * 10.0).round() / 10.0),
        max_hr: r.hr_max,
        cadence: None,
        calories: None,
        ascent_m: None,
        from_summary: false,
    }
}

pub fn read(bytes: &[u8]) -> Result<Parsed, ReadError> {
    let mut c = Collected::default();
    let wanted = |g: u16| matches!(g, FILE_ID | SPORT | SESSION | RECORD);
    let outcome = decode::walk(bytes, wanted, |m| c.on(m))
        .map_err(|(at, why)| ReadError::new(Unreadable::Damaged, Some(at), why))?;
    let mut warnings = outcome.warnings;
    let nothing_read =
        c.file_type.is_none() && c.manufacturer.is_none() && c.records.count == 0 && c.sessions.is_empty();
    if let (Some((at, why)), true) = (&outcome.stopped, nothing_read) {
        // Broke off before anything usable: that is an unreadable file, not an empty one.
        return Err(ReadError::new(Unreadable::Damaged, Some(*at), format!("{why}; nothing could be read before it")));
    }
    if let Some((at, why)) = &outcome.stopped {
        warnings.push(Warning {
            offset: Some(*at),
            message: format!(
                "{why}; what came before is kept ({} records, {} sessions)",
                c.records.count,
                c.sessions.len()
            ),
        });
    }
    let file_type = c.file_type;
    let is_activity = file_type.is_none_or(|t| t == ACTIVITY_FILE);
    let details = Details {
        fit_headers: outcome.headers,
        file_type: file_type.map(profile::file_type),
        manufacturer_id: c.manufacturer,
        product_id: c.product,
        sessions: c.sessions.len() as u32,
        points: c.records.count,
        points_with_position: c.records.with_position,
        first_time: c.records.first_time.and_then(|t| time(f64::from(t))),
        last_time: c.records.last_time.and_then(|t| time(f64::from(t))),
        ..Details::default()
    };
    let device = c.manufacturer.map(|m| match c.product {
        Some(p) => format!("{} (product {p})", profile::manufacturer(m)),
        None => profile::manufacturer(m),
    });
    let (content, activities) = if !is_activity {
        let what = file_type.map_or_else(|| "unknown".into(), profile::file_type);
        (Content::NotAnActivity { what: format!("a FIT {what} file") }, Vec::new())
    } else if !c.sessions.is_empty() {
        let mut sessions = std::mem::take(&mut c.sessions);
        let first_record = c.records.first_time.and_then(|t| time(f64::from(t)));
        for (n, s) in sessions.iter_mut().enumerate() {
            // Some devices leave a session's start out: the first session
            // starts with the records; a later one cannot be placed.
            if s.start.is_none() && n == 0 && first_record.is_some() {
                s.start = first_record;
                warnings.push(Warning {
                    offset: None,
                    message: "the session has no start time; it is taken from the first record".into(),
                });
            }
        }
        (Content::Activities, sessions)
    } else if c.records.count > 0 {
        warnings.push(Warning {
            offset: None,
            message: format!("no session summary; figures computed from {} records", c.records.count),
        });
        (Content::Activities, vec![from_records(&c)])
    } else {
        (Content::NotAnActivity { what: "a FIT file with no sessions or records".into() }, Vec::new())
    };
    if file_type.is_none() && c.manufacturer.is_none() {
        warnings.push(Warning { offset: None, message: "no file_id message; read as an activity".into() });
    }
    Ok(Parsed { format: Format::Fit, content, device, activities, details, warnings })
}
