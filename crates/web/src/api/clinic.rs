//! Clinic mode for clinicians (the patient list) and for a clinic's admins
//! (its people).

use super::ApiResult;
use crate::auth::extract::{ApiAccount, ClientAddr};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One walker in the clinician's care.
#[derive(Serialize, ToSchema)]
pub struct PatientDto {
    pub walker: i64,
    pub name: String,
    pub week: u32,
    /// Today's backward walking in a line: the dose, none today, or why it is paused.
    pub today: String,
    /// Sessions done of those due in the last 14 days, in percent.
    pub adherence_14d: Option<u32>,
    #[schema(format = Date)]
    pub last_activity: Option<String>,
    pub last_decision: Option<LastDecisionDto>,
    /// Open flags, most urgent first.
    pub flags: Vec<FlagDto>,
    /// Flags a clinician has acknowledged, with their note.
    pub acknowledged: Vec<AcknowledgedDto>,
    /// Messages from the walker the care team has not read.
    pub unread: u64,
}

#[derive(Serialize, ToSchema)]
pub struct AcknowledgedDto {
    pub flag: FlagDto,
    pub note: String,
    /// The clinician's account id.
    pub by: i64,
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct LastDecisionDto {
    pub rule: String,
    pub reason: String,
    #[schema(format = Date)]
    pub effective: String,
    /// A clinician approved it as it stands.
    pub approved: bool,
}

#[derive(Serialize, ToSchema)]
pub struct FlagDto {
    /// critical, high or low.
    pub severity: String,
    /// The rule that raised it, e.g. F-RED-FLAG.
    pub rule: String,
    pub text: String,
    #[schema(format = Date)]
    pub since: String,
}

impl From<&service::clinics::PatientRow> for PatientDto {
    fn from(r: &service::clinics::PatientRow) -> Self {
        PatientDto {
            walker: r.walker.0,
            name: r.name.clone(),
            week: r.week,
            today: r.today.clone(),
            adherence_14d: r.adherence_14d,
            last_activity: r.last_activity.map(|d| d.to_string()),
            last_decision: r.last_decision.as_ref().map(|d| LastDecisionDto {
                rule: d.rule.clone(),
                reason: d.reason.clone(),
                effective: d.effective.to_string(),
                approved: d.approved,
            }),
            flags: r.flags.iter().map(FlagDto::from).collect(),
            acknowledged: r
                .acknowledged
                .iter()
                .map(|a| AcknowledgedDto {
                    flag: FlagDto::from(&a.flag),
                    note: a.review.note.clone(),
                    by: a.review.account.0,
                    at: a.review.at.to_string(),
                })
                .collect(),
            unread: r.unread,
        }
    }
}

impl From<&coach::flags::Flag> for FlagDto {
    fn from(f: &coach::flags::Flag) -> Self {
        FlagDto {
            severity: f.severity.as_str().into(),
            rule: f.rule.into(),
            text: f.text.clone(),
            since: f.since.to_string(),
        }
    }
}

/// The signed-in clinician's patient list: every walker in their care, the
/// most urgent first. Empty for an account that cares for nobody. Filters:
/// `flag` (a rule, e.g. F-FALL), `unseen=1` (walker page not opened this
/// week), `q` (words in the name).
#[utoipa::path(get, path = "/api/v1/patients", security(("bearer" = [])),
    params(("flag" = Option<String>, Query, description = "Only rows with this flag open (F-FALL …); empty: any"),
           ("unseen" = Option<String>, Query, description = "1: only walkers no clinician opened this week"),
           ("q" = Option<String>, Query, description = "Words in the walker's name"),
           ("offset" = Option<u32>, Query, minimum = 0, maximum = 1000000, description = "Rows to skip (after sorting)"),
           ("limit" = Option<u32>, Query, minimum = 1, maximum = 500, description = "Rows to return, 1 to 500; default 100")),
    responses((status = 200, body = Vec<PatientDto>), (status = 422)))]
pub(super) async fn patients(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Query(f): Query<crate::forms::PatientQuery>,
) -> ApiResult<Vec<PatientDto>> {
    let actor = service::Actor::account(&a.account);
    let filter = f.filter()?;
    let cache = state.patient_rows();
    let rows = service::clinics::patients(state.store(), &actor, &filter, cache, &client, state.now(), |tz| {
        state.today_in(tz)
    })
    .await?;
    Ok(Json(rows.rows.iter().map(PatientDto::from).collect()))
}

/// One of a clinic's people.
#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    pub account: i64,
    pub email: String,
    pub name: String,
    /// `clinician` or `admin`.
    pub role: String,
    pub since: String,
}

impl From<&service::clinic_admin::Member> for MemberDto {
    fn from(m: &service::clinic_admin::Member) -> Self {
        MemberDto {
            account: m.account.0,
            email: m.email.clone(),
            name: m.name.clone(),
            role: m.role.as_str().into(),
            since: m.since.to_string(),
        }
    }
}

/// The clinic's people, admins first: for the clinic's admins only.
#[utoipa::path(get, path = "/api/v1/clinics/{id}/members", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The clinic's id")),
    responses((status = 200, body = Vec<MemberDto>), (status = 404)))]
pub(super) async fn members(
    State(state): State<AppState>,
    a: ApiAccount,
    Path(id): Path<i64>,
) -> ApiResult<Vec<MemberDto>> {
    let actor = service::Actor::account(&a.account);
    let people = service::clinic_admin::members(state.store(), &actor, store::ClinicId(id)).await?;
    Ok(Json(people.iter().map(MemberDto::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct MemberRequest {
    /// The e-mail of their retrowalk account.
    #[serde(default)]
    pub email: String,
    /// `clinician` or `admin`.
    #[serde(default)]
    pub role: String,
}

/// Gives the account with this e-mail a role at the clinic (its admins only).
#[utoipa::path(post, path = "/api/v1/clinics/{id}/members", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The clinic's id")), request_body = MemberRequest,
    responses((status = 201, body = MemberDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn add_member(
    State(state): State<AppState>,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<MemberRequest>,
) -> Result<(StatusCode, Json<MemberDto>), super::ApiError> {
    let actor = service::Actor::account(&a.account);
    let clinic = store::ClinicId(id);
    // A clinic the account does not run is "not found", whatever was asked.
    service::clinics::may_manage(state.store(), &actor, clinic).await.map_err(crate::error::AppError::from)?;
    let role = crate::forms::named::<store::MemberRole>(&Some(req.role))?
        .ok_or_else(|| crate::error::AppError::bad("role: clinician or admin"))?;
    let m = service::clinic_admin::add_by_email(state.store(), &actor, clinic, &req.email, role, state.now()).await?;
    Ok((StatusCode::CREATED, Json(MemberDto::from(&m))))
}

/// Ends a membership at the clinic, and the account's places on its care teams (its admins only; not their own).
#[utoipa::path(delete, path = "/api/v1/clinics/{id}/members/{account}", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The clinic's id"), ("account" = i64, Path, description = "The member's account id")),
    responses((status = 204), (status = 404), (status = 409)))]
pub(super) async fn remove_member(
    State(state): State<AppState>,
    a: ApiAccount,
    Path((id, account)): Path<(i64, i64)>,
) -> Result<StatusCode, super::ApiError> {
    let actor = service::Actor::account(&a.account);
    service::clinic_admin::remove(state.store(), &actor, store::ClinicId(id), store::AccountId(account), state.now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One of the clinic's own questionnaires.
#[derive(Serialize, ToSchema)]
pub struct ClinicQuestionnaireDto {
    pub id: String,
    pub title: String,
    pub version: String,
    pub questions: usize,
    /// The subscales its scoring reports, by name.
    pub subscales: Vec<String>,
    pub loaded_at: String,
}

impl From<&store::LoadedQuestionnaire> for ClinicQuestionnaireDto {
    fn from(l: &store::LoadedQuestionnaire) -> Self {
        ClinicQuestionnaireDto {
            id: l.questionnaire.id.clone(),
            title: l.questionnaire.title.clone(),
            version: l.questionnaire.version.clone(),
            questions: l.questionnaire.items.len(),
            subscales: l.scoring.subscales.iter().map(|s| s.name.clone()).collect(),
            loaded_at: l.loaded_at.to_string(),
        }
    }
}

/// The questionnaires the clinic loaded under its own licence (its admins only).
#[utoipa::path(get, path = "/api/v1/clinics/{id}/questionnaires", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The clinic's id")),
    responses((status = 200, body = Vec<ClinicQuestionnaireDto>), (status = 404)))]
pub(super) async fn questionnaires(
    State(state): State<AppState>,
    a: ApiAccount,
    Path(id): Path<i64>,
) -> ApiResult<Vec<ClinicQuestionnaireDto>> {
    let actor = service::Actor::account(&a.account);
    let own = service::clinic_admin::questionnaires(state.store(), &actor, store::ClinicId(id)).await?;
    Ok(Json(own.iter().map(ClinicQuestionnaireDto::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct LoadQuestionnaireRequest {
    /// A FHIR R4 Questionnaire resource.
    #[schema(value_type = Object)]
    pub questionnaire: serde_json::Value,
    /// Its scoring definition (the same document `retrowalk questionnaire load --scoring` takes).
    #[schema(value_type = Object)]
    pub scoring: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct LoadedQuestionnaireDto {
    #[serde(flatten)]
    pub questionnaire: ClinicQuestionnaireDto,
    /// It replaced the clinic's earlier load of the same id.
    pub replaced: bool,
}

/// Loads a questionnaire and its scoring under the clinic's licence (its
/// admins only): its care teams can then ask their walkers for it.
#[utoipa::path(post, path = "/api/v1/clinics/{id}/questionnaires", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The clinic's id")), request_body = LoadQuestionnaireRequest,
    responses((status = 201, body = LoadedQuestionnaireDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn load_questionnaire(
    State(state): State<AppState>,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<LoadQuestionnaireRequest>,
) -> Result<(StatusCode, Json<LoadedQuestionnaireDto>), super::ApiError> {
    let actor = service::Actor::account(&a.account);
    let (loaded, replaced) = service::clinic_admin::load_questionnaire(
        state.store(),
        &actor,
        store::ClinicId(id),
        &req.questionnaire.to_string(),
        &req.scoring.to_string(),
        state.now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(LoadedQuestionnaireDto { questionnaire: (&loaded).into(), replaced })))
}
