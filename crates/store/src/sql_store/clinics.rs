//! [`ClinicStore`](crate::ClinicStore) in SQL: clinics, memberships, care
//! relationships and care teams, and the query the access rule asks.

use super::{SqlStore, duplicate_as, get};
use crate::backend::Backend;
use crate::codec::{self, millis, timestamp};
use crate::{
    AccountId, CareRow, Clinic, ClinicId, ClinicStore, FormerCare, ListEntry, MemberRole, Membership, Result,
    SecurityEvent, StoreError, WalkerId,
};
use jiff::Timestamp;

/// The standing care-team places of clinician `$1`: on a standing
/// relationship, in a clinic where they are a standing clinician member.
macro_rules! in_care {
    () => {
        "care_team t \
         JOIN care_relationships r ON r.id = t.relationship_id AND r.ended_at IS NULL \
         JOIN memberships m ON m.account_id = t.account_id AND m.clinic_id = r.clinic_id \
           AND m.ended_at IS NULL AND m.role = 'clinician' \
         WHERE t.account_id = $1 AND t.removed_at IS NULL"
    };
}

/// Each walker in clinician `$1`'s care once, with the clinic of the care
/// (the first), their version and time zone: what a patient list checks.
macro_rules! care_rows {
    () => {
        concat!(
            "SELECT r.walker_id, MIN(r.clinic_id) AS clinic_id, MAX(w.version) AS version, \
             MAX(w.time_zone) AS time_zone FROM walkers w, ",
            in_care!(),
            " AND w.id = r.walker_id GROUP BY r.walker_id"
        )
    };
}

impl ClinicStore for SqlStore {
    async fn create_clinic(&self, name: &str, now: Timestamp) -> Result<ClinicId> {
        let row = sqlx::query("INSERT INTO clinics (name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(name.to_string())
            .bind(millis(now))
            .fetch_one(&self.pool)
            .await?;
        Ok(ClinicId(get(&row, "id")?))
    }

    async fn clinics(&self) -> Result<Vec<Clinic>> {
        let rows = sqlx::query("SELECT id, name, created_at FROM clinics ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter().map(clinic_row).collect()
    }

    async fn add_member(&self, account: AccountId, clinic: ClinicId, role: MemberRole, now: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_membership(&mut tx, account, clinic, role, now).await?;
        tx.commit().await?;
        Ok(())
    }
    async fn end_membership(&self, account: AccountId, clinic: ClinicId, now: Timestamp) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE memberships SET ended_at = $1 WHERE account_id = $2 AND clinic_id = $3 AND ended_at IS NULL",
        )
        .bind(millis(now))
        .bind(account.0)
        .bind(clinic.0)
        .execute(&mut *tx)
        .await?;
        // A clinician who leaves the clinic leaves its care teams with it.
        sqlx::query(
            "UPDATE care_team SET removed_at = $1 WHERE account_id = $2 AND removed_at IS NULL \
             AND relationship_id IN (SELECT id FROM care_relationships WHERE clinic_id = $3)",
        )
        .bind(millis(now))
        .bind(account.0)
        .bind(clinic.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn memberships(&self, account: AccountId) -> Result<Vec<Membership>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            membership_columns!(),
            " FROM memberships WHERE account_id = $1 AND ended_at IS NULL ORDER BY id"
        ))
        .bind(account.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(membership_row).collect()
    }

    async fn ever_staff(&self, walker: WalkerId) -> Result<bool> {
        let row = sqlx::query(
            "SELECT count(*) AS n FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.walker_id = $1",
        )
        .bind(walker.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(get::<i64>(&row, "n")? > 0)
    }

    async fn ever_in_care(&self, walker: WalkerId) -> Result<bool> {
        let row = sqlx::query("SELECT count(*) AS n FROM care_relationships WHERE walker_id = $1")
            .bind(walker.0)
            .fetch_one(&self.pool)
            .await?;
        Ok(get::<i64>(&row, "n")? > 0)
    }

    async fn clinic_members(&self, clinic: ClinicId) -> Result<Vec<Membership>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            membership_columns!(),
            " FROM memberships WHERE clinic_id = $1 AND ended_at IS NULL \
             ORDER BY CASE role WHEN 'admin' THEN 0 ELSE 1 END, id"
        ))
        .bind(clinic.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(membership_row).collect()
    }

    async fn connect(&self, walker: WalkerId, clinic: ClinicId, now: Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO care_relationships (walker_id, clinic_id, started_at) VALUES ($1, $2, $3)")
            .bind(walker.0)
            .bind(clinic.0)
            .bind(millis(now))
            .execute(&self.pool)
            .await
            .map_err(|e| duplicate_as(e, format!("walker {walker} is already in the care of clinic {clinic}")))?;
        Ok(())
    }

    async fn disconnect(&self, walker: WalkerId, clinic: ClinicId, now: Timestamp) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE care_team SET removed_at = $1 WHERE removed_at IS NULL AND relationship_id IN \
             (SELECT id FROM care_relationships WHERE walker_id = $2 AND clinic_id = $3 AND ended_at IS NULL)",
        )
        .bind(millis(now))
        .bind(walker.0)
        .bind(clinic.0)
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query(
            "UPDATE care_relationships SET ended_at = $1 WHERE walker_id = $2 AND clinic_id = $3 AND ended_at IS NULL",
        )
        .bind(millis(now))
        .bind(walker.0)
        .bind(clinic.0)
        .execute(&mut *tx)
        .await?;
        // What the clinic asked of the walker ends with its care: a later
        // return to the clinic starts from the standard schedule.
        sqlx::query(
            "UPDATE assignments SET ended_at = $1 WHERE walker_id = $2 AND clinic_id = $3 AND ended_at IS NULL",
        )
        .bind(millis(now))
        .bind(walker.0)
        .bind(clinic.0)
        .execute(&mut *tx)
        .await?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn add_to_care_team(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        account: AccountId,
        now: Timestamp,
    ) -> Result<()> {
        // Only a standing clinician of the clinic joins a standing relationship's team.
        sqlx::query(
            "INSERT INTO care_team (relationship_id, account_id, added_at) \
             SELECT r.id, m.account_id, $4 FROM care_relationships r \
             JOIN memberships m ON m.clinic_id = r.clinic_id AND m.ended_at IS NULL AND m.role = 'clinician' \
             WHERE r.walker_id = $1 AND r.clinic_id = $2 AND r.ended_at IS NULL AND m.account_id = $3 \
             RETURNING id",
        )
        .bind(walker.0)
        .bind(clinic.0)
        .bind(account.0)
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| duplicate_as(e, format!("account {account} is already on walker {walker}'s care team")))?
        .map(|_| ())
        .ok_or_else(|| {
            StoreError::NotFound(format!("clinician {account} of clinic {clinic} for walker {walker} in its care"))
        })
    }

    async fn remove_from_care_team(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        account: AccountId,
        now: Timestamp,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE care_team SET removed_at = $1 WHERE account_id = $2 AND removed_at IS NULL AND relationship_id IN \
             (SELECT id FROM care_relationships WHERE walker_id = $3 AND clinic_id = $4 AND ended_at IS NULL)",
        )
        .bind(millis(now))
        .bind(account.0)
        .bind(walker.0)
        .bind(clinic.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn care_clinic(&self, account: AccountId, walker: WalkerId) -> Result<Option<ClinicId>> {
        let row =
            sqlx::query(concat!("SELECT r.clinic_id FROM ", in_care!(), " AND r.walker_id = $2 ORDER BY r.id LIMIT 1"))
                .bind(account.0)
                .bind(walker.0)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| get(&r, "clinic_id").map(ClinicId)).transpose()
    }

    async fn care_clinic_logged(
        &self,
        account: AccountId,
        walker: WalkerId,
        entry: &SecurityEvent,
    ) -> Result<(Option<ClinicId>, bool)> {
        // The statement writes the entry under the ids it checks.
        debug_assert!(entry.account == Some(account) && entry.walker == Some(walker) && entry.walkers.is_empty());
        if self.backend != Backend::Postgres || cfg!(feature = "bench-unlogged") {
            return Ok((self.care_clinic(account, walker).await?, false));
        }
        // As the patient list's entry (`in_care_of_versions`): the entry is
        // written by the grant's own statement, only when the grant holds,
        // and committed without waiting for the disk.
        let row = sqlx::query(concat!(
            "WITH care AS (SELECT r.clinic_id FROM ",
            in_care!(),
            " AND r.walker_id = $2 ORDER BY r.id LIMIT 1), logged AS (",
            security_events_insert!(),
            " SELECT $3, $4, $1, $2, NULL, $5, $6, NULL FROM care \
             WHERE set_config('synchronous_commit', 'off', true) = 'off' RETURNING 1) \
             SELECT care.clinic_id, (SELECT count(*) FROM logged) AS logged FROM care"
        ))
        .bind(account.0)
        .bind(walker.0)
        .bind(millis(entry.at))
        .bind(entry.kind.as_str())
        .bind(entry.client.clone())
        .bind(entry.detail.clone())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok((None, false)) };
        let logged = get::<i64>(&row, "logged")? > 0;
        if logged {
            self.forget_old_events(entry.at).await;
        }
        Ok((Some(ClinicId(get(&row, "clinic_id")?)), logged))
    }

    async fn former_care(&self, account: AccountId) -> Result<Vec<FormerCare>> {
        // Leaving ends the relationship and its team at the same moment, so
        // the team place that ended with it is the one that was standing.
        let rows = sqlx::query(
            "SELECT DISTINCT r.walker_id, r.clinic_id, r.ended_at FROM care_team t \
             JOIN care_relationships r ON r.id = t.relationship_id AND r.ended_at IS NOT NULL \
               AND t.removed_at = r.ended_at \
             JOIN memberships m ON m.account_id = t.account_id AND m.clinic_id = r.clinic_id \
               AND m.ended_at IS NULL AND m.role = 'clinician' \
             WHERE t.account_id = $1 ORDER BY r.ended_at DESC",
        )
        .bind(account.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FormerCare {
                    walker: WalkerId(get(r, "walker_id")?),
                    clinic: ClinicId(get(r, "clinic_id")?),
                    until: timestamp(get(r, "ended_at")?)?,
                })
            })
            .collect()
    }

    async fn in_care_of_versions(
        &self,
        account: AccountId,
        list: Option<ListEntry<'_>>,
    ) -> Result<(Vec<CareRow>, bool)> {
        let list = list.filter(|_| self.backend == Backend::Postgres && !cfg!(feature = "bench-unlogged"));
        let rows = match list {
            None => {
                sqlx::query(concat!(care_rows!(), " ORDER BY walker_id")).bind(account.0).fetch_all(&self.pool).await?
            }
            // The entry is written by the read's own statement (a
            // data-modifying WITH runs once, whatever reads it), committed
            // without waiting for the disk like every read's entry
            // (`group_commit`'s comment says why), and only when the list
            // shows every walker read.
            Some(ListEntry { entry, most }) => sqlx::query(concat!(
                "WITH care AS (",
                care_rows!(),
                "), logged AS (",
                security_events_insert!(),
                " SELECT $2, $3, $1, NULL, string_agg(CAST(walker_id AS TEXT), ',' ORDER BY walker_id), $4, $5, NULL \
                     FROM care HAVING count(*) BETWEEN 1 AND $6 \
                     AND set_config('synchronous_commit', 'off', true) = 'off' RETURNING 1) \
                     SELECT care.*, (SELECT count(*) FROM logged) AS logged FROM care ORDER BY walker_id"
            ))
            .bind(account.0)
            .bind(millis(entry.at))
            .bind(entry.kind.as_str())
            .bind(entry.client.clone())
            .bind(entry.detail.clone())
            .bind(i64::try_from(most).unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await?,
        };
        let logged = match (list, rows.first()) {
            (Some(_), Some(r)) => get::<i64>(r, "logged")? > 0,
            _ => false,
        };
        if let (true, Some(l)) = (logged, list) {
            self.forget_old_events(l.entry.at).await;
        }
        let care = rows
            .iter()
            .map(|r| {
                Ok(CareRow {
                    walker: WalkerId(get(r, "walker_id")?),
                    clinic: ClinicId(get(r, "clinic_id")?),
                    version: get(r, "version")?,
                    time_zone: get(r, "time_zone")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((care, logged))
    }

    async fn in_care_of(&self, account: AccountId) -> Result<Vec<WalkerId>> {
        let rows = sqlx::query(concat!("SELECT DISTINCT r.walker_id FROM ", in_care!(), " ORDER BY r.walker_id"))
            .bind(account.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(WalkerId(get(r, "walker_id")?))).collect()
    }
}

/// A clinic from a row of `id, name, created_at`.
pub(super) fn clinic_row(r: &sqlx::any::AnyRow) -> Result<Clinic> {
    Ok(Clinic { id: ClinicId(get(r, "id")?), name: get(r, "name")?, created_at: timestamp(get(r, "created_at")?)? })
}

/// The columns [`membership_row`] reads.
macro_rules! membership_columns {
    () => {
        "account_id, clinic_id, role, created_at"
    };
}
use membership_columns;

fn membership_row(r: &sqlx::any::AnyRow) -> Result<Membership> {
    Ok(Membership {
        account: AccountId(get(r, "account_id")?),
        clinic: ClinicId(get(r, "clinic_id")?),
        role: codec::member_role(&get::<String>(r, "role")?)?,
        since: timestamp(get(r, "created_at")?)?,
    })
}

impl SqlStore {
    /// A membership, and the account's role if it was a walker's.
    pub(super) async fn insert_membership(
        conn: &mut sqlx::AnyConnection,
        account: AccountId,
        clinic: ClinicId,
        role: MemberRole,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query("INSERT INTO memberships (account_id, clinic_id, role, created_at) VALUES ($1, $2, $3, $4)")
            .bind(account.0)
            .bind(clinic.0)
            .bind(role.as_str())
            .bind(millis(now))
            .execute(&mut *conn)
            .await
            .map_err(|e| duplicate_as(e, format!("account {account} is already a member of clinic {clinic}")))?;
        // A walker's account that joins a clinic's staff takes the role (the
        // pages then lead to the clinic's work); a role once given stays.
        sqlx::query("UPDATE accounts SET role = $1 WHERE id = $2 AND role = 'walker'")
            .bind(role.as_str())
            .bind(account.0)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
