//! The word lists of `data/words.txt`: pronouns, roles, determiners and the
//! heads of organisation and document sources.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

/// One named list of `data/words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordList {
    PronounMale,
    PronounFemale,
    PronounPlural,
    PronounOther,
    Relative,
    Between,
    Determiner,
    Role,
    Modifier,
    Organization,
    Document,
    ClauseOpener,
    NotName,
}

const SECTIONS: [(&str, WordList); 13] = [
    ("pronoun_male", WordList::PronounMale),
    ("pronoun_female", WordList::PronounFemale),
    ("pronoun_plural", WordList::PronounPlural),
    ("pronoun_other", WordList::PronounOther),
    ("relative", WordList::Relative),
    ("between", WordList::Between),
    ("determiner", WordList::Determiner),
    ("role", WordList::Role),
    ("modifier", WordList::Modifier),
    ("organization", WordList::Organization),
    ("document", WordList::Document),
    ("clause_opener", WordList::ClauseOpener),
    ("not_name", WordList::NotName),
];

pub(crate) struct Lexicon {
    lists: Vec<HashSet<&'static str>>,
}

pub(crate) static WORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!("../data/words.txt")));

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut lists = vec![HashSet::new(); SECTIONS.len()];
        let mut current = None;
        for line in data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = SECTIONS.iter().position(|(section, _)| *section == name);
                continue;
            }
            if let Some(index) = current {
                lists[index].extend(line.split_whitespace());
            }
        }
        Lexicon { lists }
    }

    /// Whether `word` (any case) is in `list`.
    pub fn has(&self, list: WordList, word: &str) -> bool {
        let index = SECTIONS.iter().position(|(_, l)| *l == list).unwrap_or(0);
        self.lists[index].contains(lower(word).as_ref())
    }
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
            let index = SECTIONS.iter().position(|(_, l)| *l == list).unwrap();
            assert!(!WORDS.lists[index].is_empty(), "section {name} is empty or missing");
        }
        assert!(WORDS.has(WordList::Role, "Spokesman"));
        assert!(WORDS.has(WordList::Document, "poll"));
        assert!(!WORDS.has(WordList::Role, "Ushakov"));
    }
}
