//! Reported offsets: UTF-8 bytes (the library's unit) or Unicode code points
//! (what JSON consumers in most other languages index by).

use lede::Span;
use serde::Serialize;

/// The unit of every offset the CLI reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OffsetUnit {
    /// UTF-8 byte offsets: `text.as_bytes()[start..end]`.
    #[default]
    Bytes,
    /// Unicode code point offsets: Python's `text[start:end]`.
    Chars,
}

/// Converts byte offsets of one document to the chosen unit.
///
/// For code points it keeps the count at every 4 KiB of text, so a
/// conversion costs at most 4 KiB of counting whatever order offsets come
/// in, and the table costs a few bytes per 4 KiB.
pub struct OffsetConverter<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// Code points before byte `i * STRIDE`.
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 4096;

impl<'a> OffsetConverter<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> OffsetConverter<'a> {
        let mut checkpoints = Vec::new();
        if unit == OffsetUnit::Chars {
            let mut chars = 0;
            for chunk in text.as_bytes().chunks(STRIDE) {
                checkpoints.push(chars);
                chars += count_chars(chunk);
            }
        }
        OffsetConverter {
            text,
            unit,
            checkpoints,
        }
    }

    /// `byte` (a char boundary of the text) in the chosen unit.
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Bytes {
            return byte;
        }
        let block = byte / STRIDE;
        match self.checkpoints.get(block) {
            Some(&before) => before + count_chars(&self.text.as_bytes()[block * STRIDE..byte]),
            // The end of a text whose length is a multiple of the stride.
            None => self.checkpoints.last().map_or(0, |&c| {
                c + count_chars(&self.text.as_bytes()[(block - 1) * STRIDE..byte])
            }),
        }
    }

    /// A span with its text, in the chosen unit.
    pub fn located(&self, span: Span) -> Located<'a> {
        Located {
            text: span.slice(self.text),
            start: self.convert(span.start),
            end: self.convert(span.end),
        }
    }
}

/// Code points in a run of UTF-8: every byte that is not a continuation
/// byte starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A piece of a document as the CLI reports it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Located<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offset_of_long_text_in_any_order() {
        let text = "Zelensky — «Ми готові». ".repeat(700);
        let chars = OffsetConverter::new(&text, OffsetUnit::Chars);
        let expected: Vec<(usize, usize)> = text.char_indices().enumerate().map(|(c, (b, _))| (b, c)).collect();
        for &(byte, char) in expected.iter().rev().step_by(7) {
            assert_eq!(chars.convert(byte), char);
        }
        assert_eq!(chars.convert(text.len()), text.chars().count());
        let exact = "a".repeat(STRIDE * 2);
        assert_eq!(
            OffsetConverter::new(&exact, OffsetUnit::Chars).convert(exact.len()),
            exact.len()
        );
    }

    #[test]
    fn chars_count_code_points_not_bytes() {
        let text = "Київ — “Так,” сказав він.";
        let start = text.find("сказав").unwrap();
        let span = Span::new(start, start + "сказав".len());
        let chars = OffsetConverter::new(text, OffsetUnit::Chars);
        let located = chars.located(span);
        let expected = text.chars().take_while({
            let mut seen = 0;
            move |c| {
                seen += c.len_utf8();
                seen <= start
            }
        });
        assert_eq!(located.start, expected.count());
        assert_eq!(located.end - located.start, 6);
        assert_eq!(located.text, "сказав");
        // Going back works too.
        assert_eq!(chars.convert(0), 0);
        assert_eq!(chars.convert(text.len()), text.chars().count());
    }

    #[test]
    fn bytes_are_passed_through() {
        let bytes = OffsetConverter::new("Київ", OffsetUnit::Bytes);
        assert_eq!(bytes.convert(8), 8);
    }
}
