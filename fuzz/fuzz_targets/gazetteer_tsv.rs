//! The TSV gazetteer loader on arbitrary text: a load either fails with an
//! error or builds a gazetteer, never panics; a gazetteer that builds finds
//! entities in the file's own text and in an article, and the pipeline that
//! uses it keeps its span promise.

#![no_main]

use lede::{Gazetteer, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(builder) = Gazetteer::builder().add_tsv("fuzz.tsv", text) else {
        return;
    };
    let Ok(gazetteer) = builder.build() else {
        return;
    };
    for sample in [text, lede_fuzz::ARTICLE] {
        let found = gazetteer.find(sample);
        for mention in found.mentions() {
            lede_fuzz::check_span("mention", mention.span, sample);
        }
        let _ = found.entities();
    }
    let pipeline = Pipeline::builder()
        .gazetteer(gazetteer)
        .build()
        .expect("no cleaner given");
    lede_fuzz::analyze_and_check(&pipeline, lede_fuzz::ARTICLE);
    lede_fuzz::analyze_and_check(&pipeline, text);
});
