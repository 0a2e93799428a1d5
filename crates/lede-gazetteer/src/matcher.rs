//! The alias automaton and the scan that drives it.
//!
//! Nearly every alias starts with a capital, so instead of feeding every
//! byte of a text through the automaton, the scan jumps from capital to
//! capital (eight bytes at a time), takes those that start a word, and of
//! those only the ones whose first word is the first word of some alias (a
//! hash table that also holds the automaton's state after that word), and
//! runs an anchored leftmost-longest search from the word's end. The few aliases that start in lower case or with a digit
//! nominate their own positions. The automaton sees a small part of the
//! text; that, and case-sensitive patterns (an ALL-CAPS variant is its own
//! pattern), is what makes the scan fast.
//!
//! Role words ("adviser", "Minister", "Mr.") are looked up the other way
//! round: only the word right before a capitalised word can introduce a
//! name, so the scan checks that one word against a table.

use std::collections::HashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{AhoCorasick, Anchored, MatchKind};
use lede_text::Span;

use crate::lexicon;
use crate::scan;
use rustc_hash::FxBuildHasher;

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
    /// Anchored, leftmost-longest. Driven byte by byte through its
    /// `Automaton` interface rather than `AhoCorasick::find`: the scan runs
    /// one short anchored search per candidate word, and the general search
    /// entry (input checks, prefilter set-up) cost more than the few bytes
    /// the automaton then reads.
    automaton: NFA,
    /// Each pattern's first word ("Vladimir" of "Vladimir Putin", "U" of
    /// "U.S.") with the automaton's state after it, walked from the
    /// anchored start. "The", "He" or "Thursday" start no alias, so most
    /// capitalised words never reach the automaton; a word that is a first
    /// word is not walked again byte by byte each time it occurs, the
    /// search goes on from its end.
    first_words: FirstWords,
    /// The patterns that do not start with a capital, which the scan
    /// searches for on their own (it visits only capitalised words).
    lower_starts: Option<AhoCorasick>,
    /// Role words by their lower-case text (honorifics by their exact
    /// text), as bytes: the words the scan tests are ASCII, and a byte key
    /// needs no UTF-8 check after lower-casing.
    roles: HashMap<&'static [u8], bool, FxBuildHasher>,
    /// For each pair of lower-cased first and last byte ([`shape_index`]),
    /// a bit per length (up to 31 bytes) of the role words with them: most
    /// words before a capitalised word ("the", "said") fail this test and
    /// are never hashed.
    role_shapes: Box<[u32]>,
}

impl Matcher {
    pub(crate) fn new(patterns: &[Box<str>]) -> Result<Matcher, aho_corasick::BuildError> {
        // No prefilter: every search is anchored, so it would never be used.
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns.iter().map(|p| p.as_bytes()))?;
        let first_words = FirstWords::new(&automaton, patterns);
        let roles: HashMap<&'static [u8], bool, FxBuildHasher> = lexicon::role_words()
            .iter()
            .map(|r| (r.text.as_bytes(), r.honorific))
            .collect();
        let mut role_shapes = vec![0u32; 1 << 10].into_boxed_slice();
        for word in roles.keys().filter(|w| !w.is_empty() && w.len() < 32) {
            role_shapes[shape_index(word[0], word[word.len() - 1])] |= 1 << word.len();
        }
        let lower: Vec<&str> = patterns
            .iter()
            .map(|p| &**p)
            .filter(|p| !p.starts_with(char::is_uppercase))
            .collect();
        let lower_starts = if lower.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&lower)?,
            )
        };
        Ok(Matcher {
            automaton,
            first_words,
            lower_starts,
            roles,
            role_shapes,
        })
    }

    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
            + self.lower_starts.as_ref().map_or(0, AhoCorasick::memory_usage)
            + self.first_words.memory_usage()
            + self.roles.len() * 32
            + self.role_shapes.len() * 4
    }

    /// Every alias match at a word start (leftmost-longest, not
    /// overlapping) and every role word before a capitalised word, in
    /// text order.
    pub(crate) fn scan(&self, text: &str, mut hit: impl FnMut(Hit)) {
        let bytes = text.as_bytes();
        // The few aliases that start in lower case or with a digit
        // ("al-Qaeda", "10 Downing Street") nominate their own start
        // positions; the main automaton still decides what matches there.
        let nominated: Vec<usize> = self
            .lower_starts
            .iter()
            .flat_map(|a| a.find_iter(text))
            .map(|m| m.start())
            .collect();
        let mut nominated = nominated.into_iter().peekable();
        let mut i = 0;
        loop {
            let capital = next_capital(bytes, i);
            let at = match nominated.next_if(|&q| q < capital) {
                Some(q) if q < i => continue,
                Some(q) => q,
                None => capital,
            };
            let Some(&b) = bytes.get(at) else { return };
            if (0x80..0xC0).contains(&b) {
                i = at + 1;
                continue;
            }
            let c = if b < 0x80 {
                b as char
            } else {
                text[at..].chars().next().unwrap_or(' ')
            };
            if !c.is_alphanumeric() {
                i = at + c.len_utf8();
                continue;
            }
            // A capital inside a word ("McDonald", "NATO") starts nothing.
            let end = word_end(text, at);
            if continues_word(text, at) {
                i = end;
                continue;
            }
            let capitalized = c.is_uppercase();
            let mut matched = None;
            // A word that is no pattern's first word starts no match that
            // ends at a word boundary, and a match ending inside the word
            // ends before a letter: neither can be found, so the search
            // may skip such words and start at a first word's end.
            if let Some(state) = self.first_words.state_after(bytes, at, end) {
                matched = self
                    .longest_from(bytes, at, end, state)
                    .map(|(end, pattern)| (Span::new(at, end), pattern))
                    .filter(|&(span, _)| scan::at_word_boundaries(text, span));
            }
            // A role word stands one space before the name. (After a
            // no-break space the walk back in `role_before` finds no role
            // byte, so only a plain space is worth the call.)
            if capitalized && at >= 2 && bytes[at - 1] == b' ' {
                self.role_before(text, at, &mut hit);
            }
            match matched {
                Some((span, pattern)) => {
                    hit(Hit::Alias { span, pattern });
                    // Aliases do not overlap, and one ends at a word end.
                    i = span.end;
                }
                None => {
                    if capitalized {
                        hit(Hit::Capitalized(at));
                    }
                    i = end;
                }
            }
        }
    }

    /// The longest pattern that starts at `at` and ends at or after
    /// `from`, where the anchored walk from `at` is in state `sid`, as
    /// (end, pattern index): what an anchored leftmost-longest `find`
    /// returns, with the same loop as the crate's own search. The walk ends
    /// at the automaton's dead state, which it enters once no longer match
    /// can start at `at`; the last match seen before is the longest. A
    /// match state may also carry a pattern that starts later (inherited
    /// along a failure link: "Democratic Party" inside "Social Democratic
    /// Party of ..."), which an anchored search skips.
    fn longest_from(&self, bytes: &[u8], at: usize, from: usize, mut sid: StateID) -> Option<(usize, usize)> {
        let nfa = &self.automaton;
        let mut found = None;
        let mut end = from;
        loop {
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                if nfa.is_match(sid) {
                    let pattern = nfa.match_pattern(sid, 0);
                    if end - nfa.pattern_len(pattern) == at {
                        found = Some((end, pattern.as_usize()));
                    }
                }
            }
            let Some(&b) = bytes.get(end) else { break };
            sid = nfa.next_state(Anchored::Yes, sid, b);
            end += 1;
        }
        found
    }

    /// Reports a role word right before the capitalised word at `i`, which
    /// follows a space.
    fn role_before(&self, text: &str, i: usize, hit: &mut impl FnMut(Hit)) {
        // Most words before a capital fail the shape test; find the word's
        // start over role bytes first (at most 32 of them: no role word is
        // longer) and test before anything else.
        let bytes = text.as_bytes();
        let end = i - 1;
        let floor = end.saturating_sub(32);
        let len = bytes[floor..end]
            .iter()
            .rev()
            .take_while(|&&b| ROLE_BYTE[b as usize])
            .count();
        if len == 0 || len >= 32 {
            return;
        }
        let start = end - len;
        if self.role_shapes[shape_index(bytes[start], bytes[end - 1])] & (1 << len) == 0 {
            return;
        }
        // The word as `word_before` sees it: the role bytes, unless a word
        // char that is not one comes first ("2adviser", "d'Or", "é").
        let word = match start.checked_sub(1).map(|b| bytes[b]) {
            Some(b) if b >= 0x80 || scan::is_ascii_word_byte(b) => match scan::word_before(text, i) {
                Some(word) => word,
                None => return,
            },
            _ => Span::new(start, end),
        };
        let written = &bytes[word.range()];
        if written.len() >= 32 {
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
        lower.copy_from_slice(written);
        lower.make_ascii_lowercase();
        if let Some(&false) = self.roles.get(&*lower) {
            hit(Hit::Role {
                span: word,
                honorific: false,
            });
        }
    }
}

/// A byte a role word can contain: "adviser", "vice-president", "Mr.".
static ROLE_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphabetic() || byte == b'-' || byte == b'.';
        b += 1;
    }
    table
};

/// The index into `role_shapes` of a word with this first and last byte:
/// five bits of each, which for letters ignore ASCII case (other bytes may
/// share an index with a letter; that only weakens the test).
fn shape_index(first: u8, last: u8) -> usize {
    (first as usize & 0x1F) << 5 | (last as usize & 0x1F)
}

/// Byte classes for finding a word's end: one table lookup per byte
/// instead of a chain of comparisons.
const OTHER: u8 = 0;
const WORD: u8 = 1;
const UPPER: u8 = 2;
const CONTINUATION: u8 = 4;
const LEAD: u8 = 8;
/// Classes that continue a word without decoding.
const CONTINUES: u8 = WORD | UPPER | CONTINUATION;

static CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_alphanumeric() || byte == b'_' {
            WORD
        } else if byte >= 0xC0 {
            LEAD
        } else if byte >= 0x80 {
            CONTINUATION
        } else {
            OTHER
        };
        b += 1;
    }
    class
};

/// The patterns' first words and the automaton's state after each: an
/// open-addressing hash table (linear probing, at most a quarter full, so
/// that a probe mostly finds its word or an empty slot at once: half the
/// capitalised words of news are first words, so hits count as much as
/// misses).
struct FirstWords {
    /// Per slot, 1 + the index of its entry, or 0 for an empty slot.
    slots: Box<[u32]>,
    entries: Vec<FirstWord>,
    /// `slots.len()` is `1 << bits`.
    bits: u32,
}

/// A first word, by the key [`WordKey`] reads from the text, and the
/// automaton's state after it.
struct FirstWord {
    key: WordKey,
    state: StateID,
    /// The word itself, compared only when the key does not hold all of
    /// it (a word longer than sixteen bytes).
    word: Box<[u8]>,
}

/// A word as its first and last eight bytes (zero-padded; the last only
/// past eight) and its length: the whole word up to sixteen bytes, so
/// that two words of that size are compared as three numbers, without a
/// call to compare bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordKey {
    head: u64,
    tail: u64,
    len: usize,
}

impl WordKey {
    /// The key of the word `bytes[start..end]`. Eight bytes are loaded
    /// straight from the text where it has them, since copying a shorter
    /// word into a buffer first makes the processor wait for the copy.
    fn new(bytes: &[u8], start: usize, end: usize) -> WordKey {
        let len = end - start;
        let load = |at: usize, n: usize| -> u64 {
            let word = match bytes.get(at..at + 8) {
                Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])),
                None => {
                    let mut buffer = [0u8; 8];
                    buffer[..n].copy_from_slice(&bytes[at..at + n]);
                    u64::from_le_bytes(buffer)
                }
            };
            if n >= 8 {
                word
            } else {
                word & ((1u64 << (8 * n)) - 1)
            }
        };
        let head = load(start, len.min(8));
        let tail = if len > 8 { load(end - 8, 8) } else { 0 };
        WordKey { head, tail, len }
    }

    /// A hash of the key: each number multiplied once, instead of a
    /// multiply per byte (the scan hashes every capitalised word).
    fn hash(&self) -> u64 {
        let mixed = self.head.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ self.tail.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ self.len as u64;
        (mixed ^ mixed >> 29).wrapping_mul(0xBF58_476D_1CE4_E5B9)
    }
}

impl FirstWords {
    fn new(automaton: &NFA, patterns: &[Box<str>]) -> FirstWords {
        // The scan never asks for an empty word (it asks at a letter or
        // digit), so a pattern starting with another character has none.
        let mut first: Vec<&[u8]> = patterns
            .iter()
            .map(|p| &p.as_bytes()[..word_end(p, 0)])
            .filter(|w| !w.is_empty())
            .collect();
        first.sort_unstable();
        first.dedup();
        let bits = (4 * first.len()).next_power_of_two().max(64).trailing_zeros();
        let mut table = FirstWords {
            slots: vec![0; 1 << bits].into_boxed_slice(),
            entries: Vec::with_capacity(first.len()),
            bits,
        };
        // The contiguous NFA always has an anchored start. Without one the
        // table would stay empty and nothing match, as an anchored search
        // would then find nothing either.
        let Ok(start) = automaton.start_state(Anchored::Yes) else {
            return table;
        };
        for word in first {
            // A path of the trie: the walk never dies inside it.
            let state = word
                .iter()
                .fold(start, |sid, &b| automaton.next_state(Anchored::Yes, sid, b));
            let key = WordKey::new(word, 0, word.len());
            let mut slot = table.slot(&key);
            while table.slots[slot] != 0 {
                slot = (slot + 1) & (table.slots.len() - 1);
            }
            table.entries.push(FirstWord {
                key,
                state,
                word: word.into(),
            });
            table.slots[slot] = table.entries.len() as u32;
        }
        table
    }

    /// The first slot to probe for a word with this key.
    fn slot(&self, key: &WordKey) -> usize {
        (key.hash() >> (64 - self.bits)) as usize
    }

    /// The automaton's state after the word `bytes[start..end]`, when it
    /// is a pattern's first word.
    fn state_after(&self, bytes: &[u8], start: usize, end: usize) -> Option<StateID> {
        let key = WordKey::new(bytes, start, end);
        let mut slot = self.slot(&key);
        loop {
            let entry = &self.entries[self.slots[slot].checked_sub(1)? as usize];
            if entry.key == key && (key.len <= 16 || *entry.word == bytes[start..end]) {
                return Some(entry.state);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }

    fn memory_usage(&self) -> usize {
        self.slots.len() * 4
            + self.entries.iter().map(|e| e.word.len()).sum::<usize>()
            + self.entries.capacity() * std::mem::size_of::<FirstWord>()
    }
}

/// The first byte at or after `i` that is an ASCII capital or not ASCII
/// (a non-ASCII letter may be a capital), or the text's length. Eight bytes
/// at a time: a chunk of ASCII without capitals is skipped whole, and in a
/// chunk with one the lowest flagged byte is the answer.
fn next_capital(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A byte's high bit is set in `ge_a` when it is >= 'A', in `gt_z`
        // when it is > 'Z'. A byte of 0x80 or more may carry into the next
        // byte's sums, but it is flagged itself (by `x & HIGH`), and a carry
        // only reaches later bytes: the lowest flagged byte is exact.
        let ge_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
        let gt_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
        let flagged = (x | (ge_a & !gt_z)) & HIGH;
        if flagged != 0 {
            return i + (flagged.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_uppercase() || b >= 0x80 {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// True when the char before `at` is part of a word (letter, digit, `_`).
fn continues_word(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => text[..at].chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

/// The end of the word starting at `i` (letters, digits, `_`).
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        let rest = &bytes[i..];
        i += rest
            .iter()
            .position(|&b| CLASS[b as usize] & CONTINUES == 0)
            .unwrap_or(rest.len());
        match bytes.get(i) {
            Some(&b) if CLASS[b as usize] == LEAD => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    return i;
                }
                i += c.len_utf8();
            }
            _ => return i,
        }
    }
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
    fn a_word_has_one_key_wherever_it_stands() {
        let word = "Vladimir";
        let text = "President Vladimir Putin; Vladimir";
        let in_text = WordKey::new(text.as_bytes(), 10, 18);
        assert!(in_text == WordKey::new(word.as_bytes(), 0, 8));
        assert!(in_text == WordKey::new(text.as_bytes(), 26, 34));
        assert_eq!(in_text.hash(), WordKey::new(text.as_bytes(), 26, 34).hash());
        assert!(WordKey::new(b"UN Security", 0, 2) == WordKey::new(b"UN", 0, 2));
        let long = WordKey::new(b"Zaporizhzhia nuclear", 0, 12);
        assert!(long == WordKey::new(b"Zaporizhzhia", 0, 12));
        assert!(long != WordKey::new(b"Zaporizhzhja", 0, 12));
    }

    #[test]
    fn next_capital_agrees_with_a_byte_by_byte_search() {
        let text = "the quick brown fox jumps over the lazy dog, said Ana of the Élysée in KYIV";
        let bytes = text.as_bytes();
        for i in 0..=bytes.len() {
            let naive = (i..bytes.len())
                .find(|&j| bytes[j].is_ascii_uppercase() || bytes[j] >= 0x80)
                .unwrap_or(bytes.len());
            assert_eq!(next_capital(bytes, i), naive, "from {i}");
        }
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
