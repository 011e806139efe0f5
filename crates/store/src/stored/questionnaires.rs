//! A clinic's questionnaire, its scoring and the scores it gave, as stored (version 1).

use crate::StoreError;
use std::collections::BTreeMap;

mirror!(SubscaleScoreV1 <=> coach::questionnaire::SubscaleScore {
    id: String,
    name: String,
    score: Option<f64>,
    answered: usize,
    of: usize,
    needed: usize,
});

mirror!(AnswerOptionV1 <=> coach::questionnaire::AnswerOption {
    code: String,
    display: String,
    ordinal: Option<f64>,
});

mirror!(ItemV1 <=> coach::questionnaire::Item {
    link_id: String,
    text: String,
    section: String,
    required: bool,
    options: Vec<AnswerOptionV1> as each,
});

mirror!(QuestionnaireV1 <=> coach::questionnaire::Questionnaire {
    id: String,
    title: String,
    version: String,
    copyright: String,
    items: Vec<ItemV1> as each,
});

fn yes() -> bool {
    true
}

mirror!(SubscaleV1 <=> coach::questionnaire::Subscale {
    id: String,
    name: String,
    items: Vec<String>,
    min_answered: MinAnsweredV1 as one,
    #[serde(default)]
    invert: bool,
    #[serde(default = "yes")]
    higher_is_better: bool,
    #[serde(default)]
    mdc: Option<f64>,
    #[serde(default)]
    mdc_source: Option<String>,
});

// The clinic's scoring definition as loaded (its own file format, kept whole).
mirror!(ScoringV1 <=> coach::questionnaire::Scoring {
    questionnaire: String,
    kind: String,
    #[serde(default)]
    values: BTreeMap<String, f64>,
    subscales: Vec<SubscaleV1> as each,
});

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum MinAnsweredV1 {
    Count(usize),
    Share(String),
}

impl From<&coach::questionnaire::MinAnswered> for MinAnsweredV1 {
    fn from(m: &coach::questionnaire::MinAnswered) -> Self {
        match m.clone() {
            coach::questionnaire::MinAnswered::Count(n) => MinAnsweredV1::Count(n),
            coach::questionnaire::MinAnswered::Share(t) => MinAnsweredV1::Share(t),
        }
    }
}

impl TryFrom<MinAnsweredV1> for coach::questionnaire::MinAnswered {
    type Error = StoreError;
    fn try_from(m: MinAnsweredV1) -> crate::Result<Self> {
        Ok(match m {
            MinAnsweredV1::Count(n) => coach::questionnaire::MinAnswered::Count(n),
            MinAnsweredV1::Share(t) => coach::questionnaire::MinAnswered::Share(t),
        })
    }
}
