//! The word lists of `data/words.txt` and `data/given_names.txt`: roles,
//! determiners, modifiers, heads of organisation and document sources,
//! prepositions and post-modifier openers, given names.

use std::ops::Deref;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// One named list of `data/words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordList {
    Relative,
    Between,
    Determiner,
    Role,
    Modifier,
    Organization,
    Document,
    ClauseOpener,
    NotName,
    Auxiliary,
    Preposition,
    PostModifier,
    MaleName,
    FemaleName,
    Affiliation,
    AffiliationLink,
}

const SECTIONS: [(&str, WordList); 16] = [
    ("relative", WordList::Relative),
    ("between", WordList::Between),
    ("determiner", WordList::Determiner),
    ("role", WordList::Role),
    ("modifier", WordList::Modifier),
    ("organization", WordList::Organization),
    ("document", WordList::Document),
    ("clause_opener", WordList::ClauseOpener),
    ("not_name", WordList::NotName),
    ("auxiliary", WordList::Auxiliary),
    ("preposition", WordList::Preposition),
    ("post_modifier", WordList::PostModifier),
    ("male", WordList::MaleName),
    ("female", WordList::FemaleName),
    ("affiliation", WordList::Affiliation),
    ("affiliation_link", WordList::AffiliationLink),
];

/// Word → the lists it is in, as bits indexed by `WordList`.
impl WordList {
    /// This list's bit in [`Lexicon::lists_of`].
    #[inline]
    pub const fn bit(self) -> u16 {
        1 << self as u16
    }
}

pub(crate) struct Lexicon {
    /// Every word with its lists.
    lists: FxHashMap<&'static [u8], u16>,
    /// The words of up to [`PACKED_LEN`] ASCII bytes again, as [`packed`]
    /// keys in an open-addressing table (0 marks an empty slot, whose bits
    /// are 0): rules ask about most words of a document, and this lookup
    /// needs no byte-string hashing, allocation or comparison loop.
    keys: Box<[u128]>,
    bits: Box<[u16]>,
}

pub(crate) static WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lists = FxHashMap::default();
    parse(&mut lists, include_str!("../data/words.txt"));
    parse(&mut lists, include_str!("../data/given_names.txt"));
    // At most half full, so that probes stay short and always meet an
    // empty slot.
    let size = (2 * lists.len()).next_power_of_two();
    let mut keys = vec![0u128; size].into_boxed_slice();
    let mut bits = vec![0u16; size].into_boxed_slice();
    for (word, &list_bits) in &lists {
        // A listed word with capitals could never match a lowercased one.
        let Some(key) = packed(word).filter(|_| !word.iter().any(u8::is_ascii_uppercase)) else {
            continue;
        };
        let mut slot = slot_of(key, size);
        while keys[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        keys[slot] = key;
        bits[slot] = list_bits;
    }
    Lexicon { lists, keys, bits }
});

/// Reads the sections of one word-list file into `lists`.
fn parse(lists: &mut FxHashMap<&'static [u8], u16>, data: &'static str) {
    let mut current = None;
    for line in data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = SECTIONS
                .iter()
                .find(|(section, _)| *section == name)
                .map(|(_, list)| *list);
            continue;
        }
        if let Some(list) = current {
            for word in line.split_whitespace() {
                *lists.entry(word.as_bytes()).or_default() |= list.bit();
            }
        }
    }
}

/// The longest word [`packed`] takes: its sixteenth byte holds the length.
const PACKED_LEN: usize = 15;

/// `word` lowercased and packed into an integer, bytes in order and its
/// length in the top byte, if it is ASCII and at most [`PACKED_LEN`] bytes
/// long.
#[inline]
fn packed(word: &[u8]) -> Option<u128> {
    const ONES: u128 = u128::MAX / 0xFF;
    const HIGH: u128 = ONES * 0x80;
    if word.len() > PACKED_LEN {
        return None;
    }
    let mut buffer = [0u8; 16];
    buffer[..word.len()].copy_from_slice(word);
    buffer[PACKED_LEN] = word.len() as u8;
    let key = u128::from_le_bytes(buffer);
    if key & HIGH != 0 {
        return None;
    }
    // All sixteen bytes at once: with every byte below 0x80, adding 0x3F
    // sets a byte's high bit when it is at least 'A', adding 0x25 when it
    // is above 'Z', and no sum carries into the next byte.
    let at_least_a = key + ONES * u128::from(0x80 - b'A');
    let above_z = key + ONES * u128::from(0x7F - b'Z');
    let upper = at_least_a & !above_z & HIGH;
    Some(key | upper >> 2)
}

/// The home slot of a [`packed`] key in a table of `size` (a power of two)
/// slots.
#[inline]
fn slot_of(key: u128, size: usize) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    let hash = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (hash >> 32) as usize & (size - 1)
}

impl Lexicon {
    /// Whether `word` (any case) is in `list`.
    #[inline]
    pub fn has(&self, list: WordList, word: &str) -> bool {
        self.lists_of(word) & list.bit() != 0
    }

    /// The lists `word` (any case) is in, as bits.
    pub fn lists_of(&self, word: &str) -> u16 {
        let Some(key) = packed(word.as_bytes()) else {
            return self.lists.get(lower(word).as_bytes()).copied().unwrap_or(0);
        };
        let mask = self.keys.len() - 1;
        let mut slot = slot_of(key, self.keys.len());
        loop {
            let found = self.keys[slot];
            if found == key || found == 0 {
                return self.bits[slot];
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Whether `word` ends in a possessive `'s` (straight or curly apostrophe).
pub(crate) fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// Lowercase particles inside names: "de", "van", "von der", "bin".
pub(crate) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "do"
            | "dos"
            | "du"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "ter"
            | "ten"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "bint"
    )
}

/// The longest ASCII word [`lower`] lowercases on the stack.
const INLINE_LEN: usize = 24;

/// A word in lowercase (see [`lower`]).
pub(crate) enum Lowered<'a> {
    /// The word itself: it has no uppercase letters.
    Borrowed(&'a str),
    /// A short ASCII word, lowercased in place.
    Inline([u8; INLINE_LEN], u8),
    /// Any other word with uppercase letters.
    Owned(String),
}

impl Deref for Lowered<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        match self {
            Lowered::Borrowed(word) => word,
            // ASCII stays ASCII when lowercased: always valid UTF-8.
            Lowered::Inline(buffer, len) => std::str::from_utf8(&buffer[..usize::from(*len)]).unwrap_or_default(),
            Lowered::Owned(word) => word,
        }
    }
}

impl PartialEq<&str> for Lowered<'_> {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl AsRef<str> for Lowered<'_> {
    #[inline]
    fn as_ref(&self) -> &str {
        self
    }
}

/// `word` in lowercase, copying only when it has uppercase letters, and
/// allocating only when it is also long or not ASCII: rules lowercase a
/// word to compare it with a few literals, many times per document.
pub(crate) fn lower(word: &str) -> Lowered<'_> {
    let bytes = word.as_bytes();
    if bytes.len() <= INLINE_LEN && bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Lowered::Borrowed(word);
        }
        let mut buffer = [0u8; INLINE_LEN];
        buffer[..bytes.len()].copy_from_slice(bytes);
        buffer.make_ascii_lowercase();
        return Lowered::Inline(buffer, bytes.len() as u8);
    }
    if word.chars().any(char::is_uppercase) {
        Lowered::Owned(word.to_lowercase())
    } else {
        Lowered::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_words() {
        for (name, list) in SECTIONS {
            assert!(
                WORDS.lists.values().any(|bits| bits & (1 << list as u16) != 0),
                "section {name} is empty or missing"
            );
        }
        assert!(WORDS.has(WordList::Role, "Spokesman"));
        assert!(WORDS.has(WordList::Document, "poll"));
        assert!(WORDS.has(WordList::FemaleName, "Lena") && WORDS.has(WordList::MaleName, "Mikhail"));
        assert!(!WORDS.has(WordList::Role, "Ushakov"));
        assert!(WORDS.has(WordList::NotName, "WEDNESDAY"));
    }

    /// The packed table answers as the map does, for every listed word in
    /// any case and for words that are not listed.
    #[test]
    fn packed_lookup_agrees_with_the_map() {
        for (&word, &bits) in &WORDS.lists {
            let word = std::str::from_utf8(word).unwrap();
            for form in [word.to_string(), word.to_uppercase(), capitalized(word)] {
                let expected = WORDS.lists.get(form.to_lowercase().as_bytes()).copied().unwrap_or(0);
                assert_eq!(WORDS.lists_of(&form), expected, "{form}");
            }
            assert_eq!(WORDS.lists_of(word), bits);
            assert_eq!(
                WORDS.lists_of(&format!("{word}x")),
                WORDS.lists.get(format!("{word}x").as_bytes()).copied().unwrap_or(0)
            );
        }
        for word in [
            "",
            "x",
            "@[`{",
            "Ushakov",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "Communiqué",
        ] {
            let expected = WORDS.lists.get(word.to_lowercase().as_bytes()).copied().unwrap_or(0);
            assert_eq!(WORDS.lists_of(word), expected, "{word}");
        }
    }

    fn capitalized(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    }

    #[test]
    fn lower_matches_to_lowercase() {
        for word in [
            "",
            "said",
            "Said",
            "SAID",
            "McDonald's",
            "Über",
            "ÉTÉ",
            "été",
            "A-Very-Long-Hyphenated-Word-Here",
            "x@[`{Z",
        ] {
            assert_eq!(&*lower(word), word.to_lowercase(), "{word}");
        }
    }
}
