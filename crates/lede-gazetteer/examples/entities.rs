//! Prints the entities the default gazetteer finds in a text file, with
//! each mention, how it matched and why, then the rejected candidates.
//!
//! Run: `cargo run -p lede-gazetteer --example entities -- article.txt`

use lede_gazetteer::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: entities FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let gazetteer = Gazetteer::default();
    let found = gazetteer.find(&text);
    for entity in found.entities() {
        let role = entity.role.map(|r| format!(" ({r})")).unwrap_or_default();
        println!("{} [{}] {}{role}", entity.name, entity.kind.name(), entity.id);
        for m in &entity.mentions {
            println!(
                "    {:>6}..{:<6} {:<10} {:?}: {}",
                m.span.start,
                m.span.end,
                format!("{:?}", m.how),
                m.text(&text),
                m.reason
            );
        }
    }
    for rejected in found.rejected() {
        println!(
            "rejected {:?} {:?}: {}",
            rejected.span.slice(&text),
            found_id(&found, rejected.referent),
            rejected.reason
        );
    }
    Ok(())
}

fn found_id(found: &lede_gazetteer::DocEntities, referent: lede_gazetteer::Referent) -> String {
    found
        .mentions()
        .iter()
        .find(|m| m.referent == referent)
        .map_or_else(|| format!("{referent:?}"), |m| found.id(m).to_string())
}
