//! Reflow: the kept lines become paragraphs separated by exactly one blank
//! line, soft-wrapped lines are joined, words hyphenated across a line break
//! are rejoined, inline residue is cut and runs of spaces collapse.

use lede_text::{OffsetMap, Rewriter, Span, TextError};

use crate::classify::Line;
use crate::Family;

pub(crate) struct Reflowed {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
    /// True when lines were joined into longer paragraphs.
    pub(crate) joined: bool,
}

pub(crate) fn reflow(text: &str, lines: &[Line], cuts: &[(Span, Family)]) -> Reflowed {
    let block_widths = block_widths(text, lines);
    // First the kept pieces and what joins each to the one before, so that a
    // hyphen join can shorten the earlier piece before it is written.
    let mut pieces: Vec<(Span, std::ops::Range<usize>, &'static str)> = Vec::new();
    let mut cut_at = 0;
    let mut previous: Option<usize> = None;
    let mut joined = false;
    for (i, line) in lines.iter().enumerate() {
        if !line.kept() {
            continue;
        }
        let cuts_end = cuts[cut_at..]
            .iter()
            .take_while(|(c, _)| c.start < line.span.end)
            .count()
            + cut_at;
        let piece = line.piece;
        let mut joiner = "";
        if let (Some(j), Some(last)) = (previous, pieces.last_mut()) {
            let adjacent = lines[j + 1..i].iter().all(|l| !l.blank && l.removed.is_none());
            let same_block = adjacent && block_widths[i] == block_widths[j];
            let join = separator(text, last.0, piece, same_block.then_some(block_widths[i].1));
            if join == Join::Hyphen {
                last.0.end -= 1;
            }
            joined |= join != Join::Paragraph;
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
    Reflowed { text, map, joined }
}

/// Edits are generated in order on char boundaries, so the rewriter cannot
/// refuse one; if it ever did, the edit is skipped and the text kept.
fn apply(result: Result<(), TextError>) {
    debug_assert!(result.is_ok(), "reflow edit refused: {result:?}");
}

/// Copies a piece, cutting inner residue and collapsing runs of spaces.
fn write_piece(text: &str, rw: &mut Rewriter<'_>, piece: Span, cuts: &[(Span, Family)]) {
    let mut at = piece.start;
    for (cut, _) in cuts
        .iter()
        .filter(|(c, _)| c.start >= piece.start && c.end <= piece.end)
    {
        if cut.start < at {
            continue;
        }
        collapse_spaces(text, rw, Span::new(at, cut.start));
        // Spaces on both sides of the residue would meet: take those after it.
        let mut end = cut.end;
        if text[..cut.start].ends_with(' ') {
            end += text[end..piece.end].bytes().take_while(|&b| b == b' ').count();
        }
        apply(rw.delete(Span::new(cut.start, end)));
        at = end;
    }
    collapse_spaces(text, rw, Span::new(at, piece.end));
}

fn collapse_spaces(text: &str, rw: &mut Rewriter<'_>, span: Span) {
    if !text[span.range()].contains("  ") {
        return;
    }
    let bytes = &text.as_bytes()[..span.end];
    let mut at = span.start;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b' ') {
        let run_start = at + offset;
        let run_len = bytes[run_start..].iter().take_while(|&&b| b == b' ').count();
        if run_len > 1 {
            apply(rw.replace(Span::new(run_start, run_start + run_len), " "));
        }
        at = run_start + run_len;
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
    // List items and interview turns ("Q:", "NOVAK:") each stand alone, and
    // a capitalised line after a list item is the text that follows the list.
    let next_upper = after.chars().next().is_some_and(char::is_uppercase);
    if starts_list_item(after) || starts_turn(after) || (starts_list_item(before) && next_upper) {
        return Join::Paragraph;
    }
    let next_lower = after.chars().next().is_some_and(char::is_lowercase);
    let mut tail = before.chars().rev();
    if next_lower && tail.next() == Some('-') && tail.next().is_some_and(char::is_lowercase) {
        return Join::Hyphen;
    }
    // Hard-wrapped text fills its lines to a width of about 40 to 100
    // characters; a line well short of that width ended its paragraph. A
    // block whose longest line is shorter is a run of short lines (an
    // address, a list), not wrapped prose.
    let wrapped = (40..=100).contains(&width) && before.chars().count() * 10 >= width * 6;
    if next_lower || wrapped {
        Join::Space
    } else {
        Join::Paragraph
    }
}

/// An interview turn: "Q:", "A:", or a speaker's name in capitals and a
/// colon ("NOVAK: We were lucky.").
fn starts_turn(line: &str) -> bool {
    let label = line.split_once(": ").map_or("", |(label, _)| label);
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    matches!(label, "Q" | "A")
        || (letters >= 2
            && label.len() <= 30
            && label
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-')))
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
