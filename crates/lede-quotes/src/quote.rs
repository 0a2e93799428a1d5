//! What attribution produces: quotes with their cue and speaker.

use lede_text::Span;
use serde::{Deserialize, Serialize};

use crate::cues::CueClass;

/// How a statement is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The speaker's words in quotation marks: `"We are ready," he said.`
    Direct,
    /// Reported speech that includes quoted words: `adding that Trump "might
    /// get offended"`.
    Mixed,
    /// Reported speech without quotation marks: `He expounded that ...`.
    Indirect,
}

/// What kind of source a speaker mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person: "Kremlin adviser Yuri Ushakov", "Putin".
    Person,
    /// A pronoun: "he", "she", "they".
    Pronoun,
    /// A named or described organisation or body: "the ministry", "NATO".
    Organization,
    /// A document or finding: "the report", "a poll".
    Document,
    /// A description of a person or group: "a senior official", "analysts".
    Nominal,
}

/// Who a quote is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The words at the cited position: "He", "Putin", "the ministry".
    pub mention: Span,
    /// The fullest name the document gives for this speaker ("Yuri Ushakov"
    /// for "He" or "Ushakov"), when one is known.
    pub name: Option<Span>,
    /// A role given with the name: "Kremlin adviser", "the fund's first
    /// deputy managing director".
    pub role: Option<Span>,
    /// What kind of source this is.
    pub kind: SpeakerKind,
    /// The index of the name hint (given to [`find_quotes_with_hints`])
    /// that names this speaker: the hint holding the last word of the
    /// speaker's name, or, when there is no name, of the mention without
    /// its apposition or relative clause ("the ministry" of "the
    /// ministry, an arm of the European Commission,"); for a person, else
    /// a person hint inside the name. A name after "of" inside the mention
    /// ("the Communications Workers of America") names no one here. This
    /// is the only link a caller needs: a speaker without one is no known
    /// entity.
    ///
    /// [`find_quotes_with_hints`]: crate::find_quotes_with_hints
    pub hint: Option<usize>,
}

/// An attributed statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said: for a direct quote the words inside the marks. When a
    /// said-tag interrupts the statement (`"We are ready," he said. "But
    /// not today."`) the content is its outer extent, from the first quoted
    /// word to the last, as attribution corpora annotate it, and `parts`
    /// holds the quoted pieces.
    pub content: Span,
    /// The quoted pieces of an interrupted direct quote, in order; empty
    /// when the content is one piece.
    pub parts: Vec<Span>,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The reporting cue ("said", "according to"); none for a quote that
    /// continues an earlier speaker's words.
    pub cue: Option<Span>,
    /// The cue's class: speech, thought, document or source.
    pub cue_class: Option<CueClass>,
    /// Who said it, when it can be found.
    pub speaker: Option<Speaker>,
    /// How sure the rules are, from 0 to 1.
    pub confidence: f32,
}
