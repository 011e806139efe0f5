//! Onboarding: the screening in plain words, one topic per screen, then a
//! clear outcome page. Answers of earlier screens travel in hidden fields, so
//! nothing is stored until the walker has answered everything.

use super::{Layout, render};
use crate::auth::extract::{CsrfForm, SignedIn};
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use coach::screening::{Answers, Outcome, QUESTIONS, Topic};
use std::collections::BTreeMap;

pub const STEPS: [&str; 4] = ["general", "knee", "balance", "timed"];

fn topic(step: &str) -> Option<Topic> {
    match step {
        "general" => Some(Topic::GeneralHealth),
        "knee" => Some(Topic::Knee),
        "balance" => Some(Topic::Balance),
        _ => None,
    }
}

pub struct QuestionView {
    pub id: String,
    pub text: String,
    pub yes: bool,
    pub no: bool,
}

#[derive(Template)]
#[template(path = "onboarding.html")]
struct StepPage {
    l: Layout,
    step: &'static str,
    number: usize,
    total: usize,
    intro_key: String,
    questions: Vec<QuestionView>,
    /// Answers from earlier screens, carried forward.
    carried: Vec<(String, String)>,
    tug: String,
    backward: String,
}

pub async fn start() -> Redirect {
    Redirect::to("/onboarding/general")
}

fn step_index(step: &str) -> Result<usize, AppError> {
    STEPS.iter().position(|s| *s == step).ok_or(AppError::NotFound)
}

fn render_step(
    state: &AppState,
    who: &SignedIn,
    i: usize,
    given: &BTreeMap<String, String>,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let step = STEPS[i];
    let mut l = Layout::new(state, Some(who), "", "onboarding.title");
    l.flash = flash;
    let questions: Vec<QuestionView> = topic(step)
        .map(|t| {
            QUESTIONS
                .iter()
                .filter(|q| q.topic == t)
                .map(|q| {
                    let id = q.id.as_str();
                    let v = given.get(id).map(String::as_str);
                    let text = words::coach_words::question(&l.i18n, q.id);
                    QuestionView { text, yes: v == Some("yes"), no: v == Some("no"), id: id.to_string() }
                })
                .collect()
        })
        .unwrap_or_default();
    let own: Vec<String> = questions.iter().map(|q: &QuestionView| q.id.clone()).collect();
    let carried = given
        .iter()
        .filter(|(k, v)| !own.contains(k) && (v.as_str() == "yes" || v.as_str() == "no"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let page = StepPage {
        l,
        step,
        number: i + 1,
        total: STEPS.len(),
        intro_key: format!("onboarding.intro_{step}"),
        questions,
        carried,
        tug: given.get("tug_seconds").cloned().unwrap_or_default(),
        backward: given.get("backward_3m_seconds").cloned().unwrap_or_default(),
    };
    render(&page)
}

pub async fn step_page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(step): Path<String>,
) -> Result<Response, AppError> {
    let i = step_index(&step)?;
    // Start from the last answers, so a re-screen only changes what changed.
    let mut given = BTreeMap::new();
    if let Some(last) = service::latest_screening(state.store(), who.access).await? {
        for (q, yes) in &last.answers.answers {
            given.insert(q.as_str().to_string(), if *yes { "yes" } else { "no" }.to_string());
        }
    }
    render_step(&state, &who, i, &given, None)
}

pub async fn step_submit(
    State(state): State<AppState>,
    Path(step): Path<String>,
    f: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let i = step_index(&step)?;
    let given: BTreeMap<String, String> = f.form.iter().filter(|(k, _)| k != "csrf").cloned().collect();
    if let Some(t) = topic(STEPS[i]) {
        let missing = QUESTIONS
            .iter()
            .filter(|q| q.topic == t)
            .any(|q| !matches!(given.get(q.id.as_str()).map(String::as_str), Some("yes" | "no")));
        if missing {
            let msg = state.i18n().t("onboarding.answer_all").to_string();
            return render_step(&state, &f.who, i, &given, Some(msg))
                .map(|r| (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response());
        }
        return render_step(&state, &f.who, i + 1, &given, None);
    }
    // The last screen: optional timed tests, then the outcome.
    let seconds = |name: &str| -> Result<Option<f64>, coach::InputError> {
        let value = given.get(name).cloned();
        let Some(t) = forms::text_opt(&value) else { return Ok(None) };
        let x: f64 = t.replace(',', ".").parse().map_err(|_| {
            coach::InputError::new(name, format!("'{t}' is not a number of seconds")).because(coach::Code::Invalid)
        })?;
        Ok(Some(x))
    };
    let mut answers = Answers::default();
    for q in QUESTIONS {
        match given.get(q.id.as_str()).map(String::as_str) {
            Some("yes") => answers.answers.insert(q.id, true),
            Some("no") => answers.answers.insert(q.id, false),
            _ => {
                return render_step(
                    &state,
                    &f.who,
                    0,
                    &given,
                    Some(state.i18n().t("onboarding.answer_all").to_string()),
                );
            }
        };
    }
    let timed = (seconds("tug_seconds"), seconds("backward_3m_seconds"));
    let (tug, backward) = match timed {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return render_step(&state, &f.who, i, &given, Some(state.i18n().problem(&e))),
    };
    answers.tug_seconds = tug;
    answers.backward_3m_seconds = backward;
    if let Err(e) = answers.validate() {
        return render_step(&state, &f.who, i, &given, Some(state.i18n().problem(&e)));
    }
    service::screen(state.store(), f.who.access, &answers, state.now()).await?;
    Ok(Redirect::to("/outcome").into_response())
}

#[derive(Template)]
#[template(path = "outcome.html")]
struct OutcomePage {
    l: Layout,
    outcome: Outcome,
    status: &'static str,
    status_key: String,
    has_programme: bool,
}

impl OutcomePage {
    /// A reason in the page's language (see `coach_words::screen_reason`).
    fn reason(&self, r: &coach::screening::Reason) -> String {
        words::coach_words::screen_reason(&self.l.i18n, r)
    }

    /// What to do now, in the page's language.
    fn next_step(&self) -> String {
        words::coach_words::screen_status(&self.l.i18n, self.outcome.status).1
    }
}

pub async fn outcome(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let store = state.store();
    let Some(screen) = service::latest_screening(store, who.access).await? else {
        return Ok(Redirect::to("/onboarding").into_response());
    };
    let has_programme = service::current_setup(store, who.access).await?.is_some();
    let l = Layout::new(&state, Some(&who), "", "outcome.title");
    let status = screen.outcome.status.label();
    render(&OutcomePage { l, status, status_key: format!("outcome.{status}"), outcome: screen.outcome, has_programme })
}

pub async fn clearance(
    State(state): State<AppState>,
    f: CsrfForm<crate::forms::Signature>,
) -> Result<Response, AppError> {
    let now = state.now();
    let role = state.i18n().role_or_default(&f.form.role);
    service::clear(state.store(), f.who.access, &f.form.by, &role, now, &f.form.note, now).await?;
    Ok(Redirect::to("/outcome").into_response())
}
