//! The whole pipeline on hostile input: walls of quote marks, text without a
//! sentence end, one giant line, deep nesting, every Unicode space and
//! control character, runs of one said-verb, stacks of combining marks.
//!
//! Each shape must analyse without a panic, keep the span promise (every
//! span on char boundaries of the input, slicing to the text it claims), and
//! take time linear in its size: eight times the input must take about eight
//! times as long. The check is a ratio of two timings on the same machine,
//! so it does not depend on how fast that machine is; the best of a few runs
//! keeps a scheduling hiccup out of it, and the bound (40, where quadratic
//! work gives 64) leaves room for a loaded machine. The sizes keep the file
//! to a few seconds in a debug build; the fuzz targets (see CONTRIBUTING.md)
//! go wider.

mod support;

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use lede::{Analysis, Pipeline};

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::default);

fn analyze(text: &str) -> Analysis {
    let analysis = PIPELINE.analyze(text);
    if let Err(error) = support::check(text, &analysis) {
        let head: String = text.chars().take(200).collect();
        panic!("{error}\n  in {} bytes starting {head:?}", text.len());
    }
    analysis
}

/// The best of `runs` runs, so a scheduling hiccup does not count.
fn time(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(PIPELINE.analyze(std::hint::black_box(text)));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Checks the span promise on `build(n)` and `build(8 * n)`, and that the
/// larger takes less than 40 times as long as the smaller (linear work
/// takes 8 times, quadratic 64).
fn assert_linear(name: &str, n: usize, build: impl Fn(usize) -> String) {
    let small = build(n);
    let large = build(8 * n);
    // Checked before timing: this also warms the lexicons and automata.
    analyze(&small);
    analyze(&large);
    let t_small = time(&small, 3).max(Duration::from_micros(500));
    let t_large = time(&large, 2);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    println!(
        "{name}: {} bytes in {t_small:?}, {} bytes in {t_large:?}, ratio {ratio:.1}",
        small.len(),
        large.len()
    );
    assert!(
        ratio < 40.0,
        "{name}: {t_small:?} for {} bytes, {t_large:?} for {} bytes (ratio {ratio:.1}; quadratic is 64)",
        small.len(),
        large.len()
    );
}

/// `unit` repeated to about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The Unicode white space and control characters: C0, DEL and C1, the
/// no-break and typographic spaces, zero-width space, line and paragraph
/// separators, ideographic space and the byte-order mark.
fn odd_characters() -> Vec<char> {
    let ranges = [
        0x00..=0x1F,
        0x7F..=0x9F,
        0xA0..=0xA0,
        0x1680..=0x1680,
        0x2000..=0x200B,
        0x2028..=0x2029,
        0x202F..=0x202F,
        0x205F..=0x205F,
        0x3000..=0x3000,
        0xFEFF..=0xFEFF,
    ];
    ranges
        .into_iter()
        .flatten()
        .map(|c| char::from_u32(c).expect("a scalar value"))
        .collect()
}

// Quote marks.

#[test]
fn linear_on_walls_of_straight_quote_marks() {
    assert_linear("straight doubles", 4_000, |n| "\"".repeat(n));
    assert_linear("straight singles", 4_000, |n| "'".repeat(n));
}

#[test]
fn linear_on_walls_of_curly_quote_marks() {
    assert_linear("curly openers", 2_000, |n| "\u{201c}".repeat(n));
    assert_linear("curly pairs", 2_000, |n| "\u{201c}\u{201d}".repeat(n));
    assert_linear("curly closers", 2_000, |n| "\u{2019}".repeat(n));
}

#[test]
fn linear_on_walls_of_guillemets() {
    assert_linear("guillemets", 1_000, |n| "\u{ab}\u{bb}\u{2039}\u{203a}".repeat(n));
    assert_linear("unmatched guillemets", 2_000, |n| "\u{ab}".repeat(n));
}

#[test]
fn linear_on_mixed_and_unmatched_quote_marks_between_words() {
    assert_linear("mixed marks", 500, |n| {
        "\"a \u{201c}b \u{ab}c '\u{2018}d\u{2019} \u{bb}\u{201d}\" e \u{201e}f\u{201c} ".repeat(n)
    });
    assert_linear("openers between words", 2_000, |n| "\u{201c}word ".repeat(n));
}

#[test]
fn a_megabyte_of_quote_marks_keeps_every_promise() {
    let start = Instant::now();
    let text = fill("\"\u{201c}\u{ab}'\u{2019}\u{bb}\u{201d}\u{2039}\u{201e} ", 1 << 20);
    analyze(&text);
    println!("a megabyte of quote marks: {:?}", start.elapsed());
}

// Sentences and lines.

#[test]
fn linear_on_text_without_a_sentence_end() {
    assert_linear("no sentence end", 500, |n| "the talks went on and on ".repeat(n));
    assert_linear("no sentence end, quoted", 500, |n| {
        "\u{201c}".to_string() + &"the talks went on and on ".repeat(n)
    });
}

#[test]
fn linear_on_one_giant_line() {
    assert_linear("one line of quotes and cues", 200, |n| {
        "\"We are ready,\" Foreign Minister Ana Ruiz said. She added that talks would resume. ".repeat(n)
    });
    assert_linear("one giant word", 20_000, |n| "x".repeat(n));
    assert_linear("one giant number", 20_000, |n| "1,000.".repeat(n / 6));
}

#[test]
fn linear_on_deeply_nested_quotes() {
    assert_linear("nest then close", 500, |n| {
        "\u{ab}\u{2039}\u{201c}\u{2018}".repeat(n) + &"\u{2019}\u{201d}\u{203a}\u{bb}".repeat(n)
    });
    assert_linear("nested with words", 250, |n| {
        "\u{201c}He said \u{2018}she said \"they said ".repeat(n) + &"no\" \u{2019}\u{201d} ".repeat(n)
    });
}

// Characters.

#[test]
fn linear_on_every_unicode_space_and_control_character() {
    let odd = odd_characters();
    let between_words: String = odd.iter().map(|c| format!("Ruiz said{c}")).collect();
    let bare: String = odd.iter().collect();
    assert_linear("spaces and controls between words", 10, |n| between_words.repeat(n));
    assert_linear("spaces and controls alone", 100, |n| bare.repeat(n));
    for c in odd {
        let text = format!("\"We are{c}ready,\"{c}Ruiz{c}said.{c}{c}She{c}left.{c}");
        analyze(&text);
        analyze(&c.to_string().repeat(64));
    }
}

#[test]
fn linear_on_combining_marks() {
    assert_linear("one base, many marks", 2_000, |n| {
        "e".to_string() + &"\u{301}\u{302}\u{303}\u{304}".repeat(n)
    });
    assert_linear("marks on every letter", 1_000, |n| {
        "ru\u{301}i\u{308}z\u{30c} sat ".repeat(n)
    });
    assert_linear("marks after quote marks", 1_000, |n| {
        "\"\u{301}\u{201c}\u{308} ".repeat(n)
    });
}

// Cues.

#[test]
fn linear_on_runs_of_a_said_verb() {
    assert_linear("said", 1_000, |n| "said ".repeat(n));
    assert_linear("said, quoted", 500, |n| "\"said,\" said ".repeat(n));
    assert_linear("Said capitalised", 1_000, |n| "Said. ".repeat(n));
    // Each "it" looks back for the body it stands for, in one sentence.
    assert_linear("it said, no sentence end", 300, |n| {
        "the talks went on, it said, and ".repeat(n)
    });
}

// Boilerplate and markup the cleaner rewrites or removes.

#[test]
fn linear_on_pages_of_boilerplate() {
    assert_linear("teaser headers", 1_000, |n| "Related stories\n\n".repeat(n));
    assert_linear("teaser headers and headlines", 300, |n| {
        "Read more\nOil Climbs As Supply Fears Grow\n".repeat(n)
    });
    assert_linear("advertising markers", 1_000, |n| "Advertisement\n\n".repeat(n));
    assert_linear("repeated paragraphs", 300, |n| {
        "The ministry said the talks would resume in Geneva on Monday.\n\n".repeat(n)
    });
}

#[test]
fn linear_on_entities_and_line_breaks() {
    assert_linear("HTML entities", 1_000, |n| "&amp;&#8220;&quot;&nbsp;".repeat(n));
    assert_linear("carriage returns and blank lines", 4_000, |n| "\r\n\r\n \r".repeat(n));
}

// Many quotes among many names.

#[test]
fn linear_on_speakers_among_many_names() {
    // Speakers no known name holds ("the spokesman"), each among dozens of
    // mentions of a known place: every stage that links a speaker or a
    // claim to the names around it must read only the names nearby.
    let unit = format!("\"Yes,\" the spokesman said. {}", "Moscow ".repeat(40));
    assert_linear("spokesman quotes among place names", 50, |n| unit.repeat(n));
}

#[test]
fn linear_on_thousands_of_people() {
    // Each person introduced by a role, then quoted by surname: people,
    // surnames and speakers are looked up by name, never scanned.
    assert_linear("distinct people quoted by surname", 150, |n| {
        (0..n)
            .map(|i| {
                let (first, last) = (word(i), word(i + 5_000));
                format!("Minister {first} {last} arrived. \"Yes,\" {last} said. ")
            })
            .collect()
    });
}

/// A distinct capitalised word for `i`: "Kaaa", "Kbaa", ...
fn word(mut i: usize) -> String {
    let mut w = String::from("K");
    for _ in 0..3 {
        w.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
    }
    w
}
