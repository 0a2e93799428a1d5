//! Boilerplate removal and normalisation for scraped news text, every change
//! recorded in an offset map.
//!
//! Article text scraped from the web arrives with residue that even good
//! extractors leave: "Advertisement" lines, "Read also| ..." teasers,
//! "(Watch Video)" markers, share bars, newsletter prompts, photo credits,
//! bylines, a repeated lead paragraph, HTML entities and mojibake. Quote
//! attribution, entity matching and topic tagging must not see any of it, yet
//! every span they report must point into the original input. A [`Cleaner`]
//! does both: it returns the clean text with an [`OffsetMap`] back to the
//! input, and a record of every removal with its [`Family`].
//!
//! ```
//! use lede_clean::Cleaner;
//! use lede_text::Span;
//!
//! let raw = "Putin&#8217;s adviser spoke.\n\nAdvertisement\n\nShare this article\n\n\
//!            \u{201C}We are ready,\u{201D} Ushakov said.";
//! let cleaned = Cleaner::default().clean(raw);
//! assert_eq!(cleaned.text, "Putin\u{2019}s adviser spoke.\n\n\u{201C}We are ready,\u{201D} Ushakov said.");
//!
//! // A span found in the clean text maps back to the original input.
//! let start = cleaned.text.find("Ushakov").unwrap();
//! let span = cleaned.original_span(Span::new(start, start + "Ushakov".len()));
//! assert_eq!(&raw[span.range()], "Ushakov");
//! ```
//!
//! The steps: character repair ([`normalize()`]: line endings, BOM, controls,
//! HTML character references, mojibake, NFC, invisible characters, space and
//! dash variants); line classification against the families in
//! `data/families.txt` (compiled into one automaton per kind of rule) and
//! context rules (teaser blocks, end-of-article markers, the run of headline
//! lines after the body, duplicated paragraphs); keep-guards for datelines,
//! corrections and prose that merely contains a trigger word; and reflow
//! (soft wraps joined, hyphenation rejoined, one blank line between
//! paragraphs). An opt-in aggressive mode adds paragraph statistics for
//! whole-page text dumps.
//!
//! It does not parse HTML: give it text (an extractor's output, or a page's
//! text dump). Quotes are kept as they are unless asked to fold them.

#![deny(missing_docs)]

mod classify;
mod cleaner;
mod density;
mod error;
mod family;
mod metadata;
mod normalize;
mod reflow;
mod rules;

pub use cleaner::{Cleaned, Cleaner, CleanerBuilder, Removal};
pub use error::CleanError;
pub use family::{Family, FamilySet};
pub use lede_text::OffsetMap;
pub use metadata::{Dateline, Metadata};
pub use normalize::{normalize, NormalizeOptions};

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
