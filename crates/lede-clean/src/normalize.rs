//! Character-level repair: line endings, BOM, control and invisible
//! characters, HTML character references, mojibake, NFC, spaces and dashes.
//!
//! [`normalize`] is the cleaner's first step. Every change goes through a
//! [`Rewriter`], so text it leaves alone maps back byte for byte and each
//! repair maps back to exactly the original characters it replaced.
//!
//! # Policies
//!
//! - **Line endings.** CRLF and a lone CR become `\n`; so do U+2028 and
//!   U+2029, and vertical tab and form feed (page breaks, which would
//!   otherwise glue two words together).
//! - **Controls.** Other C0 controls, DEL and the C1 controls U+0080–U+009F
//!   are deleted (after mojibake repair has had the chance to read C1
//!   characters as the windows-1252 bytes they usually are). A tab becomes a
//!   space (reflow then collapses runs).
//! - **HTML character references.** Numeric (`&#8217;`, `&#x2019;`, the `;`
//!   required) and named (the table in `data/html_entities.txt`, the `;`
//!   required except for the legacy `amp lt gt quot nbsp copy reg` and their
//!   capitalised forms, which browsers accept without it when no letter or
//!   digit follows). References in 128–159 are remapped to windows-1252 as
//!   browsers do; zero, surrogates and values past U+10FFFF become U+FFFD.
//!   Double escaping is undone to the end (`&amp;amp;nbsp;` is one space),
//!   so that cleaning clean text changes nothing.
//! - **Mojibake** (UTF-8 read as windows-1252 or Latin-1, `â€™` for `’`) is
//!   repaired only where the re-encoded bytes form valid UTF-8 of a shape
//!   that real mojibake has; see the section below.
//! - **NFC.** Only the runs that are not already in NFC (a starter and the
//!   marks after it) are recomposed.
//! - **Invisible characters** are deleted: soft hyphen, zero width space,
//!   word joiner and the invisible operators U+2061–U+2064, BOM, the bidi
//!   marks and controls (U+061C, U+200E, U+200F, U+202A–U+202E,
//!   U+2066–U+2069). ZWNJ and ZWJ are deleted only between two Latin
//!   letters, where they are residue; elsewhere they shape Persian and Indic
//!   words and join emoji sequences, so they are kept.
//! - **Spaces.** No-break and the other Unicode spaces (U+00A0, U+1680,
//!   U+2000–U+200A, U+202F, U+205F, U+3000) become a plain space.
//! - **Dashes.** Hyphen-like characters become `-`: U+2010 hyphen, U+2011
//!   non-breaking hyphen, U+2012 figure dash, U+2212 minus sign, U+FE63
//!   small hyphen-minus. The en dash `–` and em dash `—` are kept: in news
//!   they mark ranges, asides and attributions. U+2015 horizontal bar and
//!   U+FE58 small em dash become `—`.
//! - **Quotes** are kept as they are, unless [`NormalizeOptions::fold_quotes`]
//!   is set: then `“ ” „ ‟ « » ″` become `"` and `‘ ’ ‚ ‛ ‹ › ′` become `'`.
//!   Backtick and acute accent are never touched.
//!
//! The repairs run to a fixed point on each stretch of text they touch (an
//! escaped mojibake sequence is decoded, then repaired, then its no-break
//! space becomes a space), which makes `normalize` idempotent. A stretch
//! reaches past quiet characters that a later repair could still change
//! (a letter whose combining mark follows a soft hyphen), and in the rare
//! case that a repair completes a reference after a bare `&`, the text gets
//! another pass.
//!
//! # Mojibake
//!
//! A run of characters that all have windows-1252 (or Latin-1) bytes is
//! re-encoded and searched for UTF-8 sequences: a lead (`Â`–`ô`) followed by
//! the right number of continuation characters (bytes 0x80–0xBF). A sequence
//! is repaired only if it decodes to an assigned character of a kind that
//! mojibake produces:
//!
//! - Latin-1 letters and symbols (`Ã©`, `Â°`), Latin Extended-A and -B
//!   (`Å‚`, `È™`), combining diacritics, Greek, Cyrillic, Hebrew and Arabic,
//!   general punctuation and symbols (`â€™`, `â€œ`, `â‚¬`), Vietnamese
//!   letters, BOM and U+FFFD (`ï»¿`, `ï¿½`), emoji (`ðŸ‘`): on their own;
//! - Armenian, Indic, Thai, CJK, kana, Hangul and other scripts only when the
//!   same run holds at least two repaired sequences, because one lone
//!   sequence of that shape is more often genuine text (`café…` and a
//!   no-break space re-encode to a CJK character).
//!
//! A two-byte sequence led by an accented capital (`Ä`–`ß`) and ended by a
//! punctuation mark is also left alone when it stands alone at the end of a
//! word not in lower case: `CAFÉ”` and `ESPAÑA»` are real text. IPA, Syriac,
//! Thaana, N'Ko, private-use and unassigned results are never produced, so
//! `Gruß“` and `voilà »` (with a no-break space) stay as they are.

use std::sync::LazyLock;

use lede_text::{OffsetMap, Rewriter, Span, TextError};
use unicode_normalization::char::{canonical_combining_class, decompose_canonical, is_public_assigned};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Options for the character-level repair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Fold curly and angle quotes to ASCII `"` and `'`.
    pub fold_quotes: bool,
}

/// Repairs `text` character by character; returns the new text and the map
/// from it back to `text`.
///
/// Plain ASCII is skipped eight bytes at a time; only the stretches around
/// characters that may need work are examined closely.
///
/// ```
/// use lede_clean::{normalize, NormalizeOptions};
/// use lede_text::Span;
///
/// let raw = "Putin&#8217;s\u{00A0}adviser said itâ€™s \u{201C}too early\u{201D}.\r\n";
/// let (text, map) = normalize(raw, &NormalizeOptions::default());
/// assert_eq!(text, "Putin\u{2019}s adviser said it\u{2019}s \u{201C}too early\u{201D}.\n");
///
/// let adviser = text.find("adviser").unwrap();
/// let back = map.map_span(Span::new(adviser, adviser + "adviser".len()));
/// assert_eq!(&raw[back.range()], "adviser");
/// ```
pub fn normalize(text: &str, options: &NormalizeOptions) -> (String, OffsetMap) {
    let (mut out, mut map) = normalize_once(text, options);
    // A repair next to a bare `&` can complete a reference ("&nbs&#112;"
    // or a deleted soft hyphen inside a name). Such text is rare, and another
    // pass decodes what the first made; without it, cleaning clean text
    // would change it.
    for _ in 0..MAX_PASSES {
        if map.is_identity() || !out.match_indices('&').any(|(at, _)| reference(&out, at).is_some()) {
            break;
        }
        let (next, next_map) = normalize_once(&out, options);
        map = map.then(&next_map);
        out = next;
    }
    (out, map)
}

/// Extra passes [`normalize`] makes for references that its repairs
/// completed; each decodes at least one.
const MAX_PASSES: usize = 4;

/// One pass of every repair over `text`.
fn normalize_once(text: &str, options: &NormalizeOptions) -> (String, OffsetMap) {
    let bytes = text.as_bytes();
    let mut rw = Rewriter::new(text);
    let mut units = Vec::new();
    let mut scratch = Scratch::default();
    let mut at = 0;
    loop {
        at = next_candidate(bytes, at);
        let Some(&byte) = bytes.get(at) else { break };
        if byte == b'&' {
            if reference(text, at).is_none() {
                at += 1;
                continue;
            }
        } else if byte >= 0x80 {
            let c = char_at(text, at);
            if !starts_work(c, bytes.get(at + c.len_utf8()).copied(), options) {
                at += c.len_utf8();
                continue;
            }
        }
        at = repair_stretch(text, at, &mut rw, &mut units, &mut scratch, options);
    }
    rw.finish()
}

/// The first character of `text[at..]`; `at` is always a char boundary.
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or('\u{FFFD}')
}

/// True for a byte that may need work: a control other than `\n`, `&`, DEL
/// or any byte of a non-ASCII character.
#[inline]
fn is_candidate(byte: u8) -> bool {
    byte >= 0x7F || (byte < 0x20 && byte != b'\n') || byte == b'&'
}

/// The offset of the next candidate byte at or after `at` (or `bytes.len()`).
///
/// News text is mostly plain ASCII, so it is tested eight bytes at a time
/// with the usual word tricks: a byte below 0x20, equal to `&` or DEL, or with
/// its high bit set, flags the word, which is then looked at byte by byte
/// (a flagged `\n` costs only that look).
fn next_candidate(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGH;
    loop {
        while let Some(chunk) = bytes.get(at..at + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            let word = u64::from_le_bytes(word);
            let flagged = (word & HIGH)
                | (word.wrapping_sub(ONES * 0x20) & !word & HIGH)
                | zero_byte(word ^ (ONES * u64::from(b'&')))
                | zero_byte(word ^ (ONES * 0x7F));
            if flagged != 0 {
                break;
            }
            at += 8;
        }
        let stop = (at + 8).min(bytes.len());
        while at < stop {
            if is_candidate(bytes[at]) {
                return at;
            }
            at += 1;
        }
        if at >= bytes.len() {
            return bytes.len();
        }
    }
}

/// Whether the non-ASCII character `c`, followed by the byte `next`, needs
/// a closer look.
fn starts_work(c: char, next: Option<u8>, options: &NormalizeOptions) -> bool {
    if changes(c, options) || !nfc_stable(c) {
        return true;
    }
    // A possible mojibake lead matters only when what follows is not plain
    // ASCII: continuation characters are all non-ASCII, and a reference or a
    // control (deleted) may hide one.
    cp1252_byte(c).is_some_and(is_lead) && next.is_some_and(is_candidate)
}

/// True when the character mapping may change `c` (with any neighbours).
fn changes(c: char, options: &NormalizeOptions) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{9}'
            | '\u{B}'..='\u{1F}'
            | '\u{7F}'..='\u{A0}'
            | '\u{AD}'
            | '\u{61C}'
            | '\u{1680}'
            | '\u{2000}'..='\u{2012}'
            | '\u{2015}'
            | '\u{2028}'..='\u{202F}'
            | '\u{205F}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2212}'
            | '\u{3000}'
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FEFF}'
    ) || (options.fold_quotes && fold_quote(c).is_some())
}

/// The ASCII quote a curly, low or angle quote or a prime folds to.
fn fold_quote(c: char) -> Option<char> {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' | '\u{2033}' => Some('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' | '\u{2032}' => Some('\''),
        _ => None,
    }
}

/// True when `c` is in NFC in any context and never combines with what
/// comes before it, so a normalisation run can start at it.
fn nfc_stable(c: char) -> bool {
    // Nothing below the combining diacritics decomposes or combines, nor
    // do the letters of the scripts most common in news (a shortcut past the
    // table lookups).
    matches!(
        c,
        '\0'..='\u{2FF}'
            | '\u{400}'..='\u{482}'
            | '\u{48A}'..='\u{52F}'
            | '\u{5D0}'..='\u{5EA}'
            | '\u{621}'..='\u{64A}'
            | '\u{2010}'..='\u{2027}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30A1}'..='\u{30FA}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
    ) || (canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// True when nothing before `c` can compose with it or with its
/// decomposition: a stable character, or a singleton such as U+212B ANGSTROM
/// SIGN whose decomposition starts with one.
fn starts_segment(c: char) -> bool {
    if nfc_stable(c) {
        return true;
    }
    if canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe {
        return false;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| canonical_combining_class(d) == 0 && is_nfc_quick(std::iter::once(d)) != IsNormalized::Maybe)
}

/// One character (or reference) of a stretch under repair: where it came
/// from and what it has become so far.
#[derive(Clone, Debug)]
struct Unit {
    start: usize,
    end: usize,
    out: Out,
}

/// What a unit has become.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Out {
    Char(char),
    /// Deleted (empty) or several characters (a recomposed run).
    Text(String),
}

impl Out {
    fn deleted() -> Out {
        Out::Text(String::new())
    }

    fn from_string(text: String) -> Out {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Out::Char(c),
            _ => Out::Text(text),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Out::Text(t) if t.is_empty())
    }

    fn first(&self) -> Option<char> {
        match self {
            Out::Char(c) => Some(*c),
            Out::Text(t) => t.chars().next(),
        }
    }

    fn last(&self) -> Option<char> {
        match self {
            Out::Char(c) => Some(*c),
            Out::Text(t) => t.chars().next_back(),
        }
    }

    fn push_to(&self, into: &mut String) {
        match self {
            Out::Char(c) => into.push(*c),
            Out::Text(t) => into.push_str(t),
        }
    }

    fn is(&self, text: &str) -> bool {
        match self {
            Out::Char(c) => {
                let mut buf = [0; 4];
                c.encode_utf8(&mut buf) == text
            }
            Out::Text(t) => t == text,
        }
    }
}

/// Buffers reused across stretches.
#[derive(Default)]
struct Scratch {
    run: Vec<usize>,
    bytes: Vec<u8>,
    found: Vec<Sequence>,
    prevs: Vec<Option<char>>,
    text: String,
}

/// The most rounds of repair a stretch gets; each round that changes
/// something merges units or maps characters once, so real text (even
/// mojibake of mojibake) settles in two or three.
const MAX_ROUNDS: usize = 8;

/// Repairs the stretch of text that starts at `start` and runs while there
/// are characters that may need work (or may take part in mojibake); returns
/// where it ends. Edits go to `rw`.
fn repair_stretch(
    text: &str,
    start: usize,
    rw: &mut Rewriter<'_>,
    units: &mut Vec<Unit>,
    scratch: &mut Scratch,
    options: &NormalizeOptions,
) -> usize {
    units.clear();
    // The character before the stretch is context: marks at the start may
    // compose with it, and mojibake and ZWJ rules look at it. It never needs
    // work itself, and no earlier edit reached it. The rules also look one
    // character further back, at the output as it stands.
    let mut context_start = start;
    if let Some(prev) = text[..start].chars().next_back() {
        let prev_start = start - prev.len_utf8();
        if prev_start >= rw.position() {
            units.push(Unit {
                start: prev_start,
                end: start,
                out: Out::Char(prev),
            });
            context_start = prev_start;
        }
    }
    let before = if context_start == rw.position() {
        rw.output().chars().next_back()
    } else {
        text[..context_start].chars().next_back()
    };
    let mut at = start;
    while let Some((end, out, quiet)) = token(text, at, options) {
        // The stretch ends at a character that needs no work and is followed
        // by another. Before anything else a quiet character could still
        // change: marks may compose with it once what lies between is gone.
        if quiet && !token(text, end, options).is_some_and(|(_, _, next_quiet)| !next_quiet) {
            break;
        }
        units.push(Unit { start: at, end, out });
        at = end;
    }
    let edges = Edges {
        before,
        after: text.get(at..).and_then(|rest| rest.chars().next()),
    };

    for _ in 0..MAX_ROUNDS {
        let mut changed = repair_mojibake(units, edges, scratch);
        changed |= map_chars(units, edges, options, &mut scratch.prevs);
        changed |= compose(units, &mut scratch.text);
        if !changed {
            break;
        }
    }

    for unit in units.iter() {
        if !unit.out.is(&text[unit.start..unit.end]) {
            scratch.text.clear();
            unit.out.push_to(&mut scratch.text);
            apply(rw.replace(Span::new(unit.start, unit.end), &scratch.text));
        }
    }
    at
}

/// The characters just outside a stretch, as they stand in the output.
#[derive(Clone, Copy, Debug)]
struct Edges {
    before: Option<char>,
    after: Option<char>,
}

/// The character or reference at `at`: where it ends, what it is, and
/// whether it is quiet (needs no work and takes no part in mojibake).
fn token(text: &str, at: usize, options: &NormalizeOptions) -> Option<(usize, Out, bool)> {
    let byte = *text.as_bytes().get(at)?;
    let token = if byte == b'&' {
        match reference(text, at) {
            Some((end, c)) => (end, Out::Char(c), false),
            None => (at + 1, Out::Char('&'), true),
        }
    } else if byte < 0x80 {
        (at + 1, Out::Char(char::from(byte)), !is_candidate(byte))
    } else {
        let c = char_at(text, at);
        let quiet = cp1252_byte(c).is_none() && !changes(c, options) && nfc_stable(c);
        (at + c.len_utf8(), Out::Char(c), quiet)
    };
    Some(token)
}

/// Edits are made in order on char boundaries, so the rewriter cannot refuse
/// one; if it ever did, the edit is skipped and the text kept.
fn apply(result: Result<(), TextError>) {
    debug_assert!(result.is_ok(), "normalize edit refused: {result:?}");
}

/// The last character before unit `index` that is still there.
fn char_before(units: &[Unit], index: usize, edges: Edges) -> Option<char> {
    units[..index].iter().rev().find_map(|u| u.out.last()).or(edges.before)
}

/// The first character after unit `index` that is still there.
fn char_after(units: &[Unit], index: usize, edges: Edges) -> Option<char> {
    units[index + 1..].iter().find_map(|u| u.out.first()).or(edges.after)
}

// ---------------------------------------------------------------------------
// Character mapping.

/// What the mapping does to one character.
enum Mapped {
    Keep,
    Drop,
    To(char),
}

fn map_char(c: char, prev: Option<char>, next: Option<char>, options: &NormalizeOptions) -> Mapped {
    match c {
        '\r' if next == Some('\n') => Mapped::Drop,
        '\r' | '\u{B}' | '\u{C}' | '\u{2028}' | '\u{2029}' => Mapped::To('\n'),
        '\t' => Mapped::To(' '),
        '\n' => Mapped::Keep,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Mapped::Drop,
        '\u{AD}'
        | '\u{61C}'
        | '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Mapped::Drop,
        '\u{200C}' | '\u{200D}' if prev.is_some_and(is_latin_letter) && next.is_some_and(is_latin_letter) => {
            Mapped::Drop
        }
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Mapped::To(' '),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' => Mapped::To('-'),
        '\u{2015}' | '\u{FE58}' => Mapped::To('\u{2014}'),
        _ if options.fold_quotes => fold_quote(c).map_or(Mapped::Keep, Mapped::To),
        _ => Mapped::Keep,
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// Maps every character of every unit, last to first so that a CR sees
/// whether the `\n` after it survived. Returns whether anything changed.
fn map_chars(units: &mut [Unit], edges: Edges, options: &NormalizeOptions, prevs: &mut Vec<Option<char>>) -> bool {
    // What comes before each unit, as it stands before this round (a
    // character deleted now is seen again, and dropped, next round).
    prevs.clear();
    let mut prev = edges.before;
    for unit in units.iter() {
        prevs.push(prev);
        prev = unit.out.last().or(prev);
    }
    let mut changed = false;
    let mut next = edges.after;
    for index in (0..units.len()).rev() {
        let prev = prevs[index];
        let mapped = match &units[index].out {
            Out::Char(c) => match map_char(*c, prev, next, options) {
                Mapped::Keep => None,
                Mapped::Drop => Some(Out::deleted()),
                Mapped::To(to) if to == *c => None,
                Mapped::To(to) => Some(Out::Char(to)),
            },
            Out::Text(t) => {
                let chars: Vec<char> = t.chars().collect();
                let mut out = String::with_capacity(t.len());
                for (i, &c) in chars.iter().enumerate() {
                    let before = if i == 0 { prev } else { Some(chars[i - 1]) };
                    let behind = chars.get(i + 1).copied().or(next);
                    match map_char(c, before, behind, options) {
                        Mapped::Keep => out.push(c),
                        Mapped::Drop => {}
                        Mapped::To(to) => out.push(to),
                    }
                }
                (out != *t).then_some(Out::Text(out))
            }
        };
        if let Some(mapped) = mapped {
            units[index].out = mapped;
            changed = true;
        }
        next = units[index].out.first().or(next);
    }
    changed
}

// ---------------------------------------------------------------------------
// NFC.

/// Recomposes each run from a stable starter to the next that is not in
/// NFC. Units at either end of the run that NFC leaves as they are stay
/// units of their own; the rest merge into one. Returns whether anything
/// changed.
fn compose(units: &mut Vec<Unit>, buf: &mut String) -> bool {
    let needs = |u: &Unit| match &u.out {
        Out::Char(c) => !nfc_stable(*c),
        Out::Text(t) => !t.chars().all(nfc_stable),
    };
    if !units.iter().any(needs) {
        return false;
    }
    let mut changed = false;
    let mut merged: Vec<Unit> = Vec::with_capacity(units.len());
    let mut index = 0;
    while index < units.len() {
        // A run: one unit, then every unit that does not start a new one
        // (deleted units ride along).
        let mut end = index + 1;
        while end < units.len() && !units[end].out.first().is_some_and(starts_segment) {
            end += 1;
        }
        let run = &units[index..end];
        index = end;
        if !run.iter().any(needs) {
            merged.extend_from_slice(run);
            continue;
        }
        buf.clear();
        for unit in run {
            unit.out.push_to(buf);
        }
        let composed: String = buf.nfc().collect();
        if composed == *buf {
            merged.extend_from_slice(run);
            continue;
        }
        changed = true;
        // Keep the units NFC did not touch at the front and the back.
        let mut text = composed.as_str();
        let mut front = 0;
        while front < run.len() {
            let mut piece = String::new();
            run[front].out.push_to(&mut piece);
            match text.strip_prefix(piece.as_str()) {
                Some(rest) if !piece.is_empty() && rest.len() < text.len() => text = rest,
                _ => break,
            }
            front += 1;
        }
        let mut back = run.len();
        while back > front + 1 {
            let mut piece = String::new();
            run[back - 1].out.push_to(&mut piece);
            match text.strip_suffix(piece.as_str()) {
                Some(rest) if !piece.is_empty() => text = rest,
                _ => break,
            }
            back -= 1;
        }
        merged.extend_from_slice(&run[..front]);
        if front < back {
            merged.push(Unit {
                start: run[front].start,
                end: run[back - 1].end,
                out: Out::from_string(text.to_string()),
            });
        }
        merged.extend_from_slice(&run[back..]);
    }
    if changed {
        *units = merged;
    }
    changed
}

// ---------------------------------------------------------------------------
// Mojibake.

/// The windows-1252 byte of a non-ASCII character, reading U+0080–U+009F as
/// Latin-1 (which is also what browsers do for the five bytes windows-1252
/// leaves undefined).
fn cp1252_byte(c: char) -> Option<u8> {
    let byte = match c {
        '\u{80}'..='\u{FF}' => c as u32 as u8,
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{2C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{152}' => 0x8C,
        '\u{17D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{2DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{153}' => 0x9C,
        '\u{17E}' => 0x9E,
        '\u{178}' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// The character a windows-1252 byte in 0x80–0x9F stands for (the five
/// undefined bytes stay C1 controls).
fn cp1252_char(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}',
        '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}',
        '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}',
        '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn is_lead(byte: u8) -> bool {
    (0xC2..=0xF4).contains(&byte)
}

fn is_continuation(byte: u8) -> bool {
    (0x80..=0xBF).contains(&byte)
}

/// How a decoded sequence may be repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// On its own.
    Alone,
    /// Only with another repaired sequence in the same run.
    InRun,
}

/// A candidate repair: `len` bytes of the run from position `at`.
#[derive(Clone, Copy, Debug)]
struct Sequence {
    at: usize,
    len: usize,
    decoded: char,
    kind: Kind,
}

/// Whether the UTF-8 sequence led by `lead` decoding to `c` is a shape
/// mojibake has (see the module docs).
fn mojibake_kind(lead: u8, second: u8, c: char) -> Option<Kind> {
    if !is_public_assigned(c) {
        return None;
    }
    let kind = match lead {
        0xC2 | 0xC3 if c >= '\u{A0}' => Kind::Alone,
        0xC4..=0xC7 => Kind::Alone,
        0xC8 | 0xC9 if c <= '\u{24F}' => Kind::Alone,
        0xCC..=0xD3 | 0xD7..=0xDB => Kind::Alone,
        0xD4..=0xD6 => Kind::InRun,
        0xE0 if second >= 0xA4 => Kind::InRun,
        0xE1 if ('\u{1E00}'..='\u{1EFF}').contains(&c) => Kind::Alone,
        0xE1 => Kind::InRun,
        0xE2 => Kind::Alone,
        0xE3..=0xED => Kind::InRun,
        0xEF if c == '\u{FEFF}' || c == '\u{FFFD}' => Kind::Alone,
        0xEF if c >= '\u{F900}' => Kind::InRun,
        0xF0 if ('\u{1F000}'..='\u{1FAFF}').contains(&c) => Kind::Alone,
        0xF0 => Kind::InRun,
        _ => return None,
    };
    Some(kind)
}

/// Finds and repairs mojibake in every run of units whose characters all
/// have windows-1252 bytes. Returns whether anything changed.
///
/// One pass over the units; mojibake of mojibake is repaired by the next
/// round of [`repair_stretch`].
fn repair_mojibake(units: &mut Vec<Unit>, edges: Edges, scratch: &mut Scratch) -> bool {
    let mut merges: Vec<(usize, usize, char)> = Vec::new();
    let mut index = 0;
    while index < units.len() {
        // Collect a run: units of one non-ASCII windows-1252 character each,
        // deleted units between them ignored.
        scratch.run.clear();
        scratch.bytes.clear();
        let mut scan = index;
        while scan < units.len() {
            let unit = &units[scan];
            if unit.out.is_empty() {
                scan += 1;
                continue;
            }
            // A recomposed unit (a letter and marks) can only end a run: its
            // letter may complete a sequence, its marks stop the next one.
            let (c, last) = match &unit.out {
                Out::Char(c) => (*c, false),
                Out::Text(t) => (t.chars().next().unwrap_or('a'), true),
            };
            let Some(byte) = cp1252_byte(c).filter(|_| !c.is_ascii()) else {
                break;
            };
            scratch.run.push(scan);
            scratch.bytes.push(byte);
            scan += 1;
            if last {
                break;
            }
        }
        if scratch.run.len() >= 2 && find_sequences(units, edges, scratch) {
            for seq in &scratch.found {
                merges.push((scratch.run[seq.at], scratch.run[seq.at + seq.len - 1], seq.decoded));
            }
        }
        index = scan.max(index + 1);
    }
    if merges.is_empty() {
        return false;
    }
    let mut keep = vec![true; units.len()];
    for &(first, last, decoded) in &merges {
        units[first].end = units[last].end;
        units[first].out = match &units[last].out {
            Out::Text(t) => {
                let mut out = String::from(decoded);
                out.extend(t.chars().skip(1));
                Out::Text(out)
            }
            Out::Char(_) => Out::Char(decoded),
        };
        for flag in &mut keep[first + 1..=last] {
            *flag = false;
        }
    }
    let mut flags = keep.into_iter();
    units.retain(|_| flags.next().unwrap_or(true));
    true
}

/// Fills `scratch.found` with the sequences of the current run that are
/// repaired; returns whether there are any.
fn find_sequences(units: &[Unit], edges: Edges, scratch: &mut Scratch) -> bool {
    let bytes = &scratch.bytes;
    let found = &mut scratch.found;
    found.clear();
    let mut at = 0;
    while at < bytes.len() {
        let lead = bytes[at];
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if len == 0 || at + len > bytes.len() || !bytes[at + 1..at + len].iter().all(|&b| is_continuation(b)) {
            at += 1;
            continue;
        }
        let decoded = std::str::from_utf8(&bytes[at..at + len])
            .ok()
            .and_then(|s| s.chars().next());
        match decoded.and_then(|c| Some((c, mojibake_kind(lead, bytes[at + 1], c)?))) {
            Some((decoded, kind)) => {
                found.push(Sequence { at, len, decoded, kind });
                at += len;
            }
            None => at += 1,
        }
    }
    if found.len() < 2 {
        found.retain(|s| s.kind == Kind::Alone);
    }
    if let [only] = found.as_slice() {
        // An accented capital and a punctuation mark at the end of a word
        // not in lower case is real text ("CAFÉ”"), not mojibake.
        let first = scratch.run[only.at];
        let last = scratch.run[only.at + only.len - 1];
        let mark = units[scratch.run[only.at + 1]].out.first();
        if only.len == 2
            && (0xC4..=0xDF).contains(&bytes[only.at])
            && !mark.is_some_and(char::is_alphabetic)
            && !char_after(units, last, edges).is_some_and(char::is_alphanumeric)
            && !char_before(units, first, edges).is_some_and(char::is_lowercase)
        {
            found.clear();
        }
    }
    !found.is_empty()
}

// ---------------------------------------------------------------------------
// HTML character references.

/// Named references, sorted by name for binary search.
static NAMED: LazyLock<Vec<(&'static str, char)>> = LazyLock::new(|| {
    let mut table: Vec<(&'static str, char)> = include_str!("../data/html_entities.txt")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (name, hex) = line.split_once('\t')?;
            let value = u32::from_str_radix(hex.trim(), 16).ok()?;
            Some((name.trim(), char::from_u32(value)?))
        })
        .collect();
    table.sort_unstable_by_key(|&(name, _)| name);
    table.dedup_by_key(|&mut (name, _)| name);
    table
});

/// Names browsers decode without the closing `;`.
const LEGACY: &[&str] = &[
    "AMP", "COPY", "GT", "LT", "QUOT", "REG", "amp", "copy", "gt", "lt", "nbsp", "quot", "reg",
];

/// The longest name in the table is far shorter; anything longer is text.
const MAX_NAME: usize = 32;

/// The character reference at `amp` (which holds `&`), with double escapes
/// undone: `&amp;` followed by what would be a reference is read as that
/// reference. Returns where the whole reference ends and its character.
fn reference(text: &str, amp: usize) -> Option<(usize, char)> {
    let (mut end, mut value) = reference_body(text, amp + 1)?;
    while value == '&' {
        match reference_body(text, end) {
            Some(next) => (end, value) = next,
            None => break,
        }
    }
    Some((end, value))
}

/// A reference whose `&` comes just before `at`.
fn reference_body(text: &str, at: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let rest = bytes.get(at..)?;
    if rest.first() == Some(&b'#') {
        return numeric_reference(bytes, at + 1);
    }
    let len = rest
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > MAX_NAME {
        return None;
    }
    // The name is ASCII, so it lies on char boundaries.
    let name = &text[at..at + len];
    if rest.get(len) == Some(&b';') {
        if let Ok(i) = NAMED.binary_search_by_key(&name, |&(n, _)| n) {
            return Some((at + len + 1, NAMED[i].1));
        }
    }
    // The ASCII run is maximal; no other letter or digit may follow either.
    let next = text[at + len..].chars().next();
    if LEGACY.contains(&name) && !next.is_some_and(char::is_alphanumeric) {
        let i = NAMED.binary_search_by_key(&name, |&(n, _)| n).ok()?;
        return Some((at + len, NAMED[i].1));
    }
    None
}

/// `&#...;` with the digits starting at `at`.
fn numeric_reference(bytes: &[u8], at: usize) -> Option<(usize, char)> {
    let hex = matches!(bytes.get(at), Some(b'x' | b'X'));
    let digits_at = at + usize::from(hex);
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut len = 0;
    for &b in bytes.get(digits_at..)? {
        let Some(digit) = char::from(b).to_digit(radix) else {
            break;
        };
        value = value.saturating_mul(radix).saturating_add(digit);
        len += 1;
    }
    if len == 0 || bytes.get(digits_at + len) != Some(&b';') {
        return None;
    }
    let c = match value {
        0 | 0xD800..=0xDFFF => '\u{FFFD}',
        0x80..=0x9F => cp1252_char(value as u8),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((digits_at + len + 1, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normalize(text, &NormalizeOptions::default()).0
    }

    fn folded(text: &str) -> String {
        normalize(text, &NormalizeOptions { fold_quotes: true }).0
    }

    /// The original text that `needle` (found in the output) maps back to.
    fn maps_back<'a>(text: &'a str, needle: &str) -> &'a str {
        let (out, map) = normalize(text, &NormalizeOptions::default());
        let at = out.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {out:?}"));
        let back = map.map_span(Span::new(at, at + needle.len()));
        &text[back.range()]
    }

    fn assert_valid(text: &str) {
        for options in [NormalizeOptions::default(), NormalizeOptions { fold_quotes: true }] {
            let (out, map) = normalize(text, &options);
            assert_eq!(map.output_len(), out.len(), "{text:?}");
            assert_eq!(map.original_len(), text.len(), "{text:?}");
            let (again, _) = normalize(&out, &options);
            assert_eq!(again, out, "not idempotent on {text:?}");
        }
    }

    #[test]
    fn plain_text_is_untouched_and_maps_identically() {
        let text = "Kyiv said 84 prisoners were exchanged on Friday, the ministry said.\n\nTalks resume Monday.";
        let (out, map) = normalize(text, &NormalizeOptions::default());
        assert_eq!(out, text);
        assert!(map.is_identity());
        for text in [
            "café",
            "Київ",
            "naïve",
            "Zürich",
            "São Paulo",
            "“Yes,” she said — twice – maybe.",
        ] {
            let (out, map) = normalize(text, &NormalizeOptions::default());
            assert_eq!(out, text);
            assert!(map.is_identity(), "{text:?}");
        }
    }

    #[test]
    fn line_endings_and_bom() {
        assert_eq!(norm("One.\r\nTwo.\rThree.\n"), "One.\nTwo.\nThree.\n");
        assert_eq!(norm("\u{FEFF}Kyiv\u{FEFF} said"), "Kyiv said");
        assert_eq!(norm("a\u{2028}b\u{2029}c\u{C}d"), "a\nb\nc\nd");
        assert_eq!(maps_back("Advertisement\r\nKyiv said", "Kyiv"), "Kyiv");
        assert_eq!(maps_back("Advertisement\rKyiv said", "\n"), "\r");
    }

    #[test]
    fn controls_are_deleted_and_tabs_become_spaces() {
        assert_eq!(norm("Ky\u{0}iv\u{1B} said\u{7F}\u{85}\u{9D}.\tYes"), "Kyiv said. Yes");
        assert_eq!(maps_back("Ky\u{0}iv said", "said"), "said");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(
            norm("Putin&#8217;s and Putin&#x2019;s and &#X2019;"),
            "Putin’s and Putin’s and ’"
        );
        // 128–159 are windows-1252, as in browsers.
        assert_eq!(norm("&#150; &#147;Hi&#148; &#128;5"), "– “Hi” €5");
        assert_eq!(norm("&#0; &#xD800; &#99999999999;"), "\u{FFFD} \u{FFFD} \u{FFFD}");
        // No semicolon, no digits: left alone.
        assert_eq!(norm("&#8217s &#; &#x; &# 5"), "&#8217s &#; &#x; &# 5");
        assert_eq!(maps_back("Putin&#8217;s adviser", "adviser"), "adviser");
        assert_eq!(maps_back("Putin&#8217;s adviser", "’"), "&#8217;");
    }

    #[test]
    fn named_references() {
        assert_eq!(
            norm("Q&amp;A &lt;b&gt; &quot;x&quot; &apos;y&apos; a&nbsp;b &mdash; &ndash; &hellip; &eacute;"),
            "Q&A <b> \"x\" 'y' a b — – … é"
        );
        assert_eq!(norm("&rsquo;&lsquo;&ldquo;&rdquo;&euro;&copy;"), "’‘“”€©");
        assert_eq!(maps_back("Ministry &amp; Army said", "Army"), "Army");
    }

    #[test]
    fn legacy_names_without_semicolon() {
        assert_eq!(norm("AT&amp T &copy 2025 a&nbsp"), "AT& T © 2025 a ");
        // Not when a letter or digit follows, and never for other names.
        assert_eq!(
            norm("&copyright &amplifier &nbsp1 &mdash &eacute"),
            "&copyright &amplifier &nbsp1 &mdash &eacute"
        );
        // Unknown names and bare ampersands stay.
        assert_eq!(norm("AT&T R&D &foo; & more &;"), "AT&T R&D &foo; & more &;");
    }

    #[test]
    fn double_escaping_is_undone_to_the_end() {
        assert_eq!(norm("a&amp;nbsp;b"), "a b");
        assert_eq!(norm("it&amp;#8217;s"), "it’s");
        assert_eq!(norm("Q&amp;amp;A &amp;amp;amp;"), "Q&A &");
        assert_eq!(norm("&amp;"), "&");
        assert_eq!(maps_back("x&amp;nbsp;Kyiv", "Kyiv"), "Kyiv");
        assert_eq!(maps_back("x&amp;nbsp;Kyiv", " "), "&amp;nbsp;");
    }

    #[test]
    fn mojibake_is_repaired() {
        assert_eq!(norm("Putinâ€™s"), "Putin’s");
        assert_eq!(
            norm("â€œWe are readyâ€\u{9D} â€” he said â€“ â€¦"),
            "“We are ready” — he said – …"
        );
        assert_eq!(norm("cafÃ© AndrÃ© ZÃ¼rich SÃ£o naÃ¯ve"), "café André Zürich São naïve");
        assert_eq!(norm("25Â°C, Â£5, Â\u{A0}x"), "25°C, £5,  x");
        assert_eq!(norm("voilÃ\u{A0}"), "voilà");
        assert_eq!(norm("Ã‰tienne CAFÃ‰ Ã–sterreich"), "Étienne CAFÉ Österreich");
        assert_eq!(norm("wÅ‚adza byÅ‚ È™i"), "władza był și");
        assert_eq!(norm("ÐšÐ¸Ñ—Ð²"), "Київ");
        assert_eq!(norm("Nguyá»…n"), "Nguyễn");
        assert_eq!(norm("ï»¿Kyiv"), "Kyiv");
        assert_eq!(
            norm("æ±äº¬ is ä¸œäº¬"),
            "æ±äº¬ is 东京",
            "a lost byte leaves the first alone"
        );
        assert_eq!(norm("ðŸ‘\u{8D} ok ðŸ˜€"), "👍 ok 😀");
        // Latin-1 instead of windows-1252: C1 controls stand for the bytes.
        assert_eq!(norm("it\u{E2}\u{80}\u{99}s"), "it’s");
        // Mojibake of mojibake.
        assert_eq!(norm("itÃ¢â‚¬â„¢s"), "it’s");
        // Escaped mojibake.
        assert_eq!(norm("caf&#195;&#169; caf&Atilde;&copy;"), "café café");
        assert_eq!(maps_back("Putinâ€™s adviser", "adviser"), "adviser");
        assert_eq!(maps_back("Putinâ€™s adviser", "’"), "â€™");
    }

    #[test]
    fn legitimate_text_is_not_mojibake() {
        for text in [
            "Ã",
            "Ã alone, Â too",
            "café",
            "Київ",
            "naïve",
            "Zürich",
            "CAFÉ” and ESPAÑA»",
            "“É”",
            "Gruß“ and daß…",
            "voilà\u{A0}»",
            "« café…\u{A0}»",
            "déjà vu, über, Ärger",
            "© 2025 Example Media",
            "ÀÁÂ",
            "Øresund",
            "Ö”",
        ] {
            let want: String = text.chars().map(|c| if c == '\u{A0}' { ' ' } else { c }).collect();
            assert_eq!(norm(text), want, "{text:?}");
        }
    }

    #[test]
    fn nfc_recomposes_only_what_needs_it() {
        assert_eq!(norm("Cafe\u{301} Zu\u{308}rich"), "Café Zürich");
        assert_eq!(norm("x\u{301}"), "x\u{301}");
        assert_eq!(norm("\u{212B}ngstr\u{F6}m"), "Ångström");
        // Marks out of canonical order are reordered.
        assert_eq!(norm("a\u{323}\u{302}"), "ậ");
        let text = "Cafe\u{301} owner said";
        assert_eq!(maps_back(text, "é"), "e\u{301}");
        assert_eq!(maps_back(text, "Caf"), "Caf");
        assert_eq!(maps_back(text, "owner"), "owner");
    }

    #[test]
    fn nfc_shortcut_agrees_with_the_tables() {
        for c in ('\0'..='\u{FFFF}').filter(|&c| nfc_stable(c)) {
            assert!(
                canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn invisible_characters() {
        assert_eq!(
            norm("Ky\u{AD}iv\u{200B} said\u{2060}\u{200E}\u{200F}\u{202E}\u{2066}ok\u{2069}"),
            "Kyiv saidok"
        );
        // ZWJ and ZWNJ go between Latin letters only.
        assert_eq!(norm("Ky\u{200D}iv a\u{200C}b"), "Kyiv ab");
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(norm(family), family);
        let persian = "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}";
        assert_eq!(norm(persian), persian);
        assert_eq!(maps_back("Ky\u{AD}iv said", "Kyiv"), "Ky\u{AD}iv");
    }

    #[test]
    fn spaces_and_dashes() {
        assert_eq!(
            norm("a\u{A0}b\u{2009}c\u{202F}d\u{3000}e\u{2003}f\u{1680}g\u{205F}h"),
            "a b c d e f g h"
        );
        assert_eq!(
            norm("well\u{2010}known non\u{2011}stop 555\u{2012}0100 \u{2212}5"),
            "well-known non-stop 555-0100 -5"
        );
        assert_eq!(norm("2020–2024 — yes \u{2015} no"), "2020–2024 — yes — no");
        assert_eq!(maps_back("Kyiv\u{A0}said", "said"), "said");
    }

    #[test]
    fn quotes_fold_only_when_asked() {
        let text = "“Yes,” he said. ‘No’ — «Da» ‹ok› „x‟ it’s 5′ 6″";
        assert_eq!(norm(text), text);
        assert_eq!(folded(text), "\"Yes,\" he said. 'No' — \"Da\" 'ok' \"x\" it's 5' 6\"");
        assert_eq!(folded("`tick´"), "`tick´");
    }

    #[test]
    fn every_output_is_valid_and_stable() {
        for text in [
            "",
            "&",
            "&amp;nbsp;&amp;nbsp;",
            "Putin&#8217;sâ€™Ã©e\u{301}\u{A0}\u{AD}\u{200B}\t  \r\n\rКиїв👍“”",
            "Ã©“”Ã©“”",
            "Ã©¥¥Ã©¥¥",
            "Ã\u{AD}©x",
            "Ã\u{200B}©",
            "a\u{200D}\u{AD}b",
            "x\u{AD}Ö” y",
            "\r\u{200B}\n",
            "\u{301}start",
            "Ê¥¥Ê¥¥ ¥Ã",
            "&#195;&#169;&#195;",
            "é&#133;&#133;é&#133;&#133;",
            "\u{1100}\u{1161}\u{11A8}",
            "e\u{AD}\u{301}",
            "ÃÃÃ©©©",
            "\u{212B}”",
            // Cases property tests found: repairs that join stretches.
            "Â\u{212B}¡Å",
            "&nbspa\u{300}",
            "&#195;”€a\u{301}&#169;€",
            "\u{212B}\u{212B}ƒ",
            "&nbspE\u{300}€ ",
            "Ã©€&#169;A\u{AD}\u{308}€ ",
            "&nbs&#112; &am\u{AD}p;",
        ] {
            assert_valid(text);
        }
    }

    /// Characters that exercise every repair, mixed with plain text.
    const TRICKY: &str = "aeAE ;#&\r\n\t\u{0}\u{7F}\u{85}\u{9D}\u{8D}ÂÃÄÅÐÑÉÖßâãäåçéêïðó\
                          €‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿\
                          \u{300}\u{301}\u{308}\u{323}\u{334}\u{200B}\u{200C}\u{200D}\u{2028}\u{FEFF}\
                          \u{2010}\u{2015}\u{212B}\u{1100}\u{1161}\u{11A8}Київ👍";

    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let chars: Vec<char> = TRICKY.chars().collect();
        let pieces = prop_oneof![
            prop::sample::select(chars).prop_map(String::from),
            prop::sample::select(vec![
                "&amp;",
                "&amp;nbsp;",
                "&#195;",
                "&#169;",
                "&#8217;",
                "&nbsp",
                "&#x80;",
                "â€™",
                "Ã©"
            ])
            .prop_map(String::from),
        ];
        prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn normalize_is_valid_and_idempotent(text in tricky_text(), fold in proptest::prelude::any::<bool>()) {
            let options = NormalizeOptions { fold_quotes: fold };
            let (out, map) = normalize(&text, &options);
            proptest::prop_assert_eq!(map.output_len(), out.len());
            proptest::prop_assert_eq!(map.original_len(), text.len());
            proptest::prop_assert!(!out.contains('\r'));
            let (again, _) = normalize(&out, &options);
            proptest::prop_assert_eq!(again, out);
        }

        #[test]
        fn arbitrary_text_is_idempotent(text in proptest::prelude::any::<String>()) {
            let (out, _) = normalize(&text, &NormalizeOptions::default());
            let (again, _) = normalize(&out, &NormalizeOptions::default());
            proptest::prop_assert_eq!(again, out);
        }
    }
}
