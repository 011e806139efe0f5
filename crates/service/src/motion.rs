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

/// A recording as it arrives: its name, its bytes, and how many seconds at
/// its start are known to be forward walking (a guided session's warm-up),
/// which set the direction for the walker's own step (`gait::direction`).
pub struct Upload<'a> {
    pub source: &'a str,
    pub bytes: &'a [u8],
    pub forward_s: Option<f64>,
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
    let Upload { source, bytes, forward_s } = *upload;
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
    let (rec, _) = gait::read(bytes, &Default::default())
        .map_err(|e| ServiceError::refused(Code::Invalid, format!("file: {source}: {e}")))?;
    let a = analysed_recording(&rec, forward_s)
        .map_err(|e| ServiceError::refused(Code::Invalid, format!("file: {source}: {e}")))?;
    if a.bouts.is_empty() {
        return Err(ServiceError::refused(
            Code::NothingToDo,
            format!("file: {source}: no walking found in this recording (no run of four or more regular steps)"),
        ));
    }
    Ok(Analysed { motion: record(date, source, &a), sha256: crate::imports::sha256_hex(bytes) })
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

fn record(session: jiff::civil::Date, source: &str, a: &Analysis) -> Motion {
    let bouts = a
        .bouts
        .iter()
        .map(|b| MotionBout {
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
