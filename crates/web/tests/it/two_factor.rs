//! Two-factor sign-in for clinicians and clinic admins: a staff session that
//! has only the password reaches nothing but `/2fa`; enrolment shows a key,
//! a QR code and, once a code confirms it, ten recovery codes; a code works
//! once; a recovery code works once; walkers are never asked.

use crate::api::call;
use crate::support::*;
use axum::http::StatusCode;
use store::prelude::*;

async fn staff(app: &App, email: &str) -> Walker {
    let w = app.ready_walker(email, "note").await;
    let s = app.state.store();
    let clinic = s.create_clinic("Knee Clinic", app.state.now()).await.unwrap();
    s.add_member(w.account.id, clinic, store::MemberRole::Clinician, app.state.now()).await.unwrap();
    w
}

#[tokio::test]
async fn a_clinician_with_only_a_password_reaches_nothing_but_the_second_step() {
    let app = App::new().await;
    let doc = staff(&app, "doc@example.org").await;
    for path in ["/today", "/patients", "/settings", "/care"] {
        let res = app.get(path, &doc.cookie).await;
        assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/2fa"), "{path}");
    }
    // The session cookie does not open the API either, and forms are refused.
    let api = app.send(
        axum::http::Request::get("/api/v1/patients")
            .header("cookie", &doc.cookie)
            .body(axum::body::Body::empty())
            .unwrap(),
    );
    assert_eq!(api.await.status, StatusCode::UNAUTHORIZED);
    let form = app.post("/patients/invite", &doc.cookie, &format!("csrf={}", doc.csrf)).await;
    assert_eq!(form.location, "/2fa");
    // Enrolment: a key, a QR code, and a wrong first code said plainly.
    let page = app.get("/2fa", &doc.cookie).await;
    assert!(page.body.contains("id=\"secret\"") && page.body.contains("<svg role=\"img\""), "{}", page.body);
    let wrong = app.post("/2fa", &doc.cookie, &format!("csrf={}&code=000000", csrf_in(&page.body))).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("That code did not match"), "{}", wrong.body);
    let (_, codes, used) = app.pass_two_factor_with_code(&doc.cookie, None).await;
    assert_eq!(codes.len(), 10, "ten recovery codes, shown once");
    assert_eq!(app.get("/patients", &doc.cookie).await.status, StatusCode::OK);
    let settings = app.get("/settings", &doc.cookie).await.body;
    assert!(settings.contains("Two-factor sign-in is on since") && settings.contains("10 recovery codes left"));

    // The next sign-in asks for a code; the one already used does not work again.
    let again = app.sign_in_again("doc@example.org").await;
    assert_eq!(app.get("/patients", &again).await.location, "/2fa");
    let page = app.get("/2fa", &again).await;
    assert!(!page.body.contains("id=\"secret\""), "the key is not shown again");
    let replay = app.post("/2fa", &again, &format!("csrf={}&code={used}", csrf_in(&page.body))).await;
    assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    // A recovery code works once, in any case and spacing.
    let typed = codes[0].to_uppercase().replace('-', " ");
    let ok = app.post("/2fa", &again, &format!("csrf={}&code={typed}", csrf_in(&page.body))).await;
    assert!(ok.body.contains("Recovery codes left: 9"), "{}", ok.body);
    assert_eq!(app.get("/patients", &again).await.status, StatusCode::OK);
    let third = app.sign_in_again("doc@example.org").await;
    let page = app.get("/2fa", &third).await;
    let spent = app.post("/2fa", &third, &format!("csrf={}&code={}", csrf_in(&page.body), codes[0])).await;
    assert_eq!(spent.status, StatusCode::UNPROCESSABLE_ENTITY);
    let events: Vec<_> = app.state.store().security_events(Some(doc.account.id), 50).await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    for k in ["second_factor_enabled", "second_factor_failed", "recovery_code_used"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
}

#[tokio::test]
async fn walkers_and_trial_servers_are_not_asked() {
    let app = App::new().await;
    let walker = app.ready_walker("wa@example.org", "note").await;
    assert_eq!(app.get("/today", &walker.cookie).await.status, StatusCode::OK);
    // Bearer tokens made by the operator keep working (they are a secret of their own).
    let token = crate::api::token_for(&app, &walker).await;
    assert_eq!(app.send(call("GET", "/api/v1/me", &token, None)).await.status, StatusCode::OK);

    let trial = App::with_config(web::Config { staff_two_factor: false, ..web::Config::default() }).await;
    let doc = staff(&trial, "doc@example.org").await;
    assert_eq!(trial.get("/patients", &doc.cookie).await.status, StatusCode::OK);
    // Signed in, clinic staff land on their patients, not on a walker's
    // safety questions; a walker lands on Today.
    let page = trial.get("/signin", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let form = format!("csrf={}&email=doc@example.org&password=long+enough+password", csrf_in(&page.body));
    let res = trial.post("/signin", &format!("rw_csrf={anon}"), &form).await;
    assert_eq!(res.location, "/patients", "{}", res.body);
    let again = format!("rw_session={}", cookie_value(&res.cookies, "rw_session"));
    assert_eq!(trial.get("/", &again).await.location, "/patients");
    assert_eq!(trial.get("/signin", &again).await.location, "/patients");
    let walker = trial.ready_walker("wb@example.org", "note").await;
    assert_eq!(trial.get("/", &walker.cookie).await.location, "/today");
}
