//! Data-driven golden tests: every case in `tests/data/clean.txt`.

use lede_clean::{Cleaner, Family};

struct Case {
    name: String,
    input: Vec<String>,
    expected: Vec<String>,
    families: Vec<String>,
    /// Expected metadata, as "key: value" from "@ " lines (checked only
    /// when given): `bylines`, `credits` (each a "; "-separated list),
    /// `place`, `agency`.
    metadata: Vec<(String, String)>,
}

/// Expands the escapes the data file uses: `\n`, `\r`, `\t`, `\u{XXXX}`.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let (decoded, after) = match tail.chars().next() {
            Some('n') => ('\n', &tail[1..]),
            Some('r') => ('\r', &tail[1..]),
            Some('t') => ('\t', &tail[1..]),
            Some('u') if tail.starts_with("u{") => {
                let close = tail.find('}').expect("unterminated \\u{ escape");
                let value = u32::from_str_radix(&tail[2..close], 16).expect("bad \\u{ escape");
                (char::from_u32(value).expect("not a char"), &tail[close + 1..])
            }
            _ => ('\\', tail),
        };
        out.push(decoded);
        rest = after;
    }
    out.push_str(rest);
    out
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in include_str!("data/clean.txt").lines() {
        if let Some(name) = line.strip_prefix("## ") {
            let case = Case {
                name: name.into(),
                input: Vec::new(),
                expected: Vec::new(),
                families: Vec::new(),
                metadata: Vec::new(),
            };
            cases.push(case);
            continue;
        }
        let Some(case) = cases.last_mut() else { continue };
        if line == ">" || line.starts_with("> ") {
            case.input.push(unescape(line.get(2..).unwrap_or("")));
        } else if line == "=" || line.starts_with("= ") {
            case.expected.push(unescape(line.get(2..).unwrap_or("")));
        } else if let Some(entry) = line.strip_prefix("@ ") {
            let (key, value) = entry.split_once(": ").expect("metadata line is `@ key: value`");
            case.metadata.push((key.to_string(), unescape(value)));
        } else if let Some(list) = line.strip_prefix("- ") {
            case.families = list
                .split(',')
                .map(|f| f.trim().to_string())
                .filter(|f| f != "none")
                .collect();
        }
    }
    cases
}

#[test]
fn golden_cleaning() {
    let cases = cases();
    assert!(cases.len() >= 20, "found only {} cases", cases.len());
    let cleaner = Cleaner::default();
    let mut failures = Vec::new();
    for case in &cases {
        let input = case.input.join("\n");
        let cleaned = cleaner.clean(&input);
        let expected = case.expected.join("\n");
        let families: Vec<&str> = cleaned.removed.iter().map(|r| r.family.name()).collect();
        if cleaned.text != expected || families != case.families {
            failures.push(format!(
                "{}\n  expected: {:?}\n  got:      {:?}\n  expected families: {:?}\n  got families:      {:?}",
                case.name, expected, cleaned.text, case.families, families
            ));
        }
        let slice = |span: lede_text::Span| input[span.range()].to_string();
        let dateline = cleaned.metadata.dateline;
        for (key, value) in &case.metadata {
            let got = match key.as_str() {
                "bylines" => cleaned
                    .metadata
                    .bylines
                    .iter()
                    .map(|s| slice(*s))
                    .collect::<Vec<_>>()
                    .join("; "),
                "credits" => cleaned
                    .metadata
                    .credits
                    .iter()
                    .map(|s| slice(*s))
                    .collect::<Vec<_>>()
                    .join("; "),
                "place" => dateline.and_then(|d| d.place).map(slice).unwrap_or_default(),
                "agency" => dateline.and_then(|d| d.agency).map(slice).unwrap_or_default(),
                other => panic!("{}: unknown metadata key {other:?}", case.name),
            };
            if &got != value {
                failures.push(format!("{}\n  {key}: expected {value:?}, got {got:?}", case.name));
            }
        }
        // Every removal is a real span of the input; every family name is known.
        for removal in &cleaned.removed {
            assert!(removal.span.is_valid_for(&input), "{}: bad removal span", case.name);
            assert!(Family::from_name(removal.family.name()).is_some());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
