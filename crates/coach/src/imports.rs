//! Activities imported from a watch or treadmill, and where each one goes: a
//! walk on a backward-walking day is offered as that day's session (the walker
//! confirms it was backward, then gives the pain fields); cycling, swimming
//! and other endurance activity count toward the weekly aerobic goal;
//! anything else is kept as extra activity.

use crate::dates::days_between;
use crate::history::History;
use crate::programme::Programme;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One imported activity, in the walker's terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub start: Timestamp,
    /// The start in the walker's time zone.
    pub local_date: Date,
    pub local_time: String,
    pub sport: String,
    pub sub_sport: Option<String>,
    pub elapsed_s: Option<f64>,
    pub moving_s: Option<f64>,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    /// Steps per minute for foot sports.
    pub cadence_spm: Option<f64>,
    /// Revolutions or strokes per minute otherwise.
    pub cadence_rpm: Option<f64>,
    pub calories: Option<f64>,
    pub ascent_m: Option<f64>,
    pub device: Option<String>,
    pub fit: Fit,
    /// The walker's answer: was the walking backward? `None` until asked.
    pub backward: Option<bool>,
}

/// Where an activity belongs in the programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// A walk on a planned backward-walking day with nothing logged yet.
    PlannedSession,
    /// Counts toward the weekly aerobic goal.
    Aerobic,
    Extra,
}

crate::named!(Fit, "fit", "a known fit", { PlannedSession => "planned_session", Aerobic => "aerobic", Extra => "extra" });

impl Imported {
    /// Moving time, else elapsed, in whole minutes.
    pub fn minutes(&self) -> u32 {
        (self.moving_s.or(self.elapsed_s).unwrap_or(0.0) / 60.0).round() as u32
    }

    /// Average speed in tenths of km/h, over moving time.
    pub fn speed_tenths(&self) -> Option<u16> {
        let t = self.moving_s.or(self.elapsed_s)?;
        let d = self.distance_m?;
        (t > 0.0 && d > 0.0).then(|| (d / t * 36.0).round().min(f64::from(u16::MAX)) as u16)
    }

    /// What the walker reads about where it went.
    pub fn summary(&self) -> String {
        let what = match self.fit {
            Fit::PlannedSession => format!("matches your backward-walking session on {}", self.local_date),
            Fit::Aerobic => "counts toward your weekly aerobic goal".into(),
            Fit::Extra => "kept as extra activity".into(),
        };
        format!("{} {} min on {} at {}: {what}", self.sport, self.minutes(), self.local_date, self.local_time)
    }
}

/// Sports a backward walk may be recorded as: watches have no sport for it.
fn could_be_backward_walking(sport: &str, sub_sport: Option<&str>) -> bool {
    matches!(sport, "walking" | "running" | "generic" | "unknown" | "training" | "hiking")
        || (sport == "fitness_equipment"
            && matches!(sub_sport, Some("treadmill" | "indoor_walking" | "indoor_running")))
}

fn is_aerobic(sport: &str) -> bool {
    matches!(
        sport,
        "cycling"
            | "swimming"
            | "walking"
            | "running"
            | "hiking"
            | "rowing"
            | "cross_country_skiing"
            | "e_biking"
            | "fitness_equipment"
            | "paddling"
            | "stand_up_paddleboarding"
            | "kayaking"
            | "snowshoeing"
            | "other"
    )
}

/// Longest activity offered as a backward-walking session: the programme's
/// sessions are short, so a long outing is surely something else.
const MAX_SESSION_MINUTES: u32 = 60;

/// Where `a` belongs, given the plan and what is already logged.
pub fn place(a: &Imported, programme: &Programme, history: &History) -> Fit {
    let minutes = a.minutes();
    if programme.is_retro_day(a.local_date)
        && days_between(programme.start(), a.local_date) >= 0
        && history.log_on(a.local_date).is_none()
        && could_be_backward_walking(&a.sport, a.sub_sport.as_deref())
        && (1..=MAX_SESSION_MINUTES).contains(&minutes)
    {
        Fit::PlannedSession
    } else if is_aerobic(&a.sport) {
        Fit::Aerobic
    } else {
        Fit::Extra
    }
}

/// Days whose planned session an imported walk already waits on (offered,
/// not yet answered).
pub fn waiting_days<'a>(activities: impl IntoIterator<Item = &'a Imported>) -> Vec<Date> {
    activities
        .into_iter()
        .filter(|a| a.fit == Fit::PlannedSession && a.backward.is_none())
        .map(|a| a.local_date)
        .collect()
}

/// Places a file's activities as [`place`] says, except that a planned day
/// offers its session to one walk only: a second walk that day (in this file,
/// or one already waiting in `claimed`) counts as aerobic activity. `claimed`
/// gains the days this file claims.
pub fn place_all(activities: &mut [Imported], programme: &Programme, history: &History, claimed: &mut Vec<Date>) {
    for a in activities {
        a.fit = place(a, programme, history);
        if a.fit == Fit::PlannedSession {
            if claimed.contains(&a.local_date) {
                a.fit = Fit::Aerobic;
            } else {
                claimed.push(a.local_date);
            }
        }
    }
}

/// Aerobic minutes done in the seven days from `week_start`: imported
/// activities that count, not the backward walking itself.
pub fn aerobic_minutes_done(activities: &[Imported], week_start: Date) -> u32 {
    activities
        .iter()
        .filter(|a| {
            let d = days_between(week_start, a.local_date);
            (0..7).contains(&d)
                && (a.fit == Fit::Aerobic || (a.fit == Fit::PlannedSession && a.backward == Some(false)))
        })
        .map(Imported::minutes)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::{Day, Setup};

    fn walk(date: Date, hour: i8) -> Imported {
        Imported {
            // Placing reads the local date, not the instant.
            start: Timestamp::UNIX_EPOCH,
            local_date: date,
            local_time: format!("{hour:02}:00"),
            sport: "walking".into(),
            sub_sport: None,
            elapsed_s: Some(600.0),
            moving_s: Some(600.0),
            distance_m: None,
            avg_hr: None,
            max_hr: None,
            cadence_spm: None,
            cadence_rpm: None,
            calories: None,
            ascent_m: None,
            device: None,
            fit: Fit::Extra,
            backward: None,
        }
    }

    #[test]
    fn a_planned_day_offers_its_session_to_one_walk_only() {
        let monday = jiff::civil::date(2026, 11, 2);
        let mut setup = Setup::first(monday, "UTC");
        setup.training_days = vec![Day::Mon, Day::Wed, Day::Fri];
        let programme = Programme::new(setup, false).unwrap_or_else(|e| panic!("{e}"));
        let day = programme.retro_dates()[0];
        let history = History::default();
        // Two walks that day in one file: the first is offered as the session.
        let mut file = vec![walk(day, 8), walk(day, 17)];
        let mut claimed = Vec::new();
        place_all(&mut file, &programme, &history, &mut claimed);
        assert_eq!([file[0].fit, file[1].fit], [Fit::PlannedSession, Fit::Aerobic]);
        assert_eq!(claimed, vec![day]);
        // A later file's walk that day: the day is taken, whichever file it came from.
        let mut later = vec![walk(day, 19)];
        place_all(&mut later, &programme, &history, &mut waiting_days(&file));
        assert_eq!(later[0].fit, Fit::Aerobic);
    }
}
