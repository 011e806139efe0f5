//! `retrowalk override`: a clinician sets the dose; it wins and is recorded.

use super::log::small;
use super::{Output, emit};
use crate::answers::kmh_to_tenths;
use crate::cli::{AsClinician, DoseArgs, Global, OverrideArgs};
use crate::context;
use crate::error::CliResult;
use crate::render;
use service::{DoseInput, OverrideInput};

/// The dose flags a clinician gave, checked for range.
pub fn dose_input(d: &DoseArgs) -> CliResult<DoseInput> {
    Ok(DoseInput {
        minutes: d.minutes.map(|m| small("--minutes", m, 3..=20)).transpose()?,
        speed_tenths: d.speed.map(|s| kmh_to_tenths("--speed", s)).transpose()?,
        incline_pct: d.incline.map(|i| small("--incline", i, 0..=5)).transpose()?,
        support: d.support,
    })
}

pub async fn run(g: &Global, a: &OverrideArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    // As a clinician of retrowalk, their account signs it; else the name typed.
    let clinician = match &a.clinician {
        Some(email) => {
            let who = AsClinician { clinician: email.clone() };
            Some(super::care::as_clinician(&store, g, &who, true, "override").await?)
        }
        None => None,
    };
    let state = match clinician {
        Some(access) => context::load_with(&store, g, access).await?,
        None => context::load(&store, g).await?,
    };
    let input = OverrideInput {
        date: context::date_arg(&a.date)?,
        dose: dose_input(&a.dose)?,
        by: a.by.clone().unwrap_or_default(),
        reason: a.reason.clone(),
    };
    let done = service::override_dose(&store, &state, input, jiff::Timestamp::now()).await?;
    emit(g.json, &done, || {
        let l = render::terminal();
        let p = &state.programme;
        let o = &done.applied;
        let dose = words::coach_words::summary(&l, &o.dose, p.week_of(o.effective), p.limits.supported_only);
        let day = o.effective.to_string();
        let why = l.ta("cli.why_line", &[("why", &render::why(&done.decision))]);
        format!("{}\n{why}\n", l.ta("cli.override.done", &[("day", &day), ("dose", &dose)]))
    })
}
