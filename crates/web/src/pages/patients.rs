//! A clinician's patient list (`/patients`): everyone in their care, the most
//! urgent first, each flag with its rule. Desktop and tablet first; it reflows
//! on a phone. Every row is read through the access rule.

use super::{Layout, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use service::clinics::PatientRow;

#[derive(Template)]
#[template(path = "patients.html")]
struct PatientsPage {
    l: Layout,
    rows: Vec<PatientRow>,
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let rows =
        service::clinics::patients(state.store(), &who.actor(), &who.client, state.now(), |tz| state.today_in(tz))
            .await?;
    let mut l = Layout::new(&state, Some(&who), "", "patients.title");
    l.wide = true;
    render(&PatientsPage { l, rows })
}
