//! The archive document (`retrowalk-archive`, version 1): a walker's whole record as their file holds it.

use super::imports::ImportedV1;
use super::named;
use super::programme::{CheckInV1, DecisionV1, OverrideV1, SessionLogV1, SetupV1};
use super::questionnaires::SubscaleScoreV1;
use super::screening::{AnswersV1, ClearanceV1, OutcomeV1};
use crate::{Result, StoreError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// ---- the archive document ----

/// A walker's whole record as the exported file holds it (`retrowalk-archive`,
/// version 1). [`crate::Archive`] is read and written through it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchiveV1 {
    pub format: String,
    pub version: u32,
    pub exported_at: Timestamp,
    pub walker: WalkerV1,
    pub screenings: Vec<ScreeningV1>,
    pub clearances: Vec<ClearanceV1>,
    pub programme: Option<SetupV1>,
    pub sessions: Vec<SessionLogV1>,
    pub checkins: Vec<CheckInV1>,
    pub overrides: Vec<OverrideV1>,
    pub decisions: Vec<ArchivedDecisionV1>,
    pub outcomes: Vec<OutcomeRecordV1>,
    /// Absent from archives written before questionnaires could be loaded.
    #[serde(default)]
    pub questionnaire_results: Vec<QuestionnaireResultV1>,
    /// Absent from archives written before imports.
    #[serde(default)]
    pub imports: Vec<ArchivedImportV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WalkerV1 {
    pub name: String,
    pub time_zone: String,
    pub created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScreeningV1 {
    pub answers: AnswersV1,
    pub outcome: OutcomeV1,
    pub recorded_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivedDecisionV1 {
    pub cause: String,
    pub decision: DecisionV1,
    pub recorded_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRecordV1 {
    pub measure: String,
    pub value: f64,
    pub taken_on: Date,
    #[serde(default)]
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireResultV1 {
    pub questionnaire: String,
    pub title: String,
    pub version: String,
    pub taken_on: Date,
    pub answers: BTreeMap<String, String>,
    pub scores: Vec<SubscaleScoreV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRecordV1 {
    pub sha256: String,
    pub file_name: String,
    pub format: String,
    pub content: String,
    pub warnings: Vec<String>,
    pub imported_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivedImportV1 {
    pub record: ImportRecordV1,
    pub activities: Vec<ImportedV1>,
}

fn all<A, B: TryFrom<A, Error = StoreError>>(items: Vec<A>) -> Result<Vec<B>> {
    items.into_iter().map(B::try_from).collect()
}

impl From<crate::Archive> for ArchiveV1 {
    fn from(a: crate::Archive) -> Self {
        let crate::Archive {
            format,
            version,
            exported_at,
            walker,
            screenings,
            clearances,
            programme,
            sessions,
            checkins,
            overrides,
            decisions,
            outcomes,
            questionnaire_results,
            imports,
        } = a;
        let crate::ArchivedWalker { name, time_zone, created_at, birth_year, sex } = walker;
        ArchiveV1 {
            format,
            version,
            exported_at,
            walker: WalkerV1 { name, time_zone, created_at, birth_year, sex: sex.map(|s| s.as_str().into()) },
            screenings: screenings
                .iter()
                .map(|s| ScreeningV1 {
                    answers: (&s.answers).into(),
                    outcome: (&s.outcome).into(),
                    recorded_at: s.recorded_at,
                })
                .collect(),
            clearances: clearances.iter().map(ClearanceV1::from).collect(),
            programme: programme.as_ref().map(SetupV1::from),
            sessions: sessions.iter().map(SessionLogV1::from).collect(),
            checkins: checkins.iter().map(CheckInV1::from).collect(),
            overrides: overrides.iter().map(OverrideV1::from).collect(),
            decisions: decisions
                .iter()
                .map(|d| ArchivedDecisionV1 {
                    cause: d.cause.clone(),
                    decision: (&d.decision).into(),
                    recorded_at: d.recorded_at,
                })
                .collect(),
            outcomes: outcomes
                .into_iter()
                .map(|o| {
                    let crate::OutcomeRecord { measure, value, taken_on, detail } = o;
                    OutcomeRecordV1 { measure: measure.as_str().into(), value, taken_on, detail }
                })
                .collect(),
            questionnaire_results: questionnaire_results
                .into_iter()
                .map(|r| {
                    let crate::QuestionnaireResult { questionnaire, title, version, taken_on, answers, scores } = r;
                    let scores = scores.iter().map(SubscaleScoreV1::from).collect();
                    QuestionnaireResultV1 { questionnaire, title, version, taken_on, answers, scores }
                })
                .collect(),
            imports: imports
                .into_iter()
                .map(|i| {
                    let crate::ImportRecord { sha256, file_name, format, content, warnings, imported_at } = i.record;
                    ArchivedImportV1 {
                        record: ImportRecordV1 { sha256, file_name, format, content, warnings, imported_at },
                        activities: i.activities.iter().map(ImportedV1::from).collect(),
                    }
                })
                .collect(),
        }
    }
}

impl TryFrom<ArchiveV1> for crate::Archive {
    type Error = StoreError;
    fn try_from(a: ArchiveV1) -> Result<Self> {
        let w = a.walker;
        Ok(crate::Archive {
            format: a.format,
            version: a.version,
            exported_at: a.exported_at,
            walker: crate::ArchivedWalker {
                name: w.name,
                time_zone: w.time_zone,
                created_at: w.created_at,
                birth_year: w.birth_year,
                sex: w.sex.as_deref().map(named).transpose()?,
            },
            screenings: a
                .screenings
                .into_iter()
                .map(|s| {
                    Ok(crate::ArchivedScreening {
                        answers: s.answers.try_into()?,
                        outcome: s.outcome.try_into()?,
                        recorded_at: s.recorded_at,
                    })
                })
                .collect::<Result<_>>()?,
            clearances: all(a.clearances)?,
            programme: a.programme.map(TryInto::try_into).transpose()?,
            sessions: all(a.sessions)?,
            checkins: all(a.checkins)?,
            overrides: all(a.overrides)?,
            decisions: a
                .decisions
                .into_iter()
                .map(|d| {
                    Ok(crate::ArchivedDecision {
                        cause: d.cause,
                        decision: d.decision.try_into()?,
                        recorded_at: d.recorded_at,
                    })
                })
                .collect::<Result<_>>()?,
            outcomes: a
                .outcomes
                .into_iter()
                .map(|o| {
                    Ok(crate::OutcomeRecord {
                        measure: named(&o.measure)?,
                        value: o.value,
                        taken_on: o.taken_on,
                        detail: o.detail,
                    })
                })
                .collect::<Result<_>>()?,
            questionnaire_results: a
                .questionnaire_results
                .into_iter()
                .map(|r| crate::QuestionnaireResult {
                    questionnaire: r.questionnaire,
                    title: r.title,
                    version: r.version,
                    taken_on: r.taken_on,
                    answers: r.answers,
                    scores: r.scores.into_iter().map(Into::into).collect(),
                })
                .collect(),
            imports: a
                .imports
                .into_iter()
                .map(|i| {
                    let r = i.record;
                    Ok(crate::ArchivedImport {
                        record: crate::ImportRecord {
                            sha256: r.sha256,
                            file_name: r.file_name,
                            format: r.format,
                            content: r.content,
                            warnings: r.warnings,
                            imported_at: r.imported_at,
                        },
                        activities: all(i.activities)?,
                    })
                })
                .collect::<Result<_>>()?,
        })
    }
}
