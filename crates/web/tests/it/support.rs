//! A test app and a browser-like client: cookies, CSRF tokens, form posts.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;
use web::{AppState, Config};

pub struct App {
    pub router: axum::Router,
    pub state: AppState,
    _dir: tempfile::TempDir,
}

pub struct Resp {
    pub status: StatusCode,
    pub location: String,
    pub cookies: Vec<String>,
    pub body: String,
    pub headers: axum::http::HeaderMap,
}

impl App {
    pub async fn new() -> App {
        App::with_config(Config::default()).await
    }

    /// An app whose clock stands still at `at` (for snapshots).
    pub async fn at(at: &str) -> App {
        App::with_config(Config { clock: web::Clock::Fixed(at.parse().unwrap()), ..Config::default() }).await
    }

    pub async fn with_config(config: Config) -> App {
        let dir = tempfile::tempdir().unwrap();
        let url = store::backend::sqlite_url(&dir.path().join("web.db"));
        App::on(&url, config, dir).await
    }

    /// An app on the database at `url` (a scratch PostgreSQL database, say).
    pub async fn on(url: &str, config: Config, dir: tempfile::TempDir) -> App {
        let store = store::backend::connect(url).await.unwrap();
        let state = AppState::new(store, config);
        App { router: web::router(state.clone()), state, _dir: dir }
    }

    /// The SQLite file behind the app, for a second connection (another process).
    pub fn db_path(&self) -> std::path::PathBuf {
        self._dir.path().join("web.db")
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let location = headers.get(header::LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        let cookies = headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string()).collect();
        let body = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).into_owned();
        Resp { status, location, cookies, body, headers }
    }

    /// Loads retrowalk's own example questionnaire, as a clinic would its licensed one.
    pub async fn load_example_questionnaire(&self) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
        service::load_questionnaire(
            self.state.store(),
            &read("knee-days.json"),
            &read("knee-days.scoring.json"),
            None,
            self.state.now(),
        )
        .await
        .unwrap();
    }

    pub async fn get(&self, path: &str, cookie: &str) -> Resp {
        self.send(Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await
    }

    pub async fn post(&self, path: &str, cookie: &str, form: &str) -> Resp {
        self.send(
            Request::post(path)
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(form.to_string()))
                .unwrap(),
        )
        .await
    }

    /// Signs up through the pages; returns a signed-in walker.
    pub async fn sign_up(&self, email: &str) -> Walker {
        let page = self.get("/signup", "").await;
        let anon = cookie_value(&page.cookies, "rw_csrf");
        let token = csrf_in(&page.body);
        let form = format!("csrf={token}&name=Test&email={email}&password=long+enough+password&time_zone=UTC");
        let res = self.post("/signup", &format!("rw_csrf={anon}"), &form).await;
        assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/today"), "{}", res.body);
        let cookie = format!("rw_session={}", cookie_value(&res.cookies, "rw_session"));
        let today = self.get("/learn", &cookie).await;
        let account = self.state.store_account(email).await;
        let access = service::own(self.state.store(), &service::Actor::account(&account)).await.unwrap();
        Walker { cookie, csrf: csrf_in(&today.body), account, access }
    }

    /// A second signed-in session for an account made by [`App::sign_up`]; its cookie.
    pub async fn sign_in_again(&self, email: &str) -> String {
        let page = self.get("/signin", "").await;
        let anon = cookie_value(&page.cookies, "rw_csrf");
        let form = format!("csrf={}&email={email}&password=long+enough+password", csrf_in(&page.body));
        let res = self.post("/signin", &format!("rw_csrf={anon}"), &form).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        format!("rw_session={}", cookie_value(&res.cookies, "rw_session"))
    }

    /// Passes the second factor for a staff session as a clinician would:
    /// enrols (the key from the page into an "app", then its code) or, once
    /// enrolled, types the current code. Returns the secret and the recovery codes shown.
    pub async fn pass_two_factor(&self, cookie: &str, secret: Option<&str>) -> (String, Vec<String>) {
        let (secret, codes, _) = self.pass_two_factor_with_code(cookie, secret).await;
        (secret, codes)
    }

    /// [`App::pass_two_factor`], also giving the code that passed (for replay tests:
    /// a code computed later may belong to the next 30-second step).
    pub async fn pass_two_factor_with_code(&self, cookie: &str, secret: Option<&str>) -> (String, Vec<String>, String) {
        let page = self.get("/2fa", cookie).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let secret = match secret {
            Some(s) => s.to_string(),
            None => {
                let at = page.body.find("id=\"secret\">").unwrap_or_else(|| panic!("no key in {}", page.body)) + 12;
                let rest = &page.body[at..];
                rest[..rest.find('<').unwrap()].replace(' ', "")
            }
        };
        let code = web::totp_code_for_tests(&secret, self.state.now().as_second()).unwrap();
        let res = self.post("/2fa", cookie, &format!("csrf={}&code={code}", csrf_in(&page.body))).await;
        assert!(res.status.is_success() || res.status.is_redirection(), "{}: {}", res.status, res.body);
        let codes = res.body.match_indices("<li><code>").map(|(i, _)| res.body[i + 10..i + 24].to_string()).collect();
        (secret, codes, code)
    }

    /// A signed-up walker who has screened clear and set up a programme of
    /// `weeks` that began `days_ago`.
    pub async fn walker_with_plan(&self, email: &str, weeks: u8, days_ago: i64) -> Walker {
        let w = self.sign_up(email).await;
        let today = self.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let store = self.state.store();
        service::screen(store, w.access, &coach::screening::Answers::all_no(), self.state.now()).await.unwrap();
        let days = coach::setup::Day::ALL.to_vec();
        let setup = coach::setup::Setup {
            equipment: coach::setup::Equipment {
                treadmill: true,
                safety_key: true,
                handrails: true,
                ..Default::default()
            },
            training_days: days,
            start: coach::dates::add_days(today, -days_ago),
            time_zone: "UTC".into(),
            baseline_pain: coach::Pain::new(2).unwrap(),
            weeks,
            forward_speed_tenths: 30,
        };
        service::set_up(store, w.access, &setup, self.state.now()).await.unwrap();
        w
    }

    /// A signed-up walker who has screened clear and set up, with one session logged.
    pub async fn ready_walker(&self, email: &str, note: &str) -> Walker {
        let w = self.walker_with_plan(email, 6, 7).await;
        let today = self.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let store = self.state.store();
        let state = service::load(store, w.access, today).await.unwrap();
        // The latest session day, unless it is too long ago to check in on
        // (a Monday's, last Friday): then yesterday, as an extra session.
        let latest = state.programme.retro_dates().into_iter().rev().find(|d| *d < today).unwrap();
        let yesterday = coach::dates::add_days(today, -1);
        let date = if (today - latest).get_days() > 2 { yesterday } else { latest };
        let input = service::LogInput {
            date: Some(date),
            pain_before: coach::Pain::new(1).ok(),
            pain_peak: coach::Pain::new(2).ok(),
            pain_after: coach::Pain::new(1).ok(),
            notes: note.into(),
            ..Default::default()
        };
        service::log_session(store, &state, input, self.state.now()).await.unwrap();
        w
    }
}

#[derive(Clone)]
pub struct Walker {
    pub cookie: String,
    pub csrf: String,
    pub account: store::Account,
    /// The walker's own grant, for tests that set things up through the service.
    pub access: service::Access,
}

pub fn cookie_value(cookies: &[String], name: &str) -> String {
    cookies
        .iter()
        .find_map(|c| c.strip_prefix(&format!("{name}=")).map(|v| v.split(';').next().unwrap().to_string()))
        .unwrap_or_else(|| panic!("no {name} cookie in {cookies:?}"))
}

pub fn csrf_in(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").unwrap_or_else(|| panic!("no csrf field in {html}")) + 19;
    html[i..i + 64].to_string()
}

trait StoreAccount {
    async fn store_account(&self, email: &str) -> store::Account;
}

impl StoreAccount for AppState {
    async fn store_account(&self, email: &str) -> store::Account {
        use store::prelude::*;
        self.store().account_by_email(email).await.unwrap().unwrap()
    }
}
