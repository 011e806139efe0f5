//! Where "up" is, sample by sample, in the sensor's own axes: the gravity
//! direction, from the accelerometer alone or aided by the gyroscope.
//!
//! A phone in a trouser pocket sits at any angle and turns a little with
//! every stride; a belt sensor tilts as the walker leans. Knowing gravity's
//! direction gives the vertical acceleration (the same signal however the
//! phone sits) and says how the phone sat and how much it turned.
//!
//! - **Accelerometer only.** Gravity is what stays when walking's
//!   accelerations are averaged out: each axis through a zero-phase
//!   low-pass well below the step frequency (`ACC_ONLY_CUTOFF_HZ`). Slow
//!   tilts are followed; a quick turn of the phone is smeared over a second
//!   or two.
//! - **Gyroscope-aided.** A complementary filter: the estimate is turned by
//!   the gyroscope's rotation from one sample to the next (which follows a
//!   quick turn at once) and pulled gently towards the accelerometer
//!   (`GYRO_AIDED_TIME_CONSTANT_S`), which removes the gyroscope's drift.
//!   It runs forward and backward and averages the two, so neither pass's
//!   start-up or lag shows.

use crate::Recording;
use crate::filter::{Biquad, filtfilt};

/// The accelerometer-only low-pass: walking's steps (1.5–2.5 Hz) and their
/// harmonics are far above it.
pub const ACC_ONLY_CUTOFF_HZ: f64 = 0.25;
/// How slowly the gyroscope-aided estimate trusts the accelerometer.
pub const GYRO_AIDED_TIME_CONSTANT_S: f64 = 1.0;

/// Which estimate a recording got: the gyroscope's aid needs a gyroscope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Accelerometer,
    GyroAided,
}

impl Source {
    /// The estimate a recording allows: the gyroscope's aid needs a
    /// gyroscope sample for every accelerometer sample.
    pub fn for_recording(rec: &Recording) -> Source {
        if !rec.gyr.is_empty() && rec.gyr.len() == rec.acc.len() { Source::GyroAided } else { Source::Accelerometer }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Accelerometer => "accelerometer",
            Source::GyroAided => "gyro_aided",
        }
    }
}

/// Gravity's direction at every sample, as the unit vector pointing up in
/// the sensor's axes (an accelerometer at rest reads +1 g along it).
#[derive(Clone, Debug, PartialEq)]
pub struct Gravity {
    pub source: Source,
    pub up: Vec<[f64; 3]>,
}

impl Gravity {
    /// The best estimate the recording allows (`Source::for_recording`).
    pub fn of(rec: &Recording) -> Gravity {
        let source = Source::for_recording(rec);
        let up = match source {
            Source::GyroAided => gyro_aided(&rec.acc, &rec.gyr, rec.rate_hz),
            Source::Accelerometer => accelerometer_only(&rec.acc, rec.rate_hz),
        };
        Gravity { source, up }
    }

    /// The acceleration along gravity (m/s², gravity included), sample by
    /// sample: the same signal however the phone sits.
    pub fn vertical(&self, acc: &[[f64; 3]]) -> Vec<f64> {
        acc.iter().zip(&self.up).map(|(a, g)| dot(*a, *g)).collect()
    }

    /// Over samples `from..=to`: the mean direction of gravity, and the
    /// largest angle (degrees) any sample's direction made with it, which
    /// says how much the phone turned.
    pub fn summary(&self, from: usize, to: usize) -> Option<([f64; 3], f64)> {
        let part = self.up.get(from..=to.min(self.up.len().saturating_sub(1)))?;
        let sum = part.iter().fold([0.0; 3], |s, g| [s[0] + g[0], s[1] + g[1], s[2] + g[2]]);
        let mean = unit(sum)?;
        // The widest angle is the smallest cosine: one arc cosine, not one a sample.
        let least = part.iter().map(|g| dot(*g, mean)).fold(1.0, f64::min);
        Some((mean, least.clamp(-1.0, 1.0).acos().to_degrees()))
    }
}

/// Each axis low-passed forward and backward, then made a unit vector.
pub fn accelerometer_only(acc: &[[f64; 3]], rate_hz: f64) -> Vec<[f64; 3]> {
    let low = [0.541_196_100_146_197, 1.306_562_964_876_376_8]
        .map(|q| Biquad::low_pass(ACC_ONLY_CUTOFF_HZ.min(rate_hz / 4.0), rate_hz, q));
    // Two seconds of padding let the filter settle before the signal starts.
    let pad = (2.0 * rate_hz) as usize;
    let axes: Vec<Vec<f64>> =
        (0..3).map(|k| filtfilt(&low, &acc.iter().map(|a| a[k]).collect::<Vec<_>>(), pad)).collect();
    (0..acc.len()).map(|i| unit([axes[0][i], axes[1][i], axes[2][i]]).unwrap_or(acc_direction(acc[i]))).collect()
}

/// The complementary filter, forward and backward, averaged.
///
/// The hot loop takes no square root: the accelerometer is scaled by its
/// mean magnitude (about 1 g) instead of being made a unit vector sample by
/// sample, and the estimate, which stays near unit length, is brought back
/// to it by a Newton step every few samples.
pub fn gyro_aided(acc: &[[f64; 3]], gyr: &[[f64; 3]], rate_hz: f64) -> Vec<[f64; 3]> {
    let n = acc.len().min(gyr.len());
    if n == 0 {
        return Vec::new();
    }
    let dt = 1.0 / rate_hz;
    let alpha = GYRO_AIDED_TIME_CONSTANT_S / (GYRO_AIDED_TIME_CONSTANT_S + dt);
    let g_norm = acc[..n].iter().map(|a| dot(*a, *a).sqrt()).sum::<f64>() / n as f64;
    let pull = if g_norm.is_finite() && g_norm > 1e-9 { (1.0 - alpha) / g_norm } else { 0.0 };
    // Each pass starts from the accelerometer's mean over its first second.
    let second = (rate_hz.ceil() as usize).clamp(1, n);
    let start = |ends: std::ops::Range<usize>| unit(acc[ends].iter().fold([0.0; 3], |s, a| add(s, *a)));
    let from_start = start(0..second).unwrap_or([0.0, 0.0, 1.0]);
    let from_end = start(n - second..n).unwrap_or(from_start);
    let step = ComplementaryStep { acc, gyr, alpha, pull, dt };
    let mut forward = vec![[0.0; 3]; n];
    let mut backward = vec![[0.0; 3]; n];
    // Both passes in one loop: each is a chain where every sample waits on
    // the one before, and two independent chains keep the processor busy.
    let (mut f, mut b) = (from_start, from_end);
    for (k, out) in forward.iter_mut().enumerate() {
        let j = n - 1 - k;
        let renormalise = k % 8 == 7;
        f = step.next(f, k, 1.0, renormalise);
        b = step.next(b, j, -1.0, renormalise);
        *out = f;
        backward[j] = b;
    }
    forward.iter().zip(&backward).map(|(f, b)| renormalised(scale(add(*f, *b), 0.5)).unwrap_or(*f)).collect()
}

struct ComplementaryStep<'a> {
    acc: &'a [[f64; 3]],
    gyr: &'a [[f64; 3]],
    alpha: f64,
    pull: f64,
    dt: f64,
}

impl ComplementaryStep<'_> {
    /// The estimate at sample `i` from the one before it in time order
    /// (`sign` 1) or after it (-1). The blend keeps it within a hair of unit
    /// length from one sample to the next; bringing it back every few
    /// samples (`renormalise`) keeps the drift from adding up.
    fn next(&self, g: [f64; 3], i: usize, sign: f64, renormalise: bool) -> [f64; 3] {
        // A fixed direction seen from a rotating sensor turns the other
        // way: dg/dt = -ω × g (and +ω × g with time reversed).
        let turned = add(g, scale(cross(self.gyr[i], g), -sign * self.dt));
        let blended = add(scale(turned, self.alpha), scale(self.acc[i], self.pull));
        if renormalise {
            // Never carry a broken estimate on: start again from the accelerometer.
            renormalised(blended).or_else(|| unit(self.acc[i])).unwrap_or([0.0, 0.0, 1.0])
        } else {
            blended
        }
    }
}

/// A vector near unit length brought to it: one Newton step of 1/√x, whose
/// error is 3/8 of the squared-length's deviation squared (under 0.1 % in
/// the range taken; the filter's steps stay far inside it); anything
/// further off, or not finite, takes the full square root.
fn renormalised(a: [f64; 3]) -> Option<[f64; 3]> {
    let n2 = dot(a, a);
    if (0.95..1.05).contains(&n2) { Some(scale(a, 1.5 - 0.5 * n2)) } else { unit(a) }
}

/// The sensor axis closest to `up` ("+y", "-z", …) and its angle from
/// straight up in degrees: how the phone sat, in words a person can check
/// against the phone in their hand.
pub fn nearest_axis(up: [f64; 3]) -> (&'static str, f64) {
    const AXES: [(&str, [f64; 3]); 6] = [
        ("+x", [1.0, 0.0, 0.0]),
        ("-x", [-1.0, 0.0, 0.0]),
        ("+y", [0.0, 1.0, 0.0]),
        ("-y", [0.0, -1.0, 0.0]),
        ("+z", [0.0, 0.0, 1.0]),
        ("-z", [0.0, 0.0, -1.0]),
    ];
    AXES.iter()
        .map(|(name, axis)| (*name, angle_deg(up, *axis)))
        .fold(("+z", f64::INFINITY), |best, this| if this.1 < best.1 { this } else { best })
}

/// The angle between two unit vectors, in degrees.
pub fn angle_deg(a: [f64; 3], b: [f64; 3]) -> f64 {
    dot(a, b).clamp(-1.0, 1.0).acos().to_degrees()
}

fn acc_direction(a: [f64; 3]) -> [f64; 3] {
    unit(a).unwrap_or([0.0, 0.0, 1.0])
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn add(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

fn scale(a: [f64; 3], k: f64) -> [f64; 3] {
    a.map(|v| v * k)
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

fn unit(a: [f64; 3]) -> Option<[f64; 3]> {
    let n = dot(a, a).sqrt();
    (n.is_finite() && n > 1e-9).then(|| scale(a, 1.0 / n))
}

#[cfg(test)]
#[path = "orientation_tests.rs"]
mod tests;
