//! Which way a bout was walked, forward or backward, with how sure.
//!
//! Both ways of deciding read the acceleration's magnitude, which does not
//! depend on how the phone sits, and both turn round when time does: a heel
//! strike jolts the trunk with a quick rise and a slower fall, and walking
//! played backwards rises slowly and falls quickly.
//!
//! - **Uncalibrated** (`DirectionModel::Sign`): the sign of the magnitude's
//!   time asymmetry (`time_asymmetry`), the sign forward walking gives on the
//!   shared lower-back recordings. It is right for most people and wrong
//!   for some (two of the 15 shared subjects read the other way round).
//! - **Calibrated** (`DirectionModel::Shape`): the mean shape of one step of
//!   the walker's own known-forward walking (a guided session's warm-up),
//!   read in a wider band that keeps the jolt's shape. Each step of a bout
//!   is compared with that shape and with the shape played backwards; the
//!   nearer wins. On the shared recordings this is right for 61 of the 62
//!   walks after each subject's first (98.4 % with their reversals),
//!   against 93.5 % for a calibrated sign (see ARCHITECTURE.md).
//!
//! See ARCHITECTURE.md for why a forward walk played backwards stands in for
//! backward walking in these tests, and where it does not.

use crate::filter::{band_pass, filtfilt};

/// Forward or backward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Forward => "forward",
            Direction::Backward => "backward",
        }
    }
}

/// The sign of the time-asymmetry statistic forward walking gives on the
/// shared lower-back recordings.
pub const FORWARD_SIGN: f64 = 1.0;

/// The lag of the time-asymmetry statistic. On the shared recordings 10–50
/// ms all call 87 % of bouts right, 0.1 s 84 %, 0.2 s 82 %; a quarter
/// step (0.27 s) none better than chance.
pub const ASYMMETRY_LAG_S: f64 = 0.03;

/// The band a step's shape is read in. The steps' own band (0.5–3 Hz)
/// smooths the jolt into a near-symmetric hump; up to 5–20 Hz keeps its
/// quick rise and slow fall (in an exploratory run with scipy's filters
/// and peak finder, every top from 5 to 20 Hz and every window from 0.2 to
/// 0.4 s called 58 or 59 of the 62 calibrated shared walks right, so this
/// is not a knife-edge choice; this code calls 61 right).
pub const SHAPE_BAND_HZ: (f64, f64) = (0.5, 12.0);

/// A step's shape is read from this long before its peak to this long after.
pub const SHAPE_HALF_S: f64 = 0.3;

/// How a bout's direction is decided.
#[derive(Clone, Debug, PartialEq)]
pub enum DirectionModel {
    /// The sign of the time asymmetry that forward walking gives.
    Sign(f64),
    /// One step of the walker's known-forward walking: its mean shape
    /// (`SHAPE_BAND_HZ`, `SHAPE_HALF_S` either side of the peak), centred
    /// and of unit length, at the recording's rate.
    Shape(Vec<f64>),
}

impl Default for DirectionModel {
    fn default() -> Self {
        DirectionModel::Sign(FORWARD_SIGN)
    }
}

impl DirectionModel {
    /// The sign a known-forward stretch of band-passed magnitude gives.
    pub fn calibrated_sign(forward: &[f64], rate_hz: f64) -> DirectionModel {
        let (t, _) = time_asymmetry(forward, rate_hz);
        DirectionModel::Sign(if t < 0.0 { -1.0 } else { 1.0 })
    }

    /// The shape of a step of known-forward walking: `bouts` are the steps
    /// (sample indices into `magnitude`) of each forward bout. None when no
    /// step has a whole window around it.
    pub fn from_forward(magnitude: &[f64], rate_hz: f64, bouts: &[&[usize]]) -> Option<DirectionModel> {
        let windows: Vec<Vec<f64>> = bouts.iter().flat_map(|steps| step_windows(magnitude, rate_hz, steps)).collect();
        let first = windows.first()?;
        let mut mean = vec![0.0; first.len()];
        for w in &windows {
            // Each step counts the same, however hard its jolt.
            let norm = w.iter().map(|v| v * v).sum::<f64>().sqrt().max(1e-12);
            mean.iter_mut().zip(w).for_each(|(m, v)| *m += v / norm);
        }
        unit(&mut mean).then_some(DirectionModel::Shape(mean))
    }

    /// Decides one bout: `magnitude` is the recording's magnitude and
    /// `band_passed` the same in the steps' band, `steps` the bout's steps
    /// in them. Returns the direction and the chance it is right (0.5, a
    /// coin toss, to 1).
    pub fn decide(&self, magnitude: &[f64], band_passed: &[f64], rate_hz: f64, steps: &[usize]) -> (Direction, f64) {
        let (score, se) = match self {
            DirectionModel::Sign(sign) => {
                // The bout from a window before its first step to a window
                // after its last: the first and last jolts whole.
                let half = (SHAPE_HALF_S * rate_hz).round() as usize;
                let (Some(&first), Some(&last)) = (steps.first(), steps.last()) else {
                    return (Direction::Forward, 0.5);
                };
                let to = (last + half).min(band_passed.len().saturating_sub(1));
                let bout = band_passed.get(first.saturating_sub(half)..=to).unwrap_or_default();
                let (t, se) = time_asymmetry(bout, rate_hz);
                (t * sign, se)
            }
            DirectionModel::Shape(shape) => {
                let windows = step_windows(magnitude, rate_hz, steps);
                if windows.is_empty() || windows[0].len() != shape.len() {
                    // Too short for a whole step, or another rate: the
                    // sign of the walker's own forward step, not everyone's.
                    let (own, _) = time_asymmetry(shape, rate_hz);
                    let sign = if own < 0.0 { -1.0 } else { 1.0 };
                    return DirectionModel::Sign(sign).decide(magnitude, band_passed, rate_hz, steps);
                }
                // Nearer the forward shape than the same shape reversed.
                let versus: Vec<f64> = shape.iter().zip(shape.iter().rev()).map(|(f, b)| f - b).collect();
                let scores: Vec<f64> =
                    windows.iter().map(|w| w.iter().zip(&versus).map(|(a, b)| a * b).sum()).collect();
                (mean(&scores), standard_error(&scores))
            }
        };
        let direction = if score >= 0.0 { Direction::Forward } else { Direction::Backward };
        (direction, confidence(score, se))
    }
}

/// The window around each step (`SHAPE_HALF_S` either side), of the
/// magnitude in `SHAPE_BAND_HZ` (its top kept under the rate's limit), each
/// centred. The band is filtered over the steps and a window either side
/// only. Steps too near the recording's ends have no window.
pub fn step_windows(magnitude: &[f64], rate_hz: f64, steps: &[usize]) -> Vec<Vec<f64>> {
    let half = (SHAPE_HALF_S * rate_hz).round() as usize;
    let (Some(&first), Some(&last)) = (steps.iter().min(), steps.iter().max()) else { return Vec::new() };
    let hi = SHAPE_BAND_HZ.1.min(0.45 * rate_hz);
    if half == 0 || hi <= SHAPE_BAND_HZ.0 || last >= magnitude.len() {
        return Vec::new();
    }
    let (from, to) = (first.saturating_sub(2 * half), (last + 2 * half).min(magnitude.len() - 1));
    let part = &magnitude[from..=to];
    let m = mean(part);
    let centred: Vec<f64> = part.iter().map(|v| v - m).collect();
    let z = filtfilt(&band_pass(SHAPE_BAND_HZ.0, hi, rate_hz), &centred, (3.0 * rate_hz) as usize);
    steps
        .iter()
        .filter(|s| **s >= from + half && **s + half <= to)
        .map(|s| {
            let w = &z[s - from - half..=s - from + half];
            let m = mean(w);
            w.iter().map(|v| v - m).collect()
        })
        .collect()
}

/// Centres `v` and scales it to unit length; false when it is flat.
fn unit(v: &mut [f64]) -> bool {
    let m = mean(v);
    v.iter_mut().for_each(|x| *x -= m);
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm <= 1e-12 || !norm.is_finite() {
        return false;
    }
    v.iter_mut().for_each(|x| *x /= norm);
    true
}

/// Time asymmetry of the band-passed magnitude: the mean cube of its
/// change over `ASYMMETRY_LAG_S`, scaled by the spread of that change.
/// Reversing time negates every change and so the statistic; the magnitude
/// ignores the phone's orientation. Returns the statistic and its standard
/// error from one-second blocks.
pub fn time_asymmetry(y: &[f64], rate: f64) -> (f64, f64) {
    let lag = (ASYMMETRY_LAG_S * rate).round().max(1.0) as usize;
    if y.len() <= lag + 1 {
        return (0.0, f64::INFINITY);
    }
    let d: Vec<f64> = y.windows(lag + 1).map(|w| w[lag] - w[0]).collect();
    let scale = (d.iter().map(|v| v * v).sum::<f64>() / d.len() as f64).sqrt().max(1e-12);
    let cubes: Vec<f64> = d.iter().map(|v| (v / scale).powi(3)).collect();
    let block = rate.round().max(1.0) as usize;
    let blocks: Vec<f64> = cubes.chunks(block).filter(|c| c.len() == block).map(mean).collect();
    (mean(&cubes), standard_error(&blocks))
}

/// From a statistic and its standard error, the chance its sign is right
/// (a normal approximation), 0.5 to 1.
fn confidence(t: f64, se: f64) -> f64 {
    if se == 0.0 && t != 0.0 {
        return 1.0; // every block (or step) agrees exactly
    }
    if !se.is_finite() || se <= 0.0 {
        return 0.5;
    }
    normal_cdf(t.abs() / se)
}

fn normal_cdf(z: f64) -> f64 {
    // Abramowitz and Stegun 26.2.17; error under 7.5e-8.
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let poly =
        t * (0.319_381_530 + t * (-0.356_563_782 + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if z >= 0.0 { 1.0 - tail } else { tail }
}

/// The standard error of the mean of `v`; infinite with fewer than two.
fn standard_error(v: &[f64]) -> f64 {
    if v.len() > 1 { sd(v) / (v.len() as f64).sqrt() } else { f64::INFINITY }
}

pub(crate) fn mean(v: &[f64]) -> f64 {
    if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 }
}

pub(crate) fn sd(v: &[f64]) -> f64 {
    let m = mean(v);
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len().max(2) - 1) as f64).sqrt()
}
