//! Document-level speaker resolution: surnames to the fullest name the
//! article gives ("Putin" → "Vladimir Putin"), pronouns to the person they
//! refer to ("He expounded that" → Yuri Ushakov) by gender, number and
//! recency, and role nouns to the person who holds the role ("the adviser").

use lede_text::{is_capitalized, Span};

use crate::document::Document;
use crate::lexicon::{WordList, WORDS};
use crate::quote::{Quote, SpeakerKind};

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

/// Fills in `speaker.name` (and a missing role) for every quote.
pub(crate) fn resolve(doc: &Document, quotes: &mut [Quote]) {
    let mut people = name_mentions(doc);
    // Longest names first, so a surname finds the fullest name.
    people.sort_by_key(|p| std::cmp::Reverse(p.name.len()));
    // The person last quoted: pronouns refer back to them first.
    let mut last: Option<(Span, Option<Span>, Gender)> = None;
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        match speaker.kind {
            SpeakerKind::Person => {
                let Some(name) = speaker.name else { continue };
                let gender = gender_of_title(doc, speaker.mention);
                if let Some(p) = find_person(doc, &people, name) {
                    if people[p].gender == Gender::Unknown {
                        people[p].gender = gender.unwrap_or(Gender::Unknown);
                    }
                    speaker.name = Some(people[p].name);
                    speaker.role = speaker.role.or(people[p].role);
                    last = Some((people[p].name, speaker.role, people[p].gender));
                } else if speaker.role.is_some() || gender.is_some() {
                    // A lone capitalised word with no title may be a place or
                    // a body ("Valdoria expects"); only a titled one is a
                    // person pronouns can refer to.
                    last = Some((name, speaker.role, gender.unwrap_or(Gender::Unknown)));
                }
            }
            SpeakerKind::Pronoun => {
                let gender = match speaker.mention.slice(doc.text).to_ascii_lowercase().as_str() {
                    "he" => Gender::Male,
                    "she" => Gender::Female,
                    _ => continue,
                };
                let resolved = last
                    .filter(|(_, _, g)| *g == gender || *g == Gender::Unknown)
                    .map(|(name, role, _)| (name, role))
                    .or_else(|| {
                        nearest_before(&people, speaker.mention.start, gender).map(|p| (people[p].name, people[p].role))
                    });
                if let Some((name, role)) = resolved {
                    if let Some(p) = find_person(doc, &people, name) {
                        if people[p].gender == Gender::Unknown {
                            people[p].gender = gender;
                        }
                    }
                    speaker.name = Some(name);
                    speaker.role = role;
                    last = Some((name, role, gender));
                }
            }
            SpeakerKind::Nominal => {
                // "the adviser said" after "Kremlin adviser Yuri Ushakov".
                let head = last_word(doc, speaker.mention);
                let holder = people.iter().position(|p| {
                    p.name.start < speaker.mention.start
                        && p.role.is_some_and(|r| last_word(doc, r).eq_ignore_ascii_case(head))
                });
                if let (Some(p), true) = (holder, speaker.mention.slice(doc.text).starts_with(['t', 'T'])) {
                    speaker.name = Some(people[p].name);
                    speaker.role = people[p].role;
                }
            }
            _ => {}
        }
    }
}

/// The person whose fullest name ends with the same word as `name`.
fn find_person(doc: &Document, people: &[Person], name: Span) -> Option<usize> {
    let surname = last_word(doc, name);
    people.iter().position(|p| last_word(doc, p.name) == surname)
}

/// The closest person named before `pos` whose gender does not conflict.
fn nearest_before(people: &[Person], pos: usize, gender: Gender) -> Option<usize> {
    people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.name.end <= pos && (p.gender == gender || p.gender == Gender::Unknown))
        .max_by_key(|(_, p)| p.name.start)
        .map(|(i, _)| i)
}

fn last_word<'t>(doc: &Document<'t>, span: Span) -> &'t str {
    let text = span.slice(doc.text);
    let word = text.rsplit([' ', '-']).next().unwrap_or(text);
    word.trim_end_matches("'s").trim_end_matches("\u{2019}s")
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
    let mut i = 0;
    while i < doc.words.len() {
        if !is_name_word(doc.word(i)) {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < doc.words.len() && doc.gap_after(i) == " " && is_name_word(doc.word(i + 1)) {
            i += 1;
        }
        let end = i;
        i += 1;
        if end == start || is_opener(doc, start) && end == start + 1 {
            continue;
        }
        let name = Span::new(doc.words[start].start, doc.words[end].end);
        if people.iter().any(|p| p.name.slice(doc.text) == name.slice(doc.text)) {
            continue;
        }
        let mut role_start = start;
        while role_start > 0
            && doc.gap_after(role_start - 1) == " "
            && (WORDS.has(WordList::Role, doc.word(role_start - 1))
                || WORDS.has(WordList::Modifier, doc.word(role_start - 1))
                || is_capitalized(doc.word(role_start - 1)))
            && !WORDS.has(WordList::Determiner, doc.word(role_start - 1))
        {
            role_start -= 1;
        }
        let role = (role_start < start).then(|| Span::new(doc.words[role_start].start, doc.words[start - 1].end));
        let gender = gender_of_title(doc, name).unwrap_or(Gender::Unknown);
        people.push(Person { name, role, gender });
    }
    people
}

fn is_name_word(word: &str) -> bool {
    is_capitalized(word)
        && !WORDS.has(WordList::Role, word)
        && !WORDS.has(WordList::Modifier, word)
        && !WORDS.has(WordList::Determiner, word)
        && !WORDS.has(WordList::Organization, word)
        && !WORDS.has(WordList::NotName, word)
        && !word.ends_with("'s")
        && !word.ends_with("\u{2019}s")
        && word.chars().any(char::is_lowercase)
}

fn is_opener(doc: &Document, i: usize) -> bool {
    WORDS.has(WordList::ClauseOpener, doc.word(i))
}
