//! Every page route: status, sign-in required, CSRF required, origin checks,
//! and one walker never seeing another's data.

use crate::support::*;
use axum::http::StatusCode;

/// Every page a signed-in walker can open.
const PAGES: &[&str] = &[
    "/today",
    "/session",
    "/log",
    "/checkin",
    "/plan",
    "/progress",
    "/settings",
    "/settings/export.json",
    "/settings/export.csv",
    "/settings/outcomes.csv",
    "/settings/checkins.csv",
    "/report",
    "/report.pdf",
    "/import",
    "/settings/export.fhir.json",
    "/outcomes",
    "/setup",
    "/outcome",
    "/onboarding/general",
    "/onboarding/knee",
    "/onboarding/balance",
    "/onboarding/timed",
];

/// Every form post, with a body that is valid apart from the CSRF token.
const POSTS: &[(&str, &str)] = &[
    ("/signout", ""),
    ("/onboarding/general", "heart_condition=no"),
    ("/clearance", "by=Dr+X"),
    ("/restart", "by=Dr+X&role=GP"),
    ("/setup", "start=2026-11-23&baseline_pain=2&day=mon&day=wed"),
    ("/log", "pain_before=1&pain_peak=1&pain_after=1"),
    ("/checkin", "pain=2"),
    ("/outcomes", "measure=pain_now&value=3"),
    ("/outcomes/profile", "birth_year=1950&sex=female"),
    ("/questionnaires/retrowalk-knee-days", "d1=none"),
    ("/activities/1", "backward=no"),
    ("/settings/setup", "start=2026-11-23&baseline_pain=2&day=mon&day=wed"),
    ("/settings/calendar", ""),
    ("/settings/tokens/revoke", "id=aaaaaaaaaaaa"),
    ("/settings/signout-everywhere", ""),
    ("/settings/calendar/revoke", ""),
    ("/settings/delete", "confirm=DELETE"),
];

#[tokio::test]
async fn every_page_needs_sign_in_and_opens_when_signed_in() {
    let app = App::new().await;
    for path in PAGES {
        let res = app.get(path, "").await;
        assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/signin"), "{path}");
    }
    let w = app.ready_walker("ana@example.org", "ana-note").await;
    for path in PAGES {
        let res = app.get(path, &w.cookie).await;
        assert!(res.status == StatusCode::OK || res.status == StatusCode::SEE_OTHER, "{path}: {}", res.status);
        if res.status == StatusCode::OK && !path.ends_with(".json") && !path.ends_with(".csv") {
            assert!(res.body.contains("not medical advice"), "{path} shows the disclaimer");
        }
    }
    for path in ["/signin", "/signup", "/reset", "/learn"] {
        assert_eq!(app.get(path, "").await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(app.get("/nope", "").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_form_post_is_refused_without_the_csrf_token() {
    let app = App::new().await;
    let w = app.ready_walker("bo@example.org", "bo-note").await;
    for (path, body) in POSTS {
        let res = app.post(path, &w.cookie, body).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path} without a token");
        let res = app.post(path, &w.cookie, &format!("csrf={}&{body}", "0".repeat(64))).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path} with a wrong token");
        let res = app.post(path, "", &format!("csrf={}&{body}", w.csrf)).await;
        assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/signin"), "{path} signed out");
    }
    // The walker's data is untouched by all of the above.
    let export = app.get("/settings/export.json", &w.cookie).await;
    assert!(export.body.contains("bo-note"));
    for (path, body) in
        [("/signup", "name=a&email=a@b.org&password=long+enough+password"), ("/signin", "email=a@b.org&password=x")]
    {
        assert_eq!(app.post(path, "", body).await.status, StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn cross_site_writes_are_refused() {
    let app = App::new().await;
    let w = app.ready_walker("cy@example.org", "cy-note").await;
    let req = axum::http::Request::post("/log")
        .header("cookie", &w.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(axum::body::Body::from(format!("csrf={}&pain_before=1&pain_peak=1&pain_after=1", w.csrf)))
        .unwrap();
    assert_eq!(app.send(req).await.status, StatusCode::FORBIDDEN);
    let req = axum::http::Request::post("/log")
        .header("cookie", &w.cookie)
        .header("origin", "https://evil.example")
        .header("host", "127.0.0.1:8080")
        .body(axum::body::Body::from(format!("csrf={}", w.csrf)))
        .unwrap();
    assert_eq!(app.send(req).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn one_walker_never_sees_another_walkers_data() {
    let app = App::new().await;
    let a = app.ready_walker("da@example.org", "secret-of-da").await;
    let b = app.ready_walker("ed@example.org", "secret-of-ed").await;
    for path in PAGES {
        let res = app.get(path, &b.cookie).await;
        assert!(
            !res.body.contains("secret-of-da") && !res.body.contains("da@example.org"),
            "{path} leaks walker A to B"
        );
        let res = app.get(path, &a.cookie).await;
        assert!(!res.body.contains("secret-of-ed"), "{path} leaks walker B to A");
    }
    // B's session cookie with A's CSRF token is refused.
    let res = app.post("/settings/delete", &b.cookie, &format!("csrf={}&confirm=DELETE", a.csrf)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(app.get("/settings/export.json", &a.cookie).await.body.contains("secret-of-da"));
}

#[tokio::test]
async fn logging_a_session_through_the_form_records_it_and_bad_input_names_the_field() {
    let app = App::new().await;
    let w = app.ready_walker("fi@example.org", "first").await;
    let res = app.post("/log", &w.cookie, &format!("csrf={}&pain_before=11&pain_peak=1&pain_after=1", w.csrf)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // In the walker's words, not the field's name.
    assert!(
        res.body.contains("How much did your knee hurt before the session? Choose a number from 0 to 10."),
        "{}",
        res.body
    );
    assert!(!res.body.contains("pain_before:"), "{}", res.body);
    let form = format!("csrf={}&pain_before=1&pain_peak=2&pain_after=1&symptom=&notes=felt+fine", w.csrf);
    let res = app.post("/log", &w.cookie, &form).await;
    assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/today?logged=1"), "{}", res.body);
    let again = app.post("/log", &w.cookie, &form).await;
    assert!(again.body.contains("There is already a session logged on that day"), "a second log for today is refused");
    let csv = app.get("/settings/export.csv", &w.cookie).await;
    assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);
}

#[tokio::test]
async fn sign_in_is_slowed_after_five_failures_but_the_owner_is_never_locked_out() {
    let app = App::new().await;
    app.sign_up("gu@example.org").await;
    let page = app.get("/signin", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let token = csrf_in(&page.body);
    let attempt = |email: String, password: &'static str| {
        let form = format!("csrf={token}&email={email}&password={password}");
        let cookie = format!("rw_csrf={anon}");
        let app = &app;
        async move { app.post("/signin", &cookie, &form).await }
    };
    let gu = || "gu@example.org".to_string();
    for _ in 0..5 {
        assert_eq!(attempt(gu(), "wrong").await.status, StatusCode::UNAUTHORIZED);
    }
    // The sixth try must wait a few seconds, and is told how long.
    let slowed = attempt(gu(), "long+enough+password").await;
    assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = slowed.headers.get("retry-after").unwrap().to_str().unwrap().parse().unwrap();
    assert!((1..=5).contains(&wait), "{wait}");
    assert!(slowed.body.contains(&format!("wait {wait} seconds")), "{}", slowed.body);
    // Failures a minute old no longer hold the owner back (kept in the
    // database, so another app server would count the same).
    use store::prelude::*;
    let store = app.state.store();
    let key = web::auth_key_for_tests(&gu());
    store.clear_auth_failures("signin-account", &key).await.unwrap();
    let a_minute_ago = jiff::Timestamp::now().checked_sub(jiff::SignedDuration::from_secs(61)).unwrap();
    for _ in 0..8 {
        store.record_auth_failure("signin-account", &key, a_minute_ago).await.unwrap();
    }
    assert_eq!(attempt(gu(), "long+enough+password").await.status, StatusCode::SEE_OTHER);
}

/// Regression (#11, defect 6): thirty different e-mails from one address were never slowed.
#[tokio::test]
async fn many_e_mails_from_one_address_are_stopped() {
    let app = App::new().await;
    let page = app.get("/signin", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let token = csrf_in(&page.body);
    let mut statuses = Vec::new();
    for i in 0..22 {
        let form = format!("csrf={token}&email=guess{i}@example.org&password=wrong");
        statuses.push(app.post("/signin", &format!("rw_csrf={anon}"), &form).await.status);
    }
    assert!(statuses[..20].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert!(statuses[20..].iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
}

/// Regression (#11): a wrong reset code answered 200, and /reset had no limit.
#[tokio::test]
async fn wrong_reset_codes_are_refused_and_throttled() {
    let app = App::new().await;
    let page = app.get("/reset", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let token = csrf_in(&page.body);
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let form = format!("csrf={token}&code=NOPE-NOPE&password=long+enough+password");
        statuses.push(app.post("/reset", &format!("rw_csrf={anon}"), &form).await.status);
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY), "{statuses:?}");
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let app = App::new().await;
    let w = app.sign_up("ha@example.org").await;
    let res = app.post("/signout", &w.cookie, &format!("csrf={}", w.csrf)).await;
    assert_eq!(res.location, "/signin");
    assert_eq!(app.get("/today", &w.cookie).await.location, "/signin");
}

#[tokio::test]
async fn cookies_and_headers_are_locked_down() {
    let app = App::new().await;
    let page = app.get("/signup", "").await;
    let c = page.cookies.iter().find(|c| c.starts_with("rw_csrf=")).unwrap();
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"), "{c}");
    let csp = page.headers.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    // Nothing is loaded from anywhere else.
    assert!(!page.body.contains("http://") && !page.body.contains("https://"), "{}", page.body);
}

#[tokio::test]
async fn the_first_load_of_today_is_under_50_kb() {
    let app = App::new().await;
    let w = app.ready_walker("io@example.org", "x").await;
    let mut total = app.get("/today", &w.cookie).await.body.len();
    for asset in ["/assets/app.css", "/assets/app.js", "/manifest.webmanifest", "/assets/icon.svg"] {
        let res = app.get(asset, "").await;
        assert_eq!(res.status, StatusCode::OK, "{asset}");
        total += res.body.len();
    }
    assert!(total < 50 * 1024, "first load is {total} bytes");
}

#[tokio::test]
async fn the_demo_seeds_three_weeks_of_history() {
    let app = App::new().await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let password = web::demo::seed(app.state.store(), today).await.unwrap();
    // Each lands on their own home: the walker on Today, the clinician on
    // the patient list (through the second factor).
    let sign_in = |email: &'static str, home: &'static str| {
        let (app, password) = (&app, password.clone());
        async move {
            let page = app.get("/signin", "").await;
            let form = format!("csrf={}&email={email}&password={}", csrf_in(&page.body), password.replace(' ', "+"));
            let res = app.post("/signin", &format!("rw_csrf={}", cookie_value(&page.cookies, "rw_csrf")), &form).await;
            assert_eq!(res.location, home);
            format!("rw_session={}", cookie_value(&res.cookies, "rw_session"))
        }
    };
    let cookie = sign_in(web::demo::DEMO_EMAIL, "/today").await;
    let progress = app.get("/progress", &cookie).await;
    assert!(progress.body.matches("<tr><th scope=\"row\">").count() >= 9, "{}", progress.body);
    // The demo clinician sees Sam first: a red flag stopped Sam's programme.
    let doc = sign_in(web::demo::DEMO_CLINICIAN, "/patients").await;
    app.pass_two_factor(&doc, None).await;
    let list = app.get("/patients", &doc).await.body;
    let (sam, alex) = (list.find(">Sam</a>").unwrap(), list.find(">Alex</a>").unwrap());
    assert!(sam < alex && list.contains("F-RED-FLAG"), "{list}");
    // Seeding twice is harmless.
    web::demo::seed(app.state.store(), today).await.unwrap();
}

#[tokio::test]
async fn changing_the_set_up_keeps_the_history() {
    let app = App::new().await;
    let w = app.ready_walker("ke@example.org", "kept-note").await;
    let form = format!(
        "csrf={}&start=2026-11-02&time_zone=Europe%2FLisbon&baseline_pain=3&weeks=8&forward_speed=3.2&day=mon&day=thu&equipment=bike",
        w.csrf
    );
    let res = app.post("/settings/setup", &w.cookie, &form).await;
    assert_eq!(res.location, "/today", "{}", res.body);
    let export = app.get("/settings/export.json", &w.cookie).await.body;
    assert!(export.contains("kept-note") && export.contains("Europe/Lisbon"), "{export}");
    let bad = app
        .post("/settings/setup", &w.cookie, &format!("csrf={}&start=soon&baseline_pain=3&day=mon&day=thu", w.csrf))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("When do you want to start? Choose a date."), "{}", bad.body);
    // What was typed is shown again: nothing to fill in twice.
    assert!(bad.body.contains(r#"name="day" value="thu" checked"#), "{}", bad.body);
    assert!(bad.body.contains(r#"value="soon""#), "{}", bad.body);
}

#[tokio::test]
async fn an_outcome_is_recorded_through_the_form_and_compared() {
    let app = App::new().await;
    let w = app.ready_walker("mo@example.org", "x").await;
    let res = app.post("/outcomes/profile", &w.cookie, &format!("csrf={}&birth_year=1950&sex=male", w.csrf)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let res = app.post("/outcomes", &w.cookie, &format!("csrf={}&measure=chair_stand30s&value=9", w.csrf)).await;
    assert!(res.body.contains("below the usual range of 11-17"), "{}", res.body);
    let res = app.post("/outcomes", &w.cookie, &format!("csrf={}&measure=chair_stand30s&value=13", w.csrf)).await;
    assert!(res.body.contains("a real improvement"), "{}", res.body);
    let bad = app.post("/outcomes", &w.cookie, &format!("csrf={}&measure=pain_now&value=12", w.csrf)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Knee pain now: choose a whole number from 0 to 10."), "{}", bad.body);
    let form = format!(
        "csrf={}&measure=own_activities&activity=stairs&score=4&activity=car&score=6&activity=shop&score=5&activity=&score=",
        w.csrf
    );
    let res = app.post("/outcomes", &w.cookie, &form).await;
    assert!(res.body.contains("Your own activities 5 /10"), "{}", res.body);
}

#[tokio::test]
async fn the_calendar_link_serves_the_plan_until_it_is_revoked() {
    let app = App::new().await;
    let w = app.ready_walker("ca@example.org", "x").await;
    let res = app.post("/settings/calendar", &w.cookie, &format!("csrf={}", w.csrf)).await;
    let i = res.body.find("/calendar/").unwrap();
    let path = res.body[i..].split('"').next().unwrap().to_string();
    let feed = app.get(&path, "").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.headers.get("content-type").unwrap(), "text/calendar; charset=utf-8");
    assert!(feed.body.starts_with("BEGIN:VCALENDAR\r\n") && feed.body.contains("BEGIN:VALARM"), "{}", feed.body);
    assert!(feed.body.matches("BEGIN:VEVENT").count() >= 10);
    assert!(feed.body.lines().all(|l| l.len() <= 75));
    assert!(feed.body.contains("SUMMARY:Backward walking: "), "{}", feed.body);
    // In the walker's language when the link asks for it.
    let spanish = app.get(&format!("{path}?lang=es"), "").await.body;
    assert!(spanish.contains("SUMMARY:Caminar hacia atrás: ") && !spanish.contains("Backward"), "{spanish}");
    assert!(spanish.lines().all(|l| l.len() <= 75));
    app.post("/settings/calendar/revoke", &w.cookie, &format!("csrf={}", w.csrf)).await;
    assert_eq!(app.get(&path, "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/calendar/nonsense.ics", "").await.status, StatusCode::NOT_FOUND);
}

fn multipart(csrf: &str, archive: &str) -> (String, String) {
    let b = "retrowalkboundary";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{b}\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n{archive}\r\n--{b}--\r\n"
    );
    (format!("multipart/form-data; boundary={b}"), body)
}

#[tokio::test]
async fn a_downloaded_archive_restores_into_an_account() {
    let app = App::new().await;
    let a = app.ready_walker("re@example.org", "restored-note").await;
    let archive = app.get("/settings/export.json", &a.cookie).await.body;
    let b = app.ready_walker("rf@example.org", "replaced-note").await;
    let send = |csrf: &str, archive: &str| {
        let (ct, body) = multipart(csrf, archive);
        axum::http::Request::post("/settings/restore")
            .header("cookie", &b.cookie)
            .header("content-type", ct)
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    assert_eq!(app.send(send("wrong", &archive)).await.status, StatusCode::FORBIDDEN);
    // The token must come first (CsrfMultipart): an archive sent before it is
    // never read, even with the right token after it.
    let late = format!(
        "--x\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"a.json\"\r\n\r\n{archive}\r\n--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--x--\r\n",
        b.csrf
    );
    let late = axum::http::Request::post("/settings/restore")
        .header("cookie", &b.cookie)
        .header("content-type", "multipart/form-data; boundary=x")
        .body(axum::body::Body::from(late))
        .unwrap();
    assert_eq!(app.send(late).await.status, StatusCode::FORBIDDEN);
    let bad = app.send(send(&b.csrf, "{\"format\": 1}")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("not a retrowalk archive"), "{}", bad.body);
    // Regression (#11, defect 3): the restore runs the CLI's archive checks.
    // Each broken archive is refused with where it is broken, and nothing changes.
    let v: serde_json::Value = serde_json::from_str(&archive).unwrap();
    let broken = |path: &[&str], value: serde_json::Value| {
        let mut v = v.clone();
        let mut at = &mut v;
        for key in path {
            at = match key.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*key],
            };
        }
        *at = value;
        v.to_string()
    };
    for (archive, expected) in [
        (broken(&["programme", "weeks"], 0.into()), "programme.weeks"),
        (broken(&["programme", "forward_speed_tenths"], 65535.into()), "programme.forward_speed_kmh"),
        (broken(&["sessions", "0", "speed_tenths"], 65535.into()), "sessions[0].speed"),
        (broken(&["sessions", "0", "date"], "1999-06-01".into()), "sessions[0].date"),
        (broken(&["programme", "time_zone"], "Mars/Olympus".into()), "programme.time_zone"),
        (broken(&["walker", "time_zone"], "Mars/Olympus".into()), "walker.time_zone"),
        (broken(&["sessions", "0", "notes"], "a\u{0}b".into()), "NUL"),
    ] {
        let res = app.send(send(&b.csrf, &archive)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{expected}: {}", res.body);
        assert!(res.body.contains(expected), "{expected}: {}", res.body);
        let still = app.get("/settings/export.json", &b.cookie).await.body;
        assert!(still.contains("replaced-note"), "a refused restore changed nothing");
        assert_eq!(app.get("/today", &b.cookie).await.status, StatusCode::OK);
    }
    let res = app.send(send(&b.csrf, &archive)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let now = app.get("/settings/export.json", &b.cookie).await.body;
    assert!(now.contains("restored-note") && !now.contains("replaced-note"), "{now}");
    // A walker whose records a clinic has (now or before) cannot replace them:
    // the clinic keeps what it was shown.
    use store::prelude::*;
    let s = app.state.store();
    let clinic = s.create_clinic("Knee Clinic", app.state.now()).await.unwrap();
    let walker = s.account(b.account.id).await.unwrap().walker;
    s.connect(walker, clinic, app.state.now()).await.unwrap();
    let refused = app.send(send(&b.csrf, &archive)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("shared with a clinic"), "{}", refused.body);
    assert_eq!(s.account(b.account.id).await.unwrap().walker, walker, "nothing was replaced");
}

#[tokio::test]
async fn the_report_downloads_as_a_pdf_with_the_walkers_data() {
    let app = App::new().await;
    let w = app.ready_walker("pdf@example.org", "note-for-the-pdf").await;
    let page = app.get("/report", &w.cookie).await;
    assert!(page.body.contains("href=\"/report.pdf\""), "the report page links its PDF");
    let res = app.get("/report.pdf", &w.cookie).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.headers[axum::http::header::CONTENT_TYPE], "application/pdf");
    assert!(res.headers[axum::http::header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment;"));
    assert!(res.body.starts_with("%PDF-"));
    // Text is written uncompressed in the standard font, so the note is there as text.
    assert!(res.body.contains("note-for-the-pdf") && res.body.contains("Pain trend"));
}

#[tokio::test]
async fn a_loaded_questionnaire_is_given_on_a_page_and_scored() {
    let app = App::new().await;
    app.load_example_questionnaire().await;
    let w = app.ready_walker("qq@example.org", "q-note").await;
    let measures = app.get("/outcomes", &w.cookie).await;
    assert!(measures.body.contains("href=\"/questionnaires/retrowalk-knee-days\""), "listed with the measures");
    let page = app.get("/questionnaires/retrowalk-knee-days", &w.cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h2>Everyday tasks</h2>") && page.body.contains("Going down stairs"));
    assert!(page.body.contains("type=\"radio\" name=\"d1\" value=\"none\""));

    let bad = app.post("/questionnaires/retrowalk-knee-days", &w.cookie, &format!("csrf={}&d1=often", w.csrf)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("«often» is not one of the answers to «Getting up from a chair»"), "{}", bad.body);
    let spanish = app
        .send(
            axum::http::Request::post("/questionnaires/retrowalk-knee-days")
                .header(axum::http::header::COOKIE, &w.cookie)
                .header(axum::http::header::ACCEPT_LANGUAGE, "es")
                .header(axum::http::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(axum::body::Body::from(format!("csrf={}&d1=often", w.csrf)))
                .unwrap(),
        )
        .await;
    assert!(
        spanish.body.contains("«often» no es una de las respuestas a «Getting up from a chair»"),
        "{}",
        spanish.body
    );
    let ok = app
        .post(
            "/questionnaires/retrowalk-knee-days",
            &w.cookie,
            &format!("csrf={}&d1=none&d2=lot&w1=none&w2=none&w3=some&date=", w.csrf),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert!(
        ok.body.contains("Everyday tasks 62.5 of 100") && ok.body.contains("Walking and stairs 83.3 of 100"),
        "{}",
        ok.body
    );
    assert_eq!(app.get("/questionnaires/nope", &w.cookie).await.status, StatusCode::NOT_FOUND);
    let report = app.get("/report", &w.cookie).await;
    assert!(report.body.contains("Everyday tasks"), "the report lists questionnaire scores");
}

/// A GPX walk of ten minutes at 08:00 UTC on `date`.
pub fn gpx_walk(date: jiff::civil::Date) -> String {
    let pts: String = (0..=10)
        .map(|i| format!("<trkpt lat=\"51.5{:03}\" lon=\"-0.12\"><time>{date}T08:{i:02}:00Z</time></trkpt>", i * 2))
        .collect();
    format!("<gpx version=\"1.1\" creator=\"Watch\"><trk><type>walking</type><trkseg>{pts}</trkseg></trk></gpx>")
}

pub fn upload(cookie: &str, csrf: &str, files: &[(&str, &str)]) -> axum::http::Request<axum::body::Body> {
    let b = "retrowalkboundary";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n");
    for (name, content) in files {
        body.push_str(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n{content}\r\n"
        ));
    }
    body.push_str(&format!("--{b}--\r\n"));
    axum::http::Request::post("/import")
        .header("cookie", cookie)
        .header("content-type", format!("multipart/form-data; boundary={b}"))
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn several_files_upload_at_once_and_a_matched_walk_is_confirmed() {
    let app = App::new().await;
    let w = app.ready_walker("up@example.org", "up-note").await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let state = service::load(app.state.store(), w.access, today).await.unwrap();
    let open_day = state
        .programme
        .retro_dates()
        .into_iter()
        .rev()
        .find(|d| *d <= today && state.history.log_on(*d).is_none())
        .unwrap();
    let walk = gpx_walk(open_day);
    assert_eq!(app.get("/import", &w.cookie).await.status, StatusCode::OK);
    assert_eq!(app.send(upload(&w.cookie, "wrong", &[("walk.gpx", &walk)])).await.status, StatusCode::FORBIDDEN);

    let res = app.send(upload(&w.cookie, &w.csrf, &[("walk.gpx", &walk), ("junk.fit", "not a fit file")])).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("walk.gpx: imported (gpx), 1 activity"), "{}", res.body);
    assert!(res.body.contains("junk.fit: not imported"), "{}", res.body);
    assert!(res.body.contains("Was this walk backward?"));
    let again = app.send(upload(&w.cookie, &w.csrf, &[("walk-copy.gpx", &walk)])).await;
    assert!(again.body.contains("already imported (as walk.gpx"), "{}", again.body);

    let id = store::ImportStore::activities(app.state.store(), w.account.walker).await.unwrap()[0].id;
    let other = app.ready_walker("up2@example.org", "other-note").await;
    assert_eq!(app.get(&format!("/activities/{id}"), &other.cookie).await.status, StatusCode::NOT_FOUND, "isolated");
    let page = app.get(&format!("/activities/{id}"), &w.cookie).await;
    assert!(page.body.contains("Walking 10 min on "), "{}", page.body);
    let done = app
        .post(
            &format!("/activities/{id}"),
            &w.cookie,
            &format!("csrf={}&backward=yes&pain_before=1&pain_peak=2&pain_after=1", w.csrf),
        )
        .await;
    assert_eq!((done.status, done.location.as_str()), (StatusCode::SEE_OTHER, "/today?logged=1"), "{}", done.body);
    let s = service::load(app.state.store(), w.access, today).await.unwrap();
    assert_eq!(s.history.log_on(open_day).unwrap().minutes, 10);
    assert!(app.get("/plan", &w.cookie).await.body.contains("imported"));
}

/// Page views find their session without a query while nothing changes; a
/// password reset made by another process (the CLI) signs the walker out at
/// once all the same.
#[tokio::test]
async fn a_session_ended_by_another_process_is_refused_at_once() {
    use store::prelude::*;
    let app = App::new().await;
    let w = app.ready_walker("cached@example.org", "cached-note").await;
    for _ in 0..3 {
        assert_eq!(app.get("/today", &w.cookie).await.status, StatusCode::OK);
    }
    let other = store::backend::connect(&store::backend::sqlite_url(&app.db_path())).await.unwrap();
    let now = jiff::Timestamp::now();
    other.create_reset_code(w.account.id, "code-hash", now + jiff::SignedDuration::from_mins(10)).await.unwrap();
    other.reset_password("code-hash", "new-hash", now).await.unwrap().unwrap();
    let res = app.get("/today", &w.cookie).await;
    assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/signin"));
}

/// Today, Plan and Progress keep their rendered content with the walker's
/// state: a change through a form, or one written by another process (the
/// CLI), shows on the very next view of each page.
#[tokio::test]
async fn cached_pages_show_a_change_on_the_next_view() {
    let app = App::new().await;
    let w = app.ready_walker("pages@example.org", "pages-note").await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let row = format!("<th scope=\"row\">{}</th>", today.strftime("%-d %b"));
    let missed = |body: &str| body.matches("status-missed").count();
    let missed_before = missed(&app.get("/plan", &w.cookie).await.body);
    assert!(missed_before > 0, "the set-up leaves missed days before today");
    for _ in 0..2 {
        assert!(app.get("/today", &w.cookie).await.body.contains("Check in for your session"));
        assert_eq!(missed(&app.get("/plan", &w.cookie).await.body), missed_before);
        assert!(!app.get("/progress", &w.cookie).await.body.contains(&row));
    }

    // Another process logs a missed day: the plan shows one fewer missed.
    let other = store::backend::connect(&store::backend::sqlite_url(&app.db_path())).await.unwrap();
    let state = service::load(&other, w.access, today).await.unwrap();
    let day = state.programme.retro_dates().into_iter().find(|d| *d < today).unwrap();
    let input = service::LogInput {
        date: Some(day),
        pain_before: coach::Pain::new(1).ok(),
        pain_peak: coach::Pain::new(1).ok(),
        pain_after: coach::Pain::new(1).ok(),
        ..Default::default()
    };
    service::log_session(&other, &state, input, jiff::Timestamp::now()).await.unwrap();
    assert_eq!(missed(&app.get("/plan", &w.cookie).await.body), missed_before - 1);

    // A check-in and a log through the forms change Today and Progress.
    let checkin = format!("csrf={}&pain=2", w.csrf);
    assert_eq!(app.post("/checkin", &w.cookie, &checkin).await.status, StatusCode::SEE_OTHER);
    assert!(!app.get("/today", &w.cookie).await.body.contains("Check in for your session"));
    let log = format!("csrf={}&pain_before=1&pain_peak=2&pain_after=1", w.csrf);
    assert_eq!(app.post("/log", &w.cookie, &log).await.status, StatusCode::SEE_OTHER);
    assert!(app.get("/progress", &w.cookie).await.body.contains(&row));
}

/// Writes wait for a turn (a few at once); a burst of more writes than turns
/// all complete and are all recorded, none refused or lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_writes_takes_turns_and_loses_none() {
    let app = App::new().await;
    let w = app.ready_walker("burst@example.org", "burst").await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..40 {
        let req = axum::http::Request::post("/outcomes")
            .header(axum::http::header::COOKIE, &w.cookie)
            .header(axum::http::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(axum::body::Body::from(format!("csrf={}&measure=pain_now&value={}", w.csrf, i % 11)))
            .unwrap();
        tasks.spawn(tower::ServiceExt::oneshot(app.router.clone(), req));
    }
    while let Some(res) = tasks.join_next().await {
        assert_eq!(res.unwrap().unwrap().status(), StatusCode::OK);
    }
    let csv = app.get("/settings/outcomes.csv", &w.cookie).await.body;
    assert_eq!(csv.lines().filter(|l| l.contains("pain_now")).count(), 40, "{csv}");
}

/// Half-way through a year-long programme, the plan shows last week, this week
/// and the next two day by day, and every other week in a line, so it stays
/// light on a phone.
#[tokio::test]
async fn a_year_long_plan_shows_the_weeks_around_today_in_full() {
    let app = App::new().await;
    let w = app.walker_with_plan("year@example.org", 52, 26 * 7 + 2).await;
    let plan = app.get("/plan", &w.cookie).await.body;
    assert_eq!(plan.matches("<section class=\"week\"").count(), 4, "weeks 26 to 29 in full");
    assert_eq!(plan.matches("<section class=\"week compact\"").count(), 48);
    for week in 26..=29 {
        let full = format!("<section class=\"week\" aria-labelledby=\"w{week}\">");
        assert!(plan.contains(&full), "week {week} in full");
    }
    assert!(plan.contains("0 done · 3 missed"), "a past week in a line says what was missed");
    assert!(plan.contains("3 sessions planned · "), "a later week in a line says what is planned");
    assert!(plan.len() < 25_000, "{} bytes", plan.len());
}

/// With many sessions, Progress shows the pain and speed charts and tables a
/// week a row, so half a year of sessions stays a light page.
#[tokio::test]
async fn progress_over_many_sessions_shows_weeks() {
    let app = App::new().await;
    let w = app.walker_with_plan("many@example.org", 52, 26 * 7 + 2).await;
    let store = app.state.store();
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let first = service::load(store, w.access, today).await.unwrap();
    let dates: Vec<jiff::civil::Date> = first.programme.retro_dates().into_iter().filter(|d| *d < today).collect();
    // The last week with a session depends on today's weekday.
    let last_week = first.programme.week_of(*dates.last().unwrap());
    for (i, date) in dates.into_iter().enumerate() {
        let state = service::load(store, w.access, today).await.unwrap();
        let pain = |v: i64| coach::Pain::new(v).ok();
        let input = service::LogInput {
            date: Some(date),
            pain_before: pain(2 + (i % 2) as i64),
            pain_peak: pain(2),
            pain_after: pain(1),
            ..Default::default()
        };
        service::log_session(store, &state, input, jiff::Timestamp::now()).await.unwrap();
    }
    let page = app.get("/progress", &w.cookie).await.body;
    assert!(page.contains("one row a week"), "the page says its rows are weeks");
    assert!(page.contains("<th scope=\"row\">W1</th><td>2.3</td><td>1</td>"), "week 1's mean of 2, 3, 2");
    let row = |w: u32| format!("<th scope=\"row\">W{w}</th>");
    assert!(page.contains(&row(last_week)) && !page.contains(&row(last_week + 1)), "up to week {last_week}");
    assert!((26..=27).contains(&last_week));
    assert!(page.len() < 40_000, "{} bytes", page.len());
}

/// Today shows only notes the app wrote. A check-in with no session to check
/// in on says what to do, in the walker's words; words put in a link are not
/// shown (a link cannot write on someone's Today).
#[tokio::test]
async fn today_shows_only_the_apps_own_notes() {
    let app = App::new().await;
    let w = app.walker_with_plan("notes@example.org", 6, 7).await;
    let early = app.get("/checkin", &w.cookie).await;
    assert_eq!((early.status, early.location.as_str()), (StatusCode::SEE_OTHER, "/today?note=checkin_nothing"));
    let today = app.get(&early.location, &w.cookie).await.body;
    assert!(today.contains("walk and log today&#39;s session, then check in tomorrow morning"), "{today}");
    assert!(!today.contains("two days before"), "no programmer's wording");
    let crafted = app.get("/today?note=Call%20this%20number%20now", &w.cookie).await.body;
    assert!(!crafted.contains("Call this number"));
    assert!(!crafted.contains("class=\"flash\""));
}

/// A note far too long (a 2.5 MB paste) comes back on the form with the
/// reason, and everything else the walker chose is still chosen.
#[tokio::test]
async fn a_huge_note_keeps_the_form_and_says_it_is_too_long() {
    let app = App::new().await;
    let w = app.walker_with_plan("paste@example.org", 6, 7).await;
    let note = "a".repeat(2_500_000);
    let form = format!("csrf={}&pain_before=2&pain_peak=4&pain_after=3&notes={note}", w.csrf);
    let res = app.post("/log", &w.cookie, &form).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Your note is too long: the most is 2,000 characters."),
        "{}",
        &res.body[..res.body.len().min(3000)]
    );
    assert!(res.body.contains(r#"name="pain_peak" value="4" required checked"#), "the pains stay chosen");
    assert!(app.get("/api/v1/sessions", &w.cookie).await.body.trim() == "[]", "nothing saved");
}

/// Each "why" lands on a short page of its own: the rule in plain words, its
/// evidence and the sources written out with a link; the code at the foot.
#[tokio::test]
async fn a_why_link_opens_its_rules_own_page() {
    let app = App::new().await;
    let page = app.get("/learn/A-PROGRESS", "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Why the coach does this"));
    assert!(page.body.contains("add a little time, then speed"), "the rule in words");
    assert!(
        page.body.contains("Ageberg E, Link A, Roos EM. BMC Musculoskelet Disord 2010;11:126"),
        "the source written out"
    );
    assert!(page.body.contains("https://pubmed.ncbi.nlm.nih.gov/?term=Ageberg"), "with a link to find it");
    let trial = app.get("/learn/P-START", "").await.body;
    assert!(trial.contains("https://doi.org/10."), "a DOI is linked as itself");
    assert!(page.body.contains("For your clinician: rule A-PROGRESS"));
    assert!(page.body.len() < 20_000, "a short page, not all of Learn");
    let exercise = app.get("/learn/straight_leg_raise", "").await;
    assert_eq!(exercise.status, StatusCode::OK, "an exercise has a page too");
    let other = app.get("/learn/N-SOMETHING", "").await;
    assert_eq!((other.status, other.location.as_str()), (StatusCode::SEE_OTHER, "/learn#N-SOMETHING"));
}

/// A file that is not an activity says so in the walker's words first; the
/// reader's technical reason is folded under "Details".
#[tokio::test]
async fn an_unreadable_upload_says_what_to_do_and_folds_the_reason() {
    let app = App::new().await;
    let w = app.walker_with_plan("upload-words@example.org", 6, 7).await;
    let res = app.send(upload(&w.cookie, &w.csrf, &[("shopping.txt", "eggs, milk, bread")])).await;
    assert!(
        res.body.contains("<strong>shopping.txt</strong>: this is not a file from a watch, phone or treadmill"),
        "{}",
        res.body
    );
    assert!(res.body.contains("Export the activity from its app as FIT, GPX or TCX"));
    assert!(res.body.contains("<summary>Details</summary><pre>shopping.txt: not imported:"), "the reason, folded");
}
