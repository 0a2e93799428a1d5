//! The error type of lede-clean.

use thiserror::Error;

/// What can go wrong when building a [`Cleaner`](crate::Cleaner). Cleaning
/// itself never fails.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CleanError {
    /// A regex the user added does not compile.
    #[error("invalid user regex {regex:?}: {reason}")]
    UserRegex {
        /// The regex as given.
        regex: String,
        /// What the regex parser said.
        reason: String,
    },
    /// A family rules file is malformed (line 0: the rule set as a whole).
    #[error("boilerplate rules, line {line}: {reason}")]
    Rules {
        /// 1-based line in the rules data.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}
