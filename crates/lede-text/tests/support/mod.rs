//! Helpers shared by the integration tests.

use lede_text::Span;
use unicode_segmentation::UnicodeSegmentation;

/// UAX #29 word segmentation as `words` reports it: the segments with a
/// letter or digit. The reference the fast paths of `words` are held to.
pub fn uax29_words(text: &str) -> Vec<Span> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| Span::new(i, i + w.len()))
        .collect()
}
