//! A small, strict HTTP/1.1 server side: one request per connection
//! (`Connection: close`), a `Content-Length` body or none (no chunked
//! bodies), everything bounded: the request line and headers (16 KiB, 64
//! headers), the body (the caller's limit, refused from its announced
//! length before a byte of it is read) and the time a client may take.
//!
//! The editor is used by one person on their own computer; what matters
//! is that no request can make it hang, grow without bound or misread a
//! request, not throughput.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Where a request is read from: bytes, and a way to stop waiting for the
/// next ones when the request's time is up.
pub trait Source: Read {
    /// Waits at most `left` for the next read.
    fn wait_at_most(&mut self, left: Duration) -> std::io::Result<()>;
}

impl Source for TcpStream {
    fn wait_at_most(&mut self, left: Duration) -> std::io::Result<()> {
        self.set_read_timeout(Some(left))
    }
}

/// Most bytes of the request line and headers together.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Most header lines.
pub const MAX_HEADERS: usize = 64;
/// The time a client has to send its whole request.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(5);

/// A request as read.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, `POST`, … (as sent).
    pub method: String,
    /// The path, percent-decoded (`/api/draw`).
    pub path: String,
    /// The query's pairs, percent-decoded, in order.
    pub query: Vec<(String, String)>,
    /// Header names (lowercase) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body (empty without `Content-Length`).
    pub body: Vec<u8>,
}

impl Request {
    /// The first value of header `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of query parameter `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why no request was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not HTTP/1.x as this server speaks it.
    Malformed(&'static str),
    /// The head is longer than [`MAX_HEAD_BYTES`] or has too many headers.
    HeadTooLarge,
    /// The announced body is longer than the limit.
    BodyTooLarge,
    /// A transfer coding this server does not accept (chunked).
    Unsupported,
    /// The client took too long, or closed the connection.
    Gone,
}

impl ReadError {
    /// The status to answer with (none when the client is gone).
    pub fn status(&self) -> Option<u16> {
        match self {
            ReadError::Malformed(_) => Some(400),
            ReadError::HeadTooLarge => Some(431),
            ReadError::BodyTooLarge => Some(413),
            ReadError::Unsupported => Some(501),
            ReadError::Gone => None,
        }
    }
}

/// Reads one request from `stream`, its body at most `max_body(head)`
/// bytes (a limit that may depend on the method and path).
pub fn read_request(
    stream: &mut impl Source,
    max_body: impl Fn(&Request) -> usize,
) -> Result<Request, ReadError> {
    let start = Instant::now();
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 4096];
    let end = loop {
        if let Some(i) = find_end(&head) {
            break i;
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(ReadError::HeadTooLarge);
        }
        let n = read_some(stream, &mut buf, start)?;
        head.extend_from_slice(&buf[..n]);
    };
    if end > MAX_HEAD_BYTES {
        return Err(ReadError::HeadTooLarge);
    }
    let rest = head.split_off(end + 4);
    head.truncate(end);
    let mut request = parse_head(&head)?;
    let length = content_length(&request)?;
    if length > max_body(&request) {
        return Err(ReadError::BodyTooLarge);
    }
    let mut body = rest;
    if body.len() > length {
        // More than announced: a second request this server does not take.
        body.truncate(length);
    }
    body.reserve_exact(length - body.len());
    while body.len() < length {
        let want = (length - body.len()).min(buf.len());
        let n = read_some(stream, &mut buf[..want], start)?;
        body.extend_from_slice(&buf[..n]);
    }
    request.body = body;
    Ok(request)
}

/// Reads at least one byte before the request's deadline.
fn read_some(stream: &mut impl Source, buf: &mut [u8], start: Instant) -> Result<usize, ReadError> {
    let left = REQUEST_DEADLINE
        .checked_sub(start.elapsed())
        .filter(|d| !d.is_zero())
        .ok_or(ReadError::Gone)?;
    stream.wait_at_most(left).map_err(|_| ReadError::Gone)?;
    match stream.read(buf) {
        Ok(0) | Err(_) => Err(ReadError::Gone),
        Ok(n) => Ok(n),
    }
}

fn find_end(head: &[u8]) -> Option<usize> {
    head.windows(4).position(|w| w == b"\r\n\r\n")
}

fn parse_head(head: &[u8]) -> Result<Request, ReadError> {
    let text = std::str::from_utf8(head).map_err(|_| ReadError::Malformed("not UTF-8"))?;
    let mut lines = text.split("\r\n");
    let line = lines.next().unwrap_or_default();
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed("request line"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ReadError::Malformed("method"));
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(ReadError::Malformed("version"));
    }
    if !target.starts_with('/') || target.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return Err(ReadError::Malformed("target"));
    }
    let (raw_path, raw_query) = target.split_once('?').unwrap_or((target, ""));
    let path = decode(raw_path, false).ok_or(ReadError::Malformed("path"))?;
    let mut query = Vec::new();
    for pair in raw_query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let k = decode(k, true).ok_or(ReadError::Malformed("query"))?;
        let v = decode(v, true).ok_or(ReadError::Malformed("query"))?;
        query.push((k, v));
    }
    let mut headers = Vec::new();
    for line in lines {
        if headers.len() >= MAX_HEADERS {
            return Err(ReadError::HeadTooLarge);
        }
        // Folded lines (obsolete) and names with spaces are refused: they
        // are how requests get read two ways.
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Malformed("header"));
        };
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_!#$%&'*+.^`|~".contains(&b))
        {
            return Err(ReadError::Malformed("header name"));
        }
        let value = value.trim_matches(|c| c == ' ' || c == '\t');
        if value.bytes().any(|b| (b < b' ' && b != b'\t') || b == 0x7f) {
            return Err(ReadError::Malformed("header value"));
        }
        headers.push((name.to_ascii_lowercase(), value.to_string()));
    }
    Ok(Request {
        method: method.to_string(),
        path,
        query,
        headers,
        body: Vec::new(),
    })
}

fn content_length(request: &Request) -> Result<usize, ReadError> {
    if request.header("transfer-encoding").is_some() {
        return Err(ReadError::Unsupported);
    }
    let mut lengths = request
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length");
    let Some((_, first)) = lengths.next() else {
        return Ok(0);
    };
    if lengths.next().is_some() {
        return Err(ReadError::Malformed("two Content-Length headers"));
    }
    if first.is_empty() || first.len() > 12 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReadError::Malformed("Content-Length"));
    }
    first
        .parse()
        .map_err(|_| ReadError::Malformed("Content-Length"))
}

/// Percent-decoding; in a query (`form`) `+` is a space, as browsers
/// write it (`Mijn+kernteam.json` is "Mijn kernteam.json"), in a path it
/// stays `+`. `None` for a broken escape or a result that is not UTF-8 or
/// holds a control character.
pub fn decode(s: &str, form: bool) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else if form && bytes[i] == b'+' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.chars().any(char::is_control)).then_some(text)
}

/// A response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The media type of the body.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// More headers (name, value).
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    /// A response of `status` with `body` of `content_type`.
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// A JSON response.
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::new(status, "application/json", value.to_string())
    }

    /// A short text that says nothing about the school.
    pub fn plain(status: u16) -> Response {
        Response::new(status, "text/plain; charset=utf-8", reason(status))
    }

    /// Adds a header.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response, with the safety headers every response has.
    pub fn write_to(&self, stream: &mut impl Write) -> std::io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        );
        for (name, value) in SAFETY_HEADERS {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        stream.write_all(&self.body)?;
        stream.flush()
    }
}

/// Sent with every response: nothing but this server's own files run or
/// load in the page, no other site may frame it, read its answers or see
/// where the user came from, and nothing is cached (the answers hold
/// youth-care workers' contact data).
pub const SAFETY_HEADERS: [(&str, &str); 7] = [
    (
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
         frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_read_strictly() {
        let ok =
            parse_head(b"GET /api/x?a=1&b=%2F HTTP/1.1\r\nHost: localhost:1\r\nX-A:  b ").unwrap();
        assert_eq!(ok.path, "/api/x");
        assert_eq!(ok.param("b"), Some("/"));
        assert_eq!(ok.header("host"), Some("localhost:1"));
        // As a browser writes a query: `+` a space, `%2B` a plus; a path keeps `+`.
        let named = parse_head(b"GET /a+b?name=Mijn+kernteam%2B.json HTTP/1.1").unwrap();
        assert_eq!(named.param("name"), Some("Mijn kernteam+.json"));
        assert_eq!(named.path, "/a+b");
        assert_eq!(ok.header("x-a"), Some("b"));
        for bad in [
            &b"GET /x HTTP/2\r\n"[..],
            b"get /x HTTP/1.1",
            b"GET x HTTP/1.1",
            b"GET /x  HTTP/1.1",
            b"GET /%zz HTTP/1.1",
            b"GET /%00 HTTP/1.1",
            b"GET /x HTTP/1.1\r\n folded: yes",
            b"GET /x HTTP/1.1\r\nBad Name: 1",
            b"GET /x HTTP/1.1\r\nNoColon",
            b"\xff\xfe",
        ] {
            assert!(
                parse_head(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    /// Bytes that arrive a few at a time, as over a slow connection.
    struct Trickle<'a> {
        bytes: &'a [u8],
        at: usize,
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    impl Source for Trickle<'_> {
        fn wait_at_most(&mut self, _: Duration) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn read(bytes: &[u8], step: usize, max_body: usize) -> Result<Request, ReadError> {
        read_request(&mut Trickle { bytes, at: 0, step }, |_| max_body)
    }

    #[test]
    fn requests_are_framed_however_their_bytes_arrive() {
        let post = b"POST /api/check?lang=en HTTP/1.1\r\nHost: 127.0.0.1:8\r\nContent-Length: 5\r\n\r\nhello";
        for step in [1, 2, 3, 7, 64, 4096] {
            let r = read(post, step, 100).unwrap();
            assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/api/check"));
            assert_eq!(r.param("lang"), Some("en"));
            assert_eq!(r.body, b"hello", "step {step}");
        }
        // No body without a length; bytes past the announced length are
        // not read as this request's.
        let get = read(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 1, 100).unwrap();
        assert!(get.body.is_empty());
        let more = read(
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nabGET /",
            3,
            100,
        )
        .unwrap();
        assert_eq!(more.body, b"ab");
    }

    #[test]
    fn framing_refuses_what_it_does_not_take() {
        // The connection ends before the head or the body is complete.
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nHost", 5, 100).err(),
            Some(ReadError::Gone)
        );
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nshort", 5, 100).err(),
            Some(ReadError::Gone)
        );
        // A body longer than allowed is refused from its announced length.
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 64, 100).err(),
            Some(ReadError::BodyTooLarge)
        );
        // A head that never ends.
        let endless = [b'a'; MAX_HEAD_BYTES + 10];
        let mut head = b"GET / HTTP/1.1\r\nX: ".to_vec();
        head.extend_from_slice(&endless);
        assert_eq!(read(&head, 4096, 100).err(), Some(ReadError::HeadTooLarge));
        assert_eq!(
            read(
                b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                64,
                100
            )
            .err(),
            Some(ReadError::Unsupported)
        );
    }

    #[test]
    fn responses_carry_their_length_and_the_safety_headers() {
        let mut out = Vec::new();
        Response::new(200, "text/plain; charset=utf-8", "héllo")
            .with("X-Extra", "1")
            .write_to(&mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(head.contains("\r\nContent-Length: 6\r\n"));
        assert!(head.contains("\r\nConnection: close\r\n"));
        assert!(head.ends_with("\r\nX-Extra: 1"));
        for (name, value) in SAFETY_HEADERS {
            assert!(head.contains(&format!("\r\n{name}: {value}")), "{name}");
        }
        assert_eq!(body, "héllo");
    }

    #[test]
    fn lengths_are_digits_once() {
        let req = |h: &str| parse_head(format!("POST /x HTTP/1.1\r\n{h}").as_bytes()).unwrap();
        assert_eq!(content_length(&req("Content-Length: 12")), Ok(12));
        assert!(content_length(&req("Content-Length: -1")).is_err());
        assert!(content_length(&req("Content-Length: 1\r\nContent-Length: 2")).is_err());
        assert!(content_length(&req("Content-Length: 99999999999999999")).is_err());
        assert_eq!(
            content_length(&req("Transfer-Encoding: chunked")),
            Err(ReadError::Unsupported)
        );
    }
}
