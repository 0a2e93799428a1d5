//! lede: rule-based extraction for news text.
//!
//! This facade re-exports the lede crates: the text model ([`text`]: spans,
//! offset maps, paragraphs, news-grade sentences and words) and cleaning
//! ([`clean`]: boilerplate removal and normalisation with an offset map).
//!
//! ```
//! let text = "Russian President Vladimir Putin spoke in Moscow. Dr. Smith said no.";
//! let sentences: Vec<&str> = lede::text::sentences(text).map(|s| s.slice(text)).collect();
//! assert_eq!(sentences, ["Russian President Vladimir Putin spoke in Moscow.", "Dr. Smith said no."]);
//! ```

#![deny(missing_docs)]

pub use lede_clean as clean;
pub use lede_text as text;
pub use lede_text::{OffsetMap, Span};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
