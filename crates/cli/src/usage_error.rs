//! A mistyped command line in the terminal's language. English keeps clap's
//! own words and layout; another language says each kind of mistake from
//! the `error-*` messages of `help/<code>.ftl`, with the same details clap
//! gives (what was typed, what would do, the usage, where help is).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use words::{I18n, Lang};

/// Every message this module says, for the test that holds each language
/// to all of them.
#[cfg(test)]
pub(crate) const MESSAGES: &[&str] = &[
    "error.unknown_argument",
    "error.unknown_command",
    "error.value_missing",
    "error.invalid_value",
    "error.not_whole_number",
    "error.number_out_of_range",
    "error.not_a_number",
    "error.possible_values",
    "error.missing_required",
    "error.missing_command",
    "error.commands",
    "error.used_twice",
    "error.cannot_be_used_with",
    "error.cannot_be_used_with_these",
    "error.unexpected_value",
    "error.wrong_number",
    "error.no_equals",
    "error.invalid_utf8",
    "error.similar",
    "error.pass_as_value",
    "error.exists",
    "error.remove_dashes",
    "error.tip",
    "error.try_help",
];

/// Prints `e` as clap would, in the terminal's language, and exits with
/// clap's code (2 for a mistake; help and version go to standard output).
pub fn exit(e: clap::Error) -> ! {
    if let Some(text) = crate::help::catalogue(Lang::from_env()).and_then(|l| said(&e, &l)) {
        use std::io::Write;
        // As clap does, a closed standard error is no reason to panic.
        let _ = std::io::stderr().write_all(text.as_bytes());
        std::process::exit(e.exit_code());
    }
    e.exit()
}

/// The mistake in `l`'s words; `None` for help and version (already in
/// the language) and for a kind clap gives no details of.
fn said(e: &clap::Error, l: &I18n) -> Option<String> {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => Some(v.clone()),
        _ => None,
    };
    let number = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let lines = |v: Vec<String>| v.iter().map(|s| format!("\n  {s}")).collect::<String>();
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let headline = match e.kind() {
        ErrorKind::UnknownArgument => l.ta("error.unknown_argument", &[("arg", &arg?)]),
        ErrorKind::InvalidSubcommand => {
            l.ta("error.unknown_command", &[("command", &text(ContextKind::InvalidSubcommand)?)])
        }
        ErrorKind::InvalidValue => {
            let arg = arg?;
            let mut s = match value?.as_str() {
                "" => l.ta("error.value_missing", &[("arg", &arg)]),
                value => l.ta("error.invalid_value", &[("value", value), ("arg", &arg)]),
            };
            if let Some(values) = list(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                s += &format!("\n  {}", l.ta("error.possible_values", &[("values", &values.join(", "))]));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let headline = l.ta("error.invalid_value", &[("value", &value?), ("arg", &arg?)]);
            match why_not(e, l) {
                Some(why) => format!("{headline}: {why}"),
                None => headline,
            }
        }
        ErrorKind::MissingRequiredArgument => {
            l.t("error.missing_required").to_string() + &lines(list(ContextKind::InvalidArg)?)
        }
        ErrorKind::MissingSubcommand => {
            let mut s = l.ta("error.missing_command", &[("command", &text(ContextKind::InvalidSubcommand)?)]);
            if let Some(values) = list(ContextKind::ValidSubcommand).filter(|v| !v.is_empty()) {
                s += &format!("\n  {}", l.ta("error.commands", &[("values", &values.join(", "))]));
            }
            s
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg.or_else(|| text(ContextKind::InvalidSubcommand))?;
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => l.ta("error.used_twice", &[("arg", &arg)]),
                Some(ContextValue::String(prior)) => {
                    l.ta("error.cannot_be_used_with", &[("arg", &arg), ("other", &format!("'{prior}'"))])
                }
                Some(ContextValue::Strings(prior)) => {
                    l.ta("error.cannot_be_used_with_these", &[("arg", &arg)]) + &lines(prior.clone())
                }
                _ => return None,
            }
        }
        ErrorKind::TooManyValues => l.ta("error.unexpected_value", &[("value", &value?), ("arg", &arg?)]),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(ContextKind::ExpectedNumValues).or_else(|| number(ContextKind::MinValues))?;
            let given = number(ContextKind::ActualNumValues)?;
            let args = [("arg", arg?), ("expected", expected), ("given", given)];
            l.ta("error.wrong_number", &args.each_ref().map(|(k, v)| (*k, v.as_str())))
        }
        ErrorKind::NoEquals => l.ta("error.no_equals", &[("arg", &arg?)]),
        ErrorKind::InvalidUtf8 => l.t("error.invalid_utf8").to_string(),
        _ => return None,
    };
    let mut out = format!("error: {headline}");
    let tips = tips(e, l);
    if !tips.is_empty() {
        out += "\n";
        for tip in tips {
            out += &format!("\n  {tip}");
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage =
            usage.strip_prefix("Usage:").map_or(usage.clone(), |rest| format!("{}{rest}", l.t("heading.usage")));
        out += &format!("\n\n{}", usage.trim_end());
    }
    out += &format!("\n\n{}\n", l.ta("error.try_help", &[("flag", "--help")]));
    Some(out)
}

/// Why a value was refused, when clap's parser says: a number that is not
/// one, or out of range. Other reasons are the parser's own words.
fn why_not(e: &clap::Error, l: &I18n) -> Option<String> {
    use std::num::IntErrorKind;
    let source = std::error::Error::source(e)?;
    if let Some(int) = source.downcast_ref::<std::num::ParseIntError>() {
        let key = match int.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "error.number_out_of_range",
            _ => "error.not_whole_number",
        };
        return Some(l.t(key).to_string());
    }
    if source.downcast_ref::<std::num::ParseFloatError>().is_some() {
        return Some(l.t("error.not_a_number").to_string());
    }
    let said = source.to_string();
    // clap's own range check ("5000000000 is not in 0..=4294967295").
    if said.contains(" is not in ") {
        return Some(l.t("error.number_out_of_range").to_string());
    }
    Some(said)
}

/// clap's tips ("a similar argument exists: '--pain-peak'"), said here.
fn tips(e: &clap::Error, l: &I18n) -> Vec<String> {
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "command"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        let names = match e.get(kind) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::Strings(v)) => v.clone(),
            _ => continue,
        };
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let count = if names.len() == 1 { "one" } else { "other" };
        tips.push(l.ta("error.similar", &[("what", what), ("count", count), ("names", &quoted.join(", "))]));
    }
    if let Some(ContextValue::StyledStrs(suggested)) = e.get(ContextKind::Suggested) {
        tips.extend(suggested.iter().map(|s| suggestion(&s.to_string(), l)));
    }
    tips
}

/// One of clap's free-text tips, recognised by its shape and said with the
/// names it quotes; a tip of another shape is kept as clap wrote it.
fn suggestion(tip: &str, l: &I18n) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    let said = match quoted.as_slice() {
        [arg, use_] if tip.starts_with("to pass ") => Some(l.ta("error.pass_as_value", &[("arg", arg), ("use", use_)])),
        [command, "--"] if tip.starts_with("subcommand ") => Some(l.ta("error.remove_dashes", &[("command", command)])),
        [it] if tip.ends_with("' exists") => Some(l.ta("error.exists", &[("it", it)])),
        _ => None,
    };
    said.unwrap_or_else(|| format!("{}: {tip}", l.t("error.tip")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn spanish(args: &[&str]) -> String {
        let l = crate::help::catalogue(Lang::Es).unwrap();
        let cmd = crate::help::localized_in(crate::cli::Cli::command(), Lang::Es);
        let e = cmd.try_get_matches_from(args).unwrap_err();
        said(&e, &l).unwrap_or_else(|| panic!("not said: {e}"))
    }

    #[test]
    fn a_mistyped_command_line_is_said_in_spanish() {
        let out = spanish(&["retrowalk", "log", "--pain-peek", "3"]);
        assert!(out.starts_with("error: no se esperaba '--pain-peek'"), "{out}");
        assert!(out.contains("'--pain-peak'") && out.contains("Uso: retrowalk log"), "{out}");
        assert!(out.contains("Para saber más, pruebe '--help'."), "{out}");
        let out = spanish(&["retrowalk", "lgo"]);
        assert!(out.contains("no existe la orden 'lgo'") && out.contains("Uso: retrowalk [OPCIONES] <ORDEN>"), "{out}");
        let out = spanish(&["retrowalk", "plna"]);
        assert!(out.contains("consejo: hay una orden parecida: 'plan'"), "{out}");
        let out = spanish(&["retrowalk", "audit", "--limit", "5000000000"]);
        assert!(out.contains("el número es demasiado grande o demasiado pequeño"), "{out}");
        let out = spanish(&["retrowalk", "export", "--format"]);
        assert!(out.contains("necesita un valor") && out.contains("valores posibles: json, csv, fhir"), "{out}");
        let out = spanish(&["retrowalk", "log", "--pain-peak", "alto"]);
        assert!(out.contains("'alto'") && out.contains("un número entero"), "{out}");
        let out = spanish(&["retrowalk", "export", "--format", "pdf"]);
        assert!(out.contains("valores posibles: json, csv, fhir"), "{out}");
        let out = spanish(&["retrowalk", "motion", "analyse"]);
        assert!(out.contains("<ARCHIVO>"), "{out}");
        for out in [
            spanish(&["retrowalk", "log", "--pain-peek", "3"]),
            spanish(&["retrowalk", "export", "--format", "pdf"]),
            spanish(&["retrowalk", "motion", "analyse"]),
            spanish(&["retrowalk", "log", "--pain-peak"]),
            spanish(&["retrowalk", "log", "--pain-peak", "99999999999999999999"]),
        ] {
            for english in ["unexpected", "invalid value", "possible values", "required", "Usage", "tip", "try"] {
                assert!(!out.contains(english), "English '{english}' in:\n{out}");
            }
        }
    }

    /// Every message the code says is in [`MESSAGES`], which the help test
    /// holds each language to.
    #[test]
    fn every_message_said_is_listed() {
        let code = include_str!("usage_error.rs");
        let code = &code[..code.find("#[cfg(test)]\nmod tests").unwrap_or(code.len())];
        for said in code.split('"').filter(|s| s.starts_with("error.") && !s.contains(' ')) {
            assert!(MESSAGES.contains(&said), "{said} is said but not in MESSAGES");
        }
    }

    /// Each of clap's tips that has a shape is said in the language.
    #[test]
    fn clap_tips_are_recognised() {
        let l = crate::help::catalogue(Lang::Es).unwrap();
        let said = suggestion("to pass '-3' as a value, use '-- -3'", &l);
        assert!(said.contains("'-3'") && said.contains("'-- -3'") && !said.contains("to pass"), "{said}");
        let said = suggestion("'clinic --walker' exists", &l);
        assert!(said.contains("'clinic --walker'") && !said.contains("exists"), "{said}");
        let said = suggestion("subcommand 'log' exists; to use it, remove the '--' before it", &l);
        assert!(said.contains("'log'") && !said.contains("remove"), "{said}");
    }
}
