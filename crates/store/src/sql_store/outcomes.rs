//! [`OutcomeStore`](crate::OutcomeStore) in SQL: outcome measures and clinic questionnaires.

use crate::codec::{self, corrupt, date, millis, timestamp};
use crate::{
    AccountId, Assigned, Assignment, ClinicId, LoadedQuestionnaire, OutcomeRecord, QuestionnaireResult, Result,
    StoreError, WalkerId,
};
use coach::screening::{Answers, Outcome};
use jiff::Timestamp;

use super::{SqlStore, get};
use crate::OutcomeStore;

impl OutcomeStore for SqlStore {
    async fn save_outcome(
        &self,
        walker: WalkerId,
        o: &OutcomeRecord,
        rescreen: Option<(&Answers, &Outcome)>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_outcome(&mut tx, walker, o, now).await?;
        match rescreen {
            Some((answers, outcome)) => {
                Self::insert_screening(&mut tx, walker, answers, outcome, now).await?;
            }
            None => Self::bump_walker(&mut tx, walker).await?,
        }
        tx.commit().await?;
        Ok(())
    }

    async fn outcomes(&self, walker: WalkerId) -> Result<Vec<OutcomeRecord>> {
        let rows = sqlx::query(
            "SELECT measure, value, taken_on, detail FROM outcomes WHERE walker_id = $1 ORDER BY taken_on, id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OutcomeRecord {
                    measure: get::<String>(r, "measure")?.parse().map_err(corrupt)?,
                    value: get(r, "value")?,
                    taken_on: date(&get::<String>(r, "taken_on")?)?,
                    detail: get(r, "detail")?,
                })
            })
            .collect()
    }

    async fn save_questionnaire(&self, q: &LoadedQuestionnaire) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let owner = sqlx::query("SELECT clinic_id FROM questionnaires WHERE id = $1")
            .bind(q.questionnaire.id.clone())
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| get::<Option<i64>>(&r, "clinic_id"))
            .transpose()?;
        // Another owner's questionnaire is theirs: a clinic cannot replace the
        // server's, the server's operator cannot replace a clinic's.
        let taken = || {
            StoreError::Duplicate(format!(
                "a questionnaire with the id {:?} is already loaded by someone else on this server; give yours another id",
                q.questionnaire.id
            ))
        };
        if owner.is_some_and(|o| o != q.clinic.map(|c| c.0)) {
            return Err(taken());
        }
        // The owner is checked again in the statement itself: two owners
        // loading one id at once cannot swap the content.
        let done = sqlx::query(
            "INSERT INTO questionnaires (id, questionnaire, scoring, loaded_at, clinic_id) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (id) DO UPDATE SET questionnaire = excluded.questionnaire, scoring = excluded.scoring, \
             loaded_at = excluded.loaded_at \
             WHERE questionnaires.clinic_id IS NOT DISTINCT FROM excluded.clinic_id",
        )
        .bind(q.questionnaire.id.clone())
        .bind(codec::to_json(&crate::stored::QuestionnaireV1::from(&q.questionnaire))?)
        .bind(codec::to_json(&crate::stored::ScoringV1::from(&q.scoring))?)
        .bind(millis(q.loaded_at))
        .bind(q.clinic.map(|c| c.0))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(taken());
        }
        // Every walker's state lists the server's questionnaires; a clinic's
        // reaches only walkers in its care (those its care teams ask).
        match q.clinic {
            None => sqlx::query("UPDATE walkers SET version = version + 1").execute(&mut *tx).await?,
            Some(c) => {
                sqlx::query(
                    "UPDATE walkers SET version = version + 1 \
                     WHERE id IN (SELECT walker_id FROM care_relationships WHERE clinic_id = $1)",
                )
                .bind(c.0)
                .execute(&mut *tx)
                .await?
            }
        };
        tx.commit().await?;
        Ok(owner.is_some())
    }

    async fn questionnaires(&self) -> Result<Vec<LoadedQuestionnaire>> {
        let rows = sqlx::query("SELECT questionnaire, scoring, loaded_at, clinic_id FROM questionnaires ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut all = rows
            .iter()
            .map(|r| {
                Ok(LoadedQuestionnaire {
                    questionnaire: codec::stored::<crate::stored::QuestionnaireV1, _>(
                        &get::<String>(r, "questionnaire")?,
                        "questionnaire",
                    )?,
                    scoring: codec::stored::<crate::stored::ScoringV1, _>(
                        &get::<String>(r, "scoring")?,
                        "questionnaire scoring",
                    )?,
                    loaded_at: timestamp(get(r, "loaded_at")?)?,
                    clinic: get::<Option<i64>>(r, "clinic_id")?.map(ClinicId),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        all.sort_by(|a, b| a.questionnaire.title.cmp(&b.questionnaire.title));
        Ok(all)
    }

    async fn assign(
        &self,
        walker: WalkerId,
        clinic: ClinicId,
        item: &Assigned,
        by: AccountId,
        now: Timestamp,
    ) -> Result<()> {
        let (kind, what) = item.parts();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO assignments (walker_id, clinic_id, kind, item, assigned_by, assigned_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(walker.0)
        .bind(clinic.0)
        .bind(kind)
        .bind(what.to_string())
        .bind(by.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(|e| super::duplicate_as(e, format!("{what} is already asked of this walker")))?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn unassign(&self, walker: WalkerId, clinic: ClinicId, item: &Assigned, now: Timestamp) -> Result<bool> {
        let (kind, what) = item.parts();
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE assignments SET ended_at = $1 \
             WHERE walker_id = $2 AND clinic_id = $3 AND kind = $4 AND item = $5 AND ended_at IS NULL",
        )
        .bind(millis(now))
        .bind(walker.0)
        .bind(clinic.0)
        .bind(kind)
        .bind(what.to_string())
        .execute(&mut *tx)
        .await?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn assignments(&self, walker: WalkerId) -> Result<Vec<Assignment>> {
        let rows = sqlx::query(
            "SELECT a.clinic_id, a.kind, a.item, a.assigned_by, a.assigned_at FROM assignments a \
             JOIN care_relationships r ON r.walker_id = a.walker_id AND r.clinic_id = a.clinic_id \
             AND r.ended_at IS NULL WHERE a.walker_id = $1 AND a.ended_at IS NULL ORDER BY a.id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let item = get::<String>(r, "item")?;
                let item = match get::<String>(r, "kind")?.as_str() {
                    "measure" => Assigned::Measure(codec::variant(&item, "assigned measure")?),
                    "questionnaire" => Assigned::Questionnaire(item),
                    other => return Err(corrupt(format!("assignment kind {other:?}"))),
                };
                Ok(Assignment {
                    clinic: ClinicId(get(r, "clinic_id")?),
                    item,
                    by: AccountId(get(r, "assigned_by")?),
                    at: timestamp(get(r, "assigned_at")?)?,
                })
            })
            .collect()
    }

    async fn save_questionnaire_result(&self, walker: WalkerId, r: &QuestionnaireResult, now: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        Self::insert_questionnaire_result(&mut tx, walker, r, now).await?;
        Self::bump_walker(&mut tx, walker).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn questionnaire_results(&self, walker: WalkerId) -> Result<Vec<QuestionnaireResult>> {
        let rows = sqlx::query(
            "SELECT questionnaire_id, title, version, taken_on, answers, scores FROM questionnaire_results \
             WHERE walker_id = $1 ORDER BY taken_on, id",
        )
        .bind(walker.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(QuestionnaireResult {
                    questionnaire: get(r, "questionnaire_id")?,
                    title: get(r, "title")?,
                    version: get(r, "version")?,
                    taken_on: date(&get::<String>(r, "taken_on")?)?,
                    answers: codec::json(&get::<String>(r, "answers")?, "questionnaire answers")?,
                    scores: codec::json::<Vec<crate::stored::SubscaleScoreV1>>(
                        &get::<String>(r, "scores")?,
                        "questionnaire scores",
                    )?
                    .into_iter()
                    .map(TryInto::try_into)
                    .collect::<Result<_>>()?,
                })
            })
            .collect()
    }
}
