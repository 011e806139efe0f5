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
        return Err(CliError::input(
            "a walker is already set up in this database. Use `retrowalk screen` to redo the screening, or `retrowalk init --another` to add a walker.",
        ));
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
    emit(g.json, &value, || {
        let days: Vec<String> = programme.retro_days.iter().map(|d| format!("{d:?}")).collect();
        format!(
            "Welcome, {name} (walker {}).\n\n{}{}\nYour {}-week programme runs {} to {}, backward walking on {} ({}).\nNext: `retrowalk today`.\n\n{}\n",
            ids.walker,
            render::outcome(&outcome),
            coach::today::notices(&programme, &Default::default())
                .iter()
                .map(|n| format!("! {} [{}]\n", n.text, n.rule))
                .collect::<String>(),
            programme.setup.weeks,
            programme.start(),
            programme.end(),
            days.join(", "),
            match programme.limits.surface {
                coach::dose::Surface::Treadmill => "treadmill",
                coach::dose::Surface::Overground => "a clear hallway",
            },
            render::NOT_ADVICE
        )
    })
}

fn interactive<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    today: Date,
) -> CliResult<(String, coach::screening::Answers, Setup)> {
    p.say(&format!(
        "retrowalk: backward walking for painful knees.\n{}\nA few questions keep you safe. Answer y or n.",
        render::NOT_ADVICE
    ))?;
    let name = p.ask("Your first name", Some("Walker"), |t| Ok(t.to_string()))?;
    let answers = screening_prompts::ask(p)?;
    p.say("\nNow your set-up.")?;
    let mut equipment = coach::setup::Equipment {
        treadmill: p.yes_no("Do you have a treadmill to use?", Some(false))?,
        ..Default::default()
    };
    if equipment.treadmill {
        equipment.safety_key = p.yes_no("Does it have a clip-on safety key (emergency stop)?", Some(true))?;
        equipment.handrails = p.yes_no("Does it have handrails you can hold?", Some(true))?;
    }
    equipment.bike = p.yes_no("Do you have an exercise bike or a bicycle?", Some(false))?;
    equipment.pool = p.yes_no("Can you get to a pool?", Some(false))?;
    let training_days = p.ask("Which days can you train? (e.g. mon,wed,fri)", Some("mon,wed,fri"), |t| {
        let days = t.split(',').map(|d| Day::parse(d).map_err(CliError::from)).collect::<CliResult<Vec<_>>>()?;
        Ok(days)
    })?;
    let today_text = today.to_string();
    let start = p.ask("Start date (YYYY-MM-DD)", Some(&today_text), |t| parse_date("start", t))?;
    let tz_default = answers::system_time_zone();
    let time_zone_name = p.ask("Your time zone", Some(&tz_default), |t| time_zone(t).map(|_| t.to_string()))?;
    let baseline_pain = p.pain("Your usual knee pain on a normal day", None)?;
    let weeks_default = DEFAULT_WEEKS.to_string();
    let weeks = p.ask("How many weeks?", Some(&weeks_default), |t| {
        t.parse::<u8>().map_err(|_| CliError::input(format!("weeks is a whole number 1-52, not '{t}'")))
    })?;
    let forward_speed_tenths = p.ask("Your usual walking speed in km/h, if you know it", Some("3.0"), |t| {
        let v: f64 = t.parse().map_err(|_| CliError::input(format!("enter a number like 3.5, not '{t}'")))?;
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
