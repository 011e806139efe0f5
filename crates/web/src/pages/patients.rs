//! A clinician's patient list (`/patients`): everyone in their care, the most
//! urgent first, each flag with its rule, filtered by flag, by "not seen this
//! week" or by name. Desktop and tablet first; it reflows on a phone. Every
//! row is read through the access rule.

use super::{Layout, render};
use crate::auth::extract::SignedIn;
use crate::error::AppError;
use crate::forms::PatientQuery;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use service::clinics::PatientRow;

#[derive(Template)]
#[template(path = "patients.html")]
struct PatientsPage {
    l: Layout,
    rows: Vec<PatientRow>,
    /// Rows the filter kept in all, and the links to the pages around this one.
    total: usize,
    earlier: Option<String>,
    later: Option<String>,
    f: PatientQuery,
    rules: &'static [(&'static str, &'static str)],
    /// The clinics the clinician can invite walkers to.
    clinics: Vec<(store::Clinic, store::MemberRole)>,
    /// Walkers who left their care: id, name, the day they left.
    former: Vec<(i64, String, String)>,
    /// For an admin: each clinic they run with break-glass openings in the
    /// last days (id, name, how many), so they hear of them in the app.
    break_glass_notices: Vec<(i64, String, usize)>,
}

impl PatientsPage {
    fn today(&self, row: &PatientRow) -> String {
        words::coach_words::patient_today(&self.l.i18n, &row.today_is)
    }
}

pub async fn page(
    State(state): State<AppState>,
    who: SignedIn,
    Query(f): Query<PatientQuery>,
) -> Result<Response, AppError> {
    let filter = f.filter()?;
    let cache = state.patient_rows();
    let now = state.now();
    let rows = service::clinics::patients(state.store(), &who.actor(), &filter, cache, &who.client, now, |tz| {
        state.today_in(tz)
    })
    .await?;
    let clinics = service::clinics::memberships(state.store(), &who.actor()).await?;
    let mut l = Layout::new(&state, Some(&who), "patients", "patients.title");
    l.wide = true;
    let (offset, limit) = (filter.offset, filter.limit.unwrap_or(crate::forms::PATIENTS_SHOWN));
    let link = |at: usize| {
        let q: Vec<(&str, String)> = vec![
            ("flag", f.flag.clone()),
            ("unseen", f.unseen.clone().unwrap_or_default()),
            ("q", f.q.clone()),
            ("offset", at.to_string()),
        ];
        format!("/patients?{}", serde_urlencoded::to_string(q).unwrap_or_default())
    };
    let earlier = (offset > 0).then(|| link(offset.saturating_sub(limit)));
    let later = (offset + rows.rows.len() < rows.total).then(|| link(offset + limit));
    let total = rows.total;
    let former = service::clinics::former_patients(state.store(), &who.actor())
        .await?
        .into_iter()
        .map(|(w, name, until)| (w.0, name, until.strftime("%Y-%m-%d").to_string()))
        .collect();
    let mut break_glass_notices = Vec::new();
    for (c, _) in clinics.iter().filter(|(_, role)| *role == store::MemberRole::Admin) {
        let opened = service::clinic_admin::recent_break_glasses(state.store(), &who.actor(), c.id, now).await?;
        if !opened.is_empty() {
            break_glass_notices.push((c.id.0, c.name.clone(), opened.len()));
        }
    }
    let page = PatientsPage {
        l,
        rows: rows.rows,
        total,
        earlier,
        later,
        f,
        rules: coach::flags::RULES,
        clinics,
        former,
        break_glass_notices,
    };
    render(&page)
}

#[derive(serde::Deserialize, Default)]
pub struct BreakGlassForm {
    #[serde(default)]
    walker: String,
    #[serde(default)]
    reason: String,
}

/// A clinician opens a record they do not look after, with a reason (break-glass).
pub async fn break_glass(
    State(state): State<AppState>,
    f: crate::auth::extract::CsrfForm<BreakGlassForm>,
) -> Result<Response, AppError> {
    let id: i64 = f.form.walker.trim().parse().map_err(|_| {
        let typed = f.form.walker.trim();
        AppError::bad(format!("walker: '{typed}' is not a walker's number"))
            .said("refusal.walker_number", &[("typed", &typed)])
    })?;
    let actor = f.who.actor();
    let now = state.now();
    service::clinics::break_glass(state.store(), &actor, store::WalkerId(id), &f.form.reason, &f.who.client, now)
        .await?;
    Ok(axum::response::Redirect::to(&format!("/patients/{id}")).into_response())
}
