//! A small XML reader for GPX and TCX: element starts with lazily read
//! attributes, text with entity references resolved, element ends, and errors
//! with their byte offset. Names come without namespace prefixes.
//!
//! Why not a general XML library: these files are large, flat and simple, and
//! a general reader spent most of the import time re-checking UTF-8 piece by
//! piece and building events nobody reads. This one checks the file once,
//! finds each `<` with one vector search, and checks what well-formedness
//! protects the readers from: every construct closed, end tags matching their
//! start tags. It does not validate names or expand a DTD (as the devices'
//! files have none that matter).

use crate::activity::{ReadError, Unreadable, Warning};
use std::borrow::Cow;

pub enum Node<'a> {
    /// An element opens (a self-closing one is followed at once by its End).
    Start {
        name: &'a str,
        attrs: Attrs<'a>,
    },
    /// A piece of text inside the innermost open element; one element's text
    /// may come in several pieces, and whitespace between tags is left out.
    Text(Cow<'a, str>),
    End {
        name: &'a str,
    },
}

/// The file as text: UTF-8, where invalid bytes become U+FFFD rather than
/// failing the whole file. A byte-order mark stays, so offsets are the file's;
/// [`walk`] skips it.
pub fn text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The name without its namespace prefix.
fn local(name: &str) -> &str {
    match name.bytes().position(|b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Names are short: a plain loop beats a call to `memcmp`.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)?
        }
    })
}

/// `s` with entity references resolved, and each whitespace character turned
/// into a space when `attribute` (XML's attribute-value normalisation). An
/// unknown or unterminated reference is kept as written.
fn unescape(s: &str, attribute: bool) -> Cow<'_, str> {
    let special = |b: u8| b == b'&' || (attribute && matches!(b, b'\t' | b'\n' | b'\r'));
    if !s.bytes().any(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.bytes().position(special) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.as_bytes()[0] != b'&' {
            out.push(' ');
            rest = &rest[1..];
            continue;
        }
        // Names are short: look for the ';' only nearby, so text full of '&' stays linear.
        let semi = rest.as_bytes()[1..].iter().take(11).position(|&c| c == b';');
        let resolved = semi.and_then(|n| Some((entity(&rest[1..=n])?, n)));
        match resolved {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n + 2..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn error(at: usize, what: impl std::fmt::Display) -> ReadError {
    ReadError::new(Unreadable::Damaged, Some(at as u64), format!("not well-formed XML: {what}"))
}

/// Where `needle` ends in `doc` at or after `from`; None if the document
/// stops first.
fn close_of(doc: &str, from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&doc.as_bytes()[from..], needle).map(|i| from + i + needle.len())
}

/// The end of the start tag whose `<` is at `start` (just past its `>`); a
/// `>` inside a quoted attribute value does not end it. None if the document
/// stops first.
fn tag_end(doc: &str, start: usize) -> Option<usize> {
    let b = doc.as_bytes();
    let mut i = start + 1;
    loop {
        i += memchr::memchr3(b'>', b'"', b'\'', &b[i..])?;
        if b[i] == b'>' {
            return Some(i + 1);
        }
        i += memchr::memchr(b[i], &b[i + 1..])? + 2;
    }
}

/// The end of a `<!DOCTYPE …>` beginning at `start`, past any internal subset.
fn doctype_end(doc: &str, start: usize) -> Option<usize> {
    let (mut depth, mut quote) = (0u32, None);
    for (i, &c) in doc.as_bytes()[start..].iter().enumerate() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'[') => depth += 1,
            (None, b']') => depth = depth.saturating_sub(1),
            (None, b'>') if depth == 0 => return Some(start + i + 1),
            _ => {}
        }
    }
    None
}

/// How a document ended.
#[derive(Debug, PartialEq)]
pub enum Ending<'a> {
    Complete,
    /// The bytes stop with elements still open (or inside a tag): the file was
    /// cut off, as when a phone dies while it writes. What came before stands.
    CutOff {
        /// Where the unfinished construct starts (or the file's length).
        at: usize,
        /// The innermost element still open, without its prefix ("" if none).
        inside: &'a str,
    },
}

/// "1 track point", "2 track points".
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Ending<'_> {
    /// The warning for a cut-off document; `kept` says what was read before the cut.
    pub fn warning(&self, kept: impl FnOnce() -> String) -> Option<Warning> {
        match self {
            Ending::Complete => None,
            Ending::CutOff { at, inside } => Some(Warning {
                offset: Some(*at as u64),
                message: format!(
                    "the file stops{}, as if cut off while it was written; kept {} from before the cut",
                    if inside.is_empty() { String::new() } else { format!(" inside <{inside}>") },
                    kept()
                ),
            }),
        }
    }
}

/// Calls `on` for every element start, text and end in document order.
/// Broken structure (an end tag that does not match) is an error; a document
/// that merely stops early is read up to there and says so.
pub fn walk<'a>(doc: &'a str, mut on: impl FnMut(Node<'_>)) -> Result<Ending<'a>, ReadError> {
    let b = doc.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    let mut pos = if doc.starts_with('\u{FEFF}') { 3 } else { 0 };
    let cut = |at: usize, open: &[&'a str]| Ending::CutOff { at, inside: open.last().map_or("", |n| local(n)) };
    while pos < b.len() {
        let lt = memchr::memchr(b'<', &b[pos..]).map_or(b.len(), |i| pos + i);
        if lt > pos {
            let text = &doc[pos..lt];
            if !text.bytes().all(is_space) {
                on(Node::Text(unescape(text, false)));
            }
            if lt == b.len() {
                break;
            }
        }
        let rest = &b[lt + 1..];
        let end = match rest.first() {
            Some(b'/') => memchr::memchr(b'>', rest).map(|i| lt + 2 + i),
            Some(b'?') => close_of(doc, lt + 2, b"?>"),
            Some(b'!') if rest.starts_with(b"!--") => close_of(doc, lt + 4, b"-->"),
            Some(b'!') if rest.starts_with(b"![CDATA[") => close_of(doc, lt + 9, b"]]>"),
            Some(b'!') if rest.starts_with(b"!DOCTYPE") => doctype_end(doc, lt),
            Some(b'!') => return Err(error(lt, "an unknown <! construct")),
            _ => tag_end(doc, lt),
        };
        let Some(end) = end else {
            return Ok(cut(lt, &open));
        };
        match rest.first() {
            Some(b'/') => {
                let name = doc[lt + 2..end - 1].trim_ascii_end();
                match open.pop() {
                    Some(expected) if same(expected, name) => on(Node::End { name: local(name) }),
                    Some(expected) => return Err(error(lt, format!("expected </{expected}>, found </{name}>"))),
                    None => return Err(error(lt, format!("</{name}> closes nothing"))),
                }
            }
            Some(b'!') if rest.starts_with(b"![CDATA[") => on(Node::Text(Cow::Borrowed(&doc[lt + 9..end - 3]))),
            Some(b'?' | b'!') => {}
            _ => {
                let empty = b[end - 2] == b'/' && end - 2 > lt;
                let inner = &doc[lt + 1..if empty { end - 2 } else { end - 1 }];
                let name_len = inner.bytes().position(is_space).unwrap_or(inner.len());
                let (name, attrs) = inner.split_at(name_len);
                if name.is_empty() {
                    return Err(error(lt, "a tag without a name"));
                }
                on(Node::Start { name: local(name), attrs: Attrs(attrs) });
                if empty {
                    on(Node::End { name: local(name) });
                } else {
                    open.push(name);
                }
            }
        }
        pos = end;
    }
    Ok(if open.is_empty() { Ending::Complete } else { cut(b.len(), &open) })
}

/// An element's attributes, read only when asked for: most elements have
/// none that matter.
pub struct Attrs<'a>(&'a str);

impl<'a> Attrs<'a> {
    /// Each attribute's local name and raw value, in order. Malformed text
    /// ends the list rather than failing the file.
    fn raw(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            rest = rest.trim_ascii_start();
            let eq = memchr::memchr(b'=', rest.as_bytes())?;
            let key = rest[..eq].trim_ascii_end();
            let after = rest[eq + 1..].trim_ascii_start();
            let quote = *after.as_bytes().first().filter(|q| matches!(q, b'"' | b'\''))?;
            let close = memchr::memchr(quote, &after.as_bytes()[1..])?;
            rest = &after[close + 2..];
            Some((local(key), &after[1..=close]))
        })
    }

    /// Calls `f` with each attribute's local name and unescaped value.
    pub fn each(&self, mut f: impl FnMut(&str, &str)) {
        for (key, value) in self.raw() {
            f(key, &unescape(value, true));
        }
    }

    /// The unescaped value of the attribute with this local name.
    pub fn get(&self, key: &str) -> Option<String> {
        self.raw().find(|(k, _)| *k == key).map(|(_, v)| unescape(v, true).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events as a compact string: `<name a=v>`, `"text"`, `</name>`.
    fn events(doc: &str) -> Result<String, ReadError> {
        let mut out = String::new();
        let ending = walk(doc, |n| match n {
            Node::Start { name, attrs } => {
                out.push('<');
                out.push_str(name);
                attrs.each(|k, v| out.push_str(&format!(" {k}={v}")));
                out.push('>');
            }
            Node::Text(t) => out.push_str(&format!("{:?}", t.trim())),
            Node::End { name } => out.push_str(&format!("</{name}>")),
        })?;
        if let Ending::CutOff { at, inside } = ending {
            out.push_str(&format!(" [cut off at {at} inside <{inside}>]"));
        }
        Ok(out)
    }

    #[test]
    fn elements_attributes_text_and_the_constructs_between_them() {
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY x \"y>\">]>\n<!-- a <comment> -->\
                   <ns:gpx ns:creator='A &amp; B' v=\"a>b\tc\"><trk/>\n  <name>x &lt; y &#x41;&#66; &bogus; &amp</name>\
                   <d><![CDATA[<raw> & ]]></d></ns:gpx>";
        assert_eq!(
            events(doc).unwrap(),
            "<gpx creator=A & B v=a>b c><trk></trk><name>\"x < y AB &bogus; &amp\"</name><d>\"<raw> &\"</d></gpx>"
        );
    }

    #[test]
    fn broken_documents_say_what_and_where() {
        for (doc, what, at) in [
            ("<a><b></a>", "expected </b>, found </a>", 6),
            ("<a></a></b>", "</b> closes nothing", 7),
            ("<a><!ELEMENT x>", "an unknown <! construct", 3),
            ("<>", "a tag without a name", 0),
        ] {
            let err = events(doc).unwrap_err();
            assert!(err.message.contains(what), "{doc}: {err}");
            assert_eq!(err.offset, Some(at), "{doc}");
        }
    }

    #[test]
    fn a_document_that_stops_early_keeps_what_came_before_and_says_where() {
        for (doc, expected) in [
            ("<a><b>1</b><b>2", "<a><b>\"1\"</b><b>\"2\" [cut off at 15 inside <b>]"),
            ("<a><b>1</b>", "<a><b>\"1\"</b> [cut off at 11 inside <a>]"),
            ("<a x=\"1>", " [cut off at 0 inside <>]"),
            ("<a><p:b", "<a> [cut off at 3 inside <a>]"),
            ("<a><p:b x='1'>", "<a><b x=1> [cut off at 14 inside <b>]"),
            ("<a><!-- x", "<a> [cut off at 3 inside <a>]"),
            ("<a><![CDATA[x", "<a> [cut off at 3 inside <a>]"),
            ("<a></a", "<a> [cut off at 3 inside <a>]"),
            ("<!DOCTYPE a [", " [cut off at 0 inside <>]"),
            ("<a/>", "<a></a>"),
        ] {
            assert_eq!(events(doc).unwrap(), expected, "{doc}");
        }
    }

    /// A generated element: name, attributes, text, children.
    #[derive(Debug, Clone)]
    struct El(String, Vec<(String, String)>, String, Vec<El>);

    fn escape(s: &str) -> String {
        s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    }

    impl El {
        fn xml(&self, out: &mut String) {
            let attrs: String = self.1.iter().map(|(k, v)| format!(" {k}=\"{}\"", escape(v))).collect();
            if self.2.is_empty() && self.3.is_empty() {
                out.push_str(&format!("<{}{attrs}/>", self.0));
                return;
            }
            out.push_str(&format!("<{}{attrs}>{}", self.0, escape(&self.2)));
            for c in &self.3 {
                c.xml(out);
                out.push_str("\n  ");
            }
            out.push_str(&format!("</{}>", self.0));
        }

        fn expected(&self, out: &mut String) {
            out.push('<');
            out.push_str(self.0.rsplit(':').next().unwrap_or_default());
            for (k, v) in &self.1 {
                out.push_str(&format!(" {k}={v}"));
            }
            out.push('>');
            if !self.2.trim().is_empty() {
                out.push_str(&format!("{:?}", self.2.trim()));
            }
            self.3.iter().for_each(|c| c.expected(out));
            out.push_str(&format!("</{}>", self.0.rsplit(':').next().unwrap_or_default()));
        }
    }

    fn element() -> impl proptest::strategy::Strategy<Value = El> {
        use proptest::prelude::*;
        let name = "(ns:)?[a-zA-Z][a-zA-Z0-9]{0,6}";
        let leaf = (name, proptest::collection::vec(("[a-z]{1,4}", "[ -~]{0,8}"), 0..3), "[ -~]{0,10}")
            .prop_map(|(n, a, t)| El(n, a, t, Vec::new()));
        leaf.prop_recursive(4, 40, 5, move |inner| {
            (name, "[ -~]{0,10}", proptest::collection::vec(inner, 0..5)).prop_map(|(n, t, c)| El(n, Vec::new(), t, c))
        })
    }

    proptest::proptest! {
        /// Any document we write is read back as the same elements, attributes and text.
        #[test]
        fn written_documents_read_back_the_same(root in element()) {
            let mut doc = String::from("<?xml version=\"1.0\"?>\n<!-- generated -->\n");
            root.xml(&mut doc);
            let mut expected = String::new();
            root.expected(&mut expected);
            proptest::prop_assert_eq!(events(&doc).unwrap(), expected, "{}", doc);
        }
    }
}
