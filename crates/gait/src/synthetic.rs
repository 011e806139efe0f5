//! A made-up phone recording whose answer is known, for tests and demos of
//! every shell: standing still, then steps that each jolt the trunk (a quick
//! rise over 40 ms, a slow fall over about 0.15 s, as a heel strike does),
//! then standing again; written as a Sensor Logger export (time in ns,
//! `seconds_elapsed`, axes z, y, x in m/s², gravity included) on a phone's
//! slightly uneven ~100 Hz clock. Played backwards (`backwards`), the same
//! samples run in reverse order on the same clock.

use std::fmt::Write;

/// 4 s standing, `steps` steps `step_s` apart, 4 s standing.
pub fn walk_csv(steps: usize, step_s: f64, backwards: bool) -> String {
    let at: Vec<f64> = (0..steps).map(|i| 4.0 + i as f64 * step_s).collect();
    let end = at.last().copied().unwrap_or(4.0) + 4.0;
    let jolt = |dt: f64| match dt {
        d if !(0.0..1.0).contains(&d) => 0.0,
        d if d < 0.04 => d / 0.04,
        d => (-(d - 0.04) / 0.15).exp(),
    };
    let n = (end * 100.0) as usize;
    let values: Vec<f64> =
        (0..n).map(|i| 9.81 + at.iter().map(|s| 3.0 * jolt(i as f64 / 100.0 - s)).sum::<f64>()).collect();
    let mut csv = String::from("time,seconds_elapsed,z,y,x\n");
    for i in 0..n {
        // The phone's clock wobbles by 2 ms.
        let t = i as f64 / 100.0 + if i % 3 == 1 { 0.002 } else { 0.0 };
        let v = if backwards { values[n - 1 - i] } else { values[i] };
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
}
