//! The taxonomy: topics in a hierarchy, each with its triggers, compiled
//! once into the automata that tagging runs.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

use lede_text::NameHint;
use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::format::{self, TopicDef};
use crate::phrase::PhraseSet;
use crate::tagging::{self, Tagging};
use crate::TopicsError;

/// The score a document topic needs when its definition gives no
/// `min_score`: one strong trigger, two medium ones, or four weak ones.
pub const DEFAULT_MIN_SCORE: f32 = 1.0;

/// The embedded default taxonomy: the IPTC top-level subjects, then the
/// international-news topics under them.
const DEFAULT_LAYERS: [(&str, &str); 2] = [
    ("iptc.toml", include_str!("../data/iptc.toml")),
    ("world.toml", include_str!("../data/world.toml")),
];

static DEFAULT: LazyLock<Taxonomy> = LazyLock::new(|| {
    Taxonomy::builder()
        .with_default()
        .build()
        .expect("the embedded taxonomy builds (checked by the crate's tests)")
});

/// A topic's index in its [`Taxonomy`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicId(pub(crate) u32);

impl TopicId {
    /// The index into [`Taxonomy::topics`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One topic of a taxonomy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Topic {
    /// Stable id, as in the taxonomy file: `"sport"`, `"conflict.ukraine"`.
    pub id: String,
    /// Human-readable name: "Ukraine war".
    pub label: String,
    /// The broader topic this one supports, if any.
    #[serde(skip)]
    pub parent: Option<TopicId>,
    /// The IPTC Media Topics code, when one exists (`"medtop:16000000"`).
    pub iptc: Option<String>,
    /// The score a document needs for this topic to be reported.
    pub min_score: f32,
}

/// What made a piece of evidence count: a trigger of some topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trigger {
    /// A phrase (index of the taxonomy's phrase list).
    Phrase(u32),
    /// A regex.
    Regex(u32),
    /// A known entity, by its id in a [`NameHint`].
    Entity(u32),
    /// A co-occurrence rule: two phrases in one sentence.
    Near(u32),
}

/// What a phrase of the automaton does.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Role {
    /// Scores for a topic.
    Trigger { topic: TopicId, weight: f32 },
    /// One side (0 = a, 1 = b) of a co-occurrence rule.
    Near { rule: u32, side: u8 },
    /// Suppresses a topic's evidence in its sentence.
    Exclude { topic: TopicId },
}

#[derive(Debug)]
pub(crate) struct Rule {
    pub topic: TopicId,
    pub weight: f32,
}

#[derive(Debug)]
pub(crate) struct Compiled {
    pub topics: Vec<Topic>,
    pub phrases: PhraseSet,
    /// Per phrase of `phrases`.
    pub roles: Vec<Role>,
    pub regex_set: Option<RegexSet>,
    pub regexes: Vec<(Regex, TopicId, f32)>,
    /// Entity id → indices into `entity_triggers`.
    pub entities: FxHashMap<String, Vec<u32>>,
    pub entity_triggers: Vec<(String, TopicId, f32)>,
    pub rules: Vec<Rule>,
    /// Per trigger (by [`Compiled::slot`]): its description for
    /// explanations, written once, on first use (building stays as fast
    /// for those who never explain), so that explaining a document formats
    /// nothing.
    descriptions: OnceLock<Vec<Box<str>>>,
}

impl Compiled {
    /// The trigger's index among all triggers: phrases, then regexes,
    /// entities and rules. Scoring counts by it, descriptions are kept by it.
    pub fn slot(&self, trigger: Trigger) -> usize {
        let (phrases, regexes, entities) = (self.roles.len(), self.regexes.len(), self.entity_triggers.len());
        match trigger {
            Trigger::Phrase(i) => i as usize,
            Trigger::Regex(i) => phrases + i as usize,
            Trigger::Entity(i) => phrases + regexes + i as usize,
            Trigger::Near(i) => phrases + regexes + entities + i as usize,
        }
    }

    /// What each trigger is, by [`Compiled::slot`] (see [`Taxonomy::describe`]).
    fn descriptions(&self) -> &[Box<str>] {
        self.descriptions.get_or_init(|| {
            let phrases = &self.phrases;
            (0..self.roles.len() as u32)
                .map(|i| format!("{:?}", phrases.phrase(i).written()))
                .chain(self.regexes.iter().map(|(r, _, _)| format!("regex /{}/", r.as_str())))
                .chain(self.entity_triggers.iter().map(|(id, _, _)| format!("entity {id}")))
                .chain((0..self.rules.len() as u32).map(|rule| describe_rule(phrases, &self.roles, rule)))
                .map(String::into_boxed_str)
                .collect()
        })
    }

    /// How many triggers there are: the end of the range of [`Compiled::slot`].
    pub fn triggers(&self) -> usize {
        self.roles.len() + self.regexes.len() + self.entity_triggers.len() + self.rules.len()
    }
}

/// A compiled topic taxonomy: build once, share, tag many documents.
///
/// Cloning is cheap (the compiled automata are shared), and a `Taxonomy` is
/// `Send` and `Sync`. [`Taxonomy::default`] is the embedded default: the 17
/// IPTC Media Topics top-level subjects and international-news topics under
/// them.
///
/// ```
/// use lede_topics::Taxonomy;
///
/// let taxonomy = Taxonomy::default();
/// let sport = taxonomy.find("sport").unwrap();
/// assert_eq!(taxonomy.topic(sport).iptc.as_deref(), Some("medtop:15000000"));
/// ```
#[derive(Clone, Debug)]
pub struct Taxonomy {
    pub(crate) inner: Arc<Compiled>,
}

impl Default for Taxonomy {
    fn default() -> Taxonomy {
        DEFAULT.clone()
    }
}

impl Taxonomy {
    /// A builder, empty until you add the default or your own files.
    pub fn builder() -> TaxonomyBuilder {
        TaxonomyBuilder::default()
    }

    /// Builds a taxonomy from one TOML source alone; `origin` names it in
    /// errors.
    pub fn from_toml(source: &str, origin: &str) -> Result<Taxonomy, TopicsError> {
        Taxonomy::builder().add_toml(source, origin)?.build()
    }

    /// Every topic, indexed by [`TopicId::index`].
    pub fn topics(&self) -> &[Topic] {
        &self.inner.topics
    }

    /// The topic with this id.
    pub fn topic(&self, id: TopicId) -> &Topic {
        &self.inner.topics[id.index()]
    }

    /// The topic whose id is `id`, if any.
    pub fn find(&self, id: &str) -> Option<TopicId> {
        self.inner
            .topics
            .iter()
            .position(|t| t.id == id)
            .map(|i| TopicId(i as u32))
    }

    /// The top-level topic above `id` (`id` itself if it has no parent).
    pub fn root(&self, mut id: TopicId) -> TopicId {
        // Parents form no cycle (checked when building), so this ends.
        while let Some(parent) = self.topic(id).parent {
            id = parent;
        }
        id
    }

    /// What a trigger is, for explanations: `"ceasefire"`, `entity Q212`,
    /// `regex /.../`, `"prisoner*" near "swap*"` (empty for a trigger of
    /// another taxonomy). Written once per taxonomy, on first use.
    pub fn describe(&self, trigger: Trigger) -> &str {
        let inner = &*self.inner;
        inner.descriptions().get(inner.slot(trigger)).map_or("", |d| &**d)
    }

    /// Tags a document: its topics with scores and evidence spans into `text`.
    pub fn tag<'t>(&'t self, text: &str) -> Tagging<'t> {
        tagging::tag(self, text, &[])
    }

    /// Tags a document, also counting the known names an earlier stage
    /// found (a gazetteer's mentions, with ids such as `"Q212"`) as entity
    /// triggers. Hints whose span is not a valid span of `text` are ignored.
    pub fn tag_with_names<'t>(&'t self, text: &str, names: &[NameHint]) -> Tagging<'t> {
        tagging::tag(self, text, names)
    }
}

/// Loads and merges taxonomy files, then compiles them into a [`Taxonomy`].
///
/// Files are merged in the order given: a topic whose id is already defined
/// is extended (its phrases, regexes, entities, rules and exclusions are
/// added; the label, parent, IPTC code or minimum score it gives replace
/// the earlier ones), any other topic is added.
///
/// ```
/// use lede_topics::Taxonomy;
///
/// let mine = r#"
/// [[topic]]
/// id = "sport.chess"
/// label = "Chess"
/// parent = "sport"
/// strong = ["chess", "grandmaster*"]
/// "#;
/// let taxonomy = Taxonomy::builder().with_default().add_toml(mine, "mine.toml")?.build()?;
/// let text = "The grandmasters drew again in the chess final.";
/// let tagging = taxonomy.tag(text);
/// let ids: Vec<&str> = tagging.topics().iter().map(|t| taxonomy.topic(t.topic).id.as_str()).collect();
/// assert_eq!(ids[..2], ["sport", "sport.chess"]);
/// # Ok::<(), lede_topics::TopicsError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct TaxonomyBuilder {
    defs: Vec<TopicDef>,
}

impl TaxonomyBuilder {
    /// Adds the embedded default taxonomy.
    pub fn with_default(mut self) -> TaxonomyBuilder {
        static DEFS: LazyLock<Vec<TopicDef>> = LazyLock::new(|| {
            DEFAULT_LAYERS
                .iter()
                .flat_map(|(name, source)| format::parse(source, name).expect("the embedded taxonomy parses"))
                .collect()
        });
        self.defs.extend(DEFS.iter().cloned());
        self
    }

    /// Adds the topics of a TOML source; `origin` names it in errors.
    pub fn add_toml(mut self, source: &str, origin: &str) -> Result<TaxonomyBuilder, TopicsError> {
        self.defs.extend(format::parse(source, origin)?);
        Ok(self)
    }

    /// Adds the topics of a TOML file.
    pub fn load(self, path: impl AsRef<Path>) -> Result<TaxonomyBuilder, TopicsError> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path).map_err(|source| TopicsError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_toml(&source, &path.display().to_string())
    }

    /// Merges the topics and compiles every trigger.
    pub fn build(self) -> Result<Taxonomy, TopicsError> {
        let defs = merge(self.defs);
        let index: HashMap<&str, TopicId> = defs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), TopicId(i as u32)))
            .collect();
        let mut topics = Vec::with_capacity(defs.len());
        for def in &defs {
            let parent = match &def.parent {
                None => None,
                Some(p) => Some(*index.get(p.as_str()).ok_or_else(|| {
                    def.origin
                        .error("parent", format!("topic {:?} has unknown parent {p:?}", def.id))
                })?),
            };
            let label = def
                .label
                .clone()
                .ok_or_else(|| def.origin.error("label", format!("topic {:?} has no label", def.id)))?;
            topics.push(Topic {
                id: def.id.clone(),
                label,
                parent,
                iptc: def.iptc.clone(),
                min_score: def.min_score.unwrap_or(DEFAULT_MIN_SCORE),
            });
        }
        check_acyclic(&topics, &defs)?;

        let mut phrases: Vec<&str> = Vec::new();
        let mut roles = Vec::new();
        let mut regexes = Vec::new();
        let mut entity_triggers = Vec::new();
        let mut rules = Vec::new();
        for (i, def) in defs.iter().enumerate() {
            let topic = TopicId(i as u32);
            for (phrase, weight) in &def.phrases {
                phrases.push(phrase);
                roles.push(Role::Trigger { topic, weight: *weight });
            }
            for phrase in &def.exclude {
                phrases.push(phrase);
                roles.push(Role::Exclude { topic });
            }
            for near in &def.near {
                let rule = rules.len() as u32;
                rules.push(Rule {
                    topic,
                    weight: near.weight,
                });
                for (side, list) in [(0, &near.a), (1, &near.b)] {
                    for phrase in list {
                        phrases.push(phrase);
                        roles.push(Role::Near { rule, side });
                    }
                }
            }
            for (pattern, weight) in &def.regexes {
                let regex = Regex::new(pattern).map_err(|e| def.origin.error("regex", e.to_string()))?;
                regexes.push((regex, topic, *weight));
            }
            for (entity, weight) in &def.entities {
                entity_triggers.push((entity.clone(), topic, *weight));
            }
        }
        let mut entities: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, (entity, _, _)) in entity_triggers.iter().enumerate() {
            entities.entry(entity.clone()).or_default().push(i as u32);
        }
        let regex_set = if regexes.is_empty() {
            None
        } else {
            let set = RegexSet::new(regexes.iter().map(|(r, _, _)| r.as_str()))
                .map_err(|e| TopicsError::Automaton { reason: e.to_string() })?;
            Some(set)
        };
        let phrases = PhraseSet::new(&phrases)?;
        Ok(Taxonomy {
            inner: Arc::new(Compiled {
                topics,
                phrases,
                roles,
                regex_set,
                regexes,
                entities,
                entity_triggers,
                rules,
                descriptions: OnceLock::new(),
            }),
        })
    }
}

/// A co-occurrence rule as explanations show it: `"prisoner*" near "swap*"`.
fn describe_rule(phrases: &PhraseSet, roles: &[Role], rule: u32) -> String {
    let side = |s: u8| {
        let words: Vec<String> = roles
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Role::Near { rule: r2, side } if *r2 == rule && *side == s))
            .map(|(i, _)| format!("{:?}", phrases.phrase(i as u32).written()))
            .collect();
        words.join("|")
    };
    format!("{} near {}", side(0), side(1))
}

/// Definitions with the same id merged into the first, in file order.
fn merge(defs: Vec<TopicDef>) -> Vec<TopicDef> {
    let mut merged: Vec<TopicDef> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for def in defs {
        match seen.get(&def.id) {
            Some(&i) => merged[i].merge(def),
            None => {
                seen.insert(def.id.clone(), merged.len());
                merged.push(def);
            }
        }
    }
    merged
}

/// An error naming a topic that is its own ancestor, if any.
fn check_acyclic(topics: &[Topic], defs: &[TopicDef]) -> Result<(), TopicsError> {
    for i in 0..topics.len() {
        let (mut at, mut depth) = (topics[i].parent, 0);
        while let Some(parent) = at {
            depth += 1;
            if depth > topics.len() {
                let def = &defs[i];
                return Err(def
                    .origin
                    .error("parent", format!("topic {:?} is its own ancestor", def.id)));
            }
            at = topics[parent.index()].parent;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_has_the_iptc_subjects_and_sixty_fine_topics() {
        let taxonomy = Taxonomy::default();
        let top: Vec<&Topic> = taxonomy.topics().iter().filter(|t| t.parent.is_none()).collect();
        assert_eq!(top.len(), 17);
        for topic in &top {
            let code = topic.iptc.as_deref().unwrap_or("");
            assert!(
                code.starts_with("medtop:") && code.ends_with("000000"),
                "{}: {code}",
                topic.id
            );
        }
        let fine = taxonomy.topics().len() - top.len();
        assert!(fine >= 60, "{fine} fine topics");
    }

    #[test]
    fn unknown_parent_and_cycles_are_errors_with_their_line() {
        let source =
            "[[topic]]\nid = \"a\"\nlabel = \"A\"\n\n[[topic]]\nid = \"b\"\nlabel = \"B\"\nparent = \"nope\"\n";
        let err = Taxonomy::from_toml(source, "mine.toml").unwrap_err().to_string();
        assert!(err.starts_with("mine.toml, line 5, field `parent`"), "{err}");
        let cycle = "[[topic]]\nid = \"a\"\nlabel = \"A\"\nparent = \"b\"\n[[topic]]\nid = \"b\"\nlabel = \"B\"\nparent = \"a\"\n";
        let err = Taxonomy::from_toml(cycle, "c.toml").unwrap_err().to_string();
        assert!(err.contains("own ancestor"), "{err}");
        let unlabelled = "[[topic]]\nid = \"a\"\n";
        let err = Taxonomy::from_toml(unlabelled, "u.toml").unwrap_err().to_string();
        assert!(err.contains("field `label`"), "{err}");
    }

    #[test]
    fn a_later_file_extends_a_topic() {
        let taxonomy = Taxonomy::builder()
            .add_toml("[[topic]]\nid = \"a\"\nlabel = \"A\"\nstrong = [\"alpha\"]\n", "one")
            .unwrap()
            .add_toml(
                "[[topic]]\nid = \"a\"\nlabel = \"Renamed\"\nstrong = [\"beta\"]\n",
                "two",
            )
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(taxonomy.topics().len(), 1);
        assert_eq!(taxonomy.topics()[0].label, "Renamed");
        let tagging = taxonomy.tag("alpha and beta");
        assert_eq!(tagging.topics()[0].evidence.len(), 2);
    }
}

#[cfg(test)]
mod readme {
    use super::*;

    /// The format the README documents builds, and does what it says.
    #[test]
    fn the_readme_example_taxonomy_builds_and_tags() {
        let readme = include_str!("../README.md");
        let start = readme.find("```toml\n").expect("a toml block") + "```toml\n".len();
        let source = &readme[start..start + readme[start..].find("```").unwrap()];
        let taxonomy = Taxonomy::builder()
            .with_default()
            .add_toml(source, "README.md")
            .unwrap()
            .build()
            .unwrap();
        let text = "The grandmasters drew; her Elo rating 2750 makes her favourite for the world title matches.";
        let tagging = taxonomy.tag(text);
        let chess = taxonomy.find("sport.chess").unwrap();
        let found = tagging
            .topics()
            .iter()
            .find(|t| t.topic == chess)
            .expect("chess is reported");
        let words: Vec<&str> = found.evidence.iter().map(|e| &text[e.span.range()]).collect();
        assert_eq!(words, ["grandmasters", "Elo rating 2750", "world"]);
    }
}
