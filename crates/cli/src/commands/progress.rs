//! `retrowalk progress`: weekly minutes against the plan, pain trend, adherence.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render::{self, opt};

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let view = service::progress(&state);
    emit(g.json, &view, || {
        let l = render::terminal();
        if view.weeks.is_empty() {
            return format!("{}\n", l.ta("cli.progress_starts", &[("date", &l.full_date(&state.programme.start()))]));
        }
        let table: Vec<Vec<String>> = view
            .weeks
            .iter()
            .map(|r| {
                vec![
                    r.week.to_string(),
                    l.short_date(&r.start),
                    format!("{}/{}", r.done_sessions, r.due_sessions),
                    r.adherence_pct.map_or_else(|| "-".into(), |a| format!("{a}%")),
                    format!("{}/{}", r.done_minutes, r.planned_minutes),
                    words::coach_words::decimal(&l, opt(r.pain_before)),
                    words::coach_words::decimal(&l, opt(r.pain_peak)),
                    words::coach_words::decimal(&l, opt(r.pain_after)),
                    words::coach_words::decimal(&l, opt(r.pain_next_morning)),
                ]
            })
            .collect();
        let headers: Vec<String> =
            ["week", "from", "done_due", "adherence", "minutes", "pain_before", "peak", "after", "next_morning"]
                .iter()
                .map(|h| l.t(&format!("cli.progress_col.{h}")).to_string())
                .collect();
        let mut s = render::table(&headers.iter().map(String::as_str).collect::<Vec<_>>(), &table);
        match view.adherence_pct {
            Some(a) => s.push_str(&format!("\n{}\n", l.ta("cli.progress_adherence", &[("pct", &a.to_string())]))),
            None => s.push_str(&format!("\n{}\n", l.t("progress.none_due"))),
        }
        if let Some(c) = view.pain_after_change {
            let change = words::coach_words::pain_change(&l, c);
            s.push_str(&format!("{} {change}.\n", l.t("progress.pain_change")));
        }
        s
    })
}
