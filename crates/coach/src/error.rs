//! Input validation errors: what was wrong, where, and why as a stable code.

use std::fmt;

/// Why a value was refused, as a stable snake_case name. The API sends it as
/// the error's `reason`, the CLI and pages decide on it rather than on the
/// wording, and it is the key a translation of the message is filed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// Not a value of the right kind, or not one we can use.
    Invalid,
    /// Missing.
    Required,
    /// A number outside its range.
    OutOfRange,
    /// Not one of the names this kind has.
    Unknown,
    /// A date that has not happened yet (or is too far ahead).
    NotYet,
    /// Longer than allowed.
    TooLong,
    /// A control character (NUL above all) in text.
    ControlCharacter,
    /// Fields that contradict each other (more bouts than minutes).
    Inconsistent,
    /// Unsafe for this walker's screen (hands-free or incline while supported-only).
    Unsafe,
    /// Backward walking is paused (red flag, clearance needed, stopped).
    Paused,
    /// The thing is already done (a second log for a day, a check-in twice).
    AlreadyDone,
    /// Nothing to act on (no session to check in after, nothing to restart or clear).
    NothingToDo,
    /// The programme has not started on that date.
    NotStarted,
    /// The walker is not that far yet (no screening, no programme).
    NotReady,
}

crate::named!(Code, "code", "a known error code", {
    Invalid => "invalid",
    Required => "required",
    OutOfRange => "out_of_range",
    Unknown => "unknown",
    NotYet => "not_yet",
    TooLong => "too_long",
    ControlCharacter => "control_character",
    Inconsistent => "inconsistent",
    Unsafe => "unsafe",
    Paused => "paused",
    AlreadyDone => "already_done",
    NothingToDo => "nothing_to_do",
    NotStarted => "not_started",
    NotReady => "not_ready",
});

/// A value given to the coach that it cannot accept. `field` names where the
/// problem is, in the words the walker used to give it (an answer id, a flag);
/// it is empty when the problem is not one field's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: String,
    pub code: Code,
    pub message: String,
    /// The message's id and arguments in the translation files, when the
    /// English `message` has one of its own: a refusal that names no field
    /// (a state: nothing to restart), or that a clinician's form must not
    /// share with a walker's field of the same name.
    pub said: Option<Said>,
}

/// A message id (`refusal.nothing_to_restart`) with its arguments, values
/// already in the reader's terms (numbers, what was typed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl InputError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), code: Code::Invalid, message: message.into(), said: None }
    }

    /// The same error, said by the message `key` with `args`.
    pub fn said(mut self, key: &str, args: &[(&str, &dyn ToString)]) -> Self {
        let args = args.iter().map(|(k, v)| ((*k).to_string(), v.to_string())).collect();
        self.said = Some(Said { key: key.to_string(), args });
        self
    }

    /// The same error with its reason.
    pub fn because(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// From a message written `field: what is wrong`, as ours and serde's are;
    /// a message without such a field keeps an empty one.
    pub fn from_text(text: impl Into<String>) -> Self {
        let text = text.into();
        match field_of(&text) {
            Some(field) => {
                let (field, message) = (field.to_string(), text[field.len() + 2..].to_string());
                InputError::new(field, message)
            }
            None => InputError::new("", text),
        }
    }
}

/// The field a message names, when it starts `field: …` (`pain_peak`,
/// `sessions[0].date`).
pub fn field_of(message: &str) -> Option<&str> {
    let (field, _) = message.split_once(": ")?;
    let ok = !field.is_empty()
        && field.len() <= 64
        && field.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'));
    ok.then_some(field)
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.field, self.message) }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_keeps_its_words_whether_or_not_it_names_a_field() {
        for text in ["pain_peak: pain is rated 0 to 10; got 11", "a session is already logged for 2026-11-23"] {
            assert_eq!(InputError::from_text(text).to_string(), text);
        }
        let e = InputError::from_text("sessions[0].date: not a date");
        assert_eq!((e.field.as_str(), e.message.as_str()), ("sessions[0].date", "not a date"));
        assert_eq!(InputError::from_text("no field here: at all").field, "");
    }

    #[test]
    fn codes_are_snake_case_names() {
        for c in Code::ALL {
            assert!(c.as_str().chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'), "{c:?}");
        }
    }
}
