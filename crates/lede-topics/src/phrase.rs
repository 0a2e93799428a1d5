//! Whole-word phrase matching with one automaton: the shared engine of topic
//! triggers and claim features.
//!
//! Every phrase of a taxonomy goes into one ASCII-case-insensitive
//! leftmost-longest Aho-Corasick automaton, so a text is read once whatever
//! the number of phrases. Longest-first is deliberate: "Bank of England"
//! shadows "England", "fantasy football" shadows "football". Two checks run
//! on each match only, so their cost follows the number of matches, not the
//! length of the text:
//!
//! - word boundaries: no letter or digit right before or after the match
//!   (after a phrase ending in `*`, the match extends to the end of its word:
//!   `tariff*` covers "tariffs");
//! - case: a capital in the phrase must be a capital in the text, lowercase
//!   matches either, so `US` does not match "us", `Apple` does not match
//!   "apple", and `nato` matches "NATO" and "Nato".

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use lede_text::Span;

use crate::TopicsError;

/// One phrase as written, with how it matches.
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    /// The phrase without its `*`.
    pub text: String,
    /// Ends in `*`: matches a word prefix.
    pub prefix: bool,
}

impl Phrase {
    pub fn new(written: &str) -> Phrase {
        Phrase {
            text: written.trim_end_matches('*').to_string(),
            prefix: written.ends_with('*'),
        }
    }

    /// The phrase as written (with its `*`).
    pub fn written(&self) -> String {
        if self.prefix {
            format!("{}*", self.text)
        } else {
            self.text.clone()
        }
    }

    /// True when every capital of the phrase is a capital in `found` (the
    /// matched bytes, which equal the phrase up to ASCII case).
    fn case_matches(&self, found: &[u8]) -> bool {
        self.text
            .bytes()
            .zip(found)
            .all(|(p, t)| !p.is_ascii_uppercase() || t.is_ascii_uppercase())
    }
}

/// Phrases compiled into one automaton. Several phrases may share an
/// automaton pattern (they are equal up to ASCII case and `*`); each keeps
/// its own case and prefix policy.
#[derive(Clone, Debug)]
pub(crate) struct PhraseSet {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern, the phrases (indices into `phrases`) it stands for.
    members: Vec<Vec<u32>>,
    phrases: Vec<Phrase>,
}

impl PhraseSet {
    /// Compiles `phrases` (as written, `*` included); matches report the
    /// index of the phrase in this list.
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Result<PhraseSet, TopicsError> {
        let phrases: Vec<Phrase> = phrases.iter().map(|p| Phrase::new(p.as_ref())).collect();
        let mut keys: Vec<(String, u32)> = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.text.to_ascii_lowercase(), i as u32))
            .collect();
        keys.sort();
        let mut patterns: Vec<String> = Vec::new();
        let mut members: Vec<Vec<u32>> = Vec::new();
        for (key, index) in keys {
            if patterns.last() != Some(&key) {
                patterns.push(key);
                members.push(Vec::new());
            }
            if let Some(last) = members.last_mut() {
                last.push(index);
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            // A DFA: the fastest search, and with a few thousand short
            // phrases its tables stay at a few megabytes.
            let built = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .or_else(|_| {
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostLongest)
                        .ascii_case_insensitive(true)
                        .build(&patterns)
                });
            Some(built.map_err(|e| TopicsError::Automaton { reason: e.to_string() })?)
        };
        Ok(PhraseSet {
            automaton,
            members,
            phrases,
        })
    }

    /// The phrase with this index.
    pub fn phrase(&self, index: u32) -> &Phrase {
        &self.phrases[index as usize]
    }

    /// Calls `found(phrase, span)` for every whole-word match in `text`, in
    /// order, for each phrase of the matching pattern whose case policy
    /// the text meets.
    pub fn find(&self, text: &str, mut found: impl FnMut(u32, Span)) {
        let Some(automaton) = &self.automaton else { return };
        // A phrase's words may be split by a line break or tab (wrapped
        // text): the search reads a copy with those turned into spaces. The
        // copy has the same length and char boundaries, so spans hold for
        // `text`; runs of several whitespace characters (a blank line
        // between paragraphs) still separate phrases.
        let spaced: Cow<str> = if text.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
            Cow::Owned(text.replace(['\n', '\r', '\t'], " "))
        } else {
            Cow::Borrowed(text)
        };
        let text: &str = &spaced;
        let bytes = text.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(m) = automaton.find(Input::new(bytes).range(pos..)) else {
                break;
            };
            let (start, end) = (m.start(), m.end());
            // A match that starts inside a word: no phrase can start before
            // the next character, so the search resumes there. Matches start
            // and end on char boundaries: the patterns are UTF-8 and case
            // folding only touches ASCII.
            if !boundary_before(text, start) {
                pos = start + char_len(bytes[start]);
                continue;
            }
            let word_end = end_of_word(text, end);
            let mut any = false;
            for &index in &self.members[m.pattern().as_usize()] {
                let phrase = &self.phrases[index as usize];
                let end = if phrase.prefix { word_end } else { end };
                if end == word_end && phrase.case_matches(&bytes[start..]) {
                    found(index, Span::new(start, end));
                    any = true;
                }
            }
            pos = if any { word_end } else { start + char_len(bytes[start]) };
        }
    }
}

/// Byte length of the char that starts with `lead`.
#[inline]
fn char_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// A letter or digit: what may not touch a phrase on either side.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when no word character ends right before `at` (a char boundary).
#[inline]
fn boundary_before(text: &str, at: usize) -> bool {
    !matches!(text[..at].chars().next_back(), Some(c) if is_word_char(c))
}

/// The end of the word that `at` (a char boundary) is in or ends: `at`
/// itself when no word character follows.
#[inline]
fn end_of_word(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(phrases: &[&str], text: &str) -> Vec<(String, String)> {
        let set = PhraseSet::new(phrases).unwrap();
        let mut out = Vec::new();
        set.find(text, |i, span| out.push((set.phrase(i).written(), span.slice(text).to_string())));
        out
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(
            matches(&["war", "art"], "A warning, the art of war: WAR."),
            [("art".into(), "art".into()), ("war".into(), "war".into()), ("war".into(), "WAR".into())]
        );
    }

    #[test]
    fn capitals_in_the_phrase_are_required() {
        assert_eq!(matches(&["US"], "Let us talk, said US envoys."), [("US".into(), "US".into())]);
        assert_eq!(matches(&["Apple"], "an apple; APPLE; Apple"), [("Apple".into(), "APPLE".into()), ("Apple".into(), "Apple".into())]);
        assert_eq!(matches(&["nato"], "Nato and NATO").len(), 2);
    }

    #[test]
    fn longest_phrase_shadows_its_parts_and_prefixes_cover_the_word() {
        assert_eq!(
            matches(&["England", "Bank of England", "tariff*"], "The Bank of England fears tariffs in England."),
            [
                ("Bank of England".into(), "Bank of England".into()),
                ("tariff*".into(), "tariffs".into()),
                ("England".into(), "England".into())
            ]
        );
    }

    #[test]
    fn a_match_inside_a_word_does_not_hide_the_next_word() {
        // "ward" starts inside "reward" and fails; "warden" is not a phrase.
        assert_eq!(matches(&["ward", "rd war"], "reward war"), Vec::<(String, String)>::new());
        assert_eq!(matches(&["war"], "rewar war"), [("war".into(), "war".into())]);
        assert_eq!(matches(&["trade war"], "a trade\nwar, a trade\n\nwar"), [("trade war".into(), "trade\nwar".into())]);
        assert_eq!(matches(&["Kyiv"], "«Kyiv»Київ Kyiv"), [("Kyiv".into(), "Kyiv".into()), ("Kyiv".into(), "Kyiv".into())]);
    }
}
