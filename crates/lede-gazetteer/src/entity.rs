//! The data model: entities, their aliases and attributes.

use std::collections::BTreeMap;

use lede_text::NameKind;
use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person: "Vladimir Putin".
    Person,
    /// A country or territory: "Ukraine", "Greenland".
    Country,
    /// A city, such as a capital that stands for its government: "Moscow".
    City,
    /// Any other place: "Middle East", "Crimea".
    Location,
    /// An organisation, alliance, party or armed group: "NATO", "Hamas".
    Organization,
    /// A body that speaks for a government: "Kremlin", "Pentagon".
    GovernmentBody,
    /// An event: "COP30", "Munich Security Conference".
    Event,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// Every kind, in declaration order.
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::City,
        EntityKind::Location,
        EntityKind::Organization,
        EntityKind::GovernmentBody,
        EntityKind::Event,
        EntityKind::Other,
    ];

    /// The name used in gazetteer files and JSON output: "person",
    /// "government_body", ...
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::City => "city",
            EntityKind::Location => "location",
            EntityKind::Organization => "organization",
            EntityKind::GovernmentBody => "government_body",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }

    /// The kind with this [name](EntityKind::name).
    pub fn from_name(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The [`NameKind`] later stages receive for this kind.
    pub fn name_kind(self) -> NameKind {
        match self {
            EntityKind::Person => NameKind::Person,
            EntityKind::Country => NameKind::Country,
            EntityKind::City | EntityKind::Location => NameKind::Location,
            EntityKind::Organization => NameKind::Organization,
            EntityKind::GovernmentBody => NameKind::GovernmentBody,
            EntityKind::Event | EntityKind::Other => NameKind::Other,
        }
    }
}

/// How an alias names its entity; written as a prefix in gazetteer files
/// (`demonym:Russian`), plain aliases have none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AliasKind {
    /// Another name: "Russian Federation", "U.S.", "Zelensky".
    Alias,
    /// A surname that names the person on its own anywhere in a text:
    /// "Putin". (Any person's family name also links once the full name has
    /// appeared; this is for names known well enough to stand alone.)
    Surname,
    /// A demonym or adjectival: "Russian", "Russians".
    Demonym,
    /// A name that stands for the entity by association: "Moscow" for
    /// Russia's government.
    Metonym,
}

impl AliasKind {
    const PREFIXES: [(&'static str, AliasKind); 4] = [
        ("alias:", AliasKind::Alias),
        ("surname:", AliasKind::Surname),
        ("demonym:", AliasKind::Demonym),
        ("metonym:", AliasKind::Metonym),
    ];

    /// Splits an alias as written in a gazetteer file into its kind and text.
    pub fn parse(written: &str) -> (AliasKind, &str) {
        AliasKind::PREFIXES
            .iter()
            .find_map(|&(prefix, kind)| written.strip_prefix(prefix).map(|text| (kind, text)))
            .unwrap_or((AliasKind::Alias, written))
    }

    /// The prefix that marks this kind in gazetteer files ("" for a plain alias).
    pub fn prefix(self) -> &'static str {
        match self {
            AliasKind::Alias => "",
            AliasKind::Surname => "surname:",
            AliasKind::Demonym => "demonym:",
            AliasKind::Metonym => "metonym:",
        }
    }
}

/// One alias of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Alias {
    /// The alias as it is written in text.
    pub text: String,
    /// How it names the entity.
    pub kind: AliasKind,
}

/// An office a person holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role as a reader would write it: "President of Russia".
    pub title: String,
    /// Office words that, after the country's name or demonym, refer to the
    /// holder: "president" for "the Russian president".
    pub offices: Vec<String>,
    /// The id of the country of the office.
    pub country: Option<String>,
    /// When the person took office (ISO 8601 date), when known.
    pub since: Option<String>,
    /// The date the fact was checked (ISO 8601).
    pub as_of: Option<String>,
}

/// Typed facts about an entity. Keys of gazetteer files that are not
/// fields here are kept in `other`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributes {
    /// ISO 3166-1 alpha-2 code: "RU".
    pub iso2: Option<String>,
    /// ISO 3166-1 alpha-3 code: "RUS".
    pub iso3: Option<String>,
    /// ISO 3166-1 numeric code: "643".
    pub numeric: Option<String>,
    /// The id of the capital city.
    pub capital: Option<String>,
    /// For a capital city, the id of its country.
    pub capital_of: Option<String>,
    /// The id of the country the entity belongs to.
    pub country: Option<String>,
    /// A person's family name as used alone in text ("Li" for Li Qiang);
    /// `None` derives it from the last word of the name, `Some("")` means
    /// the person has none to link ("Mohammed bin Salman").
    pub family_name: Option<String>,
    /// Offices held.
    pub roles: Vec<Role>,
    /// Anything else, by key.
    pub other: BTreeMap<String, String>,
}

/// A known person, place, organisation or event.
///
/// ```
/// use lede_gazetteer::{EntityKind, Gazetteer};
///
/// let gazetteer = Gazetteer::default();
/// let russia = gazetteer.entity("country:RUS").unwrap();
/// assert_eq!((russia.name.as_str(), russia.kind), ("Russia", EntityKind::Country));
/// assert_eq!(russia.attributes.iso2.as_deref(), Some("RU"));
/// assert!(russia.demonyms().any(|d| d == "Russian"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// A stable id: a Wikidata QID ("Q7747") where one is known, otherwise a
    /// readable scheme ("country:RUS", "person:yuri-ushakov").
    pub id: String,
    /// What it is.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other names it goes by.
    pub aliases: Vec<Alias>,
    /// Typed facts.
    pub attributes: Attributes,
    /// Where the facts come from.
    pub source: Option<String>,
}

impl Entity {
    /// The demonyms and adjectivals ("Russian", "Russians").
    pub fn demonyms(&self) -> impl Iterator<Item = &str> {
        self.aliases
            .iter()
            .filter(|a| a.kind == AliasKind::Demonym)
            .map(|a| a.text.as_str())
    }

    /// The first role's title ("President of Russia"), when there is one.
    pub fn role(&self) -> Option<&str> {
        self.attributes.roles.first().map(|r| r.title.as_str())
    }

    /// The family name a bare later mention uses ("Starmer", "Li"), if any.
    pub fn family_name(&self) -> Option<&str> {
        if self.kind != EntityKind::Person {
            return None;
        }
        match self.attributes.family_name.as_deref() {
            Some("") => None,
            Some(name) => Some(name),
            None => self.name.rsplit(' ').next().filter(|last| *last != self.name),
        }
    }
}
