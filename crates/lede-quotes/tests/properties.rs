//! Properties of `find_quotes` on any input: it never panics, every span it
//! reports is a valid span of the text, quotes come in document order, the
//! said-tag is never part of the quoted words, and the work grows linearly
//! with the input on adversarial shapes.

use std::time::{Duration, Instant};

use lede_quotes::{
    find_quotes, find_quotes_in_sentences, find_quotes_with_hints, quotations, CueClass, Quote, QuoteKind,
};
use lede_text::{NameHint, NameKind, Span};
use proptest::prelude::*;

/// Whether `inner` lies inside `outer`. An empty span at the very edge of
/// `outer` counts as inside only when it is strictly between its ends.
fn inside(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && (!inner.is_empty() || outer.start < inner.start)
}

/// Every promise `find_quotes` makes about one result, as a message on the
/// first one broken.
fn check(text: &str, quotes: &[Quote]) -> Result<(), String> {
    // The quoted words, at the top level: a tag can stand between two of
    // them (an interrupted quote reports the outer extent), never in one.
    let quoted: Vec<Span> = quotations(text)
        .into_iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.content)
        .collect();
    let mut last_start = 0;
    for (i, q) in quotes.iter().enumerate() {
        let speaker = q
            .speaker
            .map(|s| [("mention", Some(s.mention)), ("name", s.name), ("role", s.role)]);
        let spans = [("content", Some(q.content)), ("cue", q.cue)]
            .into_iter()
            .chain(speaker.into_iter().flatten());
        for (what, span) in spans {
            if let Some(span) = span {
                if !span.is_valid_for(text) {
                    return Err(format!("quote {i}: {what} {span:?} is not a valid span"));
                }
            }
        }
        if q.content.is_empty() || q.content.slice(text).trim().is_empty() {
            return Err(format!("quote {i}: empty content {:?}", q.content));
        }
        if q.content.start < last_start {
            return Err(format!("quote {i}: not sorted by content start"));
        }
        // An interrupted quote's pieces are in order, apart, and inside its
        // content, which runs from the first to the last.
        let mut piece_end = q.content.start;
        for part in &q.parts {
            if !part.is_valid_for(text) || part.start < piece_end || !q.content.contains(*part) {
                return Err(format!(
                    "quote {i}: part {part:?} out of order or outside {:?}",
                    q.content
                ));
            }
            piece_end = part.end;
        }
        if let (Some(first), Some(last)) = (q.parts.first(), q.parts.last()) {
            if first.start != q.content.start || last.end != q.content.end {
                return Err(format!(
                    "quote {i}: parts {:?} do not span the content {:?}",
                    q.parts, q.content
                ));
            }
        }
        last_start = q.content.start;
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!("quote {i}: confidence {} outside 0..=1", q.confidence));
        }
        if q.kind != QuoteKind::Direct {
            continue;
        }
        // The cue and the speaker's mention and role are the tag: none of
        // them is part of the words in quotation marks. (The name is the
        // fullest mention anywhere in the document, so it may be quoted.)
        let tag = [("cue", q.cue)].into_iter().chain(
            q.speaker
                .map(|s| [("mention", Some(s.mention)), ("role", s.role)])
                .into_iter()
                .flatten(),
        );
        for (what, span) in tag {
            let Some(span) = span else { continue };
            let in_words = quoted
                .iter()
                .filter(|&&w| inside(w, q.content))
                .any(|&w| inside(span, w));
            if span == q.content || in_words || (inside(span, q.content) && !merged(&quoted, q.content)) {
                return Err(format!(
                    "quote {i}: {what} {:?} lies inside the direct quote's content {:?}",
                    span.slice(text),
                    q.content.slice(text)
                ));
            }
        }
    }
    Ok(())
}

/// Whether `content` is the outer extent of more than one quotation (an
/// interrupted quote), rather than one quotation's words.
fn merged(quoted: &[Span], content: Span) -> bool {
    quoted.iter().filter(|&&w| inside(w, content)).count() > 1
}

fn assert_promises(text: &str) -> Result<(), TestCaseError> {
    let quotes = find_quotes(text);
    check(text, &quotes).map_err(|e| TestCaseError::fail(format!("{e}\n  in {text:?}\n  quotes: {quotes:?}")))
}

/// News fragments: names, roles, cues, pronouns, quote marks of every
/// style, apostrophes, punctuation, line and paragraph breaks.
const POOL: &[&str] = &[
    "Vladimir Putin",
    "Putin",
    "Kremlin adviser Yuri Ushakov",
    "Ushakov",
    "Prime Minister Sofia Marino",
    "Gita Gopinath, the fund's first deputy managing director",
    "the ministry",
    "Russia's defence ministry",
    "a senior official",
    "a poll",
    "the report",
    "He",
    "he",
    "She",
    "she",
    "they",
    "said",
    "said,",
    "said:",
    "he said",
    "she said",
    "told reporters",
    "told Trump that",
    "stated",
    "added",
    "adding that",
    "according to",
    "According to",
    "believes",
    "is convinced that",
    "found",
    "shows",
    "warned",
    "denied that",
    "wrote on Telegram that",
    "expounded that",
    "pointed out",
    "that",
    "the talks",
    "might get offended",
    "up in the air",
    "We are ready",
    "coalition of the willing",
    "so-called",
    "on Monday",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "„",
    "‚",
    "«",
    "»",
    "‹",
    "›",
    "don't",
    "workers'",
    "Putin’s",
    "’90s",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "(",
    ")",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\u{a0}",
    "é",
    "42",
];

fn pooled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..60).prop_map(|parts| parts.concat())
}

/// Fragments joined by spaces, so cues and names stand as words.
fn sentences() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..40).prop_map(|parts| parts.join(" "))
}

proptest! {
    // Failures are pinned as plain tests below rather than kept in a
    // regressions file.
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_input_keeps_every_promise(text in any::<String>()) {
        assert_promises(&text)?;
    }

    #[test]
    fn pooled_fragments_keep_every_promise(text in pooled()) {
        assert_promises(&text)?;
    }

    #[test]
    fn spaced_fragments_keep_every_promise(text in sentences()) {
        assert_promises(&text)?;
    }

    /// Sentences split by the caller give the same quotes as splitting
    /// inside, and spans that are not a split of the text (out of order,
    /// past its end, off a char boundary) are not trusted.
    #[test]
    fn sentences_given_or_split_inside_give_the_same_quotes(text in sentences(), cut in 0usize..200) {
        let expected = find_quotes(&text);
        let split: Vec<Span> = lede_text::sentences(&text).collect();
        prop_assert_eq!(&find_quotes_in_sentences(&text, &split, &[]), &expected);
        let mut shuffled = split.clone();
        shuffled.reverse();
        let garbage = [vec![Span::new(0, text.len() + 1)], vec![Span::new(cut.min(text.len()), text.len()), Span::new(0, 1)], shuffled];
        for spans in garbage {
            prop_assert_eq!(&find_quotes_in_sentences(&text, &spans, &[]), &expected);
        }
    }

    #[test]
    fn a_said_tag_finds_its_quote(
        // A first word such as "Tis" after ‘ is an elision ('Tis), not a quote.
        words in "[A-Z][a-z]{1,7}( [a-z]{1,8}){0,6}".prop_filter("an elision", |w| {
            !matches!(w.split(' ').next(), Some("Tis" | "Twas"))
        }),
        open in prop::sample::select(&["\"", "“", "«", "„", "‘"][..]),
    ) {
        let close = match open { "“" | "„" => "”", "«" => "»", "‘" => "’", _ => open };
        let text = format!("Kremlin adviser Yuri Ushakov spoke. {open}{words},{close} Ushakov said.");
        let quotes = find_quotes(&text);
        check(&text, &quotes).map_err(TestCaseError::fail)?;
        let first = quotes.first().ok_or_else(|| TestCaseError::fail(format!("no quote in {text:?}")))?;
        prop_assert_eq!(first.content.slice(&text), format!("{words},"));
        prop_assert_eq!(first.kind, QuoteKind::Direct);
    }
}

/// Inputs the property tests once shrank a failure to.
#[test]
fn pinned_inputs_keep_every_promise() {
    // A cue, a comma and a line break before another cue: the word before
    // the second cue lies before its sentence (speaker.rs slices begin > end).
    // A said-tag before a lone opening mark or an empty pair of marks: the
    // direct quote's content is empty. An empty pair of marks before a
    // colon and a name: a headline quote without words. A said-tag before
    // a quotation left open: the quote is not merged into the open one.
    let pinned = [
        "said,\nsaid",
        "Vladimir Putin\n,said",
        "told,\n\nadded",
        "Vladimir Putin said \"",
        "Putin said \u{ab}\u{bb}",
        "\u{bb}\u{ab}:Vladimir Putin",
        "\u{203a}said,\u{2039}Vladimir Putinhe said\u{201c}Kremlin adviser Yuri Ushakov.Vladimir PutinVladimir Putin",
    ];
    for text in pinned {
        let quotes = find_quotes(text);
        assert_eq!(check(text, &quotes), Ok(()), "{text:?}");
    }
}

/// Found by the `pipeline` fuzz target: rules look at most a window of
/// bytes around a cue, and a second cue that starts inside that window and
/// ends past it was sliced from its end back to the window's
/// (attribution.rs, begin > end). Every window edge from 1,000 to 1,400
/// bytes after the first cue is tried, so the test does not depend on the
/// window's exact size.
#[test]
fn a_cue_across_the_edge_of_the_rules_window() {
    let head = "Ana Ruiz said the talks would go on, ";
    let cue_end = head.find(" said").map(|i| i + " said".len()).unwrap_or_default();
    for offset in 1_000..1_400 {
        // One long word, then a said-tag starting `offset` bytes after the
        // first cue's end.
        let filler = "o".repeat(cue_end + offset - head.len() - 1);
        let text = format!("{head}{filler} told reporters more.");
        let quotes = find_quotes(&text);
        assert_eq!(check(&text, &quotes), Ok(()), "offset {offset}");
    }
}

#[test]
fn the_checker_catches_a_tag_inside_the_words() {
    let text = "\"We are ready, he said\" today.";
    let bad = Quote {
        content: Span::new(1, 21),
        parts: Vec::new(),
        kind: QuoteKind::Direct,
        cue: Some(Span::new(17, 21)),
        cue_class: Some(CueClass::Speech),
        speaker: None,
        confidence: 0.5,
    };
    assert!(check(text, std::slice::from_ref(&bad)).is_err());
    let unsorted = [
        Quote {
            content: Span::new(23, 28),
            parts: Vec::new(),
            kind: QuoteKind::Indirect,
            cue: None,
            ..bad.clone()
        },
        bad,
    ];
    assert!(check(text, &unsorted).is_err());
    assert!(check(text, &[]).is_ok());
}

/// The best of `runs` runs, so a scheduling hiccup does not count.
fn time(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(find_quotes(std::hint::black_box(text)));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Eight times the input must take about eight times as long: a quadratic
/// pass takes 64 times, so a ratio under 40 leaves room for a busy machine
/// without letting quadratic work through. The sizes keep each test to a
/// few seconds in a debug build.
fn assert_linear(name: &str, n: usize, build: fn(usize) -> String) {
    let small = build(n);
    let large = build(8 * n);
    // Warm the lexicons and the allocator before timing.
    std::hint::black_box(find_quotes(&small));
    let t_small = time(&small, 3).max(Duration::from_micros(200));
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

// Each adversarial shape is its own test, so a superlinear one can be
// ignored alone. The ignored ones were measured with
// `cargo test --release -p lede-quotes --test properties -- --ignored --nocapture`;
// a debug build's constant factors hide part of the growth at these sizes.

#[test]
fn linear_on_unmatched_straight_marks() {
    // 100,000 marks at the large size.
    assert_linear("unmatched straight doubles", 12_500, |n| "\"".repeat(n));
}

#[test]
fn linear_on_unmatched_curly_marks() {
    assert_linear("unmatched curly openers", 12_500, |n| "\u{201c}".repeat(n));
}

#[test]
fn linear_on_openers_between_words() {
    assert_linear("openers between words", 12_500, |n| "\u{201c}word ".repeat(n));
}

#[test]
fn linear_on_one_long_paragraph_without_a_sentence_end() {
    // 1 MB at the large size.
    assert_linear("one long paragraph", 5_000, |n| "the talks went on and on ".repeat(n));
}

#[test]
fn linear_on_one_long_quotation_without_a_close() {
    assert_linear("one long paragraph after an opener", 5_000, |n| {
        "\u{201c}".to_string() + &"the talks went on and on ".repeat(n)
    });
}

#[test]
fn linear_on_thousands_of_said_cues() {
    assert_linear("said in a row", 2_000, |n| "said ".repeat(n));
}

#[test]
fn linear_on_thousands_of_said_cues_with_commas() {
    assert_linear("said, in a row", 2_000, |n| "said, ".repeat(n));
}

#[test]
fn linear_on_thousands_of_according_to_cues() {
    assert_linear("according to in a row", 2_000, |n| "according to ".repeat(n));
}

#[test]
fn linear_on_thousands_of_capitalised_words() {
    assert_linear("capitalised words", 4_000, |n| "Ushakov ".repeat(n));
}

#[test]
fn linear_on_capitalised_words_before_a_cue() {
    assert_linear("capitalised words, then said", 4_000, |n| {
        "Yuri ".repeat(n) + "said the talks were over."
    });
    assert_linear("capitalised words, then a said-tag", 4_000, |n| {
        "\"The talks are over,\" ".to_string() + &"Yuri ".repeat(n) + "said."
    });
}

#[test]
fn linear_on_alternating_quotes_and_said_tags() {
    assert_linear("quote, he said", 2_000, |n| "\"We are ready,\" he said. ".repeat(n));
}

#[test]
fn linear_on_alternating_said_tags_and_quotes() {
    assert_linear("he said, quote", 2_000, |n| "He said: \"We are ready.\" ".repeat(n));
}

#[test]
fn linear_on_alternating_marks_and_said() {
    assert_linear("bare marks and he said", 2_000, |n| "\" he said ".repeat(n));
}

#[test]
fn linear_on_many_people_and_pronouns() {
    // A long article: many different people quoted, each followed by a
    // pronoun the document-level pass must resolve.
    assert_linear("distinct people, then pronouns", 500, |n| {
        (0..n)
            .map(|i| format!("Minister {} said the plan would work. She said it again.\n\n", name(i)))
            .collect()
    });
}

/// A distinct capitalised two-word name for `i`.
fn name(i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let word = |mut k: usize| {
        let mut w = String::from("K");
        for _ in 0..3 {
            w.push(char::from(LETTERS[k % 26]));
            k /= 26;
        }
        w
    };
    format!("{} {}", word(i), word(i / 7 + 1000))
}

#[test]
fn linear_on_capitalised_cues_in_one_long_line() {
    // Each capitalised cue asks whether its line is a headline.
    assert_linear("capitalised cues in a row", 2_000, |n| "Mayor Says ".repeat(n));
}

#[test]
fn linear_on_speakers_no_name_hint_holds() {
    // Each speaker's head word is looked up among the name hints before
    // it; "the spokesman" is in none, and the lookup used to read every
    // earlier hint, so time grew with quotes times names.
    fn with_hints(text: &str) -> Vec<Quote> {
        let hints: Vec<NameHint> = text
            .match_indices("Moscow")
            .map(|(at, city)| NameHint {
                span: Span::new(at, at + city.len()),
                name: "Moscow",
                id: Some("city:moscow"),
                kind: NameKind::Location,
                role: None,
            })
            .collect();
        find_quotes_with_hints(text, &hints)
    }
    let timed = |text: &str, runs: usize| {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(with_hints(std::hint::black_box(text)));
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    // Many names per quote, so that a scan over all of them outweighs the
    // rest of the work at sizes a debug build runs quickly.
    let unit = format!("\"Yes,\" the spokesman said. {}", "Moscow ".repeat(40));
    let (small, large) = (unit.repeat(250), unit.repeat(4_000));
    assert_eq!(with_hints(&small).len(), 250);
    let t_small = timed(&small, 3).max(Duration::from_micros(200));
    let t_large = timed(&large, 2);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    println!("spokesman quotes: {t_small:?} then {t_large:?}, ratio {ratio:.1}");
    // Sixteen times the input: linear work takes 16 times as long; the
    // scan over every earlier hint measured over 100 (a debug build's
    // constant factors hide part of the 256 of pure quadratic work).
    assert!(
        ratio < 64.0,
        "{t_small:?} then {t_large:?} (ratio {ratio:.1}; linear is 16)"
    );
}
