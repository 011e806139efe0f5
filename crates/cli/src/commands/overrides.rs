//! `retrowalk override`: a clinician sets the dose; it wins and is recorded.

use super::{Output, emit};
use crate::answers::kmh_to_tenths;
use crate::cli::{Global, OverrideArgs};
use crate::context::{self, parse_date};
use crate::error::{CliError, CliResult};
use crate::render;
use coach::history::Override;
use serde_json::json;
use store::Store;

pub async fn run(g: &Global, a: &OverrideArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let effective = match &a.date {
        Some(d) => parse_date("--date", d)?,
        None => state.today,
    };
    let limits = state.programme.limits;
    let mut dose = state.timeline().dose_on(effective).unwrap_or(limits.start_dose());
    if let Some(m) = a.dose.minutes {
        dose.minutes = u8::try_from(m).map_err(|_| CliError::input(format!("--minutes: must be 3 to 20; got {m}")))?;
    }
    if let Some(s) = a.dose.speed {
        dose.speed_tenths = kmh_to_tenths("--speed", s)?;
    }
    if let Some(i) = a.dose.incline {
        dose.incline_pct =
            u8::try_from(i).map_err(|_| CliError::input(format!("--incline: must be 0 to 5; got {i}")))?;
    }
    if let Some(s) = a.dose.support {
        dose.support = s.into();
    }
    if let Some(problem) = limits.violation(&dose) {
        return Err(CliError::input(format!("override refused: {problem}. Nothing was recorded.")));
    }
    let o = Override { effective, dose, by: a.by.trim().into(), reason: a.reason.trim().into() };
    o.validate()?;
    let mut history = state.history.clone();
    history.overrides.push(o.clone());
    let tl = state.timeline_with(&history);
    let decision = tl
        .decisions
        .iter()
        .rev()
        .find(|d| d.action == coach::adaptation::Action::Override && d.effective == effective)
        .cloned()
        .ok_or_else(|| CliError::Other(anyhow::anyhow!("the override was not applied")))?;
    store.add_override(state.record.id, &o, &decision, jiff::Timestamp::now()).await?;
    let value = json!({ "override": o, "decision": decision });
    emit(g.json, &value, || {
        format!(
            "Override recorded from {effective}: {}\nWhy: {}\n",
            dose.summary(state.programme.week_of(effective), limits.supported_only),
            render::why(&decision)
        )
    })
}
