//! The pages. Each handler extracts, calls the service layer and renders a
//! template; every page works without JavaScript except the guided timer.

pub mod account;
pub mod care;
pub mod clinic_admin;
pub mod guided;
pub mod import;
pub mod learn;
pub mod log;
pub mod motion;
pub mod onboarding;
pub mod outcomes;
pub mod patient;
pub mod patients;
pub mod plan;
pub mod progress;
pub mod questionnaire;
pub mod report;
pub mod restart;
pub mod second_factor;
pub mod settings;
pub mod setup;
pub mod today;

use crate::auth::extract::{CsrfForm, MaybeSignedIn, SignedIn};
use crate::cache::{Entry, Part};
use crate::error::AppError;
use crate::i18n::I18n;
pub use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::civil::Date;
use service::Stage;
use std::sync::{Arc, OnceLock};

impl Layout {
    pub fn new(state: &AppState, who: Option<&SignedIn>, nav: &'static str, title_key: &str) -> Layout {
        let i18n = state.i18n();
        Layout {
            title: i18n.t(title_key).to_string(),
            nav,
            csrf: who.map(|w| w.csrf.clone()).unwrap_or_default(),
            signed_in: who.is_some(),
            i18n,
            flash: None,
            wide: false,
            clinician: who.is_some_and(|w| w.account.role != store::Role::Walker),
            pending: who.is_some_and(|w| w.second_factor_pending),
            owner: who.map(|w| crate::layout::owner_tag(&w.account)).unwrap_or_default(),
        }
    }
}

/// Where an account goes once signed in: Today for a walker, the patient
/// list for clinic staff (a clinician with no programme of their own would
/// otherwise land on a walker's safety questions).
pub fn home_of(role: store::Role) -> &'static str {
    if role == store::Role::Walker { "/today" } else { "/patients" }
}

pub fn render(t: &impl Template) -> Result<Response, AppError> {
    render_string(t).map(|html| Html(html).into_response())
}

/// Today's date in the walker's time zone.
pub async fn walker_today(state: &AppState, who: &SignedIn) -> Result<Date, AppError> {
    Ok(state.today_in(&service::walker(state.store(), who.access).await?.time_zone))
}

/// The walker's cache entry (kept while it is current), or where to send
/// them to finish getting started.
pub async fn ready_entry(state: &AppState, who: &SignedIn) -> Result<Result<Arc<Entry>, Response>, AppError> {
    if let Some(e) = state.cache().get(who.access.walker(), who.walker_version, |tz| state.today_in(tz)) {
        return Ok(Ok(e));
    }
    let walker = service::walker(state.store(), who.access).await?;
    let today = state.today_in(&walker.time_zone);
    Ok(match service::stage_for(state.store(), who.access, walker, today).await? {
        Stage::NeedsScreening => Err(Redirect::to("/onboarding").into_response()),
        Stage::NeedsSetup(_) => Err(Redirect::to("/outcome").into_response()),
        Stage::Ready(s) => Ok(state.cache().put(Arc::from(s))),
    })
}

/// The walker's state (from the cache while it is current), or where to send
/// them to finish getting started.
pub async fn ready(state: &AppState, who: &SignedIn) -> Result<Result<Arc<service::State>, Response>, AppError> {
    Ok(ready_entry(state, who).await?.map(|e| Arc::clone(&e.state)))
}

/// A signed-in walker who is ready to train, with their state: the extractor
/// for every page that needs the programme. A walker still getting started is
/// sent to finish it (the rejection is that redirect), so no handler repeats
/// the check.
pub struct Ready {
    pub who: SignedIn,
    pub entry: Arc<Entry>,
    /// The walker's state (the entry's).
    pub s: Arc<service::State>,
}

impl Ready {
    async fn new(state: &AppState, who: SignedIn) -> Result<Ready, Response> {
        match ready_entry(state, &who).await {
            Ok(Ok(entry)) => Ok(Ready { s: Arc::clone(&entry.state), entry, who }),
            Ok(Err(redirect)) => Err(redirect),
            Err(e) => Err(e.into_response()),
        }
    }
}

impl FromRequestParts<AppState> for Ready {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let who = SignedIn::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        Ready::new(state, who).await
    }
}

/// [`CsrfForm`] from a walker who is ready to train: the form and its token
/// are checked first, then the state is loaded as [`Ready`] does.
pub struct ReadyForm<T> {
    pub who: SignedIn,
    pub form: T,
    pub s: Arc<service::State>,
}

impl<T: serde::de::DeserializeOwned + Send> FromRequest<AppState> for ReadyForm<T> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let CsrfForm { who, form } =
            CsrfForm::<T>::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        let Ready { who, s, .. } = Ready::new(state, who).await?;
        Ok(ReadyForm { who, form, s })
    }
}

/// A main page whose content depends only on the walker's state: the content
/// comes from the cache entry (rendered on first use), the layout around it
/// is rendered per request.
#[derive(Template)]
#[template(path = "content.html")]
struct ContentPage {
    l: Layout,
    content: Arc<str>,
}

pub fn content_page(
    l: Layout,
    entry: &Entry,
    part: Part,
    content: impl FnOnce(&service::State, I18n) -> Result<String, AppError>,
) -> Result<Response, AppError> {
    let i18n = l.i18n.clone();
    let content = entry.content(part, i18n.lang(), |s| content(s, i18n))?;
    render(&ContentPage { l, content })
}

/// A page whose content is the same for everybody: rendered once per server.
pub fn shared_content_page(
    l: Layout,
    slot: &OnceLock<Arc<str>>,
    content: impl FnOnce(I18n) -> Result<String, AppError>,
) -> Result<Response, AppError> {
    let content = crate::cache::rendered_once(slot, || content(l.i18n.clone()))?;
    render(&ContentPage { l, content })
}

/// Renders a template to a string (for content that is cached).
pub fn render_string(t: &impl Template) -> Result<String, AppError> {
    t.render().map_err(|e| AppError::Internal(format!("template: {e}")))
}

/// Signed in: today. Otherwise sign in, or sign up on a server nobody uses yet.
pub async fn home(
    axum::extract::State(state): axum::extract::State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
) -> Result<Redirect, AppError> {
    if let Some(who) = who {
        return Ok(Redirect::to(home_of(who.account.role)));
    }
    let anyone = crate::auth::accounts::anyone(&state).await?;
    Ok(Redirect::to(if anyone { "/signin" } else { "/signup" }))
}

/// The 0-10 pain selector: large radio buttons with word anchors. Rendered
/// by itself (`{{ scale|safe }}`), the same on every form that asks.
#[derive(Template)]
#[template(path = "pain_scale.html")]
pub struct PainScale {
    pub name: &'static str,
    pub legend: String,
    pub options: Vec<PainOption>,
    /// "0 no pain", "1–2 mild", …: each word once, with the numbers it covers.
    pub key: Vec<String>,
}

pub struct PainOption {
    pub value: u8,
    pub anchor: String,
    pub checked: bool,
}

impl PainScale {
    /// The words are in the request's language.
    pub fn new(name: &'static str, legend: &str, selected: Option<u8>) -> PainScale {
        let l = crate::i18n::current();
        let options = (0..=10u8)
            .map(|value| PainOption {
                value,
                anchor: words::coach_words::pain_anchor(&l, value),
                checked: selected == Some(value),
            })
            .collect::<Vec<PainOption>>();
        let mut key: Vec<(u8, u8, &str)> = Vec::new();
        for o in &options {
            match key.last_mut() {
                Some(last) if last.2 == o.anchor => last.1 = o.value,
                _ => key.push((o.value, o.value, &o.anchor)),
            }
        }
        let key = key
            .into_iter()
            .map(|(from, to, word)| if from == to { format!("{from} {word}") } else { format!("{from}–{to} {word}") })
            .collect();
        PainScale { name, legend: legend.to_string(), options, key }
    }
}

/// The red-flag symptom checkboxes.
pub struct SymptomBox {
    pub id: String,
    pub label: String,
}

/// In the request's language: a warning sign must be understood to be ticked.
pub fn symptom_boxes() -> Vec<SymptomBox> {
    let l = crate::i18n::current();
    coach::history::Symptom::ALL
        .iter()
        .map(|s| SymptomBox { id: s.as_str().to_string(), label: words::coach_words::symptom_label(&l, *s) })
        .collect()
}
