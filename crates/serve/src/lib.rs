//! `cirkel serve`: a local editor for a kernteam file, in the user's own
//! browser, that keeps youth-care workers' data on the school's computer
//! (docs/CONTRACTS.md "Local editor").
//!
//! The server binds `127.0.0.1` only, on the port asked for (or a free
//! one), and prints a URL with a random token. Every request must
//!
//! - carry `Host: 127.0.0.1:PORT` or `localhost:PORT` (a page of another
//!   site that re-points its own name at 127.0.0.1 is refused: no DNS
//!   rebinding);
//! - carry the token, as `?t=TOKEN`, the header `X-Cirkel-Token` or the
//!   path prefix `/t/TOKEN/` of the page's files (a request without it gets
//!   `403` and learns nothing about the school);
//! - if it writes (anything but `GET`/`HEAD`): carry `Origin:
//!   http://127.0.0.1:PORT` (or `localhost`), no cross-site
//!   `Sec-Fetch-Site`, and a body of `application/json` or
//!   `application/octet-stream` (no form another site can post).
//!
//! Request heads are at most 16 KiB, bodies at most 6 MiB (a photo 40 MiB:
//! a phone's, made small by [`cirkel::prepare_photo`]; a larger
//! `Content-Length` is refused before its body is read), and a client has
//! 5 seconds to send its request. Connections are handled by a fixed
//! number of threads (16) from a bounded queue (64); when the queue is
//! full a connection gets `503` at once. (A local program that holds
//! dozens of connections open can keep the page waiting; a web page
//! cannot.) Every answer carries a strict
//! Content-Security-Policy (`default-src 'self'`, no inline script) and
//! `no-store`; the page's files are inside the binary and nothing is
//! fetched from elsewhere.
//!
//! # API
//!
//! | request | answer |
//! |---|---|
//! | `GET /?t=TOKEN` | the page |
//! | `GET /t/TOKEN/NAME` | the page's ES modules and style (`page::FILES`) |
//! | `GET /api/vocabulary?lang=` | the page's words and the format's vocabulary ([`cirkel::vocabulary`]) |
//! | `POST /api/roles/match?lang=` (body: JSON list of texts) | `[{found, near}]`: the catalogue role each names, or one a typo away ([`cirkel::match_roles`]) |
//! | `POST /api/preview?privacy=&theme=&route=&lang=` (body: JSON text) | `{ok, problems, svg}`: the problems in the form's words ([`cirkel::form_problem`]: `card`, `field`, `place`, `message`, `help`, `suggestion`) and, when it can be drawn, the SVG |
//! | `GET /api/layout` | what the page's last picture was laid out on (`null`: afresh), for `--previous` |
//! | `GET /api/document` | `{name, folder, text, version, notice}`: the file as JSON text (a workbook's school converted), its version (a fingerprint of the bytes on disk) and what to tell the user before saving |
//! | `POST /api/check?lang=nl\|en` (body: JSON text) | `{ok, problems: [{severity, path, line, column, message, help}]}` |
//! | `POST /api/draw?format=svg\|png\|pdf\|text\|markdown&privacy=full\|names\|roles&theme=NAME&route=ID&width=PX&paper=a4\|a3&description=0&anchor=1` (body: JSON text) | the picture or the description (`description=0`: a PDF without its description pages; `anchor=1`: laid out as the page's last picture was, so a download is what she sees); `422 {problems}` when it cannot be drawn |
//! | `GET /api/roles?lang=` | the role catalogue |
//! | `GET /api/schema` | the JSON Schema of the input |
//! | `POST /api/save?version=V[&force=1][&name=FILE]` (body: JSON text) | `{version, name}`; `409 {conflict, version}` when the file changed on disk since `V` (nothing written; `force=1` overwrites); a workbook only takes a document without errors (`422 {problems}`). Written atomically, the previous version kept as `FILE.bak`. Without FILE, `name` is a plain file name in the current folder that does not exist yet |
//! | `POST /api/save?as=FILE` (body: JSON text) | "save as": a new plain file name in FILE's folder that does not exist yet; edited from then on |
//! | `POST /api/photo?name=N` (body: a JPEG or PNG, as a phone makes it) | `{path}`: made fit for a card by [`cirkel::prepare_photo`] (upright, a 512 px square JPEG without metadata) and stored as `fotos/N.jpg` beside FILE (a safe, unique name); `422 {error}` says why a file is refused |
//!
//! Nothing in a request names a path outside FILE's folder: photos are
//! read through [`cirkel_core::Folder`] (which refuses `..`, absolute paths
//! and links leading out), uploads get a name made here, and a new file is
//! a plain name in the folder.

#![allow(clippy::result_large_err)]

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cirkel_core::{Lang, Message, msg};

pub mod api;
pub mod files;
pub mod http;
mod page;

use api::State;
use files::Target;

/// Threads answering requests.
pub const WORKERS: usize = 16;
/// Connections waiting for a thread; more get `503` at once.
pub const QUEUE: usize = 64;

/// How to start the editor.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// The file to edit (JSON or a workbook); `None`: the starter
    /// kernteam, saved under a name the user gives in the current folder.
    pub file: Option<PathBuf>,
    /// The port; `None` or 0: a free one.
    pub port: Option<u16>,
    /// Of a workbook of many schools: the school to edit.
    pub school: Option<String>,
    /// The language of messages.
    pub lang: Lang,
    /// The partner list members refer to (`--partners`).
    pub partners: Option<std::sync::Arc<cirkel::PartnerList>>,
    /// Where a new file is saved (without `file`). Default: the current
    /// folder.
    pub folder: Option<PathBuf>,
}

/// A bound, not yet running, editor.
pub struct Server {
    listener: TcpListener,
    state: Arc<State>,
}

impl Server {
    /// Binds 127.0.0.1 (the port asked for, or a free one) and makes the
    /// token. The file is not read yet: the page loads it.
    pub fn bind(options: &ServeOptions) -> Result<Server, Message> {
        let target = Target::of(
            options.file.as_deref(),
            options.school.clone(),
            options.folder.as_deref(),
        )?;
        if let Some(path) = target.path()
            && !path.is_file()
        {
            return Err(msg!("serve.not-found", file = path.display()));
        }
        // The list members refer to: `--partners`, else a workbook's own
        // Partners sheet (the page asks for the vocabulary first).
        let partners = options.partners.clone().or_else(|| {
            files::load(&target, options.lang)
                .ok()
                .and_then(|l| l.partners)
        });
        let port = options.port.unwrap_or(0);
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
            .map_err(|e| msg!("serve.cannot-listen", port = port, reason = e))?;
        let port = listener
            .local_addr()
            .map_err(|e| msg!("serve.cannot-listen", port = port, reason = e))?
            .port();
        Ok(Server {
            listener,
            state: Arc::new(State {
                token: token()?,
                port,
                lang: options.lang,
                target: Mutex::new(target),
                shown: Mutex::default(),
                since: Mutex::default(),
                partners: Mutex::new(partners),
            }),
        })
    }

    /// The address it listens on (always 127.0.0.1).
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.state.port))
    }

    /// The secret every request carries.
    pub fn token(&self) -> &str {
        &self.state.token
    }

    /// The page's address, with the token.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?t={}",
            self.state.port, self.state.token
        )
    }

    /// Answers requests until `stop` is set (checked ten times a second).
    pub fn run(self, stop: &AtomicBool) -> Result<(), Message> {
        self.listener
            .set_nonblocking(true)
            .map_err(|e| msg!("serve.cannot-listen", port = self.state.port, reason = e))?;
        let (send, receive) = sync_channel::<TcpStream>(QUEUE);
        let receive = Arc::new(Mutex::new(receive));
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                let receive = Arc::clone(&receive);
                let state = Arc::clone(&self.state);
                std::thread::spawn(move || work(&receive, &state))
            })
            .collect();
        while !stop.load(Ordering::Relaxed) {
            match self.listener.accept() {
                Ok((stream, peer)) => accept(stream, peer, &send),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        drop(send);
        for w in workers {
            let _ = w.join();
        }
        Ok(())
    }
}

/// Queues a connection, or turns it away when the queue is full.
fn accept(stream: TcpStream, peer: SocketAddr, send: &SyncSender<TcpStream>) {
    // Loopback only: anything else cannot happen on 127.0.0.1, but costs
    // nothing to refuse.
    if !peer.ip().is_loopback() {
        return;
    }
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    if let Err(TrySendError::Full(mut stream)) = send.try_send(stream) {
        let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
        let _ = http::Response::plain(503).write_to(&mut stream);
    }
}

fn work(receive: &Mutex<Receiver<TcpStream>>, state: &State) {
    loop {
        let next = receive
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .recv();
        let Ok(mut stream) = next else {
            return;
        };
        // A panic while answering costs this connection, not the thread.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            answer(&mut stream, state);
        }));
    }
}

fn answer(stream: &mut TcpStream, state: &State) {
    let response = match http::read_request(stream, api::body_limit) {
        Ok(request) => api::allowed(state, &request).unwrap_or_else(|| api::route(state, &request)),
        Err(e) => match e.status() {
            Some(status) => http::Response::plain(status),
            None => return,
        },
    };
    let _ = response.write_to(stream);
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// 128 random bits from the operating system, as hex.
fn token() -> Result<String, Message> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| msg!("serve.no-random", reason = e))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Starts the editor as `cirkel serve` does: binds, prints the address
/// (on standard output, so a script can read it), opens the browser when
/// `open` and there is a display, and answers until SIGINT or SIGTERM.
pub fn serve(options: &ServeOptions, open: bool) -> Result<(), Message> {
    let server = Server::bind(options)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| msg!("serve.cannot-listen", port = server.state.port, reason = e))?;
    }
    let url = server.url();
    println!("{}", msg!("serve.listening", url = &url).text(options.lang));
    if !(open && open_browser(&url)) {
        println!("{}", msg!("serve.no-browser").text(options.lang));
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    server.run(&stop)?;
    println!("{}", msg!("serve.stopped").text(options.lang));
    Ok(())
}

/// Opens `url` in the user's browser, where there is a display to show it.
fn open_browser(url: &str) -> bool {
    let command = if cfg!(target_os = "macos") {
        Some(("open", vec![url.to_string()]))
    } else if cfg!(windows) {
        Some((
            "cmd",
            vec!["/C".into(), "start".into(), String::new(), url.to_string()],
        ))
    } else {
        let display = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
        display.then(|| ("xdg-open", vec![url.to_string()]))
    };
    let Some((program, args)) = command else {
        return false;
    };
    std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}
