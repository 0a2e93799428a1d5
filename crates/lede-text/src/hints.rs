//! Name hints: what an earlier stage (a gazetteer, a user's own list) knows
//! about the names in a text, handed to later stages as plain data so those
//! stages never depend on the stage that found them.

use crate::Span;

/// What kind of thing a [`NameHint`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameKind {
    /// A person: "Vladimir Putin", "Ushakov".
    Person,
    /// A company, party, agency or international organisation: "NATO".
    Organization,
    /// A government body that speaks for a state: "the Kremlin", "the Pentagon".
    GovernmentBody,
    /// A country or territory, also by demonym or capital: "Russia", "Moscow".
    Country,
    /// Any other place: "the Middle East", "Crimea".
    Location,
    /// Anything else a gazetteer knows (events, treaties, ...).
    Other,
}

/// One mention of a known name in a text.
///
/// `span` is where the mention stands in the text the hint is given with;
/// `name` is the canonical (or fullest) name and `id` a stable identifier
/// such as a Wikidata QID, when known.
///
/// ```
/// use lede_text::{NameHint, NameKind, Span};
///
/// let text = "Putin spoke to reporters.";
/// let hint = NameHint {
///     span: Span::new(0, 5),
///     name: "Vladimir Putin",
///     id: Some("Q7747"),
///     kind: NameKind::Person,
///     role: Some("President of Russia"),
/// };
/// assert_eq!(hint.span.slice(text), "Putin");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameHint<'a> {
    /// Where the mention stands.
    pub span: Span,
    /// The canonical or fullest name of what is mentioned.
    pub name: &'a str,
    /// A stable identifier, when known.
    pub id: Option<&'a str>,
    /// What kind of thing it is.
    pub kind: NameKind,
    /// A role or office, when known ("President of Russia").
    pub role: Option<&'a str>,
}
