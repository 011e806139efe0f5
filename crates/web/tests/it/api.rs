//! The JSON API: bearer tokens, JSON errors, and an OpenAPI document that
//! lists every route.

use crate::support::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use store::prelude::*;

pub async fn token_for(app: &App, w: &Walker) -> String {
    let (token, digest) = web::new_api_token();
    app.state.store().create_api_token(w.account.id, &digest, "test", app.state.now(), None).await.unwrap();
    token
}

pub fn call(method: &str, path: &str, token: &str, body: Option<serde_json::Value>) -> Request<Body> {
    let b = Request::builder().method(method).uri(path).header("authorization", format!("Bearer {token}"));
    match body {
        Some(v) => b.header("content-type", "application/json").body(Body::from(v.to_string())).unwrap(),
        None => b.body(Body::empty()).unwrap(),
    }
}

#[tokio::test]
async fn every_documented_route_answers_and_needs_a_token() {
    let app = App::new().await;
    let w = app.ready_walker("ja@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/openapi.json", "").await.body).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 13, "{:?}", paths.keys());
    let public = ["/api/v1/questions", "/api/v1/evidence"];
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            if method == "delete" {
                continue; // exercised below, last
            }
            let body = (method != "get").then(|| serde_json::json!({}));
            // Path parameters get an id that does not exist: the handler must
            // answer with its own not_found, not the router's bare 404.
            let path = &path.replace("{id}", "no-such-id");
            let res = app.send(call(&method.to_uppercase(), path, &token, body.clone())).await;
            let handled_404 = res.status == StatusCode::NOT_FOUND && res.body.contains("\"code\":\"not_found\"");
            assert!(
                handled_404 || (res.status != StatusCode::NOT_FOUND && res.status != StatusCode::METHOD_NOT_ALLOWED),
                "{method} {path}: {}",
                res.status
            );
            if !public.contains(&path.as_str()) {
                let mut anon = call(&method.to_uppercase(), path, "wrong", body);
                anon.headers_mut().remove("authorization");
                let res = app.send(anon).await;
                assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{method} {path} without a token");
                assert!(res.body.contains("\"code\":\"unauthorized\""), "{}", res.body);
            }
        }
    }
    // The routes the pages use are all in the document.
    for p in [
        "/api/v1/today",
        "/api/v1/plan",
        "/api/v1/sessions",
        "/api/v1/checkins",
        "/api/v1/progress",
        "/api/v1/screening",
        "/api/v1/clearance",
        "/api/v1/setup",
        "/api/v1/export",
        "/api/v1/report.pdf",
        "/api/v1/outcomes",
        "/api/v1/account",
        "/api/v1/me",
    ] {
        assert!(paths.contains_key(p), "{p} missing from the OpenAPI document");
    }
}

#[tokio::test]
async fn a_session_and_check_in_through_the_api() {
    let app = App::new().await;
    let w = app.ready_walker("ka@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let today: serde_json::Value =
        serde_json::from_str(&app.send(call("GET", "/api/v1/today", &token, None)).await.body).unwrap();
    assert!(today["kind"].is_string());
    let bad = app
        .send(call(
            "POST",
            "/api/v1/sessions",
            &token,
            Some(serde_json::json!({"pain_before": 1, "pain_peak": 12, "pain_after": 1})),
        ))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("pain_peak: pain is rated 0 to 10; got 12"), "{}", bad.body);
    let ok = app
        .send(call(
            "POST",
            "/api/v1/sessions",
            &token,
            Some(serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1})),
        ))
        .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let sessions: serde_json::Value =
        serde_json::from_str(&app.send(call("GET", "/api/v1/sessions", &token, None)).await.body).unwrap();
    assert_eq!(sessions.as_array().unwrap().len(), 2);
    // Another walker's token sees only their own sessions.
    let other = app.ready_walker("la@example.org", "other").await;
    let other_token = token_for(&app, &other).await;
    let theirs: serde_json::Value =
        serde_json::from_str(&app.send(call("GET", "/api/v1/sessions", &other_token, None)).await.body).unwrap();
    assert_eq!(theirs.as_array().unwrap().len(), 1);
    assert_eq!(theirs[0]["notes"], "other");
    let gone = app.send(call("DELETE", "/api/v1/account", &token, None)).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(app.send(call("GET", "/api/v1/me", &token, None)).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn browser_writes_to_the_api_need_the_csrf_header() {
    let app = App::new().await;
    let w = app.ready_walker("ma@example.org", "api").await;
    let body = serde_json::json!({"pain": 2}).to_string();
    let req = |csrf: Option<&str>| {
        let mut b =
            Request::post("/api/v1/checkins").header("cookie", &w.cookie).header("content-type", "application/json");
        if let Some(c) = csrf {
            b = b.header("x-csrf-token", c);
        }
        b.body(Body::from(body.clone())).unwrap()
    };
    assert_eq!(app.send(req(None)).await.status, StatusCode::FORBIDDEN);
    let res = app.send(req(Some(&w.csrf))).await;
    assert!(res.status == StatusCode::CREATED || res.status == StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
}

#[tokio::test]
async fn a_loaded_questionnaire_is_listed_and_answered_through_the_api() {
    let app = App::new().await;
    app.load_example_questionnaire().await;
    let w = app.ready_walker("qa@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let list: serde_json::Value =
        serde_json::from_str(&app.send(call("GET", "/api/v1/questionnaires", &token, None)).await.body).unwrap();
    assert_eq!(list[0]["id"], "retrowalk-knee-days");
    assert_eq!(list[0]["items"].as_array().unwrap().len(), 8);
    let body = serde_json::json!({"answers": {"d1": "none", "d2": "little", "d3": "none"}});
    let res = app.send(call("POST", "/api/v1/questionnaires/retrowalk-knee-days/responses", &token, Some(body))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let done: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(done["scores"][0]["score"], 91.7);
    let bad = serde_json::json!({"answers": {"d1": "often"}});
    let res = app.send(call("POST", "/api/v1/questionnaires/retrowalk-knee-days/responses", &token, Some(bad))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(refused["error"]["field"], "answers.d1", "{}", res.body);
}

#[tokio::test]
async fn a_file_is_imported_through_the_api_once() {
    let app = App::new().await;
    let w = app.ready_walker("ia@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let ride = "<TrainingCenterDatabase><Activities><Activity Sport=\"Biking\"><Lap StartTime=\"2026-11-20T17:00:00Z\"><TotalTimeSeconds>1200</TotalTimeSeconds><DistanceMeters>6000</DistanceMeters><Track><Trackpoint><Time>2026-11-20T17:20:00Z</Time></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>";
    let send = || {
        axum::http::Request::post("/api/v1/imports?file_name=ride.tcx")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/octet-stream")
            .body(axum::body::Body::from(ride))
            .unwrap()
    };
    let first: serde_json::Value = serde_json::from_str(&app.send(send()).await.body).unwrap();
    assert_eq!(first["result"], "imported");
    assert_eq!(first["activities"][0]["fit"], "aerobic");
    let second: serde_json::Value = serde_json::from_str(&app.send(send()).await.body).unwrap();
    assert_eq!(second["result"], "already_imported");
    let list: serde_json::Value =
        serde_json::from_str(&app.send(call("GET", "/api/v1/activities", &token, None)).await.body).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["minutes"], 20);
}

/// Regression (#11): a set-up starting decades ahead was accepted.
#[tokio::test]
async fn a_setup_starting_more_than_a_year_ahead_is_refused() {
    let app = App::new().await;
    let w = app.ready_walker("far@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let body = serde_json::json!({
        "equipment": ["treadmill", "handrails"], "training_days": ["mon", "wed", "fri"], "start": "2062-11-23", "time_zone": "UTC",
        "baseline_pain": 3, "weeks": 6,
    });
    let res = app.send(call("PUT", "/api/v1/setup", &token, Some(body))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("\"field\":\"start\"") && res.body.contains("more than a year away"), "{}", res.body);
}

/// Regression (#11): 401 was missing from the document and error answers had
/// no body in it; the import's file name and dry run were declared as path
/// parameters. Every operation now lists its error statuses with the one error body.
#[tokio::test]
async fn the_document_lists_every_error_status_with_the_error_body() {
    let app = App::new().await;
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/openapi.json", "").await.body).unwrap();
    assert!(doc["components"]["schemas"]["ApiErrorDto"].is_object());
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            let secured = op.get("security").and_then(|s| s.as_array()).is_some_and(|s| !s.is_empty());
            assert!(responses.contains_key("500"), "{method} {path}");
            assert_eq!(responses.contains_key("401"), secured, "{method} {path}");
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(responses.contains_key(status), "{method} {path} {status}");
                }
            }
            for (status, r) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let schema = &r["content"]["application/json"]["schema"]["$ref"];
                    assert_eq!(schema, "#/components/schemas/ApiErrorDto", "{method} {path} {status}");
                }
            }
        }
    }
    let import = &doc["paths"]["/api/v1/imports"]["post"]["parameters"];
    let places: Vec<(&str, &str)> =
        import.as_array().unwrap().iter().map(|p| (p["name"].as_str().unwrap(), p["in"].as_str().unwrap())).collect();
    assert!(places.contains(&("file_name", "query")) && places.contains(&("dry_run", "query")), "{places:?}");
}

/// Regression (#11): the document had no ranges, formats or allowed values,
/// so bodies generated from it were refused. The ranges are the coach's.
#[tokio::test]
async fn request_bodies_state_their_ranges_formats_and_allowed_values() {
    let app = App::new().await;
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/openapi.json", "").await.body).unwrap();
    let log = &doc["components"]["schemas"]["LogRequest"]["properties"];
    assert_eq!((log["pain_peak"]["minimum"].as_f64(), log["pain_peak"]["maximum"].as_f64()), (Some(0.0), Some(10.0)));
    assert_eq!((log["minutes"]["minimum"].as_f64(), log["minutes"]["maximum"].as_f64()), (Some(1.0), Some(120.0)));
    assert_eq!(log["date"]["format"], "date");
    assert_eq!(log["support"]["pattern"], "^(rails|light_touch|hands_free)$");
    let setup = &doc["components"]["schemas"]["SetupDto"]["properties"];
    assert_eq!(setup["weeks"]["maximum"].as_f64(), Some(52.0));
    // What the document allows, the API takes: the edges of each range are accepted.
    let w = app.ready_walker("edges@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let body = serde_json::json!({"pain_before": 0, "pain_peak": 10, "pain_after": 0, "minutes": 120, "bouts": 1,
        "incline_pct": 15, "support": "hands_free", "surface": "overground", "rpe": 10});
    let res = app.send(call("POST", "/api/v1/sessions", &token, Some(body))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
}

/// What the walker's state forbids is 409 with code `conflict` (a second log
/// for a day, a check-in given twice); what the body gets wrong stays 422.
/// Both documented, so a client generated from the document can tell them apart.
#[tokio::test]
async fn state_conflicts_are_409_and_wrong_bodies_422() {
    let app = App::new().await;
    let w = app.ready_walker("conflict@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let log = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1});
    assert_eq!(app.send(call("POST", "/api/v1/sessions", &token, Some(log.clone()))).await.status, StatusCode::CREATED);
    let again = app.send(call("POST", "/api/v1/sessions", &token, Some(log))).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(again.body.contains("\"code\":\"conflict\"") && again.body.contains("already logged"), "{}", again.body);
    let early = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1, "date": "1999-01-04"});
    let res = app.send(call("POST", "/api/v1/sessions", &token, Some(early))).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    assert!(
        res.body.contains("\"field\":\"date\"") && res.body.contains("before your programme starts"),
        "{}",
        res.body
    );
    // Activities sent with a measure that takes a value were silently dropped.
    let body = serde_json::json!({"measure": "pain_now", "value": 2, "activities": [{"name": "stairs", "score": -1}]});
    let res = app.send(call("POST", "/api/v1/outcomes", &token, Some(body))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("\"field\":\"activities\""), "{}", res.body);
    // An import without a file is a bad request, not a failed file.
    let empty = Request::post("/api/v1/imports?file_name=x.gpx")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let res = app.send(empty).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("\"field\":\"body\""), "{}", res.body);
    // The document says which values are allowed, from the coach's own lists.
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/openapi.json", "").await.body).unwrap();
    let s = &doc["components"]["schemas"];
    assert_eq!(s["LogRequest"]["properties"]["symptoms"]["items"]["enum"].as_array().unwrap().len(), 7);
    assert_eq!(s["SetupDto"]["properties"]["training_days"]["minItems"], 2);
    let answers = &s["ScreeningRequest"]["properties"]["answers"];
    assert_eq!(answers["required"].as_array().unwrap().len(), coach::screening::QUESTIONS.len());
    assert!(doc["paths"]["/api/v1/sessions"]["post"]["responses"]["409"].is_object(), "409 documented");
}

/// JSON Schema's integers include `3.0`; unknown equipment is refused rather
/// than dropped; a set-up before the screening allows training is a conflict.
#[tokio::test]
async fn whole_numbers_written_as_3_0_are_taken_and_unknown_equipment_is_refused() {
    let app = App::new().await;
    let w = app.ready_walker("whole@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let log = serde_json::json!({"pain_before": 1.0, "pain_peak": 2.0, "pain_after": 1, "rpe": 4.0});
    let res = app.send(call("POST", "/api/v1/sessions", &token, Some(log))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let half = serde_json::json!({"pain_before": 1.5, "pain_peak": 2, "pain_after": 1, "date": "2020-01-01"});
    let res = app.send(call("POST", "/api/v1/sessions", &token, Some(half))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("\"field\":\"pain_before\"") && res.body.contains("whole number"), "{}", res.body);
    // A blank name is not "not given" in JSON: the document allows no blank.
    let blank = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1, "surface": ""});
    let res = app.send(call("POST", "/api/v1/sessions", &token, Some(blank))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("\"field\":\"surface\""), "{}", res.body);
    let setup = serde_json::json!({"equipment": ["spaceship"], "training_days": ["mon", "thu"], "start": "2026-11-23",
        "time_zone": "UTC", "baseline_pain": 3});
    let res = app.send(call("PUT", "/api/v1/setup", &token, Some(setup))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("'spaceship' is not"), "{}", res.body);
    assert!(
        res.body.contains("\"field\":\"equipment\"") && res.body.contains("\"reason\":\"unknown\""),
        "{}",
        res.body
    );
}

/// What the document allows is taken, found by schemathesis: an activity's
/// name is one line (spaces and a line break around it are dropped, a control
/// character or line break inside it is refused with the field, and the
/// document's pattern refuses the same characters); a one-minute walk without
/// its bouts is one bout rather than a refusal.
#[tokio::test]
async fn schema_valid_names_and_short_walks_are_taken() {
    let app = App::new().await;
    let w = app.ready_walker("names@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let rated = |first: &str| {
        serde_json::json!({"measure": "own_activities", "activities": [
            {"name": first, "score": 4}, {"name": "car", "score": 6}, {"name": "shop", "score": 5}]})
    };
    for bad in ["sta\u{14}irs", "sta\nirs", "\u{85}"] {
        let res = app.send(call("POST", "/api/v1/outcomes", &token, Some(rated(bad)))).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}: {}", res.body);
        assert!(res.body.contains("\"field\":\"activities\""), "{}", res.body);
    }
    let res = app.send(call("POST", "/api/v1/outcomes", &token, Some(rated(" stairs\n")))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    // A walk of one minute, bouts not given: one bout, not the dose's bouts.
    let short = serde_json::json!({"minutes": 1, "pain_before": 1, "pain_peak": 1, "pain_after": 1});
    let res = app.send(call("POST", "/api/v1/sessions", &token, Some(short))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert!(res.body.contains("\"bouts\":1"), "{}", res.body);
    let stored = app.state.store().outcomes(w.account.walker).await.unwrap();
    assert!(stored[0].detail.starts_with("[[\"stairs\",4.0]"), "{}", stored[0].detail);
    // The pattern's "one visible character" must not be a control character.
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/openapi.json", "").await.body).unwrap();
    let alternatives = doc["components"]["schemas"]["OutcomeRequest"]["oneOf"].as_array().unwrap().clone();
    let pattern =
        alternatives[0]["properties"]["activities"]["items"]["properties"]["name"]["pattern"].as_str().unwrap();
    assert!(pattern.contains("[^\\x00-\\x1f\\x7f-\\x9f\\s]"), "{pattern}");
}

/// API reads are served from the walker's cache entry, serialised once per
/// version: a write through the API, or by another process on the same
/// database, shows on the very next read.
#[tokio::test]
async fn cached_api_reads_change_with_every_write_from_anywhere() {
    let app = App::new().await;
    let w = app.ready_walker("cache-api@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let count = |body: String| serde_json::from_str::<serde_json::Value>(&body).unwrap().as_array().unwrap().len();
    let before = count(app.send(call("GET", "/api/v1/sessions", &token, None)).await.body);
    let log = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1, "date": "2020-01-01"});
    let _ = app.send(call("POST", "/api/v1/sessions", &token, Some(log))).await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let body = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1, "date": today.to_string()});
    assert_eq!(app.send(call("POST", "/api/v1/sessions", &token, Some(body))).await.status, StatusCode::CREATED);
    assert_eq!(count(app.send(call("GET", "/api/v1/sessions", &token, None)).await.body), before + 1);
    // Another process records a measure: the cached outcomes answer changes.
    let outcomes = app.send(call("GET", "/api/v1/outcomes", &token, None)).await.body;
    let other = store::backend::connect(&store::backend::sqlite_url(&app.db_path())).await.unwrap();
    let record = store::OutcomeRecord {
        measure: coach::outcomes::Measure::PainNow,
        value: 4.0,
        taken_on: today,
        detail: String::new(),
    };
    other.save_outcome(w.account.walker, &record, None, jiff::Timestamp::now()).await.unwrap();
    let after = app.send(call("GET", "/api/v1/outcomes", &token, None)).await.body;
    assert_ne!(after, outcomes, "the other process's measure shows");
    assert!(after.contains("pain_now"), "{after}");
}

/// Every refusal says why with a stable `reason` beside the general `code`,
/// so a client (and a translation) decides on the reason, not the wording.
#[tokio::test]
async fn refusals_carry_a_stable_reason() {
    let app = App::new().await;
    let w = app.ready_walker("reason@example.org", "api").await;
    let token = token_for(&app, &w).await;
    let log = |extra: serde_json::Value| {
        let mut body = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        body
    };
    let cases = [
        (log(serde_json::json!({"pain_peak": 11})), 422, "bad_input", "out_of_range", "pain_peak"),
        (log(serde_json::json!({"symptoms": ["hiccups"]})), 422, "bad_input", "unknown", "symptom"),
        (log(serde_json::json!({"date": "2999-01-01"})), 422, "bad_input", "not_yet", "date"),
        (log(serde_json::json!({"minutes": 2, "bouts": 3})), 422, "bad_input", "inconsistent", "bouts"),
        (log(serde_json::json!({"date": "1999-01-04"})), 409, "conflict", "not_started", "date"),
        (log(serde_json::json!({})), 201, "", "", ""),
        (log(serde_json::json!({})), 409, "conflict", "already_done", "date"),
    ];
    for (body, status, code, reason, field) in cases {
        let res = app.send(call("POST", "/api/v1/sessions", &token, Some(body.clone()))).await;
        assert_eq!(res.status.as_u16(), status, "{body}: {}", res.body);
        if status == 201 {
            continue;
        }
        let e: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(e["error"]["code"], code, "{body}: {}", res.body);
        assert_eq!(e["error"]["reason"], reason, "{body}: {}", res.body);
        let expected_field = if field.is_empty() { serde_json::Value::Null } else { field.into() };
        assert_eq!(e["error"]["field"], expected_field, "{body}: {}", res.body);
    }
    // Errors that are not about the input carry no reason.
    let res = app.send(call("GET", "/api/v1/today", "not-a-token", None)).await;
    let e: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!((e["error"]["code"].as_str(), e["error"]["reason"].is_null()), (Some("unauthorized"), true));
}
