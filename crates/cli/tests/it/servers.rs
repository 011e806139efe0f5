//! Real servers for tests: `retrowalk serve` as a child process, and a
//! minimal HTTP/1.1 client with cookies and forms.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Response {
    pub status: u16,
    pub cookies: Vec<String>,
    pub body: String,
}

/// One HTTP/1.1 request over a fresh connection.
pub fn http(addr: &str, method: &str, path: &str, cookie: &str, form: &str) -> Response {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
        form.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let cookies = head
        .lines()
        .filter_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .map(|c| c.split(';').next().unwrap_or_default().to_string())
        .collect();
    Response { status, cookies, body: body.to_string() }
}

pub fn csrf_in(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    html[i..i + 64].to_string()
}

/// The running server; killed when dropped, unless the test took it to stop it itself.
pub struct Server(pub Option<Child>, pub u32);

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A free port on this machine (the system picks it; it is free once returned).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap()
}

/// `retrowalk serve --demo` (and `extra` flags) on a database; returns it and its address.
pub fn serve(db: &str, extra: &[&str]) -> (Server, String) {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("retrowalk"))
        .args(["--db", db, "serve", "--demo", "--listen", &addr])
        .args(extra)
        .env_remove("RETROWALK_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let ready = lines.by_ref().map_while(Result::ok).any(|l| l.contains("retrowalk is running at"));
    assert!(ready, "the server did not start");
    // Keep draining its log so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    let pid = child.id();
    (Server(Some(child), pid), addr)
}

/// Signs in through the pages as `email` (the demo password); the session cookie.
pub fn sign_in(addr: &str, email: &str) -> String {
    let page = http(addr, "GET", "/signin", "", "");
    let anon = page.cookies.iter().find(|c| c.starts_with("rw_csrf=")).unwrap().clone();
    let form = format!(
        "csrf={}&email={}&password={}",
        csrf_in(&page.body),
        email.replace('@', "%40"),
        web::demo::DEMO_PASSWORD.replace(' ', "+")
    );
    let signed = http(addr, "POST", "/signin", &anon, &form);
    assert_eq!(signed.status, 303, "{}", signed.body);
    signed.cookies.iter().find(|c| c.starts_with("rw_session=")).unwrap().clone()
}
