//! `retrowalk checkin`: next-morning pain, which settles the next dose.

use super::log::symptoms_or_ask;
use super::{Output, emit};
use crate::cli::{CheckinArgs, Global};
use crate::context;
use crate::error::CliResult;
use crate::prompt;
use crate::render;
use coach::Pain;

pub async fn run(g: &Global, a: &CheckinArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    // Check there is a session to check in on before asking anything.
    let (date, _) = service::checkin_session(&state, context::date_arg(&a.date)?)?;
    let pain = match a.pain {
        Some(v) => Pain::parse_for("--pain", v)?,
        None => prompt::stdio().pain("Knee pain this morning", None)?,
    };
    let symptoms = symptoms_or_ask(&a.symptoms, a.no_symptoms)?;
    let done = service::check_in(&store, &state, Some(date), pain, symptoms, jiff::Timestamp::now()).await?;
    emit(g.json, &done, || {
        if let Some(stop) = &done.stop {
            return render::pause(stop);
        }
        let p = &state.programme;
        let usual = p.setup.baseline_pain.value();
        let session = done.checkin.session_date;
        let mut s = format!(
            "Morning pain {}/10 recorded (your usual: {usual}/10) for the session on {session}.\n",
            pain.value()
        );
        match done.decision.dose {
            Some(d) => s.push_str(&format!(
                "Next dose: {}\n",
                d.summary(p.week_of(done.decision.effective), p.limits.supported_only)
            )),
            None => s.push_str("STOP: do not walk backwards again until you have spoken with your clinician.\n"),
        }
        s.push_str(&format!("Why: {}\n", render::why(&done.decision)));
        s
    })
}
