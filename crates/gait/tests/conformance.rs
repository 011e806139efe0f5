//! The shared IMU recordings (../shared/data/imu): every file read without
//! a panic, and the scores kept at least where they are now. Direction
//! calibrated on a forward walk meets the target (≥ 98 %), walk by
//! walk and for the bouts the app itself finds; the
//! step-count guards are today's figures, not the targets (IPOL ≤ 1.5 %,
//! Mobilise-D ≤ 6 %), which are not met yet: see the note of #15. The
//! app's own count (its bouts' steps) and its initial-contact times
//! against the reference's are guarded too.
//! Skipped when the folder is absent, unless CI=true.

mod shared_data;

use gait::steps::StepParams;
use shared_data::{Calibration, Cut, Walk, direction, load, score};
use std::path::Path;

fn root() -> Option<&'static Path> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/imu"));
    if root.join("MANIFEST.md").exists() {
        Some(root)
    } else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs ../shared/data/imu");
        eprintln!("../shared/data/imu is missing: skipped");
        None
    }
}

#[test]
fn every_file_in_the_folder_is_read_or_refused_never_a_panic() {
    let Some(root) = root() else { return };
    let mut read = 0;
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            // Sensor files, and everything else too (JSON, MATLAB, licences).
            let bytes = std::fs::read(&path).unwrap();
            if let Ok((rec, _)) = gait::read(&bytes, &Default::default()) {
                assert!(!rec.is_empty(), "{}", path.display());
                read += 1;
            }
        }
    }
    // 58 lower-back and 26 foot IPOL files, 9 Mobilise-D CSVs; the reference CSVs have no sensor columns.
    assert!(read >= 93, "{read} files read");
}

#[test]
fn step_counts_stay_within_todays_errors() {
    let Some(root) = root() else { return };
    let data = load(root).unwrap();
    for (set, walks, most) in [("ipol", 58, 2.2), ("mobgap", 19, 15.0)] {
        let these: Vec<&Walk> = data.walks.iter().filter(|w| w.set == set).collect();
        let (s, _) = score(&data, &these, &StepParams::default(), Cut::Segment).unwrap();
        eprintln!("{set}: {} walks, reference {}, found {}, MAPE {:.2} %", s.walks, s.reference, s.found, s.mape);
        assert_eq!(s.walks, walks);
        assert!(s.mape <= most, "{set}: MAPE {:.2} % over {most} %", s.mape);
    }
}

#[test]
fn the_apps_own_count_and_contact_times_stay_within_todays_errors() {
    let Some(root) = root() else { return };
    let data = load(root).unwrap();
    for (set, most_mape, most_ms, least_recall) in [("ipol", 2.3, 25.0, 95.0), ("mobgap", 21.0, 45.0, 78.0)] {
        let these: Vec<&Walk> = data.walks.iter().filter(|w| w.set == set).collect();
        let (s, _) = score(&data, &these, &StepParams::default(), Cut::App).unwrap();
        let t = shared_data::contact_timing(&data, &these).unwrap();
        let recall = t.matched as f64 / t.reference as f64 * 100.0;
        eprintln!(
            "{set}: the app counts {} of {} steps, MAPE {:.2} %; contacts matched {recall:.1} %, median {:.0} ms, median abs {:.0} ms",
            s.found,
            s.reference,
            s.mape,
            t.median_ms(),
            t.median_abs_ms()
        );
        assert!(s.mape <= most_mape, "{set}: the app's count is {:.2} % off, over {most_mape} %", s.mape);
        assert!(t.median_abs_ms() <= most_ms, "{set}: contact times {:.0} ms off", t.median_abs_ms());
        assert!(t.median_ms().abs() <= 20.0, "{set}: contact times biased by {:.0} ms", t.median_ms());
        assert!(recall >= least_recall, "{set}: {recall:.1} % of the reference's contacts found");
    }
}

#[test]
fn direction_and_bouts_stay_within_todays_scores() {
    let Some(root) = root() else { return };
    let data = load(root).unwrap();
    for (calibration, least) in [(Calibration::None, 86.0), (Calibration::Sign, 93.0), (Calibration::Shape, 98.0)] {
        let by = direction(&data, calibration).unwrap();
        let (right, n) = by.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let pct = right as f64 / n as f64 * 100.0;
        eprintln!("direction ({calibration:?}): {right} of {n}, {pct:.1} %");
        assert!(pct >= least, "direction {pct:.1} % under {least} %");
    }
    // As the app decides it: bouts found by `analyse`, the model from the first walk.
    let by = shared_data::direction_of_bouts(&data).unwrap();
    let (right, n) = by.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let pct = right as f64 / n as f64 * 100.0;
    eprintln!("direction of the bouts the app finds: {right} of {n}, {pct:.1} %");
    assert!(pct >= 98.0, "direction of bouts {pct:.1} % under 98 %");
    let (sensitivity, specificity) = shared_data::bouts(&data).unwrap();
    eprintln!("bouts: sensitivity {sensitivity:.1} %, specificity {specificity:.1} %");
    assert!(sensitivity >= 90.0 && specificity >= 90.0);
}

#[test]
fn both_estimates_of_up_agree_on_real_walking() {
    let Some(root) = root() else { return };
    let data = load(root).unwrap();
    let (median, p95) = shared_data::orientation_agreement(&data);
    eprintln!("up, accelerometer only against gyroscope-aided: median {median:.1}°, 95th percentile {p95:.1}°");
    assert!(median < 5.0 && p95 < 15.0, "median {median:.1}°, 95th percentile {p95:.1}°");
}
