//! The boilerplate families: what kind of residue a removal was.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A named family of boilerplate. Every removal the cleaner makes names one,
/// so a user can audit each deletion and switch whole families off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Family {
    /// Markers left where an ad slot was: "Advertisement", "Sponsored content".
    Advertising,
    /// Related-content teasers: "Read also| ...", "READ MORE:", "Related:",
    /// blocks of teaser headlines, and the run of short headline lines after
    /// the body.
    Related,
    /// Media and embed markers: "(Watch Video)", "WATCH:", "Listen to this
    /// article", gallery counters, durations.
    Media,
    /// Share and follow prompts: "Share this article", "Facebook Twitter Email".
    Share,
    /// Subscription, newsletter, paywall and app prompts.
    Subscription,
    /// Photo credits and captions: "(Photo: AFP)", "Image: Reuters", "File photo".
    Photo,
    /// Bylines, author boxes and timestamps: "By Jane Smith", "Updated: ...".
    Byline,
    /// Credit lines: "Reporting by ...; Editing by ...".
    Credit,
    /// Comment-section markers; the article ends there.
    Comments,
    /// Copyright, legal and cookie notices; a copyright line ends the article.
    Legal,
    /// Navigation and interface crumbs: "Skip to content", "Home > World".
    Navigation,
    /// Markup residue: stray tags, shortcodes, link references, bare URLs.
    Markup,
    /// A paragraph that repeats an earlier one (a repeated lead or teaser).
    Duplicate,
    /// A line matched by a phrase or regex the user added.
    User,
    /// A paragraph removed by the opt-in aggressive mode (short, few
    /// stopwords: page furniture rather than prose).
    LowDensity,
}

impl Family {
    /// Every family, in declaration order.
    pub const ALL: [Family; 15] = [
        Family::Advertising,
        Family::Related,
        Family::Media,
        Family::Share,
        Family::Subscription,
        Family::Photo,
        Family::Byline,
        Family::Credit,
        Family::Comments,
        Family::Legal,
        Family::Navigation,
        Family::Markup,
        Family::Duplicate,
        Family::User,
        Family::LowDensity,
    ];

    /// The family's name as used in data files, JSON and `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Family::Advertising => "advertising",
            Family::Related => "related",
            Family::Media => "media",
            Family::Share => "share",
            Family::Subscription => "subscription",
            Family::Photo => "photo",
            Family::Byline => "byline",
            Family::Credit => "credit",
            Family::Comments => "comments",
            Family::Legal => "legal",
            Family::Navigation => "navigation",
            Family::Markup => "markup",
            Family::Duplicate => "duplicate",
            Family::User => "user",
            Family::LowDensity => "low_density",
        }
    }

    /// The family with this name, if any.
    pub fn from_name(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|family| family.name() == name)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of families, used to switch families on and off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FamilySet(u32);

impl FamilySet {
    /// No family.
    pub const fn empty() -> FamilySet {
        FamilySet(0)
    }

    /// Every family except the opt-in aggressive one.
    pub fn standard() -> FamilySet {
        let mut set = FamilySet::empty();
        for family in Family::ALL {
            if family != Family::LowDensity {
                set.insert(family);
            }
        }
        set
    }

    /// True when `family` is in the set.
    pub fn contains(self, family: Family) -> bool {
        self.0 & family.bit() != 0
    }

    /// Adds `family`.
    pub fn insert(&mut self, family: Family) {
        self.0 |= family.bit();
    }

    /// Removes `family`.
    pub fn remove(&mut self, family: Family) {
        self.0 &= !family.bit();
    }
}

impl Default for FamilySet {
    fn default() -> FamilySet {
        FamilySet::standard()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for family in Family::ALL {
            assert_eq!(Family::from_name(family.name()), Some(family));
        }
        assert_eq!(Family::from_name("nope"), None);
    }

    #[test]
    fn standard_set_leaves_aggressive_mode_off() {
        let set = FamilySet::standard();
        assert!(set.contains(Family::Advertising) && set.contains(Family::Duplicate));
        assert!(!set.contains(Family::LowDensity));
    }
}
