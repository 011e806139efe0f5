//! Parses every FIT, GPX and TCX file under a folder, repeatedly, and prints
//! per format: files, bytes, best wall time over the repeats (reading each file
//! from disk included, as the Python readers do), MB/s, files/s, how many
//! parsed and how many points. `bench/activity.sh` runs it beside the Python
//! readers.
//!
//!     cargo run --release -p formats --example parse_all -- DIR [REPEATS]

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
            out.push(p);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: parse_all DIR [REPEATS]"));
    let repeats: usize = args.next().map_or(20, |r| r.parse().expect("REPEATS is a number"));
    let mut rows = Vec::new();
    for ext in ["fit", "gpx", "tcx"] {
        let mut list = Vec::new();
        files(&dir, ext, &mut list);
        let bytes: u64 = list.iter().map(|p| std::fs::metadata(p).unwrap().len()).sum();
        let mut best = f64::MAX;
        let (mut parsed, mut rejected, mut points) = (0, 0, 0u64);
        let mut data = Vec::new();
        for _ in 0..repeats {
            let t0 = Instant::now();
            let (mut ok, mut bad, mut pts) = (0, 0, 0u64);
            for p in &list {
                // One buffer for every file, as an importer would keep.
                data.clear();
                std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut data)).unwrap();
                match formats::read(&data) {
                    Ok(r) => {
                        ok += 1;
                        pts += u64::from(r.details.points);
                    }
                    Err(_) => bad += 1,
                }
            }
            best = best.min(t0.elapsed().as_secs_f64());
            (parsed, rejected, points) = (ok, bad, pts);
        }
        rows.push(serde_json::json!({
            "format": ext,
            "files": list.len(),
            "bytes": bytes,
            "seconds_best": best,
            "mb_per_s": bytes as f64 / 1e6 / best,
            "files_per_s": list.len() as f64 / best,
            "parsed": parsed,
            "rejected": rejected,
            "points": points,
        }));
    }
    println!("{}", serde_json::to_string_pretty(&rows).unwrap());
}
