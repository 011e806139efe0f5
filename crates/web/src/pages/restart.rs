//! Restarting a programme the coach stopped: the clinician's name, role and
//! note, and the dose it restarts at. Two steps, so the dose recorded is the
//! dose shown: the first post shows it, the second (carrying the minutes that
//! were shown) records it.

use super::{Layout, Ready, ReadyForm, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use service::{DoseInput, RestartInput};

#[derive(Template)]
#[template(path = "restart.html")]
struct RestartPage {
    l: Layout,
    /// Why it stopped, in words.
    reasons: Vec<String>,
    /// The dose it restarts at, in words.
    dose: String,
    minutes: u8,
    form: RestartFields,
    /// The dose above is the one the form records (else the form shows it first).
    confirming: bool,
    /// In a clinic's care, its care team signs the restart: the clinic, and no form.
    care_team: Option<String>,
    /// A care team stopped the programme (the walker may have left it since):
    /// only a clinician restarts it, so no form either.
    by_clinician: bool,
}

#[derive(Deserialize, Default, Clone)]
pub struct RestartFields {
    #[serde(flatten)]
    signed: forms::Signature,
    minutes: Option<String>,
    /// The minutes that were shown with the dose: recording needs them unchanged.
    shown: Option<String>,
}

fn dose_input(f: &RestartFields) -> Result<DoseInput, AppError> {
    // Not `minutes`: the log's message for that field speaks of 1 to 120.
    Ok(DoseInput { minutes: forms::small("restart_minutes", &f.minutes, 3, 20)?, ..DoseInput::default() })
}

async fn restart_page(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    form: RestartFields,
    confirming: bool,
    flash: Option<String>,
) -> Result<Response, AppError> {
    // Only a stopped programme restarts; anything else goes back to Today.
    let Some(pause) = s.pause().filter(|p| p.kind.needs_restart() && p.restart_from.is_none()) else {
        return Ok(Redirect::to("/today").into_response());
    };
    let input = dose_input(&form).unwrap_or_default();
    let dose = service::restart_dose(s, &input).or_else(|_| service::restart_dose(s, &DoseInput::default()))?;
    let mut l = Layout::new(state, Some(who), "today", "restart.title");
    l.flash = flash;
    let (p, lang) = (&s.programme, state.i18n());
    let care_team = service::care::my_clinics(state.store(), who.access).await?.into_iter().next().map(|c| c.name);
    render(&RestartPage {
        care_team,
        by_clinician: pause.kind.by_clinician(),
        l,
        reasons: words::coach_words::pause_reasons(&lang, &pause, Some(&s.screen.outcome)),
        dose: words::coach_words::summary(&lang, &dose, p.week_of(s.today), p.limits.supported_only),
        minutes: dose.minutes,
        form,
        confirming,
    })
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    restart_page(&state, &who, &s, RestartFields::default(), false, None).await
}

pub async fn submit(State(state): State<AppState>, f: ReadyForm<RestartFields>) -> Result<Response, AppError> {
    let s = &f.s;
    // First the dose is shown; it is recorded only as shown.
    let minutes = forms::text_opt(&f.form.minutes).map(str::to_string);
    if minutes.is_none() || f.form.shown != minutes {
        let checked = dose_input(&f.form)
            .and_then(|d| service::restart_dose(s, &d).map_err(AppError::from))
            .map_err(|e| e.page_message(&state.i18n()));
        return match checked {
            Ok(_) => restart_page(&state, &f.who, s, f.form.clone(), true, None).await,
            Err(msg) => restart_page(&state, &f.who, s, f.form.clone(), false, Some(msg))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        };
    }
    let result = async {
        let input = RestartInput {
            dose: dose_input(&f.form)?,
            by: f.form.signed.by.clone(),
            role: f.form.signed.role.clone(),
            note: f.form.signed.note.clone(),
        };
        service::restart(state.store(), s, input, state.now()).await.map_err(AppError::from)
    }
    .await;
    match result {
        Ok(_) => Ok(Redirect::to("/today").into_response()),
        Err(AppError::BadInput(e)) => {
            restart_page(&state, &f.who, s, f.form.clone(), true, Some(state.i18n().problem(&e)))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}
