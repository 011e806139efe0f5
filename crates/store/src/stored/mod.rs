//! The stored formats, version 1: what the database's JSON columns and the
//! archive hold, as types of the store's own. The coach's types are converted
//! to and from these at the edge, so a change to the coach cannot silently
//! change what is on disk or in a walker's exported file: every conversion
//! takes the coach value apart whole, and a field added, renamed or retyped
//! in the coach fails to compile here. Whoever changes the coach then decides
//! what the stored format does: keep version 1 (convert), or write version 2
//! beside it and read both.
//!
//! Version 1 is exactly the JSON the coach's serde derive wrote before these
//! types existed (a test compares them), so every database and archive
//! written so far reads unchanged. Values with one name (`coach::names`) are
//! kept by that name; anything unreadable is `StoreError::Corrupt`.

/// A stored type whose fields are a coach type's, one for one: the struct,
/// and conversions both ways that take the value apart whole (no `..`), so a
/// coach field added, renamed or retyped fails to compile here. Each field
/// says how it is kept: as it is, or `as` one of
/// `name` (its one name), `names` (a list of them), `opt_name`, `yes_no` (a
/// map from names to answers), `pain` (0–10),
/// `one` (another stored type), `each` (a list of one), `opt_one`, or
/// `derived` (not kept: the field is `()` and must carry `#[serde(skip)]`, so
/// nothing is written; read back, it is the coach's default; for what a
/// replay recomputes. The JSON test in `tests.rs` fails if the skip is lost).
macro_rules! mirror {
    ($(#[$m:meta])* $v:ident <=> $($c:ident)::+ {
        $($(#[$fm:meta])* $f:ident : $t:ty $(as $how:ident)?),* $(,)?
    }) => {
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        $(#[$m])*
        pub struct $v {
            $($(#[$fm])* pub $f: $t),*
        }

        impl From<&$($c)::+> for $v {
            fn from(c: &$($c)::+) -> Self {
                let $($c)::+ { $($f),* } = c.clone();
                $v { $($f: mirror!(@out $f $($how)?)),* }
            }
        }

        impl TryFrom<$v> for $($c)::+ {
            type Error = $crate::StoreError;
            fn try_from(v: $v) -> $crate::Result<Self> {
                let $v { $($f),* } = v;
                Ok($($c)::+ { $($f: mirror!(@in $f $($how)?)),* })
            }
        }
    };
    (@out $f:ident) => { $f };
    (@out $f:ident name) => { $f.as_str().to_string() };
    (@out $f:ident names) => { $crate::stored::names(&$f) };
    (@out $f:ident opt_name) => { $f.map(|v| v.as_str().to_string()) };
    (@out $f:ident yes_no) => { $f.iter().map(|(k, yes)| (k.as_str().to_string(), *yes)).collect() };
    (@out $f:ident pain) => { $f.value() };
    (@out $f:ident one) => { (&$f).into() };
    (@out $f:ident each) => { $f.iter().map(Into::into).collect() };
    (@out $f:ident opt_one) => { $f.as_ref().map(Into::into) };
    (@out $f:ident derived) => { { let _ = $f; } };
    (@in $f:ident) => { $f };
    (@in $f:ident name) => { $crate::stored::named(&$f)? };
    (@in $f:ident names) => { $crate::stored::parse_all(&$f)? };
    (@in $f:ident opt_name) => { $f.as_deref().map($crate::stored::named).transpose()? };
    (@in $f:ident yes_no) => {
        $f.iter().map(|(k, yes)| Ok(($crate::stored::named(k)?, *yes))).collect::<$crate::Result<_>>()?
    };
    (@in $f:ident pain) => { $crate::stored::pain($f)? };
    (@in $f:ident one) => { $f.try_into()? };
    (@in $f:ident each) => { $f.into_iter().map(TryInto::try_into).collect::<$crate::Result<_>>()? };
    (@in $f:ident opt_one) => { $f.map(TryInto::try_into).transpose()? };
    (@in $f:ident derived) => { { let () = $f; Default::default() } };
}

mod archive;
mod change;
mod imports;
mod motion;
mod programme;
mod questionnaires;
mod screening;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

pub use archive::*;
pub use change::*;
pub use imports::*;
pub use motion::*;
pub use programme::*;
pub use questionnaires::*;
pub use screening::*;

use crate::Result;
use crate::codec::corrupt;
use coach::Pain;
use coach::names::Named;

/// The value stored under its one name.
fn named<T: Named + std::str::FromStr>(text: &str) -> Result<T> {
    text.parse().map_err(|_| corrupt(format!("{} '{text}'", T::WHAT)))
}

fn names<T: Named>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.as_str().to_string()).collect()
}

fn parse_all<T: Named + std::str::FromStr>(texts: &[String]) -> Result<Vec<T>> {
    texts.iter().map(|t| named(t)).collect()
}

fn pain(v: u8) -> Result<Pain> {
    Pain::new(i64::from(v)).map_err(corrupt)
}
