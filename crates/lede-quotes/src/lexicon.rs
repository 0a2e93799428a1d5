//! The word lists of `data/words.txt` and `data/given_names.txt`: roles,
//! determiners, modifiers, heads of organisation and document sources,
//! prepositions and post-modifier openers, given names.

use std::borrow::Cow;
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
    lists: FxHashMap<&'static [u8], u16>,
}

pub(crate) static WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        lists: FxHashMap::default(),
    };
    lexicon.parse(include_str!("../data/words.txt"));
    lexicon.parse(include_str!("../data/given_names.txt"));
    lexicon
});

impl Lexicon {
    fn parse(&mut self, data: &'static str) {
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
                    *self.lists.entry(word.as_bytes()).or_default() |= list.bit();
                }
            }
        }
    }

    /// Whether `word` (any case) is in `list`.
    #[inline]
    pub fn has(&self, list: WordList, word: &str) -> bool {
        self.lists_of(word) & list.bit() != 0
    }

    /// The lists `word` (any case) is in, as bits.
    pub fn lists_of(&self, word: &str) -> u16 {
        // Lowercase short ASCII words on the stack: this runs for most words
        // of a document.
        let mut buffer = [0u8; 24];
        if word.len() <= buffer.len() && word.is_ascii() {
            let lowered = &mut buffer[..word.len()];
            lowered.copy_from_slice(word.as_bytes());
            lowered.make_ascii_lowercase();
            return self.lists.get(&lowered[..]).copied().unwrap_or(0);
        }
        self.lists.get(lower(word).as_bytes()).copied().unwrap_or(0)
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

/// `word` in lowercase, allocating only when it has uppercase letters.
pub(crate) fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
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
}
