//! A questionnaire the clinic loaded, given on one page: each question is a
//! group of large radio buttons; the scores show on the Measures page.

use super::{Layout, Ready, ReadyForm, outcomes, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coach::questionnaire::{Answers, Questionnaire};

#[derive(Template)]
#[template(path = "questionnaire.html")]
struct QuestionnairePage {
    l: Layout,
    q: Questionnaire,
    answers: Answers,
    today: String,
}

impl QuestionnairePage {
    /// Whether the walker picked this answer (kept when the form comes back with an error).
    fn picked(&self, link_id: &str, code: &str) -> bool {
        self.answers.get(link_id).is_some_and(|a| a == code)
    }

    /// Whether the question at `i` opens a new group heading.
    fn starts_section(&self, i: &usize) -> bool {
        let i = *i;
        let here = &self.q.items[i].section;
        !here.is_empty() && (i == 0 || self.q.items[i - 1].section != *here)
    }
}

fn page_for(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    id: &str,
    answers: Answers,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let q = s.questionnaire(id)?.questionnaire.clone();
    let mut l = Layout::new(state, Some(who), "outcomes", "questionnaire.title");
    l.flash = flash;
    render(&QuestionnairePage { l, q, answers, today: s.today.to_string() })
}

pub async fn page(
    State(state): State<AppState>,
    Ready { who, s, .. }: Ready,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    page_for(&state, &who, &s, &id, Answers::new(), None)
}

pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    f: ReadyForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = &f.s;
    // Every field but the token and the date is a question's linkId.
    let answers: Answers =
        f.form.iter().filter(|(k, _)| k != "csrf" && k != "date").map(|(k, v)| (k.clone(), v.clone())).collect();
    let date = f.form.iter().find(|(k, _)| k == "date").map(|(_, v)| v.clone());
    let result = async {
        let date = forms::date("date", &date)?;
        service::answer_questionnaire(state.store(), s, &id, answers.clone(), date, state.now())
            .await
            .map_err(AppError::from)
    }
    .await;
    match result {
        Ok(done) => {
            let l = state.i18n();
            let scores: Vec<String> = done
                .scores
                .iter()
                .map(|sc| {
                    let (answered, of, needed) = (sc.answered.to_string(), sc.of.to_string(), sc.needed.to_string());
                    match sc.score {
                        Some(v) => {
                            let score = words::coach_words::decimal(&l, v.to_string());
                            l.ta("questionnaire.saved_score", &[("name", &sc.name), ("score", &score)])
                        }
                        None => l.ta(
                            "questionnaire.saved_not_scored",
                            &[("name", &sc.name), ("answered", &answered), ("of", &of), ("needed", &needed)],
                        ),
                    }
                })
                .collect();
            let msg = l.ta("questionnaire.saved", &[("title", &done.title), ("scores", &scores.join("; "))]);
            let fresh = service::load(state.store(), f.who.access, s.today).await?;
            outcomes::page_for(&state, &f.who, &fresh, Some(msg))
        }
        Err(AppError::BadInput(e)) => page_for(&state, &f.who, s, &id, answers, Some(state.i18n().problem(&e)))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}
