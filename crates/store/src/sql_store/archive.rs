//! [`ArchiveStore`](crate::ArchiveStore) in SQL: a walker as one archive (export, import, restore).

use crate::{ARCHIVE_FORMAT, ARCHIVE_VERSION, Archive, ArchivedDecision, ArchivedScreening, ArchivedWalker};
use crate::{AccountId, Result, StoreError, WalkerId};
use jiff::Timestamp;

use super::{SqlStore, get};
use crate::ArchiveStore;
use crate::prelude::*;

impl ArchiveStore for SqlStore {
    async fn export_walker(&self, walker: WalkerId, now: Timestamp) -> Result<Archive> {
        let w = self.walker(walker).await?;
        let programme = self.active_programme(walker).await?;
        let (history, decisions) = match &programme {
            Some(p) => (self.history(p.key()).await?, self.decisions(p.key()).await?),
            None => (Default::default(), Vec::new()),
        };
        Ok(Archive {
            format: ARCHIVE_FORMAT.into(),
            version: ARCHIVE_VERSION,
            exported_at: now,
            walker: ArchivedWalker {
                name: w.name,
                time_zone: w.time_zone,
                created_at: w.created_at,
                birth_year: w.birth_year,
                sex: w.sex,
            },
            screenings: self
                .screenings(walker)
                .await?
                .into_iter()
                .map(|s| ArchivedScreening { answers: s.answers, outcome: s.outcome, recorded_at: s.created_at })
                .collect(),
            clearances: self.clearances(walker).await?,
            programme: programme.map(|p| p.setup),
            sessions: history.logs,
            checkins: history.checkins,
            overrides: history.overrides,
            decisions: decisions
                .into_iter()
                .map(|d| ArchivedDecision { cause: d.cause, decision: d.decision, recorded_at: d.created_at })
                .collect(),
            outcomes: self.outcomes(walker).await?,
            questionnaire_results: self.questionnaire_results(walker).await?,
            imports: self.archived_imports(walker).await?,
            motions: crate::ImportStore::motions(self, walker).await?.into_iter().map(|m| m.motion).collect(),
        })
    }

    async fn import_walker(&self, a: &Archive) -> Result<WalkerId> {
        let mut tx = self.pool.begin().await?;
        let walker = Self::insert_archive(&mut tx, a).await?;
        tx.commit().await?;
        Ok(walker)
    }

    async fn restore_account(&self, account: AccountId, a: &Archive) -> Result<WalkerId> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("SELECT walker_id FROM accounts WHERE id = $1")
            .bind(account.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("account {account}")))?;
        let old: i64 = get(&row, "walker_id")?;
        // Checked again here, in the transaction that would delete the old
        // record (and with it, by cascade, any care relationship): a clinic
        // keeps what it was shown. The service says why first.
        let cared = sqlx::query("SELECT count(*) AS n FROM care_relationships WHERE walker_id = $1")
            .bind(old)
            .fetch_one(&mut *tx)
            .await?;
        if get::<i64>(&cared, "n")? > 0 {
            return Err(StoreError::Duplicate(
                "your records have been shared with a clinic, so a backup cannot replace them; nothing was changed"
                    .into(),
            ));
        }
        let walker = Self::insert_archive(&mut tx, a).await?;
        sqlx::query("UPDATE accounts SET walker_id = $1 WHERE id = $2")
            .bind(walker.0)
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM walkers WHERE id = $1").bind(old).execute(&mut *tx).await?;
        Self::forget_changes_of(&mut tx, WalkerId(old)).await?;
        // Who has seen this walker's data stays theirs to read after the restore.
        sqlx::query("UPDATE security_events SET walker_id = $1 WHERE walker_id = $2")
            .bind(walker.0)
            .bind(old)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(walker)
    }
}
