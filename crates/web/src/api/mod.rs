//! The JSON API under `/api/v1`: everything the pages do. Bearer tokens from
//! `retrowalk token create`, or the browser session plus `X-CSRF-Token`.
//! Every route is registered through `routes!`, so it is in the OpenAPI
//! document served at `/api/openapi.json` by construction.

mod account;
mod care;
mod clinic;
mod document;
mod dto;
mod imports;
mod outcomes;
mod plan;
mod screening;
mod sessions;

pub use document::openapi;

use crate::auth::extract::ApiAccount;
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::Json;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

fn parts() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(document::ApiDoc::openapi())
        .routes(routes!(account::me))
        .routes(routes!(screening::questions))
        .routes(routes!(screening::get_screening, screening::put_screening))
        .routes(routes!(screening::post_clearance))
        .routes(routes!(screening::post_restart))
        .routes(routes!(plan::get_setup, plan::put_setup))
        .routes(routes!(plan::today))
        .routes(routes!(plan::plan))
        .routes(routes!(sessions::list_sessions, sessions::log_session))
        .routes(routes!(sessions::check_in))
        .routes(routes!(sessions::progress))
        .routes(routes!(outcomes::list_outcomes, outcomes::record_outcome))
        .routes(routes!(account::export))
        .routes(routes!(account::report_pdf))
        // One activity file per request, with the web upload's per-file limit;
        // every other API body stays under axum's 2 MB default.
        .merge(
            OpenApiRouter::new()
                .routes(routes!(imports::import_file))
                .layer(axum::extract::DefaultBodyLimit::max(service::FILE_LIMIT)),
        )
        .merge(
            OpenApiRouter::new()
                .routes(routes!(imports::add_motion))
                .layer(axum::extract::DefaultBodyLimit::max(crate::recordings::UPLOAD_LIMIT)),
        )
        .routes(routes!(imports::list_motion))
        .routes(routes!(imports::delete_motion))
        .routes(routes!(imports::list_activities))
        .routes(routes!(imports::confirm_activity))
        .routes(routes!(outcomes::list_questionnaires))
        .routes(routes!(outcomes::answer_questionnaire))
        .routes(routes!(account::delete_account))
        .routes(routes!(plan::evidence))
        .routes(routes!(clinic::patients))
        .routes(routes!(clinic::members, clinic::add_member))
        .routes(routes!(clinic::remove_member))
        .routes(routes!(clinic::questionnaires, clinic::load_questionnaire))
        .routes(routes!(care::patient))
        .routes(routes!(care::review))
        .routes(routes!(care::clearance))
        .routes(routes!(care::restart))
        .routes(routes!(care::override_dose))
        .routes(routes!(care::revert))
        .routes(routes!(care::stop))
        .routes(routes!(care::assignments, care::assign))
        .routes(routes!(care::unassign))
        .routes(routes!(care::break_glass))
        .routes(routes!(care::patient_thread, care::patient_message))
        .routes(routes!(care::invite))
        .routes(routes!(care::my_care))
        .routes(routes!(care::my_message))
        .routes(routes!(care::join))
        .routes(routes!(care::leave))
        .split_for_parts()
}

pub fn router() -> axum::Router<AppState> {
    parts().0.route("/api/openapi.json", axum::routing::get(|| async { Json(openapi().clone()) }))
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// The walker's cache entry, from the same version-checked cache as the
/// pages: one query for the walker's version (none while an SQLite database
/// is unchanged), and the cached state while it is current.
async fn ready_entry(state: &AppState, a: &ApiAccount) -> Result<Arc<crate::cache::Entry>, ApiError> {
    let version = state.sessions().walker_version(state.store(), a.access.walker()).await?;
    if let Some(entry) = state.cache().get(a.access.walker(), version, |tz| state.today_in(tz)) {
        return Ok(entry);
    }
    let walker = service::walker(state.store(), a.access).await?;
    let today = state.today_in(&walker.time_zone);
    match service::stage_for(state.store(), a.access, walker, today).await? {
        service::Stage::Ready(s) => Ok(state.cache().put(Arc::from(s))),
        _ => Err(ApiError(AppError::bad("finish the screening and set-up first"))),
    }
}

/// The walker's state (see [`ready_entry`]).
async fn ready(state: &AppState, a: &ApiAccount) -> Result<Arc<service::State>, ApiError> {
    Ok(Arc::clone(&ready_entry(state, a).await?.state))
}

/// A read's JSON, serialised once per walker version and date and kept with
/// the state: the API reads the same way the pages render.
async fn cached<T: serde::Serialize>(
    state: &AppState,
    a: &ApiAccount,
    part: crate::cache::Part,
    build: impl FnOnce(&service::State) -> T,
) -> Result<Response, ApiError> {
    json_part(&*ready_entry(state, a).await?, part, build)
}

/// The entry's JSON for `part`, built the first time it is asked for.
fn json_part<T: serde::Serialize>(
    entry: &crate::cache::Entry,
    part: crate::cache::Part,
    build: impl FnOnce(&service::State) -> T,
) -> Result<Response, ApiError> {
    let json = entry.content(part, crate::i18n::Lang::En, |s| {
        serde_json::to_string(&build(s)).map_err(|e| AppError::Internal(e.to_string()))
    })?;
    Ok(json_response(json))
}

/// JSON kept in memory, answered without copying it.
fn json_response(json: Arc<str>) -> Response {
    let body = axum::body::Bytes::from_owner(crate::cache::SharedText(json));
    ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// An optional named value as sent: absent is none; anything sent, even
/// blank, must be one of the names (unlike a form, where blank is "not given").
fn named<T: coach::names::Named>(v: &Option<String>) -> Result<Option<T>, ApiError> {
    v.as_deref().map(|t| coach::names::exact(t).map_err(|e| ApiError::from(coach::InputError::from(e)))).transpose()
}

fn parse_date(field: &str, v: &Option<String>) -> Result<Option<jiff::civil::Date>, ApiError> {
    Ok(crate::forms::date(field, v)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_lists_every_route() {
        let doc = super::openapi();
        for p in
            ["/api/v1/me", "/api/v1/today", "/api/v1/sessions", "/api/v1/checkins", "/api/v1/setup", "/api/v1/account"]
        {
            assert!(doc["paths"].get(p).is_some(), "{p}");
        }
    }
}
