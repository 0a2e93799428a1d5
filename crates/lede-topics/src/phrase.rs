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
//!
//! What a word costs, since the loop runs once per word of every text: a
//! mask of the word bytes of each 64 bytes gives word starts and ends (a
//! few instructions per eight bytes), one eight-byte load and one folded
//! multiplication hash a word of up to eight bytes, and a bit test rejects
//! it when no phrase starts with it. Stems are looked up only at the lengths
//! some stem starting with the word's first four bytes has (three for a
//! three-byte stem), and a two-word lookup only where the next word starts
//! like the second word of a pair listed under this one.
//! `examples/tag_loop.rs` measures this under callgrind.

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
    /// Bit `n` is set when some one-word `*` phrase has a stem of `n` bytes,
    /// `n` below `STEM_GATE - 1`: prefix lengths worth looking up in any
    /// word.
    short_stems: u64,
    /// The stems of `STEM_GATE` bytes or more by their first `STEM_GATE`
    /// bytes (`gate`): bit `n` of an entry is set when some stem of `n`
    /// bytes starts that way, so a word looks up only the prefix lengths a
    /// stem starting like it has (most words, none).
    stem_gate: Box<[u64; GATE_SIZE]>,
    /// The stems of `STEM_GATE - 1` bytes by those bytes: bit `gate` is
    /// set when one is. (A gate keyed by three bytes let through most words
    /// that merely start like a longer stem: "then" for "theatr*".)
    shorter_gate: Box<[u64; GATE_SIZE / 64]>,
}

/// The prefix length at which a word is checked against `stem_gate`.
const STEM_GATE: usize = 4;

/// Entries of `stem_gate`: 32 KB, in the L1 cache or near it; with a
/// quarter of that, one word in eight of news text looked up stems no
/// phrase has.
const GATE_SIZE: usize = 1 << 12;

/// The `stem_gate` entry of a word whose first eight bytes are `first`
/// (little-endian), keyed by its first `bytes` bytes (a word of at least
/// that many).
#[inline]
fn gate(first: u64, bytes: usize) -> usize {
    ((first & (u64::MAX >> (64 - 8 * bytes))).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - GATE_SIZE.trailing_zeros()))
        as usize
}

/// One distinct mapped phrase.
#[derive(Clone, Debug)]
struct Pattern {
    /// The phrase as matching reads it (a phrase ending in punctuation,
    /// such as `U.S.`, ends in a space), in groups of eight bytes as `load`
    /// reads them, the last one padded with zeros: compared with the text a
    /// group at a time.
    key: Box<[u64]>,
    /// The key's length in bytes.
    len: u32,
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
        // First words of pair lookups → the `Entry::seconds` mask.
        let mut pair_starts: HashMap<u64, u64> = HashMap::new();
        let mut by_lookup: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut short_stems = 0u64;
        let mut stem_gate = Box::new([0u64; GATE_SIZE]);
        let mut shorter_gate = Box::new([0u64; GATE_SIZE / 64]);
        for group in grouped.chunk_by(|a, b| (&a.0, a.1) == (&b.0, b.1)) {
            let (key, prefix) = (&group[0].0, group[0].1);
            let first_len = key.iter().position(|&b| b == b' ').unwrap_or(key.len());
            let second_end = key[(first_len + 1).min(key.len())..]
                .iter()
                .position(|&b| b == b' ')
                .map(|p| first_len + 1 + p);
            if prefix && first_len == key.len() && key.len() < 64 {
                // Stems of 64 bytes or more only match as whole words.
                if key.len() >= STEM_GATE {
                    stem_gate[gate(first_bytes(key), STEM_GATE)] |= 1 << key.len();
                } else if key.len() == STEM_GATE - 1 {
                    let at = gate(first_bytes(key), STEM_GATE - 1);
                    shorter_gate[at / 64] |= 1 << (at % 64);
                } else {
                    short_stems |= 1 << key.len();
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
                    *pair_starts.entry(hash(&key[..first_len])).or_default() |= second_bit(key, first_len);
                    end
                }
                None => first_len,
            };
            by_lookup
                .entry(hash(&key[..lookup]))
                .or_default()
                .push(patterns.len() as u32);
            patterns.push(Pattern {
                key: key.chunks(8).map(first_bytes).collect(),
                len: key.len() as u32,
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
        for &h in pair_starts.keys() {
            by_lookup.entry(h).or_default();
        }
        let mut candidates = Vec::with_capacity(patterns.len());
        let mut entries = Vec::with_capacity(by_lookup.len());
        for (h, list) in by_lookup {
            entries.push(Entry {
                hash: h,
                from: candidates.len() as u32,
                count: list.len() as u32,
                seconds: pair_starts.get(&h).copied().unwrap_or(0),
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
            short_stems,
            stem_gate,
            shorter_gate,
        })
    }

    /// The phrase with this index.
    pub fn phrase(&self, index: u32) -> &Phrase {
        &self.phrases[index as usize]
    }

    /// Calls `found(phrase, span)` for every whole-word match in `text`, in
    /// order: at each word start, the phrases of the longest match there
    /// whose case policy the text meets; the search goes on after it.
    /// `scratch` holds the buffers it needs, so that a caller matching many
    /// texts allocates them once.
    pub fn find_with(&self, text: &str, scratch: &mut Scratch, mut found: impl FnMut(u32, Span)) {
        if self.phrases.is_empty() {
            return;
        }
        let n = text.len();
        // The copy is padded with spaces to whole blocks of 64 bytes, for
        // the word masks, and `PAD` more, so that words can be read eight
        // bytes at a time up to the end of the text (see `load`); matching
        // itself only reads the text's own bytes.
        spaced_into(text, &mut scratch.padded);
        let blocks = n.div_ceil(64);
        scratch.padded.resize(blocks * 64 + PAD, b' ');
        let padded = &scratch.padded[..];
        // Where the search goes on: the end of the last word looked at or
        // of the last match (never inside a word).
        let mut resume = 0;
        // Whether the block before ended inside a word.
        let mut carry = 0;
        // Every word passes here; the few that some phrase may start with
        // (one in three in news text) go on to `matches_at`. A block's
        // mask of word bytes gives its word starts and ends, so the loop
        // goes from word start to word start.
        for (b, block) in padded.chunks_exact(64).take(blocks).enumerate() {
            let base = b * 64;
            let letters = word_bytes(block);
            let mut starts = letters & !(letters << 1 | carry);
            carry = letters >> 63;
            while starts != 0 {
                let at = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let start = base + at;
                if start < resume {
                    continue;
                }
                let after = !letters >> at;
                let i = if after != 0 {
                    start + after.trailing_zeros() as usize
                } else {
                    word_end(padded, base + 64)
                };
                resume = i;
                let len = i - start;
                let first = load(padded, start);
                // The stems some phrase has that are shorter than this word
                // (the whole word is looked up below).
                let mut stems = self.short_stems;
                if len >= STEM_GATE {
                    let at = gate(first, STEM_GATE - 1);
                    stems |= (self.shorter_gate[at / 64] >> (at % 64) & 1) << (STEM_GATE - 1);
                    if len > STEM_GATE {
                        stems |= self.stem_gate[gate(first, STEM_GATE)];
                    }
                }
                // Most words start no stem: no mask to build.
                if stems != 0 {
                    stems &= below(len);
                }
                let h = if len <= 8 {
                    hash_short(first, len)
                } else {
                    hash_at(padded, start, len)
                };
                // An entry with no phrase of its own only starts pairs ("the"
                // for "the Hague"): it counts when the next word starts like
                // one of their second words.
                let entry = self
                    .table
                    .get(h)
                    .filter(|e| e.count != 0 || (i < n && e.seconds >> (padded[i + 1] & 63) & 1 == 1));
                if entry.is_none() && stems == 0 {
                    continue;
                }
                let word = Word {
                    start,
                    end: i,
                    stems,
                    entry,
                };
                resume = self.matches_at(
                    word,
                    text,
                    padded,
                    &mut scratch.matched,
                    &mut scratch.reported,
                    &mut found,
                );
            }
        }
    }

    /// Reports the phrases of the longest match at a word start, if any,
    /// and returns where the search goes on. Inlined: out of line, the call
    /// cost more than the registers it freed in the word loop.
    #[inline(always)]
    fn matches_at(
        &self,
        word: Word,
        text: &str,
        padded: &[u8],
        matched: &mut Vec<(usize, u32)>,
        reported: &mut Vec<u32>,
        found: &mut impl FnMut(u32, Span),
    ) -> usize {
        let Word {
            start,
            end: i,
            entry,
            stems,
        } = word;
        let n = text.len();
        // Most words that get here have one pattern listed under them and
        // no stem or pair to look up: at most one match, whose phrases are
        // in order already, so no lists.
        if let Some(entry) = entry {
            if stems == 0 && entry.count == 1 && !(i < n && entry.seconds >> (padded[i + 1] & 63) & 1 == 1) {
                let index = self.candidates[entry.from as usize];
                let Some(end) = self.match_end(index, i - start, padded, n, start) else {
                    return i;
                };
                let mut any = false;
                let span = trimmed(text, start, end);
                self.each_case_match(index, &text.as_bytes()[start..end], |phrase| {
                    found(phrase, span);
                    any = true;
                });
                return if any { i.max(end) } else { i };
            }
        }
        let mut stems = stems;
        matched.clear();
        while stems != 0 {
            let stem = stems.trailing_zeros() as usize;
            stems &= stems - 1;
            if let Some(entry) = self.table.get(hash_at(padded, start, stem)) {
                self.try_candidates(entry, stem, padded, n, start, matched);
            }
        }
        if let Some(entry) = entry {
            self.try_candidates(entry, i - start, padded, n, start, matched);
            if i < n && entry.seconds >> (padded[i + 1] & 63) & 1 == 1 {
                // The first two words: this one, the space, the next
                // (which starts like the second word of some pair).
                let j = word_end(padded, i + 1);
                if let Some(entry) = self.table.get(hash_at(padded, start, j - start)) {
                    self.try_candidates(entry, j - start, padded, n, start, matched);
                }
            }
        }
        let Some(longest) = matched.iter().map(|&(end, _)| end).max() else {
            return i;
        };
        let bytes = &text.as_bytes()[start..longest];
        reported.clear();
        for &(end, pattern) in matched.iter() {
            if end == longest {
                self.each_case_match(pattern, bytes, |phrase| reported.push(phrase));
            }
        }
        if reported.is_empty() {
            return i;
        }
        if reported.len() > 1 {
            reported.sort_unstable();
        }
        let span = trimmed(text, start, longest);
        for &index in reported.iter() {
            found(index, span);
        }
        i.max(longest)
    }

    /// Calls `report(phrase)` for each phrase of `pattern`, in order, whose
    /// capitals are capitals in `found` (the matched bytes of the text).
    #[inline(always)]
    fn each_case_match(&self, pattern: u32, found: &[u8], mut report: impl FnMut(u32)) {
        let pattern = &self.patterns[pattern as usize];
        let run = pattern.from as usize..(pattern.from + pattern.count) as usize;
        for (&index, capitals) in self.members[run.clone()].iter().zip(&self.capitals[run]) {
            let ok = match capitals {
                Capitals::None => true,
                &Capitals::At(mask) => capitals_at(mask, found),
                Capitals::Long => self.phrases[index as usize].case_matches(found),
            };
            if ok {
                report(index);
            }
        }
    }

    /// Where pattern `index`, looked up by the `len` bytes at `start`,
    /// ends when it matches there. `padded` is the spaced copy of a text of
    /// `n` bytes, then spaces.
    #[inline(always)]
    fn match_end(&self, index: u32, len: usize, padded: &[u8], n: usize, start: usize) -> Option<usize> {
        let pattern = &self.patterns[index as usize];
        if pattern.lookup_len as usize != len {
            return None;
        }
        let end = start + pattern.len as usize;
        if end > n || !pattern.is_at(padded, start) {
            return None;
        }
        if pattern.prefix {
            Some(word_end(padded, end).min(n))
        } else {
            // `end` is the text's end or a word's.
            (padded[end] == b' ').then_some(end)
        }
    }

    /// Adds to `matched` the patterns of `entry` (looked up by the `len`
    /// bytes at `start`) that match the text there, each with its end.
    /// `padded` is the spaced copy of a text of `n` bytes, then `PAD` spaces.
    #[inline(always)]
    fn try_candidates(
        &self,
        entry: Entry,
        len: usize,
        padded: &[u8],
        n: usize,
        start: usize,
        matched: &mut Vec<(usize, u32)>,
    ) {
        for &index in &self.candidates[entry.from as usize..(entry.from + entry.count) as usize] {
            if let Some(end) = self.match_end(index, len, padded, n, start) {
                matched.push((end, index));
            }
        }
    }
}

/// The buffers [`PhraseSet::find_with`] works in.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The spaced copy of the text, padded.
    padded: Vec<u8>,
    /// The patterns matching at the current word start, with their ends.
    matched: Vec<(usize, u32)>,
    /// The phrases reported there.
    reported: Vec<u32>,
}

impl Scratch {
    /// Empty buffers (as `Default`, but usable in a `const`).
    pub const fn new() -> Scratch {
        Scratch {
            padded: Vec::new(),
            matched: Vec::new(),
            reported: Vec::new(),
        }
    }

    /// The bytes the text copy holds on to.
    pub fn retained(&self) -> usize {
        self.padded.capacity()
    }
}

/// A word some phrase may start with, as `find` hands it on.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// The stem lengths to look up.
    stems: u64,
    /// The entry of the whole word.
    entry: Option<Entry>,
}

impl Pattern {
    /// True when the key stands at `start` of `padded`, which has eight
    /// readable bytes at the start of each group the key covers (the key
    /// ends within the text).
    #[inline]
    fn is_at(&self, padded: &[u8], start: usize) -> bool {
        let len = self.len as usize;
        self.key.iter().enumerate().all(|(g, &group)| {
            let left = len - 8 * g;
            let mask = if left >= 8 {
                u64::MAX
            } else {
                u64::MAX >> (64 - 8 * left)
            };
            load(padded, start + 8 * g) & mask == group
        })
    }
}

/// The span of a match from `start` to `end`: a phrase ending in
/// punctuation may have matched a space there ("Opec+" in "Opec members"),
/// or the first byte of a quotation mark, dash or space that the copy reads
/// as spaces ("U.S." in "U.S’s"): not evidence, and the span must not end
/// inside the character.
#[inline]
fn trimmed(text: &str, start: usize, mut end: usize) -> Span {
    let bytes = text.as_bytes();
    while end > start && (!text.is_char_boundary(end) || bytes[end - 1].is_ascii_whitespace()) {
        end -= 1;
    }
    Span::new(start, end)
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
    /// Some phrase is listed under this word and the next: bit `b & 63`
    /// for each byte `b` that such a next word starts with (see
    /// `second_bit`), 0 for none. After "the", most words start otherwise,
    /// and the pair is not hashed.
    seconds: u64,
}

/// The `Entry::seconds` bit of a key looked up by its first two words, its
/// first word `first_len` bytes long: that of the byte after the space
/// that ends the first word, which text matching the key has at the same
/// place. A key that ends with that space (`Opec+`) matches only where a
/// space follows it.
fn second_bit(key: &[u8], first_len: usize) -> u64 {
    1 << (key.get(first_len + 1).copied().unwrap_or(b' ') & 63)
}

/// An open-addressing hash table from a lookup hash to its entry, with a
/// one-bit-per-hash filter in front so that most words (those no phrase
/// starts with) cost one bit test.
#[derive(Clone, Debug)]
struct WordTable {
    slots: Vec<Entry>,
    /// A fixed size, so that indexing it by the top bits of a hash needs
    /// no bounds check.
    filter: Box<[u64; FILTER_WORDS]>,
}

/// log2 of the filter's size in bits.
const FILTER_BITS: u32 = 16;

/// The filter's size in `u64`s.
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

impl WordTable {
    fn new(entries: &[Entry]) -> WordTable {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Entry::default(); size];
        let mut filter = Box::new([0u64; FILTER_WORDS]);
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

/// The spaces `find` appends to its copy of the text, so that `load` can
/// read eight bytes at any offset of the text.
const PAD: usize = 8;

/// The eight bytes at `at`, the first in the low byte.
#[inline]
fn load(buf: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&buf[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The 0x80 bit of each byte of `x` that is zero, and maybe of bytes
/// above such a byte: the lowest bit set is exact.
#[inline]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
}

const SPACES: u64 = 0x2020_2020_2020_2020;

/// Bit `i` set for each byte `i` of `block` (64 bytes of the spaced copy)
/// that is not a space: the block's word bytes. Eight bytes at a time: a
/// byte of the copy is a space, a digit (0x30 to 0x39), a lowercase letter
/// (0x61 to 0x7a) or non-ASCII (0x80 and up), so it is a word byte exactly
/// when one of its bits 0x10, 0x40 and 0x80 is set; each word byte gets its
/// 0x80 bit, and one multiplication gathers the eight into a byte.
#[inline]
fn word_bytes(block: &[u8]) -> u64 {
    block.chunks_exact(8).take(8).enumerate().fold(0, |mask, (k, group)| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(group);
        let x = u64::from_le_bytes(bytes);
        let high = (((x & 0x5050_5050_5050_5050) + 0x7070_7070_7070_7070) | x) & 0x8080_8080_8080_8080;
        mask | (high.wrapping_mul(0x0002_0408_1020_4081) >> 56) << (8 * k)
    })
}

/// The end of the word that goes on at `i`: the first space at or after
/// `i`. The padding guarantees one within reach of any offset of the text.
#[inline]
fn word_end(padded: &[u8], mut i: usize) -> usize {
    loop {
        let spaces = zero_bytes(load(padded, i) ^ SPACES);
        if spaces != 0 {
            return i + (spaces.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
}

/// The lengths below `len`, as bits.
#[inline]
fn below(len: usize) -> u64 {
    !u64::MAX.checked_shl(len.min(64) as u32).unwrap_or(0)
}

/// The hash of the `len` bytes of `buf` at `start`, read eight at a time
/// (words are short: most take one multiplication, where a byte-by-byte
/// hash took one per byte). `buf` must have eight readable bytes at the
/// start of the last (maybe partial) group of eight, at least one group
/// even for no bytes; bytes past `len` do not count. Collisions cost
/// a wasted comparison, never a wrong match: candidates are compared with
/// the text. Never 0 (the empty slot of `WordTable`).
#[inline]
fn hash_at(buf: &[u8], start: usize, len: usize) -> u64 {
    let mut h = SEED ^ len as u64;
    let mut at = start;
    let mut left = len;
    while left > 8 {
        h = mix(h ^ load(buf, at), K);
        at += 8;
        left -= 8;
    }
    hash_tail(h, load(buf, at), left)
}

/// `hash_at` of a word of one to eight bytes, the low `len` bytes of
/// `first`: the common case, without the loop and the test for no bytes.
#[inline]
fn hash_short(first: u64, len: usize) -> u64 {
    mix(SEED ^ len as u64 ^ (first & (u64::MAX >> (64 - 8 * len))), K) | 1
}

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// The end of `hash_at`: `h` so far, then the last `left` bytes (at most
/// eight) in the low bytes of `last`.
#[inline]
fn hash_tail(mut h: u64, last: u64, left: usize) -> u64 {
    // The folded product already moves every bit: a word of up to eight
    // bytes costs one multiplication.
    if left > 0 {
        h = mix(h ^ (last & (u64::MAX >> (64 - 8 * left))), K);
    }
    h | 1
}

/// The high and low halves of the product, folded: every input bit moves
/// every output bit.
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ (product >> 64) as u64
}

/// The first eight bytes of `word` as `load` reads them, zeros past its end.
fn first_bytes(word: &[u8]) -> u64 {
    let mut first = [0u8; 8];
    let k = word.len().min(8);
    first[..k].copy_from_slice(&word[..k]);
    u64::from_le_bytes(first)
}

/// `hash_at` of a whole slice.
fn hash(word: &[u8]) -> u64 {
    let mut buf = word.to_vec();
    buf.resize(word.len() + 8, 0);
    hash_at(&buf, 0, word.len())
}

/// Each byte of `text` as matching reads it: ASCII letters lowercase,
/// ASCII digits and non-ASCII bytes as they are, and a space for every
/// byte of a character that is not a letter or digit: ASCII punctuation,
/// controls and whitespace, the General Punctuation block (U+2000 to
/// U+203F: curly quotes, dashes, special spaces, ellipsis) and the
/// no-break space and angle quotes. Letters of any script still join words.
fn spaced(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + PAD);
    spaced_into(text, &mut out);
    out
}

/// [`spaced`] into `out`, replacing what it held (and keeping its room).
fn spaced_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    // Room for the padding `find` adds; the map is branch-free arithmetic
    // so that it runs sixteen bytes at a time.
    out.clear();
    out.reserve(bytes.len() + PAD);
    out.extend(bytes.iter().map(|&b| map_byte(b)));
    if !text.is_ascii() {
        // The characters to blank start with one of two bytes.
        let mut done = 0;
        for i in memchr::memchr2_iter(0xe2, 0xc2, bytes) {
            if i < done {
                continue;
            }
            let width = match (bytes[i], bytes.get(i + 1)) {
                (0xe2, Some(0x80)) => 3,
                (0xc2, Some(0xa0 | 0xab | 0xbb)) => 2,
                _ => continue,
            };
            done = (i + width).min(bytes.len());
            out[i..done].fill(b' ');
        }
    }
}

/// One byte as [`spaced`] maps it alone: non-ASCII bytes and ASCII digits
/// as they are, ASCII letters lowercase, anything else a space.
#[inline]
fn map_byte(b: u8) -> u8 {
    // For an ASCII byte, `b | 0x20` is a lowercase letter exactly when `b`
    // is a letter of either case.
    let lower = b | 0x20;
    if b >= 0x80 || b.is_ascii_digit() {
        b
    } else if lower.is_ascii_lowercase() {
        lower
    } else {
        b' '
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(phrases: &[&str], text: &str) -> Vec<(String, String)> {
        let set = PhraseSet::new(phrases).unwrap();
        let mut out = Vec::new();
        set.find_with(text, &mut Scratch::new(), |i, span| {
            out.push((set.phrase(i).written(), span.slice(text).to_string()))
        });
        out
    }

    #[test]
    fn a_phrase_ending_in_punctuation_stops_before_a_quotation_mark() {
        // Found by the pipeline fuzz target: the copy reads a curly quote
        // as three spaces, and the space that ends "U.S." matched its first
        // byte, so the evidence ended inside the character.
        for mark in ["\u{2018}", "\u{2019}", "\u{201c}", "\u{2014}", "\u{a0}", "\u{bb}"] {
            let text = format!("Minister U.S{mark}s envoy");
            assert_eq!(
                matches(&["U.S."], &text),
                [("U.S.".to_string(), "U.S".to_string())],
                "{text:?}"
            );
            let at_end = format!("Minister U.S{mark}");
            assert_eq!(matches(&["U.S."], &at_end), [("U.S.".to_string(), "U.S".to_string())]);
        }
    }

    #[test]
    fn bytes_map_as_documented() {
        for b in 0..=255u8 {
            let expected = if b >= 0x80 || b.is_ascii_digit() || b.is_ascii_lowercase() {
                b
            } else if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b' '
            };
            assert_eq!(map_byte(b), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn hashes_read_in_place_equal_hashes_of_copies() {
        let text = b"xx the quick brown fox jumps over the lazy dog and on and on yy";
        for start in 0..10 {
            for len in 0..40 {
                assert_eq!(hash_at(text, start, len), hash(&text[start..start + len]));
                if (1..=8).contains(&len) {
                    assert_eq!(hash_short(load(text, start), len), hash_at(text, start, len));
                }
            }
        }
        assert_eq!(word_end(b"abcdefghij k    ", 3), 10);
    }

    #[test]
    fn word_masks_mark_the_bytes_that_are_not_spaces() {
        let text =
            "Kyiv\u{2019}s envoy—said 42 \u{e9}t\u{e9} U.S.-led talks, in the  hat trick of a very long sentence";
        let copy = spaced(text);
        for block in copy.chunks(64) {
            let mut padded = block.to_vec();
            padded.resize(64, b' ');
            let expected = padded
                .iter()
                .enumerate()
                .fold(0u64, |mask, (i, &b)| mask | u64::from(b != b' ') << i);
            assert_eq!(word_bytes(&padded), expected, "{:?}", String::from_utf8_lossy(&padded));
        }
        // Every byte the copy can hold.
        for b in 0..=255u8 {
            let mapped = map_byte(b);
            let expected = if mapped == b' ' { 0 } else { u64::MAX };
            assert_eq!(word_bytes(&[mapped; 64]), expected, "byte {b:#x}");
        }
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
