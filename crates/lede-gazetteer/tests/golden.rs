//! Entity matching: golden cases from `tests/data/entities.txt`, run
//! through the default gazetteer.
//!
//! `LEDE_GAZETTEER_PRINT=1 cargo test -p lede-gazetteer --test golden -- --nocapture`
//! prints what the library finds for every case, in the file's format.

use lede_gazetteer::{DocEntities, Gazetteer, MatchKind, Rejection};

const GOLDEN: &str = include_str!("data/entities.txt");

struct Case {
    name: String,
    line: usize,
    text: String,
    mentions: Vec<String>,
    rejections: Vec<String>,
}

fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for (index, line) in data.lines().enumerate() {
        let number = index + 1;
        if let Some(name) = line.strip_prefix("## ") {
            if let Some(case) = cases.last_mut() {
                case.text = lines.join("\n");
            }
            lines.clear();
            cases.push(Case {
                name: name.trim().to_string(),
                line: number,
                text: String::new(),
                mentions: Vec::new(),
                rejections: Vec::new(),
            });
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("line {number}: data before the first case"));
        if line == ">" {
            lines.push(String::new());
        } else if let Some(text) = line.strip_prefix("> ") {
            lines.push(text.to_string());
        } else if let Some(expected) = line.strip_prefix("= ") {
            case.mentions.push(normalize(expected));
        } else if let Some(expected) = line.strip_prefix("x ") {
            case.rejections.push(normalize(expected));
        } else {
            panic!("line {number}: unexpected line {line:?}");
        }
    }
    if let Some(case) = cases.last_mut() {
        case.text = lines.join("\n");
    }
    cases
}

/// Columns joined by " | " without surrounding space.
fn normalize(line: &str) -> String {
    line.split('|').map(str::trim).collect::<Vec<_>>().join(" | ")
}

fn how(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Name => "name",
        MatchKind::Alias => "alias",
        MatchKind::Surname => "surname",
        MatchKind::Demonym => "demonym",
        MatchKind::Metonym => "metonym",
        MatchKind::Title => "title",
        _ => "other",
    }
}

fn rejection(reason: Rejection) -> &'static str {
    match reason {
        Rejection::NoContext { .. } => "no-context",
        Rejection::Blocked { .. } => "blocked",
        Rejection::PartOfName(_) => "part-of-name",
        Rejection::AllCapsText => "all-caps",
        Rejection::SharedSurname => "shared-surname",
        _ => "other",
    }
}

/// The found mentions as `=` lines, each with the role when the expected
/// line for it gives one.
fn found_mentions(found: &DocEntities, text: &str, expected: &[String]) -> Vec<String> {
    found
        .mentions()
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let line = format!("{} | {} | {}", m.text(text), found.id(m), how(m.how));
            let wants_role = expected
                .get(i)
                .is_some_and(|e| e.starts_with(&line) && e.split(" | ").count() == 4);
            if wants_role {
                format!("{line} | {}", found.role(m.referent).unwrap_or("-"))
            } else {
                line
            }
        })
        .collect()
}

#[test]
fn golden_cases() {
    let gazetteer = Gazetteer::default();
    let print = std::env::var_os("LEDE_GAZETTEER_PRINT").is_some();
    let cases = parse_cases(GOLDEN);
    assert!(cases.len() >= 20, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let found = gazetteer.find(&case.text);
        for m in found.mentions() {
            assert_eq!(&case.text[m.span.range()], m.text(&case.text));
        }
        let mentions = found_mentions(&found, &case.text, &case.mentions);
        let rejections: Vec<String> = found
            .rejected()
            .iter()
            .map(|r| format!("{} | {}", &case.text[r.span.range()], rejection(r.reason)))
            .collect();
        if print {
            println!("## {}", case.name);
            mentions.iter().for_each(|m| println!("= {m}"));
            rejections.iter().for_each(|r| println!("x {r}"));
        }
        let missing: Vec<&String> = case.rejections.iter().filter(|r| !rejections.contains(r)).collect();
        if mentions != case.mentions || !missing.is_empty() {
            failures.push(format!(
                "line {} ({}):\n  expected {:#?}\n  found    {:#?}\n  rejections missing {:?} (found {:?})",
                case.line, case.name, case.mentions, mentions, missing, rejections
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
