//! Attribution throughput: quotes alone (`lede_quotes::find_quotes` on
//! clean text) and the whole pipeline (`Pipeline::analyze`: cleaning, then
//! attribution, spans mapped back), one article per call as documents
//! arrive in practice.
//!
//! Run: `cargo bench --bench quotes`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::quotes::find_quotes;
use lede::Pipeline;
use std::hint::black_box;

/// News articles written for lede: a wire report (also typeset with curly
/// quotes, as most publishers print it) and a leaders'-call story with
/// boilerplate.
const ARTICLES: [(&str, &str); 3] = [
    ("news", include_str!("data/news.txt")),
    ("news-typeset", include_str!("data/news-typeset.txt")),
    ("leaders-call", include_str!("../examples/data/leaders-call.txt")),
];

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let mut group = c.benchmark_group("quotes");
    for (name, article) in ARTICLES {
        // About 1 MB per iteration.
        let copies = (1 << 20) / article.len() + 1;
        group.throughput(Throughput::Bytes((copies * article.len()) as u64));
        group.bench_function(format!("find_quotes/{name}"), |b| {
            b.iter(|| {
                (0..copies)
                    .map(|_| find_quotes(black_box(article)).len())
                    .sum::<usize>()
            })
        });
        group.bench_function(format!("pipeline/{name}"), |b| {
            b.iter(|| {
                (0..copies)
                    .map(|_| pipeline.analyze(black_box(article)).quotes.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
