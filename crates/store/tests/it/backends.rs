//! A fresh database per test, on each backend.

use store::SqlStore;
use store::backend::{connect, sqlite_url};
use store::scratch::ScratchDb;

pub struct TestDb {
    pub store: SqlStore,
    cleanup: Cleanup,
}

enum Cleanup {
    // Holding the directory keeps the SQLite file until the test ends.
    Sqlite(tempfile::TempDir),
    Postgres(ScratchDb),
}

impl TestDb {
    /// The SQLite file, for a second connection pool on it.
    pub fn path(&self) -> Option<std::path::PathBuf> {
        match &self.cleanup {
            Cleanup::Sqlite(dir) => Some(dir.path().join("test.db")),
            Cleanup::Postgres(_) => None,
        }
    }

    /// The PostgreSQL database's URL, for a second pool on it.
    pub fn url(&self) -> Option<String> {
        match &self.cleanup {
            Cleanup::Sqlite(_) => None,
            Cleanup::Postgres(scratch) => Some(scratch.url.clone()),
        }
    }
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let store = connect(&sqlite_url(&dir.path().join("test.db"))).await.unwrap();
    TestDb { store, cleanup: Cleanup::Sqlite(dir) }
}

/// A new database on the server named by `RETROWALK_TEST_POSTGRES_URL`.
pub async fn postgres() -> Option<TestDb> {
    let admin_url = std::env::var("RETROWALK_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty())?;
    let scratch = ScratchDb::create(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("RETROWALK_TEST_POSTGRES_URL is set but no database could be made there: {e}"));
    let store = connect(&scratch.url).await.unwrap();
    Some(TestDb { store, cleanup: Cleanup::Postgres(scratch) })
}

impl TestDb {
    pub async fn finish(self) {
        self.store.close().await;
        if let Cleanup::Postgres(scratch) = self.cleanup {
            scratch.drop_now().await.unwrap();
        }
    }
}
