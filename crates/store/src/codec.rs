//! Conversions between domain values and their column text. Reading is strict:
//! a value that does not parse is reported as corrupt, never guessed at.

use crate::{Result, StoreError};
use coach::Pain;
use coach::dose::{Support, Surface};
use coach::history::Symptom;
use coach::setup::{Day, Equipment};
use jiff::Timestamp;
use jiff::civil::Date;

pub fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

pub fn millis(t: Timestamp) -> i64 {
    t.as_millisecond()
}

pub fn timestamp(ms: i64) -> Result<Timestamp> {
    Timestamp::from_millisecond(ms).map_err(|e| corrupt(format!("timestamp {ms}: {e}")))
}

pub fn date_text(d: Date) -> String {
    d.to_string()
}

pub fn date(text: &str) -> Result<Date> {
    text.parse().map_err(|e| corrupt(format!("date '{text}': {e}")))
}

/// The value named `text`, exactly (see `coach::names`).
pub fn variant<T: std::str::FromStr>(text: &str, what: &str) -> Result<T> {
    text.parse().map_err(|_| corrupt(format!("{what} '{text}'")))
}

pub fn sex(text: &str) -> Result<coach::outcomes::Sex> {
    variant(text, "sex")
}

pub fn member_role(text: &str) -> Result<crate::MemberRole> {
    variant(text, "clinic role")
}

pub fn role(text: &str) -> Result<crate::Role> {
    variant(text, "role")
}

pub fn support(text: &str) -> Result<Support> {
    variant(text, "support")
}

pub fn surface(text: &str) -> Result<Surface> {
    variant(text, "surface")
}

pub fn symptoms_text(s: &[Symptom]) -> String {
    s.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(",")
}

pub fn symptoms(text: &str) -> Result<Vec<Symptom>> {
    list(text).map(|t| variant(t, "symptom")).collect()
}

pub fn days_text(days: &[Day]) -> String {
    days.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(",")
}

pub fn days(text: &str) -> Result<Vec<Day>> {
    list(text).map(|t| variant(t, "day")).collect()
}

pub fn equipment_text(e: &Equipment) -> String {
    e.items().map(|i| i.as_str()).collect::<Vec<_>>().join(",")
}

pub fn equipment(text: &str) -> Result<Equipment> {
    list(text).map(|t| variant::<coach::setup::Item>(t, "equipment")).collect::<Result<Vec<_>>>().map(Equipment::of)
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|t| !t.is_empty())
}

pub fn small<T: TryFrom<i64>>(v: i64, what: &str) -> Result<T> {
    T::try_from(v).map_err(|_| corrupt(format!("{what} {v} out of range")))
}

pub fn pain(v: i64, what: &str) -> Result<Pain> {
    Pain::new(v).map_err(|_| corrupt(format!("{what} {v}")))
}

pub fn json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| corrupt(format!("{what}: {e}")))
}

/// A JSON column in its stored format `V` (`crate::stored`), converted to the coach's type.
pub fn stored<V, T>(text: &str, what: &str) -> Result<T>
where
    V: serde::de::DeserializeOwned,
    T: TryFrom<V>,
    StoreError: From<T::Error>,
{
    Ok(T::try_from(json::<V>(text, what)?)?)
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| corrupt(format!("could not encode: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let e = Equipment { treadmill: true, handrails: true, ..Equipment::default() };
        assert_eq!(equipment(&equipment_text(&e)).ok(), Some(e));
        assert_eq!(days("mon, fri").ok(), Some(vec![Day::Mon, Day::Fri]));
        assert!(days("mon,xyz").is_err());
        assert_eq!(symptoms("").ok(), Some(vec![]));
    }
}
