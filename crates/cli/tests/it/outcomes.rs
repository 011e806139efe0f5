//! Outcome measures from the terminal: results, changes against the smallest
//! real change, and a slow timed test that moves the walker to supported-only.

use crate::support::*;

#[test]
fn results_are_recorded_compared_and_fed_back_into_the_screen() {
    let w = Walker::new();
    w.init("cleared.toml");
    let due = w.json("2026-11-23", &["outcome", "due"]);
    assert_eq!(due["timepoint"], "baseline");
    w.ok("2026-11-23", &["outcome", "record", "chair_stand30s", "9"]);
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
