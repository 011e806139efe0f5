//! A clinician's work from the command line: one walker's page (`patient
//! show`), signing a clearance or a restart (`sign`), reviewing what the coach
//! raised (`ack`, `approve`, `revert`), pausing or ending the programme
//! (`pause`, `end`), and the access log (`audit`). Each acts
//! as the clinician named by `--clinician`, through the same access rule as
//! the web: a walker outside their care is "not found", and what they sign
//! holds their account and clinic.

use super::user::account_for;
use super::{Output, emit};
use crate::cli::{AsClinician, AuditFormat, Global, PatientCommand, SignCommand, StopArgs};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::render;
use service::{Access, Actor};
use store::prelude::*;
use store::{ReviewSubject, SqlStore};

/// The clinician's grant to the walker (`--walker`, or the only one), logged
/// in the walker's access log as `what` (a read, or a write).
pub async fn as_clinician(
    store: &SqlStore,
    g: &Global,
    who: &AsClinician,
    write: bool,
    what: &str,
) -> CliResult<Access> {
    let a = account_for(store, "--clinician", &who.clinician).await?;
    let walker = context::walker_id(store, g).await?;
    let now = jiff::Timestamp::now();
    match service::clinics::open_patient(store, &Actor::account(&a), walker, write, what, "cli", now).await {
        // Not on the walker's care team (nor breaking the glass).
        Err(service::ServiceError::NotFound(_)) => {
            Err(CliError::input(render::terminal().ta("cli.err.not_your_patient", &[("id", &walker.to_string())])))
        }
        opened => Ok(opened?),
    }
}

pub async fn patient(g: &Global, cmd: &PatientCommand) -> CliResult<Output> {
    let PatientCommand::Show(who) = cmd;
    let store = context::open(g).await?;
    let access = as_clinician(&store, g, who, false, service::clinics::WALKER_PAGE).await?;
    let row = service::clinics::patient_row(&store, access, context::today_in(g)).await?;
    let reviews = service::care::reviews(&store, access).await?;
    let json = serde_json::json!({"patient": row, "reviews": reviews});
    emit(g.json, &json, || {
        let l = render::terminal();
        let line = |key: &str, args: &[(&str, &str)]| format!("{}\n", l.ta(key, args));
        let week = row.week.to_string();
        let today = words::coach_words::patient_today(&l, &row.today_is);
        let mut s = line("cli.patient.head", &[("name", &row.name), ("week", &week), ("today", &today)]);
        if let Some(a) = row.adherence_14d {
            s.push_str(&line("cli.patient.adherence", &[("pct", &a.to_string())]));
        }
        if let Some(d) = row.last_activity {
            s.push_str(&line("cli.patient.last_activity", &[("day", &d.to_string())]));
        }
        if row.flags.is_empty() {
            s.push_str(&line("cli.patient.no_flags", &[]));
        }
        for f in &row.flags {
            let (severity, text) =
                (words::coach_words::severity(&l, f.severity), words::coach_words::patient_flag(&l, f));
            let since = f.since.to_string();
            let args = [("severity", severity.as_str()), ("text", text.as_str()), ("rule", f.rule), ("since", &since)];
            s.push_str(&line("cli.patient.flag", &args));
        }
        for a in &row.acknowledged {
            let text = words::coach_words::patient_flag(&l, &a.flag);
            s.push_str(&line(
                "cli.patient.acknowledged",
                &[("text", &text), ("rule", a.flag.rule), ("note", &a.review.note)],
            ));
        }
        if let Some(d) = &row.last_decision {
            let said = words::coach_words::said(&l, &d.rule, &d.reason, &d.why);
            let day = d.effective.to_string();
            s.push_str(&line("cli.patient.last_decision", &[("day", &day), ("said", &said), ("rule", &d.rule)]));
        }
        if row.unread > 0 {
            s.push_str(&line("cli.patient.unread", &[("n", &row.unread.to_string())]));
        }
        s
    })
}

pub async fn sign(g: &Global, cmd: &SignCommand) -> CliResult<Output> {
    let store = context::open(g).await?;
    let now = jiff::Timestamp::now();
    match cmd {
        SignCommand::Clearance { as_clinician: who, role, note } => {
            let access = as_clinician(&store, g, who, true, "signed a clearance").await?;
            let role = render::terminal().role_or_default(role);
            let outcome = service::clear(&store, access, "", &role, now, note, now).await?;
            emit(g.json, &outcome, || {
                let l = render::terminal();
                let (status, next) = words::coach_words::screen_status(&l, outcome.status);
                format!("{}\n{next}\n", l.ta("cli.sign.clearance", &[("status", &status)]))
            })
        }
        SignCommand::Restart { as_clinician: who, role, note, minutes } => {
            let access = as_clinician(&store, g, who, true, "signed a restart").await?;
            let state = context::load_with(&store, g, access).await?;
            let dose = service::DoseInput {
                minutes: minutes.map(|m| super::log::small("--minutes", m, 3..=20)).transpose()?,
                ..Default::default()
            };
            let role = render::terminal().role_or_default(role);
            let input = service::RestartInput { dose, by: String::new(), role, note: note.clone() };
            let done = service::restart(&store, &state, input, now).await?;
            emit(g.json, &done, || {
                let l = render::terminal();
                let p = &state.programme;
                let r = &done.restart;
                let dose = words::coach_words::summary(&l, &r.dose, p.week_of(r.effective), p.limits.supported_only);
                let day = r.effective.to_string();
                let args = [("by", r.by.as_str()), ("role", r.role.as_str()), ("day", &day), ("dose", &dose)];
                format!("{}\n", l.ta("cli.sign.restart", &args))
            })
        }
    }
}

/// `pause` and `end`: the programme stops from today, with the clinician's note.
pub async fn stop(g: &Global, args: &StopArgs, end: bool) -> CliResult<Output> {
    let store = context::open(g).await?;
    let access = as_clinician(&store, g, &args.as_clinician, true, "stopped the programme").await?;
    let state = context::load_with(&store, g, access).await?;
    let role = render::terminal().role_or_default(&args.role);
    let input = service::StopInput { end, by: String::new(), role, note: args.note.clone() };
    let done = service::stop_programme(&store, &state, input, jiff::Timestamp::now()).await?;
    // The entry keeps the dose it stopped, for the record; what is shown is the stop.
    let o = &done.stop;
    let json = serde_json::json!({"kind": o.kind, "by": o.by, "role": o.role, "effective": o.effective,
        "note": o.reason, "signed_at": o.signed_at, "decision": done.decision});
    emit(g.json, &json, || {
        let o = &done.stop;
        let what = if end { "Ended" } else { "Paused" };
        format!(
            "{what} by {} ({}): no backward walking from now until a clinician signs a restart.\nThe walker reads: {}\n",
            o.by, o.role, done.decision.reason
        )
    })
}

/// `assign`: a measure or questionnaire asked of the walker, or no longer.
pub async fn assign(
    g: &Global,
    who: &AsClinician,
    measure: Option<&str>,
    questionnaire: Option<&str>,
    end: bool,
) -> CliResult<Output> {
    let store = context::open(g).await?;
    let what = if end { "stopped asking for a measure" } else { "asked for a measure" };
    let access = as_clinician(&store, g, who, true, what).await?;
    let item = match (measure, questionnaire) {
        (Some(m), _) => service::assignments::parse("measure", m)
            .map_err(|_| CliError::input(render::terminal().ta("cli.err.not_a_measure", &[("typed", m.trim())])))?,
        (None, Some(q)) => service::assignments::parse("questionnaire", q)
            .map_err(|_| CliError::input(render::terminal().t("cli.err.which_questionnaire")))?,
        (None, None) => return Err(CliError::input(render::terminal().t("cli.err.measure_or_questionnaire"))),
    };
    if end {
        service::assignments::unassign(&store, access, &item, jiff::Timestamp::now()).await?;
    } else {
        service::assignments::assign(&store, access, &item, jiff::Timestamp::now()).await?;
    }
    let now = service::assignments::assignable(&store, access).await?;
    emit(g.json, &now, || {
        let l = render::terminal();
        let asked: Vec<&str> = now.asked.iter().map(|(_, words)| words.as_str()).collect();
        let asked = if asked.is_empty() { l.t("cli.assign.nothing").to_string() } else { asked.join(", ") };
        let key = if end { "cli.assign.ended" } else { "cli.assign.asked" };
        format!("{}\n", l.ta(key, &[("what", item.parts().1), ("now", &asked)]))
    })
}

/// `ack`: the flag's rule names it; its day is the day it was raised.
pub async fn ack(g: &Global, who: &AsClinician, flag: &str, note: &str) -> CliResult<Output> {
    let store = context::open(g).await?;
    let access = as_clinician(&store, g, who, true, "review").await?;
    let row = service::clinics::patient_row(&store, access, context::today_in(g)).await?;
    let open = row.flags.iter().find(|f| f.rule.eq_ignore_ascii_case(flag.trim())).ok_or_else(|| {
        let open: Vec<&str> = row.flags.iter().map(|f| f.rule).collect();
        let l = render::terminal();
        let open = if open.is_empty() { l.t("cli.err.none").to_string() } else { open.join(", ") };
        CliError::input(l.ta("cli.err.flag_not_open", &[("flag", flag.trim()), ("name", &row.name), ("open", &open)]))
    })?;
    let review =
        service::care::review(&store, access, ReviewSubject::Flag, open.rule, open.since, note, jiff::Timestamp::now())
            .await?;
    emit(g.json, &review, || {
        let since = open.since.to_string();
        let args = [("rule", open.rule), ("since", &since), ("name", &row.name), ("note", &review.note)];
        format!("{}\n", render::terminal().ta("cli.ack.done", &args))
    })
}

/// `approve` and `revert`: the coach's latest decision, kept or undone.
pub async fn decision(g: &Global, who: &AsClinician, note: &str, undo: bool) -> CliResult<Output> {
    let store = context::open(g).await?;
    let access = as_clinician(&store, g, who, true, if undo { "revert" } else { "review" }).await?;
    let state = context::load_with(&store, g, access).await?;
    let now = jiff::Timestamp::now();
    if undo {
        let done = service::revert(&store, &state, "", note, &render::terminal(), now).await?;
        return emit(g.json, &done, || {
            let l = render::terminal();
            let p = &state.programme;
            let o = &done.applied;
            let dose = words::coach_words::summary(&l, &o.dose, p.week_of(o.effective), p.limits.supported_only);
            let day = o.effective.to_string();
            // The clinician's note, in their own words.
            let why = &o.reason;
            format!(
                "{}\n{}\n",
                l.ta("cli.revert.done", &[("day", &day), ("dose", &dose)]),
                l.ta("cli.why_line", &[("why", why)])
            )
        });
    }
    let timeline = state.timeline();
    let last =
        timeline.decisions.last().ok_or_else(|| CliError::input(render::terminal().t("cli.err.nothing_decided")))?;
    let review =
        service::care::review(&store, access, ReviewSubject::Decision, &last.rule, last.effective, note, now).await?;
    emit(g.json, &review, || format!("{}\n", render::terminal().ta("cli.approve.done", &[("why", &render::why(last))])))
}

/// `audit`: the access log, newest first; with --walker, what others did with
/// that walker's records.
pub async fn audit(g: &Global, limit: u32, format: AuditFormat) -> CliResult<Output> {
    let store = context::open(g).await?;
    let events = match g.walker {
        Some(_) => {
            let access = context::access(&store, g).await?;
            store.walker_events(access.walker(), limit).await?
        }
        None => store.security_events(None, limit).await?,
    };
    let mut emails = std::collections::HashMap::new();
    for id in events.iter().filter_map(|e| e.account) {
        if let std::collections::hash_map::Entry::Vacant(slot) = emails.entry(id) {
            slot.insert(store.account(id).await.map(|a| a.email).unwrap_or_else(|_| format!("account {id}")));
        }
    }
    let who =
        |e: &store::SecurityEvent| e.account.and_then(|id| emails.get(&id).cloned()).unwrap_or_else(|| "-".into());
    let rows: Vec<service::audit::AuditRow> = events
        .iter()
        .map(|e| service::audit::AuditRow {
            event: e.clone(),
            email: e.account.and_then(|id| emails.get(&id).cloned()).unwrap_or_default(),
        })
        .collect();
    match format {
        AuditFormat::Csv => return Ok(Output::Text(service::audit::audit_csv(&rows)?)),
        AuditFormat::Fhir => return Ok(Output::Text(service::audit::audit_ndjson(&rows))),
        AuditFormat::Table => {}
    }
    let table: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                e.at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
                e.kind.as_str().into(),
                who(e),
                match (e.walker, e.walkers.len()) {
                    (Some(w), _) => w.to_string(),
                    (None, 0) => "-".into(),
                    (None, n) => format!("{n} walkers"),
                },
                e.client.clone(),
                e.detail.clone(),
            ]
        })
        .collect();
    let json: Vec<serde_json::Value> = events
        .iter()
        .map(|e| serde_json::json!({"at": e.at, "kind": e.kind, "account": e.account, "email": who(e), "walker": e.walker, "walkers": e.walkers, "client": e.client, "detail": e.detail}))
        .collect();
    emit(g.json, &json, || {
        let l = render::terminal();
        if table.is_empty() {
            format!("{}\n", l.t("cli.audit.empty"))
        } else {
            let head = ["at", "what", "who", "walker", "from", "detail"]
                .map(|c| l.t(&format!("cli.audit.col.{c}")).to_string());
            render::table(&head.each_ref().map(String::as_str), &table)
        }
    })
}
