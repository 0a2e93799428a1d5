//! What the cleaner recognises besides boilerplate: the dateline, bylines
//! and credit lines.

use std::sync::LazyLock;

use lede_text::Span;
use regex::Regex;
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

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // A place in capitals, optionally followed by a region or a date, an
    // optional agency in parentheses, then a dash: "KYIV, Ukraine (AP) —",
    // "WASHINGTON —", "(CNN) —".
    Regex::new(
        r"^(?:(?P<place>\p{Lu}[\p{Lu}.'\- ]{2,40}?(?:, \p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)?)(?:, \p{Lu}\p{Ll}+\.? \d{1,2})?\s*)?(?:\((?P<agency>[\p{L}\d .&/-]{2,30})\)\s*)?[-–—]{1,2}\s",
    )
    .expect("dateline regex compiles")
});

/// The dateline at the start of `line`, with spans relative to the line.
pub(crate) fn dateline(line: &str) -> Option<Dateline> {
    // Cheap shape test first: a dateline opens with a capital or "(" and
    // has its dash early. Most lines fail here without touching the regex.
    let head = line.get(..line.len().min(90)).unwrap_or(line);
    let opens = line.starts_with('(') || line.chars().next().is_some_and(char::is_uppercase);
    if !opens || !head.contains(['-', '\u{2013}', '\u{2014}']) {
        return None;
    }
    // The lazy DFA answers yes or no cheaply; captures run only on a match.
    if !DATELINE.is_match(line) {
        return None;
    }
    let caps = DATELINE.captures(line)?;
    let place = caps.name("place").map(|m| Span::new(m.start(), m.end()).trim(line));
    let agency = caps.name("agency").map(|m| Span::new(m.start(), m.end()));
    // A bare dash line or "A - B" is not a dateline: a place of three or more
    // capitals or an agency is required.
    let place_ok = place.is_some_and(|p| p.slice(line).chars().filter(|c| c.is_uppercase()).count() >= 3);
    if !place_ok && agency.is_none() {
        return None;
    }
    let whole = caps.get(0)?;
    Some(Dateline {
        span: Span::new(0, whole.end()).trim(line),
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
