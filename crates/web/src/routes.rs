//! Every route in one place, and the layers around them: origin checks,
//! writes taking turns, security headers and a request log that never records
//! bodies or queries.

use crate::error::AppError;
use crate::state::AppState;
use crate::{api, assets, pages};
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate as _, SizeAbove};

pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(pages::home))
        .route("/signup", get(pages::account::signup_page).post(pages::account::signup))
        .route("/signin", get(pages::account::signin_page).post(pages::account::signin))
        .route("/signout", post(pages::account::signout))
        .route("/2fa", get(pages::second_factor::page).post(pages::second_factor::submit))
        .route("/reset", get(pages::account::reset_page).post(pages::account::reset))
        .route("/onboarding", get(pages::onboarding::start))
        .route("/onboarding/{step}", get(pages::onboarding::step_page).post(pages::onboarding::step_submit))
        .route("/outcome", get(pages::onboarding::outcome))
        .route("/clearance", post(pages::onboarding::clearance))
        .route("/restart", get(pages::restart::page).post(pages::restart::submit))
        .route("/setup", get(pages::setup::page).post(pages::setup::submit))
        .route("/today", get(pages::today::page))
        .route("/session", get(pages::guided::walk))
        .route("/exercises", get(pages::guided::exercises))
        .route(
            "/log",
            get(pages::log::page)
                .post(pages::log::submit)
                .layer(axum::Extension(crate::auth::extract::FormLimit(pages::log::FORM_LIMIT))),
        )
        .route("/checkin", get(pages::log::checkin_page).post(pages::log::checkin_submit))
        .route("/plan", get(pages::plan::page))
        .route(
            "/import",
            get(pages::import::page)
                .post(pages::import::upload)
                .layer(axum::extract::DefaultBodyLimit::max(pages::import::UPLOAD_LIMIT)),
        )
        .route(
            "/motion",
            get(pages::motion::page)
                .post(pages::motion::upload)
                .layer(axum::extract::DefaultBodyLimit::max(crate::recordings::UPLOAD_LIMIT)),
        )
        .route("/motion/delete", post(pages::motion::delete))
        .route("/activities/{id}", get(pages::import::confirm_page).post(pages::import::confirm))
        .route("/outcomes", get(pages::outcomes::page).post(pages::outcomes::submit))
        .route("/outcomes/profile", post(pages::outcomes::profile))
        .route("/questionnaires/{id}", get(pages::questionnaire::page).post(pages::questionnaire::submit))
        .route("/progress", get(pages::progress::page))
        .route("/patients", get(pages::patients::page))
        .route("/patients/invite", post(pages::care::invite))
        .route("/patients/break-glass", post(pages::patients::break_glass))
        .route("/clinics/{id}", get(pages::clinic_admin::page))
        .route("/clinics/{id}/members", post(pages::clinic_admin::add_member))
        .route("/clinics/{id}/members/remove", post(pages::clinic_admin::remove_member))
        .route("/clinics/{id}/invite", post(pages::clinic_admin::invite))
        .route("/clinics/{id}/questionnaires", post(pages::clinic_admin::load_questionnaire))
        .route("/patients/{id}", get(pages::patient::page))
        .route("/patients/{id}/report.pdf", get(pages::patient::pdf))
        .route("/patients/{id}/review", post(pages::patient::review))
        .route("/patients/{id}/override", post(pages::patient::override_dose))
        .route("/patients/{id}/revert", post(pages::patient::revert))
        .route("/patients/{id}/clearance", post(pages::patient::clearance))
        .route("/patients/{id}/restart", post(pages::patient::restart))
        .route("/patients/{id}/stop", post(pages::patient::stop))
        .route("/patients/{id}/assign", post(pages::patient::assign))
        .route("/patients/{id}/unassign", post(pages::patient::unassign))
        .route("/patients/{id}/message", post(pages::patient::message))
        .route("/patients/{id}/minutes", post(pages::patient::minutes))
        .route("/care", get(pages::care::page))
        .route("/care/message", post(pages::care::message))
        .route("/care/leave", post(pages::care::leave))
        .route("/join", get(pages::care::join_typed).post(pages::care::join))
        .route("/join/{code}", get(pages::care::join_link))
        .route("/report", get(pages::report::page))
        .route("/report.pdf", get(pages::report::pdf))
        .route("/learn", get(pages::learn::page))
        .route("/learn/{id}", get(pages::learn::rule))
        .route("/settings", get(pages::settings::page))
        .route("/settings/export.json", get(pages::settings::export_json))
        .route("/settings/export.csv", get(pages::settings::export_csv))
        .route("/settings/outcomes.csv", get(pages::settings::export_outcomes_csv))
        .route("/settings/checkins.csv", get(pages::settings::export_checkins_csv))
        .route("/settings/export.fhir.json", get(pages::settings::export_fhir))
        .route("/settings/setup", post(pages::settings::save))
        .route("/settings/restore", post(pages::settings::restore))
        .route("/settings/tokens/revoke", post(pages::settings::revoke_token))
        .route("/settings/signout-everywhere", post(pages::settings::sign_out_everywhere))
        .route("/settings/calendar", post(pages::settings::new_calendar))
        .route("/settings/calendar/revoke", post(pages::settings::revoke_calendar))
        .route("/calendar/{file}", get(pages::settings::calendar_feed))
        .route("/settings/delete", post(pages::settings::delete))
        .route("/settings/language", post(pages::settings::language));
    Router::new()
        .merge(pages)
        .merge(api::router())
        .merge(assets::router())
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .fallback(|| async { AppError::NotFound })
        .layer(middleware::from_fn_with_state(state.clone(), writes_take_turns))
        .layer(middleware::from_fn(api_errors_as_json))
        .layer(middleware::from_fn(refuse_cross_origin))
        .layer(middleware::from_fn_with_state(state.clone(), security_headers))
        .layer(middleware::from_fn_with_state(state.clone(), mark_arrival))
        .layer(middleware::from_fn_with_state(state.clone(), log_request))
        .layer(middleware::from_fn(crate::i18n::negotiate))
        // Text answers (pages, JSON, CSS, JS, SVG) travel compressed when the
        // client accepts it; level 4 keeps brotli and gzip quick on the fly.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(4)).compress_when(
            SizeAbove::new(512).and(NotForContentType::IMAGES).and(NotForContentType::const_new("application/pdf")),
        ))
        .with_state(state)
}

/// Writes wait for one of a few turns before their handler runs. The database
/// takes one write at a time anyway; without the wait, a burst of writes would
/// each load the walker's state (and read its body) and then hold both while
/// queueing for the database: 200 logs at once grew the server by 20 MB.
async fn writes_take_turns(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    match state.write_turns().acquire().await {
        Ok(_turn) => next.run(req).await,
        Err(_) => AppError::Internal("the write queue is closed".into()).into_response(),
    }
}

/// Ready to serve: the database answers. (`/healthz` says only that the
/// process is up.) A load balancer sends no traffic while this fails.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.store().scalar_text("SELECT 'ok'").await {
        Ok(_) => "ok".into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer").into_response(),
    }
}

/// Every error under `/api/` answers JSON with a stable code and the field:
/// axum's own refusals (a body that is not JSON, a missing query parameter, a
/// body over the limit) come as plain text and are rewritten here.
async fn api_errors_as_json(req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res;
    }
    let code = match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "bad_input",
        StatusCode::TOO_MANY_REQUESTS => "throttled",
        _ if status.is_server_error() => "internal",
        _ => "bad_request",
    };
    let text = match axum::body::to_bytes(res.into_body(), 64 * 1024).await {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(_) => String::new(),
    };
    // axum's messages lead with what failed; the rest names the field.
    let message = [
        "Failed to deserialize the JSON body into the target type: ",
        "Failed to deserialize query string: ",
        "Failed to parse the request body as JSON: ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p))
    .unwrap_or(&text)
    .trim();
    let message = if message.is_empty() { status.canonical_reason().unwrap_or("error") } else { message };
    crate::error::api_error_body(status, code, None, coach::error::field_of(message), message)
}

/// Refuses state-changing requests that a browser marks as coming from
/// another site, or whose Origin is not this host.
async fn refuse_cross_origin(req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let h = req.headers();
        // HTTP/1.1 carries the host in a header, HTTP/2 in the URI.
        let host =
            h.get(header::HOST).and_then(|v| v.to_str().ok()).or_else(|| req.uri().authority().map(|a| a.as_str()));
        let foreign = match h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
            // Browsers say where a request comes from; only this origin may write.
            Some(site) => !matches!(site, "same-origin" | "none"),
            // Older browsers: compare the Origin with our host. Non-browser
            // clients send neither and still need a CSRF or bearer token.
            None => match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()).filter(|o| *o != "null") {
                Some(origin) => Some(origin.split_once("://").map_or(origin, |(_, rest)| rest)) != host,
                None => false,
            },
        };
        if foreign {
            let api = req.uri().path().starts_with("/api/");
            return if api {
                crate::error::ApiError(AppError::CrossOrigin).into_response()
            } else {
                AppError::CrossOrigin.into_response()
            };
        }
    }
    next.run(req).await
}

async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // Pages, the API, exports and the calendar hold health data: no cache may
    // keep them. Assets set their own (long) lifetime before this runs.
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    if state.config().hsts {
        h.entry(header::STRICT_TRANSPORT_SECURITY).or_insert(HeaderValue::from_static("max-age=31536000"));
    }
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    // Everything comes from this server: no CDNs, no third parties.
    set(
        h,
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; \
         frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "same-origin");
    set(h, "x-frame-options", "DENY");
    set(h, "permissions-policy", "camera=(), microphone=(), geolocation=()");
    res
}

/// Marks when a read (GET or HEAD) arrived, so its session or token lookup and
/// its walker lookup share one change-stamp read that began after it arrived:
/// every commit before the request is seen, as with a read per lookup. Writes
/// are not marked: after their own commit they must read again.
async fn mark_arrival(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let read_only = matches!(*req.method(), Method::GET | Method::HEAD);
    match state.store().arrival().filter(|_| read_only) {
        Some(arrival) => crate::auth::session_cache::ARRIVAL.scope(arrival, next.run(req)).await,
        None => next.run(req).await,
    }
}

/// Logs and counts method, route pattern, status and time. Never the path,
/// the query string or the body: they can hold health data.
async fn log_request(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let method = req.method().clone();
    // A clone of the matched path is an Arc's count, not a copy of the text.
    let matched = req.extensions().get::<MatchedPath>().cloned();
    let route = matched.as_ref().map_or("unmatched", MatchedPath::as_str);
    let res = next.run(req).await;
    let took = started.elapsed();
    let status = res.status().as_u16();
    state.metrics().record(route, &method, status, took);
    tracing::info!(%method, route = %route, status, ms = took.as_millis() as u64, "request");
    res
}

/// Prometheus metrics (see `metrics`): no health data, so no sign-in; a
/// deployment keeps the path to its own network (README, "Several servers").
async fn metrics(State(state): State<AppState>) -> Response {
    let (open, idle, max) = state.store().pool_stats();
    let pool = crate::metrics::PoolStats { open, idle, max };
    let body = state.metrics().render(&pool, store::WalkerStore::backend(state.store()).name());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], body).into_response()
}
