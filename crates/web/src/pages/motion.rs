//! Motion on the web: a sensor file (a phone app's CSV or a research
//! sensor's) added to a logged session, and each session's recording in plain
//! words — steps, cadence, minutes backward and forward, how even the steps
//! were. The samples are analysed and dropped; only the analysis is kept.

use super::{Layout, Ready, ready, render};
use crate::auth::extract::{CsrfForm, CsrfMultipart, SignedIn};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coach::motion::Motion;
use jiff::civil::Date;

#[derive(Template)]
#[template(path = "motion.html")]
struct MotionPage {
    l: Layout,
    /// Logged sessions, newest first: (date, in words, chosen).
    sessions: Vec<(Date, String, bool)>,
    /// What the walker typed for the seconds of forward walking, and whether
    /// the refusal was about it.
    forward: String,
    forward_invalid: bool,
    /// Recordings, newest first: (id, session in words, source, lines).
    recordings: Vec<(i64, String, String, Vec<String>)>,
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    page_for(&state, &who, &s, None, &Typed::default()).await
}

/// A refused upload's own choices, shown again (a file cannot be).
#[derive(Default)]
struct Typed {
    session: Option<Date>,
    forward: String,
    forward_invalid: bool,
}

async fn page_for(
    state: &AppState,
    who: &SignedIn,
    s: &service::State,
    flash: Option<String>,
    typed: &Typed,
) -> Result<Response, AppError> {
    let mut l = Layout::new(state, Some(who), "progress", "motion.title");
    l.flash = flash;
    let mut logged: Vec<Date> = s.history.logs.iter().map(|x| x.date).collect();
    logged.sort_unstable_by(|a, b| b.cmp(a));
    let sessions = logged.into_iter().map(|d| (d, l.i18n.date(&d), typed.session == Some(d))).collect();
    let recordings = s
        .motions
        .iter()
        .rev()
        .map(|stored| {
            let m: &Motion = &stored.motion;
            // The phone's own recording is named for what it is, not its file.
            let source = if m.source == "phone" { l.t("motion.from_phone").to_string() } else { m.source.clone() };
            (stored.id, l.i18n.date(&m.session), source, words::coach_words::motion(&l.i18n, m))
        })
        .collect();
    let (forward, forward_invalid) = (typed.forward.clone(), typed.forward_invalid);
    render(&MotionPage { l, sessions, recordings, forward, forward_invalid })
}

#[derive(serde::Deserialize)]
pub struct DeleteForm {
    recording: String,
}

/// Deletes one recording, the walker's own; back to the list without it.
pub async fn delete(State(state): State<AppState>, f: CsrfForm<DeleteForm>) -> Result<Response, AppError> {
    let id = f
        .form
        .recording
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::unexpected("recording: which recording to delete"))?;
    service::motion::delete(state.store(), f.who.access, id).await?;
    Ok(Redirect::to("/motion").into_response())
}

/// One file for one session: kept when it reads and holds walking; else the
/// page again, saying what the walker can do, with the reader's reason.
pub async fn upload(
    State(state): State<AppState>,
    CsrfMultipart { who, mut multipart }: CsrfMultipart,
) -> Result<Response, AppError> {
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    let broken = |e: axum::extract::multipart::MultipartError| AppError::upload(e.status());
    let (mut session, mut file, mut forward_s, mut forward_typed) = (None, None, None, String::new());
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        match field.name() {
            Some("session") => session = Some(field.text().await.map_err(broken)?),
            // Typed by the walker, or sent with a guided session's own
            // recording: the seconds of forward walking at its start.
            // Left empty: none. One that is not a number is refused by the
            // service, as one out of range is: NaN is never in range.
            Some("forward_s") => {
                forward_typed = field.text().await.map_err(broken)?.trim().to_string();
                let typed = forward_typed.as_str();
                forward_s = (!typed.is_empty())
                    .then(|| typed.parse::<f64>().ok().filter(|s| s.is_finite()).unwrap_or(f64::NAN));
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                file = Some((name, field.bytes().await.map_err(broken)?));
            }
            _ => {}
        }
    }
    let l = state.i18n();
    let date = session.as_deref().and_then(|d| d.trim().parse::<Date>().ok());
    let mut typed = Typed { session: date, forward: forward_typed, forward_invalid: false };
    let said = match (date, file.filter(|(_, b)| !b.is_empty())) {
        (None, _) => l.t("motion.choose_session").to_string(),
        (_, None) => l.t("motion.choose_file").to_string(),
        (Some(date), Some((name, bytes))) => {
            match crate::recordings::analysed(&state, &s, date, name, bytes, forward_s).await? {
                Ok(analysed) => match service::motion::keep(state.store(), &s, &analysed, state.now()).await {
                    Ok(()) => return Ok(Redirect::to("/motion").into_response()),
                    Err(e) => refused(&l, e, &mut typed)?,
                },
                Err(e) => refused(&l, e, &mut typed)?,
            }
        }
    };
    page_for(&state, &who, &s, Some(said), &typed).await.map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
}

/// A refused recording said on the page: for a file the reader could not
/// read, what to do and then the reader's own reason (its line and
/// column); other refusals (too large, no walking, kept already) say it all.
fn refused(l: &words::I18n, e: service::ServiceError, typed: &mut Typed) -> Result<String, AppError> {
    match AppError::from(e) {
        // What to do, then, for a file, the reader's own reason
        // (its line and column); other refusals say it all.
        AppError::BadInput(e) | AppError::Conflict(e) => {
            typed.forward_invalid = e.field == "forward_s";
            Ok(if e.field == "file" && e.code == coach::Code::Invalid {
                format!("{} ({})", l.problem(&e), e.message)
            } else {
                l.problem(&e)
            })
        }
        other => Err(other),
    }
}
