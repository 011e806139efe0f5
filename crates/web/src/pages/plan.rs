//! The plan: weeks with planned, done and missed sessions, and the adapted
//! dose with its reason.

use super::{Layout, content_page, ready_entry, render_string};
use crate::auth::extract::SignedIn;
use crate::cache::Part;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use service::PlanView;

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanContent {
    l: I18n,
    p: PlanView,
}

impl PlanContent {
    fn status_key(&self, status: &str) -> &'static str {
        match status {
            "done" => "plan.done",
            "missed" => "plan.missed",
            "today" => "plan.today",
            _ => "plan.planned",
        }
    }
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let entry = match ready_entry(&state, &who).await? {
        Ok(e) => e,
        Err(r) => return Ok(r),
    };
    let l = Layout::new(&state, Some(&who), "plan", "plan.title");
    content_page(l, &entry, Part::Plan, |s, l| render_string(&PlanContent { l, p: service::plan(s) }))
}
