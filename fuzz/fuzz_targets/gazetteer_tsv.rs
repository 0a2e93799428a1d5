//! The TSV gazetteer loader on arbitrary text: a load either fails with an
//! error or builds a gazetteer, never panics; a gazetteer that builds finds
//! entities in the file's own text and in an article, and the pipeline that
//! uses it keeps its span promise.

#![no_main]

use lede::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    lede_fuzz::check_loaded_gazetteer(text, Gazetteer::builder().add_tsv("fuzz.tsv", text));
});
