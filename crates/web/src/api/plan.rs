//! The set-up and what follows from it: today's session, the plan, and the evidence behind every rule.

use super::dto::*;
use super::{ApiResult, cached, json_response};
use crate::auth::extract::ApiAccount;
use crate::cache::Part;
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coach::today::TodayView;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};
use utoipa::ToSchema;

fn setup_dto(s: &coach::setup::Setup) -> SetupDto {
    SetupDto {
        equipment: s.equipment.items().map(|i| i.as_str().to_string()).collect(),
        training_days: s.training_days.iter().map(|d| d.as_str().to_string()).collect(),
        start: s.start.to_string(),
        time_zone: s.time_zone.clone(),
        baseline_pain: i64::from(s.baseline_pain.value()),
        weeks: Some(s.weeks),
        forward_speed_kmh: Some(f64::from(s.forward_speed_tenths) / 10.0),
    }
}

/// The active set-up.
#[utoipa::path(get, path = "/api/v1/setup", security(("bearer" = [])), responses((status = 200, body = SetupDto), (status = 404)))]
pub(super) async fn get_setup(State(state): State<AppState>, a: ApiAccount) -> ApiResult<SetupDto> {
    let setup = service::current_setup(state.store(), a.access).await?.ok_or(ApiError(AppError::NotFound))?;
    Ok(Json(setup_dto(&setup)))
}

/// Saves a set-up; it becomes the active programme.
#[utoipa::path(put, path = "/api/v1/setup", security(("bearer" = [])), request_body = SetupDto,
    responses((status = 200, body = SetupDto), (status = 422)))]
pub(super) async fn put_setup(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<SetupDto>,
) -> ApiResult<SetupDto> {
    let setup = crate::forms::setup(&crate::forms::SetupInput::from(&req))?;
    service::set_up(state.store(), a.access, &setup, state.now()).await?;
    Ok(Json(setup_dto(&setup)))
}

/// What to do today, and why.
#[utoipa::path(get, path = "/api/v1/today", security(("bearer" = [])), responses((status = 200, body = TodayDto), (status = 422)))]
pub(super) async fn today(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiToday, |s| TodayDto::from(&service::today(s))).await
}

/// Every planned session with its status and dose, and the current decision.
#[utoipa::path(get, path = "/api/v1/plan", security(("bearer" = [])), responses((status = 200, body = PlanDto)))]
pub(super) async fn plan(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiPlan, plan_dto).await
}

fn plan_dto(s: &service::State) -> PlanDto {
    let p = service::plan(s);
    let sessions = p
        .weeks
        .iter()
        .flat_map(|w| w.days.iter())
        .filter_map(|d| {
            d.retro.as_ref().map(|r| PlanSessionDto {
                date: d.date.to_string(),
                status: r.status.into(),
                dose: r.dose.as_ref().map(DoseDto::from),
                summary: r.summary.clone(),
            })
        })
        .collect();
    PlanDto {
        start: p.start.to_string(),
        end: p.end.to_string(),
        supported_only: p.supported_only,
        pause: p.pause.as_ref().map(PauseDto::from),
        notices: p.notices.iter().map(NoticeDto::from).collect(),
        current: p.current.as_ref().map(DecisionDto::from),
        sessions,
    }
}

/// The evidence rows behind every rule.
#[utoipa::path(get, path = "/api/v1/evidence", responses((status = 200, body = Vec<EvidenceDto>)))]
pub(super) async fn evidence() -> Response {
    // The same for everyone and for the server's life: serialised once.
    static JSON: OnceLock<Arc<str>> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        let rows: Vec<EvidenceDto> = coach::evidence::ALL
            .iter()
            .map(|e| EvidenceDto {
                id: e.id.into(),
                certainty: e.certainty.tag().into(),
                section: e.section.into(),
                finding: e.finding.into(),
                source: e.source.into(),
            })
            .collect();
        serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into()).into()
    });
    json_response(Arc::clone(json))
}

#[derive(Serialize, ToSchema)]
pub struct SessionPlanDto {
    pub dose: DoseDto,
    pub bouts: Vec<u8>,
    pub rest_minutes: u8,
    pub warm_up_minutes: u8,
    pub cool_down_minutes: u8,
    pub speed: String,
    pub support: String,
    pub why: DecisionDto,
    pub tips: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemDto {
    pub id: String,
    pub name: String,
    pub dose: String,
    pub why: String,
}

#[derive(Serialize, ToSchema)]
pub struct TodayDto {
    pub date: String,
    pub week: u32,
    /// `blocked`, `clearance_needed`, `stopped`, `before_start`, `session`, `done`, `rest` or `complete`.
    pub kind: String,
    pub headline: String,
    pub session: Option<SessionPlanDto>,
    pub items: Vec<ItemDto>,
    pub next_session: Option<String>,
    pub checkin_due_for: Option<String>,
    pub reasons: Vec<String>,
    /// Set while backward walking is paused; `session` is then null.
    pub pause: Option<PauseDto>,
    pub notices: Vec<NoticeDto>,
}

impl From<&TodayView> for TodayDto {
    fn from(v: &TodayView) -> Self {
        TodayDto {
            date: v.date.to_string(),
            week: v.week,
            kind: v.kind.as_str().to_string(),
            headline: v.headline.clone(),
            session: v.retro.as_ref().map(|r| SessionPlanDto {
                dose: DoseDto::from(&r.dose),
                bouts: r.bouts.clone(),
                rest_minutes: r.rest_minutes,
                warm_up_minutes: r.warm_up_minutes,
                cool_down_minutes: r.cool_down_minutes,
                speed: r.speed.clone(),
                support: r.support.into(),
                why: DecisionDto::from(&r.why),
                tips: r.tips.iter().map(|t| t.to_string()).collect(),
            }),
            items: v
                .items
                .iter()
                .map(|i| ItemDto {
                    id: i.exercise.id.into(),
                    name: i.exercise.name.into(),
                    dose: i.dose.clone(),
                    why: i.exercise.why.into(),
                })
                .collect(),
            next_session: v.next_session.map(|d| d.to_string()),
            checkin_due_for: v.checkin_due_for.map(|d| d.to_string()),
            reasons: v.reasons.clone(),
            pause: v.pause.as_ref().map(PauseDto::from),
            notices: v.notices.iter().map(NoticeDto::from).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PlanSessionDto {
    pub date: String,
    /// `done`, `missed`, `today`, `planned` or `paused` (no dose).
    pub status: String,
    pub dose: Option<DoseDto>,
    pub summary: String,
}

#[derive(Serialize, ToSchema)]
pub struct PlanDto {
    pub start: String,
    pub end: String,
    pub supported_only: bool,
    /// Set while backward walking is paused: why, and what ends it.
    pub pause: Option<PauseDto>,
    pub notices: Vec<NoticeDto>,
    pub current: Option<DecisionDto>,
    pub sessions: Vec<PlanSessionDto>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceDto {
    pub id: String,
    /// `V` checked, `S` secondary, `D` our design choice.
    pub certainty: String,
    pub section: String,
    pub finding: String,
    pub source: String,
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct SetupDto {
    /// Any of treadmill, safety_key, handrails, bike, pool.
    pub equipment: Vec<String>,
    /// mon … sun.
    pub training_days: Vec<String>,
    #[schema(format = Date)]
    pub start: String,
    pub time_zone: String,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub baseline_pain: i64,
    #[schema(minimum = 1, maximum = 52)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub weeks: Option<u8>,
    #[schema(minimum = 1.0, maximum = 7.0)]
    pub forward_speed_kmh: Option<f64>,
}

/// The API's set-up is read as the form's is (same checks, same words).
impl From<&SetupDto> for crate::forms::SetupInput {
    fn from(d: &SetupDto) -> Self {
        crate::forms::SetupInput {
            equipment: d.equipment.clone(),
            days: d.training_days.clone(),
            start: Some(d.start.clone()),
            time_zone: Some(d.time_zone.clone()),
            baseline_pain: Some(d.baseline_pain.to_string()),
            weeks: d.weeks.map(|w| w.to_string()),
            forward_speed: d.forward_speed_kmh.map(|f| f.to_string()),
        }
    }
}
