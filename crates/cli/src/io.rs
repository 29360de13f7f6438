//! Reading inputs (a file or standard input, within the size limit) and
//! writing outputs atomically (a temporary file, then a rename, so a
//! failure never leaves a half-written file or spoils a good one).

use std::io::{Read, Write};
use std::path::Path;

use cirkel::{Input, InputKind};
use cirkel_core::limits::MAX_INPUT_BYTES;
use cirkel_core::{Diagnostics, Folder, Message, check_input_size, msg};

use crate::report::{Failure, Log, report};

/// The name shown for an input in messages.
pub(crate) fn display_name(input: &str) -> String {
    if input == "-" {
        "<stdin>".into()
    } else {
        input.to_string()
    }
}

/// Where an input's photos are: its folder, or the current one for stdin.
pub(crate) fn files_of(input: &str) -> Folder {
    if input == "-" {
        Folder::new(".")
    } else {
        Folder::beside(Path::new(input))
    }
}

/// The input as the library takes it: its kind by its name (standard
/// input is JSON); `school` names the school of a CSV of members (else the
/// file's name does).
pub(crate) fn input_of<'a>(input: &'a str, bytes: &'a [u8], school: Option<&'a str>) -> Input<'a> {
    if input == "-" {
        return Input {
            bytes,
            kind: InputKind::Json,
            fallback_name: school.unwrap_or("school"),
        };
    }
    Input::of_file(bytes, Path::new(input), school)
}

/// "cannot read FILE: why".
pub(crate) fn cannot_read(file: &str, e: &std::io::Error) -> Failure {
    Failure::Io(
        Message::new("io.cannot-read")
            .arg("file", file)
            .arg_msg("reason", cirkel_core::io_reason(e)),
    )
}

/// "cannot write FILE: why".
pub(crate) fn cannot_write(file: &str, e: &std::io::Error) -> Failure {
    Failure::Io(
        Message::new("cli.cannot-write")
            .arg("file", file)
            .arg_msg("reason", cirkel_core::io_reason(e)),
    )
}

/// Reads an input file or standard input (`-`), refusing one past the
/// input limit before reading it all.
pub(crate) fn read_input(input: &str, log: &mut Log) -> Result<Vec<u8>, Failure> {
    let limit = MAX_INPUT_BYTES as u64;
    let too_big = |n: u64, log: &mut Log| {
        if let Err(d) = check_input_size(n) {
            report(&display_name(input), &Diagnostics::one(d), log);
        }
        Failure::Input
    };
    if input != "-"
        && let Some(d) = cirkel::refused_input(Path::new(input))
    {
        report(&display_name(input), &Diagnostics::one(d), log);
        return Err(Failure::Input);
    }
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| cannot_read("<stdin>", &e))?;
        if bytes.is_empty() {
            log.error("<stdin>", &msg!("cli.no-stdin"));
            return Err(Failure::Input);
        }
    } else {
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| cannot_read(input, &e))?;
        if meta.is_dir() {
            return Err(Failure::Io(msg!("cli.input-is-folder", file = input)));
        }
        if meta.is_file() && meta.len() > limit {
            return Err(too_big(meta.len(), log));
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| cannot_read(input, &e))?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64, log));
    }
    Ok(bytes)
}

/// True when the two paths name the same existing file.
pub(crate) fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes `bytes` to a new file `output`, never over an existing one
/// (refused as wrong usage, with the way to overwrite). The file appears
/// whole: written aside, then linked into place, which fails if the name
/// was taken meanwhile.
pub(crate) fn write_new(output: &str, bytes: &[u8], exists: &Message) -> Result<(), Failure> {
    let exists = || Failure::Usage(exists.clone());
    let target = Path::new(output);
    if target.symlink_metadata().is_ok() {
        return Err(exists());
    }
    check_folder(output)?;
    let tmp = temporary_beside(target);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::hard_link(&tmp, target));
    let _ = std::fs::remove_file(&tmp);
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        // No hard links here (some network and FAT drives): create the file
        // only if it is new.
        Err(_) => std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(target)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => exists(),
                _ => cannot_write(output, &e),
            }),
    }
}

/// A temporary file name next to `target`, for writing it atomically.
fn temporary_beside(target: &Path) -> std::path::PathBuf {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = target
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cirkel".into());
    dir.join(format!(".{file_name}.{}.tmp", std::process::id()))
}

/// Writes `bytes` to `output` (`-`: standard output) atomically.
pub(crate) fn write_output(output: &str, bytes: &[u8]) -> Result<(), Failure> {
    if output == "-" {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| cannot_write("<stdout>", &e));
    }
    let target = Path::new(output);
    if target.is_dir() {
        return Err(Failure::Io(msg!("cli.output-is-folder", file = output)));
    }
    check_folder(output)?;
    let tmp = temporary_beside(target);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, target));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(cannot_write(output, &e));
    }
    Ok(())
}

/// The folder an output goes in must exist: a typo in `-o nieuwe-map/x.png`
/// should not create folders.
fn check_folder(output: &str) -> Result<(), Failure> {
    let Some(dir) = Path::new(output)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    let shown = dir.display().to_string();
    if dir.exists() {
        return Err(Failure::Io(msg!("cli.folder-is-file", folder = shown)));
    }
    Err(Failure::Io(msg!(
        "cli.no-folder",
        file = output,
        folder = shown
    )))
}
