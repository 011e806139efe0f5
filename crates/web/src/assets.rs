//! Static assets, embedded in the binary (read from disk in debug builds).

use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/{*path}",
            get(|Path(path): Path<String>, Query(q): Query<Version>| async move { serve(&path, q.v.as_deref()) }),
        )
        // The service worker and manifest must live at the root to control the whole app.
        .route("/sw.js", get(|| async { service_worker() }))
        .route("/manifest.webmanifest", get(|| async { serve("manifest.webmanifest", None) }))
}

#[derive(serde::Deserialize)]
struct Version {
    v: Option<String>,
}

/// Each asset's fingerprint: the first 8 bytes of its SHA-256, in hex.
fn fingerprints() -> &'static HashMap<String, String> {
    static PRINTS: OnceLock<HashMap<String, String>> = OnceLock::new();
    PRINTS.get_or_init(|| {
        Assets::iter()
            .filter_map(|name| {
                let file = Assets::get(&name)?;
                Some((name.to_string(), crate::auth::hex(&file.metadata.sha256_hash()[..8])))
            })
            .collect()
    })
}

/// The URL pages use for an asset: with its fingerprint, so browsers may keep
/// it for a year and a new version is a new URL.
pub fn url(name: &str) -> String {
    match fingerprints().get(name) {
        Some(v) => format!("/assets/{name}?v={v}"),
        None => format!("/assets/{name}"),
    }
}

/// The service worker, its cache named after every asset's fingerprint, so
/// a new version of any asset replaces the offline copies; its list of
/// assets to keep uses the same fingerprinted URLs as the pages.
fn service_worker() -> Response {
    let Some(file) = Assets::get("sw.js") else { return (StatusCode::NOT_FOUND, "not found").into_response() };
    let mut text = String::from_utf8_lossy(&file.data).into_owned();
    let mut all: Vec<(&String, &String)> = fingerprints().iter().collect();
    all.sort();
    let combined: String = all.iter().map(|(_, v)| v.as_str()).collect();
    text = text.replace(
        "'retrowalk-assets'",
        &format!("'retrowalk-{}'", crate::auth::digest(&combined).get(..16).unwrap_or("")),
    );
    for (name, _) in all {
        text = text.replace(&format!("'/assets/{name}'"), &format!("'{}'", url(name)));
    }
    ([(header::CONTENT_TYPE, content_type("sw.js")), (header::CACHE_CONTROL, "no-cache")], text).into_response()
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

fn serve(path: &str, version: Option<&str>) -> Response {
    match Assets::get(path) {
        Some(file) => {
            // A fingerprinted URL never changes content; a bare one may.
            let current = version.is_some() && version == fingerprints().get(path).map(String::as_str);
            let cache = if current { "public, max-age=31536000, immutable" } else { "no-cache" };
            ([(header::CONTENT_TYPE, content_type(path)), (header::CACHE_CONTROL, cache)], file.data.into_owned())
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
