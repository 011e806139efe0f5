//! Who may see which walker: the access rule, written once.
//!
//! Every service call about a walker's records takes an [`Access`], and the
//! only way to get one is [`access`], which applies the rule below. So a page,
//! an API handler or a CLI command cannot reach a walker it may not see by
//! forgetting a check: without the grant it has nothing to pass. (The web
//! crate's pages and API do not use the store at all; a test keeps it so.)
//!
//! The rule:
//! - the **operator** (whoever runs `retrowalk` on the database itself; they
//!   hold the file, so they hold everything) may act for any walker;
//! - an **account** sees its own walker;
//! - and, in clinic mode, the walkers it **cares for**: it is a standing
//!   clinician member of a clinic the walker is in the care of, and on the
//!   walker's care team there (`store::ClinicStore::care_clinic`). This is
//!   asked of the database on every request, so ending a membership, a care
//!   relationship or a place on the team cuts access at the next request, on
//!   every server. A clinic admin is not a clinician: no clinical data.
//!
//! A refusal is "walker not found", the same answer as for an id that does not
//! exist, so a refused caller learns nothing about who is on the server.

use crate::{ServiceError, ServiceResult};
use store::{AccountId, ClinicId, Role, SecurityEvent, SecurityKind, Store, WalkerId};

/// Who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The CLI on the database file.
    Operator,
    /// A signed-in account (web pages, API tokens).
    Account { id: AccountId, role: Role, walker: WalkerId },
}

impl Actor {
    /// The actor behind a signed-in account.
    pub fn account(account: &store::Account) -> Actor {
        Actor::Account { id: account.id, role: account.role, walker: account.walker }
    }

    /// The account asking, if it is one.
    pub fn account_id(&self) -> Option<AccountId> {
        match self {
            Actor::Operator => None,
            Actor::Account { id, .. } => Some(*id),
        }
    }
}

/// Permission to read and write one walker's records, granted by [`access`]
/// (or [`own`]) to one actor. It cannot be built anywhere else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    walker: WalkerId,
    grant: Grant,
}

/// On what grounds an [`Access`] was given: what a signature made with it
/// records, and what the walker's access log names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    /// The operator, on the database itself.
    Operator,
    /// The walker's own account (or their calendar feed).
    Own,
    /// A clinician on the walker's care team at `clinic`.
    Clinician { account: AccountId, clinic: ClinicId },
    /// A clinician of `clinic`, not on the care team, in an open break-glass:
    /// to read, for its 60 minutes.
    BreakGlass { account: AccountId, clinic: ClinicId },
    /// A clinician who was on the walker's team at `clinic` when the walker
    /// left it: to read what was shared `until` then, nothing after.
    Former { account: AccountId, clinic: ClinicId, until: jiff::Timestamp },
}

impl Access {
    pub fn walker(self) -> WalkerId {
        self.walker
    }

    pub fn grant(self) -> Grant {
        self.grant
    }

    /// Whether the grant only reads (a break-glass).
    pub fn read_only(self) -> bool {
        matches!(self.grant, Grant::BreakGlass { .. } | Grant::Former { .. })
    }

    /// The moment a read-only former care team's view stops, if it does.
    pub fn until(self) -> Option<jiff::Timestamp> {
        match self.grant {
            Grant::Former { until, .. } => Some(until),
            _ => None,
        }
    }

    /// The clinician's signature this access signs with, if it is a clinician's.
    pub fn signer(self) -> Option<coach::history::Signer> {
        match self.grant {
            Grant::Clinician { account, clinic } => {
                Some(coach::history::Signer { account: account.0, clinic: clinic.0 })
            }
            _ => None,
        }
    }
}

/// The access rule: may `actor` see `walker`? Refused is "walker not found".
pub async fn access<S: Store>(store: &S, actor: &Actor, walker: WalkerId) -> ServiceResult<Access> {
    let grant = match actor {
        Actor::Operator => Some(Grant::Operator),
        Actor::Account { walker: own, .. } if *own == walker => Some(Grant::Own),
        Actor::Account { id, .. } => {
            store.care_clinic(*id, walker).await?.map(|clinic| Grant::Clinician { account: *id, clinic })
        }
    };
    match grant {
        Some(grant) => Ok(Access { walker, grant }),
        None => Err(ServiceError::NotFound("walker not found".into())),
    }
}

/// The care grant of [`access`] for a clinician's read of `walker` that is
/// logged as `what`: where the database can, the rule's own query writes the
/// read's access-log entry as it grants care (`store::ClinicStore::
/// care_clinic_logged`), and the flag says it did. `None` when the account
/// does not care for the walker (their own walker, break-glass, former care
/// or nobody): the caller asks the whole rule ([`access_at`]) and logs.
pub async fn care_logging<S: Store>(
    store: &S,
    actor: &Actor,
    walker: WalkerId,
    what: &str,
    client: &str,
    now: jiff::Timestamp,
) -> ServiceResult<Option<(Access, bool)>> {
    let Actor::Account { id, walker: own, .. } = actor else { return Ok(None) };
    if *own == walker {
        return Ok(None);
    }
    let entry = SecurityEvent::new(SecurityKind::ClinicianRead, Some(*id), client, what, now).about(walker);
    Ok(match store.care_clinic_logged(*id, walker, &entry).await? {
        (Some(clinic), logged) => Some((Access { walker, grant: Grant::Clinician { account: *id, clinic } }, logged)),
        (None, _) => None,
    })
}

/// Every walker the account cares for, each with its grant and what a cached
/// row is checked by (the walker's version and time zone): the rule's query
/// once for the whole list (`store::ClinicStore::in_care_of_versions`, the
/// same conditions as `care_clinic`). With `list`, the list's access-log
/// entry may be written by the same query; the flag says whether it was.
pub async fn cared_for<S: Store>(
    store: &S,
    actor: &Actor,
    list: Option<store::ListEntry<'_>>,
) -> ServiceResult<(Vec<(Access, store::CareRow)>, bool)> {
    let Actor::Account { id, .. } = actor else { return Ok((Vec::new(), false)) };
    let (care, logged) = store.in_care_of_versions(*id, list).await?;
    let granted = care
        .into_iter()
        .map(|c| (Access { walker: c.walker, grant: Grant::Clinician { account: *id, clinic: c.clinic } }, c))
        .collect();
    Ok((granted, logged))
}

/// The access rule at `now`, with break-glass and former care: an account
/// that may not see the walker under [`access`] may still read them while a
/// break-glass of theirs is open (`store::CareStore::break_glass_clinic`), or,
/// if the walker left a clinic while the account was on their team, read what
/// was shared until they left (`store::ClinicStore::former_care`).
pub async fn access_at<S: Store>(
    store: &S,
    actor: &Actor,
    walker: WalkerId,
    now: jiff::Timestamp,
) -> ServiceResult<Access> {
    match access(store, actor, walker).await {
        Err(ServiceError::NotFound(m)) => match actor {
            Actor::Account { id, .. } => match store.break_glass_clinic(*id, walker, now).await? {
                Some(clinic) => Ok(Access { walker, grant: Grant::BreakGlass { account: *id, clinic } }),
                None => match store.former_care(*id).await?.into_iter().find(|f| f.walker == walker) {
                    Some(f) => {
                        Ok(Access { walker, grant: Grant::Former { account: *id, clinic: f.clinic, until: f.until } })
                    }
                    None => Err(ServiceError::NotFound(m)),
                },
            },
            Actor::Operator => Err(ServiceError::NotFound(m)),
        },
        other => other,
    }
}

/// The signed-in account's own walker, through the same rule.
pub async fn own<S: Store>(store: &S, actor: &Actor) -> ServiceResult<Access> {
    match actor {
        Actor::Account { walker, .. } => access(store, actor, *walker).await,
        Actor::Operator => Err(ServiceError::input("the operator has no walker of their own; choose one")),
    }
}

/// A secret calendar feed's walker: the feed's token is its own grant, for
/// the calendar alone (the feed handler reads nothing else with it).
pub async fn feed<S: Store>(store: &S, token_hash: &str) -> ServiceResult<Option<Access>> {
    Ok(store.walker_by_calendar_token(token_hash).await?.map(|walker| Access { walker, grant: Grant::Own }))
}

/// Writes in the walker's access log that a clinician reached their record:
/// a read or a write, and what (`"walker page"`, `"signed a restart"`). The
/// walker's own access and the operator's are logged elsewhere, if at all.
pub async fn log_clinician<S: Store>(
    store: &S,
    access: Access,
    write: bool,
    what: &str,
    client: &str,
    now: jiff::Timestamp,
) -> ServiceResult<()> {
    if let Grant::Clinician { account, .. } | Grant::BreakGlass { account, .. } | Grant::Former { account, .. } =
        access.grant
    {
        let kind = if write { SecurityKind::ClinicianWrite } else { SecurityKind::ClinicianRead };
        let event = SecurityEvent::new(kind, Some(account), client, what, now).about(access.walker);
        store.record_security_event(&event).await?;
    }
    Ok(())
}
