//! Topics and claims in news text: which subjects an article is about,
//! which words say so, and which of its statements a fact-checker would
//! pick.
//!
//! A [`Taxonomy`] is a hierarchy of topics, each with weighted trigger
//! phrases, optional regexes, entity ids, co-occurrence rules and exclusion
//! phrases. The embedded default has two layers: the 17 IPTC Media Topics
//! top-level subjects (so any article gets its broad subject) and, under
//! them, topics of international news (the Ukraine war, Iran's nuclear
//! programme, sanctions, prisoner exchanges, elections, ...). Tagging
//! reports each topic with a score and its evidence: the spans of the
//! triggers that fired.
//!
//! ```
//! use lede_topics::Taxonomy;
//!
//! let text = "Ukraine and Russia exchanged 150 prisoners of war on Thursday, \
//!             days after drone strikes on Kyiv, as envoys met in Istanbul.";
//! let taxonomy = Taxonomy::default();
//! let tagging = taxonomy.tag(text);
//! let ids: Vec<&str> = tagging.topics().iter().map(|t| taxonomy.topic(t.topic).id.as_str()).collect();
//! assert_eq!(ids[0], "conflict");
//! assert!(ids.contains(&"conflict.ukraine"));
//! assert!(ids.contains(&"conflict.prisoner_exchange"));
//! let subject = tagging.subject().map(|t| taxonomy.topic(t).label.as_str());
//! assert_eq!(subject, Some("conflict, war and peace"));
//! // Evidence spans point into the text.
//! let evidence: Vec<&str> = tagging.topics()[0].evidence.iter().map(|e| &text[e.span.range()]).collect();
//! assert!(evidence.contains(&"prisoners of war"));
//! ```
//!
//! [`find_claims`] turns statements (quotes found by an earlier stage,
//! given as plain [`Statement`]s) into [`Claim`]s with their claimant,
//! topics and a check-worthiness score from listed [`Feature`]s (figures,
//! comparisons, causal and factual verbs, named entities, commitments;
//! opinion and questions lower it), and adds the publisher's own
//! check-worthy sentences as claims without a claimant
//! ([`find_claims_in_sentences`] when the caller has split the sentences
//! already).
//!
//! How it works: all phrases of all topics go into one table of words
//! (each phrase looked up by its first word, or its first two), so a text
//! is read once, a word at a time; case (capitals in a phrase are
//! required, so `US` is not "us") is checked per match.
//! Co-occurrence and exclusion rules look at the sentence around their
//! phrases only, at most 500 bytes each way, so tagging is linear in the
//! text and never panics on any `&str`.
//!
//! What it does not do: it reads English; it matches words, not meaning
//! (no stemming beyond `*` prefixes, no disambiguation beyond rules and
//! case); it finds no quotes and no entities itself (give it
//! [`NameHint`](lede_text::NameHint)s from a gazetteer for entity triggers).
//! The taxonomy file format is described in the crate README.

#![deny(missing_docs)]

mod claims;
mod error;
mod format;
mod phrase;
mod tagging;
mod taxonomy;

pub use claims::{
    check_worthiness, features, find_claims, find_claims_in_sentences, Claim, ClaimKind, Feature, Statement,
    REPORTED_MIN_WORTHINESS,
};
pub use error::TopicsError;
pub use tagging::{Evidence, Reason, Tagging, TopicScore, PART_MIN_SCORE};
pub use taxonomy::{Taxonomy, TaxonomyBuilder, Topic, TopicId, Trigger, DEFAULT_MIN_SCORE};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
