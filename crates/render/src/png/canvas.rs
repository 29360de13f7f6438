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

use resvg::tiny_skia::{PixmapMut, PixmapRef};

/// Below this many bytes the canvas comes from the allocator (few pages,
/// and a huge page would be mostly unused).
const MAPPED_FROM: usize = 4 << 20;

/// A premultiplied RGBA canvas of `width` × `height` pixels.
pub(super) struct Canvas {
    bytes: Bytes,
    width: u32,
    height: u32,
}

enum Bytes {
    Heap(Vec<u8>),
    #[cfg(target_os = "linux")]
    Mapped(memmap2::MmapMut),
}

impl Canvas {
    /// A zeroed canvas; `None` when a side is 0 or its size overflows.
    pub(super) fn new(width: u32, height: u32) -> Option<Canvas> {
        if width == 0 || height == 0 {
            return None;
        }
        let len = (width as usize)
            .checked_mul(height as usize)?
            .checked_mul(4)?;
        Some(Canvas {
            bytes: Bytes::new(len),
            width,
            height,
        })
    }

    /// The canvas to paint on.
    pub(super) fn as_mut(&mut self) -> Option<PixmapMut<'_>> {
        PixmapMut::from_bytes(self.bytes.slice_mut(), self.width, self.height)
    }

    /// The painted pixels.
    pub(super) fn as_ref(&self) -> Option<PixmapRef<'_>> {
        PixmapRef::from_bytes(self.bytes.slice(), self.width, self.height)
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
}
