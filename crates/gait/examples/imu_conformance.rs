//! The shared IMU recordings scored as shared/data/imu/BASELINES.md scores
//! the peers, with every table for the note: steps per walk (IPOL and
//! Mobilise-D, default parameters and leave-one-subject-out; each walk cut
//! out first as the peers are scored; the whole recording's steps inside
//! each walk; and as the app counts, its bouts' steps inside each walk),
//! initial-contact times against the reference's, direction per
//! subject on each walk and its time-reversed copy (fixed sign and
//! calibrated), bouts without the reference, and speed (reading MB/s, step
//! counting and whole analysis in samples/s, best of three).
//!
//!   cargo run --release -p gait --example imu_conformance -- ../shared/data/imu
//!
//! STEP_LO_HZ, STEP_HI_HZ, STEP_MIN_GAP_S, STEP_PROMINENCE and STEP_EDGES=1
//! try other parameters; PER_WALK=1 prints every walk's count.

#[path = "../tests/shared_data/mod.rs"]
mod shared_data;

use gait::analysis::{DirectionModel, analyse, forward_model};
use gait::steps::{StepParams, steps};
use shared_data::{Calibration, Cut, Walk, contact_timing, cross_validated, direction, load, mape, median, score};
use std::time::Instant;

fn main() -> Result<(), shared_data::Error> {
    let root = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/imu".into());
    let data = load(std::path::Path::new(&root))?;
    let var = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let d = StepParams::default();
    let p = StepParams {
        lo_hz: var("STEP_LO_HZ", d.lo_hz),
        hi_hz: var("STEP_HI_HZ", d.hi_hz),
        min_gap_s: var("STEP_MIN_GAP_S", d.min_gap_s),
        prominence: var("STEP_PROMINENCE", d.prominence),
        edges: var("STEP_EDGES", 0.0) > 0.0,
    };
    for (cut, title) in [
        (Cut::Segment, "steps, each walk cut out first (as BASELINES.md scores the peers)"),
        (Cut::Whole, "steps in the whole recording, then those inside each walk, in a bout or not"),
        (Cut::App, "steps as the app counts them: the steps of the bouts it finds, inside each walk"),
    ] {
        let cv = cross_validated(&data, cut)?;
        println!("{title}");
        println!("| set | walks | reference | found | abs error | MAPE % | leave-one-subject-out MAPE % |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for set in ["ipol", "mobgap"] {
            let idx: Vec<usize> = (0..data.walks.len()).filter(|i| data.walks[*i].set == set).collect();
            let walks: Vec<&Walk> = idx.iter().map(|i| &data.walks[*i]).collect();
            let (s, counts) = score(&data, &walks, &p, cut)?;
            let held: Vec<usize> = idx.iter().map(|i| cv[*i]).collect();
            let (n, r, f, e, m) = (s.walks, s.reference, s.found, s.abs_error, s.mape);
            println!("| {set} | {n} | {r} | {f} | {e} | {m:.2} | {:.2} |", mape(&walks, &held));
            if std::env::var("PER_WALK").is_ok() {
                for (w, n) in walks.iter().zip(counts) {
                    println!("|   {} | | {} | {n} | | | |", w.name, w.truth);
                }
            }
        }
        println!();
    }

    for calibration in [Calibration::None, Calibration::Sign, Calibration::Shape] {
        let by = direction(&data, calibration)?;
        let (right, n) = by.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let how = match calibration {
            Calibration::None => "one sign for all",
            Calibration::Sign => "sign calibrated on each subject's first walk",
            Calibration::Shape => "step shape calibrated on each subject's first walk",
        };
        println!("\ndirection, {how}: {right} of {n} right ({:.1} %)", right as f64 / n.max(1) as f64 * 100.0);
        println!("| subject | right | walks and reversals |\n|---|---:|---:|");
        for (s, (r, t)) in &by {
            println!("| {s} | {r} | {t} |");
        }
    }
    let by = shared_data::direction_of_bouts(&data)?;
    let (right, n) = by.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let pct = right as f64 / n.max(1) as f64 * 100.0;
    println!(
        "\ndirection as the app decides it, every bout found in each later recording and its reversal, step shape from the first walk: {right} of {n} bouts right ({pct:.1} %)"
    );
    println!("| subject | right | bouts |\n|---|---:|---:|");
    for (s, (r, t)) in &by {
        println!("| {s} | {r} | {t} |");
    }
    let (median, p95) = shared_data::orientation_agreement(&data);
    println!("\nup, accelerometer only against gyroscope-aided: median {median:.1}°, 95th percentile {p95:.1}°");
    contact_times(&data)?;
    let (sens, spec) = shared_data::bouts(&data)?;
    println!("\nbouts without the reference (sample level): sensitivity {sens:.1} %, specificity {spec:.1} %");

    let best = |run: &dyn Fn() -> usize| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(run());
                start.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let bytes: usize = data.files.values().map(|(b, _)| b.len()).sum();
    let samples: usize = data.files.values().map(|(_, r)| r.len()).sum();
    let read = best(&|| {
        data.files.values().filter_map(|(b, _)| gait::read(b, &Default::default()).ok()).map(|(r, _)| r.len()).sum()
    });
    let segments: Vec<(Vec<f64>, f64)> =
        data.walks.iter().map(|w| (data.segment(w), data.recording(w).rate_hz)).collect();
    let walk_samples: usize = segments.iter().map(|(s, _)| s.len()).sum();
    let count = best(&|| segments.iter().filter_map(|(s, r)| steps(s, *r, &p).ok()).map(|s| s.len()).sum());
    let whole = best(&|| {
        let analysed = data.files.values().filter_map(|(_, r)| analyse(r, &p, &DirectionModel::default()).ok());
        analysed.map(|a| a.bouts.len()).sum()
    });
    // As a guided session's recording is analysed: the walker's own model
    // from the first quarter (its "warm-up"), then the whole with it.
    let own = best(&|| {
        let analysed = data.files.values().filter_map(|(_, r)| {
            let p = StepParams::default();
            let model = forward_model(r, &p, r.duration_s() / 4.0).ok()?.unwrap_or_default();
            analyse(r, &p, &model).ok()
        });
        analysed.map(|a| a.bouts.len()).sum()
    });
    let mb = bytes as f64 / 1e6;
    println!("\nreading: {mb:.1} MB in {read:.4} s = {:.0} MB/s", mb / read);
    let per_s = |n: usize, s: f64| n as f64 / s / 1e6;
    println!("step counting: {walk_samples} samples in {count:.4} s = {:.1} million/s", per_s(walk_samples, count));
    println!("whole analysis: {samples} samples in {whole:.4} s = {:.1} million/s", per_s(samples, whole));
    println!(
        "whole analysis with the walker's own direction model (built from the first quarter): {samples} samples in {own:.4} s = {:.1} million/s",
        per_s(samples, own)
    );
    // A phone's own half hour: Sensor Logger's layout on its uneven ~100 Hz
    // clock (the reader evens it out), about 3,270 steps of walking.
    let phone = gait::synthetic::walk_csv(3270, 0.55, false);
    let phone_mb = phone.len() as f64 / 1e6;
    let phone_read = best(&|| gait::read(phone.as_bytes(), &Default::default()).map_or(0, |(r, _)| r.len()));
    let (rec, _) = gait::read(phone.as_bytes(), &Default::default())?;
    let phone_analysed = best(&|| analyse(&rec, &p, &DirectionModel::default()).map_or(0, |a| a.bouts.len()));
    println!(
        "a {:.0}-minute phone recording at 100 Hz (Sensor Logger CSV, uneven clock, {phone_mb:.1} MB): read and evened out in {phone_read:.3} s ({:.0} MB/s), analysed in {phone_analysed:.3} s",
        rec.duration_s() / 60.0,
        phone_mb / phone_read
    );
    Ok(())
}

/// The app's contact times against the reference: matched pairs and their
/// error, and the error left if each subject's times were shifted by the
/// median error of everyone else (leave one subject out): close to the
/// first when the app's own shift is not tuned to these walkers.
fn contact_times(data: &shared_data::Data) -> Result<(), shared_data::Error> {
    println!("\ninitial-contact times as the app reports them, against the reference (pairs within 0.25 s)");
    println!(
        "| set | reference | app | matched | recall % | precision % | median error ms | median abs error ms | leave-one-subject-out median abs ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for set in ["ipol", "mobgap"] {
        let walks: Vec<&Walk> = data.walks.iter().filter(|w| w.set == set).collect();
        let t = contact_timing(data, &walks)?;
        let subjects: std::collections::BTreeSet<&str> = walks.iter().map(|w| w.subject.as_str()).collect();
        let mut held = Vec::new();
        for s in subjects {
            let own: Vec<&Walk> = walks.iter().copied().filter(|w| w.subject == s).collect();
            let rest: Vec<&Walk> = data.walks.iter().filter(|w| w.subject != s).collect();
            let shift = median(contact_timing(data, &rest)?.errors);
            held.extend(contact_timing(data, &own)?.errors.iter().map(|e| (e - shift).abs() * 1000.0));
        }
        let pct = |a: usize, b: usize| a as f64 / b.max(1) as f64 * 100.0;
        println!(
            "| {set} | {} | {} | {} | {:.1} | {:.1} | {:.0} | {:.0} | {:.0} |",
            t.reference,
            t.found,
            t.matched,
            pct(t.matched, t.reference),
            pct(t.matched, t.found),
            t.median_ms(),
            t.median_abs_ms(),
            median(held)
        );
    }
    Ok(())
}
