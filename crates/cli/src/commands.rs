//! The small commands: `check`, `layout`, `describe`, `init`, `roles`,
//! `schema`.

use cirkel::{
    DrawError, DrawOptions, Format, LastTeam, ThemeChoice, draw_input, parse_schools,
    prepare_input, prepare_parsed, resolve_theme,
};
use cirkel_core::{Diagnostics, Lang, Parsed, msg, roles as catalogue};

use crate::args::{DescribeFormatArg, PrivacyArg};
use crate::io::{display_name, files_of, input_of, read_input, write_output};
use crate::report::{Failure, Log, check_failure, draw_failure, report, words};

/// Reads and parses an input (of a workbook, the school `school` names);
/// on errors prints them all and fails.
pub(crate) fn parse_input(
    input: &str,
    lang: Lang,
    school: Option<&str>,
    log: &mut Log,
    on_error: fn(&str, DrawError, &mut Log) -> Failure,
) -> Result<Parsed, Failure> {
    let bytes = read_input(input, log)?;
    cirkel::parse_input(
        &input_of(input, &bytes, school),
        &files_of(input),
        lang,
        school,
        crate::report::partners().as_ref(),
    )
    .map_err(|e| on_error(&display_name(input), e, log))
}

/// `cirkel check`: every error, warning and note; exit 1 on errors. The
/// circle is laid out too, so what only the layout finds (a circle past the
/// canvas limit, characters the font lacks) is reported as well. With
/// `--theme` (and no input) the theme file alone is checked.
pub(crate) fn check(
    input: Option<&str>,
    (theme, since): (Option<&str>, Option<&str>),
    school: Option<&str>,
    lang: Lang,
) -> Result<(), Failure> {
    let log = &mut Log::direct();
    let choice = theme.map_or(ThemeChoice::default(), ThemeChoice::from_spec);
    let Some(input) = input else {
        return check_theme(theme.unwrap_or("standaard"), &choice, log);
    };
    let name = display_name(input);
    let options = DrawOptions {
        theme: choice,
        lang,
        since: since.map(|p| LastTeam::File(p.into())),
        school: school.map(str::to_string),
        partners: crate::report::partners(),
        ..DrawOptions::default()
    };
    if school.is_some() {
        let parsed = parse_input(input, lang, school, log, check_failure)?;
        return check_one(&name, None, &parsed, &options, log);
    }
    // Every school of a workbook; a JSON file has one.
    let bytes = read_input(input, log)?;
    let schools = parse_schools(
        &input_of(input, &bytes, None),
        &files_of(input),
        lang,
        crate::report::partners().as_ref(),
    )
    .map_err(|d| check_failure(&name, d.into(), log))?;
    let many = schools.len() > 1;
    let mut failed = false;
    for s in schools {
        let shown = if many { s.name.clone() } else { None };
        let result = s
            .parsed
            .map_err(|d| check_failure(&name, d.into(), log))
            .and_then(|parsed| check_one(&name, shown.as_deref(), &parsed, &options, log));
        match result {
            // A file that cannot be read (last year's) stops the check.
            Err(f @ (Failure::Io(_) | Failure::Usage(_))) => return Err(f),
            r => failed |= r.is_err(),
        }
    }
    if failed { Err(Failure::Input) } else { Ok(()) }
}

/// The warnings and notes of one school, and the line that says it is good.
fn check_one(
    name: &str,
    school: Option<&str>,
    parsed: &Parsed,
    options: &DrawOptions,
    log: &mut Log,
) -> Result<(), Failure> {
    let notes = Diagnostics(parsed.warnings.notes().cloned().collect());
    let prepared = prepare_parsed(parsed, options).map_err(|e| check_failure(name, e, log))?;
    let mut all = prepared.warnings.clone();
    all.0.extend(notes.0);
    all.sort();
    report(name, &all, log);
    let k = &parsed.kernteam;
    let file = match school {
        Some(s) => format!("{name} ({s})"),
        None => name.to_string(),
    };
    if let Some(s) = &prepared.since {
        println!(
            "{}",
            words(&msg!(
                "cli.check-since",
                file = &file,
                new = s.changes.new.len(),
                left = s.changes.left.len(),
                moved = s.changes.moved.len()
            ))
        );
    }
    println!(
        "{}",
        words(&msg!(
            "cli.check-ok",
            file = &file,
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
    let bytes = read_input(input, log)?;
    let prepared = prepare_input(
        &input_of(input, &bytes, options.school.as_deref()),
        &files_of(input),
        options,
    )
    .map_err(|e| draw_failure(&name, e, log))?;
    report(&name, &prepared.warnings, log);
    let json = serde_json::to_string_pretty(&prepared.layout)
        .map_err(|e| Failure::Io(msg!("io.other", text = e)))?;
    write_output(output, format!("{json}\n").as_bytes())
}

/// `cirkel describe`: the circle in words.
pub(crate) fn describe(
    (input, since): (&str, Option<&str>),
    output: &str,
    format: DescribeFormatArg,
    (lang, privacy): (Lang, PrivacyArg),
    school: Option<&str>,
) -> Result<(), Failure> {
    let log = &mut Log::direct();
    let name = display_name(input);
    let bytes = read_input(input, log)?;
    let options = DrawOptions {
        format: match format {
            DescribeFormatArg::Text => Format::Text,
            DescribeFormatArg::Markdown => Format::Markdown,
        },
        lang,
        privacy: privacy.into(),
        school: school.map(str::to_string),
        since: since.map(|p| LastTeam::File(p.into())),
        partners: crate::report::partners(),
        ..DrawOptions::default()
    };
    let drawing = draw_input(&input_of(input, &bytes, school), &files_of(input), &options)
        .map_err(|e| draw_failure(&name, e, log))?;
    report(&name, &drawing.warnings, log);
    write_output(output, &drawing.bytes)
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

/// `cirkel diff LAST THIS`: what changed since last year, for the first
/// kernteam meeting of the school year (who is new, with what they bring
/// and how to reach them; who left; who moved). `school` picks the school
/// of a workbook in both files.
pub(crate) fn diff(
    last: &str,
    this: &str,
    output: &str,
    format: DescribeFormatArg,
    (lang, privacy): (Lang, PrivacyArg),
    school: Option<&str>,
) -> Result<(), Failure> {
    let log = &mut Log::direct();
    let before = parse_input(last, lang, school, log, draw_failure)?;
    report(&display_name(last), &before.warnings, log);
    let after = parse_input(this, lang, school, log, draw_failure)?;
    report(&display_name(this), &after.warnings, log);
    let changes = cirkel_core::Changes::between(&before.kernteam, &after.kernteam);
    let privacy: cirkel_core::Privacy = privacy.into();
    let text = cirkel_layout::describe_changes(
        &before.kernteam.redacted(privacy),
        &after.kernteam.redacted(privacy),
        &changes,
        match format {
            DescribeFormatArg::Text => cirkel_layout::DescribeFormat::Text,
            DescribeFormatArg::Markdown => cirkel_layout::DescribeFormat::Markdown,
        },
    );
    write_output(output, text.as_bytes())
}

/// `cirkel partners LIST SCHOOLS...`: each partner's schools, rings and
/// routes, and the members that look like a listed partner but do not
/// refer to one. The list's problems are said once, at its lines; a school
/// with errors is reported and the others still count.
pub(crate) fn partners(
    list: &str,
    schools: &[String],
    output: &str,
    format: crate::args::OverviewFormat,
    lang: Lang,
) -> Result<(), Failure> {
    use crate::args::OverviewFormat;
    let log = &mut Log::direct();
    let name = display_name(list);
    let (list, warnings) = cirkel::load_partners(std::path::Path::new(list), lang)
        .map_err(|e| check_failure(&name, e, log))?;
    report(&name, &warnings, log);
    let mut parsed: Vec<(String, cirkel_core::Kernteam)> = Vec::new();
    let mut failed = false;
    for input in schools {
        let shown = display_name(input);
        let bytes = read_input(input, log)?;
        match parse_schools(
            &input_of(input, &bytes, None),
            &files_of(input),
            lang,
            Some(&list),
        ) {
            Ok(found) => {
                for s in found {
                    match s.parsed {
                        Ok(p) => parsed.push((p.kernteam.school.name.clone(), p.kernteam)),
                        Err(d) => {
                            failed = true;
                            check_failure(&shown, d.into(), log);
                        }
                    }
                }
            }
            Err(d) => {
                failed = true;
                check_failure(&shown, d.into(), log);
            }
        }
    }
    let bytes = match format {
        OverviewFormat::Xlsx => {
            let (serves, alike) = cirkel_layout::partner_rows(&list, &parsed, lang);
            let header = |words: &[(&str, &str)]| -> Vec<String> {
                words
                    .iter()
                    .map(|(nl, en)| lang.pick(nl, en).to_string())
                    .collect()
            };
            let sheets = [
                cirkel_sheets::PlainSheet {
                    name: lang.pick("Overzicht", "Overview").into(),
                    header: header(&[
                        ("id", "id"),
                        ("naam", "name"),
                        ("rol", "role"),
                        ("school", "school"),
                        ("ring", "ring"),
                        ("routes", "routes"),
                    ]),
                    rows: serves,
                },
                cirkel_sheets::PlainSheet {
                    name: lang.pick("Niet gekoppeld", "Not linked").into(),
                    header: header(&[
                        ("school", "school"),
                        ("lid", "member"),
                        ("rol", "role"),
                        ("naam", "name"),
                        ("partner", "partner"),
                    ]),
                    rows: alike,
                },
            ];
            cirkel_sheets::write_tables(&sheets)
                .map_err(|e| Failure::Io(msg!("io.other", text = e)))?
        }
        OverviewFormat::Text | OverviewFormat::Markdown => {
            let format = if format == OverviewFormat::Text {
                cirkel_layout::DescribeFormat::Text
            } else {
                cirkel_layout::DescribeFormat::Markdown
            };
            cirkel_layout::describe_partners(&list, &parsed, lang, format).into_bytes()
        }
    };
    write_output(output, &bytes)?;
    if failed { Err(Failure::Input) } else { Ok(()) }
}
