//! Looking at the words around a match: word boundaries, the word before
//! and after, capitalisation. Every function takes byte offsets on char
//! boundaries and returns spans on char boundaries.

use lede_text::Span;

/// A character that continues a word: letters, digits, and the joiners
/// inside names ("O'Brien", "al-Sharaa", "J.").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.')
}

/// [`is_word_char`] for each ASCII byte: the walks over neighbouring words
/// run for most capitalised words of a text, and a table lookup per byte is
/// cheaper than the char test.
static ASCII_WORD_CHAR: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'\'' | b'.');
        b += 1;
    }
    table
};

/// True for an ASCII byte that continues a word ([`is_word_char`]).
pub(crate) fn is_ascii_word_byte(b: u8) -> bool {
    b < 0x80 && ASCII_WORD_CHAR[b as usize]
}

/// A letter, digit or `_`: what may not touch an alias.
fn is_boundary_breaker(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `span` starts and ends at word boundaries: no letter or
/// digit right before or after it. Hyphens and apostrophes are boundaries,
/// so "Russian-backed", "pro-Russian" and "Russia's" all match.
pub(crate) fn at_word_boundaries(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    // ASCII neighbours (nearly all) are tested as bytes; others decoded.
    let before = match span.start.checked_sub(1).map(|i| bytes[i]) {
        None => false,
        Some(b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => text[..span.start].chars().next_back().is_some_and(is_boundary_breaker),
    };
    let after = match bytes.get(span.end) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => text[span.end..].chars().next().is_some_and(is_boundary_breaker),
    };
    !before && !after
}

/// The word ending right before `pos`, separated from it by spaces only
/// (not a line break, not punctuation).
pub(crate) fn word_before(text: &str, pos: usize) -> Option<Span> {
    let end = spaces_before(text, pos)?;
    // ASCII first, byte by byte; a non-ASCII char sends the rest of the
    // walk through char decoding.
    let bytes = text.as_bytes();
    let mut start = end;
    while start > 0 && is_ascii_word_byte(bytes[start - 1]) {
        start -= 1;
    }
    if start > 0 && bytes[start - 1] >= 0x80 {
        start = text[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(start, |(i, _)| i);
    }
    (start < end).then(|| Span::new(start, end))
}

/// The word starting right after `pos`, separated from it by spaces only.
pub(crate) fn word_after(text: &str, pos: usize) -> Option<Span> {
    let start = spaces_after(text, pos)?;
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() && is_ascii_word_byte(bytes[end]) {
        end += 1;
    }
    if end < bytes.len() && bytes[end] >= 0x80 {
        end += text[end..]
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum::<usize>();
    }
    (end > start).then(|| Span::new(start, end))
}

/// The start of the run of spaces (and no-break spaces) ending at `pos`,
/// if there is one and text before it.
fn spaces_before(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = pos;
    loop {
        if i >= 1 && bytes[i - 1] == b' ' {
            i -= 1;
        } else if i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xA0 {
            i -= 2;
        } else {
            break;
        }
    }
    (i < pos && i > 0).then_some(i)
}

/// The end of the run of spaces (and no-break spaces) starting at `pos`,
/// if there is one and text after it.
fn spaces_after(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = pos;
    loop {
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        } else if bytes.get(i) == Some(&0xC2) && bytes.get(i + 1) == Some(&0xA0) {
            i += 2;
        } else {
            break;
        }
    }
    (i > pos && i < bytes.len()).then_some(i)
}

/// A word without the sentence punctuation or possessive that may follow it.
pub(crate) fn bare(word: &str) -> &str {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    // Keep the period of an initial ("J.") or abbreviation ("Jr.").
    if word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() > 2 && word != "Jr." {
        word.trim_end_matches('.')
    } else {
        word
    }
}

/// True for a word that starts with an upper-case letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when the line around `span` is an ALL-CAPS line of several words
/// (a shouted headline), where "IS" and "WHO" are words, not acronyms.
/// Looks at most 200 bytes each way so that long lines stay cheap.
pub(crate) fn in_all_caps_line(text: &str, span: Span) -> bool {
    let mut start = span.start.saturating_sub(200);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end + 200).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[start..span.start];
    let tail = &text[span.end..end];
    let head = head.rsplit('\n').next().unwrap_or(head);
    let tail = tail.split('\n').next().unwrap_or(tail);
    let words = head.split_whitespace().chain(tail.split_whitespace());
    let (mut count, mut caps) = (0, true);
    for word in words.filter(|w| w.chars().any(char::is_alphabetic)) {
        count += 1;
        caps &= !word.chars().any(char::is_lowercase);
    }
    count >= 2 && caps
}

/// A lower-case slug for local ids: "Yuri Ushakov" → "yuri-ushakov".
#[cfg(test)]
pub(crate) fn slug(name: &str) -> String {
    let mut slug = String::new();
    push_slug(&mut slug, name);
    slug
}

/// Appends the slug of `name` to `out` (after a prefix such as "local:"),
/// so that an id is built in one string.
pub(crate) fn push_slug(out: &mut String, name: &str) {
    let start = out.len();
    if name.is_ascii() {
        // The same steps over bytes: char-by-char lower-casing costs more
        // than the rest of finding the person.
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            } else if out.len() > start && !out.ends_with('-') {
                out.push('-');
            }
        }
        let end = out[start..].trim_end_matches('-').len();
        out.truncate(start + end);
        return;
    }
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && out.len() > start {
            out.push('-');
        }
    }
    let end = out[start..].trim_end_matches('-').len();
    out.truncate(start + end);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_allow_hyphens_and_possessives() {
        let text = "Russian-backed forces, pro-Russian groups, Russia's army, Russians";
        assert!(at_word_boundaries(text, Span::new(0, 7)));
        assert!(at_word_boundaries(text, Span::new(27, 34)));
        assert!(at_word_boundaries(text, Span::new(43, 49)));
        assert!(!at_word_boundaries(text, Span::new(58, 65)));
    }

    #[test]
    fn neighbouring_words() {
        let text = "As Kremlin adviser Yuri Ushakov's team said,\nNext";
        let adviser = text.find("adviser").unwrap();
        assert_eq!(word_before(text, adviser).map(|s| s.slice(text)), Some("Kremlin"));
        assert_eq!(word_after(text, adviser + 7).map(|s| s.slice(text)), Some("Yuri"));
        let said = text.find("said").unwrap();
        assert_eq!(word_after(text, said + 4), None);
        assert_eq!(word_before(text, 0), None);
        assert_eq!(bare("Ushakov's"), "Ushakov");
        assert_eq!(bare("said."), "said");
        assert_eq!(bare("J."), "J.");
    }

    #[test]
    fn all_caps_lines() {
        let text = "WHO IS IN CHARGE\nThe WHO said";
        assert!(in_all_caps_line(text, Span::new(4, 6)));
        assert!(!in_all_caps_line(text, Span::new(21, 24)));
        assert_eq!(slug("Jean-Noël  Barrot"), "jean-noël-barrot");
        assert_eq!(slug("-Yuri  O'Neil Jr.-"), "yuri-o-neil-jr");
    }
}
