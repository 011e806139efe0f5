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
