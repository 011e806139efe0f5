//! [`WalkerStore`](crate::WalkerStore) in SQL: walkers (create, find, rename, profile,
//! calendar feed, delete).

use crate::codec::{self, millis, timestamp};
use crate::{Backend, NewWalker, Result, StoreError, Walker, WalkerId, WalkerIds};
use jiff::Timestamp;

use super::{SqlStore, found_walker, get};
use crate::WalkerStore;

impl WalkerStore for SqlStore {
    fn backend(&self) -> Backend {
        self.backend
    }

    async fn create_walker(&self, new: &NewWalker, now: Timestamp) -> Result<WalkerIds> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("INSERT INTO walkers (name, time_zone, created_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(new.name.clone())
            .bind(new.setup.time_zone.clone())
            .bind(millis(now))
            .fetch_one(&mut *tx)
            .await?;
        let walker = WalkerId(get(&row, "id")?);
        let screening = Self::insert_screening(&mut tx, walker, &new.answers, &new.outcome, now).await?;
        let programme = Self::insert_programme(&mut tx, walker, &new.setup, now).await?;
        tx.commit().await?;
        Ok(WalkerIds { walker, screening, programme })
    }

    async fn walkers(&self) -> Result<Vec<Walker>> {
        let rows =
            sqlx::query("SELECT id, name, time_zone, created_at, version, birth_year, sex FROM walkers ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| {
                Ok(Walker {
                    id: WalkerId(get(r, "id")?),
                    name: get(r, "name")?,
                    time_zone: get(r, "time_zone")?,
                    created_at: timestamp(get(r, "created_at")?)?,
                    version: get(r, "version")?,
                    birth_year: get(r, "birth_year")?,
                    sex: get::<Option<String>>(r, "sex")?.map(|t| codec::sex(&t)).transpose()?,
                })
            })
            .collect()
    }

    async fn walker(&self, id: WalkerId) -> Result<Walker> {
        let row =
            sqlx::query("SELECT id, name, time_zone, created_at, version, birth_year, sex FROM walkers WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("walker {id}")))?;
        Ok(Walker {
            id,
            name: get(&row, "name")?,
            time_zone: get(&row, "time_zone")?,
            created_at: timestamp(get(&row, "created_at")?)?,
            version: get(&row, "version")?,
            birth_year: get(&row, "birth_year")?,
            sex: get::<Option<String>>(&row, "sex")?.map(|t| codec::sex(&t)).transpose()?,
        })
    }

    async fn delete_walker(&self, id: WalkerId) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("DELETE FROM walkers WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("walker {id}")));
        }
        Self::forget_changes_of(&mut tx, id).await?;
        tx.commit().await?;
        // The deleted records must not linger in the write-ahead log either:
        // copy it into the (securely overwritten) database file and empty it.
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        }
        Ok(())
    }

    async fn set_calendar_token(&self, walker: WalkerId, token_hash: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM calendar_feeds WHERE walker_id = $1").bind(walker.0).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO calendar_feeds (walker_id, token_hash, created_at) VALUES ($1, $2, $3)")
            .bind(walker.0)
            .bind(token_hash.to_string())
            .bind(millis(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn walker_by_calendar_token(&self, token_hash: &str) -> Result<Option<WalkerId>> {
        let row = sqlx::query("SELECT walker_id FROM calendar_feeds WHERE token_hash = $1")
            .bind(token_hash.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| get(&r, "walker_id").map(WalkerId)).transpose()
    }

    async fn revoke_calendar(&self, walker: WalkerId) -> Result<bool> {
        let done =
            sqlx::query("DELETE FROM calendar_feeds WHERE walker_id = $1").bind(walker.0).execute(&self.pool).await?;
        Ok(done.rows_affected() > 0)
    }

    async fn set_profile(
        &self,
        id: WalkerId,
        birth_year: Option<i64>,
        sex: Option<coach::outcomes::Sex>,
    ) -> Result<()> {
        let done = sqlx::query("UPDATE walkers SET birth_year = $1, sex = $2, version = version + 1 WHERE id = $3")
            .bind(birth_year)
            .bind(sex.map(|s| s.as_str()))
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        found_walker(done, id)
    }

    async fn update_walker(&self, id: WalkerId, name: &str, time_zone: &str) -> Result<()> {
        let done = sqlx::query("UPDATE walkers SET name = $1, time_zone = $2, version = version + 1 WHERE id = $3")
            .bind(name.to_string())
            .bind(time_zone.to_string())
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        found_walker(done, id)
    }
}
