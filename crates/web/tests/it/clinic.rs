//! Clinic mode through the pages: a clinician invites a walker, the walker
//! agrees and joins, the clinician works on the walker's page (acknowledges a
//! flag, signs a restart, writes), and every step lands in the walker's
//! access log. Refusals say why and write nothing.

use crate::support::*;
use axum::http::StatusCode;
use store::prelude::*;

struct Clinic {
    app: App,
    doc: Walker,
    bea: Walker,
    id: store::ClinicId,
}

/// A clinic with Dr Doc as a clinician, and Bea, a walker not yet in its care.
async fn clinic() -> Clinic {
    let app = App::new().await;
    let doc = app.ready_walker("doc@example.org", "note-of-doc").await;
    let bea = app.ready_walker("bea@example.org", "NOTE-OF-BEA").await;
    let s = app.state.store();
    let id = s.create_clinic("Knee Clinic", app.state.now()).await.unwrap();
    s.add_member(doc.account.id, id, store::MemberRole::Clinician, app.state.now()).await.unwrap();
    // A clinician passes the second factor (set up on first sign-in).
    app.pass_two_factor(&doc.cookie, None).await;
    Clinic { app, doc, bea, id }
}

/// Bea logs today's session with a red-flag symptom: her programme stops.
async fn red_flag_today(c: &Clinic) {
    let s = c.app.state.store();
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let state = service::load(s, c.bea.access, today).await.unwrap();
    let input = service::LogInput {
        pain_before: coach::Pain::new(2).ok(),
        pain_peak: coach::Pain::new(3).ok(),
        pain_after: coach::Pain::new(2).ok(),
        symptoms: vec![coach::history::Symptom::KneeLocked],
        ..Default::default()
    };
    service::log_session(s, &state, input, c.app.state.now()).await.unwrap();
}

/// The invitation code shown on the invite page.
fn code_in(html: &str) -> String {
    let at = html.find("<p class=\"code\"").unwrap_or_else(|| panic!("no code in {html}"));
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    rest[start..start + 9].to_string()
}

async fn invite_and_join(c: &Clinic) {
    let page = c.app.get("/patients", &c.doc.cookie).await;
    assert!(page.body.contains("Invite a walker"), "{}", page.body);
    let csrf = csrf_in(&page.body);
    let invite = c.app.post("/patients/invite", &c.doc.cookie, &format!("csrf={csrf}&clinic={}", c.id)).await;
    assert_eq!(invite.status, StatusCode::OK, "{}", invite.body);
    assert!(invite.body.contains("<svg role=\"img\""), "the QR code is drawn inline: {}", invite.body);
    let code = code_in(&invite.body);
    assert!(invite.body.contains(&format!("/join/{code}")));

    // A wrong code says so, and the consent screen waits for agreement.
    let wrong = c.app.get("/join?code=AAAA-AAAA", &c.bea.cookie).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Check the code: it is unknown, already used or out of date"), "{}", wrong.body);
    let consent = c.app.get(&format!("/join/{}", code.to_lowercase()), &c.bea.cookie).await;
    assert_eq!(consent.status, StatusCode::OK, "{}", consent.body);
    assert!(consent.body.contains("What the clinic will see") && consent.body.contains("Knee Clinic"));
    let bea_csrf = csrf_in(&consent.body);
    let unsure = c.app.post("/join", &c.bea.cookie, &format!("csrf={bea_csrf}&code={code}")).await;
    assert_eq!(unsure.status, StatusCode::UNPROCESSABLE_ENTITY, "joining needs the box ticked");
    assert!(c.app.get("/patients", &c.doc.cookie).await.body.contains("Nobody is in your care yet"));
    let joined = c.app.post("/join", &c.bea.cookie, &format!("csrf={bea_csrf}&code={code}&agree=yes")).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    assert!(joined.body.contains("You are now in the care of Knee Clinic"), "{}", joined.body);
    // Used once: the same code again is refused.
    let again = c.app.get(&format!("/join/{code}"), &c.bea.cookie).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_clinician_invites_a_walker_who_agrees_and_joins() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let bea_id = c.bea.account.walker.0;
    // The inviting clinician is on Bea's care team: she is on the list, linked.
    let list = c.app.get("/patients", &c.doc.cookie).await.body;
    assert!(list.contains(&format!("href=\"/patients/{bea_id}\"")), "{list}");
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("NOTE-OF-BEA"), "the clinician reads the walker's report");
    // One tap on the list approves the coach's last decision, and the row says so.
    assert!(!list.contains("✓ Decision approved"));
    let rule_at = list.find("name=\"rule\" value=\"").unwrap() + 19;
    let rule = &list[rule_at..rule_at + list[rule_at..].find('"').unwrap()];
    let day_at = list.find("name=\"day\" value=\"").unwrap() + 18;
    let day = &list[day_at..day_at + 10];
    let form = format!("csrf={}&subject=decision&rule={rule}&day={day}&back=list", csrf_in(&list));
    let done = c.app.post(&format!("/patients/{bea_id}/review"), &c.doc.cookie, &form).await;
    assert_eq!(done.location, "/patients", "{}", done.body);
    assert!(c.app.get("/patients", &c.doc.cookie).await.body.contains("✓ Decision approved"));
    // Bea reads who joined and who looked, in her own words.
    let settings = c.app.get("/settings", &c.bea.cookie).await.body;
    assert!(settings.contains("doc@example.org"), "{settings}");
    // Bea's own id on the clinician's route is not hers to use: her pages are her own.
    assert_eq!(c.app.get(&format!("/patients/{bea_id}"), &c.bea.cookie).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_clinician_acknowledges_signs_a_restart_and_writes() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let bea_id = c.bea.account.walker.0;
    let s = c.app.state.store();
    // Bea logs a session with a red-flag symptom: the programme stops.
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    red_flag_today(&c).await;

    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(page.contains("F-RED-FLAG") && page.contains("Sign the restart"), "{page}");
    let csrf = csrf_in(&page);
    // Bea cannot type a clinician's name for the restart: her care team signs it.
    let restart = c.app.get("/restart", &c.bea.cookie).await;
    let bea_csrf = csrf_in(&restart.body);
    let typed = c
        .app
        .post("/restart", &c.bea.cookie, &format!("csrf={bea_csrf}&by=Dr+X&role=GP&note=ok&minutes=5&shown=5"))
        .await;
    assert_eq!(typed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(typed.body.contains("Your care team at Knee Clinic signs the restart"), "{}", typed.body);
    let spanish = format!("{}; lang=es", c.bea.cookie);
    let typed =
        c.app.post("/restart", &spanish, &format!("csrf={bea_csrf}&by=Dr+X&role=GP&note=ok&minutes=5&shown=5")).await;
    assert!(typed.body.contains("Su equipo de atención de Knee Clinic firma la reanudación"), "{}", typed.body);

    // An acknowledgement needs a note; with one, the flag is acknowledged.
    let ack = |note: &str| format!("csrf={csrf}&subject=flag&rule=F-RED-FLAG&day={today}&note={note}");
    let empty = c.app.post(&format!("/patients/{bea_id}/review"), &c.doc.cookie, &ack("")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Write a few words about what you did or decided."), "{}", empty.body);
    let done = c.app.post(&format!("/patients/{bea_id}/review"), &c.doc.cookie, &ack("Called+her")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

    // The restart is signed with the clinician's account and clinic.
    let minutes = service::restart_dose(&service::load(s, c.bea.access, today).await.unwrap(), &Default::default())
        .unwrap()
        .minutes;
    // Refusals are said in the clinician's language, with nothing signed.
    let restart = |minutes: &str, shown: &str| {
        format!("csrf={csrf}&minutes={minutes}&shown={shown}&role=physiotherapist&note=Knee+checked")
    };
    let spanish = format!("{}; lang=es", c.doc.cookie);
    let path = format!("/patients/{bea_id}/restart");
    let typed = c.app.post(&path, &c.doc.cookie, &restart("five", "5")).await;
    assert_eq!(typed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(typed.body.contains("«five» is not a whole number: write one from 3 to 20."), "{}", typed.body);
    let changed = c.app.post(&path, &spanish, &restart("4", &minutes.to_string())).await;
    assert_eq!(changed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        changed.body.contains("Con los minutos elegidos, la dosis de la reanudación es ahora: 4 min"),
        "{}",
        changed.body
    );
    assert!(service::load(s, c.bea.access, today).await.unwrap().pause().is_some(), "nothing was signed");
    let form = restart(&minutes.to_string(), &minutes.to_string());
    let signed = c.app.post(&path, &c.doc.cookie, &form).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let again = c.app.post(&path, &spanish, &form).await;
    assert!(again.body.contains("No hay nada que reanudar: el programa no está detenido."), "{}", again.body);
    let again = c.app.post(&path, &c.doc.cookie, &form).await;
    assert!(again.body.contains("There is nothing to restart: the programme is not stopped."), "{}", again.body);
    let after = service::load(s, c.bea.access, today).await.unwrap();
    let o = after.history.overrides.last().unwrap();
    assert_eq!(o.signer, Some(coach::history::Signer { account: c.doc.account.id.0, clinic: c.id.0 }));
    assert_eq!((o.by.as_str(), o.role.as_str()), ("Test", "physiotherapist, Knee Clinic"));
    assert!(after.pause().is_none(), "Bea trains again");

    // A message reaches Bea, unread until she opens her care page, and back.
    let sent = c
        .app
        .post(&format!("/patients/{bea_id}/message"), &c.doc.cookie, &format!("csrf={csrf}&body=How+is+the+knee%3F"))
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let care = c.app.get("/care", &c.bea.cookie).await.body;
    assert!(care.contains("How is the knee?") && care.contains("1 new"), "{care}");
    assert!(!c.app.get("/care", &c.bea.cookie).await.body.contains("1 new"), "read once opened");
    let reply =
        c.app.post("/care/message", &c.bea.cookie, &format!("csrf={bea_csrf}&clinic={}&body=Better", c.id)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let list = c.app.get("/patients", &c.doc.cookie).await.body;
    assert!(list.contains("✉ 1"), "{list}");

    // Every write is in Bea's access log, by the clinician.
    let events = s.walker_events(c.bea.account.walker, 50).await.unwrap();
    let writes: Vec<&str> =
        events.iter().filter(|e| e.kind == store::SecurityKind::ClinicianWrite).map(|e| e.detail.as_str()).collect();
    assert!(writes.contains(&"signed a restart") && writes.contains(&"review"), "{writes:?}");
}

/// A walker who leaves: the care team keeps reading what was shared until
/// then, read only, and nothing recorded after reaches them.
#[tokio::test]
async fn a_walker_who_leaves_is_seen_only_as_they_stood() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let bea_id = c.bea.account.walker.0;
    let care = c.app.get("/care", &c.bea.cookie).await;
    let csrf = csrf_in(&care.body);
    let left = c.app.post("/care/leave", &c.bea.cookie, &format!("csrf={csrf}&clinic={}", c.id)).await;
    assert!(left.body.contains("You have left the clinic"), "{}", left.body);
    let list = c.app.get("/patients", &c.doc.cookie).await.body;
    assert!(list.contains("Nobody is in your care yet") && list.contains("Walkers who left your care"), "{list}");
    // What Bea records now never reaches the clinic: it reads her record as it stood.
    let s = c.app.state.store();
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let state = service::load(s, c.bea.access, today).await.unwrap();
    let input = service::LogInput {
        date: Some(coach::dates::add_days(today, 0)),
        pain_before: coach::Pain::new(1).ok(),
        pain_peak: coach::Pain::new(1).ok(),
        pain_after: coach::Pain::new(1).ok(),
        notes: "AFTER-LEAVING".into(),
        ..Default::default()
    };
    let later = c.app.state.now().checked_add(jiff::SignedDuration::from_hours(24)).unwrap();
    let mut state = state;
    state.today = coach::dates::add_days(today, 1);
    let input = service::LogInput { date: Some(state.today), ..input };
    service::log_session(s, &state, input, later).await.unwrap();
    // Her phone's recording of that later session stays hers too.
    let state = service::load(s, c.bea.access, state.today).await.unwrap();
    let walk = gait::synthetic::walk_csv(40, 0.55, true);
    service::motion::import(s, &state, state.today, &upload("later.csv", &walk), later).await.unwrap();
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("left your clinic&#39;s care on") && page.body.contains("NOTE-OF-BEA"), "{}", page.body);
    assert!(!page.body.contains("AFTER-LEAVING"), "nothing after she left");
    assert!(page.body.contains("No motion recordings yet.") && !page.body.contains("report-cadence"), "{}", page.body);
    let form = format!("csrf={}&body=hello", csrf_in(&page.body));
    let write = c.app.post(&format!("/patients/{bea_id}/message"), &c.doc.cookie, &form).await;
    assert_eq!(write.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(write.body.contains("can be read but not changed"), "{}", write.body);
}

/// The API does what the pages do: invite, join with agreement, read the
/// walker, sign the restart after a red flag (409 for what cannot be done
/// now), write, and the walker reads it.
#[tokio::test]
async fn the_api_carries_every_clinician_action() {
    use crate::api::{call, token_for};
    let c = clinic().await;
    let (doc, bea) = (token_for(&c.app, &c.doc).await, token_for(&c.app, &c.bea).await);
    let send = |token: &str, method: &str, path: &str, body: Option<serde_json::Value>| {
        let req = call(method, path, token, body);
        async { c.app.send(req).await }
    };
    let invite = send(&doc, "POST", "/api/v1/invitations", Some(serde_json::json!({}))).await;
    assert_eq!(invite.status, StatusCode::CREATED, "{}", invite.body);
    let code = serde_json::from_str::<serde_json::Value>(&invite.body).unwrap()["code"].as_str().unwrap().to_string();
    let unsure = send(&bea, "POST", "/api/v1/care/join", Some(serde_json::json!({"code": code, "agree": false}))).await;
    assert_eq!(unsure.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unsure.body.contains("\"field\":\"agree\""), "{}", unsure.body);
    let joined = send(&bea, "POST", "/api/v1/care/join", Some(serde_json::json!({"code": code, "agree": true}))).await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.body);
    assert!(joined.body.contains("Knee Clinic"));

    // A flag filter that is no rule names its field.
    let odd = send(&doc, "GET", "/api/v1/patients?flag=F-NOPE", None).await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", odd.body);
    assert!(odd.body.contains("\"field\":\"flag\""), "{}", odd.body);
    let path = format!("/api/v1/patients/{}", c.bea.account.walker);
    let read = send(&doc, "GET", &path, None).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    // Nothing is stopped: a restart is refused as not possible now, and nothing is written.
    let early = send(&doc, "POST", &format!("{path}/restart"), Some(serde_json::json!({"note": "fine"}))).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);
    let too_much =
        send(&doc, "POST", &format!("{path}/override"), Some(serde_json::json!({"minutes": 40, "reason": "more"})))
            .await;
    assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", too_much.body);
    assert!(too_much.body.contains("\"field\":\"minutes\""), "{}", too_much.body);

    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    red_flag_today(&c).await;
    let revert = send(&doc, "POST", &format!("{path}/revert"), Some(serde_json::json!({"note": "undo"}))).await;
    assert_eq!(revert.status, StatusCode::CONFLICT, "a stop is not reverted: {}", revert.body);
    let signed = send(
        &doc,
        "POST",
        &format!("{path}/restart"),
        Some(serde_json::json!({"role": "GP", "note": "Knee checked", "minutes": 4})),
    )
    .await;
    assert_eq!(signed.status, StatusCode::CREATED, "{}", signed.body);
    let signed: serde_json::Value = serde_json::from_str(&signed.body).unwrap();
    assert_eq!((signed["account"].as_i64(), signed["clinic"].as_i64()), (Some(c.doc.account.id.0), Some(c.id.0)));
    assert_eq!(signed["role"], "GP, Knee Clinic");
    assert_eq!(signed["dose"]["minutes"], 4);

    let msg =
        send(&doc, "POST", &format!("{path}/messages"), Some(serde_json::json!({"body": "Restarted at 4"}))).await;
    assert_eq!(msg.status, StatusCode::CREATED);
    let care: serde_json::Value = serde_json::from_str(&send(&bea, "GET", "/api/v1/care", None).await.body).unwrap();
    assert_eq!((care[0]["unread"].as_u64(), &care[0]["messages"][0]["body"]), (Some(1), &"Restarted at 4".into()));
    let ack = serde_json::json!({"subject": "flag", "rule": "F-RED-FLAG", "day": today.to_string(), "note": "Seen"});
    assert_eq!(send(&doc, "POST", &format!("{path}/reviews"), Some(ack)).await.status, StatusCode::CREATED);
    let left = send(&bea, "POST", "/api/v1/care/leave", Some(serde_json::json!({"clinic": c.id.0}))).await;
    assert_eq!(left.status, StatusCode::NO_CONTENT);
    assert_eq!(send(&doc, "GET", &path, None).await.status, StatusCode::OK, "read only, as it stood");
    let after =
        send(&doc, "POST", &format!("{path}/messages"), Some(serde_json::json!({"body": "still there?"}))).await;
    assert_eq!(after.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", after.body);
}

/// What the app writes into the record for a clinician (a revert's reason,
/// the role left empty) is in the clinician's language, as what they type is.
#[tokio::test]
async fn a_revert_and_an_empty_role_are_written_in_the_clinicians_language() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let s = c.app.state.store();
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let bea_id = c.bea.account.walker.0;
    let spanish = format!("{}; lang=es", c.doc.cookie);
    let csrf = csrf_in(&c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body);
    let before = service::load(s, c.bea.access, today).await.unwrap();
    let undone = before.timeline().decisions.last().unwrap().effective;
    let reverted =
        c.app.post(&format!("/patients/{bea_id}/revert"), &spanish, &format!("csrf={csrf}&note=Mejor+así")).await;
    assert_eq!(reverted.status, StatusCode::SEE_OTHER, "{}", reverted.body);
    let after = service::load(s, c.bea.access, today).await.unwrap();
    let reason = &after.history.overrides.last().unwrap().reason;
    let day = words::I18n::of(words::Lang::Es).date(&undone);
    assert_eq!(reason, &format!("De vuelta a la dosis anterior al cambio del {day}: Mejor así"));

    let paused =
        c.app.post(&format!("/patients/{bea_id}/stop"), &spanish, &format!("csrf={csrf}&kind=pause&note=Espere")).await;
    assert_eq!(paused.status, StatusCode::SEE_OTHER, "{}", paused.body);
    let after = service::load(s, c.bea.access, today).await.unwrap();
    assert_eq!(after.history.overrides.last().unwrap().role, "profesional sanitario, Knee Clinic");
}

/// A restart signed the day of a morning's red-flag check-in starts the next
/// day: the API's pause says so, and today carries no dose.
#[tokio::test]
async fn the_api_says_when_a_pending_restart_starts() {
    use crate::api::{call, token_for};
    let c = clinic().await;
    invite_and_join(&c).await;
    let (doc, bea) = (token_for(&c.app, &c.doc).await, token_for(&c.app, &c.bea).await);
    let s = c.app.state.store();
    let now = c.app.state.now();
    let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    // (The fixture's walker logged a session yesterday.)
    let state = service::load(s, c.bea.access, today).await.unwrap();
    let flag = vec![coach::history::Symptom::KneeLocked];
    service::check_in(s, &state, None, coach::Pain::new(3).unwrap(), flag, now).await.unwrap();

    let path = format!("/api/v1/patients/{}/restart", c.bea.account.walker);
    let body = serde_json::json!({"role": "GP", "note": "Knee checked", "minutes": 4});
    let signed = c.app.send(call("POST", &path, &doc, Some(body))).await;
    assert_eq!(signed.status, StatusCode::CREATED, "{}", signed.body);
    let answer = c.app.send(call("GET", "/api/v1/today", &bea, None)).await;
    let view: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(view["pause"]["restart_from"], today.tomorrow().unwrap().to_string(), "{view}");
    assert!(view["dose"].is_null(), "no dose on the signing day: {view}");
    // A log today is refused as paused, naming no field (the headline's "Stop" is none).
    let log = serde_json::json!({"pain_before": 1, "pain_peak": 1, "pain_after": 1});
    let refused = c.app.send(call("POST", "/api/v1/sessions", &bea, Some(log))).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    let error: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
    assert!(error["error"]["field"].is_null() && error["error"]["reason"] == "paused", "{error}");
    // The plan holds no dose before the restart's day, and the restart's dose from it.
    let answer = c.app.send(call("GET", "/api/v1/plan", &bea, None)).await;
    let plan: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let tomorrow = today.tomorrow().unwrap();
    let mut ahead = 0;
    for s in plan["sessions"].as_array().unwrap() {
        let date: jiff::civil::Date = s["date"].as_str().unwrap().parse().unwrap();
        if date >= tomorrow {
            ahead += 1;
            assert_eq!(s["dose"]["minutes"], 4, "{s}");
        } else if date == today {
            assert!(s["dose"].is_null(), "{s}");
        }
    }
    assert!(ahead > 0, "{plan}");
    // The report keeps the signed restart, dated the day it starts.
    let report = c.app.get("/report", &c.bea.cookie).await.body;
    let restart = format!("<strong>{tomorrow}</strong> Your clinician");
    assert!(report.contains(&restart) && report.contains("restarted your programme at"), "{report}");
    let page = c.app.get("/plan", &c.bea.cookie).await.body;
    let from = words::I18n::english().date(&tomorrow);
    let said = format!("Until then the plan shows no backward walking; from {from} it shows the restart dose");
    assert!(page.contains(&said), "{page}");
}

/// Break-glass: a clinician of the clinic who is not on the care team opens
/// the record with a reason, reads it and can change nothing; the walker and
/// the clinic's admin see it; the admin sees who and why, never the record.
#[tokio::test]
async fn break_glass_opens_a_record_to_read_and_everyone_is_told() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let s = c.app.state.store();
    let now = c.app.state.now();
    let cover = c.app.ready_walker("cover@example.org", "note-of-cover").await;
    s.add_member(cover.account.id, c.id, store::MemberRole::Clinician, now).await.unwrap();
    c.app.pass_two_factor(&cover.cookie, None).await;
    let admin = c.app.ready_walker("admin@example.org", "note-of-admin").await;
    s.add_member(admin.account.id, c.id, store::MemberRole::Admin, now).await.unwrap();
    c.app.pass_two_factor(&admin.cookie, None).await;
    let bea_id = c.bea.account.walker.0;
    assert_eq!(c.app.get(&format!("/patients/{bea_id}"), &cover.cookie).await.status, StatusCode::NOT_FOUND);

    let list = c.app.get("/patients", &cover.cookie).await.body;
    let csrf = csrf_in(&list);
    let open = |walker: i64, reason: &str| format!("csrf={csrf}&walker={walker}&reason={reason}");
    let short = c.app.post("/patients/break-glass", &cover.cookie, &open(bea_id, "now")).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("Say in a sentence why you must open this record now"), "{}", short.body);
    let stranger = c.app.ready_walker("ann@example.org", "note-of-ann").await;
    let why = "Fell+in+the+waiting+room%2C+team+unreachable";
    let elsewhere = c.app.post("/patients/break-glass", &cover.cookie, &open(stranger.account.walker.0, why)).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND, "not one of the clinic's walkers");
    let opened = c.app.post("/patients/break-glass", &cover.cookie, &open(bea_id, why)).await;
    assert_eq!(opened.location, format!("/patients/{bea_id}"), "{}", opened.body);
    let page = c.app.get(&format!("/patients/{bea_id}"), &cover.cookie).await.body;
    assert!(page.contains("Break-glass: you can read this record until") && page.contains("NOTE-OF-BEA"), "{page}");
    assert!(!page.contains("/restart\"") && !page.contains("/message\""), "no action is offered");
    let form = format!("csrf={csrf}&body=hello");
    let write = c.app.post(&format!("/patients/{bea_id}/message"), &cover.cookie, &form).await;
    assert_eq!(write.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(write.body.contains("Break-glass opens a record to read only."), "{}", write.body);

    // Bea is told, with who and why.
    let care = c.app.get("/care", &c.bea.cookie).await.body;
    assert!(care.contains("Emergency openings of your record") && care.contains("cover@example.org"), "{care}");
    assert!(care.contains("Fell in the waiting room, team unreachable"));
    // The admin hears of it on their home page, and reads who reached which
    // record, and why; a clinician cannot read that log.
    let home = c.app.get("/patients", &admin.cookie).await.body;
    assert!(home.contains("Break-glass in the last 7 days · Knee Clinic: <strong>1</strong>"), "{home}");
    assert!(home.contains(&format!("href=\"/clinics/{}\"", c.id)), "{home}");
    // The care team's clinician opens their list: the log says how many walkers it showed, not who.
    assert_eq!(c.app.get("/patients", &c.doc.cookie).await.status, StatusCode::OK);
    let log = c.app.get(&format!("/clinics/{}", c.id), &admin.cookie).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    assert!(log.body.contains("cover@example.org") && log.body.contains("team unreachable"), "{}", log.body);
    assert!(log.body.contains("<td>the patient list (walkers shown: 1)</td>"), "{}", log.body);
    assert!(!log.body.contains("NOTE-OF-BEA"), "the admin sees no clinical data");
    // What was read is in the admin's words, in either language; a reason stays as typed.
    assert!(log.body.contains("<td>the walker&#39;s page</td>"), "{}", log.body);
    let spanish = c.app.get(&format!("/clinics/{}", c.id), &format!("{}; lang=es", admin.cookie)).await.body;
    assert!(spanish.contains("la página del paciente") && !spanish.contains("walker page"), "{spanish}");
    assert!(spanish.contains("<td>la lista de pacientes (pacientes mostrados: 1)</td>"), "{spanish}");
    assert!(spanish.contains("team unreachable"), "{spanish}");
    assert_eq!(c.app.get(&format!("/clinics/{}", c.id), &c.doc.cookie).await.status, StatusCode::NOT_FOUND);
}

/// Monitoring time: the page counts days with data in the 30-day window from
/// joining, and the clinic's minutes this month; a bad number is refused.
#[tokio::test]
async fn monitoring_counts_days_with_data_and_the_clinicians_minutes() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let bea_id = c.bea.account.walker.0;
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(page.contains("Monitoring since") && page.contains("<strong>0</strong> minutes"), "{page}");
    assert!(page.contains("timer.js"), "the timer fills the minutes while the page is open");
    let csrf = csrf_in(&page);
    let none =
        c.app.post(&format!("/patients/{bea_id}/minutes"), &c.doc.cookie, &format!("csrf={csrf}&minutes=0")).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("Write a number from 1 to 480 (not 0)."), "{}", none.body);
    let form = format!("csrf={csrf}&minutes=7&timer=1&note=reviewed+pain");
    assert_eq!(
        c.app.post(&format!("/patients/{bea_id}/minutes"), &c.doc.cookie, &form).await.status,
        StatusCode::SEE_OTHER
    );
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(page.contains("<strong>7</strong> minutes"), "{page}");
}

/// The care team pauses, then ends, Bea's programme: each needs a note she
/// reads, Bea then sees no dose on Today, the plan or the API, cannot pause
/// her own programme past her care team, and a signed restart lifts it.
#[tokio::test]
async fn the_care_team_pauses_and_ends_a_programme_until_a_restart() {
    use crate::api::{call, token_for};
    let c = clinic().await;
    invite_and_join(&c).await;
    let bea_id = c.bea.account.walker.0;
    let s = c.app.state.store();
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(page.contains("Pause or end the programme") && page.contains("value=\"pause\""), "{page}");
    let csrf = csrf_in(&page);
    let (app, cookie, stop_path) = (&c.app, &c.doc.cookie, format!("/patients/{bea_id}/stop"));
    let stop = |form: String| {
        let path = stop_path.clone();
        async move { app.post(&path, cookie, &form).await }
    };
    // Refused, written again with why, and nothing recorded.
    let silent = stop(format!("csrf={csrf}&kind=pause&note=+")).await;
    assert_eq!(silent.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(silent.body.contains("Write a few words about what you did or decided."), "{}", silent.body);
    let odd = stop(format!("csrf={csrf}&kind=later&note=Scan")).await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(odd.body.contains("This page sent something it should not have"), "{}", odd.body);
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    assert!(service::load(s, c.bea.access, today).await.unwrap().history.overrides.is_empty());

    let paused = stop(format!("csrf={csrf}&kind=pause&role=physiotherapist&note=Wait+for+your+scan")).await;
    assert_eq!(paused.status, StatusCode::SEE_OTHER, "{}", paused.body);
    let bea_today = c.app.get("/today", &c.bea.cookie).await.body;
    for expected in
        ["Backward walking is paused by your care team", "Wait for your scan", "physiotherapist, Knee Clinic"]
    {
        assert!(bea_today.contains(expected), "Today lacks {expected:?}: {bea_today}");
    }
    assert!(!bea_today.contains("Start guided session"), "{bea_today}");
    let plan = c.app.get("/plan", &c.bea.cookie).await.body;
    assert!(plan.contains("paused") && !plan.contains("Your dose now"), "{plan}");
    // Her access log says what her care team did, and names no dose's minutes while she may not train.
    let settings = c.app.get("/settings", &c.bea.cookie).await.body;
    assert!(
        settings
            .contains("Your programme was paused. Before: a backward-walking dose. After: paused by your care team."),
        "{settings}"
    );
    let seen = &settings[settings.find("Who has seen my data").expect("the access log")..];
    assert!(!seen.contains("minutes") && !seen.contains("min backward"), "{seen}");
    // While paused, no test she performs is asked of her: ratings only.
    let outcomes = c.app.get("/outcomes", &c.bea.cookie).await.body;
    let at = outcomes.find("id=\"due-h\"").expect("ratings are due at baseline");
    let due = &outcomes[at..at + outcomes[at..].find("</section>").unwrap()];
    assert!(due.contains("Knee pain now") && !due.contains("Timed Up and Go") && !due.contains("fast walk"), "{due}");
    let bea = token_for(&c.app, &c.bea).await;
    let p: serde_json::Value =
        serde_json::from_str(&c.app.send(call("GET", "/api/v1/plan", &bea, None)).await.body).unwrap();
    assert_eq!(p["pause"]["kind"], "clinician");
    assert!(p["current"].is_null());
    // Her history's latest decision says the pause, not the dose it gave.
    let sessions: serde_json::Value =
        serde_json::from_str(&c.app.send(call("GET", "/api/v1/sessions", &bea, None)).await.body).unwrap();
    let latest = &sessions.as_array().unwrap().last().expect("Bea logged a session")["decision"];
    assert!(latest["dose"].is_null(), "{latest}");
    assert!(latest["reason"].as_str().unwrap().contains("paused by your care team"), "{latest}");
    assert!(p["sessions"].as_array().unwrap().iter().all(|s| s["date"].as_str() < Some(&*today.to_string())
        || (s["dose"].is_null() && s["status"] == "paused")));
    // Pausing twice is refused; ending is not.
    let again = stop(format!("csrf={csrf}&kind=pause&note=again")).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("Backward walking is already paused for this walker."), "{}", again.body);

    // Through the API: the clinician ends it, and ending twice is a conflict.
    let doc = token_for(&c.app, &c.doc).await;
    let path = format!("/api/v1/patients/{bea_id}/stop");
    let end = serde_json::json!({"kind": "end", "note": "Discharged to the gym programme"});
    let ended = c.app.send(call("POST", &path, &doc, Some(end.clone()))).await;
    assert_eq!(ended.status, StatusCode::CREATED, "{}", ended.body);
    let ended: serde_json::Value = serde_json::from_str(&ended.body).unwrap();
    assert_eq!((ended["status"].as_str(), ended["decision"]["rule"].as_str()), (Some("end"), Some("A-CLINICIAN-END")));
    assert_eq!(c.app.send(call("POST", &path, &doc, Some(end))).await.status, StatusCode::CONFLICT);
    let t: serde_json::Value =
        serde_json::from_str(&c.app.send(call("GET", "/api/v1/today", &bea, None)).await.body).unwrap();
    assert!(t["session"].is_null() && t["pause"]["kind"] == "ended", "{t}");
    // Bea cannot stop or restart her own programme past her care team.
    let mine = serde_json::json!({"kind": "pause", "note": "I feel fine"});
    let own = c.app.send(call("POST", &format!("/api/v1/patients/{bea_id}/stop"), &bea, Some(mine))).await;
    assert_eq!(own.status, StatusCode::NOT_FOUND, "{}", own.body);

    // The care team's restart lifts it.
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(page.contains("Sign the restart") && !page.contains("value=\"pause\""), "{page}");
    let minutes = service::restart_dose(&service::load(s, c.bea.access, today).await.unwrap(), &Default::default())
        .unwrap()
        .minutes;
    let form = format!("csrf={csrf}&minutes={minutes}&shown={minutes}&role=physiotherapist&note=Scan+clear");
    let signed = c.app.post(&format!("/patients/{bea_id}/restart"), &c.doc.cookie, &form).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert!(service::load(s, c.bea.access, today).await.unwrap().pause().is_none(), "Bea trains again");
    let events = s.walker_events(c.bea.account.walker, 50).await.unwrap();
    let stops = events.iter().filter(|e| e.detail == "stopped the programme").count();
    assert_eq!(stops, 6, "every try by her care team is in Bea's access log, refused or not");
    // What each change did, before and after, is there too, for Bea alone.
    let changes: Vec<&str> =
        events.iter().filter(|e| e.kind == store::SecurityKind::RecordChanged).map(|e| e.detail.as_str()).collect();
    assert_eq!(changes.len(), 3, "{changes:?}");
    assert!(
        changes.iter().any(|c| c.starts_with("pause: before: ")
            && c.contains(" min backward")
            && c.ends_with("after: no dose (clinician, A-CLINICIAN-PAUSE)")),
        "{changes:?}"
    );
    assert!(changes.iter().any(|c| c.starts_with("end: before: no dose (clinician")), "{changes:?}");
    assert!(
        changes.iter().any(|c| c.starts_with("restart: before: no dose (ended") && c.contains("after: ")),
        "{changes:?}"
    );
    // Bea reads each change in her own words and language, not the log's English.
    let settings = c.app.get("/settings", &c.bea.cookie).await.body;
    assert!(settings.contains("A clinician changed your programme"), "{settings}");
    assert!(
        settings.contains("Your programme was paused. Before: a backward-walking dose of ")
            && settings.contains("After: paused by your care team."),
        "{settings}"
    );
    assert!(settings.contains("Your programme was restarted. Before: ended by your care team."), "{settings}");
    assert!(!settings.contains("min backward"), "history, not a dose to follow");
    let ajustes = c
        .app
        .send(
            axum::http::Request::get("/settings")
                .header(axum::http::header::COOKIE, &c.bea.cookie)
                .header(axum::http::header::ACCEPT_LANGUAGE, "es")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .body;
    assert!(ajustes.contains("Se puso en pausa su programa. Antes: ") && !ajustes.contains("before: "), "{ajustes}");
    // The clinic's admin sees that the record was changed, and by whom, not the values.
    let admin = c.app.ready_walker("admin@example.org", "note-of-admin").await;
    s.add_member(admin.account.id, c.id, store::MemberRole::Admin, c.app.state.now()).await.unwrap();
    c.app.pass_two_factor(&admin.cookie, None).await;
    let log = c.app.get(&format!("/clinics/{}", c.id), &admin.cookie).await.body;
    assert!(log.contains("<td>paused the programme</td>"), "{log}");
    assert!(!log.contains("A-CLINICIAN-PAUSE") && !log.contains("min backward"), "{log}");
}

/// The clinic's admin runs its people on the clinic page: adds someone by
/// the e-mail of their account, ends a membership (which cuts their access at
/// once), cannot end their own; every change is a role change in the log.
#[tokio::test]
async fn the_admin_adds_and_removes_the_clinics_people() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let s = c.app.state.store();
    let admin = c.app.ready_walker("admin@example.org", "note-of-admin").await;
    s.add_member(admin.account.id, c.id, store::MemberRole::Admin, c.app.state.now()).await.unwrap();
    c.app.pass_two_factor(&admin.cookie, None).await;
    // Cover is a clinician at another clinic: a staff account already.
    let cover = c.app.ready_walker("cover@example.org", "note-of-cover").await;
    let elsewhere = s.create_clinic("Hip Clinic", c.app.state.now()).await.unwrap();
    s.add_member(cover.account.id, elsewhere, store::MemberRole::Clinician, c.app.state.now()).await.unwrap();
    let path = format!("/clinics/{}", c.id);
    let page = c.app.get(&path, &admin.cookie).await.body;
    assert!(
        page.contains("People") && page.contains("doc@example.org") && page.contains("admin@example.org"),
        "{page}"
    );
    let csrf = csrf_in(&page);
    let add = |email: &str, role: &str| format!("csrf={csrf}&email={email}&role={role}");

    // Refusals say why, keep what was typed, and change nothing.
    let unknown = c.app.post(&format!("{path}/members"), &admin.cookie, &add("who%40example.org", "clinician")).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("No clinician or admin account uses who@example.org."), "{}", unknown.body);
    assert!(unknown.body.contains("value=\"who@example.org\""), "what was typed stays");
    // A walker's account answers exactly like no account: admins cannot learn who uses retrowalk.
    let walker = c.app.post(&format!("{path}/members"), &admin.cookie, &add("bea%40example.org", "clinician")).await;
    let flash = |body: &str| body[body.find("class=\"flash\"").unwrap()..].split("</p>").next().unwrap().to_string();
    assert_eq!(flash(&walker.body).replace("bea@", "who@"), flash(&unknown.body));
    assert_eq!(s.memberships(c.bea.account.id).await.unwrap().len(), 0, "Bea stays a walker");
    let odd = c.app.post(&format!("{path}/members"), &admin.cookie, &add("cover%40example.org", "boss")).await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    let twice = c.app.post(&format!("{path}/members"), &admin.cookie, &add("doc%40example.org", "clinician")).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", twice.body);
    assert!(twice.body.contains("already a member"), "{}", twice.body);
    let own = format!("csrf={csrf}&account={}", admin.account.id);
    let mine = c.app.post(&format!("{path}/members/remove"), &admin.cookie, &own).await;
    assert_eq!(mine.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mine.body.contains("you cannot end your own membership here"), "{}", mine.body);

    let added = c.app.post(&format!("{path}/members"), &admin.cookie, &add("cover%40example.org", "clinician")).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let page = c.app.get(&path, &admin.cookie).await.body;
    assert!(page.contains("cover@example.org"), "{page}");
    assert_eq!(s.memberships(cover.account.id).await.unwrap()[0].role, store::MemberRole::Clinician);

    // Ending Dr Doc's membership cuts their access to Bea on the next request.
    let bea_id = c.bea.account.walker.0;
    assert_eq!(c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.status, StatusCode::OK);
    let gone = format!("csrf={csrf}&account={}", c.doc.account.id);
    let removed = c.app.post(&format!("{path}/members/remove"), &admin.cookie, &gone).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    assert_eq!(c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.status, StatusCode::NOT_FOUND);
    let page = c.app.get(&path, &admin.cookie).await.body;
    let people = &page[page.find("id=\"people-h\"").unwrap()..page.find("</section>").unwrap()];
    assert!(!people.contains("doc@example.org") && people.contains("cover@example.org"), "{people}");
    let events = s.security_events(None, 50).await.unwrap();
    let changes: Vec<&str> = events
        .iter()
        .filter(|e| matches!(e.kind, store::SecurityKind::MemberAdded | store::SecurityKind::MembershipEnded))
        .map(|e| e.detail.as_str())
        .collect();
    assert!(
        changes.iter().any(|d| d.starts_with("not a member of clinic") && d.contains("before: clinician")),
        "{changes:?}"
    );
    assert!(
        events.iter().any(|e| e.kind == store::SecurityKind::MemberAdded
            && e.account == Some(cover.account.id)
            && e.client == format!("account {}", admin.account.id)),
        "who added whom"
    );

    // The same through the API.
    use crate::api::{call, token_for};
    let token = token_for(&c.app, &admin).await;
    let api = format!("/api/v1/clinics/{}/members", c.id);
    let people: serde_json::Value =
        serde_json::from_str(&c.app.send(call("GET", &api, &token, None)).await.body).unwrap();
    let emails: Vec<&str> = people.as_array().unwrap().iter().map(|m| m["email"].as_str().unwrap()).collect();
    assert_eq!(emails, ["admin@example.org", "cover@example.org"]);
    let body = serde_json::json!({"email": "doc@example.org", "role": "admin"});
    let back = c.app.send(call("POST", &api, &token, Some(body))).await;
    assert_eq!(back.status, StatusCode::CREATED, "{}", back.body);
    let gone = format!("{api}/{}", cover.account.id);
    assert_eq!(c.app.send(call("DELETE", &gone, &token, None)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(c.app.send(call("DELETE", &gone, &token, None)).await.status, StatusCode::NOT_FOUND);
}

/// The care team asks Bea for the 3-metre backward walk and for its clinic's
/// own questionnaire: both join her due list, the questionnaire reaches her
/// only once asked (and no other walker), and stopping takes them away.
#[tokio::test]
async fn the_care_team_asks_for_a_measure_and_its_clinics_questionnaire() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let s = c.app.state.store();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let (q, s_json) = (read("knee-days.json"), read("knee-days.scoring.json"));
    service::load_questionnaire(s, &q, &s_json, Some(c.id), c.app.state.now()).await.unwrap();
    let qid = "retrowalk-knee-days";
    assert_eq!(c.app.get(&format!("/questionnaires/{qid}"), &c.bea.cookie).await.status, StatusCode::NOT_FOUND);
    // What is due, as the walker's outcomes page lists it.
    let due = |html: String| {
        let at = html.find("id=\"due-h\"").map_or(0, |i| i);
        html[at..at + html[at..].find("</section>").unwrap_or(0)].to_string()
    };
    let outcomes = due(c.app.get("/outcomes", &c.bea.cookie).await.body);
    assert!(outcomes.contains("Timed Up and Go"), "the baseline is due: {outcomes}");
    assert!(!outcomes.contains("3-metre backward walk") && !outcomes.contains("Knee days"), "not asked yet");

    let bea_id = c.bea.account.walker.0;
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(
        page.contains("Measures and questionnaires asked") && page.contains("Nothing beyond the standard"),
        "{page}"
    );
    assert!(
        page.contains("value=\"measure:backward_walk3m\"") && page.contains(&format!("value=\"questionnaire:{qid}\""))
    );
    let csrf = csrf_in(&page);
    let ask = |item: &str| format!("csrf={csrf}&item={item}");
    let path = format!("/patients/{bea_id}/assign");
    // Refused with why: a scheduled measure, an unknown questionnaire, nonsense.
    for (item, why) in [
        ("measure:chair_stand30s", "is on every walker&#39;s schedule already"),
        ("questionnaire:koos", "is not one of your clinic&#39;s questionnaires"),
        ("wish:more", "kind: measure or questionnaire"),
    ] {
        let res = c.app.post(&path, &c.doc.cookie, &ask(item)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{item}");
        assert!(res.body.contains(why), "{item}: {}", res.body);
    }
    for item in ["measure:backward_walk3m", &format!("questionnaire:{qid}")] {
        let res = c.app.post(&path, &c.doc.cookie, &ask(item)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{item}: {}", res.body);
    }
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    assert!(page.contains("Stop asking: 3-metre backward walk"), "{page}");
    let outcomes = due(c.app.get("/outcomes", &c.bea.cookie).await.body);
    assert!(outcomes.contains("3-metre backward walk") && outcomes.contains("Knee days"), "{outcomes}");
    assert_eq!(c.app.get(&format!("/questionnaires/{qid}"), &c.bea.cookie).await.status, StatusCode::OK);
    // Another walker on the server does not see the clinic's questionnaire.
    assert_eq!(c.app.get(&format!("/questionnaires/{qid}"), &c.doc.cookie).await.status, StatusCode::NOT_FOUND);

    let stop =
        c.app.post(&format!("/patients/{bea_id}/unassign"), &c.doc.cookie, &ask("measure:backward_walk3m")).await;
    assert_eq!(stop.status, StatusCode::SEE_OTHER, "{}", stop.body);
    assert!(!due(c.app.get("/outcomes", &c.bea.cookie).await.body).contains("3-metre backward walk"));
    let again =
        c.app.post(&format!("/patients/{bea_id}/unassign"), &c.doc.cookie, &ask("measure:backward_walk3m")).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("is not asked of this walker"), "{}", again.body);

    // The same through the API.
    use crate::api::{call, token_for};
    let token = token_for(&c.app, &c.doc).await;
    let api = format!("/api/v1/patients/{bea_id}/assignments");
    let now: serde_json::Value = serde_json::from_str(&c.app.send(call("GET", &api, &token, None)).await.body).unwrap();
    assert_eq!(
        (now["asked"][0]["item"].as_str(), now["assignable"][0]["item"].as_str()),
        (Some(qid), Some("backward_walk3m"))
    );
    let body = serde_json::json!({"kind": "measure", "item": "backward_walk3m"});
    assert_eq!(c.app.send(call("POST", &api, &token, Some(body.clone()))).await.status, StatusCode::CREATED);
    assert_eq!(
        c.app.send(call("POST", &api, &token, Some(body.clone()))).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let ended = c.app.send(call("POST", &format!("{api}/end"), &token, Some(body))).await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);
    let doc_list = c.app.send(call("GET", "/api/v1/questionnaires", &token, None)).await.body;
    assert!(!doc_list.contains(qid), "a clinic's questionnaire reaches only the walkers asked: {doc_list}");
    // Bea's own token cannot ask things of herself.
    let bea = token_for(&c.app, &c.bea).await;
    assert_eq!(c.app.send(call("GET", &api, &bea, None)).await.status, StatusCode::NOT_FOUND);
}

/// What a care team stopped stays stopped when the walker leaves the clinic:
/// only a clinician restarts it, not the walker typing a name (page or API).
#[tokio::test]
async fn a_walker_who_leaves_cannot_lift_their_care_teams_pause() {
    use crate::api::{call, token_for};
    let c = clinic().await;
    invite_and_join(&c).await;
    let bea_id = c.bea.account.walker.0;
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    let form = format!("csrf={}&kind=pause&note=Scan+first", csrf_in(&page));
    assert_eq!(
        c.app.post(&format!("/patients/{bea_id}/stop"), &c.doc.cookie, &form).await.status,
        StatusCode::SEE_OTHER
    );
    let care = c.app.get("/care", &c.bea.cookie).await.body;
    let left = c.app.post("/care/leave", &c.bea.cookie, &format!("csrf={}&clinic={}", csrf_in(&care), c.id)).await;
    assert_eq!(left.status, StatusCode::OK, "{}", left.body);

    let restart = c.app.get("/restart", &c.bea.cookie).await;
    assert!(restart.body.contains("you cannot record this restart yourself"), "{}", restart.body);
    assert!(!restart.body.contains("name=\"by\""), "no form to sign");
    let csrf = csrf_in(&restart.body);
    let typed = format!("csrf={csrf}&by=Dr+X&role=GP&note=fine&minutes=5&shown=5");
    let refused = c.app.post("/restart", &c.bea.cookie, &typed).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("only a clinician restarts it"), "{}", refused.body);
    let token = token_for(&c.app, &c.bea).await;
    let body = serde_json::json!({"by": "Dr X", "role": "GP", "note": "fine"});
    let api = c.app.send(call("POST", "/api/v1/restart", &token, Some(body))).await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", api.body);
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let s = service::load(c.app.state.store(), c.bea.access, today).await.unwrap();
    assert!(s.pause().is_some_and(|p| p.kind.by_clinician()), "still paused");
}

/// Someone new comes to work at the clinic: its admin makes an invitation
/// in a role, the person signs in and accepts it themselves, and only then
/// is their account staff; the code works once and is no walker's invitation.
#[tokio::test]
async fn an_admin_invites_someone_new_who_accepts_and_works_there() {
    let c = clinic().await;
    let s = c.app.state.store();
    let admin = c.app.ready_walker("admin@example.org", "note-of-admin").await;
    s.add_member(admin.account.id, c.id, store::MemberRole::Admin, c.app.state.now()).await.unwrap();
    c.app.pass_two_factor(&admin.cookie, None).await;
    let page = c.app.get(&format!("/clinics/{}", c.id), &admin.cookie).await.body;
    assert!(page.contains("Make an invitation"), "{page}");
    let csrf = csrf_in(&page);
    let odd = c.app.post(&format!("/clinics/{}/invite", c.id), &admin.cookie, &format!("csrf={csrf}&role=boss")).await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    let made =
        c.app.post(&format!("/clinics/{}/invite", c.id), &admin.cookie, &format!("csrf={csrf}&role=clinician")).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(made.body.contains("Invite someone to work at") && made.body.contains("<strong>clinician</strong>"));
    let code = code_in(&made.body);
    // Doc (a clinician already) cannot make one: the clinic is not theirs to run.
    let doc_page = c.app.get("/settings", &c.doc.cookie).await.body;
    let refused = c
        .app
        .post(&format!("/clinics/{}/invite", c.id), &c.doc.cookie, &format!("csrf={}&role=admin", csrf_in(&doc_page)))
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    // Nora, a plain account, reads what the role means and accepts.
    let nora = c.app.ready_walker("nora@example.org", "note-of-nora").await;
    let consent = c.app.get(&format!("/join/{code}"), &nora.cookie).await;
    assert_eq!(consent.status, StatusCode::OK, "{}", consent.body);
    assert!(consent.body.contains("You are invited to work at this clinic as"), "{}", consent.body);
    assert!(consent.body.contains("whose care team you are on") && consent.body.contains("second factor"));
    assert!(s.memberships(nora.account.id).await.unwrap().is_empty(), "nothing until she accepts");
    let accept = format!("csrf={}&code={code}&agree=yes", csrf_in(&consent.body));
    let joined = c.app.post("/join", &nora.cookie, &accept).await;
    assert_eq!((joined.status, joined.location.as_str()), (StatusCode::SEE_OTHER, "/patients"), "{}", joined.body);
    let m = s.memberships(nora.account.id).await.unwrap();
    assert_eq!((m.len(), m[0].clinic, m[0].role), (1, c.id, store::MemberRole::Clinician));
    assert_eq!(s.account(nora.account.id).await.unwrap().role, store::Role::Clinician);
    assert_eq!(c.app.get("/patients", &nora.cookie).await.location, "/2fa", "staff sign in with a second factor");
    let again = c.app.get(&format!("/join/{code}"), &c.bea.cookie).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "used once");
    // Doc works there already: told so, and the invitation stays unused.
    let second =
        c.app.post(&format!("/clinics/{}/invite", c.id), &admin.cookie, &format!("csrf={csrf}&role=clinician")).await;
    let code = code_in(&second.body);
    let consent = c.app.get(&format!("/join/{code}"), &c.doc.cookie).await;
    let accept = format!("csrf={}&code={code}&agree=yes", csrf_in(&consent.body));
    let twice = c.app.post("/join", &c.doc.cookie, &accept).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", twice.body);
    assert!(twice.body.contains("You already work at Knee Clinic: nothing changed"), "{}", twice.body);
    assert_eq!(c.app.get(&format!("/join/{code}"), &nora.cookie).await.status, StatusCode::OK, "still unused");
    let events = s.security_events(Some(nora.account.id), 10).await.unwrap();
    assert!(events.iter().any(|e| e.kind == store::SecurityKind::MemberAdded && e.detail.contains("by invitation")));

    // The API makes them too, for the clinic's admins only.
    use crate::api::{call, token_for};
    let body = serde_json::json!({"clinic": c.id.0, "role": "admin"});
    let admin_token = token_for(&c.app, &admin).await;
    let res = c.app.send(call("POST", "/api/v1/invitations", &admin_token, Some(body.clone()))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let doc_token = token_for(&c.app, &c.doc).await;
    assert_eq!(
        c.app.send(call("POST", "/api/v1/invitations", &doc_token, Some(body))).await.status,
        StatusCode::NOT_FOUND
    );
}

/// Yesterday's session set today's dose; the care team pauses today: the
/// walker's report keeps the dose history but shows no dose for today on.
#[tokio::test]
async fn a_pause_today_leaves_no_dose_for_today_in_the_report() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let s = c.app.state.store();
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let yesterday = coach::dates::add_days(today, -1);
    let state = service::load(s, c.bea.access, today).await.unwrap();
    let calm = |v| coach::Pain::new(v).ok();
    let input = service::LogInput {
        date: Some(yesterday),
        pain_before: calm(0),
        pain_peak: calm(1),
        pain_after: calm(0),
        ..Default::default()
    };
    // `ready_walker` may have logged yesterday already (it depends on the weekday).
    if state.history.log_on(yesterday).is_none() {
        service::log_session(s, &state, input, c.app.state.now()).await.unwrap();
    }
    let state = service::load(s, c.bea.access, today).await.unwrap();
    service::check_in(s, &state, None, coach::Pain::new(0).unwrap(), Vec::new(), c.app.state.now()).await.unwrap();
    let before = service::report(&service::load(s, c.bea.access, today).await.unwrap());
    assert!(before.decisions.iter().any(|d| d.effective >= today && d.dose.is_some()), "today's dose is set");

    let bea_id = c.bea.account.walker.0;
    let page = c.app.get(&format!("/patients/{bea_id}"), &c.doc.cookie).await.body;
    let form = format!("csrf={}&kind=pause&note=Swollen+knee", csrf_in(&page));
    assert_eq!(
        c.app.post(&format!("/patients/{bea_id}/stop"), &c.doc.cookie, &form).await.status,
        StatusCode::SEE_OTHER
    );
    let after = service::report(&service::load(s, c.bea.access, today).await.unwrap());
    assert!(after.decisions.iter().all(|d| d.effective < today || d.dose.is_none()), "{:?}", after.decisions);
    assert!(after.decisions.iter().any(|d| d.rule == "A-CLINICIAN-PAUSE"));
    assert!(after.decisions.iter().any(|d| d.effective < today && d.dose.is_some()), "the history stays");
}

/// A clinician's account cannot delete itself: the access log and the
/// clinic's records name it. The refusal says what to do; nothing is deleted.
#[tokio::test]
async fn a_clinicians_account_is_kept_when_asked_to_delete_itself() {
    let c = clinic().await;
    let page = c.app.get("/settings", &c.doc.cookie).await;
    let csrf = csrf_in(&page.body);
    let res = c.app.post("/settings/delete", &c.doc.cookie, &format!("csrf={csrf}&confirm=DELETE")).await;
    assert_ne!(res.status, StatusCode::SEE_OTHER, "not deleted");
    assert!(res.body.contains("Ask whoever runs this server to disable it."), "{}", res.body);
    assert_eq!(c.app.get("/settings", &c.doc.cookie).await.status, StatusCode::OK, "still signed in, still there");
    // A walker's own account still can.
    let bea = c.app.get("/settings", &c.bea.cookie).await;
    let gone =
        c.app.post("/settings/delete", &c.bea.cookie, &format!("csrf={}&confirm=DELETE", csrf_in(&bea.body))).await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
}

/// A clinic's admin loads a questionnaire under the clinic's licence from the
/// clinic's page (the two files the CLI takes) and through the API; a broken
/// file is refused with why and stores nothing; a clinician, or an admin of
/// another clinic, cannot load one here.
#[tokio::test]
async fn the_admin_loads_the_clinics_own_questionnaire() {
    let c = clinic().await;
    let s = c.app.state.store();
    let admin = c.app.ready_walker("qadmin@example.org", "note-of-admin").await;
    s.add_member(admin.account.id, c.id, store::MemberRole::Admin, c.app.state.now()).await.unwrap();
    c.app.pass_two_factor(&admin.cookie, None).await;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let (q, scoring) = (read("knee-days.json"), read("knee-days.scoring.json"));
    let path = format!("/clinics/{}", c.id);
    let page = c.app.get(&path, &admin.cookie).await.body;
    assert!(page.contains("id=\"questionnaires-h\"") && page.contains("Load a questionnaire"), "{page}");
    let csrf = csrf_in(&page);
    let upload = |cookie: &str, csrf: &str, q: &str, scoring: &str| {
        let b = "qboundary";
        let part = |name: &str, body: &str| {
            format!(
                "--{b}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}.json\"\r\nContent-Type: application/json\r\n\r\n{body}\r\n"
            )
        };
        let body = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n{}{}--{b}--\r\n",
            part("questionnaire", q),
            part("scoring", scoring)
        );
        axum::http::Request::post(format!("{path}/questionnaires"))
            .header("cookie", cookie)
            .header("content-type", format!("multipart/form-data; boundary={b}"))
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    let loaded = || async { s.questionnaires().await.unwrap().into_iter().filter(|l| l.clinic == Some(c.id)).count() };

    // Refused with why, nothing stored.
    let broken = c.app.send(upload(&admin.cookie, &csrf, &q, "{\"subscales\": 3}")).await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", broken.body);
    assert!(broken.body.contains("class=\"flash\""), "{}", broken.body);
    let said = "The scoring file is JSON but not a scoring definition: at line 1, column 15, a value is missing";
    assert!(broken.body.contains(said), "{}", broken.body);
    // The JSON reader's own English ("invalid type: integer") is not shown.
    assert!(!broken.body.contains("invalid type"), "{}", broken.body);
    // A file cut short, and one out of order, in the admin's language.
    let mut cut = upload(&admin.cookie, &csrf, &q[..q.len() / 2], &scoring);
    cut.headers_mut().insert("accept-language", "es".parse().unwrap());
    let cut = c.app.send(cut).await;
    assert_eq!(cut.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(cut.body.contains("El archivo del cuestionario se acaba antes de que termine su JSON"), "{}", cut.body);
    let misspelt = scoring.replacen("\"subscales\"", "\"subscale\"", 1);
    let misspelt = c.app.send(upload(&admin.cookie, &csrf, &q, &misspelt)).await;
    let said = "The scoring file names «subscale» (line";
    assert!(misspelt.body.contains(said) && misspelt.body.contains("check its spelling"), "{}", misspelt.body);
    let garbled = c.app.send(upload(&admin.cookie, &csrf, &q, "{\"kind\" \"mean\"}")).await;
    let said = "The scoring file is not valid JSON: something is out of place at line 1, column 9.";
    assert!(garbled.body.contains(said), "{}", garbled.body);
    // The place and the values are named, in the admin's language.
    let other_id = scoring.replace("\"retrowalk-knee-days\"", "\"hip-days\"");
    let mut spanish = upload(&admin.cookie, &csrf, &q, &other_id);
    spanish.headers_mut().insert("accept-language", "es".parse().unwrap());
    let spanish = c.app.send(spanish).await;
    assert_eq!(spanish.status, StatusCode::UNPROCESSABLE_ENTITY);
    let said = "El archivo de puntuación puntúa «hip-days», pero el cuestionario es «retrowalk-knee-days»";
    assert!(spanish.body.contains(said), "{}", spanish.body);
    let empty = c.app.send(upload(&admin.cookie, &csrf, &q, "")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Choose the scoring file: both files are needed."), "{}", empty.body);
    assert_eq!(loaded().await, 0);
    // A clinician of the clinic is not its admin: "not found", nothing stored.
    let doc_csrf = csrf_in(&c.app.get("/settings", &c.doc.cookie).await.body);
    assert_eq!(c.app.send(upload(&c.doc.cookie, &doc_csrf, &q, &scoring)).await.status, StatusCode::NOT_FOUND);
    // Nor is an admin of another clinic, with a well-formed upload.
    let other = c.app.ready_walker("hipadmin@example.org", "note-of-hip").await;
    let hip = s.create_clinic("Hip Clinic", c.app.state.now()).await.unwrap();
    s.add_member(other.account.id, hip, store::MemberRole::Admin, c.app.state.now()).await.unwrap();
    c.app.pass_two_factor(&other.cookie, None).await;
    let other_csrf = csrf_in(&c.app.get("/settings", &other.cookie).await.body);
    let res = c.app.send(upload(&other.cookie, &other_csrf, &q, &scoring)).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
    assert_eq!(loaded().await, 0);

    let done = c.app.send(upload(&admin.cookie, &csrf, &q, &scoring)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(loaded().await, 1);
    let page = c.app.get(&path, &admin.cookie).await.body;
    assert!(page.contains("retrowalk-knee-days"), "the page lists it: {page}");
    // Ids are unique on the server: Hip Clinic's admin cannot load the same
    // one, and is told why in their language.
    let mut same_id = upload(&other.cookie, &other_csrf, &q, &scoring);
    *same_id.uri_mut() = format!("/clinics/{hip}/questionnaires").parse().unwrap();
    same_id.headers_mut().insert("accept-language", "es".parse().unwrap());
    let same_id = c.app.send(same_id).await;
    assert_eq!(same_id.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", same_id.body);
    let said = "Este servidor ya tiene un cuestionario con el identificador «retrowalk-knee-days»";
    assert!(same_id.body.contains(said), "{}", same_id.body);

    // The API: the same load, by the admin's token; a clinician's is refused.
    use crate::api::{call, token_for};
    let (token, doc_token) = (token_for(&c.app, &admin).await, token_for(&c.app, &c.doc).await);
    let api = format!("/api/v1/clinics/{}/questionnaires", c.id);
    let json = |q: &str, scoring: &str| {
        serde_json::json!({"questionnaire": serde_json::from_str::<serde_json::Value>(q).unwrap(),
            "scoring": serde_json::from_str::<serde_json::Value>(scoring).unwrap()})
    };
    let res = c.app.send(call("POST", &api, &token, Some(json(&q, &scoring)))).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert!(res.body.contains("\"replaced\":true") && res.body.contains("retrowalk-knee-days"), "{}", res.body);
    let listed = c.app.send(call("GET", &api, &token, None)).await;
    assert!(listed.body.contains("retrowalk-knee-days"), "{}", listed.body);
    assert_eq!(c.app.send(call("GET", &api, &doc_token, None)).await.status, StatusCode::NOT_FOUND);
    let refused = c.app.send(call("POST", &api, &doc_token, Some(json(&q, &scoring)))).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let bad = c.app.send(call("POST", &api, &token, Some(json(&q, "[]")))).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(loaded().await, 1);
}

/// A clinician who reads Spanish: the list's flags, their severity and the
/// filter, and the coach's last decision with the walker's own words.
#[tokio::test]
async fn the_clinicians_list_and_walker_page_speak_spanish() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let c = clinic().await;
    invite_and_join(&c).await;
    let in_spanish = |path: String| {
        let req = Request::get(path)
            .header(header::COOKIE, &c.doc.cookie)
            .header(header::ACCEPT_LANGUAGE, "es-ES")
            .body(Body::empty())
            .unwrap();
        c.app.send(req)
    };
    // The dose to change: each kind of support in words, not its name.
    let page = in_spanish(format!("/patients/{}", c.bea.account.walker.0)).await.body;
    assert!(page.contains(">Sin manos</option>") && !page.contains(">hands_free<"), "{page}");
    // A dose change refused: said in Spanish, its form open with what was typed.
    let form = format!("csrf={}&minutes=6&speed=r%C3%A1pido&incline=0&support=rails&note=prueba", csrf_in(&page));
    let path = format!("/patients/{}/override", c.bea.account.walker.0);
    let refused = c.app.post(&path, &format!("{}; lang=es", c.doc.cookie), &form).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &refused.body;
    assert!(body.contains("«rápido» no es una velocidad de marcha"), "{body}");
    assert!(body.contains("<details open>") && body.contains("value=\"rápido\""), "{body}");
    assert!(body.contains("id=\"ov-minutes\"") && body.contains("value=\"6\"") && body.contains("value=\"prueba\""));
    red_flag_today(&c).await;
    let list = in_spanish("/patients".into()).await.body;
    assert!(list.contains("<strong>crítica</strong>: Síntoma de alarma (La rodilla se bloqueó"), "{list}");
    assert!(list.contains("Caída comunicada (F-FALL)"), "the filter in Spanish: {list}");
    assert!(list.contains("Usted indicó: la rodilla se bloqueó o se quedó atascada."), "{list}");
    assert!(!list.contains("Red-flag symptom") && !list.contains("You reported"), "{list}");
    assert!(list.contains("<td>detenido: el paciente comunicó un síntoma de alarma</td>"), "today, in Spanish: {list}");
    assert!(!list.contains("backward walking is paused"), "{list}");
    let page = in_spanish(format!("/patients/{}", c.bea.account.walker.0)).await.body;
    assert!(page.contains("Usted indicó: la rodilla se bloqueó o se quedó atascada."), "{page}");
    assert!(page.contains("Síntoma de alarma (La rodilla se bloqueó o se quedó atascada): programa detenido."));
    // The restart to sign: its dose in Spanish, with nothing of the coach's English.
    let restart = &page[page.find("id=\"restart-h\"").expect("the restart box")..];
    let restart = &restart[..restart.find("</form>").expect("its form")];
    assert!(restart.contains("min hacia atrás (") && restart.contains("barandillas"), "{restart}");
    assert!(!page.contains("min backward") && !restart.contains("handrails"), "{page}");
}

/// The clinician reads the walker's recorded walking on the walker's page:
/// cadence and variability charted week by week, and the numbers in a table.
#[tokio::test]
async fn the_walker_page_charts_cadence_and_variability_by_week() {
    let c = clinic().await;
    invite_and_join(&c).await;
    let s = c.app.state.store();
    let today = c.app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let state = service::load(s, c.bea.access, today).await.unwrap();
    let session = state.history.logs[0].date;
    let walk = gait::synthetic::walk_csv(40, 0.55, true);
    service::motion::import(s, &state, session, &upload("belt.csv", &walk), c.app.state.now()).await.unwrap();
    let page = c.app.get(&format!("/patients/{}", c.bea.account.walker.0), &c.doc.cookie).await.body;
    assert!(page.contains("<title id=\"report-cadence-t\">Steps a minute, week by week</title>"), "{page}");
    assert!(page.contains("<title id=\"report-cv-t\">Step-time variability, week by week</title>"), "{page}");
    let table = &page[page.find("Walking backward, by week").expect("the table")..];
    assert!(table.contains("<td>109</td>"), "{table}");
}

fn upload<'a>(source: &'a str, csv: &'a str) -> service::motion::Upload<'a> {
    // Nothing known beyond the file, as a file from elsewhere comes.
    static NOTHING: std::sync::LazyLock<service::motion::Known> = std::sync::LazyLock::new(Default::default);
    service::motion::Upload { source, bytes: csv.as_bytes(), known: &NOTHING }
}
