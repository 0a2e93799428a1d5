//! The whole pipeline on any input: no panic, and every span it reports
//! lies on char boundaries of the ORIGINAL input and slices to the text it
//! claims, even though analysis runs on cleaned text.

mod support;

use lede::{Pipeline, Sections};
use proptest::prelude::*;
use support::check;

fn assert_promises(input: &str) -> Result<(), TestCaseError> {
    let analysis = Pipeline::default().analyze(input);
    check(input, &analysis).map_err(|e| TestCaseError::fail(format!("{e}\n  in {input:?}")))
}

/// News fragments, boilerplate the cleaner removes or rewrites (so spans
/// must be mapped back), quote marks of every style, odd characters.
const POOL: &[&str] = &[
    "Kremlin adviser Yuri Ushakov",
    "Putin",
    "said",
    "told reporters",
    "according to the ministry",
    "\"We are ready,\"",
    "\u{201c}Talks will resume,\u{201d}",
    "\u{ab}Non\u{bb}",
    "'",
    "\"",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "Advertisement\n\n",
    "Read also: Trump meets Zelensky in Kyiv\n\n",
    "&amp; ",
    "\u{a0}",
    "\u{200b}",
    "Caf\u{e9} ",
    "e\u{301} ",
    "NATO",
    "Russia's",
    "Moscow",
    "He expounded that",
    "the minister",
    "\u{2014}",
    "\r\n",
    "\u{1F600}",
    "The central bank raised interest rates by 0.5 percentage points ",
    "ceasefire in Ukraine ",
    "prisoner exchange ",
];

fn pooled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..50).prop_map(|parts| parts.concat())
}

fn spaced() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..40).prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string_keeps_every_promise(input in any::<String>()) {
        assert_promises(&input)?;
    }

    #[test]
    fn news_fragments_keep_every_promise(input in pooled()) {
        assert_promises(&input)?;
    }

    #[test]
    fn spaced_news_fragments_keep_every_promise(input in spaced()) {
        assert_promises(&input)?;
    }

    /// A section holds the same whichever other sections are on.
    #[test]
    fn sections_do_not_depend_on_each_other(input in spaced(), bits in 0u8..16) {
        let wanted = [Sections::QUOTES, Sections::ENTITIES, Sections::TOPICS, Sections::CLAIMS]
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| bits & (1 << i) != 0)
            .fold(Sections::NONE, |set, (_, section)| set | section);
        let full = Pipeline::default().analyze(&input);
        let some = Pipeline::builder().sections(wanted).build().unwrap().analyze(&input);
        let keep = |on: Sections| wanted.contains(on);
        prop_assert_eq!(&some.quotes, if keep(Sections::QUOTES) { &full.quotes } else { &Vec::new() });
        prop_assert_eq!(&some.entities, if keep(Sections::ENTITIES) { &full.entities } else { &Vec::new() });
        prop_assert_eq!(&some.topics, if keep(Sections::TOPICS) { &full.topics } else { &Vec::new() });
        prop_assert_eq!(&some.claims, if keep(Sections::CLAIMS) { &full.claims } else { &Vec::new() });
    }
}

#[test]
fn the_checker_catches_a_span_that_does_not_slice_its_text() {
    let input = "\"We are ready,\" Putin said.";
    let mut analysis = Pipeline::default().analyze(input);
    assert_eq!(check(input, &analysis), Ok(()));
    analysis.quotes[0].text.push('!');
    assert!(check(input, &analysis).is_err());
}

/// Inputs the fuzz targets (fuzz/, see CONTRIBUTING.md) once broke the
/// pipeline on.
#[test]
fn fuzz_finds_keep_every_promise() {
    // Topic evidence for "U.S." ended inside the curly quote after "U.S".
    let pinned = ["Minister U.S\u{2018}", "The U.S\u{2019}s envoy met the U.S\u{a0}team."];
    for input in pinned {
        let analysis = Pipeline::default().analyze(input);
        assert_eq!(check(input, &analysis), Ok(()), "{input:?}");
    }
}
