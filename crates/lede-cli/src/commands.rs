//! What each subcommand writes for one document.

use std::io::{self, Write};

use lede::clean::{Cleaned, Cleaner};
use lede::text::sentences;
use lede::{
    Analysis, ClaimKind, ClaimRecord, EntityKind, EntityRecord, Feature, Pipeline, QuoteKind, QuoteRecord, Sections,
    SpeakerKind, TopicRecord,
};
use serde::Serialize;

use crate::input::Document;
use crate::offsets::{Located, OffsetConverter, OffsetUnit};

/// A subcommand's work on one document.
pub enum Task {
    /// `lede sentences`: the sentence segmentation as JSON Lines.
    Sentences,
    /// `lede clean`: the cleaned text.
    Clean { cleaner: Box<Cleaner>, explain: bool },
    /// `lede analyze`: who said what, entities, topics and claims, as JSON
    /// Lines; why each topic fired on standard error when the pipeline
    /// explains topics.
    Analyze { pipeline: Box<Pipeline> },
}

/// Where and how results are written.
pub struct Output<W, E> {
    pub out: W,
    /// Standard error, for `--explain` and `--explain-topics`.
    pub log: E,
    pub unit: OffsetUnit,
    /// Write JSON Lines records (`lede clean` writes plain text otherwise).
    pub jsonl: bool,
}

#[derive(Serialize)]
struct SentencesRecord<'a> {
    id: &'a str,
    sentences: Vec<Located<'a>>,
}

#[derive(Serialize)]
struct TextRecord<'a> {
    id: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct AnalysisRecord<'a> {
    id: &'a str,
    /// The sections not asked for with `--fields` are left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<Vec<QuoteOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<EntityOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topics: Option<Vec<TopicOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<ClaimOut<'a>>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: EntityKind,
    mentions: Vec<Located<'a>>,
}

/// An entity with its mentions' offsets in the chosen unit.
fn entity_out<'a>(entity: &'a EntityRecord, offsets: &OffsetConverter<'a>) -> EntityOut<'a> {
    EntityOut {
        id: &entity.id,
        name: &entity.name,
        kind: entity.kind,
        mentions: entity.mentions.iter().map(|m| offsets.located(m.span)).collect(),
    }
}

#[derive(Serialize)]
struct TopicOut<'a> {
    id: &'a str,
    label: &'a str,
    parent: Option<&'a str>,
    iptc: Option<&'a str>,
    score: f32,
    evidence: Vec<Located<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    claimant: Option<&'a str>,
    kind: ClaimKind,
    topics: &'a [String],
    check_worthiness: f32,
    features: &'a [Feature],
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<Located<'a>>,
    kind: QuoteKind,
    speaker: Option<SpeakerOut<'a>>,
    cue: Option<Located<'a>>,
    confidence: f32,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    mention: &'a str,
    start: usize,
    end: usize,
    entity: Option<&'a str>,
    role: Option<&'a str>,
    kind: SpeakerKind,
}

/// A quote with its offsets in the chosen unit.
fn quote_out<'a>(quote: &'a QuoteRecord, offsets: &OffsetConverter<'a>) -> QuoteOut<'a> {
    QuoteOut {
        text: &quote.text,
        start: offsets.convert(quote.span.start),
        end: offsets.convert(quote.span.end),
        parts: quote.parts.iter().map(|p| offsets.located(p.span)).collect(),
        kind: quote.kind,
        speaker: quote.speaker.as_ref().map(|s| SpeakerOut {
            name: &s.name,
            mention: &s.mention,
            start: offsets.convert(s.span.start),
            end: offsets.convert(s.span.end),
            entity: s.entity.as_deref(),
            role: s.role.as_deref(),
            kind: s.kind,
        }),
        cue: quote.cue.as_ref().map(|c| offsets.located(c.span)),
        confidence: quote.confidence,
    }
}

/// A topic with its evidence offsets in the chosen unit.
fn topic_out<'a>(topic: &'a TopicRecord, offsets: &OffsetConverter<'a>) -> TopicOut<'a> {
    TopicOut {
        id: &topic.id,
        label: &topic.label,
        parent: topic.parent.as_deref(),
        iptc: topic.iptc.as_deref(),
        score: topic.score,
        evidence: topic.evidence.iter().map(|e| offsets.located(e.span)).collect(),
    }
}

/// A claim with its offsets in the chosen unit.
fn claim_out<'a>(claim: &'a ClaimRecord, offsets: &OffsetConverter<'a>) -> ClaimOut<'a> {
    ClaimOut {
        text: &claim.text,
        start: offsets.convert(claim.span.start),
        end: offsets.convert(claim.span.end),
        claimant: claim.claimant.as_deref(),
        kind: claim.kind,
        topics: &claim.topics,
        check_worthiness: claim.check_worthiness,
        features: &claim.features,
    }
}

/// `--explain-topics`: one line per topic, then one per trigger behind it.
fn explain_topics<E: Write>(doc: &Document, analysis: &Analysis, log: &mut E) -> io::Result<()> {
    for topic in &analysis.topics {
        writeln!(
            log,
            "{}: topic {} ({}) score {:.2}",
            doc.origin, topic.id, topic.label, topic.score
        )?;
        for reason in &topic.reasons {
            let via = if reason.topic == topic.id {
                String::new()
            } else {
                format!(" via {}", reason.topic)
            };
            writeln!(
                log,
                "{}:   {} x{} weight {}{via}",
                doc.origin, reason.trigger, reason.count, reason.weight
            )?;
        }
    }
    Ok(())
}

impl Task {
    /// Writes this task's result for `doc`; returns how many quotes it
    /// reported (none for tasks other than `analyze`).
    pub fn run<W: Write, E: Write>(&self, doc: &Document, output: &mut Output<W, E>) -> io::Result<usize> {
        match self {
            Task::Sentences => {
                let offsets = OffsetConverter::new(&doc.text, output.unit);
                let record = SentencesRecord {
                    id: &doc.id,
                    sentences: sentences(&doc.text).map(|s| offsets.located(s)).collect(),
                };
                write_json_line(&mut output.out, &record)?;
                Ok(0)
            }
            Task::Analyze { pipeline } => {
                let analysis = pipeline.analyze(&doc.text);
                if pipeline.explains_topics() {
                    explain_topics(doc, &analysis, &mut output.log)?;
                }
                let offsets = OffsetConverter::new(&doc.text, output.unit);
                let wanted = pipeline.sections();
                let record = AnalysisRecord {
                    id: &doc.id,
                    quotes: wanted
                        .contains(Sections::QUOTES)
                        .then(|| analysis.quotes.iter().map(|q| quote_out(q, &offsets)).collect()),
                    entities: wanted
                        .contains(Sections::ENTITIES)
                        .then(|| analysis.entities.iter().map(|e| entity_out(e, &offsets)).collect()),
                    topics: wanted
                        .contains(Sections::TOPICS)
                        .then(|| analysis.topics.iter().map(|t| topic_out(t, &offsets)).collect()),
                    claims: wanted
                        .contains(Sections::CLAIMS)
                        .then(|| analysis.claims.iter().map(|c| claim_out(c, &offsets)).collect()),
                };
                write_json_line(&mut output.out, &record)?;
                Ok(analysis.quotes.len())
            }
            Task::Clean { cleaner, explain } => {
                let cleaned = cleaner.clean(&doc.text);
                if *explain {
                    explain_removals(doc, &cleaned, output.unit, &mut output.log)?;
                }
                if output.jsonl {
                    let record = TextRecord {
                        id: &doc.id,
                        text: &cleaned.text,
                    };
                    write_json_line(&mut output.out, &record)?;
                } else {
                    output.out.write_all(cleaned.text.as_bytes())?;
                    output.out.write_all(b"\n")?;
                }
                Ok(0)
            }
        }
    }
}

fn write_json_line<W: Write, T: Serialize>(out: &mut W, record: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// One line per removal: where it was (document, line, offsets in the
/// chosen unit), its family, and the removed text as a JSON string so that
/// multi-line removals stay on one line.
fn explain_removals<E: Write>(doc: &Document, cleaned: &Cleaned, unit: OffsetUnit, log: &mut E) -> io::Result<()> {
    let offsets = OffsetConverter::new(&doc.text, unit);
    let (mut line, mut counted) = (1, 0);
    for removal in &cleaned.removed {
        let span = removal.span;
        if span.start < counted {
            (line, counted) = (1, 0);
        }
        line += doc.text.as_bytes()[counted..span.start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = span.start;
        let located = offsets.located(span);
        writeln!(
            log,
            "{}: line {line}, {}..{}: {}: {}",
            doc.origin,
            located.start,
            located.end,
            removal.family,
            serde_json::to_string(located.text)?
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(task: &Task, text: &str, jsonl: bool) -> (String, String) {
        let doc = Document {
            id: "wire.txt".into(),
            text: text.into(),
            origin: "wire.txt".into(),
        };
        let mut output = Output {
            out: Vec::new(),
            log: Vec::new(),
            unit: OffsetUnit::Bytes,
            jsonl,
        };
        task.run(&doc, &mut output).unwrap();
        (
            String::from_utf8(output.out).unwrap(),
            String::from_utf8(output.log).unwrap(),
        )
    }

    #[test]
    fn sentences_are_one_json_line_with_offsets() {
        let text = "Sen. Maria Ortiz spoke first. \"We will vote no,\" she said.";
        let (out, _) = run(&Task::Sentences, text, false);
        let value: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
        assert_eq!(value["id"], "wire.txt");
        let sentences = value["sentences"].as_array().unwrap();
        assert_eq!(sentences.len(), 2);
        let second = &sentences[1];
        let (start, end) = (
            second["start"].as_u64().unwrap() as usize,
            second["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], "\"We will vote no,\" she said.");
        assert_eq!(second["text"], &text[start..end]);
        assert!(out.ends_with("}\n") && out.lines().count() == 1);
    }

    #[test]
    fn analyze_explains_topics_on_standard_error() {
        let pipeline = Pipeline::builder().explain_topics(true).build().unwrap();
        let task = Task::Analyze {
            pipeline: Box::new(pipeline),
        };
        let text =
            "The striker scored a hat-trick and the keeper kept a clean sheet as the champions won the Premier League.";
        let (out, log) = run(&task, text, false);
        let value: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
        assert_eq!(value["topics"][0]["id"], "sport");
        assert!(value["topics"][0]["parent"].is_null());
        let football = value["topics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == "sport.football");
        assert_eq!(football.map(|t| &t["parent"]), Some(&serde_json::json!("sport")));
        assert!(log.starts_with("wire.txt: topic sport (sport) score "), "{log}");
        assert!(log.contains("wire.txt:   \"Premier League\" x1 weight 1"), "{log}");
        assert!(log.contains("via sport.football"), "{log}");
    }

    #[test]
    fn clean_explains_each_removal_with_its_line() {
        let task = Task::Clean {
            cleaner: Box::default(),
            explain: true,
        };
        let text = "Ministers met in Rome.\n\nAdvertisement\n\nThey agreed on a plan.";
        let (out, log) = run(&task, text, false);
        assert_eq!(out, "Ministers met in Rome.\n\nThey agreed on a plan.\n");
        assert_eq!(log, "wire.txt: line 3, 24..37: advertising: \"Advertisement\"\n");
        let (out, _) = run(&task, text, true);
        assert_eq!(
            out,
            "{\"id\":\"wire.txt\",\"text\":\"Ministers met in Rome.\\n\\nThey agreed on a plan.\"}\n"
        );
    }
}
