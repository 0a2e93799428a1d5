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

#[test]
fn topics_and_claims_point_into_the_input() {
    use lede::{ClaimKind, Pipeline, Taxonomy};

    let raw = "Share this article\n\n\
               MOSCOW (Wire) - Russian drones struck Kyiv overnight as envoys prepared a prisoner swap.\n\n\
               Read also: Ten recipes for a summer picnic\n\n\
               \u{201C}We will not accept new sanctions,\u{201D} Kremlin adviser Yuri Ushakov said.";
    let analysis = Pipeline::default().analyze(raw);
    let ids: Vec<&str> = analysis.topics.iter().map(|t| t.id.as_str()).collect();
    assert!(
        ids.contains(&"conflict.ukraine") && ids.contains(&"conflict.prisoner_exchange"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"lifestyle"),
        "the removed teaser is no evidence: {ids:?}"
    );
    for topic in &analysis.topics {
        for e in &topic.evidence {
            assert_eq!(&raw[e.span.range()], e.text);
        }
        assert!(!topic.reasons.is_empty());
    }
    let claim = analysis.claims.iter().find(|c| c.kind == ClaimKind::Direct).unwrap();
    assert_eq!(claim.text, "We will not accept new sanctions,");
    assert_eq!(claim.claimant.as_deref(), Some("Yuri Ushakov"));
    assert!(
        claim.topics.contains(&"politics.sanctions".to_string()),
        "{:?}",
        claim.topics
    );
    assert_eq!(&raw[claim.span.range()], claim.text);

    // A pipeline with its own taxonomy reports only its topics.
    let taxonomy = Taxonomy::from_toml(
        "[[topic]]\nid = \"swaps\"\nlabel = \"Swaps\"\nstrong = [\"prisoner swap\"]\n",
        "t",
    )
    .unwrap();
    let pipeline = Pipeline::builder().taxonomy(taxonomy).build().unwrap();
    let ids: Vec<String> = pipeline.analyze(raw).topics.into_iter().map(|t| t.id).collect();
    assert_eq!(ids, ["swaps"]);
}
