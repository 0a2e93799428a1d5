//! Reading gazetteer files: TSV and JSON (an array of records, or JSON
//! Lines), both described in the crate README.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::entity::{Alias, AliasKind, Attributes, Entity, EntityKind, Role};
use crate::error::GazetteerError;

/// An entity with the line its record starts on.
pub(crate) type Record = (Entity, usize);

/// A problem in one field of a record, before the file and line are known.
struct FieldError {
    field: &'static str,
    reason: String,
}

fn field_error(field: &'static str, reason: impl Into<String>) -> FieldError {
    FieldError {
        field,
        reason: reason.into(),
    }
}

fn located(path: &Path, line: usize) -> impl Fn(FieldError) -> GazetteerError + '_ {
    move |e| GazetteerError::Parse {
        path: path.to_path_buf(),
        line,
        field: e.field.to_string(),
        reason: e.reason,
    }
}

/// Parses a TSV gazetteer: `id`, `type`, `name`, then optional `aliases`
/// (`|`-separated), `attributes` (`key=value; key=value`) and `source`.
/// Blank lines and lines starting with `#` are skipped, and so is a header
/// line starting with `id<TAB>type`.
pub(crate) fn parse_tsv(path: &Path, text: &str) -> Result<Vec<Record>, GazetteerError> {
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("id\ttype") {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() > 6 {
            return Err(located(path, line_no)(field_error(
                "source",
                format!("{} tab-separated fields, at most 6 expected", fields.len()),
            )));
        }
        let get = |i: usize| fields.get(i).copied().unwrap_or("").trim();
        let attributes = get(4)
            .split(';')
            .map(str::trim)
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                pair.split_once('=')
                    .map(|(k, v)| (k.trim(), v.trim()))
                    .ok_or_else(|| field_error("attributes", format!("`{pair}` is not key=value")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(located(path, line_no))?;
        let aliases = get(3).split('|').map(str::trim).filter(|a| !a.is_empty());
        let entity = entity(get(0), get(1), get(2), aliases, attributes, get(5)).map_err(located(path, line_no))?;
        records.push((entity, line_no));
    }
    Ok(records)
}

/// One record of a JSON gazetteer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRecord {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    source: String,
}

/// Parses a JSON gazetteer: an array of records or one record per line.
pub(crate) fn parse_json(path: &Path, text: &str) -> Result<Vec<Record>, GazetteerError> {
    let starts = if text.trim_start().starts_with('[') {
        array_element_lines(text)
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, _)| i + 1)
            .collect()
    };
    let raw: Vec<serde_json::Value> = if text.trim_start().starts_with('[') {
        serde_json::from_str(text).map_err(|e| json_error(path, e))?
    } else {
        serde_json::Deserializer::from_str(text)
            .into_iter()
            .collect::<Result<_, _>>()
            .map_err(|e| json_error(path, e))?
    };
    raw.into_iter()
        .enumerate()
        .map(|(i, value)| {
            let line = starts.get(i).copied().unwrap_or(0);
            let record: JsonRecord = serde_json::from_value(value).map_err(|e| GazetteerError::Parse {
                path: path.to_path_buf(),
                line,
                field: "record".into(),
                reason: e.to_string(),
            })?;
            let attributes = record
                .attributes
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let aliases = record.aliases.iter().map(String::as_str);
            entity(
                &record.id,
                &record.kind,
                &record.name,
                aliases,
                attributes,
                &record.source,
            )
            .map(|e| (e, line))
            .map_err(located(path, line))
        })
        .collect()
}

fn json_error(path: &Path, error: serde_json::Error) -> GazetteerError {
    GazetteerError::Parse {
        path: path.to_path_buf(),
        line: error.line(),
        field: "json".into(),
        reason: error.to_string(),
    }
}

/// The line on which each top-level element of a JSON array starts, so
/// that a bad record is reported where it is. Only strings and nesting
/// matter to find them; the JSON parser checks the rest.
fn array_element_lines(text: &str) -> Vec<usize> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1, false, false);
    let mut starts = Vec::new();
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match byte {
            b'\n' => line += 1,
            b'"' => in_string = true,
            b'{' | b'[' => {
                if depth == 1 {
                    starts.push(line);
                }
                depth += 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    starts
}

/// An entity from the fields every format shares.
fn entity<'a>(
    id: &str,
    kind: &str,
    name: &str,
    aliases: impl Iterator<Item = &'a str>,
    attributes: Vec<(&str, &str)>,
    source: &str,
) -> Result<Entity, FieldError> {
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(field_error("id", format!("`{id}` is empty or contains white space")));
    }
    let kind = EntityKind::from_name(kind).ok_or_else(|| {
        let names: Vec<&str> = EntityKind::ALL.iter().map(|k| k.name()).collect();
        field_error(
            "type",
            format!("unknown type `{kind}`; the types are {}", names.join(", ")),
        )
    })?;
    if !name.trim().starts_with(char::is_alphanumeric) {
        return Err(field_error(
            "name",
            format!("`{name}` does not start with a letter or digit"),
        ));
    }
    let mut parsed = Vec::new();
    for written in aliases {
        let (alias_kind, text) = AliasKind::parse(written);
        let text = text.trim();
        // Matching starts at word starts, so an alias must start with a
        // letter or digit to be found at all.
        if !text.starts_with(char::is_alphanumeric) {
            return Err(field_error(
                "aliases",
                format!("alias `{written}` does not start with a letter or digit"),
            ));
        }
        if text != name && !parsed.iter().any(|a: &Alias| a.text == text) {
            parsed.push(Alias {
                text: text.to_string(),
                kind: alias_kind,
            });
        }
    }
    Ok(Entity {
        id: id.to_string(),
        kind,
        name: name.trim().to_string(),
        aliases: parsed,
        attributes: typed_attributes(attributes)?,
        source: Some(source.to_string()).filter(|s| !s.is_empty()),
    })
}

/// Attributes from `key=value` pairs. `role` opens a new role; `office`,
/// `since` and `as_of` describe the latest one.
fn typed_attributes(pairs: Vec<(&str, &str)>) -> Result<Attributes, FieldError> {
    let mut attributes = Attributes::default();
    for (key, value) in pairs {
        let value = value.to_string();
        if key == "role" {
            attributes.roles.push(Role {
                title: value,
                ..Role::default()
            });
            continue;
        }
        let role = attributes.roles.last_mut();
        match (key, role) {
            ("office", Some(role)) => {
                role.offices = value
                    .split(',')
                    .map(|o| o.trim().to_lowercase())
                    .filter(|o| !o.is_empty())
                    .collect()
            }
            ("since", Some(role)) => role.since = Some(value),
            ("as_of", Some(role)) => role.as_of = Some(value),
            ("office" | "since" | "as_of", None) => {
                return Err(field_error("attributes", format!("`{key}` given before any `role`")))
            }
            ("iso2", _) => attributes.iso2 = Some(value),
            ("iso3", _) => attributes.iso3 = Some(value),
            ("numeric", _) => attributes.numeric = Some(value),
            ("capital", _) => attributes.capital = Some(value),
            ("capital_of", _) => attributes.capital_of = Some(value),
            ("country", _) => attributes.country = Some(value),
            ("family_name", _) => attributes.family_name = Some(if value == "-" { String::new() } else { value }),
            ("", _) => return Err(field_error("attributes", "empty key")),
            (key, _) => {
                attributes.other.insert(key.to_string(), value);
            }
        }
    }
    for role in &mut attributes.roles {
        if role.country.is_none() {
            role.country.clone_from(&attributes.country);
        }
    }
    Ok(attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tsv(text: &str) -> Result<Vec<Record>, GazetteerError> {
        parse_tsv(Path::new("people.tsv"), text)
    }

    #[test]
    fn tsv_records_with_aliases_and_roles() {
        let records = tsv("# people\nid\ttype\tname\taliases\tattributes\tsource\n\n\
             person:ana-ruiz\tperson\tAna Ruiz\tA. Ruiz|surname:Ruiz|Ruiz|A. Ruiz\t\
             role=Foreign Minister of Valdoria; office=foreign minister; since=2024-01-02; country=country:VAL; party=Green\tcourt filing\n")
        .unwrap();
        let (ruiz, line) = &records[0];
        assert_eq!(*line, 4);
        // A repeated alias is kept once, as first written.
        assert_eq!(ruiz.aliases.len(), 2);
        assert_eq!(ruiz.aliases[1].kind, AliasKind::Surname);
        let role = &ruiz.attributes.roles[0];
        assert_eq!(role.title, "Foreign Minister of Valdoria");
        assert_eq!(role.offices, ["foreign minister"]);
        assert_eq!(role.country.as_deref(), Some("country:VAL"));
        assert_eq!(ruiz.attributes.other["party"], "Green");
        assert_eq!(ruiz.source.as_deref(), Some("court filing"));
    }

    #[test]
    fn tsv_errors_name_line_and_field() {
        let error = tsv("x:1\tperson\tA B\n\nx:2\tplanet\tMars\n").unwrap_err();
        assert!(
            matches!(&error, GazetteerError::Parse { line: 3, field, .. } if field == "type"),
            "{error}"
        );
        assert!(error
            .to_string()
            .starts_with("people.tsv:3: field `type`: unknown type `planet`"));
        let error = tsv("x:1\tperson\tA B\t\tsince=2020\n").unwrap_err();
        assert!(matches!(error, GazetteerError::Parse { line: 1, ref field, .. } if field == "attributes"));
        let error = tsv("x 1\tperson\tA B\n").unwrap_err();
        assert!(matches!(error, GazetteerError::Parse { ref field, .. } if field == "id"));
        let error = tsv("x:1\tperson\tA B\t--\n").unwrap_err();
        assert!(matches!(error, GazetteerError::Parse { ref field, .. } if field == "aliases"));
    }

    #[test]
    fn json_array_and_lines() {
        let array = "[\n  {\"id\": \"org:acme\", \"type\": \"organization\", \"name\": \"Acme\"},\n  \
                     {\"id\": \"person:jo-ng\", \"type\": \"person\", \"name\": \"Jo Ng\",\n   \
                     \"aliases\": [\"surname:Ng\"], \"attributes\": {\"role\": \"Acme chief\"}}\n]";
        let records = parse_json(Path::new("a.json"), array).unwrap();
        assert_eq!(records.iter().map(|r| r.1).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(records[1].0.role(), Some("Acme chief"));
        let lines = "{\"id\": \"a:1\", \"type\": \"event\", \"name\": \"Summit\"}\n\n\
                     {\"id\": \"a:2\", \"type\": \"comet\", \"name\": \"Halley\"}\n";
        let error = parse_json(Path::new("b.jsonl"), lines).unwrap_err();
        assert!(
            matches!(error, GazetteerError::Parse { line: 3, ref field, .. } if field == "type"),
            "{error}"
        );
        let error = parse_json(Path::new("c.json"), "[{\"id\": \"a\", \"typo\": 1}]").unwrap_err();
        assert!(matches!(error, GazetteerError::Parse { line: 1, ref field, .. } if field == "record"));
        let error = parse_json(Path::new("d.json"), "[\n{\"id\": }]").unwrap_err();
        assert!(matches!(error, GazetteerError::Parse { line: 2, ref field, .. } if field == "json"));
    }
}
