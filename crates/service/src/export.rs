//! Everything about a walker, as one JSON archive, or as CSV tables of
//! sessions, check-ins and outcome results.

use crate::{ServiceError, ServiceResult, State, history};
use serde_json::Value;
use store::Store;

pub async fn export_json<S: Store>(store: &S, state: &State, now: jiff::Timestamp) -> ServiceResult<Value> {
    let archive = store.export_walker(state.walker.id, now).await?;
    serde_json::to_value(&archive).map_err(|e| ServiceError::Store(store::StoreError::Corrupt(format!("archive: {e}"))))
}

/// Rows as CSV text with a header line.
pub(crate) fn csv_text(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> ServiceResult<String> {
    let err = |e: String| ServiceError::Store(store::StoreError::Corrupt(format!("csv: {e}")));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(|e| err(e.to_string()))?;
    for row in rows {
        w.write_record(&row).map_err(|e| err(e.to_string()))?;
    }
    let bytes = w.into_inner().map_err(|e| err(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| err(e.to_string()))
}

/// Sessions as CSV, one row per session, with its morning pain and decision.
pub fn export_csv(state: &State) -> ServiceResult<String> {
    let header = [
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
    ];
    let rows = history(state).into_iter().map(|e| {
        let l = &e.session;
        let d = e.decision.as_ref();
        vec![
            l.date.to_string(),
            l.minutes.to_string(),
            l.bouts.to_string(),
            l.speed_tenths.map_or(String::new(), |s| format!("{:.1}", f64::from(s) / 10.0)),
            l.incline_pct.to_string(),
            l.support.as_str().to_string(),
            l.surface.as_str().to_string(),
            l.pain_before.value().to_string(),
            l.pain_peak.value().to_string(),
            l.pain_after.value().to_string(),
            l.rpe.map_or(String::new(), |r| r.to_string()),
            l.symptoms.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(";"),
            e.morning_pain.map_or(String::new(), |p| p.to_string()),
            d.map_or(String::new(), |d| d.action.as_str().to_string()),
            d.map_or(String::new(), |d| d.rule.clone()),
            d.and_then(|d| d.dose).map_or(String::new(), |x| x.minutes.to_string()),
            l.notes.clone(),
        ]
    });
    csv_text(&header, rows)
}

/// Next-morning check-ins as CSV, one row per check-in.
pub fn export_checkins_csv(state: &State) -> ServiceResult<String> {
    let mut checkins = state.history.checkins.clone();
    checkins.sort_by_key(|c| c.date);
    let rows = checkins.into_iter().map(|c| {
        vec![
            c.date.to_string(),
            c.session_date.to_string(),
            c.pain.value().to_string(),
            c.symptoms.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(";"),
        ]
    });
    csv_text(&["date", "session_date", "pain", "symptoms"], rows)
}

/// Outcome results as CSV, one row per result, with the change since the
/// first; the unit and what the change means in the reader's language `l`
/// (the column names and the measure ids stay as data).
pub fn export_outcomes_csv(state: &State, l: &words::I18n) -> ServiceResult<String> {
    let rows = state.outcomes.iter().enumerate().map(|(i, o)| {
        // The first result of a measure is its baseline; later ones are compared with it.
        let first = state.outcomes.iter().position(|f| f.measure == o.measure).filter(|at| *at < i);
        let interp = first.map(|at| coach::outcomes::interpret(o.measure, state.outcomes[at].value, o.value));
        vec![
            o.taken_on.to_string(),
            o.measure.as_str().to_string(),
            o.value.to_string(),
            words::coach_words::measure_unit(l, o.measure),
            interp.as_ref().map_or(String::new(), |i| i.change.to_string()),
            interp.as_ref().map_or(String::new(), |i| words::coach_words::change_words(l, o.measure, i)),
            o.detail.clone(),
        ]
    });
    csv_text(&["date", "measure", "value", "unit", "change_since_first", "meaning", "detail"], rows)
}
