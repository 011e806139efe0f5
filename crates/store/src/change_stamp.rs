//! A cheap way to know that nothing was committed to an SQLite database since
//! a moment ago, from this process or any other: `PRAGMA data_version` on a
//! connection kept for nothing else. SQLite changes the value a connection
//! reads whenever *another* connection has committed; this one never writes,
//! so equal values mean no commit in between.
//!
//! SQLite's files are SQLite's: an earlier version read the WAL index (`-shm`)
//! directly, and closing that descriptor dropped the process's POSIX locks on
//! the file while the pool used it (SQLite's "How To Corrupt An SQLite
//! Database", section 2.2) — a CLI command beside a running server killed it
//! with SIGBUS. Everything here goes through SQLite.

use sqlx::{AnyConnection, Connection};
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::Mutex;

/// The value read and which watching connection read it: values from two
/// connections are not comparable, so a reconnect always looks like a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeStamp {
    connection: u64,
    data_version: i64,
}

/// The watching connection, opened on first use and again after an error.
///
/// Requests share reads: one that arrives while a read is running waits for
/// the connection and then uses the latest read if that read *began after it
/// arrived* (it then saw every commit made before the request came). Under
/// load a few reads serve hundreds of requests, without ever answering from
/// a read older than the request.
pub(crate) struct Watcher {
    url: String,
    /// A clock of arrivals and read starts.
    clock: AtomicU64,
    conn: Mutex<Watch>,
}

#[derive(Default)]
struct Watch {
    /// Which connection: bumped on every (re)connect.
    generation: u64,
    conn: Option<AnyConnection>,
    /// The latest read: when it began on the clock, and what it gave.
    last: Option<(u64, Option<ChangeStamp>)>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

impl Watcher {
    pub(crate) fn new(url: &str) -> Watcher {
        Watcher { url: url.to_string(), clock: AtomicU64::new(0), conn: Mutex::new(Watch::default()) }
    }

    /// The stamp now, or `None` when the database cannot say (callers then
    /// ask the database for what they need).
    pub(crate) async fn read(&self) -> Option<ChangeStamp> {
        self.read_since(self.arrival()).await
    }

    /// A mark on the clock: "now", for [`Watcher::read_since`].
    pub(crate) fn arrival(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::SeqCst)
    }

    /// The stamp from a read that began after `arrived`: a request that marks
    /// its arrival once reuses the read made for its first lookup in the next.
    pub(crate) async fn read_since(&self, arrived: u64) -> Option<ChangeStamp> {
        let mut w = self.conn.lock().await;
        if let Some((began, stamp)) = w.last
            && began > arrived
        {
            return stamp;
        }
        let began = self.clock.fetch_add(1, Ordering::SeqCst);
        let stamp = w.read(&self.url).await;
        w.last = Some((began, stamp));
        stamp
    }
}

impl Watch {
    async fn read(&mut self, url: &str) -> Option<ChangeStamp> {
        if self.conn.is_none() {
            self.conn = AnyConnection::connect(url).await.ok();
            self.generation += 1;
        }
        let c = self.conn.as_mut()?;
        match sqlx::query_scalar::<_, i64>("PRAGMA data_version").fetch_one(&mut *c).await {
            Ok(data_version) => Some(ChangeStamp { connection: self.generation, data_version }),
            Err(_) => {
                self.conn = None;
                None
            }
        }
    }
}

/// Whether a URL names an SQLite database file (not an in-memory one).
pub(crate) fn is_sqlite_file(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else { return false };
    let path = rest.split('?').next().unwrap_or_default();
    !path.is_empty() && !path.contains(":memory:") && !url.contains("mode=memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_file_urls_are_watched() {
        assert!(is_sqlite_file("sqlite:///tmp/a.db?mode=rwc"));
        assert!(is_sqlite_file("sqlite:rw.db"));
        assert!(!is_sqlite_file("sqlite::memory:"));
        assert!(!is_sqlite_file("postgres://u@h/db"));
    }
}
