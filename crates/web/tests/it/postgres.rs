//! The web app on PostgreSQL. Runs when `RETROWALK_TEST_POSTGRES_URL` names a
//! server (`.ci/run` always sets it), each test in a scratch database.

use crate::support::App;
use store::scratch::ScratchDb;

/// The app on a scratch database of the server the environment names, if it
/// names one; `done` drops both.
async fn on_postgres() -> Option<(App, ScratchDb)> {
    let admin = std::env::var("RETROWALK_TEST_POSTGRES_URL").ok()?;
    let scratch = ScratchDb::create(&admin).await.unwrap();
    let app = App::on(&scratch.url, web::Config::default(), tempfile::tempdir().unwrap()).await;
    Some((app, scratch))
}

async fn done(app: App, scratch: ScratchDb) {
    drop(app);
    scratch.drop_now().await.unwrap();
}

/// Clinic mode's access matrix (`matrix.rs`) on PostgreSQL.
#[tokio::test]
async fn role_matrix() {
    let Some((app, scratch)) = on_postgres().await else { return };
    crate::matrix::run(&app).await;
    done(app, scratch).await;
}

/// A clinician's read of a walker through the API is in the walker's own
/// access log on PostgreSQL, where the access rule's query writes it.
#[tokio::test]
async fn a_clinicians_api_read_is_in_the_walkers_log() {
    use store::prelude::*;
    let Some((app, scratch)) = on_postgres().await else { return };
    let doc = app.ready_walker("doc@example.org", "note-of-doc").await;
    let bea = app.ready_walker("bea@example.org", "note-of-bea").await;
    let s = app.state.store();
    let now = app.state.now();
    let clinic = s.create_clinic("Knee Clinic", now).await.unwrap();
    s.add_member(doc.account.id, clinic, store::MemberRole::Clinician, now).await.unwrap();
    app.pass_two_factor(&doc.cookie, None).await;
    s.connect(bea.account.walker, clinic, now).await.unwrap();
    s.add_to_care_team(bea.account.walker, clinic, doc.account.id, now).await.unwrap();
    let token = crate::api::token_for(&app, &doc).await;
    let path = format!("/api/v1/patients/{}", bea.account.walker);
    let read = app.send(crate::api::call("GET", &path, &token, None)).await;
    assert_eq!(read.status, axum::http::StatusCode::OK, "{}", read.body);
    let log = s.walker_events(bea.account.walker, 10).await.unwrap();
    let reads: Vec<_> = log.iter().filter(|e| e.account == Some(doc.account.id) && e.detail == "walker page").collect();
    assert_eq!(reads.len(), 1, "the read is in Bea's log once: {log:?}");
    assert_eq!(reads[0].kind, store::SecurityKind::ClinicianRead);
    done(app, scratch).await;
}
