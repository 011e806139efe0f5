//! `retrowalk questionnaire`: a clinic's licensed questionnaires, loaded as
//! data, answered and scored like the built-in measures.

use super::{Output, emit};
use crate::cli::{Global, QuestionnaireCommand};
use crate::context;
use crate::error::{CliError, CliResult, FileUse};
use crate::{prompt, render};
use coach::questionnaire::{Answers, Questionnaire};
use std::path::Path;
use store::prelude::*;

fn read(path: &Path) -> CliResult<String> {
    std::fs::read_to_string(path).map_err(|e| CliError::file(path, FileUse::Read, &e))
}

/// Answers from a file: a JSON object or a TOML table of linkId = code.
fn answers_file(path: &Path) -> CliResult<Answers> {
    let text = read(path)?;
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let parsed: Result<Answers, String> = if is_json {
        serde_json::from_str(&text).map_err(|e| e.to_string())
    } else {
        toml::from_str(&text).map_err(|e| e.to_string())
    };
    parsed.map_err(|e| {
        let said = render::terminal().ta("cli.err.questionnaire_answers", &[("detail", e.trim())]);
        CliError::input(format!("--answers {}: {said}", path.display()))
    })
}

/// Asks each question on the terminal; an empty answer skips an optional one.
fn ask_all(q: &Questionnaire) -> CliResult<Answers> {
    let mut p = prompt::stdio();
    p.say(&q.title)?;
    if !q.copyright.is_empty() {
        p.say(&q.copyright)?;
    }
    let mut answers = Answers::new();
    let mut section = "";
    for item in &q.items {
        if item.section != section && !item.section.is_empty() {
            p.say(&format!("\n{}", item.section))?;
            section = &item.section;
        }
        let choices: Vec<String> =
            item.options.iter().enumerate().map(|(i, o)| format!("  {}. {}", i + 1, o.display)).collect();
        p.say(&format!("{}\n{}", item.text, choices.join("\n")))?;
        let l = render::terminal();
        let skip_word = l.t("cli.screen.skip");
        let skip = if item.required { None } else { Some(skip_word) };
        let picked = p.ask(l.t("cli.questionnaire.pick"), skip, |t| {
            if t == skip_word || t == "skip" {
                return Ok(None);
            }
            t.parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| item.options.get(i))
                .map(|o| Some(o.code.clone()))
                .ok_or_else(|| {
                    let most = item.options.len().to_string();
                    CliError::input(l.ta("cli.questionnaire.not_a_choice", &[("most", &most), ("typed", t)]))
                })
        })?;
        if let Some(code) = picked {
            answers.insert(item.link_id.clone(), code);
        }
    }
    Ok(answers)
}

pub async fn run(g: &Global, cmd: &QuestionnaireCommand) -> CliResult<Output> {
    let store = context::open(g).await?;
    match cmd {
        QuestionnaireCommand::Load { questionnaire, scoring, clinic } => {
            let (q, s) = (read(questionnaire)?, read(scoring)?);
            let clinic = clinic.map(store::ClinicId);
            let (loaded, replaced) =
                service::load_questionnaire(&store, &q, &s, clinic, jiff::Timestamp::now()).await?;
            let q = &loaded.questionnaire;
            emit(g.json, &loaded, || {
                format!(
                    "{} {:?} (id {}, version {}): {} questions, {} subscales. {}\n",
                    if replaced { "Reloaded" } else { "Loaded" },
                    q.title,
                    q.id,
                    if q.version.is_empty() { "-" } else { &q.version },
                    q.items.len(),
                    loaded.scoring.subscales.len(),
                    match loaded.clinic {
                        None => "Walkers see it with their measures.".to_string(),
                        Some(c) =>
                            format!("It is clinic {c}'s: walkers see it once their care team there asks for it."),
                    }
                )
            })
        }
        QuestionnaireCommand::List => {
            let all = store.questionnaires().await.map_err(service::ServiceError::from)?;
            emit(g.json, &all, || {
                if all.is_empty() {
                    return "No questionnaires are loaded. A clinic with a licence loads one with `retrowalk questionnaire load`.\n".into();
                }
                let rows: Vec<Vec<String>> = all
                    .iter()
                    .map(|l| {
                        let subs: Vec<&str> = l.scoring.subscales.iter().map(|s| s.name.as_str()).collect();
                        vec![
                            l.questionnaire.id.clone(),
                            l.questionnaire.title.clone(),
                            l.questionnaire.items.len().to_string(),
                            subs.join(", "),
                            l.clinic.map_or("everyone".into(), |c| format!("clinic {c}")),
                        ]
                    })
                    .collect();
                render::table(&["id", "title", "questions", "subscales", "for"], &rows)
            })
        }
        QuestionnaireCommand::Answer { id, answers, date } => {
            let state = context::load(&store, g).await?;
            let q = &state.questionnaire(id)?.questionnaire;
            let given = match answers {
                Some(path) => answers_file(path)?,
                None => ask_all(q)?,
            };
            let date = context::date_arg(date)?;
            let result = service::answer_questionnaire(&store, &state, id, given, date, jiff::Timestamp::now()).await?;
            emit(g.json, &result, || {
                let l = render::terminal();
                let day = result.taken_on.to_string();
                let mut s =
                    format!("{}\n", l.ta("cli.questionnaire.taken", &[("title", &result.title), ("day", &day)]));
                for sc in &result.scores {
                    let n = |v: usize| v.to_string();
                    let (answered, of, needed) = (n(sc.answered), n(sc.of), n(sc.needed));
                    let line = match sc.score {
                        Some(v) => {
                            let score = words::coach_words::decimal(&l, v.to_string());
                            let args =
                                [("name", sc.name.as_str()), ("score", &score), ("answered", &answered), ("of", &of)];
                            l.ta("cli.questionnaire.scored", &args)
                        }
                        None => {
                            let args =
                                [("name", sc.name.as_str()), ("answered", &answered), ("of", &of), ("needed", &needed)];
                            l.ta("cli.questionnaire.not_scored", &args)
                        }
                    };
                    s.push_str(&format!("  {line}\n"));
                }
                s
            })
        }
        QuestionnaireCommand::Results => {
            let state = context::load(&store, g).await?;
            let rows = service::questionnaire_rows(&state);
            emit(g.json, &rows, || {
                let l = render::terminal();
                if rows.is_empty() {
                    return format!("{}\n", l.t("cli.questionnaire.no_results"));
                }
                let table: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            format!("{}: {}", r.title, r.name),
                            format!("{} ({})", r.trend.first, r.trend.first_on),
                            format!("{} ({})", r.trend.latest, r.trend.latest_on),
                            r.trend
                                .change
                                .as_ref()
                                .map_or("-".into(), |c| words::coach_words::scale_change_words(&l, c)),
                        ]
                    })
                    .collect();
                let head = ["subscale", "first", "latest", "change"]
                    .map(|c| l.t(&format!("cli.questionnaire.col.{c}")).to_string());
                render::table(&head.each_ref().map(String::as_str), &table)
            })
        }
    }
}
