//! Settings: change the set-up, export my data, delete my account.

use super::setup::{SetupFields, SetupForm, parse};
use super::{Layout, ready, render};
use crate::auth::extract::{CsrfForm, SignedIn};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::Store;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    l: Layout,
    form: SetupForm,
    action: &'static str,
    email: String,
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    let l = Layout::new(&state, Some(&who), "settings", "settings.title");
    let form = SetupForm::from_setup(&s.programme.setup, l.t("setup.baseline_pain"));
    render(&SettingsPage { l, form, action: "/settings/setup", email: who.account.email.clone() })
}

/// Saving set-up changes starts the new set-up as the active programme.
pub async fn save(State(state): State<AppState>, f: CsrfForm<SetupFields>) -> Result<Response, AppError> {
    let setup = parse(&f.form, &f.raw)?;
    service::set_up(state.store(), f.who.account.walker, &setup, jiff::Timestamp::now()).await?;
    Ok(Redirect::to("/today").into_response())
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

pub async fn export_json(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    let v = service::export_json(state.store(), &s, jiff::Timestamp::now()).await?;
    let body = serde_json::to_string_pretty(&v).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(body, "application/json", "retrowalk-export.json"))
}

pub async fn export_csv(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    Ok(download(service::export_csv(&s)?, "text/csv; charset=utf-8", "retrowalk-sessions.csv"))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

/// Deletes the walker and everything about them, after typed confirmation.
pub async fn delete(State(state): State<AppState>, f: CsrfForm<DeleteForm>) -> Result<Response, AppError> {
    if f.form.confirm.trim() != "DELETE" {
        return Err(AppError::bad("To delete your account, type DELETE in capital letters in the box."));
    }
    state.store().delete_walker(f.who.account.walker).await?;
    let mut res = Redirect::to("/signin").into_response();
    let clear = format!("{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0", crate::auth::SESSION_COOKIE);
    res.headers_mut().append(header::SET_COOKIE, clear.parse().map_err(|_| AppError::Internal("cookie".into()))?);
    Ok(res)
}
