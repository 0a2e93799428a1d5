//! Golden cases from `tests/data/`: section paragraphs, whose best-scoring
//! top-level subject must be their section's (at the floor below), and
//! topic cases, whose expected topics, evidence and absences are checked
//! one by one.
//!
//! `LEDE_TOPICS_PRINT=1 cargo test -p lede-topics --test golden -- --nocapture`
//! prints each case's topics with their explanations.

use lede_topics::{Tagging, Taxonomy};
use serde::Deserialize;

/// Share of section paragraphs whose best subject must be right.
const SUBJECT_FLOOR: f64 = 0.9;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    subject: Option<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
}

fn cases(source: &str) -> Vec<Case> {
    toml::from_str::<Cases>(source).expect("golden cases parse").case
}

fn ids<'t>(taxonomy: &'t Taxonomy, tagging: &Tagging) -> Vec<&'t str> {
    tagging
        .topics()
        .iter()
        .map(|t| taxonomy.topic(t.topic).id.as_str())
        .collect()
}

fn print(case: &Case, tagging: &Tagging) {
    if std::env::var_os("LEDE_TOPICS_PRINT").is_some() {
        println!("== {}\n{}", case.name, tagging.explain());
    }
}

#[test]
fn section_paragraphs_get_their_subject() {
    let taxonomy = Taxonomy::default();
    let cases = cases(include_str!("data/sections.toml"));
    let mut misses = Vec::new();
    for case in &cases {
        let tagging = taxonomy.tag(&case.text);
        print(case, &tagging);
        let expected = case.subject.as_deref().expect("section cases name their subject");
        assert!(
            taxonomy.find(expected).is_some(),
            "{}: unknown subject {expected}",
            case.name
        );
        let got = tagging.subject().map(|t| taxonomy.topic(t).id.as_str());
        if got != Some(expected) {
            misses.push(format!("{}: expected {expected}, got {got:?}", case.name));
        }
    }
    let rate = 1.0 - misses.len() as f64 / cases.len() as f64;
    println!(
        "subject hit rate: {}/{} ({:.0}%)",
        cases.len() - misses.len(),
        cases.len(),
        rate * 100.0
    );
    for miss in &misses {
        println!("miss: {miss}");
    }
    assert!(cases.len() >= 40, "at least 8 paragraphs for each of 5 sections");
    assert!(
        rate >= SUBJECT_FLOOR,
        "subject hit rate {rate:.2} below {SUBJECT_FLOOR}: {misses:#?}"
    );
}

#[test]
fn topic_cases() {
    let taxonomy = Taxonomy::default();
    let mut failures = Vec::new();
    for case in cases(include_str!("data/topics.toml")) {
        let tagging = taxonomy.tag(&case.text);
        print(&case, &tagging);
        let found = ids(&taxonomy, &tagging);
        for topic in &case.topics {
            assert!(taxonomy.find(topic).is_some(), "{}: unknown topic {topic}", case.name);
            if !found.contains(&topic.as_str()) {
                failures.push(format!("{}: {topic} not reported (found {found:?})", case.name));
            }
        }
        for topic in &case.absent {
            assert!(taxonomy.find(topic).is_some(), "{}: unknown topic {topic}", case.name);
            if found.contains(&topic.as_str()) {
                failures.push(format!("{}: {topic} reported", case.name));
            }
        }
        // Compared with single spaces: the texts are wrapped.
        let evidence: Vec<String> = tagging
            .topics()
            .iter()
            .flat_map(|t| &t.evidence)
            .flat_map(|e| [Some(e.span), e.partner].into_iter().flatten())
            .map(|span| case.text[span.range()].split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        for words in &case.evidence {
            if !evidence.contains(words) {
                failures.push(format!("{}: no evidence {words:?} (evidence {evidence:?})", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
