//! Sign up, sign in, sign out and password reset (with a one-time code from
//! `retrowalk user reset-password`, since no mail server is assumed).

use super::{Layout, render};
use crate::auth::extract::{AnonForm, ClientAddr, CsrfForm, MaybeSignedIn};
use crate::auth::{self, ANON_CSRF_COOKIE, MIN_PASSWORD_CHARS, SESSION_COOKIE, SESSION_DAYS};
use crate::auth::{audit, throttle};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;
use store::{NewAccount, SecurityKind, Store};

fn cookie(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> String {
    let secure = if state.config().secure_cookies { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// A fresh double-submit token for a form shown before sign-in.
fn anon_csrf(state: &AppState) -> (String, String) {
    let token = auth::random_token();
    let c = cookie(state, ANON_CSRF_COOKIE, &token, 3600);
    (token, c)
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage {
    l: Layout,
    name: String,
    email: String,
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SigninPage {
    l: Layout,
    email: String,
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    l: Layout,
}

fn anon_page(
    state: &AppState,
    title: &str,
    flash: Option<String>,
    build: impl FnOnce(Layout) -> Result<Response, AppError>,
) -> Result<Response, AppError> {
    let (token, set) = anon_csrf(state);
    let mut l = Layout::new(state, None, "", title);
    l.csrf = token;
    l.flash = flash;
    let mut res = build(l)?;
    res.headers_mut().append(SET_COOKIE, set.parse().map_err(|_| AppError::Internal("cookie".into()))?);
    Ok(res)
}

pub async fn signup_page(
    State(state): State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
) -> Result<Response, AppError> {
    if who.is_some() {
        return Ok(Redirect::to("/today").into_response());
    }
    anon_page(&state, "signup.title", None, |l| render(&SignupPage { l, name: String::new(), email: String::new() }))
}

#[derive(Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    time_zone: String,
}

async fn start_session(state: &AppState, account: store::AccountId) -> Result<Response, AppError> {
    let token = auth::random_token();
    let now = state.now();
    // Out of range only near year 9999; then the session simply expires at once.
    let expires = Timestamp::from_second(now.as_second() + SESSION_DAYS * 86_400).unwrap_or(now);
    state.store().create_session(account, &auth::digest(&token), &auth::random_token(), now, expires).await?;
    let mut res = Redirect::to("/today").into_response();
    let c = cookie(state, SESSION_COOKIE, &token, SESSION_DAYS * 86_400);
    res.headers_mut().append(SET_COOKIE, c.parse().map_err(|_| AppError::Internal("cookie".into()))?);
    Ok(res)
}

fn valid_email(e: &str) -> bool {
    let e = e.trim();
    e.len() <= 254
        && e.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
        && !e.contains(' ')
}

pub async fn signup(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    AnonForm(f): AnonForm<SignupForm>,
) -> Result<Response, AppError> {
    let problem = if f.name.trim().is_empty() || f.name.chars().count() > 100 {
        Some("name: please give a first name (up to 100 characters)".to_string())
    } else if let Err(e) = coach::text::check_line("name", &f.name).and(coach::text::check_line("email", &f.email)) {
        Some(e.to_string())
    } else if !valid_email(&f.email) {
        Some(format!("email: '{}' is not an email address", f.email.trim()))
    } else if f.password.chars().count() < MIN_PASSWORD_CHARS {
        Some(format!("password: use at least {MIN_PASSWORD_CHARS} characters"))
    } else {
        None
    };
    let retry = |msg: String| {
        let (name, email) = (f.name.clone(), f.email.clone());
        anon_page(&state, "signup.title", Some(msg), |l| {
            render(&SignupPage { l, name, email })
                .map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        })
    };
    if let Some(msg) = problem {
        return retry(msg);
    }
    let tz =
        if jiff::tz::TimeZone::get(f.time_zone.trim()).is_ok() { f.time_zone.trim().to_string() } else { "UTC".into() };
    auth::hash_queue_has_room()?;
    let password = f.password.clone();
    let hash = auth::on_hash_thread(move || auth::password_hash(&password))
        .await
        .map_err(AppError::Internal)?
        .map_err(AppError::Internal)?;
    let new = NewAccount {
        email: f.email.trim().to_lowercase(),
        password_hash: hash,
        name: f.name.trim().into(),
        time_zone: tz,
    };
    match state.store().create_account(&new, state.now()).await {
        Ok(account) => {
            audit::record(&state, SecurityKind::AccountCreated, Some(account.id), &client, "").await?;
            start_session(&state, account.id).await
        }
        Err(store::StoreError::Duplicate(m)) => retry(format!("email: {m}")),
        Err(e) => Err(e.into()),
    }
}

pub async fn signin_page(
    State(state): State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
) -> Result<Response, AppError> {
    if who.is_some() {
        return Ok(Redirect::to("/today").into_response());
    }
    anon_page(&state, "signin.title", None, |l| render(&SigninPage { l, email: String::new() }))
}

#[derive(Deserialize)]
pub struct SigninForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn signin(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    AnonForm(f): AnonForm<SigninForm>,
) -> Result<Response, AppError> {
    let key = f.email.trim().to_lowercase();
    let now = state.now();
    throttle::check_signin(state.store(), &key, &address, now).await?;
    auth::hash_queue_has_room()?;
    let account = state.store().account_by_email(&key).await?;
    let password = f.password.clone();
    let phc = account.as_ref().map(|a| a.password_hash.clone());
    // Verify even for an unknown email (against a stand-in hash), so timing
    // does not tell which emails exist, nor which have no password yet.
    let ok = auth::on_hash_thread(move || match phc {
        Some(h) => auth::password_matches(&password, &h),
        None => auth::password_matches(&password, ""),
    })
    .await
    .map_err(AppError::Internal)?;
    let known = account.as_ref().map(|a| a.id);
    match account.filter(|_| ok) {
        Some(a) if a.disabled_at.is_some() => {
            // The right password for a disabled account: say so, it is theirs.
            audit::record(&state, SecurityKind::SignInFailed, known, &address, "account disabled").await?;
            anon_page(&state, "signin.title", Some(state.i18n().t("signin.disabled").to_string()), |l| {
                render(&SigninPage { l, email: f.email.clone() })
                    .map(|r| (axum::http::StatusCode::FORBIDDEN, r).into_response())
            })
        }
        Some(a) => {
            throttle::signin_succeeded(state.store(), &key).await?;
            audit::record(&state, SecurityKind::SignIn, known, &address, "").await?;
            start_session(&state, a.id).await
        }
        None => {
            throttle::signin_failed(state.store(), &key, &address, now).await?;
            let detail = if known.is_some() { "wrong password" } else { "unknown e-mail" };
            audit::record(&state, SecurityKind::SignInFailed, known, &address, detail).await?;
            anon_page(&state, "signin.title", Some(state.i18n().t("signin.wrong").to_string()), |l| {
                render(&SigninPage { l, email: f.email.clone() })
                    .map(|r| (axum::http::StatusCode::UNAUTHORIZED, r).into_response())
            })
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn signout(State(state): State<AppState>, f: CsrfForm<Empty>) -> Result<Response, AppError> {
    state.store().delete_session(&f.who.token_digest).await?;
    audit::by(&state, &f.who, SecurityKind::SignOut, "").await?;
    signed_out(&state)
}

/// To the sign-in page with the session cookie cleared.
pub fn signed_out(state: &AppState) -> Result<Response, AppError> {
    let mut res = Redirect::to("/signin").into_response();
    res.headers_mut().append(
        SET_COOKIE,
        cookie(state, SESSION_COOKIE, "", 0).parse().map_err(|_| AppError::Internal("cookie".into()))?,
    );
    Ok(res)
}

pub async fn reset_page(State(state): State<AppState>) -> Result<Response, AppError> {
    anon_page(&state, "reset.title", None, |l| render(&ResetPage { l }))
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

pub async fn reset(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    AnonForm(f): AnonForm<ResetForm>,
) -> Result<Response, AppError> {
    throttle::check_reset(state.store(), &address, state.now()).await?;
    auth::hash_queue_has_room()?;
    if f.password.chars().count() < MIN_PASSWORD_CHARS {
        let msg = format!("password: use at least {MIN_PASSWORD_CHARS} characters");
        return anon_page(&state, "reset.title", Some(msg), |l| render(&ResetPage { l }));
    }
    let password = f.password.clone();
    let hash = auth::on_hash_thread(move || auth::password_hash(&password))
        .await
        .map_err(AppError::Internal)?
        .map_err(AppError::Internal)?;
    let code = f.code.trim().to_uppercase();
    match state.store().reset_password(&auth::digest(&code), &hash, state.now()).await? {
        Some(account) => {
            audit::record(&state, SecurityKind::PasswordReset, Some(account), &address, "").await?;
            anon_page(&state, "signin.title", Some(state.i18n().t("reset.done").to_string()), |l| {
                render(&SigninPage { l, email: String::new() })
            })
        }
        None => {
            throttle::reset_failed(state.store(), &address, state.now()).await?;
            audit::record(&state, SecurityKind::ResetCodeFailed, None, &address, "").await?;
            anon_page(&state, "reset.title", Some(state.i18n().t("reset.bad_code").to_string()), |l| {
                render(&ResetPage { l }).map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
            })
        }
    }
}
