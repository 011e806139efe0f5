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
    fn converts_variant_names() {
        assert_eq!(super::snake_case(&Sample::KneeLocks), "knee_locks");
        assert_eq!(super::kmh(15), "1.5 km/h");
    }
}
