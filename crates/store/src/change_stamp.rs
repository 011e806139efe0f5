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

use rusqlite::{Connection, OpenFlags};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The value read and which watching connection read it: values from two
/// connections are not comparable, so a reconnect always looks like a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeStamp {
    connection: u64,
    data_version: i64,
}

/// The watching connection, opened on first use and again after an error.
///
/// The read runs right here, not on a database thread: it takes a
/// microsecond or two, where handing it to sqlx's connection thread and back
/// cost two thread wake-ups per request and set the API's speed under load.
/// Requests still share reads: a request takes the latest read if that read
/// *began after it arrived* (it then saw every commit made before the request
/// came), so a request's lookups cost one read between them.
pub(crate) struct Watcher {
    path: String,
    /// A clock of arrivals and read starts.
    clock: AtomicU64,
    watch: Mutex<Watch>,
}

#[derive(Default)]
struct Watch {
    /// Which connection: bumped on every (re)connect.
    generation: u64,
    conn: Option<Connection>,
    /// The latest read: when it began on the clock, and what it gave.
    last: Option<(u64, Option<ChangeStamp>)>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

impl Watcher {
    /// A watcher for an SQLite file URL (see [`sqlite_file`]).
    pub(crate) fn new(path: &str) -> Watcher {
        Watcher { path: path.to_string(), clock: AtomicU64::new(0), watch: Mutex::new(Watch::default()) }
    }

    /// The stamp now, or `None` when the database cannot say (callers then
    /// ask the database for what they need).
    pub(crate) fn read(&self) -> Option<ChangeStamp> {
        self.read_since(self.arrival())
    }

    /// A mark on the clock: "now", for [`Watcher::read_since`].
    pub(crate) fn arrival(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::SeqCst)
    }

    /// The stamp from a read that began after `arrived`: a request that marks
    /// its arrival once reuses the read made for its first lookup in the next.
    pub(crate) fn read_since(&self, arrived: u64) -> Option<ChangeStamp> {
        let mut w = self.watch.lock().ok()?;
        if let Some((began, stamp)) = w.last
            && began > arrived
        {
            return stamp;
        }
        let began = self.clock.fetch_add(1, Ordering::SeqCst);
        let stamp = w.read(&self.path);
        w.last = Some((began, stamp));
        stamp
    }
}

impl Watch {
    fn read(&mut self, path: &str) -> Option<ChangeStamp> {
        if self.conn.is_none() {
            // The pool made the file; this connection only reads. No busy
            // wait: a read that cannot start says "unknown" at once.
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            self.conn = Connection::open_with_flags(path, flags).ok();
            self.generation += 1;
        }
        let c = self.conn.as_ref()?;
        // Prepared once: parsing the pragma cost as much as running it.
        let read =
            c.prepare_cached("PRAGMA data_version").and_then(|mut q| q.query_row([], |row| row.get::<_, i64>(0)));
        match read {
            Ok(data_version) => Some(ChangeStamp { connection: self.generation, data_version }),
            Err(_) => {
                self.conn = None;
                None
            }
        }
    }
}

/// The file an SQLite URL names, or `None` for an in-memory database or
/// another backend.
pub(crate) fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:") && !url.contains("mode=memory")).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_file_urls_are_watched() {
        assert_eq!(sqlite_file("sqlite:///tmp/a.db?mode=rwc"), Some("/tmp/a.db"));
        assert_eq!(sqlite_file("sqlite:rw.db"), Some("rw.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://u@h/db"), None);
    }
}
