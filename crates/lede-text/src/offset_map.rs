//! Mapping spans of a rewritten text back to the text it was made from.
//!
//! A transformation (cleaning, normalisation) copies some ranges of the
//! original unchanged, deletes some, inserts new text and replaces others. The
//! [`OffsetMap`] records that as a sorted list of segments of the output, each
//! tied to the range of the original it came from. A lookup is a binary search
//! over segments, so it costs O(log n) in the number of edits, and the map
//! holds one entry per edit, never one per character.

use crate::{Span, TextError};

/// One run of output text and where it came from.
///
/// `exact` runs are byte-for-byte copies of `orig_start..orig_end`, so any
/// offset inside maps exactly. Other runs (insertions and replacements) map as
/// a whole to their original range, which is empty for an insertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    out_start: usize,
    orig_start: usize,
    orig_end: usize,
    exact: bool,
}

/// Maps spans of a transformed text back to the original text.
///
/// Built with an [`OffsetMapBuilder`] or, more conveniently, a [`Rewriter`].
/// Maps of successive transformations combine with [`OffsetMap::then`].
///
/// ```
/// use lede_text::{Rewriter, Span};
///
/// let original = "Advertisement\nPutin said&nbsp;no.";
/// let mut rw = Rewriter::new(original);
/// rw.delete(Span::new(0, 14))?;                  // drop the ad line
/// rw.replace(Span::new(24, 30), " ")?;           // decode the entity
/// let (cleaned, map) = rw.finish();
/// assert_eq!(cleaned, "Putin said no.");
///
/// let said = Span::new(6, 10);                   // "said" in the cleaned text
/// let back = map.map_span(said);
/// assert_eq!(&original[back.range()], "said");
/// # Ok::<(), lede_text::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    out_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// The map of a text left as it is.
    pub fn identity(len: usize) -> OffsetMap {
        let mut builder = OffsetMapBuilder::new();
        builder.keep(len);
        builder.finish()
    }

    /// Length of the transformed text, in bytes.
    pub fn output_len(&self) -> usize {
        self.out_len
    }

    /// Length of the original text, in bytes.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// True when the output is an unchanged copy of the original.
    pub fn is_identity(&self) -> bool {
        self.out_len == self.orig_len
            && match self.segments.as_slice() {
                [] => true,
                [only] => only.exact && only.orig_start == 0,
                _ => false,
            }
    }

    /// Number of recorded segments (kept runs, insertions and replacements).
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// The smallest span of the original that covers the content of `span`
    /// in the output. Offsets past the end of the output are clamped to it.
    ///
    /// Text copied unchanged maps exactly; a span touching a replacement
    /// covers the whole replaced original range; a span inside inserted text
    /// maps to the empty span where the insertion happened.
    pub fn map_span(&self, span: Span) -> Span {
        let start = span.start.min(self.out_len);
        let end = span.end.min(self.out_len);
        // Output copied unchanged from the start of the original, as for
        // most articles a cleaner keeps whole or cuts only at the end:
        // offsets map to themselves, without the searches.
        if let [only] = self.segments.as_slice() {
            if only.exact && only.out_start == 0 && only.orig_start == 0 && only.orig_end == self.out_len {
                return if end <= start {
                    Span::empty(start)
                } else {
                    Span::new(start, end)
                };
            }
        }
        let orig_start = self.map_start(start);
        if end <= start {
            return Span::empty(orig_start);
        }
        Span::new(orig_start, self.map_end(end).max(orig_start))
    }

    /// Where output offset `offset` falls in the original, read as the start
    /// of a span (so it lands after any text deleted just before it).
    pub fn map_offset(&self, offset: usize) -> usize {
        self.map_start(offset.min(self.out_len))
    }

    fn map_start(&self, offset: usize) -> usize {
        let Some(index) = self.segments.partition_point(|s| s.out_start <= offset).checked_sub(1) else {
            return 0;
        };
        let segment = self.segments[index];
        if offset == self.out_len {
            return self.orig_end_of(index);
        }
        if segment.exact {
            segment.orig_start + (offset - segment.out_start)
        } else {
            segment.orig_start
        }
    }

    fn map_end(&self, offset: usize) -> usize {
        let Some(index) = self.segments.partition_point(|s| s.out_start < offset).checked_sub(1) else {
            return self.map_start(offset);
        };
        let segment = self.segments[index];
        if segment.exact {
            segment.orig_start + (offset - segment.out_start)
        } else {
            segment.orig_end
        }
    }

    fn orig_end_of(&self, index: usize) -> usize {
        self.segments[index].orig_end
    }

    fn out_end_of(&self, index: usize) -> usize {
        self.segments.get(index + 1).map_or(self.out_len, |next| next.out_start)
    }

    /// The map of applying `self` and then `next`: it maps spans of `next`'s
    /// output straight back to `self`'s original.
    ///
    /// `next` must have been built over `self`'s output; if the lengths
    /// disagree, offsets are clamped rather than trusted.
    ///
    /// ```
    /// use lede_text::{Rewriter, Span};
    ///
    /// let original = "Kyiv  said\u{00AD}  yes";
    /// let mut first = Rewriter::new(original);
    /// first.delete(Span::new(10, 12))?;          // soft hyphen
    /// let (step1, map1) = first.finish();
    /// let mut second = Rewriter::new(&step1);
    /// second.replace(Span::new(4, 6), " ")?;     // squeeze spaces
    /// let (step2, map2) = second.finish();
    /// assert_eq!(step2, "Kyiv said  yes");
    ///
    /// let map = map1.then(&map2);
    /// let yes = map.map_span(Span::new(11, 14));
    /// assert_eq!(&original[yes.range()], "yes");
    /// # Ok::<(), lede_text::TextError>(())
    /// ```
    pub fn then(&self, next: &OffsetMap) -> OffsetMap {
        let mut builder = OffsetMapBuilder::new();
        for (index, segment) in next.segments.iter().enumerate() {
            let out_len = next.out_end_of(index) - segment.out_start;
            let mid = Span::new(segment.orig_start.min(self.out_len), segment.orig_end.min(self.out_len));
            if !segment.exact || mid.len() != out_len {
                let orig = self.map_span(mid);
                builder.push(out_len, orig, false);
                continue;
            }
            // An exact run of `next` may cross several runs of `self`: split it
            // so each piece keeps the precision of the run it lands in.
            let mut index = self
                .segments
                .partition_point(|s| s.out_start <= mid.start)
                .saturating_sub(1);
            let mut at = mid.start;
            while at < mid.end && index < self.segments.len() {
                let inner = self.segments[index];
                let piece_end = self.out_end_of(index).min(mid.end);
                if piece_end > at {
                    let orig = if inner.exact {
                        let start = inner.orig_start + (at - inner.out_start);
                        Span::new(start, start + (piece_end - at))
                    } else {
                        Span::new(inner.orig_start, inner.orig_end)
                    };
                    builder.push(piece_end - at, orig, inner.exact);
                    at = piece_end;
                }
                index += 1;
            }
        }
        let mut map = builder.finish();
        map.orig_len = self.orig_len;
        map
    }
}

/// Records a transformation run by run, in output order.
///
/// Each call describes the next piece of output: `keep` copies original bytes,
/// `delete` skips them, `insert` adds new bytes, `replace` swaps one for the
/// other. Most users want [`Rewriter`], which also builds the output string.
#[derive(Clone, Debug, Default)]
pub struct OffsetMapBuilder {
    segments: Vec<Segment>,
    out_pos: usize,
    orig_pos: usize,
}

impl OffsetMapBuilder {
    /// An empty builder at the start of both texts.
    pub fn new() -> OffsetMapBuilder {
        OffsetMapBuilder::default()
    }

    /// The next `len` bytes of the original are copied unchanged.
    pub fn keep(&mut self, len: usize) {
        let orig = Span::new(self.orig_pos, self.orig_pos + len);
        self.push(len, orig, true);
    }

    /// The next `len` bytes of the original are dropped.
    pub fn delete(&mut self, len: usize) {
        self.orig_pos += len;
    }

    /// `len` new bytes are added to the output here.
    pub fn insert(&mut self, len: usize) {
        let orig = Span::empty(self.orig_pos);
        self.push(len, orig, false);
    }

    /// The next `orig_len` bytes of the original become `out_len` new bytes.
    pub fn replace(&mut self, orig_len: usize, out_len: usize) {
        let orig = Span::new(self.orig_pos, self.orig_pos + orig_len);
        self.push(out_len, orig, false);
    }

    /// Appends an output run of `out_len` bytes that came from `orig`.
    fn push(&mut self, out_len: usize, orig: Span, exact: bool) {
        self.orig_pos = self.orig_pos.max(orig.end);
        if out_len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if exact && last.exact && last.orig_end == orig.start {
                last.orig_end = orig.end;
                self.out_pos += out_len;
                return;
            }
        }
        self.segments.push(Segment {
            out_start: self.out_pos,
            orig_start: orig.start,
            orig_end: orig.end,
            exact,
        });
        self.out_pos += out_len;
    }

    /// The finished map.
    pub fn finish(self) -> OffsetMap {
        OffsetMap {
            segments: self.segments,
            out_len: self.out_pos,
            orig_len: self.orig_pos,
        }
    }
}

/// Builds a rewritten string and its [`OffsetMap`] together.
///
/// Edits are given as spans of the original, in increasing order; the text
/// between edits is copied. Edits must lie on char boundaries and must not
/// overlap an earlier edit: both are reported as [`TextError`]s, and a failed
/// edit changes nothing.
#[derive(Debug)]
pub struct Rewriter<'a> {
    original: &'a str,
    output: String,
    builder: OffsetMapBuilder,
    pos: usize,
}

impl<'a> Rewriter<'a> {
    /// A rewriter over `original`, with nothing written yet.
    pub fn new(original: &'a str) -> Rewriter<'a> {
        Rewriter {
            original,
            output: String::with_capacity(original.len()),
            builder: OffsetMapBuilder::new(),
            pos: 0,
        }
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The output written so far.
    pub fn output(&self) -> &str {
        &self.output
    }

    /// How far into the original the rewriter has got.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn check(&self, span: Span) -> Result<(), TextError> {
        if span.start < self.pos {
            return Err(TextError::EditOutOfOrder {
                start: span.start,
                position: self.pos,
            });
        }
        if !span.is_valid_for(self.original) {
            return Err(TextError::NotCharBoundary {
                start: span.start,
                end: span.end,
                len: self.original.len(),
            });
        }
        Ok(())
    }

    /// Copies the original unchanged up to byte `end`.
    pub fn copy_to(&mut self, end: usize) -> Result<(), TextError> {
        self.check(Span::new(self.pos, end))?;
        if end > self.pos {
            self.output.push_str(&self.original[self.pos..end]);
            self.builder.keep(end - self.pos);
            self.pos = end;
        }
        Ok(())
    }

    /// Replaces `span` of the original with `with` (copying what lies before it).
    pub fn replace(&mut self, span: Span, with: &str) -> Result<(), TextError> {
        self.check(span)?;
        self.copy_to(span.start)?;
        if with == span.slice(self.original) {
            return self.copy_to(span.end);
        }
        self.output.push_str(with);
        self.builder.replace(span.len(), with.len());
        self.pos = span.end;
        Ok(())
    }

    /// Drops `span` of the original (copying what lies before it).
    pub fn delete(&mut self, span: Span) -> Result<(), TextError> {
        self.replace(span, "")
    }

    /// Inserts `text` at the current position of the original.
    pub fn insert(&mut self, text: &str) {
        self.output.push_str(text);
        self.builder.insert(text.len());
    }

    /// Copies the rest of the original and returns the output with its map.
    pub fn finish(mut self) -> (String, OffsetMap) {
        let rest = &self.original[self.pos..];
        self.output.push_str(rest);
        self.builder.keep(rest.len());
        (self.output, self.builder.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_from_the_start_maps_as_its_segment_says() {
        // `map_span`'s shortcut for one exact segment against the segment
        // search, on every span, inverted and out of range ones included.
        let mut builder = OffsetMapBuilder::new();
        builder.keep(6);
        let map = builder.finish();
        for start in 0..=8 {
            for end in 0..=8 {
                let (s, e) = (start.min(6), end.min(6));
                let searched = if e <= s {
                    Span::empty(map.map_start(s))
                } else {
                    Span::new(map.map_start(s), map.map_end(e).max(map.map_start(s)))
                };
                assert_eq!(map.map_span(Span { start, end }), searched, "{start}..{end}");
            }
        }
    }

    #[test]
    fn identity_maps_every_span_to_itself() {
        let map = OffsetMap::identity(20);
        assert!(map.is_identity());
        for (start, end) in [(0, 0), (0, 20), (3, 9), (20, 20)] {
            assert_eq!(map.map_span(Span::new(start, end)), Span::new(start, end));
        }
    }

    #[test]
    fn deletion_is_skipped_not_covered() {
        let original = "Read also| Teaser\nPutin spoke.";
        let mut rw = Rewriter::new(original);
        rw.delete(Span::new(0, 18)).unwrap();
        let (out, map) = rw.finish();
        assert_eq!(out, "Putin spoke.");
        assert_eq!(map.map_span(Span::new(0, 5)).slice(original), "Putin");
        assert_eq!(map.map_span(Span::new(0, out.len())).slice(original), "Putin spoke.");
    }

    #[test]
    fn replacement_maps_to_whole_original_range() {
        let original = "Putin&#8217;s call";
        let mut rw = Rewriter::new(original);
        rw.replace(Span::new(5, 12), "\u{2019}").unwrap();
        let (out, map) = rw.finish();
        assert_eq!(out, "Putin\u{2019}s call");
        // The apostrophe alone, and a span that ends inside it, cover the entity.
        assert_eq!(map.map_span(Span::new(5, 8)).slice(original), "&#8217;");
        assert_eq!(map.map_span(Span::new(0, 9)).slice(original), "Putin&#8217;s");
        assert_eq!(map.map_span(Span::new(10, 14)).slice(original), "call");
    }

    #[test]
    fn insertion_maps_to_empty_span_at_its_place() {
        let original = "KYIV-Ukraine";
        let mut rw = Rewriter::new(original);
        rw.copy_to(4).unwrap();
        rw.insert(" ");
        let (out, map) = rw.finish();
        assert_eq!(out, "KYIV -Ukraine");
        assert_eq!(map.map_span(Span::new(4, 5)), Span::empty(4));
        assert_eq!(map.map_span(Span::new(0, 6)).slice(original), "KYIV-");
    }

    #[test]
    fn bad_edits_are_errors_and_change_nothing() {
        let original = "Zelensky – Kyiv";
        let mut rw = Rewriter::new(original);
        rw.copy_to(9).unwrap();
        assert!(matches!(
            rw.delete(Span::new(3, 5)),
            Err(TextError::EditOutOfOrder { .. })
        ));
        assert!(matches!(
            rw.delete(Span::new(10, 11)),
            Err(TextError::NotCharBoundary { .. })
        ));
        assert_eq!(rw.output(), "Zelensky ");
        let (out, _) = rw.finish();
        assert_eq!(out, original);
    }

    #[test]
    fn composed_map_reaches_the_first_original() {
        let original = "A\u{00A0}&amp;\u{00A0}B said";
        let mut first = Rewriter::new(original);
        first.replace(Span::new(3, 8), "&").unwrap();
        let (step1, map1) = first.finish();
        assert_eq!(step1, "A\u{00A0}&\u{00A0}B said");
        let mut second = Rewriter::new(&step1);
        second.replace(Span::new(1, 3), " ").unwrap();
        second.replace(Span::new(4, 6), " ").unwrap();
        let (step2, map2) = second.finish();
        assert_eq!(step2, "A & B said");
        let map = map1.then(&map2);
        assert_eq!(map.map_span(Span::new(2, 3)).slice(original), "&amp;");
        assert_eq!(map.map_span(Span::new(6, 10)).slice(original), "said");
        assert_eq!(map.map_span(Span::new(0, 10)).slice(original), original);
        assert_eq!(map.original_len(), original.len());
    }
}
