//! Filters for gait signals: Butterworth sections (the bilinear transform of
//! the audio cookbook's biquads) run forward and then backward, so the
//! result keeps the timing of every peak (no phase shift), as
//! `scipy.signal.sosfiltfilt` does.

use std::f64::consts::PI;

/// One second-order section: `b0 b1 b2 / 1 a1 a2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Biquad {
    b: [f64; 3],
    a: [f64; 2],
}

/// The Q of each section of a 4th-order Butterworth filter.
const BUTTERWORTH_4: [f64; 2] = [0.541_196_100_146_197, 1.306_562_964_876_376_8];

impl Biquad {
    fn new(b: [f64; 3], a0: f64, a: [f64; 2]) -> Biquad {
        Biquad { b: b.map(|v| v / a0), a: a.map(|v| v / a0) }
    }

    pub fn low_pass(cutoff_hz: f64, rate_hz: f64, q: f64) -> Biquad {
        let (cos, alpha) = shape(cutoff_hz, rate_hz, q);
        Biquad::new([(1.0 - cos) / 2.0, 1.0 - cos, (1.0 - cos) / 2.0], 1.0 + alpha, [-2.0 * cos, 1.0 - alpha])
    }

    pub fn high_pass(cutoff_hz: f64, rate_hz: f64, q: f64) -> Biquad {
        let (cos, alpha) = shape(cutoff_hz, rate_hz, q);
        Biquad::new([(1.0 + cos) / 2.0, -(1.0 + cos), (1.0 + cos) / 2.0], 1.0 + alpha, [-2.0 * cos, 1.0 - alpha])
    }

    /// Filters `x` in place (transposed direct form II, from rest).
    fn run(&self, x: &mut [f64]) {
        let (mut z1, mut z2) = (0.0, 0.0);
        for v in x.iter_mut() {
            let y = self.b[0] * *v + z1;
            z1 = self.b[1] * *v - self.a[0] * y + z2;
            z2 = self.b[2] * *v - self.a[1] * y;
            *v = y;
        }
    }
}

fn shape(cutoff_hz: f64, rate_hz: f64, q: f64) -> (f64, f64) {
    let w = 2.0 * PI * cutoff_hz / rate_hz;
    (w.cos(), w.sin() / (2.0 * q))
}

/// A 4th-order Butterworth high-pass and low-pass in cascade: a band-pass of
/// 8 poles, close to (not the same design as) `scipy.signal.butter(4, [lo,
/// hi], "band")`.
pub fn band_pass(lo_hz: f64, hi_hz: f64, rate_hz: f64) -> Vec<Biquad> {
    let high = BUTTERWORTH_4.map(|q| Biquad::high_pass(lo_hz, rate_hz, q));
    let low = BUTTERWORTH_4.map(|q| Biquad::low_pass(hi_hz, rate_hz, q));
    high.into_iter().chain(low).collect()
}

/// `x` through `sections` forward and backward. The ends are first extended
/// by their odd reflection (`pad` samples, at most the signal's length less
/// one), so the filter's start-up fades out before the signal begins.
pub fn filtfilt(sections: &[Biquad], x: &[f64], pad: usize) -> Vec<f64> {
    let n = x.len();
    if n < 2 {
        return x.to_vec();
    }
    let pad = pad.min(n - 1);
    let (first, last) = (x[0], x[n - 1]);
    let mut y = Vec::with_capacity(n + 2 * pad);
    y.extend((1..=pad).rev().map(|i| 2.0 * first - x[i]));
    y.extend_from_slice(x);
    y.extend((1..=pad).map(|i| 2.0 * last - x[n - 1 - i]));
    for s in sections {
        s.run(&mut y);
    }
    y.reverse();
    for s in sections {
        s.run(&mut y);
    }
    y.reverse();
    y[pad..pad + n].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The amplitude a sine of `hz` keeps through the band-pass.
    fn gain(hz: f64) -> f64 {
        let rate = 100.0;
        let x: Vec<f64> = (0..4000).map(|i| (2.0 * PI * hz * i as f64 / rate).sin()).collect();
        let y = filtfilt(&band_pass(0.5, 3.0, rate), &x, 300);
        y[1000..3000].iter().fold(0.0f64, |m, v| m.max(v.abs()))
    }

    #[test]
    fn walking_passes_and_drift_and_jolts_do_not() {
        // Forward and backward: the gain is squared (-6 dB at the corners).
        assert!((gain(1.8) - 1.0).abs() < 0.02, "{}", gain(1.8));
        assert!((gain(0.5) - 0.5).abs() < 0.03, "{}", gain(0.5));
        assert!((gain(3.0) - 0.5).abs() < 0.03, "{}", gain(3.0));
        assert!(gain(0.05) < 0.01 && gain(20.0) < 0.01, "{} {}", gain(0.05), gain(20.0));
    }

    #[test]
    fn peaks_keep_their_time() {
        let x: Vec<f64> = (0..1000).map(|i| (-((i as f64 - 500.0) / 12.0).powi(2)).exp()).collect();
        let y = filtfilt(&band_pass(0.5, 3.0, 100.0), &x, 300);
        let top = y.iter().enumerate().fold((0, f64::MIN), |m, (i, v)| if *v > m.1 { (i, *v) } else { m }).0;
        assert_eq!(top, 500);
        assert_eq!(filtfilt(&band_pass(0.5, 3.0, 100.0), &[1.0], 10), [1.0]);
    }
}
