//! What the walker tells us to build a programme: equipment, days, start,
//! time zone and usual pain.

use crate::{InputError, Pain};
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Equipment {
    pub treadmill: bool,
    /// The treadmill's clip-on emergency stop.
    pub safety_key: bool,
    /// The treadmill's side or front handrails.
    pub handrails: bool,
    pub bike: bool,
    pub pool: bool,
}

/// One piece of equipment, named as the store, the API and the forms name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Treadmill,
    SafetyKey,
    Handrails,
    Bike,
    Pool,
}

crate::named!(Item, "equipment", "equipment we know", {
    Treadmill => "treadmill", SafetyKey => "safety_key", Handrails => "handrails", Bike => "bike", Pool => "pool"
});

impl Equipment {
    /// Equipment with exactly these items.
    pub fn of(items: impl IntoIterator<Item = Item>) -> Equipment {
        let mut e = Equipment::default();
        for item in items {
            *e.slot(item) = true;
        }
        e
    }

    fn slot(&mut self, item: Item) -> &mut bool {
        match item {
            Item::Treadmill => &mut self.treadmill,
            Item::SafetyKey => &mut self.safety_key,
            Item::Handrails => &mut self.handrails,
            Item::Bike => &mut self.bike,
            Item::Pool => &mut self.pool,
        }
    }

    pub fn has(mut self, item: Item) -> bool {
        *self.slot(item)
    }

    /// The items the walker has, in [`Item::ALL`]'s order.
    pub fn items(self) -> impl Iterator<Item = Item> {
        Item::ALL.into_iter().filter(move |i| self.has(*i))
    }

    /// Retro walking on a treadmill is only offered with rails and a safety key:
    /// beginners hold the rails, and the key stops the belt if they slip.
    pub fn safe_treadmill(&self) -> bool {
        self.treadmill && self.safety_key && self.handrails
    }
}

/// A day of the week, written `mon` … `sun` in files and the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

crate::named!(Day, "day", "a known day", { Mon => "mon", Tue => "tue", Wed => "wed", Thu => "thu", Fri => "fri", Sat => "sat", Sun => "sun" });

impl Day {
    pub fn weekday(self) -> Weekday {
        match self {
            Day::Mon => Weekday::Monday,
            Day::Tue => Weekday::Tuesday,
            Day::Wed => Weekday::Wednesday,
            Day::Thu => Weekday::Thursday,
            Day::Fri => Weekday::Friday,
            Day::Sat => Weekday::Saturday,
            Day::Sun => Weekday::Sunday,
        }
    }

    pub fn of(date: Date) -> Day {
        Day::ALL[date.weekday().to_monday_zero_offset() as usize]
    }

    pub fn parse(text: &str) -> Result<Day, InputError> {
        let t = text.trim().to_ascii_lowercase();
        Day::ALL
            .into_iter()
            .find(|d| t.get(..3).is_some_and(|start| d.as_str() == start) && full_name(*d).starts_with(&t))
            .ok_or_else(|| {
                InputError::new(
                    "training_days",
                    format!("'{text}' is not a day; use mon, tue, wed, thu, fri, sat or sun"),
                )
                .because(crate::Code::Unknown)
            })
    }
}

fn full_name(d: Day) -> &'static str {
    match d {
        Day::Mon => "monday",
        Day::Tue => "tuesday",
        Day::Wed => "wednesday",
        Day::Thu => "thursday",
        Day::Fri => "friday",
        Day::Sat => "saturday",
        Day::Sun => "sunday",
    }
}

pub const DEFAULT_WEEKS: u8 = 6;
/// Usual forward walking speed assumed when the walker does not know theirs.
pub const DEFAULT_FORWARD_SPEED_TENTHS: u16 = 30;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Setup {
    pub equipment: Equipment,
    /// Days the walker can train. Retro walking takes up to three of them.
    pub training_days: Vec<Day>,
    pub start: Date,
    /// IANA time zone name, e.g. `Europe/Dublin`. Schedules are local dates there.
    pub time_zone: String,
    /// The walker's usual knee pain: the level next-morning pain must settle to.
    pub baseline_pain: Pain,
    #[serde(default = "default_weeks")]
    pub weeks: u8,
    /// Usual comfortable forward walking speed, tenths of km/h.
    #[serde(default = "default_forward_speed")]
    pub forward_speed_tenths: u16,
}

fn default_weeks() -> u8 {
    DEFAULT_WEEKS
}

fn default_forward_speed() -> u16 {
    DEFAULT_FORWARD_SPEED_TENTHS
}

impl Setup {
    /// A sensible first set-up: no equipment, Mon/Wed/Fri from `today`, the
    /// trial's six weeks, in the walker's time zone.
    pub fn first(today: Date, time_zone: &str) -> Setup {
        Setup {
            equipment: Equipment::default(),
            training_days: vec![Day::Mon, Day::Wed, Day::Fri],
            start: today,
            time_zone: time_zone.to_string(),
            baseline_pain: Pain::NONE,
            weeks: DEFAULT_WEEKS,
            forward_speed_tenths: DEFAULT_FORWARD_SPEED_TENTHS,
        }
    }

    /// Checks everything the coach relies on. The time zone name is checked by
    /// the caller, which owns the time zone database.
    pub fn validate(&self) -> Result<(), InputError> {
        let mut days = self.training_days.clone();
        days.sort();
        days.dedup();
        if days.len() != self.training_days.len() {
            return Err(InputError::new("training_days", "a day is listed twice").because(crate::Code::Inconsistent));
        }
        if days.len() < 2 {
            return Err(InputError::new("training_days", "choose at least 2 days a week (3 is the trial's dose)")
                .because(crate::Code::Required));
        }
        if !(1..=52).contains(&self.weeks) {
            return Err(InputError::new("weeks", format!("a programme lasts 1 to 52 weeks; got {}", self.weeks))
                .because(crate::Code::OutOfRange));
        }
        if !(10..=70).contains(&self.forward_speed_tenths) {
            return Err(InputError::new(
                "forward_speed_kmh",
                format!(
                    "usual forward walking speed must be between 1.0 and 7.0 km/h; got {}",
                    crate::text::kmh(self.forward_speed_tenths)
                ),
            )
            .because(crate::Code::OutOfRange));
        }
        if self.time_zone.trim().is_empty() {
            return Err(InputError::new("time_zone", "a time zone is required, e.g. Europe/London")
                .because(crate::Code::Required));
        }
        Ok(())
    }
}

impl Setup {
    /// The start is at most a year after `today` (in the walker's time zone):
    /// later is a typing slip (2062 for 2026), and a plan that far ahead is
    /// nothing to follow. A start in the past is fine: it back-fills.
    pub fn check_start(&self, today: jiff::civil::Date) -> Result<(), InputError> {
        let latest = crate::dates::add_days(today, 366);
        if self.start > latest {
            return Err(InputError::new(
                "start",
                format!("{} is more than a year away (today is {today}); start on or before {latest}", self.start),
            )
            .because(crate::Code::NotYet));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_more_than_a_year_ahead_is_refused() {
        let today = jiff::civil::date(2026, 12, 6);
        let mut s = Setup {
            equipment: Equipment::default(),
            training_days: vec![Day::Mon, Day::Wed],
            start: jiff::civil::date(2027, 12, 7),
            time_zone: "UTC".into(),
            baseline_pain: crate::Pain::new(3).unwrap(),
            weeks: 6,
            forward_speed_tenths: 30,
        };
        assert!(s.check_start(today).is_ok(), "a year and a day ahead is still fine");
        s.start = jiff::civil::date(2062, 12, 6);
        let e = s.check_start(today).unwrap_err();
        assert_eq!(e.field, "start");
        assert!(e.message.contains("more than a year away"), "{}", e.message);
        s.start = jiff::civil::date(2020, 1, 1);
        assert!(s.check_start(today).is_ok(), "back-filling a past start");
    }

    #[test]
    fn parses_day_names() {
        assert_eq!(Day::parse("Mon"), Ok(Day::Mon));
        assert_eq!(Day::parse("thursday"), Ok(Day::Thu));
        assert!(Day::parse("funday").is_err());
        assert!(Day::parse("m").is_err());
    }

    #[test]
    fn day_of_date() {
        assert_eq!(Day::of(jiff::civil::date(2026, 11, 23)), Day::Mon);
        assert_eq!(Day::of(jiff::civil::date(2026, 11, 29)), Day::Sun);
    }
}
