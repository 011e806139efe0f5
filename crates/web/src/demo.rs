//! `retrowalk serve --demo`: a demo walker with three weeks of varied history,
//! so a newcomer sees a living app.

use crate::auth;
use coach::Pain;
use coach::screening::Answers;
use coach::setup::{Day, Equipment, Setup};
use jiff::civil::Date;
use store::prelude::*;
use store::{NewAccount, SqlStore};

pub const DEMO_EMAIL: &str = "demo@retrowalk.local";
pub const DEMO_PASSWORD: &str = "walk backwards daily";

/// Creates the demo walker if missing; returns (email, password).
pub async fn seed(store: &SqlStore, today: Date) -> Result<(String, String), String> {
    if store.account_by_email(DEMO_EMAIL).await.map_err(|e| e.to_string())?.is_some() {
        return Ok((DEMO_EMAIL.into(), DEMO_PASSWORD.into()));
    }
    let hash = auth::on_hash_thread(|| auth::password_hash(DEMO_PASSWORD)).await??;
    let now = jiff::Timestamp::now();
    let err = |e: service::ServiceError| e.to_string();
    let account = store
        .create_account(
            &NewAccount { email: DEMO_EMAIL.into(), password_hash: hash, name: "Alex".into(), time_zone: "UTC".into() },
            now,
        )
        .await
        .map_err(|e| e.to_string())?;
    let access = service::own(store, &service::Actor::account(&account)).await.map_err(err)?;
    service::screen(store, access, &Answers::all_no(), now).await.map_err(err)?;
    let start = coach::dates::add_days(today, -21);
    let setup = Setup {
        equipment: Equipment { treadmill: true, safety_key: true, handrails: true, bike: true, pool: false },
        training_days: vec![Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri, Day::Sat, Day::Sun],
        start,
        time_zone: "UTC".into(),
        baseline_pain: Pain::new(3).map_err(|e| e.to_string())?,
        weeks: 6,
        forward_speed_tenths: 32,
    };
    service::set_up(store, access, &setup, now).await.map_err(err)?;
    // Varied pain: mostly tolerated, one acceptable session, one flare.
    let peaks = [1, 2, 4, 1, 1, 6, 2, 1, 1];
    let mornings = [3, 3, 3, 2, 3, 4, 3, 3, 2];
    let mut state = service::load(store, access, today).await.map_err(err)?;
    let dates: Vec<Date> = state.programme.retro_dates().into_iter().filter(|d| *d < today).take(peaks.len()).collect();
    for (i, date) in dates.iter().enumerate() {
        state.today = *date;
        let input = service::LogInput {
            date: Some(*date),
            pain_before: Pain::new(2).ok(),
            pain_peak: Pain::new(peaks[i]).ok(),
            pain_after: Pain::new((peaks[i] - 1).max(1)).ok(),
            rpe: Some(4),
            ..Default::default()
        };
        service::log_session(store, &state, input, now).await.map_err(err)?;
        state = service::load(store, access, coach::dates::add_days(*date, 1)).await.map_err(err)?;
        let pain = Pain::new(mornings[i]).map_err(|e| e.to_string())?;
        service::check_in(store, &state, None, pain, Vec::new(), now).await.map_err(err)?;
        state = service::load(store, access, today).await.map_err(err)?;
    }
    Ok((DEMO_EMAIL.into(), DEMO_PASSWORD.into()))
}
