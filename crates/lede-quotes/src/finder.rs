//! The whole attribution pass over one document.

use lede_text::{sentences, spans_in_order, NameHint, NameKind, Span};

use crate::attribution::{attribute, colon_headline, opens_with_capital_label};
use crate::coref::resolve;
use crate::cues::{is_participle, CueClass};
use crate::document::{floor_char_boundary, Document, WINDOW};
use crate::quote::{Quote, QuoteKind, SpeakerKind};
use crate::speaker::{is_pronoun_speaker, speaker_after, speaker_head};
use rustc_hash::FxHashMap;

/// Quotations of fewer words than this, with no cue, are scare quotes or
/// titles ("the so-called "coalition of the willing""), not speech.
const MIN_UNTAGGED_WORDS: usize = 5;

/// Every attributed statement in `text`, in document order, with speakers
/// resolved across the document.
///
/// ```
/// use lede_quotes::{find_quotes, QuoteKind};
///
/// let text = "Kremlin adviser Yuri Ushakov spoke after the call. \
///             \"The presidents agreed to keep talking,\" Ushakov said. \
///             He expounded that a meeting was possible.";
/// let quotes = find_quotes(text);
/// let found: Vec<(&str, QuoteKind, &str)> = quotes
///     .iter()
///     .map(|q| (&text[q.content.range()], q.kind, &text[q.speaker.unwrap().name.unwrap().range()]))
///     .collect();
/// assert_eq!(found, [
///     ("The presidents agreed to keep talking,", QuoteKind::Direct, "Yuri Ushakov"),
///     ("a meeting was possible", QuoteKind::Indirect, "Yuri Ushakov"),
/// ]);
/// ```
pub fn find_quotes(text: &str) -> Vec<Quote> {
    find_quotes_with_hints(text, &[])
}

/// [`find_quotes`] with the names an earlier stage knows (a gazetteer, a
/// user's list): each speaker that a hint names gets the hint's index in
/// [`Speaker::hint`](crate::Speaker::hint), and a speaker read as a person
/// whose hint is a country, body or place is an organisation ("Russia
/// said", "the Kremlin said").
///
/// ```
/// use lede_quotes::{find_quotes_with_hints, SpeakerKind};
/// use lede_text::{NameHint, NameKind, Span};
///
/// let text = "\"We reject the plan,\" Moscow said.";
/// let hints = [NameHint {
///     span: Span::new(22, 28),
///     name: "Russia",
///     id: Some("country:RUS"),
///     kind: NameKind::Country,
///     role: None,
/// }];
/// let quotes = find_quotes_with_hints(text, &hints);
/// let speaker = quotes[0].speaker.unwrap();
/// assert_eq!((speaker.hint, speaker.kind), (Some(0), SpeakerKind::Organization));
/// ```
pub fn find_quotes_with_hints(text: &str, hints: &[NameHint]) -> Vec<Quote> {
    // News runs about a hundred bytes a sentence: sized once, the list is
    // not copied as it grows.
    let mut split = Vec::with_capacity(text.len() / 64 + 4);
    split.extend(sentences(text));
    find_in(Document::new(text, split), hints)
}

/// [`find_quotes_with_hints`] over the sentences of `text` as
/// [`lede_text::sentences`] splits them, already split by the caller: a
/// pipeline whose other stages need them too splits once. Spans that are
/// not in order inside `text` ([`lede_text::spans_in_order`]) are not
/// trusted, and the text is split again.
///
/// ```
/// use lede_quotes::{find_quotes, find_quotes_in_sentences};
/// use lede_text::{sentences, Span};
///
/// let text = "The minister spoke first. \"We will not wait,\" she said.";
/// let split: Vec<Span> = sentences(text).collect();
/// assert_eq!(find_quotes_in_sentences(text, &split, &[]), find_quotes(text));
/// ```
pub fn find_quotes_in_sentences(text: &str, sentences: &[Span], hints: &[NameHint]) -> Vec<Quote> {
    if !spans_in_order(sentences, text) {
        return find_quotes_with_hints(text, hints);
    }
    find_in(Document::new(text, sentences.to_vec()), hints)
}

/// The attribution pass over a prepared document.
fn find_in(doc: Document, hints: &[NameHint]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut seen: FxHashMap<Span, ()> = FxHashMap::default();
    for &cue in &doc.cues {
        if let Some(quote) = attribute(&doc, cue, quotes.last()) {
            if seen.insert(quote.content, ()).is_none() {
                quotes.push(quote);
            }
        }
    }
    // Three or more lines that open with a label in capitals make a
    // transcript, whose labels name speakers.
    const TRANSCRIPT_LINES: usize = 3;
    let transcript = doc
        .paragraphs
        .iter()
        .filter(|p| opens_with_capital_label(&doc, p.start))
        .take(TRANSCRIPT_LINES)
        .count()
        >= TRANSCRIPT_LINES;
    for paragraph in &doc.paragraphs {
        if let Some(quote) = colon_headline(&doc, paragraph.start, transcript) {
            if seen.insert(quote.content, ()).is_none() {
                quotes.push(quote);
            }
        }
    }
    merge_interrupted(&doc, &mut quotes);
    untagged_quotations(&doc, &mut quotes);
    quotes.sort_by_key(|q| (q.content.start, q.content.end));
    // Linked before resolving, a speaker a hint names as a country or body
    // ("Saudi Arabia said") is no antecedent for "he"; linked again after,
    // a resolved name finds its own hint.
    let hints = HintIndex::new(hints);
    link_hints(&doc, &mut quotes, &hints);
    resolve(&doc, &mut quotes);
    drop_nested_reports(&doc, &mut quotes);
    link_hints(&doc, &mut quotes, &hints);
    quotes
}

/// "Clinton said the report found that wages fell": a cue inside another
/// speaker's reported words is part of what that speaker said, and its
/// frame reads that speaker's words, not a statement of its own. The
/// speaker's own further reports stay: the same name, or a pronoun that may
/// refer back to the speaker ("Union leaders said they expect ...").
/// `quotes` is sorted by content start.
fn drop_nested_reports(doc: &Document, quotes: &mut Vec<Quote>) {
    let who = |q: &Quote| q.speaker.map(|s| s.name.unwrap_or(s.mention).slice(doc.text));
    let outer: Vec<(Span, &str)> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Direct && q.cue.is_some())
        .filter_map(|q| Some((q.content, who(q)?)))
        .collect();
    quotes.retain(|q| {
        let (Some(cue), Some(name)) = (q.cue, who(q)) else {
            return true;
        };
        if q.kind == QuoteKind::Direct || q.speaker.is_some_and(|s| s.kind == SpeakerKind::Pronoun) {
            return true;
        }
        let i = outer.partition_point(|(content, _)| content.start <= cue.start);
        !outer[i.saturating_sub(4)..i]
            .iter()
            .any(|&(content, speaker)| content.contains(cue) && !speaker.eq_ignore_ascii_case(name))
    });
}

/// Sets [`Speaker::hint`](crate::Speaker::hint), the one place that decides
/// which hint a speaker is: the hint that holds the last word of the
/// speaker's head ([`speaker_head`]), so "Russian officials", "Russia's
/// defence ministry" and "the ministry, an arm of the European Commission"
/// are not taken for Russia or the Commission; for a person, else a
/// person hint inside the name ("Petro O. Poroshenko" where the hint is
/// "Petro").
fn link_hints(doc: &Document, quotes: &mut [Quote], index: &HintIndex) {
    let hints = index.hints;
    if hints.is_empty() {
        return;
    }
    // On the pass after coreference a resolved name ("Hillary Clinton" for
    // "Mrs. Clinton") may find a better hint; one that finds none keeps the
    // hint at the speaker's own words ("Mr. Trump", though coreference
    // took him for another Trump).
    for speaker in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        let head = speaker_head(doc, speaker);
        let holding = doc.word_before(head.end).and_then(|w| index.holding(doc.words[w]));
        // "it" stands for a body ("The Clinton campaign ... it expects"),
        // whose name may hold a person's; "they" for a group, which is no
        // entity ("members of Congress" are not Congress).
        if is_pronoun_speaker(doc, speaker, "they") {
            continue;
        }
        let person = speaker.kind == SpeakerKind::Person
            || (speaker.kind == SpeakerKind::Pronoun && !is_pronoun_speaker(doc, speaker, "it"));
        let Some(hint) = holding.or_else(|| {
            let name = speaker.name.filter(|_| person)?;
            index.person_inside(name)
        }) else {
            continue;
        };
        if speaker.kind == SpeakerKind::Person && hints[hint].kind != NameKind::Person {
            speaker.kind = SpeakerKind::Organization;
        }
        // "the Communications Workers of America", "the minister of France":
        // a name after "of" inside the speaker's words is not the speaker's
        // entity (though, being no person, it is no antecedent for "he").
        let inside = hints[hint].span.start > speaker.mention.start && speaker.mention.contains(hints[hint].span);
        if !(inside && doc.text[..hints[hint].span.start].trim_end().ends_with(" of")) {
            speaker.hint = Some(hint);
        }
    }
}

/// Name hints in text order, for finding those near a speaker.
struct HintIndex<'h, 'a> {
    hints: &'h [NameHint<'a>],
    /// Indices into `hints`, by start.
    order: Vec<usize>,
    /// The longest hint's length: a hint that starts further than this
    /// before a word cannot reach it, so each speaker reads only the hints
    /// just before it, and many speakers no hint holds ("the spokesman")
    /// stay linear.
    longest: usize,
}

impl<'h, 'a> HintIndex<'h, 'a> {
    fn new(hints: &'h [NameHint<'a>]) -> Self {
        let mut order: Vec<usize> = (0..hints.len()).collect();
        order.sort_by_key(|&i| hints[i].span.start);
        let longest = hints.iter().map(|h| h.span.len()).max().unwrap_or(0);
        HintIndex { hints, order, longest }
    }

    /// The hints that may overlap `span` (and a few that do not), the
    /// last to start first.
    fn near(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let upto = self.order.partition_point(|&i| self.hints[i].span.start < span.end);
        self.order[..upto]
            .iter()
            .rev()
            .copied()
            .take_while(move |&i| self.hints[i].span.start + self.longest >= span.start)
    }

    /// The hint that holds `word`.
    fn holding(&self, word: Span) -> Option<usize> {
        self.near(word)
            .find(|&i| self.hints[i].span.start <= word.start && self.hints[i].span.end >= word.end)
    }

    /// The first person hint inside `span`.
    fn person_inside(&self, span: Span) -> Option<usize> {
        self.near(span)
            .filter(|&i| self.hints[i].kind == NameKind::Person && span.contains(self.hints[i].span))
            .last()
    }
}

/// The most words between a said-tag and the quotation it interrupts.
const MAX_TAG_WORDS: usize = 15;

/// The words a tag interrupts are one statement: `"We want peace," he
/// said on Monday, "but not at any price."` and `"...," said Ushakov. "...".`
/// A mixed quote runs on the same way: `The tariff was "a tax," Okafor
/// said. "We will repeal it."`
/// The quote's content becomes the outer extent, from the first quoted word
/// to the last, as attribution corpora annotate it.
fn merge_interrupted(doc: &Document, quotes: &mut [Quote]) {
    // Quotations that already belong to a reported clause ("adding that
    // talks could resume "within weeks"") are not merged.
    let mut claimed: Vec<Span> = quotes.iter().map(|q| q.content).collect();
    claimed.sort_by_key(|s| s.start);
    let is_claimed = |span: Span| {
        let i = claimed.partition_point(|c| c.start <= span.start);
        claimed[i.saturating_sub(4)..i].iter().any(|c| c.contains(span))
    };
    for quote in quotes.iter_mut().filter(|q| q.kind != QuoteKind::Indirect) {
        let (Some(cue), Some(speaker)) = (quote.cue, quote.speaker) else {
            continue;
        };
        let tag_end = cue.end.max(speaker.mention.end);
        if cue.start < quote.content.end {
            continue;
        }
        let Some(paragraph) = doc.paragraph_at(quote.content.start) else {
            continue;
        };
        // The speaker's words run on through the paragraph's later
        // quotations while only a participle or narration without a cue
        // comes between them.
        let mut parts = vec![quote.content];
        let mut from = tag_end;
        let i = doc.quotations.partition_point(|q| q.open.start < tag_end);
        for next in doc.quotations[i..].iter().take_while(|q| q.open.start < paragraph.end) {
            let between = &doc.text[from..next.open.start];
            let short = between.split_whitespace().count() <= MAX_TAG_WORDS;
            let no_cue = doc
                .cues_in(from, next.open.start)
                .iter()
                .all(|c| is_participle(c.span.slice(doc.text)) || in_relative_clause(doc, c.span.start));
            // A narrative sentence between the tag and the quotation ends
            // the statement: only the rest of the tag's sentence may come
            // between them.
            let sentence_end = doc.sentence_at(from.saturating_sub(1)).end;
            let narrative = next.open.start > sentence_end
                && doc.text[sentence_end..next.open.start]
                    .chars()
                    .any(char::is_alphanumeric);
            let opens_sentence = next.open.start >= sentence_end;
            // A quotation left open (clipped at its sentence) is a stray
            // mark's, not the speaker's words going on.
            let unclosed = next.close.is_none();
            if unclosed
                || !(short || opens_sentence)
                || !no_cue
                || narrative
                || between.contains('\n')
                || is_claimed(next.content)
            {
                break;
            }
            parts.push(next.content);
            from = next.close.map_or(next.content.end, |c| c.end);
        }
        if parts.len() > 1 {
            quote.content = quote.content.cover(parts[parts.len() - 1]);
            quote.parts = parts;
        }
    }
}

/// Whether the cue at `pos` follows "who" or "which" ("said one former
/// aide, who said he left on good terms"): the tag's own aside.
fn in_relative_clause(doc: &Document, pos: usize) -> bool {
    let first = doc.words.partition_point(|w| w.end <= pos);
    doc.words[first.saturating_sub(4)..first]
        .iter()
        .any(|w| matches!(w.slice(doc.text), "who" | "which"))
}

/// Quotations no cue claimed: a headline quote (`'Could get offended':
/// Putin leaves ...`), a quote continuing the paragraph's speaker, or
/// speech whose speaker is not given.
fn untagged_quotations(doc: &Document, quotes: &mut Vec<Quote>) {
    quotes.sort_by_key(|q| (q.content.start, std::cmp::Reverse(q.content.end)));
    let attributed: &[Quote] = quotes;
    let mut found = Vec::new();
    // Sweeping both lists in order: `covered` is the furthest end of the
    // quotes started so far, `spoken` those of them with a speaker.
    let (mut next, mut covered) = (0, 0);
    let mut spoken: Vec<&Quote> = Vec::new();
    for (index, quotation) in doc.quotations.iter().enumerate() {
        let content = quotation.content;
        while next < attributed.len() && attributed[next].content.start <= content.start {
            covered = covered.max(attributed[next].content.end);
            if attributed[next].speaker.is_some() {
                spoken.push(&attributed[next]);
            }
            next += 1;
        }
        // The last quote with a speaker that ended before this quotation;
        // only quotes still overlapping it are passed over.
        let earlier = spoken
            .iter()
            .rev()
            .take(8)
            .find(|q| q.content.end <= content.start)
            .copied();
        if content.end <= covered {
            continue;
        }
        let after_close = quotation.close.map_or(content.end, |c| c.end);
        if let Some(quote) = headline(doc, after_close, content).or_else(|| dash_credit(doc, after_close, content)) {
            found.push(quote);
            continue;
        }
        let words = doc.words.partition_point(|w| w.end <= content.end)
            - doc.words.partition_point(|w| w.start < content.start);
        // An unclosed quotation with no cue is a stray mark, not speech.
        let continued = quotation.continues || doc.quotations.get(index + 1).is_some_and(|q| q.continues);
        let unclosed = quotation.close.is_none() && !continued;
        if words < MIN_UNTAGGED_WORDS || unclosed {
            continue;
        }
        let paragraph = doc.paragraph_at(content.start);
        // Only a person goes on speaking in quotation marks: a document or
        // a body ("the report", "the ministry") is quoted with a cue.
        let person = |q: &&Quote| {
            q.speaker
                .is_some_and(|s| matches!(s.kind, SpeakerKind::Person | SpeakerKind::Pronoun))
        };
        // A quotation inside a narrator's sentence ("Trump called the
        // plan "a disaster"") is a partial quote, which needs its own cue;
        // only quoted sentences go on with the speaker.
        let sentence = doc.sentence_at(quotation.open.start);
        let opens_sentence = !doc.text[sentence.start..quotation.open.start]
            .chars()
            .any(char::is_alphanumeric);
        let same_speaker = earlier.filter(person).filter(|_| opens_sentence).filter(|q| {
            quotation.continues
                || paragraph.is_some_and(|p| p.start <= q.content.start)
                || (q.kind == QuoteKind::Direct && previous_paragraph_ends_with(doc, q, content.start))
        });
        found.push(Quote {
            content,
            parts: Vec::new(),
            kind: QuoteKind::Direct,
            cue: None,
            cue_class: None,
            speaker: same_speaker.and_then(|q| q.speaker),
            confidence: if same_speaker.is_some() { 0.7 } else { 0.4 },
        });
    }
    quotes.extend(found);
}

/// `'Could get offended': Putin leaves forum`: a quotation opening its
/// paragraph, then a colon and a name.
fn headline(doc: &Document, after_close: usize, content: Span) -> Option<Quote> {
    let paragraph = doc.paragraph_at(content.start)?;
    // Only the opening mark (or two) comes before the quote in its paragraph.
    if content.is_empty() || content.start - paragraph.start > 4 || !doc.text[after_close..].starts_with(':') {
        return None;
    }
    let start = after_close + 1;
    let limit = floor_char_boundary(doc.text, paragraph.end.min(start + WINDOW));
    let end = doc.text[start..limit]
        .find([',', '.', ';'])
        .map_or(limit, |i| start + i);
    let speaker = speaker_after(doc, start, end)?;
    Some(Quote {
        content,
        parts: Vec::new(),
        kind: QuoteKind::Direct,
        cue: None,
        cue_class: None,
        speaker: Some(speaker),
        confidence: 0.6,
    })
}

/// `"Maybe we can build a wall around him." ― Steve Quinlan`: a
/// quotation credited after a dash to a name that ends its line, as
/// epigraphs, pull quotes and collected reactions are.
fn dash_credit(doc: &Document, after_close: usize, content: Span) -> Option<Quote> {
    const DASHES: [&str; 5] = ["\u{2015}", "\u{2014}", "\u{2013}", "--", "-"];
    let limit = floor_char_boundary(doc.text, after_close + WINDOW);
    let mut from = after_close;
    let mut line_end = doc.text[from..limit].find('\n').map_or(limit, |i| from + i);
    if doc.text[from..line_end].trim().is_empty() {
        // The credit may stand on its own line, after at most a blank one.
        let next = &doc.text[line_end..limit];
        let gap = next.len() - next.trim_start().len();
        if next[..gap].matches('\n').count() > 2 {
            return None;
        }
        from = line_end + gap;
        line_end = doc.text[from..limit].find('\n').map_or(limit, |i| from + i);
    }
    let after_close = from;
    let rest = &doc.text[after_close..line_end];
    let trimmed = rest.trim_start();
    let dash = DASHES.iter().find(|d| trimmed.starts_with(**d))?;
    let dash_start = after_close + (rest.len() - trimmed.len());
    let cue = Span::new(dash_start, dash_start + dash.len());
    let speaker = speaker_after(doc, cue.end, line_end)?;
    // The credit is the rest of the line: "― Jane Roe." or "- Jane Roe,
    // tweeting after the speech.", and no more.
    let tail = doc.text[speaker.mention.end..line_end].trim();
    let credit = tail.chars().all(|c| c.is_ascii_punctuation()) || tail.starts_with(',');
    if content.is_empty() || speaker.kind == SpeakerKind::Pronoun || !credit {
        return None;
    }
    Some(Quote {
        content,
        parts: Vec::new(),
        kind: QuoteKind::Direct,
        cue: Some(cue),
        cue_class: Some(CueClass::Speech),
        speaker: Some(speaker),
        confidence: 0.7,
    })
}

/// Whether `q` is the last quote of the paragraph right before `pos`.
fn previous_paragraph_ends_with(doc: &Document, q: &Quote, pos: usize) -> bool {
    let Some(here) = doc.paragraph_at(pos) else {
        return false;
    };
    let index = doc.paragraphs.partition_point(|p| p.end <= here.start);
    index > 0 && doc.paragraphs[index - 1].contains(Span::new(q.content.start, q.content.start))
}
