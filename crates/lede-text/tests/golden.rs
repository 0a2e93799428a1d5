//! Data-driven golden tests: every case in `tests/data/sentences.txt`, and
//! word segmentation of the fixtures against UAX #29.

mod support;

use lede_text::{sentences, words, Span};

struct Case {
    name: String,
    input: String,
    expected: Vec<String>,
}

/// Expands the escapes the data file uses: `\n`, `\r`, `\u{XXXX}`.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        if let Some(after) = tail.strip_prefix('n') {
            out.push('\n');
            rest = after;
        } else if let Some(after) = tail.strip_prefix('r') {
            out.push('\r');
            rest = after;
        } else if let Some(code) = tail.strip_prefix("u{") {
            let close = code.find('}').expect("unterminated \\u{ escape");
            let value = u32::from_str_radix(&code[..close], 16).expect("bad \\u{ escape");
            out.push(char::from_u32(value).expect("not a char"));
            rest = &code[close + 1..];
        } else {
            out.push('\\');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/sentences.txt");
    let mut cases: Vec<Case> = Vec::new();
    for line in data.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.to_string(),
                input: String::new(),
                expected: Vec::new(),
            });
            continue;
        }
        let Some(case) = cases.last_mut() else { continue };
        if line == ">" || line.starts_with("> ") {
            if !case.input.is_empty() || !case.expected.is_empty() {
                case.input.push('\n');
            }
            case.input.push_str(&unescape(line.get(2..).unwrap_or("")));
        } else if let Some(sentence) = line.strip_prefix("= ") {
            case.expected.push(unescape(sentence));
        }
    }
    cases
}

#[test]
fn golden_sentences() {
    let cases = cases();
    assert!(
        cases.len() >= 50,
        "the data file should hold the whole suite, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        assert!(
            !case.expected.is_empty(),
            "case {:?} has no expected sentences",
            case.name
        );
        let got: Vec<&str> = sentences(&case.input).map(|s| s.slice(&case.input)).collect();
        if got != case.expected {
            failures.push(format!(
                "{}\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                case.name, case.input, case.expected, got
            ));
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

/// `words` splits news text with typographic punctuation, Latin and other
/// letters, combining marks and emoji (`tests/data/typographic.txt`), and
/// every golden sentence input, exactly as UAX #29 does.
#[test]
fn words_match_unicode_word_boundaries_on_fixtures() {
    let fixture = include_str!("data/typographic.txt");
    let texts = std::iter::once(fixture.to_string()).chain(cases().into_iter().map(|case| case.input));
    for text in texts {
        let found: Vec<Span> = words(&text).collect();
        assert_eq!(found, support::uax29_words(&text), "in {text:?}");
    }
}
