//! The motion page: a phone's recording added to a logged session and said
//! in plain words, in the walker's language; a wrong file or a day without a
//! session says what to do, and nothing is kept.

use crate::support::*;
use axum::http::{StatusCode, header};

/// A multipart post of one recording for one session.
fn post(w: &Walker, lang: &str, session: &str, name: &str, content: &str) -> axum::http::Request<axum::body::Body> {
    post_with(w, lang, session, "", name, content)
}

/// The same, with more fields before the file (`extra`: already encoded parts).
fn post_with(
    w: &Walker,
    lang: &str,
    session: &str,
    extra: &str,
    name: &str,
    content: &str,
) -> axum::http::Request<axum::body::Body> {
    let b = "retrowalkboundary";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"session\"\r\n\r\n{session}\r\n{extra}\
         --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n--{b}--\r\n",
        w.csrf
    );
    axum::http::Request::post("/motion")
        .header(header::COOKIE, &w.cookie)
        .header(header::ACCEPT_LANGUAGE, lang)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"))
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_recording_added_to_a_session_is_said_in_plain_words() {
    let app = App::new().await;
    let w = app.ready_walker("motion@example.org", "note").await;
    let page = app.get("/motion", &w.cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    let option = page.body.split("<option value=\"").nth(1).unwrap();
    let session = &option[..10];

    let walk = gait::synthetic::walk_csv(24, 0.55, true);
    let res = app.send(post(&w, "en", session, "walk.csv", &walk)).await;
    assert_eq!((res.status, res.location.as_str()), (StatusCode::SEE_OTHER, "/motion"), "{}", res.body);
    // The same file again is counted once, and the page says so.
    let again = app.send(post(&w, "es", session, "otra.csv", &walk)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("Esta grabación ya está guardada, como walk.csv de la sesión del"), "{}", again.body);
    let page = app.get("/motion", &w.cookie).await.body;
    assert!(page.contains("24 steps, about 109 steps a minute."), "{page}");
    assert!(page.contains("looked like walking backward") && page.contains("walk.csv"), "{page}");
    let spanish = app.send(get_in_language(&w, "/motion", "es")).await.body;
    assert!(spanish.contains("24 pasos, unos 109 pasos por minuto.") && spanish.contains("hacia atrás"), "{spanish}");

    // A wrong file says what to do, then the reader's reason; a made-up day has no session.
    let bad = app.send(post(&w, "en", session, "bad.csv", "time,x,y,z\n0,0,9.8,0\n0.01,0,nine,0\n")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("could not be read as a motion recording"), "{}", bad.body);
    assert!(bad.body.contains("line 3, column 3"), "{}", bad.body);
    let malo = app.send(post(&w, "es", session, "bad.csv", "time,x,y,z\n0,0,9.8,0\n0.01,0,nine,0\n")).await;
    assert!(malo.body.contains("detalle técnico, del lector de archivos (en inglés): "), "{}", malo.body);
    let still = gait::synthetic::walk_csv(0, 0.55, false);
    let none = app.send(post(&w, "es", session, "still.csv", &still)).await;
    assert!(none.body.contains("No se encontró marcha en esta grabación"), "{}", none.body);
    let other = app.send(post(&w, "en", "2020-01-01", "walk.csv", &walk)).await;
    assert!(other.body.contains("There is no session logged on that day"), "{}", other.body);
    let kept = service::motion::motions(app.state.store(), w.access).await.unwrap();
    assert_eq!(kept.len(), 1, "only the good recording was kept");

    // The guided session's own recording comes with its warm-up's seconds,
    // which set the direction for this walker's step; a tampered value is
    // refused and nothing is kept.
    let b = "retrowalkboundary";
    let forward = |s: &str| format!("--{b}\r\nContent-Disposition: form-data; name=\"forward_s\"\r\n\r\n{s}\r\n");
    let phone = gait::synthetic::session_csv(12, 20, true);
    let page = app.get("/motion", &w.cookie).await.body;
    assert!(page.contains("name=\"forward_s\"") && page.contains("Seconds of forward walking at the start"));
    // The form's field left empty is none: read by the common sign.
    let empty = app.send(post_with(&w, "en", session, &forward(""), "walked.csv", &phone)).await;
    assert_eq!(empty.status, StatusCode::SEE_OTHER, "{}", empty.body);
    let kept = service::motion::motions(app.state.store(), w.access).await.unwrap();
    let walked = kept.iter().find(|m| m.motion.source == "walked.csv").expect("kept");
    assert!(!walked.motion.own_direction);
    service::motion::delete(app.state.store(), w.access, walked.id).await.unwrap();
    let bad = app.send(post_with(&w, "en", session, &forward("soon"), "phone", &phone)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(
        bad.body.contains("Seconds of forward walking at the start: write a number from 0 to 3600"),
        "{}",
        bad.body
    );
    assert!(!bad.body.contains("must be a number"), "said once, not twice: {}", bad.body);
    // The form comes back with the walker's own choices, the wrong one marked.
    assert!(bad.body.contains("value=\"soon\" aria-invalid=\"true\""), "{}", bad.body);
    assert!(bad.body.contains(&format!("<option value=\"{session}\" selected>")), "{}", bad.body);
    let spanish = app.send(post_with(&w, "es", session, &forward("-1"), "phone", &phone)).await;
    assert!(
        spanish.body.contains("Segundos de marcha hacia delante al comienzo: escriba un número"),
        "{}",
        spanish.body
    );
    let res = app.send(post_with(&w, "en", session, &forward("12"), "phone", &phone)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // The phone sends it again, its first answer lost: kept already, which
    // is all it needs to hear, and it is kept once.
    let again = app.send(post_with(&w, "en", session, &forward("12"), "phone", &phone)).await;
    assert_eq!((again.status, again.location.as_str()), (StatusCode::SEE_OTHER, "/motion"), "{}", again.body);
    let kept = service::motion::motions(app.state.store(), w.access).await.unwrap();
    assert_eq!(kept.iter().filter(|m| m.motion.source == "phone").count(), 1);
    let phone = kept.iter().find(|m| m.motion.source == "phone").expect("kept");
    assert_eq!(phone.motion.bouts.iter().map(|b| b.backward).collect::<Vec<_>>(), [false, true]);
    let page = app.get("/motion", &w.cookie).await.body;
    assert!(page.contains("The direction was read against your own steps in the warm-up."), "{page}");
    service::motion::delete(app.state.store(), w.access, phone.id).await.unwrap();

    // The file's units and rate, where its header does not say them, are
    // chosen in the form; a rate that is not one is said, in the walker's
    // language, and the choices come back; a unit no list offers is a form
    // no page sends.
    let field =
        |name: &str, v: &str| format!("--{b}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{v}\r\n");
    assert!(page.contains("<select id=\"time_unit\" name=\"time_unit\" aria-describedby=\"units-help\">"), "{page}");
    let counted = counted_csv(&gait::synthetic::walk_csv(22, 0.55, true));
    // Sent without its rate: the page says where to write it, and opens there.
    let unsaid = app.send(post(&w, "en", session, "counted.csv", &counted)).await;
    assert!(
        unsaid.body.contains("counts samples but does not say how many a second: write its samples a second under")
    );
    assert!(
        unsaid.body.contains("<details class=\"units\" open>")
            && unsaid.body.contains("value=\"\" aria-invalid=\"true\"")
    );
    let units = format!("{}{}", field("acc_unit", "m/s2"), field("rate_hz", "cien"));
    let wrong = app.send(post_with(&w, "es", session, &units, "counted.csv", &counted)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Muestras por segundo: escriba un número de 1 a 1000"), "{}", wrong.body);
    assert!(wrong.body.contains("value=\"cien\" aria-invalid=\"true\""), "{}", wrong.body);
    assert!(
        wrong.body.contains("<option value=\"m/s2\" selected>")
            && wrong.body.contains("<details class=\"units\" open>")
    );
    let tampered =
        app.send(post_with(&w, "en", session, &field("acc_unit", "furlongs"), "counted.csv", &counted)).await;
    assert!(tampered.body.contains("This page sent something it should not have"), "{}", tampered.body);
    let units = format!("{}{}", field("time_unit", "samples"), field("rate_hz", "100"));
    let res = app.send(post_with(&w, "en", session, &units, "counted.csv", &counted)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get("/motion", &w.cookie).await.body;
    assert!(page.contains("22 steps, about 109 steps a minute."), "{page}");
    let kept = service::motion::motions(app.state.store(), w.access).await.unwrap();
    let counted = kept.iter().find(|m| m.motion.source == "counted.csv").expect("kept");
    service::motion::delete(app.state.store(), w.access, counted.id).await.unwrap();

    // The report charts the week's cadence and variability, with the numbers in a table.
    let report = app.get("/report", &w.cookie).await.body;
    assert!(report.contains("Walking measured by the phone"), "{report}");
    assert!(report.contains("<title id=\"report-cadence-t\">Steps a minute, week by week</title>"), "{report}");
    assert!(report.contains("id=\"report-cv-t\""), "{report}");
    assert!(report.contains("<th scope=\"row\">1</th><td>0.2</td><td>109</td>"), "one session, backward: {report}");
    let informe = app.send(get_in_language(&w, "/report", "es")).await.body;
    assert!(informe.contains("Marcha medida por el teléfono") && informe.contains("<td>0,2</td>"), "{informe}");

    // One recording is deleted on its own; the session stays logged. Another walker's id is not found.
    let page = app.get("/motion", &w.cookie).await.body;
    let marker = "name=\"recording\" value=\"";
    let at = page.find(marker).expect("a delete form") + marker.len();
    let id = &page[at..at + page[at..].find('"').unwrap()];
    let other = app.ready_walker("other-motion@example.org", "note").await;
    let theirs = app.post("/motion/delete", &other.cookie, &format!("csrf={}&recording={id}", other.csrf)).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "{}", theirs.body);
    let gone = app.post("/motion/delete", &w.cookie, &format!("csrf={}&recording={id}", w.csrf)).await;
    assert_eq!((gone.status, gone.location.as_str()), (StatusCode::SEE_OTHER, "/motion"), "{}", gone.body);
    let page = app.get("/motion", &w.cookie).await.body;
    assert!(page.contains("No recordings yet.") && page.contains("<option value=\""), "{page}");
    assert!(app.get("/report", &w.cookie).await.body.contains("No motion recordings yet."));
}

#[tokio::test]
async fn a_report_without_recordings_says_so() {
    let app = App::new().await;
    let w = app.ready_walker("no-motion@example.org", "note").await;
    let report = app.get("/report", &w.cookie).await.body;
    assert!(report.contains("No motion recordings yet.") && !report.contains("report-cadence"), "{report}");
}

fn get_in_language(w: &Walker, path: &str, lang: &str) -> axum::http::Request<axum::body::Body> {
    axum::http::Request::get(path)
        .header(header::COOKIE, &w.cookie)
        .header(header::ACCEPT_LANGUAGE, lang)
        .body(axum::body::Body::empty())
        .unwrap()
}

/// The same through the API: the body is the file; the reply is the analysis.
#[tokio::test]
async fn the_api_takes_a_recording_for_a_session() {
    let app = App::new().await;
    let w = app.ready_walker("motion-api@example.org", "note").await;
    let token = crate::api::token_for(&app, &w).await;
    let sessions: serde_json::Value =
        serde_json::from_str(&app.send(crate::api::call("GET", "/api/v1/sessions", &token, None)).await.body).unwrap();
    let day = sessions[0]["date"].as_str().unwrap().to_string();
    let send = |path: String, body: String| {
        axum::http::Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "text/csv")
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    let walk = gait::synthetic::walk_csv(24, 0.55, false);
    let res = app.send(send(format!("/api/v1/sessions/{day}/motion?file_name=walk.csv"), walk.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let m: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!((m["source"].as_str(), m["bouts"][0]["steps"].as_u64()), (Some("walk.csv"), Some(24)), "{m}");
    assert_eq!(m["bouts"][0]["backward"], false);
    // A warm-up of forward walking at the start sets this walker's
    // direction: their step reads the other way round from most people's.
    let session = gait::synthetic::session_csv(12, 20, true);
    let directions = |body: &str| -> Vec<bool> {
        let m: serde_json::Value = serde_json::from_str(body).unwrap();
        m["bouts"].as_array().unwrap().iter().map(|b| b["backward"].as_bool().unwrap()).collect()
    };
    let plain = app.send(send(format!("/api/v1/sessions/{day}/motion"), session.clone())).await;
    assert_eq!(directions(&plain.body), [true, false], "read wrong without the warm-up: {}", plain.body);
    // The same file again (a phone's retry after a lost answer) is kept
    // once: a conflict that says where it is.
    let again = app.send(send(format!("/api/v1/sessions/{day}/motion?forward_s=12"), session.clone())).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(again.body.contains("kept already, as upload of the session on"), "{}", again.body);
    forget_all_but_the_first(&app, &w).await;
    let warmed = app.send(send(format!("/api/v1/sessions/{day}/motion?forward_s=12"), session.clone())).await;
    assert_eq!(directions(&warmed.body), [false, true], "{}", warmed.body);
    assert!(warmed.body.contains("\"own_direction\":true") && plain.body.contains("\"own_direction\":false"));
    forget_all_but_the_first(&app, &w).await;
    // A recording that ends within the warm-up is read as measured.
    let early = app.send(send(format!("/api/v1/sessions/{day}/motion?forward_s=300"), session.clone())).await;
    assert_eq!(directions(&early.body), [true, false], "{}", early.body);
    forget_all_but_the_first(&app, &w).await;
    let wrong = app.send(send(format!("/api/v1/sessions/{day}/motion?forward_s=-5"), session)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    assert!(wrong.body.contains("forward"), "{}", wrong.body);
    // A forward walk in a part of the session prescribed as backward: the
    // bout says so, and the walker is told, gently.
    let astray = gait::synthetic::walk_csv(26, 0.55, false);
    let res = app.send(send(format!("/api/v1/sessions/{day}/motion?backward_parts=0-40"), astray.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let m: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(
        (m["bouts"][0]["backward"].as_bool(), m["bouts"][0]["in_backward_part"].as_bool()),
        (Some(false), Some(true))
    );
    let page = app.get("/motion", &w.cookie).await.body;
    assert!(page.contains("In the backward parts of the session, about 0.2 min looked like walking forward"), "{page}");
    let list = app.send(crate::api::call("GET", "/api/v1/motion", &token, None)).await.body;
    assert!(list.contains("\"forward_in_backward_min\":0.2") && list.contains("\"asymmetry\":"), "{list}");
    forget_all_but_the_first(&app, &w).await;
    // A file whose clock counts samples: its rate is stated, as a header
    // that does not say its units can have them stated.
    let counted = counted_csv(&astray);
    let unsaid = app.send(send(format!("/api/v1/sessions/{day}/motion"), counted.clone())).await;
    assert_eq!(unsaid.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", unsaid.body);
    assert!(unsaid.body.contains("state the rate"), "{}", unsaid.body);
    let stated =
        app.send(send(format!("/api/v1/sessions/{day}/motion?rate_hz=100&acc_unit=m/s2"), counted.clone())).await;
    assert_eq!(stated.status, StatusCode::CREATED, "{}", stated.body);
    assert!(stated.body.contains("\"steps\":26"), "{}", stated.body);
    forget_all_but_the_first(&app, &w).await;
    for (query, field) in [
        ("rate_hz=5000", "rate_hz"),
        ("acc_unit=furlongs", "acc_unit"),
        ("time_unit=days", "time_unit"),
        ("backward_parts=30-10", "backward_parts"),
        ("backward_parts=5-9,1-2", "backward_parts"),
    ] {
        let wrong = app.send(send(format!("/api/v1/sessions/{day}/motion?{query}"), counted.clone())).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {}", wrong.body);
        assert!(wrong.body.contains(&format!("\"field\":\"{field}\"")), "{query}: {}", wrong.body);
    }
    let none = app.send(send("/api/v1/sessions/2020-01-01/motion".into(), walk)).await;
    assert_eq!(none.status, StatusCode::CONFLICT, "{}", none.body);
    let bad = app.send(send(format!("/api/v1/sessions/{day}/motion"), "time,x\n0,1\n".into())).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("no accelerometer"), "{}", bad.body);

    // Listed with its id and totals, then deleted on its own.
    let list: serde_json::Value =
        serde_json::from_str(&app.send(crate::api::call("GET", "/api/v1/motion", &token, None)).await.body).unwrap();
    assert_eq!((list[0]["steps"].as_u64(), list[0]["session"].as_str()), (Some(24), Some(day.as_str())), "{list}");
    let id = list[0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/motion/{id}");
    assert_eq!(app.send(crate::api::call("DELETE", &path, &token, None)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.send(crate::api::call("DELETE", &path, &token, None)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.send(crate::api::call("GET", "/api/v1/motion", &token, None)).await.body, "[]");
}

/// Deletes every recording but the walker's first.
async fn forget_all_but_the_first(app: &App, w: &Walker) {
    for m in service::motion::motions(app.state.store(), w.access).await.unwrap().into_iter().skip(1) {
        service::motion::delete(app.state.store(), w.access, m.id).await.unwrap();
    }
}

/// A Sensor Logger file (time, seconds_elapsed, z, y, x) as one whose clock
/// counts samples (samples, x, y, z): its rate must be stated.
fn counted_csv(sensor_logger: &str) -> String {
    let rows = sensor_logger.lines().skip(1).enumerate().map(|(i, l)| {
        let f: Vec<&str> = l.split(',').collect();
        format!("{i},{},{},{}", f[4], f[3], f[2])
    });
    std::iter::once("samples,x,y,z".to_string()).chain(rows).collect::<Vec<_>>().join("\n") + "\n"
}
