//! The scripts: what a walker does over a few days, and what the service says.

use crate::check::check;
use expect_test::expect;

#[test]
fn a_tolerated_first_week_progresses_one_step_at_a_time() {
    check(
        "
        walker
        setup 2026-11-02 mon,wed,fri
        today 2026-11-02
        log 2026-11-02 1 2 1
        checkin 2026-11-03 2
        today 2026-11-04
        ",
        expect![[r#"
            > walker
              screened cleared
            > setup 2026-11-02 mon,wed,fri
              set up
            > today 2026-11-02
              session: 5 min backward (3+2), easy pace, 0% incline, one hand on a wall or rail, someone nearby
            > log 2026-11-02 1 2 1
              logged 5 min; repeat (A-AWAIT-CHECKIN): Repeat this dose for now. Tomorrow morning, record how your knee feels: that decides whether you can step up.
            > checkin 2026-11-03 2
              checked in; progress (A-PROGRESS): Pain stayed at 2/10 and had settled by the next morning, so we add a little time: 6 minutes.
            > today 2026-11-04
              session: 6 min backward (3+3), easy pace, 0% incline, one hand on a wall or rail, someone nearby
        "#]],
    );
}

#[test]
fn what_the_state_forbids_is_a_conflict_with_its_reason() {
    check(
        "
        walker
        setup 2026-11-02 mon,wed,fri
        checkin 2026-11-02 2
        log 2026-11-02 1 2 1
        log 2026-11-02 1 1 1
        checkin 2026-11-03 2
        checkin 2026-11-03 3
        log 2026-11-09 1 2 1 minutes=2
        ",
        expect![[r#"
            > walker
              screened cleared
            > setup 2026-11-02 mon,wed,fri
              set up
            > checkin 2026-11-02 2
              refused (conflict, nothing_to_do): there is no session in the two days before 2026-11-02 to check in on; log a session first
            > log 2026-11-02 1 2 1
              logged 5 min; repeat (A-AWAIT-CHECKIN): Repeat this dose for now. Tomorrow morning, record how your knee feels: that decides whether you can step up.
            > log 2026-11-02 1 1 1
              refused (conflict, already_done): date: a session is already logged for 2026-11-02
            > checkin 2026-11-03 2
              checked in; progress (A-PROGRESS): Pain stayed at 2/10 and had settled by the next morning, so we add a little time: 6 minutes.
            > checkin 2026-11-03 3
              refused (conflict, already_done): checkin: the session on 2026-11-02 already has a check-in
            > log 2026-11-09 1 2 1 minutes=2
              logged 2 min; repeat (A-INCOMPLETE): You walked 2 of the 4 minutes, so we repeat this dose before adding more.
        "#]],
    );
}

#[test]
fn a_red_flag_stops_the_programme_and_nothing_more_is_logged() {
    check(
        "
        walker
        setup 2026-11-02 mon,wed,fri
        log 2026-11-02 1 3 2 symptom=knee_locked
        today 2026-11-04
        log 2026-11-04 1 1 1
        ",
        expect![[r#"
            > walker
              screened cleared
            > setup 2026-11-02 mon,wed,fri
              set up
            > log 2026-11-02 1 3 2 symptom=knee_locked
              logged 5 min; stop (A-RED-FLAG): You reported: the knee locked or got stuck. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today.
              STOP: Stop: backward walking is paused because of what you reported.
            > today 2026-11-04
              paused: Stop: backward walking is paused because of what you reported.
            > log 2026-11-04 1 1 1
              refused (conflict, paused): Stop: backward walking is paused because of what you reported. You reported: the knee locked or got stuck. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today. What ends the pause: Your clinician restarts the programme once they have checked you: they record the restart, with their name, role and the dose to restart at. Until then, no backward walking. Nothing was recorded.
        "#]],
    );
}

#[test]
fn a_slow_timed_test_means_supported_walking_only() {
    check(
        "
        walker fall_risk
        setup 2026-11-02 mon,wed,fri
        today 2026-11-02
        ",
        expect![[r#"
            > walker fall_risk
              screened supported_only
            > setup 2026-11-02 mon,wed,fri
              set up
            > today 2026-11-02
              session: 5 min backward (3+2), easy pace, 0% incline, one hand on a wall or rail, someone nearby
        "#]],
    );
}

#[test]
fn a_walkers_grant_reaches_no_other_walker() {
    check(
        "
        walker
        other
        ",
        expect![[r#"
            > walker
              screened cleared
            > other
              Ana's account asking for Bea: refused (not found): walker not found
        "#]],
    );
}

#[test]
fn a_clinician_sees_a_walker_only_while_caring_for_them() {
    check(
        "
        walker
        clinician
        see
        connect
        see
        team
        see
        leave
        see
        ",
        expect![[r#"
            > walker
              screened cleared
            > clinician
              a clinic, and Dr Rivera a clinician there
            > see
              Dr Rivera: refused (not found): walker not found
            > connect
              done
            > see
              Dr Rivera: refused (not found): walker not found
            > team
              done
            > see
              Dr Rivera sees Ana
            > leave
              done
            > see
              Dr Rivera: refused (not found): walker not found
        "#]],
    );
}

#[test]
fn a_walker_who_disconnects_is_seen_no_more() {
    check(
        "
        walker
        clinician
        connect
        team
        see
        disconnect
        see
        team
        ",
        expect![[r#"
            > walker
              screened cleared
            > clinician
              a clinic, and Dr Rivera a clinician there
            > connect
              done
            > team
              done
            > see
              Dr Rivera sees Ana
            > disconnect
              done
            > see
              Dr Rivera: refused (not found): walker not found
            > team
              refused: clinician 1 of clinic 1 for walker 1 in its care not found
        "#]],
    );
}

#[test]
fn a_restart_signed_after_a_red_flag_check_in_starts_the_next_day() {
    check(
        "
        walker
        setup 2026-11-02 mon,wed,fri
        log 2026-11-02 1 2 1
        pause 2026-11-02
        checkin 2026-11-04 2 symptom=knee_locked
        today 2026-11-04
        restart 2026-11-04
        today 2026-11-04
        restart 2026-11-04
        log 2026-11-04 1 1 1
        today 2026-11-05
        today 2026-11-06
        ",
        expect![[r#"
            > walker
              screened cleared
            > setup 2026-11-02 mon,wed,fri
              set up
            > log 2026-11-02 1 2 1
              logged 5 min; repeat (A-AWAIT-CHECKIN): Repeat this dose for now. Tomorrow morning, record how your knee feels: that decides whether you can step up.
            > pause 2026-11-02
              paused from 2026-11-02
            > checkin 2026-11-04 2 symptom=knee_locked
              checked in; stop (A-RED-FLAG): You reported: the knee locked or got stuck. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today.
            > today 2026-11-04
              paused: Stop: backward walking is paused because of what you reported.
            > restart 2026-11-04
              restarted from 2026-11-05
            > today 2026-11-04
              paused: Stop: backward walking is paused because of what you reported.
            > restart 2026-11-04
              refused (conflict, nothing_to_do): nothing to restart: a restart is already signed; backward walking starts again on 2026-11-05
            > log 2026-11-04 1 1 1
              refused (conflict, paused): Stop: backward walking is paused because of what you reported. You reported: the knee locked or got stuck. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today. What ends the pause: Your clinician has signed the restart: backward walking starts again on 2026-11-05. Nothing was recorded.
            > today 2026-11-05
              rest: No backward walking today. Next session: 2026-11-06.
            > today 2026-11-06
              session: 5 min backward (3+2), easy pace, 0% incline, one hand on a wall or rail, someone nearby
        "#]],
    );
}

/// A session that stops the programme from tomorrow, a restart signed the
/// same day (so dated tomorrow), then a red flag reported in a check-in that
/// day: recorded after the restart, it is not lifted by it. A session logged
/// late for a stopped day is refused (it would sort before the restart).
#[test]
fn a_red_flag_reported_after_a_restart_is_not_lifted_by_it() {
    check(
        "
        walker
        setup 2026-11-02 mon,wed,fri
        log 2026-11-02 1 2 1
        log 2026-11-04 1 3 2 symptom=knee_locked
        restart 2026-11-04
        today 2026-11-04
        checkin 2026-11-04 2 symptom=calf_pain_swelling
        today 2026-11-05
        restart 2026-11-05
        today 2026-11-05
        today 2026-11-06
        ",
        expect![[r#"
            > walker
              screened cleared
            > setup 2026-11-02 mon,wed,fri
              set up
            > log 2026-11-02 1 2 1
              logged 5 min; repeat (A-AWAIT-CHECKIN): Repeat this dose for now. Tomorrow morning, record how your knee feels: that decides whether you can step up.
            > log 2026-11-04 1 3 2 symptom=knee_locked
              logged 5 min; stop (A-RED-FLAG): You reported: the knee locked or got stuck. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today.
              STOP: Stop: backward walking is paused because of what you reported.
            > restart 2026-11-04
              restarted from 2026-11-05
            > today 2026-11-04
              done: Today's session is logged. Well done. Tomorrow morning, record how your knee feels.
            > checkin 2026-11-04 2 symptom=calf_pain_swelling
              checked in; stop (A-RED-FLAG): You reported: calf pain, swelling or warmth. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today.
            > today 2026-11-05
              paused: Stop: backward walking is paused because of what you reported.
            > restart 2026-11-05
              restarted from 2026-11-06
            > today 2026-11-05
              paused: Stop: backward walking is paused because of what you reported.
            > today 2026-11-06
              session: 5 min backward (3+2), easy pace, 0% incline, one hand on a wall or rail, someone nearby
        "#]],
    );
}

/// A restart signed for tomorrow can still be cancelled by the care team's
/// pause that day: the pause comes after it and stands.
#[test]
fn a_pending_restart_can_be_cancelled_by_a_pause() {
    check(
        "
        walker
        setup 2026-11-02 mon,wed,fri
        log 2026-11-02 1 2 1
        checkin 2026-11-04 2 symptom=knee_locked
        restart 2026-11-04
        pause 2026-11-04
        today 2026-11-06
        ",
        expect![[r#"
            > walker
              screened cleared
            > setup 2026-11-02 mon,wed,fri
              set up
            > log 2026-11-02 1 2 1
              logged 5 min; repeat (A-AWAIT-CHECKIN): Repeat this dose for now. Tomorrow morning, record how your knee feels: that decides whether you can step up.
            > checkin 2026-11-04 2 symptom=knee_locked
              checked in; stop (A-RED-FLAG): You reported: the knee locked or got stuck. Stop the programme and contact your clinician before walking backwards again. If it is severe or sudden, get medical help today.
            > restart 2026-11-04
              restarted from 2026-11-05
            > pause 2026-11-04
              paused from 2026-11-05
            > today 2026-11-06
              paused: Backward walking is paused by your care team.
        "#]],
    );
}
