//! Entities for the facade: gazetteer mentions as records whose spans point
//! into the original input, and quote speakers enriched with what the
//! gazetteer knows about them.

use lede_clean::Cleaned;
use lede_gazetteer::{DocEntities, Referent};

use crate::analysis::{EntityRecord, Excerpt, QuoteRecord};
use crate::pipeline::original;

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
/// `hint` is the index of the gazetteer mention (`found.hints()` order)
/// that lede-quotes linked to the speaker. lede-quotes alone decides which
/// entity a speaker is (its head word, not a name in its apposition or
/// after "of"), so a speaker it left unlinked stays unlinked here.
pub(crate) fn enrich_speaker(quote: &mut QuoteRecord, found: &DocEntities, hint: Option<usize>) {
    let Some(speaker) = quote.speaker.as_mut() else { return };
    let Some(entity) = hint.and_then(|i| found.mentions().get(i)) else {
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
