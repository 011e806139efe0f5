//! Argon2id password hashes as PHC strings, computed in one memory block that
//! is kept and reused. Argon2 needs megabytes per hash; allocating them anew
//! each time fragmented the allocator until the server held ~60 MB after a few
//! sign-ups, over its 40 MB budget. Hashing runs on one thread (see
//! `on_hash_thread`), which owns the block.

use argon2::{Algorithm, Argon2, Block, Params, Version};
use base64ct::{Base64Unpadded, Encoding};
use std::cell::RefCell;

/// OWASP's 7 MiB / 5 passes / 1 lane, rated as strong as 19 MiB / 2 passes.
const M_KIB: u32 = 7 * 1024;
const T: u32 = 5;
const P: u32 = 1;
const SALT_LEN: usize = 16;
const OUT_LEN: usize = 32;

thread_local! {
    /// The Argon2 working memory, grown to the largest cost seen and reused.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

fn compute(password: &[u8], salt: &[u8], m: u32, t: u32, p: u32, out: &mut [u8]) -> Result<(), String> {
    let params = Params::new(m, t, p, Some(out.len())).map_err(|e| e.to_string())?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let needed = argon.params().block_count();
    BLOCKS.with(|cell| {
        let mut blocks = cell.borrow_mut();
        if blocks.len() < needed {
            blocks.resize(needed, Block::default());
        }
        argon.hash_password_into_with_memory(password, salt, out, &mut blocks[..needed]).map_err(|e| e.to_string())
    })
}

/// A new PHC string for `password`, with a random salt.
pub fn hash(password: &str) -> Result<String, String> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let mut out = [0u8; OUT_LEN];
    compute(password.as_bytes(), &salt, M_KIB, T, P, &mut out)?;
    Ok(format!(
        "$argon2id$v=19$m={M_KIB},t={T},p={P}${}${}",
        Base64Unpadded::encode_string(&salt),
        Base64Unpadded::encode_string(&out)
    ))
}

/// A hash that matches no password, checked when there is nothing to check
/// against, so an answer takes as long for an unknown e-mail or an account
/// without a password yet (`retrowalk user add`) as for a wrong password.
const STAND_IN: &str = "$argon2id$v=19$m=7168,t=5,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

/// Whether `password` matches a PHC string, with the costs the string names
/// (so hashes made with older settings still verify). A string that is no
/// hash (none is known, or none was set) takes the same time and never matches.
pub fn matches(password: &str, phc: &str) -> bool {
    match check(password, phc) {
        Some(ok) => ok,
        None => {
            let _ = check(password, STAND_IN);
            false
        }
    }
}

fn check(password: &str, phc: &str) -> Option<bool> {
    let parts: Vec<&str> = phc.split('$').collect();
    let ["", "argon2id", "v=19", costs, salt, expected] = parts.as_slice() else { return None };
    let (mut m, mut t, mut p) = (None, None, None);
    for kv in costs.split(',') {
        let (k, v) = kv.split_once('=')?;
        let v: u32 = v.parse().ok()?;
        match k {
            "m" => m = Some(v),
            "t" => t = Some(v),
            "p" => p = Some(v),
            _ => return None,
        }
    }
    let salt = Base64Unpadded::decode_vec(salt).ok()?;
    let expected = Base64Unpadded::decode_vec(expected).ok()?;
    let mut out = vec![0u8; expected.len()];
    compute(password.as_bytes(), &salt, m?, t?, p?, &mut out).ok()?;
    // Constant time: every byte is compared whatever the first difference.
    Some(out.iter().zip(&expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_older_argon2_strings_still_verify() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"));
        assert!(matches("correct horse battery", &h));
        assert!(!matches("wrong", &h));
        assert!(!matches("x", "not a hash"));
        // Made by the argon2 crate's own hasher with its defaults (19 MiB, 2 passes).
        use argon2::password_hash::PasswordHasher;
        let old = Argon2::default().hash_password(b"older account").unwrap().to_string();
        assert!(old.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{old}");
        assert!(matches("older account", &old));
        assert!(!matches("older acount", &old));
    }
}
