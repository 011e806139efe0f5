//! `retrowalk clear`: record a professional's clearance, or, when the coach
//! stopped the programme, the clinician's restart with the dose it restarts at.

use super::overrides::dose_input;
use super::{Output, emit};
use crate::cli::{ClearArgs, Global};
use crate::context::{self, time_zone};
use crate::error::{CliError, CliResult};
use crate::render;
use service::RestartInput;

pub async fn run(g: &Global, args: &ClearArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    // Decided on the kind of pause, never on wording: a stop by the coach needs
    // a restart; a screening concern needs a clearance.
    if state.pause().is_some_and(|p| p.kind.needs_restart()) {
        return restart(g, &store, &state, args).await;
    }
    let at = match context::date_arg(&args.date)? {
        Some(d) => state
            .past_date(Some(d))?
            .to_zoned_datetime(time_zone(&state.walker.time_zone)?)
            .map_err(|e| CliError::input(format!("--date: {e}")))?
            .timestamp(),
        None => jiff::Timestamp::now(),
    };
    let l = render::terminal();
    // The role is kept as written: a missing one in the walker's own words.
    let role = l.role_or_default(args.role.as_deref().unwrap_or_default());
    let outcome = service::clear(&store, state.access, &args.by, &role, at, &args.note, jiff::Timestamp::now()).await?;
    emit(g.json, &outcome, || format!("{}\n\n{}", l.t("cli.clear.recorded"), render::outcome(&outcome)))
}

async fn restart(g: &Global, store: &store::SqlStore, state: &service::State, args: &ClearArgs) -> CliResult<Output> {
    let l = render::terminal();
    if args.date.is_some() {
        return Err(CliError::input(l.t("cli.clear.no_date")));
    }
    let role = args.role.clone().ok_or_else(|| CliError::input(l.t("cli.clear.needs_role")))?;
    let input = RestartInput { dose: dose_input(&args.dose)?, by: args.by.clone(), role, note: args.note.clone() };
    let done = service::restart(store, state, input, jiff::Timestamp::now()).await?;
    emit(g.json, &done, || {
        let r = &done.restart;
        let p = &state.programme;
        let dose = words::coach_words::summary(&l, &r.dose, p.week_of(r.effective), p.limits.supported_only);
        let day = r.effective.to_string();
        let mut s = l.ta("cli.clear.restart", &[("by", &r.by), ("role", &r.role), ("day", &day), ("dose", &dose)]);
        s.push('\n');
        if !r.reason.is_empty() {
            s.push_str(&l.ta("cli.outcome.note", &[("text", &r.reason)]));
            s.push('\n');
        }
        s.push_str(&l.ta("cli.why_line", &[("why", &render::why(&done.decision))]));
        s.push('\n');
        s
    })
}
