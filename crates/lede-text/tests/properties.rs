//! Property tests: invariants of spans, segmentation and offset maps on
//! arbitrary and adversarial text.

mod support;

use lede_text::{paragraphs, sentences, title_case_runs, words, OffsetMap, ParagraphMode, Rewriter, Span};
use proptest::prelude::*;

/// Pieces that exercise the segmenter's decisions: abbreviations, initials,
/// quotes of every style, ellipses, bullets, line breaks, non-ASCII text.
const PIECES: &[&str] = &[
    "Putin",
    "said",
    "the",
    "U.S",
    "U.S.",
    "a.m.",
    "Mr.",
    "Gen.",
    "Inc.",
    "No.",
    "J.",
    "I",
    "It",
    "The",
    "He",
    "5",
    "3.5",
    "12",
    ".",
    ". ",
    "!",
    "?",
    "...",
    "…",
    ". . .",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "•",
    "⁃",
    "- ",
    "1.",
    "2)",
    "a.",
    ",",
    ":",
    "Київ",
    "é",
    "中文",
    "👍",
    "\u{200b}",
    "\t",
    "www.x.org/a.b",
    "x@y.com",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

/// ASCII text dense in the characters UAX #29 treats specially between
/// letters and digits.
fn ascii_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "a", "Z", "7", "0", "_", ".", ",", ";", ":", "'", " ", "\n", "\t", "-", "\"", "$", "%", "U.S.", "3.5",
                "don't",
            ][..],
        ),
        0..40,
    )
    .prop_map(|p| p.concat())
}

/// News-like text dense in the non-ASCII characters `words` splits without
/// `unicode-segmentation` (curly quotes, dashes, ellipses, no-break spaces,
/// Latin letters) next to letters, digits, ASCII punctuation, and the
/// characters that must send it back to UAX #29 (combining marks, the soft
/// hyphen, joiners, one dot leader, superscripts, other scripts, emoji).
fn typographic_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "a",
                "Z",
                "s",
                "7",
                "0",
                "_",
                ".",
                ",",
                ";",
                ":",
                "'",
                " ",
                "  ",
                "\n",
                "\t",
                "-",
                "\"",
                "’",
                "‘",
                "“",
                "”",
                "’s",
                "—",
                "–",
                "…",
                "\u{a0}",
                "é",
                "É",
                "ğ",
                "ß",
                "×",
                "€",
                "«",
                "»",
                "„",
                "•",
                "\u{301}",
                "\u{ad}",
                "\u{200d}",
                "\u{200b}",
                "\u{2024}",
                "·",
                "²",
                "½",
                "Ж",
                "👍",
                "\u{1f3fd}",
                "\u{85}",
                "\u{2028}",
                "\u{202f}",
                "Putin",
                "U.S",
                "3.5",
            ][..],
        ),
        0..60,
    )
    .prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![news_like(), any::<String>()]
}

/// Checks the invariants every span list from lede-text keeps.
fn check_spans(text: &str, spans: &[Span], what: &str) {
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what}: {:?} overlaps or precedes {:?}",
            pair[0],
            pair[1]
        );
    }
    for span in spans {
        let slice = span
            .get(text)
            .unwrap_or_else(|| panic!("{what}: {span:?} is not on char boundaries of {text:?}"));
        assert!(!slice.is_empty(), "{what}: empty span {span:?}");
        assert_eq!(slice.trim(), slice, "{what}: {span:?} is not trimmed");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentences_cover_all_text_in_order(text in any_text()) {
        let spans: Vec<Span> = sentences(&text).collect();
        check_spans(&text, &spans, "sentences");
        // Everything between sentences is whitespace: no text is dropped.
        let mut at = 0;
        for span in &spans {
            prop_assert!(text[at..span.start].trim().is_empty(), "text lost before {:?}", span);
            at = span.end;
        }
        prop_assert!(text[at..].trim().is_empty());
    }

    #[test]
    fn paragraphs_cover_all_text_in_both_modes(text in any_text()) {
        for mode in [ParagraphMode::BlankLine, ParagraphMode::Line] {
            let spans: Vec<Span> = paragraphs(&text, mode).collect();
            check_spans(&text, &spans, "paragraphs");
            let covered: usize = spans.iter().map(|s| s.slice(&text).chars().filter(|c| !c.is_whitespace()).count()).sum();
            prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
        }
    }

    #[test]
    fn sentences_never_cross_paragraphs(text in news_like()) {
        let paras: Vec<Span> = paragraphs(&text, ParagraphMode::BlankLine).collect();
        for sentence in sentences(&text) {
            prop_assert!(paras.iter().any(|p| p.contains(sentence)), "{:?} crosses a blank line in {:?}", sentence, text);
        }
    }

    /// The fast path of `words` splits exactly as UAX #29 does.
    #[test]
    fn words_match_unicode_word_boundaries(text in prop_oneof![ascii_text(), typographic_text(), typographic_text(), news_like(), any::<String>()]) {
        let found: Vec<Span> = words(&text).collect();
        prop_assert_eq!(found, support::uax29_words(&text), "in {:?}", text);
    }

    #[test]
    fn words_and_runs_are_valid(text in any_text()) {
        let spans: Vec<Span> = words(&text).collect();
        for pair in spans.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for span in &spans {
            let word = span.get(&text).expect("word on char boundaries");
            prop_assert!(word.chars().any(char::is_alphanumeric));
        }
        for run in title_case_runs(&text) {
            let slice = run.get(&text).expect("run on char boundaries");
            prop_assert!(slice.chars().next().is_some_and(char::is_uppercase));
        }
    }
}

/// One edit of a random rewrite, applied to the piece of original it covers.
#[derive(Clone, Debug)]
enum Edit {
    Keep,
    Delete,
    Replace(String),
    InsertBefore(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let replacement = prop::collection::vec(prop::sample::select(&["x", "é", " ", "’", "—", "👍", "\n"][..]), 0..4)
        .prop_map(|parts| parts.concat());
    prop_oneof![
        3 => Just(Edit::Keep),
        1 => Just(Edit::Delete),
        1 => replacement.clone().prop_map(Edit::Replace),
        1 => replacement.prop_map(Edit::InsertBefore),
    ]
}

/// A text cut at random char boundaries into pieces, each with an edit.
fn rewrite_case() -> impl Strategy<Value = (String, Vec<(usize, Edit)>)> {
    any_text().prop_flat_map(|text| {
        let chars = text.chars().count();
        let cuts = prop::collection::vec((0..=chars, edit()), 0..12);
        (Just(text), cuts)
    })
}

/// Applies the edits, returning the output, its map, and the output spans
/// that were copied unchanged with the original span each came from.
fn apply(text: &str, cuts: &[(usize, Edit)]) -> (String, OffsetMap, Vec<(Span, Span)>) {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut points: Vec<(usize, &Edit)> = cuts.iter().map(|(c, e)| (bounds[*c], e)).collect();
    points.sort_by_key(|(at, _)| *at);
    let mut rw = Rewriter::new(text);
    let mut kept = Vec::new();
    let mut at = 0;
    for (i, (cut, edit)) in points.iter().enumerate() {
        let piece_end = points.get(i + 1).map_or(text.len(), |(next, _)| *next);
        if *cut < at {
            continue;
        }
        rw.copy_to(*cut).unwrap();
        let piece = Span::new(*cut, piece_end);
        match edit {
            Edit::Keep => {
                let out_start = rw.output().len();
                rw.copy_to(piece.end).unwrap();
                kept.push((Span::new(out_start, rw.output().len()), piece));
            }
            Edit::Delete => rw.delete(piece).unwrap(),
            Edit::Replace(with) => rw.replace(piece, with).unwrap(),
            Edit::InsertBefore(with) => rw.insert(with),
        }
        at = rw.position();
    }
    let out_start = rw.output().len();
    let tail = Span::new(rw.position(), text.len());
    let (out, map) = rw.finish();
    kept.push((Span::new(out_start, out.len()), tail));
    (out, map, kept)
}

fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
}

/// Every span of `out` maps to an ordered, in-bounds span of `original` on
/// char boundaries, monotonically; kept runs map exactly.
fn check_map(original: &str, out: &str, map: &OffsetMap, kept: &[(Span, Span)]) {
    assert_eq!(map.output_len(), out.len());
    let bounds = boundaries(out);
    let step = (bounds.len() / 24).max(1);
    let sample: Vec<usize> = bounds.iter().copied().step_by(step).chain([out.len()]).collect();
    let mut previous = Span::empty(0);
    for (i, &start) in sample.iter().enumerate() {
        for &end in &sample[i..] {
            let mapped = map.map_span(Span::new(start, end));
            assert!(
                mapped.start <= mapped.end && mapped.end <= original.len(),
                "{mapped:?} out of bounds"
            );
            assert!(mapped.is_valid_for(original), "{mapped:?} not on char boundaries");
        }
        let mapped = map.map_span(Span::new(start, out.len()));
        assert!(mapped.start >= previous.start, "mapping is not monotone at {start}");
        previous = mapped;
    }
    for (out_span, orig_span) in kept {
        assert_eq!(out_span.slice(out), orig_span.slice(original));
        if out_span.is_empty() {
            continue;
        }
        let inner: Vec<usize> = boundaries(out_span.slice(out))
            .into_iter()
            .map(|b| b + out_span.start)
            .collect();
        let (a, b) = (inner[inner.len() / 3], inner[inner.len() - 1 - inner.len() / 4]);
        let sub = Span::new(a.min(b), a.max(b));
        let expected = Span::new(
            orig_span.start + (sub.start - out_span.start),
            orig_span.start + (sub.end - out_span.start),
        );
        if !sub.is_empty() {
            assert_eq!(
                map.map_span(sub),
                expected,
                "kept text {:?} did not map exactly",
                sub.slice(out)
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn offset_map_invariants((text, cuts) in rewrite_case()) {
        let (out, map, kept) = apply(&text, &cuts);
        check_map(&text, &out, &map, &kept);
    }

    #[test]
    fn composed_maps_keep_the_invariants((text, cuts) in rewrite_case(), second in prop::collection::vec((0usize..400, edit()), 0..8)) {
        let (mid, first_map, _) = apply(&text, &cuts);
        let mid_chars = mid.chars().count();
        let second: Vec<(usize, Edit)> = second.into_iter().map(|(c, e)| (c % (mid_chars + 1), e)).collect();
        let (out, second_map, kept_twice) = apply(&mid, &second);
        let map = first_map.then(&second_map);
        prop_assert_eq!(map.original_len(), text.len());
        // Text kept by the second step maps through the first map's kept runs;
        // check only those the first step also kept, which must map exactly.
        let (_, _, kept_once) = apply(&text, &cuts);
        let mut kept = Vec::new();
        for (out_span, mid_span) in &kept_twice {
            for (mid_kept, orig_kept) in &kept_once {
                if let Some(both) = mid_span.intersection(*mid_kept) {
                    let out_start = out_span.start + (both.start - mid_span.start);
                    let orig_start = orig_kept.start + (both.start - mid_kept.start);
                    kept.push((Span::new(out_start, out_start + both.len()), Span::new(orig_start, orig_start + both.len())));
                }
            }
        }
        check_map(&text, &out, &map, &kept);
    }
}

/// Inputs built to make a careless segmenter quadratic or panic. Each is about
/// a megabyte; a quadratic scan would not finish.
#[test]
fn adversarial_inputs_segment_completely() {
    let big = 1 << 20;
    let inputs = [
        "\"".repeat(big),
        ".".repeat(big),
        ". ".repeat(big / 2),
        "U.S. ".repeat(big / 5),
        "…".repeat(big / 3),
        "a".repeat(big),
        "\n".repeat(big),
        "x\n".repeat(big / 2),
        "• 1. A ".repeat(big / 8),
        "«„“‘".repeat(big / 12),
        format!("{}.", "J".repeat(big)),
        "\u{a0}\u{2009}\u{3000}\r".repeat(big / 9),
    ];
    for text in &inputs {
        let spans: Vec<Span> = sentences(text).collect();
        check_spans(text, &spans, "adversarial sentences");
        let words = words(text).count();
        assert!(words <= text.len());
    }
}
