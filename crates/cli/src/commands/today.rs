//! `retrowalk today`: what to do today, and why.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render;

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let tl = state.timeline();
    let view = coach::today::today(&state.programme, &state.screen.outcome, &tl, &state.history, state.today);
    emit(g.json, &view, || render::today(&view, &state))
}
