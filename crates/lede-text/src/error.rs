//! The error type of lede-text.

use thiserror::Error;

/// What can go wrong when editing text with a [`Rewriter`](crate::Rewriter).
///
/// Reading text (spans, sentences, words) never fails; only edits that would
/// break the span invariants are refused.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextError {
    /// An edit started before the end of an earlier edit.
    #[error("edit at byte {start} comes before the rewriter's position {position}: edits must be in order and must not overlap")]
    EditOutOfOrder {
        /// Start of the refused edit.
        start: usize,
        /// How far the rewriter had got.
        position: usize,
    },
    /// An edit's bounds are outside the text or inside a UTF-8 character.
    #[error("edit {start}..{end} is outside the text ({len} bytes) or not on char boundaries")]
    NotCharBoundary {
        /// Start of the refused edit.
        start: usize,
        /// End of the refused edit.
        end: usize,
        /// Length of the original text.
        len: usize,
    },
}
