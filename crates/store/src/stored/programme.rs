//! The set-up, session logs, check-ins, overrides, doses and decisions, as stored (version 1).

use super::SignerV1;
use jiff::Timestamp;
use jiff::civil::Date;

mirror!(
    #[serde(default)]
    EquipmentV1 <=> coach::setup::Equipment {
        treadmill: bool,
        safety_key: bool,
        handrails: bool,
        bike: bool,
        pool: bool,
    }
);

// `Default` for `#[serde(default)]` above: an archive may leave equipment out.
impl Default for EquipmentV1 {
    fn default() -> Self {
        (&coach::setup::Equipment::default()).into()
    }
}

fn default_weeks() -> u8 {
    coach::setup::DEFAULT_WEEKS
}

fn default_forward_speed() -> u16 {
    coach::setup::DEFAULT_FORWARD_SPEED_TENTHS
}

mirror!(SetupV1 <=> coach::setup::Setup {
    equipment: EquipmentV1 as one,
    training_days: Vec<String> as names,
    start: Date,
    time_zone: String,
    baseline_pain: u8 as pain,
    #[serde(default = "default_weeks")]
    weeks: u8,
    #[serde(default = "default_forward_speed")]
    forward_speed_tenths: u16,
});

mirror!(SessionLogV1 <=> coach::history::SessionLog {
    date: Date,
    minutes: u8,
    bouts: u8,
    speed_tenths: Option<u16>,
    incline_pct: u8,
    support: String as name,
    surface: String as name,
    pain_before: u8 as pain,
    pain_peak: u8 as pain,
    pain_after: u8 as pain,
    rpe: Option<u8>,
    #[serde(default)]
    symptoms: Vec<String> as names,
    #[serde(default)]
    notes: String,
});

mirror!(CheckInV1 <=> coach::history::CheckIn {
    session_date: Date,
    date: Date,
    pain: u8 as pain,
    #[serde(default)]
    symptoms: Vec<String> as names,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recorded_at: Option<Timestamp>,
});

mirror!(DoseV1 <=> coach::dose::Dose {
    minutes: u8,
    speed_tenths: u16,
    incline_pct: u8,
    support: String as name,
    surface: String as name,
});

fn dose_kind() -> String {
    coach::history::OverrideKind::Dose.as_str().into()
}

mirror!(OverrideV1 <=> coach::history::Override {
    effective: Date,
    dose: DoseV1 as one,
    by: String,
    reason: String,
    #[serde(default = "dose_kind")]
    kind: String as name,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signed_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signer: Option<SignerV1> as opt_one,
});

mirror!(DecisionV1 <=> coach::adaptation::Decision {
    effective: Date,
    action: String as name,
    changed: Option<String> as opt_name,
    rule: String,
    evidence: Vec<String>,
    reason: String,
    // What the reason says as data is the coach's, recomputed by a replay:
    // a decision read back has only its sentence (`Why::Recorded`).
    #[serde(skip)]
    why: () as derived,
    dose: Option<DoseV1> as opt_one,
    after_session: Option<Date>,
});
