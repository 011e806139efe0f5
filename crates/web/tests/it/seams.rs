//! Seams the code keeps by construction, checked on the source itself.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Handlers ask the state for now (`AppState::now`, `today_in`), never the
/// system clock: one injected clock, so tests can fix the day. Only the clock
/// itself and the demo seed (which the CLI dates) read the system time.
#[test]
fn only_the_clock_reads_the_system_time() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let allowed = ["state.rs", "demo.rs"];
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| !allowed.iter().any(|a| f.ends_with(a)))
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("Timestamp::now()"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "read the clock through AppState::now: {offenders:?}");
}
