//! One integration-test binary for the coach (rust-analyzer style).

mod adaptation;
mod evidence;
mod fixtures;
mod programmes;
mod screening;
