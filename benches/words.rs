//! Word tokenisation throughput on news text.
//!
//! Run: `cargo bench --bench words`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn corpus() -> String {
    let article = include_str!("data/news.txt");
    article.repeat((1 << 20) / article.len() + 1)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("words");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news", |b| b.iter(|| lede::text::words(black_box(&text)).count()));
    group.bench_function("title_case_runs", |b| {
        b.iter(|| lede::text::title_case_runs(black_box(&text)).count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
