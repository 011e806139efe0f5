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
    /// The direction was read against the walker's own forward steps (the
    /// guided session's warm-up), not the way most people's steps run.
    #[serde(default)]
    pub own_direction: bool,
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
    /// The bout fell in a part of the guided session prescribed as backward
    /// walking (the phone's own recording says where those parts are; a
    /// file from elsewhere does not, and none of its bouts is).
    #[serde(default)]
    pub in_backward_part: bool,
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

    /// Minutes that looked like walking forward in the parts of the session
    /// prescribed as backward walking: for the walker's information (a turn,
    /// a few steps to the treadmill, or the estimate wrong), never a failure.
    pub fn forward_in_backward_parts(&self) -> f64 {
        self.bouts
            .iter()
            .filter(|b| !b.backward && b.in_backward_part)
            .map(|b| (b.end_s - b.start_s) / 60.0)
            .sum::<f64>()
            + 0.0
    }

    /// Cadence and step-time variability over all bouts, each bout weighted
    /// by its steps; `None` without walking.
    pub fn cadence(&self) -> Option<f64> {
        self.weighted(|b| b.cadence)
    }

    pub fn step_time_cv(&self) -> Option<f64> {
        self.weighted(|b| b.step_time_cv)
    }

    /// How far one side's step times differ from the other's, percent of
    /// the step time (the symmetry of capability 13), weighted by steps.
    pub fn asymmetry(&self) -> Option<f64> {
        self.weighted(|b| b.asymmetry)
    }

    fn weighted(&self, value: impl Fn(&MotionBout) -> f64) -> Option<f64> {
        let steps = self.steps();
        (steps > 0).then(|| self.bouts.iter().map(|b| value(b) * f64::from(b.steps)).sum::<f64>() / f64::from(steps))
    }
}

/// One programme week of motion recordings, each direction on its own:
/// backward and forward walking differ in cadence and evenness, so a mix
/// of the two would hide a change in either.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MotionWeek {
    pub week: u32,
    /// Sessions with a recording that week.
    pub recordings: u32,
    pub backward: Option<GaitSummary>,
    pub forward: Option<GaitSummary>,
}

/// Walking in one direction over a week: bouts weighted by their steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GaitSummary {
    pub steps: u32,
    pub minutes: f64,
    /// Steps a minute.
    pub cadence: f64,
    /// Step-time coefficient of variation, percent.
    pub step_time_cv: f64,
    /// One side's step times against the other's, percent of the step time.
    pub asymmetry: f64,
}

/// The recordings week by week, oldest first; `week_of` gives a session's
/// programme week, or `None` for a session outside the programme (a
/// recording of an earlier programme). Weeks without a recording are left
/// out: the table says what was measured, not what was not.
pub fn weekly<'a>(
    motions: impl IntoIterator<Item = &'a Motion>,
    week_of: impl Fn(Date) -> Option<u32>,
) -> Vec<MotionWeek> {
    let mut by_week: std::collections::BTreeMap<u32, Vec<&Motion>> = std::collections::BTreeMap::new();
    for m in motions {
        if let Some(w) = week_of(m.session) {
            by_week.entry(w).or_default().push(m);
        }
    }
    by_week
        .into_iter()
        .map(|(week, ms)| {
            let bouts = |backward: bool| ms.iter().flat_map(|m| m.bouts.iter()).filter(move |b| b.backward == backward);
            MotionWeek {
                week,
                recordings: ms.iter().map(|m| m.session).collect::<std::collections::BTreeSet<_>>().len() as u32,
                backward: summary(bouts(true)),
                forward: summary(bouts(false)),
            }
        })
        .collect()
}

fn summary<'a>(bouts: impl Iterator<Item = &'a MotionBout> + Clone) -> Option<GaitSummary> {
    let steps: u32 = bouts.clone().map(|b| b.steps).sum();
    let weighted = |value: fn(&MotionBout) -> f64| {
        bouts.clone().map(|b| value(b) * f64::from(b.steps)).sum::<f64>() / f64::from(steps)
    };
    (steps > 0).then(|| GaitSummary {
        steps,
        minutes: bouts.clone().map(|b| (b.end_s - b.start_s) / 60.0).sum(),
        cadence: weighted(|b| b.cadence),
        step_time_cv: weighted(|b| b.step_time_cv),
        asymmetry: weighted(|b| b.asymmetry),
    })
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
            in_backward_part: false,
        }
    }

    #[test]
    fn totals_weigh_each_bout_by_its_steps() {
        let m = Motion {
            session: jiff::civil::date(2026, 12, 7),
            source: "phone".into(),
            duration_s: 400.0,
            bouts: vec![bout(true, 300, 90.0, 200.0), bout(false, 100, 110.0, 60.0)],
            own_direction: false,
        };
        assert_eq!(m.steps(), 400);
        assert_eq!((m.minutes(true), m.minutes(false)), (200.0 / 60.0, 1.0));
        assert_eq!(m.cadence(), Some(95.0));
        assert_eq!(m.step_time_cv(), Some(4.75));
        let none = Motion { bouts: Vec::new(), ..m };
        assert_eq!(none.cadence(), None);
        assert!(none.minutes(false).is_sign_positive(), "never \"-0.0 min\"");
    }

    #[test]
    fn weeks_keep_each_direction_apart_and_skip_other_programmes() {
        let day = |d| jiff::civil::date(2026, 12, d);
        let rec = |d, bouts| Motion {
            session: day(d),
            source: "phone".into(),
            duration_s: 600.0,
            bouts,
            own_direction: true,
        };
        let motions = vec![
            rec(1, vec![bout(true, 100, 80.0, 60.0)]),
            rec(2, vec![bout(true, 300, 100.0, 180.0), bout(false, 50, 110.0, 30.0)]),
            rec(2, vec![bout(true, 0, 0.0, 0.0)]),
            rec(9, vec![bout(false, 40, 105.0, 30.0)]),
            rec(20, vec![bout(true, 10, 90.0, 10.0)]),
        ];
        // Week 1 is 1–7 December, week 2 from the 8th; the 20th is another programme's.
        let weeks = weekly(&motions, |d| (d < day(15)).then(|| if d < day(8) { 1 } else { 2 }));
        assert_eq!(weeks.len(), 2);
        let w1 = &weeks[0];
        assert_eq!((w1.week, w1.recordings), (1, 2), "two sessions, though three recordings");
        let back = w1.backward.as_ref().unwrap();
        assert_eq!((back.steps, back.minutes), (400, 4.0));
        assert_eq!(back.cadence, 95.0, "weighted by steps: (100×80 + 300×100) / 400");
        assert_eq!(back.step_time_cv, 5.0);
        assert_eq!(w1.forward.as_ref().map(|f| (f.steps, f.cadence)), Some((50, 110.0)));
        assert_eq!((weeks[1].week, weeks[1].backward.is_none()), (2, true), "no backward walking recorded");
    }
}
