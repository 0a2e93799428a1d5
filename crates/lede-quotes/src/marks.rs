//! Quotation marks: pairing opening and closing marks into quotations.
//!
//! This is the first stage of quote attribution. It knows nothing about
//! said-cues or speakers; it only decides which marks open and close which
//! stretches of quoted words, in one left-to-right pass with a small bounded
//! stack of open quotations.
//!
//! # How a mark is read
//!
//! Each candidate mark is judged from the characters right before and after
//! it, never from a rescan:
//!
//! - An apostrophe is not a quotation mark: `'`, `’` or `‘` between two
//!   letters or digits (`don’t`, `Putin's`, `o’clock`, `Côte d’Ivoire`), and
//!   the elisions `’90s`, `rock ’n’ roll`, `’em`, `’til`, `’tis`, `’twas`,
//!   `’cause`, `’bout`, `'s`, `'t` are skipped.
//! - A mark is *left-flanking* (looks like an opener) when it follows the start
//!   of a line, whitespace, an opening bracket, a dash, a slash or another
//!   quotation mark, and is followed by something other than whitespace. It
//!   is *right-flanking* (looks like a closer) when it follows something other
//!   than whitespace and is followed by whitespace, punctuation, another
//!   quotation mark or the end of the line.
//! - Straight marks (`"`, `'`) take their direction from flanking; when both
//!   or neither apply they toggle: close the innermost open quotation of their
//!   family if there is one, open otherwise. Right after a digit they never
//!   open (`a 6' 2" player`, `a 12" screen`) but may still close.
//! - Curly and angle marks carry a direction, bent by context: `“` closes a
//!   German `„`, `»` opens a Danish/German reversed `»…«` when nothing is open,
//!   and a closing-shaped mark that is left-flanking and has nothing to close
//!   opens (Swedish `”Ja”`, or a mis-curled opener).
//! - A trailing apostrophe after a word (`officials' remarks`, `the Jones’
//!   house`) is right-flanking: it closes an open single quotation if there is
//!   one, and is otherwise a possessive and ignored. So inside a single-quoted
//!   passage a plural possessive ends the quotation early; single quotes are
//!   far more often headline and inner quotes than passages holding plural
//!   possessives, so closing is the better bet.
//!
//! # Pairing
//!
//! A closing mark closes the innermost open quotation of its family (double,
//! single, guillemet, single guillemet); quotations opened inside it and still
//! open are abandoned there (`close: None`). An opening mark while the
//! innermost open quotation has the same family does not nest (news text nests
//! by alternating families: double outside, single inside, or the reverse in
//! British style): the open one is taken to have lost its closing mark and is
//! abandoned, and the new one starts at the same depth. Nesting is limited to
//! [`MAX_DEPTH`] levels; deeper openers are ignored. A closing mark with
//! nothing to close is ignored.
//!
//! # Paragraphs
//!
//! A quotation never runs past the end of its paragraph: what is still open
//! there is closed with `close: None`. By default ([`quotations`]) every line
//! break ends a paragraph, as [`ParagraphMode::Line`] does: lede mostly reads
//! text scraped from HTML, where each `<p>` became one line, and in such text a
//! runaway quote must stop at the line's end. Hard-wrapped text (wire copy,
//! e-mail) keeps quotations across single line breaks with
//! [`ParagraphMode::BlankLine`] through [`quotations_with_mode`]. U+2029
//! PARAGRAPH SEPARATOR always ends a paragraph; U+2028 LINE SEPARATOR counts as
//! a line break.
//!
//! A quotation running over several paragraphs leaves the earlier paragraphs
//! unclosed and repeats the opening mark at the start of each new one; when a
//! paragraph ends with its outermost quotation open and the next paragraph
//! starts with an opening mark of the same style, the next piece is marked
//! [`Quotation::continues`].
//!
//! # Cost
//!
//! One pass over the bytes. Bytes that cannot start a mark or a line break
//! are skipped through a table lookup; each mark looks at a constant number of
//! neighbouring characters and at most [`MAX_DEPTH`] stack entries; each
//! paragraph end with an open quotation peeks ahead over whitespace only. No
//! input makes the scan worse than linear.

use lede_text::{ParagraphMode, Span};

/// How deep quotations may nest; openers beyond this depth are ignored.
///
/// Real text rarely goes past three levels (a quote inside a quote inside a
/// quote); the bound keeps every stack search constant-time.
pub const MAX_DEPTH: usize = 8;

/// The family of marks a quotation opens with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkStyle {
    /// Double marks: straight `"`, curly `“` `”`, and `‟`.
    Double,
    /// Single marks: straight `'`, curly `‘` `’`, and `‛`.
    Single,
    /// Guillemets: French `« »` (inner spaces allowed) or reversed `» «`
    /// (Danish, German).
    Guillemet,
    /// Low-high marks opening with `„` (closed by `“` or `”`, German, Polish,
    /// Russian) or with the single `‚` (closed by `‘` or `’`).
    LowHigh,
    /// Single guillemets `‹ ›`, or reversed `› ‹`.
    SingleGuillemet,
}

/// A quotation found by its marks.
///
/// All spans are byte offsets into the scanned text, on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation was left unclosed: it ran
    /// to the end of its paragraph, or an enclosing quotation closed first, or
    /// a new opening mark of the same family took over.
    pub close: Option<Span>,
    /// The quoted words, without the marks, trimmed of surrounding
    /// whitespace. Empty (at the end of the opening mark) for `""`.
    pub content: Span,
    /// The style of the opening mark.
    pub style: MarkStyle,
    /// Nesting depth: 0 for an outermost quotation, 1 for a quote inside a
    /// quote, and so on.
    pub depth: u8,
    /// True when this quotation continues the previous one across a
    /// paragraph break: the previous paragraph ended with its outermost
    /// quotation unclosed and this paragraph opens with the same style.
    pub continues: bool,
}

impl Quotation {
    /// True when a closing mark was found.
    pub fn is_closed(&self) -> bool {
        self.close.is_some()
    }

    /// The whole quotation: from the opening mark through the closing mark,
    /// or through the content when unclosed.
    pub fn span(&self) -> Span {
        match self.close {
            Some(close) => Span::new(self.open.start, close.end),
            None => Span::new(self.open.start, self.content.end.max(self.open.end)),
        }
    }
}

/// The quotations of `text`, in document order (by opening mark), treating
/// every line break as a paragraph break.
///
/// Never fails and never panics: stray and unbalanced marks are skipped or
/// closed at the end of their paragraph. Runs in time linear in `text.len()`.
///
/// ```
/// use lede_quotes::{quotations, MarkStyle};
///
/// let text = "\"He told me, 'We will not sign,' and left,\" the envoy's aide said.";
/// let found = quotations(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].content.slice(text), "He told me, 'We will not sign,' and left,");
/// assert_eq!((found[0].style, found[0].depth), (MarkStyle::Double, 0));
/// assert_eq!(found[1].content.slice(text), "We will not sign,");
/// assert_eq!((found[1].style, found[1].depth), (MarkStyle::Single, 1));
/// ```
pub fn quotations(text: &str) -> Vec<Quotation> {
    quotations_with_mode(text, ParagraphMode::Line)
}

/// The quotations of `text`, with paragraphs as `mode` defines them:
/// [`ParagraphMode::Line`] ends a quotation at any line break,
/// [`ParagraphMode::BlankLine`] only at a blank line (for hard-wrapped text).
///
/// ```
/// use lede_quotes::quotations_with_mode;
/// use lede_text::ParagraphMode;
///
/// let text = "\"We will not sign\nthis deal,\" she said.";
/// let wrapped = quotations_with_mode(text, ParagraphMode::BlankLine);
/// assert_eq!(wrapped[0].content.slice(text), "We will not sign\nthis deal,");
/// let lines = quotations_with_mode(text, ParagraphMode::Line);
/// assert_eq!(lines[0].content.slice(text), "We will not sign");
/// assert!(lines[0].close.is_none());
/// ```
pub fn quotations_with_mode(text: &str, mode: ParagraphMode) -> Vec<Quotation> {
    Scanner::new(text, mode).run()
}

/// True for every character this module reads as a quotation mark:
/// `" ' “ ” „ ‟ ‘ ’ ‚ ‛ « » ‹ ›`.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// One quotation-mark character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyph {
    /// `"`
    StraightDouble,
    /// `'`
    StraightSingle,
    /// `“` U+201C
    LeftDouble,
    /// `”` U+201D
    RightDouble,
    /// `„` U+201E
    LowDouble,
    /// `‟` U+201F
    ReversedDouble,
    /// `‘` U+2018
    LeftSingle,
    /// `’` U+2019
    RightSingle,
    /// `‚` U+201A
    LowSingle,
    /// `‛` U+201B
    ReversedSingle,
    /// `«`
    LeftGuillemet,
    /// `»`
    RightGuillemet,
    /// `‹`
    LeftSingleGuillemet,
    /// `›`
    RightSingleGuillemet,
}

/// Which marks may close which: a closing mark only ever closes a quotation
/// of its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

/// Which way a glyph leans before context is taken into account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    /// `"` and `'`: direction from context alone.
    Neutral,
    /// `“ ‘ « ‹`: opens unless it can close.
    Open,
    /// `” ’ » ›`: closes, or opens when left-flanking with nothing to close.
    Close,
    /// `„ ‚ ‟ ‛`: only ever opens.
    OpenOnly,
}

impl Glyph {
    fn family(self) -> Family {
        use Glyph::*;
        match self {
            StraightDouble | LeftDouble | RightDouble | LowDouble | ReversedDouble => Family::Double,
            StraightSingle | LeftSingle | RightSingle | LowSingle | ReversedSingle => Family::Single,
            LeftGuillemet | RightGuillemet => Family::Guillemet,
            LeftSingleGuillemet | RightSingleGuillemet => Family::SingleGuillemet,
        }
    }

    fn lean(self) -> Lean {
        use Glyph::*;
        match self {
            StraightDouble | StraightSingle => Lean::Neutral,
            LeftDouble | LeftSingle | LeftGuillemet | LeftSingleGuillemet => Lean::Open,
            RightDouble | RightSingle | RightGuillemet | RightSingleGuillemet => Lean::Close,
            LowDouble | LowSingle | ReversedDouble | ReversedSingle => Lean::OpenOnly,
        }
    }

    /// The style of a quotation this glyph opens.
    fn style(self) -> MarkStyle {
        use Glyph::*;
        match self {
            StraightDouble | LeftDouble | RightDouble | ReversedDouble => MarkStyle::Double,
            StraightSingle | LeftSingle | RightSingle | ReversedSingle => MarkStyle::Single,
            LowDouble | LowSingle => MarkStyle::LowHigh,
            LeftGuillemet | RightGuillemet => MarkStyle::Guillemet,
            LeftSingleGuillemet | RightSingleGuillemet => MarkStyle::SingleGuillemet,
        }
    }

    /// `'`, `‘` and `’`, the marks that double as apostrophes.
    fn may_be_apostrophe(self) -> bool {
        matches!(self, Glyph::StraightSingle | Glyph::LeftSingle | Glyph::RightSingle)
    }

    /// Whether this glyph, found with the given flanking, closes a quotation
    /// opened by `opener` (already known to be of the same family).
    fn closes(self, opener: Glyph, left: bool, right: bool) -> bool {
        use Glyph::*;
        let misused_as_closer = right && !left;
        match self {
            StraightDouble | StraightSingle | RightDouble | RightSingle => true,
            // German „…“ and ‚…‘; otherwise a left mark closes only when it
            // sits where a closer sits (a mis-curled `“Yes,“ he said`).
            LeftDouble => opener == LowDouble || misused_as_closer,
            LeftSingle => opener == LowSingle || misused_as_closer,
            // « » and reversed » «: each closes the quotation the other opened.
            RightGuillemet => opener == LeftGuillemet,
            LeftGuillemet => opener == RightGuillemet,
            RightSingleGuillemet => opener == LeftSingleGuillemet,
            LeftSingleGuillemet => opener == RightSingleGuillemet,
            LowDouble | LowSingle | ReversedDouble | ReversedSingle => false,
        }
    }
}

/// What the scanner found at a byte that may start a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Mark(Glyph),
    /// `\n`, `\r`, `\r\n` (read as `\r` then `\n`), U+2028.
    LineBreak,
    /// U+2029.
    ParagraphBreak,
}

/// Bytes that may start a token: `"`, `'`, `\n`, `\r`, and the lead bytes of
/// the two-byte (0xC2: `« »`) and three-byte (0xE2: the rest, and U+2028/9)
/// sequences. Everything else is skipped by one table lookup.
static STARTS_TOKEN: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// How many bytes [`skip_plain_chunks`] tests at once.
const CHUNK: usize = 16;

/// The start of the first [`CHUNK`]-byte stretch from `i` that may hold a
/// token. Most stretches of news hold no mark and no line break, and the
/// test below, without table lookups or branches per byte, compiles to a
/// few vector instructions; it lets any non-ASCII byte through, for the
/// byte loop to tell.
#[inline]
fn skip_plain_chunks(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + CHUNK) {
        let may_start_token = chunk.iter().fold(false, |found, &b| {
            found | (b == b'"') | (b == b'\'') | (b == b'\n') | (b == b'\r') | (b >= 0x80)
        });
        if may_start_token {
            break;
        }
        i += CHUNK;
    }
    i
}

/// The token starting at byte `i` (a char boundary) and its length in bytes.
fn token_at(bytes: &[u8], i: usize) -> Option<(Token, usize)> {
    use Glyph::*;
    let token = match bytes[i] {
        b'"' => (Token::Mark(StraightDouble), 1),
        // Two apostrophes are one double mark, as in archives typed on
        // ASCII keyboards: ''It's over,'' he said.
        b'\'' if bytes.get(i + 1) == Some(&b'\'') => (Token::Mark(StraightDouble), 2),
        b'\'' => (Token::Mark(StraightSingle), 1),
        b'\n' | b'\r' => (Token::LineBreak, 1),
        0xC2 => match bytes.get(i + 1)? {
            0xAB => (Token::Mark(LeftGuillemet), 2),
            0xBB => (Token::Mark(RightGuillemet), 2),
            _ => return None,
        },
        0xE2 if bytes.get(i + 1) == Some(&0x80) => {
            let glyph = match bytes.get(i + 2)? {
                0x98 => LeftSingle,
                0x99 => RightSingle,
                0x9A => LowSingle,
                0x9B => ReversedSingle,
                0x9C => LeftDouble,
                0x9D => RightDouble,
                0x9E => LowDouble,
                0x9F => ReversedDouble,
                0xB9 => LeftSingleGuillemet,
                0xBA => RightSingleGuillemet,
                0xA8 => return Some((Token::LineBreak, 3)),
                0xA9 => return Some((Token::ParagraphBreak, 3)),
                _ => return None,
            };
            (Token::Mark(glyph), 3)
        }
        _ => return None,
    };
    Some(token)
}

/// True for the characters that end a line.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// True for a character that can sit inside a word around an apostrophe.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for dashes (hyphen, figure dash, en dash, em dash, horizontal bar).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// May an opening mark follow `prev` (`None`: start of text)? Whitespace,
/// opening brackets, dashes, slashes, other quotation marks, inverted
/// Spanish punctuation and Markdown emphasis.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || is_dash(c)
                || is_quote_mark(c)
                || matches!(c, '(' | '[' | '{' | '<' | '/' | '*' | '_' | '¿' | '¡')
        }
    }
}

/// May a closing mark precede `next` (`None`: end of text)? Whitespace,
/// punctuation, closing brackets, dashes, other quotation marks.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || is_dash(c)
                || is_quote_mark(c)
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '/' | '*' | '_' | '…'
                )
        }
    }
}

fn is_space_or_edge(c: Option<char>) -> bool {
    c.map_or(true, char::is_whitespace)
}

/// Looks like an opening mark: after whitespace/bracket/dash/mark and before
/// a non-space.
fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    opens_after(prev) && !is_space_or_edge(next)
}

/// Looks like a closing mark: after a non-space and before
/// whitespace/punctuation/mark/end.
fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    closes_before(next) && !is_space_or_edge(prev)
}

/// Words that start with an elided letter: `’em`, `’til`, `’tis`, `’twas`,
/// `’cause`, `’bout`, the Dutch `'s` and `'t`, and the `n` of `rock ’n’ roll`.
/// The `bool` says whether a capital first letter also counts (`’Tis`).
const ELISIONS: &[(&str, bool)] = &[
    ("em", false),
    ("til", false),
    ("tis", true),
    ("twas", true),
    ("cause", false),
    ("bout", false),
    ("s", false),
    ("t", false),
    ("n", true),
];

/// If the apostrophe-like mark ending at `after` begins an elision rather
/// than a quotation, the offset where scanning resumes (past a second
/// apostrophe in `’n’`); `None` when it may be a quotation mark.
fn elision_end(text: &str, after: usize) -> Option<usize> {
    let rest = &text.as_bytes()[after..];
    // ’90s, '09: exactly two digits.
    if rest.len() >= 2
        && rest[0].is_ascii_digit()
        && rest[1].is_ascii_digit()
        && rest.get(2).map_or(true, |b| !b.is_ascii_digit())
    {
        return Some(after);
    }
    for &(word, any_case) in ELISIONS {
        let Some(head) = rest.get(..word.len()) else {
            continue;
        };
        let matched = if any_case {
            head.eq_ignore_ascii_case(word.as_bytes())
        } else {
            head == word.as_bytes()
        };
        if !matched {
            continue;
        }
        let end = after + word.len();
        let next = text[end..].chars().next();
        if next.is_some_and(is_word_char) {
            continue;
        }
        if word == "n" {
            // ’n’ / 'n': swallow the closing apostrophe too.
            if let Some(c @ ('\'' | '\u{2019}' | '\u{2018}')) = next {
                let past = end + c.len_utf8();
                if !text[past..].chars().next().is_some_and(is_word_char) {
                    return Some(past);
                }
            }
        }
        return Some(end);
    }
    None
}

/// An open quotation: where its entry in the output is, and its opening glyph.
#[derive(Clone, Copy, Debug)]
struct Open {
    out: usize,
    glyph: Glyph,
}

/// The single-pass scanner. `out` receives a quotation when its opening mark
/// is read, so it stays in document order without sorting; the entry is
/// completed when the quotation closes or is abandoned.
struct Scanner<'t> {
    text: &'t str,
    mode: ParagraphMode,
    out: Vec<Quotation>,
    stack: [Open; MAX_DEPTH],
    depth: usize,
    /// Where the next paragraph's first character is, and the style of the
    /// outermost quotation the previous paragraph left open.
    continue_at: Option<(usize, MarkStyle)>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, mode: ParagraphMode) -> Scanner<'t> {
        Scanner {
            text,
            mode,
            out: Vec::new(),
            stack: [Open {
                out: 0,
                glyph: Glyph::StraightDouble,
            }; MAX_DEPTH],
            depth: 0,
            continue_at: None,
        }
    }

    fn run(mut self) -> Vec<Quotation> {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            i = skip_plain_chunks(bytes, i);
            // Then byte by byte to the end of the chunk that may hold a token.
            let chunk_end = (i + CHUNK).min(bytes.len());
            while i < chunk_end && !STARTS_TOKEN[bytes[i] as usize] {
                i += 1;
            }
            if i == chunk_end {
                continue;
            }
            let Some((token, len)) = token_at(bytes, i) else {
                i += 1;
                continue;
            };
            i = match token {
                Token::Mark(glyph) => self.mark(glyph, i, len),
                Token::ParagraphBreak => {
                    self.end_paragraph(i, i + len);
                    i + len
                }
                Token::LineBreak => {
                    if self.depth > 0 && self.line_break_ends_paragraph(i + len) {
                        self.end_paragraph(i, i + len);
                    }
                    i + len
                }
            };
        }
        let end = self.text.len();
        self.abandon_down_to(0, end);
        self.out
    }

    /// In line mode every line break ends a paragraph; in blank-line mode
    /// only one followed by a blank line (or the end of the text). The peek
    /// covers the next line's leading whitespace, which the main loop then
    /// skips cheaply: each byte is looked at at most twice.
    fn line_break_ends_paragraph(&self, after: usize) -> bool {
        match self.mode {
            ParagraphMode::Line => true,
            ParagraphMode::BlankLine => {
                for c in self.text[after..].chars() {
                    if is_line_break(c) {
                        return true;
                    }
                    if !c.is_whitespace() {
                        return false;
                    }
                }
                true
            }
        }
    }

    /// Closes everything still open at a paragraph end (the break starts at
    /// `at`, the next paragraph may start from `after`), and notes where a
    /// continuation of the outermost quotation would open.
    fn end_paragraph(&mut self, at: usize, after: usize) {
        if self.depth == 0 {
            return;
        }
        let outer_style = self.out[self.stack[0].out].style;
        self.abandon_down_to(0, at);
        let rest = &self.text[after..];
        let first = rest.find(|c: char| !c.is_whitespace());
        self.continue_at = first.map(|offset| (after + offset, outer_style));
    }

    /// Reads the mark `glyph` at `pos`; returns where scanning resumes.
    fn mark(&mut self, glyph: Glyph, pos: usize, len: usize) -> usize {
        let after = pos + len;
        let prev = self.text[..pos].chars().next_back();
        let next = self.text[after..].chars().next();

        if glyph.may_be_apostrophe() {
            if prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
                return after;
            }
            if !prev.is_some_and(is_word_char) {
                if let Some(resume) = elision_end(self.text, after) {
                    return resume;
                }
            }
        }

        let left = left_flanking(prev, next);
        let right = right_flanking(prev, next);
        let target = self.closable(glyph, left, right);
        // Only one-sided flanking is evidence; both or neither says nothing.
        let looks_opening = left && !right;
        let looks_closing = right && !left;
        let open = match glyph.lean() {
            Lean::OpenOnly => {
                // A low single mark after a word and before a space is a
                // comma look-alike, not an opener.
                !(glyph == Glyph::LowSingle && prev.is_some_and(is_word_char) && is_space_or_edge(next))
            }
            // With nothing to close, an opening-shaped mark sitting where a
            // closer sits (`word“ `) is a stray, not an opener.
            Lean::Open => target.is_none() && !looks_closing,
            Lean::Close => target.is_none() && looks_opening,
            // Feet, inches, ditto: after a digit a straight mark may close,
            // never opens.
            Lean::Neutral if prev.is_some_and(|c| c.is_ascii_digit()) => false,
            Lean::Neutral if looks_opening => true,
            Lean::Neutral if looks_closing => false,
            Lean::Neutral => target.is_none(),
        };
        if open {
            self.open(glyph, pos, after);
        } else if let Some(index) = target {
            self.close(index, pos, after);
        }
        after
    }

    /// The stack index of the quotation `glyph` would close: the innermost
    /// open quotation of the glyph's family, if the glyph can close it.
    fn closable(&self, glyph: Glyph, left: bool, right: bool) -> Option<usize> {
        let family = glyph.family();
        let index = (0..self.depth)
            .rev()
            .find(|&k| self.stack[k].glyph.family() == family)?;
        glyph.closes(self.stack[index].glyph, left, right).then_some(index)
    }

    fn open(&mut self, glyph: Glyph, pos: usize, after: usize) {
        if self.depth > 0 && self.stack[self.depth - 1].glyph.family() == glyph.family() {
            self.abandon_down_to(self.depth - 1, pos);
        }
        if self.depth == MAX_DEPTH {
            return;
        }
        let style = glyph.style();
        let continues = self.depth == 0 && self.continue_at == Some((pos, style));
        self.out.push(Quotation {
            open: Span::new(pos, after),
            close: None,
            content: Span::empty(after),
            style,
            depth: self.depth as u8,
            continues,
        });
        self.stack[self.depth] = Open {
            out: self.out.len() - 1,
            glyph,
        };
        self.depth += 1;
    }

    /// Closes the quotation at stack `index` with the mark at `pos..after`,
    /// abandoning those opened inside it.
    fn close(&mut self, index: usize, pos: usize, after: usize) {
        self.abandon_down_to(index + 1, pos);
        let entry = self.stack[index];
        self.finish(entry.out, pos, Some(Span::new(pos, after)));
        self.depth = index;
    }

    /// Ends, unclosed at `end`, every open quotation from the top of the
    /// stack down to stack index `index`.
    fn abandon_down_to(&mut self, index: usize, end: usize) {
        while self.depth > index {
            self.depth -= 1;
            let entry = self.stack[self.depth];
            self.finish(entry.out, end, None);
        }
    }

    fn finish(&mut self, out: usize, end: usize, close: Option<Span>) {
        let quotation = &mut self.out[out];
        quotation.content = Span::new(quotation.open.end, end).trim(self.text);
        if quotation.content.is_empty() {
            quotation.content = Span::empty(quotation.open.end);
        }
        quotation.close = close;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(s: &str) -> Option<(Token, usize)> {
        token_at(s.as_bytes(), 0)
    }

    #[test]
    fn token_table_covers_every_mark() {
        for c in "\"'“”„‟‘’‚‛«»‹›".chars() {
            let s = c.to_string();
            assert!(STARTS_TOKEN[s.as_bytes()[0] as usize], "{c}");
            assert!(matches!(token(&s), Some((Token::Mark(_), n)) if n == s.len()), "{c}");
            assert!(is_quote_mark(c), "{c}");
        }
        assert_eq!(token("\u{2029}"), Some((Token::ParagraphBreak, 3)));
        assert_eq!(token("\u{2028}"), Some((Token::LineBreak, 3)));
        assert_eq!(token("\n"), Some((Token::LineBreak, 1)));
        // Same lead bytes, not marks: no-break space, en dash, prime.
        for s in ["\u{00A0}", "\u{2013}", "\u{2032}", "\u{20AC}"] {
            assert_eq!(token(s), None, "{s:?}");
            assert!(!is_quote_mark(s.chars().next().unwrap()));
        }
    }

    #[test]
    fn glyph_families_and_styles() {
        assert_eq!(Glyph::LowDouble.style(), MarkStyle::LowHigh);
        assert_eq!(Glyph::LowSingle.style(), MarkStyle::LowHigh);
        assert_eq!(Glyph::LowSingle.family(), Family::Single);
        assert_eq!(Glyph::RightGuillemet.style(), MarkStyle::Guillemet);
        assert!(Glyph::LeftDouble.closes(Glyph::LowDouble, true, false));
        assert!(!Glyph::LeftDouble.closes(Glyph::LeftDouble, true, false));
        assert!(Glyph::LeftDouble.closes(Glyph::LeftDouble, false, true));
        assert!(Glyph::LeftGuillemet.closes(Glyph::RightGuillemet, false, false));
        assert!(!Glyph::RightGuillemet.closes(Glyph::RightGuillemet, false, true));
    }

    #[test]
    fn flanking() {
        assert!(left_flanking(None, Some('W')));
        assert!(left_flanking(Some(' '), Some('W')));
        assert!(left_flanking(Some('('), Some('W')));
        assert!(left_flanking(Some('\u{2014}'), Some('W')));
        assert!(left_flanking(Some('"'), Some('W')));
        assert!(!left_flanking(Some(' '), Some(' ')));
        assert!(!left_flanking(Some('a'), Some('W')));
        assert!(right_flanking(Some(','), Some(' ')));
        assert!(right_flanking(Some('n'), None));
        assert!(right_flanking(Some('.'), Some('\'')));
        assert!(!right_flanking(Some(' '), Some(' ')));
        assert!(!right_flanking(Some('a'), Some('b')));
    }

    #[test]
    fn elisions() {
        // Offsets are counted from the end of the first mark.
        let at = |s: &str| {
            let first = s.chars().next().map_or(0, char::len_utf8);
            elision_end(s, first).map(|end| end - first)
        };
        assert_eq!(at("’90s"), Some(0));
        assert_eq!(at("'09 "), Some(0));
        assert_eq!(at("'2020 was"), None);
        assert_eq!(at("’n’ roll"), Some(4));
        assert_eq!(at("'n' roll"), Some(2));
        assert_eq!(at("'n roll"), Some(1));
        assert_eq!(at("’em all"), Some(2));
        assert_eq!(at("’Tis the"), Some(3));
        assert_eq!(at("'s-Hertogenbosch"), Some(1));
        assert_eq!(at("'now'"), None);
        assert_eq!(at("'embargo'"), None);
        assert_eq!(at("'Cause"), None);
        assert_eq!(at("'"), None);
    }

    #[test]
    fn line_breaks() {
        assert!(is_line_break('\n') && is_line_break('\u{2029}'));
        assert!(!is_line_break(' '));
        let text = "\"a\n  \nb";
        let scanner = Scanner::new(text, ParagraphMode::BlankLine);
        assert!(scanner.line_break_ends_paragraph(3));
        assert!(!scanner.line_break_ends_paragraph(6));
    }
}
