//! Questionnaires a clinic loads as data: a FHIR R4 `Questionnaire` and a small
//! scoring definition. retrowalk ships no licensed wording; a licence holder
//! brings the questionnaire, and it is given and scored like a built-in
//! measure. One generic scoring kind covers the common instruments: items
//! scored 0–4, a subscale's mean turned into 0–100, and a minimum number of
//! answered items below which the subscale is not scored.

use crate::error::InputError;
use crate::outcomes::{Better, Interpretation, judge};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The parts of a FHIR R4 Questionnaire that giving and scoring it needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    pub version: String,
    /// Licence or copyright text, shown with the questionnaire.
    pub copyright: String,
    /// The questions in order, groups flattened (each keeps its group's text).
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub link_id: String,
    pub text: String,
    /// The heading of the group the item sits in, if any.
    pub section: String,
    pub required: bool,
    pub options: Vec<AnswerOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerOption {
    pub code: String,
    pub display: String,
    /// The FHIR ordinalValue extension, if the option carries one.
    pub ordinal: Option<f64>,
}

// FHIR JSON, as far as it is read. Unknown fields are ignored, as FHIR allows.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FhirQuestionnaire {
    resource_type: String,
    id: Option<String>,
    url: Option<String>,
    version: Option<String>,
    title: Option<String>,
    name: Option<String>,
    copyright: Option<String>,
    #[serde(default)]
    item: Vec<FhirItem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FhirItem {
    link_id: String,
    text: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    answer_option: Vec<FhirOption>,
    #[serde(default)]
    item: Vec<FhirItem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FhirOption {
    value_coding: Option<FhirCoding>,
    value_integer: Option<i64>,
    value_string: Option<String>,
}

#[derive(Deserialize)]
struct FhirCoding {
    code: Option<String>,
    display: Option<String>,
    #[serde(default)]
    extension: Vec<FhirExtension>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FhirExtension {
    url: String,
    value_decimal: Option<f64>,
}

const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/// A file that the JSON reader refused, said in the reader's language: what
/// kind of fault and where (line and column). The reader's own English
/// detail ("expected `,` or `}`", a field's name) stays in the English
/// message, for the operator's terminal and the API.
fn not_json(e: InputError, file: &str, why: &serde_json::Error) -> InputError {
    use serde_json::error::Category;
    // A key the definition does not know, or one it needs, is named: the
    // reader's only English here is that key, which is the file's own word.
    let text = why.to_string();
    let named = ["unknown", "missing", "duplicate"].into_iter().find_map(|kind| {
        let rest = text.strip_prefix(kind)?.strip_prefix(" field `")?;
        Some((kind, rest.split('`').next()?.to_string()))
    });
    let (line, column) = (why.line(), why.column());
    match (why.classify(), named) {
        (Category::Data, Some((kind, field))) => e.said(
            &format!("refusal.{file}_json_{kind}_field"),
            &[("field", &field), ("line", &line), ("column", &column)],
        ),
        (Category::Eof, _) => e.said(&format!("refusal.{file}_json_ends"), &[("line", &line), ("column", &column)]),
        (Category::Data, None) => {
            e.said(&format!("refusal.{file}_json_shape"), &[("line", &line), ("column", &column)])
        }
        (Category::Syntax | Category::Io, _) => {
            e.said(&format!("refusal.{file}_json_syntax"), &[("line", &line), ("column", &column)])
        }
    }
}

/// Reads a FHIR R4 Questionnaire from JSON. Errors name the place in the document.
pub fn parse_questionnaire(json: &str) -> Result<Questionnaire, InputError> {
    let q: FhirQuestionnaire = serde_json::from_str(json).map_err(|e| {
        not_json(InputError::new("questionnaire", format!("not a FHIR Questionnaire in JSON: {e}")), "fhir", &e)
    })?;
    if q.resource_type != "Questionnaire" {
        return Err(InputError::new(
            "questionnaire.resourceType",
            format!("expected \"Questionnaire\", got {:?}", q.resource_type),
        )
        .said("refusal.fhir_not_questionnaire", &[("got", &q.resource_type)]));
    }
    let id = q.id.or(q.url).ok_or_else(|| {
        InputError::new("questionnaire.id", "the questionnaire needs an id or url").said("refusal.fhir_no_id", &[])
    })?;
    let mut items = Vec::new();
    flatten(&q.item, "", "item", &mut items)?;
    if !items.iter().any(|i| !i.options.is_empty()) {
        return Err(InputError::new("questionnaire.item", "the questionnaire has no choice questions to answer")
            .said("refusal.fhir_no_choices", &[]));
    }
    let mut seen = std::collections::BTreeSet::new();
    if let Some(dup) = items.iter().find(|i| !seen.insert(i.link_id.clone())) {
        return Err(InputError::new("questionnaire.item", format!("linkId {:?} is used twice", dup.link_id))
            .said("refusal.fhir_link_twice", &[("link", &dup.link_id)]));
    }
    Ok(Questionnaire {
        title: q.title.or(q.name).unwrap_or_else(|| id.clone()),
        id,
        version: q.version.unwrap_or_default(),
        copyright: q.copyright.unwrap_or_default(),
        items,
    })
}

fn flatten(items: &[FhirItem], section: &str, path: &str, out: &mut Vec<Item>) -> Result<(), InputError> {
    for (n, it) in items.iter().enumerate() {
        let here = format!("{path}[{n}]");
        match it.kind.as_str() {
            "group" => flatten(&it.item, it.text.as_deref().unwrap_or(section), &format!("{here}.item"), out)?,
            "display" => {}
            "choice" | "coding" => {
                let options = it
                    .answer_option
                    .iter()
                    .enumerate()
                    .map(|(k, o)| {
                        option(o).ok_or_else(|| {
                            let at = format!("{here}.answerOption[{k}]");
                            InputError::new(
                                &at,
                                "an answer option needs a valueCoding with a code, a valueInteger or a valueString",
                            )
                            .said("refusal.fhir_bad_option", &[("at", &at)])
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if options.is_empty() {
                    let at = format!("{here}.answerOption");
                    return Err(InputError::new(&at, format!("question {:?} has no answer options", it.link_id))
                        .said("refusal.fhir_no_options", &[("link", &it.link_id), ("at", &at)]));
                }
                out.push(Item {
                    link_id: it.link_id.clone(),
                    text: it.text.clone().unwrap_or_default(),
                    section: section.to_string(),
                    required: it.required,
                    options,
                });
            }
            other => {
                let at = format!("{here}.type");
                return Err(InputError::new(
                    &at,
                    format!(
                        "question {:?} has type {other:?}; retrowalk gives choice questions, groups and display text",
                        it.link_id
                    ),
                )
                .said("refusal.fhir_unsupported_type", &[("link", &it.link_id), ("kind", &other), ("at", &at)]));
            }
        }
    }
    Ok(())
}

fn option(o: &FhirOption) -> Option<AnswerOption> {
    if let Some(c) = &o.value_coding {
        let code = c.code.clone()?;
        let ordinal = c.extension.iter().find(|e| e.url == ORDINAL_VALUE).and_then(|e| e.value_decimal);
        return Some(AnswerOption { display: c.display.clone().unwrap_or_else(|| code.clone()), code, ordinal });
    }
    if let Some(i) = o.value_integer {
        return Some(AnswerOption { code: i.to_string(), display: i.to_string(), ordinal: Some(i as f64) });
    }
    o.value_string.as_ref().map(|s| AnswerOption { code: s.clone(), display: s.clone(), ordinal: None })
}

/// How a loaded questionnaire is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// The questionnaire's id (or url) this definition scores.
    pub questionnaire: String,
    /// The one generic kind: `mean_0_4_to_100`.
    pub kind: String,
    /// Answer code -> item value 0..=4. Without it, an option's ordinalValue
    /// extension is used, then its code read as a number.
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
    pub subscales: Vec<Subscale>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    pub id: String,
    pub name: String,
    pub items: Vec<String>,
    /// Fewest answered items for a score: a count ("5") or a share ("50%").
    pub min_answered: MinAnswered,
    /// When 4 means the most trouble: the score is 100 − mean × 25, so that
    /// 100 is the best. Otherwise mean × 25.
    #[serde(default)]
    pub invert: bool,
    /// Whether a higher score is better (true for inverted scales).
    #[serde(default = "yes")]
    pub higher_is_better: bool,
    /// The smallest real change in score points, with its source, if the
    /// clinic has one. Without it changes are shown without a judgement.
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
pub enum MinAnswered {
    Count(usize),
    Share(String),
}

impl MinAnswered {
    /// The fewest items to answer out of `of`; an invalid share is caught by `check`.
    fn needed(&self, of: usize) -> usize {
        match self {
            MinAnswered::Count(n) => *n,
            MinAnswered::Share(s) => {
                let pct: f64 = s.trim_end_matches('%').trim().parse().unwrap_or(100.0);
                ((of as f64) * pct / 100.0).ceil() as usize
            }
        }
    }
}

pub const KIND_MEAN_0_4_TO_100: &str = "mean_0_4_to_100";

/// Reads a scoring definition (JSON) and checks it against its questionnaire.
pub fn parse_scoring(json: &str, q: &Questionnaire) -> Result<Scoring, InputError> {
    let s: Scoring = serde_json::from_str(json)
        .map_err(|e| not_json(InputError::new("scoring", format!("not a scoring definition: {e}")), "scoring", &e))?;
    if s.questionnaire != q.id {
        return Err(InputError::new(
            "scoring.questionnaire",
            format!("scores {:?}, but the questionnaire is {:?}", s.questionnaire, q.id),
        )
        .said("refusal.scoring_other", &[("scores", &s.questionnaire), ("questionnaire", &q.id)]));
    }
    if s.kind != KIND_MEAN_0_4_TO_100 {
        return Err(InputError::new(
            "scoring.kind",
            format!("unknown kind {:?}; the one kind is {KIND_MEAN_0_4_TO_100:?}", s.kind),
        )
        .said("refusal.scoring_kind", &[("kind", &s.kind), ("known", &KIND_MEAN_0_4_TO_100)]));
    }
    if s.subscales.is_empty() {
        return Err(InputError::new("scoring.subscales", "at least one subscale is needed")
            .said("refusal.scoring_no_subscales", &[]));
    }
    for (n, sub) in s.subscales.iter().enumerate() {
        let at = format!("scoring.subscales[{n}]");
        if sub.items.is_empty() {
            return Err(InputError::new(format!("{at}.items"), format!("subscale {:?} has no items", sub.id))
                .said("refusal.scoring_no_items", &[("subscale", &sub.id), ("at", &at)]));
        }
        if let MinAnswered::Share(share) = &sub.min_answered {
            let ok = share.ends_with('%')
                && share.trim_end_matches('%').trim().parse::<f64>().is_ok_and(|p| (0.0..=100.0).contains(&p));
            if !ok {
                return Err(InputError::new(
                    format!("{at}.min_answered"),
                    format!("expected a count or a share like \"50%\", got {share:?}"),
                )
                .said("refusal.scoring_share", &[("typed", share), ("at", &at)]));
            }
        }
        let needed = sub.min_answered.needed(sub.items.len());
        if needed == 0 || needed > sub.items.len() {
            return Err(InputError::new(
                format!("{at}.min_answered"),
                format!("needs 1 to {} answered items, got {needed}", sub.items.len()),
            )
            .said("refusal.scoring_needed", &[("most", &sub.items.len()), ("needed", &needed), ("at", &at)]));
        }
        if sub.mdc.is_some() != sub.mdc_source.is_some() {
            return Err(InputError::new(
                format!("{at}.mdc"),
                "give mdc and mdc_source together: a threshold needs its source",
            )
            .said("refusal.scoring_mdc_source", &[("at", &at)]));
        }
        for link in &sub.items {
            let item = q.items.iter().find(|i| &i.link_id == link).ok_or_else(|| {
                InputError::new(
                    format!("{at}.items"),
                    format!("{link:?} is not a choice question of the questionnaire"),
                )
                .said("refusal.scoring_not_a_question", &[("link", link), ("at", &at)])
            })?;
            for o in &item.options {
                match value_of(&s, o) {
                    Some(v) if (0.0..=4.0).contains(&v) => {}
                    other => {
                        return Err(InputError::new(
                            format!("{at}.items"),
                            format!("answer {:?} of {link:?} scores {other:?}; items must score 0 to 4", o.code),
                        )
                        .said("refusal.scoring_item_range", &[("answer", &o.code), ("link", link), ("at", &at)]));
                    }
                }
            }
        }
    }
    Ok(s)
}

fn value_of(s: &Scoring, o: &AnswerOption) -> Option<f64> {
    s.values.get(&o.code).copied().or(o.ordinal).or_else(|| o.code.parse().ok())
}

/// The walker's answers: linkId -> answer code.
pub type Answers = BTreeMap<String, String>;

/// Checks answers against the questions: known items, offered codes,
/// required ones present. A refusal's field is `answers.<linkId>`: the
/// clinic names its questions, and a linkId like `pain` must not be taken
/// for the app's own field of that name.
pub fn check_answers(q: &Questionnaire, answers: &Answers) -> Result<(), InputError> {
    for (link, code) in answers {
        let item = q.items.iter().find(|i| &i.link_id == link).ok_or_else(|| {
            InputError::new(format!("answers.{link}"), "no such question in this questionnaire")
                .said("refusal.questionnaire_no_question", &[])
        })?;
        if !item.options.iter().any(|o| &o.code == code) {
            let offered: Vec<&str> = item.options.iter().map(|o| o.code.as_str()).collect();
            return Err(InputError::new(
                format!("answers.{link}"),
                format!("{code:?} is not one of the answers {offered:?}"),
            )
            .said("refusal.questionnaire_not_an_answer", &[("typed", code), ("question", &item.text)]));
        }
    }
    if let Some(missing) = q.items.iter().find(|i| i.required && !answers.contains_key(&i.link_id)) {
        return Err(InputError::new(format!("answers.{}", missing.link_id), "this question must be answered")
            .said("refusal.questionnaire_unanswered", &[("question", &missing.text)]));
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubscaleScore {
    pub id: String,
    pub name: String,
    /// 0–100, one decimal; `None` when too few items were answered.
    pub score: Option<f64>,
    pub answered: usize,
    pub of: usize,
    pub needed: usize,
}

/// Scores checked answers: per subscale, the mean item value over the answered
/// items, times 25 (or 100 minus that when inverted), if enough were answered.
pub fn score(q: &Questionnaire, s: &Scoring, answers: &Answers) -> Vec<SubscaleScore> {
    s.subscales
        .iter()
        .map(|sub| {
            let values: Vec<f64> = sub
                .items
                .iter()
                .filter_map(|link| {
                    let code = answers.get(link)?;
                    let item = q.items.iter().find(|i| &i.link_id == link)?;
                    value_of(s, item.options.iter().find(|o| &o.code == code)?)
                })
                .collect();
            let needed = sub.min_answered.needed(sub.items.len());
            let score = (values.len() >= needed && !values.is_empty()).then(|| {
                let mean = values.iter().sum::<f64>() / values.len() as f64;
                let raw = mean * 25.0;
                let scaled = if sub.invert { 100.0 - raw } else { raw };
                (scaled * 10.0).round() / 10.0
            });
            SubscaleScore {
                id: sub.id.clone(),
                name: sub.name.clone(),
                score,
                answered: values.len(),
                of: sub.items.len(),
                needed,
            }
        })
        .collect()
}

/// A subscale's change in plain words: judged when the clinic gave a smallest
/// real change with its source, else shown as a change only.
pub fn interpret(sub: &Subscale, before: f64, after: f64) -> Interpretation {
    let change = ((after - before) * 10.0).round() / 10.0;
    let better = if sub.higher_is_better { Better::Higher } else { Better::Lower };
    match (sub.mdc, &sub.mdc_source) {
        (Some(mdc), Some(source)) => judge(change, better, "points", mdc, source),
        _ => Interpretation {
            change,
            verdict: crate::outcomes::Verdict::NoThreshold,
            words: format!("changed by {change:+} points; the clinic gave no smallest real change for this scale"),
            evidence: Vec::new(),
            threshold: None,
        },
    }
}
