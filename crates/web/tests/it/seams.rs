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

/// Pages and API handlers extract, call one service (or `auth`) function and
/// render: they never hold the store. Walker data goes through `service`,
/// whose every call takes the `Access` the access rule granted, so a handler
/// cannot reach a walker by forgetting a check. The store may be handed on
/// (`service::load(state.store(), …)`) but not used: no `Store` trait in
/// scope, and no method called on it.
#[test]
fn pages_and_api_never_use_the_store() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["pages", "api"] {
        rust_files(&src.join(dir), &mut files);
    }
    assert!(files.len() > 10, "{files:?}");
    let mut offenders = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let compact: String = code.split_whitespace().collect();
            // The store's traits (`Store`, `WalkerStore`, … and their prelude)
            // are what put its methods in scope.
            let is_trait = |name: &str| name.ends_with("Store") || name.starts_with("prelude");
            let imports_trait = compact.starts_with("usestore::")
                && compact
                    .trim_start_matches("usestore::")
                    .trim_matches(|c| "{};".contains(c))
                    .split(',')
                    .any(is_trait);
            let names_trait = compact.match_indices("store::").any(|(i, m)| {
                let rest = &compact[i + m.len()..];
                is_trait(&rest[..rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len())])
            });
            let calls_it = compact.contains("store().") || names_trait;
            if imports_trait || calls_it {
                offenders.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "go through service (walker data) or auth (accounts):\n{}", offenders.join("\n"));
}

/// The web crate's modules form no cycle: the API does not borrow from the
/// pages, and the state, its cache and the error type (which every handler
/// uses) do not reach up into the pages either. Shared pieces live below them
/// (`forms`, `layout`, `service`).
#[test]
fn lower_modules_never_reach_up_into_the_pages() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("api"), &mut files);
    for f in ["state.rs", "cache.rs", "error.rs", "layout.rs", "forms.rs", "recordings.rs", "auth"] {
        let path = src.join(f);
        if path.is_dir() { rust_files(&path, &mut files) } else { files.push(path) }
    }
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("crate::pages"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "move what they share below the pages: {offenders:?}");
}
