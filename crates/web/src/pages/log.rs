//! The session log and the next-morning check-in.

use super::{Layout, PainScale, Ready, ReadyForm, SymptomBox, render, symptom_boxes};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use service::LogInput;

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    l: Layout,
    date: String,
    max_date: String,
    minutes: String,
    bouts: String,
    speed: String,
    incline: u8,
    treadmill: bool,
    support: &'static str,
    scales: Vec<PainScale>,
    symptoms: Vec<SymptomBox>,
    notes: String,
}

#[derive(Deserialize, Default)]
pub struct LogFields {
    date: Option<String>,
    minutes: Option<String>,
    bouts: Option<String>,
    speed: Option<String>,
    incline: Option<String>,
    support: Option<String>,
    surface: Option<String>,
    pain_before: Option<String>,
    pain_peak: Option<String>,
    pain_after: Option<String>,
    rpe: Option<String>,
    notes: Option<String>,
    /// The ticked red-flag boxes (a field that repeats).
    #[serde(default)]
    symptom: Vec<String>,
}

fn log_page(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    f: &LogFields,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let date = forms::date("date", &f.date).ok().flatten().unwrap_or(s.today);
    let dose = service::prescribed(s, date);
    let week = s.programme.week_of(date);
    let mut l = Layout::new(state, Some(who), "today", "log.title");
    l.flash = flash;
    let selected = |v: &Option<String>| forms::text_opt(v).and_then(|t| t.parse::<u8>().ok());
    let scales = vec![
        PainScale::new("pain_before", l.t("log.pain_before"), selected(&f.pain_before)),
        PainScale::new("pain_peak", l.t("log.pain_peak"), selected(&f.pain_peak)),
        PainScale::new("pain_after", l.t("log.pain_after"), selected(&f.pain_after)),
    ];
    let page = LogPage {
        date: date.to_string(),
        max_date: s.today.to_string(),
        minutes: forms::text_opt(&f.minutes).map_or(dose.minutes.to_string(), str::to_string),
        bouts: forms::text_opt(&f.bouts)
            .map_or(dose.bouts(week, s.programme.limits.supported_only).len().to_string(), str::to_string),
        speed: format!("{:.1}", f64::from(dose.speed_tenths) / 10.0),
        incline: dose.incline_pct,
        treadmill: dose.surface == coach::dose::Surface::Treadmill,
        support: dose.support.as_str(),
        scales,
        symptoms: symptom_boxes(),
        notes: f.notes.clone().unwrap_or_default(),
        l,
    };
    render(&page)
}

pub async fn page(
    State(state): State<AppState>,
    Ready { who, s, .. }: Ready,
    Query(q): Query<LogFields>,
) -> Result<Response, AppError> {
    if s.pause().is_some() {
        // The form is filled in with a dose: never show it while paused.
        // Today says why and what ends the pause.
        return Ok(Redirect::to("/today").into_response());
    }
    log_page(&state, &who, &s, &q, None)
}

/// The most a log form may weigh: far above any note that is kept (2,000
/// characters), so that a huge paste reaches the form's own check and comes
/// back with everything else kept, rather than an error page.
pub const FORM_LIMIT: usize = 8 * 1024 * 1024;

/// Reads the log form into the service's input; errors name the field.
pub fn log_input(f: &LogFields) -> Result<LogInput, AppError> {
    Ok(LogInput {
        date: forms::date("date", &f.date)?,
        minutes: forms::small("minutes", &f.minutes, 1, 120)?,
        bouts: forms::small("bouts", &f.bouts, 1, 30)?,
        speed_tenths: forms::kmh_tenths("speed", &f.speed)?,
        incline_pct: forms::small("incline", &f.incline, 0, 15)?,
        support: forms::named(&f.support)?,
        surface: forms::named(&f.surface)?,
        pain_before: forms::pain("pain_before", &f.pain_before)?,
        pain_peak: forms::pain("pain_peak", &f.pain_peak)?,
        pain_after: forms::pain("pain_after", &f.pain_after)?,
        rpe: forms::small("rpe", &f.rpe, 0, 10)?,
        symptoms: forms::symptoms(&f.symptom)?,
        notes: f.notes.clone().unwrap_or_default(),
    })
}

pub async fn submit(State(state): State<AppState>, f: ReadyForm<LogFields>) -> Result<Response, AppError> {
    let s = &f.s;
    if s.pause().is_some() {
        return Ok(Redirect::to("/today").into_response());
    }
    let result = match log_input(&f.form) {
        Ok(input) => service::log_session(state.store(), s, input, state.now()).await.map_err(AppError::from),
        Err(e) => Err(e),
    };
    match result {
        // A stop is the first and only message: Today shows it, with no
        // "well done" above it.
        Ok(done) if done.stop.is_some() => Ok(Redirect::to("/today").into_response()),
        Ok(_) => Ok(Redirect::to("/today?logged=1").into_response()),
        Err(AppError::BadInput(e)) => log_page(&state, &f.who, s, &f.form, Some(state.i18n().problem(&e)))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "checkin.html")]
struct CheckinPage {
    l: Layout,
    session: String,
    scale: PainScale,
    symptoms: Vec<SymptomBox>,
    usual: u8,
}

pub async fn checkin_page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    checkin_form(&state, &who, &s, None)
}

fn checkin_form(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let session = match service::checkin_session(s, None) {
        Ok((today, session)) => state.i18n().day(&session, &today),
        Err(e) if flash.is_none() => {
            // Today says what to do instead, in the walker's words.
            let note = match e.code() {
                Some(coach::Code::NothingToDo) => "checkin_nothing",
                Some(coach::Code::AlreadyDone) => "checkin_done",
                _ => "checkin_unavailable",
            };
            return Ok(Redirect::to(&format!("/today?note={note}")).into_response());
        }
        Err(_) => String::new(),
    };
    let mut l = Layout::new(state, Some(who), "today", "checkin.title");
    l.flash = flash;
    let scale = PainScale::new("pain", l.t("checkin.pain"), None);
    render(&CheckinPage {
        l,
        session,
        scale,
        symptoms: symptom_boxes(),
        usual: s.programme.setup.baseline_pain.value(),
    })
}

#[derive(Deserialize)]
pub struct CheckinFields {
    pain: Option<String>,
    #[serde(default)]
    symptom: Vec<String>,
}

pub async fn checkin_submit(State(state): State<AppState>, f: ReadyForm<CheckinFields>) -> Result<Response, AppError> {
    let s = &f.s;
    let result = async {
        let pain =
            forms::pain("pain", &f.form.pain)?.ok_or_else(|| AppError::bad("pain: choose a number from 0 to 10"))?;
        let symptoms = forms::symptoms(&f.form.symptom)?;
        service::check_in(state.store(), s, None, pain, symptoms, state.now()).await.map_err(AppError::from)
    }
    .await;
    match result {
        Ok(done) if done.stop.is_some() => Ok(Redirect::to("/today").into_response()),
        Ok(_) => Ok(Redirect::to("/today?checked_in=1").into_response()),
        Err(AppError::BadInput(e)) => checkin_form(&state, &f.who, s, Some(state.i18n().problem(&e)))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}
