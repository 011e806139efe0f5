//! Issue #11 (data safety) through HTTP: text a database cannot store is
//! refused the same way on every backend, naming the field.

use crate::support::*;
use axum::http::StatusCode;
use store::prelude::*;

#[tokio::test]
async fn a_nul_character_is_refused_with_the_field_not_a_500() {
    let app = App::new().await;
    // Sign-up name.
    let page = app.get("/signup", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let form = format!(
        "csrf={}&name=Ro%00sa&email=nul@example.org&password=long+enough+password&time_zone=UTC",
        csrf_in(&page.body)
    );
    let res = app.post("/signup", &format!("rw_csrf={anon}"), &form).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("Your name holds an invisible character"), "{}", res.body);
    // Session notes, through the form.
    let w = app.walker_with_plan("nul2@example.org", 6, 7).await;
    let form = format!("csrf={}&pain_before=1&pain_peak=1&pain_after=1&notes=ok%00then", w.csrf);
    let res = app.post("/log", &w.cookie, &form).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("Your note holds a character that cannot be saved"), "{}", res.body);
    // A NUL in an uploaded file's name: the upload is refused as unreadable, never a 500.
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let gpx = crate::routes::gpx_walk(coach::dates::add_days(today, -1));
    let res = app.send(crate::routes::upload(&w.cookie, &w.csrf, &[("walk\u{0}.gpx", &gpx)])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(app.state.store().activities(w.account.walker).await.unwrap().is_empty());
}

#[tokio::test]
async fn nothing_with_health_data_is_cached_and_hsts_is_an_option() {
    let app = App::new().await;
    let w = app.ready_walker("cache@example.org", "x").await;
    for path in ["/today", "/plan", "/report", "/settings/export.json", "/settings/export.csv", "/report.pdf"] {
        let res = app.get(path, &w.cookie).await;
        assert_eq!(res.headers.get("cache-control").unwrap(), "no-store", "{path}");
        assert!(res.headers.get("strict-transport-security").is_none());
    }
    let (token, digest) = web::new_api_token();
    app.state.store().create_api_token(w.account.id, &digest, "t", jiff::Timestamp::now(), None).await.unwrap();
    let api = app
        .send(
            axum::http::Request::get("/api/v1/sessions")
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(api.headers.get("cache-control").unwrap(), "no-store");
    // Fingerprint-free assets keep their own lifetime.
    let css = app.get("/assets/app.css", "").await;
    assert_ne!(css.headers.get("cache-control").unwrap(), "no-store");

    let https = web::Config { public_url: "https://rw.example.org".into(), hsts: true, ..web::Config::default() };
    let app = App::with_config(https).await;
    let res = app.get("/signin", "").await;
    assert_eq!(res.headers.get("strict-transport-security").unwrap(), "max-age=31536000");
}

#[tokio::test]
async fn the_calendar_link_uses_the_configured_address_not_the_host_header() {
    let config = web::Config { public_url: "https://rw.example.org".into(), ..web::Config::default() };
    let app = App::with_config(config).await;
    let w = app.ready_walker("cal@example.org", "x").await;
    let res = app
        .send(
            axum::http::Request::post("/settings/calendar")
                .header("cookie", &w.cookie)
                .header("host", "evil.example.net")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .body(axum::body::Body::from(format!("csrf={}", w.csrf)))
                .unwrap(),
        )
        .await;
    assert!(res.body.contains("https://rw.example.org/calendar/"), "{}", res.body);
    assert!(!res.body.contains("evil.example.net"));
}

async fn bearer(app: &App, token: &str, path: &str) -> StatusCode {
    let req = axum::http::Request::get(path)
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    app.send(req).await.status
}

/// Regression (#11, defect 2): tokens lived for ever and could not be seen or revoked.
#[tokio::test]
async fn tokens_are_listed_and_revoked_and_sign_out_everywhere_ends_everything() {
    let app = App::new().await;
    let w = app.ready_walker("tok@example.org", "x").await;
    let (kept, kept_digest) = web::new_api_token();
    let (gone, gone_digest) = web::new_api_token();
    let store = app.state.store();
    store.create_api_token(w.account.id, &kept_digest, "home script", jiff::Timestamp::now(), None).await.unwrap();
    store.create_api_token(w.account.id, &gone_digest, "old laptop", jiff::Timestamp::now(), None).await.unwrap();
    assert_eq!(bearer(&app, &gone, "/api/v1/today").await, StatusCode::OK);
    let page = app.get("/settings", &w.cookie).await.body;
    assert!(page.contains("home script") && page.contains("old laptop") && !page.contains(&gone), "{page}");
    // Revoke one from Settings: it stops working, the other goes on.
    let id = &gone_digest[..12];
    let res = app.post("/settings/tokens/revoke", &w.cookie, &format!("csrf={}&id={id}", w.csrf)).await;
    assert!(res.body.contains("The token is revoked"), "{}", res.body);
    assert_eq!(bearer(&app, &gone, "/api/v1/today").await, StatusCode::UNAUTHORIZED);
    assert_eq!(bearer(&app, &kept, "/api/v1/today").await, StatusCode::OK);
    // Another walker cannot revoke it.
    let other = app.ready_walker("tok2@example.org", "y").await;
    let res = app
        .post("/settings/tokens/revoke", &other.cookie, &format!("csrf={}&id={}", other.csrf, &kept_digest[..12]))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bearer(&app, &kept, "/api/v1/today").await, StatusCode::OK);
    // Sign out everywhere: this session, a second one and every token end.
    let second = app.sign_in_again("tok@example.org").await;
    let res = app.post("/settings/signout-everywhere", &w.cookie, &format!("csrf={}", w.csrf)).await;
    assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/signin"));
    for cookie in [&w.cookie, &second] {
        assert_eq!(app.get("/today", cookie).await.location, "/signin");
    }
    assert_eq!(bearer(&app, &kept, "/api/v1/today").await, StatusCode::UNAUTHORIZED);
    assert_eq!(bearer(&app, &other_token(&app, &other).await, "/api/v1/today").await, StatusCode::OK);
}

async fn other_token(app: &App, w: &Walker) -> String {
    let (token, digest) = web::new_api_token();
    app.state.store().create_api_token(w.account.id, &digest, "o", jiff::Timestamp::now(), None).await.unwrap();
    token
}

/// Regression (#11, defect 4): uploads were held whole in memory. A file over
/// the per-file limit is refused with its own line while the others in the same
/// upload are imported, and the API takes the same limit.
#[tokio::test]
async fn a_file_over_the_limit_is_refused_and_the_rest_imported() {
    let app = App::new().await;
    let w = app.walker_with_plan("big@example.org", 6, 7).await;
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let walk = crate::routes::gpx_walk(coach::dates::add_days(today, -2));
    let big = "x".repeat(web::FILE_LIMIT + 1);
    let res = app.send(crate::routes::upload(&w.cookie, &w.csrf, &[("huge.fit", &big), ("walk.gpx", &walk)])).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("huge.fit: not imported: larger than 16 MB"), "{}", res.body);
    assert!(res.body.contains("walk.gpx: imported"), "{}", res.body);
    // A restore larger than its page takes is said as that, in the walker's language.
    let mut restore = crate::routes::upload(&w.cookie, &w.csrf, &[("archive.json", &"x".repeat(3 * 1024 * 1024))]);
    *restore.uri_mut() = "/settings/restore".parse().unwrap();
    restore.headers_mut().insert("accept-language", "es".parse().unwrap());
    let res = app.send(restore).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("El envío es más grande de lo que admite esta página"), "{}", res.body);
    // As a browser sends it, in pieces: the token first, then the archive meets the limit.
    let b = "retrowalkboundary";
    let head = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--{b}\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"a.json\"\r\n\r\n",
        w.csrf
    );
    let mut pieces: Vec<Result<Vec<u8>, std::io::Error>> = vec![Ok(head.into_bytes())];
    pieces.extend((0..48).map(|_| Ok(vec![b'x'; 64 * 1024])));
    pieces.push(Ok(format!("\r\n--{b}--\r\n").into_bytes()));
    let streamed = axum::http::Request::post("/settings/restore")
        .header("cookie", &w.cookie)
        .header("content-type", format!("multipart/form-data; boundary={b}"))
        .header("accept-language", "es")
        .body(axum::body::Body::from_stream(futures_util::stream::iter(pieces)))
        .unwrap();
    let res = app.send(streamed).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("El envío es más grande de lo que admite esta página"), "{}", res.body);
    // Through the API: up to one file's limit, then 413.
    let (token, digest) = web::new_api_token();
    app.state.store().create_api_token(w.account.id, &digest, "t", jiff::Timestamp::now(), None).await.unwrap();
    let post = |body: String| {
        axum::http::Request::post("/api/v1/imports?file_name=a.gpx")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/octet-stream")
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    let three_mb = format!("{}{}", walk, " ".repeat(3 * 1024 * 1024));
    assert_eq!(app.send(post(three_mb)).await.status, StatusCode::OK, "larger than axum's 2 MB default");
    assert_eq!(app.send(post(big)).await.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// Regression (#11, defect 7): axum's own refusals answered plain text.
#[tokio::test]
async fn every_api_error_is_json_with_a_code_and_the_field() {
    let app = App::new().await;
    let w = app.walker_with_plan("json@example.org", 6, 7).await;
    let (token, digest) = web::new_api_token();
    app.state.store().create_api_token(w.account.id, &digest, "t", jiff::Timestamp::now(), None).await.unwrap();
    let send = |method: &str, path: &str, content_type: &str, body: &str| {
        axum::http::Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", content_type)
            .body(axum::body::Body::from(body.to_string()))
            .unwrap()
    };
    let cases = [
        (send("POST", "/api/v1/sessions", "text/plain", "hello"), 415, "unsupported_media_type", None),
        (send("POST", "/api/v1/sessions", "application/json", "{not json"), 400, "bad_request", None),
        (
            send(
                "POST",
                "/api/v1/sessions",
                "application/json",
                r#"{"pain_before": 1, "pain_peak": "x", "pain_after": 1}"#,
            ),
            422,
            "bad_input",
            Some("pain_peak"),
        ),
        (
            send(
                "POST",
                "/api/v1/sessions",
                "application/json",
                r#"{"pain_before": 1, "pain_peak": 11, "pain_after": 1}"#,
            ),
            422,
            "bad_input",
            Some("pain_peak"),
        ),
        (
            send("POST", "/api/v1/imports?file_name=a.gpx&dry_run=maybe", "application/octet-stream", "x"),
            400,
            "bad_request",
            Some("dry_run"),
        ),
        (send("GET", "/api/v1/nowhere", "application/json", ""), 404, "not_found", None),
    ];
    for (req, status, code, field) in cases {
        let what = format!("{} {}", req.method(), req.uri());
        let res = app.send(req).await;
        assert_eq!(res.status.as_u16(), status, "{what}: {}", res.body);
        assert_eq!(res.headers.get("content-type").unwrap(), "application/json", "{what}");
        let v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(v["error"]["code"], code, "{what}: {v}");
        assert!(!v["error"]["message"].as_str().unwrap().is_empty(), "{what}: {v}");
        if let Some(field) = field {
            assert_eq!(v["error"]["field"], field, "{what}: {v}");
        }
    }
}

#[tokio::test]
async fn readyz_answers_while_the_database_does() {
    let app = App::new().await;
    let res = app.get("/readyz", "").await;
    assert_eq!((res.status, res.body.as_str()), (StatusCode::OK, "ok"));
    app.state.store().close().await;
    assert_eq!(app.get("/readyz", "").await.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(app.get("/healthz", "").await.status, StatusCode::OK, "the process is still up");
}

/// The access log: sign-ins (good and bad), exports and sign-outs are
/// recorded with the client address and no health data, and the owner reads
/// them in Settings.
#[tokio::test]
async fn security_events_are_recorded_and_shown_to_the_owner() {
    use store::SecurityKind as K;
    let app = App::new().await;
    let w = app.ready_walker("log@example.org", "a private note about my knee").await;
    // A wrong password, then the right one.
    let page = app.get("/signin", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let form = format!("csrf={}&email=log@example.org&password=wrong+password+here", csrf_in(&page.body));
    assert_eq!(app.post("/signin", &format!("rw_csrf={anon}"), &form).await.status, StatusCode::UNAUTHORIZED);
    let again = app.sign_in_again("log@example.org").await;
    assert_eq!(app.get("/settings/export.json", &w.cookie).await.status, StatusCode::OK);
    assert_eq!(app.get("/report.pdf", &w.cookie).await.status, StatusCode::OK);
    let events = app.state.store().security_events(Some(w.account.id), 20).await.unwrap();
    let kinds: Vec<K> = events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [K::Export, K::Export, K::SignIn, K::SignInFailed, K::AccountCreated]);
    assert_eq!(events[1].detail, "archive json");
    assert_eq!(events[3].detail, "wrong password");
    for e in &events {
        assert!(!e.detail.contains("knee") && !e.detail.contains("log@example.org"), "{e:?}");
    }
    let settings = app.get("/settings", &again).await;
    assert!(settings.body.contains("Recent account activity"), "{}", settings.body);
    assert!(settings.body.contains("Failed sign-in") && settings.body.contains("Data downloaded"));
    // Signing out is recorded too.
    let csrf = csrf_in(&settings.body);
    app.post("/signout", &again, &format!("csrf={csrf}")).await;
    let latest = app.state.store().security_events(Some(w.account.id), 1).await.unwrap();
    assert_eq!(latest[0].kind, K::SignOut);
}

/// A disabled account cannot sign in (and is told why once the password is
/// right), and its sessions and tokens stop at once.
#[tokio::test]
async fn a_disabled_account_is_signed_out_and_cannot_sign_in() {
    let app = App::new().await;
    let w = app.ready_walker("off@example.org", "x").await;
    let (token, digest) = web::new_api_token();
    let store = app.state.store();
    store.create_api_token(w.account.id, &digest, "t", jiff::Timestamp::now(), None).await.unwrap();
    assert_eq!(bearer(&app, &token, "/api/v1/me").await, StatusCode::OK);
    let off = store::SecurityEvent::new(
        store::SecurityKind::AccountDisabled,
        Some(w.account.id),
        "cli",
        "",
        jiff::Timestamp::now(),
    );
    assert!(store.set_account_disabled(w.account.id, true, &off).await.unwrap());
    assert_eq!(app.get("/today", &w.cookie).await.location, "/signin");
    assert_eq!(bearer(&app, &token, "/api/v1/me").await, StatusCode::UNAUTHORIZED);
    let page = app.get("/signin", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let form = format!("csrf={}&email=off@example.org&password=long+enough+password", csrf_in(&page.body));
    let res = app.post("/signin", &format!("rw_csrf={anon}"), &form).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    assert!(res.body.contains("This account is disabled"), "{}", res.body);
    assert!(res.cookies.iter().all(|c| !c.starts_with("rw_session=") || c.starts_with("rw_session=;")));
    // The wrong password for a disabled account says only "wrong".
    let form = format!("csrf={}&email=off@example.org&password=not+the+password", csrf_in(&page.body));
    let res = app.post("/signin", &format!("rw_csrf={anon}"), &form).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(!res.body.contains("disabled"));
}

/// An account an operator made (`retrowalk user add`) has no password until
/// its code is used at /reset: no password signs in before, the chosen one after.
#[tokio::test]
async fn an_account_made_by_the_operator_gets_its_password_through_the_code() {
    let app = App::new().await;
    let store = app.state.store();
    let new = store::NewAccount {
        email: "added@example.org".into(),
        password_hash: "!no-password-yet".into(),
        name: "Ad".into(),
        time_zone: "UTC".into(),
    };
    let a = store.create_account(&new, jiff::Timestamp::now()).await.unwrap();
    let (code, digest) = web::new_reset_code();
    let later = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second() + 600).unwrap();
    store.create_reset_code(a.id, &digest, later).await.unwrap();
    let sign_in = |password: &'static str| {
        let app = &app;
        async move {
            let page = app.get("/signin", "").await;
            let anon = cookie_value(&page.cookies, "rw_csrf");
            let form = format!("csrf={}&email=added@example.org&password={password}", csrf_in(&page.body));
            app.post("/signin", &format!("rw_csrf={anon}"), &form).await.status
        }
    };
    assert_eq!(sign_in("!no-password-yet").await, StatusCode::UNAUTHORIZED);
    let page = app.get("/reset", "").await;
    let anon = cookie_value(&page.cookies, "rw_csrf");
    let form = format!("csrf={}&code={code}&password=long+enough+password", csrf_in(&page.body));
    assert_eq!(app.post("/reset", &format!("rw_csrf={anon}"), &form).await.status, StatusCode::OK);
    assert_eq!(sign_in("long+enough+password").await, StatusCode::SEE_OTHER);
}
