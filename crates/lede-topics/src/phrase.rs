//! Whole-word phrase matching in one pass: the shared engine of topic
//! triggers and claim features.
//!
//! All phrases of a taxonomy are compiled into one table, keyed by their
//! first word, so a text is read once whatever the number of phrases: at
//! each word start, the word (and, for `*` phrases, its prefixes of the
//! lengths some phrase needs) is looked up, and only the phrases that start
//! with it are compared with the text. Longest-first is deliberate: "Bank
//! of England" shadows "England", "fantasy football" shadows "football";
//! phrases that end at the same place all count (`sanctions` and
//! `sanction*` both match "sanctions"). On each match:
//!
//! - word boundaries: a match starts at a word start and no letter or digit
//!   follows it (after a phrase ending in `*`, the match extends to the end
//!   of its word: `tariff*` covers "tariffs");
//! - case: a capital in the phrase must be a capital in the text, lowercase
//!   matches either, so `US` does not match "us", `Apple` does not match
//!   "apple", and `nato` matches "NATO" and "Nato".
//!
//! Why not an Aho-Corasick automaton: with the default taxonomy's three
//! thousand phrases its DFA takes about 8 MB, and reading news text through
//! it ran at about 200 MB/s (cache misses on every word); the word table
//! fits in the L2 cache and most words end at a one-bit filter miss.

use std::collections::HashMap;

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

/// Phrases compiled into one table. Matching reads a copy of the text in
/// which ASCII letters are lowercase and every character that is not a
/// letter or digit (ASCII punctuation and whitespace, and the common
/// Unicode quotes, dashes and spaces) is a space; the copy keeps the text's
/// byte offsets. Phrases are mapped the same way, so punctuation inside a
/// phrase matches any other (`hat-trick` also matches "hat trick") and a
/// phrase's words match across a line break.
#[derive(Clone, Debug)]
pub(crate) struct PhraseSet {
    phrases: Vec<Phrase>,
    /// The distinct mapped phrases: phrases equal up to ASCII case and
    /// punctuation (several topics list "Kremlin") are compared with the
    /// text once.
    patterns: Vec<Pattern>,
    /// The phrases of each pattern; patterns point into it.
    members: Vec<u32>,
    /// Per member, where its phrase has capitals (bit `i`: byte `i`), so
    /// the case check reads no phrase text.
    capitals: Vec<Capitals>,
    /// The words a pattern is looked up by → the patterns. A pattern of
    /// three words or more, or of two whole words, is listed under its
    /// first two words, so that a common first word ("the") does not bring
    /// every phrase that starts with it; others under their first word or
    /// stem.
    table: WordTable,
    /// Pattern indices, grouped by lookup; the table points into it.
    candidates: Vec<u32>,
    /// Bit `n` is set when some one-word `*` phrase has a stem of `n` bytes:
    /// the prefix lengths worth looking up inside a word.
    stem_lengths: u64,
    /// The hashes of the first `STEM_GATE` bytes of every longer stem: a
    /// word that starts otherwise has no stem inside it worth looking up.
    stem_starts: Vec<u64>,
}

/// The prefix length at which a word is checked against `stem_starts`.
const STEM_GATE: usize = 3;

/// One distinct mapped phrase.
#[derive(Clone, Debug)]
struct Pattern {
    /// The phrase as matching reads it (a phrase ending in punctuation,
    /// such as `U.S.`, ends in a space).
    key: Box<[u8]>,
    /// Ends in `*`: matches a word prefix.
    prefix: bool,
    /// The length of the words it is looked up by.
    lookup_len: u32,
    /// Its run of `members`.
    from: u32,
    count: u32,
}

impl PhraseSet {
    /// Compiles `phrases` (as written, `*` included); matches report the
    /// index of the phrase in this list.
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Result<PhraseSet, TopicsError> {
        let phrases: Vec<Phrase> = phrases.iter().map(|p| Phrase::new(p.as_ref())).collect();
        let mut grouped: Vec<(Vec<u8>, bool, u32)> = Vec::with_capacity(phrases.len());
        for (i, phrase) in phrases.iter().enumerate() {
            let key = spaced(&phrase.text);
            if key.trim_ascii().is_empty() || key.starts_with(b" ") {
                return Err(TopicsError::Automaton {
                    reason: format!("phrase {:?} does not start with a letter or digit", phrase.text),
                });
            }
            grouped.push((key, phrase.prefix, i as u32));
        }
        grouped.sort_unstable();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut members = Vec::with_capacity(phrases.len());
        let mut capitals = Vec::with_capacity(phrases.len());
        let mut pair_starts: Vec<u64> = Vec::new();
        let mut by_lookup: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut stem_lengths = 0u64;
        let mut stem_starts = vec![0u64; 64];
        for group in grouped.chunk_by(|a, b| (&a.0, a.1) == (&b.0, b.1)) {
            let (key, prefix) = (&group[0].0, group[0].1);
            let first_len = key.iter().position(|&b| b == b' ').unwrap_or(key.len());
            let second_end = key[(first_len + 1).min(key.len())..]
                .iter()
                .position(|&b| b == b' ')
                .map(|p| first_len + 1 + p);
            if prefix && first_len == key.len() && key.len() < 64 {
                // Stems of 64 bytes or more only match as whole words.
                stem_lengths |= 1 << key.len();
                if key.len() >= STEM_GATE {
                    let bit = (hash(&key[..STEM_GATE]) >> 52) as usize;
                    stem_starts[bit >> 6] |= 1 << (bit & 63);
                }
            }
            // Under its first two words when both are whole words: the key
            // goes on after the second, or ends there without a `*`.
            let pair = match second_end {
                Some(end) if end < key.len() => Some(end),
                None if !prefix && first_len < key.len() => Some(key.len()),
                _ => None,
            };
            let lookup = match pair {
                Some(end) => {
                    pair_starts.push(hash(&key[..first_len]));
                    end
                }
                None => first_len,
            };
            by_lookup
                .entry(hash(&key[..lookup]))
                .or_default()
                .push(patterns.len() as u32);
            patterns.push(Pattern {
                key: key.clone().into_boxed_slice(),
                prefix,
                lookup_len: lookup as u32,
                from: members.len() as u32,
                count: group.len() as u32,
            });
            members.extend(group.iter().map(|g| g.2));
            capitals.extend(group.iter().map(|g| Capitals::of(&phrases[g.2 as usize].text)));
        }
        // First words that start some two-word lookup, even those no
        // pattern is listed under alone, get an entry (maybe empty) flagged
        // so.
        for &h in &pair_starts {
            by_lookup.entry(h).or_default();
        }
        pair_starts.sort_unstable();
        let mut candidates = Vec::with_capacity(patterns.len());
        let mut entries = Vec::with_capacity(by_lookup.len());
        for (h, list) in by_lookup {
            entries.push(Entry {
                hash: h,
                from: candidates.len() as u32,
                count: list.len() as u32,
                pairs: pair_starts.binary_search(&h).is_ok(),
            });
            candidates.extend(list);
        }
        Ok(PhraseSet {
            phrases,
            patterns,
            members,
            capitals,
            table: WordTable::new(&entries),
            candidates,
            stem_lengths,
            stem_starts,
        })
    }

    /// The phrase with this index.
    pub fn phrase(&self, index: u32) -> &Phrase {
        &self.phrases[index as usize]
    }

    /// Calls `found(phrase, span)` for every whole-word match in `text`, in
    /// order: at each word start, the phrases of the longest match there
    /// whose case policy the text meets; the search goes on after it.
    pub fn find(&self, text: &str, mut found: impl FnMut(u32, Span)) {
        if self.phrases.is_empty() {
            return;
        }
        let copy = spaced(text);
        let bytes = text.as_bytes();
        let n = copy.len();
        // The patterns matching at the current word start, with their ends.
        let mut matched: Vec<(usize, u32)> = Vec::new();
        let mut reported: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < n {
            if copy[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            let mut h = SEED;
            let mut stems = self.stem_lengths;
            while i < n && copy[i] != b' ' {
                h = step(h, copy[i]);
                i += 1;
                let len = i - start;
                if len == STEM_GATE {
                    let bit = (h >> 52) as usize;
                    if self.stem_starts[bit >> 6] & (1 << (bit & 63)) == 0 {
                        stems = 0;
                    }
                }
                if len < 64 && (stems >> len) & 1 == 1 && i < n && copy[i] != b' ' {
                    if let Some(entry) = self.table.get(h) {
                        self.try_candidates(entry, len, &copy, start, &mut matched);
                    }
                }
            }
            let entry = self.table.get(h);
            if let Some(entry) = entry {
                self.try_candidates(entry, i - start, &copy, start, &mut matched);
            }
            if entry.is_some_and(|e| e.pairs) && i < n {
                // The first two words: this one, the space, the next.
                let mut pair = step(h, b' ');
                let mut j = i + 1;
                while j < n && copy[j] != b' ' {
                    pair = step(pair, copy[j]);
                    j += 1;
                }
                if let Some(entry) = self.table.get(pair) {
                    self.try_candidates(entry, j - start, &copy, start, &mut matched);
                }
            }
            if matched.is_empty() {
                continue;
            }
            let longest = matched.iter().map(|&(end, _)| end).max().unwrap_or(start);
            reported.clear();
            for &(end, pattern) in &matched {
                if end != longest {
                    continue;
                }
                let pattern = &self.patterns[pattern as usize];
                let run = pattern.from as usize..(pattern.from + pattern.count) as usize;
                for (&index, capitals) in self.members[run.clone()].iter().zip(&self.capitals[run]) {
                    let ok = match capitals {
                        Capitals::None => true,
                        &Capitals::At(mask) => capitals_at(mask, &bytes[start..end]),
                        Capitals::Long => self.phrases[index as usize].case_matches(&bytes[start..end]),
                    };
                    if ok {
                        reported.push(index);
                    }
                }
            }
            matched.clear();
            if reported.is_empty() {
                continue;
            }
            if reported.len() > 1 {
                reported.sort_unstable();
            }
            // A phrase ending in punctuation may have matched a space there
            // ("Opec+" in "Opec members"): not evidence.
            let mut end = longest;
            while end > start && bytes[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            let span = Span::new(start, end);
            for &index in &reported {
                found(index, span);
            }
            i = i.max(longest);
        }
    }

    /// Adds to `matched` the patterns of `entry` (looked up by the `len`
    /// bytes at `start`) that match `copy` there, each with its end.
    #[inline]
    fn try_candidates(&self, entry: Entry, len: usize, copy: &[u8], start: usize, matched: &mut Vec<(usize, u32)>) {
        for &index in &self.candidates[entry.from as usize..(entry.from + entry.count) as usize] {
            let pattern = &self.patterns[index as usize];
            if pattern.lookup_len as usize != len {
                continue;
            }
            let end = start + pattern.key.len();
            // Keys are short: a plain loop beats a call to memcmp.
            let same = copy
                .get(start..end)
                .is_some_and(|found| found.iter().zip(pattern.key.iter()).all(|(a, b)| a == b));
            if !same {
                continue;
            }
            let word_end = end + copy[end..].iter().position(|&b| b == b' ').unwrap_or(copy.len() - end);
            if pattern.prefix {
                matched.push((word_end, index));
            } else if word_end == end {
                matched.push((end, index));
            }
        }
    }
}

/// Where a phrase has capitals.
#[derive(Clone, Copy, Debug)]
enum Capitals {
    /// Nowhere: it matches any case.
    None,
    /// At these byte positions (bit `i` for byte `i`).
    At(u64),
    /// Somewhere past byte 64: checked against the phrase text.
    Long,
}

impl Capitals {
    fn of(phrase: &str) -> Capitals {
        let mut mask = 0u64;
        for (i, b) in phrase.bytes().enumerate() {
            if b.is_ascii_uppercase() {
                if i >= 64 {
                    return Capitals::Long;
                }
                mask |= 1 << i;
            }
        }
        if mask == 0 {
            Capitals::None
        } else {
            Capitals::At(mask)
        }
    }
}

/// True when `found` has a capital at every position set in `mask`.
#[inline]
fn capitals_at(mut mask: u64, found: &[u8]) -> bool {
    while mask != 0 {
        let i = mask.trailing_zeros() as usize;
        if !found.get(i).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        mask &= mask - 1;
    }
    true
}

/// The phrases listed under one lookup hash.
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    /// The hash; 0 marks an empty slot.
    hash: u64,
    /// The run of `candidates` listed under it.
    from: u32,
    count: u32,
    /// Some phrase is listed under this word and the next.
    pairs: bool,
}

/// An open-addressing hash table from a lookup hash to its entry, with a
/// one-bit-per-hash filter in front so that most words (those no phrase
/// starts with) cost one bit test.
#[derive(Clone, Debug)]
struct WordTable {
    slots: Vec<Entry>,
    filter: Vec<u64>,
}

/// log2 of the filter's size in bits.
const FILTER_BITS: u32 = 16;

impl WordTable {
    fn new(entries: &[Entry]) -> WordTable {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Entry::default(); size];
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for &entry in entries {
            let mut at = entry.hash as usize & (size - 1);
            while slots[at].hash != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = entry;
            let bit = (entry.hash >> (64 - FILTER_BITS)) as usize;
            filter[bit >> 6] |= 1 << (bit & 63);
        }
        WordTable { slots, filter }
    }

    #[inline]
    fn get(&self, h: u64) -> Option<Entry> {
        let bit = (h >> (64 - FILTER_BITS)) as usize;
        if self.filter[bit >> 6] & (1 << (bit & 63)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let entry = self.slots[at];
            if entry.hash == h {
                return Some(entry);
            }
            if entry.hash == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of a word's hash. Collisions cost a wasted comparison, never a
/// wrong match: candidates are compared with the text.
#[inline]
fn step(h: u64, byte: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x517c_c1b7_2722_0a95) | 1
}

fn hash(word: &[u8]) -> u64 {
    word.iter().fold(SEED, |h, &b| step(h, b))
}

/// Each byte of `text` as matching reads it: ASCII letters lowercase,
/// ASCII digits and non-ASCII bytes as they are, and a space for every
/// byte of a character that is not a letter or digit: ASCII punctuation,
/// controls and whitespace, the General Punctuation block (U+2000 to
/// U+203F: curly quotes, dashes, special spaces, ellipsis) and the
/// no-break space and angle quotes. Letters of any script still join words.
fn spaced(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = bytes.iter().map(|&b| MAP[b as usize]).collect();
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
            out[i..stop].fill(b' ');
            i = stop;
        }
    }
    out
}

/// The byte map of [`spaced`] for single bytes.
static MAP: [u8; 256] = {
    let mut map = [b' '; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        map[b] = if byte >= 0x80 || byte.is_ascii_digit() || byte.is_ascii_lowercase() {
            byte
        } else if byte.is_ascii_uppercase() {
            byte.to_ascii_lowercase()
        } else {
            b' '
        };
        b += 1;
    }
    map
};

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(phrases: &[&str], text: &str) -> Vec<(String, String)> {
        let set = PhraseSet::new(phrases).unwrap();
        let mut out = Vec::new();
        set.find(text, |i, span| {
            out.push((set.phrase(i).written(), span.slice(text).to_string()))
        });
        out
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(
            matches(&["war", "art"], "A warning, the art of war: WAR."),
            [
                ("art".into(), "art".into()),
                ("war".into(), "war".into()),
                ("war".into(), "WAR".into())
            ]
        );
    }

    #[test]
    fn capitals_in_the_phrase_are_required() {
        assert_eq!(
            matches(&["US"], "Let us talk, said US envoys."),
            [("US".into(), "US".into())]
        );
        assert_eq!(
            matches(&["Apple"], "an apple; APPLE; Apple"),
            [("Apple".into(), "APPLE".into()), ("Apple".into(), "Apple".into())]
        );
        assert_eq!(matches(&["nato"], "Nato and NATO").len(), 2);
    }

    #[test]
    fn longest_phrase_shadows_its_parts_and_prefixes_cover_the_word() {
        assert_eq!(
            matches(
                &["England", "Bank of England", "tariff*"],
                "The Bank of England fears tariffs in England."
            ),
            [
                ("Bank of England".into(), "Bank of England".into()),
                ("tariff*".into(), "tariffs".into()),
                ("England".into(), "England".into())
            ]
        );
    }

    #[test]
    fn stems_of_every_length_match() {
        // Every stem a word starts with matches it (they all end at its end).
        let found = matches(
            &["a*", "ab*", "abc*", "abcd*", "abcde*"],
            "ax abx abcx abcdx abcdex abcde b",
        );
        let per_word: Vec<(&str, usize)> = ["ax", "abx", "abcx", "abcdx", "abcdex", "abcde", "b"]
            .into_iter()
            .map(|w| (w, found.iter().filter(|(_, text)| text == w).count()))
            .collect();
        assert_eq!(
            per_word,
            [
                ("ax", 1),
                ("abx", 2),
                ("abcx", 3),
                ("abcdx", 4),
                ("abcdex", 5),
                ("abcde", 5),
                ("b", 0)
            ]
        );
    }

    #[test]
    fn a_longer_match_of_the_same_word_keeps_its_prefix_phrases() {
        assert_eq!(
            matches(
                &["sanctions", "sanction*", "sanctions regime"],
                "new sanctions; sanctioned"
            ),
            [
                ("sanctions".into(), "sanctions".into()),
                ("sanction*".into(), "sanctions".into()),
                ("sanction*".into(), "sanctioned".into())
            ]
        );
    }

    #[test]
    fn a_match_inside_a_word_does_not_hide_the_next_word() {
        assert_eq!(
            matches(&["ward", "rd war"], "reward war"),
            Vec::<(String, String)>::new()
        );
        assert_eq!(matches(&["war"], "rewar war"), [("war".into(), "war".into())]);
        assert_eq!(
            matches(&["U.S.", "hat-trick"], "U.S.-led; a hat trick"),
            [("U.S.".into(), "U.S.".into()), ("hat-trick".into(), "hat trick".into())]
        );
        assert_eq!(
            matches(&["war"], "\u{201C}War\u{201D} — war»war"),
            [
                ("war".into(), "War".into()),
                ("war".into(), "war".into()),
                ("war".into(), "war".into())
            ]
        );
        assert_eq!(
            matches(&["trade war"], "a trade\nwar, a trade\n\nwar"),
            [("trade war".into(), "trade\nwar".into())]
        );
        assert_eq!(
            matches(&["Kyiv"], "«Kyiv»Київ Kyiv"),
            [("Kyiv".into(), "Kyiv".into()), ("Kyiv".into(), "Kyiv".into())]
        );
    }
}
