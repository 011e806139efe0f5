//! Screening: the questions, the answers and their outcome, a professional's clearance, and a clinician's restart.

use super::dto::*;
use super::{ApiResult, ready};
use crate::auth::extract::ApiAccount;
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use coach::screening::Outcome;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The screening questions, in our own words.
#[utoipa::path(get, path = "/api/v1/questions", responses((status = 200, body = Vec<QuestionDto>)))]
pub(super) async fn questions() -> Json<Vec<QuestionDto>> {
    Json(
        coach::screening::QUESTIONS
            .iter()
            .map(|q| QuestionDto {
                id: q.id.as_str().to_string(),
                topic: q.topic.as_str().to_string(),
                text: q.text.into(),
            })
            .collect(),
    )
}

/// The latest screening outcome.
#[utoipa::path(get, path = "/api/v1/screening", security(("bearer" = [])), responses((status = 200, body = OutcomeDto), (status = 404)))]
pub(super) async fn get_screening(State(state): State<AppState>, a: ApiAccount) -> ApiResult<OutcomeDto> {
    let s = service::latest_screening(state.store(), a.access).await?.ok_or(ApiError(AppError::NotFound))?;
    Ok(Json(OutcomeDto::from(&s.outcome)))
}

/// Answers the screening (again); the outcome follows the answers.
#[utoipa::path(put, path = "/api/v1/screening", security(("bearer" = [])), request_body = ScreeningRequest,
    responses((status = 200, body = OutcomeDto), (status = 422)))]
pub(super) async fn put_screening(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<ScreeningRequest>,
) -> ApiResult<OutcomeDto> {
    let mut answers = coach::screening::Answers {
        tug_seconds: req.tug_seconds,
        backward_3m_seconds: req.backward_3m_seconds,
        ..Default::default()
    };
    for (k, v) in &req.answers {
        let q: coach::screening::Question =
            k.parse().map_err(|_| ApiError(AppError::bad(format!("answers.{k}: not a screening question"))))?;
        answers.answers.insert(q, *v);
    }
    let outcome = service::screen(state.store(), a.access, &answers, state.now()).await?;
    Ok(Json(OutcomeDto::from(&outcome)))
}

/// Records a professional's clearance.
#[utoipa::path(post, path = "/api/v1/clearance", security(("bearer" = [])), request_body = ClearanceRequest,
    responses((status = 200, body = OutcomeDto), (status = 422)))]
pub(super) async fn post_clearance(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<ClearanceRequest>,
) -> ApiResult<OutcomeDto> {
    let now = state.now();
    let outcome = service::clear(state.store(), a.access, &req.by, &req.role, now, &req.note, now).await?;
    Ok(Json(OutcomeDto::from(&outcome)))
}

/// A restart as sent, read with the same checks as the restart form.
impl TryFrom<RestartRequest> for service::RestartInput {
    type Error = ApiError;

    fn try_from(req: RestartRequest) -> Result<Self, ApiError> {
        let minutes = req.minutes.map(|m| m.to_string());
        Ok(service::RestartInput {
            dose: service::DoseInput {
                minutes: crate::forms::small("minutes", &minutes, 3, 20)?,
                ..Default::default()
            },
            by: req.by,
            role: req.role,
            note: req.note,
        })
    }
}

/// Records a clinician's restart of a programme the coach stopped (red flag
/// or two step-backs): who, role, note and the dose it restarts at.
#[utoipa::path(post, path = "/api/v1/restart", security(("bearer" = [])), request_body = RestartRequest,
    responses((status = 201, body = RestartDto), (status = 422)))]
pub(super) async fn post_restart(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<RestartRequest>,
) -> Result<(StatusCode, Json<RestartDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let done = service::restart(state.store(), &s, service::RestartInput::try_from(req)?, state.now()).await?;
    let r = &done.restart;
    Ok((
        StatusCode::CREATED,
        Json(RestartDto {
            by: r.by.clone(),
            role: r.role.clone(),
            note: r.reason.clone(),
            signed_at: r.signed_at.map(|t| t.to_string()),
            effective: r.effective.to_string(),
            dose: DoseDto::from(&r.dose),
            decision: DecisionDto::from(&done.decision),
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct ReasonDto {
    pub code: String,
    pub rule: String,
    pub evidence: Vec<String>,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeDto {
    /// `blocked`, `clearance_needed`, `supported_only` or `cleared`.
    pub status: String,
    pub next_step: String,
    pub reasons: Vec<ReasonDto>,
    pub needs_clearance_for: Vec<String>,
    pub rules_version: String,
}

impl From<&Outcome> for OutcomeDto {
    fn from(o: &Outcome) -> Self {
        OutcomeDto {
            status: o.status.label().into(),
            next_step: o.next_step.clone(),
            reasons: o
                .reasons
                .iter()
                .map(|r| ReasonDto {
                    code: r.code.clone(),
                    rule: r.rule.clone(),
                    evidence: r.evidence.clone(),
                    text: r.text.clone(),
                })
                .collect(),
            needs_clearance_for: o.needs_clearance_for.iter().map(|q| q.as_str().to_string()).collect(),
            rules_version: o.rules_version.clone(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ClearanceRequest {
    pub by: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub note: String,
}

/// A clinician's restart of a programme the coach stopped.
#[derive(Deserialize, ToSchema)]
pub struct RestartRequest {
    pub by: String,
    /// The clinician's role, e.g. physiotherapist.
    pub role: String,
    #[serde(default)]
    pub note: String,
    /// Minutes to restart at (3-20); default the programme's start dose.
    #[schema(minimum = 3, maximum = 20)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub minutes: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct RestartDto {
    pub by: String,
    pub role: String,
    pub note: String,
    pub signed_at: Option<String>,
    pub effective: String,
    /// The dose it restarts at.
    pub dose: DoseDto,
    pub decision: DecisionDto,
}

#[derive(Deserialize, ToSchema)]
pub struct ScreeningRequest {
    /// Every question id with true or false (see GET /api/v1/questions).
    pub answers: std::collections::BTreeMap<String, bool>,
    #[schema(exclusive_minimum = 0.0, maximum = 300.0)]
    pub tug_seconds: Option<f64>,
    #[schema(exclusive_minimum = 0.0, maximum = 300.0)]
    pub backward_3m_seconds: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionDto {
    pub id: String,
    /// `general_health`, `knee` or `balance`.
    pub topic: String,
    pub text: String,
}
