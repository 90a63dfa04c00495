//! Limits on what a production file may hold, checked before parsing.
//!
//! See [the module documentation](super#limits) for the table. The shape
//! check here is one pass over the bytes with a stack no deeper than
//! [`MAX_NESTING`]: it never allocates per item, so a hostile file is
//! refused in time proportional to its size, before serde builds anything.

use super::LoadError;

/// The largest production file (or text) that is parsed: 128 MiB.
///
/// A generated season of 120 shoot days, 1,500 people and 50,000 events is
/// about 24 MB, so this leaves room for five times that.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// How deeply arrays and objects may nest in a production file.
///
/// The format itself nests at most 8 deep (`rule_packs[0].params.minors.bands[0]`).
pub const MAX_NESTING: usize = 32;

/// The most items one array (or members one object) may hold.
///
/// Ten times the generated season above is 500,000 events.
pub const MAX_LIST_ITEMS: usize = 1_000_000;

/// The longest an event, or a person's call to dismissal, may last: a year.
///
/// The labor checks walk a person's working time, so their cost grows with
/// its length: a dismissal typed 4,000 years late made one conflict check
/// take minutes. Shoot days last hours; long travel or prep stays well
/// inside a year.
pub const MAX_SPAN_DAYS: i64 = 366;

/// The most rule packs a production may hold (each is checked against the
/// others for overlapping versions).
pub const MAX_RULE_PACKS: usize = 1_000;

/// The most problems one [`ValidationErrors`](super::ValidationErrors)
/// lists; the rest are counted in a last, summary problem.
pub const MAX_PROBLEMS: usize = 1_000;

/// `size` bytes is more than the limit: the message shared by the error and its problem.
pub(super) fn too_large_message(size: u64, limit: u64) -> String {
    format!(
        "the file is {size} bytes; a production file may be at most {limit} bytes ({} MiB)",
        limit / (1024 * 1024)
    )
}

/// One open array or object.
struct Frame {
    array: bool,
    /// Commas seen so far: the index of the current item.
    index: usize,
    /// The current key of an object, as written (byte range in the text).
    key: Option<(usize, usize)>,
}

/// The path of the current position, `events[3].attendees`, from the open frames.
fn path(text: &str, frames: &[Frame]) -> String {
    let mut out = String::new();
    for frame in frames {
        if frame.array {
            out.push_str(&format!("[{}]", frame.index));
        } else if let Some((start, end)) = frame.key {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(text.get(start..end).unwrap_or("?"));
        }
    }
    if out.is_empty() { ".".to_owned() } else { out }
}

/// 1-based line and column (in characters) of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Checks the size, the nesting depth and the length of every array and
/// object, without parsing. Malformed JSON passes here and is reported by
/// the parser with its exact position.
pub(super) fn check(text: &str) -> Result<(), LoadError> {
    let size = text.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::with_capacity(MAX_NESTING);
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                if expect_key {
                    if let Some(top) = frames.last_mut() {
                        top.key = Some((start, i.min(bytes.len())));
                    }
                    expect_key = false;
                }
            }
            open @ (b'[' | b'{') => {
                if frames.len() == MAX_NESTING {
                    let (line, column) = position(text, i);
                    return Err(LoadError::TooDeep {
                        path: path(text, &frames),
                        limit: MAX_NESTING,
                        line,
                        column,
                    });
                }
                frames.push(Frame {
                    array: open == b'[',
                    index: 0,
                    key: None,
                });
                expect_key = open == b'{';
            }
            b']' | b'}' => {
                frames.pop();
                expect_key = false;
            }
            b',' => {
                if let Some(top) = frames.last_mut() {
                    top.index += 1;
                    expect_key = !top.array;
                    if top.index >= MAX_LIST_ITEMS {
                        let (line, column) = position(text, i);
                        let depth = frames.len() - 1;
                        return Err(LoadError::TooMany {
                            path: path(text, &frames[..depth]),
                            limit: MAX_LIST_ITEMS,
                            line,
                            column,
                        });
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_where_the_limit_is_reached() {
        let deep = format!(
            r#"{{"format_version": 1, "events": [{{"id": "E1"}}, {{"notes": {}1{}}}]}}"#,
            "[".repeat(40),
            "]".repeat(40)
        );
        match check(&deep) {
            Err(LoadError::TooDeep {
                path, line, column, ..
            }) => {
                assert_eq!(path, format!("events[1].notes{}", "[0]".repeat(29)));
                assert_eq!(
                    (line, column),
                    (1, 87),
                    "the 30th \"[\" after `\"notes\": `"
                );
            }
            other => panic!("{other:?}"),
        }
        let items = "0,".repeat(MAX_LIST_ITEMS);
        let many = format!(r#"{{"people": [], "budget": {{"lines": [{items}0]}}}}"#);
        match check(&many) {
            Err(LoadError::TooMany { path, limit, .. }) => {
                assert_eq!(path, "budget.lines");
                assert_eq!(limit, MAX_LIST_ITEMS);
            }
            other => panic!("{other:?}"),
        }
        let just_enough = format!(r#"{{"lines": [{}0]}}"#, "0,".repeat(MAX_LIST_ITEMS - 1));
        assert!(check(&just_enough).is_ok());
    }

    #[test]
    fn strings_and_malformed_text_do_not_confuse_the_scan() {
        let quoted = format!(r#"{{"name": "{}\"[{{"}}"#, "[{,".repeat(100));
        assert!(check(&quoted).is_ok());
        for text in ["", "]]]]", "}{", "\"unterminated [[[", "{\"a\\", "[,,,]"] {
            assert!(check(text).is_ok(), "{text:?}");
        }
        assert!(check(&"[".repeat(MAX_NESTING)).is_ok());
        assert!(check(&"[".repeat(MAX_NESTING + 1)).is_err());
    }
}
