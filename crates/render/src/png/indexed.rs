//! Indexed PNG: a palette of the picture's most frequent colours, and the
//! picture written row by row as palette indices straight into the
//! compressor (no image-sized buffer besides the canvas: on a virtual
//! machine every fresh page of memory is a fault that costs microseconds).
//!
//! See `super::encode` for why indexed colour and which compression.

use super::encode::PngEffort;

/// An open-addressing table from packed opaque RGBA colours to a count or
/// an index. Colour 0 (transparent black) never occurs in an opaque picture
/// and marks an empty slot. Much faster than a general hash map for the few
/// thousand colours of a diagram.
struct ColourTable {
    keys: Vec<u32>,
    values: Vec<u32>,
    len: usize,
}

impl ColourTable {
    fn new() -> ColourTable {
        ColourTable {
            keys: vec![0; 4096],
            values: vec![0; 4096],
            len: 0,
        }
    }

    fn slot(&self, key: u32) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B1) >> 8) as usize & mask;
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    /// The value of `key`, inserting 0 when new.
    fn entry(&mut self, key: u32) -> &mut u32 {
        if (self.len + 1) * 2 > self.keys.len() {
            let old = std::mem::replace(
                self,
                ColourTable {
                    keys: vec![0; self.keys.len() * 2],
                    values: vec![0; self.keys.len() * 2],
                    len: 0,
                },
            );
            for (k, v) in old.keys.iter().zip(&old.values) {
                if *k != 0 {
                    *self.entry(*k) = *v;
                }
            }
        }
        let i = self.slot(key);
        if self.keys[i] == 0 {
            self.keys[i] = key;
            self.len += 1;
        }
        &mut self.values[i]
    }
}

/// The picture's palette, and the picture itself as runs of colours, so
/// that writing it does not read the canvas a second time (a diagram is
/// mostly long runs: the example school's 3.6 million pixels are 208,000
/// runs).
pub(super) struct Palette {
    /// Each row's runs in order, as `colour id << 16 | length`; a row's
    /// lengths add up to the width (a run never crosses a row's end).
    runs: Vec<u32>,
    /// Colour id → palette index.
    to_index: Vec<u8>,
    /// The palette, RGB triples, most frequent colour first.
    rgb: Vec<u8>,
    width: usize,
}

/// A pixel's four bytes as a native-endian word (what a load gives).
fn word(p: &[u8]) -> u32 {
    u32::from_ne_bytes([p[0], p[1], p[2], p[3]])
}

/// Four pixels' bytes as one word, to compare a run of one colour four
/// pixels at a time.
fn quad(q: &[u8]) -> u128 {
    let mut b = [0u8; 16];
    b.copy_from_slice(q);
    u128::from_ne_bytes(b)
}

/// Four pixels of colour `c`, as [`quad`] reads them.
fn four(c: u32) -> u128 {
    u128::from(c) * 0x0000_0001_0000_0001_0000_0001_0000_0001
}

/// What the counting sweep knows: each colour once (by first appearance)
/// with its count, the runs so far, and the run going on.
struct Count {
    ids: ColourTable,
    colours: Vec<u32>,
    counts: Vec<u32>,
    runs: Vec<u32>,
    last: u32,
    last_id: u32,
    run: u32,
}

/// The longest run one entry holds (a longer one is split).
const MAX_RUN: u32 = 0xffff;

impl Count {
    /// Counts one pixel; `None` when it is not opaque or there are too
    /// many colours.
    fn pixel(&mut self, p: &[u8]) -> Option<()> {
        let c = word(p);
        if c == self.last && self.run < MAX_RUN {
            self.run += 1;
            return Some(());
        }
        if p[3] != 255 {
            return None;
        }
        self.flush();
        let entry = self.ids.entry(c);
        if *entry == 0 {
            if self.colours.len() >= usize::from(u16::MAX) {
                return None;
            }
            // Kept as 0xRRGGBBAA, whatever the machine's byte order.
            self.colours.push(u32::from_be_bytes(c.to_ne_bytes()));
            self.counts.push(0);
            *entry = self.colours.len() as u32; // ids start at 1; 0 is "new"
        }
        self.last = c;
        self.last_id = *entry - 1;
        self.run = 1;
        Some(())
    }

    /// Ends the run going on.
    fn flush(&mut self) {
        if self.run > 0 {
            self.counts[self.last_id as usize] += self.run;
            self.runs.push(self.last_id << 16 | self.run);
            self.run = 0;
        }
    }

    /// Counts one row.
    fn row(&mut self, row: &[u8]) -> Option<()> {
        let quads = row.chunks_exact(16);
        let tail = quads.remainder();
        for q in quads {
            if self.run + 4 <= MAX_RUN && quad(q) == four(self.last) {
                self.run += 4;
                continue;
            }
            for p in q.chunks_exact(4) {
                self.pixel(p)?;
            }
        }
        for p in tail.chunks_exact(4) {
            self.pixel(p)?;
        }
        self.flush();
        Some(())
    }
}

impl Palette {
    /// The palette of an opaque picture `width` pixels wide: every colour
    /// when it has at most 256, else the 256 most frequent and every other
    /// colour mapped to the nearest of them. `None` when a pixel is not
    /// opaque or the picture has more than 65,535 colours (not a diagram).
    pub(super) fn of(data: &[u8], width: usize) -> Option<Palette> {
        let mut n = Count {
            ids: ColourTable::new(),
            colours: Vec::new(),
            counts: Vec::new(),
            runs: Vec::with_capacity(data.len() / 64),
            last: 0,
            last_id: 0,
            run: 0,
        };
        if width == 0 || !data.len().is_multiple_of(width * 4) {
            return None;
        }
        for row in data.chunks_exact(width * 4) {
            n.row(row)?;
        }
        let Count {
            colours,
            counts,
            runs,
            ..
        } = n;
        // Most frequent first; ties by colour, so the result never depends
        // on the order of first appearance.
        let mut order: Vec<usize> = (0..colours.len()).collect();
        order.sort_unstable_by(|a, b| {
            counts[*b]
                .cmp(&counts[*a])
                .then(colours[*a].cmp(&colours[*b]))
        });
        let kept: Vec<u32> = order.iter().take(256).map(|i| colours[*i]).collect();
        let rgb = |c: u32| [(c >> 24) as u8, (c >> 16) as u8, (c >> 8) as u8];
        let mut to_index = vec![0u8; colours.len()];
        for (rank, id) in order.iter().enumerate() {
            to_index[*id] = if rank < 256 {
                rank as u8
            } else {
                nearest(rgb(colours[*id]), &kept)
            };
        }
        Some(Palette {
            runs,
            to_index,
            rgb: kept.iter().flat_map(|c| rgb(*c)).collect(),
            width,
        })
    }

    /// Each row of the picture as palette indices, one after the other in
    /// `out` (the width's bytes), handed to `each`.
    fn rows<E>(
        &self,
        out: &mut [u8],
        mut each: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut filled = 0;
        for run in &self.runs {
            let (id, len) = ((run >> 16) as usize, (run & 0xffff) as usize);
            // By construction a row's runs end at its width.
            let end = (filled + len).min(self.width);
            out[filled..end].fill(self.to_index[id]);
            filled = end;
            if filled == self.width {
                each(out)?;
                filled = 0;
            }
        }
        Ok(())
    }
}

/// The kept colour nearest to an edge pixel's, weighted towards green as
/// the eye is (a cheap perceptual distance).
fn nearest([r, g, b]: [u8; 3], kept: &[u32]) -> u8 {
    let d = |x: u8, y: u32| {
        let d = i32::from(x) - (y & 0xff) as i32;
        (d * d) as u32
    };
    let mut best = (u32::MAX, 0u8);
    for (i, k) in kept.iter().enumerate() {
        let dist = 2 * d(r, k >> 24) + 4 * d(g, k >> 16) + 3 * d(b, k >> 8);
        if dist < best.0 {
            best = (dist, i as u8);
        }
    }
    best.1
}

/// A PNG chunk: length, type, data, CRC.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32fast::hash(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A compressor the rows go into.
enum Deflate {
    Zlib(flate2::Compress, Vec<u8>),
    Fast(fdeflate::Compressor<Vec<u8>>),
}

fn failed(what: impl std::fmt::Display) -> png::EncodingError {
    png::EncodingError::IoError(std::io::Error::other(what.to_string()))
}

impl Deflate {
    fn write(&mut self, mut input: &[u8]) -> Result<(), png::EncodingError> {
        match self {
            Deflate::Fast(c) => c.write_data(input).map_err(png::EncodingError::IoError),
            Deflate::Zlib(z, out) => {
                while !input.is_empty() {
                    if out.capacity() - out.len() < input.len() + 1024 {
                        out.reserve(input.len().max(64 * 1024) + 1024);
                    }
                    let before = z.total_in();
                    z.compress_vec(input, out, flate2::FlushCompress::None)
                        .map_err(failed)?;
                    let used = (z.total_in() - before) as usize;
                    if used == 0 && out.capacity() > out.len() {
                        return Err(failed("the compressor took no input"));
                    }
                    input = &input[used.min(input.len())..];
                }
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<Vec<u8>, png::EncodingError> {
        match self {
            Deflate::Fast(c) => c.finish().map_err(png::EncodingError::IoError),
            Deflate::Zlib(mut z, mut out) => {
                // Each round leaves room; a stream ends within a few.
                for _ in 0..1024 {
                    out.reserve(64 * 1024);
                    let status = z
                        .compress_vec(&[], &mut out, flate2::FlushCompress::Finish)
                        .map_err(failed)?;
                    if status == flate2::Status::StreamEnd {
                        return Ok(out);
                    }
                }
                Err(failed("the compressed stream did not end"))
            }
        }
    }
}

/// The picture as an indexed PNG: rows of palette indices, filtered and
/// compressed as `effort` says, with a pHYs chunk when `dpi` is given.
pub(super) fn write(
    (width, height): (u32, u32),
    palette: &Palette,
    effort: PngEffort,
    dpi: Option<f64>,
) -> Result<Vec<u8>, png::EncodingError> {
    let w = width as usize;
    let capacity = w * height as usize / 16;
    let mut deflate = match effort {
        // fdeflate is built for "Up"-filtered rows.
        PngEffort::Fast => Deflate::Fast(fdeflate::Compressor::new(Vec::new())?),
        PngEffort::Balanced => Deflate::Zlib(
            flate2::Compress::new(flate2::Compression::new(2), true),
            Vec::with_capacity(capacity),
        ),
        PngEffort::Smallest => Deflate::Zlib(
            flate2::Compress::new(flate2::Compression::new(9), true),
            Vec::with_capacity(capacity),
        ),
    };
    let up = effort == PngEffort::Fast;
    let (mut row, mut above) = (vec![0u8; w + 1], vec![0u8; w + 1]);
    let mut filtered = vec![0u8; if up { w + 1 } else { 0 }];
    // Filter type 0 ("none") first, then the row's indices.
    let mut indices = vec![0u8; w];
    palette.rows(&mut indices, |indices| {
        row[1..].copy_from_slice(indices);
        if up {
            filtered[0] = 2;
            for ((f, r), a) in filtered[1..].iter_mut().zip(&row[1..]).zip(&above[1..]) {
                *f = r.wrapping_sub(*a);
            }
            std::mem::swap(&mut row, &mut above);
            deflate.write(&filtered)
        } else {
            deflate.write(&row)
        }
    })?;
    let stream = deflate.finish()?;
    let mut out = Vec::with_capacity(stream.len() + palette.rgb.len() + 128);
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 3, 0, 0, 0]); // 8 bits, indexed, deflate, adaptive, no interlace
    chunk(&mut out, b"IHDR", &header);
    if let Some(dpi) = dpi {
        let m = super::encode::metres(dpi).to_be_bytes();
        let mut phys = Vec::with_capacity(9);
        phys.extend_from_slice(&m);
        phys.extend_from_slice(&m);
        phys.push(1); // per metre
        chunk(&mut out, b"pHYs", &phys);
    }
    chunk(&mut out, b"PLTE", &palette.rgb);
    for part in stream.chunks(1 << 20) {
        chunk(&mut out, b"IDAT", part);
    }
    chunk(&mut out, b"IEND", &[]);
    Ok(out)
}
