//! Sentence segmentation throughput on news text.
//!
//! Run: `cargo bench --bench sentences`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A news article written for lede, repeated to about 1 MB so the figure is
/// not dominated by setup.
fn corpus() -> String {
    let article = include_str!("data/news.txt");
    article.repeat((1 << 20) / article.len() + 1)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news", |b| b.iter(|| lede::text::sentences(black_box(&text)).count()));
    group.bench_function("paragraphs", |b| {
        b.iter(|| lede::text::paragraphs(black_box(&text), lede::text::ParagraphMode::BlankLine).count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
