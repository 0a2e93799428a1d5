//! Properties of tagging and claims on any input: no panic, every evidence
//! span lies inside the text on char boundaries and slices the phrase it
//! stands for, scores are finite and positive, and the work grows linearly
//! on adversarial shapes.

use std::time::{Duration, Instant};

use lede_text::{NameHint, NameKind, Span};
use lede_topics::{find_claims, ClaimKind, Statement, Taxonomy, Trigger};
use proptest::prelude::*;

/// Every promise of a tagging and its claims, as a message on the first one broken.
fn check(taxonomy: &Taxonomy, text: &str, statements: &[Statement], names: &[NameHint]) -> Result<(), String> {
    let tagging = taxonomy.tag_with_names(text, names);
    for e in tagging.evidence() {
        for span in [Some(e.span), e.partner].into_iter().flatten() {
            let Some(words) = span.get(text) else {
                return Err(format!("evidence {span:?} is not a valid span"));
            };
            if words.is_empty() {
                return Err(format!("empty evidence at {span:?}"));
            }
        }
        // A phrase's evidence is the phrase itself, up to ASCII case and
        // punctuation (and the rest of its word for a `*` phrase).
        if let Trigger::Phrase(_) = e.trigger {
            let written = taxonomy.describe(e.trigger);
            let phrase: String = written.trim_matches('"').trim_end_matches('*').to_string();
            let fold = |s: &str| -> String {
                s.chars()
                    .map(|c| {
                        if c.is_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            ' '
                        }
                    })
                    .collect()
            };
            if !fold(&text[e.span.range()]).starts_with(&fold(&phrase)) {
                return Err(format!(
                    "evidence {:?} is not the phrase {written}",
                    &text[e.span.range()]
                ));
            }
        }
    }
    for topic in tagging.topics() {
        if !(topic.score.is_finite() && topic.score > 0.0) {
            return Err(format!("score {}", topic.score));
        }
    }
    for claim in find_claims(text, &tagging, statements, names) {
        if !claim.span.is_valid_for(text) || !(0.0..=1.0).contains(&claim.check_worthiness) {
            return Err(format!("claim {claim:?}"));
        }
    }
    Ok(())
}

/// News-like text: words of the default taxonomy, punctuation, quote marks
/// and line breaks, so that phrases, rules and exclusions fire.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Ukraine",
        "war",
        "prisoner",
        "swap",
        "of",
        "the",
        " ",
        "  ",
        ". ",
        ", ",
        "\n",
        "\n\n",
        "\"",
        "\u{201C}",
        "\u{201D}",
        "—",
        "Kyiv",
        "tariffs",
        "US",
        "us",
        "U.S.",
        "sanction",
        "sanctions",
        "é",
        "Київ",
        "striker",
        "goal",
        "Premier League",
        "air strike",
        "strikes",
        "nuclear",
        "Iran",
        "'s",
        "-",
        "*",
        "3",
        "percent",
        "will",
        "?",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn statements_for(text: &str, cuts: &[usize]) -> Vec<Statement<'static>> {
    cuts.chunks(2)
        .filter_map(|pair| match pair {
            [a, b] => Some(Span::new(*a.min(b), *a.max(b))),
            _ => None,
        })
        .filter(|s| s.end <= text.len())
        .map(|span| Statement {
            span,
            claimant: Some("Ana Ruiz"),
            kind: ClaimKind::Indirect,
        })
        .collect()
}

proptest! {
    #[test]
    fn any_text(text in any::<String>(), cuts in prop::collection::vec(0usize..64, 0..6)) {
        let taxonomy = Taxonomy::default();
        let statements = statements_for(&text, &cuts);
        prop_assert_eq!(check(&taxonomy, &text, &statements, &[]), Ok(()));
    }

    #[test]
    fn news_like_text(text in newsy(), cuts in prop::collection::vec(0usize..200, 0..6), hint in 0usize..200) {
        let taxonomy = Taxonomy::default();
        let statements = statements_for(&text, &cuts);
        // A hint with a span that may be invalid for the text: it must be ignored, not trusted.
        let names = [NameHint { span: Span::new(hint, hint + 4), name: "Ukraine", id: Some("Q212"), kind: NameKind::Country, role: None }];
        prop_assert_eq!(check(&taxonomy, &text, &statements, &names), Ok(()));
    }
}

/// Time to tag `text` once (after a warm-up), for the linearity checks.
fn time(taxonomy: &Taxonomy, text: &str) -> Duration {
    taxonomy.tag(text);
    let start = Instant::now();
    taxonomy.tag(text);
    start.elapsed()
}

#[test]
fn adversarial_shapes_take_linear_time() {
    let taxonomy = Taxonomy::default();
    // No sentence end for megabytes, rule phrases everywhere, exclusions
    // everywhere, one giant word, and a sea of phrase prefixes.
    for unit in [
        "prisoner swap Russia Ukraine ",
        "air strike strikes union ",
        "prisoners exchanged ",
        "a",
        "Premier Leagu ",
    ] {
        let small = unit.repeat(20_000 / unit.len());
        let large = unit.repeat(200_000 / unit.len());
        let (t_small, t_large) = (time(&taxonomy, &small), time(&taxonomy, &large));
        // Ten times the text, well under a hundred times the time.
        assert!(
            t_large < t_small * 40 + Duration::from_millis(50),
            "{unit:?}: {t_small:?} for 20 KB, {t_large:?} for 200 KB"
        );
    }
}

#[test]
fn claims_take_linear_time_with_many_names() {
    // Each sentence asks whether a known name lies inside it; the answer
    // used to come from a scan over every name of the document, so time
    // grew with sentences times names.
    let taxonomy = Taxonomy::default();
    let unit = format!("Officials met in {}on Monday. ", "Moscow ".repeat(40));
    let timed = |text: &str, runs: usize| {
        let names: Vec<NameHint> = text
            .match_indices("Moscow")
            .map(|(at, city)| NameHint {
                span: Span::new(at, at + city.len()),
                name: "Moscow",
                id: Some("city:moscow"),
                kind: NameKind::Location,
                role: None,
            })
            .collect();
        let tagging = taxonomy.tag(text);
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(find_claims(text, &tagging, &[], &names));
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let (small, large) = (unit.repeat(250), unit.repeat(4_000));
    let t_small = timed(&small, 3).max(Duration::from_micros(200));
    let t_large = timed(&large, 2);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    println!("sentences full of names: {t_small:?} then {t_large:?}, ratio {ratio:.1}");
    // Sixteen times the input: linear work takes 16 times as long, the scan
    // over every name far more.
    assert!(
        ratio < 64.0,
        "{t_small:?} then {t_large:?} (ratio {ratio:.1}; linear is 16)"
    );
}
