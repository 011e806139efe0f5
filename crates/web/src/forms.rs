//! Parsing of form and query fields: every value arrives as text and is
//! checked here, with messages that name the field.

use crate::error::AppError;
use coach::Pain;
use coach::history::Symptom;
use jiff::civil::Date;

pub fn text_opt(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub fn int_in(field: &str, v: &Option<String>, lo: i64, hi: i64) -> Result<Option<i64>, AppError> {
    let Some(t) = text_opt(v) else { return Ok(None) };
    let n: i64 = t.parse().map_err(|_| {
        AppError::bad(format!("{field}: '{t}' is not a whole number"))
            .said("refusal.not_whole", &[("typed", &t), ("lo", &lo), ("hi", &hi)])
    })?;
    if !(lo..=hi).contains(&n) {
        return Err(AppError::bad(format!("{field}: must be {lo} to {hi}; got {n}"))
            .said("refusal.out_of_range", &[("typed", &n), ("lo", &lo), ("hi", &hi)]));
    }
    Ok(Some(n))
}

pub fn small(field: &str, v: &Option<String>, lo: i64, hi: i64) -> Result<Option<u8>, AppError> {
    Ok(int_in(field, v, lo, hi)?.map(|n| n as u8))
}

pub fn pain(field: &str, v: &Option<String>) -> Result<Option<Pain>, AppError> {
    Ok(int_in(field, v, 0, 10)?.map(Pain::new).transpose()?)
}

pub fn kmh_tenths(field: &str, v: &Option<String>) -> Result<Option<u16>, AppError> {
    let Some(t) = text_opt(v) else { return Ok(None) };
    let x: f64 = t.replace(',', ".").parse().map_err(|_| {
        AppError::bad(format!("{field}: '{t}' is not a number")).said("refusal.speed", &[("typed", &t)])
    })?;
    if !(x.is_finite() && (0.1..=8.0).contains(&x)) {
        return Err(AppError::bad(format!("{field}: a walking speed is 0.1 to 8.0 km/h; got {x}"))
            .said("refusal.speed", &[("typed", &t)]));
    }
    Ok(Some((x * 10.0).round() as u16))
}

pub fn date(field: &str, v: &Option<String>) -> Result<Option<Date>, AppError> {
    let Some(t) = text_opt(v) else { return Ok(None) };
    t.parse().map(Some).map_err(|_| {
        AppError::bad(format!("{field}: '{t}' is not a date (YYYY-MM-DD)")).said("refusal.not_a_date", &[("typed", &t)])
    })
}

/// An optional named value (support, surface…) by its one name from the coach;
/// the error names the field and the allowed names.
pub fn named<T: coach::names::Named>(v: &Option<String>) -> Result<Option<T>, AppError> {
    let Some(t) = text_opt(v) else { return Ok(None) };
    coach::names::exact(t).map(Some).map_err(|e| AppError::from(coach::InputError::from(e)))
}

pub fn symptoms(values: &[String]) -> Result<Vec<Symptom>, AppError> {
    values.iter().filter(|v| !v.is_empty()).map(|v| Symptom::typed(v).map_err(AppError::from)).collect()
}

/// A set-up as typed, from the set-up form (Settings too) or the API's JSON:
/// both become a [`coach::setup::Setup`] through [`setup`], so they accept and
/// refuse the same things with the same words.
#[derive(Debug, Default)]
pub struct SetupInput {
    pub equipment: Vec<String>,
    pub days: Vec<String>,
    pub start: Option<String>,
    pub time_zone: Option<String>,
    pub baseline_pain: Option<String>,
    pub weeks: Option<String>,
    pub forward_speed: Option<String>,
}

/// Reads a set-up; errors name the field.
pub fn setup(f: &SetupInput) -> Result<coach::setup::Setup, AppError> {
    use coach::setup::{DEFAULT_FORWARD_SPEED_TENTHS, DEFAULT_WEEKS, Day, Equipment, Item};
    let items = f
        .equipment
        .iter()
        .map(|v| {
            // Shared with the API's JSON: the field and reason of any unknown name.
            v.parse::<Item>().map_err(|e| AppError::from(coach::InputError::from(e)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let training_days = f.days.iter().map(|d| Day::parse(d).map_err(AppError::from)).collect::<Result<Vec<_>, _>>()?;
    let start = date("start", &f.start)?.ok_or_else(|| AppError::bad("start: choose a start date"))?;
    let time_zone = text_opt(&f.time_zone).unwrap_or("UTC").to_string();
    if jiff::tz::TimeZone::get(&time_zone).is_err() {
        return Err(AppError::bad(format!(
            "time_zone: '{time_zone}' is not a known time zone; use a name like Europe/London"
        )));
    }
    let setup = coach::setup::Setup {
        equipment: Equipment::of(items),
        training_days,
        start,
        time_zone,
        baseline_pain: pain("baseline_pain", &f.baseline_pain)?
            .ok_or_else(|| AppError::bad("baseline_pain: choose your usual knee pain, 0 to 10"))?,
        weeks: small("weeks", &f.weeks, 1, 52)?.unwrap_or(DEFAULT_WEEKS),
        forward_speed_tenths: kmh_tenths("forward_speed", &f.forward_speed)?.unwrap_or(DEFAULT_FORWARD_SPEED_TENTHS),
    };
    setup.validate()?;
    Ok(setup)
}

/// A professional's signature on a form (a clearance, a restart): who, in
/// what role, and a note.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct Signature {
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub note: String,
}

/// The list's filters, as the form's query string gives them.
#[derive(serde::Deserialize, Default, Clone)]
pub struct PatientQuery {
    #[serde(default)]
    pub flag: String,
    #[serde(default)]
    pub unseen: Option<String>,
    #[serde(default)]
    pub q: String,
    /// Rows to skip, and how many to show (100 unless asked; at most 500).
    #[serde(default)]
    pub offset: Option<String>,
    #[serde(default)]
    pub limit: Option<String>,
}

/// Rows of the patient list shown at once unless asked otherwise.
pub const PATIENTS_SHOWN: usize = 100;

impl PatientQuery {
    /// The service's filter; an unknown flag rule is refused by name.
    pub fn filter(&self) -> Result<service::clinics::PatientFilter, AppError> {
        let flag = self.flag.trim();
        if !flag.is_empty() && !coach::flags::RULES.iter().any(|(r, _)| r.eq_ignore_ascii_case(flag)) {
            let known: Vec<_> = coach::flags::RULES.iter().map(|(r, _)| *r).collect();
            // Shared with the API (`?flag=`), which names the field.
            let allowed = known.join(", ");
            let refused = coach::InputError::new("flag", format!("'{flag}' is not a flag rule; one of {allowed}"))
                .because(coach::Code::Unknown)
                .said("refusal.unknown_choice", &[("typed", &flag), ("allowed", &allowed)]);
            return Err(AppError::from(refused));
        }
        let offset = int_in("offset", &self.offset, 0, 1_000_000)?.unwrap_or(0) as usize;
        let limit = int_in("limit", &self.limit, 1, 500)?.map_or(PATIENTS_SHOWN, |n| n as usize);
        Ok(service::clinics::PatientFilter {
            offset,
            limit: Some(limit),
            flag: Some(flag.to_string()).filter(|f| !f.is_empty()),
            not_seen_this_week: self.unseen.as_deref().is_some_and(|v| !v.is_empty() && v != "0" && v != "false"),
            search: self.q.clone(),
        })
    }
}
