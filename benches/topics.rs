//! Topic tagging throughput with the default taxonomy: one pass of the
//! phrase matcher's word table, then scoring, one article per call.
//!
//! Run: `cargo bench --bench topics`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::topics::Taxonomy;
use std::hint::black_box;

/// News articles written for lede.
const ARTICLES: [(&str, &str); 2] = [
    ("news", include_str!("data/news.txt")),
    ("leaders-call", include_str!("../examples/data/leaders-call.txt")),
];

fn bench(c: &mut Criterion) {
    let taxonomy = Taxonomy::default();
    let mut group = c.benchmark_group("topics");
    for (name, article) in ARTICLES {
        // About 1 MB per iteration.
        let copies = (1 << 20) / article.len() + 1;
        group.throughput(Throughput::Bytes((copies * article.len()) as u64));
        group.bench_function(format!("tag/{name}"), |b| {
            b.iter(|| {
                (0..copies)
                    .map(|_| taxonomy.tag(black_box(article)).topics().len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
