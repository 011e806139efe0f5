//! The `retrowalk` CLI, tested through the binary as a user runs it.

mod errors;
mod support;
mod walkthrough;
