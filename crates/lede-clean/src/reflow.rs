//! Reflow: the kept lines become paragraphs separated by exactly one blank
//! line, soft-wrapped lines are joined, words hyphenated across a line break
//! are rejoined, inline residue is cut and runs of spaces collapse.

use lede_text::{OffsetMap, Rewriter, Span, TextError};

use crate::classify::Line;
use crate::rules::Rules;
use crate::{Family, FamilySet};

pub(crate) struct Reflowed {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
}

/// Finds inline residue ("(Watch Video)", "(Photo: AFP)", stray tags) in the
/// kept lines; a line that is nothing but residue is removed whole.
pub(crate) fn find_cuts(text: &str, lines: &mut [Line], rules: &Rules, families: FamilySet) -> Vec<(Span, Family)> {
    let mut cuts = Vec::new();
    for line in lines.iter_mut().filter(|l| l.kept()) {
        let content = line.span.slice(text);
        if !content.contains(['(', '[', '<']) {
            continue;
        }
        let first = cuts.len();
        for (family, regex) in &rules.cuts {
            if !families.contains(*family) {
                continue;
            }
            for found in regex.find_iter(content) {
                cuts.push((
                    Span::new(line.span.start + found.start(), line.span.start + found.end()),
                    *family,
                ));
            }
        }
        if cuts.len() == first {
            continue;
        }
        cuts[first..].sort_by_key(|(span, _)| *span);
        let left: usize = remaining_len(text, line.span, &cuts[first..]);
        if left == 0 {
            line.removed = Some(cuts[first].1);
            cuts.truncate(first);
        }
    }
    // Overlapping cuts (two families on the same residue) keep the first.
    let mut merged: Vec<(Span, Family)> = Vec::with_capacity(cuts.len());
    for (span, family) in cuts {
        match merged.last_mut() {
            Some((last, _)) if last.end > span.start => last.end = last.end.max(span.end),
            _ => merged.push((span, family)),
        }
    }
    merged
}

fn remaining_len(text: &str, line: Span, cuts: &[(Span, Family)]) -> usize {
    let mut at = line.start;
    let mut left = 0;
    for (cut, _) in cuts {
        if cut.start > at {
            left += text[at..cut.start].trim().len();
        }
        at = at.max(cut.end);
    }
    left + text[at..line.end].trim().len()
}

pub(crate) fn reflow(text: &str, lines: &[Line], cuts: &[(Span, Family)]) -> Reflowed {
    let block_widths = block_widths(text, lines);
    // First the kept pieces and what joins each to the one before, so that a
    // hyphen join can shorten the earlier piece before it is written.
    let mut pieces: Vec<(Span, std::ops::Range<usize>, &'static str)> = Vec::new();
    let mut cut_at = 0;
    let mut previous: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if !line.kept() {
            continue;
        }
        let cuts_end = cuts[cut_at..]
            .iter()
            .take_while(|(c, _)| c.start < line.span.end)
            .count()
            + cut_at;
        let piece = piece_bounds(text, line.span, &cuts[cut_at..cuts_end]);
        let mut joiner = "";
        if let (Some(j), Some(last)) = (previous, pieces.last_mut()) {
            let adjacent = lines[j + 1..i].iter().all(|l| !l.blank && l.removed.is_none());
            let same_block = adjacent && block_widths[i] == block_widths[j];
            let join = separator(text, last.0, piece, same_block.then_some(block_widths[i].1));
            if join == Join::Hyphen {
                last.0.end -= 1;
            }
            joiner = join.text();
        }
        pieces.push((piece, cut_at..cuts_end, joiner));
        cut_at = cuts_end;
        previous = Some(i);
    }
    let mut rw = Rewriter::new(text);
    let mut written_to = 0;
    for (piece, cut_range, joiner) in pieces {
        apply(rw.replace(Span::new(written_to, piece.start), joiner));
        write_piece(text, &mut rw, piece, &cuts[cut_range]);
        written_to = piece.end;
    }
    apply(rw.delete(Span::new(written_to, text.len())));
    let (text, map) = rw.finish();
    Reflowed { text, map }
}

/// Edits are generated in order on char boundaries, so the rewriter cannot
/// refuse one; if it ever did, the edit is skipped and the text kept.
fn apply(result: Result<(), TextError>) {
    debug_assert!(result.is_ok(), "reflow edit refused: {result:?}");
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

/// Copies a piece, cutting inner residue and collapsing runs of spaces.
fn write_piece(text: &str, rw: &mut Rewriter<'_>, piece: Span, cuts: &[(Span, Family)]) {
    let mut at = piece.start;
    for (cut, _) in cuts
        .iter()
        .filter(|(c, _)| c.start >= piece.start && c.end <= piece.end)
    {
        collapse_spaces(text, rw, Span::new(at, cut.start));
        if cut.start >= at {
            apply(rw.delete(*cut));
        }
        at = at.max(cut.end);
    }
    collapse_spaces(text, rw, Span::new(at, piece.end));
}

fn collapse_spaces(text: &str, rw: &mut Rewriter<'_>, span: Span) {
    let bytes = text.as_bytes();
    let mut i = span.start;
    while i < span.end {
        if bytes[i] == b' ' && i + 1 < span.end && bytes[i + 1] == b' ' {
            let run_end = (i..span.end).find(|&k| bytes[k] != b' ').unwrap_or(span.end);
            apply(rw.replace(Span::new(i, run_end), " "));
            i = run_end;
        } else {
            i += 1;
        }
    }
}

/// What joins two kept pieces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// A soft wrap inside a paragraph.
    Space,
    /// A word hyphenated across the break: the hyphen is dropped.
    Hyphen,
    /// A paragraph break.
    Paragraph,
}

impl Join {
    fn text(self) -> &'static str {
        match self {
            Join::Space => " ",
            Join::Hyphen => "",
            Join::Paragraph => "\n\n",
        }
    }
}

fn separator(text: &str, prev: Span, next: Span, block_width: Option<usize>) -> Join {
    let Some(width) = block_width else {
        return Join::Paragraph;
    };
    let before = prev.slice(text);
    let after = next.slice(text);
    if starts_list_item(after) {
        return Join::Paragraph;
    }
    let next_lower = after.chars().next().is_some_and(char::is_lowercase);
    let mut tail = before.chars().rev();
    if next_lower && tail.next() == Some('-') && tail.next().is_some_and(char::is_lowercase) {
        return Join::Hyphen;
    }
    // Hard-wrapped text fills its lines to a width of at most about 100
    // characters; a line well short of that width ended its paragraph.
    let wrapped = width <= 100 && before.chars().count() * 10 >= width * 6;
    if next_lower || wrapped {
        Join::Space
    } else {
        Join::Paragraph
    }
}

fn starts_list_item(line: &str) -> bool {
    if line.starts_with(['-', '*', '\u{2022}', '\u{2013}', '\u{2014}']) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && line[digits..].starts_with(['.', ')'])
}

/// For each line, its block (run of non-blank lines) as (block id, width of
/// its longest kept line in chars).
fn block_widths(text: &str, lines: &[Line]) -> Vec<(usize, usize)> {
    let mut widths = vec![(0, 0); lines.len()];
    let mut block = 0;
    let mut start = 0;
    for i in 0..=lines.len() {
        if i == lines.len() || lines[i].blank {
            let width = lines[start..i]
                .iter()
                .filter(|l| l.kept())
                .map(|l| l.span.slice(text).chars().count())
                .max();
            for entry in &mut widths[start..i] {
                *entry = (block, width.unwrap_or(0));
            }
            block += 1;
            start = i + 1;
        }
    }
    widths
}
