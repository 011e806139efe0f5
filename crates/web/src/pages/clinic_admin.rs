//! A clinic admin's page (`/clinics/{id}`): the clinic's people (add someone
//! by the e-mail of their account, as clinician or admin; end a membership),
//! the questionnaires it loads under its own licence (uploaded here as a FHIR
//! Questionnaire and its scoring, the same files as the CLI takes),
//! every break-glass, and every read and write of a walker's record by the
//! clinic's members, newest first. Admins see who reached which record, never
//! the record. The reading itself is logged.

use super::{Layout, render};
use crate::auth::extract::{CsrfForm, CsrfMultipart, SignedIn};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{AccountId, ClinicId, MemberRole};

#[derive(Template)]
#[template(path = "clinic_admin.html")]
struct ClinicAdminPage {
    l: Layout,
    id: i64,
    /// The signed-in admin's account: they do not end their own membership here.
    me: i64,
    name: String,
    members: Vec<service::clinic_admin::Member>,
    rows: Vec<Row>,
    break_glasses: Vec<Row>,
    questionnaires: Vec<QuestionnaireRow>,
    roles: &'static [MemberRole],
    /// What was typed in the add form, shown again after a refusal.
    posted: MemberForm,
}

impl ClinicAdminPage {
    /// A clinic role in the admin's words.
    fn role_words(&self, role: &MemberRole) -> String {
        self.l.t(&format!("clinic.role_{}", role.as_str())).to_string()
    }
}

struct Row {
    at: String,
    what: String,
    who: String,
    walker: String,
    detail: String,
}

/// One of the clinic's own questionnaires.
struct QuestionnaireRow {
    title: String,
    id: String,
    version: String,
    questions: usize,
    subscales: usize,
    loaded: String,
}

/// Entries shown.
const SHOWN: u32 = 200;

#[derive(Deserialize, Default, Clone)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    /// The account whose membership ends (remove).
    #[serde(default)]
    account: String,
}

fn at(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

async fn page_for(
    state: &AppState,
    who: &SignedIn,
    id: i64,
    posted: MemberForm,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let actor = who.actor();
    let clinic = ClinicId(id);
    let members = service::clinic_admin::members(state.store(), &actor, clinic).await?;
    let questionnaires = service::clinic_admin::questionnaires(state.store(), &actor, clinic)
        .await?
        .iter()
        .map(|q| QuestionnaireRow {
            title: q.questionnaire.title.clone(),
            id: q.questionnaire.id.clone(),
            version: q.questionnaire.version.clone(),
            questions: q.questionnaire.items.len(),
            subscales: q.scoring.subscales.len(),
            loaded: at(q.loaded_at),
        })
        .collect();
    let log = service::clinics::clinic_log(state.store(), &actor, clinic, SHOWN, &who.client, state.now()).await?;
    let mut l = Layout::new(state, Some(who), "patients", "clinic.title");
    l.wide = true;
    l.flash = flash;
    let mut rows = Vec::new();
    for entry in &log.events {
        let e = &entry.event;
        let who = match e.account {
            Some(a) => crate::auth::accounts::email_of(state, a).await,
            None => "-".into(),
        };
        // In the admin's words (the walker's own log says "your records").
        // Else the security log's own words for it (an entry kind added
        // later, before its admin's words).
        let (key, general) = (format!("clinic.event_{}", e.kind.as_str()), format!("security.{}", e.kind.as_str()));
        let what = match [key, general].into_iter().find(|k| l.i18n.has(k)) {
            Some(k) => l.t(&k).to_string(),
            None => e.kind.as_str().replace('_', " "),
        };
        rows.push(Row {
            at: at(e.at),
            what,
            who,
            walker: e.walker.map_or("-".into(), |w| w.to_string()),
            detail: detail_words(&l.i18n, &e.detail, entry.walkers_shown),
        });
    }
    let mut break_glasses = Vec::new();
    for b in &log.break_glasses {
        break_glasses.push(Row {
            at: at(b.started_at),
            what: format!("{} {}", l.t("clinic.until"), at(b.ends_at)),
            who: crate::auth::accounts::email_of(state, b.account).await,
            walker: b.walker.to_string(),
            detail: b.reason.clone(),
        });
    }
    render(&ClinicAdminPage {
        l,
        id,
        me: who.account.id.0,
        name: log.clinic.name,
        members,
        rows,
        break_glasses,
        questionnaires,
        roles: <MemberRole as coach::names::Named>::all(),
        posted,
    })
}

pub async fn page(State(state): State<AppState>, who: SignedIn, Path(id): Path<i64>) -> Result<Response, AppError> {
    page_for(&state, &who, id, MemberForm::default(), None).await
}

/// Runs one change to the clinic's people. Done: back to the page.
/// Refused: the page again with why, what was typed, and 422; nothing
/// changed. A clinic the account does not run is "not found", whatever was
/// asked.
async fn change<F, Fut>(state: AppState, form: CsrfForm<MemberForm>, id: i64, action: F) -> Result<Response, AppError>
where
    F: FnOnce(AppState, service::Actor, MemberForm) -> Fut,
    Fut: std::future::Future<Output = Result<(), AppError>>,
{
    let CsrfForm { who, form } = form;
    match action(state.clone(), who.actor(), form.clone()).await {
        Ok(()) => Ok(Redirect::to(&format!("/clinics/{id}")).into_response()),
        Err(AppError::BadInput(e) | AppError::Conflict(e)) => {
            page_for(&state, &who, id, form, Some(state.i18n().problem_exact(&e)))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}

pub async fn add_member(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<MemberForm>,
) -> Result<Response, AppError> {
    change(state, form, id, |state, actor, f| async move {
        let role = member_role(&f.role)?;
        service::clinic_admin::add_by_email(state.store(), &actor, ClinicId(id), &f.email, role, state.now()).await?;
        Ok(())
    })
    .await
}

/// An invitation to work at the clinic: the code, link and QR code to give
/// the person, who accepts it themselves.
pub async fn invite(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<MemberForm>,
) -> Result<Response, AppError> {
    let CsrfForm { who, form } = form;
    let actor = who.actor();
    // A clinic the account does not run is "not found", whatever was asked.
    service::clinics::may_manage(state.store(), &actor, ClinicId(id)).await?;
    let role = member_role(&form.role)?;
    let code = crate::auth::new_invitation_code();
    let hash = service::care::invitation_digest(&code);
    service::clinic_admin::invite_staff(state.store(), &actor, ClinicId(id), role, &hash, state.now()).await?;
    let clinic = service::clinics::clinics(state.store())
        .await?
        .into_iter()
        .find(|c| c.id == ClinicId(id))
        .ok_or(AppError::NotFound)?;
    let mut l = Layout::new(&state, Some(&who), "patients", "invite.staff_title");
    l.wide = true;
    render(&super::care::InvitePage::new(&state, l, clinic.name, code, Some(role.as_str())))
}

pub async fn remove_member(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<MemberForm>,
) -> Result<Response, AppError> {
    change(state, form, id, |state, actor, f| async move {
        let account = f.account.trim().parse::<i64>().map_err(|_| AppError::unexpected("account: an account id"))?;
        service::clinic_admin::remove(state.store(), &actor, ClinicId(id), AccountId(account), state.now()).await?;
        Ok(())
    })
    .await
}

/// Loads a questionnaire under the clinic's licence from two uploaded files
/// (the FHIR Questionnaire and its scoring). Done: back to the page, which
/// lists it. Refused: the page again with why, and 422; nothing stored.
pub async fn load_questionnaire(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfMultipart { who, mut multipart }: CsrfMultipart,
) -> Result<Response, AppError> {
    // A clinic the account does not run is "not found" before anything is read.
    service::clinics::may_manage(state.store(), &who.actor(), ClinicId(id)).await?;
    let (mut questionnaire, mut scoring) = (String::new(), String::new());
    while let Some(field) = multipart.next_field().await.map_err(|e| AppError::upload(e.status()))? {
        let into = match field.name() {
            Some("questionnaire") => &mut questionnaire,
            Some("scoring") => &mut scoring,
            _ => continue,
        };
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|e| AppError::upload(e.status()))?;
        *into = String::from_utf8(bytes.to_vec()).map_err(|_| {
            AppError::bad(format!("{name}: the file is not text")).said(&format!("refusal.file_not_text_{name}"), &[])
        })?;
    }
    let done = async {
        for (name, text) in [("questionnaire", &questionnaire), ("scoring", &scoring)] {
            if text.trim().is_empty() {
                return Err(AppError::bad(format!("{name}: choose the file"))
                    .said(&format!("refusal.file_missing_{name}"), &[]));
            }
        }
        service::clinic_admin::load_questionnaire(
            state.store(),
            &who.actor(),
            ClinicId(id),
            &questionnaire,
            &scoring,
            state.now(),
        )
        .await?;
        Ok(())
    };
    match done.await {
        Ok(()) => Ok(Redirect::to(&format!("/clinics/{id}#questionnaires-h")).into_response()),
        Err(AppError::BadInput(e) | AppError::Conflict(e)) => {
            page_for(&state, &who, id, MemberForm::default(), Some(state.i18n().problem_exact(&e)))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}

/// What an entry's detail says, in the admin's words: the app's own names
/// for what was read or done (`clinic.detail.<name>`), with how many walkers
/// a list showed; anything else (a break-glass reason, as typed) as it was
/// written.
fn detail_words(l: &words::I18n, detail: &str, walkers_shown: usize) -> String {
    let key = format!("clinic.detail.{}", detail.replace(' ', "_"));
    let known = detail.chars().all(|c| c.is_ascii_lowercase() || c == ' ') && l.has(&key);
    match (known, walkers_shown) {
        (false, 0) => detail.to_string(),
        (false, n) => format!("{detail} ({n})"),
        (true, 0) => l.t(&key).to_string(),
        (true, n) => l.ta("clinic.detail_listed", &[("what", l.t(&key)), ("count", &n.to_string())]),
    }
}

/// The role chosen from the page's own list (clinician or admin).
fn member_role(typed: &str) -> Result<MemberRole, AppError> {
    coach::names::exact::<MemberRole>(typed.trim()).map_err(|_| AppError::unexpected("role: clinician or admin"))
}
