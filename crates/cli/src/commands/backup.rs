//! `retrowalk backup` and `retrowalk restore`: the whole database to one file
//! and back, on either backend (see `store::backup`).

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use std::path::Path;

/// "3 walkers, 1 account, 41 sessions, …": the counts an operator checks.
fn in_words(s: &store::backup::Summary) -> String {
    let named = [
        ("walkers", "walker", "walkers"),
        ("accounts", "account", "accounts"),
        ("session_logs", "session", "sessions"),
        ("checkins", "check-in", "check-ins"),
        ("imports", "imported file", "imported files"),
        ("api_tokens", "API token", "API tokens"),
        ("questionnaires", "loaded questionnaire", "loaded questionnaires"),
    ];
    let parts: Vec<String> = named
        .iter()
        .map(|(table, one, many)| {
            let n = s.rows(table);
            format!("{n} {}", if n == 1 { one } else { many })
        })
        .collect();
    let rows: u64 = s.tables.iter().map(|t| t.rows).sum();
    format!("{} ({rows} rows in {} tables)", parts.join(", "), s.tables.len())
}

pub async fn backup(g: &Global, out: &Path) -> CliResult<Output> {
    let store = context::open(g).await?;
    let summary = store::backup::backup(&store, out).await?;
    super::user::audit(&store, store::SecurityKind::Backup, None, "whole database").await?;
    store.close().await;
    emit(g.json, &summary, || format!("Backup written to {}: {}.\n", out.display(), in_words(&summary)))
}

pub async fn restore(g: &Global, file: &Path) -> CliResult<Output> {
    let url = context::database_url(g)?;
    let summary = store::backup::restore(file, &url).await?;
    let restored = context::open(g).await?;
    super::user::audit(&restored, store::SecurityKind::Restore, None, "whole database").await?;
    restored.close().await;
    emit(g.json, &summary, || {
        format!("Restored {} into {}: {}.\n", file.display(), store::backend::redact(&url), in_words(&summary))
    })
}
