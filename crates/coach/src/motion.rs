//! A motion recording of a session as the coach keeps it: the analysis of
//! the phone's (or a sensor file's) samples, bout by bout, reduced to what a
//! walker and their clinician read — steps, cadence, minutes walked backward
//! and forward, and how even the steps were. The samples themselves are not
//! kept. The analysis is the `gait` crate's; this is its record.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Motion {
    /// The logged session the recording belongs to.
    pub session: Date,
    /// Where it came from: `phone` (recorded during the guided session) or
    /// the name of the uploaded file.
    pub source: String,
    pub duration_s: f64,
    pub bouts: Vec<MotionBout>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MotionBout {
    pub start_s: f64,
    pub end_s: f64,
    pub backward: bool,
    /// How sure the direction is, 0.5 to 1.
    pub confidence: f64,
    pub steps: u32,
    /// Steps a minute.
    pub cadence: f64,
    /// Step-time coefficient of variation, percent.
    pub step_time_cv: f64,
    /// Alternate steps' difference, percent of the mean step time.
    pub asymmetry: f64,
}

impl Motion {
    pub fn steps(&self) -> u32 {
        self.bouts.iter().map(|b| b.steps).sum()
    }

    /// Minutes of walking in one direction.
    pub fn minutes(&self, backward: bool) -> f64 {
        // An empty sum of floats is -0.0: adding 0.0 makes it the 0 a walker reads.
        self.bouts.iter().filter(|b| b.backward == backward).map(|b| (b.end_s - b.start_s) / 60.0).sum::<f64>() + 0.0
    }

    /// Cadence and step-time variability over all bouts, each bout weighted
    /// by its steps; `None` without walking.
    pub fn cadence(&self) -> Option<f64> {
        self.weighted(|b| b.cadence)
    }

    pub fn step_time_cv(&self) -> Option<f64> {
        self.weighted(|b| b.step_time_cv)
    }

    fn weighted(&self, value: impl Fn(&MotionBout) -> f64) -> Option<f64> {
        let steps = self.steps();
        (steps > 0).then(|| self.bouts.iter().map(|b| value(b) * f64::from(b.steps)).sum::<f64>() / f64::from(steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bout(backward: bool, steps: u32, cadence: f64, seconds: f64) -> MotionBout {
        let c = f64::from(u8::from(backward));
        MotionBout {
            start_s: 0.0,
            end_s: seconds,
            backward,
            confidence: 0.9,
            steps,
            cadence,
            step_time_cv: 4.0 + c,
            asymmetry: 2.0,
        }
    }

    #[test]
    fn totals_weigh_each_bout_by_its_steps() {
        let m = Motion {
            session: jiff::civil::date(2026, 12, 7),
            source: "phone".into(),
            duration_s: 400.0,
            bouts: vec![bout(true, 300, 90.0, 200.0), bout(false, 100, 110.0, 60.0)],
        };
        assert_eq!(m.steps(), 400);
        assert_eq!((m.minutes(true), m.minutes(false)), (200.0 / 60.0, 1.0));
        assert_eq!(m.cadence(), Some(95.0));
        assert_eq!(m.step_time_cv(), Some(4.75));
        let none = Motion { bouts: Vec::new(), ..m };
        assert_eq!(none.cadence(), None);
        assert!(none.minutes(false).is_sign_positive(), "never \"-0.0 min\"");
    }
}
