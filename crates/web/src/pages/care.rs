//! The walker's side of clinic mode: their care team (`/care`: the clinics
//! they are in the care of, the messages with each, leaving), and joining a
//! clinic with an invitation (`/join`: a link, a typed code or a QR code, then
//! a consent screen in plain words). A clinician makes the invitation here too
//! (`/patients/invite`).

use super::{Layout, render};
use crate::auth::extract::{ClientAddr, CsrfForm, MaybeSignedIn, SignedIn};
use crate::auth::throttle::{self, Typed};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use service::care::{InvitationView, Thread};
use store::ClinicId;

#[derive(Template)]
#[template(path = "care.html")]
struct CarePage {
    l: Layout,
    threads: Vec<Thread>,
    /// Typed into the join box after a refusal.
    code: String,
    /// Every break-glass on the walker's record: when, by whom, why.
    emergencies: Vec<(String, String, String)>,
}

#[derive(Deserialize, Default, Clone)]
pub struct CareForm {
    #[serde(default)]
    clinic: String,
    #[serde(default)]
    body: String,
}

fn clinic_id(text: &str) -> Result<Option<ClinicId>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(|id| Some(ClinicId(id)))
        .map_err(|_| AppError::unexpected(format!("clinic: '{text}' is not a clinic")))
}

async fn care_page(
    state: &AppState,
    who: &SignedIn,
    code: String,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let mut threads = Vec::new();
    for c in service::care::my_clinics(state.store(), who.access).await? {
        threads.push(service::care::thread(state.store(), who.access, Some(c.id), state.now()).await?);
    }
    let mut emergencies = Vec::new();
    for b in service::care::break_glasses(state.store(), who.access).await? {
        let by = crate::auth::accounts::email_of(state, b.account).await;
        emergencies.push((b.started_at.strftime("%Y-%m-%d %H:%M UTC").to_string(), by, b.reason));
    }
    let mut l = Layout::new(state, Some(who), "care", "care.title");
    l.flash = flash;
    render(&CarePage { l, threads, code, emergencies })
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    care_page(&state, &who, String::new(), None).await
}

/// A message from the walker to one of their clinics.
pub async fn message(State(state): State<AppState>, f: CsrfForm<CareForm>) -> Result<Response, AppError> {
    let result = async {
        let clinic = clinic_id(&f.form.clinic)?;
        service::care::send(state.store(), &f.who.actor(), f.who.access, clinic, &f.form.body, state.now()).await?;
        Ok::<_, AppError>(())
    }
    .await;
    match result {
        Ok(()) => Ok(Redirect::to("/care").into_response()),
        Err(AppError::BadInput(e) | AppError::Conflict(e)) => {
            care_page(&state, &f.who, String::new(), Some(state.i18n().problem(&e)))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}

/// The walker leaves a clinic's care: nothing new reaches its clinicians;
/// the care team keeps what was shared until then, read only.
pub async fn leave(State(state): State<AppState>, f: CsrfForm<CareForm>) -> Result<Response, AppError> {
    let clinic = clinic_id(&f.form.clinic)?.ok_or_else(|| AppError::unexpected("clinic: which clinic to leave"))?;
    let left = service::clinics::leave(state.store(), &f.who.actor(), f.who.access, clinic, &f.who.client, state.now())
        .await?;
    let msg = state.i18n().t(if left { "care.left" } else { "care.not_in" }).to_string();
    care_page(&state, &f.who, String::new(), Some(msg)).await
}

#[derive(Template)]
#[template(path = "join.html")]
struct JoinPage {
    l: Layout,
    code: String,
    invitation: Option<InvitationView>,
}

#[derive(Deserialize, Default)]
pub struct CodeQuery {
    #[serde(default)]
    code: String,
}

/// Checks a typed or linked code, throttled per address like a reset code.
async fn checked(state: &AppState, code: &str, address: &str) -> Result<InvitationView, AppError> {
    throttle::check_code(state.store(), Typed::InvitationCode, address, state.now()).await?;
    match service::care::invitation(state.store(), code, state.now()).await {
        Ok(v) => Ok(v),
        Err(e) => {
            throttle::code_failed(state.store(), Typed::InvitationCode, address, state.now()).await?;
            Err(e.into())
        }
    }
}

async fn join_page(state: &AppState, who: Option<&SignedIn>, code: &str, address: &str) -> Result<Response, AppError> {
    let mut l = Layout::new(state, who, "care", "join.title");
    let code = code.trim().to_string();
    if code.is_empty() {
        return render(&JoinPage { l, code, invitation: None });
    }
    match checked(state, &code, address).await {
        Ok(invitation) => render(&JoinPage { l, code, invitation: Some(invitation) }),
        Err(AppError::BadInput(e) | AppError::Conflict(e)) => {
            l.flash = Some(l.i18n.problem(&e));
            render(&JoinPage { l, code, invitation: None })
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}

/// The consent screen for an invitation link (`/join/{code}`).
pub async fn join_link(
    State(state): State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
    ClientAddr(address): ClientAddr,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    join_page(&state, who.as_ref(), &code, &address).await
}

/// The code box, or the consent screen for a typed code (`/join?code=`).
pub async fn join_typed(
    State(state): State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
    ClientAddr(address): ClientAddr,
    Query(q): Query<CodeQuery>,
) -> Result<Response, AppError> {
    join_page(&state, who.as_ref(), &q.code, &address).await
}

#[derive(Deserialize, Default)]
pub struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    agree: Option<String>,
}

/// The walker agrees: they join the clinic's care.
pub async fn join(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    f: CsrfForm<JoinForm>,
) -> Result<Response, AppError> {
    if f.form.agree.is_none() {
        let mut r = join_page(&state, Some(&f.who), &f.form.code, &address).await?;
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(r);
    }
    checked(&state, &f.form.code, &address).await?;
    let joined =
        service::care::accept(state.store(), &f.who.actor(), f.who.access, &f.form.code, &f.who.client, state.now())
            .await?;
    if joined.role.is_some() {
        // Staff now: the clinic's work, through the second factor if not set up yet.
        return Ok(Redirect::to("/patients").into_response());
    }
    let msg = format!("{} {}", state.i18n().t("care.joined"), joined.clinic_name);
    care_page(&state, &f.who, String::new(), Some(msg)).await
}

#[derive(Template)]
#[template(path = "invite.html")]
pub(crate) struct InvitePage {
    pub(crate) l: Layout,
    /// An invitation to work at the clinic in this role (its admin's); `None`: a walker's.
    pub(crate) role: Option<&'static str>,
    pub(crate) clinic: String,
    pub(crate) code: String,
    pub(crate) link: String,
    pub(crate) qr_svg: String,
    pub(crate) days: i64,
}

impl InvitePage {
    /// The invitation page for a new code: its link from the configured
    /// address (never the request's Host header) and its QR code.
    pub(crate) fn new(state: &AppState, l: Layout, clinic: String, code: String, role: Option<&'static str>) -> Self {
        let link = format!("{}/join/{code}", state.config().public_url.trim_end_matches('/'));
        let qr_svg = crate::qr::svg(&link, &format!("{} {}", l.t("invite.qr"), clinic));
        InvitePage { l, role, clinic, code, link, qr_svg, days: service::care::INVITATION_DAYS }
    }
}

#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    clinic: String,
}

/// A clinician (or a clinic admin) invites a walker: a code, a link, a QR code.
pub async fn invite(State(state): State<AppState>, f: CsrfForm<InviteForm>) -> Result<Response, AppError> {
    let memberships = service::clinics::memberships(state.store(), &f.who.actor()).await?;
    let clinic = match clinic_id(&f.form.clinic)? {
        Some(id) => memberships.iter().find(|(c, _)| c.id == id),
        None => memberships.first(),
    }
    // (A membership that ended since the page was opened.)
    .ok_or_else(|| AppError::bad("clinic: you are not a member of that clinic").said("refusal.not_member_there", &[]))?
    .0
    .clone();
    let code = crate::auth::new_invitation_code();
    let hash = service::care::invitation_digest(&code);
    service::care::invite(state.store(), &f.who.actor(), clinic.id, f.who.account.id, &hash, state.now()).await?;
    let l = Layout::new(&state, Some(&f.who), "patients", "invite.title");
    render(&InvitePage::new(&state, l, clinic.name, code, None))
}
