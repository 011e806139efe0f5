//! `check(fixture, expect)`: runs a script against a fresh store, one line a
//! step, and compares the transcript.
//!
//! ```text
//! walker                        a walker screened clear (`walker fall_risk`: a slow timed test)
//! setup 2026-11-02 mon,wed,fri  the set-up: start and training days (usual pain 2)
//! log 2026-11-02 1 2 1          a session: pain before, peak, after; `symptom=…` and `minutes=…` may follow
//! checkin 2026-11-03 2          next-morning pain; `symptom=…` may follow
//! pause 2026-11-04              the care team pauses the programme that day
//! restart 2026-11-04            a clinician signs a restart that day
//! today 2026-11-04              what today holds
//! other                         a second walker, and the first one's grant tried on them
//! clinician                     a clinic and a clinician member of it (clinic mode)
//! connect / disconnect          the walker joins the clinic's care, or leaves it
//! team / off-team               the clinician joins or leaves the walker's care team
//! leave                         the clinician's membership ends
//! see                           the clinician asks for the walker's records
//! ```

use coach::Pain;
use coach::screening::Answers;
use coach::setup::{Day, Setup};
use expect_test::Expect;
use jiff::civil::Date;
use service::{Access, Actor, ServiceError, State};
use std::fmt::Write as _;
use store::SqlStore;
use store::prelude::*;

pub fn check(fixture: &str, expect: Expect) {
    let transcript = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(run(fixture));
    expect.assert_eq(&transcript);
}

struct Script {
    store: SqlStore,
    walker: Option<Access>,
    /// Clinic mode: the clinic and its clinician's account.
    clinic: Option<(store::ClinicId, store::AccountId)>,
    out: String,
}

/// The clock: a minute later at each reading, so what is recorded later is
/// later (a check-in after a restart, say).
fn now() -> jiff::Timestamp {
    use std::sync::atomic::{AtomicI64, Ordering};
    static MINUTES: AtomicI64 = AtomicI64::new(0);
    let start: jiff::Timestamp = "2026-11-01T08:00:00Z".parse().unwrap();
    start + jiff::SignedDuration::from_mins(MINUTES.fetch_add(1, Ordering::Relaxed))
}

async fn run(fixture: &str) -> String {
    let store = store::backend::connect("sqlite::memory:").await.unwrap();
    let mut s = Script { store, walker: None, clinic: None, out: String::new() };
    for line in fixture.lines().map(str::trim).filter(|l| !l.is_empty()) {
        writeln!(s.out, "> {line}").unwrap();
        let words: Vec<&str> = line.split_whitespace().collect();
        let answer = s.step(&words).await;
        for l in answer.lines() {
            writeln!(s.out, "  {l}").unwrap();
        }
    }
    s.out
}

/// A refusal as the transcript shows it: its kind, reason and words.
fn refused(e: &ServiceError) -> String {
    let kind = match e {
        ServiceError::Input(_) => "input",
        ServiceError::Conflict(_) => "conflict",
        ServiceError::NotFound(_) => "not found",
        ServiceError::Store(_) => "store",
    };
    match e.code() {
        Some(code) => format!("refused ({kind}, {}): {e}", code.as_str()),
        None => format!("refused ({kind}): {e}"),
    }
}

fn pain(w: &str) -> Option<Pain> {
    Some(Pain::new(w.parse().unwrap()).unwrap())
}

impl Script {
    fn access(&self) -> Access {
        self.walker.expect("a `walker` step comes first")
    }

    async fn state(&self, today: Date) -> State {
        service::load(&self.store, self.access(), today).await.unwrap()
    }

    async fn step(&mut self, w: &[&str]) -> String {
        match w {
            ["walker", rest @ ..] => {
                let mut answers = Answers::all_no();
                if rest == ["fall_risk"] {
                    answers.tug_seconds = Some(15.0);
                }
                let setup = Setup::first("2026-11-02".parse().unwrap(), "UTC");
                let (ids, outcome, _) = service::start_walker(&self.store, "Ana", answers, setup, now()).await.unwrap();
                self.walker = Some(service::access(&self.store, &Actor::Operator, ids.walker).await.unwrap());
                format!("screened {}", outcome.status.label())
            }
            ["setup", start, days] => {
                let mut setup = Setup::first(start.parse().unwrap(), "UTC");
                setup.training_days = days.split(',').map(|d| Day::parse(d).unwrap()).collect();
                setup.baseline_pain = Pain::new(2).unwrap();
                match service::set_up(&self.store, self.access(), &setup, now()).await {
                    Ok(()) => "set up".into(),
                    Err(e) => refused(&e),
                }
            }
            ["log", date, before, peak, after, extra @ ..] => {
                let date: Date = date.parse().unwrap();
                let mut input = service::LogInput {
                    date: Some(date),
                    pain_before: pain(before),
                    pain_peak: pain(peak),
                    pain_after: pain(after),
                    ..Default::default()
                };
                for e in extra {
                    match e.split_once('=') {
                        Some(("symptom", s)) => input.symptoms.push(coach::history::Symptom::typed(s).unwrap()),
                        Some(("minutes", m)) => input.minutes = Some(m.parse().unwrap()),
                        _ => panic!("unknown log option {e}"),
                    }
                }
                let state = self.state(date).await;
                match service::log_session(&self.store, &state, input, now()).await {
                    Ok(done) => {
                        let d = &done.decision;
                        let mut t = format!(
                            "logged {} min; {} ({}): {}",
                            done.logged.minutes,
                            d.action.as_str(),
                            d.rule,
                            d.reason
                        );
                        if let Some(stop) = &done.stop {
                            t.push_str(&format!("\nSTOP: {}", stop.headline));
                        }
                        t
                    }
                    Err(e) => refused(&e),
                }
            }
            ["checkin", date, p, extra @ ..] => {
                let date: Date = date.parse().unwrap();
                let state = self.state(date).await;
                let pain = pain(p).unwrap();
                let symptoms = extra
                    .iter()
                    .map(|e| match e.split_once('=') {
                        Some(("symptom", s)) => coach::history::Symptom::typed(s).unwrap(),
                        _ => panic!("unknown check-in option {e}"),
                    })
                    .collect();
                match service::check_in(&self.store, &state, Some(date), pain, symptoms, now()).await {
                    Ok(done) => format!(
                        "checked in; {} ({}): {}",
                        done.decision.action.as_str(),
                        done.decision.rule,
                        done.decision.reason
                    ),
                    Err(e) => refused(&e),
                }
            }
            ["today", date] => {
                let state = self.state(date.parse().unwrap()).await;
                let v = service::today(&state);
                match (&v.pause, &v.retro) {
                    (Some(p), _) => format!("paused: {}", p.headline),
                    (None, Some(r)) => format!("{}: {}", v.kind.as_str(), r.summary),
                    (None, None) => format!("{}: {}", v.kind.as_str(), v.headline),
                }
            }
            ["pause", date] => {
                let state = self.state(date.parse().unwrap()).await;
                let input = service::StopInput {
                    by: "Dr Rivera".into(),
                    note: "Wait for the scan".into(),
                    ..Default::default()
                };
                match service::stop_programme(&self.store, &state, input, now()).await {
                    Ok(done) => format!("paused from {}", done.stop.effective),
                    Err(e) => refused(&e),
                }
            }
            ["restart", date] => {
                let state = self.state(date.parse().unwrap()).await;
                let input = service::RestartInput {
                    by: "Dr Rivera".into(),
                    role: "physiotherapist".into(),
                    note: "Checked".into(),
                    ..Default::default()
                };
                match service::restart(&self.store, &state, input, now()).await {
                    Ok(done) => format!("restarted from {}", done.restart.effective),
                    Err(e) => refused(&e),
                }
            }
            ["other"] => {
                let mine = self.access();
                let (ids, _, _) = service::start_walker(
                    &self.store,
                    "Bea",
                    Answers::all_no(),
                    Setup::first("2026-11-02".parse().unwrap(), "UTC"),
                    now(),
                )
                .await
                .unwrap();
                let as_walker =
                    Actor::Account { id: store::AccountId(1), role: store::Role::Walker, walker: mine.walker() };
                match service::access(&self.store, &as_walker, ids.walker).await {
                    Ok(_) => "GRANTED: a walker reached another walker".into(),
                    Err(e) => format!("{}'s account asking for Bea: {}", "Ana", refused(&e)),
                }
            }
            ["clinician"] => {
                let clinic = self.store.create_clinic("Knee Clinic", now()).await.unwrap();
                let account = store::NewAccount {
                    email: "doc@example.org".into(),
                    password_hash: "$argon2id$v=19$fake".into(),
                    name: "Dr Rivera".into(),
                    time_zone: "UTC".into(),
                };
                let doc = self.store.create_account(&account, now()).await.unwrap().id;
                self.store.add_member(doc, clinic, store::MemberRole::Clinician, now()).await.unwrap();
                self.clinic = Some((clinic, doc));
                "a clinic, and Dr Rivera a clinician there".into()
            }
            [step @ ("connect" | "disconnect" | "team" | "off-team" | "leave")] => {
                let (clinic, doc) = self.clinic.expect("a `clinician` step comes first");
                let w = self.access().walker();
                let done = match *step {
                    "connect" => self.store.connect(w, clinic, now()).await.map(|()| true),
                    "disconnect" => self.store.disconnect(w, clinic, now()).await,
                    "team" => self.store.add_to_care_team(w, clinic, doc, now()).await.map(|()| true),
                    "off-team" => self.store.remove_from_care_team(w, clinic, doc, now()).await,
                    _ => self.store.end_membership(doc, clinic, now()).await,
                };
                match done {
                    Ok(true) => "done".into(),
                    Ok(false) => "nothing to end".into(),
                    Err(e) => format!("refused: {e}"),
                }
            }
            ["see"] => {
                let (_, doc) = self.clinic.expect("a `clinician` step comes first");
                let doc_walker = self.store.account(doc).await.unwrap().walker;
                let actor = Actor::Account { id: doc, role: store::Role::Walker, walker: doc_walker };
                match service::access(&self.store, &actor, self.access().walker()).await {
                    Ok(access) => {
                        let w = service::walker(&self.store, access).await.unwrap();
                        format!("Dr Rivera sees {}", w.name)
                    }
                    Err(e) => format!("Dr Rivera: {}", refused(&e)),
                }
            }
            other => panic!("unknown step {other:?}"),
        }
    }
}
