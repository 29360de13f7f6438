//! The long description (`describe`) as real, tagged text on the pages
//! after the picture: headings, paragraphs and lists, wrapped with the
//! layout's shaper and broken across pages as needed.
//!
//! Two passes: the blocks are first set into lines on pages, then each
//! page is drawn in one go (a krilla page has one surface) and the spans'
//! identifiers are gathered per block for the structure tree.

use std::num::NonZeroU16;

use cirkel_core::Lang;
use cirkel_layout::{Anchor, Block, HyphenLang, Rect, Style, TextLine, TextRole, Weight, wrap};
use krilla::Document;
use krilla::page::PageSettings;
use krilla::tagging::{Identifier, ListNumbering, Node, Tag, TagGroup};

use super::canvas::text_span;
use crate::theme::Rgb;

/// Margin of a text page, in pt (2 cm).
const MARGIN: f64 = 56.7;
/// Body text size, in pt.
const BODY: f64 = 10.5;
/// Size of a level-1 heading, in pt.
const H1: f64 = 18.0;
/// Size of a level-2 heading, in pt.
const H2: f64 = 13.0;
/// Line height as a multiple of the size.
const LEADING: f64 = 1.4;
/// Indent of a list item's text, in pt.
const INDENT: f64 = 16.0;
/// Ink of the text (near-black: 16:1 on white).
const INK: Rgb = Rgb(0x1f, 0x1f, 0x24);
/// Most description pages (a guard; the limits on input keep it far away).
const MAX_PAGES: usize = 200;

/// What the description pages put in the structure tree.
pub(super) struct Described {
    /// One node per block (items grouped into lists), in reading order.
    pub nodes: Vec<Node>,
    /// Headings for the outline: text, page index, y in pt.
    pub headings: Vec<(String, usize, f64)>,
}

/// One line placed on a page.
struct Placed {
    line: TextLine,
    block: usize,
    label: bool,
}

/// Sets `blocks` on new pages of `doc` (`page_size` in pt), the first of
/// them with index `first_page`.
pub(super) fn description(
    doc: &mut Document,
    blocks: &[Block],
    page_size: (f64, f64),
    first_page: usize,
    lang: Lang,
) -> Described {
    let pages = set(blocks, page_size, lang);
    let mut spans: Vec<Vec<Identifier>> = vec![Vec::new(); blocks.len()];
    let mut labels: Vec<Option<Identifier>> = vec![None; blocks.len()];
    let mut headings = Vec::new();
    let Some(settings) = PageSettings::from_wh(page_size.0 as f32, page_size.1 as f32) else {
        return Described {
            nodes: Vec::new(),
            headings,
        };
    };
    for (p, lines) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        for placed in lines {
            let Some(id) = text_span(&mut surface, &placed.line, INK) else {
                continue;
            };
            if placed.label {
                labels[placed.block] = Some(id);
            } else {
                if spans[placed.block].is_empty()
                    && let Some(Block::Heading { text, .. }) = blocks.get(placed.block)
                {
                    headings.push((
                        text.clone(),
                        first_page + p,
                        placed.line.y - placed.line.size,
                    ));
                }
                spans[placed.block].push(id);
            }
        }
        surface.finish();
        page.finish();
    }
    Described {
        nodes: tree(blocks, spans, labels),
        headings,
    }
}

/// The structure: a heading, paragraph or list item per block; runs of
/// items become one list.
fn tree(
    blocks: &[Block],
    spans: Vec<Vec<Identifier>>,
    labels: Vec<Option<Identifier>>,
) -> Vec<Node> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut list: Option<(ListNumbering, Vec<Node>)> = None;
    for ((block, ids), label) in blocks.iter().zip(spans).zip(labels) {
        let numbering = match block {
            Block::Item(_) => Some(ListNumbering::Disc),
            Block::Numbered(..) => Some(ListNumbering::Decimal),
            _ => None,
        };
        if list.as_ref().map(|(n, _)| *n) != numbering
            && let Some((n, items)) = list.take()
        {
            nodes.push(TagGroup::with_children(Tag::L(n), items).into());
        }
        let children: Vec<Node> = ids.into_iter().map(Node::from).collect();
        if children.is_empty() {
            // Nothing of the text drawn (no glyph of the font): a label
            // that was drawn must still be in the tree, once.
            if let Some(l) = label {
                nodes.push(TagGroup::with_children(Tag::P, vec![l.into()]).into());
            }
            continue;
        }
        match (block, numbering) {
            (Block::Heading { level, text }, _) => {
                let level =
                    NonZeroU16::new(u16::from((*level).clamp(1, 6))).unwrap_or(NonZeroU16::MIN);
                nodes.push(
                    TagGroup::with_children(Tag::Hn(level, Some(text.clone())), children).into(),
                );
            }
            (_, Some(n)) => {
                let mut li = TagGroup::new(Tag::LI);
                if let Some(l) = label {
                    li.push(TagGroup::with_children(Tag::Lbl, vec![l.into()]));
                }
                li.push(TagGroup::with_children(Tag::LBody, children));
                list.get_or_insert_with(|| (n, Vec::new()))
                    .1
                    .push(li.into());
            }
            _ => nodes.push(TagGroup::with_children(Tag::P, children).into()),
        }
    }
    if let Some((n, items)) = list {
        nodes.push(TagGroup::with_children(Tag::L(n), items).into());
    }
    nodes
}

/// The blocks set into lines, page by page.
fn set(blocks: &[Block], (width, height): (f64, f64), lang: Lang) -> Vec<Vec<Placed>> {
    let hyphens = match lang {
        Lang::Nl => HyphenLang::Dutch,
        Lang::En => HyphenLang::English,
    };
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = MARGIN;
    let bottom = height - MARGIN;
    for (b, block) in blocks.iter().enumerate() {
        let (text, weight, size, before, label) = match block {
            Block::Heading { level: 1, text } => (text.as_str(), Weight::Bold, H1, 0.0, None),
            Block::Heading { text, .. } => (text.as_str(), Weight::Bold, H2, H2, None),
            Block::Paragraph(t) => (t.as_str(), Weight::Normal, BODY, BODY * 0.5, None),
            Block::Item(t) => (
                t.as_str(),
                Weight::Normal,
                BODY,
                BODY * 0.25,
                Some("•".to_string()),
            ),
            Block::Numbered(n, t) => (
                t.as_str(),
                Weight::Normal,
                BODY,
                BODY * 0.25,
                Some(format!("{n}.")),
            ),
        };
        let x = MARGIN + if label.is_some() { INDENT } else { 0.0 };
        let style = Style { weight, size };
        let lines = wrap(text, style, width - MARGIN - x, hyphens);
        let lead = size * LEADING;
        for (i, text) in lines.into_iter().enumerate() {
            let gap = if i == 0 && !pages.last().is_some_and(Vec::is_empty) {
                before
            } else {
                0.0
            };
            // A heading keeps at least two lines of what follows with it.
            let keep = if matches!(block, Block::Heading { .. }) {
                2.0 * BODY * LEADING
            } else {
                0.0
            };
            if y + gap + lead + keep > bottom && !pages.last().is_some_and(Vec::is_empty) {
                if pages.len() >= MAX_PAGES {
                    return pages;
                }
                pages.push(Vec::new());
                y = MARGIN;
            }
            let gap = if pages.last().is_some_and(Vec::is_empty) {
                0.0
            } else {
                gap
            };
            y += gap + lead;
            let baseline = y - lead + size;
            let page = pages.last_mut().expect("there is always a page");
            if i == 0
                && let Some(l) = &label
            {
                page.push(Placed {
                    line: line(l, MARGIN, baseline, size, weight),
                    block: b,
                    label: true,
                });
            }
            page.push(Placed {
                line: line(&text, x, baseline, size, weight),
                block: b,
                label: false,
            });
        }
    }
    pages
}

/// A text line at `x`, baseline `y`.
fn line(text: &str, x: f64, y: f64, size: f64, weight: Weight) -> TextLine {
    TextLine {
        text: text.to_string(),
        x,
        y,
        size,
        weight,
        anchor: Anchor::Start,
        role: TextRole::Body,
        bounds: Rect::default(),
        link: None,
    }
}
