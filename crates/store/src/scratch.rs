//! Scratch PostgreSQL databases: a fresh, uniquely named database on a server,
//! dropped when done. Test runs use one each, so runs never share state.

use crate::{Result, StoreError};
use sqlx::any::AnyPoolOptions;
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub struct ScratchDb {
    admin_url: String,
    name: String,
    /// The URL of the new database.
    pub url: String,
}

async fn admin(url: &str) -> Result<sqlx::AnyPool> {
    sqlx::any::install_default_drivers();
    Ok(AnyPoolOptions::new().max_connections(1).connect(url).await?)
}

impl ScratchDb {
    /// Creates `retrowalk_scratch_<pid>_<n>_<time>` on the server `admin_url` names.
    pub async fn create(admin_url: &str) -> Result<ScratchDb> {
        let name = format!(
            "retrowalk_scratch_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            jiff::Timestamp::now().as_millisecond() % 1_000_000_000
        );
        let pool = admin(admin_url).await?;
        // The name is made above from digits and underscores only.
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&pool).await?;
        pool.close().await;
        Ok(ScratchDb { url: with_database(admin_url, &name), admin_url: admin_url.into(), name })
    }

    /// Drops the database, closing anything still connected to it.
    pub async fn drop_now(self) -> Result<()> {
        let pool = admin(&self.admin_url).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)))
            .execute(&pool)
            .await
            .map_err(StoreError::from)?;
        pool.close().await;
        Ok(())
    }
}

/// The same server URL with another database name.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..host_end], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn swaps_the_database_name() {
        assert_eq!(super::with_database("postgres://u@h:5432/test", "x"), "postgres://u@h:5432/x");
        assert_eq!(
            super::with_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(super::with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
