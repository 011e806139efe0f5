//! `retrowalk clear`: record a professional's clearance.

use super::{Output, emit};
use crate::cli::{ClearArgs, Global};
use crate::context::{self, time_zone};
use crate::error::{CliError, CliResult};
use crate::render;

pub async fn run(g: &Global, args: &ClearArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let at = match context::date_arg(&args.date)? {
        Some(d) => state
            .past_date(Some(d))?
            .to_zoned_datetime(time_zone(&state.walker.time_zone)?)
            .map_err(|e| CliError::input(format!("--date: {e}")))?
            .timestamp(),
        None => jiff::Timestamp::now(),
    };
    let outcome =
        service::clear(&store, state.walker.id, &args.by, &args.role, at, &args.note, jiff::Timestamp::now()).await?;
    emit(g.json, &outcome, || format!("Clearance recorded.\n\n{}", render::outcome(&outcome)))
}
