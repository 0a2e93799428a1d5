//! Which sections of an [`Analysis`](crate::Analysis) a pipeline fills.

use std::fmt;
use std::ops::BitOr;
use std::str::FromStr;

/// A set of [`Analysis`](crate::Analysis) sections: quotes, entities,
/// topics, claims. A [`Pipeline`](crate::Pipeline) fills only the sections
/// it is given and skips the stages that feed none of them; the others stay
/// empty. What a section holds does not depend on which others are on
/// (claims still get their claimants and topics when quotes and topics are
/// off).
///
/// ```
/// use lede::Sections;
///
/// let wanted: Sections = "quotes,entities".parse().unwrap();
/// assert_eq!(wanted, Sections::QUOTES | Sections::ENTITIES);
/// assert!(wanted.contains(Sections::QUOTES) && !wanted.contains(Sections::TOPICS));
/// assert_eq!(wanted.to_string(), "quotes,entities");
/// assert!("quotes,sentiment".parse::<Sections>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sections(u8);

/// The section names, in output order, with their bits.
const NAMES: [(&str, Sections); 4] = [
    ("quotes", Sections::QUOTES),
    ("entities", Sections::ENTITIES),
    ("topics", Sections::TOPICS),
    ("claims", Sections::CLAIMS),
];

impl Sections {
    /// Who said what.
    pub const QUOTES: Sections = Sections(1);
    /// Known people, countries and organisations.
    pub const ENTITIES: Sections = Sections(2);
    /// Topics with evidence.
    pub const TOPICS: Sections = Sections(4);
    /// Attributed and reported claims.
    pub const CLAIMS: Sections = Sections(8);
    /// Every section (the default).
    pub const ALL: Sections = Sections(15);
    /// No section: the pipeline only cleans.
    pub const NONE: Sections = Sections(0);

    /// Whether every section of `other` is in `self`.
    pub fn contains(self, other: Sections) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any section of `other` is in `self`.
    pub fn intersects(self, other: Sections) -> bool {
        self.0 & other.0 != 0
    }
}

impl Default for Sections {
    fn default() -> Sections {
        Sections::ALL
    }
}

impl BitOr for Sections {
    type Output = Sections;

    fn bitor(self, other: Sections) -> Sections {
        Sections(self.0 | other.0)
    }
}

/// A section name that is none of `quotes`, `entities`, `topics`, `claims`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown section `{name}` (expected quotes, entities, topics or claims)")]
pub struct UnknownSection {
    /// The name as given.
    pub name: String,
}

impl FromStr for Sections {
    type Err = UnknownSection;

    /// Parses a comma-separated list of section names; surrounding spaces
    /// and empty items are ignored, so `""` is [`Sections::NONE`].
    fn from_str(list: &str) -> Result<Sections, UnknownSection> {
        list.split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .try_fold(Sections::NONE, |set, name| {
                NAMES
                    .iter()
                    .find(|(known, _)| known.eq_ignore_ascii_case(name))
                    .map(|&(_, section)| set | section)
                    .ok_or_else(|| UnknownSection { name: name.to_string() })
            })
    }
}

impl fmt::Display for Sections {
    /// The comma-separated names, in output order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (name, section) in NAMES {
            if self.contains(section) {
                if !first {
                    f.write_str(",")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        Ok(())
    }
}
