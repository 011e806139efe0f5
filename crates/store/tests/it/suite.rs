//! The checks every backend must pass, written against the `Store` trait.

use coach::Pain;
use coach::adaptation::{Action, replay};
use coach::dates::add_days;
use coach::dose::{Dose, Support, Surface};
use coach::history::{CheckIn, Override, OverrideKind, SessionLog, Symptom};
use coach::outcomes::Measure;
use coach::programme::Programme;
use coach::screening::{Answers, Clearance, Question, Status, evaluate};
use coach::setup::{Day, Equipment, Setup};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use store::prelude::*;
use store::{NewAccount, NewWalker, OutcomeRecord, Rescreen, SecurityEvent, SecurityKind, StoreError, WalkerId};

const START: Date = date(2026, 11, 23);

fn now() -> Timestamp {
    Timestamp::from_second(1_795_000_000).unwrap()
}

fn setup() -> Setup {
    Setup {
        equipment: Equipment { treadmill: true, safety_key: true, handrails: true, bike: true, pool: false },
        training_days: vec![Day::Mon, Day::Wed, Day::Fri, Day::Sat],
        start: START,
        time_zone: "Europe/Dublin".into(),
        baseline_pain: Pain::new(3).unwrap(),
        weeks: 6,
        forward_speed_tenths: 32,
    }
}

fn new_walker(name: &str, answers: Answers) -> NewWalker {
    let outcome = evaluate(&answers, None);
    NewWalker { name: name.into(), answers, outcome, setup: setup() }
}

fn session(date: Date, peak: i64) -> SessionLog {
    SessionLog {
        date,
        minutes: 5,
        bouts: 2,
        speed_tenths: Some(16),
        incline_pct: 0,
        support: Support::Rails,
        surface: Surface::Treadmill,
        pain_before: Pain::new(2).unwrap(),
        pain_peak: Pain::new(peak).unwrap(),
        pain_after: Pain::new(2).unwrap(),
        rpe: Some(4),
        symptoms: vec![],
        notes: "felt steady — «ok»".into(),
    }
}

/// A new walker and the key to their programme.
async fn walker_with_programme<S: Store>(s: &S, name: &str) -> (WalkerId, store::ProgrammeKey) {
    let ids = s.create_walker(&new_walker(name, Answers::all_no()), now()).await.unwrap();
    (ids.walker, ids.key())
}

pub async fn a_new_walker_comes_with_screen_and_programme<S: Store>(s: &S) {
    let answers = Answers { tug_seconds: Some(13.1), ..Answers::all_no() };
    let ids = s.create_walker(&new_walker("Ana", answers.clone()), now()).await.unwrap();
    let w = s.walker(ids.walker).await.unwrap();
    assert_eq!((w.name.as_str(), w.time_zone.as_str(), w.created_at), ("Ana", "Europe/Dublin", now()));
    let screen = s.latest_screening(ids.walker).await.unwrap().unwrap();
    assert_eq!(screen.answers, answers);
    assert_eq!(screen.outcome.status, Status::SupportedOnly);
    let p = s.active_programme(ids.walker).await.unwrap().unwrap();
    assert_eq!((p.id, p.setup.clone()), (ids.programme, setup()));
    assert!(s.history(p.key()).await.unwrap().logs.is_empty());
}

pub async fn a_log_and_its_decision_are_written_together<S: Store>(s: &S) {
    let (_, pid) = walker_with_programme(s, "Bo").await;
    let p = Programme::new(setup(), false).unwrap();
    let mut h = s.history(pid).await.unwrap();
    let log = session(START, 1);
    h.logs.push(log.clone());
    let d = replay(&p, &h, START).after(START).cloned().unwrap();
    s.log_session(pid, &log, &d, None, now()).await.unwrap();
    let back = s.history(pid).await.unwrap();
    assert_eq!(back.logs, vec![log]);
    let decisions = s.decisions(pid).await.unwrap();
    assert_eq!(decisions.len(), 1);
    assert_eq!((decisions[0].cause.as_str(), &decisions[0].decision), ("log", &d));
}

pub async fn a_second_log_for_a_day_is_refused_and_nothing_is_written<S: Store>(s: &S) {
    let (_, pid) = walker_with_programme(s, "Cy").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pid, &session(START, 1), &d, None, now()).await.unwrap();
    let err = s.log_session(pid, &session(START, 4), &d, None, now()).await.unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err}");
    assert_eq!(err.to_string(), "date: a session is already logged for 2026-11-23");
    // The refused log's decision was rolled back with it.
    assert_eq!(s.decisions(pid).await.unwrap().len(), 1);
    assert_eq!(s.history(pid).await.unwrap().logs[0].pain_peak.value(), 1);
}

pub async fn check_ins_and_overrides_round_trip<S: Store>(s: &S) {
    let (_, pid) = walker_with_programme(s, "Di").await;
    let p = Programme::new(setup(), false).unwrap();
    let mut h = Default::default();
    let d = replay(&p, &h, START).decisions[0].clone();
    let mut log = session(START, 2);
    log.symptoms = vec![Symptom::NewSwelling, Symptom::Fell];
    log.speed_tenths = None;
    log.rpe = None;
    s.log_session(pid, &log, &d, None, now()).await.unwrap();
    let c = CheckIn {
        session_date: START,
        date: add_days(START, 1),
        pain: Pain::new(4).unwrap(),
        symptoms: vec![Symptom::CalfPainSwelling],
        recorded_at: Some(now()),
    };
    s.check_in(pid, &c, &d, None, now()).await.unwrap();
    let again = s.check_in(pid, &c, &d, None, now()).await.unwrap_err();
    assert!(matches!(again, StoreError::Duplicate(_)), "{again}");
    // Named by the form's field, as the service's own check names it.
    assert!(again.to_string().starts_with("checkin: the session on "), "{again}");
    let o = Override {
        effective: add_days(START, 4),
        dose: Dose {
            minutes: 8,
            speed_tenths: 18,
            incline_pct: 0,
            support: Support::LightTouch,
            surface: Surface::Treadmill,
        },
        by: "Sam Okafor, PT".into(),
        reason: "Checked the knee; carry on".into(),
        kind: OverrideKind::Dose,
        role: String::new(),
        signed_at: None,
        signer: None,
    };
    s.add_override(pid, &o, &d, None, now()).await.unwrap();
    // A restart keeps who, role, when, note and dose, and the account and
    // clinic of a clinician who signed it in retrowalk.
    let restart = Override {
        effective: add_days(START, 6),
        kind: OverrideKind::Restart,
        role: "physiotherapist".into(),
        signed_at: Some(now()),
        reason: String::new(),
        signer: Some(coach::history::Signer { account: 7, clinic: 3 }),
        ..o.clone()
    };
    // The restart's change goes into the walker's access log with it, as
    // data (for the walker's language) and as its English sentence.
    let dose = coach::dose::Dose {
        minutes: 3,
        speed_tenths: 10,
        incline_pct: 0,
        support: coach::dose::Support::Rails,
        surface: coach::dose::Surface::Treadmill,
    };
    let what = store::RecordChange {
        what: "restart".into(),
        before: store::Standing::Paused { kind: "red_flag".into(), rule: "A-RED-FLAG".into() },
        after: store::Standing::Dose { dose, week: 1, supported_only: false },
    };
    let change = SecurityEvent::record_changed(store::AccountId(7), pid.walker, what, now());
    assert!(change.detail.starts_with("restart: before: no dose (red_flag, A-RED-FLAG); after: 3 min"), "{change:?}");
    s.add_override(pid, &restart, &d, Some(&change), now()).await.unwrap();
    assert_eq!(s.walker_events(pid.walker, 10).await.unwrap(), [change]);
    h = s.history(pid).await.unwrap();
    assert_eq!(h.logs, vec![log]);
    assert_eq!(h.checkins, vec![c]);
    assert_eq!(h.overrides, vec![o, restart]);
    let causes: Vec<String> = s.decisions(pid).await.unwrap().into_iter().map(|d| d.cause).collect();
    assert_eq!(causes, ["log", "checkin", "override", "override"]);
    // The check-in's red flag stopped the programme: the dose change waits,
    // and only the restart lifts the stop.
    let tl = replay(&p, &h, add_days(START, 6));
    assert_eq!(tl.in_force(add_days(START, 4)).unwrap().action, Action::Stop);
    assert_eq!(tl.in_force(add_days(START, 6)).unwrap().action, Action::Restart);
}

pub async fn a_clearance_is_recorded_with_the_new_outcome<S: Store>(s: &S) {
    let answers = Answers::all_no().with(Question::HeartCondition, true);
    let ids = s.create_walker(&new_walker("Ed", answers.clone()), now()).await.unwrap();
    assert_eq!(s.latest_screening(ids.walker).await.unwrap().unwrap().outcome.status, Status::ClearanceNeeded);
    assert_eq!(s.latest_clearance(ids.walker).await.unwrap(), None);
    let c = Clearance {
        by: "Dr Rivera".into(),
        role: "GP".into(),
        at: now(),
        covers: vec![Question::HeartCondition],
        note: "BP controlled".into(),
        signer: Some(coach::history::Signer { account: 2, clinic: 1 }),
    };
    let outcome = evaluate(&answers, Some(&c));
    let change = SecurityEvent::new(SecurityKind::RecordChanged, None, "", "clearance", now()).about(ids.walker);
    s.save_clearance(ids.walker, &c, &answers, &outcome, Some(&change), now()).await.unwrap();
    assert_eq!(s.walker_events(ids.walker, 10).await.unwrap(), [change]);
    assert_eq!(s.latest_clearance(ids.walker).await.unwrap(), Some(c));
    assert_eq!(s.latest_screening(ids.walker).await.unwrap().unwrap().outcome.status, Status::Cleared);
}

pub async fn rescreening_keeps_the_old_screens<S: Store>(s: &S) {
    let (w, _) = walker_with_programme(s, "Fi").await;
    let answers = Answers::all_no().with(Question::KneeLocks, true);
    s.save_screening(w, &answers, &evaluate(&answers, None), now()).await.unwrap();
    let all = s.screenings(w).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].outcome.status, Status::Cleared);
    assert_eq!(all[1].outcome.status, Status::Blocked);
    assert_eq!(s.latest_screening(w).await.unwrap().unwrap().id, all[1].id);
}

pub async fn deleting_a_walker_removes_everything<S: Store>(s: &S) {
    let (w, pid) = walker_with_programme(s, "Gu").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pid, &session(START, 1), &d, None, now()).await.unwrap();
    s.delete_walker(w).await.unwrap();
    assert!(matches!(s.walker(w).await, Err(StoreError::NotFound(_))));
    assert_eq!(s.active_programme(w).await.unwrap(), None);
    assert!(s.history(pid).await.unwrap().logs.is_empty());
    assert!(s.decisions(pid).await.unwrap().is_empty());
    assert!(matches!(s.delete_walker(w).await, Err(StoreError::NotFound(_))));
}

pub async fn missing_walkers_are_not_found<S: Store>(s: &S) {
    let err = s.walker(WalkerId(999)).await.unwrap_err();
    assert_eq!(err.to_string(), "walker 999 not found");
    assert_eq!(s.latest_screening(WalkerId(999)).await.unwrap(), None);
    assert!(s.walkers().await.unwrap().is_empty());
}

pub async fn walkers_are_isolated<S: Store>(s: &S) {
    let (a, pa) = walker_with_programme(s, "Ha").await;
    let (b, pb) = walker_with_programme(s, "Io").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pa, &session(START, 1), &d, None, now()).await.unwrap();
    assert_eq!(s.history(pa).await.unwrap().logs.len(), 1);
    assert!(s.history(pb).await.unwrap().logs.is_empty());
    assert_ne!(s.active_programme(a).await.unwrap().unwrap().id, s.active_programme(b).await.unwrap().unwrap().id);
    let names: Vec<String> = s.walkers().await.unwrap().into_iter().map(|w| w.name).collect();
    assert_eq!(names, ["Ha", "Io"]);
}

/// A programme id reaches nothing with another walker's name on it: reads
/// find nothing, writes are refused and change nothing (the owner scoping
/// behind `service::Access`).
pub async fn a_programme_is_reached_only_through_its_walker<S: Store>(s: &S) {
    let (a, pa) = walker_with_programme(s, "Ann").await;
    let (b, _) = walker_with_programme(s, "Bea").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pa, &session(START, 1), &d, None, now()).await.unwrap();
    let stolen = store::ProgrammeKey { walker: b, programme: pa.programme };
    assert!(s.history(stolen).await.unwrap().logs.is_empty());
    assert!(s.decisions(stolen).await.unwrap().is_empty());
    let refused = |r: store::Result<()>| matches!(r, Err(StoreError::NotFound(_)));
    assert!(refused(s.log_session(stolen, &session(add_days(START, 2), 1), &d, None, now()).await));
    let c = CheckIn {
        session_date: START,
        date: add_days(START, 1),
        pain: Pain::new(2).unwrap(),
        symptoms: vec![],
        recorded_at: Some(now()),
    };
    assert!(refused(s.check_in(stolen, &c, &d, None, now()).await));
    let o = Override::new(START, p.limits.start_dose(), "Dr X", "no");
    assert!(refused(s.add_override(stolen, &o, &d, None, now()).await));
    assert!(refused(s.update_programme(stolen, &setup()).await));
    let history = s.history(pa).await.unwrap();
    assert_eq!((history.logs.len(), history.checkins.len(), history.overrides.len()), (1, 0, 0));
    assert_eq!(s.active_programme(a).await.unwrap().unwrap().setup, setup());
}

pub async fn a_new_programme_becomes_the_active_one<S: Store>(s: &S) {
    let (w, first) = walker_with_programme(s, "Jo").await;
    let mut next = setup();
    next.start = add_days(START, 50);
    next.weeks = 8;
    let second = s.save_programme(w, &next, now()).await.unwrap();
    assert_ne!(first.programme, second);
    let active = s.active_programme(w).await.unwrap().unwrap();
    assert_eq!((active.id, active.setup), (second, next));
}

fn new_account(email: &str) -> NewAccount {
    NewAccount {
        email: email.into(),
        password_hash: "$argon2id$v=19$fake".into(),
        name: "Kim".into(),
        time_zone: "Asia/Tokyo".into(),
    }
}

fn later(seconds: i64) -> Timestamp {
    Timestamp::from_second(now().as_second() + seconds).unwrap()
}

pub async fn an_account_owns_a_walker_and_emails_are_unique<S: Store>(s: &S) {
    let a = s.create_account(&new_account("Kim@Example.org "), now()).await.unwrap();
    assert_eq!(a.email, "kim@example.org");
    assert_eq!(a.role.as_str(), "walker");
    let w = s.walker(a.walker).await.unwrap();
    assert_eq!((w.name.as_str(), w.time_zone.as_str()), ("Kim", "Asia/Tokyo"));
    assert_eq!(s.latest_screening(a.walker).await.unwrap(), None);
    assert_eq!(s.account_by_email("KIM@example.org").await.unwrap(), Some(a.clone()));
    assert_eq!(s.account(a.id).await.unwrap(), a);
    let err = s.create_account(&new_account("kim@example.org"), now()).await.unwrap_err();
    assert_eq!(err.to_string(), "email: an account with this email already exists");
    // The refused sign-up left no orphan walker behind.
    assert_eq!(s.walkers().await.unwrap().len(), 1);
    s.update_walker(a.walker, "Kimi", "Europe/Rome").await.unwrap();
    assert_eq!(s.walker(a.walker).await.unwrap().time_zone, "Europe/Rome");
}

pub async fn sessions_expire_and_sign_out<S: Store>(s: &S) {
    let a = s.create_account(&new_account("lu@example.org"), now()).await.unwrap();
    s.create_session(a.id, "hash1", "csrf1", now(), later(3600)).await.unwrap();
    let found = s.session("hash1", later(10)).await.unwrap().unwrap();
    assert_eq!((found.account.id, found.csrf_token.as_str()), (a.id, "csrf1"));
    assert_eq!(s.session("hash1", later(3601)).await.unwrap(), None);
    assert_eq!(s.session("other", later(10)).await.unwrap(), None);
    s.delete_session("hash1").await.unwrap();
    assert_eq!(s.session("hash1", later(10)).await.unwrap(), None);
}

pub async fn api_tokens_find_their_account<S: Store>(s: &S) {
    let a = s.create_account(&new_account("mo@example.org"), now()).await.unwrap();
    let b = s.create_account(&new_account("ny@example.org"), now()).await.unwrap();
    let (ha, hb, hc) = ("aaaaaaaaaaaa-phone", "bbbbbbbbbbbb-laptop", "cccccccccccc-short");
    s.create_api_token(a.id, ha, "phone", now(), None).await.unwrap();
    s.create_api_token(b.id, hb, "laptop", now(), None).await.unwrap();
    s.create_api_token(a.id, hc, "short-lived", now(), Some(later(60))).await.unwrap();
    assert_eq!(s.account_by_api_token(ha, now()).await.unwrap().unwrap().id, a.id);
    assert_eq!(s.account_by_api_token(hb, now()).await.unwrap().unwrap().id, b.id);
    assert_eq!(s.account_by_api_token("nope", now()).await.unwrap(), None);
    // An expired token finds nothing.
    assert_eq!(s.account_by_api_token(hc, later(30)).await.unwrap().unwrap().id, a.id);
    assert_eq!(s.account_by_api_token(hc, later(61)).await.unwrap(), None);
    // The owner sees names, times and use, never the token; only their own.
    let list = s.api_tokens(a.id).await.unwrap();
    let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"phone") && names.contains(&"short-lived"));
    let phone = list.iter().find(|t| t.name == "phone").unwrap();
    assert_eq!((phone.id.as_str(), phone.last_used_at), ("aaaaaaaaaaaa", Some(now())));
    assert_eq!(list.iter().find(|t| t.name == "short-lived").unwrap().expires_at, Some(later(60)));
    // Revoking needs the owner and the exact id.
    assert!(!s.revoke_api_token(b.id, "aaaaaaaaaaaa").await.unwrap());
    assert!(!s.revoke_api_token(a.id, "aaaa%").await.unwrap());
    assert!(s.revoke_api_token(a.id, "aaaaaaaaaaaa").await.unwrap());
    assert_eq!(s.account_by_api_token(ha, now()).await.unwrap(), None);
    // Signing out everywhere ends sessions and tokens of that account only.
    s.create_session(a.id, "sess-a", "c", now(), later(3600)).await.unwrap();
    s.create_api_token(a.id, "dddddddddddd-x", "x", now(), None).await.unwrap();
    s.sign_out_everywhere(a.id).await.unwrap();
    assert_eq!(s.session("sess-a", now()).await.unwrap(), None);
    assert!(s.api_tokens(a.id).await.unwrap().is_empty());
    assert_eq!(s.account_by_api_token(hb, now()).await.unwrap().unwrap().id, b.id);
}

pub async fn a_reset_code_works_once_and_signs_out_everywhere<S: Store>(s: &S) {
    let a = s.create_account(&new_account("ol@example.org"), now()).await.unwrap();
    s.create_session(a.id, "sess", "c", now(), later(3600)).await.unwrap();
    s.create_reset_code(a.id, "code", later(900)).await.unwrap();
    s.create_reset_code(a.id, "old-code", later(-1)).await.unwrap();
    assert_eq!(s.reset_password("old-code", "new", now()).await.unwrap(), None);
    s.create_api_token(a.id, "eeeeeeeeeeee-cli", "cli", now(), None).await.unwrap();
    assert_eq!(s.reset_password("code", "$argon2id$new", now()).await.unwrap(), Some(a.id));
    assert!(s.api_tokens(a.id).await.unwrap().is_empty(), "a reset revokes every token");
    assert_eq!(s.account(a.id).await.unwrap().password_hash, "$argon2id$new");
    assert_eq!(s.session("sess", now()).await.unwrap(), None);
    assert_eq!(s.reset_password("code", "again", now()).await.unwrap(), None);
}

pub async fn deleting_a_walker_deletes_the_account<S: Store>(s: &S) {
    let a = s.create_account(&new_account("pa@example.org"), now()).await.unwrap();
    s.create_session(a.id, "s", "c", now(), later(3600)).await.unwrap();
    s.create_api_token(a.id, "t", "x", now(), None).await.unwrap();
    // Who reached the record outlives it; what a change did (health data) does not.
    let read = SecurityEvent::new(SecurityKind::ClinicianRead, None, "c", "walker page", now()).about(a.walker);
    let change = SecurityEvent::new(SecurityKind::RecordChanged, None, "", "pause: before: 5 min", now());
    s.record_security_events(&[read.clone(), change.about(a.walker)]).await.unwrap();
    s.delete_walker(a.walker).await.unwrap();
    assert_eq!(s.walker_events(a.walker, 10).await.unwrap(), [read]);
    assert_eq!(s.account_by_email("pa@example.org").await.unwrap(), None);
    assert_eq!(s.session("s", now()).await.unwrap(), None);
    assert_eq!(s.account_by_api_token("t", now()).await.unwrap(), None);
}

pub async fn a_programme_is_updated_in_place_with_its_history<S: Store>(s: &S) {
    let (w, pid) = walker_with_programme(s, "Ky").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pid, &session(START, 1), &d, None, now()).await.unwrap();
    let mut changed = setup();
    changed.time_zone = "America/Chicago".into();
    changed.training_days = vec![Day::Tue, Day::Thu];
    s.update_programme(pid, &changed).await.unwrap();
    let active = s.active_programme(w).await.unwrap().unwrap();
    assert_eq!((active.key(), active.setup), (pid, changed));
    assert_eq!(s.walker(w).await.unwrap().time_zone, "America/Chicago");
    assert_eq!(s.history(pid).await.unwrap().logs.len(), 1);
    let unknown = store::ProgrammeKey { walker: w, programme: store::ProgrammeId(9999) };
    assert!(matches!(s.update_programme(unknown, &setup()).await, Err(StoreError::NotFound(_))));
}

/// Every kind of write bumps the walker's version; reads leave it alone.
pub async fn every_write_bumps_the_walker_version<S: Store>(s: &S) {
    let a = s.create_account(&new_account("ve@example.org"), now()).await.unwrap();
    s.create_session(a.id, "vs", "c", now(), later(3600)).await.unwrap();
    let version = || async { s.session("vs", now()).await.unwrap().unwrap().walker_version };
    let mut last = version().await;
    let mut changed = |v: i64, what: &str| {
        assert!(v > last, "{what} did not bump the version");
        last = v;
    };
    s.save_screening(a.walker, &Answers::all_no(), &evaluate(&Answers::all_no(), None), now()).await.unwrap();
    changed(version().await, "a screening");
    let pid =
        store::ProgrammeKey { walker: a.walker, programme: s.save_programme(a.walker, &setup(), now()).await.unwrap() };
    changed(version().await, "a new programme");
    s.update_programme(pid, &setup()).await.unwrap();
    changed(version().await, "a set-up change");
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pid, &session(START, 1), &d, None, now()).await.unwrap();
    changed(version().await, "a session log");
    let c = CheckIn {
        session_date: START,
        date: add_days(START, 1),
        pain: Pain::new(3).unwrap(),
        symptoms: vec![],
        recorded_at: Some(now()),
    };
    s.check_in(pid, &c, &d, None, now()).await.unwrap();
    changed(version().await, "a check-in");
    s.update_walker(a.walker, "Vee", "UTC").await.unwrap();
    changed(version().await, "a rename");
    s.history(pid).await.unwrap();
    s.latest_screening(a.walker).await.unwrap();
    assert_eq!(version().await, last, "reads do not bump");
    assert_eq!(s.walker(a.walker).await.unwrap().version, last);
}

pub async fn outcomes_round_trip_and_can_change_the_screen<S: Store>(s: &S) {
    let (w, _) = walker_with_programme(s, "Lo").await;
    let walk = OutcomeRecord { measure: Measure::FastWalk40m, value: 1.25, taken_on: START, detail: String::new() };
    s.save_outcome(w, &walk, None, now()).await.unwrap();
    let own = OutcomeRecord {
        measure: Measure::OwnActivities,
        value: 4.5,
        taken_on: add_days(START, 1),
        detail: r#"[["stairs",4],["car",5]]"#.into(),
    };
    s.save_outcome(w, &own, None, now()).await.unwrap();
    let answers = Answers { tug_seconds: Some(13.0), ..Answers::all_no() };
    let tug = OutcomeRecord {
        measure: Measure::TimedUpAndGo,
        value: 13.0,
        taken_on: add_days(START, 2),
        detail: String::new(),
    };
    s.save_outcome(w, &tug, Some((&answers, &evaluate(&answers, None))), now()).await.unwrap();
    assert_eq!(s.outcomes(w).await.unwrap(), vec![walk, own, tug]);
    assert_eq!(s.latest_screening(w).await.unwrap().unwrap().outcome.status, Status::SupportedOnly);
    assert!(s.outcomes(WalkerId(4242)).await.unwrap().is_empty());
}

pub async fn a_calendar_link_is_replaced_and_revoked<S: Store>(s: &S) {
    let (w, _) = walker_with_programme(s, "Ma").await;
    s.set_calendar_token(w, "first", now()).await.unwrap();
    assert_eq!(s.walker_by_calendar_token("first").await.unwrap(), Some(w));
    s.set_calendar_token(w, "second", now()).await.unwrap();
    assert_eq!(s.walker_by_calendar_token("first").await.unwrap(), None);
    assert_eq!(s.walker_by_calendar_token("second").await.unwrap(), Some(w));
    assert!(s.revoke_calendar(w).await.unwrap());
    assert_eq!(s.walker_by_calendar_token("second").await.unwrap(), None);
    assert!(!s.revoke_calendar(w).await.unwrap());
}

pub async fn an_archive_imports_as_a_new_walker_without_loss<S: Store>(s: &S) {
    let answers = Answers::all_no().with(Question::HeartCondition, true);
    let ids = s.create_walker(&new_walker("Ni", answers.clone()), now()).await.unwrap();
    let c = Clearance {
        by: "Dr R".into(),
        role: "GP".into(),
        at: now(),
        covers: vec![Question::HeartCondition],
        note: String::new(),
        signer: None,
    };
    s.save_clearance(ids.walker, &c, &answers, &evaluate(&answers, Some(&c)), None, now()).await.unwrap();
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(ids.key(), &session(START, 2), &d, None, now()).await.unwrap();
    let morning = CheckIn {
        session_date: START,
        date: add_days(START, 1),
        pain: Pain::new(2).unwrap(),
        symptoms: vec![],
        recorded_at: Some(now()),
    };
    s.check_in(ids.key(), &morning, &d, None, now()).await.unwrap();
    let walk = OutcomeRecord { measure: Measure::TimedUpAndGo, value: 9.5, taken_on: START, detail: String::new() };
    s.save_outcome(ids.walker, &walk, None, now()).await.unwrap();
    let bout = coach::motion::MotionBout {
        start_s: 4.0,
        end_s: 17.2,
        backward: true,
        confidence: 0.9,
        steps: 24,
        cadence: 109.1,
        step_time_cv: 2.5,
        asymmetry: 1.0,
        in_backward_part: true,
    };
    // Read against the walker's own warm-up: that travels in the archive too.
    let motion = coach::motion::Motion {
        session: START,
        source: "phone".into(),
        duration_s: 21.0,
        bouts: vec![bout],
        own_direction: true,
    };
    s.save_motion(ids.walker, &motion, "5e55", now()).await.unwrap();
    let archive = s.export_walker(ids.walker, now()).await.unwrap();
    assert_eq!((archive.screenings.len(), archive.clearances.len(), archive.sessions.len()), (2, 1, 1));
    assert_eq!(archive.motions, vec![motion]);
    let copy = s.import_walker(&archive).await.unwrap();
    assert_ne!(copy, ids.walker);
    let mut again = s.export_walker(copy, now()).await.unwrap();
    again.exported_at = archive.exported_at;
    assert_eq!(again, archive);
    assert_eq!(again.checkins[0].recorded_at, Some(now()), "when a check-in was recorded travels with it");
    // An archive written before that was kept: its check-ins stay without a
    // time (never the import's, which would put them after every restart).
    let mut older = archive.clone();
    older.checkins.iter_mut().for_each(|c| c.recorded_at = None);
    let copy = s.import_walker(&older).await.unwrap();
    let read = s.export_walker(copy, now()).await.unwrap();
    assert_eq!(read.checkins.len(), 1);
    assert_eq!(read.checkins[0].recorded_at, None);
}

pub async fn a_restore_replaces_the_accounts_walker<S: Store>(s: &S) {
    let (source, pid) = walker_with_programme(s, "Oz").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.log_session(pid, &session(START, 1), &d, None, now()).await.unwrap();
    let archive = s.export_walker(source, now()).await.unwrap();
    let account = s.create_account(&new_account("oz@example.org"), now()).await.unwrap();
    let seen =
        SecurityEvent::new(SecurityKind::ClinicianRead, None, "127.0.0.1", "walker page", now()).about(account.walker);
    s.record_security_event(&seen).await.unwrap();
    assert!(!s.ever_in_care(account.walker).await.unwrap());
    let restored = s.restore_account(account.id, &archive).await.unwrap();
    let log = s.walker_events(restored, 10).await.unwrap();
    assert_eq!(log.len(), 1, "who has seen the walker's data is still theirs to read: {log:?}");
    assert_eq!(s.account(account.id).await.unwrap().walker, restored);
    assert!(matches!(s.walker(account.walker).await, Err(StoreError::NotFound(_))), "the old walker is gone");
    let programme = s.active_programme(restored).await.unwrap().unwrap();
    assert_eq!(s.history(programme.key()).await.unwrap().logs.len(), 1);
}

pub async fn the_profile_is_kept_and_archived<S: Store>(s: &S) {
    let (w, _) = walker_with_programme(s, "Pe").await;
    assert_eq!((s.walker(w).await.unwrap().birth_year, s.walker(w).await.unwrap().sex), (None, None));
    s.set_profile(w, Some(1958), Some(coach::outcomes::Sex::Female)).await.unwrap();
    let walker = s.walker(w).await.unwrap();
    assert_eq!((walker.birth_year, walker.sex), (Some(1958), Some(coach::outcomes::Sex::Female)));
    let archive = s.export_walker(w, now()).await.unwrap();
    let copy = s.import_walker(&archive).await.unwrap();
    assert_eq!(s.walker(copy).await.unwrap().sex, Some(coach::outcomes::Sex::Female));
    assert!(matches!(s.set_profile(WalkerId(777), None, None).await, Err(StoreError::NotFound(_))));
}

fn example_questionnaire() -> store::LoadedQuestionnaire {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let questionnaire = coach::questionnaire::parse_questionnaire(&read("knee-days.json")).unwrap();
    let scoring = coach::questionnaire::parse_scoring(&read("knee-days.scoring.json"), &questionnaire).unwrap();
    store::LoadedQuestionnaire { questionnaire, scoring, loaded_at: now(), clinic: None }
}

/// A clinic's questionnaire is its own (nobody else replaces it), and what a
/// care team asks of a walker stands while the walker is in that clinic's care.
pub async fn a_care_team_assigns_measures_and_its_clinics_questionnaires<S: Store>(s: &S) {
    use store::{Assigned, MemberRole};
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let doc = s.create_account(&new_account("assigning@example.org"), now()).await.unwrap().id;
    s.add_member(doc, clinic, MemberRole::Clinician, now()).await.unwrap();
    let mut q = example_questionnaire();
    q.questionnaire.id = "knee-days-licensed".into();
    q.clinic = Some(clinic);
    assert!(!s.save_questionnaire(&q).await.unwrap());
    assert!(s.save_questionnaire(&q).await.unwrap(), "the clinic reloads its own");
    let server = store::LoadedQuestionnaire { clinic: None, ..q.clone() };
    assert!(
        matches!(s.save_questionnaire(&server).await, Err(StoreError::Duplicate(_))),
        "not the server's to replace"
    );
    let loaded = s.questionnaires().await.unwrap();
    assert_eq!(loaded.iter().find(|l| l.questionnaire.id == q.questionnaire.id).unwrap().clinic, Some(clinic));

    let (w, _) = walker_with_programme(s, "As").await;
    let measure = Assigned::Measure(Measure::BackwardWalk3m);
    let asked = Assigned::Questionnaire(q.questionnaire.id.clone());
    s.assign(w, clinic, &measure, doc, now()).await.unwrap();
    s.assign(w, clinic, &asked, doc, now()).await.unwrap();
    assert!(matches!(s.assign(w, clinic, &measure, doc, now()).await, Err(StoreError::Duplicate(_))));
    assert!(s.assignments(w).await.unwrap().is_empty(), "not in the clinic's care: nothing stands");
    s.connect(w, clinic, now()).await.unwrap();
    let before = s.walker(w).await.unwrap().version;
    let standing: Vec<Assigned> = s.assignments(w).await.unwrap().into_iter().map(|a| a.item).collect();
    assert_eq!(standing, [measure.clone(), asked.clone()]);
    assert!(s.unassign(w, clinic, &measure, now()).await.unwrap());
    assert!(!s.unassign(w, clinic, &measure, now()).await.unwrap());
    assert!(s.walker(w).await.unwrap().version > before, "the walker's state changes with it");
    let a = s.assignments(w).await.unwrap();
    assert_eq!((a.len(), &a[0].item, a[0].by, a[0].clinic), (1, &asked, doc, clinic));
    s.assign(w, clinic, &measure, doc, now()).await.unwrap();
    assert_eq!(s.assignments(w).await.unwrap().len(), 2, "asked again after it ended");
    assert!(s.disconnect(w, clinic, now()).await.unwrap());
    assert!(s.assignments(w).await.unwrap().is_empty(), "leaving the clinic's care ends what it asked");
    s.connect(w, clinic, now()).await.unwrap();
    assert!(s.assignments(w).await.unwrap().is_empty(), "and coming back does not bring it back");
}

pub async fn questionnaires_load_once_and_results_travel_in_the_archive<S: Store>(s: &S) {
    let mut q = example_questionnaire();
    assert!(!s.save_questionnaire(&q).await.unwrap(), "a new questionnaire");
    q.questionnaire.version = "1.1".into();
    assert!(s.save_questionnaire(&q).await.unwrap(), "a reload replaces it");
    assert_eq!(s.questionnaires().await.unwrap(), vec![q.clone()]);

    let (w, _) = walker_with_programme(s, "Qu").await;
    let before = s.walker(w).await.unwrap().version;
    let answers: coach::questionnaire::Answers =
        [("d1", "some"), ("d2", "none")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let result = store::QuestionnaireResult {
        questionnaire: q.questionnaire.id.clone(),
        title: q.questionnaire.title.clone(),
        version: q.questionnaire.version.clone(),
        taken_on: START,
        scores: coach::questionnaire::score(&q.questionnaire, &q.scoring, &answers),
        answers,
    };
    s.save_questionnaire_result(w, &result, now()).await.unwrap();
    assert_eq!(s.questionnaire_results(w).await.unwrap(), vec![result.clone()]);
    assert!(s.walker(w).await.unwrap().version > before);

    let archive = s.export_walker(w, now()).await.unwrap();
    let copy = s.import_walker(&archive).await.unwrap();
    assert_eq!(s.questionnaire_results(copy).await.unwrap(), vec![result]);
    s.delete_walker(w).await.unwrap();
    assert!(s.questionnaire_results(w).await.unwrap().is_empty());
    assert_eq!(s.questionnaires().await.unwrap().len(), 1, "the clinic's questionnaire stays");
}

fn walk_activity(date: Date) -> coach::imports::Imported {
    coach::imports::Imported {
        start: Timestamp::from_second(1_795_000_000).unwrap(),
        local_date: date,
        local_time: "08:10".into(),
        sport: "walking".into(),
        sub_sport: None,
        elapsed_s: Some(600.0),
        moving_s: Some(540.0),
        distance_m: Some(300.0),
        avg_hr: Some(95.0),
        max_hr: Some(104.0),
        cadence_spm: Some(90.0),
        cadence_rpm: None,
        calories: Some(40.0),
        ascent_m: None,
        device: Some("garmin".into()),
        fit: coach::imports::Fit::PlannedSession,
        backward: None,
    }
}

pub async fn an_import_is_kept_once_and_a_confirmed_walk_becomes_a_session<S: Store>(s: &S) {
    let (w, pid) = walker_with_programme(s, "Im").await;
    let record = store::ImportRecord {
        sha256: "ab".repeat(32),
        file_name: "walk.fit".into(),
        format: "fit".into(),
        content: "activities".into(),
        warnings: vec!["file CRC mismatch".into()],
        imported_at: now(),
    };
    s.save_import(w, &record, &[walk_activity(START)]).await.unwrap();
    let again = s.save_import(w, &record, &[walk_activity(START)]).await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");
    assert_eq!(s.import_by_hash(w, &record.sha256).await.unwrap(), Some(record.clone()));
    let (other, _) = walker_with_programme(s, "Jo").await;
    assert_eq!(s.import_by_hash(other, &record.sha256).await.unwrap(), None, "per walker");

    let mut stored = s.activities(w).await.unwrap().remove(0);
    assert_eq!((stored.file_name.as_str(), stored.activity.minutes()), ("walk.fit", 9));
    stored.activity.backward = Some(true);
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    s.confirm_activity(w, &stored, Some((pid.programme, &session(START, 2), &d)), None, now()).await.unwrap();
    assert_eq!(s.activities(w).await.unwrap()[0].activity.backward, Some(true));
    assert_eq!(s.history(pid).await.unwrap().logs.len(), 1);

    let archive = s.export_walker(w, now()).await.unwrap();
    assert_eq!(archive.imports.len(), 1);
    let copy = s.import_walker(&archive).await.unwrap();
    assert_eq!(s.activities(copy).await.unwrap()[0].activity, stored.activity);
    s.delete_walker(w).await.unwrap();
    assert!(s.activities(w).await.unwrap().is_empty());
}

pub async fn a_fall_rescreens_in_the_same_transaction_as_its_log<S: Store>(s: &S) {
    let (w, pid) = walker_with_programme(s, "Fay").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    let answers = Answers::all_no().with_fall_on(START);
    let rescreen = Rescreen { walker: w, outcome: evaluate(&answers, None), answers };
    assert_eq!(rescreen.outcome.status, Status::SupportedOnly);
    let mut log = session(START, 2);
    log.symptoms = vec![Symptom::Fell];
    s.log_session(pid, &log, &d, Some(&rescreen), now()).await.unwrap();
    let latest = s.latest_screening(w).await.unwrap().unwrap();
    assert_eq!((latest.answers, latest.outcome), (rescreen.answers.clone(), rescreen.outcome.clone()));
    // A log refused as a duplicate writes no screening either.
    let before = s.screenings(w).await.unwrap().len();
    let later = Rescreen { answers: Answers::all_no().with_fall_on(add_days(START, 1)), ..rescreen.clone() };
    assert!(s.log_session(pid, &log, &d, Some(&later), now()).await.is_err());
    assert_eq!(s.screenings(w).await.unwrap().len(), before);
    // A check-in that reports a fall re-screens with it.
    let c = CheckIn {
        session_date: START,
        date: add_days(START, 1),
        pain: Pain::new(3).unwrap(),
        symptoms: vec![Symptom::Fell],
        recorded_at: Some(now()),
    };
    s.check_in(pid, &c, &d, Some(&later), now()).await.unwrap();
    assert_eq!(s.latest_screening(w).await.unwrap().unwrap().answers, later.answers);
}

/// A walker with one session whose notes are `note` (for checks on what a
/// deletion leaves behind).
pub async fn walker_with_a_note<S: Store>(s: &S, note: &str) -> WalkerId {
    let (w, pid) = walker_with_programme(s, "Gone").await;
    let p = Programme::new(setup(), false).unwrap();
    let d = replay(&p, &Default::default(), START).decisions[0].clone();
    let mut log = session(START, 1);
    log.notes = note.into();
    s.log_session(pid, &log, &d, None, now()).await.unwrap();
    w
}

pub async fn an_operator_disables_and_enables_an_account<S: Store>(s: &S) {
    use store::{SecurityEvent, SecurityKind};
    let a = s.create_account(&new_account("di@example.org"), now()).await.unwrap();
    let b = s.create_account(&new_account("en@example.org"), now()).await.unwrap();
    s.create_session(a.id, "sess-di", "c", now(), later(3600)).await.unwrap();
    s.create_api_token(a.id, "999999999999-di", "di", now(), None).await.unwrap();
    s.create_reset_code(a.id, "code-di", later(900)).await.unwrap();
    let off = SecurityEvent::new(SecurityKind::AccountDisabled, Some(a.id), "cli", "", later(1));
    assert!(s.set_account_disabled(a.id, true, &off).await.unwrap());
    assert!(!s.set_account_disabled(a.id, true, &off).await.unwrap(), "already disabled");
    assert_eq!(s.account(a.id).await.unwrap().disabled_at, Some(later(1)));
    assert_eq!(s.session("sess-di", now()).await.unwrap(), None);
    assert_eq!(s.account_by_api_token("999999999999-di", now()).await.unwrap(), None);
    assert_eq!(s.reset_password("code-di", "$argon2id$new", now()).await.unwrap(), None);
    // A session or code made after the disabling finds nothing either.
    s.create_session(a.id, "sess-late", "c", now(), later(3600)).await.unwrap();
    assert_eq!(s.session("sess-late", now()).await.unwrap(), None);
    s.create_reset_code(a.id, "code-late", later(900)).await.unwrap();
    assert_eq!(s.reset_password("code-late", "$argon2id$new", now()).await.unwrap(), None);
    assert_eq!(s.account(a.id).await.unwrap().password_hash, "$argon2id$v=19$fake");
    let listed: Vec<(String, bool)> =
        s.accounts().await.unwrap().into_iter().map(|x| (x.email, x.disabled_at.is_some())).collect();
    assert_eq!(listed, vec![("di@example.org".into(), true), ("en@example.org".into(), false)]);
    let on = SecurityEvent::new(SecurityKind::AccountEnabled, Some(a.id), "cli", "", later(2));
    assert!(s.set_account_disabled(a.id, false, &on).await.unwrap());
    assert_eq!(s.session("sess-late", now()).await.unwrap().unwrap().account.id, a.id);
    assert_eq!(s.account(b.id).await.unwrap().disabled_at, None, "only that account");
    let kinds: Vec<SecurityKind> = s.security_events(Some(a.id), 10).await.unwrap().iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![SecurityKind::AccountEnabled, SecurityKind::AccountDisabled]);
}

pub async fn security_events_are_kept_per_account_newest_first<S: Store>(s: &S) {
    use store::{SecurityEvent, SecurityKind};
    let a = s.create_account(&new_account("ev@example.org"), now()).await.unwrap();
    let b = s.create_account(&new_account("fw@example.org"), now()).await.unwrap();
    let ev = |kind, who: Option<store::AccountId>, at| SecurityEvent::new(kind, who, "192.0.2.7", "", later(at));
    s.record_security_event(&ev(SecurityKind::SignIn, Some(a.id), 1)).await.unwrap();
    s.record_security_event(&ev(SecurityKind::SignInFailed, Some(b.id), 2)).await.unwrap();
    s.record_security_event(&ev(SecurityKind::SignInFailed, None, 3)).await.unwrap();
    s.record_security_event(&ev(SecurityKind::Export, Some(a.id), 4)).await.unwrap();
    // A token's use is logged with the token's id, once a minute at most.
    s.create_api_token(a.id, "abcdefabcdef-ev", "ev", now(), None).await.unwrap();
    s.account_by_api_token("abcdefabcdef-ev", later(5)).await.unwrap().unwrap();
    s.account_by_api_token("abcdefabcdef-ev", later(6)).await.unwrap().unwrap();
    let mine = s.security_events(Some(a.id), 10).await.unwrap();
    let kinds: Vec<SecurityKind> = mine.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![SecurityKind::TokenUsed, SecurityKind::Export, SecurityKind::SignIn]);
    assert_eq!(mine[0].detail, "token abcdefabcdef");
    assert_eq!(mine[1].client, "192.0.2.7");
    assert_eq!(s.security_events(None, 10).await.unwrap().len(), 5);
    assert_eq!(s.security_events(None, 2).await.unwrap().len(), 2);
    // Kept for a while, then forgotten as new events arrive.
    // A token's use forgets them as any entry does.
    let far = Timestamp::from_second(now().as_second() + (store::SECURITY_EVENT_DAYS + 1) * 86_400).unwrap();
    s.account_by_api_token("abcdefabcdef-ev", far).await.unwrap().unwrap();
    let left: Vec<SecurityKind> = s.security_events(None, 10).await.unwrap().iter().map(|e| e.kind).collect();
    assert_eq!(left, vec![SecurityKind::TokenUsed]);
    let farther = Timestamp::from_second(far.as_second() + (store::SECURITY_EVENT_DAYS + 1) * 86_400).unwrap();
    s.record_security_event(&SecurityEvent::new(SecurityKind::SignIn, Some(b.id), "cli", "", farther)).await.unwrap();
    let left: Vec<SecurityKind> = s.security_events(None, 10).await.unwrap().iter().map(|e| e.kind).collect();
    assert_eq!(left, vec![SecurityKind::SignIn]);
}

/// Clinic mode's model: a clinician sees a walker only while a standing
/// clinician member of a clinic the walker is in the care of, and on the
/// walker's care team there; ending any of the three cuts access at once.
pub async fn clinicians_care_for_walkers_only_while_all_three_stand<S: Store>(s: &S) {
    use store::MemberRole::{Admin, Clinician};
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let elsewhere = s.create_clinic("Hip Clinic", now()).await.unwrap();
    let doc = s.create_account(&new_account("doc@example.org"), now()).await.unwrap().id;
    let admin = s.create_account(&new_account("admin@example.org"), now()).await.unwrap().id;
    let far = s.create_account(&new_account("far@example.org"), now()).await.unwrap().id;
    let (w, _) = walker_with_programme(s, "Pat").await;
    s.add_member(doc, clinic, Clinician, now()).await.unwrap();
    s.add_member(admin, clinic, Admin, now()).await.unwrap();
    s.add_member(far, elsewhere, Clinician, now()).await.unwrap();
    assert!(matches!(s.add_member(doc, clinic, Clinician, now()).await, Err(StoreError::Duplicate(_))));
    let names: Vec<String> = s.clinics().await.unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Knee Clinic", "Hip Clinic"]);
    let m = s.memberships(doc).await.unwrap();
    assert_eq!((m.len(), m[0].clinic, m[0].role), (1, clinic, Clinician));
    // The clinic's people: admins first, then in the order they joined; not another clinic's.
    let people: Vec<_> = s.clinic_members(clinic).await.unwrap().into_iter().map(|m| (m.account, m.role)).collect();
    assert_eq!(people, [(admin, Admin), (doc, Clinician)]);

    // Not in the clinic's care yet: nobody joins a care team for them.
    assert!(matches!(s.add_to_care_team(w, clinic, doc, now()).await, Err(StoreError::NotFound(_))));
    s.connect(w, clinic, now()).await.unwrap();
    assert!(matches!(s.connect(w, clinic, now()).await, Err(StoreError::Duplicate(_))));
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), None, "a member not on the care team");
    s.add_to_care_team(w, clinic, doc, now()).await.unwrap();
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), Some(clinic));
    assert_eq!(s.in_care_of(doc).await.unwrap(), [w]);
    assert!(s.in_care_of(admin).await.unwrap().is_empty());
    // An admin sees no clinical data; a clinician of another clinic is not one of this clinic's.
    for outsider in [admin, far] {
        assert!(matches!(s.add_to_care_team(w, clinic, outsider, now()).await, Err(StoreError::NotFound(_))));
        assert_eq!(s.care_clinic(outsider, w).await.unwrap(), None);
    }

    // Leaving the clinic leaves its care teams: rejoining does not restore them.
    assert!(s.end_membership(doc, clinic, now()).await.unwrap());
    assert_eq!(s.clinic_members(clinic).await.unwrap().len(), 1, "an ended membership is not listed");
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), None);
    s.add_member(doc, clinic, Clinician, now()).await.unwrap();
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), None);
    s.add_to_care_team(w, clinic, doc, now()).await.unwrap();
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), Some(clinic));
    assert!(s.remove_from_care_team(w, clinic, doc, now()).await.unwrap());
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), None);
    s.add_to_care_team(w, clinic, doc, now()).await.unwrap();

    // The walker disconnects: access ends with the relationship; the team
    // that stood then is the former care team (read only, up to then).
    assert!(s.former_care(doc).await.unwrap().is_empty());
    assert!(s.disconnect(w, clinic, now()).await.unwrap());
    let former = s.former_care(doc).await.unwrap();
    assert_eq!((former.len(), former[0].walker, former[0].clinic, former[0].until), (1, w, clinic, now()));
    assert_eq!(s.care_clinic(doc, w).await.unwrap(), None);
    assert!(s.in_care_of(doc).await.unwrap().is_empty());
    assert!(!s.disconnect(w, clinic, now()).await.unwrap());
    assert!(!s.remove_from_care_team(w, clinic, doc, now()).await.unwrap());
}

/// The care team's work: reviews kept in order, a thread per walker and
/// clinic with unread counts on each side, and an invitation that works once,
/// before it expires, putting the walker in the clinic's care and the
/// inviting clinician on the team.
pub async fn care_keeps_reviews_messages_and_invitations<S: Store>(s: &S) {
    use store::{Invitation, Message, Review, ReviewSubject, Sender};
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let doc = s.create_account(&new_account("doc@example.org"), now()).await.unwrap();
    let pat = s.create_account(&new_account("pat@example.org"), now()).await.unwrap();
    let w = pat.walker;
    s.add_member(doc.id, clinic, store::MemberRole::Clinician, now()).await.unwrap();
    assert_eq!(s.account(doc.id).await.unwrap().role, store::Role::Clinician, "a member takes the role");

    let later = now().checked_add(jiff::SignedDuration::from_hours(24)).unwrap();
    let invitation =
        Invitation { clinic, invited_by: doc.id, created_at: now(), expires_at: later, accepted_by: None, role: None };
    s.create_invitation("hash-1", &invitation).await.unwrap();
    assert_eq!(s.invitation("hash-1", now()).await.unwrap(), Some(invitation.clone()));
    assert_eq!(s.invitation("hash-1", later).await.unwrap(), None, "expired");
    assert_eq!(s.accept_invitation("hash-1", w, later).await.unwrap(), None, "expired");
    assert_eq!(s.accept_invitation("other", w, now()).await.unwrap(), None);
    assert!(s.walker_clinics(w).await.unwrap().is_empty());
    assert_eq!(s.accept_invitation("hash-1", w, now()).await.unwrap(), Some(clinic));
    assert_eq!(s.accept_invitation("hash-1", w, now()).await.unwrap(), None, "used once");
    assert_eq!(s.care_clinic(doc.id, w).await.unwrap(), Some(clinic), "the inviter is on the care team");
    assert_eq!(s.walker_clinics(w).await.unwrap()[0].name, "Knee Clinic");
    // A second invitation to a walker already in the clinic's care changes nothing but the code.
    s.create_invitation("hash-2", &invitation).await.unwrap();
    assert_eq!(s.accept_invitation("hash-2", w, now()).await.unwrap(), Some(clinic));
    assert_eq!(s.walker_clinics(w).await.unwrap().len(), 1);
    // An invitation to work there makes a member, once, and is no walker's to spend.
    let staff = Invitation { role: Some(store::MemberRole::Admin), ..invitation.clone() };
    s.create_invitation("hash-staff", &staff).await.unwrap();
    assert_eq!(s.invitation("hash-staff", now()).await.unwrap(), Some(staff));
    assert_eq!(s.accept_invitation("hash-staff", w, now()).await.unwrap(), None, "not a care invitation");
    assert_eq!(s.accept_staff_invitation("hash-1", pat.id, now()).await.unwrap(), None, "not a staff invitation");
    let joined = s.accept_staff_invitation("hash-staff", pat.id, now()).await.unwrap();
    assert_eq!(joined, Some((clinic, store::MemberRole::Admin)));
    assert_eq!(s.account(pat.id).await.unwrap().role, store::Role::Admin);
    assert_eq!(s.accept_staff_invitation("hash-staff", pat.id, now()).await.unwrap(), None, "used once");
    assert!(s.end_membership(pat.id, clinic, now()).await.unwrap());

    let review = |subject, rule: &str| Review {
        subject,
        rule: rule.into(),
        day: START,
        account: doc.id,
        clinic,
        note: format!("seen {rule}"),
        at: now(),
    };
    s.add_review(w, &review(ReviewSubject::Flag, "F-FALL")).await.unwrap();
    s.add_review(w, &review(ReviewSubject::Decision, "A-HOLD")).await.unwrap();
    assert_eq!(
        s.reviews(w).await.unwrap(),
        [review(ReviewSubject::Flag, "F-FALL"), review(ReviewSubject::Decision, "A-HOLD")]
    );

    let msg = |sender, account: store::AccountId, body: &str| Message {
        walker: w,
        clinic,
        account,
        sender,
        body: body.into(),
        at: now(),
        read_at: None,
    };
    s.send_message(&msg(Sender::CareTeam, doc.id, "How is the knee?")).await.unwrap();
    s.send_message(&msg(Sender::Walker, pat.id, "Better")).await.unwrap();
    s.send_message(&msg(Sender::Walker, pat.id, "Thanks")).await.unwrap();
    assert_eq!(s.unread(w, None, Sender::Walker).await.unwrap(), 1);
    assert_eq!(s.unread(w, Some(clinic), Sender::CareTeam).await.unwrap(), 2);
    assert_eq!(s.mark_read(w, clinic, Sender::CareTeam, later).await.unwrap(), 2);
    assert_eq!(s.unread(w, Some(clinic), Sender::CareTeam).await.unwrap(), 0);
    assert_eq!(s.unread(w, None, Sender::Walker).await.unwrap(), 1, "the walker's side is their own");
    let thread = s.thread(w, clinic).await.unwrap();
    let bodies: Vec<&str> = thread.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, ["How is the knee?", "Better", "Thanks"]);
    assert_eq!((thread[0].read_at, thread[1].read_at), (None, Some(later)));

    // Monitoring: minutes by day, read back by a range of days; care began at acceptance.
    assert_eq!(s.care_since(w, clinic).await.unwrap(), Some(now()));
    let entry = |day, minutes| store::MonitoringEntry {
        walker: w,
        clinic,
        account: doc.id,
        day,
        minutes,
        source: "timer".into(),
        note: String::new(),
        at: now(),
    };
    s.add_minutes(&entry(START, 7)).await.unwrap();
    s.add_minutes(&entry(add_days(START, 40), 5)).await.unwrap();
    assert_eq!(s.minutes(w, clinic, START, add_days(START, 30)).await.unwrap(), [entry(START, 7)]);
    assert_eq!(s.minutes(w, clinic, START, add_days(START, 40)).await.unwrap().len(), 2);
}

/// Two-factor sign-in: a secret enrolled, then in use with recovery codes and
/// the confirming session passed, in one step; a time step and a recovery code
/// each work once; the operator's reset forgets both.
pub async fn a_second_factor_is_kept_and_each_code_works_once<S: Store>(s: &S) {
    let a = s.create_account(&new_account("two@example.org"), now()).await.unwrap();
    let later = now().checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
    s.create_session(a.id, "tf-session", "csrf", now(), later).await.unwrap();
    assert!(!s.session("tf-session", now()).await.unwrap().unwrap().second_factor);
    assert_eq!(s.totp_secret(a.id).await.unwrap(), None);
    s.start_totp(a.id, "JBSWY3DPEHPK3PXP").await.unwrap();
    assert_eq!(s.account(a.id).await.unwrap().two_factor_since, None, "not in use until confirmed");
    s.enable_totp(a.id, &["h1".into(), "h2".into()], "tf-session", now()).await.unwrap();
    assert_eq!(s.account(a.id).await.unwrap().two_factor_since, Some(now()));
    assert!(s.session("tf-session", now()).await.unwrap().unwrap().second_factor);
    assert!(matches!(s.start_totp(a.id, "OTHER").await, Err(StoreError::Duplicate(_))), "no silent re-enrolment");
    assert!(s.accept_totp_step(a.id, 100).await.unwrap());
    assert!(!s.accept_totp_step(a.id, 100).await.unwrap(), "a step works once");
    assert!(!s.accept_totp_step(a.id, 99).await.unwrap(), "nor an earlier one");
    assert!(s.use_recovery_code(a.id, "h1", now()).await.unwrap());
    assert!(!s.use_recovery_code(a.id, "h1", now()).await.unwrap());
    assert_eq!(s.recovery_codes_left(a.id).await.unwrap(), 1);
    s.create_session(a.id, "tf-other", "csrf", now(), later).await.unwrap();
    s.pass_second_factor("tf-other", now()).await.unwrap();
    assert!(s.session("tf-other", now()).await.unwrap().unwrap().second_factor);
    assert!(s.disable_totp(a.id).await.unwrap());
    assert_eq!((s.totp_secret(a.id).await.unwrap(), s.recovery_codes_left(a.id).await.unwrap()), (None, 0));
    assert!(!s.disable_totp(a.id).await.unwrap());
    // Enrolled again, for whoever keeps this database (the backup fixture).
    s.start_totp(a.id, "JBSWY3DPEHPK3PXP").await.unwrap();
    s.enable_totp(a.id, &["h3".into()], "tf-session", now()).await.unwrap();
}

/// A break-glass opens a record to a clinician of the walker's clinic for its
/// hour only, while membership and care stand; anyone else is refused.
pub async fn a_break_glass_is_open_for_its_time_only<S: Store>(s: &S) {
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let cover = s.create_account(&new_account("cover@example.org"), now()).await.unwrap().id;
    let (w, _) = walker_with_programme(s, "Pat").await;
    let hour = now().checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
    let b = store::BreakGlass {
        walker: w,
        clinic,
        account: cover,
        reason: "fell in the waiting room".into(),
        started_at: now(),
        ends_at: hour,
    };
    assert!(matches!(s.open_break_glass(&b).await, Err(StoreError::NotFound(_))), "not a member yet");
    s.add_member(cover, clinic, store::MemberRole::Clinician, now()).await.unwrap();
    assert!(matches!(s.open_break_glass(&b).await, Err(StoreError::NotFound(_))), "walker not in its care");
    s.connect(w, clinic, now()).await.unwrap();
    s.open_break_glass(&b).await.unwrap();
    assert_eq!(s.break_glass_clinic(cover, w, now()).await.unwrap(), Some(clinic));
    assert_eq!(s.break_glass_clinic(cover, w, hour).await.unwrap(), None, "closed after its hour");
    assert_eq!(s.break_glasses(w).await.unwrap(), std::slice::from_ref(&b));
    assert_eq!(s.clinic_break_glasses(clinic, 10).await.unwrap(), [b]);
    s.end_membership(cover, clinic, now()).await.unwrap();
    assert_eq!(s.break_glass_clinic(cover, w, now()).await.unwrap(), None, "ends with the membership");
}

/// A list page's access-log rows go in at once, every one kept whole.
pub async fn a_batch_of_access_log_rows_is_kept_whole<S: Store>(s: &S) {
    let a = s.create_account(&new_account("batch@example.org"), now()).await.unwrap();
    let events: Vec<store::SecurityEvent> = (1..=230)
        .map(|w| {
            store::SecurityEvent::new(
                store::SecurityKind::ClinicianRead,
                Some(a.id),
                "192.0.2.7",
                "patient list",
                now(),
            )
            .about(store::WalkerId(w))
        })
        .collect();
    s.record_security_events(&events).await.unwrap();
    s.record_security_events(&[]).await.unwrap();
    let kept = s.security_events(Some(a.id), 500).await.unwrap();
    assert_eq!(kept.len(), 230);
    let mut walkers: Vec<i64> = kept.iter().map(|e| e.walker.unwrap().0).collect();
    walkers.sort_unstable();
    assert_eq!(walkers, (1..=230).collect::<Vec<_>>());
    assert!(kept.iter().all(|e| e.client == "192.0.2.7" && e.detail == "patient list"));
    // Entries that differ go in row by row, just as whole.
    let mixed = [
        store::SecurityEvent::new(store::SecurityKind::ClinicianRead, Some(a.id), "c", "walker page", now())
            .about(store::WalkerId(7)),
        store::SecurityEvent::new(store::SecurityKind::SignIn, Some(a.id), "c", "", now()),
    ];
    s.record_security_events(&mixed).await.unwrap();
    assert_eq!(s.security_events(Some(a.id), 500).await.unwrap().len(), 232);
}

/// A patient list is one access-log entry naming every walker it showed;
/// each of them reads it in their own log (it was someone on their care
/// team), a walker it did not show does not, and it stays in their log after
/// the clinician leaves the care team.
pub async fn a_list_entry_names_its_walkers_and_each_reads_it<S: Store>(s: &S) {
    use store::MemberRole::Clinician;
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let doc = s.create_account(&new_account("lists@example.org"), now()).await.unwrap().id;
    s.add_member(doc, clinic, Clinician, now()).await.unwrap();
    let mut walkers = Vec::new();
    for name in ["Ada", "Ben", "Cy"] {
        let (w, _) = walker_with_programme(s, name).await;
        s.connect(w, clinic, now()).await.unwrap();
        s.add_to_care_team(w, clinic, doc, now()).await.unwrap();
        walkers.push(w);
    }
    // Ids that share digits must not match each other ("1" in "11,21").
    let shown = vec![walkers[0], walkers[1], store::WalkerId(walkers[2].0 * 10 + 1)];
    let list = store::SecurityEvent::new(store::SecurityKind::ClinicianRead, Some(doc), "c", "patient list", now())
        .listing(shown.clone());
    s.record_security_event(&list).await.unwrap();

    let own = s.security_events(Some(doc), 10).await.unwrap();
    assert_eq!((own.len(), own[0].walker, &own[0].walkers), (1, None, &shown), "one entry for the list");
    for w in &walkers[..2] {
        let seen = s.walker_events(*w, 10).await.unwrap();
        assert_eq!(seen.len(), 1, "walker {w} reads the list that showed them");
        assert_eq!((seen[0].walker, seen[0].account, seen[0].detail.as_str()), (Some(*w), Some(doc), "patient list"));
    }
    assert!(s.walker_events(walkers[2], 10).await.unwrap().is_empty(), "not shown, not in their log");
    let (stranger, _) = walker_with_programme(s, "Dee").await;
    assert!(s.walker_events(stranger, 10).await.unwrap().is_empty());
    // Off the care team later: what was seen stays in the walker's log.
    s.remove_from_care_team(walkers[0], clinic, doc, now()).await.unwrap();
    assert_eq!(s.walker_events(walkers[0], 10).await.unwrap().len(), 1);
    // The walker reads it as about them alone: not who else was listed.
    assert!(s.walker_events(walkers[1], 10).await.unwrap()[0].walkers.is_empty());
    // The clinic's log holds the list with this clinic's walkers only; a list
    // the same clinician made for another clinic is not in it.
    let elsewhere = s.create_clinic("Hip Clinic", now()).await.unwrap();
    s.add_member(doc, elsewhere, Clinician, now()).await.unwrap();
    let (other, _) = walker_with_programme(s, "Eve").await;
    s.connect(other, elsewhere, now()).await.unwrap();
    s.add_to_care_team(other, elsewhere, doc, now()).await.unwrap();
    let there = store::SecurityEvent::new(store::SecurityKind::ClinicianRead, Some(doc), "c", "patient list", now())
        .listing(vec![other]);
    s.record_security_event(&there).await.unwrap();
    let clinic_log = s.clinic_events(clinic, 10).await.unwrap();
    let lists: Vec<_> = clinic_log.iter().filter(|e| !e.walkers.is_empty()).collect();
    assert_eq!(lists.len(), 1, "{clinic_log:?}");
    assert_eq!(lists[0].walkers, &walkers[..2], "this clinic's walkers only");
    assert_eq!(s.clinic_events(elsewhere, 10).await.unwrap().iter().filter(|e| !e.walkers.is_empty()).count(), 1);
    // The last time a walker's page was opened, for "not opened this week".
    assert_eq!(s.last_read(walkers[0], "walker page").await.unwrap(), None);
    let page = store::SecurityEvent::new(store::SecurityKind::ClinicianRead, Some(doc), "c", "walker page", now())
        .about(walkers[0]);
    s.record_security_event(&page).await.unwrap();
    assert_eq!(s.last_read(walkers[0], "walker page").await.unwrap(), Some(page.at));
    // A clinician's account is kept: it has worked for a clinic.
    let doc_walker = s.account(doc).await.unwrap().walker;
    assert!(s.ever_staff(doc_walker).await.unwrap());
    assert!(!s.ever_staff(walkers[0]).await.unwrap());
}

/// A patient list's read may write the list's entry in the same statement
/// (`in_statement`: PostgreSQL does): only when the list shows every walker
/// in care (from 1 to `most`), naming each, and the answer says whether it
/// did. Otherwise nothing is written and the caller writes its own entry.
pub async fn a_list_read_writes_its_entry_only_when_it_shows_everyone<S: Store>(s: &S, in_statement: bool) {
    use store::MemberRole::Clinician;
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let doc = s.create_account(&new_account("whole@example.org"), now()).await.unwrap().id;
    s.add_member(doc, clinic, Clinician, now()).await.unwrap();
    let entry = SecurityEvent::new(SecurityKind::ClinicianRead, Some(doc), "c", "patient list", now());
    let list = |most| Some(store::ListEntry { entry: &entry, most });
    // Nobody in care: nothing to name, nothing written.
    assert_eq!(s.in_care_of_versions(doc, list(100)).await.unwrap(), (vec![], false));
    let mut walkers = Vec::new();
    for name in ["Ada", "Ben"] {
        let (w, _) = walker_with_programme(s, name).await;
        s.connect(w, clinic, now()).await.unwrap();
        s.add_to_care_team(w, clinic, doc, now()).await.unwrap();
        walkers.push(w);
    }
    let (plain, logged) = s.in_care_of_versions(doc, None).await.unwrap();
    assert!(!logged);
    assert_eq!(plain.iter().map(|c| c.walker).collect::<Vec<_>>(), walkers);
    // More walkers than the list shows: the caller names the ones shown.
    assert_eq!(s.in_care_of_versions(doc, list(1)).await.unwrap(), (plain.clone(), false));
    assert!(s.security_events(Some(doc), 10).await.unwrap().is_empty(), "nothing written");
    let (care, logged) = s.in_care_of_versions(doc, list(2)).await.unwrap();
    assert_eq!((care, logged), (plain, in_statement));
    let written = s.security_events(Some(doc), 10).await.unwrap();
    if in_statement {
        assert_eq!(written, [entry.clone().listing(walkers.clone())], "one entry naming both");
        for w in &walkers {
            assert_eq!(s.walker_events(*w, 10).await.unwrap()[0].detail, "patient list");
        }
    } else {
        assert!(written.is_empty());
    }
}

pub async fn a_granted_read_writes_its_entry_only_when_it_grants<S: Store>(s: &S, in_statement: bool) {
    use store::MemberRole::Clinician;
    let clinic = s.create_clinic("Knee Clinic", now()).await.unwrap();
    let doc = s.create_account(&new_account("grant@example.org"), now()).await.unwrap().id;
    s.add_member(doc, clinic, Clinician, now()).await.unwrap();
    let (ada, _) = walker_with_programme(s, "Ada").await;
    let entry = SecurityEvent::new(SecurityKind::ClinicianRead, Some(doc), "c", "walker page", now()).about(ada);
    // Not in care: no grant, nothing written.
    assert_eq!(s.care_clinic_logged(doc, ada, &entry).await.unwrap(), (None, false));
    s.connect(ada, clinic, now()).await.unwrap();
    assert_eq!(s.care_clinic_logged(doc, ada, &entry).await.unwrap(), (None, false), "not on the care team");
    assert!(s.security_events(Some(doc), 10).await.unwrap().is_empty(), "nothing written");
    s.add_to_care_team(ada, clinic, doc, now()).await.unwrap();
    assert_eq!(s.care_clinic_logged(doc, ada, &entry).await.unwrap(), (Some(clinic), in_statement));
    let written = s.security_events(Some(doc), 10).await.unwrap();
    if in_statement {
        assert_eq!(written, std::slice::from_ref(&entry), "the entry, as given");
        assert_eq!(s.walker_events(ada, 10).await.unwrap()[0].detail, "walker page", "in Ada's own log");
    } else {
        assert!(written.is_empty());
    }
}

/// Many requests writing at once share commits (the group commit), and each
/// still learns whether its own rows were stored: every row is kept, and a
/// row the database refuses (a NUL, on PostgreSQL) fails only its request.
pub async fn concurrent_access_log_writes_are_each_kept_or_refused_alone<S: Store>(s: &S) {
    let a = s.create_account(&new_account("many@example.org"), now()).await.unwrap();
    let request = |n: i64| {
        let detail = if n == 13 { "walker\0page" } else { "walker page" };
        let rows: Vec<store::SecurityEvent> = (0..3)
            .map(|k| {
                store::SecurityEvent::new(store::SecurityKind::ClinicianRead, Some(a.id), "c", detail, now())
                    .about(store::WalkerId(n * 10 + k))
            })
            .collect();
        async move { s.record_security_events(&rows).await }
    };
    let answers = futures_util::future::join_all((0..40).map(request)).await;
    for (n, answer) in answers.iter().enumerate() {
        assert!(n == 13 || answer.is_ok(), "request {n}: {answer:?}");
    }
    let refused = answers[13].is_err();
    let kept = s.security_events(Some(a.id), 500).await.unwrap();
    assert_eq!(kept.len(), if refused { 39 * 3 } else { 40 * 3 });
    let mut walkers: Vec<i64> = kept.iter().map(|e| e.walker.unwrap().0).collect();
    walkers.sort_unstable();
    let expected: Vec<i64> =
        (0..40).filter(|n| !refused || *n != 13).flat_map(|n| (0..3).map(move |k| n * 10 + k)).collect();
    assert_eq!(walkers, expected);
}

/// A walker with a programme, for the backup's own rows.
pub async fn a_walker_for_the_backup<S: Store>(s: &S) -> (WalkerId, store::ProgrammeKey) {
    walker_with_programme(s, "Backup").await
}

/// A motion recording's analysis is kept per session, in order, each file
/// once; one is
/// deleted by its id, only by its own walker; the rest go with the walker
/// when they are deleted.
pub async fn motion_recordings_round_trip<S: Store>(s: &S) {
    let (w, _) = walker_with_programme(s, "Mo").await;
    let bout = |backward: bool, steps: u32| coach::motion::MotionBout {
        start_s: 4.0,
        end_s: 4.0 + f64::from(steps) * 0.55,
        backward,
        confidence: 0.93,
        steps,
        cadence: 109.1,
        step_time_cv: 3.2,
        asymmetry: 1.5,
        in_backward_part: backward,
    };
    let later = coach::motion::Motion {
        session: coach::dates::add_days(START, 2),
        source: "phone".into(),
        duration_s: 612.5,
        bouts: vec![bout(true, 480), bout(false, 20)],
        own_direction: true,
    };
    let first = coach::motion::Motion {
        session: START,
        source: "walk «ü».csv".into(),
        bouts: vec![],
        own_direction: false,
        ..later.clone()
    };
    s.save_motion(w, &later, "1a7e", now()).await.unwrap();
    s.save_motion(w, &first, "f125", now()).await.unwrap();
    // Two files that read the same (a recording and its copy): both kept.
    s.save_motion(w, &first, "c0e9", now()).await.unwrap();
    // The same file again (a phone's retry, an import twice): refused, and
    // found by its hash.
    let again = s.save_motion(w, &first, "f125", now()).await.unwrap_err();
    assert!(matches!(again, StoreError::Duplicate(ref m) if m.starts_with("file: ")), "{again:?}");
    let found = s.motion_by_hash(w, "f125").await.unwrap().unwrap();
    assert_eq!(found.motion, first);
    assert!(s.motion_by_hash(w, "0ther").await.unwrap().is_none());
    let kept = s.motions(w).await.unwrap();
    assert_eq!(kept.iter().map(|m| m.motion.clone()).collect::<Vec<_>>(), vec![first.clone(), first.clone(), later]);
    let (other, _) = walker_with_programme(s, "Not Mo").await;
    assert!(!s.delete_motion(other, kept[0].id).await.unwrap(), "not another walker's");
    let version = s.walker(w).await.unwrap().version;
    assert!(s.delete_motion(w, kept[0].id).await.unwrap());
    assert!(!s.delete_motion(w, kept[0].id).await.unwrap(), "already gone");
    assert!(s.walker(w).await.unwrap().version > version, "the walker's pages are refreshed");
    let left: Vec<i64> = s.motions(w).await.unwrap().iter().map(|m| m.id).collect();
    assert_eq!(left, vec![kept[1].id, kept[2].id], "only that one");
    s.delete_walker(w).await.unwrap();
    assert!(s.motions(w).await.unwrap().is_empty());
}
