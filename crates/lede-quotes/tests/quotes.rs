//! Who said what: golden cases from `tests/data/quotes.txt`, run through
//! `find_quotes`.
//!
//! A case marked `! known gap` documents behaviour a careful news editor
//! would not accept yet. It still runs, and must still fail: when the rules
//! improve and it passes, the runner says so, and the mark should go.
//!
//! `LEDE_QUOTES_PRINT=1 cargo test -p lede-quotes --test quotes -- --nocapture`
//! prints what the library finds for every case, in the file's format.

mod support;

use lede_quotes::{find_quotes, find_quotes_with_hints, Quote, QuoteKind, SpeakerKind};
use lede_text::{NameHint, NameKind, Span};
use support::{escape, unescape};

const GOLDEN: &str = include_str!("data/quotes.txt");

/// One expected quote: the `=` line, split into its columns.
struct Expected {
    kind: String,
    content: String,
    name: String,
    mention: String,
    /// Checked only when the line gives it.
    role: Option<String>,
}

/// One golden case.
struct Case {
    name: String,
    line: usize,
    /// The reason given by `! known gap: ...`, if the case is marked.
    gap: Option<String>,
    text: String,
    expected: Vec<Expected>,
}

fn parse_expected(line: &str, number: usize) -> Expected {
    let columns: Vec<&str> = line.split(" | ").map(str::trim).collect();
    let (kind, content, name, mention, role) = match columns.as_slice() {
        [kind, content, "-"] => (kind, content, &"-", &"-", None),
        [kind, content, name, mention] => (kind, content, name, mention, None),
        [kind, content, name, mention, role] => (kind, content, name, mention, Some(role)),
        _ => panic!("line {number}: expected `= kind | content | name | mention [| role]`, got {line:?}"),
    };
    assert!(
        matches!(*kind, "direct" | "mixed" | "indirect"),
        "line {number}: unknown kind {kind:?}"
    );
    Expected {
        kind: kind.to_string(),
        content: unescape(content, number),
        name: unescape(name, number),
        mention: unescape(mention, number),
        role: role.map(|r| unescape(r, number)),
    }
}

fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut has_text = false;
    for (index, line) in data.lines().enumerate() {
        let number = index + 1;
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.trim().to_string(),
                line: number,
                gap: None,
                text: String::new(),
                expected: Vec::new(),
            });
            has_text = false;
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("line {number}: content before the first case"));
        if let Some(reason) = line.strip_prefix("! known gap:") {
            assert!(
                case.gap.is_none() && !has_text,
                "line {number}: the gap mark goes right after the `##` line"
            );
            case.gap = Some(reason.trim().to_string());
        } else if line == ">" || line.starts_with("> ") {
            if has_text {
                case.text.push('\n');
            }
            case.text.push_str(&unescape(line.get(2..).unwrap_or(""), number));
            has_text = true;
        } else if let Some(rest) = line.strip_prefix("= ") {
            case.expected.push(parse_expected(rest, number));
        } else {
            panic!("line {number}: unknown line {line:?}");
        }
    }
    cases
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Indirect => "indirect",
    }
}

/// The golden-file line for a found quote; the role column only when the
/// expected line has one.
fn describe(text: &str, quote: &Quote, with_role: bool) -> String {
    let kind = kind_name(quote.kind);
    let content = escape(quote.content.slice(text));
    let Some(speaker) = quote.speaker else {
        return format!("{kind} | {content} | -");
    };
    let mention = speaker.mention.slice(text);
    let name = speaker.name.map_or(mention, |n| n.slice(text));
    let mut line = format!("{kind} | {content} | {} | {}", escape(name), escape(mention));
    if with_role {
        line.push_str(" | ");
        line.push_str(&speaker.role.map_or("-".to_string(), |r| escape(r.slice(text))));
    }
    line
}

fn describe_expected(e: &Expected) -> String {
    let mut line = if e.name == "-" && e.mention == "-" {
        format!("{} | {} | -", e.kind, escape(&e.content))
    } else {
        format!(
            "{} | {} | {} | {}",
            e.kind,
            escape(&e.content),
            escape(&e.name),
            escape(&e.mention)
        )
    };
    if let Some(role) = &e.role {
        line.push_str(" | ");
        line.push_str(&escape(role));
    }
    line
}

/// Every span a quote carries lies on char boundaries inside the text.
fn check_spans(case: &Case, quotes: &[Quote]) {
    for q in quotes {
        let speaker_spans = q.speaker.map(|s| [Some(s.mention), s.name, s.role]).unwrap_or_default();
        for span in [Some(q.content), q.cue].into_iter().chain(speaker_spans).flatten() {
            assert!(
                span.is_valid_for(&case.text),
                "case `{}` (line {}): span {span:?} is not valid",
                case.name,
                case.line
            );
        }
    }
}

/// What the library finds, and whether it matches the expectation.
fn run(case: &Case) -> (Vec<String>, Vec<String>, bool) {
    let quotes = find_quotes(&case.text);
    check_spans(case, &quotes);
    let want: Vec<String> = case.expected.iter().map(describe_expected).collect();
    let got: Vec<String> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| describe(&case.text, q, case.expected.get(i).is_some_and(|e| e.role.is_some())))
        .collect();
    let matches = got == want;
    (want, got, matches)
}

fn report(case: &Case, want: &[String], got: &[String]) -> String {
    format!(
        "case `{}` (line {}):\n  text: {}\n  expected:\n    {}\n  got:\n    {}",
        case.name,
        case.line,
        escape(&case.text),
        want.join("\n    "),
        got.join("\n    ")
    )
}

#[test]
fn golden_cases() {
    let cases = parse_cases(GOLDEN);
    assert!(cases.len() >= 60, "only {} golden cases parsed", cases.len());
    let print = std::env::var_os("LEDE_QUOTES_PRINT").is_some();
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    for case in &cases {
        assert!(
            !case.text.is_empty(),
            "case `{}` (line {}) has no text",
            case.name,
            case.line
        );
        let (want, got, matches) = run(case);
        if print {
            println!("## {}", case.name);
            for line in &got {
                println!("= {line}");
            }
        }
        match (&case.gap, matches) {
            (None, true) => {}
            (None, false) => failures.push(report(case, &want, &got)),
            (Some(reason), false) => println!(
                "KNOWN GAP (still failing, as marked): `{}` (line {}): {reason}",
                case.name, case.line
            ),
            (Some(reason), true) => fixed.push(format!(
                "case `{}` (line {}) now passes: remove its `! known gap: {reason}` mark",
                case.name, case.line
            )),
        }
    }
    assert!(
        failures.is_empty() && fixed.is_empty(),
        "{} golden case(s) failed, {} known gap(s) now pass:\n{}\n{}",
        failures.len(),
        fixed.len(),
        failures.join("\n"),
        fixed.join("\n")
    );
}

#[test]
fn summary() {
    let cases = parse_cases(GOLDEN);
    let gaps: Vec<&Case> = cases.iter().filter(|c| c.gap.is_some()).collect();
    println!("{} cases, {} known gaps", cases.len(), gaps.len());
    for case in gaps {
        println!(
            "  known gap: `{}` (line {}): {}",
            case.name,
            case.line,
            case.gap.as_deref().unwrap_or_default()
        );
    }
}

#[test]
fn the_format_parses() {
    let cases = parse_cases(
        "# header\n## one\n! known gap: reason\n> \"Yes,\" he said.\n>\n> Next.\n= direct | Yes, | Tom Li | he | -\n\
         ## two\n> x\n= indirect | a \\u{a0}b | -\n",
    );
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].gap.as_deref(), Some("reason"));
    assert_eq!(cases[0].text, "\"Yes,\" he said.\n\nNext.");
    assert_eq!(cases[0].expected[0].name, "Tom Li");
    assert_eq!(cases[0].expected[0].role.as_deref(), Some("-"));
    assert_eq!(cases[1].expected[0].content, "a \u{a0}b");
    assert_eq!(cases[1].expected[0].mention, "-");
}

/// A hint for every occurrence of `words` in `text`.
fn hints_for<'a>(text: &str, names: &[(&'a str, &'a str, NameKind)]) -> Vec<NameHint<'a>> {
    let mut hints = Vec::new();
    for &(surface, name, kind) in names {
        for (start, found) in text.match_indices(surface) {
            hints.push(NameHint {
                span: Span::new(start, start + found.len()),
                name,
                id: None,
                kind,
                role: None,
            });
        }
    }
    hints
}

#[test]
fn hints_name_speakers_by_their_head_word() {
    let text = "Russian officials said the convoy would pass. Russia's defence ministry said \
                it had no plans. \"We have no plans,\" Putin said. The Kremlin said talks were over.";
    let hints = hints_for(
        text,
        &[
            ("Russian", "Russia", NameKind::Country),
            ("Russia", "Russia", NameKind::Country),
            ("Putin", "Vladimir Putin", NameKind::Person),
            ("Kremlin", "Kremlin", NameKind::GovernmentBody),
        ],
    );
    let quotes = find_quotes_with_hints(text, &hints);
    let named: Vec<(&str, Option<&str>, SpeakerKind)> = quotes
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| (&text[s.mention.range()], s.hint.map(|h| hints[h].name), s.kind))
        .collect();
    assert_eq!(
        named,
        [
            ("Russian officials", None, SpeakerKind::Nominal),
            ("Russia's defence ministry", None, SpeakerKind::Organization),
            ("Putin", Some("Vladimir Putin"), SpeakerKind::Person),
            ("The Kremlin", Some("Kremlin"), SpeakerKind::Organization),
        ]
    );
    // Without hints the same text gives the same quotes, unlinked.
    let plain = find_quotes(text);
    assert_eq!(plain.len(), quotes.len());
    assert!(plain.iter().filter_map(|q| q.speaker).all(|s| s.hint.is_none()));
}

#[test]
fn hints_name_the_head_of_a_speaker_not_its_description() {
    let text = "\"We will not accept this,\" said the Kremlin, which has held talks with NATO since May. \
                The ministry, an arm of the European Commission, said the rules would change. \
                \"Talks will go on,\" said Daniel Okafor, a spokesman for Vladimir Putin. \
                The Communications Workers of America said the strike would go on. \
                \"We are ready,\" said Petro O. Poroshenko.";
    let hints = hints_for(
        text,
        &[
            ("Kremlin", "Kremlin", NameKind::GovernmentBody),
            ("NATO", "NATO", NameKind::Organization),
            ("European Commission", "European Commission", NameKind::Organization),
            ("Vladimir Putin", "Vladimir Putin", NameKind::Person),
            ("America", "United States", NameKind::Country),
            ("Petro", "Petro Poroshenko", NameKind::Person),
        ],
    );
    let quotes = find_quotes_with_hints(text, &hints);
    let named: Vec<(&str, Option<&str>)> = quotes
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| (&text[s.mention.range()], s.hint.map(|h| hints[h].name)))
        .collect();
    assert_eq!(
        named,
        [
            // The head before the relative clause decides.
            ("the Kremlin, which has held talks with NATO since May", Some("Kremlin")),
            // The head before the apposition: not the Commission.
            ("The ministry, an arm of the European Commission", None),
            ("Daniel Okafor, a spokesman for Vladimir Putin", None),
            // A name after "of" is not the speaker.
            ("The Communications Workers of America", None),
            // A person hint inside a person's name is that person.
            ("Petro O. Poroshenko", Some("Petro Poroshenko")),
        ]
    );
}

#[test]
fn a_name_followed_by_a_verb_is_no_inverted_speaker() {
    // After the cue the name is the subject of what was said: "his 757"
    // did not say "Mr. Okafor, in a brief interview on Saturday".
    let text = "Mr. Okafor, in a brief interview on Saturday, said his 757 was a truly great aircraft.";
    let mentions: Vec<&str> = find_quotes(text)
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| &text[s.mention.range()])
        .collect();
    assert!(!mentions.contains(&"his 757"), "{mentions:?}");
    // A name that closes its sentence is one, whatever opens the next.
    let text = "The case is closed, said Ann Clay. Was it fair?";
    let quotes = find_quotes(text);
    let speakers: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| &text[s.mention.range()])
        .collect();
    assert_eq!(speakers, ["Ann Clay"]);
}

#[test]
fn groups_that_serve_someone_are_no_one_else() {
    let text = "President Lena Varga opened the summit in Porto. \
                Aides to Lena Varga said the summit would run late. \
                The spokesman for the president said the agenda was full. \
                \"We will not sign,\" said a spokesman for the Kremlin.";
    let hints = hints_for(
        text,
        &[
            ("Lena Varga", "Lena Varga", NameKind::Person),
            ("Kremlin", "Kremlin", NameKind::GovernmentBody),
        ],
    );
    let quotes = find_quotes_with_hints(text, &hints);
    let found: Vec<(&str, Option<&str>, SpeakerKind, Option<&str>)> = quotes
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| {
            (
                &text[s.mention.range()],
                s.name.map(|n| &text[n.range()]),
                s.kind,
                s.hint.map(|h| hints[h].name),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // A group, not resolved to the person it serves, nor linked to her.
            ("Aides to Lena Varga", None, SpeakerKind::Nominal, None),
            // The role noun is "spokesman": no president holds it.
            ("The spokesman for the president", None, SpeakerKind::Nominal, None),
            ("a spokesman for the Kremlin", None, SpeakerKind::Nominal, None),
        ]
    );
}
