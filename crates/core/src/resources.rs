//! Where the files an input names (members' photos) come from.
//!
//! The parser reads each photo once, through a [`Resources`], checks it
//! (kind, byte size, pixel size from the header) and keeps its bytes in the
//! model, so nothing is read twice and nothing downstream touches the disk.
//! [`Folder`] reads files inside one folder (the input file's) and nothing
//! outside it; [`NoFiles`] reads nothing (for inputs from the network);
//! [`MemoryFiles`] serves files held in memory (tests, an editor that
//! received an upload).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Reads the files an input refers to.
pub trait Resources: Sync {
    /// The bytes of the file `name` (as written in the input: a relative
    /// path with `/` or `\`), at most `limit` bytes.
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, ResourceError>;
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResourceError {
    /// The name is absolute, a link, or climbs out of the folder.
    #[error("\"{0}\" must be a relative path inside the input file's folder")]
    Outside(String),
    /// There is no such file.
    #[error("file not found: {0}")]
    NotFound(String),
    /// The name is a folder or a device, not a file.
    #[error("{0} is not a file")]
    NotAFile(String),
    /// The file is larger than allowed.
    #[error("the file is {size} bytes; the limit is {limit}")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading failed.
    #[error("{path} cannot be read: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// This reader reads no files at all.
    #[error("this program reads no files")]
    NotAvailable,
}

/// Checks a name as the input may write it: relative, no `..`, no drive
/// or root, not a link. Returns its components.
pub fn relative_components(name: &str) -> Result<Vec<String>, ResourceError> {
    let outside = || ResourceError::Outside(name.to_string());
    if name.is_empty()
        || name.contains("://")
        || name.starts_with("data:")
        || name.starts_with("file:")
        || name.starts_with('\\')
        || name.starts_with('/')
        || name.contains(":\\")
        || name.contains(':')
    {
        return Err(outside());
    }
    let mut parts = Vec::new();
    for c in Path::new(&name.replace('\\', "/")).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return Err(outside()),
        }
    }
    if parts.is_empty() {
        return Err(outside());
    }
    Ok(parts)
}

/// Files inside one folder (and its subfolders), nothing outside it: a name
/// that climbs out, or a link that points out, is refused.
#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    /// Files below `root`.
    pub fn new(root: impl Into<PathBuf>) -> Folder {
        Folder { root: root.into() }
    }

    /// Files next to the input file `input` (its folder; the current folder
    /// when it has none).
    pub fn beside(input: &Path) -> Folder {
        let dir = input
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Folder::new(dir)
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `name` is on disk, checked to stay inside the folder.
    pub fn locate(&self, name: &str) -> Result<PathBuf, ResourceError> {
        let parts = relative_components(name)?;
        let full = parts.iter().fold(self.root.clone(), |p, c| p.join(c));
        let shown = full.display().to_string();
        let meta = std::fs::metadata(&full).map_err(|_| ResourceError::NotFound(shown.clone()))?;
        if !meta.is_file() {
            return Err(ResourceError::NotAFile(shown));
        }
        if let (Ok(root), Ok(canon)) = (self.root.canonicalize(), full.canonicalize())
            && !canon.starts_with(&root)
        {
            return Err(ResourceError::Outside(name.to_string()));
        }
        Ok(full)
    }
}

impl Resources for Folder {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, ResourceError> {
        let full = self.locate(name)?;
        let shown = full.display().to_string();
        let io = |source| ResourceError::Io {
            path: shown.clone(),
            source,
        };
        let file = std::fs::File::open(&full).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > limit {
            return Err(ResourceError::TooLarge { size, limit });
        }
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > limit {
            return Err(ResourceError::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(bytes)
    }
}

/// Reads nothing: every photo is reported as not drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFiles;

impl Resources for NoFiles {
    fn read(&self, name: &str, _limit: u64) -> Result<Vec<u8>, ResourceError> {
        relative_components(name)?;
        Err(ResourceError::NotAvailable)
    }
}

/// Files held in memory, by name (`fotos/ib.jpg`; `\` and `./` are
/// normalised to `/`).
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemoryFiles {
    /// No files yet.
    pub fn new() -> MemoryFiles {
        MemoryFiles::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), ResourceError> {
        let key = relative_components(name)?.join("/");
        self.files.insert(key, bytes);
        Ok(())
    }
}

impl Resources for MemoryFiles {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, ResourceError> {
        let key = relative_components(name)?.join("/");
        let bytes = self
            .files
            .get(&key)
            .ok_or_else(|| ResourceError::NotFound(name.to_string()))?;
        if bytes.len() as u64 > limit {
            return Err(ResourceError::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(bytes.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_stay_inside() {
        for bad in [
            "../x.png",
            "/etc/passwd",
            "C:\\Windows\\win.ini",
            "\\\\server\\share\\x.png",
            "file:///etc/passwd",
            "https://example.nl/x.png",
            "a/../../x",
            "",
            ".",
        ] {
            assert!(relative_components(bad).is_err(), "{bad}");
        }
        assert_eq!(
            relative_components("./fotos\\ib.jpg").unwrap(),
            vec!["fotos", "ib.jpg"]
        );
    }

    #[test]
    fn memory_files_normalise_names_and_keep_the_limit() {
        let mut m = MemoryFiles::new();
        m.insert("fotos/ib.png", vec![1, 2, 3]).unwrap();
        assert_eq!(m.read("./fotos\\ib.png", 10).unwrap(), vec![1, 2, 3]);
        assert!(matches!(
            m.read("fotos/ib.png", 2),
            Err(ResourceError::TooLarge { .. })
        ));
        assert!(matches!(
            m.read("x.png", 2),
            Err(ResourceError::NotFound(_))
        ));
        assert!(matches!(
            NoFiles.read("x.png", 2),
            Err(ResourceError::NotAvailable)
        ));
    }

    #[test]
    fn a_folder_reads_inside_only() {
        let dir = std::env::temp_dir().join(format!("cirkel-res-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/a.bin"), b"abc").unwrap();
        let f = Folder::new(&dir);
        assert_eq!(f.read("sub/a.bin", 10).unwrap(), b"abc");
        assert!(matches!(f.read("sub", 10), Err(ResourceError::NotAFile(_))));
        assert!(matches!(
            f.read("sub/a.bin", 2),
            Err(ResourceError::TooLarge { .. })
        ));
        assert!(matches!(f.read("nope", 2), Err(ResourceError::NotFound(_))));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
