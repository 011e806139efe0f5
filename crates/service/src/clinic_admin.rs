//! What a clinic's admin runs: its people (who works there and in which
//! role, someone added by the e-mail of their account, a membership ended)
//! and the break-glass openings they are told of. The operator does the same
//! from the command line (`clinic member`). Every change is a role change in
//! the access log (`clinics::add_member`, `clinics::end_membership`); an
//! admin sees no clinical data here.

use crate::clinics::{add_member, end_membership, may_manage};
use crate::{Actor, ServiceError, ServiceResult};
use coach::Code;
use jiff::Timestamp;
use serde::Serialize;
use store::{AccountId, ClinicId, MemberRole, Store};

/// One of the clinic's people.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    pub account: AccountId,
    pub email: String,
    pub name: String,
    pub role: MemberRole,
    pub since: Timestamp,
}

/// The clinic's standing members, admins first.
pub async fn members<S: Store>(store: &S, actor: &Actor, clinic: ClinicId) -> ServiceResult<Vec<Member>> {
    may_manage(store, actor, clinic).await?;
    if !store.clinics().await?.iter().any(|c| c.id == clinic) {
        return Err(ServiceError::NotFound(format!("clinic {clinic} not found")));
    }
    let mut out = Vec::new();
    for m in store.clinic_members(clinic).await? {
        let account = store.account(m.account).await?;
        let name = store.walker(account.walker).await?.name;
        out.push(Member { account: m.account, email: account.email, name, role: m.role, since: m.since });
    }
    Ok(out)
}

/// Gives the staff account with this e-mail a role at the clinic. Only an
/// account that is a clinician's or an admin's already (made so by whoever
/// runs the server) can be added: a walker's account answers exactly like
/// no account, so an admin cannot learn who uses retrowalk, nor turn a
/// walker's account into staff.
pub async fn add_by_email<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    email: &str,
    role: MemberRole,
    now: Timestamp,
) -> ServiceResult<Member> {
    may_manage(store, actor, clinic).await?;
    let email = email.trim();
    if email.is_empty() {
        return Err(ServiceError::refused(Code::Required, "email: the e-mail of their retrowalk account")
            .said("refusal.member_email", &[]));
    }
    coach::text::check_line("email", email)?;
    let staff =
        store.account_by_email(email).await?.filter(|a| a.role != store::Role::Walker && a.disabled_at.is_none());
    let Some(account) = staff else {
        return Err(ServiceError::refused(
            Code::Invalid,
            format!(
                "email: no clinician or admin account uses {email}. Whoever runs the server makes staff accounts \
                 (retrowalk user add, then clinic member add); then you can add them here."
            ),
        )
        .said("refusal.no_staff_account", &[("email", &email)]));
    };
    add_member(store, actor, clinic, account.id, role, now).await.map_err(|e| match e.code() {
        Some(Code::AlreadyDone) => e.said("refusal.already_member", &[("email", &email)]),
        _ => e,
    })?;
    let name = store.walker(account.walker).await?.name;
    Ok(Member { account: account.id, email: account.email, name, role, since: now })
}

/// Ends a membership (and the account's places on the clinic's care teams).
/// An admin does not end their own here: another admin, or the operator, does,
/// so a clinic is never left without anyone to run it by accident.
pub async fn remove<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    account: AccountId,
    now: Timestamp,
) -> ServiceResult<()> {
    may_manage(store, actor, clinic).await?;
    if actor.account_id() == Some(account) {
        return Err(ServiceError::conflict(
            Code::Invalid,
            "you cannot end your own membership here: another admin of the clinic, or whoever runs the server, can",
        ));
    }
    if !end_membership(store, actor, clinic, account, now).await? {
        return Err(ServiceError::NotFound(format!("account {account} is not a member of clinic {clinic}")));
    }
    Ok(())
}

/// An invitation to work at the clinic in `role`, made by its admin: the code
/// (hashed as `code_hash`) is given to the person, who signs in (or signs up)
/// and accepts it at `/join`. Their account becomes staff only then, by their
/// own act; the admin learns nothing about who has an account.
pub async fn invite_staff<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    role: MemberRole,
    code_hash: &str,
    now: Timestamp,
) -> ServiceResult<store::Invitation> {
    may_manage(store, actor, clinic).await?;
    let Some(by) = actor.account_id() else {
        return Err(ServiceError::refused(
            Code::Invalid,
            "an invitation is made by an admin of the clinic, in their name",
        ));
    };
    let expires_at = now
        .checked_add(jiff::SignedDuration::from_hours(24 * crate::care::INVITATION_DAYS))
        .map_err(|e| ServiceError::input(format!("the invitation's end: {e}")))?;
    let invitation =
        store::Invitation { clinic, invited_by: by, created_at: now, expires_at, accepted_by: None, role: Some(role) };
    store.create_invitation(code_hash, &invitation).await?;
    Ok(invitation)
}

/// How far back an admin's home page tells of break-glass openings.
pub const BREAK_GLASS_NOTICE_DAYS: i64 = 7;

/// The break-glass openings at the clinic in the last
/// [`BREAK_GLASS_NOTICE_DAYS`] days, newest first: who, which walker, why.
pub async fn recent_break_glasses<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    now: Timestamp,
) -> ServiceResult<Vec<store::BreakGlass>> {
    may_manage(store, actor, clinic).await?;
    let since = now - jiff::SignedDuration::from_hours(24 * BREAK_GLASS_NOTICE_DAYS);
    let all = store.clinic_break_glasses(clinic, 200).await?;
    Ok(all.into_iter().filter(|b| b.started_at >= since).collect())
}

/// The questionnaires the clinic has loaded under its own licence, by title.
pub async fn questionnaires<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
) -> ServiceResult<Vec<store::LoadedQuestionnaire>> {
    may_manage(store, actor, clinic).await?;
    let mut own: Vec<_> = store.questionnaires().await?.into_iter().filter(|q| q.clinic == Some(clinic)).collect();
    own.sort_by(|a, b| a.questionnaire.title.cmp(&b.questionnaire.title));
    Ok(own)
}

/// Loads a questionnaire and its scoring under the clinic's licence (its
/// admins, or the operator): its care teams can then ask their walkers for
/// it. The same checks as `retrowalk questionnaire load --clinic`; returns it
/// and whether it replaced the clinic's earlier load of the same id.
pub async fn load_questionnaire<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    questionnaire_json: &str,
    scoring_json: &str,
    now: Timestamp,
) -> ServiceResult<(store::LoadedQuestionnaire, bool)> {
    may_manage(store, actor, clinic).await?;
    crate::questionnaires::load_questionnaire(store, questionnaire_json, scoring_json, Some(clinic), now).await
}
