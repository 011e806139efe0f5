//! Small text helpers shared by the coach's modules.

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
        )
        .because(crate::Code::ControlCharacter)),
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
        )
        .because(crate::Code::ControlCharacter)),
        None => Ok(()),
    }
}

/// Tenths of a km/h as text: `15` → `1.5 km/h`.
pub fn kmh(tenths: u16) -> String {
    format!("{}.{} km/h", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
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
    fn writes_speeds() {
        assert_eq!(super::kmh(15), "1.5 km/h");
    }
}
