//! Tags the benchmark articles many times with the default taxonomy, for
//! instruction counts under callgrind (`cargo bench` is wall-clock and
//! noisy on a shared machine):
//!
//! ```text
//! cargo build --release -p lede-topics --example tag_loop
//! valgrind --tool=callgrind target/release/examples/tag_loop 200
//! ```
//!
//! Prints the bytes tagged, so that Ir per byte is the total over it
//! (minus the one-off cost of building the taxonomy, which `0` rounds
//! measures alone). `tag_loop 200 news` tags one of the two articles.
//!
//! `tag_loop dump FILE...` prints everything tagging finds in each file
//! (evidence, topics, scores, explanation), so that a speed change can be
//! checked to change nothing: diff its output before and after.

use std::hint::black_box;

use lede_topics::Taxonomy;

const ARTICLES: [&str; 2] = [
    include_str!("../../../benches/data/news.txt"),
    include_str!("../../../examples/data/leaders-call.txt"),
];

fn main() {
    if std::env::args().nth(1).as_deref() == Some("dump") {
        dump(std::env::args().skip(2));
        return;
    }
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    // Which articles: "news", "leaders-call" or both.
    let only = std::env::args().nth(2);
    let taxonomy = Taxonomy::default();
    let mut bytes = 0;
    let mut topics = 0;
    for _ in 0..rounds {
        for (name, article) in ["news", "leaders-call"].into_iter().zip(ARTICLES) {
            if only.as_deref().is_some_and(|o| o != name) {
                continue;
            }
            topics += taxonomy.tag(black_box(article)).topics().len();
            bytes += article.len();
        }
    }
    println!("{bytes} bytes, {topics} topics");
}

fn dump(paths: impl Iterator<Item = String>) {
    let taxonomy = Taxonomy::default();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // Whole files and each paragraph, for more beginnings and ends.
        for part in std::iter::once(text.as_str()).chain(text.split("\n\n")) {
            let tagging = taxonomy.tag(part);
            println!("== {path} {}", part.len());
            println!("{:?}", tagging.evidence());
            println!("{:?}", tagging.topics());
            println!("{:?}", tagging.subject());
            println!("{}", tagging.explain());
            println!("{:?}", tagging.sentences(part));
        }
    }
}
