//! Moments as the walker's local dates.

use jiff::civil::Date;

/// The walker's local date of a moment (UTC if the zone is unknown).
pub fn local_date(at: jiff::Timestamp, zone: &str) -> Date {
    at.to_zoned_datetime(jiff::tz::TimeZone::get(zone).unwrap_or(jiff::tz::TimeZone::UTC)).date()
}
