//! Clinic mode for clinicians: the patient list.

use super::ApiResult;
use crate::auth::extract::{ApiAccount, ClientAddr};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use serde::Serialize;
use utoipa::ToSchema;

/// One walker in the clinician's care.
#[derive(Serialize, ToSchema)]
pub struct PatientDto {
    pub walker: i64,
    pub name: String,
    pub week: u32,
    /// Today's backward walking in a line: the dose, none today, or why it is paused.
    pub today: String,
    /// Sessions done of those due in the last 14 days, in percent.
    pub adherence_14d: Option<u32>,
    #[schema(format = Date)]
    pub last_activity: Option<String>,
    pub last_decision: Option<LastDecisionDto>,
    /// Open flags, most urgent first.
    pub flags: Vec<FlagDto>,
    /// Flags a clinician has acknowledged, with their note.
    pub acknowledged: Vec<AcknowledgedDto>,
    /// Messages from the walker the care team has not read.
    pub unread: u64,
}

#[derive(Serialize, ToSchema)]
pub struct AcknowledgedDto {
    pub flag: FlagDto,
    pub note: String,
    /// The clinician's account id.
    pub by: i64,
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct LastDecisionDto {
    pub rule: String,
    pub reason: String,
    #[schema(format = Date)]
    pub effective: String,
    /// A clinician approved it as it stands.
    pub approved: bool,
}

#[derive(Serialize, ToSchema)]
pub struct FlagDto {
    /// critical, high or low.
    pub severity: String,
    /// The rule that raised it, e.g. F-RED-FLAG.
    pub rule: String,
    pub text: String,
    #[schema(format = Date)]
    pub since: String,
}

impl From<&service::clinics::PatientRow> for PatientDto {
    fn from(r: &service::clinics::PatientRow) -> Self {
        PatientDto {
            walker: r.walker.0,
            name: r.name.clone(),
            week: r.week,
            today: r.today.clone(),
            adherence_14d: r.adherence_14d,
            last_activity: r.last_activity.map(|d| d.to_string()),
            last_decision: r.last_decision.as_ref().map(|d| LastDecisionDto {
                rule: d.rule.clone(),
                reason: d.reason.clone(),
                effective: d.effective.to_string(),
                approved: d.approved,
            }),
            flags: r.flags.iter().map(FlagDto::from).collect(),
            acknowledged: r
                .acknowledged
                .iter()
                .map(|a| AcknowledgedDto {
                    flag: FlagDto::from(&a.flag),
                    note: a.review.note.clone(),
                    by: a.review.account.0,
                    at: a.review.at.to_string(),
                })
                .collect(),
            unread: r.unread,
        }
    }
}

impl From<&coach::flags::Flag> for FlagDto {
    fn from(f: &coach::flags::Flag) -> Self {
        FlagDto {
            severity: f.severity.as_str().into(),
            rule: f.rule.into(),
            text: f.text.clone(),
            since: f.since.to_string(),
        }
    }
}

/// The signed-in clinician's patient list: every walker in their care, the
/// most urgent first. Empty for an account that cares for nobody. Filters:
/// `flag` (a rule, e.g. F-FALL), `unseen=1` (walker page not opened this
/// week), `q` (words in the name).
#[utoipa::path(get, path = "/api/v1/patients", security(("bearer" = [])),
    params(("flag" = Option<String>, Query, description = "Only rows with this flag open (F-FALL …); empty: any"),
           ("unseen" = Option<String>, Query, description = "1: only walkers no clinician opened this week"),
           ("q" = Option<String>, Query, description = "Words in the walker's name"),
           ("offset" = Option<u32>, Query, minimum = 0, maximum = 1000000, description = "Rows to skip (after sorting)"),
           ("limit" = Option<u32>, Query, minimum = 1, maximum = 500, description = "Rows to return, 1 to 500; default 100")),
    responses((status = 200, body = Vec<PatientDto>), (status = 422)))]
pub(super) async fn patients(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    a: ApiAccount,
    Query(f): Query<crate::forms::PatientQuery>,
) -> ApiResult<Vec<PatientDto>> {
    let actor = service::Actor::account(&a.account);
    let filter = f.filter()?;
    let cache = state.patient_rows();
    let rows = service::clinics::patients(state.store(), &actor, &filter, cache, &client, state.now(), |tz| {
        state.today_in(tz)
    })
    .await?;
    Ok(Json(rows.rows.iter().map(PatientDto::from).collect()))
}
