//! `retrowalk plan`: the programme week by week, with the adapted dose.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render;
use service::PlanView;
use std::fmt::Write;

fn text(plan: &PlanView) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Programme {} to {}{}",
        plan.start,
        plan.end,
        if plan.supported_only { " (supported-only)" } else { "" }
    );
    if let Some(p) = &plan.pause {
        // Nothing below carries a dose while paused; say why first.
        s.push_str(&render::pause(p));
    }
    for n in &plan.notices {
        let _ = writeln!(s, "! {} [{}]", n.text, n.rule);
    }
    if let Some(d) = &plan.current {
        let _ = writeln!(s, "Current dose: {}", render::why(d));
    }
    for w in &plan.weeks {
        let _ = writeln!(
            s,
            "\nWeek {} (from {}): {} min backward + {} min aerobic planned, toward {} min a week{}",
            w.week,
            w.start.strftime("%a %-d %b"),
            w.retro_minutes,
            w.aerobic_minutes,
            w.aerobic_goal,
            if w.aerobic_done > 0 {
                format!("; {} min aerobic done (imported)", w.aerobic_done)
            } else {
                String::new()
            }
        );
        for d in &w.days {
            if let Some(r) = &d.retro {
                let _ = writeln!(s, "  {}  {:<7}  {}", d.date.strftime("%a %-d %b"), r.status, r.summary);
            }
            for a in &d.imported {
                let _ = writeln!(s, "  {}  imported {a}", d.date.strftime("%a %-d %b"));
            }
        }
    }
    if !plan.exercises.is_empty() {
        let _ = writeln!(
            s,
            "\nWith every backward session: strengthening. Every day: stretching. Other days: aerobic activity."
        );
    }
    for e in &plan.exercises {
        let _ = writeln!(s, "\n{} — {}", e.name, e.why);
        for (i, step) in e.steps.iter().enumerate() {
            let _ = writeln!(s, "  {}. {step}", i + 1);
        }
    }
    let _ = writeln!(s, "\n{}", render::NOT_ADVICE);
    s
}

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let plan = service::plan(&state);
    emit(g.json, &plan, || text(&plan))
}
