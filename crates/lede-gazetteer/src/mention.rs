//! What matching a document produces: mentions, the entities they name,
//! the decisions behind them, and name hints for later stages.

use std::fmt;

use lede_text::{NameHint, NameKind, Span};
use serde::Serialize;

use crate::entity::{Entity, EntityKind};
use crate::gazetteer::Gazetteer;

/// How a mention matched its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchKind {
    /// The canonical name: "Vladimir Putin", "Russia"; or the full name of
    /// a person found in the document ("Kremlin adviser Yuri Ushakov").
    Name,
    /// Another name: "Russian Federation", "U.S.".
    Alias,
    /// A surname: "Putin", or "Ushakov" after "Yuri Ushakov".
    Surname,
    /// A demonym or adjectival: "Russian", "Russian-backed".
    Demonym,
    /// A name standing for something associated: a capital for its
    /// government ("Moscow criticized").
    Metonym,
    /// An office: "the Russian president" for the holder.
    Title,
}

/// Why a mention was accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason<'a> {
    /// The alias names one thing only.
    Unambiguous,
    /// An ambiguous alias ("Georgia") that the document confirms by naming
    /// the same entity unambiguously at this span ("Tbilisi", "Georgian").
    SameEntity(Span),
    /// An ambiguous alias that a cue word in the document confirms.
    Cue(&'a str),
    /// An ambiguous alias that counts unless ruled out ("Trump"), and
    /// nothing rules it out.
    NotRuledOut,
    /// A surname or family name linked to the full name at this span.
    LinkedTo(Span),
    /// A person named after a role or title word ("Kremlin adviser").
    Role,
    /// An office after its country ("Russian president").
    Office,
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Unambiguous => write!(f, "unambiguous alias"),
            Reason::SameEntity(span) => write!(f, "the document names the same entity at {span:?}"),
            Reason::Cue(cue) => write!(f, "context word {cue:?} in the document"),
            Reason::NotRuledOut => write!(f, "nothing around it rules it out"),
            Reason::LinkedTo(span) => write!(f, "linked to the full name at {span:?}"),
            Reason::Role => write!(f, "a name after a role word"),
            Reason::Office => write!(f, "an office of a country"),
        }
    }
}

/// Why a candidate mention was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection<'a> {
    /// An ambiguous alias ("May", "Chad") the document does not confirm.
    NoContext {
        /// Why the alias is ambiguous.
        ambiguity: &'a str,
    },
    /// A pattern around the mention rules it out ("in May", "Trump card").
    Blocked {
        /// The pattern, as written in the ambiguity table.
        pattern: &'a str,
    },
    /// Part of a longer name: "Michael Jordan", "Chad Smith".
    PartOfName(Span),
    /// A short acronym inside ALL-CAPS text ("IS" in "THIS IS").
    AllCapsText,
    /// A surname two people in the document share.
    SharedSurname,
}

impl fmt::Display for Rejection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::NoContext { ambiguity } => {
                write!(f, "ambiguous ({ambiguity}) and not confirmed by the document")
            }
            Rejection::Blocked { pattern } => write!(f, "ruled out by the pattern {pattern:?}"),
            Rejection::PartOfName(span) => write!(f, "part of the longer name at {span:?}"),
            Rejection::AllCapsText => write!(f, "an acronym inside all-caps text"),
            Rejection::SharedSurname => write!(f, "a surname two people in the document share"),
        }
    }
}

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Referent {
    /// An entity of the gazetteer, by index.
    Known(u32),
    /// A person the document introduces, by index into
    /// [`DocEntities::people`].
    Local(u32),
}

/// One mention of an entity in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention<'a> {
    /// Where it stands (without a possessive 's).
    pub span: Span,
    /// What it refers to.
    pub referent: Referent,
    /// The alias that matched, as written in the gazetteer (or the name
    /// the document gave).
    pub alias: &'a str,
    /// How it matched.
    pub how: MatchKind,
    /// Why it was accepted.
    pub reason: Reason<'a>,
}

impl<'a> Mention<'a> {
    /// The mention's text in `text` (the text it was found in).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.get(text).unwrap_or("")
    }
}

/// A candidate the rules turned down, with why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rejected<'a> {
    /// Where it stands.
    pub span: Span,
    /// The entity it would have named.
    pub referent: Referent,
    /// Why not.
    pub reason: Rejection<'a>,
}

/// A person the document introduces who is not in the gazetteer:
/// "Kremlin adviser Yuri Ushakov" in a gazetteer without him.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalPerson<'a> {
    /// A document-local id: "local:yuri-ushakov".
    pub id: String,
    /// The name as the document gives it.
    pub name: &'a str,
    /// The role the document gives: "Kremlin adviser".
    pub role: Option<&'a str>,
}

/// An entity found in a document, with its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundEntity<'d, 'a> {
    /// Its id ("Q7747", "country:RUS", "local:yuri-ushakov").
    pub id: &'d str,
    /// Its canonical or fullest name.
    pub name: &'d str,
    /// What it is.
    pub kind: EntityKind,
    /// The role the document gives, else the gazetteer's.
    pub role: Option<&'d str>,
    /// The gazetteer's record, for known entities.
    pub entity: Option<&'d Entity>,
    /// Its mentions, in document order.
    pub mentions: Vec<&'d Mention<'a>>,
}

/// Everything the gazetteer found in one document.
#[derive(Clone, Debug)]
pub struct DocEntities<'a> {
    pub(crate) gazetteer: &'a Gazetteer,
    pub(crate) mentions: Vec<Mention<'a>>,
    pub(crate) rejected: Vec<Rejected<'a>>,
    pub(crate) people: Vec<LocalPerson<'a>>,
    /// Roles the document gives to gazetteer people, by entity index.
    pub(crate) roles: Vec<(u32, &'a str)>,
    /// The length of the longest mention: only mentions starting less
    /// than this before a span can overlap it.
    pub(crate) longest: usize,
}

impl<'a> DocEntities<'a> {
    /// Every accepted mention, in document order.
    pub fn mentions(&self) -> &[Mention<'a>] {
        &self.mentions
    }

    /// The mentions that overlap `span`, in document order. Mentions are
    /// sorted, so this reads only those near `span`, however many the
    /// document has.
    ///
    /// ```
    /// use lede_gazetteer::Gazetteer;
    /// use lede_text::Span;
    ///
    /// let text = "Talks in Kyiv and Moscow resumed.";
    /// let gazetteer = Gazetteer::default();
    /// let found = gazetteer.find(text);
    /// let near: Vec<&str> = found.overlapping(Span::new(6, 13)).map(|m| &text[m.span.range()]).collect();
    /// assert_eq!(near, ["Kyiv"]);
    /// ```
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Mention<'a>> {
        let first = self
            .mentions
            .partition_point(|m| m.span.start + self.longest <= span.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| span.start < m.span.end)
    }

    /// The candidates the rules turned down, with why.
    pub fn rejected(&self) -> &[Rejected<'a>] {
        &self.rejected
    }

    /// The people the document introduces who are not in the gazetteer.
    pub fn people(&self) -> &[LocalPerson<'a>] {
        &self.people
    }

    /// The id of what a mention refers to.
    pub fn id(&self, mention: &Mention) -> &str {
        self.referent_id(mention.referent)
    }

    fn referent_id(&self, referent: Referent) -> &str {
        match referent {
            Referent::Known(i) => &self.gazetteer.inner.entities[i as usize].id,
            Referent::Local(i) => &self.people[i as usize].id,
        }
    }

    /// The role the document gives a referent, else the gazetteer's.
    pub fn role(&self, referent: Referent) -> Option<&str> {
        match referent {
            Referent::Known(i) => self
                .roles
                .iter()
                .find(|(e, _)| *e == i)
                .map(|(_, r)| *r)
                .or_else(|| self.gazetteer.inner.entities[i as usize].role()),
            Referent::Local(i) => self.people[i as usize].role,
        }
    }

    /// The canonical or fullest name of a referent.
    pub fn name(&self, referent: Referent) -> &str {
        match referent {
            Referent::Known(i) => &self.gazetteer.inner.entities[i as usize].name,
            Referent::Local(i) => self.people[i as usize].name,
        }
    }

    /// What kind of thing a referent is (people the document introduces
    /// are persons).
    pub fn kind(&self, referent: Referent) -> EntityKind {
        match referent {
            Referent::Known(i) => self.gazetteer.inner.entities[i as usize].kind,
            Referent::Local(_) => EntityKind::Person,
        }
    }

    /// The entities found, in order of first mention, each with its
    /// mentions.
    pub fn entities(&self) -> Vec<FoundEntity<'_, 'a>> {
        let mut found: Vec<FoundEntity<'_, 'a>> = Vec::new();
        let mut slot: Vec<(Referent, usize)> = Vec::new();
        for mention in &self.mentions {
            match slot.iter().find(|(r, _)| *r == mention.referent) {
                Some(&(_, i)) => found[i].mentions.push(mention),
                None => {
                    slot.push((mention.referent, found.len()));
                    let referent = mention.referent;
                    found.push(FoundEntity {
                        id: self.referent_id(referent),
                        name: self.name(referent),
                        kind: self.kind(referent),
                        role: self.role(referent),
                        entity: match referent {
                            Referent::Known(i) => Some(&self.gazetteer.inner.entities[i as usize]),
                            Referent::Local(_) => None,
                        },
                        mentions: vec![mention],
                    });
                }
            }
        }
        found
    }

    /// The mentions as name hints, the plain input later stages (quote
    /// attribution) take: one per mention, in document order.
    pub fn hints(&self) -> Vec<NameHint<'_>> {
        self.mentions
            .iter()
            .map(|m| NameHint {
                span: m.span,
                name: self.name(m.referent),
                id: Some(self.referent_id(m.referent)),
                kind: match m.how {
                    // "the Russian president" names a person.
                    MatchKind::Title => NameKind::Person,
                    _ => self.kind(m.referent).name_kind(),
                },
                role: self.role(m.referent),
            })
            .collect()
    }
}
