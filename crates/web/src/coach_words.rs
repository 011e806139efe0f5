//! The coach's words in the page's language. The coach gives values (a dose,
//! an exercise, a safety reminder by id) and keeps its English sentences for
//! the CLI, the API and the report; the pages say the same things from the
//! translation files (`dose.*`, `exercise.*`, `tip.*`, `headline.*`). The
//! English messages are the coach's own sentences, word for word: a test
//! compares every one, so the two cannot drift apart.

use crate::i18n::{I18n, Lang};
use coach::dose::{Dose, Surface};
use coach::exercises::{Exercise, Kind};

/// A speed in the page's language ("1.5 km/h", "1,5 km/h").
fn kmh(l: &I18n, tenths: u16) -> String {
    let text = coach::text::kmh(tenths);
    if l.lang() == Lang::Es { text.replace('.', ",") } else { text }
}

pub fn speed(l: &I18n, d: &Dose) -> String {
    match d.surface {
        Surface::Treadmill => l.ta("dose.speed.treadmill", &[("kmh", &kmh(l, d.speed_tenths))]),
        Surface::Overground => l.t("dose.speed.overground").to_string(),
    }
}

pub fn support(l: &I18n, d: &Dose) -> String {
    l.t(&format!("dose.support.{}.{}", d.surface.as_str(), d.support.as_str())).to_string()
}

pub fn surface(l: &I18n, d: &Dose) -> String {
    l.t(&format!("dose.surface.{}", d.surface.as_str())).to_string()
}

/// One line: "8 min backward (3+3+2), belt at 1.6 km/h, 0% incline, hold both handrails".
pub fn summary(l: &I18n, d: &Dose, week: u32, supported_only: bool) -> String {
    let bouts: Vec<String> = d.bouts(week, supported_only).iter().map(u8::to_string).collect();
    let speed = match d.surface {
        Surface::Treadmill => kmh(l, d.speed_tenths),
        Surface::Overground => l.t("dose.easy_pace").to_string(),
    };
    l.ta(
        "dose.summary",
        &[
            ("minutes", &d.minutes.to_string()),
            ("bouts", &bouts.join("+")),
            ("speed", &speed),
            ("incline", &d.incline_pct.to_string()),
            ("support", &support(l, d)),
        ],
    )
}

/// The safety reminders for a session on this surface.
pub fn tips(l: &I18n, surface: Surface) -> Vec<String> {
    coach::today::safety_tips(surface).iter().map(|t| l.t(&format!("tip.{}", t.id)).to_string()).collect()
}

pub fn exercise_name(l: &I18n, ex: &Exercise) -> String {
    l.t(&format!("exercise.{}.name", ex.id)).to_string()
}

pub fn exercise_steps(l: &I18n, ex: &Exercise) -> Vec<String> {
    (1..=ex.steps.len()).map(|n| l.t(&format!("exercise.{}.step{n}", ex.id)).to_string()).collect()
}

pub fn exercise_why(l: &I18n, ex: &Exercise) -> String {
    l.t(&format!("exercise.{}.why", ex.id)).to_string()
}

/// An exercise's dose in a programme week (as `coach::exercises::dose_text`).
pub fn exercise_dose(l: &I18n, ex: &Exercise, week: u32) -> String {
    match ex.kind {
        Kind::Strength => l
            .t(match week {
                0..=2 => "exercise.dose.strength_early",
                3..=4 => "exercise.dose.strength_mid",
                _ => "exercise.dose.strength_late",
            })
            .to_string(),
        Kind::Stretch => l.t("exercise.dose.stretch").to_string(),
        Kind::Balance => l.t("exercise.dose.balance").to_string(),
        Kind::Aerobic => {
            l.ta("exercise.dose.aerobic", &[("minutes", &coach::exercises::aerobic_minutes(week).to_string())])
        }
    }
}

/// Why the coach decided a dose: its own sentence in English (with the
/// walker's numbers and any clinician's note); in another language, the
/// rule's sentence (the numbers are on the page beside it).
pub fn reason(l: &I18n, d: &coach::adaptation::Decision) -> String {
    let key = format!("rule.{}", d.rule);
    if l.lang() == Lang::En || !l.has(&key) { d.reason.clone() } else { l.t(&key).to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coach::dose::Support;

    /// Every English message says exactly what the coach says.
    #[test]
    fn english_is_the_coachs_own_words() {
        let en = I18n::english();
        for surface in [Surface::Treadmill, Surface::Overground] {
            for support in [Support::Rails, Support::LightTouch, Support::HandsFree] {
                for (minutes, speed_tenths, incline_pct) in [(5, 15, 0), (12, 23, 3)] {
                    let d = Dose { minutes, speed_tenths, incline_pct, support, surface };
                    assert_eq!(super::speed(&en, &d), d.speed_text());
                    assert_eq!(super::support(&en, &d), d.support_text());
                    assert_eq!(super::surface(&en, &d), d.surface_text());
                    for week in [1, 4, 9] {
                        assert_eq!(summary(&en, &d, week, false), d.summary(week, false));
                        assert_eq!(summary(&en, &d, week, true), d.summary(week, true));
                    }
                }
            }
            assert_eq!(tips(&en, surface), coach::today::tips(surface));
        }
        for ex in coach::exercises::all() {
            assert_eq!(exercise_name(&en, ex), ex.name);
            assert_eq!(exercise_steps(&en, ex), ex.steps);
            assert_eq!(exercise_why(&en, ex), ex.why);
            for week in 1..=12 {
                assert_eq!(exercise_dose(&en, ex, week), coach::exercises::dose_text(ex, week), "{} {week}", ex.id);
            }
        }
    }

    /// Spanish has a sentence of its own for each (none falls back to its key).
    #[test]
    fn spanish_says_each_in_spanish() {
        let (en, es) = (I18n::english(), I18n::of(Lang::Es));
        let d =
            Dose { minutes: 5, speed_tenths: 15, incline_pct: 0, support: Support::Rails, surface: Surface::Treadmill };
        assert_eq!(super::speed(&es, &d), "cinta a 1,5 km/h; ajústela antes de empezar y no la cambie");
        for ex in coach::exercises::all() {
            let (name, why) = (exercise_name(&es, ex), exercise_why(&es, ex));
            assert!(name != exercise_name(&en, ex) && !name.starts_with("exercise."), "{name}");
            assert!(why != exercise_why(&en, ex) && !why.starts_with("exercise."), "{why}");
            assert!(exercise_steps(&es, ex).iter().all(|s| !s.starts_with("exercise.")));
        }
        assert!(tips(&es, Surface::Overground).iter().all(|t| !t.starts_with("tip.")));
    }
}
