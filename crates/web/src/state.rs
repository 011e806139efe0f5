//! Shared state: the store, settings and translations.

use crate::cache::StateCache;
use crate::i18n::I18n;
use std::sync::{Arc, OnceLock};
use store::SqlStore;

#[derive(Clone, Debug)]
pub struct Config {
    /// Mark cookies `Secure`. Browsers accept secure cookies from
    /// http://localhost, so this stays on unless a plain-HTTP host is used.
    pub secure_cookies: bool,
    /// The address people reach the server at (`https://rw.example.org`),
    /// used for links that leave the page (the calendar feed). Never taken
    /// from a request's Host header, which the sender controls.
    pub public_url: String,
    /// Send Strict-Transport-Security (only when served over HTTPS).
    pub hsts: bool,
    /// Where "now" comes from. Every handler asks the state, never the
    /// system clock, so a test can fix the moment and snapshot what it sees.
    pub clock: Clock,
    /// Clinicians and clinic admins sign in with a second factor (TOTP).
    /// On by default; off only for a server with no real patients.
    pub staff_two_factor: bool,
    /// Walkers' dates run this many days ahead of the clock (`retrowalk
    /// --today DATE serve --demo`: a plan tried out weeks on). Only the
    /// dates: sign-in codes, sessions and the access log keep the real time.
    pub days_ahead: i32,
}

/// The system clock, or one fixed moment (tests and snapshots).
#[derive(Clone, Copy, Debug, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(jiff::Timestamp),
}

impl Clock {
    pub fn now(self) -> jiff::Timestamp {
        match self {
            Clock::System => jiff::Timestamp::now(),
            Clock::Fixed(at) => at,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: true,
            public_url: "http://127.0.0.1:8080".into(),
            hsts: false,
            clock: Clock::System,
            staff_two_factor: true,
            days_ahead: 0,
        }
    }
}

/// Writes handled at once: the SQLite pool's size, so a write that has its turn
/// finds a connection; more would only wait inside the handler, holding memory.
const WRITE_TURNS: usize = 8;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: SqlStore,
    config: Config,
    cache: StateCache,
    patient_rows: crate::cache::PatientRows,
    sessions: crate::auth::session_cache::SessionCache,
    /// Turns for requests that write (see `routes::writes_take_turns`).
    write_turns: tokio::sync::Semaphore,
    /// One activity file is read and imported at a time, web or API, so the
    /// server holds at most one file in memory (see `service::FILE_LIMIT`).
    import_turn: tokio::sync::Semaphore,
    /// The Learn page's content, the same for every visitor of a language.
    learn: [OnceLock<Arc<str>>; 2],
    metrics: crate::metrics::Metrics,
}

impl AppState {
    pub fn new(store: SqlStore, config: Config) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                store,
                config,
                cache: StateCache::default(),
                patient_rows: Default::default(),
                sessions: Default::default(),
                write_turns: tokio::sync::Semaphore::new(WRITE_TURNS),
                import_turn: tokio::sync::Semaphore::new(1),
                learn: Default::default(),
                metrics: Default::default(),
            }),
        }
    }

    pub fn store(&self) -> &SqlStore {
        &self.inner.store
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Now, from the configured clock.
    pub fn now(&self) -> jiff::Timestamp {
        self.inner.config.clock.now()
    }

    /// Today's date in a time zone (UTC if the name is unknown), by the
    /// clock, and `days_ahead` on.
    pub fn today_in(&self, time_zone: &str) -> jiff::civil::Date {
        let today = service::local_date(self.now(), time_zone);
        coach::dates::add_days(today, i64::from(self.inner.config.days_ahead))
    }

    pub fn cache(&self) -> &StateCache {
        &self.inner.cache
    }

    /// Patient-list rows by walker version (see `cache::PatientRows`).
    pub fn patient_rows(&self) -> &crate::cache::PatientRows {
        &self.inner.patient_rows
    }

    pub fn sessions(&self) -> &crate::auth::session_cache::SessionCache {
        &self.inner.sessions
    }

    /// The words of the request being answered, in its language.
    pub fn i18n(&self) -> I18n {
        crate::i18n::current()
    }

    /// The Learn page's content in the request's language, once rendered.
    pub fn learn_content(&self) -> &OnceLock<Arc<str>> {
        &self.inner.learn[crate::i18n::current().lang() as usize]
    }

    pub fn write_turns(&self) -> &tokio::sync::Semaphore {
        &self.inner.write_turns
    }

    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.inner.metrics
    }

    pub fn import_turn(&self) -> &tokio::sync::Semaphore {
        &self.inner.import_turn
    }
}
