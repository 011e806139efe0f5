//! `retrowalk log`: record a session; the next dose is decided and stored with it.

use super::{Output, emit, require_training_allowed};
use crate::answers::kmh_to_tenths;
use crate::cli::{Global, LogArgs};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::prompt;
use crate::render;
use coach::Pain;
use coach::history::{SessionLog, Symptom};
use serde_json::json;
use store::Store;

fn small(field: &str, v: i64, range: std::ops::RangeInclusive<i64>) -> CliResult<u8> {
    if range.contains(&v) {
        Ok(v as u8)
    } else {
        Err(CliError::input(format!("{field}: must be {} to {}; got {v}", range.start(), range.end())))
    }
}

pub fn symptoms(items: &[String]) -> CliResult<Vec<Symptom>> {
    let mut out: Vec<Symptom> =
        items.iter().map(|s| Symptom::parse(s).map_err(CliError::from)).collect::<CliResult<_>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

/// Asks about each red-flag symptom unless the flags already answered.
pub fn symptoms_or_ask(given: &[String], none: bool) -> CliResult<Vec<Symptom>> {
    if none || !given.is_empty() {
        return symptoms(given);
    }
    let mut p = prompt::stdio();
    let mut out = Vec::new();
    for s in Symptom::ALL {
        if p.yes_no(&format!("Since the session: {}?", s.label().to_lowercase()), Some(false))? {
            out.push(s);
        }
    }
    Ok(out)
}

pub async fn run(g: &Global, a: &LogArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    require_training_allowed(&state)?;
    let date = state.past_date(&a.date)?;
    if date < state.programme.start() {
        return Err(CliError::input(format!(
            "--date: {date} is before your programme starts ({})",
            state.programme.start()
        )));
    }
    if state.history.log_on(date).is_some() {
        return Err(CliError::input(format!("a session is already logged for {date}")));
    }
    let tl = state.timeline();
    let prescribed = tl.dose_on(date).unwrap_or(state.programme.limits.start_dose());
    let week = state.programme.week_of(date);

    // Validate every flag before asking anything, so a typo fails fast.
    let minutes = a.dose.minutes.map(|m| small("--minutes", m, 1..=120)).transpose()?;
    let bouts = a.bouts.map(|b| small("--bouts", b, 1..=30)).transpose()?;
    let speed = a.dose.speed.map(|s| kmh_to_tenths("--speed", s)).transpose()?;
    let incline = a.dose.incline.map(|i| small("--incline", i, 0..=15)).transpose()?;
    let rpe = a.rpe.map(|r| small("--rpe", r, 0..=10)).transpose()?;
    let pains = [("--pain-before", a.pain_before), ("--pain-peak", a.pain_peak), ("--pain-after", a.pain_after)]
        .map(|(f, v)| v.map(|v| Pain::parse_for(f, v)).transpose());
    let [before, peak, after] = pains;
    let (mut before, mut peak, mut after) = (before?, peak?, after?);
    let given_symptoms = symptoms(&a.symptoms)?;

    let mut p = prompt::stdio();
    if before.is_none() {
        before = Some(p.pain("Knee pain before the session", None)?);
    }
    if peak.is_none() {
        peak = Some(p.pain("Worst knee pain during the session", None)?);
    }
    if after.is_none() {
        after = Some(p.pain("Knee pain just after", None)?);
    }
    let symptom_list =
        if a.no_symptoms || !given_symptoms.is_empty() { given_symptoms } else { symptoms_or_ask(&[], false)? };
    let (Some(pain_before), Some(pain_peak), Some(pain_after)) = (before, peak, after) else {
        return Err(CliError::input("pain before, during and after are needed"));
    };

    let log = SessionLog {
        date,
        minutes: minutes.unwrap_or(prescribed.minutes),
        bouts: bouts.unwrap_or(prescribed.bouts(week, state.programme.limits.supported_only).len() as u8),
        speed_tenths: speed
            .or(Some(prescribed.speed_tenths))
            .filter(|_| a.surface.map(Into::into).unwrap_or(prescribed.surface) == coach::dose::Surface::Treadmill),
        incline_pct: incline.unwrap_or(prescribed.incline_pct),
        support: a.dose.support.map(Into::into).unwrap_or(prescribed.support),
        surface: a.surface.map(Into::into).unwrap_or(prescribed.surface),
        pain_before,
        pain_peak,
        pain_after,
        rpe,
        symptoms: symptom_list,
        notes: a.notes.clone().unwrap_or_default(),
    };
    log.validate()?;

    let mut history = state.history.clone();
    history.logs.push(log.clone());
    let after_tl = state.timeline_with(&history);
    let decision = after_tl
        .after(date)
        .cloned()
        .ok_or_else(|| CliError::Other(anyhow::anyhow!("the coach made no decision for the session on {date}")))?;
    store.log_session(state.record.id, &log, &decision, jiff::Timestamp::now()).await?;

    let next = state.programme.next_retro_after(date);
    let value = json!({ "logged": log, "decision": decision, "next_session": next });
    emit(g.json, &value, || {
        let mut s = format!("Logged {} min of backward walking on {date}.\n", log.minutes);
        match (decision.dose, next) {
            (Some(d), Some(n)) => s.push_str(&format!(
                "Next session ({}): {}\n",
                n.strftime("%a %-d %b"),
                d.summary(state.programme.week_of(n), state.programme.limits.supported_only)
            )),
            (Some(_), None) => s.push_str("That was the last session of your programme.\n"),
            (None, _) => s.push_str("STOP: do not walk backwards again until you have spoken with your clinician.\n"),
        }
        s.push_str(&format!("Why: {}\n", render::why(&decision)));
        if decision.dose.is_some() {
            s.push_str("Tomorrow morning, record how your knee feels: `retrowalk checkin --pain N`.\n");
        }
        s
    })
}
