//! Claims: attributed statements (every quote) and the publisher's own
//! check-worthy sentences, each with its topics and a check-worthiness
//! score built from features a reader can verify.

use std::sync::LazyLock;

use lede_text::{is_capitalized, sentences, spans_in_order, words, NameHint, Span};
use serde::{Deserialize, Serialize};

use crate::phrase::{PhraseSet, Scratch};
use crate::tagging::Tagging;
use crate::taxonomy::TopicId;

/// The check-worthiness an unattributed sentence needs to be a claim.
pub const REPORTED_MIN_WORTHINESS: f32 = 0.6;

/// How a claim is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A direct quote: the claimant's words in quotation marks.
    Direct,
    /// Reported speech with quoted words.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
    /// The publisher's own statement: an unattributed sentence.
    Reported,
}

/// A statement found by an earlier stage (a quote), as plain input: this
/// crate does not depend on the quote finder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement<'a> {
    /// What was said, in the tagged text.
    pub span: Span,
    /// Who said it (the resolved speaker's name), when known.
    pub claimant: Option<&'a str>,
    /// Direct, mixed or indirect.
    pub kind: ClaimKind,
}

/// A transparent reason a statement is (or is not) worth checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// A figure: digits, or a number word ("million", "half").
    Number,
    /// A comparison or superlative ("more than", "highest", "record").
    Comparison,
    /// A causal link ("because", "led to", "due to").
    Causal,
    /// A verb of fact or event ("rose", "killed", "signed").
    Factual,
    /// A named entity: a capitalised word inside the statement, or a known name.
    NamedEntity,
    /// A commitment about the future ("will", "pledged", "plans to").
    Commitment,
    /// Opinion, courtesy or hedging ("I think", "please", "might"): lowers the score.
    Opinion,
    /// A question: lowers the score.
    Question,
}

impl Feature {
    /// The feature's name in data and output: `"number"`, `"named_entity"`.
    pub fn name(self) -> &'static str {
        FEATURES.iter().find(|(_, f)| *f == self).map_or("", |(n, _)| n)
    }

    /// What the feature adds to (or takes from) check-worthiness.
    pub fn weight(self) -> f32 {
        match self {
            Feature::NamedEntity => 0.15,
            Feature::Question => -0.3,
            _ => CUES.weights[self as usize],
        }
    }
}

const FEATURES: [(&str, Feature); 8] = [
    ("number", Feature::Number),
    ("comparison", Feature::Comparison),
    ("causal", Feature::Causal),
    ("factual", Feature::Factual),
    ("named_entity", Feature::NamedEntity),
    ("commitment", Feature::Commitment),
    ("opinion", Feature::Opinion),
    ("question", Feature::Question),
];

/// A claim: a statement with its claimant, topics and check-worthiness.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim<'a> {
    /// The statement, in the tagged text.
    pub span: Span,
    /// Who makes it; `None` for the publisher (a [`ClaimKind::Reported`]
    /// claim) or an unknown speaker.
    pub claimant: Option<&'a str>,
    /// How it is reported.
    pub kind: ClaimKind,
    /// Its topics: the document's topics with evidence inside it, and any
    /// topic strong enough inside it alone, best first.
    pub topics: Vec<TopicId>,
    /// From 0 to 1: the clamped sum of the weights of its features.
    pub check_worthiness: f32,
    /// Its features, each once, in [`Feature`] order.
    pub features: Vec<Feature>,
}

struct Cues {
    phrases: PhraseSet,
    /// Per phrase, its feature.
    features: Vec<Feature>,
    /// Per feature (by discriminant), its weight.
    weights: [f32; 8],
}

#[derive(Deserialize)]
struct Section {
    weight: f32,
    phrases: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let sections: std::collections::BTreeMap<String, Section> =
        toml::from_str(include_str!("../data/claims.toml")).expect("the embedded claim cues parse");
    let mut phrases = Vec::new();
    let mut features = Vec::new();
    let mut weights = [0.0; 8];
    for (name, section) in &sections {
        let feature = FEATURES
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| *f)
            .expect("every section of claims.toml names a feature");
        weights[feature as usize] = section.weight;
        for phrase in &section.phrases {
            phrases.push(phrase.as_str());
            features.push(feature);
        }
    }
    Cues {
        phrases: PhraseSet::new(&phrases).expect("the embedded claim cues compile"),
        features,
        weights,
    }
});

/// The features of a statement, each once, in [`Feature`] order.
///
/// ```
/// use lede_topics::{features, Feature};
///
/// let text = "Exports rose 12 percent because the tariffs were lifted.";
/// let found = features(text, lede_text::Span::new(0, text.len()), &[]);
/// assert_eq!(found, [Feature::Number, Feature::Causal, Feature::Factual]);
/// ```
pub fn features(text: &str, span: Span, names: &[NameHint]) -> Vec<Feature> {
    let named = names.iter().any(|n| span.contains(n.span) && !n.span.is_empty());
    features_of(text, span, named, &mut Scratch::default()).to_vec()
}

/// A set of features: bit `f as u8` for each [`Feature`] `f`. A sentence's
/// features decide whether it is a claim before any list is built, and
/// most sentences are not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FeatureSet(u8);

impl FeatureSet {
    fn insert(&mut self, feature: Feature) {
        self.0 |= 1 << feature as u8;
    }

    fn contains(self, feature: Feature) -> bool {
        self.0 >> feature as u8 & 1 == 1
    }

    /// The features, in [`Feature`] order.
    fn iter(self) -> impl Iterator<Item = Feature> {
        FEATURES.iter().map(|(_, f)| *f).filter(move |f| self.contains(*f))
    }

    fn to_vec(self) -> Vec<Feature> {
        self.iter().collect()
    }
}

/// The features of `span`; `named` says whether a known name stands in it.
/// `scratch` holds the phrase matcher's buffers, so that the claims of a
/// document allocate them once.
fn features_of(text: &str, span: Span, named: bool, scratch: &mut Scratch) -> FeatureSet {
    let mut seen = FeatureSet::default();
    let Some(part) = span.get(text) else {
        return seen;
    };
    let cues = &*CUES;
    cues.phrases
        .find_with(part, scratch, |i, _| seen.insert(cues.features[i as usize]));
    // A figure is a word with a digit, and every digit of the part is in
    // one of its words: no need to read them one by one.
    if any_byte(part.as_bytes(), |b| b.is_ascii_digit()) {
        seen.insert(Feature::Number);
    }
    if named || (!seen.contains(Feature::NamedEntity) && has_capitalized_word(part)) {
        seen.insert(Feature::NamedEntity);
    }
    if part
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?')
        .ends_with('?')
    {
        seen.insert(Feature::Question);
    }
    seen
}

/// True when a word of `part` after the first is capitalised, unless it is
/// "I" or a figure ("G7").
fn has_capitalized_word(part: &str) -> bool {
    let mut words = words(part);
    let Some(first) = words.next() else {
        return false;
    };
    // Only an ASCII capital or a non-ASCII character can start a
    // capitalised word, and most statements have neither after their first
    // word: a byte scan shows it without splitting the rest into words.
    if !any_byte(&part.as_bytes()[first.end..], |b| {
        b.is_ascii_uppercase() || !b.is_ascii()
    }) {
        return false;
    }
    words.any(|word| {
        let w = word.slice(part);
        is_capitalized(w) && w != "I" && !w.bytes().any(|b| b.is_ascii_digit())
    })
}

/// True when some byte of `bytes` is `wanted`. Sixteen bytes at a time in
/// a fixed-size block, without a branch per byte, so that the compiler
/// turns the block into a few vector instructions.
#[inline]
fn any_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    let any = |block: &[u8; 16]| block.iter().fold(false, |any, &b| any | wanted(b));
    blocks.by_ref().any(|block| block.try_into().is_ok_and(any)) || blocks.remainder().iter().any(|&b| wanted(b))
}

/// Check-worthiness of a feature set: the sum of their weights, clamped to
/// 0..=1 and rounded to two decimals.
pub fn check_worthiness(features: &[Feature]) -> f32 {
    worthiness(features.iter().copied())
}

/// [`check_worthiness`] of the features `features` yields, summed in that
/// order (a claim's are in [`Feature`] order).
fn worthiness(features: impl Iterator<Item = Feature>) -> f32 {
    let sum: f32 = features.map(|f| f.weight()).sum();
    // Two decimals: the weights have two, and 0.8 should not print as
    // 0.79999995; adding 0.0 turns a clamped -0.0 into 0.0.
    (sum.clamp(0.0, 1.0) * 100.0).round() / 100.0 + 0.0
}

/// The claims of a tagged document: one per statement (in the given order),
/// then the publisher's unattributed sentences whose check-worthiness
/// reaches [`REPORTED_MIN_WORTHINESS`] with a figure, comparison or causal
/// link, sorted by position. `text` is the text `tagging` was made from;
/// statements whose span does not fit it are skipped.
///
/// ```
/// use lede_topics::{find_claims, ClaimKind, Statement, Taxonomy};
///
/// let text = "\"We will deliver 40 more air defence systems by June,\" the minister said. \
///             Exports of grain fell 30 percent last year because of the blockade.";
/// let quote = Statement { span: lede_text::Span::new(1, 53), claimant: Some("Ana Ruiz"), kind: ClaimKind::Direct };
/// let taxonomy = Taxonomy::default();
/// let tagging = taxonomy.tag(text);
/// let claims = find_claims(text, &tagging, &[quote], &[]);
/// assert_eq!(claims[0].claimant, Some("Ana Ruiz"));
/// assert!(claims[0].check_worthiness >= 0.5);
/// assert_eq!(claims[1].kind, ClaimKind::Reported);
/// assert_eq!(claims[1].claimant, None);
/// ```
pub fn find_claims<'a>(
    text: &str,
    tagging: &Tagging,
    statements: &[Statement<'a>],
    names: &[NameHint],
) -> Vec<Claim<'a>> {
    claims_over(text, sentences(text), tagging, statements, names)
}

/// [`find_claims`] over the sentences of `text` as [`lede_text::sentences`]
/// splits them, already split by the caller: a pipeline whose other stages
/// need them too splits once. Spans that are not in order inside `text`
/// ([`lede_text::spans_in_order`]) are not trusted, and the text is split
/// again.
///
/// ```
/// use lede_topics::{find_claims, find_claims_in_sentences, Taxonomy};
/// use lede_text::{sentences, Span};
///
/// let text = "Exports of grain fell 30 percent last year because of the blockade.";
/// let taxonomy = Taxonomy::default();
/// let tagging = taxonomy.tag(text);
/// let split: Vec<Span> = sentences(text).collect();
/// assert_eq!(
///     find_claims_in_sentences(text, &split, &tagging, &[], &[]),
///     find_claims(text, &tagging, &[], &[])
/// );
/// ```
pub fn find_claims_in_sentences<'a>(
    text: &str,
    sentences: &[Span],
    tagging: &Tagging,
    statements: &[Statement<'a>],
    names: &[NameHint],
) -> Vec<Claim<'a>> {
    if !spans_in_order(sentences, text) {
        return find_claims(text, tagging, statements, names);
    }
    claims_over(text, sentences.iter().copied(), tagging, statements, names)
}

/// The claims of `text`, whose sentences are `sentences`.
fn claims_over<'a>(
    text: &str,
    sentences: impl Iterator<Item = Span>,
    tagging: &Tagging,
    statements: &[Statement<'a>],
    names: &[NameHint],
) -> Vec<Claim<'a>> {
    // One set of matcher buffers for every statement and sentence, and the
    // names' spans in order, so that a part finds those inside it by a
    // binary search.
    let mut scratch = Scratch::default();
    let mut named: Vec<Span> = names.iter().map(|n| n.span).filter(|s| !s.is_empty()).collect();
    named.sort_unstable();
    let has_name = |span: Span| {
        let from = named.partition_point(|n| n.start < span.start);
        named[from..]
            .iter()
            .take_while(|n| n.start < span.end)
            .any(|n| span.contains(*n))
    };
    let mut claims: Vec<Claim<'a>> = Vec::with_capacity(statements.len() + 8);
    claims.extend(statements.iter().filter(|s| s.span.is_valid_for(text)).map(|s| {
        let features = features_of(text, s.span, has_name(s.span), &mut scratch);
        claim(tagging, s.span, s.claimant, s.kind, features)
    }));
    let mut taken: Vec<Span> = statements.iter().map(|s| s.span).collect();
    taken.sort_unstable();
    for sentence in sentences {
        // A sentence that overlaps a quote, holds quotation marks, or is too
        // short to state a fact (a headline, a dateline) is not the
        // publisher's claim.
        let i = taken.partition_point(|s| s.end <= sentence.start);
        if taken.get(i).is_some_and(|s| s.start < sentence.end)
            || sentence.slice(text).split_whitespace().nth(5).is_none()
            || has_quotation_mark(sentence.slice(text))
        {
            continue;
        }
        // Features first: most sentences stop here, before their topics
        // are scored.
        let features = features_of(text, sentence, has_name(sentence), &mut scratch);
        let substantive = [Feature::Number, Feature::Comparison, Feature::Causal]
            .into_iter()
            .any(|f| features.contains(f));
        if substantive && worthiness(features.iter()) >= REPORTED_MIN_WORTHINESS {
            claims.push(claim(tagging, sentence, None, ClaimKind::Reported, features));
        }
    }
    claims
}

/// True when `text` holds a straight or curly double quotation mark. By
/// bytes: in UTF-8, E2 80 9C and E2 80 9D are only ever the curly marks,
/// and a search for two bytes does not decode every character.
fn has_quotation_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, bytes)
        .any(|i| bytes[i] == b'"' || matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])))
}

/// A claim's topics are the part's topics (see [`Tagging::within`]) that
/// are the document's too, or strong enough alone.
fn claim<'a>(
    tagging: &Tagging,
    span: Span,
    claimant: Option<&'a str>,
    kind: ClaimKind,
    features: FeatureSet,
) -> Claim<'a> {
    let document = tagging.topics();
    let topics = tagging
        .part_topics(span)
        .into_iter()
        .filter(|&(topic, score)| score >= 1.0 || document.iter().any(|t| t.topic == topic))
        .map(|(topic, _)| topic)
        .collect();
    Claim {
        span,
        claimant,
        kind,
        topics,
        check_worthiness: worthiness(features.iter()),
        features: features.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;

    fn all(text: &str) -> Vec<Feature> {
        features(text, Span::new(0, text.len()), &[])
    }

    #[test]
    fn features_are_found_and_weighed() {
        assert_eq!(
            all("Russia will send more than 2,000 troops to Belarus."),
            [
                Feature::Number,
                Feature::Comparison,
                Feature::NamedEntity,
                Feature::Commitment
            ]
        );
        assert_eq!(all("I think it was wonderful, thank you."), [Feature::Opinion]);
        assert_eq!(check_worthiness(&all("I think it was wonderful, thank you.")), 0.0);
        assert!(all("Will they come back?").contains(&Feature::Question));
        let strong = all("Inflation rose to 9 percent, the highest since 1982, because energy prices doubled.");
        assert_eq!(check_worthiness(&strong), 0.85);
    }

    #[test]
    fn every_statement_is_a_claim_and_reported_ones_need_substance() {
        let text = "The weather was nice on Monday in the capital city. \
                    \"Wonderful,\" she said. \
                    Unemployment fell to 4.1 percent in March, the lowest level since 2019.";
        let taxonomy = Taxonomy::default();
        let tagging = taxonomy.tag(text);
        let quote = text.find("Wonderful").unwrap();
        let statement = Statement {
            span: Span::new(quote, quote + 10),
            claimant: Some("Mia Berg"),
            kind: ClaimKind::Direct,
        };
        let claims = find_claims(text, &tagging, &[statement], &[]);
        assert_eq!(claims.len(), 2);
        assert_eq!(
            (claims[0].claimant, claims[0].check_worthiness),
            (Some("Mia Berg"), 0.0)
        );
        assert_eq!(claims[1].kind, ClaimKind::Reported);
        assert!(claims[1].span.slice(text).starts_with("Unemployment fell"));
        let labour = taxonomy.find("labour").unwrap();
        assert!(
            claims[1]
                .topics
                .iter()
                .any(|&t| taxonomy.root(t) == labour || taxonomy.root(t) == taxonomy.find("economy").unwrap()),
            "{:?}",
            claims[1].topics
        );
        let bad = Statement {
            span: Span::new(0, 9999),
            ..statement
        };
        assert!(find_claims(text, &tagging, &[bad], &[])
            .iter()
            .all(|c| c.kind == ClaimKind::Reported));
    }

    /// The capitalised-word test as first written: every word after the
    /// first, no byte scan.
    fn has_capitalized_word_plainly(part: &str) -> bool {
        words(part).skip(1).any(|word| {
            let w = word.slice(part);
            is_capitalized(w) && w != "I" && !w.bytes().any(|b| b.is_ascii_digit())
        })
    }

    /// Words and separators that put capitals, figures, "I", non-ASCII
    /// letters and marks at and around word starts, and quotation marks
    /// among characters that share their first UTF-8 bytes.
    const PIECES: [&str; 26] = [
        "the",
        "Kremlin",
        "I",
        "G7",
        "U.S.",
        "McDonald",
        "über",
        "Über",
        "é",
        "\u{301}",
        "2,000",
        "don't",
        "Putin\u{2019}s",
        "\u{201C}",
        "\u{201D}",
        "\u{2014}",
        "\u{2018}",
        "\u{20AC}",
        "-",
        "'",
        "\"",
        "?",
        ".",
        "_",
        "Ωmega",
        "x",
    ];
    const SEPARATORS: [&str; 6] = [" ", "", "\n", "  ", "\u{a0}", ", "];

    proptest::proptest! {
        #[test]
        fn the_byte_scans_change_no_feature(
            pieces in proptest::collection::vec((0..PIECES.len(), 0..SEPARATORS.len()), 0..24),
            cut in 0usize..64,
        ) {
            let mut text = String::new();
            for (p, s) in pieces {
                text.push_str(PIECES[p]);
                text.push_str(SEPARATORS[s]);
            }
            // The whole text and a part that starts inside it.
            let mut from = cut.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            for part in [&text[..], &text[from..]] {
                proptest::prop_assert_eq!(has_capitalized_word(part), has_capitalized_word_plainly(part), "{:?}", part);
                proptest::prop_assert_eq!(
                    any_byte(part.as_bytes(), |b| b.is_ascii_digit()),
                    part.bytes().any(|b| b.is_ascii_digit())
                );
                proptest::prop_assert_eq!(
                    has_quotation_mark(part),
                    part.contains(['"', '\u{201C}', '\u{201D}'])
                );
            }
        }
    }

    #[test]
    fn sentences_that_are_not_a_split_of_the_text_are_split_again() {
        let text = "Exports of grain fell 30 percent last year because of the blockade. \
                    The weather was nice. Unemployment rose to 9 percent in March, the highest since 2019.";
        let taxonomy = Taxonomy::default();
        let tagging = taxonomy.tag(text);
        let expected = find_claims(text, &tagging, &[], &[]);
        assert_eq!(expected.len(), 2);
        let split: Vec<Span> = sentences(text).collect();
        let mut reversed = split.clone();
        reversed.reverse();
        for given in [
            split,
            reversed,
            vec![Span::new(0, text.len() + 5)],
            vec![Span::new(1, 2), Span::new(0, 1)],
        ] {
            assert_eq!(
                find_claims_in_sentences(text, &given, &tagging, &[], &[]),
                expected,
                "{given:?}"
            );
        }
    }

    #[test]
    fn feature_names_round_trip_the_data_sections() {
        for (name, feature) in FEATURES {
            assert_eq!(feature.name(), name);
        }
    }
}
