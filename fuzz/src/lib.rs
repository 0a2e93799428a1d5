//! What the fuzz targets share: the span checker the root tests use, and a
//! short article written for lede that exercises custom data.

use lede::{Pipeline, Span};

#[path = "../../tests/support/mod.rs"]
mod support;

/// A news-style article written for lede: quotes, cues, a pronoun speaker,
/// country and organisation names a custom gazetteer or taxonomy may hit.
pub const ARTICLE: &str = "Foreign Minister Ana Ruiz said on Monday that talks with Valdoria would \
resume in Geneva.\n\n\u{201c}We are ready to sign,\u{201d} Ruiz told reporters. She added that the \
central bank had raised interest rates, and the ministry said the ceasefire \"would hold.\"\n\n\
According to NATO, the exchange of prisoners will take place next week.";

/// Analyses `text` with `pipeline` and panics, naming the record, if a
/// span breaks the promise every result makes.
pub fn analyze_and_check(pipeline: &Pipeline, text: &str) {
    let analysis = pipeline.analyze(text);
    if let Err(error) = support::check(text, &analysis) {
        panic!("{error}\n  in {text:?}");
    }
}

/// Panics unless `span` is a span of `text` on char boundaries.
pub fn check_span(what: &str, span: Span, text: &str) {
    assert!(
        span.is_valid_for(text),
        "{what}: {span:?} is not a valid span of {text:?}"
    );
}
