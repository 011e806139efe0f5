//! Glyph widths of the standard Helvetica faces and the WinAnsi encoding the
//! PDF uses for them. Standard fonts are not embedded, so the file stays small
//! and every viewer has them; the widths are needed to wrap and align text.
//!
//! The tables hold the Adobe Core 14 AFM advance widths (1/1000 em) for the
//! WinAnsi codes 32..=255, read from the AFM-derived metrics that groff ships
//! (`font/devps/HR`, `HB`) and mapped through cp1252 and the Adobe Glyph List.
//! A zero marks a code with no glyph.

pub(crate) const REGULAR: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584, 0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222, 333,
    333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370,
    556, 584, 333, 737, 333, 400, 584, 0, 0, 333, 578, 537, 278, 333, 0, 365, 556, 834, 834, 834, 611, 667, 667, 667,
    667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722,
    722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556,
    556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
pub(crate) const BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584, 0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278, 500,
    500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370,
    556, 584, 333, 737, 333, 400, 584, 0, 0, 333, 611, 556, 278, 333, 0, 365, 556, 834, 834, 834, 611, 722, 722, 722,
    722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722,
    722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611,
    611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

/// The cp1252 codes 0x80..=0x9F that WinAnsi gives to characters outside Latin-1.
const SPECIALS: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// Characters WinAnsi lacks that our own wording uses, spelled with ones it has.
const SUBSTITUTES: [(char, &str); 6] = [('→', "->"), ('≥', ">="), ('≤', "<="), ('−', "-"), ('×', "x"), ('≈', "~")];

/// Encodes text for a WinAnsi font. A character the encoding lacks becomes
/// "?", so a walker's note in another script is marked, never dropped silently.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let code = u32::from(c);
        if c == '\t' || c == '\n' || c == '\r' {
            out.push(b' ');
        } else if (32..127).contains(&code) || (0xA0..=0xFF).contains(&code) {
            out.push(code as u8);
        } else if let Some((_, b)) = SPECIALS.iter().find(|(s, _)| *s == c) {
            out.push(*b);
        } else if let Some((_, s)) = SUBSTITUTES.iter().find(|(s, _)| *s == c) {
            out.extend_from_slice(s.as_bytes());
        } else {
            out.push(b'?');
        }
    }
    out
}

/// The width of encoded text in points.
pub fn width(encoded: &[u8], size: f32, bold: bool) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let units: u32 = encoded.iter().map(|b| u32::from(table[usize::from(b.saturating_sub(32))])).sum();
    units as f32 * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_latin_text_and_marks_the_rest() {
        assert_eq!(encode("Café – 5 → 6"), b"Caf\xe9 \x96 5 -> 6".to_vec());
        assert_eq!(encode("膝"), b"?".to_vec());
    }

    #[test]
    fn widths_match_the_afm() {
        // "Hello" in Helvetica: H 722 + e 556 + l 222 + l 222 + o 556 = 2278.
        assert!((width(b"Hello", 10.0, false) - 22.78).abs() < 1e-3);
        assert!(width(b"Hello", 10.0, true) > width(b"Hello", 10.0, false));
    }
}
