//! Topics and claims for a set of articles: the subjects each is about,
//! with the words that show it, and the statements most worth checking.
//!
//! Run: `cargo run --example topics_report -- a.txt b.txt ...` (with no
//! files: the articles written for lede's examples and benchmarks).

use std::error::Error;

use lede::Pipeline;

const SAMPLES: [(&str, &str); 2] = [
    ("leaders-call.txt", include_str!("data/leaders-call.txt")),
    ("news.txt", include_str!("../benches/data/news.txt")),
];

/// How many topics, evidence words and claims to show per article.
const TOPICS: usize = 5;
const EVIDENCE: usize = 4;
const CLAIMS: usize = 3;

fn main() -> Result<(), Box<dyn Error>> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let articles: Vec<(String, String)> = if files.is_empty() {
        SAMPLES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect()
    } else {
        files
            .into_iter()
            .map(|path| std::fs::read_to_string(&path).map(|text| (path, text)))
            .collect::<Result<_, _>>()?
    };

    let pipeline = Pipeline::default();
    for (name, text) in &articles {
        let analysis = pipeline.analyze(text);
        println!("== {name}");
        for topic in analysis.topics.iter().take(TOPICS) {
            let evidence: Vec<&str> = topic.evidence.iter().take(EVIDENCE).map(|e| e.text.as_str()).collect();
            let level = if topic.parent.is_none() { "subject" } else { "topic" };
            println!(
                "  {:5.2}  {:<7} {:<32} {}",
                topic.score,
                level,
                topic.label,
                evidence.join(", ")
            );
        }
        let mut claims: Vec<_> = analysis.claims.iter().collect();
        claims.sort_by(|a, b| b.check_worthiness.total_cmp(&a.check_worthiness));
        println!("  most check-worthy claims:");
        for claim in claims.into_iter().take(CLAIMS) {
            let claimant = claim.claimant.as_deref().unwrap_or("(the publisher)");
            let text: String = claim.text.chars().take(90).collect();
            println!("    {:.2}  {claimant}: {text}", claim.check_worthiness);
        }
        println!();
    }
    Ok(())
}
