//! The clinician report as data: everything the printable page and the PDF
//! show, gathered once so the two cannot disagree.

use crate::{
    DatedText, FlagWhat, PainPoint, ReportDecision, ReportFlag, ReportView, State, age, outcome_rows, progress,
    questionnaire_rows,
};
use coach::adaptation::Action;
use coach::screening::{Reason, question_of};

pub fn report(s: &State) -> ReportView {
    let p = &s.programme;
    let mut logs = s.history.logs.clone();
    logs.sort_by_key(|l| l.date);
    let mut decisions = s
        .timeline()
        .decisions
        .iter()
        .filter(|d| d.action != Action::Repeat)
        .map(|d| ReportDecision {
            dose: d.dose.map(|x| x.summary(p.week_of(d.effective), p.limits.supported_only)),
            effective: d.effective,
            reason: d.reason.clone(),
            rule: d.rule.clone(),
            why: d.why.clone(),
            dose_of: d.dose.map(|x| (x, p.week_of(d.effective))),
        })
        .collect::<Vec<_>>();
    let pause = s.pause();
    if let Some(x) = pause.as_ref() {
        // A dose set for a day the pause covers never applied (a care team's
        // pause today follows the dose yesterday's session set for today);
        // a signed restart's applies from its own day.
        let from = x.since.unwrap_or(s.today);
        let restarted = |d: &ReportDecision| x.restart_from.is_some_and(|r| d.effective >= r);
        decisions.retain(|d| d.effective < from || d.dose.is_none() || restarted(d));
    }
    if let Some(x) = pause.as_ref().filter(|x| x.since.is_none()) {
        // The last row is what stands today: no dose while the screening
        // pauses training. A stop by the coach is already its own row.
        decisions.retain(|d| d.effective < s.today);
        decisions.push(ReportDecision {
            effective: x.since.unwrap_or(s.today),
            reason: format!("{} {}", x.headline, x.reasons.join(" ")),
            rule: x.rule.clone(),
            dose: None,
            why: coach::why::Why::Recorded,
            dose_of: None,
        });
    }
    let pain = logs
        .iter()
        .map(|l| PainPoint {
            date: l.date,
            peak: l.pain_peak.value(),
            after: l.pain_after.value(),
            next_morning: s.history.checkin_for(l.date).map(|c| c.pain.value()),
        })
        .collect();
    let age = age(s.walker.birth_year, s.today);
    let labels = |signs: &[coach::history::Symptom]| signs.iter().map(|x| x.label()).collect::<Vec<_>>().join("; ");
    let mut flags: Vec<ReportFlag> = logs
        .iter()
        .filter(|l| !l.symptoms.is_empty())
        .map(|l| ReportFlag { date: l.date, text: labels(&l.symptoms), what: FlagWhat::Symptoms(l.symptoms.clone()) })
        .chain(s.history.checkins.iter().filter(|c| !c.symptoms.is_empty()).map(|c| ReportFlag {
            date: c.date,
            text: format!("Morning check-in after the session on {}: {}", c.session_date, labels(&c.symptoms)),
            what: FlagWhat::Morning(c.session_date, c.symptoms.clone()),
        }))
        .chain(s.outcomes.iter().flat_map(|o| {
            coach::outcomes::flags(o.measure, o.value, age, s.walker.sex).into_iter().map(move |f| ReportFlag {
                date: o.taken_on,
                text: f.text.clone(),
                what: FlagWhat::Measure(f),
            })
        }))
        .collect();
    // The screening's own red flags and fall-risk reasons are flags too.
    let screened_on = crate::dates::local_date(s.screen.created_at, &p.setup.time_zone);
    flags.extend(
        s.screen
            .outcome
            .reasons
            .iter()
            .filter(|r| r.code.starts_with("red_flag.") || r.code.starts_with("fall_risk."))
            .map(|r| ReportFlag {
                // A fall reported during the programme is dated by the fall.
                date: match r.code.as_str() {
                    "fall_risk.fell_during_programme" => s.screen.answers.fell_during_programme.unwrap_or(screened_on),
                    _ => screened_on,
                },
                text: format!("Screening: {}", behind(r)),
                what: FlagWhat::Screening(r.clone()),
            }),
    );
    flags.sort_by_key(|f| f.date);
    let notes = logs
        .iter()
        .filter(|l| !l.notes.is_empty())
        .map(|l| DatedText { date: l.date, text: l.notes.clone() })
        .collect();
    ReportView {
        name: s.walker.name.clone(),
        generated: s.today,
        screen: s.screen.outcome.clone(),
        status_words: s.screen.outcome.status.words(),
        answers_behind: s.screen.outcome.reasons.iter().map(behind).collect(),
        pause,
        clearance: s.clearance.clone(),
        start: p.start(),
        end: p.end(),
        supported_only: p.limits.supported_only,
        progress: progress(s),
        decisions,
        pain,
        outcomes: outcome_rows(&s.outcomes),
        questionnaires: questionnaire_rows(s),
        flags,
        notes,
        motion: coach::motion::weekly(s.motions.iter().map(|m| &m.motion), |d| (d >= p.start()).then(|| p.week_of(d))),
    }
}

/// A screening reason as the answer or measurement behind it.
fn behind(r: &Reason) -> String {
    match question_of(r) {
        Some(q) => format!("Answered yes: \u{201c}{}\u{201d} {}", q.text, q.if_yes),
        None => r.text.clone(),
    }
}
