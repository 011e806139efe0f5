//! `retrowalk checkin`: next-morning pain, which settles the next dose.

use super::log::symptoms_or_ask;
use super::{Output, emit, require_training_allowed};
use crate::cli::{CheckinArgs, Global};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::prompt;
use crate::render;
use coach::Pain;
use coach::history::CheckIn;
use serde_json::json;
use store::Store;

pub async fn run(g: &Global, a: &CheckinArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    require_training_allowed(&state)?;
    let date = state.past_date(&a.date)?;
    let session = state.history.session_for_checkin(date).map(|l| l.date).ok_or_else(|| {
        CliError::input(format!(
            "there is no session in the two days before {date} to check in on; log a session first"
        ))
    })?;
    if state.history.checkin_for(session).is_some() {
        return Err(CliError::input(format!("the session on {session} already has a check-in")));
    }
    let pain = match a.pain {
        Some(v) => Pain::parse_for("--pain", v)?,
        None => prompt::stdio().pain("Knee pain this morning", None)?,
    };
    let symptoms = symptoms_or_ask(&a.symptoms, a.no_symptoms)?;
    let checkin = CheckIn { session_date: session, date, pain, symptoms };
    let mut history = state.history.clone();
    history.checkins.push(checkin.clone());
    let decision =
        state.timeline_with(&history).after(session).cloned().ok_or_else(|| {
            CliError::Other(anyhow::anyhow!("the coach made no decision for the session on {session}"))
        })?;
    store.check_in(state.record.id, &checkin, &decision, jiff::Timestamp::now()).await?;
    let value = json!({ "checkin": checkin, "decision": decision });
    emit(g.json, &value, || {
        let usual = state.programme.setup.baseline_pain.value();
        let mut s = format!(
            "Morning pain {}/10 recorded (your usual: {usual}/10) for the session on {session}.\n",
            pain.value()
        );
        match decision.dose {
            Some(d) => s.push_str(&format!(
                "Next dose: {}\n",
                d.summary(state.programme.week_of(decision.effective), state.programme.limits.supported_only)
            )),
            None => s.push_str("STOP: do not walk backwards again until you have spoken with your clinician.\n"),
        }
        s.push_str(&format!("Why: {}\n", render::why(&decision)));
        s
    })
}
