//! Direction on the shared recordings and their time-reversed copies: how
//! many bouts the time-asymmetry sign calls right, per subject; then bout
//! detection without the reference segment (sample-level sensitivity and
//! specificity against the reference walks).
//!
//!   cargo run --release -p gait --example direction -- ../shared/data/imu

use gait::analysis::{DirectionModel, analyse, band_passed, time_asymmetry};
use gait::steps::StepParams;
use std::collections::BTreeMap;
use std::path::Path;

/// One reference walk: who, the recording, and the walk's samples.
struct Walk {
    subject: String,
    rec: gait::Recording,
    from: usize,
    to: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/imu".into());
    let root = Path::new(&root);
    let p = StepParams::default();
    let mut walks = ipol(&root.join("ipol_gait"))?;
    walks.extend(mobgap(&root.join("mobgap_lab"))?);
    // Per subject: (right, total) over forward walks and their reversals.
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let model = DirectionModel::default();
    // CALIBRATE=1: each subject's first walk is their known-forward walk
    // (as a session's opening forward walk would be); it is not scored.
    let calibrate = std::env::var("CALIBRATE").is_ok();
    let mut sign_of: BTreeMap<String, f64> = BTreeMap::new();
    for w in &walks {
        let y = band_passed(&w.rec.acc_magnitude()[w.from..=w.to], w.rec.rate_hz, &p)?;
        // The reversed copy is the recording played backwards: the same
        // samples in the opposite order.
        let (t, _) = time_asymmetry(&y, w.rec.rate_hz);
        let reversed: Vec<f64> = y.iter().rev().copied().collect();
        let (r, _) = time_asymmetry(&reversed, w.rec.rate_hz);
        let sign = if calibrate {
            match sign_of.get(&w.subject) {
                Some(s) => *s,
                None => {
                    sign_of.insert(w.subject.clone(), if t < 0.0 { -1.0 } else { 1.0 });
                    continue;
                }
            }
        } else {
            model.forward_sign
        };
        let e = by.entry(w.subject.clone()).or_default();
        e.0 += usize::from(t * sign >= 0.0) + usize::from(r * sign < 0.0);
        e.1 += 2;
    }
    println!("| subject | right | bouts |\n|---|---:|---:|");
    for (s, (right, n)) in &by {
        println!("| {s} | {right} | {n} |");
    }
    let (right, n) = by.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("\ndirection: {right} of {n} right ({:.1} %)", right as f64 / n as f64 * 100.0);

    // Bout detection on whole recordings: one file may hold several walks.
    let mut files: BTreeMap<String, (gait::Recording, Vec<(usize, usize)>)> = BTreeMap::new();
    for w in walks {
        let key = format!("{}:{}", w.subject, w.rec.len());
        files.entry(key).or_insert_with(|| (w.rec.clone(), Vec::new())).1.push((w.from, w.to));
    }
    let (mut tp, mut fp, mut tn, mut fneg) = (0usize, 0usize, 0usize, 0usize);
    for (rec, refs) in files.values() {
        let a = analyse(rec, &p, &model)?;
        let mut truth = vec![false; rec.len()];
        for (f, t) in refs {
            truth[*f..=*t].iter_mut().for_each(|v| *v = true);
        }
        let mut found = vec![false; rec.len()];
        for b in &a.bouts {
            let (f, t) = ((b.start_s * rec.rate_hz) as usize, ((b.end_s * rec.rate_hz) as usize).min(rec.len() - 1));
            found[f..=t].iter_mut().for_each(|v| *v = true);
        }
        for (t, f) in truth.iter().zip(&found) {
            match (t, f) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (false, false) => tn += 1,
                (true, false) => fneg += 1,
            }
        }
    }
    println!(
        "bouts (sample level): sensitivity {:.1} %, specificity {:.1} %",
        tp as f64 / (tp + fneg).max(1) as f64 * 100.0,
        tn as f64 / (tn + fp).max(1) as f64 * 100.0
    );
    Ok(())
}

fn ipol(dir: &Path) -> Result<Vec<Walk>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("_lb.txt"))
        .collect();
    names.sort();
    for name in names {
        let trial = name.trim_end_matches("_lb.txt");
        let rec = gait::ipol::read(&std::fs::read(dir.join(&name))?).map_err(|e| format!("{name}: {e}"))?;
        let json = std::fs::read_to_string(dir.join(format!("{trial}.json")))?.replace("NaN", "null");
        let r: serde_json::Value = serde_json::from_str(&json)?;
        let b = |k: usize| r["TrialBoundaries"][k].as_u64().unwrap_or(0).saturating_sub(rec.start) as usize;
        let (from, to) = (b(0), b(1).min(rec.len() - 1));
        let subject = format!("ipol {}", trial.split('-').next().unwrap_or(""));
        out.push(Walk { subject, rec, from, to });
    }
    Ok(out)
}

fn mobgap(dir: &Path) -> Result<Vec<Walk>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let bouts = std::fs::read_to_string(dir.join("reference_walking_bouts_INDIP.csv"))?;
    for line in bouts.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let name = format!("{}/TimeMeasure1_{}_{}.csv", f[0], f[1], f[2]);
        let rec = gait::csv::read(&std::fs::read(dir.join(&name))?, &Default::default())?.recording;
        let at = |s: &str| (s.parse::<f64>().unwrap_or(0.0) * 100.0).round() as usize;
        let (from, to) = (at(f[4]), at(f[5]).min(rec.len() - 1));
        out.push(Walk { subject: format!("mobgap {}", f[0]), rec, from, to });
    }
    Ok(out)
}
