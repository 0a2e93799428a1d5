//! Reporting cues: the words that introduce what someone said or thinks
//! ("said", "told", "pointed out", "believes", "according to"), found in one
//! pass with an automaton built from `data/cues.txt`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use lede_text::Span;
use rustc_hash::FxHashMap;

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
    /// The forms by their leading letters (see [`letters_after`]).
    openings: FxHashMap<u128, Opening>,
    /// The [`filter_bit`]s of the forms' first letters: most words start
    /// like no form and are settled by one bit.
    filter: Box<[u64; FILTER_WORDS]>,
}

/// What the leading letters of a word tell about the forms there.
#[derive(Clone, Copy, Debug)]
enum Opening {
    /// They are the whole of this pattern, and no other pattern starts
    /// with them: the form matches only if the word's letters are exactly
    /// these.
    Word(usize),
    /// A longer pattern ("pointed out", "think-tank") starts with them: the
    /// automaton decides.
    Phrase,
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
        let mut openings = FxHashMap::default();
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for (i, pattern) in patterns.iter().enumerate() {
            let first = chunk_letters(pattern.as_bytes());
            let bit = filter_bit(first.0);
            filter[bit >> 6] |= 1 << (bit & 63);
            let (key, len) = letters_after(pattern.as_bytes(), first);
            let opening = if len == pattern.len() && key != LONG {
                Opening::Word(i)
            } else {
                Opening::Phrase
            };
            // Patterns differ (case aside), so two `Word`s never share a key.
            openings
                .entry(key)
                .and_modify(|o| *o = Opening::Phrase)
                .or_insert(opening);
        }
        CueLexicon {
            automaton,
            forms,
            openings,
            filter,
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
            .filter_map(move |(i, w)| {
                let first = chunk_letters(&bytes[w.start..]);
                let bit = filter_bit(first.0);
                (self.filter[bit >> 6] & (1 << (bit & 63)) != 0).then_some((i, w, first))
            })
            .filter_map(move |(i, w, first)| {
                if w.start < free {
                    return None;
                }
                let (key, len) = letters_after(&bytes[w.start..], first);
                let (end, pattern) = match *self.openings.get(&key)? {
                    // Every form here is a prefix of the word's letters: any
                    // but all of them is followed by a letter, so is no whole
                    // word.
                    Opening::Word(pattern) => (w.start + len, pattern),
                    Opening::Phrase => {
                        let input = Input::new(text).range(w.start..).anchored(Anchored::Yes);
                        let found = self.automaton.find(input)?;
                        free = found.end();
                        (found.end(), found.pattern().as_usize())
                    }
                };
                let form = self.forms[pattern]?;
                // "in a brief interview", "his warning", "the claims": after an
                // article or a possessive the form is a noun or an adjective,
                // not a verb.
                let noun = i > 0 && {
                    let before = words[i - 1];
                    text[before.end..w.start] == *" " && is_noun_marker(&text[before.start..before.end])
                };
                let cue = !noun
                    && is_word_bounded(text, w.start, end)
                    && (!text[w.start..].starts_with(char::is_uppercase)
                        || opens_sentence(text, w.start)
                        || in_headline(text, w.start));
                cue.then_some(CueMatch {
                    span: Span::new(w.start, end),
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

/// Words of the `filter`: 8 KB, so that it stays in the L1 cache.
const FILTER_WORDS: usize = 1024;

/// The `filter` bit of the first (up to 8) letters of a word or form, as
/// [`chunk_letters`] packs them: a hash of them. A form that is a whole word
/// there, or that has a non-letter after them, has the bit of that word.
fn filter_bit(head: u64) -> usize {
    const BITS: u32 = (FILTER_WORDS * 64).trailing_zeros();
    (head.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize
}

/// The key of the runs of more than 16 letters, which is never an
/// [`Opening::Word`].
const LONG: u128 = u128::MAX;

/// The key of the ASCII letters `start` opens with, lowercased, and their
/// count: the letters packed in order from the lowest byte, or [`LONG`].
/// `first` is the [`chunk_letters`] of its first 8 bytes, which the caller
/// has already read.
#[inline]
fn letters_after(start: &[u8], first: (u64, usize)) -> (u128, usize) {
    let (low, len) = first;
    if len < 8 {
        return (u128::from(low), len);
    }
    let (high, more) = chunk_letters(start.get(8..).unwrap_or_default());
    if more == 8 && start.get(16).is_some_and(u8::is_ascii_alphabetic) {
        return (LONG, 17);
    }
    (u128::from(high) << 64 | u128::from(low), len + more)
}

/// [`letters_after`] of at most the first 8 bytes: the letters packed in a word
/// (the first in the lowest byte), computed on all 8 bytes at once.
#[inline]
fn chunk_letters(start: &[u8]) -> (u64, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let word = match start.get(..8) {
        Some(head) => u64::from_le_bytes(head.try_into().unwrap_or_default()),
        None => start.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)),
    };
    let lower = word | (ONES * 0x20);
    // Per byte, without carries between bytes (each sum stays below 0x100):
    // the high bit of `lower & 0x7f` plus 0x1f is set from 'a' on, plus 5
    // from past 'z' on; a non-ASCII byte has its own high bit set.
    let ascii = lower & (ONES * 0x7f);
    let letter = (ascii + ONES * 0x1f) & !(ascii + ONES * 0x05) & !word & HIGH;
    // The high bit of the first non-letter, if any: the bytes below it
    // are the letters.
    let others = !letter & HIGH;
    let end = others & others.wrapping_neg();
    let key = lower & (end >> 7).wrapping_sub(1);
    let len = end.trailing_zeros() as usize / 8;
    (key, len)
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

    fn letters(start: &[u8]) -> (u128, usize) {
        letters_after(start, chunk_letters(start))
    }

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

    #[test]
    fn phrases_need_all_their_words() {
        assert_eq!(
            cues("He went onward; the think tank said it went on. Think-tanks posted a loss"),
            [("said", CueClass::Speech), ("went on", CueClass::Speech)]
        );
        // The longest form covers "goes": no cue starts there, though the
        // noun "saying goes" is none either.
        assert_eq!(cues("As the saying goes on and on"), []);
    }

    #[test]
    fn letters_stop_at_the_first_non_letter() {
        assert_eq!(
            letters(b"Said, he"),
            (u128::from_le_bytes(*b"said\0\0\0\0\0\0\0\0\0\0\0\0"), 4)
        );
        assert_eq!(letters(b"ACKNOWLEDGING"), letters(b"acknowledging"));
        assert_eq!(letters(b"acknowledging").1, 13);
        assert_eq!(letters(b"sa\xc3\xafd").1, 2);
        assert_eq!(letters(b"2016").1, 0);
        assert_eq!(letters(b"abcdefghijklmnop").1, 16);
        assert_eq!(letters(b"abcdefghijklmnopq").0, LONG);
        assert_eq!(letters(b"abc").1, 3);
    }

    /// The cues as found by the automaton alone, at every word start.
    fn reference(text: &str, words: &[Span]) -> Vec<CueMatch> {
        let mut free = 0;
        let mut found = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if w.start < free {
                continue;
            }
            let input = Input::new(text).range(w.start..).anchored(Anchored::Yes);
            let Some(m) = CUES.automaton.find(input) else {
                continue;
            };
            free = m.end();
            let noun = i > 0 && {
                let before = words[i - 1];
                text[before.end..w.start] == *" " && is_noun_marker(&text[before.start..before.end])
            };
            let cased = !text[m.start()..].starts_with(char::is_uppercase)
                || opens_sentence(text, m.start())
                || in_headline(text, m.start());
            if let (false, true, true, Some(form)) = (
                noun,
                is_word_bounded(text, m.start(), m.end()),
                cased,
                CUES.forms[m.pattern().as_usize()],
            ) {
                found.push(CueMatch {
                    span: Span::new(m.start(), m.end()),
                    class: form.class,
                    needs_that: form.needs_that,
                    takes_object: form.takes_object,
                    takes_phrase: form.takes_phrase,
                    takes_infinitive: form.takes_infinitive,
                });
            }
        }
        found
    }

    #[test]
    fn lookup_finds_what_the_automaton_finds() {
        let data = include_str!("../data/cues.txt");
        let mut pieces: Vec<String> = data
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(char::is_whitespace))
            .flat_map(|(_, rest)| rest.split('+').next().unwrap_or_default().split(','))
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        // The words of phrases alone too, so that phrases overlap.
        let words: Vec<String> = pieces.iter().flat_map(|p| p.split(' ')).map(str::to_string).collect();
        pieces.extend(words);
        for extra in [
            "the",
            "his",
            "a",
            "Mayor",
            "out",
            "on",
            "to",
            "ing",
            "s",
            "ed",
            "-",
            "'s",
            "\u{2019}",
            "\u{e9}",
            "_",
            "9",
            "abcdefghijklmnopqrs",
            ".",
            ",",
            "\n",
            "\"",
            "\u{201C}",
            ":",
            "(",
            "  ",
        ] {
            pieces.push(extra.to_string());
        }
        // A fixed pseudo-random sequence (an LCG), so failures repeat.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..10_000 {
            let mut text = String::new();
            for _ in 0..1 + next(12) {
                let piece = &pieces[next(pieces.len())];
                match next(4) {
                    0 => text.push_str(&piece.to_uppercase()),
                    1 => {
                        let mut chars = piece.chars();
                        text.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                        text.push_str(chars.as_str());
                    }
                    _ => text.push_str(piece),
                }
                text.push_str([" ", " ", " ", "", "-", ", ", "\n"][next(7)]);
            }
            let words: Vec<Span> = lede_text::words(&text).collect();
            assert_eq!(
                CUES.find(&text, &words).collect::<Vec<_>>(),
                reference(&text, &words),
                "{text:?}"
            );
        }
    }
}
