//! A running editor for a test, and a plain HTTP client that sends exactly
//! the bytes a test gives (browsers and HTTP crates would tidy them).

#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use cirkel_serve::{ServeOptions, Server};

/// An editor answering on a free port until dropped.
pub struct Editor {
    pub addr: SocketAddr,
    pub token: String,
    pub folder: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Editor {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A fresh folder holding a copy of the example school (and its photos).
pub fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cirkel-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    std::fs::copy(
        examples.join("st-bernardusschool.json"),
        dir.join("school.json"),
    )
    .unwrap();
    dir
}

/// Starts an editor for `file` in `folder` (`None`: a new file).
pub fn start(folder: &Path, file: Option<&str>) -> Editor {
    let options = ServeOptions {
        file: file.map(|f| folder.join(f)),
        folder: Some(folder.to_path_buf()),
        ..ServeOptions::default()
    };
    start_with(folder, &options)
}

pub fn start_with(folder: &Path, options: &ServeOptions) -> Editor {
    let server = Server::bind(options).unwrap();
    let addr = server.addr();
    let token = server.token().to_string();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || server.run(&flag).unwrap());
    Editor {
        addr,
        token,
        folder: folder.to_path_buf(),
        stop,
        thread: Some(thread),
    }
}

/// What came back.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// Sends `raw` as it is and reads the answer (status 0: none).
pub fn raw(addr: SocketAddr, raw: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(raw);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    parse(&out)
}

pub fn parse(out: &[u8]) -> Answer {
    let end = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(out.len());
    let head = String::from_utf8_lossy(&out[..end]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        head,
        body: out.get(end + 4..).unwrap_or_default().to_vec(),
    }
}

impl Editor {
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.addr.port())
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.addr.port())
    }

    /// A GET as the page makes it.
    pub fn get(&self, path: &str) -> Answer {
        let sep = if path.contains('?') { '&' } else { '?' };
        raw(
            self.addr,
            format!(
                "GET {path}{sep}t={} HTTP/1.1\r\nHost: {}\r\n\r\n",
                self.token,
                self.host()
            )
            .as_bytes(),
        )
    }

    /// A POST as the page makes it.
    pub fn post(&self, path: &str, body: &[u8]) -> Answer {
        self.post_as(path, body, "application/json")
    }

    pub fn post_as(&self, path: &str, body: &[u8], kind: &str) -> Answer {
        let mut req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nX-Cirkel-Token: {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n",
            self.host(),
            self.origin(),
            self.token,
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(body);
        raw(self.addr, &req)
    }
}
