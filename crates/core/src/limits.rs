//! Documented limits of the input. Past them the input is refused with a clear
//! error, so that no input can make the tool hang or allocate gigabytes.

/// Largest input file, in bytes (5 MiB).
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;
/// Most members in one circle.
pub const MAX_MEMBERS: usize = 200;
/// Most partners in one partner list (a samenwerkingsverband's people).
pub const MAX_PARTNERS: usize = 2000;
/// Most rings.
pub const MAX_RINGS: usize = 6;
/// Most routes.
pub const MAX_ROUTES: usize = 50;
/// Most steps (and most escalation steps) in one route.
pub const MAX_ROUTE_STEPS: usize = 20;
/// Most expertise items per member.
pub const MAX_EXPERTISE: usize = 12;
/// Most meetings.
pub const MAX_MEETINGS: usize = 12;
/// Longest short text (names, roles, organisations, labels), in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest long text (route questions and notes, meeting purposes), in characters.
pub const MAX_LONG_TEXT: usize = 400;
/// Longest id, in characters.
pub const MAX_ID: usize = 64;
/// Largest photo file, in bytes (2 MiB).
pub const MAX_PHOTO_BYTES: u64 = 2 * 1024 * 1024;
/// Largest width and height of a photo, in pixels.
pub const MAX_PHOTO_SIDE: usize = 4096;
