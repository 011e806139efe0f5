//! `retrowalk log`: record a session; the next dose is decided and stored with it.

use super::{Output, emit};
use crate::answers::kmh_to_tenths;
use crate::cli::{Global, LogArgs};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::prompt;
use crate::render;
use coach::Pain;
use coach::history::Symptom;
use service::LogInput;

pub fn small(field: &str, v: i64, range: std::ops::RangeInclusive<i64>) -> CliResult<u8> {
    if range.contains(&v) {
        Ok(v as u8)
    } else {
        let (from, to, got) = (range.start().to_string(), range.end().to_string(), v.to_string());
        let said = crate::render::terminal().ta("cli.err.range", &[("from", &from), ("to", &to), ("got", &got)]);
        Err(CliError::input(format!("{field}: {said}")))
    }
}

pub fn symptoms(items: &[String]) -> CliResult<Vec<Symptom>> {
    items.iter().map(|s| Symptom::typed(s).map_err(CliError::from)).collect()
}

/// The symptoms given by flags, or asked about one by one when neither
/// `--symptom` nor `--no-symptoms` was given.
pub fn symptoms_or_ask(given: &[String], none: bool) -> CliResult<Vec<Symptom>> {
    if none || !given.is_empty() {
        return symptoms(given);
    }
    ask_symptoms(&mut prompt::stdio())
}

fn ask_symptoms<R: std::io::BufRead, W: std::io::Write>(p: &mut prompt::Prompter<R, W>) -> CliResult<Vec<Symptom>> {
    let mut out = Vec::new();
    let l = render::terminal();
    for s in Symptom::ALL {
        // A fall is asked as a question of its own: its label is the
        // walker's own words ("I fell"), not a sign to ask about.
        let question = match s {
            Symptom::Fell => l.t("cli.ask.fell").to_string(),
            _ => {
                l.ta("cli.ask.since_session", &[("symptom", &words::coach_words::symptom_label(&l, s).to_lowercase())])
            }
        };
        // No default: a stray Enter must not answer "no" to a warning sign.
        if p.yes_no(&question, None)? {
            out.push(s);
        }
    }
    Ok(out)
}

pub async fn run(g: &Global, a: &LogArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    // Validate every flag before asking anything, so a typo fails fast.
    let date = service::log_date(&state, context::date_arg(&a.date)?)?;
    let minutes = a.dose.minutes.map(|m| small("--minutes", m, 1..=120)).transpose()?;
    let bouts = a.bouts.map(|b| small("--bouts", b, 1..=30)).transpose()?;
    let speed_tenths = a.dose.speed.map(|s| kmh_to_tenths("--speed", s)).transpose()?;
    let incline_pct = a.dose.incline.map(|i| small("--incline", i, 0..=15)).transpose()?;
    let rpe = a.rpe.map(|r| small("--rpe", r, 0..=10)).transpose()?;
    let pain = |field: &str, v: Option<i64>| v.map(|v| Pain::parse_for(field, v)).transpose();
    let (mut before, mut peak, mut after) =
        (pain("--pain-before", a.pain_before)?, pain("--pain-peak", a.pain_peak)?, pain("--pain-after", a.pain_after)?);
    let given = symptoms(&a.symptoms)?;
    // One prompter for every question: standard input is locked while it lives.
    let mut p = prompt::stdio();
    let l = render::terminal();
    for (slot, question) in
        [(&mut before, "cli.ask.pain_before"), (&mut peak, "cli.ask.pain_peak"), (&mut after, "cli.ask.pain_after")]
    {
        if slot.is_none() {
            *slot = Some(p.pain(l.t(question), None)?);
        }
    }
    let symptom_list = if a.no_symptoms || !given.is_empty() { given } else { ask_symptoms(&mut p)? };

    let input = LogInput {
        date: Some(date),
        minutes,
        bouts,
        speed_tenths,
        incline_pct,
        support: a.dose.support,
        surface: a.surface,
        pain_before: before,
        pain_peak: peak,
        pain_after: after,
        rpe,
        symptoms: symptom_list,
        notes: a.notes.clone().unwrap_or_default(),
    };
    let done = service::log_session(&store, &state, input, jiff::Timestamp::now()).await?;
    emit(g.json, &done, || {
        if let Some(stop) = &done.stop {
            // A stop is the first and only message: nothing else competes with it.
            return render::pause(stop, &state.screen.outcome);
        }
        let p = &state.programme;
        let minutes = done.logged.minutes.to_string();
        let mut s = l.ta("cli.logged", &[("minutes", &minutes), ("date", &date.to_string())]) + "\n";
        match (done.decision.dose, done.next_session) {
            (Some(d), Some(n)) => {
                let dose = words::coach_words::summary(&l, &d, p.week_of(n), p.limits.supported_only);
                s += &(l.ta("cli.next_session", &[("date", &l.short_date(&n)), ("dose", &dose)]) + "\n");
            }
            (Some(_), None) => s += &(l.t("cli.last_session").to_string() + "\n"),
            (None, _) => s += &(l.t("cli.stop_now").to_string() + "\n"),
        }
        s += &(l.ta("cli.why_line", &[("why", &render::why(&done.decision))]) + "\n");
        if done.decision.dose.is_some() {
            s += &(l.t("cli.checkin_tomorrow").to_string() + "\n");
        }
        s
    })
}
