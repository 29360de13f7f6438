//! `cirkel batch`: many schools at once, in parallel.
//!
//! Every input is parsed, laid out and drawn on its own (memory stays flat in
//! the number of schools: nothing of one school is kept once it is written).
//! A bad input is reported with its file name and the others go on; the exit
//! code is 1 when any failed, after a summary.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use cirkel::{DrawOptions, Format, InputKind, LastTeam, Previous, prepare_input};
use cirkel_core::{Lang, Message, io_reason, msg};

use crate::args::{BatchFormat, DrawArgs};
use crate::io::{cannot_read, files_of, input_of, read_input, same_file, write_output};
use crate::report::{Failure, Log, draw_failure, report, words};

/// The arguments of `cirkel batch`.
#[derive(clap::Args)]
pub(crate) struct Batch {
    /// Kernteam files (JSON, .xlsx, .ods, .csv), folders (every such file
    /// in them) or `-` (a list of paths on standard input, one per line).
    /// Every school of a workbook is drawn, each named after the school.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// The folder to write to (created when missing). Output names
    /// follow the input names: `school.json` → `school.png`.
    #[arg(short, long)]
    pub output: String,
    /// What to write.
    #[arg(long, value_enum, default_value_t = BatchFormat::Png)]
    pub format: BatchFormat,
    /// Also write one picture per route, with that route highlighted
    /// (`school.route-ID.png`): a routekaart per hulpvraag.
    #[arg(long)]
    pub per_route: bool,
    /// Parallel jobs (default: the number of CPU cores).
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Only the summary and the failures.
    #[arg(short, long)]
    pub quiet: bool,
    /// Keep each circle as it was last year: use `NAME.layout.json` beside
    /// `NAME.json` where there is one (made with `cirkel layout NAME.json
    /// -o NAME.layout.json`).
    #[arg(long)]
    pub previous: bool,
    /// Last year's kernteam files, to mark what changed: a folder (for
    /// `school.json` its `school.json`, for a workbook its workbook of the
    /// same name, each school by its name) or one workbook of all schools.
    /// A school without last year's file is drawn as it is, with a note.
    #[arg(long, value_name = "LAST")]
    pub since: Option<String>,
    #[command(flatten)]
    pub draw: DrawArgs,
}

/// Longest list of paths read from standard input (`-`).
const MAX_LIST_BYTES: u64 = 64 * 1024 * 1024;

/// One input (or one school of a workbook) and where its outputs go.
struct Item {
    input: String,
    /// The school of a workbook of many schools.
    school: Option<String>,
    /// Output path without extension (`DIR/stem`).
    stem: PathBuf,
    /// Set when the input cannot be processed before it starts.
    problem: Option<Message>,
}

/// Runs the batch.
pub(crate) fn run(b: &Batch, lang: Lang) -> Result<(), Failure> {
    let mut options = b.draw.options(lang);
    options.final_width().map_err(|e| Failure::Usage(e.0))?;
    if b.format == BatchFormat::Pdf {
        b.draw.check_pdf().map_err(Failure::Usage)?;
        // The legibility rule for paper.
        options.format = Format::Pdf;
    } else if b.draw.text_as_paths && b.format == BatchFormat::Png {
        return Err(Failure::Usage(msg!("cli.text-as-paths-png")));
    }
    // A bad theme is reported once, before any school is drawn.
    cirkel::resolve_theme(&options.theme)
        .map_err(|e| draw_failure(&b.draw.theme, e, &mut Log::direct()))?;
    let inputs = expand(&b.inputs)?;
    if inputs.is_empty() {
        return Err(Failure::Usage(msg!("cli.batch-no-inputs")));
    }
    let dir = Path::new(&b.output);
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::Io(msg!(
            "cli.batch-output-is-file",
            folder = &b.output
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Failure::Io(
            Message::new("cli.cannot-create")
                .arg("folder", &b.output)
                .arg_msg("reason", io_reason(&e)),
        )
    })?;
    let items = plan(inputs, dir);

    let total = items.len() as u64;
    let bar = progress_bar(total, b.quiet);
    let done = Mutex::new(0u64);
    let print = |lines: &[String]| {
        if lines.is_empty() {
            return;
        }
        let text = lines.join("\n");
        match &bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    };

    let work = || {
        items
            .par_iter()
            .map(|item| {
                let mut log = Log::buffered();
                let result = one(item, b, &options, &mut log);
                let listed = result
                    .as_ref()
                    .ok()
                    .and_then(|(written, school)| Some((school.clone(), written.first()?.clone())));
                let result = result.map(|(written, _)| written);
                let mut lines = log.take();
                let ok = result.is_ok();
                let mut count = done
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                *count += 1;
                match (&result, b.quiet, &bar) {
                    (Ok(written), false, None) => {
                        lines.push(words(&msg!(
                            "cli.batch-progress",
                            done = *count,
                            total = total,
                            input = &item.label(),
                            output = written.first().map_or("", String::as_str),
                            more = written.len().saturating_sub(1)
                        )));
                    }
                    (Err(Failure::Usage(m) | Failure::Io(m)), _, _) => {
                        let mut log = Log::buffered();
                        log.error(&item.label(), m);
                        lines.extend(log.take());
                    }
                    _ => {}
                }
                // Warnings of good inputs only when asked for detail.
                if ok && b.quiet {
                    lines.clear();
                }
                print(&lines);
                drop(count);
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                (item.label(), ok, listed)
            })
            .collect::<Vec<_>>()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(b.jobs.map_or(0, usize::from))
        .build()
        .map_err(|e| Failure::Io(msg!("cli.no-threads", reason = e)))?;
    let results = pool.install(work);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if b.format == BatchFormat::Html {
        let drawn: Vec<(String, String)> = results.iter().filter_map(|r| r.2.clone()).collect();
        write_index(dir, &drawn, lang)?;
    }
    let results: Vec<(String, bool)> = results.into_iter().map(|(l, ok, _)| (l, ok)).collect();
    summary(&results, &b.output)
}

/// `index.html`: every school drawn, by name, with a link to its page.
fn write_index(dir: &Path, drawn: &[(String, String)], lang: Lang) -> Result<(), Failure> {
    let mut drawn = drawn.to_vec();
    drawn.sort();
    let title = lang.pick("Cirkels van invloed", "Circles of influence");
    let mut items = String::new();
    for (school, path) in &drawn {
        let file = Path::new(path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        items.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>\n",
            cirkel_layout::html_escape(&percent(&file)),
            cirkel_layout::html_escape(school)
        ));
    }
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    );
    write_output(&dir.join("index.html").to_string_lossy(), page.as_bytes())
}

/// A file name as a relative URL: what is not a plain character
/// percent-encoded (spaces, `#`, `?`, non-ASCII).
fn percent(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A progress bar on a terminal (not with `--quiet`).
fn progress_bar(total: u64, quiet: bool) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() || quiet {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    // indicatif's own placeholders, around the catalogue's words.
    let template = format!(
        "{{bar:40}} {{pos}}/{{len}} {}, {{elapsed}} ({{eta}} {})",
        words(&msg!("cli.batch-schools")),
        words(&msg!("cli.batch-left"))
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    Some(bar)
}

/// "18 rendered, 2 failed: …"; a failure when any input failed.
fn summary(results: &[(String, bool)], output: &str) -> Result<(), Failure> {
    let failed: Vec<&str> = results
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(name, _)| name.as_str())
        .collect();
    let rendered = results.len() - failed.len();
    if failed.is_empty() {
        eprintln!(
            "{}",
            words(&msg!("cli.batch-done", done = rendered, folder = output))
        );
        Ok(())
    } else {
        let shown: Vec<&str> = failed.iter().take(10).copied().collect();
        let list = format!(
            "{}{}",
            shown.join(", "),
            if failed.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        );
        eprintln!(
            "{}",
            words(&msg!(
                "cli.batch-failed",
                done = rendered,
                failed = failed.len(),
                list = list
            ))
        );
        Err(Failure::Input)
    }
}

/// Last year's file for `input` (`--since LAST`): in a folder LAST the
/// file of the same name, else LAST itself (a workbook of all schools;
/// each school is found in it by its name). `None`, with a note, when the
/// folder has no such file (a school new this year).
fn last_year_of(input: &str, last: &Path, log: &mut Log) -> Option<LastTeam> {
    if !last.is_dir() {
        return Some(LastTeam::File(last.to_path_buf()));
    }
    let name = Path::new(input).file_name()?;
    let candidate = last.join(name);
    if candidate.is_file() {
        Some(LastTeam::File(candidate))
    } else {
        log.say(&msg!(
            "cli.batch-no-since",
            file = input,
            last = candidate.display().to_string()
        ));
        None
    }
}

/// Draws one input; returns the files written and the school's name.
fn one(
    item: &Item,
    b: &Batch,
    options: &DrawOptions,
    log: &mut Log,
) -> Result<(Vec<String>, String), Failure> {
    let label = item.label();
    if let Some(problem) = &item.problem {
        log.error(&label, problem);
        return Err(Failure::Input);
    }
    let bytes = read_input(&item.input, log)?;
    let mut options = options.clone();
    options.school = item.school.clone();
    if b.previous {
        // Last year's layout beside the input (beside the workbook, named
        // after the school, for a school of a workbook).
        let last_year = match &item.school {
            None => Path::new(&item.input).with_extension("layout.json"),
            Some(_) => {
                let name = item.stem.file_name().unwrap_or_default().to_string_lossy();
                Path::new(&item.input).with_file_name(format!("{name}.layout.json"))
            }
        };
        if last_year.is_file() {
            options.previous = Some(Previous::File(last_year));
        }
    }
    if let Some(last) = &b.since {
        options.since = last_year_of(&item.input, Path::new(last), log);
    }
    let input = input_of(&item.input, &bytes, item.school.as_deref());
    let prepared = prepare_input(&input, &files_of(&item.input), &options)
        .map_err(|e| draw_failure(&item.input, e, log))?;
    report(&item.input, &prepared.warnings, log);
    let formats: &[Format] = match b.format {
        BatchFormat::Svg => &[Format::Svg],
        BatchFormat::Png => &[Format::Png],
        BatchFormat::Pdf => &[Format::Pdf],
        BatchFormat::Both => &[Format::Svg, Format::Png],
        BatchFormat::Html => &[Format::Html],
    };
    // (route in the file name, route highlighted): `--route` highlights
    // its route in the main picture, `--per-route` adds one per route.
    let mut pictures: Vec<(Option<String>, Option<String>)> = vec![(None, options.route.clone())];
    if b.per_route {
        pictures.extend(
            prepared
                .route_ids()
                .into_iter()
                .map(|id| (Some(id.clone()), Some(id))),
        );
    }
    let mut written = Vec::new();
    for (named, route) in &pictures {
        for format in formats {
            let mut name = item.stem.as_os_str().to_os_string();
            if let Some(id) = named {
                name.push(format!(".route-{id}"));
            }
            name.push(format!(".{}", format.extension()));
            let path = PathBuf::from(name).to_string_lossy().into_owned();
            if same_file(&item.input, &path) {
                log.error(
                    &item.input,
                    &msg!("cli.batch-overwrites-input", file = &path),
                );
                return Err(Failure::Input);
            }
            let picture = prepared
                .paint(*format, route.as_deref())
                .map_err(|e| draw_failure(&item.input, e, log))?;
            write_output(&path, &picture)?;
            written.push(path);
        }
    }
    Ok((written, prepared.kernteam.school.name.clone()))
}

/// Files, folders (their `*.json`, `*.xlsx`, `*.ods` and `*.csv` files,
/// not `*.layout.json` nor the lock files office programs leave) and `-`
/// (a list of paths on standard input), in the given order; folders sorted.
fn expand(inputs: &[String]) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    let mut stdin_used = false;
    for input in inputs {
        if input == "-" {
            if stdin_used {
                return Err(Failure::Usage(msg!("cli.batch-dash-twice")));
            }
            stdin_used = true;
            let mut text = String::new();
            std::io::stdin()
                .take(MAX_LIST_BYTES)
                .read_to_string(&mut text)
                .map_err(|e| cannot_read("<stdin>", &e))?;
            for line in text.lines() {
                let line = line.trim();
                if !line.is_empty() && !line.starts_with('#') {
                    push_path(line, &mut out)?;
                }
            }
        } else {
            push_path(input, &mut out)?;
        }
    }
    Ok(out)
}

fn push_path(input: &str, out: &mut Vec<String>) -> Result<(), Failure> {
    let path = Path::new(input);
    if !path.is_dir() {
        // Files, and paths that do not exist: reported per input later.
        out.push(input.to_string());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| cannot_read(input, &e))?;
    let mut files: Vec<String> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let lower = name.to_ascii_lowercase();
            p.is_file()
                && [".json", ".xlsx", ".ods", ".csv"]
                    .iter()
                    .any(|ext| lower.ends_with(ext))
                && !lower.ends_with(".layout.json")
                && !name.starts_with('.')
                && !name.starts_with("~$")
        })
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    out.extend(files);
    Ok(())
}

/// Output names: the input's file stem in `dir`; for a workbook of many
/// schools, one item per school named after it (made filesystem-safe and
/// unique). Two inputs with the same stem would overwrite each other: the
/// second is refused with a message.
fn plan(inputs: Vec<String>, dir: &Path) -> Vec<Item> {
    let mut taken: Vec<(String, String)> = Vec::new();
    let mut items = Vec::new();
    for input in inputs {
        let stem = Path::new(&input)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "cirkel".into());
        let schools = schools_of(&input);
        if schools.len() > 1 {
            for school in schools {
                let base = match cirkel_core::slug(&school) {
                    s if s.is_empty() => "school".to_string(),
                    s => s,
                };
                let mut name = base.clone();
                let mut n = 1;
                while taken.iter().any(|(s, _)| *s == name) {
                    n += 1;
                    name = format!("{base}-{n}");
                }
                taken.push((name.clone(), format!("{input} ({school})")));
                items.push(Item {
                    stem: dir.join(&name),
                    input: input.clone(),
                    school: Some(school),
                    problem: None,
                });
            }
            continue;
        }
        let problem = taken
            .iter()
            .find(|(s, _)| *s == stem)
            .map(|(_, first)| msg!("cli.batch-same-name", stem = &stem, first = first));
        if problem.is_none() {
            taken.push((stem.clone(), input.clone()));
        }
        items.push(Item {
            stem: dir.join(&stem),
            input,
            school: None,
            problem,
        });
    }
    items
}

/// The schools of a workbook that reads without errors of its own (else
/// none: the workbook is one item, and its problems are said once).
fn schools_of(input: &str) -> Vec<String> {
    let InputKind::Sheet(format) = InputKind::of_path(Path::new(input)) else {
        return Vec::new();
    };
    let Ok(bytes) = read_input(input, &mut Log::buffered()) else {
        return Vec::new();
    };
    let fallback = input_of(input, &bytes, None).fallback_name.to_string();
    let book = cirkel_sheets::read(&bytes, format, &fallback);
    if book.has_errors() {
        return Vec::new();
    }
    book.schools.into_iter().map(|s| s.name).collect()
}

impl Item {
    /// How the item is named in messages: the file, and its school.
    fn label(&self) -> String {
        match &self.school {
            Some(s) => format!("{} ({s})", self.input),
            None => self.input.clone(),
        }
    }
}
