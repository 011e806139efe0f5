//! The API's own types. Domain values are converted here, at the boundary, so
//! the JSON contract does not move when the coach's internals do.

use coach::adaptation::Decision;
use coach::dose::Dose;
use coach::screening::Outcome;
use coach::today::TodayView;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub email: String,
    pub name: String,
    pub time_zone: String,
    /// `needs_screening`, `needs_setup` or `ready`.
    pub stage: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReasonDto {
    pub code: String,
    pub rule: String,
    pub evidence: Vec<String>,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeDto {
    /// `blocked`, `clearance_needed`, `supported_only` or `cleared`.
    pub status: String,
    pub next_step: String,
    pub reasons: Vec<ReasonDto>,
    pub needs_clearance_for: Vec<String>,
    pub rules_version: String,
}

impl From<&Outcome> for OutcomeDto {
    fn from(o: &Outcome) -> Self {
        OutcomeDto {
            status: o.status.label().into(),
            next_step: o.next_step.clone(),
            reasons: o
                .reasons
                .iter()
                .map(|r| ReasonDto {
                    code: r.code.clone(),
                    rule: r.rule.clone(),
                    evidence: r.evidence.clone(),
                    text: r.text.clone(),
                })
                .collect(),
            needs_clearance_for: o.needs_clearance_for.iter().map(|q| q.as_str().to_string()).collect(),
            rules_version: o.rules_version.clone(),
        }
    }
}

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
pub struct SessionPlanDto {
    pub dose: DoseDto,
    pub bouts: Vec<u8>,
    pub rest_minutes: u8,
    pub warm_up_minutes: u8,
    pub cool_down_minutes: u8,
    pub speed: String,
    pub support: String,
    pub why: DecisionDto,
    pub tips: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemDto {
    pub id: String,
    pub name: String,
    pub dose: String,
    pub why: String,
}

#[derive(Serialize, ToSchema)]
pub struct TodayDto {
    pub date: String,
    pub week: u32,
    /// `blocked`, `clearance_needed`, `stopped`, `before_start`, `session`, `done`, `rest` or `complete`.
    pub kind: String,
    pub headline: String,
    pub session: Option<SessionPlanDto>,
    pub items: Vec<ItemDto>,
    pub next_session: Option<String>,
    pub checkin_due_for: Option<String>,
    pub reasons: Vec<String>,
    /// Set while backward walking is paused; `session` is then null.
    pub pause: Option<PauseDto>,
    pub notices: Vec<NoticeDto>,
}

impl From<&TodayView> for TodayDto {
    fn from(v: &TodayView) -> Self {
        TodayDto {
            date: v.date.to_string(),
            week: v.week,
            kind: v.kind.as_str().to_string(),
            headline: v.headline.clone(),
            session: v.retro.as_ref().map(|r| SessionPlanDto {
                dose: DoseDto::from(&r.dose),
                bouts: r.bouts.clone(),
                rest_minutes: r.rest_minutes,
                warm_up_minutes: r.warm_up_minutes,
                cool_down_minutes: r.cool_down_minutes,
                speed: r.speed.clone(),
                support: r.support.into(),
                why: DecisionDto::from(&r.why),
                tips: r.tips.iter().map(|t| t.to_string()).collect(),
            }),
            items: v
                .items
                .iter()
                .map(|i| ItemDto {
                    id: i.exercise.id.into(),
                    name: i.exercise.name.into(),
                    dose: i.dose.clone(),
                    why: i.exercise.why.into(),
                })
                .collect(),
            next_session: v.next_session.map(|d| d.to_string()),
            checkin_due_for: v.checkin_due_for.map(|d| d.to_string()),
            reasons: v.reasons.clone(),
            pause: v.pause.as_ref().map(PauseDto::from),
            notices: v.notices.iter().map(NoticeDto::from).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    /// Only in the answer to a new log that stopped the programme: the first
    /// and only thing to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<PauseDto>,
    pub date: String,
    pub minutes: u8,
    pub bouts: u8,
    pub speed_kmh: Option<f64>,
    pub incline_pct: u8,
    pub support: String,
    pub surface: String,
    pub pain_before: u8,
    pub pain_peak: u8,
    pub pain_after: u8,
    pub rpe: Option<u8>,
    pub symptoms: Vec<String>,
    pub notes: String,
    pub morning_pain: Option<u8>,
    /// The decision this session led to.
    pub decision: Option<DecisionDto>,
}

impl SessionDto {
    pub fn new(l: &coach::history::SessionLog, morning_pain: Option<u8>, decision: Option<&Decision>) -> SessionDto {
        SessionDto {
            stop: None,
            date: l.date.to_string(),
            minutes: l.minutes,
            bouts: l.bouts,
            speed_kmh: l.speed_tenths.map(|t| f64::from(t) / 10.0),
            incline_pct: l.incline_pct,
            support: l.support.as_str().to_string(),
            surface: l.surface.as_str().to_string(),
            pain_before: l.pain_before.value(),
            pain_peak: l.pain_peak.value(),
            pain_after: l.pain_after.value(),
            rpe: l.rpe,
            symptoms: l.symptoms.iter().map(|s| s.as_str().to_string()).collect(),
            notes: l.notes.clone(),
            morning_pain,
            decision: decision.map(DecisionDto::from),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CheckinResultDto {
    /// Set when the check-in stopped the programme: the first and only thing to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<PauseDto>,
    pub session_date: String,
    pub pain: u8,
    pub decision: DecisionDto,
}

#[derive(Serialize, ToSchema)]
pub struct WeekDto {
    pub week: u32,
    pub start: String,
    pub planned_sessions: u32,
    /// Sessions whose day has passed (or today's, once logged), outside any pause.
    pub due_sessions: u32,
    pub done_sessions: u32,
    /// Done of due, percent; null while nothing is due.
    pub adherence_pct: Option<u32>,
    pub planned_minutes: u32,
    pub done_minutes: u32,
    pub pain_before: Option<f64>,
    pub pain_after: Option<f64>,
    pub pain_next_morning: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressDto {
    /// Done of due so far, percent; null while nothing is due.
    pub adherence_pct: Option<u32>,
    pub pain_after_change: Option<f64>,
    pub pain_after_words: Option<String>,
    pub weeks: Vec<WeekDto>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanSessionDto {
    pub date: String,
    /// `done`, `missed`, `today`, `planned` or `paused` (no dose).
    pub status: String,
    pub dose: Option<DoseDto>,
    pub summary: String,
}

#[derive(Serialize, ToSchema)]
pub struct PlanDto {
    pub start: String,
    pub end: String,
    pub supported_only: bool,
    /// Set while backward walking is paused: why, and what ends it.
    pub pause: Option<PauseDto>,
    pub notices: Vec<NoticeDto>,
    pub current: Option<DecisionDto>,
    pub sessions: Vec<PlanSessionDto>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceDto {
    pub id: String,
    /// `V` checked, `S` secondary, `D` our design choice.
    pub certainty: String,
    pub section: String,
    pub finding: String,
    pub source: String,
}

#[derive(Deserialize, ToSchema)]
pub struct LogRequest {
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
    #[schema(minimum = 1, maximum = 120)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub minutes: Option<u8>,
    #[schema(minimum = 1, maximum = 30)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub bouts: Option<u8>,
    #[schema(minimum = 0.1, maximum = 8.0)]
    pub speed_kmh: Option<f64>,
    #[schema(minimum = 0, maximum = 15)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub incline_pct: Option<u8>,
    #[schema(pattern = "^(rails|light_touch|hands_free)$")]
    pub support: Option<String>,
    #[schema(pattern = "^(treadmill|overground)$")]
    pub surface: Option<String>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain_before: i64,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain_peak: i64,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain_after: i64,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub rpe: Option<u8>,
    #[serde(default)]
    pub symptoms: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Deserialize, ToSchema)]
pub struct CheckinRequest {
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub pain: i64,
    #[serde(default)]
    pub symptoms: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct ClearanceRequest {
    pub by: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub note: String,
}

/// A clinician's restart of a programme the coach stopped.
#[derive(Deserialize, ToSchema)]
pub struct RestartRequest {
    pub by: String,
    /// The clinician's role, e.g. physiotherapist.
    pub role: String,
    #[serde(default)]
    pub note: String,
    /// Minutes to restart at (3-20); default the programme's start dose.
    #[schema(minimum = 3, maximum = 20)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub minutes: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct RestartDto {
    pub by: String,
    pub role: String,
    pub note: String,
    pub signed_at: Option<String>,
    pub effective: String,
    /// The dose it restarts at.
    pub dose: DoseDto,
    pub decision: DecisionDto,
}

#[derive(Deserialize, ToSchema)]
pub struct ScreeningRequest {
    /// Every question id with true or false (see GET /api/v1/questions).
    pub answers: std::collections::BTreeMap<String, bool>,
    #[schema(exclusive_minimum = 0.0, maximum = 300.0)]
    pub tug_seconds: Option<f64>,
    #[schema(exclusive_minimum = 0.0, maximum = 300.0)]
    pub backward_3m_seconds: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionDto {
    pub id: String,
    /// `general_health`, `knee` or `balance`.
    pub topic: String,
    pub text: String,
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct SetupDto {
    /// Any of treadmill, safety_key, handrails, bike, pool.
    pub equipment: Vec<String>,
    /// mon … sun.
    pub training_days: Vec<String>,
    #[schema(format = Date)]
    pub start: String,
    pub time_zone: String,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(deserialize_with = "whole::de")]
    pub baseline_pain: i64,
    #[schema(minimum = 1, maximum = 52)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub weeks: Option<u8>,
    #[schema(minimum = 1.0, maximum = 7.0)]
    pub forward_speed_kmh: Option<f64>,
}

/// The API's set-up is read as the form's is (same checks, same words).
impl From<&SetupDto> for crate::forms::SetupInput {
    fn from(d: &SetupDto) -> Self {
        crate::forms::SetupInput {
            equipment: d.equipment.clone(),
            days: d.training_days.clone(),
            start: Some(d.start.clone()),
            time_zone: Some(d.time_zone.clone()),
            baseline_pain: Some(d.baseline_pain.to_string()),
            weeks: d.weeks.map(|w| w.to_string()),
            forward_speed: d.forward_speed_kmh.map(|f| f.to_string()),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ActivityDto {
    pub name: String,
    #[schema(minimum = 0.0, maximum = 10.0)]
    pub score: f64,
}

#[derive(Deserialize, ToSchema)]
pub struct OutcomeRequest {
    /// pain_now, pain_worst_week, own_activities, global_change, chair_stand30s, timed_up_and_go, fast_walk40m, backward_walk3m.
    #[schema(
        pattern = "^(pain_now|pain_worst_week|own_activities|global_change|chair_stand30s|timed_up_and_go|fast_walk40m|backward_walk3m)$"
    )]
    pub measure: String,
    /// The result; timed walks in seconds. Not used for own_activities.
    pub value: Option<f64>,
    #[serde(default)]
    pub activities: Vec<ActivityDto>,
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
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

#[derive(Serialize, ToSchema)]
pub struct OutcomeRowDto {
    pub measure: String,
    pub name: String,
    pub unit: String,
    pub first: f64,
    pub first_on: String,
    pub latest: f64,
    pub latest_on: String,
    pub change: Option<ChangeDto>,
}

impl From<&service::OutcomeRow> for OutcomeRowDto {
    fn from(r: &service::OutcomeRow) -> Self {
        OutcomeRowDto {
            measure: r.measure.as_str().to_string(),
            name: r.name.into(),
            unit: r.unit.into(),
            first: r.first,
            first_on: r.first_on.to_string(),
            latest: r.latest,
            latest_on: r.latest_on.to_string(),
            change: r.change.as_ref().map(ChangeDto::from),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeResultDto {
    pub measure: String,
    pub value: f64,
    pub taken_on: String,
    pub change: Option<ChangeDto>,
    pub flags: Vec<String>,
    /// The new screening status, when this result changed it.
    pub screen_changed_to: Option<String>,
}

impl From<&service::Recorded> for OutcomeResultDto {
    fn from(r: &service::Recorded) -> Self {
        OutcomeResultDto {
            measure: r.record.measure.as_str().to_string(),
            value: r.record.value,
            taken_on: r.record.taken_on.to_string(),
            change: r.change.as_ref().map(ChangeDto::from),
            flags: r.flags.iter().map(|f| f.text.clone()).collect(),
            screen_changed_to: r.screen_changed.as_ref().map(|o| o.status.label().to_string()),
        }
    }
}

/// A questionnaire the clinic loaded.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireDto {
    pub id: String,
    pub title: String,
    pub version: String,
    pub copyright: String,
    pub items: Vec<QuestionnaireItemDto>,
    /// Subscale names, in scoring order.
    pub subscales: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireItemDto {
    pub link_id: String,
    pub text: String,
    pub section: String,
    pub required: bool,
    pub options: Vec<AnswerOptionDto>,
}

#[derive(Serialize, ToSchema)]
pub struct AnswerOptionDto {
    pub code: String,
    pub display: String,
}

impl From<&store::LoadedQuestionnaire> for QuestionnaireDto {
    fn from(l: &store::LoadedQuestionnaire) -> Self {
        let q = &l.questionnaire;
        QuestionnaireDto {
            id: q.id.clone(),
            title: q.title.clone(),
            version: q.version.clone(),
            copyright: q.copyright.clone(),
            items: q
                .items
                .iter()
                .map(|i| QuestionnaireItemDto {
                    link_id: i.link_id.clone(),
                    text: i.text.clone(),
                    section: i.section.clone(),
                    required: i.required,
                    options: i
                        .options
                        .iter()
                        .map(|o| AnswerOptionDto { code: o.code.clone(), display: o.display.clone() })
                        .collect(),
                })
                .collect(),
            subscales: l.scoring.subscales.iter().map(|s| s.name.clone()).collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct QuestionnaireAnswersRequest {
    /// linkId -> answer code; a question may be left out unless it is required.
    pub answers: std::collections::BTreeMap<String, String>,
    /// YYYY-MM-DD; default today.
    #[schema(format = Date)]
    pub date: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireResultDto {
    pub questionnaire: String,
    pub title: String,
    pub taken_on: String,
    pub scores: Vec<SubscaleScoreDto>,
}

#[derive(Serialize, ToSchema)]
pub struct SubscaleScoreDto {
    pub id: String,
    pub name: String,
    /// 0-100, or null when too few items were answered.
    pub score: Option<f64>,
    pub answered: usize,
    pub of: usize,
    pub needed: usize,
}

impl From<&store::QuestionnaireResult> for QuestionnaireResultDto {
    fn from(r: &store::QuestionnaireResult) -> Self {
        QuestionnaireResultDto {
            questionnaire: r.questionnaire.clone(),
            title: r.title.clone(),
            taken_on: r.taken_on.to_string(),
            scores: r
                .scores
                .iter()
                .map(|s| SubscaleScoreDto {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    score: s.score,
                    answered: s.answered,
                    of: s.of,
                    needed: s.needed,
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ConfirmationRequest {
    /// Was the walk backward? If so it becomes that day's session and the pains are required.
    pub backward: bool,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub pain_before: Option<i64>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub pain_peak: Option<i64>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub pain_after: Option<i64>,
    #[schema(minimum = 0, maximum = 10)]
    #[serde(default, deserialize_with = "whole::opt")]
    pub rpe: Option<u8>,
    /// Red-flag symptom ids, as for a session.
    #[serde(default)]
    pub symptoms: Vec<String>,
}

/// An imported activity and where it went in the programme.
#[derive(Serialize, ToSchema)]
pub struct ImportedActivityDto {
    pub id: i64,
    pub file_name: String,
    pub start: String,
    pub local_date: String,
    pub local_time: String,
    pub sport: String,
    pub minutes: u32,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub cadence_spm: Option<f64>,
    /// `planned_session`, `aerobic` or `extra`.
    pub fit: String,
    /// The walker's answer for a planned session, once given.
    pub backward: Option<bool>,
    pub summary: String,
}

impl From<&store::StoredActivity> for ImportedActivityDto {
    fn from(s: &store::StoredActivity) -> Self {
        let a = &s.activity;
        ImportedActivityDto {
            id: s.id,
            file_name: s.file_name.clone(),
            start: a.start.to_string(),
            local_date: a.local_date.to_string(),
            local_time: a.local_time.clone(),
            sport: a.sport.clone(),
            minutes: a.minutes(),
            distance_m: a.distance_m,
            avg_hr: a.avg_hr,
            max_hr: a.max_hr,
            cadence_spm: a.cadence_spm,
            fit: a.fit.as_str().to_string(),
            backward: a.backward,
            summary: a.summary(),
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
