//! Importing from watches and treadmills on the web: upload several files at
//! once, see a line per file, and answer for walks that fall on a planned
//! backward-walking day.

use super::{Layout, PainScale, Ready, ReadyForm, SymptomBox, ready, render, symptom_boxes};
use crate::auth::extract::{CsrfMultipart, SignedIn};
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coach::imports::Fit;
use serde::Deserialize;
use store::StoredActivity;

/// Largest upload in one go: a year of watch files fits many times over.
pub const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;
use service::FILE_LIMIT;

/// Reads one uploaded file, at most [`FILE_LIMIT`] bytes: `Err` says what to
/// tell the walker about this file (the rest of it is skipped, not held).
/// One file's result: what happened in the walker's words, and the technical
/// line (format, activities, warnings, the reader's error) folded under it.
pub struct ResultView {
    pub ok: bool,
    pub file: String,
    /// Translation key of the headline.
    pub said: &'static str,
    pub details: String,
}

impl ResultView {
    fn new(ok: bool, file: &str, said: &'static str, details: String) -> ResultView {
        ResultView { ok, file: file.to_string(), said, details }
    }

    fn of(outcome: &service::FileOutcome, l: &words::I18n) -> ResultView {
        use service::FileOutcome::*;
        let (ok, file, said) = match outcome {
            Imported { file, .. } => (true, file, "import.said_added"),
            AlreadyImported { file, .. } => (true, file, "import.said_already"),
            NotAnActivity { file, what, .. } if what == service::UNTIMED => (true, file, "import.said_untimed"),
            NotAnActivity { file, .. } => (true, file, "import.said_not_activity"),
            Failed { file, reason: Some(service::Unreadable::Empty), .. } => (false, file, "import.said_empty"),
            Failed { file, reason: Some(service::Unreadable::Damaged), .. } => (false, file, "import.said_damaged"),
            Failed { file, .. } => (false, file, "import.said_unreadable"),
        };
        ResultView::new(ok, file, said, outcome.said(l))
    }
}

async fn read_capped(
    field: &mut axum::extract::multipart::Field<'_>,
    name: &str,
    l: &words::I18n,
) -> Result<Result<Vec<u8>, ResultView>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| AppError::upload(e.status()))? {
        if bytes.len() + chunk.len() > FILE_LIMIT {
            let mb = (FILE_LIMIT / (1024 * 1024)).to_string();
            let error = l.ta("import.line.too_big", &[("mb", &mb)]);
            let line = service::FileOutcome::Failed { file: name.into(), reason: None, error }.said(l);
            return Ok(Err(ResultView::new(false, name, "import.said_too_big", line)));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Ok(bytes))
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    l: Layout,
    /// One line per uploaded file, after an upload.
    results: Vec<ResultView>,
    waiting: Vec<StoredActivity>,
    all: Vec<StoredActivity>,
}

impl ImportPage {
    /// The sport in words, and the device's own text when it is not one we
    /// know (see `coach_words::sport`).
    fn sport(&self, a: &StoredActivity) -> (String, Option<String>) {
        words::coach_words::sport(&self.l.i18n, &a.activity.sport)
    }

    /// What the walker reads about an activity waiting for an answer.
    fn summary(&self, a: &StoredActivity) -> String {
        words::coach_words::activity_summary(&self.l.i18n, &a.activity)
    }

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
    results: Vec<ResultView>,
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

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    page_for(&state, &who, &s, Vec::new(), None)
}

/// Reads every uploaded file first, checks the CSRF token, then imports each
/// file in its own transaction.
pub async fn upload(
    State(state): State<AppState>,
    CsrfMultipart { who, mut multipart }: CsrfMultipart,
) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    // One import at a time: each file is read, imported and dropped before
    // the next, so memory stays within the budget plus one file.
    let _turn = state.import_turn().acquire().await.map_err(|_| AppError::Internal("import queue closed".into()))?;
    let mut results = Vec::new();
    let mut batch = service::ImportBatch::new(&s);
    while let Some(mut field) = multipart.next_field().await.map_err(|e| AppError::upload(e.status()))? {
        if field.name() != Some("files") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let bytes = match read_capped(&mut field, &name, &state.i18n()).await? {
            Ok(bytes) => bytes,
            Err(too_big) => {
                results.push(too_big);
                continue;
            }
        };
        // A browser sends one nameless, empty part when no file was chosen;
        // a chosen file that is empty gets its own "the file is empty" line.
        if name.is_empty() && bytes.is_empty() {
            continue;
        }
        let name = if name.is_empty() { "upload".to_string() } else { name };
        let outcome = batch.import_file(state.store(), &name, &bytes, false, state.now()).await?;
        drop(bytes);
        results.push(ResultView::of(&outcome, &state.i18n()));
    }
    // The page lists what is now stored, with the new activities' ids.
    let current = service::load(state.store(), who.access, s.today).await?;
    if results.is_empty() {
        return page_for(&state, &who, &current, Vec::new(), Some(state.i18n().t("import.none_chosen").to_string()))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response());
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

impl ConfirmPage {
    fn summary(&self) -> String {
        words::coach_words::activity_summary(&self.l.i18n, &self.activity.activity)
    }
}

pub async fn confirm_page(
    State(state): State<AppState>,
    Ready { who, s, .. }: Ready,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
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
    #[serde(default)]
    symptom: Vec<String>,
}

pub async fn confirm(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    f: ReadyForm<ConfirmFields>,
) -> Result<Response, AppError> {
    let s = &f.s;
    let result = async {
        let backward = match forms::text_opt(&f.form.backward) {
            Some("yes") => true,
            Some("no") => false,
            other => return Err(AppError::unexpected(format!("backward: expected yes or no, got {other:?}"))),
        };
        // No backward walking is logged while it is paused: say why, in the reader's words.
        if let (true, Some(p)) = (backward, s.pause()) {
            return Err(AppError::from(service::ServiceError::paused(&p)));
        }
        let session = service::LogInput {
            pain_before: forms::pain("pain_before", &f.form.pain_before)?,
            pain_peak: forms::pain("pain_peak", &f.form.pain_peak)?,
            pain_after: forms::pain("pain_after", &f.form.pain_after)?,
            symptoms: forms::symptoms(&f.form.symptom)?,
            ..Default::default()
        };
        let answer = service::Confirmation { backward, session };
        service::confirm_activity(state.store(), s, id, answer, &state.i18n(), state.now())
            .await
            .map_err(AppError::from)
    }
    .await;
    match result {
        // A stop is the first and only message: Today shows it, with no flash.
        Ok(Some(done)) if done.stop.is_some() => Ok(Redirect::to("/today").into_response()),
        Ok(Some(_)) => Ok(Redirect::to("/today?logged=1").into_response()),
        Ok(None) => Ok(Redirect::to("/import").into_response()),
        Err(AppError::BadInput(e)) => confirm_form(&state, &f.who, s, id, Some(state.i18n().problem(&e)))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}
