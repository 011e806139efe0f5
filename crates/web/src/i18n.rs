//! Each request is answered in one language (`negotiate`): the walker's
//! choice in Settings (a cookie on that device), else the first of the
//! browser's languages we speak, else English. The words themselves are in
//! the `words` crate.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
pub use words::{I18n, Lang};

/// The cookie that keeps the language chosen in Settings on this device.
pub const LANG_COOKIE: &str = "lang";

tokio::task_local! {
    /// The request's language, and whether it was chosen in Settings.
    static REQUEST_LANG: (Lang, bool);
}

/// Middleware: answers the request in the walker's language (see the module).
pub async fn negotiate(req: Request, next: Next) -> Response {
    let lang = request_lang(req.headers());
    REQUEST_LANG.scope(lang, next.run(req)).await
}

/// The language chosen on this device (true), else the browser's, else English.
fn request_lang(headers: &axum::http::HeaderMap) -> (Lang, bool) {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let chosen = header(axum::http::header::COOKIE)
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| Lang::parse(v));
    match chosen {
        Some(lang) => (lang, true),
        None => (Lang::from_accept_language(header(axum::http::header::ACCEPT_LANGUAGE)).unwrap_or(Lang::En), false),
    }
}

/// The language chosen in Settings on this device, if any.
pub fn chosen() -> Option<Lang> {
    REQUEST_LANG.try_with(|(lang, chosen)| chosen.then_some(*lang)).ok().flatten()
}

/// The words of the request being answered (English outside one).
pub fn current() -> I18n {
    I18n::of(REQUEST_LANG.try_with(|(lang, _)| *lang).unwrap_or(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::{I18n, Lang};

    /// Every `l.t("key")` in the web's templates, and every rule's
    /// description, exists in every language.
    #[test]
    fn every_key_used_is_translated() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/templates");
        let mut used = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for part in text.split("l.t(\"").skip(1) {
                used.push(part[..part.find('"').unwrap()].to_string());
            }
        }
        // Keys written out in the Rust of every crate that speaks: `.t("…")`, `.ta("…"`.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut dirs: Vec<std::path::PathBuf> =
            ["web/src", "cli/src", "words/src", "report-pdf/src", "service/src", "coach/src"]
                .iter()
                .map(|d| root.join(d))
                .collect();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("cli/src/help.rs")
                    && !path.ends_with("cli/src/usage_error.rs")
                {
                    // (help.rs and usage_error.rs read the CLI's own help
                    // files, which their own tests check.)
                    let text = std::fs::read_to_string(&path).unwrap();
                    for call in [".t(\"", ".ta(\"", ".said(\""] {
                        for part in text.split(call).skip(1) {
                            let key = &part[..part.find('"').unwrap_or(0)];
                            // A key: dotted lower-case words (not the test's missing one).
                            let word = |c: char| c.is_ascii_lowercase() || c == '.' || c == '_';
                            if key.contains('.') && key.chars().all(word) && !key.starts_with("no.such") {
                                used.push(key.to_string());
                            }
                        }
                    }
                }
            }
        }
        used.extend(coach::adaptation::rules().into_iter().map(|(rule, _)| format!("rule.{rule}")));
        used.extend(store::SecurityKind::ALL.iter().map(|k| format!("security.{}", k.as_str())));
        // A refusal while paused names its kind (`service::ServiceError::paused`).
        used.extend(coach::pause::PauseKind::ALL.iter().map(|k| format!("refusal.paused.{}", k.as_str())));
        used.extend(["blocked", "clearance_needed", "supported_only", "cleared"].map(|s| format!("outcome.{s}")));
        for lang in Lang::ALL {
            let t = I18n::of(lang);
            let missing: Vec<&String> = used.iter().filter(|k| !t.has(k)).collect();
            assert!(missing.is_empty(), "{}: untranslated keys: {missing:?}", lang.code());
        }
    }
}
