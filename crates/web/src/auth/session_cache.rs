//! What signed-in requests look up, remembered for as long as the SQLite
//! database provably has not changed, so a request needs no query to find who
//! it is: web sessions, API tokens' accounts and walkers' versions. The proof
//! is the store's change stamp (`PRAGMA data_version` on a watching
//! connection), read before the lookup: any commit since — a sign-out, a
//! revoked token, a password reset from the CLI, a log, an import — moves it,
//! and the next request asks the database again. Expiry is checked on every
//! use. PostgreSQL has no stamp, so there every request asks the database
//! (other app servers may write).

use jiff::Timestamp;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use store::prelude::*;
use store::{Account, ChangeStamp, SqlStore, StoreError, WalkerId, WebSession};

tokio::task_local! {
    /// When the request being served arrived (see `routes::mark_arrival`):
    /// a GET's lookups then share one change-stamp read.
    pub static ARRIVAL: store::Arrival;
}

/// The change stamp for a lookup: from a read that began after the request
/// arrived, shared by the request's lookups; a fresh read outside a request.
async fn stamp(store: &SqlStore) -> Option<ChangeStamp> {
    match ARRIVAL.try_with(|a| *a) {
        Ok(arrival) => store.change_stamp_since(arrival).await,
        Err(_) => store.change_stamp().await,
    }
}

/// Entries kept before a map starts over.
const MAX_ENTRIES: usize = 10_000;

/// A token's account is trusted from memory at most this long, so a token
/// that expires while nothing is written stops within this time.
const TOKEN_SECONDS: i64 = 30;

/// Values valid for one change stamp; a new stamp empties the map.
struct StampMap<K, V> {
    inner: Mutex<(Option<ChangeStamp>, HashMap<K, V>)>,
}

impl<K, V> Default for StampMap<K, V> {
    fn default() -> Self {
        StampMap { inner: Mutex::new((None, HashMap::new())) }
    }
}

impl<K: Eq + Hash, V: Clone> StampMap<K, V> {
    fn get<Q: Eq + Hash + ?Sized>(&self, stamp: ChangeStamp, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
    {
        let e = self.inner.lock().ok()?;
        (e.0 == Some(stamp)).then(|| e.1.get(key).cloned()).flatten()
    }

    fn put(&self, stamp: ChangeStamp, key: K, value: V) {
        if let Ok(mut e) = self.inner.lock() {
            if e.0 != Some(stamp) || e.1.len() >= MAX_ENTRIES {
                e.1.clear();
                e.0 = Some(stamp);
            }
            e.1.insert(key, value);
        }
    }
}

#[derive(Default)]
pub struct SessionCache {
    sessions: StampMap<String, WebSession>,
    /// A token digest's account, and when it was read.
    tokens: StampMap<String, (Account, Timestamp)>,
    versions: StampMap<WalkerId, i64>,
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
        let stamp = stamp(store).await;
        if let Some(stamp) = stamp
            && let Some(s) = self.sessions.get(stamp, digest)
            && s.expires_at > now
        {
            return Ok(Some(s));
        }
        let found = store.session(digest, now).await?;
        if let (Some(stamp), Some(s)) = (stamp, &found) {
            self.sessions.put(stamp, digest.to_string(), s.clone());
        }
        Ok(found)
    }

    /// The account of a live API token (the store records its use).
    pub async fn token_account(
        &self,
        store: &SqlStore,
        digest: &str,
        now: Timestamp,
    ) -> Result<Option<Account>, StoreError> {
        let stamp = stamp(store).await;
        if let Some(stamp) = stamp
            && let Some((account, read_at)) = self.tokens.get(stamp, digest)
            && now.duration_since(read_at).as_secs() < TOKEN_SECONDS
        {
            return Ok(Some(account));
        }
        let found = store.account_by_api_token(digest, now).await?;
        if let (Some(stamp), Some(a)) = (stamp, &found) {
            self.tokens.put(stamp, digest.to_string(), (a.clone(), now));
        }
        Ok(found)
    }

    /// A walker's version now (a cache of their state is current while it matches).
    pub async fn walker_version(&self, store: &SqlStore, walker: WalkerId) -> Result<i64, StoreError> {
        let stamp = stamp(store).await;
        if let Some(stamp) = stamp
            && let Some(v) = self.versions.get(stamp, &walker)
        {
            return Ok(v);
        }
        let version = store.walker(walker).await?.version;
        if let Some(stamp) = stamp {
            self.versions.put(stamp, walker, version);
        }
        Ok(version)
    }
}
