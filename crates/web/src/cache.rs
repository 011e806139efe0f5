//! A per-walker cache of the state pages need. An entry is used only while the
//! walker's version (bumped by the store in the same transaction as every
//! write about them) and their local date are unchanged, so it is never stale,
//! even with several app servers on one PostgreSQL database.

use service::State;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use store::WalkerId;

/// Entries kept before the cache starts over (bounds memory on big servers).
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct StateCache {
    entries: Mutex<HashMap<WalkerId, Arc<State>>>,
}

impl StateCache {
    /// The cached state, if it is still current.
    pub fn get(&self, walker: WalkerId, version: i64) -> Option<Arc<State>> {
        let entries = self.entries.lock().ok()?;
        let s = entries.get(&walker)?;
        let current = s.walker.version == version && s.today == crate::pages::today_in(&s.walker.time_zone);
        current.then(|| Arc::clone(s))
    }

    pub fn put(&self, state: Arc<State>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(state.walker.id, state);
        }
    }
}
