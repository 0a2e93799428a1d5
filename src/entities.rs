//! Entities for the facade: gazetteer mentions as records whose spans point
//! into the original input, and quote speakers enriched with what the
//! gazetteer knows about them.

use lede_gazetteer::{DocEntities, Referent};
use lede_quotes::Speaker;

use crate::analysis::{EntityRecord, SpeakerRecord};
use crate::pipeline::Origin;

/// The entities found in the clean text, in order of first mention, with
/// every mention mapped back to the input.
pub(crate) fn entity_records(found: &DocEntities, origin: &Origin) -> Vec<EntityRecord> {
    found
        .entities()
        .iter()
        .map(|entity| EntityRecord {
            id: entity.id.to_string(),
            name: entity.name.to_string(),
            kind: entity.kind,
            mentions: entity.mentions.iter().map(|m| origin.excerpt(m.span)).collect(),
        })
        .collect()
}

/// A quote's speaker as a record of the input, with what the gazetteer
/// knows: the entity id (a known entity's, or the document-local id of a
/// person the article introduces), a known entity's canonical name, and a
/// role when the quote gives none (the role the article gives elsewhere,
/// else the gazetteer's).
///
/// `speaker.hint` is the index of the gazetteer mention (`found.hints()`
/// order) that lede-quotes linked to the speaker. lede-quotes alone decides
/// which entity a speaker is (its head word, not a name in its apposition
/// or after "of"), so a speaker it left unlinked stays unlinked here.
pub(crate) fn speaker_record(speaker: &Speaker, found: &DocEntities, origin: &Origin) -> SpeakerRecord {
    let linked = speaker.hint.and_then(|i| found.mentions().get(i));
    let known = linked.filter(|m| matches!(m.referent, Referent::Known(_)));
    let (span, mention) = origin.text(speaker.mention);
    // A known entity's canonical name replaces the article's, which is
    // then not worth copying.
    let name = match (known, speaker.name) {
        (Some(m), _) => found.name(m.referent).to_string(),
        (None, Some(name)) => origin.text(name).1,
        (None, None) => mention.clone(),
    };
    let role = match speaker.role {
        Some(role) => Some(origin.text(role).1),
        None => linked.and_then(|m| found.role(m.referent)).map(str::to_string),
    };
    SpeakerRecord {
        name,
        mention,
        span,
        entity: linked.map(|m| found.id(m).to_string()),
        role,
        kind: speaker.kind,
    }
}
