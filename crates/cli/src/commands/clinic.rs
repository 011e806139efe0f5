//! `retrowalk clinic`: the operator makes clinics, gives accounts a role in
//! them, puts a walker in a clinic's care and names their care team. What a
//! clinician then sees is the access rule's to decide, on every request.

use super::user::account;
use super::{Output, emit};
use crate::cli::{AtClinic, ClinicCommand, ClinicExportFormat, Global, MemberAction, TeamAction};
use crate::context;
use crate::error::{CliError, CliResult, FileUse};
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
        ClinicCommand::Member { action: MemberAction::List { clinic } } => {
            let people = service::clinic_admin::members(&store, &op, ClinicId(*clinic)).await?;
            return emit(g.json, &people, || {
                if people.is_empty() {
                    format!(
                        "Nobody works at clinic {clinic} yet: `retrowalk clinic member add --clinic {clinic} --email E --role clinician`.\n"
                    )
                } else {
                    let rows: Vec<Vec<String>> = people
                        .iter()
                        .map(|m| {
                            let since = m.since.strftime("%Y-%m-%d").to_string();
                            vec![m.account.to_string(), m.email.clone(), m.name.clone(), m.role.as_str().into(), since]
                        })
                        .collect();
                    render::table(&["account", "email", "name", "role", "since"], &rows)
                }
            });
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
                format!(
                    "Walker {} has left clinic {clinic}: its clinicians see them no more, beyond what was shared until now (read only).\n",
                    access.walker()
                )
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
        ClinicCommand::Monitoring { clinic, month, out } => {
            let month = match month {
                Some(m) => context::parse_date("--month", &format!("{}-01", m.trim())).map_err(|_| {
                    CliError::input(format!("--month: '{m}' is not a month; use YYYY-MM, e.g. 2026-11"))
                })?,
                None => context::today(g, "UTC")?,
            };
            let csv =
                service::monitoring::month_csv(&store, &op, ClinicId(*clinic), month, context::today_in(g)).await?;
            return match out {
                Some(path) => {
                    super::export::write_atomically(path, csv.as_bytes())?;
                    Ok(Output::Text(format!(
                        "Monitoring for {} written to {}.\n",
                        month.strftime("%Y-%m"),
                        path.display()
                    )))
                }
                None => Ok(Output::Text(csv)),
            };
        }
        ClinicCommand::Export { clinic, format, out } => {
            return export(g, &store, ClinicId(*clinic), *format, out).await;
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
    let a = super::user::account_for(&store, "--clinician", email).await?;
    // `--today` applies to every walker, each in their own time zone.
    context::today(g, "UTC")?;
    if let Some(rule) = &filter.flag
        && !coach::flags::RULES.iter().any(|(r, _)| r.eq_ignore_ascii_case(rule))
    {
        let known: Vec<_> = coach::flags::RULES.iter().map(|(r, _)| *r).collect();
        let args = [("typed", rule.as_str()), ("known", &known.join(", "))];
        return Err(crate::error::CliError::input(render::terminal().ta("cli.err.not_a_flag_rule", &args)));
    }
    let rows = clinics::patients(
        &store,
        &Actor::account(&a),
        filter,
        &clinics::NoCache,
        "cli",
        jiff::Timestamp::now(),
        context::today_in(g),
    )
    .await?
    .rows;
    let l = render::terminal();
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
                        let more = match rest.len() {
                            0 => String::new(),
                            n => format!(" {}", l.ta("cli.patients.more", &[("n", &n.to_string())])),
                        };
                        let severity = words::coach_words::severity(&l, top.severity);
                        format!("{severity}: {} [{}]{more}", words::coach_words::patient_flag(&l, top), top.rule)
                    }
                },
            ]
        })
        .collect();
    emit(g.json, &rows, || {
        if rows.is_empty() {
            format!("{}\n", l.ta("cli.patients.none", &[("who", &a.email)]))
        } else {
            let head =
                ["walker", "week", "days14", "last", "flag"].map(|c| l.t(&format!("cli.patients.col.{c}")).to_string());
            render::table(&head.each_ref().map(String::as_str), &table)
        }
    })
}

/// `clinic export`: one walker at a time, written as it is read, with a
/// progress bar; files are written beside their target and renamed once
/// complete, so a stopped export leaves nothing half-written in place.
async fn export(
    g: &Global,
    store: &store::SqlStore,
    clinic: ClinicId,
    format: ClinicExportFormat,
    out: &std::path::Path,
) -> CliResult<Output> {
    use service::clinic_export as ce;
    use std::io::Write;
    let walkers = ce::clinic_walkers(store, &Actor::Operator, clinic).await?;
    let bar = render::progress(walkers.len(), "walkers", g.json);
    let now = jiff::Timestamp::now();
    let io = |e: std::io::Error, what: &std::path::Path| CliError::file(what, FileUse::Write, &e);
    let part = |p: &std::path::Path| {
        p.with_extension(format!("{}.part", p.extension().and_then(|e| e.to_str()).unwrap_or("")))
    };
    let (kind, targets): (&str, Vec<std::path::PathBuf>) = match format {
        ClinicExportFormat::FhirNdjson => {
            std::fs::create_dir_all(out).map_err(|e| io(e, out))?;
            ("fhir-ndjson", ce::FHIR_TYPES.iter().map(|t| out.join(format!("{t}.ndjson"))).collect())
        }
        ClinicExportFormat::RegistryCsv => ("registry-csv", vec![out.to_path_buf()]),
    };
    let mut counts = vec![0usize; targets.len()];
    let written = async {
        let mut files = Vec::new();
        for path in &targets {
            let f = std::fs::File::create(part(path)).map_err(|e| io(e, path))?;
            files.push((path.clone(), std::io::BufWriter::new(f)));
        }
        if let (ClinicExportFormat::RegistryCsv, Some((path, w))) = (format, files.first_mut()) {
            w.write_all(ce::registry_header()?.as_bytes()).map_err(|e| io(e, path))?;
        }
        write_walkers(g, store, &walkers, format, kind, &mut files, &mut counts, &bar, now).await?;
        bar.finish_and_clear();
        for (path, w) in files {
            let f = w.into_inner().map_err(|e| io(e.into_error(), &path))?;
            f.sync_all().map_err(|e| io(e, &path))?;
            std::fs::rename(part(&path), &path).map_err(|e| io(e, &path))?;
        }
        Ok::<(), CliError>(())
    }
    .await;
    if let Err(e) = written {
        // Nothing half-written is left behind (a file already in place is whole).
        for path in &targets {
            let _ = std::fs::remove_file(part(path));
        }
        return Err(e);
    }
    let summary = match format {
        ClinicExportFormat::FhirNdjson => {
            ce::FHIR_TYPES.iter().zip(&counts).map(|(t, n)| format!("{t}: {n}")).collect::<Vec<_>>().join(", ")
        }
        ClinicExportFormat::RegistryCsv => format!("{} rows", counts[0]),
    };
    let json = serde_json::json!({"walkers": walkers.len(), "out": out, "counts": counts});
    emit(g.json, &json, || {
        let n = walkers.len();
        let walkers = if n == 1 { "1 walker".to_string() } else { format!("{n} walkers") };
        format!("Clinic {clinic}: {walkers} exported to {} ({summary}).\n", out.display())
    })
}

/// Each walker's lines into the open files, counting what went where.
#[allow(clippy::too_many_arguments)]
async fn write_walkers(
    g: &Global,
    store: &store::SqlStore,
    walkers: &[service::Access],
    format: ClinicExportFormat,
    kind: &str,
    files: &mut [(std::path::PathBuf, std::io::BufWriter<std::fs::File>)],
    counts: &mut [usize],
    bar: &indicatif::ProgressBar,
    now: jiff::Timestamp,
) -> CliResult<()> {
    use service::clinic_export as ce;
    use std::io::Write;
    let io = |e: std::io::Error, what: &std::path::Path| CliError::file(what, FileUse::Write, &e);
    for access in walkers {
        let state = match context::load_with(store, g, *access).await {
            Ok(state) => state,
            // A walker not set up yet has no programme to export.
            Err(CliError::Input(_)) => {
                bar.inc(1);
                continue;
            }
            Err(e) => return Err(e),
        };
        match format {
            ClinicExportFormat::FhirNdjson => {
                for (resource_type, line) in ce::fhir_lines(store, &state, now).await? {
                    if let Some(i) = ce::FHIR_TYPES.iter().position(|t| *t == resource_type) {
                        let (path, w) = &mut files[i];
                        writeln!(w, "{line}").map_err(|e| io(e, path))?;
                        counts[i] += 1;
                    }
                }
            }
            ClinicExportFormat::RegistryCsv => {
                let rows = ce::registry_rows(&state);
                let (path, w) = &mut files[0];
                w.write_all(ce::csv_lines(&rows)?.as_bytes()).map_err(|e| io(e, path))?;
                counts[0] += rows.len();
            }
        }
        ce::log_export(store, *access, kind, now).await?;
        bar.inc(1);
    }
    Ok(())
}
