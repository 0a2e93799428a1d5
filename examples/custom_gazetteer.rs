//! Your own gazetteer beside the built-in one: load a TSV file, then see
//! which entities an article mentions and who its speakers are.
//!
//! Run: `cargo run --example custom_gazetteer -- newsroom.tsv article.txt`
//! (with no arguments: the sample gazetteer `examples/data/newsroom.tsv`
//! and a short article written for lede).

use std::error::Error;

use lede::{Gazetteer, Pipeline};

const SAMPLE_ARTICLE: &str = "PORT CITY (Wire) - Foreign Minister Ana Ruiz met NATO envoys in Brussels on Monday.\n\n\
\"The port will stay open,\" Ruiz said. Central bank governor Tomas Brenner warned that the VPA \
needed new funds, and Brenner said the Kremlin had not been consulted.";

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let tsv: std::path::PathBuf = args.next().map_or_else(
        || concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/newsroom.tsv").into(),
        Into::into,
    );
    let article = match args.next() {
        Some(path) => std::fs::read_to_string(&path)?,
        None => SAMPLE_ARTICLE.to_string(),
    };

    // Building is where errors happen (a bad line names its file, line and
    // field); the built gazetteer is shared by every analysis.
    let gazetteer = Gazetteer::builder().with_default().load_tsv(&tsv)?.build()?;
    let pipeline = Pipeline::builder().gazetteer(gazetteer).build()?;
    let analysis = pipeline.analyze(&article);

    println!("entities:");
    for entity in &analysis.entities {
        let mentions: Vec<&str> = entity.mentions.iter().map(|m| m.text.as_str()).collect();
        println!("  {:<28} {:<30} {:?}", entity.id, entity.name, mentions);
    }
    println!("\nspeakers:");
    for quote in &analysis.quotes {
        if let Some(speaker) = &quote.speaker {
            println!(
                "  {:<16} {:<28} {}",
                speaker.name,
                speaker.entity.as_deref().unwrap_or("-"),
                speaker.role.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(())
}
