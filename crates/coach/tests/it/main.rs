//! One integration-test binary for the coach (rust-analyzer style).

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod adaptation;
mod evidence;
mod fixtures;
mod flags;
mod programmes;
mod questionnaire;
mod safety;
mod screening;
