//! The safety rules of issue #10 through HTTP, as the phone and the API see
//! them: a stop is the only message, nothing ahead carries a dose while
//! paused, a restart is recorded with its dose, adherence counts only what
//! is due, and the report says everything in words.

use crate::support::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use store::prelude::*;

async fn api(app: &App, w: &Walker, method: &str, path: &str, body: Option<serde_json::Value>) -> Resp {
    let (token, digest) = web::new_api_token();
    app.state.store().create_api_token(w.account.id, &digest, "test", jiff::Timestamp::now(), None).await.unwrap();
    let b = Request::builder().method(method).uri(path).header("authorization", format!("Bearer {token}"));
    let req = match body {
        Some(v) => b.header("content-type", "application/json").body(Body::from(v.to_string())).unwrap(),
        None => b.body(Body::empty()).unwrap(),
    };
    app.send(req).await
}

fn json(r: &Resp) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

/// The form post of a session today with a red flag.
fn red_flag_log(w: &Walker) -> String {
    format!("csrf={}&pain_before=3&pain_peak=7&pain_after=6&symptom=knee_gave_way", w.csrf)
}

#[tokio::test]
async fn a_red_flag_log_leads_to_the_stop_alone_and_no_dose_anywhere() {
    let app = App::new().await;
    let w = app.walker_with_plan("stop@example.org", 6, 0).await;
    let res = app.post("/log", &w.cookie, &red_flag_log(&w)).await;
    // No "Session logged… well done" flash: Today shows the stop alone.
    assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/today"), "{}", res.body);
    let today = app.get("/today", &w.cookie).await.body;
    let main = &today[today.find("<main").unwrap()..];
    let first_callout = main.find("class=\"callout").unwrap();
    assert!(main[first_callout..].starts_with("class=\"callout pause red-flag\" role=\"alert\""), "{main}");
    for expected in [
        "Stop: backward walking is paused",
        "the knee gave way",
        "Contact your clinician today",
        "Get medical help today",
        "Record a restart",
    ] {
        assert!(main.contains(expected), "Today lacks {expected:?}");
    }
    for never in ["Well done", "Session logged", "Start guided session", "Also today", "Take them", "Squat"] {
        assert!(!main.contains(never), "Today shows {never:?} during a stop");
    }
    // The log form would show a dose: it sends the walker to Today.
    let log = app.get("/log", &w.cookie).await;
    assert_eq!((log.status, log.location.as_str()), (StatusCode::SEE_OTHER, "/today"));
    let again = app.post("/log", &w.cookie, &red_flag_log(&w)).await;
    assert_eq!(again.location, "/today");
    // The plan page and the API's plan and today carry no dose ahead.
    let plan = app.get("/plan", &w.cookie).await.body;
    // Only a session already done keeps its dose (when the stop's own log
    // fell on a session day): no day ahead carries one.
    let ahead = plan.split("<li class=\"status-").skip(1).filter(|row| !row.starts_with("done"));
    assert!(ahead.clone().count() > 0, "{plan}");
    for row in ahead {
        assert!(!row.contains("min backward ("), "a dose ahead: {row}");
    }
    assert!(plan.contains("paused") && !plan.contains("Your dose now"), "{plan}");
    // The report's screening says what to do now, not "you can start".
    let report = app.get("/report", &w.cookie).await.body;
    assert!(report.contains("Contact your clinician today") && !report.contains("You can start"), "{report}");
    let p = json(&api(&app, &w, "GET", "/api/v1/plan", None).await);
    assert_eq!(p["pause"]["kind"], "red_flag");
    assert!(p["current"].is_null());
    let today_date = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string();
    for s in p["sessions"].as_array().unwrap() {
        if s["date"].as_str().unwrap() > today_date.as_str() {
            assert!(s["dose"].is_null() && s["status"] == "paused", "{s}");
        }
    }
    let t = json(&api(&app, &w, "GET", "/api/v1/today", None).await);
    assert!(t["session"].is_null() && t["pause"]["urgent"].as_array().unwrap().len() >= 4, "{t}");
    // The calendar keeps one event saying so, with no reminder to walk.
    let res = app.post("/settings/calendar", &w.cookie, &format!("csrf={}", w.csrf)).await;
    let i = res.body.find("/calendar/").unwrap();
    let feed = app.get(res.body[i..].split('"').next().unwrap(), "").await.body;
    let ahead: Vec<&str> = feed
        .split("BEGIN:VEVENT")
        .skip(1)
        .filter(|e| {
            e.contains("SUMMARY:Backward walking")
                && !e.contains(&format!("DTSTART;VALUE=DATE:{}", today_date.replace('-', "")))
        })
        .collect();
    assert!(ahead.is_empty(), "{feed}");
    assert_eq!(feed.matches("-paused@retrowalk").count(), 1, "{feed}");
}

#[tokio::test]
async fn the_api_answers_a_stopping_log_with_the_stop_first() {
    let app = App::new().await;
    let w = app.walker_with_plan("apistop@example.org", 6, 0).await;
    let body = serde_json::json!({ "pain_before": 2, "pain_peak": 3, "pain_after": 2, "symptoms": ["fell"] });
    let res = api(&app, &w, "POST", "/api/v1/sessions", Some(body)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert!(res.body.starts_with("{\"stop\":{\"kind\":\"red_flag\""), "{}", res.body);
    // The fall re-screened the walker to supported-only in the same write.
    let screen = app.state.store().latest_screening(w.account.walker).await.unwrap().unwrap();
    assert!(
        screen.outcome.fall_risk && screen.outcome.reasons.iter().any(|r| r.code == "fall_risk.fell_during_programme")
    );
    // A plain session's answer has no stop.
    let w2 = app.walker_with_plan("apiok@example.org", 6, 0).await;
    let body = serde_json::json!({ "pain_before": 2, "pain_peak": 1, "pain_after": 1 });
    let res = api(&app, &w2, "POST", "/api/v1/sessions", Some(body)).await;
    assert!(!res.body.contains("\"stop\""), "{}", res.body);
}

#[tokio::test]
async fn a_restart_is_recorded_with_who_role_and_dose_then_training_resumes() {
    let app = App::new().await;
    let w = app.walker_with_plan("restart@example.org", 6, 0).await;
    app.post("/log", &w.cookie, &red_flag_log(&w)).await;
    let page = app.get("/restart", &w.cookie).await.body;
    assert!(page.contains("It restarts at:") && page.contains("5 min backward"), "{page}");
    // The first post shows the dose for 4 minutes; nothing is recorded yet.
    let form = format!("csrf={}&by=Sam+Okafor&role=physiotherapist&note=Stable&minutes=4", w.csrf);
    let res = app.post("/restart", &w.cookie, &form).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("4 min backward") && res.body.contains("name=\"shown\" value=\"4\""), "{}", res.body);
    // Minutes outside the restart's range are refused with that range.
    let res = app.post("/restart", &w.cookie, &format!("csrf={}&by=Sam+Okafor&role=GP&minutes=25", w.csrf)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Write a number from 3 to 20 (not 25)."), "{}", res.body);
    // A missing role is refused when recording.
    let res = app.post("/restart", &w.cookie, &format!("csrf={}&by=Sam+Okafor&role=&minutes=4&shown=4", w.csrf)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("role"), "{}", res.body);
    // Minutes changed after the dose was shown: shown again, not recorded.
    let res = app.post("/restart", &w.cookie, &format!("{form}&shown=6")).await;
    assert_eq!(res.status, StatusCode::OK);
    let res = app.post("/restart", &w.cookie, &format!("{form}&shown=4")).await;
    assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/today"), "{}", res.body);
    // The restart takes effect from tomorrow, when the stop did.
    let tomorrow = coach::dates::add_days(jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date(), 1);
    let state = service::load(app.state.store(), w.access, tomorrow).await.unwrap();
    let o = state.history.overrides.last().unwrap();
    assert_eq!(
        (o.kind, o.by.as_str(), o.role.as_str(), o.dose.minutes),
        (coach::history::OverrideKind::Restart, "Sam Okafor", "physiotherapist", 4)
    );
    assert!(o.signed_at.is_some() && state.pause().is_none());
    // Over the API too, with the dose in the answer; nothing to restart now.
    let res = api(&app, &w, "POST", "/api/v1/restart", Some(serde_json::json!({ "by": "Sam", "role": "GP" }))).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    assert!(res.body.contains("\"code\":\"conflict\"") && res.body.contains("nothing to restart"), "{}", res.body);
}

#[tokio::test]
async fn adherence_on_day_two_counts_only_what_was_due() {
    let app = App::new().await;
    // A programme that began on a day with no session yet due.
    let w = app.walker_with_plan("adh@example.org", 6, 0).await;
    let p = json(&api(&app, &w, "GET", "/api/v1/progress", None).await);
    assert!(p["adherence_pct"].is_null(), "nothing is due on the first day: {p}");
    assert!(app.get("/progress", &w.cookie).await.status.is_success());
    // Ten days in, only the sessions whose day has passed are due.
    let w = app.walker_with_plan("adh2@example.org", 6, 10).await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string();
    let plan = json(&api(&app, &w, "GET", "/api/v1/plan", None).await);
    let passed =
        plan["sessions"].as_array().unwrap().iter().filter(|s| s["date"].as_str().unwrap() < today.as_str()).count();
    let p = json(&api(&app, &w, "GET", "/api/v1/progress", None).await);
    let due: u64 = p["weeks"].as_array().unwrap().iter().map(|w| w["due_sessions"].as_u64().unwrap()).sum();
    let planned: u64 = p["weeks"].as_array().unwrap().iter().map(|w| w["planned_sessions"].as_u64().unwrap()).sum();
    assert_eq!(due, passed as u64, "{p}");
    assert!(due < planned, "the current week's later sessions are not due: {p}");
    assert_eq!(p["adherence_pct"], 0);
}

#[tokio::test]
async fn the_report_says_the_outcome_and_its_answers_in_words() {
    let app = App::new().await;
    let w = app.walker_with_plan("rep@example.org", 6, 0).await;
    let store = app.state.store();
    let answers = coach::screening::Answers::all_no().with(coach::screening::Question::FellPastYear, true);
    service::screen(store, w.access, &answers, jiff::Timestamp::now()).await.unwrap();
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let input = service::OutcomeInput {
        measure: coach::outcomes::Measure::TimedUpAndGo,
        value: Some(8.7),
        activities: Vec::new(),
        date: today,
    };
    service::record_outcome(store, w.access, input, today, jiff::Timestamp::now()).await.unwrap();
    let report = app.get("/report", &w.cookie).await.body;
    for expected in [
        "Cleared to train with support only (fall risk)",
        "Answered yes:",
        "Have you fallen",
        "one result so far",
        "Peak pain",
        "Screening:",
    ] {
        assert!(report.contains(expected), "the report lacks {expected:?}");
    }
    for never in ["supported_only", "8.7 → 8.7", "No red-flag symptoms"] {
        assert!(!report.contains(never), "the report shows {never:?}");
    }
}

#[tokio::test]
async fn a_confirmed_watch_walk_that_reports_a_fall_stops_and_re_screens() {
    let app = App::new().await;
    let w = app.walker_with_plan("watch@example.org", 6, 7).await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let state = service::load(app.state.store(), w.access, today).await.unwrap();
    let day = state.programme.retro_dates().into_iter().rev().find(|d| *d < today).unwrap();
    let res = app.send(crate::routes::upload(&w.cookie, &w.csrf, &[("walk.gpx", &crate::routes::gpx_walk(day))])).await;
    assert!(res.body.contains("Was this walk backward?"), "{}", res.body);
    let id = app.state.store().activities(w.account.walker).await.unwrap()[0].id;
    let form = format!("csrf={}&backward=yes&pain_before=1&pain_peak=2&pain_after=1&symptom=fell", w.csrf);
    let done = app.post(&format!("/activities/{id}"), &w.cookie, &form).await;
    assert_eq!((done.status, done.location.as_str()), (StatusCode::SEE_OTHER, "/today"), "{}", done.body);
    // Even asked for with the "logged" flash, Today shows the stop alone.
    let today_page = app.get("/today?logged=1", &w.cookie).await.body;
    assert!(today_page.contains("role=\"alert\"") && !today_page.contains("Session logged"), "{today_page}");
    let screen = app.state.store().latest_screening(w.account.walker).await.unwrap().unwrap();
    assert!(screen.outcome.fall_risk, "the fall re-screened the walker with the log");
}

#[tokio::test]
async fn after_pain_severe_usual_pain_and_a_keyless_treadmill_through_the_api() {
    let app = App::new().await;
    let w = app.walker_with_plan("api-pain@example.org", 6, 0).await;
    // Pain right after above 5 steps back, however the peak was.
    let body = serde_json::json!({ "pain_before": 2, "pain_peak": 2, "pain_after": 6 });
    let res = json(&api(&app, &w, "POST", "/api/v1/sessions", Some(body)).await);
    assert_eq!(
        (res["decision"]["action"].as_str(), res["decision"]["rule"].as_str()),
        (Some("step_back"), Some("A-PAIN-AFTER-HIGH"))
    );

    // Usual pain 8 and a treadmill with no safety key: both explained, lowest step.
    let w = app.walker_with_plan("api-severe@example.org", 6, 0).await;
    let store = app.state.store();
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let mut setup = service::load(store, w.access, today).await.unwrap().programme.setup;
    setup.baseline_pain = coach::Pain::new(8).unwrap();
    setup.equipment.safety_key = false;
    setup.training_days = coach::setup::Day::ALL.to_vec();
    service::set_up(store, w.access, &setup, jiff::Timestamp::now()).await.unwrap();
    let t = json(&api(&app, &w, "GET", "/api/v1/today", None).await);
    let rules: Vec<&str> = t["notices"].as_array().unwrap().iter().map(|n| n["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["P-START-SEVERE-PAIN", "P-SETTING"], "{t}");
    let plan = json(&api(&app, &w, "GET", "/api/v1/plan", None).await);
    assert_eq!(plan["sessions"][0]["dose"]["minutes"], 3);
    assert_eq!(plan["sessions"][0]["dose"]["surface"], "overground");
    let why = plan["current"]["reason"].as_str().unwrap();
    assert!(why.contains("one hand on a wall") && !why.contains("holding the rails"), "{why}");
    let page = app.get("/today", &w.cookie).await.body;
    assert!(page.contains("no safety key") && page.contains("Your usual knee pain is 8/10"), "{page}");
}
