//! A clinic admin's view of their clinic (`/clinics/{id}`): every break-glass,
//! and every read and write of a walker's record by the clinic's members,
//! newest first. Admins see who reached which record, never the record. The
//! reading itself is logged.

use super::{Layout, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

#[derive(Template)]
#[template(path = "clinic_log.html")]
struct ClinicLogPage {
    l: Layout,
    name: String,
    rows: Vec<Row>,
    break_glasses: Vec<Row>,
}

struct Row {
    at: String,
    what: String,
    who: String,
    walker: String,
    detail: String,
}

/// Entries shown.
const SHOWN: u32 = 200;

pub async fn page(State(state): State<AppState>, who: SignedIn, Path(id): Path<i64>) -> Result<Response, AppError> {
    let log =
        service::clinics::clinic_log(state.store(), &who.actor(), store::ClinicId(id), SHOWN, &who.client, state.now())
            .await?;
    let mut l = Layout::new(&state, Some(&who), "patients", "clinic.title");
    l.wide = true;
    let at = |t: jiff::Timestamp| t.strftime("%Y-%m-%d %H:%M UTC").to_string();
    let mut rows = Vec::new();
    for e in &log.events {
        let who = match e.account {
            Some(a) => crate::auth::accounts::email_of(&state, a).await,
            None => "-".into(),
        };
        rows.push(Row {
            at: at(e.at),
            what: l.t(&format!("security.{}", e.kind.as_str())).to_string(),
            who,
            walker: e.walker.map_or("-".into(), |w| w.to_string()),
            detail: e.detail.clone(),
        });
    }
    let mut break_glasses = Vec::new();
    for b in &log.break_glasses {
        break_glasses.push(Row {
            at: at(b.started_at),
            what: format!("{} {}", l.t("clinic.until"), at(b.ends_at)),
            who: crate::auth::accounts::email_of(&state, b.account).await,
            walker: b.walker.to_string(),
            detail: b.reason.clone(),
        });
    }
    render(&ClinicLogPage { l, name: log.clinic.name, rows, break_glasses })
}
