//! Questions asked on the terminal. Questions go to standard error so that
//! standard output stays clean for `--json`; answers come from standard input,
//! which may be a terminal or a script.

use crate::error::{CliError, CliResult};
use std::io::{BufRead, Write};

pub struct Prompter<R, W> {
    input: R,
    output: W,
}

pub fn stdio() -> Prompter<std::io::StdinLock<'static>, std::io::Stderr> {
    Prompter { input: std::io::stdin().lock(), output: std::io::stderr() }
}

impl<R: BufRead, W: Write> Prompter<R, W> {
    pub fn say(&mut self, text: &str) -> CliResult<()> {
        writeln!(self.output, "{text}")?;
        Ok(())
    }

    /// One line of input. End of input is bad input: the question names what
    /// was still needed, so a script knows which flag to add.
    fn line(&mut self, question: &str, default: Option<&str>) -> CliResult<String> {
        match default {
            Some(d) => write!(self.output, "{question} [{d}]: ")?,
            None => write!(self.output, "{question}: ")?,
        }
        self.output.flush()?;
        let mut buf = String::new();
        if self.input.read_line(&mut buf)? == 0 {
            let l = crate::render::terminal();
            return Err(CliError::input(l.ta("cli.err.input_ended", &[("question", question)])));
        }
        let answer = buf.trim().to_string();
        Ok(match (answer.is_empty(), default) {
            (true, Some(d)) => d.to_string(),
            _ => answer,
        })
    }

    /// Asks until the answer parses, up to three times.
    pub fn ask<T>(
        &mut self,
        question: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> CliResult<T>,
    ) -> CliResult<T> {
        let mut last = None;
        for _ in 0..3 {
            let text = self.line(question, default)?;
            match parse(&text) {
                Ok(v) => return Ok(v),
                Err(e) => {
                    writeln!(self.output, "  {e}")?;
                    last = Some(e);
                }
            }
        }
        let l = crate::render::terminal();
        Err(last.unwrap_or_else(|| CliError::input(l.ta("cli.err.no_answer", &[("question", question)]))))
    }

    /// A yes or no, in the terminal's language (English "y" and "n" are
    /// understood in every language).
    pub fn yes_no(&mut self, question: &str, default: Option<bool>) -> CliResult<bool> {
        let l = crate::render::terminal();
        let (yes, no) = (l.t("cli.ask.yes").to_string(), l.t("cli.ask.no").to_string());
        let d = default.map(|b| if b { yes.clone() } else { no.clone() });
        let hint = format!("{question} ({yes}/{no})");
        self.ask(&hint, d.as_deref(), |t| match t.to_lowercase().as_str() {
            "y" | "yes" => Ok(true),
            "n" | "no" => Ok(false),
            // "si" is "sí" typed without its accent, as it usually is.
            a if a == yes || a == l.t("cli.ask.yes_word") || a == l.t("cli.ask.yes_plain") => Ok(true),
            a if a == no => Ok(false),
            _ => Err(CliError::input(l.ta("cli.ask.yes_or_no", &[("yes", &yes), ("no", &no), ("typed", t)]))),
        })
    }

    pub fn pain(&mut self, question: &str, default: Option<&str>) -> CliResult<coach::Pain> {
        let l = crate::render::terminal();
        self.ask(&format!("{question} {}", l.t("cli.ask.pain_scale")), default, |t| {
            // Out of range is said like not a number: in the walker's words.
            let wrong = || CliError::input(l.ta("cli.ask.pain_number", &[("typed", t)]));
            let n: i64 = t.parse().map_err(|_| wrong())?;
            coach::Pain::new(n).map_err(|_| wrong())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_then_accepts_and_reports_end_of_input() {
        let mut p = Prompter { input: "maybe\ny\n".as_bytes(), output: Vec::new() };
        assert!(p.yes_no("Ready?", None).unwrap());
        // Without a default, Enter is no answer: asked again, then refused.
        let mut p = Prompter { input: "\n\n\n".as_bytes(), output: Vec::new() };
        assert!(p.yes_no("Since the session: did you fall?", None).is_err());
        let mut p = Prompter { input: "12\n3\n".as_bytes(), output: Vec::new() };
        assert_eq!(p.pain("Pain now", None).unwrap().value(), 3);
        assert!(String::from_utf8(p.output).unwrap().contains("pain is a whole number 0 to 10, not '12'"));
        let mut p = Prompter { input: "".as_bytes(), output: Vec::new() };
        let err = p.pain("Pain now", None).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("Pain now"));
    }
}
