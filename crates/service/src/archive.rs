//! Reading an archive back in, checked first: the CLI's `import-archive` and
//! the web's Settings → Restore take the same path, so neither can let in an
//! archive that breaks every page afterwards (a zero-week programme, a belt
//! speed of 6,553.5 km/h, a session from 1999, the time zone "Mars/Olympus").
//! Every check names where in the archive it failed, in the archive's own
//! terms, and nothing is written unless all pass.

use crate::{ServiceError, ServiceResult};
use coach::dates::add_days;
use coach::dose::{MAX_INCLINE_PCT, MAX_MINUTES, MIN_MINUTES};
use coach::text::check_text;
use jiff::civil::{Date, date};
use store::{Archive, Store, WalkerId};

/// Nothing in an archive is dated before this.
const EARLIEST: Date = date(2000, 1, 1);

fn bad(at: impl std::fmt::Display, message: impl std::fmt::Display) -> ServiceError {
    let at = at.to_string();
    ServiceError::input(format!("archive: {at}: {message}")).said("refusal.archive_bad", &[("at", &at)])
}

fn time_zone(at: &str, tz: &str) -> ServiceResult<()> {
    jiff::tz::TimeZone::get(tz)
        .map(|_| ())
        .map_err(|_| bad(at, format!("'{tz}' is not a time zone; use a name like Europe/London")))
}

fn in_range(at: impl std::fmt::Display, day: Date, latest: Date) -> ServiceResult<()> {
    if day < EARLIEST || day > latest {
        return Err(bad(at, format!("{day} is not a date this record can have (from {EARLIEST} to {latest})")));
    }
    Ok(())
}

/// Parses and checks an archive as of `today`.
pub fn parse(text: &str, today: Date) -> ServiceResult<Archive> {
    // PostgreSQL cannot store a NUL character; refuse it on both backends.
    if let Some(at) = text.find('\0').or_else(|| text.to_ascii_lowercase().find("\\u0000")) {
        return Err(bad(format!("byte {at}"), "contains a NUL character, which no field may hold")
            .said("refusal.archive_nul", &[("at", &at)]));
    }
    let a: Archive = serde_json::from_str(text).map_err(|e| {
        ServiceError::input(format!("archive: not a retrowalk archive: {e}")).said("refusal.archive_not_archive", &[])
    })?;
    if a.format != store::ARCHIVE_FORMAT || a.version != store::ARCHIVE_VERSION {
        return Err(ServiceError::input(format!(
            "archive: format '{}' version {} is not one this version reads ({} version {})",
            a.format,
            a.version,
            store::ARCHIVE_FORMAT,
            store::ARCHIVE_VERSION
        ))
        .said("refusal.archive_not_archive", &[]));
    }
    check(&a, today)?;
    Ok(a)
}

fn check(a: &Archive, today: Date) -> ServiceResult<()> {
    let w = &a.walker;
    if w.name.trim().is_empty() || w.name.chars().count() > 100 {
        return Err(bad("walker.name", "a name of 1 to 100 characters"));
    }
    check_text("walker.name", &w.name).map_err(|e| bad(&e.field, e.message))?;
    time_zone("walker.time_zone", &w.time_zone)?;
    if let Some(y) = w.birth_year.filter(|y| !(1900..=i64::from(today.year())).contains(y)) {
        return Err(bad("walker.birth_year", format!("{y} is not a year of birth")));
    }
    for (i, s) in a.screenings.iter().enumerate() {
        s.answers.validate().map_err(|e| bad(format!("screenings[{i}].{}", e.field), e.message))?;
    }
    for (i, c) in a.clearances.iter().enumerate() {
        for (field, text) in [("by", &c.by), ("role", &c.role), ("note", &c.note)] {
            check_text(field, text).map_err(|e| bad(format!("clearances[{i}].{}", e.field), e.message))?;
        }
    }
    let latest = add_days(today, 366);
    let start = match &a.programme {
        Some(setup) => {
            setup.validate().map_err(|e| bad(format!("programme.{}", e.field), e.message))?;
            time_zone("programme.time_zone", &setup.time_zone)?;
            in_range("programme.start", setup.start, latest)?;
            Some(setup.start)
        }
        None => None,
    };
    if a.programme.is_none() && !(a.sessions.is_empty() && a.checkins.is_empty() && a.overrides.is_empty()) {
        return Err(bad("programme", "sessions, check-ins and overrides need the programme they belong to"));
    }
    let start = start.unwrap_or(EARLIEST);
    let mut dates = std::collections::BTreeSet::new();
    for (i, log) in a.sessions.iter().enumerate() {
        log.validate().map_err(|e| bad(format!("sessions[{i}].{}", e.field), e.message))?;
        if log.date < start || log.date > today {
            return Err(bad(
                format!("sessions[{i}].date"),
                format!("{} is outside the programme so far ({start} to {today})", log.date),
            ));
        }
        if !dates.insert(log.date) {
            return Err(bad(format!("sessions[{i}].date"), format!("a second session on {}", log.date)));
        }
    }
    for (i, c) in a.checkins.iter().enumerate() {
        if !dates.contains(&c.session_date) {
            return Err(bad(format!("checkins[{i}].session_date"), format!("no session on {}", c.session_date)));
        }
        if c.date <= c.session_date || c.date > today {
            return Err(bad(
                format!("checkins[{i}].date"),
                format!("{} is not after its session and by today", c.date),
            ));
        }
    }
    for (i, o) in a.overrides.iter().enumerate() {
        o.validate().map_err(|e| bad(format!("overrides[{i}].{}", e.field), e.message))?;
        if !(MIN_MINUTES..=MAX_MINUTES).contains(&o.dose.minutes) || o.dose.incline_pct > MAX_INCLINE_PCT {
            return Err(bad(format!("overrides[{i}].dose"), "minutes must be 3 to 20 and incline 0 to 5 %"));
        }
        if !(10..=80).contains(&o.dose.speed_tenths) {
            return Err(bad(format!("overrides[{i}].dose.speed_tenths"), "a belt speed from 1.0 to 8.0 km/h"));
        }
        in_range(format!("overrides[{i}].effective"), o.effective, latest)?;
    }
    for (i, o) in a.outcomes.iter().enumerate() {
        if !o.value.is_finite() {
            return Err(bad(format!("outcomes[{i}].value"), "not a number"));
        }
        in_range(format!("outcomes[{i}].taken_on"), o.taken_on, today)?;
    }
    for (i, r) in a.questionnaire_results.iter().enumerate() {
        in_range(format!("questionnaire_results[{i}].taken_on"), r.taken_on, today)?;
    }
    Ok(())
}

/// Reads an archive into a new walker, all or nothing.
pub async fn import_json<S: Store>(store: &S, text: &str, today: Date) -> ServiceResult<WalkerId> {
    let archive = parse(text, today)?;
    Ok(store.import_walker(&archive).await?)
}

/// Replaces the signed-in account's walker with an archive, all or nothing.
pub async fn restore_json<S: Store>(
    store: &S,
    actor: &crate::Actor,
    text: &str,
    today: Date,
) -> ServiceResult<WalkerId> {
    let access = crate::own(store, actor).await?;
    let account =
        actor.account_id().ok_or_else(|| ServiceError::input("a restore replaces an account's walker; sign in"))?;
    if store.ever_in_care(access.walker()).await? {
        return Err(ServiceError::conflict(
            coach::Code::Invalid,
            "your records have been shared with a clinic, which keeps what it was shown, so a backup cannot \
             replace them; nothing was changed. Your care team can correct a record with you",
        )
        .said("refusal.restore_in_care", &[]));
    }
    let archive = parse(text, today)?;
    Ok(store.restore_account(account, &archive).await?)
}
