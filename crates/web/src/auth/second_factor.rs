//! Two-factor sign-in for clinicians and clinic admins: TOTP (RFC 6238:
//! HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either way)
//! from any authenticator app, and ten one-time recovery codes. A staff
//! session is "pending" after the password until a code passes; pending, it
//! reaches nothing but `/2fa` and sign-out. A code's time step is accepted
//! once, so a code seen over a shoulder does not work twice. Wrong codes
//! count as failed sign-ins (the same throttle).

use super::{digest, hex, throttle};
use crate::error::AppError;
use crate::state::AppState;
use store::prelude::*;
use store::{Account, Role, SecurityEvent, SecurityKind};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

/// The name authenticator apps show.
pub const ISSUER: &str = "retrowalk";
pub const RECOVERY_CODES: usize = 10;
const STEP_SECONDS: i64 = 30;

/// Whether the account must pass a second factor on this server.
pub fn required(state: &AppState, account: &Account) -> bool {
    state.config().staff_two_factor && account.role != Role::Walker
}

/// A new secret: 20 random bytes (160 bits, as RFC 4226 recommends), base32.
pub fn new_secret() -> Option<String> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).ok()?;
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(s) => Some(s),
        Secret::Raw(_) => None,
    }
}

fn totp(secret: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, STEP_SECONDS as u64, bytes).ok()
}

/// The code for the step holding `unix_seconds` (tests and the e2e suite
/// compute codes the way an app does).
pub fn code_at(secret: &str, unix_seconds: i64) -> Option<String> {
    Some(totp(secret)?.generate(u64::try_from(unix_seconds).ok()?))
}

/// The time step `code` was made for, within one step of `unix_seconds`.
pub fn matching_step(secret: &str, code: &str, unix_seconds: i64) -> Option<i64> {
    let t = totp(secret)?;
    let now = unix_seconds / STEP_SECONDS;
    [now - 1, now, now + 1].into_iter().find(|step| {
        let made = u64::try_from(step * STEP_SECONDS).map(|at| t.generate(at)).unwrap_or_default();
        bool::from(made.as_bytes().ct_eq(code.as_bytes()))
    })
}

/// The `otpauth://` link an authenticator app reads from the QR code.
pub fn otpauth_url(secret: &str, email: &str) -> String {
    let label: String = format!("{ISSUER}:{email}")
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b':' => char::from(b).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect();
    format!("otpauth://totp/{label}?secret={secret}&issuer={ISSUER}&algorithm=SHA1&digits=6&period=30")
}

/// Ten recovery codes to show once: 12 hex digits each, in groups of four.
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .filter_map(|_| {
            let mut bytes = [0u8; 6];
            getrandom::fill(&mut bytes).ok()?;
            let h = hex(&bytes);
            Some(format!("{}-{}-{}", &h[..4], &h[4..8], &h[8..]))
        })
        .collect()
}

/// A recovery code as kept: hex digits only, lower case, hashed.
pub fn recovery_digest(code: &str) -> String {
    let clean: String = code.chars().filter(char::is_ascii_hexdigit).map(|c| c.to_ascii_lowercase()).collect();
    digest(&clean)
}

/// What a code typed at `/2fa` did.
pub enum Checked {
    Passed,
    /// A recovery code passed; this many are left.
    Recovered(u32),
    Wrong,
}

async fn event(state: &AppState, kind: SecurityKind, account: &Account, client: &str) -> Result<(), AppError> {
    let e = SecurityEvent::new(kind, Some(account.id), client, "", state.now());
    Ok(state.store().record_security_event(&e).await?)
}

/// Checks a TOTP or recovery code for an enrolled account and, if it
/// passes, marks the session as passed. Throttled like a password.
pub async fn check(
    state: &AppState,
    account: &Account,
    session: &str,
    code: &str,
    client: &str,
) -> Result<Checked, AppError> {
    let store = state.store();
    throttle::check_signin(store, &account.email, client, state.now()).await?;
    let code = code.trim();
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let passed = if digits.len() == 6 && code.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        let secret = store.totp_secret(account.id).await?.unwrap_or_default();
        match matching_step(&secret, &digits, state.now().as_second()) {
            Some(step) => store.accept_totp_step(account.id, step).await?.then_some(Checked::Passed),
            None => None,
        }
    } else if store.use_recovery_code(account.id, &recovery_digest(code), state.now()).await? {
        event(state, SecurityKind::RecoveryCodeUsed, account, client).await?;
        Some(Checked::Recovered(store.recovery_codes_left(account.id).await?))
    } else {
        None
    };
    match passed {
        Some(ok) => {
            store.pass_second_factor(session, state.now()).await?;
            throttle::signin_succeeded(store, &account.email).await?;
            Ok(ok)
        }
        None => {
            throttle::signin_failed(store, &account.email, client, state.now()).await?;
            event(state, SecurityKind::SecondFactorFailed, account, client).await?;
            Ok(Checked::Wrong)
        }
    }
}

/// The secret being enrolled (a new one on first visit).
pub async fn enrolling_secret(state: &AppState, account: &Account) -> Result<String, AppError> {
    if let Some(secret) = state.store().totp_secret(account.id).await? {
        return Ok(secret);
    }
    let secret = new_secret().ok_or_else(|| AppError::Internal("no random source".into()))?;
    state.store().start_totp(account.id, &secret).await?;
    Ok(secret)
}

/// Confirms enrolment with a first code: the secret goes into use with new
/// recovery codes (returned, to show once), and this session has passed.
pub async fn enrol(
    state: &AppState,
    account: &Account,
    session: &str,
    code: &str,
    client: &str,
) -> Result<Option<Vec<String>>, AppError> {
    let store = state.store();
    throttle::check_signin(store, &account.email, client, state.now()).await?;
    let secret = enrolling_secret(state, account).await?;
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let step = matching_step(&secret, &digits, state.now().as_second());
    let Some(step) = step.filter(|_| digits.len() == 6) else {
        throttle::signin_failed(store, &account.email, client, state.now()).await?;
        return Ok(None);
    };
    store.accept_totp_step(account.id, step).await?;
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| recovery_digest(c)).collect();
    store.enable_totp(account.id, &hashes, session, state.now()).await?;
    event(state, SecurityKind::SecondFactorEnabled, account, client).await?;
    Ok(Some(codes))
}

/// Recovery codes the account has left (for Settings).
pub async fn codes_left(state: &AppState, account: &Account) -> Result<u32, AppError> {
    Ok(state.store().recovery_codes_left(account.id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, with the RFC's 20-byte secret: the last six digits.
    #[test]
    fn codes_match_the_rfc_vectors() {
        let secret = match Secret::Raw(b"12345678901234567890".to_vec()).to_encoded() {
            Secret::Encoded(s) => s,
            Secret::Raw(_) => unreachable!(),
        };
        for (t, code) in
            [(59, "287082"), (1_111_111_109, "081804"), (1_234_567_890, "005924"), (2_000_000_000, "279037")]
        {
            assert_eq!(code_at(&secret, t).as_deref(), Some(code), "at {t}");
            assert_eq!(matching_step(&secret, code, t + 30), Some(t / 30), "a step late is accepted");
            assert_eq!(matching_step(&secret, code, t + 90), None, "three steps late is not");
        }
    }

    #[test]
    fn recovery_codes_are_ten_and_forgiving_in_form() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let c = &codes[0];
        assert_eq!(recovery_digest(c), recovery_digest(&c.to_uppercase().replace('-', " ")));
    }

    #[test]
    fn the_link_names_the_issuer_and_escapes_the_email() {
        let url = otpauth_url("ABC", "dr+x@example.org");
        assert_eq!(
            url,
            "otpauth://totp/retrowalk:dr%2Bx%40example.org?secret=ABC&issuer=retrowalk&algorithm=SHA1&digits=6&period=30"
        );
    }
}
