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
/// Results are reported in document order, so the converter walks forward
/// from the last offset it converted: converting every span of a document
/// costs one pass over the text, not one per span.
pub struct OffsetConverter<'a> {
    text: &'a str,
    unit: OffsetUnit,
    byte: usize,
    char: usize,
}

impl<'a> OffsetConverter<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> OffsetConverter<'a> {
        OffsetConverter {
            text,
            unit,
            byte: 0,
            char: 0,
        }
    }

    /// `byte` (a char boundary of the text) in the chosen unit.
    pub fn convert(&mut self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Bytes {
            return byte;
        }
        if byte < self.byte {
            // Out of order: start again from the beginning.
            self.byte = 0;
            self.char = 0;
        }
        self.char += count_chars(&self.text.as_bytes()[self.byte..byte]);
        self.byte = byte;
        self.char
    }

    /// A span with its text, in the chosen unit.
    pub fn located(&mut self, span: Span) -> Located<'a> {
        Located {
            text: span.slice(self.text),
            start: self.convert(span.start),
            end: self.convert(span.end),
        }
    }
}

/// Code points in a run of UTF-8 that starts and ends on char boundaries:
/// every byte that is not a continuation byte starts one.
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
    fn chars_count_code_points_not_bytes() {
        let text = "Київ — “Так,” сказав він.";
        let start = text.find("сказав").unwrap();
        let span = Span::new(start, start + "сказав".len());
        let mut chars = OffsetConverter::new(text, OffsetUnit::Chars);
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
        let mut bytes = OffsetConverter::new("Київ", OffsetUnit::Bytes);
        assert_eq!(bytes.convert(8), 8);
    }
}
