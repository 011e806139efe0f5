//! The SQL implementation of [`Store`], shared by SQLite and PostgreSQL: the
//! store itself and the row helpers here, one module per aggregate's trait.

/// An access-log row's table and columns, in the order every writer binds
/// them: the group commit's rows, and the entries a read writes itself.
macro_rules! security_events_insert {
    () => {
        "INSERT INTO security_events (at_ms, kind, account_id, walker_id, walker_ids, client, detail, change)"
    };
}

mod accounts;
mod archive;
mod care;
mod clinics;
mod group_commit;
mod imports;
mod outcomes;
mod programmes;
mod screening;
mod second_factor;
mod walkers;

use crate::codec::{self, corrupt, date, date_text, millis, small, timestamp};
use crate::{
    Account, AccountId, Backend, OutcomeRecord, ProgrammeId, QuestionnaireResult, Result, ScreeningId, ScreeningRecord,
    StoreError, WalkerId,
};
use crate::{Archive, ArchivedImport, ImportRecord};
use crate::{Rescreen, SecurityEvent};
use coach::adaptation::Decision;
use coach::history::{CheckIn, Override, SessionLog};
use coach::screening::{Answers, Clearance, Outcome};
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
    /// When (in the access log's own time, ms) this process last forgot old
    /// access-log entries: see [`SqlStore::forget_old_events`].
    events_pruned_at: std::sync::Arc<std::sync::atomic::AtomicI64>,
    /// Writes access-log rows for many requests in one commit.
    access_log: group_commit::AccessLogWriter,
}

/// An entry's change as its column keeps it (JSON), or NULL.
fn change_json(e: &SecurityEvent) -> Result<Option<String>> {
    e.change.as_ref().map(|c| codec::to_json(&crate::stored::RecordChangeV1::from(c))).transpose()
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
        Self { pool, backend, watcher, events_pruned_at: Default::default(), access_log: Default::default() }
    }

    /// Forgets access-log entries older than [`crate::SECURITY_EVENT_DAYS`]
    /// before `at`, at most once an hour (of entry time) per process: the
    /// read path writes a row per walker shown, and a delete each time would
    /// cost a statement per request for nothing.
    async fn forget_old_events(&self, at: Timestamp) {
        use std::sync::atomic::Ordering;
        let at = millis(at);
        let last = self.events_pruned_at.load(Ordering::Relaxed);
        // One caller prunes; one racing it with the same `last` skips.
        if (at - last).abs() < 3_600_000
            || self.events_pruned_at.compare_exchange(last, at, Ordering::Relaxed, Ordering::Relaxed).is_err()
        {
            return;
        }
        let done = sqlx::query("DELETE FROM security_events WHERE at_ms < $1")
            .bind(at - crate::SECURITY_EVENT_DAYS * 86_400_000)
            .execute(&self.pool)
            .await;
        // The caller's write is committed: a failed clean-up must not make it
        // look failed (a retry would record it twice). Not forgotten after
        // all: the next entry tries again.
        if let Err(e) = done {
            self.events_pruned_at.store(last, Ordering::Relaxed);
            tracing::warn!(error = %e, "old access-log entries not forgotten; the next entry tries again");
        }
    }

    /// The access log outlives a walker's record (who reached what, when),
    /// but the before and after of a clinician's change are health data:
    /// they go with the record (deleted, or replaced by a restore).
    async fn forget_changes_of(conn: &mut AnyConnection, walker: WalkerId) -> Result<()> {
        sqlx::query("DELETE FROM security_events WHERE walker_id = $1 AND kind = 'record_changed'")
            .bind(walker.0)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Access-log entries in multi-row statements: many requests' entries
    /// (see `group_commit`) go in as one statement per 100, not one each.
    async fn insert_security_rows(conn: &mut AnyConnection, events: &[SecurityEvent]) -> Result<()> {
        for chunk in events.chunks(100) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let p = |k: usize| format!("${}", i * 8 + k);
                    format!("({}, {}, {}, {}, {}, {}, {}, {})", p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8))
                })
                .collect();
            // Only numbered placeholders are put together here; every value is bound.
            let sql = format!(concat!(security_events_insert!(), " VALUES {}"), rows.join(", "));
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for e in chunk {
                q = q
                    .bind(millis(e.at))
                    .bind(e.kind.as_str())
                    .bind(e.account.map(|a| a.0))
                    .bind(e.walker.map(|w| w.0))
                    .bind(e.walkers_text())
                    .bind(e.client.clone())
                    .bind(e.detail.clone())
                    .bind(change_json(e)?);
            }
            q.execute(&mut *conn).await?;
        }
        Ok(())
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
        .bind(codec::to_json(&crate::stored::AnswersV1::from(answers))?)
        .bind(outcome.status.label().to_string())
        .bind(codec::to_json(&crate::stored::OutcomeV1::from(outcome))?)
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

    async fn insert_clearance(
        conn: &mut AnyConnection,
        walker: WalkerId,
        c: &Clearance,
        created_at: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO clearances (walker_id, cleared_by, role, cleared_at, covers, note, created_at, \
             signer_account_id, signer_clinic_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(walker.0)
        .bind(c.by.clone())
        .bind(c.role.clone())
        .bind(millis(c.at))
        .bind(codec::to_json(&crate::stored::covers_v1(&c.covers))?)
        .bind(c.note.clone())
        .bind(millis(created_at))
        .bind(c.signer.map(|s| s.account))
        .bind(c.signer.map(|s| s.clinic))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    async fn insert_programme(
        conn: &mut AnyConnection,
        walker: WalkerId,
        s: &Setup,
        now: Timestamp,
    ) -> Result<ProgrammeId> {
        let insert = sqlx::query(
            "INSERT INTO programmes (walker_id, start_date, weeks, training_days, equipment, baseline_pain, \
             forward_speed_tenths, time_zone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(walker.0);
        let row = bind_setup(insert, s).bind(millis(now)).fetch_one(&mut *conn).await?;
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
        .bind(codec::to_json(&crate::stored::DecisionV1::from(d))?)
        .bind(millis(now))
        .execute(&mut *conn)
        .await?;
        // The walker's version moved with `owned`, which every session,
        // check-in and override passes first (an archive's walker is new).
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
        .map_err(|e| duplicate_as(e, format!("date: a session is already logged for {}", l.date)))?;
        Ok(())
    }

    async fn insert_checkin(
        conn: &mut AnyConnection,
        programme: ProgrammeId,
        c: &CheckIn,
        unknown_is: Option<Timestamp>,
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
        // When it was recorded: given, else `unknown_is` (now, for a check-in
        // being made), else 0: not known, as for a check-in from an archive
        // written before the time was kept.
        .bind(c.recorded_at.or(unknown_is).map_or(0, millis))
        .execute(&mut *conn)
        .await
        .map_err(|e| duplicate_as(e, format!("checkin: the session on {} already has a check-in", c.session_date)))?;
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
             by_name, reason, created_at, kind, role, signed_at, signer_account_id, signer_clinic_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
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
        .bind(o.signer.map(|s| s.account))
        .bind(o.signer.map(|s| s.clinic))
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
        .bind(codec::to_json(&r.scores.iter().map(crate::stored::SubscaleScoreV1::from).collect::<Vec<_>>())?)
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
            .bind(codec::to_json(&crate::stored::ImportedV1::from(a))?)
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
            Self::insert_clearance(tx, walker, c, c.at).await?;
        }
        if let Some(setup) = &a.programme {
            let p = Self::insert_programme(tx, walker, setup, a.exported_at).await?;
            for l in &a.sessions {
                Self::insert_log(tx, p, l, a.exported_at).await?;
            }
            for c in &a.checkins {
                Self::insert_checkin(tx, p, c, None).await?;
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
        for m in &a.motions {
            Self::insert_motion(tx, walker, m, None, a.exported_at).await?;
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

    /// The key's programme, when it is the key's walker's; otherwise nothing
    /// of it is read or written (`NotFound`). It is a write (the walker's
    /// version moves, as every write about them does), so the transaction
    /// holds the write lock from its first statement: on SQLite a transaction
    /// that read first and wrote second fails at once ("database is locked")
    /// when another writer went in between, where a write first waits its turn.
    async fn owned(conn: &mut AnyConnection, key: crate::ProgrammeKey) -> Result<ProgrammeId> {
        let done = sqlx::query(
            "UPDATE walkers SET version = version + 1 WHERE id = $2 \
             AND EXISTS (SELECT 1 FROM programmes WHERE id = $1 AND walker_id = $2)",
        )
        .bind(key.programme.0)
        .bind(key.walker.0)
        .execute(&mut *conn)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(key.to_string()));
        }
        Ok(key.programme)
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
                .map(|a| {
                    codec::stored::<crate::stored::ImportedV1, _>(&get::<String>(a, "activity")?, "imported activity")
                })
                .collect::<Result<Vec<_>>>()?;
            out.push(ArchivedImport { record: Self::import_row(r)?, activities });
        }
        Ok(out)
    }

    fn screening_row(row: &AnyRow) -> Result<ScreeningRecord> {
        let answers: coach::screening::Answers =
            codec::stored::<crate::stored::AnswersV1, _>(&get::<String>(row, "answers")?, "screening answers")?;
        let outcome: coach::screening::Outcome =
            codec::stored::<crate::stored::OutcomeV1, _>(&get::<String>(row, "outcome")?, "screening outcome")?;
        Ok(ScreeningRecord {
            id: ScreeningId(get(row, "id")?),
            // Outcomes stored before reasons carried their numbers get them
            // back, so they can be said in any language.
            outcome: outcome.with_args_from(&answers),
            answers,
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
            two_factor_since: get::<Option<i64>>(row, "totp_enabled_at")?.map(timestamp).transpose()?,
        })
    }

    /// Writes one entry in the caller's transaction. Forgetting old entries
    /// is the caller's after it commits ([`SqlStore::forget_old_events`],
    /// at most hourly): a delete with every entry cost more than the entry.
    async fn insert_security_event(conn: &mut AnyConnection, e: &SecurityEvent) -> Result<()> {
        Self::insert_security_rows(conn, std::slice::from_ref(e)).await
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
            signer: signer(row)?,
        })
    }
}

/// The clinician who signed a clearance or an override in retrowalk, if one did.
fn signer(row: &AnyRow) -> Result<Option<coach::history::Signer>> {
    let account: Option<i64> = get(row, "signer_account_id")?;
    let clinic: Option<i64> = get(row, "signer_clinic_id")?;
    Ok(account.zip(clinic).map(|(account, clinic)| coach::history::Signer { account, clinic }))
}

/// Maps a unique-constraint refusal to a readable duplicate error.
/// Binds a set-up's seven programme columns, in the order the programme
/// statements list them (start_date … time_zone).
fn bind_setup<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    s: &Setup,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    q.bind(date_text(s.start))
        .bind(i64::from(s.weeks))
        .bind(codec::days_text(&s.training_days))
        .bind(codec::equipment_text(&s.equipment))
        .bind(i64::from(s.baseline_pain.value()))
        .bind(i64::from(s.forward_speed_tenths))
        .bind(s.time_zone.clone())
}

/// A walker update that found its walker, or `NotFound`.
fn found_walker(done: sqlx::any::AnyQueryResult, id: WalkerId) -> Result<()> {
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!("walker {id}")));
    }
    Ok(())
}

/// A unique violation as a duplicate with `message`. A message that starts
/// with the form's field (`date: …`) is said as the service's own check says
/// it, in the reader's language, when two requests race past that check.
pub(super) fn duplicate_as(e: sqlx::Error, message: String) -> StoreError {
    if StoreError::is_unique_violation(&e) { StoreError::Duplicate(message) } else { StoreError::Database(e) }
}
