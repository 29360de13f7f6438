//! `cirkel`: draws the cirkel van invloed of a school's kernteam.
//!
//! A thin binary over the library crates: it parses arguments, reads and
//! writes files, and reports problems for people; everything it draws goes
//! through `cirkel_render::draw`. Exit codes: 0 done, 1 the input is wrong,
//! 2 wrong usage, 3 an I/O failure.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod args;
mod batch;
mod commands;
mod init;
mod io;
mod render;
mod report;

use args::{DescribeFormatArg, LangArg, PrivacyArg};
use report::Failure;

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
    Render(render::Render),
    /// Draw many kernteam files at once, in parallel (a samenwerkingsverband's
    /// schools). One bad file is reported and does not stop the others.
    Batch(batch::Batch),
    /// Validate a kernteam file (all errors, warnings and notes) or a theme
    /// file, or both; exit 1 on errors.
    Check {
        /// The kernteam JSON file, or `-` for standard input.
        #[arg(required_unless_present = "theme")]
        input: Option<String>,
        /// A theme file (JSON) to check: every problem at once, and colours
        /// that are hard to read. With an input, the input is checked as
        /// drawn in this theme.
        #[arg(long, value_name = "NAME|FILE")]
        theme: Option<String>,
    },
    /// Print the computed geometry as JSON (what `render` with the same
    /// options draws).
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
        /// The picture's width in px: small pictures get compact cards
        /// (the legibility rule), as `render` draws them.
        #[arg(long, default_value_t = cirkel_render::DEFAULT_WIDTH, value_parser = clap::value_parser!(u32).range(100..=8192))]
        width: u32,
        /// As wide as an A4 or A3 page's text column at 300 dpi.
        #[arg(long, value_enum, conflicts_with = "width")]
        paper: Option<args::PaperArg>,
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
        /// Overwrite the output file if it exists (without this, an existing
        /// file is never touched).
        #[arg(long)]
        force: bool,
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
        Command::Render(r) => render::run(&r),
        Command::Batch(b) => batch::run(&b),
        Command::Check { input, theme } => commands::check(input.as_deref(), theme.as_deref()),
        Command::Layout {
            input,
            lang,
            previous,
            privacy,
            width,
            paper,
        } => {
            let options = cirkel_render::DrawOptions {
                size: args::size(width, paper),
                lang: lang.into(),
                privacy: privacy.into(),
                previous: previous.map(|p| cirkel_render::Previous::File(p.into())),
                ..cirkel_render::DrawOptions::default()
            };
            commands::layout(&input, &options)
        }
        Command::Describe {
            input,
            output,
            format,
            lang,
            privacy,
        } => commands::describe(&input, &output, format, lang, privacy),
        Command::Init {
            school,
            output,
            force,
        } => commands::init(&school, &output, force),
        Command::Roles { lang } => commands::roles(lang),
        Command::Schema => commands::schema(),
    }
}
