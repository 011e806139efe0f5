//! Every page in the walker's language: the browser's first language we
//! speak, unless a language was chosen in Settings on this device.

use crate::support::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

async fn get_in(app: &App, path: &str, cookie: &str, accept: &str) -> Resp {
    let req = Request::get(path)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, accept)
        .body(Body::empty())
        .unwrap();
    app.send(req).await
}

/// A form posted from a page in the language `accept` asks for.
async fn post_in(app: &App, path: &str, cookie: &str, accept: &str, form: String) -> Resp {
    let req = Request::post(path)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, accept)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    app.send(req).await
}

#[tokio::test]
async fn pages_speak_the_browsers_language_or_the_one_chosen() {
    let app = App::new().await;
    let w = app.ready_walker("es@example.org", "nota").await;

    let signin = get_in(&app, "/signin", "", "es-ES,es;q=0.9,en;q=0.5").await;
    assert!(signin.body.contains("<html lang=\"es\">"), "{}", signin.body);
    assert!(signin.body.contains("Iniciar sesión") && signin.body.contains("no es consejo médico"));
    let english = get_in(&app, "/signin", "", "fr-FR,en;q=0.8").await;
    assert!(english.body.contains("<html lang=\"en\">") && english.body.contains("Sign in"));

    // Today read in English first (its content is kept per walker), then in
    // Spanish: the kept English is not served to the Spanish page.
    let first = get_in(&app, "/today", &w.cookie, "en").await;
    assert!(first.body.contains("Step by step") || first.body.contains("Also today"), "{}", first.body);
    let today = get_in(&app, "/today", &w.cookie, "es").await;
    assert_eq!(today.status, StatusCode::OK);
    assert!(!today.body.contains("Step by step") && !today.body.contains("Also today"), "{}", today.body);
    let log = get_in(&app, "/log", &w.cookie, "es").await;
    assert!(log.body.contains("La rodilla falló") && log.body.contains("sin dolor"), "warning signs and pain words");
    assert!(today.body.contains("<h1>Hoy") && today.body.contains("Ajustes"), "{}", today.body);
    let session = get_in(&app, "/session", &w.cookie, "es").await;
    // A session day counts its bouts in Spanish; a rest day says when the next is.
    assert!(
        session.body.contains("Caminar hacia atrás, tanda 1 de") || session.body.contains("Próxima sesión:"),
        "{}",
        session.body
    );

    // Chosen in Settings: the cookie wins over the browser, on every page.
    let form = format!("csrf={}&lang=es", w.csrf);
    let chose = app.post("/settings/language", &w.cookie, &form).await;
    assert_eq!(chose.status, StatusCode::SEE_OTHER);
    let lang = chose.cookies.iter().find(|c| c.starts_with("lang=es")).expect("the choice is kept").clone();
    let both = format!("{}; {}", w.cookie, lang.split(';').next().unwrap());
    let settings = get_in(&app, "/settings", &both, "en-GB").await;
    assert!(settings.body.contains("<html lang=\"es\">") && settings.body.contains("Ajustes"), "{}", settings.body);
    assert!(settings.body.contains("<option value=\"es\" lang=\"es\" selected>"), "the choice shows");
    let plan = get_in(&app, "/plan", &both, "en-GB").await;
    assert!(plan.body.contains("Su plan"), "{}", plan.body);

    // Back to the browser's language; a language we do not speak is refused.
    let auto = app.post("/settings/language", &both, &format!("csrf={}&lang=", w.csrf)).await;
    assert!(auto.cookies.iter().any(|c| c.starts_with("lang=;") && c.contains("Max-Age=0")), "{:?}", auto.cookies);
    let odd = app.post("/settings/language", &w.cookie, &format!("csrf={}&lang=klingon", w.csrf)).await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(odd.cookies.iter().all(|c| !c.starts_with("lang=")), "nothing kept");
}

/// Progress, Measures, Learn and the error page: every word a walker reads
/// there is Spanish, numbers and dates included.
#[tokio::test]
async fn charts_measures_learn_and_errors_speak_spanish() {
    let app = App::new().await;
    let w = app.ready_walker("charts-es@example.org", "nota").await;
    let form = format!("csrf={}&pain_before=2&pain_peak=3&pain_after=2", w.csrf);
    assert_eq!(app.post("/log", &w.cookie, &form).await.status, StatusCode::SEE_OTHER);
    let measure = format!("csrf={}&measure=timed_up_and_go&value=12,5", w.csrf);
    let saved = app.post("/outcomes", &w.cookie, &measure).await;
    assert!(saved.status.is_success() || saved.status == StatusCode::SEE_OTHER, "{}", saved.body);

    let progress = get_in(&app, "/progress", &w.cookie, "es").await.body;
    for spanish in ["Minutos caminando hacia atrás por semana", "Dolor de rodilla antes y después de cada sesión", "S1"]
    {
        assert!(progress.contains(spanish), "{spanish}: {progress}");
    }
    for english in ["Backward-walking minutes", "Knee pain before and after each session", "one result so far"] {
        assert!(!progress.contains(english), "{english}: {progress}");
    }
    assert!(progress.contains("Levantarse y caminar, cronometrado (TUG): 12,5 s"), "{progress}");

    let outcomes = get_in(&app, "/outcomes", &w.cookie, "es").await.body;
    assert!(outcomes.contains("Levantarse de la silla durante 30 segundos") && outcomes.contains("Cronometre"));
    assert!(!outcomes.contains("Timed Up and Go") && !outcomes.contains("Mark a line"), "{outcomes}");

    let learn = get_in(&app, "/learn", "", "es").await.body;
    assert!(!learn.contains("Wear supportive, closed shoes") && !learn.contains("Lie on your back"), "{learn}");
    // The evidence in Spanish; its sources stay as cited.
    assert!(learn.contains("En el ensayo principal, se añadieron 10 minutos") && !learn.contains("In the key trial"));
    assert!(learn.contains("Alghadir AH et al. BMC Musculoskelet Disord 2019"), "{learn}");
    let rule = get_in(&app, "/learn/A-MORNING-RISE", "", "es").await.body;
    assert!(rule.contains("El dolor que provoca la actividad debe calmarse a la mañana siguiente"), "{rule}");
    assert!(!rule.contains("Pain provoked by activity"), "{rule}");

    // A choice the form never offered (a tampered field) is named, in Spanish, and nothing is kept.
    let tampered = format!("csrf={}&pain_before=2&pain_peak=3&pain_after=2&support=jetpack", w.csrf);
    let refused = post_in(&app, "/log", &w.cookie, "es", tampered).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("«jetpack» no es una de las opciones de aquí"), "{}", refused.body);

    let missing = get_in(&app, "/no-such-page", &w.cookie, "es").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Esa página no existe"), "{}", missing.body);
}

/// A walker who must stop reads why, what to do and when to get help now in
/// their language, and sees no dose.
#[tokio::test]
async fn a_stop_is_said_in_spanish_with_no_dose() {
    let app = App::new().await;
    let w = app.ready_walker("stop-es@example.org", "nota").await;
    let form = format!("csrf={}&pain_before=1&pain_peak=2&pain_after=1&symptom=knee_gave_way", w.csrf);
    assert_eq!(app.post("/log", &w.cookie, &form).await.status, StatusCode::SEE_OTHER);
    let today = get_in(&app, "/today", &w.cookie, "es").await.body;
    assert!(today.contains("Pare: caminar hacia atrás está en pausa"), "{today}");
    assert!(
        today.contains("Busque atención médica hoy") && today.contains("dolor, hinchazón o calor en la pantorrilla")
    );
    assert!(today.contains("Un síntoma de alarma detiene el programa"), "the stop's rule, in Spanish");
    assert!(!today.contains("Empezar la sesión guiada") && !today.contains("href=\"/session\""), "no dose, no Start");
    let plan = get_in(&app, "/plan", &w.cookie, "es").await.body;
    assert!(plan.contains("Pare: caminar hacia atrás está en pausa"), "{plan}");
    let report = get_in(&app, "/report", &w.cookie, "es").await.body;
    assert!(report.contains("Pare: caminar hacia atrás está en pausa"), "{report}");
    assert!(report.contains("Usted indicó: la rodilla falló."), "{report}");
    // Days gone keep what was planned then; no day from today on has a dose.
    for day in
        plan.split("<li class=\"").skip(1).filter(|d| !d.starts_with("status-done") && !d.starts_with("status-missed"))
    {
        assert!(!day.contains("min hacia atrás ("), "a dose while stopped: {day}");
    }
    // The restart page says why it stopped, and the dose it restarts at, in Spanish.
    let restart = get_in(&app, "/restart", &w.cookie, "es").await.body;
    assert!(
        restart.contains("Un síntoma de alarma detiene el programa") && !restart.contains("You reported"),
        "{restart}"
    );
    assert!(restart.contains("min hacia atrás (") && !restart.contains("min backward"), "{restart}");
    // A name of only spaces is refused in Spanish.
    let form = format!("csrf={}&by=+&role=fisioterapeuta&note=&minutes=5&shown=5", w.csrf);
    let blank = post_in(&app, "/restart", &w.cookie, "es", form).await.body;
    assert!(blank.contains("Escriba el nombre del profesional sanitario."), "{blank}");
}

/// A file that is not an archive, given to Settings → Restore, is refused in
/// the walker's language, and nothing changes.
#[tokio::test]
async fn a_restore_of_a_wrong_file_is_refused_in_spanish() {
    let app = App::new().await;
    let w = app.ready_walker("restore-es@example.org", "nota").await;
    let b = "rboundary";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--{b}\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"notes.json\"\r\nContent-Type: application/json\r\n\r\n{{\"hello\": 1}}\r\n--{b}--\r\n",
        w.csrf
    );
    let req = Request::post("/settings/restore")
        .header(header::COOKIE, &w.cookie)
        .header(header::ACCEPT_LANGUAGE, "es")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"))
        .body(Body::from(body))
        .unwrap();
    let refused = app.send(req).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        refused.body.contains("Este archivo no es un archivo de retrowalk que esta versión pueda leer"),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains("not a retrowalk archive"), "{}", refused.body);
}

/// The coach's decision, with the walker's own numbers, in their language:
/// on Today right after the log, and as the dose in force on the plan.
#[tokio::test]
async fn a_decision_is_said_in_spanish_with_its_numbers() {
    let app = App::new().await;
    let w = app.ready_walker("why-es@example.org", "nota").await;
    let form = format!("csrf={}&pain_before=2&pain_peak=7&pain_after=4", w.csrf);
    assert_eq!(app.post("/log", &w.cookie, &form).await.status, StatusCode::SEE_OTHER);
    let said = "Su dolor llegó a 7/10, por encima de 5, y eso es demasiado.";
    let today = get_in(&app, "/today", &w.cookie, "es").await.body;
    assert!(today.contains(said), "{today}");
    assert!(!today.contains("Your pain peaked"), "{today}");
    let plan = get_in(&app, "/plan", &w.cookie, "es").await.body;
    assert!(plan.contains(said), "{plan}");
    let english = get_in(&app, "/today", &w.cookie, "en").await.body;
    assert!(english.contains("Your pain peaked at 7/10, above 5, which is too much."), "{english}");
    // The report's decisions too, each with its dose in the same words.
    let report = get_in(&app, "/report", &w.cookie, "es").await.body;
    assert!(report.contains(said) && report.contains("min hacia atrás ("), "{report}");
    assert!(!report.contains("Your pain peaked") && !report.contains("min backward"), "{report}");
}

/// Saving a measure in Spanish: a wrong value is explained in Spanish, and
/// a result that needs attention says so with its numbers.
#[tokio::test]
async fn measures_explain_problems_and_flags_in_spanish() {
    let app = App::new().await;
    let w = app.ready_walker("flags-es@example.org", "nota").await;
    let post = |form: String| post_in(&app, "/outcomes", &w.cookie, "es", form);
    let wrong = post(format!("csrf={}&measure=chair_stand30s&value=7,5", w.csrf)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("¿Cuántas veces se levantó en 30 segundos?"), "{}", wrong.body);
    assert!(!wrong.body.contains("a whole number"), "{}", wrong.body);
    let slow = post(format!("csrf={}&measure=timed_up_and_go&value=13,5", w.csrf)).await;
    assert!(slow.body.contains("13,5 s es más de 12 s: un riesgo de caída más alto"), "{}", slow.body);
    assert!(!slow.body.contains("a higher risk of falling"), "{}", slow.body);
}

/// The whole report in Spanish, on the page and in the PDF: the screening's
/// outcome, the answers and measurements behind it with their numbers, the
/// results, the flags and the PDF's own headings; nothing left in English.
#[tokio::test]
async fn the_report_and_its_pdf_speak_spanish() {
    use coach::screening::{Answers, Question};
    let app = App::new().await;
    let w = app.ready_walker("report-es@example.org", "nota-del-informe").await;
    let store = app.state.store();
    let mut answers = Answers::all_no().with(Question::FellPastYear, true);
    answers.tug_seconds = Some(13.5);
    service::screen(store, w.access, &answers, app.state.now()).await.unwrap();
    let today = app.state.now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    for value in [11.2, 14.0] {
        let measure = coach::outcomes::Measure::TimedUpAndGo;
        let input = service::OutcomeInput { measure, value: Some(value), activities: Vec::new(), date: today };
        service::record_outcome(store, w.access, input, today, app.state.now()).await.unwrap();
    }
    // The walker's own screening result says what to do now, with the numbers.
    let outcome = get_in(&app, "/outcome", &w.cookie, "es").await.body;
    assert!(outcome.contains("Puede empezar, siempre con apoyo: las barandillas"), "{outcome}");
    assert!(outcome.contains("duró 14,0 s, más de 12 s") && !outcome.contains("You can start"), "{outcome}");
    let page = get_in(&app, "/report", &w.cookie, "es").await.body;
    for expected in [
        "Puede entrenar solo con apoyo (riesgo de caída)",
        "Respondió sí: «¿Se ha caído en los últimos 12 meses?»",
        "duró 14,0 s, más de 12 s",
        "Preguntas de seguridad: Respondió sí",
        "de 11,2 s (",
        "2 resultados",
        "Cumplimiento: ",
        "nota-del-informe",
    ] {
        assert!(page.contains(expected), "the Spanish report lacks {expected:?}: {page}");
    }
    for english in ["Cleared to train", "Answered yes", "Screening:", "results", "took 13.5"] {
        assert!(!page.contains(english), "the Spanish report says {english:?}");
    }
    let pdf = get_in(&app, "/report.pdf", &w.cookie, "es").await.body;
    // Lines with accents are written as hex strings: these have none (the
    // CLI's test reads the whole text).
    for expected in ["Informe de retrowalk", "Programa y cumplimiento", "Semana", "nota-del-informe"] {
        assert!(pdf.contains(expected), "the Spanish PDF lacks {expected:?}");
    }
    for english in ["Pain trend", "Screening and clearance", "Answered yes", "page 1 of"] {
        assert!(!pdf.contains(english), "the Spanish PDF says {english:?}");
    }
}

/// An access-log change recorded before changes were kept as data has only
/// its English sentence: a Spanish reader is told that, with the sentence.
#[tokio::test]
async fn an_older_change_in_the_access_log_says_it_was_recorded_in_english() {
    let app = App::new().await;
    let w = app.ready_walker("legacy-es@example.org", "nota").await;
    let s = app.state.store();
    let doc = app.ready_walker("legacy-doc@example.org", "note-of-doc").await;
    let detail = "override: dose set to 6 min";
    let old = store::SecurityEvent::new(
        store::SecurityKind::RecordChanged,
        Some(doc.account.id),
        "",
        detail,
        app.state.now(),
    )
    .about(w.account.walker);
    store::AccountStore::record_security_event(s, &old).await.unwrap();
    let settings = get_in(&app, "/settings", &w.cookie, "es").await.body;
    let said = "Anotado en inglés, antes de que los cambios se guardaran en su idioma: «override: dose set to 6 min»";
    assert!(settings.contains(said), "{settings}");
    let english = get_in(&app, "/settings", &w.cookie, "en").await.body;
    assert!(english.contains(detail) && !english.contains("Recorded in English"), "{english}");
}

/// The rare refusals in Spanish too: a form a page would never send (a
/// hidden field changed by hand, or a page from an older version), a form
/// too large for its page, and a token revoked already in another tab.
#[tokio::test]
async fn rare_refusals_are_said_in_spanish() {
    let app = App::new().await;
    let w = app.ready_walker("rare@example.org", "nota").await;
    let refused = |res: Resp, said: &str| {
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(res.body.contains(said), "{said}: {}", res.body);
        assert!(res.body.contains("<html lang=\"es\">"), "{}", res.body);
    };
    let changed = post_in(&app, "/motion/delete", &w.cookie, "es", format!("csrf={}&recording=abc", w.csrf)).await;
    assert!(!changed.body.contains("which recording"), "{}", changed.body);
    refused(changed, "Esta página envió algo que no debía");
    let long = format!("csrf={}&pain=2&notes={}", w.csrf, "x".repeat(80 * 1024));
    refused(post_in(&app, "/checkin", &w.cookie, "es", long).await, "Este formulario es más largo de lo que admite");
    let gone = post_in(&app, "/settings/tokens/revoke", &w.cookie, "es", format!("csrf={}&id=42", w.csrf)).await;
    refused(gone, "Ese token ya no existe: ya se revocó, o no es suyo.");
    let odd = post_in(&app, "/settings/language", &w.cookie, "es", format!("csrf={}&lang=klingon", w.csrf)).await;
    refused(odd, "Esta página envió algo que no debía");
    let odd = post_in(&app, "/care/leave", &w.cookie, "es", format!("csrf={}&clinic=abc", w.csrf)).await;
    refused(odd, "Esta página envió algo que no debía");

    // Files that cannot be imported: what is wrong with each, in Spanish,
    // with the file reader's own account marked as such.
    let cut = "<?xml version=\"1.0\"?><gpx><trk><trkseg><trkpt><time>2026</trkpt></trkseg></trk></gpx>";
    let files = [("empty.gpx", ""), ("list.fit", "milk, bread"), ("cut.gpx", cut)];
    let mut upload = crate::routes::upload(&w.cookie, &w.csrf, &files);
    upload.headers_mut().insert("accept-language", "es".parse().unwrap());
    let page = app.send(upload).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for said in [
        "el archivo está vacío. Exporte de nuevo la actividad",
        "este no es un archivo de un reloj, un teléfono o una cinta",
        "el archivo está dañado o incompleto. Exporte de nuevo",
        "detalle técnico, del lector de archivos (en inglés): not well-formed XML",
    ] {
        assert!(page.body.contains(said), "{said}: {}", page.body);
    }
}
