//! The access log for other systems: CSV for a spreadsheet, and FHIR R4
//! AuditEvent (one JSON resource a line, as the bulk-data format) for a
//! health record system or a security team's log store.

use crate::ServiceResult;
use serde_json::{Value, json};
use store::{SecurityEvent, SecurityKind};

/// One entry with the e-mail of the account behind it ("" when none, as for the operator's CLI).
pub struct AuditRow {
    pub event: SecurityEvent,
    pub email: String,
}

/// The entries as CSV, in the order given.
pub fn audit_csv(rows: &[AuditRow]) -> ServiceResult<String> {
    crate::export::csv_text(
        &["at", "event", "account", "email", "walker", "client", "detail"],
        rows.iter().map(|r| {
            let e = &r.event;
            vec![
                e.at.to_string(),
                e.kind.as_str().into(),
                e.account.map_or(String::new(), |a| a.to_string()),
                r.email.clone(),
                walkers(e).join(" "),
                e.client.clone(),
                e.detail.clone(),
            ]
        }),
    )
}

/// The walkers an entry is about: its own, or every one a list showed.
fn walkers(e: &SecurityEvent) -> Vec<String> {
    match e.walker {
        Some(w) => vec![w.to_string()],
        None => e.walkers.iter().map(ToString::to_string).collect(),
    }
}

/// DICOM's audit event types (the codes FHIR's AuditEvent.type names) and the
/// CRUDE action of each kind of entry.
fn type_and_action(kind: SecurityKind) -> ((&'static str, &'static str), &'static str) {
    use SecurityKind::*;
    match kind {
        SignIn | SignInFailed | SignOut | SignOutEverywhere | SecondFactorFailed | SecondFactorEnabled
        | RecoveryCodeUsed => (("110114", "User Authentication"), "E"),
        Export | Backup => (("110106", "Export"), "R"),
        Restore => (("110107", "Import"), "C"),
        ClinicianRead | BreakGlass | ClinicLogRead => (("110110", "Patient Record"), "R"),
        ClinicianWrite | RecordChanged => (("110110", "Patient Record"), "U"),
        CareJoined | CareLeft => (("110110", "Patient Record"), "U"),
        AccountCreated => (("110137", "User Security Attributes Changed"), "C"),
        AccountDeleted => (("110137", "User Security Attributes Changed"), "D"),
        _ => (("110137", "User Security Attributes Changed"), "U"),
    }
}

/// One entry as a FHIR R4 AuditEvent. A failed sign-in or code is outcome 4
/// (minor failure); a break-glass carries the purpose "break the glass".
pub fn audit_event(row: &AuditRow, id: usize) -> Value {
    let e = &row.event;
    let ((code, display), action) = type_and_action(e.kind);
    let failed = matches!(e.kind, SecurityKind::SignInFailed | SecurityKind::SecondFactorFailed);
    let mut who = json!({"display": if row.email.is_empty() { "retrowalk command line" } else { row.email.as_str() }});
    if let Some(a) = e.account {
        who["identifier"] = json!({"system": crate::fhir::ACCOUNT_SYSTEM, "value": a.to_string()});
    }
    let mut event = json!({
        "resourceType": "AuditEvent",
        "id": format!("access-{id}"),
        "type": {"system": "http://dicom.nema.org/resources/ontology/DCM", "code": code, "display": display},
        "subtype": [{"system": crate::fhir::CODE_SYSTEM, "code": e.kind.as_str()}],
        "action": action,
        "recorded": e.at.to_string(),
        "outcome": if failed { "4" } else { "0" },
        "agent": [{"who": who, "requestor": true}],
        "source": {"observer": {"display": "retrowalk"}},
    });
    // A change's own entry has no address: the write entry before it does.
    if !e.client.is_empty() {
        event["agent"][0]["network"] = json!({"address": e.client, "type": "2"});
    }
    if e.kind == SecurityKind::BreakGlass {
        event["purposeOfEvent"] = json!([{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "BTG", "display": "break the glass"
        }]}]);
    }
    // One entity for each walker reached (a list names several), the
    // detail on the first; an entry about no walker has the detail alone.
    let detail = (!e.detail.is_empty()).then(|| json!([{"type": "detail", "valueString": e.detail}]));
    let mut entities: Vec<Value> =
        walkers(e).iter().map(|w| json!({"what": {"reference": format!("Patient/walker-{w}")}})).collect();
    match (entities.first_mut(), detail) {
        (Some(first), Some(d)) => first["detail"] = d,
        (None, Some(d)) => entities.push(json!({"detail": d})),
        (_, None) => {}
    }
    if !entities.is_empty() {
        event["entity"] = Value::Array(entities);
    }
    event
}

/// Every entry as FHIR AuditEvent, one resource a line (NDJSON).
pub fn audit_ndjson(rows: &[AuditRow]) -> String {
    rows.iter().enumerate().map(|(i, r)| audit_event(r, i + 1).to_string() + "\n").collect()
}
