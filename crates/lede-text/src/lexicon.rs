//! Word lists that drive sentence segmentation, embedded from `data/`.

use std::collections::HashSet;
use std::sync::LazyLock;

/// How an abbreviation before a period behaves; see `data/abbreviations.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    title: HashSet<&'static str>,
    number: HashSet<&'static str>,
    general: HashSet<&'static str>,
    never: HashSet<&'static str>,
    starters: HashSet<&'static str>,
    speech_verbs: HashSet<&'static str>,
}

impl Lexicon {
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        // Title first: "St" and "Ste" precede names far more often than they end one.
        if self.title.contains(word) {
            Some(AbbreviationClass::Title)
        } else if self.number.contains(word) {
            Some(AbbreviationClass::Number)
        } else if self.general.contains(word) {
            Some(AbbreviationClass::General)
        } else if self.never.contains(word) {
            Some(AbbreviationClass::Never)
        } else {
            None
        }
    }

    /// True for a capitalised word that typically opens a sentence. The word
    /// may use a curly apostrophe ("It’s").
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
    let mut lexicon = Lexicon {
        title: HashSet::new(),
        number: HashSet::new(),
        general: HashSet::new(),
        never: HashSet::new(),
        starters: entries(include_str!("../data/sentence_starters.txt")).collect(),
        speech_verbs: entries(include_str!("../data/speech_verbs.txt")).collect(),
    };
    let mut section = &mut lexicon.general;
    for entry in entries(include_str!("../data/abbreviations.txt")) {
        section = match entry {
            "[title]" => &mut lexicon.title,
            "[number]" => &mut lexicon.number,
            "[general]" => &mut lexicon.general,
            "[never]" => &mut lexicon.never,
            word => {
                section.insert(word);
                continue;
            }
        };
    }
    lexicon
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
