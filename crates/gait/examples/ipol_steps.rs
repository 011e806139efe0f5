//! Step counts on the IPOL gait recordings against their footstep
//! reference, as shared/data/imu/BASELINES.md scores the peers: each trial's
//! lower-back file, cut to the reference walk (`TrialBoundaries`), counted,
//! and compared with the footsteps of both feet inside it. Then the speed:
//! reading every file (MB/s) and counting every walk (samples/s), each the
//! best of three runs, as the peers' detection is timed (loading excluded).
//!
//!   cargo run --release -p gait --example ipol_steps -- ../shared/data/imu/ipol_gait

use gait::steps::{StepParams, steps};
use std::path::Path;
use std::time::Instant;

/// One trial: the lower-back file's bytes, the walk's samples, the reference.
struct Trial {
    name: String,
    bytes: Vec<u8>,
    walk: Vec<f64>,
    rate_hz: f64,
    truth: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/imu/ipol_gait".into());
    // Parameters may be tried from the environment (STEP_LO_HZ, STEP_HI_HZ,
    // STEP_MIN_GAP_S, STEP_PROMINENCE); the defaults are the scipy baseline's.
    let var = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let d = StepParams::default();
    let params = StepParams {
        lo_hz: var("STEP_LO_HZ", d.lo_hz),
        hi_hz: var("STEP_HI_HZ", d.hi_hz),
        min_gap_s: var("STEP_MIN_GAP_S", d.min_gap_s),
        prominence: var("STEP_PROMINENCE", d.prominence),
        edges: var("STEP_EDGES", f64::from(u8::from(d.edges))) > 0.0,
    };
    let trials = load(&dir)?;
    let (mut reference, mut found, mut abs, mut pct) = (0usize, 0usize, 0usize, 0.0f64);
    println!("| trial | reference | found |\n|---|---:|---:|");
    for t in &trials {
        let n = steps(&t.walk, t.rate_hz, &params)?.len();
        println!("| {} | {} | {n} |", t.name, t.truth);
        reference += t.truth;
        found += n;
        abs += t.truth.abs_diff(n);
        pct += t.truth.abs_diff(n) as f64 / t.truth.max(1) as f64 * 100.0;
    }
    println!(
        "\n{} trials: reference {reference}, found {found}, sum of absolute errors {abs}, MAPE {:.2} %",
        trials.len(),
        pct / trials.len().max(1) as f64
    );

    let bytes: usize = trials.iter().map(|t| t.bytes.len()).sum();
    let samples: usize = trials.iter().map(|t| t.walk.len()).sum();
    let best = |run: &dyn Fn() -> usize| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(run());
                start.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let read = best(&|| trials.iter().filter_map(|t| gait::ipol::read(&t.bytes).ok()).map(|r| r.len()).sum());
    let count = best(&|| trials.iter().filter_map(|t| steps(&t.walk, t.rate_hz, &params).ok()).map(|s| s.len()).sum());
    println!("reading: {:.1} MB in {read:.4} s = {:.0} MB/s", bytes as f64 / 1e6, bytes as f64 / 1e6 / read);
    println!("counting: {samples} samples in {count:.4} s = {:.1} million samples/s", samples as f64 / count / 1e6);
    Ok(())
}

fn load(dir: &str) -> Result<Vec<Trial>, Box<dyn std::error::Error>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("_lb.txt"))
        .collect();
    names.sort();
    let mut trials = Vec::new();
    for name in names {
        let trial = name.trim_end_matches("_lb.txt").to_string();
        let bytes = std::fs::read(Path::new(dir).join(&name))?;
        let rec = gait::ipol::read(&bytes).map_err(|e| format!("{name}: {e}"))?;
        // The reference writes NaN for an unknown height, which JSON does not allow.
        let json = std::fs::read_to_string(Path::new(dir).join(format!("{trial}.json")))?.replace("NaN", "null");
        let r: serde_json::Value = serde_json::from_str(&json)?;
        let bound = |k: usize| r["TrialBoundaries"][k].as_u64().ok_or(format!("{trial}: no TrialBoundaries[{k}]"));
        let (start, end) = (bound(0)?, bound(1)?);
        let inside = |foot: &str| {
            r[foot].as_array().map_or(0, |steps| {
                steps
                    .iter()
                    .filter(|s| s[0].as_u64().is_some_and(|a| a >= start) && s[1].as_u64().is_some_and(|b| b <= end))
                    .count()
            })
        };
        let truth = inside("LeftFootEvents") + inside("RightFootEvents");
        let from = start.checked_sub(rec.start).ok_or_else(|| format!("{trial}: the walk starts before the file"))?;
        let to = end.checked_sub(rec.start).ok_or(format!("{trial}: the walk ends before the file"))?;
        let to = to.min(rec.len() as u64 - 1);
        if from > to {
            return Err(format!("{trial}: the walk is not inside the file").into());
        }
        let magnitude = rec.acc_magnitude();
        let walk = magnitude[from as usize..=to as usize].to_vec();
        trials.push(Trial { name: trial, bytes, walk, rate_hz: rec.rate_hz, truth });
    }
    Ok(trials)
}
