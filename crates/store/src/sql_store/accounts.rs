//! [`AccountStore`](crate::AccountStore) in SQL: accounts, web sessions, API tokens, reset
//! codes, the sign-in throttle and the access log.

use crate::codec::{corrupt, millis, timestamp};
use crate::{Account, AccountId, NewAccount, Result, StoreError, WalkerId, WebSession};
use crate::{ApiToken, SecurityEvent, SecurityKind, TOKEN_ID_LEN};
use jiff::Timestamp;

use super::{SqlStore, duplicate_as, get};
use crate::AccountStore;

impl AccountStore for SqlStore {
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
        .map_err(|e| duplicate_as(e, "email: an account with this email already exists".into()))?;
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
        self.forget_old_events(event.at).await;
        Ok(true)
    }

    async fn record_security_event(&self, event: &SecurityEvent) -> Result<()> {
        self.record_security_events(std::slice::from_ref(event)).await
    }

    async fn record_security_events(&self, events: &[SecurityEvent]) -> Result<()> {
        let Some(first) = events.first() else { return Ok(()) };
        if cfg!(feature = "bench-unlogged") {
            return Ok(());
        }
        self.access_log.write(&self.pool, self.backend, events).await?;
        // The entries are written first: forgetting old ones comes after.
        self.forget_old_events(first.at).await;
        Ok(())
    }

    async fn security_events(&self, account: Option<AccountId>, limit: u32) -> Result<Vec<SecurityEvent>> {
        let rows = sqlx::query(
            "SELECT at_ms, kind, account_id, walker_id, walker_ids, client, detail, change FROM security_events \
             WHERE ($1 IS NULL OR account_id = $1) ORDER BY at_ms DESC, id DESC LIMIT $2",
        )
        .bind(account.map(|a| a.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(event_row).collect()
    }

    async fn walker_events(&self, walker: WalkerId, limit: u32) -> Result<Vec<SecurityEvent>> {
        // Entries about this walker alone, and the lists that showed them:
        // a list's entry names many walkers, and only an account on this
        // walker's care team (then or now) can have listed them.
        let rows = sqlx::query(
            "SELECT id, at_ms, kind, account_id, walker_id, walker_ids, client, detail, change FROM security_events \
             WHERE walker_id = $1 \
             UNION ALL \
             SELECT e.id, e.at_ms, e.kind, e.account_id, e.walker_id, e.walker_ids, e.client, e.detail, e.change \
             FROM security_events e WHERE e.walker_ids IS NOT NULL \
             AND e.account_id IN (SELECT t.account_id FROM care_team t \
                 JOIN care_relationships r ON r.id = t.relationship_id WHERE r.walker_id = $1) \
             AND (',' || e.walker_ids || ',') LIKE $2 \
             ORDER BY at_ms DESC, id DESC LIMIT $3",
        )
        .bind(walker.0)
        .bind(format!("%,{},%", walker.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let mut e = event_row(r)?;
                // As the walker reads it: an entry about them, and only them
                // (not the other walkers the list showed).
                e.walker = Some(walker);
                e.walkers.clear();
                Ok(e)
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
            "SELECT a.*, s.csrf_token, s.expires_at, s.second_factor_at, w.version AS walker_version FROM web_sessions s \
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
            second_factor: get::<Option<i64>>(&row, "second_factor_at")?.is_some(),
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
            self.forget_old_events(now).await;
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

pub(super) fn event_row(r: &sqlx::any::AnyRow) -> Result<SecurityEvent> {
    let kind: String = get(r, "kind")?;
    Ok(SecurityEvent {
        at: timestamp(get(r, "at_ms")?)?,
        kind: kind.parse().map_err(|_| StoreError::Corrupt(format!("unknown security event '{kind}'")))?,
        account: get::<Option<i64>>(r, "account_id")?.map(AccountId),
        walker: get::<Option<i64>>(r, "walker_id")?.map(crate::WalkerId),
        walkers: match get::<Option<String>>(r, "walker_ids")? {
            None => Vec::new(),
            Some(ids) => ids
                .split(',')
                .map(|id| id.parse().map(crate::WalkerId).map_err(|_| corrupt(format!("walker_ids: '{ids}'"))))
                .collect::<Result<_>>()?,
        },
        client: get(r, "client")?,
        detail: get(r, "detail")?,
        change: match get::<Option<String>>(r, "change")? {
            None => None,
            Some(json) => {
                let v: crate::stored::RecordChangeV1 = crate::codec::json(&json, "record change")?;
                Some(v.try_into()?)
            }
        },
    })
}
