//! A walker's first three weeks, from a terminal.

use crate::support::*;

fn log(w: &Walker, date: &str, before: u8, peak: u8, after: u8) -> serde_json::Value {
    let (b, p, a) = (before.to_string(), peak.to_string(), after.to_string());
    w.json(date, &["log", "--pain-before", &b, "--pain-peak", &p, "--pain-after", &a, "--no-symptoms"])
}

fn checkin(w: &Walker, date: &str, pain: u8) -> serde_json::Value {
    w.json(date, &["checkin", "--pain", &pain.to_string(), "--no-symptoms"])
}

fn rule(v: &serde_json::Value) -> String {
    v["decision"]["rule"].as_str().unwrap().to_string()
}

#[test]
fn three_weeks_progress_hold_and_step_back_with_reasons() {
    let w = Walker::new();
    let welcome = w.init("cleared.toml");
    assert!(welcome.contains("CLEARED to start"), "{welcome}");
    assert!(welcome.contains("not medical advice"));

    let today = w.ok("2026-11-23", &["today"]);
    insta::assert_snapshot!("first_day", today);

    // Week 1: tolerated, acceptable, then too much.
    assert_eq!(rule(&log(&w, "2026-11-23", 2, 1, 1)), "A-AWAIT-CHECKIN");
    let c = checkin(&w, "2026-11-24", 3);
    assert_eq!((rule(&c), c["decision"]["dose"]["minutes"].as_u64()), ("A-PROGRESS".into(), Some(6)));
    log(&w, "2026-11-25", 2, 4, 3);
    assert_eq!(rule(&checkin(&w, "2026-11-26", 3)), "A-PAIN-ACCEPTABLE");
    log(&w, "2026-11-27", 3, 7, 5);
    let c = checkin(&w, "2026-11-28", 3);
    assert_eq!((rule(&c), c["decision"]["dose"]["minutes"].as_u64()), ("A-PAIN-HIGH".into(), Some(4)));
    assert!(c["decision"]["reason"].as_str().unwrap().contains("above 5"));

    // Weeks 2 and 3: settles, builds again; one morning flare steps back.
    for (day, morning_day, peak, morning) in [
        ("2026-11-30", "2026-12-01", 1, 3),
        ("2026-12-02", "2026-12-03", 2, 2),
        ("2026-12-04", "2026-12-05", 1, 3),
        ("2026-12-07", "2026-12-08", 1, 5),
        ("2026-12-09", "2026-12-10", 2, 3),
        ("2026-12-11", "2026-12-12", 0, 3),
    ] {
        log(&w, day, 2, peak, 2);
        checkin(&w, morning_day, morning);
    }
    let history = w.json("2026-12-12", &["history"]);
    let rules: Vec<&str> =
        history.as_array().unwrap().iter().map(|e| e["decision"]["rule"].as_str().unwrap()).collect();
    assert_eq!(
        rules,
        [
            "A-PROGRESS",
            "A-PAIN-ACCEPTABLE",
            "A-PAIN-HIGH",
            "A-PROGRESS",
            "A-PROGRESS",
            "A-WEEKLY-CAP",
            "A-MORNING-RISE",
            "A-PROGRESS",
            "A-PROGRESS"
        ]
    );
    insta::assert_snapshot!("history_after_three_weeks", w.ok("2026-12-12", &["history"]));
    insta::assert_snapshot!("progress_after_three_weeks", w.ok("2026-12-12", &["progress"]));
    let plan = w.ok("2026-12-12", &["plan"]);
    assert!(plan.contains("done") && plan.contains("Week 6"), "{plan}");
}

#[test]
fn a_red_flag_symptom_stops_the_programme_until_a_clinician_restarts() {
    let w = Walker::new();
    w.init("cleared.toml");
    let out = w.ok(
        "2026-11-23",
        &["log", "--pain-before", "2", "--pain-peak", "3", "--pain-after", "3", "--symptom", "knee_gave_way"],
    );
    assert!(out.contains("STOP"), "{out}");
    let today = w.json("2026-11-25", &["today"]);
    assert_eq!(today["kind"], "stopped");
    let out = w.ok(
        "2026-11-26",
        &[
            "clear",
            "--by",
            "Sam Okafor",
            "--role",
            "physiotherapist",
            "--note",
            "Knee examined; stable. Resume at 5 minutes.",
            "--minutes",
            "5",
        ],
    );
    assert!(out.contains("Sam Okafor"), "{out}");
    let today = w.json("2026-11-27", &["today"]);
    assert_eq!(today["kind"], "session");
    assert_eq!(today["retro"]["why"]["rule"], "A-CLINICIAN-RESTART");
}

#[test]
fn clearance_needed_then_cleared_as_supported_only() {
    let w = Walker::new();
    let out = w.init("heart_and_fall.toml");
    assert!(out.contains("CLEARANCE NEEDED"), "{out}");
    assert_eq!(w.json("2026-11-23", &["today"])["kind"], "clearance_needed");
    let err = w.bad("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1"]);
    assert!(err.contains("waits for a professional's clearance"), "{err}");
    let out = w.json("2026-11-23", &["clear", "--by", "Dr Rivera", "--role", "GP"]);
    assert_eq!(out["status"], "supported_only");
    let today = w.json("2026-11-23", &["today"]);
    assert_eq!(today["kind"], "session");
    assert_eq!(today["retro"]["dose"]["support"], "rails");
    assert_eq!(today["retro"]["dose"]["surface"], "overground");
}

#[test]
fn a_blocked_walker_is_told_to_see_a_clinician() {
    let w = Walker::new();
    let out = w.init("blocked.toml");
    assert!(out.contains("BLOCKED") && out.contains("clinician"), "{out}");
    let today = w.ok("2026-11-23", &["today"]);
    assert!(today.contains("See a clinician now"), "{today}");
    let err = w.bad("2026-11-23", &["clear", "--by", "Dr X"]);
    assert!(err.contains("red flag cannot be cleared"), "{err}");
    // Changing the answer later re-evaluates the outcome.
    let mut file = std::fs::read_to_string(fixture("blocked.toml")).unwrap();
    file = file.replace("knee_locks = true", "knee_locks = false");
    let path = w.dir.path().join("rescreen.toml");
    std::fs::write(&path, file).unwrap();
    let out = w.json("2026-11-24", &["screen", "--answers", path.to_str().unwrap()]);
    assert_eq!(out["status"], "cleared");
}

#[test]
fn json_init_and_interactive_init_work() {
    let w = Walker::new();
    let v = w.json("2026-11-24", &["init", "--answers", fixture("cleared.json").to_str().unwrap()]);
    assert_eq!(v["programme"]["retro_days"], serde_json::json!(["tue", "thu", "sat"]));

    let w = Walker::new();
    // Name, 18 screening answers, two skipped timings, equipment, days, start,
    // time zone, usual pain, weeks, speed.
    let mut script = String::from("Lena\n");
    script.push_str(&"n\n".repeat(18));
    script.push_str("\n\ny\ny\ny\nn\nn\nmon,wed,fri\n2026-11-23\nEurope/Paris\n2\n6\n3.0\n");
    let out = w.on("2026-11-23", &["init"]).write_stdin(script).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Welcome, Lena"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Is your knee hot, red and swollen"));
}

/// `init` asked and answered in Spanish: the questions, Spanish day names
/// and a decimal comma are understood, and the welcome, the screening's
/// outcome and the programme are said in Spanish. A re-screening in
/// Spanish says what changed.
#[test]
fn interactive_init_and_screen_speak_the_terminals_language() {
    let w = Walker::new();
    let mut script = String::from("Lena\n");
    script.push_str(&"n\n".repeat(18));
    script.push_str("\n\ns\ns\ns\nn\nn\nlun,Miércoles,vie\n2026-11-23\nEurope/Madrid\n2\n6\n3,5\n");
    let out = w.on("2026-11-23", &["init"]).env("LANG", "es_ES.UTF-8").write_stdin(script).output().unwrap();
    let (said, asked) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{asked}");
    for question in ["¿Tiene la rodilla caliente, roja e hinchada", "Primero, su salud en general.", "¿Qué días"] {
        assert!(asked.contains(question), "{question:?} not asked: {asked}");
    }
    for words in [
        "Bienvenido/a, Lena",
        "Resultado de las preguntas de seguridad: PUEDE EMPEZAR",
        "Empiece despacio y poco tiempo",
        "los lunes, miércoles, viernes (en la cinta)",
        "no es consejo médico",
    ] {
        assert!(said.contains(words), "{words:?} not said: {said}");
    }
    assert!(!said.contains("Welcome") && !asked.contains("Do you have"), "{said}{asked}");

    // The first 14 answers, then the balance questions: a fall in the past year.
    let mut fell = "n\n".repeat(14);
    fell.push_str("s\nn\nn\nn\n\n\n");
    let out = w.on("2026-11-24", &["screen"]).env("LANG", "es_ES.UTF-8").write_stdin(fell).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("SOLO CON APOYO") && said.contains("Cambió de «Puede entrenar»"), "{said}");
    assert!(said.contains("Desde ahora cada sesión es solo con apoyo"), "{said}");
}

/// Measures in Spanish: the result with a decimal comma, what the change
/// means, the table and how to take a test.
#[test]
fn outcomes_speak_the_terminals_language() {
    let w = Walker::new();
    w.init("cleared.toml");
    let es = |day: &str, args: &[&str]| {
        let out = w.on(day, args).env("LANG", "es_ES.UTF-8").write_stdin("").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    es("2026-11-23", &["outcome", "record", "timed_up_and_go", "11.5"]);
    let second = es("2026-12-14", &["outcome", "record", "timed_up_and_go", "9.9"]);
    assert!(
        second.contains("Resultado anotado, Levantarse y caminar, cronometrado (TUG): 9,9 s el 2026-12-14."),
        "{second}"
    );
    assert!(second.contains("Desde su primer resultado: una mejora real: -1,6 s"), "{second}");
    let table = es("2026-12-14", &["outcome", "list"]);
    assert!(table.contains("medida") && table.contains("11,5 s") && table.contains("una mejora real"), "{table}");
    let how = es("2026-12-14", &["outcome", "how", "chair_stand30s"]);
    assert!(how.contains("Levantarse de la silla durante 30 segundos") && how.contains("Fuentes:"), "{how}");
    assert!(!format!("{second}{table}{how}").contains("Recorded"), "English left");
}

#[test]
fn exports_hold_every_session() {
    let w = Walker::new();
    w.init("cleared.toml");
    log(&w, "2026-11-23", 2, 1, 1);
    checkin(&w, "2026-11-24", 3);
    log(&w, "2026-11-25", 2, 3, 2);
    let archive = w.json("2026-11-26", &["export", "--format", "json"]);
    assert_eq!(archive["format"], "retrowalk-archive");
    assert_eq!(archive["sessions"].as_array().unwrap().len(), 2);
    assert_eq!(archive["checkins"].as_array().unwrap().len(), 1);
    assert_eq!(archive["decisions"].as_array().unwrap().len(), 3);
    let out = w.dir.path().join("sessions.csv");
    w.ok("2026-11-26", &["export", "--format", "csv", "--out", out.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&out).unwrap();
    insta::assert_snapshot!("sessions_csv", csv);
    let checkins = w.ok("2026-11-26", &["export", "--format", "csv", "--table", "checkins"]);
    assert_eq!(checkins, "date,session_date,pain,symptoms\n2026-11-24,2026-11-23,3,\n");
}

#[test]
fn completions_are_printed() {
    let w = Walker::new();
    let out = w.ok("2026-11-23", &["completions", "bash"]);
    assert!(out.contains("_retrowalk()"), "{}", &out[..200.min(out.len())]);
}

/// Regression: asking for pains and then symptoms took the stdin lock twice and hung.
#[test]
fn log_asks_for_missing_pains_and_symptoms_in_one_sitting() {
    let w = Walker::new();
    w.init("cleared.toml");
    let answers = format!("2\n3\n2\n{}", "n\n".repeat(7));
    let out = w.on("2026-11-23", &["--json", "log"]).write_stdin(answers).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["logged"]["pain_peak"].as_u64(), v["logged"]["symptoms"].as_array().map(Vec::len)),
        (Some(3), Some(0))
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Worst knee pain during the session"));
}

#[test]
fn an_exported_archive_imports_into_a_fresh_database_without_loss() {
    let w = Walker::new();
    w.init("heart_and_fall.toml");
    w.ok("2026-11-23", &["clear", "--by", "Dr Rivera", "--role", "GP"]);
    log(&w, "2026-11-23", 2, 1, 1);
    checkin(&w, "2026-11-24", 3);
    log(&w, "2026-11-25", 3, 6, 4);
    w.ok("2026-11-26", &["override", "--by", "Sam, PT", "--reason", "Hold at 5 minutes", "--minutes", "5"]);
    w.ok("2026-11-26", &["outcome", "record", "chair_stand30s", "11"]);
    w.ok(
        "2026-11-26",
        &[
            "outcome",
            "record",
            "own_activities",
            "--activity",
            "stairs=3",
            "--activity",
            "car=4",
            "--activity",
            "bus=6",
        ],
    );
    let file = w.dir.path().join("archive.json");
    w.ok("2026-11-26", &["export", "--out", file.to_str().unwrap()]);

    let fresh = Walker::new();
    let out = fresh.ok("2026-11-26", &["import-archive", file.to_str().unwrap()]);
    assert!(out.contains("Imported as walker 1"), "{out}");
    let mut before: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let mut after = fresh.json("2026-11-26", &["export"]);
    for v in [&mut before, &mut after] {
        v.as_object_mut().unwrap().remove("exported_at");
    }
    assert_eq!(after, before);
    // The same history gives the same plan.
    assert_eq!(fresh.ok("2026-11-26", &["history"]), w.ok("2026-11-26", &["history"]));

    let bad = fresh.dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format": "something-else"}"#).unwrap();
    let err = fresh.bad("2026-11-26", &["import-archive", bad.to_str().unwrap()]);
    assert!(err.contains("not a retrowalk archive"), "{err}");
    // A session from before the programme, or a time zone that does not exist, is refused.
    let good: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for (path, value, expected) in [
        (("sessions", 0, "date"), "1999-11-23", "sessions[0].date"),
        (("programme", usize::MAX, "time_zone"), "Mars/Olympus", "Mars/Olympus"),
    ] {
        let mut v = good.clone();
        let at = if path.1 == usize::MAX { &mut v[path.0] } else { &mut v[path.0][path.1] };
        at[path.2] = value.into();
        std::fs::write(&bad, v.to_string()).unwrap();
        let err = fresh.bad("2026-11-26", &["import-archive", bad.to_str().unwrap()]);
        assert!(err.contains(expected), "{err}");
    }
    assert_eq!(fresh.json("2026-11-26", &["--walker", "1", "history"]).as_array().unwrap().len(), 2);
}

/// The walker's daily words follow the terminal's language (`LANG`, or
/// `LC_ALL` over it); "C" and languages retrowalk does not speak are English.
#[test]
fn today_speaks_the_terminals_language() {
    let w = Walker::new();
    w.init("cleared.toml");
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = w.on("2026-11-23", &["today"]);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.write_stdin("").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let english = run(&[]);
    assert!(english.contains("Monday 23 November 2026 — week 1"), "{english}");
    assert!(english.contains("retrowalk is not medical advice"), "{english}");
    let spanish = run(&[("LANG", "es_ES.UTF-8")]);
    assert!(spanish.contains("lunes 23 de noviembre de 2026 — semana 1"), "{spanish}");
    assert!(spanish.contains("retrowalk no es consejo médico"), "{spanish}");
    assert!(!spanish.contains("Warm up") && !spanish.contains("Speed:"), "{spanish}");
    assert_eq!(run(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "C")]), english, "LC_ALL wins; C is English");
    assert_eq!(run(&[("LANG", "fr_FR.UTF-8")]), english);
    let plan = w.on("2026-11-23", &["plan"]).env("LANG", "es_ES.UTF-8").write_stdin("").output().unwrap();
    let plan = String::from_utf8(plan.stdout).unwrap();
    assert!(
        plan.contains("Semana 1 (desde el lun 23 nov)") && plan.contains("Elevación de la pierna estirada"),
        "{plan}"
    );
    let progress = w.on("2026-11-23", &["progress"]).env("LANG", "es_ES.UTF-8").write_stdin("").output().unwrap();
    let progress = String::from_utf8(progress.stdout).unwrap();
    assert!(
        progress.contains("semana") && progress.contains("hechas/tocaban") && progress.contains("lun 23 nov"),
        "{progress}"
    );
    assert!(!progress.contains("adherence") && !progress.contains("week"), "{progress}");
}

/// A log and the next morning's check-in, asked and answered in Spanish:
/// the questions, the warning signs (answered "s" or "n"), what was
/// recorded, the next dose and why, with the walker's numbers.
#[test]
fn log_and_checkin_speak_the_terminals_language() {
    let w = Walker::new();
    w.init("cleared.toml");
    let signs = "n\n".repeat(coach::history::Symptom::ALL.len());
    let out = w
        .on("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "7", "--pain-after", "3"])
        .env("LANG", "es_ES.UTF-8")
        .write_stdin(signs)
        .output()
        .unwrap();
    let (said, asked) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert!(out.status.success(), "{asked}");
    assert!(said.contains("Registrados") && said.contains("Próxima sesión (mié 25 nov)"), "{said}");
    assert!(said.contains("Por qué: Su dolor llegó a 7/10, por encima de 5, y eso es demasiado."), "{said}");
    assert!(!said.contains("Logged") && !said.contains("Why:"), "{said}");
    let asked = format!("{said}{asked}");
    assert!(asked.contains("Desde la sesión, ¿la rodilla falló? (s/n)"), "{asked}");
    let out = w
        .on("2026-11-24", &["checkin", "--no-symptoms"])
        .env("LANG", "es_ES.UTF-8")
        .write_stdin("4\n")
        .output()
        .unwrap();
    let (said, asked) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert!(out.status.success(), "{asked}");
    assert!(said.contains("Dolor por la mañana de 4/10 anotado") && said.contains("Próxima dosis:"), "{said}");
    let asked = format!("{said}{asked}");
    assert!(asked.contains("Dolor de rodilla esta mañana (0 = nada, 10 = el peor imaginable)"), "{asked}");
}

/// A check-in made late, for a session before a stop, answers with the
/// stop: never a next dose or a step up for a walker who must not train.
#[test]
fn a_late_checkin_after_a_stop_says_the_stop() {
    let w = Walker::new();
    w.init("cleared.toml");
    w.ok("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"]);
    let stop = ["log", "--pain-before", "2", "--pain-peak", "3", "--pain-after", "3", "--symptom", "knee_gave_way"];
    assert!(w.ok("2026-11-25", &stop).contains("STOP"));
    let late = w.ok("2026-11-26", &["checkin", "--date", "2026-11-24", "--pain", "1", "--no-symptoms"]);
    assert!(late.contains("STOP") && !late.contains("Next dose") && !late.contains("min backward"), "{late}");
}
