//! Set-up: equipment, training days, start date, time zone and usual pain.
//! The same form serves first set-up and later changes in Settings.

use super::{Layout, PainScale, render};
use crate::auth::extract::{CsrfForm, SignedIn};
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use coach::setup::{Day, Item, Setup};
use serde::Deserialize;
use service::SetupStart;

pub struct Check {
    pub value: &'static str,
    pub label_key: String,
    pub checked: bool,
}

/// The set-up form's fields, shared with Settings.
pub struct SetupForm {
    pub equipment: Vec<Check>,
    pub days: Vec<Check>,
    pub start: String,
    pub time_zone: String,
    pub pain: PainScale,
    pub weeks: String,
    pub forward_speed: String,
}

impl SetupForm {
    /// Every time zone the server knows, for the field's searchable list.
    pub fn zones(&self) -> &'static [String] {
        static ZONES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        ZONES.get_or_init(|| {
            let mut names: Vec<String> = jiff::tz::db()
                .available()
                .map(|n| n.as_str().to_string())
                // The names people use: Region/City (not "EST5EDT" or "Etc/GMT+3").
                .filter(|n| n.contains('/') && !n.starts_with("Etc/") && !n.starts_with("posix/"))
                .collect();
            names.push("UTC".into());
            names.sort();
            names.dedup();
            names
        })
    }

    /// A first set-up still shows the default: the browser's own zone is
    /// put in instead (app.js).
    pub fn guess_zone(&self) -> bool {
        self.time_zone.is_empty() || self.time_zone == "UTC"
    }
}

impl SetupForm {
    pub fn from_setup(s: &Setup, legend: &str) -> SetupForm {
        SetupForm {
            equipment: equipment_checks(|i| s.equipment.has(i)),
            days: day_checks(|d| s.training_days.contains(&d)),
            start: s.start.to_string(),
            time_zone: s.time_zone.clone(),
            pain: PainScale::new("baseline_pain", legend, Some(s.baseline_pain.value())),
            weeks: s.weeks.to_string(),
            forward_speed: format!("{:.1}", f64::from(s.forward_speed_tenths) / 10.0),
        }
    }

    /// The form as the walker filled it in, for showing it again with what
    /// was wrong: nothing they typed or ticked is lost.
    pub fn from_fields(f: &SetupFields, legend: &str) -> SetupForm {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        SetupForm {
            equipment: equipment_checks(|i| f.equipment.iter().any(|v| v == i.as_str())),
            days: day_checks(|d| f.day.iter().any(|v| v == d.as_str())),
            start: text(&f.start),
            time_zone: text(&f.time_zone),
            pain: PainScale::new("baseline_pain", legend, f.baseline_pain.as_deref().and_then(|p| p.parse().ok())),
            weeks: text(&f.weeks),
            forward_speed: text(&f.forward_speed),
        }
    }
}

fn equipment_checks(checked: impl Fn(Item) -> bool) -> Vec<Check> {
    Item::ALL
        .into_iter()
        .map(|i| Check { value: i.as_str(), label_key: format!("setup.equipment_{}", i.as_str()), checked: checked(i) })
        .collect()
}

fn day_checks(checked: impl Fn(Day) -> bool) -> Vec<Check> {
    Day::ALL
        .into_iter()
        .map(|d| Check { value: d.as_str(), label_key: format!("day.{}", d.as_str()), checked: checked(d) })
        .collect()
}

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    l: Layout,
    form: SetupForm,
    action: &'static str,
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let today = super::walker_today(&state, &who).await?;
    let setup = match service::setup_start(state.store(), who.access, today).await? {
        SetupStart::NeedsScreening => return Ok(Redirect::to("/onboarding").into_response()),
        SetupStart::MayNotTrain => return Ok(Redirect::to("/outcome").into_response()),
        SetupStart::Ready(setup) => setup,
    };
    let l = Layout::new(&state, Some(&who), "", "setup.title");
    let form = SetupForm::from_setup(&setup, l.t("setup.baseline_pain"));
    render(&SetupPage { l, form, action: "/setup" })
}

#[derive(Deserialize)]
pub struct SetupFields {
    start: Option<String>,
    time_zone: Option<String>,
    baseline_pain: Option<String>,
    weeks: Option<String>,
    forward_speed: Option<String>,
    /// The ticked boxes (fields that repeat).
    #[serde(default)]
    equipment: Vec<String>,
    #[serde(default)]
    day: Vec<String>,
}

/// Reads and saves a set-up form (first set-up and Settings alike); bad
/// input comes back as `AppError::BadInput` for the form to show.
pub async fn save(state: &AppState, who: &SignedIn, form: &SetupFields) -> Result<(), AppError> {
    let setup = parse(form)?;
    service::set_up(state.store(), who.access, &setup, state.now()).await?;
    Ok(())
}

/// Reads a set-up form.
pub fn parse(f: &SetupFields) -> Result<Setup, AppError> {
    forms::setup(&forms::SetupInput {
        equipment: f.equipment.clone(),
        days: f.day.clone(),
        start: f.start.clone(),
        time_zone: f.time_zone.clone(),
        baseline_pain: f.baseline_pain.clone(),
        weeks: f.weeks.clone(),
        forward_speed: f.forward_speed.clone(),
    })
}

pub async fn submit(State(state): State<AppState>, f: CsrfForm<SetupFields>) -> Result<Response, AppError> {
    let today = super::walker_today(&state, &f.who).await?;
    if !matches!(service::setup_start(state.store(), f.who.access, today).await?, SetupStart::Ready(_)) {
        return Ok(Redirect::to("/outcome").into_response());
    }
    match save(&state, &f.who, &f.form).await {
        Ok(_) => Ok(Redirect::to("/today").into_response()),
        Err(AppError::BadInput(e)) => {
            let mut l = Layout::new(&state, Some(&f.who), "", "setup.title");
            l.flash = Some(l.i18n.problem(&e));
            let form = SetupForm::from_fields(&f.form, l.t("setup.baseline_pain"));
            render(&SetupPage { l, form, action: "/setup" })
                .map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}
