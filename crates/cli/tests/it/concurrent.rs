//! Regression (issue #11, defect 1): a CLI command on the database of a
//! running server killed the server with SIGBUS. The server read SQLite's
//! `-shm` file itself on every signed-in request, and closing that
//! descriptor dropped the process's POSIX locks. Here the server answers
//! signed-in pages while CLI commands read and write the same file, for a
//! bounded time; both must stay up and the database must pass SQLite's
//! integrity check.

use crate::servers::*;
use crate::support::*;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn cli_commands_beside_a_running_server_leave_both_up_and_the_database_whole() {
    let w = Walker::new();
    let (mut server, addr) = serve(&w.db_url(), &[]);
    // Sign in as the demo walker, as a phone would.
    let session = sign_in(&addr, web::demo::DEMO_EMAIL);
    // The server runs with a fixed allocation threshold (see `fixed_mmap_threshold`
    // in main.rs), so memory freed after an upload goes back to the system.
    if cfg!(all(target_os = "linux", target_env = "gnu")) {
        let environ = std::fs::read(format!("/proc/{}/environ", server.1)).unwrap();
        let vars: Vec<&[u8]> = environ.split(|b| *b == 0).collect();
        assert!(vars.contains(&&b"MALLOC_MMAP_THRESHOLD_=131072"[..]), "the server restarted itself with the setting");
    }

    // The phone reads pages and logs check-ins while the CLI reads and writes.
    let deadline = Instant::now() + Duration::from_secs(4);
    let phone = {
        let (addr, session) = (addr.clone(), session.clone());
        std::thread::spawn(move || {
            let mut views = 0;
            while Instant::now() < deadline {
                for path in ["/today", "/plan", "/progress"] {
                    assert_eq!(http(&addr, "GET", path, &session, "").status, 200, "{path}");
                    views += 1;
                }
                // And writes: a measure recorded through the form.
                let page = http(&addr, "GET", "/outcomes", &session, "");
                let form = format!("csrf={}&measure=pain_now&value=2", csrf_in(&page.body));
                assert_eq!(http(&addr, "POST", "/outcomes", &session, &form).status, 200);
            }
            views
        })
    };
    let mut commands = 0;
    // Backups taken while both write: each must restore whole.
    let backup = w.dir.path().join("live-backup.db");
    let mut restored = 0;
    while Instant::now() < deadline {
        let backup_args = ["backup", "--out", backup.to_str().unwrap()];
        for args in [&["today"][..], &["history"], &["export"], &["outcome", "record", "pain_now", "3"], &backup_args] {
            // The demo holds a clinic's walkers too: the demo walker is the first.
            let out = w.on("2026-12-01", &[&["--walker", "1"][..], args].concat()).output().unwrap();
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            commands += 1;
        }
        let copy = Walker::new();
        let said = copy.ok("2026-12-01", &["restore", backup.to_str().unwrap()]);
        assert!(said.contains("3 walkers, 3 accounts"), "the demo walker and the demo clinic's two: {said}");
        restored += 1;
    }
    assert!(restored > 0);
    let views = phone.join().expect("the phone's requests kept being answered");
    assert!(views > 10 && commands > 4, "views {views}, commands {commands}");
    assert!(server.0.as_mut().unwrap().try_wait().unwrap().is_none(), "the server died");
    assert_eq!(http(&addr, "GET", "/today", &session, "").status, 200);
    // SIGTERM, as a service manager sends it: the server finishes and exits cleanly.
    let mut child = server.0.take().unwrap();
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let status = child.wait();
        let _ = tx.send(());
        (child, status)
    });
    // Bounded: a server that ignores SIGTERM fails the test instead of hanging it.
    if rx.recv_timeout(Duration::from_secs(10)).is_err() {
        let _ = Command::new("kill").args(["-KILL", &server.1.to_string()]).status();
        panic!("the server did not stop on SIGTERM");
    }
    let (_, status) = waiter.join().unwrap();
    assert!(status.unwrap().success());

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let check = rt.block_on(async {
        let store = store::backend::connect(&w.db_url()).await.unwrap();
        store.scalar_text("PRAGMA integrity_check").await.unwrap()
    });
    assert_eq!(check, "ok");
}

/// `--today` reaches the server: the walker's Today page is for that day,
/// three weeks on, as it is for every other command.
#[test]
fn serve_acts_as_if_today_were_the_date_given() {
    let w = Walker::new();
    let real = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let ahead = coach::dates::add_days(real, 21);
    let (_server, addr) = serve(&w.db_url(), &["--today", &ahead.to_string()]);
    let cookie = sign_in(&addr, web::demo::DEMO_EMAIL);
    let today = http(&addr, "GET", "/today", &cookie, "");
    assert_eq!(today.status, 200);
    let said = words::I18n::english().date(&ahead);
    assert!(today.body.contains(&said), "Today should be {said}: {}", today.body);
}
