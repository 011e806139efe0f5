//! ISO 8601 times as GPX and TCX write them: with "Z", with an offset, or
//! (against the standards, but common) with no zone at all, taken as UTC.

use jiff::Timestamp;
use jiff::civil::DateTime;

pub fn parse(text: &str) -> Option<Timestamp> {
    let t = text.trim();
    if let Some(ts) = utc_fast(t.as_bytes()) {
        return Some(ts);
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some(ts);
    }
    t.parse::<DateTime>().ok().and_then(|dt| jiff::tz::TimeZone::UTC.to_timestamp(dt).ok())
}

/// Seconds from `a` to `b`.
pub fn seconds(a: Timestamp, b: Timestamp) -> f64 {
    (b.as_microsecond() - a.as_microsecond()) as f64 / 1e6
}

/// The form nearly every device writes, `YYYY-MM-DDTHH:MM:SS[.f…]Z`, read
/// without the general parser: a track has thousands of them.
fn utc_fast(b: &[u8]) -> Option<Timestamp> {
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if *b.last()? != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        b.get(r)?.iter().try_fold(0i32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut nanos = 0i32;
    let rest = &b[19..b.len() - 1];
    if !rest.is_empty() {
        let digits = rest.strip_prefix(b".")?;
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        for (i, d) in digits.iter().take(9).enumerate() {
            nanos += i32::from(d - b'0') * 10i32.pow(8 - i as u32);
        }
    }
    let dt = jiff::civil::DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        nanos,
    )
    .ok()?;
    jiff::tz::TimeZone::UTC.to_timestamp(dt).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_the_general_parser() {
        for t in ["2024-05-01T07:00:00Z", "2022-11-12T15:58:25.8498Z", "1901-12-13T20:45:52.2073437Z"] {
            assert_eq!(utc_fast(t.as_bytes()), t.parse::<Timestamp>().ok(), "{t}");
        }
        assert_eq!(utc_fast(b"2024-13-01T07:00:00Z"), None);
        assert_eq!(utc_fast(b"2024-05-01T07:00:00+02:00"), None);
        assert_eq!(parse("2024-05-01T07:00:00+02:00").unwrap().to_string(), "2024-05-01T05:00:00Z");
        assert_eq!(parse("2024-05-01T07:00:00").unwrap().to_string(), "2024-05-01T07:00:00Z");
    }
}
