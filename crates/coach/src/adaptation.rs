//! Adaptation: the next dose from the pain response, as a replay of the whole
//! history. Replaying (rather than mutating a stored "current dose") means the
//! plan is always what the rules say for the facts we have, even when a session
//! is logged late; the store keeps each decision as it was made, for the audit.
//!
//! Rules, in the order they are tried after each logged session:
//!
//! | id | when | next dose |
//! |---|---|---|
//! | A-RED-FLAG | a red-flag symptom in the log or check-in | stop; contact a clinician |
//! | A-STOPPED | the programme is already stopped | stays stopped until a clinician resumes it |
//! | A-PAIN-HIGH | peak pain above 5 | one step back |
//! | A-PAIN-AFTER-HIGH | pain right after the session above 5 | one step back |
//! | A-MORNING-RISE | next-morning pain 2+ above usual | one step back |
//! | A-TWO-STEPBACKS | a second step-back in a row | stop; contact a clinician |
//! | A-INCOMPLETE | fewer minutes done than prescribed | repeat |
//! | A-AWAIT-CHECKIN | no next-morning check-in yet | repeat |
//! | A-MORNING-UNSETTLED | next-morning pain 1 above usual | repeat |
//! | A-PAIN-ACCEPTABLE | peak or after pain 3-5 | repeat |
//! | A-PROGRESS | peak and after pain 0-2, morning settled | one step up: time, then speed, support, incline |
//! | A-WEEKLY-CAP / A-AT-CEILING | no step fits the caps | repeat |
//!
//! Between sessions: A-GAP (7+ days without a session: fewer minutes, unless a
//! clinician's dose set since the last session is in force),
//! A-CLINICIAN-OVERRIDE (a clinician's dose wins and is recorded) and
//! A-CLINICIAN-RESTART (a clinician restarts a stopped programme at a dose).

use crate::dates::{add_days, days_between};
use crate::dose::{Dose, Variable};
use crate::evidence as ev;
use crate::history::{CheckIn, History, Override, OverrideKind, SessionLog, Symptom};
use crate::programme::Programme;
use crate::why::{TooMuch, Why};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Pain above this, during or right after a session, is too much (EVIDENCE
/// §5.1 zones, which Ageberg 2010 rates right after each session).
pub const PAIN_TOO_MUCH: u8 = 5;
/// Pain up to this, during and right after a session, is safe and allows progress.
pub const PAIN_SAFE: u8 = 2;
/// A next-morning rise of this much over usual pain is real (MDC 1.33).
pub const MORNING_RISE_STEP_BACK: i16 = 2;
/// Weekly retro minutes may grow by at most this percentage.
pub const WEEKLY_CAP_PERCENT: u32 = 20;
/// A gap of this many days resumes lower.
pub const GAP_DAYS: i64 = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Start,
    Progress,
    Repeat,
    StepBack,
    Resume,
    Stop,
    Override,
    /// A clinician restarted a stopped programme.
    Restart,
}

crate::named!(Action, "decision", "a known decision", {
    Start => "start",
    Progress => "progress",
    Repeat => "repeat",
    StepBack => "step_back",
    Resume => "resume",
    Stop => "stop",
    Override => "override",
    Restart => "restart",
});

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Decision {
    /// First day the decision applies.
    pub effective: Date,
    pub action: Action,
    /// The one variable changed, if any.
    pub changed: Option<Variable>,
    pub rule: String,
    pub evidence: Vec<String>,
    /// What the walker reads: `why` in English.
    pub reason: String,
    /// What `reason` says, as data, for other languages; not stored (a
    /// decision read back has [`Why::Recorded`]).
    #[serde(skip)]
    pub why: Why,
    /// `None` while the programme is stopped.
    pub dose: Option<Dose>,
    /// The session this decision follows, if it follows one.
    pub after_session: Option<Date>,
}

/// The rule of the decision a clinician's entry makes (see [`replay`]).
pub fn clinician_rule(kind: OverrideKind) -> &'static str {
    match kind {
        OverrideKind::Dose => OVERRIDE.id,
        OverrideKind::Restart => RESTART.id,
        OverrideKind::Pause => CLINICIAN_PAUSE.id,
        OverrideKind::End => CLINICIAN_END.id,
    }
}

/// Two decisions are the same when they decide and say the same: `why` is
/// `reason` as data, so a decision read back from its record (whose `why`
/// is `Recorded`) equals the decision it was made as.
impl PartialEq for Decision {
    fn eq(&self, other: &Self) -> bool {
        let Decision { effective, action, changed, rule, evidence, reason, why: _, dose, after_session } = self;
        (effective, action, changed, rule, evidence, reason, dose, after_session)
            == (
                &other.effective,
                &other.action,
                &other.changed,
                &other.rule,
                &other.evidence,
                &other.reason,
                &other.dose,
                &other.after_session,
            )
    }
}

impl Decision {
    /// The care team paused or ended the programme (not the coach).
    pub fn is_care_team_stop(&self) -> bool {
        self.rule == CLINICIAN_PAUSE_RULE || self.rule == CLINICIAN_END_RULE
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    pub decisions: Vec<Decision>,
}

impl Timeline {
    /// The decision in force on `date`: the last one effective on or before it.
    pub fn in_force(&self, date: Date) -> Option<&Decision> {
        self.decisions.iter().rev().find(|d| d.effective <= date)
    }

    pub fn dose_on(&self, date: Date) -> Option<Dose> {
        self.in_force(date).and_then(|d| d.dose)
    }

    pub fn minutes_on(&self, date: Date) -> u32 {
        self.dose_on(date).map_or(0, |d| u32::from(d.minutes))
    }

    pub fn latest(&self) -> Option<&Decision> {
        self.decisions.last()
    }

    pub fn is_stopped(&self) -> bool {
        self.latest().is_some_and(|d| d.action == Action::Stop)
    }

    /// The decisions known by the end of `date`: those in force by then, and
    /// those that follow a session logged on or before it. A stop after today's
    /// session takes effect tomorrow for the plan, but the walker must hear of
    /// it today.
    ///
    /// A restart is known the day before it takes effect too: a clinician who
    /// restarts on the day of the stopping session restarts from tomorrow, when
    /// the stop takes effect, and the walker must see the stop lifted at once.
    /// So is a care team's pause or end dated after such a restart.
    pub fn known_on(&self, date: Date) -> impl DoubleEndedIterator<Item = &Decision> {
        let tomorrow = add_days(date, 1);
        self.decisions.iter().filter(move |d| {
            d.effective <= date
                || d.after_session.is_some_and(|s| s <= date)
                || ((d.action == Action::Restart || d.is_care_team_stop()) && d.effective <= tomorrow)
        })
    }

    /// The stop that stands on `date`, if the programme is stopped (or has
    /// just been stopped by that day's session). A restart signed for a
    /// later day lifts nothing before it: a stop in force on `date` stands
    /// until the restart's day (`History::restart_effective`).
    pub fn stop_on(&self, date: Date) -> Option<&Decision> {
        let last = self.known_on(date).next_back()?;
        if last.dose.is_none() {
            return Some(last);
        }
        match self.restart_from(date) {
            Some(_) => self.in_force(date).filter(|d| d.dose.is_none()),
            None => None,
        }
    }

    /// The day a restart already signed starts, when that is after `date`.
    pub fn restart_from(&self, date: Date) -> Option<Date> {
        self.known_on(date)
            .next_back()
            .filter(|d| d.action == Action::Restart && d.effective > date)
            .map(|d| d.effective)
    }

    /// The decision made after the session on `date`.
    pub fn after(&self, session: Date) -> Option<&Decision> {
        self.decisions.iter().rev().find(|d| d.after_session == Some(session))
    }
}

struct Rule {
    id: &'static str,
    evidence: &'static [&'static str],
}

const RED_FLAG: Rule = Rule { id: "A-RED-FLAG", evidence: &[ev::KNEE_RED_FLAGS, ev::DVT_FLAG, ev::DESIGN_ADAPTATION] };
const STOPPED: Rule = Rule { id: "A-STOPPED", evidence: &[ev::DESIGN_ADAPTATION] };
const PAIN_HIGH: Rule = Rule { id: "A-PAIN-HIGH", evidence: &[ev::PAIN_ZONES, ev::DESIGN_ADAPTATION] };
const PAIN_AFTER_HIGH: Rule = Rule { id: "A-PAIN-AFTER-HIGH", evidence: &[ev::PAIN_ZONES, ev::DESIGN_ADAPTATION] };
const MORNING_RISE: Rule =
    Rule { id: "A-MORNING-RISE", evidence: &[ev::NEXT_MORNING, ev::NRS_MDC, ev::DESIGN_ADAPTATION] };
const TWO_STEPBACKS: Rule = Rule { id: "A-TWO-STEPBACKS", evidence: &[ev::DESIGN_ADAPTATION] };
const INCOMPLETE: Rule = Rule { id: "A-INCOMPLETE", evidence: &[ev::DESIGN_WEEKLY_CAP] };
const AWAIT_CHECKIN: Rule = Rule { id: "A-AWAIT-CHECKIN", evidence: &[ev::NEXT_MORNING, ev::DESIGN_ADAPTATION] };
const MORNING_UNSETTLED: Rule = Rule { id: "A-MORNING-UNSETTLED", evidence: &[ev::NEXT_MORNING, ev::NRS_MDC] };
const PAIN_ACCEPTABLE: Rule = Rule { id: "A-PAIN-ACCEPTABLE", evidence: &[ev::PAIN_ZONES, ev::DESIGN_ADAPTATION] };
const PROGRESS: Rule =
    Rule { id: "A-PROGRESS", evidence: &[ev::PAIN_ZONES, ev::NEXT_MORNING, ev::DESIGN_BLOCK, ev::DESIGN_WEEKLY_CAP] };
const WEEKLY_CAP: Rule = Rule { id: "A-WEEKLY-CAP", evidence: &[ev::VOLUME_JUMPS, ev::DESIGN_WEEKLY_CAP] };
const AT_CEILING: Rule = Rule { id: "A-AT-CEILING", evidence: &[ev::DESIGN_BLOCK, ev::DESIGN_FALL_RISK] };
const GAP: Rule = Rule { id: "A-GAP", evidence: &[ev::DESIGN_GAP] };
const OVERRIDE: Rule = Rule { id: "A-CLINICIAN-OVERRIDE", evidence: &[ev::SUPERVISION] };
const RESTART: Rule = Rule { id: "A-CLINICIAN-RESTART", evidence: &[ev::SUPERVISION, ev::DESIGN_RESTART] };
/// The rule ids of a care team's pause and end, for [`crate::pause`].
pub const CLINICIAN_PAUSE_RULE: &str = "A-CLINICIAN-PAUSE";
pub const CLINICIAN_END_RULE: &str = "A-CLINICIAN-END";
const CLINICIAN_PAUSE: Rule =
    Rule { id: CLINICIAN_PAUSE_RULE, evidence: &[ev::SUPERVISION, ev::DESIGN_CLINICIAN_PAUSE] };
const CLINICIAN_END: Rule = Rule { id: CLINICIAN_END_RULE, evidence: &[ev::SUPERVISION, ev::DESIGN_CLINICIAN_PAUSE] };
const START: Rule = Rule { id: "P-START", evidence: &[ev::TREADMILL_SETUP, ev::TRIAL_DOSE, ev::DESIGN_BLOCK] };
const START_SEVERE: Rule =
    Rule { id: "P-START-SEVERE-PAIN", evidence: &[ev::PAIN_ZONES, ev::SUPERVISION, ev::DESIGN_SEVERE_PAIN] };

/// Every rule id the engine can emit, with its evidence (for tests and docs).
pub fn rules() -> Vec<(&'static str, &'static [&'static str])> {
    [
        RED_FLAG,
        STOPPED,
        PAIN_HIGH,
        PAIN_AFTER_HIGH,
        MORNING_RISE,
        TWO_STEPBACKS,
        INCOMPLETE,
        AWAIT_CHECKIN,
        MORNING_UNSETTLED,
        PAIN_ACCEPTABLE,
        PROGRESS,
        WEEKLY_CAP,
        AT_CEILING,
        GAP,
        OVERRIDE,
        RESTART,
        CLINICIAN_PAUSE,
        CLINICIAN_END,
        START,
        START_SEVERE,
    ]
    .into_iter()
    .map(|r| (r.id, r.evidence))
    .collect()
}

fn decision(rule: Rule, action: Action, effective: Date, dose: Option<Dose>, why: Why) -> Decision {
    Decision {
        effective,
        action,
        changed: None,
        rule: rule.id.into(),
        evidence: rule.evidence.iter().map(|e| e.to_string()).collect(),
        reason: why.english(),
        why,
        dose,
        after_session: None,
    }
}

enum Event<'a> {
    Override(&'a Override),
    /// A red-flag symptom reported in a check-in: a stop from the day given
    /// (`flag_day`), after anything a clinician did earlier that day.
    CheckinFlag(&'a CheckIn, Date),
    Log(&'a SessionLog),
}

impl Event<'_> {
    /// Date, then order within a day: a clinician's dose first (it sets that
    /// day's session), then a check-in's red flag (so a restart the same day
    /// never hides it: the stop wins when the order is unknown), then the log.
    fn key(&self) -> (Date, u8) {
        match self {
            Event::Override(o) => (o.effective, 0),
            Event::CheckinFlag(_, day) => (*day, 1),
            Event::Log(l) => (l.date, 2),
        }
    }
}

/// The first decision: the start dose, in words that match where the walker walks.
fn start_decision(p: &Programme) -> Decision {
    let start = p.limits.start_dose();
    let (minutes, surface) = (start.minutes, start.surface);
    if p.limits.severe_usual_pain {
        let usual = p.setup.baseline_pain.value();
        decision(START_SEVERE, Action::Start, p.start(), Some(start), Why::StartSeverePain { usual, minutes, surface })
    } else {
        decision(START, Action::Start, p.start(), Some(start), Why::Start { minutes, surface })
    }
}

/// Replays the history up to `today` and returns every decision, in order.
pub fn replay(p: &Programme, h: &History, today: Date) -> Timeline {
    let mut tl = Timeline { decisions: vec![start_decision(p)] };
    let mut events: Vec<Event> = h
        .overrides
        .iter()
        .enumerate()
        .filter(|(i, o)| !void_by_restart(h, *i, o))
        .map(|(_, o)| Event::Override(o))
        .chain(h.checkins.iter().filter(|c| !c.symptoms.is_empty()).map(|c| Event::CheckinFlag(c, h.flag_day(c))))
        .chain(h.logs.iter().map(Event::Log))
        .collect();
    // The sort is stable, so entry order breaks ties.
    events.sort_by_key(Event::key);

    let mut last_session: Option<Date> = None;
    let mut step_backs_in_row = 0u8;
    for event in events {
        match event {
            // Only a restart lifts a stop: a dose change dated inside one
            // (set before the stop, for a later day) waits for the restart.
            Event::Override(o) if o.kind == OverrideKind::Dose && tl.stop_on(o.effective).is_some() => {}
            Event::Override(o) => {
                let dose = p.limits.clamp(o.dose);
                let mut d = match o.kind {
                    OverrideKind::Dose => decision(
                        OVERRIDE,
                        Action::Override,
                        o.effective,
                        Some(dose),
                        Why::ClinicianDose { who: o.by.trim().to_string(), note: o.reason.trim().to_string() },
                    ),
                    OverrideKind::Restart => {
                        decision(RESTART, Action::Restart, o.effective, Some(dose), restart_words(o, &dose, p))
                    }
                    OverrideKind::Pause | OverrideKind::End => clinician_stop(o),
                };
                if d.dose.is_some() {
                    d.changed = tl.dose_on(o.effective).and_then(|before| dose.changes_from(&before).first().copied());
                }
                tl.decisions.push(d);
                step_backs_in_row = 0;
            }
            Event::CheckinFlag(c, day) => {
                let mut d = red_flag_stop(&c.symptoms, day);
                d.after_session = Some(c.session_date);
                tl.decisions.push(d);
                step_backs_in_row = 0;
            }
            Event::Log(log) => {
                if let Some(gap) = resume_after_gap(&tl, last_session, log.date) {
                    tl.decisions.push(gap);
                }
                let d = decide(p, &tl, log, h.checkin_for(log.date), step_backs_in_row);
                step_backs_in_row = if d.action == Action::StepBack { step_backs_in_row + 1 } else { 0 };
                tl.decisions.push(d);
                last_session = Some(log.date);
            }
        }
    }
    if let Some(gap) = resume_after_gap(&tl, last_session, today) {
        // Before any clinician's dose dated later, so that dose still wins on its day.
        let at = tl.decisions.iter().rposition(|d| d.effective <= gap.effective).map_or(0, |i| i + 1);
        tl.decisions.insert(at, gap);
    }
    tl
}

/// A dose change set for a day that a restart recorded after it also covers:
/// a restart sets the dose afresh, so plans made before the stop are void
/// (else a change set weeks ahead would come back and replace the dose the
/// clinician just signed).
fn void_by_restart(h: &History, at: usize, o: &Override) -> bool {
    o.kind == OverrideKind::Dose
        && h.overrides[at + 1..].iter().any(|r| r.kind == OverrideKind::Restart && r.effective <= o.effective)
}

/// A stop for red-flag symptoms, from `effective` on.
fn red_flag_stop(symptoms: &[Symptom], effective: Date) -> Decision {
    decision(RED_FLAG, Action::Stop, effective, None, Why::RedFlag { symptoms: symptoms.to_vec() })
}

/// A clinician as the walker reads them: their name, and their role if given.
fn who(o: &Override) -> String {
    let role = o.role.trim();
    if role.is_empty() { o.by.trim().to_string() } else { format!("{} ({role})", o.by.trim()) }
}

/// A care team's pause or end, from its day on: no dose until a restart.
fn clinician_stop(o: &Override) -> Decision {
    let ended = o.kind == OverrideKind::End;
    let rule = if ended { CLINICIAN_END } else { CLINICIAN_PAUSE };
    decision(
        rule,
        Action::Stop,
        o.effective,
        None,
        Why::ClinicianStop { who: who(o), ended, note: o.reason.trim().into() },
    )
}

/// The clinician's own note in a decision they made (a dose they set, a
/// restart, a pause or an end), as the walker must read it whatever the
/// interface's language; `None` for the coach's own decisions. Each marker
/// is the one its sentence is written with here.
pub fn clinician_note<'a>(rule: &str, reason: &'a str) -> Option<&'a str> {
    let marker = match rule {
        r if r == OVERRIDE.id => "set this dose: ",
        r if r == RESTART.id => " Note: ",
        CLINICIAN_PAUSE_RULE | CLINICIAN_END_RULE => "programme: ",
        _ => return None,
    };
    reason.split_once(marker).map(|(_, note)| note.trim()).filter(|n| !n.is_empty())
}

fn restart_words(o: &Override, dose: &Dose, p: &Programme) -> Why {
    Why::ClinicianRestart {
        who: who(o),
        dose: *dose,
        week: p.week_of(o.effective),
        supported_only: p.limits.supported_only,
        note: o.reason.trim().into(),
    }
}

/// After 7 or more days without a session, resume with fewer minutes: one
/// step down for each whole week missed, at most three. A clinician's dose set
/// since the last session stands as given: the gap rule never replaces it.
fn resume_after_gap(tl: &Timeline, last: Option<Date>, date: Date) -> Option<Decision> {
    let last = last?;
    let gap = days_between(last, date);
    if gap < GAP_DAYS || tl.decisions.last().is_some_and(|d| d.action == Action::Resume && d.effective == date) {
        return None;
    }
    if tl.in_force(date).is_some_and(|d| matches!(d.action, Action::Override | Action::Restart)) {
        return None;
    }
    let before = tl.dose_on(date)?;
    let mut dose = before;
    for _ in 0..(gap / GAP_DAYS).min(3) {
        dose = dose.fewer_minutes().unwrap_or(dose);
    }
    let mut d = decision(GAP, Action::Resume, date, Some(dose), Why::Gap { days: gap, minutes: dose.minutes });
    d.changed = (dose != before).then_some(Variable::Duration);
    Some(d)
}

fn decide(
    p: &Programme,
    tl: &Timeline,
    log: &SessionLog,
    checkin: Option<&CheckIn>,
    step_backs_in_row: u8,
) -> Decision {
    let effective = add_days(log.date, 1);
    let prescribed = tl.dose_on(log.date);
    let mut d = decide_inner(p, tl, log, checkin, step_backs_in_row, effective, prescribed);
    d.after_session = Some(log.date);
    if d.changed.is_none() {
        d.changed = match (d.dose, prescribed) {
            (Some(after), Some(before)) => after.changes_from(&before).first().copied(),
            _ => None,
        };
    }
    d
}

fn decide_inner(
    p: &Programme,
    tl: &Timeline,
    log: &SessionLog,
    checkin: Option<&CheckIn>,
    step_backs_in_row: u8,
    effective: Date,
    prescribed: Option<Dose>,
) -> Decision {
    // A check-in's red flags are their own event (see `replay`).
    if !log.symptoms.is_empty() {
        return red_flag_stop(&log.symptoms, effective);
    }
    let Some(dose) = prescribed else {
        return decision(STOPPED, Action::Stop, effective, None, Why::Stopped);
    };

    let peak = log.pain_peak.value();
    let after = log.pain_after.value();
    let rise = checkin.map(|c| i16::from(c.pain.value()) - i16::from(p.setup.baseline_pain.value()));
    let step_back = if peak > PAIN_TOO_MUCH {
        Some((PAIN_HIGH, TooMuch::Peak(peak)))
    } else if after > PAIN_TOO_MUCH {
        Some((PAIN_AFTER_HIGH, TooMuch::AfterWalk(after)))
    } else {
        rise.filter(|r| *r >= MORNING_RISE_STEP_BACK).map(|r| (MORNING_RISE, TooMuch::MorningRise(r)))
    };
    if let Some((rule, pain)) = step_back {
        if step_backs_in_row >= 1 {
            return decision(TWO_STEPBACKS, Action::Stop, effective, None, Why::TwoStepBacks { pain });
        }
        return match dose.step_back(&p.limits) {
            Some((var, lower)) => {
                let mut d =
                    decision(rule, Action::StepBack, effective, Some(lower), Why::StepBack { pain, less: Some(var) });
                d.changed = Some(var);
                d
            }
            None => decision(rule, Action::StepBack, effective, Some(dose), Why::StepBack { pain, less: None }),
        };
    }

    if log.minutes < dose.minutes {
        return decision(
            INCOMPLETE,
            Action::Repeat,
            effective,
            Some(dose),
            Why::Incomplete { walked: log.minutes, planned: dose.minutes },
        );
    }
    let Some(rise) = rise else {
        return decision(AWAIT_CHECKIN, Action::Repeat, effective, Some(dose), Why::AwaitCheckin);
    };
    if rise == 1 {
        return decision(MORNING_UNSETTLED, Action::Repeat, effective, Some(dose), Why::MorningUnsettled);
    }
    if peak > PAIN_SAFE || after > PAIN_SAFE {
        let why = Why::PainAcceptable { pain: peak.max(after), after_walk: peak < after };
        return decision(PAIN_ACCEPTABLE, Action::Repeat, effective, Some(dose), why);
    }
    progress(p, tl, dose, effective, peak.max(after))
}

/// One step up in the first variable that fits the week's ceiling and the
/// weekly cap, in the order time, speed, support, incline.
fn progress(p: &Programme, tl: &Timeline, dose: Dose, effective: Date, peak: u8) -> Decision {
    let week = p.week_of(effective);
    let ceiling = p.limits.ceiling(week);
    let mut capped = false;
    for var in Variable::PROGRESSION_ORDER {
        let Some(next) = dose.step_up(var, &ceiling) else {
            continue;
        };
        if var == Variable::Duration && !within_weekly_cap(p, tl, effective, next.minutes) {
            capped = true;
            continue;
        }
        let why = Why::Progress { pain: peak, changed: var, next };
        let mut d = decision(PROGRESS, Action::Progress, effective, Some(next), why);
        d.changed = Some(var);
        return d;
    }
    if capped {
        decision(WEEKLY_CAP, Action::Repeat, effective, Some(dose), Why::WeeklyCap)
    } else {
        decision(AT_CEILING, Action::Repeat, effective, Some(dose), Why::AtCeiling)
    }
}

/// Planned retro minutes in `week`, taking `minutes` from `from` onwards.
fn week_total(p: &Programme, tl: &Timeline, week: u32, from: Date, minutes: u32) -> u32 {
    p.retro_dates_in_week(week).iter().map(|d| if *d < from { tl.minutes_on(*d) } else { minutes }).sum()
}

/// Whether `minutes` from `effective` on keeps weekly retro minutes within the
/// cap, both for the week it starts in and for the week after (which it fills
/// if nothing else changes).
fn within_weekly_cap(p: &Programme, tl: &Timeline, effective: Date, minutes: u8) -> bool {
    let week = p.week_of(effective);
    let m = u32::from(minutes);
    let this_week = week_total(p, tl, week, effective, m);
    let fits = |total: u32, previous: u32| total * 100 <= previous * (100 + WEEKLY_CAP_PERCENT);
    let previous_ok = week <= 1 || fits(this_week, week_total(p, tl, week - 1, effective, m));
    let next_week = week_total(p, tl, week + 1, effective, m);
    previous_ok && fits(next_week, this_week)
}

/// Total planned retro minutes in each programme week, from the timeline.
pub fn weekly_minutes(p: &Programme, tl: &Timeline, weeks: u32) -> Vec<u32> {
    (1..=weeks).map(|w| p.retro_dates_in_week(w).iter().map(|d| tl.minutes_on(*d)).sum()).collect()
}
