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
//! - word boundaries: a match starts at a word start (the automaton reads
//!   a copy of the text with punctuation as spaces, see [`PhraseSet`]) and
//!   no letter or digit follows it (after a phrase ending in `*`, the match
//!   extends to the end of its word: `tariff*` covers "tariffs");
//! - case: a capital in the phrase must be a capital in the text, lowercase
//!   matches either, so `US` does not match "us", `Apple` does not match
//!   "apple", and `nato` matches "NATO" and "Nato".

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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
/// automaton pattern (they are equal up to ASCII case, punctuation and
/// `*`); each keeps its own case and prefix policy.
///
/// The automaton reads a copy of the text in which every character that is
/// not a letter or digit (ASCII punctuation and whitespace, and the common
/// Unicode quotes, dashes and spaces) is a space, with a space added at
/// each end; each pattern is its phrase mapped the same way after one
/// space. A match therefore starts at a word start, so the search never
/// stops inside a word, and the copy keeps the text's byte offsets (plus
/// one). Punctuation inside a phrase matches any other: `hat-trick` also
/// matches "hat trick", and a phrase's words match across a line break.
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
        let mut keys: Vec<(Vec<u8>, u32)> = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut key = spaced(&p.text.to_ascii_lowercase());
                // The copy's leading space is the word boundary before the
                // phrase; the trailing one is not part of the pattern (the
                // next phrase needs it as its leading space).
                key.pop();
                (key, i as u32)
            })
            .collect();
        keys.sort();
        let mut patterns: Vec<Vec<u8>> = Vec::new();
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
        // The longest match hides shorter phrases inside it, but a word
        // prefix is not hidden by a longer match of the same word: a match
        // of `sanctions` also stands for `sanction*`. So each pattern also
        // lists the prefix phrases whose stem begins it, within its last word.
        let mut stems: HashMap<&[u8], Vec<u32>> = HashMap::new();
        for (pattern, list) in patterns.iter().zip(&members) {
            for &index in list.iter().filter(|&&i| phrases[i as usize].prefix) {
                stems.entry(pattern.as_slice()).or_default().push(index);
            }
        }
        let mut extra: Vec<Vec<u32>> = vec![Vec::new(); patterns.len()];
        if !stems.is_empty() {
            for (pattern, more) in patterns.iter().zip(extra.iter_mut()) {
                let last_word = pattern.iter().rposition(|&b| b == b' ').unwrap_or(0);
                for len in last_word + 2..pattern.len() {
                    if let Some(found) = stems.get(&pattern[..len]) {
                        more.extend_from_slice(found);
                    }
                }
            }
        }
        for (list, more) in members.iter_mut().zip(extra) {
            list.extend(more);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            let builder = |kind| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .prefilter(false)
                    .kind(kind)
                    .build(&patterns)
            };
            // A DFA is the fastest search, and with a few thousand short
            // phrases its tables stay at a few megabytes; past its size
            // limit the builder's own choice is the fallback.
            let built = builder(Some(AhoCorasickKind::DFA)).or_else(|_| builder(None));
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
    /// order, for each phrase of the matching pattern whose case and
    /// boundary policies the text meets.
    pub fn find(&self, text: &str, mut found: impl FnMut(u32, Span)) {
        let Some(automaton) = &self.automaton else { return };
        let copy = spaced(text);
        let bytes = text.as_bytes();
        for m in automaton.find_iter(&copy) {
            // Offsets in the copy are one past those in `text`, and the
            // pattern's first byte is the space before the word.
            let (start, end) = (m.start(), m.end() - 1);
            let word_end = end_of_word(text, end);
            for &index in &self.members[m.pattern().as_usize()] {
                let phrase = &self.phrases[index as usize];
                let end = if phrase.prefix { word_end } else { end };
                if end == word_end && phrase.case_matches(&bytes[start..]) {
                    found(index, Span::new(start, end));
                }
            }
        }
    }
}

/// `text` with a space at each end, and a space for each byte of a
/// character that is not a letter or digit: ASCII punctuation, controls and
/// whitespace, the General Punctuation block (U+2000 to U+203F: curly
/// quotes, dashes, special spaces, ellipsis) and the no-break space and
/// angle quotes. Other non-ASCII characters are kept, so letters of any
/// script still join words. Same length as `text` plus two, same offsets
/// plus one.
fn spaced(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b' ');
    out.extend(bytes.iter().map(|&b| {
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            b
        } else {
            b' '
        }
    }));
    out.push(b' ');
    if !text.is_ascii() {
        let mut i = 0;
        while i + 1 < bytes.len() {
            let width = match (bytes[i], bytes[i + 1]) {
                (0xe2, 0x80) => 3,
                (0xc2, 0xa0 | 0xab | 0xbb) => 2,
                _ => 0,
            };
            if width == 0 {
                i += 1;
                continue;
            }
            let stop = (i + width).min(bytes.len());
            out[i + 1..stop + 1].fill(b' ');
            i = stop;
        }
    }
    out
}

/// A letter or digit: what may not touch a phrase on either side.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
    fn a_longer_match_of_the_same_word_keeps_its_prefix_phrases() {
        assert_eq!(
            matches(&["sanctions", "sanction*", "sanctions regime"], "new sanctions; sanctioned"),
            [
                ("sanctions".into(), "sanctions".into()),
                ("sanction*".into(), "sanctions".into()),
                ("sanction*".into(), "sanctioned".into())
            ]
        );
    }

    #[test]
    fn a_match_inside_a_word_does_not_hide_the_next_word() {
        assert_eq!(matches(&["ward", "rd war"], "reward war"), Vec::<(String, String)>::new());
        assert_eq!(matches(&["war"], "rewar war"), [("war".into(), "war".into())]);
        assert_eq!(matches(&["U.S.", "hat-trick"], "U.S.-led; a hat trick"), [("U.S.".into(), "U.S.".into()), ("hat-trick".into(), "hat trick".into())]);
        assert_eq!(matches(&["war"], "\u{201C}War\u{201D} — war»war"), [("war".into(), "War".into()), ("war".into(), "war".into()), ("war".into(), "war".into())]);
        assert_eq!(matches(&["trade war"], "a trade\nwar, a trade\n\nwar"), [("trade war".into(), "trade\nwar".into())]);
        assert_eq!(matches(&["Kyiv"], "«Kyiv»Київ Kyiv"), [("Kyiv".into(), "Kyiv".into()), ("Kyiv".into(), "Kyiv".into())]);
    }
}
