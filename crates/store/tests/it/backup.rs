//! Whole-database backup and restore: every table's rows survive SQLite →
//! PostgreSQL → SQLite unchanged, a restore is all or nothing, and files that
//! are not backups are refused with a reason.

use crate::backends::{self, TestDb};
use store::backend::{connect, sqlite_url};
use store::backup::{self, Contents};
use store::prelude::*;
use store::{NewAccount, StoreError};

/// Fills every table the app writes: the conformance suite's own scenarios,
/// run one after another on one database, plus what they leave empty.
pub async fn populate(db: &TestDb) {
    let s = &db.store;
    crate::suite::a_log_and_its_decision_are_written_together(s).await;
    crate::suite::check_ins_and_overrides_round_trip(s).await;
    crate::suite::a_clearance_is_recorded_with_the_new_outcome(s).await;
    crate::suite::api_tokens_find_their_account(s).await;
    crate::suite::outcomes_round_trip_and_can_change_the_screen(s).await;
    crate::suite::questionnaires_load_once_and_results_travel_in_the_archive(s).await;
    crate::suite::an_import_is_kept_once_and_a_confirmed_walk_becomes_a_session(s).await;
    crate::suite::a_fall_rescreens_in_the_same_transaction_as_its_log(s).await;
    // The suite's own recording leaves with its walker: keep one.
    let (w, _) = crate::suite::a_walker_for_the_backup(s).await;
    let motion = coach::motion::Motion {
        session: jiff::civil::date(2026, 11, 23),
        source: "phone".into(),
        duration_s: 60.0,
        bouts: Vec::new(),
        own_direction: true,
    };
    s.save_motion(w, &motion, "ba c0", jiff::Timestamp::from_second(1_795_000_000).unwrap()).await.unwrap();
    let now = jiff::Timestamp::from_second(1_795_000_000).unwrap();
    let later = jiff::Timestamp::from_second(1_795_003_600).unwrap();
    let new = NewAccount {
        email: "backup@example.org".into(),
        password_hash: "$argon2id$v=19$fake".into(),
        name: "Bea «ü»".into(),
        time_zone: "Europe/Berlin".into(),
    };
    let a = s.create_account(&new, now).await.unwrap();
    s.create_session(a.id, "session-hash", "csrf", now, later).await.unwrap();
    s.create_api_token(a.id, "ffffffffffff-backup", "backup", now, Some(later)).await.unwrap();
    s.create_reset_code(a.id, "reset-hash", later).await.unwrap();
    s.set_calendar_token(a.walker, "calendar-hash", now).await.unwrap();
    s.record_auth_failure("address", "key-hash", now).await.unwrap();
    let event = store::SecurityEvent::new(store::SecurityKind::SignIn, Some(a.id), "192.0.2.1", "", now);
    s.record_security_event(&event).await.unwrap();
    let gone = s.create_account(&NewAccount { email: "off@example.org".into(), ..new }, now).await.unwrap();
    let off = store::SecurityEvent::new(store::SecurityKind::AccountDisabled, Some(gone.id), "cli", "", later);
    s.set_account_disabled(gone.id, true, &off).await.unwrap();
    // Clinic mode: a clinic, its clinician on a walker's care team, and a
    // membership that ended (history travels too).
    let clinic = s.create_clinic("Knee Clinic", now).await.unwrap();
    s.add_member(a.id, clinic, store::MemberRole::Clinician, now).await.unwrap();
    s.add_member(gone.id, clinic, store::MemberRole::Admin, now).await.unwrap();
    s.end_membership(gone.id, clinic, later).await.unwrap();
    s.connect(gone.walker, clinic, now).await.unwrap();
    s.add_to_care_team(gone.walker, clinic, a.id, now).await.unwrap();
    // The care team's work: reviews, messages, invitations.
    crate::suite::care_keeps_reviews_messages_and_invitations(s).await;
    crate::suite::a_second_factor_is_kept_and_each_code_works_once(s).await;
    crate::suite::a_break_glass_is_open_for_its_time_only(s).await;
    crate::suite::a_care_team_assigns_measures_and_its_clinics_questionnaires(s).await;
}

fn count(c: &Contents, table: &str) -> usize {
    c.iter().find(|(t, _)| t == table).map_or(0, |(_, rows)| rows.len())
}

async fn sqlite_at(dir: &std::path::Path, name: &str) -> String {
    sqlite_url(&dir.join(name))
}

/// The round trip on SQLite alone; PostgreSQL's is in `postgres_round_trip`.
#[tokio::test]
async fn a_backup_restores_into_a_new_sqlite_file_unchanged() {
    let db = backends::sqlite().await;
    populate(&db).await;
    let original = backup::contents(&db.store).await.unwrap();
    // Every table holds rows, so the comparison below covers them all.
    for (table, rows) in &original {
        assert!(!rows.is_empty(), "{table} is empty in the fixture");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    let summary = backup::backup(&db.store, &file).await.unwrap();
    assert_eq!(summary.rows("walkers") as usize, count(&original, "walkers"));
    let target = sqlite_at(dir.path(), "restored.db").await;
    let restored = backup::restore(&file, &target).await.unwrap();
    assert_eq!(restored, summary);
    let copy = connect(&target).await.unwrap();
    assert_eq!(backup::contents(&copy).await.unwrap(), original);
    // The restored database goes on working: new rows take new ids.
    let walkers = copy.walkers().await.unwrap().len();
    crate::suite::a_new_walker_comes_with_screen_and_programme(&copy).await;
    assert_eq!(copy.walkers().await.unwrap().len(), walkers + 1);
    copy.close().await;
    db.finish().await;
}

#[tokio::test]
async fn a_restore_into_a_database_with_data_changes_nothing() {
    let db = backends::sqlite().await;
    populate(&db).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    backup::backup(&db.store, &file).await.unwrap();
    let before = backup::contents(&db.store).await.unwrap();
    let target = sqlite_url(&db.path().unwrap());
    let err = backup::restore(&file, &target).await.unwrap_err();
    assert!(matches!(err, StoreError::Backup(_)), "{err:?}");
    assert!(err.to_string().contains("already holds data"), "{err}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert_eq!(backup::contents(&db.store).await.unwrap(), before);
    db.finish().await;
}

#[tokio::test]
async fn files_that_are_not_backups_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let target = sqlite_at(dir.path(), "target.db").await;
    let cases: [(&str, &[u8], &str); 3] = [
        ("notes.txt", b"these are my notes, not a database at all", "not an SQLite database file"),
        ("short.db", b"SQLite", "too short"),
        ("empty.db", b"", "too short"),
    ];
    for (name, bytes, says) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let err = backup::restore(&file, &target).await.unwrap_err();
        assert!(err.to_string().contains(says), "{name}: {err}");
        assert!(err.to_string().contains(name), "{name}: the message names the file: {err}");
    }
    // An SQLite file of something else.
    let other = dir.path().join("other.db");
    let pool = connect(&sqlite_url(&dir.path().join("ours.db"))).await.unwrap();
    pool.close().await;
    {
        sqlx::any::install_default_drivers();
        let url = format!("sqlite://{}?mode=rwc", other.display());
        let p = sqlx::AnyPool::connect(&url).await.unwrap();
        sqlx::query("CREATE TABLE songs (title TEXT)").execute(&p).await.unwrap();
        p.close().await;
    }
    let err = backup::restore(&other, &target).await.unwrap_err();
    assert!(err.to_string().contains("not a retrowalk backup"), "{err}");
    let missing = backup::restore(&dir.path().join("missing.db"), &target).await.unwrap_err();
    assert!(missing.to_string().contains("missing.db"), "{missing}");
}

#[tokio::test]
async fn a_damaged_backup_is_refused() {
    let db = backends::sqlite().await;
    populate(&db).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    backup::backup(&db.store, &file).await.unwrap();
    // Cut the file short: the header is intact, the pages are not.
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let target = sqlite_at(dir.path(), "restored.db").await;
    let err = backup::restore(&file, &target).await.unwrap_err();
    assert!(err.to_string().contains("backup.db"), "{err}");
    db.finish().await;
}

/// Run by `.ci/run` with `-- postgres::` beside the store's other PostgreSQL checks.
mod postgres {
    /// SQLite → PostgreSQL → SQLite: a single walker's install moves to a
    /// clinic's server and back, and every row of every table is the same.
    #[tokio::test]
    async fn sqlite_to_postgres_to_sqlite_keeps_every_row() {
        let Some(pg) = super::backends::postgres().await else { return };
        let db = super::backends::sqlite().await;
        super::populate(&db).await;
        let original = super::backup::contents(&db.store).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("from-sqlite.db");
        super::backup::backup(&db.store, &first).await.unwrap();
        pg.store.close().await;
        let url = pg.url().unwrap();
        super::backup::restore(&first, &url).await.unwrap();
        let on_pg = super::connect(&url).await.unwrap();
        assert_eq!(super::backup::contents(&on_pg).await.unwrap(), original, "SQLite → PostgreSQL");
        let second = dir.path().join("from-postgres.db");
        super::backup::backup(&on_pg, &second).await.unwrap();
        // PostgreSQL's identity sequences moved past the copied ids.
        crate::suite::a_new_walker_comes_with_screen_and_programme(&on_pg).await;
        on_pg.close().await;
        let back = super::sqlite_at(dir.path(), "back.db").await;
        super::backup::restore(&second, &back).await.unwrap();
        let last = super::connect(&back).await.unwrap();
        assert_eq!(super::backup::contents(&last).await.unwrap(), original, "PostgreSQL → SQLite");
        last.close().await;
        db.finish().await;
        pg.finish().await;
    }
}
