//! The page and its files, inside the binary (nothing is fetched from
//! elsewhere; the Content-Security-Policy allows no inline script).

/// The page's script.
pub const APP_JS: &str = include_str!("page/app.js");
/// The page's style.
pub const STYLE_CSS: &str = include_str!("page/style.css");
const INDEX: &str = include_str!("page/index.html");

/// The page, its files addressed with the token (hex: nothing to escape).
pub fn index(token: &str) -> String {
    INDEX.replace("{{TOKEN}}", token)
}
