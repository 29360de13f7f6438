//! The PNG's pieces below the pixels: the deflate stream the rows go
//! into (zlib at the chosen level, or fdeflate for `PngEffort::Fast`) and
//! the chunks around it.

use super::settings::PngEffort;

/// A PNG chunk: length, type, data, CRC.
pub(super) fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32fast::hash(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A compressor the rows go into.
pub(super) enum Deflate {
    Zlib(flate2::Compress, Vec<u8>),
    Fast(fdeflate::Compressor<Vec<u8>>),
}

fn failed(what: impl std::fmt::Display) -> png::EncodingError {
    png::EncodingError::IoError(std::io::Error::other(what.to_string()))
}

impl Deflate {
    /// The compressor `effort` asks for, its output reserved for
    /// `capacity` bytes.
    pub(super) fn new(effort: PngEffort, capacity: usize) -> Result<Deflate, png::EncodingError> {
        Ok(match effort {
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
        })
    }

    /// Compresses `input` (a filtered row).
    pub(super) fn write(&mut self, mut input: &[u8]) -> Result<(), png::EncodingError> {
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

    /// Ends the stream and gives its bytes.
    pub(super) fn finish(self) -> Result<Vec<u8>, png::EncodingError> {
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
