//! Messages for people and the exit codes of DESIGN.md: 0 done, 1 the
//! input is wrong, 2 wrong usage, 3 an I/O failure.

use cirkel_core::Diagnostics;
use cirkel_render::DrawError;

use crate::io::io_reason;

/// A failure, with the exit code it maps to.
pub(crate) enum Failure {
    /// The input is wrong (exit 1); the message was already printed.
    Input,
    /// Wrong usage (exit 2).
    Usage(String),
    /// Reading or writing failed (exit 3).
    Io(String),
}

/// Where messages for people go: straight to standard error, or collected
/// (batch: one file's messages are printed together, above the progress bar).
pub(crate) struct Log {
    lines: Option<Vec<String>>,
}

impl Log {
    /// Prints each message at once.
    pub(crate) fn direct() -> Log {
        Log { lines: None }
    }

    /// Collects the messages.
    pub(crate) fn buffered() -> Log {
        Log {
            lines: Some(Vec::new()),
        }
    }

    pub(crate) fn line(&mut self, text: String) {
        match &mut self.lines {
            None => eprintln!("{text}"),
            Some(lines) => lines.push(text),
        }
    }

    /// The collected messages.
    pub(crate) fn take(&mut self) -> Vec<String> {
        self.lines.as_mut().map(std::mem::take).unwrap_or_default()
    }
}

/// `say!(log, "...", args)`: a message for people, through a [`Log`].
#[macro_export]
macro_rules! say {
    ($log:expr, $($arg:tt)*) => {
        $log.line(format!($($arg)*))
    };
}

/// Prints every problem, prefixed with the file it is in (`name` unless
/// the problem names its own file).
pub(crate) fn report(name: &str, diags: &Diagnostics, log: &mut Log) {
    for d in &diags.0 {
        say!(log, "{}", d.display_with_file(name));
    }
}

/// Prints why nothing was drawn and gives the exit code's failure.
pub(crate) fn draw_failure(name: &str, e: DrawError, log: &mut Log) -> Failure {
    failure(name, e, log, "; nothing was written")
}

/// Prints what `check` found wrong and gives the exit code's failure.
pub(crate) fn check_failure(name: &str, e: DrawError, log: &mut Log) -> Failure {
    failure(name, e, log, "")
}

fn failure(name: &str, e: DrawError, log: &mut Log, outcome: &str) -> Failure {
    match e {
        DrawError::Input(diags) => {
            report(name, &diags, log);
            let n = diags.errors().count();
            say!(
                log,
                "{name}: {n} error{} found{outcome}",
                if n == 1 { "" } else { "s" }
            );
            Failure::Input
        }
        DrawError::Options(o) => Failure::Usage(o.to_string()),
        DrawError::Io { path, source } => Failure::Io(format!(
            "cannot read {}: {}",
            path.display(),
            io_reason(&source)
        )),
        other => {
            say!(log, "{name}: error: {other}");
            Failure::Input
        }
    }
}
