//! `retrowalk export`: everything about the walker, as JSON or CSV.

use super::Output;
use crate::cli::{CsvTable, ExportArgs, ExportFormat, Global};
use crate::context;
use crate::error::{CliError, CliResult, FileUse};
use store::SecurityKind;

pub async fn run(g: &Global, a: &ExportArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let body = match a.format {
        ExportFormat::Json => {
            let archive = service::export_json(&store, &state, jiff::Timestamp::now()).await?;
            serde_json::to_string_pretty(&archive).map_err(|e| CliError::Other(e.into()))? + "\n"
        }
        ExportFormat::Fhir => {
            let archive = service::export_archive(&store, state.access, jiff::Timestamp::now()).await?;
            serde_json::to_string_pretty(&service::fhir_bundle(&state, &archive))
                .map_err(|e| CliError::Other(e.into()))?
                + "\n"
        }
        ExportFormat::Csv => match a.table {
            CsvTable::Sessions => service::export_csv(&state)?,
            CsvTable::Checkins => service::export_checkins_csv(&state)?,
            CsvTable::Outcomes => service::export_outcomes_csv(&state, &crate::render::terminal())?,
        },
    };
    let what = match (a.format, a.table) {
        (ExportFormat::Json, _) => "archive json",
        (ExportFormat::Fhir, _) => "fhir bundle",
        (ExportFormat::Csv, CsvTable::Sessions) => "sessions csv",
        (ExportFormat::Csv, CsvTable::Checkins) => "check-ins csv",
        (ExportFormat::Csv, CsvTable::Outcomes) => "outcomes csv",
    };
    exported(&store, state.walker.id, what).await?;
    match &a.out {
        None => Ok(Output::Text(body)),
        Some(path) => {
            write_atomically(path, body.as_bytes())?;
            Ok(Output::Written(format!(
                "{}\n",
                crate::render::terminal().ta("cli.export.written", &[("path", &path.display().to_string())])
            )))
        }
    }
}

/// Records an export of a walker's data in the access log.
async fn exported(store: &store::SqlStore, walker: store::WalkerId, what: &str) -> CliResult<()> {
    super::user::audit_walker(store, SecurityKind::Export, walker, &format!("{what} of walker {walker}")).await
}

/// `retrowalk import-archive`: a JSON archive into this database.
pub async fn import(g: &Global, file: &std::path::Path) -> CliResult<Output> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::file(file, FileUse::Read, &e))?;
    let store = context::open(g).await?;
    let walker = service::import_json(&store, &text, context::today(g, "UTC")?).await?;
    super::user::audit(&store, SecurityKind::Restore, None, &format!("archive json as walker {walker}")).await?;
    Ok(Output::Text(format!("Imported as walker {walker}. Use --walker {walker} if this database holds others.\n")))
}

/// `retrowalk calendar`: the plan as iCalendar.
pub async fn calendar(g: &Global, out: Option<&std::path::Path>) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let body = service::calendar(&state, jiff::Timestamp::now(), &crate::render::terminal());
    match out {
        None => Ok(Output::Text(body)),
        Some(path) => {
            write_atomically(path, body.as_bytes())?;
            Ok(Output::Written(format!(
                "{}\n",
                crate::render::terminal().ta("cli.export.calendar", &[("path", &path.display().to_string())])
            )))
        }
    }
}

/// `retrowalk report`: the clinician report as a PDF file.
pub async fn report(g: &Global, out: &std::path::Path) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let pdf = report_pdf::render(&service::report(&state), &crate::render::terminal());
    exported(&store, state.walker.id, "report pdf").await?;
    write_atomically(out, &pdf)?;
    let said = [("path", out.display().to_string()), ("kb", pdf.len().div_ceil(1024).to_string())];
    let said: Vec<(&str, &str)> = said.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(Output::Written(format!("{}\n", crate::render::terminal().ta("cli.export.report", &said))))
}

/// Writes to a temporary file beside `path`, then renames it into place, so a
/// crash never leaves a half-written export.
pub(super) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> CliResult<()> {
    let folder = std::io::Error::from(std::io::ErrorKind::IsADirectory);
    if path.is_dir() {
        return Err(CliError::file(path, FileUse::Write, &folder));
    }
    let tmp = path.with_extension("partial");
    if let Err(e) = std::fs::write(&tmp, bytes) {
        // Nothing half-written is left behind.
        let _ = std::fs::remove_file(&tmp);
        return Err(CliError::file(path, FileUse::Write, &e));
    }
    if let Err(e) = std::fs::rename(&tmp, path) {
        // Leave nothing behind: a half-done export is not an export.
        let _ = std::fs::remove_file(&tmp);
        return Err(CliError::Other(
            anyhow::Error::new(e).context(format!("moving the export into {}", path.display())),
        ));
    }
    Ok(())
}
