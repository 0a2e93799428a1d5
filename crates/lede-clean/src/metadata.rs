//! What the cleaner recognises besides boilerplate: the dateline, bylines
//! and credit lines.

use lede_text::Span;
use serde::{Deserialize, Serialize};

/// Facts about the article the cleaner recognised. Spans point into the
/// original input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The dateline that opens the story, if any.
    pub dateline: Option<Dateline>,
    /// Author names from byline lines ("By Jane Smith" gives "Jane Smith").
    pub bylines: Vec<Span>,
    /// Whole credit lines ("Reporting by ...; Editing by ...").
    pub credits: Vec<Span>,
}

/// "MOSCOW (Reuters) -": where the story was filed, and by which agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline, up to and including its dash.
    pub span: Span,
    /// The place ("MOSCOW", "KYIV, Ukraine").
    pub place: Option<Span>,
    /// The agency in parentheses ("Reuters", "AP").
    pub agency: Option<Span>,
}

/// The dateline at the start of `line`, with spans relative to the line:
/// a place in capitals, optionally a region ("KYIV, Ukraine") or a date
/// ("NEW DELHI, March 3"), an optional agency in parentheses, then a dash and
/// a space: "MOSCOW (Reuters) -", "WASHINGTON —", "(CNN) —".
///
/// A small parser rather than a regex: it runs on the first line of every
/// document and on candidate teaser lines, and stops at the first byte that
/// cannot belong to a dateline.
pub(crate) fn dateline(line: &str) -> Option<Dateline> {
    let mut at = 0;
    let mut place = None;
    if !line.starts_with('(') {
        let end = line
            .char_indices()
            .take(48)
            .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-')))
            .map_or(line.len(), |(i, _)| i);
        let mut place_end = line[..end].trim_end().trim_end_matches('-').trim_end().len();
        if line[..place_end].chars().filter(|c| c.is_uppercase()).count() < 3 {
            return None;
        }
        at = place_end;
        // ", Ukraine" (a region in title case) and ", March 3" (a date).
        while let Some(rest) = line[at..].strip_prefix(", ") {
            let word_len = rest.find([',', ' ', '(']).unwrap_or(rest.len());
            let word = &rest[..word_len];
            let is_name = word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).all(|c| c.is_lowercase() || c == '.');
            if !is_name || word_len == 0 {
                break;
            }
            let mut next = at + 2 + word_len;
            // More title-case words of the region ("Czech Republic").
            while let Some(more) = line[next..].strip_prefix(' ') {
                let len = more.find([',', ' ', '(']).unwrap_or(more.len());
                let word = &more[..len];
                let title =
                    word.chars().next().is_some_and(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase);
                if !title || len < 2 {
                    break;
                }
                next += 1 + len;
            }
            let tail = &line[next..];
            let digits = tail
                .strip_prefix(' ')
                .map_or(0, |t| t.bytes().take_while(u8::is_ascii_digit).count());
            if (1..=2).contains(&digits) {
                next += 1 + digits;
            } else {
                place_end = next;
            }
            at = next;
        }
        place = Some(Span::new(0, place_end));
    }
    let mut agency = None;
    let rest = &line[at..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if rest[spaces..].starts_with('(') {
        let open = at + spaces + 1;
        let close = line[open..].find(')').map(|i| open + i)?;
        let name = &line[open..close];
        let plausible = (2..=30).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '/' | '-'));
        if !plausible {
            return None;
        }
        agency = Some(Span::new(open, close));
        at = close + 1;
    }
    let rest = &line[at..];
    let dash_at = at + (rest.len() - rest.trim_start_matches(' ').len());
    let dash_len = ["--", "-", "\u{2013}", "\u{2014}"]
        .iter()
        .find(|d| line[dash_at..].starts_with(*d))
        .map(|d| d.len())?;
    let after = dash_at + dash_len;
    if !line[after..].starts_with(char::is_whitespace) || (place.is_none() && agency.is_none()) {
        return None;
    }
    Some(Dateline {
        span: Span::new(0, after),
        place,
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> (Option<&str>, Option<&str>) {
        let d = dateline(line).expect("a dateline");
        (d.place.map(|s| s.slice(line)), d.agency.map(|s| s.slice(line)))
    }

    #[test]
    fn datelines_of_several_styles() {
        assert_eq!(
            parts("MOSCOW (Reuters) - Russia said..."),
            (Some("MOSCOW"), Some("Reuters"))
        );
        assert_eq!(
            parts("KYIV, Ukraine (AP) — Drones struck..."),
            (Some("KYIV, Ukraine"), Some("AP"))
        );
        assert_eq!(parts("WASHINGTON — The Senate voted..."), (Some("WASHINGTON"), None));
        assert_eq!(
            parts("OSTRAVA, Czech Republic (Wire) — The river..."),
            (Some("OSTRAVA, Czech Republic"), Some("Wire"))
        );
        assert_eq!(parts("(CNN) — A storm hit..."), (None, Some("CNN")));
        assert_eq!(
            parts("NEW DELHI, March 3 (Reuters) - India..."),
            (Some("NEW DELHI"), Some("Reuters"))
        );
    }

    #[test]
    fn ordinary_lines_are_not_datelines() {
        for line in [
            "The talks - if they happen - will be hard.",
            "A - B",
            "Putin spoke on Monday.",
        ] {
            assert!(dateline(line).is_none(), "{line}");
        }
    }
}
