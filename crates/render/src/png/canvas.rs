//! The memory the PNG painter draws into.
//!
//! A 1600 px picture of a school is 10–20 MB of pixels. Taken from the
//! allocator, each of its 4 KiB pages is a fault the first time it is
//! written (on a virtual machine, a few microseconds each: 3,500 faults
//! were a fifth of a whole `cirkel render`). On Linux a large canvas is
//! therefore an anonymous mapping the kernel is asked to back with huge
//! pages (`madvise(MADV_HUGEPAGE)`, honoured where transparent huge pages
//! are enabled or on "madvise"): 512 times fewer faults. Elsewhere, or when
//! the mapping or the advice is refused, it is an ordinary `Vec`. The bytes
//! are the same either way, zeroed until painted.
//!
//! A thread keeps the memory of its last canvas (up to [`KEPT_BYTES`]) for
//! the next picture: a batch paints school after school without asking
//! the kernel for fresh pages — and having them cleared — each time.

use std::cell::Cell;

use resvg::tiny_skia::{PixmapMut, PixmapRef};

/// Below this many bytes the canvas comes from the allocator (few pages,
/// and a huge page would be mostly unused).
const MAPPED_FROM: usize = 4 << 20;

/// The largest canvas memory a thread keeps for its next picture (a
/// 2400 px picture of a school; a poster-sized one is given back).
pub(super) const KEPT_BYTES: usize = 32 << 20;

thread_local! {
    /// This thread's memory from its last canvas.
    static KEPT: Cell<Option<Bytes>> = const { Cell::new(None) };
}

/// A premultiplied RGBA canvas of `width` × `height` pixels.
pub(super) struct Canvas {
    /// At least `len` bytes (kept memory may be larger).
    bytes: Option<Bytes>,
    len: usize,
    width: u32,
    height: u32,
}

impl Drop for Canvas {
    fn drop(&mut self) {
        if let Some(bytes) = self.bytes.take()
            && bytes.slice().len() <= KEPT_BYTES
        {
            // A thread that is ending keeps nothing.
            let _ = KEPT.try_with(|k| k.set(Some(bytes)));
        }
    }
}

/// Rows `top..top + pixmap.height()` of a canvas: what one painter
/// thread draws on. Shapes are given in canvas pixels; the exact fillers
/// and the glyphs move them to the band by whole rows (so a band's pixels
/// are those the whole canvas would have), tiny-skia by its transform.
pub(super) struct Band<'p> {
    /// The band's pixels.
    pub(super) pixmap: PixmapMut<'p>,
    /// The canvas row of the band's first row.
    pub(super) top: u32,
}

impl<'p> Band<'p> {
    /// The whole canvas as one band.
    #[cfg(test)]
    pub(super) fn whole(pixmap: PixmapMut<'p>) -> Band<'p> {
        Band { pixmap, top: 0 }
    }

    /// The same rows, borrowed again (for a painter that holds a band).
    pub(super) fn reborrow(&mut self) -> Option<Band<'_>> {
        let (width, height) = (self.pixmap.width(), self.pixmap.height());
        Some(Band {
            pixmap: PixmapMut::from_bytes(self.pixmap.data_mut(), width, height)?,
            top: self.top,
        })
    }

    /// The canvas rows of the band, `top..bottom`.
    pub(super) fn rows(&self) -> (usize, usize) {
        let top = self.top as usize;
        (top, top + self.pixmap.height() as usize)
    }
}

enum Bytes {
    Heap(Vec<u8>),
    #[cfg(target_os = "linux")]
    Mapped(memmap2::MmapMut),
}

impl Canvas {
    /// A zeroed canvas; `None` when a side is 0 or its size overflows.
    #[cfg(test)]
    pub(super) fn new(width: u32, height: u32) -> Option<Canvas> {
        let len = Canvas::bytes_for(width, height)?;
        Some(Canvas {
            bytes: Some(Bytes::new(len)),
            len,
            width,
            height,
        })
    }

    /// A canvas whose pixels are left from an earlier picture on this
    /// thread (or zero): for a painter that paints every pixel first.
    /// `None` when a side is 0 or its size overflows.
    pub(super) fn reused(width: u32, height: u32) -> Option<Canvas> {
        let len = Canvas::bytes_for(width, height)?;
        let kept = KEPT
            .try_with(Cell::take)
            .ok()
            .flatten()
            .filter(|b| b.slice().len() >= len);
        Some(Canvas {
            bytes: Some(kept.unwrap_or_else(|| Bytes::new(len))),
            len,
            width,
            height,
        })
    }

    fn bytes_for(width: u32, height: u32) -> Option<usize> {
        if width == 0 || height == 0 {
            return None;
        }
        (width as usize)
            .checked_mul(height as usize)?
            .checked_mul(4)
    }

    /// The canvas to paint on.
    #[cfg(test)]
    pub(super) fn as_mut(&mut self) -> Option<PixmapMut<'_>> {
        let bytes = self.bytes.as_mut()?.slice_mut().get_mut(..self.len)?;
        PixmapMut::from_bytes(bytes, self.width, self.height)
    }

    /// The canvas cut into bands of whole rows, one after the other in
    /// memory: for each `(rows, top)` of `plan`, a band of that many rows
    /// standing for the picture's rows from `top` on (bands may stand for
    /// overlapping rows of the picture; in memory they are apart). `None`
    /// when the plan does not take exactly the canvas's rows.
    pub(super) fn bands(&mut self, plan: &[(u32, u32)]) -> Option<Vec<Band<'_>>> {
        let width = self.width;
        let total = plan
            .iter()
            .try_fold(0u32, |n, (rows, _)| n.checked_add(*rows))?;
        if total != self.height {
            return None;
        }
        let mut rest = self.bytes.as_mut()?.slice_mut().get_mut(..self.len)?;
        let mut bands = Vec::with_capacity(plan.len());
        for &(rows, top) in plan {
            let (this, next) = rest.split_at_mut(rows as usize * width as usize * 4);
            bands.push(Band {
                pixmap: PixmapMut::from_bytes(this, width, rows)?,
                top,
            });
            rest = next;
        }
        Some(bands)
    }

    /// The painted pixels.
    pub(super) fn as_ref(&self) -> Option<PixmapRef<'_>> {
        let bytes = self.bytes.as_ref()?.slice().get(..self.len)?;
        PixmapRef::from_bytes(bytes, self.width, self.height)
    }
}

impl Bytes {
    #[cfg(target_os = "linux")]
    fn new(len: usize) -> Bytes {
        if len >= MAPPED_FROM
            && let Ok(map) = memmap2::MmapOptions::new().len(len).map_anon()
        {
            // Advice only: refused, the pages are ordinary ones.
            let _ = map.advise(memmap2::Advice::HugePage);
            return Bytes::Mapped(map);
        }
        Bytes::Heap(vec![0; len])
    }

    #[cfg(not(target_os = "linux"))]
    fn new(len: usize) -> Bytes {
        let _ = MAPPED_FROM;
        Bytes::Heap(vec![0; len])
    }

    fn slice(&self) -> &[u8] {
        match self {
            Bytes::Heap(v) => v,
            #[cfg(target_os = "linux")]
            Bytes::Mapped(m) => m,
        }
    }

    fn slice_mut(&mut self) -> &mut [u8] {
        match self {
            Bytes::Heap(v) => v,
            #[cfg(target_os = "linux")]
            Bytes::Mapped(m) => m,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_canvases_start_zeroed_and_keep_what_is_painted() {
        for (w, h) in [(3, 2), (1600, 2253)] {
            let mut canvas = Canvas::new(w, h).unwrap();
            assert!(canvas.as_ref().unwrap().data().iter().all(|b| *b == 0));
            canvas
                .as_mut()
                .unwrap()
                .fill(resvg::tiny_skia::Color::WHITE);
            let data = canvas.as_ref().unwrap().data();
            assert_eq!(data.len(), w as usize * h as usize * 4);
            assert!(data.iter().all(|b| *b == 255));
        }
        assert!(Canvas::new(0, 5).is_none());
    }

    /// A thread's next canvas takes the memory of its last one when it is
    /// large enough, and only its own size of it.
    #[test]
    fn memory_is_kept_for_the_next_canvas_of_the_thread() {
        std::thread::spawn(|| {
            let mut first = Canvas::reused(1600, 2000).unwrap();
            first.as_mut().unwrap().fill(resvg::tiny_skia::Color::WHITE);
            let at = first.as_ref().unwrap().data().as_ptr();
            drop(first);
            let smaller = Canvas::reused(1600, 1900).unwrap();
            assert_eq!(smaller.as_ref().unwrap().data().as_ptr(), at);
            assert_eq!(smaller.as_ref().unwrap().data().len(), 1600 * 1900 * 4);
            drop(smaller);
            // Too small for the next one: fresh memory, zeroed.
            let larger = Canvas::reused(1600, 2100).unwrap();
            assert!(larger.as_ref().unwrap().data().iter().all(|b| *b == 0));
            drop(larger);
            // Over the limit: not kept.
            let mut huge = Canvas::reused(4000, 3000).unwrap();
            huge.as_mut().unwrap().fill(resvg::tiny_skia::Color::WHITE);
            drop(huge);
            let next = Canvas::reused(10, 10).unwrap();
            assert!(next.as_ref().unwrap().data().iter().all(|b| *b == 0));
        })
        .join()
        .unwrap();
    }
}
