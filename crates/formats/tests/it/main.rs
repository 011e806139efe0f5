//! The readers' tests, one binary: `readers` (small files built here, one
//! quirk each, and damaged bytes) and `conformance` (every shared activity
//! file against the values other readers give; `.ci/run` runs it with
//! CI=true).

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod conformance;
mod readers;
