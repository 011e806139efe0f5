//! Screening answers and outcomes, and clearances, as stored (version 1).

use jiff::Timestamp;
use jiff::civil::Date;
use std::collections::BTreeMap;

mirror!(AnswersV1 <=> coach::screening::Answers {
    answers: BTreeMap<String, bool> as yes_no,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tug_seconds: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    backward_3m_seconds: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fell_during_programme: Option<Date>,
});

mirror!(ReasonV1 <=> coach::screening::Reason {
    code: String,
    rule: String,
    evidence: Vec<String>,
    text: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    args: BTreeMap<String, String>,
});

mirror!(OutcomeV1 <=> coach::screening::Outcome {
    status: String as name,
    reasons: Vec<ReasonV1> as each,
    rules_version: String,
    needs_clearance_for: Vec<String> as names,
    fall_risk: bool,
    next_step: String,
});

mirror!(ClearanceV1 <=> coach::screening::Clearance {
    by: String,
    role: String,
    at: Timestamp,
    covers: Vec<String> as names,
    #[serde(default)]
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signer: Option<SignerV1> as opt_one,
});

mirror!(SignerV1 <=> coach::history::Signer {
    account: i64,
    clinic: i64,
});

/// A clearance's covered questions (the `covers` column).
pub fn covers_v1(covers: &[coach::screening::Question]) -> Vec<String> {
    super::names(covers)
}

pub fn covers(texts: &[String]) -> crate::Result<Vec<coach::screening::Question>> {
    super::parse_all(texts)
}
