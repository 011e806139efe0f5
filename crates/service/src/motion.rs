//! Motion recordings of logged sessions: a file (or the phone's own
//! recording) read and analysed by `gait`, and its analysis kept with the
//! session. A file that cannot be read, or that holds no walking, is refused
//! with what was wrong and where, and nothing is kept.

use crate::{ServiceError, ServiceResult, State};
use coach::Code;
use coach::motion::{Motion, MotionBout};
use gait::analysis::{Analysis, DirectionModel, analyse};
use gait::steps::StepParams;
use store::Store;

/// The largest recording taken: 30 minutes at 100 Hz of a phone's CSV is
/// about 12 MB.
pub const MOST_BYTES: usize = 32 * 1024 * 1024;

/// Reads, analyses and keeps a recording for the session logged on `date`.
pub async fn import<S: Store>(
    store: &S,
    state: &State,
    date: jiff::civil::Date,
    source: &str,
    bytes: &[u8],
    now: jiff::Timestamp,
) -> ServiceResult<Motion> {
    let motion = analysed(state, date, source, bytes)?;
    keep(store, state, &motion, now).await?;
    Ok(motion)
}

/// Keeps an analysis made by `analysed` (a shell may analyse off its async
/// threads, then keep).
pub async fn keep<S: Store>(store: &S, state: &State, motion: &Motion, now: jiff::Timestamp) -> ServiceResult<()> {
    Ok(store.save_motion(state.walker.id, motion, now).await?)
}

/// The analysis of a recording for the session on `date`, without keeping it.
pub fn analysed(state: &State, date: jiff::civil::Date, source: &str, bytes: &[u8]) -> ServiceResult<Motion> {
    if state.history.log_on(date).is_none() {
        return Err(ServiceError::conflict(
            Code::NothingToDo,
            format!("session: no session is logged on {date}; log it first, then add its recording"),
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
    let a = analyse(&rec, &StepParams::default(), &DirectionModel::default())
        .map_err(|e| ServiceError::refused(Code::Invalid, format!("file: {source}: {e}")))?;
    if a.bouts.is_empty() {
        return Err(ServiceError::refused(
            Code::NothingToDo,
            format!("file: {source}: no walking found in this recording (no run of four or more regular steps)"),
        ));
    }
    Ok(record(date, source, &a))
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
    Motion { session, source: source_name(source), duration_s: a.duration_s, bouts }
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
