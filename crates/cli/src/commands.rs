//! The small commands: `check`, `layout`, `describe`, `init`, `roles`,
//! `schema`.

use cirkel_core::{Diagnostics, Lang, ParseOptions, Parsed, msg, parse_with, roles as catalogue};
use cirkel_render::{DrawError, DrawOptions, ThemeChoice, prepare, prepare_parsed, resolve_theme};

use crate::args::{DescribeFormatArg, PrivacyArg};
use crate::init;
use crate::io::{display_name, files_of, read_input, write_new, write_output};
use crate::report::{Failure, Log, check_failure, draw_failure, report, words};

/// Reads and parses an input; on errors prints them all and fails.
fn parse_input(
    input: &str,
    lang: Lang,
    log: &mut Log,
    on_error: fn(&str, DrawError, &mut Log) -> Failure,
) -> Result<Parsed, Failure> {
    let json = read_input(input, log)?;
    let options = ParseOptions {
        lang,
        base_dir: None,
    };
    parse_with(&json, &options, &files_of(input))
        .map_err(|d| on_error(&display_name(input), d.into(), log))
}

/// `cirkel check`: every error, warning and note; exit 1 on errors. The
/// circle is laid out too, so what only the layout finds (a circle past the
/// canvas limit, characters the font lacks) is reported as well. With
/// `--theme` (and no input) the theme file alone is checked.
pub(crate) fn check(input: Option<&str>, theme: Option<&str>, lang: Lang) -> Result<(), Failure> {
    let log = &mut Log::direct();
    let choice = theme.map_or(ThemeChoice::default(), ThemeChoice::from_spec);
    let Some(input) = input else {
        return check_theme(theme.unwrap_or("standaard"), &choice, log);
    };
    let name = display_name(input);
    let parsed = parse_input(input, lang, log, check_failure)?;
    let notes = Diagnostics(parsed.warnings.notes().cloned().collect());
    let options = DrawOptions {
        theme: choice,
        lang,
        ..DrawOptions::default()
    };
    let prepared = prepare_parsed(&parsed, &options).map_err(|e| check_failure(&name, e, log))?;
    let mut all = prepared.warnings.clone();
    all.0.extend(notes.0);
    all.sort();
    report(&name, &all, log);
    let k = &parsed.kernteam;
    println!(
        "{}",
        words(&msg!(
            "cli.check-ok",
            file = &name,
            members = k.members.len(),
            rings = k.rings.len(),
            routes = k.routes.len(),
            warnings = all.warnings().count(),
            notes = all.notes().count()
        ))
    );
    Ok(())
}

/// `cirkel check --theme FILE`: the theme's problems and hard-to-read colours.
fn check_theme(spec: &str, choice: &ThemeChoice, log: &mut Log) -> Result<(), Failure> {
    let (_, warnings) = resolve_theme(choice).map_err(|e| check_failure(spec, e, log))?;
    let warnings = Diagnostics(warnings);
    report(spec, &warnings, log);
    println!(
        "{}",
        words(&msg!(
            "cli.theme-ok",
            file = spec,
            warnings = warnings.warnings().count()
        ))
    );
    Ok(())
}

/// `cirkel layout`: the geometry `render` draws with the same options.
pub(crate) fn layout(input: &str, output: &str, options: &DrawOptions) -> Result<(), Failure> {
    let log = &mut Log::direct();
    let name = display_name(input);
    let json = read_input(input, log)?;
    let prepared =
        prepare(&json, &files_of(input), options).map_err(|e| draw_failure(&name, e, log))?;
    report(&name, &prepared.warnings, log);
    let json = serde_json::to_string_pretty(&prepared.layout)
        .map_err(|e| Failure::Io(msg!("io.other", text = e)))?;
    write_output(output, format!("{json}\n").as_bytes())
}

/// `cirkel describe`: the circle in words.
pub(crate) fn describe(
    input: &str,
    output: &str,
    format: DescribeFormatArg,
    lang: Lang,
    privacy: PrivacyArg,
) -> Result<(), Failure> {
    let log = &mut Log::direct();
    let parsed = parse_input(input, lang, log, draw_failure)?;
    let shown = Diagnostics(parsed.warnings.warnings().cloned().collect());
    report(&display_name(input), &shown, log);
    let k = parsed.kernteam.redacted(privacy.into());
    let format = match format {
        DescribeFormatArg::Text => cirkel_layout::DescribeFormat::Text,
        DescribeFormatArg::Markdown => cirkel_layout::DescribeFormat::Markdown,
    };
    write_output(output, cirkel_layout::describe(&k, format).as_bytes())
}

/// `cirkel init`: the starter file. An existing file is kept unless
/// `force`: it may be a filled-in kernteam.
pub(crate) fn init(school: &str, output: &str, force: bool) -> Result<(), Failure> {
    let text = init::starter(school);
    if force || output == "-" {
        write_output(output, text.as_bytes())?;
    } else {
        write_new(output, text.as_bytes())?;
    }
    if output != "-" {
        Log::direct().say(&msg!("cli.init-wrote", file = output));
    }
    Ok(())
}

/// `cirkel roles`: the catalogue.
pub(crate) fn roles(lang: Lang) -> Result<(), Failure> {
    let mut out = String::new();
    for r in catalogue() {
        out.push_str(&format!(
            "{:<30} {:<34} {:<22} {}\n",
            r.id,
            r.label.get(lang),
            r.domain.key(),
            r.organisation.get(lang)
        ));
    }
    write_output("-", out.as_bytes())
}

/// `cirkel schema`: the JSON Schema of the input format.
pub(crate) fn schema() -> Result<(), Failure> {
    let json = serde_json::to_string_pretty(&cirkel_core::json_schema())
        .map_err(|e| Failure::Io(msg!("io.other", text = e)))?;
    write_output("-", format!("{json}\n").as_bytes())
}
