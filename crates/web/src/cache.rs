//! A per-walker cache of the state pages need, and of the main pages' content
//! rendered from it. An entry is used only while the walker's version (bumped
//! by the store in the same transaction as every write about them) and their
//! local date are unchanged, so it is never stale, even with several app
//! servers on one PostgreSQL database.
//!
//! Rendered content is kept because building Plan and Progress (a year of
//! weeks, four SVG charts) costs several times a request's other work; what
//! is cached is only the part inside `<main>` that depends on nothing but the
//! state, never the layout around it with the session's CSRF token. Pages
//! are kept once per language (a walker may read in English on one device
//! and in Spanish on another); the API's JSON is the same in every language.

use service::State;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use store::WalkerId;

/// Entries kept before the cache starts over (bounds memory on big servers).
const MAX_ENTRIES: usize = 10_000;

/// The pages, and the API's answers, whose content is cached with the state.
#[derive(Clone, Copy)]
pub enum Part {
    Today,
    Plan,
    Progress,
    ApiToday,
    ApiPlan,
    ApiSessions,
    ApiProgress,
    ApiOutcomes,
    ApiActivities,
    ApiQuestionnaires,
}

const PARTS: usize = 10;

/// One walker's state and the content rendered from it so far, per language.
pub struct Entry {
    pub state: Arc<State>,
    parts: [[OnceLock<Arc<str>>; PARTS]; crate::i18n::Lang::ALL.len()],
}

impl Entry {
    pub fn new(state: Arc<State>) -> Entry {
        Entry { state, parts: Default::default() }
    }

    /// The content of `part` in `lang`, rendered by `render` the first time it is asked for.
    pub fn content<E>(
        &self,
        part: Part,
        lang: crate::i18n::Lang,
        render: impl FnOnce(&State) -> Result<String, E>,
    ) -> Result<Arc<str>, E> {
        rendered_once(&self.parts[lang as usize][part as usize], || render(&self.state))
    }
}

/// Kept text as a response body's bytes: the body shares it, no copy.
pub struct SharedText(pub Arc<str>);

impl AsRef<[u8]> for SharedText {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// The content in `slot`, rendered by `render` if it is empty. Two requests
/// may both render on a first visit; either result is the same, one is kept.
pub fn rendered_once<E>(slot: &OnceLock<Arc<str>>, render: impl FnOnce() -> Result<String, E>) -> Result<Arc<str>, E> {
    if let Some(html) = slot.get() {
        return Ok(Arc::clone(html));
    }
    let html: Arc<str> = render()?.into();
    Ok(Arc::clone(slot.get_or_init(|| html)))
}

#[derive(Default)]
pub struct StateCache {
    entries: Mutex<HashMap<WalkerId, Arc<Entry>>>,
}

impl StateCache {
    /// The cached entry, if it is still current.
    pub fn get(
        &self,
        walker: WalkerId,
        version: i64,
        today_in: impl Fn(&str) -> jiff::civil::Date,
    ) -> Option<Arc<Entry>> {
        // Out of the lock before the clock and time zone are read: every
        // signed-in request passes here.
        let e = Arc::clone(self.entries.lock().ok()?.get(&walker)?);
        let s = &e.state;
        let current = s.walker.version == version && s.today == today_in(&s.walker.time_zone);
        current.then_some(e)
    }

    /// Keeps a freshly loaded state and returns its entry.
    pub fn put(&self, state: Arc<State>) -> Arc<Entry> {
        let entry = Arc::new(Entry::new(state));
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(entry.state.walker.id, Arc::clone(&entry));
        }
        entry
    }
}

/// A clinician's patient-list rows, one per walker and clinic, kept while the
/// walker's version and local date are unchanged (the list reads every
/// version in one query, so a write on any server is seen at the next list).
#[derive(Default)]
pub struct PatientRows {
    rows: Mutex<HashMap<(WalkerId, store::ClinicId), KeptRow>>,
}

/// A row with the walker's version and the day it was made for.
type KeptRow = (i64, jiff::civil::Date, service::clinics::PatientRow);

impl service::clinics::RowCache for PatientRows {
    fn get(
        &self,
        walker: WalkerId,
        clinic: store::ClinicId,
        version: i64,
        today: jiff::civil::Date,
    ) -> Option<service::clinics::PatientRow> {
        let rows = self.rows.lock().ok()?;
        let (v, d, row) = rows.get(&(walker, clinic))?;
        (*v == version && *d == today).then(|| row.clone())
    }

    fn put(&self, row: &service::clinics::PatientRow, clinic: store::ClinicId, version: i64, today: jiff::civil::Date) {
        if let Ok(mut rows) = self.rows.lock() {
            if rows.len() >= MAX_ENTRIES {
                rows.clear();
            }
            rows.insert((row.walker, clinic), (version, today, row.clone()));
        }
    }
}
