//! Clinic mode's actions: a clinician's on one walker (`/api/v1/patients/{id}/…`:
//! read, review, sign a clearance or a restart, override, revert, messages),
//! a member's invitation, and the walker's side (`/api/v1/care…`: their
//! clinics and messages, joining with a code, leaving). The same service
//! calls as the pages; a walker outside the clinician's care is 404.

use super::ApiResult;
use super::clinic::PatientDto;
use super::dto::{DecisionDto, DoseDto};
use crate::auth::extract::{ApiAccount, ClientAddr};
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use service::Access;
use store::{ClinicId, ReviewSubject, WalkerId};
use utoipa::ToSchema;

/// The clinician's grant to walker `id`, logged as `what`.
async fn open(
    state: &AppState,
    a: &ApiAccount,
    client: &str,
    id: i64,
    write: bool,
    what: &str,
) -> Result<Access, ApiError> {
    let actor = service::Actor::account(&a.account);
    Ok(service::clinics::open_patient(state.store(), &actor, WalkerId(id), write, what, client, state.now()).await?)
}

async fn ready(state: &AppState, access: Access) -> Result<service::State, ApiError> {
    service::clinics::patient_state(state.store(), access, |tz| state.today_in(tz))
        .await?
        .ok_or_else(|| ApiError(AppError::bad("the walker has not set up a programme yet")))
}

#[derive(Serialize, ToSchema)]
pub struct ReviewDto {
    /// `flag` (acknowledged) or `decision` (approved).
    pub subject: String,
    pub rule: String,
    #[schema(format = Date)]
    pub day: String,
    /// The clinician's account id.
    pub by: i64,
    pub clinic: i64,
    pub note: String,
    pub at: String,
}

impl From<&store::Review> for ReviewDto {
    fn from(r: &store::Review) -> Self {
        ReviewDto {
            subject: r.subject.as_str().into(),
            rule: r.rule.clone(),
            day: r.day.to_string(),
            by: r.account.0,
            clinic: r.clinic.0,
            note: r.note.clone(),
            at: r.at.to_string(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PatientDetailDto {
    pub patient: PatientDto,
    /// Every review of the walker's flags and decisions, oldest first.
    pub reviews: Vec<ReviewDto>,
}

/// One walker in the clinician's care: their row (flags, last decision) and the reviews.
#[utoipa::path(get, path = "/api/v1/patients/{id}", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")),
    responses((status = 200, body = PatientDetailDto), (status = 404)))]
pub(super) async fn patient(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
) -> ApiResult<PatientDetailDto> {
    let actor = service::Actor::account(&a.account);
    let (what, state) = (service::clinics::WALKER_PAGE, &state);
    let read = |access| async move {
        let cache = state.patient_rows();
        let row = service::clinics::patient_row_cached(state.store(), access, cache, |tz| state.today_in(tz)).await?;
        Ok::<_, ApiError>((row, service::care::reviews(state.store(), access).await?))
    };
    let (_, (row, reviews)) =
        service::clinics::read_patient(state.store(), &actor, WalkerId(id), what, &client, state.now(), read).await?;
    Ok(Json(PatientDetailDto {
        patient: PatientDto::from(&row),
        reviews: reviews.iter().map(ReviewDto::from).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewRequest {
    /// `flag` to acknowledge a flag (a note is required), `decision` to approve the coach's decision.
    pub subject: String,
    /// The flag's or the decision's rule, e.g. F-FALL.
    pub rule: String,
    /// The flag's first day, or the decision's effective day.
    #[schema(format = Date)]
    pub day: String,
    #[serde(default)]
    pub note: String,
}

/// Acknowledges a flag with a note, or approves a decision as it stands.
#[utoipa::path(post, path = "/api/v1/patients/{id}/reviews", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = ReviewRequest,
    responses((status = 201, body = ReviewDto), (status = 404), (status = 422)))]
pub(super) async fn review(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<ReviewRequest>,
) -> Result<(StatusCode, Json<ReviewDto>), ApiError> {
    let access = open(&state, &a, &client, id, true, "review").await?;
    let subject = crate::forms::named::<ReviewSubject>(&Some(req.subject))?
        .ok_or_else(|| ApiError(AppError::bad("subject: flag or decision")))?;
    let day = crate::forms::date("day", &Some(req.day))?.ok_or_else(|| ApiError(AppError::bad("day: a date")))?;
    let r = service::care::review(state.store(), access, subject, &req.rule, day, &req.note, state.now()).await?;
    Ok((StatusCode::CREATED, Json(ReviewDto::from(&r))))
}

#[derive(Deserialize, ToSchema)]
pub struct SignRequest {
    /// Your role (physiotherapist, GP…); your clinic is added. Default "clinician".
    #[serde(default)]
    pub role: String,
    /// For a restart: what you checked, what to watch for (required). For a clearance: optional.
    #[serde(default)]
    pub note: String,
    /// For a restart: minutes of backward walking to restart at (3 to 20); default the programme's start dose.
    #[schema(minimum = 3, maximum = 20)]
    #[serde(default, deserialize_with = "super::dto::whole::opt")]
    pub minutes: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SignedDto {
    /// The name and role recorded, as the walker reads them.
    pub by: String,
    pub role: String,
    pub clinic: i64,
    pub account: i64,
    /// The screening's status after a clearance; the new dose after a restart.
    pub status: Option<String>,
    pub dose: Option<DoseDto>,
    pub decision: Option<DecisionDto>,
}

/// Signs the clearance the walker's screening waits for, with the clinician's account and clinic.
#[utoipa::path(post, path = "/api/v1/patients/{id}/clearance", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = SignRequest,
    responses((status = 201, body = SignedDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn clearance(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<SignRequest>,
) -> Result<(StatusCode, Json<SignedDto>), ApiError> {
    let access = open(&state, &a, &client, id, true, "signed a clearance").await?;
    let now = state.now();
    let role = words::I18n::english().role_or_default(&req.role);
    let outcome = service::clear(state.store(), access, "", &role, now, &req.note, now).await?;
    let c = service::latest_clearance(state.store(), access).await?.ok_or(ApiError(AppError::NotFound))?;
    let signer = c.signer.unwrap_or(coach::history::Signer { account: a.account.id.0, clinic: 0 });
    Ok((
        StatusCode::CREATED,
        Json(SignedDto {
            by: c.by,
            role: c.role,
            clinic: signer.clinic,
            account: signer.account,
            status: Some(outcome.status.as_str().into()),
            dose: None,
            decision: None,
        }),
    ))
}

/// Signs the restart of a programme the coach stopped, with the clinician's account and clinic.
#[utoipa::path(post, path = "/api/v1/patients/{id}/restart", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = SignRequest,
    responses((status = 201, body = SignedDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn restart(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<SignRequest>,
) -> Result<(StatusCode, Json<SignedDto>), ApiError> {
    let access = open(&state, &a, &client, id, true, "signed a restart").await?;
    let s = ready(&state, access).await?;
    let minutes = req.minutes.map(|m| m.to_string());
    let input = service::RestartInput {
        dose: service::DoseInput { minutes: crate::forms::small("minutes", &minutes, 3, 20)?, ..Default::default() },
        by: String::new(),
        role: words::I18n::english().role_or_default(&req.role),
        note: req.note,
    };
    let done = service::restart(state.store(), &s, input, state.now()).await?;
    let r = &done.restart;
    let signer = r.signer.unwrap_or(coach::history::Signer { account: a.account.id.0, clinic: 0 });
    Ok((
        StatusCode::CREATED,
        Json(SignedDto {
            by: r.by.clone(),
            role: r.role.clone(),
            clinic: signer.clinic,
            account: signer.account,
            status: None,
            dose: Some(DoseDto::from(&r.dose)),
            decision: Some(DecisionDto::from(&done.decision)),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct StopRequest {
    /// `pause` (until you sign a restart) or `end` (the programme is over).
    pub kind: String,
    /// Your role (physiotherapist, GP…); your clinic is added. Default "clinician".
    #[serde(default)]
    pub role: String,
    /// Why, in words the walker reads.
    pub note: String,
}

/// Pauses or ends the walker's programme from today: no backward-walking dose
/// anywhere until a clinician signs a restart.
#[utoipa::path(post, path = "/api/v1/patients/{id}/stop", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = StopRequest,
    responses((status = 201, body = SignedDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn stop(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<StopRequest>,
) -> Result<(StatusCode, Json<SignedDto>), ApiError> {
    // Access first: a walker out of reach is "not found" whatever was asked.
    let access = open(&state, &a, &client, id, true, "stopped the programme").await?;
    let end = match req.kind.as_str() {
        "pause" => false,
        "end" => true,
        other => return Err(ApiError(AppError::bad(format!("kind: pause or end; got {other:?}")))),
    };
    let s = ready(&state, access).await?;
    let role = words::I18n::english().role_or_default(&req.role);
    let input = service::StopInput { end, by: String::new(), role, note: req.note };
    let done = service::stop_programme(state.store(), &s, input, state.now()).await?;
    let o = &done.stop;
    let signer = o.signer.unwrap_or(coach::history::Signer { account: a.account.id.0, clinic: 0 });
    Ok((
        StatusCode::CREATED,
        Json(SignedDto {
            by: o.by.clone(),
            role: o.role.clone(),
            clinic: signer.clinic,
            account: signer.account,
            status: Some(o.kind.as_str().into()),
            dose: None,
            decision: Some(DecisionDto::from(&done.decision)),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct PatientOverrideRequest {
    #[schema(minimum = 3, maximum = 20)]
    #[serde(default, deserialize_with = "super::dto::whole::opt")]
    pub minutes: Option<i64>,
    #[schema(minimum = 0.5, maximum = 8.0)]
    pub speed_kmh: Option<f64>,
    #[schema(minimum = 0, maximum = 15)]
    #[serde(default, deserialize_with = "super::dto::whole::opt")]
    pub incline_pct: Option<i64>,
    /// hands_free, light_touch, one_hand or both_hands … as the dose names it.
    pub support: Option<String>,
    /// Why, in words the walker reads.
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct PatientDoseDto {
    pub by: String,
    pub role: String,
    pub reason: String,
    #[schema(format = Date)]
    pub effective: String,
    pub dose: DoseDto,
    pub decision: DecisionDto,
}

fn dose_dto(done: &service::Overridden) -> PatientDoseDto {
    let o = &done.applied;
    PatientDoseDto {
        by: o.by.clone(),
        role: o.role.clone(),
        reason: o.reason.clone(),
        effective: o.effective.to_string(),
        dose: DoseDto::from(&o.dose),
        decision: DecisionDto::from(&done.decision),
    }
}

/// Changes the walker's dose from today, within what their screening allows, signed by the clinician.
#[utoipa::path(post, path = "/api/v1/patients/{id}/override", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = PatientOverrideRequest,
    responses((status = 201, body = PatientDoseDto), (status = 404), (status = 422)))]
pub(super) async fn override_dose(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<PatientOverrideRequest>,
) -> Result<(StatusCode, Json<PatientDoseDto>), ApiError> {
    let access = open(&state, &a, &client, id, true, "override").await?;
    let s = ready(&state, access).await?;
    let text = |v: Option<String>| v;
    let dose = service::DoseInput {
        minutes: crate::forms::small("minutes", &text(req.minutes.map(|m| m.to_string())), 3, 20)?,
        speed_tenths: crate::forms::kmh_tenths("speed_kmh", &text(req.speed_kmh.map(|v| v.to_string())))?,
        incline_pct: crate::forms::small("incline_pct", &text(req.incline_pct.map(|v| v.to_string())), 0, 15)?,
        support: crate::forms::named(&req.support)?,
    };
    let input = service::OverrideInput { date: None, dose, by: String::new(), reason: req.reason };
    let done = service::override_dose(state.store(), &s, input, state.now()).await?;
    Ok((StatusCode::CREATED, Json(dose_dto(&done))))
}

#[derive(Deserialize, ToSchema)]
pub struct NoteRequest {
    /// Why, in words the walker reads.
    pub note: String,
}

/// Undoes the coach's latest decision: the dose before it comes back from today.
#[utoipa::path(post, path = "/api/v1/patients/{id}/revert", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = NoteRequest,
    responses((status = 201, body = PatientDoseDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn revert(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<NoteRequest>,
) -> Result<(StatusCode, Json<PatientDoseDto>), ApiError> {
    let access = open(&state, &a, &client, id, true, "revert").await?;
    let s = ready(&state, access).await?;
    let done = service::revert(state.store(), &s, "", &req.note, &words::I18n::english(), state.now()).await?;
    Ok((StatusCode::CREATED, Json(dose_dto(&done))))
}

#[derive(Serialize, ToSchema)]
pub struct MessageDto {
    /// `walker` or `care_team`.
    pub sender: String,
    /// The account that wrote it.
    pub account: i64,
    pub body: String,
    pub at: String,
    /// When the other side first read it.
    pub read_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ThreadDto {
    pub clinic: i64,
    pub clinic_name: String,
    /// How many were unread by the reader before this read (now read).
    pub unread: u64,
    pub messages: Vec<MessageDto>,
}

impl From<&service::care::Thread> for ThreadDto {
    fn from(t: &service::care::Thread) -> Self {
        ThreadDto {
            clinic: t.clinic.0,
            clinic_name: t.clinic_name.clone(),
            unread: t.unread,
            messages: t
                .messages
                .iter()
                .map(|m| MessageDto {
                    sender: m.sender.as_str().into(),
                    account: m.account.0,
                    body: m.body.clone(),
                    at: m.at.to_string(),
                    read_at: m.read_at.map(|t| t.to_string()),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct MessageRequest {
    /// For a walker in the care of several clinics: which one.
    #[schema(minimum = 1, maximum = 1_000_000_000_000_i64)]
    #[serde(default, deserialize_with = "super::dto::whole::opt")]
    pub clinic: Option<i64>,
    /// Up to 1000 characters.
    pub body: String,
}

/// The thread between the walker and the clinician's clinic, marked read.
#[utoipa::path(get, path = "/api/v1/patients/{id}/messages", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")),
    responses((status = 200, body = ThreadDto), (status = 404)))]
pub(super) async fn patient_thread(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
) -> ApiResult<ThreadDto> {
    let access = open(&state, &a, &client, id, false, "messages").await?;
    Ok(Json(ThreadDto::from(&service::care::thread(state.store(), access, None, state.now()).await?)))
}

/// Writes to the walker, from their care team.
#[utoipa::path(post, path = "/api/v1/patients/{id}/messages", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = MessageRequest,
    responses((status = 201), (status = 404), (status = 422)))]
pub(super) async fn patient_message(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<MessageRequest>,
) -> Result<StatusCode, ApiError> {
    let access = open(&state, &a, &client, id, true, "message").await?;
    let actor = service::Actor::account(&a.account);
    service::care::send(state.store(), &actor, access, None, &req.body, state.now()).await?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize, ToSchema)]
pub struct InvitationRequest {
    /// The clinic to invite to; default your first.
    #[schema(minimum = 1, maximum = 1_000_000_000_000_i64)]
    #[serde(default, deserialize_with = "super::dto::whole::opt")]
    pub clinic: Option<i64>,
    /// An invitation to work at the clinic, as `clinician` or `admin` (its
    /// admins only); absent: an invitation for a walker to join its care.
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationDto {
    /// Eight letters and digits the walker types (dashes and case do not matter).
    pub code: String,
    /// The link to open (from the server's public address).
    pub link: String,
    pub clinic: i64,
    pub expires_at: String,
}

/// A member's invitation to a walker (or, with `role`, an admin's invitation
/// to work at the clinic): a code and a link, good once for 14 days.
#[utoipa::path(post, path = "/api/v1/invitations", security(("bearer" = [])), request_body = InvitationRequest,
    responses((status = 201, body = InvitationDto), (status = 404), (status = 422)))]
pub(super) async fn invite(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<InvitationRequest>,
) -> Result<(StatusCode, Json<InvitationDto>), ApiError> {
    let actor = service::Actor::account(&a.account);
    let memberships = service::clinics::memberships(state.store(), &actor).await?;
    let clinic = match req.clinic {
        Some(id) => memberships.iter().find(|(c, _)| c.id == ClinicId(id)),
        None => memberships.first(),
    }
    // Not a member of it: as if there were no such clinic.
    .ok_or(ApiError(AppError::NotFound))?
    .0
    .id;
    let code = crate::auth::new_invitation_code();
    let hash = service::care::invitation_digest(&code);
    let i = match req.role {
        Some(role) => {
            service::clinics::may_manage(state.store(), &actor, clinic).await?;
            let role = crate::forms::named::<store::MemberRole>(&Some(role))?
                .ok_or_else(|| ApiError(AppError::bad("role: clinician or admin")))?;
            service::clinic_admin::invite_staff(state.store(), &actor, clinic, role, &hash, state.now()).await?
        }
        None => service::care::invite(state.store(), &actor, clinic, a.account.id, &hash, state.now()).await?,
    };
    let link = format!("{}/join/{code}", state.config().public_url.trim_end_matches('/'));
    Ok((
        StatusCode::CREATED,
        Json(InvitationDto { code, link, clinic: clinic.0, expires_at: i.expires_at.to_string() }),
    ))
}

/// The walker's clinics, each with its thread (marked read).
#[utoipa::path(get, path = "/api/v1/care", security(("bearer" = [])), responses((status = 200, body = Vec<ThreadDto>)))]
pub(super) async fn my_care(State(state): State<AppState>, a: ApiAccount) -> ApiResult<Vec<ThreadDto>> {
    let mut out = Vec::new();
    for c in service::care::my_clinics(state.store(), a.access).await? {
        out.push(ThreadDto::from(&service::care::thread(state.store(), a.access, Some(c.id), state.now()).await?));
    }
    Ok(Json(out))
}

/// Writes to the walker's care team (name the clinic when there are several).
#[utoipa::path(post, path = "/api/v1/care/messages", security(("bearer" = [])), request_body = MessageRequest,
    responses((status = 201), (status = 409), (status = 422)))]
pub(super) async fn my_message(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<MessageRequest>,
) -> Result<StatusCode, ApiError> {
    let actor = service::Actor::account(&a.account);
    service::care::send(state.store(), &actor, a.access, req.clinic.map(ClinicId), &req.body, state.now()).await?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize, ToSchema)]
pub struct JoinRequest {
    pub code: String,
    /// The walker agrees to share their record with the clinic (must be true).
    pub agree: bool,
}

#[derive(Serialize, ToSchema)]
pub struct JoinedDto {
    pub clinic: i64,
    pub clinic_name: String,
}

/// The walker joins a clinic's care with an invitation code, having agreed.
#[utoipa::path(post, path = "/api/v1/care/join", security(("bearer" = [])), request_body = JoinRequest,
    responses((status = 201, body = JoinedDto), (status = 409), (status = 422), (status = 429)))]
pub(super) async fn join(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Json(req): Json<JoinRequest>,
) -> Result<(StatusCode, Json<JoinedDto>), ApiError> {
    if !req.agree {
        return Err(ApiError(AppError::bad("agree: the walker agrees to share their record first")));
    }
    let typed = crate::auth::throttle::Typed::InvitationCode;
    crate::auth::throttle::check_code(state.store(), typed, &client, state.now()).await?;
    let actor = service::Actor::account(&a.account);
    match service::care::accept(state.store(), &actor, a.access, &req.code, &client, state.now()).await {
        Ok(v) => Ok((StatusCode::CREATED, Json(JoinedDto { clinic: v.clinic.0, clinic_name: v.clinic_name }))),
        Err(e) => {
            crate::auth::throttle::code_failed(state.store(), typed, &client, state.now()).await?;
            Err(e.into())
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct LeaveRequest {
    #[schema(minimum = 1, maximum = 1_000_000_000_000_i64)]
    #[serde(deserialize_with = "super::dto::whole::de")]
    pub clinic: i64,
}

/// The walker leaves a clinic's care: nothing new reaches its clinicians;
/// the care team keeps what was shared until then, read only.
#[utoipa::path(post, path = "/api/v1/care/leave", security(("bearer" = [])), request_body = LeaveRequest,
    responses((status = 204), (status = 404)))]
pub(super) async fn leave(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Json(req): Json<LeaveRequest>,
) -> Result<StatusCode, ApiError> {
    let actor = service::Actor::account(&a.account);
    let now = state.now();
    if service::clinics::leave(state.store(), &actor, a.access, ClinicId(req.clinic), &client, now).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError(AppError::NotFound))
    }
}

#[derive(Deserialize, ToSchema)]
pub struct BreakGlassRequest {
    /// Why you must open this record now (shown to the walker and your clinic's admins).
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct BreakGlassDto {
    pub walker: i64,
    pub clinic: i64,
    pub reason: String,
    pub started_at: String,
    /// Until when the record can be read (60 minutes).
    pub ends_at: String,
}

/// Break-glass: a clinician of the walker's clinic who is not on their care
/// team opens the record to read for 60 minutes, with a reason. The walker and
/// the clinic's admins see it.
#[utoipa::path(post, path = "/api/v1/patients/{id}/break-glass", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = BreakGlassRequest,
    responses((status = 201, body = BreakGlassDto), (status = 404), (status = 422)))]
pub(super) async fn break_glass(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<BreakGlassRequest>,
) -> Result<(StatusCode, Json<BreakGlassDto>), ApiError> {
    let actor = service::Actor::account(&a.account);
    let b =
        service::clinics::break_glass(state.store(), &actor, WalkerId(id), &req.reason, &client, state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(BreakGlassDto {
            walker: b.walker.0,
            clinic: b.clinic.0,
            reason: b.reason,
            started_at: b.started_at.to_string(),
            ends_at: b.ends_at.to_string(),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignmentRequest {
    /// `measure` or `questionnaire`.
    #[serde(default)]
    pub kind: String,
    /// A measure's name (backward_walk3m …) or the clinic's questionnaire id.
    #[serde(default)]
    pub item: String,
}

#[derive(Serialize, ToSchema)]
pub struct AssignmentsDto {
    /// What the care team asks now, beyond the standard schedule: kind, item, words.
    pub asked: Vec<AssignedDto>,
    /// What it could ask for.
    pub assignable: Vec<AssignedDto>,
}

#[derive(Serialize, ToSchema)]
pub struct AssignedDto {
    pub kind: String,
    pub item: String,
    pub words: String,
}

impl From<&service::assignments::Assignable> for AssignmentsDto {
    fn from(a: &service::assignments::Assignable) -> Self {
        let dto = |item: &store::Assigned, words: &str| {
            let (kind, item) = item.parts();
            AssignedDto { kind: kind.into(), item: item.into(), words: words.into() }
        };
        AssignmentsDto {
            asked: a.asked.iter().map(|(item, words)| dto(item, words)).collect(),
            assignable: a
                .measures
                .iter()
                .map(|m| dto(&store::Assigned::Measure(*m), m.name()))
                .chain(
                    a.questionnaires.iter().map(|(id, title)| dto(&store::Assigned::Questionnaire(id.clone()), title)),
                )
                .collect(),
        }
    }
}

/// What the care team asks of the walker beyond the standard outcome schedule, and could ask.
#[utoipa::path(get, path = "/api/v1/patients/{id}/assignments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")),
    responses((status = 200, body = AssignmentsDto), (status = 404), (status = 422)))]
pub(super) async fn assignments(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
) -> ApiResult<AssignmentsDto> {
    let access = open(&state, &a, &client, id, false, "measures asked").await?;
    let all = service::assignments::assignable(state.store(), access).await?;
    Ok(Json(AssignmentsDto::from(&all)))
}

/// Asks the walker for a measure the schedule leaves out, or one of the clinic's questionnaires.
#[utoipa::path(post, path = "/api/v1/patients/{id}/assignments", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = AssignmentRequest,
    responses((status = 201, body = AssignmentsDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn assign(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<AssignmentRequest>,
) -> Result<(StatusCode, Json<AssignmentsDto>), ApiError> {
    let access = open(&state, &a, &client, id, true, "asked for a measure").await?;
    let item = service::assignments::parse(&req.kind, &req.item)?;
    service::assignments::assign(state.store(), access, &item, state.now()).await?;
    let all = service::assignments::assignable(state.store(), access).await?;
    Ok((StatusCode::CREATED, Json(AssignmentsDto::from(&all))))
}

/// Stops asking the walker for it.
#[utoipa::path(post, path = "/api/v1/patients/{id}/assignments/end", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The walker's id")), request_body = AssignmentRequest,
    responses((status = 200, body = AssignmentsDto), (status = 404), (status = 409), (status = 422)))]
pub(super) async fn unassign(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Path(id): Path<i64>,
    Json(req): Json<AssignmentRequest>,
) -> ApiResult<AssignmentsDto> {
    let access = open(&state, &a, &client, id, true, "stopped asking for a measure").await?;
    let item = service::assignments::parse(&req.kind, &req.item)?;
    service::assignments::unassign(state.store(), access, &item, state.now()).await?;
    let all = service::assignments::assignable(state.store(), access).await?;
    Ok(Json(AssignmentsDto::from(&all)))
}
