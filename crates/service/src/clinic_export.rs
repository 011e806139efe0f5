//! A clinic's walkers for research and records: FHIR R4 resources as bulk
//! data (NDJSON, one file per resource type: Patient, CarePlan, Observation,
//! QuestionnaireResponse), and a registry-style CSV of the outcome measures at
//! baseline, 3 and 12 months. One walker at a time, so a caller can stream
//! and show progress; each walker's record read for it is in their access log.

use crate::{Access, Actor, ServiceError, ServiceResult, State};
use coach::Code;
use jiff::Timestamp;
use jiff::civil::Date;
use store::{ClinicId, SecurityEvent, SecurityKind, Store};

/// The walkers in the clinic's care now, each with the operator's grant.
/// A clinic-wide export is the operator's (it leaves the server as files).
pub async fn clinic_walkers<S: Store>(store: &S, actor: &Actor, clinic: ClinicId) -> ServiceResult<Vec<Access>> {
    if *actor != Actor::Operator {
        return Err(ServiceError::refused(Code::Invalid, "a clinic-wide export is made by whoever runs the server"));
    }
    if !store.clinics().await?.iter().any(|c| c.id == clinic) {
        return Err(ServiceError::NotFound(format!("clinic {clinic} not found")));
    }
    let mut out = Vec::new();
    for w in store.clinic_walkers(clinic).await? {
        out.push(crate::access(store, actor, w).await?);
    }
    Ok(out)
}

/// Notes in the walker's access log that their record left in a clinic export.
pub async fn log_export<S: Store>(store: &S, access: Access, format: &str, now: Timestamp) -> ServiceResult<()> {
    let event = SecurityEvent::new(SecurityKind::Export, None, "cli", &format!("clinic export {format}"), now);
    Ok(store.record_security_event(&event.about(access.walker())).await?)
}

/// The FHIR resource types of the bulk export, one file each.
pub const FHIR_TYPES: [&str; 4] = ["Patient", "CarePlan", "Observation", "QuestionnaireResponse"];

/// One walker's resources as (type, one line of JSON), from the same bundle
/// as their own FHIR export.
pub async fn fhir_lines<S: Store>(store: &S, state: &State, now: Timestamp) -> ServiceResult<Vec<(String, String)>> {
    let archive = store.export_walker(state.walker.id, now).await?;
    let bundle = crate::fhir::bundle(state, &archive);
    let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
    Ok(entries
        .into_iter()
        .filter_map(|e| {
            let r = e.get("resource")?.clone();
            let kind = r["resourceType"].as_str()?.to_string();
            Some((kind, r.to_string()))
        })
        .collect())
}

/// The registry table's columns.
pub const REGISTRY_HEADER: [&str; 10] = [
    "walker",
    "programme_start",
    "measure",
    "unit",
    "baseline",
    "baseline_on",
    "month_3",
    "month_3_on",
    "month_12",
    "month_12_on",
];

/// A time point: days after the programme's start, and how far either side
/// a result still counts (the closest one wins).
const TIME_POINTS: [(i64, i64); 3] = [(0, 14), (91, 30), (365, 60)];

/// One row per outcome measure the walker has results for: the result closest
/// to each time point within its window, or empty.
pub fn registry_rows(state: &State) -> Vec<Vec<String>> {
    let start = state.programme.start();
    let near = |all: &[&store::OutcomeRecord], (at, window): (i64, i64)| -> Option<(f64, Date)> {
        let target = coach::dates::add_days(start, at);
        all.iter()
            .map(|o| (o, (coach::dates::days_between(target, o.taken_on)).abs()))
            .filter(|(_, d)| *d <= window)
            .min_by_key(|(_, d)| *d)
            .map(|(o, _)| (o.value, o.taken_on))
    };
    coach::outcomes::Measure::ALL
        .iter()
        .filter_map(|m| {
            let of: Vec<&store::OutcomeRecord> = state.outcomes.iter().filter(|o| o.measure == *m).collect();
            if of.is_empty() {
                return None;
            }
            let mut row = vec![state.walker.id.to_string(), start.to_string(), m.as_str().into(), m.unit().into()];
            for point in TIME_POINTS {
                match near(&of, point) {
                    Some((v, on)) => row.extend([format!("{v}"), on.to_string()]),
                    None => row.extend([String::new(), String::new()]),
                }
            }
            Some(row)
        })
        .collect()
}

/// The registry's header line, as CSV.
pub fn registry_header() -> ServiceResult<String> {
    crate::export::csv_text(&REGISTRY_HEADER, std::iter::empty())
}

/// Rows as CSV lines (no header), for streaming after [`registry_header`].
pub fn csv_lines(rows: &[Vec<String>]) -> ServiceResult<String> {
    let text = crate::export::csv_text(&REGISTRY_HEADER, rows.iter().cloned())?;
    Ok(text.split_once('\n').map_or(String::new(), |(_, rest)| rest.to_string()))
}
