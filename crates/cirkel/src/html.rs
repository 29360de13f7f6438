//! The circle for a school's website (issue 39): an HTML `<figure>` with
//! the picture, its caption, and the long description as headings and
//! lists in `describe`'s order, inside a `<details>` open by default. It
//! is made to be pasted into any page (a CMS): every id and class in it
//! begins with the figure's own id, every style rule is scoped to the
//! figure, there is no script, no event attribute, no external resource,
//! and links are only `mailto:`, `tel:`, `https:` and `http:`.

use cirkel_layout::{describe_html, html_escape};
use cirkel_render::{PngOptions, SvgOptions, base64, layout_to_png, to_svg};

use crate::facade::{DrawError, HtmlImage, Prepared};

/// The figure (or, with `standalone`, a page around it) for `prepared`.
pub(crate) fn figure(prepared: &Prepared, svg: &SvgOptions) -> Result<String, DrawError> {
    let k = &prepared.kernteam;
    let layout = &prepared.layout;
    let lang = match k.lang {
        cirkel_core::Lang::Nl => "nl",
        cirkel_core::Lang::En => "en",
    };
    let id = figure_id(&k.school.name, svg.highlight.as_deref());
    let sized = "max-width:100%;height:auto";
    let picture = match prepared.options.html_image {
        HtmlImage::Svg => {
            let options = SvgOptions {
                prefix: Some(id.clone()),
                ..svg.clone()
            };
            let drawn = to_svg(layout, &prepared.theme, &options);
            // Inline: the SVG as an element of the page, scaled to fit.
            drawn
                .trim_end()
                .replacen("<svg ", &format!("<svg style=\"{sized}\" "), 1)
        }
        HtmlImage::Png => {
            let png = PngOptions {
                effort: prepared.options.png_effort,
                resolution: prepared.options.resolution(),
                background: None,
            };
            let bytes = layout_to_png(layout, &prepared.theme, svg, prepared.width, &png)?;
            let height = (f64::from(prepared.width) * layout.height / layout.width).round();
            format!(
                "<img src=\"data:image/png;base64,{}\" alt=\"{}\" width=\"{}\" height=\"{height}\" style=\"{sized}\">",
                base64(&bytes),
                html_escape(&layout.description),
                prepared.width
            )
        }
    };
    let words = match k.lang {
        cirkel_core::Lang::Nl => "Beschrijving van de cirkel",
        cirkel_core::Lang::En => "Description of the circle",
    };
    let mut caption = html_escape(&layout.title);
    if let Some(year) = &k.school_year {
        caption.push_str(&format!(
            " · {} {}",
            k.lang.pick("schooljaar", "school year"),
            html_escape(year)
        ));
    }
    let figure = format!(
        "<figure id=\"{id}\" lang=\"{lang}\" style=\"margin:0\">\n<figcaption id=\"{id}-caption\">{caption}</figcaption>\n{picture}\n<details id=\"{id}-description\" open>\n<summary>{words}</summary>\n{}</details>\n</figure>\n",
        // In a page of its own under its `<h1>`, the sections are `<h2>`;
        // pasted into a page, under that page's section heading, `<h3>`.
        describe_html(
            k,
            prepared.since.as_ref(),
            if prepared.options.standalone { 2 } else { 3 }
        )
    );
    if !prepared.options.standalone {
        return Ok(figure);
    }
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n{figure}</main>\n</body>\n</html>\n",
        html_escape(&layout.title),
        html_escape(&layout.title),
    ))
}

/// The figure's id, the prefix of every id and class in it: the school's
/// name (and the highlighted route) as a slug, so that two schools'
/// figures on one page share none.
pub fn figure_id(school: &str, route: Option<&str>) -> String {
    let mut id = format!("cirkel-{}", cirkel_core::slug(school));
    if let Some(r) = route {
        id.push('-');
        id.push_str(&cirkel_core::slug(r));
    }
    id
}
