//! A motion recording read and analysed for the web page and the API alike:
//! off the async threads, one upload at a time.

use crate::error::AppError;
use crate::state::AppState;
use jiff::civil::Date;

/// The largest upload: one recording of up to 30 minutes, with room to spare.
pub const UPLOAD_LIMIT: usize = service::motion::MOST_BYTES + 64 * 1024;

/// Reads and analyses a recording off the async threads, one upload at a
/// time (the activity imports' turn): a 32 MB file takes a moment of CPU and
/// some memory, and several at once must not starve the other requests.
pub async fn analysed(
    state: &AppState,
    s: &std::sync::Arc<service::State>,
    date: Date,
    name: String,
    bytes: axum::body::Bytes,
    known: service::motion::Known,
) -> Result<Result<service::motion::Analysed, service::ServiceError>, AppError> {
    let _turn = state.import_turn().acquire().await.map_err(|_| AppError::Internal("import queue closed".into()))?;
    let s = std::sync::Arc::clone(s);
    tokio::task::spawn_blocking(move || {
        service::motion::analysed(&s, date, &service::motion::Upload { source: &name, bytes: &bytes, known: &known })
    })
    .await
    .map_err(|_| AppError::Internal("the recording's analysis stopped".into()))
}
