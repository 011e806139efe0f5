//! One name per value. Every fieldless enum that is stored, sent or typed
//! (support, surface, days, symptoms, measures, questions, decisions…) gets
//! its names written out once, here in the coach, by [`named!`]: the store,
//! the API's documents, the pages and the CLI all use `as_str` and `FromStr`,
//! so a renamed Rust variant cannot silently change a stored or sent name,
//! and no crate parses a value its own way. A test checks each name against
//! serde's, which the archive and the API's JSON use.

use crate::InputError;

/// A value with one stable name.
pub trait Named: Copy + PartialEq + 'static {
    /// What the value is, as a field: "support", "symptom".
    const WHAT: &'static str;
    /// What an unknown name is not, in a message: "a known symptom".
    const PHRASE: &'static str;
    /// Every value, in their order.
    fn all() -> &'static [Self];
    fn as_str(self) -> &'static str;
}

/// A name that is not one of a kind's names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    pub what: &'static str,
    pub phrase: &'static str,
    pub text: String,
    pub allowed: Vec<&'static str>,
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "'{}' is not {}; use one of {}", self.text, self.phrase, self.allowed.join(", "))
    }
}

impl std::error::Error for UnknownName {}

impl From<UnknownName> for InputError {
    fn from(e: UnknownName) -> InputError {
        let allowed = e.allowed.join(", ");
        InputError::new(e.what, e.to_string())
            .because(crate::Code::Unknown)
            .said("refusal.unknown_choice", &[("typed", &e.text), ("allowed", &allowed)])
    }
}

/// The value named exactly `text` (stored values and the API).
pub fn exact<T: Named>(text: &str) -> Result<T, UnknownName> {
    T::all().iter().copied().find(|v| v.as_str() == text).ok_or_else(|| UnknownName {
        what: T::WHAT,
        phrase: T::PHRASE,
        text: text.to_string(),
        allowed: T::all().iter().map(|v| v.as_str()).collect(),
    })
}

/// The value a person typed: spaces around it, capitals and hyphens are
/// forgiven (`Knee-Locked` is `knee_locked`).
pub fn typed<T: Named>(text: &str) -> Result<T, UnknownName> {
    let t = text.trim().to_ascii_lowercase().replace('-', "_");
    exact(&t).map_err(|e| UnknownName { text: text.to_string(), ..e })
}

/// Writes a kind's names once: `as_str`, the list of every value (`ALL`),
/// [`Named`] and an exact `FromStr`.
///
/// ```ignore
/// named!(Surface, "surface", "a known surface", { Treadmill => "treadmill", Overground => "overground" });
/// ```
#[macro_export]
macro_rules! named {
    ($ty:ident, $what:literal, $phrase:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in order.
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// The value's one name, as stored and sent.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl $ty {
            /// The value a person typed (see [`$crate::names::typed`]).
            pub fn typed(text: &str) -> Result<$ty, $crate::InputError> {
                Ok($crate::names::typed::<$ty>(text)?)
            }
        }

        impl $crate::names::Named for $ty {
            const WHAT: &'static str = $what;
            const PHRASE: &'static str = $phrase;
            fn all() -> &'static [$ty] {
                &$ty::ALL
            }
            fn as_str(self) -> &'static str {
                $ty::as_str(self)
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::names::UnknownName;
            fn from_str(text: &str) -> Result<$ty, Self::Err> {
                $crate::names::exact(text)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adaptation::Action;
    use crate::dose::{Support, Surface};
    use crate::history::{OverrideKind, Symptom};
    use crate::outcomes::{Measure, Sex};
    use crate::screening::{Question, Topic};
    use crate::setup::Day;

    /// The names written here are the names serde writes (archives, JSON).
    fn matches_serde<T: Named + serde::Serialize + std::fmt::Debug + std::str::FromStr>() {
        for v in T::all() {
            let json = serde_json::to_string(v).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", v.as_str()), "{v:?}");
            assert!(v.as_str().parse::<T>().is_ok_and(|p| p.as_str() == v.as_str()));
        }
    }

    #[test]
    fn every_name_is_serdes_name_and_parses_back() {
        matches_serde::<Action>();
        matches_serde::<Support>();
        matches_serde::<Surface>();
        matches_serde::<OverrideKind>();
        matches_serde::<Symptom>();
        matches_serde::<Measure>();
        matches_serde::<Sex>();
        matches_serde::<Question>();
        matches_serde::<Topic>();
        matches_serde::<Day>();
        matches_serde::<crate::today::Kind>();
        matches_serde::<crate::pause::PauseKind>();
        matches_serde::<crate::outcomes::Verdict>();
        matches_serde::<crate::imports::Fit>();
        matches_serde::<crate::screening::Status>();
        matches_serde::<crate::dose::Variable>();
    }

    #[test]
    fn typed_names_forgive_case_and_hyphens_but_stored_ones_do_not() {
        assert_eq!(typed::<Support>(" Light-Touch "), Ok(Support::LightTouch));
        assert!("Light-Touch".parse::<Support>().is_err());
        let e = typed::<Symptom>("headache").unwrap_err();
        assert_eq!(e.to_string().split(';').next(), Some("'headache' is not a known symptom"));
        assert_eq!(InputError::from(e).field, "symptom");
    }
}
