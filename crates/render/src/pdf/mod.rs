//! Layout + theme → a tagged PDF (krilla), beside the SVG painter.
//!
//! The first page holds the circle with its title, legend and footer,
//! drawn as vectors and scaled to fit an A4 or A3 page (portrait or
//! landscape, whichever shows it larger). Text is the bundled Noto Sans,
//! embedded as a subset with ToUnicode, placed glyph by glyph from the same
//! shaper the layout measured with ([`cirkel_layout::shape`]), so it can be
//! selected, searched and copied. The pages after it hold the long
//! description (`describe`) as tagged headings, paragraphs and lists.
//!
//! Tagging (PDF/UA-1, checked by krilla's validator when the file is
//! written): the document's title and language; the picture is a Figure
//! whose alt text is the short description; bands, wedges, lines and card
//! shapes are artifacts; each contact link in the footer is a Link with its
//! annotation; then the description in the reading order of `describe`
//! (ring by ring, then routes, then meetings). No dates are written, the
//! document id is derived from the circle's title and the instance id from
//! the content, so the same input gives the same bytes.

use std::collections::BTreeMap;

use cirkel_core::{Lang, Message, Photo, msg};
use cirkel_layout::{Block, Layout};
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect as KRect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{BBox, Identifier, Node, Tag, TagGroup, TagTree};
use krilla::{Document, SerializeSettings};

use crate::paper::Paper;
use crate::theme::Theme;

mod canvas;
mod description;

use crate::walk::f;
use canvas::{Canvas, page_transform, text_span};

/// Options for PDF output.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    /// The paper. Default: A4.
    pub paper: Paper,
    /// The id of a route to draw prominently (as in [`crate::SvgOptions`]).
    pub highlight: Option<String>,
    /// Members' photos by member id.
    pub photos: BTreeMap<String, Photo>,
    /// The long description as blocks ([`cirkel_layout::describe_blocks`]),
    /// set as tagged text on the pages after the picture; `None` leaves it
    /// out.
    pub description: Option<Vec<Block>>,
}

impl Default for PdfOptions {
    fn default() -> PdfOptions {
        PdfOptions {
            paper: Paper::A4,
            highlight: None,
            photos: BTreeMap::new(),
            description: None,
        }
    }
}

/// Why a PDF could not be made (the library never panics: a failure in the
/// PDF writer is reported here).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.text(Lang::En))]
pub struct PdfError(pub Message);

impl PdfError {
    /// The message, for people.
    pub fn message(&self) -> Message {
        self.0.clone()
    }
}

/// The page margin around the picture, in pt (1 cm).
pub const PAGE_MARGIN_PT: f64 = 28.35;

/// A paper's portrait width and height in pt.
pub fn paper_pt(paper: Paper) -> (f64, f64) {
    match paper {
        Paper::A4 => (595.276, 841.89),
        Paper::A3 => (841.89, 1190.551),
    }
}

/// Where the picture goes on its page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFit {
    /// Page width in pt.
    pub width: f64,
    /// Page height in pt.
    pub height: f64,
    /// Points per layout unit.
    pub scale: f64,
    /// Where the layout's origin lands, in pt from the top left.
    pub dx: f64,
    /// See `dx`.
    pub dy: f64,
}

/// The picture of `layout` fitted to `paper` within the margins, portrait
/// or landscape, whichever shows it larger (portrait on a tie), centred.
pub fn page_fit(layout: &Layout, paper: Paper) -> PageFit {
    let (pw, ph) = paper_pt(paper);
    let size = |v: f64| {
        if v.is_finite() {
            v.clamp(1.0, 1e6)
        } else {
            1.0
        }
    };
    let (w, h) = (size(layout.width), size(layout.height));
    let fit =
        |pw: f64, ph: f64| ((pw - 2.0 * PAGE_MARGIN_PT) / w).min((ph - 2.0 * PAGE_MARGIN_PT) / h);
    let (portrait, landscape) = (fit(pw, ph), fit(ph, pw));
    let (width, height, scale) = if landscape > portrait * 1.0001 {
        (ph, pw, landscape)
    } else {
        (pw, ph, portrait)
    };
    PageFit {
        width,
        height,
        scale,
        dx: (width - w * scale) / 2.0,
        dy: (height - h * scale) / 2.0,
    }
}

/// A piece of a contact row as drawn: a text span, or a link's span with
/// its annotation still to be made.
enum RowItem {
    Text(Identifier),
    Link {
        span: Identifier,
        rect: KRect,
        href: String,
        text: String,
    },
}

/// Draws one row of the footer's contact list (outside the Figure).
fn contact_row(
    surface: &mut krilla::surface::Surface<'_>,
    row: &crate::walk::ContactRow<'_>,
    theme: &Theme,
    fit: &PageFit,
) -> Vec<RowItem> {
    let mut items = Vec::new();
    for (line, href) in row {
        let colour = match href {
            Some(_) => theme.link,
            None => crate::style::text_colour(line.role, theme),
        };
        let Some(span) = text_span(surface, line, colour) else {
            continue;
        };
        let Some(href) = href else {
            items.push(RowItem::Text(span));
            continue;
        };
        // The line's box; measured again where a layout lacks it.
        let b = &line.bounds;
        let (x, y, w, h) = if b.width > 0.0 {
            (b.x, b.y, b.width, b.height)
        } else {
            let w = cirkel_layout::measure(&line.text, line.weight, line.size);
            (line.x, line.y - line.size, w, line.size * 1.25)
        };
        let rect = KRect::from_xywh(
            f(fit.dx + x * fit.scale),
            f(fit.dy + y * fit.scale),
            f((w * fit.scale).max(1.0)),
            f((h * fit.scale).max(1.0)),
        );
        match rect {
            Some(rect) => items.push(RowItem::Link {
                span,
                rect,
                href: href.to_string(),
                text: line.text.clone(),
            }),
            None => items.push(RowItem::Text(span)),
        }
    }
    items
}

/// Draws the layout as a tagged PDF document.
pub fn to_pdf(layout: &Layout, theme: &Theme, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    // krilla panics on misuse (unbalanced tags, a node missing from the
    // tree); our walk is balanced by construction, and this keeps any
    // remaining slip from becoming a crash for a library caller.
    std::panic::catch_unwind(|| write(layout, theme, options))
        .unwrap_or_else(|_| Err(PdfError(msg!("pdf.failed", reason = "internal error"))))
}

fn write(layout: &Layout, theme: &Theme, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let failed = |reason: String| PdfError(msg!("pdf.failed", reason = reason));
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| failed(format!("{e:?}")))?;
    let mut doc = Document::new_with(SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    });
    let fit = page_fit(layout, options.paper);
    let settings = PageSettings::from_wh(fit.width as f32, fit.height as f32)
        .ok_or_else(|| failed("page size".into()))?;
    let lang = match layout.lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    let mut tree = TagTree::new().with_lang(Some(lang.into()));

    let photos = canvas::decode(&options.photos);
    let mut page = doc.start_page_with(settings);
    let mut surface = page.surface();
    // A slip while drawing must not unwind through the surface (krilla
    // asserts on drop that every push was popped): catch it here, leave
    // the half-drawn page behind and report it.
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        surface.push_transform(&page_transform(fit.scale, fit.dx, fit.dy));
        let (figure, rows) = {
            let mut canvas = Canvas::new(&mut surface, &photos);
            let rows =
                crate::walk::picture(&mut canvas, layout, theme, options.highlight.as_deref());
            (canvas.figure, rows)
        };
        let rows: Vec<Vec<RowItem>> = rows
            .iter()
            .map(|row| contact_row(&mut surface, row, theme, &fit))
            .collect();
        surface.pop();
        (figure, rows)
    }));
    let Ok((figure, rows)) = drawn else {
        std::mem::forget(surface);
        std::mem::forget(page);
        return Err(failed("internal error while drawing".into()));
    };
    surface.finish();
    let mut link_nodes: Vec<Node> = Vec::new();
    for row in rows {
        let mut children: Vec<Node> = Vec::new();
        for item in row {
            match item {
                RowItem::Text(id) => children.push(id.into()),
                RowItem::Link {
                    span,
                    rect,
                    href,
                    text,
                } => {
                    let annotation = page.add_tagged_annotation(Annotation::new_link(
                        LinkAnnotation::new(
                            rect,
                            Target::Action(Action::Link(LinkAction::new(href))),
                        ),
                        Some(text),
                    ));
                    children.push(
                        TagGroup::with_children(Tag::Link, vec![annotation.into(), span.into()])
                            .into(),
                    );
                }
            }
        }
        if !children.is_empty() {
            link_nodes.push(TagGroup::with_children(Tag::P, children).into());
        }
    }
    page.finish();

    tree.push(TagGroup::with_children(
        figure_tag(layout, &fit),
        figure.into_iter().map(Node::from).collect(),
    ));
    for n in link_nodes {
        tree.push(n);
    }

    let mut outline = Outline::new();
    outline.push_child(OutlineNode::new(
        layout.title.clone(),
        XyzDestination::new(0, Point::from_xy(0.0, 0.0)),
    ));
    if let Some(blocks) = &options.description {
        let described =
            description::description(&mut doc, blocks, paper_pt(options.paper), 1, layout.lang);
        for n in described.nodes {
            tree.push(n);
        }
        for (text, page, y) in described.headings {
            outline.push_child(OutlineNode::new(
                text,
                XyzDestination::new(page, Point::from_xy(0.0, f(y.max(0.0)))),
            ));
        }
    }
    doc.set_tag_tree(tree);
    doc.set_outline(outline);
    doc.set_metadata(metadata(layout, lang));
    doc.finish().map_err(|e| failed(e.to_string()))
}

/// The picture's Figure: the short description as alt text, its box.
fn figure_tag(layout: &Layout, fit: &PageFit) -> Tag<krilla::tagging::kind::Figure> {
    let picture_box = KRect::from_xywh(
        f(fit.dx),
        f(fit.dy),
        f(layout.width * fit.scale),
        f(layout.height * fit.scale),
    );
    let alt = if layout.description.trim().is_empty() {
        layout.title.clone()
    } else {
        layout.description.clone()
    };
    Tag::Figure(Some(alt)).with_bbox(picture_box.map(|r| BBox::new(0, r)))
}

/// Title, language and ids of the document.
fn metadata(layout: &Layout, lang: &str) -> Metadata {
    let title = if layout.title.trim().is_empty() {
        "Cirkel van invloed".to_string()
    } else {
        layout.title.clone()
    };
    Metadata::new()
        .title(title)
        .language(lang.into())
        .creator(format!("cirkel {}", env!("CARGO_PKG_VERSION")))
        // The same circle keeps its document id from one year's version to
        // the next; the instance id follows the content.
        .document_id(format!("cirkel van invloed: {}", layout.title))
}
