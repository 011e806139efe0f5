//! What the person who runs the server does from the command line: whole-
//! database backup and restore, accounts (add, list, disable, enable), and the
//! access log.

use crate::support::*;

const DAY: &str = "2026-11-25";

/// A walker with a week of sessions and an account with a token.
pub fn populated(w: &Walker) {
    assert!(w.init("cleared.toml").contains("CLEARED"));
    w.ok("2026-11-23", &["log", "--pain-before", "2", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"]);
    w.ok("2026-11-24", &["checkin", "--pain", "3", "--no-symptoms"]);
    w.ok(DAY, &["outcome", "record", "timed_up_and_go", "10.2"]);
    w.ok(DAY, &["user", "add", "--email", "ana@example.org", "--name", "Ana", "--time-zone", "Europe/Lisbon"]);
    w.ok(DAY, &["token", "create", "--email", "ana@example.org", "--name", "phone"]);
}

/// What a restored database must show exactly as the original did.
pub fn views(w: &Walker) -> Vec<serde_json::Value> {
    vec![
        w.json(DAY, &["--walker", "1", "history"]),
        w.json(DAY, &["--walker", "1", "today"]),
        w.json(DAY, &["--walker", "1", "outcome", "list"]),
        w.json(DAY, &["user", "list"]),
        w.json(DAY, &["token", "list", "--email", "ana@example.org"]),
    ]
}

#[test]
fn a_backup_restores_into_a_new_database_with_everything() {
    let w = Walker::new();
    populated(&w);
    let file = w.dir.path().join("nightly.db");
    let said = w.ok(DAY, &["backup", "--out", file.to_str().unwrap()]);
    assert!(
        said.starts_with(&format!("Backup written to {}: 2 walkers, 1 account, 1 session", file.display())),
        "{said}"
    );
    let copy = Walker::new();
    let said = copy.ok(DAY, &["restore", file.to_str().unwrap()]);
    assert!(said.contains("Restored") && said.contains("2 walkers, 1 account, 1 session, 1 check-in"), "{said}");
    assert_eq!(views(&copy), views(&w));
    // The copy goes on: the next session logs as it would have on the original.
    let log = ["log", "--pain-before", "2", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"];
    assert_eq!(
        copy.json(DAY, &[&["--walker", "1"], &log[..]].concat()),
        w.json(DAY, &[&["--walker", "1"], &log[..]].concat())
    );
    // Both steps are in the access log.
    assert!(w.ok(DAY, &["user", "events"]).contains("backup"));
    assert!(copy.ok(DAY, &["user", "events"]).contains("restore"));
}

#[test]
fn a_restore_never_overwrites_and_bad_files_are_named() {
    let w = Walker::new();
    populated(&w);
    let file = w.dir.path().join("b.db");
    w.ok(DAY, &["backup", "--out", file.to_str().unwrap()]);
    // Into a database with data: refused, unchanged.
    let before = views(&w);
    let err = w.bad(DAY, &["restore", file.to_str().unwrap()]);
    assert!(err.contains("already holds data") && err.contains("nothing was changed"), "{err}");
    assert_eq!(views(&w), before);
    // Not a backup.
    let notes = w.dir.path().join("notes.txt");
    std::fs::write(&notes, "shopping: milk, eggs").unwrap();
    let fresh = Walker::new();
    let err = fresh.bad(DAY, &["restore", notes.to_str().unwrap()]);
    assert!(err.contains("notes.txt: not a retrowalk backup"), "{err}");
    let err = fresh.bad(DAY, &["restore", "/nowhere/b.db"]);
    assert!(err.contains("/nowhere/b.db"), "{err}");
    // A backup into a folder that does not exist: refused, and no stray file.
    let err = w.bad(DAY, &["backup", "--out", "/nowhere/at/all/b.db"]);
    assert!(err.contains("/nowhere/at/all/b.db"), "{err}");
    let err = w.bad(DAY, &["backup", "--out", w.dir.path().to_str().unwrap()]);
    assert!(err.contains("is a folder"), "{err}");
}

#[test]
fn an_operator_adds_disables_and_enables_accounts() {
    let w = Walker::new();
    let said = w.ok(DAY, &["user", "add", "--email", "Bo@Example.org", "--name", "Bo"]);
    assert!(said.contains("made for bo@example.org") && said.contains("for 3 days, at /reset"), "{said}");
    let code = said.lines().find_map(|l| l.strip_prefix("Their code to choose a password: ")).unwrap();
    assert_eq!(code.len(), 12);
    let err = w.bad(DAY, &["user", "add", "--email", "bo@example.org", "--name", "Bo"]);
    assert!(err.contains("already exists"), "{err}");
    assert!(w.bad(DAY, &["user", "add", "--email", "not-an-address", "--name", "X"]).contains("--email"));
    assert!(w.bad(DAY, &["user", "add", "--email", "x@example.org", "--name", " "]).contains("--name"));
    assert!(
        w.bad(DAY, &["user", "add", "--email", "x@example.org", "--name", "X", "--time-zone", "Mars/Olympus"])
            .contains("Mars/Olympus")
    );
    let list = w.ok(DAY, &["user", "list"]);
    assert!(list.contains("bo@example.org") && list.contains("active"), "{list}");

    w.ok(DAY, &["token", "create", "--email", "bo@example.org", "--name", "laptop"]);
    let said = w.ok(DAY, &["user", "disable", "--email", "bo@example.org"]);
    assert!(said.contains("is disabled") && said.contains("Nothing was deleted"), "{said}");
    assert!(w.ok(DAY, &["user", "disable", "--email", "bo@example.org"]).contains("already disabled"));
    assert!(w.ok(DAY, &["user", "list"]).contains("disabled 20"));
    assert!(w.ok(DAY, &["token", "list", "--email", "bo@example.org"]).contains("no API tokens"));
    let err = w.bad(DAY, &["user", "reset-password", "--email", "bo@example.org"]);
    assert!(err.contains("is disabled"), "{err}");
    let err = w.bad(DAY, &["token", "create", "--email", "bo@example.org"]);
    assert!(err.contains("is disabled"), "{err}");
    assert!(w.ok(DAY, &["user", "enable", "--email", "bo@example.org"]).contains("can sign in again"));
    assert!(w.bad(DAY, &["user", "disable", "--email", "nobody@example.org"]).contains("no account uses"));

    let events = w.json(DAY, &["user", "events", "--email", "bo@example.org"]);
    let kinds: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["account_enabled", "account_disabled", "token_created", "reset_code_issued", "account_created"]);
    assert!(events.as_array().unwrap().iter().all(|e| e["client"] == "cli"));
    let text = w.ok(DAY, &["user", "events", "--limit", "2"]);
    assert_eq!(text.lines().count(), 2 + 2, "a header, a rule and two rows: {text}");
    assert!(w.bad(DAY, &["user", "events", "--limit", "0"]).contains("--limit"));
}

/// The operator makes a clinic, gives an account the clinician's role and puts
/// a walker in the clinic's care with that clinician on the team; each step
/// out of order is refused with what to do first, and nothing is written.
#[test]
fn an_operator_puts_a_walker_in_a_clinicians_care() {
    let w = Walker::new();
    w.init("cleared.toml");
    let day = "2026-11-23";
    assert!(w.ok(day, &["clinic", "list"]).contains("No clinics yet"));
    assert!(w.ok(day, &["clinic", "create", "Knee Clinic"]).contains("Clinic 1 made: Knee Clinic."));
    w.ok(day, &["user", "add", "--email", "doc@example.org", "--name", "Rivera"]);
    let me = ["--walker", "1"];
    let with = |args: &[&'static str]| [&me[..], args].concat();
    let err = w.bad(day, &with(&["clinic", "team", "add", "--clinic", "1", "--email", "doc@example.org"]));
    assert!(err.contains("is not a clinician of clinic 1"), "{err}");
    let err = w.bad(day, &["clinic", "member", "add", "--clinic", "1", "--email", "doc@example.org", "--role", "boss"]);
    assert!(err.contains("possible values: clinician, admin"), "{err}");
    let out =
        w.ok(day, &["clinic", "member", "add", "--clinic", "1", "--email", "doc@example.org", "--role", "clinician"]);
    assert!(out.contains("doc@example.org is now clinician at clinic 1"), "{out}");
    let err = w.bad(day, &with(&["clinic", "team", "add", "--clinic", "1", "--email", "doc@example.org"]));
    assert!(err.contains("walker 1 is not in the care of clinic 1; they join it first"), "{err}");
    assert!(w.bad(day, &with(&["clinic", "join", "--clinic", "9"])).contains("clinic 9 not found"));
    w.ok(day, &with(&["clinic", "join", "--clinic", "1"]));
    assert!(w.bad(day, &with(&["clinic", "join", "--clinic", "1"])).contains("already in the care of clinic 1"));
    let out = w.ok(day, &with(&["clinic", "team", "add", "--clinic", "1", "--email", "doc@example.org"]));
    assert!(out.contains("doc@example.org is on walker 1's care team at clinic 1"), "{out}");
    let clinics = w.json(day, &["clinic", "list"]);
    assert_eq!(clinics[0]["name"], "Knee Clinic");
    assert!(w.ok(day, &with(&["clinic", "leave", "--clinic", "1"])).contains("its clinicians see them no more"));
    assert!(w.ok(day, &with(&["clinic", "leave", "--clinic", "1"])).contains("nothing changed"));
}

/// The patient list puts a walker with a red flag first, with the rule that
/// raised it, and forgets them once the clinician leaves the clinic.
#[test]
fn the_patient_list_shows_who_needs_the_clinician_first() {
    let w = Walker::new();
    w.init("cleared.toml");
    let day = "2026-11-25";
    w.ok(day, &["clinic", "create", "Knee Clinic"]);
    w.ok(day, &["user", "add", "--email", "doc@example.org", "--name", "Rivera"]);
    w.ok(day, &["clinic", "member", "add", "--clinic", "1", "--email", "doc@example.org", "--role", "clinician"]);
    assert!(w.ok(day, &["patients", "--clinician", "doc@example.org"]).contains("Nobody is in doc@example.org's care"));
    w.ok(day, &["--walker", "1", "clinic", "join", "--clinic", "1"]);
    w.ok(day, &["--walker", "1", "clinic", "team", "add", "--clinic", "1", "--email", "doc@example.org"]);
    let log = ["--walker", "1", "log", "--pain-before", "2", "--pain-peak", "3", "--pain-after", "2"];
    w.ok(day, &[&log[..], &["--symptom", "knee_locked"]].concat());
    let rows = w.json(day, &["patients", "--clinician", "doc@example.org"]);
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["name"], "Maria");
    assert_eq!(
        (&rows[0]["flags"][0]["rule"], &rows[0]["flags"][0]["severity"]),
        (&"F-RED-FLAG".into(), &"critical".into())
    );
    assert_eq!(rows[0]["last_decision"]["rule"], "A-RED-FLAG");
    let text = w.ok(day, &["patients", "--clinician", "doc@example.org"]);
    assert!(text.contains("critical:") && text.contains("[F-RED-FLAG]"), "{text}");
    w.ok(day, &["clinic", "member", "remove", "--clinic", "1", "--email", "doc@example.org"]);
    assert!(w.ok(day, &["patients", "--clinician", "doc@example.org"]).contains("Nobody is in"));
}

/// A clinician's day from the command line: an invitation, the walker's page,
/// a flag acknowledged, the restart signed with their account and clinic, and
/// every step in the walker's access log (`audit --walker`).
#[test]
fn a_clinician_signs_and_reviews_from_the_command_line() {
    let w = Walker::new();
    w.init("cleared.toml");
    let day = "2026-11-25";
    w.ok(day, &["clinic", "create", "Knee Clinic"]);
    w.ok(day, &["user", "add", "--email", "doc@example.org", "--name", "Rivera"]);
    w.ok(day, &["user", "add", "--email", "far@example.org", "--name", "Far"]);
    w.ok(day, &["clinic", "member", "add", "--clinic", "1", "--email", "doc@example.org", "--role", "clinician"]);
    let err = w.bad(day, &["clinic", "invite", "--clinic", "1", "--email", "far@example.org"]);
    assert!(err.contains("clinic 1 not found"), "only a member invites: {err}");
    let people = w.ok(day, &["clinic", "member", "list", "--clinic", "1"]);
    assert!(people.contains("doc@example.org") && people.contains("clinician") && !people.contains("far@"), "{people}");
    assert!(w.bad(day, &["clinic", "member", "list", "--clinic", "9"]).contains("clinic 9 not found"));
    let invite = w.json(day, &["clinic", "invite", "--clinic", "1", "--email", "doc@example.org"]);
    assert!(invite["code"].as_str().unwrap().len() == 9, "{invite}");
    w.ok(day, &["--walker", "1", "clinic", "join", "--clinic", "1"]);
    w.ok(day, &["--walker", "1", "clinic", "team", "add", "--clinic", "1", "--email", "doc@example.org"]);
    let as_doc = |args: &[&'static str]| [&["--walker", "1"][..], args, &["--clinician", "doc@example.org"]].concat();

    // Someone not on the care team is told so, and nothing more.
    let err = w.bad(day, &["--walker", "1", "patient", "show", "--clinician", "far@example.org"]);
    assert!(err.contains("--walker: walker 1 is not one of yours: you are not on their care team"), "{err}");
    let err = w.bad(day, &["--walker", "1", "patient", "show", "--clinician", "who@example.org"]);
    assert!(err.contains("--clinician: no account uses who@example.org"), "{err}");
    let log = ["--walker", "1", "log", "--pain-before", "2", "--pain-peak", "3", "--pain-after", "2"];
    w.ok(day, &[&log[..], &["--symptom", "knee_locked"]].concat());
    let page = w.ok(day, &as_doc(&["patient", "show"]));
    assert!(page.contains("critical:") && page.contains("F-RED-FLAG"), "{page}");
    // A Spanish-speaking clinician reads the same page in Spanish.
    let out = w.on(day, &as_doc(&["patient", "show"])).env("LANG", "es_ES.UTF-8").output().unwrap();
    let spanish = String::from_utf8(out.stdout).unwrap();
    assert!(spanish.contains("— semana 1. Hoy:") && spanish.contains("[F-RED-FLAG, desde"), "{spanish}");
    assert!(spanish.contains("Hoy: detenido: el paciente comunicó un síntoma de alarma"), "{spanish}");
    assert!(!spanish.contains("backward walking is paused"), "{spanish}");
    assert!(!spanish.contains("critical") && !spanish.contains("Last decision"), "{spanish}");
    assert!(w.bad(day, &as_doc(&["patients", "--flag", "F-NOPE"])).contains("is not a flag rule"));
    let flagged = w.json(day, &["patients", "--clinician", "doc@example.org", "--flag", "F-RED-FLAG"]);
    assert_eq!(flagged.as_array().unwrap().len(), 1, "{flagged}");

    let err = w.bad(day, &as_doc(&["ack", "--flag", "F-FALL", "--note", "x"]));
    assert!(err.contains("F-FALL is not open for Maria; open now: F-RED-FLAG"), "{err}");
    let err = w.bad(day, &as_doc(&["ack", "--flag", "F-RED-FLAG", "--note", " "]));
    assert!(err.contains("note: write a few words"), "{err}");
    assert!(
        w.ok(day, &as_doc(&["ack", "--flag", "F-RED-FLAG", "--note", "Called her"]))
            .contains("Acknowledged F-RED-FLAG")
    );
    assert!(w.bad(day, &as_doc(&["revert", "--note", "undo"])).contains("a stop is not reverted"));
    let signed =
        w.ok(day, &as_doc(&["sign", "restart", "--role", "physiotherapist", "--note", "Checked", "--minutes", "4"]));
    assert!(signed.contains("Restart signed by Rivera (physiotherapist, Knee Clinic)"), "{signed}");
    assert!(signed.contains("4 min backward"), "{signed}");
    let over = w.ok(day, &as_doc(&["override", "--reason", "Slower for now", "--speed", "1.2"]));
    assert!(over.contains("Override recorded"), "{over}");
    assert!(w.ok(day, &as_doc(&["approve"])).contains("Approved:"));
    // Asking for a measure the schedule leaves out, and no longer.
    assert!(w.bad(day, &as_doc(&["assign", "--measure", "yoga"])).contains("--measure: \"yoga\" is not a measure"));
    let asked = w.ok(day, &as_doc(&["assign", "--measure", "backward_walk3m"]));
    assert!(asked.contains("Asked beyond the standard schedule now: 3-metre backward walk"), "{asked}");
    let due = w.json(day, &["--walker", "1", "outcome", "due"]);
    assert!(due.to_string().contains("backward_walk3m"), "{due}");
    assert!(w.ok(day, &as_doc(&["assign", "--measure", "backward_walk3m", "--end"])).contains("now: nothing"));
    // A pause needs a note; with one, the walker's today has no dose but the note.
    assert!(w.bad(day, &as_doc(&["pause", "--note", " "])).contains("note: say why, in words the walker reads"));
    let paused = w.ok(day, &as_doc(&["pause", "--role", "physiotherapist", "--note", "Scan first"]));
    assert!(
        paused.contains("Paused by Rivera (physiotherapist, Knee Clinic): no backward walking from now"),
        "{paused}"
    );
    assert!(paused.contains("The walker reads: Your clinician Rivera"), "{paused}");
    let today = w.ok(day, &["--walker", "1", "today"]);
    assert!(today.contains("PAUSED") && today.contains("Scan first") && !today.contains("min backward"), "{today}");
    assert!(w.bad(day, &as_doc(&["pause", "--note", "again"])).contains("nothing to pause"));
    // The same refusal in the terminal's language, by its own message.
    let out = w.on(day, &as_doc(&["pause", "--note", "again"])).env("LANG", "es_ES.UTF-8").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("La marcha hacia atrás ya está en pausa para este paciente."), "{err}");
    let history = w.json(day, &["--walker", "1", "history"]);
    let latest = &history.as_array().unwrap().last().unwrap()["decision"];
    assert!(latest["dose"].is_null(), "{latest}");
    // Where things stand is the pause, in either language: no dose, no step up.
    let text = w.ok(day, &["--walker", "1", "history"]);
    assert!(text.contains("PAUSED") && text.contains("Scan first") && !text.contains("Latest:"), "{text}");
    let out = w.on(day, &["--walker", "1", "history"]).env("LANG", "es_ES.UTF-8").output().unwrap();
    let spanish = String::from_utf8(out.stdout).unwrap();
    assert!(spanish.contains("Scan first") && !spanish.contains("añadimos"), "{spanish}");
    let paused_json = w.json(day, &as_doc(&["end", "--note", "x"]));
    assert!(paused_json.get("dose").is_none() && paused_json["kind"] == "end", "{paused_json}");
    assert!(w.bad(day, &as_doc(&["end", "--note", "again"])).contains("nothing to end"));

    let audit = w.json(day, &["--walker", "1", "audit"]);
    let details: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap()).collect();
    for what in ["walker page", "review", "signed a restart", "override", "stopped the programme"] {
        assert!(details.contains(&what), "{what} missing from {details:?}");
    }
    assert!(audit.as_array().unwrap().iter().all(|e| e["walker"] == 1));
    let text = w.ok(day, &["audit"]);
    assert!(text.contains("clinician_write") && text.contains("doc@example.org"), "{text}");
    // Role changes are in the log too, with what was before.
    assert!(text.contains("member_added") && text.contains("clinician at clinic 1 (before: not a member)"), "{text}");
    assert!(details.contains(&"on the care team at clinic 1"), "{details:?}");
    let csv = w.ok(day, &["--walker", "1", "audit", "--format", "csv"]);
    assert!(csv.starts_with("at,event,account,email,walker,client,detail\n"), "{csv}");
    assert!(csv.contains(",clinician_write,") && csv.contains("signed a restart"), "{csv}");
    let fhir = w.ok(day, &["--walker", "1", "audit", "--format", "fhir"]);
    let first: serde_json::Value = serde_json::from_str(fhir.lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["resourceType"].as_str(), first["entity"][0]["what"]["reference"].as_str()),
        (Some("AuditEvent"), Some("Patient/walker-1"))
    );
    assert_eq!(fhir.lines().count(), csv.lines().count() - 1, "one AuditEvent per entry");
    let month = w.ok(day, &["clinic", "monitoring", "--clinic", "1", "--month", "2026-11"]);
    assert!(
        month.starts_with("walker,monitoring_since,month,window_start,window_end,data_days,clinician_minutes"),
        "{month}"
    );
    assert!(month.lines().nth(1).is_some_and(|l| l.starts_with("1,") && l.contains(",2026-11,")), "{month}");
    assert!(
        w.bad(day, &["clinic", "monitoring", "--clinic", "1", "--month", "Nov"])
            .contains("--month: 'Nov' is not a month")
    );
    // A lost phone: the operator turns two-factor sign-in off (here it was never on).
    let reset = w.ok(day, &["user", "reset-two-factor", "--email", "doc@example.org"]);
    assert!(reset.contains("has no two-factor sign-in; nothing changed"), "{reset}");
}

/// A clinic-wide export: FHIR bulk data, one file per resource type, and the
/// registry table with each measure at baseline; the walker's log says so.
#[test]
fn a_clinic_exports_its_walkers_as_fhir_bulk_data_and_a_registry_table() {
    let w = Walker::new();
    w.init("cleared.toml");
    let day = "2026-11-25";
    w.ok(
        day,
        &[
            "log",
            "--pain-before",
            "2",
            "--pain-peak",
            "1",
            "--pain-after",
            "1",
            "--no-symptoms",
            "--date",
            "2026-11-23",
        ],
    );
    w.ok(day, &["outcome", "record", "timed_up_and_go", "10.2"]);
    w.ok(day, &["clinic", "create", "Knee Clinic"]);
    let err = w.bad(day, &["clinic", "export", "--clinic", "1", "--format", "xml", "--out", "x"]);
    assert!(err.contains("possible values: fhir-ndjson, registry-csv"), "{err}");
    w.ok(day, &["--walker", "1", "clinic", "join", "--clinic", "1"]);
    let dir = w.dir.path().join("bulk");
    let said =
        w.ok(day, &["clinic", "export", "--clinic", "1", "--format", "fhir-ndjson", "--out", dir.to_str().unwrap()]);
    assert!(said.contains("Clinic 1: 1 walker exported") && said.contains("Patient: 1"), "{said}");
    let patients = std::fs::read_to_string(dir.join("Patient.ndjson")).unwrap();
    let p: serde_json::Value = serde_json::from_str(patients.lines().next().unwrap()).unwrap();
    assert_eq!(p["resourceType"], "Patient");
    assert!(std::fs::read_to_string(dir.join("Observation.ndjson")).unwrap().lines().count() >= 2);
    assert!(!dir.join("Patient.ndjson.part").exists());
    let csv = w.dir.path().join("registry.csv");
    w.ok(day, &["clinic", "export", "--clinic", "1", "--format", "registry-csv", "--out", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().nth(1), Some("1,2026-11-23,timed_up_and_go,s,10.2,2026-11-25,,,,"), "{text}");
    let log = w.json(day, &["--walker", "1", "audit"]);
    assert!(log.as_array().unwrap().iter().any(|e| e["detail"] == "clinic export registry-csv"), "{log}");
    let err =
        w.bad(day, &["clinic", "export", "--clinic", "1", "--format", "registry-csv", "--out", "/nonexistent/r.csv"]);
    assert!(err.contains("/nonexistent/r.csv: the folder to write it in does not exist"), "{err}");
}
