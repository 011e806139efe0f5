//! `retrowalk plan`: the programme week by week, with the adapted dose.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render;
use service::PlanView;
use std::fmt::Write;
use words::coach_words;

/// The plan in the terminal's language (see `render`).
fn text(plan: &PlanView, state: &service::State) -> String {
    let l = render::terminal();
    let mut s = String::new();
    let (start, end) = (plan.start.to_string(), plan.end.to_string());
    let supported = if plan.supported_only { format!(" {}", l.t("cli.plan_supported_only")) } else { String::new() };
    let _ = writeln!(s, "{}{supported}", l.ta("cli.plan_programme", &[("start", &start), ("end", &end)]));
    if let Some(p) = &plan.pause {
        // Nothing below carries a dose while paused (until a signed
        // restart's day); say why first.
        s.push_str(&render::pause(p, &state.screen.outcome));
    }
    for n in &plan.notices {
        let _ = writeln!(s, "! {} [{}]", coach_words::notice(&l, &state.programme, n), n.rule);
    }
    if let Some(d) = &plan.current {
        let _ = writeln!(s, "{}", l.ta("cli.plan_current", &[("why", &render::why(d))]));
    }
    for w in &plan.weeks {
        let n = |v: u32| v.to_string();
        let (week, from, retro) = (n(w.week), l.short_date(&w.start), n(w.retro_minutes));
        let (aerobic, goal) = (n(w.aerobic_minutes), n(w.aerobic_goal));
        let done = if w.aerobic_done > 0 {
            l.ta("cli.plan_aerobic_done", &[("minutes", &n(w.aerobic_done))])
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "\n{}{done}",
            l.ta(
                "cli.plan_week",
                &[("week", week.as_str()), ("from", &from), ("retro", &retro), ("aerobic", &aerobic), ("goal", &goal)]
            )
        );
        for d in &w.days {
            let day = l.short_date(&d.date);
            if let Some(r) = &d.retro {
                let summary = match r.dose {
                    Some(dose) => coach_words::summary(&l, &dose, w.week, plan.supported_only),
                    None if r.status == "paused" => l.t("plan.paused_line").to_string(),
                    None => l.t("plan.stopped_line").to_string(),
                };
                let _ = writeln!(s, "  {day}  {:<7}  {summary}", l.t(&format!("plan.{}", r.status)));
            }
            for a in &d.activities {
                let _ = writeln!(s, "  {day}  {} {}", l.t("plan.imported"), coach_words::activity_summary(&l, a));
            }
        }
    }
    if !plan.exercises.is_empty() {
        let _ = writeln!(s, "\n{}", l.t("cli.plan_schedule"));
    }
    for e in plan.exercises.iter().filter_map(|v| coach::exercises::find(v.id)) {
        let _ = writeln!(s, "\n{} — {}", coach_words::exercise_name(&l, e), coach_words::exercise_why(&l, e));
        for (i, step) in coach_words::exercise_steps(&l, e).iter().enumerate() {
            let _ = writeln!(s, "  {}. {step}", i + 1);
        }
    }
    let _ = writeln!(s, "\n{}", l.t("cli.not_advice"));
    s
}

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let plan = service::plan(&state);
    emit(g.json, &plan, || text(&plan, &state))
}
