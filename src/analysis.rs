//! What the pipeline returns: owned, serde-ready results whose spans point
//! into the original input.

use lede_gazetteer::EntityKind;
use lede_quotes::{CueClass, QuoteKind, SpeakerKind};
use serde::Serialize;

use crate::Span;

/// Everything lede found in one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The attributed statements, in document order.
    pub quotes: Vec<QuoteRecord>,
    /// The known people, places and organisations, and the people the
    /// article introduces, in order of first mention.
    pub entities: Vec<EntityRecord>,
}

/// An entity the article mentions, with every mention. Every span is a
/// byte range of the original input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRecord {
    /// A stable id: a Wikidata QID ("Q7747") or a readable one
    /// ("country:RUS"); people the article introduces who are not in the
    /// gazetteer have a document-local id ("local:yuri-ushakov").
    pub id: String,
    /// The canonical name, or the fullest name the article gives.
    pub name: String,
    /// Person, country, city, location, organization, government body, ...
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Every mention, in document order.
    pub mentions: Vec<Excerpt>,
}

/// One attributed statement. Every span is a byte range of the original
/// input, so `&input[quote.span.range()] == quote.text`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteRecord {
    /// What was said, as it stands in the input (without quote marks).
    pub text: String,
    /// Where it stands.
    #[serde(flatten)]
    pub span: Span,
    /// The quoted pieces of a direct quote its said-tag interrupts (`"We are
    /// ready," he said. "But not today."`), whose `text` is the outer extent
    /// from the first quoted word to the last; empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Excerpt>,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Who said it; `None` when no speaker can be found.
    pub speaker: Option<SpeakerRecord>,
    /// The reporting cue ("said", "according to"); `None` for a quote that
    /// continues an earlier speaker's words.
    pub cue: Option<CueRecord>,
    /// How sure the rules are, from 0 to 1.
    pub confidence: f32,
}

/// A piece of the input, with where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excerpt {
    /// The text as it stands in the input.
    pub text: String,
    /// Where it stands.
    #[serde(flatten)]
    pub span: Span,
}

/// The speaker of a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerRecord {
    /// The fullest name the article gives ("Yuri Ushakov" for "He"), or the
    /// mention itself when there is no name ("the ministry").
    pub name: String,
    /// The words at the cited position: "He", "Ushakov", "the ministry".
    pub mention: String,
    /// Where the mention stands.
    #[serde(flatten)]
    pub span: Span,
    /// A canonical id from a gazetteer, when one is known.
    pub entity: Option<String>,
    /// The role the article gives ("Kremlin adviser").
    pub role: Option<String>,
    /// Person, pronoun, organisation, document or description.
    pub kind: SpeakerKind,
}

/// The reporting cue of a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CueRecord {
    /// The cue as it stands in the input.
    pub text: String,
    /// Where it stands.
    #[serde(flatten)]
    pub span: Span,
    /// Speech, thought, document or source.
    pub class: CueClass,
}
