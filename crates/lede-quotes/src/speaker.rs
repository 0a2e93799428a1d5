//! Speaker phrases next to a cue: "Kremlin adviser Yuri Ushakov said",
//! "said Gita Gopinath, the fund's first deputy managing director", "he
//! told", "a senior official said", "according to the ministry".

use lede_text::{is_capitalized, Span};

use crate::document::{floor_char_boundary, is_blank, is_quote_mark, Document};
use crate::lexicon::{is_particle, is_possessive, lower, WordList};
use crate::quote::{Speaker, SpeakerKind};

/// The most words a speaker phrase spans.
const MAX_PHRASE_WORDS: usize = 10;

/// The speaker phrase that ends right before `pos`, skipping words such as
/// "has also" and adverbs ("X has also said", "X reportedly told"), with an
/// apposition ("Gopinath, the fund's deputy director, said") or a relative
/// pronoun ("Ushakov, who ..., said") taken back to the name.
pub(crate) fn speaker_before(doc: &Document, pos: usize, floor: usize) -> Option<Speaker> {
    if let Some(open) = parenthetical_before(doc, pos, floor) {
        // "Sen. Rand Paul (R-Ky.) said", "Donald Trump - who had said ... -
        // said": the speaker stands before the aside, which joins the mention.
        let mut speaker = speaker_before(doc, open, floor)?;
        speaker.mention = speaker.mention.cover(Span::new(open, doc.text[..pos].trim_end().len()));
        return Some(speaker);
    }
    if let Some(end) = hometown_before(doc, pos, floor) {
        // "Brianne Stone, 29, of Huntsville, Ala., says": the speaker stands
        // before the hometown, which joins the mention; a name right before
        // its comma, else a name and its apposition ("Paul Osei, a retired
        // teacher, of Leeds, said").
        let bare = doc.text[..end].trim_end_matches(',').len();
        let mut speaker = speaker_before(doc, bare, floor)
            .filter(|s| s.name.is_some())
            .or_else(|| (bare < end).then(|| speaker_before(doc, end, floor)).flatten())?;
        speaker.mention = speaker
            .mention
            .cover(Span::new(end, doc.text[..pos].trim_end().len() - 1));
        return Some(speaker);
    }
    let mut i = doc.word_before(pos)?;
    // "Norland Steel Corp. said", "Martin Luther King Jr. said": an
    // abbreviation's period is part of the phrase.
    let gap = &doc.text[doc.words[i].end..pos];
    let abbreviated = gap.strip_prefix('.').is_some_and(is_blank) && ends_name(doc.word(i));
    if !is_blank(gap) && !abbreviated {
        return apposition_before(doc, i, pos, floor);
    }
    while is_between_word(doc, i) || is_time_word(doc, i) {
        let prev = i.checked_sub(1)?;
        if doc.words[prev].start < floor {
            return None;
        }
        if !is_blank(doc.gap_after(prev)) {
            // "Maria Lopez, now a consultant, has denied", "The report,
            // published Monday, also found": the auxiliary or adverb
            // follows an apposition.
            return apposition_before(doc, prev, doc.words[i].start, floor);
        }
        i = prev;
    }
    if doc.words[i].start < floor {
        return None;
    }
    let word = doc.word(i);
    if is_subject_pronoun(word) {
        return Some(pronoun(doc, i));
    }
    if is_age(word) && doc.text[..doc.words[i].start].ends_with(", ") {
        // "Woodrow Benford, 58, who ...": the age goes with the name before it.
        let mut speaker = speaker_before(doc, doc.words[i].start - 2, floor)?;
        if speaker.kind != SpeakerKind::Person {
            return None;
        }
        speaker.mention = speaker.mention.cover(doc.words[i]);
        return Some(speaker);
    }
    if doc.is(i, WordList::Relative) && word != "that" {
        // "Ushakov, who said ...": the relative pronoun is the mention at
        // the cue, and the phrase before its comma names the speaker.
        let before = doc.text[floor..doc.words[i].start].trim_end();
        let comma = before.strip_suffix(',')?;
        let antecedent = speaker_before(doc, floor + comma.len(), floor)?;
        return Some(Speaker {
            mention: doc.words[i],
            name: antecedent.name.or(Some(antecedent.mention)),
            ..antecedent
        });
    }
    let speaker = phrase_ending_at(doc, i, floor)?;
    if !abbreviated {
        return Some(speaker);
    }
    Some(Speaker {
        mention: with_abbreviation_period(doc, speaker.mention),
        name: speaker.name.map(|name| with_abbreviation_period(doc, name)),
        ..speaker
    })
}

/// Where the speaker phrase ends before a hometown set off by commas
/// right before `pos`: ", of Huntsville, Ala.," or " of Baldwin, Miss.,"
/// (a place of one to three capitalised words after "of", and a state's
/// abbreviation). Returns the end of the words before "of" and its comma.
fn hometown_before(doc: &Document, pos: usize, floor: usize) -> Option<usize> {
    const REACH: usize = 60;
    let before = doc.text[floor..pos].trim_end().strip_suffix(',')?;
    let limit = floor_char_boundary(before, before.len().saturating_sub(REACH));
    let window = &before[limit..];
    // The state: "Ala.", "N.Y.", "Calif." after a comma.
    let (place, state) = window.rsplit_once(", ")?;
    let state_ok = state.ends_with('.') && state.len() <= 6 && state.starts_with(|c: char| c.is_ascii_uppercase());
    let place = if state_ok { place } else { window };
    let (lead, town) = place.rsplit_once(" of ")?;
    let town_ok = is_town(town, state_ok);
    // Set off by its own comma (", of Huntsville,"), or right after a name
    // with a state ("Dewayne Smithy of Baldwin, Miss.,"): not "chairman of
    // Fox Networks," or "Democrat of Tennessee,".
    let set_off = lead.ends_with(',') || (state_ok && lead.ends_with(|c: char| c.is_alphabetic()));
    if !town_ok || !set_off || lead.trim_end_matches(',').trim_end().is_empty() {
        return None;
    }
    // After its comma, when there is one: "Paul Osei, a retired teacher,"
    // then reads as a name and its apposition.
    Some(floor + limit + lead.trim_end().len())
}

/// Whether the words after "of" in a speaker's description name a town:
/// capitalised, and with a state after them up to three words, else one or
/// two ("of Exeter", "of North Philadelphia"); a longer name is likelier a
/// body ("of RBC Capital Markets"), which describes the speaker.
fn is_town(words: &str, with_state: bool) -> bool {
    let most = if with_state { 3 } else { 2 };
    !words.is_empty()
        && words.split(' ').count() <= most
        && words
            .split(' ')
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.contains(','))
}

/// `place` with the state abbreviation after it, if any, up to `limit`:
/// "of Toledo" in "of Toledo, Ohio," or "of Huntsville, Ala.".
fn with_state(doc: &Document, place: Span, limit: usize) -> Span {
    let Some(state) = doc.word_after(place.end).filter(|&w| doc.words[w].end <= limit) else {
        return place;
    };
    let word = doc.word(state);
    let abbreviated = doc.text[doc.words[state].end..limit].starts_with('.');
    let state_like = is_capitalized(word) && (abbreviated || word.len() >= 4) && word.len() <= 14;
    if doc.text[place.end..doc.words[state].start] != *", " || !state_like {
        return place;
    }
    // The state runs to the next comma or the sentence end.
    let end = apposition_end(doc.text, doc.words[state].start, limit);
    place.cover(Span::new(doc.words[state].start, end).trim(doc.text))
}

/// Where an aside that ends right before `pos` opens: a parenthesis
/// ("(R-Ky.)", "(Reuters)") or a pair of dashes (" - who had said ... - ",
/// " -- ... -- ", " — ... — "), within the sentence and a short reach.
fn parenthetical_before(doc: &Document, pos: usize, floor: usize) -> Option<usize> {
    const REACH: usize = 240;
    let before = doc.text[floor..pos].trim_end();
    let limit = floor_char_boundary(before, before.len().saturating_sub(REACH));
    let window = &before[limit..];
    if window.ends_with(')') {
        let open = window.rfind('(')?;
        return Some(floor + limit + open);
    }
    for dash in [" -- ", " \u{2014} ", " \u{2013} ", " - "] {
        let closing = dash.trim_end();
        if let Some(inner) = window.strip_suffix(closing) {
            let open = inner.rfind(dash)?;
            return Some(floor + limit + open);
        }
    }
    None
}

/// The most words an apposition between commas spans.
const MAX_APPOSITION_WORDS: usize = 24;

/// `i` is the last word before the cue and a comma lies between them: the
/// speaker has an apposition or a relative clause between commas.
/// "Gita Gopinath, the fund's first deputy managing director, said";
/// "Another pollster, David Woodard of Clemson University, said";
/// "Dunwoody, who worked for the campaign in 2008, said".
fn apposition_before(doc: &Document, i: usize, pos: usize, floor: usize) -> Option<Speaker> {
    // "Rep. Chris Collins, R-N.Y., said": an abbreviation keeps its period.
    if doc.words[i].start < floor || !matches!(doc.text[doc.words[i].end..pos].trim(), "," | ".,") {
        return None;
    }
    let open = floor + doc.text[floor..doc.words[i].start].rfind(',')?;
    let first = doc.word_after(open)?;
    if i < first || i - first >= MAX_APPOSITION_WORDS {
        return None;
    }
    let inner = Span::new(doc.words[first].start, doc.words[i].end);
    let inner_text = doc.text[open..inner.end].trim_start_matches(',');
    let relative = is_relative_pronoun(doc.word(first));
    // A subject pronoun or a "that" makes the words a clause, not a
    // description: "told ABC News, that he really, really wants".
    if !relative && (doc.word(first) == "that" || (first..=i).any(|w| is_pronoun(doc.word(w)))) {
        return None;
    }
    // A cue in a relative clause is the clause's own ("who asked not to be
    // named"); anywhere else it makes a said-tag, not an apposition:
    // `"...," Black said, referring to`.
    if inner_text.contains(|c: char| is_quote_mark(c) && c != '\u{2019}' && c != '\'')
        || (!relative && !doc.cues_in(open, inner.end).is_empty())
    {
        return None;
    }
    // "In New Hampshire, Trump went after Bush, calling": a name and a
    // verb make a clause, not an apposition; after a name only a
    // post-modifier or a role may follow ("David Woodard of Clemson").
    let name_end = (first..=i)
        .find(|&w| !is_capitalized(doc.word(w)) || is_possessive(doc.word(w)))
        .unwrap_or(i + 1);
    if !relative
        && !is_possessive(doc.word(name_end.min(i)))
        && name_end > first
        && name_end <= i
        && !doc.is(name_end, WordList::PostModifier)
        && !is_title(doc, name_end)
        && !is_particle(doc.word(name_end))
        && !matches!(doc.word(name_end), "and" | "or")
    {
        return None;
    }
    // "Priya Raman" in "The company's founder, Priya Raman, said".
    let inner_is_name = i > first && (first..=i).all(|w| is_capitalized(doc.word(w)) || is_particle(doc.word(w)));
    let mut speaker = match speaker_before(doc, open, floor) {
        // "Jean-Marc Ayrault, the foreign minister of France, a member of
        // the council, said": a description before the comma may itself be
        // an apposition to the name before it.
        Some(described) if described.name.is_none() && !relative && !inner_is_name => {
            speaker_before(doc, open + 1, floor)
                .filter(|s| s.name.is_some() && s.mention.start < described.mention.start)
                .unwrap_or(described)
        }
        Some(speaker) => speaker,
        // "Another pollster, David Woodard of Clemson University, said":
        // the phrase before the comma is a description, the name inside.
        None if !relative => phrase_ending_at(doc, i, doc.words[first].start)?,
        None => return None,
    };
    // The mention is the whole source phrase as written, apposition
    // included; a descriptive apposition is the role. A name in apposition
    // to a description ("The company's founder, Priya Raman,") is the name,
    // and the description its role.
    // "Mr. Okafor, in a brief interview on Saturday, said": an aside about
    // when or how the words were spoken describes no one.
    let circumstance = !relative && opens_circumstance(doc, first);
    let named_inside = !relative && !circumstance && speaker.name.is_none() && inner_is_name;
    if named_inside {
        speaker.role = Some(speaker.mention);
        speaker.name = Some(inner);
        speaker.kind = SpeakerKind::Person;
    }
    if (relative || circumstance) && speaker.name.is_none() {
        // "A port official, who asked not to be named,", "The minister,
        // speaking in Brussels,": the description without its clause names
        // the source.
        speaker.name = Some(speaker.mention);
    }
    speaker.mention = speaker.mention.cover(inner);
    let age = first == i && is_age(doc.word(i));
    if !relative && !circumstance && !age && speaker.kind == SpeakerKind::Person && speaker.role.is_none() {
        speaker.role = Some(inner);
    }
    Some(speaker)
}

/// The speaker of an inverted said-tag that closes its sentence (`"...,"
/// said Simon Ross, president of NDN, a policy group.`): [`speaker_after`]
/// with every further apposition the sentence gives.
pub(crate) fn inverted_speaker(doc: &Document, pos: usize, ceiling: usize) -> Option<Speaker> {
    speaker_phrase_after(doc, pos, ceiling, true)
}

/// The speaker phrase right after `pos` (after an inverted cue: `said
/// Ushakov`, `said the ministry`, `said a handful of Democrats who ...`),
/// up to `ceiling`; an apposition after a comma is part of the mention and
/// the role.
pub(crate) fn speaker_after(doc: &Document, pos: usize, ceiling: usize) -> Option<Speaker> {
    speaker_phrase_after(doc, pos, ceiling, false)
}

fn speaker_phrase_after(doc: &Document, pos: usize, ceiling: usize, closes_sentence: bool) -> Option<Speaker> {
    let first = doc.word_after(pos)?;
    if !is_blank(&doc.text[pos..doc.words[first].start]) || doc.words[first].end > ceiling {
        return None;
    }
    if is_pronoun(doc.word(first)) {
        return Some(pronoun(doc, first));
    }
    if doc.is(first, WordList::NotName) {
        return None;
    }
    // "said one former GOP leadership aide", "said Clinton's top foreign
    // policy aide Jake Sullivan": a phrase opened by an article or a
    // possessive may hold lowercase words before its role noun.
    let described = doc.is(first, WordList::Determiner) || is_possessive(doc.word(first));
    let mut last = first;
    while last + 1 < doc.words.len() && last + 1 - first < MAX_PHRASE_WORDS && doc.words[last + 1].end <= ceiling {
        let next = last + 1;
        if !joins(doc.gap_after(last)) || doc.is(next, WordList::NotName) {
            break;
        }
        if phrase_word(doc, next, false) || is_compound_tail(doc, next) {
            last = next;
            continue;
        }
        // "a Geneva-based trader": a hyphenated adjective needs its noun.
        let head_noun = is_compound_adjective(doc, last)
            && doc.word(next).bytes().all(|b| b.is_ascii_lowercase())
            && doc.lists(next) & NOT_HEAD == 0;
        if head_noun {
            last = next;
            continue;
        }
        let particle_name = is_particle(doc.word(next))
            && is_capitalized(doc.word(last))
            && doc.words.get(next + 1).is_some_and(|w| w.end <= ceiling)
            && joins(doc.gap_after(next))
            && is_capitalized(doc.word(next + 1));
        if particle_name {
            last = next + 1;
            continue;
        }
        // Lowercase words that lead on to a role noun within two words
        // belong to the phrase, only after an article or a possessive: in
        // "Putin leaves major summit" the lowercase word is a verb.
        let role_ahead = (next..(next + 2).min(doc.words.len()))
            .filter(|_| described)
            .take_while(|&w| {
                doc.words[w].end <= ceiling
                    && joins(doc.gap_after(w - 1))
                    && doc.word(w).bytes().all(|b| b.is_ascii_lowercase())
                    && !doc.is(w, WordList::Determiner)
                    && !doc.is(w, WordList::PostModifier)
            })
            .find(|&w| is_source_noun(doc, w));
        if let Some(role) = role_ahead {
            last = role;
            continue;
        }
        // "city engineer Paolo Bianchi", "Jan de Vries": lowercase words
        // that lead on to a capitalised name within two words.
        let name_ahead = (next + 1..(next + 3).min(doc.words.len()))
            .take_while(|&w| doc.words[w].end <= ceiling && joins(doc.gap_after(w - 1)))
            .find(|&w| is_capitalized(doc.word(w)));
        // Only a phrase that has no capitalised word yet takes a descriptor:
        // "said city engineer Paolo Bianchi", not "Putin leaves Trump".
        let lowercase = (first..name_ahead.unwrap_or(next)).all(|w| doc.word(w).chars().all(char::is_lowercase));
        match name_ahead {
            Some(name) if lowercase => last = name,
            _ => break,
        }
    }
    // "said Xavi Amat of the central bank": a reading that stops on "of"
    // ends before it; the post-modifier is taken below.
    if last > first && doc.word(last) == "of" {
        last -= 1;
    }
    let mut speaker = match phrase_ending_at(doc, last, doc.words[first].start) {
        Some(speaker) => speaker,
        // "said a handful of Democrats": a determiner opens a description
        // whose head is not in the word lists.
        None if doc.is(first, WordList::Determiner) && !is_complementizer(doc.word(first)) => {
            // "says a narrator", "said a handful of Democrats": the
            // description runs on to a preposition or the clause end, for
            // a few words.
            const MAX_DESCRIPTION_WORDS: usize = 6;
            let mut last = first;
            while last + 1 < doc.words.len()
                && last - first + 1 < MAX_DESCRIPTION_WORDS
                && doc.words[last + 1].end <= ceiling
                && joins(doc.gap_after(last))
                && !doc.is(last + 1, WordList::NotName)
                && !ends_description(doc, last + 1)
            {
                last += 1;
            }
            Speaker {
                mention: Span::new(doc.words[first].start, doc.words[last].end),
                name: None,
                role: None,
                kind: SpeakerKind::Nominal,
                hint: None,
            }
        }
        None => return None,
    };
    // The backward reading stops at the first word it does not know
    // ("policy"); the words the forward reading took before it describe
    // the speaker too.
    let backward_start = doc.word_after(speaker.mention.start).unwrap_or(first);
    // Only a person's description, of words that modify a noun: not "a
    // report by Politico", "an adviser to Trump", "that Trump".
    let descriptive = speaker.name.is_some()
        && speaker.kind == SpeakerKind::Person
        && (first + 1..backward_start).all(|w| {
            let word = doc.word(w);
            (word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') || is_possessive(word))
                && !doc.is(w, WordList::Determiner)
                && !doc.is(w, WordList::Preposition)
                && !doc.is(w, WordList::PostModifier)
                && !matches!(word, "called" | "calling" | "named" | "known")
        });
    if described && !is_complementizer(doc.word(first)) && descriptive && backward_start > first {
        speaker.mention.start = doc.words[first].start;
        if let Some(role) = speaker.role.as_mut() {
            let article = doc.is(first, WordList::Determiner) && !is_possessive(doc.word(first));
            role.start = doc.words[first + usize::from(article)].start;
        }
    }
    // A post-modifier ("of Clemson University", "familiar with the talks",
    // "who met him") belongs to the mention up to the clause end, less a
    // trailing time or place ("on Monday", "in a statement").
    let next = doc
        .word_after(speaker.mention.end)
        .filter(|&n| doc.words[n].end <= ceiling);
    // A phrase read up to a dangling "of" ("one owner of") takes its object too.
    let dangling = doc
        .word_before(speaker.mention.end)
        .is_some_and(|w| doc.word(w) == "of");
    // "said aides to Emmanuel Macron": a group runs on to whom it serves.
    let serves = doc.word_before(speaker.mention.end).is_some_and(|w| {
        speaker.kind == SpeakerKind::Nominal && doc.is(w, WordList::Affiliation) && !is_capitalized(doc.word(w))
    });
    let joined = next.filter(|&n| is_blank(&doc.text[speaker.mention.end..doc.words[n].start]));
    let links = |n: usize| doc.is(n, WordList::PostModifier) || (serves && doc.is(n, WordList::AffiliationLink));
    if joined.is_some_and(|n| dangling || links(n)) {
        let tail_end = trim_adverbials(doc, speaker.mention.end, ceiling);
        speaker.mention = trim_punctuation(doc, speaker.mention.cover(Span::new(speaker.mention.end, tail_end)));
    }
    if speaker.kind != SpeakerKind::Pronoun {
        // "said Sen. Dick Durbin (D-Ill.)": a short aside in parentheses
        // is part of the phrase as written.
        let after = &doc.text[speaker.mention.end..floor_char_boundary(doc.text, speaker.mention.end + 40)];
        if let Some(close) = after.strip_prefix(" (").and_then(|inner| inner.find(')')) {
            let aside = &after[2..2 + close];
            if !aside.contains(['(', '"', '\u{201C}']) {
                speaker.mention = Span::new(speaker.mention.start, speaker.mention.end + 2 + close + 1);
            }
        }
    }
    if speaker.kind == SpeakerKind::Person && doc.text[speaker.mention.end..].starts_with(", ") {
        // "Carla Cruz, 24, a nurse from Fresno": an age belongs to the
        // phrase, and an apposition may follow it.
        let age = doc
            .word_after(speaker.mention.end)
            .filter(|&w| doc.words[w].start == speaker.mention.end + 2 && is_age(doc.word(w)));
        if let Some(age) = age {
            speaker.mention = Span::new(speaker.mention.start, doc.words[age].end);
        }
    }
    let after = &doc.text[speaker.mention.end..];
    if matches!(speaker.kind, SpeakerKind::Person | SpeakerKind::Nominal) && after.starts_with(", ") {
        // ", the fund's deputy director", ", chairman of Fox Networks",
        // ", Republican of Ohio", ", R-Ohio", ", of Mayfield Baptist Church".
        let det = doc.word_after(speaker.mention.end).filter(|&d| {
            doc.is(d, WordList::Determiner)
                || is_possessive(doc.word(d))
                || (is_title(doc, d) && !is_capitalized(doc.word(d)))
                || is_party(doc, d)
                || doc.word(d) == "of"
        });
        if let Some(det) = det {
            // The apposition runs to the next comma or the sentence end.
            let start = doc.words[det].start;
            let limit = doc.window(doc.words[det]).end;
            let end = apposition_end(doc.text, start, limit);
            let role = Span::new(start, end).trim(doc.text);
            // ", of Toledo, Ohio": a hometown, with its state, is no role;
            // ", of Mayfield Baptist Church" names a body the speaker is of.
            let body = doc
                .word_before(role.end)
                .is_some_and(|w| doc.is(w, WordList::Organization));
            let place = with_state(doc, role, limit);
            let town = role.slice(doc.text).strip_prefix("of ").unwrap_or_default();
            if doc.word(det) == "of" && !body && is_town(town, place != role) {
                speaker.mention = speaker.mention.cover(place);
            } else {
                speaker.role = Some(role);
                speaker.mention = speaker.mention.cover(role);
            }
        }
    }
    // "said Anita Dunn, who directed the campaign", "said Simon Ross,
    // president of NDN, a policy group, which ...": a relative clause, or a
    // further apposition after the first, belongs to the source as written,
    // each up to its comma or the sentence end.
    const MAX_ASIDES: usize = 3;
    for _ in 0..MAX_ASIDES {
        if speaker.kind == SpeakerKind::Pronoun || !doc.text[speaker.mention.end..].starts_with(", ") {
            break;
        }
        let Some(next) = doc.word_after(speaker.mention.end) else {
            break;
        };
        let word = doc.word(next);
        let relative = is_relative_pronoun(word);
        let described = closes_sentence
            && speaker.mention.slice(doc.text).contains(", ")
            && (matches!(word, "a" | "an" | "the") || is_possessive(word));
        if !relative && !described {
            break;
        }
        if relative && speaker.name.is_none() {
            // "according to the ministry, which said last week that ...":
            // the description without its clause names the source, as
            // before a cue ("A port official, who asked not to be named,").
            speaker.name = Some(speaker.mention);
        }
        let start = doc.words[next].start;
        let limit = doc.window(Span::new(start, start)).end;
        let end = apposition_end(doc.text, start, limit);
        speaker.mention = speaker.mention.cover(Span::new(start, end).trim(doc.text));
    }
    Some(speaker)
}

/// The words that name `speaker`: its name, or else its mention, without
/// the apposition, relative clause or aside that describes it ("the
/// ministry" of "the ministry, an arm of the European Commission"; "the
/// Kremlin" of "the Kremlin, which has long opposed NATO"; "Aides" of
/// "Aides to Emmanuel Macron"). The head, not a body its description ends
/// in or the person a group serves, is what the speaker is.
pub(crate) fn speaker_head(doc: &Document, speaker: &Speaker) -> Span {
    let words = speaker.name.unwrap_or(speaker.mention);
    let Some(first) = doc.word_after(words.start).filter(|&w| doc.words[w].end <= words.end) else {
        return words;
    };
    let mut last = first;
    while last + 1 < doc.words.len() && doc.words[last + 1].end <= words.end {
        let gap = doc.gap_after(last);
        // A comma, parenthesis or spaced dash opens a description, a
        // relative pronoun a clause; a hyphen ("Russian-backed") does not.
        let aside = gap.contains([',', ';', '(', '\u{2014}', '\u{2013}']) || (gap.contains('-') && gap.contains(' '));
        // "Aides to Emmanuel Macron" are aides, not Macron.
        let serves = speaker.kind == SpeakerKind::Nominal
            && doc.is(last, WordList::Affiliation)
            && doc.is(last + 1, WordList::AffiliationLink);
        if aside || serves || is_relative_pronoun(doc.word(last + 1)) {
            break;
        }
        last += 1;
    }
    Span::new(words.start, doc.words[last].end)
}

/// A pronoun that opens a relative clause about a person or body ("who",
/// "whose", "which"; "that" also opens content clauses, so it is left out).
/// Whether an aside between commas that starts with `word` tells when, where
/// or how the words were spoken ("in an interview", "on Monday", "at a news
/// conference", "speaking in Brussels") rather than who the speaker is.
/// A participle before a title is part of the title ("managing director",
/// "acting mayor").
fn opens_circumstance(doc: &Document, w: usize) -> bool {
    let word = doc.word(w);
    matches!(
        word,
        "in" | "on" | "at" | "during" | "after" | "before" | "when" | "while"
    ) || (word.len() > 5
        && word.ends_with("ing")
        && !is_capitalized(word)
        && !(w + 1 < doc.words.len() && is_title(doc, w + 1)))
}

fn is_relative_pronoun(word: &str) -> bool {
    matches!(word, "who" | "whose" | "which")
}

/// An age after a name: "Carla Cruz, 24,".
fn is_age(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// A party affiliation after a legislator's name: "Republican of Ohio",
/// "Democrat of Vermont", "R-Ohio", "D-N.Y.".
fn is_party(doc: &Document, i: usize) -> bool {
    let word = doc.word(i);
    let next = doc.words.get(i + 1).map(|w| w.slice(doc.text));
    (matches!(word, "Republican" | "Democrat" | "Independent") && next == Some("of") && doc.gap_after(i) == " ")
        || (matches!(word, "R" | "D" | "I") && doc.gap_after(i) == "-")
}

/// Where an apposition that starts at `start` ends: the next comma,
/// semicolon, line break or full stop, but not the period of a short
/// abbreviation ("a former spokesman for Mr. Obama").
fn apposition_end(text: &str, start: usize, limit: usize) -> usize {
    for (i, mark) in text[start..limit].match_indices([',', '.', ';', '\n']) {
        let before = text[start..start + i].rsplit(' ').next().unwrap_or_default();
        // "the A.F.L.-C.I.O.": a dotted acronym keeps its periods too.
        // A period that ends the sentence is the sentence's ("of Ohio.").
        let last = text[start + i + 1..limit].trim().is_empty();
        let abbreviation = mark == "." && !last && (is_abbreviation(before) || is_dotted(before));
        if !abbreviation {
            return start + i;
        }
    }
    limit
}

/// `span` without surrounding whitespace and trailing punctuation, but with
/// the period of an abbreviation ("Jr.", "Inc.").
fn trim_punctuation(doc: &Document, span: Span) -> Span {
    let trimmed = span.trim(doc.text);
    let text = trimmed.slice(doc.text);
    let kept = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    let abbreviation = kept.len() < text.len()
        && text.as_bytes()[kept.len()] == b'.'
        && kept.rsplit(' ').next().is_some_and(is_abbreviation);
    Span::new(trimmed.start, trimmed.start + kept.len() + usize::from(abbreviation))
}

/// The end of a clause after a speaker phrase, without a trailing time,
/// place or manner ("on Monday", "in a statement", "at a rally").
fn trim_adverbials(doc: &Document, from: usize, ceiling: usize) -> usize {
    const MARKERS: [&str; 15] = [
        " on ",
        " in a ",
        " in an ",
        " at a ",
        " at an ",
        " during ",
        " last ",
        " earlier ",
        " after ",
        " before ",
        " when ",
        " while ",
        " this ",
        " to reporters",
        " to the ",
    ];
    let clause = &doc.text[from..ceiling.max(from)];
    // Every marker opens with a space: one pass over the spaces finds the
    // first of them.
    let mut end = clause
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b' ')
        .find(|&(i, _)| MARKERS.iter().any(|m| clause.as_bytes()[i..].starts_with(m.as_bytes())))
        .map_or(clause.len(), |(i, _)| i);
    // A time word ("Monday", "yesterday") ends the clause too.
    let first = doc.word_after(from).unwrap_or(doc.words.len());
    let time = (first..doc.words.len())
        .take_while(|&w| doc.words[w].start < from + end)
        .find(|&w| doc.is(w, WordList::NotName));
    if let Some(w) = time {
        end = end.min((doc.words[w].start - from).saturating_sub(1));
    }
    from + end
}

/// The noun phrase whose last word is `i`, read backwards: determiners,
/// modifiers, roles, possessives and capitalised words, within `floor`; a
/// group that serves the person or body it names ("Aides to Emmanuel
/// Macron", "a spokesman for the ministry") is the group.
fn phrase_ending_at(doc: &Document, i: usize, floor: usize) -> Option<Speaker> {
    let phrase = plain_phrase_ending_at(doc, i, floor)?;
    let first = doc.word_after(phrase.mention.start)?;
    // The link may lie inside the phrase as read ("Supporters of Sanders")
    // or just before it ("Aides to" + "Emmanuel Macron").
    let head = (first + 1..=i)
        .find_map(|w| affiliation_head(doc, w, floor).filter(|&h| h >= first))
        .or_else(|| affiliation_head(doc, first, floor));
    let Some(head) = head else {
        return Some(phrase);
    };
    let group = plain_phrase_ending_at(doc, head, floor)?;
    Some(Speaker {
        mention: Span::new(group.mention.start, phrase.mention.end),
        name: None,
        role: None,
        kind: SpeakerKind::Nominal,
        hint: None,
    })
}

/// The head word of a group that serves whoever the phrase starting at
/// word `w` names: "Aides" for "Emmanuel Macron" in "Aides to Emmanuel
/// Macron", "people" in "people close to the president". A capitalised
/// head counts only where capitals open a clause ("Aides to ..."), not
/// inside a name ("Friends of the Earth").
fn affiliation_head(doc: &Document, w: usize, floor: usize) -> Option<usize> {
    const MAX_LINK_WORDS: usize = 2;
    let mut link = w;
    while link > 0 && w - link < MAX_LINK_WORDS {
        let prev = link - 1;
        if doc.words[prev].start < floor || !joins(doc.gap_after(prev)) || !doc.is(prev, WordList::AffiliationLink) {
            break;
        }
        link = prev;
    }
    // "close to" links, "close" alone does not.
    if link == w || !doc.is(w - 1, WordList::Preposition) {
        return None;
    }
    let head = link.checked_sub(1)?;
    // Within the floor first: `at_clause_start` reads the text from it.
    (doc.words[head].start >= floor
        && joins(doc.gap_after(head))
        && doc.is(head, WordList::Affiliation)
        && (!is_capitalized(doc.word(head)) || at_clause_start(doc, head, floor)))
    .then_some(head)
}

/// [`phrase_ending_at`] without the group that a link before it may make.
fn plain_phrase_ending_at(doc: &Document, i: usize, floor: usize) -> Option<Speaker> {
    let head = doc.word(i);
    let capital = (is_capitalized(head) || doc.continues_name(i))
        && !doc.is(i, WordList::NotName)
        && !(is_sentence_start(doc, i) && (doc.is(i, WordList::ClauseOpener) || doc.is(i, WordList::Determiner)));
    let quantified = matches!(head, "them" | "those" | "us") && i > 0 && doc.word(i - 1) == "of";
    if !capital && !is_source_noun(doc, i) && !quantified {
        // "The report published Tuesday": a post-modified source noun,
        // before "the report published" is read as a noun phrase.
        let modified = post_modified_phrase(doc, i, floor);
        if modified.is_some() || !described_at_clause_start(doc, i, floor) {
            return modified.or_else(|| clause_subject(doc, i, floor));
        }
    }
    let mut start = i;
    while start > 0 && i - start + 1 < MAX_PHRASE_WORDS {
        let prev = start - 1;
        if doc.words[prev].start < floor || !joins(doc.gap_after(prev)) {
            break;
        }
        let word = doc.word(prev);
        let opener = doc.is(prev, WordList::ClauseOpener) && is_sentence_start(doc, prev);
        if is_complementizer(word) {
            break;
        }
        if doc.is(prev, WordList::Determiner) && !is_capitalized(word) || word == "The" || word == "A" {
            start = prev;
            break;
        }
        // "current and former officials": two modifiers joined by "and".
        let coordinated = matches!(word, "and" | "or")
            && (start..i).all(|w| doc.is(w, WordList::Modifier))
            && prev > 0
            && doc.words[prev - 1].start >= floor
            && joins(doc.gap_after(prev - 1))
            && doc.is(prev - 1, WordList::Modifier);
        if coordinated {
            start = prev - 1;
            continue;
        }
        if is_particle(word) && is_capitalized(doc.word(start)) && prev > 0 && is_capitalized(doc.word(prev - 1)) {
            // "Jan de Vries", "Ursula von der Leyen".
            start = prev;
            continue;
        }
        if is_compound_tail(doc, prev) && doc.words[prev - 1].start >= floor {
            start = prev - 1;
            continue;
        }
        if opener || !phrase_word(doc, prev, true) || doc.is(prev, WordList::NotName) {
            // A descriptor goes with a full name ("coach Elena Ruiz") or a
            // source noun ("The central bank"), not with a lone capitalised
            // word ("an action Moscow criticized").
            let full_name = i > start && is_capitalized(doc.word(i)) && is_capitalized(doc.word(i - 1));
            if full_name || is_source_noun(doc, i) {
                start = descriptor_start(doc, start, prev, floor).unwrap_or(start);
            }
            break;
        }
        start = prev;
    }
    if doc.is(start, WordList::Preposition) {
        // "the millions of Americans supporting", "hundreds of protesters
        // marched": the phrase is the quantity before "of" and what it
        // counts; a preposition opens no speaker phrase.
        start = counted_before(doc, start, floor)?;
    }
    Some(classify(doc, start, i))
}

/// The start of the noun (and its determiner) right before the preposition
/// at word `of`: "the millions" in "the millions of Americans".
fn counted_before(doc: &Document, of: usize, floor: usize) -> Option<usize> {
    let noun = of.checked_sub(1)?;
    let word = doc.word(noun);
    if doc.words[noun].start < floor
        || !joins(doc.gap_after(noun))
        || !word.bytes().all(|b| b.is_ascii_lowercase())
        || doc.is(noun, WordList::Preposition)
    {
        return None;
    }
    Some(article_before(doc, noun, floor).unwrap_or(noun))
}

/// The determiner right before word `w` ("the", "a", "his"; not "that"),
/// if it stands after `floor`.
fn article_before(doc: &Document, w: usize, floor: usize) -> Option<usize> {
    let before = w.checked_sub(1)?;
    (doc.words[before].start >= floor
        && joins(doc.gap_after(before))
        && doc.is(before, WordList::Determiner)
        && !is_complementizer(doc.word(before)))
    .then_some(before)
}

/// "coach Elena Ruiz", "The central bank", "city engineer Paolo Bianchi":
/// one or two lowercase words not in the word lists before a phrase that
/// starts at word `start` belong to it when they run back to a determiner
/// or to the start of a clause. `prev` is the first word that did not fit.
fn descriptor_start(doc: &Document, start: usize, prev: usize, floor: usize) -> Option<usize> {
    const MAX_DESCRIPTOR_WORDS: usize = 2;
    let mut first = prev;
    // "Texas-born investor Carl Weiss", "the Kremlin-backed governor":
    // a noun after a hyphenated adjective, with the article before it.
    if first >= 2 && is_compound_adjective(doc, first - 1) && doc.lists(first) & NOT_HEAD == 0 {
        let head = first - 2;
        if doc.words[head].start < floor {
            return None;
        }
        return Some(article_before(doc, head, floor).unwrap_or(head));
    }
    for _ in 0..MAX_DESCRIPTOR_WORDS {
        let word = doc.word(first);
        if is_capitalized(word)
            || !word.chars().all(char::is_alphabetic)
            || doc.is(first, WordList::Determiner)
            || doc.is(first, WordList::ClauseOpener)
        {
            return None;
        }
        if let Some(article) = article_before(doc, first, floor) {
            return Some(article);
        }
        if at_clause_start(doc, first, floor) && !doc.is(first, WordList::Between) {
            return Some(first);
        }
        if first == 0
            || doc.words[first - 1].start < floor
            || !joins(doc.gap_after(first - 1))
            || first - 1 < start.saturating_sub(MAX_DESCRIPTOR_WORDS + 1)
        {
            return None;
        }
        first -= 1;
    }
    None
}

/// Names and roles within words `start..=end`: the name is the trailing run
/// of capitalised words that are not titles; what comes before it is the
/// role ("Kremlin adviser" Yuri Ushakov, "Russian President" Vladimir Putin).
fn classify(doc: &Document, start: usize, end: usize) -> Speaker {
    let mention = Span::new(doc.words[start].start, doc.words[end].end);
    let end = name_end_before_place(doc, start, end);
    let mut name_start = end + 1;
    while name_start > start {
        let word = doc.word(name_start - 1);
        let particle = is_particle(word) && name_start - 1 > start && is_capitalized(doc.word(name_start - 2));
        if particle || doc.continues_name(name_start - 1) {
            name_start -= 1;
            continue;
        }
        // "The New York Times", "the American Legion": a capitalised
        // modifier before a name word that is no title and no given name is
        // part of the name ("Former Secretary" is not, nor is the office
        // after "of" in "Secretary of State Madeleine Albright").
        let in_name = name_start <= end
            && doc.is(name_start - 1, WordList::Modifier)
            && !doc.is(name_start - 1, WordList::Role)
            && !is_title(doc, name_start)
            && !doc.is_given_name(name_start)
            && name_start - 1 > start
            && doc.word(name_start - 2) != "of";
        if !is_capitalized(word)
            || (is_title(doc, name_start - 1)
                && !in_name
                && !(name_start - 1 > start && doc.is_surname_after_given_name(name_start - 1)))
            || is_possessive(word)
            || doc.is(name_start - 1, WordList::Determiner)
            || doc.is(name_start - 1, WordList::NotName)
        {
            break;
        }
        name_start -= 1;
    }
    // "Polls show", "Officials said": a document or role noun capitalised only
    // because it opens the sentence names no one.
    let common = WordList::Document.bit() | WordList::Role.bit();
    if name_start == end && doc.lists(end) & common != 0 && is_sentence_start(doc, end) {
        name_start = end + 1;
    }
    // "The Bank of France", "the Ministry of Defence": a body named by its
    // kind and an "of" phrase is one organisation, not the place after "of".
    let body = name_start >= start + 2
        && name_start <= end
        && doc.word(name_start - 1) == "of"
        && is_capitalized(doc.word(name_start - 2))
        && doc.is(name_start - 2, WordList::Organization);
    if body {
        name_start -= 2;
    }
    // "the foreign minister of France", "72 percent of Democrats": after
    // a lowercase noun and "of", the name is what the speaker belongs to,
    // not the speaker's own.
    let belongs_to = name_start >= start + 2
        && name_start <= end
        && doc.word(name_start - 1) == "of"
        && !is_capitalized(doc.word(name_start - 2));
    if belongs_to {
        name_start = end + 1;
    }
    let head = doc.word(end);
    // A single capitalised word may be a surname or a body; it is taken for
    // a person, and the document-level pass looks for the fuller name.
    let kind = if name_start <= end {
        if body || doc.is(end, WordList::Organization) || is_acronym(head) {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        }
    } else if doc.is(end, WordList::Document) {
        SpeakerKind::Document
    } else if doc.is(end, WordList::Organization) {
        SpeakerKind::Organization
    } else {
        SpeakerKind::Nominal
    };
    // An organisation's name is the whole phrase ("European Commission",
    // "The International Monetary Fund" less its article).
    if kind == SpeakerKind::Organization && name_start <= end {
        name_start = if doc.is(start, WordList::Determiner) {
            start + 1
        } else {
            start
        }
        .min(end);
        // Less the descriptions before it: "still-struggling HP",
        // "Republican-led Congress", "recently court-released Trump University".
        while name_start < end {
            if is_compound_adjective(doc, name_start + 1) {
                name_start += 2;
            } else if !is_capitalized(doc.word(name_start))
                && !is_title(doc, name_start)
                && doc.gap_after(name_start) == " "
                && !doc.is(name_start + 1, WordList::Preposition)
            {
                name_start += 1;
            } else {
                break;
            }
        }
        name_start = name_start.min(end);
    }
    let name = (name_start <= end).then(|| Span::new(doc.words[name_start].start, doc.words[end].end));
    let role_end = if name_start <= end { name_start } else { end + 1 };
    let role_start = if doc.is(start, WordList::Determiner) {
        start + 1
    } else {
        start
    };
    // A role ends in a noun: "Texas-based Matt Mackowiak" has none, and
    // "Florida-based strategist Al Cardenas" does.
    let role = (name.is_some()
        && kind == SpeakerKind::Person
        && role_start < role_end
        && !is_honorific(doc.word(role_end - 1))
        && !is_compound_adjective(doc, role_end - 1))
    .then(|| with_abbreviation_period(doc, Span::new(doc.words[role_start].start, doc.words[role_end - 1].end)));
    Speaker {
        mention,
        name,
        role,
        kind,
        hint: None,
    }
}

/// "Senator Bernie Sanders of Vermont", "Sen. Tammy Baldwin of
/// Wisconsin", "Mr. Nevins of Showtime": a place after "of" qualifies the
/// person named before it, whose name then ends before "of". The run before
/// "of" is a person's name when it opens with a given name or follows a
/// role or an honorific; after a modifier it is an office or a body ("County
/// Supervisor of Elections", "American Society of Civil Engineers"), and so
/// is one ending in a body's kind ("Federal Bureau of Investigation"). Returns
/// the last word of the name.
fn name_end_before_place(doc: &Document, start: usize, end: usize) -> usize {
    let mut of = end;
    while of > start && is_capitalized(doc.word(of)) {
        of -= 1;
    }
    if of == end || of < start + 2 || doc.word(of) != "of" || !is_capitalized(doc.word(of - 1)) {
        return end;
    }
    let last = of - 1;
    if doc.is(last, WordList::Organization) || (is_title(doc, last) && !doc.is_surname_after_given_name(last)) {
        return end;
    }
    let mut first = last;
    while first > start && is_capitalized(doc.word(first - 1)) && !is_title(doc, first - 1) {
        first -= 1;
    }
    let given = first < last && doc.is_given_name(first);
    let titled = first > start && (doc.is(first - 1, WordList::Role) || is_honorific(doc.word(first - 1)));
    // "Xavi Amat of Norbank": two or more capitalised words that no list
    // knows (no office, body or modifier, as in "Royal Bank of Canada" or
    // "County Supervisor of Elections") are a name.
    let unknown = WordList::Organization.bit()
        | WordList::Role.bit()
        | WordList::Modifier.bit()
        | WordList::Document.bit()
        | WordList::NotName.bit();
    let plain_name = first < last && start == first && (first..=last).all(|w| doc.lists(w) & unknown == 0);
    if given || titled || plain_name {
        last
    } else {
        end
    }
}

/// "A senior official familiar with the talks said", "analysts at the
/// bank say": a source noun with a post-modifier, read back from its last
/// word to the determiner that opens it at the start of a clause.
fn post_modified_phrase(doc: &Document, i: usize, floor: usize) -> Option<Speaker> {
    const MAX_WORDS: usize = 9;
    let mut start = i;
    while start > 0 && i - start < MAX_WORDS {
        let prev = start - 1;
        if doc.words[prev].start < floor || !joins(doc.gap_after(prev)) {
            break;
        }
        start = prev;
        let word = doc.word(start);
        let opens = (doc.is(start, WordList::Determiner) && !is_complementizer(word)) || is_source_noun(doc, start);
        if opens && at_clause_start(doc, start, floor) {
            let head = (start..i).find(|&w| is_source_noun(doc, w) && doc.is(w + 1, WordList::PostModifier))?;
            let kind = if doc.is(head, WordList::Document) {
                SpeakerKind::Document
            } else if doc.is(head, WordList::Organization) {
                SpeakerKind::Organization
            } else {
                SpeakerKind::Nominal
            };
            // The time that ends a participle's phrase is part of it: "the
            // report published on Tuesday".
            let mut end = i;
            while end + 1 < doc.words.len() && joins(doc.gap_after(end)) && is_time_word(doc, end + 1) {
                end += 1;
            }
            return Some(Speaker {
                mention: Span::new(doc.words[start].start, doc.words[end].end),
                name: None,
                role: None,
                kind,
                hint: None,
            });
        }
    }
    None
}

/// The document phrase whose author `author` is: "A report by the national
/// audit office", "a study from the central bank" (a document noun, then
/// "by" or "from"; after "of" comes what it is about).
pub(crate) fn document_by(doc: &Document, author: &Speaker, floor: usize) -> Option<Speaker> {
    let link = doc.word_before(author.mention.start)?;
    let noun = link.checked_sub(1)?;
    if !matches!(doc.word(link), "by" | "from")
        || !joins(doc.gap_after(link))
        || !joins(doc.gap_after(noun))
        || doc.words[noun].start < floor
        || !doc.is(noun, WordList::Document)
    {
        return None;
    }
    let document = phrase_ending_at(doc, noun, floor).filter(|d| d.kind == SpeakerKind::Document)?;
    Some(Speaker {
        mention: document.mention.cover(author.mention),
        ..document
    })
}

/// "Nearly eight in 10 Democratic voters overall said", "Social
/// conservatives say", "those surveyed say", "a third said": a group
/// subject the phrase rules do not read, taken whole from the start of its
/// clause. Without a tagger, only group-shaped phrases qualify: a plural
/// head, a count ("one in five", "a third", "most") or the respondents of
/// a poll ("those surveyed"), in words that cannot be a verb, an adverb,
/// a pronoun or a preposition that opens something else.
fn clause_subject(doc: &Document, i: usize, floor: usize) -> Option<Speaker> {
    const MAX_WORDS: usize = 8;
    let mut start = i;
    while !at_clause_start(doc, start, floor) {
        let prev = start.checked_sub(1)?;
        if i - prev >= MAX_WORDS || doc.words[prev].start < floor || !joins(doc.gap_after(prev)) {
            return None;
        }
        start = prev;
    }
    // Words that qualify a count: "nearly", "more than", "fewer than".
    let qualifier = match lower(doc.word(start)).as_ref() {
        "nearly" | "about" | "almost" | "roughly" | "only" | "just" | "over" | "under" => 1,
        "more" | "fewer" | "less" if start < i && doc.word(start + 1) == "than" => 2,
        _ => 0,
    };
    let counted = is_count(doc, start) || (qualifier > 0 && start + qualifier <= i && is_count(doc, start + qualifier));
    let head = doc.word(i);
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("'s")
        && !head.ends_with("\u{2019}s")
        && !is_verb_or_pronoun(doc, i);
    let respondents = matches!(head, "surveyed" | "polled" | "questioned" | "interviewed" | "asked");
    let first = if counted && !is_count(doc, start) {
        start + qualifier
    } else {
        start
    };
    let fits = |w: usize| {
        let word = doc.word(w);
        let lowered = lower(word);
        let article = doc.is(w, WordList::Determiner) && !is_count(doc, w);
        // An article may follow a preposition ("Many in the crowd", "58
        // percent of the voters"), not open a second phrase.
        let opens_other = if w == start {
            doc.is(w, WordList::ClauseOpener) && !counted
        } else {
            article && !doc.is(w - 1, WordList::Preposition)
        };
        let verb_or_adverb = (doc.is(w, WordList::Between) && !matches!(lowered.as_ref(), "both" | "all" | "each"))
            || is_verb_or_pronoun(doc, w)
            || (word.len() > 4 && lowered.ends_with("ly") && !is_adjective_in_ly(&lowered))
            // "hacking specialists": an -ing word right before a plural
            // head modifies it; anywhere else it is a verb.
            || (word.len() > 4 && lowered.ends_with("ing") && !(plural && w + 1 == i));
        !opens_other
            && !verb_or_adverb
            && !doc.is(w, WordList::Relative)
            && !matches!(lowered.as_ref(), "to" | "for" | "by" | "with" | "from" | "into")
            && !word.contains(['\'', '\u{2019}'])
    };
    let plain = (first..=i).all(fits);
    let speaks_itself = !doc.cues_in(doc.words[start].start, doc.words[i].end).is_empty();
    ((plural || counted || respondents) && plain && !speaks_itself).then(|| Speaker {
        mention: Span::new(doc.words[start].start, doc.words[i].end),
        name: None,
        role: None,
        kind: SpeakerKind::Nominal,
        hint: None,
    })
}

/// Whether word `w` ends a description read forwards ("says a narrator",
/// "said a handful of Democrats who ..."): a preposition other than "of",
/// a relative pronoun or a conjunction.
fn ends_description(doc: &Document, w: usize) -> bool {
    (doc.is(w, WordList::Preposition) && !doc.word(w).eq_ignore_ascii_case("of"))
        || doc.is(w, WordList::Relative)
        || matches!(doc.word(w), "and" | "but")
}

/// Adjectives that look like adverbs: "likely voters", "elderly residents".
fn is_adjective_in_ly(word: &str) -> bool {
    matches!(word, "likely" | "elderly" | "early" | "friendly" | "lonely" | "costly")
}

/// Whether word `w` counts people: "eight", "10", "most", "half", "a third".
pub(crate) fn is_count(doc: &Document, w: usize) -> bool {
    let word = lower(doc.word(w));
    word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word.as_ref(),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "most"
                | "many"
                | "some"
                | "half"
                | "majority"
                | "third"
                | "quarter"
                | "few"
                | "several"
                | "both"
                | "all"
        )
        || (matches!(word.as_ref(), "a" | "an") && doc.words.get(w + 1).is_some_and(|_| is_count(doc, w + 1)))
}

/// Words that are never part of a group subject: verbs that begin a
/// clause, and pronouns.
fn is_verb_or_pronoun(doc: &Document, w: usize) -> bool {
    let word = doc.word(w);
    is_pronoun(word)
        || doc.is(w, WordList::Auxiliary)
        || matches!(
            lower(word).as_ref(),
            "me" | "him" | "them" | "us" | "it" | "this" | "his" | "its" | "their" | "whom"
        )
}

/// "The actress said", "Their campaign manager told": a lowercase head
/// not in the word lists counts when a determiner opens the phrase at the
/// start of a sentence or clause, within a few words.
fn described_at_clause_start(doc: &Document, i: usize, floor: usize) -> bool {
    (1..=3).any(|back| {
        let Some(det) = i.checked_sub(back) else { return false };
        doc.words[det].start >= floor
            && (det..i).all(|w| joins(doc.gap_after(w)))
            && matches!(
                lower(doc.word(det)).as_ref(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "another" | "one" | "this" | "that"
            )
            && (det..=i).skip(1).all(|w| !doc.is(w, WordList::Determiner))
            && !is_capitalized(doc.word(i))
            && !matches!(
                doc.word(i),
                "and" | "or" | "but" | "nor" | "of" | "to" | "for" | "with" | "by"
            )
            && at_clause_start(doc, det, floor)
    })
}

/// Whether word `i` opens its sentence or a clause (after a comma, "and",
/// "but", "while").
fn at_clause_start(doc: &Document, i: usize, floor: usize) -> bool {
    let before = doc.text[floor..doc.words[i].start].trim_end();
    // "On Monday the board said", "Yesterday the ministry said": a time
    // that opens the sentence leaves the clause to begin after it.
    let after_time = !before.is_empty()
        && doc.word_after(floor).is_some_and(|first| {
            (first..i).all(|w| doc.is(w, WordList::NotName) || doc.is(w, WordList::ClauseOpener))
                && (first..i).any(|w| doc.is(w, WordList::NotName))
                && i - first <= 3
        });
    before.is_empty()
        || after_time
        || before.ends_with([',', ';', ':', '"', '\u{201C}', '\u{201D}', '(', '\u{2014}', '\u{2013}'])
        || before.ends_with(" -")
        || before.ends_with("--")
        || [
            "and", "but", "while", "as", "because", "since", "although", "when", "after",
        ]
        .iter()
        .any(|w| {
            let n = before.len();
            n >= w.len()
                && before.is_char_boundary(n - w.len())
                && before[n - w.len()..].eq_ignore_ascii_case(w)
                && (n == w.len() || before[..n - w.len()].ends_with(' '))
        })
}

/// `span` with the period that follows it when it ends in a short
/// capitalised abbreviation: the role "Sen." rather than "Sen".
pub(crate) fn with_abbreviation_period(doc: &Document, span: Span) -> Span {
    let last = span.slice(doc.text).rsplit(' ').next().unwrap_or_default();
    let abbreviation = is_abbreviation(last) && doc.text[span.end..].starts_with('.');
    Span::new(span.start, span.end + usize::from(abbreviation))
}

/// A short capitalised word a following period belongs to: "Mr", "Sen",
/// "Gov", "Jr", "Corp".
pub(crate) fn is_abbreviation(word: &str) -> bool {
    (1..=4).contains(&word.len()) && is_capitalized(word)
}

/// An abbreviation that ends a person's or a company's name ("Jr.",
/// "Corp."); other short words before a period are mostly states ("Mo.",
/// "R-Fla.") that end an apposition.
fn ends_name(word: &str) -> bool {
    matches!(word, "Jr" | "Sr" | "Corp" | "Inc" | "Ltd" | "Co" | "Bros")
}

/// A dotted acronym read up to one of its periods: "A.F.L", "U.S".
fn is_dotted(word: &str) -> bool {
    let last = word.rsplit(['-', '(']).next().unwrap_or(word);
    last.len() >= 3 && last.contains('.') && last.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

/// Titles of address, which are not roles.
pub(crate) fn is_honorific(word: &str) -> bool {
    matches!(
        lower(word).trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lady" | "lord"
    )
}

/// "that" and "this" open clauses ("adding that ...") as often as phrases.
fn is_complementizer(word: &str) -> bool {
    matches!(lower(word).as_ref(), "that" | "this" | "these" | "those")
}

fn pronoun(doc: &Document, i: usize) -> Speaker {
    // "He's said", "I've argued": the mention is the pronoun, less the
    // auxiliary contracted onto it.
    let word = doc.word(i);
    let bare = pronoun_before_contraction(word).unwrap_or(word);
    Speaker {
        mention: Span::new(doc.words[i].start, doc.words[i].start + bare.len()),
        name: None,
        role: None,
        kind: SpeakerKind::Pronoun,
        hint: None,
    }
}

/// Whether a word may be part of a speaker phrase (`backwards`: read from
/// the head towards the determiner, where "of" may join "Secretary of
/// State").
fn phrase_word(doc: &Document, i: usize, backwards: bool) -> bool {
    let word = doc.word(i);
    let bits = doc.lists(i);
    let lists =
        WordList::Modifier.bit() | WordList::Role.bit() | WordList::Organization.bit() | WordList::Document.bit();
    is_capitalized(word)
        || doc.continues_name(i)
        || is_possessive(word)
        || bits & lists != 0
        || (backwards && bits & WordList::Determiner.bit() != 0)
        || word == "of"
        || word == "percent"
        || word.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether word `w` ends a hyphenated modifier ("London-based",
/// "Russian-backed", "state-run"): the compound is one word of a speaker
/// phrase, whatever its second part.
fn is_compound_tail(doc: &Document, w: usize) -> bool {
    w > 0 && doc.gap_after(w - 1) == "-" && doc.word(w).bytes().all(|b| b.is_ascii_lowercase())
}

/// Lists whose words are no noun after an adjective.
const NOT_HEAD: u16 = WordList::Preposition.bit()
    | WordList::Auxiliary.bit()
    | WordList::PostModifier.bit()
    | WordList::Determiner.bit()
    | WordList::Relative.bit()
    | WordList::ClauseOpener.bit();

/// Whether word `w` ends a hyphenated adjective ("Texas-based",
/// "teary-eyed", "46-year-old"), not a noun ("front-runner", "co-founder").
fn is_compound_adjective(doc: &Document, w: usize) -> bool {
    let tail = doc.word(w);
    is_compound_tail(doc, w)
        && (tail.ends_with("ed") || tail.ends_with("ing") || matches!(tail, "born" | "run" | "made" | "old"))
}

/// Words of a phrase are joined by spaces (or hyphens: "Russian-backed"),
/// or by the apostrophe of a plural possessive ("Sanders' spokesman").
fn joins(gap: &str) -> bool {
    let plain =
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-' || c == '.' || c == '\u{a0}') && gap.len() <= 3;
    plain || gap == "' " || gap == "\u{2019} "
}

/// Whether word `i` is the first word of its sentence (or follows a colon
/// or a quotation mark that opens one).
fn is_sentence_start(doc: &Document, i: usize) -> bool {
    let word = doc.words[i];
    let sentence = doc.sentence_at(word.start);
    // The first word of the sentence, found by index: no scan of the text.
    let before = doc.text[..word.start].trim_end();
    doc.word_after(sentence.start) == Some(i) || before.ends_with([':', '"', '\u{201C}', '\u{201D}'])
}

/// The pronoun of a pronoun with a contracted auxiliary: "He" of "He’s",
/// "I" of "I've", "They" of "They’d".
fn pronoun_before_contraction(word: &str) -> Option<&str> {
    let (base, tail) = word.split_once(['\'', '\u{2019}'])?;
    (matches!(tail, "s" | "ve" | "d" | "ll") && is_pronoun(base)).then_some(base)
}

/// A subject pronoun, alone or with a contracted auxiliary ("He's said").
fn is_subject_pronoun(word: &str) -> bool {
    is_pronoun(word) || pronoun_before_contraction(word).is_some()
}

/// Whether `speaker` is the pronoun `pronoun` ("it", "they"), in any case.
pub(crate) fn is_pronoun_speaker(doc: &Document, speaker: &Speaker, pronoun: &str) -> bool {
    speaker.kind == SpeakerKind::Pronoun && speaker.mention.slice(doc.text).eq_ignore_ascii_case(pronoun)
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "He" | "she" | "She" | "they" | "They" | "I" | "we" | "We" | "it" | "It" | "you" | "You"
    )
}

/// A time between speaker and cue: "Cruz on Wednesday announced", "the
/// ministry Tuesday said".
fn is_time_word(doc: &Document, i: usize) -> bool {
    let word = doc.word(i);
    doc.is(i, WordList::NotName)
        || (matches!(word, "on" | "last" | "late" | "early" | "this")
            && doc.words.get(i + 1).is_some_and(|_| doc.is(i + 1, WordList::NotName)))
}

fn is_between_word(doc: &Document, i: usize) -> bool {
    let word = doc.word(i);
    // "family", "assembly": nouns in -ly are not adverbs.
    doc.is(i, WordList::Between)
        || (word.len() > 4 && word.ends_with("ly") && !is_capitalized(word) && !is_source_noun(doc, i))
}

fn is_title(doc: &Document, i: usize) -> bool {
    doc.lists(i) & (WordList::Role.bit() | WordList::Modifier.bit()) != 0
}

fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Lowercase heads that can be sources: roles, organisations, documents,
/// and people described by what they do ("analysts", "residents").
pub(crate) fn is_source_noun(doc: &Document, i: usize) -> bool {
    doc.lists(i) & (WordList::Role.bit() | WordList::Organization.bit() | WordList::Document.bit()) != 0
}
