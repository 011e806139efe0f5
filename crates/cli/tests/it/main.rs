//! The `retrowalk` CLI, tested through the binary as a user runs it.

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod concurrent;
mod errors;
mod import;
mod motion;
mod operators;
mod outcomes;
mod postgres;
mod report;
mod safety;
mod servers;
mod support;
mod walkthrough;
