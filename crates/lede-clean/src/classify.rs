//! Line classification: each line against the families, then the context
//! rules that need more than one line.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use lede_text::Span;

use crate::rules::{LineKind, LineShape, Rules, UserRules};
use crate::{Family, FamilySet};

/// One line of the normalised text and what the cleaner decided for it.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// The line's content, trimmed of surrounding spaces.
    pub(crate) span: Span,
    /// What is left of it without inline residue at either end.
    pub(crate) piece: Span,
    /// The shape of the piece.
    shape: LineShape,
    pub(crate) blank: bool,
    pub(crate) removed: Option<Family>,
    /// The byline's author name, for the metadata.
    pub(crate) author: Option<Span>,
    /// A section header such as "Related stories" opening teaser headlines.
    opens_teasers: bool,
    /// Removed only if it comes before the first paragraph of prose.
    header_only: bool,
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

/// The lines of `text` with the cleaner's decisions, and the inline residue
/// to cut from the kept ones.
pub(crate) struct Classified {
    pub(crate) lines: Vec<Line>,
    pub(crate) cuts: Vec<(Span, Family)>,
}

/// Splits `text` into lines and classifies each: inline residue is found
/// first, so that what remains of the line is what the families judge.
pub(crate) fn classify(text: &str, cx: &Context<'_>) -> Classified {
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut cuts = Vec::new();
    let mut lower = String::new();
    let mut start = 0;
    for raw_line in text.split_inclusive('\n') {
        let raw = Span::new(start, start + raw_line.trim_end_matches('\n').len());
        start += raw_line.len();
        let span = raw.trim(text);
        let mut line = Line {
            span,
            piece: span,
            shape: LineShape::default(),
            blank: span.is_empty(),
            removed: None,
            author: None,
            opens_teasers: false,
            header_only: false,
            ends_article: false,
        };
        if !line.blank {
            let first_cut = cuts.len();
            line.shape = LineShape::of(span.slice(text));
            if line.shape.brackets {
                find_cuts(text, span, cx, &mut cuts, &mut lower);
                line.piece = piece_bounds(text, span, &cuts[first_cut..]);
                if line.piece != span {
                    line.shape = LineShape::of(line.piece.slice(text));
                }
            }
            if line.piece.is_empty() {
                line.removed = cuts.get(first_cut).map(|(_, family)| *family);
            } else {
                let inner: Vec<Span> = cuts[first_cut..]
                    .iter()
                    .map(|(c, _)| *c)
                    .filter(|c| line.piece.contains(*c))
                    .collect();
                if inner.is_empty() {
                    classify_line(line.piece.slice(text), &mut line, cx);
                } else {
                    // Judge the line as it will read once its inner residue
                    // is cut (rare, so the copy is affordable).
                    let mut joined = String::with_capacity(line.piece.len());
                    let mut at = line.piece.start;
                    for cut in inner {
                        joined.push_str(&text[at..cut.start]);
                        at = cut.end;
                    }
                    joined.push_str(&text[at..line.piece.end]);
                    classify_line(&joined, &mut line, cx);
                }
            }
            if line.removed.is_some() {
                cuts.truncate(first_cut);
            }
        }
        lines.push(line);
    }
    apply_context(text, &mut lines, cx);
    // Lines removed by context rules take their residue with them.
    cuts.retain(|(cut, _)| {
        let at = lines.partition_point(|l| l.span.end < cut.end);
        lines.get(at).is_some_and(Line::kept)
    });
    Classified { lines, cuts }
}

/// Inline residue in one line ("(Watch Video)", "(Photo: AFP)", stray tags),
/// sorted, touching or overlapping cuts merged. Suffix rules run again on what is left while they
/// peel something off, so stacked residue ("... (Watch Video) (Photo: AFP)")
/// goes in one pass and cleaning stays idempotent.
///
/// The rules run on the line's ASCII lower-case form (in `lower`, reused
/// from line to line), whose byte offsets are the line's own.
fn find_cuts(text: &str, line: Span, cx: &Context<'_>, cuts: &mut Vec<(Span, Family)>, lower: &mut String) {
    lower.clear();
    lower.push_str(line.slice(text));
    lower.make_ascii_lowercase();
    let content = lower.as_str();
    let first = cuts.len();
    for (family, regex) in &cx.rules.inline {
        if cx.families.contains(*family) {
            for found in regex.find_iter(content) {
                cuts.push((Span::new(line.start + found.start(), line.start + found.end()), *family));
            }
        }
    }
    loop {
        sort_and_merge(cuts, first);
        let piece = piece_bounds(text, line, &cuts[first..]);
        if piece.is_empty() {
            break;
        }
        let head = &content[..piece.end - line.start];
        let enabled = cx
            .rules
            .suffix
            .iter()
            .filter(|(family, _)| cx.families.contains(*family));
        let peeled = enabled
            .filter_map(|(family, regex)| Some((*family, regex.find(head)?)))
            .find(|(_, m)| {
                // Each round must peel new text off the end, so the loop
                // ends: the match ends at the piece's last (non-space) byte.
                // It may start in the spaces before the piece, after a cut.
                !m.is_empty() && line.start + m.end() > piece.start
            });
        match peeled {
            Some((family, m)) => cuts.push((Span::new(line.start + m.start(), piece.end), family)),
            None => break,
        }
    }
}

fn sort_and_merge(cuts: &mut Vec<(Span, Family)>, first: usize) {
    cuts[first..].sort_by_key(|(span, _)| *span);
    let mut write = first;
    for read in first..cuts.len() {
        if write > first && cuts[write - 1].0.end >= cuts[read].0.start {
            cuts[write - 1].0.end = cuts[write - 1].0.end.max(cuts[read].0.end);
        } else {
            cuts[write] = cuts[read];
            write += 1;
        }
    }
    cuts.truncate(write);
}

/// The kept extent of a line: without residue or spaces at either end.
fn piece_bounds(text: &str, line: Span, cuts: &[(Span, Family)]) -> Span {
    let mut start = line.start;
    for (cut, _) in cuts {
        if cut.start <= start || text[start..cut.start].trim().is_empty() {
            start = start.max(cut.end);
        } else {
            break;
        }
    }
    let mut end = line.end;
    for (cut, _) in cuts.iter().rev() {
        if cut.end >= end || text[cut.end..end].trim().is_empty() {
            end = end.min(cut.start);
        } else {
            break;
        }
    }
    Span::new(start, end.max(start)).trim(text)
}

fn classify_line(content: &str, line: &mut Line, cx: &Context<'_>) {
    if is_protected(content) {
        return;
    }
    if cx.families.contains(Family::User) && cx.user.is_some_and(|user| user.is_match(content)) {
        line.removed = Some(Family::User);
        return;
    }
    let shape = if content.len() == line.piece.len() {
        line.shape
    } else {
        LineShape::of(content)
    };
    let Some(found) = cx
        .rules
        .match_line(content, shape, |family| cx.families.contains(family))
    else {
        return;
    };
    // A rule sees the opening words; a sentence that reports speech, or a
    // "by" line that goes on like prose, is news all the same.
    if is_reported_speech(content) || (found.family == Family::Credit && !is_credit_shaped(content)) {
        return;
    }
    match found.kind {
        LineKind::Teaser => {
            let rest = found.captured();
            if rest.is_empty() {
                line.opens_teasers = true;
            } else if !is_headline_like(rest) {
                return;
            }
        }
        LineKind::End => line.ends_article = true,
        LineKind::Byline => {
            if shape.words > 14 {
                return;
            }
            // The author is recorded only when the byline is the line itself,
            // not a line rebuilt around inner residue.
            if content.len() == line.piece.len() {
                let offset = line.piece.start;
                line.author = found.capture.map(|r| Span::new(offset + r.start, offset + r.end));
            }
            if cx.keep_bylines {
                return;
            }
        }
        LineKind::Stamp => line.header_only = true,
        LineKind::Line | LineKind::Short => {}
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
    let head = line.as_bytes();
    NOTES.iter().any(|note| {
        head.get(..note.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(note.as_bytes()))
    })
}

/// Ends like a sentence and holds a speech verb: "Credit: the bank cut its
/// rates again, analysts said." Runs only on lines a rule matched.
fn is_reported_speech(line: &str) -> bool {
    static VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        include_str!("../data/speech_verbs.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    });
    let end = line.trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}', '\u{00BB}']);
    // The verbs are ASCII words of at most 12 letters, compared in a
    // lower-cased copy on the stack.
    let is_verb = |word: &str| {
        let mut buf = [0u8; 12];
        let Some(lower) = buf.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| VERBS.contains(w))
    };
    end.ends_with(['.', '!', '?'])
        && line
            .split(|c: char| !c.is_alphabetic())
            .any(|word| word.len() >= 3 && is_verb(word))
}

/// A credit line names people: "Reporting by Anna Kowalski in Warsaw;
/// Editing by Tom Reed". Its only lower-case words are a few linking ones,
/// so "Research by Oxford University found that the drug worked." is prose.
fn is_credit_shaped(line: &str) -> bool {
    const LINKS: [&str; 16] = [
        "by",
        "in",
        "and",
        "from",
        "at",
        "of",
        "with",
        "for",
        "via",
        "the",
        "reporting",
        "editing",
        "writing",
        "additional",
        "compiled",
        "inputs",
    ];
    line.split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .all(|word| LINKS.contains(&word))
}

/// A headline: no final period, at most 20 words.
pub(crate) fn is_headline_like(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && !text.ends_with('.') && !text.ends_with(':') && text.split_whitespace().count() <= 20
}

/// A line of running prose: long enough and ending like a sentence.
fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}', '\u{00BB}']);
    end.ends_with(['.', '!', '?', '\u{2026}']) && text.split_whitespace().nth(11).is_some()
}

fn apply_context(text: &str, lines: &mut [Line], cx: &Context<'_>) {
    keep_late_stamps(text, lines);
    remove_teaser_blocks(text, lines);
    truncate_after_end_marker(text, lines);
    if cx.families.contains(Family::Duplicate) {
        remove_duplicates(text, lines);
    }
    if cx.families.contains(Family::Related) {
        remove_trailing_headlines(text, lines);
    }
}

/// Timestamps go only from the article's header: after the first paragraph
/// of prose, a bare date is a timeline's subhead.
fn keep_late_stamps(text: &str, lines: &mut [Line]) {
    if !lines.iter().any(|l| l.header_only) {
        return;
    }
    let Some(first_prose) = lines.iter().position(|l| l.kept() && is_prose(l.piece.slice(text))) else {
        return;
    };
    for line in &mut lines[first_prose..] {
        if line.header_only {
            line.removed = None;
        }
    }
}

/// After a header such as "Related stories", the headlines that follow are
/// teasers too, up to the next line of prose.
///
/// A header's scan skips blank and removed lines, so a page of nothing but
/// headers would have every header walk over all the later ones. A scan
/// instead starts where the previous one stopped when the header lies
/// inside it: everything in between is blank or already removed, so the
/// result is the same, and the page is walked once.
fn remove_teaser_blocks(text: &str, lines: &mut [Line]) {
    const MAX_TEASERS: usize = 15;
    let mut scanned_to = 0;
    for i in 0..lines.len() {
        if !lines[i].opens_teasers {
            continue;
        }
        let family = lines[i].removed.unwrap_or(Family::Related);
        let mut taken = 0;
        let mut at = scanned_to.max(i + 1);
        while let Some(line) = lines.get_mut(at) {
            if !(line.blank || line.removed.is_some()) {
                let content = line.piece.slice(text);
                if taken == MAX_TEASERS || !is_headline_like(content) || is_dateline_like(content) {
                    break;
                }
                line.removed = Some(family);
                taken += 1;
            }
            at += 1;
        }
        scanned_to = at;
    }
}

/// A comment section or copyright line near the end ends the article.
/// Near the top of a page such a line is navigation, so only a marker that
/// follows some prose and sits in the later part of the text truncates.
fn truncate_after_end_marker(text: &str, lines: &mut [Line]) {
    if !lines.iter().any(|l| l.ends_article) {
        return;
    }
    let mut seen_prose = false;
    let mut cut = None;
    for (i, line) in lines.iter().enumerate() {
        if line.ends_article && line.removed.is_some() && seen_prose && line.span.start * 5 >= text.len() * 2 {
            cut = Some((i, line.removed.unwrap_or(Family::Comments)));
            break;
        }
        seen_prose = seen_prose || (line.kept() && is_prose(line.piece.slice(text)));
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
    let mut seen = HashSet::with_capacity_and_hasher(lines.len(), BuildHasherDefault::<KeyHasher>::default());
    for line in lines.iter_mut().filter(|l| l.kept()) {
        let content = line.piece.slice(text);
        if line.shape.words >= 8 && !seen.insert(paragraph_key(content, line.shape.spaced)) {
            line.removed = Some(Family::Duplicate);
        }
    }
}

/// Paragraph keys are hashes already: the set uses their bits as they are
/// rather than hashing them again.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = self.0.rotate_left(29) ^ value;
    }
}

/// A 128-bit key of a paragraph's words, blind to how they are spaced.
/// The text is normalised (every space is ASCII) and trimmed, so a line
/// without runs of spaces (`spaced` false, known from its [`LineShape`]) is
/// hashed as it is; the rare other kind is hashed with its runs collapsed.
fn paragraph_key(text: &str, spaced: bool) -> (u64, u64) {
    if !spaced {
        return key_of_bytes(text.as_bytes());
    }
    let mut collapsed = Vec::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if !(byte == b' ' && collapsed.last() == Some(&b' ')) {
            collapsed.push(byte);
        }
    }
    key_of_bytes(&collapsed)
}

/// Two multiplicative hashes over 8-byte words: collisions between different
/// paragraphs of one article are not a concern at this width, and it is
/// several times faster than SipHash.
fn key_of_bytes(bytes: &[u8]) -> (u64, u64) {
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325_u64, 0x9e37_79b9_7f4a_7c15_u64);
    let mut mix = |value: u64| {
        a = (a ^ value).wrapping_mul(0x0100_0000_01b3);
        b = (b ^ value.rotate_left(29)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        mix(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(u64::from_le_bytes(tail));
    mix(bytes.len() as u64);
    (a ^ b.rotate_left(32), b ^ a.rotate_left(17))
}

/// After the body, a run of two or more short headline lines is a block of
/// teasers or links, not news.
fn remove_trailing_headlines(text: &str, lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
    let run = kept
        .iter()
        .rev()
        .take_while(|&&i| {
            let content = lines[i].piece.slice(text);
            is_headline_like(content)
                && content.split_whitespace().count() <= 14
                && !lines[i].shape.quotes
                && !is_dateline_like(content)
                && mostly_capitalised(content)
        })
        .count();
    let body_before = || {
        kept[..kept.len() - run]
            .iter()
            .any(|&i| is_prose(lines[i].span.slice(text)))
    };
    if run >= 2 && body_before() {
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
            .lines
            .into_iter()
            .filter(|l| !l.blank)
            .map(|l| (l.span.slice(text).to_string(), l.removed))
            .collect()
    }

    #[test]
    fn teaser_headers_in_a_row_each_take_their_own_headlines() {
        // Two headers, then more headlines than one header takes: the
        // second header's scan goes on where the first one's stopped.
        let headlines: String = (1..=40).map(|i| format!("Oil Climbs For Day Number {i}\n")).collect();
        let text = format!(
            "The ministry said talks would resume on Monday in Geneva, according to a statement.\n\n\
             Related stories\n\nRead more\n{headlines}\n\
             The talks are expected to last three days, officials said on Friday evening."
        );
        let got = removed(&text);
        let teasers = got[3..].iter().take_while(|(line, _)| line.starts_with("Oil Climbs"));
        let families: Vec<Option<Family>> = teasers.map(|(_, family)| *family).collect();
        assert_eq!(families.len(), 40);
        assert!(families[..30].iter().all(|f| f.is_some()), "{families:?}");
        assert!(families[30..].iter().all(|f| f.is_none()), "{families:?}");
    }

    #[test]
    fn a_page_of_teaser_headers_is_classified_in_linear_time() {
        // Each header used to walk over every later one (all of them
        // removed), so doubling the page quadrupled the time.
        fn time(text: &str) -> std::time::Duration {
            (0..3)
                .map(|_| {
                    let start = std::time::Instant::now();
                    std::hint::black_box(removed(text));
                    start.elapsed()
                })
                .min()
                .unwrap_or_default()
        }
        let small = "Related stories\n\n".repeat(2_000);
        let large = "Related stories\n\n".repeat(32_000);
        let t_small = time(&small).max(std::time::Duration::from_micros(500));
        let t_large = time(&large);
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        // Linear is 16, quadratic 256.
        assert!(ratio < 100.0, "{t_small:?} then {t_large:?}: ratio {ratio:.1}");
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
    fn reported_speech_and_credit_shapes() {
        // The stack comparison in is_reported_speech needs short ASCII verbs.
        let data = include_str!("../data/speech_verbs.txt");
        let verbs = data
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace);
        assert!(verbs
            .clone()
            .all(|v| v.len() <= 12 && v.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(is_reported_speech(
            "Credit: the bank cut its rates again, ANALYSTS SAID."
        ));
        assert!(!is_reported_speech("Credit: Jan Svoboda"));
        assert!(is_credit_shaped(
            "Reporting by Anna Kowalski in Warsaw; Editing by Tom Reed"
        ));
        assert!(!is_credit_shaped(
            "Research by Oxford University found that the drug worked."
        ));
    }

    #[test]
    fn headline_like_shapes() {
        assert!(is_headline_like("Quad slams moves in South China Sea"));
        assert!(is_headline_like("Will the truce hold?"));
        assert!(!is_headline_like("The ministry said talks would resume."));
    }
}
