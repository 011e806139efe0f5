//! The archive document (`retrowalk-archive`, version 1): a walker's whole
//! record as their file holds it. `crate::Archive` is read and written
//! through it.

use super::imports::ImportedV1;
use super::programme::{CheckInV1, DecisionV1, OverrideV1, SessionLogV1, SetupV1};
use super::questionnaires::SubscaleScoreV1;
use super::screening::{AnswersV1, ClearanceV1, OutcomeV1};
use crate::{
    Archive, ArchivedDecision, ArchivedImport, ArchivedScreening, ArchivedWalker, ImportRecord, OutcomeRecord,
    QuestionnaireResult,
};
use jiff::Timestamp;
use jiff::civil::Date;
use std::collections::BTreeMap;

mirror!(ArchiveV1 <=> Archive {
    format: String,
    version: u32,
    exported_at: Timestamp,
    walker: WalkerV1 as one,
    screenings: Vec<ScreeningV1> as each,
    clearances: Vec<ClearanceV1> as each,
    programme: Option<SetupV1> as opt_one,
    sessions: Vec<SessionLogV1> as each,
    checkins: Vec<CheckInV1> as each,
    overrides: Vec<OverrideV1> as each,
    decisions: Vec<ArchivedDecisionV1> as each,
    outcomes: Vec<OutcomeRecordV1> as each,
    // Absent from archives written before questionnaires could be loaded.
    #[serde(default)]
    questionnaire_results: Vec<QuestionnaireResultV1> as each,
    // Absent from archives written before imports.
    #[serde(default)]
    imports: Vec<ArchivedImportV1> as each,
    // Absent from archives written before motion recordings.
    #[serde(default)]
    motions: Vec<super::motion::MotionV1> as each,
});

/// For `#[serde(into = "ArchiveV1")]` on `Archive`.
impl From<Archive> for ArchiveV1 {
    fn from(a: Archive) -> Self {
        (&a).into()
    }
}

mirror!(WalkerV1 <=> ArchivedWalker {
    name: String,
    time_zone: String,
    created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    birth_year: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sex: Option<String> as opt_name,
});

mirror!(ScreeningV1 <=> ArchivedScreening {
    answers: AnswersV1 as one,
    outcome: OutcomeV1 as one,
    recorded_at: Timestamp,
});

mirror!(ArchivedDecisionV1 <=> ArchivedDecision {
    cause: String,
    decision: DecisionV1 as one,
    recorded_at: Timestamp,
});

mirror!(OutcomeRecordV1 <=> OutcomeRecord {
    measure: String as name,
    value: f64,
    taken_on: Date,
    #[serde(default)]
    detail: String,
});

mirror!(QuestionnaireResultV1 <=> QuestionnaireResult {
    questionnaire: String,
    title: String,
    version: String,
    taken_on: Date,
    answers: BTreeMap<String, String>,
    scores: Vec<SubscaleScoreV1> as each,
});

mirror!(ImportRecordV1 <=> ImportRecord {
    sha256: String,
    file_name: String,
    format: String,
    content: String,
    warnings: Vec<String>,
    imported_at: Timestamp,
});

mirror!(ArchivedImportV1 <=> ArchivedImport {
    record: ImportRecordV1 as one,
    activities: Vec<ImportedV1> as each,
});
