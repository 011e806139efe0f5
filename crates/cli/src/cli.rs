//! The command line as the user types it. Each flag's help lives beside it.
//! These raw values are resolved (database URL, walker, today's date) in
//! `context`, so commands never look at the environment themselves.

use clap::{Args, Parser, Subcommand, ValueEnum};
use coach::dose::{Support, Surface};
use coach::names::Named;
use coach::outcomes::Sex;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "retrowalk",
    version,
    about = "A safe, measured retro (backward) walking programme for painful knees.",
    long_about = "retrowalk screens you for safety, builds a progressive backward-walking programme with \
                  strengthening, stretching and aerobic activity, and adapts each session to your pain.\n\n\
                  It is not medical advice: your clinician decides what is right for you.",
    after_help = "Start with `retrowalk init`, then `retrowalk today` each day."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Database URL: sqlite://FILE or postgres://USER@HOST/DB. Default: an SQLite
    /// file in your data directory.
    #[arg(long, global = true, env = "RETROWALK_DATABASE_URL", value_name = "URL")]
    pub db: Option<String>,
    /// Which walker, when the database holds several.
    #[arg(long, global = true, env = "RETROWALK_WALKER", value_name = "ID")]
    pub walker: Option<i64>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Act as if today were DATE (YYYY-MM-DD) in your time zone: for planning ahead and for tests.
    #[arg(long, global = true, env = "RETROWALK_TODAY", value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Screen for safety and set up your programme (asks questions, or reads --answers).
    Init(InitArgs),
    /// Redo the safety screening; the outcome and your programme follow the new answers.
    Screen(ScreenArgs),
    /// Record that a health professional cleared you to start.
    Clear(ClearArgs),
    /// Show the programme week by week.
    Plan,
    /// What to do today, and why.
    Today,
    /// Log a backward-walking session.
    Log(LogArgs),
    /// Record how your knee feels the morning after a session.
    Checkin(CheckinArgs),
    /// List logged sessions with the decision each led to.
    History,
    /// Weekly minutes, pain trend and adherence.
    Progress,
    /// Your year of birth and sex, used only to compare a chair-stand result with usual ranges.
    Profile {
        #[arg(long, allow_negative_numbers = true)]
        birth_year: Option<i64>,
        /// female or male.
        #[arg(long, value_parser = named::<Sex>())]
        sex: Option<Sex>,
    },
    /// Outcome measures: record a result, see changes, read how to take a test.
    #[command(subcommand)]
    Outcome(OutcomeCommand),
    /// Import activities from FIT, GPX and TCX files and folders (recursive). The same file twice is skipped.
    Import {
        /// Files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Read and report, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Motion recordings (a phone's or a research sensor's IMU file): analyse them.
    #[command(subcommand)]
    Motion(MotionCommand),
    /// Imported activities: list them; confirm whether a matched walk was backward.
    #[command(subcommand)]
    Activity(ActivityCommand),
    /// Questionnaires a clinic loads (FHIR R4 Questionnaire + scoring): load, list, answer, results.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Read an archive written by `export --format json` into this database as a new walker.
    ImportArchive {
        /// The archive file.
        file: PathBuf,
    },
    /// Print the plan as an iCalendar file (the same as the web app's calendar feed).
    Calendar {
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write the clinician report as a PDF: screening, programme, dose decisions, pain chart, outcomes, flags.
    Report {
        /// The PDF file to write.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// A clinician's dose change, with a reason. It wins over the coach and is recorded.
    Override(OverrideArgs),
    /// Export all your data.
    Export(ExportArgs),
    /// Run the web app (phone-first pages, JSON API) on this machine.
    Serve(ServeArgs),
    /// Copy the whole database (every walker and account) to one file, safely while the server runs.
    Backup {
        /// The backup file to write (an SQLite file; replaced only once the new one is complete).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Restore a `backup` file into an empty database given by --db: SQLite or PostgreSQL.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Manage accounts of the web app.
    #[command(subcommand)]
    User(UserCommand),
    /// Clinics: their members, the walkers in their care, and care teams.
    #[command(subcommand)]
    Clinic(ClinicCommand),
    /// A clinician's patient list: every walker in their care, who needs them first, with
    /// each flag's rule.
    Patients {
        /// The clinician, by their account's e-mail.
        #[arg(long, value_name = "EMAIL")]
        clinician: String,
        /// Only walkers with this flag open (a rule such as F-FALL).
        #[arg(long, value_name = "RULE")]
        flag: Option<String>,
        /// Only walkers whose page no clinician has opened in the last 7 days.
        #[arg(long)]
        unseen: bool,
        /// Only walkers whose name has these words.
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
    },
    /// One walker as their clinician sees them (--walker): flags, the coach's last decision, reviews.
    #[command(subcommand)]
    Patient(PatientCommand),
    /// A clinician signs, in retrowalk, for a walker in their care (--walker): the record holds
    /// their account, role and clinic.
    #[command(subcommand)]
    Sign(SignCommand),
    /// A clinician acknowledges a walker's open flag (--walker), with a note.
    Ack {
        #[command(flatten)]
        as_clinician: AsClinician,
        /// The flag's rule, e.g. F-FALL.
        #[arg(long, value_name = "RULE")]
        flag: String,
        /// What you did or decided.
        #[arg(long)]
        note: String,
    },
    /// A clinician approves the coach's latest decision for a walker (--walker) as it stands.
    Approve {
        #[command(flatten)]
        as_clinician: AsClinician,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A clinician undoes the coach's latest decision (--walker): the dose before it comes back.
    Revert {
        #[command(flatten)]
        as_clinician: AsClinician,
        /// Why, in words the walker reads.
        #[arg(long)]
        note: String,
    },
    /// A clinician pauses a walker's programme (--walker) from today, until they sign a restart.
    Pause(StopArgs),
    /// A clinician ends a walker's programme (--walker) from today: discharged, or no longer right.
    End(StopArgs),
    /// A clinician asks a walker (--walker) for a measure the outcome schedule leaves out, or
    /// for one of their clinic's questionnaires; with --end, stops asking.
    Assign {
        #[command(flatten)]
        as_clinician: AsClinician,
        /// A measure (backward_walk3m).
        #[arg(long, conflicts_with = "questionnaire", required_unless_present = "questionnaire")]
        measure: Option<String>,
        /// The id of one of the clinic's questionnaires (see `questionnaire list`).
        #[arg(long)]
        questionnaire: Option<String>,
        /// Stop asking for it.
        #[arg(long)]
        end: bool,
    },
    /// The access log: who reached which walker's records, and sign-ins, exports and
    /// tokens. With --walker, only what others did with that walker's records.
    Audit {
        /// How many entries, newest first.
        #[arg(long, default_value_t = 100)]
        limit: u32,
        /// table (or --json), csv, or fhir (FHIR R4 AuditEvent, one resource a line).
        #[arg(long, value_enum, default_value = "table")]
        format: AuditFormat,
    },
    /// API tokens for scripts and apps.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub listen: String,
    /// Create a demo walker with three weeks of history, and print its login.
    #[arg(long)]
    pub demo: bool,
    /// Send cookies without the Secure flag (only for plain-HTTP hosts other than localhost).
    #[arg(long)]
    pub insecure_cookies: bool,
    /// The address people reach this server at, e.g. https://rw.example.org (for calendar
    /// links); default http:// and the listening address.
    #[arg(long, env = "RETROWALK_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// Send Strict-Transport-Security: browsers then use HTTPS only (needs an https:// --public-url).
    #[arg(long)]
    pub hsts: bool,
    /// Let clinicians and clinic admins sign in with a password alone. Only for a server
    /// holding no real patients' data (a trial); two-factor sign-in is required otherwise.
    #[arg(long)]
    pub no_staff_two_factor: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Make an account for someone, and print a code (valid 3 days) with which they choose
    /// their password on the web page /reset. They set up their programme at first sign-in.
    Add {
        #[arg(long)]
        email: String,
        /// Their first name, as the app greets them.
        #[arg(long)]
        name: String,
        /// Their time zone, e.g. Europe/London.
        #[arg(long, default_value = "UTC", value_name = "ZONE")]
        time_zone: String,
    },
    /// Every account: id, e-mail, role, created, whether disabled.
    List,
    /// Stop an account from signing in or using tokens (signs it out everywhere). Nothing is deleted.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Let a disabled account sign in again.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// The access log: sign-ins, failed sign-ins, token use, exports, restores, deletions.
    Events {
        /// Only this account's events.
        #[arg(long)]
        email: Option<String>,
        /// How many, newest first.
        #[arg(long, default_value_t = 50, value_name = "N")]
        limit: u32,
    },
    /// Print a one-time code (valid 30 minutes) that resets a password on the web page /reset.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
    /// Turn off an account's two-factor sign-in (a lost phone, no recovery codes left): it is
    /// signed out everywhere, and sets up a new authenticator at its next sign-in.
    ResetTwoFactor {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClinicCommand {
    /// Make a clinic on this server.
    Create {
        /// Its name, as clinicians and walkers see it.
        name: String,
    },
    /// Every clinic: id, name, created.
    List,
    /// Membership of a clinic: `add` gives an account a role there, `remove` ends it
    /// (and the account's places on the clinic's care teams).
    Member {
        #[command(subcommand)]
        action: MemberAction,
    },
    /// Put the walker (--walker, or the only one) in the clinic's care, as they agreed.
    Join {
        #[arg(long)]
        clinic: i64,
    },
    /// Take the walker out of the clinic's care: its clinicians see nothing new (the care team
    /// keeps what was shared until then, read only).
    Leave {
        #[arg(long)]
        clinic: i64,
    },
    /// A walker's care team at a clinic: `add` or `remove` one of its clinicians.
    Team {
        #[command(subcommand)]
        action: TeamAction,
    },
    /// An invitation to join the clinic's care, from a member (--email): a code to type,
    /// a link, good once for 14 days. A clinician who invites joins the walker's care team.
    Invite(AtClinic),
    /// Every walker in the clinic's care, for research or records: FHIR R4 bulk data (one
    /// NDJSON file per resource type, into a folder) or a registry CSV of the outcome
    /// measures at baseline, 3 and 12 months. Each walker's access log records it.
    Export {
        #[arg(long)]
        clinic: i64,
        #[arg(long, value_enum)]
        format: ClinicExportFormat,
        /// The folder (fhir-ndjson) or file (registry-csv) to write.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// The month-end monitoring table as CSV: for each walker in the clinic's care, days
    /// with data in the 30-day window from the start of monitoring, and clinician minutes.
    Monitoring {
        #[arg(long)]
        clinic: i64,
        /// The month, YYYY-MM; default this month.
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ClinicExportFormat {
    FhirNdjson,
    RegistryCsv,
}

/// The clinician a command acts as: their account signs what it records.
#[derive(Debug, Args)]
pub struct AsClinician {
    /// The clinician, by their account's e-mail; the walker (--walker) must be in their care.
    #[arg(long, value_name = "EMAIL")]
    pub clinician: String,
}

/// A care team's pause or end of a programme.
#[derive(Debug, Args)]
pub struct StopArgs {
    #[command(flatten)]
    pub as_clinician: AsClinician,
    /// Your role (physiotherapist, GP…); your clinic is added.
    #[arg(long, default_value = "")]
    pub role: String,
    /// Why, in words the walker reads.
    #[arg(long)]
    pub note: String,
}

#[derive(Debug, Subcommand)]
pub enum PatientCommand {
    /// The walker's row, open and acknowledged flags, the last decision and the reviews.
    Show(AsClinician),
}

#[derive(Debug, Subcommand)]
pub enum SignCommand {
    /// Sign the clearance the walker's screening waits for.
    Clearance {
        #[command(flatten)]
        as_clinician: AsClinician,
        /// Your role (physiotherapist, GP…); your clinic is added.
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Sign the restart of a programme the coach stopped.
    Restart {
        #[command(flatten)]
        as_clinician: AsClinician,
        #[arg(long, default_value = "")]
        role: String,
        /// What you checked, what to watch for.
        #[arg(long)]
        note: String,
        /// Minutes of backward walking to restart at (3 to 20); default the programme's start dose.
        #[arg(long)]
        minutes: Option<i64>,
    },
}

/// A person at a clinic: the clinic's id and their account's e-mail.
#[derive(Debug, Args)]
pub struct AtClinic {
    #[arg(long)]
    pub clinic: i64,
    #[arg(long)]
    pub email: String,
}

#[derive(Debug, Subcommand)]
pub enum MemberAction {
    Add {
        #[command(flatten)]
        at: AtClinic,
        /// clinician (looks after walkers on their care team) or admin (manages the clinic's people).
        #[arg(long, value_parser = named::<store::MemberRole>())]
        role: store::MemberRole,
    },
    Remove(AtClinic),
    /// The clinic's people: e-mail, name, role and since when, admins first.
    List {
        #[arg(long)]
        clinic: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamAction {
    /// Put the clinician with this e-mail on the walker's (--walker) care team.
    Add(AtClinic),
    Remove(AtClinic),
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for an account; it is shown once.
    Create {
        #[arg(long)]
        email: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
        /// Days until it stops working (default: until revoked).
        #[arg(long, value_name = "DAYS", allow_negative_numbers = true)]
        expires_in_days: Option<i64>,
    },
    /// List an account's tokens: id, name, created, last used, expiry (never the token).
    List {
        #[arg(long)]
        email: String,
    },
    /// Revoke one token by the id `token list` shows.
    Revoke {
        #[arg(long)]
        email: String,
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum OutcomeCommand {
    /// Record a result: pain_now, pain_worst_week, global_change, chair_stand30s (stands),
    /// timed_up_and_go, fast_walk40m, backward_walk3m (seconds), or own_activities with --activity.
    Record {
        measure: String,
        /// The result; timed walks in seconds. (Global change may be negative.)
        #[arg(allow_negative_numbers = true)]
        value: Option<f64>,
        /// For own_activities: NAME=SCORE, 3 to 5 times (score 0-10).
        #[arg(long = "activity", value_name = "NAME=SCORE")]
        activities: Vec<String>,
        /// When it was taken (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Each measure's first and latest result, and what the change means.
    List,
    /// How to take a measure, in plain words.
    How { measure: String },
    /// The measures due now.
    Due,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// Every imported activity and where it went in your programme.
    List,
    /// Say whether an imported walk on a backward-walking day was backward.
    /// Backward: it becomes that day's session, and the pain questions follow.
    Confirm {
        /// The activity's id (from `activity list` or the import's output).
        id: i64,
        /// It was backward walking.
        #[arg(long, conflicts_with = "forward", required_unless_present = "forward")]
        backward: bool,
        /// It was ordinary walking: it counts toward your aerobic goal.
        #[arg(long)]
        forward: bool,
        /// Knee pain before the walk, 0-10.
        #[arg(long, allow_negative_numbers = true)]
        pain_before: Option<i64>,
        /// Worst knee pain during it, 0-10.
        #[arg(long, allow_negative_numbers = true)]
        pain_peak: Option<i64>,
        /// Knee pain just after, 0-10.
        #[arg(long, allow_negative_numbers = true)]
        pain_after: Option<i64>,
        /// How hard it felt, 0-10.
        #[arg(long, allow_negative_numbers = true)]
        rpe: Option<i64>,
        /// A red-flag symptom (repeatable); see `log --help`.
        #[arg(long = "symptom", value_name = "SYMPTOM")]
        symptoms: Vec<String>,
        /// No red-flag symptoms.
        #[arg(long, conflicts_with = "symptoms")]
        no_symptoms: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// Load a licensed questionnaire for every walker on this server, or with --clinic for that
    /// clinic's walkers its care teams assign it to (replaces one with the same id and owner).
    Load {
        /// The FHIR R4 Questionnaire, as JSON.
        questionnaire: PathBuf,
        /// Its scoring definition, as JSON (see examples/questionnaire/README.md).
        #[arg(long, value_name = "FILE")]
        scoring: PathBuf,
        /// The clinic whose questionnaire it is (its licence): only walkers its care teams
        /// assign it to see it.
        #[arg(long)]
        clinic: Option<i64>,
    },
    /// The loaded questionnaires.
    List,
    /// Answer a questionnaire: question by question, or from a file.
    Answer {
        /// The questionnaire's id (see `questionnaire list`).
        id: String,
        /// A JSON or TOML file of linkId = answer code.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// When it was answered (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Each subscale's first and latest score, and what the change means.
    Results,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// A TOML or JSON file with the screening answers and set-up (see README).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Add another walker to a database that already has one.
    #[arg(long)]
    pub another: bool,
}

#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// A TOML or JSON file with the answers (a [screening] table, or the answers at the top level).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ClearArgs {
    /// Who cleared you, or who restarts your stopped programme (name).
    #[arg(long)]
    pub by: String,
    /// Their role, e.g. GP or physiotherapist (required for a restart).
    #[arg(long)]
    pub role: Option<String>,
    /// When they cleared you (YYYY-MM-DD); default today. A restart is dated when it is recorded.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note from the clinician, e.g. what they checked.
    #[arg(long, default_value = "")]
    pub note: String,
    /// For a restart: the dose to restart at (default the programme's start dose).
    #[command(flatten)]
    pub dose: DoseArgs,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Session date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub dose: DoseArgs,
    /// Number of bouts; default what was prescribed.
    #[arg(long, allow_negative_numbers = true)]
    pub bouts: Option<i64>,
    /// Surface; default your programme's.
    #[arg(long, value_parser = named::<Surface>())]
    pub surface: Option<Surface>,
    /// Knee pain before the session, 0-10.
    #[arg(long, allow_negative_numbers = true)]
    pub pain_before: Option<i64>,
    /// Worst knee pain during the session, 0-10.
    #[arg(long, allow_negative_numbers = true)]
    pub pain_peak: Option<i64>,
    /// Knee pain just after the session, 0-10.
    #[arg(long, allow_negative_numbers = true)]
    pub pain_after: Option<i64>,
    /// How hard it felt, 0 (rest) to 10 (maximal).
    #[arg(long, allow_negative_numbers = true)]
    pub rpe: Option<i64>,
    /// A red-flag symptom during or after the session (repeatable): new_swelling, knee_locked,
    /// knee_gave_way, hot_knee_or_fever, calf_pain_swelling, chest_pain_or_faint, fell.
    #[arg(long = "symptom", value_name = "SYMPTOM")]
    pub symptoms: Vec<String>,
    /// Say there were no red-flag symptoms (skips the question).
    #[arg(long, conflicts_with = "symptoms")]
    pub no_symptoms: bool,
    #[arg(long)]
    pub notes: Option<String>,
}

/// The parts of a dose. Each defaults to the dose in force on the date.
#[derive(Debug, Args)]
pub struct DoseArgs {
    /// Minutes of backward walking.
    #[arg(long, allow_negative_numbers = true)]
    pub minutes: Option<i64>,
    /// Treadmill speed in km/h.
    #[arg(long, allow_negative_numbers = true)]
    pub speed: Option<f64>,
    /// Incline in percent.
    #[arg(long, allow_negative_numbers = true)]
    pub incline: Option<i64>,
    /// Support: holding the rails, a light touch, or hands free.
    #[arg(long, value_parser = named::<Support>())]
    pub support: Option<Support>,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// Knee pain this morning, 0-10.
    #[arg(long, allow_negative_numbers = true)]
    pub pain: Option<i64>,
    /// Check-in date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A red-flag symptom since the session (repeatable).
    #[arg(long = "symptom", value_name = "SYMPTOM")]
    pub symptoms: Vec<String>,
    /// Say there were no red-flag symptoms (skips the question).
    #[arg(long, conflicts_with = "symptoms")]
    pub no_symptoms: bool,
}

#[derive(Debug, Args)]
pub struct OverrideArgs {
    /// The clinician making the change, by name (for a clinician outside retrowalk).
    #[arg(long, required_unless_present = "clinician", conflicts_with = "clinician")]
    pub by: Option<String>,
    /// The clinician making the change, by their retrowalk account: it signs the override.
    #[arg(long, value_name = "EMAIL")]
    pub clinician: Option<String>,
    /// Why, in words the walker can read.
    #[arg(long)]
    pub reason: String,
    /// First day of the new dose (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub dose: DoseArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum AuditFormat {
    Table,
    Csv,
    Fhir,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// For CSV: which table.
    #[arg(long, value_enum, default_value = "sessions")]
    pub table: CsvTable,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    /// A FHIR R4 Bundle: Patient, CarePlan, Observations, QuestionnaireResponses.
    Fhir,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CsvTable {
    /// One row per session, with its next-morning pain and decision.
    Sessions,
    /// One row per next-morning check-in.
    Checkins,
    /// One row per outcome result, with the change since the first.
    Outcomes,
}

/// A parser for a coach value by its one name (`coach::names`): the help and
/// the error list the names, and what a person types is read as
/// `names::typed` reads it (capitals and hyphens forgiven: `hands-free` is
/// `hands_free`).
fn named<T: Named + Send + Sync>() -> NamedParser<T> {
    NamedParser(std::marker::PhantomData)
}

#[derive(Clone)]
struct NamedParser<T>(std::marker::PhantomData<T>);

impl<T: Named + Send + Sync> clap::builder::TypedValueParser for NamedParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let text = value.to_string_lossy();
        coach::names::typed::<T>(&text).map_err(|_| {
            let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            let arg = arg.map(ToString::to_string).unwrap_or_default();
            err.insert(ContextKind::InvalidArg, ContextValue::String(arg));
            err.insert(ContextKind::InvalidValue, ContextValue::String(text.into_owned()));
            let names = T::all().iter().map(|v| v.as_str().to_string()).collect();
            err.insert(ContextKind::ValidValue, ContextValue::Strings(names));
            err
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(T::all().iter().map(|v| clap::builder::PossibleValue::new(v.as_str()))))
    }
}

#[derive(Debug, Subcommand)]
pub enum MotionCommand {
    /// Find the walking in IMU files and describe each bout: start and end, direction, steps with the time of
    /// each, cadence and variability. Stores nothing.
    Analyse {
        /// IMU files: IPOL text, Mobilise-D CSV, phyphox or Sensor Logger CSV, or a CSV with time and x/y/z columns.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        units: UnitArgs,
        /// The first SECONDS of each file are forward walking (a warm-up): they set the direction for this walker's own step.
        #[arg(long, value_name = "SECONDS")]
        forward_first: Option<f64>,
    },
    /// Add an IMU file's analysis to a logged session (the samples are not kept).
    Import {
        /// The IMU file (the same layouts as `motion analyse`).
        file: PathBuf,
        /// The day of the logged session it belongs to (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        session: String,
        #[command(flatten)]
        units: UnitArgs,
        /// The first SECONDS of the file are forward walking (a warm-up): they set the direction for this walker's own step.
        #[arg(long, value_name = "SECONDS")]
        forward_first: Option<f64>,
    },
    /// The walker's kept recordings, oldest first, each with its number (for `motion delete`).
    List,
    /// Delete one kept recording (its number from `motion list`); the session itself stays logged.
    Delete {
        /// The recording's number, from `motion list`.
        #[arg(value_name = "NUMBER")]
        id: i64,
    },
}

/// What a motion file's header may not say: its units and rate.
#[derive(Args, Debug, Clone, Copy)]
pub struct UnitArgs {
    /// The acceleration's unit when the header does not say it (else it is judged from gravity).
    #[arg(long, value_enum)]
    pub acc_unit: Option<AccUnitArg>,
    /// The rotation rate's unit when the header does not say it.
    #[arg(long, value_enum)]
    pub gyr_unit: Option<GyrUnitArg>,
    /// The time column's unit when the header does not say it.
    #[arg(long, value_enum)]
    pub time_unit: Option<TimeUnitArg>,
    /// Samples a second: the rate of a sample-count clock, or the rate to resample a phone's uneven clock to.
    #[arg(long, value_name = "HZ")]
    pub rate: Option<f64>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum AccUnitArg {
    #[value(name = "m/s2")]
    MetresPerSecond2,
    G,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum GyrUnitArg {
    #[value(name = "rad/s")]
    RadPerSecond,
    #[value(name = "deg/s")]
    DegPerSecond,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TimeUnitArg {
    S,
    Ms,
    Ns,
    Samples,
}
