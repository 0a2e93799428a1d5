//! What the pipeline returns: owned, serde-ready results whose spans point
//! into the original input.

use lede_gazetteer::EntityKind;
use lede_quotes::{CueClass, QuoteKind, SpeakerKind};
use lede_topics::{ClaimKind, Feature};
use serde::Serialize;

use crate::Span;

/// Everything lede found in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// The attributed statements, in document order.
    pub quotes: Vec<QuoteRecord>,
    /// The known people, places and organisations, and the people the
    /// article introduces, in order of first mention.
    pub entities: Vec<EntityRecord>,
    /// The document's topics, best first.
    pub topics: Vec<TopicRecord>,
    /// Its claims: every quote, and the publisher's own check-worthy
    /// sentences, in document order.
    pub claims: Vec<ClaimRecord>,
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

/// A topic of the document, with the words that triggered it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicRecord {
    /// The taxonomy id: `"conflict.ukraine"`, `"sport"`.
    pub id: String,
    /// Its label: "Russia-Ukraine war".
    pub label: String,
    /// The id of the broader topic it supports (`"conflict"`); `None` for
    /// a top-level subject.
    pub parent: Option<String>,
    /// Its IPTC Media Topics code, when it has one.
    pub iptc: Option<String>,
    /// Its score (see [`lede_topics::TopicScore::score`]).
    pub score: f32,
    /// The triggers that fired, in document order.
    pub evidence: Vec<Excerpt>,
    /// Why it scored: each trigger with its weight and count, strongest
    /// first. Empty unless the pipeline explains topics
    /// ([`PipelineBuilder::explain_topics`](crate::PipelineBuilder::explain_topics)):
    /// explanations cost time and memory that most runs do not need.
    pub reasons: Vec<ReasonRecord>,
}

/// One trigger behind a topic's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReasonRecord {
    /// The trigger as the taxonomy gives it: `"ceasefire"`, `entity Q212`.
    pub trigger: String,
    /// Its weight.
    pub weight: f32,
    /// How often it fired.
    pub count: usize,
    /// The topic that owns the trigger: the topic itself, or a child that
    /// lends it evidence.
    pub topic: String,
}

/// A claim: an attributed statement, or the publisher's own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRecord {
    /// The statement, as it stands in the input.
    pub text: String,
    /// Where it stands.
    #[serde(flatten)]
    pub span: Span,
    /// Who makes it: the quote's speaker; `None` for the publisher or an
    /// unknown speaker.
    pub claimant: Option<String>,
    /// Direct, mixed, indirect, or reported (the publisher's).
    pub kind: ClaimKind,
    /// Its topic ids, best first.
    pub topics: Vec<String>,
    /// How worth checking it is, from 0 to 1.
    pub check_worthiness: f32,
    /// The features behind that score.
    pub features: Vec<Feature>,
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
    /// The id of the entity the speaker is, as in [`Analysis::entities`]:
    /// a canonical id from the gazetteer ("Q7747"), or the document-local
    /// id of a person the article introduces ("local:yuri-ushakov").
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
