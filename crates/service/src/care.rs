//! The care team's work on a walker's record besides the dose: reviewing what
//! the coach raised (a flag acknowledged, a decision approved), the messages
//! between the walker and the team, and the invitations that start the care.
//!
//! Each takes an [`Access`]: a clinician's says who signs (their account and
//! clinic), the walker's own says it is the walker.

use crate::{Access, Actor, Grant, ServiceError, ServiceResult};
use coach::Code;
use jiff::Timestamp;
use jiff::civil::Date;
use sha2::{Digest, Sha256};
use store::{AccountId, Clinic, ClinicId, Invitation, MemberRole, Message, Review, ReviewSubject, Sender, Store};

/// The longest message or note, in characters: a message, not a letter.
pub const MESSAGE_CHARS: usize = 1000;
/// How long an invitation can be used.
pub const INVITATION_DAYS: i64 = 14;

/// The clinician behind an access, or a refusal in words for `what`.
fn clinician(access: Access, what: &str) -> ServiceResult<(AccountId, ClinicId)> {
    match access.grant() {
        Grant::Clinician { account, clinic } => Ok((account, clinic)),
        _ => Err(ServiceError::refused(Code::Invalid, format!("{what} is for a clinician on the walker's care team"))),
    }
}

fn checked_text(field: &str, text: &str, required: bool) -> ServiceResult<String> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(ServiceError::refused(Code::Required, format!("{field}: write a few words")));
    }
    let chars = text.chars().count();
    if chars > MESSAGE_CHARS {
        return Err(ServiceError::refused(
            Code::TooLong,
            format!("{field}: at most {MESSAGE_CHARS} characters; this has {chars}"),
        ));
    }
    coach::text::check_text(field, text)?;
    Ok(text.to_string())
}

/// A clinician's review of a flag (acknowledged: `note` required) or of a
/// decision (approved as it stands), named by its rule and day.
pub async fn review<S: Store>(
    store: &S,
    access: Access,
    subject: ReviewSubject,
    rule: &str,
    day: Date,
    note: &str,
    now: Timestamp,
) -> ServiceResult<Review> {
    let (account, clinic) = clinician(access, "a review")?;
    let note = checked_text("note", note, subject == ReviewSubject::Flag)?;
    let rule = rule.trim();
    if rule.is_empty() || rule.len() > 40 || !rule.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(ServiceError::refused(Code::Invalid, format!("rule: '{rule}' is not a rule id like F-FALL")));
    }
    let review = Review { subject, rule: rule.into(), day, account, clinic, note, at: now };
    store.add_review(access.walker(), &review).await?;
    Ok(review)
}

/// The walker's reviews, oldest first.
pub async fn reviews<S: Store>(store: &S, access: Access) -> ServiceResult<Vec<Review>> {
    Ok(store.reviews(access.walker()).await?)
}

/// One side's view of a thread: the clinic, its messages, and how many were
/// unread before this read.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Thread {
    pub clinic: ClinicId,
    pub clinic_name: String,
    pub messages: Vec<Message>,
    pub unread: u64,
}

/// Which side `access` is on, and the thread's clinic: a clinician's is the
/// clinic they care through; the walker names one of theirs, or has only one.
async fn side<S: Store>(store: &S, access: Access, clinic: Option<ClinicId>) -> ServiceResult<(Sender, Clinic)> {
    if let Grant::Former { clinic, .. } = access.grant() {
        // The clinic the walker left: its thread, as it stood then.
        let left = store.clinics().await?.into_iter().find(|c| c.id == clinic);
        return left.map(|c| (Sender::CareTeam, c)).ok_or_else(|| ServiceError::NotFound("clinic not found".into()));
    }
    let clinics = store.walker_clinics(access.walker()).await?;
    let (sender, wanted) = match access.grant() {
        Grant::Clinician { clinic, .. } | Grant::BreakGlass { clinic, .. } => (Sender::CareTeam, Some(clinic)),
        Grant::Own | Grant::Operator | Grant::Former { .. } => (Sender::Walker, clinic),
    };
    let found = match wanted {
        Some(id) => clinics.into_iter().find(|c| c.id == id),
        None if clinics.len() <= 1 => clinics.into_iter().next(),
        None => {
            return Err(ServiceError::refused(
                Code::Required,
                "clinic: you are in the care of several clinics; say which one",
            ));
        }
    };
    let clinic = found.ok_or_else(|| {
        ServiceError::conflict(Code::NotReady, "messages go to a clinic's care team, and you are in no clinic's care")
            .said("refusal.no_care_team", &[])
    })?;
    Ok((sender, clinic))
}

/// The thread between the walker and a clinic's care team, marked read for
/// whoever reads it (the operator reads without marking).
pub async fn thread<S: Store>(
    store: &S,
    access: Access,
    clinic: Option<ClinicId>,
    now: Timestamp,
) -> ServiceResult<Thread> {
    let (reader, clinic) = side(store, access, clinic).await?;
    // The operator and a break-glass read without marking anything read.
    let unread = if access.grant() == Grant::Operator || access.read_only() {
        store.unread(access.walker(), Some(clinic.id), reader).await?
    } else {
        store.mark_read(access.walker(), clinic.id, reader, now).await?
    };
    let mut messages = store.thread(access.walker(), clinic.id).await?;
    if let Some(until) = access.until() {
        messages.retain(|m| m.at <= until);
    }
    Ok(Thread { clinic: clinic.id, clinic_name: clinic.name, messages, unread })
}

/// Sends a message in the thread: from the walker, or from their care team.
pub async fn send<S: Store>(
    store: &S,
    actor: &Actor,
    access: Access,
    clinic: Option<ClinicId>,
    body: &str,
    now: Timestamp,
) -> ServiceResult<Message> {
    let (sender, clinic) = side(store, access, clinic).await?;
    let Some(account) = actor.account_id() else {
        return Err(ServiceError::refused(Code::Invalid, "a message is sent from an account, not the command line"));
    };
    let body = checked_text("message", body, true)?;
    let message = Message { walker: access.walker(), clinic: clinic.id, account, sender, body, at: now, read_at: None };
    store.send_message(&message).await?;
    Ok(message)
}

/// Messages the walker has not read, from every clinic.
pub async fn unread_for_walker<S: Store>(store: &S, access: Access) -> ServiceResult<u64> {
    Ok(store.unread(access.walker(), None, Sender::Walker).await?)
}

/// The clinics the walker is in the care of now.
pub async fn my_clinics<S: Store>(store: &S, access: Access) -> ServiceResult<Vec<Clinic>> {
    Ok(store.walker_clinics(access.walker()).await?)
}

/// An invitation code as the database keeps it: the letters without spaces
/// or dashes, upper case, hashed. So "abcd efgh" and "ABCD-EFGH" are one code.
pub fn invitation_digest(code: &str) -> String {
    let clean: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    Sha256::digest(clean.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A new invitation to `clinic` from `by`, a standing member of it (a
/// clinician joins the walker's care team when they accept). `code_hash` is
/// [`invitation_digest`] of the code the caller shows.
pub async fn invite<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    by: AccountId,
    code_hash: &str,
    now: Timestamp,
) -> ServiceResult<Invitation> {
    if let Actor::Account { id, .. } = actor
        && *id != by
    {
        return Err(ServiceError::refused(Code::Invalid, "you invite in your own name"));
    }
    let member = store.memberships(by).await?.into_iter().find(|m| m.clinic == clinic);
    if member.is_none() {
        return Err(ServiceError::NotFound(format!("clinic {clinic} not found")));
    }
    let expires_at = now
        .checked_add(jiff::SignedDuration::from_hours(24 * INVITATION_DAYS))
        .map_err(|e| ServiceError::input(format!("the invitation's end: {e}")))?;
    let invitation = Invitation { clinic, invited_by: by, created_at: now, expires_at, accepted_by: None, role: None };
    store.create_invitation(code_hash, &invitation).await?;
    Ok(invitation)
}

/// What a walker is asked to agree to before joining: the clinic, who
/// invited them, and until when the code works.
#[derive(Clone, Debug, serde::Serialize)]
pub struct InvitationView {
    pub clinic: ClinicId,
    pub clinic_name: String,
    /// The inviter's name, and whether they will be on the care team.
    pub invited_by: String,
    pub inviter_is_clinician: bool,
    pub expires_at: Timestamp,
    /// An invitation to work at the clinic, in this role; `None`: to join its care.
    pub role: Option<MemberRole>,
}

/// A code that is not (or no longer) an invitation: well-formed, but there
/// is nothing to accept now (409).
fn unknown_code() -> ServiceError {
    ServiceError::conflict(
        Code::Invalid,
        "code: this invitation code is unknown, used or expired; ask the clinic for a new one",
    )
}

/// The invitation behind a code, to show before the walker agrees.
pub async fn invitation<S: Store>(store: &S, code: &str, now: Timestamp) -> ServiceResult<InvitationView> {
    let invitation = store.invitation(&invitation_digest(code), now).await?.ok_or_else(unknown_code)?;
    let clinic = store.clinics().await?.into_iter().find(|c| c.id == invitation.clinic).ok_or_else(unknown_code)?;
    let inviter = store.account(invitation.invited_by).await?;
    let name = store.walker(inviter.walker).await?.name;
    let inviter_is_clinician =
        store.memberships(inviter.id).await?.iter().any(|m| m.clinic == clinic.id && m.role == MemberRole::Clinician);
    Ok(InvitationView {
        clinic: clinic.id,
        clinic_name: clinic.name,
        invited_by: if name.trim().is_empty() { inviter.email } else { name },
        inviter_is_clinician,
        expires_at: invitation.expires_at,
        role: invitation.role,
    })
}

/// The walker accepts an invitation: they join the clinic's care, and the
/// inviting clinician their care team. Only the walker's own access accepts;
/// their access log says so.
pub async fn accept<S: Store>(
    store: &S,
    actor: &Actor,
    access: Access,
    code: &str,
    client: &str,
    now: Timestamp,
) -> ServiceResult<InvitationView> {
    if access.grant() != Grant::Own {
        return Err(ServiceError::refused(Code::Invalid, "only the walker accepts an invitation, for themselves"));
    }
    let view = invitation(store, code, now).await?;
    if let Some(role) = view.role {
        // An invitation to work there: the account becomes a member.
        let Actor::Account { id, .. } = actor else { return Err(unknown_code()) };
        // A duplicate: they work there already.
        store
            .accept_staff_invitation(&invitation_digest(code), *id, now)
            .await
            .map_err(|e| ServiceError::duplicate_said(e, "refusal.already_staff", &[("clinic", &view.clinic_name)]))?
            .ok_or_else(unknown_code)?;
        let detail = format!("{} at clinic {} (before: not a member; by invitation)", role.as_str(), view.clinic);
        let event = store::SecurityEvent::new(store::SecurityKind::MemberAdded, Some(*id), client, &detail, now);
        store.record_security_event(&event).await?;
        return Ok(view);
    }
    store.accept_invitation(&invitation_digest(code), access.walker(), now).await?.ok_or_else(unknown_code)?;
    crate::clinics::log_care(store, actor, access, store::SecurityKind::CareJoined, &view.clinic_name, client, now)
        .await?;
    Ok(view)
}

/// Every break-glass on the walker's record, newest first: the walker reads
/// them, and a clinician in one sees until when it is open.
pub async fn break_glasses<S: Store>(store: &S, access: Access) -> ServiceResult<Vec<store::BreakGlass>> {
    Ok(store.break_glasses(access.walker()).await?)
}
