//! Learn: why retro walking, safety, technique, the exercises, the rules and
//! the evidence list; and one page per rule, exercise or evidence row
//! (`/learn/{id}`), where every "why" link in the app lands.

use super::{Layout, render, render_string, shared_content_page};
use crate::auth::extract::MaybeSignedIn;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
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
    exercises: Vec<ExerciseWords>,
    rules: Vec<RuleView>,
    tips: Vec<String>,
}

/// An exercise in the reader's language, with its evidence rows.
struct ExerciseWords {
    id: &'static str,
    name: String,
    steps: Vec<String>,
    why: String,
    evidence: &'static [&'static str],
}

impl ExerciseWords {
    fn new(l: &I18n, e: &Exercise) -> Self {
        use words::coach_words::{exercise_name, exercise_steps, exercise_why};
        ExerciseWords {
            id: e.id,
            name: exercise_name(l, e),
            steps: exercise_steps(l, e),
            why: exercise_why(l, e),
            evidence: e.evidence,
        }
    }
}

impl LearnContent {
    /// The translation key of a rule's plain-words description.
    fn finding(&self, e: &Evidence) -> String {
        words::coach_words::finding(&self.l, e)
    }

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
    use coach::dose::Surface;
    let mut tips = words::coach_words::tips(&l, Surface::Treadmill);
    for tip in words::coach_words::tips(&l, Surface::Overground) {
        if !tips.contains(&tip) {
            tips.push(tip);
        }
    }
    render_string(&LearnContent {
        exercises: exercises::all().map(|e| ExerciseWords::new(&l, e)).collect(),
        l,
        evidence: ALL,
        rules: coach::adaptation::rules().into_iter().map(|(id, evidence)| RuleView { id, evidence }).collect(),
        tips,
    })
}

/// One "why" answered on a page of its own: what the rule (or exercise) says,
/// why, in the evidence rows' plain words, and the sources written out, each
/// with a link where it has a DOI. The code is for clinicians, at the foot.
#[derive(Template)]
#[template(path = "learn_rule.html")]
struct RulePage {
    l: Layout,
    id: String,
    heading: String,
    says: String,
    rows: Vec<&'static Evidence>,
    sources: Vec<Source>,
}

impl RulePage {
    /// How sure the row is, in words.
    fn finding(&self, e: &Evidence) -> String {
        words::coach_words::finding(&self.l.i18n, e)
    }

    fn certainty_key(&self, e: &Evidence) -> &'static str {
        match e.certainty {
            coach::evidence::Certainty::Verified => "learn.certainty_verified",
            coach::evidence::Certainty::Secondary => "learn.certainty_secondary",
            coach::evidence::Certainty::Design => "learn.certainty_design",
        }
    }
}

pub struct Source {
    pub text: &'static str,
    /// Where to read it, and the words on the link.
    pub link: Option<(String, &'static str)>,
}

/// Where to read a source: its DOI (doi.org) when it gives one, else a
/// PubMed search for the citation (never a DOI we are not sure of); our own
/// design choices have none.
fn source_link(e: &Evidence) -> Option<(String, &'static str)> {
    if e.certainty == coach::evidence::Certainty::Design {
        return None;
    }
    let doi = e.source.split("doi:").nth(1).and_then(|d| d.split_whitespace().next());
    match doi.map(|d| d.trim_end_matches(['.', ',', ';', ')'])).filter(|d| !d.is_empty()) {
        Some(doi) => Some((format!("https://doi.org/{doi}"), "learn.read_source")),
        None => {
            let term: String = serde_urlencoded::to_string([("term", e.source)]).unwrap_or_default();
            Some((format!("https://pubmed.ncbi.nlm.nih.gov/?{term}"), "learn.find_source"))
        }
    }
}

pub async fn rule(
    State(state): State<AppState>,
    MaybeSignedIn(who): MaybeSignedIn,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Response, AppError> {
    let mut l = Layout::new(&state, who.as_ref(), "learn", "learn.title");
    use words::coach_words::{exercise_name, exercise_why, finding};
    let rule = |rule: &str| (l.t("learn.rule_heading").to_string(), l.t(&format!("rule.{rule}")).to_string());
    let (heading, says, evidence): (String, String, Vec<&'static str>) =
        if let Some((id, evidence)) = coach::adaptation::rules().into_iter().find(|(r, _)| *r == id) {
            let (h, s) = rule(id);
            (h, s, evidence.to_vec())
        } else if let Some((id, evidence)) = coach::screening::rules().into_iter().find(|(r, _)| *r == id) {
            let (h, s) = rule(id);
            (h, s, evidence)
        } else if let Some(e) = exercises::all().find(|e| e.id == id) {
            (exercise_name(&l.i18n, e), exercise_why(&l.i18n, e), e.evidence.to_vec())
        } else if let Some(e) = coach::evidence::find(&id) {
            (l.t("learn.source_heading").to_string(), finding(&l.i18n, e), vec![e.id])
        } else {
            // Anything else is looked for on Learn itself.
            return Ok(axum::response::Redirect::to(&format!("/learn#{}", urlencoding(&id))).into_response());
        };
    let rows: Vec<&'static Evidence> = evidence.iter().filter_map(|e| coach::evidence::find(e)).collect();
    let mut sources: Vec<Source> = Vec::new();
    for r in &rows {
        if !sources.iter().any(|s| s.text == r.source) {
            sources.push(Source { text: r.source, link: source_link(r) });
        }
    }
    l.title = heading.clone();
    render(&RulePage { l, id, heading, says, rows, sources })
}

/// Only letters, digits and `-._` go back into the fragment.
fn urlencoding(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || "-._".contains(*c)).collect()
}
