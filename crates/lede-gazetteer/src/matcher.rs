//! The alias automaton and the scan that drives it.
//!
//! Every alias starts a word, so instead of feeding every byte of a text
//! through the automaton, the scan visits word starts only, and of those
//! only the ones whose first two bytes begin some alias (a 64 Kbit table),
//! and runs an anchored leftmost-longest search there. News text has a
//! candidate every few dozen bytes, so the automaton sees a small part of
//! the text; that, and case-sensitive patterns (an ALL-CAPS variant is its
//! own pattern), is what makes the scan fast.
//!
//! Role words ("adviser", "Minister", "Mr.") are looked up the other way
//! round: only the word right before a capitalised word can introduce a
//! name, so the scan checks that one word against a table.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use lede_text::Span;

use crate::lexicon;
use crate::scan;

/// What the scan found at a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hit {
    /// Pattern `pattern` of the automaton at `span`.
    Alias { span: Span, pattern: usize },
    /// A role word at `span` right before a capitalised word.
    Role { span: Span, honorific: bool },
    /// A capitalised word starting at this offset that starts no alias
    /// (where a surname can stand).
    Capitalized(usize),
}

pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// Bit `b0 << 8 | b1` is set when some pattern starts with bytes b0 b1
    /// (b1 = 0 for a one-byte pattern, and then every b1 is set).
    starts: Box<[u64]>,
    /// Role words by their lower-case text (honorifics by their exact text).
    roles: HashMap<&'static str, bool, BuildFnv>,
    /// For each lower-cased first byte, a bit per length (up to 31 bytes)
    /// of the role words starting with it: most words before a capitalised
    /// word fail this test and are never hashed.
    role_shapes: [u32; 256],
}

/// FNV-1a: short keys, no untrusted input to guard against (the keys are
/// the crate's own role words), and much cheaper than SipHash per lookup.
#[derive(Clone, Copy, Default)]
pub(crate) struct BuildFnv;

pub(crate) struct Fnv(u64);

impl std::hash::BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Matcher {
    pub(crate) fn new(patterns: &[Box<str>]) -> Result<Matcher, aho_corasick::BuildError> {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(patterns.iter().map(|p| p.as_bytes()))?;
        let mut starts = vec![0u64; 1024].into_boxed_slice();
        for pattern in patterns {
            match *pattern.as_bytes() {
                [b0] => (0..256).for_each(|b1| set(&mut starts, b0, b1 as u8)),
                [b0, b1, ..] => set(&mut starts, b0, b1),
                [] => {}
            }
        }
        let roles: HashMap<&'static str, bool, BuildFnv> =
            lexicon::role_words().iter().map(|r| (r.text, r.honorific)).collect();
        let mut role_shapes = [0u32; 256];
        for word in roles.keys().filter(|w| w.len() < 32) {
            role_shapes[word.as_bytes()[0].to_ascii_lowercase() as usize] |= 1 << word.len();
        }
        Ok(Matcher {
            automaton,
            starts,
            roles,
            role_shapes,
        })
    }

    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage() + self.starts.len() * 8 + self.roles.len() * 32
    }

    /// Every alias match at a word start (leftmost-longest, not
    /// overlapping) and every role word before a capitalised word, in
    /// text order.
    pub(crate) fn scan(&self, text: &str, mut hit: impl FnMut(Hit)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            // To the next word start: the char before it is not part of a
            // word, since the loop always leaves a word whole.
            let capitalized = loop {
                let Some(&b) = bytes.get(i) else { return };
                if b.is_ascii_alphanumeric() {
                    break b.is_ascii_uppercase();
                }
                if b >= 0xC0 {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    if c.is_alphanumeric() {
                        break c.is_uppercase();
                    }
                    i += c.len_utf8();
                } else {
                    i += 1;
                }
            };
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            let mut matched = None;
            if is_set(&self.starts, bytes[i], next) {
                let input = Input::new(text).range(i..).anchored(Anchored::Yes);
                matched = self
                    .automaton
                    .find(input)
                    .map(|m| (Span::new(m.start(), m.end()), m.pattern().as_usize()))
                    .filter(|&(span, _)| scan::at_word_boundaries(text, span));
            }
            if capitalized && i >= 2 && matches!(bytes[i - 1], b' ' | 0xA0) {
                self.role_before(text, i, &mut hit);
            }
            match matched {
                Some((span, pattern)) => {
                    hit(Hit::Alias { span, pattern });
                    // Aliases do not overlap, and one ends at a word end.
                    i = span.end;
                }
                None => {
                    if capitalized {
                        hit(Hit::Capitalized(i));
                    }
                    i = word_end(text, i);
                }
            }
        }
    }

    /// Reports a role word right before the capitalised word at `i`.
    fn role_before(&self, text: &str, i: usize, hit: &mut impl FnMut(Hit)) {
        let Some(word) = scan::word_before(text, i) else { return };
        let written = &text[word.range()];
        let first = written.as_bytes()[0].to_ascii_lowercase() as usize;
        if written.len() >= 32 || self.role_shapes[first] & (1 << written.len()) == 0 {
            return;
        }
        if let Some(&true) = self.roles.get(written) {
            hit(Hit::Role {
                span: word,
                honorific: true,
            });
            return;
        }
        let mut buffer = [0u8; 32];
        let lower = &mut buffer[..written.len()];
        lower.copy_from_slice(written.as_bytes());
        lower.make_ascii_lowercase();
        // Lower-casing ASCII bytes keeps the text valid UTF-8.
        let Ok(lower) = std::str::from_utf8(lower) else { return };
        if let Some(&false) = self.roles.get(lower) {
            hit(Hit::Role {
                span: word,
                honorific: false,
            });
        }
    }
}

/// The end of the word starting at `i` (letters, digits, `_`).
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() || b == b'_' || (0x80..0xC0).contains(&b) {
            i += 1;
        } else if b >= 0xC0 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn set(bits: &mut [u64], b0: u8, b1: u8) {
    let index = (b0 as usize) << 8 | b1 as usize;
    bits[index / 64] |= 1 << (index % 64);
}

fn is_set(bits: &[u64], b0: u8, b1: u8) -> bool {
    let index = (b0 as usize) << 8 | b1 as usize;
    bits[index / 64] & (1 << (index % 64)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(patterns: &[&str], text: &str) -> Vec<(String, &'static str)> {
        let patterns: Vec<Box<str>> = patterns.iter().map(|&p| p.into()).collect();
        let matcher = Matcher::new(&patterns).unwrap();
        let mut found = Vec::new();
        matcher.scan(text, |hit| match hit {
            Hit::Alias { span, .. } => found.push((text[span.range()].to_string(), "alias")),
            Hit::Role { span, .. } => found.push((text[span.range()].to_string(), "role")),
            Hit::Capitalized(_) => {}
        });
        found
    }

    #[test]
    fn aliases_at_word_starts_longest_first() {
        let found = hits(
            &["UN", "UN Security Council", "Russian", "Russians", "al-Qaeda"],
            "The UN Security Council, Russians and pro-Russian al-Qaeda; SUN, UNESCO, Prussian",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["UN Security Council", "Russians", "Russian", "al-Qaeda"]);
    }

    #[test]
    fn role_words_before_capitalised_words() {
        let found = hits(
            &["Kremlin"],
            "Kremlin adviser Yuri Ushakov met Mr. Reed and the adviser.",
        );
        assert_eq!(
            found,
            [
                ("Kremlin".to_string(), "alias"),
                ("adviser".to_string(), "role"),
                ("Mr.".to_string(), "role"),
            ]
        );
    }
}
