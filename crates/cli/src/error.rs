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

    /// A file or folder the person named that could not be used: bad input,
    /// as the path is theirs to fix ([`file_problem`]).
    pub fn file(path: &Path, used: FileUse, e: &std::io::Error) -> Self {
        CliError::Input(file_problem(path, used, e))
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
        let l = crate::render::terminal();
        let said = l.problem_said(&e).filter(|_| l.lang() != words::Lang::En).unwrap_or_else(|| e.message.clone());
        match e.field.as_str() {
            "" => CliError::Input(said),
            field => CliError::Input(format!("{}: {said}", flag_for(field))),
        }
    }
}

/// The flag a field of the coach's is typed as (`pain_peak` is
/// `--pain-peak`), when some command has it; else the field's own name.
fn flag_for(field: &str) -> String {
    fn has(cmd: &clap::Command, long: &str) -> bool {
        cmd.get_arguments().any(|a| a.get_long() == Some(long)) || cmd.get_subcommands().any(|s| has(s, long))
    }
    let long = field.replace('_', "-");
    if has(&<crate::cli::Cli as clap::CommandFactory>::command(), &long) {
        format!("--{long}")
    } else {
        field.to_string()
    }
}

/// Why a named file could not be used, in the terminal's language: not
/// there, not the person's to use, a folder where a file goes; else with the
/// system's own reason.
pub fn file_problem(path: &Path, used: FileUse, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => "cli.err.file_missing",
        K::PermissionDenied => "cli.err.file_denied",
        K::IsADirectory => "cli.err.file_is_folder",
        _ => "cli.err.file_other",
    };
    let action = match used {
        FileUse::Read => "read",
        FileUse::Write => "write",
    };
    let args = [("path", path.display().to_string()), ("action", action.to_string()), ("reason", e.to_string())];
    crate::render::terminal().ta(key, &args.each_ref().map(|(k, v)| (*k, v.as_str())))
}

impl From<store::StoreError> for CliError {
    fn from(e: store::StoreError) -> Self {
        use store::StoreError as S;
        match e {
            S::Duplicate(_) | S::BadUrl(_) | S::NotFound(_) | S::Backup(_) => CliError::Input(e.to_string()),
            other => CliError::Other(other.into()),
        }
    }
}

impl From<service::ServiceError> for CliError {
    fn from(e: service::ServiceError) -> Self {
        match e {
            service::ServiceError::Input(e) => e.into(),
            service::ServiceError::Conflict(e) => e.into(),
            service::ServiceError::NotFound(m) => CliError::Input(m),
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
