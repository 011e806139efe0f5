//! A made-up phone recording whose answer is known, for tests and demos of
//! every shell: standing still, then steps that each jolt the trunk (a quick
//! rise over 40 ms, a slow fall over about 0.15 s, as a heel strike does),
//! then standing again; written as a Sensor Logger export (time in ns,
//! `seconds_elapsed`, axes z, y, x in m/s², gravity included) on a phone's
//! slightly uneven ~100 Hz clock. Played backwards (`backwards`), the same
//! samples run in reverse order on the same clock. `session_csv` is a
//! guided session: a forward warm-up, a rest, then walking backward.

use std::fmt::Write;

/// 4 s standing, `steps` steps `step_s` apart, 4 s standing.
pub fn walk_csv(steps: usize, step_s: f64, backwards: bool) -> String {
    let at: Vec<(f64, bool)> = (0..steps).map(|i| (4.0 + i as f64 * step_s, false)).collect();
    let values = jolts(&at);
    let n = values.len();
    sensor_logger((0..n).map(|i| if backwards { values[n - 1 - i] } else { values[i] }))
}

/// A guided session on the phone: 4 s standing, a warm-up of `warm_up`
/// steps forward, 6 s standing, `bouts` steps backward, 4 s standing, all
/// 0.55 s apart. A backward step jolts the trunk as a forward one played
/// backwards (a slow rise, a quick fall). For a walker whose forward step
/// reads the other way round (`reads_reversed`: two of the 15 shared
/// subjects), every step's shape is turned round, so only their own
/// warm-up tells the two apart. The warm-up ends at 4 + 0.55 × `warm_up` s.
pub fn session_csv(warm_up: usize, bouts: usize, reads_reversed: bool) -> String {
    let warm = (0..warm_up).map(|i| (4.0 + i as f64 * 0.55, reads_reversed));
    let back_from = 4.0 + warm_up as f64 * 0.55 + 6.0;
    let back = (0..bouts).map(|i| (back_from + i as f64 * 0.55, !reads_reversed));
    sensor_logger(jolts(&warm.chain(back).collect::<Vec<_>>()).into_iter())
}

/// The magnitude at 100 Hz: gravity, and a jolt at each step's time, each
/// a heel strike's shape or (`true`) the same turned round in time; 4 s of
/// standing after the last.
fn jolts(at: &[(f64, bool)]) -> Vec<f64> {
    let end = at.last().map_or(4.0, |a| a.0) + 4.0;
    let jolt = |dt: f64| match dt {
        d if !(0.0..1.0).contains(&d) => 0.0,
        d if d < 0.04 => d / 0.04,
        d => (-(d - 0.04) / 0.15).exp(),
    };
    let n = (end * 100.0) as usize;
    (0..n)
        .map(|i| {
            let t = i as f64 / 100.0;
            // Turned round, the jolt rises over 0.5 s and falls at `s`.
            let one = |(s, turned): &(f64, bool)| if *turned { jolt(s - t + 0.04) } else { jolt(t - s) };
            9.81 + at.iter().map(|a| 3.0 * one(a)).sum::<f64>()
        })
        .collect()
}

/// Magnitudes as a Sensor Logger export on a phone's slightly uneven clock.
fn sensor_logger(values: impl Iterator<Item = f64>) -> String {
    let mut csv = String::from("time,seconds_elapsed,z,y,x\n");
    for (i, v) in values.enumerate() {
        // The phone's clock wobbles by 2 ms.
        let t = i as f64 / 100.0 + if i % 3 == 1 { 0.002 } else { 0.0 };
        let ns = 1_700_000_000_000_000_000u64 + (t * 1e9) as u64;
        // The phone hangs tilted: gravity shows on two axes.
        let _ = writeln!(csv, "{ns},{t:.3},{:.4},{:.4},0.1", 0.3 * v, 0.954 * v);
    }
    csv
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Direction, DirectionModel, analyse};
    use crate::steps::StepParams;

    #[test]
    fn the_made_up_walk_reads_as_what_it_is() {
        for (backwards, direction) in [(false, Direction::Forward), (true, Direction::Backward)] {
            let text = super::walk_csv(24, 0.55, backwards);
            let rec = crate::csv::read(text.as_bytes(), &Default::default()).unwrap().recording;
            let a = analyse(&rec, &StepParams::default(), &DirectionModel::default()).unwrap();
            assert_eq!(a.bouts.len(), 1);
            assert_eq!((a.bouts[0].steps.len(), a.bouts[0].direction), (24, direction));
        }
    }

    #[test]
    fn a_session_is_a_forward_warm_up_then_backward_walking() {
        for reads_reversed in [false, true] {
            let text = super::session_csv(12, 20, reads_reversed);
            let rec = crate::csv::read(text.as_bytes(), &Default::default()).unwrap().recording;
            let p = StepParams::default();
            let model = crate::analysis::forward_model(&rec, &p, 4.0 + 12.0 * 0.55 + 1.0).unwrap().unwrap();
            let a = analyse(&rec, &p, &model).unwrap();
            let seen: Vec<(usize, Direction)> = a.bouts.iter().map(|b| (b.steps.len(), b.direction)).collect();
            assert_eq!(seen, [(12, Direction::Forward), (20, Direction::Backward)], "reads reversed: {reads_reversed}");
            // Without the warm-up, the walker whose step reads reversed is read wrong.
            let plain = analyse(&rec, &p, &DirectionModel::default()).unwrap();
            assert_eq!(plain.bouts[1].direction == Direction::Backward, !reads_reversed);
        }
    }
}
