//! `retrowalk report`: the clinician's PDF, read back as a PDF reader would.

use crate::support::*;
use std::path::Path;

/// The PDF's text as `pdftotext` extracts it: proof the text is real, selectable text.
/// CI installs poppler-utils; elsewhere the check says it was skipped.
pub fn pdf_text(path: &Path) -> Option<String> {
    match std::process::Command::new("pdftotext").args(["-layout", path.to_str().unwrap(), "-"]).output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(_) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("pdftotext is not installed; the PDF's text was not read back (apt-get install poppler-utils)");
            None
        }
        Err(e) => panic!("CI needs pdftotext (poppler-utils): {e}"),
    }
}

fn six_weeks() -> Walker {
    let w = Walker::new();
    w.init("cleared.toml");
    w.ok("2026-11-23", &["outcome", "record", "timed_up_and_go", "11.5"]);
    let days = [
        "2026-11-23",
        "2026-11-25",
        "2026-11-27",
        "2026-11-30",
        "2026-12-02",
        "2026-12-04",
        "2026-12-07",
        "2026-12-09",
        "2026-12-11",
        "2026-12-14",
        "2026-12-16",
        "2026-12-18",
        "2026-12-21",
        "2026-12-23",
        "2026-12-28",
        "2026-12-30",
    ];
    for (i, day) in days.iter().enumerate() {
        let peak = if i == 4 { "6" } else { "2" };
        let mut args = vec!["log", "--pain-before", "2", "--pain-peak", peak, "--pain-after", "2", "--no-symptoms"];
        if i == 2 {
            args.extend(["--notes", "Knee felt warm on the stairs"]);
        }
        w.ok(day, &args);
        let next = jiff::civil::Date::strptime("%Y-%m-%d", day).unwrap().tomorrow().unwrap().to_string();
        w.ok(&next, &["checkin", "--pain", "2", "--no-symptoms"]);
    }
    w.ok("2026-12-31", &["outcome", "record", "timed_up_and_go", "9.9"]);
    w
}

#[test]
fn the_report_pdf_holds_every_section_as_selectable_text() {
    let w = six_weeks();
    let file = w.dir.path().join("report.pdf");
    let said = w.ok("2026-12-31", &["report", "--out", file.to_str().unwrap()]);
    assert!(said.contains("Report written to"), "{said}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    // The chart is drawn into the page: dashed strokes for the morning series.
    assert!(bytes.windows(8).any(|x| x == b"[4 3] 0 "), "the chart's dashed series is missing");
    assert!(!w.dir.path().join("report.partial").exists());

    let Some(text) = pdf_text(&file) else { return };
    for expected in [
        "retrowalk report: Maria",
        "Screening and clearance",
        "Outcome: Cleared to train",
        "Every screening question was answered no.",
        "Peak pain",
        "Done of due",
        "Programme and adherence",
        "Pain trend",
        "After the session",
        "Dose progression and adaptation decisions",
        "[A-PAIN-HIGH]",
        "Outcome measures",
        "Timed Up and Go",
        "a real improvement",
        "Flags",
        "Notes",
        "Knee felt warm on the stairs",
        "not medical advice",
        "page 1 of",
    ] {
        assert!(text.contains(expected), "the PDF lacks {expected:?}:\n{text}");
    }
}

/// With a Spanish terminal the PDF is in Spanish, headings, table, chart
/// legend, decisions, results and footer alike.
#[test]
fn the_report_pdf_speaks_the_terminals_language() {
    let w = six_weeks();
    let file = w.dir.path().join("informe.pdf");
    let args = ["report", "--out", file.to_str().unwrap()];
    let out = w.on("2026-12-31", &args).env("LANG", "es_ES.UTF-8").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let Some(text) = pdf_text(&file) else { return };
    for expected in [
        "Informe de retrowalk: Maria",
        "Preguntas de seguridad y autorización",
        "Resultado: Puede entrenar",
        "Respondió no a todas las preguntas de seguridad.",
        "Dolor máx.",
        "Evolución del dolor",
        "Después de la sesión",
        "Progresión de la dosis y decisiones de adaptación",
        "min hacia atrás",
        "Levantarse y caminar, cronometrado (TUG): de 11,5 s",
        "mejora real: -1,6 s",
        "Knee felt warm on the stairs",
        "no es consejo médico",
        "página 1 de",
    ] {
        assert!(text.contains(expected), "the Spanish PDF lacks {expected:?}:\n{text}");
    }
    for english in ["Pain trend", "Outcome measures", "Cleared to train", "page 1 of", "min backward", "Your pain"] {
        assert!(!text.contains(english), "the Spanish PDF says {english:?}:\n{text}");
    }
}

#[test]
fn a_report_for_a_missing_folder_is_refused_and_writes_nothing() {
    let w = Walker::new();
    w.init("cleared.toml");
    let out = w.on("2026-11-23", &["report", "--out", "/nonexistent-dir/r.pdf"]).output().unwrap();
    // Bad input: the folder is the person's to fix, and the message names
    // the file they asked for, not the temporary one beside it.
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent-dir/r.pdf: the folder to write it in does not exist"), "{err}");
}

#[test]
fn a_folder_given_as_the_output_is_refused_and_nothing_is_left_beside_it() {
    let w = Walker::new();
    w.init("cleared.toml");
    let folder = w.dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let err = w.bad("2026-11-23", &["report", "--out", folder.to_str().unwrap()]);
    assert!(err.contains("is a folder; give the name of a file inside it"), "{err}");
    assert!(!w.dir.path().join("out.partial").exists());
}
