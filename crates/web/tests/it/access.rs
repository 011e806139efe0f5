//! The access rule, route by route: signed in as one walker, no route reaches
//! another walker's records. One table holds every route the server has; a
//! route added without a row fails the test, so a new route is checked from
//! its first day.

use crate::api::{call, token_for};
use crate::routes::{gpx_walk, upload};
use crate::support::*;
use axum::http::StatusCode;
use store::prelude::*;

/// What a route is asked, as the other walker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ask {
    /// A page or API read of the signed-in walker's own records: it answers,
    /// and nothing of the other walker is in it.
    Own,
    /// A route that takes an id: given the other walker's, it answers 404 and
    /// changes nothing of theirs.
    OthersId,
    /// A clinician's route about one walker (`{id}` a walker id): given the
    /// other walker's, who is in nobody's care of ann's, it answers 404 to a
    /// read and to a post, and changes nothing of theirs.
    OthersWalker,
    /// Sent the other walker's token id in its form: refused, and their token works.
    OthersToken,
    /// Not a walker's records: the same for everyone (a questionnaire the
    /// clinic loaded, the evidence, health checks), or public (sign-in pages).
    Shared,
    /// Its own key is the grant (the calendar feed's secret in the URL), or it
    /// ends the asking walker's own account or session; covered by
    /// `routes.rs` and `hardening.rs`.
    Elsewhere,
    /// An upload under another's id: a form that is not an upload is refused
    /// before anything is read; the upload itself is checked in `clinic.rs`.
    Upload,
}

use Ask::*;

/// Every route pattern (pages from `routes.rs`, the API from its document)
/// and how it is asked.
pub const TABLE: &[(&str, Ask)] = &[
    ("/", Shared),
    ("/signup", Shared),
    ("/signin", Shared),
    ("/signout", Elsewhere),
    ("/2fa", Own),
    ("/reset", Shared),
    ("/onboarding", Own),
    ("/onboarding/{step}", Own),
    ("/outcome", Own),
    ("/clearance", Own),
    ("/restart", Own),
    ("/setup", Own),
    ("/today", Own),
    ("/session", Own),
    ("/exercises", Own),
    ("/log", Own),
    ("/checkin", Own),
    ("/plan", Own),
    ("/import", Own),
    ("/motion", Own),
    ("/motion/delete", Own),
    ("/activities/{id}", OthersId),
    ("/outcomes", Own),
    ("/outcomes/profile", Own),
    ("/questionnaires/{id}", Shared),
    ("/progress", Own),
    ("/patients", Own),
    ("/patients/invite", Own),
    ("/patients/break-glass", Own),
    ("/clinics/{id}", OthersWalker),
    ("/clinics/{id}/members", OthersWalker),
    ("/clinics/{id}/members/remove", OthersWalker),
    ("/clinics/{id}/invite", OthersWalker),
    ("/clinics/{id}/questionnaires", Upload),
    ("/api/v1/clinics/{id}/members", OthersWalker),
    ("/api/v1/clinics/{id}/members/{account}", OthersWalker),
    ("/api/v1/clinics/{id}/questionnaires", OthersWalker),
    ("/patients/{id}", OthersWalker),
    ("/patients/{id}/report.pdf", OthersWalker),
    ("/patients/{id}/review", OthersWalker),
    ("/patients/{id}/override", OthersWalker),
    ("/patients/{id}/revert", OthersWalker),
    ("/patients/{id}/clearance", OthersWalker),
    ("/patients/{id}/restart", OthersWalker),
    ("/patients/{id}/stop", OthersWalker),
    ("/patients/{id}/assign", OthersWalker),
    ("/patients/{id}/unassign", OthersWalker),
    ("/patients/{id}/message", OthersWalker),
    ("/patients/{id}/minutes", OthersWalker),
    ("/care", Own),
    ("/care/message", Own),
    ("/care/leave", Own),
    ("/join", Shared),
    ("/join/{code}", Shared),
    ("/report", Own),
    ("/report.pdf", Own),
    ("/learn", Shared),
    ("/learn/{id}", Shared),
    ("/settings", Own),
    ("/settings/export.json", Own),
    ("/settings/export.csv", Own),
    ("/settings/outcomes.csv", Own),
    ("/settings/checkins.csv", Own),
    ("/settings/export.fhir.json", Own),
    ("/settings/setup", Own),
    ("/settings/language", Elsewhere),
    ("/settings/restore", Own),
    ("/settings/tokens/revoke", OthersToken),
    ("/settings/signout-everywhere", Elsewhere),
    ("/settings/calendar", Own),
    ("/settings/calendar/revoke", Own),
    ("/calendar/{file}", Elsewhere),
    ("/settings/delete", Elsewhere),
    ("/healthz", Shared),
    ("/readyz", Shared),
    ("/metrics", Shared),
    ("/api/openapi.json", Shared),
    ("/api/v1/me", Own),
    ("/api/v1/questions", Shared),
    ("/api/v1/screening", Own),
    ("/api/v1/clearance", Own),
    ("/api/v1/restart", Own),
    ("/api/v1/setup", Own),
    ("/api/v1/today", Own),
    ("/api/v1/plan", Own),
    ("/api/v1/sessions", Own),
    ("/api/v1/sessions/{date}/motion", Own),
    ("/api/v1/motion", Own),
    ("/api/v1/motion/{id}", Own),
    ("/api/v1/checkins", Own),
    ("/api/v1/progress", Own),
    ("/api/v1/outcomes", Own),
    ("/api/v1/export", Own),
    ("/api/v1/report.pdf", Own),
    ("/api/v1/imports", Own),
    ("/api/v1/activities", Own),
    ("/api/v1/activities/{id}/confirmation", OthersId),
    ("/api/v1/questionnaires", Shared),
    ("/api/v1/questionnaires/{id}/responses", Shared),
    ("/api/v1/account", Elsewhere),
    ("/api/v1/evidence", Shared),
    ("/api/v1/patients", Own),
    ("/api/v1/patients/{id}", OthersWalker),
    ("/api/v1/patients/{id}/reviews", OthersWalker),
    ("/api/v1/patients/{id}/clearance", OthersWalker),
    ("/api/v1/patients/{id}/restart", OthersWalker),
    ("/api/v1/patients/{id}/stop", OthersWalker),
    ("/api/v1/patients/{id}/assignments", OthersWalker),
    ("/api/v1/patients/{id}/assignments/end", OthersWalker),
    ("/api/v1/patients/{id}/override", OthersWalker),
    ("/api/v1/patients/{id}/revert", OthersWalker),
    ("/api/v1/patients/{id}/messages", OthersWalker),
    ("/api/v1/patients/{id}/break-glass", OthersWalker),
    ("/api/v1/invitations", Own),
    ("/api/v1/care", Own),
    ("/api/v1/care/messages", Own),
    ("/api/v1/care/join", Own),
    ("/api/v1/care/leave", Own),
];

/// The page routes, read from `routes.rs` itself.
fn page_routes() -> Vec<String> {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/routes.rs")).unwrap();
    src.match_indices(".route(")
        .map(|(i, m)| {
            let rest = src[i + m.len()..].trim_start().strip_prefix('"').unwrap();
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

#[tokio::test]
async fn the_table_holds_every_route() {
    let app = App::new().await;
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/openapi.json", "").await.body).unwrap();
    let mut routes = page_routes();
    routes.extend(doc["paths"].as_object().unwrap().keys().cloned());
    routes.push("/api/openapi.json".into());
    routes.sort();
    routes.dedup();
    let mut table: Vec<String> = TABLE.iter().map(|(p, _)| p.to_string()).collect();
    table.sort();
    assert_eq!(table, routes, "add a row to TABLE for each new route (and say how it is asked)");
}

/// Walker B, with something of theirs behind every kind of id: an imported
/// walk waiting for "was it backward?", an API token, a calendar feed.
struct Other {
    walker: Walker,
    activity: i64,
    token_id: String,
    token: String,
}

async fn other_walker(app: &App) -> Other {
    let walker = app.ready_walker("bea@example.org", "NOTE-OF-BEA").await;
    let today = app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let s = service::load(app.state.store(), walker.access, today).await.unwrap();
    let open = s.programme.retro_dates().into_iter().rev().find(|d| *d < today && s.history.log_on(*d).is_none());
    let walk = gpx_walk(open.unwrap());
    let res = app.send(upload(&walker.cookie, &walker.csrf, &[("bea.gpx", &walk)])).await;
    assert!(res.body.contains("bea.gpx: imported"), "{}", res.body);
    let activity = app.state.store().activities(walker.account.walker).await.unwrap()[0].id;
    let token = token_for(app, &walker).await;
    let token_id = app.state.store().api_tokens(walker.account.id).await.unwrap()[0].id.clone();
    assert_eq!(
        app.post("/settings/calendar", &walker.cookie, &format!("csrf={}", walker.csrf)).await.status.as_u16() / 100,
        2
    );
    Other { walker, activity, token_id, token }
}

/// What of B must never reach A.
fn leaks(body: &str) -> Option<&'static str> {
    ["NOTE-OF-BEA", "bea@example.org", "bea.gpx"].into_iter().find(|m| body.contains(m))
}

#[tokio::test]
async fn no_route_reaches_another_walkers_records() {
    let app = App::new().await;
    app.load_example_questionnaire().await;
    let bea = other_walker(&app).await;
    let ann = app.ready_walker("ann@example.org", "note-of-ann").await;
    let ann_token = token_for(&app, &ann).await;
    let before = bea_records(&app, &bea).await;

    for (pattern, ask) in TABLE {
        let page = !pattern.starts_with("/api/");
        match ask {
            Own => {
                let path = pattern.replace("{step}", "general");
                let res = if page {
                    app.get(&path, &ann.cookie).await
                } else {
                    app.send(call("GET", &path, &ann_token, None)).await
                };
                // Write-only routes answer 405 to a GET; reads answer.
                assert!(res.status.as_u16() < 500, "{pattern}: {}", res.status);
                assert_eq!(leaks(&res.body), None, "{pattern} showed the other walker's records to ann");
            }
            OthersId => {
                let path = pattern.replace("{id}", &bea.activity.to_string());
                if page {
                    assert_eq!(app.get(&path, &ann.cookie).await.status, StatusCode::NOT_FOUND, "GET {path}");
                    let form = format!("csrf={}&backward=yes&pain_before=1&pain_peak=2&pain_after=1", ann.csrf);
                    assert_eq!(app.post(&path, &ann.cookie, &form).await.status, StatusCode::NOT_FOUND, "POST {path}");
                } else {
                    let body = serde_json::json!({"backward": true, "pain_before": 1, "pain_peak": 2, "pain_after": 1});
                    let res = app.send(call("POST", &path, &ann_token, Some(body))).await;
                    assert_eq!(res.status, StatusCode::NOT_FOUND, "POST {path}: {}", res.body);
                }
            }
            OthersWalker if !page => {
                let path = pattern
                    .replace("{id}", &bea.walker.account.walker.0.to_string())
                    .replace("{account}", &bea.walker.account.id.0.to_string());
                let body = serde_json::json!({"subject": "flag", "rule": "F-FALL", "day": "2026-01-01",
                    "note": "seen", "reason": "seen", "minutes": 5, "body": "hello", "role": "GP", "kind": "pause",
                    "questionnaire": {}, "scoring": {}});
                // Every method answers "not found" or "not allowed here", and at least one "not found".
                let mut answers = Vec::new();
                for method in ["GET", "POST", "DELETE"] {
                    let res = app.send(call(method, &path, &ann_token, (method == "POST").then(|| body.clone()))).await;
                    assert!(matches!(res.status.as_u16(), 404 | 405), "{method} {path}: {} {}", res.status, res.body);
                    assert_eq!(leaks(&res.body), None, "{pattern} showed the other walker's records to ann");
                    answers.push(res.status.as_u16());
                }
                assert!(answers.contains(&404), "{path}: {answers:?}");
            }
            OthersWalker => {
                let path = pattern.replace("{id}", &bea.walker.account.walker.0.to_string());
                let read = app.get(&path, &ann.cookie).await.status;
                assert!(matches!(read.as_u16(), 404 | 405), "GET {path}: {read}");
                let form = format!(
                    "csrf={}&subject=flag&rule=F-FALL&day=2026-01-01&note=seen&minutes=5&shown=5&role=GP&body=hello",
                    ann.csrf
                );
                let res = app.post(&path, &ann.cookie, &form).await;
                // A write route (405 to a read) refuses the post as "not found".
                let expected: &[u16] = if read.as_u16() == 405 { &[404] } else { &[404, 405] };
                assert!(expected.contains(&res.status.as_u16()), "POST {path}: {}", res.status);
                assert_eq!(leaks(&res.body), None, "{pattern} showed the other walker's records to ann");
            }
            OthersToken => {
                let form = format!("csrf={}&id={}", ann.csrf, bea.token_id);
                let res = app.post(pattern, &ann.cookie, &form).await;
                assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{pattern}: {}", res.body);
            }
            Upload => {
                let path = pattern.replace("{id}", &bea.walker.account.walker.0.to_string());
                let res = app.post(&path, &ann.cookie, &format!("csrf={}", ann.csrf)).await;
                assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "POST {path}: {}", res.body);
                assert_eq!(leaks(&res.body), None, "{pattern} showed the other walker's records to ann");
            }
            Shared | Elsewhere => {}
        }
    }
    // The check can see a walker's records: ann's own export holds her note.
    assert!(app.get("/settings/export.json", &ann.cookie).await.body.contains("note-of-ann"));
    // Bea's records are as they were, and her token still opens her own.
    assert_eq!(bea_records(&app, &bea).await, before);
    let me = app.send(call("GET", "/api/v1/me", &bea.token, None)).await;
    assert!(me.body.contains("bea@example.org"), "{}", me.body);
}

/// Bea's records as her own archive holds them (the export leaves out only its time).
async fn bea_records(app: &App, bea: &Other) -> String {
    let res = app.get("/settings/export.json", &bea.walker.cookie).await;
    assert_eq!(res.status, StatusCode::OK);
    let mut v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v.to_string()
}

/// A clinician's patient list shows the walkers in their care, and nobody
/// else, on the page and through the API; leaving the clinic empties it at once.
#[tokio::test]
async fn a_clinician_lists_only_the_walkers_in_their_care() {
    let app = App::new().await;
    let bea = other_walker(&app).await;
    let doc = app.ready_walker("doc@example.org", "note-of-doc").await;
    let ann = app.ready_walker("ann@example.org", "note-of-ann").await;
    let s = app.state.store();
    let now = app.state.now();
    let clinic = s.create_clinic("Knee Clinic", now).await.unwrap();
    s.add_member(doc.account.id, clinic, store::MemberRole::Clinician, now).await.unwrap();
    app.pass_two_factor(&doc.cookie, None).await;
    s.connect(bea.walker.account.walker, clinic, now).await.unwrap();
    s.add_to_care_team(bea.walker.account.walker, clinic, doc.account.id, now).await.unwrap();
    // Ann is in the clinic's care too, but not on the doctor's team.
    s.connect(ann.account.walker, clinic, now).await.unwrap();

    let page = app.get("/patients", &doc.cookie).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let name = |w: &Walker| w.account.email.clone();
    let link = format!("<th scope=\"row\"><a href=\"/patients/{}\">Test</a>", bea.walker.account.walker);
    assert!(page.body.contains(&link), "{}", page.body);
    assert!(!page.body.contains(&name(&ann)) && !page.body.contains("note-of-ann"));
    let token = token_for(&app, &doc).await;
    let rows: serde_json::Value =
        serde_json::from_str(&app.send(call("GET", "/api/v1/patients", &token, None)).await.body).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["walker"], bea.walker.account.walker.0);
    // Each read is in the walker's own access log, with who read it.
    let settings = app.get("/settings", &bea.walker.cookie).await.body;
    assert!(
        settings.contains("A clinician looked at your records") && settings.contains("doc@example.org"),
        "{settings}"
    );
    assert!(app.get("/settings", &ann.cookie).await.body.contains("Nobody but you has seen your data"));
    // Ann, a walker, cares for nobody.
    let ann_token = token_for(&app, &ann).await;
    assert_eq!(app.send(call("GET", "/api/v1/patients", &ann_token, None)).await.body, "[]");

    s.end_membership(doc.account.id, clinic, now).await.unwrap();
    assert_eq!(app.send(call("GET", "/api/v1/patients", &token, None)).await.body, "[]");
    assert!(app.get("/patients", &doc.cookie).await.body.contains("Nobody is in your care yet"));
}
