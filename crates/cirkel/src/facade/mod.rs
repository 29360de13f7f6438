//! One call from JSON to picture: [`draw`] and [`draw_file`].
//!
//! Everything the command line needs to draw lives here, so every caller
//! draws the same picture: reading photos (once, through a
//! [`Resources`]), the theme by name or file, paper sizes and resolution,
//! privacy, last year's layout, the `--route` check, the legibility rule
//! and the warnings about characters the font lacks. The command line
//! keeps argument parsing, file naming, atomic writes, progress and exit
//! codes.
//!
//! [`prepare`] does everything but the painting, so a caller can paint one
//! prepared circle several times (a picture per route, SVG and PNG).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use cirkel_core::limits::MAX_INPUT_BYTES;
use cirkel_core::{
    Diagnostic, Diagnostics, Folder, Kernteam, Message, NoFiles, ParseOptions, Parsed, Photo,
    Resources, Severity, Since, check_input_size, io_reason, msg, nearest, parse_with, quoted_list,
};
use cirkel_layout::{
    DescribeFormat, LastYear, Layout, LayoutError, describe_since, describe_since_blocks,
};

use cirkel_render::{
    BUNDLED_THEMES, ContrastProblem, PdfError, PdfOptions, PngError, PngOptions, SvgOptions, Theme,
    layout_to_png, to_pdf, to_svg,
};

mod glyphs;
mod input;
mod legibility;
mod options;

pub use input::{
    Input, InputKind, SchoolInput, parse_input, parse_schools, refused_input, school_names,
    with_book_list,
};

pub use options::{
    DEFAULT_WIDTH, DrawOptions, Format, HtmlImage, LastTeam, OptionsError, Previous, Size,
    ThemeChoice,
};

/// A finished picture.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The file's bytes (SVG text or PNG).
    pub bytes: Vec<u8>,
    /// The geometry it was drawn from (what `cirkel layout` prints).
    pub layout: Layout,
    /// Warnings: the picture is drawn, but something is probably not what
    /// the author meant (from the input, the theme, the legibility rule,
    /// the font).
    pub warnings: Diagnostics,
}

/// Why nothing was drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DrawError {
    /// The input, its theme file or last year's layout has errors (each
    /// with its file, position, path and help), or `route` names no route.
    #[error("{0}")]
    Input(Diagnostics),
    /// An option is out of range or names no bundled theme.
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// The circle could not be laid out (too large for the canvas).
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// The picture could not be made (past the PNG limits).
    #[error(transparent)]
    Png(#[from] PngError),
    /// The PDF could not be written.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

impl DrawError {
    /// Why nothing was drawn, as a message of the catalogue (for an
    /// [`DrawError::Input`], what its first problem says; print all of
    /// them with the diagnostics themselves).
    pub fn message(&self) -> Message {
        match self {
            DrawError::Input(d) => {
                d.0.first()
                    .map_or_else(|| msg!("draw.input"), |d| d.message.clone())
            }
            DrawError::Options(o) => o.0.clone(),
            DrawError::Layout(e) => e.message(),
            DrawError::Png(e) => e.message(),
            DrawError::Pdf(e) => e.message(),
            DrawError::Io { path, source } => Message::new("io.cannot-read")
                .arg("file", path.display())
                .arg_msg("reason", io_reason(source)),
        }
    }

    /// The same error, its problems shown in `lang`.
    #[must_use]
    pub fn in_lang(self, lang: cirkel_core::Lang) -> DrawError {
        match self {
            DrawError::Input(d) => DrawError::Input(d.in_lang(lang)),
            other => other,
        }
    }
}

impl From<Diagnostics> for DrawError {
    fn from(d: Diagnostics) -> DrawError {
        DrawError::Input(d)
    }
}

/// A circle ready to paint: parsed, redacted, laid out, themed.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The kernteam as drawn (after the privacy level).
    pub kernteam: Kernteam,
    /// Last year's kernteam and what changed, when asked (`--since`).
    pub since: Option<Since>,
    /// The geometry.
    pub layout: Layout,
    /// The colours.
    pub theme: Theme,
    /// The picture's width in px.
    pub width: u32,
    /// Warnings so far.
    pub warnings: Diagnostics,
    /// Where the values are in the input text.
    spans: cirkel_core::Spans,
    /// The options it was prepared with.
    pub(crate) options: DrawOptions,
}

/// Draws a kernteam file (JSON bytes) as `options` say, reading its photos
/// through `files`.
pub fn draw(
    json: &[u8],
    files: &dyn Resources,
    options: &DrawOptions,
) -> Result<Drawing, DrawError> {
    finish(prepare(json, files, options)?, options)
}

/// Draws the kernteam file at `path` (JSON, a workbook or a CSV of
/// members; of a workbook of many schools the one `options.school`
/// names), with photos from its folder.
pub fn draw_file(path: &Path, options: &DrawOptions) -> Result<Drawing, DrawError> {
    if let Some(d) = refused_input(path) {
        return Err(DrawError::Input(Diagnostics::one(d).in_lang(options.lang)));
    }
    let bytes = read_input(path)?;
    let input = Input::of_file(&bytes, path, options.school.as_deref());
    draw_input(&input, &Folder::beside(path), options)
}

/// Draws an input of any kind (see [`Input`]) as `options` say.
pub fn draw_input(
    input: &Input<'_>,
    files: &dyn Resources,
    options: &DrawOptions,
) -> Result<Drawing, DrawError> {
    finish(prepare_input(input, files, options)?, options)
}

/// How much larger (its canvas's longer side) a picture laid out on the
/// last one may be than one laid out afresh: beyond it, [`redraw`] lays it
/// out afresh (its text would otherwise come out smaller, edit by edit).
pub const ANCHOR_SLACK: f64 = 1.08;

/// A picture redrawn while its document is edited ([`redraw`]).
#[derive(Debug)]
pub struct Redrawn {
    /// The picture.
    pub drawing: Drawing,
    /// True when it is laid out on the last picture (as `--previous`
    /// does); false when afresh.
    pub anchored: bool,
}

/// Draws `json` for an editor: laid out on `last` (the picture shown
/// before this edit), so an edit moves only what it must and reordering
/// the members moves nobody; afresh when there is no last picture or when
/// keeping it would make the picture more than [`ANCHOR_SLACK`] larger
/// than a fresh one (edits must not make the text smaller and smaller).
/// `options.previous` is not used. The same document, options and `last`
/// give the same bytes; `anchored` says which way it was drawn, so the same
/// picture can be drawn again with `--previous last` (or without).
pub fn redraw(
    json: &[u8],
    files: &dyn Resources,
    options: &DrawOptions,
    last: Option<&Layout>,
) -> Result<Redrawn, DrawError> {
    let fresh_options = DrawOptions {
        previous: None,
        ..options.clone()
    };
    let fresh = prepare(json, files, &fresh_options)?;
    if let Some(last) = last {
        let anchored_options = DrawOptions {
            previous: Some(Previous::Layout(Box::new(last.clone()))),
            ..options.clone()
        };
        if let Ok(anchored) = prepare(json, files, &anchored_options) {
            let side = |l: &Layout| l.width.max(l.height);
            if side(&anchored.layout) <= ANCHOR_SLACK * side(&fresh.layout) {
                return Ok(Redrawn {
                    drawing: finish(anchored, &anchored_options)?,
                    anchored: true,
                });
            }
        }
    }
    Ok(Redrawn {
        drawing: finish(fresh, &fresh_options)?,
        anchored: false,
    })
}

/// Paints a prepared circle as `options` say.
fn finish(prepared: Prepared, options: &DrawOptions) -> Result<Drawing, DrawError> {
    let bytes = prepared.paint(options.format, options.route.as_deref())?;
    Ok(Drawing {
        bytes,
        layout: prepared.layout,
        warnings: prepared.warnings,
    })
}

/// Like [`prepare`], for an input of any kind (the school of a workbook
/// that `options.school` names).
pub fn prepare_input(
    input: &Input<'_>,
    files: &dyn Resources,
    options: &DrawOptions,
) -> Result<Prepared, DrawError> {
    options.final_width()?;
    let parsed = parse_input(
        input,
        files,
        options.lang,
        options.school.as_deref(),
        options.partners.as_ref(),
    )?;
    prepare_parsed(&parsed, options)
}

/// Parses, redacts, themes and lays out `json` (everything but painting).
pub fn prepare(
    json: &[u8],
    files: &dyn Resources,
    options: &DrawOptions,
) -> Result<Prepared, DrawError> {
    options.final_width()?;
    let parse_options = ParseOptions {
        lang: options.lang,
        base_dir: None,
        partners: options.partners.clone(),
    };
    let parsed = parse_with(json, &parse_options, files)?;
    prepare_parsed(&parsed, options)
}

/// Like [`prepare`], for an input parsed already. Warnings and errors are
/// shown in `options.lang`.
pub fn prepare_parsed(parsed: &Parsed, options: &DrawOptions) -> Result<Prepared, DrawError> {
    prepare_parsed_in(parsed, options).map_err(|e| e.in_lang(options.lang))
}

fn prepare_parsed_in(parsed: &Parsed, options: &DrawOptions) -> Result<Prepared, DrawError> {
    let width = options.final_width()?;
    let mut warnings: Vec<Diagnostic> = parsed
        .warnings
        .0
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .cloned()
        .collect();
    let (theme, theme_warnings) = resolve_theme(&options.theme)?;
    warnings.extend(theme_warnings);
    let previous = load_previous(options.previous.as_ref())?;
    let since = match &options.since {
        Some(last) => {
            let last = load_last_team(last, options.school.as_deref(), options.lang)?;
            Some(Since::new(&last, &parsed.kernteam, options.privacy))
        }
        None => None,
    };
    let kernteam = parsed.kernteam.redacted(options.privacy);
    if let Some(id) = &options.route {
        check_route(&kernteam, id)?;
    }
    let target = match options.format {
        Format::Pdf => legibility::Target::Paper(options.pdf_paper()),
        _ => legibility::Target::Width(f64::from(width)),
    };
    let last = LastYear {
        layout: previous.as_ref(),
        since: since.as_ref(),
    };
    let (layout, legibility) = legibility::lay_out(&kernteam, &last, target)?;
    // The warnings about the picture's legibility and its font are no
    // concern of the description in words.
    if !options.format.is_words() {
        warnings.extend(legibility);
        warnings.extend(glyphs::glyph_warnings(&layout, &kernteam, &parsed.spans));
    }
    Ok(Prepared {
        kernteam,
        since,
        layout,
        theme,
        width,
        warnings: Diagnostics(warnings).in_lang(options.lang),
        spans: parsed.spans.clone(),
        options: options.clone(),
    })
}

impl Prepared {
    /// Paints the circle as `format`, with `route` (if any) highlighted.
    pub fn paint(&self, format: Format, route: Option<&str>) -> Result<Vec<u8>, DrawError> {
        if let Some(id) = route {
            check_route(&self.kernteam, id).map_err(|e| e.in_lang(self.options.lang))?;
        }
        let svg_options = SvgOptions {
            width: Some(f64::from(self.width)),
            highlight: route.map(str::to_string),
            no_background: false,
            photos: photos(&self.kernteam),
            text_as_paths: self.options.text_as_paths,
            prefix: None,
        };
        Ok(match format {
            Format::Svg => to_svg(&self.layout, &self.theme, &svg_options).into_bytes(),
            Format::Png => {
                let png = PngOptions {
                    effort: self.options.png_effort,
                    resolution: self.options.resolution(),
                    background: None,
                };
                layout_to_png(&self.layout, &self.theme, &svg_options, self.width, &png)?
            }
            Format::Html => crate::html::figure(self, &svg_options)?.into_bytes(),
            Format::Text => self.describe(DescribeFormat::Text).into_bytes(),
            Format::Markdown => self.describe(DescribeFormat::Markdown).into_bytes(),
            Format::Pdf => {
                let description = self.options.pdf_description.then(|| {
                    describe_since_blocks(&self.kernteam, self.since.as_ref(), DescribeFormat::Text)
                });
                let pdf = PdfOptions {
                    paper: self.options.pdf_paper(),
                    highlight: svg_options.highlight,
                    photos: svg_options.photos,
                    description,
                };
                to_pdf(&self.layout, &self.theme, &pdf)?
            }
        })
    }

    /// The circle in words, with what changed since last year when asked.
    fn describe(&self, format: DescribeFormat) -> String {
        describe_since(&self.kernteam, self.since.as_ref(), format)
    }

    /// The route ids, in route order (for a picture per route).
    pub fn route_ids(&self) -> Vec<String> {
        self.kernteam.routes.iter().map(|r| r.id.clone()).collect()
    }

    /// Locates a problem at a JSON path of the input.
    pub fn locate(&self, d: Diagnostic) -> Diagnostic {
        self.spans.place(d)
    }
}

/// Members' photos, by member id (shared bytes, no copies).
fn photos(k: &Kernteam) -> BTreeMap<String, Photo> {
    k.members
        .iter()
        .filter_map(|m| Some((m.id.clone(), m.photo.clone()?)))
        .collect()
}

/// `route` must name a route of the (redacted) kernteam.
fn check_route(k: &Kernteam, id: &str) -> Result<(), DrawError> {
    if k.routes.iter().any(|r| r.id == id) {
        return Ok(());
    }
    let ids: Vec<&str> = k.routes.iter().map(|r| r.id.as_str()).collect();
    let known = quoted_list(ids.iter().copied(), 20);
    let help = match nearest(id, ids.iter().copied()) {
        _ if ids.is_empty() => msg!("draw.unknown-route.none"),
        Some(near) => msg!("draw.unknown-route.near", near = near, known = known),
        None => msg!("draw.unknown-route.known", known = known),
    };
    Err(DrawError::Input(Diagnostics::one(
        Diagnostic::error("", msg!("draw.unknown-route", id = id)).with_help(help),
    )))
}

/// The theme, and warnings about its colours.
pub fn resolve_theme(choice: &ThemeChoice) -> Result<(Theme, Vec<Diagnostic>), DrawError> {
    let (theme, file) = match choice {
        ThemeChoice::Named(name) => {
            if let Some(t) = Theme::bundled(name) {
                return Ok((t, Vec::new()));
            }
            let names: Vec<&str> = BUNDLED_THEMES.iter().map(|(n, _)| *n).collect();
            let known = quoted_list(names.iter().copied(), 10);
            let message = match nearest(name, names.iter().copied()) {
                Some(near) => msg!(
                    "draw.no-theme.near",
                    name = name,
                    near = near,
                    known = known
                ),
                None => msg!("draw.no-theme", name = name, known = known),
            };
            return Err(DrawError::Options(OptionsError(message)));
        }
        ThemeChoice::Custom(t) => ((**t).clone(), "theme".to_string()),
        ThemeChoice::File(path) => {
            let shown = path.display().to_string();
            let bytes = read_limited(path, MAX_INPUT_BYTES as u64)?;
            let in_file = |d: Diagnostic| d.in_file(shown.clone());
            let text = cirkel_core::decode_text(&bytes)
                .map_err(|d| DrawError::Input(Diagnostics::one(in_file(d))))?;
            let theme = Theme::from_json(text).map_err(|d| {
                DrawError::Input(Diagnostics(d.0.into_iter().map(in_file).collect()))
            })?;
            (theme, shown)
        }
    };
    let text = theme.contrast_problems().into_iter().map(|p| {
        Diagnostic::warning(
            "",
            Message::new("theme.text-contrast")
                .arg_msg("what", p.what)
                .arg_decimal("ratio", p.ratio, 2),
        )
    });
    // One warning per kind of line (a weak ring line fails on every band).
    let mut kinds: Vec<(String, ContrastProblem, usize)> = Vec::new();
    for p in theme.line_contrast_problems() {
        let kind = p.kind();
        match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, _, more)) => *more += 1,
            None => kinds.push((kind, p, 0)),
        }
    }
    let lines = kinds.into_iter().map(|(_, p, more)| {
        Diagnostic::warning(
            "",
            Message::new("theme.line-contrast")
                .arg_msg("what", p.what)
                .arg_decimal("ratio", p.ratio, 2)
                .arg("more", more),
        )
    });
    let warnings = text.chain(lines).map(|d| d.in_file(file.clone())).collect();
    Ok((theme, warnings))
}

/// Last year's layout, read and checked.
fn load_previous(previous: Option<&Previous>) -> Result<Option<Layout>, DrawError> {
    let path = match previous {
        None => return Ok(None),
        Some(Previous::Layout(l)) => return Ok(Some((**l).clone())),
        Some(Previous::File(path)) => path,
    };
    let bytes = read_limited(path, MAX_INPUT_BYTES as u64)?;
    read_layout(&bytes, path).map(Some)
}

/// Last year's kernteam (`--since`): a kernteam file of any kind (the
/// school `school` names, of a workbook), or a layout saved from one.
/// Its problems are named in its file; its photos are not read.
pub fn load_last_team(
    last: &LastTeam,
    school: Option<&str>,
    lang: cirkel_core::Lang,
) -> Result<Kernteam, DrawError> {
    let path = match last {
        LastTeam::Kernteam(k) => return Ok((**k).clone()),
        LastTeam::File(path) => path,
    };
    let name = path.display().to_string();
    if let Some(d) = refused_input(path) {
        return Err(DrawError::Input(
            Diagnostics::one(d.in_file(name)).in_lang(lang),
        ));
    }
    let bytes = read_input(path).map_err(|e| match e {
        DrawError::Input(d) => DrawError::Input(Diagnostics(
            d.0.into_iter().map(|d| d.in_file(name.clone())).collect(),
        )),
        other => other,
    })?;
    last_team_from_input(&Input::of_file(&bytes, path, school), &name, lang, school)
}

/// Last year's kernteam from an input's bytes (`--since` where there is
/// no file: the browser, the editor): a kernteam of any kind, or a layout
/// (JSON). Its problems are named in the file `name`.
pub fn last_team_from_input(
    input: &Input<'_>,
    name: &str,
    lang: cirkel_core::Lang,
    school: Option<&str>,
) -> Result<Kernteam, DrawError> {
    if input.kind == InputKind::Json && is_layout(input.bytes) {
        let layout = read_layout(input.bytes, Path::new(name))?;
        check_last_layout(&layout, name, lang)?;
        return Ok(cirkel_layout::last_year_kernteam(&layout));
    }
    parse_input(input, &NoFiles, lang, school, None)
        .map(|p| p.kernteam)
        .map_err(|e| match e.in_lang(lang) {
            DrawError::Input(d) => DrawError::Input(Diagnostics(
                d.0.into_iter().map(|d| d.in_file(name)).collect(),
            )),
            other => other,
        })
}

/// Refuses a layout given as last year's kernteam that holds more than a
/// kernteam may (members, rings, text lengths): `cirkel layout` never
/// writes one, and the comparison must stay as small as the input is.
fn check_last_layout(
    layout: &Layout,
    name: &str,
    lang: cirkel_core::Lang,
) -> Result<(), DrawError> {
    use cirkel_core::limits::{MAX_ID, MAX_MEMBERS, MAX_RINGS, MAX_SHORT_TEXT};
    let chars = |s: &str| s.chars().count();
    let longest_text = layout
        .nodes
        .iter()
        .flat_map(|n| [chars(&n.role), n.name.as_deref().map_or(0, chars)])
        .chain(
            layout
                .nodes
                .iter()
                .flat_map(|n| n.text.iter().map(|t| chars(&t.text))),
        )
        .chain(
            layout
                .rings
                .iter()
                .map(|r| r.label.as_ref().map_or(0, |l| chars(&l.text.text))),
        )
        .max()
        .unwrap_or(0);
    let longest_id = layout
        .nodes
        .iter()
        .map(|n| chars(&n.id))
        .chain(layout.rings.iter().map(|r| chars(&r.id)))
        .max()
        .unwrap_or(0);
    let past = [
        (
            lang.pick("leden", "members"),
            layout.nodes.len(),
            MAX_MEMBERS,
        ),
        (lang.pick("ringen", "rings"), layout.rings.len(), MAX_RINGS),
        (
            lang.pick("tekens in een tekst", "characters in a text"),
            longest_text,
            MAX_SHORT_TEXT,
        ),
        (
            lang.pick("tekens in een id", "characters in an id"),
            longest_id,
            MAX_ID,
        ),
    ]
    .into_iter()
    .find(|(_, n, max)| n > max);
    match past {
        None => Ok(()),
        Some((what, n, max)) => Err(DrawError::Input(
            Diagnostics::one(
                Diagnostic::error(
                    "",
                    msg!("since.layout-limit", what = what, n = n, max = max),
                )
                .in_file(name),
            )
            .in_lang(lang),
        )),
    }
}

/// Whether a JSON file is a layout (`cirkel layout`) rather than a
/// kernteam: an object with `nodes` and `centre`.
fn is_layout(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
        .is_ok_and(|o| o.contains_key("nodes") && o.contains_key("centre"))
}

/// A layout file's bytes, read and checked (errors named in `path`).
fn read_layout(bytes: &[u8], path: &Path) -> Result<Layout, DrawError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| {
        DrawError::Input(Diagnostics::one(
            Diagnostic::error(
                "",
                msg!(
                    "draw.not-a-layout",
                    reason = e.to_string().split(" at line ").next().unwrap_or("")
                ),
            )
            .at(e.line(), e.column())
            .with_help(msg!("draw.not-a-layout.help"))
            .in_file(path.display().to_string()),
        ))
    })
}

/// Reads and checks a partner list (`--partners FILE`), with photos from
/// its folder: the list and its warnings; every problem, named in the
/// file, when it has errors.
pub fn load_partners(
    path: &Path,
    lang: cirkel_core::Lang,
) -> Result<(std::sync::Arc<cirkel_core::PartnerList>, Diagnostics), DrawError> {
    let name = path.display().to_string();
    let named = |d: Diagnostics| {
        DrawError::Input(Diagnostics(
            d.in_lang(lang)
                .0
                .into_iter()
                .map(|d| d.in_file(name.clone()))
                .collect(),
        ))
    };
    let bytes = read_input(path).map_err(|e| match e {
        DrawError::Input(d) => named(d),
        other => other,
    })?;
    let options = ParseOptions {
        lang,
        base_dir: None,
        partners: None,
    };
    cirkel_core::parse_partners(&bytes, &name, &options, &Folder::beside(path))
        .map(|(list, warnings)| (std::sync::Arc::new(list), warnings))
        .map_err(named)
}

/// Reads a kernteam file, refusing one past the input limit before
/// reading it all.
pub fn read_input(path: &Path) -> Result<Vec<u8>, DrawError> {
    let size = std::fs::metadata(path)
        .map_err(|source| DrawError::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    check_input_size(size).map_err(|d| DrawError::Input(Diagnostics::one(d)))?;
    let bytes = read_limited(path, MAX_INPUT_BYTES as u64 + 1)?;
    check_input_size(bytes.len() as u64).map_err(|d| DrawError::Input(Diagnostics::one(d)))?;
    Ok(bytes)
}

/// Reads at most `limit` bytes of a file.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, DrawError> {
    let io = |source| DrawError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    if file.metadata().map_err(io)?.is_dir() {
        return Err(io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}
