//! The writes: each validates, decides with the coach, and stores the facts
//! together with the decision they led to.

use crate::{Access, ServiceError, ServiceResult, State};
use coach::Code;
use coach::Pain;
use coach::adaptation::{Action, Decision};
use coach::dose::Limits;
use coach::dose::{Dose, Support, Surface};
use coach::history::{CheckIn, Override, OverrideKind, SessionLog, Symptom};
use coach::pause::Pause;
use coach::programme::Programme;
use coach::screening::{Answers, Clearance, Outcome, Status, evaluate};
use coach::setup::Setup;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use store::{NewWalker, Rescreen, Store, WalkerIds};

/// The dose prescribed for `date` (the start dose while nothing is in force).
pub fn prescribed(state: &State, date: Date) -> Dose {
    state.timeline().dose_on(date).unwrap_or(state.programme.limits.start_dose())
}

/// A session as reported. Unset parts default to the prescription.
#[derive(Clone, Debug, Default)]
pub struct LogInput {
    pub date: Option<Date>,
    pub minutes: Option<u8>,
    pub bouts: Option<u8>,
    pub speed_tenths: Option<u16>,
    pub incline_pct: Option<u8>,
    pub support: Option<Support>,
    pub surface: Option<Surface>,
    pub pain_before: Option<Pain>,
    pub pain_peak: Option<Pain>,
    pub pain_after: Option<Pain>,
    pub rpe: Option<u8>,
    pub symptoms: Vec<Symptom>,
    pub notes: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Logged {
    /// Set when this session stopped the programme: the first and only
    /// message to show (what happened, what to do now, the urgent signs).
    pub stop: Option<Pause>,
    pub logged: SessionLog,
    pub decision: Decision,
    /// The next planned session; `None` after a stop.
    pub next_session: Option<Date>,
    /// The new screening outcome when the log reported a fall.
    pub rescreened: Option<Outcome>,
    #[serde(skip)]
    rescreen: Option<Rescreen>,
}

impl Logged {
    /// The re-screening to write with the log, if it reported a fall.
    pub fn rescreen(&self) -> Option<&Rescreen> {
        self.rescreen.as_ref()
    }
}

/// A fall reported on `date` re-screens the walker to supported-only: the
/// same answers plus the fall, judged with their clearance.
fn fall_rescreen(state: &State, symptoms: &[Symptom], date: Date) -> Option<Rescreen> {
    if !symptoms.contains(&Symptom::Fell) {
        return None;
    }
    let answers = state.screen.answers.with_fall_on(date);
    let outcome = evaluate(&answers, state.clearance.as_ref());
    Some(Rescreen { walker: state.walker.id, answers, outcome })
}

/// The stop to show after a write, judged on the timeline with that write.
fn stop_after(
    state: &State,
    rescreen: Option<&Rescreen>,
    tl: &coach::adaptation::Timeline,
    date: Date,
) -> Option<Pause> {
    let screen = rescreen.map_or(&state.screen.outcome, |r| &r.outcome);
    coach::pause::pause(screen, tl, date).filter(|p| p.kind.needs_restart())
}

fn required(p: Option<Pain>, field: &str) -> ServiceResult<Pain> {
    p.ok_or_else(|| ServiceError::refused(Code::Required, format!("{field}: required, 0 to 10")))
}

/// The date a new session would be logged for, if one may be: training
/// allowed, not in the future, within the programme, not logged already.
pub fn log_date(state: &State, date: Option<Date>) -> ServiceResult<Date> {
    state.require_training_allowed()?;
    let date = state.past_date(date)?;
    // The date itself is fine; the walker's programme had not begun (409).
    if date < state.programme.start() {
        return Err(ServiceError::conflict(
            Code::NotStarted,
            format!("date: {date} is before your programme starts ({})", state.programme.start()),
        ));
    }
    if state.history.log_on(date).is_some() {
        return Err(ServiceError::conflict(Code::AlreadyDone, format!("date: a session is already logged for {date}")));
    }
    // A day gone by on which the programme was stopped takes no session:
    // one logged late would sort before a restart signed since, and a red
    // flag in it would be lifted by that restart.
    if state.timeline().dose_on(date).is_none() {
        let day = date.to_string();
        return Err(ServiceError::conflict(
            Code::Paused,
            format!("date: on {date} backward walking was paused, so no session can be logged for it"),
        )
        .said("refusal.log_paused_day", &[("date", &day)]));
    }
    let restarted_since = state.history.overrides.iter().any(|o| o.kind == OverrideKind::Restart && o.effective > date);
    if restarted_since {
        let day = date.to_string();
        return Err(ServiceError::conflict(
            Code::Paused,
            format!("date: a restart was signed after {date}, so a session before it cannot be logged now"),
        )
        .said("refusal.log_before_restart", &[("date", &day)]));
    }
    Ok(date)
}

pub async fn log_session<S: Store>(store: &S, state: &State, input: LogInput, now: Timestamp) -> ServiceResult<Logged> {
    let logged = prepare_log(state, input)?;
    store
        .log_session(state.record.key(), &logged.logged, &logged.decision, logged.rescreen(), now)
        .await
        .map_err(ServiceError::raced)?;
    Ok(logged)
}

/// Checks a log and works out the decision it leads to, writing nothing: the
/// caller writes both in one transaction (a plain log, or a confirmed import).
pub fn prepare_log(state: &State, input: LogInput) -> ServiceResult<Logged> {
    let date = log_date(state, input.date)?;
    let dose = prescribed(state, date);
    let week = state.programme.week_of(date);
    let surface = input.surface.unwrap_or(dose.surface);
    let mut symptoms = input.symptoms;
    symptoms.sort();
    symptoms.dedup();
    let minutes = input.minutes.unwrap_or(dose.minutes);
    // A walk shorter than planned, with its bouts not given, had at most one
    // bout a minute: the dose's bouts would make the log refuse itself.
    let bouts = input.bouts.unwrap_or_else(|| {
        let planned = dose.bouts(week, state.programme.limits.supported_only).len() as u8;
        if input.minutes.is_some() { planned.min(minutes) } else { planned }
    });
    let log = SessionLog {
        date,
        minutes,
        bouts,
        speed_tenths: input.speed_tenths.or(Some(dose.speed_tenths)).filter(|_| surface == Surface::Treadmill),
        incline_pct: input.incline_pct.unwrap_or(dose.incline_pct),
        support: input.support.unwrap_or(dose.support),
        surface,
        pain_before: required(input.pain_before, "pain_before")?,
        pain_peak: required(input.pain_peak, "pain_peak")?,
        pain_after: required(input.pain_after, "pain_after")?,
        rpe: input.rpe,
        symptoms,
        notes: input.notes.trim().to_string(),
    };
    log.validate()?;
    let mut history = state.history.clone();
    history.logs.push(log.clone());
    let tl = state.timeline_with(&history);
    let decision = decided(tl.after(date).cloned(), date)?;
    let rescreen = fall_rescreen(state, &log.symptoms, date);
    let stop = stop_after(state, rescreen.as_ref(), &tl, date.max(state.today));
    Ok(Logged {
        next_session: state.programme.next_retro_after(date).filter(|_| stop.is_none()),
        stop,
        logged: log,
        decision,
        rescreened: rescreen.as_ref().map(|r| r.outcome.clone()),
        rescreen,
    })
}

fn decided(d: Option<Decision>, session: Date) -> ServiceResult<Decision> {
    d.ok_or_else(|| {
        ServiceError::Store(store::StoreError::Corrupt(format!("no decision followed the session on {session}")))
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckedIn {
    /// Set when this check-in stopped the programme: the one message to show.
    pub stop: Option<Pause>,
    pub checkin: CheckIn,
    pub decision: Decision,
    /// The new screening outcome when the check-in reported a fall.
    pub rescreened: Option<Outcome>,
}

/// The check-in date and the session it follows, if a check-in may be made.
pub fn checkin_session(state: &State, date: Option<Date>) -> ServiceResult<(Date, Date)> {
    state.require_screen_allows()?;
    let date = state.past_date(date)?;
    let session = state.history.session_for_checkin(date).map(|l| l.date).ok_or_else(|| {
        ServiceError::conflict(
            Code::NothingToDo,
            format!("there is no session in the two days before {date} to check in on; log a session first"),
        )
        .said("refusal.checkin_nothing", &[])
    })?;
    if state.history.checkin_for(session).is_some() {
        return Err(ServiceError::conflict(
            Code::AlreadyDone,
            format!("checkin: the session on {session} already has a check-in"),
        ));
    }
    Ok((date, session))
}

pub async fn check_in<S: Store>(
    store: &S,
    state: &State,
    date: Option<Date>,
    pain: Pain,
    symptoms: Vec<Symptom>,
    now: Timestamp,
) -> ServiceResult<CheckedIn> {
    let (date, session) = checkin_session(state, date)?;
    let checkin = CheckIn { session_date: session, date, pain, symptoms, recorded_at: Some(now) };
    let mut history = state.history.clone();
    history.checkins.push(checkin.clone());
    let tl = state.timeline_with(&history);
    let decision = decided(tl.after(session).cloned(), session)?;
    let rescreen = fall_rescreen(state, &checkin.symptoms, date);
    // Judged today, not on the check-in's day: a late check-in for a
    // session before a stop must not answer as if training went on.
    let stop = stop_after(state, rescreen.as_ref(), &tl, date.max(state.today));
    store
        .check_in(state.record.key(), &checkin, &decision, rescreen.as_ref(), now)
        .await
        .map_err(ServiceError::raced)?;
    Ok(CheckedIn { stop, checkin, decision, rescreened: rescreen.map(|r| r.outcome) })
}

/// Parts of a dose a clinician sets; the rest comes from a base dose.
#[derive(Clone, Debug, Default)]
pub struct DoseInput {
    pub minutes: Option<u8>,
    pub speed_tenths: Option<u16>,
    pub incline_pct: Option<u8>,
    pub support: Option<Support>,
}

/// `base` with the parts the clinician set, refused if it breaks the screen.
fn dose_from(limits: Limits, base: Dose, input: &DoseInput, what: &str) -> ServiceResult<Dose> {
    let mut dose = base;
    dose.minutes = input.minutes.unwrap_or(dose.minutes);
    dose.speed_tenths = input.speed_tenths.unwrap_or(dose.speed_tenths);
    dose.incline_pct = input.incline_pct.unwrap_or(dose.incline_pct);
    dose.support = input.support.unwrap_or(dose.support);
    match limits.broken_by(&dose) {
        Some(b) => Err(ServiceError::refused(
            Code::Unsafe,
            format!("{}: {what} refused: {}. Nothing was recorded.", b.field, b.why),
        )
        .said(&format!("refusal.unsafe_{}", b.rule), &[])),
        None => Ok(dose),
    }
}

/// A clinician's change to parts of the dose in force on the date.
#[derive(Clone, Debug, Default)]
pub struct OverrideInput {
    pub date: Option<Date>,
    pub dose: DoseInput,
    pub by: String,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Overridden {
    #[serde(rename = "override")]
    pub applied: Override,
    pub decision: Decision,
}

pub async fn override_dose<S: Store>(
    store: &S,
    state: &State,
    input: OverrideInput,
    now: Timestamp,
) -> ServiceResult<Overridden> {
    if let Some(p) = state.pause() {
        let (how, said) = if p.kind.needs_restart() {
            (
                "A stopped programme restarts with a recorded restart (retrowalk clear, or Today → Record a restart), not an override.",
                "refusal.override_stopped",
            )
        } else {
            ("An override cannot start training that the screening does not allow.", "refusal.override_paused")
        };
        return Err(ServiceError::refused(
            Code::Paused,
            format!("override refused: {} {how} Nothing was recorded.", p.headline),
        )
        .said(said, &[]));
    }
    let effective = input.date.unwrap_or(state.today);
    let dose = dose_from(state.programme.limits, prescribed(state, effective), &input.dose, "override")?;
    let (by, role, signer) = signature(store, state.access, &input.by, "").await?;
    let o = Override {
        effective,
        dose,
        by,
        reason: input.reason.trim().into(),
        kind: OverrideKind::Dose,
        role,
        signed_at: signer.map(|_| now),
        signer,
    };
    let decision = record_clinician_dose(store, state, &o, now).await?;
    Ok(Overridden { applied: o, decision })
}

/// A clinician undoes the coach's latest decision: the dose in force before it
/// comes back from today, as an override whose reason says what was undone
/// and why, in the clinician's language (`words`: the walker reads it, as
/// they read the note the clinician typed). A stop is not undone this way:
/// it ends with a signed restart.
pub async fn revert<S: Store>(
    store: &S,
    state: &State,
    by: &str,
    note: &str,
    words: &words::I18n,
    now: Timestamp,
) -> ServiceResult<Overridden> {
    let timeline = state.timeline();
    let (Some(last), before) = (timeline.decisions.last(), timeline.decisions.iter().rev().nth(1)) else {
        return Err(ServiceError::conflict(Code::NothingToDo, "nothing to revert: the coach has decided nothing yet")
            .said("refusal.nothing_to_revert", &[]));
    };
    if last.action == Action::Stop {
        return Err(ServiceError::conflict(
            Code::Paused,
            "a stop is not reverted: the care team signs a restart once they have checked the walker",
        )
        .said("refusal.stop_not_reverted", &[]));
    }
    let Some(dose) = before.and_then(|d| d.dose) else {
        return Err(ServiceError::conflict(
            Code::NothingToDo,
            format!("nothing to revert to: no dose was in force before {} ({})", last.effective, last.rule),
        )
        .said("refusal.nothing_to_revert_to", &[("date", &last.effective)]));
    };
    if note.trim().is_empty() {
        return Err(ServiceError::refused(Code::Required, "note: say why, in words the walker reads"));
    }
    let input = OverrideInput {
        date: None,
        dose: DoseInput {
            minutes: Some(dose.minutes),
            speed_tenths: Some(dose.speed_tenths),
            incline_pct: Some(dose.incline_pct),
            support: Some(dose.support),
        },
        by: by.into(),
        reason: words.ta("revert.reason", &[("date", &words.date(&last.effective)), ("note", note.trim())]),
    };
    override_dose(store, state, input, now).await
}

/// Checks a clinician's entry (dose, restart, pause, end), replays it to
/// find the decision it makes (its own rule on its day, not a same-day
/// check-in's), and stores both in one transaction. A pause or end that would
/// not stand today is refused rather than recorded.
async fn record_clinician_dose<S: Store>(
    store: &S,
    state: &State,
    o: &Override,
    now: Timestamp,
) -> ServiceResult<Decision> {
    o.validate()?;
    let mut history = state.history.clone();
    history.overrides.push(o.clone());
    let after = state.timeline_with(&history);
    let rule = coach::adaptation::clinician_rule(o.kind);
    let not_applied =
        || ServiceError::Store(store::StoreError::Corrupt("the clinician's entry was not applied".into()));
    let at = after
        .decisions
        .iter()
        .rposition(|d| d.rule == rule && d.effective == o.effective && d.after_session.is_none())
        .ok_or_else(not_applied)?;
    let decision = after.decisions[at].clone();
    if o.kind.stops() {
        // It must stand from now on: nothing recorded already may lift it.
        if let Some(lift) = after.decisions[at..].iter().find(|d| d.dose.is_some()) {
            return Err(ServiceError::conflict(
                Code::Invalid,
                format!(
                    "a {} dated {} is already recorded and would lift this {}; nothing was recorded",
                    lift.action.as_str(),
                    lift.effective,
                    o.kind.as_str()
                ),
            )
            .said("refusal.lifted_at_once", &[("date", &lift.effective)]));
        }
        if coach::pause::pause(&state.screen.outcome, &after, state.today).is_none() {
            return Err(not_applied());
        }
    }
    let change = change_event(
        state.access,
        o.kind.as_str(),
        || {
            let on = o.effective;
            (standing(state, &state.timeline(), on), standing(state, &after, on))
        },
        now,
    );
    store.add_override(state.record.key(), o, &decision, change.as_ref(), now).await?;
    Ok(decision)
}

/// How the walker's programme stands on `date`, for the before and after of
/// a clinician's change: the dose, or that there is none and why.
fn standing(state: &State, tl: &coach::adaptation::Timeline, date: Date) -> store::Standing {
    let p = &state.programme;
    match coach::pause::pause(&state.screen.outcome, tl, date) {
        Some(pause) => store::Standing::Paused { kind: pause.kind.as_str().into(), rule: pause.rule },
        None => tl.dose_on(date).map_or(store::Standing::NoDose, |dose| store::Standing::Dose {
            dose,
            week: p.week_of(date),
            supported_only: p.limits.supported_only,
        }),
    }
}

/// The access log's record of what a clinician's change did to a walker's
/// programme (before and after), written with the change itself. Only a care
/// team clinician changes a walker's record from outside it: for the walker
/// and the operator there is nothing to add.
fn change_event(
    access: Access,
    what: &str,
    before_after: impl FnOnce() -> (store::Standing, store::Standing),
    now: Timestamp,
) -> Option<store::SecurityEvent> {
    let crate::Grant::Clinician { account, .. } = access.grant() else { return None };
    let (before, after) = before_after();
    let change = store::RecordChange { what: what.into(), before, after };
    Some(store::SecurityEvent::record_changed(account, access.walker(), change, now))
}

/// A clinician's restart of a programme the coach stopped.
#[derive(Clone, Debug, Default)]
pub struct RestartInput {
    /// The dose to restart at; unset parts come from the programme's start dose.
    pub dose: DoseInput,
    pub by: String,
    pub role: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Restarted {
    pub restart: Override,
    pub decision: Decision,
}

/// The dose a restart would start at with `input`, for showing to whoever
/// restarts before they sign; refuses when there is nothing to restart.
pub fn restart_dose(state: &State, input: &DoseInput) -> ServiceResult<Dose> {
    match state.pause() {
        Some(p) if p.kind.needs_restart() && p.restart_from.is_none() => {}
        Some(coach::pause::Pause { restart_from: Some(from), .. }) => {
            let from = from.to_string();
            return Err(ServiceError::conflict(
                Code::NothingToDo,
                format!("nothing to restart: a restart is already signed; backward walking starts again on {from}"),
            )
            .said("refusal.restart_signed", &[("date", &from)]));
        }
        Some(p) => {
            return Err(ServiceError::conflict(
                Code::NothingToDo,
                format!(
                    "nothing to restart: {} {} What ends the pause: {}",
                    p.headline,
                    p.reasons.join(" "),
                    p.ends_when
                ),
            )
            .said("refusal.restart_while_paused", &[]));
        }
        None => {
            return Err(ServiceError::conflict(Code::NothingToDo, "nothing to restart: the programme is not stopped")
                .said("refusal.nothing_to_restart", &[]));
        }
    }
    dose_from(state.programme.limits, state.programme.limits.start_dose(), input, "restart")
}

/// Records a clinician's restart after a stop: who, role, when, note and the
/// dose; the walker trains again from the day the stop took effect, or today.
pub async fn restart<S: Store>(
    store: &S,
    state: &State,
    input: RestartInput,
    now: Timestamp,
) -> ServiceResult<Restarted> {
    let dose = restart_dose(state, &input.dose)?;
    require_care_team_signs(store, state.access, "restart").await?;
    // What a care team stopped, a clinician restarts: the walker cannot type
    // a name for it, in a clinic's care or not (after leaving, or restoring
    // a copy of their data, the stop stands).
    if state.access.grant() == crate::Grant::Own && state.pause().is_some_and(|p| p.kind.by_clinician()) {
        return Err(ServiceError::refused(
            Code::NotReady,
            "your care team stopped your programme: only a clinician restarts it, in retrowalk. \
             Write to them, or ask whoever runs this server. Nothing was recorded.",
        )
        .said("refusal.restart_by_care_team", &[]));
    }
    let since = state.pause().and_then(|p| p.since).unwrap_or(state.today);
    let (by, role, signer) = signature(store, state.access, &input.by, &input.role).await?;
    let o = Override {
        // A stop after today's session takes effect tomorrow; a restart dated
        // today would sort before that session and be overtaken by its stop
        // (and likewise a check-in's red flag today: `restart_effective`).
        effective: state.history.restart_effective(since, state.today),
        dose,
        by,
        reason: input.note.trim().into(),
        kind: OverrideKind::Restart,
        role,
        signed_at: Some(now),
        signer,
    };
    let decision = record_clinician_dose(store, state, &o, now).await?;
    Ok(Restarted { restart: o, decision })
}

/// The care team's pause or end of a programme.
#[derive(Clone, Debug, Default)]
pub struct StopInput {
    /// End the programme rather than pause it.
    pub end: bool,
    pub by: String,
    pub role: String,
    /// Why, in words the walker reads.
    pub note: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stopped {
    pub stop: Override,
    pub decision: Decision,
}

/// Records the care team's pause or end from today: no backward-walking dose
/// anywhere until a clinician records a restart. A pause refuses when
/// training is already paused (the pause in force says what ends it); an end
/// refuses only when the programme has ended already.
pub async fn stop_programme<S: Store>(
    store: &S,
    state: &State,
    input: StopInput,
    now: Timestamp,
) -> ServiceResult<Stopped> {
    let what = if input.end { "end" } else { "pause" };
    match state.pause() {
        // A restart signed for a later day: a pause after it stands (`History::stop_effective`).
        Some(p) if p.restart_from.is_some() && p.kind != coach::pause::PauseKind::Ended => {}
        Some(p) if p.kind == coach::pause::PauseKind::Ended || !input.end => {
            return Err(ServiceError::conflict(
                Code::NothingToDo,
                format!("nothing to {what}: {} {} Nothing was recorded.", p.headline, p.reasons.join(" ")),
            )
            .said(
                if p.kind == coach::pause::PauseKind::Ended {
                    "refusal.already_ended"
                } else {
                    "refusal.already_paused"
                },
                &[],
            ));
        }
        _ => {}
    }
    if input.note.chars().count() > crate::care::MESSAGE_CHARS {
        return Err(ServiceError::refused(
            Code::TooLong,
            format!("note: at most {} characters", crate::care::MESSAGE_CHARS),
        ));
    }
    require_care_team_signs(store, state.access, what).await?;
    let (by, role, signer) = signature(store, state.access, &input.by, &input.role).await?;
    let effective = state.history.stop_effective(state.today);
    let o = Override {
        effective,
        dose: prescribed(state, effective),
        by,
        reason: input.note.trim().into(),
        kind: if input.end { OverrideKind::End } else { OverrideKind::Pause },
        role,
        signed_at: Some(now),
        signer,
    };
    let decision = record_clinician_dose(store, state, &o, now).await?;
    Ok(Stopped { stop: o, decision })
}

/// Who signs, in words and (for a clinician in retrowalk) by account: a
/// clinician signs with their own name, and their clinic beside the role they
/// give, whatever was typed as `by`; anyone else signs with the name typed.
async fn signature<S: Store>(
    store: &S,
    access: Access,
    by: &str,
    role: &str,
) -> ServiceResult<(String, String, Option<coach::history::Signer>)> {
    let Some(signer) = access.signer() else { return Ok((by.trim().into(), role.trim().into(), None)) };
    let account = store.account(store::AccountId(signer.account)).await?;
    let name = store.walker(account.walker).await?.name;
    let clinic = store.clinics().await?.into_iter().find(|c| c.id.0 == signer.clinic).map(|c| c.name);
    // A role left empty is the clinic alone, in no one language: the pages,
    // the CLI and the API fill in "clinician" in the signer's own first
    // (`I18n::role_or_default`), so this is for a dose override or revert,
    // which asks for no role.
    let role = match (role.trim(), clinic) {
        ("", Some(clinic)) => clinic,
        (role, Some(clinic)) => format!("{role}, {clinic}"),
        (role, None) => role.to_string(),
    };
    Ok((if name.trim().is_empty() { account.email } else { name }, role, Some(signer)))
}

/// In a clinic's care, the care team signs `what` in retrowalk: the walker
/// cannot type a clinician's name for it. (The operator, on the database
/// itself, still can.)
async fn require_care_team_signs<S: Store>(store: &S, access: Access, what: &str) -> ServiceResult<()> {
    if access.grant() != crate::Grant::Own {
        return Ok(());
    }
    let clinics = store.walker_clinics(access.walker()).await?;
    match clinics.first() {
        None => Ok(()),
        Some(c) => Err(ServiceError::refused(
            Code::NotReady,
            format!(
                "your care team at {} signs the {what} in retrowalk: they see the stop on their patient list. \
                 You can send them a message. Nothing was recorded.",
                c.name
            ),
        )
        .said(&format!("refusal.care_team_signs_{what}"), &[("clinic", &c.name)])),
    }
}

/// Starts a walker from a terminal: screen and programme in one go.
pub async fn start_walker<S: Store>(
    store: &S,
    name: &str,
    answers: Answers,
    setup: Setup,
    now: Timestamp,
) -> ServiceResult<(WalkerIds, Outcome, Programme)> {
    coach::text::check_line("name", name)?;
    answers.validate()?;
    let outcome = evaluate(&answers, None);
    let programme = Programme::new(setup.clone(), outcome.fall_risk)?;
    let ids = store
        .create_walker(&NewWalker { name: name.trim().into(), answers, outcome: outcome.clone(), setup }, now)
        .await?;
    Ok((ids, outcome, programme))
}

/// Records a (re-)screening, judged with the walker's latest clearance.
pub async fn screen<S: Store>(store: &S, access: Access, answers: &Answers, now: Timestamp) -> ServiceResult<Outcome> {
    let walker = access.walker();
    answers.validate()?;
    let clearance = store.latest_clearance(walker).await?;
    let outcome = evaluate(answers, clearance.as_ref());
    store.save_screening(walker, answers, &outcome, now).await?;
    Ok(outcome)
}

/// Records a professional's clearance of the concerns that stand now.
pub async fn clear<S: Store>(
    store: &S,
    access: Access,
    by: &str,
    role: &str,
    at: Timestamp,
    note: &str,
    now: Timestamp,
) -> ServiceResult<Outcome> {
    let walker = access.walker();
    let screen = store.latest_screening(walker).await?.ok_or_else(|| {
        ServiceError::refused(Code::NotReady, "there is no screening to clear yet").said("refusal.no_screening", &[])
    })?;
    let outcome = &screen.outcome;
    if outcome.status == Status::Blocked {
        return Err(ServiceError::refused(
            Code::Paused,
            "a red flag cannot be cleared here. After a clinician has seen you and the problem is resolved, redo the screening.",
        )
        .said("refusal.red_flag_not_cleared", &[]));
    }
    if outcome.needs_clearance_for.is_empty() {
        return Err(ServiceError::conflict(
            Code::NothingToDo,
            format!("nothing needs clearance: your screening outcome is {}.", outcome.status.label()),
        )
        .said("refusal.nothing_to_clear", &[]));
    }
    coach::text::check_line("by", by)?;
    coach::text::check_line("role", role)?;
    coach::text::check_text("note", note)?;
    let (by, role, signer) = signature(store, access, by, role).await?;
    if by.is_empty() {
        return Err(ServiceError::refused(Code::Required, "by: name the professional who cleared you"));
    }
    let mut covers = outcome.needs_clearance_for.clone();
    if let Some(previous) = store.latest_clearance(walker).await? {
        covers.extend(previous.covers.iter().copied().filter(|q| !outcome.needs_clearance_for.contains(q)));
    }
    let role = if role.is_empty() { "clinician".into() } else { role };
    let clearance = Clearance { by, role, at, covers, note: note.trim().into(), signer };
    let new_outcome = evaluate(&screen.answers, Some(&clearance));
    let change = change_event(
        access,
        "clearance",
        || {
            let status = |o: &Outcome| store::Standing::Screening { status: o.status.as_str().into() };
            (status(outcome), status(&new_outcome))
        },
        now,
    );
    store.save_clearance(walker, &clearance, &screen.answers, &new_outcome, change.as_ref(), now).await?;
    Ok(new_outcome)
}

/// Saves the walker's set-up: the first one starts their programme; a later one
/// changes it in place, so the history stays with it and is replayed under the
/// new set-up. The walker's time zone follows the set-up.
pub async fn set_up<S: Store>(store: &S, access: Access, setup: &Setup, now: Timestamp) -> ServiceResult<()> {
    let walker = access.walker();
    crate::records::require_may_train(store, access).await?;
    setup.validate()?;
    let tz = jiff::tz::TimeZone::get(&setup.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    setup.check_start(tz.to_datetime(now).date())?;
    match store.active_programme(walker).await? {
        Some(p) => store.update_programme(p.key(), setup).await?,
        None => {
            store.save_programme(walker, setup, now).await?;
        }
    }
    Ok(())
}
