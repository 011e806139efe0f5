//! Errors and exit codes: 0 ok, 2 bad input, 1 anything else.

use std::fmt;

#[derive(Debug)]
pub enum CliError {
    /// The user gave something we cannot accept. Nothing was written.
    Input(String),
    /// Anything else: the database, the file system, a bug.
    Other(anyhow::Error),
}

impl CliError {
    pub fn input(msg: impl Into<String>) -> Self {
        CliError::Input(msg.into())
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
    /// field's problem message (after the field's name) in another, else the
    /// error's own message (`InputError::said`).
    fn from(e: coach::InputError) -> Self {
        let l = crate::render::terminal();
        match l.problem_said(&e).filter(|_| l.lang() != words::Lang::En) {
            Some(said) if e.field.is_empty() => CliError::Input(said),
            Some(said) => CliError::Input(format!("{}: {said}", e.field)),
            None => CliError::Input(e.to_string()),
        }
    }
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
