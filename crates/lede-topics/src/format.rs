//! The taxonomy file format (TOML): what a file may say, read into topic
//! definitions that carry where they came from, so that every later error
//! names the file, line and field.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::TopicsError;

/// Weights of the three trigger tiers.
pub(crate) const STRONG: f32 = 1.0;
pub(crate) const MEDIUM: f32 = 0.5;
pub(crate) const WEAK: f32 = 0.25;
/// The largest weight a file may give, so that no single trigger swamps a
/// document's scores by mistake (a typo like `50` instead of `0.5`).
const MAX_WEIGHT: f32 = 10.0;
/// The longest phrase accepted, in bytes.
const MAX_PHRASE: usize = 200;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    label: Option<String>,
    parent: Option<String>,
    iptc: Option<String>,
    min_score: Option<f32>,
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    medium: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
    #[serde(default)]
    weights: BTreeMap<String, f32>,
    #[serde(default)]
    regex: BTreeMap<String, f32>,
    #[serde(default)]
    entities: BTreeMap<String, f32>,
    #[serde(default)]
    near: Vec<RawNear>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNear {
    a: Vec<String>,
    b: Vec<String>,
    weight: f32,
}

/// Where a definition was read: for error messages.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    pub name: String,
    pub line: usize,
}

impl Origin {
    pub fn error(&self, field: &str, reason: impl Into<String>) -> TopicsError {
        TopicsError::Parse {
            origin: self.name.clone(),
            line: self.line,
            field: field.to_string(),
            reason: reason.into(),
        }
    }
}

/// A co-occurrence rule: a phrase of `a` and a phrase of `b` in one sentence.
#[derive(Clone, Debug)]
pub(crate) struct NearDef {
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub weight: f32,
}

/// One topic as files define it; a later file's definition of the same id
/// extends it (see [`TopicDef::merge`]).
#[derive(Clone, Debug)]
pub(crate) struct TopicDef {
    pub id: String,
    pub label: Option<String>,
    pub parent: Option<String>,
    pub iptc: Option<String>,
    pub min_score: Option<f32>,
    pub phrases: Vec<(String, f32)>,
    pub regexes: Vec<(String, f32)>,
    pub entities: Vec<(String, f32)>,
    pub near: Vec<NearDef>,
    pub exclude: Vec<String>,
    pub origin: Origin,
}

impl TopicDef {
    /// Adds `other`'s triggers to this topic; the scalar fields `other`
    /// gives replace this topic's.
    pub fn merge(&mut self, other: TopicDef) {
        self.label = other.label.or(self.label.take());
        self.parent = other.parent.or(self.parent.take());
        self.iptc = other.iptc.or(self.iptc.take());
        self.min_score = other.min_score.or(self.min_score);
        self.phrases.extend(other.phrases);
        self.regexes.extend(other.regexes);
        self.entities.extend(other.entities);
        self.near.extend(other.near);
        self.exclude.extend(other.exclude);
    }
}

/// 1-based line of byte `offset` in `source`.
fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads a taxonomy file's topics; `origin` names the file in errors.
pub(crate) fn parse(source: &str, origin: &str) -> Result<Vec<TopicDef>, TopicsError> {
    let file: RawFile = toml::from_str(source).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(source, s.start));
        TopicsError::Parse {
            origin: origin.to_string(),
            line,
            field: error_field(e.message(), source, line),
            reason: e.message().trim().to_string(),
        }
    })?;
    // A topic's span is its `[[topic]]` header; its table runs to the next
    // header.
    let starts: Vec<usize> = file.topic.iter().map(|t| t.span().start).collect();
    file.topic
        .into_iter()
        .enumerate()
        .map(|(i, spanned)| {
            let start = starts[i];
            let table = &source[start..starts.get(i + 1).copied().unwrap_or(source.len())];
            // The line of the field or phrase a problem is about: the first
            // line of the topic's table that holds `needle`.
            let at = |needle: &str| {
                let within = table.find(needle).unwrap_or(0);
                Origin {
                    name: origin.to_string(),
                    line: line_of(source, start + within),
                }
            };
            topic_def(spanned.into_inner(), &at)
        })
        .collect()
}

/// The field a deserialisation error is about: the one it names in
/// backquotes (``missing field `label` ``), else the key on its line.
fn error_field(message: &str, source: &str, line: usize) -> String {
    if let Some(name) = message.split('`').nth(1) {
        return name.to_string();
    }
    let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
    text.split('=')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches('"')
        .to_string()
}

fn topic_def(raw: RawTopic, at: &dyn Fn(&str) -> Origin) -> Result<TopicDef, TopicsError> {
    let header = at("");
    let id = raw.id.trim().to_string();
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(at("id").error(
            "id",
            format!("topic ids are non-empty and without spaces: {:?}", raw.id),
        ));
    }
    if let Some(min) = raw.min_score {
        if !(min.is_finite() && min >= 0.0) {
            return Err(at("min_score").error("min_score", format!("must be a number >= 0, not {min}")));
        }
    }
    let mut phrases = Vec::new();
    for (field, list, weight) in [
        ("strong", raw.strong, STRONG),
        ("medium", raw.medium, MEDIUM),
        ("weak", raw.weak, WEAK),
    ] {
        for phrase in list {
            phrases.push((check_phrase(&phrase, field, at)?, weight));
        }
    }
    for (phrase, weight) in raw.weights {
        let phrase = check_phrase(&phrase, "weights", at)?;
        phrases.push((phrase.clone(), check_weight(weight, "weights", &phrase, at)?));
    }
    let mut regexes = Vec::new();
    for (pattern, weight) in raw.regex {
        if let Err(e) = regex::Regex::new(&pattern) {
            return Err(at(&pattern).error("regex", format!("{pattern:?} does not compile: {e}")));
        }
        let weight = check_weight(weight, "regex", &pattern, at)?;
        regexes.push((pattern, weight));
    }
    let mut entities = Vec::new();
    for (entity, weight) in raw.entities {
        if entity.trim().is_empty() {
            return Err(at("entities").error("entities", "an entity id is empty"));
        }
        let weight = check_weight(weight, "entities", &entity, at)?;
        entities.push((entity, weight));
    }
    let mut near = Vec::new();
    for rule in raw.near {
        let side = |list: Vec<String>| {
            if list.is_empty() {
                return Err(at("near").error("near", "a near rule needs phrases on both sides (a and b)"));
            }
            list.iter().map(|p| check_phrase(p, "near", at)).collect()
        };
        let (a, b) = (side(rule.a)?, side(rule.b)?);
        let weight = check_weight(rule.weight, "near", "near", at)?;
        near.push(NearDef { a, b, weight });
    }
    let exclude = raw
        .exclude
        .iter()
        .map(|p| check_phrase(p, "exclude", at))
        .collect::<Result<_, _>>()?;
    Ok(TopicDef {
        id,
        label: raw.label,
        parent: raw.parent,
        iptc: raw.iptc,
        min_score: raw.min_score,
        phrases,
        regexes,
        entities,
        near,
        exclude,
        origin: header,
    })
}

/// A phrase as it will be matched: trimmed, single-spaced, a `*` only at the
/// end (a word prefix), not empty and not too long.
fn check_phrase(phrase: &str, field: &str, at: &dyn Fn(&str) -> Origin) -> Result<String, TopicsError> {
    let normal = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let bad = if normal.trim_end_matches('*').is_empty() {
        Some("an empty phrase")
    } else if normal.len() > MAX_PHRASE {
        Some("a phrase longer than 200 bytes")
    } else if normal.trim_end_matches('*').contains('*') || normal.ends_with("**") {
        Some("`*` may only end a phrase (a word prefix)")
    } else if !normal.starts_with(|c: char| c.is_alphanumeric())
        || (normal.ends_with('*') && !normal.trim_end_matches('*').ends_with(|c: char| c.is_alphanumeric()))
    {
        Some("a phrase starts with a letter or digit, and a `*` follows one")
    } else {
        None
    };
    match bad {
        Some(reason) => Err(at(phrase).error(field, format!("{reason}: {phrase:?}"))),
        None => Ok(normal),
    }
}

fn check_weight(weight: f32, field: &str, what: &str, at: &dyn Fn(&str) -> Origin) -> Result<f32, TopicsError> {
    if weight.is_finite() && weight > 0.0 && weight <= MAX_WEIGHT {
        Ok(weight)
    } else {
        Err(at(what).error(
            field,
            format!("weight of {what:?} must be in (0, {MAX_WEIGHT}], not {weight}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_error(source: &str) -> (usize, String, String) {
        match parse(source, "mine.toml") {
            Err(TopicsError::Parse {
                origin,
                line,
                field,
                reason,
            }) => {
                assert_eq!(origin, "mine.toml");
                (line, field, reason)
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn tiers_and_weights() {
        let defs = parse(
            "[[topic]]\nid = \"sport\"\nlabel = \"Sport\"\nstrong = [\"Premier  League\"]\n\
             weak = [\"match\"]\nweights = { \"hat-trick\" = 0.8 }\n",
            "t",
        )
        .unwrap();
        assert_eq!(
            defs[0].phrases,
            [
                ("Premier League".to_string(), STRONG),
                ("match".to_string(), WEAK),
                ("hat-trick".to_string(), 0.8)
            ]
        );
    }

    #[test]
    fn errors_name_line_and_field() {
        let (line, field, _) = parse_error("[[topic]]\nid = \"a\"\n\n[[topic]]\nid = \"b\"\nmin_score = \"high\"\n");
        assert_eq!((line, field.as_str()), (6, "min_score"));
        let (line, field, _) = parse_error("[[topic]]\nid = \"a\"\nstrong = [\"ok\",\n  \"bad*phrase\"]\n");
        assert_eq!((line, field.as_str()), (4, "strong"));
        let (line, field, reason) = parse_error("[[topic]]\nid = \"a\"\nregex = { \"(unclosed\" = 1.0 }\n");
        assert_eq!((line, field.as_str()), (3, "regex"));
        assert!(reason.contains("does not compile"), "{reason}");
        let (line, field, _) = parse_error("[[topic]]\nid = \"a\"\ntriggers = [\"x\"]\n");
        assert_eq!((line, field.as_str()), (3, "triggers"));
        let (_, field, _) = parse_error("[[topic]]\nlabel = \"x\"\n");
        assert_eq!(field, "id");
        let (line, field, _) = parse_error("[[topic]]\nid = \"a\"\nweights = { \"x\" = 50.0 }\n");
        assert_eq!((line, field.as_str()), (3, "weights"));
    }
}
