//! The editor's file: loading it (a workbook as the JSON of its school),
//! saving it atomically with the previous version kept as `FILE.bak`, a
//! change on disk since loading detected, and photos stored beside it.
//! Nothing is read or written outside FILE's folder.

use std::hash::{Hash, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use cirkel_core::limits::{MAX_INPUT_BYTES, MAX_PHOTO_BYTES, MAX_PHOTO_SIDE};
use std::sync::Arc;

use cirkel_core::{Diagnostics, Folder, Lang, Message, ParseOptions, PartnerList, msg, parse_with};
use cirkel_sheets::{SheetFormat, WriteOptions};

/// What the editor edits.
#[derive(Debug, Clone)]
pub enum Target {
    /// A JSON file.
    Json(PathBuf),
    /// A workbook: the school named (or its only one).
    Sheet {
        /// The workbook.
        path: PathBuf,
        /// Its format.
        format: SheetFormat,
        /// The school edited (by name), for a workbook of many.
        school: Option<String>,
    },
    /// Nothing yet: the starter kernteam, saved under a name the user
    /// gives, in `folder`.
    New {
        /// Where it will be saved.
        folder: PathBuf,
    },
}

impl Target {
    /// The target for `file` (`None`: a new file in `folder`, by default
    /// the current one).
    pub fn of(
        file: Option<&Path>,
        school: Option<String>,
        folder: Option<&Path>,
    ) -> Result<Target, Message> {
        let Some(path) = file else {
            let folder = match folder {
                Some(f) => f.to_path_buf(),
                None => std::env::current_dir().map_err(|e| msg!("serve.no-folder", reason = e))?,
            };
            return Ok(Target::New { folder });
        };
        let path = std::path::absolute(path).map_err(|e| msg!("serve.no-folder", reason = e))?;
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(msg!("serve.not-a-file", file = path.display()));
        }
        Ok(match SheetFormat::of_path(&path) {
            Some(format) if format != SheetFormat::Csv => Target::Sheet {
                path,
                format,
                school,
            },
            Some(_) => return Err(msg!("serve.csv")),
            None => Target::Json(path),
        })
    }

    /// The file, once there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Target::Json(p) | Target::Sheet { path: p, .. } => Some(p),
            Target::New { .. } => None,
        }
    }

    /// The folder photos and saves stay inside.
    pub fn folder(&self) -> PathBuf {
        match self {
            Target::Json(p) | Target::Sheet { path: p, .. } => p
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            Target::New { folder } => folder.clone(),
        }
    }

    /// The photos of the document are read here.
    pub fn files(&self) -> Folder {
        Folder::new(self.folder())
    }
}

/// A document as the page gets it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The JSON text.
    pub text: String,
    /// The version on disk (empty for a new file).
    pub version: String,
    /// Something to tell the user before saving (a workbook is written
    /// anew).
    pub notice: Option<Message>,
    /// A workbook's own partner list (its `Partners` sheet), checked.
    pub partners: Option<Arc<PartnerList>>,
}

/// A short fingerprint of a file's bytes (not secret: it only tells
/// whether the file changed since it was loaded).
pub fn version_of(bytes: &[u8]) -> String {
    // SipHash with fixed keys: the same bytes give the same version in
    // every process.
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

/// The bytes on disk now (`None` when there is no file), within the input
/// limit.
fn on_disk(path: &Path) -> Result<Option<Vec<u8>>, Message> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(msg!("serve.cannot-read", file = path.display(), reason = e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| msg!("serve.cannot-read", file = path.display(), reason = e))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(msg!("serve.too-large", file = path.display()));
    }
    Ok(Some(bytes))
}

/// Loads the document: the file's JSON, a workbook's school as JSON, or
/// the starter kernteam.
pub fn load(target: &Target, lang: Lang) -> Result<Loaded, Message> {
    match target {
        Target::New { .. } => Ok(Loaded {
            text: cirkel_core::starter("Naam van de school"),
            version: String::new(),
            notice: None,
            partners: None,
        }),
        Target::Json(path) => {
            let bytes =
                on_disk(path)?.ok_or_else(|| msg!("serve.not-found", file = path.display()))?;
            Ok(Loaded {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                version: version_of(&bytes),
                notice: None,
                partners: None,
            })
        }
        Target::Sheet {
            path,
            format,
            school,
        } => {
            let bytes =
                on_disk(path)?.ok_or_else(|| msg!("serve.not-found", file = path.display()))?;
            let stem = stem(path);
            let mut book = cirkel_sheets::read(&bytes, *format, &stem);
            let mut options = ParseOptions {
                lang,
                base_dir: None,
                partners: None,
            };
            cirkel::with_book_list(&mut book, &mut options, &target.files());
            if let Some(problem) = book.problems.errors().next() {
                return Err(problem.message.clone());
            }
            let doc = book.school(school.as_deref()).map_err(|d| d.message)?;
            Ok(Loaded {
                text: cirkel_sheets::to_json(&doc.document),
                version: version_of(&bytes),
                notice: Some(msg!("serve.workbook-rewritten")),
                partners: options.partners,
            })
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "school".into(), |s| s.to_string_lossy().into_owned())
}

/// Why a document was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since it was loaded: its version now.
    Conflict(String),
    /// A workbook can only hold a document without errors.
    Invalid(Diagnostics),
    /// The name given for a new file is not a plain file name, or taken.
    Name(Message),
    /// Writing failed.
    Io(Message),
}

/// Saves `text` to the target, if the file on disk is still `base` (or
/// `force`); returns the new version. A new target becomes `name` in its
/// folder.
pub fn save(
    target: &mut Target,
    text: &str,
    base: &str,
    force: bool,
    name: Option<&str>,
    (lang, partners): (Lang, Option<Arc<PartnerList>>),
) -> Result<String, SaveError> {
    if let Target::New { folder } = target {
        let name = name.ok_or_else(|| SaveError::Name(msg!("serve.name-needed")))?;
        let file = plain_name(name).map_err(SaveError::Name)?;
        let path = folder.join(file);
        if std::fs::symlink_metadata(&path).is_ok() {
            return Err(SaveError::Name(msg!("serve.name-taken", file = name)));
        }
        let new = Target::of(Some(&path), None, None).map_err(SaveError::Name)?;
        let bytes = bytes_for(&new, text, lang, partners.clone())?;
        write_atomic(&path, &bytes, false).map_err(SaveError::Io)?;
        *target = new;
        return Ok(version_of(&bytes));
    }
    let path = target.path().map(Path::to_path_buf).unwrap_or_default();
    let now = on_disk(&path).map_err(SaveError::Io)?;
    let current = now.as_deref().map(version_of).unwrap_or_default();
    if current != base && !force {
        return Err(SaveError::Conflict(current));
    }
    let bytes = bytes_for(target, text, lang, partners)?;
    write_atomic(&path, &bytes, now.is_some()).map_err(SaveError::Io)?;
    // A school renamed in the page is found by its new name from now on.
    if let Target::Sheet { school, .. } = target
        && school.is_some()
    {
        *school = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|d| d["school"]["name"].as_str().map(str::to_string));
    }
    Ok(version_of(&bytes))
}

/// The file's bytes for `text`: the text itself, or a workbook.
fn bytes_for(
    target: &Target,
    text: &str,
    lang: Lang,
    list: Option<Arc<PartnerList>>,
) -> Result<Vec<u8>, SaveError> {
    let Target::Sheet {
        path,
        format,
        school,
    } = target
    else {
        return Ok(text.as_bytes().to_vec());
    };
    let options = ParseOptions {
        lang,
        base_dir: None,
        partners: list,
    };
    parse_with(text.as_bytes(), &options, &target.files()).map_err(SaveError::Invalid)?;
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| SaveError::Io(msg!("io.other", text = e)))?;
    // A workbook of many schools keeps the others as they are on disk.
    let mut docs = vec![doc.clone()];
    // The workbook's partner list stays as it is on disk.
    let mut partners = None;
    if let Some(bytes) = on_disk(path).map_err(SaveError::Io)? {
        let book = cirkel_sheets::read(&bytes, *format, &stem(path));
        partners = book.partners.as_ref().map(|p| p.document.clone());
        if book.schools.len() > 1 {
            // The school this page edits must still be there: never write
            // the workbook without the edit.
            let edited = book
                .school(school.as_deref())
                .map(|s| s.name.clone())
                .map_err(|d| SaveError::Io(d.message))?;
            let renamed = doc["school"]["name"].as_str().unwrap_or_default();
            if renamed != edited && book.schools.iter().any(|s| s.name == renamed) {
                return Err(SaveError::Name(msg!(
                    "serve.school-taken",
                    school = renamed
                )));
            }
            docs = book
                .schools
                .iter()
                .map(|s| {
                    if s.name == edited {
                        doc.clone()
                    } else {
                        s.document.clone()
                    }
                })
                .collect();
        }
    }
    cirkel_sheets::write(&docs, *format, &WriteOptions { lang, partners })
        .map_err(|e| SaveError::Io(msg!("io.other", text = e.0)))
}

/// A file name for a new file: no folders, no hidden files, a known
/// extension.
fn plain_name(name: &str) -> Result<String, Message> {
    // As typed ("Mijn kernteam"), with `.json` added when no kind is named.
    let name = name.trim();
    let name = if [".json", ".xlsx", ".ods"]
        .iter()
        .any(|ext| name.to_lowercase().ends_with(ext))
    {
        name.to_string()
    } else {
        format!("{name}.json")
    };
    let name = name.as_str();
    let ok = !name.is_empty()
        && name != ".json"
        && name.len() <= 120
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':', '\0'])
        && !name.chars().any(char::is_control)
        && [".json", ".xlsx", ".ods"]
            .iter()
            .any(|ext| name.to_lowercase().ends_with(ext));
    if ok {
        Ok(name.to_string())
    } else {
        Err(msg!("serve.bad-name", file = name))
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// and a rename, so the file is always whole; with `backup`, the previous
/// version is kept as `FILE.bak` first (written the same way). Temporary
/// files have unguessable names and are created new, so a link planted in
/// the folder is never followed; the file keeps its permissions; a link
/// at `path` itself is refused. Without `backup` (a new file), an existing
/// file is never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), Message> {
    let fail = |e: std::io::Error| msg!("serve.cannot-write", file = path.display(), reason = e);
    let meta = std::fs::symlink_metadata(path);
    if meta.as_ref().is_ok_and(|m| !m.is_file()) {
        return Err(msg!("serve.not-a-file", file = path.display()));
    }
    let permissions = meta.ok().map(|m| m.permissions());
    if backup {
        let previous = std::fs::read(path).map_err(fail)?;
        let mut bak = path.as_os_str().to_owned();
        bak.push(".bak");
        let bak = PathBuf::from(bak);
        let tmp = temporary(&bak, &previous, permissions.clone()).map_err(fail)?;
        // A rename replaces whatever is at FILE.bak (a link too) without
        // following it.
        std::fs::rename(&tmp, &bak).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e)
        })?;
    }
    let tmp = temporary(path, bytes, permissions).map_err(fail)?;
    let placed = if backup {
        std::fs::rename(&tmp, path)
    } else {
        // A hard link fails when the name exists: a file made meanwhile
        // is never replaced.
        std::fs::hard_link(&tmp, path).and_then(|()| std::fs::remove_file(&tmp))
    };
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// A new file beside `path` holding `bytes` (synced), with `permissions`.
fn temporary(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<PathBuf> {
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "cirkel".into(), |n| n.to_string_lossy().into_owned());
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let tmp = folder.join(format!(".{name}.{suffix}.cirkel-tmp"));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    let written = (|| {
        f.write_all(bytes)?;
        if let Some(p) = permissions {
            f.set_permissions(p)?;
        }
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(tmp)
}

/// Stores an uploaded photo in `folder/fotos/` under a safe name; returns
/// the path to put in the document (`fotos/maaike.jpg`).
pub fn store_photo(folder: &Path, name: &str, bytes: &[u8]) -> Result<String, Message> {
    if bytes.len() as u64 > MAX_PHOTO_BYTES {
        return Err(msg!("serve.photo-too-big"));
    }
    let ext = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpg"
    } else {
        return Err(msg!("serve.photo-kind"));
    };
    match imagesize::blob_size(bytes) {
        Ok(s)
            if s.width > 0
                && s.height > 0
                && s.width <= MAX_PHOTO_SIDE
                && s.height <= MAX_PHOTO_SIDE => {}
        Ok(_) => return Err(msg!("serve.photo-size", limit = MAX_PHOTO_SIDE)),
        Err(_) => return Err(msg!("serve.photo-kind")),
    }
    let base: String = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let base = base.trim_matches('-');
    let base: String = if base.is_empty() {
        "foto".into()
    } else {
        base.chars().take(40).collect()
    };
    let dir = folder.join("fotos");
    match std::fs::symlink_metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(msg!("serve.photo-folder")),
        Err(_) => std::fs::create_dir(&dir)
            .map_err(|e| msg!("serve.cannot-write", file = dir.display(), reason = e))?,
    }
    for n in 1..100 {
        let file = if n == 1 {
            format!("{base}.{ext}")
        } else {
            format!("{base}-{n}.{ext}")
        };
        let path = dir.join(&file);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(bytes)
                    .and_then(|()| f.sync_all())
                    .map_err(|e| {
                        let _ = std::fs::remove_file(&path);
                        msg!("serve.cannot-write", file = path.display(), reason = e)
                    })?;
                return Ok(format!("fotos/{file}"));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                // The same photo again: use the stored one.
                if std::fs::symlink_metadata(&path)
                    .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
                    && std::fs::read(&path).is_ok_and(|b| b == bytes)
                {
                    return Ok(format!("fotos/{file}"));
                }
            }
            Err(e) => {
                return Err(msg!(
                    "serve.cannot-write",
                    file = path.display(),
                    reason = e
                ));
            }
        }
    }
    Err(msg!("serve.photo-folder"))
}
