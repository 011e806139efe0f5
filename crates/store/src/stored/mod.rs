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

mod archive;
mod imports;
mod programme;
mod questionnaires;
mod screening;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

pub use archive::*;
pub use imports::*;
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
