//! The programme: which days carry backward walking, strengthening, stretching
//! and aerobic activity, week by week, from the set-up and the screen.

use crate::InputError;
use crate::dates::{add_days, days_between};
use crate::dose::{Limits, Surface};
use crate::exercises::{self, Exercise, Kind};
use crate::setup::{Day, Setup};
use jiff::civil::Date;
use serde::Serialize;

/// Usual knee pain from which we suggest a clinician first and start at the
/// lowest step (design row `design.severe_usual_pain`).
pub const SEVERE_USUAL_PAIN: u8 = 7;

/// Backward-walking sessions a week, as in the trial (3 days/week).
pub const RETRO_SESSIONS_PER_WEEK: usize = 3;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Programme {
    pub setup: Setup,
    pub limits: Limits,
    /// Days with a backward-walking session (and strengthening).
    pub retro_days: Vec<Day>,
    /// Days with low-impact aerobic activity: the other training days, or the
    /// retro days when there are no others.
    pub aerobic_days: Vec<Day>,
}

/// One complementary item on a day, with its dose for that week.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub exercise: &'static Exercise,
    pub dose: String,
}

impl Programme {
    /// Builds the programme. `fall_risk` comes from the screen and makes every
    /// session supported-only.
    pub fn new(setup: Setup, fall_risk: bool) -> Result<Programme, InputError> {
        setup.validate()?;
        let mut days = setup.training_days.clone();
        days.sort();
        let retro_days = spread(&days, RETRO_SESSIONS_PER_WEEK);
        let other_days: Vec<Day> = days.iter().copied().filter(|d| !retro_days.contains(d)).collect();
        // With no other training day, the aerobic activity goes on the retro
        // days, later in the day: the 150-minute goal still stands.
        let aerobic_days = if other_days.is_empty() { retro_days.clone() } else { other_days };
        let surface = if setup.equipment.safe_treadmill() { Surface::Treadmill } else { Surface::Overground };
        let limits = Limits {
            supported_only: fall_risk,
            surface,
            // Start at about half the usual forward speed (EVIDENCE §4.3).
            start_speed_tenths: (setup.forward_speed_tenths / 2).max(5),
            severe_usual_pain: setup.baseline_pain.value() >= SEVERE_USUAL_PAIN,
        };
        Ok(Programme { setup, limits, retro_days, aerobic_days })
    }

    pub fn start(&self) -> Date {
        self.setup.start
    }

    /// Why sessions are overground although the walker has a treadmill, in
    /// their words: backward walking on a belt needs a safety key and rails
    /// (evidence row `expert.treadmill_setup`).
    pub fn setting_note(&self) -> Option<String> {
        let missing = match self.belt_lacks()? {
            "safety_key_or_handrails" => "safety key or handrails",
            "safety_key" => "safety key",
            _ => "handrails",
        };
        Some(format!(
            "Your treadmill has no {missing}, so your sessions are overground: a clear, flat hallway, one hand on a wall or rail, with someone nearby. Walking backwards on a belt is only safe with the safety key clipped on (it stops the belt if you slip) and rails to hold. If you get them, change your equipment in the set-up."
        ))
    }

    /// What a treadmill the walker has lacks for backward walking on its belt
    /// (`safety_key_or_handrails`, `safety_key`, `handrails`): their sessions
    /// are overground. None without a treadmill, or with a safe one.
    pub fn belt_lacks(&self) -> Option<&'static str> {
        let e = &self.setup.equipment;
        match (e.treadmill, e.safety_key, e.handrails) {
            (true, false, false) => Some("safety_key_or_handrails"),
            (true, false, true) => Some("safety_key"),
            (true, true, false) => Some("handrails"),
            _ => None,
        }
    }

    /// The last day of the programme.
    pub fn end(&self) -> Date {
        add_days(self.setup.start, 7 * i64::from(self.setup.weeks) - 1)
    }

    /// Programme week of `date`, counting from 1 at the start date. Dates past
    /// the end keep counting, so a walker who carries on keeps their ceilings.
    pub fn week_of(&self, date: Date) -> u32 {
        let d = days_between(self.setup.start, date);
        if d < 0 { 0 } else { (d / 7) as u32 + 1 }
    }

    pub fn week_start(&self, week: u32) -> Date {
        add_days(self.setup.start, 7 * i64::from(week.max(1) - 1))
    }

    pub fn is_retro_day(&self, date: Date) -> bool {
        date >= self.setup.start && self.retro_days.contains(&Day::of(date))
    }

    /// Backward-walking dates in a programme week (any week, even past the end).
    pub fn retro_dates_in_week(&self, week: u32) -> Vec<Date> {
        let start = self.week_start(week);
        (0..7).map(|i| add_days(start, i)).filter(|d| self.is_retro_day(*d)).collect()
    }

    /// Every planned backward-walking date, in order.
    pub fn retro_dates(&self) -> Vec<Date> {
        (1..=u32::from(self.setup.weeks)).flat_map(|w| self.retro_dates_in_week(w)).collect()
    }

    /// The first backward-walking day after `date`, within the programme.
    pub fn next_retro_after(&self, date: Date) -> Option<Date> {
        (1..=14).map(|i| add_days(date, i)).find(|d| self.is_retro_day(*d) && *d <= self.end())
    }

    pub fn is_within(&self, date: Date) -> bool {
        date >= self.setup.start && date <= self.end()
    }

    /// The complementary exercises on `date`: strengthening with each backward
    /// session, aerobic activity on the other training days, stretching daily,
    /// and balance practice for walkers at risk of falling.
    pub fn exercises_on(&self, date: Date) -> Vec<&'static Exercise> {
        if !self.is_within(date) {
            return Vec::new();
        }
        let day = Day::of(date);
        let mut out: Vec<&'static Exercise> = Vec::new();
        if self.retro_days.contains(&day) {
            out.extend(exercises::STRENGTH.iter());
            if self.limits.supported_only {
                out.push(&exercises::BALANCE);
            }
        }
        if self.aerobic_days.contains(&day) {
            out.push(exercises::aerobic_for(&self.setup.equipment));
        }
        out.extend(exercises::STRETCHES.iter());
        out
    }

    /// [`Programme::exercises_on`] with each one's dose for that week, in words.
    pub fn items_on(&self, date: Date) -> Vec<Item> {
        let week = self.week_of(date);
        self.exercises_on(date)
            .into_iter()
            .map(|ex| Item { exercise: ex, dose: exercises::dose_text(ex, week) })
            .collect()
    }

    /// Planned aerobic minutes in a week, not counting backward walking.
    pub fn aerobic_minutes_in_week(&self, week: u32) -> u32 {
        let start = self.week_start(week);
        (0..7)
            .map(|i| add_days(start, i))
            .flat_map(|d| self.exercises_on(d))
            .filter(|e| e.kind == Kind::Aerobic)
            .map(|_| exercises::aerobic_minutes(week))
            .sum()
    }
}

/// Picks `n` of `days` spread as evenly round the week as possible, so that
/// sessions get rest days between them (Mon/Wed/Fri rather than Mon/Tue/Wed).
fn spread(days: &[Day], n: usize) -> Vec<Day> {
    if days.len() <= n {
        return days.to_vec();
    }
    let idx = |d: &Day| Day::ALL.iter().position(|x| x == d).unwrap_or(0) as i32;
    // Score: the shortest rest between sessions, then fewer back-to-back days.
    let mut best: Option<((i32, i32), Vec<Day>)> = None;
    for combo in combinations(days, n) {
        let mut gaps: Vec<i32> = combo.windows(2).map(|w| idx(&w[1]) - idx(&w[0])).collect();
        gaps.push(7 - (idx(&combo[n - 1]) - idx(&combo[0])));
        let back_to_back = gaps.iter().filter(|g| **g == 1).count() as i32;
        let score = (gaps.iter().copied().min().unwrap_or(0), -back_to_back);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, combo));
        }
    }
    best.map(|(_, c)| c).unwrap_or_default()
}

fn combinations(items: &[Day], n: usize) -> Vec<Vec<Day>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, first) in items.iter().enumerate() {
        for mut rest in combinations(&items[i + 1..], n - 1) {
            rest.insert(0, *first);
            out.push(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_sessions_round_the_week() {
        use Day::*;
        assert_eq!(spread(&[Mon, Tue, Wed, Thu, Fri, Sat, Sun], 3), vec![Mon, Wed, Fri]);
        assert_eq!(spread(&[Mon, Tue, Wed, Thu], 3), vec![Mon, Tue, Thu]);
        assert_eq!(spread(&[Tue, Sat], 3), vec![Tue, Sat]);
    }
}
