//! Clean a scraped article and list its sentences with their byte offsets in
//! the ORIGINAL text, as every lede result is reported.
//!
//! Run: `cargo run --example sentences -- article.txt` (or with no file, on a
//! short scraped article written for this example).

use std::error::Error;

use lede::clean::Cleaner;
use lede::text::sentences;

const SAMPLE: &str = "Brussels agrees new tariff timetable (Watch Video)\n\n\
BRUSSELS (Wire) - European Union trade ministers agreed on Friday to delay \
the new steel tariffs until Jan. 1, giving U.S. negotiators another month.\n\n\
Advertisement\n\n\
\"We have bought time, not a solution,\" said Commissioner Anna Lindqvist. \
\"The next four weeks decide it.\"\n\n\
Read also| Steel prices fall to a two-year low";

fn main() -> Result<(), Box<dyn Error>> {
    let raw = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => SAMPLE.to_string(),
    };
    let cleaned = Cleaner::default().clean(&raw);
    for removal in &cleaned.removed {
        println!(
            "removed {:>12}: {:?}",
            removal.family.name(),
            &raw[removal.span.range()]
        );
    }
    for (n, sentence) in sentences(&cleaned.text).enumerate() {
        // Sentences are found on the clean text; the offset map takes each
        // one back to the bytes of the input it came from.
        let original = cleaned.original_span(sentence);
        println!(
            "{:>3} {:>5}..{:<5} {}",
            n + 1,
            original.start,
            original.end,
            sentence.slice(&cleaned.text)
        );
    }
    Ok(())
}
