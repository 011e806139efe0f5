//! The conformance run: every file in ../shared/data/activity against the
//! values other readers give (expected.json). Sessions, sport, start,
//! durations, distance within 0.5 %, heart rate and record counts must agree;
//! a file other readers reject must give a clear error or a partial result
//! with a warning, never a panic. `.ci/run` runs this with CI=true, where a
//! missing data folder fails instead of skipping.

use formats::{Content, Parsed};
use serde_json::Value;
use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/activity");
    if dir.join("expected.json").exists() {
        return Some(dir);
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs ../shared/data/activity beside the repository");
    eprintln!("../shared/data/activity is missing: the conformance run was skipped");
    None
}

struct Check {
    file: String,
    problems: Vec<String>,
}

impl Check {
    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, ours: T, theirs: T) {
        if ours != theirs {
            self.problems.push(format!("{what}: ours {ours:?}, expected {theirs:?}"));
        }
    }

    fn near(&mut self, what: &str, ours: Option<f64>, theirs: &Value, rel: f64, abs: f64) {
        let theirs = theirs.as_f64();
        match (ours, theirs) {
            (Some(a), Some(b)) if (a - b).abs() <= (b.abs() * rel).max(abs) => {}
            (None, None) => {}
            _ => self.problems.push(format!("{what}: ours {ours:?}, expected {theirs:?}")),
        }
    }
}

fn time(v: &Value) -> Option<jiff::Timestamp> {
    v.as_str().and_then(|s| s.parse().ok())
}

fn check_fit(c: &mut Check, p: &Parsed, e: &Value) {
    c.eq("file_type", p.details.file_type.as_deref(), e["file_type"].as_str());
    c.eq("manufacturer_id", p.details.manufacturer_id.map(u64::from), e["manufacturer_id"].as_u64());
    c.eq("product_id", p.details.product_id.map(u64::from), e["product_id"].as_u64());
    c.eq("fit_headers", u64::from(p.details.fit_headers), e["fit_headers"].as_u64().unwrap());
    c.eq("record_count", u64::from(p.details.points), e["record_count"].as_u64().unwrap());
    c.eq(
        "records_with_position",
        u64::from(p.details.points_with_position),
        e["records_with_position"].as_u64().unwrap(),
    );
    let sessions = e["sessions"].as_array().unwrap();
    c.eq("sessions", p.details.sessions as usize, sessions.len());
    let is_activity = e["file_type"] == "activity";
    c.eq(
        "is an activity",
        p.content == Content::Activities,
        is_activity && (sessions.len() + e["record_count"].as_u64().unwrap() as usize) > 0,
    );
    if p.details.sessions as usize != sessions.len() {
        return;
    }
    for (i, (a, s)) in p.activities.iter().zip(sessions).enumerate() {
        let at = |f: &str| format!("session {i} {f}");
        c.eq(&at("sport"), Some(a.sport.as_str()), s["sport"].as_str().or(Some("unknown")));
        c.eq(&at("sub_sport"), a.sub_sport.as_deref(), s["sub_sport"].as_str());
        c.eq(&at("start"), a.start, time(&s["start_time"]));
        c.near(&at("elapsed"), a.elapsed_s, &s["total_elapsed_time_s"], 0.0, 0.001);
        c.near(&at("timer"), a.moving_s, &s["total_timer_time_s"], 0.0, 0.001);
        c.near(&at("distance"), a.distance_m, &s["total_distance_m"], 0.005, 0.01);
        c.near(&at("avg_hr"), a.avg_hr, &s["avg_heart_rate"], 0.0, 0.0);
        c.near(&at("max_hr"), a.max_hr, &s["max_heart_rate"], 0.0, 0.0);
        c.near(&at("calories"), a.calories, &s["total_calories"], 0.0, 0.0);
        c.near(&at("ascent"), a.ascent_m, &s["total_ascent_m"], 0.0, 0.0);
        // FIT stores strides for foot sports; we report steps (twice, plus the fraction).
        let stored = a.cadence.map(|cad| match cad.unit {
            formats::CadenceUnit::StepsPerMin => (cad.value / 2.0).floor(),
            formats::CadenceUnit::Rpm => cad.value.floor(),
        });
        c.near(&at("cadence"), stored, &s["avg_cadence"], 0.0, 0.0);
    }
}

fn check_gpx(c: &mut Check, p: &Parsed, e: &Value) {
    let d = &p.details;
    for (what, ours, key) in [
        ("tracks", d.tracks, "tracks"),
        ("segments", d.segments, "segments"),
        ("track_points", d.points, "track_points"),
        ("routes", d.routes, "routes"),
        ("route_points", d.route_points, "route_points"),
        ("waypoints", d.waypoints, "waypoints"),
    ] {
        c.eq(what, u64::from(ours), e[key].as_u64().unwrap());
    }
    // gpxpy keeps microseconds; a file may give more digits.
    let same = |a: Option<jiff::Timestamp>, b: Option<jiff::Timestamp>| match (a, b) {
        (Some(a), Some(b)) => (a.as_nanosecond() - b.as_nanosecond()).abs() < 1000,
        (a, b) => a == b,
    };
    c.eq("start_time", true, same(d.first_time, time(&e["start_time"])));
    c.eq("end_time", true, same(d.last_time, time(&e["end_time"])));
    c.eq("creator", p.device.as_deref(), e["creator"].as_str());
    // gpxpy totals the whole file, drawn (untimed) parts too; activities hold
    // the timed parts, split where hours pass, and add up to no more.
    let (length, moving, climb) = d.track_totals.unwrap_or_default();
    c.near("length_2d", Some(length), &e["length_2d_m"], 0.005, 0.01);
    c.near("moving_time", Some(moving), &e["moving_time_s"], 0.0, 0.5);
    c.near("uphill", Some(climb), &e["uphill_m"], 0.005, 0.01);
    let in_activities: f64 = p.activities.iter().filter_map(|a| a.distance_m).sum();
    c.eq("activities within the file's length", true, in_activities <= length + 0.01);
    c.eq("an activity only when there are timed track points", p.activities.is_empty(), d.first_time.is_none());
}

fn check_tcx(c: &mut Check, p: &Parsed, e: &Value) {
    let t = &e["tcxreader"];
    let a = p.activities.first().unwrap();
    c.eq("sport", a.sport.as_str(), formats::normalise_sport(e["sport"].as_str().unwrap()).as_str());
    c.eq("creator", p.device.as_deref(), e["creator"].as_str());
    c.eq("trackpoints", u64::from(p.details.points), t["trackpoints"].as_u64().unwrap());
    c.eq(
        "trackpoints_with_position",
        u64::from(p.details.points_with_position),
        t["trackpoints_with_position"].as_u64().unwrap(),
    );
    c.eq("laps", u64::from(p.details.laps), e["python_tcxparser"]["laps"].as_u64().unwrap());
    c.eq("first trackpoint", p.details.first_time, time(&t["start_time"]));
    c.eq("last trackpoint", p.details.last_time, time(&t["end_time"]));
    c.near("distance", a.distance_m, &t["distance_m"], 0.005, 0.01);
    // Lap calories may be fractional; the readers differ by one in rounding.
    c.near("calories", a.calories, &t["calories"], 0.0, 1.0);
    c.near("max_hr", a.max_hr, &t["max_hr"], 0.0, 0.0);
    c.near("avg_hr", a.avg_hr, &t["avg_hr"], 0.0, 0.05);
    c.near("timer time", a.moving_s, &e["python_tcxparser"]["total_time_s"], 0.0, 0.01);
}

/// A file the primary reader rejects: ours must fail clearly or keep what
/// came before, with a warning, and agree on how much that was.
fn check_rejected(c: &mut Check, result: &Result<Parsed, formats::ReadError>, e: &Value) {
    match result {
        Err(err) => c.eq("a clear error", err.message.is_empty(), false),
        Ok(p) => {
            c.eq("a warning about the break", p.warnings.is_empty(), false);
            let before = &e["partial_before_error"];
            c.eq("records before the break", u64::from(p.details.points), before["record_count"].as_u64().unwrap());
            c.eq("sessions before the break", u64::from(p.details.sessions), before["session_count"].as_u64().unwrap());
        }
    }
}

#[test]
fn every_shared_file_matches_the_other_readers() {
    let Some(dir) = data_dir() else { return };
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut lines = Vec::new();
    for e in expected["files"].as_array().unwrap() {
        let path = e["path"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(path)).unwrap();
        let result = std::panic::catch_unwind(|| formats::read(&bytes));
        let mut c = Check { file: path.to_string(), problems: Vec::new() };
        match result {
            Err(_) => c.problems.push("PANIC".into()),
            Ok(result) if e.get("error").is_some() => check_rejected(&mut c, &result, e),
            Ok(Err(err)) => c.problems.push(format!("rejected a file other readers accept: {err}")),
            Ok(Ok(p)) => match e["format"].as_str().unwrap() {
                "fit" => check_fit(&mut c, &p, e),
                "gpx" => check_gpx(&mut c, &p, e),
                _ => check_tcx(&mut c, &p, e),
            },
        }
        lines.push(format!("{:<62} {}", c.file, if c.problems.is_empty() { "ok" } else { "DIFFERS" }));
        if !c.problems.is_empty() {
            failures.push(format!("{}:\n  {}", c.file, c.problems.join("\n  ")));
        }
    }
    println!("{}", lines.join("\n"));
    assert!(failures.is_empty(), "{} of {} files differ:\n{}", failures.len(), lines.len(), failures.join("\n"));
}
