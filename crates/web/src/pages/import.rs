//! Importing from watches and treadmills on the web: upload several files at
//! once, see a line per file, and answer for walks that fall on a planned
//! backward-walking day.

use super::{Layout, PainScale, SymptomBox, ready, render, symptom_boxes};
use crate::auth::extract::{CsrfForm, SignedIn};
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coach::imports::Fit;
use serde::Deserialize;
use store::StoredActivity;

/// Largest upload in one go: a year of watch files fits many times over.
pub const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    l: Layout,
    /// One line per uploaded file, after an upload.
    results: Vec<(bool, String)>,
    waiting: Vec<StoredActivity>,
    all: Vec<StoredActivity>,
}

impl ImportPage {
    fn counts_as(&self, a: &StoredActivity) -> &'static str {
        match (a.activity.fit, a.activity.backward) {
            (Fit::PlannedSession, None) => "import.waiting",
            (Fit::PlannedSession, Some(true)) => "import.backward",
            (Fit::PlannedSession, Some(false)) | (Fit::Aerobic, _) => "import.aerobic",
            (Fit::Extra, _) => "import.extra",
        }
    }
}

fn page_for(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    results: Vec<(bool, String)>,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let mut l = Layout::new(state, Some(who), "plan", "import.title");
    l.flash = flash;
    let waiting = s
        .activities
        .iter()
        .filter(|a| a.activity.fit == Fit::PlannedSession && a.activity.backward.is_none())
        .cloned()
        .collect();
    let mut all = s.activities.clone();
    all.reverse();
    render(&ImportPage { l, results, waiting, all })
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    page_for(&state, &who, &s, Vec::new(), None)
}

/// Reads every uploaded file first, checks the CSRF token, then imports each
/// file in its own transaction.
pub async fn upload(
    State(state): State<AppState>,
    who: SignedIn,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let mut csrf = String::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::bad("the upload could not be read"))? {
        match field.name().unwrap_or_default() {
            "csrf" => csrf = field.text().await.map_err(|_| AppError::Csrf)?,
            "files" => {
                let name = field.file_name().unwrap_or_default().to_string();
                let bytes = field.bytes().await.map_err(|_| AppError::bad(format!("{name}: the upload broke off")))?;
                // A browser sends one nameless, empty part when no file was chosen;
                // a chosen file that is empty gets its own "the file is empty" line.
                if !name.is_empty() || !bytes.is_empty() {
                    files.push((if name.is_empty() { "upload".into() } else { name }, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    if csrf.is_empty() || csrf != who.csrf {
        return Err(AppError::Csrf);
    }
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    if files.is_empty() {
        return page_for(&state, &who, &s, Vec::new(), Some(state.i18n().t("import.none_chosen").to_string()))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response());
    }
    let mut results = Vec::new();
    let mut current = s;
    for (name, bytes) in &files {
        let outcome = service::import_file(state.store(), &current, name, bytes, false, jiff::Timestamp::now()).await?;
        let ok = !matches!(outcome, service::FileOutcome::Failed { .. });
        results.push((ok, outcome.line()));
        // The next file is placed against what this one added.
        current = service::load(state.store(), who.account.walker, current.today).await?.into();
    }
    page_for(&state, &who, &current, results, None)
}

#[derive(Template)]
#[template(path = "confirm_activity.html")]
struct ConfirmPage {
    l: Layout,
    activity: StoredActivity,
    scales: Vec<PainScale>,
    symptoms: Vec<SymptomBox>,
}

pub async fn confirm_page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    confirm_form(&state, &who, &s, id, None)
}

fn confirm_form(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    id: i64,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let activity = s.activities.iter().find(|a| a.id == id).cloned().ok_or(AppError::NotFound)?;
    let mut l = Layout::new(state, Some(who), "plan", "import.confirm_title");
    l.flash = flash;
    let scales = vec![
        PainScale::new("pain_before", l.t("log.pain_before"), None),
        PainScale::new("pain_peak", l.t("log.pain_peak"), None),
        PainScale::new("pain_after", l.t("log.pain_after"), None),
    ];
    render(&ConfirmPage { l, activity, scales, symptoms: symptom_boxes() })
}

#[derive(Deserialize)]
pub struct ConfirmFields {
    backward: Option<String>,
    pain_before: Option<String>,
    pain_peak: Option<String>,
    pain_after: Option<String>,
}

pub async fn confirm(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    f: CsrfForm<ConfirmFields>,
) -> Result<Response, AppError> {
    let s = match ready(&state, &f.who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    let result = async {
        let backward = match forms::text_opt(&f.form.backward) {
            Some("yes") => true,
            Some("no") => false,
            other => return Err(AppError::bad(format!("backward: expected yes or no, got {other:?}"))),
        };
        let session = service::LogInput {
            pain_before: forms::pain("pain_before", &f.form.pain_before)?,
            pain_peak: forms::pain("pain_peak", &f.form.pain_peak)?,
            pain_after: forms::pain("pain_after", &f.form.pain_after)?,
            symptoms: forms::symptoms(&forms::all_values(&f.raw, "symptom"))?,
            ..Default::default()
        };
        let answer = service::Confirmation { backward, session };
        service::confirm_activity(state.store(), &s, id, answer, jiff::Timestamp::now()).await.map_err(AppError::from)
    }
    .await;
    match result {
        // A stop is the first and only message: Today shows it, with no flash.
        Ok(Some(done)) if done.stop.is_some() => Ok(Redirect::to("/today").into_response()),
        Ok(Some(_)) => Ok(Redirect::to("/today?logged=1").into_response()),
        Ok(None) => Ok(Redirect::to("/import").into_response()),
        Err(AppError::BadInput(msg)) => confirm_form(&state, &f.who, &s, id, Some(msg))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}
