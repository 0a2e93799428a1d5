//! The pipeline: clean, then known entities, who said what, topics and
//! claims, with every span mapped back to the original input.

use lede_clean::{CleanError, Cleaned, Cleaner};
use lede_gazetteer::{DocEntities, Gazetteer};
use lede_quotes::{find_quotes_in_sentences, Quote, QuoteKind};
use lede_text::sentences;
use lede_topics::{find_claims_in_sentences, ClaimKind, Statement, Tagging, Taxonomy};

use crate::analysis::{Analysis, ClaimRecord, CueRecord, Excerpt, QuoteRecord, ReasonRecord, TopicRecord};
use crate::entities::{entity_records, speaker_record};
use crate::sections::Sections;
use crate::text::NameHint;
use crate::{OffsetMap, Span};

/// Runs every lede stage over a document. Built once and shared: a
/// `Pipeline` is immutable, `Send` and `Sync`, and analysing never fails.
///
/// ```
/// use lede::{Pipeline, QuoteKind};
///
/// let text = "Kremlin adviser Yuri Ushakov spoke to reporters.\n\n\
///             Advertisement\n\n\
///             \u{201C}The conversation was frank,\u{201D} Ushakov said. \
///             He expounded that both sides wanted a summit.";
/// let analysis = Pipeline::default().analyze(text);
/// let first = &analysis.quotes[0];
/// assert_eq!(first.text, "The conversation was frank,");
/// assert_eq!(first.kind, QuoteKind::Direct);
/// let speaker = first.speaker.as_ref().unwrap();
/// assert_eq!((speaker.name.as_str(), speaker.mention.as_str()), ("Yuri Ushakov", "Ushakov"));
/// assert_eq!(speaker.role.as_deref(), Some("Kremlin adviser"));
/// // Spans point into the input, boilerplate and all.
/// assert_eq!(&text[first.span.range()], first.text);
/// let second = &analysis.quotes[1];
/// assert_eq!(second.text, "both sides wanted a summit");
/// assert_eq!(second.speaker.as_ref().unwrap().name, "Yuri Ushakov");
/// // Known entities, with canonical ids.
/// let kremlin = &analysis.entities[0];
/// assert_eq!((kremlin.id.as_str(), kremlin.mentions[0].text.as_str()), ("gov:kremlin", "Kremlin"));
/// assert_eq!(second.speaker.as_ref().unwrap().entity.as_deref(), Some("person:yuri-ushakov"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Pipeline {
    cleaner: Cleaner,
    gazetteer: Gazetteer,
    taxonomy: Taxonomy,
    sections: Sections,
    explain_topics: bool,
}

impl Pipeline {
    /// A builder to configure the stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The sections [`Pipeline::analyze`] fills.
    pub fn sections(&self) -> Sections {
        self.sections
    }

    /// Whether [`Pipeline::analyze`] fills each topic's `reasons` (see
    /// [`PipelineBuilder::explain_topics`]).
    pub fn explains_topics(&self) -> bool {
        self.explain_topics
    }

    /// Analyses one document, filling the sections this pipeline was
    /// built with (all of them by default).
    pub fn analyze(&self, text: &str) -> Analysis {
        let wanted = self.sections;
        let mut analysis = Analysis::default();
        let cleaned = self.cleaner.clean(text);
        if wanted == Sections::NONE {
            return analysis;
        }
        let origin = Origin::new(&cleaned, text);
        // Every section uses the gazetteer: entities report it, quotes
        // link speakers to it, topics and claims count its names.
        let entities_found = self.gazetteer.find(&cleaned.text);
        let hints = entities_found.hints();
        if wanted.contains(Sections::ENTITIES) {
            analysis.entities = entity_records(&entities_found, &origin);
        }
        if !wanted.intersects(Sections::QUOTES | Sections::CLAIMS | Sections::TOPICS) {
            return analysis;
        }
        // Claims are made of quotes, so they need them even when the
        // quotes section is off; both read the same sentences, split once.
        let (split, found) = if wanted.intersects(Sections::QUOTES | Sections::CLAIMS) {
            let split: Vec<Span> = sentences(&cleaned.text).collect();
            let found = find_quotes_in_sentences(&cleaned.text, &split, &hints);
            (split, found)
        } else {
            (Vec::new(), Vec::new())
        };
        let quotes: Vec<QuoteRecord> = found
            .iter()
            .map(|quote| quote_record(quote, &entities_found, &origin))
            .collect();
        // The gazetteer's mentions are entity triggers ("Zelensky" supports
        // the Ukraine war) and named entities in check-worthiness.
        let tagging = self.taxonomy.tag_with_names(&cleaned.text, &hints);
        if wanted.contains(Sections::TOPICS) {
            analysis.topics = topic_records(&tagging, &origin, self.explain_topics);
        }
        if wanted.contains(Sections::CLAIMS) {
            analysis.claims = claim_records(&found, &quotes, &tagging, &hints, &split, &cleaned.text, &origin);
        }
        if wanted.contains(Sections::QUOTES) {
            analysis.quotes = quotes;
        }
        analysis
    }
}

/// Every quote as a claim made by its speaker as the quote record names
/// them (the canonical or fullest name, else the mention), and the
/// publisher's own check-worthy sentences, in text order.
fn claim_records(
    found: &[Quote],
    quotes: &[QuoteRecord],
    tagging: &Tagging,
    hints: &[NameHint],
    sentences: &[Span],
    text: &str,
    origin: &Origin,
) -> Vec<ClaimRecord> {
    let statements: Vec<Statement> = found
        .iter()
        .zip(quotes)
        .map(|(quote, record)| Statement {
            span: quote.content,
            claimant: record.speaker.as_ref().map(|s| s.name.as_str()),
            kind: match quote.kind {
                QuoteKind::Direct => ClaimKind::Direct,
                QuoteKind::Mixed => ClaimKind::Mixed,
                QuoteKind::Indirect => ClaimKind::Indirect,
            },
        })
        .collect();
    let taxonomy = tagging.taxonomy();
    // The quotes' claims come first and in the quotes' order: each takes
    // its quote record's span and text rather than mapping them again.
    let mut next_quote = 0;
    let mut claims: Vec<ClaimRecord> = find_claims_in_sentences(text, sentences, tagging, &statements, hints)
        .into_iter()
        .map(|claim| {
            let (span, text) = match found.get(next_quote).zip(quotes.get(next_quote)) {
                Some((quote, record)) if quote.content == claim.span => {
                    next_quote += 1;
                    (record.span, record.text.clone())
                }
                _ => origin.text(claim.span),
            };
            ClaimRecord {
                text,
                span,
                claimant: claim.claimant.map(str::to_string),
                kind: claim.kind,
                topics: claim.topics.iter().map(|&t| taxonomy.topic(t).id.clone()).collect(),
                check_worthiness: claim.check_worthiness,
                features: claim.features,
            }
        })
        .collect();
    claims.sort_by_key(|c| c.span);
    claims
}

/// A quote of the clean text as a record of the input.
fn quote_record(quote: &Quote, found: &DocEntities, origin: &Origin) -> QuoteRecord {
    let (span, text) = origin.text(quote.content);
    QuoteRecord {
        text,
        span,
        parts: quote.parts.iter().map(|&part| origin.excerpt(part)).collect(),
        kind: quote.kind,
        speaker: quote.speaker.as_ref().map(|s| speaker_record(s, found, origin)),
        cue: quote.cue.zip(quote.cue_class).map(|(span, class)| {
            let (span, text) = origin.text(span);
            CueRecord { text, span, class }
        }),
        confidence: quote.confidence,
    }
}

/// The reported topics of a tagging, with evidence mapped to the input and,
/// if `explain`, the reasons they scored.
fn topic_records(tagging: &Tagging, origin: &Origin, explain: bool) -> Vec<TopicRecord> {
    let taxonomy = tagging.taxonomy();
    // One buffer for every topic's evidence spans.
    let mut spans: Vec<Span> = Vec::new();
    tagging
        .topics()
        .iter()
        .map(|score| {
            let topic = taxonomy.topic(score.topic);
            spans.clear();
            spans.extend(
                score
                    .evidence
                    .iter()
                    .flat_map(|e| [Some(e.span), e.partner].into_iter().flatten()),
            );
            spans.sort_unstable();
            spans.dedup();
            TopicRecord {
                id: topic.id.clone(),
                label: topic.label.clone(),
                parent: topic.parent.map(|p| taxonomy.topic(p).id.clone()),
                iptc: topic.iptc.clone(),
                score: score.score,
                evidence: spans.iter().map(|&span| origin.excerpt(span)).collect(),
                reasons: if !explain {
                    Vec::new()
                } else {
                    score
                        .reasons(taxonomy)
                        .into_iter()
                        .map(|r| ReasonRecord {
                            trigger: r.description.to_string(),
                            weight: r.weight,
                            count: r.count,
                            topic: taxonomy.topic(r.topic).id.clone(),
                        })
                        .collect()
                },
            }
        })
        .collect()
}

/// Where spans of the clean text stand in the input, and their text there.
pub(crate) struct Origin<'a> {
    map: &'a OffsetMap,
    input: &'a str,
}

impl<'a> Origin<'a> {
    pub(crate) fn new(cleaned: &'a Cleaned, input: &'a str) -> Origin<'a> {
        Origin {
            map: &cleaned.map,
            input,
        }
    }

    /// The span of the input that `span` of the clean text came from.
    pub(crate) fn span(&self, span: Span) -> Span {
        self.map.map_span(span)
    }

    /// The span of the input that `span` of the clean text came from, with
    /// its text.
    pub(crate) fn text(&self, span: Span) -> (Span, String) {
        let span = self.span(span);
        (span, self.input[span.range()].to_string())
    }

    /// The excerpt of the input that `span` of the clean text came from.
    pub(crate) fn excerpt(&self, span: Span) -> Excerpt {
        let (span, text) = self.text(span);
        Excerpt { text, span }
    }
}

/// Configures a [`Pipeline`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    cleaner: Option<Cleaner>,
    gazetteer: Option<Gazetteer>,
    taxonomy: Option<Taxonomy>,
    sections: Sections,
    explain_topics: bool,
}

impl PipelineBuilder {
    /// Uses this cleaner instead of `Cleaner::default()`.
    pub fn cleaner(mut self, cleaner: Cleaner) -> PipelineBuilder {
        self.cleaner = Some(cleaner);
        self
    }

    /// Uses this gazetteer instead of the embedded default (build one with
    /// `Gazetteer::builder()` to merge your own files with the default).
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> PipelineBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Uses this topic taxonomy instead of `Taxonomy::default()` (build it
    /// with `Taxonomy::builder()`, with or without the default topics).
    pub fn taxonomy(mut self, taxonomy: Taxonomy) -> PipelineBuilder {
        self.taxonomy = Some(taxonomy);
        self
    }

    /// Fills only these sections of each [`Analysis`] and skips the stages
    /// that feed none of them (default: [`Sections::ALL`]).
    ///
    /// ```
    /// use lede::{Pipeline, Sections};
    ///
    /// let pipeline = Pipeline::builder().sections(Sections::ENTITIES).build().unwrap();
    /// let analysis = pipeline.analyze("\"We are ready,\" Ukraine's foreign minister said in Kyiv.");
    /// assert!(analysis.quotes.is_empty() && analysis.topics.is_empty());
    /// assert_eq!(analysis.entities[0].name, "Ukraine");
    /// ```
    pub fn sections(mut self, sections: Sections) -> PipelineBuilder {
        self.sections = sections;
        self
    }

    /// Fills each topic's `reasons` (which triggers fired, with their
    /// weights and counts): off by default, as `lede analyze
    /// --explain-topics` is.
    ///
    /// ```
    /// use lede::Pipeline;
    ///
    /// let text = "Kyiv and Moscow carried out a prisoner swap on Friday.";
    /// let plain = Pipeline::default().analyze(text);
    /// assert!(plain.topics.iter().all(|t| t.reasons.is_empty()));
    /// let explained = Pipeline::builder().explain_topics(true).build().unwrap().analyze(text);
    /// let swap = explained.topics.iter().find(|t| t.id == "conflict.prisoner_exchange").unwrap();
    /// assert!(swap.reasons.iter().any(|r| r.trigger.contains("prisoner")));
    /// ```
    pub fn explain_topics(mut self, explain: bool) -> PipelineBuilder {
        self.explain_topics = explain;
        self
    }

    /// Builds the pipeline.
    pub fn build(self) -> Result<Pipeline, CleanError> {
        Ok(Pipeline {
            cleaner: self.cleaner.unwrap_or_default(),
            gazetteer: self.gazetteer.unwrap_or_default(),
            taxonomy: self.taxonomy.unwrap_or_default(),
            sections: self.sections,
            explain_topics: self.explain_topics,
        })
    }
}
