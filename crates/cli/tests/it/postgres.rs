//! The CLI on PostgreSQL, selected by a `postgres://` URL. Runs when
//! `RETROWALK_TEST_POSTGRES_URL` names a server (`.ci/run` always sets it).

use crate::support::*;
use store::scratch::ScratchDb;

#[test]
fn a_walker_goes_through_a_week_on_postgres() {
    let Ok(admin) = std::env::var("RETROWALK_TEST_POSTGRES_URL") else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let scratch = rt.block_on(ScratchDb::create(&admin)).unwrap();
    let w = Walker::with_db(&scratch.url);
    assert!(w.init("cleared.toml").contains("CLEARED"));
    w.ok("2026-11-23", &["log", "--pain-before", "2", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"]);
    let c = w.json("2026-11-24", &["checkin", "--pain", "3", "--no-symptoms"]);
    assert_eq!(c["decision"]["rule"], "A-PROGRESS");
    let today = w.json("2026-11-25", &["today"]);
    assert_eq!(today["retro"]["dose"]["minutes"], 6);
    assert!(
        w.bad("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"])
            .contains("already logged")
    );
    assert_eq!(w.session_count(), 1);
    rt.block_on(scratch.drop_now()).unwrap();
}

/// Every safety scenario of issue #10 on PostgreSQL, each walker in a scratch
/// database of its own.
#[test]
fn the_safety_scenarios_hold_on_postgres() {
    let Ok(admin) = std::env::var("RETROWALK_TEST_POSTGRES_URL") else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let made = std::cell::RefCell::new(Vec::new());
    let new = || {
        let scratch = rt.block_on(ScratchDb::create(&admin)).unwrap();
        let w = Walker::with_db(&scratch.url);
        made.borrow_mut().push(scratch);
        w
    };
    for (name, scenario) in crate::safety::SCENARIOS {
        eprintln!("scenario {name} on PostgreSQL");
        scenario(&new);
    }
    for scratch in made.into_inner() {
        rt.block_on(scratch.drop_now()).unwrap();
    }
}

/// Regression (#11, defect 5): a NUL character gave 500 on PostgreSQL and was
/// stored on SQLite. Now both refuse it the same way, naming where it is.
fn nul_text_is_refused(w: &Walker) {
    w.init("cleared.toml");
    w.ok("2026-11-23", &["log", "--pain-before", "1", "--pain-peak", "1", "--pain-after", "1", "--no-symptoms"]);
    let mut archive = w.json("2026-11-24", &["export"]);
    archive["sessions"][0]["notes"] = "before\u{0}after".into();
    let file = w.dir.path().join("nul.json");
    std::fs::write(&file, archive.to_string()).unwrap();
    let err = w.bad("2026-11-24", &["import-archive", file.to_str().unwrap()]);
    assert!(err.contains("NUL"), "{err}");
    let q = std::fs::read_to_string(fixture("../../../../examples/questionnaire/knee-days.json")).unwrap();
    let q_file = w.dir.path().join("q.json");
    std::fs::write(&q_file, q.replacen("\"title\": \"", "\"title\": \"\\u0000", 1)).unwrap();
    let scoring = fixture("../../../../examples/questionnaire/knee-days.scoring.json");
    let err = w.bad(
        "2026-11-24",
        &["questionnaire", "load", q_file.to_str().unwrap(), "--scoring", scoring.to_str().unwrap()],
    );
    assert!(err.contains("questionnaire: contains a NUL"), "{err}");
    assert_eq!(w.session_count(), 1);
}

#[test]
fn nul_text_is_refused_on_sqlite() {
    nul_text_is_refused(&Walker::new());
}

#[test]
fn nul_text_is_refused_on_postgres() {
    let Ok(admin) = std::env::var("RETROWALK_TEST_POSTGRES_URL") else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let scratch = rt.block_on(ScratchDb::create(&admin)).unwrap();
    nul_text_is_refused(&Walker::with_db(&scratch.url));
    rt.block_on(scratch.drop_now()).unwrap();
}

/// An SQLite install moves to PostgreSQL with `backup` and `restore`, and
/// back, and every view of it is the same at each step.
#[test]
fn an_sqlite_install_moves_to_postgres_and_back() {
    let Ok(admin) = std::env::var("RETROWALK_TEST_POSTGRES_URL") else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let scratch = rt.block_on(ScratchDb::create(&admin)).unwrap();
    let original = Walker::new();
    crate::operators::populated(&original);
    let first = original.dir.path().join("from-sqlite.db");
    original.ok("2026-11-25", &["backup", "--out", first.to_str().unwrap()]);
    let on_pg = Walker::with_db(&scratch.url);
    on_pg.ok("2026-11-25", &["restore", first.to_str().unwrap()]);
    assert_eq!(crate::operators::views(&on_pg), crate::operators::views(&original), "SQLite → PostgreSQL");
    let second = original.dir.path().join("from-postgres.db");
    on_pg.ok("2026-11-25", &["backup", "--out", second.to_str().unwrap()]);
    let back = Walker::new();
    back.ok("2026-11-25", &["restore", second.to_str().unwrap()]);
    assert_eq!(crate::operators::views(&back), crate::operators::views(&original), "PostgreSQL → SQLite");
    // New rows on PostgreSQL take new ids after the restored ones.
    on_pg.ok("2026-11-25", &["user", "add", "--email", "new@example.org", "--name", "Nu"]);
    let ids: Vec<i64> = on_pg
        .json("2026-11-25", &["user", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2]);
    rt.block_on(scratch.drop_now()).unwrap();
}

/// Several stateless servers on one PostgreSQL (ARCHITECTURE.md, "Beyond one
/// machine"): a session made on one server works on the other; what one server
/// writes, the other shows at the next request; and a clinician's access
/// ended from the command line is refused on both at their next request.
#[test]
fn two_servers_on_one_postgres_share_sessions_writes_and_access() {
    use crate::servers::*;
    let Ok(admin) = std::env::var("RETROWALK_TEST_POSTGRES_URL") else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let scratch = rt.block_on(ScratchDb::create(&admin)).unwrap();
    // Two factors are for people; this test is about the servers.
    let trial = ["--no-staff-two-factor"];
    let (_a, one) = serve(&scratch.url, &trial);
    let (_b, two) = serve(&scratch.url, &trial);
    let walker = sign_in(&one, web::demo::DEMO_EMAIL);
    assert_eq!(http(&two, "GET", "/today", &walker, "").status, 200, "a session from one server works on the other");
    let page = http(&two, "GET", "/outcomes", &walker, "");
    let form = format!("csrf={}&measure=pain_now&value=3", csrf_in(&page.body));
    assert_eq!(http(&two, "POST", "/outcomes", &walker, &form).status, 200);
    let other: serde_json::Value =
        serde_json::from_str(&http(&one, "GET", "/api/v1/outcomes", &walker, "").body).unwrap();
    assert_eq!(other[0]["latest"], 3.0, "written on two, read on one: {other}");

    let doc = sign_in(&two, web::demo::DEMO_CLINICIAN);
    let w = Walker::with_db(&scratch.url);
    let alex = w
        .json("2026-11-25", &["user", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["email"] == web::demo::DEMO_EMAIL)
        .unwrap()["walker"]
        .as_i64()
        .unwrap();
    let path = format!("/patients/{alex}");
    assert_eq!(http(&one, "GET", &path, &doc, "").status, 200);
    w.ok("2026-11-25", &["clinic", "member", "remove", "--clinic", "1", "--email", web::demo::DEMO_CLINICIAN]);
    assert_eq!(http(&one, "GET", &path, &doc, "").status, 404, "access ends at the next request, on one");
    assert_eq!(http(&two, "GET", &path, &doc, "").status, 404, "and on two");
    // Signing out on one server ends the session on the other.
    let page = http(&two, "GET", "/settings", &walker, "");
    http(&two, "POST", "/signout", &walker, &format!("csrf={}", csrf_in(&page.body)));
    assert_eq!(http(&one, "GET", "/today", &walker, "").status, 303);
    drop((_a, _b));
    rt.block_on(scratch.drop_now()).unwrap();
}
