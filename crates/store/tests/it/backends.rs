//! A fresh database per test, on each backend.

use std::sync::atomic::{AtomicU32, Ordering};
use store::SqlStore;
use store::backend::{connect, sqlite_url};

pub struct TestDb {
    pub store: SqlStore,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let store = connect(&sqlite_url(&dir.path().join("test.db")))
        .await
        .unwrap();
    TestDb {
        store,
        cleanup: Cleanup::Sqlite(dir),
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A new database on the server named by `RETROWALK_TEST_POSTGRES_URL`.
pub async fn postgres() -> Option<TestDb> {
    let admin_url = std::env::var("RETROWALK_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let name = format!(
        "retrowalk_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_millisecond() % 1_000_000
    );
    let admin = connect_admin(&admin_url).await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let store = connect(&with_database(&admin_url, &name)).await.unwrap();
    Some(TestDb {
        store,
        cleanup: Cleanup::Postgres { admin_url, name },
    })
}

async fn connect_admin(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .unwrap_or_else(|e| {
            panic!("RETROWALK_TEST_POSTGRES_URL is set but the server is unreachable: {e}")
        })
}

/// The same server URL with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..host_end], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

impl TestDb {
    pub async fn finish(self) {
        self.store.close().await;
        if let Cleanup::Postgres { admin_url, name } = self.cleanup {
            let admin = connect_admin(&admin_url).await;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&admin)
            .await
            .unwrap();
            admin.close().await;
        }
    }
}
