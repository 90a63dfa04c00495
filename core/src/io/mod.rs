//! Reading and writing production files.
//!
//! A production file is UTF-8 JSON whose top-level object starts with a
//! `format_version`. Loading checks the version (migrating older files,
//! refusing newer ones), parses strictly (unknown fields are errors), then
//! validates the whole production and reports **every** problem with its
//! path. Saving writes deterministic, pretty-printed JSON — the same
//! production always gives the same bytes — and replaces files atomically.
//!
//! # Limits
//!
//! A production file is untrusted input. Before anything is parsed, its size,
//! nesting and list lengths are checked in one pass over the bytes, so a
//! hostile or corrupt file is refused in time and memory proportional to its
//! size (no quadratic work anywhere in loading and validation):
//!
//! | what | limit | when exceeded |
//! |---|---|---|
//! | file (or text) size | [`MAX_FILE_BYTES`] = 128 MiB | [`LoadError::TooLarge`], before the file is read |
//! | nesting of arrays and objects | [`MAX_NESTING`] = 32 levels | [`LoadError::TooDeep`] with the path, line and column |
//! | items in one array, members in one object | [`MAX_LIST_ITEMS`] = 1,000,000 | [`LoadError::TooMany`] with the path of the list |
//! | rule packs | [`MAX_RULE_PACKS`] = 1,000 | a validation problem at `rule_packs` |
//! | length of an event, and of a person's call to dismissal | [`MAX_SPAN_DAYS`] = 366 days | a validation problem at `events[i]` or `events[i].attendees[k].dismissal` |
//! | operators, signs and parentheses in one budget formula | [`Formula::MAX_NODES`](crate::budget::Formula::MAX_NODES) = 256 | a validation problem at the line's `amount` |
//! | problems listed by one [`ValidationErrors`] | [`MAX_PROBLEMS`] = 1,000 | the rest are counted in a last problem at `.` |
//!
//! Strings have no limit of their own beyond the file size. The limits apply
//! to [`Production::from_json`] and [`Production::load`]; a production built
//! in code is bounded by its validation (rule packs, formulas, problems).

mod batch;
mod limits;
mod migrate;
mod validate;

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use batch::{BatchSummary, RecordBatch, Removals};
pub use limits::{
    MAX_FILE_BYTES, MAX_LIST_ITEMS, MAX_NESTING, MAX_PROBLEMS, MAX_RULE_PACKS, MAX_SPAN_DAYS,
};
pub use validate::{Problem, ValidationErrors};

use crate::model::{FORMAT_VERSION, Production};

/// Why a production file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The text is not well-formed JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The JSON does not have the shape of a production file.
    #[error("{path}: {message}")]
    Structure {
        /// Where in the file (`people[3].category`).
        path: String,
        /// What is wrong.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// The file was written by a newer callsheet.
    #[error("format_version: {}", newer_version_message(*.found, *.supported))]
    UnsupportedVersion {
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file is larger than [`MAX_FILE_BYTES`]; nothing was read or parsed.
    #[error("{}", limits::too_large_message(*.size, *.limit))]
    TooLarge {
        /// The size of the file or text, in bytes.
        size: u64,
        /// The limit, [`MAX_FILE_BYTES`].
        limit: u64,
    },
    /// Arrays and objects nest deeper than [`MAX_NESTING`]; nothing was parsed.
    #[error(
        "{path}: nested more than {limit} levels deep (line {line}, column {column}); a production file nests at most {limit}"
    )]
    TooDeep {
        /// Where the level over the limit opens (`events[3].notes`).
        path: String,
        /// The limit, [`MAX_NESTING`].
        limit: usize,
        /// 1-based line of the bracket over the limit.
        line: usize,
        /// 1-based column of the bracket over the limit.
        column: usize,
    },
    /// An array or object holds more than [`MAX_LIST_ITEMS`] items; nothing was parsed.
    #[error(
        "{path}: more than {limit} items (line {line}, column {column}); a list in a production file holds at most {limit}"
    )]
    TooMany {
        /// The list (`events`).
        path: String,
        /// The limit, [`MAX_LIST_ITEMS`].
        limit: usize,
        /// 1-based line of the first item over the limit.
        line: usize,
        /// 1-based column of the first item over the limit.
        column: usize,
    },
    /// The production is well-formed but inconsistent.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

impl LoadError {
    /// Every problem as `(path, message)` pairs: one for a syntax or
    /// structure error, all of them for a validation error.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Invalid(errors) => errors.problems().to_vec(),
            LoadError::Structure { path, message, .. } => {
                vec![Problem::new(path.clone(), message.clone())]
            }
            LoadError::Syntax {
                line,
                column,
                message,
            } => {
                vec![Problem::new(
                    format!("line {line}, column {column}"),
                    message.clone(),
                )]
            }
            LoadError::UnsupportedVersion { found, supported } => {
                vec![Problem::new(
                    "format_version",
                    newer_version_message(*found, *supported),
                )]
            }
            LoadError::Io { path, source } => {
                vec![Problem::new(path.display().to_string(), source.to_string())]
            }
            LoadError::TooLarge { .. } => vec![Problem::new(".", self.to_string())],
            LoadError::TooDeep { path, .. } | LoadError::TooMany { path, .. } => {
                vec![Problem::of_error(path, self)]
            }
        }
    }
}

fn newer_version_message(found: u64, supported: u32) -> String {
    format!(
        "file format version {found} is newer than this callsheet supports \
         (version {supported}); upgrade callsheet to read it"
    )
}

/// Why a production could not be saved. The previous file, if any, is left untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The production is inconsistent; saving it would write a file that cannot be loaded.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// Writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

/// Just enough of a file to read its version, whatever else it holds.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<serde_json::Value>,
}

fn syntax_error(err: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: err.line(),
        column: err.column(),
        message: strip_position(err),
    }
}

/// serde_json appends " at line L column C" to its messages; we report the
/// position separately.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

fn read_version(text: &str) -> Result<u32, LoadError> {
    let probe: VersionProbe = serde_json::from_str(text).map_err(|err| match err.classify() {
        serde_json::error::Category::Data => LoadError::Structure {
            path: ".".to_owned(),
            message: format!(
                "a production file must be a JSON object starting with \"format_version\": {FORMAT_VERSION} ({})",
                strip_position(&err)
            ),
            line: err.line(),
            column: err.column(),
        },
        _ => syntax_error(&err),
    })?;
    let missing = || LoadError::Structure {
        path: "format_version".to_owned(),
        message: format!(
            "missing or not a whole number; a production file starts with \"format_version\": {FORMAT_VERSION}"
        ),
        line: 1,
        column: 1,
    };
    let version = probe
        .format_version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(missing)?;
    if version == 0 {
        return Err(LoadError::Structure {
            path: "format_version".to_owned(),
            message: "0 is not a format version; versions start at 1".to_owned(),
            line: 1,
            column: 1,
        });
    }
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::UnsupportedVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    u32::try_from(version).map_err(|_| missing())
}

fn parse_current(text: &str) -> Result<Production, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let production: Production =
        serde_path_to_error::deserialize(&mut de).map_err(|err| structure_error(&err, text))?;
    de.end().map_err(|err| syntax_error(&err))?;
    Ok(production)
}

fn structure_error(err: &serde_path_to_error::Error<serde_json::Error>, text: &str) -> LoadError {
    let inner = err.inner();
    match inner.classify() {
        serde_json::error::Category::Data => {
            let mut message = strip_position(inner);
            if let Some(better) = explain_time_error(&message, text, inner.line(), inner.column()) {
                message = better;
            }
            LoadError::Structure {
                path: display_path(err.path()),
                message,
                line: inner.line(),
                column: inner.column(),
            }
        }
        _ => syntax_error(inner),
    }
}

/// chrono's parse errors say what went wrong ("input is out of range") but
/// not with what or what was expected: add the value and the format.
///
/// serde_json reports the position just after the offending string, so the
/// value is the last quoted string before `line`:`column`.
fn explain_time_error(message: &str, text: &str, line: usize, column: usize) -> Option<String> {
    const CHRONO: &[&str] = &[
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
    ];
    if !CHRONO.contains(&message) {
        return None;
    }
    let line_text = text.lines().nth(line.checked_sub(1)?)?;
    let before: String = line_text.chars().take(column).collect();
    let close = before.rfind('"')?;
    let open = before[..close].rfind('"')?;
    let value = &before[open + 1..close];
    let (what, expected) = if value.contains(['T', 't', ' ']) {
        (
            "instant",
            "RFC 3339 with a UTC offset, such as 2027-02-22T15:00:00Z",
        )
    } else if value.contains(':') {
        ("time", "HH:MM:SS, such as 07:30:00")
    } else {
        ("date", "YYYY-MM-DD, such as 2027-02-22")
    };
    Some(format!(
        "{value:?} is not a valid {what} ({message}); expected {expected}"
    ))
}

fn display_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text.is_empty() {
        ".".to_owned()
    } else {
        text
    }
}

impl Production {
    /// Parses and validates a production file's text.
    ///
    /// # Errors
    /// [`LoadError::Syntax`] for malformed JSON, [`LoadError::Structure`]
    /// (with the path, e.g. `people[3].category`) for a wrong shape or an
    /// unknown field, [`LoadError::UnsupportedVersion`] for a file from a
    /// newer callsheet, and [`LoadError::Invalid`] listing every
    /// inconsistency (duplicate ids, unknown references, reversed spans).
    ///
    /// # Examples
    /// ```
    /// use callsheet::Production;
    /// let text = r#"{"format_version": 1, "name": "Night Diner",
    ///               "zone": "America/Los_Angeles", "currency": "USD"}"#;
    /// let production = Production::from_json(text)?;
    /// assert_eq!(production.name, "Night Diner");
    ///
    /// let bad = text.replace("America/Los_Angeles", "Europe/Lundon");
    /// let err = Production::from_json(&bad).unwrap_err();
    /// assert_eq!(err.to_string(), r#"zone: unknown time zone "Europe/Lundon""#);
    /// # Ok::<(), callsheet::LoadError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Production, LoadError> {
        limits::check(text)?;
        let version = read_version(text)?;
        let production = if version == FORMAT_VERSION {
            parse_current(text)?
        } else {
            let value: serde_json::Value =
                serde_json::from_str(text).map_err(|err| syntax_error(&err))?;
            let migrated = migrate::to_current(value, version)?;
            serde_path_to_error::deserialize(migrated).map_err(|err| {
                let inner = err.inner();
                LoadError::Structure {
                    path: display_path(err.path()),
                    message: strip_position(inner),
                    line: 0,
                    column: 0,
                }
            })?
        };
        production.validate()?;
        Ok(production)
    }

    /// Reads and validates a production file.
    ///
    /// # Errors
    /// [`LoadError::Io`] if the file cannot be read (or is not UTF-8),
    /// [`LoadError::TooLarge`] if it is larger than [`MAX_FILE_BYTES`]
    /// (checked before reading); otherwise as [`Production::from_json`].
    pub fn load(path: impl AsRef<Path>) -> Result<Production, LoadError> {
        use std::io::Read as _;
        let path = path.as_ref();
        let io_err = |source| LoadError::Io {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io_err)?;
        let size = file.metadata().map_err(io_err)?.len();
        if size > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                size,
                limit: MAX_FILE_BYTES,
            });
        }
        // The size may change under us (or be unknown, for a pipe): read
        // one byte past the limit at most.
        let mut text = String::with_capacity(usize::try_from(size).unwrap_or(0));
        file.take(MAX_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(io_err)?;
        Production::from_json(&text)
    }

    /// The production as pretty-printed JSON, ending in a newline.
    ///
    /// The output is deterministic: the same production always gives the
    /// same bytes, and [`Production::from_json`] gives back an equal
    /// production.
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(4096);
        self.write_json(&mut out);
        // serde_json only writes valid UTF-8.
        String::from_utf8(out).unwrap_or_default()
    }

    fn write_json(&self, out: &mut Vec<u8>) {
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
        let mut ser = serde_json::Serializer::with_formatter(&mut *out, formatter);
        // Serialising plain data with string keys into memory cannot fail.
        if serde::Serialize::serialize(self, &mut ser).is_ok() {
            out.push(b'\n');
        }
    }

    /// Validates, then writes the production to `path` atomically.
    ///
    /// The JSON is written to a temporary file in the same directory,
    /// flushed to disk, and renamed over `path`; a crash or a full disk never
    /// leaves a half-written file, and the previous file survives any error.
    ///
    /// # Errors
    /// [`SaveError::Invalid`] if the production does not validate (nothing is
    /// written); [`SaveError::Io`] if the file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), SaveError> {
        self.validate()?;
        let mut bytes = Vec::with_capacity(4096);
        self.write_json(&mut bytes);
        write_atomically(path.as_ref(), &bytes)
    }
}

/// Writes `bytes` to `path` through a synced temporary file and a rename.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`] with the writing of the bytes into the temporary
/// file done by `write`: the seam through which tests fail a save part-way.
///
/// Whatever fails — creating the temporary file, `write`, the sync, the
/// rename — the temporary file is removed (when its handle drops) and
/// `path` is untouched: it only ever changes by the final rename.
fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let io_err = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".callsheet-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_err)?;
    // Keep the permissions of the file being replaced (a fresh temporary
    // file is private to its owner); new files get the usual rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(io_err)?;
    }
    write(tmp.as_file_mut(), bytes).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    tmp.persist(path).map_err(|err| io_err(err.error))?;
    // Make the rename itself durable. Not every platform can open a
    // directory for syncing; the data is already safe on those that cannot.
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    Ok(())
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// The files in `dir`, sorted.
    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Writes the first half, then fails like a full disk.
    fn fail_half_way(file: &mut std::fs::File, bytes: &[u8]) -> std::io::Result<()> {
        file.write_all(&bytes[..bytes.len() / 2])?;
        file.flush()?;
        Err(std::io::Error::other("no space left on device (injected)"))
    }

    #[test]
    fn a_write_failing_part_way_keeps_the_previous_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("show.json");
        let old = b"{\"format_version\": 1, \"the\": \"previous file\"}\n".repeat(100);
        write_atomically(&path, &old).unwrap();

        let new = vec![b'x'; 1 << 20];
        let err = write_atomically_with(&path, &new, fail_half_way).unwrap_err();
        assert!(
            matches!(&err, SaveError::Io { path: p, source } if p == &path
                && source.to_string().contains("injected")),
            "{err:?}"
        );
        assert!(err.to_string().contains("show.json"), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            old,
            "the previous file is intact"
        );
        assert_eq!(
            files(dir.path()),
            ["show.json"],
            "no temporary file is left"
        );
    }

    #[test]
    fn a_first_save_failing_part_way_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        assert!(write_atomically_with(&path, b"{}", fail_half_way).is_err());
        assert!(files(dir.path()).is_empty());
    }

    #[test]
    fn a_panic_while_writing_also_leaves_the_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("show.json");
        write_atomically(&path, b"old").unwrap();
        let result = std::panic::catch_unwind(|| {
            let _ = write_atomically_with(&path, b"new contents", |file, bytes| {
                file.write_all(&bytes[..3])?;
                panic!("the process dies mid-write");
            });
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(files(dir.path()), ["show.json"]);
    }

    #[test]
    fn a_save_of_a_production_goes_through_the_same_path() {
        // Production::save validates, then calls write_atomically: a valid
        // production replaces the file, and what is written loads back.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("show.json");
        let p = Production::new(
            "Demo",
            "Europe/London".parse().unwrap(),
            "GBP".parse().unwrap(),
        );
        p.save(&path).unwrap();
        assert_eq!(Production::load(&path).unwrap(), p);
        assert_eq!(files(dir.path()), ["show.json"]);
    }
}
