//! Group commit for the access log. Every clinician's read writes access-log
//! rows before the answer leaves (a list writes one naming every walker shown,
//! unless its read wrote it: `ClinicStore::in_care_of_versions`), so on a
//! busy clinic server one INSERT and one commit per request cost as much as
//! the read itself. Requests hand their rows to one writer task instead,
//! which writes whatever has gathered in one transaction and then tells each
//! request its rows are stored: the answer still waits for its rows (nothing
//! is shown that is not logged), but fifty requests share a commit.
//!
//! On PostgreSQL the writer keeps one connection of its own on which a commit
//! does not wait for the disk (`synchronous_commit = off`, for this
//! connection only). Waiting for that flush was most of what the log added
//! to a clinician's read at light load (a 2 ms read took 4.8 ms). The rows
//! are still committed before the answer leaves, so neither a crash of the
//! app server nor a failed write lets a read go unlogged; only a crash of the
//! database server itself can lose the entries of its last fraction of a
//! second (at most three `wal_writer_delay`s, 0.6 s by default), and never
//! corrupts anything. Every change to clinical data, and the log entries
//! written with it, keep the database's full durability. SQLite in WAL mode
//! appends to its log without a flush per commit already, so it is unchanged.
//!
//! The writer is started on first use, on the caller's runtime, and ends when
//! the last store handle is dropped. If it is gone (its runtime shut down) a
//! request writes its rows itself, as before.

use super::SqlStore;
use crate::backend::Backend;
use crate::{Result, SecurityEvent, StoreError};
use sqlx::{AnyConnection, AnyPool, Connection, Executor};
use std::sync::{Arc, OnceLock};
use tokio::sync::{mpsc, oneshot};

/// At most this many rows go in one transaction; more wait for the next.
const MOST_ROWS: usize = 2_000;

/// Rows from one request and where to say whether they were stored.
struct Pending {
    events: Vec<SecurityEvent>,
    stored: oneshot::Sender<Result<()>>,
}

/// The store's handle on its writer task: shared by every clone of the store.
#[derive(Clone, Debug, Default)]
pub(super) struct AccessLogWriter {
    queue: Arc<OnceLock<mpsc::UnboundedSender<Pending>>>,
}

impl AccessLogWriter {
    /// Stores `events` (all or none), together with what other requests
    /// handed in meanwhile, and returns once they are committed.
    pub(super) async fn write(&self, pool: &AnyPool, backend: Backend, events: &[SecurityEvent]) -> Result<()> {
        let queue = self.queue.get_or_init(|| start(pool.clone(), backend));
        let (stored, answer) = oneshot::channel();
        if queue.send(Pending { events: events.to_vec(), stored }).is_err() {
            return insert(&mut *pool.acquire().await?, events).await;
        }
        match answer.await {
            Ok(done) => done,
            // The writer stopped with these rows taken: whether they were
            // committed is unknown, so the request fails rather than answer
            // unlogged.
            Err(_) => Err(StoreError::Database(sqlx::Error::WorkerCrashed)),
        }
    }
}

fn start(pool: AnyPool, backend: Backend) -> mpsc::UnboundedSender<Pending> {
    let (queue, mut requests) = mpsc::unbounded_channel::<Pending>();
    tokio::spawn(async move {
        let mut writer = Writer { pool, backend, own: None, used_at: std::time::Instant::now() };
        while let Some(first) = requests.recv().await {
            let mut batch = vec![first];
            let mut rows = batch[0].events.len();
            while rows < MOST_ROWS {
                let Ok(next) = requests.try_recv() else { break };
                rows += next.events.len();
                batch.push(next);
            }
            writer.write_batch(batch).await;
        }
    });
    queue
}

/// The writer task's state: on PostgreSQL, its own connection (opened on
/// first use and again after an error).
struct Writer {
    pool: AnyPool,
    backend: Backend,
    own: Option<AnyConnection>,
    /// When the own connection was last used: one idle longer is checked
    /// first (a restarted database or a dropped idle connection would
    /// otherwise fail a whole batch).
    used_at: std::time::Instant,
}

/// An own connection idle longer than this is pinged before use.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(30);

/// The database refused the rows (nothing was stored): the connection is fine.
fn refused(e: &StoreError) -> bool {
    matches!(e, StoreError::BadText | StoreError::Database(sqlx::Error::Database(_)))
}

impl Writer {
    /// One statement or transaction for the batch. If the database refused
    /// it (nothing was stored), each request's rows are written alone, so one
    /// bad row fails only its own request. Any other failure (the connection
    /// broke) leaves unknown whether the rows were committed: every request
    /// of the batch fails, and none is written twice.
    async fn write_batch(&mut self, batch: Vec<Pending>) {
        if batch.len() > 1 {
            let all: Vec<SecurityEvent> = batch.iter().flat_map(|p| p.events.iter().cloned()).collect();
            match self.insert(&all).await {
                Ok(()) => return answer_all(batch, || Ok(())),
                Err(e) if refused(&e) => {}
                Err(e) => {
                    tracing::warn!(error = %e, requests = batch.len(), "access-log batch failed; its requests fail");
                    return answer_all(batch, || Err(StoreError::Database(sqlx::Error::WorkerCrashed)));
                }
            }
        }
        for p in batch {
            let done = self.insert(&p.events).await;
            // A request that gave up waiting (its client left) needs no answer.
            let _ = p.stored.send(done);
        }
    }

    async fn insert(&mut self, events: &[SecurityEvent]) -> Result<()> {
        if self.backend == Backend::Sqlite {
            return insert(&mut *self.pool.acquire().await?, events).await;
        }
        if let Some(conn) = self.own.as_mut()
            && self.used_at.elapsed() > IDLE_CHECK
            && conn.ping().await.is_err()
        {
            self.own = None;
        }
        let conn = match self.own.as_mut() {
            Some(conn) => conn,
            None => self.own.insert(connect(&self.pool).await?),
        };
        let done = insert(conn, events).await;
        self.used_at = std::time::Instant::now();
        if done.as_ref().is_err_and(|e| !refused(e)) {
            // The connection may be what failed: the next batch opens another.
            self.own = None;
        }
        done
    }
}

/// Tells every request of the batch the same outcome (a request that gave up
/// waiting needs no answer).
fn answer_all(batch: Vec<Pending>, outcome: impl Fn() -> Result<()>) {
    for p in batch {
        let _ = p.stored.send(outcome());
    }
}

/// A connection taken out of the pool for good, committing without waiting
/// for the disk (see the module's comment).
async fn connect(pool: &AnyPool) -> Result<AnyConnection> {
    let mut conn = pool.acquire().await?.detach();
    conn.execute("SET synchronous_commit = off").await?;
    Ok(conn)
}

/// Up to 100 rows are one statement, all or nothing by itself; more take a
/// transaction.
async fn insert(conn: &mut AnyConnection, events: &[SecurityEvent]) -> Result<()> {
    if events.len() <= 100 {
        SqlStore::insert_security_rows(conn, events).await
    } else {
        let mut tx = conn.begin().await?;
        SqlStore::insert_security_rows(&mut tx, events).await?;
        Ok(tx.commit().await?)
    }
}
