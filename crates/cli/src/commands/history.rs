//! `retrowalk history`: each session, its next-morning pain and what followed.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render;

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let entries = service::history(&state);
    emit(g.json, &entries, || {
        let t = render::terminal();
        let imported = match state.activities.len() {
            0 => String::new(),
            n => format!("{}\n", t.ta("cli.history.imported", &[("n", &n.to_string())])),
        };
        if entries.is_empty() {
            return format!("{}\n{imported}", t.t("cli.history.none"));
        }
        let rows: Vec<Vec<String>> = entries
            .iter()
            .map(|e| {
                let l = &e.session;
                let d = e.decision.as_ref();
                vec![
                    l.date.to_string(),
                    l.minutes.to_string(),
                    format!("{}/{}/{}", l.pain_before.value(), l.pain_peak.value(), l.pain_after.value()),
                    e.morning_pain.map_or("-".into(), |p| p.to_string()),
                    if l.symptoms.is_empty() {
                        "-".into()
                    } else {
                        l.symptoms
                            .iter()
                            .map(|s| words::coach_words::symptom_label(&t, *s))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    d.map_or("-".into(), |d| t.t(&format!("cli.history.action.{}", d.action.as_str())).to_string()),
                    d.map_or("-".into(), |d| {
                        d.dose.map_or(t.t("cli.history.stopped").to_string(), |x| format!("{} min", x.minutes))
                    }),
                    d.map_or("-".into(), |d| d.rule.clone()),
                ]
            })
            .collect();
        let head = ["date", "min", "pains", "morning", "symptoms", "decision", "next", "rule"]
            .map(|c| t.t(&format!("cli.history.col.{c}")).to_string());
        let mut s = render::table(&head.each_ref().map(String::as_str), &rows);
        match state.pause() {
            // Paused: where things stand is the pause, in the walker's words.
            Some(p) => s.push_str(&format!("\n{}", render::pause(&p, &state.screen.outcome))),
            None => {
                if let Some(d) = entries.last().and_then(|e| e.decision.as_ref()) {
                    s.push_str(&format!("\n{}\n", t.ta("cli.history.latest", &[("why", &render::why(d))])));
                }
            }
        }
        s.push_str(&imported);
        s
    })
}
