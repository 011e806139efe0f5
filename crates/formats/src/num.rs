//! Decimal numbers as GPX and TCX write them ("46.3877340", "-12.5", "152").
//!
//! Most have at most 15 significant digits and no exponent. Such a number is
//! an integer m < 2^53 over 10^k with k <= 22; both are exact in f64, so one
//! division gives the correctly rounded value (Clinger's fast path), the same
//! as `str::parse`. Anything else goes to `str::parse`. Numbers are a third of
//! a GPX file's reading time, so this path matters.

/// Exact powers of ten in f64.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The number in `s` (surrounding whitespace allowed), or None.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes().trim_ascii();
    match fast(b) {
        Some(v) => Some(v),
        None => std::str::from_utf8(b).ok()?.parse().ok(),
    }
}

/// Digits with at most one '.', after an optional '-': at most 16 bytes, so
/// at most 16 digits; the mantissa is checked against 2^53 at the end.
fn fast(b: &[u8]) -> Option<f64> {
    let (negative, digits) = match b.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 16 {
        return None;
    }
    let (mut m, mut dot) = (0u64, None);
    for (i, &c) in digits.iter().enumerate() {
        let d = c.wrapping_sub(b'0');
        if d < 10 {
            m = m * 10 + u64::from(d);
        } else if c == b'.' && dot.is_none() {
            dot = Some(i);
        } else {
            return None;
        }
    }
    let k = match dot {
        None => 0,
        // "5." and "." go the long way.
        Some(i) if i + 1 == digits.len() => return None,
        Some(i) => digits.len() - 1 - i,
    };
    if m > 1 << 53 {
        return None;
    }
    let v = m as f64 / POW10[k];
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn agrees_with_str_parse_on_typical_and_odd_input() {
        for s in [
            "46.3877340",
            "-12.5",
            "152",
            "0",
            "-0.0",
            "0.1",
            "1e5",
            ".5",
            "5.",
            "-",
            "",
            "1.2.3",
            " 7.25 ",
            "+3",
            "123456789012345.6",
            "0.0000000000000000000001",
        ] {
            let expected = s.trim().parse::<f64>().ok();
            let got = parse_f64(s);
            assert_eq!(got.map(f64::to_bits), expected.map(f64::to_bits), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn any_decimal_parses_to_the_same_bits_as_str_parse(int in 0u64..1_000_000_000, frac in 0u64..1_000_000_000_000, places in 0usize..13, neg: bool) {
            let frac = format!("{frac:013}");
            let s = format!("{}{int}{}{}", if neg { "-" } else { "" }, if places > 0 { "." } else { "" }, &frac[..places]);
            prop_assert_eq!(parse_f64(&s).map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
        }
    }
}
