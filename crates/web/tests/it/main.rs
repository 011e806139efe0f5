//! HTTP tests of every route, in process (tower `oneshot`), on a fresh SQLite
//! database per test.

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod api;
mod clinic;
mod fixed_clock;
mod hardening;
mod languages;
mod matrix;
mod motion;
mod operations;
mod postgres;
mod routes;
mod safety;
mod seams;
mod support;
mod two_factor;
