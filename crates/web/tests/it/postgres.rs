//! The web app on PostgreSQL. Runs when `RETROWALK_TEST_POSTGRES_URL` names a
//! server (`.ci/run` always sets it), each test in a scratch database.

use crate::support::App;
use store::scratch::ScratchDb;

/// Clinic mode's access matrix (`matrix.rs`) on PostgreSQL.
#[tokio::test]
async fn role_matrix() {
    let Ok(admin) = std::env::var("RETROWALK_TEST_POSTGRES_URL") else {
        return;
    };
    let scratch = ScratchDb::create(&admin).await.unwrap();
    let app = App::on(&scratch.url, web::Config::default(), tempfile::tempdir().unwrap()).await;
    crate::matrix::run(&app).await;
    drop(app);
    scratch.drop_now().await.unwrap();
}
