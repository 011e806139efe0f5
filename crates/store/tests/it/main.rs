//! The store conformance suite: the same checks on every backend.
//!
//! SQLite always runs. PostgreSQL runs when `RETROWALK_TEST_POSTGRES_URL`
//! names a server (`.ci/run` always sets it); each test then gets a database
//! of its own, dropped afterwards. A set but unreachable server fails the test.

// Tests may unwrap: a panic is the failure report. The lint guards library code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backends;
mod backup;
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
    a_fall_rescreens_in_the_same_transaction_as_its_log,
    a_clearance_is_recorded_with_the_new_outcome,
    a_care_team_assigns_measures_and_its_clinics_questionnaires,
    rescreening_keeps_the_old_screens,
    deleting_a_walker_removes_everything,
    missing_walkers_are_not_found,
    walkers_are_isolated,
    a_programme_is_reached_only_through_its_walker,
    clinicians_care_for_walkers_only_while_all_three_stand,
    care_keeps_reviews_messages_and_invitations,
    a_second_factor_is_kept_and_each_code_works_once,
    a_break_glass_is_open_for_its_time_only,
    a_batch_of_access_log_rows_is_kept_whole,
    a_list_entry_names_its_walkers_and_each_reads_it,
    concurrent_access_log_writes_are_each_kept_or_refused_alone,
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
    motion_recordings_round_trip,
    an_operator_disables_and_enables_an_account,
    security_events_are_kept_per_account_newest_first,
);

/// A whole patient list's entry is written by its read on PostgreSQL; on
/// SQLite the caller writes it.
mod list_read {
    mod sqlite {
        #[tokio::test]
        async fn writes_its_entry_only_when_it_shows_everyone() {
            let db = crate::backends::sqlite().await;
            crate::suite::a_list_read_writes_its_entry_only_when_it_shows_everyone(&db.store, false).await;
            db.finish().await;
        }
    }
    mod postgres {
        #[tokio::test]
        async fn writes_its_entry_only_when_it_shows_everyone() {
            let Some(db) = crate::backends::postgres().await else { return };
            crate::suite::a_list_read_writes_its_entry_only_when_it_shows_everyone(&db.store, true).await;
            db.finish().await;
        }
    }
}

/// A clinician's read of one walker: the grant's query writes its entry on
/// PostgreSQL, only when the grant holds; on SQLite the caller writes it.
mod grant_read {
    mod sqlite {
        #[tokio::test]
        async fn writes_its_entry_only_when_it_grants() {
            let db = crate::backends::sqlite().await;
            crate::suite::a_granted_read_writes_its_entry_only_when_it_grants(&db.store, false).await;
            db.finish().await;
        }
    }
    mod postgres {
        #[tokio::test]
        async fn writes_its_entry_only_when_it_grants() {
            let Some(db) = crate::backends::postgres().await else { return };
            crate::suite::a_granted_read_writes_its_entry_only_when_it_grants(&db.store, true).await;
            db.finish().await;
        }
    }
}

/// SQLite-only settings the embedded default depends on.
#[tokio::test]
async fn sqlite_uses_wal_and_enforces_foreign_keys() {
    let db = backends::sqlite().await;
    assert_eq!(db.store.scalar_text("PRAGMA journal_mode").await.unwrap(), "wal");
    assert_eq!(db.store.scalar_int("PRAGMA foreign_keys").await.unwrap(), 1);
    db.finish().await;
}

/// The change stamp moves with every commit, by this connection pool or by
/// another process, and stays put while nothing is written.
#[tokio::test]
async fn sqlite_change_stamp_moves_with_every_commit_and_only_then() {
    use store::prelude::*;
    let db = backends::sqlite().await;
    let s = &db.store;
    let before = s.change_stamp().await.expect("a WAL-mode SQLite file has a stamp");
    assert!(s.account_by_email("nobody@example.org").await.unwrap().is_none());
    assert_eq!(s.change_stamp().await, Some(before), "reads change nothing");
    let account = store::NewAccount {
        email: "st@example.org".into(),
        password_hash: "x".into(),
        name: "St".into(),
        time_zone: "UTC".into(),
    };
    s.create_account(&account, jiff::Timestamp::now()).await.unwrap();
    let after = s.change_stamp().await.unwrap();
    assert_ne!(after, before, "a commit moves it");
    // A second pool on the same file stands for another process (the CLI).
    let other = store::backend::connect(&store::backend::sqlite_url(&db.path().unwrap())).await.unwrap();
    let second = store::NewAccount { email: "other@example.org".into(), ..account };
    other.create_account(&second, jiff::Timestamp::now()).await.unwrap();
    assert_ne!(s.change_stamp().await.unwrap(), after, "a commit from elsewhere moves it too");
    db.finish().await;
}

#[tokio::test]
async fn postgres_has_no_change_stamp() {
    let Some(db) = backends::postgres().await else { return };
    assert_eq!(db.store.change_stamp().await, None);
    db.finish().await;
}

/// Regression (#11): a deleted account's data lingered in the write-ahead log
/// and in free pages. After a deletion neither file holds it.
#[tokio::test]
async fn a_deleted_walker_leaves_no_trace_in_the_sqlite_files() {
    use store::prelude::*;
    let db = backends::sqlite().await;
    let note = "secret-note-4711-of-a-deleted-walker";
    let w = suite::walker_with_a_note(&db.store, note).await;
    // Another walker keeps the database in use.
    let _other = suite::walker_with_a_note(&db.store, "kept").await;
    db.store.delete_walker(w).await.unwrap();
    db.store.close().await;
    let path = db.path().unwrap();
    for file in [path.clone(), path.with_extension("db-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(!bytes.windows(note.len()).any(|b| b == note.as_bytes()), "{} still holds the note", file.display());
    }
    db.finish().await;
}

/// A request marks its arrival once; its lookups share one read that began
/// after it arrived, and a later arrival reads again and sees later commits.
#[tokio::test]
async fn sqlite_change_stamps_since_an_arrival_share_one_read() {
    use store::prelude::*;
    let db = backends::sqlite().await;
    let s = &db.store;
    let arrival = s.arrival().expect("an SQLite file has a watcher");
    let first = s.change_stamp_since(arrival).await.unwrap();
    let other = store::backend::connect(&store::backend::sqlite_url(&db.path().unwrap())).await.unwrap();
    let account = store::NewAccount {
        email: "arrival@example.org".into(),
        password_hash: "x".into(),
        name: "Ar".into(),
        time_zone: "UTC".into(),
    };
    other.create_account(&account, jiff::Timestamp::now()).await.unwrap();
    assert_eq!(s.change_stamp_since(arrival).await, Some(first), "the same request reuses its read");
    let later = s.arrival().unwrap();
    assert_ne!(s.change_stamp_since(later).await, Some(first), "a request arriving after the commit sees it");
    db.finish().await;
}
