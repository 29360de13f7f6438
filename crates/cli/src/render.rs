//! `cirkel render`: one kernteam file to one picture.

use std::path::Path;

use cirkel::{Format, LastTeam, Previous, draw_input};
use cirkel_core::{Lang, msg};

use crate::args::{DrawArgs, FormatArg};
use crate::io::{display_name, files_of, input_of, read_input, same_file, write_output};
use crate::report::{Failure, Log, draw_failure, report};

/// The arguments of `cirkel render`.
#[derive(clap::Args)]
pub(crate) struct Render {
    /// The kernteam file (JSON, .xlsx, .ods or a .csv of members), or `-`
    /// for standard input (JSON).
    input: String,
    /// Of a workbook of many schools: the school to draw (by its name). Of
    /// a CSV of members: the school's name (default: the file's name).
    #[arg(long, value_name = "NAME")]
    school: Option<String>,
    /// Output file (`.svg`, `.png` or `.pdf`), or `-` for standard output.
    /// Default: the input's name with the format's extension.
    #[arg(short, long)]
    output: Option<String>,
    /// Output format; by default taken from the output's extension.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    #[command(flatten)]
    draw: DrawArgs,
    /// Last year's layout (from `cirkel layout`): keep the circle as it
    /// was and only make room for what changed.
    #[arg(long, value_name = "LAYOUT.json")]
    previous: Option<String>,
    /// Last year's kernteam file (JSON, .xlsx, .ods, .csv) or the layout
    /// saved from it: new members get a "nieuw" marker, who left and who
    /// moved are listed under the picture.
    #[arg(long, value_name = "LAST")]
    since: Option<String>,
}

/// The format: `--format`, else the output's extension, else SVG.
fn format_of(r: &Render) -> Result<Format, Failure> {
    Ok(match (&r.format, &r.output) {
        (Some(f), _) => (*f).into(),
        (None, Some(o)) if o != "-" => Format::from_extension(o)
            .ok_or_else(|| Failure::Usage(msg!("cli.unknown-format", file = o)))?,
        _ => Format::Svg,
    })
}

pub(crate) fn run(r: &Render, lang: Lang) -> Result<(), Failure> {
    let format = format_of(r)?;
    if format == Format::Pdf {
        r.draw.check_pdf().map_err(Failure::Usage)?;
    } else if r.draw.text_as_paths && format != Format::Svg {
        return Err(Failure::Usage(msg!("cli.text-as-paths-png")));
    }
    let output = match &r.output {
        Some(o) => o.clone(),
        None if r.input == "-" => "-".into(),
        None => Path::new(&r.input)
            .with_extension(format.extension())
            .to_string_lossy()
            .into_owned(),
    };
    if output != "-" && r.input != "-" && same_file(&r.input, &output) {
        return Err(Failure::Usage(msg!("cli.output-is-input", file = &output)));
    }
    let mut options = r.draw.options(lang);
    options.format = format;
    options.previous = r.previous.as_ref().map(|p| Previous::File(p.into()));
    options.since = r.since.as_ref().map(|p| LastTeam::File(p.into()));
    options.school = r.school.clone();
    options.final_width().map_err(|e| Failure::Usage(e.0))?;

    let log = &mut Log::direct();
    let name = display_name(&r.input);
    let bytes = read_input(&r.input, log)?;
    let input = input_of(&r.input, &bytes, r.school.as_deref());
    let drawing = draw_input(&input, &files_of(&r.input), &options)
        .map_err(|e| draw_failure(&name, e, log))?;
    report(&name, &drawing.warnings, log);
    write_output(&output, &drawing.bytes)?;
    if r.output.is_none() && output != "-" {
        // Without -o the name was ours: say where the picture is.
        log.say(&msg!("cli.wrote", file = &output));
    }
    Ok(())
}
