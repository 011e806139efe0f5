//! What a clinic's administrator runs the server with: Prometheus metrics
//! without health data, compressed text, and assets browsers may keep.

use crate::support::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};

async fn get_with(app: &App, path: &str, cookie: &str, headers: &[(&str, &str)]) -> Resp {
    let mut req = Request::get(path).header("cookie", cookie);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    app.send(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn metrics_count_routes_by_pattern_and_carry_no_health_data() {
    let app = App::new().await;
    let w = app.ready_walker("metrics@example.org", "a note about my swollen knee").await;
    app.get("/today", &w.cookie).await;
    app.get("/activities/4711", &w.cookie).await;
    app.get("/a-path-nobody-routes/knee-pain-9", "").await;
    app.get("/plan?secret=knee", &w.cookie).await;
    let res = app.get("/metrics", "").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.headers["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let m = &res.body;
    assert!(m.contains("retrowalk_http_requests_total{route=\"/today\",method=\"GET\",status=\"200\"} "), "{m}");
    assert!(m.contains("route=\"/activities/{id}\""), "{m}");
    assert!(m.contains("route=\"unmatched\",method=\"GET\",status=\"404\""), "{m}");
    assert!(m.contains("retrowalk_http_request_duration_seconds_bucket{route=\"/plan\",le=\"+Inf\"} 1"), "{m}");
    assert!(m.contains("retrowalk_db_pool_max_connections 8"), "{m}");
    assert!(m.contains("backend=\"sqlite\""), "{m}");
    for secret in ["4711", "knee", "swollen", "metrics@example.org", "secret"] {
        assert!(!m.contains(secret), "{secret} leaked into the metrics");
    }
}

#[tokio::test]
async fn text_is_compressed_when_the_client_accepts_it() {
    let app = App::new().await;
    let w = app.ready_walker("zip@example.org", "x").await;
    let plain = app.get("/plan", &w.cookie).await;
    assert!(plain.headers.get("content-encoding").is_none());
    for (accept, coding) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let res = get_with(&app, "/plan", &w.cookie, &[("accept-encoding", accept)]).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(res.headers["content-encoding"], coding, "{accept}");
        assert_eq!(res.headers["cache-control"], "no-store", "compressed health data is still never cached");
    }
    let css = get_with(&app, "/assets/app.css", "", &[("accept-encoding", "gzip")]).await;
    assert_eq!(css.headers["content-encoding"], "gzip");
    // A PDF is compressed already; images too.
    let pdf = get_with(&app, "/report.pdf", &w.cookie, &[("accept-encoding", "gzip")]).await;
    assert!(pdf.headers.get("content-encoding").is_none());
    let png = get_with(&app, "/assets/icon-192.png", "", &[("accept-encoding", "gzip")]).await;
    assert!(png.headers.get("content-encoding").is_none());
}

#[tokio::test]
async fn fingerprinted_assets_are_kept_for_a_year_and_the_service_worker_follows_them() {
    let app = App::new().await;
    let page = app.get("/signin", "").await;
    let css = page.body.split("href=\"").find_map(|p| p.strip_prefix("/assets/app.css?v=")).unwrap();
    let version = &css[..css.find('"').unwrap()];
    assert_eq!(version.len(), 16);
    let res = app.get(&format!("/assets/app.css?v={version}"), "").await;
    assert_eq!(res.headers["cache-control"], "public, max-age=31536000, immutable");
    // The bare URL, or an old version, is checked again each time.
    assert_eq!(app.get("/assets/app.css", "").await.headers["cache-control"], "no-cache");
    assert_eq!(app.get("/assets/app.css?v=0000000000000000", "").await.headers["cache-control"], "no-cache");
    let sw = app.get("/sw.js", "").await;
    assert!(sw.body.contains(&format!("'/assets/app.css?v={version}'")), "{}", sw.body);
    // The cache is named after the assets' fingerprints.
    let cache = sw.body.split("const CACHE = '").nth(1).and_then(|s| s.split('\'').next()).unwrap_or_default();
    let digest = cache.strip_prefix("retrowalk-").unwrap_or_default();
    assert!(digest.len() == 16 && digest.chars().all(|c| c.is_ascii_hexdigit()), "{cache}");
}
