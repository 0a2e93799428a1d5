//! The pipeline: clean, then find who said what, with every span mapped
//! back to the original input.

use lede_clean::{CleanError, Cleaned, Cleaner};
use lede_gazetteer::Gazetteer;
use lede_quotes::find_quotes_with_hints;

use crate::analysis::{Analysis, CueRecord, Excerpt, QuoteRecord, SpeakerRecord};
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
}

impl Pipeline {
    /// A builder to configure the stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Analyses one document.
    pub fn analyze(&self, text: &str) -> Analysis {
        let cleaned = self.cleaner.clean(text);
        let found = self.gazetteer.find(&cleaned.text);
        let hints = found.hints();
        let quotes = find_quotes_with_hints(&cleaned.text, &hints)
            .into_iter()
            .map(|quote| {
                let speaker_spans = quote.speaker.map(|s| (s.mention, s.name, s.hint));
                let back = |span: Span| original(&cleaned, text, span);
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
                let (span, content) = back(quote.content);
                let parts = quote
                    .parts
                    .iter()
                    .map(|&part| {
                        let (span, text) = back(part);
                        Excerpt { text, span }
                    })
                    .collect();
                let mut record = QuoteRecord {
                    text: content,
                    span,
                    parts,
                    kind: quote.kind,
                    speaker,
                    cue,
                    confidence: quote.confidence,
                };
                if let Some((mention, name, hint)) = speaker_spans {
                    enrich_speaker(&mut record, &found, mention, name, hint);
                }
                record
            })
            .collect();
        let entities = entity_records(&found, &cleaned, text);
        Analysis { quotes, entities }
    }
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

    /// Builds the pipeline.
    pub fn build(self) -> Result<Pipeline, CleanError> {
        Ok(Pipeline {
            cleaner: self.cleaner.unwrap_or_default(),
            gazetteer: self.gazetteer.unwrap_or_default(),
        })
    }
}
