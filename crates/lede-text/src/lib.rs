//! The shared text model of lede: spans, offset maps, paragraphs, sentences
//! and words.
//!
//! Every other lede crate speaks in [`Span`]s: half-open UTF-8 byte ranges
//! into the caller's text, always on char boundaries, so `&text[span.range()]`
//! is the text a result claims. When a stage rewrites text (cleaning), it
//! records an [`OffsetMap`] so results on the rewritten text can be mapped back
//! to the original.
//!
//! ```
//! use lede_text::{sentences, words, Span};
//!
//! let text = "Kremlin adviser Yuri Ushakov spoke to reporters at 9 p.m. Thursday. \
//!             \"It would be awkward,\" he said. U.S. officials declined to comment.";
//! let found: Vec<&str> = sentences(text).map(|s| s.slice(text)).collect();
//! assert_eq!(found, [
//!     "Kremlin adviser Yuri Ushakov spoke to reporters at 9 p.m. Thursday.",
//!     "\"It would be awkward,\" he said.",
//!     "U.S. officials declined to comment.",
//! ]);
//! let first = words(text).next().map(|w| w.slice(text));
//! assert_eq!(first, Some("Kremlin"));
//! ```
//!
//! Everything here reads text without allocating per sentence or word;
//! iterators yield spans. Segmentation is rule-based English, tuned for news:
//! abbreviations and titles, initials, "U.S."-style forms, clock times,
//! ellipses, quotes with said-tags, list items and headlines. It does not
//! segment other languages' conventions (no "。"), and it does not tokenise
//! beyond Unicode word boundaries.

#![deny(missing_docs)]

mod error;
mod hints;
mod lexicon;
mod offset_map;
mod paragraphs;
mod sentences;
mod span;
mod words;

pub use error::TextError;
pub use hints::{NameHint, NameKind};
pub use offset_map::{OffsetMap, OffsetMapBuilder, Rewriter};
pub use paragraphs::{paragraphs, ParagraphMode, Paragraphs};
pub use sentences::{sentences, Sentences};
pub use span::{spans_in_order, Span};
pub use words::{is_all_caps, is_capitalized, is_title_case, title_case_runs, words, TitleCaseRuns, Words};

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
