//! The two backends: how to recognise their URLs, connect and migrate.

use crate::{Result, SqlStore, StoreError};
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Picks the backend from a URL: `postgres://` or `postgresql://` for
    /// PostgreSQL, `sqlite:` for SQLite.
    pub fn of_url(url: &str) -> Result<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else {
            Err(StoreError::BadUrl(format!(
                "'{}' — use postgres://user@host/db, or sqlite://path/to/file.db",
                redact(url)
            )))
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The SQLite URL for a database file, created if missing.
pub fn sqlite_url(path: &std::path::Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// A URL with any password hidden, safe for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..scheme + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Connects, applies the backend's pending migrations, and returns the store.
/// SQLite runs in WAL mode with foreign keys enforced on every connection.
pub async fn connect(url: &str) -> Result<SqlStore> {
    let backend = Backend::of_url(url)?;
    sqlx::any::install_default_drivers();
    // The embedded default creates its file on first use unless told otherwise.
    let url = &if backend == Backend::Sqlite && !url.contains("mode=") && !url.contains(":memory:") {
        format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
    } else {
        url.to_string()
    };
    let pool = match backend {
        Backend::Sqlite => {
            // An in-memory database exists per connection: keep exactly one.
            let max = if url.contains(":memory:") || url.contains("mode=memory") { 1 } else { 8 };
            let pool = AnyPoolOptions::new()
                .max_connections(max)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        // A small page cache per connection keeps the server under its memory
                        // budget; the OS file cache serves the rest.
                        // secure_delete: deleted records are overwritten, not left in free pages.
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -512; \
                             PRAGMA secure_delete = ON;",
                        )
                        .await?;
                        Ok(())
                    })
                })
                .connect(url)
                .await?;
            pool.execute("PRAGMA journal_mode = WAL").await?;
            SQLITE_MIGRATIONS.run(&pool).await?;
            pool
        }
        Backend::Postgres => {
            let pool = AnyPoolOptions::new().max_connections(16).connect(url).await?;
            POSTGRES_MIGRATIONS.run(&pool).await?;
            pool
        }
    };
    Ok(SqlStore::new(pool, backend, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_urls_and_hides_passwords() {
        assert_eq!(Backend::of_url("postgres://u@h/db").ok(), Some(Backend::Postgres));
        assert_eq!(Backend::of_url("sqlite://x.db").ok(), Some(Backend::Sqlite));
        assert!(Backend::of_url("mysql://x").is_err());
        assert_eq!(redact("postgres://me:secret@host/db"), "postgres://me:***@host/db");
        assert_eq!(redact("postgres://me@host/db"), "postgres://me@host/db");
    }
}
