//! The retrowalk web app: the walker's phone is the main screen.
//!
//! Thin handlers: each extracts its input, calls one `service` function and
//! renders a template (pages) or a DTO (API). Everything is served from this
//! binary: templates are compiled in, assets are embedded, nothing is fetched
//! from anywhere else.

mod api;
mod assets;
mod auth;
mod cache;
mod charts;
pub mod demo;
mod error;
mod forms;
mod i18n;
mod layout;
mod metrics;
mod pages;
mod qr;
mod recordings;
mod routes;
mod state;

pub use auth::{new_api_token, new_invitation_code, new_reset_code, password_hash};
pub use routes::router;
pub use state::{AppState, Clock, Config};

use std::future::Future;
use tokio::net::TcpListener;

/// Serves the app on `listener` until `shutdown` completes. `main` and the
/// tests both start the server through this one entry point.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state);
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// The throttle's key for an e-mail, so tests can age failures in the store.
#[doc(hidden)]
pub fn auth_key_for_tests(email: &str) -> String {
    auth::digest(&email.trim().to_lowercase())
}

/// The TOTP code an authenticator app shows at `unix_seconds` for a base32
/// secret, so tests can pass the second factor as a clinician would.
#[doc(hidden)]
pub fn totp_code_for_tests(secret: &str, unix_seconds: i64) -> Option<String> {
    auth::second_factor::code_at(secret, unix_seconds)
}

/// The largest activity file read from one upload (web or API).
pub const FILE_LIMIT: usize = service::FILE_LIMIT;
