//! Calendar arithmetic on local dates. Out-of-range results (beyond year 9999)
//! cannot come from real programmes; they saturate instead of panicking.

use jiff::Span;
use jiff::civil::Date;

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    to.since(from).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

pub fn add_days(date: Date, n: i64) -> Date {
    date.checked_add(Span::new().days(n)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn counts_and_adds_days() {
        assert_eq!(days_between(date(2026, 11, 23), date(2026, 12, 1)), 8);
        assert_eq!(days_between(date(2026, 12, 1), date(2026, 11, 23)), -8);
        assert_eq!(add_days(date(2026, 12, 30), 3), date(2027, 1, 2));
    }
}
