//! Outcome measures: record a result (a fall-risk test re-screens the walker in
//! the same transaction) and read the table of changes.

use crate::{Access, OutcomeRow, ServiceError, ServiceResult, Trend};
use coach::outcomes::{self, Flag, Interpretation, Measure};
use coach::screening::{Outcome, evaluate};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use store::{OutcomeRecord, Store};

/// A result as entered: the value in its entry unit (seconds for timed walks),
/// or the walker's own activities with their 0-10 ratings.
#[derive(Clone, Debug)]
pub struct OutcomeInput {
    pub measure: Measure,
    pub value: Option<f64>,
    pub activities: Vec<(String, f64)>,
    pub date: Date,
}

#[derive(Clone, Debug, Serialize)]
pub struct Recorded {
    pub record: OutcomeRecord,
    /// Against the first result of the same measure, if there is one.
    pub change: Option<Interpretation>,
    pub flags: Vec<Flag>,
    /// The new screening outcome, when this result changed it.
    pub screen_changed: Option<Outcome>,
}

fn activities_value(items: &[(String, f64)]) -> ServiceResult<(f64, String)> {
    if !(3..=5).contains(&items.len()) {
        return Err(ServiceError::input(format!("activities: name 3 to 5 activities; got {}", items.len())));
    }
    // Spaces and line breaks around a name are dropped; inside it, a name is one line.
    let items: Vec<(&str, f64)> = items.iter().map(|(name, score)| (name.trim(), *score)).collect();
    for &(name, score) in &items {
        if name.is_empty() || name.chars().count() > 80 {
            return Err(ServiceError::input("activities: each activity needs a name of up to 80 characters"));
        }
        coach::text::check_line("activities", name)?;
        if !(0.0..=10.0).contains(&score) || score.fract() != 0.0 {
            return Err(ServiceError::input(format!(
                "activities: '{name}' is rated 0 to 10 in whole numbers; got {score}"
            )));
        }
    }
    let mean = items.iter().map(|(_, s)| s).sum::<f64>() / items.len() as f64;
    let detail = serde_json::to_string(&items).map_err(|e| ServiceError::input(e.to_string()))?;
    Ok(((mean * 10.0).round() / 10.0, detail))
}

pub async fn record_outcome<S: Store>(
    store: &S,
    access: Access,
    input: OutcomeInput,
    today: Date,
    now: Timestamp,
) -> ServiceResult<Recorded> {
    let walker = access.walker();
    if input.date > today {
        return Err(ServiceError::refused(coach::Code::NotYet, format!("date: {} is in the future", input.date)));
    }
    let (value, detail) = if input.measure == Measure::OwnActivities {
        activities_value(&input.activities)?
    } else if !input.activities.is_empty() {
        // Sent with another measure, they would be silently dropped.
        return Err(ServiceError::input(format!(
            "activities: only own_activities takes activities; {} takes a value",
            input.measure.as_str()
        )));
    } else {
        let v =
            input.value.ok_or_else(|| ServiceError::input(format!("{}: a value is needed", input.measure.as_str())))?;
        (input.measure.validate(v)?, String::new())
    };
    let record = OutcomeRecord { measure: input.measure, value, taken_on: input.date, detail };
    let earlier = store.outcomes(walker).await?;
    let first = earlier.iter().find(|o| o.measure == input.measure).map(|o| o.value);
    // A timed fall-risk test becomes the screening's measured time; the
    // screen is judged again, with the walker's clearance, in the same write.
    let mut screen_changed = None;
    let screen = store.latest_screening(walker).await?;
    let rescreen = screen.as_ref().and_then(|s| outcomes::into_answers(&s.answers, input.measure, value));
    match rescreen {
        Some(answers) => {
            let clearance = store.latest_clearance(walker).await?;
            let outcome = evaluate(&answers, clearance.as_ref());
            store.save_outcome(walker, &record, Some((&answers, &outcome)), now).await?;
            if screen.is_some_and(|s| s.outcome.status != outcome.status) {
                screen_changed = Some(outcome);
            }
        }
        None => store.save_outcome(walker, &record, None, now).await?,
    }
    let w = store.walker(walker).await?;
    Ok(Recorded {
        change: first.map(|f| outcomes::interpret(input.measure, f, value)),
        flags: outcomes::flags(input.measure, value, age(w.birth_year, today), w.sex),
        screen_changed,
        record,
    })
}

/// Age in whole years this year, from a birth year.
pub fn age(birth_year: Option<i64>, today: Date) -> Option<u32> {
    birth_year.and_then(|y| u32::try_from(i64::from(today.year()) - y).ok())
}

/// Records the optional profile used for age-and-sex norms.
pub async fn set_profile<S: Store>(
    store: &S,
    access: Access,
    birth_year: Option<i64>,
    sex: Option<outcomes::Sex>,
    today: Date,
) -> ServiceResult<()> {
    if let Some(y) = birth_year.filter(|y| !(1900..=i64::from(today.year()) - 18).contains(y)) {
        return Err(ServiceError::input(format!("birth_year: {y} is not a plausible year of birth for an adult")));
    }
    Ok(store.set_profile(access.walker(), birth_year, sex).await?)
}

/// One row per measure taken: first and latest result, and the change.
pub async fn outcome_table<S: Store>(store: &S, access: Access) -> ServiceResult<Vec<OutcomeRow>> {
    Ok(outcome_rows(&store.outcomes(access.walker()).await?))
}

/// [`outcome_table`] from results already loaded.
pub fn outcome_rows(all: &[OutcomeRecord]) -> Vec<OutcomeRow> {
    Measure::ALL
        .iter()
        .filter_map(|m| {
            let of: Vec<&OutcomeRecord> = all.iter().filter(|o| o.measure == *m).collect();
            let (first, latest) = (of.first()?, of.last()?);
            Some(OutcomeRow {
                measure: *m,
                name: m.name(),
                unit: m.unit(),
                trend: Trend {
                    first: first.value,
                    first_on: first.taken_on,
                    latest: latest.value,
                    latest_on: latest.taken_on,
                    results: of.len(),
                    change: (of.len() > 1).then(|| outcomes::interpret(*m, first.value, latest.value)),
                },
            })
        })
        .collect()
}
