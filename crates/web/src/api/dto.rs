//! The API's own types that several resources share (each resource's own
//! request and answer types live with its handlers). Domain values are converted here, at the boundary, so
//! the JSON contract does not move when the coach's internals do.

use coach::adaptation::Decision;
use coach::dose::Dose;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct DoseDto {
    pub minutes: u8,
    pub speed_kmh: f64,
    pub incline_pct: u8,
    /// `rails`, `light_touch` or `hands_free`.
    pub support: String,
    /// `treadmill` or `overground`.
    pub surface: String,
}

impl From<&Dose> for DoseDto {
    fn from(d: &Dose) -> Self {
        DoseDto {
            minutes: d.minutes,
            speed_kmh: f64::from(d.speed_tenths) / 10.0,
            incline_pct: d.incline_pct,
            support: d.support.as_str().to_string(),
            surface: d.surface.as_str().to_string(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DecisionDto {
    pub effective: String,
    /// `start`, `progress`, `repeat`, `step_back`, `resume`, `stop` or `override`.
    pub action: String,
    pub rule: String,
    pub evidence: Vec<String>,
    pub reason: String,
    /// Absent while the programme is stopped.
    pub dose: Option<DoseDto>,
}

impl From<&Decision> for DecisionDto {
    fn from(d: &Decision) -> Self {
        DecisionDto {
            effective: d.effective.to_string(),
            action: d.action.as_str().to_string(),
            rule: d.rule.clone(),
            evidence: d.evidence.clone(),
            reason: d.reason.clone(),
            dose: d.dose.as_ref().map(DoseDto::from),
        }
    }
}

/// Backward walking is paused: what happened, what to do now, the urgent
/// signs and what ends the pause. While it stands, nothing carries a dose.
#[derive(Serialize, ToSchema)]
pub struct PauseDto {
    /// `screen_red_flag`, `clearance_needed`, `red_flag` or `pain`.
    pub kind: String,
    pub rule: String,
    pub evidence: Vec<String>,
    pub headline: String,
    pub reasons: Vec<String>,
    pub do_now: String,
    /// Signs that mean getting medical help today.
    pub urgent: Vec<String>,
    pub ends_when: String,
    /// First day of a stop by the coach.
    pub since: Option<String>,
    /// A restart is signed and backward walking starts again on this day
    /// (the pause stands until then).
    pub restart_from: Option<String>,
}

impl From<&coach::pause::Pause> for PauseDto {
    fn from(p: &coach::pause::Pause) -> Self {
        PauseDto {
            kind: p.kind.as_str().into(),
            rule: p.rule.clone(),
            evidence: p.evidence.clone(),
            headline: p.headline.clone(),
            reasons: p.reasons.clone(),
            do_now: p.do_now.clone(),
            urgent: p.urgent.iter().map(|u| u.to_string()).collect(),
            ends_when: p.ends_when.clone(),
            since: p.since.map(|d| d.to_string()),
            restart_from: p.restart_from.map(|d| d.to_string()),
        }
    }
}

/// Something to know before walking, with its rule.
#[derive(Serialize, ToSchema)]
pub struct NoticeDto {
    pub rule: String,
    pub text: String,
}

impl From<&coach::today::Notice> for NoticeDto {
    fn from(n: &coach::today::Notice) -> Self {
        NoticeDto { rule: n.rule.into(), text: n.text.clone() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ChangeDto {
    pub change: f64,
    /// `real_improvement`, `within_noise`, `worse` or `no_threshold`.
    pub verdict: String,
    pub words: String,
    pub evidence: Vec<String>,
}

impl From<&coach::outcomes::Interpretation> for ChangeDto {
    fn from(i: &coach::outcomes::Interpretation) -> Self {
        ChangeDto {
            change: i.change,
            verdict: i.verdict.as_str().to_string(),
            words: i.words.clone(),
            evidence: i.evidence.clone(),
        }
    }
}

/// Every error the API answers: a stable code, the field it concerns (when
/// one does) and a sentence for a person.
#[derive(Serialize, ToSchema)]
pub struct ApiErrorDto {
    pub error: ErrorDetailDto,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetailDto {
    /// Stable and snake_case, e.g. `bad_input`, `unauthorized`, `not_found`, `too_large`, `throttled`.
    pub code: String,
    /// Why input was refused or a state forbids it, stable and snake_case
    /// (`out_of_range`, `required`, `unknown`, `not_yet`, `already_done`,
    /// `paused`, …); also the key a translation of the message is filed under.
    /// Present with `bad_input` and `conflict`.
    pub reason: Option<String>,
    /// The input field the error is about, when there is one.
    pub field: Option<String>,
    pub message: String,
}

/// Whole numbers as JSON Schema's `integer` allows them: `7` and `7.0` alike.
/// A fraction or a number out of the field's type is refused, and serde names
/// the field.
pub(crate) mod whole {
    use super::*;

    fn from_number<T: TryFrom<i64>, E: serde::de::Error>(n: serde_json::Number) -> Result<T, E> {
        let v = match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Some(i),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Some(f as i64),
            _ => None,
        };
        v.and_then(|i| T::try_from(i).ok())
            .ok_or_else(|| E::custom(format!("expected a whole number in range, got {n}")))
    }

    pub fn de<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
        from_number(serde_json::Number::deserialize(d)?)
    }

    pub fn opt<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Option<T>, D::Error> {
        Option::<serde_json::Number>::deserialize(d)?.map(from_number).transpose()
    }
}
