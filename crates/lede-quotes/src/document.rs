//! A document prepared for attribution: its words, sentences, paragraphs
//! and quotations, computed once and looked up by position.

use std::cell::Cell;

use lede_text::{is_capitalized, paragraphs, ParagraphMode, Span};

use crate::cues::{CueMatch, CUES};
use crate::lexicon::{is_possessive, WordList, WORDS};
pub(crate) use crate::marks::is_quote_mark;
use crate::marks::{quotations, Quotation};

/// How far around a cue the rules look for its speaker and content. Real
/// attributions fit well inside; the bound keeps the work per cue constant,
/// so a megabyte-long sentence full of cues still takes linear time.
pub(crate) const WINDOW: usize = 1200;

/// A word whose lists have not been looked up yet.
const UNKNOWN: u16 = u16::MAX;

pub(crate) struct Document<'t> {
    pub text: &'t str,
    pub words: Vec<Span>,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Span>,
    /// Outermost quotations only: nested ones are part of their speaker's
    /// words.
    pub quotations: Vec<Quotation>,
    /// Every cue, in order.
    pub cues: Vec<CueMatch>,
    /// For each word, the word lists it is in, looked up the first time a
    /// rule asks (most words are never asked about).
    bits: Vec<Cell<u16>>,
}

impl<'t> Document<'t> {
    /// The document of `text`, whose sentences are `sentences` (as
    /// [`lede_text::sentences`] splits them).
    pub fn new(text: &'t str, sentences: Vec<Span>) -> Document<'t> {
        // News runs about six bytes a word: sized once, the list is not
        // copied as it grows.
        let mut words = Vec::with_capacity(text.len() / 5 + 8);
        words.extend(lede_text::words(text));
        let quotations = runaways_clipped(text, &sentences, quotations(text));
        let cues = CUES.find(text, &words).collect();
        Document {
            text,
            bits: vec![Cell::new(UNKNOWN); words.len()],
            words,
            sentences,
            paragraphs: paragraphs(text, ParagraphMode::BlankLine).collect(),
            quotations,
            cues,
        }
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.words[i].slice(self.text)
    }

    /// Whether word `i` is in `list`.
    #[inline]
    pub fn is(&self, i: usize, list: WordList) -> bool {
        self.lists(i) & list.bit() != 0
    }

    /// The word lists word `i` is in, as bits (see [`WordList::bit`]).
    #[inline]
    pub fn lists(&self, i: usize) -> u16 {
        let mut bits = self.bits[i].get();
        if bits == UNKNOWN {
            bits = WORDS.lists_of(self.word(i));
            self.bits[i].set(bits);
        }
        bits
    }

    /// Whether word `i` is a capitalised role word ("King", "Major",
    /// "Pope") that follows a capitalised given name (and any initials) and
    /// ends the run of capitalised words: a surname there ("Lena King",
    /// "John Major"), where "Charlotte Mayor Jennifer Roberts" keeps its
    /// title.
    pub fn is_surname_after_given_name(&self, i: usize) -> bool {
        let name_follows = || i + 1 < self.words.len() && self.gap_after(i) == " " && is_capitalized(self.word(i + 1));
        if i == 0
            || !self.is(i, WordList::Role)
            || !is_capitalized(self.word(i))
            || is_possessive(self.word(i))
            || name_follows()
        {
            return false;
        }
        // Middle initials may stand between: "Peter T. King".
        let mut given = i - 1;
        while given > 0
            && self.word(given).len() == 1
            && is_capitalized(self.word(given))
            && self.gap_after(given) == ". "
        {
            given -= 1;
        }
        self.is_given_name(given) && self.gap_after(given) == " "
    }

    /// Whether word `i` is a capitalised given name ("Lena", "Mikhail").
    pub fn is_given_name(&self, i: usize) -> bool {
        self.lists(i) & (WordList::MaleName.bit() | WordList::FemaleName.bit()) != 0 && is_capitalized(self.word(i))
    }

    /// Whether word `i` and the next are pieces of one hyphenated word
    /// ("Jean-Marc", "al-Nouri", "Jong-un"). Word boundaries (UAX #29)
    /// split at a hyphen, so names are joined back by their gaps.
    pub fn hyphen_after(&self, i: usize) -> bool {
        i + 1 < self.words.len() && matches!(self.gap_after(i), "-" | "\u{2010}" | "\u{2011}")
    }

    /// Whether word `i` is the lowercase last piece of a given name whose
    /// first piece is capitalised, after a family name: the "un" of "Kim
    /// Jong-un", the "wen" of "Tsai Ing-wen". The family name before is what
    /// tells such a piece from a compound's ("Kremlin-backed", "Paris-based"),
    /// a piece in "-ed" is a participle ("Syrian Kurdish-led"), and the given
    /// name ends the name: before another name the compound describes it
    /// ("Los Angeles-area Sanders", "South Korean-born Monte Haines").
    pub fn continues_name(&self, i: usize) -> bool {
        let word = self.word(i);
        // A hyphen before is rare: tested first, it answers most calls.
        i >= 2
            && self.hyphen_after(i - 1)
            && !word.ends_with("ed")
            && word.chars().all(char::is_lowercase)
            && !self.hyphen_after(i)
            && !(i + 1 < self.words.len()
                && self.gap_after(i) == " "
                && is_capitalized(self.word(i + 1))
                && !self.is(i + 1, WordList::NotName))
            && !self.hyphen_after(i - 2)
            && self.gap_after(i - 2) == " "
            && [i - 2, i - 1].iter().all(|&w| self.is_name_piece(w))
    }

    /// Whether word `i` may be a piece of a person's name: capitalised, not
    /// possessive, and in none of the lists of words that are not names
    /// (roles, modifiers, determiners, organisations, `not_name`).
    pub fn is_name_piece(&self, i: usize) -> bool {
        const NOT_NAMES: u16 = WordList::Role.bit()
            | WordList::Modifier.bit()
            | WordList::Determiner.bit()
            | WordList::Organization.bit()
            | WordList::NotName.bit();
        // Coreference asks about nearly every word, and most are lowercase
        // ASCII: their first byte answers, without slicing the word out.
        let first = self.text.as_bytes().get(self.words[i].start);
        if first.is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return false;
        }
        let word = self.word(i);
        is_capitalized(word) && !is_possessive(word) && self.lists(i) & NOT_NAMES == 0
    }

    /// The last word ending at or before `pos`.
    pub fn word_before(&self, pos: usize) -> Option<usize> {
        self.words.partition_point(|w| w.end <= pos).checked_sub(1)
    }

    /// The first word starting at or after `pos`.
    pub fn word_after(&self, pos: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.start < pos);
        (i < self.words.len()).then_some(i)
    }

    /// The text between word `i` and word `i + 1` (or the end).
    pub fn gap_after(&self, i: usize) -> &'t str {
        let end = self.words.get(i + 1).map_or(self.text.len(), |w| w.start);
        &self.text[self.words[i].end..end]
    }

    /// Whether a cue starts inside `start..end`, and which, in order.
    pub fn cues_in(&self, start: usize, end: usize) -> &[CueMatch] {
        let first = self.cues.partition_point(|c| c.span.start < start);
        let last = self.cues.partition_point(|c| c.span.start < end);
        &self.cues[first..last.max(first)]
    }

    /// The sentence around `span` as far as the rules look: the sentence
    /// clipped to [`WINDOW`] bytes on either side.
    pub fn window(&self, span: Span) -> Span {
        let sentence = self.sentence_at(span.start);
        let start = sentence
            .start
            .max(ceil_char_boundary(self.text, span.start.saturating_sub(WINDOW)));
        let end = sentence.end.min(floor_char_boundary(self.text, span.end + WINDOW));
        Span::new(start.min(span.start), end.max(span.end))
    }

    /// The sentence containing `pos`, or the whole text.
    pub fn sentence_at(&self, pos: usize) -> Span {
        Self::containing(&self.sentences, pos).unwrap_or(Span::new(0, self.text.len()))
    }

    pub fn paragraph_at(&self, pos: usize) -> Option<Span> {
        Self::containing(&self.paragraphs, pos)
    }

    fn containing(spans: &[Span], pos: usize) -> Option<Span> {
        let i = spans.partition_point(|s| s.end <= pos);
        spans.get(i).copied().filter(|s| s.start <= pos)
    }

    /// The outermost quotation whose content contains `pos`. The binary
    /// search needs the quotations sorted by content end: outermost ones
    /// never overlap (the mark scanner's property tests check it) and
    /// clipping a runaway only shortens it.
    pub fn quotation_around(&self, pos: usize) -> Option<&Quotation> {
        let i = self.quotations.partition_point(|q| q.content.end < pos);
        self.quotations[i..]
            .iter()
            .take_while(|q| q.open.start <= pos)
            .find(|q| q.content.start <= pos && pos < q.content.end)
    }

    /// The quotation whose closing mark ends at `pos` (marks may be followed
    /// by the comma: `,"` and `",` both occur).
    pub fn quotation_closing_at(&self, pos: usize) -> Option<&Quotation> {
        let i = self
            .quotations
            .partition_point(|q| q.close.map_or(q.content.end, |c| c.end) < pos);
        self.quotations.get(i).filter(|q| q.close.is_some_and(|c| c.end == pos))
    }

    /// The quotation whose opening mark starts at `pos`.
    pub fn quotation_opening_at(&self, pos: usize) -> Option<&Quotation> {
        let i = self.quotations.partition_point(|q| q.open.start < pos);
        self.quotations.get(i).filter(|q| q.open.start == pos)
    }
}

/// The outermost quotations, with a runaway one clipped: a quotation left
/// unclosed at its paragraph's end that the next paragraph does not continue
/// is a stray or lost mark (`called the offer "insulting. Talks broke down
/// on Friday.`), so its words are taken to end with the sentence it opened
/// in, and it is marked unclosed for the rules to weigh.
fn runaways_clipped(text: &str, sentences: &[Span], found: Vec<Quotation>) -> Vec<Quotation> {
    let mut outer: Vec<Quotation> = found.into_iter().filter(|q| q.depth == 0).collect();
    for i in 0..outer.len() {
        let continued = outer.get(i + 1).is_some_and(|next| next.continues);
        if outer[i].close.is_some() || continued {
            continue;
        }
        let q = &mut outer[i];
        let s = sentences.partition_point(|s| s.end <= q.content.start);
        if let Some(sentence) = sentences.get(s).filter(|s| s.end < q.content.end) {
            let clipped = Span::new(q.content.start, sentence.end.max(q.content.start)).trim(text);
            q.content = clipped;
        }
    }
    outer
}

/// Whether `s` is only whitespace.
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// The largest char boundary of `text` at or before `i`.
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
pub(crate) fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
