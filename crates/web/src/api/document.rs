//! The OpenAPI document: built from the routes, then completed once with every error each operation
//! can answer and with the values the coach accepts, so it cannot drift from what is checked.

use super::dto::*;
use std::sync::OnceLock;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "retrowalk API", version = "1", description = "A safe, measured retro-walking programme. Not medical advice."),
    modifiers(&Security),
    components(schemas(ApiErrorDto, ErrorDetailDto))
)]
pub(super) struct ApiDoc;

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

/// The OpenAPI document, built once.
pub fn openapi() -> &'static serde_json::Value {
    static DOC: OnceLock<serde_json::Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = super::parts().1;
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
    // Clinic mode's texts: a message says something; notes and reasons may be long.
    let limit = service::care::MESSAGE_CHARS;
    schemas["MessageRequest"]["properties"]["body"] = json!({ "type": "string", "pattern": SAYS, "maxLength": limit });
    for (dto, field) in [("ReviewRequest", "note"), ("SignRequest", "note"), ("NoteRequest", "note")] {
        schemas[dto]["properties"][field]["pattern"] = json!(ANY_TEXT);
        schemas[dto]["properties"][field]["maxLength"] = json!(limit);
    }
    schemas["SignRequest"]["properties"]["role"]["pattern"] = json!(ONE_LINE);
    schemas["StopRequest"]["properties"]["role"]["pattern"] = json!(ONE_LINE);
    schemas["StopRequest"]["properties"]["note"] = json!({ "type": "string", "pattern": SAYS, "maxLength": limit });
    schemas["StopRequest"]["properties"]["kind"]["enum"] = json!(["pause", "end"]);
    schemas["AssignmentRequest"]["properties"]["kind"]["enum"] = json!(["measure", "questionnaire"]);
    schemas["AssignmentRequest"]["properties"]["item"]["pattern"] = json!(NAMED);
    schemas["InvitationRequest"]["properties"]["role"] = json!({ "type": ["string", "null"],
        "enum": store::MemberRole::ALL.iter().map(|r| Some(r.as_str())).chain([None]).collect::<Vec<_>>() });
    schemas["MemberRequest"]["properties"]["role"]["enum"] = json!(store::MemberRole::ALL.map(|r| r.as_str()));
    schemas["MemberRequest"]["properties"]["email"]["pattern"] = json!(NAMED);
    schemas["PatientOverrideRequest"]["properties"]["reason"]["pattern"] = json!(SAYS);
    schemas["PatientOverrideRequest"]["properties"]["support"]["enum"] =
        json!(coach::dose::Support::ALL.iter().map(|s| s.as_str()).chain([""]).collect::<Vec<_>>());
    schemas["BreakGlassRequest"]["properties"]["reason"] =
        json!({ "type": "string", "pattern": SAYS, "maxLength": limit });
    schemas["ReviewRequest"]["properties"]["subject"]["enum"] = json!(["flag", "decision"]);
    // Joining needs the walker's agreement: only `true` is a request to join.
    schemas["JoinRequest"]["properties"]["agree"] =
        json!({ "type": "boolean", "enum": [true], "description": "The walker agrees to share their record." });
    schemas["ReviewRequest"]["properties"]["rule"]["pattern"] = json!(r"^[A-Za-z0-9-]{1,40}$");
    schemas["ReviewRequest"]["properties"]["day"]["format"] = json!("date");
    schemas["OutcomeRequest"] = outcome_request_schema();
    // A flag rule, or nothing.
    let rules: Vec<&str> = coach::flags::RULES.iter().map(|(r, _)| *r).chain([""]).collect();
    if let Some(params) = doc["paths"]["/api/v1/patients"]["get"]["parameters"].as_array_mut() {
        for p in params.iter_mut().filter(|p| p["name"] == "flag") {
            p["schema"] = json!({ "type": "string", "enum": rules });
        }
    }
}

/// Text with no control characters but tabs and line breaks (`coach::text::check_text`).
const ANY_TEXT: &str = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$";

/// Text with at least one visible character (a message, a reason): no control
/// characters but tabs and line breaks.
const SAYS: &str =
    r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*[^\x00-\x1f\x7f-\x9f\s][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$";

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
