//! Static assets, embedded in the binary (read from disk in debug builds).

use crate::state::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assets/{*path}", get(|Path(path): Path<String>| async move { serve(&path, true) }))
        // The service worker and manifest must live at the root to control the whole app.
        .route("/sw.js", get(|| async { serve("sw.js", false) }))
        .route("/manifest.webmanifest", get(|| async { serve("manifest.webmanifest", false) }))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

fn serve(path: &str, cacheable: bool) -> Response {
    match Assets::get(path) {
        Some(file) => {
            let cache = if cacheable { "public, max-age=3600" } else { "no-cache" };
            ([(header::CONTENT_TYPE, content_type(path)), (header::CACHE_CONTROL, cache)], file.data.into_owned())
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
