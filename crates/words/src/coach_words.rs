//! The coach's words in the page's language. The coach gives values (a dose,
//! an exercise, a safety reminder by id) and keeps its English sentences for
//! the CLI, the API and the report; the pages say the same things from the
//! translation files (`dose.*`, `exercise.*`, `tip.*`, `headline.*`). The
//! English messages are the coach's own sentences, word for word: a test
//! compares every one, so the two cannot drift apart.

use crate::{I18n, Lang};
use coach::dose::{Dose, Surface, Variable};
use coach::exercises::{Exercise, Kind};
use coach::outcomes::Measure;
use coach::why::{TooMuch, Why};

/// The coach's headline, with the days that are in it said as "Thursday".
pub fn headline(l: &I18n, v: &coach::today::TodayView) -> String {
    use coach::today::Kind;
    match (v.kind, v.next_session) {
        (Kind::Rest, Some(next)) => format!("{} {}.", l.t("today.rest_day_next"), l.day(&next, &v.date)),
        (Kind::Rest, None) => l.t("today.rest_day").to_string(),
        (Kind::BeforeStart, Some(first)) => format!("{} {}.", l.t("today.starts_on"), l.day(&first, &v.date)),
        (Kind::Session, _) => match &v.retro {
            Some(r) => l.ta("headline.session", &[("minutes", &r.dose.minutes.to_string())]),
            None => v.headline.clone(),
        },
        (Kind::Done, _) => l.t("headline.done").to_string(),
        (Kind::Complete, _) => l.ta("headline.complete", &[("weeks", &v.weeks.to_string())]),
        _ => v.headline.clone(),
    }
}

/// A speed in the page's language ("1.5 km/h", "1,5 km/h").
fn kmh(l: &I18n, tenths: u16) -> String {
    decimal(l, coach::text::kmh(tenths))
}

pub fn speed(l: &I18n, d: &Dose) -> String {
    match d.surface {
        Surface::Treadmill => l.ta("dose.speed.treadmill", &[("kmh", &kmh(l, d.speed_tenths))]),
        Surface::Overground => l.t("dose.speed.overground").to_string(),
    }
}

pub fn support(l: &I18n, d: &Dose) -> String {
    l.t(&format!("dose.support.{}.{}", d.surface.as_str(), d.support.as_str())).to_string()
}

pub fn surface(l: &I18n, d: &Dose) -> String {
    l.t(&format!("dose.surface.{}", d.surface.as_str())).to_string()
}

/// A patient's "today" in a clinician's words: why backward walking is
/// paused (never a dose then), the dose, none today, or not started.
pub fn patient_today(l: &I18n, today: &coach::today::TodayIs) -> String {
    use coach::today::TodayIs;
    match today {
        TodayIs::Paused(kind) => l.t(&format!("patients.today_paused.{}", kind.as_str())).to_string(),
        TodayIs::Dose { dose, week, supported_only } => summary(l, dose, *week, *supported_only),
        TodayIs::Rest => l.t("patients.today_rest").to_string(),
        TodayIs::NotStarted => l.t("patients.today_not_started").to_string(),
    }
}

/// One line: "8 min backward (3+3+2), belt at 1.6 km/h, 0% incline, hold both handrails".
pub fn summary(l: &I18n, d: &Dose, week: u32, supported_only: bool) -> String {
    let bouts: Vec<String> = d.bouts(week, supported_only).iter().map(u8::to_string).collect();
    let speed = match d.surface {
        Surface::Treadmill => kmh(l, d.speed_tenths),
        Surface::Overground => l.t("dose.easy_pace").to_string(),
    };
    l.ta(
        "dose.summary",
        &[
            ("minutes", &d.minutes.to_string()),
            ("bouts", &bouts.join("+")),
            ("speed", &speed),
            ("incline", &d.incline_pct.to_string()),
            ("support", &support(l, d)),
        ],
    )
}

/// The safety reminders for a session on this surface.
pub fn tips(l: &I18n, surface: Surface) -> Vec<String> {
    coach::today::safety_tips(surface).iter().map(|t| l.t(&format!("tip.{}", t.id)).to_string()).collect()
}

pub fn exercise_name(l: &I18n, ex: &Exercise) -> String {
    l.t(&format!("exercise.{}.name", ex.id)).to_string()
}

pub fn exercise_steps(l: &I18n, ex: &Exercise) -> Vec<String> {
    (1..=ex.steps.len()).map(|n| l.t(&format!("exercise.{}.step{n}", ex.id)).to_string()).collect()
}

pub fn exercise_why(l: &I18n, ex: &Exercise) -> String {
    l.t(&format!("exercise.{}.why", ex.id)).to_string()
}

/// An exercise's dose in a programme week (as `coach::exercises::dose_text`).
pub fn exercise_dose(l: &I18n, ex: &Exercise, week: u32) -> String {
    match ex.kind {
        Kind::Strength => l
            .t(match week {
                0..=2 => "exercise.dose.strength_early",
                3..=4 => "exercise.dose.strength_mid",
                _ => "exercise.dose.strength_late",
            })
            .to_string(),
        Kind::Stretch => l.t("exercise.dose.stretch").to_string(),
        Kind::Balance => l.t("exercise.dose.balance").to_string(),
        Kind::Aerobic => {
            l.ta("exercise.dose.aerobic", &[("minutes", &coach::exercises::aerobic_minutes(week).to_string())])
        }
    }
}

/// An outcome measure's name ("Timed Up and Go", "Levantarse y caminar").
pub fn measure_name(l: &I18n, m: Measure) -> String {
    l.t(&format!("measure.{}.name", m.as_str())).to_string()
}

/// The unit a measure's value is written in ("/10", "stands", "s").
pub fn measure_unit(l: &I18n, m: Measure) -> String {
    l.t(&format!("measure.{}.unit", m.as_str())).to_string()
}

/// How to take the measure, step by step (as `Measure::instructions`).
pub fn measure_steps(l: &I18n, m: Measure) -> Vec<String> {
    (1..=m.instructions().len()).map(|n| l.t(&format!("measure.{}.step{n}", m.as_str())).to_string()).collect()
}

/// When a measure is due ("week 3", "semana 3"), from the coach's label.
pub fn timepoint(l: &I18n, label: &str) -> String {
    l.t(&format!("timepoint.{}", label.replace(' ', "_"))).to_string()
}

/// A number as the page's language writes it ("+1.5", "+1,5").
pub fn decimal(l: &I18n, text: String) -> String {
    if l.lang() == Lang::Es { text.replace('.', ",") } else { text }
}

/// After-session pain, first week to latest, and what the change means
/// ("-0.7 points: within measurement noise so far"), as
/// `coach::progress::pain_words` judges it.
pub fn pain_change(l: &I18n, change: f64) -> String {
    let verdict = l.t(&format!("progress.change.{}", coach::progress::pain_change(change))).to_string();
    l.ta("progress.change", &[("points", &decimal(l, format!("{change:+.1}"))), ("verdict", &verdict)])
}

/// What a change in a built-in measure means, as the coach's
/// `Interpretation::words` says it.
pub fn change_words(l: &I18n, m: Measure, i: &coach::outcomes::Interpretation) -> String {
    change_in(l, &measure_unit(l, m), i, "change.no_threshold")
}

/// What a change in a loaded questionnaire's scale means (judged against the
/// clinic's smallest real change when it gave one).
pub fn scale_change_words(l: &I18n, i: &coach::outcomes::Interpretation) -> String {
    change_in(l, l.t("change.points"), i, "change.no_clinic_threshold")
}

fn change_in(l: &I18n, unit: &str, i: &coach::outcomes::Interpretation, no_threshold: &str) -> String {
    use coach::outcomes::Verdict;
    let change = decimal(l, format!("{:+}", i.change));
    let threshold = decimal(l, i.threshold.unwrap_or(0.0).to_string());
    let key = match i.verdict {
        Verdict::RealImprovement => "change.real_improvement",
        Verdict::WithinNoise => "change.within_noise",
        Verdict::Worse => "change.worse",
        Verdict::NoThreshold => no_threshold,
    };
    l.ta(key, &[("change", &change), ("unit", unit), ("threshold", &threshold)])
}

/// A patient-list flag (`coach::flags`) in the page's language, with its
/// numbers; dates stay `YYYY-MM-DD` for the clinician.
pub fn patient_flag(l: &I18n, f: &coach::flags::Flag) -> String {
    let key = format!("flag.{}", f.rule);
    if !l.has(&key) {
        return f.text.clone();
    }
    let args: Vec<(&str, String)> = f
        .args
        .iter()
        .map(|(name, v)| match *name {
            "symptoms" => {
                let said: Vec<String> =
                    v.split(',').filter(|s| !s.is_empty()).map(|s| l.t(&format!("symptom.{s}")).to_string()).collect();
                (*name, said.join("; "))
            }
            _ => (*name, v.clone()),
        })
        .collect();
    ta_owned(l, &key, &args)
}

/// `key` filled with values the caller made (a flag's own `args`, said).
fn ta_owned(l: &I18n, key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    l.ta(key, &args)
}

/// The text for `key`, else the coach's own words (a message not yet
/// written in this language's file never shows its key).
fn t_or(l: &I18n, key: &str, coach: &str) -> String {
    if l.has(key) { l.t(key).to_string() } else { coach.to_string() }
}

/// A flag's severity, and a flag rule's few words for the list's filter.
pub fn severity(l: &I18n, s: coach::flags::Severity) -> String {
    l.t(&format!("severity.{}", s.as_str())).to_string()
}

pub fn flag_rule(l: &I18n, rule: &str, words: &str) -> String {
    t_or(l, &format!("flag_rule.{rule}"), words)
}

/// What an evidence row found (`coach::evidence`), in the page's language.
/// Its source stays as cited.
pub fn finding(l: &I18n, e: &coach::evidence::Evidence) -> String {
    t_or(l, &format!("evidence.{}", e.id), e.finding)
}

/// A result that needs attention (`coach::outcomes::flags`), with its
/// numbers, in the page's language.
pub fn outcome_flag(l: &I18n, f: &coach::outcomes::Flag) -> String {
    let arg = |name: &str| f.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()).unwrap_or_default();
    let key = match f.code {
        "chair_stand_norm" => format!("outcome_flag.chair_stand_norm.{}", arg("place")),
        code => format!("outcome_flag.{code}"),
    };
    if !l.has(&key) {
        return f.text.clone();
    }
    let args: Vec<(&str, String)> = f.args.iter().map(|(n, v)| (*n, decimal(l, v.clone()))).collect();
    ta_owned(l, &key, &args)
}

/// Why the coach decided a dose, with the walker's numbers and any
/// clinician's note, from what the decision says (`coach::why::Why`). A
/// decision read back from a record, whose facts were not kept, says its
/// rule's sentence instead (see [`reason_of`]).
pub fn reason(l: &I18n, d: &coach::adaptation::Decision) -> String {
    said(l, &d.rule, &d.reason, &d.why)
}

/// The same from a decision's parts (its rule, English sentence and facts),
/// where a view keeps those rather than the decision.
pub fn said(l: &I18n, rule: &str, sentence: &str, why: &Why) -> String {
    match why {
        Why::Recorded => reason_of(l, rule, sentence),
        why => why_words(l, why),
    }
}

/// The sentence of a [`Why`] in the page's language: in English, the
/// coach's own `Why::english` (a test holds every variant to it).
pub fn why_words(l: &I18n, why: &Why) -> String {
    let n = |v: &dyn ToString| v.to_string();
    let how = |s: Surface| l.t(&format!("why.how.{}", s.as_str())).to_string();
    let noun = |v: Variable| l.t(&format!("why.noun.{}", v.as_str())).to_string();
    match why {
        Why::Recorded => String::new(),
        Why::Start { minutes, surface } => l.ta("why.start", &[("minutes", &n(minutes)), ("how", &how(*surface))]),
        Why::StartSeverePain { usual, minutes, surface } => {
            l.ta("why.start_severe", &[("usual", &n(usual)), ("minutes", &n(minutes)), ("how", &how(*surface))])
        }
        Why::ClinicianDose { who, note } => l.ta("why.clinician_dose", &[("who", who), ("note", note)]),
        Why::ClinicianRestart { who, dose, week, supported_only, note } => {
            let at = summary(l, dose, *week, *supported_only);
            match note.as_str() {
                "" => l.ta("why.restart", &[("who", who), ("at", &at)]),
                _ => l.ta("why.restart_note", &[("who", who), ("at", &at), ("note", note)]),
            }
        }
        Why::ClinicianStop { who, ended, note } => {
            l.ta(if *ended { "why.ended" } else { "why.paused" }, &[("who", who), ("note", note)])
        }
        Why::RedFlag { symptoms } => {
            let said: Vec<String> =
                symptoms.iter().map(|s| l.t(&format!("why.reported.{}", s.as_str())).to_string()).collect();
            l.ta("why.red_flag", &[("symptoms", &said.join("; "))])
        }
        Why::Gap { days, minutes } => l.ta("why.gap", &[("days", &n(days)), ("minutes", &n(minutes))]),
        Why::Stopped => l.t("why.stopped").to_string(),
        Why::StepBack { pain, less: Some(var) } => {
            l.ta("why.step_back", &[("pain", &too_much(l, *pain)), ("what", &noun(*var))])
        }
        Why::StepBack { pain, less: None } => l.ta("why.lowest", &[("pain", &too_much(l, *pain))]),
        Why::TwoStepBacks { pain } => l.ta("why.two_step_backs", &[("pain", &too_much(l, *pain))]),
        Why::Incomplete { walked, planned } => {
            l.ta("why.incomplete", &[("walked", &n(walked)), ("planned", &n(planned))])
        }
        Why::AwaitCheckin => l.t("why.await_checkin").to_string(),
        Why::MorningUnsettled => l.t("why.morning_unsettled").to_string(),
        Why::PainAcceptable { pain, after_walk } => {
            l.ta(if *after_walk { "why.acceptable_after" } else { "why.acceptable_during" }, &[("pain", &n(pain))])
        }
        Why::Progress { pain, changed: Variable::Support, next } => {
            l.ta("why.progress_support", &[("pain", &n(pain)), ("step", &support(l, next))])
        }
        Why::Progress { pain, changed, next } => {
            let step = match changed {
                Variable::Duration => l.ta("why.step.duration", &[("minutes", &n(&next.minutes))]),
                Variable::Speed => kmh(l, next.speed_tenths),
                Variable::Support => support(l, next),
                Variable::Incline => l.ta("why.step.incline", &[("pct", &n(&next.incline_pct))]),
            };
            l.ta("why.progress", &[("pain", &n(pain)), ("what", &noun(*changed)), ("step", &step)])
        }
        Why::WeeklyCap => l.t("why.weekly_cap").to_string(),
        Why::AtCeiling => l.t("why.at_ceiling").to_string(),
    }
}

/// Which pain was too much, in a sentence.
fn too_much(l: &I18n, pain: TooMuch) -> String {
    match pain {
        TooMuch::Peak(p) => l.ta("why.too_much.peak", &[("pain", &p.to_string())]),
        TooMuch::AfterWalk(p) => l.ta("why.too_much.after", &[("pain", &p.to_string())]),
        TooMuch::MorningRise(r) => l.ta("why.too_much.morning", &[("points", &r.to_string())]),
    }
}

/// The same for a rule and the coach's sentence when only those are known (a
/// decision read back from a record, a notice): in English the sentence
/// itself, with its numbers; elsewhere the rule's translated sentence (and a
/// clinician's note in their own words).
pub fn reason_of(l: &I18n, rule: &str, sentence: &str) -> String {
    let key = format!("rule.{rule}");
    if l.lang() == Lang::En || !l.has(&key) {
        return sentence.to_string();
    }
    // A clinician's note is theirs to say, in the words they wrote.
    match coach::adaptation::clinician_note(rule, sentence) {
        Some(note) => l.ta("reason.with_note", &[("sentence", l.t(&key)), ("note", note)]),
        None => l.t(&key).to_string(),
    }
}

/// A notice before walking (`coach::today::notices`), with its numbers, in
/// the page's language.
pub fn notice(l: &I18n, p: &coach::programme::Programme, n: &coach::today::Notice) -> String {
    match n.rule {
        "P-START-SEVERE-PAIN" => l.ta(
            "notice.severe_pain",
            &[
                ("usual", &p.setup.baseline_pain.value().to_string()),
                ("minutes", &p.limits.start_dose().minutes.to_string()),
            ],
        ),
        "P-SETTING" => match p.belt_lacks() {
            Some(missing) => l.ta("notice.setting", &[("missing", l.t(&format!("notice.lacks.{missing}")))]),
            None => n.text.clone(),
        },
        _ => n.text.clone(),
    }
}

/// An imported activity's sport in words ("Walking"), and the device's own
/// text when it is not a sport we know (for the details, never the headline).
pub fn sport(l: &I18n, raw: &str) -> (String, Option<String>) {
    match raw {
        "cycling" | "running" | "walking" | "hiking" | "swimming" => (l.t(&format!("sport.{raw}")).to_string(), None),
        "unknown" | "" => (l.t("sport.other").to_string(), None),
        raw => (l.t("sport.other").to_string(), Some(raw.to_string())),
    }
}

/// What the walker reads about an imported activity and where it went, as
/// `Imported::summary` says it in English, with the day in words.
pub fn activity_summary(l: &I18n, a: &coach::imports::Imported) -> String {
    use coach::imports::Fit;
    let day = l.date(&a.local_date);
    let what = match a.fit {
        Fit::PlannedSession => l.ta("activity.fit_planned", &[("day", &day)]),
        Fit::Aerobic => l.t("activity.fit_aerobic").to_string(),
        Fit::Extra => l.t("activity.fit_extra").to_string(),
    };
    let (sport, _) = sport(l, &a.sport);
    let minutes = a.minutes().to_string();
    l.ta(
        "activity.summary",
        &[("sport", &sport), ("minutes", &minutes), ("day", &day), ("time", &a.local_time), ("what", &what)],
    )
}

/// A session's motion recording in plain words: steps and cadence, about how
/// long it looked like walking backward and forward (the warm-up and
/// cool-down are forward walking: information, never a failure), forward
/// walking found where backward was prescribed (gently, as information), and
/// how much the step timing varied — a number, not a judgement.
pub fn motion(l: &I18n, m: &coach::motion::Motion) -> Vec<String> {
    let one = |v: f64| decimal(l, format!("{v:.1}"));
    let mut lines = Vec::new();
    let cadence = m.cadence().map_or(String::new(), |c| format!("{}", c.round()));
    lines.push(l.ta("motion.steps", &[("steps", &m.steps().to_string()), ("cadence", &cadence)]));
    // A direction under a twentieth of a minute is said as none, not "0.0 min".
    let (backward, forward) = (m.minutes(true), m.minutes(false));
    let key = match (backward >= 0.05, forward >= 0.05) {
        (false, true) => "motion.minutes_forward_only",
        (true, false) => "motion.minutes_backward_only",
        _ => "motion.minutes",
    };
    lines.push(l.ta(key, &[("backward", &one(backward)), ("forward", &one(forward))]));
    let astray = m.forward_in_backward_parts();
    if astray >= 0.05 {
        lines.push(l.ta("motion.forward_in_backward", &[("minutes", &one(astray))]));
    }
    if let Some(cv) = m.step_time_cv() {
        lines.push(l.ta("motion.variability", &[("cv", &one(cv))]));
    }
    if let Some(asymmetry) = m.asymmetry() {
        lines.push(l.ta("motion.asymmetry", &[("pct", &one(asymmetry))]));
    }
    if m.own_direction {
        lines.push(l.t("motion.own_direction").to_string());
    }
    lines
}

/// A warning sign as the log and the check-in ask about it.
pub fn symptom_label(l: &I18n, s: coach::history::Symptom) -> String {
    l.t(&format!("symptom.{}", s.as_str())).to_string()
}

/// The word for a pain rating ("no pain" … "worst imaginable"): the coach's
/// word names its message (`pain.no_pain`, `pain.worst_imaginable`).
pub fn pain_anchor(l: &I18n, value: u8) -> String {
    let english = coach::Pain::new(i64::from(value)).map(|p| p.anchor()).unwrap_or("");
    l.t(&format!("pain.{}", english.replace(' ', "_"))).to_string()
}

/// A safety-screening question.
pub fn question(l: &I18n, q: coach::screening::Question) -> String {
    l.t(&format!("question.{}.text", q.as_str())).to_string()
}

/// A screening result's reason in the page's language: a question answered
/// yes by its question's message, a measurement, a fall or a clearance by
/// `screen_reason.<id>` with the coach's numbers and names. A reason stored
/// before it carried them stays as written.
pub fn screen_reason(l: &I18n, r: &coach::screening::Reason) -> String {
    let Some((_, id)) = r.code.split_once('.') else { return r.text.clone() };
    let question = format!("question.{id}.if_yes");
    let measured = format!("screen_reason.{id}");
    if l.has(&question) {
        l.t(&question).to_string()
    } else if l.has(&measured) && !r.args.is_empty() {
        let args: Vec<(&str, String)> = r
            .args
            .iter()
            .map(|(k, v)| {
                let numeric = matches!(k.as_str(), "seconds" | "speed" | "limit");
                (k.as_str(), if numeric { decimal(l, v.clone()) } else { v.clone() })
            })
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        l.ta(&measured, &args)
    } else {
        r.text.clone()
    }
}

/// A screening reason as the answer behind it, for the clinician's report:
/// a question answered yes is quoted before what it means.
pub fn answer_behind(l: &I18n, r: &coach::screening::Reason) -> String {
    match coach::screening::question_of(r) {
        Some(q) => l.ta("report.answered_yes", &[("question", &question(l, q.id)), ("means", &screen_reason(l, r))]),
        None => screen_reason(l, r),
    }
}

/// The screening outcome's name and what to do now.
pub fn screen_status(l: &I18n, s: coach::screening::Status) -> (String, String) {
    (l.t(&format!("screen_status.{}", s.as_str())).to_string(), l.t(&format!("screen_next.{}", s.as_str())).to_string())
}

/// A pause's headline, what to do now and what ends it.
pub fn pause_sentences(l: &I18n, kind: coach::pause::PauseKind) -> (String, String, String) {
    use coach::pause::PauseKind;
    let k = kind.as_str();
    let ends = match kind {
        PauseKind::ScreenRedFlag | PauseKind::ClearanceNeeded => format!("pausebox.{k}.ends_when"),
        PauseKind::Ended => "pausebox.ended_ends".into(),
        _ => "pausebox.restart_ends".into(),
    };
    let (head, now) = (format!("pausebox.{k}.headline"), format!("pausebox.{k}.do_now"));
    (l.t(&head).to_string(), l.t(&now).to_string(), l.t(&ends).to_string())
}

/// The signs that mean getting medical help today, with their lead-in.
pub fn urgent_signs(l: &I18n) -> (String, Vec<String>) {
    let signs = (1..=coach::pause::URGENT_SIGNS.len()).map(|n| l.t(&format!("pausebox.urgent{n}")).to_string());
    (l.t("pausebox.urgent_lead").to_string(), signs.collect())
}

/// A pause in the page's language, as its box shows it.
pub struct PauseWords {
    pub headline: String,
    pub reasons: Vec<String>,
    pub do_now: String,
    /// Empty when the pause is no alarm (a discharge, a clearance to get).
    pub urgent: Vec<String>,
    pub ends_when: String,
    /// What the plan shows meanwhile.
    pub no_dose: String,
}

pub fn pause_words(l: &I18n, p: &coach::pause::Pause, screen: Option<&coach::screening::Outcome>) -> PauseWords {
    let (headline, do_now, ends_when) = pause_sentences(l, p.kind);
    let ends_when = match p.restart_from {
        Some(from) => l.ta("pausebox.restart_signed", &[("day", &l.date(&from))]),
        None => ends_when,
    };
    let urgent = if p.urgent.is_empty() { Vec::new() } else { urgent_signs(l).1 };
    // A signed restart's dose is on the plan from its day.
    let no_dose = match p.restart_from {
        Some(from) => l.ta("pause.no_dose_until", &[("day", &l.date(&from))]),
        None => l.t("pause.no_dose").to_string(),
    };
    PauseWords { headline, reasons: pause_reasons(l, p, screen), do_now, urgent, ends_when, no_dose }
}

/// What happened, for a pause: a screening's reasons one by one; a stop's
/// decision (in another language than English, its rule's sentence).
pub fn pause_reasons(l: &I18n, p: &coach::pause::Pause, screen: Option<&coach::screening::Outcome>) -> Vec<String> {
    use coach::pause::PauseKind;
    match (p.kind, screen) {
        (PauseKind::ScreenRedFlag | PauseKind::ClearanceNeeded, Some(screen)) => {
            screen.reasons.iter().map(|r| screen_reason(l, r)).collect()
        }
        (PauseKind::ScreenRedFlag | PauseKind::ClearanceNeeded, None) => p.reasons.clone(),
        _ if l.lang() == Lang::En => p.reasons.clone(),
        _ => p.reasons.iter().map(|r| reason_of(l, &p.rule, r)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coach::dose::Support;

    /// A direction with no walking is said as none, never as "0.0 min".
    #[test]
    fn motion_minutes_say_none_rather_than_zero() {
        let bout = |backward: bool, end_s: f64| coach::motion::MotionBout {
            start_s: 0.0,
            end_s,
            backward,
            confidence: 0.9,
            steps: 20,
            cadence: 100.0,
            step_time_cv: 3.0,
            asymmetry: 1.0,
            in_backward_part: false,
        };
        let day = jiff::civil::date(2026, 12, 4);
        let motion = |bouts| coach::motion::Motion {
            session: day,
            source: "walk.csv".into(),
            duration_s: 60.0,
            bouts,
            own_direction: false,
        };
        let en = I18n::english();
        let forward = motion(vec![bout(false, 18.0)]);
        assert!(motion_says(&en, &forward).contains("None of it looked like walking backward; about 0.3 min"));
        let backward = motion(vec![bout(true, 18.0)]);
        assert!(motion_says(&en, &backward).contains("About 0.3 min looked like walking backward, and none"));
        let both = motion(vec![bout(true, 18.0), bout(false, 12.0)]);
        assert!(motion_says(&en, &both).contains("About 0.3 min looked like walking backward and 0.2 min like"));
        assert!(!motion_says(&en, &both).contains("read against"));
        assert!(!motion_says(&en, &both).contains("backward parts"), "a file says nothing of the parts");
        let own = coach::motion::Motion { own_direction: true, ..both.clone() };
        assert!(motion_says(&en, &own).contains("The direction was read against your own steps in the warm-up."));
        // Forward walking where backward was prescribed: said, as information.
        let mut phone = both;
        phone.bouts.iter_mut().for_each(|b| b.in_backward_part = true);
        let said = motion_says(&en, &phone);
        assert!(
            said.contains("In the backward parts of the session, about 0.2 min looked like walking forward"),
            "{said}"
        );
        assert!(said.contains("not a mistake"), "{said}");
        let es = motion_says(&I18n::of(Lang::Es), &phone);
        assert!(
            es.contains("En las partes hacia atrás de la sesión, unos 0,2 min parecieron marcha hacia delante"),
            "{es}"
        );
    }

    fn motion_says(l: &I18n, m: &coach::motion::Motion) -> String {
        motion(l, m).join(" ")
    }

    /// Every English message says exactly what the coach says.
    #[test]
    fn english_is_the_coachs_own_words() {
        let en = I18n::english();
        for surface in [Surface::Treadmill, Surface::Overground] {
            for support in [Support::Rails, Support::LightTouch, Support::HandsFree] {
                for (minutes, speed_tenths, incline_pct) in [(5, 15, 0), (12, 23, 3)] {
                    let d = Dose { minutes, speed_tenths, incline_pct, support, surface };
                    assert_eq!(super::speed(&en, &d), d.speed_text());
                    assert_eq!(super::support(&en, &d), d.support_text());
                    assert_eq!(super::surface(&en, &d), d.surface_text());
                    for week in [1, 4, 9] {
                        assert_eq!(summary(&en, &d, week, false), d.summary(week, false));
                        assert_eq!(summary(&en, &d, week, true), d.summary(week, true));
                    }
                }
            }
            assert_eq!(tips(&en, surface), coach::today::tips(surface));
        }
        let es = I18n::of(Lang::Es);
        for e in coach::evidence::ALL {
            assert_eq!(finding(&en, e), e.finding, "{}", e.id);
            assert_ne!(finding(&es, e), e.finding, "{} has its Spanish", e.id);
        }
        for ex in coach::exercises::all() {
            assert_eq!(exercise_name(&en, ex), ex.name);
            assert_eq!(exercise_steps(&en, ex), ex.steps);
            assert_eq!(exercise_why(&en, ex), ex.why);
            for week in 1..=12 {
                assert_eq!(exercise_dose(&en, ex, week), coach::exercises::dose_text(ex, week), "{} {week}", ex.id);
            }
        }
    }

    /// Spanish has a sentence of its own for each (none falls back to its key).
    #[test]
    fn outcome_measures_are_the_coachs_words_and_each_is_translated() {
        use coach::outcomes::{Measure, TIMEPOINTS, interpret};
        let (en, es) = (I18n::english(), I18n::of(Lang::Es));
        for m in Measure::ALL {
            assert_eq!(measure_name(&en, m), m.name());
            assert_eq!(measure_unit(&en, m), m.unit());
            assert_eq!(measure_steps(&en, m), m.instructions());
            assert_ne!(measure_name(&es, m), m.name(), "{m:?}");
            assert!(
                measure_steps(&es, m)
                    .iter()
                    .zip(m.instructions())
                    .all(|(es, en)| es != en && !es.starts_with("measure."))
            );
            for (before, after) in [(5.0, 3.0), (5.0, 4.5), (3.0, 6.0), (10.0, 14.0), (12.0, 8.5)] {
                let i = interpret(m, before, after);
                assert_eq!(change_words(&en, m, &i), i.words, "{m:?} {before} {after}");
                assert!(!change_words(&es, m, &i).starts_with("change."));
            }
        }
        for (label, _, _) in TIMEPOINTS {
            assert_eq!(timepoint(&en, label), label);
            assert!(!timepoint(&es, label).starts_with("timepoint."));
        }
        assert_eq!(timepoint(&es, "week 3"), "semana 3");
        for c in [-2.5, -1.0, -0.7, 0.0, 2.0] {
            assert_eq!(pain_change(&en, c), format!("{c:+.1} points: {}", coach::progress::pain_words(c)));
            assert!(pain_change(&es, c).contains(" puntos: "), "{}", pain_change(&es, c));
        }
        assert_eq!(pain_change(&es, -0.7), "-0,7 puntos: de momento, dentro del margen de medida");
        let i = interpret(Measure::TimedUpAndGo, 12.0, 10.5);
        assert_eq!(
            change_words(&es, Measure::TimedUpAndGo, &i),
            "una mejora real: -1,5 s, más que los 1,1 s que pueden ser ruido de medida"
        );
        // Each flag a result can raise: the coach's sentence, and its Spanish.
        use coach::outcomes::{Sex, flags};
        let mut raised = Vec::new();
        for (m, values) in [
            (Measure::TimedUpAndGo, &[13.46, 9.0][..]),
            (Measure::BackwardWalk3m, &[12.0, 2.0][..]),
            (Measure::ChairStand30s, &[5.0, 13.0, 25.0][..]),
        ] {
            for v in values {
                raised.extend(flags(m, *v, Some(67), Some(Sex::Female)));
            }
        }
        let codes: std::collections::BTreeSet<String> = raised
            .iter()
            .map(|f| format!("{}{}", f.code, f.args.iter().find(|(n, _)| *n == "place").map_or("", |(_, p)| p)))
            .collect();
        assert_eq!(codes.len(), 6, "{codes:?}");
        for f in &raised {
            assert_eq!(outcome_flag(&en, f), f.text);
            let spanish = outcome_flag(&es, f);
            assert!(spanish != f.text && !spanish.contains("outcome_flag"), "{spanish}");
        }
        assert_eq!(
            outcome_flag(&es, &flags(Measure::TimedUpAndGo, 13.46, None, None)[0]),
            "13,5 s es más de 12 s: un riesgo de caída más alto, así que sus sesiones son solo con apoyo."
        );
    }

    #[test]
    fn notices_are_the_coachs_words_and_each_is_translated() {
        use coach::programme::Programme;
        let (en, es) = (I18n::english(), I18n::of(Lang::Es));
        let mut set_ups = Vec::new();
        for (treadmill, safety_key, handrails) in [(true, false, false), (true, false, true), (true, true, false)] {
            for pain in [3, 8] {
                let mut s = coach::setup::Setup::first(jiff::civil::date(2026, 12, 7), "UTC");
                s.equipment.treadmill = treadmill;
                s.equipment.safety_key = safety_key;
                s.equipment.handrails = handrails;
                s.baseline_pain = coach::Pain::new(pain).unwrap();
                set_ups.push(s);
            }
        }
        let mut seen = 0;
        for s in set_ups {
            let p = Programme::new(s, false).unwrap();
            for n in coach::today::notices(&p, &coach::history::History::default()) {
                assert_eq!(notice(&en, &p, &n), n.text, "{}", n.rule);
                let spanish = notice(&es, &p, &n);
                assert!(spanish != n.text && !spanish.contains("notice."), "{spanish}");
                seen += 1;
            }
        }
        assert!(seen >= 6, "both notices for every set-up: {seen}");
    }

    #[test]
    fn spanish_says_each_in_spanish() {
        let (en, es) = (I18n::english(), I18n::of(Lang::Es));
        let d =
            Dose { minutes: 5, speed_tenths: 15, incline_pct: 0, support: Support::Rails, surface: Surface::Treadmill };
        assert_eq!(super::speed(&es, &d), "cinta a 1,5 km/h; ajústela antes de empezar y no la cambie");
        for ex in coach::exercises::all() {
            let (name, why) = (exercise_name(&es, ex), exercise_why(&es, ex));
            assert!(name != exercise_name(&en, ex) && !name.starts_with("exercise."), "{name}");
            assert!(why != exercise_why(&en, ex) && !why.starts_with("exercise."), "{why}");
            assert!(exercise_steps(&es, ex).iter().all(|s| !s.starts_with("exercise.")));
        }
        assert!(tips(&es, Surface::Overground).iter().all(|t| !t.starts_with("tip.")));
        for q in coach::screening::QUESTIONS {
            assert!(!question(&es, q.id).starts_with("question."), "{:?}", q.id);
        }
    }

    /// The safety words (warning signs, pain words, screening, pauses) are
    /// the coach's own in English, and each has its Spanish.
    #[test]
    fn safety_words_are_the_coachs_and_each_is_translated() {
        use coach::pause::{PauseKind, URGENT_LEAD, URGENT_SIGNS, sentences};
        use coach::screening::Status;
        let (en, es) = (I18n::english(), I18n::of(Lang::Es));
        for s in coach::history::Symptom::ALL {
            assert_eq!(symptom_label(&en, s), s.label());
            assert_ne!(symptom_label(&es, s), s.label());
        }
        for v in 0..=10u8 {
            assert_eq!(pain_anchor(&en, v), coach::Pain::new(i64::from(v)).unwrap().anchor());
            assert_ne!(pain_anchor(&es, v), pain_anchor(&en, v));
        }
        for q in coach::screening::QUESTIONS {
            assert_eq!(question(&en, q.id), q.text);
            let r = coach::screening::Reason {
                code: format!("red_flag.{}", q.id.as_str()),
                rule: String::new(),
                evidence: Vec::new(),
                text: q.if_yes.into(),
                args: Default::default(),
            };
            assert_eq!(screen_reason(&en, &r), q.if_yes);
            assert_ne!(screen_reason(&es, &r), q.if_yes);
        }
        // The measured, reported and cleared reasons carry their numbers.
        let mut answers = coach::screening::Answers::default();
        answers.answers.insert(coach::screening::Question::HeartCondition, true);
        answers.answers.insert(coach::screening::Question::FeelsUnsteady, true);
        answers.tug_seconds = Some(13.5);
        answers.backward_3m_seconds = Some(6.25);
        answers.fell_during_programme = Some(jiff::civil::date(2026, 11, 20));
        let clearance = coach::screening::Clearance {
            by: "Dr Rivera".into(),
            role: "GP".into(),
            at: "2026-11-21T10:00:00Z".parse().unwrap(),
            covers: vec![coach::screening::Question::HeartCondition],
            note: String::new(),
            signer: None,
        };
        let outcome = coach::screening::evaluate(&answers, Some(&clearance));
        assert_eq!(outcome.reasons.len(), 6, "{:?}", outcome.reasons);
        for r in &outcome.reasons {
            assert_eq!(screen_reason(&en, r), r.text, "{}", r.code);
            let spanish = screen_reason(&es, r);
            assert!(spanish != r.text && !spanish.contains("screen_reason"), "{}: {spanish}", r.code);
        }
        let slow = screen_reason(&es, &outcome.reasons[2]);
        assert!(slow.contains("13,5 s") && slow.contains("más de 12 s"), "{slow}");
        for status in [Status::Blocked, Status::ClearanceNeeded, Status::SupportedOnly, Status::Cleared] {
            assert_eq!(screen_status(&en, status).0, status.words());
            assert!(!screen_status(&es, status).1.starts_with("screen_next"), "{status:?}");
        }
        for a in [coach::screening::Answers::default(), answers] {
            let o = coach::screening::evaluate(&a, None);
            assert_eq!(screen_status(&en, o.status).1, o.next_step);
        }
        assert_eq!(urgent_signs(&en), (URGENT_LEAD.to_string(), URGENT_SIGNS.iter().map(|s| s.to_string()).collect()));
        assert!(urgent_signs(&es).1.iter().all(|s| !s.starts_with("pausebox.")));
        for kind in [
            PauseKind::ScreenRedFlag,
            PauseKind::ClearanceNeeded,
            PauseKind::RedFlag,
            PauseKind::Pain,
            PauseKind::Clinician,
            PauseKind::Ended,
        ] {
            let (h, n, e) = sentences(kind);
            assert_eq!(pause_sentences(&en, kind), (h.to_string(), n.to_string(), e.to_string()), "{kind:?}");
            let (h, n, e) = pause_sentences(&es, kind);
            assert!(![h, n, e].iter().any(|t| t.starts_with("pausebox.")), "{kind:?}");
        }
    }
}

#[cfg(test)]
#[path = "why_tests.rs"]
mod why_tests;

#[cfg(test)]
#[path = "flag_tests.rs"]
mod flag_tests;
