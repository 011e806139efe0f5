//! The server's log, written to standard error in batches.
//!
//! One line per request, written as it happens, was one system call and a
//! lock on stderr per request: a third of the JSON API's throughput under
//! load (bench/api.sh, 200 connections: 29,000 → 44,000 requests/s without
//! it). Lines now gather in memory and a thread writes them every
//! [`EVERY`]; warnings and errors are written at once (after what came
//! before them), and a full batch is written by whoever fills it, so memory
//! stays bounded when standard error is slow.

use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tracing::{Level, Metadata};
use tracing_subscriber::fmt::MakeWriter;

/// How long a line may wait before it is written.
const EVERY: Duration = Duration::from_millis(200);
/// A batch this large is written by the request that fills it.
const FULL: usize = 256 * 1024;

type Sink = Arc<Mutex<dyn Write + Send>>;

#[derive(Clone)]
pub struct BatchedStderr {
    pending: Arc<Mutex<Vec<u8>>>,
    /// Standard error (a buffer in tests).
    sink: Sink,
    /// No writer thread could be started: every line goes out at once.
    unbatched: bool,
}

impl BatchedStderr {
    /// Starts the thread that writes batches (it lives as long as the process).
    pub fn start() -> BatchedStderr {
        let mut log = BatchedStderr::to(Arc::new(Mutex::new(std::io::stderr())));
        let writer = log.clone();
        let started = std::thread::Builder::new().name("log-writer".into()).spawn(move || {
            loop {
                std::thread::sleep(EVERY);
                writer.flush();
            }
        });
        log.unbatched = started.is_err();
        log
    }

    fn to(sink: Sink) -> BatchedStderr {
        BatchedStderr { pending: Arc::new(Mutex::new(Vec::with_capacity(64 * 1024))), sink, unbatched: false }
    }

    fn pending(&self) -> MutexGuard<'_, Vec<u8>> {
        // A panic while holding the lock leaves whole lines behind: keep them.
        self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes what has gathered, in order.
    pub fn flush(&self) {
        let mut pending = self.pending();
        if !pending.is_empty() {
            // A log that cannot be written is not worth failing a request for.
            if let Ok(mut sink) = self.sink.lock() {
                let _ = sink.write_all(&pending);
                let _ = sink.flush();
            }
            pending.clear();
        }
    }
}

/// One line on its way: into the batch, or (for warnings and errors)
/// straight out after the batch.
pub struct LineWriter<'a> {
    log: &'a BatchedStderr,
    at_once: bool,
}

impl Write for LineWriter<'_> {
    fn write(&mut self, line: &[u8]) -> std::io::Result<usize> {
        let mut pending = self.log.pending();
        pending.extend_from_slice(line);
        let full = pending.len() >= FULL;
        drop(pending);
        if self.at_once || full {
            self.log.flush();
        }
        Ok(line.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for BatchedStderr {
    type Writer = LineWriter<'a>;

    fn make_writer(&'a self) -> Self::Writer {
        LineWriter { log: self, at_once: self.unbatched }
    }

    fn make_writer_for(&'a self, meta: &Metadata<'_>) -> Self::Writer {
        LineWriter { log: self, at_once: self.unbatched || *meta.level() <= Level::WARN }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_gather_until_written_and_warnings_go_at_once() {
        let written = Arc::new(Mutex::new(Vec::<u8>::new()));
        let log = BatchedStderr::to(written.clone());
        let mut request = log.make_writer();
        request.write_all(b"GET /today 200\n").unwrap();
        assert_eq!(log.pending().as_slice(), b"GET /today 200\n");
        log.flush();
        assert!(log.pending().is_empty());
        assert_eq!(written.lock().unwrap().as_slice(), b"GET /today 200\n");
        request.write_all(b"GET /plan 200\n").unwrap();
        LineWriter { log: &log, at_once: true }.write_all(b"WARN the database is slow\n").unwrap();
        assert!(log.pending().is_empty(), "a warning writes the batch before it, then itself");
        assert!(written.lock().unwrap().ends_with(b"GET /plan 200\nWARN the database is slow\n"));
        request.write_all(&vec![b'x'; FULL]).unwrap();
        assert!(log.pending().is_empty(), "a full batch is written by whoever fills it");
    }
}
