//! Screening answers and outcomes, and clearances, as stored (version 1).

use super::{named, names, parse_all};
use crate::{Result, StoreError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswersV1 {
    pub answers: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tug_seconds: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backward_3m_seconds: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fell_during_programme: Option<Date>,
}

impl From<&coach::screening::Answers> for AnswersV1 {
    fn from(a: &coach::screening::Answers) -> Self {
        let coach::screening::Answers { answers, tug_seconds, backward_3m_seconds, fell_during_programme } = a;
        AnswersV1 {
            answers: answers.iter().map(|(q, yes)| (q.as_str().to_string(), *yes)).collect(),
            tug_seconds: *tug_seconds,
            backward_3m_seconds: *backward_3m_seconds,
            fell_during_programme: *fell_during_programme,
        }
    }
}

impl TryFrom<AnswersV1> for coach::screening::Answers {
    type Error = StoreError;
    fn try_from(a: AnswersV1) -> Result<Self> {
        Ok(coach::screening::Answers {
            answers: a.answers.iter().map(|(q, yes)| Ok((named(q)?, *yes))).collect::<Result<_>>()?,
            tug_seconds: a.tug_seconds,
            backward_3m_seconds: a.backward_3m_seconds,
            fell_during_programme: a.fell_during_programme,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReasonV1 {
    pub code: String,
    pub rule: String,
    pub evidence: Vec<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeV1 {
    pub status: String,
    pub reasons: Vec<ReasonV1>,
    pub rules_version: String,
    pub needs_clearance_for: Vec<String>,
    pub fall_risk: bool,
    pub next_step: String,
}

impl From<&coach::screening::Outcome> for OutcomeV1 {
    fn from(o: &coach::screening::Outcome) -> Self {
        let coach::screening::Outcome { status, reasons, rules_version, needs_clearance_for, fall_risk, next_step } = o;
        OutcomeV1 {
            status: status.as_str().into(),
            reasons: reasons
                .iter()
                .map(|r| {
                    let coach::screening::Reason { code, rule, evidence, text } = r;
                    ReasonV1 { code: code.clone(), rule: rule.clone(), evidence: evidence.clone(), text: text.clone() }
                })
                .collect(),
            rules_version: rules_version.clone(),
            needs_clearance_for: names(needs_clearance_for),
            fall_risk: *fall_risk,
            next_step: next_step.clone(),
        }
    }
}

impl TryFrom<OutcomeV1> for coach::screening::Outcome {
    type Error = StoreError;
    fn try_from(o: OutcomeV1) -> Result<Self> {
        Ok(coach::screening::Outcome {
            status: named(&o.status)?,
            reasons: o
                .reasons
                .into_iter()
                .map(|r| coach::screening::Reason { code: r.code, rule: r.rule, evidence: r.evidence, text: r.text })
                .collect(),
            rules_version: o.rules_version,
            needs_clearance_for: parse_all(&o.needs_clearance_for)?,
            fall_risk: o.fall_risk,
            next_step: o.next_step,
        })
    }
}

/// A clearance's covered questions (the `covers` column and the archive).
pub fn covers_v1(covers: &[coach::screening::Question]) -> Vec<String> {
    names(covers)
}

pub fn covers(texts: &[String]) -> Result<Vec<coach::screening::Question>> {
    parse_all(texts)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClearanceV1 {
    pub by: String,
    pub role: String,
    pub at: Timestamp,
    pub covers: Vec<String>,
    #[serde(default)]
    pub note: String,
}

impl From<&coach::screening::Clearance> for ClearanceV1 {
    fn from(c: &coach::screening::Clearance) -> Self {
        let coach::screening::Clearance { by, role, at, covers, note } = c;
        ClearanceV1 { by: by.clone(), role: role.clone(), at: *at, covers: covers_v1(covers), note: note.clone() }
    }
}

impl TryFrom<ClearanceV1> for coach::screening::Clearance {
    type Error = StoreError;
    fn try_from(c: ClearanceV1) -> Result<Self> {
        Ok(coach::screening::Clearance { by: c.by, role: c.role, at: c.at, covers: covers(&c.covers)?, note: c.note })
    }
}
