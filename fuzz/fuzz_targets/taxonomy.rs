//! The taxonomy loader (TOML) on arbitrary text: a file either fails with
//! an error or builds a taxonomy, never panics; a taxonomy that builds tags
//! the file's own text and an article with evidence inside them, and the
//! pipeline that uses it keeps its span promise.

#![no_main]

use lede::{Pipeline, Taxonomy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(taxonomy) = Taxonomy::from_toml(text, "fuzz.toml") else {
        return;
    };
    for sample in [text, lede_fuzz::ARTICLE] {
        let tagging = taxonomy.tag(sample);
        for evidence in tagging.evidence() {
            lede_fuzz::check_span("evidence", evidence.span, sample);
            if let Some(partner) = evidence.partner {
                lede_fuzz::check_span("partner", partner, sample);
            }
        }
        for score in tagging.topics() {
            let _ = taxonomy.root(score.topic);
            let _ = score.reasons(&taxonomy);
        }
        let _ = tagging.explain();
        let _ = tagging.sentences(sample);
    }
    let pipeline = Pipeline::builder()
        .taxonomy(taxonomy)
        .build()
        .expect("no cleaner given");
    lede_fuzz::analyze_and_check(&pipeline, lede_fuzz::ARTICLE);
    lede_fuzz::analyze_and_check(&pipeline, text);
});
