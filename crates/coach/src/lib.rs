//! The retrowalk coach: screening, programme generation, adaptation and progress.
//!
//! This crate is pure. It knows nothing of files, databases, HTTP or clocks: every
//! function takes values (answers, a set-up, a history, "today") and returns values.
//! That keeps every safety rule testable in milliseconds and the same in the CLI,
//! the web app and the API.

pub mod adaptation;
pub mod dates;
pub mod dose;
pub mod error;
pub mod evidence;
pub mod exercises;
pub mod flags;
pub mod history;
pub mod imports;
pub mod motion;
#[macro_use]
pub mod names;
pub mod outcomes;
pub mod pain;
pub mod pause;
pub mod programme;
pub mod progress;
pub mod projection;
pub mod questionnaire;
pub mod schedule;
pub mod screening;
pub mod setup;
pub mod text;
pub mod today;
pub mod why;

pub use error::{Code, InputError};
pub use pain::Pain;
