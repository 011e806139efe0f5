//! Extractors that make authentication and CSRF impossible to forget: a page
//! handler that takes `SignedIn` only runs for a signed-in walker, and one that
//! takes `CsrfForm<T>` only runs when the form's token matches.

use super::{ANON_CSRF_COOKIE, SESSION_COOKIE, digest, is_token, same_secret};
use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Method, header};
use serde::de::DeserializeOwned;
use store::Account;

/// The value of cookie `name`, if sent (parsed by axum-extra's cookie jar).
pub fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    axum_extra::extract::CookieJar::from_headers(headers).get(name).map(|c| c.value().to_string())
}

/// A signed-in walker with their session's CSRF token.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub account: Account,
    /// The account's own walker, granted by the access rule.
    pub access: service::Access,
    /// The walker's state version when this request began.
    pub walker_version: i64,
    pub csrf: String,
    pub token_digest: String,
    /// The client's address, for the access log.
    pub client: String,
    /// The account must pass a second factor and this session has not yet:
    /// only `/2fa` and sign-out take it (see [`PendingSignIn`]).
    pub second_factor_pending: bool,
}

/// A session that has passed every factor it needs, or why not.
fn complete(who: Option<SignedIn>) -> Result<SignedIn, AppError> {
    match who {
        None => Err(AppError::SignInRequired),
        Some(w) if w.second_factor_pending => Err(AppError::SecondFactorRequired),
        Some(w) => Ok(w),
    }
}

impl SignedIn {
    /// Who is asking, for the access rule.
    pub fn actor(&self) -> service::Actor {
        service::Actor::account(&self.account)
    }
}

async fn session_from(
    headers: &axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
    state: &AppState,
) -> Result<Option<SignedIn>, AppError> {
    let Some(token) = cookie(headers, SESSION_COOKIE).filter(|t| is_token(t)) else { return Ok(None) };
    let token_digest = digest(&token);
    let found = state.sessions().session(state.store(), &token_digest, state.now()).await?;
    let Some(session) = found else { return Ok(None) };
    let access = service::own(state.store(), &service::Actor::account(&session.account)).await?;
    let second_factor_pending = !session.second_factor && super::second_factor::required(state, &session.account);
    Ok(Some(SignedIn {
        access,
        second_factor_pending,
        account: session.account,
        walker_version: session.walker_version,
        csrf: session.csrf_token,
        token_digest,
        client: client_of(extensions),
    }))
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        complete(session_from(&parts.headers, &parts.extensions, state).await?)
    }
}

/// A session that may still owe its second factor: for `/2fa` alone.
pub struct PendingSignIn(pub SignedIn);

impl FromRequestParts<AppState> for PendingSignIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let who = session_from(&parts.headers, &parts.extensions, state).await?.ok_or(AppError::SignInRequired)?;
        Ok(PendingSignIn(who))
    }
}

/// The signed-in walker, if any (pages that also work signed out); a session
/// still owing its second factor counts as not signed in.
pub struct MaybeSignedIn(pub Option<SignedIn>);

impl FromRequestParts<AppState> for MaybeSignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let who = session_from(&parts.headers, &parts.extensions, state).await?;
        Ok(MaybeSignedIn(who.filter(|w| !w.second_factor_pending)))
    }
}

/// A form posted by a signed-in walker, with its CSRF token checked.
pub struct CsrfForm<T> {
    pub who: SignedIn,
    pub form: T,
}

/// [`CsrfForm`] from a session that may still owe its second factor: the
/// code form at `/2fa`, and sign-out.
pub struct PendingForm<T> {
    pub who: SignedIn,
    pub form: T,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for PendingForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let who = session_from(req.headers(), req.extensions(), state).await?.ok_or(AppError::SignInRequired)?;
        let (form, csrf) = form_body(req).await?;
        if !same_secret(&csrf, &who.csrf) {
            return Err(AppError::Csrf);
        }
        Ok(PendingForm { who, form })
    }
}

/// A form posted before sign-in, checked against the double-submit cookie.
pub struct AnonForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// How much a form may weigh on a route that allows more than the usual
/// 64 KB (as an extension set on the route: the log, whose note may be
/// pasted far too long and must still come back with the rest kept).
#[derive(Clone, Copy)]
pub struct FormLimit(pub usize);

/// Reads a url-encoded body: (the form, its CSRF field). Read as HTML forms
/// send it (serde_html_form, as axum-extra's `Form`): a field that repeats,
/// like a group of check boxes, fills a `Vec`.
async fn form_body<T: DeserializeOwned>(req: Request) -> Result<(T, String), AppError> {
    let limit = req.extensions().get::<FormLimit>().map_or(64 * 1024, |l| l.0);
    let bytes = axum::body::to_bytes(req.into_body(), limit)
        .await
        .map_err(|_| AppError::bad("the form is too large").said("refusal.form_too_large", &[]))?;
    let raw = std::str::from_utf8(&bytes).map_err(|_| AppError::unexpected("the form is not valid text"))?;
    let token: CsrfField = serde_html_form::from_str(raw).map_err(|_| AppError::Csrf)?;
    let form: T =
        serde_html_form::from_str(raw).map_err(|e| AppError::unexpected(format!("the form could not be read: {e}")))?;
    Ok((form, token.csrf))
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let PendingForm { who, form } = PendingForm::from_request(req, state).await?;
        Ok(CsrfForm { who: complete(Some(who))?, form })
    }
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for AnonForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, _state: &AppState) -> Result<Self, Self::Rejection> {
        let cookie_token = cookie(req.headers(), ANON_CSRF_COOKIE).filter(|t| is_token(t));
        let (form, csrf) = form_body(req).await?;
        match cookie_token {
            Some(t) if same_secret(&csrf, &t) => Ok(AnonForm(form)),
            _ => Err(AppError::Csrf),
        }
    }
}

/// The account behind an API call: a bearer token, or the browser's session
/// (then writes must carry the session's CSRF token in `X-CSRF-Token`).
pub struct ApiAccount {
    pub account: Account,
    /// The account's own walker, granted by the access rule.
    pub access: service::Access,
}

impl ApiAccount {
    async fn new(state: &AppState, account: Account) -> Result<ApiAccount, ApiError> {
        let access = service::own(state.store(), &service::Actor::account(&account)).await.map_err(AppError::from)?;
        Ok(ApiAccount { account, access })
    }
}

impl FromRequestParts<AppState> for ApiAccount {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if let Some(token) = bearer {
            let account = state
                .sessions()
                .token_account(state.store(), &digest(token), state.now())
                .await
                .map_err(AppError::from)?;
            let account = account.ok_or(ApiError(AppError::Unauthorized))?;
            return ApiAccount::new(state, account).await;
        }
        let who = session_from(&parts.headers, &parts.extensions, state)
            .await?
            .filter(|w| !w.second_factor_pending)
            .ok_or(ApiError(AppError::Unauthorized))?;
        let safe = matches!(parts.method, Method::GET | Method::HEAD);
        let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
        if !safe && !sent.is_some_and(|s| same_secret(s, &who.csrf)) {
            return Err(ApiError(AppError::Csrf));
        }
        Ok(ApiAccount { account: who.account, access: who.access })
    }
}

/// A signed-in walker's upload (multipart form) whose first field is the
/// session's CSRF token: the handler gets the rest of the form only after the
/// token matched, so nothing is read from an upload that is not ours and no
/// upload handler can forget the check. (The pages put the token first.)
pub struct CsrfMultipart {
    pub who: SignedIn,
    pub multipart: axum::extract::Multipart,
}

impl FromRequest<AppState> for CsrfMultipart {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let who = SignedIn::from_request_parts(&mut parts, state).await?;
        let mut multipart = axum::extract::Multipart::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|e| AppError::upload(e.status()))?;
        // Too large is said as that even before the token is read (a body
        // sent in one piece fails at its first part); it changes nothing.
        let first = multipart
            .next_field()
            .await
            .map_err(|e| {
                if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::upload(e.status())
                } else {
                    AppError::Csrf
                }
            })?
            .ok_or(AppError::Csrf)?;
        if first.name() != Some("csrf") {
            return Err(AppError::Csrf);
        }
        let sent = first.text().await.map_err(|_| AppError::Csrf)?;
        if !same_secret(&sent, &who.csrf) {
            return Err(AppError::Csrf);
        }
        Ok(CsrfMultipart { who, multipart })
    }
}

/// The client's address, for throttling: the connection's peer. (Behind a
/// proxy every client shares the proxy's address; the limits then apply to
/// all together, which errs on the safe side.) `unknown` in-process tests.
pub struct ClientAddr(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(client_of(&parts.extensions)))
    }
}

fn client_of(extensions: &axum::http::Extensions) -> String {
    let peer = extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
    peer.map_or_else(|| "unknown".to_string(), |c| c.0.ip().to_string())
}
