//! Steps (initial contacts) from the lower back's acceleration: each heel
//! strike jolts the trunk once, so a step is a peak of the acceleration's
//! magnitude band-passed to the rhythm of walking (0.5–3 Hz). Peaks closer
//! than `min_gap_s` to a higher one, or standing less than `prominence`
//! above their surroundings, are not steps.

use crate::filter::{band_pass, filtfilt};

/// How long before its jolt's peak a foot touches down: the trunk takes
/// the weight over the first tenth of a second after the heel strikes.
/// On the shared recordings the peak came a median 60 ms after the
/// reference's initial contact, on IPOL's insoles and Mobilise-D's INDIP
/// alike; shifted by this, the app's contact times are a median 20 ms
/// (IPOL) and 40 ms (Mobilise-D) from the reference's, with the shift
/// chosen without the subject's own walks. Measured on forward walking
/// only: a backward step lands toe first, and its lag is not known.
pub const CONTACT_LEAD_S: f64 = 0.06;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepParams {
    pub lo_hz: f64,
    pub hi_hz: f64,
    /// The shortest time between two steps.
    pub min_gap_s: f64,
    /// How far a step's peak stands above the signal around it, in m/s².
    pub prominence: f64,
    /// Count a step whose peak is cut by the start or end of the samples
    /// (a bout cut at a heel strike): the first or last sample, when the
    /// signal falls away from it by `prominence` before anything higher and
    /// no step is within `min_gap_s`.
    pub edges: bool,
}

impl Default for StepParams {
    /// The band and limits of the scipy baseline in shared/data/imu/BASELINES.md.
    fn default() -> Self {
        StepParams { lo_hz: 0.5, hi_hz: 3.0, min_gap_s: 0.3, prominence: 0.5, edges: false }
    }
}

/// The sample index of every step in `magnitude` (m/s², at `rate_hz`).
/// Refused when the band does not fit the rate (its top must be under half
/// the sampling rate, or the filter is unstable).
pub fn steps(magnitude: &[f64], rate_hz: f64, p: &StepParams) -> Result<Vec<usize>, String> {
    let y = band_passed(magnitude, rate_hz, p)?;
    if y.is_empty() {
        return Ok(Vec::new());
    }
    let gap = (p.min_gap_s * rate_hz).ceil().max(1.0) as usize;
    let mut found = peaks(&y, gap, p.prominence);
    if p.edges && y.len() > 1 {
        let last = y.len() - 1;
        let falls = |from: &mut dyn Iterator<Item = &f64>, top: f64| {
            let mut low = top;
            for v in from {
                if *v > top {
                    break;
                }
                low = low.min(*v);
            }
            top - low >= p.prominence
        };
        if y[0] > y[1] && found.first().is_none_or(|f| *f >= gap) && falls(&mut y[1..].iter(), y[0]) {
            found.insert(0, 0);
        }
        if y[last] > y[last - 1]
            && found.last().is_none_or(|f| last - f >= gap)
            && falls(&mut y[..last].iter().rev(), y[last])
        {
            found.push(last);
        }
    }
    Ok(found)
}

/// The magnitude, centred and band-passed to walking's rhythm. Refused when
/// the band does not fit the rate.
pub fn band_passed(magnitude: &[f64], rate_hz: f64, p: &StepParams) -> Result<Vec<f64>, String> {
    if !(p.lo_hz > 0.0 && p.lo_hz < p.hi_hz && p.hi_hz < rate_hz / 2.0) {
        return Err(format!(
            "a {} to {} Hz band does not fit a recording at {rate_hz} Hz (the top must be under {} Hz)",
            p.lo_hz,
            p.hi_hz,
            rate_hz / 2.0
        ));
    }
    if magnitude.is_empty() {
        return Ok(Vec::new());
    }
    let mean = magnitude.iter().sum::<f64>() / magnitude.len() as f64;
    let centred: Vec<f64> = magnitude.iter().map(|v| v - mean).collect();
    Ok(filtfilt(&band_pass(p.lo_hz, p.hi_hz, rate_hz), &centred, (3.0 * rate_hz) as usize))
}

/// Local maxima at least `distance` samples apart (the higher wins; of two
/// equal, the earlier) that stand at least `prominence` above the higher of
/// the lowest points between them and a higher sample on either side: the
/// rules of `scipy.signal.find_peaks(distance=, prominence=)`, but for ties.
pub fn peaks(y: &[f64], distance: usize, prominence: f64) -> Vec<usize> {
    let mut found = local_maxima(y);
    // The higher peak wins within `distance`; ties keep the later one out.
    let mut by_height: Vec<usize> = (0..found.len()).collect();
    by_height.sort_by(|a, b| y[found[*b]].total_cmp(&y[found[*a]]).then(a.cmp(b)));
    let mut keep = vec![true; found.len()];
    for &i in &by_height {
        if !keep[i] {
            continue;
        }
        let at = found[i];
        for (j, other) in found.iter().enumerate().skip(i + 1) {
            if other - at >= distance {
                break;
            }
            keep[j] = false;
        }
        for j in (0..i).rev() {
            if at - found[j] >= distance {
                break;
            }
            keep[j] = false;
        }
    }
    let mut k = keep.iter();
    found.retain(|_| *k.next().unwrap_or(&false));
    // The surroundings a peak is measured against reach ten step gaps each
    // way (scipy's `wlen`): far enough for walking, and a signal of ever
    // higher peaks cannot make the scan quadratic.
    let window = distance.max(1) * 10;
    found.retain(|&at| prominence_of(y, at, window) >= prominence);
    found
}

/// Samples higher than the one before and at least as high as those after
/// up to the first lower one (a flat top counts once, at its middle).
fn local_maxima(y: &[f64]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 1;
    while i + 1 < y.len() {
        if y[i - 1] < y[i] {
            let mut ahead = i + 1;
            while ahead + 1 < y.len() && y[ahead] == y[i] {
                ahead += 1;
            }
            if y[ahead] < y[i] {
                out.push((i + ahead - 1) / 2);
                i = ahead;
            }
        }
        i += 1;
    }
    out
}

fn prominence_of(y: &[f64], at: usize, window: usize) -> f64 {
    let top = y[at];
    let (from, to) = (at.saturating_sub(window), (at + window + 1).min(y.len()));
    let mut left_min = top;
    for v in y[from..at].iter().rev() {
        if *v > top {
            break;
        }
        left_min = left_min.min(*v);
    }
    let mut right_min = top;
    for v in &y[at + 1..to] {
        if *v > top {
            break;
        }
        right_min = right_min.min(*v);
    }
    top - left_min.max(right_min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    #[test]
    fn a_steady_walk_gives_one_step_a_beat() {
        // 20 s at 1.8 steps a second, with sensor noise and gravity.
        let rate = 100.0;
        let x: Vec<f64> = (0..2000)
            .map(|i| {
                let t = i as f64 / rate;
                9.81 + 2.0 * (2.0 * PI * 1.8 * t).sin() + 0.3 * (2.0 * PI * 17.0 * t).sin()
            })
            .collect();
        let found = steps(&x, rate, &StepParams::default()).unwrap();
        assert!((35..=37).contains(&found.len()), "{}", found.len());
        let gaps: Vec<usize> = found.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(gaps.iter().all(|g| (54..=57).contains(g)), "{gaps:?}");
    }

    #[test]
    fn standing_still_is_no_step_and_nothing_panics() {
        assert!(steps(&[9.81; 500], 100.0, &StepParams::default()).unwrap().is_empty());
        assert!(steps(&[], 100.0, &StepParams::default()).unwrap().is_empty());
        assert!(steps(&[1.0], 100.0, &StepParams::default()).unwrap().is_empty());
        let e = steps(&[1.0; 10], 5.0, &StepParams::default()).unwrap_err();
        assert!(e.contains("under 2.5 Hz"), "{e}");
        assert_eq!(peaks(&[0.0, 2.0, 2.0, 2.0, 0.0, 1.0, 0.0], 1, 0.5), [2, 5]);
        assert_eq!(peaks(&[0.0, 2.0, 0.0, 1.0, 0.0], 3, 0.0), [1], "the higher wins within the distance");
        assert_eq!(peaks(&[0.0, 2.0, 1.8, 1.9, 0.0], 1, 0.5), [1], "1.9 stands 0.1 above its dip");
    }
}
