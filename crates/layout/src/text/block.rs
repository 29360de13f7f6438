//! Setting text into placed lines: a block of wrapped lines from a top
//! edge, paragraphs flowing down a column, legend items flowing in rows.

use crate::geometry::{Anchor, Rect, TextLine, TextRole};
use crate::options::LayoutOptions;

use super::{ASCENT, DESCENT, HyphenLang, Style, wrap};

/// Lays text out in lines from `top`; returns the lines and the new top.
#[allow(clippy::too_many_arguments)]
pub(crate) fn text_block(
    text: &str,
    style: Style,
    max_width: f64,
    anchor: Anchor,
    role: TextRole,
    x: f64,
    top: f64,
    options: &LayoutOptions,
    lang: HyphenLang,
) -> (Vec<TextLine>, f64) {
    let line_height = style.size * options.line_height;
    let mut out = Vec::new();
    let mut y = top;
    for line in wrap(text, style, max_width, lang) {
        let width = style.width(&line);
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
        };
        let baseline =
            y + (line_height - (ASCENT + DESCENT) * style.size) / 2.0 + ASCENT * style.size;
        out.push(TextLine {
            text: line,
            x,
            y: baseline,
            size: style.size,
            weight: style.weight,
            anchor,
            role,
            bounds: Rect {
                x: left,
                y,
                width,
                height: line_height,
            },
            link: None,
        });
        y += line_height;
    }
    (out, y)
}

/// Left-aligned paragraphs, one below the other (legend and footer).
pub(crate) struct Flow<'a> {
    pub(crate) text: Vec<TextLine>,
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) options: &'a LayoutOptions,
    pub(crate) lang: HyphenLang,
}

impl Flow<'_> {
    pub(crate) fn paragraph(&mut self, text: &str, style: Style, role: TextRole) {
        let (lines, y) = text_block(
            text,
            style,
            self.width,
            Anchor::Start,
            role,
            self.x,
            self.y,
            self.options,
            self.lang,
        );
        self.text.extend(lines);
        self.y = y;
    }
}

/// A piece of a row of text: a member's label, a separator, a link.
pub(crate) struct Piece {
    /// The text (kept whole unless it is wider than the column).
    pub text: String,
    /// Its style.
    pub style: Style,
    /// What it is.
    pub role: TextRole,
    /// Where it links to, if anywhere.
    pub link: Option<String>,
}

impl Flow<'_> {
    /// Sets `pieces` one after the other in rows, a space apart, from the
    /// flow's left edge: a piece that does not fit the rest of the row
    /// starts the next;
    /// one wider than the column is wrapped (links keep their target on
    /// every line).
    pub(crate) fn pieces(&mut self, pieces: &[Piece]) {
        let Some(first) = pieces.first() else {
            return;
        };
        let line_height = first.style.size * self.options.line_height;
        let space = first.style.width(" ");
        let (left, right) = (self.x, self.x + self.width);
        let mut x = left;
        for (n, piece) in pieces.iter().enumerate() {
            if n > 0 && x > left {
                x += space;
            }
            let width = piece.style.width(&piece.text);
            if x > left && x + width > right {
                x = left;
                self.y += line_height;
            }
            let lines = if width > self.width {
                wrap(&piece.text, piece.style, self.width, HyphenLang::Names)
            } else {
                vec![piece.text.clone()]
            };
            for (i, text) in lines.iter().enumerate() {
                if i > 0 {
                    x = left;
                    self.y += line_height;
                }
                let (mut set, _) = text_block(
                    text,
                    piece.style,
                    f64::INFINITY,
                    Anchor::Start,
                    piece.role,
                    x,
                    self.y,
                    self.options,
                    HyphenLang::Names,
                );
                for line in &mut set {
                    line.link.clone_from(&piece.link);
                    x += line.bounds.width;
                }
                self.text.extend(set);
            }
        }
        self.y += line_height;
    }
}

/// Legend items (a marker, then its label) flowing in rows from `left`
/// across `width`.
pub(crate) struct LegendFlow<'a> {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) left: f64,
    pub(crate) width: f64,
    pub(crate) line_height: f64,
    pub(crate) style: Style,
    pub(crate) options: &'a LayoutOptions,
    pub(crate) lang: HyphenLang,
}

impl LegendFlow<'_> {
    /// Places one item with a marker `marker` px wide; its label's lines go
    /// to `out`. Returns the top-left of the marker's row slot.
    pub(crate) fn item(&mut self, marker: f64, label: &str, out: &mut Vec<TextLine>) -> (f64, f64) {
        let room = self.width - marker - 10.0;
        let item_width = marker + 10.0 + self.style.width(label).min(room);
        if self.x > self.left && self.x + item_width > self.left + self.width {
            self.x = self.left;
            self.y += self.line_height;
        }
        let at = (self.x, self.y);
        let (lines, _) = text_block(
            label,
            self.style,
            room,
            Anchor::Start,
            TextRole::Body,
            self.x + marker + 10.0,
            self.y,
            self.options,
            self.lang,
        );
        let used = lines.len().max(1) as f64;
        out.extend(lines);
        if used > 1.0 {
            self.y += (used - 1.0) * self.line_height;
            self.x = self.left + self.width; // force a new row
        } else {
            self.x += item_width + 32.0;
        }
        at
    }
}
