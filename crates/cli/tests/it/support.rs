//! A fresh database per test and a way to run the binary against it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub struct Walker {
    pub dir: tempfile::TempDir,
    /// A database URL to use instead of a file in `dir`.
    url: Option<String>,
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

impl Walker {
    pub fn new() -> Walker {
        Walker { dir: tempfile::tempdir().unwrap(), url: None }
    }

    pub fn with_db(url: &str) -> Walker {
        Walker { dir: tempfile::tempdir().unwrap(), url: Some(url.into()) }
    }

    pub fn db_url(&self) -> String {
        self.url.clone().unwrap_or_else(|| format!("sqlite://{}", self.dir.path().join("rw.db").display()))
    }

    /// `retrowalk --db … --today DATE ARGS…` with a clean environment.
    pub fn on(&self, today: &str, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("retrowalk").unwrap();
        cmd.env_remove("RETROWALK_DATABASE_URL")
            .env_remove("RETROWALK_WALKER")
            .env_remove("RETROWALK_TODAY")
            // English unless a test asks for another language.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["--db", &self.db_url(), "--today", today])
            .args(args);
        cmd
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok(&self, today: &str, args: &[&str]) -> String {
        let out = self.on(today, args).write_stdin("").output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs expecting exit code 2 (bad input); returns stderr.
    pub fn bad(&self, today: &str, args: &[&str]) -> String {
        let out = self.on(today, args).write_stdin("").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn json(&self, today: &str, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(today, &all)).unwrap()
    }

    pub fn init(&self, fixture_name: &str) -> String {
        self.ok("2026-11-23", &["init", "--answers", fixture(fixture_name).to_str().unwrap()])
    }

    pub fn session_count(&self) -> usize {
        self.json("2026-12-31", &["history"]).as_array().unwrap().len()
    }
}
