//! Outcome measures: what they are, how to take them (in our own words), when
//! they are due, and what a change means against the smallest real change.
//!
//! Only generic, unlicensed measures are built in: pain (NPRS), the walker's own
//! activities (PSFS-style), a global rating of change and four timed tests.
//! Licensed questionnaires are loaded as data by those who hold a licence.

use crate::InputError;
use crate::dates::{add_days, days_between};
use crate::evidence as ev;
use crate::screening::Answers;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    PainNow,
    PainWorstWeek,
    OwnActivities,
    GlobalChange,
    ChairStand30s,
    TimedUpAndGo,
    FastWalk40m,
    BackwardWalk3m,
}

/// Whether a larger value is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Lower,
    Higher,
}

/// The smallest change that is more than measurement noise, with its source.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Threshold {
    pub value: f64,
    pub evidence: &'static str,
}

crate::named!(Measure, "measure", "a measure", {
    PainNow => "pain_now",
    PainWorstWeek => "pain_worst_week",
    OwnActivities => "own_activities",
    GlobalChange => "global_change",
    ChairStand30s => "chair_stand30s",
    TimedUpAndGo => "timed_up_and_go",
    FastWalk40m => "fast_walk40m",
    BackwardWalk3m => "backward_walk3m",
});

impl Measure {
    /// A test the walker performs (stands, walks, walks backwards), rather
    /// than a rating they give: not asked for while training is paused.
    pub fn is_performed(self) -> bool {
        matches!(self, Measure::ChairStand30s | Measure::TimedUpAndGo | Measure::FastWalk40m | Measure::BackwardWalk3m)
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::PainNow => "Knee pain now",
            Measure::PainWorstWeek => "Worst knee pain in the past week",
            Measure::OwnActivities => "Your own activities",
            Measure::GlobalChange => "Overall change since you started",
            Measure::ChairStand30s => "30-second chair stand",
            Measure::TimedUpAndGo => "Timed Up and Go",
            Measure::FastWalk40m => "40-metre fast walk",
            Measure::BackwardWalk3m => "3-metre backward walk",
        }
    }

    /// The unit a value is kept in.
    pub fn unit(self) -> &'static str {
        match self {
            Measure::PainNow | Measure::PainWorstWeek | Measure::OwnActivities => "/10",
            Measure::GlobalChange => "points (-7 to +7)",
            Measure::ChairStand30s => "stands",
            Measure::TimedUpAndGo | Measure::BackwardWalk3m => "s",
            Measure::FastWalk40m => "m/s",
        }
    }

    pub fn better(self) -> Better {
        match self {
            Measure::PainNow | Measure::PainWorstWeek | Measure::TimedUpAndGo | Measure::BackwardWalk3m => {
                Better::Lower
            }
            Measure::OwnActivities | Measure::GlobalChange | Measure::ChairStand30s | Measure::FastWalk40m => {
                Better::Higher
            }
        }
    }

    /// The smallest real change, where a checked source gives one.
    pub fn threshold(self) -> Option<Threshold> {
        match self {
            Measure::PainNow | Measure::PainWorstWeek => Some(Threshold { value: 1.33, evidence: ev::NRS_MDC }),
            Measure::TimedUpAndGo => Some(Threshold { value: 1.10, evidence: ev::TUG_MDC }),
            Measure::ChairStand30s => Some(Threshold { value: 2.5, evidence: ev::CST_MDC }),
            // No checked threshold for these: changes are shown, not judged.
            Measure::OwnActivities | Measure::GlobalChange | Measure::FastWalk40m | Measure::BackwardWalk3m => None,
        }
    }

    pub fn evidence(self) -> &'static [&'static str] {
        match self {
            Measure::PainNow | Measure::PainWorstWeek => &[ev::NRS_MCID, ev::NRS_MDC],
            Measure::OwnActivities | Measure::GlobalChange => &[ev::DESIGN_OUTCOMES],
            Measure::ChairStand30s => &[ev::OARSI_TESTS, ev::CST_MDC, ev::CST_NORMS],
            Measure::TimedUpAndGo => &[ev::OARSI_TESTS, ev::TUG_MDC, ev::STEADI_TUG],
            Measure::FastWalk40m => &[ev::OARSI_TESTS],
            Measure::BackwardWalk3m => &[ev::BW_3M_TEST, ev::BW_SPEED_FALLERS],
        }
    }

    /// How to take it, in our own words.
    pub fn instructions(self) -> &'static [&'static str] {
        match self {
            Measure::PainNow => &["Rate your knee pain right now: 0 is no pain, 10 is the worst pain you can imagine."],
            Measure::PainWorstWeek => {
                &["Think back over the past 7 days. Rate the worst your knee pain has been: 0 to 10."]
            }
            Measure::OwnActivities => &[
                "Name 3 to 5 everyday activities your knee makes hard (for example: getting out of a car, walking to the shop).",
                "For each, rate how well you can do it today: 0 means you cannot do it at all, 10 means as well as before your knee trouble.",
                "Next time, rate the same activities again.",
            ],
            Measure::GlobalChange => &[
                "Compared with just before you started, how is your knee overall now?",
                "Answer from -7 (very much worse) through 0 (about the same) to +7 (very much better).",
            ],
            Measure::ChairStand30s => &[
                "Use a firm chair without arms, about knee height, with its back against a wall.",
                "Sit in the middle of the seat, feet flat, arms crossed over your chest.",
                "On 'go', stand up fully and sit down fully as many times as you can in 30 seconds. Practise once or twice first.",
                "Count full stands. If you are more than halfway up when time ends, count it.",
            ],
            Measure::TimedUpAndGo => &[
                "Mark a line 3 metres from the front of a chair. Wear your usual shoes; use your walking aid if you have one.",
                "Start sitting with your back against the chair. On 'go', stand, walk at your usual pace to the line, turn, walk back and sit down.",
                "Time from 'go' until you are seated again.",
            ],
            Measure::FastWalk40m => &[
                "Mark a 10-metre straight path with space to turn at each end.",
                "Walk as quickly as you safely can along it and back, twice (40 metres in all), turning around the markers.",
                "Time the whole 40 metres. Have someone walk beside you if you are unsteady.",
            ],
            Measure::BackwardWalk3m => &[
                "Mark 3 metres on a clear floor beside a wall, with someone standing by you.",
                "Stand with your heels at the start line. On 'go', walk backwards at your usual safe pace past the 3-metre mark.",
                "Time from 'go' until both heels have passed the mark.",
            ],
        }
    }

    /// Checks a value as it is entered (timed walks are entered in seconds).
    /// The values a result may take: lowest, highest, whether whole numbers
    /// only, and the range in words. The API's document states the same.
    pub fn range(self) -> (f64, f64, bool, &'static str) {
        let (lo, hi, what) = match self {
            Measure::PainNow | Measure::PainWorstWeek | Measure::OwnActivities => (0.0, 10.0, "0 to 10"),
            Measure::GlobalChange => (-7.0, 7.0, "-7 to +7"),
            Measure::ChairStand30s => (0.0, 60.0, "0 to 60 stands"),
            Measure::TimedUpAndGo | Measure::FastWalk40m | Measure::BackwardWalk3m => {
                (0.5, 600.0, "0.5 to 600 seconds")
            }
        };
        let whole =
            matches!(self, Measure::PainNow | Measure::PainWorstWeek | Measure::GlobalChange | Measure::ChairStand30s);
        (lo, hi, whole, what)
    }

    pub fn validate(self, value: f64) -> Result<f64, InputError> {
        let (lo, hi, whole, what) = self.range();
        if !value.is_finite() || value < lo || value > hi || (whole && value.fract() != 0.0) {
            return Err(InputError::new(
                self.as_str(),
                format!("must be {what}{}; got {value}", if whole { ", a whole number" } else { "" }),
            )
            .because(crate::Code::OutOfRange));
        }
        // The 40-metre walk is kept as a speed, the way it is reported.
        Ok(if self == Measure::FastWalk40m { (40.0 / value * 100.0).round() / 100.0 } else { value })
    }
}

/// What a change means, in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    RealImprovement,
    WithinNoise,
    Worse,
    /// No checked smallest-real-change exists for this test.
    NoThreshold,
}

crate::named!(Verdict, "verdict", "a known verdict", {
    RealImprovement => "real_improvement",
    WithinNoise => "within_noise",
    Worse => "worse",
    NoThreshold => "no_threshold",
});

#[derive(Clone, Debug, Serialize)]
pub struct Interpretation {
    pub change: f64,
    pub verdict: Verdict,
    pub words: String,
    pub evidence: Vec<String>,
    /// The smallest real change judged against, in the measure's unit
    /// (`None` when there is none), for saying `words` in another language.
    #[serde(skip)]
    pub threshold: Option<f64>,
}

/// A change from `before` to `after`, against the measure's smallest real change.
pub fn interpret(measure: Measure, before: f64, after: f64) -> Interpretation {
    let change = ((after - before) * 100.0).round() / 100.0;
    let unit = measure.unit();
    match measure.threshold() {
        Some(t) => judge(change, measure.better(), unit, t.value, t.evidence),
        None => Interpretation {
            change,
            verdict: Verdict::NoThreshold,
            words: format!("changed by {change:+} {unit}; no agreed smallest real change is known for this measure"),
            evidence: measure.evidence().iter().map(|e| e.to_string()).collect(),
            threshold: None,
        },
    }
}

/// A change judged against a smallest real change of `threshold`, from `source`.
/// Built-in measures and loaded questionnaires share these words.
pub fn judge(change: f64, better: Better, unit: &str, threshold: f64, source: &str) -> Interpretation {
    let improved = match better {
        Better::Lower => -change,
        Better::Higher => change,
    };
    let (verdict, words) = if improved >= threshold {
        (
            Verdict::RealImprovement,
            format!(
                "a real improvement: {change:+} {unit}, more than the {threshold} {unit} that can be measurement noise"
            ),
        )
    } else if -improved >= threshold {
        (Verdict::Worse, format!("worse: {change:+} {unit}, more than measurement noise; tell your clinician"))
    } else {
        (Verdict::WithinNoise, format!("within measurement noise: {change:+} {unit} is less than {threshold} {unit}"))
    };
    Interpretation { change, verdict, words, evidence: vec![source.to_string()], threshold: Some(threshold) }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

crate::named!(Sex, "sex", "a known sex", { Female => "female", Male => "male" });

/// The usual 30-second chair stand range (25th-75th percentile) for an age
/// and sex, ages 60-94 only (Rikli & Jones; men from the 2013 manual).
pub fn chair_stand_norm(age: u32, sex: Sex) -> Option<(u32, u32)> {
    const MEN: [(u32, u32); 7] = [(14, 19), (13, 18), (12, 17), (11, 17), (10, 15), (8, 13), (7, 12)];
    const WOMEN: [(u32, u32); 7] = [(12, 17), (11, 16), (10, 15), (10, 15), (9, 14), (8, 13), (4, 11)];
    if !(60..=94).contains(&age) {
        return None;
    }
    let band = ((age - 60) / 5) as usize;
    Some(match sex {
        Sex::Male => MEN[band],
        Sex::Female => WOMEN[band],
    })
}

/// A result that needs attention, with its reason and source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    pub code: &'static str,
    pub text: String,
    pub evidence: Vec<String>,
    /// The numbers (and words) `text` is made of, by name, for other
    /// languages: `seconds`, `mps`, `stands`, `lo`, `hi`, `place`.
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

/// Flags raised by one result (fall risk, low function, usual range).
pub fn flags(measure: Measure, value: f64, age: Option<u32>, sex: Option<Sex>) -> Vec<Flag> {
    let mut out = Vec::new();
    let flag = |code, text: String, evidence: &[&str], args: Vec<(&'static str, String)>| Flag {
        code,
        text,
        evidence: evidence.iter().map(|e| e.to_string()).collect(),
        args,
    };
    match measure {
        Measure::TimedUpAndGo if value > crate::screening::TUG_FALL_RISK_SECONDS => {
            let seconds = format!("{value:.1}");
            out.push(flag(
                "tug_fall_risk",
                format!("{seconds} s is over 12 s: a higher risk of falling, so your sessions are supported-only."),
                &[ev::STEADI_TUG, ev::DESIGN_FALL_RISK],
                vec![("seconds", seconds)],
            ))
        }
        Measure::BackwardWalk3m
            if value >= crate::screening::BACKWARD_3M_CUTOFF_SECONDS
                || 3.0 / value < crate::screening::BACKWARD_SPEED_FALLERS_MPS =>
        {
            let (seconds, mps) = (format!("{value:.1}"), format!("{:.2}", 3.0 / value));
            out.push(flag(
                "backward_walk_fall_risk",
                format!("{seconds} s ({mps} m/s) is slow enough to be linked with falls, so your sessions are supported-only."),
                &[ev::BW_3M_TEST, ev::BW_SPEED_FALLERS, ev::DESIGN_FALL_RISK],
                vec![("seconds", seconds), ("mps", mps)],
            ))
        }
        Measure::ChairStand30s => {
            if value < 8.0 {
                out.push(flag(
                    "chair_stand_low",
                    "Fewer than 8 stands has been linked with lower everyday function.".into(),
                    &[ev::CST_NORMS],
                    vec![],
                ));
            }
            if let Some((lo, hi)) = age.zip(sex).and_then(|(a, s)| chair_stand_norm(a, s)) {
                let place = if value < f64::from(lo) {
                    "below"
                } else if value > f64::from(hi) {
                    "above"
                } else {
                    "within"
                };
                let stands = format!("{value:.0}");
                out.push(flag(
                    "chair_stand_norm",
                    format!("{stands} stands is {place} the usual range of {lo}-{hi} for your age and sex."),
                    &[ev::CST_NORMS],
                    vec![("stands", stands), ("lo", lo.to_string()), ("hi", hi.to_string()), ("place", place.into())],
                ));
            }
        }
        _ => {}
    }
    out
}

/// Feeds a timed test back into the screen: a Timed Up and Go or backward walk
/// time becomes the screening's measured time. `None` for other measures.
pub fn into_answers(answers: &Answers, measure: Measure, value: f64) -> Option<Answers> {
    let mut a = answers.clone();
    match measure {
        Measure::TimedUpAndGo => a.tug_seconds = Some(value),
        Measure::BackwardWalk3m => a.backward_3m_seconds = Some(value),
        _ => return None,
    }
    Some(a)
}

/// When outcomes are taken: days from the programme start, with a window.
pub const TIMEPOINTS: [(&str, i64, i64); 5] =
    [("baseline", 0, 7), ("week 3", 14, 7), ("week 6", 35, 7), ("3 months", 91, 14), ("12 months", 365, 30)];

/// The measures taken at each timepoint.
pub const SCHEDULED: [Measure; 6] = [
    Measure::PainNow,
    Measure::PainWorstWeek,
    Measure::OwnActivities,
    Measure::ChairStand30s,
    Measure::TimedUpAndGo,
    Measure::FastWalk40m,
];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Due {
    pub timepoint: &'static str,
    pub from: Date,
    pub until: Date,
    pub measures: Vec<Measure>,
    /// Loaded questionnaires not yet answered in this window: (id, title).
    pub questionnaires: Vec<(String, String)>,
}

/// What is due on `today`: the open timepoint's measures not yet taken in its
/// window (the global rating of change joins from week 3 on, and the care
/// team may ask for `extra` ones), and likewise every questionnaire loaded
/// for the walker, given like a built-in measure. `loaded` is (id, title);
/// `answered` is (id, date).
pub fn due(
    start: Date,
    today: Date,
    extra: &[Measure],
    taken: &[(Measure, Date)],
    loaded: &[(String, String)],
    answered: &[(String, Date)],
) -> Option<Due> {
    TIMEPOINTS.iter().find_map(|&(label, day, window)| {
        let (from, until) = (add_days(start, day - window.min(day)), add_days(start, day + window));
        if today < from || today > until {
            return None;
        }
        let within = |d: &Date| *d >= from && *d <= until;
        let mut wanted: Vec<Measure> = SCHEDULED.to_vec();
        if day > 0 {
            wanted.push(Measure::GlobalChange);
        }
        for m in extra {
            if !wanted.contains(m) {
                wanted.push(*m);
            }
        }
        let measures: Vec<Measure> =
            wanted.into_iter().filter(|m| !taken.iter().any(|(t, d)| t == m && within(d))).collect();
        let questionnaires: Vec<(String, String)> =
            loaded.iter().filter(|(id, _)| !answered.iter().any(|(a, d)| a == id && within(d))).cloned().collect();
        (!measures.is_empty() || !questionnaires.is_empty()).then_some(Due {
            timepoint: label,
            from,
            until,
            measures,
            questionnaires,
        })
    })
}

/// Days since the start, for labelling a result with its timepoint.
pub fn timepoint_of(start: Date, date: Date) -> Option<&'static str> {
    let d = days_between(start, date);
    TIMEPOINTS.iter().find(|(_, day, window)| (d - day).abs() <= *window).map(|(label, _, _)| *label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn interpretation_uses_the_smallest_real_change() {
        assert_eq!(interpret(Measure::PainNow, 5.0, 3.0).verdict, Verdict::RealImprovement);
        assert_eq!(interpret(Measure::PainNow, 5.0, 4.0).verdict, Verdict::WithinNoise);
        assert_eq!(interpret(Measure::PainNow, 3.0, 5.0).verdict, Verdict::Worse);
        assert_eq!(interpret(Measure::TimedUpAndGo, 12.0, 10.5).verdict, Verdict::RealImprovement);
        assert_eq!(interpret(Measure::TimedUpAndGo, 12.0, 11.2).verdict, Verdict::WithinNoise);
        assert_eq!(interpret(Measure::ChairStand30s, 9.0, 12.0).verdict, Verdict::RealImprovement);
        assert_eq!(interpret(Measure::ChairStand30s, 9.0, 10.0).verdict, Verdict::WithinNoise);
        let walk = interpret(Measure::FastWalk40m, 1.1, 1.3);
        assert_eq!(walk.verdict, Verdict::NoThreshold);
        assert!(walk.words.contains("+0.2 m/s"), "{}", walk.words);
    }

    #[test]
    fn norms_cover_60_to_94_only() {
        assert_eq!(chair_stand_norm(62, Sex::Female), Some((12, 17)));
        assert_eq!(chair_stand_norm(65, Sex::Male), Some((13, 18)));
        assert_eq!(chair_stand_norm(94, Sex::Female), Some((4, 11)));
        assert_eq!(chair_stand_norm(59, Sex::Male), None);
        assert_eq!(chair_stand_norm(95, Sex::Male), None);
    }

    #[test]
    fn timed_tests_raise_fall_flags_and_feed_the_screen() {
        assert_eq!(flags(Measure::TimedUpAndGo, 12.4, None, None)[0].code, "tug_fall_risk");
        assert!(flags(Measure::TimedUpAndGo, 12.0, None, None).is_empty());
        assert_eq!(flags(Measure::BackwardWalk3m, 5.6, None, None)[0].code, "backward_walk_fall_risk");
        let f = flags(Measure::ChairStand30s, 7.0, Some(72), Some(Sex::Female));
        assert_eq!(f.iter().map(|f| f.code).collect::<Vec<_>>(), ["chair_stand_low", "chair_stand_norm"]);
        assert!(f[1].text.contains("below the usual range of 10-15"));
        let a = into_answers(&Answers::all_no(), Measure::BackwardWalk3m, 6.0).unwrap();
        assert_eq!(crate::screening::evaluate(&a, None).status, crate::screening::Status::SupportedOnly);
        assert!(into_answers(&Answers::all_no(), Measure::PainNow, 3.0).is_none());
    }

    #[test]
    fn values_are_checked_and_the_fast_walk_becomes_a_speed() {
        assert_eq!(Measure::FastWalk40m.validate(32.0), Ok(1.25));
        assert!(Measure::PainNow.validate(11.0).is_err());
        assert!(Measure::PainNow.validate(2.5).is_err());
        assert!(Measure::GlobalChange.validate(-7.0).is_ok());
        assert!(Measure::TimedUpAndGo.validate(f64::NAN).is_err());
        assert_eq!(Measure::typed("timed-up-and-go"), Ok(Measure::TimedUpAndGo));
    }

    #[test]
    fn the_schedule_opens_windows_and_closes_them_when_done() {
        let start = date(2026, 11, 23);
        let d = due(start, start, &[], &[], &[], &[]).unwrap();
        assert_eq!((d.timepoint, d.measures.len()), ("baseline", 6));
        assert!(!d.measures.contains(&Measure::GlobalChange));
        let taken: Vec<(Measure, Date)> = SCHEDULED.iter().map(|m| (*m, start)).collect();
        assert_eq!(due(start, start, &[], &taken, &[], &[]), None);
        // A loaded questionnaire is due like a measure until answered in the window.
        let loaded = vec![("kd".to_string(), "Knee days".to_string())];
        assert_eq!(due(start, start, &[], &taken, &loaded, &[]).unwrap().questionnaires, loaded);
        assert_eq!(due(start, start, &[], &taken, &loaded, &[("kd".into(), start)]), None);
        let w3 = due(start, add_days(start, 15), &[], &taken, &loaded, &[("kd".into(), start)]).unwrap();
        assert_eq!(w3.questionnaires, loaded);
        assert_eq!(w3.timepoint, "week 3");
        assert!(w3.measures.contains(&Measure::GlobalChange));
        assert_eq!(due(start, add_days(start, 25), &[], &[], &loaded, &[]), None);
        assert_eq!(timepoint_of(start, add_days(start, 90)), Some("3 months"));
        // A measure the care team asks for joins the schedule, once.
        let asked = [Measure::BackwardWalk3m, Measure::ChairStand30s];
        let d = due(start, start, &asked, &taken, &[], &[]).unwrap();
        assert_eq!(d.measures, [Measure::BackwardWalk3m]);
    }
}
