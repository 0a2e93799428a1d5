//! lede: rule-based extraction for news text.
//!
//! [`Pipeline`] runs every stage over an article: cleaning, then known
//! entities, who said what, topics and claims; every span it reports points
//! into the text you gave it, even though analysis runs on the cleaned
//! text.
//!
//! ```
//! use lede::Pipeline;
//!
//! let text = "\"We will not sign this,\" Foreign Minister Ana Ruiz said on Monday.";
//! let analysis = Pipeline::default().analyze(text);
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.text, "We will not sign this,");
//! assert_eq!(quote.speaker.as_ref().map(|s| s.name.as_str()), Some("Ana Ruiz"));
//! assert_eq!(quote.speaker.as_ref().and_then(|s| s.role.as_deref()), Some("Foreign Minister"));
//! ```
//!
//! The stages are crates of their own, re-exported here: the text model
//! ([`text`]: spans, offset maps, paragraphs, news-grade sentences and
//! words), cleaning ([`clean`]: boilerplate removal and normalisation with
//! an offset map), entities ([`gazetteer`]: known people, countries and
//! organisations with canonical ids), attribution ([`quotes`]: quotation
//! marks, cues, speakers) and topics ([`topics`]: a taxonomy of subjects
//! and news topics with evidence, and claims with check-worthiness).
//!
//! ```
//! let text = "Russian President Vladimir Putin spoke in Moscow. Dr. Smith said no.";
//! let sentences: Vec<&str> = lede::text::sentences(text).map(|s| s.slice(text)).collect();
//! assert_eq!(sentences, ["Russian President Vladimir Putin spoke in Moscow.", "Dr. Smith said no."]);
//! ```

#![deny(missing_docs)]

mod analysis;
mod entities;
mod pipeline;
mod sections;

pub use analysis::{
    Analysis, ClaimRecord, CueRecord, EntityRecord, Excerpt, QuoteRecord, ReasonRecord, SpeakerRecord, TopicRecord,
};
pub use lede_clean as clean;
pub use lede_clean::{CleanError, Cleaner};
pub use lede_gazetteer as gazetteer;
pub use lede_gazetteer::{EntityKind, Gazetteer};
pub use lede_quotes as quotes;
pub use lede_quotes::{CueClass, QuoteKind, SpeakerKind};
pub use lede_text as text;
pub use lede_text::{OffsetMap, Span};
pub use lede_topics as topics;
pub use lede_topics::{ClaimKind, Feature, Taxonomy};
pub use pipeline::{Pipeline, PipelineBuilder};
pub use sections::{Sections, UnknownSection};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
