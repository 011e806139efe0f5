//! Identifiers and records the store hands out.

use coach::adaptation::Decision;
use coach::screening::{Answers, Outcome};
use coach::setup::Setup;
use jiff::Timestamp;
use serde::Serialize;

macro_rules! id {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id!(WalkerId, ScreeningId, ProgrammeId, AccountId, ClinicId);

#[derive(Clone, Debug, PartialEq)]
pub struct Walker {
    pub id: WalkerId,
    pub name: String,
    pub time_zone: String,
    pub created_at: Timestamp,
    /// Bumped by every write about this walker (see migration 3).
    pub version: i64,
    /// Optional, for age-and-sex norms only.
    pub birth_year: Option<i64>,
    pub sex: Option<coach::outcomes::Sex>,
}

/// A new walker with the screen and set-up that come with them.
#[derive(Clone, Debug)]
pub struct NewWalker {
    pub name: String,
    pub answers: Answers,
    pub outcome: Outcome,
    pub setup: Setup,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WalkerIds {
    pub walker: WalkerId,
    pub screening: ScreeningId,
    pub programme: ProgrammeId,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScreeningRecord {
    pub id: ScreeningId,
    pub answers: Answers,
    pub outcome: Outcome,
    pub created_at: Timestamp,
}

/// A new screening written together with the fact that caused it: a fall
/// reported in a session log or check-in makes the walker supported-only.
#[derive(Clone, Debug, PartialEq)]
pub struct Rescreen {
    pub walker: WalkerId,
    pub answers: Answers,
    pub outcome: Outcome,
}

/// A programme with the walker it belongs to. The store's programme-scoped
/// reads and writes take this and find nothing (`NotFound`) when the
/// programme is not that walker's, so a programme id alone reaches nobody.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgrammeKey {
    pub walker: WalkerId,
    pub programme: ProgrammeId,
}

impl std::fmt::Display for ProgrammeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "programme {} of walker {}", self.programme, self.walker)
    }
}

impl WalkerIds {
    pub fn key(&self) -> ProgrammeKey {
        ProgrammeKey { walker: self.walker, programme: self.programme }
    }
}

impl ProgrammeRecord {
    pub fn key(&self) -> ProgrammeKey {
        ProgrammeKey { walker: self.walker, programme: self.id }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeRecord {
    pub id: ProgrammeId,
    pub walker: WalkerId,
    pub setup: Setup,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DecisionRecord {
    /// What led to it: `log`, `checkin` or `override`.
    pub cause: String,
    pub decision: Decision,
    pub created_at: Timestamp,
}

/// What an account is on this server (`accounts.role`). Read by the access
/// rule (`service::access`); clinic mode adds memberships beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Sees their own walker only.
    Walker,
    /// Sees the walkers in their care (clinic mode).
    Clinician,
    /// Manages a clinic's people; no clinical data.
    Admin,
}

coach::named!(Role, "role", "a known role", { Walker => "walker", Clinician => "clinician", Admin => "admin" });

/// An account's role in one clinic (`memberships.role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// Looks after the walkers whose care team they are on.
    Clinician,
    /// Manages the clinic's people and settings; sees no clinical data.
    Admin,
}

coach::named!(MemberRole, "role", "a clinic role (clinician or admin)", { Clinician => "clinician", Admin => "admin" });

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Clinic {
    pub id: ClinicId,
    pub name: String,
    pub created_at: Timestamp,
}

/// A walker in an account's care, as a patient list needs it before loading
/// anything: the clinic of the care, the walker's version and time zone.
#[derive(Clone, Debug, PartialEq)]
pub struct CareRow {
    pub walker: WalkerId,
    pub clinic: ClinicId,
    pub version: i64,
    pub time_zone: String,
}

/// The access-log entry a patient list writes with its read (see
/// [`ClinicStore::in_care_of_versions`](crate::ClinicStore::in_care_of_versions)):
/// the entry without its walkers, and how many rows the list shows at most.
#[derive(Clone, Copy, Debug)]
pub struct ListEntry<'a> {
    pub entry: &'a SecurityEvent,
    pub most: usize,
}

/// A walker who left a clinic's care while the account looked after them.
#[derive(Clone, Debug, PartialEq)]
pub struct FormerCare {
    pub walker: WalkerId,
    pub clinic: ClinicId,
    /// When they left: the clinic sees what was shared up to then, nothing after.
    pub until: Timestamp,
}

/// An account's standing membership of a clinic.
#[derive(Clone, Debug, PartialEq)]
pub struct Membership {
    pub account: AccountId,
    pub clinic: ClinicId,
    pub role: MemberRole,
    pub since: Timestamp,
}

/// What a clinician's review is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewSubject {
    /// A flag on the patient list, acknowledged.
    Flag,
    /// A decision of the coach, approved as it stands.
    Decision,
}

coach::named!(ReviewSubject, "subject", "flag or decision", { Flag => "flag", Decision => "decision" });

/// A clinician's review of something the coach raised: which rule, on which
/// day (a flag's first day, a decision's effective day), by whom, and their note.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    pub subject: ReviewSubject,
    pub rule: String,
    pub day: jiff::civil::Date,
    pub account: AccountId,
    pub clinic: ClinicId,
    pub note: String,
    pub at: Timestamp,
}

/// Who wrote a message: the walker, or someone of their care team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sender {
    Walker,
    CareTeam,
}

coach::named!(Sender, "sender", "walker or care_team", { Walker => "walker", CareTeam => "care_team" });

/// One message of the thread between a walker and a clinic's care team.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    pub walker: WalkerId,
    pub clinic: ClinicId,
    /// The account that wrote it.
    pub account: AccountId,
    pub sender: Sender,
    pub body: String,
    pub at: Timestamp,
    /// When the other side first read it.
    pub read_at: Option<Timestamp>,
}

/// A clinician's emergency opening of a record they do not look after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakGlass {
    pub walker: WalkerId,
    pub clinic: ClinicId,
    pub account: AccountId,
    pub reason: String,
    pub started_at: Timestamp,
    pub ends_at: Timestamp,
}

/// Minutes a clinician spent on a walker's record on one day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonitoringEntry {
    pub walker: WalkerId,
    pub clinic: ClinicId,
    pub account: AccountId,
    pub day: jiff::civil::Date,
    pub minutes: u32,
    /// `timer` (the walker page's) or `manual`.
    pub source: String,
    pub note: String,
    pub at: Timestamp,
}

/// An invitation to join a clinic's care, found by its code.
#[derive(Clone, Debug, PartialEq)]
pub struct Invitation {
    pub clinic: ClinicId,
    /// The member who invited; a clinician joins the walker's care team with the walker.
    pub invited_by: AccountId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    /// The walker who accepted it, once used.
    pub accepted_by: Option<WalkerId>,
    /// An invitation to work at the clinic in this role (from its admin);
    /// `None`: to join its care, as a walker.
    pub role: Option<MemberRole>,
}

/// A sign-in identity. Each account owns exactly one walker.
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub id: AccountId,
    pub walker: WalkerId,
    /// Lower-cased.
    pub email: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    pub role: Role,
    pub created_at: Timestamp,
    /// Set by an operator (`retrowalk user disable`): no sign-in, token or reset.
    pub disabled_at: Option<Timestamp>,
    /// Since when sign-in asks for a TOTP code too.
    pub two_factor_since: Option<Timestamp>,
}

#[derive(Clone, Debug)]
pub struct NewAccount {
    pub email: String,
    pub password_hash: String,
    pub name: String,
    pub time_zone: String,
}

/// A signed-in browser session, found by the hash of its cookie token.
#[derive(Clone, Debug, PartialEq)]
pub struct WebSession {
    pub account: Account,
    /// The walker's version now: a cache of their state is current while it matches.
    pub walker_version: i64,
    pub csrf_token: String,
    pub expires_at: Timestamp,
    /// This session has passed the second factor (a TOTP or recovery code).
    pub second_factor: bool,
}

/// An API token as its owner sees it; the token itself is never stored.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ApiToken {
    /// The first 12 hex digits of the token's hash: enough to name it, useless to use it.
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
    /// To the minute: the lookup records a use at most once a minute.
    pub last_used_at: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
}

/// Characters of a token hash that name it in lists and revocations.
pub const TOKEN_ID_LEN: usize = 12;

/// One outcome result.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OutcomeRecord {
    pub measure: coach::outcomes::Measure,
    /// In the measure's unit (the 40-metre walk as m/s).
    pub value: f64,
    pub taken_on: jiff::civil::Date,
    /// Extra parts as JSON (the activities and their ratings), or empty.
    #[serde(default)]
    pub detail: String,
}

/// A questionnaire a clinic loaded, with the definition that scores it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LoadedQuestionnaire {
    pub questionnaire: coach::questionnaire::Questionnaire,
    pub scoring: coach::questionnaire::Scoring,
    pub loaded_at: Timestamp,
    /// The clinic that loaded it, for the walkers its care teams assign it
    /// to; `None`: the operator loaded it for every walker on the server.
    /// (Not part of a serialized copy: who owns it is the server's to know.)
    #[serde(skip)]
    pub clinic: Option<ClinicId>,
}

/// What a care team asks of a walker beyond the standard outcome schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "item", rename_all = "snake_case")]
pub enum Assigned {
    Measure(coach::outcomes::Measure),
    /// A loaded questionnaire, by id.
    Questionnaire(String),
}

impl Assigned {
    /// The stored kind and item (`assignments.kind`, `assignments.item`).
    pub fn parts(&self) -> (&'static str, &str) {
        match self {
            Assigned::Measure(m) => ("measure", m.as_str()),
            Assigned::Questionnaire(id) => ("questionnaire", id),
        }
    }
}

/// A standing assignment: which clinic's care team asked, who, and when.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assignment {
    pub clinic: ClinicId,
    pub item: Assigned,
    pub by: AccountId,
    pub at: Timestamp,
}

/// A walker's answers to a loaded questionnaire and the scores they gave.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuestionnaireResult {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// Title and version as they were when it was taken.
    pub title: String,
    pub version: String,
    pub taken_on: jiff::civil::Date,
    pub answers: coach::questionnaire::Answers,
    pub scores: Vec<coach::questionnaire::SubscaleScore>,
}

/// A file brought in by `import`: what it was and what was said about it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportRecord {
    /// Hex SHA-256 of the file's bytes: the same file is the same import.
    pub sha256: String,
    pub file_name: String,
    /// `fit`, `gpx` or `tcx`.
    pub format: String,
    /// `activities`, or what the file was instead ("a FIT settings file").
    pub content: String,
    pub warnings: Vec<String>,
    pub imported_at: Timestamp,
}

/// An imported activity as stored, with its id and the file it came from.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoredActivity {
    pub id: i64,
    pub file_name: String,
    pub activity: coach::imports::Imported,
}

/// A motion recording's analysis as kept, with the id that names it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredMotion {
    pub id: i64,
    pub motion: coach::motion::Motion,
}

/// An import in the archive: the file's record and its activities.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchivedImport {
    pub record: ImportRecord,
    pub activities: Vec<coach::imports::Imported>,
}

/// A walker's whole record as one document: what `export` writes and
/// `import_walker` reads back. Its file format is the store's own
/// (`stored::ArchiveV1`), converted at (de)serialisation, so a change to a
/// coach type does not change what a walker's exported file holds.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "crate::stored::ArchiveV1", try_from = "crate::stored::ArchiveV1")]
pub struct Archive {
    /// Always `retrowalk-archive`.
    pub format: String,
    pub version: u32,
    pub exported_at: Timestamp,
    pub walker: ArchivedWalker,
    pub screenings: Vec<ArchivedScreening>,
    pub clearances: Vec<coach::screening::Clearance>,
    pub programme: Option<Setup>,
    pub sessions: Vec<coach::history::SessionLog>,
    pub checkins: Vec<coach::history::CheckIn>,
    pub overrides: Vec<coach::history::Override>,
    pub decisions: Vec<ArchivedDecision>,
    pub outcomes: Vec<OutcomeRecord>,
    pub questionnaire_results: Vec<QuestionnaireResult>,
    pub imports: Vec<ArchivedImport>,
    /// The sessions' motion recordings, analysed (never the samples).
    pub motions: Vec<coach::motion::Motion>,
}

pub const ARCHIVE_FORMAT: &str = "retrowalk-archive";
pub const ARCHIVE_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct ArchivedWalker {
    pub name: String,
    pub time_zone: String,
    pub created_at: Timestamp,
    pub birth_year: Option<i64>,
    pub sex: Option<coach::outcomes::Sex>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArchivedScreening {
    pub answers: Answers,
    pub outcome: Outcome,
    pub recorded_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArchivedDecision {
    pub cause: String,
    pub decision: Decision,
    pub recorded_at: Timestamp,
}

/// What a security event records. Stored and shown by [`SecurityKind::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SecurityKind {
    SignIn,
    SignInFailed,
    SignOut,
    SignOutEverywhere,
    ResetCodeIssued,
    ResetCodeFailed,
    PasswordReset,
    TokenCreated,
    TokenRevoked,
    TokenUsed,
    Export,
    Restore,
    Backup,
    AccountCreated,
    AccountDeleted,
    AccountDisabled,
    AccountEnabled,
    /// A clinician read a walker's records (the patient list names each walker shown).
    ClinicianRead,
    /// A clinician wrote to a walker's record (signed, changed the dose, reviewed, wrote).
    ClinicianWrite,
    /// A walker joined a clinic's care, or left it.
    CareJoined,
    CareLeft,
    /// Two-factor sign-in turned on, a wrong code, a recovery code spent, a reset by the operator.
    SecondFactorEnabled,
    SecondFactorFailed,
    RecoveryCodeUsed,
    SecondFactorReset,
    /// A clinician opened a record they do not look after, with a reason (break-glass).
    BreakGlass,
    /// A clinic admin read the clinic's access log.
    ClinicLogRead,
    /// Role changes: an account became a member of a clinic, or stopped being one.
    MemberAdded,
    MembershipEnded,
    /// A clinician put on or taken off a walker's care team.
    CareTeamAdded,
    CareTeamRemoved,
    /// What a clinician's change did to a walker's programme: the dose or
    /// the screening's status before and after.
    RecordChanged,
    /// The operator deleted one of a walker's motion recordings (the
    /// walker's own deletions are theirs and not logged).
    RecordingDeleted,
}

coach::named!(SecurityKind, "event", "a known event", {
    SignIn => "sign_in",
    SignInFailed => "sign_in_failed",
    SignOut => "sign_out",
    SignOutEverywhere => "sign_out_everywhere",
    ResetCodeIssued => "reset_code_issued",
    ResetCodeFailed => "reset_code_failed",
    PasswordReset => "password_reset",
    TokenCreated => "token_created",
    TokenRevoked => "token_revoked",
    TokenUsed => "token_used",
    Export => "export",
    Restore => "restore",
    Backup => "backup",
    AccountCreated => "account_created",
    AccountDeleted => "account_deleted",
    AccountDisabled => "account_disabled",
    AccountEnabled => "account_enabled",
    ClinicianRead => "clinician_read",
    ClinicianWrite => "clinician_write",
    CareJoined => "care_joined",
    CareLeft => "care_left",
    SecondFactorEnabled => "second_factor_enabled",
    SecondFactorFailed => "second_factor_failed",
    RecoveryCodeUsed => "recovery_code_used",
    SecondFactorReset => "second_factor_reset",
    BreakGlass => "break_glass",
    ClinicLogRead => "clinic_log_read",
    MemberAdded => "member_added",
    MembershipEnded => "membership_ended",
    CareTeamAdded => "care_team_added",
    CareTeamRemoved => "care_team_removed",
    RecordChanged => "record_changed",
    RecordingDeleted => "recording_deleted",
});

/// What a clinician's change did to a walker's programme: what was changed
/// (an override's kind, `restart`, `clearance`…), and how the programme
/// stood before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordChange {
    pub what: String,
    pub before: Standing,
    pub after: Standing,
}

/// How a walker's programme stands on a day, for the before and after of a change.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// The dose in force, said for its programme week.
    Dose { dose: coach::dose::Dose, week: u32, supported_only: bool },
    /// No dose while training is paused (`kind` as `coach::pause` names it).
    Paused { kind: String, rule: String },
    /// No dose, and nothing pausing it.
    NoDose,
    /// The screening's outcome (`coach::screening::Status` by name): what a clearance changes.
    Screening { status: String },
}

impl RecordChange {
    /// The change in English, as the access log's detail has always said it.
    pub fn english(&self) -> String {
        format!("{}: before: {}; after: {}", self.what, self.before.english(), self.after.english())
    }
}

impl Standing {
    pub fn english(&self) -> String {
        match self {
            Standing::Dose { dose, week, supported_only } => dose.summary(*week, *supported_only),
            Standing::Paused { kind, rule } => format!("no dose ({kind}, {rule})"),
            Standing::NoDose => "no dose".into(),
            Standing::Screening { status } => status.clone(),
        }
    }
}

/// One entry of the access log: what happened, to which account, from where
/// (a client address, or `cli`), and a short detail (a token's id, an
/// export's format). No health data, but in one kind: `record_changed` holds
/// the before and after of a clinician's change to a walker's programme, is
/// shown only to the walker and the operator, and is deleted with the walker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecurityEvent {
    pub at: Timestamp,
    pub kind: SecurityKind,
    pub account: Option<AccountId>,
    /// The walker whose records were reached, when someone other than the
    /// walker did (a clinician): what the walker's "who has seen my data" lists.
    pub walker: Option<WalkerId>,
    /// Every walker a list showed: one entry for the whole list. Read back
    /// through [`crate::AccountStore::walker_events`], the entry also names
    /// that walker in `walker`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub walkers: Vec<WalkerId>,
    pub client: String,
    pub detail: String,
    /// A `record_changed` entry's change as data, for saying it in the
    /// reader's language (`detail` is its English sentence, which the
    /// exports carry). `None` for every other entry, and for changes
    /// recorded before it was kept.
    #[serde(skip)]
    pub change: Option<RecordChange>,
}

impl SecurityEvent {
    pub fn new(kind: SecurityKind, account: Option<AccountId>, client: &str, detail: &str, at: Timestamp) -> Self {
        SecurityEvent {
            at,
            kind,
            account,
            walker: None,
            walkers: Vec::new(),
            client: client.into(),
            detail: detail.into(),
            change: None,
        }
    }

    /// A clinician's change to `walker`'s programme: its English sentence as
    /// the detail, and the change itself.
    pub fn record_changed(account: AccountId, walker: WalkerId, change: RecordChange, at: Timestamp) -> Self {
        let mut e = SecurityEvent::new(SecurityKind::RecordChanged, Some(account), "", &change.english(), at);
        e.walker = Some(walker);
        e.change = Some(change);
        e
    }

    /// The same event, about `walker`'s records.
    pub fn about(mut self, walker: WalkerId) -> Self {
        self.walker = Some(walker);
        self
    }

    /// The same event, about the records of every walker a list showed.
    pub fn listing(mut self, walkers: Vec<WalkerId>) -> Self {
        self.walkers = walkers;
        self
    }

    /// The walkers named, as stored: ids separated by commas (none: NULL).
    pub(crate) fn walkers_text(&self) -> Option<String> {
        (!self.walkers.is_empty()).then(|| self.walkers.iter().map(|w| w.0.to_string()).collect::<Vec<_>>().join(","))
    }
}

/// How long security events are kept.
pub const SECURITY_EVENT_DAYS: i64 = 400;
