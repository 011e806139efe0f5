//! Every rule the coach applies cites evidence rows that exist, and says why.

use coach::evidence::{self, Certainty};
use coach::{adaptation, exercises, screening};

fn assert_known(ids: &[&str], context: &str) {
    assert!(!ids.is_empty(), "{context} cites no evidence");
    for id in ids {
        let row = evidence::find(id).unwrap_or_else(|| panic!("{context} cites unknown evidence {id}"));
        assert!(matches!(row.certainty, Certainty::Verified | Certainty::Secondary | Certainty::Design));
    }
}

#[test]
fn every_adaptation_rule_cites_known_evidence() {
    for (rule, ids) in adaptation::rules() {
        assert_known(ids, rule);
    }
}

#[test]
fn every_screening_question_and_exercise_cites_known_evidence() {
    for q in screening::QUESTIONS {
        assert_known(q.evidence, q.text);
        assert!(!q.if_yes.is_empty());
    }
    for ex in exercises::all() {
        assert_known(ex.evidence, ex.id);
        assert!(!ex.why.is_empty() && !ex.steps.is_empty());
    }
}

#[test]
fn design_rows_rest_on_checked_rows() {
    // A design rule is ours; what it is built on must be [V] or [S].
    let checked = evidence::ALL.iter().filter(|r| r.certainty != Certainty::Design).count();
    assert!(checked >= 20);
}

#[test]
fn no_licensed_instrument_wording_is_shipped() {
    // Phrases of PAR-Q+ item wording that we must not reproduce.
    let banned = [
        "Has your doctor ever said that you have a heart condition",
        "Do you feel pain in your chest",
        "Do you lose balance because of dizziness",
    ];
    for q in screening::QUESTIONS {
        for b in banned {
            assert!(!q.text.to_lowercase().contains(&b.to_lowercase()), "{}", q.text);
        }
    }
}

#[test]
fn every_outcome_measure_cites_known_evidence_and_says_how() {
    for m in coach::outcomes::Measure::ALL {
        assert_known(m.evidence(), m.name());
        assert!(!m.instructions().is_empty());
        if let Some(t) = m.threshold() {
            assert_known(&[t.evidence], m.name());
        }
    }
}
