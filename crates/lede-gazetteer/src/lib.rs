//! Known people, countries and organisations in news text, with canonical
//! ids.
//!
//! A [`Gazetteer`] holds entities (id, type, canonical name, aliases,
//! typed attributes) and one Aho-Corasick automaton over all their
//! aliases. [`Gazetteer::find`] reads a document and returns its
//! [`DocEntities`]: every mention with its span, the entity it names, the
//! alias that matched, how it matched ([`MatchKind`]) and why it was
//! accepted ([`Reason`]); the people the document introduces by role who
//! are not in the gazetteer; and the rejected candidates with why.
//!
//! ```
//! use lede_gazetteer::{Gazetteer, MatchKind};
//!
//! let text = "Russian President Vladimir Putin told U.S. President Donald Trump that Moscow \
//!             would not retreat, Kremlin adviser Yuri Ushakov said. Ushakov added that \
//!             NATO's expansion and the Middle East were discussed.";
//! let gazetteer = Gazetteer::default();
//! let found = gazetteer.find(text);
//! let ids: Vec<&str> = found.entities().iter().map(|e| e.id).collect();
//! assert_eq!(ids, ["country:RUS", "Q7747", "country:USA", "Q22686", "city:moscow",
//!                  "gov:kremlin", "person:yuri-ushakov", "Q7184", "Q7204"]);
//! let moscow = found.mentions().iter().find(|m| m.text(text) == "Moscow").unwrap();
//! assert_eq!(moscow.how, MatchKind::Metonym);
//! // The plain input quote attribution takes.
//! let hints = found.hints();
//! assert!(hints.iter().any(|h| h.span.slice(text) == "Ushakov" && h.role == Some("Kremlin adviser")));
//! ```
//!
//! The default gazetteer ([`Gazetteer::default`]) is embedded in the crate
//! and built on first use: every ISO 3166-1 country and territory with
//! demonyms and capitals, government bodies, international organisations,
//! regions and several hundred officials with Wikidata QIDs where known,
//! facts as of mid-2025. Load your own TSV or JSON files with
//! [`Gazetteer::builder`], merged with the default or instead of it; the
//! formats are in the crate README.
//!
//! Matching follows rules that can be read and explained:
//! - Aliases match at word boundaries, also before a possessive
//!   ("Russia's") or in a hyphenated compound ("Russian-backed").
//! - Acronyms and short aliases match only as written ("US" never matches
//!   "us"); names also match in ALL CAPS headlines.
//! - Aliases that are also common words or other things ("May", "Chad",
//!   "Jordan", "Georgia", "Trump card") follow `data/ambiguous.tsv`: some
//!   need the document to confirm them, others count unless a pattern
//!   rules them out; [`DocEntities::rejected`] says which and why.
//! - A capitalised name after a role word ("Kremlin adviser Yuri
//!   Ushakov") is a person, with a document-local id if the gazetteer does
//!   not know them; their later bare surname links to them.
//!
//! It does not resolve pronouns (quote attribution does), does not
//! disambiguate two people with the same full name, and knows only the
//! offices of its data (an office holder changes: update the data or load
//! your own file).

#![deny(missing_docs)]

mod entity;
mod error;
mod finder;
mod gazetteer;
mod lexicon;
mod load;
mod matcher;
mod mention;
mod scan;

pub use entity::{Alias, AliasKind, Attributes, Entity, EntityKind, Role};
pub use error::{AliasConflict, GazetteerError};
pub use gazetteer::{Gazetteer, GazetteerBuilder};
pub use mention::{DocEntities, FoundEntity, LocalPerson, MatchKind, Mention, Reason, Referent, Rejected, Rejection};

/// The README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
