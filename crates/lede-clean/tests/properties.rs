//! Property tests for the whole cleaner on arbitrary and boilerplate-laden text.

use lede_clean::Cleaner;
use lede_text::Span;
use proptest::prelude::*;

/// Lines and fragments that exercise every step: boilerplate of each family,
/// prose, entities, mojibake, odd spaces, line endings.
const PIECES: &[&str] = &[
    "Advertisement",
    "Read also| Oil rises on supply fears",
    "Related stories",
    "Drones hit Kharkiv power station",
    "Share this article",
    "By Anna Kowalski",
    "Reporting by Tom Reed; Editing by Ana Lima",
    "42 Comments",
    "© 2025 Example Media",
    "Home > World",
    "(Watch Video)",
    "(Photo: AFP)",
    "<br>",
    "MOSCOW (Wire) - ",
    "The ministry said the talks would resume in Geneva on Monday.",
    "\"We are ready,\" Ushakov said.",
    "Putin&#8217;s",
    "&amp;nbsp;",
    "â€™",
    "Ã©",
    "e\u{301}",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\t",
    "  ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "deliv-",
    "ered",
    "Київ",
    "👍",
    "“",
    "”",
];

fn scraped() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![scraped(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn cleaning_is_total_and_maps_back(text in any_text()) {
        let cleaned = Cleaner::default().clean(&text);
        prop_assert_eq!(cleaned.map.output_len(), cleaned.text.len());
        prop_assert_eq!(cleaned.map.original_len(), text.len());
        for removal in &cleaned.removed {
            prop_assert!(removal.span.is_valid_for(&text), "removal {:?} not on char boundaries", removal.span);
        }
        // Every word of the clean text maps to a valid span of the input,
        // and an ASCII word that survives unchanged maps to identical text.
        let mut previous = 0;
        for word in lede_text::words(&cleaned.text) {
            let back = cleaned.original_span(word);
            prop_assert!(back.is_valid_for(&text), "{:?} maps off char boundaries", word);
            prop_assert!(back.start >= previous, "mapping is not monotone");
            previous = back.start;
            let clean_word = word.slice(&cleaned.text);
            if clean_word.bytes().all(|b| b.is_ascii_alphanumeric()) && back.len() == clean_word.len() {
                prop_assert_eq!(back.slice(&text), clean_word);
            }
        }
    }

    #[test]
    fn cleaning_is_idempotent(text in any_text()) {
        let cleaner = Cleaner::default();
        let once = cleaner.clean(&text);
        let twice = cleaner.clean(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
        prop_assert!(twice.removed.is_empty(), "second pass removed {:?}", twice.removed);
    }

    #[test]
    fn output_shape(text in any_text()) {
        let cleaned = Cleaner::default().clean(&text).text;
        prop_assert!(!cleaned.contains("\n\n\n"), "more than one blank line");
        prop_assert!(!cleaned.contains(" \n") && !cleaned.ends_with(' ') && !cleaned.starts_with(' '));
        prop_assert!(!cleaned.contains('\r'));
    }
}

#[test]
fn kept_paragraph_maps_back_exactly() {
    let raw = "Advertisement\n\nShare this article\n\nKyiv said 84 prisoners were exchanged on Friday.\n\n42 Comments";
    let cleaned = Cleaner::default().clean(raw);
    assert_eq!(cleaned.text, "Kyiv said 84 prisoners were exchanged on Friday.");
    let back = cleaned.original_span(Span::new(0, cleaned.text.len()));
    assert_eq!(&raw[back.range()], cleaned.text);
}

#[test]
fn quote_floods_and_giant_lines_clean_completely() {
    let big = 1 << 20;
    for text in [
        "\"".repeat(big),
        "Advertisement\n".repeat(big / 14),
        "a".repeat(big),
        "&amp;".repeat(big / 5),
    ] {
        let cleaned = Cleaner::default().clean(&text);
        assert!(cleaned.text.len() <= text.len() + 8);
    }
}
