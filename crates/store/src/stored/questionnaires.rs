//! A clinic's questionnaire, its scoring and the scores it gave, as stored (version 1).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubscaleScoreV1 {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub answered: usize,
    pub of: usize,
    pub needed: usize,
}

impl From<&coach::questionnaire::SubscaleScore> for SubscaleScoreV1 {
    fn from(s: &coach::questionnaire::SubscaleScore) -> Self {
        let coach::questionnaire::SubscaleScore { id, name, score, answered, of, needed } = s.clone();
        SubscaleScoreV1 { id, name, score, answered, of, needed }
    }
}

impl From<SubscaleScoreV1> for coach::questionnaire::SubscaleScore {
    fn from(s: SubscaleScoreV1) -> Self {
        let SubscaleScoreV1 { id, name, score, answered, of, needed } = s;
        coach::questionnaire::SubscaleScore { id, name, score, answered, of, needed }
    }
}

// ---- a clinic's loaded questionnaire ----

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireV1 {
    pub id: String,
    pub title: String,
    pub version: String,
    pub copyright: String,
    pub items: Vec<ItemV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemV1 {
    pub link_id: String,
    pub text: String,
    pub section: String,
    pub required: bool,
    pub options: Vec<AnswerOptionV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerOptionV1 {
    pub code: String,
    pub display: String,
    pub ordinal: Option<f64>,
}

impl From<&coach::questionnaire::Questionnaire> for QuestionnaireV1 {
    fn from(q: &coach::questionnaire::Questionnaire) -> Self {
        let coach::questionnaire::Questionnaire { id, title, version, copyright, items } = q.clone();
        let items = items
            .into_iter()
            .map(|i| {
                let coach::questionnaire::Item { link_id, text, section, required, options } = i;
                let options = options
                    .into_iter()
                    .map(|o| {
                        let coach::questionnaire::AnswerOption { code, display, ordinal } = o;
                        AnswerOptionV1 { code, display, ordinal }
                    })
                    .collect();
                ItemV1 { link_id, text, section, required, options }
            })
            .collect();
        QuestionnaireV1 { id, title, version, copyright, items }
    }
}

impl From<QuestionnaireV1> for coach::questionnaire::Questionnaire {
    fn from(q: QuestionnaireV1) -> Self {
        let items = q
            .items
            .into_iter()
            .map(|i| coach::questionnaire::Item {
                link_id: i.link_id,
                text: i.text,
                section: i.section,
                required: i.required,
                options: i
                    .options
                    .into_iter()
                    .map(|o| coach::questionnaire::AnswerOption {
                        code: o.code,
                        display: o.display,
                        ordinal: o.ordinal,
                    })
                    .collect(),
            })
            .collect();
        coach::questionnaire::Questionnaire {
            id: q.id,
            title: q.title,
            version: q.version,
            copyright: q.copyright,
            items,
        }
    }
}

/// The clinic's scoring definition as loaded (its own file format, kept whole).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoringV1 {
    pub questionnaire: String,
    pub kind: String,
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
    pub subscales: Vec<SubscaleV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubscaleV1 {
    pub id: String,
    pub name: String,
    pub items: Vec<String>,
    pub min_answered: MinAnsweredV1,
    #[serde(default)]
    pub invert: bool,
    #[serde(default = "yes")]
    pub higher_is_better: bool,
    #[serde(default)]
    pub mdc: Option<f64>,
    #[serde(default)]
    pub mdc_source: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MinAnsweredV1 {
    Count(usize),
    Share(String),
}

impl From<&coach::questionnaire::Scoring> for ScoringV1 {
    fn from(s: &coach::questionnaire::Scoring) -> Self {
        use coach::questionnaire::MinAnswered;
        let coach::questionnaire::Scoring { questionnaire, kind, values, subscales } = s.clone();
        let subscales = subscales
            .into_iter()
            .map(|x| {
                let coach::questionnaire::Subscale {
                    id,
                    name,
                    items,
                    min_answered,
                    invert,
                    higher_is_better,
                    mdc,
                    mdc_source,
                } = x;
                let min_answered = match min_answered {
                    MinAnswered::Count(n) => MinAnsweredV1::Count(n),
                    MinAnswered::Share(t) => MinAnsweredV1::Share(t),
                };
                SubscaleV1 { id, name, items, min_answered, invert, higher_is_better, mdc, mdc_source }
            })
            .collect();
        ScoringV1 { questionnaire, kind, values, subscales }
    }
}

impl From<ScoringV1> for coach::questionnaire::Scoring {
    fn from(s: ScoringV1) -> Self {
        use coach::questionnaire::MinAnswered;
        let subscales = s
            .subscales
            .into_iter()
            .map(|x| coach::questionnaire::Subscale {
                id: x.id,
                name: x.name,
                items: x.items,
                min_answered: match x.min_answered {
                    MinAnsweredV1::Count(n) => MinAnswered::Count(n),
                    MinAnsweredV1::Share(t) => MinAnswered::Share(t),
                },
                invert: x.invert,
                higher_is_better: x.higher_is_better,
                mdc: x.mdc,
                mdc_source: x.mdc_source,
            })
            .collect();
        coach::questionnaire::Scoring { questionnaire: s.questionnaire, kind: s.kind, values: s.values, subscales }
    }
}
