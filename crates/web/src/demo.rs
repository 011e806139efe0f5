//! `retrowalk serve --demo`: a demo walker with three weeks of varied history,
//! so a newcomer sees a living app; and a demo clinic whose clinician looks
//! after them and a second walker whose programme stopped on a red flag, so
//! the clinician's side is alive too.

use crate::auth;
use coach::Pain;
use coach::screening::Answers;
use coach::setup::{Day, Equipment, Setup};
use jiff::civil::Date;
use store::prelude::*;
use store::{NewAccount, SqlStore};

pub const DEMO_EMAIL: &str = "demo@retrowalk.local";
pub const DEMO_PASSWORD: &str = "walk backwards daily";
/// The demo clinic's clinician (same password).
pub const DEMO_CLINICIAN: &str = "clinician@retrowalk.local";

fn err(e: service::ServiceError) -> String {
    e.to_string()
}

async fn account(store: &SqlStore, email: &str, name: &str, hash: &str) -> Result<store::Account, String> {
    let new =
        NewAccount { email: email.into(), password_hash: hash.into(), name: name.into(), time_zone: "UTC".into() };
    store.create_account(&new, jiff::Timestamp::now()).await.map_err(|e| e.to_string())
}

/// Creates the demo walker, the demo clinic and its clinician if missing;
/// returns the password they share.
pub async fn seed(store: &SqlStore, today: Date) -> Result<String, String> {
    if store.account_by_email(DEMO_EMAIL).await.map_err(|e| e.to_string())?.is_some() {
        return Ok(DEMO_PASSWORD.into());
    }
    let hash = auth::on_hash_thread(|| auth::password_hash(DEMO_PASSWORD)).await??;
    let now = jiff::Timestamp::now();
    let account = account(store, DEMO_EMAIL, "Alex", &hash).await?;
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
    clinic(store, access, today, &hash).await?;
    Ok(DEMO_PASSWORD.into())
}

/// The demo clinic: its clinician cares for Alex and for Sam, whose last
/// session reported a locked knee (the programme stopped; a restart waits).
async fn clinic(store: &SqlStore, alex: service::Access, today: Date, hash: &str) -> Result<(), String> {
    let now = jiff::Timestamp::now();
    let op = service::Actor::Operator;
    let e = |e: store::StoreError| e.to_string();
    let clinic = service::clinics::create_clinic(store, &op, "Demo Knee Clinic", now).await.map_err(err)?;
    let doc = account(store, DEMO_CLINICIAN, "Dr Rivera", hash).await?;
    store.add_member(doc.id, clinic, store::MemberRole::Clinician, now).await.map_err(e)?;
    let sam = account(store, "sam@retrowalk.local", "Sam", hash).await?;
    let sam = service::own(store, &service::Actor::account(&sam)).await.map_err(err)?;
    service::screen(store, sam, &Answers::all_no(), now).await.map_err(err)?;
    let setup = Setup {
        equipment: Equipment { treadmill: true, safety_key: true, handrails: true, bike: false, pool: false },
        training_days: vec![Day::Mon, Day::Wed, Day::Fri],
        start: coach::dates::add_days(today, -10),
        time_zone: "UTC".into(),
        baseline_pain: Pain::new(2).map_err(|e| e.to_string())?,
        weeks: 6,
        forward_speed_tenths: 30,
    };
    service::set_up(store, sam, &setup, now).await.map_err(err)?;
    let mut state = service::load(store, sam, today).await.map_err(err)?;
    if let Some(last) = state.programme.retro_dates().into_iter().rfind(|d| *d < today) {
        state.today = last;
        let input = service::LogInput {
            date: Some(last),
            pain_before: Pain::new(2).ok(),
            pain_peak: Pain::new(5).ok(),
            pain_after: Pain::new(4).ok(),
            symptoms: vec![coach::history::Symptom::KneeLocked],
            ..Default::default()
        };
        service::log_session(store, &state, input, now).await.map_err(err)?;
    }
    for walker in [alex, sam] {
        service::clinics::join(store, &op, walker, clinic, "demo", now).await.map_err(err)?;
        service::clinics::add_to_care_team(store, &op, clinic, walker.walker(), doc.id, now).await.map_err(err)?;
    }
    Ok(())
}
