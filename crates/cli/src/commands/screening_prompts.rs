//! The screening asked one topic at a time, in plain words.

use crate::error::{CliError, CliResult};
use crate::prompt::Prompter;
use coach::screening::{Answers, QUESTIONS, Topic};
use std::io::{BufRead, Write};
use words::I18n;
use words::coach_words::question;

/// Asks every question in the terminal's language, a topic at a time.
pub fn ask<R: BufRead, W: Write>(p: &mut Prompter<R, W>) -> CliResult<Answers> {
    let l = crate::render::terminal();
    let mut answers = Answers::default();
    for (topic, intro) in [(Topic::GeneralHealth, "general"), (Topic::Knee, "knee"), (Topic::Balance, "balance")] {
        p.say(&format!("\n{}", l.t(&format!("cli.screen.{intro}"))))?;
        for q in QUESTIONS.iter().filter(|q| q.topic == topic) {
            answers.answers.insert(q.id, p.yes_no(&question(&l, q.id), None)?);
        }
    }
    p.say(&format!("\n{}", l.t("cli.screen.timed")))?;
    answers.tug_seconds = optional_seconds(p, &l, l.t("cli.screen.tug"))?;
    answers.backward_3m_seconds = optional_seconds(p, &l, l.t("cli.screen.backward"))?;
    answers.validate()?;
    Ok(answers)
}

fn optional_seconds<R: BufRead, W: Write>(p: &mut Prompter<R, W>, l: &I18n, question: &str) -> CliResult<Option<f64>> {
    let skip = l.t("cli.screen.skip");
    p.ask(question, Some(skip), |t| {
        if t == skip || t == "skip" {
            return Ok(None);
        }
        // A decimal comma is as good as a point.
        t.replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s > 0.0 && *s <= 300.0)
            .map(Some)
            .ok_or_else(|| CliError::input(l.ta("cli.screen.not_seconds", &[("typed", t)])))
    })
}
