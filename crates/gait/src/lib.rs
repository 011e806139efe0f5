//! Motion from a body-worn IMU (a phone in a pocket or on a belt, a research
//! sensor on the lower back): readers that turn a recording's bytes into
//! evenly spaced samples, and the analysis that finds steps in them.
//!
//! Pure: bytes and samples in, values out; no files, no clocks. Every reader
//! refuses bad input with the line and column at fault, and never panics
//! (a fuzz target per reader is the aim; the unit tests feed each one
//! truncated, empty and nonsense input).
//!
//! This is the first slice of the motion capability (issue #15): the IPOL
//! research layout and step counting. Bouts, cadence, variability, direction
//! and the phone apps' layouts come next.

pub mod analysis;
pub mod csv;
pub mod filter;
pub mod ipol;
pub mod recording;
pub mod steps;

pub use recording::{ReadError, Recording};
