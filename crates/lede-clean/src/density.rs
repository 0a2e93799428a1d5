//! The opt-in aggressive mode: paragraph statistics in the style of jusText
//! (Pomikálek, 2011) for whole-page text dumps.
//!
//! Prose is long and dense in function words; menus, tag clouds, link lists
//! and footers are short and sparse. On text an extractor already reduced to
//! the article, these statistics remove real content (short quotes, subheads),
//! which is why the mode is off by default.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::classify::Line;
use crate::Family;

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/stopwords.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Below this many characters a paragraph is "short".
const SHORT: usize = 70;
/// Prose has at least this share of function words.
const DENSE: f32 = 0.30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quality {
    Good,
    Short,
    Bad,
}

fn quality(paragraph: &str) -> Quality {
    let mut words = 0usize;
    let mut stop = 0usize;
    for word in paragraph.split_whitespace() {
        words += 1;
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        stop += usize::from(STOPWORDS.contains(bare.as_str()));
    }
    let density = if words == 0 { 0.0 } else { stop as f32 / words as f32 };
    let length = paragraph.chars().count();
    if length >= SHORT && density >= DENSE {
        Quality::Good
    } else if length < SHORT && density >= DENSE && words >= 3 {
        Quality::Short
    } else {
        Quality::Bad
    }
}

/// Removes kept lines that read as page furniture. The first kept line (the
/// headline) stays, and so does a short line right before good prose (a
/// subhead) or between good paragraphs.
pub(crate) fn remove_low_density(text: &str, lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
    let qualities: Vec<Quality> = kept.iter().map(|&i| quality(lines[i].piece.slice(text))).collect();
    for (k, &i) in kept.iter().enumerate().skip(1) {
        let next_good = qualities.get(k + 1) == Some(&Quality::Good);
        let prev_good = qualities[k - 1] == Quality::Good;
        let keep = match qualities[k] {
            Quality::Good => true,
            Quality::Short => next_good || prev_good,
            Quality::Bad => next_good && lines[i].piece.slice(text).split_whitespace().count() <= 12,
        };
        if !keep {
            lines[i].removed = Some(Family::LowDensity);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_good_and_menus_are_bad() {
        assert!(
            quality("The ministry said on Monday that the talks would resume in Geneva next week.") == Quality::Good
        );
        assert!(quality("Home World Europe Politics Sport Business") == Quality::Bad);
        assert!(quality("He said it was over.") == Quality::Short);
    }
}
