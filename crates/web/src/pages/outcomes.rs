//! Outcome measures: what is due, each result against the smallest real
//! change, and a form per measure with a built-in stopwatch or counter.

use super::{Layout, Ready, ReadyForm, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coach::outcomes::{Due, Measure};
use serde::Deserialize;
use service::OutcomeRow;
use words::coach_words::{measure_name, measure_steps, measure_unit};

pub struct MeasureForm {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub steps: Vec<String>,
    /// `stopwatch`, `counter`, `activities` or `number`.
    pub tool: &'static str,
    pub due: bool,
    pub min: &'static str,
    pub max: &'static str,
}

#[derive(Template)]
#[template(path = "outcomes.html")]
struct OutcomesPage {
    l: Layout,
    due: Option<Due>,
    due_names: Vec<String>,
    rows: Vec<OutcomeRow>,
    questionnaire_rows: Vec<service::QuestionnaireRow>,
    /// Loaded questionnaires: (id, title, due now).
    questionnaires: Vec<(String, String, bool)>,
    forms: Vec<MeasureForm>,
    today: String,
    birth_year: String,
    sex: &'static str,
}

impl OutcomesPage {
    fn name(&self, m: &Measure) -> String {
        measure_name(&self.l.i18n, *m)
    }

    fn unit(&self, m: &Measure) -> String {
        measure_unit(&self.l.i18n, *m)
    }

    fn timepoint(&self, label: &str) -> String {
        words::coach_words::timepoint(&self.l.i18n, label)
    }

    fn date(&self, day: &jiff::civil::Date) -> String {
        self.l.i18n.full_date(day)
    }

    /// What the change from first to latest means, in the reader's language.
    fn change(&self, r: &OutcomeRow) -> Option<String> {
        r.trend.change.as_ref().map(|c| words::coach_words::change_words(&self.l.i18n, r.measure, c))
    }

    /// A questionnaire score's change, in the reader's language.
    fn scale_change(&self, c: &coach::outcomes::Interpretation) -> String {
        words::coach_words::scale_change_words(&self.l.i18n, c)
    }
}

pub fn page_for(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let mut l = Layout::new(state, Some(who), "outcomes", "outcomes.title");
    l.flash = flash;
    let due = s.outcomes_due();
    let due_list: Vec<Measure> = due.as_ref().map(|d| d.measures.clone()).unwrap_or_default();
    let forms = Measure::ALL
        .iter()
        .map(|m| {
            let (tool, min, max) = match m {
                Measure::TimedUpAndGo | Measure::FastWalk40m | Measure::BackwardWalk3m => ("stopwatch", "0.5", "600"),
                Measure::ChairStand30s => ("counter", "0", "60"),
                Measure::OwnActivities => ("activities", "0", "10"),
                Measure::GlobalChange => ("number", "-7", "7"),
                _ => ("number", "0", "10"),
            };
            MeasureForm {
                id: m.as_str().to_string(),
                name: measure_name(&l.i18n, *m),
                unit: measure_unit(&l.i18n, *m),
                steps: measure_steps(&l.i18n, *m),
                tool,
                due: due_list.contains(m),
                min,
                max,
            }
        })
        .collect();
    let due_questionnaires: Vec<(String, String)> = due.as_ref().map(|d| d.questionnaires.clone()).unwrap_or_default();
    render(&OutcomesPage {
        due_names: due_list
            .iter()
            .map(|m| measure_name(&l.i18n, *m))
            .chain(due_questionnaires.iter().map(|(_, title)| title.clone()))
            .collect(),
        questionnaires: s
            .questionnaires
            .iter()
            .map(|q| {
                let id = q.questionnaire.id.clone();
                let is_due = due_questionnaires.iter().any(|(d, _)| *d == id);
                (id, q.questionnaire.title.clone(), is_due)
            })
            .collect(),
        questionnaire_rows: service::questionnaire_rows(s),
        due,
        rows: service::outcome_rows(&s.outcomes),
        forms,
        l,
        today: s.today.to_string(),
        birth_year: s.walker.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        sex: match s.walker.sex {
            Some(coach::outcomes::Sex::Female) => "female",
            Some(coach::outcomes::Sex::Male) => "male",
            None => "",
        },
    })
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    page_for(&state, &who, &s, None)
}

#[derive(Deserialize)]
pub struct OutcomeFields {
    #[serde(default)]
    measure: String,
    value: Option<String>,
    date: Option<String>,
    /// Own activities: names and ratings, in pairs (fields that repeat).
    #[serde(default)]
    activity: Vec<String>,
    #[serde(default)]
    score: Vec<String>,
}

pub async fn submit(State(state): State<AppState>, f: ReadyForm<OutcomeFields>) -> Result<Response, AppError> {
    let s = &f.s;
    let result = async {
        let measure = Measure::typed(&f.form.measure)?;
        let value = match forms::text_opt(&f.form.value) {
            Some(t) => Some(
                t.replace(',', ".")
                    .parse::<f64>()
                    .map_err(|_| AppError::bad(format!("{}: '{t}' is not a number", measure.as_str())))?,
            ),
            None => None,
        };
        let mut activities = Vec::new();
        for (name, score) in f.form.activity.iter().zip(f.form.score.iter()) {
            if name.trim().is_empty() && score.trim().is_empty() {
                continue;
            }
            let v: f64 = score
                .trim()
                .parse()
                .map_err(|_| AppError::bad(format!("activities: '{score}' is not a rating 0-10")))?;
            activities.push((name.trim().to_string(), v));
        }
        let date = forms::date("date", &f.form.date)?.unwrap_or(s.today);
        let input = service::OutcomeInput { measure, value, activities, date };
        service::record_outcome(state.store(), f.who.access, input, s.today, state.now()).await.map_err(AppError::from)
    }
    .await;
    match result {
        Ok(done) => {
            let l = crate::i18n::current();
            let m = done.record.measure;
            let value = words::coach_words::decimal(&l, done.record.value.to_string());
            let (name, unit) = (measure_name(&l, m), measure_unit(&l, m));
            let mut msg = l.ta("outcomes.saved", &[("name", &name), ("value", &value), ("unit", &unit)]);
            if let Some(c) = &done.change {
                let words = words::coach_words::change_words(&l, m, c);
                msg.push_str(&format!(" {}", l.ta("outcomes.since_first", &[("words", &words)])));
            }
            for fl in &done.flags {
                msg.push(' ');
                msg.push_str(&words::coach_words::outcome_flag(&l, fl));
            }
            // The write changed the walker's state: load it afresh.
            let fresh = service::load(state.store(), f.who.access, s.today).await?;
            page_for(&state, &f.who, &fresh, Some(msg))
        }
        Err(AppError::BadInput(e)) => page_for(&state, &f.who, s, Some(state.i18n().problem(&e)))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct ProfileFields {
    birth_year: Option<String>,
    sex: Option<String>,
}

/// The optional profile for chair-stand norms.
pub async fn profile(State(state): State<AppState>, f: ReadyForm<ProfileFields>) -> Result<Response, AppError> {
    let s = &f.s;
    let result = async {
        let year = forms::int_in("birth_year", &f.form.birth_year, 1900, 2100)?;
        let sex = match forms::text_opt(&f.form.sex) {
            None => None,
            Some("female") => Some(coach::outcomes::Sex::Female),
            Some("male") => Some(coach::outcomes::Sex::Male),
            Some(other) => return Err(AppError::unexpected(format!("sex: '{other}' is not female or male"))),
        };
        service::set_profile(state.store(), f.who.access, year, sex, s.today).await.map_err(AppError::from)
    }
    .await;
    let fresh = service::load(state.store(), f.who.access, s.today).await?;
    match result {
        Ok(()) => page_for(&state, &f.who, &fresh, Some(state.i18n().t("outcomes.profile_saved").to_string())),
        Err(AppError::BadInput(e)) => page_for(&state, &f.who, &fresh, Some(state.i18n().problem(&e)))
            .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()),
        Err(e) => Err(e),
    }
}
