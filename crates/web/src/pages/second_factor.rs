//! `/2fa`: the second step of a clinician's or clinic admin's sign-in. An
//! enrolled account types the code from its authenticator app (or a recovery
//! code); a new one enrols first: a QR code and the secret to type, a first
//! code to confirm, then ten recovery codes shown once.

use super::{Layout, render};
use crate::auth::extract::{PendingForm, PendingSignIn, SignedIn};
use crate::auth::second_factor::{self, Checked};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "two_factor.html")]
struct TwoFactorPage {
    l: Layout,
    /// Enrolling: the QR code and the secret in groups of four.
    enrol: Option<(String, String)>,
    /// Shown once, right after enrolment.
    recovery: Vec<String>,
    /// A recovery code was just spent: how many are left.
    recovered: Option<u32>,
}

/// Where a staff account goes once signed in.
fn onward(who: &SignedIn) -> &'static str {
    super::home_of(who.account.role)
}

async fn page_for(state: &AppState, who: &SignedIn, flash: Option<String>) -> Result<Response, AppError> {
    let mut l = Layout::new(state, Some(who), "", "twofactor.title");
    l.flash = flash;
    let enrol = if who.account.two_factor_since.is_none() {
        let secret = second_factor::enrolling_secret(state, &who.account).await?;
        let url = second_factor::otpauth_url(&secret, &who.account.email);
        let grouped: Vec<String> = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into()).collect();
        Some((crate::qr::svg(&url, l.t("twofactor.qr")), grouped.join(" ")))
    } else {
        None
    };
    render(&TwoFactorPage { l, enrol, recovery: Vec::new(), recovered: None })
}

pub async fn page(State(state): State<AppState>, PendingSignIn(who): PendingSignIn) -> Result<Response, AppError> {
    if !who.second_factor_pending {
        return Ok(Redirect::to(onward(&who)).into_response());
    }
    page_for(&state, &who, None).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

pub async fn submit(State(state): State<AppState>, f: PendingForm<CodeForm>) -> Result<Response, AppError> {
    let who = &f.who;
    if !who.second_factor_pending {
        return Ok(Redirect::to(onward(who)).into_response());
    }
    let wrong = |key: &str| state.i18n().t(key).to_string();
    if who.account.two_factor_since.is_none() {
        return match second_factor::enrol(&state, &who.account, &who.token_digest, &f.form.code, &who.client).await? {
            Some(recovery) => {
                let l = Layout::new(&state, Some(who), "", "twofactor.saved_title");
                render(&TwoFactorPage { l, enrol: None, recovery, recovered: None })
            }
            None => page_for(&state, who, Some(wrong("twofactor.wrong_enrol")))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        };
    }
    match second_factor::check(&state, &who.account, &who.token_digest, &f.form.code, &who.client).await? {
        Checked::Passed => Ok(Redirect::to(onward(who)).into_response()),
        Checked::Recovered(left) => {
            let l = Layout::new(&state, Some(who), "", "twofactor.recovered_title");
            render(&TwoFactorPage { l, enrol: None, recovery: Vec::new(), recovered: Some(left) })
        }
        Checked::Wrong => page_for(&state, who, Some(wrong("twofactor.wrong")))
            .await
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
    }
}
