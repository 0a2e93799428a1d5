//! Line classification: each line against the families, then the context
//! rules that need more than one line.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher, RandomState};

use lede_text::Span;

use crate::rules::{has_quote_marks, LineKind, Rules, UserRules};
use crate::{Family, FamilySet};

/// One line of the normalised text and what the cleaner decided for it.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// The line's content, trimmed of surrounding spaces.
    pub(crate) span: Span,
    pub(crate) blank: bool,
    pub(crate) removed: Option<Family>,
    /// The byline's author name, for the metadata.
    pub(crate) author: Option<Span>,
    /// A section header such as "Related stories" opening teaser headlines.
    opens_teasers: bool,
    ends_article: bool,
}

impl Line {
    pub(crate) fn kept(&self) -> bool {
        !self.blank && self.removed.is_none()
    }
}

pub(crate) struct Context<'a> {
    pub(crate) rules: &'a Rules,
    pub(crate) user: Option<&'a UserRules>,
    pub(crate) families: FamilySet,
    pub(crate) keep_bylines: bool,
}

/// Splits `text` into lines and classifies each.
pub(crate) fn classify(text: &str, cx: &Context<'_>) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let raw = Span::new(start, start + piece.trim_end_matches('\n').len());
        start += piece.len();
        let span = raw.trim(text);
        let content = span.slice(text);
        let mut line = Line {
            span,
            blank: content.is_empty(),
            removed: None,
            author: None,
            opens_teasers: false,
            ends_article: false,
        };
        if !line.blank {
            classify_line(content, &mut line, cx);
        }
        lines.push(line);
    }
    apply_context(text, &mut lines, cx);
    lines
}

fn classify_line(content: &str, line: &mut Line, cx: &Context<'_>) {
    if is_protected(content) {
        return;
    }
    if cx.families.contains(Family::User) && cx.user.is_some_and(|user| user.is_match(content)) {
        line.removed = Some(Family::User);
        return;
    }
    let Some(found) = cx.rules.match_line(content, |family| cx.families.contains(family)) else {
        return;
    };
    match found.kind {
        LineKind::Teaser => {
            let rest = found.capture.map_or("", |m| m.as_str());
            if rest.is_empty() {
                line.opens_teasers = true;
            } else if !is_headline_like(rest) {
                return;
            }
        }
        LineKind::End => line.ends_article = true,
        LineKind::Line | LineKind::Short => {}
    }
    if found.family == Family::Byline {
        if content.split_whitespace().count() > 14 {
            return;
        }
        let offset = line.span.start;
        line.author = found.capture.map(|m| Span::new(offset + m.start(), offset + m.end()));
        if cx.keep_bylines {
            return;
        }
    }
    line.removed = Some(found.family);
}

/// Lines that are news whatever they look like: corrections and editor's
/// notes.
fn is_protected(line: &str) -> bool {
    const NOTES: [&str; 5] = [
        "correction:",
        "clarification:",
        "editor's note:",
        "editor\u{2019}s note:",
        "update:",
    ];
    let head = line.get(..16).unwrap_or(line).to_ascii_lowercase();
    NOTES.iter().any(|note| head.starts_with(note))
}

/// A headline: no final period, at most 20 words.
pub(crate) fn is_headline_like(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && !text.ends_with('.') && !text.ends_with(':') && text.split_whitespace().count() <= 20
}

/// A line of running prose: long enough and ending like a sentence.
fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}', '\u{00BB}']);
    text.split_whitespace().count() >= 12 && end.ends_with(['.', '!', '?', '\u{2026}'])
}

fn apply_context(text: &str, lines: &mut [Line], cx: &Context<'_>) {
    remove_teaser_blocks(text, lines);
    truncate_after_end_marker(text, lines);
    if cx.families.contains(Family::Duplicate) {
        remove_duplicates(text, lines);
    }
    if cx.families.contains(Family::Related) {
        remove_trailing_headlines(text, lines);
    }
}

/// After a header such as "Related stories", the headlines that follow are
/// teasers too, up to the next line of prose.
fn remove_teaser_blocks(text: &str, lines: &mut [Line]) {
    const MAX_TEASERS: usize = 15;
    for i in 0..lines.len() {
        if !lines[i].opens_teasers {
            continue;
        }
        let family = lines[i].removed.unwrap_or(Family::Related);
        let mut taken = 0;
        for line in lines[i + 1..].iter_mut() {
            if line.blank || line.removed.is_some() {
                continue;
            }
            let content = line.span.slice(text);
            if taken == MAX_TEASERS || !is_headline_like(content) || is_dateline_like(content) {
                break;
            }
            line.removed = Some(family);
            taken += 1;
        }
    }
}

/// A comment section or copyright line near the end ends the article.
/// Near the top of a page such a line is navigation, so only a marker that
/// follows some prose and sits in the later part of the text truncates.
fn truncate_after_end_marker(text: &str, lines: &mut [Line]) {
    let mut seen_prose = false;
    let mut cut = None;
    for (i, line) in lines.iter().enumerate() {
        if line.ends_article && line.removed.is_some() && seen_prose && line.span.start * 5 >= text.len() * 2 {
            cut = Some((i, line.removed.unwrap_or(Family::Comments)));
            break;
        }
        seen_prose |= line.kept() && is_prose(line.span.slice(text));
    }
    if let Some((at, family)) = cut {
        for line in lines[at + 1..].iter_mut().filter(|l| !l.blank && l.removed.is_none()) {
            line.removed = Some(family);
        }
    }
}

/// The second and later copies of a paragraph (a repeated lead, a repeated
/// teaser). Short lines repeat legitimately ("Yes."), so only lines of eight
/// words or more count.
fn remove_duplicates(text: &str, lines: &mut [Line]) {
    let state = RandomState::new();
    let mut seen = HashSet::new();
    for line in lines.iter_mut().filter(|l| l.kept()) {
        let content = line.span.slice(text);
        let mut words = 0;
        let mut hasher = state.build_hasher();
        for word in content.split_whitespace() {
            hasher.write(word.as_bytes());
            hasher.write_u8(0);
            words += 1;
        }
        if words >= 8 && !seen.insert(hasher.finish()) {
            line.removed = Some(Family::Duplicate);
        }
    }
}

/// After the body, a run of two or more short headline lines is a block of
/// teasers or links, not news.
fn remove_trailing_headlines(text: &str, lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
    let run = kept
        .iter()
        .rev()
        .take_while(|&&i| {
            let content = lines[i].span.slice(text);
            is_headline_like(content)
                && content.split_whitespace().count() <= 14
                && !has_quote_marks(content)
                && !is_dateline_like(content)
                && mostly_capitalised(content)
        })
        .count();
    let body_before = kept[..kept.len() - run]
        .iter()
        .any(|&i| is_prose(lines[i].span.slice(text)));
    if run >= 2 && body_before {
        for &i in &kept[kept.len() - run..] {
            lines[i].removed = Some(Family::Related);
        }
    }
}

/// Headline case: most words of four letters or more are capitalised.
fn mostly_capitalised(text: &str) -> bool {
    let long: Vec<&str> = text.split_whitespace().filter(|w| w.chars().count() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && capitalised * 3 >= long.len() * 2
}

/// "MOSCOW (Reuters) -" and the like open news, never a teaser.
fn is_dateline_like(text: &str) -> bool {
    crate::metadata::dateline(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::DEFAULT_RULES;

    fn removed(text: &str) -> Vec<(String, Option<Family>)> {
        let cx = Context {
            rules: &DEFAULT_RULES,
            user: None,
            families: FamilySet::standard(),
            keep_bylines: false,
        };
        classify(text, &cx)
            .into_iter()
            .filter(|l| !l.blank)
            .map(|l| (l.span.slice(text).to_string(), l.removed))
            .collect()
    }

    #[test]
    fn teaser_header_takes_the_headlines_below_it() {
        let text = "The ministry said talks would resume on Monday in Geneva, according to a statement.\n\n\
                    Related stories\nKyiv hit by drones overnight\nOil climbs on supply worries\n\n\
                    The talks are expected to last three days, officials said on Friday evening.";
        let got = removed(text);
        assert_eq!(got[1].1, Some(Family::Related));
        assert_eq!(got[2].1, Some(Family::Related));
        assert_eq!(got[3].1, Some(Family::Related));
        assert_eq!(got[4].1, None);
    }

    #[test]
    fn teaser_keywords_opening_prose_are_kept() {
        let text = "Related talks were held in Geneva on Monday.\n\nSee also the ministry's statement of March 3.";
        assert!(removed(text).iter().all(|(_, family)| family.is_none()));
    }

    #[test]
    fn corrections_are_protected() {
        let got = removed("Correction: An earlier version of this story misstated the date of the vote.");
        assert_eq!(got[0].1, None);
    }

    #[test]
    fn headline_like_shapes() {
        assert!(is_headline_like("Quad slams moves in South China Sea"));
        assert!(is_headline_like("Will the truce hold?"));
        assert!(!is_headline_like("The ministry said talks would resume."));
    }
}
