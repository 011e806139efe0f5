//! Learn: why retro walking, safety, technique, the exercises, the rules and
//! the evidence list. Every "why" link in the app points to an anchor here.

use super::{Layout, render_string, shared_content_page};
use crate::auth::extract::MaybeSignedIn;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use coach::evidence::{ALL, Evidence};
use coach::exercises::{self, Exercise};

pub struct RuleView {
    pub id: &'static str,
    pub evidence: &'static [&'static str],
}

#[derive(Template)]
#[template(path = "learn.html")]
struct LearnContent {
    l: I18n,
    evidence: &'static [Evidence],
    exercises: Vec<&'static Exercise>,
    rules: Vec<RuleView>,
    tips: Vec<&'static str>,
}

impl LearnContent {
    /// The translation key of a rule's plain-words description.
    fn rule_key(&self, id: &str) -> String {
        format!("rule.{id}")
    }
}

pub async fn page(State(state): State<AppState>, MaybeSignedIn(who): MaybeSignedIn) -> Result<Response, AppError> {
    let l = Layout::new(&state, who.as_ref(), "learn", "learn.title");
    shared_content_page(l, state.learn_content(), content)
}

/// The page's content: the same for everybody, so the server renders it once.
fn content(l: I18n) -> Result<String, AppError> {
    let mut tips = coach::today::tips(coach::dose::Surface::Treadmill);
    tips.extend(
        coach::today::tips(coach::dose::Surface::Overground)
            .into_iter()
            .filter(|t| !tips.contains(t))
            .collect::<Vec<_>>(),
    );
    render_string(&LearnContent {
        l,
        evidence: ALL,
        exercises: exercises::all().collect(),
        rules: coach::adaptation::rules().into_iter().map(|(id, evidence)| RuleView { id, evidence }).collect(),
        tips,
    })
}
