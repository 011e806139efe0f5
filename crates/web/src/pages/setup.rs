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
use coach::setup::{DEFAULT_FORWARD_SPEED_TENTHS, DEFAULT_WEEKS, Day, Equipment, Setup};
use serde::Deserialize;
use store::Store;

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
    pub weeks: u8,
    pub forward_speed: String,
}

pub const EQUIPMENT: [&str; 5] = ["treadmill", "safety_key", "handrails", "bike", "pool"];
const DAYS: [(&str, Day); 7] = [
    ("mon", Day::Mon),
    ("tue", Day::Tue),
    ("wed", Day::Wed),
    ("thu", Day::Thu),
    ("fri", Day::Fri),
    ("sat", Day::Sat),
    ("sun", Day::Sun),
];

impl SetupForm {
    pub fn from_setup(s: &Setup, legend: &str) -> SetupForm {
        let e = s.equipment;
        let has = [e.treadmill, e.safety_key, e.handrails, e.bike, e.pool];
        SetupForm {
            equipment: EQUIPMENT
                .iter()
                .zip(has)
                .map(|(v, c)| Check { value: v, label_key: format!("setup.equipment_{v}"), checked: c })
                .collect(),
            days: DAYS
                .iter()
                .map(|(v, d)| Check { value: v, label_key: format!("day.{v}"), checked: s.training_days.contains(d) })
                .collect(),
            start: s.start.to_string(),
            time_zone: s.time_zone.clone(),
            pain: PainScale::new("baseline_pain", legend, Some(s.baseline_pain.value())),
            weeks: s.weeks,
            forward_speed: format!("{:.1}", f64::from(s.forward_speed_tenths) / 10.0),
        }
    }
}

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    l: Layout,
    form: SetupForm,
    action: &'static str,
}

/// A sensible first set-up: Mon/Wed/Fri from today, the walker's time zone.
pub fn default_setup(today: jiff::civil::Date, tz: &str) -> Setup {
    Setup {
        equipment: Equipment::default(),
        training_days: vec![Day::Mon, Day::Wed, Day::Fri],
        start: today,
        time_zone: tz.to_string(),
        baseline_pain: coach::Pain::NONE,
        weeks: DEFAULT_WEEKS,
        forward_speed_tenths: DEFAULT_FORWARD_SPEED_TENTHS,
    }
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let store = state.store();
    let Some(screen) = store.latest_screening(who.account.walker).await? else {
        return Ok(Redirect::to("/onboarding").into_response());
    };
    if !screen.outcome.status.may_train() {
        return Ok(Redirect::to("/outcome").into_response());
    }
    let walker = store.walker(who.account.walker).await?;
    let today = super::walker_today(&state, &who).await?;
    let setup = match store.active_programme(who.account.walker).await? {
        Some(p) => p.setup,
        None => default_setup(today, &walker.time_zone),
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
}

impl SetupFields {
    /// The same fields from typed values (the API's set-up).
    pub fn new(
        start: &str,
        time_zone: &str,
        baseline_pain: i64,
        weeks: Option<u8>,
        forward_speed: Option<f64>,
    ) -> SetupFields {
        SetupFields {
            start: Some(start.to_string()),
            time_zone: Some(time_zone.to_string()),
            baseline_pain: Some(baseline_pain.to_string()),
            weeks: weeks.map(|w| w.to_string()),
            forward_speed: forward_speed.map(|f| f.to_string()),
        }
    }
}

/// Reads a set-up form; errors name the field.
pub fn parse(f: &SetupFields, raw: &str) -> Result<Setup, AppError> {
    let equipment_values = forms::all_values(raw, "equipment");
    if let Some(unknown) = equipment_values.iter().find(|v| !EQUIPMENT.contains(&v.as_str())) {
        return Err(AppError::bad(format!("equipment: '{unknown}' is not one of {}", EQUIPMENT.join(", "))));
    }
    let has = |v: &str| equipment_values.iter().any(|x| x == v);
    let equipment = Equipment {
        treadmill: has("treadmill"),
        safety_key: has("safety_key"),
        handrails: has("handrails"),
        bike: has("bike"),
        pool: has("pool"),
    };
    let training_days = forms::all_values(raw, "day")
        .iter()
        .map(|d| Day::parse(d).map_err(AppError::from))
        .collect::<Result<Vec<_>, _>>()?;
    let start = forms::date("start", &f.start)?.ok_or_else(|| AppError::bad("start: choose a start date"))?;
    let time_zone = forms::text_opt(&f.time_zone).unwrap_or("UTC").to_string();
    if jiff::tz::TimeZone::get(&time_zone).is_err() {
        return Err(AppError::bad(format!(
            "time_zone: '{time_zone}' is not a known time zone; use a name like Europe/London"
        )));
    }
    let setup = Setup {
        equipment,
        training_days,
        start,
        time_zone,
        baseline_pain: forms::pain("baseline_pain", &f.baseline_pain)?
            .ok_or_else(|| AppError::bad("baseline_pain: choose your usual knee pain, 0 to 10"))?,
        weeks: forms::small("weeks", &f.weeks, 1, 52)?.unwrap_or(DEFAULT_WEEKS),
        forward_speed_tenths: forms::kmh_tenths("forward_speed", &f.forward_speed)?
            .unwrap_or(DEFAULT_FORWARD_SPEED_TENTHS),
    };
    setup.validate()?;
    Ok(setup)
}

pub async fn submit(State(state): State<AppState>, f: CsrfForm<SetupFields>) -> Result<Response, AppError> {
    let store = state.store();
    let screen = store.latest_screening(f.who.account.walker).await?;
    if !screen.is_some_and(|s| s.outcome.status.may_train()) {
        return Ok(Redirect::to("/outcome").into_response());
    }
    match parse(&f.form, &f.raw) {
        Ok(setup) => {
            service::set_up(store, f.who.account.walker, &setup, state.now()).await?;
            Ok(Redirect::to("/today").into_response())
        }
        Err(e) => {
            let today = super::walker_today(&state, &f.who).await?;
            let mut l = Layout::new(&state, Some(&f.who), "", "setup.title");
            l.flash = Some(e.message());
            let form = SetupForm::from_setup(&default_setup(today, "UTC"), l.t("setup.baseline_pain"));
            render(&SetupPage { l, form, action: "/setup" })
                .map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
    }
}
