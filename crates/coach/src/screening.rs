//! Screening: questions in our own words, and the rule set that turns answers
//! into an outcome (blocked, clearance needed, supported-only or cleared).
//!
//! The wording is ours. PAR-Q+ and other licensed instruments are never quoted:
//! EVIDENCE.md gives the topics, and we ask about them in plain language.

use crate::InputError;
use crate::evidence as ev;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the rules below. Stored with every outcome, so a later change
/// of rules never rewrites what a walker was told.
pub const RULES_VERSION: &str = "screen-2026.11";

/// TUG time above which a walker is at high risk of falling (CDC STEADI).
pub const TUG_FALL_RISK_SECONDS: f64 = 12.0;
/// 3-m backward walk time that best separated fallers (Polo-Ferrero 2025).
pub const BACKWARD_3M_CUTOFF_SECONDS: f64 = 5.5;
/// Backward walking speed below which all fallers walked (Fritz 2013).
pub const BACKWARD_SPEED_FALLERS_MPS: f64 = 0.6;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    HeartCondition,
    ChestPain,
    DizzyOrFainted,
    OtherLongTermCondition,
    OtherJointProblem,
    SupervisedOnly,
    HotSwollenKnee,
    SwellingAfterInjury,
    KneeLocks,
    KneeGivesWay,
    CannotBearWeight,
    CalfPainSwelling,
    NightPainWeightLoss,
    LongMorningStiffness,
    FellPastYear,
    FeelsUnsteady,
    AfraidOfFalling,
    UsesWalkingAid,
}

/// What a "yes" means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    /// Do not start; see a clinician now.
    RedFlag,
    /// See a professional first, then record their clearance.
    NeedsClearance,
    /// Start only with support: handrails and safety key, or a wall and a helper.
    FallRisk,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    GeneralHealth,
    Knee,
    Balance,
}

crate::named!(Topic, "topic", "a known topic", { GeneralHealth => "general_health", Knee => "knee", Balance => "balance" });
crate::named!(Question, "question", "a known question", {
    HeartCondition => "heart_condition",
    ChestPain => "chest_pain",
    DizzyOrFainted => "dizzy_or_fainted",
    OtherLongTermCondition => "other_long_term_condition",
    OtherJointProblem => "other_joint_problem",
    SupervisedOnly => "supervised_only",
    HotSwollenKnee => "hot_swollen_knee",
    SwellingAfterInjury => "swelling_after_injury",
    KneeLocks => "knee_locks",
    KneeGivesWay => "knee_gives_way",
    CannotBearWeight => "cannot_bear_weight",
    CalfPainSwelling => "calf_pain_swelling",
    NightPainWeightLoss => "night_pain_weight_loss",
    LongMorningStiffness => "long_morning_stiffness",
    FellPastYear => "fell_past_year",
    FeelsUnsteady => "feels_unsteady",
    AfraidOfFalling => "afraid_of_falling",
    UsesWalkingAid => "uses_walking_aid",
});

#[derive(Clone, Copy, Debug, Serialize)]
pub struct QuestionDef {
    pub id: Question,
    pub topic: Topic,
    pub concern: Concern,
    /// The question, in our own words.
    pub text: &'static str,
    /// What a "yes" leads to, said to the walker.
    pub if_yes: &'static str,
    pub evidence: &'static [&'static str],
}

use Concern::{FallRisk, NeedsClearance, RedFlag};
use Topic::{Balance, GeneralHealth, Knee};

pub const QUESTIONS: &[QuestionDef] = &[
    QuestionDef {
        id: Question::HeartCondition,
        topic: GeneralHealth,
        concern: NeedsClearance,
        text: "Do you have a heart condition or high blood pressure that a doctor knows about?",
        if_yes: "Check with your doctor or physiotherapist that this exercise suits your heart, then record their clearance.",
        evidence: &[ev::GENERAL_HEALTH, ev::ACSM_SCREENING],
    },
    QuestionDef {
        id: Question::ChestPain,
        topic: GeneralHealth,
        concern: NeedsClearance,
        text: "Do you ever feel pain, pressure or tightness in your chest, whether resting, doing daily things or being active?",
        if_yes: "Chest pain needs a doctor's check before you exercise. If it is happening now, call emergency services.",
        evidence: &[ev::GENERAL_HEALTH, ev::ACSM_SCREENING],
    },
    QuestionDef {
        id: Question::DizzyOrFainted,
        topic: GeneralHealth,
        concern: NeedsClearance,
        text: "In the last 12 months, have you fainted, or lost your balance because you felt dizzy? (Being out of breath after hard effort does not count.)",
        if_yes: "Dizziness or fainting needs a professional's check before you walk backwards.",
        evidence: &[ev::GENERAL_HEALTH],
    },
    QuestionDef {
        id: Question::OtherLongTermCondition,
        topic: GeneralHealth,
        concern: NeedsClearance,
        text: "Do you live with another long-term condition that a doctor treats, such as diabetes, lung or kidney disease?",
        if_yes: "Ask your doctor or physiotherapist whether this programme suits you, then record their clearance.",
        evidence: &[ev::GENERAL_HEALTH, ev::ACSM_SCREENING],
    },
    QuestionDef {
        id: Question::OtherJointProblem,
        topic: GeneralHealth,
        concern: NeedsClearance,
        text: "Apart from your knee, do you have a bone, joint or muscle problem (back, hip, ankle) that more walking could make worse?",
        if_yes: "A professional should check that other problem first, then record their clearance.",
        evidence: &[ev::GENERAL_HEALTH],
    },
    QuestionDef {
        id: Question::SupervisedOnly,
        topic: GeneralHealth,
        concern: NeedsClearance,
        text: "Has a health professional told you to exercise only when someone qualified is watching?",
        if_yes: "Follow that advice: do this programme with that professional, and record their clearance.",
        evidence: &[ev::GENERAL_HEALTH, ev::SUPERVISION],
    },
    QuestionDef {
        id: Question::HotSwollenKnee,
        topic: Knee,
        concern: RedFlag,
        text: "Is your knee hot, red and swollen while you also have a fever or feel unwell?",
        if_yes: "This can be an infection in the joint. Do not exercise: get medical help today.",
        evidence: &[ev::KNEE_RED_FLAGS],
    },
    QuestionDef {
        id: Question::SwellingAfterInjury,
        topic: Knee,
        concern: RedFlag,
        text: "Did your knee swell up within a few hours of a recent fall, twist or knock?",
        if_yes: "Quick swelling after an injury can mean bleeding in the joint or a torn ligament. See a clinician before any exercise.",
        evidence: &[ev::KNEE_RED_FLAGS],
    },
    QuestionDef {
        id: Question::KneeLocks,
        topic: Knee,
        concern: RedFlag,
        text: "Does your knee get stuck (lock) so that you cannot straighten it?",
        if_yes: "A knee that locks needs a clinician's assessment before you start.",
        evidence: &[ev::KNEE_RED_FLAGS],
    },
    QuestionDef {
        id: Question::KneeGivesWay,
        topic: Knee,
        concern: RedFlag,
        text: "Does your knee suddenly give way under you?",
        if_yes: "A knee that gives way makes walking backwards unsafe. See a clinician first.",
        evidence: &[ev::KNEE_RED_FLAGS],
    },
    QuestionDef {
        id: Question::CannotBearWeight,
        topic: Knee,
        concern: RedFlag,
        text: "Are you unable to put your full weight on the leg?",
        if_yes: "Not being able to stand on the leg needs a clinician's check before any exercise.",
        evidence: &[ev::KNEE_RED_FLAGS],
    },
    QuestionDef {
        id: Question::CalfPainSwelling,
        topic: Knee,
        concern: RedFlag,
        text: "Is one calf painful, swollen, warm or a different colour?",
        if_yes: "This can be a blood clot. Get medical help today and do not exercise.",
        evidence: &[ev::DVT_FLAG],
    },
    QuestionDef {
        id: Question::NightPainWeightLoss,
        topic: Knee,
        concern: RedFlag,
        text: "Do you have constant or night-time knee pain together with weight loss you cannot explain?",
        if_yes: "This combination needs a prompt medical review before exercise.",
        evidence: &[ev::KNEE_RED_FLAGS],
    },
    QuestionDef {
        id: Question::LongMorningStiffness,
        topic: Knee,
        concern: NeedsClearance,
        text: "Are your joints stiff for more than half an hour after you get up, or are several joints swollen?",
        if_yes: "This can be an inflammatory arthritis. A clinician should check it, then record their clearance.",
        evidence: &[ev::INFLAMMATORY],
    },
    QuestionDef {
        id: Question::FellPastYear,
        topic: Balance,
        concern: FallRisk,
        text: "Have you fallen in the past 12 months?",
        if_yes: "You will walk backwards only with support: treadmill handrails and safety key, or beside a wall with someone nearby.",
        evidence: &[ev::STEADI_ITEMS, ev::DESIGN_FALL_RISK],
    },
    QuestionDef {
        id: Question::FeelsUnsteady,
        topic: Balance,
        concern: FallRisk,
        text: "Do you feel unsteady when you walk?",
        if_yes: "You will walk backwards only with support until your balance improves.",
        evidence: &[ev::STEADI_ITEMS, ev::DESIGN_FALL_RISK],
    },
    QuestionDef {
        id: Question::AfraidOfFalling,
        topic: Balance,
        concern: FallRisk,
        text: "Do you worry about falling?",
        if_yes: "We keep you supported (rails or a wall, someone nearby) so you can practise with confidence.",
        evidence: &[ev::STEADI_ITEMS, ev::DESIGN_FALL_RISK],
    },
    QuestionDef {
        id: Question::UsesWalkingAid,
        topic: Balance,
        concern: FallRisk,
        text: "Do you use, or have you been advised to use, a stick, cane or walker?",
        if_yes: "You will walk backwards only with support, never hands-free.",
        evidence: &[ev::STEADI_ITEMS, ev::DESIGN_FALL_RISK],
    },
];

/// The question behind a screening reason, when the reason is a "yes" answer
/// (codes are `prefix.question_id`; measured times have no question).
pub fn question_of(reason: &Reason) -> Option<&'static QuestionDef> {
    let (_, id) = reason.code.split_once('.')?;
    QUESTIONS.iter().find(|q| q.id.as_str() == id)
}

pub fn question(id: Question) -> &'static QuestionDef {
    // QUESTIONS holds every variant; the test below keeps it that way.
    QUESTIONS.iter().find(|q| q.id == id).unwrap_or(&QUESTIONS[0])
}

/// A walker's answers: yes/no to every question, plus optional measured times.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub answers: BTreeMap<Question, bool>,
    /// Timed Up and Go, seconds, if measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tug_seconds: Option<f64>,
    /// 3-metre backward walk, seconds, if measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backward_3m_seconds: Option<f64>,
    /// The latest fall reported in a session log or check-in during the
    /// programme: the walker trains supported-only from then on, until a new
    /// screening (answered afresh) says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fell_during_programme: Option<jiff::civil::Date>,
}

impl Answers {
    /// All "no", no measurements: a convenient start for tests and demos.
    pub fn all_no() -> Answers {
        Answers { answers: QUESTIONS.iter().map(|q| (q.id, false)).collect(), ..Answers::default() }
    }

    pub fn with(mut self, q: Question, yes: bool) -> Answers {
        self.answers.insert(q, yes);
        self
    }

    /// Every question must be answered, and timed tests must be plausible.
    pub fn validate(&self) -> Result<(), InputError> {
        let missing: Vec<String> =
            QUESTIONS.iter().filter(|q| !self.answers.contains_key(&q.id)).map(|q| q.id.as_str().to_string()).collect();
        if !missing.is_empty() {
            return Err(InputError::new(
                "answers",
                format!("every question needs a yes or no; missing: {}", missing.join(", ")),
            )
            .because(crate::Code::Required));
        }
        check_seconds("tug_seconds", self.tug_seconds)?;
        check_seconds("backward_3m_seconds", self.backward_3m_seconds)
    }

    /// The same answers with a fall reported on `day` during the programme.
    pub fn with_fall_on(&self, day: jiff::civil::Date) -> Answers {
        let mut a = self.clone();
        a.fell_during_programme = Some(a.fell_during_programme.map_or(day, |d| d.max(day)));
        a
    }

    fn yes(&self, q: Question) -> bool {
        self.answers.get(&q).copied().unwrap_or(false)
    }
}

fn check_seconds(field: &str, value: Option<f64>) -> Result<(), InputError> {
    match value {
        Some(s) if !(s.is_finite() && s > 0.0 && s <= 300.0) => {
            Err(InputError::new(field, format!("a timed test takes more than 0 and at most 300 seconds; got {s}"))
                .because(crate::Code::OutOfRange))
        }
        _ => Ok(()),
    }
}

/// A professional's clearance. It covers the concerns that stood when it was
/// given: a new "yes" later needs a new clearance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clearance {
    pub by: String,
    pub role: String,
    pub at: Timestamp,
    pub covers: Vec<Question>,
    #[serde(default)]
    pub note: String,
    /// The clinician's account and clinic, when signed in retrowalk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<crate::history::Signer>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Blocked,
    ClearanceNeeded,
    SupportedOnly,
    Cleared,
}

crate::named!(Status, "status", "a known screening outcome", {
    Blocked => "blocked",
    ClearanceNeeded => "clearance_needed",
    SupportedOnly => "supported_only",
    Cleared => "cleared",
});

impl Status {
    pub fn may_train(self) -> bool {
        matches!(self, Status::SupportedOnly | Status::Cleared)
    }

    /// The outcome's name (stored, sent and shown in the CLI).
    pub fn label(self) -> &'static str {
        self.as_str()
    }

    /// The outcome in words, for the walker and the clinician's report.
    pub fn words(self) -> &'static str {
        match self {
            Status::Blocked => "Blocked: a red flag needs a clinician's check first",
            Status::ClearanceNeeded => "Waiting for a professional's clearance",
            Status::SupportedOnly => "Cleared to train with support only (fall risk)",
            Status::Cleared => "Cleared to train",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable code, e.g. `red_flag.knee_locks`.
    pub code: String,
    pub rule: String,
    pub evidence: Vec<String>,
    pub text: String,
    /// The numbers and names in `text`, for saying it in another language
    /// (message `screen_reason.<code after the dot>`); empty for a question
    /// answered yes, which its question's own message says.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub status: Status,
    pub reasons: Vec<Reason>,
    pub rules_version: String,
    /// General-health concerns a clearance must cover.
    pub needs_clearance_for: Vec<Question>,
    /// True when any fall-risk flag stands, cleared or not.
    pub fall_risk: bool,
    /// What the walker should do now, in one sentence.
    pub next_step: String,
}

const TUG_EVIDENCE: &[&str] = &[ev::STEADI_TUG, ev::DESIGN_FALL_RISK];
const BACKWARD_3M_EVIDENCE: &[&str] = &[ev::BW_3M_TEST, ev::BW_SPEED_FALLERS, ev::DESIGN_FALL_RISK];
const FALL_REPORTED_EVIDENCE: &[&str] = &[ev::STEADI_ITEMS, ev::DESIGN_FALL_RISK];
const CLEARED_EVIDENCE: &[&str] = &[ev::ACSM_SCREENING];

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|e| e.to_string()).collect()
}

/// The screening's rules, each with the evidence behind it (for a "why"
/// page of its own): the three kinds of question, then the measured,
/// reported and cleared reasons.
pub fn rules() -> Vec<(&'static str, Vec<&'static str>)> {
    let of = |concern: Concern| {
        let mut ids: Vec<&'static str> = Vec::new();
        for q in QUESTIONS.iter().filter(|q| q.concern == concern) {
            for e in q.evidence {
                if !ids.contains(e) {
                    ids.push(e);
                }
            }
        }
        ids
    };
    vec![
        ("S-RED-FLAG", of(RedFlag)),
        ("S-CLEARANCE", of(NeedsClearance)),
        ("S-FALL-RISK", of(FallRisk)),
        ("S-TUG", TUG_EVIDENCE.to_vec()),
        ("S-BACKWARD-3M", BACKWARD_3M_EVIDENCE.to_vec()),
        ("S-FALL-REPORTED", FALL_REPORTED_EVIDENCE.to_vec()),
        ("S-CLEARED-BY", CLEARED_EVIDENCE.to_vec()),
    ]
}

/// Applies the rule set to `answers`. A clearance moves `clearance_needed` on
/// when it covers every concern that stands; red flags are never cleared here.
pub fn evaluate(answers: &Answers, clearance: Option<&Clearance>) -> Outcome {
    let mut reasons = Vec::new();
    let mut red = false;
    let mut uncleared = Vec::new();
    let mut fall_risk = false;

    for q in QUESTIONS.iter().filter(|q| answers.yes(q.id)) {
        let (prefix, rule) = match q.concern {
            RedFlag => ("red_flag", "S-RED-FLAG"),
            NeedsClearance => ("clearance", "S-CLEARANCE"),
            FallRisk => ("fall_risk", "S-FALL-RISK"),
        };
        match q.concern {
            RedFlag => red = true,
            NeedsClearance => {
                if !clearance.is_some_and(|c| c.covers.contains(&q.id)) {
                    uncleared.push(q.id);
                }
            }
            FallRisk => fall_risk = true,
        }
        reasons.push(Reason {
            code: format!("{prefix}.{}", q.id.as_str()),
            rule: rule.into(),
            evidence: q.evidence.iter().map(|e| e.to_string()).collect(),
            text: q.if_yes.into(),
            args: BTreeMap::new(),
        });
    }

    if let Some(t) = answers.tug_seconds.filter(|t| *t > TUG_FALL_RISK_SECONDS) {
        fall_risk = true;
        reasons.push(Reason {
            code: "fall_risk.slow_tug".into(),
            rule: "S-TUG".into(),
            evidence: strings(TUG_EVIDENCE),
            text: format!(
                "Your Timed Up and Go took {t:.1} s, over {TUG_FALL_RISK_SECONDS:.0} s: you will train with support."
            ),
            args: args(&[("seconds", format!("{t:.1}")), ("limit", format!("{TUG_FALL_RISK_SECONDS:.0}"))]),
        });
    }
    if let Some(t) = answers.backward_3m_seconds {
        let speed = 3.0 / t;
        if t >= BACKWARD_3M_CUTOFF_SECONDS || speed < BACKWARD_SPEED_FALLERS_MPS {
            fall_risk = true;
            reasons.push(Reason {
                code: "fall_risk.slow_backward_walk".into(),
                rule: "S-BACKWARD-3M".into(),
                evidence: strings(BACKWARD_3M_EVIDENCE),
                text: format!(
                    "Your 3-metre backward walk took {t:.1} s ({speed:.2} m/s), slower than {BACKWARD_SPEED_FALLERS_MPS} m/s: you will train with support."
                ),
                args: args(&[
                    ("seconds", format!("{t:.1}")),
                    ("speed", format!("{speed:.2}")),
                    ("limit", BACKWARD_SPEED_FALLERS_MPS.to_string()),
                ]),
            });
        }
    }
    if let Some(day) = answers.fell_during_programme {
        fall_risk = true;
        reasons.push(Reason {
            code: "fall_risk.fell_during_programme".into(),
            rule: "S-FALL-REPORTED".into(),
            evidence: strings(FALL_REPORTED_EVIDENCE),
            text: format!(
                "You reported a fall on {day}. From now on you train only with support (treadmill rails and safety key, or a wall with someone nearby) and no incline, until a new screening says otherwise."
            ),
            args: args(&[("day", day.to_string())]),
        });
    }
    if let Some(c) = clearance.filter(|c| !red && uncleared.is_empty() && !c.covers.is_empty()) {
        {
            reasons.push(Reason {
                code: "clearance.recorded".into(),
                rule: "S-CLEARED-BY".into(),
                evidence: strings(CLEARED_EVIDENCE),
                text: format!("Cleared to exercise by {} ({}) on {}.", c.by, c.role, c.at.strftime("%Y-%m-%d")),
                args: args(&[
                    ("by", c.by.clone()),
                    ("role", c.role.clone()),
                    ("day", c.at.strftime("%Y-%m-%d").to_string()),
                ]),
            });
        }
    }

    let status = if red {
        Status::Blocked
    } else if !uncleared.is_empty() {
        Status::ClearanceNeeded
    } else if fall_risk {
        Status::SupportedOnly
    } else {
        Status::Cleared
    };
    let next_step = match status {
        Status::Blocked => {
            "Do not start. See a clinician now and show them this screen; come back when they have checked your knee."
        }
        Status::ClearanceNeeded => {
            "See your doctor or physiotherapist first. When they agree you can start, record their clearance."
        }
        Status::SupportedOnly => {
            "You can start, always with support: treadmill handrails and safety key, or beside a wall with someone nearby. No incline."
        }
        Status::Cleared => {
            "You can start. Begin slowly and short, with support (the rails, or a wall and someone nearby), and build up one step at a time."
        }
    };
    Outcome {
        status,
        reasons,
        rules_version: RULES_VERSION.into(),
        needs_clearance_for: uncleared,
        fall_risk,
        next_step: next_step.into(),
    }
}

impl Outcome {
    /// An outcome stored before its reasons carried their numbers gets them
    /// from its answers judged again (a clearance's names cannot be, and stay
    /// in its English text); nothing else changes.
    pub fn with_args_from(mut self, answers: &Answers) -> Outcome {
        if self.reasons.iter().all(|r| !r.args.is_empty() || question_of(r).is_some()) {
            return self;
        }
        let again = evaluate(answers, None);
        for r in self.reasons.iter_mut().filter(|r| r.args.is_empty()) {
            if let Some(same) = again.reasons.iter().find(|x| x.code == r.code && x.text == r.text) {
                r.args = same.args.clone();
            }
        }
        self
    }
}

fn args(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An outcome stored without its reasons' numbers gets the same numbers
    /// the coach gives today; the texts and the status do not change.
    #[test]
    fn an_outcome_stored_without_numbers_gets_them_back() {
        let mut a = Answers::all_no().with(Question::FellPastYear, true);
        a.tug_seconds = Some(13.5);
        a.fell_during_programme = Some(jiff::civil::date(2026, 11, 20));
        let now = evaluate(&a, None);
        let mut old = now.clone();
        old.reasons.iter_mut().for_each(|r| r.args.clear());
        assert_eq!(old.with_args_from(&a), now);
    }

    fn cleared_by(covers: Vec<Question>) -> Clearance {
        Clearance {
            by: "Dr Rivera".into(),
            role: "GP".into(),
            at: Timestamp::UNIX_EPOCH,
            covers,
            note: String::new(),
            signer: None,
        }
    }

    #[test]
    fn every_question_variant_is_defined_once() {
        for q in QUESTIONS {
            assert_eq!(QUESTIONS.iter().filter(|x| x.id == q.id).count(), 1);
            assert_eq!(question(q.id).id, q.id);
        }
        assert_eq!(QUESTIONS.len(), 18);
    }

    #[test]
    fn all_no_is_cleared() {
        let out = evaluate(&Answers::all_no(), None);
        assert_eq!(out.status, Status::Cleared);
        assert!(out.reasons.is_empty());
        assert_eq!(out.rules_version, RULES_VERSION);
    }

    #[test]
    fn a_red_flag_blocks_even_with_a_clearance() {
        let a = Answers::all_no().with(Question::KneeLocks, true).with(Question::HeartCondition, true);
        let out = evaluate(&a, Some(&cleared_by(vec![Question::HeartCondition])));
        assert_eq!(out.status, Status::Blocked);
        assert!(out.reasons.iter().any(|r| r.code == "red_flag.knee_locks"));
    }

    #[test]
    fn clearance_moves_clearance_needed_on_only_for_what_it_covers() {
        let a = Answers::all_no().with(Question::HeartCondition, true);
        assert_eq!(evaluate(&a, None).status, Status::ClearanceNeeded);
        let c = cleared_by(vec![Question::HeartCondition]);
        assert_eq!(evaluate(&a, Some(&c)).status, Status::Cleared);
        let later = a.with(Question::ChestPain, true);
        let out = evaluate(&later, Some(&c));
        assert_eq!(out.status, Status::ClearanceNeeded);
        assert_eq!(out.needs_clearance_for, vec![Question::ChestPain]);
    }

    #[test]
    fn measured_times_trigger_supported_only() {
        let slow_tug = Answers { tug_seconds: Some(12.5), ..Answers::all_no() };
        assert_eq!(evaluate(&slow_tug, None).status, Status::SupportedOnly);
        let ok_tug = Answers { tug_seconds: Some(12.0), ..Answers::all_no() };
        assert_eq!(evaluate(&ok_tug, None).status, Status::Cleared);
        // 5.2 s is 0.58 m/s: slower than every faller's 0.6 m/s.
        let slow_bw = Answers { backward_3m_seconds: Some(5.2), ..Answers::all_no() };
        assert_eq!(evaluate(&slow_bw, None).status, Status::SupportedOnly);
        let quick_bw = Answers { backward_3m_seconds: Some(4.0), ..Answers::all_no() };
        assert_eq!(evaluate(&quick_bw, None).status, Status::Cleared);
    }

    #[test]
    fn validation_names_missing_answers_and_bad_times() {
        let mut a = Answers::all_no();
        a.answers.remove(&Question::KneeLocks);
        let err = a.validate().unwrap_err();
        assert!(err.message.contains("knee_locks"), "{err}");
        let bad = Answers { tug_seconds: Some(-3.0), ..Answers::all_no() };
        assert_eq!(bad.validate().unwrap_err().field, "tug_seconds");
    }
}
