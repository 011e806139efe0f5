//! Accounts: Argon2id passwords, DB-backed sessions (the cookie holds a random
//! token, the database only its SHA-256), CSRF tokens, bearer tokens for the
//! API, and a login throttle.

pub mod accounts;
pub mod audit;
pub mod extract;
mod password;
pub mod second_factor;
pub mod session_cache;
pub mod throttle;

use sha2::{Digest, Sha256};
use std::sync::{Mutex, OnceLock, mpsc};

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

/// Whether a sent secret (a CSRF token) is the expected one, in time that
/// does not depend on where they first differ. An empty secret never matches.
pub fn same_secret(sent: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    !expected.is_empty() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

pub fn is_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

pub fn hex(bytes: &[u8]) -> String {
    // Every API request hashes its token: one allocation, not one per byte.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// What the database keeps of a secret.
pub fn digest(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// An Argon2id PHC string. Slow on purpose; the server runs it on the hash thread.
pub fn password_hash(password: &str) -> Result<String, String> {
    password::hash(password)
}

/// Checks a password against a PHC string, with the costs the string names.
pub fn password_matches(password: &str, phc: &str) -> bool {
    password::matches(password, phc)
}

type Job = Box<dyn FnOnce() + Send>;

/// Runs `job` (hashing or checking a password) on one thread kept for it.
/// Argon2 takes megabytes per hash, and the allocator keeps what each thread
/// used: spread over tokio's blocking pool, 150 sign-ups grew the server to
/// 243 MB. One thread keeps one block, and hashes wait their turn.
/// Hash jobs waiting or running: past [`MAX_PENDING_HASHES`], sign-ins and
/// sign-ups are asked to wait instead of queueing without bound (a flood of
/// wrong passwords slowed real sign-ins 20-40x).
static PENDING_HASHES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
pub const MAX_PENDING_HASHES: usize = 16;

/// Refuses new password work while the hashing queue is full.
pub fn hash_queue_has_room() -> Result<(), crate::error::AppError> {
    if PENDING_HASHES.load(std::sync::atomic::Ordering::SeqCst) >= MAX_PENDING_HASHES {
        return Err(crate::error::AppError::Throttled(2));
    }
    Ok(())
}

pub async fn on_hash_thread<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    static QUEUE: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        let spawned = std::thread::Builder::new().name("password-hash".into()).spawn(move || {
            for job in rx {
                job();
            }
        });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "could not start the password-hash thread");
        }
        Mutex::new(tx)
    });
    let (done, result) = tokio::sync::oneshot::channel();
    PENDING_HASHES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let job: Job = Box::new(move || {
        let out = job();
        PENDING_HASHES.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        let _ = done.send(out);
    });
    queue
        .lock()
        .map_err(|_| "the password-hash queue is poisoned".to_string())?
        .send(job)
        .map_err(|e| e.to_string())?;
    result.await.map_err(|_| "the password-hash thread stopped".to_string())
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

/// A new invitation code: eight letters and digits a walker types on a phone
/// (no 0/O, 1/I/L to confuse), shown as two groups of four. About 40 bits;
/// wrong codes are throttled like passwords.
pub fn new_invitation_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    // Bytes past the last whole multiple of the alphabet are dropped, so
    // every letter is as likely; 32 bytes leave eight nearly always.
    let limit = 256 - 256 % ALPHABET.len();
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    let letters: Vec<char> = bytes
        .iter()
        .map(|b| usize::from(*b))
        .filter(|b| *b < limit)
        .map(|b| char::from(ALPHABET[b % ALPHABET.len()]))
        .take(8)
        .collect();
    if letters.len() < 8 {
        return new_invitation_code();
    }
    let (a, b) = letters.split_at(4);
    format!("{}-{}", a.iter().collect::<String>(), b.iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_hash_thread_runs_jobs_in_turn() {
        let h = on_hash_thread(|| password_hash("correct horse battery")).await.unwrap().unwrap();
        assert!(on_hash_thread(move || password_matches("correct horse battery", &h)).await.unwrap());
    }

    #[test]
    fn secrets_match_only_when_equal_and_not_empty() {
        let t = random_token();
        assert!(same_secret(&t, &t.clone()));
        assert!(!same_secret(&t[..63], &t));
        assert!(!same_secret(&random_token(), &t));
        assert!(!same_secret("", ""), "an empty token never matches");
    }

    #[test]
    fn tokens_are_random_hex() {
        let a = random_token();
        assert!(is_token(&a));
        assert_ne!(a, random_token());
        // Stored digests must not change: SHA-256 of "abc" in lower-case hex.
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
