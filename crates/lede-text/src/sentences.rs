//! News-grade English sentence segmentation.
//!
//! The segmenter scans bytes for the few that can end a sentence (`.`, `!`,
//! `?`, `…`, line breaks, bullets) and decides each candidate from its
//! immediate context: the token before it (abbreviation, initial, number,
//! multi-period form such as "U.S."), the punctuation after it (closing
//! quotes and brackets, ellipses) and the word that follows (lowercase, a
//! typical sentence opener, a digit, a said-tag). Blank lines always end a
//! sentence. It never allocates and never looks more than a bounded number of
//! bytes away from a candidate, so it runs in linear time on any input.

use crate::lexicon::{AbbreviationClass, LEXICON};
use crate::paragraphs::{is_blank, next_line};
use crate::Span;

/// The sentences of `text`, as spans trimmed of whitespace.
///
/// ```
/// use lede_text::sentences;
///
/// let text = "At 5 a.m. Gen. Valery Gerasimov briefed Putin. \"Please don't be angry. \
///             I understand,\" Putin said. Talks in the U.S. Are next.";
/// let found: Vec<&str> = sentences(text).map(|s| s.slice(text)).collect();
/// assert_eq!(found, [
///     "At 5 a.m. Gen. Valery Gerasimov briefed Putin.",
///     "\"Please don't be angry.",
///     "I understand,\" Putin said.",
///     "Talks in the U.S.",
///     "Are next.",
/// ]);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        pos: 0,
        block: Block::default(),
        terminators: Next3::new(b'.', b'!', b'?'),
        breaks: Next3::new(b'\n', b'\r', 0xE2),
    }
}

/// Iterator over sentence spans; see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
    block: Block,
    /// The next `.` `!` `?`, and the next line break or 0xE2 (the lead
    /// byte of "…" and bullets): the candidates outside lists.
    terminators: Next3,
    breaks: Next3,
}

/// The paragraph being segmented: where it ends, and the shape of its lines,
/// which decides whether a single line break ends a sentence.
#[derive(Clone, Copy, Debug, Default)]
struct Block {
    end: usize,
    longest_line: usize,
    has_terminal_line: bool,
}

impl Iterator for Sentences<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let text = self.text;
        let start = skip_whitespace(text, self.pos, text.len());
        if start >= text.len() {
            self.pos = text.len();
            return None;
        }
        if start >= self.block.end {
            self.block = block_at(text, start);
        }
        let first_char = text[start..].chars().next().map_or(1, char::len_utf8);
        let end = self.find_end(start).max(start + first_char);
        self.pos = end;
        Some(Span::new(start, end).trim(text))
    }
}

/// What to do at a candidate terminator.
enum Step {
    /// The sentence ends at this offset.
    End(usize),
    /// Not a boundary: resume scanning here.
    Resume(usize),
}

// Bytes that can end a sentence: . ! ? line breaks, and 0xE2, the lead byte
// of "…" and of the bullets "•" and "⁃". With a list marker open, a space can
// also start the next item.
const fn byte_table(with_space: bool) -> [bool; 256] {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table[0xE2] = true;
    table[b' ' as usize] = with_space;
    table
}
static CANDIDATES: [bool; 256] = byte_table(false);
static CANDIDATES_IN_LIST: [bool; 256] = byte_table(true);

/// The next offset of one of three bytes, remembered until the scan passes
/// it. Searches run to the end of the text, not of the sentence, and the
/// hit is kept across sentences, so each byte is searched once.
#[derive(Clone, Copy, Debug)]
struct Next3 {
    needles: [u8; 3],
    /// The last hit (or the text's end, for none), once searched.
    found: Option<usize>,
}

impl Next3 {
    fn new(a: u8, b: u8, c: u8) -> Next3 {
        Next3 {
            needles: [a, b, c],
            found: None,
        }
    }

    /// The first of the needles in `bytes[i..]`, or the end of `bytes`.
    #[inline]
    fn at(&mut self, bytes: &[u8], i: usize) -> usize {
        match self.found {
            Some(at) if at >= i => at,
            _ => {
                let [a, b, c] = self.needles;
                let hay = bytes.get(i..).unwrap_or_default();
                let at = memchr::memchr3(a, b, c, hay).map_or(bytes.len(), |at| i + at);
                self.found = Some(at);
                at
            }
        }
    }
}

const ELLIPSIS: &str = "\u{2026}";
const BULLETS: [&str; 6] = ["\u{2022}", "\u{2043}", "\u{25AA}", "\u{25E6}", "\u{25CF}", "\u{2023}"];

/// How far the segmenter looks around a candidate, in bytes. Bounding every
/// look keeps the whole scan linear, whatever the input.
const LOOK: usize = 64;

impl Sentences<'_> {
    fn find_end(&mut self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = self.block.end;
        let marker = list_marker_at(text, start, end);
        let table = if marker.is_some() {
            &CANDIDATES_IN_LIST
        } else {
            &CANDIDATES
        };
        let mut i = marker.map_or(start, |m| m.after);
        let mut line_start = start;
        while i < end {
            if marker.is_some() {
                if !table[usize::from(bytes[i])] {
                    i += 1;
                    continue;
                }
            } else {
                // Candidates are a byte in a hundred: find them with memchr.
                i = self.terminators.at(bytes, i).min(self.breaks.at(bytes, i));
                if i >= end {
                    break;
                }
            }
            let b = bytes[i];
            match b {
                b'\n' | b'\r' => {
                    let line = next_line(text, i);
                    if self.line_break_ends_sentence(line_start, i, line.end_with_break) {
                        return i;
                    }
                    i = line.end_with_break;
                    line_start = i;
                }
                b'.' | b'!' | b'?' => match self.at_terminator(start, i) {
                    Step::End(at) => return at,
                    Step::Resume(at) => i = at,
                },
                b' ' => {
                    if let Some(m) = marker {
                        if list_marker_at(text, i + 1, end).is_some_and(|next| next.follows(m)) {
                            return i;
                        }
                    }
                    i += 1;
                }
                _ => {
                    let rest = &text[i..];
                    if rest.starts_with(ELLIPSIS) {
                        match self.at_terminator(start, i) {
                            Step::End(at) => return at,
                            Step::Resume(at) => i = at,
                        }
                    } else if i > start && preceded_by_space(text, i) && BULLETS.iter().any(|b| rest.starts_with(b)) {
                        return i;
                    } else {
                        i += 1;
                    }
                }
            }
        }
        end
    }

    /// Decides a single line break inside a paragraph.
    fn line_break_ends_sentence(&self, line_start: usize, at: usize, next_start: usize) -> bool {
        let text = self.text;
        let current = text[line_start..at].trim();
        let next = text[next_start..next_line(text, next_start).content.end].trim_start();
        if next.is_empty() || starts_with_list_marker(current) || starts_with_list_marker(next) {
            return true;
        }
        // A paragraph none of whose lines ends like a sentence is a stack of
        // headlines or list items: each line stands alone.
        if !self.block.has_terminal_line {
            return true;
        }
        if next.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        if ends_like_sentence(current) || current.ends_with([',', ';', ':', '-', '\u{2013}', '\u{2014}', '(', '/', '&'])
        {
            return false;
        }
        // Soft-wrapped prose fills its lines to a common width; a line much
        // shorter than the longest is a hard break (a headline, a subhead).
        current.len() * 10 < self.block.longest_line * 7
    }

    fn at_terminator(&self, start: usize, i: usize) -> Step {
        let text = self.text;
        let block_end = self.block.end;
        let run = TerminalRun::at(text, i);
        let after = skip_closers(text, run.end);
        if after >= block_end {
            return Step::End(after.min(block_end));
        }
        let Some(gap) = space_len_at(text, after) else {
            return if after == run.end && starts_glued_sentence(text, i, &run) {
                Step::End(after)
            } else {
                Step::Resume(run.end)
            };
        };
        let next_at = skip_whitespace(text, after + gap, block_end);
        if next_at >= block_end {
            return Step::End(after);
        }
        let next = NextWord::at(text, next_at);
        if next.initial == Initial::Lower || run.bracketed(text, i) {
            return Step::Resume(run.end);
        }
        let closed_by_quote =
            text[run.end..after].contains(['"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', '\u{203A}']);
        // A said-tag stands on its quotation's line; after a line break the
        // words open a sentence of their own.
        if closed_by_quote
            && next.initial == Initial::Upper
            && !text[after..next_at].contains('\n')
            && !LEXICON.is_starter(next.word)
            && said_tag_follows(text, next_at)
        {
            return Step::Resume(run.end);
        }
        if run.bang_or_question {
            return Step::End(after);
        }
        if run.dots >= 4 {
            return Step::End(after);
        }
        if run.dots == 3 {
            // A bare ellipsis marks an omission or a pause far more often than
            // an end; only a clear sentence opener ends it. "I" is no evidence:
            // it is capitalised everywhere.
            return end_if(LEXICON.is_starter(next.word), after, run.end);
        }
        let token = token_before(text, i);
        // Only ambiguous tokens ask for the next word: most periods follow
        // a regular word.
        let opens = || next.is_opener();
        let digit = next.initial == Initial::Digit;
        match classify(token.slice(text)) {
            Token::Regular => Step::End(after),
            Token::Title | Token::Never => Step::Resume(run.end),
            Token::Number => end_if(!digit, after, run.end),
            Token::General { etc } => end_if(
                !digit && (opens() || (etc && next.initial == Initial::Upper)),
                after,
                run.end,
            ),
            Token::Initial => {
                let boundary = !digit && opens() && !previous_word_capitalised(text, token.start);
                end_if(boundary, after, run.end)
            }
            Token::LowerLetter | Token::MultiPeriod => end_if(!digit && opens(), after, run.end),
            Token::Time => {
                // "At 5 a.m. Mr. Smith left" keeps an opening time phrase with
                // its clause; "He left at 6 p.m. Mr. Smith stayed" ends.
                let joins = digit
                    || next.is_time_continuation()
                    || (!opens() && word_count_between(text, start, token.start) <= 3);
                end_if(!joins, after, run.end)
            }
        }
    }
}

fn end_if(boundary: bool, end: usize, resume: usize) -> Step {
    if boundary {
        Step::End(end)
    } else {
        Step::Resume(resume)
    }
}

/// A run of terminal punctuation: "." "?!" "..." "…" ". . . .".
struct TerminalRun {
    end: usize,
    dots: usize,
    bang_or_question: bool,
}

impl TerminalRun {
    fn at(text: &str, i: usize) -> TerminalRun {
        let bytes = text.as_bytes();
        let mut run = TerminalRun {
            end: i,
            dots: 0,
            bang_or_question: false,
        };
        loop {
            let j = run.end;
            match bytes.get(j) {
                Some(b'.') => {
                    run.dots += 1;
                    run.end += 1;
                }
                Some(b'!' | b'?') => {
                    run.bang_or_question = true;
                    run.end += 1;
                }
                // A spaced ellipsis, ". . .", continues the run.
                Some(b' ') if run.dots > 0 && bytes.get(j + 1) == Some(&b'.') => run.end += 1,
                _ if text[j..].starts_with(ELLIPSIS) => {
                    run.dots += 3;
                    run.end += ELLIPSIS.len();
                }
                _ => break,
            }
        }
        run
    }

    /// An editorial omission, "[...]" or "(…)", never ends a sentence.
    fn bracketed(&self, text: &str, start: usize) -> bool {
        self.dots >= 3
            && text[..start].trim_end().ends_with(['[', '('])
            && text[self.end..].trim_start().starts_with([']', ')'])
    }
}

/// Skips the closing quotes and brackets that follow a terminator.
fn skip_closers(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if !matches!(
            c,
            '"' | '\'' | ')' | ']' | '}' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}'
        ) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// Length of the whitespace character at `at`, if there is one.
#[inline]
fn space_len_at(text: &str, at: usize) -> Option<usize> {
    match text.as_bytes().get(at) {
        // `char::is_whitespace` on ASCII: tab to carriage return, space.
        Some(&b) if b.is_ascii() => matches!(b, b'\t'..=b'\r' | b' ').then_some(1),
        _ => {
            let c = text[at..].chars().next()?;
            c.is_whitespace().then(|| c.len_utf8())
        }
    }
}

fn skip_whitespace(text: &str, mut at: usize, end: usize) -> usize {
    while at < end {
        match space_len_at(text, at) {
            Some(len) => at += len,
            None => break,
        }
    }
    at
}

fn preceded_by_space(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(char::is_whitespace)
}

/// "end.The next" — a sentence glued to the previous one without a space.
/// Only a plain word before and a capitalised word after count, so "U.S",
/// "3.5", "Node.js", "example.com" and "Jane.Doe@example.com" stay whole.
fn starts_glued_sentence(text: &str, i: usize, run: &TerminalRun) -> bool {
    if run.dots > 1 {
        return false;
    }
    let mut next = text[run.end..].chars();
    let (Some(first), Some(second)) = (next.next(), next.next()) else {
        return false;
    };
    if !first.is_uppercase() || !second.is_lowercase() {
        return false;
    }
    let before = token_before(text, i).slice(text);
    let after_end = text[run.end..]
        .char_indices()
        .take(LOOK)
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(at, _)| run.end + at);
    let after = &text[run.end..after_end];
    before.chars().count() >= 2
        && before.chars().all(char::is_alphabetic)
        && before.chars().any(char::is_lowercase)
        && !after.contains(['@', '/', '.'])
}

/// The word after a candidate terminator, past any opening quotes or brackets.
struct NextWord<'a> {
    word: &'a str,
    initial: Initial,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Initial {
    Upper,
    Lower,
    Digit,
    Other,
}

impl<'a> NextWord<'a> {
    fn at(text: &'a str, at: usize) -> NextWord<'a> {
        let rest = &text[at..];
        let skip = rest
            .char_indices()
            .take(4)
            .find(|(_, c)| {
                !matches!(
                    c,
                    '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{2039}' | '\u{201E}'
                )
            })
            .map_or(rest.len(), |(i, _)| i);
        let rest = &rest[skip..];
        let initial = match rest.chars().next() {
            Some(c) if c.is_uppercase() => Initial::Upper,
            Some(c) if c.is_lowercase() => Initial::Lower,
            Some(c) if c.is_ascii_digit() => Initial::Digit,
            _ => Initial::Other,
        };
        let len = rest
            .char_indices()
            .take(LOOK / 2)
            .find(|(_, c)| !(c.is_alphabetic() || *c == '\'' || *c == '\u{2019}'))
            .map_or(rest.len().min(LOOK / 2), |(i, _)| i);
        let word = rest.get(..len).unwrap_or("");
        NextWord { word, initial }
    }

    /// A word that typically opens a sentence, or the pronoun "I".
    fn is_opener(&self) -> bool {
        self.word == "I" || LEXICON.is_starter(self.word)
    }

    /// What follows a clock time without starting a sentence: a time zone
    /// ("ET", "GMT"), a weekday or a month ("9 a.m. Monday").
    fn is_time_continuation(&self) -> bool {
        const CALENDAR: [&str; 19] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let zone = (1..=4).contains(&self.word.len()) && self.word.chars().all(|c| c.is_ascii_uppercase());
        zone || CALENDAR.contains(&self.word)
    }
}

/// The whitespace-delimited token before byte `i`, without opening quotes or
/// brackets, at most [`LOOK`] bytes long.
fn token_before(text: &str, i: usize) -> Span {
    let bytes = text.as_bytes();
    let mut start = i;
    // Back over at most LOOK chars to whitespace, decoding only non-ASCII.
    for _ in 0..LOOK {
        let Some(&b) = start.checked_sub(1).and_then(|at| bytes.get(at)) else {
            break;
        };
        let len = if b.is_ascii() {
            // `char::is_whitespace` on ASCII: tab to carriage return, space.
            if matches!(b, b'\t'..=b'\r' | b' ') {
                break;
            }
            1
        } else {
            match text[..start].chars().next_back() {
                Some(c) if !c.is_whitespace() => c.len_utf8(),
                _ => break,
            }
        };
        start -= len;
    }
    // Without its opening quotes and brackets.
    while let Some(c) = text[start..i].chars().next() {
        if !matches!(
            c,
            '"' | '\'' | '(' | '[' | '{' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{2039}' | '\u{201E}'
        ) {
            break;
        }
        start += c.len_utf8();
    }
    Span::new(start, i)
}

/// What the token before a period says about a sentence end.
enum Token {
    Regular,
    Title,
    Number,
    General {
        etc: bool,
    },
    Never,
    /// A single capital letter: "J." in "J. D. Vance", or "I."
    Initial,
    /// A single lowercase letter: "p.", "a." in a list.
    LowerLetter,
    /// "U.S.", "E.U.", "Ph.D.".
    MultiPeriod,
    /// "a.m.", "p.m.".
    Time,
}

fn classify(token: &str) -> Token {
    // One pass over the bytes answers every question below that needs a
    // search: most tokens are plain words, and this runs at every period.
    let mut last_dash = None;
    let mut has_dot = false;
    for (at, b) in token.bytes().enumerate() {
        match b {
            b'@' | b'/' | b')' | b']' => return Token::Regular,
            b'-' => last_dash = Some(at),
            b'.' => has_dot = true,
            _ => {}
        }
    }
    if token.is_empty() {
        return Token::Regular;
    }
    // "then-Sen.", "ex-Gov.": a title after a hyphen is still a title.
    let abbreviation = LEXICON.abbreviation(token).or_else(|| {
        let tail = &token[last_dash? + 1..];
        LEXICON
            .abbreviation(tail)
            .filter(|class| matches!(class, AbbreviationClass::Title))
    });
    if let Some(class) = abbreviation {
        return match class {
            AbbreviationClass::Title => Token::Title,
            AbbreviationClass::Number => Token::Number,
            AbbreviationClass::General => Token::General { etc: token == "etc" },
            AbbreviationClass::Never => Token::Never,
        };
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_uppercase() {
            Token::Initial
        } else if c.is_lowercase() {
            Token::LowerLetter
        } else {
            Token::Regular
        };
    }
    if has_dot && is_multi_period(token) {
        return match token {
            "a.m" | "p.m" | "A.M" | "P.M" => Token::Time,
            "e.g" | "i.e" | "E.g" | "I.e" | "cf" | "viz" => Token::Never,
            _ => Token::MultiPeriod,
        };
    }
    Token::Regular
}

/// "U.S", "a.m", "Ph.D", "U.S.A": short letter groups joined by periods.
fn is_multi_period(token: &str) -> bool {
    token.contains('.')
        && token
            .split('.')
            .all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

fn previous_word_capitalised(text: &str, token_start: usize) -> bool {
    let head = text[..token_start].trim_end();
    if head.len() + LOOK < token_start {
        return false;
    }
    let word_start = head
        .char_indices()
        .rev()
        .take(LOOK)
        .find(|(_, c)| c.is_whitespace())
        .map_or(head.len().saturating_sub(LOOK), |(at, c)| at + c.len_utf8());
    head.get(word_start..)
        .and_then(|word| word.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_uppercase)
}

/// Words between `start` and `end`, counting at most a handful.
fn word_count_between(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end.min(start + 4 * LOOK)];
    span.split_whitespace().take(8).count()
}

/// After a closing quote: does a said-tag follow ("Putin said", "said
/// Ushakov", "Kremlin spokesman Dmitry Peskov told reporters")?
fn said_tag_follows(text: &str, at: usize) -> bool {
    let mut window = &text[at..];
    if window.len() > 2 * LOOK {
        let mut cut = 2 * LOOK;
        while !window.is_char_boundary(cut) {
            cut -= 1;
        }
        window = &window[..cut];
    }
    let mut words = window.split_whitespace().take(6).peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if LEXICON.is_speech_verb(bare) {
            // "Cruz said that he ..." reports something new: not a tag.
            return bare.len() < word.len() || words.peek() != Some(&"that");
        }
        // A clause ended before any said-tag: commas may separate an
        // apposition, but a full stop or a quote mark does not belong to a tag.
        if word[bare.len()..].contains(['.', '!', '?', ';', '"', '\u{201C}', '\u{201D}']) {
            return false;
        }
    }
    false
}

/// A numbered or lettered list marker: "1.", "2)", "3.)", "a.", after an
/// optional bullet.
#[derive(Clone, Copy)]
struct ListMarker {
    value: u32,
    lettered: bool,
    after: usize,
}

impl ListMarker {
    fn follows(self, previous: ListMarker) -> bool {
        self.lettered == previous.lettered && self.value == previous.value + 1
    }
}

fn list_marker_at(text: &str, at: usize, end: usize) -> Option<ListMarker> {
    // Most sentences start with a capital: no bullet (non-ASCII), digit or
    // lowercase letter, no marker. This runs at every sentence.
    if !text
        .as_bytes()
        .get(at)
        .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || !b.is_ascii())
    {
        return None;
    }
    let mut pos = at;
    let mut rest = &text[at..end];
    if let Some(bullet) = BULLETS.iter().find(|b| rest.starts_with(*b)) {
        pos += bullet.len();
        rest = &text[pos..end];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        pos += spaces;
        rest = &rest[spaces..];
    }
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    let (value, lettered, label_len) = match digits {
        1..=3 => (rest[..digits].parse().ok()?, false, digits),
        0 if bytes.first().is_some_and(u8::is_ascii_lowercase) => (u32::from(bytes[0] - b'a') + 1, true, 1),
        _ => return None,
    };
    let punct = if rest[label_len..].starts_with(".)") {
        2
    } else if rest[label_len..].starts_with(['.', ')']) {
        1
    } else {
        return None;
    };
    let after = label_len + punct;
    // The item's text must follow: a space, then a capital or digit.
    let mut tail = rest[after..].chars();
    if tail.next() != Some(' ') || !tail.next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    if lettered && punct == 1 && rest.as_bytes()[label_len] == b'.' && !(1..=26).contains(&value) {
        return None;
    }
    Some(ListMarker {
        value,
        lettered,
        after: pos + after,
    })
}

fn starts_with_list_marker(line: &str) -> bool {
    if ["- ", "* ", "\u{2013} ", "\u{2014} "]
        .iter()
        .any(|dash| line.starts_with(dash))
    {
        return true;
    }
    BULLETS.iter().any(|b| line.starts_with(b)) || list_marker_at(line, 0, line.len()).is_some()
}

/// True for a line that ends with sentence-final punctuation, possibly
/// followed by closing quotes or brackets.
fn ends_like_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', ')', ']', '\u{201D}', '\u{2019}', '\u{00BB}'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// The paragraph starting at `start`: it ends before the first blank line.
fn block_at(text: &str, start: usize) -> Block {
    let mut block = Block {
        end: start,
        longest_line: 0,
        has_terminal_line: false,
    };
    let mut at = start;
    while at < text.len() {
        let line = next_line(text, at);
        let content = line.content.slice(text);
        if is_blank(content) {
            break;
        }
        let trimmed = content.trim();
        block.longest_line = block.longest_line.max(trimmed.len());
        block.has_terminal_line |= ends_like_sentence(trimmed);
        block.end = line.content.end;
        at = line.end_with_break;
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn list_markers_are_recognised() {
        assert_eq!(list_marker_at("2.) The", 0, 7).map(|m| m.value), Some(2));
        assert_eq!(
            list_marker_at("b. The", 0, 6).map(|m| (m.value, m.lettered)),
            Some((2, true))
        );
        assert!(list_marker_at("2024. The", 0, 9).is_none());
        assert!(list_marker_at("U.S. The", 0, 8).is_none());
    }

    #[test]
    fn multi_period_shapes() {
        assert!(is_multi_period("U.S") && is_multi_period("Ph.D") && is_multi_period("U.S.A"));
        assert!(!is_multi_period("example.com") && !is_multi_period("3.5"));
    }

    #[test]
    fn said_tag_detection() {
        assert!(said_tag_follows("Kremlin spokesman Dmitry Peskov told reporters.", 0));
        assert!(said_tag_follows("Putin said.", 0));
        assert!(!said_tag_follows("Talks resumed. Officials said", 0));
        assert!(!said_tag_follows("Cruz said that he had apologized.", 0));
        assert!(said_tag_follows("Cruz said, that much is true.", 0));
    }

    /// [`token_before`] as a plain walk over chars, which it must match.
    fn token_before_by_chars(text: &str, i: usize) -> Span {
        let mut start = i;
        for (at, c) in text[..i].char_indices().rev().take(LOOK) {
            if c.is_whitespace() {
                break;
            }
            start = at;
        }
        let trimmed = text[start..i].trim_start_matches([
            '"', '\'', '(', '[', '{', '\u{201C}', '\u{2018}', '\u{00AB}', '\u{2039}', '\u{201E}',
        ]);
        Span::new(i - trimmed.len(), i)
    }

    #[test]
    fn token_before_reads_bytes_as_chars() {
        let long_accented = format!("x {}.", "é".repeat(70));
        let long_ascii = format!("a {}", "b".repeat(100));
        let texts = [
            "He said\u{a0}“U.S. aid",
            "x\u{2009}(Jr.) and\u{b}vt\u{85}nel",
            "„Das «‹Foo ‘’x [{(\"y",
            "\u{3000}全角 Ünïcode",
            long_accented.as_str(),
            long_ascii.as_str(),
            "",
        ];
        for text in texts {
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    token_before(text, i),
                    token_before_by_chars(text, i),
                    "at {i} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn no_sentence_from_whitespace() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{00A0}\n ").is_empty());
    }
}
