//! retrowalk's words in every language it speaks: the Fluent translation
//! files (`i18n/<lang>.ftl`, one message per key: `t("today.start")` reads
//! the message `today-start`, as Fluent ids take no dots), dates said the
//! way a walker says them, and the coach's words (`coach_words`). English and
//! Spanish are complete; tests check that both have the same messages with
//! the same variables. The web app picks a language per request, the CLI
//! from `LC_ALL`, `LC_MESSAGES` or `LANG`.

use coach::setup::Day;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

pub mod coach_words;
pub mod report;

/// A language retrowalk speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag (`<html lang>`, the cookie's value).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the choice in Settings.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// A language tag ("es", "es-MX", "en_GB.UTF-8") as one we speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', '.']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The terminal's language, as POSIX orders the variables (`LC_ALL`,
    /// then `LC_MESSAGES`, then `LANG`; the first one set decides); English
    /// for "C", "POSIX" or a language we do not speak.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::En)
    }

    /// The first language of an `Accept-Language` header we speak, by the
    /// browser's order of preference (`q`).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut offered: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let lang = Lang::parse(parts.next()?)?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        offered.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        offered.first().map(|o| o.2)
    }
}

/// One language's messages.
#[derive(Clone)]
pub struct I18n {
    catalogue: Arc<Catalogue>,
}

struct Catalogue {
    lang: Lang,
    /// Every message formatted without arguments, by Fluent id.
    plain: HashMap<String, String>,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "I18n({})", self.catalogue.lang.code())
    }
}

const ENGLISH: &str = include_str!("../i18n/en.ftl");
const SPANISH: &str = include_str!("../i18n/es.ftl");

static CATALOGUES: LazyLock<[I18n; 2]> = LazyLock::new(|| {
    // The files are part of the build and tested strictly (`parse`); should
    // one still hold a broken or repeated message, every other message is
    // kept (`build`), so one slip shows one key, not every key.
    [I18n::lenient(Lang::En, ENGLISH), I18n::lenient(Lang::Es, SPANISH)]
});

/// A message's Fluent id: the key with its dots as dashes.
fn id(key: &str) -> String {
    key.replace('.', "-")
}

impl I18n {
    pub fn english() -> I18n {
        I18n::of(Lang::En)
    }

    pub fn of(lang: Lang) -> I18n {
        CATALOGUES[lang as usize].clone()
    }

    /// The role a professional signs with, as they typed it; a role left
    /// empty is "clinician" in their language (the record keeps the words
    /// the signer saw, like a typed role).
    pub fn role_or_default(&self, typed: &str) -> String {
        match typed.trim() {
            "" => self.t("signed.default_role").to_string(),
            role => role.to_string(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.catalogue.lang
    }

    /// Reads a Fluent file; every syntax error or repeated id is refused.
    pub fn parse(lang: Lang, text: &str) -> Result<I18n, String> {
        let (i18n, problems) = I18n::build(lang, text);
        if problems.is_empty() { Ok(i18n) } else { Err(format!("{}: {}", lang.code(), problems.join("; "))) }
    }

    /// Reads a Fluent file, keeping every message that reads well.
    fn lenient(lang: Lang, text: &str) -> I18n {
        I18n::build(lang, text).0
    }

    /// The catalogue of every good message, and what was wrong with the rest.
    fn build(lang: Lang, text: &str) -> (I18n, Vec<String>) {
        let mut problems = Vec::new();
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, errors)| {
            problems.push(format!("{errors:?}"));
            partial
        });
        let tag: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // The text goes into HTML and the terminal: no invisible
        // direction marks around arguments.
        bundle.set_use_isolating(false);
        // A repeated id keeps its first message; the others are all added.
        if let Err(errors) = bundle.add_resource(resource) {
            problems.push(format!("{errors:?}"));
        }
        let mut plain = HashMap::new();
        for id in message_ids(text) {
            if let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let value = bundle.format_pattern(pattern, None, &mut errors).into_owned();
                plain.insert(id, value);
            }
        }
        (I18n { catalogue: Arc::new(Catalogue { lang, plain, bundle }) }, problems)
    }

    /// The text for `key`; a missing key shows itself, so it is found in review.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.catalogue.plain.get(&id(key)).map(String::as_str).unwrap_or(key)
    }

    /// The text for `key` with its variables filled in (`{ $name }`).
    pub fn ta(&self, key: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self.catalogue.bundle.get_message(&id(key)).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, FluentValue::from(*value));
        }
        let mut errors = Vec::new();
        self.catalogue.bundle.format_pattern(pattern, Some(&fluent), &mut errors).into_owned()
    }

    pub fn has(&self, key: &str) -> bool {
        self.catalogue.plain.contains_key(&id(key))
    }

    /// A problem said in this language only when the error has its own
    /// message (`InputError::said`) or there is one for this field and
    /// reason (`problem.<field>_<code>`), else as the service said it: for
    /// forms whose fields share a name with the walker's but not a meaning
    /// (a clinician's minutes, an admin's e-mail lookup).
    pub fn problem_exact(&self, e: &coach::InputError) -> String {
        let key = format!("problem.{}_{}", e.field, e.code.as_str());
        self.said(e).unwrap_or_else(|| if self.has(&key) { self.t(&key).to_string() } else { e.to_string() })
    }

    /// The error's own message (`InputError::said`), when it has one here;
    /// an argument named `date` holding a date is said as a date.
    fn said(&self, e: &coach::InputError) -> Option<String> {
        let said = e.said.as_ref().filter(|s| self.has(&s.key))?;
        let args: Vec<(&str, String)> = said
            .args
            .iter()
            .map(|(k, v)| match (k.as_str(), v.parse::<jiff::civil::Date>()) {
                ("date", Ok(d)) => (k.as_str(), self.date(&d)),
                _ => (k.as_str(), v.clone()),
            })
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Some(self.ta(&said.key, &args))
    }

    /// What was wrong with a form, in the words of the person who filled it
    /// in: the text for the field and what was wrong with it
    /// (`problem.<field>_<code>`), else for the field (`problem.<field>`),
    /// else the error's own message (`InputError::said`),
    /// else the service's own message.
    pub fn problem(&self, e: &coach::InputError) -> String {
        self.problem_said(e).unwrap_or_else(|| e.to_string())
    }

    /// [`I18n::problem`] when this language has a message for it.
    pub fn problem_said(&self, e: &coach::InputError) -> Option<String> {
        [format!("problem.{}_{}", e.field, e.code.as_str()), format!("problem.{}", e.field)]
            .iter()
            .find(|k| self.has(k))
            .map(|k| self.t(k).to_string())
            .or_else(|| self.said(e))
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
            _ => self.date(day),
        }
    }

    fn weekday(&self, day: &jiff::civil::Date) -> &str {
        self.t(WEEKDAYS[day.weekday().to_monday_zero_offset() as usize])
    }

    fn month(&self, day: &jiff::civil::Date) -> &str {
        self.t(MONTHS[day.month() as usize - 1])
    }

    /// A weekday's name ("Monday", "lunes").
    pub fn weekday_name(&self, d: coach::setup::Day) -> &str {
        self.t(WEEKDAYS[Day::ALL.iter().position(|x| *x == d).unwrap_or(0)])
    }

    /// A training day as typed in this language or in English: three or more
    /// letters of its name, accents optional ("mié", "miercoles", "wed").
    pub fn parse_day(&self, text: &str) -> Option<coach::setup::Day> {
        if let Ok(d) = Day::parse(text) {
            return Some(d);
        }
        let typed = fold(text.trim());
        (typed.chars().count() >= 3)
            .then(|| Day::ALL.into_iter().find(|d| fold(self.weekday_name(*d)).starts_with(&typed)))
            .flatten()
    }

    /// A date in words: "Thursday 17 December", "jueves 17 de diciembre".
    pub fn date(&self, day: &jiff::civil::Date) -> String {
        let n = day.day().to_string();
        self.ta("day.date", &[("weekday", self.weekday(day)), ("day", &n), ("month", self.month(day))])
    }

    /// A date in words with its year: "Thursday 17 December 2026".
    pub fn date_with_year(&self, day: &jiff::civil::Date) -> String {
        let (n, year) = (day.day().to_string(), day.year().to_string());
        let args = [("weekday", self.weekday(day)), ("day", &n), ("month", self.month(day)), ("year", &year)];
        self.ta("day.date_year", &args)
    }

    /// A date in a table or list: "Thu 17 Dec", "jue 17 dic".
    pub fn short_date(&self, day: &jiff::civil::Date) -> String {
        let n = day.day().to_string();
        self.ta("day.short", &[("weekday", &abbr(self.weekday(day))), ("day", &n), ("month", &abbr(self.month(day)))])
    }

    /// A date without its weekday, with its year: "17 December 2026".
    pub fn full_date(&self, day: &jiff::civil::Date) -> String {
        let (n, year) = (day.day().to_string(), day.year().to_string());
        self.ta("day.full", &[("day", &n), ("month", self.month(day)), ("year", &year)])
    }

    /// A week's first day: "17 Dec", "17 dic".
    pub fn day_month(&self, day: &jiff::civil::Date) -> String {
        let n = day.day().to_string();
        self.ta("day.day_month", &[("day", &n), ("month", &abbr(self.month(day)))])
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

/// A weekday's or month's short name: its first three letters, as both
/// languages abbreviate them ("Thu", "Dec"; "jue", "dic").
fn abbr(name: &str) -> String {
    name.chars().take(3).collect()
}

/// The ids of the messages in a Fluent file, in order.
fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| id.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_string)
        .collect()
}

/// Lower case without the accents a keyboard may lack.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{ENGLISH, I18n, Lang, SPANISH, message_ids};
    use std::collections::{BTreeMap, BTreeSet};

    /// Each message's variables (`{ $name }`), by id.
    /// Each message's variables, from its first line and its indented
    /// continuation lines.
    fn variables(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let ids = message_ids(text);
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let value = match line.split_once(" = ") {
                Some((id, value)) if ids.iter().any(|i| i == id) => {
                    current = Some(id.to_string());
                    value
                }
                _ if line.starts_with(' ') => line,
                _ => {
                    current = None;
                    continue;
                }
            };
            if let Some(id) = &current {
                let vars = value.split("{ $").skip(1).map(|v| v[..v.find(' ').unwrap_or(v.len())].to_string());
                out.entry(id.clone()).or_default().extend(vars);
            }
        }
        out
    }

    /// Spanish has exactly English's messages, each with the same variables,
    /// and both files parse with no error or repeated id.
    #[test]
    fn every_language_has_every_message_and_variable() {
        let (en, es) = (variables(ENGLISH), variables(SPANISH));
        let only_en: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
        let only_es: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty() && only_es.is_empty(), "missing in es: {only_en:?}; missing in en: {only_es:?}");
        let differ: Vec<_> = en.iter().filter(|(k, v)| es.get(*k) != Some(v)).map(|(k, _)| k).collect();
        assert!(differ.is_empty(), "variables differ: {differ:?}");
        for (lang, text) in [(Lang::En, ENGLISH), (Lang::Es, SPANISH)] {
            let t = I18n::parse(lang, text).unwrap();
            assert_eq!(message_ids(text).len(), en.len());
            assert!(message_ids(text).iter().all(|id| t.catalogue.plain.contains_key(id)), "{}", lang.code());
        }
        assert!(I18n::parse(Lang::En, "a = one\na = two\n").is_err(), "a repeated id is refused");
        // The server keeps every other message: one slip shows one key.
        let lenient = I18n::lenient(Lang::En, "a = one\nb = two\na = three\nc = { $\nd = four\n");
        assert_eq!([lenient.t("a"), lenient.t("b"), lenient.t("d")], ["one", "two", "four"]);
        let continued = variables("a = one { $x }\n    and { $y }\nb = two\n");
        assert_eq!(continued["a"].iter().collect::<Vec<_>>(), ["x", "y"]);
        assert!(I18n::parse(Lang::En, "a = { $\n").is_err(), "a syntax error is refused");
    }

    #[test]
    fn arguments_fill_in_and_languages_negotiate() {
        let es = I18n::of(Lang::Es);
        assert_eq!(es.ta("session.phase_bout", &[("n", "2"), ("of", "3")]), "Caminar hacia atrás, tanda 2 de 3");
        assert_eq!(I18n::english().t("nav.today"), "Today");
        assert_eq!(es.t("nav.today"), "Hoy");
        assert_eq!(Lang::from_accept_language("es-MX,es;q=0.9,en;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("fr-FR, en-GB;q=0.7, es;q=0.9"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("fr, de;q=0.5"), None);
        assert_eq!(Lang::from_accept_language("es;q=0, en"), Some(Lang::En));
        assert_eq!(Lang::parse("es_ES.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::parse("C"), None);
        let d = jiff::civil::date(2026, 12, 17);
        assert_eq!(es.date(&d), "jueves 17 de diciembre");
        assert_eq!(es.short_date(&d), "jue 17 dic");
        assert_eq!(I18n::english().short_date(&d), "Thu 17 Dec");
        assert_eq!(es.full_date(&d), "17 de diciembre de 2026");
        assert_eq!(es.day(&d, &jiff::civil::date(2026, 12, 1)), "jueves 17 de diciembre");
        assert_eq!(es.day(&d, &jiff::civil::date(2026, 12, 16)), "mañana");
    }

    #[test]
    fn english_parses_and_nests() {
        let t = super::I18n::english();
        assert_eq!(t.t("nav.today"), "Today");
        assert_eq!(t.t("no.such.key"), "no.such.key");
    }
}
