//! The plan: weeks with planned, done and missed sessions, and the adapted
//! dose with its reason.

use super::{Layout, ready, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use service::PlanView;

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    l: Layout,
    p: PlanView,
}

impl PlanPage {
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
    let s = match ready(&state, &who).await? {
        Ok(s) => s,
        Err(r) => return Ok(r),
    };
    let l = Layout::new(&state, Some(&who), "plan", "plan.title");
    render(&PlanPage { l, p: service::plan(&s) })
}
