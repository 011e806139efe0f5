//! The screening asked one topic at a time, in plain words.

use crate::error::{CliError, CliResult};
use crate::prompt::Prompter;
use coach::screening::{Answers, QUESTIONS, Topic};
use std::io::{BufRead, Write};

pub fn ask<R: BufRead, W: Write>(p: &mut Prompter<R, W>) -> CliResult<Answers> {
    let mut answers = Answers::default();
    for (topic, intro) in [
        (Topic::GeneralHealth, "First, your general health."),
        (Topic::Knee, "Now, your knee. These questions look for problems that need a clinician before any exercise."),
        (Topic::Balance, "Last, your balance."),
    ] {
        p.say(&format!("\n{intro}"))?;
        for q in QUESTIONS.iter().filter(|q| q.topic == topic) {
            answers.answers.insert(q.id, p.yes_no(q.text, None)?);
        }
    }
    p.say("\nIf a clinician has timed you, enter the times; otherwise press Enter.")?;
    answers.tug_seconds = optional_seconds(p, "Timed Up and Go, seconds")?;
    answers.backward_3m_seconds = optional_seconds(p, "3-metre backward walk, seconds")?;
    answers.validate()?;
    Ok(answers)
}

fn optional_seconds<R: BufRead, W: Write>(p: &mut Prompter<R, W>, question: &str) -> CliResult<Option<f64>> {
    p.ask(question, Some("skip"), |t| {
        if t == "skip" {
            return Ok(None);
        }
        t.parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s > 0.0 && *s <= 300.0)
            .map(Some)
            .ok_or_else(|| CliError::input(format!("enter seconds (e.g. 9.5) or press Enter, not '{t}'")))
    })
}
