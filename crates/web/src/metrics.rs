//! Prometheus metrics at `/metrics`: requests by route pattern, method and
//! status, a latency histogram per route, and the database pool. Labels are
//! route patterns (`/activities/{id}`), never paths, queries or anything a
//! walker typed, so no health data can reach a metrics system.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

#[derive(Default)]
struct Histogram {
    /// Counts per bucket (not cumulative; summed when rendered).
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// One route's counts: requests by (method, status), and its latencies.
#[derive(Default)]
struct RouteStats {
    requests: Vec<((&'static str, u16), u64)>,
    latency: Histogram,
}

#[derive(Default)]
struct Counts {
    routes: HashMap<String, RouteStats>,
}

pub struct Metrics {
    counts: Mutex<Counts>,
    started: std::time::Instant,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics { counts: Mutex::default(), started: std::time::Instant::now() }
    }
}

/// The method as a fixed label; anything unusual is "other".
fn method_label(m: &axum::http::Method) -> &'static str {
    use axum::http::Method as M;
    match *m {
        M::GET => "GET",
        M::HEAD => "HEAD",
        M::POST => "POST",
        M::PUT => "PUT",
        M::DELETE => "DELETE",
        M::PATCH => "PATCH",
        M::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// A label value with Prometheus's three escapes.
fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// What the database pool reports: connections open, idle, and the most allowed.
pub struct PoolStats {
    pub open: u32,
    pub idle: usize,
    pub max: u32,
}

impl Metrics {
    /// Counts one answered request. `route` is the matched pattern or "unmatched".
    pub fn record(&self, route: &str, method: &axum::http::Method, status: u16, took: Duration) {
        let Ok(mut c) = self.counts.lock() else { return };
        // Found by &str: a request allocates nothing here once its route is known.
        if !c.routes.contains_key(route) {
            c.routes.insert(route.to_string(), RouteStats::default());
        }
        let Some(stats) = c.routes.get_mut(route) else { return };
        let key = (method_label(method), status);
        match stats.requests.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => stats.requests.push((key, 1)),
        }
        let h = &mut stats.latency;
        let secs = took.as_secs_f64();
        if let Some(i) = BUCKETS.iter().position(|b| secs <= *b) {
            h.buckets[i] += 1;
        }
        h.count += 1;
        h.sum += secs;
    }

    /// The text exposition format, version 0.0.4.
    pub fn render(&self, pool: &PoolStats, backend: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# HELP retrowalk_build_info The running version and database backend.");
        let _ = writeln!(out, "# TYPE retrowalk_build_info gauge");
        let _ =
            writeln!(out, "retrowalk_build_info{{version=\"{}\",backend=\"{backend}\"}} 1", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(out, "# HELP retrowalk_uptime_seconds Seconds since the server started.");
        let _ = writeln!(out, "# TYPE retrowalk_uptime_seconds gauge");
        let _ = writeln!(out, "retrowalk_uptime_seconds {:.3}", self.started.elapsed().as_secs_f64());
        let _ = writeln!(out, "# HELP retrowalk_db_pool_connections Database connections by state.");
        let _ = writeln!(out, "# TYPE retrowalk_db_pool_connections gauge");
        let in_use = (pool.open as usize).saturating_sub(pool.idle);
        let _ = writeln!(out, "retrowalk_db_pool_connections{{state=\"idle\"}} {}", pool.idle);
        let _ = writeln!(out, "retrowalk_db_pool_connections{{state=\"in_use\"}} {in_use}");
        let _ = writeln!(out, "# HELP retrowalk_db_pool_max_connections The most connections the pool opens.");
        let _ = writeln!(out, "# TYPE retrowalk_db_pool_max_connections gauge");
        let _ = writeln!(out, "retrowalk_db_pool_max_connections {}", pool.max);
        let Ok(c) = self.counts.lock() else { return out };
        let _ = writeln!(
            out,
            "# HELP retrowalk_http_requests_total Requests answered, by route pattern, method and status."
        );
        let _ = writeln!(out, "# TYPE retrowalk_http_requests_total counter");
        let mut routes: Vec<(&String, &RouteStats)> = c.routes.iter().collect();
        routes.sort_by(|a, b| a.0.cmp(b.0));
        for (route, stats) in &routes {
            let mut requests = stats.requests.clone();
            requests.sort();
            for ((method, status), n) in requests {
                let _ = writeln!(
                    out,
                    "retrowalk_http_requests_total{{route=\"{}\",method=\"{method}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        let _ = writeln!(out, "# HELP retrowalk_http_request_duration_seconds Time to answer, by route pattern.");
        let _ = writeln!(out, "# TYPE retrowalk_http_request_duration_seconds histogram");
        for (route, stats) in routes {
            let (route, h) = (escape(route), &stats.latency);
            let mut cumulative = 0;
            for (bound, n) in BUCKETS.iter().zip(h.buckets) {
                cumulative += n;
                let _ = writeln!(
                    out,
                    "retrowalk_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "retrowalk_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(out, "retrowalk_http_request_duration_seconds_sum{{route=\"{route}\"}} {}", h.sum);
            let _ = writeln!(out, "retrowalk_http_request_duration_seconds_count{{route=\"{route}\"}} {}", h.count);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_buckets_render_in_the_text_format() {
        let m = Metrics::default();
        m.record("/today", &axum::http::Method::GET, 200, Duration::from_micros(800));
        m.record("/today", &axum::http::Method::GET, 200, Duration::from_millis(30));
        m.record("/a\"b", &axum::http::Method::POST, 422, Duration::from_secs(9));
        let text = m.render(&PoolStats { open: 3, idle: 1, max: 8 }, "sqlite");
        assert!(text.contains("retrowalk_http_requests_total{route=\"/today\",method=\"GET\",status=\"200\"} 2"));
        assert!(text.contains("retrowalk_http_request_duration_seconds_bucket{route=\"/today\",le=\"0.001\"} 1"));
        assert!(text.contains("retrowalk_http_request_duration_seconds_bucket{route=\"/today\",le=\"0.05\"} 2"));
        assert!(text.contains("retrowalk_http_request_duration_seconds_bucket{route=\"/a\\\"b\",le=\"5\"} 0"));
        assert!(text.contains("retrowalk_http_request_duration_seconds_bucket{route=\"/a\\\"b\",le=\"+Inf\"} 1"));
        assert!(text.contains("retrowalk_db_pool_connections{state=\"in_use\"} 2"));
        assert!(text.contains("retrowalk_build_info{version=\""));
    }
}
