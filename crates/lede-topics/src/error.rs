//! The error type of lede-topics.

use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong when loading or building a [`Taxonomy`](crate::Taxonomy).
/// Tagging itself never fails.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum TopicsError {
    /// A taxonomy file is malformed or inconsistent: the file (or the name a
    /// source was given), the 1-based line, the field concerned and why.
    #[error("{origin}, line {line}, field `{field}`: {reason}")]
    Parse {
        /// The file, or the name given to a taxonomy read from a string.
        origin: String,
        /// 1-based line of the problem (the line of the topic's `[[topic]]`
        /// header when no closer line is known).
        line: usize,
        /// The field concerned: `parent`, `strong`, `regex`, ...
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// A taxonomy file cannot be read.
    #[error("cannot read taxonomy {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The phrases cannot be compiled into one automaton (too many, or too
    /// long for the automaton's limits).
    #[error("cannot compile the taxonomy's phrases: {reason}")]
    Automaton {
        /// What the automaton builder said.
        reason: String,
    },
}
