use coach::{Code, InputError};
use std::fmt;

/// What went wrong. `Input` is the caller's to fix (exit 2, HTTP 422) and has
/// changed nothing; `Conflict` is well-formed but not allowed in the walker's
/// state now (HTTP 409); `Store` is ours. Input and conflicts carry the field
/// and a stable [`Code`], which callers decide on (never on the wording).
#[derive(Debug)]
pub enum ServiceError {
    Input(InputError),
    /// Well-formed, but the walker's state does not allow it now: a second log
    /// for a day, a check-in already given, a restart with nothing stopped,
    /// anything while training is paused. Nothing changed. (API: 409.)
    Conflict(InputError),
    NotFound(String),
    Store(store::StoreError),
}

impl ServiceError {
    /// Bad input, from a message written `field: what is wrong` (or with no field).
    pub fn input(msg: impl Into<String>) -> Self {
        ServiceError::Input(InputError::from_text(msg))
    }

    /// Bad input with its reason.
    pub fn refused(code: Code, msg: impl Into<String>) -> Self {
        ServiceError::Input(InputError::from_text(msg).because(code))
    }

    /// Not allowed in the walker's state now, and why.
    pub fn conflict(code: Code, msg: impl Into<String>) -> Self {
        ServiceError::Conflict(InputError::from_text(msg).because(code))
    }

    /// Backward walking is paused: say why and what ends it; nothing changed.
    /// In the reader's language, the pause box's headline, what to do and
    /// what ends it (the reasons are on Today).
    pub fn paused(p: &coach::pause::Pause) -> Self {
        // No field: the headline ("Stop: …") is not one.
        let message = format!(
            "{} {} What ends the pause: {} Nothing was recorded.",
            p.headline,
            p.reasons.join(" "),
            p.ends_when
        );
        let refused = ServiceError::Conflict(InputError::new("", message).because(Code::Paused));
        match p.restart_from {
            Some(from) => refused.said("refusal.paused.restart_signed", &[("date", &from)]),
            None => refused.said(&format!("refusal.paused.{}", p.kind.as_str()), &[]),
        }
    }

    /// A store error, with a duplicate (already done, already there) said in
    /// the reader's language by the message `key`; other errors as they are.
    pub(crate) fn duplicate_said(e: store::StoreError, key: &str, args: &[(&str, &dyn ToString)]) -> Self {
        match e {
            e @ store::StoreError::Duplicate(_) => ServiceError::from(e).said(key, args),
            e => e.into(),
        }
    }

    /// A store error where the service checked first that the state allows
    /// it: a duplicate is a request that raced past that check, refused as
    /// the check refuses it (a conflict); other errors as they are.
    pub(crate) fn raced(e: store::StoreError) -> Self {
        match e {
            store::StoreError::Duplicate(m) => ServiceError::conflict(Code::AlreadyDone, m),
            e => e.into(),
        }
    }

    /// The same refusal, said in the reader's language by the message `key`
    /// with `args` (`coach::InputError::said`); other errors are unchanged.
    pub fn said(self, key: &str, args: &[(&str, &dyn ToString)]) -> Self {
        match self {
            ServiceError::Input(e) => ServiceError::Input(e.said(key, args)),
            ServiceError::Conflict(e) => ServiceError::Conflict(e.said(key, args)),
            other => other,
        }
    }

    /// The reason, when the caller can fix it or the state forbids it.
    pub fn code(&self) -> Option<Code> {
        match self {
            ServiceError::Input(e) | ServiceError::Conflict(e) => Some(e.code),
            ServiceError::NotFound(_) | ServiceError::Store(_) => None,
        }
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServiceError::Input(e) | ServiceError::Conflict(e) => write!(f, "{e}"),
            ServiceError::NotFound(m) => f.write_str(m),
            ServiceError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServiceError {}

impl From<InputError> for ServiceError {
    fn from(e: InputError) -> Self {
        ServiceError::Input(e)
    }
}

impl From<store::StoreError> for ServiceError {
    fn from(e: store::StoreError) -> Self {
        match e {
            store::StoreError::Duplicate(m) => ServiceError::refused(Code::AlreadyDone, m),
            e @ store::StoreError::BadText => ServiceError::refused(Code::ControlCharacter, e.to_string()),
            store::StoreError::NotFound(m) => ServiceError::NotFound(format!("{m} not found")),
            other => ServiceError::Store(other),
        }
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Two requests that race past the service's own check meet the store's
    /// unique index instead: the reader is told the same, in their language,
    /// and the API answers the same conflict.
    #[test]
    fn a_raced_duplicate_is_said_as_the_check_says_it() {
        let es = words::I18n::of(words::Lang::Es);
        for (raced, checked) in [
            ("date: a session is already logged for 2026-11-23", "date: …"),
            ("checkin: the session on 2026-11-23 already has a check-in", "checkin: …"),
        ] {
            let ServiceError::Conflict(raced) = ServiceError::raced(store::StoreError::Duplicate(raced.into())) else {
                panic!("not a conflict: {raced}");
            };
            let checked = InputError::from_text(checked).because(Code::AlreadyDone);
            let said = es.problem(&raced);
            assert_eq!(said, es.problem(&checked));
            assert!(said.starts_with("Ya "), "{said}");
        }
        // The sign-up's own check is the store's, with the same field.
        let ServiceError::Input(email) =
            ServiceError::from(store::StoreError::Duplicate("email: an account with this email already exists".into()))
        else {
            panic!("not input");
        };
        assert!(es.problem(&email).starts_with("Ya existe una cuenta con este correo"), "{}", es.problem(&email));
    }
}
