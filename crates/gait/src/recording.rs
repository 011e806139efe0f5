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
    /// Where the recording stopped for longer than a reader fills (a phone
    /// whose screen locked): each stop is kept as a short still stretch on
    /// the clock, and the time cut out of it is kept here, so times after
    /// it are the recording's own.
    pub pauses: Vec<Pause>,
}

/// A stop in a recording, shortened on the sample clock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pause {
    /// The first sample after the stop.
    pub at: usize,
    /// The seconds cut out of the stop.
    pub removed_s: f64,
}

impl Recording {
    pub fn len(&self) -> usize {
        self.acc.len()
    }

    pub fn is_empty(&self) -> bool {
        self.acc.is_empty()
    }

    /// The time of sample `i` in seconds from the recording's start, with
    /// the time cut out of any pause before it.
    pub fn seconds(&self, i: usize) -> f64 {
        let removed: f64 = self.pauses.iter().filter(|p| p.at <= i).map(|p| p.removed_s).sum();
        i as f64 / self.rate_hz + removed
    }

    /// The recording's length in seconds, pauses included.
    pub fn duration_s(&self) -> f64 {
        self.len() as f64 / self.rate_hz + self.pauses.iter().map(|p| p.removed_s).sum::<f64>()
    }

    /// The acceleration's magnitude, sample by sample.
    pub fn acc_magnitude(&self) -> Vec<f64> {
        self.acc_magnitude_before(self.len())
    }

    /// The acceleration's magnitude of the samples before `end`.
    pub fn acc_magnitude_before(&self, end: usize) -> Vec<f64> {
        self.acc[..end.min(self.len())].iter().map(|[x, y, z]| (x * x + y * y + z * z).sqrt()).collect()
    }
}

/// What is wrong with a file, and where: `line` and `column` count from 1
/// (`column` 0 when the whole line is at fault).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub line: usize,
    pub column: usize,
    pub what: String,
    /// The file is fine but for its rate, which the caller can state: a
    /// clock that counts samples and does not say how many a second.
    pub needs_rate: bool,
}

impl ReadError {
    pub fn at(line: usize, column: usize, what: impl Into<String>) -> Self {
        ReadError { line, column, what: what.into(), needs_rate: false }
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
