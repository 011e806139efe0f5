//! Interface text lives in translation files (`i18n/<lang>.toml`), one flat
//! table of keys. English is complete; another language is another file with
//! the same keys (a test checks that every key used exists).

use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct I18n {
    strings: Arc<HashMap<String, String>>,
}

const ENGLISH: &str = include_str!("../i18n/en.toml");

impl I18n {
    pub fn english() -> I18n {
        I18n::parse(ENGLISH).unwrap_or_else(|_| I18n { strings: Arc::default() })
    }

    pub fn parse(text: &str) -> Result<I18n, toml::de::Error> {
        let table: toml::Table = toml::from_str(text)?;
        let mut strings = HashMap::new();
        flatten("", &table, &mut strings);
        Ok(I18n { strings: Arc::new(strings) })
    }

    /// The text for `key`; a missing key shows itself, so it is found in review.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map(String::as_str).unwrap_or(key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.strings.contains_key(key)
    }

    /// What was wrong with a form, in the words of the person who filled it
    /// in: the text for the field and what was wrong with it
    /// (`problem.<field>_<code>`), else for the field (`problem.<field>`),
    /// else the service's own message.
    pub fn problem(&self, e: &coach::InputError) -> String {
        [format!("problem.{}_{}", e.field, e.code.as_str()), format!("problem.{}", e.field)]
            .iter()
            .find(|k| self.has(k))
            .map_or_else(|| e.to_string(), |k| self.t(k).to_string())
    }

    /// A day as a walker says it, seen from `today`: "today", "tomorrow",
    /// "yesterday", the weekday within the coming week ("Thursday"), else the
    /// weekday and date ("Thursday 17 December"). Never an ISO date.
    pub fn day(&self, day: &jiff::civil::Date, today: &jiff::civil::Date) -> String {
        let days = (*day - *today).get_days();
        match days {
            0 => self.t("day.today").to_string(),
            1 => self.t("day.tomorrow").to_string(),
            -1 => self.t("day.yesterday").to_string(),
            2..=6 => self.t(WEEKDAYS[day.weekday().to_monday_zero_offset() as usize]).to_string(),
            _ => format!(
                "{} {} {}",
                self.t(WEEKDAYS[day.weekday().to_monday_zero_offset() as usize]),
                day.day(),
                self.t(MONTHS[day.month() as usize - 1])
            ),
        }
    }
}

const WEEKDAYS: [&str; 7] = ["day.mon", "day.tue", "day.wed", "day.thu", "day.fri", "day.sat", "day.sun"];
const MONTHS: [&str; 12] = [
    "day.january",
    "day.february",
    "day.march",
    "day.april",
    "day.may",
    "day.june",
    "day.july",
    "day.august",
    "day.september",
    "day.october",
    "day.november",
    "day.december",
];

fn flatten(prefix: &str, table: &toml::Table, out: &mut HashMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => {
                out.insert(key, other.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every `l.t("key")` in the templates, and every rule's description, exists in English.
    #[test]
    fn every_key_used_is_translated() {
        let t = super::I18n::english();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for part in text.split("l.t(\"").skip(1) {
                let key = &part[..part.find('"').unwrap()];
                if !t.has(key) {
                    missing.push(key.to_string());
                }
            }
        }
        for (rule, _) in coach::adaptation::rules() {
            if !t.has(&format!("rule.{rule}")) {
                missing.push(format!("rule.{rule}"));
            }
        }
        for kind in store::SecurityKind::ALL {
            if !t.has(&format!("security.{}", kind.as_str())) {
                missing.push(format!("security.{}", kind.as_str()));
            }
        }
        for status in ["blocked", "clearance_needed", "supported_only", "cleared"] {
            if !t.has(&format!("outcome.{status}")) {
                missing.push(format!("outcome.{status}"));
            }
        }
        assert!(missing.is_empty(), "untranslated keys: {missing:?}");
    }

    #[test]
    fn english_parses_and_nests() {
        let t = super::I18n::english();
        assert_eq!(t.t("nav.today"), "Today");
        assert_eq!(t.t("no.such.key"), "no.such.key");
    }
}
