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
    /// What the walker typed and chose, shown again after a refusal, and
    /// the field the refusal was about.
    typed: Typed,
    /// The units the file may be said to be in: (field, [(value, words)]).
    units: Vec<(&'static str, Vec<(&'static str, String)>)>,
    /// Recordings, newest first: (id, session in words, source, lines).
    recordings: Vec<(i64, String, String, Vec<String>)>,
}

pub async fn page(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    page_for(&state, &who, &s, None, &Typed::default()).await
}

/// A refused upload's own choices, shown again (a file cannot be).
#[derive(Clone, Default)]
struct Typed {
    session: Option<Date>,
    /// The form's own fields as sent: `forward_s`, the units and `rate_hz`.
    fields: std::collections::BTreeMap<&'static str, String>,
    /// The field a refusal was about.
    invalid: String,
}

impl Typed {
    fn get(&self, field: &str) -> &str {
        self.fields.get(field).map_or("", String::as_str)
    }
}

/// The text fields the upload form sends, besides the session.
const FIELDS: [&str; 6] = ["forward_s", "backward_parts", "acc_unit", "gyr_unit", "time_unit", "rate_hz"];
/// The units a file may be said to be in, by field: (value, message).
const UNITS: [(&str, &[(&str, &str)]); 3] = [
    ("acc_unit", &[("m/s2", "motion.unit_ms2"), ("g", "motion.unit_g")]),
    ("gyr_unit", &[("rad/s", "motion.unit_rad"), ("deg/s", "motion.unit_deg")]),
    (
        "time_unit",
        &[
            ("s", "motion.unit_s"),
            ("ms", "motion.unit_ms"),
            ("ns", "motion.unit_ns"),
            ("samples", "motion.unit_samples"),
        ],
    ),
];

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
    let units = UNITS
        .iter()
        .map(|(field, values)| (*field, values.iter().map(|(v, key)| (*v, l.t(key).to_string())).collect()))
        .collect();
    render(&MotionPage { l, sessions, recordings, typed: typed.clone(), units })
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
    let (mut session, mut file, mut typed) = (None, None, Typed::default());
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        match field.name() {
            Some("session") => session = Some(field.text().await.map_err(broken)?),
            Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                file = Some((name, field.bytes().await.map_err(broken)?));
            }
            Some(name) => {
                if let Some(known) = FIELDS.iter().find(|f| **f == name) {
                    typed.fields.insert(known, field.text().await.map_err(broken)?.trim().to_string());
                }
            }
            None => {}
        }
    }
    let l = state.i18n();
    typed.session = session.as_deref().and_then(|d| d.trim().parse::<Date>().ok());
    let known = match known(&typed) {
        Ok(known) => known,
        Err(e) => {
            let said = refused(&l, e, &mut typed)?;
            return page_for(&state, &who, &s, Some(said), &typed)
                .await
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response());
        }
    };
    let said = match (typed.session, file.filter(|(_, b)| !b.is_empty())) {
        (None, _) => l.t("motion.choose_session").to_string(),
        (_, None) => l.t("motion.choose_file").to_string(),
        (Some(date), Some((name, bytes))) => {
            // The phone's own recording sent again after its first answer
            // was lost: kept already, which is all the phone needs to know.
            let from_phone = name == "phone";
            match crate::recordings::analysed(&state, &s, date, name, bytes, known).await? {
                Ok(analysed) => match service::motion::keep(state.store(), &s, &analysed, state.now()).await {
                    Ok(()) => return Ok(Redirect::to("/motion").into_response()),
                    Err(e) if from_phone && e.code() == Some(coach::Code::AlreadyDone) => {
                        return Ok(Redirect::to("/motion").into_response());
                    }
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
            typed.invalid = e.field.clone();
            // The reader's own account is English: marked so in another language.
            Ok(if e.field == "file" && e.code == coach::Code::Invalid {
                format!("{} ({})", l.problem(&e), l.ta("import.line.technical", &[("text", &e.message)]))
            } else {
                l.problem(&e)
            })
        }
        other => Err(other),
    }
}

/// What the form says of the recording. The seconds of forward walking are
/// typed by the walker (or sent with a guided session's own recording; left
/// empty: none; not a number: refused by the service, as NaN is never in
/// range), as is the rate; the units are chosen from a list, and the
/// backward parts come only with the phone's own recording: a value no page
/// sends is an unexpected form.
fn known(typed: &Typed) -> Result<service::motion::Known, service::ServiceError> {
    let forward = typed.get("forward_s");
    let forward_s =
        (!forward.is_empty()).then(|| forward.parse::<f64>().ok().filter(|s| s.is_finite()).unwrap_or(f64::NAN));
    let unexpected = |e: service::ServiceError| e.said("refusal.form_unexpected", &[]);
    let backward_parts = service::motion::backward_parts(typed.get("backward_parts")).map_err(unexpected)?;
    let unit = |field: &str| Some(typed.get(field)).filter(|v| !v.is_empty());
    // The rate is typed, and said; the units come from the page's lists.
    let stated = service::motion::stated(unit("acc_unit"), unit("gyr_unit"), unit("time_unit"), unit("rate_hz"))
        .map_err(|e| match e {
            service::ServiceError::Input(ref typed) if typed.field == "rate_hz" => e,
            e => unexpected(e),
        })?;
    Ok(service::motion::Known { forward_s, backward_parts, stated })
}
