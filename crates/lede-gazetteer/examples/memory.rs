//! Builds the default gazetteer and prints its size: entities, automaton
//! patterns, and approximate heap bytes. With `/usr/bin/time -v`, compare
//! the peak resident set against `-- none`, which builds nothing.
//!
//! Run: `cargo run --release -p lede-gazetteer --example memory`

use lede_gazetteer::Gazetteer;

fn main() -> Result<(), lede_gazetteer::GazetteerError> {
    if std::env::args().nth(1).as_deref() == Some("none") {
        println!("built nothing");
        return Ok(());
    }
    let started = std::time::Instant::now();
    let gazetteer = Gazetteer::embedded()?;
    let elapsed = started.elapsed();
    println!(
        "{} entities, {} patterns, about {:.2} MB on the heap, parsed and built in {:.1} ms",
        gazetteer.len(),
        gazetteer.pattern_count(),
        gazetteer.heap_bytes() as f64 / 1e6,
        elapsed.as_secs_f64() * 1e3
    );
    Ok(())
}
