//! `retrowalk token`: API tokens for scripts and apps — made (shown once),
//! listed with their use and expiry, revoked.

use super::user::{account, active_account, audit};
use super::{Output, emit};
use crate::cli::{Global, TokenCommand};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::render;
use store::SecurityKind;
use store::prelude::*;

fn when(t: Option<jiff::Timestamp>) -> String {
    t.map_or_else(|| "-".into(), |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
}

pub async fn run(g: &Global, cmd: &TokenCommand) -> CliResult<Output> {
    let store = context::open(g).await?;
    let now = jiff::Timestamp::now();
    match cmd {
        TokenCommand::Create { email, name, expires_in_days } => {
            let expires_at = match expires_in_days {
                None => None,
                Some(d) if (1..=3650).contains(d) => Some(
                    now.checked_add(jiff::SignedDuration::from_hours(24 * d))
                        .map_err(|e| CliError::input(e.to_string()))?,
                ),
                Some(d) => return Err(CliError::input(format!("--expires-in-days: 1 to 3650; got {d}"))),
            };
            coach::text::check_text("--name", name)?;
            let a = active_account(&store, email).await?;
            let (token, digest) = web::new_api_token();
            store.create_api_token(a.id, &digest, name.trim(), now, expires_at).await?;
            let id: String = digest.chars().take(store::TOKEN_ID_LEN).collect();
            audit(&store, SecurityKind::TokenCreated, Some(a.id), &format!("token {id}")).await?;
            Ok(Output::Text(format!("{token}\n")))
        }
        TokenCommand::List { email } => {
            let a = account(&store, email).await?;
            let tokens = store.api_tokens(a.id).await?;
            emit(g.json, &tokens, || {
                if tokens.is_empty() {
                    return format!("{} has no API tokens.\n", a.email);
                }
                let rows: Vec<Vec<String>> = tokens
                    .iter()
                    .map(|t| {
                        vec![
                            t.id.clone(),
                            t.name.clone(),
                            when(Some(t.created_at)),
                            when(t.last_used_at),
                            t.expires_at.map_or_else(|| "never".into(), |e| when(Some(e))),
                        ]
                    })
                    .collect();
                render::table(&["id", "name", "created", "last used", "expires"], &rows)
            })
        }
        TokenCommand::Revoke { email, id } => {
            let a = account(&store, email).await?;
            if !store.revoke_api_token(a.id, id.trim()).await? {
                return Err(CliError::input(format!(
                    "{}: no token of {} has this id; `retrowalk token list --email {}` shows them",
                    id.trim(),
                    a.email,
                    a.email
                )));
            }
            audit(&store, SecurityKind::TokenRevoked, Some(a.id), &format!("token {}", id.trim())).await?;
            Ok(Output::Text(format!("Token {} revoked: it no longer works.\n", id.trim())))
        }
    }
}
