//! Who said what in news text: direct, mixed and indirect quotes with
//! resolved speakers.
//!
//! Work in progress: today this crate finds quotations by their marks
//! ([`quotations`]): straight, curly, low-high and angle marks, nested
//! quotes and quotes continued over paragraphs, with apostrophes, inch marks
//! and stray marks told apart, in one linear pass. Cue words, speakers and
//! attribution follow.
//!
//! ```
//! use lede_quotes::quotations;
//!
//! let text = "'Could get offended': Putin's aide said the talks \"went well.\"";
//! let found: Vec<&str> = quotations(text).iter().map(|q| q.content.slice(text)).collect();
//! assert_eq!(found, ["Could get offended", "went well."]);
//! ```

#![deny(missing_docs)]

mod marks;

pub use marks::{is_quote_mark, quotations, quotations_with_mode, MarkStyle, Quotation, MAX_DEPTH};
