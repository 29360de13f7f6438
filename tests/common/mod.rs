//! Helpers shared by the end-to-end tests: run `cirkel`, scratch folders,
//! and the check that an input is refused with a message.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run of `cirkel` gave.
pub struct Output {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Output {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// Runs `cirkel`; `check` in English (`--lang en`, unless a language is
/// given), so that tests of messages read the English catalogue.
/// [`cirkel_nl`] runs it as given (Dutch unless `--lang en`).
pub fn cirkel(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut all = args.to_vec();
    if args.first() == Some(&"check") && !args.contains(&"--lang") {
        all.extend(["--lang", "en"]);
    }
    cirkel_nl(&all, stdin)
}

/// Runs `cirkel` as given: Dutch unless `--lang en`.
pub fn cirkel_nl(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cirkel"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cirkel starts");
    if let Some(data) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(data).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cirkel-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

/// Runs `check` on `content` and asserts exit 1 and every `expected` piece in stderr.
pub fn assert_input_error(name: &str, content: &[u8], expected: &[&str]) {
    let dir = scratch(name);
    let file = write(&dir, "school.json", content);
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 1, "{name}: exit code; stderr:\n{}", out.stderr);
    for e in expected {
        assert!(
            out.stderr.contains(e),
            "{name}: missing {e:?} in:\n{}",
            out.stderr
        );
    }
    assert!(
        out.stderr.contains(&file),
        "{name}: the message names the file"
    );
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"),
        "{name}: {}",
        out.stderr
    );
    // Render refuses the same input and writes nothing.
    let png = dir.join("out.png");
    let out = cirkel(&["render", &file, "-o", &png.to_string_lossy()], None);
    assert_eq!(out.code, 1, "{name}: render exit code");
    assert!(!png.exists(), "{name}: nothing written");
}

pub fn doc(members: &str, extra: &str) -> Vec<u8> {
    format!("{{\n  \"version\": 1,\n  \"school\": {{ \"name\": \"De Ark\" }},\n  \"members\": [\n{members}\n  ]{extra}\n}}\n").into_bytes()
}
