//! The whole pipeline on arbitrary bytes (read as UTF-8, invalid sequences
//! replaced as `lede --lossy` does): no panic, and every span lies on char
//! boundaries of the input and slices to the text its record claims.

#![no_main]

use std::sync::LazyLock;

use lede::Pipeline;
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::default);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    lede_fuzz::analyze_and_check(&PIPELINE, &text);
});
