//! retrowalk's use cases. Each public function is one thing a walker or a
//! clinician does: it checks the input, asks the coach, and writes through the
//! store in one transaction. The CLI, the web pages and the JSON API are thin
//! shells over these functions, so they cannot disagree.

mod access;
mod actions;
mod archive;
pub mod assignments;
pub mod audit;
mod calendar;
pub mod care;
pub mod clinic_admin;
pub mod clinic_export;
pub mod clinics;
mod dates;
mod error;
mod export;
mod fhir;
mod imports;
pub mod monitoring;
pub mod motion;
mod outcomes;
mod questionnaires;
mod records;
mod report;
mod state;
mod views;

pub use ::views::{
    DatedText, FlagWhat, OutcomeRow, PainPoint, Period, ProgressView, QuestionnaireRow, ReportDecision, ReportFlag,
    ReportView, SessionRow, Trend,
};
pub use access::{Access, Actor, Grant, access, access_at, care_logging, cared_for, feed, log_clinician, own};
pub use actions::*;
pub use archive::{import_json, restore_json};
pub use calendar::calendar;
pub use dates::local_date;
pub use error::{ServiceError, ServiceResult};
pub use export::{export_checkins_csv, export_csv, export_json, export_outcomes_csv};
pub use fhir::bundle as fhir_bundle;
pub use formats::Unreadable;
pub use imports::{Confirmation, FILE_LIMIT, FileOutcome, ImportBatch, UNTIMED, confirm_activity, sha256_hex};
pub use outcomes::{OutcomeInput, Recorded, age, outcome_rows, outcome_table, record_outcome, set_profile};
pub use questionnaires::{answer_questionnaire, load_questionnaire, questionnaire_rows, questionnaires};
pub use records::{
    SetupStart, current_setup, delete_walker, export_archive, latest_clearance, latest_screening, new_calendar,
    revoke_calendar, setup_start,
};
pub use report::report;
pub use state::{Stage, State, load, stage, stage_for, walker};
pub use views::*;
