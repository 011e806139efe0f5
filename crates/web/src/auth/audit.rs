//! The access log: security events written to the database (never health
//! data), read by the account's owner in Settings and by the operator with
//! `retrowalk user events`. Clinic mode's audit trail builds on it.

use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::state::AppState;
use store::prelude::*;
use store::{AccountId, SecurityEvent, SecurityKind};

/// Records what happened, to which account, from which client address.
pub async fn record(
    state: &AppState,
    kind: SecurityKind,
    account: Option<AccountId>,
    client: &str,
    detail: &str,
) -> Result<(), AppError> {
    let event = SecurityEvent::new(kind, account, client, detail, state.now());
    state.store().record_security_event(&event).await?;
    Ok(())
}

/// Records an event of the signed-in walker's own account.
pub async fn by(state: &AppState, who: &SignedIn, kind: SecurityKind, detail: &str) -> Result<(), AppError> {
    record(state, kind, Some(who.account.id), &who.client, detail).await
}
