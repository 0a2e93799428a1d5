//! The gazetteer: entities, the alias automaton over them, and the builder
//! that loads and checks them.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use crate::entity::{AliasKind, Entity};
use crate::error::{AliasConflict, GazetteerError};
use crate::lexicon::{self, Ambiguity};
use crate::load::{self, Record};
use crate::matcher::Matcher;
use crate::mention::{DocEntities, MatchKind};
use rustc_hash::FxBuildHasher;

/// The embedded default data, in the TSV format users write.
const DEFAULT_TSV: &str = include_str!("../data/entities.tsv");
const DEFAULT_PATH: &str = "<default>";

/// Built on first use. `with_default()` copies its entities, so the parsed
/// records are not kept a second time.
static DEFAULT: LazyLock<Result<Gazetteer, GazetteerError>> = LazyLock::new(|| {
    Gazetteer::builder()
        .add_tsv(DEFAULT_PATH, DEFAULT_TSV)
        .and_then(GazetteerBuilder::build)
});

/// Known entities and one automaton over all their aliases.
///
/// Built once and shared: a `Gazetteer` is immutable, `Send + Sync`, and
/// cheap to clone (the data sits behind an `Arc`). [`Gazetteer::default`]
/// is the embedded default gazetteer, built on first use.
///
/// ```
/// use lede_gazetteer::{Gazetteer, MatchKind};
///
/// let text = "Kremlin adviser Yuri Ushakov said Russian forces would stay. Ushakov spoke in Kyiv's absence.";
/// let gazetteer = Gazetteer::default();
/// let found = gazetteer.find(text);
/// let ushakov = found.entities().into_iter().find(|e| e.name == "Yuri Ushakov").unwrap();
/// assert_eq!(ushakov.role, Some("Kremlin adviser"));
/// assert_eq!(ushakov.mentions.len(), 2);
/// let russian = found.mentions().iter().find(|m| m.text(text) == "Russian").unwrap();
/// assert_eq!((found.id(russian), russian.how), ("country:RUS", MatchKind::Demonym));
/// ```
#[derive(Clone)]
pub struct Gazetteer {
    pub(crate) inner: Arc<Inner>,
}

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pattern {
    /// The entity, by index.
    pub entity: u32,
    pub how: MatchKind,
    /// An acronym of at most three letters ("US", "IS", "WHO"), which in
    /// an ALL-CAPS line is more likely a word.
    pub short_acronym: bool,
    /// The entity is a capital city (a metonym for its government unless
    /// a locative comes first), kept here so that matching need not look
    /// at the entity.
    pub capital: bool,
    pub ambiguity: Option<&'static Ambiguity>,
}

pub(crate) struct Inner {
    pub entities: Vec<Entity>,
    /// The line of each entity's record in its file, for error messages
    /// when a builder adds the default data again.
    pub lines: Vec<u32>,
    pub by_id: HashMap<String, u32>,
    /// `None` only for the empty fallback of [`Gazetteer::default`].
    pub matcher: Option<Matcher>,
    pub patterns: Vec<Pattern>,
    /// The alias each pattern stands for, as written in the gazetteer (a
    /// pattern may be its ALL-CAPS variant).
    pub pattern_alias: Vec<Box<str>>,
    /// (country, office) to the holder: "the Russian president".
    pub titles: HashMap<(u32, String), u32, FxBuildHasher>,
    /// The longest office phrase, in words.
    pub longest_office: usize,
    /// The first word of every office phrase: most words after a country
    /// ("Russia is") are not one, and are rejected before any phrase is
    /// built. With each, the most words an office starting with it has:
    /// after "the Russian president" no longer phrase is worth building.
    pub office_starts: OfficeStarts,
    /// Whether a byte is the first letter of one of `office_starts`.
    pub office_initials: [bool; 256],
}

/// The first words of office phrases, looked up in any ASCII case, each
/// with the most words of an office starting with it.
#[derive(Default)]
pub(crate) struct OfficeStarts {
    /// Words of up to sixteen bytes, lower-cased, as one number (the
    /// bytes, zero-padded: no word holds a zero byte): one is looked up
    /// for most country mentions, and hashing a number is cheaper than
    /// hashing bytes.
    short: HashMap<u128, usize, FxBuildHasher>,
    long: HashMap<Box<[u8]>, usize, FxBuildHasher>,
}

impl OfficeStarts {
    /// The table of `starts`, in order: of two starts that differ in case
    /// only, the first keeps its count, as a search of the list would find.
    fn new(starts: &[(Box<str>, usize)]) -> OfficeStarts {
        let mut table = OfficeStarts::default();
        for (start, most) in starts {
            match OfficeStarts::short_key(start) {
                Some(key) => table.short.entry(key).or_insert(*most),
                None => table
                    .long
                    .entry(start.to_ascii_lowercase().into_bytes().into())
                    .or_insert(*most),
            };
        }
        table
    }

    /// The key of a word of up to sixteen bytes, lower-cased.
    fn short_key(word: &str) -> Option<u128> {
        let mut buffer = [0u8; 16];
        let lower = buffer.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        Some(u128::from_le_bytes(buffer))
    }

    /// The most words of an office starting with `word` (in any ASCII
    /// case), if one does.
    pub(crate) fn get(&self, word: &str) -> Option<usize> {
        match OfficeStarts::short_key(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(&*word.to_ascii_lowercase().into_bytes()).copied(),
        }
    }
}

impl Default for Gazetteer {
    /// The embedded default gazetteer: every ISO 3166-1 country and
    /// territory, capitals, government bodies, international organisations,
    /// regions and several hundred officials (facts as of mid-2025).
    fn default() -> Gazetteer {
        match &*DEFAULT {
            Ok(gazetteer) => gazetteer.clone(),
            // The embedded data is tested to build, so this is unreachable in
            // practice; an empty gazetteer keeps `default()` infallible.
            Err(_) => empty(),
        }
    }
}

/// A gazetteer with nothing in it, built without the builder's checks
/// (there is nothing to check).
fn empty() -> Gazetteer {
    Gazetteer {
        inner: Arc::new(Inner {
            entities: Vec::new(),
            lines: Vec::new(),
            by_id: HashMap::new(),
            matcher: None,
            patterns: Vec::new(),
            pattern_alias: Vec::new(),
            titles: HashMap::default(),
            longest_office: 0,
            office_starts: OfficeStarts::default(),
            office_initials: [false; 256],
        }),
    }
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.inner.entities.len())
            .field("patterns", &self.inner.patterns.len())
            .finish()
    }
}

impl Gazetteer {
    /// A builder: start from the default data or from nothing, then load
    /// files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// The embedded default gazetteer, or the error its data gave (which
    /// the crate's tests rule out).
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        DEFAULT.clone()
    }

    /// Finds every known entity and every titled person in `text`.
    /// Never fails and never panics, whatever the text.
    pub fn find<'a>(&'a self, text: &'a str) -> DocEntities<'a> {
        crate::finder::find(self, text)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.inner.by_id.get(id).map(|&i| &self.inner.entities[i as usize])
    }

    /// Every entity, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.inner.entities
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.inner.entities.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.inner.entities.is_empty()
    }

    /// The number of patterns (names, aliases and their ALL-CAPS variants)
    /// the matcher searches for.
    pub fn pattern_count(&self) -> usize {
        self.inner.patterns.len()
    }

    /// Approximate heap bytes held: the automaton plus the entity data.
    pub fn heap_bytes(&self) -> usize {
        let strings = |e: &Entity| {
            e.id.len()
                + e.name.len()
                + e.aliases
                    .iter()
                    .map(|a| a.text.len() + size_of::<crate::Alias>())
                    .sum::<usize>()
                + e.attributes.roles.iter().map(|r| r.title.len() + 64).sum::<usize>()
                + e.source.as_ref().map_or(0, String::len)
                + 64
        };
        self.inner.matcher.as_ref().map_or(0, Matcher::memory_usage)
            + self
                .inner
                .entities
                .iter()
                .map(|e| size_of::<Entity>() + strings(e))
                .sum::<usize>()
            + self.inner.patterns.len() * (size_of::<Pattern>() + size_of::<Box<str>>())
            + self.inner.pattern_alias.iter().map(|t| t.len()).sum::<usize>()
            + self.inner.by_id.len() * 40
            + self.inner.titles.len() * 48
    }
}

/// Where a record came from, for error messages.
#[derive(Clone, Debug)]
struct Origin {
    path: Arc<Path>,
    line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// Configures and builds a [`Gazetteer`].
///
/// ```no_run
/// use lede_gazetteer::Gazetteer;
///
/// # fn main() -> Result<(), lede_gazetteer::GazetteerError> {
/// let gazetteer = Gazetteer::builder().with_default().load("newsroom.tsv")?.build()?;
/// # Ok(()) }
/// ```
///
/// Records are checked when the gazetteer is built: a second record with
/// an id already defined, or an alias (or name) that already names another
/// entity, is an error naming both places, never a silent overwrite.
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    records: Vec<(Entity, Origin)>,
    error: Option<GazetteerError>,
}

impl GazetteerBuilder {
    /// Adds the embedded default data (leave it out to replace it with
    /// your own files).
    pub fn with_default(mut self) -> GazetteerBuilder {
        match &*DEFAULT {
            Ok(default) => {
                let inner = &default.inner;
                let records = inner
                    .entities
                    .iter()
                    .cloned()
                    .zip(inner.lines.iter().map(|&l| l as usize));
                self.extend(Path::new(DEFAULT_PATH), records);
            }
            Err(error) => self.error = Some(error.clone()),
        }
        self
    }

    /// Loads a gazetteer file, TSV or JSON by its extension (`.tsv`,
    /// `.json`, `.jsonl`).
    pub fn load(self, path: impl AsRef<Path>) -> Result<GazetteerBuilder, GazetteerError> {
        let path = path.as_ref();
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("tsv" | "txt") => self.load_tsv(path),
            Some("json" | "jsonl") => self.load_json(path),
            _ => Err(GazetteerError::UnknownFormat {
                path: path.to_path_buf(),
            }),
        }
    }

    /// Loads a TSV gazetteer file.
    pub fn load_tsv(self, path: impl AsRef<Path>) -> Result<GazetteerBuilder, GazetteerError> {
        let path = path.as_ref();
        let text = read(path)?;
        self.add_tsv(path, &text)
    }

    /// Loads a JSON gazetteer file (an array of records, or JSON Lines).
    pub fn load_json(self, path: impl AsRef<Path>) -> Result<GazetteerBuilder, GazetteerError> {
        let path = path.as_ref();
        let text = read(path)?;
        self.add_json(path, &text)
    }

    /// Adds TSV records from memory; `name` stands for the file in errors.
    pub fn add_tsv(mut self, name: impl AsRef<Path>, text: &str) -> Result<GazetteerBuilder, GazetteerError> {
        let records = load::parse_tsv(name.as_ref(), text)?;
        self.extend(name.as_ref(), records);
        Ok(self)
    }

    /// Adds JSON records from memory; `name` stands for the file in errors.
    pub fn add_json(mut self, name: impl AsRef<Path>, text: &str) -> Result<GazetteerBuilder, GazetteerError> {
        let records = load::parse_json(name.as_ref(), text)?;
        self.extend(name.as_ref(), records);
        Ok(self)
    }

    /// Adds one entity built in code.
    pub fn entity(mut self, entity: Entity) -> GazetteerBuilder {
        self.extend(Path::new("<code>"), [(entity, 0)]);
        self
    }

    fn extend(&mut self, path: &Path, records: impl IntoIterator<Item = Record>) {
        let path: Arc<Path> = Arc::from(path);
        self.records.extend(records.into_iter().map(|(entity, line)| {
            let origin = Origin {
                path: Arc::clone(&path),
                line,
            };
            (entity, origin)
        }));
    }

    /// Checks the records and builds the gazetteer and its automaton.
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        if let Some(error) = self.error {
            return Err(error);
        }
        let mut entities = Vec::with_capacity(self.records.len());
        let mut origins: Vec<Origin> = Vec::with_capacity(self.records.len());
        let mut by_id: HashMap<String, u32> = HashMap::with_capacity(self.records.len());
        let mut aliases: HashMap<String, u32> = HashMap::new();
        let mut patterns = Vec::new();
        let mut pattern_alias: Vec<Box<str>> = Vec::new();
        let mut pattern_text: Vec<Box<str>> = Vec::new();
        for (entity, origin) in self.records {
            let index = entities.len() as u32;
            if let Some(&first) = by_id.get(&entity.id) {
                return Err(GazetteerError::DuplicateId {
                    path: origin.path.to_path_buf(),
                    line: origin.line,
                    id: entity.id,
                    first: origins[first as usize].to_string(),
                });
            }
            let names = std::iter::once((entity.name.as_str(), None))
                .chain(entity.aliases.iter().map(|a| (a.text.as_str(), Some(a.kind))));
            for (text, kind) in names {
                match aliases.get(text) {
                    Some(&other) if other != index => {
                        return Err(GazetteerError::ConflictingAlias(Box::new(AliasConflict {
                            path: origin.path.to_path_buf(),
                            line: origin.line,
                            alias: text.to_string(),
                            id: entity.id.clone(),
                            other: entities_id(&entities, other),
                            first: origins[other as usize].to_string(),
                        })))
                    }
                    Some(_) => continue,
                    None => {}
                }
                aliases.insert(text.to_string(), index);
                let how = match kind {
                    None => MatchKind::Name,
                    Some(AliasKind::Alias) => MatchKind::Alias,
                    Some(AliasKind::Surname) => MatchKind::Surname,
                    Some(AliasKind::Demonym) => MatchKind::Demonym,
                    Some(AliasKind::Metonym) => MatchKind::Metonym,
                };
                let pattern = Pattern {
                    entity: index,
                    how,
                    short_acronym: is_exact(text) && text.len() <= 3 && !text.contains('.'),
                    capital: entity.attributes.capital_of.is_some(),
                    ambiguity: lexicon::ambiguity(text),
                };
                // Names also match in ALL-CAPS headlines; acronyms and short
                // aliases only as written ("US" never matches "us").
                let upper = text.to_uppercase();
                let variants = [
                    Some(text.to_string()),
                    (!is_exact(text) && upper != text).then_some(upper),
                ];
                for variant in variants.into_iter().flatten() {
                    patterns.push(pattern);
                    pattern_alias.push(text.into());
                    pattern_text.push(variant.into());
                }
            }
            by_id.insert(entity.id.clone(), index);
            entities.push(entity);
            origins.push(origin);
        }
        let mut titles: HashMap<(u32, String), u32, FxBuildHasher> = HashMap::default();
        let mut longest_office = 0;
        let mut office_starts: Vec<(Box<str>, usize)> = Vec::new();
        for (index, entity) in entities.iter().enumerate() {
            for role in &entity.attributes.roles {
                let Some(country) = role.country.as_ref().and_then(|c| by_id.get(c)) else {
                    continue;
                };
                for office in &role.offices {
                    let count = office.split(' ').count();
                    longest_office = longest_office.max(count);
                    let first = office.split(' ').next().unwrap_or(office);
                    match office_starts.iter_mut().find(|(s, _)| &**s == first) {
                        Some((_, most)) => *most = (*most).max(count),
                        None => office_starts.push((first.into(), count)),
                    }
                    titles.entry((*country, office.clone())).or_insert(index as u32);
                }
            }
        }
        // Leftmost-longest: "UN Security Council" over "UN", "Russians"
        // over "Russian".
        let matcher = Matcher::new(&pattern_text)?;
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                lines: origins.iter().map(|o| o.line as u32).collect(),
                entities,
                by_id,
                matcher: Some(matcher),
                patterns,
                pattern_alias,
                titles,
                longest_office,
                office_initials: {
                    let mut initials = [false; 256];
                    office_starts
                        .iter()
                        .for_each(|(s, _)| initials[s.as_bytes()[0] as usize] = true);
                    initials
                },
                office_starts: OfficeStarts::new(&office_starts),
            }),
        })
    }
}

fn entities_id(entities: &[Entity], index: u32) -> String {
    entities[index as usize].id.clone()
}

fn read(path: &Path) -> Result<String, GazetteerError> {
    std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
        path: PathBuf::from(path),
        source: Arc::new(source),
    })
}

/// Acronyms ("US", "NATO", "U.S.") and short aliases ("Xi") match only as
/// written, so "US" never matches "us" and "IS" never "is". Longer names
/// also match in ALL CAPS.
fn is_exact(alias: &str) -> bool {
    !alias.chars().any(char::is_lowercase) || alias.chars().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityKind;

    #[test]
    fn the_default_data_builds() {
        let gazetteer = Gazetteer::embedded().unwrap();
        assert!(gazetteer.len() > 900, "{}", gazetteer.len());
        let count = |kind: EntityKind| gazetteer.entities().iter().filter(|e| e.kind == kind).count();
        assert!(
            count(EntityKind::Country) >= 249,
            "{} countries",
            count(EntityKind::Country)
        );
        assert!(count(EntityKind::Person) >= 250, "{} people", count(EntityKind::Person));
        let bodies = count(EntityKind::Organization) + count(EntityKind::GovernmentBody);
        assert!(bodies >= 150, "{bodies} organisations and bodies");
        let putin = gazetteer.entity("Q7747").unwrap();
        assert_eq!(putin.role(), Some("President of Russia"));
        assert_eq!(putin.family_name(), Some("Putin"));
        assert_eq!(gazetteer.entity("person:li-qiang").unwrap().family_name(), Some("Li"));
        assert_eq!(gazetteer.entity("Q6892571").unwrap().family_name(), None);
    }

    #[test]
    fn duplicate_ids_and_aliases_are_reported_with_both_places() {
        let base = Gazetteer::builder()
            .add_tsv("a.tsv", "org:acme\torganization\tAcme\tACME Corp\n")
            .unwrap();
        let error = base
            .clone()
            .add_tsv("b.tsv", "\norg:acme\torganization\tAcme Ltd\n")
            .unwrap()
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "b.tsv:2: duplicate id `org:acme`, first defined at a.tsv:1"
        );
        let error = base
            .add_tsv("c.tsv", "org:other\torganization\tOther\tACME Corp\n")
            .unwrap()
            .build()
            .unwrap_err();
        assert!(
            matches!(&error, GazetteerError::ConflictingAlias(c) if c.alias == "ACME Corp" && c.other == "org:acme"),
            "{error}"
        );
        let error = Gazetteer::builder()
            .with_default()
            .add_tsv("mine.tsv", "Q7747\tperson\tV. Putin\n")
            .unwrap()
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("first defined at <default>:"), "{error}");
    }

    #[test]
    fn case_policy() {
        assert!(is_exact("US") && is_exact("U.S.") && is_exact("NATO") && is_exact("Xi"));
        assert!(!is_exact("Russia") && !is_exact("Kremlin"));
    }

    #[test]
    fn unknown_extensions_and_missing_files_are_errors() {
        let error = Gazetteer::builder().load("names.csv").unwrap_err();
        assert!(matches!(error, GazetteerError::UnknownFormat { .. }));
        let error = Gazetteer::builder().load("/nonexistent/names.tsv").unwrap_err();
        assert!(
            error.to_string().starts_with("/nonexistent/names.tsv: cannot read"),
            "{error}"
        );
    }
}
