//! Pain on the numeric rating scale (NPRS), 0 = no pain … 10 = worst imaginable.

use crate::InputError;
use serde::{Deserialize, Serialize};

/// A pain rating known to be within 0–10. It cannot be built out of range, so
/// every rule that reads it can trust it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Pain(u8);

impl Pain {
    pub const NONE: Pain = Pain(0);

    pub fn new(value: i64) -> Result<Pain, InputError> {
        Self::parse_for("pain", value)
    }

    /// Validates `value`, naming `field` in the error.
    pub fn parse_for(field: &str, value: i64) -> Result<Pain, InputError> {
        if (0..=10).contains(&value) {
            Ok(Pain(value as u8))
        } else {
            Err(InputError::new(field, format!("pain is rated 0 to 10; got {value}"))
                .because(crate::Code::OutOfRange)
                .said("refusal.pain_range", &[("got", &value)]))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// The word anchor shown beside a rating.
    pub fn anchor(self) -> &'static str {
        match self.0 {
            0 => "no pain",
            1..=2 => "mild",
            3..=5 => "moderate",
            6..=7 => "severe",
            8..=9 => "very severe",
            _ => "worst imaginable",
        }
    }
}

impl TryFrom<i64> for Pain {
    type Error = InputError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Pain::new(value)
    }
}

impl From<Pain> for u8 {
    fn from(p: Pain) -> u8 {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_zero_to_ten_and_rejects_the_rest() {
        assert_eq!(Pain::new(0).map(Pain::value), Ok(0));
        assert_eq!(Pain::new(10).map(Pain::value), Ok(10));
        let err = Pain::parse_for("pain_peak", 11).unwrap_err();
        assert_eq!(err.to_string(), "pain_peak: pain is rated 0 to 10; got 11");
        assert!(Pain::new(-1).is_err());
    }

    #[test]
    fn deserialising_out_of_range_fails() {
        assert!(serde_json::from_str::<Pain>("12").is_err());
        assert_eq!(serde_json::from_str::<Pain>("4").map(Pain::value).ok(), Some(4));
    }
}
