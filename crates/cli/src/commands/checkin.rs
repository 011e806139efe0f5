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
        None => prompt::stdio().pain(render::terminal().t("cli.ask.pain_morning"), None)?,
    };
    let symptoms = symptoms_or_ask(&a.symptoms, a.no_symptoms)?;
    let done = service::check_in(&store, &state, Some(date), pain, symptoms, jiff::Timestamp::now()).await?;
    emit(g.json, &done, || {
        if let Some(stop) = &done.stop {
            return render::pause(stop, &state.screen.outcome);
        }
        let (l, p) = (render::terminal(), &state.programme);
        let (usual, now) = (p.setup.baseline_pain.value().to_string(), pain.value().to_string());
        let session = done.checkin.session_date.to_string();
        let mut s = l.ta("cli.morning_recorded", &[("pain", &now), ("usual", &usual), ("date", &session)]) + "\n";
        match done.decision.dose {
            Some(d) => {
                let week = p.week_of(done.decision.effective);
                let dose = words::coach_words::summary(&l, &d, week, p.limits.supported_only);
                s += &(l.ta("cli.next_dose", &[("dose", &dose)]) + "\n");
            }
            None => s += &(l.t("cli.stop_now").to_string() + "\n"),
        }
        s += &(l.ta("cli.why_line", &[("why", &render::why(&done.decision))]) + "\n");
        s
    })
}
