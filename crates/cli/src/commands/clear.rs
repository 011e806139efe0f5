//! `retrowalk clear`: record a professional's clearance.

use super::{Output, emit};
use crate::cli::{ClearArgs, Global};
use crate::context::{self, time_zone};
use crate::error::{CliError, CliResult};
use crate::render;
use coach::screening::{Clearance, Status, evaluate};
use store::Store;

pub async fn run(g: &Global, args: &ClearArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let outcome = &state.screen.outcome;
    if outcome.status == Status::Blocked {
        return Err(CliError::input(
            "a red flag cannot be cleared here. After a clinician has seen you and the problem is resolved, redo the screening with `retrowalk screen`.",
        ));
    }
    if outcome.needs_clearance_for.is_empty() {
        return Err(CliError::input(format!(
            "nothing needs clearance: your screening outcome is {}.",
            outcome.status.label()
        )));
    }
    if args.by.trim().is_empty() {
        return Err(CliError::input("--by: name the professional who cleared you"));
    }
    let at = match &args.date {
        Some(_) => {
            let date = state.past_date(&args.date)?;
            date.to_zoned_datetime(time_zone(&state.walker.time_zone)?)
                .map_err(|e| CliError::input(format!("--date: {e}")))?
                .timestamp()
        }
        None => jiff::Timestamp::now(),
    };
    let mut covers = outcome.needs_clearance_for.clone();
    if let Some(previous) = &state.clearance {
        covers.extend(previous.covers.iter().copied().filter(|q| !outcome.needs_clearance_for.contains(q)));
    }
    let clearance =
        Clearance { by: args.by.trim().into(), role: args.role.trim().into(), at, covers, note: args.note.clone() };
    let new_outcome = evaluate(&state.screen.answers, Some(&clearance));
    store
        .save_clearance(state.walker.id, &clearance, &state.screen.answers, &new_outcome, jiff::Timestamp::now())
        .await?;
    emit(g.json, &new_outcome, || format!("Clearance recorded.\n\n{}", render::outcome(&new_outcome)))
}
