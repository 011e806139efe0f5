//! Evenly spaced IMU samples, and what a reader says when a file is wrong.

use std::fmt;

/// A recording on a fixed sample clock: accelerometer in m/s² (gravity
/// included) and, where the sensor has one, gyroscope in rad/s, one triple
/// per sample, in the sensor's own axes.
#[derive(Clone, Debug, PartialEq)]
pub struct Recording {
    pub rate_hz: f64,
    pub acc: Vec<[f64; 3]>,
    pub gyr: Vec<[f64; 3]>,
    /// The sample clock's count at the first sample (a file's packet
    /// counter may start anywhere): sample `i` is count `start + i`.
    pub start: u64,
    /// Samples the file did not hold (lost packets), filled in by
    /// interpolation between their neighbours.
    pub filled: usize,
}

impl Recording {
    pub fn len(&self) -> usize {
        self.acc.len()
    }

    pub fn is_empty(&self) -> bool {
        self.acc.is_empty()
    }

    /// The acceleration's magnitude, sample by sample.
    pub fn acc_magnitude(&self) -> Vec<f64> {
        self.acc.iter().map(|[x, y, z]| (x * x + y * y + z * z).sqrt()).collect()
    }
}

/// What is wrong with a file, and where: `line` and `column` count from 1
/// (`column` 0 when the whole line is at fault).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub line: usize,
    pub column: usize,
    pub what: String,
}

impl ReadError {
    pub fn at(line: usize, column: usize, what: impl Into<String>) -> Self {
        ReadError { line, column, what: what.into() }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            0 => write!(f, "line {}: {}", self.line, self.what),
            c => write!(f, "line {}, column {c}: {}", self.line, self.what),
        }
    }
}

impl std::error::Error for ReadError {}
