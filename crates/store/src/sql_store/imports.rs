//! [`ImportStore`](crate::ImportStore) in SQL: imported activity files and the walker's
//! answers about them.

use crate::Rescreen;
use crate::codec::{self};
use crate::{ImportRecord, StoredActivity, StoredMotion};
use crate::{ProgrammeId, Result, StoreError, WalkerId};
use coach::adaptation::Decision;
use jiff::Timestamp;

use super::{SqlStore, get};
use crate::ImportStore;

/// A query of motion recordings, the columns `stored_motion` reads, with
/// its own conditions (a literal: queries are never built from strings).
macro_rules! motion_select {
    ($rest:literal) => {
        concat!("SELECT id, session_date, source, duration_s, bouts, own_direction FROM motion_recordings ", $rest)
    };
}

impl SqlStore {
    /// One recording's analysis, inside the caller's transaction.
    pub(super) async fn insert_motion(
        conn: &mut sqlx::AnyConnection,
        walker: WalkerId,
        motion: &coach::motion::Motion,
        sha256: Option<&str>,
        now: Timestamp,
    ) -> Result<()> {
        let bouts = crate::stored::MotionBoutsV1(motion.bouts.iter().map(Into::into).collect());
        sqlx::query(
            "INSERT INTO motion_recordings \
             (walker_id, session_date, source, duration_s, bouts, created_at, own_direction, sha256) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(walker.0)
        .bind(motion.session.to_string())
        .bind(motion.source.clone())
        .bind(motion.duration_s)
        .bind(codec::to_json(&bouts)?)
        .bind(codec::millis(now))
        .bind(i64::from(motion.own_direction))
        .bind(sha256.map(str::to_string))
        .execute(&mut *conn)
        .await
        .map_err(|e| super::duplicate_as(e, "file: this recording is kept already".into()))?;
        Ok(())
    }
}

impl ImportStore for SqlStore {
    async fn save_import(
        &self,
        walker: WalkerId,
        record: &ImportRecord,
        activities: &[coach::imports::Imported],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_import(&mut tx, walker, record, activities).await?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn save_motion(
        &self,
        walker: WalkerId,
        motion: &coach::motion::Motion,
        sha256: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_motion(&mut tx, walker, motion, Some(sha256), now).await?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn motion_by_hash(&self, walker: WalkerId, sha256: &str) -> Result<Option<StoredMotion>> {
        let row = sqlx::query(motion_select!("WHERE walker_id = $1 AND sha256 = $2"))
            .bind(walker.0)
            .bind(sha256.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(stored_motion).transpose()
    }

    async fn motions(&self, walker: WalkerId) -> Result<Vec<StoredMotion>> {
        let rows = sqlx::query(motion_select!("WHERE walker_id = $1 ORDER BY session_date, id"))
            .bind(walker.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(stored_motion).collect()
    }

    async fn delete_motion(&self, walker: WalkerId, id: i64) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let gone = sqlx::query("DELETE FROM motion_recordings WHERE id = $1 AND walker_id = $2")
            .bind(id)
            .bind(walker.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone > 0 {
            Self::bump_walker(&mut tx, walker).await?;
        }
        tx.commit().await?;
        Ok(gone > 0)
    }

    async fn import_by_hash(&self, walker: WalkerId, sha256: &str) -> Result<Option<ImportRecord>> {
        let row = sqlx::query(
            "SELECT sha256, file_name, format, content, warnings, imported_at FROM imports \
             WHERE walker_id = $1 AND sha256 = $2",
        )
        .bind(walker.0)
        .bind(sha256.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(Self::import_row).transpose()
    }

    async fn activities(&self, walker: WalkerId) -> Result<Vec<StoredActivity>> {
        let rows = sqlx::query(
            "SELECT a.id, a.activity, i.file_name FROM activities a JOIN imports i ON i.id = a.import_id \
             WHERE a.walker_id = $1 ORDER BY a.local_date, a.id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        let mut all = rows
            .iter()
            .map(|r| {
                Ok(StoredActivity {
                    id: get(r, "id")?,
                    file_name: get(r, "file_name")?,
                    activity: codec::stored::<crate::stored::ImportedV1, _>(
                        &get::<String>(r, "activity")?,
                        "imported activity",
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        all.sort_by_key(|a| a.activity.start);
        Ok(all)
    }

    async fn confirm_activity(
        &self,
        walker: WalkerId,
        activity: &StoredActivity,
        session: Option<(ProgrammeId, &coach::history::SessionLog, &Decision)>,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("UPDATE activities SET activity = $1 WHERE id = $2 AND walker_id = $3")
            .bind(codec::to_json(&crate::stored::ImportedV1::from(&activity.activity))?)
            .bind(activity.id)
            .bind(walker.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("activity {}", activity.id)));
        }
        match session {
            Some((programme, log, decision)) => {
                let programme = Self::owned(&mut tx, crate::ProgrammeKey { walker, programme }).await?;
                Self::insert_log(&mut tx, programme, log, now).await?;
                Self::insert_decision(&mut tx, programme, "log", decision, now).await?;
                Self::insert_rescreen(&mut tx, rescreen, now).await?;
            }
            None => Self::bump_walker(&mut tx, walker).await?,
        }
        tx.commit().await?;
        Ok(())
    }
}

fn stored_motion(r: &sqlx::any::AnyRow) -> Result<StoredMotion> {
    let bouts: crate::stored::MotionBoutsV1 = codec::json(&get::<String>(r, "bouts")?, "motion bouts")?;
    let motion = coach::motion::Motion {
        session: codec::date(&get::<String>(r, "session_date")?)?,
        source: get(r, "source")?,
        duration_s: get(r, "duration_s")?,
        bouts: bouts.0.into_iter().map(TryInto::try_into).collect::<Result<_>>()?,
        own_direction: get::<i64>(r, "own_direction")? != 0,
    };
    Ok(StoredMotion { id: get(r, "id")?, motion })
}
