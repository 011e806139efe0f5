//! Clinics and the people in them: who may run a clinic, and the steps that
//! put a walker in a clinician's care. Whether a clinician then sees the
//! walker is the access rule's to say (`access`), on every request.

use crate::{Access, Actor, ServiceError, ServiceResult};
use coach::Code;
use jiff::Timestamp;
use store::{AccountId, Clinic, ClinicId, MemberRole, Store};

/// May `actor` run `clinic` (its members, its care teams)? The operator may
/// run any; an account may run the clinics it is a standing admin of.
pub async fn may_manage<S: Store>(store: &S, actor: &Actor, clinic: ClinicId) -> ServiceResult<()> {
    let allowed = match actor {
        Actor::Operator => true,
        Actor::Account { id, .. } => {
            store.memberships(*id).await?.iter().any(|m| m.clinic == clinic && m.role == MemberRole::Admin)
        }
    };
    if allowed { Ok(()) } else { Err(ServiceError::NotFound(format!("clinic {clinic} not found"))) }
}

/// A new clinic (the operator's to make).
pub async fn create_clinic<S: Store>(store: &S, actor: &Actor, name: &str, now: Timestamp) -> ServiceResult<ClinicId> {
    if *actor != Actor::Operator {
        return Err(ServiceError::refused(Code::Invalid, "a clinic is made by whoever runs the server"));
    }
    if name.trim().is_empty() || name.chars().count() > 100 {
        return Err(ServiceError::refused(Code::Required, "name: give the clinic a name of up to 100 characters"));
    }
    coach::text::check_line("name", name)?;
    Ok(store.create_clinic(name.trim(), now).await?)
}

pub async fn clinics<S: Store>(store: &S) -> ServiceResult<Vec<Clinic>> {
    Ok(store.clinics().await?)
}

/// Makes an account a member of the clinic in a role.
pub async fn add_member<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    account: AccountId,
    role: MemberRole,
    now: Timestamp,
) -> ServiceResult<()> {
    may_manage(store, actor, clinic).await?;
    Ok(store.add_member(account, clinic, role, now).await?)
}

/// Ends a membership and its places on the clinic's care teams; false if there was none.
pub async fn end_membership<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    account: AccountId,
    now: Timestamp,
) -> ServiceResult<bool> {
    may_manage(store, actor, clinic).await?;
    Ok(store.end_membership(account, clinic, now).await?)
}

/// The walker joins the clinic's care: `access` is the walker's own grant (or
/// the operator's), so no clinic can take a walker in on its own.
pub async fn join<S: Store>(store: &S, access: Access, clinic: ClinicId, now: Timestamp) -> ServiceResult<()> {
    if !store.clinics().await?.iter().any(|c| c.id == clinic) {
        return Err(ServiceError::NotFound(format!("clinic {clinic} not found")));
    }
    Ok(store.connect(access.walker(), clinic, now).await?)
}

/// The walker leaves the clinic's care: its clinicians see them no more.
pub async fn leave<S: Store>(store: &S, access: Access, clinic: ClinicId, now: Timestamp) -> ServiceResult<bool> {
    Ok(store.disconnect(access.walker(), clinic, now).await?)
}

/// Puts a clinician of the clinic on a walker's care team there.
pub async fn add_to_care_team<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    walker: store::WalkerId,
    clinician: AccountId,
    now: Timestamp,
) -> ServiceResult<()> {
    may_manage(store, actor, clinic).await?;
    let member = store.memberships(clinician).await?;
    if !member.iter().any(|m| m.clinic == clinic && m.role == MemberRole::Clinician) {
        return Err(ServiceError::refused(
            Code::NotReady,
            format!("account {clinician} is not a clinician of clinic {clinic}; make them one first"),
        ));
    }
    match store.add_to_care_team(walker, clinic, clinician, now).await {
        Err(store::StoreError::NotFound(_)) => Err(ServiceError::refused(
            Code::NotReady,
            format!("walker {walker} is not in the care of clinic {clinic}; they join it first"),
        )),
        other => Ok(other?),
    }
}

/// Takes a clinician off a walker's care team; false if they were not on it.
pub async fn remove_from_care_team<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    walker: store::WalkerId,
    clinician: AccountId,
    now: Timestamp,
) -> ServiceResult<bool> {
    may_manage(store, actor, clinic).await?;
    Ok(store.remove_from_care_team(walker, clinic, clinician, now).await?)
}
