//! Clinics and the people in them: who may run a clinic, and the steps that
//! put a walker in a clinician's care. Whether a clinician then sees the
//! walker is the access rule's to say (`access`), on every request.

use crate::{Access, Actor, ServiceError, ServiceResult};
use coach::Code;
use jiff::Timestamp;
use store::{AccountId, Clinic, ClinicId, MemberRole, SecurityEvent, SecurityKind, Store};

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
    store.add_member(account, clinic, role, now).await?;
    let detail = format!("{} at clinic {clinic} (before: not a member)", role.as_str());
    log_change(store, actor, SecurityKind::MemberAdded, account, None, &detail, now).await
}

/// A role change in the access log: whose (`account`), by whom (the
/// operator's command line, or the signed-in admin), before and after.
async fn log_change<S: Store>(
    store: &S,
    actor: &Actor,
    kind: SecurityKind,
    account: AccountId,
    walker: Option<store::WalkerId>,
    detail: &str,
    now: Timestamp,
) -> ServiceResult<()> {
    let by = match actor {
        Actor::Operator => "cli".to_string(),
        Actor::Account { id, .. } => format!("account {id}"),
    };
    let mut event = SecurityEvent::new(kind, Some(account), &by, detail, now);
    if let Some(w) = walker {
        event = event.about(w);
    }
    Ok(store.record_security_event(&event).await?)
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
    let before: Vec<MemberRole> =
        store.memberships(account).await?.into_iter().filter(|m| m.clinic == clinic).map(|m| m.role).collect();
    let ended = store.end_membership(account, clinic, now).await?;
    if let Some(role) = before.first().filter(|_| ended) {
        let detail = format!("not a member of clinic {clinic} (before: {}; off its care teams)", role.as_str());
        log_change(store, actor, SecurityKind::MembershipEnded, account, None, &detail, now).await?;
    }
    Ok(ended)
}

/// The walker joins the clinic's care: `access` is the walker's own grant (or
/// the operator's), so no clinic can take a walker in on its own. The
/// walker's access log says so.
pub async fn join<S: Store>(
    store: &S,
    actor: &Actor,
    access: Access,
    clinic: ClinicId,
    client: &str,
    now: Timestamp,
) -> ServiceResult<()> {
    let Some(c) = store.clinics().await?.into_iter().find(|c| c.id == clinic) else {
        return Err(ServiceError::NotFound(format!("clinic {clinic} not found")));
    };
    store.connect(access.walker(), clinic, now).await?;
    log_care(store, actor, access, SecurityKind::CareJoined, &c.name, client, now).await
}

/// The walker leaves the clinic's care: nothing new reaches its clinicians
/// (the care team keeps what was shared until then, read only: `Grant::Former`).
pub async fn leave<S: Store>(
    store: &S,
    actor: &Actor,
    access: Access,
    clinic: ClinicId,
    client: &str,
    now: Timestamp,
) -> ServiceResult<bool> {
    let left = store.disconnect(access.walker(), clinic, now).await?;
    if left {
        let name = store.clinics().await?.into_iter().find(|c| c.id == clinic).map(|c| c.name).unwrap_or_default();
        log_care(store, actor, access, SecurityKind::CareLeft, &name, client, now).await?;
    }
    Ok(left)
}

/// A walker's joining or leaving a clinic, in their access log.
pub(crate) async fn log_care<S: Store>(
    store: &S,
    actor: &Actor,
    access: Access,
    kind: SecurityKind,
    clinic_name: &str,
    client: &str,
    now: Timestamp,
) -> ServiceResult<()> {
    let event = SecurityEvent::new(kind, actor.account_id(), client, clinic_name, now).about(access.walker());
    Ok(store.record_security_event(&event).await?)
}

/// The clinics the actor is a standing member of, with their role there.
pub async fn memberships<S: Store>(store: &S, actor: &Actor) -> ServiceResult<Vec<(Clinic, MemberRole)>> {
    let Some(id) = actor.account_id() else { return Ok(Vec::new()) };
    let clinics = store.clinics().await?;
    Ok(store
        .memberships(id)
        .await?
        .into_iter()
        .filter_map(|m| Some((clinics.iter().find(|c| c.id == m.clinic)?.clone(), m.role)))
        .collect())
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
        other => {
            other?;
            let detail = format!("on the care team at clinic {clinic}");
            log_change(store, actor, SecurityKind::CareTeamAdded, clinician, Some(walker), &detail, now).await
        }
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
    let removed = store.remove_from_care_team(walker, clinic, clinician, now).await?;
    if removed {
        let detail = format!("off the care team at clinic {clinic}");
        log_change(store, actor, SecurityKind::CareTeamRemoved, clinician, Some(walker), &detail, now).await?;
    }
    Ok(removed)
}

/// One row of a clinician's patient list: who, where they are, and what
/// needs looking at.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PatientRow {
    pub walker: store::WalkerId,
    pub name: String,
    pub week: u32,
    /// Today's backward walking in a line: the dose, "none today", or why it is paused.
    pub today: String,
    /// The same, as data, for a page to say in its reader's language.
    #[serde(skip)]
    pub today_is: coach::today::TodayIs,
    /// Sessions done of those due in the last 14 days, in percent; `None` while none was due.
    pub adherence_14d: Option<u32>,
    /// The latest day something was logged or checked in.
    pub last_activity: Option<jiff::civil::Date>,
    /// The coach's latest decision: its rule and its sentence.
    pub last_decision: Option<LastDecision>,
    /// Open flags, most urgent first.
    pub flags: Vec<coach::flags::Flag>,
    /// Flags a clinician has acknowledged, with their note: still true, no
    /// longer what sorts the row.
    pub acknowledged: Vec<Acknowledged>,
    /// Messages from the walker the care team has not read.
    pub unread: u64,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Acknowledged {
    pub flag: coach::flags::Flag,
    pub review: store::Review,
}

/// Which rows of the patient list to show: all, those with a flag raised by
/// one rule, those no clinician has opened this week, those whose name has
/// some words in it.
#[derive(Clone, Debug, Default)]
pub struct PatientFilter {
    /// A flag's rule (F-FALL …): rows with it open.
    pub flag: Option<String>,
    /// Rows whose walker page no clinician has opened in the last 7 days.
    pub not_seen_this_week: bool,
    /// Words in the name, any case.
    pub search: String,
    /// The page: rows skipped, and at most this many shown (all when unset).
    pub offset: usize,
    pub limit: Option<usize>,
}

impl PatientFilter {
    /// Keeps every row, from the first: what the list shows is every walker
    /// in care, up to the limit.
    fn shows_every_row(&self) -> bool {
        self.flag.is_none() && !self.not_seen_this_week && self.search.trim().is_empty() && self.offset == 0
    }

    fn keeps(&self, row: &PatientRow, seen_this_week: bool) -> bool {
        let name = row.name.to_lowercase();
        self.flag.as_ref().is_none_or(|rule| row.flags.iter().any(|f| f.rule.eq_ignore_ascii_case(rule)))
            && !(self.not_seen_this_week && seen_this_week)
            && self.search.split_whitespace().all(|w| name.contains(&w.to_lowercase()))
    }
}

/// Patient rows kept while a walker's version and date are unchanged (the
/// web app keeps one; the command line has none: [`NoCache`]). Every write
/// about a walker, reviews and messages included, moves their version.
pub trait RowCache {
    fn get(
        &self,
        walker: store::WalkerId,
        clinic: ClinicId,
        version: i64,
        today: jiff::civil::Date,
    ) -> Option<PatientRow>;
    fn put(&self, row: &PatientRow, clinic: ClinicId, version: i64, today: jiff::civil::Date);
}

/// No cache: every row is read afresh.
pub struct NoCache;

impl RowCache for NoCache {
    fn get(&self, _: store::WalkerId, _: ClinicId, _: i64, _: jiff::civil::Date) -> Option<PatientRow> {
        None
    }
    fn put(&self, _: &PatientRow, _: ClinicId, _: i64, _: jiff::civil::Date) {}
}

/// The words a clinician's read of the walker page is logged with; the
/// patient list's "not seen this week" looks for them.
pub const WALKER_PAGE: &str = "walker page";

#[derive(Clone, Debug, serde::Serialize)]
pub struct LastDecision {
    pub rule: String,
    pub reason: String,
    /// The day it took effect: with the rule, what an approval names.
    pub effective: jiff::civil::Date,
    /// A stop is reviewed by signing a restart, not approved or reverted.
    pub stopped: bool,
    /// A clinician approved it as it stands.
    pub approved: bool,
    /// What `reason` says, for the reader's language.
    #[serde(skip)]
    pub why: coach::why::Why,
}

/// The patient list: every walker the clinician cares for now, the most
/// urgent flag first (then the oldest), then the unflagged by name. Each row
/// is read through the access rule, like any other read, and the read is
/// recorded in each walker's access log (from `client`). `today_in` gives
/// today's date in a walker's time zone (the caller's clock).
pub async fn patients<S: Store>(
    store: &S,
    actor: &Actor,
    filter: &PatientFilter,
    cache: &impl RowCache,
    client: &str,
    now: Timestamp,
    today_in: impl Fn(&str) -> jiff::civil::Date,
) -> ServiceResult<PatientPage> {
    let Actor::Account { id: account, .. } = actor else {
        return Err(ServiceError::refused(Code::Invalid, "a patient list is a clinician's; name the clinician"));
    };
    // One entry for the page, naming every walker on it. A list that keeps
    // every row from the first (the clinician's everyday view) shows every
    // walker read, so the read may write its entry in the same statement.
    let entry = SecurityEvent::new(SecurityKind::ClinicianRead, Some(*account), client, "patient list", now);
    let shows_all = filter.shows_every_row();
    let most = filter.limit.unwrap_or(usize::MAX);
    let list = shows_all.then_some(store::ListEntry { entry: &entry, most });
    let (cared, logged) = crate::cared_for(store, actor, list).await?;
    let mut rows = Vec::new();
    let week_ago = now.checked_sub(jiff::SignedDuration::from_hours(24 * 7)).unwrap_or(now);
    for (access, care) in cared {
        let today = today_in(&care.time_zone);
        let row = match cache.get(care.walker, care.clinic, care.version, today) {
            Some(row) => row,
            None => {
                let row = patient_row(store, access, &today_in).await?;
                cache.put(&row, care.clinic, care.version, today);
                row
            }
        };
        // Only asked when the filter needs it: one indexed query per walker.
        let seen = filter.not_seen_this_week
            && store.last_read(care.walker, WALKER_PAGE).await?.is_some_and(|at| at >= week_ago);
        if filter.keeps(&row, seen) {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| {
        let top = |r: &PatientRow| r.flags.first().map(|f| (f.severity, f.since));
        match (top(a), top(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        }
    });
    let total = rows.len();
    let rows: Vec<PatientRow> = rows.into_iter().skip(filter.offset).take(filter.limit.unwrap_or(usize::MAX)).collect();
    // Only the walkers shown are read, and so logged.
    debug_assert!(!logged || rows.len() == total, "a list logged with its read shows every row");
    if !logged && !rows.is_empty() {
        store.record_security_event(&entry.listing(rows.iter().map(|r| r.walker).collect())).await?;
    }
    Ok(PatientPage { rows, total })
}

/// A page of the patient list, and how many rows the filter kept in all.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PatientPage {
    pub rows: Vec<PatientRow>,
    pub total: usize,
}

/// A clinician opens one walker's record (their page, or an action on it):
/// the access rule's grant, logged in the walker's access log as `what`. A
/// walker's own record is not opened this way (their own pages serve it), so
/// their own id answers like any other walker not in the asker's care.
pub async fn open_patient<S: Store>(
    store: &S,
    actor: &Actor,
    walker: store::WalkerId,
    write: bool,
    what: &str,
    client: &str,
    now: Timestamp,
) -> ServiceResult<Access> {
    let access = patient_grant(store, actor, walker, write, now).await?;
    crate::log_clinician(store, access, write, what, client, now).await?;
    Ok(access)
}

/// A clinician's read of one walker's record ([`open_patient`] for a read
/// that writes nothing). Where the database can, the access rule's own query
/// writes the entry as it grants care (`crate::care_logging`), so the
/// read costs no round trip of its own; else `read` runs while the entry is
/// written. Either way the entry is stored before anything is returned, so
/// nothing is shown that is not logged: a failed read keeps it (the record
/// was opened), and a failed entry fails the read.
pub async fn read_patient<S, T, E, Fut>(
    store: &S,
    actor: &Actor,
    walker: store::WalkerId,
    what: &str,
    client: &str,
    now: Timestamp,
    read: impl FnOnce(Access) -> Fut,
) -> Result<(Access, T), E>
where
    S: Store,
    E: From<ServiceError>,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    let (access, logged) = match crate::care_logging(store, actor, walker, what, client, now).await.map_err(E::from)? {
        Some(granted) => granted,
        // Not in the account's care (break-glass, former care, or nobody):
        // the rule's whole answer, then the entry beside the read.
        None => (patient_grant(store, actor, walker, false, now).await.map_err(E::from)?, false),
    };
    if logged {
        return Ok((access, read(access).await?));
    }
    let log = async { crate::log_clinician(store, access, false, what, client, now).await.map_err(E::from) };
    let (logged, value) = futures_util::future::join(log, read(access)).await;
    logged?;
    Ok((access, value?))
}

/// The access rule's grant for a clinician's read or write of one walker's
/// record, before anything is logged.
async fn patient_grant<S: Store>(
    store: &S,
    actor: &Actor,
    walker: store::WalkerId,
    write: bool,
    now: Timestamp,
) -> ServiceResult<Access> {
    let access = crate::access_at(store, actor, walker, now).await?;
    if access.grant() == crate::Grant::Own {
        return Err(ServiceError::NotFound("walker not found".into()));
    }
    if write && access.read_only() {
        let (why, said) = match access.grant() {
            crate::Grant::Former { .. } => (
                "this walker left your clinic's care: their record as it stood then is read only",
                "refusal.former_read_only",
            ),
            _ => (
                "break-glass opens a record to read: to act, ask the clinic to put you on the walker's care team",
                "refusal.break_glass_read_only",
            ),
        };
        return Err(ServiceError::refused(Code::Invalid, why).said(said, &[]));
    }
    Ok(access)
}

/// How long a break-glass stays open.
pub const BREAK_GLASS_MINUTES: i64 = 60;

/// A clinician of the walker's clinic who is not on their care team opens
/// the record, with a reason, to read for [`BREAK_GLASS_MINUTES`]. Logged in
/// the walker's access log (with the reason) and the clinic's, where its
/// admins read it.
pub async fn break_glass<S: Store>(
    store: &S,
    actor: &Actor,
    walker: store::WalkerId,
    reason: &str,
    client: &str,
    now: Timestamp,
) -> ServiceResult<store::BreakGlass> {
    let Actor::Account { id, .. } = actor else {
        return Err(ServiceError::refused(Code::Invalid, "break-glass is a clinician's, by their account"));
    };
    let ends_at = now
        .checked_add(jiff::SignedDuration::from_mins(BREAK_GLASS_MINUTES))
        .map_err(|e| ServiceError::input(format!("the break-glass end: {e}")))?;
    // The walker's clinics where the account is a standing clinician; the first serves.
    let mine: Vec<ClinicId> = store
        .memberships(*id)
        .await?
        .into_iter()
        .filter(|m| m.role == MemberRole::Clinician)
        .map(|m| m.clinic)
        .collect();
    let clinic = store.walker_clinics(walker).await?.into_iter().map(|c| c.id).find(|c| mine.contains(c));
    // Not one of the clinic's walkers answers like a walker that does not exist.
    let clinic = clinic.ok_or_else(|| ServiceError::NotFound("walker not found".into()))?;
    let reason = reason.trim();
    if reason.chars().count() < 10 {
        return Err(ServiceError::refused(
            Code::Required,
            "reason: say why you must open this record now, in a sentence (it is shown to the walker and your clinic)",
        )
        .said("refusal.break_glass_reason", &[]));
    }
    coach::text::check_text("reason", reason)?;
    let b = store::BreakGlass { walker, clinic, account: *id, reason: reason.into(), started_at: now, ends_at };
    store.open_break_glass(&b).await?;
    let event = SecurityEvent::new(SecurityKind::BreakGlass, Some(*id), client, reason, now).about(walker);
    store.record_security_event(&event).await?;
    Ok(b)
}

/// What a clinic's admins read: the clinic, its break-glasses, and its
/// members' reads and writes of walkers' records. The reading is logged.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ClinicLog {
    pub clinic: Clinic,
    pub break_glasses: Vec<store::BreakGlass>,
    pub events: Vec<ClinicEntry>,
}

/// One entry of a clinic's log: a list's entry names how many walkers it
/// showed (0 for any other), never which.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ClinicEntry {
    pub event: SecurityEvent,
    pub walkers_shown: usize,
}

/// The clinic's log, for a standing admin of it (or the operator).
pub async fn clinic_log<S: Store>(
    store: &S,
    actor: &Actor,
    clinic: ClinicId,
    limit: u32,
    client: &str,
    now: Timestamp,
) -> ServiceResult<ClinicLog> {
    may_manage(store, actor, clinic).await?;
    let found = store.clinics().await?.into_iter().find(|c| c.id == clinic);
    let clinic_row = found.ok_or_else(|| ServiceError::NotFound(format!("clinic {clinic} not found")))?;
    let read = SecurityEvent::new(SecurityKind::ClinicLogRead, actor.account_id(), client, &clinic_row.name, now);
    store.record_security_event(&read).await?;
    let mut events = store.clinic_events(clinic, limit).await?;
    // Admins see who changed which record, never the clinical values.
    for e in events.iter_mut().filter(|e| e.kind == SecurityKind::RecordChanged) {
        e.detail.truncate(e.detail.find(':').unwrap_or(e.detail.len()));
        e.change = None;
    }
    // A list names walkers of every clinic its clinician works for: the
    // admin sees how many, not who.
    let events = events
        .into_iter()
        .map(|mut event| {
            let walkers_shown = std::mem::take(&mut event.walkers).len();
            ClinicEntry { event, walkers_shown }
        })
        .collect();
    Ok(ClinicLog { break_glasses: store.clinic_break_glasses(clinic, limit).await?, events, clinic: clinic_row })
}

/// The walker's state if they have set up a programme (today in their zone).
/// For a former care team, the state as it stood the day the walker left:
/// nothing recorded after that day is in it.
pub async fn patient_state<S: Store>(
    store: &S,
    access: Access,
    today_in: impl Fn(&str) -> jiff::civil::Date,
) -> ServiceResult<Option<crate::State>> {
    let w = crate::walker(store, access).await?;
    let until = access.until().map(|t| crate::dates::local_date(t, &w.time_zone));
    let today = until.unwrap_or_else(|| today_in(&w.time_zone));
    let mut state = match crate::stage_for(store, access, w, today).await? {
        crate::Stage::Ready(s) => *s,
        _ => return Ok(None),
    };
    if let Some(day) = until {
        let h = &mut state.history;
        h.logs.retain(|l| l.date <= day);
        h.checkins.retain(|c| c.date <= day);
        h.overrides.retain(|o| o.effective <= day);
        state.outcomes.retain(|o| o.taken_on <= day);
        state.questionnaire_results.retain(|r| r.taken_on <= day);
        state.activities.retain(|a| a.activity.local_date <= day);
        state.motions.retain(|m| m.motion.session <= day);
    }
    Ok(Some(state))
}

/// Walkers who left the clinician's care, for a read-only look: id, name, when.
pub async fn former_patients<S: Store>(
    store: &S,
    actor: &Actor,
) -> ServiceResult<Vec<(store::WalkerId, String, Timestamp)>> {
    let Actor::Account { id, .. } = actor else { return Ok(Vec::new()) };
    let mut out: Vec<(store::WalkerId, String, Timestamp)> = Vec::new();
    for f in store.former_care(*id).await? {
        // Back in the care of a clinic of theirs, or listed already: not again.
        if store.care_clinic(*id, f.walker).await?.is_some() || out.iter().any(|(w, _, _)| *w == f.walker) {
            continue;
        }
        out.push((f.walker, store.walker(f.walker).await?.name, f.until));
    }
    Ok(out)
}

/// [`patient_row`] through the cache: one query for the walker's version.
pub async fn patient_row_cached<S: Store>(
    store: &S,
    access: Access,
    cache: &impl RowCache,
    today_in: impl Fn(&str) -> jiff::civil::Date,
) -> ServiceResult<PatientRow> {
    // A break-glass row counts no unread messages: it is not kept for the team.
    let crate::Grant::Clinician { clinic, .. } = access.grant() else {
        return patient_row(store, access, today_in).await;
    };
    let w = crate::walker(store, access).await?;
    let today = today_in(&w.time_zone);
    if let Some(row) = cache.get(w.id, clinic, w.version, today) {
        return Ok(row);
    }
    let row = patient_row(store, access, today_in).await?;
    cache.put(&row, clinic, w.version, today);
    Ok(row)
}

/// One walker's row, as the patient list and the walker page show it.
pub async fn patient_row<S: Store>(
    store: &S,
    access: Access,
    today_in: impl Fn(&str) -> jiff::civil::Date,
) -> ServiceResult<PatientRow> {
    let state = patient_state(store, access, &today_in).await?;
    patient_row_of(store, access, state.as_ref()).await
}

/// The row of a walker whose state the caller has loaded already (the
/// walker page shows both), or of one not set up yet (`None`).
pub async fn patient_row_of<S: Store>(
    store: &S,
    access: Access,
    state: Option<&crate::State>,
) -> ServiceResult<PatientRow> {
    let mut row = match state {
        Some(state) => row(state),
        // Not set up yet: listed, with nothing to flag but that.
        None => PatientRow {
            walker: access.walker(),
            name: crate::walker(store, access).await?.name,
            week: 0,
            today: "not started: no programme yet".into(),
            today_is: coach::today::TodayIs::NotStarted,
            adherence_14d: None,
            last_activity: None,
            last_decision: None,
            flags: Vec::new(),
            acknowledged: Vec::new(),
            unread: 0,
        },
    };
    let mut reviews = store.reviews(access.walker()).await?;
    if let Some(until) = access.until() {
        reviews.retain(|r| r.at <= until);
    }
    let (open, acked): (Vec<_>, Vec<_>) = std::mem::take(&mut row.flags).into_iter().partition(|f| {
        !reviews.iter().any(|r| r.subject == store::ReviewSubject::Flag && r.rule == f.rule && r.day == f.since)
    });
    row.flags = open;
    if let Some(d) = row.last_decision.as_mut() {
        d.approved = reviews
            .iter()
            .any(|r| r.subject == store::ReviewSubject::Decision && r.rule == d.rule && r.day == d.effective);
    }
    row.acknowledged = acked
        .into_iter()
        .filter_map(|flag| {
            let review = reviews
                .iter()
                .rev()
                .find(|r| r.subject == store::ReviewSubject::Flag && r.rule == flag.rule && r.day == flag.since)?;
            Some(Acknowledged { flag, review: review.clone() })
        })
        .collect();
    if let crate::Grant::Clinician { clinic, .. } = access.grant() {
        row.unread = store.unread(access.walker(), Some(clinic), store::Sender::CareTeam).await?;
    }
    Ok(row)
}

fn row(s: &crate::State) -> PatientRow {
    let schedule = s.schedule();
    let pause = s.pause();
    let timeline = s.timeline();
    let view = crate::today_with(s, &timeline);
    let flags = coach::flags::flags(&coach::flags::Facts {
        screen: &s.screen.outcome,
        fell: s.screen.answers.fell_during_programme,
        usual_pain: s.programme.setup.baseline_pain.value(),
        history: &s.history,
        schedule: &schedule,
        pause: pause.as_ref(),
        today: s.today,
        start: s.programme.start(),
        outcomes_due: s.outcomes_due().is_some(),
    });
    let fortnight = coach::dates::add_days(s.today, -14);
    let recent: Vec<_> = schedule.sessions.iter().filter(|d| d.date >= fortnight && d.date < s.today).collect();
    let done = recent.iter().filter(|d| d.status == coach::schedule::DayStatus::Done).count();
    let due = done + recent.iter().filter(|d| d.status == coach::schedule::DayStatus::Missed).count();
    let last_activity = s.history.last_day();
    PatientRow {
        walker: s.walker.id,
        name: s.walker.name.clone(),
        week: s.programme.week_of(s.today),
        today: match (&view.pause, &view.retro) {
            (Some(p), _) => p.headline.clone(),
            (None, Some(r)) => r.summary.clone(),
            (None, None) => "no backward walking today".into(),
        },
        today_is: match (&view.pause, &view.retro) {
            (Some(p), _) => coach::today::TodayIs::Paused(p.kind),
            (None, Some(r)) => coach::today::TodayIs::Dose {
                dose: r.dose,
                week: s.programme.week_of(s.today),
                supported_only: s.programme.limits.supported_only,
            },
            (None, None) => coach::today::TodayIs::Rest,
        },
        adherence_14d: (done * 100).checked_div(due).map(|p| p as u32),
        last_activity,
        last_decision: timeline.decisions.last().map(|d| LastDecision {
            rule: d.rule.clone(),
            reason: d.reason.clone(),
            effective: d.effective,
            stopped: d.action == coach::adaptation::Action::Stop,
            approved: false,
            why: d.why.clone(),
        }),
        flags,
        acknowledged: Vec::new(),
        unread: 0,
    }
}
