//! Word tokens and the small word-shape predicates later stages share.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use crate::Span;

/// The words of `text` (Unicode word boundaries, UAX #29), as spans.
///
/// Punctuation and whitespace between words are skipped. Contractions and
/// possessives stay whole ("don't", "Putin's"); hyphenated compounds split at
/// the hyphen ("Russian", "backed").
///
/// ```
/// use lede_text::words;
///
/// let text = "Putin's aide, Yuri Ushakov, spoke on 3.5% growth.";
/// let found: Vec<&str> = words(text).map(|s| s.slice(text)).collect();
/// assert_eq!(found, ["Putin's", "aide", "Yuri", "Ushakov", "spoke", "on", "3.5", "growth"]);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        pos: 0,
        zone_end: 0,
        region_end: 0,
        region: None,
    }
}

/// Iterator over word spans; see [`words`].
///
/// Most of news text is ASCII plus a little typographic punctuation (curly
/// quotes, dashes, ellipses, no-break spaces) and Latin letters. The text is
/// read in zones holding only such characters, whose UAX #29 word-break
/// classes are known here, and split by those rules in a tight loop. A
/// whitespace-delimited region holding any other character (a combining
/// mark, another script, an emoji) goes to `unicode-segmentation`. Word
/// boundaries always fall at ASCII whitespace, except before a combining
/// mark or format character (WB4), so such a region takes the whitespace
/// before it along. The results
/// are the same as UAX #29 over the whole text (the tests compare them),
/// several times faster.
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    /// Where scanning resumes.
    pos: usize,
    /// The end of the zone the fast path splits.
    zone_end: usize,
    /// The end of the region after the zone that needs full UAX #29; equal
    /// to `zone_end` when there is none.
    region_end: usize,
    /// That region while it is being split, with its offset.
    region: Option<(UWordBoundIndices<'a>, usize)>,
}

impl Iterator for Words<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        self.next_in_zone().or_else(|| self.next_outside_zone())
    }
}

impl Words<'_> {
    /// The next word of the current zone: the common case, kept small
    /// enough to inline with few live registers (with the rest of `next`
    /// inlined too, the loop over words keeps its state on the stack, and
    /// takes a sixth more instructions).
    #[inline(always)]
    fn next_in_zone(&mut self) -> Option<Span> {
        if self.pos < self.zone_end {
            if let Some(word) = zone_word(self.text.as_bytes(), self.pos, self.zone_end) {
                self.pos = word.end;
                return Some(word);
            }
            self.pos = self.zone_end;
        }
        None
    }

    /// [`Iterator::next`] once the current zone has no more words: a
    /// region for `unicode-segmentation`, or the next zone.
    #[inline(never)]
    fn next_outside_zone(&mut self) -> Option<Span> {
        let bytes = self.text.as_bytes();
        loop {
            if let Some(word) = self.next_in_zone() {
                return Some(word);
            }
            if let Some((segments, offset)) = &mut self.region {
                let found = segments.find(|(_, token)| token.chars().any(char::is_alphanumeric));
                if let Some((start, token)) = found {
                    return Some(Span::new(*offset + start, *offset + start + token.len()));
                }
                self.region = None;
            }
            if self.zone_end < self.region_end {
                let (start, end) = (self.zone_end, self.region_end);
                self.region = Some((self.text[start..end].split_word_bound_indices(), start));
                self.pos = end;
                self.zone_end = end;
                continue;
            }
            if self.pos >= bytes.len() {
                return None;
            }
            (self.zone_end, self.region_end) = next_zone(bytes, self.pos);
        }
    }
}

/// How far a zone reaches before it may end, in bytes: far enough to amortise
/// finding it, near enough that taking one word stays cheap.
const ZONE: usize = 256;

/// The zone starting at `from` and the region after it: `(zone_end,
/// region_end)`. The zone ends at the start of a whitespace run (or the end
/// of the text); if a character the fast path does not know lies beyond it,
/// its whitespace-delimited region, with the whitespace before it, runs from
/// `zone_end` to `region_end`.
fn next_zone(bytes: &[u8], from: usize) -> (usize, usize) {
    let len = bytes.len();
    let soft_end = from.saturating_add(ZONE).min(len);
    let mut i = from;
    loop {
        // Pure-ASCII stretches are the rule: check them 16 bytes at a time.
        for chunk in bytes.get(i..soft_end).unwrap_or_default().chunks_exact(16) {
            if chunk.iter().fold(0, |acc, b| acc | b) >= 0x80 {
                break;
            }
            i += 16;
        }
        let Some(&b) = bytes.get(i) else {
            return (len, len);
        };
        if b.is_ascii() {
            if i >= soft_end && i > from && b.is_ascii_whitespace() && !bytes[i - 1].is_ascii_whitespace() {
                return (i, i);
            }
            i += 1;
            continue;
        }
        let (class, char_len) = class_at(bytes, i);
        if class != Class::Unknown {
            i += char_len;
            continue;
        }
        let is_space = |b: &u8| b.is_ascii_whitespace();
        let region_start = bytes[from..i]
            .iter()
            .rposition(is_space)
            .map_or(from, |at| from + at + 1);
        let blank_start = bytes[from..region_start]
            .iter()
            .rposition(|b| !is_space(b))
            .map_or(from, |at| from + at + 1);
        let region_end = bytes[i..].iter().position(is_space).map_or(len, |at| i + at);
        return (blank_start, region_end);
    }
}

/// The next word in the zone `from..end`, if any.
#[inline]
fn zone_word(bytes: &[u8], from: usize, end: usize) -> Option<Span> {
    // Cut to the zone once: every look below stays inside it with a single
    // bounds check.
    let zone = bytes.get(..end)?;
    let mut i = from;
    loop {
        let start = loop {
            let b = *zone.get(i)?;
            match BYTES[usize::from(b)] {
                Byte::Word => break i,
                Byte::Skip => i += 1,
                Byte::High => {
                    let (class, len) = class_at(zone, i);
                    if class == Class::Letter {
                        break i;
                    }
                    i += len;
                }
            }
        };
        let word_end = word_end(zone, start);
        // "___" is a segment without letters or digits; a non-ASCII byte in
        // a word belongs to a letter.
        if zone[start] != b'_'
            || zone[start..word_end]
                .iter()
                .any(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
        {
            return Some(Span::new(start, word_end));
        }
        i = word_end;
    }
}

/// The end of the word starting at `start` in `zone` (UAX #29 rules
/// WB5-WB13b): letters, digits and `_` join; `:` `.` `'` `‘` `’` join two
/// letters ("U.S", "don't", "Putin’s"); `,` `;` `.` `'` `‘` `’` join two
/// digits ("3.5", "1,000").
#[inline]
fn word_end(zone: &[u8], start: usize) -> usize {
    // A word starts with an ASCII byte or a two-byte Latin letter.
    let mut i = start + if zone[start].is_ascii() { 1 } else { 2 };
    loop {
        while zone.get(i).is_some_and(|&b| BYTES[usize::from(b)] == Byte::Word) {
            i += 1;
        }
        let Some(&b) = zone.get(i) else { return i };
        if ENDS_WORD[usize::from(b)] {
            return i;
        }
        let (class, len) = class_at(zone, i);
        match class {
            Class::Letter => i += len,
            Class::MidLetter | Class::MidNum | Class::MidNumLet => {
                // Past the zone's end `next` is Unknown: no join.
                let (next, next_len) = class_at(zone, i + len);
                // The character before is the word's last: an ASCII byte, or
                // the last byte of a (Latin) letter.
                let prev = zone[i - 1];
                let letters =
                    class != Class::MidNum && next == Class::Letter && (prev.is_ascii_alphabetic() || !prev.is_ascii());
                let digits = class != Class::MidLetter && next == Class::Digit && prev.is_ascii_digit();
                if !(letters || digits) {
                    return i;
                }
                i += len + next_len;
            }
            _ => return i,
        }
    }
}

/// What a byte is to the fast path's inner loops.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// ASCII that is not part of a word: whitespace, punctuation.
    Skip,
    /// An ASCII letter, digit or `_` (ExtendNumLet): these always join.
    Word,
    /// Part of a non-ASCII character.
    High,
}

/// [`Byte`] as a table: one load per byte in the hot loops.
static BYTES: [Byte; 256] = {
    let mut table = [Byte::High; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            Byte::Word
        } else {
            Byte::Skip
        };
        b += 1;
    }
    table
};

/// ASCII bytes that always end a word: all but letters, digits, `_` and
/// the joiners `:` `.` `'` `,` `;`.
static ENDS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(ASCII_CLASSES[b], Class::Other);
        b += 1;
    }
    table
};

/// The UAX #29 word-break classes the fast path tells apart. `Other` is
/// anything that never joins a word (WB999); `Unknown` is a character the
/// fast path leaves to `unicode-segmentation`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Letter,
    Digit,
    ExtendNumLet,
    MidLetter,
    MidNum,
    MidNumLet,
    Other,
    Unknown,
}

/// The class of the character at `i` and its length in bytes.
///
/// Beyond ASCII it knows the characters of English news whose class is
/// certain from the UAX #29 tables (WordBreakProperty.txt) and that are
/// alphanumeric exactly when they are letters: Latin-1 and Latin Extended-A
/// letters (ALetter), the curly single quotes U+2018 and U+2019 (MidNumLet,
/// like `'` and `.`), and as Other the no-break space, Latin-1 punctuation
/// and symbols, the dashes, double quotes, bullets and ellipsis of U+2010 to
/// U+203E, and the euro sign. Anything else (including superscript digits,
/// the soft hyphen, `·` and U+2024 ONE DOT LEADER) is `Unknown`.
#[inline]
fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let Some(&b) = bytes.get(i) else {
        return (Class::Unknown, 1);
    };
    if b.is_ascii() {
        return (ASCII_CLASSES[usize::from(b)], 1);
    }
    let second = bytes.get(i + 1).copied().unwrap_or(0);
    match (b, second) {
        (0xC2, 0xA0..=0xA9 | 0xAB | 0xAC | 0xAE..=0xB1 | 0xB4 | 0xB6 | 0xBB | 0xBF) => (Class::Other, 2),
        // U+00D7 × and U+00F7 ÷ among the Latin-1 letters.
        (0xC3, 0x97 | 0xB7) => (Class::Other, 2),
        (0xC3..=0xC5, 0x80..=0xBF) => (Class::Letter, 2),
        (0xE2, 0x80) => match bytes.get(i + 2) {
            Some(0x98 | 0x99) => (Class::MidNumLet, 3),
            Some(0x90..=0x97 | 0x9A..=0xA3 | 0xA5 | 0xA6 | 0xB0..=0xBE) => (Class::Other, 3),
            _ => (Class::Unknown, 1),
        },
        (0xE2, 0x82) if bytes.get(i + 2) == Some(&0xAC) => (Class::Other, 3),
        _ => (Class::Unknown, 1),
    }
}

/// [`Class`] for every ASCII byte.
static ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::ExtendNumLet,
            b':' => Class::MidLetter,
            b',' | b';' => Class::MidNum,
            b'.' | b'\'' => Class::MidNumLet,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// True when the word starts with an uppercase letter ("Kremlin", "NATO", "Über").
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word has letters and none of them is lowercase ("NATO",
/// "U.S.", "G7"); "A" counts, "7" does not.
#[inline]
pub fn is_all_caps(word: &str) -> bool {
    let mut has_letter = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        has_letter |= c.is_alphabetic();
    }
    has_letter
}

/// True for a capitalised word that is not all caps ("Ushakov", "McDonald").
#[inline]
pub fn is_title_case(word: &str) -> bool {
    is_capitalized(word) && word.chars().any(char::is_lowercase)
}

/// Maximal runs of capitalised words separated only by spaces, as spans:
/// the raw material of proper names ("Kremlin adviser Yuri Ushakov" gives
/// "Kremlin" and "Yuri Ushakov").
///
/// ```
/// use lede_text::title_case_runs;
///
/// let text = "Kremlin adviser Yuri Ushakov met U.S. envoy Steve Witkoff.";
/// let runs: Vec<&str> = title_case_runs(text).map(|s| s.slice(text)).collect();
/// assert_eq!(runs, ["Kremlin", "Yuri Ushakov", "U.S", "Steve Witkoff"]);
/// ```
pub fn title_case_runs(text: &str) -> TitleCaseRuns<'_> {
    TitleCaseRuns {
        text,
        words: words(text),
        pending: None,
    }
}

/// Iterator over runs of capitalised words; see [`title_case_runs`].
#[derive(Clone, Debug)]
pub struct TitleCaseRuns<'a> {
    text: &'a str,
    words: Words<'a>,
    pending: Option<Span>,
}

impl Iterator for TitleCaseRuns<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let mut run: Option<Span> = self.pending.take();
        for word in self.words.by_ref() {
            if !is_capitalized(word.slice(self.text)) {
                if run.is_some() {
                    return run;
                }
                continue;
            }
            match run {
                Some(current) if joins_run(&self.text[current.end..word.start]) => {
                    run = Some(current.cover(word));
                }
                Some(current) => {
                    self.pending = Some(word);
                    return Some(current);
                }
                None => run = Some(word),
            }
        }
        run
    }
}

/// Two capitalised words belong to one run when only plain spaces lie between.
#[inline]
fn joins_run(gap: &str) -> bool {
    !gap.is_empty() && gap.bytes().all(|b| b == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn predicates_on_news_words() {
        assert!(is_capitalized("Ushakov") && is_title_case("Ushakov"));
        assert!(is_all_caps("NATO") && !is_title_case("NATO"));
        assert!(is_all_caps("G7") && !is_all_caps("2025"));
        assert!(is_capitalized("Ü") && !is_capitalized("über"));
        assert!(!is_capitalized(""));
    }

    #[test]
    fn words_skip_punctuation_and_keep_unicode_words() {
        let text = "«Київ» — Zelensky’s 2,5% offer; “Nein!”";
        let found: Vec<&str> = words(text).map(|s| s.slice(text)).collect();
        assert_eq!(found, ["Київ", "Zelensky’s", "2,5", "offer", "Nein"]);
    }

    /// UAX #29 word segmentation as `words` reports it: the segments with a
    /// letter or digit.
    fn uax29(text: &str) -> Vec<Span> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, w)| Span::new(i, i + w.len()))
            .collect()
    }

    #[test]
    fn curly_apostrophes_join_like_ascii_ones() {
        let text = "“Putin’s aide” — ‘rock’n’roll’… 1’000 l’été ’90s";
        let found: Vec<&str> = words(text).map(|s| s.slice(text)).collect();
        assert_eq!(found, ["Putin’s", "aide", "rock’n’roll", "1’000", "l’été", "90s"]);
    }

    /// Every non-ASCII character the fast path classifies, next to and
    /// between characters of every class (and ones it leaves to
    /// `unicode-segmentation`), splits exactly as UAX #29 does.
    #[test]
    fn every_known_character_splits_as_uax29_in_context() {
        let known: Vec<char> = ('\u{80}'..='\u{FFFF}')
            .filter(|c| {
                let mut buf = [0; 4];
                class_at(c.encode_utf8(&mut buf).as_bytes(), 0).0 != Class::Unknown
            })
            .collect();
        assert!(known.len() >= 250, "only {} known characters", known.len());
        let context = [
            "a", "Z", "7", "_", ".", "'", ":", ",", ";", " ", "\n", "\t", "\"", "-", "é", "ğ", "’", "‘", "“", "\u{a0}",
            "\u{301}", "\u{ad}", "\u{200d}", "\u{2024}", "²", "Ж", "👍",
        ];
        let mut text = String::new();
        for c in known {
            for x in context {
                for y in context {
                    for shape in [[x, "", y], [x, y, ""], ["", x, y]] {
                        text.clear();
                        text.push_str(shape[0]);
                        text.push_str(shape[1]);
                        text.push(c);
                        text.push_str(shape[2]);
                        // Shapes put `c` first, middle or last; repeat the
                        // mark so it also sits between equal neighbours.
                        text.push(c);
                        assert_eq!(words(&text).collect::<Vec<_>>(), uax29(&text), "in {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn runs_break_at_punctuation_and_line_breaks() {
        let text = "Prime Minister Keir Starmer, Emmanuel Macron\nFriedrich Merz";
        let runs: Vec<&str> = title_case_runs(text).map(|s| s.slice(text)).collect();
        assert_eq!(
            runs,
            ["Prime Minister Keir Starmer", "Emmanuel Macron", "Friedrich Merz"]
        );
    }
}
