//! What a person does with their account, as the pages call it: sign up, sign
//! in and out, reset a password, list and revoke tokens, sign out everywhere.
//! Each checks, hashes, writes and records its event here, so the pages only
//! extract and render (and the pages never hold the store).

use super::{MIN_PASSWORD_CHARS, SESSION_DAYS, audit, throttle};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::state::AppState;
use coach::{Code, InputError};
use jiff::Timestamp;
use store::prelude::*;
use store::{AccountId, ApiToken, NewAccount, SecurityEvent, SecurityKind};

/// What a sign-up form asked for.
pub struct SignUp<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub time_zone: &'a str,
}

/// A new account, or what to fix (in the words shown on the form).
pub enum SignedUp {
    Created(AccountId),
    Refused(InputError),
}

fn too_short() -> InputError {
    InputError::new("password", format!("use at least {MIN_PASSWORD_CHARS} characters")).because(Code::OutOfRange)
}

/// Creates the account and its walker.
pub async fn sign_up(state: &AppState, f: &SignUp<'_>, client: &str) -> Result<SignedUp, AppError> {
    let problem = if f.name.trim().is_empty() || f.name.chars().count() > 100 {
        Some(InputError::new("name", "please give a first name (up to 100 characters)").because(Code::Required))
    } else if let Err(e) = coach::text::check_line("name", f.name).and(coach::text::check_line("email", f.email)) {
        Some(e)
    } else if !valid_email(f.email) {
        Some(InputError::new("email", format!("'{}' is not an email address", f.email.trim())).because(Code::Invalid))
    } else if f.password.chars().count() < MIN_PASSWORD_CHARS {
        Some(too_short())
    } else {
        None
    };
    if let Some(msg) = problem {
        return Ok(SignedUp::Refused(msg));
    }
    let tz = if jiff::tz::TimeZone::get(f.time_zone.trim()).is_ok() { f.time_zone.trim() } else { "UTC" };
    let new = NewAccount {
        email: f.email.trim().to_lowercase(),
        password_hash: hash(f.password).await?,
        name: f.name.trim().into(),
        time_zone: tz.into(),
    };
    match state.store().create_account(&new, state.now()).await {
        Ok(account) => {
            audit::record(state, SecurityKind::AccountCreated, Some(account.id), client, "").await?;
            Ok(SignedUp::Created(account.id))
        }
        Err(store::StoreError::Duplicate(m)) => {
            Ok(SignedUp::Refused(InputError::new("email", m).because(Code::AlreadyDone)))
        }
        Err(e) => Err(e.into()),
    }
}

fn valid_email(e: &str) -> bool {
    let e = e.trim();
    e.len() <= 254
        && e.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
        && !e.contains(' ')
}

/// A password's hash, on the hashing thread (refused at once when its queue is full).
async fn hash(password: &str) -> Result<String, AppError> {
    super::hash_queue_has_room()?;
    let password = password.to_string();
    super::on_hash_thread(move || super::password_hash(&password))
        .await
        .map_err(AppError::Internal)?
        .map_err(AppError::Internal)
}

pub enum SignInAnswer {
    /// Signed in, with the account's role (where it goes next).
    Ok(AccountId, store::Role),
    /// The right password for a disabled account: say so, it is theirs.
    Disabled,
    Wrong,
}

/// Checks an e-mail and password, throttled per address and account.
pub async fn sign_in(state: &AppState, email: &str, password: &str, address: &str) -> Result<SignInAnswer, AppError> {
    let key = email.trim().to_lowercase();
    let now = state.now();
    throttle::check_signin(state.store(), &key, address, now).await?;
    super::hash_queue_has_room()?;
    let account = state.store().account_by_email(&key).await?;
    let password = password.to_string();
    let phc = account.as_ref().map(|a| a.password_hash.clone());
    // Verify even for an unknown email (against a stand-in hash), so timing
    // does not tell which emails exist, nor which have no password yet.
    let ok = super::on_hash_thread(move || super::password_matches(&password, phc.as_deref().unwrap_or("")))
        .await
        .map_err(AppError::Internal)?;
    let known = account.as_ref().map(|a| a.id);
    match account.filter(|_| ok) {
        Some(a) if a.disabled_at.is_some() => {
            audit::record(state, SecurityKind::SignInFailed, known, address, "account disabled").await?;
            Ok(SignInAnswer::Disabled)
        }
        Some(a) => {
            throttle::signin_succeeded(state.store(), &key).await?;
            audit::record(state, SecurityKind::SignIn, known, address, "").await?;
            Ok(SignInAnswer::Ok(a.id, a.role))
        }
        None => {
            throttle::signin_failed(state.store(), &key, address, now).await?;
            let detail = if known.is_some() { "wrong password" } else { "unknown e-mail" };
            audit::record(state, SecurityKind::SignInFailed, known, address, detail).await?;
            Ok(SignInAnswer::Wrong)
        }
    }
}

/// A new web session for the account; the token for its cookie.
pub async fn start_session(state: &AppState, account: AccountId) -> Result<String, AppError> {
    let token = super::random_token();
    let now = state.now();
    // Out of range only near year 9999; then the session simply expires at once.
    let expires = Timestamp::from_second(now.as_second() + SESSION_DAYS * 86_400).unwrap_or(now);
    state.store().create_session(account, &super::digest(&token), &super::random_token(), now, expires).await?;
    Ok(token)
}

/// Ends this session.
pub async fn sign_out(state: &AppState, who: &SignedIn) -> Result<(), AppError> {
    state.store().delete_session(&who.token_digest).await?;
    audit::by(state, who, SecurityKind::SignOut, "").await
}

/// Ends every web session of the account (this one too) and revokes every API token.
pub async fn sign_out_everywhere(state: &AppState, who: &SignedIn) -> Result<(), AppError> {
    state.store().sign_out_everywhere(who.account.id).await?;
    audit::by(state, who, SecurityKind::SignOutEverywhere, "").await
}

pub enum Reset {
    Done,
    TooShort(InputError),
    BadCode,
}

/// Spends a one-time reset code on a new password (which signs the account
/// out everywhere), throttled per client address.
pub async fn reset(state: &AppState, code: &str, password: &str, address: &str) -> Result<Reset, AppError> {
    throttle::check_code(state.store(), throttle::Typed::ResetCode, address, state.now()).await?;
    super::hash_queue_has_room()?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Ok(Reset::TooShort(too_short()));
    }
    let hash = hash(password).await?;
    let code = code.trim().to_uppercase();
    match state.store().reset_password(&super::digest(&code), &hash, state.now()).await? {
        Some(account) => {
            audit::record(state, SecurityKind::PasswordReset, Some(account), address, "").await?;
            Ok(Reset::Done)
        }
        None => {
            throttle::code_failed(state.store(), throttle::Typed::ResetCode, address, state.now()).await?;
            audit::record(state, SecurityKind::ResetCodeFailed, None, address, "").await?;
            Ok(Reset::BadCode)
        }
    }
}

/// The account's API tokens, newest first.
pub async fn tokens(state: &AppState, who: &SignedIn) -> Result<Vec<ApiToken>, AppError> {
    Ok(state.store().api_tokens(who.account.id).await?)
}

/// Revokes one of the account's tokens; false if it has none with this id.
pub async fn revoke_token(state: &AppState, who: &SignedIn, id: &str) -> Result<bool, AppError> {
    let revoked = state.store().revoke_api_token(who.account.id, id).await?;
    if revoked {
        audit::by(state, who, SecurityKind::TokenRevoked, &format!("token {id}")).await?;
    }
    Ok(revoked)
}

/// The account's latest access-log events, newest first.
pub async fn events(state: &AppState, who: &SignedIn, limit: u32) -> Result<Vec<SecurityEvent>, AppError> {
    Ok(state.store().security_events(Some(who.account.id), limit).await?)
}

/// Who else has reached the walker's records, newest first: each event with
/// the e-mail of the account behind it (a clinician).
pub async fn seen_by(state: &AppState, who: &SignedIn, limit: u32) -> Result<Vec<(SecurityEvent, String)>, AppError> {
    let mut out = Vec::new();
    for e in state.store().walker_events(who.account.walker, limit).await? {
        let by = match e.account {
            Some(id) => email_of(state, id).await,
            None => String::new(),
        };
        out.push((e, by));
    }
    Ok(out)
}

/// An account's e-mail, to name who did something; a deleted account by its id.
pub async fn email_of(state: &AppState, id: store::AccountId) -> String {
    state.store().account(id).await.map(|a| a.email).unwrap_or_else(|_| format!("account {id}"))
}

/// Whether anyone has signed up on this server (a new server shows sign-up first).
pub async fn anyone(state: &AppState) -> Result<bool, AppError> {
    Ok(!state.store().walkers().await?.is_empty())
}
