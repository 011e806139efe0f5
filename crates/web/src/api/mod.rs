//! The JSON API under `/api/v1`: everything the pages do. Bearer tokens from
//! `retrowalk token create`, or the browser session plus `X-CSRF-Token`.
//! Every route is registered through `routes!`, so it is in the OpenAPI
//! document served at `/api/openapi.json` by construction.

mod dto;

use crate::auth::audit;
use crate::auth::extract::{ApiAccount, ClientAddr};
use crate::cache::Part;
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dto::*;
use std::sync::{Arc, OnceLock};
use store::SecurityKind;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "retrowalk API", version = "1", description = "A safe, measured retro-walking programme. Not medical advice."),
    modifiers(&Security),
    components(schemas(ApiErrorDto, ErrorDetailDto))
)]
struct ApiDoc;

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn parts() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me))
        .routes(routes!(questions))
        .routes(routes!(get_screening, put_screening))
        .routes(routes!(post_clearance))
        .routes(routes!(post_restart))
        .routes(routes!(get_setup, put_setup))
        .routes(routes!(today))
        .routes(routes!(plan))
        .routes(routes!(list_sessions, log_session))
        .routes(routes!(check_in))
        .routes(routes!(progress))
        .routes(routes!(list_outcomes, record_outcome))
        .routes(routes!(export))
        .routes(routes!(report_pdf))
        // One activity file per request, with the web upload's per-file limit;
        // every other API body stays under axum's 2 MB default.
        .merge(
            OpenApiRouter::new()
                .routes(routes!(import_file))
                .layer(axum::extract::DefaultBodyLimit::max(service::FILE_LIMIT)),
        )
        .routes(routes!(list_activities))
        .routes(routes!(confirm_activity))
        .routes(routes!(list_questionnaires))
        .routes(routes!(answer_questionnaire))
        .routes(routes!(delete_account))
        .routes(routes!(evidence))
        .split_for_parts()
}

/// The OpenAPI document, built once.
pub fn openapi() -> &'static serde_json::Value {
    static DOC: OnceLock<serde_json::Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = parts().1;
        document_errors(&mut doc);
        let mut json = serde_json::to_value(&doc).unwrap_or_default();
        document_allowed_values(&mut json);
        json
    })
}

/// The values the coach accepts, written into the request schemas from the
/// coach's own lists, so the document cannot drift from what is checked:
/// symptom ids, training days, equipment, every screening question.
fn document_allowed_values(doc: &mut serde_json::Value) {
    use serde_json::json;
    let symptoms: Vec<String> = coach::history::Symptom::ALL.iter().map(|s| s.as_str().to_string()).collect();
    let days: Vec<String> = coach::setup::Day::ALL.iter().map(|d| d.as_str().to_string()).collect();
    let questions: Vec<String> = coach::screening::QUESTIONS.iter().map(|q| q.id.as_str().to_string()).collect();
    let schemas = &mut doc["components"]["schemas"];
    for dto in ["LogRequest", "CheckinRequest", "ConfirmationRequest"] {
        schemas[dto]["properties"]["symptoms"]["items"] = json!({ "type": "string", "enum": symptoms });
    }
    let setup = &mut schemas["SetupDto"]["properties"];
    setup["training_days"]["items"] = json!({ "type": "string", "enum": days });
    setup["training_days"]["minItems"] = json!(2);
    setup["training_days"]["uniqueItems"] = json!(true);
    setup["equipment"]["items"] = json!({ "type": "string", "enum": coach::setup::Item::ALL.map(|i| i.as_str()) });
    // Every zone the server knows; blank means UTC.
    let mut zones: Vec<String> = jiff::tz::db().available().map(|z| z.to_string()).collect();
    zones.push(String::new());
    setup["time_zone"]["enum"] = json!(zones);
    let answers: serde_json::Map<String, serde_json::Value> =
        questions.iter().map(|q| (q.clone(), json!({ "type": "boolean" }))).collect();
    schemas["ScreeningRequest"]["properties"]["answers"] =
        json!({ "type": "object", "properties": answers, "required": questions, "additionalProperties": false });
    // Free text: what the coach's text checks allow. Who clears or restarts is
    // named; a restart also says their role.
    schemas["LogRequest"]["properties"]["notes"]["pattern"] = json!(ANY_TEXT);
    schemas["LogRequest"]["properties"]["notes"]["maxLength"] = json!(coach::history::MAX_NOTE_CHARS);
    for (dto, role) in [("ClearanceRequest", ONE_LINE), ("RestartRequest", NAMED)] {
        let fields = &mut schemas[dto]["properties"];
        fields["by"]["minLength"] = json!(1);
        fields["by"]["pattern"] = json!(NAMED);
        fields["role"]["pattern"] = json!(role);
        fields["note"]["pattern"] = json!(ANY_TEXT);
    }
    schemas["RestartRequest"]["properties"]["role"]["minLength"] = json!(1);
    schemas["OutcomeRequest"] = outcome_request_schema();
}

/// Text with no control characters but tabs and line breaks (`coach::text::check_text`).
const ANY_TEXT: &str = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$";
/// One line, no control characters at all (`coach::text::check_line`).
const ONE_LINE: &str = r"^[^\x00-\x1f\x7f-\x9f]*$";
/// One line with at least one visible character: a name.
const NAMED: &str = r"^[^\x00-\x1f\x7f-\x9f]*[^\x00-\x1f\x7f-\x9f\s][^\x00-\x1f\x7f-\x9f]*$";

/// A result is either 3 to 5 rated activities (own_activities) or one value
/// in the measure's own range: one alternative per measure, from the coach.
fn outcome_request_schema() -> serde_json::Value {
    use coach::outcomes::Measure;
    use serde_json::json;
    let date = json!({ "type": ["string", "null"], "format": "date", "description": "YYYY-MM-DD; default today." });
    let mut alternatives = vec![json!({
        "type": "object",
        "required": ["measure", "activities"],
        "properties": {
            "measure": { "type": "string", "enum": [Measure::OwnActivities.as_str()] },
            "activities": {
                "type": "array", "minItems": 3, "maxItems": 5,
                "items": {
                    "type": "object", "required": ["name", "score"],
                    "properties": {
                        "name": { "type": "string", "minLength": 1, "maxLength": 80, "pattern": NAMED },
                        "score": { "type": "integer", "minimum": 0, "maximum": 10 }
                    }
                }
            },
            "date": date,
        }
    })];
    for m in Measure::ALL.into_iter().filter(|m| *m != Measure::OwnActivities) {
        let (lo, hi, whole, _) = m.range();
        let value = if whole {
            json!({ "type": "integer", "minimum": lo as i64, "maximum": hi as i64 })
        } else {
            json!({ "type": "number", "minimum": lo, "maximum": hi })
        };
        alternatives.push(json!({
            "type": "object",
            "required": ["measure", "value"],
            "properties": {
                "measure": { "type": "string", "enum": [m.as_str()] },
                "value": value,
                "activities": { "type": "array", "maxItems": 0 },
                "date": date,
            }
        }));
    }
    json!({ "oneOf": alternatives, "description": "One outcome result." })
}

/// Every operation lists every error status it can answer, each with the one
/// error body: 401 where a token is needed, 400/422 where a body or query is
/// read, 409/413/415 where a body is, 500 everywhere. Written once here instead of on 25 handlers.
fn document_errors(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    let error = |description: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(Ref::from_schema_name("ApiErrorDto"))).build(),
                )
                .build(),
        )
    };
    for item in doc.paths.paths.values_mut() {
        let ops = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for op in ops.into_iter().flatten() {
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let reads_input = op.request_body.is_some() || op.parameters.as_ref().is_some_and(|p| !p.is_empty());
            let mut add = vec![("500", "A fault on our side; the request may not have been carried out")];
            if secured {
                add.push((
                    "401",
                    "No valid bearer token or signed-in session (or a session's write without X-CSRF-Token)",
                ));
            }
            if reads_input {
                add.push(("400", "The request could not be read (malformed JSON, a missing field, a wrong type)"));
                add.push(("422", "A value was refused; the error names the field"));
            }
            if op.request_body.is_some() {
                add.push(("409", "Well-formed, but the walker's state does not allow it now (already logged, paused, nothing to restart…); nothing changed"));
                add.push(("413", "The body is over the limit"));
                add.push(("415", "The body is not of the declared content type"));
            }
            let responses = &mut op.responses.responses;
            for (status, description) in add {
                responses.entry(status.to_string()).or_insert_with(|| error(description));
            }
            // Errors declared by a handler without a body get the error body.
            for (status, response) in responses.iter_mut() {
                if let RefOr::T(r) = response
                    && (status.starts_with('4') || status.starts_with('5'))
                    && r.content.is_empty()
                {
                    let description =
                        if r.description.is_empty() { "Refused".to_string() } else { r.description.clone() };
                    *response = error(&description);
                }
            }
        }
    }
}

pub fn router() -> axum::Router<AppState> {
    parts().0.route("/api/openapi.json", axum::routing::get(|| async { Json(openapi().clone()) }))
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// The walker's cache entry, from the same version-checked cache as the
/// pages: one query for the walker's version (none while an SQLite database
/// is unchanged), and the cached state while it is current.
async fn ready_entry(state: &AppState, a: &ApiAccount) -> Result<Arc<crate::cache::Entry>, ApiError> {
    let version = state.sessions().walker_version(state.store(), a.access.walker()).await?;
    if let Some(entry) = state.cache().get(a.access.walker(), version, state.now()) {
        return Ok(entry);
    }
    let walker = service::walker(state.store(), a.access).await?;
    let today = state.today_in(&walker.time_zone);
    match service::stage_for(state.store(), a.access, walker, today).await? {
        service::Stage::Ready(s) => Ok(state.cache().put(Arc::from(s))),
        _ => Err(ApiError(AppError::bad("finish the screening and set-up first"))),
    }
}

/// The walker's state (see [`ready_entry`]).
async fn ready(state: &AppState, a: &ApiAccount) -> Result<Arc<service::State>, ApiError> {
    Ok(Arc::clone(&ready_entry(state, a).await?.state))
}

/// A read's JSON, serialised once per walker version and date and kept with
/// the state: the API reads the same way the pages render.
async fn cached<T: serde::Serialize>(
    state: &AppState,
    a: &ApiAccount,
    part: crate::cache::Part,
    build: impl FnOnce(&service::State) -> T,
) -> Result<Response, ApiError> {
    json_part(&*ready_entry(state, a).await?, part, build)
}

/// The entry's JSON for `part`, built the first time it is asked for.
fn json_part<T: serde::Serialize>(
    entry: &crate::cache::Entry,
    part: crate::cache::Part,
    build: impl FnOnce(&service::State) -> T,
) -> Result<Response, ApiError> {
    let json =
        entry.content(part, |s| serde_json::to_string(&build(s)).map_err(|e| AppError::Internal(e.to_string())))?;
    Ok(json_response(json))
}

/// JSON kept in memory, answered without copying it.
fn json_response(json: Arc<str>) -> Response {
    let body = axum::body::Bytes::from_owner(crate::cache::SharedText(json));
    ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// An optional named value as sent: absent is none; anything sent, even
/// blank, must be one of the names (unlike a form, where blank is "not given").
fn named<T: coach::names::Named>(v: &Option<String>) -> Result<Option<T>, ApiError> {
    v.as_deref().map(|t| coach::names::exact(t).map_err(|e| ApiError::from(coach::InputError::from(e)))).transpose()
}

fn parse_date(field: &str, v: &Option<String>) -> Result<Option<jiff::civil::Date>, ApiError> {
    Ok(crate::forms::date(field, v)?)
}

/// The signed-in account and where it is in getting started.
#[utoipa::path(get, path = "/api/v1/me", security(("bearer" = [])), responses((status = 200, body = MeDto), (status = 401)))]
async fn me(State(state): State<AppState>, a: ApiAccount) -> ApiResult<MeDto> {
    // A walker whose state loads is set up; the entry is kept, so the next
    // call needs no query.
    if let Ok(entry) = ready_entry(&state, &a).await {
        let w = &entry.state.walker;
        return Ok(Json(MeDto {
            email: a.account.email,
            name: w.name.clone(),
            time_zone: w.time_zone.clone(),
            stage: service::Stage::READY.into(),
        }));
    }
    let w = service::walker(state.store(), a.access).await?;
    let stage = service::stage_for(state.store(), a.access, w.clone(), state.today_in(&w.time_zone)).await?;
    Ok(Json(MeDto { email: a.account.email, name: w.name, time_zone: w.time_zone, stage: stage.name().into() }))
}

/// The screening questions, in our own words.
#[utoipa::path(get, path = "/api/v1/questions", responses((status = 200, body = Vec<QuestionDto>)))]
async fn questions() -> Json<Vec<QuestionDto>> {
    Json(
        coach::screening::QUESTIONS
            .iter()
            .map(|q| QuestionDto {
                id: q.id.as_str().to_string(),
                topic: q.topic.as_str().to_string(),
                text: q.text.into(),
            })
            .collect(),
    )
}

/// The latest screening outcome.
#[utoipa::path(get, path = "/api/v1/screening", security(("bearer" = [])), responses((status = 200, body = OutcomeDto), (status = 404)))]
async fn get_screening(State(state): State<AppState>, a: ApiAccount) -> ApiResult<OutcomeDto> {
    let s = service::latest_screening(state.store(), a.access).await?.ok_or(ApiError(AppError::NotFound))?;
    Ok(Json(OutcomeDto::from(&s.outcome)))
}

/// Answers the screening (again); the outcome follows the answers.
#[utoipa::path(put, path = "/api/v1/screening", security(("bearer" = [])), request_body = ScreeningRequest,
    responses((status = 200, body = OutcomeDto), (status = 422)))]
async fn put_screening(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<ScreeningRequest>,
) -> ApiResult<OutcomeDto> {
    let mut answers = coach::screening::Answers {
        tug_seconds: req.tug_seconds,
        backward_3m_seconds: req.backward_3m_seconds,
        ..Default::default()
    };
    for (k, v) in &req.answers {
        let q: coach::screening::Question =
            k.parse().map_err(|_| ApiError(AppError::bad(format!("answers.{k}: not a screening question"))))?;
        answers.answers.insert(q, *v);
    }
    let outcome = service::screen(state.store(), a.access, &answers, state.now()).await?;
    Ok(Json(OutcomeDto::from(&outcome)))
}

/// Records a professional's clearance.
#[utoipa::path(post, path = "/api/v1/clearance", security(("bearer" = [])), request_body = ClearanceRequest,
    responses((status = 200, body = OutcomeDto), (status = 422)))]
async fn post_clearance(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<ClearanceRequest>,
) -> ApiResult<OutcomeDto> {
    let now = state.now();
    let outcome = service::clear(state.store(), a.access, &req.by, &req.role, now, &req.note, now).await?;
    Ok(Json(OutcomeDto::from(&outcome)))
}

/// Records a clinician's restart of a programme the coach stopped (red flag
/// or two step-backs): who, role, note and the dose it restarts at.
#[utoipa::path(post, path = "/api/v1/restart", security(("bearer" = [])), request_body = RestartRequest,
    responses((status = 201, body = RestartDto), (status = 422)))]
async fn post_restart(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(req): Json<RestartRequest>,
) -> Result<(StatusCode, Json<RestartDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let minutes = req.minutes.map(|m| m.to_string());
    let input = service::RestartInput {
        dose: service::DoseInput { minutes: crate::forms::small("minutes", &minutes, 3, 20)?, ..Default::default() },
        by: req.by,
        role: req.role,
        note: req.note,
    };
    let done = service::restart(state.store(), &s, input, state.now()).await?;
    let r = &done.restart;
    Ok((
        StatusCode::CREATED,
        Json(RestartDto {
            by: r.by.clone(),
            role: r.role.clone(),
            note: r.reason.clone(),
            signed_at: r.signed_at.map(|t| t.to_string()),
            effective: r.effective.to_string(),
            dose: DoseDto::from(&r.dose),
            decision: DecisionDto::from(&done.decision),
        }),
    ))
}

fn setup_dto(s: &coach::setup::Setup) -> SetupDto {
    SetupDto {
        equipment: s.equipment.items().map(|i| i.as_str().to_string()).collect(),
        training_days: s.training_days.iter().map(|d| d.as_str().to_string()).collect(),
        start: s.start.to_string(),
        time_zone: s.time_zone.clone(),
        baseline_pain: i64::from(s.baseline_pain.value()),
        weeks: Some(s.weeks),
        forward_speed_kmh: Some(f64::from(s.forward_speed_tenths) / 10.0),
    }
}

/// The active set-up.
#[utoipa::path(get, path = "/api/v1/setup", security(("bearer" = [])), responses((status = 200, body = SetupDto), (status = 404)))]
async fn get_setup(State(state): State<AppState>, a: ApiAccount) -> ApiResult<SetupDto> {
    let setup = service::current_setup(state.store(), a.access).await?.ok_or(ApiError(AppError::NotFound))?;
    Ok(Json(setup_dto(&setup)))
}

/// Saves a set-up; it becomes the active programme.
#[utoipa::path(put, path = "/api/v1/setup", security(("bearer" = [])), request_body = SetupDto,
    responses((status = 200, body = SetupDto), (status = 422)))]
async fn put_setup(State(state): State<AppState>, a: ApiAccount, Json(req): Json<SetupDto>) -> ApiResult<SetupDto> {
    let setup = crate::forms::setup(&crate::forms::SetupInput::from(&req))?;
    service::set_up(state.store(), a.access, &setup, state.now()).await?;
    Ok(Json(setup_dto(&setup)))
}

/// What to do today, and why.
#[utoipa::path(get, path = "/api/v1/today", security(("bearer" = [])), responses((status = 200, body = TodayDto), (status = 422)))]
async fn today(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiToday, |s| TodayDto::from(&service::today(s))).await
}

/// Every planned session with its status and dose, and the current decision.
#[utoipa::path(get, path = "/api/v1/plan", security(("bearer" = [])), responses((status = 200, body = PlanDto)))]
async fn plan(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiPlan, plan_dto).await
}

fn plan_dto(s: &service::State) -> PlanDto {
    let p = service::plan(s);
    let sessions = p
        .weeks
        .iter()
        .flat_map(|w| w.days.iter())
        .filter_map(|d| {
            d.retro.as_ref().map(|r| PlanSessionDto {
                date: d.date.to_string(),
                status: r.status.into(),
                dose: r.dose.as_ref().map(DoseDto::from),
                summary: r.summary.clone(),
            })
        })
        .collect();
    PlanDto {
        start: p.start.to_string(),
        end: p.end.to_string(),
        supported_only: p.supported_only,
        pause: p.pause.as_ref().map(PauseDto::from),
        notices: p.notices.iter().map(NoticeDto::from).collect(),
        current: p.current.as_ref().map(DecisionDto::from),
        sessions,
    }
}

/// Logged sessions, oldest first, each with its check-in and decision.
#[utoipa::path(get, path = "/api/v1/sessions", security(("bearer" = [])), responses((status = 200, body = Vec<SessionDto>)))]
async fn list_sessions(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiSessions, |s| {
        service::history(s)
            .iter()
            .map(|e| SessionDto::new(&e.session, e.morning_pain, e.decision.as_ref()))
            .collect::<Vec<_>>()
    })
    .await
}

/// Logs a session; the next dose is decided and stored with it.
#[utoipa::path(post, path = "/api/v1/sessions", security(("bearer" = [])), request_body = LogRequest,
    responses((status = 201, body = SessionDto), (status = 422)))]
async fn log_session(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(r): Json<LogRequest>,
) -> Result<(StatusCode, Json<SessionDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let kmh = r.speed_kmh.map(|k| k.to_string());
    let input = service::LogInput {
        date: parse_date("date", &r.date)?,
        minutes: r.minutes,
        bouts: r.bouts,
        speed_tenths: crate::forms::kmh_tenths("speed_kmh", &kmh)?,
        incline_pct: r.incline_pct,
        support: named(&r.support)?,
        surface: named(&r.surface)?,
        pain_before: Some(coach::Pain::parse_for("pain_before", r.pain_before)?),
        pain_peak: Some(coach::Pain::parse_for("pain_peak", r.pain_peak)?),
        pain_after: Some(coach::Pain::parse_for("pain_after", r.pain_after)?),
        rpe: r.rpe,
        symptoms: crate::forms::symptoms(&r.symptoms)?,
        notes: r.notes,
    };
    let done = service::log_session(state.store(), &s, input, state.now()).await?;
    let mut dto = SessionDto::new(&done.logged, None, Some(&done.decision));
    dto.stop = done.stop.as_ref().map(PauseDto::from);
    Ok((StatusCode::CREATED, Json(dto)))
}

/// Records next-morning pain; it settles the next dose.
#[utoipa::path(post, path = "/api/v1/checkins", security(("bearer" = [])), request_body = CheckinRequest,
    responses((status = 201, body = CheckinResultDto), (status = 422)))]
async fn check_in(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(r): Json<CheckinRequest>,
) -> Result<(StatusCode, Json<CheckinResultDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let pain = coach::Pain::parse_for("pain", r.pain)?;
    let symptoms = crate::forms::symptoms(&r.symptoms)?;
    let done = service::check_in(state.store(), &s, parse_date("date", &r.date)?, pain, symptoms, state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(CheckinResultDto {
            stop: done.stop.as_ref().map(PauseDto::from),
            session_date: done.checkin.session_date.to_string(),
            pain: pain.value(),
            decision: DecisionDto::from(&done.decision),
        }),
    ))
}

/// Weekly minutes, pain and adherence.
#[utoipa::path(get, path = "/api/v1/progress", security(("bearer" = [])), responses((status = 200, body = ProgressDto)))]
async fn progress(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiProgress, progress_dto).await
}

fn progress_dto(s: &service::State) -> ProgressDto {
    let v = service::progress(s);
    ProgressDto {
        adherence_pct: v.adherence_pct,
        pain_after_change: v.pain_after_change,
        pain_after_words: v.pain_after_words.map(str::to_string),
        weeks: v
            .weeks
            .iter()
            .map(|w| WeekDto {
                week: w.week,
                start: w.start.to_string(),
                planned_sessions: w.planned_sessions,
                due_sessions: w.due_sessions,
                done_sessions: w.done_sessions,
                adherence_pct: w.adherence_pct,
                planned_minutes: w.planned_minutes,
                done_minutes: w.done_minutes,
                pain_before: w.pain_before,
                pain_after: w.pain_after,
                pain_next_morning: w.pain_next_morning,
            })
            .collect(),
    }
}

/// Each measure's first and latest result, and what the change means.
#[utoipa::path(get, path = "/api/v1/outcomes", security(("bearer" = [])), responses((status = 200, body = Vec<OutcomeRowDto>)))]
async fn list_outcomes(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    if let Ok(entry) = ready_entry(&state, &a).await {
        return json_part(&entry, Part::ApiOutcomes, |s| {
            service::outcome_rows(&s.outcomes).iter().map(OutcomeRowDto::from).collect::<Vec<_>>()
        });
    }
    // Before set-up there is no state to keep; measures can be recorded already.
    let rows = service::outcome_table(state.store(), a.access).await?;
    Ok(Json(rows.iter().map(OutcomeRowDto::from).collect::<Vec<_>>()).into_response())
}

/// Records an outcome result (timed walks in seconds; own activities as a list).
#[utoipa::path(post, path = "/api/v1/outcomes", security(("bearer" = [])), request_body = OutcomeRequest,
    responses((status = 201, body = OutcomeResultDto), (status = 422)))]
async fn record_outcome(
    State(state): State<AppState>,
    a: ApiAccount,
    Json(r): Json<OutcomeRequest>,
) -> Result<(StatusCode, Json<OutcomeResultDto>), ApiError> {
    let walker = service::walker(state.store(), a.access).await?;
    let today = state.today_in(&walker.time_zone);
    let input = service::OutcomeInput {
        measure: coach::outcomes::Measure::typed(&r.measure)?,
        value: r.value,
        activities: r.activities.into_iter().map(|x| (x.name, x.score)).collect(),
        date: parse_date("date", &r.date)?.unwrap_or(today),
    };
    let done = service::record_outcome(state.store(), a.access, input, today, state.now()).await?;
    Ok((StatusCode::CREATED, Json(OutcomeResultDto::from(&done))))
}

/// Everything about the walker as one archive.
#[utoipa::path(get, path = "/api/v1/export", security(("bearer" = [])), responses((status = 200, description = "The retrowalk-archive JSON document")))]
async fn export(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
) -> Result<Json<serde_json::Value>, ApiError> {
    let s = ready(&state, &a).await?;
    audit::record(&state, SecurityKind::Export, Some(a.account.id), &client, "archive json (api)").await?;
    Ok(Json(service::export_json(state.store(), &s, state.now()).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ImportQuery {
    /// The file's name, for the reply and the record.
    file_name: String,
    /// Read and report, write nothing.
    #[serde(default)]
    dry_run: bool,
}

/// Imports one FIT, GPX or TCX file sent as the request body. The reply says
/// what became of it: imported (with its activities), already imported, not an
/// activity, or failed with where and why.
#[utoipa::path(post, path = "/api/v1/imports", security(("bearer" = [])), params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, description = "What became of the file (`result`: imported, already_imported, not_an_activity, failed)")))]
async fn import_file(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Query(q): axum::extract::Query<ImportQuery>,
    body: axum::body::Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    // One file per request: a request without one is a bad request, not a
    // file that failed (the web form, taking several, reports it per file).
    if body.is_empty() {
        return Err(AppError::bad("body: send the file's bytes as the request body; it was empty").into());
    }
    let s = ready(&state, &a).await?;
    let _turn = state.import_turn().acquire().await.map_err(|_| AppError::Internal("import queue closed".into()))?;
    let outcome =
        service::ImportBatch::new(&s).import_file(state.store(), &q.file_name, &body, q.dry_run, state.now()).await?;
    Ok(Json(serde_json::to_value(&outcome).map_err(|e| ApiError::from(AppError::bad(e.to_string())))?))
}

/// Imported activities, oldest first.
#[utoipa::path(get, path = "/api/v1/activities", security(("bearer" = [])), responses((status = 200, body = Vec<ImportedActivityDto>)))]
async fn list_activities(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    cached(&state, &a, Part::ApiActivities, |s| s.activities.iter().map(ImportedActivityDto::from).collect::<Vec<_>>())
        .await
}

/// The walker's answer for an imported walk on a backward-walking day.
#[utoipa::path(post, path = "/api/v1/activities/{id}/confirmation", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The activity's id")), request_body = ConfirmationRequest,
    responses((status = 200, description = "The session logged, or null when it was not backward"), (status = 404), (status = 422)))]
async fn confirm_activity(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Path(id): axum::extract::Path<i64>,
    Json(r): Json<ConfirmationRequest>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let s = ready(&state, &a).await?;
    let pain = |field: &str, v: Option<i64>| v.map(|v| coach::Pain::parse_for(field, v)).transpose();
    let session = service::LogInput {
        pain_before: pain("pain_before", r.pain_before)?,
        pain_peak: pain("pain_peak", r.pain_peak)?,
        pain_after: pain("pain_after", r.pain_after)?,
        rpe: r.rpe,
        symptoms: r.symptoms.iter().map(|x| coach::history::Symptom::typed(x)).collect::<Result<_, _>>()?,
        ..Default::default()
    };
    let answer = service::Confirmation { backward: r.backward, session };
    let done = service::confirm_activity(state.store(), &s, id, answer, state.now()).await?;
    Ok(Json(serde_json::to_value(&done).map_err(|e| ApiError::from(AppError::bad(e.to_string())))?))
}

/// The questionnaires the clinic loaded, with their questions.
#[utoipa::path(get, path = "/api/v1/questionnaires", security(("bearer" = [])), responses((status = 200, body = Vec<QuestionnaireDto>)))]
async fn list_questionnaires(State(state): State<AppState>, a: ApiAccount) -> Result<Response, ApiError> {
    if let Ok(entry) = ready_entry(&state, &a).await {
        return json_part(&entry, Part::ApiQuestionnaires, |s| {
            s.questionnaires.iter().map(QuestionnaireDto::from).collect::<Vec<_>>()
        });
    }
    let all = service::questionnaires(state.store()).await?;
    Ok(Json(all.iter().map(QuestionnaireDto::from).collect::<Vec<_>>()).into_response())
}

/// Answers a loaded questionnaire; the answers are checked, scored and kept.
#[utoipa::path(post, path = "/api/v1/questionnaires/{id}/responses", security(("bearer" = [])),
    params(("id" = String, Path, description = "The questionnaire's id")), request_body = QuestionnaireAnswersRequest,
    responses((status = 201, body = QuestionnaireResultDto), (status = 404), (status = 422)))]
async fn answer_questionnaire(
    State(state): State<AppState>,
    a: ApiAccount,
    axum::extract::Path(id): axum::extract::Path<String>,
    Json(r): Json<QuestionnaireAnswersRequest>,
) -> Result<(StatusCode, Json<QuestionnaireResultDto>), ApiError> {
    let s = ready(&state, &a).await?;
    let date = parse_date("date", &r.date)?;
    let done = service::answer_questionnaire(state.store(), &s, &id, r.answers, date, state.now()).await?;
    Ok((StatusCode::CREATED, Json(QuestionnaireResultDto::from(&done))))
}

/// The clinician report as a PDF file.
#[utoipa::path(get, path = "/api/v1/report.pdf", security(("bearer" = [])), responses((status = 200, description = "The clinician report", content_type = "application/pdf")))]
async fn report_pdf(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
) -> Result<Response, ApiError> {
    let s = ready(&state, &a).await?;
    audit::record(&state, SecurityKind::Export, Some(a.account.id), &client, "report pdf (api)").await?;
    let pdf = report_pdf::render(&service::report(&s));
    Ok(([(axum::http::header::CONTENT_TYPE, "application/pdf")], pdf).into_response())
}

/// Deletes the account and everything recorded about the walker.
#[utoipa::path(delete, path = "/api/v1/account", security(("bearer" = [])), responses((status = 204), (status = 401)))]
async fn delete_account(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
) -> Result<StatusCode, ApiError> {
    service::delete_walker(state.store(), a.access).await?;
    audit::record(&state, SecurityKind::AccountDeleted, Some(a.account.id), &client, "(api)").await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The evidence rows behind every rule.
#[utoipa::path(get, path = "/api/v1/evidence", responses((status = 200, body = Vec<EvidenceDto>)))]
async fn evidence() -> Response {
    // The same for everyone and for the server's life: serialised once.
    static JSON: OnceLock<Arc<str>> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        let rows: Vec<EvidenceDto> = coach::evidence::ALL
            .iter()
            .map(|e| EvidenceDto {
                id: e.id.into(),
                certainty: e.certainty.tag().into(),
                section: e.section.into(),
                finding: e.finding.into(),
                source: e.source.into(),
            })
            .collect();
        serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into()).into()
    });
    json_response(Arc::clone(json))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_lists_every_route() {
        let doc = super::openapi();
        for p in
            ["/api/v1/me", "/api/v1/today", "/api/v1/sessions", "/api/v1/checkins", "/api/v1/setup", "/api/v1/account"]
        {
            assert!(doc["paths"].get(p).is_some(), "{p}");
        }
    }
}
