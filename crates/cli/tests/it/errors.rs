//! Bad input: a clear message, exit code 2, and nothing written.

use crate::support::*;

#[test]
fn commands_before_init_say_to_run_init() {
    let w = Walker::new();
    for cmd in [&["today"][..], &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"], &["plan"]] {
        let err = w.bad("2026-11-23", cmd);
        assert!(err.contains("run `retrowalk init` first"), "{err}");
    }
}

#[test]
fn bad_log_values_are_refused_and_nothing_is_written() {
    let w = Walker::new();
    w.init("cleared.toml");
    let cases: &[(&[&str], &str)] = &[
        (
            &["log", "--pain-before", "11", "--pain-peak", "1", "--pain-after", "1"],
            "--pain-before: pain is rated 0 to 10; got 11",
        ),
        (
            &["log", "--date", "23/11/2026", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"],
            "is not a date; use YYYY-MM-DD",
        ),
        (
            &["log", "--date", "2026-12-01", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"],
            "is in the future",
        ),
        (
            &["log", "--date", "2026-11-01", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"],
            "before your programme starts",
        ),
        (
            &["log", "--minutes", "0", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"],
            "--minutes: must be 1 to 120",
        ),
        (
            &["log", "--speed", "12", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"],
            "--speed: a walking speed is 0.1 to 8.0 km/h",
        ),
        (
            &["log", "--symptom", "headache", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"],
            "'headache' is not a known symptom",
        ),
        (
            &["log", "--pain-before", "1", "--pain-peak", "1"],
            "input ended before this was answered: Knee pain just after",
        ),
        (&["checkin", "--pain", "2"], "no session in the two days before"),
    ];
    for (args, expected) in cases {
        let err = w.bad("2026-11-23", args);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(w.session_count(), 0);
}

#[test]
fn a_second_log_or_check_in_for_the_same_session_is_refused() {
    let w = Walker::new();
    w.init("cleared.toml");
    let args = ["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"];
    w.ok("2026-11-23", &args);
    assert!(w.bad("2026-11-23", &args).contains("already logged for 2026-11-23"));
    w.ok("2026-11-24", &["checkin", "--pain", "2", "--no-symptoms"]);
    assert!(w.bad("2026-11-24", &["checkin", "--pain", "2", "--no-symptoms"]).contains("already has a check-in"));
    assert_eq!(w.session_count(), 1);
}

#[test]
fn bad_answer_files_name_the_field() {
    let w = Walker::new();
    let cases = [
        ("[screening]\nknee_locks = \"maybe\"\n", "screening.knee_locks: expected true or false"),
        ("[screening]\nfoo = true\n", "screening.foo: not a screening question"),
        ("[screening]\nknee_locks = false\n", "missing: heart_condition"),
        ("this is not toml", "not valid TOML"),
    ];
    for (text, expected) in cases {
        let path = w.dir.path().join("a.toml");
        std::fs::write(&path, text).unwrap();
        let err = w.bad("2026-11-23", &["init", "--answers", path.to_str().unwrap()]);
        assert!(err.contains(expected), "{text}: {err}");
    }
    let good = std::fs::read_to_string(fixture("cleared.toml")).unwrap();
    for (from, to, expected) in [
        ("baseline_pain = 3", "baseline_pain = 12", "setup.baseline_pain: pain is rated 0 to 10; got 12"),
        ("time_zone = \"Europe/London\"", "time_zone = \"Mars/Olympus\"", "'Mars/Olympus' is not a known time zone"),
        ("training_days = [\"mon\", \"wed\", \"fri\", \"sat\"]", "training_days = [\"mon\"]", "choose at least 2 days"),
        ("start = \"2026-11-23\"", "start = \"soon\"", "setup.start: 'soon' is not a date"),
        ("equipment = [", "equipment = [\"jetpack\", ", "'jetpack' is not equipment we know"),
    ] {
        let path = w.dir.path().join("b.toml");
        std::fs::write(&path, good.replace(from, to)).unwrap();
        let err = w.bad("2026-11-23", &["init", "--answers", path.to_str().unwrap()]);
        assert!(err.contains(expected), "{to}: {err}");
    }
    // Nothing was created by any of the refused files.
    assert!(w.bad("2026-11-23", &["today"]).contains("run `retrowalk init` first"));
}

#[test]
fn an_override_that_breaks_the_screen_is_refused() {
    let w = Walker::new();
    w.init("heart_and_fall.toml");
    w.ok("2026-11-23", &["clear", "--by", "Dr Rivera"]);
    let err = w.bad("2026-11-23", &["override", "--by", "Dr R", "--reason", "try", "--support", "hands-free"]);
    assert!(err.contains("supported-only walking: hands-free is not allowed"), "{err}");
}

#[test]
fn unknown_database_urls_are_bad_input() {
    let w = Walker::new();
    let out =
        assert_cmd::Command::cargo_bin("retrowalk").unwrap().args(["--db", "mysql://x/y", "today"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use postgres://"));
    drop(w);
}

#[test]
fn a_second_init_is_refused_without_another() {
    let w = Walker::new();
    w.init("cleared.toml");
    let err = w.bad("2026-11-23", &["init", "--answers", fixture("cleared.toml").to_str().unwrap()]);
    assert!(err.contains("already set up"), "{err}");
    w.ok("2026-11-23", &["init", "--another", "--answers", fixture("blocked.toml").to_str().unwrap()]);
    assert!(w.bad("2026-11-23", &["today"]).contains("choose one with --walker ID"));
    assert!(w.ok("2026-11-23", &["--walker", "2", "today"]).contains("See a clinician"));
}

/// Regression (#11): `--today` far in the future recorded things before they happened.
#[test]
fn a_today_far_in_the_future_is_refused() {
    let w = Walker::new();
    w.init("cleared.toml");
    let err = w.bad("2099-01-01", &["today"]);
    assert!(err.contains("--today: 2099-01-01 has not happened yet"), "{err}");
    let err =
        w.bad("2099-01-01", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"]);
    assert!(err.contains("has not happened yet"), "{err}");
    assert_eq!(w.session_count(), 0);
}

#[test]
fn serve_refuses_hsts_without_https_before_opening_anything() {
    let w = Walker::new();
    let err = w.bad("2026-11-23", &["serve", "--hsts", "--listen", "127.0.0.1:0"]);
    assert!(err.contains("--hsts: only over HTTPS"), "{err}");
    let err = w.bad("2026-11-23", &["serve", "--public-url", "rw.example.org", "--listen", "127.0.0.1:0"]);
    assert!(err.contains("--public-url: 'rw.example.org' must start with https://"), "{err}");
    // --today moves dates on a demo server only, and never back.
    let err = w.bad("2026-11-23", &["serve", "--listen", "127.0.0.1:0"]);
    assert!(err.contains("--today is for `serve --demo` only"), "{err}");
    let err = w.bad("2026-11-23", &["serve", "--demo", "--listen", "127.0.0.1:0"]);
    assert!(err.contains("--today: 2026-11-23 has passed"), "{err}");
    assert!(!w.dir.path().join("rw.db").exists(), "nothing was opened");
}

/// Regression (#11, defect 2): tokens could not be listed, revoked or made to expire.
#[test]
fn tokens_are_made_listed_and_revoked_from_the_cli() {
    let w = Walker::new();
    // An account to hold them: sign-up is on the web, so the demo account stands in.
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let store = store::backend::connect(&w.db_url()).await.unwrap();
        web::demo::seed(&store, jiff::civil::date(2026, 11, 23)).await.unwrap();
    });
    let email = web::demo::DEMO_EMAIL;
    let token =
        w.ok("2026-11-23", &["token", "create", "--email", email, "--name", "backup job", "--expires-in-days", "30"]);
    assert!(token.trim().starts_with("rwt_") && token.trim().len() == 68, "{token}");
    w.ok("2026-11-23", &["token", "create", "--email", email, "--name", "phone"]);
    let list = w.ok("2026-11-23", &["token", "list", "--email", email]);
    assert!(list.contains("backup job") && list.contains("phone") && list.contains("never"), "{list}");
    assert!(!list.contains(token.trim()), "the token itself is never shown again");
    let json = w.json("2026-11-23", &["token", "list", "--email", email]);
    let id =
        json.as_array().unwrap().iter().find(|t| t["name"] == "phone").unwrap()["id"].as_str().unwrap().to_string();
    assert!(json.as_array().unwrap().iter().any(|t| t["expires_at"].is_string()));
    let out = w.ok("2026-11-23", &["token", "revoke", "--email", email, &id]);
    assert!(out.contains("revoked"), "{out}");
    let err = w.bad("2026-11-23", &["token", "revoke", "--email", email, &id]);
    assert!(err.contains("no token"), "{err}");
    let err = w.bad("2026-11-23", &["token", "create", "--email", email, "--expires-in-days", "0"]);
    assert!(err.contains("--expires-in-days: 1 to 3650"), "{err}");
    assert_eq!(w.json("2026-11-23", &["token", "list", "--email", email]).as_array().unwrap().len(), 1);
}

/// Support, surface and sex are read by their one name (`coach::names`):
/// the help and the refusal list the names the API and files use, and a
/// hyphen or capitals typed by a person are forgiven.
#[test]
fn named_flags_take_the_coachs_names() {
    let w = Walker::new();
    w.init("cleared.toml");
    let log = |support: &'static str| {
        vec![
            "log",
            "--pain-before",
            "1",
            "--pain-peak",
            "2",
            "--pain-after",
            "1",
            "--no-symptoms",
            "--support",
            support,
        ]
    };
    let err = w.bad("2026-11-23", &log("jetpack"));
    assert!(err.contains("invalid value 'jetpack'") && err.contains("rails, light_touch, hands_free"), "{err}");
    w.ok("2026-11-23", &log("Light-Touch"));
    w.ok("2026-11-23", &["profile", "--sex", "female", "--birth-year", "1960"]);
}

/// In Spanish, a mistyped command line, a refused value and a mistyped path
/// are said with no English: clap's own mistakes with its tips and usage,
/// the refusal after the flag the person typed (not the field inside), and
/// a file that is not there. Each is bad input (2) and writes nothing.
#[test]
fn mistakes_on_the_command_line_are_said_in_spanish() {
    let w = Walker::new();
    w.init("cleared.toml");
    let spanish = |args: &[&str]| {
        let out = w.on("2026-11-23", args).env("LANG", "es_ES.UTF-8").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = spanish(&["log", "--pain-peek", "3"]);
    assert!(err.contains("error: no se esperaba '--pain-peek'"), "{err}");
    assert!(err.contains("consejo: hay un argumento parecido: '--pain-peak'"), "{err}");
    assert!(err.contains("Uso: retrowalk log") && err.contains("Para saber más, pruebe '--help'."), "{err}");
    let err = spanish(&["export", "--format", "pdf"]);
    assert!(err.contains("el valor 'pdf' no vale para '--format <FORMATO>'"), "{err}");
    assert!(err.contains("[valores posibles: json, csv, fhir]"), "{err}");
    let log = ["log", "--date", "2026-11-01", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"];
    let err = spanish(&log);
    assert!(err.contains("error: --date: Su programa aún no había empezado ese día"), "{err}");
    let err = spanish(&["motion", "import", "/no/such/walk.csv", "--session", "2026-11-23"]);
    assert!(err.contains("/no/such/walk.csv: no existe ese archivo ni esa carpeta"), "{err}");
    let err = spanish(&["report", "--out", w.dir.path().to_str().unwrap()]);
    assert!(err.contains("es una carpeta; indique el nombre de un archivo dentro de ella"), "{err}");
    let all = [&["log", "--pain-peek", "3"][..], &["export", "--format", "pdf"], &log, &["import", "/no/such"]];
    for err in all.map(spanish) {
        for english in ["unexpected", "invalid value", "possible values", "Usage", "tip:", "No such", "is before"] {
            assert!(!err.contains(english), "{english}: {err}");
        }
    }
    assert_eq!(w.session_count(), 0);

    // A path is said once; a recording that cannot be read says where.
    let err = spanish(&["motion", "analyse", "/no/such/walk.csv"]);
    assert_eq!(err.matches("/no/such/walk.csv").count(), 1, "{err}");
    let csv = w.dir.path().join("walk.csv");
    std::fs::write(&csv, "time,x,y,z\n0,1,2,3\n0.01,1,two,3\n").unwrap();
    let err = spanish(&["motion", "analyse", csv.to_str().unwrap()]);
    assert!(err.contains("no se pudo leer como grabación de movimiento (línea 3, columna"), "{err}");
    // An answers file with a wrong value: the key, and what it takes.
    let answers = w.dir.path().join("a.toml");
    std::fs::write(&answers, "[screening]\nknee_locks = \"maybe\"\n").unwrap();
    let err = spanish(&["init", "--another", "--answers", answers.to_str().unwrap()]);
    assert!(err.contains("screening.knee_locks: se esperaba true (sí) o false (no)"), "{err}");
    std::fs::write(&answers, "name = [").unwrap();
    let err = spanish(&["init", "--another", "--answers", answers.to_str().unwrap()]);
    assert!(err.contains("no es TOML válido (el lector dice, en inglés:"), "{err}");

    // The help and the shell's completions say the same in Spanish.
    let help = w.on("2026-11-23", &["log", "--help"]).env("LANG", "es_ES.UTF-8").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Uso: retrowalk log [OPCIONES]") && help.contains("--date <FECHA>"), "{help}");
    let help = w.on("2026-11-23", &["help", "help"]).env("LANG", "es_ES.UTF-8").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Uso: retrowalk help [ORDEN]") && help.contains("Órdenes:"), "{help}");
    let fish = w.on("2026-11-23", &["completions", "fish"]).env("LANG", "es_ES.UTF-8").output().unwrap();
    let fish = String::from_utf8_lossy(&fish.stdout);
    assert!(fish.contains("Anota una sesión de marcha hacia atrás"), "{fish}");
    assert!(fish.contains("Una fila por sesión") && !fish.contains("One row per"), "{fish}");
}

/// A refusal names the flag only when the person typed it: `init` has no
/// `--name`, so a name from the answers file is named as its key.
#[test]
fn a_refusal_names_the_flag_only_when_it_was_typed() {
    let w = Walker::new();
    let answers = w.dir.path().join("a.toml");
    let good = std::fs::read_to_string(fixture("cleared.toml")).unwrap();
    std::fs::write(&answers, good.replace("name = \"Maria\"", "name = \"Ana\\u0007\"")).unwrap();
    let err = w.bad("2026-11-23", &["init", "--answers", answers.to_str().unwrap()]);
    assert!(err.contains("error: name: contains an invisible control character"), "{err}");
    // Typed: the coach's refusal of a date is said after `--date`.
    let log = ["log", "--date", "2026-11-01", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"];
    w.init("cleared.toml");
    let err = w.bad("2026-11-23", &log);
    assert!(err.contains("error: --date: 2026-11-01 is before your programme starts"), "{err}");
    // A walker that is not there, by the number typed.
    assert!(w.bad("2026-11-23", &["--walker", "9", "today"]).contains("--walker: there is no walker 9"));
}
