use std::fmt;

/// What went wrong. `Input` is the caller's to fix (exit 2, HTTP 422) and has
/// changed nothing; `Store` is ours.
#[derive(Debug)]
pub enum ServiceError {
    Input(String),
    /// Well-formed, but the walker's state does not allow it now: a second log
    /// for a day, a check-in already given, a restart with nothing stopped,
    /// anything while training is paused. Nothing changed. (API: 409.)
    Conflict(String),
    NotFound(String),
    Store(store::StoreError),
}

impl ServiceError {
    pub fn input(msg: impl Into<String>) -> Self {
        ServiceError::Input(msg.into())
    }

    pub fn conflict(msg: impl Into<String>) -> Self {
        ServiceError::Conflict(msg.into())
    }

    /// Backward walking is paused: say why and what ends it; nothing changed.
    pub fn paused(p: &coach::pause::Pause) -> Self {
        ServiceError::Conflict(format!(
            "{} {} What ends the pause: {} Nothing was recorded.",
            p.headline,
            p.reasons.join(" "),
            p.ends_when
        ))
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServiceError::Input(m) | ServiceError::Conflict(m) | ServiceError::NotFound(m) => f.write_str(m),
            ServiceError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServiceError {}

impl From<coach::InputError> for ServiceError {
    fn from(e: coach::InputError) -> Self {
        ServiceError::Input(e.to_string())
    }
}

impl From<store::StoreError> for ServiceError {
    fn from(e: store::StoreError) -> Self {
        match e {
            store::StoreError::Duplicate(m) => ServiceError::Input(m),
            e @ store::StoreError::BadText => ServiceError::Input(e.to_string()),
            store::StoreError::NotFound(m) => ServiceError::NotFound(format!("{m} not found")),
            other => ServiceError::Store(other),
        }
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;
