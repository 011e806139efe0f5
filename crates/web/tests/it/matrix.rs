//! The access matrix of clinic mode: every route about one walker (the rows
//! of `access::TABLE` asked as `OthersWalker`, pages and API), asked by every
//! role, read and write, with the answer each must get. A route added to the
//! table is in the matrix at once. Run on SQLite here and on PostgreSQL by
//! `postgres::role_matrix` (`.ci/run`).

use crate::access::{Ask, TABLE};
use crate::api::{call, token_for};
use crate::support::*;
use axum::http::StatusCode;
use store::prelude::*;

/// What a role may do on a route about the walker.
#[derive(Clone, Copy, Debug, PartialEq)]
enum May {
    /// Reads and writes are the handler's (any answer but "not found").
    All,
    /// Reads answer; writes are refused as read-only (break-glass, a walker who left).
    Read,
    /// "Not found", like a walker that does not exist.
    Nothing,
}

/// One asker: who, signed in (cookie and token), about which walker, allowed what.
struct Asker {
    name: &'static str,
    walker: Walker,
    token: String,
    about: i64,
    may: May,
}

/// The people of a clinic, and who may do what about Bea (or Dee, who left).
async fn people(app: &App) -> Vec<Asker> {
    let s = app.state.store();
    let now = app.state.now();
    let bea = app.ready_walker("bea@example.org", "NOTE-OF-BEA").await;
    let dee = app.ready_walker("dee@example.org", "NOTE-OF-DEE").await;
    let knee = s.create_clinic("Knee Clinic", now).await.unwrap();
    let hip = s.create_clinic("Hip Clinic", now).await.unwrap();
    let mut made = Vec::new();
    for (email, clinic, role) in [
        ("doc@example.org", knee, store::MemberRole::Clinician),
        ("nurse@example.org", knee, store::MemberRole::Clinician),
        ("far@example.org", hip, store::MemberRole::Clinician),
        ("admin@example.org", knee, store::MemberRole::Admin),
        ("gone@example.org", knee, store::MemberRole::Clinician),
        ("glass@example.org", knee, store::MemberRole::Clinician),
    ] {
        let w = app.ready_walker(email, "staff").await;
        s.add_member(w.account.id, clinic, role, now).await.unwrap();
        app.pass_two_factor(&w.cookie, None).await;
        made.push(w);
    }
    let [doc, nurse, far, admin, gone, glass] = <[Walker; 6]>::try_from(made).ok().unwrap();
    for w in [&bea, &dee] {
        s.connect(w.account.walker, knee, now).await.unwrap();
        s.add_to_care_team(w.account.walker, knee, doc.account.id, now).await.unwrap();
    }
    s.add_to_care_team(bea.account.walker, knee, gone.account.id, now).await.unwrap();
    s.end_membership(gone.account.id, knee, now).await.unwrap();
    s.disconnect(dee.account.walker, knee, now).await.unwrap();
    let actor = service::Actor::account(&glass.account);
    service::clinics::break_glass(s, &actor, bea.account.walker, "Fell in the waiting room", "test", now)
        .await
        .unwrap();
    let (b, d) = (bea.account.walker.0, dee.account.walker.0);
    let mut out = Vec::new();
    for (name, walker, about, may) in [
        ("the walker herself", bea, b, May::Nothing),
        ("another clinician of the clinic", nurse, b, May::Nothing),
        ("a clinician of another clinic", far, b, May::Nothing),
        ("the clinic's admin", admin, b, May::Nothing),
        ("a removed member once on the team", gone, b, May::Nothing),
        ("the care team, about a walker who left", doc.clone(), d, May::Read),
        ("a clinician in a break-glass", glass, b, May::Read),
        // The care team itself last: its writes change things.
        ("the care team", doc, b, May::All),
    ] {
        out.push(Asker { name, token: token_for(app, &walker).await, walker, about, may });
    }
    out
}

/// Asks every walker route as every role; fails listing every wrong answer.
pub async fn run(app: &App) {
    let askers = people(app).await;
    // Break-glass is how a clinician of the clinic not on the team asks for
    // access, so it answers them by design; its rule is tested in `clinic.rs`.
    let routes: Vec<&str> = TABLE
        .iter()
        .filter(|(p, ask)| *ask == Ask::OthersWalker && !p.contains("/clinics/") && !p.ends_with("/break-glass"))
        .map(|(p, _)| *p)
        .collect();
    assert!(routes.len() >= 16, "{routes:?}");
    let mut wrong = Vec::new();
    for a in &askers {
        let csrf = csrf_in(&app.get("/settings", &a.walker.cookie).await.body);
        for pattern in &routes {
            let path = pattern.replace("{id}", &a.about.to_string());
            let page = !pattern.starts_with("/api/");
            let (read, write) = if page {
                let read = app.get(&path, &a.walker.cookie).await;
                let form = format!(
                    "csrf={csrf}&subject=flag&rule=F-NONE&day=2026-01-01&note=seen&minutes=5&shown=6&role=GP&body=hi"
                );
                (read, app.post(&path, &a.walker.cookie, &form).await)
            } else {
                let body = serde_json::json!({"subject": "flag", "rule": "F-NONE", "day": "2026-01-01", "note": "seen",
                    "reason": "seen", "minutes": 40, "body": "", "role": "GP", "kind": "neither"});
                (
                    app.send(call("GET", &path, &a.token, None)).await,
                    app.send(call("POST", &path, &a.token, Some(body))).await,
                )
            };
            let read_only = |body: &str| {
                body.contains("opens a record to read")
                    || body.contains("read only")
                    || body.contains("can be read but not changed")
            };
            let (r, w) = (read.status, write.status);
            let ok = match a.may {
                May::Nothing => matches!(r.as_u16(), 404 | 405) && matches!(w.as_u16(), 404 | 405),
                // A read route reads; a write route refuses, saying why (405: not a write route).
                May::Read => {
                    r != StatusCode::NOT_FOUND && (w == StatusCode::METHOD_NOT_ALLOWED || read_only(&write.body))
                }
                May::All => r != StatusCode::NOT_FOUND && w != StatusCode::NOT_FOUND && !read_only(&write.body),
            };
            if !ok || r.is_server_error() || w.is_server_error() {
                wrong.push(format!("{} on {path}: read {r}, write {w}", a.name));
            }
            if a.may == May::Nothing {
                for leak in ["NOTE-OF-BEA", "NOTE-OF-DEE"] {
                    assert!(
                        !read.body.contains(leak) && !write.body.contains(leak),
                        "{} read {leak} on {path}",
                        a.name
                    );
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong answers:\n{}", wrong.len(), wrong.join("\n"));
    // The clinic's page: its admin reads it and runs its people, nobody else.
    // (What the admin posts here is refused, so nothing changes.)
    let admin = askers.iter().find(|a| a.name == "the clinic's admin").unwrap().walker.account.id;
    for a in &askers {
        let is_admin = a.name == "the clinic's admin";
        let res = app.get("/clinics/1", &a.walker.cookie).await;
        let expected = if is_admin { StatusCode::OK } else { StatusCode::NOT_FOUND };
        assert_eq!(res.status, expected, "{} on the clinic's page", a.name);
        assert!(!res.body.contains("NOTE-OF-BEA"));
        let csrf = csrf_in(&app.get("/settings", &a.walker.cookie).await.body);
        let refused = if is_admin { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::NOT_FOUND };
        let add = format!("csrf={csrf}&email=nobody%40example.org&role=clinician");
        assert_eq!(app.post("/clinics/1/members", &a.walker.cookie, &add).await.status, refused, "{} adds", a.name);
        let remove = format!("csrf={csrf}&account={admin}");
        let res = app.post("/clinics/1/members/remove", &a.walker.cookie, &remove).await;
        assert_eq!(res.status, refused, "{} removes", a.name);
        let api = app.send(call("GET", "/api/v1/clinics/1/members", &a.token, None)).await;
        assert_eq!(api.status, expected, "{} lists the clinic's people: {}", a.name, api.body);
        let body = serde_json::json!({"email": "nobody@example.org", "role": "clinician"});
        let api = app.send(call("POST", "/api/v1/clinics/1/members", &a.token, Some(body))).await;
        assert_eq!(api.status, refused, "{} adds through the API: {}", a.name, api.body);
    }
}

#[tokio::test]
async fn every_role_gets_its_answer_on_every_walker_route() {
    run(&App::new().await).await;
}
