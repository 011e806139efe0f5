//! Issue #11 (data safety) through HTTP: text a database cannot store is
//! refused the same way on every backend, naming the field.

use crate::support::*;
use axum::http::StatusCode;
use store::Store;

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
    assert!(res.body.contains("name: contains an invisible control character (U+0000)"), "{}", res.body);
    // Session notes, through the form.
    let w = app.walker_with_plan("nul2@example.org", 6, 7).await;
    let form = format!("csrf={}&pain_before=1&pain_peak=1&pain_after=1&notes=ok%00then", w.csrf);
    let res = app.post("/log", &w.cookie, &form).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("notes: contains an invisible control character"), "{}", res.body);
    // A NUL in an uploaded file's name: the upload is refused as unreadable, never a 500.
    let today = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let gpx = crate::routes::gpx_walk(coach::dates::add_days(today, -1));
    let res = app.send(crate::routes::upload(&w.cookie, &w.csrf, &[("walk\u{0}.gpx", &gpx)])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(app.state.store().activities(w.account.walker).await.unwrap().is_empty());
}
