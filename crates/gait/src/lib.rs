//! Motion from a body-worn IMU (a phone in a pocket or on a belt, a research
//! sensor on the lower back): readers that turn a recording's bytes into
//! evenly spaced samples, and the analysis that finds steps in them.
//!
//! Pure: bytes and samples in, values out; no files, no clocks. Every reader
//! refuses bad input with the line and column at fault, and never panics
//! (a fuzz target per reader is the aim; the unit tests feed each one
//! truncated, empty and nonsense input).
//!
//! `read` takes any layout we know (IPOL text, or a CSV of the kinds in
//! `csv`); `analysis::analyse` finds the walking in a recording and
//! describes each bout.

pub mod analysis;
pub mod csv;
pub mod direction;
pub mod filter;
pub mod ipol;
pub mod orientation;
pub mod recording;
pub mod steps;
pub mod synthetic;

pub use recording::{Pause, ReadError, Recording};

/// The layout a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Ipol,
    Csv,
}

/// Reads a recording in any layout we know: the IPOL text (its first line
/// names the acquisition frequency), else a CSV with a header (`csv`).
pub fn read(bytes: &[u8], stated: &csv::Stated) -> Result<(Recording, Layout), ReadError> {
    if bytes.starts_with(b"Acquisition frequency") {
        Ok((ipol::read(bytes)?, Layout::Ipol))
    } else {
        Ok((csv::read(bytes, stated)?.recording, Layout::Csv))
    }
}
