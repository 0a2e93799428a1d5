//! Document-level speaker resolution: surnames to the fullest name the
//! article gives ("Putin" → "Vladimir Putin"), pronouns to the person they
//! refer to ("He expounded that" → Yuri Ushakov) by gender, number and
//! recency, and role nouns to the person who holds the role ("the adviser").

use std::borrow::Cow;

use lede_text::{is_capitalized, Span};

use crate::cues::CueClass;
use crate::document::Document;
use rustc_hash::FxHashMap;

use crate::lexicon::{is_particle, lower, WordList, WORDS};
use crate::quote::{Quote, SpeakerKind};
use crate::speaker::{is_honorific, speaker_before, speaker_head, with_abbreviation_period};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

/// A person the document names, by its fullest mention.
#[derive(Clone, Debug)]
struct Person {
    name: Span,
    role: Option<Span>,
    gender: Gender,
}

/// The people a document names, in order, with an index by surname.
struct People<'t> {
    list: Vec<Person>,
    /// Surname (with plain apostrophes) → the person with the fullest name
    /// ending in it.
    by_surname: FxHashMap<Cow<'t, str>, usize>,
}

impl<'t> People<'t> {
    fn new(doc: &Document<'t>) -> People<'t> {
        let list = name_mentions(doc);
        let mut by_surname: FxHashMap<Cow<'t, str>, usize> = FxHashMap::default();
        for (i, person) in list.iter().enumerate() {
            let best = by_surname
                .entry(plain_apostrophes(last_word(doc, person.name)))
                .or_insert(i);
            if list[*best].name.len() < person.name.len() {
                *best = i;
            }
        }
        People { list, by_surname }
    }

    /// The person whose fullest name ends with the same word as `name`,
    /// unless `name` itself says it is someone else: "Ted Cruz" is not
    /// "Rafael Cruz" (one of two names of several words must end with the
    /// other). A particle that opens a sentence is capitalised ("Von der
    /// Leyen said" after "Ursula von der Leyen"), so case does not count.
    fn find(&self, doc: &Document, name: Span) -> Option<usize> {
        let p = *self.by_surname.get(plain_apostrophes(last_word(doc, name)).as_ref())?;
        let own = name.slice(doc.text);
        if !own.contains(' ') {
            return Some(p);
        }
        let full = self.list[p].name.slice(doc.text);
        (ends_with_name(full, own) || ends_with_name(own, full)).then_some(p)
    }

    /// The closest person named before `pos` whose gender does not
    /// conflict, among the last few named.
    fn nearest_before(&self, pos: usize, gender: Gender) -> Option<usize> {
        const LOOKBACK: usize = 32;
        let end = self.list.partition_point(|p| p.name.end <= pos);
        let recent = end.saturating_sub(LOOKBACK)..end;
        // A person known to match beats a closer one of unknown gender.
        recent
            .clone()
            .rev()
            .find(|&i| self.list[i].gender == gender)
            .or_else(|| recent.rev().find(|&i| self.list[i].gender == Gender::Unknown))
    }
}

/// Fills in `speaker.name` (and a missing role) for every quote.
pub(crate) fn resolve(doc: &Document, quotes: &mut [Quote]) {
    let mut people = People::new(doc);
    // The person last quoted: pronouns refer back to them first.
    let mut last: Option<(Span, Option<Span>, Gender)> = None;
    // The body last quoted ("The ministry said ... It added"): "it" refers
    // back to it.
    let mut last_body: Option<Span> = None;
    // The group last quoted ("Officials said ... They added"): "they".
    let mut last_group: Option<Span> = None;
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        match speaker.kind {
            SpeakerKind::Person => {
                let Some(name) = speaker.name else { continue };
                let gender = gender_of_title(doc, speaker.mention);
                if let Some(p) = people.find(doc, name) {
                    let person = &mut people.list[p];
                    if person.gender == Gender::Unknown {
                        person.gender = gender.unwrap_or(Gender::Unknown);
                    }
                    speaker.name = Some(person.name);
                    speaker.role = speaker.role.or(person.role);
                    last = Some((person.name, speaker.role, person.gender));
                } else if speaker.role.is_some() || gender.is_some() || quote.cue_class == Some(CueClass::Speech) {
                    // A lone capitalised word may be a place or a body
                    // ("Valdoria expects"); one with a title, or one that
                    // speaks, is taken for a person pronouns can refer to.
                    last = Some((name, speaker.role, gender.unwrap_or(Gender::Unknown)));
                }
            }
            SpeakerKind::Organization | SpeakerKind::Document => {
                last_body = Some(speaker.name.unwrap_or(speaker.mention));
            }
            SpeakerKind::Pronoun => {
                let gender = match lower(speaker.mention.slice(doc.text)).as_ref() {
                    "he" => Gender::Male,
                    "she" => Gender::Female,
                    "it" => {
                        if let Some(body) = antecedent(doc, Antecedent::Body, speaker.mention, last_body) {
                            speaker.name = Some(body);
                            last_body = Some(body);
                        }
                        continue;
                    }
                    "they" => {
                        if let Some(group) = antecedent(doc, Antecedent::Group, speaker.mention, last_group) {
                            speaker.name = Some(group);
                            last_group = Some(group);
                        }
                        continue;
                    }
                    _ => continue,
                };
                let nearest = people.nearest_before(speaker.mention.start, gender);
                // A person named after a described speaker was quoted is
                // likelier meant ("Retired General Reveals ..." then "Gen.
                // Norman Ham ... he believes").
                let named_since = |described: Span| {
                    people.find(doc, described).is_none()
                        && nearest.is_some_and(|p| people.list[p].name.start >= described.end)
                };
                let resolved = last
                    .filter(|(name, _, g)| (*g == gender || *g == Gender::Unknown) && !named_since(*name))
                    .map(|(name, role, _)| (name, role))
                    .or_else(|| nearest.map(|p| (people.list[p].name, people.list[p].role)));
                if let Some((name, role)) = resolved {
                    if let Some(p) = people.find(doc, name) {
                        if people.list[p].gender == Gender::Unknown {
                            people.list[p].gender = gender;
                        }
                    }
                    speaker.name = Some(name);
                    speaker.role = role;
                    last = Some((name, role, gender));
                }
            }
            SpeakerKind::Nominal => {
                let head_word = doc.word_before(speaker_head(doc, speaker).end);
                if head_word.is_some_and(|w| Antecedent::Group.heads(doc, w)) {
                    last_group = Some(speaker.mention);
                }
                // "King added" after "Mayor Lena King": a capitalised role
                // word alone is the surname of the person named so.
                if let Some(person) = known_surname(doc, &people, speaker.mention) {
                    let person = &people.list[person];
                    speaker.kind = SpeakerKind::Person;
                    speaker.name = Some(person.name);
                    speaker.role = speaker.role.or(person.role);
                    last = Some((person.name, speaker.role, person.gender));
                    continue;
                }
                // "the adviser said" after "Kremlin adviser Yuri Ushakov";
                // "the spokesman for the president" is a spokesman, and no
                // president (the head, not the last word).
                let head = last_word(doc, speaker_head(doc, speaker));
                let definite = speaker.mention.slice(doc.text).starts_with(['t', 'T']);
                let end = people.list.partition_point(|p| p.name.start < speaker.mention.start);
                let holder = people.list[..end]
                    .iter()
                    .rev()
                    .take(32)
                    .find(|p| p.role.is_some_and(|r| same_title(last_word(doc, r), head)));
                if let (Some(person), true) = (holder, definite) {
                    speaker.name = Some(person.name);
                    speaker.role = person.role;
                    last = Some((person.name, person.role, person.gender));
                } else if let Some(w) = head_word.filter(|&w| is_one_person(doc, w)) {
                    // "A senior official said ... He added", "The mayor
                    // said ... she believes": one person, described.
                    last = Some((speaker.mention, speaker.role, gender_of_role(doc.word(w))));
                }
            }
        }
    }
}

/// How far before the sentence before, in bytes, "it" and "they" look for
/// the body or group last quoted: a few sentences of news.
const ANTECEDENT_REACH: usize = 600;

/// What a speaker pronoun other than "he" and "she" stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Antecedent {
    /// "it": an organisation or a document.
    Body,
    /// "they": a group of people ("officials", "members of Congress").
    Group,
}

impl Antecedent {
    /// Whether word `w` can head a phrase this pronoun stands for.
    fn heads(self, doc: &Document, w: usize) -> bool {
        match self {
            Antecedent::Body => doc.lists(w) & (WordList::Organization.bit() | WordList::Document.bit()) != 0,
            Antecedent::Group => {
                let word = doc.word(w);
                // "officials", "aides"; not "Mrs", "Ms".
                doc.is(w, WordList::Role) && word.len() > 3 && is_plural(word)
            }
        }
    }

    /// Whether a speaker phrase of this kind is one this pronoun stands for.
    fn accepts(self, kind: SpeakerKind) -> bool {
        match self {
            Antecedent::Body => matches!(kind, SpeakerKind::Organization | SpeakerKind::Document),
            Antecedent::Group => kind == SpeakerKind::Nominal,
        }
    }
}

/// What "it" or "they" at `pronoun` refers to: one named earlier in its
/// sentence ("Although the ministry was slow to respond, it said"), else
/// the one last quoted (`last`) if it spoke in this sentence or the one
/// before, else one named in the sentence before ("The Central Bank of
/// Valdoria raised rates. It said ..."), else the one last quoted a few
/// sentences back.
fn antecedent(doc: &Document, wanted: Antecedent, pronoun: Span, last: Option<Span>) -> Option<Span> {
    let sentence = doc.sentence_at(pronoun.start);
    let previous = doc
        .word_before(sentence.start)
        .map(|w| doc.sentence_at(doc.words[w].start))
        .filter(|p| p.start < sentence.start);
    let from = previous.map_or(sentence.start, |p| p.start);
    let quoted = |reach: usize| last.filter(|b| b.end <= pronoun.start && b.start + reach >= from);
    first_named(doc, wanted, sentence.start, pronoun.start)
        .or_else(|| quoted(0))
        .or_else(|| previous.and_then(|p| first_named(doc, wanted, p.start, p.end.min(sentence.start))))
        .or_else(|| quoted(ANTECEDENT_REACH))
}

/// The first body or group named between `from` and `to` outside
/// quotation marks (the subject of a sentence or of its opening clause),
/// read as the speaker phrase that ends at its noun.
fn first_named(doc: &Document, wanted: Antecedent, from: usize, to: usize) -> Option<Span> {
    // The subject stands near the start: a sentence of any length costs
    // at most this many words per pronoun.
    const SUBJECT_WORDS: usize = 24;
    let first = doc.word_after(from)?;
    let end = doc.word_after(to).unwrap_or(doc.words.len()).min(first + SUBJECT_WORDS);
    let found = (first..end).find(|&w| wanted.heads(doc, w) && doc.quotation_around(doc.words[w].start).is_none())?;
    let mut head = found;
    // "The Central Bank of Valdoria", "members of Congress": the name runs
    // on after "of".
    if doc.words.get(head + 2).is_some_and(|w| w.end <= to)
        && doc.word(head + 1) == "of"
        && is_capitalized(doc.word(head + 2))
    {
        head += 2;
        while doc.words.get(head + 1).is_some_and(|w| w.end <= to)
            && doc.gap_after(head) == " "
            && is_capitalized(doc.word(head + 1))
        {
            head += 1;
        }
    }
    let named = speaker_before(doc, doc.words[head].end, from)?;
    // A phrase that opens with a relative pronoun ("who was secretary of
    // State") is a clause, one that opens with a preposition ("of voters")
    // part of another phrase.
    let opener = doc.word_after(named.mention.start)?;
    let partial = doc.lists(opener) & (WordList::Relative.bit() | WordList::Preposition.bit()) != 0;
    // "the drawdown of troops" is a drawdown: the noun found must head the
    // phrase, not follow a preposition in it.
    let headed = !(opener..found).any(|w| doc.is(w, WordList::Preposition));
    (wanted.accepts(named.kind) && !partial && headed).then_some(named.mention)
}

/// The person whose surname `mention` is, when it is one capitalised word
/// and the document names that person in full.
fn known_surname(doc: &Document, people: &People, mention: Span) -> Option<usize> {
    let text = mention.slice(doc.text);
    if !is_capitalized(text) || text.contains(' ') {
        return None;
    }
    people
        .find(doc, mention)
        .filter(|&p| people.list[p].name.len() > mention.len())
}

/// `name` with curly apostrophes made straight: "O\u{2019}Brien" and
/// "O'Brien" are one person however the article sets the apostrophe.
fn plain_apostrophes(name: &str) -> Cow<'_, str> {
    if name.contains('\u{2019}') {
        Cow::Owned(name.replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(name)
    }
}

/// Whether `full` ends with `suffix`, in any case and however the
/// apostrophes are set ("Beto O’Rourke" ends with "o'rourke"), without
/// building either in lowercase.
fn ends_with_name(full: &str, suffix: &str) -> bool {
    if full.is_ascii() && suffix.is_ascii() {
        return full.len() >= suffix.len()
            && full.as_bytes()[full.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes());
    }
    let fold = |c: char| if c == '\u{2019}' { '\'' } else { c };
    let mut rest = full.chars().rev().map(fold).flat_map(char::to_lowercase);
    suffix
        .chars()
        .rev()
        .map(fold)
        .flat_map(char::to_lowercase)
        .all(|c| rest.next() == Some(c))
}

fn last_word<'t>(doc: &Document<'t>, span: Span) -> &'t str {
    let text = span.slice(doc.text);
    let word = text.rsplit([' ', '-']).next().unwrap_or(text);
    // `strip_suffix` in a loop, as `trim_end_matches` would, without
    // building a substring searcher per call.
    let mut word = word;
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    while let Some(rest) = word.strip_suffix("\u{2019}s") {
        word = rest;
    }
    word
}

/// The gender a given name usually has ("Lena", "Mikhail"), if the word
/// lists know it unambiguously.
fn gender_of_given_name(word: &str) -> Option<Gender> {
    match (
        WORDS.has(WordList::MaleName, word),
        WORDS.has(WordList::FemaleName, word),
    ) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// Titles abbreviated before a name ("Sen. Tammy Baldwin") and written
/// out in a description ("the senator").
const TITLE_ABBREVIATIONS: [(&str, &str); 12] = [
    ("sen", "senator"),
    ("rep", "representative"),
    ("gov", "governor"),
    ("pres", "president"),
    ("gen", "general"),
    ("adm", "admiral"),
    ("col", "colonel"),
    ("lt", "lieutenant"),
    ("sgt", "sergeant"),
    ("sec", "secretary"),
    ("atty", "attorney"),
    ("supt", "superintendent"),
];

/// Whether a role word before a name ("Sen.", "Mayor") and the head of a
/// description ("senator", "mayor") are the same title.
fn same_title(role_word: &str, head: &str) -> bool {
    let role_word = role_word.trim_end_matches('.');
    role_word.eq_ignore_ascii_case(head)
        || TITLE_ABBREVIATIONS
            .iter()
            .any(|(short, long)| role_word.eq_ignore_ascii_case(short) && head.eq_ignore_ascii_case(long))
}

/// Whether word `w` is a singular role noun: the head of a description of
/// one person ("the mayor", "a senior official", "the spokeswoman").
fn is_one_person(doc: &Document, w: usize) -> bool {
    let word = doc.word(w);
    doc.is(w, WordList::Role) && !is_plural(word)
}

/// Whether a noun reads as plural: "officials", not "boss".
fn is_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// The gender a role noun gives ("spokeswoman", "chairman").
fn gender_of_role(word: &str) -> Gender {
    let word = lower(word);
    if word.ends_with("woman") {
        Gender::Female
    } else if word.ends_with("man") {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// "Mr." / "Mrs." / "Ms." right before the mention.
fn gender_of_title(doc: &Document, mention: Span) -> Option<Gender> {
    let before = doc.text[..mention.start].trim_end();
    let title = before.rsplit(' ').next().unwrap_or(before);
    match title {
        "Mr." | "Mr" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" => Some(Gender::Female),
        _ => None,
    }
    .or_else(|| {
        let text = mention.slice(doc.text);
        if text.starts_with("Mr") && !text.starts_with("Mrs") {
            Some(Gender::Male)
        } else if text.starts_with("Mrs") || text.starts_with("Ms") {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

/// Names of people: runs of two or more capitalised words that are not
/// titles, with the role words just before them, first mention of each.
fn name_mentions(doc: &Document) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut seen: FxHashMap<&str, ()> = FxHashMap::default();
    let mut i = 0;
    while i < doc.words.len() {
        if !is_name_word(doc, i) {
            i += 1;
            continue;
        }
        let start = i;
        // Whether the run has two names yet: "Jean-Marc" alone, like
        // "Coca-Cola", is one word.
        let mut spaced = false;
        while let Some(next) = name_continues(doc, i) {
            spaced |= doc.gap_after(i) == " ";
            i = next;
        }
        let end = i;
        i += 1;
        if !spaced || doc.is(start, WordList::ClauseOpener) && end == start + 1 {
            continue;
        }
        let name = Span::new(doc.words[start].start, doc.words[end].end);
        // A name inside quoted words is spoken about, not a speaker pronouns
        // outside can refer to.
        if doc.quotation_around(name.start).is_some() || seen.insert(name.slice(doc.text), ()).is_some() {
            continue;
        }
        let mut role_start = start;
        // "Sen. Tammy Baldwin": an abbreviated title keeps its period.
        let joined = |w: usize| match doc.gap_after(w) {
            " " => true,
            ". " => doc.is(w, WordList::Role),
            _ => false,
        };
        while role_start > 0
            && joined(role_start - 1)
            && (doc.is(role_start - 1, WordList::Role)
                || doc.is(role_start - 1, WordList::Modifier)
                || is_capitalized(doc.word(role_start - 1)))
            && !doc.is(role_start - 1, WordList::Determiner)
            && !doc.is(role_start - 1, WordList::ClauseOpener)
        {
            role_start -= 1;
        }
        // "Sen." keeps its period; "Dr." alone is an honorific, no role.
        let role = (role_start < start && !is_honorific(doc.word(start - 1)))
            .then(|| with_abbreviation_period(doc, Span::new(doc.words[role_start].start, doc.words[start - 1].end)));
        let gender = gender_of_title(doc, name)
            .or_else(|| gender_of_given_name(doc.word(start)))
            .unwrap_or(Gender::Unknown);
        people.push(Person { name, role, gender });
    }
    people
}

/// The last word of the next piece of the name that has reached word `i`:
/// a name word after a space or a hyphen ("Jean-Marc Ayrault",
/// "Ruiz-Gallardo"), a lowercase given-name piece after a hyphen ("Kim
/// Jong-un"), or particles before a name word ("Khaled al-Nouri", "Ursula
/// von der Leyen").
fn name_continues(doc: &Document, i: usize) -> Option<usize> {
    let joined = |w: usize| w + 1 < doc.words.len() && (doc.gap_after(w) == " " || doc.hyphen_after(w));
    if !joined(i) {
        return None;
    }
    let next = i + 1;
    if is_name_word(doc, next) || doc.is_surname_after_given_name(next) || doc.continues_name(next) {
        return Some(next);
    }
    let mut last = next;
    while is_particle(doc.word(last)) && joined(last) {
        if is_name_word(doc, last + 1) {
            return Some(last + 1);
        }
        last += 1;
    }
    None
}

/// A name piece with a lowercase letter: not an acronym ("NATO").
fn is_name_word(doc: &Document, i: usize) -> bool {
    doc.is_name_piece(i) && doc.word(i).chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_end_alike_in_any_case_and_apostrophe() {
        assert!(ends_with_name("Beto O\u{2019}Rourke", "o'rourke"));
        assert!(ends_with_name("Ursula von der Leyen", "Von der Leyen"));
        assert!(ends_with_name("Leyen", "Leyen"));
        assert!(!ends_with_name("Rafael Cruz", "Ted Cruz"));
        assert!(!ends_with_name("Cruz", "Ted Cruz"));
    }
}
