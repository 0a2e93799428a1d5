//! The compiled boilerplate rules: the embedded families plus user rules.
//!
//! Whole-line rules of every family are compiled into one automaton and
//! searched anchored at the line start, so classifying a line is one pass
//! that gives up after a few bytes of prose, never one regex per pattern.
//! Nothing on the hot path asks for capture groups: they need a slower
//! engine, and the parts a rule names (a teaser's rest, a byline's author)
//! are found by simpler means.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_automata::{meta, Anchored, Input};

use crate::{CleanError, Family};

/// Lines longer than this are never tested against `short:` patterns: a
/// sentence-shaped prompt is short, and a long paragraph is prose.
pub(crate) const SHORT_LINE: usize = 250;

/// Lines longer than this are never whole-line boilerplate.
const LONG_LINE: usize = 600;

/// Unicode letter classes under case-insensitive matching make the combined
/// automaton larger than regex's 10 MB default. Rules avoid counted
/// repetitions (`.{1,60}`), which multiply it; line length is bounded in code.
const SIZE_LIMIT: usize = 64 << 20;

/// How a whole-line rule acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// The line is boilerplate.
    Line,
    /// The line is boilerplate and ends the article.
    End,
    /// A keyword opens the line; boilerplate when what follows is empty or
    /// headline-like.
    Teaser,
    /// A byline; the author follows "by".
    Byline,
    /// Found anywhere in a short line without quotation marks.
    Short,
    /// The line is boilerplate only in the article's header, before the
    /// first paragraph of prose (a timestamp).
    Stamp,
}

struct WholeRule {
    family: Family,
    kind: LineKind,
    regex: Regex,
    /// For teasers: the keyword alone, to find where the rest begins.
    head: Option<Regex>,
}

/// What a line matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineMatch<'t> {
    pub(crate) family: Family,
    pub(crate) kind: LineKind,
    /// Where the text after a teaser keyword, or a byline's author, lies
    /// in the line.
    pub(crate) capture: Option<Range<usize>>,
    pub(crate) line: &'t str,
}

impl LineMatch<'_> {
    /// The captured text, or "" when there is none.
    pub(crate) fn captured(&self) -> &str {
        self.capture.clone().and_then(|r| self.line.get(r)).unwrap_or("")
    }
}

pub(crate) struct Rules {
    /// Every whole-line rule in one automaton, searched anchored.
    whole: meta::Regex,
    whole_rules: Vec<WholeRule>,
    short: RegexSet,
    short_families: Vec<Family>,
    /// Breadcrumb trails, tried only on lines with a trail separator.
    crumbs: Vec<(Family, Regex)>,
    /// Removed from inside a line, per family.
    pub(crate) inline: Vec<(Family, Regex)>,
    /// Removed from a line's end, per family.
    pub(crate) suffix: Vec<(Family, Regex)>,
}

impl Rules {
    /// The first rule (in data-file order) of an enabled family that matches
    /// the trimmed `line`.
    pub(crate) fn match_line<'t>(
        &self,
        line: &'t str,
        shape: LineShape,
        enabled: impl Fn(Family) -> bool,
    ) -> Option<LineMatch<'t>> {
        if line.len() <= LONG_LINE {
            let input = Input::new(line).anchored(Anchored::Yes);
            // Only the pattern is needed, not where the match starts (the
            // line's start), so the forward half of the search is enough.
            if let Some(found) = self.whole.search_half(&input) {
                let first = found.pattern().as_usize();
                for (offset, rule) in self.whole_rules[first..].iter().enumerate() {
                    // The automaton vouches for `first`; a later rule (reached
                    // only when a family is switched off) is checked alone.
                    if !enabled(rule.family) || (offset > 0 && !rule.regex.is_match(line)) {
                        continue;
                    }
                    let capture = match rule.kind {
                        LineKind::Teaser => rule
                            .head
                            .as_ref()
                            .and_then(|h| h.find(line))
                            .map(|m| m.end()..line.len()),
                        LineKind::Byline => Some(byline_author(line)),
                        _ => None,
                    };
                    return Some(LineMatch {
                        family: rule.family,
                        kind: rule.kind,
                        capture,
                        line,
                    });
                }
            }
        }
        if line.len() <= SHORT_LINE && shape.crumbs {
            let crumb = self
                .crumbs
                .iter()
                .find(|(family, regex)| enabled(*family) && regex.is_match(line));
            if let Some((family, _)) = crumb {
                return Some(LineMatch {
                    family: *family,
                    kind: LineKind::Line,
                    capture: None,
                    line,
                });
            }
        }
        if line.len() <= SHORT_LINE && !shape.quotes {
            let mut buf = [0u8; SHORT_LINE];
            let lower = ascii_lowercase(line, &mut buf);
            if !self.short.is_match(lower) {
                return None;
            }
            let family = self
                .short
                .matches(lower)
                .iter()
                .map(|i| self.short_families[i])
                .find(|f| enabled(*f))?;
            return Some(LineMatch {
                family,
                kind: LineKind::Short,
                capture: None,
                line,
            });
        }
        None
    }
}

/// `line` (at most [`SHORT_LINE`] bytes) in ASCII lower case, in `buf`.
fn ascii_lowercase<'b>(line: &str, buf: &'b mut [u8; SHORT_LINE]) -> &'b str {
    let lower = &mut buf[..line.len()];
    lower.copy_from_slice(line.as_bytes());
    lower.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps UTF-8 valid, so this never fails.
    std::str::from_utf8(lower).unwrap_or_default()
}

/// Where the author of a byline lies: after "by", up to a `|`, `·` or `•`,
/// and before a comma that opens a role or an agency rather than another
/// name ("By Jan Svoboda, Wire correspondent", "By JAN SVOBODA, Associated
/// Press").
fn byline_author(line: &str) -> Range<usize> {
    let after_by = line.get(2..).unwrap_or("");
    let start = line.len() - after_by.trim_start().len();
    let mut end = line[start..]
        .find(['|', '\u{00B7}', '\u{2022}'])
        .map_or(line.len(), |at| start + at);
    let mut at = start;
    while let Some(comma) = line[at..end].find(',').map(|i| at + i) {
        let next = &line[comma + 1..end];
        let segment = next.split(',').next().unwrap_or("");
        if !is_name_list(segment) {
            end = comma;
            break;
        }
        at = comma + 1;
    }
    start..start + line[start..end].trim_end().len()
}

/// Words that mark a byline segment as an agency or a role, not a name.
const NOT_NAMES: [&str; 14] = [
    "press",
    "wire",
    "news",
    "reuters",
    "ap",
    "afp",
    "agency",
    "associated",
    "bloomberg",
    "staff",
    "correspondent",
    "reporter",
    "writer",
    "editor",
];

/// A segment of a byline made of names: capitalised words (joined by
/// "and"), none of them an agency or a role.
fn is_name_list(segment: &str) -> bool {
    segment.split_whitespace().all(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        bare == "and"
            || (bare.chars().next().is_some_and(char::is_uppercase)
                && !NOT_NAMES.iter().any(|n| bare.eq_ignore_ascii_case(n)))
    })
}

/// What one pass over a line's bytes tells the classifier, so that no later
/// step scans the line again for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineShape {
    /// Holds `(`, `[` or `<`: inline residue is possible.
    pub(crate) brackets: bool,
    /// Holds a double quotation mark: `"`, `“`, `”`, `„`, `«` or `»`.
    pub(crate) quotes: bool,
    /// Holds a breadcrumb separator: `>`, `»` or `›`.
    pub(crate) crumbs: bool,
    /// Number of words, counted as runs of non-spaces (the text is
    /// normalised before classification, so every space is ASCII).
    pub(crate) words: usize,
    /// Holds a run of two or more spaces.
    pub(crate) spaced: bool,
}

const BRACKET: u8 = 1;
const QUOTE: u8 = 2;
const CRUMB: u8 = 4;
/// Lead bytes of « » “ ” „ ›, decided by a second look.
const LEAD: u8 = 8;

/// The flags of one byte, as comparisons rather than a table lookup so that
/// the loop in [`LineShape::of`] compiles to vector instructions.
#[inline(always)]
fn byte_flags(b: u8) -> u8 {
    let bracket = u8::from(b == b'(') | u8::from(b == b'[') | u8::from(b == b'<');
    let lead = u8::from(b == 0xC2) | u8::from(b == 0xE2);
    (bracket * BRACKET) | (u8::from(b == b'"') * QUOTE) | (u8::from(b == b'>') * CRUMB) | (lead * LEAD)
}

impl LineShape {
    pub(crate) fn of(line: &str) -> LineShape {
        let bytes = line.as_bytes();
        let Some(&first) = bytes.first() else {
            return LineShape::default();
        };
        // One branch-free pass over pairs of neighbouring bytes, in blocks
        // short enough for byte-wide counters; only lines holding a lead
        // byte get the slower look at multi-byte marks.
        let mut flags = byte_flags(first);
        let mut words = usize::from(first != b' ');
        let mut doubles = 0u8;
        let (before, after) = (&bytes[..bytes.len() - 1], &bytes[1..]);
        for (xs, ys) in before.chunks(128).zip(after.chunks(128)) {
            let mut starts = 0u8;
            for (&x, &y) in xs.iter().zip(ys) {
                flags |= byte_flags(y);
                starts += u8::from(x == b' ') & u8::from(y != b' ');
                doubles |= u8::from(x == b' ') & u8::from(y == b' ');
            }
            words += usize::from(starts);
        }
        let mut shape = LineShape {
            brackets: flags & BRACKET != 0,
            quotes: flags & QUOTE != 0,
            crumbs: flags & CRUMB != 0,
            words,
            spaced: doubles != 0,
        };
        if flags & LEAD != 0 {
            // From one lead byte of the marks looked for to the next: text
            // typeset with curly quotes and apostrophes has lead bytes on
            // nearly every line.
            for i in memchr::memchr2_iter(0xC2, 0xE2, bytes) {
                match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
                    (0xC2, Some(0xAB), _) => shape.quotes = true,
                    (0xC2, Some(0xBB), _) => (shape.quotes, shape.crumbs) = (true, true),
                    (0xE2, Some(0x80), Some(0x9C..=0x9E)) => shape.quotes = true,
                    (0xE2, Some(0x80), Some(0xBA)) => shape.crumbs = true,
                    _ => {}
                }
            }
        }
        shape
    }
}

/// `pattern` with each `\b` and `\B` made an ASCII word boundary
/// (`(?-u:\b)`). A Unicode word boundary makes the lazy DFA give up at the
/// first non-ASCII byte (a curly quote opening a paragraph), and the
/// fallback engines cost about as much per line as the rest of cleaning;
/// the rules only put boundaries after ASCII keywords, where both kinds
/// agree.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        // An escape: the backslash and what it escapes go together.
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Compiles family rules from the data-file format (see `data/families.txt`).
fn compile(data: &str) -> Result<Rules, CleanError> {
    let mut whole_rules = Vec::new();
    let mut short_patterns = Vec::new();
    let mut short_families = Vec::new();
    let mut crumbs = Vec::new();
    let mut inline = Vec::new();
    let mut suffix = Vec::new();
    let mut family = None;
    for (index, raw) in data.lines().enumerate() {
        let line = raw.trim();
        let fail = |reason: String| CleanError::Rules {
            line: index + 1,
            reason,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            family = Some(Family::from_name(name).ok_or_else(|| fail(format!("unknown family {name:?}")))?);
            continue;
        }
        let family = family.ok_or_else(|| fail("rule before any [family] line".into()))?;
        let (kind, pattern) = line
            .split_once(':')
            .ok_or_else(|| fail("expected `kind: regex`".into()))?;
        let pattern = pattern.trim();
        // `short`, `suffix` and `inline` patterns are written in lower case
        // and run case-sensitively on the line's ASCII lower-case form: a
        // case-insensitive pattern expands into so many literals that the
        // search cannot use a fast prefilter.
        let folded = matches!(kind.trim(), "short" | "suffix" | "inline");
        if folded && !is_lower_case_pattern(pattern.trim()) {
            return Err(fail(format!(
                "{} patterns must be written in lower case, without (?-i) or \\p classes",
                kind.trim()
            )));
        }
        let build = |p: &str| {
            RegexBuilder::new(&ascii_word_boundaries(p))
                .case_insensitive(!folded)
                .size_limit(SIZE_LIMIT)
                .build()
                .map_err(|e| fail(format!("bad regex: {e}")))
        };
        let whole = |kind: LineKind, regex: Regex, head: Option<Regex>| WholeRule {
            family,
            kind,
            regex,
            head,
        };
        let anchored = format!("^(?:{pattern})$");
        match kind.trim() {
            "line" => whole_rules.push(whole(LineKind::Line, build(&anchored)?, None)),
            "end" => whole_rules.push(whole(LineKind::End, build(&anchored)?, None)),
            "byline" => whole_rules.push(whole(LineKind::Byline, build(&anchored)?, None)),
            "stamp" => whole_rules.push(whole(LineKind::Stamp, build(&anchored)?, None)),
            "teaser" => {
                let head = build(&format!("^(?:{pattern})"))?;
                whole_rules.push(whole(
                    LineKind::Teaser,
                    build(&format!("^(?:{pattern}).*$"))?,
                    Some(head),
                ));
            }
            "short" => {
                build(pattern)?;
                short_patterns.push(pattern.to_string());
                short_families.push(family);
            }
            "crumbs" => crumbs.push((family, build(&anchored)?)),
            "suffix" => suffix.push((family, build(&format!("(?:{pattern})+$"))?)),
            "inline" => inline.push((family, build(pattern)?)),
            other => return Err(fail(format!("unknown rule kind {other:?}"))),
        }
    }
    let set_error = |e: &dyn std::fmt::Display| CleanError::Rules {
        line: 0,
        reason: format!("rule set: {e}"),
    };
    let patterns: Vec<&str> = whole_rules.iter().map(|r| r.regex.as_str()).collect();
    let whole = meta::Regex::builder()
        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true))
        .configure(meta::Config::new().nfa_size_limit(Some(SIZE_LIMIT)))
        .build_many(&patterns)
        .map_err(|e| set_error(&e))?;
    let short = RegexSetBuilder::new(&short_patterns)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| set_error(&e))?;
    Ok(Rules {
        whole,
        whole_rules,
        short,
        short_families,
        crumbs,
        inline,
        suffix,
    })
}

/// True when `pattern` matches the same on a line's ASCII lower-case form
/// as case-insensitively on the line: no upper-case letter outside an
/// escape (`\S`, `\W`), no flag groups and no Unicode property classes.
fn is_lower_case_pattern(pattern: &str) -> bool {
    let mut escaped = false;
    for c in pattern.chars() {
        if !escaped && c.is_ascii_uppercase() {
            return false;
        }
        if escaped && matches!(c, 'p' | 'P') {
            return false;
        }
        escaped = !escaped && c == '\\';
    }
    pattern
        .match_indices("(?")
        .all(|(at, _)| pattern[at + 2..].starts_with(':'))
}

/// The embedded families, compiled once per process.
pub(crate) static DEFAULT_RULES: LazyLock<Rules> = LazyLock::new(|| {
    // The data is part of the crate and checked by `embedded_rules_compile`.
    compile(include_str!("../data/families.txt")).expect("embedded boilerplate families compile")
});

/// Rules a user adds: phrases (whole line, case-insensitive, trailing
/// punctuation ignored) and regexes (found anywhere in the line).
#[derive(Clone, Debug)]
pub(crate) struct UserRules {
    set: RegexSet,
}

impl UserRules {
    pub(crate) fn new(phrases: &[String], regexes: &[String]) -> Result<Option<UserRules>, CleanError> {
        if phrases.is_empty() && regexes.is_empty() {
            return Ok(None);
        }
        let mut patterns: Vec<String> = phrases
            .iter()
            .map(|p| format!(r"(?i)^\s*{}\s*[.!:|]?\s*$", regex::escape(p.trim())))
            .collect();
        for regex in regexes {
            Regex::new(regex).map_err(|e| CleanError::UserRegex {
                regex: regex.clone(),
                reason: e.to_string(),
            })?;
            patterns.push(regex.clone());
        }
        let set = RegexSet::new(&patterns).map_err(|e| CleanError::UserRegex {
            regex: patterns.join(" | "),
            reason: e.to_string(),
        })?;
        Ok(Some(UserRules { set }))
    }

    pub(crate) fn is_match(&self, line: &str) -> bool {
        self.set.is_match(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family_of(line: &str) -> Option<Family> {
        DEFAULT_RULES
            .match_line(line, LineShape::of(line), |_| true)
            .map(|m| m.family)
    }

    #[test]
    fn word_boundaries_become_ascii_and_other_escapes_stay() {
        assert_eq!(ascii_word_boundaries(r"by\b.*"), r"by(?-u:\b).*");
        assert_eq!(ascii_word_boundaries(r"\Bx\d\\b"), r"(?-u:\B)x\d\\b");
        assert_eq!(ascii_word_boundaries("end\\"), "end\\");
    }

    #[test]
    fn rules_with_boundaries_match_lines_with_curly_quotes_and_accents() {
        // The boundary after the keyword, then non-ASCII text.
        assert_eq!(
            family_of("(Reporting by Zoë Ménard; editing by “Desk” staff)"),
            Some(Family::Credit)
        );
        assert_eq!(family_of("© 2026 Société Générale de Presse"), Some(Family::Legal));
        // Prose opening with a curly quote is still prose.
        assert_eq!(family_of("“We will not retreat,” the minister said."), None);
    }

    #[test]
    fn embedded_rules_compile() {
        assert!(compile(include_str!("../data/families.txt")).is_ok());
    }

    #[test]
    fn one_line_per_family() {
        assert_eq!(family_of("ADVERTISEMENT"), Some(Family::Advertising));
        assert_eq!(
            family_of("Read also| Pakistan takes over Security Council presidency"),
            Some(Family::Related)
        );
        assert_eq!(family_of("WATCH: Putin leaves the forum"), Some(Family::Media));
        assert_eq!(family_of("Facebook Twitter WhatsApp Email"), Some(Family::Share));
        assert_eq!(
            family_of("Sign up for our daily newsletter to get the news in your inbox."),
            Some(Family::Subscription)
        );
        assert_eq!(family_of("Image: Reuters"), Some(Family::Photo));
        assert_eq!(family_of("By Anna Kowalski and Tom Reed"), Some(Family::Byline));
        assert_eq!(
            family_of("Reporting by Anna Kowalski; Editing by Tom Reed"),
            Some(Family::Credit)
        );
        assert_eq!(family_of("Leave a comment"), Some(Family::Comments));
        assert_eq!(
            family_of("© 2025 Example Media. All rights reserved."),
            Some(Family::Legal)
        );
        assert_eq!(family_of("Home > World > Europe"), Some(Family::Navigation));
        assert_eq!(family_of("[3]: https://example.org/story"), Some(Family::Markup));
    }

    #[test]
    fn prose_with_trigger_words_is_not_matched() {
        for line in [
            "Shares of the company fell 4% after the advertising revenue report.",
            "By Tuesday evening, the army had withdrawn from the town.",
            "Register to vote by Friday, officials urged.",
            "Writing Putin's biography took years.",
            "The photo showed the two leaders shaking hands.",
            "\"Sign up now,\" the recruiter told the crowd, \"and serve your country.\"",
        ] {
            assert_eq!(family_of(line), None, "{line}");
        }
    }

    #[test]
    fn byline_authors_stop_before_roles_and_agencies() {
        let author = |line: &str| line[byline_author(line)].to_string();
        assert_eq!(
            author("By Anna Kowalski, Tom Reed and Ana Lima"),
            "Anna Kowalski, Tom Reed and Ana Lima"
        );
        assert_eq!(author("By JAN SVOBODA, Associated Press"), "JAN SVOBODA");
        assert_eq!(
            author("By Jan Svoboda and Petra Novak, Wire correspondents"),
            "Jan Svoboda and Petra Novak"
        );
        assert_eq!(author("By Jan Svoboda | March 3, 2025"), "Jan Svoboda");
    }

    #[test]
    fn user_rules_match_phrases_and_regexes() {
        let rules = UserRules::new(&["Listen to this story".into()], &[r"^Sponsored by \w+$".into()])
            .unwrap()
            .unwrap();
        assert!(rules.is_match("LISTEN TO THIS STORY:"));
        assert!(rules.is_match("Sponsored by Acme"));
        assert!(!rules.is_match("They listen to this story every night."));
        assert!(matches!(
            UserRules::new(&[], &["(".into()]),
            Err(CleanError::UserRegex { .. })
        ));
    }
}
