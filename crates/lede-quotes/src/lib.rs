//! Who said what in news text: direct, mixed and indirect quotes with
//! resolved speakers.
//!
//! [`find_quotes`] reads an article and returns every attributed statement:
//! the words said (a span without the quote marks), how they are reported
//! ([`QuoteKind`]), the reporting cue ("said", "told reporters", "according
//! to") and the [`Speaker`]: the mention at that place ("He", "Ushakov",
//! "the ministry") and the fullest name the article gives for it.
//!
//! ```
//! use lede_quotes::{find_quotes, QuoteKind};
//!
//! let text = "Russian President Vladimir Putin spoke first. \
//!             \"We are ready,\" Putin said, adding that talks could resume \"within weeks.\"";
//! let quotes = find_quotes(text);
//! assert_eq!(&text[quotes[0].content.range()], "We are ready,");
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! let name = quotes[0].speaker.and_then(|s| s.name).map(|n| &text[n.range()]);
//! assert_eq!(name, Some("Vladimir Putin"));
//! assert_eq!(quotes[1].kind, QuoteKind::Mixed);
//! ```
//!
//! It is rule-based: quotation marks of every style are paired in one pass
//! ([`quotations`]: straight, curly, low-high and angle marks, nested quotes
//! and quotes continued over paragraphs, with apostrophes, inch marks and
//! stray marks told apart), cues are found with one automaton over the lexicon in
//! `data/cues.txt`, speaker phrases are read next to each cue with the word
//! lists in `data/words.txt`, and a document-level pass resolves surnames,
//! pronouns and role nouns. It does not use a gazetteer, but it takes the
//! names one found as plain [`lede_text::NameHint`]s
//! ([`find_quotes_with_hints`]; the `lede` facade passes them), and a
//! caller that has split the sentences already hands them over
//! ([`find_quotes_in_sentences`]); it reads English. Every rule looks at most 1,200 bytes around
//! its cue, so the cost of a document grows linearly whatever its shape.

#![deny(missing_docs)]

mod attribution;
mod coref;
mod cues;
mod document;
mod finder;
mod lexicon;
mod marks;
mod quote;
mod speaker;

pub use cues::CueClass;
pub use finder::{find_quotes, find_quotes_in_sentences, find_quotes_with_hints};
pub use marks::{is_quote_mark, quotations, quotations_with_mode, MarkStyle, Quotation, MAX_DEPTH};
pub use quote::{Quote, QuoteKind, Speaker, SpeakerKind};

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
