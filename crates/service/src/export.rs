//! Everything about a walker, as one JSON archive or a CSV of sessions.

use crate::{ServiceError, ServiceResult, State, history};
use serde_json::{Value, json};
use store::Store;

pub async fn export_json<S: Store>(store: &S, state: &State, now: jiff::Timestamp) -> ServiceResult<Value> {
    let screenings: Vec<Value> = store
        .screenings(state.walker.id)
        .await?
        .into_iter()
        .map(|s| json!({ "answers": s.answers, "outcome": s.outcome, "recorded_at": s.created_at }))
        .collect();
    let decisions: Vec<Value> = store
        .decisions(state.record.id)
        .await?
        .into_iter()
        .map(|d| json!({ "cause": d.cause, "decision": d.decision, "recorded_at": d.created_at }))
        .collect();
    Ok(json!({
        "format": "retrowalk-archive",
        "version": 1,
        "exported_at": now,
        "walker": { "name": state.walker.name, "time_zone": state.walker.time_zone, "created_at": state.walker.created_at },
        "screenings": screenings,
        "clearance": state.clearance,
        "programme": state.programme.setup,
        "sessions": state.history.logs,
        "checkins": state.history.checkins,
        "overrides": state.history.overrides,
        "decisions": decisions,
        "outcomes": store.outcomes(state.walker.id).await?,
    }))
}

pub fn export_csv(state: &State) -> ServiceResult<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| ServiceError::Store(store::StoreError::Corrupt(format!("csv: {e}")));
    w.write_record([
        "date",
        "minutes",
        "bouts",
        "speed_kmh",
        "incline_pct",
        "support",
        "surface",
        "pain_before",
        "pain_peak",
        "pain_after",
        "rpe",
        "symptoms",
        "morning_pain",
        "decision",
        "rule",
        "next_minutes",
        "notes",
    ])
    .map_err(err)?;
    for e in history(state) {
        let l = &e.session;
        let d = e.decision.as_ref();
        w.write_record([
            l.date.to_string(),
            l.minutes.to_string(),
            l.bouts.to_string(),
            l.speed_tenths.map_or(String::new(), |s| format!("{:.1}", f64::from(s) / 10.0)),
            l.incline_pct.to_string(),
            coach::text::snake_case(&l.support),
            coach::text::snake_case(&l.surface),
            l.pain_before.value().to_string(),
            l.pain_peak.value().to_string(),
            l.pain_after.value().to_string(),
            l.rpe.map_or(String::new(), |r| r.to_string()),
            l.symptoms.iter().map(|s| s.id()).collect::<Vec<_>>().join(";"),
            e.morning_pain.map_or(String::new(), |p| p.to_string()),
            d.map_or(String::new(), |d| coach::text::snake_case(&d.action)),
            d.map_or(String::new(), |d| d.rule.clone()),
            d.and_then(|d| d.dose).map_or(String::new(), |x| x.minutes.to_string()),
            l.notes.clone(),
        ])
        .map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| ServiceError::Store(store::StoreError::Corrupt(format!("csv: {e}"))))?;
    String::from_utf8(bytes).map_err(|e| ServiceError::Store(store::StoreError::Corrupt(format!("csv: {e}"))))
}
