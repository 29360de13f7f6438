//! The editor's safety, each rule with a test (issue 17; docs/SAFETY.md
//! 56–57): loopback only, the `Host` check, the token, `Origin` on writes,
//! capped bodies, the Content-Security-Policy, no path outside FILE's
//! folder, malformed HTTP, slow clients and floods.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;

const SCHOOL: &str = "Bernardus";

#[test]
fn binds_the_loopback_address_only() {
    let dir = folder("loopback");
    let editor = start(&dir, Some("school.json"));
    assert!(editor.addr.ip().is_loopback());
    assert_eq!(editor.addr.ip().to_string(), "127.0.0.1");
    // Not reachable on another address of this machine.
    if let Ok(addrs) = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("10.255.255.255:9").map(|()| s))
        .and_then(|s| s.local_addr())
        && !addrs.ip().is_loopback()
        && !addrs.ip().is_unspecified()
    {
        let other = std::net::SocketAddr::new(addrs.ip(), editor.addr.port());
        assert!(TcpStream::connect_timeout(&other, Duration::from_secs(1)).is_err());
    }
}

#[test]
fn only_its_own_host_names_are_answered() {
    let dir = folder("host");
    let editor = start(&dir, Some("school.json"));
    let port = editor.addr.port();
    let ask = |host: &str| {
        raw(
            editor.addr,
            format!(
                "GET /api/document?t={} HTTP/1.1\r\nHost: {host}\r\n\r\n",
                editor.token
            )
            .as_bytes(),
        )
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        let a = ask(&host);
        assert_eq!(a.status, 200, "{host}");
        assert!(a.text().contains(SCHOOL));
    }
    for host in [
        format!("evil.example:{port}"),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        format!("127.0.0.1.evil.example:{port}"),
        format!("[::1]:{port}"),
        String::new(),
    ] {
        let a = ask(&host);
        assert_eq!(a.status, 403, "{host:?}");
        assert!(!a.text().contains(SCHOOL));
    }
    let a = raw(
        editor.addr,
        format!("GET /api/document?t={} HTTP/1.1\r\n\r\n", editor.token).as_bytes(),
    );
    assert_eq!(a.status, 403, "no Host at all");
}

#[test]
fn without_the_token_nothing_is_learnt() {
    let dir = folder("token");
    let editor = start(&dir, Some("school.json"));
    let host = editor.host();
    let wrong = "0".repeat(editor.token.len());
    let short = &editor.token[..8];
    for path in [
        "/".to_string(),
        "/api/document".to_string(),
        format!("/api/document?t={wrong}"),
        format!("/api/document?t={short}"),
        "/app.js".to_string(),
        "/api/roles".to_string(),
        "/nonexistent".to_string(),
    ] {
        let a = raw(
            editor.addr,
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        );
        assert_eq!(a.status, 403, "{path}");
        assert!(!a.text().contains(SCHOOL), "{path}");
        assert_eq!(a.text(), "Forbidden", "{path}: says nothing more");
    }
    // A write without the token changes nothing.
    let before = std::fs::read(dir.join("school.json")).unwrap();
    let a = raw(
        editor.addr,
        format!(
            "POST /api/save?version=x&force=1 HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}",
            editor.origin()
        )
        .as_bytes(),
    );
    assert_eq!(a.status, 403);
    assert_eq!(std::fs::read(dir.join("school.json")).unwrap(), before);
    // The header works as well as the query.
    let a = raw(
        editor.addr,
        format!(
            "GET /api/document HTTP/1.1\r\nHost: {host}\r\nX-Cirkel-Token: {}\r\n\r\n",
            editor.token
        )
        .as_bytes(),
    );
    assert_eq!(a.status, 200);
}

#[test]
fn writes_come_from_the_page_only() {
    let dir = folder("origin");
    let editor = start(&dir, Some("school.json"));
    let before = std::fs::read(dir.join("school.json")).unwrap();
    let body = br#"{"version":1,"school":{"name":"Gekaapt"}}"#;
    let save = |extra: &str, kind: &str| {
        let mut req = format!(
            "POST /api/save?force=1&t={} HTTP/1.1\r\nHost: {}\r\n{extra}Content-Type: {kind}\r\nContent-Length: {}\r\n\r\n",
            editor.token,
            editor.host(),
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(body);
        raw(editor.addr, &req)
    };
    for (extra, kind) in [
        ("", "application/json"),
        ("Origin: https://evil.example\r\n", "application/json"),
        ("Origin: null\r\n", "application/json"),
        (
            &format!("Origin: http://127.0.0.1:{}\r\n", editor.addr.port() + 1)[..],
            "application/json",
        ),
        (
            &format!(
                "Origin: {}\r\nSec-Fetch-Site: cross-site\r\n",
                editor.origin()
            )[..],
            "application/json",
        ),
        // A "simple" cross-site form post.
        (
            &format!("Origin: {}\r\n", editor.origin())[..],
            "text/plain",
        ),
        (
            &format!("Origin: {}\r\n", editor.origin())[..],
            "application/x-www-form-urlencoded",
        ),
        (
            &format!("Origin: {}\r\n", editor.origin())[..],
            "multipart/form-data; boundary=x",
        ),
    ] {
        let a = save(extra, kind);
        assert!(
            a.status == 403 || a.status == 415,
            "{extra:?} {kind}: {}",
            a.status
        );
        assert_eq!(
            std::fs::read(dir.join("school.json")).unwrap(),
            before,
            "{extra:?} {kind}"
        );
    }
}

#[test]
fn bodies_are_capped_before_they_are_read() {
    let dir = folder("body");
    let editor = start(&dir, Some("school.json"));
    // Announces 30 MB and sends none of it: refused at once.
    let started = Instant::now();
    let a = raw(
        editor.addr,
        format!(
            "POST /api/check HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nX-Cirkel-Token: {}\r\nContent-Type: application/json\r\nContent-Length: 30000000\r\n\r\n",
            editor.host(),
            editor.origin(),
            editor.token
        )
        .as_bytes(),
    );
    assert_eq!(a.status, 413);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    // Chunked bodies are not taken at all.
    let a = raw(
        editor.addr,
        format!(
            "POST /api/check HTTP/1.1\r\nHost: {}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            editor.host()
        )
        .as_bytes(),
    );
    assert_eq!(a.status, 501);
    // A head of more than 16 KiB.
    let long = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Long: {}\r\n\r\n",
        editor.host(),
        "a".repeat(20_000)
    );
    assert_eq!(raw(editor.addr, long.as_bytes()).status, 431);
    // A photo past 2 MB.
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(3 << 20, 0);
    let a = editor.post_as(
        "/api/photo?name=groot.png",
        &big,
        "application/octet-stream",
    );
    assert_eq!(a.status, 422);
}

#[test]
fn the_page_runs_only_its_own_code() {
    let dir = folder("csp");
    let editor = start(&dir, Some("school.json"));
    let page = editor.get("/");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ] {
        assert!(csp.contains(part), "{csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert_eq!(
        page.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
    let html = page.text();
    // No inline script or style, nothing from elsewhere.
    assert!(!html.contains("<script>") && !html.contains("<style") && !html.contains(" style="));
    assert!(!html.contains("onclick") && !html.contains("javascript:"));
    for asset in [
        html.clone(),
        editor.get("/app.js").text(),
        editor.get("/style.css").text(),
    ] {
        assert!(
            !asset.contains("https://") && !asset.contains("http://"),
            "an address outside"
        );
        assert!(
            !asset.contains("innerHTML") && !asset.contains("eval("),
            "no HTML from data"
        );
    }
    // Every answer carries the policy, refusals too.
    let refused = raw(editor.addr, b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n");
    assert!(refused.header("content-security-policy").is_some());
}

#[test]
fn no_path_leads_outside_the_files_folder() {
    let dir = folder("paths");
    let editor = start(&dir, Some("school.json"));
    let outside = dir
        .parent()
        .unwrap()
        .join(format!("buiten-{}.png", std::process::id()));
    let png = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/photos/sanne.png"),
    )
    .unwrap();
    std::fs::write(&outside, &png).unwrap();
    // Upload names are made safe: always fotos/NAME in the folder.
    for name in [
        "../../evil.png",
        "..%2f..%2fevil.png",
        "/etc/evil.png",
        "C:\\evil.png",
        ".hidden.png",
        "%00.png",
    ] {
        let a = editor.post_as(
            &format!("/api/photo?name={name}"),
            &png,
            "application/octet-stream",
        );
        if a.status == 200 {
            let path = a.json()["path"].as_str().unwrap().to_string();
            assert!(
                path.starts_with("fotos/") && !path.contains(".."),
                "{name}: {path}"
            );
            assert!(
                !path[6..].contains('/') && !path.contains('\\'),
                "{name}: {path}"
            );
            assert!(dir.join(&path).is_file(), "{name}");
        } else {
            assert_eq!(a.status, 400, "{name}");
        }
    }
    assert!(!dir.parent().unwrap().join("evil.png").exists());
    // A photo path in the document cannot read outside the folder.
    let doc = format!(
        r#"{{"version":1,"school":{{"name":"A"}},"members":[{{"id":"a","role":"ib","photo":"../{}"}}]}}"#,
        outside.file_name().unwrap().to_string_lossy()
    );
    let a = editor.post("/api/check", doc.as_bytes());
    assert_eq!(a.status, 200);
    assert_eq!(a.json()["ok"], false);
    assert!(a.text().contains("photo"), "{}", a.text());
    for p in [
        "/etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        "/proc/self/environ",
    ] {
        let doc = format!(
            r#"{{"version":1,"school":{{"name":"A"}},"members":[{{"id":"a","role":"ib","photo":"{p}"}}]}}"#
        );
        assert_eq!(
            editor.post("/api/check", doc.as_bytes()).json()["ok"],
            false,
            "{p}"
        );
    }
    // A new file's name is a plain name in the folder.
    drop(editor);
    let editor = start(&dir, None);
    for name in [
        "../uit.json",
        "/tmp/uit.json",
        "sub/uit.json",
        ".verborgen.json",
        "school.json",
    ] {
        let a = editor.post(&format!("/api/save?name={name}"), b"{}");
        assert_eq!(a.status, 400, "{name}: {}", a.text());
    }
    // Any other name is a JSON file in the folder ("uit.exe" is "uit.exe.json").
    let a = editor.post("/api/save?name=uit.exe", b"{}");
    assert_eq!(a.json()["name"], "uit.exe.json", "{}", a.text());
    assert!(!dir.parent().unwrap().join("uit.json").exists());
    let _ = std::fs::remove_file(outside);
}

#[test]
fn malformed_requests_get_400_and_the_server_goes_on() {
    let dir = folder("malformed");
    let editor = start(&dir, Some("school.json"));
    for bad in [
        &b"\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET http://evil.example/ HTTP/1.1\r\n\r\n",
        b"get / HTTP/1.1\r\n\r\n",
        b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
        b"GET / HTTP/1.1\r\nHo st: a\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"\xff\xfe\x00\x01\r\n\r\n",
        b"GET / HTTP/1.1\r\nX: \x01\r\n\r\n",
    ] {
        let a = raw(editor.addr, bad);
        assert_eq!(a.status, 400, "{:?}", String::from_utf8_lossy(bad));
    }
    assert_eq!(editor.get("/api/document").status, 200);
}

#[test]
fn slow_clients_and_floods_are_survived() {
    let dir = folder("flood");
    let editor = start(&dir, Some("school.json"));
    // Clients that connect and send nothing, or a byte now and then.
    let idle: Vec<TcpStream> = (0..12)
        .map(|_| TcpStream::connect(editor.addr).unwrap())
        .collect();
    let mut slow = TcpStream::connect(editor.addr).unwrap();
    slow.write_all(b"GET / HT").unwrap();
    // A flood of connections at once.
    let flood: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(editor.addr).ok())
        .collect();
    drop(flood);
    // The page still answers, within the slow clients' deadline.
    let started = Instant::now();
    loop {
        let a = editor.get("/api/document");
        if a.status == 200 {
            break;
        }
        assert_eq!(a.status, 503, "busy, or answered");
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "never answered"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    drop(idle);
    drop(slow);
    // Many requests one after another.
    for _ in 0..50 {
        assert_eq!(editor.get("/api/roles").status, 200);
    }
}
