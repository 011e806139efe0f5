//! `retrowalk motion analyse FILE...`: the walking in IMU files, bout by
//! bout, read and analysed by the `gait` crate; nothing is stored.

use super::{Output, emit};
use crate::cli::{AccUnitArg, Global, GyrUnitArg, MotionCommand, TimeUnitArg, UnitArgs};
use crate::error::{CliError, CliResult, FileUse};
use crate::render;
use gait::analysis::{Analysis, Bout};
use gait::csv::{AccUnit, GyrUnit, Stated, TimeUnit};
use serde_json::{Value, json};
use std::fmt::Write;
use std::path::Path;
use words::I18n;
use words::coach_words::decimal;

pub async fn run(g: &Global, cmd: &MotionCommand) -> CliResult<Output> {
    let (files, units, forward_first) = match cmd {
        MotionCommand::Analyse { files, units, forward_first } => (files, units, forward_first),
        MotionCommand::Import { file, session, units, forward_first } => {
            let known = service::motion::Known {
                forward_s: forward_s(*forward_first)?,
                backward_parts: Vec::new(),
                stated: stated(units)?,
            };
            return import(g, file, session, &known).await;
        }
        MotionCommand::List => return list(g).await,
        MotionCommand::Delete { id } => return delete(g, *id).await,
    };
    let l = render::terminal();
    let forward_first = forward_s(*forward_first)?;
    let stated = stated(units)?;
    // Every file is read before anything is said: one wrong file is named
    // with its line and column, and nothing else is printed.
    let mut done = Vec::new();
    let mut wrong = Vec::new();
    for path in files {
        match analyse_file(path, &stated, forward_first) {
            Ok(a) => done.push((path.as_path(), a)),
            Err(e) => wrong.push(format!("{}: {e}", path.display())),
        }
    }
    if !wrong.is_empty() {
        return Err(CliError::input(wrong.join("\n")));
    }
    let value: Vec<Value> = done.iter().map(|(p, a)| as_json(p, a)).collect();
    emit(g.json, &value, || done.iter().map(|(p, a)| as_text(&l, p, a)).collect::<Vec<_>>().join("\n"))
}

/// `--acc-unit`, `--gyr-unit`, `--time-unit` and `--rate`, the rate checked.
fn stated(units: &UnitArgs) -> CliResult<Stated> {
    if let Some(r) = units.rate.filter(|r| !(1.0..=gait::csv::MOST_RATE_HZ).contains(r)) {
        return Err(CliError::input(render::terminal().ta("cli.motion.bad_rate", &[("typed", &r.to_string())])));
    }
    Ok(Stated {
        acc: units.acc_unit.map(|u| match u {
            AccUnitArg::MetresPerSecond2 => AccUnit::MetresPerSecond2,
            AccUnitArg::G => AccUnit::G,
        }),
        gyr: units.gyr_unit.map(|u| match u {
            GyrUnitArg::RadPerSecond => GyrUnit::RadPerSecond,
            GyrUnitArg::DegPerSecond => GyrUnit::DegPerSecond,
        }),
        time: units.time_unit.map(|u| match u {
            TimeUnitArg::S => TimeUnit::Seconds,
            TimeUnitArg::Ms => TimeUnit::Millis,
            TimeUnitArg::Ns => TimeUnit::Nanos,
            TimeUnitArg::Samples => TimeUnit::Samples,
        }),
        rate_hz: units.rate,
    })
}

/// `--forward-first SECONDS`, checked: 0 to an hour.
fn forward_s(typed: Option<f64>) -> CliResult<Option<f64>> {
    match typed {
        Some(s) if !(0.0..=service::motion::MOST_FORWARD_S).contains(&s) => {
            Err(CliError::input(render::terminal().ta("cli.motion.bad_forward", &[("typed", &s.to_string())])))
        }
        _ => Ok(typed),
    }
}

/// `motion import FILE --session DATE`: the analysis kept with the session.
async fn import(g: &Global, file: &Path, session: &str, known: &service::motion::Known) -> CliResult<Output> {
    let date = crate::context::parse_date("--session", session)?;
    let store = crate::context::open(g).await?;
    let state = crate::context::load(&store, g).await?;
    let bytes = std::fs::read(file).map_err(|e| CliError::file(file, FileUse::Read, &e))?;
    let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let upload = service::motion::Upload { source: &name, bytes: &bytes, known };
    let motion = service::motion::import(&store, &state, date, &upload, jiff::Timestamp::now()).await?;
    let l = render::terminal();
    let value = json!({
        "session": motion.session,
        "source": motion.source,
        "steps": motion.steps(),
        "cadence_steps_per_min": motion.cadence().map(|c| round(c, 1)),
        "backward_min": round(motion.minutes(true), 2),
        "forward_min": round(motion.minutes(false), 2),
        "step_time_cv_pct": motion.step_time_cv().map(|c| round(c, 1)),
    });
    emit(g.json, &value, || {
        let head = l.ta("cli.motion.kept", &[("file", &name), ("day", &l.date(&date))]);
        let lines: Vec<String> = words::coach_words::motion(&l, &motion).iter().map(|s| format!("  {s}")).collect();
        format!("{head}\n{}\n", lines.join("\n"))
    })
}

/// `motion list`: the kept recordings, oldest first, each with its number.
async fn list(g: &Global) -> CliResult<Output> {
    let store = crate::context::open(g).await?;
    let state = crate::context::load(&store, g).await?;
    let l = render::terminal();
    let value: Vec<Value> = state
        .motions
        .iter()
        .map(|s| {
            let m = &s.motion;
            json!({
                "id": s.id,
                "session": m.session,
                "source": m.source,
                "duration_s": round(m.duration_s, 2),
                "steps": m.steps(),
                "cadence_steps_per_min": m.cadence().map(|c| round(c, 1)),
                "backward_min": round(m.minutes(true), 2),
                "forward_min": round(m.minutes(false), 2),
                "step_time_cv_pct": m.step_time_cv().map(|c| round(c, 1)),
            })
        })
        .collect();
    emit(g.json, &value, || {
        if state.motions.is_empty() {
            return format!("{}\n", l.t("cli.motion.none"));
        }
        let mut s = String::new();
        for kept in &state.motions {
            let m = &kept.motion;
            let head = l.ta(
                "cli.motion.listed",
                &[("number", &kept.id.to_string()), ("day", &l.date(&m.session)), ("file", &m.source)],
            );
            let _ = writeln!(s, "{head}");
            for line in words::coach_words::motion(&l, m) {
                let _ = writeln!(s, "  {line}");
            }
        }
        s
    })
}

/// `motion delete NUMBER`: one recording gone; its session stays logged.
async fn delete(g: &Global, id: i64) -> CliResult<Output> {
    let store = crate::context::open(g).await?;
    let access = crate::context::access(&store, g).await?;
    let l = render::terminal();
    match service::motion::delete(&store, access, id).await {
        Err(service::ServiceError::NotFound(_)) => {
            return Err(CliError::input(l.ta("cli.motion.no_such", &[("number", &id.to_string())])));
        }
        done => done?,
    }
    // The operator deleted a walker's health data: the walker's log says so.
    let detail = format!("recording {id} of walker {}", access.walker());
    super::user::audit_walker(&store, store::SecurityKind::RecordingDeleted, access.walker(), &detail).await?;
    emit(g.json, &json!({ "deleted": id }), || {
        format!("{}\n", l.ta("cli.motion.deleted", &[("number", &id.to_string())]))
    })
}

fn analyse_file(path: &Path, stated: &Stated, forward_s: Option<f64>) -> Result<Analysis, String> {
    let bytes = std::fs::read(path).map_err(|e| crate::error::file_problem(FileUse::Read, &e))?;
    let (rec, _) = gait::read(&bytes, stated).map_err(|e| unreadable(&e))?;
    service::motion::analysed_recording(&rec, forward_s)
}

/// Where a recording could not be read, in the terminal's language, with the
/// reader's own account of what.
fn unreadable(e: &gait::ReadError) -> String {
    let (line, column) = (e.line.to_string(), e.column.to_string());
    let args = [("line", line.as_str()), ("column", column.as_str()), ("what", e.what.as_str())];
    let key = if e.column == 0 { "cli.motion.unreadable_line" } else { "cli.motion.unreadable_at" };
    render::terminal().ta(key, &args)
}

fn as_json(path: &Path, a: &Analysis) -> Value {
    json!({
        "file": path.display().to_string(),
        "rate_hz": a.rate_hz,
        "duration_s": round(a.duration_s, 2),
        "walking": !a.bouts.is_empty(),
        "orientation": a.orientation.as_str(),
        "direction_from": if a.own_direction { "own_warm_up" } else { "common" },
        "bouts": a.bouts.iter().map(|b| json!({
            "start_s": round(b.start_s, 2),
            "end_s": round(b.end_s, 2),
            "direction": b.direction.as_str(),
            "confidence": round(b.confidence, 3),
            "steps": b.steps.len(),
            "initial_contacts_s": b.steps.iter().map(|t| round(*t, 2)).collect::<Vec<_>>(),
            "cadence_steps_per_min": round(b.cadence, 1),
            "step_time_cv_pct": round(b.step_time_cv, 1),
            "asymmetry_pct": round(b.asymmetry, 1),
            "step_regularity": round(b.step_regularity, 3),
            "stride_regularity": round(b.stride_regularity, 3),
            "symmetry": round(b.symmetry, 3),
            "up": b.up.map(|v| round(v, 3)),
            "turned_deg": round(b.turned_deg, 1),
        })).collect::<Vec<_>>(),
    })
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

fn as_text(l: &I18n, path: &Path, a: &Analysis) -> String {
    let mut s = String::new();
    let minutes = decimal(l, format!("{:.1}", a.duration_s / 60.0));
    let _ = writeln!(s, "{}", l.ta("cli.motion.file", &[("file", &path.display().to_string()), ("minutes", &minutes)]));
    if a.bouts.is_empty() {
        let _ = writeln!(s, "  {}", l.t("cli.motion.no_walking"));
        return s;
    }
    let _ = writeln!(
        s,
        "  {}",
        l.t(if a.own_direction { "cli.motion.direction_own" } else { "cli.motion.direction_common" })
    );
    for (i, b) in a.bouts.iter().enumerate() {
        let _ = writeln!(s, "  {}", bout_line(l, i + 1, b));
        let _ = writeln!(s, "    {}", phone_line(l, a.orientation, b));
        let times: Vec<String> = b.steps.iter().map(|t| decimal(l, format!("{t:.2}"))).collect();
        let _ = writeln!(s, "    {}", l.ta("cli.motion.contacts", &[("times", &times.join(" "))]));
    }
    s
}

/// How the phone sat during the bout, and how far it turned.
fn phone_line(l: &I18n, source: gait::orientation::Source, b: &Bout) -> String {
    let (axis, tilt) = gait::orientation::nearest_axis(b.up);
    l.ta(
        "cli.motion.phone",
        &[
            ("axis", axis),
            ("tilt", &tilt.round().to_string()),
            ("turned", &b.turned_deg.round().to_string()),
            ("source", l.t(&format!("cli.motion.source.{}", source.as_str()))),
        ],
    )
}

fn bout_line(l: &I18n, n: usize, b: &Bout) -> String {
    let one = |v: f64| decimal(l, format!("{v:.1}"));
    let pct = (b.confidence * 100.0).round().to_string();
    let direction = l.ta(&format!("cli.motion.{}", b.direction.as_str()), &[("pct", &pct)]);
    l.ta(
        "cli.motion.bout",
        &[
            ("n", &n.to_string()),
            ("start", &one(b.start_s)),
            ("end", &one(b.end_s)),
            ("direction", &direction),
            ("steps", &b.steps.len().to_string()),
            ("cadence", &b.cadence.round().to_string()),
            ("cv", &one(b.step_time_cv)),
            ("asymmetry", &one(b.asymmetry)),
            ("regularity", &decimal(l, format!("{:.2}", b.stride_regularity))),
        ],
    )
}
