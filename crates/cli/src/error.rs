//! Errors and exit codes: 0 ok, 2 bad input, 1 anything else.

use std::fmt;
use std::path::Path;

#[derive(Debug)]
pub enum CliError {
    /// The user gave something we cannot accept. Nothing was written.
    Input(String),
    /// Anything else: the database, the file system, a bug.
    Other(anyhow::Error),
}

/// What a file the person named was for, in [`CliError::file`].
#[derive(Clone, Copy)]
pub enum FileUse {
    Read,
    Write,
}

impl CliError {
    pub fn input(msg: impl Into<String>) -> Self {
        CliError::Input(msg.into())
    }

    /// A file or folder the person named that could not be used, after its
    /// path ([`file_problem`]): bad input when the path or file is theirs to
    /// fix (not there, not theirs, a folder or not one, a bad name, not
    /// text), else a failure (a full disk).
    pub fn file(path: &Path, used: FileUse, e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let said = format!("{}: {}", path.display(), file_problem(used, e));
        match e.kind() {
            K::NotFound
            | K::PermissionDenied
            | K::IsADirectory
            | K::NotADirectory
            | K::InvalidFilename
            | K::InvalidData => CliError::Input(said),
            _ => CliError::Other(anyhow::anyhow!(said)),
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Input(_) => 2,
            CliError::Other(_) => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input(m) => write!(f, "{m}"),
            CliError::Other(e) => write!(f, "{e:#}"),
        }
    }
}

impl From<coach::InputError> for CliError {
    /// In the terminal's language: the coach's own sentence in English, the
    /// field's problem message in another, else the error's own message
    /// (`InputError::said`); after the flag the person typed (`--pain-peak`)
    /// when the field is one, else after the field's name (a key of an
    /// answers file).
    fn from(e: coach::InputError) -> Self {
        match e.field.as_str() {
            "" => CliError::Input(said(&e)),
            field => CliError::Input(format!("{}: {}", flag_for(field), said(&e))),
        }
    }
}

/// What the coach refused, without its field, in the terminal's language:
/// the coach's own sentence in English, the field's problem message or the
/// error's own message in another.
pub fn said(e: &coach::InputError) -> String {
    let l = crate::render::terminal();
    l.problem_said(e).filter(|_| l.lang() != words::Lang::En).unwrap_or_else(|| e.message.clone())
}

/// The long flags typed on this command line, set once it is parsed
/// (`main`): a refusal names the flag the person typed. Kept here because a
/// refusal becomes a `CliError` far from the command line.
static TYPED_FLAGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Remembers the flags typed on the command line, for [`flag_for`].
pub fn typed_flags(cmd: &clap::Command, matches: &clap::ArgMatches) {
    let (mut cmd, mut m) = (cmd, matches);
    while let Some((name, sub)) = m.subcommand() {
        match cmd.find_subcommand(name) {
            Some(c) => (cmd, m) = (c, sub),
            None => break,
        }
    }
    let typed = cmd
        .get_arguments()
        .filter(|a| m.value_source(a.get_id().as_str()) == Some(clap::parser::ValueSource::CommandLine))
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect();
    let _ = TYPED_FLAGS.set(typed);
}

/// The flag a field of the coach's was typed as (`pain_peak` is
/// `--pain-peak`), when the person typed it; else the field's own name
/// (a key of an answers file, or something the command filled in).
fn flag_for(field: &str) -> String {
    let long = field.replace('_', "-");
    if TYPED_FLAGS.get().is_some_and(|typed| typed.contains(&long)) { format!("--{long}") } else { field.to_string() }
}

/// Why a named file could not be used, in the terminal's language: not
/// there, not the person's to use, a folder where a file goes; else with the
/// system's own reason. Said after the file's path.
pub fn file_problem(used: FileUse, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => "cli.err.file_missing",
        K::PermissionDenied => "cli.err.file_denied",
        K::IsADirectory => "cli.err.file_is_folder",
        K::NotADirectory => "cli.err.file_not_in_folder",
        // `read_to_string` of a file that is not UTF-8 text.
        K::InvalidData => "cli.err.file_not_text",
        _ => "cli.err.file_other",
    };
    let action = match used {
        FileUse::Read => "read",
        FileUse::Write => "write",
    };
    crate::render::terminal().ta(key, &[("action", action), ("reason", &e.to_string())])
}

/// Something asked for by its id that is not there (or not the asker's to
/// see): the service's English account, marked as such in another language.
fn not_found(detail: &str) -> CliError {
    CliError::Input(crate::render::terminal().ta("cli.err.not_found", &[("detail", detail)]))
}

impl From<store::StoreError> for CliError {
    fn from(e: store::StoreError) -> Self {
        use store::StoreError as S;
        match e {
            S::NotFound(m) => not_found(&format!("{m} not found")),
            S::Duplicate(_) | S::BadUrl(_) | S::Backup(_) => CliError::Input(e.to_string()),
            other => CliError::Other(other.into()),
        }
    }
}

impl From<service::ServiceError> for CliError {
    fn from(e: service::ServiceError) -> Self {
        match e {
            service::ServiceError::Input(e) => e.into(),
            service::ServiceError::Conflict(e) => e.into(),
            service::ServiceError::NotFound(m) => not_found(&m),
            service::ServiceError::Store(e) => CliError::Other(e.into()),
        }
    }
}

impl From<anyhow::Error> for CliError {
    fn from(e: anyhow::Error) -> Self {
        CliError::Other(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Other(e.into())
    }
}

pub type CliResult<T> = Result<T, CliError>;
