//! A walker's records that are not part of their coaching [`State`](crate::State):
//! the walker, the latest screening and set-up before a programme exists,
//! the archive, the calendar feed and deleting everything. Each takes the
//! [`Access`] the rule granted.

use crate::{Access, ServiceError, ServiceResult};
use coach::setup::Setup;
use jiff::Timestamp;
use store::{Archive, ScreeningRecord, Store};

/// The latest screening, if the walker has answered one.
pub async fn latest_screening<S: Store>(store: &S, access: Access) -> ServiceResult<Option<ScreeningRecord>> {
    Ok(store.latest_screening(access.walker()).await?)
}

/// The walker's latest clearance, if any.
pub async fn latest_clearance<S: Store>(
    store: &S,
    access: Access,
) -> ServiceResult<Option<coach::screening::Clearance>> {
    Ok(store.latest_clearance(access.walker()).await?)
}

/// The set-up in force, if a programme has started.
pub async fn current_setup<S: Store>(store: &S, access: Access) -> ServiceResult<Option<Setup>> {
    Ok(store.active_programme(access.walker()).await?.map(|p| p.setup))
}

/// Where the walker is before their programme: whether a set-up may be saved
/// now, and the one to start the form from.
pub enum SetupStart {
    NeedsScreening,
    /// The screening outcome does not allow training (a red flag, or a
    /// clearance still needed).
    MayNotTrain,
    /// The set-up in force, or a sensible first one.
    Ready(Setup),
}

/// See [`SetupStart`]; `today` is in the walker's time zone.
pub async fn setup_start<S: Store>(store: &S, access: Access, today: jiff::civil::Date) -> ServiceResult<SetupStart> {
    let Some(screen) = latest_screening(store, access).await? else { return Ok(SetupStart::NeedsScreening) };
    if !screen.outcome.status.may_train() {
        return Ok(SetupStart::MayNotTrain);
    }
    Ok(SetupStart::Ready(match current_setup(store, access).await? {
        Some(setup) => setup,
        None => Setup::first(today, &store.walker(access.walker()).await?.time_zone),
    }))
}

/// Refuses a set-up while the screening does not allow training.
pub(crate) async fn require_may_train<S: Store>(store: &S, access: Access) -> ServiceResult<()> {
    match latest_screening(store, access).await? {
        Some(s) if s.outcome.status.may_train() => Ok(()),
        _ => Err(ServiceError::conflict(coach::Code::Paused, "the screening outcome does not allow training yet")
            .said("refusal.setup_not_allowed", &[])),
    }
}

/// Everything about the walker as one document (export, FHIR).
pub async fn export_archive<S: Store>(store: &S, access: Access, now: Timestamp) -> ServiceResult<Archive> {
    Ok(store.export_walker(access.walker(), now).await?)
}

/// Deletes the walker and everything recorded about them. An account that
/// has worked for a clinic is kept: the access log and the clinics' records
/// of who saw and signed what name it (the operator can disable it).
pub async fn delete_walker<S: Store>(store: &S, access: Access) -> ServiceResult<()> {
    if store.ever_staff(access.walker()).await? {
        return Err(ServiceError::conflict(
            coach::Code::Invalid,
            "this account has worked for a clinic, and the clinic's records of who saw and signed what name it, \
             so it cannot be deleted here; ask the server's operator to disable it (retrowalk user disable)",
        )
        .said("refusal.delete_staff", &[]));
    }
    Ok(store.delete_walker(access.walker()).await?)
}

/// Gives the walker a new secret calendar feed (by its token's hash); any
/// earlier one stops working.
pub async fn new_calendar<S: Store>(store: &S, access: Access, token_hash: &str, now: Timestamp) -> ServiceResult<()> {
    Ok(store.set_calendar_token(access.walker(), token_hash, now).await?)
}

/// Stops the walker's calendar feed; true if there was one.
pub async fn revoke_calendar<S: Store>(store: &S, access: Access) -> ServiceResult<bool> {
    Ok(store.revoke_calendar(access.walker()).await?)
}
