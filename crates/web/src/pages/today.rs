//! Today: the next step first, then what else the day holds.

use super::{Layout, Ready, content_page, render_string};
use crate::cache::Part;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use coach::today::TodayView;

#[derive(Template)]
#[template(path = "today.html")]
struct TodayContent {
    l: I18n,
    v: TodayView,
    /// The latest decision, with its reason: shown after a log or check-in.
    latest: Option<coach::adaptation::Decision>,
    outcomes_due: Option<coach::outcomes::Due>,
    /// Imported walks waiting for "was it backward?".
    waiting_imports: usize,
    /// The day in a sentence, its dates as a walker says them.
    headline: String,
    /// The pause, if any, in the page's language.
    pause: Option<words::coach_words::PauseWords>,
}

/// The coach's words on the page, in its language (see `coach_words`).
impl TodayContent {
    fn timepoint(&self, label: &str) -> String {
        words::coach_words::timepoint(&self.l, label)
    }

    fn speed(&self, d: &coach::dose::Dose) -> String {
        words::coach_words::speed(&self.l, d)
    }

    fn support(&self, d: &coach::dose::Dose) -> String {
        words::coach_words::support(&self.l, d)
    }

    fn surface(&self, d: &coach::dose::Dose) -> String {
        words::coach_words::surface(&self.l, d)
    }

    fn tips(&self, d: &coach::dose::Dose) -> Vec<String> {
        words::coach_words::tips(&self.l, d.surface)
    }

    fn reason(&self, d: &coach::adaptation::Decision) -> String {
        words::coach_words::reason(&self.l, d)
    }

    fn exercise_name(&self, ex: &coach::exercises::Exercise) -> String {
        words::coach_words::exercise_name(&self.l, ex)
    }

    fn exercise_steps(&self, ex: &coach::exercises::Exercise) -> Vec<String> {
        words::coach_words::exercise_steps(&self.l, ex)
    }

    fn exercise_why(&self, ex: &coach::exercises::Exercise) -> String {
        words::coach_words::exercise_why(&self.l, ex)
    }

    fn exercise_dose(&self, ex: &coach::exercises::Exercise) -> String {
        words::coach_words::exercise_dose(&self.l, ex, self.v.week)
    }
}

#[derive(serde::Deserialize, Default)]
pub struct TodayQuery {
    logged: Option<String>,
    checked_in: Option<String>,
    note: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    Ready { who, entry, .. }: Ready,
    axum::extract::Query(q): axum::extract::Query<TodayQuery>,
) -> Result<Response, AppError> {
    let mut l = Layout::new(&state, Some(&who), "today", "today.title");
    // Nothing above a pause: it is the first and only message.
    let paused = entry.state.pause().is_some();
    l.flash = if paused {
        None
    } else if q.logged.is_some() {
        Some(l.t("today.logged").to_string())
    } else if q.checked_in.is_some() {
        Some(l.t("today.checked_in").to_string())
    } else {
        // Only notes the app wrote: a link cannot put its own words on Today.
        q.note.map(|n| format!("today.note.{n}")).filter(|k| l.i18n.has(k)).map(|k| l.t(&k).to_string())
    };
    content_page(l, &entry, Part::Today, content)
}

/// The page's content: today's session or why there is none, the complementary
/// items, the latest decision with its reason and what is waiting.
fn content(s: &service::State, l: I18n) -> Result<String, AppError> {
    let tl = s.timeline();
    let mut v = service::today_with(s, &tl);
    for n in &mut v.notices {
        n.text = words::coach_words::notice(&l, &s.programme, n);
    }
    let latest = tl
        .decisions
        .iter()
        .rev()
        .find(|d| d.after_session.is_some() || d.action != coach::adaptation::Action::Start)
        .cloned();
    let waiting_imports = s
        .activities
        .iter()
        .filter(|a| a.activity.fit == coach::imports::Fit::PlannedSession && a.activity.backward.is_none())
        .count();
    let headline = words::coach_words::headline(&l, &v);
    let pause = v.pause.as_ref().map(|p| words::coach_words::pause_words(&l, p, Some(&s.screen.outcome)));
    render_string(&TodayContent { l, v, latest, outcomes_due: s.outcomes_due(), waiting_imports, headline, pause })
}
