//! Reading documents: whole plain-text files, or JSON Lines records, one at a
//! time so memory holds a single document however large the input. Files
//! ending in `.gz` are decompressed as they are read; a directory stands for
//! the files under it.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use thiserror::Error;

/// The name standard input goes by, as a FILE argument and as a document id.
pub const STDIN: &str = "-";

/// One document to analyse.
#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    /// The file name for plain-text input, the record's `id` for JSON Lines.
    pub id: String,
    pub text: String,
    /// Where the document came from, for messages: `FILE` or `FILE:LINE`.
    pub origin: String,
}

/// How input files are read.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// Each line is a `{"id": ..., "text": ...}` record instead of each file
    /// being one document.
    pub jsonl: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
    pub lossy: bool,
    /// The names of a record's id and text fields.
    pub fields: Fields,
    /// Which files of a directory are read: a file-name pattern where `*`
    /// stands for any run of characters and `?` for one.
    pub glob: Option<String>,
}

/// The names of the fields a JSON Lines record keeps its id and text in.
#[derive(Clone, Debug)]
pub struct Fields {
    pub id: String,
    pub text: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".to_string(),
            text: "text".to_string(),
        }
    }
}

/// Why one document could not be read. The run may go on past it.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}: invalid UTF-8 at byte {byte} (use --lossy to replace it)")]
    InvalidUtf8 { path: String, byte: u64 },
    #[error("{path}:{line}: invalid UTF-8 at byte {byte} of the file (use --lossy to replace it)")]
    InvalidUtf8Line { path: String, line: u64, byte: u64 },
    #[error("{path}:{line}: malformed JSON Lines record: {reason}")]
    Record { path: String, line: u64, reason: String },
}

impl InputError {
    /// Whether reading the same file can go on after this error: a bad
    /// record can be skipped, a failing read cannot.
    fn ends_file(&self) -> bool {
        matches!(self, InputError::Read { .. })
    }
}

/// The documents of a list of files, in order.
pub struct Inputs {
    paths: VecDeque<String>,
    options: InputOptions,
    lines: Option<JsonLines>,
}

impl Inputs {
    /// Documents from `paths`; no paths means standard input.
    pub fn new(mut paths: Vec<String>, options: InputOptions) -> Inputs {
        if paths.is_empty() {
            paths.push(STDIN.to_string());
        }
        Inputs {
            paths: paths.into(),
            options,
            lines: None,
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next_record(self.options.lossy, &self.options.fields) {
                    Some(Err(error)) if error.ends_file() => {
                        self.lines = None;
                        return Some(Err(error));
                    }
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            let path = self.paths.pop_front()?;
            if path != STDIN && Path::new(&path).is_dir() {
                // The directory's files take its place, in name order.
                match files_under(Path::new(&path), self.options.glob.as_deref()) {
                    Ok(files) => {
                        for file in files.into_iter().rev() {
                            self.paths.push_front(file);
                        }
                        continue;
                    }
                    Err(source) => return Some(Err(InputError::Read { path, source })),
                }
            }
            if !self.options.jsonl {
                return Some(read_text_file(path, self.options.lossy));
            }
            match open(&path) {
                Ok(reader) => self.lines = Some(JsonLines::new(path, reader)),
                Err(source) => return Some(Err(InputError::Read { path, source })),
            }
        }
    }
}

fn open(path: &str) -> io::Result<Box<dyn BufRead>> {
    if path == STDIN {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = File::open(path)?;
    if path.ends_with(".gz") {
        // Multi-member: concatenated gzip files (`cat a.gz b.gz`) read whole.
        Ok(Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file))))
    } else {
        Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
    }
}

/// The files under `dir`, recursively, in name order, whose names match
/// `glob` (all files without one).
fn files_under(dir: &Path, glob: Option<&str>) -> io::Result<Vec<String>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if glob.map_or(true, |glob| {
                path.file_name()
                    .is_some_and(|name| glob_matches(glob, &name.to_string_lossy()))
            }) {
                files.push(path.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    Ok(files)
}

fn read_text_file(path: String, lossy: bool) -> Result<Document, InputError> {
    let mut bytes = Vec::new();
    if let Err(source) = open(&path).and_then(|mut reader| reader.read_to_end(&mut bytes)) {
        return Err(InputError::Read { path, source });
    }
    let text = match decode(bytes, lossy) {
        Ok(text) => text,
        Err(byte) => {
            return Err(InputError::InvalidUtf8 {
                path,
                byte: byte as u64,
            })
        }
    };
    Ok(Document {
        id: path.clone(),
        text,
        origin: path,
    })
}

/// The text of `bytes`, or the offset of the first invalid byte.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, usize> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) if lossy => Ok(String::from_utf8_lossy(error.as_bytes()).into_owned()),
        Err(error) => Err(error.utf8_error().valid_up_to()),
    }
}

/// Whether `name` matches `pattern`, where `*` stands for any run of
/// characters and `?` for one. Greedy with one backtrack point, so it takes
/// time proportional to the name's length times the pattern's.
fn glob_matches(pattern: &str, name: &str) -> bool {
    let (pattern, name): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == '?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                // Let the last star take one more character.
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// A JSON Lines file being read record by record.
struct JsonLines {
    path: String,
    reader: Box<dyn BufRead>,
    line: u64,
    /// Byte offset of the next line in the file.
    offset: u64,
    buf: Vec<u8>,
}

impl JsonLines {
    fn new(path: String, reader: Box<dyn BufRead>) -> JsonLines {
        JsonLines {
            path,
            reader,
            line: 0,
            offset: 0,
            buf: Vec::new(),
        }
    }

    fn next_record(&mut self, lossy: bool, fields: &Fields) -> Option<Result<Document, InputError>> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => {
                    self.line += 1;
                    let start = self.offset;
                    self.offset += n as u64;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse(start, lossy, fields));
                }
                Err(source) => {
                    return Some(Err(InputError::Read {
                        path: self.path.clone(),
                        source,
                    }))
                }
            }
        }
    }

    fn parse(&self, start: u64, lossy: bool, fields: &Fields) -> Result<Document, InputError> {
        let line = match std::str::from_utf8(&self.buf) {
            Ok(line) => std::borrow::Cow::Borrowed(line),
            Err(_) if lossy => String::from_utf8_lossy(&self.buf),
            Err(error) => {
                return Err(InputError::InvalidUtf8Line {
                    path: self.path.clone(),
                    line: self.line,
                    byte: start + error.valid_up_to() as u64,
                })
            }
        };
        let bad = |reason: String| InputError::Record {
            path: self.path.clone(),
            line: self.line,
            reason,
        };
        let mut record: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&line).map_err(|error| bad(error.to_string()))?;
        // Ids are strings, but numeric ids are common in datasets and are
        // kept as written.
        let id = match record.remove(&fields.id) {
            Some(serde_json::Value::String(id)) => id,
            Some(serde_json::Value::Number(id)) => id.to_string(),
            Some(_) => return Err(bad(format!("field `{}` is not a string or a number", fields.id))),
            None => return Err(bad(format!("missing field `{}`", fields.id))),
        };
        let text = match record.remove(&fields.text) {
            Some(serde_json::Value::String(text)) => text,
            Some(_) => return Err(bad(format!("field `{}` is not a string", fields.text))),
            None => return Err(bad(format!("missing field `{}`", fields.text))),
        };
        Ok(Document {
            id,
            text,
            origin: format!("{}:{}", self.path, self.line),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str, lossy: bool) -> Vec<Result<Document, InputError>> {
        let mut lines = JsonLines::new("in.jsonl".into(), Box::new(io::Cursor::new(input.as_bytes().to_vec())));
        std::iter::from_fn(|| lines.next_record(lossy, &Fields::default())).collect()
    }

    #[test]
    fn records_skip_blank_lines_and_ignore_other_fields() {
        let input = "{\"id\": \"a\", \"text\": \"Kyiv said.\", \"url\": \"x\"}\n\n  \r\n{\"id\": 7, \"text\": \"\"}\n";
        let docs: Vec<Document> = records(input, false).into_iter().map(Result::unwrap).collect();
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].text, "Kyiv said.");
        assert_eq!(docs[1].id, "7");
        assert_eq!(docs[1].origin, "in.jsonl:4");
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn a_bad_record_names_its_line_and_the_next_one_still_reads() {
        let input = "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": }\n{\"text\": \"no id\"}\n{\"id\": \"d\", \"text\": \"four\"}";
        let got = records(input, false);
        assert!(matches!(&got[1], Err(InputError::Record { line: 2, .. })));
        let missing = got[2].as_ref().unwrap_err().to_string();
        assert!(
            missing.starts_with("in.jsonl:3: ") && missing.contains("missing field `id`"),
            "{missing}"
        );
        assert_eq!(got[3].as_ref().unwrap().text, "four");
    }

    #[test]
    fn invalid_utf8_is_located_in_the_file_or_replaced() {
        let mut input = b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"caf".to_vec();
        input.extend_from_slice(b"\xff\"}\n");
        let bad = input.iter().position(|&b| b == 0xff).unwrap() as u64;
        let mut lines = JsonLines::new("in.jsonl".into(), Box::new(io::Cursor::new(input.clone())));
        assert!(lines.next_record(false, &Fields::default()).unwrap().is_ok());
        match lines.next_record(false, &Fields::default()) {
            Some(Err(InputError::InvalidUtf8Line { line: 2, byte, .. })) => assert_eq!(byte, bad),
            other => panic!("expected invalid UTF-8 on line 2, got {other:?}"),
        }
        let mut lossy = JsonLines::new("in.jsonl".into(), Box::new(io::Cursor::new(input)));
        lossy.next_record(true, &Fields::default());
        assert_eq!(
            lossy.next_record(true, &Fields::default()).unwrap().unwrap().text,
            "caf\u{FFFD}"
        );
    }

    #[test]
    fn glob_patterns() {
        assert!(glob_matches("*.jsonl.gz", "2025-11-wire.jsonl.gz"));
        assert!(glob_matches("wire-??.txt", "wire-07.txt"));
        assert!(glob_matches("*", "anything"));
        assert!(glob_matches("a*b*c", "axxbyyc"));
        assert!(!glob_matches("*.txt", "notes.txt.bak"));
        assert!(!glob_matches("wire-??.txt", "wire-7.txt"));
    }

    #[test]
    fn decode_reports_the_first_bad_byte() {
        assert_eq!(decode(b"Kyiv \xe2\x80".to_vec(), false), Err(5));
        assert_eq!(decode(b"Kyiv \xe2\x80".to_vec(), true).unwrap(), "Kyiv \u{FFFD}");
    }
}
