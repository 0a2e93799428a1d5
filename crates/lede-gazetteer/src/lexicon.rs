//! Rule tables embedded from `data/`: aliases that need context, and the
//! words that introduce a person's name. Parsed once, on first use.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;
use std::sync::LazyLock;

/// Whether an ambiguous alias needs the document to confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    /// Counts only when the document confirms the entity.
    Required,
    /// Counts unless something around it rules it out.
    Blockers,
}

/// A pattern that rules out an ambiguous mention: words right before it,
/// words right after it, or (with no `_`) a word anywhere in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Blocker {
    /// As written in the data, for explanations.
    pub written: &'static str,
    /// Text that must stand right before the mention ("in ", "mid-").
    pub before: &'static str,
    /// Text that must stand right after it (" card", " #").
    pub after: &'static str,
    /// No `_`: the pattern is a word anywhere in the document.
    pub anywhere: bool,
    /// The words of `before`, nearest the mention first, split once here
    /// rather than for every mention tested.
    pub before_words: Vec<&'static str>,
    /// The words of `after`, nearest the mention first.
    pub after_words: Vec<&'static str>,
}

/// One row of `data/ambiguous.tsv`.
#[derive(Clone, Debug)]
pub(crate) struct Ambiguity {
    pub context: Context,
    pub reason: &'static str,
    pub cues: Vec<&'static str>,
    pub blockers: Vec<Blocker>,
}

static AMBIGUOUS: LazyLock<HashMap<&'static str, Ambiguity, FxBuildHasher>> =
    LazyLock::new(|| parse_ambiguous(include_str!("../data/ambiguous.tsv")));

/// The ambiguity rules for an alias, when it has any.
pub(crate) fn ambiguity(alias: &str) -> Option<&'static Ambiguity> {
    AMBIGUOUS.get(alias)
}

fn parse_ambiguous(text: &'static str) -> HashMap<&'static str, Ambiguity, FxBuildHasher> {
    let list = |field: Option<&'static str>| -> Vec<&'static str> {
        field
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    };
    data_lines(text)
        .filter(|line| !line.starts_with("alias\t"))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let alias = fields.next()?.trim();
            let context = match fields.next()?.trim() {
                "required" => Context::Required,
                _ => Context::Blockers,
            };
            let reason = fields.next().unwrap_or("").trim();
            let cues = list(fields.next());
            let blockers = list(fields.next())
                .into_iter()
                .map(|written| {
                    let (before, after, anywhere) = match written.split_once('_') {
                        Some((before, after)) => (before, after, false),
                        None => ("", "", true),
                    };
                    Blocker {
                        written,
                        before,
                        after,
                        anywhere,
                        before_words: before.rsplit(' ').filter(|w| !w.is_empty()).collect(),
                        after_words: after.split(' ').filter(|w| !w.is_empty()).collect(),
                    }
                })
                .collect();
            Some((
                alias,
                Ambiguity {
                    context,
                    reason,
                    cues,
                    blockers,
                },
            ))
        })
        .collect()
}

/// A word that introduces a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RoleWord {
    /// As it is matched: lower case for role nouns (matched in any case),
    /// exact for honorifics ("Mr.").
    pub text: &'static str,
    /// A title after which one capitalised word is a name ("Mr. Reed").
    pub honorific: bool,
}

static ROLE_WORDS: LazyLock<Vec<RoleWord>> = LazyLock::new(|| {
    data_lines(include_str!("../data/roles.txt"))
        .map(|line| {
            let (text, tag) = line.split_once('\t').unwrap_or((line, ""));
            RoleWord {
                text: text.trim(),
                honorific: tag.trim() == "honorific",
            }
        })
        .collect()
});

/// The words that introduce a person's name.
pub(crate) fn role_words() -> &'static [RoleWord] {
    &ROLE_WORDS
}

/// The role words in ASCII lower case, for [`is_role_word`].
static ROLE_WORDS_LOWER: LazyLock<HashSet<String, FxBuildHasher>> =
    LazyLock::new(|| ROLE_WORDS.iter().map(|r| r.text.to_ascii_lowercase()).collect());

/// True when `word` is a role word, ignoring ASCII case ("President",
/// "MR."): one lookup instead of a comparison with every role word.
pub(crate) fn is_role_word(word: &str) -> bool {
    let mut buffer = [0u8; 32];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        // No role word is that long.
        return ROLE_WORDS_LOWER.contains(&word.to_ascii_lowercase());
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps valid UTF-8 valid.
    std::str::from_utf8(lower).is_ok_and(|lower| ROLE_WORDS_LOWER.contains(lower))
}

/// Lower-case words that qualify a role before its noun ("senior Kremlin
/// adviser", "foreign policy aide") and so belong to the role.
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "chief",
    "defence",
    "defense",
    "deputy",
    "economic",
    "economy",
    "executive",
    "finance",
    "foreign",
    "former",
    "interior",
    "military",
    "national",
    "policy",
    "presidential",
    "press",
    "prime",
    "security",
    "senior",
    "special",
    "state",
    "top",
    "trade",
    "vice",
];

static NOT_NAMES: LazyLock<HashSet<&'static str, FxBuildHasher>> = LazyLock::new(|| {
    data_lines(include_str!("../data/not-names.txt"))
        .map(str::trim)
        .collect()
});

/// For each first byte, a bit per length (up to 31 bytes) of the words of
/// `data/not-names.txt` starting with it: most names ("Ushakov") fail this
/// test and are never hashed.
static NOT_NAME_SHAPES: LazyLock<[u32; 256]> = LazyLock::new(|| {
    let mut shapes = [0u32; 256];
    for word in NOT_NAMES.iter() {
        match word.len() {
            1..=31 => shapes[word.as_bytes()[0] as usize] |= 1 << word.len(),
            // Too long for a bit: every word with that first byte is looked up.
            0 => {}
            _ => shapes[word.as_bytes()[0] as usize] |= 1,
        }
    }
    shapes
});

/// Capitalised words that start sentences or name times, not people
/// (`data/not-names.txt`): they neither begin a name run nor count as a
/// name next to an ambiguous alias.
pub(crate) fn is_not_name(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return NOT_NAMES.contains(word);
    };
    let shape = NOT_NAME_SHAPES[first as usize];
    let possible = if word.len() < 32 {
        shape & (1 << word.len()) != 0
    } else {
        shape & 1 != 0
    };
    possible && NOT_NAMES.contains(word)
}

/// Words before a capital city that make it the place, not the government
/// it stands for ("talks in Moscow" against "Moscow criticised").
pub(crate) const LOCATIVES: &[&str] = &[
    "in", "to", "from", "at", "near", "outside", "around", "across", "into", "toward", "towards", "via", "through",
    "over", "visited", "visit", "left", "reached", "arrived",
];

/// Lines of a data file that are not blank or comments.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguity_rows_parse_with_their_blockers() {
        let may = ambiguity("May").unwrap();
        assert_eq!(may.context, Context::Required);
        assert!(may.cues.contains(&"Theresa"));
        assert!(may.blockers.iter().any(|b| b.before == "in " && b.after.is_empty()));
        assert!(may.blockers.iter().any(|b| b.before.is_empty() && b.after == " #"));
        let georgia = ambiguity("Georgia").unwrap();
        assert!(georgia.blockers.iter().any(|b| b.anywhere && b.written == "Atlanta"));
        assert!(ambiguity("Russia").is_none());
    }

    #[test]
    fn sentence_openers_and_dates_are_not_names() {
        assert!(is_not_name("However") && is_not_name("Thursday") && is_not_name("July"));
        assert!(!is_not_name("Ushakov") && !is_not_name("May"));
    }

    #[test]
    fn role_words_ignore_ascii_case() {
        for word in role_words() {
            assert!(is_role_word(word.text) && is_role_word(&word.text.to_ascii_uppercase()));
        }
        assert!(is_role_word("President") && !is_role_word("Ushakov") && !is_role_word(""));
        assert!(!is_role_word("an extremely long word that is no role at all"));
    }

    #[test]
    fn role_words_mark_honorifics() {
        let words = role_words();
        assert!(words.iter().any(|w| w.text == "adviser" && !w.honorific));
        assert!(words.iter().any(|w| w.text == "Mr." && w.honorific));
        assert!(words.len() > 80);
    }
}
