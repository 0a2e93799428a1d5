//! The pipeline: clean, then known entities, who said what, topics and
//! claims, with every span mapped back to the original input.

use lede_clean::{CleanError, Cleaned, Cleaner};
use lede_gazetteer::Gazetteer;
use lede_quotes::{find_quotes_with_hints, Quote, QuoteKind};
use lede_topics::{find_claims, ClaimKind, Statement, Tagging, Taxonomy};

use crate::analysis::{
    Analysis, ClaimRecord, CueRecord, Excerpt, QuoteRecord, ReasonRecord, SpeakerRecord, TopicRecord,
};
use crate::entities::{enrich_speaker, entity_records};
use crate::Span;

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
}

impl Pipeline {
    /// A builder to configure the stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Analyses one document.
    pub fn analyze(&self, text: &str) -> Analysis {
        let cleaned = self.cleaner.clean(text);
        let entities_found = self.gazetteer.find(&cleaned.text);
        let hints = entities_found.hints();
        let found = find_quotes_with_hints(&cleaned.text, &hints);
        let longest = entities_found
            .mentions()
            .iter()
            .map(|m| m.span.len())
            .max()
            .unwrap_or(0);
        let quotes: Vec<QuoteRecord> = found
            .iter()
            .map(|quote| {
                let mut record = quote_record(quote, &cleaned, text);
                if let Some(s) = quote.speaker {
                    enrich_speaker(&mut record, &entities_found, longest, s.mention, s.name, s.hint);
                }
                record
            })
            .collect();
        // Every quote is a claim, made by its speaker as the quote record
        // names them (the canonical or fullest name, else the mention).
        let statements: Vec<Statement> = found
            .iter()
            .zip(&quotes)
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
        // The gazetteer's mentions are entity triggers ("Zelensky" supports
        // the Ukraine war) and named entities in check-worthiness.
        let tagging = self.taxonomy.tag_with_names(&cleaned.text, &hints);
        let topics = topic_records(&tagging, &cleaned, text);
        let mut claims: Vec<ClaimRecord> = find_claims(&cleaned.text, &tagging, &statements, &hints)
            .into_iter()
            .map(|claim| {
                let (span, content) = original(&cleaned, text, claim.span);
                ClaimRecord {
                    text: content,
                    span,
                    claimant: claim.claimant.map(str::to_string),
                    kind: claim.kind,
                    topics: claim
                        .topics
                        .iter()
                        .map(|&t| self.taxonomy.topic(t).id.clone())
                        .collect(),
                    check_worthiness: claim.check_worthiness,
                    features: claim.features,
                }
            })
            .collect();
        claims.sort_by_key(|c| c.span);
        let entities = entity_records(&entities_found, &cleaned, text);
        Analysis {
            quotes,
            entities,
            topics,
            claims,
        }
    }
}

/// A quote of the clean text as a record of the input.
fn quote_record(quote: &Quote, cleaned: &Cleaned, input: &str) -> QuoteRecord {
    let back = |span: Span| original(cleaned, input, span);
    let speaker = quote.speaker.map(|s| {
        let mention = back(s.mention);
        SpeakerRecord {
            name: s.name.map_or(mention.1.clone(), |n| back(n).1),
            mention: mention.1,
            span: mention.0,
            entity: None,
            role: s.role.map(|r| back(r).1),
            kind: s.kind,
        }
    });
    let cue = quote.cue.zip(quote.cue_class).map(|(span, class)| {
        let (span, text) = back(span);
        CueRecord { text, span, class }
    });
    let (span, text) = back(quote.content);
    let parts = quote
        .parts
        .iter()
        .map(|&part| {
            let (span, text) = back(part);
            Excerpt { text, span }
        })
        .collect();
    QuoteRecord {
        text,
        span,
        parts,
        kind: quote.kind,
        speaker,
        cue,
        confidence: quote.confidence,
    }
}

/// The reported topics of a tagging, with evidence mapped to the input.
fn topic_records(tagging: &Tagging, cleaned: &Cleaned, input: &str) -> Vec<TopicRecord> {
    let taxonomy = tagging.taxonomy();
    tagging
        .topics()
        .iter()
        .map(|score| {
            let topic = taxonomy.topic(score.topic);
            let mut spans: Vec<Span> = score
                .evidence
                .iter()
                .flat_map(|e| [Some(e.span), e.partner].into_iter().flatten())
                .collect();
            spans.sort_unstable();
            spans.dedup();
            TopicRecord {
                id: topic.id.clone(),
                label: topic.label.clone(),
                parent: topic.parent.map(|p| taxonomy.topic(p).id.clone()),
                iptc: topic.iptc.clone(),
                score: score.score,
                evidence: spans
                    .into_iter()
                    .map(|span| {
                        let (span, text) = original(cleaned, input, span);
                        Excerpt { text, span }
                    })
                    .collect(),
                reasons: score
                    .reasons(taxonomy)
                    .into_iter()
                    .map(|r| ReasonRecord {
                        trigger: r.description,
                        weight: r.weight,
                        count: r.count,
                        topic: taxonomy.topic(r.topic).id.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A span of the clean text as a span of the input, with its text.
pub(crate) fn original(cleaned: &Cleaned, input: &str, span: Span) -> (Span, String) {
    let span = cleaned.original_span(span);
    (span, input[span.range()].to_string())
}

/// Configures a [`Pipeline`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    cleaner: Option<Cleaner>,
    gazetteer: Option<Gazetteer>,
    taxonomy: Option<Taxonomy>,
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

    /// Builds the pipeline.
    pub fn build(self) -> Result<Pipeline, CleanError> {
        Ok(Pipeline {
            cleaner: self.cleaner.unwrap_or_default(),
            gazetteer: self.gazetteer.unwrap_or_default(),
            taxonomy: self.taxonomy.unwrap_or_default(),
        })
    }
}
