//! Messages for people and the exit codes of docs/CONTRACTS.md: 0 done, 1 the
//! input is wrong, 2 wrong usage, 3 an I/O failure. Every message comes
//! from the catalogue (`cirkel_core::Message`) and is shown in the language
//! of `--lang` (Dutch by default).

use std::sync::atomic::{AtomicBool, Ordering};

use cirkel::DrawError;
use cirkel_core::{Diagnostics, Lang, Message, msg};

/// A failure, with the exit code it maps to.
pub(crate) enum Failure {
    /// The input is wrong (exit 1); the message was already printed.
    Input,
    /// Wrong usage (exit 2).
    Usage(Message),
    /// Reading or writing failed (exit 3).
    Io(Message),
}

/// The language of the messages: English when `--lang en` was given.
static ENGLISH: AtomicBool = AtomicBool::new(false);

/// Sets the language of the messages (once, from `--lang`).
pub(crate) fn set_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
}

/// The partner list of `--partners`, read once for the whole run.
static PARTNERS: std::sync::OnceLock<std::sync::Arc<cirkel_core::PartnerList>> =
    std::sync::OnceLock::new();

/// Keeps the partner list of `--partners` for every command of the run.
pub(crate) fn set_partners(list: std::sync::Arc<cirkel_core::PartnerList>) {
    let _ = PARTNERS.set(list);
}

/// The partner list of `--partners`, if one was given.
pub(crate) fn partners() -> Option<std::sync::Arc<cirkel_core::PartnerList>> {
    PARTNERS.get().cloned()
}

/// The language of the messages.
pub(crate) fn lang() -> Lang {
    if ENGLISH.load(Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Nl
    }
}

/// A message in the language of the messages.
pub(crate) fn words(m: &Message) -> String {
    m.text(lang())
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

    /// One line of text.
    pub(crate) fn line(&mut self, text: String) {
        match &mut self.lines {
            None => eprintln!("{text}"),
            Some(lines) => lines.push(text),
        }
    }

    /// A message, in the language of the messages.
    pub(crate) fn say(&mut self, m: &Message) {
        self.line(words(m));
    }

    /// A message about `file` ("file: error: …").
    pub(crate) fn error(&mut self, file: &str, m: &Message) {
        self.line(format!(
            "{file}: {}: {}",
            words(&msg!("diag.error")),
            words(m)
        ));
    }

    /// The collected messages.
    pub(crate) fn take(&mut self) -> Vec<String> {
        self.lines.as_mut().map(std::mem::take).unwrap_or_default()
    }
}

/// Prints every problem, prefixed with the file it is in (`name` unless
/// the problem names its own file), in the language of the messages.
pub(crate) fn report(name: &str, diags: &Diagnostics, log: &mut Log) {
    for d in &diags.0 {
        let d = d.clone().in_lang(lang());
        log.line(d.display_with_file(name).to_string());
    }
}

/// Prints why nothing was drawn and gives the exit code's failure.
pub(crate) fn draw_failure(name: &str, e: DrawError, log: &mut Log) -> Failure {
    failure(name, e, log, true)
}

/// Prints what `check` found wrong and gives the exit code's failure.
pub(crate) fn check_failure(name: &str, e: DrawError, log: &mut Log) -> Failure {
    failure(name, e, log, false)
}

fn failure(name: &str, e: DrawError, log: &mut Log, drawing: bool) -> Failure {
    match e {
        DrawError::Input(diags) => {
            report(name, &diags, log);
            let n = diags.errors().count();
            let summary = if drawing {
                msg!("cli.errors-nothing-written", file = name, n = n)
            } else {
                msg!("cli.errors-found", file = name, n = n)
            };
            log.say(&summary);
            Failure::Input
        }
        DrawError::Options(o) => Failure::Usage(o.0),
        e @ DrawError::Io { .. } => Failure::Io(e.message()),
        other => {
            log.error(name, &other.message());
            Failure::Input
        }
    }
}
