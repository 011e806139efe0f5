//! [`CareStore`](crate::CareStore) in SQL: reviews, messages and invitations.

use super::{SqlStore, get};
use crate::codec::{self, date, date_text, millis, timestamp};
use crate::{
    AccountId, BreakGlass, CareStore, Clinic, ClinicId, Invitation, Message, MonitoringEntry, Result, Review,
    ReviewSubject, SecurityEvent, Sender, StoreError, WalkerId,
};
use jiff::Timestamp;
use sqlx::any::AnyRow;

impl CareStore for SqlStore {
    async fn add_review(&self, walker: WalkerId, r: &Review) -> Result<()> {
        // Reviews show on the walker's row: the version moves with them.
        let mut tx = self.pool.begin().await?;
        Self::bump_walker(&mut tx, walker).await?;
        sqlx::query(
            "INSERT INTO reviews (walker_id, subject, rule, day, account_id, clinic_id, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(walker.0)
        .bind(r.subject.as_str())
        .bind(r.rule.clone())
        .bind(date_text(r.day))
        .bind(r.account.0)
        .bind(r.clinic.0)
        .bind(r.note.clone())
        .bind(millis(r.at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn reviews(&self, walker: WalkerId) -> Result<Vec<Review>> {
        let rows = sqlx::query(
            "SELECT subject, rule, day, account_id, clinic_id, note, created_at FROM reviews \
             WHERE walker_id = $1 ORDER BY id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Review {
                    subject: codec::variant::<ReviewSubject>(&get::<String>(r, "subject")?, "review subject")?,
                    rule: get(r, "rule")?,
                    day: date(&get::<String>(r, "day")?)?,
                    account: AccountId(get(r, "account_id")?),
                    clinic: ClinicId(get(r, "clinic_id")?),
                    note: get(r, "note")?,
                    at: timestamp(get(r, "created_at")?)?,
                })
            })
            .collect()
    }

    async fn send_message(&self, m: &Message) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::bump_walker(&mut tx, m.walker).await?;
        sqlx::query(
            "INSERT INTO messages (walker_id, clinic_id, account_id, sender, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(m.walker.0)
        .bind(m.clinic.0)
        .bind(m.account.0)
        .bind(m.sender.as_str())
        .bind(m.body.clone())
        .bind(millis(m.at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn thread(&self, walker: WalkerId, clinic: ClinicId) -> Result<Vec<Message>> {
        let rows = sqlx::query(
            "SELECT walker_id, clinic_id, account_id, sender, body, created_at, read_at FROM messages \
             WHERE walker_id = $1 AND clinic_id = $2 ORDER BY id",
        )
        .bind(walker.0)
        .bind(clinic.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(message_row).collect()
    }

    async fn mark_read(&self, walker: WalkerId, clinic: ClinicId, reader: Sender, now: Timestamp) -> Result<u64> {
        // Nothing unread: nothing written (a read of the page stays a read).
        if self.unread(walker, Some(clinic), reader).await? == 0 {
            return Ok(0);
        }
        let mut tx = self.pool.begin().await?;
        Self::bump_walker(&mut tx, walker).await?;
        let done = sqlx::query(
            "UPDATE messages SET read_at = $1 WHERE walker_id = $2 AND clinic_id = $3 AND sender = $4 \
             AND read_at IS NULL",
        )
        .bind(millis(now))
        .bind(walker.0)
        .bind(clinic.0)
        .bind(other(reader).as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    async fn unread(&self, walker: WalkerId, clinic: Option<ClinicId>, reader: Sender) -> Result<u64> {
        // `clinic` unset counts every thread of the walker's.
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM messages WHERE walker_id = $1 AND sender = $2 AND read_at IS NULL \
             AND ($3 = 0 OR clinic_id = $3)",
        )
        .bind(walker.0)
        .bind(other(reader).as_str())
        .bind(clinic.map_or(0, |c| c.0))
        .fetch_one(&self.pool)
        .await?;
        codec::small(get(&row, "n")?, "unread count")
    }

    async fn add_minutes(&self, m: &MonitoringEntry) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::bump_walker(&mut tx, m.walker).await?;
        sqlx::query(
            "INSERT INTO monitoring_minutes (walker_id, clinic_id, account_id, day, minutes, source, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(m.walker.0)
        .bind(m.clinic.0)
        .bind(m.account.0)
        .bind(date_text(m.day))
        .bind(i64::from(m.minutes))
        .bind(m.source.clone())
        .bind(m.note.clone())
        .bind(millis(m.at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn minutes(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        from: jiff::civil::Date,
        to: jiff::civil::Date,
    ) -> Result<Vec<MonitoringEntry>> {
        // Dates as YYYY-MM-DD text compare in date order on both backends.
        let rows = sqlx::query(
            "SELECT walker_id, clinic_id, account_id, day, minutes, source, note, created_at FROM monitoring_minutes \
             WHERE walker_id = $1 AND clinic_id = $2 AND day >= $3 AND day <= $4 ORDER BY day, id",
        )
        .bind(walker.0)
        .bind(clinic.0)
        .bind(date_text(from))
        .bind(date_text(to))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MonitoringEntry {
                    walker: WalkerId(get(r, "walker_id")?),
                    clinic: ClinicId(get(r, "clinic_id")?),
                    account: AccountId(get(r, "account_id")?),
                    day: date(&get::<String>(r, "day")?)?,
                    minutes: codec::small(get(r, "minutes")?, "minutes")?,
                    source: get(r, "source")?,
                    note: get(r, "note")?,
                    at: timestamp(get(r, "created_at")?)?,
                })
            })
            .collect()
    }

    async fn care_since(&self, walker: WalkerId, clinic: ClinicId) -> Result<Option<Timestamp>> {
        let row = sqlx::query(
            "SELECT started_at FROM care_relationships WHERE walker_id = $1 AND clinic_id = $2 AND ended_at IS NULL",
        )
        .bind(walker.0)
        .bind(clinic.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| timestamp(get(&r, "started_at")?)).transpose()
    }

    async fn clinic_walkers(&self, clinic: ClinicId) -> Result<Vec<WalkerId>> {
        let rows = sqlx::query(
            "SELECT walker_id FROM care_relationships WHERE clinic_id = $1 AND ended_at IS NULL ORDER BY walker_id",
        )
        .bind(clinic.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(WalkerId(get(r, "walker_id")?))).collect()
    }

    async fn walker_clinics(&self, walker: WalkerId) -> Result<Vec<Clinic>> {
        let rows = sqlx::query(
            "SELECT c.id, c.name, c.created_at FROM care_relationships r JOIN clinics c ON c.id = r.clinic_id \
             WHERE r.walker_id = $1 AND r.ended_at IS NULL ORDER BY r.id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(super::clinics::clinic_row).collect()
    }

    async fn open_break_glass(&self, b: &BreakGlass) -> Result<()> {
        // Only a standing clinician of a clinic whose care the walker is in.
        sqlx::query(
            "INSERT INTO break_glass (walker_id, clinic_id, account_id, reason, started_at, ends_at) \
             SELECT r.walker_id, r.clinic_id, m.account_id, $4, $5, $6 FROM care_relationships r \
             JOIN memberships m ON m.clinic_id = r.clinic_id AND m.ended_at IS NULL AND m.role = 'clinician' \
             WHERE r.walker_id = $1 AND r.clinic_id = $2 AND r.ended_at IS NULL AND m.account_id = $3 \
             RETURNING id",
        )
        .bind(b.walker.0)
        .bind(b.clinic.0)
        .bind(b.account.0)
        .bind(b.reason.clone())
        .bind(millis(b.started_at))
        .bind(millis(b.ends_at))
        .fetch_optional(&self.pool)
        .await?
        .map(|_| ())
        .ok_or_else(|| StoreError::NotFound(format!("walker {} in the care of clinic {}", b.walker, b.clinic)))
    }

    async fn break_glass_clinic(
        &self,
        account: AccountId,
        walker: WalkerId,
        now: Timestamp,
    ) -> Result<Option<ClinicId>> {
        let row = sqlx::query(
            "SELECT b.clinic_id FROM break_glass b \
             JOIN care_relationships r ON r.walker_id = b.walker_id AND r.clinic_id = b.clinic_id AND r.ended_at IS NULL \
             JOIN memberships m ON m.account_id = b.account_id AND m.clinic_id = b.clinic_id \
               AND m.ended_at IS NULL AND m.role = 'clinician' \
             WHERE b.account_id = $1 AND b.walker_id = $2 AND b.ends_at > $3 AND b.started_at <= $3 \
             ORDER BY b.id DESC LIMIT 1",
        )
        .bind(account.0)
        .bind(walker.0)
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| get(&r, "clinic_id").map(ClinicId)).transpose()
    }

    async fn break_glasses(&self, walker: WalkerId) -> Result<Vec<BreakGlass>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            break_glass_columns!(),
            " FROM break_glass WHERE walker_id = $1 ORDER BY id DESC"
        ))
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(break_glass_row).collect()
    }

    async fn clinic_break_glasses(&self, clinic: ClinicId, limit: u32) -> Result<Vec<BreakGlass>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            break_glass_columns!(),
            " FROM break_glass WHERE clinic_id = $1 ORDER BY id DESC LIMIT $2"
        ))
        .bind(clinic.0)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(break_glass_row).collect()
    }

    async fn clinic_events(&self, clinic: ClinicId, limit: u32) -> Result<Vec<SecurityEvent>> {
        // A list by a member who also works elsewhere may name only other
        // clinics' walkers: such entries are left out, and the rest keep only
        // this clinic's walkers. Read twice the limit so that leaving some
        // out still fills the page.
        let rows = sqlx::query(
            "SELECT e.at_ms, e.kind, e.account_id, e.walker_id, e.walker_ids, e.client, e.detail, e.change \
             FROM security_events e \
             WHERE (e.walker_id IN (SELECT walker_id FROM care_relationships WHERE clinic_id = $1) \
                 OR e.walker_ids IS NOT NULL) \
             AND e.account_id IN (SELECT account_id FROM memberships WHERE clinic_id = $1) \
             ORDER BY e.at_ms DESC, e.id DESC LIMIT $2",
        )
        .bind(clinic.0)
        .bind(i64::from(limit) * 2)
        .fetch_all(&self.pool)
        .await?;
        let ours: std::collections::HashSet<i64> =
            sqlx::query("SELECT walker_id FROM care_relationships WHERE clinic_id = $1")
                .bind(clinic.0)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| get::<i64>(r, "walker_id"))
                .collect::<Result<_>>()?;
        let mut events = Vec::new();
        for row in &rows {
            let mut e = super::accounts::event_row(row)?;
            if !e.walkers.is_empty() {
                e.walkers.retain(|w| ours.contains(&w.0));
                if e.walkers.is_empty() {
                    continue;
                }
            }
            events.push(e);
            if events.len() == limit as usize {
                break;
            }
        }
        Ok(events)
    }

    async fn last_read(&self, walker: WalkerId, detail: &str) -> Result<Option<Timestamp>> {
        let row = sqlx::query(
            "SELECT max(at_ms) AS at FROM security_events \
             WHERE walker_id = $1 AND kind = 'clinician_read' AND detail = $2",
        )
        .bind(walker.0)
        .bind(detail.to_string())
        .fetch_one(&self.pool)
        .await?;
        get::<Option<i64>>(&row, "at")?.map(crate::codec::timestamp).transpose()
    }

    async fn create_invitation(&self, code_hash: &str, i: &Invitation) -> Result<()> {
        sqlx::query(
            "INSERT INTO invitations (clinic_id, code_hash, invited_by, created_at, expires_at, role) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(i.clinic.0)
        .bind(code_hash.to_string())
        .bind(i.invited_by.0)
        .bind(millis(i.created_at))
        .bind(millis(i.expires_at))
        .bind(i.role.map(|r| r.as_str()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn invitation(&self, code_hash: &str, now: Timestamp) -> Result<Option<Invitation>> {
        let row = sqlx::query(
            "SELECT clinic_id, invited_by, created_at, expires_at, accepted_by, role FROM invitations \
             WHERE code_hash = $1 AND expires_at > $2 AND accepted_by IS NULL",
        )
        .bind(code_hash.to_string())
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(invitation_row).transpose()
    }

    async fn accept_invitation(&self, code_hash: &str, walker: WalkerId, now: Timestamp) -> Result<Option<ClinicId>> {
        let mut tx = self.pool.begin().await?;
        let Some(spent) = Self::spend_invitation(&mut tx, code_hash, walker, false, now).await? else {
            return Ok(None);
        };
        let clinic: i64 = get(&spent, "clinic_id")?;
        let inviter: i64 = get(&spent, "invited_by")?;
        // Already in the clinic's care: the relationship stands as it is.
        sqlx::query(
            "INSERT INTO care_relationships (walker_id, clinic_id, started_at) SELECT $1, $2, $3 \
             WHERE NOT EXISTS (SELECT 1 FROM care_relationships WHERE walker_id = $1 AND clinic_id = $2 \
             AND ended_at IS NULL)",
        )
        .bind(walker.0)
        .bind(clinic)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        // The inviter looks after the walker, if they are a clinician there
        // (an admin who invites does not).
        sqlx::query(
            "INSERT INTO care_team (relationship_id, account_id, added_at) \
             SELECT r.id, m.account_id, $4 FROM care_relationships r \
             JOIN memberships m ON m.clinic_id = r.clinic_id AND m.ended_at IS NULL AND m.role = 'clinician' \
             WHERE r.walker_id = $1 AND r.clinic_id = $2 AND r.ended_at IS NULL AND m.account_id = $3 \
             AND NOT EXISTS (SELECT 1 FROM care_team t WHERE t.relationship_id = r.id \
             AND t.account_id = $3 AND t.removed_at IS NULL)",
        )
        .bind(walker.0)
        .bind(clinic)
        .bind(inviter)
        .bind(millis(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(ClinicId(clinic)))
    }

    async fn accept_staff_invitation(
        &self,
        code_hash: &str,
        account: AccountId,
        now: Timestamp,
    ) -> Result<Option<(ClinicId, crate::MemberRole)>> {
        let walker = crate::AccountStore::account(self, account).await?.walker;
        let mut tx = self.pool.begin().await?;
        let Some(spent) = Self::spend_invitation(&mut tx, code_hash, walker, true, now).await? else {
            return Ok(None);
        };
        let clinic = ClinicId(get(&spent, "clinic_id")?);
        let role = codec::member_role(&get::<String>(&spent, "role")?)?;
        Self::insert_membership(&mut tx, account, clinic, role, now).await?;
        tx.commit().await?;
        Ok(Some((clinic, role)))
    }
}

macro_rules! break_glass_columns {
    () => {
        "walker_id, clinic_id, account_id, reason, started_at, ends_at"
    };
}
use break_glass_columns;

fn break_glass_row(r: &AnyRow) -> Result<BreakGlass> {
    Ok(BreakGlass {
        walker: WalkerId(get(r, "walker_id")?),
        clinic: ClinicId(get(r, "clinic_id")?),
        account: AccountId(get(r, "account_id")?),
        reason: get(r, "reason")?,
        started_at: timestamp(get(r, "started_at")?)?,
        ends_at: timestamp(get(r, "ends_at")?)?,
    })
}

/// The side that reads what `reader` does not write.
fn other(reader: Sender) -> Sender {
    match reader {
        Sender::Walker => Sender::CareTeam,
        Sender::CareTeam => Sender::Walker,
    }
}

fn message_row(r: &AnyRow) -> Result<Message> {
    Ok(Message {
        walker: WalkerId(get(r, "walker_id")?),
        clinic: ClinicId(get(r, "clinic_id")?),
        account: AccountId(get(r, "account_id")?),
        sender: codec::variant::<Sender>(&get::<String>(r, "sender")?, "message sender")?,
        body: get(r, "body")?,
        at: timestamp(get(r, "created_at")?)?,
        read_at: get::<Option<i64>>(r, "read_at")?.map(timestamp).transpose()?,
    })
}

fn invitation_row(r: &AnyRow) -> Result<Invitation> {
    Ok(Invitation {
        clinic: ClinicId(get(r, "clinic_id")?),
        invited_by: AccountId(get(r, "invited_by")?),
        created_at: timestamp(get(r, "created_at")?)?,
        expires_at: timestamp(get(r, "expires_at")?)?,
        accepted_by: get::<Option<i64>>(r, "accepted_by")?.map(WalkerId),
        role: get::<Option<String>>(r, "role")?.map(|r| codec::member_role(&r)).transpose()?,
    })
}

impl SqlStore {
    /// Marks an unexpired, unused invitation used by `walker` (for a staff
    /// invitation, the accepting account's walker): its clinic, inviter and
    /// role, or `None`. A walker's code is no staff invitation, nor the reverse.
    async fn spend_invitation(
        conn: &mut sqlx::AnyConnection,
        code_hash: &str,
        walker: WalkerId,
        staff: bool,
        now: Timestamp,
    ) -> Result<Option<AnyRow>> {
        let sql = if staff {
            "UPDATE invitations SET accepted_by = $1, accepted_at = $2 WHERE code_hash = $3 AND accepted_by IS NULL \
             AND expires_at > $2 AND role IS NOT NULL RETURNING clinic_id, invited_by, role"
        } else {
            "UPDATE invitations SET accepted_by = $1, accepted_at = $2 WHERE code_hash = $3 AND accepted_by IS NULL \
             AND expires_at > $2 AND role IS NULL RETURNING clinic_id, invited_by, role"
        };
        Ok(sqlx::query(sql)
            .bind(walker.0)
            .bind(millis(now))
            .bind(code_hash.to_string())
            .fetch_optional(&mut *conn)
            .await?)
    }
}
