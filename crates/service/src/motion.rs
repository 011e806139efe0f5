//! Motion recordings of logged sessions: a file (or the phone's own
//! recording) read and analysed by `gait`, and its analysis kept with the
//! session. A file that cannot be read, or that holds no walking, is refused
//! with what was wrong and where, and nothing is kept.

use crate::{ServiceError, ServiceResult, State};
use coach::Code;
use coach::motion::{Motion, MotionBout};
use gait::analysis::{Analysis, DirectionModel, analyse, forward_model};
use gait::steps::StepParams;
use store::Store;

/// The largest recording taken: 30 minutes at 100 Hz of a phone's CSV is
/// about 12 MB.
pub const MOST_BYTES: usize = 32 * 1024 * 1024;

/// The longest forward warm-up a recording may start with, in seconds.
pub const MOST_FORWARD_S: f64 = 3600.0;

/// A recording as it arrives: its name, its bytes, and what its sender
/// knows of it.
pub struct Upload<'a> {
    pub source: &'a str,
    pub bytes: &'a [u8],
    pub known: &'a Known,
}

/// What the sender of a recording knows beyond its bytes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Known {
    /// Seconds at its start known to be forward walking (a guided session's
    /// warm-up): they set the direction for the walker's own step
    /// (`gait::direction`).
    pub forward_s: Option<f64>,
    /// The parts of a guided session prescribed as backward walking, in
    /// seconds on the recording's clock (the phone's own recording knows
    /// them): a bout found forward there is said to the walker.
    pub backward_parts: Vec<(f64, f64)>,
    /// Units and a rate that the file's header does not say.
    pub stated: gait::csv::Stated,
}

/// The most backward parts a session has (its bouts), with room to spare.
const MOST_PARTS: usize = 200;

/// Backward parts as sent: `from-to` seconds, separated by commas
/// (`300-480,540-660`); empty is none. Refused, naming `backward_parts`,
/// when a part is not two numbers in order from 0 up.
pub fn backward_parts(typed: &str) -> ServiceResult<Vec<(f64, f64)>> {
    let wrong = || {
        ServiceError::refused(
            Code::Invalid,
            "backward_parts: write each part as from-to seconds, in order, separated by commas (for example 300-480,540-660)",
        )
    };
    let mut parts = Vec::new();
    for part in typed.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if parts.len() == MOST_PARTS {
            return Err(wrong());
        }
        let (from, to) = part.split_once('-').ok_or_else(wrong)?;
        let number = |t: &str| t.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0);
        match (number(from), number(to)) {
            (Some(a), Some(b)) if a < b && parts.last().is_none_or(|(_, end): &(f64, f64)| *end <= a) => {
                parts.push((a, b));
            }
            _ => return Err(wrong()),
        }
    }
    Ok(parts)
}

/// Units and a rate as sent by a form or the API (`acc_unit`: `m/s2` or
/// `g`; `gyr_unit`: `rad/s` or `deg/s`; `time_unit`: `s`, `ms`, `ns` or
/// `samples`; `rate_hz`: 1 to 1,000); empty is "find out". Each refusal
/// names its field.
pub fn stated(
    acc: Option<&str>,
    gyr: Option<&str>,
    time: Option<&str>,
    rate: Option<&str>,
) -> ServiceResult<gait::csv::Stated> {
    use gait::csv::{AccUnit, GyrUnit, TimeUnit};
    let acc = match given(acc) {
        None => None,
        Some("m/s2") => Some(AccUnit::MetresPerSecond2),
        Some("g") => Some(AccUnit::G),
        Some(_) => return Err(ServiceError::refused(Code::Invalid, "acc_unit: the acceleration's unit is m/s2 or g")),
    };
    let gyr = match given(gyr) {
        None => None,
        Some("rad/s") => Some(GyrUnit::RadPerSecond),
        Some("deg/s") => Some(GyrUnit::DegPerSecond),
        Some(_) => return Err(ServiceError::refused(Code::Invalid, "gyr_unit: the rotation's unit is rad/s or deg/s")),
    };
    let time = match given(time) {
        None => None,
        Some("s") => Some(TimeUnit::Seconds),
        Some("ms") => Some(TimeUnit::Millis),
        Some("ns") => Some(TimeUnit::Nanos),
        Some("samples") => Some(TimeUnit::Samples),
        Some(_) => {
            return Err(ServiceError::refused(
                Code::Invalid,
                "time_unit: the time column's unit is s, ms, ns or samples",
            ));
        }
    };
    let rate_hz = match given(rate) {
        None => None,
        Some(r) => {
            Some(r.parse::<f64>().ok().filter(|r| (1.0..=gait::csv::MOST_RATE_HZ).contains(r)).ok_or_else(|| {
                ServiceError::refused(
                    Code::Invalid,
                    format!("rate_hz: samples a second, a number from 1 to {}", gait::csv::MOST_RATE_HZ),
                )
            })?)
        }
    };
    Ok(gait::csv::Stated { acc, gyr, time, rate_hz })
}

/// A recording's analysis, and the SHA-256 of the file it was read from.
pub struct Analysed {
    pub motion: Motion,
    pub sha256: String,
}

/// Reads, analyses and keeps a recording for the session logged on `date`.
pub async fn import<S: Store>(
    store: &S,
    state: &State,
    date: jiff::civil::Date,
    upload: &Upload<'_>,
    now: jiff::Timestamp,
) -> ServiceResult<Motion> {
    let a = analysed(state, date, upload)?;
    keep(store, state, &a, now).await?;
    Ok(a.motion)
}

/// Keeps an analysis made by `analysed` (a shell may analyse off its async
/// threads, then keep). A file kept already for the walker is refused as a
/// conflict that names the session it is kept with: the same recording
/// twice would double the week's steps and minutes. A phone that sends its
/// queued recording again, its first answer lost, is told so and stops.
pub async fn keep<S: Store>(store: &S, state: &State, a: &Analysed, now: jiff::Timestamp) -> ServiceResult<()> {
    let walker = state.walker.id;
    match store.save_motion(walker, &a.motion, &a.sha256, now).await {
        Err(store::StoreError::Duplicate(_)) => {
            let first = store.motion_by_hash(walker, &a.sha256).await?;
            let (source, date) =
                first.map_or((a.motion.source.clone(), a.motion.session), |f| (f.motion.source, f.motion.session));
            Err(ServiceError::conflict(
                Code::AlreadyDone,
                format!("file: this recording is kept already, as {source} of the session on {date}; it counts once, so nothing was added"),
            )
            .said("refusal.motion_kept", &[("file", &source), ("date", &date)]))
        }
        done => Ok(done?),
    }
}

/// The analysis of a recording for the session on `date`, without keeping it.
pub fn analysed(state: &State, date: jiff::civil::Date, upload: &Upload<'_>) -> ServiceResult<Analysed> {
    let Upload { source, bytes, known } = *upload;
    let forward_s = known.forward_s;
    if state.history.log_on(date).is_none() {
        return Err(ServiceError::conflict(
            Code::NothingToDo,
            format!("session: no session is logged on {date}; log it first, then add its recording"),
        ));
    }
    if forward_s.is_some_and(|s| !(0.0..=MOST_FORWARD_S).contains(&s)) {
        return Err(ServiceError::refused(
            Code::Invalid,
            format!(
                "forward_s: the seconds of forward warm-up at the start must be a number from 0 to {MOST_FORWARD_S}"
            ),
        ));
    }
    if bytes.len() > MOST_BYTES {
        return Err(ServiceError::refused(
            Code::TooLong,
            format!("file: {source} is over {} MB; send 30 minutes or less", MOST_BYTES / (1024 * 1024)),
        ));
    }
    let (rec, _) = gait::read(bytes, &known.stated).map_err(|e| match e.needs_rate {
        // Nothing wrong with the file that stating its rate does not mend.
        true => ServiceError::refused(Code::Required, format!("rate_hz: {source}: {e}")),
        false => ServiceError::refused(Code::Invalid, format!("file: {source}: {e}")),
    })?;
    let a = analysed_recording(&rec, forward_s)
        .map_err(|e| ServiceError::refused(Code::Invalid, format!("file: {source}: {e}")))?;
    if a.bouts.is_empty() {
        return Err(ServiceError::refused(
            Code::NothingToDo,
            format!("file: {source}: no walking found in this recording (no run of four or more regular steps)"),
        ));
    }
    Ok(Analysed { motion: record(date, source, &a, &known.backward_parts), sha256: crate::imports::sha256_hex(bytes) })
}

/// A recording analysed, its direction set by the walker's own forward
/// walking in its first `forward_s` seconds where there is some, else by
/// the sign most people's forward walking gives. A recording that ends
/// within the warm-up (a session stopped early) has nothing left to tell
/// apart: its bouts are read with the common sign, as measured.
pub fn analysed_recording(rec: &gait::Recording, forward_s: Option<f64>) -> Result<Analysis, String> {
    let p = StepParams::default();
    let model = match forward_s {
        Some(s) if s > 0.0 && s < rec.duration_s() => forward_model(rec, &p, s)?.unwrap_or_default(),
        _ => DirectionModel::default(),
    };
    analyse(rec, &p, &model)
}

fn record(session: jiff::civil::Date, source: &str, a: &Analysis, backward_parts: &[(f64, f64)]) -> Motion {
    // A bout is in a backward part when its middle is: a bout runs on a
    // little past a part's end while the walker turns round.
    let in_backward_part = |b: &gait::analysis::Bout| {
        let middle = (b.start_s + b.end_s) / 2.0;
        backward_parts.iter().any(|(from, to)| (*from..*to).contains(&middle))
    };
    let bouts = a
        .bouts
        .iter()
        .map(|b| MotionBout {
            in_backward_part: in_backward_part(b),
            start_s: b.start_s,
            end_s: b.end_s,
            backward: b.direction == gait::analysis::Direction::Backward,
            confidence: b.confidence,
            steps: b.steps.len() as u32,
            cadence: b.cadence,
            step_time_cv: b.step_time_cv,
            asymmetry: b.asymmetry,
        })
        .collect();
    Motion { session, source: source_name(source), duration_s: a.duration_s, bouts, own_direction: a.own_direction }
}

/// A file's name as kept and shown: one line, at most 100 characters.
fn source_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !c.is_control()).take(100).collect();
    if clean.trim().is_empty() { "upload".into() } else { clean }
}

/// The walker's recordings, oldest first.
pub async fn motions<S: Store>(store: &S, access: crate::Access) -> ServiceResult<Vec<store::StoredMotion>> {
    Ok(store.motions(access.walker()).await?)
}

/// Deletes one of the walker's recordings: the walker's own choice, so
/// allowed even while training is paused. Another walker's id, or one
/// already deleted, is not found.
pub async fn delete<S: Store>(store: &S, access: crate::Access, id: i64) -> ServiceResult<()> {
    // Only the walker deletes their own recordings (in the app, or with the
    // command line on their own database, as its operator): a care team
    // reads them.
    if !matches!(access.grant(), crate::Grant::Own | crate::Grant::Operator) {
        return Err(ServiceError::NotFound(format!("recording: there is no recording {id}")));
    }
    match store.delete_motion(access.walker(), id).await? {
        true => Ok(()),
        false => Err(ServiceError::NotFound(format!("recording: there is no recording {id}"))),
    }
}

/// A value sent, unless empty.
fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}
