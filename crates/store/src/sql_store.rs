//! The SQL implementation of [`Store`], shared by SQLite and PostgreSQL.

use crate::codec::{self, corrupt, date, date_text, millis, small, timestamp};
use crate::{
    ARCHIVE_FORMAT, ARCHIVE_VERSION, Archive, ArchivedDecision, ArchivedImport, ArchivedScreening, ArchivedWalker,
    ImportRecord, StoredActivity,
};
use crate::{
    Account, AccountId, Backend, DecisionRecord, LoadedQuestionnaire, NewAccount, NewWalker, OutcomeRecord,
    ProgrammeId, ProgrammeRecord, QuestionnaireResult, Result, ScreeningId, ScreeningRecord, Store, StoreError, Walker,
    WalkerId, WalkerIds, WebSession,
};
use crate::{ApiToken, Rescreen, SecurityEvent, SecurityKind, TOKEN_ID_LEN};
use coach::adaptation::Decision;
use coach::history::{CheckIn, History, Override, SessionLog};
use coach::screening::{Answers, Clearance, Outcome, Question};
use coach::setup::Setup;
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    /// The connection that watches an SQLite file for commits (change stamps).
    watcher: Option<std::sync::Arc<crate::change_stamp::Watcher>>,
}

fn get<'r, T>(row: &'r AnyRow, col: &str) -> Result<T>
where
    T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get(col).map_err(|e| corrupt(format!("column {col}: {e}")))
}

impl SqlStore {
    pub(crate) fn new(pool: AnyPool, backend: Backend, url: &str) -> Self {
        let watcher = crate::change_stamp::sqlite_file(url)
            .filter(|_| backend == Backend::Sqlite)
            .map(|path| std::sync::Arc::new(crate::change_stamp::Watcher::new(path)));
        Self { pool, backend, watcher }
    }

    /// A stamp of the database's committed state: equal stamps mean nothing
    /// was committed in between, by any process. Only SQLite files have one;
    /// elsewhere callers ask the database.
    pub async fn change_stamp(&self) -> Option<crate::ChangeStamp> {
        self.watcher.as_ref()?.read()
    }

    /// A mark of this moment for [`SqlStore::change_stamp_since`] (SQLite files only).
    pub fn arrival(&self) -> Option<crate::Arrival> {
        self.watcher.as_ref().map(|w| crate::Arrival(w.arrival()))
    }

    /// A stamp from a read that began after `arrival`: every commit made before
    /// it is seen. A read already made since then is reused, so a request that
    /// marked its arrival looks its session and its walker up with one read.
    pub async fn change_stamp_since(&self, arrival: crate::Arrival) -> Option<crate::ChangeStamp> {
        self.watcher.as_ref()?.read_since(arrival.0)
    }

    /// The connection pool, for whole-database work (backup, restore).
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The pool's connections: (open, idle, most allowed), for metrics.
    pub fn pool_stats(&self) -> (u32, usize, u32) {
        (self.pool.size(), self.pool.num_idle(), self.pool.options().get_max_connections())
    }

    /// Closes every connection; used before dropping a test database.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Runs a read-only SQL statement returning one text value (diagnostics,
    /// e.g. `PRAGMA journal_mode`).
    pub async fn scalar_text(&self, sql: &'static str) -> Result<String> {
        let row = sqlx::query(sql).fetch_one(&self.pool).await?;
        row.try_get::<String, _>(0).map_err(StoreError::from)
    }

    pub async fn scalar_int(&self, sql: &'static str) -> Result<i64> {
        let row = sqlx::query(sql).fetch_one(&self.pool).await?;
        row.try_get::<i64, _>(0).map_err(StoreError::from)
    }

    async fn insert_screening(
        conn: &mut AnyConnection,
        walker: WalkerId,
        answers: &Answers,
        outcome: &Outcome,
        now: Timestamp,
    ) -> Result<ScreeningId> {
        let row = sqlx::query(
            "INSERT INTO screenings (walker_id, answers, status, outcome, rules_version, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(walker.0)
        .bind(codec::to_json(answers)?)
        .bind(outcome.status.label().to_string())
        .bind(codec::to_json(outcome)?)
        .bind(outcome.rules_version.clone())
        .bind(millis(now))
        .fetch_one(&mut *conn)
        .await?;
        Self::bump_walker(conn, walker).await?;
        Ok(ScreeningId(get(&row, "id")?))
    }

    /// The re-screening a reported fall causes, in the caller's transaction.
    async fn insert_rescreen(conn: &mut AnyConnection, rescreen: Option<&Rescreen>, now: Timestamp) -> Result<()> {
        if let Some(r) = rescreen {
            Self::insert_screening(conn, r.walker, &r.answers, &r.outcome, now).await?;
        }
        Ok(())
    }

    async fn insert_programme(
        conn: &mut AnyConnection,
        walker: WalkerId,
        s: &Setup,
        now: Timestamp,
    ) -> Result<ProgrammeId> {
        let row = sqlx::query(
            "INSERT INTO programmes (walker_id, start_date, weeks, training_days, equipment, baseline_pain, \
             forward_speed_tenths, time_zone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(walker.0)
        .bind(date_text(s.start))
        .bind(i64::from(s.weeks))
        .bind(codec::days_text(&s.training_days))
        .bind(codec::equipment_text(&s.equipment))
        .bind(i64::from(s.baseline_pain.value()))
        .bind(i64::from(s.forward_speed_tenths))
        .bind(s.time_zone.clone())
        .bind(millis(now))
        .fetch_one(&mut *conn)
        .await?;
        Self::bump_walker(conn, walker).await?;
        Ok(ProgrammeId(get(&row, "id")?))
    }

    async fn insert_decision(
        conn: &mut AnyConnection,
        programme: ProgrammeId,
        cause: &str,
        d: &Decision,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO decisions (programme_id, cause, rule, action, effective, decision, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(programme.0)
        .bind(cause.to_string())
        .bind(d.rule.clone())
        .bind(d.action.as_str())
        .bind(date_text(d.effective))
        .bind(codec::to_json(d)?)
        .bind(millis(now))
        .execute(&mut *conn)
        .await?;
        // Every session, check-in and override writes a decision: one bump covers them.
        Self::bump_programme_walker(conn, programme).await?;
        Ok(())
    }

    async fn insert_log(
        conn: &mut AnyConnection,
        programme: ProgrammeId,
        l: &SessionLog,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO session_logs (programme_id, session_date, minutes, bouts, speed_tenths, incline_pct, support, \
             surface, pain_before, pain_peak, pain_after, rpe, symptoms, notes, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(programme.0)
        .bind(date_text(l.date))
        .bind(i64::from(l.minutes))
        .bind(i64::from(l.bouts))
        .bind(l.speed_tenths.map(i64::from))
        .bind(i64::from(l.incline_pct))
        .bind(l.support.as_str())
        .bind(l.surface.as_str())
        .bind(i64::from(l.pain_before.value()))
        .bind(i64::from(l.pain_peak.value()))
        .bind(i64::from(l.pain_after.value()))
        .bind(l.rpe.map(i64::from))
        .bind(codec::symptoms_text(&l.symptoms))
        .bind(l.notes.clone())
        .bind(millis(now))
        .execute(&mut *conn)
        .await
        .map_err(|e| duplicate_as(e, format!("a session is already logged for {}", l.date)))?;
        Ok(())
    }

    async fn insert_checkin(
        conn: &mut AnyConnection,
        programme: ProgrammeId,
        c: &CheckIn,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO checkins (programme_id, session_date, checkin_date, pain, symptoms, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(programme.0)
        .bind(date_text(c.session_date))
        .bind(date_text(c.date))
        .bind(i64::from(c.pain.value()))
        .bind(codec::symptoms_text(&c.symptoms))
        .bind(millis(now))
        .execute(&mut *conn)
        .await
        .map_err(|e| duplicate_as(e, format!("the session on {} already has a check-in", c.session_date)))?;
        Ok(())
    }

    async fn insert_override(
        conn: &mut AnyConnection,
        programme: ProgrammeId,
        o: &Override,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO overrides (programme_id, effective, minutes, speed_tenths, incline_pct, support, surface, \
             by_name, reason, created_at, kind, role, signed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(programme.0)
        .bind(date_text(o.effective))
        .bind(i64::from(o.dose.minutes))
        .bind(i64::from(o.dose.speed_tenths))
        .bind(i64::from(o.dose.incline_pct))
        .bind(o.dose.support.as_str())
        .bind(o.dose.surface.as_str())
        .bind(o.by.clone())
        .bind(o.reason.clone())
        .bind(millis(now))
        .bind(o.kind.as_str())
        .bind(o.role.clone())
        .bind(o.signed_at.map(millis))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    async fn insert_outcome(
        conn: &mut AnyConnection,
        walker: WalkerId,
        o: &OutcomeRecord,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO outcomes (walker_id, measure, value, taken_on, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(walker.0)
        .bind(o.measure.as_str())
        .bind(o.value)
        .bind(date_text(o.taken_on))
        .bind(o.detail.clone())
        .bind(millis(now))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    async fn insert_questionnaire_result(
        conn: &mut AnyConnection,
        walker: WalkerId,
        r: &QuestionnaireResult,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO questionnaire_results \
             (walker_id, questionnaire_id, title, version, taken_on, answers, scores, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(walker.0)
        .bind(r.questionnaire.clone())
        .bind(r.title.clone())
        .bind(r.version.clone())
        .bind(date_text(r.taken_on))
        .bind(codec::to_json(&r.answers)?)
        .bind(codec::to_json(&r.scores)?)
        .bind(millis(now))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    async fn insert_import(
        conn: &mut AnyConnection,
        walker: WalkerId,
        r: &ImportRecord,
        activities: &[coach::imports::Imported],
    ) -> Result<()> {
        let row = sqlx::query(
            "INSERT INTO imports (walker_id, sha256, file_name, format, content, warnings, imported_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(walker.0)
        .bind(r.sha256.clone())
        .bind(r.file_name.clone())
        .bind(r.format.clone())
        .bind(r.content.clone())
        .bind(codec::to_json(&r.warnings)?)
        .bind(millis(r.imported_at))
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| duplicate_as(e, format!("{} was imported before", r.file_name)))?;
        let import: i64 = get(&row, "id")?;
        for a in activities {
            sqlx::query(
                "INSERT INTO activities (walker_id, import_id, local_date, activity, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(walker.0)
            .bind(import)
            .bind(date_text(a.local_date))
            .bind(codec::to_json(a)?)
            .bind(millis(r.imported_at))
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    fn import_row(r: &AnyRow) -> Result<ImportRecord> {
        Ok(ImportRecord {
            sha256: get(r, "sha256")?,
            file_name: get(r, "file_name")?,
            format: get(r, "format")?,
            content: get(r, "content")?,
            warnings: codec::json(&get::<String>(r, "warnings")?, "import warnings")?,
            imported_at: timestamp(get(r, "imported_at")?)?,
        })
    }

    /// Writes every record of an archive as a new walker, in the caller's transaction.
    async fn insert_archive(tx: &mut AnyConnection, a: &Archive) -> Result<WalkerId> {
        let row = sqlx::query(
            "INSERT INTO walkers (name, time_zone, created_at, birth_year, sex) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(a.walker.name.clone())
        .bind(a.walker.time_zone.clone())
        .bind(millis(a.walker.created_at))
        .bind(a.walker.birth_year)
        .bind(a.walker.sex.map(|s| s.as_str()))
            .fetch_one(&mut *tx)
            .await?;
        let walker = WalkerId(get(&row, "id")?);
        for s in &a.screenings {
            Self::insert_screening(tx, walker, &s.answers, &s.outcome, s.recorded_at).await?;
        }
        for c in &a.clearances {
            sqlx::query(
                "INSERT INTO clearances (walker_id, cleared_by, role, cleared_at, covers, note, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(walker.0)
            .bind(c.by.clone())
            .bind(c.role.clone())
            .bind(millis(c.at))
            .bind(codec::to_json(&c.covers)?)
            .bind(c.note.clone())
            .bind(millis(c.at))
            .execute(&mut *tx)
            .await?;
        }
        if let Some(setup) = &a.programme {
            let p = Self::insert_programme(tx, walker, setup, a.exported_at).await?;
            for l in &a.sessions {
                Self::insert_log(tx, p, l, a.exported_at).await?;
            }
            for c in &a.checkins {
                Self::insert_checkin(tx, p, c, a.exported_at).await?;
            }
            for o in &a.overrides {
                Self::insert_override(tx, p, o, a.exported_at).await?;
            }
            for d in &a.decisions {
                Self::insert_decision(tx, p, &d.cause, &d.decision, d.recorded_at).await?;
            }
        }
        for o in &a.outcomes {
            Self::insert_outcome(tx, walker, o, a.exported_at).await?;
        }
        for r in &a.questionnaire_results {
            Self::insert_questionnaire_result(tx, walker, r, a.exported_at).await?;
        }
        for i in &a.imports {
            Self::insert_import(tx, walker, &i.record, &i.activities).await?;
        }
        Ok(walker)
    }

    /// Marks the walker's state as changed, inside the caller's transaction.
    async fn bump_walker(conn: &mut AnyConnection, walker: WalkerId) -> Result<()> {
        sqlx::query("UPDATE walkers SET version = version + 1 WHERE id = $1")
            .bind(walker.0)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    async fn bump_programme_walker(conn: &mut AnyConnection, programme: ProgrammeId) -> Result<()> {
        sqlx::query(
            "UPDATE walkers SET version = version + 1 WHERE id = (SELECT walker_id FROM programmes WHERE id = $1)",
        )
        .bind(programme.0)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Imports with their activities, for the archive.
    async fn archived_imports(&self, walker: WalkerId) -> Result<Vec<ArchivedImport>> {
        let rows = sqlx::query(
            "SELECT id, sha256, file_name, format, content, warnings, imported_at FROM imports \
             WHERE walker_id = $1 ORDER BY id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = get(r, "id")?;
            let acts = sqlx::query("SELECT activity FROM activities WHERE import_id = $1 ORDER BY id")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
            let activities = acts
                .iter()
                .map(|a| codec::json(&get::<String>(a, "activity")?, "imported activity"))
                .collect::<Result<Vec<_>>>()?;
            out.push(ArchivedImport { record: Self::import_row(r)?, activities });
        }
        Ok(out)
    }

    fn screening_row(row: &AnyRow) -> Result<ScreeningRecord> {
        Ok(ScreeningRecord {
            id: ScreeningId(get(row, "id")?),
            answers: codec::json(&get::<String>(row, "answers")?, "screening answers")?,
            outcome: codec::json(&get::<String>(row, "outcome")?, "screening outcome")?,
            created_at: timestamp(get(row, "created_at")?)?,
        })
    }

    fn log_row(row: &AnyRow) -> Result<SessionLog> {
        Ok(SessionLog {
            date: date(&get::<String>(row, "session_date")?)?,
            minutes: small(get(row, "minutes")?, "minutes")?,
            bouts: small(get(row, "bouts")?, "bouts")?,
            speed_tenths: get::<Option<i64>>(row, "speed_tenths")?.map(|v| small(v, "speed")).transpose()?,
            incline_pct: small(get(row, "incline_pct")?, "incline")?,
            support: codec::support(&get::<String>(row, "support")?)?,
            surface: codec::surface(&get::<String>(row, "surface")?)?,
            pain_before: codec::pain(get(row, "pain_before")?, "pain_before")?,
            pain_peak: codec::pain(get(row, "pain_peak")?, "pain_peak")?,
            pain_after: codec::pain(get(row, "pain_after")?, "pain_after")?,
            rpe: get::<Option<i64>>(row, "rpe")?.map(|v| small(v, "rpe")).transpose()?,
            symptoms: codec::symptoms(&get::<String>(row, "symptoms")?)?,
            notes: get(row, "notes")?,
        })
    }

    fn account_row(row: &AnyRow) -> Result<Account> {
        Ok(Account {
            id: AccountId(get(row, "id")?),
            walker: WalkerId(get(row, "walker_id")?),
            email: get(row, "email")?,
            password_hash: get(row, "password_hash")?,
            role: codec::role(&get::<String>(row, "role")?)?,
            created_at: timestamp(get(row, "created_at")?)?,
            disabled_at: get::<Option<i64>>(row, "disabled_at")?.map(timestamp).transpose()?,
        })
    }

    async fn insert_security_event(conn: &mut AnyConnection, e: &SecurityEvent) -> Result<()> {
        sqlx::query("DELETE FROM security_events WHERE at_ms < $1")
            .bind(millis(e.at) - crate::SECURITY_EVENT_DAYS * 86_400_000)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO security_events (at_ms, kind, account_id, client, detail) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(millis(e.at))
        .bind(e.kind.as_str())
        .bind(e.account.map(|a| a.0))
        .bind(e.client.clone())
        .bind(e.detail.clone())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    fn override_row(row: &AnyRow) -> Result<Override> {
        Ok(Override {
            effective: date(&get::<String>(row, "effective")?)?,
            dose: coach::dose::Dose {
                minutes: small(get(row, "minutes")?, "minutes")?,
                speed_tenths: small(get(row, "speed_tenths")?, "speed")?,
                incline_pct: small(get(row, "incline_pct")?, "incline")?,
                support: codec::support(&get::<String>(row, "support")?)?,
                surface: codec::surface(&get::<String>(row, "surface")?)?,
            },
            by: get(row, "by_name")?,
            reason: get(row, "reason")?,
            kind: {
                let kind: String = get(row, "kind")?;
                kind.parse::<coach::history::OverrideKind>()
                    .map_err(|_| StoreError::Corrupt(format!("unknown override kind '{kind}'")))?
            },
            role: get(row, "role")?,
            signed_at: get::<Option<i64>>(row, "signed_at")?.map(timestamp).transpose()?,
        })
    }
}

/// Maps a unique-constraint refusal to a readable duplicate error.
fn duplicate_as(e: sqlx::Error, message: String) -> StoreError {
    if StoreError::is_unique_violation(&e) { StoreError::Duplicate(message) } else { StoreError::Database(e) }
}

impl Store for SqlStore {
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
        let done = sqlx::query("DELETE FROM walkers WHERE id = $1").bind(id.0).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("walker {id}")));
        }
        // The deleted records must not linger in the write-ahead log either:
        // copy it into the (securely overwritten) database file and empty it.
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        }
        Ok(())
    }

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
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO clearances (walker_id, cleared_by, role, cleared_at, covers, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(walker.0)
        .bind(c.by.clone())
        .bind(c.role.clone())
        .bind(millis(c.at))
        .bind(codec::to_json(&c.covers)?)
        .bind(c.note.clone())
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        Self::insert_screening(&mut tx, walker, answers, outcome, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn latest_clearance(&self, walker: WalkerId) -> Result<Option<Clearance>> {
        let row = sqlx::query(
            "SELECT cleared_by, role, cleared_at, covers, note FROM clearances WHERE walker_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(walker.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Clearance {
            by: get(&row, "cleared_by")?,
            role: get(&row, "role")?,
            at: timestamp(get(&row, "cleared_at")?)?,
            covers: codec::json::<Vec<Question>>(&get::<String>(&row, "covers")?, "clearance")?,
            note: get(&row, "note")?,
        }))
    }

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

    async fn update_programme(&self, programme: ProgrammeId, s: &Setup) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "UPDATE programmes SET start_date = $1, weeks = $2, training_days = $3, equipment = $4, baseline_pain = $5, \
             forward_speed_tenths = $6, time_zone = $7 WHERE id = $8 RETURNING walker_id",
        )
        .bind(date_text(s.start))
        .bind(i64::from(s.weeks))
        .bind(codec::days_text(&s.training_days))
        .bind(codec::equipment_text(&s.equipment))
        .bind(i64::from(s.baseline_pain.value()))
        .bind(i64::from(s.forward_speed_tenths))
        .bind(s.time_zone.clone())
        .bind(programme.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("programme {programme}")))?;
        let walker: i64 = get(&row, "walker_id")?;
        sqlx::query("UPDATE walkers SET time_zone = $1, version = version + 1 WHERE id = $2")
            .bind(s.time_zone.clone())
            .bind(walker)
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

    async fn history(&self, programme: ProgrammeId) -> Result<History> {
        let logs = sqlx::query("SELECT * FROM session_logs WHERE programme_id = $1 ORDER BY session_date")
            .bind(programme.0)
            .fetch_all(&self.pool)
            .await?;
        let checkins = sqlx::query(
            "SELECT session_date, checkin_date, pain, symptoms FROM checkins WHERE programme_id = $1 ORDER BY session_date",
        )
        .bind(programme.0)
        .fetch_all(&self.pool)
        .await?;
        let overrides = sqlx::query("SELECT * FROM overrides WHERE programme_id = $1 ORDER BY id")
            .bind(programme.0)
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
                    })
                })
                .collect::<Result<_>>()?,
            overrides: overrides.iter().map(Self::override_row).collect::<Result<_>>()?,
        })
    }

    async fn log_session(
        &self,
        programme: ProgrammeId,
        l: &SessionLog,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_log(&mut tx, programme, l, now).await?;
        Self::insert_decision(&mut tx, programme, "log", decision, now).await?;
        Self::insert_rescreen(&mut tx, rescreen, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn check_in(
        &self,
        programme: ProgrammeId,
        c: &CheckIn,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_checkin(&mut tx, programme, c, now).await?;
        Self::insert_decision(&mut tx, programme, "checkin", decision, now).await?;
        Self::insert_rescreen(&mut tx, rescreen, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn add_override(
        &self,
        programme: ProgrammeId,
        o: &Override,
        decision: &Decision,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_override(&mut tx, programme, o, now).await?;
        Self::insert_decision(&mut tx, programme, "override", decision, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn decisions(&self, programme: ProgrammeId) -> Result<Vec<DecisionRecord>> {
        let rows = sqlx::query("SELECT cause, decision, created_at FROM decisions WHERE programme_id = $1 ORDER BY id")
            .bind(programme.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(DecisionRecord {
                    cause: get(r, "cause")?,
                    decision: codec::json(&get::<String>(r, "decision")?, "decision")?,
                    created_at: timestamp(get(r, "created_at")?)?,
                })
            })
            .collect()
    }

    async fn save_outcome(
        &self,
        walker: WalkerId,
        o: &OutcomeRecord,
        rescreen: Option<(&Answers, &Outcome)>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_outcome(&mut tx, walker, o, now).await?;
        match rescreen {
            Some((answers, outcome)) => {
                Self::insert_screening(&mut tx, walker, answers, outcome, now).await?;
            }
            None => Self::bump_walker(&mut tx, walker).await?,
        }
        tx.commit().await?;
        Ok(())
    }

    async fn outcomes(&self, walker: WalkerId) -> Result<Vec<OutcomeRecord>> {
        let rows = sqlx::query(
            "SELECT measure, value, taken_on, detail FROM outcomes WHERE walker_id = $1 ORDER BY taken_on, id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OutcomeRecord {
                    measure: get::<String>(r, "measure")?.parse().map_err(corrupt)?,
                    value: get(r, "value")?,
                    taken_on: date(&get::<String>(r, "taken_on")?)?,
                    detail: get(r, "detail")?,
                })
            })
            .collect()
    }

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
                    activity: codec::json(&get::<String>(r, "activity")?, "imported activity")?,
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
            .bind(codec::to_json(&activity.activity)?)
            .bind(activity.id)
            .bind(walker.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("activity {}", activity.id)));
        }
        match session {
            Some((programme, log, decision)) => {
                Self::insert_log(&mut tx, programme, log, now).await?;
                Self::insert_decision(&mut tx, programme, "log", decision, now).await?;
                Self::insert_rescreen(&mut tx, rescreen, now).await?;
            }
            None => Self::bump_walker(&mut tx, walker).await?,
        }
        tx.commit().await?;
        Ok(())
    }

    async fn save_questionnaire(&self, q: &LoadedQuestionnaire) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let existed = sqlx::query("SELECT id FROM questionnaires WHERE id = $1")
            .bind(q.questionnaire.id.clone())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        sqlx::query(
            "INSERT INTO questionnaires (id, questionnaire, scoring, loaded_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET questionnaire = excluded.questionnaire, scoring = excluded.scoring, \
             loaded_at = excluded.loaded_at",
        )
        .bind(q.questionnaire.id.clone())
        .bind(codec::to_json(&q.questionnaire)?)
        .bind(codec::to_json(&q.scoring)?)
        .bind(millis(q.loaded_at))
        .execute(&mut *tx)
        .await?;
        // Every walker's state lists the loaded questionnaires.
        sqlx::query("UPDATE walkers SET version = version + 1").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(existed)
    }

    async fn questionnaires(&self) -> Result<Vec<LoadedQuestionnaire>> {
        let rows = sqlx::query("SELECT questionnaire, scoring, loaded_at FROM questionnaires ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut all = rows
            .iter()
            .map(|r| {
                Ok(LoadedQuestionnaire {
                    questionnaire: codec::json(&get::<String>(r, "questionnaire")?, "questionnaire")?,
                    scoring: codec::json(&get::<String>(r, "scoring")?, "questionnaire scoring")?,
                    loaded_at: timestamp(get(r, "loaded_at")?)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        all.sort_by(|a, b| a.questionnaire.title.cmp(&b.questionnaire.title));
        Ok(all)
    }

    async fn save_questionnaire_result(&self, walker: WalkerId, r: &QuestionnaireResult, now: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_questionnaire_result(&mut tx, walker, r, now).await?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn questionnaire_results(&self, walker: WalkerId) -> Result<Vec<QuestionnaireResult>> {
        let rows = sqlx::query(
            "SELECT questionnaire_id, title, version, taken_on, answers, scores FROM questionnaire_results \
             WHERE walker_id = $1 ORDER BY taken_on, id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(QuestionnaireResult {
                    questionnaire: get(r, "questionnaire_id")?,
                    title: get(r, "title")?,
                    version: get(r, "version")?,
                    taken_on: date(&get::<String>(r, "taken_on")?)?,
                    answers: codec::json(&get::<String>(r, "answers")?, "questionnaire answers")?,
                    scores: codec::json(&get::<String>(r, "scores")?, "questionnaire scores")?,
                })
            })
            .collect()
    }

    async fn clearances(&self, walker: WalkerId) -> Result<Vec<Clearance>> {
        let rows = sqlx::query(
            "SELECT cleared_by, role, cleared_at, covers, note FROM clearances WHERE walker_id = $1 ORDER BY id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Clearance {
                    by: get(row, "cleared_by")?,
                    role: get(row, "role")?,
                    at: timestamp(get(row, "cleared_at")?)?,
                    covers: codec::json::<Vec<Question>>(&get::<String>(row, "covers")?, "clearance")?,
                    note: get(row, "note")?,
                })
            })
            .collect()
    }

    async fn export_walker(&self, walker: WalkerId, now: Timestamp) -> Result<Archive> {
        let w = self.walker(walker).await?;
        let programme = self.active_programme(walker).await?;
        let (history, decisions) = match &programme {
            Some(p) => (self.history(p.id).await?, self.decisions(p.id).await?),
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
        let walker = Self::insert_archive(&mut tx, a).await?;
        let row = sqlx::query("SELECT walker_id FROM accounts WHERE id = $1")
            .bind(account.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("account {account}")))?;
        let old: i64 = get(&row, "walker_id")?;
        sqlx::query("UPDATE accounts SET walker_id = $1 WHERE id = $2")
            .bind(walker.0)
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM walkers WHERE id = $1").bind(old).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(walker)
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
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("walker {id}")));
        }
        Ok(())
    }

    async fn update_walker(&self, id: WalkerId, name: &str, time_zone: &str) -> Result<()> {
        let done = sqlx::query("UPDATE walkers SET name = $1, time_zone = $2, version = version + 1 WHERE id = $3")
            .bind(name.to_string())
            .bind(time_zone.to_string())
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("walker {id}")));
        }
        Ok(())
    }

    async fn create_account(&self, new: &NewAccount, now: Timestamp) -> Result<Account> {
        let email = new.email.trim().to_lowercase();
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("INSERT INTO walkers (name, time_zone, created_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(new.name.clone())
            .bind(new.time_zone.clone())
            .bind(millis(now))
            .fetch_one(&mut *tx)
            .await?;
        let walker = WalkerId(get(&row, "id")?);
        let row = sqlx::query(
            "INSERT INTO accounts (walker_id, email, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING *",
        )
        .bind(walker.0)
        .bind(email)
        .bind(new.password_hash.clone())
        .bind(millis(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| duplicate_as(e, "an account with this email already exists".into()))?;
        let account = Self::account_row(&row)?;
        tx.commit().await?;
        Ok(account)
    }

    async fn account(&self, id: AccountId) -> Result<Account> {
        let row = sqlx::query("SELECT * FROM accounts WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("account {id}")))?;
        Self::account_row(&row)
    }

    async fn account_by_email(&self, email: &str) -> Result<Option<Account>> {
        let row = sqlx::query("SELECT * FROM accounts WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(Self::account_row).transpose()
    }

    async fn accounts(&self) -> Result<Vec<Account>> {
        let rows = sqlx::query("SELECT * FROM accounts ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter().map(Self::account_row).collect()
    }

    async fn set_account_disabled(&self, account: AccountId, disabled: bool, event: &SecurityEvent) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let done = if disabled {
            sqlx::query("UPDATE accounts SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL")
                .bind(millis(event.at))
                .bind(account.0)
                .execute(&mut *tx)
                .await?
        } else {
            sqlx::query("UPDATE accounts SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL")
                .bind(account.0)
                .execute(&mut *tx)
                .await?
        };
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        if disabled {
            for table in ["web_sessions", "api_tokens", "reset_codes"] {
                let sql = format!("DELETE FROM {table} WHERE account_id = $1");
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(account.0).execute(&mut *tx).await?;
            }
        }
        Self::insert_security_event(&mut tx, event).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn record_security_event(&self, event: &SecurityEvent) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_security_event(&mut tx, event).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn security_events(&self, account: Option<AccountId>, limit: u32) -> Result<Vec<SecurityEvent>> {
        let rows = sqlx::query(
            "SELECT at_ms, kind, account_id, client, detail FROM security_events \
             WHERE ($1 IS NULL OR account_id = $1) ORDER BY at_ms DESC, id DESC LIMIT $2",
        )
        .bind(account.map(|a| a.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = get(r, "kind")?;
                Ok(SecurityEvent {
                    at: timestamp(get(r, "at_ms")?)?,
                    kind: SecurityKind::parse(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("unknown security event '{kind}'")))?,
                    account: get::<Option<i64>>(r, "account_id")?.map(AccountId),
                    client: get(r, "client")?,
                    detail: get(r, "detail")?,
                })
            })
            .collect()
    }

    async fn create_session(
        &self,
        account: AccountId,
        token_hash: &str,
        csrf_token: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_sessions (token_hash, account_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash.to_string())
        .bind(account.0)
        .bind(csrf_token.to_string())
        .bind(millis(now))
        .bind(millis(expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<WebSession>> {
        // One round trip: the session and its account, on every signed-in request.
        let row = sqlx::query(
            "SELECT a.*, s.csrf_token, s.expires_at, w.version AS walker_version FROM web_sessions s \
             JOIN accounts a ON a.id = s.account_id JOIN walkers w ON w.id = a.walker_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL",
        )
        .bind(token_hash.to_string())
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(WebSession {
            account: Self::account_row(&row)?,
            walker_version: get(&row, "walker_version")?,
            csrf_token: get(&row, "csrf_token")?,
            expires_at: timestamp(get(&row, "expires_at")?)?,
        }))
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM web_sessions WHERE token_hash = $1")
            .bind(token_hash.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn create_api_token(
        &self,
        account: AccountId,
        token_hash: &str,
        name: &str,
        now: Timestamp,
        expires_at: Option<Timestamp>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO api_tokens (token_hash, account_id, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash.to_string())
        .bind(account.0)
        .bind(name.to_string())
        .bind(millis(now))
        .bind(expires_at.map(millis))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn account_by_api_token(&self, token_hash: &str, now: Timestamp) -> Result<Option<Account>> {
        let row = sqlx::query(
            "SELECT a.*, t.last_used_at FROM accounts a JOIN api_tokens t ON t.account_id = a.id \
             WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > $2) AND a.disabled_at IS NULL",
        )
        .bind(token_hash.to_string())
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        // A write per request would cost more than the request; a minute is
        // close enough to tell a token in use from one forgotten.
        let last: Option<i64> = get(&row, "last_used_at")?;
        let account = Self::account_row(&row)?;
        if last.is_none_or(|t| millis(now) - t >= 60_000) {
            let mut tx = self.pool.begin().await?;
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
                .bind(millis(now))
                .bind(token_hash.to_string())
                .execute(&mut *tx)
                .await?;
            let id: String = token_hash.chars().take(TOKEN_ID_LEN).collect();
            let used = SecurityEvent::new(SecurityKind::TokenUsed, Some(account.id), "", &format!("token {id}"), now);
            Self::insert_security_event(&mut tx, &used).await?;
            tx.commit().await?;
        }
        Ok(Some(account))
    }

    async fn api_tokens(&self, account: AccountId) -> Result<Vec<ApiToken>> {
        let rows = sqlx::query(
            "SELECT token_hash, name, created_at, last_used_at, expires_at FROM api_tokens \
             WHERE account_id = $1 ORDER BY created_at DESC",
        )
        .bind(account.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let hash: String = get(r, "token_hash")?;
                Ok(ApiToken {
                    id: hash.chars().take(TOKEN_ID_LEN).collect(),
                    name: get(r, "name")?,
                    created_at: timestamp(get(r, "created_at")?)?,
                    last_used_at: get::<Option<i64>>(r, "last_used_at")?.map(timestamp).transpose()?,
                    expires_at: get::<Option<i64>>(r, "expires_at")?.map(timestamp).transpose()?,
                })
            })
            .collect()
    }

    async fn revoke_api_token(&self, account: AccountId, id: &str) -> Result<bool> {
        // Ids are hex prefixes: compare the prefix, never pattern-match.
        if id.len() != TOKEN_ID_LEN || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let done = sqlx::query("DELETE FROM api_tokens WHERE account_id = $1 AND substr(token_hash, 1, 12) = $2")
            .bind(account.0)
            .bind(id.to_ascii_lowercase())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn record_auth_failure(&self, scope: &str, key: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM auth_failures WHERE at_ms < $1")
            .bind(millis(now) - 24 * 3600 * 1000)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO auth_failures (scope, key, at_ms) VALUES ($1, $2, $3)")
            .bind(scope.to_string())
            .bind(key.to_string())
            .bind(millis(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn auth_failures(&self, scope: &str, key: &str, since: Timestamp) -> Result<(u32, Option<Timestamp>)> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MAX(at_ms) AS latest FROM auth_failures WHERE scope = $1 AND key = $2 AND at_ms >= $3",
        )
        .bind(scope.to_string())
        .bind(key.to_string())
        .bind(millis(since))
        .fetch_one(&self.pool)
        .await?;
        let n: i64 = get(&row, "n")?;
        let latest: Option<i64> = get(&row, "latest")?;
        Ok((u32::try_from(n).unwrap_or(u32::MAX), latest.map(timestamp).transpose()?))
    }

    async fn clear_auth_failures(&self, scope: &str, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM auth_failures WHERE scope = $1 AND key = $2")
            .bind(scope.to_string())
            .bind(key.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn sign_out_everywhere(&self, account: AccountId) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM web_sessions WHERE account_id = $1").bind(account.0).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM api_tokens WHERE account_id = $1").bind(account.0).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_reset_code(&self, account: AccountId, code_hash: &str, expires_at: Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO reset_codes (code_hash, account_id, expires_at) VALUES ($1, $2, $3)")
            .bind(code_hash.to_string())
            .bind(account.0)
            .bind(millis(expires_at))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn reset_password(&self, code_hash: &str, password_hash: &str, now: Timestamp) -> Result<Option<AccountId>> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("DELETE FROM reset_codes WHERE code_hash = $1 AND expires_at > $2 RETURNING account_id")
            .bind(code_hash.to_string())
            .bind(millis(now))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let account = AccountId(get(&row, "account_id")?);
        let updated = sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2 AND disabled_at IS NULL")
            .bind(password_hash.to_string())
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        if updated.rows_affected() == 0 {
            // A disabled account: the code is spent, the password unchanged.
            tx.commit().await?;
            return Ok(None);
        }
        // A new password ends every session and revokes every token.
        sqlx::query("DELETE FROM web_sessions WHERE account_id = $1").bind(account.0).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM api_tokens WHERE account_id = $1").bind(account.0).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(account))
    }
}
