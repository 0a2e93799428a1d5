//! Reporting cues: the words that introduce what someone said or thinks
//! ("said", "told", "pointed out", "believes", "according to"), found in one
//! pass with an automaton built from `data/cues.txt`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use lede_text::Span;

use crate::document::{ceil_char_boundary, floor_char_boundary};
use serde::{Deserialize, Serialize};

/// What kind of attribution a cue introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueClass {
    /// Speech: "said", "told", "warned", "wrote", "tweeted".
    Speech,
    /// Attributed thoughts, intentions and positions: "believes", "wants",
    /// "is convinced that".
    Thought,
    /// Findings of documents and bodies: "a poll shows", "the report found".
    Document,
    /// A preposition whose object is the source: "according to".
    Source,
}

/// One cue form of the lexicon.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueForm {
    pub class: CueClass,
    /// Counts only when "that" follows.
    pub needs_that: bool,
    /// Takes the addressee as object: "told reporters that".
    pub takes_object: bool,
    /// Without "that", takes a noun phrase: "criticized the plan".
    pub takes_phrase: bool,
    /// What is said may be an infinitive: "vowed to appeal".
    pub takes_infinitive: bool,
}

/// A cue found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueMatch {
    pub span: Span,
    pub class: CueClass,
    pub needs_that: bool,
    pub takes_object: bool,
    pub takes_phrase: bool,
    pub takes_infinitive: bool,
}

pub(crate) struct CueLexicon {
    /// Anchored: searched only at word starts.
    automaton: AhoCorasick,
    /// Per pattern, its form; none for a compound noun that only keeps
    /// its first word from being a cue.
    forms: Vec<Option<CueForm>>,
    /// The `opening` bits of the forms: most words start like no form and
    /// skip the automaton.
    openings: Box<[u64; OPENING_WORDS]>,
}

pub(crate) static CUES: LazyLock<CueLexicon> = LazyLock::new(|| CueLexicon::parse(include_str!("../data/cues.txt")));

impl CueLexicon {
    /// Parses the lexicon. The data is embedded and checked by the tests, so
    /// a malformed line is skipped rather than reported.
    fn parse(data: &str) -> CueLexicon {
        let mut patterns: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        for line in data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let Some((class, rest)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let class = match class {
                "speech" => Some(CueClass::Speech),
                "thought" => Some(CueClass::Thought),
                "document" => Some(CueClass::Document),
                "source" => Some(CueClass::Source),
                "noun" => None,
                _ => continue,
            };
            let form = class.map(|class| CueForm {
                class,
                needs_that: rest.contains("+that"),
                takes_object: rest.contains("+object"),
                takes_phrase: rest.contains("+phrase"),
                takes_infinitive: rest.contains("+to"),
            });
            let surface = rest.split('+').next().unwrap_or_default();
            for word in surface.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                if !patterns.iter().any(|p| p.eq_ignore_ascii_case(word)) {
                    patterns.push(word.to_string());
                    forms.push(form);
                }
            }
        }
        // A DFA: the fastest search aho-corasick offers, affordable for a
        // few hundred short patterns.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("the embedded cue lexicon compiles");
        let mut openings = Box::new([0u64; OPENING_WORDS]);
        for pattern in &patterns {
            let bit = opening(pattern.as_bytes());
            openings[bit >> 6] |= 1 << (bit & 63);
        }
        CueLexicon {
            automaton,
            forms,
            openings,
        }
    }

    /// Every cue in `text` that stands as whole words, looked up at the
    /// starts of `words` (the text's words, in order): the longest form
    /// there, and the next cue after its end. A capitalised form inside a
    /// sentence is a name or a noun ("the United States", "the Washington
    /// Post"), not a cue.
    pub fn find<'t>(&'t self, text: &'t str, words: &'t [Span]) -> impl Iterator<Item = CueMatch> + 't {
        let bytes = text.as_bytes();
        let mut free = 0;
        words
            .iter()
            .enumerate()
            .filter(move |(_, w)| {
                let bit = opening(&bytes[w.start..(w.start + 3).min(bytes.len())]);
                self.openings[bit >> 6] & (1 << (bit & 63)) != 0
            })
            .filter_map(move |(i, w)| {
                if w.start < free {
                    return None;
                }
                let input = Input::new(text).range(w.start..).anchored(Anchored::Yes);
                let found = self.automaton.find(input)?;
                free = found.end();
                // "in a brief interview", "his warning", "the claims": after
                // an article or a possessive the form is a noun or an
                // adjective, not a verb.
                let noun = i > 0 && {
                    let before = words[i - 1];
                    text[before.end..w.start] == *" " && is_noun_marker(&text[before.start..before.end])
                };
                (!noun).then_some(found)
            })
            .filter(move |m| is_word_bounded(text, m.start(), m.end()))
            .filter(move |m| {
                !text[m.start()..].starts_with(char::is_uppercase)
                    || opens_sentence(text, m.start())
                    || in_headline(text, m.start())
            })
            .filter_map(move |m| {
                let form = self.forms[m.pattern().as_usize()]?;
                Some(CueMatch {
                    span: Span::new(m.start(), m.end()),
                    class: form.class,
                    needs_that: form.needs_that,
                    takes_object: form.takes_object,
                    takes_phrase: form.takes_phrase,
                    takes_infinitive: form.takes_infinitive,
                })
            })
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.forms.len()
    }
}

/// Words of the `openings` filter: 8 KB, so that it stays in the L1 cache.
const OPENING_WORDS: usize = 1024;

/// The `openings` bit of a form or text starting with `start`: a hash of
/// its first three bytes in lowercase (every form has three or more; a
/// shorter text gets bit 0, which a form sets only by a rare collision).
fn opening(start: &[u8]) -> usize {
    const BITS: u32 = (OPENING_WORDS * 64).trailing_zeros();
    match start {
        [a, b, c, ..] => {
            let key = u64::from(a.to_ascii_lowercase()) << 16
                | u64::from(b.to_ascii_lowercase()) << 8
                | u64::from(c.to_ascii_lowercase());
            (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize
        }
        _ => 0,
    }
}

/// Articles and possessive determiners: a cue form right after one is a
/// noun or an adjective ("a brief interview", "their claims").
fn is_noun_marker(word: &str) -> bool {
    const MARKERS: [&str; 10] = ["a", "an", "the", "his", "her", "its", "their", "our", "your", "my"];
    MARKERS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether a cue form is a participle ("adding", "referring to"): it
/// continues its sentence's speaker rather than naming one.
pub(crate) fn is_participle(form: &str) -> bool {
    form.split(' ').next().is_some_and(|w| w.ends_with("ing"))
}

/// Whether `pos` follows a sentence end, a line start or an opening quote.
fn opens_sentence(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\u{a0}']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '\u{201C}', '\u{201D}', ':', '\u{2014}', '('])
}

/// Whether `pos` lies in a headline-style line, where every word is
/// capitalised ("Rubio Says He Will Stay In The Race"): there a capitalised
/// form is a cue as much as a lowercase one is in running text.
fn in_headline(text: &str, pos: usize) -> bool {
    // Read at most this far each way, so a megabyte-long line costs no
    // more per cue than a headline does.
    const MAX_LINE: usize = 200;
    let low = ceil_char_boundary(text, pos.saturating_sub(MAX_LINE));
    let high = floor_char_boundary(text, pos + MAX_LINE);
    let start = match text[low..pos].rfind('\n') {
        Some(i) => low + i + 1,
        None if low == 0 => 0,
        None => return false,
    };
    let end = match text[pos..high].find('\n') {
        Some(i) => pos + i,
        None if high == text.len() => high,
        None => return false,
    };
    if end - start > MAX_LINE {
        return false;
    }
    let (mut words, mut capitalised) = (0, 0);
    for word in text[start..end]
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic))
    {
        words += 1;
        capitalised += usize::from(word.starts_with(char::is_uppercase));
    }
    words >= 4 && capitalised * 5 >= words * 4
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `start..end` is not glued to letters on either side; an
/// apostrophe or hyphen on the left ("self-described") also disqualifies.
pub(crate) fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| is_word_char(c) || c == '-' || c == '\'' || c == '\u{2019}')
        && !after.is_some_and(|c| is_word_char(c) || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(&str, CueClass)> {
        let words: Vec<Span> = lede_text::words(text).collect();
        CUES.find(text, &words).map(|c| (c.span.slice(text), c.class)).collect()
    }

    #[test]
    fn lexicon_is_rich() {
        assert!(CUES.len() > 400, "{} forms", CUES.len());
    }

    #[test]
    fn inflections_particles_and_classes() {
        assert_eq!(
            cues("Ushakov pointed out that the presidents said nothing, and he believes it."),
            [
                ("pointed out", CueClass::Speech),
                ("said", CueClass::Speech),
                ("believes", CueClass::Thought)
            ]
        );
        assert_eq!(
            cues("the United States Said. Said the Washington Post"),
            [("Said", CueClass::Speech)]
        );
        assert_eq!(
            cues("According to the ministry, a poll shows"),
            [("According to", CueClass::Source), ("shows", CueClass::Document)]
        );
        assert_eq!(
            cues("She denied it; he testified, replied and expounded."),
            [
                ("denied", CueClass::Speech),
                ("testified", CueClass::Speech),
                ("replied", CueClass::Speech),
                ("expounded", CueClass::Speech),
            ]
        );
    }

    #[test]
    fn capitalised_cues_count_in_headlines_only() {
        assert_eq!(
            cues("Mayor Says Bridge Will Reopen In May\nThe Mayor Says Bridge report was late, Smith said."),
            [("Says", CueClass::Speech), ("said", CueClass::Speech)]
        );
    }

    #[test]
    fn only_whole_words() {
        assert!(cues("The saying, sayings, unsaid, self-stated, addendum, notebook")
            .iter()
            .all(|(w, _)| *w == "saying"));
        assert_eq!(cues("tolder stateside"), []);
    }

    #[test]
    fn cues_are_found_at_word_starts_after_any_punctuation() {
        assert_eq!(
            cues("(said) \u{201C}told\u{201D} \u{2014}warned, \"noted\" and he went on: go on"),
            [
                ("said", CueClass::Speech),
                ("told", CueClass::Speech),
                ("warned", CueClass::Speech),
                ("noted", CueClass::Speech),
                ("went on", CueClass::Speech),
                ("go on", CueClass::Speech),
            ]
        );
    }

    #[test]
    fn flags_come_from_the_data() {
        let text = "told convinced said";
        let words: Vec<Span> = lede_text::words(text).collect();
        let found: Vec<CueMatch> = CUES.find(text, &words).collect();
        assert!(found[0].takes_object && !found[0].needs_that);
        assert!(found[1].needs_that && found[1].class == CueClass::Thought);
        assert!(!found[2].takes_object && !found[2].needs_that);
    }
}
