//! Step counts on the Mobilise-D lab recordings against the INDIP
//! reference, as shared/data/imu/BASELINES.md scores the peers: each
//! reference walking bout cut from its lower-back CSV (samples
//! round(start_s·100) … round(end_s·100)), counted, and compared with the
//! bout's reference initial contacts (NaN-time and duplicate rows counted).
//! Then the speed of reading the CSVs (MB/s), best of three.
//!
//!   cargo run --release -p gait --example mobgap_steps -- ../shared/data/imu/mobgap_lab

use gait::csv::{Stated, read};
use gait::steps::{StepParams, steps};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/imu/mobgap_lab".into());
    let var = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let d = StepParams::default();
    let params = StepParams {
        lo_hz: var("STEP_LO_HZ", d.lo_hz),
        hi_hz: var("STEP_HI_HZ", d.hi_hz),
        min_gap_s: var("STEP_MIN_GAP_S", d.min_gap_s),
        prominence: var("STEP_PROMINENCE", d.prominence),
        edges: var("STEP_EDGES", f64::from(u8::from(d.edges))) > 0.0,
    };
    let dir = Path::new(&dir);
    let ics = std::fs::read_to_string(dir.join("reference_initial_contacts_INDIP.csv"))?;
    let mut truth: HashMap<(String, String, String, String), usize> = HashMap::new();
    for line in ics.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        *truth.entry((f[0].into(), f[1].into(), f[2].into(), f[3].into())).or_default() += 1;
    }
    let bouts = std::fs::read_to_string(dir.join("reference_walking_bouts_INDIP.csv"))?;
    let mut files: HashMap<String, Vec<u8>> = HashMap::new();
    let (mut n, mut reference, mut found, mut abs, mut pct) = (0usize, 0usize, 0usize, 0usize, 0.0f64);
    println!("| recording | bout | reference | found |\n|---|---:|---:|---:|");
    for line in bouts.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let name = format!("{}/TimeMeasure1_{}_{}.csv", f[0], f[1], f[2]);
        if !files.contains_key(&name) {
            files.insert(name.clone(), std::fs::read(dir.join(&name))?);
        }
        let rec = read(&files[&name], &Stated::default()).map_err(|e| format!("{name}: {e}"))?.recording;
        let at =
            |s: &str| -> Result<usize, Box<dyn std::error::Error>> { Ok((s.parse::<f64>()? * 100.0).round() as usize) };
        let (from, to) = (at(f[4])?, at(f[5])?.min(rec.len() - 1));
        let walk = rec.acc_magnitude()[from..=to].to_vec();
        let count = steps(&walk, rec.rate_hz, &params)?.len();
        let t = truth.get(&(f[0].into(), f[1].into(), f[2].into(), f[3].into())).copied().unwrap_or(0);
        println!("| {} {} {} | {} | {t} | {count} |", f[0], f[1], f[2], f[3]);
        n += 1;
        reference += t;
        found += count;
        abs += t.abs_diff(count);
        pct += t.abs_diff(count) as f64 / t.max(1) as f64 * 100.0;
    }
    println!(
        "\n{n} bouts: reference {reference}, found {found}, sum of absolute errors {abs}, MAPE {:.2} %",
        pct / n.max(1) as f64
    );
    let bytes: usize = files.values().map(Vec::len).sum();
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            let samples: usize =
                files.values().filter_map(|b| read(b, &Stated::default()).ok()).map(|r| r.recording.len()).sum();
            std::hint::black_box(samples);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    println!("reading: {:.1} MB in {best:.4} s = {:.0} MB/s", bytes as f64 / 1e6, bytes as f64 / 1e6 / best);
    Ok(())
}
