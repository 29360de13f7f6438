//! The PNG canvas painted in stripes of rows, by two threads at once.
//!
//! A picture is cut into one stripe per [`MIN_STRIPE_ROWS`] rows (rounded
//! down; at least one, at most [`MAX_STRIPES`]: a 1600 px picture of a
//! school, 2,000 rows or so, into four); each stripe walks the whole
//! layout, skips what does not fall on it before any work, and draws
//! what falls on it. This thread and a helper (within a thread pool — a
//! batch — the pool's threads) take the stripes in turn, top first, until
//! none are left: a helper that starts late (waking another processor
//! takes up to milliseconds on a virtual machine) takes fewer.
//!
//! Each stripe is painted [`OVERLAP`] rows past its neighbours' edges, on
//! memory of its own, and only its own rows are kept: tiny-skia fills a
//! path that crosses a stripe's edge from edges clipped there, and the
//! extra rows keep what that changes at the clipped end (a hairline's cap)
//! off the picture. Where the stripes meet follows from the height alone,
//! so the pixels are the same whichever thread paints which stripe.

use std::sync::{Mutex, OnceLock};

use super::canvas::{Band, Canvas};
use super::indexed::{Count, Palette};

/// The fewest rows a stripe has (a picture of fewer than twice this is
/// painted in one piece: threads would cost it more than they save).
const MIN_STRIPE_ROWS: u32 = 256;
/// The most stripes a picture is cut into.
const MAX_STRIPES: u32 = 4;
/// How far past its edge each stripe is painted.
const OVERLAP: u32 = 4;

/// A picture's width and height, and its rows as runs of whole rows of
/// premultiplied RGBA pixels, top to bottom.
pub(crate) type Rows<'p> = ((u32, u32), Vec<&'p [u8]>);

/// A painted picture: runs of whole rows of its canvas, top to bottom.
pub(crate) struct Painted {
    canvas: Canvas,
    /// Each stripe's own rows, as (first row on the canvas, rows).
    kept: Vec<(u32, u32)>,
    /// Each stripe's colours, counted by the thread that painted it for
    /// the PNG's palette (`None` for a stripe with a pixel that is not
    /// opaque or too many colours: the picture then has no palette).
    counts: Vec<Option<Count>>,
}

/// The stripes of a picture `height` rows high, at most `most`: for each,
/// the rows it is painted on (`rows`, from picture row `top`) and where
/// its own rows start among them and how many there are.
fn plan(height: u32, most: u32) -> Vec<Stripe> {
    let count = (height / MIN_STRIPE_ROWS).clamp(1, most.max(1));
    (0..count)
        .map(|i| {
            let start = (u64::from(height) * u64::from(i) / u64::from(count)) as u32;
            let end = (u64::from(height) * u64::from(i + 1) / u64::from(count)) as u32;
            let top = if i == 0 { start } else { start - OVERLAP };
            let bottom = if i + 1 == count { end } else { end + OVERLAP };
            Stripe {
                top,
                rows: bottom - top,
                own: (start - top, end - start),
            }
        })
        .collect()
}

/// One stripe of [`plan`].
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stripe {
    top: u32,
    rows: u32,
    own: (u32, u32),
}

impl Painted {
    /// A `width` × `height` picture, each of its stripes painted by
    /// `paint` and then counted (on this thread or a helper; a panic is
    /// carried on). `None` when a side is 0 or the canvas's size overflows.
    pub(crate) fn paint(size: (u32, u32), paint: impl Fn(&mut Band<'_>) + Sync) -> Option<Painted> {
        Painted::paint_in(size, MAX_STRIPES, paint)
    }

    /// [`Painted::paint`] in at most `most` stripes.
    pub(super) fn paint_in(
        (width, height): (u32, u32),
        most: u32,
        paint: impl Fn(&mut Band<'_>) + Sync,
    ) -> Option<Painted> {
        let stripes = plan(height, most);
        let rows = stripes
            .iter()
            .try_fold(0u32, |n, s| n.checked_add(s.rows))?;
        // Every pixel is painted, so memory left from an earlier picture
        // on this thread serves.
        let mut canvas = Canvas::reused(width, rows)?;
        let mut kept = Vec::with_capacity(stripes.len());
        let mut at = 0;
        for s in &stripes {
            kept.push((at + s.own.0, s.own.1));
            at += s.rows;
        }
        let layout: Vec<(u32, u32)> = stripes.iter().map(|s| (s.rows, s.top)).collect();
        let bands = canvas.bands(&layout)?;
        let counts = Mutex::new((0..stripes.len()).map(|_| None).collect::<Vec<_>>());
        let jobs = bands.into_iter().zip(&stripes).enumerate();
        share(jobs.collect(), &|(i, (mut band, stripe)): Job<'_, '_>| {
            paint(&mut band);
            let row = width as usize * 4;
            let (first, own) = (stripe.own.0 as usize * row, stripe.own.1 as usize * row);
            let count = band
                .pixmap
                .data_mut()
                .get(first..first + own)
                .and_then(|rows| Count::of(&[rows], width as usize));
            if let Ok(mut counts) = counts.lock()
                && let Some(slot) = counts.get_mut(i)
            {
                *slot = count;
            }
        });
        let counts = counts.into_inner().ok()?;
        Some(Painted {
            canvas,
            kept,
            counts,
        })
    }

    /// The picture's palette, from its stripes' counts (taken: asked once).
    pub(crate) fn palette(&mut self) -> Option<Palette> {
        let counts: Option<Vec<Count>> = std::mem::take(&mut self.counts).into_iter().collect();
        let width = self.canvas.as_ref()?.width() as usize;
        Palette::of_counts(counts?, width)
    }

    /// The picture's width and height, and its rows as runs of whole rows
    /// of premultiplied RGBA pixels, top to bottom.
    pub(crate) fn rows(&self) -> Option<Rows<'_>> {
        let pixmap = self.canvas.as_ref()?;
        let (width, data) = (pixmap.width(), pixmap.data());
        let row = width as usize * 4;
        let mut height = 0u32;
        let mut runs = Vec::with_capacity(self.kept.len());
        for &(first, rows) in &self.kept {
            let start = first as usize * row;
            runs.push(data.get(start..start + rows as usize * row)?);
            height = height.checked_add(rows)?;
        }
        Some(((width, height), runs))
    }
}

/// One stripe to paint: its place in the picture's order, its band and plan.
type Job<'c, 's> = (usize, (Band<'c>, &'s Stripe));

/// Does every job, taken in turn by this thread and one more: within a
/// thread pool (a batch) the pool's, otherwise the painter's helper.
fn share<T: Send>(jobs: Vec<T>, each: &(impl Fn(T) + Sync)) {
    if jobs.len() < 2 {
        jobs.into_iter().for_each(each);
        return;
    }
    let queue = Mutex::new(jobs.into_iter());
    let work = || {
        loop {
            // The lock is let go before the job is done.
            let next = queue.lock().ok().and_then(|mut q| q.next());
            match next {
                Some(job) => each(job),
                None => break,
            }
        }
    };
    if rayon::current_thread_index().is_some() {
        rayon::join(work, work);
        return;
    }
    match helper() {
        Some(pool) => pool.in_place_scope(|s| {
            s.spawn(|_| work());
            work();
        }),
        None => work(),
    }
}

/// The thread that helps paint pictures painted outside a thread pool:
/// started with the first picture and kept, so that its glyphs and shaped
/// lines are at hand for the next one (a thread started for each picture
/// rasterised its glyphs again every time).
fn helper() -> Option<&'static rayon::ThreadPool> {
    static HELPER: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    HELPER
        .get_or_init(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(|_| "cirkel-paint".to_string())
                .build()
                .ok()
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::png::annulus::{fill_annulus, fill_sector};
    use crate::png::boxes::{RoundedBox, fill_box, stroke_box};
    use crate::png::glyphs::{Glyphs, Placed};
    use crate::theme::Rgb;
    use resvg::tiny_skia::Pixmap;

    /// Every picture row is some stripe's own row exactly once, in order;
    /// each stripe is painted past its inner edges by the overlap.
    #[test]
    fn stripes_keep_every_row_once() {
        for height in (1..3000)
            .step_by(7)
            .chain([255, 256, 511, 512, 1023, 1024, 4000])
        {
            let stripes = plan(height, MAX_STRIPES);
            let count = stripes.len() as u32;
            assert_eq!(count, (height / MIN_STRIPE_ROWS).clamp(1, MAX_STRIPES));
            let mut next = 0;
            for (i, s) in stripes.iter().enumerate() {
                assert_eq!(s.top + s.own.0, next, "height {height}");
                next += s.own.1;
                let above = if i == 0 { 0 } else { OVERLAP };
                let below = if i + 1 == stripes.len() { 0 } else { OVERLAP };
                assert_eq!(s.own.0, above);
                assert_eq!(s.rows, above + s.own.1 + below);
            }
            assert_eq!(next, height);
        }
        assert_eq!(plan(3000, 1).len(), 1);
    }

    /// Each stripe is painted at its picture rows, and the kept rows come
    /// back as the picture's, whichever thread painted which stripe: on
    /// this thread and the helper, or within a pool of one thread.
    #[test]
    fn stripes_come_back_as_the_pictures_rows() {
        let paint = |band: &mut Band<'_>| {
            let (w, top) = (band.pixmap.width() as usize, band.top);
            for (i, row) in band.pixmap.data_mut().chunks_exact_mut(w * 4).enumerate() {
                let y = (top + i as u32).to_le_bytes();
                for px in row.chunks_exact_mut(4) {
                    px.copy_from_slice(&[y[0], y[1], 0, 255]);
                }
            }
        };
        let check = |painted: Painted, height: u32| {
            let ((w, h), runs) = painted.rows().unwrap();
            assert_eq!((w, h), (3, height));
            let rows: Vec<&[u8]> = runs.iter().flat_map(|r| r.chunks_exact(12)).collect();
            assert_eq!(rows.len(), height as usize);
            for (y, row) in rows.iter().enumerate() {
                let b = (y as u32).to_le_bytes();
                assert_eq!(&row[..4], &[b[0], b[1], 0, 255], "row {y} of {height}");
            }
        };
        for height in [1, 300, 777, 2253] {
            check(Painted::paint((3, height), paint).unwrap(), height);
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .unwrap();
            check(
                pool.install(|| Painted::paint((3, height), paint)).unwrap(),
                height,
            );
        }
        assert!(Painted::paint((0, 10), paint).is_none());
        assert!(Painted::paint((10, 0), paint).is_none());
    }

    /// The exact fillers and the glyphs draw the same bytes in stripes as
    /// on the whole canvas: they move to a stripe by whole rows.
    #[test]
    fn exact_shapes_are_the_same_in_stripes() {
        let (w, h) = (400u32, 1100u32);
        let draw = |band: &mut Band<'_>, glyphs: &mut Glyphs| {
            band.pixmap
                .fill(resvg::tiny_skia::Color::from_rgba8(250, 250, 250, 255));
            let ink = Rgb(20, 90, 160);
            fill_annulus(band, (200.3, 540.7), 120.2, 380.9, Rgb(200, 220, 240), 255);
            fill_annulus(band, (200.3, 540.7), 60.0, 61.5, ink, 128);
            fill_sector(
                band,
                (200.3, 540.7),
                (130.0, 370.0),
                (10.0, 200.0),
                ink,
                255,
            );
            let card = RoundedBox {
                x0: 40.25,
                y0: 262.6,
                x1: 310.5,
                y1: 560.1,
                top: 8.0,
                bottom: 3.0,
            };
            fill_box(band, &card, Rgb(255, 255, 255));
            stroke_box(band, &card, 2.5, ink);
            for (i, glyph) in (20u16..120).enumerate() {
                let at = Placed {
                    bold: i % 2 == 1,
                    glyph,
                    size: 14 * 64,
                    x: 10.0 + (i % 40) as f32 * 9.37,
                    y: 250.0 + (i / 40) as f32 * 259.13,
                };
                glyphs.draw(band, at, ink);
            }
        };
        let mut whole = Pixmap::new(w, h).unwrap();
        let mut glyphs = Glyphs::take();
        draw(&mut Band::whole(whole.as_mut()), &mut glyphs);
        glyphs.give_back();
        let painted = Painted::paint((w, h), |band| {
            let mut glyphs = Glyphs::take();
            draw(band, &mut glyphs);
            glyphs.give_back();
        })
        .unwrap();
        let (_, runs) = painted.rows().unwrap();
        assert_eq!(runs.len(), 4);
        assert!(
            runs.concat() == whole.data(),
            "stripes differ from the whole"
        );
    }
}
