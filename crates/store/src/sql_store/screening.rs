//! [`ScreeningStore`](crate::ScreeningStore) in SQL: screenings and the clearances that answer them.

use crate::codec::{self, timestamp};
use crate::{Result, ScreeningId, ScreeningRecord, SecurityEvent, WalkerId};
use coach::screening::{Answers, Clearance, Outcome};
use jiff::Timestamp;

use super::{SqlStore, get};
use crate::ScreeningStore;

macro_rules! clearance_columns {
    () => {
        "cleared_by, role, cleared_at, covers, note, signer_account_id, signer_clinic_id"
    };
}

impl ScreeningStore for SqlStore {
    async fn save_screening(
        &self,
        walker: WalkerId,
        answers: &Answers,
        outcome: &Outcome,
        now: Timestamp,
    ) -> Result<ScreeningId> {
        let mut tx = self.pool.begin().await?;
        let id = Self::insert_screening(&mut tx, walker, answers, outcome, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn latest_screening(&self, walker: WalkerId) -> Result<Option<ScreeningRecord>> {
        let row = sqlx::query(
            "SELECT id, answers, outcome, created_at FROM screenings WHERE walker_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(walker.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(Self::screening_row).transpose()
    }

    async fn screenings(&self, walker: WalkerId) -> Result<Vec<ScreeningRecord>> {
        let rows =
            sqlx::query("SELECT id, answers, outcome, created_at FROM screenings WHERE walker_id = $1 ORDER BY id")
                .bind(walker.0)
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(Self::screening_row).collect()
    }

    async fn save_clearance(
        &self,
        walker: WalkerId,
        c: &Clearance,
        answers: &Answers,
        outcome: &Outcome,
        change: Option<&SecurityEvent>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_clearance(&mut tx, walker, c, now).await?;
        Self::insert_screening(&mut tx, walker, answers, outcome, now).await?;
        if let Some(e) = change {
            Self::insert_security_event(&mut tx, e).await?;
        }
        tx.commit().await?;
        if let Some(e) = change {
            self.forget_old_events(e.at).await;
        }
        Ok(())
    }

    async fn latest_clearance(&self, walker: WalkerId) -> Result<Option<Clearance>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            clearance_columns!(),
            " FROM clearances WHERE walker_id = $1 ORDER BY id DESC LIMIT 1"
        ))
        .bind(walker.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(clearance_row).transpose()
    }

    async fn clearances(&self, walker: WalkerId) -> Result<Vec<Clearance>> {
        let rows =
            sqlx::query(concat!("SELECT ", clearance_columns!(), " FROM clearances WHERE walker_id = $1 ORDER BY id"))
                .bind(walker.0)
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(clearance_row).collect()
    }
}

fn clearance_row(row: &sqlx::any::AnyRow) -> Result<Clearance> {
    Ok(Clearance {
        by: get(row, "cleared_by")?,
        role: get(row, "role")?,
        at: timestamp(get(row, "cleared_at")?)?,
        covers: crate::stored::covers(&codec::json::<Vec<String>>(&get::<String>(row, "covers")?, "clearance")?)?,
        note: get(row, "note")?,
        signer: super::signer(row)?,
    })
}
