//! Readers for the files watches, bike computers and apps write: FIT, GPX and
//! TCX. Bytes in, plain values out; no I/O, no clock. A reader never panics on
//! input: a file it cannot read is an error that says where, and a file that
//! breaks off part-way gives what came before, with a warning.

mod activity;
pub mod fit;
mod geo;
pub mod gpx;
mod num;
pub mod tcx;
mod time;
mod xml;

pub use activity::{Activity, Cadence, CadenceUnit, Content, Details, Format, Parsed, ReadError, Warning};

/// Which format the bytes are, by their content (a FIT header, or the XML root).
pub fn detect(bytes: &[u8]) -> Option<Format> {
    if bytes.len() >= 12 && &bytes[8..12] == b".FIT" {
        return Some(Format::Fit);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
    if has(b"<TrainingCenterDatabase") {
        Some(Format::Tcx)
    } else if has(b"<gpx") {
        Some(Format::Gpx)
    } else {
        None
    }
}

/// Reads a file of any supported format.
pub fn read(bytes: &[u8]) -> Result<Parsed, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::new(None, "the file is empty"));
    }
    match detect(bytes) {
        Some(Format::Fit) => fit::read(bytes),
        Some(Format::Gpx) => gpx::read(bytes),
        Some(Format::Tcx) => tcx::read(bytes),
        None => Err(ReadError::new(
            Some(0),
            "not a FIT, GPX or TCX file: no FIT header and no <gpx> or <TrainingCenterDatabase> element",
        )),
    }
}
