//! Monitoring time, counted for the clinic: the days a walker recorded
//! something, in rolling 30-day windows from the start of monitoring (the day
//! they joined the clinic's care), and the clinicians' minutes on their record
//! per calendar month (the walker page's timer, or typed in). It counts; the
//! clinic decides what it may bill.

use crate::{Access, Actor, Grant, ServiceError, ServiceResult, State};
use coach::Code;
use coach::dates::add_days;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeSet;
use store::{ClinicId, MonitoringEntry, Store};

/// A monitoring window's length in days.
pub const WINDOW_DAYS: i64 = 30;
/// The most minutes one entry can hold (a working day).
pub const MAX_MINUTES: u32 = 480;

/// Every day the walker recorded something: a session, a check-in, an
/// outcome, a questionnaire, an imported activity.
pub fn data_days(state: &State) -> BTreeSet<Date> {
    let h = &state.history;
    h.logs
        .iter()
        .map(|l| l.date)
        .chain(h.checkins.iter().map(|c| c.date))
        .chain(state.outcomes.iter().map(|o| o.taken_on))
        .chain(state.questionnaire_results.iter().map(|r| r.taken_on))
        .chain(state.activities.iter().map(|a| a.activity.local_date))
        .collect()
}

/// The 30-day window from monitoring start `since` that holds `day`.
pub fn window_of(since: Date, day: Date) -> (Date, Date) {
    let k = coach::dates::days_between(since, day).max(0) / WINDOW_DAYS;
    let start = add_days(since, k * WINDOW_DAYS);
    (start, add_days(start, WINDOW_DAYS - 1))
}

/// One walker's monitoring as the clinic sees it for a month (or now).
#[derive(Clone, Debug, Serialize)]
pub struct Monitoring {
    pub walker: store::WalkerId,
    pub since: Date,
    pub window_start: Date,
    pub window_end: Date,
    /// Days with data in the window.
    pub data_days: usize,
    /// The month counted (first day).
    pub month: Date,
    pub minutes: u32,
    pub entries: Vec<MonitoringEntry>,
}

fn month_bounds(month: Date) -> (Date, Date) {
    let first = month.first_of_month();
    (first, first.last_of_month())
}

/// The walker's monitoring for `clinic` in the month holding `day`: the
/// window holding `day`, and the month's minutes.
pub async fn monitoring<S: Store>(
    store: &S,
    state: &State,
    clinic: ClinicId,
    day: Date,
) -> ServiceResult<Option<Monitoring>> {
    let Some(since) = store.care_since(state.walker.id, clinic).await? else { return Ok(None) };
    let since = crate::dates::local_date(since, &state.walker.time_zone);
    let (window_start, window_end) = window_of(since, day);
    // Before monitoring began there is nothing to count (and no range to ask for).
    let last = window_end.min(day);
    let data_days = if last < window_start { 0 } else { data_days(state).range(window_start..=last).count() };
    let (first, last) = month_bounds(day);
    let entries = store.minutes(state.walker.id, clinic, first, last).await?;
    Ok(Some(Monitoring {
        walker: state.walker.id,
        since,
        window_start,
        window_end,
        data_days,
        month: first,
        minutes: entries.iter().map(|e| e.minutes).sum(),
        entries,
    }))
}

/// A clinician records minutes spent on the walker's record today.
pub async fn add_minutes<S: Store>(
    store: &S,
    access: Access,
    today: Date,
    minutes: Option<u32>,
    timer: bool,
    note: &str,
    now: Timestamp,
) -> ServiceResult<MonitoringEntry> {
    let Grant::Clinician { account, clinic } = access.grant() else {
        return Err(ServiceError::refused(Code::Invalid, "minutes are a care team clinician's"));
    };
    let minutes = minutes.ok_or_else(|| {
        ServiceError::refused(Code::Required, "minutes: how many, 1 to 480")
            .said("refusal.monitoring_minutes", &[("most", &MAX_MINUTES)])
    })?;
    if !(1..=MAX_MINUTES).contains(&minutes) {
        return Err(ServiceError::refused(
            Code::OutOfRange,
            format!("minutes: 1 to {MAX_MINUTES} in one entry; got {minutes}"),
        )
        .said("refusal.monitoring_minutes", &[("most", &MAX_MINUTES)]));
    }
    coach::text::check_line("note", note)?;
    let entry = MonitoringEntry {
        walker: access.walker(),
        clinic,
        account,
        day: today,
        minutes,
        source: if timer { "timer" } else { "manual" }.into(),
        note: note.trim().into(),
        at: now,
    };
    store.add_minutes(&entry).await?;
    Ok(entry)
}

/// The month-end table's columns.
pub const MONTH_HEADER: [&str; 8] =
    ["walker", "monitoring_since", "month", "window_start", "window_end", "data_days", "clinician_minutes", "entries"];

/// One clinic's month as CSV: a row per walker in its care, the window holding
/// the month's last day (or today, for the month under way).
pub async fn month_csv<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    month: Date,
    today_in: impl Fn(&str) -> Date,
) -> ServiceResult<String> {
    let mut rows = Vec::new();
    for access in crate::clinic_export::clinic_walkers(store, actor, clinic).await? {
        let Some(state) = crate::clinics::patient_state(store, access, &today_in).await? else { continue };
        let day = month.last_of_month().min(state.today);
        if let Some(m) = monitoring(store, &state, clinic, day).await? {
            rows.push(vec![
                m.walker.to_string(),
                m.since.to_string(),
                m.month.strftime("%Y-%m").to_string(),
                m.window_start.to_string(),
                m.window_end.to_string(),
                m.data_days.to_string(),
                m.minutes.to_string(),
                m.entries.len().to_string(),
            ]);
        }
    }
    crate::export::csv_text(&MONTH_HEADER, rows.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_run_thirty_days_from_the_start() {
        let since = jiff::civil::date(2026, 11, 10);
        assert_eq!(window_of(since, since), (since, jiff::civil::date(2026, 12, 9)));
        assert_eq!(window_of(since, jiff::civil::date(2026, 12, 9)).0, since);
        assert_eq!(window_of(since, jiff::civil::date(2026, 12, 10)).0, jiff::civil::date(2026, 12, 10));
        assert_eq!(window_of(since, jiff::civil::date(2026, 11, 1)).0, since, "before the start: the first window");
    }
}
