//! [`SecondFactorStore`](crate::SecondFactorStore) in SQL: TOTP secrets,
//! recovery codes and sessions that passed the second factor.

use super::{SqlStore, get};
use crate::codec::{self, millis};
use crate::{AccountId, Result, SecondFactorStore, StoreError};
use jiff::Timestamp;

impl SecondFactorStore for SqlStore {
    async fn totp_secret(&self, account: AccountId) -> Result<Option<String>> {
        let row = sqlx::query("SELECT totp_secret FROM accounts WHERE id = $1")
            .bind(account.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("account {account}")))?;
        get(&row, "totp_secret")
    }

    async fn start_totp(&self, account: AccountId, secret: &str) -> Result<()> {
        let done = sqlx::query(
            "UPDATE accounts SET totp_secret = $1, totp_last_step = NULL WHERE id = $2 AND totp_enabled_at IS NULL",
        )
        .bind(secret.to_string())
        .bind(account.0)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Duplicate(format!("account {account} already signs in with a second factor")));
        }
        Ok(())
    }

    async fn enable_totp(&self, account: AccountId, recovery: &[String], session: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE accounts SET totp_enabled_at = $1 WHERE id = $2 AND totp_secret IS NOT NULL")
            .bind(millis(now))
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1").bind(account.0).execute(&mut *tx).await?;
        for hash in recovery {
            sqlx::query("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES ($1, $2, $3)")
                .bind(account.0)
                .bind(hash.clone())
                .bind(millis(now))
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE web_sessions SET second_factor_at = $1 WHERE token_hash = $2 AND account_id = $3")
            .bind(millis(now))
            .bind(session.to_string())
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn disable_totp(&self, account: AccountId) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE accounts SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL \
             WHERE id = $1 AND totp_secret IS NOT NULL",
        )
        .bind(account.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1").bind(account.0).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn accept_totp_step(&self, account: AccountId, step: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(account.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn use_recovery_code(&self, account: AccountId, code_hash: &str, now: Timestamp) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(millis(now))
        .bind(account.0)
        .bind(code_hash.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn recovery_codes_left(&self, account: AccountId) -> Result<u32> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL")
            .bind(account.0)
            .fetch_one(&self.pool)
            .await?;
        codec::small(get(&row, "n")?, "recovery codes")
    }

    async fn pass_second_factor(&self, token_hash: &str, now: Timestamp) -> Result<()> {
        sqlx::query("UPDATE web_sessions SET second_factor_at = $1 WHERE token_hash = $2")
            .bind(millis(now))
            .bind(token_hash.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
