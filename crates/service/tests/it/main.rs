//! The use cases on an in-memory SQLite store, written as scripts: a fixture
//! of steps (set up, log, check in, override, ask for today) and the
//! transcript the service answers, compared with `expect!` (run with
//! `UPDATE_EXPECT=1` to accept a changed transcript, then read the diff).

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod check;
mod scripts;
