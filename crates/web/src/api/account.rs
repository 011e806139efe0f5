//! The account: who is signed in, the archive and report they take away, and deleting it all.

use super::{ApiResult, ready, ready_entry};
use crate::auth::audit;
use crate::auth::extract::{ApiAccount, ClientAddr};
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use store::SecurityKind;
use utoipa::ToSchema;

/// The signed-in account and where it is in getting started.
#[utoipa::path(get, path = "/api/v1/me", security(("bearer" = [])), responses((status = 200, body = MeDto), (status = 401)))]
pub(super) async fn me(State(state): State<AppState>, a: ApiAccount) -> ApiResult<MeDto> {
    // A walker whose state loads is set up; the entry is kept, so the next
    // call needs no query.
    if let Ok(entry) = ready_entry(&state, &a).await {
        let w = &entry.state.walker;
        return Ok(Json(MeDto {
            email: a.account.email,
            name: w.name.clone(),
            time_zone: w.time_zone.clone(),
            stage: service::Stage::READY.into(),
        }));
    }
    let w = service::walker(state.store(), a.access).await?;
    let stage = service::stage_for(state.store(), a.access, w.clone(), state.today_in(&w.time_zone)).await?;
    Ok(Json(MeDto { email: a.account.email, name: w.name, time_zone: w.time_zone, stage: stage.name().into() }))
}

/// Everything about the walker as one archive.
#[utoipa::path(get, path = "/api/v1/export", security(("bearer" = [])), responses((status = 200, description = "The retrowalk-archive JSON document")))]
pub(super) async fn export(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
) -> Result<Json<serde_json::Value>, ApiError> {
    let s = ready(&state, &a).await?;
    audit::record(&state, SecurityKind::Export, Some(a.account.id), &client, "archive json (api)").await?;
    Ok(Json(service::export_json(state.store(), &s, state.now()).await?))
}

/// The clinician report as a PDF file.
#[utoipa::path(get, path = "/api/v1/report.pdf", security(("bearer" = [])), responses((status = 200, description = "The clinician report", content_type = "application/pdf")))]
pub(super) async fn report_pdf(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
) -> Result<Response, ApiError> {
    let s = ready(&state, &a).await?;
    audit::record(&state, SecurityKind::Export, Some(a.account.id), &client, "report pdf (api)").await?;
    let pdf = report_pdf::render(&service::report(&s), &crate::i18n::current());
    Ok(([(axum::http::header::CONTENT_TYPE, "application/pdf")], pdf).into_response())
}

/// Deletes the account and everything recorded about the walker.
#[utoipa::path(delete, path = "/api/v1/account", security(("bearer" = [])), responses((status = 204), (status = 401)))]
pub(super) async fn delete_account(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
) -> Result<StatusCode, ApiError> {
    service::delete_walker(state.store(), a.access).await?;
    audit::record(&state, SecurityKind::AccountDeleted, Some(a.account.id), &client, "(api)").await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub email: String,
    pub name: String,
    pub time_zone: String,
    /// `needs_screening`, `needs_setup` or `ready`.
    pub stage: String,
}
