//! The clock is injected (`web::Clock`): a walker on a fixed day sees the
//! same API answers and pages on every run, so they are snapshotted, and a
//! change to what a walker sees shows in review as a snapshot diff.

use crate::api::{call, token_for};
use crate::support::*;

/// The page's own content, without the per-session CSRF token.
fn main_of(html: &str, csrf: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map_or(html.len(), |e| e + "</main>".len());
    html[start..end].replace(csrf, "[csrf]")
}

#[tokio::test]
async fn a_walker_on_a_fixed_day_sees_the_same_api_answers_and_pages() {
    let app = App::at("2026-11-20T09:30:00Z").await;
    let w = app.ready_walker("fixed@example.org", "felt steady").await;
    let token = token_for(&app, &w).await;
    for route in ["me", "today", "plan", "sessions", "progress"] {
        let res = app.send(call("GET", &format!("/api/v1/{route}"), &token, None)).await;
        assert_eq!(res.status, axum::http::StatusCode::OK, "{route}: {}", res.body);
        let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        insta::assert_json_snapshot!(format!("api_{route}"), json);
    }
    for page in ["today", "plan", "progress"] {
        let res = app.get(&format!("/{page}"), &w.cookie).await;
        assert_eq!(res.status, axum::http::StatusCode::OK, "{page}");
        insta::assert_snapshot!(format!("page_{page}"), main_of(&res.body, &w.csrf));
    }
}
