//! The set-up, session logs, check-ins, overrides, doses and decisions, as stored (version 1).

use super::{named, names, pain, parse_all};
use crate::{Result, StoreError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

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
