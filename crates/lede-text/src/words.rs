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
        ascii_end: 0,
        region: None,
    }
}

/// Iterator over word spans; see [`words`].
///
/// Word boundaries always fall at ASCII whitespace, so the text is read in
/// whitespace-delimited regions: pure-ASCII regions (most of English news)
/// are split by the ASCII subset of the UAX #29 rules in a tight loop, other
/// regions by `unicode-segmentation`. The results are the same as UAX #29
/// over the whole text (the tests compare them), several times faster.
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    /// Where scanning resumes.
    pos: usize,
    /// The end of the ASCII region being split, if `pos` is inside one.
    ascii_end: usize,
    /// A non-ASCII region being split by UAX #29, with its offset.
    region: Option<(UWordBoundIndices<'a>, usize)>,
}

impl Iterator for Words<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        let bytes = self.text.as_bytes();
        loop {
            if let Some((segments, offset)) = &mut self.region {
                let found = segments.find(|(_, token)| token.chars().any(char::is_alphanumeric));
                if let Some((start, token)) = found {
                    return Some(Span::new(*offset + start, *offset + start + token.len()));
                }
                self.region = None;
            }
            while self.pos < self.ascii_end {
                let start = self.pos;
                if !is_ascii_word_byte(bytes[start]) {
                    self.pos += 1;
                    continue;
                }
                let end = ascii_word_end(bytes, start, self.ascii_end);
                self.pos = end;
                // "___" is a segment without letters or digits.
                if bytes[start] != b'_' || bytes[start..end].iter().any(u8::is_ascii_alphanumeric) {
                    return Some(Span::new(start, end));
                }
            }
            let blank_start = self.pos;
            while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            if self.pos >= bytes.len() {
                return None;
            }
            // The region's end and whether it is ASCII, in one pass.
            let start = self.pos;
            let mut end = start;
            let mut high = 0u8;
            while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
                high |= bytes[end];
                end += 1;
            }
            if high.is_ascii() {
                self.ascii_end = end;
            } else {
                // The region takes the whitespace before it along: a
                // combining mark after a space joins the space (WB4).
                self.region = Some((self.text[blank_start..end].split_word_bound_indices(), blank_start));
                self.pos = end;
            }
        }
    }
}

/// Letters, digits and the underscore (ExtendNumLet) join into words.
#[inline]
fn is_ascii_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_ascii_word_byte`] as a table: one load per byte in the hot loop.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// The end of the ASCII word starting at `start` (UAX #29 rules WB5-WB13b
/// for ASCII): word bytes join; `:` `.` `'` join two letters ("U.S",
/// "don't"); `,` `;` `.` `'` join two digits ("3.5", "1,000").
#[inline]
fn ascii_word_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut i = start + 1;
    while i < end {
        let c = bytes[i];
        if is_ascii_word_byte(c) {
            i += 1;
            continue;
        }
        if i + 1 < end {
            let (prev, next) = (bytes[i - 1], bytes[i + 1]);
            let letters = matches!(c, b':' | b'.' | b'\'') && prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
            let digits = matches!(c, b',' | b';' | b'.' | b'\'') && prev.is_ascii_digit() && next.is_ascii_digit();
            if letters || digits {
                i += 2;
                continue;
            }
        }
        break;
    }
    i
}

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
