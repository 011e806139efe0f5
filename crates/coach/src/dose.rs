//! A retro-walking dose and the ladder it moves along: minutes, speed, support
//! and incline, each in small steps, inside ceilings set by the programme week
//! and the screening outcome.

use crate::text::kmh;
use serde::{Deserialize, Serialize};

/// Minutes of backward walking in the first session: shorter than the trial's 10.
pub const START_MINUTES: u8 = 5;
/// Never prescribe less than this; below it a session is not worth the set-up.
pub const MIN_MINUTES: u8 = 3;
/// The most a session grows to (15-20 min "only if tolerated", PRODUCT.md).
pub const MAX_MINUTES: u8 = 20;
/// Speed steps on a treadmill: 0.1 km/h.
pub const SPEED_STEP_TENTHS: u16 = 1;
/// Highest incline offered, percent.
pub const MAX_INCLINE_PCT: u8 = 5;
/// Warm-up and cool-down around every session, minutes of easy forward walking.
pub const WARM_UP_MINUTES: u8 = 5;
pub const COOL_DOWN_MINUTES: u8 = 5;
/// Rest between bouts, minutes.
pub const REST_MINUTES: u8 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    Rails,
    LightTouch,
    HandsFree,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Surface {
    Treadmill,
    Overground,
}

crate::named!(Support, "support", "a known kind of support", { Rails => "rails", LightTouch => "light_touch", HandsFree => "hands_free" });
crate::named!(Surface, "surface", "a known surface", { Treadmill => "treadmill", Overground => "overground" });

/// The things a progression may change, in the order they are changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variable {
    Duration,
    Speed,
    Support,
    Incline,
}

crate::named!(Variable, "variable", "a known dose variable", {
    Duration => "duration", Speed => "speed", Support => "support", Incline => "incline"
});

impl Variable {
    pub const PROGRESSION_ORDER: [Variable; 4] =
        [Variable::Duration, Variable::Speed, Variable::Support, Variable::Incline];
    /// Step-backs remove the most demanding load first. Support is balance,
    /// not load, so pain never takes it away.
    pub const STEP_BACK_ORDER: [Variable; 3] = [Variable::Incline, Variable::Speed, Variable::Duration];

    pub fn noun(self) -> &'static str {
        match self {
            Variable::Duration => "time",
            Variable::Speed => "speed",
            Variable::Support => "support",
            Variable::Incline => "incline",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dose {
    /// Total minutes of backward walking, split into bouts.
    pub minutes: u8,
    /// Treadmill belt speed in tenths of km/h; overground, the starting pace.
    pub speed_tenths: u16,
    pub incline_pct: u8,
    pub support: Support,
    pub surface: Surface,
}

/// What the screen and the equipment allow, fixed for a programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub supported_only: bool,
    pub surface: Surface,
    pub start_speed_tenths: u16,
    /// Usual pain of 7/10 or more: sessions start at the lowest step.
    #[serde(default)]
    pub severe_usual_pain: bool,
}

/// The most each variable may reach in a given programme week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ceiling {
    pub minutes: u8,
    pub speed_tenths: u16,
    pub support: Support,
    pub incline_pct: u8,
}

/// A limit a dose breaks: the part of the dose (`support`, `incline` or
/// `minutes`, as the forms name it), the limit's name (`incline_overground`:
/// the key a translated message is filed under) and why, in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken {
    pub field: &'static str,
    pub rule: &'static str,
    pub why: &'static str,
}

impl Limits {
    /// The six-week block (EVIDENCE §5.3): rails and the starting speed in weeks
    /// 1-2; up to 15 min, +0.2 km/h and light touch in weeks 3-4; up to 20 min,
    /// hands free and a small incline from week 5 when the screen allows.
    pub fn ceiling(&self, week: u32) -> Ceiling {
        let treadmill = self.surface == Surface::Treadmill;
        let speed_bonus = match (treadmill, week) {
            (false, _) | (true, 0..=2) => 0,
            (true, 3..=6) => 2,
            (true, _) => 4,
        };
        let (minutes, support) = match week {
            0..=2 => (10, Support::Rails),
            3..=4 => (15, Support::LightTouch),
            _ => (MAX_MINUTES, Support::HandsFree),
        };
        let support = if self.supported_only { support.min(Support::LightTouch) } else { support };
        let incline = if week >= 5 && treadmill && !self.supported_only { MAX_INCLINE_PCT } else { 0 };
        Ceiling { minutes, speed_tenths: self.start_speed_tenths + speed_bonus, support, incline_pct: incline }
    }

    pub fn start_dose(&self) -> Dose {
        Dose {
            minutes: if self.severe_usual_pain { MIN_MINUTES } else { START_MINUTES },
            speed_tenths: self.start_speed_tenths,
            incline_pct: 0,
            support: Support::Rails,
            surface: self.surface,
        }
    }

    /// Brings a dose inside what the screen allows (used when a screen changes).
    pub fn clamp(&self, dose: Dose) -> Dose {
        let mut d = dose;
        d.surface = self.surface;
        if self.supported_only {
            d.support = d.support.min(Support::LightTouch);
            d.incline_pct = 0;
        }
        if self.surface == Surface::Overground {
            d.incline_pct = 0;
            d.speed_tenths = self.start_speed_tenths;
        }
        d.minutes = d.minutes.clamp(MIN_MINUTES, MAX_MINUTES);
        d
    }

    /// Whether `dose` breaks a screen rule. Used to reject an override.
    pub fn violation(&self, dose: &Dose) -> Option<&'static str> {
        self.broken_by(dose).map(|b| b.why)
    }

    /// The part of the dose that breaks the limits and why.
    pub fn broken_by(&self, dose: &Dose) -> Option<Broken> {
        let (field, rule, why) = if self.supported_only && dose.support == Support::HandsFree {
            ("support", "hands_free_supported", "the screen allows supported-only walking: hands-free is not allowed")
        } else if self.supported_only && dose.incline_pct > 0 {
            ("incline", "incline_supported", "the screen allows supported-only walking: incline is not allowed")
        } else if self.surface == Surface::Overground && dose.incline_pct > 0 {
            ("incline", "incline_overground", "overground walking has no incline setting")
        } else if !(MIN_MINUTES..=MAX_MINUTES).contains(&dose.minutes) {
            ("minutes", "minutes_range", "minutes must be between 3 and 20")
        } else if dose.incline_pct > MAX_INCLINE_PCT {
            ("incline", "incline_range", "incline must be 0 to 5 percent")
        } else {
            return None;
        };
        Some(Broken { field, rule, why })
    }
}

impl Dose {
    /// One step up in `var`, if the ceiling allows it.
    pub fn step_up(&self, var: Variable, ceiling: &Ceiling) -> Option<Dose> {
        let mut d = *self;
        match var {
            Variable::Duration if d.minutes < ceiling.minutes => d.minutes += 1,
            Variable::Speed if d.speed_tenths + SPEED_STEP_TENTHS <= ceiling.speed_tenths => {
                d.speed_tenths += SPEED_STEP_TENTHS
            }
            Variable::Support if d.support < ceiling.support => {
                d.support = if d.support == Support::Rails { Support::LightTouch } else { Support::HandsFree }
            }
            // Incline only once hands are free of the rails (EVIDENCE §5.3).
            Variable::Incline if d.support == Support::HandsFree && d.incline_pct < ceiling.incline_pct => {
                d.incline_pct = if d.incline_pct == 0 { 2 } else { d.incline_pct + 1 }
            }
            _ => return None,
        }
        Some(d)
    }

    /// One step down, removing incline first, then speed, then time. `None`
    /// when the dose is already the lowest.
    pub fn step_back(&self, limits: &Limits) -> Option<(Variable, Dose)> {
        Variable::STEP_BACK_ORDER.into_iter().find_map(|var| {
            let mut d = *self;
            match var {
                Variable::Incline if d.incline_pct > 0 => {
                    d.incline_pct = if d.incline_pct <= 2 { 0 } else { d.incline_pct - 1 }
                }
                Variable::Speed if d.speed_tenths > limits.start_speed_tenths => d.speed_tenths -= SPEED_STEP_TENTHS,
                Variable::Duration => d = d.fewer_minutes()?,
                _ => return None,
            }
            Some((var, d))
        })
    }

    /// About 20% fewer minutes (at least one), never below the minimum.
    pub fn fewer_minutes(&self) -> Option<Dose> {
        if self.minutes <= MIN_MINUTES {
            return None;
        }
        let cut = (self.minutes as u16 * 20).div_ceil(100).max(1) as u8;
        Some(Dose { minutes: self.minutes.saturating_sub(cut).max(MIN_MINUTES), ..*self })
    }

    /// The variables that differ between two doses.
    pub fn changes_from(&self, before: &Dose) -> Vec<Variable> {
        let mut out = Vec::new();
        if self.minutes != before.minutes {
            out.push(Variable::Duration);
        }
        if self.speed_tenths != before.speed_tenths {
            out.push(Variable::Speed);
        }
        if self.support != before.support {
            out.push(Variable::Support);
        }
        if self.incline_pct != before.incline_pct {
            out.push(Variable::Incline);
        }
        out
    }

    /// Bouts of walking, minutes each: short bouts at first or when supported.
    pub fn bouts(&self, week: u32, supported_only: bool) -> Vec<u8> {
        let longest = if week <= 2 || supported_only { 3 } else { 5 };
        let n = self.minutes.div_ceil(longest).max(1);
        let base = self.minutes / n;
        let extra = self.minutes % n;
        (0..n).map(|i| base + u8::from(i < extra)).collect()
    }

    pub fn speed_text(&self) -> String {
        match self.surface {
            Surface::Treadmill => {
                format!("belt at {}; set it before you start and keep it there", kmh(self.speed_tenths))
            }
            Surface::Overground => "an easy, steady pace, about half your usual walking speed".into(),
        }
    }

    pub fn support_text(&self) -> &'static str {
        match (self.surface, self.support) {
            (Surface::Treadmill, Support::Rails) => "hold both handrails, safety key clipped on",
            (Surface::Treadmill, Support::LightTouch) => "fingertips resting on the rails, safety key clipped on",
            (Surface::Treadmill, Support::HandsFree) => "hands free with the rails in reach, safety key clipped on",
            (Surface::Overground, Support::Rails) => "one hand on a wall or rail, someone nearby",
            (Surface::Overground, Support::LightTouch) => "fingertips brushing a wall or rail, someone nearby",
            (Surface::Overground, Support::HandsFree) => "hands free beside a wall, in a clear flat hallway",
        }
    }

    pub fn surface_text(&self) -> &'static str {
        match self.surface {
            Surface::Treadmill => "treadmill",
            Surface::Overground => "clear, flat hallway or track (no stairs, no traffic)",
        }
    }

    /// One line: "8 min backward (3+3+2), belt at 1.6 km/h, 0% incline, hold both handrails".
    pub fn summary(&self, week: u32, supported_only: bool) -> String {
        let bouts: Vec<String> = self.bouts(week, supported_only).iter().map(u8::to_string).collect();
        let speed = match self.surface {
            Surface::Treadmill => kmh(self.speed_tenths),
            Surface::Overground => "easy pace".into(),
        };
        format!(
            "{} min backward ({}), {}, {}% incline, {}",
            self.minutes,
            bouts.join("+"),
            speed,
            self.incline_pct,
            self.support_text()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(supported_only: bool) -> Limits {
        Limits { supported_only, surface: Surface::Treadmill, start_speed_tenths: 15, severe_usual_pain: false }
    }

    #[test]
    fn bouts_split_evenly_and_sum_to_minutes() {
        let d = limits(false).start_dose();
        assert_eq!(d.bouts(1, false), vec![3, 2]);
        let d = Dose { minutes: 12, ..d };
        assert_eq!(d.bouts(3, false), vec![4, 4, 4]);
        assert_eq!(d.bouts(3, true), vec![3, 3, 3, 3]);
    }

    #[test]
    fn supported_only_ceiling_never_allows_hands_free_or_incline() {
        let c = limits(true).ceiling(9);
        assert_eq!(c.support, Support::LightTouch);
        assert_eq!(c.incline_pct, 0);
    }

    #[test]
    fn step_back_removes_incline_then_speed_then_time() {
        let l = limits(false);
        let d = Dose {
            minutes: 15,
            speed_tenths: 17,
            incline_pct: 2,
            support: Support::HandsFree,
            surface: Surface::Treadmill,
        };
        let (v, d) = d.step_back(&l).unwrap();
        assert_eq!((v, d.incline_pct), (Variable::Incline, 0));
        let (v, d) = d.step_back(&l).unwrap();
        assert_eq!((v, d.speed_tenths), (Variable::Speed, 16));
        let (_, d) = d.step_back(&l).unwrap();
        let (v, d) = d.step_back(&l).unwrap();
        assert_eq!((v, d.minutes), (Variable::Duration, 12));
        let floor = Dose { minutes: MIN_MINUTES, speed_tenths: 15, ..d };
        assert_eq!(floor.step_back(&l), None);
    }

    #[test]
    fn incline_needs_hands_free() {
        let c = limits(false).ceiling(5);
        let d = Dose { support: Support::LightTouch, ..limits(false).start_dose() };
        assert_eq!(d.step_up(Variable::Incline, &c), None);
        let d = Dose { support: Support::HandsFree, ..d };
        assert_eq!(d.step_up(Variable::Incline, &c).map(|d| d.incline_pct), Some(2));
    }
}
