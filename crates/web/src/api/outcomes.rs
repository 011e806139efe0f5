//! Outcome measures and the questionnaires a clinic loads, with their scores.

use super::dto::*;
use super::{json_part, parse_date, ready, ready_entry};
use crate::auth::extract::ApiAccount;
use crate::cache::Part;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Each measure's first and latest result, and what the change means.
#[utoipa::path(get, path = "/api/v1/outcomes", security(("bearer" = [])), responses((status = 200, body = Vec<OutcomeRowDto>)))]
pub(super) async fn list_outcomes(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    if let Ok(entry) = ready_entry(&state, &a).await {
        return json_part(&entry, Part::ApiOutcomes, |s| {
            service::outcome_rows(&s.outcomes).iter().map(OutcomeRowDto::from).collect::<Vec<_>>()
        });
    }
    // Before set-up there is no state to keep; measures can be recorded already.
    let rows = service::outcome_table(state.store(), a.access).await?;
    Ok(Json(rows.iter().map(OutcomeRowDto::from).collect::<Vec<_>>()).into_response())
}

/// Records an outcome result (timed walks in seconds; own activities as a list).
#[utoipa::path(post, path = "/api/v1/outcomes", security(("bearer" = [])), request_body = OutcomeRequest,
    responses((status = 201, body = OutcomeResultDto), (status = 422)))]
pub(super) async fn record_outcome(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(r): Json<OutcomeRequest>,
) -> Result<(StatusCode, Json<OutcomeResultDto>), ApiError> {
    let walker = service::walker(state.store(), a.access).await?;
    let today = state.today_in(&walker.time_zone);
    let input = service::OutcomeInput {
        measure: coach::outcomes::Measure::typed(&r.measure)?,
        value: r.value,
        activities: r.activities.into_iter().map(|x| (x.name, x.score)).collect(),
        date: parse_date("date", &r.date)?.unwrap_or(today),
    };
    let done = service::record_outcome(state.store(), a.access, input, today, state.now()).await?;
    Ok((StatusCode::CREATED, Json(OutcomeResultDto::from(&done))))
}

/// The questionnaires the clinic loaded, with their questions.
#[utoipa::path(get, path = "/api/v1/questionnaires", security(("bearer" = [])), responses((status = 200, body = Vec<QuestionnaireDto>)))]
pub(super) async fn list_questionnaires(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    if let Ok(entry) = ready_entry(&state, &a).await {
        return json_part(&entry, Part::ApiQuestionnaires, |s| {
            s.questionnaires.iter().map(QuestionnaireDto::from).collect::<Vec<_>>()
        });
    }
    let all = service::questionnaires(state.store()).await?;
    Ok(Json(all.iter().map(QuestionnaireDto::from).collect::<Vec<_>>()).into_response())
}

/// Answers a loaded questionnaire; the answers are checked, scored and kept.
#[utoipa::path(post, path = "/api/v1/questionnaires/{id}/responses", security(("bearer" = [])),
    params(("id" = String, Path, description = "The questionnaire's id")), request_body = QuestionnaireAnswersRequest,
    responses((status = 201, body = QuestionnaireResultDto), (status = 404), (status = 422)))]
pub(super) async fn answer_questionnaire(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Path(id): axum::extract::Path<String>,
    Json(r): Json<QuestionnaireAnswersRequest>,
) -> Result<(StatusCode, Json<QuestionnaireResultDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let date = parse_date("date", &r.date)?;
    let done = service::answer_questionnaire(state.store(), &s, &id, r.answers, date, state.now()).await?;
    Ok((StatusCode::CREATED, Json(QuestionnaireResultDto::from(&done))))
}

#[derive(Deserialize, ToSchema)]
pub struct ActivityDto {
    pub name: String,
    #[schema(minimum = 0.0, maximum = 10.0)]
    pub score: f64,
}

#[derive(Deserialize, ToSchema)]
pub struct OutcomeRequest {
    /// pain_now, pain_worst_week, own_activities, global_change, chair_stand30s, timed_up_and_go, fast_walk40m, backward_walk3m.
    #[schema(
        pattern = "^(pain_now|pain_worst_week|own_activities|global_change|chair_stand30s|timed_up_and_go|fast_walk40m|backward_walk3m)$"
    )]
    pub measure: String,
    /// The result; timed walks in seconds. Not used for own_activities.
    pub value: Option<f64>,
    #[serde(default)]
    pub activities: Vec<ActivityDto>,
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeRowDto {
    pub measure: String,
    pub name: String,
    pub unit: String,
    pub first: f64,
    pub first_on: String,
    pub latest: f64,
    pub latest_on: String,
    pub change: Option<ChangeDto>,
}

impl From<&service::OutcomeRow> for OutcomeRowDto {
    fn from(r: &service::OutcomeRow) -> Self {
        OutcomeRowDto {
            measure: r.measure.as_str().to_string(),
            name: r.name.into(),
            unit: r.unit.into(),
            first: r.trend.first,
            first_on: r.trend.first_on.to_string(),
            latest: r.trend.latest,
            latest_on: r.trend.latest_on.to_string(),
            change: r.trend.change.as_ref().map(ChangeDto::from),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeResultDto {
    pub measure: String,
    pub value: f64,
    pub taken_on: String,
    pub change: Option<ChangeDto>,
    pub flags: Vec<String>,
    /// The new screening status, when this result changed it.
    pub screen_changed_to: Option<String>,
}

impl From<&service::Recorded> for OutcomeResultDto {
    fn from(r: &service::Recorded) -> Self {
        OutcomeResultDto {
            measure: r.record.measure.as_str().to_string(),
            value: r.record.value,
            taken_on: r.record.taken_on.to_string(),
            change: r.change.as_ref().map(ChangeDto::from),
            flags: r.flags.iter().map(|f| f.text.clone()).collect(),
            screen_changed_to: r.screen_changed.as_ref().map(|o| o.status.label().to_string()),
        }
    }
}

/// A questionnaire the clinic loaded.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireDto {
    pub id: String,
    pub title: String,
    pub version: String,
    pub copyright: String,
    pub items: Vec<QuestionnaireItemDto>,
    /// Subscale names, in scoring order.
    pub subscales: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireItemDto {
    pub link_id: String,
    pub text: String,
    pub section: String,
    pub required: bool,
    pub options: Vec<AnswerOptionDto>,
}

#[derive(Serialize, ToSchema)]
pub struct AnswerOptionDto {
    pub code: String,
    pub display: String,
}

impl From<&store::LoadedQuestionnaire> for QuestionnaireDto {
    fn from(l: &store::LoadedQuestionnaire) -> Self {
        let q = &l.questionnaire;
        QuestionnaireDto {
            id: q.id.clone(),
            title: q.title.clone(),
            version: q.version.clone(),
            copyright: q.copyright.clone(),
            items: q
                .items
                .iter()
                .map(|i| QuestionnaireItemDto {
                    link_id: i.link_id.clone(),
                    text: i.text.clone(),
                    section: i.section.clone(),
                    required: i.required,
                    options: i
                        .options
                        .iter()
                        .map(|o| AnswerOptionDto { code: o.code.clone(), display: o.display.clone() })
                        .collect(),
                })
                .collect(),
            subscales: l.scoring.subscales.iter().map(|s| s.name.clone()).collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct QuestionnaireAnswersRequest {
    /// linkId -> answer code; a question may be left out unless it is required.
    pub answers: std::collections::BTreeMap<String, String>,
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireResultDto {
    pub questionnaire: String,
    pub title: String,
    pub taken_on: String,
    pub scores: Vec<SubscaleScoreDto>,
}

#[derive(Serialize, ToSchema)]
pub struct SubscaleScoreDto {
    pub id: String,
    pub name: String,
    /// 0-100, or null when too few items were answered.
    pub score: Option<f64>,
    pub answered: usize,
    pub of: usize,
    pub needed: usize,
}

impl From<&store::QuestionnaireResult> for QuestionnaireResultDto {
    fn from(r: &store::QuestionnaireResult) -> Self {
        QuestionnaireResultDto {
            questionnaire: r.questionnaire.clone(),
            title: r.title.clone(),
            taken_on: r.taken_on.to_string(),
            scores: r
                .scores
                .iter()
                .map(|s| SubscaleScoreDto {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    score: s.score,
                    answered: s.answered,
                    of: s.of,
                    needed: s.needed,
                })
                .collect(),
        }
    }
}
