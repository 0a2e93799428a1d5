//! Half-open byte ranges into a text.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of UTF-8 byte offsets into a text.
///
/// Every span lede produces lies on char boundaries of the text it was
/// computed on, so `span.slice(text)` never panics for that text. Spans order
/// by start, then by end, which is document order.
///
/// ```
/// use lede_text::Span;
///
/// let text = "Ushakov stated, \"Russia wants peace.\"";
/// let name = Span::new(0, 7);
/// assert_eq!(name.slice(text), "Ushakov");
/// assert!(Span::new(0, 15).contains(name));
/// assert_eq!(name.len(), 7);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`,
    /// so a span is never inverted.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }

    /// An empty span at `offset`.
    #[inline]
    pub const fn empty(offset: usize) -> Span {
        Span {
            start: offset,
            end: offset,
        }
    }

    /// Number of bytes covered.
    #[inline]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is out of bounds or not on char boundaries of `text`; use
    /// [`Span::get`] for spans of unknown origin.
    #[inline]
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The text this span covers, or `None` if it is out of bounds or not on
    /// char boundaries of `text`.
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// True when the span lies inside `text` on char boundaries.
    #[inline]
    pub fn is_valid_for(self, text: &str) -> bool {
        self.get(text).is_some()
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when byte `offset` lies inside the span.
    #[inline]
    pub const fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The bytes both spans cover, if any.
    #[inline]
    pub fn intersection(self, other: Span) -> Option<Span> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Span { start, end })
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The span moved right by `delta` bytes, for spans computed on a slice
    /// that starts at `delta` in a larger text.
    #[inline]
    pub const fn offset_by(self, delta: usize) -> Span {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The span shrunk so it neither starts nor ends with whitespace of `text`.
    pub fn trim(self, text: &str) -> Span {
        let inner = self.slice(text);
        let trimmed_start = inner.trim_start();
        let start = self.start + (inner.len() - trimmed_start.len());
        let end = start + trimmed_start.trim_end().len();
        Span { start, end }
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// Whether `spans` lie inside `text` on char boundaries, each ending at or
/// before the next one starts: the shape of a split such as
/// [`sentences`](crate::sentences), which a stage handed spans split
/// elsewhere checks before relying on them.
///
/// ```
/// use lede_text::{sentences, spans_in_order, Span};
///
/// let text = "Talks resumed. Both sides attended.";
/// let split: Vec<Span> = sentences(text).collect();
/// assert!(spans_in_order(&split, text));
/// assert!(!spans_in_order(&[Span::new(15, 35), Span::new(0, 14)], text));
/// assert!(!spans_in_order(&[Span::new(0, 99)], text));
/// ```
pub fn spans_in_order(spans: &[Span], text: &str) -> bool {
    spans.iter().all(|s| s.is_valid_for(text)) && spans.windows(2).all(|w| w[0].end <= w[1].start)
}

/// The serialized form, checked on the way in so no inverted span exists.
#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = String;

    fn try_from(raw: RawSpan) -> Result<Span, String> {
        if raw.end < raw.start {
            return Err(format!("span end {} is before its start {}", raw.end, raw.start));
        }
        Ok(Span {
            start: raw.start,
            end: raw.end,
        })
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_input_becomes_empty() {
        assert_eq!(Span::new(5, 2), Span::empty(5));
    }

    #[test]
    fn overlap_and_intersection() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        let c = Span::new(10, 12);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(c), "touching spans do not overlap");
        assert_eq!(a.intersection(b), Some(Span::new(5, 10)));
        assert_eq!(a.intersection(c), None);
        assert_eq!(a.cover(c), Span::new(0, 12));
    }

    #[test]
    fn order_is_document_order() {
        let mut spans = vec![Span::new(4, 9), Span::new(0, 3), Span::new(4, 6)];
        spans.sort();
        assert_eq!(spans, vec![Span::new(0, 3), Span::new(4, 6), Span::new(4, 9)]);
    }

    #[test]
    fn trim_and_get_respect_char_boundaries() {
        let text = "  «Kyiv»  ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.slice(text), "«Kyiv»");
        assert_eq!(Span::new(3, 4).get(text), None, "inside the two-byte «");
        assert!(!Span::new(0, 99).is_valid_for(text));
    }

    #[test]
    fn serde_round_trip() {
        let span = Span::new(3, 8);
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(json, r#"{"start":3,"end":8}"#);
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), span);
        let inverted = serde_json::from_str::<Span>(r#"{"start":8,"end":3}"#);
        assert!(inverted.unwrap_err().to_string().contains("before its start"));
    }
}
