//! Login throttling: after 5 failed sign-ins for one email within 15 minutes,
//! further attempts are refused until the window passes. Kept in memory: a
//! restart forgives, which is acceptable for a throttle.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const MAX_FAILURES: u32 = 5;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl Throttle {
    /// Whether another attempt for `key` may be tried now.
    pub fn allowed(&self, key: &str) -> bool {
        let Ok(mut map) = self.failures.lock() else { return true };
        match map.get(key) {
            Some((n, since)) if since.elapsed() < WINDOW => *n < MAX_FAILURES,
            Some(_) => {
                map.remove(key);
                true
            }
            None => true,
        }
    }

    pub fn failed(&self, key: &str) {
        if let Ok(mut map) = self.failures.lock() {
            let entry = map.entry(key.to_string()).or_insert((0, Instant::now()));
            if entry.1.elapsed() >= WINDOW {
                *entry = (0, Instant::now());
            }
            entry.0 += 1;
        }
    }

    pub fn succeeded(&self, key: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn five_failures_lock_an_email() {
        let t = super::Throttle::default();
        for _ in 0..5 {
            assert!(t.allowed("a@x"));
            t.failed("a@x");
        }
        assert!(!t.allowed("a@x"));
        assert!(t.allowed("b@x"));
        t.succeeded("a@x");
        assert!(t.allowed("a@x"));
    }
}
