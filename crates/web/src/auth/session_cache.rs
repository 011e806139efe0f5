//! Signed-in sessions remembered between requests for as long as the SQLite
//! database provably has not changed, so a page view needs no session query.
//! The proof is the store's change stamp (`PRAGMA data_version` on a watching
//! connection), read before the session was looked up: any commit since — a
//! sign-out, a password reset from the CLI, a log, an import — moves it, and
//! the session is looked up again. Expiry is checked on every use. PostgreSQL has no stamp, so there
//! every request asks the database (other app servers may write).

use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::Mutex;
use store::{ChangeStamp, SqlStore, Store, StoreError, WebSession};

/// Sessions kept before the cache starts over.
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct SessionCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    /// The stamp every entry was read under; a new stamp empties the cache.
    stamp: Option<ChangeStamp>,
    by_token: HashMap<String, WebSession>,
}

impl SessionCache {
    /// The live session for a token digest, from memory when nothing was
    /// committed since it was read, else from the store.
    pub async fn session(
        &self,
        store: &SqlStore,
        digest: &str,
        now: Timestamp,
    ) -> Result<Option<WebSession>, StoreError> {
        let stamp = store.change_stamp().await;
        if let Some(stamp) = stamp
            && let Some(s) = self.get(stamp, digest)
            && s.expires_at > now
        {
            return Ok(Some(s));
        }
        let found = store.session(digest, now).await?;
        if let (Some(stamp), Some(s)) = (stamp, &found) {
            self.put(stamp, digest, s.clone());
        }
        Ok(found)
    }

    fn get(&self, stamp: ChangeStamp, digest: &str) -> Option<WebSession> {
        let e = self.inner.lock().ok()?;
        (e.stamp == Some(stamp)).then(|| e.by_token.get(digest).cloned()).flatten()
    }

    fn put(&self, stamp: ChangeStamp, digest: &str, session: WebSession) {
        if let Ok(mut e) = self.inner.lock() {
            if e.stamp != Some(stamp) || e.by_token.len() >= MAX_ENTRIES {
                e.by_token.clear();
                e.stamp = Some(stamp);
            }
            e.by_token.insert(digest.to_string(), session);
        }
    }
}
