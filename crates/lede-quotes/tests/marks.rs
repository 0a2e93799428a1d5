//! The quotation-mark scanner: golden cases from `tests/data/marks.txt`,
//! structural properties on arbitrary input, and linear scaling on
//! adversarial input.

mod support;

use std::time::{Duration, Instant};
use support::{escape, unescape};

use lede_quotes::{is_quote_mark, quotations, quotations_with_mode, MarkStyle, Quotation, MAX_DEPTH};
use lede_text::{paragraphs, ParagraphMode};
use proptest::prelude::*;

const GOLDEN: &str = include_str!("data/marks.txt");

/// One golden case: its name, input, paragraph mode and expected quotations.
struct Case {
    name: String,
    line: usize,
    text: String,
    mode: ParagraphMode,
    expected: Vec<String>,
}

fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for (index, line) in data.lines().enumerate() {
        let number = index + 1;
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.trim().to_string(),
                line: number,
                text: String::new(),
                mode: ParagraphMode::Line,
                expected: Vec::new(),
            });
            lines.clear();
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("line {number}: content before the first case"));
        if line == ">" || line.starts_with("> ") {
            let piece = unescape(line.get(2..).unwrap_or(""), number);
            if case.text.is_empty() && lines.is_empty() {
                case.text = piece;
            } else {
                case.text.push('\n');
                case.text.push_str(&piece);
            }
            lines.push((number, line));
        } else if line == "mode blank" {
            case.mode = ParagraphMode::BlankLine;
        } else {
            let (head, content) = line
                .split_once('|')
                .unwrap_or_else(|| panic!("line {number}: expected `Style depth closed|open | content`"));
            let content = unescape(content.strip_prefix(' ').unwrap_or(content), number);
            let head: Vec<&str> = head.split_whitespace().collect();
            case.expected.push(format!("{} | {}", head.join(" "), escape(&content)));
        }
    }
    cases
}

/// The golden-file line for a found quotation.
fn describe(text: &str, q: &Quotation) -> String {
    let closed = if q.close.is_some() { "closed" } else { "open" };
    let continues = if q.continues { " continues" } else { "" };
    format!(
        "{:?} {} {}{} | {}",
        q.style,
        q.depth,
        closed,
        continues,
        escape(q.content.slice(text))
    )
}

#[test]
fn golden_cases() {
    let cases = parse_cases(GOLDEN);
    assert!(cases.len() >= 40, "only {} golden cases parsed", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        assert!(
            !case.text.is_empty(),
            "case `{}` (line {}) has no text",
            case.name,
            case.line
        );
        let found = quotations_with_mode(&case.text, case.mode);
        check_invariants(&case.text, case.mode, &found);
        let got: Vec<String> = found.iter().map(|q| describe(&case.text, q)).collect();
        if got != case.expected {
            failures.push(format!(
                "case `{}` (line {}):\n  text: {}\n  expected:\n    {}\n  got:\n    {}",
                case.name,
                case.line,
                escape(&case.text),
                case.expected.join("\n    "),
                got.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn default_mode_is_line_mode() {
    let text = "\"One line\ntwo lines,\" he said.";
    assert_eq!(quotations(text), quotations_with_mode(text, ParagraphMode::Line));
}

#[test]
fn spans_of_a_closed_quotation() {
    let text = "Putin said “peace”.";
    let q = quotations(text)[0];
    assert_eq!(q.open.slice(text), "“");
    assert_eq!(q.close.map(|c| c.slice(text)), Some("”"));
    assert_eq!(q.content.slice(text), "peace");
    assert_eq!(q.span().slice(text), "“peace”");
    assert!(q.is_closed());
    assert_eq!(q.style, MarkStyle::Double);
}

/// Every structural promise `quotations` makes, checked on one result.
fn check_invariants(text: &str, mode: ParagraphMode, found: &[Quotation]) {
    let paras: Vec<_> = paragraphs(text, mode).collect();
    let mut last_start = None;
    let mut last_end_at_depth = [0usize; MAX_DEPTH];
    for (index, q) in found.iter().enumerate() {
        for span in [Some(q.open), q.close, Some(q.content)].into_iter().flatten() {
            assert!(span.is_valid_for(text), "{span:?} not valid in {text:?}");
        }
        // One mark character, or the doubled apostrophe `''`.
        let mark = |span: lede_text::Span| {
            let mut chars = span.slice(text).chars();
            let c = chars.next();
            c.is_some_and(is_quote_mark) && chars.next().is_none() || span.slice(text) == "''"
        };
        assert!(mark(q.open), "open {:?} is not one mark in {text:?}", q.open);
        assert!(q.content.start >= q.open.end, "{q:?} in {text:?}");
        if let Some(close) = q.close {
            assert!(mark(close), "close {close:?} is not one mark in {text:?}");
            assert!(q.content.end <= close.start, "{q:?} in {text:?}");
        }
        let content = q.content.slice(text);
        assert_eq!(content, content.trim(), "untrimmed content in {text:?}");
        assert!(last_start < Some(q.open.start), "not in document order in {text:?}");
        last_start = Some(q.open.start);

        // Same-depth quotations never overlap.
        let depth = usize::from(q.depth);
        assert!(depth < MAX_DEPTH);
        assert!(
            q.open.start >= last_end_at_depth[depth],
            "same-depth overlap in {text:?}"
        );
        last_end_at_depth[depth] = q.span().end;
        for deeper in &mut last_end_at_depth[depth + 1..] {
            *deeper = q.open.start;
        }

        // A nested quotation lies inside the nearest preceding one a level up.
        if depth > 0 {
            let parent = found[..index]
                .iter()
                .rev()
                .find(|p| usize::from(p.depth) == depth - 1)
                .unwrap_or_else(|| panic!("depth {depth} without a parent in {text:?}"));
            let parent_end = parent.close.map_or(parent.content.end, |c| c.start);
            assert!(parent.open.end <= q.open.start, "{q:?} before its parent in {text:?}");
            assert!(
                q.span().end <= parent_end,
                "{q:?} outside its parent {parent:?} in {text:?}"
            );
        }

        // Content never runs past a paragraph end.
        if !q.content.is_empty() {
            assert!(
                paras.iter().any(|p| p.contains(q.content)),
                "content {:?} spans paragraphs in {text:?}",
                q.content
            );
            if mode == ParagraphMode::Line {
                assert!(!content.contains(['\n', '\r', '\u{2028}', '\u{2029}']));
            }
        }

        if q.continues {
            assert_eq!(q.depth, 0);
            let previous = found[..index].iter().rev().find(|p| p.depth == 0);
            assert!(
                previous.is_some_and(|p| p.close.is_none()),
                "continues without an open predecessor"
            );
        }
    }
}

const POOL: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "„",
    "‟",
    "‘",
    "’",
    "‚",
    "‛",
    "«",
    "»",
    "‹",
    "›",
    " ",
    " ",
    " ",
    "We",
    "said",
    "don't",
    "Putin’s",
    "officials'",
    "Jones’",
    "’90s",
    "'n'",
    "6'",
    "12\"",
    "o’clock",
    "’em",
    "'s",
    ",",
    ".",
    ":",
    "(",
    ")",
    "—",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "\u{202f}",
    "\u{2028}",
    "\u{2029}",
    "é",
    "7",
    "\t",
];

fn pooled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn pooled_input_keeps_every_promise(text in pooled()) {
        for mode in [ParagraphMode::Line, ParagraphMode::BlankLine] {
            check_invariants(&text, mode, &quotations_with_mode(&text, mode));
        }
    }

    #[test]
    fn arbitrary_input_keeps_every_promise(text in any::<String>()) {
        for mode in [ParagraphMode::Line, ParagraphMode::BlankLine] {
            check_invariants(&text, mode, &quotations_with_mode(&text, mode));
        }
    }

    #[test]
    fn marks_are_found_at_any_offset(prefix in "[a-z ]{0,5}", words in "[a-z]{1,8}( [a-z]{1,8}){0,3}") {
        let text = format!("{prefix} “{words}” end");
        let found = quotations(&text);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].content.slice(&text), words.as_str());
    }
}

/// The best of a few runs, so a scheduling hiccup does not count.
fn time(text: &str, mode: ParagraphMode) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let found = quotations_with_mode(text, mode);
            std::hint::black_box(found);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// An adversarial input family: its name, a builder for size `n`, the mode.
type Shape = (&'static str, fn(usize) -> String, ParagraphMode);

/// Scanning 16 times the input must take about 16 times as long; a
/// quadratic scan would take 256 times. The bound is loose so a busy machine
/// does not fail it.
#[test]
fn scaling_is_linear_on_adversarial_input() {
    let shapes: &[Shape] = &[
        ("unmatched straight doubles", (|n| "\"".repeat(n)), ParagraphMode::Line),
        ("openers between words", (|n| "\"word ".repeat(n)), ParagraphMode::Line),
        ("curly openers, no closers", (|n| "“".repeat(n)), ParagraphMode::Line),
        (
            "alternating families, deep nesting",
            (|n| "“a ‘b ".repeat(n)),
            ParagraphMode::Line,
        ),
        (
            "nest then close everything",
            (|n| "«‹“‘".repeat(n) + &"’”›»".repeat(n)),
            ParagraphMode::Line,
        ),
        (
            "stray closers under a full stack",
            (|n| "“‘".repeat(8) + &"›".repeat(n)),
            ParagraphMode::Line,
        ),
        ("all straight apostrophes", (|n| "'".repeat(n)), ParagraphMode::Line),
        ("all curly apostrophes", (|n| "’".repeat(n)), ParagraphMode::Line),
        (
            "one stray opener, one long paragraph",
            (|n| "“".to_string() + &"words go on ".repeat(n)),
            ParagraphMode::BlankLine,
        ),
        ("unclosed quote per line", (|n| "\"a\n".repeat(n)), ParagraphMode::Line),
        (
            "open quote over whitespace lines",
            (|n| "\"a\n".to_string() + &"  \u{a0}\n".repeat(n)),
            ParagraphMode::BlankLine,
        ),
        (
            "open quote then long blank tail",
            (|n| "\"a\n".to_string() + &" ".repeat(4 * n)),
            ParagraphMode::BlankLine,
        ),
        (
            "whitespace-only quotations",
            (|n| "\"".to_string() + &" ".repeat(n) + "\""),
            ParagraphMode::Line,
        ),
    ];
    let n = 5_000;
    for &(name, build, mode) in shapes {
        let small = build(n);
        let large = build(16 * n);
        let t_small = time(&small, mode).max(Duration::from_micros(50));
        let t_large = time(&large, mode);
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        // Sixteen times the input: linear work takes about 16 times as
        // long and quadratic work 256 times; 128 leaves room for a busy
        // machine (a run under load once measured 86) and still catches
        // quadratic work.
        assert!(
            ratio < 128.0,
            "{name}: {t_small:?} for {} bytes, {t_large:?} for {} bytes",
            small.len(),
            large.len()
        );
    }
}

#[test]
fn hundred_thousand_unmatched_marks() {
    let text = "“".repeat(100_000);
    let found = quotations(&text);
    // Each opener replaces the previous one, which lost its closer; the last
    // mark, at the end of the text, reads as a mis-curled closer.
    assert_eq!(found.len(), 99_999);
    assert!(found.iter().all(|q| q.depth == 0));
    assert!(found[..99_998].iter().all(|q| q.close.is_none()));
    assert!(found[99_998].close.is_some());
}
