//! The plan: weeks with planned, done and missed sessions, and the adapted
//! dose with its reason.

use super::{Layout, Ready, content_page, render_string};
use crate::cache::Part;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use coach::dates::add_days;
use jiff::civil::Date;
use service::{PlanView, PlanWeek};

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanContent {
    l: I18n,
    p: PlanView,
    today: Date,
    /// The pause, if any, in the page's language.
    pause: Option<words::coach_words::PauseWords>,
}

impl PlanContent {
    /// Weeks shown day by day: last week, this week and the next two. The rest
    /// are a line each, so a year-long plan stays light on a phone (46 KB to
    /// 13 KB) and the walker does not scroll past forty weeks to reach this one.
    fn in_full(&self, w: &PlanWeek) -> bool {
        add_days(w.start, 6) >= add_days(self.today, -7) && w.start <= add_days(self.today, 14)
    }

    /// Whether any session ahead shows an expected dose (then the page says
    /// what "expected" means).
    fn shows_road(&self) -> bool {
        self.p.weeks.iter().flat_map(|w| &w.days).any(|d| d.retro.as_ref().is_some_and(|r| r.expected.is_some()))
    }

    /// A compact week in one line: what was done, or what is planned.
    fn week_line(&self, w: &PlanWeek) -> String {
        let count =
            |status: &str| w.days.iter().filter(|d| d.retro.as_ref().is_some_and(|r| r.status == status)).count();
        let t = |key| self.l.t(key);
        if w.start > self.today && count("paused") > 0 {
            format!(
                "{} {} · {} {}",
                count("paused"),
                t("plan.sessions_paused"),
                w.aerobic_minutes,
                t("plan.min_aerobic")
            )
        } else if w.start > self.today {
            let expected = w.days.iter().any(|d| d.retro.as_ref().is_some_and(|r| r.expected.is_some()));
            format!(
                "{} {} · {}{} {} + {} {}",
                count("planned"),
                t("plan.sessions_planned"),
                if expected { format!("{} ", t("plan.expected")) } else { String::new() },
                w.retro_minutes,
                t("plan.min_backward"),
                w.aerobic_minutes,
                t("plan.min_aerobic")
            )
        } else {
            let mut line = format!("{} {} · {} {}", count("done"), t("plan.done"), count("missed"), t("plan.missed"));
            if w.aerobic_done > 0 {
                line.push_str(&format!(" · {} {}", w.aerobic_done, t("plan.aerobic_done")));
            }
            line
        }
    }

    /// Why the coach decided the dose in force, in the page's language.
    fn reason(&self, d: &coach::adaptation::Decision) -> String {
        words::coach_words::reason(&self.l, d)
    }

    fn support(&self, dose: &coach::dose::Dose) -> String {
        words::coach_words::support(&self.l, dose)
    }

    /// A dose in one line, in the page's language (see `coach_words`).
    fn summary(&self, dose: &coach::dose::Dose, week: &u32) -> String {
        words::coach_words::summary(&self.l, dose, *week, self.p.supported_only)
    }

    /// An imported activity, in the page's language.
    fn activity(&self, a: &coach::imports::Imported) -> String {
        words::coach_words::activity_summary(&self.l, a)
    }

    /// A session day without a dose (training is paused or stopped).
    fn no_dose(&self, status: &str) -> &str {
        self.l.t(if status == "paused" { "plan.paused_line" } else { "plan.stopped_line" })
    }

    fn status_key(&self, status: &str) -> &'static str {
        match status {
            "done" => "plan.done",
            "missed" => "plan.missed",
            "today" => "plan.today",
            "paused" => "plan.paused",
            _ => "plan.planned",
        }
    }
}

pub async fn page(State(state): State<AppState>, Ready { who, entry, .. }: Ready) -> Result<Response, AppError> {
    let l = Layout::new(&state, Some(&who), "plan", "plan.title");
    content_page(l, &entry, Part::Plan, |s, l| {
        let mut p = service::plan(s);
        for n in &mut p.notices {
            n.text = words::coach_words::notice(&l, &s.programme, n);
        }
        let pause = p.pause.as_ref().map(|x| words::coach_words::pause_words(&l, x, Some(&s.screen.outcome)));
        render_string(&PlanContent { l, p, today: s.today, pause })
    })
}
