//! Small text helpers shared by the coach's modules.

use std::fmt::Debug;

/// The snake_case id of a fieldless enum variant (`KneeLocks` → `knee_locks`),
/// matching its `#[serde(rename_all = "snake_case")]` name.
pub fn snake_case<T: Debug>(value: &T) -> String {
    let name = format!("{value:?}");
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// Refuses text a person could not have meant and one database cannot store:
/// the NUL character and other control characters (tabs and line breaks are
/// fine). The same answer on SQLite and PostgreSQL, which rejects NUL.
pub fn check_text(field: &str, text: &str) -> Result<(), crate::InputError> {
    match text.char_indices().find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        Some((at, c)) => Err(crate::InputError::new(
            field,
            format!(
                "contains an invisible control character (U+{:04X}) at position {}; please retype it",
                u32::from(c),
                text[..at].chars().count() + 1
            ),
        )),
        None => Ok(()),
    }
}

/// A one-line name (an activity, a person): like [`check_text`], but a line
/// break or tab is refused too, since the name is shown on one line.
pub fn check_line(field: &str, text: &str) -> Result<(), crate::InputError> {
    check_text(field, text)?;
    match text.chars().position(|c| matches!(c, '\n' | '\r' | '\t')) {
        Some(at) => Err(crate::InputError::new(
            field,
            format!("contains a line break or tab at position {}; a name is one line", at + 1),
        )),
        None => Ok(()),
    }
}

/// Tenths of a km/h as text: `15` → `1.5 km/h`.
pub fn kmh(tenths: u16) -> String {
    format!("{}.{} km/h", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    #[derive(Debug)]
    enum Sample {
        KneeLocks,
    }

    #[test]
    fn control_characters_are_refused_with_where() {
        assert!(super::check_text("notes", "felt fine\nthen tired\t!").is_ok());
        let err = super::check_text("notes", "ab\0c").unwrap_err();
        assert_eq!(err.field, "notes");
        assert!(err.message.contains("U+0000") && err.message.contains("position 3"), "{err}");
    }

    #[test]
    fn a_name_is_one_line() {
        assert!(super::check_line("by", "Dr Ana Núñez").is_ok());
        let err = super::check_line("by", "Dr Ana\nNúñez").unwrap_err();
        assert!(err.field == "by" && err.message.contains("position 7"), "{err}");
        assert!(super::check_line("by", "Dr\u{85}").unwrap_err().message.contains("U+0085"));
    }

    #[test]
    fn converts_variant_names() {
        assert_eq!(super::snake_case(&Sample::KneeLocks), "knee_locks");
        assert_eq!(super::kmh(15), "1.5 km/h");
    }
}
