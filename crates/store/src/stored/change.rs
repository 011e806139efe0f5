//! A clinician's change to a walker's programme, as the access log keeps it
//! (`security_events.change`, version 1).

use super::DoseV1;
use crate::{RecordChange, Standing};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordChangeV1 {
    pub what: String,
    pub before: StandingV1,
    pub after: StandingV1,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum StandingV1 {
    Dose { dose: DoseV1, week: u32, supported_only: bool },
    Paused { kind: String, rule: String },
    NoDose,
    Screening { status: String },
}

impl From<&RecordChange> for RecordChangeV1 {
    fn from(c: &RecordChange) -> Self {
        RecordChangeV1 { what: c.what.clone(), before: (&c.before).into(), after: (&c.after).into() }
    }
}

impl From<&Standing> for StandingV1 {
    fn from(s: &Standing) -> Self {
        match s {
            Standing::Dose { dose, week, supported_only } => {
                StandingV1::Dose { dose: dose.into(), week: *week, supported_only: *supported_only }
            }
            Standing::Paused { kind, rule } => StandingV1::Paused { kind: kind.clone(), rule: rule.clone() },
            Standing::NoDose => StandingV1::NoDose,
            Standing::Screening { status } => StandingV1::Screening { status: status.clone() },
        }
    }
}

impl TryFrom<RecordChangeV1> for RecordChange {
    type Error = crate::StoreError;
    fn try_from(v: RecordChangeV1) -> crate::Result<Self> {
        Ok(RecordChange { what: v.what, before: v.before.try_into()?, after: v.after.try_into()? })
    }
}

impl TryFrom<StandingV1> for Standing {
    type Error = crate::StoreError;
    fn try_from(v: StandingV1) -> crate::Result<Self> {
        Ok(match v {
            StandingV1::Dose { dose, week, supported_only } => {
                Standing::Dose { dose: dose.try_into()?, week, supported_only }
            }
            StandingV1::Paused { kind, rule } => Standing::Paused { kind, rule },
            StandingV1::NoDose => Standing::NoDose,
            StandingV1::Screening { status } => Standing::Screening { status },
        })
    }
}
