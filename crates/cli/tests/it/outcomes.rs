//! Outcome measures from the terminal: results, changes against the smallest
//! real change, and a slow timed test that moves the walker to supported-only.

use crate::support::*;

#[test]
fn results_are_recorded_compared_and_fed_back_into_the_screen() {
    let w = Walker::new();
    w.init("cleared.toml");
    let due = w.json("2026-11-23", &["outcome", "due"]);
    assert_eq!(due["timepoint"], "baseline");
    w.ok("2026-11-23", &["profile", "--birth-year", "1954", "--sex", "female"]);
    let first = w.json("2026-11-23", &["outcome", "record", "chair_stand30s", "9"]);
    assert!(first["flags"][0]["text"].as_str().unwrap().contains("below the usual range of 10-15"), "{first}");
    assert!(w.bad("2026-11-23", &["profile", "--birth-year", "2020"]).contains("not a plausible year of birth"));
    w.ok("2026-11-23", &["outcome", "record", "timed_up_and_go", "9.8"]);
    w.ok("2026-11-23", &["outcome", "record", "fast_walk40m", "32"]);
    let later = w.json("2026-12-09", &["outcome", "record", "chair_stand30s", "13"]);
    assert_eq!(later["change"]["verdict"], "real_improvement");
    let slow = w.json("2026-12-09", &["outcome", "record", "timed_up_and_go", "12.6"]);
    assert_eq!(slow["change"]["verdict"], "worse");
    assert_eq!(slow["flags"][0]["code"], "tug_fall_risk");
    assert_eq!(slow["screen_changed"]["status"], "supported_only");
    assert_eq!(w.json("2026-12-09", &["today"])["retro"]["dose"]["support"], "rails");
    let list = w.json("2026-12-09", &["outcome", "list"]);
    let walk = list.as_array().unwrap().iter().find(|r| r["measure"] == "fast_walk40m").unwrap();
    assert_eq!(walk["first"], 1.25);
    let csv = w.ok("2026-12-09", &["export", "--format", "csv", "--table", "outcomes"]);
    insta::assert_snapshot!("outcomes_csv", csv);
    // In the terminal's language: the unit and what the change means.
    let out = w
        .on("2026-12-09", &["export", "--format", "csv", "--table", "outcomes"])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("una mejora real") && !csv.contains("real improvement"), "{csv}");
    let archive = w.json("2026-12-09", &["export"]);
    assert_eq!(archive["outcomes"].as_array().unwrap().len(), 5);
}

#[test]
fn bad_outcome_input_is_refused_and_nothing_is_written() {
    let w = Walker::new();
    w.init("cleared.toml");
    for (args, expected) in [
        (&["outcome", "record", "pain_now", "11"][..], "pain_now: must be 0 to 10, a whole number; got 11"),
        (&["outcome", "record", "grip_strength", "30"], "'grip_strength' is not a measure"),
        (&["outcome", "record", "own_activities", "--activity", "stairs=4"], "name 3 to 5 activities; got 1"),
        (&["outcome", "record", "timed_up_and_go"], "timed_up_and_go: a value is needed"),
        (&["outcome", "record", "timed_up_and_go", "9", "--date", "2026-12-30"], "is in the future"),
    ] {
        let err = w.bad("2026-11-23", args);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert!(w.json("2026-11-23", &["outcome", "list"]).as_array().unwrap().is_empty());
    let how = w.ok("2026-11-23", &["outcome", "how", "chair_stand30s"]);
    assert!(how.contains("arms crossed over your chest"), "{how}");
}

#[test]
fn the_fhir_export_is_a_bundle_of_the_whole_record() {
    let w = Walker::new();
    w.init("cleared.toml");
    w.ok("2026-11-23", &["log", "--pain-before", "2", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"]);
    w.ok("2026-11-23", &["outcome", "record", "pain_now", "2"]);
    w.ok("2026-11-24", &["checkin", "--pain", "3", "--symptom", "knee_locked"]);
    let b = w.json("2026-11-24", &["export", "--format", "fhir"]);
    assert_eq!((b["resourceType"].as_str(), b["type"].as_str()), (Some("Bundle"), Some("collection")));
    let kinds: Vec<&str> =
        b["entry"].as_array().unwrap().iter().map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["Patient", "CarePlan", "Observation", "Observation", "QuestionnaireResponse"]);
    let pain = &b["entry"][3]["resource"];
    assert_eq!(pain["code"]["coding"][0]["code"], "72514-3");
    assert_eq!(pain["valueQuantity"]["value"], 2.0);
    let plan = &b["entry"][1]["resource"];
    assert_eq!(plan["activity"][0]["detail"]["status"], "completed");
    // The next morning's pain and the warning sign reported with it.
    let session = b["entry"][2]["resource"]["component"].as_array().unwrap();
    let has =
        |c: &serde_json::Value, code: &str| c["code"]["coding"].as_array().unwrap().iter().any(|x| x["code"] == code);
    let value = |code: &str| session.iter().find(|c| has(c, code)).cloned();
    assert_eq!(value("pain-next-morning").unwrap()["valueInteger"], 3);
    let flag = value("red-flag-symptom-next-morning").expect("the morning's red flag is exported");
    assert!(flag["valueString"].as_str().unwrap().contains("locked"), "{flag}");
}

fn example(file: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/").to_string() + file
}

#[test]
fn a_loaded_questionnaire_is_due_answered_scored_and_reported() {
    let w = Walker::new();
    w.init("cleared.toml");
    let said = w.ok(
        "2026-11-23",
        &["questionnaire", "load", &example("knee-days.json"), "--scoring", &example("knee-days.scoring.json")],
    );
    assert!(said.starts_with("Loaded \"Knee days"), "{said}");
    let due = w.ok("2026-11-23", &["outcome", "due"]);
    assert!(due.contains("questionnaire answer retrowalk-knee-days"), "{due}");

    // Typed answers at the prompts: numbers, and an empty line skips a question.
    let out = w
        .on("2026-11-23", &["questionnaire", "answer", "retrowalk-knee-days"])
        .write_stdin("3\n2\n\n5\n1\n1\n2\n3\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Everyday tasks: 41.7 of 100 (3 of 4 answered)"), "{text}");
    assert!(!w.ok("2026-11-23", &["outcome", "due"]).contains("knee-days"), "answered in this window");

    let file = w.dir.path().join("answers.toml");
    std::fs::write(&file, "d1 = \"none\"\nd2 = \"none\"\nd3 = \"little\"\nw1 = \"none\"\n").unwrap();
    let later =
        w.json("2026-12-14", &["questionnaire", "answer", "retrowalk-knee-days", "--answers", file.to_str().unwrap()]);
    assert_eq!(later["scores"][0]["score"], 91.7);
    assert!(later["scores"][1]["score"].is_null(), "1 of 4 answered is under the minimum of 3");
    let results = w.ok("2026-12-14", &["questionnaire", "results"]);
    assert!(results.contains("a real improvement: +50 points"), "{results}");

    // A wrong code is refused by name and nothing is written.
    std::fs::write(&file, "d1 = \"bad\"\n").unwrap();
    let err =
        w.bad("2026-12-14", &["questionnaire", "answer", "retrowalk-knee-days", "--answers", file.to_str().unwrap()]);
    assert!(err.contains("answers.d1: \"bad\" is not one of the answers"), "{err}");
    assert_eq!(w.json("2026-12-14", &["export"])["questionnaire_results"].as_array().unwrap().len(), 2);
    let err = w.bad("2026-12-14", &["questionnaire", "answer", "nope"]);
    assert!(err.contains("\"nope\" is not loaded"), "{err}");
    let err = w.bad(
        "2026-12-14",
        &["questionnaire", "load", &example("knee-days.scoring.json"), "--scoring", &example("knee-days.scoring.json")],
    );
    assert!(err.contains("questionnaire.resourceType") || err.contains("not a FHIR Questionnaire"), "{err}");

    let pdf = w.dir.path().join("report.pdf");
    w.ok("2026-12-14", &["report", "--out", pdf.to_str().unwrap()]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.windows(14).any(|x| x == b"Everyday tasks"), "the report lists the questionnaire's scores");
}
