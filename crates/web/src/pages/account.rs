//! Sign up, sign in, sign out and password reset (with a one-time code from
//! `retrowalk user reset-password`, since no mail server is assumed).

use super::{Layout, render};
use crate::auth::accounts::{self, Reset, SignInAnswer};
use crate::auth::extract::{AnonForm, ClientAddr, MaybeSignedIn, PendingForm};
use crate::auth::{self, ANON_CSRF_COOKIE, SESSION_COOKIE, SESSION_DAYS};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// A cookie only this site's pages send back: HttpOnly, SameSite=Lax, for
/// the whole site, Secure unless the server runs without TLS (a laptop).
fn cookie(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> String {
    use axum_extra::extract::cookie::{Cookie, SameSite};
    Cookie::build((name.to_string(), value.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::seconds(max_age_secs))
        .secure(state.config().secure_cookies)
        .build()
        .to_string()
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

/// A new session for the account, with its cookie, on to its home: Today
/// for a walker, the patient list for clinic staff (through the second
/// factor when it is owed).
async fn start_session(state: &AppState, account: store::AccountId, role: store::Role) -> Result<Response, AppError> {
    let token = accounts::start_session(state, account).await?;
    let mut res = Redirect::to(super::home_of(role)).into_response();
    let c = cookie(state, SESSION_COOKIE, &token, SESSION_DAYS * 86_400);
    res.headers_mut().append(SET_COOKIE, c.parse().map_err(|_| AppError::Internal("cookie".into()))?);
    Ok(res)
}

pub async fn signup(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    AnonForm(f): AnonForm<SignupForm>,
) -> Result<Response, AppError> {
    let form = accounts::SignUp { name: &f.name, email: &f.email, password: &f.password, time_zone: &f.time_zone };
    match accounts::sign_up(&state, &form, &client).await? {
        accounts::SignedUp::Created(account) => start_session(&state, account, store::Role::Walker).await,
        accounts::SignedUp::Refused(e) => {
            let (name, email) = (f.name.clone(), f.email.clone());
            anon_page(&state, "signup.title", Some(state.i18n().problem(&e)), |l| {
                render(&SignupPage { l, name, email })
                    .map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
            })
        }
    }
}

pub async fn signin_page(
    State(state): State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
) -> Result<Response, AppError> {
    if let Some(who) = who {
        return Ok(Redirect::to(super::home_of(who.account.role)).into_response());
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
    let (message, status) = match accounts::sign_in(&state, &f.email, &f.password, &address).await? {
        SignInAnswer::Ok(account, role) => return start_session(&state, account, role).await,
        SignInAnswer::Disabled => ("signin.disabled", StatusCode::FORBIDDEN),
        SignInAnswer::Wrong => ("signin.wrong", StatusCode::UNAUTHORIZED),
    };
    anon_page(&state, "signin.title", Some(state.i18n().t(message).to_string()), |l| {
        render(&SigninPage { l, email: f.email.clone() }).map(|r| (status, r).into_response())
    })
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn signout(State(state): State<AppState>, f: PendingForm<Empty>) -> Result<Response, AppError> {
    accounts::sign_out(&state, &f.who).await?;
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
    match accounts::reset(&state, &f.code, &f.password, &address).await? {
        Reset::Done => anon_page(&state, "signin.title", Some(state.i18n().t("reset.done").to_string()), |l| {
            render(&SigninPage { l, email: String::new() })
        }),
        Reset::TooShort(e) => {
            anon_page(&state, "reset.title", Some(state.i18n().problem(&e)), |l| render(&ResetPage { l }))
        }
        Reset::BadCode => anon_page(&state, "reset.title", Some(state.i18n().t("reset.bad_code").to_string()), |l| {
            render(&ResetPage { l }).map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }),
    }
}
