//! Group commit for the access log. Every clinician's read writes access-log
//! rows before the answer leaves (a list writes one per walker shown), so on a
//! busy clinic server one INSERT and one commit per request cost as much as
//! the read itself. Requests hand their rows to one writer task instead,
//! which writes whatever has gathered in one transaction and then tells each
//! request its rows are stored: the answer still waits for its rows (nothing
//! is shown that is not logged), but fifty requests share a commit.
//!
//! The writer is started on first use, on the caller's runtime, and ends when
//! the last store handle is dropped. If it is gone (its runtime shut down) a
//! request writes its rows itself, as before.

use super::SqlStore;
use crate::{Result, SecurityEvent, StoreError};
use sqlx::AnyPool;
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
    pub(super) async fn write(&self, pool: &AnyPool, events: &[SecurityEvent]) -> Result<()> {
        let queue = self.queue.get_or_init(|| start(pool.clone()));
        let (stored, answer) = oneshot::channel();
        if queue.send(Pending { events: events.to_vec(), stored }).is_err() {
            return insert(pool, events).await;
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

fn start(pool: AnyPool) -> mpsc::UnboundedSender<Pending> {
    let (queue, mut requests) = mpsc::unbounded_channel::<Pending>();
    tokio::spawn(async move {
        while let Some(first) = requests.recv().await {
            let mut batch = vec![first];
            let mut rows = batch[0].events.len();
            while rows < MOST_ROWS {
                let Ok(next) = requests.try_recv() else { break };
                rows += next.events.len();
                batch.push(next);
            }
            write_batch(&pool, batch).await;
        }
    });
    queue
}

/// One transaction for the batch; if it fails, each request's rows alone, so
/// one bad row fails only its own request.
async fn write_batch(pool: &AnyPool, batch: Vec<Pending>) {
    let all: Vec<SecurityEvent> = batch.iter().flat_map(|p| p.events.iter().cloned()).collect();
    if batch.len() > 1 && insert(pool, &all).await.is_ok() {
        for p in batch {
            let _ = p.stored.send(Ok(()));
        }
        return;
    }
    for p in batch {
        let done = insert(pool, &p.events).await;
        // A request that gave up waiting (its client left) needs no answer.
        let _ = p.stored.send(done);
    }
}

/// Up to 100 rows are one statement, all or nothing by itself; more take a
/// transaction.
async fn insert(pool: &AnyPool, events: &[SecurityEvent]) -> Result<()> {
    if events.len() <= 100 {
        let mut conn = pool.acquire().await?;
        SqlStore::insert_security_rows(&mut conn, events).await
    } else {
        let mut tx = pool.begin().await?;
        SqlStore::insert_security_rows(&mut tx, events).await?;
        Ok(tx.commit().await?)
    }
}
