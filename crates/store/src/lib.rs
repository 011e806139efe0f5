//! retrowalk storage.
//!
//! One [`Store`] trait describes everything the app keeps. [`SqlStore`]
//! implements it on the embedded SQLite file (the default) and on PostgreSQL,
//! chosen by the URL. The two backends share the SQL (written in the common
//! dialect: `$n` parameters, `RETURNING`) and differ in their migrations and
//! connection set-up, which live in [`backend`]. One conformance suite, in
//! `tests/`, runs against both.

pub mod backend;
pub mod backup;
mod change_stamp;
mod codec;
mod error;
pub mod scratch;
mod sql_store;
pub mod stored;
mod types;

pub use backend::Backend;
pub use change_stamp::ChangeStamp;

/// When a request arrived, on the change-stamp watcher's clock.
#[derive(Clone, Copy, Debug)]
pub struct Arrival(u64);
pub use error::StoreError;
pub use sql_store::SqlStore;
pub use types::*;

/// Every store trait, for code that holds a [`SqlStore`]: `use store::prelude::*`.
pub mod prelude {
    pub use crate::{
        AccountStore, ArchiveStore, CareStore, ClinicStore, ImportStore, OutcomeStore, ProgrammeStore, ScreeningStore,
        SecondFactorStore, Store, WalkerStore,
    };
}

use coach::adaptation::Decision;
use coach::history::{CheckIn, History, Override, SessionLog};
use coach::screening::{Answers, Clearance, Outcome};
use coach::setup::Setup;
use jiff::Timestamp;
use std::future::Future;

pub type Result<T> = std::result::Result<T, StoreError>;

/// Everything retrowalk keeps, one trait per aggregate (below). Writes that
/// belong together are one transaction: a walker with their first screen and
/// programme; a session log with the decision it led to; a clearance with the
/// re-evaluated screen. Code generic over a store asks for `S: Store`; code
/// holding a [`SqlStore`] brings the methods into scope with
/// `use store::prelude::*`.
pub trait Store:
    WalkerStore
    + ScreeningStore
    + ProgrammeStore
    + OutcomeStore
    + ImportStore
    + ArchiveStore
    + AccountStore
    + ClinicStore
    + CareStore
    + SecondFactorStore
{
}

impl<T> Store for T where
    T: WalkerStore
        + ScreeningStore
        + ProgrammeStore
        + OutcomeStore
        + ImportStore
        + ArchiveStore
        + AccountStore
        + ClinicStore
        + CareStore
        + SecondFactorStore
{
}

/// A walker: create, find, rename, profile, calendar feed, delete.
pub trait WalkerStore: Send + Sync {
    fn backend(&self) -> Backend;

    /// Creates a walker with their screening and programme, all or nothing.
    fn create_walker(&self, new: &NewWalker, now: Timestamp) -> impl Future<Output = Result<WalkerIds>> + Send;
    fn walkers(&self) -> impl Future<Output = Result<Vec<Walker>>> + Send;
    fn walker(&self, id: WalkerId) -> impl Future<Output = Result<Walker>> + Send;
    /// Deletes a walker and everything recorded about them.
    fn delete_walker(&self, id: WalkerId) -> impl Future<Output = Result<()>> + Send;
    /// Sets the optional profile used for age-and-sex norms.
    fn set_profile(
        &self,
        id: WalkerId,
        birth_year: Option<i64>,
        sex: Option<coach::outcomes::Sex>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Renames the walker and sets the time zone their dates are kept in.
    fn update_walker(&self, id: WalkerId, name: &str, time_zone: &str) -> impl Future<Output = Result<()>> + Send;

    /// Gives the walker a new secret calendar feed; any earlier one stops working.
    fn set_calendar_token(
        &self,
        walker: WalkerId,
        token_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    fn walker_by_calendar_token(&self, token_hash: &str) -> impl Future<Output = Result<Option<WalkerId>>> + Send;
    /// Revokes the walker's calendar feed; true if there was one.
    fn revoke_calendar(&self, walker: WalkerId) -> impl Future<Output = Result<bool>> + Send;
}

/// Screenings and the clearances that answer them.
pub trait ScreeningStore: Send + Sync {
    /// Records a (re-)screening with its outcome.
    fn save_screening(
        &self,
        walker: WalkerId,
        answers: &Answers,
        outcome: &Outcome,
        now: Timestamp,
    ) -> impl Future<Output = Result<ScreeningId>> + Send;
    fn latest_screening(&self, walker: WalkerId) -> impl Future<Output = Result<Option<ScreeningRecord>>> + Send;
    fn screenings(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<ScreeningRecord>>> + Send;
    /// Records a clearance and the screen outcome it leads to, together (and
    /// `change` in the access log, as [`ProgrammeStore::add_override`]).
    fn save_clearance(
        &self,
        walker: WalkerId,
        clearance: &Clearance,
        answers: &Answers,
        outcome: &Outcome,
        change: Option<&SecurityEvent>,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    fn latest_clearance(&self, walker: WalkerId) -> impl Future<Output = Result<Option<Clearance>>> + Send;

    /// Every clearance recorded for the walker, oldest first.
    fn clearances(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<Clearance>>> + Send;
}

/// Programmes and their history: logs, check-ins, overrides and the decisions they led to.
pub trait ProgrammeStore: Send + Sync {
    /// Starts a new programme for the walker; it becomes the active one, and
    /// the walker's time zone becomes the programme's.
    fn save_programme(
        &self,
        walker: WalkerId,
        setup: &Setup,
        now: Timestamp,
    ) -> impl Future<Output = Result<ProgrammeId>> + Send;
    /// Changes the set-up of a programme, keeping its history, and the walker's
    /// time zone with it, together.
    fn update_programme(&self, programme: ProgrammeKey, setup: &Setup) -> impl Future<Output = Result<()>> + Send;
    fn active_programme(&self, walker: WalkerId) -> impl Future<Output = Result<Option<ProgrammeRecord>>> + Send;

    fn history(&self, programme: ProgrammeKey) -> impl Future<Output = Result<History>> + Send;
    /// Records a session and the decision it led to. A second log for the same
    /// date is refused with [`StoreError::Duplicate`].
    /// A re-screening caused by the log (a reported fall) is written in the
    /// same transaction.
    fn log_session(
        &self,
        programme: ProgrammeKey,
        log: &SessionLog,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    fn check_in(
        &self,
        programme: ProgrammeKey,
        checkin: &CheckIn,
        decision: &Decision,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// A clinician's entry and the decision it makes; `change`, when given,
    /// goes into the access log in the same transaction (what a clinician's
    /// change did, before and after).
    fn add_override(
        &self,
        programme: ProgrammeKey,
        o: &Override,
        decision: &Decision,
        change: Option<&SecurityEvent>,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Every decision recorded for the programme, oldest first.
    fn decisions(&self, programme: ProgrammeKey) -> impl Future<Output = Result<Vec<DecisionRecord>>> + Send;
}

/// Outcome measures and clinic questionnaires.
pub trait OutcomeStore: Send + Sync {
    /// Records an outcome result; when it changes the screen (a timed fall-risk
    /// test), the new screening is written in the same transaction.
    fn save_outcome(
        &self,
        walker: WalkerId,
        outcome: &OutcomeRecord,
        rescreen: Option<(&Answers, &Outcome)>,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Every outcome result for the walker, oldest first.
    fn outcomes(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<OutcomeRecord>>> + Send;

    /// Loads a questionnaire (for every walker on this server, or for one
    /// clinic's), replacing one with the same id loaded by the same owner;
    /// true if it replaced one. An id another owner loaded is refused with
    /// [`StoreError::Duplicate`]: ids are unique on the server.
    fn save_questionnaire(&self, q: &LoadedQuestionnaire) -> impl Future<Output = Result<bool>> + Send;
    /// Every loaded questionnaire (the server's and every clinic's), by title.
    fn questionnaires(&self) -> impl Future<Output = Result<Vec<LoadedQuestionnaire>>> + Send;
    /// A care team at `clinic` asks the walker for a measure or questionnaire
    /// beyond the schedule; one already standing is [`StoreError::Duplicate`].
    fn assign(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        item: &Assigned,
        by: AccountId,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Ends an assignment; false if none stood.
    fn unassign(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        item: &Assigned,
        now: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// The walker's standing assignments from the clinics whose care they are
    /// in now, oldest first.
    fn assignments(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<Assignment>>> + Send;
    /// Records a walker's answers and scores.
    fn save_questionnaire_result(
        &self,
        walker: WalkerId,
        result: &QuestionnaireResult,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// The walker's questionnaire results, oldest first.
    fn questionnaire_results(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<QuestionnaireResult>>> + Send;
}

/// Imported activity files and the walker's answers about them.
pub trait ImportStore: Send + Sync {
    /// Records an imported file and its activities in one transaction. The same
    /// file (by SHA-256) twice for a walker is refused with [`StoreError::Duplicate`].
    fn save_import(
        &self,
        walker: WalkerId,
        record: &ImportRecord,
        activities: &[coach::imports::Imported],
    ) -> impl Future<Output = Result<()>> + Send;
    /// The earlier import of a file with this SHA-256, if any.
    fn import_by_hash(
        &self,
        walker: WalkerId,
        sha256: &str,
    ) -> impl Future<Output = Result<Option<ImportRecord>>> + Send;
    /// Every imported activity, oldest first.
    fn activities(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<StoredActivity>>> + Send;
    /// Records a motion recording's analysis for a logged session, with the
    /// SHA-256 of the file it was read from: the same file twice for a
    /// walker is refused with [`StoreError::Duplicate`].
    fn save_motion(
        &self,
        walker: WalkerId,
        motion: &coach::motion::Motion,
        sha256: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// The recording kept from the file with this SHA-256, if any.
    fn motion_by_hash(
        &self,
        walker: WalkerId,
        sha256: &str,
    ) -> impl Future<Output = Result<Option<StoredMotion>>> + Send;
    /// Every motion recording's analysis, by session date, oldest first.
    fn motions(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<StoredMotion>>> + Send;
    /// Deletes one of the walker's motion recordings; `false` when the
    /// walker has none by that id.
    fn delete_motion(&self, walker: WalkerId, id: i64) -> impl Future<Output = Result<bool>> + Send;
    /// Records the walker's answer about an imported walk; when it was backward,
    /// the session log and its decision are written in the same transaction.
    fn confirm_activity(
        &self,
        walker: WalkerId,
        activity: &StoredActivity,
        session: Option<(ProgrammeId, &coach::history::SessionLog, &coach::adaptation::Decision)>,
        rescreen: Option<&Rescreen>,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
}

/// A walker as one archive: export, import, restore.
pub trait ArchiveStore: Send + Sync {
    /// Everything about a walker as one document.
    fn export_walker(&self, walker: WalkerId, now: Timestamp) -> impl Future<Output = Result<Archive>> + Send;
    /// Creates a new walker from an archive, all or nothing.
    fn import_walker(&self, archive: &Archive) -> impl Future<Output = Result<WalkerId>> + Send;
    /// Replaces an account's walker with one read from an archive, all or
    /// nothing: the old walker and their records are deleted.
    fn restore_account(&self, account: AccountId, archive: &Archive) -> impl Future<Output = Result<WalkerId>> + Send;
}

/// Accounts, web sessions, API tokens, reset codes, the sign-in throttle and the access log.
pub trait AccountStore: Send + Sync {
    /// Creates a walker and the account that owns it, together. A taken email
    /// is refused with [`StoreError::Duplicate`].
    fn create_account(&self, new: &NewAccount, now: Timestamp) -> impl Future<Output = Result<Account>> + Send;
    fn account(&self, id: AccountId) -> impl Future<Output = Result<Account>> + Send;
    fn account_by_email(&self, email: &str) -> impl Future<Output = Result<Option<Account>>> + Send;
    /// Every account, oldest first (for an operator).
    fn accounts(&self) -> impl Future<Output = Result<Vec<Account>>> + Send;
    /// Disables an account (and signs it out everywhere, and voids its reset
    /// codes) or enables it again, with the event, in one transaction. False
    /// if it already was so.
    fn set_account_disabled(
        &self,
        account: AccountId,
        disabled: bool,
        event: &SecurityEvent,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Adds several entries to the access log in one transaction (a list page names every walker shown).
    fn record_security_events(&self, events: &[SecurityEvent]) -> impl Future<Output = Result<()>> + Send;
    /// Adds to the access log, forgetting events older than [`SECURITY_EVENT_DAYS`].
    fn record_security_event(&self, event: &SecurityEvent) -> impl Future<Output = Result<()>> + Send;
    /// The latest events about a walker's records reached by others (a
    /// clinician's reads), newest first.
    fn walker_events(&self, walker: WalkerId, limit: u32) -> impl Future<Output = Result<Vec<SecurityEvent>>> + Send;
    /// The latest events, newest first: of one account, or of all.
    fn security_events(
        &self,
        account: Option<AccountId>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<SecurityEvent>>> + Send;
    fn create_session(
        &self,
        account: AccountId,
        token_hash: &str,
        csrf_token: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// The unexpired session with this token hash, of an account not disabled.
    fn session(&self, token_hash: &str, now: Timestamp) -> impl Future<Output = Result<Option<WebSession>>> + Send;
    fn delete_session(&self, token_hash: &str) -> impl Future<Output = Result<()>> + Send;
    fn create_api_token(
        &self,
        account: AccountId,
        token_hash: &str,
        name: &str,
        now: Timestamp,
        expires_at: Option<Timestamp>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// The account (not disabled) of an unexpired token; records the use (at
    /// most once a minute) on the token and in the access log.
    fn account_by_api_token(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<Option<Account>>> + Send;
    /// The account's tokens, newest first.
    fn api_tokens(&self, account: AccountId) -> impl Future<Output = Result<Vec<ApiToken>>> + Send;
    /// Revokes the account's token with this id; false if there is none.
    fn revoke_api_token(&self, account: AccountId, id: &str) -> impl Future<Output = Result<bool>> + Send;
    /// Records a failed sign-in or reset code under `scope` and a hashed key,
    /// forgetting failures older than a day.
    fn record_auth_failure(&self, scope: &str, key: &str, now: Timestamp) -> impl Future<Output = Result<()>> + Send;
    /// Failures under `scope` and `key` since `since`: how many, and the latest.
    fn auth_failures(
        &self,
        scope: &str,
        key: &str,
        since: Timestamp,
    ) -> impl Future<Output = Result<(u32, Option<Timestamp>)>> + Send;
    /// Forgets the failures under `scope` and `key` (after a success).
    fn clear_auth_failures(&self, scope: &str, key: &str) -> impl Future<Output = Result<()>> + Send;
    /// Ends every web session and revokes every API token of the account, in one transaction.
    fn sign_out_everywhere(&self, account: AccountId) -> impl Future<Output = Result<()>> + Send;
    fn create_reset_code(
        &self,
        account: AccountId,
        code_hash: &str,
        expires_at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Spends an unexpired reset code: sets the new password and signs the
    /// account out everywhere, in one transaction. `None` if the code is unknown
    /// or expired.
    fn reset_password(
        &self,
        code_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<Option<AccountId>>> + Send;
}

/// Two-factor sign-in: a TOTP secret per account, one-time recovery codes,
/// and sessions that have passed the second factor.
pub trait SecondFactorStore: Send + Sync {
    /// The account's TOTP secret (base32), if it has one, enrolled or not.
    fn totp_secret(&self, account: AccountId) -> impl Future<Output = Result<Option<String>>> + Send;
    /// Starts enrolment with a new secret (not in use until confirmed);
    /// refused while one is in use.
    fn start_totp(&self, account: AccountId, secret: &str) -> impl Future<Output = Result<()>> + Send;
    /// Puts the enrolled secret in use with new recovery codes (hashed), and
    /// marks the session that confirmed it as passed, in one transaction.
    fn enable_totp(
        &self,
        account: AccountId,
        recovery_hashes: &[String],
        session: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Stops asking for a code (an operator's reset): the secret and the
    /// recovery codes are forgotten.
    fn disable_totp(&self, account: AccountId) -> impl Future<Output = Result<bool>> + Send;
    /// Accepts a code's time step once: false if this step (or a later one)
    /// was already used.
    fn accept_totp_step(&self, account: AccountId, step: i64) -> impl Future<Output = Result<bool>> + Send;
    /// Spends an unused recovery code; false if there is none with this hash.
    fn use_recovery_code(
        &self,
        account: AccountId,
        code_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Recovery codes left unused.
    fn recovery_codes_left(&self, account: AccountId) -> impl Future<Output = Result<u32>> + Send;
    /// Marks the session as having passed the second factor.
    fn pass_second_factor(&self, token_hash: &str, now: Timestamp) -> impl Future<Output = Result<()>> + Send;
}

/// Clinics, their members, and the walkers in their care. Every membership,
/// relationship and care-team place has a start and, once over, an end; ended
/// rows stay as history. [`ClinicStore::care_clinic`] is the query the access
/// rule asks on every request.
pub trait ClinicStore: Send + Sync {
    fn create_clinic(&self, name: &str, now: Timestamp) -> impl Future<Output = Result<ClinicId>> + Send;
    /// Every clinic, oldest first.
    fn clinics(&self) -> impl Future<Output = Result<Vec<Clinic>>> + Send;
    /// Makes the account a member of the clinic in `role` (and gives a
    /// walker's account that role). A standing membership of the same clinic
    /// is refused with [`StoreError::Duplicate`].
    fn add_member(
        &self,
        account: AccountId,
        clinic: ClinicId,
        role: MemberRole,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Ends the account's membership (and its places on the clinic's care
    /// teams); false if it had none.
    fn end_membership(
        &self,
        account: AccountId,
        clinic: ClinicId,
        now: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// The account's standing memberships.
    fn memberships(&self, account: AccountId) -> impl Future<Output = Result<Vec<Membership>>> + Send;
    /// Whether the walker's account is or was ever a member of a clinic
    /// (staff): the access log names it, so it is kept.
    fn ever_staff(&self, walker: WalkerId) -> impl Future<Output = Result<bool>> + Send;
    /// Whether the walker is or ever was in a clinic's care: the clinic keeps
    /// what was shared, so the record cannot be replaced by a restore.
    fn ever_in_care(&self, walker: WalkerId) -> impl Future<Output = Result<bool>> + Send;
    /// The clinic's standing members, admins first, then in the order they joined.
    fn clinic_members(&self, clinic: ClinicId) -> impl Future<Output = Result<Vec<Membership>>> + Send;
    /// Puts the walker in the clinic's care (once they have accepted). A standing
    /// relationship with the same clinic is refused with [`StoreError::Duplicate`].
    fn connect(&self, walker: WalkerId, clinic: ClinicId, now: Timestamp) -> impl Future<Output = Result<()>> + Send;
    /// Ends the walker's relationship with the clinic, and its care team; false if there was none.
    fn disconnect(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        now: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Puts a clinician of the clinic on the walker's care team there: the
    /// walker must be in the clinic's care and the account a standing
    /// clinician member, else [`StoreError::NotFound`].
    fn add_to_care_team(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        account: AccountId,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Takes the account off the walker's care team there; false if it was not on it.
    fn remove_from_care_team(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        account: AccountId,
        now: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Whether the account looks after the walker now: a standing clinician
    /// member of a clinic the walker is in the care of, on the walker's care
    /// team there.
    /// The clinic through which it does (the first, if several), or `None`.
    fn care_clinic(
        &self,
        account: AccountId,
        walker: WalkerId,
    ) -> impl Future<Output = Result<Option<ClinicId>>> + Send;
    /// [`ClinicStore::care_clinic`], and where the database can (PostgreSQL)
    /// the same statement writes `entry` (a clinician's read of that walker)
    /// when the account does look after them: the flag says it did. A read
    /// then costs its entry no round trip of its own; otherwise (the flag is
    /// false) the caller writes the entry.
    fn care_clinic_logged(
        &self,
        account: AccountId,
        walker: WalkerId,
        entry: &SecurityEvent,
    ) -> impl Future<Output = Result<(Option<ClinicId>, bool)>> + Send;
    /// Walkers who left the care of a clinic while the account was on their
    /// care team there (and still is the clinic's clinician), with when they
    /// left, newest first: the clinic keeps reading what was shared until then.
    fn former_care(&self, account: AccountId) -> impl Future<Output = Result<Vec<FormerCare>>> + Send;
    /// The same walkers with the clinic of the care (the first) and each
    /// walker's version, in one query: what a cached patient list checks.
    ///
    /// With `list`, the access-log entry of a list that would show every one
    /// of them: where the database can (PostgreSQL), the same statement
    /// writes it, naming them all, when they number from 1 to `most`, and
    /// the answer's flag says it did. A list's entry then costs no round trip
    /// of its own. Otherwise (the flag is false) the caller writes its entry.
    fn in_care_of_versions(
        &self,
        account: AccountId,
        list: Option<ListEntry<'_>>,
    ) -> impl Future<Output = Result<(Vec<CareRow>, bool)>> + Send;
    /// Every walker the account cares for now (as [`ClinicStore::care_clinic`]), by id.
    fn in_care_of(&self, account: AccountId) -> impl Future<Output = Result<Vec<WalkerId>>> + Send;
}

/// The clinician's work on a walker's record besides the dose: reviews of what
/// the coach raised, messages, and the invitations that start the care.
pub trait CareStore: Send + Sync {
    /// Adds a review to the walker's history.
    fn add_review(&self, walker: WalkerId, review: &Review) -> impl Future<Output = Result<()>> + Send;
    /// The walker's reviews, oldest first.
    fn reviews(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<Review>>> + Send;
    /// Adds a message to the thread between the walker and the clinic.
    fn send_message(&self, message: &Message) -> impl Future<Output = Result<()>> + Send;
    /// The thread between the walker and the clinic, oldest first.
    fn thread(&self, walker: WalkerId, clinic: ClinicId) -> impl Future<Output = Result<Vec<Message>>> + Send;
    /// Marks the messages of the thread from the other side of `reader` read;
    /// how many were unread.
    fn mark_read(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        reader: Sender,
        now: Timestamp,
    ) -> impl Future<Output = Result<u64>> + Send;
    /// Messages to `reader` not read yet: to the walker from every clinic
    /// (`clinic` None), or to one clinic's care team from the walker.
    fn unread(
        &self,
        walker: WalkerId,
        clinic: Option<ClinicId>,
        reader: Sender,
    ) -> impl Future<Output = Result<u64>> + Send;
    /// Adds clinician minutes to the walker's record.
    fn add_minutes(&self, entry: &MonitoringEntry) -> impl Future<Output = Result<()>> + Send;
    /// The clinic's minutes on the walker from `from` to `to` (both included), oldest first.
    fn minutes(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        from: jiff::civil::Date,
        to: jiff::civil::Date,
    ) -> impl Future<Output = Result<Vec<MonitoringEntry>>> + Send;
    /// When the walker's standing relationship with the clinic began.
    fn care_since(&self, walker: WalkerId, clinic: ClinicId) -> impl Future<Output = Result<Option<Timestamp>>> + Send;
    /// The walkers in the clinic's care now, by id.
    fn clinic_walkers(&self, clinic: ClinicId) -> impl Future<Output = Result<Vec<WalkerId>>> + Send;
    /// The clinics the walker is in the care of now, oldest relationship first.
    fn walker_clinics(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<Clinic>>> + Send;
    /// Opens the walker's record to a clinician of a clinic the walker is in
    /// the care of, until `ends_at`; [`StoreError::NotFound`] unless the account
    /// is a standing clinician member there and the walker in its care.
    fn open_break_glass(&self, b: &BreakGlass) -> impl Future<Output = Result<()>> + Send;
    /// The clinic of an open break-glass of the account's on the walker, at
    /// `now`, while membership and care still stand.
    fn break_glass_clinic(
        &self,
        account: AccountId,
        walker: WalkerId,
        now: Timestamp,
    ) -> impl Future<Output = Result<Option<ClinicId>>> + Send;
    /// Every break-glass on the walker's record, newest first.
    fn break_glasses(&self, walker: WalkerId) -> impl Future<Output = Result<Vec<BreakGlass>>> + Send;
    /// The clinic's break-glasses, newest first, at most `limit`.
    fn clinic_break_glasses(
        &self,
        clinic: ClinicId,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<BreakGlass>>> + Send;
    /// The access log of the clinic's members (past and present) about
    /// walkers who are or were in the clinic's care, newest first: what its
    /// admins read (not what a member did for another clinic elsewhere).
    fn clinic_events(&self, clinic: ClinicId, limit: u32) -> impl Future<Output = Result<Vec<SecurityEvent>>> + Send;
    /// When someone last opened the walker's page with this detail (a
    /// clinician's `clinician_read`), if ever.
    fn last_read(&self, walker: WalkerId, detail: &str) -> impl Future<Output = Result<Option<Timestamp>>> + Send;
    /// Stores an invitation (its code hashed).
    fn create_invitation(&self, code_hash: &str, invitation: &Invitation) -> impl Future<Output = Result<()>> + Send;
    /// The unexpired, unused invitation with this code hash.
    fn invitation(&self, code_hash: &str, now: Timestamp) -> impl Future<Output = Result<Option<Invitation>>> + Send;
    /// Spends the invitation for the walker, in one transaction: puts them in
    /// the clinic's care (unless they are already) and the inviter on their
    /// care team if the inviter is a clinician there. `None` if the code is
    /// unknown, expired or used.
    fn accept_invitation(
        &self,
        code_hash: &str,
        walker: WalkerId,
        now: Timestamp,
    ) -> impl Future<Output = Result<Option<ClinicId>>> + Send;
    /// Spends a staff invitation for the account, in one transaction: a
    /// membership in the invitation's role (and the account's role, if it was
    /// a walker's). `None` if the code is unknown, expired, used or not a staff
    /// invitation; [`StoreError::Duplicate`] if the account is a member already.
    fn accept_staff_invitation(
        &self,
        code_hash: &str,
        account: AccountId,
        now: Timestamp,
    ) -> impl Future<Output = Result<Option<(ClinicId, MemberRole)>>> + Send;
}
