//! Accounts: Argon2id passwords, DB-backed sessions (the cookie holds a random
//! token, the database only its SHA-256), CSRF tokens, bearer tokens for the
//! API, and a login throttle.

pub mod extract;
pub mod session_cache;
pub mod throttle;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "rw_session";
/// The double-submit CSRF cookie for forms shown before sign-in.
pub const ANON_CSRF_COOKIE: &str = "rw_csrf";
pub const SESSION_DAYS: i64 = 30;
pub const MIN_PASSWORD_CHARS: usize = 10;

/// 32 random bytes as hex: session tokens, CSRF tokens, API tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source does not fail on supported platforms; if it did,
    // an all-zero token would be refused by `is_token` below rather than used.
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    hex(&bytes)
}

pub fn is_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the database keeps of a secret.
pub fn digest(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// An Argon2id PHC string. Slow on purpose; callers run it off the async threads.
pub fn password_hash(password: &str) -> Result<String, String> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| e.to_string())
}

pub fn password_matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A new API token: (shown once to the user, stored digest).
pub fn new_api_token() -> (String, String) {
    let token = format!("rwt_{}", random_token());
    let d = digest(&token);
    (token, d)
}

/// A password-reset code the CLI prints: short enough to type.
pub fn new_reset_code() -> (String, String) {
    let t = random_token();
    let code = t[..12].to_uppercase();
    let d = digest(&code);
    (code, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = password_hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(password_matches("correct horse battery", &h));
        assert!(!password_matches("wrong", &h));
        assert!(!password_matches("x", "not a hash"));
    }

    #[test]
    fn tokens_are_random_hex() {
        let a = random_token();
        assert!(is_token(&a));
        assert_ne!(a, random_token());
        assert_eq!(digest("abc").len(), 64);
    }
}
