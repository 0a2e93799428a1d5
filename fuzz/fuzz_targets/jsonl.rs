//! The `lede` command's JSON Lines reader on arbitrary bytes.
//!
//! `lede-cli` is a binary crate, so its reader is not reachable as a
//! library; rather than give the CLI a library target only for this, the
//! target compiles `crates/lede-cli/src/input.rs` itself (the file has no
//! dependency on the rest of the CLI) and reads each input as the program
//! does: written to a file, then `Inputs` with `--jsonl`. The first byte
//! chooses `--lossy` and the field names, the rest is the file.
//!
//! Besides "no panic", every non-blank line must come out as exactly one
//! document or one error, in order, carrying its line number, and a record
//! must carry the id and text a JSON parser reads from that line.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../crates/lede-cli/src/input.rs"]
mod input;

use input::{Fields, InputError, InputOptions, Inputs};

/// One file per fuzzing process, rewritten for each input; in memory
/// (`/dev/shm`) where there is one, which runs several times faster.
static PATH: LazyLock<String> = LazyLock::new(|| {
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    format!("{}/lede-fuzz-{}.jsonl", dir.display(), std::process::id())
});

/// What one line must give: `Ok((id, text))`, or an error.
fn expected(line: &[u8], lossy: bool, fields: &Fields) -> Result<(String, String), ()> {
    let line = match std::str::from_utf8(line) {
        Ok(line) => line.to_string(),
        Err(_) if lossy => String::from_utf8_lossy(line).into_owned(),
        Err(_) => return Err(()),
    };
    let value: serde_json::Value = serde_json::from_str(&line).map_err(|_| ())?;
    let object = value.as_object().ok_or(())?;
    let id = match object.get(&fields.id) {
        Some(serde_json::Value::String(id)) => id.clone(),
        Some(serde_json::Value::Number(id)) => id.to_string(),
        _ => return Err(()),
    };
    match object.get(&fields.text) {
        Some(serde_json::Value::String(text)) => Ok((id, text.clone())),
        _ => Err(()),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, file)) = data.split_first() else {
        return;
    };
    let lossy = flags & 1 == 1;
    let fields = if flags & 2 == 2 {
        Fields {
            id: "doc_id".into(),
            text: "body".into(),
        }
    } else {
        Fields::default()
    };
    std::fs::write(&*PATH, file).expect("the temporary file can be written");
    let options = InputOptions {
        jsonl: true,
        lossy,
        fields: fields.clone(),
        glob: None,
    };
    let got: Vec<_> = Inputs::new(vec![PATH.clone()], options).collect();

    let mut lines: Vec<&[u8]> = file.split_inclusive(|&b| b == b'\n').collect();
    if file.is_empty() {
        lines.clear();
    }
    let mut want = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, line)| (i as u64 + 1, expected(line, lossy, &fields)));
    let mut got = got.into_iter();
    loop {
        match (want.next(), got.next()) {
            (None, None) => break,
            (Some((line, Ok((id, text)))), Some(Ok(doc))) => {
                assert_eq!(doc.origin, format!("{}:{line}", *PATH));
                assert_eq!((doc.id, doc.text), (id, text), "line {line}");
            }
            (Some((line, Err(()))), Some(Err(error))) => match error {
                InputError::Record { line: l, .. } | InputError::InvalidUtf8Line { line: l, .. } => {
                    assert_eq!(l, line, "{error}")
                }
                other => panic!("line {line}: unexpected error {other}"),
            },
            (want, got) => panic!("expected {want:?}, got {got:?}"),
        }
    }
});
