//! Loaded questionnaires: reading FHIR, checking the scoring definition, and
//! the one generic scoring kind, with retrowalk's own example questionnaire.

use coach::questionnaire::*;
use proptest::prelude::*;

fn example() -> (Questionnaire, Scoring) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/questionnaire/");
    let q = parse_questionnaire(&std::fs::read_to_string(format!("{dir}knee-days.json")).unwrap()).unwrap();
    let s = parse_scoring(&std::fs::read_to_string(format!("{dir}knee-days.scoring.json")).unwrap(), &q).unwrap();
    (q, s)
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn the_example_reads_with_groups_flattened() {
    let (q, s) = example();
    assert_eq!(q.id, "retrowalk-knee-days");
    assert_eq!(q.items.len(), 8, "display text is not a question");
    assert_eq!((q.items[0].link_id.as_str(), q.items[0].section.as_str()), ("d1", "Everyday tasks"));
    assert_eq!(q.items[0].options[4].ordinal, Some(4.0));
    assert_eq!(s.subscales.len(), 2);
}

#[test]
fn scores_follow_the_mean_transform_and_the_minimum_answered_rule() {
    let (q, s) = example();
    let all_none = answers(&[("d1", "none"), ("d2", "none"), ("d3", "none"), ("d4", "none")]);
    let scores = score(&q, &s, &all_none);
    assert_eq!(scores[0].score, Some(100.0), "no trouble scores 100 on an inverted scale");
    assert_eq!((scores[1].score, scores[1].answered, scores[1].needed), (None, 0, 3));

    // Mean of 1, 2 and 4 is 2.333..., times 25 is 58.3, inverted 41.7.
    let mixed = answers(&[("w1", "little"), ("w2", "some"), ("w3", "cannot"), ("d1", "lot"), ("d2", "cannot")]);
    let scores = score(&q, &s, &mixed);
    assert_eq!(scores[1].score, Some(41.7));
    // Everyday: 2 of 4 answered meets "50%": mean 3.5 -> 100 - 87.5.
    assert_eq!(scores[0].score, Some(12.5));
    // One answer of four is under 50%.
    assert_eq!(score(&q, &s, &answers(&[("d1", "none")]))[0].score, None);
}

#[test]
fn answers_are_checked_against_the_questions() {
    let (q, _) = example();
    let e = check_answers(&q, &answers(&[("d9", "none")])).unwrap_err();
    assert_eq!(e.field, "answers.d9");
    let e = check_answers(&q, &answers(&[("d1", "maybe")])).unwrap_err();
    assert!(e.message.contains("\"maybe\" is not one of the answers"), "{e}");
    assert!(check_answers(&q, &answers(&[("d1", "some")])).is_ok());
    // Each refusal carries its words for the walker's language, naming the question.
    let said = check_answers(&q, &answers(&[("d1", "maybe")])).unwrap_err().said.unwrap();
    assert_eq!(said.key, "refusal.questionnaire_not_an_answer");
    assert!(said.args.contains(&("question".into(), q.items.iter().find(|i| i.link_id == "d1").unwrap().text.clone())));
    let mut needed = q.clone();
    needed.items[0].required = true;
    let e = check_answers(&needed, &answers(&[])).unwrap_err();
    let field = format!("answers.{}", needed.items[0].link_id);
    assert_eq!((e.field.as_str(), e.said.unwrap().key.as_str()), (field.as_str(), "refusal.questionnaire_unanswered"));
}

#[test]
fn bad_documents_say_where_they_are_wrong() {
    let e = parse_questionnaire(r#"{"resourceType":"Patient","id":"x"}"#).unwrap_err();
    assert_eq!(e.field, "questionnaire.resourceType");
    let e = parse_questionnaire("{not json").unwrap_err();
    assert!(e.message.contains("line 1"), "{e}");
    let free_text = r#"{"resourceType":"Questionnaire","id":"x","item":[{"linkId":"a","type":"choice","answerOption":[{"valueInteger":1}]},{"linkId":"b","type":"string"}]}"#;
    let e = parse_questionnaire(free_text).unwrap_err();
    assert_eq!(e.field, "item[1].type");

    let (q, _) = example();
    let scoring = |body: &str| {
        parse_scoring(&format!(r#"{{"questionnaire":"retrowalk-knee-days","kind":"mean_0_4_to_100",{body}}}"#), &q)
            .unwrap_err()
    };
    let e = scoring(r#""subscales":[{"id":"a","name":"A","items":["zz"],"min_answered":1}]"#);
    assert!(e.field == "scoring.subscales[0].items" && e.message.contains("\"zz\""), "{e}");
    let e = scoring(r#""subscales":[{"id":"a","name":"A","items":["d1"],"min_answered":2}]"#);
    assert_eq!(e.field, "scoring.subscales[0].min_answered");
    let e = scoring(r#""values":{"cannot":5},"subscales":[{"id":"a","name":"A","items":["d1"],"min_answered":1}]"#);
    assert!(e.message.contains("items must score 0 to 4"), "{e}");
    let e = scoring(r#""subscales":[{"id":"a","name":"A","items":["d1"],"min_answered":1,"mdc":5}]"#);
    assert_eq!(e.field, "scoring.subscales[0].mdc");
    let e = parse_scoring(r#"{"questionnaire":"other","kind":"mean_0_4_to_100","subscales":[]}"#, &q).unwrap_err();
    assert_eq!(e.field, "scoring.questionnaire");
}

#[test]
fn a_change_is_judged_only_against_a_threshold_the_clinic_gave() {
    let (_, s) = example();
    let judged = interpret(&s.subscales[0], 50.0, 65.0);
    assert!(judged.words.starts_with("a real improvement"), "{}", judged.words);
    assert!(judged.evidence[0].contains("Example value"));
    let unjudged = interpret(&s.subscales[1], 50.0, 65.0);
    assert!(unjudged.words.contains("no smallest real change"), "{}", unjudged.words);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_answers_score_within_0_to_100_or_not_at_all(picks in proptest::collection::vec(proptest::option::of(0usize..5), 8)) {
        let (q, s) = example();
        let given: Answers = q
            .items
            .iter()
            .zip(&picks)
            .filter_map(|(item, pick)| pick.map(|k| (item.link_id.clone(), item.options[k].code.clone())))
            .collect();
        check_answers(&q, &given).unwrap();
        for sc in score(&q, &s, &given) {
            prop_assert_eq!(sc.score.is_some(), sc.answered >= sc.needed);
            if let Some(v) = sc.score {
                prop_assert!((0.0..=100.0).contains(&v));
            }
        }
    }
}
