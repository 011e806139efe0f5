//! The private calendar feed: one all-day event per planned backward-walking
//! session, following the adapted plan, each with a reminder at 08:00. While
//! training is paused the feed holds past sessions and one event, today, that
//! says why and what ends the pause: no dose and no reminder to walk until the
//! day a signed restart starts, if one is (`coach::schedule`).
//!
//! Said in the walker's language (`l`): the feed URL carries it.
//!
//! Written directly (RFC 5545: CRLF lines, escaped text, lines folded at 75
//! octets) rather than through the icalendar crate, which would bring chrono
//! beside jiff for a few dozen lines of text. CI parses the output with
//! Python's `icalendar` and checks it against the plan.

use crate::State;
use coach::dates::add_days;
use std::fmt::Write;
use words::I18n;
use words::coach_words::{pause_words, reason, summary};

/// Escapes a TEXT value.
fn text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
    out
}

/// The feed for a walker's plan as it stands `state.today`.
pub fn calendar(state: &State, stamp: jiff::Timestamp, l: &I18n) -> String {
    let tl = state.timeline();
    let p = &state.programme;
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//retrowalk//retrowalk//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:retrowalk",
    ] {
        out.push_str(&fold(line));
    }
    let dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    let schedule = state.schedule();
    for (date, dose) in schedule.sessions.iter().filter_map(|s| Some((s.date, s.dose?))) {
        let week = p.week_of(date);
        let why = tl.in_force(date).map(|d| reason(l, d)).unwrap_or_default();
        let minutes = dose.minutes.to_string();
        let day = date.strftime("%Y%m%d").to_string();
        let mut e = String::new();
        let _ = writeln!(e, "BEGIN:VEVENT");
        let _ = writeln!(e, "UID:{}-{day}@retrowalk", state.walker.id);
        let _ = writeln!(e, "DTSTAMP:{dtstamp}");
        let _ = writeln!(e, "DTSTART;VALUE=DATE:{day}");
        let _ = writeln!(e, "DTEND;VALUE=DATE:{}", add_days(date, 1).strftime("%Y%m%d"));
        let _ = writeln!(e, "SUMMARY:{}", text(&l.ta("cal.summary", &[("minutes", &minutes)])));
        let dose = summary(l, &dose, week, p.limits.supported_only);
        let _ = writeln!(e, "DESCRIPTION:{}", text(&l.ta("cal.description", &[("dose", &dose), ("why", &why)])));
        let _ = writeln!(e, "BEGIN:VALARM");
        let _ = writeln!(e, "ACTION:DISPLAY");
        let _ = writeln!(e, "DESCRIPTION:{}", text(&l.ta("cal.alarm", &[("minutes", &minutes)])));
        let _ = writeln!(e, "TRIGGER;RELATED=START:PT8H");
        let _ = writeln!(e, "END:VALARM");
        let _ = writeln!(e, "END:VEVENT");
        for line in e.lines() {
            out.push_str(&fold(line));
        }
    }
    if let Some(pause) = &schedule.pause {
        let day = state.today.strftime("%Y%m%d").to_string();
        let mut e = String::new();
        let _ = writeln!(e, "BEGIN:VEVENT");
        let _ = writeln!(e, "UID:{}-paused@retrowalk", state.walker.id);
        let _ = writeln!(e, "DTSTAMP:{dtstamp}");
        let _ = writeln!(e, "DTSTART;VALUE=DATE:{day}");
        let _ = writeln!(e, "DTEND;VALUE=DATE:{}", add_days(state.today, 1).strftime("%Y%m%d"));
        let _ = writeln!(e, "SUMMARY:{}", text(l.t("cal.paused")));
        let w = pause_words(l, pause, Some(&state.screen.outcome));
        let mut lines = vec![w.headline];
        lines.extend(w.reasons);
        lines.push(l.ta("cli.do_now", &[("text", &w.do_now)]));
        if !w.urgent.is_empty() {
            lines.push(words::coach_words::urgent_signs(l).0);
            lines.extend(w.urgent.iter().map(|s| format!("  - {s}")));
        }
        lines.push(l.ta("cli.ends_when", &[("text", &w.ends_when)]));
        lines.push(l.t("cal.not_advice").to_string());
        let _ = writeln!(e, "DESCRIPTION:{}", text(&lines.join("\n")));
        let _ = writeln!(e, "END:VEVENT");
        for line in e.lines() {
            out.push_str(&fold(line));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_and_escapes_text() {
        let long = format!("DESCRIPTION:{}", "é".repeat(60));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded:?}");
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
        assert_eq!(text("a,b;c\nd"), "a\\,b\\;c\\nd");
    }
}
