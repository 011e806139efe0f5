//! `retrowalk import` over a folder of mixed files, as a walker would run it.

use crate::support::*;

/// A GPX walk of `minutes` starting at 08:00 UTC on `date`, 1 point a minute.
fn gpx_walk(date: &str, minutes: u32) -> String {
    let mut pts = String::new();
    for i in 0..=minutes {
        pts.push_str(&format!(
            "<trkpt lat=\"51.5{:03}\" lon=\"-0.12\"><time>{date}T08:{:02}:00Z</time></trkpt>",
            i * 2,
            i
        ));
    }
    format!(
        "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"TestWatch\" xmlns=\"http://www.topografix.com/GPX/1/1\">\
         <trk><type>walking</type><trkseg>{pts}</trkseg></trk></gpx>"
    )
}

fn tcx_ride(date: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\
         <Activities><Activity Sport=\"Biking\"><Id>{date}T17:00:00Z</Id><Lap StartTime=\"{date}T17:00:00Z\">\
         <TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>9000</DistanceMeters><Calories>210</Calories><Track>\
         <Trackpoint><Time>{date}T17:00:00Z</Time></Trackpoint><Trackpoint><Time>{date}T17:30:00Z</Time></Trackpoint>\
         </Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    )
}

fn folder(w: &Walker) -> std::path::PathBuf {
    let dir = w.dir.path().join("watch");
    std::fs::create_dir_all(dir.join("older")).unwrap();
    std::fs::write(dir.join("walk.gpx"), gpx_walk("2026-11-23", 10)).unwrap();
    std::fs::write(dir.join("older/ride.TCX"), tcx_ride("2026-11-24")).unwrap();
    std::fs::write(dir.join("broken.fit"), b"\x0e\x10\x08\x08\x40\x00\x00\x00.FIT\x00\x00\x40\x00").unwrap();
    std::fs::write(dir.join("notes.txt"), "not read: not an activity file type").unwrap();
    dir
}

#[test]
fn a_folder_is_imported_once_and_a_matched_walk_becomes_a_session() {
    let w = Walker::new();
    w.init("cleared.toml");
    let dir = folder(&w);
    let d = dir.to_str().unwrap();

    // A dry run reads everything and writes nothing.
    let dry = w.on("2026-11-24", &["import", "--dry-run", d]).output().unwrap();
    assert_eq!(dry.status.code(), Some(2), "a broken file makes the run fail");
    assert!(String::from_utf8_lossy(&dry.stdout).contains("Dry run, nothing written. Files: 3."));
    assert!(w.json("2026-11-24", &["activity", "list"]).as_array().unwrap().is_empty());

    let out = w.on("2026-11-24", &["import", d]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text.contains("walk.gpx: imported (gpx), 1 activity"), "{text}");
    assert!(
        text.contains(
            "Walking 10 min on Monday 23 November at 08:00: matches your backward-walking session on Monday 23 November"
        ),
        "{text}"
    );
    assert!(text.contains("ride.TCX: imported (tcx), 1 activity") && text.contains("Cycling 30 min"), "{text}");
    assert!(text.contains("broken.fit: not imported: ") && text.contains("(at byte "), "{text}");
    assert!(text.contains(
        "Files: 3. Imported: 2 (activities: 2). Already imported: 0. With no activity: 0. Could not be read: 1."
    ));
    assert!(err.contains("1 of 3 files could not be imported"), "{err}");

    // Again: nothing is duplicated.
    let again = w.on("2026-11-24", &["--json", "import", d]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(report["summary"]["already_imported"], 2);
    assert_eq!(report["files"][0]["result"], "failed");
    let list = w.json("2026-11-24", &["activity", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let walk = list.as_array().unwrap().iter().find(|a| a["activity"]["sport"] == "walking").unwrap();
    assert_eq!(walk["activity"]["fit"], "planned_session");

    // The walker says it was backward: it becomes the day's session with the pains.
    let id = walk["id"].as_i64().unwrap().to_string();
    let done = w.ok(
        "2026-11-24",
        &[
            "activity",
            "confirm",
            &id,
            "--backward",
            "--pain-before",
            "2",
            "--pain-peak",
            "3",
            "--pain-after",
            "2",
            "--no-symptoms",
        ],
    );
    assert!(done.contains("Logged 10 min of backward walking on 2026-11-23"), "{done}");
    let history = w.json("2026-11-24", &["history"]);
    assert_eq!(history[0]["session"]["minutes"], 10);
    assert_eq!(history[0]["session"]["notes"], "Imported from walk.gpx");
    let err = w.bad("2026-11-24", &["activity", "confirm", &id, "--forward"]);
    assert!(err.contains("already confirmed"), "{err}");

    // The plan shows the ride toward the aerobic goal.
    let plan = w.ok("2026-11-24", &["plan"]);
    assert!(plan.contains("30 min aerobic done (imported)") && plan.contains("imported Cycling 30 min"), "{plan}");
}

#[test]
fn a_missing_path_stops_before_anything_is_imported() {
    let w = Walker::new();
    w.init("cleared.toml");
    let dir = folder(&w);
    let err = w.bad("2026-11-24", &["import", dir.join("walk.gpx").to_str().unwrap(), "/no/such/folder"]);
    assert!(err.contains("/no/such/folder: there is no such file or folder"), "{err}");
    assert!(w.json("2026-11-24", &["activity", "list"]).as_array().unwrap().is_empty());
}

#[test]
fn empty_files_and_points_without_a_position_are_explained() {
    let w = Walker::new();
    w.init("cleared.toml");
    let empty = w.dir.path().join("empty.fit");
    std::fs::write(&empty, b"").unwrap();
    let bad = w.dir.path().join("bad.gpx");
    std::fs::write(&bad, r#"<gpx><trk><trkseg><trkpt lat="999" lon="1"/></trkseg></trk></gpx>"#).unwrap();
    let out = w.on("2026-11-24", &["import", empty.to_str().unwrap(), bad.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("empty.fit: not imported: the file is empty"), "{text}");
    assert!(
        text.contains("bad.gpx: not an activity") && text.contains("warning: a track point without a valid lat/lon"),
        "{text}"
    );
}

/// A phone that dies while it writes leaves a GPX file that stops mid-track:
/// the points before the cut are imported, and the result line says so.
#[test]
fn a_cut_off_gpx_keeps_its_points_and_says_where_it_stops() {
    let w = Walker::new();
    w.init("cleared.toml");
    let full = gpx_walk("2026-11-22", 30);
    let cut = full.find("08:21:00Z").unwrap();
    let path = w.dir.path().join("dead-phone.gpx");
    std::fs::write(&path, &full[..cut]).unwrap();
    let out = w.ok("2026-11-24", &["import", path.to_str().unwrap()]);
    assert!(out.contains("dead-phone.gpx: imported (gpx), 1 activity") && out.contains("20 min"), "{out}");
    assert!(
        out.contains("warning: the file stops inside <time>, as if cut off while it was written; kept 21 track points from before the cut (at byte "),
        "{out}"
    );
}

/// Regression (#11): a TCX whose activity has neither an Id, a lap start nor a
/// timed trackpoint was reported "imported" with nothing in it; and two walks
/// a day apart in one GPX were one 22-hour walk. A dry run places later files
/// against earlier ones, as the real import does.
#[test]
fn files_with_nothing_timed_are_not_activities_and_far_apart_tracks_are_two() {
    let w = Walker::new();
    w.init("cleared.toml");
    let dir = w.dir.path().join("odd");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a-untimed.tcx"),
        "<?xml version=\"1.0\"?><TrainingCenterDatabase><Activities><Activity Sport=\"Running\">\
         <Lap><TotalTimeSeconds>60</TotalTimeSeconds><Track><Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>\
         </Track></Lap></Activity></Activities></TrainingCenterDatabase>",
    )
    .unwrap();
    let monday = gpx_walk("2026-11-23", 10);
    let tuesday = gpx_walk("2026-11-24", 12);
    let both = monday.replace("</gpx>", &tuesday[tuesday.find("<trk>").unwrap()..]);
    std::fs::write(dir.join("b-two-days.gpx"), &both).unwrap();
    std::fs::write(dir.join("c-monday-again.gpx"), gpx_walk("2026-11-23", 20).replace("TestWatch", "Other")).unwrap();
    let dry = w.json("2026-11-25", &["import", "--dry-run", dir.to_str().unwrap()]);
    let files = dry["files"].as_array().unwrap();
    assert_eq!(files[0]["result"], "not_an_activity", "{:#}", files[0]);
    assert_eq!(files[0]["what"], "no activity in it has a start time");
    let two = files[1]["activities"].as_array().unwrap();
    assert_eq!(two.len(), 2, "{:#}", files[1]);
    assert_eq!(
        (two[0]["local_date"].as_str(), two[1]["local_date"].as_str()),
        (Some("2026-11-23"), Some("2026-11-24"))
    );
    assert_eq!(two[0]["fit"], "planned_session");
    // Monday's session is already claimed by the file before, even in a dry run.
    assert_eq!(files[2]["activities"][0]["fit"], "aerobic", "{:#}", files[2]);
    assert_eq!(w.json("2026-11-25", &["activity", "list"]).as_array().unwrap().len(), 0, "a dry run writes nothing");
    let text = w.ok("2026-11-25", &["import", dir.to_str().unwrap()]);
    assert!(text.contains("a-untimed.tcx: not an activity (no activity in it has a start time"), "{text}");
    assert!(text.contains("With no activity: 1."), "{text}");
}

/// The import's lines, its summary, the activity list and the history in
/// the terminal's language.
#[test]
fn imports_and_history_speak_the_terminals_language() {
    let w = Walker::new();
    w.init("cleared.toml");
    let file = w.dir.path().join("walk.gpx");
    std::fs::write(&file, gpx_walk("2026-11-23", 10)).unwrap();
    let es = |args: &[&str]| {
        let out = w.on("2026-11-24", args).env("LANG", "es_ES.UTF-8").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let text = es(&["import", file.to_str().unwrap()]);
    assert!(text.contains("walk.gpx: importado (gpx), 1 actividad"), "{text}");
    assert!(text.contains("Caminata, 10 min, el lunes 23 de noviembre a las 08:00"), "{text}");
    assert!(text.contains("Archivos: 1. Importados: 1") && text.contains("¿Fue hacia atrás?"), "{text}");
    let list = es(&["activity", "list"]);
    assert!(list.contains("deporte") && list.contains("¿hacia atrás? confírmelo"), "{list}");
    let history = es(&["history"]);
    assert!(
        history.contains("Aún no hay sesiones anotadas.") && history.contains("actividades importadas"),
        "{history}"
    );
    // A file that cannot be read: why, in the reader's words and what to do,
    // then the file reader's own technical account, marked as such.
    let (empty, notes, cut) =
        (w.dir.path().join("empty.gpx"), w.dir.path().join("notes.fit"), w.dir.path().join("cut.gpx"));
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&notes, "shopping list: milk, bread").unwrap();
    std::fs::write(&cut, "<?xml version=\"1.0\"?><gpx><trk><trkseg><trkpt><time>2026</trkpt></trkseg></trk></gpx>")
        .unwrap();
    let out = w
        .on("2026-11-24", &["import", empty.to_str().unwrap(), notes.to_str().unwrap(), cut.to_str().unwrap()])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("empty.gpx: no importado: el archivo está vacío"), "{text}");
    assert!(text.contains("notes.fit: no importado: no es un archivo de un reloj, un teléfono"), "{text}");
    assert!(text.contains("cut.gpx: no importado: el archivo está dañado o incompleto; expórtelo de nuevo"), "{text}");
    assert!(text.contains("detalle técnico, del lector de archivos (en inglés): not well-formed XML"), "{text}");
    assert!(!text.contains("importado (gpx)"), "{text}");
    // Activities with no start time: the app's own notes, in Spanish too.
    let untimed = w.dir.path().join("untimed.tcx");
    std::fs::write(
        &untimed,
        "<?xml version=\"1.0\"?><TrainingCenterDatabase><Activities><Activity Sport=\"Running\">\
         <Lap><TotalTimeSeconds>60</TotalTimeSeconds><Track><Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>\
         </Track></Lap></Activity></Activities></TrainingCenterDatabase>",
    )
    .unwrap();
    let text = es(&["import", untimed.to_str().unwrap()]);
    assert!(text.contains("untimed.tcx: no es una actividad (ninguna actividad tiene hora de inicio"), "{text}");
    assert!(text.contains("se dejó fuera una actividad: no tiene hora de inicio (Carrera)"), "{text}");
}
