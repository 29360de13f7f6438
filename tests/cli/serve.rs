//! `cirkel serve` as a user starts it: the address on standard output,
//! a save through the API that `cirkel check` accepts, and SIGTERM and
//! SIGINT stopping it cleanly.

use super::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

/// Sends one request to the editor and returns (status, body).
fn request(url: &str, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, query) = rest.split_once('/').unwrap();
    let token = query.trim_start_matches("?t=");
    let mut s = std::net::TcpStream::connect(host).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nX-Cirkel-Token: {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    s.write_all(&req).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split(' ').nth(1).unwrap().parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[cfg(unix)]
#[test]
fn serve_saves_what_check_accepts_and_stops_on_a_signal() {
    let dir = scratch("serve");
    let file = dir.join("school.json");
    std::fs::copy(EXAMPLE, &file).unwrap();
    for signal in ["TERM", "INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cirkel"))
            .args(["serve", file.to_str().unwrap(), "--no-open"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        assert!(
            first.starts_with("de editor staat open op http://127.0.0.1:"),
            "{first}"
        );
        let url = first.rsplit(' ').next().unwrap().to_string();

        let (status, body) = request(&url, "GET", "/api/document", b"");
        assert_eq!(status, 200);
        let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
        let text = doc["text"]
            .as_str()
            .unwrap()
            .replace("Haarlem", &format!("Haarlem-{signal}"));
        let version = doc["version"].as_str().unwrap();
        let (status, body) = request(
            &url,
            "POST",
            &format!("/api/save?version={version}"),
            text.as_bytes(),
        );
        assert_eq!(status, 200, "{body}");
        let out = cirkel(&["check", file.to_str().unwrap()], None);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            std::fs::read_to_string(&file)
                .unwrap()
                .contains(&format!("Haarlem-{signal}"))
        );

        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "SIG{signal}");
        let rest: Vec<String> = lines.map_while(Result::ok).collect();
        assert!(
            rest.iter().any(|l| l.contains("de editor is gestopt")),
            "{rest:?}"
        );
    }
    // The previous version is kept beside it.
    assert!(dir.join("school.json.bak").is_file());
}

#[test]
fn serve_names_a_missing_file() {
    let out = cirkel_nl(&["serve", "bestaat-niet.json", "--no-open"], None);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("bestaat-niet.json bestaat niet"),
        "{}",
        out.stderr
    );
}
