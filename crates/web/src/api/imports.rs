//! Activity files from watches and treadmills, and the walker's answer about each matched walk.

use super::dto::*;
use super::{cached, ready};
use crate::auth::extract::ApiAccount;
use crate::cache::Part;
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ImportQuery {
    /// The file's name, for the reply and the record.
    file_name: String,
    /// Read and report, write nothing.
    #[serde(default)]
    dry_run: bool,
}

/// Imports one FIT, GPX or TCX file sent as the request body. The reply says
/// what became of it: imported (with its activities), already imported, not an
/// activity, or failed with where and why.
#[utoipa::path(post, path = "/api/v1/imports", security(("bearer" = [])), params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, description = "What became of the file (`result`: imported, already_imported, not_an_activity, failed)")))]
pub(super) async fn import_file(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Query(q): axum::extract::Query<ImportQuery>,
    body: axum::body::Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    // One file per request: a request without one is a bad request, not a
    // file that failed (the web form, taking several, reports it per file).
    if body.is_empty() {
        return Err(AppError::bad("body: send the file's bytes as the request body; it was empty").into());
    }
    let s = ready(&state, &a).await?;
    let _turn = state.import_turn().acquire().await.map_err(|_| AppError::Internal("import queue closed".into()))?;
    let outcome =
        service::ImportBatch::new(&s).import_file(state.store(), &q.file_name, &body, q.dry_run, state.now()).await?;
    Ok(Json(serde_json::to_value(&outcome).map_err(|e| ApiError::from(AppError::bad(e.to_string())))?))
}

/// Imported activities, oldest first.
#[utoipa::path(get, path = "/api/v1/activities", security(("bearer" = [])), responses((status = 200, body = Vec<ImportedActivityDto>)))]
pub(super) async fn list_activities(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiActivities, |s| s.activities.iter().map(ImportedActivityDto::from).collect::<Vec<_>>())
        .await
}

/// The walker's answer for an imported walk on a backward-walking day.
#[utoipa::path(post, path = "/api/v1/activities/{id}/confirmation", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The activity's id")), request_body = ConfirmationRequest,
    responses((status = 200, description = "The session logged, or null when it was not backward"), (status = 404), (status = 422)))]
pub(super) async fn confirm_activity(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Path(id): axum::extract::Path<i64>,
    Json(r): Json<ConfirmationRequest>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let s = ready(&state, &a).await?;
    let pain = |field: &str, v: Option<i64>| v.map(|v| coach::Pain::parse_for(field, v)).transpose();
    let session = service::LogInput {
        pain_before: pain("pain_before", r.pain_before)?,
        pain_peak: pain("pain_peak", r.pain_peak)?,
        pain_after: pain("pain_after", r.pain_after)?,
        rpe: r.rpe,
        symptoms: r.symptoms.iter().map(|x| coach::history::Symptom::typed(x)).collect::<Result<_, _>>()?,
        ..Default::default()
    };
    let answer = service::Confirmation { backward: r.backward, session };
    let done = service::confirm_activity(state.store(), &s, id, answer, &words::I18n::english(), state.now()).await?;
    Ok(Json(serde_json::to_value(&done).map_err(|e| ApiError::from(AppError::bad(e.to_string())))?))
}

#[derive(Deserialize, ToSchema)]
pub struct ConfirmationRequest {
    /// Was the walk backward? If so it becomes that day's session and the pains are required.
    pub backward: bool,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub pain_before: Option<i64>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub pain_peak: Option<i64>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub pain_after: Option<i64>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub rpe: Option<u8>,
    /// Red-flag symptom ids, as for a session.
    #[serde(default)]
    pub symptoms: Vec<String>,
}

/// An imported activity and where it went in the programme.
#[derive(Serialize, ToSchema)]
pub struct ImportedActivityDto {
    pub id: i64,
    pub file_name: String,
    pub start: String,
    pub local_date: String,
    pub local_time: String,
    pub sport: String,
    pub minutes: u32,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub cadence_spm: Option<f64>,
    /// `planned_session`, `aerobic` or `extra`.
    pub fit: String,
    /// The walker's answer for a planned session, once given.
    pub backward: Option<bool>,
    pub summary: String,
}

impl From<&store::StoredActivity> for ImportedActivityDto {
    fn from(s: &store::StoredActivity) -> Self {
        let a = &s.activity;
        ImportedActivityDto {
            id: s.id,
            file_name: s.file_name.clone(),
            start: a.start.to_string(),
            local_date: a.local_date.to_string(),
            local_time: a.local_time.clone(),
            sport: a.sport.clone(),
            minutes: a.minutes(),
            distance_m: a.distance_m,
            avg_hr: a.avg_hr,
            max_hr: a.max_hr,
            cadence_spm: a.cadence_spm,
            fit: a.fit.as_str().to_string(),
            backward: a.backward,
            summary: a.summary(),
        }
    }
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct MotionQuery {
    /// The file's name, for the record.
    #[serde(default)]
    file_name: Option<String>,
    /// Seconds at the recording's start known to be forward walking (a
    /// warm-up), 0 to 3600: they set the direction for this walker's own
    /// step. Without it, the sign most people's forward walking gives.
    #[serde(default)]
    forward_s: Option<f64>,
    /// The parts of a guided session prescribed as backward walking, in
    /// seconds on the recording's clock: `from-to`, separated by commas
    /// (`300-480,540-660`). A bout found forward there is said to the walker.
    #[serde(default)]
    backward_parts: Option<String>,
    /// The acceleration's unit, when the header does not say it: `m/s2` or `g`.
    #[serde(default)]
    acc_unit: Option<String>,
    /// The rotation's unit, when the header does not say it: `rad/s` or `deg/s`.
    #[serde(default)]
    gyr_unit: Option<String>,
    /// The time column's unit, when the header does not say it: `s`, `ms`, `ns` or `samples`.
    #[serde(default)]
    time_unit: Option<String>,
    /// Samples a second, 1 to 1000: the rate of a sample-count clock, or the
    /// rate to even out a phone's clock to.
    #[serde(default)]
    rate_hz: Option<String>,
}

/// Adds one IMU recording (the request body: a CSV or IPOL text, as
/// `retrowalk motion analyse` reads) to the session logged on `date`; its
/// analysis is kept, not the samples. A day without a session, or a file
/// kept already for the walker, is a conflict;
/// a file that cannot be read, or holds no walking, is refused with where
/// and why, and nothing is kept.
#[utoipa::path(post, path = "/api/v1/sessions/{date}/motion", security(("bearer" = [])),
    params(("date" = String, Path, format = Date, description = "The session's day, YYYY-MM-DD"), MotionQuery),
    request_body(content = Vec<u8>, content_type = "text/csv"),
    responses((status = 201, description = "The recording's analysis"), (status = 409), (status = 422)))]
pub(super) async fn add_motion(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Path(date): axum::extract::Path<String>,
    axum::extract::Query(q): axum::extract::Query<MotionQuery>,
    body: axum::body::Bytes,
) -> Result<(axum::http::StatusCode, Json<coach::motion::Motion>), ApiError> {
    let date = super::parse_date("date", &Some(date))?
        .ok_or_else(|| ApiError::from(AppError::bad("date: the session's day, YYYY-MM-DD")))?;
    let s = ready(&state, &a).await?;
    let name = q.file_name.unwrap_or_else(|| "upload".into());
    let known = service::motion::Known {
        forward_s: q.forward_s,
        backward_parts: service::motion::backward_parts(q.backward_parts.as_deref().unwrap_or(""))?,
        stated: service::motion::stated(
            q.acc_unit.as_deref(),
            q.gyr_unit.as_deref(),
            q.time_unit.as_deref(),
            q.rate_hz.as_deref(),
        )?,
    };
    let analysed = crate::recordings::analysed(&state, &s, date, name, body, known).await??;
    service::motion::keep(state.store(), &s, &analysed, state.now()).await?;
    Ok((axum::http::StatusCode::CREATED, Json(analysed.motion)))
}

/// A motion recording as kept: its analysis in totals, bout by bout in `bouts`.
#[derive(Serialize, ToSchema)]
pub struct MotionRecordingDto {
    pub id: i64,
    /// The logged session's day, YYYY-MM-DD.
    pub session: String,
    /// `phone` (recorded during the guided session) or the uploaded file's name.
    pub source: String,
    pub duration_s: f64,
    pub steps: u32,
    pub backward_min: f64,
    pub forward_min: f64,
    /// Steps a minute over all bouts; null without walking.
    pub cadence: Option<f64>,
    /// Step-time coefficient of variation, percent; null without walking.
    pub step_time_cv: Option<f64>,
    /// One side's step times against the other's, percent of the step time; null without walking.
    pub asymmetry: Option<f64>,
    /// Minutes that looked like walking forward in the parts of the session
    /// prescribed as backward walking (the phone's own recording says where
    /// they are), for the walker's information.
    pub forward_in_backward_min: f64,
    /// Each bout: start and end (s), direction, confidence, steps, cadence, variability, asymmetry, `in_backward_part`.
    #[schema(value_type = Vec<Object>)]
    pub bouts: Vec<coach::motion::MotionBout>,
    /// The direction was read against the walker's own forward steps (the
    /// warm-up sent as `forward_s`), not the way most people's steps run.
    pub own_direction: bool,
}

impl From<&store::StoredMotion> for MotionRecordingDto {
    fn from(s: &store::StoredMotion) -> Self {
        let m = &s.motion;
        MotionRecordingDto {
            id: s.id,
            session: m.session.to_string(),
            source: m.source.clone(),
            duration_s: m.duration_s,
            steps: m.steps(),
            backward_min: m.minutes(true),
            forward_min: m.minutes(false),
            cadence: m.cadence(),
            step_time_cv: m.step_time_cv(),
            asymmetry: m.asymmetry(),
            forward_in_backward_min: m.forward_in_backward_parts(),
            bouts: m.bouts.clone(),
            own_direction: m.own_direction,
        }
    }
}

/// The walker's motion recordings, oldest first.
#[utoipa::path(get, path = "/api/v1/motion", security(("bearer" = [])), responses((status = 200, body = Vec<MotionRecordingDto>)))]
pub(super) async fn list_motion(
    State(state): State<AppState>,
    a: ApiAccount,
) -> Result<Json<Vec<MotionRecordingDto>>, ApiError> {
    let s = ready(&state, &a).await?;
    Ok(Json(s.motions.iter().map(MotionRecordingDto::from).collect()))
}

/// Deletes one motion recording; the session stays logged.
#[utoipa::path(delete, path = "/api/v1/motion/{id}", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The recording's id")),
    responses((status = 204, description = "Deleted"), (status = 404)))]
pub(super) async fn delete_motion(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<axum::http::StatusCode, ApiError> {
    service::motion::delete(state.store(), a.access, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
