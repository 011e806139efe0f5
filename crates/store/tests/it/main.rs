//! The store conformance suite: the same checks on every backend.
//!
//! SQLite always runs. PostgreSQL runs when `RETROWALK_TEST_POSTGRES_URL`
//! names a server (`.ci/run` always sets it); each test then gets a database
//! of its own, dropped afterwards. A set but unreachable server fails the test.

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backends;
mod suite;

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = crate::backends::sqlite().await;
                    crate::suite::$name(&db.store).await;
                    db.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(db) = crate::backends::postgres().await else { return };
                    crate::suite::$name(&db.store).await;
                    db.finish().await;
                }
            )*
        }
    };
}

conformance!(
    a_new_walker_comes_with_screen_and_programme,
    a_log_and_its_decision_are_written_together,
    a_second_log_for_a_day_is_refused_and_nothing_is_written,
    check_ins_and_overrides_round_trip,
    a_clearance_is_recorded_with_the_new_outcome,
    rescreening_keeps_the_old_screens,
    deleting_a_walker_removes_everything,
    missing_walkers_are_not_found,
    walkers_are_isolated,
    a_new_programme_becomes_the_active_one,
    an_account_owns_a_walker_and_emails_are_unique,
    sessions_expire_and_sign_out,
    api_tokens_find_their_account,
    a_reset_code_works_once_and_signs_out_everywhere,
    deleting_a_walker_deletes_the_account,
    a_programme_is_updated_in_place_with_its_history,
    every_write_bumps_the_walker_version,
    outcomes_round_trip_and_can_change_the_screen,
    a_calendar_link_is_replaced_and_revoked,
    an_archive_imports_as_a_new_walker_without_loss,
    a_restore_replaces_the_accounts_walker,
    the_profile_is_kept_and_archived,
    questionnaires_load_once_and_results_travel_in_the_archive,
    an_import_is_kept_once_and_a_confirmed_walk_becomes_a_session,
);

/// SQLite-only settings the embedded default depends on.
#[tokio::test]
async fn sqlite_uses_wal_and_enforces_foreign_keys() {
    let db = backends::sqlite().await;
    assert_eq!(db.store.scalar_text("PRAGMA journal_mode").await.unwrap(), "wal");
    assert_eq!(db.store.scalar_int("PRAGMA foreign_keys").await.unwrap(), 1);
    db.finish().await;
}
