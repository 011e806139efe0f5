//! Questionnaires a clinic loads (a FHIR R4 Questionnaire and its scoring
//! definition): loading them, a walker answering one, and the table of
//! subscale scores with their change.

use crate::{QuestionnaireRow, ServiceError, ServiceResult, State, Trend};
use coach::questionnaire::{self, Answers};
use jiff::Timestamp;
use jiff::civil::Date;
use store::{LoadedQuestionnaire, QuestionnaireResult, Store};

/// The questionnaires loaded for every walker on this server, by title. A
/// clinic's own (its licence) reach only the walkers its care teams assign
/// them to, through their `State`.
pub async fn questionnaires<S: Store>(store: &S) -> ServiceResult<Vec<store::LoadedQuestionnaire>> {
    Ok(store.questionnaires().await?.into_iter().filter(|q| q.clinic.is_none()).collect())
}

/// Reads, checks and stores a questionnaire with its scoring: for every
/// walker on this server, or (with `clinic`) that clinic's, for the walkers
/// its care teams assign it to. Returns it and whether it replaced an earlier
/// load. Whoever calls has checked who may load it.
pub async fn load_questionnaire<S: Store>(
    store: &S,
    questionnaire_json: &str,
    scoring_json: &str,
    clinic: Option<store::ClinicId>,
    now: Timestamp,
) -> ServiceResult<(LoadedQuestionnaire, bool)> {
    if let Some(c) = clinic
        && !store.clinics().await?.iter().any(|x| x.id == c)
    {
        return Err(ServiceError::NotFound(format!("clinic {c} not found")));
    }
    // PostgreSQL cannot store a NUL character; refuse it on both backends.
    for (field, json) in [("questionnaire", questionnaire_json), ("scoring", scoring_json)] {
        if json.contains('\0') || json.to_ascii_lowercase().contains("\\u0000") {
            return Err(ServiceError::input(format!("{field}: contains a NUL character, which no text may hold"))
                .said(&format!("refusal.file_nul_{field}"), &[]));
        }
    }
    let questionnaire = questionnaire::parse_questionnaire(questionnaire_json)?;
    let scoring = questionnaire::parse_scoring(scoring_json, &questionnaire)?;
    let loaded = LoadedQuestionnaire { questionnaire, scoring, loaded_at: now, clinic };
    // A duplicate: another owner (the server or another clinic) loaded this id.
    let id = loaded.questionnaire.id.clone();
    let replaced = store
        .save_questionnaire(&loaded)
        .await
        .map_err(|e| ServiceError::duplicate_said(e, "refusal.questionnaire_id_taken", &[("id", &id)]))?;
    Ok((loaded, replaced))
}

impl State {
    /// A loaded questionnaire by id.
    pub fn questionnaire(&self, id: &str) -> ServiceResult<&LoadedQuestionnaire> {
        self.questionnaires
            .iter()
            .find(|q| q.questionnaire.id == id)
            .ok_or_else(|| ServiceError::NotFound(format!("questionnaire {id:?} is not loaded on this server")))
    }
}

/// Checks and scores the walker's answers and records them.
pub async fn answer_questionnaire<S: Store>(
    store: &S,
    state: &State,
    id: &str,
    answers: Answers,
    date: Option<Date>,
    now: Timestamp,
) -> ServiceResult<QuestionnaireResult> {
    let taken_on = state.past_date(date)?;
    let loaded = state.questionnaire(id)?;
    let q = &loaded.questionnaire;
    questionnaire::check_answers(q, &answers)?;
    if answers.is_empty() {
        return Err(ServiceError::input("answers: no question was answered").said("refusal.questionnaire_empty", &[]));
    }
    let result = QuestionnaireResult {
        questionnaire: q.id.clone(),
        title: q.title.clone(),
        version: q.version.clone(),
        taken_on,
        scores: questionnaire::score(q, &loaded.scoring, &answers),
        answers,
    };
    store.save_questionnaire_result(state.walker.id, &result, now).await?;
    Ok(result)
}

/// Every scored subscale of every questionnaire the walker answered.
pub fn questionnaire_rows(state: &State) -> Vec<QuestionnaireRow> {
    let mut rows: Vec<QuestionnaireRow> = Vec::new();
    for r in &state.questionnaire_results {
        for sc in &r.scores {
            let Some(value) = sc.score else { continue };
            match rows.iter_mut().find(|row| row.questionnaire == r.questionnaire && row.subscale == sc.id) {
                Some(row) => row.trend.add(value, r.taken_on),
                None => rows.push(QuestionnaireRow {
                    questionnaire: r.questionnaire.clone(),
                    title: r.title.clone(),
                    subscale: sc.id.clone(),
                    name: sc.name.clone(),
                    trend: Trend::starting(value, r.taken_on),
                }),
            }
        }
    }
    for row in &mut rows {
        let definition = state
            .questionnaires
            .iter()
            .find(|q| q.questionnaire.id == row.questionnaire)
            .and_then(|q| q.scoring.subscales.iter().find(|s| s.id == row.subscale));
        if let (Some(sub), true) = (definition, row.trend.results > 1) {
            row.trend.change = Some(questionnaire::interpret(sub, row.trend.first, row.trend.latest));
        }
    }
    rows
}
