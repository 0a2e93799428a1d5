//! Word lists that drive sentence segmentation, embedded from `data/`.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// How an abbreviation before a period behaves; see `data/abbreviations.txt`.
/// Ordered by priority, for words listed in two sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum AbbreviationClass {
    /// Precedes a name: never ends a sentence.
    Title,
    /// Precedes a number: no sentence end before a digit.
    Number,
    /// May end a sentence, if a typical sentence opener follows.
    General,
    /// Always joins what follows.
    Never,
}

pub(crate) struct Lexicon {
    /// Each abbreviation with its class (one lookup for all four).
    abbreviations: FxHashMap<&'static str, AbbreviationClass>,
    starters: FxHashSet<&'static str>,
    speech_verbs: FxHashSet<&'static str>,
}

impl Lexicon {
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        self.abbreviations.get(word).copied()
    }

    pub(crate) fn is_starter(&self, word: &str) -> bool {
        if self.starters.contains(word) {
            return true;
        }
        // Fold a curly apostrophe without allocating: starters are short.
        let Some(at) = word.find('\u{2019}') else { return false };
        let mut buf = [0u8; 32];
        let (head, tail) = (&word[..at], &word[at + '\u{2019}'.len_utf8()..]);
        let len = head.len() + 1 + tail.len();
        if len > buf.len() {
            return false;
        }
        buf[..head.len()].copy_from_slice(head.as_bytes());
        buf[head.len()] = b'\'';
        buf[head.len() + 1..len].copy_from_slice(tail.as_bytes());
        std::str::from_utf8(&buf[..len]).is_ok_and(|folded| self.starters.contains(folded))
    }

    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs.contains(word)
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut abbreviations = FxHashMap::default();
    let mut class = AbbreviationClass::General;
    for entry in entries(include_str!("../data/abbreviations.txt")) {
        class = match entry {
            "[title]" => AbbreviationClass::Title,
            "[number]" => AbbreviationClass::Number,
            "[general]" => AbbreviationClass::General,
            "[never]" => AbbreviationClass::Never,
            word => {
                // Listed twice, the earlier class wins: title first, as "St"
                // and "Ste" precede names far more often than they end one.
                let listed = abbreviations.entry(word).or_insert(class);
                *listed = (*listed).min(class);
                continue;
            }
        };
    }
    Lexicon {
        abbreviations,
        starters: entries(include_str!("../data/sentence_starters.txt")).collect(),
        speech_verbs: entries(include_str!("../data/speech_verbs.txt")).collect(),
    }
});

/// The non-empty, non-comment lines of an embedded list.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_parsed() {
        assert_eq!(LEXICON.abbreviation("Gen"), Some(AbbreviationClass::Title));
        assert_eq!(LEXICON.abbreviation("No"), Some(AbbreviationClass::Number));
        assert_eq!(LEXICON.abbreviation("Inc"), Some(AbbreviationClass::General));
        assert_eq!(LEXICON.abbreviation("vs"), Some(AbbreviationClass::Never));
        assert_eq!(LEXICON.abbreviation("Putin"), None);
    }

    #[test]
    fn starters_fold_curly_apostrophes() {
        assert!(LEXICON.is_starter("It's") && LEXICON.is_starter("It\u{2019}s"));
        assert!(!LEXICON.is_starter("Government") && !LEXICON.is_starter("I"));
        assert!(LEXICON.is_speech_verb("said") && !LEXICON.is_speech_verb("Said"));
    }
}
