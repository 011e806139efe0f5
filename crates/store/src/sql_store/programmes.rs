//! [`ProgrammeStore`](crate::ProgrammeStore) in SQL: programmes and their history (logs,
//! check-ins, overrides) with the decisions they led to.

use crate::Rescreen;
use crate::codec::{self, date, small, timestamp};
use crate::{DecisionRecord, ProgrammeId, ProgrammeKey, ProgrammeRecord, Result, SecurityEvent, StoreError, WalkerId};
use coach::adaptation::Decision;
use coach::history::{CheckIn, History, Override, SessionLog};
use coach::setup::Setup;
use jiff::Timestamp;

use super::{SqlStore, bind_setup, get};
use crate::ProgrammeStore;

/// Rows of the programme `$1`, only while it is walker `$2`'s (a literal,
/// for `concat!`: sqlx takes only static SQL).
macro_rules! owned {
    () => {
        "programme_id = $1 AND programme_id IN (SELECT id FROM programmes WHERE walker_id = $2)"
    };
}

/// What the walker reported, recorded with the decision it led to.
enum Fact<'a> {
    Log(&'a SessionLog),
    CheckIn(&'a CheckIn),
}

impl SqlStore {
    /// A log or check-in, its decision and any re-screening it caused, in one
    /// transaction, on the key's programme only.
    async fn record(
        &self,
        key: ProgrammeKey,
        fact: Fact<'_>,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let programme = Self::owned(&mut tx, key).await?;
        let cause = match fact {
            Fact::Log(l) => {
                Self::insert_log(&mut tx, programme, l, now).await?;
                "log"
            }
            Fact::CheckIn(c) => {
                Self::insert_checkin(&mut tx, programme, c, Some(now)).await?;
                "checkin"
            }
        };
        Self::insert_decision(&mut tx, programme, cause, decision, now).await?;
        Self::insert_rescreen(&mut tx, rescreen, now).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl ProgrammeStore for SqlStore {
    async fn save_programme(&self, walker: WalkerId, setup: &Setup, now: Timestamp) -> Result<ProgrammeId> {
        let mut tx = self.pool.begin().await?;
        let id = Self::insert_programme(&mut tx, walker, setup, now).await?;
        // The walker's dates live in the programme's time zone.
        sqlx::query("UPDATE walkers SET time_zone = $1, version = version + 1 WHERE id = $2")
            .bind(setup.time_zone.clone())
            .bind(walker.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_programme(&self, key: ProgrammeKey, s: &Setup) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let update = sqlx::query(
            "UPDATE programmes SET start_date = $1, weeks = $2, training_days = $3, equipment = $4, baseline_pain = $5, \
             forward_speed_tenths = $6, time_zone = $7 WHERE id = $8 AND walker_id = $9",
        );
        let done = bind_setup(update, s).bind(key.programme.0).bind(key.walker.0).execute(&mut *tx).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(key.to_string()));
        }
        sqlx::query("UPDATE walkers SET time_zone = $1, version = version + 1 WHERE id = $2")
            .bind(s.time_zone.clone())
            .bind(key.walker.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn active_programme(&self, walker: WalkerId) -> Result<Option<ProgrammeRecord>> {
        let row = sqlx::query(
            "SELECT id, start_date, weeks, training_days, equipment, baseline_pain, forward_speed_tenths, time_zone, \
             created_at FROM programmes WHERE walker_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(walker.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(ProgrammeRecord {
            id: ProgrammeId(get(&row, "id")?),
            walker,
            setup: Setup {
                equipment: codec::equipment(&get::<String>(&row, "equipment")?)?,
                training_days: codec::days(&get::<String>(&row, "training_days")?)?,
                start: date(&get::<String>(&row, "start_date")?)?,
                time_zone: get(&row, "time_zone")?,
                baseline_pain: codec::pain(get(&row, "baseline_pain")?, "baseline_pain")?,
                weeks: small(get(&row, "weeks")?, "weeks")?,
                forward_speed_tenths: small(get(&row, "forward_speed_tenths")?, "forward speed")?,
            },
            created_at: timestamp(get(&row, "created_at")?)?,
        }))
    }

    async fn history(&self, key: ProgrammeKey) -> Result<History> {
        let logs = sqlx::query(concat!("SELECT * FROM session_logs WHERE ", owned!(), " ORDER BY session_date"))
            .bind(key.programme.0)
            .bind(key.walker.0)
            .fetch_all(&self.pool)
            .await?;
        let checkins = sqlx::query(concat!(
            "SELECT session_date, checkin_date, pain, symptoms, created_at FROM checkins WHERE ",
            owned!(),
            " ORDER BY session_date"
        ))
        .bind(key.programme.0)
        .bind(key.walker.0)
        .fetch_all(&self.pool)
        .await?;
        let overrides = sqlx::query(concat!("SELECT * FROM overrides WHERE ", owned!(), " ORDER BY id"))
            .bind(key.programme.0)
            .bind(key.walker.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(History {
            logs: logs.iter().map(Self::log_row).collect::<Result<_>>()?,
            checkins: checkins
                .iter()
                .map(|r| {
                    Ok(CheckIn {
                        session_date: date(&get::<String>(r, "session_date")?)?,
                        date: date(&get::<String>(r, "checkin_date")?)?,
                        pain: codec::pain(get(r, "pain")?, "check-in pain")?,
                        symptoms: codec::symptoms(&get::<String>(r, "symptoms")?)?,
                        recorded_at: match get::<i64>(r, "created_at")? {
                            0 => None,
                            at => Some(timestamp(at)?),
                        },
                    })
                })
                .collect::<Result<_>>()?,
            overrides: overrides.iter().map(Self::override_row).collect::<Result<_>>()?,
        })
    }

    async fn log_session(
        &self,
        key: ProgrammeKey,
        l: &SessionLog,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> Result<()> {
        self.record(key, Fact::Log(l), decision, rescreen, now).await
    }

    async fn check_in(
        &self,
        key: ProgrammeKey,
        c: &CheckIn,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> Result<()> {
        self.record(key, Fact::CheckIn(c), decision, rescreen, now).await
    }

    async fn add_override(
        &self,
        key: ProgrammeKey,
        o: &Override,
        decision: &Decision,
        change: Option<&SecurityEvent>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let programme = Self::owned(&mut tx, key).await?;
        Self::insert_override(&mut tx, programme, o, now).await?;
        Self::insert_decision(&mut tx, programme, "override", decision, now).await?;
        if let Some(e) = change {
            Self::insert_security_event(&mut tx, e).await?;
        }
        tx.commit().await?;
        if let Some(e) = change {
            self.forget_old_events(e.at).await;
        }
        Ok(())
    }

    async fn decisions(&self, key: ProgrammeKey) -> Result<Vec<DecisionRecord>> {
        let rows =
            sqlx::query(concat!("SELECT cause, decision, created_at FROM decisions WHERE ", owned!(), " ORDER BY id"))
                .bind(key.programme.0)
                .bind(key.walker.0)
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| {
                Ok(DecisionRecord {
                    cause: get(r, "cause")?,
                    decision: codec::stored::<crate::stored::DecisionV1, _>(
                        &get::<String>(r, "decision")?,
                        "decision",
                    )?,
                    created_at: timestamp(get(r, "created_at")?)?,
                })
            })
            .collect()
    }
}
