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
}
