//! Answer files for `init --answers` and `screen --answers`, in TOML or JSON.
//! Both are read into one JSON value tree, so both formats give the same
//! checks and the same error messages.

use crate::context::{parse_date, time_zone};
use crate::error::{CliError, CliResult, FileUse};
use crate::render::terminal;
use coach::Pain;
use coach::screening::{Answers, QUESTIONS};
use coach::setup::{DEFAULT_FORWARD_SPEED_TENTHS, DEFAULT_WEEKS, Day, Equipment, Item, Setup};
use jiff::civil::Date;
use serde_json::{Map, Value};
use std::path::Path;

pub fn read(path: &Path) -> CliResult<Value> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::file(path, FileUse::Read, &e))?;
    let is_json =
        path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) || text.trim_start().starts_with('{');
    let value = if is_json {
        serde_json::from_str(&text).map_err(|e| not_valid(path, "JSON", &e))?
    } else {
        toml::from_str::<Value>(&text).map_err(|e| not_valid(path, "TOML", &e))?
    };
    match value {
        Value::Object(_) => Ok(value),
        _ => Err(CliError::input(format!("{}: {}", path.display(), terminal().t("cli.answers.not_a_table")))),
    }
}

/// A file that is not JSON or TOML: said in the terminal's language, with
/// the parser's own account (where, and what) after.
fn not_valid(path: &Path, format: &str, e: &dyn std::fmt::Display) -> CliError {
    let detail = e.to_string();
    let args = [("format", format), ("detail", detail.trim())];
    CliError::input(format!("{}: {}", path.display(), terminal().ta("cli.answers.not_valid", &args)))
}

/// A key of the answers file refused with the message `key`, after the key.
fn bad(field: &str, key: &str, args: &[(&str, &str)]) -> CliError {
    CliError::input(format!("{field}: {}", terminal().ta(key, args)))
}

/// A key refused by the coach's own check, in the terminal's language.
fn refused(field: &str, e: &coach::InputError) -> CliError {
    CliError::input(format!("{field}: {}", crate::error::said(e)))
}

fn table<'a>(v: &'a Value, field: &str) -> CliResult<&'a Map<String, Value>> {
    v.as_object().ok_or_else(|| bad(field, "cli.answers.expected_table", &[]))
}

/// The screening answers: from a `screening` table if there is one, otherwise
/// from the top level.
pub fn screening(root: &Value) -> CliResult<Answers> {
    let (prefix, t) = match root.get("screening") {
        Some(s) => ("screening.", table(s, "screening")?),
        None => ("", table(root, "answers")?),
    };
    let mut answers = Answers::default();
    for (key, value) in t {
        let field = format!("{prefix}{key}");
        match key.as_str() {
            "tug_seconds" | "backward_3m_seconds" => {
                let secs = value.as_f64().ok_or_else(|| bad(&field, "cli.answers.expected_seconds", &[]))?;
                if key == "tug_seconds" {
                    answers.tug_seconds = Some(secs)
                } else {
                    answers.backward_3m_seconds = Some(secs)
                }
            }
            // Keys that belong to `init` files sit beside the answers at the top level.
            "name" | "setup" if prefix.is_empty() => {}
            _ => {
                let q = QUESTIONS.iter().find(|q| q.id.as_str() == *key).ok_or_else(|| {
                    let known: Vec<&str> = QUESTIONS.iter().map(|q| q.id.as_str()).collect();
                    bad(&field, "cli.answers.not_a_question", &[("known", &known.join(", "))])
                })?;
                let yes = value.as_bool().ok_or_else(|| bad(&field, "cli.answers.expected_yes_no", &[]))?;
                answers.answers.insert(q.id, yes);
            }
        }
    }
    answers.validate().map_err(|e| refused(&format!("{prefix}{}", e.field), &e))?;
    Ok(answers)
}

pub fn name(root: &Value) -> CliResult<String> {
    match root.get("name") {
        None => Ok("Walker".into()),
        Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 100 => Ok(s.trim().to_string()),
        Some(_) => Err(bad("name", "cli.answers.expected_name", &[])),
    }
}

/// The set-up table; `today` is the default start date.
pub fn setup(root: &Value, today: Date) -> CliResult<Setup> {
    let t = table(root.get("setup").ok_or_else(|| bad("setup", "cli.answers.no_setup", &[]))?, "setup")?;
    const KNOWN: [&str; 7] =
        ["equipment", "training_days", "start", "time_zone", "baseline_pain", "weeks", "forward_speed_kmh"];
    if let Some(k) = t.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(bad(&format!("setup.{k}"), "cli.answers.unknown_setting", &[("known", &KNOWN.join(", "))]));
    }
    let strings = |key: &str| -> CliResult<Vec<String>> {
        match t.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| bad(&format!("setup.{key}"), "cli.answers.expected_words", &[]))
                })
                .collect(),
            Some(_) => Err(bad(&format!("setup.{key}"), "cli.answers.expected_list", &[])),
        }
    };
    let equipment = parse_equipment(&strings("equipment")?)?;
    let training_days = strings("training_days")?
        .iter()
        .map(|d| Day::parse(d).map_err(|e| refused("setup.training_days", &e)))
        .collect::<CliResult<Vec<Day>>>()?;
    let start = match t.get("start") {
        None => today,
        Some(Value::String(s)) => parse_date("setup.start", s)?,
        Some(_) => return Err(bad("setup.start", "cli.answers.expected_date", &[])),
    };
    let time_zone_name = match t.get("time_zone") {
        None => system_time_zone(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(bad("setup.time_zone", "cli.answers.expected_zone", &[]));
        }
    };
    time_zone(&time_zone_name)?;
    let baseline = t
        .get("baseline_pain")
        .ok_or_else(|| bad("setup.baseline_pain", "cli.answers.no_baseline", &[]))?
        .as_i64()
        .ok_or_else(|| bad("setup.baseline_pain", "cli.answers.expected_pain", &[]))?;
    let weeks = match t.get("weeks") {
        None => DEFAULT_WEEKS,
        Some(v) => v
            .as_i64()
            .and_then(|w| u8::try_from(w).ok())
            .ok_or_else(|| bad("setup.weeks", "cli.answers.expected_weeks", &[]))?,
    };
    let forward_speed_tenths = match t.get("forward_speed_kmh") {
        None => DEFAULT_FORWARD_SPEED_TENTHS,
        Some(v) => kmh_to_tenths(
            "setup.forward_speed_kmh",
            v.as_f64().ok_or_else(|| bad("setup.forward_speed_kmh", "cli.answers.expected_number", &[]))?,
        )?,
    };
    let setup = Setup {
        equipment,
        training_days,
        start,
        time_zone: time_zone_name,
        baseline_pain: Pain::parse_for("setup.baseline_pain", baseline)?,
        weeks,
        forward_speed_tenths,
    };
    setup.validate().map_err(|e| refused(&format!("setup.{}", e.field), &e))?;
    setup.check_start(today).map_err(|e| refused(&format!("setup.{}", e.field), &e))?;
    Ok(setup)
}

pub fn parse_equipment(items: &[String]) -> CliResult<Equipment> {
    let item = |text: &String| match text.trim().to_ascii_lowercase().as_str() {
        // The word people use for a treadmill's handrails.
        "rails" => Ok(Item::Handrails),
        _ => Item::typed(&text.replace(' ', "_")).map_err(|_| {
            let names: Vec<&str> = Item::ALL.iter().map(|i| i.as_str()).collect();
            bad("setup.equipment", "cli.answers.unknown_equipment", &[("typed", text), ("known", &names.join(", "))])
        }),
    };
    Ok(Equipment::of(items.iter().map(item).collect::<CliResult<Vec<_>>>()?))
}

/// km/h as tenths, refusing what cannot be a walking speed.
pub fn kmh_to_tenths(field: &str, kmh: f64) -> CliResult<u16> {
    if !(kmh.is_finite() && (0.1..=8.0).contains(&kmh)) {
        let got = words::coach_words::decimal(&terminal(), kmh.to_string());
        return Err(bad(field, "cli.err.speed_range", &[("got", &got)]));
    }
    Ok((kmh * 10.0).round() as u16)
}

pub fn system_time_zone() -> String {
    jiff::tz::TimeZone::system().iana_name().unwrap_or("UTC").to_string()
}
