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

pub use activity::{
    Activity, Cadence, CadenceUnit, Content, Details, Format, Parsed, ReadError, Unreadable, Warning, normalise_sport,
};

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
        return Err(ReadError::new(Unreadable::Empty, None, "the file is empty"));
    }
    let mut parsed = match detect(bytes) {
        Some(Format::Fit) => fit::read(bytes),
        Some(Format::Gpx) => gpx::read(bytes),
        Some(Format::Tcx) => tcx::read(bytes),
        None => Err(ReadError::new(
            Unreadable::UnknownFormat,
            Some(0),
            "not a FIT, GPX or TCX file: no FIT header and no <gpx> or <TrainingCenterDatabase> element",
        )),
    }?;
    for (n, a) in parsed.activities.iter().enumerate() {
        parsed.warnings.extend(impossible_times(a, n + 1));
    }
    Ok(parsed)
}

/// Times no real activity has: moving longer than start to finish (a second
/// of rounding allowed), or a negative or week-long span. The figures are kept
/// as the device wrote them; the warning says they disagree.
fn impossible_times(a: &Activity, n: usize) -> Vec<Warning> {
    let mut out = Vec::new();
    let warn = |message: String| Warning { offset: None, message };
    if let (Some(moving), Some(elapsed)) = (a.moving_s, a.elapsed_s)
        && moving > elapsed + 1.0
    {
        out.push(warn(format!(
            "activity {n}: its moving time ({moving:.0} s) is longer than its elapsed time ({elapsed:.0} s); \
             the device's times disagree"
        )));
    }
    for (what, v) in [("elapsed", a.elapsed_s), ("moving", a.moving_s)] {
        match v {
            Some(s) if s < 0.0 => out.push(warn(format!("activity {n}: its {what} time is negative ({s:.0} s)"))),
            Some(s) if s > 7.0 * 86_400.0 => {
                out.push(warn(format!("activity {n}: its {what} time is over a week ({:.0} h)", s / 3600.0)))
            }
            _ => {}
        }
    }
    out
}
