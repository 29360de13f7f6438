//! `cirkel`: draws the cirkel van invloed of a school's kernteam.
//!
//! A thin binary over the library crates: it parses arguments, reads and
//! writes files, and reports problems for people; everything it draws goes
//! through `cirkel::draw`. Exit codes: 0 done, 1 the input is wrong,
//! 2 wrong usage, 3 an I/O failure.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod args;
mod batch;
mod commands;
mod convert;
mod io;
mod render;
mod report;

use args::{DescribeFormatArg, LangArg, PrivacyArg};
use cirkel_core::{Lang, msg};
use report::Failure;

#[derive(Parser)]
#[command(
    name = "cirkel",
    version,
    about = "Draws the cirkel van invloed: a school's kernteam on rings around the school.",
    after_help = "Messages are in Dutch; --lang en gives English (this help is in English)."
)]
struct Cli {
    /// Language of everything cirkel says and adds: its messages, and the
    /// labels, legend and defaults in the picture.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Nl)]
    lang: LangArg,
    /// A samenwerkingsverband's partner list (JSON): members that say
    /// `"partner": "ID"` take the partner's name, contact and the rest from
    /// it (see `cirkel partners`).
    #[arg(long, global = true, value_name = "FILE")]
    partners: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Draw a kernteam file as SVG or PNG.
    Render(render::Render),
    /// Draw many kernteam files at once, in parallel (a samenwerkingsverband's
    /// schools). One bad file is reported and does not stop the others.
    Batch(batch::Batch),
    /// Validate a kernteam file (all errors, warnings and notes) or a theme
    /// file, or both; exit 1 on errors.
    Check {
        /// The kernteam file (JSON, .xlsx, .ods or a .csv of members), or
        /// `-` for standard input (JSON). Every school of a workbook is
        /// checked.
        #[arg(required_unless_present = "theme")]
        input: Option<String>,
        /// Only this school of a workbook (by its name). Of a
        /// CSV of members: the school's name (default: the file's name).
        #[arg(long, value_name = "NAME")]
        school: Option<String>,

        /// A theme file (JSON) to check: every problem at once, and colours
        /// that are hard to read. With an input, the input is checked as
        /// drawn in this theme.
        #[arg(long, value_name = "NAME|FILE")]
        theme: Option<String>,
        /// Last year's kernteam file (JSON, .xlsx, .ods, .csv) or the
        /// layout saved from it: what changed since then.
        #[arg(long, value_name = "LAST")]
        since: Option<String>,
    },
    /// Print the computed geometry as JSON (what `render` with the same
    /// options draws).
    Layout {
        /// The kernteam file (JSON, .xlsx, .ods, .csv), or `-` for
        /// standard input (JSON).
        input: String,
        /// Of a workbook of many schools: the school (by its name). Of a
        /// CSV of members: the school's name (default: the file's name).
        #[arg(long, value_name = "NAME")]
        school: Option<String>,

        /// Output file, or `-` for standard output.
        #[arg(short, long, default_value = "-")]
        output: String,
        /// Last year's layout (from `cirkel layout`): keep the circle as it
        /// was and only make room for what changed.
        #[arg(long, value_name = "LAYOUT.json")]
        previous: Option<String>,
        /// Last year's kernteam file (JSON, .xlsx, .ods, .csv) or the
        /// layout saved from it: what changed since then.
        #[arg(long, value_name = "LAST")]
        since: Option<String>,
        /// What personal data the output may hold.
        #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
        privacy: PrivacyArg,
        /// The picture's width in px: small pictures get compact cards
        /// (the legibility rule), as `render` draws them.
        #[arg(long, default_value_t = cirkel::DEFAULT_WIDTH, value_parser = clap::value_parser!(u32).range(100..=8192))]
        width: u32,
        /// As wide as an A4 or A3 page's text column at 300 dpi.
        #[arg(long, value_enum, conflicts_with = "width")]
        paper: Option<args::PaperArg>,
        /// The geometry of this format: `pdf` gives what a PDF on the
        /// `--paper` (default A4) draws (the legibility rule in points).
        #[arg(long, value_enum)]
        format: Option<args::FormatArg>,
    },
    /// Describe the kernteam in words: who is on each ring, the expertise in
    /// house, each route and the meetings (alt text, screen readers, reports).
    Describe {
        /// The kernteam file (JSON, .xlsx, .ods, .csv), or `-` for
        /// standard input (JSON).
        input: String,
        /// Of a workbook of many schools: the school (by its name). Of a
        /// CSV of members: the school's name (default: the file's name).
        #[arg(long, value_name = "NAME")]
        school: Option<String>,

        /// Output file, or `-` for standard output.
        #[arg(short, long, default_value = "-")]
        output: String,
        /// Plain text or Markdown.
        #[arg(long, value_enum, default_value_t = DescribeFormatArg::Text)]
        format: DescribeFormatArg,
        /// What personal data the output may hold.
        #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
        privacy: PrivacyArg,
        /// Last year's kernteam file (JSON, .xlsx, .ods, .csv) or the
        /// layout saved from it: what changed since then.
        #[arg(long, value_name = "LAST")]
        since: Option<String>,
    },
    /// What changed since last year: who is new in the kernteam (with their
    /// expertise, availability and contact), who left, and who moved to
    /// another ring or works with the school more or less closely. For the
    /// first kernteam meeting of the school year.
    Diff {
        /// Last year's kernteam file (JSON, .xlsx, .ods, .csv).
        last: String,
        /// This year's kernteam file.
        this: String,
        /// Of workbooks of many schools: the school (by its name), in both.
        #[arg(long, value_name = "NAME")]
        school: Option<String>,
        /// Output file, or `-` for standard output.
        #[arg(short, long, default_value = "-")]
        output: String,
        /// Plain text or Markdown.
        #[arg(long, value_enum, default_value_t = DescribeFormatArg::Text)]
        format: DescribeFormatArg,
        /// What personal data the output may hold (`roles`: no names, new
        /// or departed).
        #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
        privacy: PrivacyArg,
    },
    /// A samenwerkingsverband's partner list over its schools: for each
    /// partner the schools they serve, on which ring and in which routes;
    /// and members written out in a school that look like a listed partner
    /// (the same role and name), with the fix.
    Partners {
        /// The partner list (JSON).
        list: String,
        /// The schools' files (JSON, .xlsx, .ods, .csv; every school of a
        /// workbook).
        #[arg(required = true)]
        schools: Vec<String>,
        /// Output file, or `-` for standard output.
        #[arg(short, long, default_value = "-")]
        output: String,
        /// Plain text, Markdown, or a workbook (.xlsx: a row per partner and
        /// school; `-o` names the file).
        #[arg(long, value_enum, default_value_t = args::OverviewFormat::Text)]
        format: args::OverviewFormat,
    },
    /// Write a starter file with the fixed kernteam members of the
    /// Impulstraject: JSON, or a filled-in workbook (`--format xlsx`).
    Init {
        /// JSON, or a workbook with a guide sheet and drop-down lists.
        /// Default: by the output's extension, else JSON.
        #[arg(long, value_enum)]
        format: Option<convert::FileFormat>,
        /// The school's name.
        #[arg(long, default_value = "Naam van de school")]
        school: String,
        /// Output file, or `-` for standard output.
        #[arg(short, long, default_value = "-")]
        output: String,
        /// Overwrite the output file if it exists (without this, an existing
        /// file is never touched).
        #[arg(long)]
        force: bool,
    },
    /// Turn a kernteam file into a workbook (.xlsx, .ods) or back into
    /// JSON; several files into one workbook of many schools. What is
    /// written is read back and must give the same kernteams.
    Convert {
        /// The kernteam file(s) (JSON, .xlsx, .ods, .csv), then the file
        /// to write: .json, .xlsx or .ods.
        #[arg(required = true, num_args = 2.., value_name = "IN... OUT")]
        files: Vec<String>,
        /// Of a workbook of many schools: only this school (needed for
        /// JSON output).
        #[arg(long, value_name = "NAME")]
        school: Option<String>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Edit a kernteam file in your browser, with the circle beside it
    /// (a local server on this computer only; stop it with Ctrl+C).
    Serve {
        /// The file to edit (JSON, .xlsx or .ods). Without it: the
        /// starter kernteam, saved under a name you give.
        file: Option<String>,
        /// The port on 127.0.0.1 (default: a free one).
        #[arg(long)]
        port: Option<u16>,
        /// Print the address only; do not open the browser.
        #[arg(long)]
        no_open: bool,
        /// Of a workbook of many schools: the school to edit.
        #[arg(long, value_name = "NAME")]
        school: Option<String>,
    },
    /// List the built-in roles.
    Roles,
    /// Print the JSON Schema of the input format.
    Schema,
}

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first: messages of argument checks follow it too.
    report::set_lang(lang_in(&argv));
    if let Some(file) = file_without_command(&argv) {
        eprintln!(
            "{}: {}",
            msg!("diag.error").text(report::lang()),
            msg!("cli.no-command", file = file).text(report::lang())
        );
        return ExitCode::from(2);
    }
    let cli = Cli::parse_from(argv);
    report::set_lang(cli.lang.into());
    // Turn a panic anywhere (ours or a dependency's) into a clean message.
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| run(cli)).unwrap_or_else(|_| {
        eprintln!("{}", msg!("cli.panic").text(report::lang()));
        Err(Failure::Input)
    });
    let error = msg!("diag.error").text(report::lang());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input) => ExitCode::from(1),
        Err(Failure::Usage(m)) => {
            eprintln!("{error}: {}", m.text(report::lang()));
            ExitCode::from(2)
        }
        Err(Failure::Io(m)) => {
            eprintln!("{error}: {}", m.text(report::lang()));
            ExitCode::from(3)
        }
    }
}

/// `--lang en` (or `--lang=en`) anywhere on the command line.
fn lang_in(argv: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned().unwrap_or_default()))
    });
    match value.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Nl,
    }
}

/// `cirkel regenboog.json`: a file where the command belongs.
fn file_without_command(argv: &[std::ffi::OsString]) -> Option<String> {
    // Skip the global `--lang X` / `--lang=X` before the first word.
    let mut words = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    let mut first = words.next()?;
    while first == "--lang" || first.starts_with("--lang=") {
        if first == "--lang" {
            words.next()?;
        }
        first = words.next()?;
    }
    let commands = [
        "render", "batch", "check", "layout", "describe", "diff", "partners", "init", "convert",
        "serve", "roles", "schema", "help",
    ];
    let looks_like_file = [".json", ".xlsx", ".ods", ".csv"]
        .iter()
        .any(|ext| first.to_lowercase().ends_with(ext))
        || (std::path::Path::new(&first).is_file() && !commands.contains(&first.as_str()));
    (looks_like_file && !first.starts_with('-')).then_some(first)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let lang: Lang = cli.lang.into();
    if let Some(file) = &cli.partners {
        // Read once; its problems are said once, at its own lines.
        let log = &mut report::Log::direct();
        let name = io::display_name(file);
        let (list, warnings) = cirkel::load_partners(std::path::Path::new(file), lang)
            .map_err(|e| report::check_failure(&name, e, log))?;
        report::report(&name, &warnings, log);
        report::set_partners(list);
    }
    match cli.command {
        Command::Render(r) => render::run(&r, lang),
        Command::Batch(b) => batch::run(&b, lang),
        Command::Check {
            input,
            theme,
            school,
            since,
        } => commands::check(
            input.as_deref(),
            (theme.as_deref(), since.as_deref()),
            school.as_deref(),
            lang,
        ),
        Command::Layout {
            input,
            output,
            previous,
            since,
            privacy,
            width,
            paper,
            format,
            school,
        } => {
            let options = cirkel::DrawOptions {
                school,
                format: format.map(Into::into).unwrap_or_default(),
                size: args::size(width, paper),
                lang,
                privacy: privacy.into(),
                previous: previous.map(|p| cirkel::Previous::File(p.into())),
                since: since.map(|p| cirkel::LastTeam::File(p.into())),
                partners: report::partners(),
                ..cirkel::DrawOptions::default()
            };
            commands::layout(&input, &output, &options)
        }
        Command::Describe {
            input,
            output,
            format,
            privacy,
            school,
            since,
        } => commands::describe(
            (&input, since.as_deref()),
            &output,
            format,
            (lang, privacy),
            school.as_deref(),
        ),
        Command::Diff {
            last,
            this,
            school,
            output,
            format,
            privacy,
        } => commands::diff(
            &last,
            &this,
            &output,
            format,
            (lang, privacy),
            school.as_deref(),
        ),
        Command::Init {
            school,
            output,
            force,
            format,
        } => convert::init(&school, &output, force, format, lang),
        Command::Convert {
            mut files,
            school,
            force,
        } => {
            let output = files.pop().unwrap_or_default();
            convert::convert(&files, &output, school.as_deref(), force, lang)
        }
        Command::Serve {
            file,
            port,
            no_open,
            school,
        } => {
            let options = cirkel_serve::ServeOptions {
                file: file.map(Into::into),
                port,
                school,
                lang,
                partners: crate::report::partners(),
                folder: None,
            };
            cirkel_serve::serve(&options, !no_open).map_err(Failure::Io)
        }
        Command::Partners {
            list,
            schools,
            output,
            format,
        } => commands::partners(&list, &schools, &output, format, lang),
        Command::Roles => commands::roles(lang),
        Command::Schema => commands::schema(),
    }
}
