//! Indexed PNG: a palette of the picture's most frequent colours, and the
//! picture written row by row as palette indices straight into the
//! compressor (no image-sized buffer besides the canvas: on a virtual
//! machine every fresh page of memory is a fault that costs microseconds).
//!
//! See `super::encode` for why indexed colour and which compression.

use super::deflate::{Deflate, chunk};
use super::settings::{PngEffort, metres};

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

    /// The value of `key`, if it is in the table.
    #[inline]
    fn get(&self, key: u32) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B1) >> 8) as usize & mask;
        loop {
            match self.keys[i] {
                k if k == key => return Some(self.values[i]),
                0 => return None,
                _ => i = (i + 1) & mask,
            }
        }
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
    /// Each stripe's rows' runs in order, as `colour id << 16 | length`
    /// (a row's lengths add up to the width: a run never crosses a row's
    /// end), with the stripe's colour id → palette index.
    runs: Vec<(Vec<u32>, Vec<u8>)>,
    /// The palette, RGB triples, most frequent colour first.
    rgb: Vec<u8>,
    width: usize,
}

/// Pixels compared at a time while a run goes on (one 32-byte compare).
const BLOCK: usize = 8;

/// What the counting sweep knows: each colour once (by first appearance)
/// with its count, and the runs so far. A picture painted in stripes is
/// counted stripe by stripe, on the threads that painted them, and the
/// counts merged ([`Palette::of_counts`]).
pub(super) struct Count {
    ids: ColourTable,
    colours: Vec<u32>,
    counts: Vec<u32>,
    runs: Vec<u32>,
}

/// The longest run one entry holds (a longer one is split).
const MAX_RUN: usize = 0xffff;

impl Count {
    /// Counts a picture, or a stripe of one, `width` pixels wide given as
    /// runs of whole rows top to bottom. `None` when a pixel is not
    /// opaque, a run is not whole rows, or there are more than 65,535
    /// colours.
    pub(super) fn of(parts: &[&[u8]], width: usize) -> Option<Count> {
        if width == 0 {
            return None;
        }
        let mut n = Count {
            ids: ColourTable::new(),
            colours: Vec::new(),
            counts: Vec::new(),
            // Room for a run per 4 pixels, more than a diagram has: a
            // large allocation is fresh mapped memory, and only the pages
            // written cost a fault, whereas growing it copies the runs to
            // fresh pages (a stripe across the rings has more runs than the
            // picture on average).
            runs: Vec::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() / 16),
        };
        for data in parts {
            if !data.len().is_multiple_of(width * 4) {
                return None;
            }
            // The canvas (a mapping, or an allocation of pixels) is
            // aligned; anything else is read as words first.
            let copied: Vec<u32>;
            let pixels: &[u32] = match bytemuck::try_cast_slice(data) {
                Ok(pixels) => pixels,
                Err(_) => {
                    copied = data
                        .chunks_exact(4)
                        .map(|p| u32::from_ne_bytes([p[0], p[1], p[2], p[3]]))
                        .collect();
                    &copied
                }
            };
            for row in pixels.chunks_exact(width) {
                n.row(row)?;
            }
        }
        Some(n)
    }

    /// The id of colour `c` (a pixel's bytes as a native-endian word);
    /// `None` when it is not opaque or there are too many colours.
    #[inline]
    fn id(&mut self, c: u32) -> Option<u32> {
        if c.to_ne_bytes()[3] != 255 {
            return None;
        }
        if let Some(id) = self.ids.get(c) {
            return Some(id - 1);
        }
        self.new_colour(c)
    }

    /// Gives colour `c`, seen for the first time, its id.
    #[cold]
    fn new_colour(&mut self, c: u32) -> Option<u32> {
        if self.colours.len() >= usize::from(u16::MAX) {
            return None;
        }
        // Kept as 0xRRGGBBAA, whatever the machine's byte order.
        self.colours.push(u32::from_be_bytes(c.to_ne_bytes()));
        self.counts.push(0);
        let id = self.colours.len() as u32; // ids start at 1; 0 is "new"
        *self.ids.entry(c) = id;
        Some(id - 1)
    }

    /// Counts one row of pixels (as native-endian words): each run of one
    /// colour found by comparing [`BLOCK`] pixels at a time, then looked
    /// up once.
    fn row(&mut self, px: &[u32]) -> Option<()> {
        let n = px.len();
        let mut x = 0;
        while let Some(&c) = px.get(x) {
            let start = x;
            x += 1;
            while let Some(block) = px.get(x..x + BLOCK) {
                let block: &[u32; BLOCK] = block.try_into().ok()?;
                if block.iter().fold(0, |d, p| d | (p ^ c)) != 0 {
                    break;
                }
                x += BLOCK;
            }
            while x < n && px[x] == c {
                x += 1;
            }
            let id = self.id(c)?;
            let mut len = x - start;
            *self.counts.get_mut(id as usize)? += len as u32;
            while len > 0 {
                let part = len.min(MAX_RUN);
                self.runs.push(id << 16 | part as u32);
                len -= part;
            }
        }
        Some(())
    }
}

impl Palette {
    /// The palette of an opaque picture `width` pixels wide, given as runs
    /// of whole rows top to bottom: every colour when it has at most 256,
    /// else the 256 most frequent and every other colour mapped to the
    /// nearest of them. `None` when a pixel is not opaque, a run is not
    /// whole rows, or the picture has more than 65,535 colours (not a
    /// diagram).
    pub(super) fn of(parts: &[&[u8]], width: usize) -> Option<Palette> {
        Palette::of_counts(vec![Count::of(parts, width)?], width)
    }

    /// The palette of a picture counted in stripes, top to bottom: the
    /// same as [`Palette::of`] on the whole picture (colours keep their
    /// first appearance's order, runs their rows'). `None` as there.
    pub(super) fn of_counts(counts: Vec<Count>, width: usize) -> Option<Palette> {
        let mut counts = counts.into_iter();
        let mut n = counts.next()?;
        // Each stripe's runs, kept where they are, with its colour ids as
        // the picture's (the first stripe's are).
        let mut stripes = vec![(std::mem::take(&mut n.runs), None)];
        for stripe in counts {
            let mut ids = Vec::with_capacity(stripe.colours.len());
            for (colour, count) in stripe.colours.iter().zip(&stripe.counts) {
                let id = n.id(u32::from_ne_bytes(colour.to_be_bytes()))?;
                *n.counts.get_mut(id as usize)? += count;
                ids.push(id);
            }
            stripes.push((stripe.runs, Some(ids)));
        }
        let Count {
            colours, counts, ..
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
        let (near, mut dist) = (Kept::of(&kept), Vec::with_capacity(256));
        for (rank, id) in order.iter().enumerate() {
            to_index[*id] = if rank < 256 {
                rank as u8
            } else {
                nearest(rgb(colours[*id]), &near, &mut dist)
            };
        }
        // The later stripes' tables first: the first stripe takes the
        // picture's own.
        let mut tables: Vec<Vec<u8>> = stripes
            .iter()
            .skip(1)
            .map(|(_, ids)| {
                ids.iter()
                    .flatten()
                    .map(|id| to_index[*id as usize])
                    .collect()
            })
            .collect();
        tables.insert(0, to_index);
        let runs = stripes
            .into_iter()
            .map(|(runs, _)| runs)
            .zip(tables)
            .collect();
        Some(Palette {
            runs,
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
        for (runs, to_index) in &self.runs {
            for run in runs {
                let (id, len) = ((run >> 16) as usize, (run & 0xffff) as usize);
                // By construction a row's runs end at its width, and every
                // id has an index.
                let end = (filled + len).min(self.width);
                out[filled..end].fill(to_index.get(id).copied().unwrap_or(0));
                filled = end;
                if filled == self.width {
                    each(out)?;
                    filled = 0;
                }
            }
        }
        Ok(())
    }
}

/// The kept colours as separate channels, for [`nearest`].
struct Kept {
    r: Vec<i32>,
    g: Vec<i32>,
    b: Vec<i32>,
}

impl Kept {
    fn of(kept: &[u32]) -> Kept {
        let channel = |shift: u32| kept.iter().map(|k| (k >> shift & 0xff) as i32).collect();
        Kept {
            r: channel(24),
            g: channel(16),
            b: channel(8),
        }
    }
}

/// The kept colour nearest to an edge pixel's, weighted towards green as
/// the eye is (a cheap perceptual distance); the first of equals.
fn nearest([r, g, b]: [u8; 3], kept: &Kept, dist: &mut Vec<i32>) -> u8 {
    let (r, g, b) = (i32::from(r), i32::from(g), i32::from(b));
    dist.clear();
    // Distances first, then their minimum: both loops vectorise.
    dist.extend(
        kept.r
            .iter()
            .zip(&kept.g)
            .zip(&kept.b)
            .map(|((kr, kg), kb)| {
                let (dr, dg, db) = (r - kr, g - kg, b - kb);
                2 * dr * dr + 4 * dg * dg + 3 * db * db
            }),
    );
    let least = dist.iter().copied().min().unwrap_or(0);
    dist.iter().position(|d| *d == least).unwrap_or(0) as u8
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
    let mut deflate = Deflate::new(effort, capacity)?;
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
        let m = metres(dpi).to_be_bytes();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An opaque picture `width` wide from a colour per pixel.
    fn picture(colours: &[[u8; 3]]) -> Vec<u8> {
        colours
            .iter()
            .flat_map(|c| [c[0], c[1], c[2], 255])
            .collect()
    }

    /// The PNG decoded back to RGB triples.
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut out = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut out).expect("a frame");
        let px = out[..info.buffer_size()]
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        (info.width, info.height, px)
    }

    /// Runs of every length from 1 to 40, across rows whose width is no
    /// multiple of the sweep's block, in a few colours.
    fn runs_picture(width: usize, height: usize) -> Vec<[u8; 3]> {
        let palette = [
            [255, 255, 255],
            [200, 30, 40],
            [0, 90, 200],
            [12, 12, 12],
            [90, 200, 0],
        ];
        let mut px = Vec::new();
        let (mut len, mut colour) = (1, 0);
        while px.len() < width * height {
            for _ in 0..len {
                px.push(palette[colour % palette.len()]);
            }
            colour += 1;
            len = len % 40 + 1;
        }
        px.truncate(width * height);
        px
    }

    #[test]
    fn a_picture_of_few_colours_comes_back_exactly() {
        for effort in [PngEffort::Fast, PngEffort::Balanced, PngEffort::Smallest] {
            for width in [1, 7, 8, 9, 17, 333] {
                let px = runs_picture(width, 23);
                let palette = Palette::of(&[&picture(&px)], width).expect("opaque");
                let png = write((width as u32, 23), &palette, effort, None).expect("written");
                assert_eq!(
                    decode(&png),
                    (width as u32, 23, px),
                    "{width} px, {effort:?}"
                );
            }
        }
    }

    #[test]
    fn runs_longer_than_an_entry_and_unaligned_data_read_the_same() {
        // 70,000 pixels of one colour in one row: split into two entries.
        let width = 70_000;
        let mut px = vec![[40, 80, 120]; width];
        px[69_999] = [1, 2, 3];
        let data = picture(&px);
        let palette = Palette::of(&[&data], width).expect("opaque");
        let png = write((width as u32, 1), &palette, PngEffort::Balanced, None).expect("written");
        assert_eq!(decode(&png).2, px);
        // The same pixels one byte off alignment give the same file.
        let mut shifted = vec![0u8; data.len() + 1];
        shifted[1..].copy_from_slice(&data);
        let again = Palette::of(&[&shifted[1..]], width).expect("opaque");
        let png2 = write((width as u32, 1), &again, PngEffort::Balanced, None).expect("written");
        assert_eq!(png, png2);
    }

    #[test]
    fn a_pixel_that_is_not_opaque_or_a_ragged_picture_is_refused() {
        let mut data = picture(&runs_picture(20, 4));
        assert!(Palette::of(&[&data], 20).is_some());
        data[4 * 37 + 3] = 254;
        assert!(Palette::of(&[&data], 20).is_none());
        assert!(Palette::of(&[&picture(&runs_picture(20, 4))], 21).is_none());
        assert!(Palette::of(&[], 0).is_none());
    }

    #[test]
    fn beyond_256_colours_the_rare_ones_take_the_nearest_kept_colour() {
        // 200 flat colours in long runs, then 300 one-pixel greys.
        let mut px = Vec::new();
        for i in 0..200u32 {
            let c = [
                (i * 37 % 256) as u8,
                (i * 91 % 256) as u8,
                (i * 53 % 256) as u8,
            ];
            px.extend(std::iter::repeat_n(c, 50));
        }
        for i in 0..300u32 {
            let v = (i * 255 / 299) as u8;
            px.push([v, v, v]);
        }
        let width = px.len();
        let palette = Palette::of(&[&picture(&px)], width).expect("opaque");
        assert_eq!(palette.rgb.len(), 256 * 3);
        let png = write((width as u32, 1), &palette, PngEffort::Balanced, None).expect("written");
        let back = decode(&png).2;
        // Every flat colour is exact.
        assert_eq!(back[..200 * 50], px[..200 * 50]);
        // Each grey is the kept colour nearest to it.
        let kept: Vec<[u8; 3]> = palette
            .rgb
            .chunks_exact(3)
            .map(|c| [c[0], c[1], c[2]])
            .collect();
        let dist = |a: [u8; 3], b: [u8; 3]| {
            let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
            2 * d(a[0], b[0]) + 4 * d(a[1], b[1]) + 3 * d(a[2], b[2])
        };
        for (want, got) in px[200 * 50..].iter().zip(&back[200 * 50..]) {
            let best = kept.iter().map(|k| dist(*want, *k)).min().expect("kept");
            assert_eq!(dist(*want, *got), best, "{want:?} became {got:?}");
        }
    }

    /// A picture counted in stripes (cut at any rows) gives the palette
    /// and the PNG the whole picture gives, byte for byte; stripes that
    /// have too many colours together give none, as the whole would.
    #[test]
    fn counts_of_stripes_merge_to_the_whole_pictures_palette() {
        // 40 rows of 30: flat colours in runs that change from row to row,
        // and from row 20 on 400 rarer colours (past the 256 kept).
        let (width, height) = (30usize, 40usize);
        let px: Vec<[u8; 3]> = (0..width * height)
            .map(|i| {
                let (x, y) = (i % width, i / width);
                if y >= 20 && x % 3 != 1 {
                    let k = (y * width + x) as u32;
                    [(k % 251) as u8, (k / 7 % 253) as u8, 9]
                } else {
                    let band = ((x + y) / 5 % 6) as u8;
                    [band * 40, 200 - band * 30, (y % 2) as u8 * 100]
                }
            })
            .collect();
        let data = picture(&px);
        let whole = Palette::of(&[&data], width).expect("opaque");
        assert_eq!(
            whole.rgb.len(),
            256 * 3,
            "more colours than a palette holds"
        );
        let png = |p: &Palette| write((30, 40), p, PngEffort::Balanced, None).expect("written");
        let expected = png(&whole);
        let row = width * 4;
        for cuts in [vec![20], vec![1, 39], vec![7, 13, 25], vec![0, 40]] {
            let mut parts = Vec::new();
            let mut start = 0;
            for cut in cuts.iter().copied().chain([height]) {
                parts.push(&data[start * row..cut * row]);
                start = cut;
            }
            let counts = parts
                .iter()
                .map(|p| Count::of(&[p], width).expect("opaque"))
                .collect();
            let merged = Palette::of_counts(counts, width).expect("a palette");
            assert!(png(&merged) == expected, "cut at {cuts:?}");
        }
        // 65,536 colours, half in each stripe: each has a count, together
        // they have no palette.
        let many: Vec<[u8; 3]> = (0..65_536u32)
            .map(|i| [(i >> 8) as u8, i as u8, 7])
            .collect();
        let data = picture(&many);
        let (upper, lower) = data.split_at(data.len() / 2);
        let counts = [upper, lower]
            .iter()
            .map(|p| Count::of(&[p], 256).expect("fewer than 65,536 each"))
            .collect();
        assert!(Palette::of_counts(counts, 256).is_none());
        assert!(Palette::of(&[&data], 256).is_none());
    }
}
