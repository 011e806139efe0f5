//! `retrowalk user`: accounts of the web app, for the person who runs the
//! server — add, list, disable, enable, read the access log, reset a password.

use super::{Output, emit};
use crate::cli::{Global, UserCommand};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::render;
use store::prelude::*;
use store::{Account, AccountId, SecurityEvent, SecurityKind, SqlStore, WalkerId};

/// The account with this e-mail, or an error naming it.
pub(super) async fn account(store: &SqlStore, email: &str) -> CliResult<Account> {
    account_for(store, "--email", email).await
}

/// The account with this e-mail, named by `flag` when there is none.
pub(super) async fn account_for(store: &SqlStore, flag: &str, email: &str) -> CliResult<Account> {
    store
        .account_by_email(email)
        .await?
        .ok_or_else(|| CliError::input(format!("{flag}: no account uses {}", email.trim())))
}

/// The account with this e-mail, refused while it is disabled.
pub(super) async fn active_account(store: &SqlStore, email: &str) -> CliResult<Account> {
    let a = account(store, email).await?;
    if a.disabled_at.is_some() {
        return Err(CliError::input(format!(
            "--email: {} is disabled; `retrowalk user enable --email {}` first",
            a.email, a.email
        )));
    }
    Ok(a)
}

/// Records what the operator did from the command line in the access log.
pub(super) async fn audit(
    store: &SqlStore,
    kind: SecurityKind,
    account: Option<AccountId>,
    detail: &str,
) -> CliResult<()> {
    let event = SecurityEvent::new(kind, account, "cli", detail, jiff::Timestamp::now());
    store.record_security_event(&event).await?;
    Ok(())
}

/// Records what the operator did to a walker's data, under the walker's
/// account when they have one (a CLI-only walker has none).
pub(super) async fn audit_walker(
    store: &SqlStore,
    kind: SecurityKind,
    walker: WalkerId,
    detail: &str,
) -> CliResult<()> {
    let account = store.accounts().await?.into_iter().find(|a| a.walker == walker).map(|a| a.id);
    audit(store, kind, account, detail).await
}

fn when(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// A code for /reset, valid for `minutes`; the event says it was issued.
async fn reset_code(store: &SqlStore, a: &Account, minutes: i64) -> CliResult<String> {
    let (code, digest) = web::new_reset_code();
    let expires = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_mins(minutes))
        .map_err(|e| CliError::Other(e.into()))?;
    store.create_reset_code(a.id, &digest, expires).await?;
    audit(store, SecurityKind::ResetCodeIssued, Some(a.id), "").await?;
    Ok(code)
}

/// Sets an account's disabled state; says so if it already was.
async fn set_disabled(store: &SqlStore, email: &str, disabled: bool) -> CliResult<Output> {
    let a = account(store, email).await?;
    let kind = if disabled { SecurityKind::AccountDisabled } else { SecurityKind::AccountEnabled };
    let event = SecurityEvent::new(kind, Some(a.id), "cli", "", jiff::Timestamp::now());
    let changed = store.set_account_disabled(a.id, disabled, &event).await?;
    let text = match (disabled, changed) {
        (true, true) => format!(
            "{} is disabled: signed out everywhere, its API tokens and reset codes void, and it cannot sign in.\n\
             Nothing was deleted; `retrowalk user enable --email {}` undoes this.\n",
            a.email, a.email
        ),
        (true, false) => format!("{} was already disabled; nothing changed.\n", a.email),
        (false, true) => format!("{} is enabled: it can sign in again.\n", a.email),
        (false, false) => format!("{} was not disabled; nothing changed.\n", a.email),
    };
    Ok(Output::Text(text))
}

pub async fn run(g: &Global, cmd: &UserCommand) -> CliResult<Output> {
    let store = context::open(g).await?;
    match cmd {
        UserCommand::Add { email, name, time_zone } => add(&store, email, name, time_zone).await,
        UserCommand::List => {
            let accounts = store.accounts().await?;
            let rows: Vec<Vec<String>> = accounts
                .iter()
                .map(|a| {
                    vec![
                        a.id.to_string(),
                        a.email.clone(),
                        a.role.as_str().to_string(),
                        when(a.created_at),
                        a.disabled_at.map_or_else(|| "active".into(), |t| format!("disabled {}", when(t))),
                    ]
                })
                .collect();
            let json: Vec<serde_json::Value> = accounts
                .iter()
                .map(|a| {
                    serde_json::json!({
                        "id": a.id, "email": a.email, "role": a.role.as_str(), "walker": a.walker,
                        "created_at": a.created_at, "disabled_at": a.disabled_at,
                    })
                })
                .collect();
            emit(g.json, &json, || {
                if rows.is_empty() {
                    "No accounts yet: people sign up on the web app, or use `retrowalk user add`.\n".into()
                } else {
                    render::table(&["id", "email", "role", "created", "status"], &rows)
                }
            })
        }
        UserCommand::Disable { email } => set_disabled(&store, email, true).await,
        UserCommand::Enable { email } => set_disabled(&store, email, false).await,
        UserCommand::Events { email, limit } => events(g, &store, email.as_deref(), *limit).await,
        UserCommand::ResetTwoFactor { email } => {
            let a = account(&store, email).await?;
            if !store.disable_totp(a.id).await? {
                return Ok(Output::Text(format!("{} has no two-factor sign-in; nothing changed.\n", a.email)));
            }
            store.sign_out_everywhere(a.id).await?;
            audit(&store, SecurityKind::SecondFactorReset, Some(a.id), "").await?;
            Ok(Output::Text(format!(
                "{}'s two-factor sign-in is off and the account is signed out everywhere.\n\
                 At the next sign-in they set up an authenticator app again (clinicians and admins must).\n",
                a.email
            )))
        }
        UserCommand::ResetPassword { email } => {
            let a = active_account(&store, email).await?;
            let code = reset_code(&store, &a, 30).await?;
            Ok(Output::Text(format!("Reset code for {}: {code}\nIt works once, for 30 minutes, at /reset.\n", a.email)))
        }
    }
}

async fn add(store: &SqlStore, email: &str, name: &str, time_zone: &str) -> CliResult<Output> {
    coach::text::check_text("--email", email)?;
    coach::text::check_text("--name", name)?;
    let email = email.trim().to_lowercase();
    let valid = email.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.')) && !email.contains(' ');
    if !valid || email.len() > 254 {
        return Err(CliError::input(format!("--email: '{email}' is not an e-mail address")));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(CliError::input("--name: give a first name (up to 100 characters)"));
    }
    context::time_zone(time_zone.trim())?;
    // No password exists until they choose one with the code: this hash
    // matches nothing.
    let new = store::NewAccount {
        email,
        password_hash: "!no-password-yet".into(),
        name: name.into(),
        time_zone: time_zone.trim().into(),
    };
    let now = jiff::Timestamp::now();
    let a = store.create_account(&new, now).await?;
    audit(store, SecurityKind::AccountCreated, Some(a.id), "").await?;
    let code = reset_code(store, &a, 3 * 24 * 60).await?;
    Ok(Output::Text(format!(
        "Account {} made for {}.\nTheir code to choose a password: {code}\n\
         It works once, for 3 days, at /reset on this server; then they sign in and set up their programme.\n",
        a.id, a.email
    )))
}

async fn events(g: &Global, store: &SqlStore, email: Option<&str>, limit: u32) -> CliResult<Output> {
    if !(1..=10_000).contains(&limit) {
        return Err(CliError::input(format!("--limit: 1 to 10000; got {limit}")));
    }
    let only = match email {
        Some(e) => Some(account(store, e).await?.id),
        None => None,
    };
    let events = store.security_events(only, limit).await?;
    // Accounts by id, for e-mails beside the ids (a deleted one shows its id).
    let emails: std::collections::HashMap<AccountId, String> =
        store.accounts().await?.into_iter().map(|a| (a.id, a.email)).collect();
    let who = |id: Option<AccountId>| match id {
        Some(id) => emails.get(&id).cloned().unwrap_or_else(|| format!("account {id} (deleted)")),
        None => "-".into(),
    };
    emit(g.json, &events, || {
        if events.is_empty() {
            return "No security events recorded.\n".into();
        }
        let rows: Vec<Vec<String>> = events
            .iter()
            .map(|e| vec![when(e.at), e.kind.as_str().into(), who(e.account), e.client.clone(), e.detail.clone()])
            .collect();
        render::table(&["when", "event", "account", "from", "detail"], &rows)
    })
}
