//! Finding entities in one document: the automaton pass, the case and
//! ambiguity rules, offices, people introduced by role words, and surname
//! linking.

use std::collections::{HashMap, HashSet};

use lede_text::Span;

use crate::entity::EntityKind;
use crate::gazetteer::{Gazetteer, Inner};
use crate::lexicon::{self, Ambiguity, Context};
use crate::matcher::Hit;
use crate::mention::{DocEntities, LocalPerson, MatchKind, Mention, Reason, Referent, Rejected, Rejection};
use crate::scan::{self, bare, is_capitalized, word_after, word_before};

/// A role word the scan found: where, and whether it is an honorific.
struct RoleHit {
    span: Span,
    honorific: bool,
}

pub(crate) fn find<'a>(gazetteer: &'a Gazetteer, text: &'a str) -> DocEntities<'a> {
    let inner = &*gazetteer.inner;
    // About one mention per hundred bytes of news, one capitalised word
    // that starts no alias per sixty, a role word per three hundred: the
    // lists are sized with room to spare once, not grown (each growth
    // copies the list).
    let mut doc = DocEntities {
        gazetteer,
        mentions: Vec::with_capacity(text.len() / 48),
        rejected: Vec::new(),
        people: Vec::new(),
        roles: Vec::new(),
        longest: 0,
    };
    let mut pending: Vec<(Mention<'a>, &'static Ambiguity)> = Vec::new();
    let mut role_hits = Vec::with_capacity(text.len() / 128);
    // Capitalised words that start no alias, with their first byte.
    let mut capitalized = Vec::with_capacity(text.len() / 32);
    let Some(matcher) = inner.matcher.as_ref() else {
        return doc;
    };
    matcher.scan(text, |hit| {
        let (span, pattern) = match hit {
            Hit::Role { span, honorific } => return role_hits.push(RoleHit { span, honorific }),
            Hit::Capitalized(at) => return capitalized.push((at, text.as_bytes()[at])),
            Hit::Alias { span, pattern } => (span, pattern),
        };
        let written: &'a str = &inner.pattern_alias[pattern];
        let pattern = inner.patterns[pattern];
        let referent = Referent::Known(pattern.entity);
        if pattern.short_acronym && scan::in_all_caps_line(text, span) {
            return doc.rejected.push(Rejected {
                span,
                referent,
                reason: Rejection::AllCapsText,
            });
        }
        let how = if pattern.capital && !after_locative(text, span) {
            MatchKind::Metonym
        } else {
            pattern.how
        };
        let mention = Mention {
            span,
            referent,
            alias: written,
            how,
            reason: Reason::Unambiguous,
        };
        match pattern.ambiguity {
            Some(ambiguity) => pending.push((mention, ambiguity)),
            None => doc.mentions.push(mention),
        }
    });
    // The scan reports matches in text order, so its mentions are sorted;
    // each later pass appends to them.
    let scanned = doc.mentions.len();
    resolve_ambiguous(inner, text, &mut doc, pending);
    add_offices(inner, text, &mut doc);
    sort_mentions(&mut doc.mentions, scanned);
    add_people(inner, text, &mut doc, &role_hits);
    let people = doc.mentions.len();
    link_surnames(inner, text, &mut doc, &capitalized);
    sort_mentions(&mut doc.mentions, people);
    doc.mentions.dedup_by_key(|m| (m.span, m.referent));
    doc.rejected.sort_by_key(|r| r.span);
    doc.longest = doc.mentions.iter().map(|m| m.span.len()).max().unwrap_or(0);
    doc
}

/// Sorts mentions by span, then referent (stable: of two mentions with
/// the same key, dedup keeps the first), where the first `sorted` are
/// known to be in order. Each pass appends a few mentions to a sorted
/// list, so only the appended tail is sorted, then merged into the rest
/// from the back, each run of the sorted part moved once as a block:
/// mentions are large, and a full sort moved each of them several times
/// (it was a tenth of the time to find entities).
fn sort_mentions(mentions: &mut Vec<Mention>, sorted: usize) {
    let key = |m: &Mention| (m.span, m.referent);
    let start = sorted.min(mentions.len()).saturating_sub(1);
    let sorted = start
        + 1
        + mentions[start..]
            .windows(2)
            .take_while(|w| key(&w[0]) <= key(&w[1]))
            .count();
    if sorted >= mentions.len() {
        return;
    }
    let mut tail = mentions.split_off(sorted);
    tail.sort_by_key(key);
    mentions.extend_from_slice(&tail);
    // The sorted part is `mentions[..end]`; the tail's first `j + 1` go
    // before the rest of it.
    let mut end = sorted;
    for (j, mention) in tail.iter().enumerate().rev() {
        // After the sorted part's mentions with a key not above its own
        // (of equal keys, the earlier mention stays first). Each mention
        // passed over is moved, and never looked at again.
        let mut at = end;
        while at > 0 && key(&mentions[at - 1]) > key(mention) {
            at -= 1;
        }
        if at < end {
            mentions.copy_within(at..end, at + j + 1);
        }
        mentions[at + j] = *mention;
        end = at;
    }
}

/// "in Moscow", "to Kyiv": the city as a place, not its government.
fn after_locative(text: &str, span: Span) -> bool {
    word_before(text, span.start).is_some_and(|w| {
        let word = w.slice(text);
        lexicon::LOCATIVES.iter().any(|l| l.eq_ignore_ascii_case(word))
    })
}

/// Accepts or rejects each mention of an ambiguous alias, by the rules of
/// its row in `data/ambiguous.tsv`, recording why.
fn resolve_ambiguous<'a>(
    inner: &'a Inner,
    text: &'a str,
    doc: &mut DocEntities<'a>,
    pending: Vec<(Mention<'a>, &'static Ambiguity)>,
) {
    let mut accepted = Vec::new();
    // One decision per entity: the confirmation does not depend on where
    // the mention stands, and a long document may repeat an alias often.
    let mut confirmed: Vec<(Referent, Option<Reason<'a>>)> = Vec::new();
    for (mut mention, ambiguity) in pending {
        if let Some(reason) = ruled_out(text, mention.span, ambiguity) {
            doc.rejected.push(Rejected {
                span: mention.span,
                referent: mention.referent,
                reason,
            });
            continue;
        }
        let confirmation = match ambiguity.context {
            Context::Blockers => Some(Reason::NotRuledOut),
            Context::Required => match confirmed.iter().find(|(r, _)| *r == mention.referent) {
                Some(&(_, reason)) => reason,
                None => {
                    let reason = confirm(inner, text, &doc.mentions, mention.referent, ambiguity);
                    confirmed.push((mention.referent, reason));
                    reason
                }
            },
        };
        match confirmation {
            Some(reason) => {
                mention.reason = reason;
                accepted.push(mention);
            }
            None => doc.rejected.push(Rejected {
                span: mention.span,
                referent: mention.referent,
                reason: Rejection::NoContext {
                    ambiguity: ambiguity.reason,
                },
            }),
        }
    }
    doc.mentions.extend(accepted);
}

/// Why an ambiguous mention cannot be the entity, if something says so:
/// a blocker pattern, or a capitalised word that makes it part of a
/// longer name ("Michael Jordan"; for aliases that need context also
/// "Chad Smith").
fn ruled_out(text: &str, span: Span, ambiguity: &'static Ambiguity) -> Option<Rejection<'static>> {
    // The words next to the mention, found once: every spaced blocker and
    // the name test start from them.
    let before = word_before(text, span.start);
    let after = word_after(text, span.end);
    for blocker in &ambiguity.blockers {
        let hit = if blocker.anywhere {
            contains_word(text, blocker.written)
        } else {
            pattern_at(
                text,
                span.start,
                blocker.before,
                &blocker.before_words,
                Side::Before(before),
            ) && pattern_at(text, span.end, blocker.after, &blocker.after_words, Side::After(after))
        };
        if hit {
            return Some(Rejection::Blocked {
                pattern: blocker.written,
            });
        }
    }
    let name_word = |word: Span| {
        let w = word.slice(text);
        is_capitalized(w) && !w.ends_with('.') && !lexicon::is_not_name(w) && !lexicon::is_role_word(w)
    };
    if let Some(before) = before.filter(|&w| name_word(w)) {
        return Some(Rejection::PartOfName(Span::new(before.start, span.end)));
    }
    if ambiguity.context == Context::Required {
        if let Some(after) = after.filter(|&w| name_word(w)) {
            return Some(Rejection::PartOfName(Span::new(span.start, after.end)));
        }
    }
    None
}

/// Which side of a mention a blocker pattern stands on, with the word
/// right next to the mention on that side (`word_before` of its start,
/// `word_after` of its end).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before(Option<Span>),
    After(Option<Span>),
}

/// A blocker pattern's text ("in ", "Governor of ", "mid-", " card", " #")
/// stands right before or after `pos`. With a space next to the mention,
/// its words are compared with the neighbouring words; without one
/// ("mid-"), with the text itself. `words` are the pattern's words,
/// nearest the mention first.
fn pattern_at(text: &str, pos: usize, pattern: &str, words: &[&str], side: Side) -> bool {
    if pattern.is_empty() {
        return true;
    }
    let spaced = match side {
        Side::Before(_) => pattern.ends_with(' '),
        Side::After(_) => pattern.starts_with(' '),
    };
    if !spaced {
        let piece = match side {
            Side::Before(_) => pos.checked_sub(pattern.len()).and_then(|start| text.get(start..pos)),
            Side::After(_) => text.get(pos..pos + pattern.len()),
        };
        return piece.is_some_and(|p| p.eq_ignore_ascii_case(pattern));
    }
    let (mut word, before) = match side {
        Side::Before(nearest) => (nearest, true),
        Side::After(nearest) => (nearest, false),
    };
    for expected in words {
        let Some(w) = word else { return false };
        if !word_is(bare(w.slice(text)), expected) {
            return false;
        }
        word = if before {
            word_before(text, w.start)
        } else {
            word_after(text, w.end)
        };
    }
    true
}

/// A word of the text against a word of a pattern, where `#` is any number.
fn word_is(word: &str, expected: &str) -> bool {
    if expected == "#" {
        word.starts_with(|c: char| c.is_ascii_digit())
    } else {
        word.eq_ignore_ascii_case(expected)
    }
}

/// `word` (one or more words) stands in `text` at word boundaries.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, w)| scan::at_word_boundaries(text, Span::new(at, at + w.len())))
}

/// What confirms an ambiguous mention: the same entity (or its capital)
/// named unambiguously, or a cue word in the document.
fn confirm<'a>(
    inner: &Inner,
    text: &str,
    accepted: &[Mention<'a>],
    referent: Referent,
    ambiguity: &'static Ambiguity,
) -> Option<Reason<'a>> {
    let Referent::Known(index) = referent else { return None };
    let id = &inner.entities[index as usize].id;
    let same = accepted.iter().find(|m| {
        m.referent == referent
            || matches!(m.referent, Referent::Known(other)
                if inner.entities[other as usize].attributes.capital_of.as_ref() == Some(id))
    });
    if let Some(m) = same {
        return Some(Reason::SameEntity(m.span));
    }
    ambiguity
        .cues
        .iter()
        .find(|cue| contains_word(text, cue))
        .map(|cue| Reason::Cue(cue))
}

/// "the Russian president", "Britain's prime minister": an office of a
/// country mentioned just before it, not followed by the holder's name
/// (then the name itself is the mention).
fn add_offices<'a>(inner: &'a Inner, text: &'a str, doc: &mut DocEntities<'a>) {
    let mut found = Vec::new();
    let mut key = (0, String::new());
    let mut words = Vec::new();
    for mention in &doc.mentions {
        let Referent::Known(country) = mention.referent else {
            continue;
        };
        // Most words after a country start no office ("Russia is"): test
        // a byte before the entity or any phrase.
        let bytes = text.as_bytes();
        let possessive = matches!(bytes.get(mention.span.end), Some(b'\'' | 0xE2));
        let next = bytes.get(mention.span.end + 1).map_or(0, u8::to_ascii_lowercase);
        if !possessive && !inner.office_initials[next as usize] {
            continue;
        }
        if inner.entities[country as usize].kind != EntityKind::Country || mention.how == MatchKind::Metonym {
            continue;
        }
        let mut end = mention.span.end;
        for possessive in ["'s", "\u{2019}s"] {
            if text[end..].starts_with(possessive) {
                end += possessive.len();
            }
        }
        let Some(first) = word_after(text, end) else { continue };
        let (written, core) = (first.slice(text), bare(first.slice(text)));
        if inner.office_starts.get(core).is_none() {
            continue;
        }
        // A phrase of several words starts with the first word as written
        // (lower-cased): no office starting with it has more words than
        // its entry says, and without one only a single word can match.
        // (Non-ASCII words, whose lower case this comparison does not
        // cover, keep the general limit.)
        let most = if written.is_ascii() {
            inner.office_starts.get(written).unwrap_or(1)
        } else {
            inner.longest_office
        };
        words.clear();
        words.push(first);
        let mut pos = first.end;
        while words.len() < most {
            let Some(word) = word_after(text, pos) else { break };
            words.push(word);
            pos = word.end;
        }
        // Longest office first: "foreign minister" before "minister".
        for n in (1..=words.len()).rev() {
            // Without a sentence's full stop: "Britain's prime minister."
            let last = words[n - 1];
            let last = Span::new(last.start, last.start + bare(last.slice(text)).len());
            // One key, refilled for each phrase.
            key.0 = country;
            key.1.clear();
            let phrase = &text[words[0].start..last.end];
            if phrase.is_ascii() {
                key.1.push_str(phrase);
                key.1.make_ascii_lowercase();
            } else {
                key.1.push_str(&phrase.to_lowercase());
            }
            let Some(&holder) = inner.titles.get(&key) else {
                continue;
            };
            let named = word_after(text, last.end).is_some_and(|w| is_capitalized(w.slice(text)));
            if !named {
                found.push(Mention {
                    span: Span::new(mention.span.start, last.end),
                    referent: Referent::Known(holder),
                    alias: &inner.entities[holder as usize].name,
                    how: MatchKind::Title,
                    reason: Reason::Office,
                });
            }
            break;
        }
    }
    doc.mentions.extend(found);
}

/// Particles inside names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "el", "la", "le", "van", "von",
];

/// People introduced by a role word: "Kremlin adviser Yuri Ushakov",
/// "Foreign Minister Ana Ruiz", "Mr. Reed". A gazetteer person after a
/// role word gets the document's role.
///
/// The mentions are sorted when it starts, and again when it ends.
fn add_people<'a>(inner: &'a Inner, text: &'a str, doc: &mut DocEntities<'a>, hits: &[RoleHit]) {
    let mut introduced = Vec::new();
    // The people so far by name, and their ids, once there are more than a
    // few: a document introducing thousands of people stays linear, and
    // an article's handful is searched in the list instead of hashing.
    let mut tables: Option<PeopleTables<'a>> = None;
    for hit in hits {
        let Some(first) = word_after(text, hit.span.end) else {
            continue;
        };
        let role = if hit.honorific {
            None
        } else {
            role_before(text, doc, hit.span)
        };
        if let Some(known) = starting_at(&doc.mentions, first.start) {
            // A gazetteer person keeps a role the document spells out
            // ("Kremlin adviser"); a bare "President" says less than the
            // gazetteer's "President of Russia".
            if let (Referent::Known(index), Some(role)) = (known.referent, role) {
                let is_person = inner.entities[index as usize].kind == EntityKind::Person;
                if is_person && role.contains(' ') && !doc.roles.iter().any(|(i, _)| *i == index) {
                    doc.roles.push((index, role));
                }
            }
            continue;
        }
        let Some(run) = name_run(text, first, &doc.mentions) else {
            continue;
        };
        let words = text[run.range()].split(' ').count();
        if words < 2 && !hit.honorific {
            continue;
        }
        let name = &text[run.range()];
        if tables.is_none() && doc.people.len() > FEW_PEOPLE {
            tables = Some(PeopleTables::new(&doc.people, hits.len()));
        }
        let known = match &tables {
            Some(tables) => tables.by_name.get(name).copied(),
            None => doc.people.iter().position(|p| p.name == name),
        };
        let index = match known {
            Some(i) => i,
            None => {
                let mut id = String::with_capacity("local:".len() + name.len());
                id.push_str("local:");
                scan::push_slug(&mut id, name);
                let taken = match &tables {
                    Some(tables) => tables.ids.contains(&id),
                    None => doc.people.iter().any(|p| p.id == id),
                };
                if taken {
                    id = format!("{id}-{}", doc.people.len() + 1);
                }
                if let Some(tables) = &mut tables {
                    tables.ids.insert(id.clone());
                    tables.by_name.insert(name, doc.people.len());
                }
                doc.people.push(LocalPerson { id, name, role });
                doc.people.len() - 1
            }
        };
        let mention = Mention {
            span: run,
            referent: Referent::Local(index as u32),
            alias: name,
            how: MatchKind::Name,
            reason: Reason::Role,
        };
        introduced.push(mention);
    }
    let sorted = doc.mentions.len();
    doc.mentions.extend(introduced);
    sort_mentions(&mut doc.mentions, sorted);
}

/// Up to this many people, a new name and its id are compared with each
/// person's; past it, they are looked up in [`PeopleTables`].
const FEW_PEOPLE: usize = 16;

/// The people of a document by name, and their ids, for documents that
/// introduce many.
struct PeopleTables<'a> {
    // Keyed by the document's own words: std's SipHash, so a crafted text
    // cannot collide them.
    by_name: HashMap<&'a str, usize>,
    ids: HashSet<String>,
}

impl<'a> PeopleTables<'a> {
    /// The tables of `people`, with room for `more` (every role word's
    /// person: no table grows while the role words are read).
    fn new(people: &[LocalPerson<'a>], more: usize) -> PeopleTables<'a> {
        let capacity = people.len() + more;
        let mut by_name = HashMap::with_capacity(capacity);
        by_name.extend(people.iter().enumerate().map(|(i, p)| (p.name, i)));
        let mut ids = HashSet::with_capacity(capacity);
        ids.extend(people.iter().map(|p| p.id.clone()));
        PeopleTables { by_name, ids }
    }
}

/// The first mention starting at `pos`, in mentions sorted by span.
fn starting_at<'m, 'a>(sorted: &'m [Mention<'a>], pos: usize) -> Option<&'m Mention<'a>> {
    sorted
        .get(sorted.partition_point(|m| m.span.start < pos))
        .filter(|m| m.span.start == pos)
}

/// The words before a role word that belong to the role: capitalised
/// qualifiers and known names ("Kremlin", "U.S.", "Foreign"), and a few
/// lower-case ones ("senior", "policy"). Stops at a sentence opener ("As").
fn role_before<'a>(text: &'a str, doc: &DocEntities<'a>, role: Span) -> Option<&'a str> {
    let mut start = role.start;
    for _ in 0..4 {
        let Some(word) = word_before(text, start) else { break };
        let w = word.slice(text);
        let known = starting_at(&doc.mentions, word.start).is_some_and(|m| m.span == word);
        let qualifier = lexicon::ROLE_MODIFIERS.contains(&w)
            || (is_capitalized(w) && !lexicon::is_not_name(w) && !w.ends_with("'s"));
        if !(known || qualifier) || w.ends_with(',') {
            break;
        }
        start = word.start;
    }
    Some(&text[start..role.end])
}

/// A run of capitalised words starting at `first`: the name after a role
/// word. At most four words, particles allowed inside; stops before a
/// known entity and at punctuation.
fn name_run(text: &str, first: Span, known: &[Mention]) -> Option<Span> {
    let mut end: Option<usize> = None;
    let mut count = 0;
    let mut word = Some(first);
    while let Some(w) = word {
        if count == 4 {
            break;
        }
        let raw = w.slice(text);
        let core = bare(raw);
        let capital = is_capitalized(core) && !lexicon::is_not_name(core);
        let particle = count > 0 && PARTICLES.contains(&core);
        if !(capital || particle) || starting_at(known, w.start).is_some() {
            break;
        }
        if core.chars().filter(|c| c.is_alphabetic()).count() == 0 {
            break;
        }
        if capital {
            end = Some(w.start + core.len());
        }
        count += 1;
        if core.len() != raw.len() {
            break;
        }
        word = word_after(text, w.end);
    }
    end.map(|end| Span::new(first.start, end))
}

/// Up to this many surnames, each is compared with the others and each
/// one-word surname with every capitalised word (the fastest way for an
/// article's handful); past it, they are looked up in tables.
const FEW_SURNAMES: usize = 32;

/// Later (and earlier) bare surnames of people named in full: "Ushakov"
/// after "Yuri Ushakov", "Starmer" after "Keir Starmer". A surname two
/// people share links to neither. The mentions are sorted when it starts
/// ([`add_people`] leaves them so); it appends the linked ones.
fn link_surnames<'a>(inner: &'a Inner, text: &'a str, doc: &mut DocEntities<'a>, capitalized: &[(usize, u8)]) {
    // Hash tables keyed by the document's own words: std's SipHash, so a
    // crafted text cannot collide them (unlike FNV on the built-in tables).
    // An article's handful of surnames is searched in the list instead.
    let mut surnames: Vec<(&'a str, Referent, Span)> = Vec::new();
    let mut seen: Option<HashSet<(&'a str, Referent)>> = None;
    for mention in &doc.mentions {
        let family = match mention.referent {
            Referent::Known(i) if matches!(mention.how, MatchKind::Name | MatchKind::Alias) => {
                inner.entities[i as usize].family_name()
            }
            Referent::Local(i) => {
                let name = doc.people[i as usize].name;
                name.rsplit(' ').next().filter(|last| *last != name)
            }
            _ => None,
        };
        let Some(family) = family.filter(|f| !f.is_empty()) else {
            continue;
        };
        let key = (family, mention.referent);
        let new = match &mut seen {
            Some(seen) => seen.insert(key),
            None => !surnames.iter().any(|&(f, r, _)| (f, r) == key),
        };
        if new {
            surnames.push((family, mention.referent, mention.span));
            if seen.is_none() && surnames.len() > FEW_SURNAMES {
                let mut table = HashSet::with_capacity(doc.mentions.len());
                table.extend(surnames.iter().map(|&(f, r, _)| (f, r)));
                seen = Some(table);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    // Whether a surname names more than one person: one two people share
    // links to neither. Counted in the list for the few found at a
    // capitalised word, in a table when there are many.
    let bearers: Option<HashMap<&str, usize>> = (surnames.len() > FEW_SURNAMES).then(|| {
        let mut bearers = HashMap::with_capacity(surnames.len());
        for &(surname, ..) in &surnames {
            *bearers.entry(surname).or_default() += 1;
        }
        bearers
    });
    let shared = |surname: &str| match &bearers {
        Some(bearers) => bearers.get(surname).is_some_and(|&n| n > 1),
        None => surnames.iter().filter(|&&(s, ..)| s == surname).count() > 1,
    };
    let mut linked = Vec::new();
    let longest = doc.mentions.iter().map(|m| m.span.len()).max().unwrap_or(0);
    let (mentions, rejected) = (&doc.mentions, &mut doc.rejected);
    let mut consider = |i: usize, at: usize| {
        let (surname, referent, full) = surnames[i];
        let span = Span::new(at, at + surname.len());
        if !scan::at_word_boundaries(text, span) || overlaps(mentions, longest, span) {
            return;
        }
        if shared(surname) {
            return rejected.push(Rejected {
                span,
                referent,
                reason: Rejection::SharedSurname,
            });
        }
        if let Some(reason) = lexicon::ambiguity(surname).and_then(|a| ruled_out(text, span, a)) {
            return rejected.push(Rejected { span, referent, reason });
        }
        linked.push(Mention {
            span,
            referent,
            alias: surname,
            how: MatchKind::Surname,
            reason: Reason::LinkedTo(full),
        });
    };
    // A one-word surname can only stand at a capitalised word the scan
    // already listed; a longer one ("von der Leyen") is searched for.
    let mut one_word: Vec<usize> = Vec::new();
    for (i, &(surname, ..)) in surnames.iter().enumerate() {
        if surname.contains(' ') {
            text.match_indices(surname).for_each(|(at, _)| consider(i, at));
        } else {
            one_word.push(i);
        }
    }
    if one_word.len() <= FEW_SURNAMES {
        // The usual article: each surname against the capitalised words,
        // the first byte kept beside each ruling out most of them without
        // a look at the text.
        for i in one_word {
            let surname = surnames[i].0.as_bytes();
            capitalized
                .iter()
                .filter(|&&(at, initial)| initial == surname[0] && text.as_bytes()[at..].starts_with(surname))
                .for_each(|&(at, _)| consider(i, at));
        }
    } else {
        // Many people (a digest, a list, a crafted text): each capitalised
        // word is looked up once per surname length instead, so the text
        // is read once however many people it names.
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut lengths: Vec<usize> = Vec::new();
        for i in one_word {
            by_text.entry(surnames[i].0).or_default().push(i);
            lengths.push(surnames[i].0.len());
        }
        lengths.sort_unstable();
        lengths.dedup();
        for &(at, _) in capitalized {
            for &len in lengths.iter().take_while(|&&len| at + len <= text.len()) {
                let Some(ids) = text.get(at..at + len).and_then(|word| by_text.get(word)) else {
                    continue;
                };
                for &i in ids {
                    consider(i, at);
                }
            }
        }
    }
    doc.mentions.extend(linked);
}

/// True when `span` overlaps one of the mentions, sorted by span, none
/// longer than `longest` bytes.
fn overlaps(sorted: &[Mention], longest: usize, span: Span) -> bool {
    let before_end = sorted.partition_point(|m| m.span.start < span.end);
    sorted[..before_end]
        .iter()
        .rev()
        .take_while(|m| m.span.start + longest > span.start)
        .any(|m| m.span.end > span.start)
}
