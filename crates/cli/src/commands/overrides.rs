//! `retrowalk override`: a clinician sets the dose; it wins and is recorded.

use super::log::small;
use super::{Output, emit};
use crate::answers::kmh_to_tenths;
use crate::cli::{Global, OverrideArgs};
use crate::context;
use crate::error::CliResult;
use crate::render;
use service::OverrideInput;

pub async fn run(g: &Global, a: &OverrideArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let input = OverrideInput {
        date: context::date_arg(&a.date)?,
        minutes: a.dose.minutes.map(|m| small("--minutes", m, 3..=20)).transpose()?,
        speed_tenths: a.dose.speed.map(|s| kmh_to_tenths("--speed", s)).transpose()?,
        incline_pct: a.dose.incline.map(|i| small("--incline", i, 0..=5)).transpose()?,
        support: a.dose.support.map(Into::into),
        by: a.by.clone(),
        reason: a.reason.clone(),
    };
    let done = service::override_dose(&store, &state, input, jiff::Timestamp::now()).await?;
    emit(g.json, &done, || {
        let p = &state.programme;
        let o = &done.applied;
        format!(
            "Override recorded from {}: {}\nWhy: {}\n",
            o.effective,
            o.dose.summary(p.week_of(o.effective), p.limits.supported_only),
            render::why(&done.decision)
        )
    })
}
