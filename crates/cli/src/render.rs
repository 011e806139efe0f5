//! Text output: the words and tables a walker reads in the terminal.

use coach::adaptation::Decision;
use coach::pause::Pause;
use coach::screening::Outcome;
use coach::today::{Kind, TodayView};
use std::fmt::Write;

pub const NOT_ADVICE: &str = "retrowalk is not medical advice: your clinician decides what is right for you.";

pub fn outcome(o: &Outcome) -> String {
    let mut s = String::new();
    let label = match o.status {
        coach::screening::Status::Blocked => "BLOCKED: do not start",
        coach::screening::Status::ClearanceNeeded => "CLEARANCE NEEDED before you start",
        coach::screening::Status::SupportedOnly => "SUPPORTED-ONLY: you may start, always with support",
        coach::screening::Status::Cleared => "CLEARED to start",
    };
    let _ = writeln!(s, "Screening outcome: {label}");
    let _ = writeln!(s, "{}", o.next_step);
    for r in &o.reasons {
        let _ = writeln!(s, "  - {} [{}; {}]", r.text, r.rule, r.evidence.join(", "));
    }
    let _ = writeln!(s, "(rules {})", o.rules_version);
    s
}

/// A pause or stop as the walker reads it: when it follows a log or check-in
/// it is the first and only message (what happened, what to do now, the
/// urgent signs, what ends it).
pub fn pause(p: &Pause) -> String {
    let mut s = String::new();
    let title = if p.kind.is_red_flag() { "STOP" } else { "PAUSED" };
    let headline = p.headline.strip_prefix("Stop: ").unwrap_or(&p.headline);
    let _ = writeln!(s, "{title}: {headline}");
    for r in &p.reasons {
        let _ = writeln!(s, "  {r}");
    }
    let _ = writeln!(s, "\nWhat to do now: {}", p.do_now);
    if !p.urgent.is_empty() {
        let _ = writeln!(s, "\n{}", p.urgent_lead());
        for u in &p.urgent {
            let _ = writeln!(s, "  - {u}");
        }
    }
    let _ = writeln!(s, "\nWhat ends the pause: {}", p.ends_when);
    let _ = writeln!(s, "[rule {}]", p.rule);
    let _ = writeln!(s, "\n{NOT_ADVICE}");
    s
}

pub fn why(d: &Decision) -> String {
    format!("{} [rule {}; evidence: {}]", d.reason, d.rule, d.evidence.join(", "))
}

pub fn today(v: &TodayView) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} — week {}", v.date.strftime("%A %-d %B %Y"), v.week);
    if let Some(p) = &v.pause {
        s.push_str(&pause(p));
        if let Some(d) = v.checkin_due_for.filter(|_| !p.kind.is_red_flag()) {
            let _ = writeln!(
                s,
                "\nYour clinician will want to know how the knee is: `retrowalk checkin --pain N` for {d}."
            );
        }
        return s;
    }
    let _ = writeln!(s, "{}", v.headline);
    for n in &v.notices {
        let _ = writeln!(s, "  ! {} [{}]", n.text, n.rule);
    }
    for r in &v.reasons {
        let _ = writeln!(s, "  - {r}");
    }
    if let Some(d) = v.checkin_due_for {
        let _ = writeln!(s, "\nMorning check-in due for your session on {d}: run `retrowalk checkin --pain N`.");
    }
    if let Some(r) = &v.retro {
        let bouts: Vec<String> = r.bouts.iter().map(|b| format!("{b} min")).collect();
        let _ = writeln!(s, "\nBackward walking on the {}", r.surface);
        let _ = writeln!(s, "  1. Warm up: {} min easy forward walking.", r.warm_up_minutes);
        if r.bouts.len() == 1 {
            let _ = writeln!(s, "  2. Walk backwards {} min in one go.", r.dose.minutes);
        } else {
            let _ = writeln!(
                s,
                "  2. Walk backwards {} min in {} bouts: {} with {} min rest between.",
                r.dose.minutes,
                r.bouts.len(),
                bouts.join(", "),
                r.rest_minutes
            );
        }
        let _ = writeln!(s, "     Speed: {}.", r.speed);
        let _ = writeln!(s, "     Incline: {}%.", r.dose.incline_pct);
        let _ = writeln!(s, "     Support: {}.", r.support);
        let _ = writeln!(s, "  3. Cool down: {} min easy forward walking.", r.cool_down_minutes);
        let _ = writeln!(s, "  Why this dose: {}", why(&r.why));
        let _ = writeln!(s, "  Safety:");
        for t in &r.tips {
            let _ = writeln!(s, "    * {t}");
        }
    }
    if !v.items.is_empty() {
        let _ = writeln!(s, "\nAlso today:");
        for i in &v.items {
            let _ = writeln!(s, "  - {}: {}", i.exercise.name, i.dose);
        }
        let _ = writeln!(s, "  (`retrowalk plan` lists how to do each one and why.)");
    }
    if matches!(v.kind, Kind::Session | Kind::Done) {
        let _ = writeln!(s, "\nAfter the session: `retrowalk log --pain-before N --pain-peak N --pain-after N`.");
    }
    let _ = writeln!(s, "\n{NOT_ADVICE}");
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
