//! The walker's record as a FHIR R4 Bundle (type `collection`): Patient,
//! CarePlan with one activity per planned session, an Observation per session
//! and per outcome result, and a QuestionnaireResponse per screening and per
//! answered clinic questionnaire (with an Observation per scored subscale).
//!
//! LOINC is used where a code exists (72514-3, pain severity 0-10); everything
//! else uses our own code system. `.ci/run` validates the output with Python's
//! `fhir.resources`.

use crate::State;
use coach::outcomes::Measure;
use serde_json::{Value, json};
use store::Archive;

/// Our code system for things LOINC does not name.
pub const CODE_SYSTEM: &str = "https://retrowalk.invalid/fhir/CodeSystem/retrowalk";
/// How an account is identified in an AuditEvent's agent.
pub const ACCOUNT_SYSTEM: &str = "https://retrowalk.invalid/fhir/account";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const PAIN_LOINC: &str = "72514-3";

fn ours(code: &str, display: &str) -> Value {
    json!({ "system": CODE_SYSTEM, "code": code, "display": display })
}

fn pain_concept(code: &str, display: &str) -> Value {
    json!({ "coding": [
        { "system": LOINC, "code": PAIN_LOINC, "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
        ours(code, display),
    ], "text": display })
}

fn quantity(value: f64, unit: &str, code: &str) -> Value {
    json!({ "value": value, "unit": unit, "system": UCUM, "code": code })
}

fn entry(kind: &str, id: String, resource: Value) -> Value {
    let mut r = resource;
    r["resourceType"] = json!(kind);
    r["id"] = json!(id);
    json!({ "fullUrl": format!("https://retrowalk.invalid/fhir/{kind}/{id}"), "resource": r })
}

fn measure_unit(m: Measure) -> (&'static str, &'static str) {
    match m {
        Measure::ChairStand30s => ("stands", "{stands}"),
        Measure::TimedUpAndGo | Measure::BackwardWalk3m => ("s", "s"),
        Measure::FastWalk40m => ("m/s", "m/s"),
        _ => ("score", "{score}"),
    }
}

/// The bundle for a walker's archive and current plan.
pub fn bundle(state: &State, archive: &Archive) -> Value {
    let w = state.walker.id;
    let patient_ref = json!({ "reference": format!("Patient/walker-{w}") });
    let mut entries =
        vec![entry("Patient", format!("walker-{w}"), json!({ "name": [{ "text": archive.walker.name }] }))];

    let plan = crate::plan(state);
    let activities: Vec<Value> = plan
        .weeks
        .iter()
        .flat_map(|wk| wk.days.iter())
        .filter_map(|d| {
            d.retro.as_ref().map(|r| {
                let status = match r.status {
                    "done" => "completed",
                    "missed" => "cancelled",
                    "paused" => "on-hold",
                    _ if r.dose.is_none() => "stopped",
                    _ => "scheduled",
                };
                json!({ "detail": {
                    "code": { "coding": [ours("retro-walking-session", "Backward (retro) walking session")] },
                    "status": status,
                    "scheduledString": d.date.to_string(),
                    "description": r.summary,
                }})
            })
        })
        .collect();
    let mut care_plan = json!({
            "status": match plan.pause.as_ref().map(|p| p.kind) {
                None => "active",
                Some(coach::pause::PauseKind::Ended) => "revoked",
                Some(_) => "on-hold",
            },
            "intent": "plan",
            "title": "Retro-walking programme",
            "description": "Progressive backward walking with strengthening, stretching and low-impact aerobic activity. Not medical advice.",
            "subject": patient_ref,
            "period": { "start": plan.start.to_string(), "end": plan.end.to_string() },
            "activity": activities,
    });
    if let Some(p) = &plan.pause {
        // Why the plan is on hold, in words, instead of any planned dose.
        care_plan["note"] = json!([{ "text": p.lines().join("\n") }]);
    }
    entries.push(entry("CarePlan", format!("walker-{w}-plan"), care_plan));

    for (i, l) in archive.sessions.iter().enumerate() {
        let morning = archive.checkins.iter().find(|c| c.session_date == l.date);
        let mut components = vec![
            json!({ "code": { "coding": [ours("retro-minutes", "Minutes of backward walking")] }, "valueQuantity": quantity(f64::from(l.minutes), "min", "min") }),
            json!({ "code": pain_concept("pain-before", "Knee pain before the session"), "valueInteger": l.pain_before.value() }),
            json!({ "code": pain_concept("pain-peak", "Worst knee pain during the session"), "valueInteger": l.pain_peak.value() }),
            json!({ "code": pain_concept("pain-after", "Knee pain just after the session"), "valueInteger": l.pain_after.value() }),
            json!({ "code": { "coding": [ours("incline", "Treadmill incline")] }, "valueQuantity": quantity(f64::from(l.incline_pct), "%", "%") }),
        ];
        if let Some(t) = l.speed_tenths {
            components.push(json!({ "code": { "coding": [ours("speed", "Treadmill speed")] }, "valueQuantity": quantity(f64::from(t) / 10.0, "km/h", "km/h") }));
        }
        if let Some(c) = morning {
            components.push(json!({ "code": pain_concept("pain-next-morning", "Knee pain the next morning"), "valueInteger": c.pain.value() }));
            // A warning sign reported the morning after: it stopped the programme.
            for s in &c.symptoms {
                components.push(json!({ "code": { "coding": [ours("red-flag-symptom-next-morning", "Red-flag symptom reported the next morning")] }, "valueString": s.label() }));
            }
        }
        for s in &l.symptoms {
            components.push(json!({ "code": { "coding": [ours("red-flag-symptom", "Red-flag symptom reported")] }, "valueString": s.label() }));
        }
        let mut obs = json!({
            "status": "final",
            "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "activity", "display": "Activity" }] }],
            "code": { "coding": [ours("retro-walking-session", "Backward (retro) walking session")] },
            "subject": patient_ref,
            "effectiveDateTime": l.date.to_string(),
            "component": components,
        });
        if !l.notes.is_empty() {
            obs["note"] = json!([{ "text": l.notes }]);
        }
        entries.push(entry("Observation", format!("walker-{w}-session-{}", i + 1), obs));
    }

    for (i, o) in archive.outcomes.iter().enumerate() {
        let code = if matches!(o.measure, Measure::PainNow | Measure::PainWorstWeek) {
            pain_concept(&o.measure.as_str().replace('_', "-"), o.measure.name())
        } else {
            json!({ "coding": [ours(&o.measure.as_str().replace('_', "-"), o.measure.name())], "text": o.measure.name() })
        };
        let (unit, ucum) = measure_unit(o.measure);
        let mut obs = json!({
            "status": "final",
            "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey" }] }],
            "code": code,
            "subject": patient_ref,
            "effectiveDateTime": o.taken_on.to_string(),
        });
        if o.measure == Measure::GlobalChange {
            obs["valueInteger"] = json!(o.value as i64);
        } else {
            obs["valueQuantity"] = quantity(o.value, unit, ucum);
        }
        entries.push(entry("Observation", format!("walker-{w}-outcome-{}", i + 1), obs));
    }

    for (i, s) in archive.screenings.iter().enumerate() {
        let items: Vec<Value> = coach::screening::QUESTIONS
            .iter()
            .filter_map(|q| {
                s.answers
                    .answers
                    .get(&q.id)
                    .map(|yes| json!({ "linkId": q.id.as_str(), "text": q.text, "answer": [{ "valueBoolean": yes }] }))
            })
            .collect();
        entries.push(entry(
            "QuestionnaireResponse",
            format!("walker-{w}-screening-{}", i + 1),
            json!({
                "status": "completed",
                "questionnaire": format!("https://retrowalk.invalid/fhir/Questionnaire/{}", s.outcome.rules_version),
                "subject": patient_ref,
                "authored": s.recorded_at.to_string(),
                "item": items,
            }),
        ));
    }

    for (i, r) in archive.questionnaire_results.iter().enumerate() {
        let qr_id = format!("walker-{w}-questionnaire-{}", i + 1);
        let items: Vec<Value> = r
            .answers
            .iter()
            .map(|(link, code)| json!({ "linkId": link, "answer": [{ "valueCoding": { "code": code } }] }))
            .collect();
        entries.push(entry(
            "QuestionnaireResponse",
            qr_id.clone(),
            json!({
                "status": "completed",
                "questionnaire": format!("https://retrowalk.invalid/fhir/Questionnaire/{}", r.questionnaire),
                "subject": patient_ref,
                "authored": r.taken_on.to_string(),
                "item": items,
            }),
        ));
        for (k, sc) in r.scores.iter().enumerate() {
            let Some(score) = sc.score else { continue };
            let title = format!("{}: {}", r.title, sc.name);
            entries.push(entry(
                "Observation",
                format!("{qr_id}-score-{}", k + 1),
                json!({
                    "status": "final",
                    "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey" }] }],
                    "code": { "coding": [ours(&format!("questionnaire-{}-{}", r.questionnaire, sc.id), &title)], "text": title },
                    "subject": patient_ref,
                    "effectiveDateTime": r.taken_on.to_string(),
                    "valueQuantity": { "value": score, "unit": "score", "system": UCUM, "code": "{score}" },
                    "derivedFrom": [{ "reference": format!("QuestionnaireResponse/{qr_id}") }],
                }),
            ));
        }
    }

    json!({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": archive.exported_at.to_string(),
        "entry": entries,
    })
}
