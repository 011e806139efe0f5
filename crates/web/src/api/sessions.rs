//! Sessions and check-ins: what was done and how the knee felt, and the progress they add up to.

use super::dto::*;
use super::{cached, named, parse_date, ready};
use crate::auth::extract::ApiAccount;
use crate::cache::Part;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coach::adaptation::Decision;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A session as sent, read with the same checks as the log form.
impl TryFrom<LogRequest> for service::LogInput {
    type Error = ApiError;

    fn try_from(r: LogRequest) -> Result<Self, ApiError> {
        let kmh = r.speed_kmh.map(|k| k.to_string());
        Ok(service::LogInput {
            date: parse_date("date", &r.date)?,
            minutes: r.minutes,
            bouts: r.bouts,
            speed_tenths: crate::forms::kmh_tenths("speed_kmh", &kmh)?,
            incline_pct: r.incline_pct,
            support: named(&r.support)?,
            surface: named(&r.surface)?,
            pain_before: Some(coach::Pain::parse_for("pain_before", r.pain_before)?),
            pain_peak: Some(coach::Pain::parse_for("pain_peak", r.pain_peak)?),
            pain_after: Some(coach::Pain::parse_for("pain_after", r.pain_after)?),
            rpe: r.rpe,
            symptoms: crate::forms::symptoms(&r.symptoms)?,
            notes: r.notes,
        })
    }
}

/// Logged sessions, oldest first, each with its check-in and decision.
#[utoipa::path(get, path = "/api/v1/sessions", security(("bearer" = [])), responses((status = 200, body = Vec<SessionDto>)))]
pub(super) async fn list_sessions(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiSessions, |s| {
        service::history(s)
            .iter()
            .map(|e| SessionDto::new(&e.session, e.morning_pain, e.decision.as_ref()))
            .collect::<Vec<_>>()
    })
    .await
}

/// Logs a session; the next dose is decided and stored with it.
#[utoipa::path(post, path = "/api/v1/sessions", security(("bearer" = [])), request_body = LogRequest,
    responses((status = 201, body = SessionDto), (status = 422)))]
pub(super) async fn log_session(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(r): Json<LogRequest>,
) -> Result<(StatusCode, Json<SessionDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let input = service::LogInput::try_from(r)?;
    let done = service::log_session(state.store(), &s, input, state.now()).await?;
    let mut dto = SessionDto::new(&done.logged, None, Some(&done.decision));
    dto.stop = done.stop.as_ref().map(PauseDto::from);
    Ok((StatusCode::CREATED, Json(dto)))
}

/// Records next-morning pain; it settles the next dose.
#[utoipa::path(post, path = "/api/v1/checkins", security(("bearer" = [])), request_body = CheckinRequest,
    responses((status = 201, body = CheckinResultDto), (status = 422)))]
pub(super) async fn check_in(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(r): Json<CheckinRequest>,
) -> Result<(StatusCode, Json<CheckinResultDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let pain = coach::Pain::parse_for("pain", r.pain)?;
    let symptoms = crate::forms::symptoms(&r.symptoms)?;
    let done = service::check_in(state.store(), &s, parse_date("date", &r.date)?, pain, symptoms, state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(CheckinResultDto {
            stop: done.stop.as_ref().map(PauseDto::from),
            session_date: done.checkin.session_date.to_string(),
            pain: pain.value(),
            decision: DecisionDto::from(&done.decision),
        }),
    ))
}

/// Weekly minutes, pain and adherence.
#[utoipa::path(get, path = "/api/v1/progress", security(("bearer" = [])), responses((status = 200, body = ProgressDto)))]
pub(super) async fn progress(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiProgress, progress_dto).await
}

fn progress_dto(s: &service::State) -> ProgressDto {
    let v = service::progress(s);
    ProgressDto {
        adherence_pct: v.adherence_pct,
        pain_after_change: v.pain_after_change,
        pain_after_words: v.pain_after_words.map(str::to_string),
        weeks: v
            .weeks
            .iter()
            .map(|w| WeekDto {
                week: w.week,
                start: w.start.to_string(),
                planned_sessions: w.planned_sessions,
                due_sessions: w.due_sessions,
                done_sessions: w.done_sessions,
                adherence_pct: w.adherence_pct,
                planned_minutes: w.planned_minutes,
                done_minutes: w.done_minutes,
                pain_before: w.pain_before,
                pain_after: w.pain_after,
                pain_next_morning: w.pain_next_morning,
            })
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    /// Only in the answer to a new log that stopped the programme: the first
    /// and only thing to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<PauseDto>,
    pub date: String,
    pub minutes: u8,
    pub bouts: u8,
    pub speed_kmh: Option<f64>,
    pub incline_pct: u8,
    pub support: String,
    pub surface: String,
    pub pain_before: u8,
    pub pain_peak: u8,
    pub pain_after: u8,
    pub rpe: Option<u8>,
    pub symptoms: Vec<String>,
    pub notes: String,
    pub morning_pain: Option<u8>,
    /// The decision this session led to.
    pub decision: Option<DecisionDto>,
}

impl SessionDto {
    pub fn new(l: &coach::history::SessionLog, morning_pain: Option<u8>, decision: Option<&Decision>) -> SessionDto {
        SessionDto {
            stop: None,
            date: l.date.to_string(),
            minutes: l.minutes,
            bouts: l.bouts,
            speed_kmh: l.speed_tenths.map(|t| f64::from(t) / 10.0),
            incline_pct: l.incline_pct,
            support: l.support.as_str().to_string(),
            surface: l.surface.as_str().to_string(),
            pain_before: l.pain_before.value(),
            pain_peak: l.pain_peak.value(),
            pain_after: l.pain_after.value(),
            rpe: l.rpe,
            symptoms: l.symptoms.iter().map(|s| s.as_str().to_string()).collect(),
            notes: l.notes.clone(),
            morning_pain,
            decision: decision.map(DecisionDto::from),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CheckinResultDto {
    /// Set when the check-in stopped the programme: the first and only thing to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<PauseDto>,
    pub session_date: String,
    pub pain: u8,
    pub decision: DecisionDto,
}

#[derive(Serialize, ToSchema)]
pub struct WeekDto {
    pub week: u32,
    pub start: String,
    pub planned_sessions: u32,
    /// Sessions whose day has passed (or today's, once logged), outside any pause.
    pub due_sessions: u32,
    pub done_sessions: u32,
    /// Done of due, percent; null while nothing is due.
    pub adherence_pct: Option<u32>,
    pub planned_minutes: u32,
    pub done_minutes: u32,
    pub pain_before: Option<f64>,
    pub pain_after: Option<f64>,
    pub pain_next_morning: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressDto {
    /// Done of due so far, percent; null while nothing is due.
    pub adherence_pct: Option<u32>,
    pub pain_after_change: Option<f64>,
    pub pain_after_words: Option<String>,
    pub weeks: Vec<WeekDto>,
}

#[derive(Deserialize, ToSchema)]
pub struct LogRequest {
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
    #[schema(minimum = 1, maximum = 120)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub minutes: Option<u8>,
    #[schema(minimum = 1, maximum = 30)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub bouts: Option<u8>,
    #[schema(minimum = 0.1, maximum = 8.0)]
    pub speed_kmh: Option<f64>,
    #[schema(minimum = 0, maximum = 15)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub incline_pct: Option<u8>,
    #[schema(pattern = "^(rails|light_touch|hands_free)$")]
    pub support: Option<String>,
    #[schema(pattern = "^(treadmill|overground)$")]
    pub surface: Option<String>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain_before: i64,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain_peak: i64,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain_after: i64,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub rpe: Option<u8>,
    #[serde(default)]
    pub symptoms: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Deserialize, ToSchema)]
pub struct CheckinRequest {
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain: i64,
    #[serde(default)]
    pub symptoms: Vec<String>,
}
