//! Matches the bench articles many times with the default gazetteer, for
//! instruction counts: `valgrind --tool=callgrind` on this example gives
//! the cost per byte (Ir / bytes printed), steadier than wall-clock time on
//! a shared machine.
//!
//! Run: `cargo build --release -p lede-gazetteer --example throughput &&
//! valgrind --tool=callgrind target/release/examples/throughput [news|leaders-call] [rounds]`

use lede_gazetteer::Gazetteer;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "news".to_string());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(300);
    let text = match which.as_str() {
        "leaders-call" => include_str!("../../../examples/data/leaders-call.txt"),
        _ => include_str!("../../../benches/data/news.txt"),
    };
    let gazetteer = Gazetteer::default();
    // Build (and fault in) everything once before counting.
    let warm = gazetteer.find(text).mentions().len();
    let started = std::time::Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        mentions += gazetteer.find(black_box(text)).mentions().len();
    }
    let elapsed = started.elapsed();
    println!(
        "{which}: {warm} mentions per pass, {} bytes matched ({mentions} mentions), {:.0} MiB/s",
        rounds * text.len(),
        (rounds * text.len()) as f64 / elapsed.as_secs_f64() / (1 << 20) as f64
    );
}
