//! The safety rules of issue #10, each through the CLI as a walker or their
//! clinician uses it: nothing that looks forward shows a dose while training
//! is paused, a stop is the only message, a fall re-screens, pain right after
//! counts, severe usual pain and a treadmill without a key are explained, an
//! override stands on a resume day, a restart is a recorded clearance,
//! adherence never counts the future, and negative numbers get the range message.

use crate::support::*;
use serde_json::Value;

/// Makes a walker on a fresh database: SQLite here, PostgreSQL in `postgres.rs`.
pub type New<'a> = &'a dyn Fn() -> Walker;

/// A scenario: a name and the function that plays it.
pub type Scenario = (&'static str, fn(New));

/// Every scenario below, for running on another backend.
pub const SCENARIOS: &[Scenario] = &[
    (
        "no_output_looks_forward_with_a_dose_while_training_is_paused",
        no_output_looks_forward_with_a_dose_while_training_is_paused,
    ),
    ("a_stop_is_the_first_and_only_message", a_stop_is_the_first_and_only_message),
    ("a_restart_is_a_recorded_clearance_with_its_dose", a_restart_is_a_recorded_clearance_with_its_dose),
    (
        "a_restart_signed_the_day_of_a_red_flag_check_in_starts_the_next_day",
        a_restart_signed_the_day_of_a_red_flag_check_in_starts_the_next_day,
    ),
    ("a_reported_fall_makes_every_later_dose_supported_only", a_reported_fall_makes_every_later_dose_supported_only),
    ("pain_above_five_right_after_a_session_steps_back", pain_above_five_right_after_a_session_steps_back),
    (
        "severe_usual_pain_suggests_a_clinician_and_starts_at_the_lowest_step",
        severe_usual_pain_suggests_a_clinician_and_starts_at_the_lowest_step,
    ),
    ("an_override_on_a_resume_day_stands_as_given", an_override_on_a_resume_day_stands_as_given),
    ("adherence_counts_only_sessions_whose_day_has_come", adherence_counts_only_sessions_whose_day_has_come),
    ("a_treadmill_without_a_safety_key_is_explained", a_treadmill_without_a_safety_key_is_explained),
    ("negative_numbers_get_the_range_message", negative_numbers_get_the_range_message),
];

/// Each scenario as its own test on SQLite.
mod sqlite {
    use crate::support::Walker;

    #[test]
    fn no_output_looks_forward_with_a_dose_while_training_is_paused() {
        super::no_output_looks_forward_with_a_dose_while_training_is_paused(&Walker::new);
    }

    #[test]
    fn a_stop_is_the_first_and_only_message() {
        super::a_stop_is_the_first_and_only_message(&Walker::new);
    }

    #[test]
    fn a_restart_is_a_recorded_clearance_with_its_dose() {
        super::a_restart_is_a_recorded_clearance_with_its_dose(&Walker::new);
    }

    #[test]
    fn a_restart_signed_the_day_of_a_red_flag_check_in_starts_the_next_day() {
        super::a_restart_signed_the_day_of_a_red_flag_check_in_starts_the_next_day(&Walker::new);
    }

    #[test]
    fn a_reported_fall_makes_every_later_dose_supported_only() {
        super::a_reported_fall_makes_every_later_dose_supported_only(&Walker::new);
    }

    #[test]
    fn pain_above_five_right_after_a_session_steps_back() {
        super::pain_above_five_right_after_a_session_steps_back(&Walker::new);
    }

    #[test]
    fn severe_usual_pain_suggests_a_clinician_and_starts_at_the_lowest_step() {
        super::severe_usual_pain_suggests_a_clinician_and_starts_at_the_lowest_step(&Walker::new);
    }

    #[test]
    fn an_override_on_a_resume_day_stands_as_given() {
        super::an_override_on_a_resume_day_stands_as_given(&Walker::new);
    }

    #[test]
    fn adherence_counts_only_sessions_whose_day_has_come() {
        super::adherence_counts_only_sessions_whose_day_has_come(&Walker::new);
    }

    #[test]
    fn a_treadmill_without_a_safety_key_is_explained() {
        super::a_treadmill_without_a_safety_key_is_explained(&Walker::new);
    }

    #[test]
    fn negative_numbers_get_the_range_message() {
        super::negative_numbers_get_the_range_message(&Walker::new);
    }
}

/// A walker from `fixture_name` with `replace` applied to the file first.
fn walker_from(new: New, fixture_name: &str, replace: &[(&str, &str)]) -> Walker {
    let w = new();
    let mut file = std::fs::read_to_string(fixture(fixture_name)).unwrap();
    for (from, to) in replace {
        assert!(file.contains(from), "{fixture_name} lacks {from}");
        file = file.replace(from, to);
    }
    let path = w.dir.path().join("answers.toml");
    std::fs::write(&path, file).unwrap();
    w.ok("2026-11-23", &["init", "--answers", path.to_str().unwrap()]);
    w
}

fn log(w: &Walker, date: &str, peak: &str, after: &str, extra: &[&str]) -> String {
    let mut args = vec!["log", "--date", date, "--pain-before", "2", "--pain-peak", peak, "--pain-after", after];
    args.extend_from_slice(extra);
    if !extra.contains(&"--symptom") {
        args.push("--no-symptoms");
    }
    w.ok(date, &args)
}

/// Everything that looks forward from `today`: plan, calendar, FHIR care plan,
/// today and the API-shaped JSON; none may carry a backward-walking dose, and
/// each must say why it is paused.
fn assert_no_dose_ahead(w: &Walker, today: &str, pause_kind: &str) {
    let plan = w.json(today, &["plan"]);
    assert_eq!(plan["pause"]["kind"], pause_kind, "{}", plan["pause"]);
    assert!(plan["pause"]["ends_when"].as_str().unwrap().len() > 20);
    assert!(plan["current"].is_null(), "{}", plan["current"]);
    for week in plan["weeks"].as_array().unwrap() {
        for day in week["days"].as_array().unwrap() {
            let Some(retro) = day["retro"].as_object() else { continue };
            if day["date"].as_str().unwrap() >= today && retro["status"] != "done" {
                assert!(retro["dose"].is_null(), "a dose on {}: {retro:?}", day["date"]);
                assert_eq!(retro["status"], "paused");
            }
        }
        if week["start"].as_str().unwrap() > today {
            assert_eq!(week["retro_minutes"], 0, "{week}");
        }
    }
    let text = w.ok(today, &["plan"]);
    for line in text.lines().filter(|l| l.starts_with("  ")) {
        // "  Mon 23 Nov  status  summary": only past sessions keep their dose, as history.
        let status = line.split_whitespace().nth(3).unwrap_or_default();
        assert!(!matches!(status, "planned" | "today"), "the plan text shows a day to walk: {line}");
        if line.contains("min backward (") {
            assert!(matches!(status, "done" | "missed"), "the plan text shows a dose: {line}");
        }
    }

    let ics = w.ok(today, &["calendar"]);
    let day = today.replace('-', "");
    let events: Vec<&str> = ics.split("BEGIN:VEVENT").skip(1).collect();
    let paused: Vec<&&str> = events.iter().filter(|e| e.contains("paused")).collect();
    assert_eq!(paused.len(), 1, "{ics}");
    assert!(!paused[0].contains("VALARM"), "a pause has no reminder to walk");
    for e in events.iter().filter(|e| !e.contains("paused")) {
        let start = e.split("DTSTART;VALUE=DATE:").nth(1).unwrap().get(..8).unwrap();
        // Sessions up to today keep their events as history (today's only once logged).
        assert!(start <= day.as_str(), "an event to walk on {start}:\n{e}");
    }

    let bundle = w.json(today, &["export", "--format", "fhir"]);
    let care_plan = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "CarePlan")
        .unwrap();
    assert_eq!(care_plan["status"], "on-hold");
    assert!(care_plan["note"][0]["text"].as_str().unwrap().contains("What ends the pause"));
    for a in care_plan["activity"].as_array().unwrap() {
        assert_ne!(a["detail"]["status"], "scheduled", "{a}");
    }

    // The history keeps what was decided, but a decision that would apply from
    // today on carries no dose while paused.
    for e in w.json(today, &["history"]).as_array().unwrap() {
        let d = &e["decision"];
        if d["effective"].as_str().is_some_and(|eff| eff >= today) {
            assert!(d["dose"].is_null(), "a dose ahead in the history: {d}");
        }
    }

    let t = w.json(today, &["today"]);
    assert!(t["retro"].is_null() && t["pause"]["kind"] == pause_kind, "{t}");
    assert_eq!(t["items"], serde_json::json!([]));
}

pub fn no_output_looks_forward_with_a_dose_while_training_is_paused(new: New) {
    // Blocked at screening.
    let w = new();
    w.init("blocked.toml");
    assert_no_dose_ahead(&w, "2026-11-25", "screen_red_flag");

    // Waiting for a clearance.
    let w = new();
    w.init("heart_and_fall.toml");
    assert_no_dose_ahead(&w, "2026-11-23", "clearance_needed");

    // Re-screened into a red flag and into a general-health concern.
    let w = new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", "1", "1", &[]);
    for (from, to, kind) in [
        ("knee_locks = false", "knee_locks = true", "screen_red_flag"),
        ("chest_pain = false", "chest_pain = true", "clearance_needed"),
    ] {
        let file = std::fs::read_to_string(fixture("cleared.toml")).unwrap().replace(from, to);
        let path = w.dir.path().join("rescreen.toml");
        std::fs::write(&path, file).unwrap();
        w.ok("2026-11-24", &["screen", "--answers", path.to_str().unwrap()]);
        assert_no_dose_ahead(&w, "2026-11-24", kind);
        // The session before keeps its history.
        let plan = w.json("2026-11-24", &["plan"]);
        assert_eq!(plan["weeks"][0]["days"][0]["retro"]["status"], "done");
    }

    // Stopped by a red flag in a check-in, and by two step-backs.
    let w = new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", "1", "1", &[]);
    let out = w.ok("2026-11-24", &["checkin", "--pain", "3", "--symptom", "calf_pain_swelling"]);
    assert!(out.starts_with("STOP:"), "{out}");
    assert_no_dose_ahead(&w, "2026-11-24", "red_flag");

    let w = new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", "7", "4", &[]);
    let out = log(&w, "2026-11-25", "7", "4", &[]);
    assert!(out.starts_with("PAUSED:") && out.contains("Contact your clinician"), "{out}");
    assert_no_dose_ahead(&w, "2026-11-25", "pain");
    assert_no_dose_ahead(&w, "2026-12-02", "pain");
}

pub fn a_stop_is_the_first_and_only_message(new: New) {
    let w = new();
    w.init("cleared.toml");
    let out = log(&w, "2026-11-23", "7", "7", &["--symptom", "knee_gave_way"]);
    assert!(out.starts_with("STOP: "), "{out}");
    for expected in ["the knee gave way", "Contact your clinician today", "Get medical help today", "calf"] {
        assert!(out.contains(expected), "the stop lacks {expected:?}:\n{out}");
    }
    for never in ["Logged", "Next session", "Well done", "checkin --pain", "Squat", "min backward"] {
        assert!(!out.contains(never), "the stop shows {never:?}:\n{out}");
    }
    // Today says the same, with no exercise suggestions.
    let today = w.ok("2026-11-23", &["today"]);
    assert!(today.contains("STOP: ") && today.contains("What ends the pause"), "{today}");
    assert!(!today.contains("Also today"), "{today}");
    // The JSON answer leads with the stop and has no next session.
    let w = new();
    w.init("cleared.toml");
    let raw = w.ok(
        "2026-11-23",
        &["--json", "log", "--pain-before", "2", "--pain-peak", "3", "--pain-after", "3", "--symptom", "new_swelling"],
    );
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["stop"]["kind"], "red_flag");
    assert!(v["next_session"].is_null());
    // A second log while stopped is refused: the form would show a dose.
    let err = w.bad("2026-11-25", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"]);
    assert!(err.contains("paused") && err.contains("Nothing was recorded"), "{err}");
    // In the terminal's language: the pause box's words.
    let args = ["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"];
    let out = w.on("2026-11-25", &args).env("LANG", "es_ES.UTF-8").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for said in ["Pare: caminar hacia atrás está en pausa", "Su profesional sanitario reanuda", "No se anotó nada."]
    {
        assert!(err.contains(said), "lacks {said:?}: {err}");
    }
    assert!(!err.contains("Stop"), "no English, not even as a field's name: {err}");
}

pub fn a_restart_is_a_recorded_clearance_with_its_dose(new: New) {
    let w = new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", "2", "2", &["--symptom", "knee_gave_way"]);
    // An override cannot restart, and a restart needs a role.
    let err = w.bad("2026-11-25", &["override", "--by", "Sam", "--reason", "fine", "--minutes", "5"]);
    assert!(err.contains("recorded restart"), "{err}");
    let err = w.bad("2026-11-25", &["clear", "--by", "Sam Okafor"]);
    assert!(err.contains("--role"), "{err}");
    let err = w.bad("2026-11-25", &["clear", "--by", "Sam Okafor", "--role", "physio", "--incline", "9"]);
    assert!(err.contains("--incline"), "{err}");
    let out = w.ok(
        "2026-11-25",
        &["clear", "--by", "Sam Okafor", "--role", "physiotherapist", "--note", "Knee stable", "--minutes", "4"],
    );
    assert!(out.contains("Restart recorded: Sam Okafor (physiotherapist)"), "{out}");
    assert!(out.contains("It restarts at: 4 min backward"), "{out}");
    assert!(out.contains("Note: Knee stable"), "{out}");
    let today = w.json("2026-11-25", &["today"]);
    assert_eq!(today["kind"], "session");
    assert_eq!(today["retro"]["dose"]["minutes"], 4);
    assert_eq!(today["retro"]["why"]["rule"], "A-CLINICIAN-RESTART");
    // The restart is kept, with who, role, when and the dose.
    let archive = w.json("2026-11-25", &["export"]);
    let r = &archive["overrides"][0];
    assert_eq!(
        (&r["kind"], &r["by"], &r["role"]),
        (&Value::from("restart"), &Value::from("Sam Okafor"), &Value::from("physiotherapist"))
    );
    assert!(r["signed_at"].is_string(), "{r}");
    // Nothing to restart now.
    let err = w.bad("2026-11-25", &["clear", "--by", "Sam", "--role", "GP"]);
    assert!(err.contains("nothing needs clearance"), "{err}");
}

/// A red flag reported in the morning's check-in, and the clinician's restart
/// signed that afternoon after seeing the walker: the restart lifts that very
/// stop (before, the check-in's stop sorted after it and stood for good).
pub fn a_restart_signed_the_day_of_a_red_flag_check_in_starts_the_next_day(new: New) {
    let w = new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", "1", "1", &[]);
    let out = w.ok("2026-11-25", &["checkin", "--pain", "3", "--symptom", "knee_locked"]);
    assert!(out.starts_with("STOP:"), "{out}");
    let out = w.ok("2026-11-25", &["clear", "--by", "Sam Okafor", "--role", "physiotherapist", "--note", "Seen"]);
    assert!(out.contains("restarted the programme from 2026-11-26"), "{out}");
    // Wednesday is a planned day, but the red flag's stop stands until the
    // restart's day: no dose and no log today, and the pause says when.
    let today = w.json("2026-11-25", &["today"]);
    assert_eq!(today["kind"], "stopped", "{today}");
    assert_eq!(today["pause"]["restart_from"], "2026-11-26", "{today}");
    assert!(today["retro"].is_null());
    let err = w.bad("2026-11-25", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"]);
    assert!(err.contains("starts again on 2026-11-26"), "{err}");
    let friday = w.json("2026-11-27", &["today"]);
    assert_eq!(friday["kind"], "session", "{friday}");
    assert_eq!(friday["retro"]["why"]["rule"], "A-CLINICIAN-RESTART");
    // A session logged late for the stopped Wednesday is refused: it would
    // sort before the restart, which would lift a red flag in it.
    let late = ["log", "--date", "2026-11-25", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"];
    let err = w.bad("2026-11-27", &late);
    assert!(err.contains("on 2026-11-25 backward walking was paused"), "{err}");
    // And for Tuesday, when it was running: a red flag in it would be lifted
    // by the restart signed since.
    let late = ["log", "--date", "2026-11-24", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"];
    let err = w.bad("2026-11-27", &late);
    assert!(err.contains("a restart was signed after 2026-11-24"), "{err}");
}

pub fn a_reported_fall_makes_every_later_dose_supported_only(new: New) {
    let w = new();
    w.init("cleared.toml");
    assert_eq!(w.json("2026-11-23", &["plan"])["supported_only"], false);
    let out = log(&w, "2026-11-23", "3", "3", &["--symptom", "fell"]);
    assert!(out.starts_with("STOP:") && out.contains("a fall"), "{out}");
    let plan = w.json("2026-11-24", &["plan"]);
    assert_eq!(plan["supported_only"], true);
    // The reason is recorded with the new screening, in the same write as the log.
    let archive = w.json("2026-11-24", &["export"]).to_string();
    assert!(
        archive.contains("fall_risk.fell_during_programme") && archive.contains("You reported a fall on 2026-11-23")
    );
    // A restart cannot be hands-free or inclined...
    let err = w.bad("2026-11-25", &["clear", "--by", "Sam", "--role", "physio", "--support", "hands-free"]);
    assert!(err.contains("hands-free is not allowed"), "{err}");
    w.ok("2026-11-25", &["clear", "--by", "Sam", "--role", "physio"]);
    // ...and no later dose ever is, however well the walker does.
    let mut date = jiff::civil::date(2026, 11, 25);
    for _ in 0..18 {
        let d = date.to_string();
        let today = w.json(&d, &["today"]);
        if today["kind"] == "session" {
            let dose = &today["retro"]["dose"];
            assert_ne!(dose["support"], "hands_free", "{d}: {dose}");
            assert_eq!(dose["incline_pct"], 0, "{d}: {dose}");
            log(&w, &d, "1", "1", &[]);
            w.ok(&date.tomorrow().unwrap().to_string(), &["checkin", "--pain", "3", "--no-symptoms"]);
        }
        date = date.tomorrow().unwrap();
    }
    let plan = w.json(&date.to_string(), &["plan"]);
    for week in plan["weeks"].as_array().unwrap() {
        for day in week["days"].as_array().unwrap() {
            if let Some(dose) = day["retro"]["dose"].as_object() {
                assert!(dose["support"] != "hands_free" && dose["incline_pct"] == 0, "{dose:?}");
            }
        }
    }
}

pub fn pain_above_five_right_after_a_session_steps_back(new: New) {
    let w = new();
    w.init("cleared.toml");
    let v =
        w.json("2026-11-23", &["log", "--pain-before", "2", "--pain-peak", "2", "--pain-after", "6", "--no-symptoms"]);
    assert_eq!(v["decision"]["action"], "step_back");
    assert_eq!(v["decision"]["rule"], "A-PAIN-AFTER-HIGH");
    // A settled morning does not turn it into progress.
    let c = w.json("2026-11-24", &["checkin", "--pain", "3", "--no-symptoms"]);
    assert_eq!(c["decision"]["rule"], "A-PAIN-AFTER-HIGH");
    assert!(c["decision"]["reason"].as_str().unwrap().contains("Right after the session your pain was 6/10"));
}

pub fn severe_usual_pain_suggests_a_clinician_and_starts_at_the_lowest_step(new: New) {
    let w = new();
    let mut file = std::fs::read_to_string(fixture("cleared.toml")).unwrap();
    file = file.replace("baseline_pain = 3", "baseline_pain = 8");
    let path = w.dir.path().join("severe.toml");
    std::fs::write(&path, file).unwrap();
    let out = w.ok("2026-11-23", &["init", "--answers", path.to_str().unwrap()]);
    assert!(out.contains("see your doctor or physiotherapist first"), "{out}");
    let today = w.json("2026-11-23", &["today"]);
    assert_eq!(today["retro"]["dose"]["minutes"], 3);
    assert_eq!(today["notices"][0]["rule"], "P-START-SEVERE-PAIN");
    let text = w.ok("2026-11-23", &["today"]);
    assert!(text.contains("Your usual knee pain is 8/10"), "{text}");
    // Usual pain of 6 starts as usual.
    let w = walker_from(new, "cleared.toml", &[("baseline_pain = 3", "baseline_pain = 6")]);
    let today = w.json("2026-11-23", &["today"]);
    assert_eq!(today["retro"]["dose"]["minutes"], 5);
    assert_eq!(today["notices"], serde_json::json!([]));
}

pub fn an_override_on_a_resume_day_stands_as_given(new: New) {
    let w = new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", "1", "1", &[]);
    w.ok("2026-11-24", &["checkin", "--pain", "3", "--no-symptoms"]);
    // Eight days later, a clinician sets 8 minutes on the day the walker returns.
    let v = w.json("2026-12-02", &["override", "--by", "Sam", "--reason", "Ready for more", "--minutes", "8"]);
    assert_eq!(v["decision"]["dose"]["minutes"], 8);
    let today = w.json("2026-12-02", &["today"]);
    assert_eq!(today["retro"]["dose"]["minutes"], 8);
    assert_eq!(today["retro"]["why"]["rule"], "A-CLINICIAN-OVERRIDE");
    // Without the override, the gap rule would have lowered it.
    let w2 = new();
    w2.init("cleared.toml");
    log(&w2, "2026-11-23", "1", "1", &[]);
    w2.ok("2026-11-24", &["checkin", "--pain", "3", "--no-symptoms"]);
    assert_eq!(w2.json("2026-12-02", &["today"])["retro"]["why"]["rule"], "A-GAP");
}

pub fn adherence_counts_only_sessions_whose_day_has_come(new: New) {
    let w = new();
    w.init("cleared.toml");
    let p = w.json("2026-11-23", &["progress"]);
    assert!(p["adherence_pct"].is_null(), "{p}");
    log(&w, "2026-11-23", "1", "1", &[]);
    let p = w.json("2026-11-24", &["progress"]);
    assert_eq!(p["adherence_pct"], 100);
    assert_eq!(
        (p["weeks"][0]["due_sessions"].as_u64(), p["weeks"][0]["planned_sessions"].as_u64()),
        (Some(1), Some(3))
    );
    // A planned day that passes without a log counts, once it has passed.
    let plan = w.json("2026-11-24", &["plan"]);
    let second = plan["weeks"][0]["days"].as_array().unwrap().iter().filter(|d| d["retro"].is_object()).nth(1).unwrap()
        ["date"]
        .as_str()
        .unwrap()
        .to_string();
    let after = jiff::civil::Date::strptime("%Y-%m-%d", &second).unwrap().tomorrow().unwrap().to_string();
    assert_eq!(w.json(&second, &["progress"])["adherence_pct"], 100);
    assert_eq!(w.json(&after, &["progress"])["adherence_pct"], 50);
}

pub fn a_treadmill_without_a_safety_key_is_explained(new: New) {
    let w = walker_from(
        new,
        "cleared.toml",
        &[(r#"["treadmill", "safety_key", "handrails", "bike"]"#, r#"["treadmill", "handrails", "bike"]"#)],
    );
    let today = w.json("2026-11-23", &["today"]);
    assert_eq!(today["retro"]["dose"]["surface"], "overground");
    let why = today["retro"]["why"]["reason"].as_str().unwrap();
    assert!(why.contains("one hand on a wall") && !why.contains("holding the rails"), "{why}");
    let notice = today["notices"][0]["text"].as_str().unwrap();
    assert!(notice.contains("no safety key") && notice.contains("stops the belt"), "{notice}");
    let text = w.ok("2026-11-23", &["plan"]);
    assert!(text.contains("no safety key"), "{text}");
}

pub fn negative_numbers_get_the_range_message(new: New) {
    let w = new();
    w.init("cleared.toml");
    for (flag, words) in [("--pain-peak", "0 to 10"), ("--pain-before", "0 to 10"), ("--minutes", "1 to 120")] {
        let mut args = vec!["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"];
        let at = args.iter().position(|a| *a == flag);
        match at {
            Some(i) => args[i + 1] = "-1",
            None => args.extend([flag, "-1"]),
        }
        let err = w.bad("2026-11-23", &args);
        assert!(err.contains(flag) && err.contains(words), "{flag}: {err}");
        assert!(!err.contains("unexpected argument"), "{err}");
    }
    assert_eq!(w.session_count(), 0);
    log(&w, "2026-11-23", "1", "1", &[]);
    let err = w.bad("2026-11-24", &["checkin", "--pain", "-3", "--no-symptoms"]);
    assert!(err.contains("0 to 10"), "{err}");
}
