//! A clinician's page about one walker (`/patients/{id}`): what needs them
//! (open flags, the coach's latest decision), what they can do about it
//! (acknowledge, approve, override, revert, sign a clearance or a restart,
//! write to the walker), and the walker's report below. Desktop and tablet
//! first. Every read and write goes through the access rule and into the
//! walker's access log; a walker the clinician may not see is "not found".

use super::{Layout, render};
use crate::auth::extract::{CsrfForm, SignedIn};
use crate::error::AppError;
use crate::forms;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use service::Access;
use service::clinics::PatientRow;
use store::{ReviewSubject, WalkerId};

#[derive(Template)]
#[template(path = "patient.html")]
struct PatientPage {
    l: Layout,
    id: i64,
    row: PatientRow,
    /// The walker's report; `None` until they have set up a programme.
    report: Option<super::report::ReportPart>,
    /// The stop a restart would end, and the dose it restarts at.
    restart: Option<Restart>,
    /// The concerns a clearance would cover, in words; empty if none wait.
    clearance_for: Vec<String>,
    /// The dose in force today, to start an override from.
    dose: Option<coach::dose::Dose>,
    reviews: Vec<ReviewLine>,
    thread: Option<service::care::Thread>,
    /// Each kind of support: its name and its words.
    supports: Vec<(&'static str, String)>,
    /// A break-glass: read only, until this time.
    break_glass_until: Option<String>,
    /// The walker left the clinic's care on this day: read only, as it stood then.
    left_on: Option<String>,
    /// Monitoring time for the clinician's clinic.
    monitoring: Option<service::monitoring::Monitoring>,
    /// What the care team may still do to stop the programme: pause it
    /// (while training is allowed) and end it (until it has ended).
    can_pause: bool,
    can_end: bool,
    /// What the care team may ask for beyond the schedule, and asks already
    /// (a care team's grant only).
    assignable: Option<service::assignments::Assignable>,
    /// What was posted, shown again after a refusal.
    posted: Posted,
}

impl PatientPage {
    fn today(&self) -> String {
        words::coach_words::patient_today(&self.l.i18n, &self.row.today_is)
    }

    fn measure(&self, m: &coach::outcomes::Measure) -> String {
        words::coach_words::measure_name(&self.l.i18n, *m)
    }

    /// A measure or questionnaire asked of the walker: a measure's name in
    /// the page's language, a questionnaire's own title.
    fn asked(&self, item: &store::Assigned, words: &str) -> String {
        match item {
            store::Assigned::Measure(m) => self.measure(m),
            store::Assigned::Questionnaire(_) => words.to_string(),
        }
    }
}

struct Restart {
    reasons: Vec<String>,
    dose: String,
    minutes: u8,
}

struct ReviewLine {
    what: &'static str,
    rule: String,
    day: String,
    note: String,
    by: String,
    at: String,
}

/// The fields of whichever form was posted (one page, several forms).
#[derive(Deserialize, Default, Clone)]
pub struct Posted {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    role: String,
    minutes: Option<String>,
    speed: Option<String>,
    incline: Option<String>,
    support: Option<String>,
    /// The minutes shown with a restart's dose: it is signed only as shown.
    shown: Option<String>,
    #[serde(default)]
    body: String,
    /// Set by the page's timer when it filled the minutes.
    #[serde(default)]
    timer: String,
    /// `list`: back to the patient list when done (a row's one-tap approval).
    #[serde(default)]
    back: String,
    /// `pause` or `end`, for stopping the programme.
    #[serde(default)]
    kind: String,
    /// What to ask for or stop asking for: `measure:NAME` or `questionnaire:ID`.
    #[serde(default)]
    item: String,
}

/// The clinician's grant to see the walker, logged as `what`.
async fn open(state: &AppState, who: &SignedIn, id: i64, write: bool, what: &str) -> Result<Access, AppError> {
    let actor = who.actor();
    Ok(service::clinics::open_patient(state.store(), &actor, WalkerId(id), write, what, &who.client, state.now())
        .await?)
}

async fn load(state: &AppState, access: Access) -> Result<Option<service::State>, AppError> {
    Ok(service::clinics::patient_state(state.store(), access, |tz| state.today_in(tz)).await?)
}

async fn page_for(
    state: &AppState,
    who: &SignedIn,
    access: Access,
    posted: Posted,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let id = access.walker().0;
    // One load of the walker's state serves the row and the report.
    let s = load(state, access).await?;
    let lang = state.i18n();
    let row = service::clinics::patient_row_of(state.store(), access, s.as_ref()).await?;
    let screen = service::latest_screening(state.store(), access).await?;
    let restart = s.as_ref().and_then(|s| {
        let pause = s.pause().filter(|p| p.kind.needs_restart())?;
        // The dose shown is the one the posted minutes give (after a change), else the default.
        let asked = dose_input(&posted).unwrap_or_default();
        let dose = service::restart_dose(s, &asked).or_else(|_| service::restart_dose(s, &Default::default())).ok()?;
        let p = &s.programme;
        Some(Restart {
            reasons: words::coach_words::pause_reasons(&lang, &pause, screen.as_ref().map(|sc| &sc.outcome)),
            dose: words::coach_words::summary(&lang, &dose, p.week_of(s.today), p.limits.supported_only),
            minutes: dose.minutes,
        })
    });
    let clearance_for = screen
        .map(|sc| {
            sc.outcome
                .needs_clearance_for
                .iter()
                .filter(|_| sc.outcome.status == coach::screening::Status::ClearanceNeeded)
                .map(|q| words::coach_words::question(&lang, *q))
                .collect()
        })
        .unwrap_or_default();
    let dose = s.as_ref().filter(|s| s.pause().is_none()).map(|s| service::prescribed(s, s.today));
    let pause_kind = s.as_ref().map(|s| s.pause().map(|p| p.kind));
    // A restart signed for a later day can still be cancelled by a pause.
    let pending_restart = s.as_ref().and_then(|s| s.pause()).is_some_and(|p| p.restart_from.is_some());
    let can_pause = pause_kind == Some(None) || pending_restart;
    let can_end = pause_kind.is_some_and(|k| k != Some(coach::pause::PauseKind::Ended));
    let assignable = match access.grant() {
        service::Grant::Clinician { .. } => Some(service::assignments::assignable(state.store(), access).await?),
        _ => None,
    };
    let mut reviews = Vec::new();
    for rv in service::care::reviews(state.store(), access).await?.into_iter().rev() {
        reviews.push(ReviewLine {
            what: match rv.subject {
                ReviewSubject::Flag => "patient.acknowledged",
                ReviewSubject::Decision => "patient.approved",
            },
            rule: rv.rule,
            day: rv.day.to_string(),
            note: rv.note,
            by: crate::auth::accounts::email_of(state, rv.account).await,
            at: rv.at.strftime("%Y-%m-%d %H:%M UTC").to_string(),
        });
    }
    let thread = match service::care::thread(state.store(), access, None, state.now()).await {
        Ok(t) => Some(t),
        Err(service::ServiceError::Conflict(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let left_on = access.until().map(|t| t.strftime("%Y-%m-%d").to_string());
    let break_glass_until = if access.read_only() && left_on.is_none() {
        let open = service::care::break_glasses(state.store(), access).await?;
        open.first().map(|b| b.ends_at.strftime("%H:%M UTC").to_string())
    } else {
        None
    };
    let monitoring = match (&s, access.grant()) {
        (Some(s), service::Grant::Clinician { clinic, .. }) => {
            service::monitoring::monitoring(state.store(), s, clinic, s.today).await?
        }
        _ => None,
    };
    let mut l = Layout::new(state, Some(who), "patients", "patient.title");
    l.title = format!("{} · {}", row.name, l.title);
    l.wide = true;
    l.flash = flash;
    let pdf_href = format!("/patients/{id}/report.pdf");
    let report = s.as_ref().map(|s| super::report::ReportPart::new(service::report(s), &l.i18n, pdf_href));
    render(&PatientPage {
        l,
        id,
        row,
        report,
        restart,
        clearance_for,
        dose,
        reviews,
        thread,
        posted,
        break_glass_until,
        left_on,
        monitoring,
        can_pause,
        can_end,
        assignable,
        supports: <coach::dose::Support as coach::names::Named>::all()
            .iter()
            .map(|sp| (sp.as_str(), lang.t(&format!("patient.support_{}", sp.as_str())).to_string()))
            .collect(),
    })
}

pub async fn page(State(state): State<AppState>, who: SignedIn, Path(id): Path<i64>) -> Result<Response, AppError> {
    // Not `read_patient`: opening the page marks the walker's messages read
    // (a write), which must not happen unless the entry is written first.
    let access = open(&state, &who, id, false, service::clinics::WALKER_PAGE).await?;
    page_for(&state, &who, access, Posted::default(), None).await
}

/// Runs one action on the walker's record: done, back to the page; refused,
/// the page again with why, what was typed, and 422. Nothing is half-written.
async fn act<F, Fut>(
    state: AppState,
    form: CsrfForm<Posted>,
    id: i64,
    what: &str,
    action: F,
) -> Result<Response, AppError>
where
    F: FnOnce(AppState, Access, Posted) -> Fut,
    Fut: std::future::Future<Output = Result<(), AppError>>,
{
    let CsrfForm { who, form } = form;
    let access = open(&state, &who, id, true, what).await?;
    match action(state.clone(), access, form.clone()).await {
        Ok(()) if form.back == "list" => Ok(Redirect::to("/patients").into_response()),
        Ok(()) => Ok(Redirect::to(&format!("/patients/{id}")).into_response()),
        Err(AppError::BadInput(e) | AppError::Conflict(e)) => {
            page_for(&state, &who, access, form, Some(state.i18n().problem_exact(&e)))
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn ready(state: &AppState, access: Access) -> Result<service::State, AppError> {
    load(state, access).await?.ok_or_else(|| {
        AppError::Conflict(
            coach::InputError::new("", "the walker has not set up a programme yet").said("refusal.no_programme", &[]),
        )
    })
}

fn dose_input(f: &Posted) -> Result<service::DoseInput, AppError> {
    Ok(service::DoseInput {
        minutes: forms::small("minutes", &f.minutes, 3, 20)?,
        speed_tenths: forms::kmh_tenths("speed", &f.speed)?,
        incline_pct: forms::small("incline", &f.incline, 0, 15)?,
        support: forms::named(&f.support)?,
    })
}

pub async fn review(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "review", |state, access, f| async move {
        let subject = forms::named::<ReviewSubject>(&Some(f.subject.clone()))?
            .ok_or_else(|| AppError::unexpected("subject: flag or decision"))?;
        let day = forms::date("day", &Some(f.day.clone()))?.ok_or_else(|| AppError::unexpected("day: a date"))?;
        service::care::review(state.store(), access, subject, &f.rule, day, &f.note, state.now()).await?;
        Ok(())
    })
    .await
}

pub async fn override_dose(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "override", |state, access, f| async move {
        let s = ready(&state, access).await?;
        let input =
            service::OverrideInput { date: None, dose: dose_input(&f)?, by: String::new(), reason: f.note.clone() };
        service::override_dose(state.store(), &s, input, state.now()).await?;
        Ok(())
    })
    .await
}

pub async fn revert(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "revert", |state, access, f| async move {
        let s = ready(&state, access).await?;
        service::revert(state.store(), &s, "", &f.note, &state.i18n(), state.now()).await?;
        Ok(())
    })
    .await
}

pub async fn clearance(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "signed a clearance", |state, access, f| async move {
        let now = state.now();
        service::clear(state.store(), access, "", &state.i18n().role_or_default(&f.role), now, &f.note, now).await?;
        Ok(())
    })
    .await
}

pub async fn restart(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "signed a restart", |state, access, f| async move {
        let s = ready(&state, access).await?;
        let dose = dose_input(&f)?;
        // Signed only as shown: changed minutes show the new dose first.
        let minutes = forms::text_opt(&f.minutes);
        if minutes != forms::text_opt(&f.shown) {
            let shown = service::restart_dose(&s, &dose)?;
            let p = &s.programme;
            let (week, supported_only) = (p.week_of(s.today), p.limits.supported_only);
            let words = words::coach_words::summary(&state.i18n(), &shown, week, supported_only);
            return Err(AppError::BadInput(
                coach::InputError::new(
                    "minutes",
                    format!(
                        "the restart dose is now: {}. Check it and sign again.",
                        shown.summary(week, supported_only)
                    ),
                )
                .said("refusal.restart_dose_changed", &[("dose", &words)]),
            ));
        }
        let role = state.i18n().role_or_default(&f.role);
        let input = service::RestartInput { dose, by: String::new(), role, note: f.note.clone() };
        service::restart(state.store(), &s, input, state.now()).await?;
        Ok(())
    })
    .await
}

/// The care team pauses or ends the programme, with a note the walker reads.
pub async fn stop(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "stopped the programme", |state, access, f| async move {
        let s = ready(&state, access).await?;
        let end = match f.kind.as_str() {
            "pause" => false,
            "end" => true,
            _ => return Err(AppError::unexpected("kind: choose pause or end")),
        };
        let role = state.i18n().role_or_default(&f.role);
        let input = service::StopInput { end, by: String::new(), role, note: f.note.clone() };
        service::stop_programme(state.store(), &s, input, state.now()).await?;
        Ok(())
    })
    .await
}

/// `measure:NAME` or `questionnaire:ID`, as the page's forms send it.
fn assigned(f: &Posted) -> Result<store::Assigned, AppError> {
    let (kind, item) = f.item.split_once(':').unwrap_or((f.item.as_str(), ""));
    Ok(service::assignments::parse(kind, item)?)
}

/// The care team asks the walker for a measure or questionnaire beyond the schedule.
pub async fn assign(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "asked for a measure", |state, access, f| async move {
        service::assignments::assign(state.store(), access, &assigned(&f)?, state.now()).await?;
        Ok(())
    })
    .await
}

/// The care team stops asking for it.
pub async fn unassign(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "stopped asking for a measure", |state, access, f| async move {
        service::assignments::unassign(state.store(), access, &assigned(&f)?, state.now()).await?;
        Ok(())
    })
    .await
}

pub async fn message(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    let actor = form.who.actor();
    act(state, form, id, "message", |state, access, f| async move {
        service::care::send(state.store(), &actor, access, None, &f.body, state.now()).await?;
        Ok(())
    })
    .await
}

/// Minutes spent on the walker's record, from the page's timer or typed.
pub async fn minutes(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Posted>,
) -> Result<Response, AppError> {
    act(state, form, id, "monitoring minutes", |state, access, f| async move {
        let s = ready(&state, access).await?;
        let minutes = forms::int_in("minutes", &f.minutes, 1, i64::from(service::monitoring::MAX_MINUTES))?;
        let minutes = minutes.map(|m| m as u32);
        let timer = !f.timer.is_empty();
        service::monitoring::add_minutes(state.store(), access, s.today, minutes, timer, &f.note, state.now()).await?;
        Ok(())
    })
    .await
}

/// The walker's report as a PDF, for the clinic's records.
pub async fn pdf(State(state): State<AppState>, who: SignedIn, Path(id): Path<i64>) -> Result<Response, AppError> {
    let access = open(&state, &who, id, false, "report pdf").await?;
    let s = ready(&state, access).await?;
    let bytes = report_pdf::render(&service::report(&s), &crate::i18n::current());
    let name = format!("attachment; filename=\"retrowalk-report-{id}-{}.pdf\"", s.today);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_string()), (header::CONTENT_DISPOSITION, name)], bytes)
        .into_response())
}
