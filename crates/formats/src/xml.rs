//! A thin layer over quick-xml's event reader for GPX and TCX: element names
//! without namespace prefixes, attributes unescaped, text with entity
//! references resolved, and errors with their byte offset.

use crate::activity::ReadError;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::borrow::Cow;

pub enum Node<'a> {
    /// An element opens (a self-closing one is followed at once by its End).
    Start {
        name: &'a str,
        attrs: Attrs<'a>,
    },
    /// A piece of text inside the innermost open element.
    Text(Cow<'a, str>),
    End {
        name: &'a str,
    },
}

/// The file as text: UTF-8 with any byte-order mark removed; invalid bytes
/// become U+FFFD rather than failing the whole file.
pub fn text(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The name without its namespace prefix. Names are short: a plain scan
/// beats a search call.
fn local(name: &str) -> &str {
    match name.bytes().position(|b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn entity(name: &str) -> Option<String> {
    let c = match name {
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
    };
    Some(c.to_string())
}

/// Calls `on` for every element start, text and end in document order.
pub fn walk(doc: &str, mut on: impl FnMut(Node<'_>)) -> Result<(), ReadError> {
    let mut reader = Reader::from_str(doc);
    reader.config_mut().trim_text(true);
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| ReadError::new(Some(at), format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(e) => on(Node::Start { name: local(e.name().into_inner()), attrs: Attrs(&e) }),
            Event::Empty(e) => {
                let name = local(e.name().into_inner());
                on(Node::Start { name, attrs: Attrs(&e) });
                on(Node::End { name });
            }
            Event::End(e) => on(Node::End { name: local(e.name().into_inner()) }),
            Event::Text(t) => on(Node::Text(t.into_inner())),
            Event::CData(t) => on(Node::Text(t.into_inner())),
            Event::GeneralRef(r) => {
                if let Some(s) = entity(&r.into_inner()) {
                    on(Node::Text(Cow::Owned(s)));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An element's attributes, read only when asked for: most elements have
/// none that matter, and this keeps the reader from allocating for them.
pub struct Attrs<'a>(&'a quick_xml::events::BytesStart<'a>);

impl Attrs<'_> {
    /// Calls `f` with each attribute's local name and unescaped value, without
    /// copying values that need no unescaping.
    pub fn each(&self, mut f: impl FnMut(&str, &str)) {
        for a in self.0.attributes().with_checks(false).flatten() {
            let key = local(a.key.into_inner());
            match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => f(key, &v),
                Err(_) => f(key, &a.value),
            }
        }
    }

    /// The unescaped value of the attribute with this local name.
    pub fn get(&self, key: &str) -> Option<String> {
        // Duplicate-attribute checks cost time on every element and change nothing here.
        self.0.attributes().with_checks(false).flatten().find(|a| local(a.key.into_inner()) == key).map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.clone().into_owned())
        })
    }
}
