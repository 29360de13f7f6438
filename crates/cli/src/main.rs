//! `cirkel`: draws the cirkel van invloed of a school's kernteam.
//!
//! A thin binary over the library crates: it parses arguments, reads and
//! writes files, and reports problems for people. Exit codes: 0 done, 1 the
//! input is wrong, 2 wrong usage, 3 an I/O failure.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cirkel_core::limits::MAX_INPUT_BYTES;
use cirkel_core::{Diagnostics, Lang, ParseOptions, Parsed, Privacy, catalogue};
use cirkel_layout::LayoutOptions;
use cirkel_render::{SvgOptions, Theme};
use clap::{Parser, Subcommand, ValueEnum};

mod batch;
mod init;

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
macro_rules! say {
    ($log:expr, $($arg:tt)*) => {
        $log.line(format!($($arg)*))
    };
}
pub(crate) use say;

/// Default output width in px: a full-page figure in an A4 report, and sharp
/// when a newsletter shows it 800 px wide.
const DEFAULT_WIDTH: u32 = 1600;

#[derive(Parser)]
#[command(
    name = "cirkel",
    version,
    about = "Draws the cirkel van invloed: a school's kernteam on rings around the school."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Draw a kernteam file as SVG or PNG.
    Render {
        /// The kernteam JSON file, or `-` for standard input.
        input: String,
        /// Output file (`.svg` or `.png`), or `-` for standard output.
        /// Default: the input's name with the format's extension.
        #[arg(short, long)]
        output: Option<String>,
        /// Output format; by default taken from the output's extension.
        #[arg(long, value_enum)]
        format: Option<Format>,
        #[command(flatten)]
        draw: DrawArgs,
        /// Last year's layout (from `cirkel layout`): keep the circle as it
        /// was and only make room for what changed.
        #[arg(long, value_name = "LAYOUT.json")]
        previous: Option<String>,
        /// Draw this route (by its id) prominently, with its question along
        /// its path, and fade the others.
        #[arg(long, value_name = "ID")]
        route: Option<String>,
        /// SVG only: turn text into outlines, so the picture is the same in
        /// every viewer (text is then no longer selectable or searchable).
        #[arg(long)]
        text_as_paths: bool,
    },
    /// Draw many kernteam files at once, in parallel (a samenwerkingsverband's
    /// schools). One bad file is reported and does not stop the others.
    Batch(batch::Batch),
    /// Validate a kernteam file: all errors and warnings; exit 1 on errors.
    Check {
        /// The kernteam JSON file, or `-` for standard input.
        input: String,
    },
    /// Print the computed geometry as JSON.
    Layout {
        /// The kernteam JSON file, or `-` for standard input.
        input: String,
        /// Language of the text the tool adds.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Last year's layout (from `cirkel layout`): keep the circle as it
        /// was and only make room for what changed.
        #[arg(long, value_name = "LAYOUT.json")]
        previous: Option<String>,
        /// What personal data the output may hold.
        #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
        privacy: PrivacyArg,
    },
    /// Describe the kernteam in words: who is on each ring, the expertise in
    /// house, each route and the meetings (alt text, screen readers, reports).
    Describe {
        /// The kernteam JSON file, or `-` for standard input.
        input: String,
        /// Output file, or `-` for standard output (the default).
        #[arg(short, long, default_value = "-")]
        output: String,
        /// Plain text or Markdown.
        #[arg(long, value_enum, default_value_t = DescribeFormatArg::Text)]
        format: DescribeFormatArg,
        /// Language of the description.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// What personal data the output may hold.
        #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
        privacy: PrivacyArg,
    },
    /// Write a starter file with the fixed kernteam members of the Impulstraject.
    Init {
        /// The school's name.
        #[arg(long, default_value = "Naam van de school")]
        school: String,
        /// Output file, or `-` for standard output (the default).
        #[arg(short, long, default_value = "-")]
        output: String,
    },
    /// List the built-in roles.
    Roles {
        /// Language of the labels.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
    },
    /// Print the JSON Schema of the input format.
    Schema,
}

/// How to draw: shared by `render` and `batch`.
#[derive(clap::Args, Clone)]
struct DrawArgs {
    /// Width of the output in px (the height follows). Default 1600.
    #[arg(long, default_value_t = DEFAULT_WIDTH, value_parser = clap::value_parser!(u32).range(100..=8192))]
    width: u32,
    /// Multiplies the width, for high-density screens (e.g. 2).
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    scale: f64,
    /// Language of the text the tool adds (labels, legend, defaults).
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
    /// Size for print: the width of the text column of an A4 (17 cm) or A3
    /// (25.7 cm) page at 300 dpi, with that resolution in the PNG.
    #[arg(long, value_enum, conflicts_with = "width")]
    paper: Option<Paper>,
    /// Resolution written in the PNG (pHYs), so that word processors place
    /// it at the intended size. Default: the picture is 17 cm wide (the text
    /// column of an A4 page).
    #[arg(long, value_parser = parse_dpi)]
    dpi: Option<f64>,
    /// Smallest PNG file (slower); by default size and speed are balanced.
    #[arg(long, conflicts_with = "fast_png")]
    optimize: bool,
    /// Fastest PNG encoding (larger file), for bulk work.
    #[arg(long)]
    fast_png: bool,
    /// Colours: `standaard` (colour-blind safe), `print` (also works in
    /// black and white), `contrast`, or a theme file (JSON; copy one from
    /// assets/themes and change its colours).
    #[arg(long, value_name = "NAME|FILE", default_value = "standaard")]
    theme: String,
    /// What personal data the output may hold: `names` drops contact data,
    /// `roles` also personal names and photos (for a public web page).
    #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
    privacy: PrivacyArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Paper {
    A4,
    A3,
}

/// Text column width of A4 (21 cm less 2 cm margins) and A3, in cm.
const A4_COLUMN_CM: f64 = 17.0;
const A3_COLUMN_CM: f64 = 25.7;
/// Print resolution for `--paper`.
const PRINT_DPI: f64 = 300.0;

fn parse_dpi(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if v.is_finite() && (10.0..=2400.0).contains(&v) {
        Ok(v)
    } else {
        Err("the resolution must be between 10 and 2400 dpi".into())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BatchFormat {
    Svg,
    Png,
    Both,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PrivacyArg {
    Full,
    Names,
    Roles,
}

impl From<PrivacyArg> for Privacy {
    fn from(p: PrivacyArg) -> Privacy {
        match p {
            PrivacyArg::Full => Privacy::Full,
            PrivacyArg::Names => Privacy::Names,
            PrivacyArg::Roles => Privacy::Roles,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DescribeFormatArg {
    Text,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Svg,
    Png,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

fn parse_scale(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if v.is_finite() && (0.25..=8.0).contains(&v) {
        Ok(v)
    } else {
        Err("the scale must be between 0.25 and 8".into())
    }
}

/// A failure, with the exit code it maps to.
enum Failure {
    /// The input is wrong (exit 1); the message was already printed.
    Input,
    /// Wrong usage (exit 2).
    Usage(String),
    /// Reading or writing failed (exit 3).
    Io(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Turn a panic anywhere (ours or a dependency's) into a clean message.
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| run(cli)).unwrap_or_else(|_| {
        eprintln!("error: cirkel failed on this input (an internal error). Please report it with the input file.");
        Err(Failure::Input)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input) => ExitCode::from(1),
        Err(Failure::Usage(m)) => {
            eprintln!("error: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Io(m)) => {
            eprintln!("error: {m}");
            ExitCode::from(3)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Render {
            input,
            output,
            format,
            draw,
            previous,
            route,
            text_as_paths,
        } => render(
            &input,
            output,
            format,
            &draw,
            previous.as_deref(),
            route.as_deref(),
            text_as_paths,
        ),
        Command::Batch(b) => batch::run(&b),
        Command::Check { input } => {
            let parsed = load(&input, Lang::Nl, true, &mut Log::direct())?;
            let k = &parsed.kernteam;
            println!(
                "{}: ok: {} members on {} rings, {} routes, {} warnings, {} notes",
                display_name(&input),
                k.members.len(),
                k.rings.len(),
                k.routes.len(),
                parsed.warnings.warnings().count(),
                parsed.warnings.notes().count()
            );
            Ok(())
        }
        Command::Layout {
            input,
            lang,
            previous,
            privacy,
        } => {
            let log = &mut Log::direct();
            let mut parsed = load(&input, lang.into(), false, log)?;
            parsed.kernteam = parsed.kernteam.redacted(privacy.into());
            let geometry = make_layout(
                &input,
                &parsed,
                previous.as_deref(),
                &LayoutOptions::default(),
                log,
            )?;
            let json =
                serde_json::to_string_pretty(&geometry).map_err(|e| Failure::Io(e.to_string()))?;
            write_output("-", format!("{json}\n").as_bytes(), None)
        }
        Command::Describe {
            input,
            output,
            format,
            lang,
            privacy,
        } => {
            let parsed = load(&input, lang.into(), false, &mut Log::direct())?;
            let k = parsed.kernteam.redacted(privacy.into());
            let format = match format {
                DescribeFormatArg::Text => cirkel_layout::DescribeFormat::Text,
                DescribeFormatArg::Markdown => cirkel_layout::DescribeFormat::Markdown,
            };
            let text = cirkel_layout::describe(&k, format);
            write_output(&output, text.as_bytes(), Some(&input))
        }
        Command::Init { school, output } => {
            let text = init::starter(&school);
            write_output(&output, text.as_bytes(), None)?;
            if output != "-" {
                eprintln!("wrote {output}; check it with `cirkel check {output}`");
            }
            Ok(())
        }
        Command::Roles { lang } => {
            let lang: Lang = lang.into();
            let mut out = String::new();
            for r in catalogue::roles() {
                out.push_str(&format!(
                    "{:<30} {:<34} {:<22} {}\n",
                    r.id,
                    r.label.get(lang),
                    r.domain.key(),
                    r.organisation.get(lang)
                ));
            }
            write_output("-", out.as_bytes(), None)
        }
        Command::Schema => {
            let json = serde_json::to_string_pretty(&cirkel_core::schema::json_schema())
                .map_err(|e| Failure::Io(e.to_string()))?;
            write_output("-", format!("{json}\n").as_bytes(), None)
        }
    }
}

fn display_name(input: &str) -> String {
    if input == "-" {
        "<stdin>".into()
    } else {
        input.to_string()
    }
}

/// Reads the input (within the size limit), parses it and prints warnings; on
/// errors prints them all and fails with exit code 1.
fn load(input: &str, lang: Lang, notes: bool, log: &mut Log) -> Result<Parsed, Failure> {
    let name = display_name(input);
    let bytes = read_input(input, log)?;
    let base_dir = if input == "-" {
        None
    } else {
        Some(Path::new(input).parent().map_or_else(
            || PathBuf::from("."),
            |p| {
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            },
        ))
    };
    match cirkel_core::parse(&bytes, &ParseOptions { lang, base_dir }) {
        Ok(parsed) => {
            if notes {
                report(&name, &parsed.warnings, log);
            } else {
                let shown = Diagnostics(parsed.warnings.warnings().cloned().collect());
                report(&name, &shown, log);
            }
            warn_missing_glyphs(&name, &parsed.kernteam, log);
            Ok(parsed)
        }
        Err(diags) => {
            report(&name, &diags, log);
            let n = diags.errors().count();
            say!(
                log,
                "{name}: {n} error{} found; nothing was written",
                if n == 1 { "" } else { "s" }
            );
            Err(Failure::Input)
        }
    }
}

/// Warns about characters the bundled font cannot show (Arabic, Hebrew,
/// emoji, …): they would appear as empty boxes.
fn warn_missing_glyphs(name: &str, k: &cirkel_core::Kernteam, log: &mut Log) {
    let mut fields: Vec<(String, &str)> = vec![
        ("school.name".into(), &k.school.name),
        ("title".into(), &k.title),
    ];
    if let Some(p) = &k.school.place {
        fields.push(("school.place".into(), p));
    }
    for (i, m) in k.members.iter().enumerate() {
        fields.push((format!("members[{i}].role"), &m.role));
        for (key, value) in [
            ("name", &m.name),
            ("organisation", &m.organisation),
            ("availability", &m.availability),
        ] {
            if let Some(v) = value {
                fields.push((format!("members[{i}].{key}"), v));
            }
        }
        for (j, e) in m.expertise.iter().enumerate() {
            fields.push((format!("members[{i}].expertise[{j}]"), e));
        }
    }
    for (i, r) in k.routes.iter().enumerate() {
        fields.push((format!("routes[{i}].question"), &r.question));
    }
    for (i, m) in k.meetings.iter().enumerate() {
        fields.push((format!("meetings[{i}].purpose"), &m.purpose));
    }
    for (path, text) in fields {
        let missing = cirkel_layout::text::missing_characters(text);
        if !missing.is_empty() {
            let shown: Vec<String> = missing
                .iter()
                .take(5)
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect();
            say!(
                log,
                "{name}: warning: {path}: the bundled font has no glyph for {}{}; they are drawn as empty boxes\n  help: the font covers Latin, Greek and Cyrillic; write the text in those scripts if you can",
                shown.join(", "),
                if missing.len() > 5 { ", …" } else { "" }
            );
        }
    }
}

fn report(name: &str, diags: &Diagnostics, log: &mut Log) {
    for d in &diags.0 {
        say!(log, "{}", d.display_with_file(name));
    }
}

fn read_input(input: &str, log: &mut Log) -> Result<Vec<u8>, Failure> {
    let limit = MAX_INPUT_BYTES as u64;
    let too_big = |n: u64, log: &mut Log| {
        say!(
            log,
            "{}: error: input is {:.1} MB; the limit is {} MB",
            display_name(input),
            n as f64 / (1024.0 * 1024.0),
            MAX_INPUT_BYTES / (1024 * 1024)
        );
        Failure::Input
    };
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?;
        if bytes.is_empty() {
            say!(
                log,
                "<stdin>: error: no input on stdin\n  help: pipe a kernteam file in, or give its path instead of `-`"
            );
            return Err(Failure::Input);
        }
    } else {
        let path = Path::new(input);
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::Io(format!("cannot read {input}: {}", io_reason(&e))))?;
        if meta.is_dir() {
            return Err(Failure::Io(format!(
                "{input} is a folder, not a kernteam file"
            )));
        }
        if meta.is_file() && meta.len() > limit {
            return Err(too_big(meta.len(), log));
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| Failure::Io(format!("cannot read {input}: {}", io_reason(&e))))?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64, log));
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Lays out the parsed input, anchored to an earlier layout when given.
fn make_layout(
    input: &str,
    parsed: &Parsed,
    previous: Option<&str>,
    options: &LayoutOptions,
    log: &mut Log,
) -> Result<cirkel_layout::Layout, Failure> {
    let result = match previous {
        None => cirkel_layout::layout(&parsed.kernteam, options),
        Some(file) => {
            let bytes = read_input(file, log)?;
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            let previous: cirkel_layout::Layout = serde_json::from_slice(bytes).map_err(|e| {
                say!(
            log,
                    "{}:{}:{}: error: not a layout written by `cirkel layout`: {}\n  help: make it with `cirkel layout last-year.json > last-year.layout.json`",
                    display_name(file),
                    e.line(),
                    e.column(),
                    e.to_string().split(" at line ").next().unwrap_or("")
                );
                Failure::Input
            })?;
            cirkel_layout::layout_with_previous(&parsed.kernteam, options, &previous)
        }
    };
    result.map_err(|e| {
        say!(log, "{}: error: {e}", display_name(input));
        Failure::Input
    })
}

fn render(
    input: &str,
    output: Option<String>,
    format: Option<Format>,
    draw: &DrawArgs,
    previous: Option<&str>,
    route: Option<&str>,
    text_as_paths: bool,
) -> Result<(), Failure> {
    let ext_format = |o: &str| match Path::new(o)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => Some(Format::Svg),
        Some("png") => Some(Format::Png),
        _ => None,
    };
    let format = match (&format, &output) {
        (Some(f), _) => *f,
        (None, Some(o)) if o != "-" => ext_format(o).ok_or_else(|| {
            Failure::Usage(format!(
                "cannot tell the format from \"{o}\"; name it .svg or .png, or give --format"
            ))
        })?,
        _ => Format::Svg,
    };
    let output = match output {
        Some(o) => o,
        None if input == "-" => "-".into(),
        None => Path::new(input)
            .with_extension(format.extension())
            .to_string_lossy()
            .into_owned(),
    };
    if output != "-" && input != "-" && same_file(input, &output) {
        return Err(Failure::Usage(format!(
            "the output {output} is the input file; choose another name"
        )));
    }
    let final_width = final_width(draw)?;
    let log = &mut Log::direct();
    let parsed = load(input, draw.lang.into(), false, log)?;
    let theme = load_theme(&draw.theme, log)?;
    let (geometry, photos) = prepare(
        input,
        &parsed,
        draw,
        route,
        previous,
        Some(final_width),
        log,
    )?;
    let png = png_options(draw, final_width);
    let bytes = encode(
        input,
        &geometry,
        &theme,
        route,
        format,
        final_width,
        &png,
        &photos,
        log,
    )?;

    let bytes = if text_as_paths && format == Format::Svg {
        let svg = String::from_utf8_lossy(&bytes);
        cirkel_render::svg_text_as_paths(&svg)
            .map_err(|e| {
                say!(log, "{}: error: {e}", display_name(input));
                Failure::Input
            })?
            .into_bytes()
    } else {
        bytes
    };
    write_output(&output, &bytes, Some(input))
}

/// The theme by bundled name or from a file; a bad file is an input error
/// (exit 1) with line, column and key; colours below WCAG AA are warned about.
fn load_theme(spec: &str, log: &mut Log) -> Result<Theme, Failure> {
    if let Some(t) = Theme::bundled(spec) {
        return Ok(t);
    }
    let looks_like_file = spec.contains('.') || spec.contains('/') || spec.contains('\\');
    if !looks_like_file {
        let names: Vec<&str> = cirkel_render::BUNDLED_THEMES
            .iter()
            .map(|(n, _)| *n)
            .collect();
        let hint = cirkel_core::diagnostic::nearest(spec, names.iter().copied())
            .map(|n| format!("did you mean \"{n}\"? "))
            .unwrap_or_default();
        return Err(Failure::Usage(format!(
            "--theme \"{spec}\": no such theme; {hint}bundled themes: {}, or give a theme file (.json)",
            cirkel_core::diagnostic::quoted_list(names.iter().copied(), 10)
        )));
    }
    let bytes = read_input(spec, log)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        say!(log, "{spec}: error: the theme file is not UTF-8 text");
        Failure::Input
    })?;
    let theme = Theme::from_json(&text).map_err(|e| {
        say!(
            log,
            "{spec}:{}:{}: error: {}{}\n  help: start from a copy of assets/themes/standaard.json",
            e.line,
            e.column,
            if e.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", e.path)
            },
            e.message
        );
        Failure::Input
    })?;
    for p in theme.contrast_problems() {
        say!(
            log,
            "{spec}: warning: {p}; text may be hard to read (WCAG AA asks 4.5:1)"
        );
    }
    Ok(theme)
}

/// The output width in px, checked against the PNG limit.
fn final_width(draw: &DrawArgs) -> Result<f64, Failure> {
    let base = match draw.paper {
        Some(Paper::A4) => (A4_COLUMN_CM / 2.54 * PRINT_DPI).round(),
        Some(Paper::A3) => (A3_COLUMN_CM / 2.54 * PRINT_DPI).round(),
        None => f64::from(draw.width),
    };
    let final_width = (base * draw.scale).round();
    if !(1.0..=f64::from(cirkel_render::MAX_PNG_SIDE)).contains(&final_width) {
        return Err(Failure::Usage(format!(
            "the output would be {final_width} px wide; the limit is {} px",
            cirkel_render::MAX_PNG_SIDE
        )));
    }
    Ok(final_width)
}

/// PNG options from the command line: resolution (given, from `--paper`,
/// or what makes the picture as wide as an A4 text column) and effort.
fn png_options(draw: &DrawArgs, final_width: f64) -> cirkel_render::PngOptions {
    let dpi = draw.dpi.unwrap_or(match draw.paper {
        Some(_) => PRINT_DPI * draw.scale,
        None => final_width / (A4_COLUMN_CM / 2.54),
    });
    cirkel_render::PngOptions {
        effort: if draw.optimize {
            cirkel_render::PngEffort::Smallest
        } else if draw.fast_png {
            cirkel_render::PngEffort::Fast
        } else {
            cirkel_render::PngEffort::Balanced
        },
        dpi: Some(dpi),
        background: None,
    }
}

/// Redacts, checks the highlighted route's id and lays out one parsed input
/// for a picture `final_width` px wide (compact cards when the text would
/// be too small to read).
fn prepare(
    input: &str,
    parsed: &Parsed,
    draw: &DrawArgs,
    route: Option<&str>,
    previous: Option<&str>,
    final_width: Option<f64>,
    log: &mut Log,
) -> Result<(cirkel_layout::Layout, Photos), Failure> {
    let redacted = Parsed {
        kernteam: parsed.kernteam.redacted(draw.privacy.into()),
        warnings: Diagnostics::default(),
    };
    if let Some(id) = route
        && !redacted.kernteam.routes.iter().any(|r| r.id == id)
    {
        let ids: Vec<&str> = redacted
            .kernteam
            .routes
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let help = if ids.is_empty() {
            "this file has no routes; add them under \"routes\"".to_string()
        } else {
            let mut h = match cirkel_core::diagnostic::nearest(id, ids.iter().copied()) {
                Some(n) => format!("did you mean \"{n}\"? "),
                None => String::new(),
            };
            h.push_str(&format!(
                "known routes: {}",
                cirkel_core::diagnostic::quoted_list(ids.iter().copied(), 20)
            ));
            h
        };
        say!(
            log,
            "{}: error: --route \"{id}\": there is no route with this id\n  help: {help}",
            display_name(input)
        );
        return Err(Failure::Input);
    }
    let photos = load_photos(&redacted.kernteam)?;
    let full = make_layout(input, &redacted, previous, &LayoutOptions::default(), log)?;
    let Some(width) = final_width else {
        return Ok((full, photos));
    };
    // The legibility rule: when the smallest text would be drawn under
    // LEGIBLE_PX at the output width, cards show role and name only (a
    // smaller circle, so everything is drawn larger).
    let smallest = |l: &cirkel_layout::Layout| l.min_font_size * width / l.width;
    if smallest(&full) >= cirkel_layout::LEGIBLE_PX {
        return Ok((full, photos));
    }
    let compact_options = LayoutOptions {
        compact: true,
        // The canvas hugs the circle (no minimum width).
        width: 0.0,
        ..LayoutOptions::default()
    };
    let compact = make_layout(input, &redacted, previous, &compact_options, log)?;
    if smallest(&compact) < cirkel_layout::LEGIBLE_PX {
        let needed = (cirkel_layout::LEGIBLE_PX * compact.width / compact.min_font_size).ceil();
        say!(
            log,
            "{}: warning: at {width:.0} px wide the smallest text is {:.1} px, hard to read; cards show role and name only. Use --width {needed} or more",
            display_name(input),
            smallest(&compact)
        );
    }
    Ok((compact, photos))
}

/// Members' photos, by member id.
type Photos = std::collections::BTreeMap<String, cirkel_render::Photo>;

/// Reads the photos of the (already redacted) kernteam. The parser checked
/// each file (inside the input's folder, PNG or JPEG, size and pixels); a
/// file that changed since is read within the same byte limit.
fn load_photos(k: &cirkel_core::Kernteam) -> Result<Photos, Failure> {
    let mut photos = Photos::new();
    for m in &k.members {
        let Some(path) = &m.photo else { continue };
        let limit = cirkel_core::limits::MAX_PHOTO_BYTES;
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| {
                Failure::Io(format!(
                    "cannot read photo {}: {}",
                    path.display(),
                    io_reason(&e)
                ))
            })?;
        if bytes.len() as u64 > limit {
            return Err(Failure::Io(format!(
                "photo {} grew past the limit while reading",
                path.display()
            )));
        }
        photos.insert(m.id.clone(), cirkel_render::Photo { bytes });
    }
    Ok(photos)
}

/// Draws a layout as SVG or PNG, `final_width` px wide.
#[allow(clippy::too_many_arguments)]
fn encode(
    input: &str,
    geometry: &cirkel_layout::Layout,
    theme: &Theme,
    route: Option<&str>,
    format: Format,
    final_width: f64,
    png: &cirkel_render::PngOptions,
    photos: &Photos,
    log: &mut Log,
) -> Result<Vec<u8>, Failure> {
    let options = SvgOptions {
        width: Some(final_width),
        highlight: route.map(str::to_string),
        photos: photos.clone(),
        ..SvgOptions::default()
    };
    Ok(match format {
        Format::Svg => cirkel_render::to_svg(geometry, theme, &options).into_bytes(),
        Format::Png => {
            cirkel_render::layout_to_png(geometry, theme, &options, final_width as u32, png)
                .map_err(|e| {
                    say!(log, "{}: error: {e}", display_name(input));
                    Failure::Input
                })?
        }
    })
}

fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes atomically: a temporary file next to the target, then a rename, so
/// a failure never leaves a half-written file or spoils a good one.
fn write_output(output: &str, bytes: &[u8], _input: Option<&str>) -> Result<(), Failure> {
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
            .map_err(|e| Failure::Io(format!("cannot write to standard output: {e}")));
    }
    let target = Path::new(output);
    if target.is_dir() {
        return Err(Failure::Io(format!(
            "{output} is a folder; give a file name like {output}/cirkel.png"
        )));
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = target
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cirkel".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, target));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Failure::Io(format!(
            "cannot write {output}: {}",
            io_reason(&e)
        )));
    }
    Ok(())
}
