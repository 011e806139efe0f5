//! Step counts on the IPOL gait recordings against their footstep
//! reference, as shared/data/imu/BASELINES.md scores the peers: each trial's
//! lower-back file, cut to the reference walk (`TrialBoundaries`), counted,
//! and compared with the footsteps of both feet inside it.
//!
//!   cargo run --release -p gait --example ipol_steps -- ../shared/data/imu/ipol_gait

use gait::steps::{StepParams, steps};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/imu/ipol_gait".into());
    let mut names: Vec<String> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("_lb.txt"))
        .collect();
    names.sort();
    // Parameters may be tried from the environment (STEP_LO_HZ, STEP_HI_HZ,
    // STEP_MIN_GAP_S, STEP_PROMINENCE); the defaults are the scipy baseline's.
    let var = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let d = StepParams::default();
    let params = StepParams {
        lo_hz: var("STEP_LO_HZ", d.lo_hz),
        hi_hz: var("STEP_HI_HZ", d.hi_hz),
        min_gap_s: var("STEP_MIN_GAP_S", d.min_gap_s),
        prominence: var("STEP_PROMINENCE", d.prominence),
    };
    let (mut reference, mut found, mut abs, mut pct) = (0usize, 0usize, 0usize, 0.0f64);
    let started = std::time::Instant::now();
    let mut samples = 0usize;
    println!("| trial | reference | found |\n|---|---:|---:|");
    for name in &names {
        let trial = name.trim_end_matches("_lb.txt");
        let rec = gait::ipol::read(&std::fs::read(Path::new(&dir).join(name))?).map_err(|e| format!("{name}: {e}"))?;
        let json = std::fs::read_to_string(Path::new(&dir).join(format!("{trial}.json")))?.replace("NaN", "null");
        let r: serde_json::Value = serde_json::from_str(&json)?;
        let bound = |k: usize| r["TrialBoundaries"][k].as_u64().unwrap_or(0);
        let (start, end) = (bound(0), bound(1));
        let inside = |foot: &str| {
            r[foot].as_array().map_or(0, |steps| {
                steps
                    .iter()
                    .filter(|s| s[0].as_u64().is_some_and(|a| a >= start) && s[1].as_u64().is_some_and(|b| b <= end))
                    .count()
            })
        };
        let truth = inside("LeftFootEvents") + inside("RightFootEvents");
        let (from, to) = ((start - rec.start) as usize, ((end - rec.start) as usize).min(rec.len() - 1));
        let magnitude = rec.acc_magnitude();
        let segment = &magnitude[from..=to];
        samples += segment.len();
        let n = steps(segment, rec.rate_hz, &params).len();
        println!("| {trial} | {truth} | {n} |");
        reference += truth;
        found += n;
        abs += truth.abs_diff(n);
        pct += truth.abs_diff(n) as f64 / truth as f64 * 100.0;
    }
    let took = started.elapsed();
    println!(
        "\n{} trials: reference {reference}, found {found}, sum of absolute errors {abs}, MAPE {:.2} %",
        names.len(),
        pct / names.len() as f64
    );
    println!("read and counted in {:.3} s ({samples} samples counted)", took.as_secs_f64());
    Ok(())
}
