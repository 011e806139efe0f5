//! The stored formats, version 1: what the database's JSON columns and the
//! archive hold, as types of the store's own. The coach's types are converted
//! to and from these at the edge, so a change to the coach cannot silently
//! change what is on disk or in a walker's exported file: every conversion
//! takes the coach value apart whole, and a field added, renamed or retyped
//! in the coach fails to compile here. Whoever changes the coach then decides
//! what the stored format does: keep version 1 (convert), or write version 2
//! beside it and read both.
//!
//! Version 1 is exactly the JSON the coach's serde derive wrote before these
//! types existed (a test compares them), so every database and archive
//! written so far reads unchanged. Values with one name (`coach::names`) are
//! kept by that name; anything unreadable is `StoreError::Corrupt`.

use crate::codec::corrupt;
use crate::{Result, StoreError};
use coach::Pain;
use coach::names::Named;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value stored under its one name.
fn named<T: Named + std::str::FromStr>(text: &str) -> Result<T> {
    text.parse().map_err(|_| corrupt(format!("{} '{text}'", T::WHAT)))
}

fn names<T: Named>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.as_str().to_string()).collect()
}

fn parse_all<T: Named + std::str::FromStr>(texts: &[String]) -> Result<Vec<T>> {
    texts.iter().map(|t| named(t)).collect()
}

fn pain(v: u8) -> Result<Pain> {
    Pain::new(i64::from(v)).map_err(corrupt)
}

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

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EquipmentV1 {
    pub treadmill: bool,
    pub safety_key: bool,
    pub handrails: bool,
    pub bike: bool,
    pub pool: bool,
}

fn default_weeks() -> u8 {
    coach::setup::DEFAULT_WEEKS
}

fn default_forward_speed() -> u16 {
    coach::setup::DEFAULT_FORWARD_SPEED_TENTHS
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupV1 {
    pub equipment: EquipmentV1,
    pub training_days: Vec<String>,
    pub start: Date,
    pub time_zone: String,
    pub baseline_pain: u8,
    #[serde(default = "default_weeks")]
    pub weeks: u8,
    #[serde(default = "default_forward_speed")]
    pub forward_speed_tenths: u16,
}

impl From<&coach::setup::Setup> for SetupV1 {
    fn from(s: &coach::setup::Setup) -> Self {
        let coach::setup::Setup {
            equipment,
            training_days,
            start,
            time_zone,
            baseline_pain,
            weeks,
            forward_speed_tenths,
        } = s;
        let coach::setup::Equipment { treadmill, safety_key, handrails, bike, pool } = *equipment;
        SetupV1 {
            equipment: EquipmentV1 { treadmill, safety_key, handrails, bike, pool },
            training_days: names(training_days),
            start: *start,
            time_zone: time_zone.clone(),
            baseline_pain: baseline_pain.value(),
            weeks: *weeks,
            forward_speed_tenths: *forward_speed_tenths,
        }
    }
}

impl TryFrom<SetupV1> for coach::setup::Setup {
    type Error = StoreError;
    fn try_from(s: SetupV1) -> Result<Self> {
        let EquipmentV1 { treadmill, safety_key, handrails, bike, pool } = s.equipment;
        Ok(coach::setup::Setup {
            equipment: coach::setup::Equipment { treadmill, safety_key, handrails, bike, pool },
            training_days: parse_all(&s.training_days)?,
            start: s.start,
            time_zone: s.time_zone,
            baseline_pain: pain(s.baseline_pain)?,
            weeks: s.weeks,
            forward_speed_tenths: s.forward_speed_tenths,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionLogV1 {
    pub date: Date,
    pub minutes: u8,
    pub bouts: u8,
    pub speed_tenths: Option<u16>,
    pub incline_pct: u8,
    pub support: String,
    pub surface: String,
    pub pain_before: u8,
    pub pain_peak: u8,
    pub pain_after: u8,
    pub rpe: Option<u8>,
    #[serde(default)]
    pub symptoms: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

impl From<&coach::history::SessionLog> for SessionLogV1 {
    fn from(l: &coach::history::SessionLog) -> Self {
        let coach::history::SessionLog {
            date,
            minutes,
            bouts,
            speed_tenths,
            incline_pct,
            support,
            surface,
            pain_before,
            pain_peak,
            pain_after,
            rpe,
            symptoms,
            notes,
        } = l;
        SessionLogV1 {
            date: *date,
            minutes: *minutes,
            bouts: *bouts,
            speed_tenths: *speed_tenths,
            incline_pct: *incline_pct,
            support: support.as_str().into(),
            surface: surface.as_str().into(),
            pain_before: pain_before.value(),
            pain_peak: pain_peak.value(),
            pain_after: pain_after.value(),
            rpe: *rpe,
            symptoms: names(symptoms),
            notes: notes.clone(),
        }
    }
}

impl TryFrom<SessionLogV1> for coach::history::SessionLog {
    type Error = StoreError;
    fn try_from(l: SessionLogV1) -> Result<Self> {
        Ok(coach::history::SessionLog {
            date: l.date,
            minutes: l.minutes,
            bouts: l.bouts,
            speed_tenths: l.speed_tenths,
            incline_pct: l.incline_pct,
            support: named(&l.support)?,
            surface: named(&l.surface)?,
            pain_before: pain(l.pain_before)?,
            pain_peak: pain(l.pain_peak)?,
            pain_after: pain(l.pain_after)?,
            rpe: l.rpe,
            symptoms: parse_all(&l.symptoms)?,
            notes: l.notes,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckInV1 {
    pub session_date: Date,
    pub date: Date,
    pub pain: u8,
    #[serde(default)]
    pub symptoms: Vec<String>,
}

impl From<&coach::history::CheckIn> for CheckInV1 {
    fn from(c: &coach::history::CheckIn) -> Self {
        let coach::history::CheckIn { session_date, date, pain, symptoms } = c;
        CheckInV1 { session_date: *session_date, date: *date, pain: pain.value(), symptoms: names(symptoms) }
    }
}

impl TryFrom<CheckInV1> for coach::history::CheckIn {
    type Error = StoreError;
    fn try_from(c: CheckInV1) -> Result<Self> {
        Ok(coach::history::CheckIn {
            session_date: c.session_date,
            date: c.date,
            pain: pain(c.pain)?,
            symptoms: parse_all(&c.symptoms)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoseV1 {
    pub minutes: u8,
    pub speed_tenths: u16,
    pub incline_pct: u8,
    pub support: String,
    pub surface: String,
}

impl From<&coach::dose::Dose> for DoseV1 {
    fn from(d: &coach::dose::Dose) -> Self {
        let coach::dose::Dose { minutes, speed_tenths, incline_pct, support, surface } = *d;
        DoseV1 {
            minutes,
            speed_tenths,
            incline_pct,
            support: support.as_str().into(),
            surface: surface.as_str().into(),
        }
    }
}

impl TryFrom<DoseV1> for coach::dose::Dose {
    type Error = StoreError;
    fn try_from(d: DoseV1) -> Result<Self> {
        Ok(coach::dose::Dose {
            minutes: d.minutes,
            speed_tenths: d.speed_tenths,
            incline_pct: d.incline_pct,
            support: named(&d.support)?,
            surface: named(&d.surface)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverrideV1 {
    pub effective: Date,
    pub dose: DoseV1,
    pub by: String,
    pub reason: String,
    #[serde(default = "dose_kind")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<Timestamp>,
}

fn dose_kind() -> String {
    coach::history::OverrideKind::Dose.as_str().into()
}

impl From<&coach::history::Override> for OverrideV1 {
    fn from(o: &coach::history::Override) -> Self {
        let coach::history::Override { effective, dose, by, reason, kind, role, signed_at } = o;
        OverrideV1 {
            effective: *effective,
            dose: DoseV1::from(dose),
            by: by.clone(),
            reason: reason.clone(),
            kind: kind.as_str().into(),
            role: role.clone(),
            signed_at: *signed_at,
        }
    }
}

impl TryFrom<OverrideV1> for coach::history::Override {
    type Error = StoreError;
    fn try_from(o: OverrideV1) -> Result<Self> {
        Ok(coach::history::Override {
            effective: o.effective,
            dose: o.dose.try_into()?,
            by: o.by,
            reason: o.reason,
            kind: named(&o.kind)?,
            role: o.role,
            signed_at: o.signed_at,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionV1 {
    pub effective: Date,
    pub action: String,
    pub changed: Option<String>,
    pub rule: String,
    pub evidence: Vec<String>,
    pub reason: String,
    pub dose: Option<DoseV1>,
    pub after_session: Option<Date>,
}

impl From<&coach::adaptation::Decision> for DecisionV1 {
    fn from(d: &coach::adaptation::Decision) -> Self {
        let coach::adaptation::Decision { effective, action, changed, rule, evidence, reason, dose, after_session } = d;
        DecisionV1 {
            effective: *effective,
            action: action.as_str().into(),
            changed: changed.map(|v| v.as_str().into()),
            rule: rule.clone(),
            evidence: evidence.clone(),
            reason: reason.clone(),
            dose: dose.as_ref().map(DoseV1::from),
            after_session: *after_session,
        }
    }
}

impl TryFrom<DecisionV1> for coach::adaptation::Decision {
    type Error = StoreError;
    fn try_from(d: DecisionV1) -> Result<Self> {
        Ok(coach::adaptation::Decision {
            effective: d.effective,
            action: named(&d.action)?,
            changed: d.changed.as_deref().map(named).transpose()?,
            rule: d.rule,
            evidence: d.evidence,
            reason: d.reason,
            dose: d.dose.map(TryInto::try_into).transpose()?,
            after_session: d.after_session,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedV1 {
    pub start: Timestamp,
    pub local_date: Date,
    pub local_time: String,
    pub sport: String,
    pub sub_sport: Option<String>,
    pub elapsed_s: Option<f64>,
    pub moving_s: Option<f64>,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub cadence_spm: Option<f64>,
    pub cadence_rpm: Option<f64>,
    pub calories: Option<f64>,
    pub ascent_m: Option<f64>,
    pub device: Option<String>,
    pub fit: String,
    pub backward: Option<bool>,
}

impl From<&coach::imports::Imported> for ImportedV1 {
    fn from(a: &coach::imports::Imported) -> Self {
        let coach::imports::Imported {
            start,
            local_date,
            local_time,
            sport,
            sub_sport,
            elapsed_s,
            moving_s,
            distance_m,
            avg_hr,
            max_hr,
            cadence_spm,
            cadence_rpm,
            calories,
            ascent_m,
            device,
            fit,
            backward,
        } = a.clone();
        ImportedV1 {
            start,
            local_date,
            local_time,
            sport,
            sub_sport,
            elapsed_s,
            moving_s,
            distance_m,
            avg_hr,
            max_hr,
            cadence_spm,
            cadence_rpm,
            calories,
            ascent_m,
            device,
            fit: fit.as_str().into(),
            backward,
        }
    }
}

impl TryFrom<ImportedV1> for coach::imports::Imported {
    type Error = StoreError;
    fn try_from(a: ImportedV1) -> Result<Self> {
        Ok(coach::imports::Imported {
            start: a.start,
            local_date: a.local_date,
            local_time: a.local_time,
            sport: a.sport,
            sub_sport: a.sub_sport,
            elapsed_s: a.elapsed_s,
            moving_s: a.moving_s,
            distance_m: a.distance_m,
            avg_hr: a.avg_hr,
            max_hr: a.max_hr,
            cadence_spm: a.cadence_spm,
            cadence_rpm: a.cadence_rpm,
            calories: a.calories,
            ascent_m: a.ascent_m,
            device: a.device,
            fit: named(&a.fit)?,
            backward: a.backward,
        })
    }
}

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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use coach::history::{CheckIn, History, Override, OverrideKind, SessionLog, Symptom};
    use coach::screening::{Answers, Clearance, Question, evaluate};
    use coach::setup::{Equipment, Setup};
    use serde_json::to_value;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Version 1 writes what the coach's own serde wrote, so every database
    /// and archive written before these types reads unchanged; and it reads
    /// back to the same value.
    fn same_as_before<C, V>(value: &C)
    where
        C: Serialize + PartialEq + std::fmt::Debug + TryFrom<V>,
        <C as TryFrom<V>>::Error: std::fmt::Debug,
        V: Serialize + serde::de::DeserializeOwned + for<'a> From<&'a C>,
    {
        let before = to_value(value).unwrap();
        let stored = to_value(V::from(value)).unwrap();
        assert_eq!(stored, before, "{value:?}");
        let back: V = serde_json::from_value(before).unwrap();
        assert_eq!(&C::try_from(back).unwrap(), value);
    }

    fn programme_and_history() -> (coach::programme::Programme, History) {
        let mut setup = Setup::first(date("2026-11-02"), "Europe/Dublin");
        setup.equipment = Equipment { treadmill: true, safety_key: true, handrails: true, ..Default::default() };
        let p = coach::programme::Programme::new(setup, false).unwrap();
        let mut h = History::default();
        h.logs.push(SessionLog {
            date: date("2026-11-02"),
            minutes: 5,
            bouts: 2,
            speed_tenths: Some(15),
            incline_pct: 0,
            support: coach::dose::Support::Rails,
            surface: coach::dose::Surface::Treadmill,
            pain_before: Pain::new(1).unwrap(),
            pain_peak: Pain::new(3).unwrap(),
            pain_after: Pain::new(2).unwrap(),
            rpe: Some(4),
            symptoms: vec![Symptom::KneeLocked],
            notes: "slow start\non the belt".into(),
        });
        h.checkins.push(CheckIn {
            session_date: date("2026-11-02"),
            date: date("2026-11-03"),
            pain: Pain::new(2).unwrap(),
            symptoms: vec![],
        });
        let mut restart = Override::new(date("2026-11-05"), p.limits.start_dose(), "Dr R", "checked");
        restart.kind = OverrideKind::Restart;
        restart.role = "physiotherapist".into();
        restart.signed_at = Some("2026-11-05T09:00:00Z".parse().unwrap());
        h.overrides.push(restart);
        h.overrides.push(Override::new(date("2026-11-07"), p.limits.start_dose(), "Dr R", "less"));
        (p, h)
    }

    #[test]
    fn every_stored_format_is_the_json_written_before_it() {
        let mut answers = Answers::all_no();
        answers.answers.insert(Question::ALL[0], true);
        answers.tug_seconds = Some(13.5);
        answers.fell_during_programme = Some(date("2026-11-04"));
        same_as_before::<_, AnswersV1>(&answers);
        same_as_before::<_, AnswersV1>(&Answers::all_no());
        let outcome = evaluate(&answers, None);
        assert!(!outcome.reasons.is_empty() && !outcome.needs_clearance_for.is_empty());
        same_as_before::<_, OutcomeV1>(&outcome);
        let clearance = Clearance {
            by: "Dr R".into(),
            role: "GP".into(),
            at: "2026-11-01T10:00:00Z".parse().unwrap(),
            covers: outcome.needs_clearance_for.clone(),
            note: String::new(),
        };
        same_as_before::<_, ClearanceV1>(&clearance);
        let (p, h) = programme_and_history();
        same_as_before::<_, SetupV1>(&p.setup);
        same_as_before::<_, SessionLogV1>(&h.logs[0]);
        same_as_before::<_, CheckInV1>(&h.checkins[0]);
        for o in &h.overrides {
            same_as_before::<_, OverrideV1>(o);
        }
        let timeline = coach::adaptation::replay(&p, &h, date("2026-11-09"));
        assert!(timeline.decisions.len() > 2);
        for d in &timeline.decisions {
            same_as_before::<_, DecisionV1>(d);
        }
        let walk = coach::imports::Imported {
            start: "2026-11-02T08:00:00Z".parse().unwrap(),
            local_date: date("2026-11-02"),
            local_time: "08:00".into(),
            sport: "walking".into(),
            sub_sport: Some("indoor_walking".into()),
            elapsed_s: Some(610.0),
            moving_s: Some(600.0),
            distance_m: None,
            avg_hr: Some(92.5),
            max_hr: None,
            cadence_spm: Some(88.0),
            cadence_rpm: None,
            calories: None,
            ascent_m: None,
            device: Some("Garmin Forerunner".into()),
            fit: coach::imports::Fit::PlannedSession,
            backward: Some(true),
        };
        same_as_before::<_, ImportedV1>(&walk);
        let score = coach::questionnaire::SubscaleScore {
            id: "pain".into(),
            name: "Pain".into(),
            score: Some(62.5),
            answered: 5,
            of: 6,
            needed: 4,
        };
        same_as_before::<_, SubscaleScoreV1>(&score);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
        let q = coach::questionnaire::parse_questionnaire(&read("knee-days.json")).unwrap();
        let scoring = coach::questionnaire::parse_scoring(&read("knee-days.scoring.json"), &q).unwrap();
        same_as_before::<_, QuestionnaireV1>(&q);
        same_as_before::<_, ScoringV1>(&scoring);
    }

    #[test]
    fn a_stored_name_the_coach_does_not_know_is_corrupt() {
        let mut stored = SessionLogV1::from(&programme_and_history().1.logs[0]);
        stored.support = "jetpack".into();
        let err = coach::history::SessionLog::try_from(stored).unwrap_err();
        assert!(err.to_string().contains("support 'jetpack'"), "{err}");
    }
}
