//! `retrowalk clinic`: the operator makes clinics, gives accounts a role in
//! them, puts a walker in a clinic's care and names their care team. What a
//! clinician then sees is the access rule's to decide, on every request.

use super::user::account;
use super::{Output, emit};
use crate::cli::{AtClinic, ClinicCommand, Global, MemberAction, TeamAction};
use crate::context;
use crate::error::CliResult;
use crate::render;
use service::Actor;
use service::clinics;
use store::ClinicId;

pub async fn run(g: &Global, cmd: &ClinicCommand) -> CliResult<Output> {
    let store = context::open(g).await?;
    let now = jiff::Timestamp::now();
    let op = Actor::Operator;
    let text = match cmd {
        ClinicCommand::Create { name } => {
            let id = clinics::create_clinic(&store, &op, name, now).await?;
            format!(
                "Clinic {id} made: {}.\nNext: `retrowalk clinic member add --clinic {id} --email E --role clinician`.\n",
                name.trim()
            )
        }
        ClinicCommand::List => {
            let all = clinics::clinics(&store).await?;
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|c| vec![c.id.to_string(), c.name.clone(), c.created_at.strftime("%Y-%m-%d").to_string()])
                .collect();
            let json: Vec<serde_json::Value> = all
                .iter()
                .map(|c| serde_json::json!({"id": c.id, "name": c.name, "created_at": c.created_at}))
                .collect();
            return emit(g.json, &json, || {
                if rows.is_empty() {
                    "No clinics yet: `retrowalk clinic create NAME`.\n".into()
                } else {
                    render::table(&["id", "name", "created"], &rows)
                }
            });
        }
        ClinicCommand::Member { action: MemberAction::Add { at: AtClinic { clinic, email }, role } } => {
            let a = account(&store, email).await?;
            clinics::add_member(&store, &op, ClinicId(*clinic), a.id, *role, now).await?;
            format!("{} is now {} at clinic {clinic}.\n", a.email, role.as_str())
        }
        ClinicCommand::Member { action: MemberAction::Remove(AtClinic { clinic, email }) } => {
            let a = account(&store, email).await?;
            if clinics::end_membership(&store, &op, ClinicId(*clinic), a.id, now).await? {
                format!("{} is no longer a member of clinic {clinic}, nor on its care teams.\n", a.email)
            } else {
                format!("{} was not a member of clinic {clinic}; nothing changed.\n", a.email)
            }
        }
        ClinicCommand::Join { clinic } => {
            let access = context::access(&store, g).await?;
            clinics::join(&store, &op, access, ClinicId(*clinic), "cli", now).await?;
            format!(
                "Walker {} is in the care of clinic {clinic}. Name their care team with `retrowalk clinic team add`.\n",
                access.walker()
            )
        }
        ClinicCommand::Leave { clinic } => {
            let access = context::access(&store, g).await?;
            if clinics::leave(&store, &op, access, ClinicId(*clinic), "cli", now).await? {
                format!("Walker {} has left clinic {clinic}: its clinicians see them no more.\n", access.walker())
            } else {
                format!("Walker {} was not in the care of clinic {clinic}; nothing changed.\n", access.walker())
            }
        }
        ClinicCommand::Team { action: TeamAction::Add(AtClinic { clinic, email }) } => {
            let walker = context::access(&store, g).await?.walker();
            let a = account(&store, email).await?;
            clinics::add_to_care_team(&store, &op, ClinicId(*clinic), walker, a.id, now).await?;
            format!("{} is on walker {walker}'s care team at clinic {clinic}.\n", a.email)
        }
        ClinicCommand::Team { action: TeamAction::Remove(AtClinic { clinic, email }) } => {
            let walker = context::access(&store, g).await?.walker();
            let a = account(&store, email).await?;
            if clinics::remove_from_care_team(&store, &op, ClinicId(*clinic), walker, a.id, now).await? {
                format!("{} is off walker {walker}'s care team at clinic {clinic}.\n", a.email)
            } else {
                format!("{} was not on walker {walker}'s care team at clinic {clinic}; nothing changed.\n", a.email)
            }
        }
        ClinicCommand::Invite(AtClinic { clinic, email }) => {
            let a = account(&store, email).await?;
            let code = web::new_invitation_code();
            let hash = service::care::invitation_digest(&code);
            let i = service::care::invite(&store, &op, ClinicId(*clinic), a.id, &hash, now).await?;
            let json = serde_json::json!({"code": code, "path": format!("/join/{code}"), "expires_at": i.expires_at});
            return emit(g.json, &json, || {
                format!(
                    "Invitation to clinic {clinic} from {}: code {code}
                     The walker types it at /join in the web app, or opens /join/{code} on this server.
                     It works once, until {}.
",
                    a.email,
                    i.expires_at.strftime("%Y-%m-%d %H:%M UTC")
                )
            });
        }
    };
    Ok(Output::Text(text))
}

/// `retrowalk patients --clinician EMAIL`: the list a clinician starts the day with.
pub async fn patients(g: &Global, email: &str, filter: &clinics::PatientFilter) -> CliResult<Output> {
    let store = context::open(g).await?;
    let a = account(&store, email).await?;
    // `--today` applies to every walker, each in their own time zone.
    context::today(g, "UTC")?;
    if let Some(rule) = &filter.flag
        && !coach::flags::RULES.iter().any(|(r, _)| r.eq_ignore_ascii_case(rule))
    {
        let known: Vec<_> = coach::flags::RULES.iter().map(|(r, _)| *r).collect();
        return Err(crate::error::CliError::input(format!(
            "--flag: '{rule}' is not a flag rule; one of {}",
            known.join(", ")
        )));
    }
    let rows =
        clinics::patients(&store, &Actor::account(&a), filter, "cli", jiff::Timestamp::now(), context::today_in(g))
            .await?;
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.week.to_string(),
                r.adherence_14d.map_or("-".into(), |p| format!("{p}%")),
                r.last_activity.map_or("-".into(), |d| d.to_string()),
                match r.flags.as_slice() {
                    [] => "-".into(),
                    [top, rest @ ..] => {
                        let more = if rest.is_empty() { String::new() } else { format!(" (+{} more)", rest.len()) };
                        format!("{}: {} [{}]{more}", top.severity.as_str(), top.text, top.rule)
                    }
                },
            ]
        })
        .collect();
    emit(g.json, &rows, || {
        if rows.is_empty() {
            format!("Nobody is in {}'s care yet.\n", a.email)
        } else {
            render::table(&["walker", "week", "14 days", "last", "first flag"], &table)
        }
    })
}
