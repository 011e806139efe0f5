//! Settings: change the set-up, export my data, delete my account.

use super::setup::{SetupFields, SetupForm};
use super::{Layout, Ready, ReadyForm, render};
use crate::auth::accounts;
use crate::auth::audit;
use crate::auth::extract::{CsrfForm, CsrfMultipart, SignedIn};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::SecurityKind;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    l: Layout,
    form: SetupForm,
    action: &'static str,
    email: String,
    /// A new calendar link, shown once right after it is made.
    calendar_url: Option<String>,
    /// The account's API tokens (never the tokens themselves).
    tokens: Vec<store::ApiToken>,
    /// The account's latest security events.
    events: Vec<EventRow>,
    /// Who else has seen the walker's data (clinicians), newest first.
    seen: Vec<EventRow>,
    /// Two-factor sign-in: on since, and recovery codes left.
    two_factor: Option<(jiff::Timestamp, u32)>,
    /// The languages to choose from, and the one chosen on this device.
    langs: &'static [crate::i18n::Lang],
    lang: Option<crate::i18n::Lang>,
}

/// One access-log entry as the owner reads it.
struct EventRow {
    at: jiff::Timestamp,
    /// The i18n key of the event's name.
    label: String,
    client: String,
    /// What a clinician's change did (before and after); empty for others.
    change: String,
}

/// Events shown in Settings; the operator's `user events` reads further back.
const EVENTS_SHOWN: u32 = 20;

async fn settings_page(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    calendar_url: Option<String>,
    flash: Option<String>,
    typed: Option<&SetupFields>,
) -> Result<Response, AppError> {
    let mut l = Layout::new(state, Some(who), "settings", "settings.title");
    l.flash = flash;
    let legend = l.t("setup.baseline_pain");
    let form = match typed {
        Some(fields) => SetupForm::from_fields(fields, legend),
        None => SetupForm::from_setup(&s.programme.setup, legend),
    };
    let tokens = accounts::tokens(state, who).await?;
    let events = accounts::events(state, who, EVENTS_SHOWN)
        .await?
        .into_iter()
        .map(|e| EventRow {
            at: e.at,
            label: format!("security.{}", e.kind.as_str()),
            client: e.client,
            change: String::new(),
        })
        .collect();
    // While training is paused no line below names a dose's minutes.
    let paused = s.pause().is_some();
    let seen = accounts::seen_by(state, who, EVENTS_SHOWN)
        .await?
        .into_iter()
        .map(|(e, by)| EventRow {
            at: e.at,
            label: format!("security.{}", e.kind.as_str()),
            client: by,
            change: match (&e.change, e.kind) {
                (Some(c), _) => change_words(&l.i18n, c, paused),
                // Recorded before changes were kept as data: its English
                // sentence, which names doses, so not while training is
                // paused; in another language, said to be the English record.
                (None, store::SecurityKind::RecordChanged) if !paused => match l.i18n.lang() {
                    words::Lang::En => e.detail,
                    _ => l.i18n.ta("settings.change_in_english", &[("detail", &e.detail)]),
                },
                (None, _) => String::new(),
            },
        })
        .collect();
    let email = who.account.email.clone();
    let two_factor = match who.account.two_factor_since {
        Some(since) => Some((since, crate::auth::second_factor::codes_left(state, &who.account).await?)),
        None => None,
    };
    render(&SettingsPage {
        l,
        form,
        action: "/settings/setup",
        email,
        calendar_url,
        tokens,
        events,
        seen,
        two_factor,
        langs: &crate::i18n::Lang::ALL,
        lang: crate::i18n::chosen(),
    })
}

/// A clinician's change to the walker's programme, in the page's language:
/// what was changed, and how the programme stood before and after, said as
/// history ("a dose of 10 minutes", "paused by your care team"), never as a
/// dose to follow. While the walker must not train (`paused`), a dose is
/// named without its minutes: nothing here may read as something to do.
fn change_words(l: &words::I18n, c: &store::RecordChange, paused: bool) -> String {
    let what = format!("record_change.what.{}", c.what);
    let what = if l.has(&what) { l.t(&what).to_string() } else { c.what.clone() };
    let standing = |s: &store::Standing| match s {
        store::Standing::Dose { .. } if paused => l.t("record_change.a_dose").to_string(),
        store::Standing::Dose { dose, .. } => l.ta("record_change.dose", &[("minutes", &dose.minutes.to_string())]),
        store::Standing::Paused { kind, .. } => {
            let key = format!("record_change.paused.{kind}");
            if l.has(&key) { l.t(&key).to_string() } else { l.t("record_change.no_dose").to_string() }
        }
        store::Standing::NoDose => l.t("record_change.no_dose").to_string(),
        store::Standing::Screening { status } => {
            let key = format!("record_change.screening.{status}");
            if l.has(&key) { l.t(&key).to_string() } else { status.clone() }
        }
    };
    l.ta("record_change.line", &[("what", &what), ("before", &standing(&c.before)), ("after", &standing(&c.after))])
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    id: String,
}

/// Revokes one of the account's API tokens.
pub async fn revoke_token(State(state): State<AppState>, f: ReadyForm<TokenForm>) -> Result<Response, AppError> {
    let s = &f.s;
    let msg = if accounts::revoke_token(&state, &f.who, f.form.id.trim()).await? {
        state.i18n().t("settings.token_revoked").to_string()
    } else {
        // Revoked already (from another tab, or sign-out everywhere).
        return Err(AppError::bad("id: no token of yours has this id").said("refusal.token_gone", &[]));
    };
    settings_page(&state, &f.who, s, None, Some(msg), None).await
}

/// Ends every web session (this one too) and revokes every API token.
pub async fn sign_out_everywhere(State(state): State<AppState>, f: CsrfForm<NoFields>) -> Result<Response, AppError> {
    accounts::sign_out_everywhere(&state, &f.who).await?;
    crate::pages::account::signed_out(&state)
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    settings_page(&state, &who, &s, None, None, None).await
}

#[derive(Deserialize)]
pub struct NoFields {}

/// Makes a new secret calendar link (the old one stops working) and shows it once.
pub async fn new_calendar(State(state): State<AppState>, f: ReadyForm<NoFields>) -> Result<Response, AppError> {
    let s = &f.s;
    let token = crate::auth::random_token();
    service::new_calendar(state.store(), f.who.access, &crate::auth::digest(&token), state.now()).await?;
    // From the configured address, never the request's Host header.
    // The feed speaks the language the walker reads this page in.
    let lang = match state.i18n().lang() {
        words::Lang::En => String::new(),
        other => format!("?lang={}", other.code()),
    };
    let url = format!("{}/calendar/{token}.ics{lang}", state.config().public_url.trim_end_matches('/'));
    settings_page(&state, &f.who, s, Some(url), None, None).await
}

pub async fn revoke_calendar(State(state): State<AppState>, f: ReadyForm<NoFields>) -> Result<Response, AppError> {
    let s = &f.s;
    service::revoke_calendar(state.store(), f.who.access).await?;
    let msg = state.i18n().t("settings.calendar_revoked").to_string();
    settings_page(&state, &f.who, s, None, Some(msg), None).await
}

#[derive(serde::Deserialize)]
pub struct FeedQuery {
    lang: Option<String>,
}

/// The feed itself: no sign-in, the secret in the URL is the key.
pub async fn calendar_feed(
    State(state): State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
    axum::extract::Query(q): axum::extract::Query<FeedQuery>,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    if !crate::auth::is_token(token) {
        return Err(AppError::NotFound);
    }
    let access = service::feed(state.store(), &crate::auth::digest(token)).await?.ok_or(AppError::NotFound)?;
    let w = service::walker(state.store(), access).await?;
    let s = service::load(state.store(), access, state.today_in(&w.time_zone)).await?;
    let l = q.lang.as_deref().and_then(words::Lang::parse).map_or_else(|| state.i18n(), words::I18n::of);
    let body = service::calendar(&s, state.now(), &l);
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response())
}

/// Saving set-up changes starts the new set-up as the active programme.
/// A change that cannot be saved shows the form again as typed, with what
/// was wrong.
pub async fn save(State(state): State<AppState>, f: ReadyForm<SetupFields>) -> Result<Response, AppError> {
    match super::setup::save(&state, &f.who, &f.form).await {
        Ok(_) => Ok(Redirect::to("/today").into_response()),
        Err(AppError::BadInput(e)) => {
            let flash = Some(state.i18n().problem(&e));
            settings_page(&state, &f.who, &f.s, None, flash, Some(&f.form))
                .await
                .map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}

fn download(body: String, content_type: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response()
}

pub async fn export_json(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    audit::by(&state, &who, SecurityKind::Export, "archive json").await?;
    let v = service::export_json(state.store(), &s, state.now()).await?;
    let body = serde_json::to_string_pretty(&v).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(body, "application/json", "retrowalk-export.json"))
}

pub async fn export_csv(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    audit::by(&state, &who, SecurityKind::Export, "sessions csv").await?;
    Ok(download(service::export_csv(&s)?, "text/csv; charset=utf-8", "retrowalk-sessions.csv"))
}

pub async fn export_fhir(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    audit::by(&state, &who, SecurityKind::Export, "fhir bundle").await?;
    let archive = service::export_archive(state.store(), s.access, state.now()).await?;
    let body = serde_json::to_string_pretty(&service::fhir_bundle(&s, &archive))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(body, "application/fhir+json", "retrowalk-fhir-bundle.json"))
}

pub async fn export_outcomes_csv(
    State(state): State<AppState>,
    Ready { who, s, .. }: Ready,
) -> Result<Response, AppError> {
    audit::by(&state, &who, SecurityKind::Export, "outcomes csv").await?;
    Ok(download(service::export_outcomes_csv(&s, &state.i18n())?, "text/csv; charset=utf-8", "retrowalk-outcomes.csv"))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

/// Deletes the walker and everything about them, after typed confirmation.
pub async fn delete(State(state): State<AppState>, f: CsrfForm<DeleteForm>) -> Result<Response, AppError> {
    if f.form.confirm.trim() != "DELETE" {
        let e = coach::InputError::new("confirm", "to delete your account, type DELETE in capital letters in the box");
        return Err(AppError::BadInput(e.because(coach::Code::Required)));
    }
    service::delete_walker(state.store(), f.who.access).await?;
    audit::by(&state, &f.who, SecurityKind::AccountDeleted, "").await?;
    let mut res = Redirect::to("/signin").into_response();
    let clear = format!("{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0", crate::auth::SESSION_COOKIE);
    res.headers_mut().append(header::SET_COOKIE, clear.parse().map_err(|_| AppError::Internal("cookie".into()))?);
    Ok(res)
}

/// Restores an archive (a JSON export) into this account: the account's walker
/// is replaced by the one in the archive, all or nothing.
pub async fn restore(
    State(state): State<AppState>,
    CsrfMultipart { who, mut multipart }: CsrfMultipart,
) -> Result<Response, AppError> {
    let mut file = String::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| AppError::upload(e.status()))? {
        if field.name() == Some("archive") {
            // Read lossily, so never "not text": too large (sent in pieces,
            // the body passes its token and meets the limit here) or broken off.
            file = field.text().await.map_err(|e| AppError::upload(e.status()))?;
        }
    }
    // The same checks as the CLI's import-archive, through one service call.
    let walker = service::walker(state.store(), who.access).await?;
    service::restore_json(state.store(), &who.actor(), &file, state.today_in(&walker.time_zone)).await?;
    audit::by(&state, &who, SecurityKind::Restore, "archive json").await?;
    Ok(axum::response::Redirect::to("/today?note=restored").into_response())
}

pub async fn export_checkins_csv(
    State(state): State<AppState>,
    Ready { who, s, .. }: Ready,
) -> Result<Response, AppError> {
    audit::by(&state, &who, SecurityKind::Export, "check-ins csv").await?;
    Ok(download(service::export_checkins_csv(&s)?, "text/csv; charset=utf-8", "retrowalk-checkins.csv"))
}

#[derive(Deserialize)]
pub struct LanguageForm {
    /// A language's code, or empty for the browser's own.
    #[serde(default)]
    lang: String,
}

/// Keeps the language chosen on this device (a cookie, read by
/// `i18n::negotiate`); empty goes back to the browser's languages.
pub async fn language(f: CsrfForm<LanguageForm>) -> Result<Response, AppError> {
    let cookie = match crate::i18n::Lang::parse(&f.form.lang) {
        Some(lang) => format!("{}={}; Path=/; SameSite=Lax; Max-Age=31536000", crate::i18n::LANG_COOKIE, lang.code()),
        None if f.form.lang.is_empty() => format!("{}=; Path=/; SameSite=Lax; Max-Age=0", crate::i18n::LANG_COOKIE),
        None => return Err(AppError::unexpected("lang: choose a language from the list")),
    };
    let mut res = Redirect::to("/settings").into_response();
    res.headers_mut().append(header::SET_COOKIE, cookie.parse().map_err(|_| AppError::Internal("cookie".into()))?);
    Ok(res)
}
