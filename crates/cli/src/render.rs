//! Text output: the words and tables a walker reads in the terminal.

use coach::adaptation::Decision;
use coach::pause::Pause;
use coach::screening::Outcome;
use coach::today::{Kind, TodayView};
use std::fmt::Write;
use words::{I18n, Lang, coach_words};

/// A screening's outcome in the terminal's language: what it means, what to
/// do now and each reason with its rule and sources.
pub fn outcome(o: &Outcome) -> String {
    let l = terminal();
    let mut s = String::new();
    let label = l.t(&format!("cli.outcome.{}", o.status.as_str())).to_string();
    let _ = writeln!(s, "{}", l.ta("cli.outcome.title", &[("outcome", &label)]));
    let _ = writeln!(s, "{}", coach_words::screen_status(&l, o.status).1);
    for r in &o.reasons {
        let _ = writeln!(s, "  - {} [{}; {}]", coach_words::screen_reason(&l, r), r.rule, r.evidence.join(", "));
    }
    let _ = writeln!(s, "{}", l.ta("cli.outcome.rules", &[("version", &o.rules_version)]));
    s
}

/// The terminal's language (`LC_ALL`, `LC_MESSAGES`, `LANG`): the walker's
/// daily words (today, a pause) are said in it.
pub fn terminal() -> I18n {
    I18n::of(Lang::from_env())
}

/// A pause or stop as the walker reads it: when it follows a log or check-in
/// it is the first and only message (what happened, what to do now, the
/// urgent signs, what ends it). `screen`: the walker's screening, whose
/// reasons a screening's pause says in the terminal's language.
pub fn pause(p: &Pause, screen: &coach::screening::Outcome) -> String {
    let l = terminal();
    let w = coach_words::pause_words(&l, p, Some(screen));
    let mut s = String::new();
    let title = l.t(if p.kind.is_red_flag() { "cli.stop" } else { "cli.paused" });
    let headline = w.headline.split_once(": ").filter(|(h, _)| p.kind.is_red_flag() && h.len() < 8);
    let headline = headline.map_or(w.headline.as_str(), |(_, rest)| rest);
    let _ = writeln!(s, "{title}: {headline}");
    for r in &w.reasons {
        let _ = writeln!(s, "  {r}");
    }
    let _ = writeln!(s, "\n{}", l.ta("cli.do_now", &[("text", &w.do_now)]));
    if !w.urgent.is_empty() {
        let _ = writeln!(s, "\n{}", coach_words::urgent_signs(&l).0);
        for u in &w.urgent {
            let _ = writeln!(s, "  - {u}");
        }
    }
    let _ = writeln!(s, "\n{}", l.ta("cli.ends_when", &[("text", &w.ends_when)]));
    let _ = writeln!(s, "{}", l.ta("cli.pause_rule", &[("rule", &p.rule)]));
    let _ = writeln!(s, "\n{}", l.t("cli.not_advice"));
    s
}

pub fn why(d: &Decision) -> String {
    why_in(&terminal(), d)
}

fn why_in(l: &I18n, d: &Decision) -> String {
    let sources = d.evidence.join(", ");
    let cite = l.ta("cli.why_rule", &[("rule", &d.rule), ("evidence", &sources)]);
    format!("{} {cite}", coach_words::reason(l, d))
}

pub fn today(v: &TodayView, state: &service::State) -> String {
    let l = terminal();
    let mut s = String::new();
    let (week, date) = (v.week.to_string(), l.date_with_year(&v.date));
    let _ = writeln!(s, "{}", l.ta("cli.today_title", &[("date", &date), ("week", &week)]));
    if let Some(p) = &v.pause {
        s.push_str(&pause(p, &state.screen.outcome));
        if let Some(d) = v.checkin_due_for.filter(|_| !p.kind.is_red_flag()) {
            let _ = writeln!(s, "\n{}", l.ta("cli.checkin_when_paused", &[("date", &d.to_string())]));
        }
        return s;
    }
    let headline = if l.lang() == Lang::En { v.headline.clone() } else { coach_words::headline(&l, v) };
    let _ = writeln!(s, "{headline}");
    for n in &v.notices {
        let _ = writeln!(s, "  ! {} [{}]", coach_words::notice(&l, &state.programme, n), n.rule);
    }
    for r in &v.reasons {
        let _ = writeln!(s, "  - {r}");
    }
    if let Some(d) = v.checkin_due_for {
        let _ = writeln!(s, "\n{}", l.ta("cli.checkin_due", &[("date", &d.to_string())]));
    }
    if let Some(r) = &v.retro {
        let n = |v: u8| v.to_string();
        let bouts: Vec<String> = r.bouts.iter().map(|b| format!("{b} min")).collect();
        let _ = writeln!(s, "\n{}", l.ta("cli.on_the", &[("surface", &coach_words::surface(&l, &r.dose))]));
        let _ = writeln!(s, "  {}", l.ta("cli.warm_up", &[("minutes", &n(r.warm_up_minutes))]));
        if r.bouts.len() == 1 {
            let _ = writeln!(s, "  {}", l.ta("cli.one_go", &[("minutes", &n(r.dose.minutes))]));
        } else {
            let (minutes, count, rest) = (n(r.dose.minutes), r.bouts.len().to_string(), n(r.rest_minutes));
            let bouts = bouts.join(", ");
            let args = [("minutes", minutes.as_str()), ("count", &count), ("bouts", &bouts), ("rest", &rest)];
            let _ = writeln!(s, "  {}", l.ta("cli.bouts", &args));
        }
        let _ = writeln!(s, "     {}", l.ta("cli.speed", &[("speed", &coach_words::speed(&l, &r.dose))]));
        let _ = writeln!(s, "     {}", l.ta("cli.incline", &[("incline", &r.dose.incline_pct.to_string())]));
        let _ = writeln!(s, "     {}", l.ta("cli.support", &[("support", &coach_words::support(&l, &r.dose))]));
        let _ = writeln!(s, "  {}", l.ta("cli.cool_down", &[("minutes", &n(r.cool_down_minutes))]));
        let _ = writeln!(s, "  {}", l.ta("cli.why", &[("why", &why_in(&l, &r.why))]));
        let _ = writeln!(s, "  {}", l.t("cli.safety"));
        for t in coach_words::tips(&l, r.dose.surface) {
            let _ = writeln!(s, "    * {t}");
        }
    }
    if !v.items.is_empty() {
        let _ = writeln!(s, "\n{}", l.t("cli.also"));
        for i in &v.items {
            let (name, dose) =
                (coach_words::exercise_name(&l, i.exercise), coach_words::exercise_dose(&l, i.exercise, v.week));
            let _ = writeln!(s, "  - {name}: {dose}");
        }
        let _ = writeln!(s, "  {}", l.t("cli.also_hint"));
    }
    if matches!(v.kind, Kind::Session | Kind::Done) {
        let _ = writeln!(s, "\n{}", l.t("cli.after"));
    }
    let _ = writeln!(s, "\n{}", l.t("cli.not_advice"));
    s
}

/// A plain text table with left-aligned columns.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| -> String {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        padded.join("  ").trim_end().to_string()
    };
    let mut out = line(headers.iter().map(|h| h.to_string()).collect());
    out.push('\n');
    out.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect()));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.clone()));
        out.push('\n');
    }
    out
}

pub fn opt(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |x| format!("{x:.1}"))
}

/// A progress bar on stderr for `len` items of `unit`, hidden when stderr is
/// not a terminal or output is JSON (scripts read a clean stream).
pub fn progress(len: usize, unit: &str, json: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let bar = indicatif::ProgressBar::new(len as u64);
    if json || !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!("{{bar:30}} {{pos}}/{{len}} {unit} {{msg}}"))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
