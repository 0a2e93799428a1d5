//! Who said what in a news article: one row per quote, with its speaker, the
//! kind of quote and the reporting cue.
//!
//! Run: `cargo run --example who_said_what -- article.txt` (or with no file,
//! on a scraped article written for lede, boilerplate and all).

use std::error::Error;
use std::path::PathBuf;

use lede::{Pipeline, QuoteRecord};

const SAMPLE: &str = include_str!("data/leaders-call.txt");

/// Quotes longer than this many characters are cut, so a row fits a terminal.
const QUOTE_WIDTH: usize = 60;

fn main() -> Result<(), Box<dyn Error>> {
    // `args_os`, because `args` panics on a file name that is not UTF-8.
    let text = match std::env::args_os().nth(1).map(PathBuf::from) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?,
        None => SAMPLE.to_string(),
    };

    // A pipeline is built once and reused; analysing never fails on any text.
    let analysis = Pipeline::default().analyze(&text);

    let rows: Vec<[String; 4]> = analysis.quotes.iter().map(row).collect();
    let width = |col: usize| rows.iter().map(|r| r[col].chars().count()).max().unwrap_or(0);
    let (speaker_w, kind_w, cue_w) = (width(0).max(7), width(1).max(4), width(2).max(3));
    println!(
        "{:<speaker_w$}  {:<kind_w$}  {:<cue_w$}  quote",
        "speaker", "kind", "cue"
    );
    for [speaker, kind, cue, quote] in &rows {
        println!("{speaker:<speaker_w$}  {kind:<kind_w$}  {cue:<cue_w$}  {quote}");
    }

    let attributed = analysis.quotes.iter().filter(|q| q.speaker.is_some()).count();
    println!("\n{} quotes, {attributed} with a speaker", analysis.quotes.len());
    Ok(())
}

/// The printable cells of one quote: speaker, kind, cue, quote text.
fn row(quote: &QuoteRecord) -> [String; 4] {
    // The name is the fullest one the article gives; showing the words
    // actually cited ("He", "Orlov") lets a reader check the resolution.
    let speaker = match &quote.speaker {
        Some(s) if s.mention != s.name => format!("{} ({})", s.name, s.mention),
        Some(s) => s.name.clone(),
        None => "?".to_string(),
    };
    let kind = format!("{:?}", quote.kind).to_lowercase();
    let cue = quote.cue.as_ref().map_or("-".to_string(), |c| c.text.clone());
    // An interrupted quote shows its quoted pieces, not the said-tag
    // between them.
    let words = if quote.parts.is_empty() {
        quote.text.clone()
    } else {
        quote
            .parts
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    [speaker, kind, cue, truncate(&words, QUOTE_WIDTH)]
}

/// The text on one line, cut to at most `max` characters. Counting chars,
/// not bytes, keeps the cut on a char boundary for any script.
fn truncate(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max - 1).collect();
    cut.push('…');
    cut
}
