//! One error type with stable snake_case codes. Pages show the message in the
//! layout; the API returns `{"error": {"code", "message"}}`. The cause is logged
//! by code only: never request bodies or health data.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coach::{Code, InputError};
use serde_json::json;

#[derive(Debug)]
pub enum AppError {
    /// Bad input; the message says what and where, the code why.
    BadInput(InputError),
    /// Well-formed, but not allowed in the walker's state now (API only: the
    /// pages show it on the form like bad input).
    Conflict(InputError),
    NotFound,
    SignInRequired,
    /// Signed in with a password; the second factor is still to come (`/2fa`).
    SecondFactorRequired,
    Unauthorized,
    Csrf,
    CrossOrigin,
    /// Too many tries: wait this many seconds.
    Throttled(u64),
    Internal(String),
}

impl AppError {
    pub fn bad(msg: impl Into<String>) -> Self {
        AppError::BadInput(InputError::from_text(msg))
    }

    /// A field the page fills in itself (a hidden field, a choice from its
    /// own list) that came back as none of our pages sends it: a page from an
    /// older version, or one changed by hand. `msg` names the field, in
    /// English; the reader is told to reload, as nothing was saved.
    pub fn unexpected(msg: impl Into<String>) -> Self {
        AppError::BadInput(InputError::new("", msg)).said("refusal.form_unexpected", &[])
    }

    /// An upload the page could not read, by the status the multipart reader
    /// gave: larger than this page takes (413), or broken off or malformed.
    /// Said in the reader's words; the pages keep what was typed.
    pub fn upload(status: StatusCode) -> Self {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::bad("the upload is larger than this page takes").said("refusal.upload_too_large", &[])
        } else {
            AppError::bad("the upload could not be read").said("refusal.upload_unreadable", &[])
        }
    }

    /// The same refusal, said in the reader's language by the message `key`
    /// with `args` (`coach::InputError::said`); other errors are unchanged.
    pub fn said(self, key: &str, args: &[(&str, &dyn ToString)]) -> Self {
        match self {
            AppError::BadInput(e) => AppError::BadInput(e.said(key, args)),
            AppError::Conflict(e) => AppError::Conflict(e.said(key, args)),
            other => other,
        }
    }

    /// Why input was refused (`coach::Code`), for bad input and conflicts.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            AppError::BadInput(e) | AppError::Conflict(e) => Some(e.code.as_str()),
            _ => None,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadInput(_) => "bad_input",
            AppError::Conflict(_) => "conflict",
            AppError::NotFound => "not_found",
            AppError::SignInRequired => "sign_in_required",
            AppError::SecondFactorRequired => "second_factor_required",
            AppError::Unauthorized => "unauthorized",
            AppError::Csrf => "csrf",
            AppError::CrossOrigin => "cross_origin",
            AppError::Throttled(_) => "throttled",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadInput(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignInRequired | AppError::SecondFactorRequired | AppError::Unauthorized => {
                StatusCode::UNAUTHORIZED
            }
            AppError::Csrf | AppError::CrossOrigin => StatusCode::FORBIDDEN,
            AppError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> String {
        match self {
            AppError::BadInput(e) | AppError::Conflict(e) => e.to_string(),
            AppError::NotFound => "That page does not exist.".into(),
            AppError::SignInRequired | AppError::Unauthorized => "Please sign in.".into(),
            AppError::SecondFactorRequired => "Please finish signing in with your two-factor code.".into(),
            AppError::Csrf => {
                "This form has expired or did not come from this site. Please go back, reload and try again.".into()
            }
            AppError::CrossOrigin => "Requests from other sites are refused.".into(),
            AppError::Throttled(seconds) if *seconds >= 120 => {
                format!("Too many tries. Please wait {} minutes and try again.", seconds.div_ceil(60))
            }
            AppError::Throttled(seconds) => format!("Too many tries. Please wait {seconds} seconds and try again."),
            AppError::Internal(_) => {
                "Something went wrong on our side, and what you just sent may not have been saved. Please check, and try again in a moment."
                    .into()
            }
        }
    }

    /// The message in the reader's language, for a page: what was wrong with
    /// an input in the words of the form (`I18n::problem`), else the
    /// variant's own message (`error.<code>`), else the English.
    pub fn page_message(&self, l: &words::I18n) -> String {
        match self {
            AppError::BadInput(e) | AppError::Conflict(e) => l.problem(e),
            AppError::Throttled(seconds) if *seconds >= 120 => {
                l.ta("error.throttled_minutes", &[("minutes", &seconds.div_ceil(60).to_string())])
            }
            AppError::Throttled(seconds) => l.ta("error.throttled_seconds", &[("seconds", &seconds.to_string())]),
            other => {
                let key = format!("error.{}", other.code());
                if l.has(&key) { l.t(&key).to_string() } else { other.message() }
            }
        }
    }

    fn log(&self) {
        if let AppError::Internal(cause) = self {
            tracing::error!(code = self.code(), cause = %cause, "request failed");
        }
    }
}

impl From<store::StoreError> for AppError {
    fn from(e: store::StoreError) -> Self {
        match e {
            store::StoreError::Duplicate(m) => AppError::BadInput(InputError::from_text(m).because(Code::AlreadyDone)),
            e @ store::StoreError::BadText => {
                AppError::BadInput(InputError::from_text(e.to_string()).because(Code::ControlCharacter))
            }
            store::StoreError::NotFound(_) => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<service::ServiceError> for AppError {
    fn from(e: service::ServiceError) -> Self {
        match e {
            // Pages re-show their form with the reason either way.
            service::ServiceError::Input(e) | service::ServiceError::Conflict(e) => AppError::BadInput(e),
            service::ServiceError::NotFound(_) => AppError::NotFound,
            service::ServiceError::Store(e) => AppError::from(e),
        }
    }
}

impl From<coach::InputError> for AppError {
    fn from(e: coach::InputError) -> Self {
        AppError::BadInput(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        if matches!(self, AppError::SignInRequired) {
            return Redirect::to("/signin").into_response();
        }
        if matches!(self, AppError::SecondFactorRequired) {
            return Redirect::to("/2fa").into_response();
        }
        let status = self.status();
        let mut res = (status, crate::layout::error_page(status.as_u16(), &self.page_message(&crate::i18n::current())))
            .into_response();
        if let AppError::Throttled(seconds) = self {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        res
    }
}

/// The same errors, as JSON for the API.
#[derive(Debug)]
pub struct ApiError(pub AppError);

macro_rules! api_from {
    ($($t:ty),*) => {$(
        impl From<$t> for ApiError {
            fn from(e: $t) -> Self {
                ApiError(e.into())
            }
        }
    )*};
}

api_from!(store::StoreError, coach::InputError);

impl From<service::ServiceError> for ApiError {
    fn from(e: service::ServiceError) -> Self {
        match e {
            service::ServiceError::Conflict(m) => ApiError(AppError::Conflict(m)),
            other => ApiError(other.into()),
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let message = self.0.message();
        // Our refusals know their field (none for a paused one, whose
        // headline "Stop: …" is no field); others name it in the message.
        let field = match &self.0 {
            AppError::BadInput(e) | AppError::Conflict(e) => Some(e.field.as_str()).filter(|f| !f.is_empty()),
            _ => coach::error::field_of(&message),
        };
        api_error_body(self.0.status(), self.0.code(), self.0.reason(), field, &message)
    }
}

/// Every API error has one shape: `{"error": {"code", "reason", "field", "message"}}`.
/// The field is the one the refusal is about (serde's and axum's name theirs
/// in the message: `pain_peak: …`).
pub fn api_error_body(
    status: StatusCode,
    code: &str,
    reason: Option<&str>,
    field: Option<&str>,
    message: &str,
) -> Response {
    let body = json!({ "error": { "code": code, "reason": reason, "field": field, "message": message } });
    let mut res = (status, axum::Json(body)).into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        res.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("2"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (#11): the 500 page said "Nothing you entered was lost" when
    /// nothing had been saved.
    /// Every page error speaks the reader's language; English is the
    /// message the API gives.
    #[test]
    fn page_errors_are_in_the_readers_language() {
        use words::{I18n, Lang};
        let (en, es) = (I18n::english(), I18n::of(Lang::Es));
        for e in [
            AppError::NotFound,
            AppError::SignInRequired,
            AppError::Unauthorized,
            AppError::SecondFactorRequired,
            AppError::Csrf,
            AppError::CrossOrigin,
            AppError::Throttled(30),
            AppError::Throttled(600),
            AppError::Internal("boom".into()),
        ] {
            assert_eq!(e.page_message(&en), e.message());
            assert_ne!(e.page_message(&es), e.message(), "{e:?}");
        }
        assert_eq!(
            AppError::Throttled(600).page_message(&es),
            "Demasiados intentos. Espere 10 minutos e inténtelo de nuevo."
        );
    }

    #[test]
    fn an_error_on_our_side_never_claims_nothing_was_lost() {
        let page = AppError::Internal("boom".into()).message();
        assert!(!page.contains("was lost") && page.contains("may not have been saved"), "{page}");
    }
}
