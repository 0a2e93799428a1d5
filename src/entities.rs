//! Entities for the facade: gazetteer mentions as records whose spans point
//! into the original input, and quote speakers enriched with what the
//! gazetteer knows about them.

use lede_clean::Cleaned;
use lede_gazetteer::{DocEntities, EntityKind, Mention, Referent};
use lede_quotes::SpeakerKind;

use crate::analysis::{EntityRecord, Excerpt, QuoteRecord};
use crate::pipeline::original;
use crate::Span;

/// The entities found in the clean text, in order of first mention, with
/// every mention mapped back to the input.
pub(crate) fn entity_records(found: &DocEntities, cleaned: &Cleaned, input: &str) -> Vec<EntityRecord> {
    found
        .entities()
        .iter()
        .map(|entity| EntityRecord {
            id: entity.id.to_string(),
            name: entity.name.to_string(),
            kind: entity.kind,
            mentions: entity
                .mentions
                .iter()
                .map(|m| {
                    let (span, text) = original(cleaned, input, m.span);
                    Excerpt { text, span }
                })
                .collect(),
        })
        .collect()
}

/// Adds what the gazetteer knows to a quote's speaker: the entity id, the
/// canonical name of a known entity, and a role when the quote has none
/// (the role the article gives elsewhere, else the gazetteer's).
///
/// `mention` and `name` are the speaker's spans in the clean `text` and
/// `hint` the index of the gazetteer mention (`found.hints()` order) that
/// lede-quotes linked to the speaker's head word. Without one, the entity
/// is the one mentioned at the speaker's words, or else at the fullest
/// name the speaker resolves to ("He" → "Yuri Ushakov"); a person speaker
/// takes a person, an organisation speaker anything else.
pub(crate) fn enrich_speaker(
    quote: &mut QuoteRecord,
    text: &str,
    found: &DocEntities,
    mention: Span,
    name: Option<Span>,
    hint: Option<usize>,
) {
    let Some(speaker) = quote.speaker.as_mut() else { return };
    let wants_person = speaker.kind != SpeakerKind::Organization;
    // A person named anywhere in a person speaker's words is the speaker
    // ("Kremlin adviser Yuri Ushakov"); an organisation must be the head
    // of the phrase, at its end ("the Kremlin", not the "Russia" of
    // "Russia's foreign ministry"), and not the object of an "of" inside
    // it ("the Communications Workers of America").
    let fits = |m: &Mention, span: Span| {
        let is_person = found.kind(m.referent) == EntityKind::Person;
        let after_of = m.span.start > mention.start
            && mention.contains(m.span)
            && text[..m.span.start].trim_end().ends_with(" of");
        is_person == wants_person && (wants_person || (m.span.end == span.end && !after_of))
    };
    // Each speaker reads only the mentions near it, not all of them.
    let at = |span: Span| found.overlapping(span).find(|m| fits(m, span));
    let linked = hint.and_then(|i| found.mentions().get(i));
    let Some(entity) = linked.or_else(|| at(mention)).or_else(|| name.and_then(at)) else {
        return;
    };
    if let Referent::Known(_) = entity.referent {
        speaker.entity = Some(found.id(entity).to_string());
        speaker.name = found.name(entity.referent).to_string();
    }
    if speaker.role.is_none() {
        speaker.role = found.role(entity.referent).map(str::to_string);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use lede_gazetteer::Gazetteer;
    use lede_quotes::{QuoteKind, SpeakerKind};

    use super::*;
    use crate::analysis::SpeakerRecord;

    /// Enriches one speaker at every "the spokesman" of `text`, timed.
    fn enrich_every_spokesman(text: &str) -> Duration {
        let gazetteer = Gazetteer::default();
        let found = gazetteer.find(text);
        let speakers: Vec<Span> = text
            .match_indices("the spokesman")
            .map(|(at, words)| Span::new(at, at + words.len()))
            .collect();
        let start = Instant::now();
        for &span in &speakers {
            let mut quote = QuoteRecord {
                text: String::new(),
                span,
                parts: Vec::new(),
                kind: QuoteKind::Direct,
                speaker: Some(SpeakerRecord {
                    name: "the spokesman".into(),
                    mention: "the spokesman".into(),
                    span,
                    entity: None,
                    role: None,
                    kind: SpeakerKind::Nominal,
                }),
                cue: None,
                confidence: 0.5,
            };
            enrich_speaker(&mut quote, text, &found, span, None, None);
            assert_eq!(quote.speaker.and_then(|s| s.entity), None);
        }
        start.elapsed()
    }

    #[test]
    fn a_speaker_reads_only_the_mentions_near_it() {
        // Each speaker used to read every mention of the document, so time
        // grew with speakers times mentions.
        let unit = format!("\"Yes,\" the spokesman said. {}", "Moscow ".repeat(40));
        let time = |n: usize| {
            let text = unit.repeat(n);
            (0..3).map(|_| enrich_every_spokesman(&text)).min().unwrap_or_default()
        };
        let t_small = time(100).max(Duration::from_micros(200));
        let t_large = time(1_600);
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        // Sixteen times the speakers and mentions: linear work takes 16
        // times as long, quadratic 256.
        assert!(
            ratio < 64.0,
            "{t_small:?} then {t_large:?} (ratio {ratio:.1}; linear is 16)"
        );
    }
}
