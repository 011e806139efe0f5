//! ISO 8601 times as GPX and TCX write them: with "Z", with an offset, or
//! (against the standards, but common) with no zone at all, taken as UTC.

use jiff::Timestamp;
use jiff::civil::DateTime;

pub fn parse(text: &str) -> Option<Timestamp> {
    let t = text.trim();
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some(ts);
    }
    t.parse::<DateTime>().ok().and_then(|dt| jiff::tz::TimeZone::UTC.to_timestamp(dt).ok())
}

/// Seconds from `a` to `b`.
pub fn seconds(a: Timestamp, b: Timestamp) -> f64 {
    (b.as_microsecond() - a.as_microsecond()) as f64 / 1e6
}
