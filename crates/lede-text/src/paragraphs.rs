//! Paragraphs: blocks of text separated by blank lines, or single lines.

use crate::Span;

/// How a text is divided into paragraphs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ParagraphMode {
    /// Paragraphs are separated by one or more blank (whitespace-only) lines;
    /// a single line break stays inside the paragraph.
    #[default]
    BlankLine,
    /// Every non-blank line is a paragraph, as in text scraped from HTML where
    /// each `<p>` became one line.
    Line,
}

/// The paragraphs of `text`, as spans trimmed of surrounding whitespace.
///
/// ```
/// use lede_text::{paragraphs, ParagraphMode};
///
/// let text = "KYIV - Sirens sounded.\nPeople ran.\n\n\"We are tired,\" she said.\n";
/// let blocks: Vec<&str> = paragraphs(text, ParagraphMode::BlankLine).map(|s| s.slice(text)).collect();
/// assert_eq!(blocks, ["KYIV - Sirens sounded.\nPeople ran.", "\"We are tired,\" she said."]);
/// let lines = paragraphs(text, ParagraphMode::Line).count();
/// assert_eq!(lines, 3);
/// ```
pub fn paragraphs(text: &str, mode: ParagraphMode) -> Paragraphs<'_> {
    Paragraphs { text, pos: 0, mode }
}

/// Iterator over paragraph spans; see [`paragraphs`].
#[derive(Clone, Debug)]
pub struct Paragraphs<'a> {
    text: &'a str,
    pos: usize,
    mode: ParagraphMode,
}

impl Iterator for Paragraphs<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let text = self.text;
        while self.pos < text.len() {
            let line = next_line(text, self.pos);
            self.pos = line.end_with_break;
            if is_blank(line.content.slice(text)) {
                continue;
            }
            let start = line.content.start;
            let mut end = line.content.end;
            if self.mode == ParagraphMode::BlankLine {
                while self.pos < text.len() {
                    let next = next_line(text, self.pos);
                    if is_blank(next.content.slice(text)) {
                        break;
                    }
                    end = next.content.end;
                    self.pos = next.end_with_break;
                }
            }
            return Some(Span::new(start, end).trim(text));
        }
        None
    }
}

/// A line of text: its content without the line break, and where the next
/// line starts.
pub(crate) struct Line {
    pub(crate) content: Span,
    pub(crate) end_with_break: usize,
}

/// The line starting at `start`; `\n`, `\r\n` and a lone `\r` all end a line.
pub(crate) fn next_line(text: &str, start: usize) -> Line {
    let bytes = text.as_bytes();
    match memchr::memchr2(b'\n', b'\r', &bytes[start..]).map(|at| start + at) {
        Some(i) => {
            let after = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            Line {
                content: Span::new(start, i),
                end_with_break: after,
            }
        }
        None => Line {
            content: Span::new(start, bytes.len()),
            end_with_break: bytes.len(),
        },
    }
}

pub(crate) fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str, mode: ParagraphMode) -> Vec<&str> {
        paragraphs(text, mode).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn blank_lines_with_spaces_and_nbsp_separate_paragraphs() {
        let text = "Headline here\n \nFirst para line one\nline two.\n\u{00A0}\n\n\nSecond.";
        assert_eq!(
            collect(text, ParagraphMode::BlankLine),
            ["Headline here", "First para line one\nline two.", "Second."]
        );
    }

    #[test]
    fn line_mode_handles_crlf_and_lone_cr() {
        let text = "One.\r\nTwo.\rThree.\n\nFour.";
        assert_eq!(collect(text, ParagraphMode::Line), ["One.", "Two.", "Three.", "Four."]);
        assert_eq!(
            collect(text, ParagraphMode::BlankLine),
            ["One.\r\nTwo.\rThree.", "Four."]
        );
    }

    #[test]
    fn empty_and_whitespace_only_text_has_no_paragraphs() {
        assert!(collect("", ParagraphMode::BlankLine).is_empty());
        assert!(collect(" \n\t\n ", ParagraphMode::Line).is_empty());
    }
}
