//! Screening outcomes through answer files, as a walker's scripted init gives them.

use coach::screening::{Answers, Question, Status, evaluate};

#[test]
fn answers_round_trip_through_json_with_snake_case_ids() {
    let a = Answers { tug_seconds: Some(9.5), ..Answers::all_no() }.with(Question::FellPastYear, true);
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains("\"fell_past_year\":true"), "{json}");
    let back: Answers = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    assert_eq!(evaluate(&back, None).status, Status::SupportedOnly);
}

#[test]
fn changing_an_answer_re_evaluates() {
    let a = Answers::all_no();
    assert_eq!(evaluate(&a, None).status, Status::Cleared);
    let a = a.with(Question::CalfPainSwelling, true);
    let out = evaluate(&a, None);
    assert_eq!(out.status, Status::Blocked);
    assert_eq!(out.reasons[0].code, "red_flag.calf_pain_swelling");
    let a = a.with(Question::CalfPainSwelling, false);
    assert_eq!(evaluate(&a, None).status, Status::Cleared);
}
