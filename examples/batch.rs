//! A corpus through the pipeline from Rust, in parallel: JSON Lines of
//! `{"id", "text"}` in, one analysis per line out, in input order.
//!
//! Run: `cargo run --release --example batch -- corpus.jsonl > out.jsonl`
//! (with no file: standard input). Reads a bounded batch at a time, so
//! memory stays flat however large the corpus; one `Pipeline` is shared by
//! every thread.

use std::error::Error;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use lede::{Analysis, Pipeline};
use rayon::prelude::*;
use serde::Deserialize;

/// Records analysed at once: enough to keep every core busy, few enough
/// to keep memory small.
const BATCH: usize = 256;

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
}

#[derive(serde::Serialize)]
struct Output<'a> {
    id: &'a str,
    #[serde(flatten)]
    analysis: Analysis,
}

fn main() -> Result<(), Box<dyn Error>> {
    let input: Box<dyn BufRead> = match std::env::args_os().nth(1) {
        Some(path) => Box::new(BufReader::new(std::fs::File::open(path)?)),
        None => Box::new(io::stdin().lock()),
    };
    let pipeline = Pipeline::default();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut lines = input.lines().enumerate();
    loop {
        // A bad line is reported with its number and skipped; good ones go on.
        let mut batch = Vec::with_capacity(BATCH);
        for (number, line) in lines.by_ref().take(BATCH) {
            match serde_json::from_str::<Record>(&line?) {
                Ok(record) => batch.push(record),
                Err(error) => eprintln!("line {}: {error}", number + 1),
            }
        }
        if batch.is_empty() {
            break;
        }
        // `par_iter` keeps the order of `batch` in the collected results.
        let analyses: Vec<Analysis> = batch.par_iter().map(|r| pipeline.analyze(&r.text)).collect();
        for (record, analysis) in batch.iter().zip(analyses) {
            serde_json::to_writer(
                &mut out,
                &Output {
                    id: &record.id,
                    analysis,
                },
            )?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}
