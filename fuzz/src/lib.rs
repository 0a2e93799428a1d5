//! What the fuzz targets share: the span checker the root tests use, and a
//! short article written for lede that exercises custom data.

use lede::gazetteer::GazetteerBuilder;
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

/// What the gazetteer targets check once a loader has read `text`: a load
/// that fails is an error and the end of it; a gazetteer that builds finds
/// mentions inside the file's own text and an article, and a pipeline
/// using it keeps the span promise.
pub fn check_loaded_gazetteer<E>(text: &str, loaded: Result<GazetteerBuilder, E>) {
    let Ok(builder) = loaded else {
        return;
    };
    let Ok(gazetteer) = builder.build() else {
        return;
    };
    for sample in [text, ARTICLE] {
        let found = gazetteer.find(sample);
        for mention in found.mentions() {
            check_span("mention", mention.span, sample);
        }
        let _ = found.entities();
    }
    let pipeline = Pipeline::builder()
        .gazetteer(gazetteer)
        .build()
        .expect("no cleaner given");
    analyze_and_check(&pipeline, ARTICLE);
    analyze_and_check(&pipeline, text);
}
