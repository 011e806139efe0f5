//! `retrowalk motion analyse`: IMU files in, bouts out, nothing stored.
//! The recordings are made up (`gait::synthetic`): a phone's CSV of a walk
//! whose steps each jolt the trunk, and the same played backwards.

use crate::support::*;

/// A made-up phone recording (`gait::synthetic`): `steps` steps 0.55 s
/// apart between 4 s of standing, forwards or played backwards.
fn phone_csv(steps: usize, backwards: bool) -> String {
    gait::synthetic::walk_csv(steps, 0.55, backwards)
}

#[test]
fn a_walk_and_its_reversal_give_the_same_steps_in_opposite_directions() {
    let w = Walker::new();
    let forward = w.dir.path().join("forward.csv");
    let backward = w.dir.path().join("backward.csv");
    std::fs::write(&forward, phone_csv(24, false)).unwrap();
    std::fs::write(&backward, phone_csv(24, true)).unwrap();
    let v = w.json("2026-11-23", &["motion", "analyse", forward.to_str().unwrap(), backward.to_str().unwrap()]);
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2);
    let bout = |i: usize| files[i]["bouts"].as_array().unwrap()[0].clone();
    assert_eq!((files[0]["bouts"].as_array().unwrap().len(), files[1]["bouts"].as_array().unwrap().len()), (1, 1));
    assert_eq!((bout(0)["direction"].as_str(), bout(1)["direction"].as_str()), (Some("forward"), Some("backward")));
    assert_eq!((bout(0)["steps"].as_u64(), bout(1)["steps"].as_u64()), (Some(24), Some(24)));
    let cadence = bout(0)["cadence_steps_per_min"].as_f64().unwrap();
    assert!((cadence - 60.0 / 0.55).abs() < 1.5, "{cadence}");
    assert_eq!(bout(0)["initial_contacts_s"].as_array().unwrap().len(), 24);
    assert!(bout(0)["confidence"].as_f64().unwrap() > 0.9);
    // How the phone sat: hung tilted about 17° from its y axis, and still.
    assert_eq!(files[0]["orientation"], "accelerometer", "the phone's CSV has no gyroscope");
    let up: Vec<f64> = bout(0)["up"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    assert!(up[1] > 0.9 && (up[2] - 0.29).abs() < 0.02, "{up:?}");
    assert!(bout(0)["turned_deg"].as_f64().unwrap() < 2.0);
    // The text says the same, in the terminal's language.
    let text = w.ok("2026-11-23", &["motion", "analyse", forward.to_str().unwrap()]);
    assert!(
        text.contains("Bout 1:") && text.contains("forward (") && text.contains("24 steps, 109 steps/min"),
        "{text}"
    );
    assert!(
        text.contains("phone: its +y axis 17° from straight up") && text.contains("(gravity from the accelerometer)"),
        "{text}"
    );
    let out = w
        .on("2026-11-23", &["motion", "analyse", backward.to_str().unwrap()])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let spanish = String::from_utf8(out.stdout).unwrap();
    assert!(spanish.contains("Tramo 1:") && spanish.contains("hacia atrás (seguro al"), "{spanish}");
    // Nothing was stored: the database was never even opened.
    assert!(!w.dir.path().join("rw.db").exists());
}

#[test]
fn a_forward_warm_up_at_the_start_sets_the_direction_for_the_walker() {
    // A session whose walker's step reads the other way round from most
    // people's: a 12-step forward warm-up, then 20 steps backward.
    let w = Walker::new();
    let session = w.dir.path().join("session.csv");
    std::fs::write(&session, gait::synthetic::session_csv(12, 20, true)).unwrap();
    let file = session.to_str().unwrap();
    let directions = |v: serde_json::Value| -> Vec<String> {
        let bouts = v[0]["bouts"].as_array().unwrap().clone();
        bouts.iter().map(|b| b["direction"].as_str().unwrap().to_string()).collect()
    };
    let plain = w.json("2026-11-23", &["motion", "analyse", file]);
    assert_eq!(plain[0]["direction_from"], "common");
    assert_eq!(directions(plain), ["backward", "forward"]);
    let warmed = w.json("2026-11-23", &["motion", "analyse", "--forward-first", "12", file]);
    assert_eq!(warmed[0]["direction_from"], "own_warm_up");
    assert_eq!(directions(warmed), ["forward", "backward"]);
    let text = w.ok("2026-11-23", &["motion", "analyse", "--forward-first", "12", file]);
    assert!(text.contains("Direction read against this walker's own forward steps at the start"), "{text}");
    // Seconds that cover the whole file leave nothing to tell apart: said so.
    let text = w.ok("2026-11-23", &["motion", "analyse", "--forward-first", "600", file]);
    assert!(text.contains("Direction read by how most people's steps run"), "{text}");
    let wrong = w.bad("2026-11-23", &["motion", "analyse", "--forward-first=-4", file]);
    assert!(wrong.contains("--forward-first: -4 is not a number of seconds"), "{wrong}");
}

#[test]
fn no_walking_and_wrong_files_are_said_plainly_and_nothing_else_is_printed() {
    let w = Walker::new();
    let still = w.dir.path().join("still.csv");
    std::fs::write(&still, phone_csv(0, false)).unwrap();
    let text = w.ok("2026-11-23", &["motion", "analyse", still.to_str().unwrap()]);
    assert!(text.contains("No walking found in this recording"), "{text}");

    let bad = w.dir.path().join("bad.csv");
    std::fs::write(&bad, "time,x,y,z\n0,0,9.8,0\n0.01,0,nine,0\n").unwrap();
    let empty = w.dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let out = w
        .on(
            "2026-11-23",
            &["motion", "analyse", still.to_str().unwrap(), bad.to_str().unwrap(), empty.to_str().unwrap()],
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing printed for the good file either");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("bad.csv: line 3, column 3: 'nine' is not a number (y)"), "{said}");
    assert!(said.contains("empty.csv: line 1: the file is empty"), "{said}");
    let missing = w.on("2026-11-23", &["motion", "analyse", "/no/such/file.csv"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file.csv:"));
}

/// A recording added to a logged session is kept as its analysis; a day
/// without a session, or a file without walking, is refused.
#[test]
fn a_recording_is_kept_with_its_logged_session() {
    let w = Walker::new();
    w.init("cleared.toml");
    w.ok("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "2", "--pain-after", "1", "--no-symptoms"]);
    let file = w.dir.path().join("walk.csv");
    std::fs::write(&file, phone_csv(24, true)).unwrap();
    let f = file.to_str().unwrap();
    let said = w.ok("2026-11-23", &["motion", "import", f, "--session", "2026-11-23"]);
    assert!(said.contains("walk.csv: kept with the session of Monday 23 November."), "{said}");
    assert!(
        said.contains("24 steps, about 109 steps a minute.") && said.contains("looked like walking backward"),
        "{said}"
    );
    // Another recording of the same walk (its own file: the same one again is counted once).
    let copy = w.dir.path().join("walk again.csv");
    std::fs::write(&copy, phone_csv(24, true) + "\n").unwrap();
    let v = w.json("2026-11-23", &["motion", "import", copy.to_str().unwrap(), "--session", "2026-11-23"]);
    assert_eq!(v["steps"], 24, "{v}");
    assert!(v["backward_min"].as_f64().unwrap() > 0.15, "{v}");

    let out = w.on("2026-11-24", &["motion", "import", f, "--session", "2026-11-24"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session is logged on 2026-11-24"));
    let still = w.dir.path().join("still.csv");
    std::fs::write(&still, phone_csv(0, false)).unwrap();
    let out =
        w.on("2026-11-23", &["motion", "import", still.to_str().unwrap(), "--session", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("still.csv: no walking found"), "{:?}", out);

    // The clinician's PDF has the week's walking: one session recorded, backward, 109 steps a minute.
    let pdf = w.dir.path().join("report.pdf");
    w.ok("2026-11-23", &["report", "--out", pdf.to_str().unwrap()]);
    let Some(text) = crate::report::pdf_text(&pdf) else { return };
    assert!(text.contains("Walking measured by the phone") && text.contains("Steps/min"), "{text}");
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("1 ") && l.contains("109"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.trim_end().ends_with('—'), "backward only, no forward walking: {row}");
}

/// The kept recordings are listed with their numbers, each file once; one
/// is deleted by its number and the session stays logged; a number not kept
/// is refused.
#[test]
fn a_kept_recording_is_listed_and_deleted_by_its_number() {
    let w = Walker::new();
    w.init("cleared.toml");
    let said = w.ok("2026-11-23", &["motion", "list"]);
    assert!(said.contains("No recordings kept yet."), "{said}");
    w.ok("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "2", "--pain-after", "1", "--no-symptoms"]);
    let file = w.dir.path().join("walk.csv");
    std::fs::write(&file, phone_csv(24, true)).unwrap();
    w.ok("2026-11-23", &["motion", "import", file.to_str().unwrap(), "--session", "2026-11-23"]);
    // The same file again is counted once: refused, naming where it is kept.
    let out =
        w.on("2026-11-23", &["motion", "import", file.to_str().unwrap(), "--session", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("file: this recording is kept already, as walk.csv of the session on 2026-11-23")
            && err.contains("nothing was added"),
        "{err}"
    );
    let other = w.dir.path().join("second.csv");
    std::fs::write(&other, phone_csv(20, true)).unwrap();
    w.ok("2026-11-23", &["motion", "import", other.to_str().unwrap(), "--session", "2026-11-23"]);

    let listed = w.json("2026-11-23", &["motion", "list"]);
    let ids: Vec<i64> = listed.as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 2, "{listed}");
    assert_eq!(listed[0]["steps"], 24, "{listed}");
    assert_eq!(listed[0]["session"], "2026-11-23", "{listed}");
    let said = w.ok("2026-11-23", &["motion", "list"]);
    assert!(
        said.contains(&format!("Recording {}: the session of Monday 23 November, from walk.csv", ids[0])),
        "{said}"
    );
    assert!(said.contains("24 steps, about 109 steps a minute."), "{said}");

    let said = w.ok("2026-11-23", &["motion", "delete", &ids[0].to_string()]);
    assert!(said.contains(&format!("Recording {} deleted. Its session stays logged.", ids[0])), "{said}");
    let log = w.ok("2026-11-23", &["user", "events"]);
    assert!(log.contains("recording_deleted") && log.contains(&format!("recording {} of walker 1", ids[0])), "{log}");
    let left = w.json("2026-11-23", &["motion", "list"]);
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["id"], ids[1], "{left}");
    let history = w.json("2026-11-23", &["history"]);
    assert!(history.to_string().contains("2026-11-23"), "the session stays logged: {history}");

    let out = w.on("2026-11-23", &["motion", "delete", &ids[0].to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("There is no recording {}.", ids[0])) && err.contains("motion list"), "{err}");
    assert_eq!(w.json("2026-11-23", &["motion", "list"]).as_array().unwrap().len(), 1, "nothing else deleted");
}

/// A file whose header does not say its clock's rate is imported with it
/// stated, as `motion analyse` takes it; a rate no sensor has is refused.
#[test]
fn an_import_takes_the_units_and_rate_its_header_does_not_say() {
    let w = Walker::new();
    w.init("cleared.toml");
    w.ok("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "2", "--pain-after", "1", "--no-symptoms"]);
    // Sensor Logger's z, y, x as a sample counter's x, y, z.
    let logged = phone_csv(22, true);
    let rows = logged.lines().skip(1).enumerate().map(|(i, l)| {
        let f: Vec<&str> = l.split(',').collect();
        format!("{i},{},{},{}\n", f[4], f[3], f[2])
    });
    let file = w.dir.path().join("counted.csv");
    std::fs::write(&file, std::iter::once("samples,x,y,z\n".to_string()).chain(rows).collect::<String>()).unwrap();
    let f = file.to_str().unwrap();
    let out = w.on("2026-11-23", &["motion", "import", f, "--session", "2026-11-23"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("state the rate"), "{out:?}");
    let out =
        w.on("2026-11-23", &["motion", "import", f, "--session", "2026-11-23", "--rate", "5000"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rate: 5000 is not a sample rate"), "{out:?}");
    let v = w
        .json("2026-11-23", &["motion", "import", f, "--session", "2026-11-23", "--rate", "100", "--acc-unit", "m/s2"]);
    assert_eq!(v["steps"], 22, "{v}");
}
