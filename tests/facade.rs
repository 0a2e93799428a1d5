//! The facade end to end: cleaning, then sentences, with every span mapped
//! back to the input.

use lede::clean::{Cleaner, Family};
use lede::text::{sentences, words, Span};

const SCRAPED: &str = "Share this article\n\n\
GENEVA (Wire) - Negotiators from both sides met for six hours on Tuesday, \
the U.N. envoy said.\n\n\
ADVERTISEMENT\n\n\
\"We made progress. Not enough,\" Lt. Col. Ana Ruiz told reporters at 7 p.m.\n\n\
GENEVA (Wire) - Negotiators from both sides met for six hours on Tuesday, \
the U.N. envoy said.\n\n\
Reporting by Tom Reed; Editing by Ana Lima";

#[test]
fn clean_then_split_maps_every_sentence_back() {
    let cleaned = Cleaner::default().clean(SCRAPED);
    let found: Vec<Span> = sentences(&cleaned.text).collect();
    let texts: Vec<&str> = found.iter().map(|s| s.slice(&cleaned.text)).collect();
    assert_eq!(
        texts,
        [
            "GENEVA (Wire) - Negotiators from both sides met for six hours on Tuesday, the U.N. envoy said.",
            "\"We made progress.",
            "Not enough,\" Lt. Col. Ana Ruiz told reporters at 7 p.m.",
        ]
    );
    for sentence in found {
        let original = cleaned.original_span(sentence);
        assert_eq!(&SCRAPED[original.range()], sentence.slice(&cleaned.text));
    }
    let families: Vec<Family> = cleaned.removed.iter().map(|r| r.family).collect();
    assert_eq!(
        families,
        [Family::Share, Family::Advertising, Family::Duplicate, Family::Credit]
    );
}

#[test]
fn words_of_a_mapped_sentence_point_into_the_input() {
    let raw = "Advertisement\n\nKyiv&#8217;s mayor spoke.";
    let cleaned = Cleaner::default().clean(raw);
    let mayor = words(&cleaned.text)
        .find(|w| w.slice(&cleaned.text) == "mayor")
        .unwrap();
    assert_eq!(&raw[cleaned.original_span(mayor).range()], "mayor");
}
