//! Sign-in and reset throttling, counted in the database so every app server
//! sees the same failures (an in-memory count let two servers allow twice the
//! tries, and a restart forgave everything).
//!
//! - **Per client address**: 20 failed sign-ins in 15 minutes from one address
//!   stop further tries from it for the rest of the window; 10 wrong reset
//!   codes likewise, and 10 wrong invitation codes. Trying many e-mails from one address is slowed too.
//! - **Per account**: after 5 failures in 15 minutes, tries for that account are
//!   spaced out — 5 s, then 10, 20, 40, at most 60 s — from any address. An
//!   attacker gets at most one guess a minute; the owner is slowed, never
//!   locked out for a quarter of an hour.
//!
//! Keys are SHA-256 hashes of the e-mail and address: the table holds neither.

use crate::error::AppError;
use jiff::{SignedDuration, Timestamp};
use store::SqlStore;
use store::prelude::*;

pub const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// Failed sign-ins from one address in the window before it must wait.
pub const ADDRESS_LIMIT: u32 = 20;
/// Failed sign-ins for one account before tries are spaced out.
pub const ACCOUNT_FREE: u32 = 5;
/// The longest wait between tries for one account.
pub const MAX_SPACING_SECS: i64 = 60;
/// Wrong reset codes from one address in the window before it must wait.
pub const RESET_LIMIT: u32 = 10;

const SIGNIN_ADDRESS: &str = "signin-address";
const SIGNIN_ACCOUNT: &str = "signin-account";

/// A secret code typed by hand, guessed from one address at most
/// [`RESET_LIMIT`] times a window.
#[derive(Clone, Copy, Debug)]
pub enum Typed {
    ResetCode,
    InvitationCode,
}

impl Typed {
    fn scope(self) -> &'static str {
        match self {
            Typed::ResetCode => "reset-address",
            Typed::InvitationCode => "invitation-address",
        }
    }
}

fn account_key(email: &str) -> String {
    super::digest(&email.trim().to_lowercase())
}

fn address_key(address: &str) -> String {
    super::digest(address)
}

fn since(now: Timestamp) -> Timestamp {
    now.checked_sub(WINDOW).unwrap_or(now)
}

/// Seconds left of the window that began with failures still counting.
fn rest_of_window() -> u64 {
    WINDOW.as_secs().unsigned_abs()
}

/// Refuses a sign-in try that comes too soon; says how long to wait.
pub async fn check_signin(store: &SqlStore, email: &str, address: &str, now: Timestamp) -> Result<(), AppError> {
    let (from_address, _) = store.auth_failures(SIGNIN_ADDRESS, &address_key(address), since(now)).await?;
    if from_address >= ADDRESS_LIMIT {
        return Err(AppError::Throttled(rest_of_window()));
    }
    let (for_account, latest) = store.auth_failures(SIGNIN_ACCOUNT, &account_key(email), since(now)).await?;
    if let (true, Some(latest)) = (for_account >= ACCOUNT_FREE, latest) {
        let doublings = (for_account - ACCOUNT_FREE).min(4);
        let spacing = (5i64 << doublings).min(MAX_SPACING_SECS);
        let waited = now.duration_since(latest).as_secs();
        if waited < spacing {
            return Err(AppError::Throttled((spacing - waited).unsigned_abs()));
        }
    }
    Ok(())
}

pub async fn signin_failed(store: &SqlStore, email: &str, address: &str, now: Timestamp) -> Result<(), AppError> {
    store.record_auth_failure(SIGNIN_ADDRESS, &address_key(address), now).await?;
    store.record_auth_failure(SIGNIN_ACCOUNT, &account_key(email), now).await?;
    Ok(())
}

/// A right password clears the account's count (not the address's: one known
/// password must not buy an attacker more guesses at other accounts).
pub async fn signin_succeeded(store: &SqlStore, email: &str) -> Result<(), AppError> {
    Ok(store.clear_auth_failures(SIGNIN_ACCOUNT, &account_key(email)).await?)
}

pub async fn check_code(store: &SqlStore, code: Typed, address: &str, now: Timestamp) -> Result<(), AppError> {
    let (n, _) = store.auth_failures(code.scope(), &address_key(address), since(now)).await?;
    if n >= RESET_LIMIT {
        return Err(AppError::Throttled(rest_of_window()));
    }
    Ok(())
}

pub async fn code_failed(store: &SqlStore, code: Typed, address: &str, now: Timestamp) -> Result<(), AppError> {
    Ok(store.record_auth_failure(code.scope(), &address_key(address), now).await?)
}
