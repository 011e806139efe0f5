//! `retrowalk init`: screening and set-up, then the programme.

use super::{Output, emit, screening_prompts};
use crate::answers;
use crate::cli::{Global, InitArgs};
use crate::context::{self, parse_date, time_zone};
use crate::error::{CliError, CliResult};
use crate::prompt::{self, Prompter};
use crate::render;
use coach::setup::{DEFAULT_WEEKS, Day, Setup};
use jiff::civil::Date;
use serde_json::json;
use std::io::{BufRead, Write};
use store::prelude::*;

pub async fn run(g: &Global, args: &InitArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let existing = store.walkers().await?;
    if !existing.is_empty() && !args.another {
        return Err(CliError::input(render::terminal().t("cli.init.exists")));
    }
    let today = context::today(g, &answers::system_time_zone())?;
    let (name, answers, setup) = match &args.answers {
        Some(path) => {
            let root = answers::read(path)?;
            (answers::name(&root)?, answers::screening(&root)?, answers::setup(&root, today)?)
        }
        None => interactive(&mut prompt::stdio(), today)?,
    };
    let (ids, outcome, programme) =
        service::start_walker(&store, &name, answers, setup, jiff::Timestamp::now()).await?;
    let value = json!({
        "walker_id": ids.walker,
        "name": name,
        "outcome": outcome,
        "programme": {
            "start": programme.start(),
            "end": programme.end(),
            "weeks": programme.setup.weeks,
            "retro_days": programme.retro_days,
            "surface": programme.limits.surface,
            "supported_only": programme.limits.supported_only,
        },
    });
    emit(g.json, &value, || welcome(&name, ids.walker.0, &outcome, &programme))
}

/// The first words after set-up, in the terminal's language.
fn welcome(name: &str, id: i64, outcome: &coach::screening::Outcome, p: &coach::programme::Programme) -> String {
    let l = render::terminal();
    let days: Vec<&str> = p.retro_days.iter().map(|d| l.weekday_name(*d)).collect();
    let notices: String = coach::today::notices(p, &Default::default())
        .iter()
        .map(|n| format!("! {} [{}]\n", words::coach_words::notice(&l, p, n), n.rule))
        .collect();
    let surface = l.t(&format!("cli.init.on.{}", p.limits.surface.as_str())).to_string();
    let runs = l.ta(
        "cli.init.runs",
        &[
            ("weeks", &p.setup.weeks.to_string()),
            ("start", &p.start().to_string()),
            ("end", &p.end().to_string()),
            ("days", &days.join(", ")),
            ("surface", &surface),
        ],
    );
    let welcome = l.ta("cli.init.welcome", &[("name", name), ("id", &id.to_string())]);
    format!(
        "{welcome}\n\n{}{notices}\n{runs}\n{}\n\n{}\n",
        render::outcome(outcome),
        l.t("cli.init.next"),
        l.t("cli.not_advice")
    )
}

fn interactive<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    today: Date,
) -> CliResult<(String, coach::screening::Answers, Setup)> {
    let l = render::terminal();
    let t = |key: &str| l.t(&format!("cli.init.{key}")).to_string();
    p.say(&format!("{}\n{}\n{}", t("intro"), l.t("cli.not_advice"), t("safety_first")))?;
    let name = p.ask(&t("name"), Some(&t("name_default")), |t| Ok(t.to_string()))?;
    let answers = screening_prompts::ask(p)?;
    p.say(&format!("\n{}", t("set_up")))?;
    let mut equipment =
        coach::setup::Equipment { treadmill: p.yes_no(&t("treadmill"), Some(false))?, ..Default::default() };
    if equipment.treadmill {
        equipment.safety_key = p.yes_no(&t("safety_key"), Some(true))?;
        equipment.handrails = p.yes_no(&t("handrails"), Some(true))?;
    }
    equipment.bike = p.yes_no(&t("bike"), Some(false))?;
    equipment.pool = p.yes_no(&t("pool"), Some(false))?;
    let usual_days = [Day::Mon, Day::Wed, Day::Fri].map(|d| short_day(&l, d)).join(",");
    let training_days = p.ask(&t("days"), Some(&usual_days), |typed| {
        typed
            .split(',')
            .map(|d| l.parse_day(d).ok_or_else(|| CliError::input(l.ta("cli.init.not_a_day", &[("typed", d.trim())]))))
            .collect::<CliResult<Vec<_>>>()
    })?;
    let today_text = today.to_string();
    let start = p.ask(&t("start"), Some(&today_text), |t| parse_date("start", t))?;
    let tz_default = answers::system_time_zone();
    let time_zone_name = p.ask(&t("time_zone"), Some(&tz_default), |t| time_zone(t).map(|_| t.to_string()))?;
    let baseline_pain = p.pain(&t("usual_pain"), None)?;
    let weeks_default = DEFAULT_WEEKS.to_string();
    let weeks = p.ask(&t("weeks"), Some(&weeks_default), |typed| {
        typed.parse::<u8>().map_err(|_| CliError::input(l.ta("cli.init.not_weeks", &[("typed", typed)])))
    })?;
    let speed_default = words::coach_words::decimal(&l, "3.0".into());
    let forward_speed_tenths = p.ask(&t("speed"), Some(&speed_default), |typed| {
        // A decimal comma is as good as a point.
        let v: f64 = typed
            .replace(',', ".")
            .parse()
            .map_err(|_| CliError::input(l.ta("cli.init.not_speed", &[("typed", typed)])))?;
        answers::kmh_to_tenths("forward_speed_kmh", v)
    })?;
    let setup = Setup {
        equipment,
        training_days,
        start,
        time_zone: time_zone_name,
        baseline_pain,
        weeks,
        forward_speed_tenths,
    };
    setup.validate()?;
    setup.check_start(today)?;
    Ok((name, answers, setup))
}

/// A day's name cut to three letters, as the days prompt suggests typing it.
fn short_day(l: &words::I18n, d: Day) -> String {
    l.weekday_name(d).chars().take(3).collect()
}
