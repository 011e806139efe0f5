//! `--help` in the terminal's language. English is each command's and flag's
//! doc comment (`cli.rs`, the one place it is written); another language
//! reads `help/<code>.ftl`, keyed by the command's path and the argument's
//! id (`log.about`, `log.pain_before`, `outcome.record.value`), with clap's
//! own headings and help flags said in it too. A test holds every command and
//! flag to a message in every language other than English, and every message
//! to a command or flag that exists.

use clap::{Arg, ArgAction, Command};
use words::{I18n, Lang};

const SPANISH: &str = include_str!("../help/es.ftl");

/// What clap itself writes around the help, said in this language too.
#[cfg(test)]
const OWN: &[&str] = &[
    "heading.usage",
    "heading.options",
    "heading.arguments",
    "heading.commands",
    "flag.help",
    "flag.version",
    "help_command",
    "value.command",
    "value.options",
    "note.possible_values",
    "note.values_heading",
    "note.default",
    "note.env",
];

/// The help texts of `lang`; `None` for English (the doc comments).
pub(crate) fn catalogue(lang: Lang) -> Option<I18n> {
    match lang {
        Lang::En => None,
        Lang::Es => I18n::parse(Lang::Es, SPANISH).ok(),
    }
}

/// The command line with its help in the terminal's language.
pub fn localized(cmd: Command) -> Command {
    localized_in(cmd, Lang::from_env())
}

pub(crate) fn localized_in(cmd: Command, lang: Lang) -> Command {
    match catalogue(lang) {
        Some(l) => {
            let template = format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                l.t("heading.usage")
            );
            let mut cmd = walk(cmd, "", &l, &template);
            // clap adds its `help` command when it builds the command line;
            // built here, that command's line can be said too.
            cmd.build();
            built(cmd, &l, &template)
        }
        None => cmd,
    }
}

/// A text's key: the command's path, then the part (`log.pain_before`).
fn key_in(path: &str, part: &str) -> String {
    if path.is_empty() { part.to_string() } else { format!("{path}.{part}") }
}

/// The command line for the shell's completions: [`localized`], with what
/// each documented value means in this language too, as a completion shows
/// it. (Its values are then read as plain text, all a completion needs.)
pub fn for_completions(cmd: Command) -> Command {
    let lang = Lang::from_env();
    let cmd = localized_in(cmd, lang);
    match catalogue(lang) {
        Some(l) => values_said(cmd, "", &l),
        None => cmd,
    }
}

fn values_said(mut cmd: Command, path: &str, l: &I18n) -> Command {
    let documented: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || path.is_empty())
        .filter(|a| a.get_possible_values().iter().any(|v| v.get_help().is_some()))
        .map(|a| a.get_id().to_string())
        .collect();
    for id in documented {
        let k = key_in(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let said: Vec<clap::builder::PossibleValue> = a
                .get_possible_values()
                .into_iter()
                .map(|v| match v.get_help() {
                    Some(_) => {
                        let text = l.t(&key_in(&k, v.get_name())).to_string();
                        v.help(text)
                    }
                    None => v,
                })
                .collect();
            a.value_parser(clap::builder::PossibleValuesParser::new(said))
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).filter(|n| n != "help").collect();
    for name in subs {
        let sub_path = key_in(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| values_said(s, &sub_path, l));
    }
    cmd
}

fn walk(mut cmd: Command, path: &str, l: &I18n, template: &str) -> Command {
    let key = |part: &str| key_in(path, part);
    for (part, set) in [("about", 0), ("long_about", 1), ("after_help", 2)] {
        let k = key(part);
        if l.has(&k) {
            let text = l.t(&k).to_string();
            cmd = match set {
                0 => cmd.about(text).long_about(None),
                1 => cmd.long_about(text),
                _ => cmd.after_help(text),
            };
        }
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || path.is_empty())
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let k = key(&id);
        let heading = l.t(if positional { "heading.arguments" } else { "heading.options" }).to_string();
        let text = l.has(&k).then(|| l.t(&k).to_string());
        cmd = cmd.mut_arg(id, |a| argument(a.help_heading(heading), text, &k, l));
    }
    // clap's own -h and -V, with their text in this language.
    let flag = |name: &'static str, short: char, action: ArgAction| {
        Arg::new(name)
            .short(short)
            .long(name)
            .action(action)
            .help(l.t(&format!("flag.{name}")).to_string())
            .help_heading(l.t("heading.options").to_string())
            // Last, where clap puts its own.
            .display_order(999)
    };
    cmd = cmd
        .help_template(template.to_string())
        .subcommand_help_heading(l.t("heading.commands").to_string())
        .subcommand_value_name(l.t("value.command").to_string())
        .disable_help_flag(true)
        .arg(flag("help", 'h', ArgAction::Help));
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(flag("version", 'V', ArgAction::Version));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = key(&name);
        cmd = cmd.mut_subcommand(name, |s| walk(s, &sub_path, l, template));
    }
    cmd
}

/// What clap writes as it builds the command line, said in this language:
/// each `help` command it adds, and `[OPTIONS]` in each usage line.
fn built(mut cmd: Command, l: &I18n, template: &str) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    cmd = cmd.override_usage(usage.replace("[OPTIONS]", &format!("[{}]", l.t("value.options"))));
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" { help_command(s, l, template) } else { s };
            built(s, l, template)
        });
    }
    cmd
}

/// clap's `help` command in this language: its line, its page, and its
/// argument (which command).
fn help_command(cmd: Command, l: &I18n, template: &str) -> Command {
    let mut cmd = cmd
        .about(l.t("help_command").to_string())
        .help_template(template.to_string())
        .subcommand_help_heading(l.t("heading.commands").to_string())
        .subcommand_value_name(l.t("value.command").to_string());
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            a.value_name(l.t("value.command").to_string()).help_heading(l.t("heading.arguments").to_string())
        });
    }
    cmd
}

/// One flag or argument in this language: its text, its value's name
/// (`<FECHA>`), and the notes clap would add in English (the values it takes,
/// its default, the variable it is read from), said here instead.
fn argument(mut a: Arg, text: Option<String>, key: &str, l: &I18n) -> Arg {
    let names: Vec<String> = a
        .get_value_names()
        .filter(|_| a.get_action().takes_values())
        .unwrap_or_default()
        .iter()
        .map(|n| value_name(l, n))
        .collect();
    if !names.is_empty() {
        a = a.value_names(names);
    }
    // The notes clap adds, in this language: the values (`values`, listed
    // with their meaning in `--help` when any has one), default, variable.
    let mut values_note = None;
    let mut value_lines = Vec::new();
    let values: Vec<_> = a.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() && a.get_action().takes_values() {
        a = a.hide_possible_values(true);
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        values_note = Some(l.ta("note.possible_values", &[("values", &names.join(", "))]));
        if values.iter().any(|v| v.get_help().is_some()) {
            value_lines = values
                .iter()
                .map(|v| match v.get_help() {
                    Some(_) => format!("- {}: {}", v.get_name(), l.t(&key_in(key, v.get_name()))),
                    None => format!("- {}", v.get_name()),
                })
                .collect();
        }
    }
    let mut notes = Vec::new();
    let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.iter().all(String::is_empty) && !a.is_hide_default_value_set() {
        a = a.hide_default_value(true);
        notes.push(l.ta("note.default", &[("value", &defaults.join(", "))]));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        notes.push(l.ta("note.env", &[("name", &env.to_string_lossy())]));
        a = a.hide_env(true);
    }
    let text = text.or_else(|| a.get_help().map(ToString::to_string)).unwrap_or_default();
    let short = [Some(&text), values_note.as_ref()].into_iter().flatten().chain(&notes).filter(|t| !t.is_empty());
    a = a.help(short.map(String::as_str).collect::<Vec<_>>().join(" "));
    if value_lines.is_empty() {
        return a.long_help(None);
    }
    // `--help` lists what each value means, laid out as clap does in English.
    let mut long: Vec<String> = [text].into_iter().filter(|t| !t.is_empty()).chain([String::new()]).collect();
    long.push(l.t("note.values_heading").to_string());
    long.extend(value_lines);
    if !notes.is_empty() {
        long.push(String::new());
        long.extend(notes);
    }
    a.long_help(long.join("\n").trim_start().to_string())
}

/// A value's placeholder in this language (`DATE` → `FECHA`), by the
/// message `value.<name>` (lower case, other characters as `_`).
fn value_name(l: &I18n, name: &str) -> String {
    let k = value_key(name);
    if l.has(&k) { l.t(&k).to_string() } else { name.to_string() }
}

fn value_key(name: &str) -> String {
    let slug: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    format!("value.{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command's about and every flag's help, with its English.
    fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let key = |part: &str| key_in(path, part);
        if let Some(a) = cmd.get_about() {
            out.push((key("about"), a.to_string()));
        }
        if let Some(a) = cmd.get_long_about() {
            out.push((key("long_about"), a.to_string()));
        }
        if let Some(a) = cmd.get_after_help() {
            out.push((key("after_help"), a.to_string()));
        }
        for a in cmd.get_arguments().filter(|a| !a.is_global_set() || path.is_empty()) {
            let k = key(a.get_id().as_str());
            if let Some(h) = a.get_help() {
                out.push((k.clone(), h.to_string()));
            }
            for v in a.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
                if let Some(h) = v.get_help() {
                    out.push((format!("{k}.{}", v.get_name()), h.to_string()));
                }
            }
            for n in a.get_value_names().filter(|_| a.get_action().takes_values()).unwrap_or_default() {
                out.push((value_key(n), n.to_string()));
            }
        }
        for s in cmd.get_subcommands() {
            texts(s, &key(s.get_name()), out);
        }
    }

    /// clap's own checks (no two flags alike, every id known) hold for the
    /// command line in every language, and a command still parses.
    #[test]
    fn the_command_line_in_every_language_is_sound() {
        for lang in Lang::ALL {
            let cmd = localized_in(crate::cli::Cli::command(), lang);
            cmd.clone().debug_assert();
            let m = cmd.try_get_matches_from(["retrowalk", "log", "--pain-before", "2", "--no-symptoms"]).unwrap();
            assert_eq!(m.subcommand_name(), Some("log"));
        }
        let help = localized_in(crate::cli::Cli::command(), Lang::Es).render_help().to_string();
        assert!(help.contains("Órdenes:") && help.contains("Qué hacer hoy y por qué"), "{help}");
        // A documented choice lists its values with their meaning, as clap lays it out in English.
        let mut cmd = localized_in(crate::cli::Cli::command(), Lang::Es);
        let export = cmd.find_subcommand_mut("export").unwrap().render_long_help().to_string();
        assert!(export.contains("Valores posibles:\n") && export.contains("- fhir: Un Bundle FHIR R4"), "{export}");
        assert!(export.contains("[por defecto: sessions]") && !export.contains("Possible"), "{export}");
    }

    #[test]
    fn every_command_and_flag_has_its_help_in_every_language() {
        let mut all = Vec::new();
        texts(&crate::cli::Cli::command(), "", &mut all);
        all.extend(OWN.iter().chain(crate::usage_error::MESSAGES).map(|k| (k.to_string(), String::new())));
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            // Strictly: a syntax error or a repeated id fails here, by name.
            let l = I18n::parse(lang, SPANISH).unwrap_or_else(|e| panic!("help/{}.ftl: {e}", lang.code()));
            let missing: Vec<String> = all
                .iter()
                .filter(|(k, _)| !l.has(k))
                .map(|(k, en)| format!("{} = {en}", k.replace('.', "-")))
                .collect();
            assert!(missing.is_empty(), "{}: no help for\n{}", lang.code(), missing.join("\n"));
        }
        // And no message for a command or flag that is gone.
        let known: std::collections::BTreeSet<String> = all.iter().map(|(k, _)| k.replace('.', "-")).collect();
        let stale: Vec<&str> = SPANISH
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
            .filter(|id| !id.starts_with('#') && !known.contains(*id))
            .collect();
        assert!(stale.is_empty(), "help/es.ftl: no such command or flag: {stale:?}");
    }
}
