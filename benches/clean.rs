//! Cleaning throughput on scraped news text (boilerplate included) and on
//! already-clean news text, with straight and with typographic quotes.
//!
//! Run: `cargo bench --bench clean`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::clean::Cleaner;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let cleaner = Cleaner::default();
    let mut group = c.benchmark_group("clean");
    for (name, article) in [
        ("scraped", include_str!("data/scraped.txt")),
        ("news", include_str!("data/news.txt")),
        // The same article set with typographic quotes, as most publishers
        // print it: lines that open with a curly quote once took the
        // boilerplate search off its fast path.
        ("news-typeset", include_str!("data/news-typeset.txt")),
    ] {
        // One article per call, as documents arrive in practice; about 1 MB
        // per iteration.
        let copies = (1 << 20) / article.len() + 1;
        group.throughput(Throughput::Bytes((copies * article.len()) as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                (0..copies)
                    .map(|_| cleaner.clean(black_box(article)).text.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
