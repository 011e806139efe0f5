//! Everything about one walker that the coach needs, loaded together.

use crate::access::Access;
use crate::{ServiceError, ServiceResult};
use coach::adaptation::{Timeline, replay};
use coach::history::History;
use coach::pause::Pause;
use coach::programme::Programme;
use coach::schedule::Schedule;
use coach::screening::Clearance;
use jiff::civil::Date;
use std::borrow::Cow;
use std::sync::OnceLock;
use store::{ProgrammeRecord, ScreeningRecord, Store, Walker};

pub struct State {
    /// The grant this state was loaded with: further calls about the walker take it.
    pub access: Access,
    pub walker: Walker,
    pub screen: ScreeningRecord,
    pub clearance: Option<Clearance>,
    pub record: ProgrammeRecord,
    pub programme: Programme,
    pub history: History,
    /// Outcome results, oldest first.
    pub outcomes: Vec<store::OutcomeRecord>,
    /// The questionnaires for this walker (the server's, and those their
    /// care team assigned from its clinic's), and the walker's answers.
    pub questionnaires: Vec<store::LoadedQuestionnaire>,
    /// What the walker's care teams ask of them beyond the standard schedule.
    pub assignments: Vec<store::Assignment>,
    pub questionnaire_results: Vec<store::QuestionnaireResult>,
    /// Activities imported from watches and treadmills, oldest first.
    pub activities: Vec<store::StoredActivity>,
    /// Motion recordings' analyses, by session date, oldest first.
    pub motions: Vec<store::StoredMotion>,
    pub today: Date,
    /// The replayed timeline with what it was replayed for; see [`State::timeline`].
    timeline_cache: OnceLock<(TimelineKey, Timeline)>,
}

/// What a replay depends on that a caller holding a `State` could change.
type TimelineKey = (Date, usize, usize, usize);

impl State {
    fn timeline_key(&self) -> TimelineKey {
        let h = &self.history;
        (self.today, h.logs.len(), h.checkins.len(), h.overrides.len())
    }

    /// Every decision up to today, replayed from the facts. The web app serves
    /// many pages from one cached `State`, and replaying is the costly part,
    /// so the first replay is kept while `today` and the history are unchanged.
    pub fn timeline(&self) -> Cow<'_, Timeline> {
        let key = self.timeline_key();
        let (kept_for, tl) =
            self.timeline_cache.get_or_init(|| (key, replay(&self.programme, &self.history, self.today)));
        if *kept_for == key {
            Cow::Borrowed(tl)
        } else {
            Cow::Owned(replay(&self.programme, &self.history, self.today))
        }
    }

    pub fn timeline_with(&self, history: &History) -> Timeline {
        replay(&self.programme, history, self.today)
    }

    /// `date` or today, refusing a date that has not happened yet.
    pub fn past_date(&self, date: Option<Date>) -> ServiceResult<Date> {
        let date = date.unwrap_or(self.today);
        if date > self.today {
            return Err(ServiceError::refused(
                coach::Code::NotYet,
                format!("date: {date} is in the future; record things after they happen"),
            ));
        }
        Ok(date)
    }

    /// The outcome measures and loaded questionnaires due today. While
    /// training is paused (a red flag, a clearance awaited, a stop), the tests
    /// the walker performs are not asked for: only ratings and questionnaires.
    pub fn outcomes_due(&self) -> Option<coach::outcomes::Due> {
        let taken: Vec<_> = self.outcomes.iter().map(|o| (o.measure, o.taken_on)).collect();
        let loaded: Vec<(String, String)> =
            self.questionnaires.iter().map(|q| (q.questionnaire.id.clone(), q.questionnaire.title.clone())).collect();
        let answered: Vec<(String, Date)> =
            self.questionnaire_results.iter().map(|r| (r.questionnaire.clone(), r.taken_on)).collect();
        let extra: Vec<coach::outcomes::Measure> = self
            .assignments
            .iter()
            .filter_map(|a| match a.item {
                store::Assigned::Measure(m) => Some(m),
                store::Assigned::Questionnaire(_) => None,
            })
            .collect();
        let mut due = coach::outcomes::due(self.programme.start(), self.today, &extra, &taken, &loaded, &answered)?;
        if self.pause().is_some() {
            due.measures.retain(|m| !m.is_performed());
        }
        (!due.measures.is_empty() || !due.questionnaires.is_empty()).then_some(due)
    }

    /// Why backward walking is paused today, if it is.
    pub fn pause(&self) -> Option<Pause> {
        coach::pause::pause(&self.screen.outcome, &self.timeline(), self.today)
    }

    /// Every planned backward-walking day as it stands today; no dose on a
    /// day while training is paused. Every forward-looking output reads this.
    pub fn schedule(&self) -> Schedule {
        // Days spent waiting for a clearance are not missed.
        let cleared_on = self.clearance.as_ref().map(|c| crate::dates::local_date(c.at, &self.walker.time_zone));
        coach::schedule::schedule(
            &self.programme,
            &self.screen.outcome,
            &self.timeline(),
            &self.history,
            self.today,
            cleared_on,
        )
    }

    /// Refuses to record or prescribe backward walking while it is paused
    /// (red flag, missing clearance, or stopped by the coach).
    pub fn require_training_allowed(&self) -> ServiceResult<()> {
        match self.pause() {
            None => Ok(()),
            Some(p) => Err(ServiceError::paused(&p)),
        }
    }

    /// Refuses a check-in when the screen does not allow training. A check-in
    /// after the session that stopped the programme is still recorded: it is
    /// a fact the clinician needs.
    pub fn require_screen_allows(&self) -> ServiceResult<()> {
        match self.pause().filter(|p| !p.kind.needs_restart()) {
            None => Ok(()),
            Some(p) => Err(ServiceError::paused(&p)),
        }
    }
}

/// Where a walker is in getting started, for callers that route by it.
pub enum Stage {
    NeedsScreening,
    NeedsSetup(store::ScreeningRecord),
    Ready(Box<State>),
}

impl Stage {
    pub const READY: &'static str = "ready";

    /// The stage's name in the API: `needs_screening`, `needs_setup`, `ready`.
    pub fn name(&self) -> &'static str {
        match self {
            Stage::NeedsScreening => "needs_screening",
            Stage::NeedsSetup(_) => "needs_setup",
            Stage::Ready(_) => Stage::READY,
        }
    }
}

/// Loads the walker's state, with `today` in their time zone given by the caller.
pub async fn load<S: Store>(store: &S, access: Access, today: Date) -> ServiceResult<State> {
    match stage(store, access, today).await? {
        Stage::NeedsScreening => Err(ServiceError::refused(
            coach::Code::NotReady,
            "this walker has no screening yet: complete the screening first",
        )),
        Stage::NeedsSetup(_) => Err(ServiceError::refused(
            coach::Code::NotReady,
            "this walker has no programme yet: complete the set-up first",
        )),
        Stage::Ready(state) => Ok(*state),
    }
}

pub async fn stage<S: Store>(store: &S, access: Access, today: Date) -> ServiceResult<Stage> {
    stage_for(store, access, walker(store, access).await?, today).await
}

/// The walker's own record (name, time zone, profile).
pub async fn walker<S: Store>(store: &S, access: Access) -> ServiceResult<Walker> {
    Ok(store.walker(access.walker()).await?)
}

/// [`stage`] for a walker already loaded (saves a query on hot pages).
pub async fn stage_for<S: Store>(store: &S, access: Access, walker: Walker, today: Date) -> ServiceResult<Stage> {
    let id = access.walker();
    if walker.id != id {
        return Err(ServiceError::NotFound("walker not found".into()));
    }
    let Some(screen) = store.latest_screening(id).await? else { return Ok(Stage::NeedsScreening) };
    let Some(record) = store.active_programme(id).await? else { return Ok(Stage::NeedsSetup(screen)) };
    let clearance = store.latest_clearance(id).await?;
    let programme = Programme::new(record.setup.clone(), screen.outcome.fall_risk)?;
    let history = store.history(record.key()).await?;
    let outcomes = store.outcomes(id).await?;
    let assignments = store.assignments(id).await?;
    let questionnaires = store
        .questionnaires()
        .await?
        .into_iter()
        .filter(|q| match q.clinic {
            None => true,
            Some(clinic) => assignments
                .iter()
                .any(|a| a.clinic == clinic && a.item == store::Assigned::Questionnaire(q.questionnaire.id.clone())),
        })
        .collect();
    let questionnaire_results = store.questionnaire_results(id).await?;
    let activities = store.activities(id).await?;
    let motions = store.motions(id).await?;
    Ok(Stage::Ready(Box::new(State {
        access,
        walker,
        screen,
        clearance,
        record,
        programme,
        history,
        outcomes,
        questionnaires,
        assignments,
        questionnaire_results,
        activities,
        motions,
        today,
        timeline_cache: OnceLock::new(),
    })))
}
