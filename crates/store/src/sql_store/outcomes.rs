//! [`OutcomeStore`](crate::OutcomeStore) in SQL: outcome measures and clinic questionnaires.

use crate::codec::{self, corrupt, date, millis, timestamp};
use crate::{LoadedQuestionnaire, OutcomeRecord, QuestionnaireResult, Result, WalkerId};
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
        let existed = sqlx::query("SELECT id FROM questionnaires WHERE id = $1")
            .bind(q.questionnaire.id.clone())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        sqlx::query(
            "INSERT INTO questionnaires (id, questionnaire, scoring, loaded_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET questionnaire = excluded.questionnaire, scoring = excluded.scoring, \
             loaded_at = excluded.loaded_at",
        )
        .bind(q.questionnaire.id.clone())
        .bind(codec::to_json(&crate::stored::QuestionnaireV1::from(&q.questionnaire))?)
        .bind(codec::to_json(&crate::stored::ScoringV1::from(&q.scoring))?)
        .bind(millis(q.loaded_at))
        .execute(&mut *tx)
        .await?;
        // Every walker's state lists the loaded questionnaires.
        sqlx::query("UPDATE walkers SET version = version + 1").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(existed)
    }

    async fn questionnaires(&self) -> Result<Vec<LoadedQuestionnaire>> {
        let rows = sqlx::query("SELECT questionnaire, scoring, loaded_at FROM questionnaires ORDER BY id")
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
                })
            })
            .collect::<Result<Vec<_>>>()?;
        all.sort_by(|a, b| a.questionnaire.title.cmp(&b.questionnaire.title));
        Ok(all)
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
