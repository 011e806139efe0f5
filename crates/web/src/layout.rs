//! The frame every page is drawn in (`Layout`: title, navigation, CSRF token,
//! interface text, a flash message) and the plain error page. It needs no
//! state, so errors render anywhere: `error` uses it without reaching into
//! the pages (`pages` adds `Layout::new` from a request's state).

use crate::i18n::I18n;
use askama::Template;
use axum::response::Html;

/// What every page's layout needs.
pub struct Layout {
    pub title: String,
    /// Which nav item is current.
    pub nav: &'static str,
    pub csrf: String,
    pub signed_in: bool,
    pub i18n: I18n,
    /// A message shown at the top (an error or a confirmation).
    pub flash: Option<String>,
    /// A wide page (a clinician's table on a desktop or tablet); the
    /// walker's pages keep the phone-width column.
    pub wide: bool,
    /// The account is a clinician: the navigation leads to their patients.
    pub clinician: bool,
    /// Signed in with a password, the second factor still to come: no
    /// navigation (it would only lead back), sign-out only.
    pub pending: bool,
    /// An opaque tag of the signed-in account (`owner_tag`), empty when
    /// nobody is: what the phone keeps for one walker (a session under way,
    /// its motion recording, logs waiting to be sent) carries it, and the
    /// scripts use it only under the same tag, so on a shared phone nothing
    /// of one walker's reaches another's record.
    pub owner: String,
}

/// The tag of an account for what its pages keep on the phone: a hash, so the
/// page does not show the account's id; the account's creation time in it
/// makes a new account on a reused id a different owner.
pub fn owner_tag(account: &store::Account) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("retrowalk owner {} {}", account.id, account.created_at.as_millisecond()));
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

impl Layout {
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.i18n.t(key)
    }

    /// The words the page's scripts and the service worker write (the queue
    /// banner, the offline page and copies), as JSON for the page's
    /// `rw-words` block: they speak the page's language, offline too.
    pub fn script_words(&self) -> String {
        const PLAIN: [&str; 17] = [
            "nav.today",
            "nav.plan",
            "nav.progress",
            "nav.outcomes",
            "nav.learn",
            "nav.label",
            "day.today",
            "footer.not_advice",
            "offline.title",
            "offline.never_opened",
            "offline.log",
            "offline.saved_one",
            "offline.safe_one",
            "offline.safe_many",
            "offline.stop",
            "offline.stop_why",
            "offline.not_accepted",
        ];
        let mut words: std::collections::BTreeMap<&str, String> =
            PLAIN.iter().map(|k| (*k, self.t(k).to_string())).collect();
        // Filled in by the script: the placeholder stands for the value.
        for (key, var) in [
            ("offline.saved_many", "n"),
            ("offline.refused", "date"),
            ("offline.copy", "when"),
            ("offline.motion_refused", "date"),
        ] {
            words.insert(key, self.i18n.ta(key, &[(var, &format!("{{{var}}}"))]));
        }
        words.insert("offline.open", self.t("offline.open").to_string());
        words.insert("offline.discard", self.t("offline.discard").to_string());
        words.insert("offline.hide_note", self.t("offline.hide_note").to_string());
        words.insert("lang", self.i18n.lang().code().to_string());
        // Inside a <script> element: no "<" may close it early.
        serde_json::to_string(&words).unwrap_or_default().replace('<', "\\u003c")
    }

    /// A clinician's view of the coach's last decision, in the page's
    /// language (with the walker's numbers and the clinician's note).
    pub fn decision(&self, d: &service::clinics::LastDecision) -> String {
        words::coach_words::said(&self.i18n, &d.rule, &d.reason, &d.why)
    }

    /// A patient-list flag, its severity and a flag rule's words for the
    /// filter, in the page's language.
    pub fn flag(&self, f: &coach::flags::Flag) -> String {
        words::coach_words::patient_flag(&self.i18n, f)
    }

    pub fn severity(&self, s: &coach::flags::Severity) -> String {
        words::coach_words::severity(&self.i18n, *s)
    }

    pub fn flag_rule(&self, rule: &str, words: &str) -> String {
        words::coach_words::flag_rule(&self.i18n, rule, words)
    }

    /// An asset's fingerprinted URL.
    pub fn asset(&self, name: &str) -> String {
        crate::assets::url(name)
    }

    pub fn current(&self, nav: &str) -> &'static str {
        if self.nav == nav { "page" } else { "false" }
    }

    /// The navigation's items, (nav id, path): one list for the phone's menu
    /// and the wide screen's bar.
    pub fn nav_items(&self) -> Vec<(&'static str, &'static str)> {
        let mut items = vec![
            ("today", "/today"),
            ("plan", "/plan"),
            ("progress", "/progress"),
            ("outcomes", "/outcomes"),
            ("learn", "/learn"),
            ("care", "/care"),
            ("settings", "/settings"),
        ];
        if self.clinician {
            items.insert(0, ("patients", "/patients"));
        }
        items
    }

    /// The current item's name, shown on the phone's menu button.
    pub fn nav_label(&self, nav: &str) -> String {
        format!("nav.{nav}")
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    status: u16,
    message: String,
}

/// A plain error page; it needs no state, so it renders anywhere.
pub fn error_page(status: u16, message: &str) -> Html<String> {
    let i18n = crate::i18n::current();
    let page = ErrorPage {
        l: Layout {
            title: i18n.t("error.title").to_string(),
            nav: "",
            csrf: String::new(),
            signed_in: false,
            i18n,
            flash: None,
            wide: false,
            clinician: false,
            pending: false,
            owner: String::new(),
        },
        status,
        message: message.to_string(),
    };
    Html(page.render().unwrap_or_else(|_| message.to_string()))
}
