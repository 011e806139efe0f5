//! Resolves global flags into what commands need: an open store, the walker,
//! their screen, programme and history, and today's date in their time zone.

use crate::cli::Global;
use crate::error::{CliError, CliResult};
use anyhow::Context as _;
use jiff::civil::Date;
pub use service::State;
use service::{Access, Actor, Stage};
use store::prelude::*;
use store::{SqlStore, WalkerId};

/// The database URL: `--db`, `RETROWALK_DATABASE_URL`, or the default SQLite
/// file in the user's data directory (created on first use).
pub fn database_url(global: &Global) -> CliResult<String> {
    if let Some(url) = &global.db {
        if url.contains("://") || url.starts_with("sqlite:") {
            return Ok(url.clone());
        }
        // A bare path means an SQLite file.
        return Ok(store::backend::sqlite_url(std::path::Path::new(url)));
    }
    let dir = dirs::data_dir()
        .ok_or_else(|| CliError::input("no data directory is known for this user; pass --db sqlite://FILE"))?
        .join("retrowalk");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(store::backend::sqlite_url(&dir.join("retrowalk.db")))
}

pub async fn open(global: &Global) -> CliResult<SqlStore> {
    let url = database_url(global)?;
    store::backend::connect(&url).await.map_err(|e| match e {
        store::StoreError::BadUrl(_) => CliError::from(e),
        other => CliError::Other(
            anyhow::Error::new(other)
                .context(format!("could not open the database at {}", store::backend::redact(&url))),
        ),
    })
}

/// The walker to act for: `--walker`, or the only one there is.
pub async fn walker_id(store: &SqlStore, global: &Global) -> CliResult<WalkerId> {
    if let Some(id) = global.walker {
        return match store.walker(WalkerId(id)).await {
            Ok(w) => Ok(w.id),
            Err(store::StoreError::NotFound(_)) => {
                Err(CliError::input(crate::render::terminal().ta("cli.err.no_such_walker", &[("id", &id.to_string())])))
            }
            Err(e) => Err(e.into()),
        };
    }
    let walkers = store.walkers().await?;
    match walkers.as_slice() {
        [] => Err(CliError::input(crate::render::terminal().t("cli.err.no_walker"))),
        [only] => Ok(only.id),
        many => {
            let ids: Vec<String> = many.iter().map(|w| format!("{} ({})", w.id, w.name)).collect();
            Err(CliError::input(crate::render::terminal().ta("cli.err.several_walkers", &[("ids", &ids.join(", "))])))
        }
    }
}

pub fn parse_date(field: &str, text: &str) -> CliResult<Date> {
    text.trim().parse::<Date>().map_err(|_| {
        CliError::input(crate::render::terminal().ta("cli.err.date", &[("field", field), ("typed", text)]))
    })
}

pub fn time_zone(name: &str) -> CliResult<jiff::tz::TimeZone> {
    jiff::tz::TimeZone::get(name)
        .map_err(|_| CliError::input(crate::render::terminal().ta("cli.err.time_zone", &[("typed", name)])))
}

/// Today in `tz`, unless `--today` says otherwise.
pub fn today(global: &Global, tz: &str) -> CliResult<Date> {
    let real = jiff::Timestamp::now().to_zoned_datetime(time_zone(tz)?).date();
    match &global.today {
        Some(text) => {
            let date = parse_date("--today", text)?;
            // For back-filling, scripts and trying a plan out a few weeks on;
            // a date more than a year ahead is a typing slip (2099 for 2026).
            let latest = coach::dates::add_days(real, 366);
            if date > latest {
                let args = [("date", date.to_string()), ("today", real.to_string()), ("latest", latest.to_string())];
                let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
                return Err(CliError::input(crate::render::terminal().ta("cli.err.today_ahead", &args)));
            }
            Ok(date)
        }
        None => Ok(real),
    }
}

/// The grant to act for the chosen walker: the CLI is the operator, who
/// holds the database file and may act for anyone on it.
pub async fn access(store: &SqlStore, global: &Global) -> CliResult<Access> {
    let id = walker_id(store, global).await?;
    Ok(service::access(store, &Actor::Operator, id).await?)
}

/// Today in each walker's own time zone (or `--today`), for lists of many
/// walkers; a zone that is not known falls back to UTC.
pub fn today_in(global: &Global) -> impl Fn(&str) -> Date + '_ {
    |tz: &str| {
        today(global, tz).unwrap_or_else(|_| jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
    }
}

/// Loads the chosen walker's state, with today in their time zone.
pub async fn load(store: &SqlStore, global: &Global) -> CliResult<State> {
    let access = access(store, global).await?;
    load_with(store, global, access).await
}

/// Loads the state of the walker `access` grants, with today in their time zone.
pub async fn load_with(store: &SqlStore, global: &Global, access: Access) -> CliResult<State> {
    let walker = service::walker(store, access).await?;
    let today = today(global, &walker.time_zone)?;
    match service::stage_for(store, access, walker, today).await? {
        Stage::NeedsScreening => Err(CliError::input(crate::render::terminal().t("cli.err.no_screening"))),
        Stage::NeedsSetup(_) => Err(CliError::input(crate::render::terminal().t("cli.err.no_programme"))),
        Stage::Ready(state) => Ok(*state),
    }
}

/// `--date` parsed, if given.
pub fn date_arg(arg: &Option<String>) -> CliResult<Option<Date>> {
    arg.as_deref().map(|d| parse_date("--date", d)).transpose()
}
