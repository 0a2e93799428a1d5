//! Entity matching: building the default gazetteer's automaton, and
//! finding entities (automaton pass, case and ambiguity rules, offices,
//! people, surname linking) with the default gazetteer and with a
//! 100,000-entry synthetic one, one article per call.
//!
//! Run: `cargo bench --bench gazetteer -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::gazetteer::Gazetteer;
use std::hint::black_box;

/// News articles written for lede.
const ARTICLES: [(&str, &str); 2] = [
    ("news", include_str!("data/news.txt")),
    ("leaders-call", include_str!("../examples/data/leaders-call.txt")),
];

/// A TSV gazetteer of `n` invented people and organisations with
/// plausible names made of syllables (a family name spelling out the
/// entry's number, so names are unique; a given name from a fixed
/// pseudo-random sequence), each with an alias, so that the automaton is
/// as large as a real one of that size.
fn synthetic_tsv(n: usize) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "ren", "mo", "li", "tas", "ve", "dor", "an", "si", "bel", "ru", "mi", "os", "ta", "vin", "el", "go",
        "ra", "nu", "pe", "lor", "za", "ich", "om",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut word = |syllables: usize| {
        let mut w = String::new();
        for _ in 0..syllables {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            w.push_str(SYLLABLES[(state % SYLLABLES.len() as u64) as usize]);
        }
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    let family = |mut i: usize| {
        let mut w = String::from("Ve");
        for _ in 0..4 {
            w.push_str(SYLLABLES[i % SYLLABLES.len()]);
            i /= SYLLABLES.len();
        }
        w
    };
    let mut tsv = String::with_capacity(n * 60);
    for i in 0..n {
        let (given, family) = (word(2), family(i));
        if i % 3 == 0 {
            tsv.push_str(&format!("org:s{i}\torganization\t{family} Group\t{family} Holdings\n"));
        } else {
            tsv.push_str(&format!(
                "person:s{i}\tperson\t{given} {family}\t{given} {family} Jr.\n"
            ));
        }
    }
    tsv
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.bench_function("build/default", |b| {
        b.iter(|| Gazetteer::builder().with_default().build().map(|g| g.len()))
    });
    let default = Gazetteer::default();
    let synthetic = Gazetteer::builder()
        .add_tsv("synthetic.tsv", &synthetic_tsv(100_000))
        .and_then(|b| b.build())
        .expect("the synthetic gazetteer builds");
    for (name, article) in ARTICLES {
        // About 1 MB per iteration.
        let copies = (1 << 20) / article.len() + 1;
        group.throughput(Throughput::Bytes((copies * article.len()) as u64));
        for (gazetteer_name, gazetteer) in [("default", &default), ("synthetic-100k", &synthetic)] {
            group.bench_function(format!("find/{gazetteer_name}/{name}"), |b| {
                b.iter(|| {
                    (0..copies)
                        .map(|_| gazetteer.find(black_box(article)).mentions().len())
                        .sum::<usize>()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
