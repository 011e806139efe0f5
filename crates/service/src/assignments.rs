//! What a walker's care team asks of them beyond the standard outcome
//! schedule: a measure the schedule leaves out (the 3-metre backward walk, a
//! fall-risk test), or a questionnaire their clinic loaded under its own
//! licence. An assignment joins the walker's due list at each timepoint and
//! ends when the care team stops asking or the walker leaves the clinic.

use crate::{Access, Grant, ServiceError, ServiceResult};
use coach::Code;
use coach::outcomes::{Measure, SCHEDULED};
use jiff::Timestamp;
use serde::Serialize;
use store::{AccountId, Assigned, ClinicId, Store};

/// What the care team at `clinic` could ask for now, and what it asks already.
#[derive(Clone, Debug, Serialize)]
pub struct Assignable {
    /// Measures the standard schedule leaves out, not asked yet.
    pub measures: Vec<Measure>,
    /// The clinic's questionnaires not asked yet: (id, title).
    pub questionnaires: Vec<(String, String)>,
    /// What the clinic asks of the walker now, in words: (item, words).
    pub asked: Vec<(Assigned, String)>,
}

/// The care-team clinician and the clinic they act for; anyone else is
/// refused (the walker's own account, the operator, a read-only grant).
fn care_team(access: Access) -> ServiceResult<(AccountId, ClinicId)> {
    match access.grant() {
        Grant::Clinician { account, clinic } => Ok((account, clinic)),
        _ => Err(ServiceError::refused(
            Code::Invalid,
            "only the walker's care team asks for measures and questionnaires beyond the schedule",
        )),
    }
}

/// A measure always on the schedule (or the global rating, which joins it
/// from week 3) needs no asking.
fn scheduled(m: Measure) -> bool {
    SCHEDULED.contains(&m) || m == Measure::GlobalChange
}

/// The item in words, as the walker's care team sees it.
fn words(item: &Assigned, titles: &[(String, String)]) -> String {
    match item {
        Assigned::Measure(m) => m.name().to_string(),
        Assigned::Questionnaire(id) => {
            titles.iter().find(|(q, _)| q == id).map_or_else(|| id.clone(), |(_, title)| title.clone())
        }
    }
}

/// What the clinic's care team may ask of this walker, and asks already.
pub async fn assignable<S: Store>(store: &S, access: Access) -> ServiceResult<Assignable> {
    let (_, clinic) = care_team(access)?;
    let asked: Vec<Assigned> =
        store.assignments(access.walker()).await?.into_iter().filter(|a| a.clinic == clinic).map(|a| a.item).collect();
    let titles: Vec<(String, String)> = store
        .questionnaires()
        .await?
        .into_iter()
        .filter(|q| q.clinic == Some(clinic))
        .map(|q| (q.questionnaire.id, q.questionnaire.title))
        .collect();
    Ok(Assignable {
        measures: Measure::ALL
            .iter()
            .copied()
            .filter(|m| !scheduled(*m) && !asked.contains(&Assigned::Measure(*m)))
            .collect(),
        questionnaires: titles
            .iter()
            .filter(|(id, _)| !asked.contains(&Assigned::Questionnaire(id.clone())))
            .cloned()
            .collect(),
        asked: asked.iter().map(|a| (a.clone(), words(a, &titles))).collect(),
    })
}

/// Reads `kind` and `item` as typed (`measure` and a measure's name, or
/// `questionnaire` and its id).
pub fn parse(kind: &str, item: &str) -> ServiceResult<Assigned> {
    match kind.trim() {
        "measure" => item
            .trim()
            .parse::<Measure>()
            .map(Assigned::Measure)
            .map_err(|_| ServiceError::input(format!("item: {:?} is not a measure", item.trim()))),
        "questionnaire" if !item.trim().is_empty() => Ok(Assigned::Questionnaire(item.trim().into())),
        "questionnaire" => Err(ServiceError::input("item: the questionnaire's id")),
        other => Err(ServiceError::input(format!("kind: measure or questionnaire, not {other:?}"))),
    }
}

/// The care team asks the walker for `item` from now on.
pub async fn assign<S: Store>(store: &S, access: Access, item: &Assigned, now: Timestamp) -> ServiceResult<()> {
    let (account, clinic) = care_team(access)?;
    match item {
        Assigned::Measure(m) if scheduled(*m) => {
            return Err(ServiceError::conflict(
                Code::NothingToDo,
                format!("{} is on every walker's schedule already", m.name()),
            )
            .said("refusal.measure_scheduled", &[]));
        }
        Assigned::Measure(_) => {}
        Assigned::Questionnaire(id) => {
            let all = store.questionnaires().await?;
            if !all.iter().any(|q| &q.questionnaire.id == id && q.clinic == Some(clinic)) {
                return Err(ServiceError::input(format!(
                    "item: {id:?} is not one of your clinic's questionnaires (the server's own reach every walker already)"
                )));
            }
        }
    }
    // A duplicate: asked already (another tab, or a page from before).
    store
        .assign(access.walker(), clinic, item, account, now)
        .await
        .map_err(|e| ServiceError::duplicate_said(e, "refusal.assigned_already", &[]))
}

/// The care team stops asking for `item`.
pub async fn unassign<S: Store>(store: &S, access: Access, item: &Assigned, now: Timestamp) -> ServiceResult<()> {
    let (_, clinic) = care_team(access)?;
    if store.unassign(access.walker(), clinic, item, now).await? {
        Ok(())
    } else {
        Err(ServiceError::conflict(Code::NothingToDo, format!("{} is not asked of this walker", item.parts().1))
            .said("refusal.not_asked", &[]))
    }
}
