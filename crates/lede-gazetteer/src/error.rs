//! What can go wrong while building a gazetteer.

use std::path::PathBuf;
use std::sync::Arc;

/// An error building a [`Gazetteer`](crate::Gazetteer): a file that cannot
/// be read or parsed, a duplicate id, an alias claimed by two entities.
///
/// Every variant names where the problem is: the file (or `<default>` for
/// the embedded data, `<memory>` for text given directly), and the line.
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: Arc<std::io::Error>,
    },
    /// A record is malformed.
    #[error("{path}:{line}: field `{field}`: {reason}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The 1-based line the record starts on.
        line: usize,
        /// The field at fault ("type", "aliases", "attributes", ...).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Two records share an id.
    #[error("{path}:{line}: duplicate id `{id}`, first defined at {first}")]
    DuplicateId {
        /// The file of the second record.
        path: PathBuf,
        /// Its line.
        line: usize,
        /// The id.
        id: String,
        /// Where the first record is (`file:line`).
        first: String,
    },
    /// An alias names two different entities.
    #[error(
        "{}:{}: alias `{}` of `{}` is already an alias of `{}` ({})",
        .0.path.display(), .0.line, .0.alias, .0.id, .0.other, .0.first
    )]
    ConflictingAlias(Box<AliasConflict>),
    /// A file whose format cannot be told from its name.
    #[error("{path}: unknown gazetteer format (expected a .tsv, .json or .jsonl file)")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The matching automaton could not be built (too many or too long aliases).
    #[error("cannot build the alias matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

/// Where and how an alias clashes: see [`GazetteerError::ConflictingAlias`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasConflict {
    /// The file of the second record.
    pub path: PathBuf,
    /// Its line.
    pub line: usize,
    /// The alias.
    pub alias: String,
    /// The entity of the second record.
    pub id: String,
    /// The entity that already has the alias.
    pub other: String,
    /// Where that entity is defined (`file:line`).
    pub first: String,
}
