//! Attribution frames: for each cue, where its speaker and its content are.
//!
//! - content after the cue: `Putin told Trump that ...`, `He said: "..."`,
//!   `Ushakov pointed out the two presidents ...`;
//! - content before the cue: `"...," Putin said.`, `"...," said Ushakov`,
//!   `Russia is ready, Peskov said.`;
//! - "according to": `According to the ministry, ...`, `..., according to X.`;
//! - a participle continuing the sentence's speaker: `..., adding that ...`.

use lede_text::{is_capitalized, Span};

use crate::cues::{is_participle, CueClass, CueMatch};
use crate::document::{floor_char_boundary, is_blank, is_quote_mark, Document, WINDOW};
use crate::lexicon::{is_possessive, lower, WordList};
use crate::quote::{Quote, QuoteKind, Speaker, SpeakerKind};
use crate::speaker::{
    document_by, inverted_speaker, is_abbreviation, is_count, is_pronoun, is_pronoun_speaker, is_source_noun,
    speaker_after, speaker_before,
};

/// How many words after a cue "that" may come ("told reporters on Monday
/// that ...").
const THAT_WINDOW: usize = 16;

/// The quote a cue introduces, if its frame is complete. `previous` is the
/// last quote found, for participles that continue its speaker.
pub(crate) fn attribute(doc: &Document, cue: CueMatch, previous: Option<&Quote>) -> Option<Quote> {
    if asks_anonymity(&doc.text[cue.span.end..]) {
        return None;
    }
    if doc.quotation_around(cue.span.start).is_some() {
        // A cue inside quoted words belongs to the quoted speaker's words.
        return None;
    }
    if is_passive(doc, cue) || is_infinitive(doc, cue) {
        return None;
    }
    let mut sentence = doc.window(cue.span);
    // "Asked if she believed ..., Clinton said ...": the opening clause is
    // the question put to the speaker, whose cues report nothing; the main
    // clause, read on its own, carries the report.
    let asked = asked_clause_end(doc, sentence);
    if let Some(main) = asked {
        if cue.span.start < main {
            return None;
        }
        sentence = Span::new(main, sentence.end);
    }
    if cue.class == CueClass::Source {
        return according_to(doc, cue, sentence);
    }
    let lead = doc.text[sentence.start..cue.span.start].trim_end();
    // "Clinton spoke about the death of a man in Tulsa, Oklahoma, arguing
    // that ...": before a participle set off by a comma stands the end of
    // the clause it follows, not its speaker (read below, from the clause).
    let participle_after_comma = lead.ends_with(',') && is_participle(cue.span.slice(doc.text));
    let speaker = speaker_before(doc, cue.span.start, sentence.start)
        .filter(|s| !participle_after_comma && !is_thing_pronoun(doc, sentence, s));
    // "A report by the national audit office found": a document cue's
    // source is the document its author's phrase post-modifies.
    let speaker = match speaker {
        Some(s) if cue.class == CueClass::Document && s.kind != SpeakerKind::Document => {
            // Any other phrase before a document cue makes no frame.
            Some(document_by(doc, &s, sentence.start)?)
        }
        other => other,
    };
    if let Some(speaker) = speaker {
        // "Reid, who endorsed Clinton in February, said", "said the
        // Kremlin, which has long opposed NATO expansion": a relative
        // clause on a said-tag's speaker reports only a clause ("which said
        // last week that ..."), and never the words before the tag, which
        // are the tag's own.
        let relative = doc
            .word_after(speaker.mention.start)
            .is_some_and(|w| doc.words[w] == speaker.mention && doc.is(w, WordList::Relative));
        if relative && describes_tag_speaker(doc, cue, sentence, speaker.mention) {
            return None;
        }
        // "Trump's tweet", "Rubio's claim": after a possessive the cue is a
        // noun ("He's saying" is a pronoun and a verb).
        let owner = doc.word_before(cue.span.start).map(|w| doc.word(w));
        let possessive =
            owner.is_some_and(|w| is_possessive(w) && !is_pronoun(w.trim_end_matches(['s', '\'', '\u{2019}'])));
        if possessive && speaker.mention.end == doc.text[..cue.span.start].trim_end().len() {
            return None;
        }
        // "As a Politico reporter noted, he didn't fill the stadium."
        if let Some(content) = as_clause_content(doc, cue, sentence, &speaker) {
            return Some(quote(doc, content, cue, speaker));
        }
        // Content after the cue wins ("During the call, the campaign said it
        // would ..."); the said-tag frame (`"...," Putin said.`) is for cues
        // with nothing but adverbials after them.
        let before = doc.text[sentence.start..speaker.mention.start].trim_end();
        let tag = ends_clause(before);
        // After a closing quotation mark the tag belongs to that quotation
        // (`"We want peace," the president said on Monday, "but ..."`).
        let after_quotation = before.ends_with(is_quote_mark);
        let after = content_after(doc, cue, sentence)
            .or_else(|| asked.and_then(|_| short_answer(doc, cue, sentence)))
            .filter(|_| !after_quotation);
        // A tag set off by commas inside the sentence: "He hoped, he said, ...".
        // `Asked about it, Priebus said, "Probably."` introduces a quotation
        // and interrupts nothing.
        let introduces_quotation = doc.text[cue.span.end..]
            .strip_prefix(',')
            .is_some_and(|rest| rest.trim_start().starts_with(is_quote_mark));
        let tag = tag && !relative;
        let mid_sentence_tag =
            tag && !after_quotation && !introduces_quotation && doc.text[cue.span.end..].starts_with(',');
        // "While Ramos said that ..., he appears ...": a report inside a
        // subordinate clause ends with that clause.
        let subordinate = before.rsplit([' ', ',']).next().is_some_and(is_subordinator);
        let after = after.map(|c| if subordinate { first_clause(doc, c) } else { c });
        // "Discounting this notion, Limbaugh said that with ..., the debate
        // would ...": an explicit "that" gives the content whatever opens it.
        let explicit = |c: &Span| {
            doc.word_before(c.start)
                .is_some_and(|w| doc.word(w).eq_ignore_ascii_case("that"))
        };
        if let Some(content) = after.filter(|c| explicit(c) || !(tag && opens_like_adverbial(doc, *c))) {
            if mid_sentence_tag {
                // "He hoped, he said, that the paper would ...": the tag
                // interrupts the statement, which is the whole sentence.
                let whole = Span::new(sentence.start, content.end);
                return Some(quote(doc, whole, cue, speaker));
            }
            return Some(quote(doc, content, cue, speaker));
        }
        if mid_sentence_tag {
            // "In 2008, Trump said, the foundation's donation had made ...",
            // "His wife, he says, plans to leave": the tag interrupts the
            // statement, which is the whole sentence around it.
            let rest = content_from(doc, cue.span.end + 1, sentence).filter(|rest| {
                let opener = rest.slice(doc.text).split(' ').next().is_some_and(is_clause_opener);
                !opener
            });
            if let Some(rest) = rest {
                let content = Span::new(dateline_end(doc, sentence), rest.end);
                return Some(quote(doc, content, cue, speaker));
            }
        }
        if tag {
            let mut content = content_before(doc, sentence, before)?;
            // Only unquoted words before a said-tag that closes the sentence
            // (", he said on Monday."): before other frames an opening
            // conjunction marks words that are not a statement.
            if cue.class == CueClass::Speech
                && doc.quotation_around(content.start).is_none()
                && word_count(doc, Span::new(cue.span.end, sentence.end)) <= 3
            {
                let rest = after_conjunction(doc, content);
                if word_count(doc, rest) >= 2 {
                    content = rest;
                }
            }
            let content = Some(content).filter(|c| is_statement(doc, *c))?;
            return Some(quote(doc, content, cue, speaker));
        }
        return None;
    }
    if let Some(speaker) = coordinated_subject(doc, cue, sentence, previous) {
        // "He called it a crystal ball and said it was often right".
        let content = content_after(doc, cue, sentence)?;
        return Some(quote(doc, content, cue, speaker));
    }
    if ends_clause(lead) && is_participle(cue.span.slice(doc.text)) {
        // `..., adding that ...`: the participle's subject is the speaker of
        // the sentence's earlier quote, or the sentence's subject.
        let earlier = earlier_in_sentence(previous, cue, sentence).and_then(|p| p.speaker);
        let speaker = earlier.or_else(|| sentence_subject(doc, sentence, cue.span.start))?;
        let content = content_after(doc, cue, sentence)?;
        return Some(quote(doc, content, cue, speaker));
    }
    if ends_clause(lead) {
        // Inverted: `"...," said Ushakov.`
        // "..., said Mrs. Clay had avoided the issue": a verb after the name
        // makes it the subject of what was said, not an inverted speaker.
        let inverted = inverted_speaker(doc, cue.span.end, clause_end(doc, cue.span.end, sentence)).filter(|s| {
            !doc.word_before(s.mention.end).is_some_and(|last| {
                last + 1 < doc.words.len() && doc.gap_after(last) == " " && doc.is(last + 1, WordList::Auxiliary)
            })
        });
        if let Some(speaker) = inverted {
            let content = content_before(doc, sentence, lead).filter(|c| is_statement(doc, *c))?;
            return Some(quote(doc, content, cue, speaker));
        }
        let speaker = earlier_in_sentence(previous, cue, sentence)?.speaker?;
        let content = content_after(doc, cue, sentence)?;
        return Some(quote(doc, content, cue, speaker));
    }
    None
}

/// Where the main clause starts in a sentence that opens with the question
/// put to its speaker ("Asked if ...,", "When asked about ...,"): after the
/// last comma before the first cue whose speaker phrase starts right there
/// (commas inside the question, as in "Asked whether the plan, which
/// critics described as rushed, would pass, the mayor said", are passed
/// over: "critics described" does not start after its comma).
fn asked_clause_end(doc: &Document, sentence: Span) -> Option<usize> {
    // Asked for every cue: most sentences hold no "asked" near their start.
    let head = &doc.text.as_bytes()[sentence.start..sentence.end.min(sentence.start + 100)];
    if !head.windows(5).any(|w| w.eq_ignore_ascii_case(b"asked")) {
        return None;
    }
    let first = doc.word_after(dateline_end(doc, sentence))?;
    let asked = (first..(first + 2).min(doc.words.len())).find(|&w| doc.word(w).eq_ignore_ascii_case("asked"))?;
    let opener = lower(doc.word(first));
    if doc.words[asked].end > sentence.end
        || (asked > first && !matches!(opener.as_ref(), "when" | "if" | "once" | "after" | "but" | "and"))
    {
        return None;
    }
    let from = doc.words[asked].end;
    doc.cues_in(from, sentence.end).iter().find_map(|cue| {
        let comma = from + doc.text[from..cue.span.start].rfind(',')?;
        let subject = doc.word_after(comma + 1)?;
        let speaker = speaker_before(doc, cue.span.start, comma + 1)?;
        (speaker.mention.start == doc.words[subject].start && !doc.is(subject, WordList::Relative))
            .then_some(doc.words[subject].start)
    })
}

/// "said no", "he said Ryan": the answer to a question may be one word.
fn short_answer(doc: &Document, cue: CueMatch, sentence: Span) -> Option<Span> {
    let first = doc
        .word_after(cue.span.end)
        .filter(|&w| doc.words[w].end <= sentence.end)?;
    if !is_blank(&doc.text[cue.span.end..doc.words[first].start]) {
        return None;
    }
    let content = reported_clause(doc, doc.words[first].start, sentence);
    (word_count(doc, content) >= 1 && !is_adverbial(doc, content)).then_some(content)
}

/// Whether a relative clause whose pronoun is `pronoun` describes the
/// speaker of a said-tag ("said the Kremlin, which ...", "according to
/// the ministry, which ...", "Reid, who ..., said") and its cue takes only
/// a noun phrase ("has long opposed NATO expansion", "endorsed Clinton"):
/// then it tells who the speaker is, and reports no statement. On PolNeAR
/// train, such clauses are more often left unannotated than annotated.
fn describes_tag_speaker(doc: &Document, cue: CueMatch, sentence: Span, pronoun: Span) -> bool {
    const MAX_TAG_WORDS: usize = 12;
    if !cue.takes_phrase || that_after(doc, cue, sentence).is_some() {
        return false;
    }
    // The tag's cue right before the speaker: `said the Kremlin, which`,
    // not `was backed by Mayor Ana Ruiz, who`.
    let before = doc.cues_in(sentence.start, pronoun.start).last().is_some_and(|tag| {
        let between = doc.text[tag.span.end..pronoun.start].trim_end();
        let phrase_end = tag.span.end + between.len().saturating_sub(1);
        let speaker = speaker_after(doc, tag.span.end, phrase_end);
        let first = doc.word_after(tag.span.end).map(|w| doc.words[w].start);
        between.ends_with(',')
            && !between[..between.len() - 1].contains([',', '"', '\u{201C}', '\u{201D}'])
            && between.split_whitespace().count() <= MAX_TAG_WORDS
            && speaker.is_some_and(|s| Some(s.mention.start) == first)
    });
    // Or after the clause: `Reid, who endorsed Clinton in February, said`.
    let clause_end = clause_end(doc, cue.span.end, sentence);
    let after = doc.text[clause_end..].starts_with(',')
        && doc.cues_in(clause_end, sentence.end).first().is_some_and(|tag| {
            let between = &doc.text[clause_end + 1..tag.span.start];
            !between.contains([',', '"']) && between.split_whitespace().count() <= 2
        });
    before || after
}

/// "Sanders was asked", "the staffer was charged", "which was first
/// reported": a participle after a form of "be" is passive, and its
/// subject is who was spoken to or about, not the speaker. Adjectives that
/// take "that" ("is convinced that", "are worried that") are cues there.
fn is_passive(doc: &Document, cue: CueMatch) -> bool {
    if cue.needs_that || is_participle(cue.span.slice(doc.text)) {
        return false;
    }
    let Some(mut i) = doc.word_before(cue.span.start) else {
        return false;
    };
    // "was first reported", "were not told".
    while i > 0 && (doc.word(i).ends_with("ly") || matches!(doc.word(i), "not" | "first" | "also" | "never")) {
        i -= 1;
    }
    matches!(
        lower(doc.word(i)).as_ref(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    )
}

/// "refused to answer", "an opportunity to talk about": a cue after "to"
/// is an infinitive, which reports no statement of its subject.
fn is_infinitive(doc: &Document, cue: CueMatch) -> bool {
    doc.word_before(cue.span.start).is_some_and(|w| {
        doc.word(w).eq_ignore_ascii_case("to") && is_blank(&doc.text[doc.words[w].end..cue.span.start])
    })
}

/// Where a sentence starts after its dateline ("ST. PETERSBURG - ",
/// "KYIV (Wire) — "): a run of capitalised words, an optional agency in
/// parentheses, then a dash.
fn dateline_end(doc: &Document, sentence: Span) -> usize {
    let head = &doc.text[sentence.start..floor_char_boundary(doc.text, sentence.end.min(sentence.start + 60))];
    // The first of each spaced dash (" - ", " — ", " – "), found in one
    // byte scan: this runs for every cue.
    const DASHES: [&str; 3] = [" - ", " \u{2014} ", " \u{2013} "];
    let mut first = [None; 3];
    for (i, _) in head.match_indices(' ') {
        let rest = &head[i..];
        for (k, dash) in DASHES.iter().enumerate() {
            if first[k].is_none() && rest.starts_with(dash) {
                first[k] = Some(i);
            }
        }
    }
    for (k, dash) in DASHES.iter().enumerate() {
        if let Some(i) = first[k] {
            let place = head[..i].split(" (").next().unwrap_or_default();
            if !place.is_empty() && !place.chars().any(char::is_lowercase) {
                return sentence.start + i + dash.len();
            }
        }
    }
    sentence.start
}

/// The phrase that opens the sentence (after an opening clause such as "In
/// a statement,"), when it is a pronoun or a speaker phrase.
fn sentence_subject(doc: &Document, sentence: Span, before: usize) -> Option<Speaker> {
    let mut first = doc.word_after(dateline_end(doc, sentence))?;
    let opener = lower(doc.word(first));
    let introductory = is_subordinator(&opener)
        || matches!(
            opener.as_ref(),
            "in" | "on"
                | "at"
                | "after"
                | "before"
                | "during"
                | "with"
                | "as"
                | "whether"
                | "despite"
                | "for"
                | "from"
                | "by"
        );
    // "Likewise, the union ...": a sentence adverb set off by a comma;
    // "Chastened by the polls, Trump ...", "Speaking in Ohio, she ...": a
    // participle phrase.
    let participle = opener.len() > 5
        && (opener.ends_with("ed") || opener.ends_with("ing"))
        && doc.words.get(first + 1).is_some_and(|w| {
            matches!(
                w.slice(doc.text),
                "by" | "in"
                    | "at"
                    | "on"
                    | "to"
                    | "with"
                    | "about"
                    | "from"
                    | "after"
                    | "before"
                    | "for"
                    | "during"
                    | "as"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
            )
        });
    let adverb = (doc.is(first, WordList::ClauseOpener) && doc.gap_after(first).starts_with(',')) || participle;
    if introductory || adverb {
        let comma = doc.text[doc.words[first].end..before].find(',')?;
        first = doc.word_after(doc.words[first].end + comma + 1)?;
    } else if matches!(opener.as_ref(), "but" | "and" | "so" | "yet" | "still" | "then") {
        first += 1;
    }
    let word = doc.words.get(first)?;
    if word.end > before {
        return None;
    }
    if is_pronoun(word.slice(doc.text)) {
        return speaker_before(doc, word.end, word.start);
    }
    // The subject runs over names, possessives and the words of titles and
    // descriptions ("Mr. Biden", "Vermont Sen. Bernie Sanders", "Republican
    // presidential candidate Donald Trump", "Ryan's campaign").
    let mut last = first;
    while last + 1 < doc.words.len()
        && doc.words[last + 1].end <= before
        && {
            let gap = doc.gap_after(last);
            gap == " " || (gap == ". " && is_abbreviation(doc.word(last)))
        }
        && {
            let next = doc.word(last + 1);
            let lists = WordList::Modifier.bit() | WordList::Role.bit() | WordList::Organization.bit();
            is_capitalized(next) || is_possessive(next) || doc.lists(last + 1) & lists != 0
        }
    {
        last += 1;
    }
    speaker_before(doc, doc.words[last].end, doc.words[first].start)
}

/// The subject of a cue coordinated with an earlier verb ("... and said",
/// "... but added"): the speaker of an earlier quote in the same sentence,
/// or the pronoun or name that opens the sentence.
fn coordinated_subject(doc: &Document, cue: CueMatch, sentence: Span, previous: Option<&Quote>) -> Option<Speaker> {
    let before = doc.word_before(cue.span.start)?;
    if !matches!(doc.word(before), "and" | "but") || doc.words[before].start < sentence.start {
        return None;
    }
    if let Some(speaker) = previous
        .filter(|p| p.cue.is_some_and(|c| sentence.start <= c.start))
        .and_then(|p| p.speaker)
    {
        return Some(speaker);
    }
    sentence_subject(doc, sentence, doc.words[before].start)
}

/// `As X noted, CONTENT.`: the speaker phrase opens with "as" and the cue
/// ends the clause.
fn as_clause_content(doc: &Document, cue: CueMatch, sentence: Span, speaker: &Speaker) -> Option<Span> {
    let before = doc.text[sentence.start..speaker.mention.start].trim_end();
    let opener = before.rsplit([' ', ',']).next()?;
    if !opener.eq_ignore_ascii_case("as") {
        return None;
    }
    let comma = doc.text[cue.span.end..sentence.end].find(',')?;
    if doc.text[cue.span.end..cue.span.end + comma].split_whitespace().count() > 4 {
        return None;
    }
    content_from(doc, cue.span.end + comma + 1, sentence)
}

/// The previous quote, when its content ends before `cue` and its own cue
/// lies in the same sentence: the statement `cue` continues.
fn earlier_in_sentence(previous: Option<&Quote>, cue: CueMatch, sentence: Span) -> Option<&Quote> {
    previous.filter(|p| {
        let cue_end = p.cue.map_or(p.content.end, |c| c.end);
        p.content.end <= cue.span.start && sentence.start <= cue_end
    })
}

/// `According to X, CONTENT.` or `CONTENT, according to X.`
fn according_to(doc: &Document, cue: CueMatch, sentence: Span) -> Option<Quote> {
    let end = clause_end(doc, cue.span.end, sentence);
    let mut speaker = speaker_after(doc, cue.span.end, end).or_else(|| source_phrase(doc, cue.span.end, end))?;
    // "According to Orlov, the American side raised ...": what follows the
    // comma is the content, not an apposition, unless a second comma closes
    // it ("According to Orlov, the chief negotiator, talks ended") or the
    // content came first and the sentence ends there ("Talks ended,
    // according to Orlov, the chief negotiator.").
    let lead = doc.text[sentence.start..cue.span.start].trim_end();
    let content_first = ends_clause(lead);
    let closed = |at: usize| {
        let after = &doc.text[at..sentence.end.max(at)];
        after.starts_with(',') || (content_first && after.trim().trim_end_matches(['.', '!', '?']).is_empty())
    };
    if speaker.mention.end > end && !closed(speaker.mention.end) {
        speaker.mention = Span::new(speaker.mention.start, end).trim(doc.text);
        speaker.role = None;
    }
    // Where the source ends: its clause, or its apposition.
    let end = end.max(speaker.mention.end);
    // The source of "according to" is the whole phrase up to the clause
    // end: "according to early results of exit polls conducted by ...".
    let tail = doc.text[speaker.mention.end.min(end)..end]
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':']);
    speaker.mention = Span::new(speaker.mention.start, speaker.mention.end + tail.len());
    // "But, according to the poll, 46 percent ...": a lead of one word is
    // no content; the content follows.
    if let Some(content) = content_first.then(|| content_before(doc, sentence, lead)).flatten() {
        // "X happened, according to Y, and Z followed": the source covers
        // the whole sentence.
        let rest = doc.text[end.min(sentence.end)..sentence.end].trim_start_matches([',', ' ']);
        if end < sentence.end && rest.split_whitespace().count() >= 3 && doc.text[end..].starts_with(',') {
            let whole = Span::new(content.start, sentence.end).trim(doc.text);
            let whole = Span::new(
                whole.start,
                whole.start + whole.slice(doc.text).trim_end_matches(['.', '!', '?']).len(),
            );
            return Some(quote(doc, whole, cue, speaker));
        }
        return Some(quote(doc, content, cue, speaker));
    }
    let rest = &doc.text[speaker.mention.end.min(sentence.end)..sentence.end];
    let comma = rest.find(',')?;
    let from = speaker.mention.end.min(sentence.end) + comma + 1;
    let content = content_from(doc, from, sentence)?;
    Some(quote(doc, content, cue, speaker))
}

/// The object of "according to" that the speaker rules do not read
/// ("recent polling", "figures released on Friday"): the words up to the
/// clause end, when they are few and not quoted.
fn source_phrase(doc: &Document, from: usize, end: usize) -> Option<Speaker> {
    const MAX_WORDS: usize = 10;
    let phrase = Span::new(from, end.max(from)).trim(doc.text);
    let words = word_count(doc, phrase);
    if words == 0 || words > MAX_WORDS || phrase.slice(doc.text).contains(is_quote_mark) {
        return None;
    }
    let head = doc.word_before(phrase.end)?;
    let kind = if doc.is(head, WordList::Document) {
        SpeakerKind::Document
    } else {
        SpeakerKind::Nominal
    };
    Some(Speaker {
        mention: phrase,
        name: None,
        role: None,
        kind,
        hint: None,
    })
}

/// Whether text before a speaker or cue ends a clause that can be content:
/// a comma, a dash, or a closing quotation mark after punctuation.
fn ends_clause(before: &str) -> bool {
    let mut chars = before.chars().rev().peekable();
    match chars.next() {
        Some(',' | '\u{2014}' | '\u{2013}') => true,
        Some(c) if is_quote_mark(c) => {
            // `,"` and the doubled `,''`.
            while chars.peek().is_some_and(|&c| is_quote_mark(c)) {
                chars.next();
            }
            matches!(chars.next(), Some(',' | '?' | '!' | '.' | '\u{2026}'))
        }
        _ => false,
    }
}

/// Where the clause after `pos` ends: the next comma, semicolon or the
/// sentence end.
fn clause_end(doc: &Document, pos: usize, sentence: Span) -> usize {
    let end = sentence.end.max(pos);
    doc.text[pos..end].find([',', ';', '(']).map_or(end, |i| pos + i)
}

/// The content that precedes a said-tag whose lead text is `lead` (which
/// ends in a comma, dash or closing mark): a quotation closing there, or the
/// sentence up to the comma.
fn content_before(doc: &Document, sentence: Span, lead: &str) -> Option<Span> {
    let lead_end = sentence.start + lead.len();
    // `,"` (mark last) and `",` (comma last) both close a quotation.
    for end in [lead_end, lead_end.saturating_sub(1)] {
        if doc.text.is_char_boundary(end) {
            if let Some(q) = doc.quotation_closing_at(end).filter(|q| !q.content.is_empty()) {
                // Words of the same sentence before the quotation are part
                // of the statement: `When X said ..., he "grabbed ...," said Y`.
                let opened_in_sentence = sentence.start < q.open.start;
                let lead_in = Span::new(sentence.start, q.open.start).trim(doc.text);
                let own_cue = !doc.cues_in(lead_in.start, lead_in.end).is_empty();
                if opened_in_sentence && word_count(doc, lead_in) >= 2 && !own_cue {
                    return Some(Span::new(lead_in.start, q.content.end));
                }
                return Some(q.content);
            }
        }
    }
    let body = lead.trim_end_matches([',', '\u{2014}', '\u{2013}', ' ']);
    let content = Span::new(sentence.start, sentence.start + body.len()).trim(doc.text);
    (word_count(doc, content) >= 2).then_some(content)
}

/// `content` without a conjunction that opens it. "But the plan was rolled
/// out badly, he said.": the conjunction ties the sentence to the one
/// before, and what was said follows it.
fn after_conjunction(doc: &Document, content: Span) -> Span {
    let first = doc
        .word_after(content.start)
        .filter(|&w| doc.words[w].start == content.start);
    match first {
        Some(w) if matches!(lower(doc.word(w)).as_ref(), "but" | "and" | "yet") && doc.gap_after(w) == " " => {
            Span::new(doc.words[w].end + 1, content.end)
        }
        _ => content,
    }
}

/// Whether words before a said-tag can be what was said: quoted words, or
/// a clause. "In fact, Sanders proposed", "At a town hall in Ohio, Clinton
/// said", "His wife, he says, plans": an opening phrase or a bare subject
/// is not a statement.
fn is_statement(doc: &Document, content: Span) -> bool {
    let text = content.slice(doc.text);
    let i = doc.quotations.partition_point(|q| q.content.end < content.start);
    if doc.quotations.get(i).is_some_and(|q| q.open.start < content.end) {
        return true;
    }
    let words = word_count(doc, content);
    let first = lower(text.split([' ', ',']).next().unwrap_or_default());
    // "About 270 workers lost their jobs": "about" before a count opens
    // the subject of a clause, not a phrase ("About 10 minutes later").
    let counted_subject = words >= 5
        && first == "about"
        && doc
            .word_after(content.start)
            .is_some_and(|w| w + 1 < doc.words.len() && is_count(doc, w + 1));
    let opening =
        !counted_subject && (is_adverbial_opener(&first) || is_subordinator(&first) || is_clause_opener(&first));
    // An opening phrase may lead into the clause after its comma ("In
    // 2008, the fund's donation had made ...").
    words >= 3 && !(opening && (words < 5 || !text.contains(',')))
}

/// The content after a cue: a quotation that opens right after it (`said:
/// "..."`), the clause after "that", or the rest of the sentence.
fn content_after(doc: &Document, cue: CueMatch, sentence: Span) -> Option<Span> {
    let mut from = cue.span.end;
    // "She warned, however, that ...": a parenthetical adverb between
    // commas is skipped.
    if let Some(skip) = parenthetical_adverb(&doc.text[from..]) {
        from += skip;
    }
    if let Some(rest) = doc.text[from..].trim_start().strip_prefix(',') {
        // `said, "..."` opens a quotation; `said, adding that ...` or
        // `said, according to ...` leaves the cue without content after it.
        let quotation = rest.trim_start().starts_with(|c: char| is_quote_mark(c));
        if !quotation {
            return None;
        }
    }
    if let Some(that) = that_after(doc, cue, sentence) {
        from = that;
    } else if cue.needs_that {
        return None;
    } else if cue.takes_infinitive && opens_infinitive(doc, from) {
        // "offered to resign": the infinitive below, not a noun phrase.
    } else if cue.takes_object {
        from = object_end(doc, from, sentence);
    } else if cue.takes_phrase {
        // "backed Clinton on Thursday, calling her ...": the object alone.
        return content_from(doc, from, sentence).map(|c| before_time(doc, first_clause(doc, c)));
    } else {
        from = after_time(doc, from, sentence);
    }
    // "Auditors want to interview the mayor", "the union vowed to strike":
    // what someone wants, plans or promises may be an infinitive, which
    // elsewhere reads as an adverbial.
    if (cue.class == CueClass::Thought || cue.takes_infinitive) && opens_infinitive(doc, from) {
        let start = doc.word_after(from)?;
        let content = reported_clause(doc, doc.words[start].start, sentence);
        return (word_count(doc, content) >= 2).then_some(content);
    }
    content_from(doc, from, sentence)
}

/// "to interview the mayor", not "to reporters" or "to the council": "to"
/// right at `pos`, before a word that is neither a determiner, a name nor
/// a role.
fn opens_infinitive(doc: &Document, pos: usize) -> bool {
    let Some(to) = doc.word_after(pos) else { return false };
    doc.word(to) == "to"
        && is_blank(&doc.text[pos..doc.words[to].start])
        && doc.words.get(to + 1).is_some()
        && !doc.is(to + 1, WordList::Determiner)
        && !doc.is(to + 1, WordList::Role)
        && !is_capitalized(doc.word(to + 1))
}

/// `content` without a trailing time ("Clinton on Thursday" is "Clinton").
fn before_time(doc: &Document, content: Span) -> Span {
    let first = doc.word_after(content.start).unwrap_or(doc.words.len());
    let time = (first + 1..doc.words.len())
        .take_while(|&w| doc.words[w].end <= content.end)
        .find(|&w| doc.is(w, WordList::NotName));
    let Some(mut cut) = time else { return content };
    if matches!(doc.word(cut - 1), "on" | "last" | "this" | "late" | "early" | "next") && cut - 1 > first {
        cut -= 1;
    }
    Span::new(content.start, doc.words[cut - 1].end)
}

/// The position after a time phrase that opens at `pos` ("on Tuesday",
/// "Monday night", "last week", "earlier this month"), or `pos` itself.
fn after_time(doc: &Document, pos: usize, sentence: Span) -> usize {
    let Some(first) = doc.word_after(pos) else { return pos };
    let mut end = pos;
    let mut timed = false;
    for i in first..(first + 4).min(doc.words.len()) {
        let word = doc.words[i];
        if word.end > sentence.end || !doc.text[end..word.start].trim().is_empty() {
            break;
        }
        let text = word.slice(doc.text);
        let time_noun = doc.is(i, WordList::NotName)
            || matches!(
                text,
                "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening" | "weekend"
            );
        if !time_noun && !matches!(text, "on" | "last" | "this" | "late" | "early" | "earlier" | "next") {
            break;
        }
        timed |= time_noun;
        end = word.end;
    }
    if timed {
        end
    } else {
        pos
    }
}

/// Content from `from` to the end of the sentence, or the quotation that
/// opens there (which may run over several sentences).
fn content_from(doc: &Document, from: usize, sentence: Span) -> Option<Span> {
    let rest = &doc.text[from..];
    let skipped = rest.len()
        - rest
            .trim_start_matches([' ', ',', ':', '\u{2014}', '\u{2013}', '\n'])
            .len();
    let start = from + skipped;
    if let Some(q) = doc.quotation_opening_at(start) {
        // `said "` with nothing quoted says nothing.
        if q.content.is_empty() {
            return None;
        }
        // `declared that "I strongly support" the law`: when the clause
        // goes on after the quotation closes, the clause is the content.
        // Quoted words that end in punctuation ("... for sale," and left)
        // are a whole statement.
        let close = q.close.map_or(q.content.end, |c| c.end);
        let complete = q.content.slice(doc.text).ends_with([',', '.', '!', '?', ';', ':']);
        let goes_on = !complete
            && close < sentence.end
            && doc.text[close..sentence.end]
                .trim_start()
                .starts_with(|c: char| c.is_alphanumeric());
        if goes_on {
            return Some(reported_clause(doc, start, sentence));
        }
        return Some(q.content);
    }
    // `wrote to his followers, "..."`, `told the crowd in Ohio: "..."`: an
    // addressee or place, then the quotation.
    let i = doc.quotations.partition_point(|q| q.open.start < start);
    if let Some(q) = doc
        .quotations
        .get(i)
        .filter(|q| q.open.start < sentence.end && !q.content.is_empty())
    {
        let lead = doc.text[start..q.open.start].trim_end();
        let first = lead.split(' ').next().unwrap_or_default().to_ascii_lowercase();
        if lead.ends_with([',', ':']) && lead.split_whitespace().count() <= 10 && is_adverbial_opener(&first) {
            return Some(q.content);
        }
    }
    let content = reported_clause(doc, start, sentence);
    // "was signed by President Nixon": a passive cue's agent, not content.
    // After "that" ("indicated that by the time ...") it opens the clause.
    let after_that = doc
        .word_before(content.start)
        .is_some_and(|w| doc.word(w).eq_ignore_ascii_case("that"));
    let agent = content.slice(doc.text).starts_with("by ") && !after_that;
    (word_count(doc, content) >= 2 && !is_adverbial(doc, content) && !agent).then_some(content)
}

/// The reported clause that starts at `start`, without its final
/// punctuation. A quotation opened in it runs on to its close, across
/// sentence ends: `He said reform "is a 'when' question. It is not an 'if'
/// question."`
fn reported_clause(doc: &Document, start: usize, sentence: Span) -> Span {
    let mut end = content_end(doc, start, sentence.end.max(start));
    let i = doc.quotations.partition_point(|q| q.open.start < start);
    if let Some(q) = doc.quotations[i..].iter().take_while(|q| q.open.start < end).last() {
        end = end.max(q.content.end);
    }
    let body = doc.text[start..end]
        .trim_end()
        .trim_end_matches(['.', '!', '?', ';', ' ']);
    Span::new(start, start + body.len()).trim(doc.text)
}

/// Where reported content that starts at `start` ends: the sentence end,
/// or earlier where a new clause takes over (", but ...", ", which ...",
/// "... and called ...").
fn content_end(doc: &Document, start: usize, end: usize) -> usize {
    let clause = &doc.text[start..end];
    let mut cut = clause.len();
    // One pass over the clause's commas and semicolons: a new clause after
    // a comma (", but", ", which", ", offering ...") or any semicolon.
    // Bytes, not chars: both marks are ASCII, and no UTF-8 decoding is
    // needed to find them.
    let marks = clause.bytes().enumerate().filter(|&(_, b)| b == b',' || b == b';');
    for (i, mark) in marks {
        if mark == b';' {
            cut = i;
            break;
        }
        let Some(rest) = clause[i + 1..].strip_prefix(' ') else {
            continue;
        };
        let next = rest.split([' ', ',']).next().unwrap_or_default();
        // ", including ..." and ", and that ..." go on with the same report.
        let continues =
            next == "including" || (matches!(next, "and" | "but") && rest[next.len()..].starts_with(" that "));
        // ", said one candidate", ", current and former officials said.":
        // a cue right after the comma, or a said-tag closing the sentence a
        // few words after it, starts the next attribution.
        let after_comma = start + i + 1;
        let next_cue = doc.cues_in(after_comma, end).first().is_some_and(|cue| {
            let between = &doc.text[after_comma..cue.span.start];
            // `end` may be the edge of the rules' window, which a cue that
            // starts before it can cross: it then ends the text looked at.
            let closing_tag = doc.text[cue.span.end.min(end)..end]
                .trim()
                .trim_end_matches(['.', '!', '?'])
                .is_empty();
            between.trim().is_empty()
                || (closing_tag && between.split_whitespace().count() <= 6 && !between.contains([',', ';']))
        });
        if !continues && (is_ing_word(next) || is_clause_opener(next) || next_cue) {
            cut = i;
            break;
        }
    }
    // "... before speaking events - and her management was ...": a dash
    // before a conjunction ends the report as a comma does.
    // Dashes and their lengths, found by byte: both long dashes start with
    // 0xE2, and only there is a character decoded.
    let dashes = clause.as_bytes()[..cut]
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| match b {
            b'-' => Some((i, 1)),
            0xE2 if clause[i..].starts_with(['\u{2014}', '\u{2013}']) => Some((i, 3)),
            _ => None,
        });
    for (i, dash_len) in dashes {
        // Spaced dashes only: "- ", "-- ", "— " after a space.
        let after = clause[i..].trim_start_matches(['-', '\u{2014}', '\u{2013}']);
        let spaced =
            clause[..i].ends_with(' ') && after.starts_with(' ') && clause.len() - after.len() - i <= 2 * dash_len;
        if spaced && is_clause_opener(after[1..].split([' ', ',']).next().unwrap_or_default()) {
            cut = i - 1;
            break;
        }
    }
    // "acknowledged that X and called Y": a coordinated cue starts a new
    // attribution.
    for cue in doc.cues_in(start, end) {
        let before = doc.text[start..cue.span.start].trim_end();
        if before.ends_with(" and") || before.ends_with(" but") {
            cut = cut.min(before.len() - 4);
        }
    }
    start + cut
}

/// "asked not to be named", "declined to be identified", "requested
/// anonymity", "spoke on condition of anonymity": a source's terms, not a
/// statement.
fn asks_anonymity(after_cue: &str) -> bool {
    let rest = after_cue.trim_start();
    [
        "not to be ",
        "to be identified",
        "to be named",
        "anonymity",
        "on condition of anonymity",
        "on the condition of anonymity",
    ]
    .iter()
    .any(|p| rest.starts_with(p))
}

/// "While the exchange was cordial, it also highlighted ...": after an
/// opening subordinate clause whose subject is a thing, "it" is that thing,
/// not a source (after "While the ministry was ...", it may be one).
fn is_thing_pronoun(doc: &Document, sentence: Span, speaker: &Speaker) -> bool {
    if !is_pronoun_speaker(doc, speaker, "it") {
        return false;
    }
    let Some(first) = doc.word_after(dateline_end(doc, sentence)) else {
        return false;
    };
    if !is_subordinator(doc.word(first)) || !doc.text[..speaker.mention.start].trim_end().ends_with(',') {
        return false;
    }
    // The clause's subject: a determiner, then words up to its verb.
    let det = first + 1;
    if det >= doc.words.len() || !doc.is(det, WordList::Determiner) {
        return false;
    }
    let verb = (det + 2..(det + 5).min(doc.words.len()))
        .take_while(|&w| doc.words[w].end <= speaker.mention.start)
        .find(|&w| doc.is(w, WordList::Auxiliary));
    verb.is_some_and(|verb| !is_source_noun(doc, verb - 1) && !is_capitalized(doc.word(verb - 1)))
}

/// Conjunctions that open a subordinate clause.
fn is_subordinator(word: &str) -> bool {
    matches!(
        lower(word).as_ref(),
        "while" | "although" | "though" | "if" | "when" | "because" | "since" | "whereas" | "unless" | "until" | "once"
    )
}

/// `content` up to its first comma, when words follow the comma.
fn first_clause(doc: &Document, content: Span) -> Span {
    match content.slice(doc.text).find(", ") {
        Some(comma) if comma > 0 => Span::new(content.start, content.start + comma),
        _ => content,
    }
}

/// Words that open a new clause after a comma in reported content.
fn is_clause_opener(word: &str) -> bool {
    matches!(
        word,
        "but" | "however" | "and" | "as" | "which" | "while" | "although" | "though" | "who" | "where"
    )
}

/// The position after "that" when it comes within a few words of the cue,
/// with no sentence punctuation in between. Only an addressee ("told
/// reporters that"), a prepositional phrase ("said in a statement that") or
/// a time ("said Monday that") may come first: after a plain noun "that"
/// opens a relative clause ("wanted a mayor that listens").
fn that_after(doc: &Document, cue: CueMatch, sentence: Span) -> Option<usize> {
    let pos = cue.span.end;
    // "pledged to push for an amendment that ...": a "that" after an
    // infinitive opens a relative clause inside what was pledged.
    if opens_infinitive(doc, pos) {
        return None;
    }
    let first = doc.word_after(pos)?;
    let opener = doc.word(first);
    let may_precede = cue.takes_object
        || opener.eq_ignore_ascii_case("that")
        || opener == "to"
        || doc.is(first, WordList::ClauseOpener)
        || doc.is(first, WordList::NotName)
        || doc.is(first, WordList::Between)
        || opener.ends_with("ly")
        || doc.text[pos..doc.words[first].start].contains(',');
    if !may_precede {
        return None;
    }
    for i in first..(first + THAT_WINDOW).min(doc.words.len()) {
        let word = doc.words[i];
        if word.end > sentence.end {
            return None;
        }
        let between = &doc.text[pos..word.start];
        if between.contains([';', ':', '"', '\u{201C}', '\u{201D}', '(', '.'])
            || !doc.cues_in(pos, word.start).is_empty()
        {
            return None;
        }
        let text = word.slice(doc.text);
        if text.eq_ignore_ascii_case("that") {
            // "the land that had been ravaged": "that" before a verb is a
            // relative pronoun, not the start of the content.
            if doc.words.get(i + 1).is_some_and(|_| doc.is(i + 1, WordList::Auxiliary)) {
                return None;
            }
            return Some(word.end);
        }
        // "said they prefer an agenda that ...": a subject or a verb means
        // the content has begun, and a later "that" is inside it.
        if is_pronoun(text) || doc.is(i, WordList::Auxiliary) {
            return None;
        }
    }
    None
}

/// After "told reporters", "urged Congress": the end of the addressee, the
/// first word(s) after the cue up to a colon, comma or quotation.
fn object_end(doc: &Document, pos: usize, sentence: Span) -> usize {
    let rest = &doc.text[pos..sentence.end.max(pos)];
    if let Some(i) = rest.find([':', ',', '"', '\u{201C}']) {
        if doc.text[pos..pos + i].split_whitespace().count() <= 4 {
            return pos + i;
        }
    }
    // "told Trump Russia is willing", "told reporters he was ready": skip
    // the addressee, a name or a determiner phrase.
    let Some(mut i) = doc.word_after(pos) else { return pos };
    if doc.is(i, WordList::Determiner) {
        i += 1;
    }
    while i + 1 < doc.words.len()
        && is_capitalized(doc.word(i))
        && doc.gap_after(i) == " "
        && is_capitalized(doc.word(i + 1))
    {
        i += 1;
    }
    doc.words.get(i).map_or(pos, |w| w.end.min(sentence.end))
}

/// The length of ", however," (or "though", "too", "also", "again") at the
/// start of `rest`.
fn parenthetical_adverb(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix(", ")?;
    let word_end = inner.find(',')?;
    let word = &inner[..word_end];
    matches!(
        word,
        "however"
            | "though"
            | "too"
            | "also"
            | "again"
            | "moreover"
            | "meanwhile"
            | "nonetheless"
            | "for example"
            | "for instance"
            | "in fact"
            | "of course"
            | "in turn"
            | "in particular"
    )
    .then_some(2 + word_end + 1)
}

/// Content after a said-tag that opens like an adverbial ("in his office
/// overlooking the bay", "answering a question"): when the sentence before
/// the tag is a statement, the tag belongs to it.
fn opens_like_adverbial(doc: &Document, content: Span) -> bool {
    let first = content.slice(doc.text).split_whitespace().next().unwrap_or_default();
    is_adverbial_opener(&first.to_ascii_lowercase()) || is_ing_word(first)
}

/// A lowercase -ing word long enough not to be "thing" or "king":
/// "offering", "answering".
fn is_ing_word(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ing") && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Content that is only a time or place ("on Monday", "in a statement"):
/// the frame has no content.
fn is_adverbial(doc: &Document, content: Span) -> bool {
    let first = content.slice(doc.text).split_whitespace().next().unwrap_or_default();
    word_count(doc, content) <= 5 && is_adverbial_opener(&first.to_ascii_lowercase())
}

/// Words that open a time, place or manner phrase rather than a statement.
fn is_adverbial_opener(word: &str) -> bool {
    matches!(
        word,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "late"
            | "to"
            | "of"
            | "with"
            | "for"
            | "about"
            | "when"
            | "while"
            | "yesterday"
            | "today"
            | "tonight"
            | "from"
            | "outside"
            | "inside"
            | "near"
            | "via"
            | "through"
            | "as"
            | "because"
            | "since"
            | "an"
    )
}

fn word_count(doc: &Document, span: Span) -> usize {
    if span.is_empty() {
        return 0;
    }
    let first = doc.words.partition_point(|w| w.start < span.start);
    let last = doc.words.partition_point(|w| w.end <= span.end);
    last.saturating_sub(first)
}

/// `Kasich: 'We Are Going All The Way'`, `Poll: Sanders leads in Iowa`: a
/// line that opens with a short speaker phrase and a colon reports what
/// that speaker says, as headlines do. Labels ("Update:", "Watch:") and
/// datelines ("WASHINGTON:") are not speakers.
pub(crate) fn colon_headline(doc: &Document, line_start: usize, transcript: bool) -> Option<Quote> {
    const MAX_SPEAKER_BYTES: usize = 60;
    // A quoted transcript repeats the opening mark on each line.
    let line_start = match doc.text[line_start..].chars().next() {
        Some(mark) if transcript && is_quote_mark(mark) => line_start + mark.len_utf8(),
        _ => line_start,
    };
    let head = &doc.text[line_start..floor_char_boundary(doc.text, line_start + MAX_SPEAKER_BYTES)];
    let colon = line_start + label_end(head)?;
    let label = &doc.text[line_start..colon];
    // A period only after a short abbreviation ("Dr. Ben Carson"), never
    // after a sentence.
    let sentence_end = label
        .match_indices('.')
        .any(|(i, _)| label[..i].rsplit(' ').next().is_some_and(|word| word.len() > 3));
    if sentence_end || label.contains([',', ';', '!', '?', '"', '\n']) {
        return None;
    }
    // In a transcript, speakers are labelled in capitals ("TAPPER:",
    // "Q:"); elsewhere a line in capitals is a dateline ("LAGOS:").
    let capitals = !label.chars().any(char::is_lowercase);
    if transcript && capitals && label.len() <= MAX_LABEL_BYTES && !is_label(label) {
        // A transcript speaker.
    } else if is_label(label) || capitals {
        return None;
    }
    let speaker = speaker_before(doc, colon, line_start).filter(|s| s.mention.start == line_start)?;
    if speaker.kind == SpeakerKind::Pronoun {
        return None;
    }
    let limit = floor_char_boundary(doc.text, colon + WINDOW);
    let end = doc.text[colon..limit].find('\n').map_or(limit, |i| colon + i);
    let content = Span::new(colon + 1, end).trim(doc.text);
    let body = content.slice(doc.text).trim_end_matches(['.', ' ']);
    let content = Span::new(content.start, content.start + body.len());
    // The words inside a quotation that spans the whole rest of the line.
    let content = doc
        .quotation_opening_at(content.start)
        .filter(|q| q.close.is_some_and(|c| c.end >= content.end))
        .map_or(content, |q| q.content);
    if word_count(doc, content) < 2 {
        return None;
    }
    let cue = CueMatch {
        span: Span::new(colon, colon + 1),
        class: CueClass::Speech,
        needs_that: false,
        takes_object: false,
        takes_phrase: false,
        takes_infinitive: false,
    };
    let mut found = quote(doc, content, cue, speaker);
    if transcript && capitals {
        // A transcript gives the speaker's own words.
        found.kind = QuoteKind::Direct;
    }
    Some(found)
}

/// The longest speaker label of a transcript line ("JAKE TAPPER:").
const MAX_LABEL_BYTES: usize = 30;

/// Where the first ": " of a line's head is. Asked at every line start:
/// a byte scan, not a substring searcher built for each call.
fn label_end(head: &str) -> Option<usize> {
    head.as_bytes().windows(2).position(|pair| pair == b": ")
}

/// Whether a paragraph opens with a speaker label in capitals, as the lines
/// of a transcript do ("TAPPER: ...", "Q: ...").
pub(crate) fn opens_with_capital_label(doc: &Document, line_start: usize) -> bool {
    let line_start = match doc.text[line_start..].chars().next() {
        Some(mark) if is_quote_mark(mark) => line_start + mark.len_utf8(),
        _ => line_start,
    };
    let head = &doc.text[line_start..floor_char_boundary(doc.text, line_start + MAX_LABEL_BYTES + 2)];
    label_end(head).is_some_and(|colon| {
        let label = &head[..colon];
        !label.is_empty()
            && label.starts_with(|c: char| c.is_ascii_uppercase())
            && label
                .chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
    })
}

/// Words that label a line rather than name a speaker.
fn is_label(label: &str) -> bool {
    matches!(
        label.to_ascii_lowercase().replace('\u{2019}', "'").as_str(),
        "update"
            | "updated"
            | "note"
            | "editor's note"
            | "related"
            | "watch"
            | "read"
            | "read more"
            | "photos"
            | "photo"
            | "video"
            | "correction"
            | "clarification"
            | "source"
            | "sources"
            | "advertisement"
            | "breaking"
            | "exclusive"
            | "live"
            | "opinion"
            | "analysis"
            | "q"
            | "a"
            | "transcript"
            | "topics"
            | "tags"
            | "share"
            | "by"
            | "see also"
            | "more"
            | "listen"
            | "subscribe"
            | "warning"
            | "disclaimer"
            | "contributing"
            | "contributors"
            | "the latest"
            | "paid notice"
    )
}

fn quote(doc: &Document, content: Span, cue: CueMatch, speaker: Speaker) -> Quote {
    let first = doc.quotations.partition_point(|q| q.content.start < content.start);
    let inside = doc.quotations[first..]
        .iter()
        .take_while(|q| q.content.start < content.end);
    let direct = doc.quotations.get(first).is_some_and(|q| q.content == content);
    let mixed = !direct && inside.clone().any(|q| q.content.end <= content.end);
    let kind = if direct {
        QuoteKind::Direct
    } else if mixed {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    let confidence = match (kind, speaker.kind) {
        (QuoteKind::Direct, SpeakerKind::Person) => 0.9,
        (QuoteKind::Direct, _) => 0.8,
        (_, SpeakerKind::Pronoun | SpeakerKind::Person) => 0.7,
        _ => 0.6,
    };
    Quote {
        content,
        parts: Vec::new(),
        kind,
        cue: Some(cue.span),
        cue_class: Some(cue.class),
        speaker: Some(speaker),
        confidence,
    }
}
