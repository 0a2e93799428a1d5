//! The compiled boilerplate rules: the embedded families plus user rules.
//!
//! Whole-line patterns of every family are compiled into one `RegexSet`, so
//! classifying a line is one automaton pass, never one regex per pattern. The
//! individual regexes are kept only to read captures on the rare lines that
//! match.

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
/// set larger than regex's 10 MB default. Rules avoid counted repetitions
/// (`.{1,60}`), which multiply the automaton; line length is bounded in code.
const SET_SIZE_LIMIT: usize = 64 << 20;

/// How a whole-line rule acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// The line is boilerplate.
    Line,
    /// The line is boilerplate and ends the article.
    End,
    /// Boilerplate when its `rest` group is empty or headline-like.
    Teaser,
    /// Found anywhere in a short line without quotation marks.
    Short,
}

struct WholeRule {
    family: Family,
    kind: LineKind,
    regex: Regex,
}

/// What a line matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineMatch<'t> {
    pub(crate) family: Family,
    pub(crate) kind: LineKind,
    /// The text after a teaser keyword, or a byline's author name.
    pub(crate) capture: Option<regex::Match<'t>>,
}

pub(crate) struct Rules {
    /// Every whole-line rule in one automaton, searched anchored at the
    /// line start: on prose it gives up after a few bytes.
    whole: meta::Regex,
    whole_rules: Vec<WholeRule>,
    short: RegexSet,
    short_rules: Vec<WholeRule>,
    /// Breadcrumb trails, tried only on lines with a trail separator.
    crumbs: Vec<(Family, Regex)>,
    /// Removed from inside a line, per family.
    pub(crate) inline: Vec<(Family, Regex)>,
    /// Removed from a line's end, per family.
    pub(crate) suffix: Vec<(Family, Regex)>,
}

impl Rules {
    /// The first rule (in data-file order) that matches the trimmed `line`.
    pub(crate) fn match_line<'t>(
        &self,
        line: &'t str,
        shape: LineShape,
        enabled: impl Fn(Family) -> bool,
    ) -> Option<LineMatch<'t>> {
        if line.len() <= LONG_LINE {
            // The automaton reports the first rule in file order that matches
            // the whole line; a disabled family falls back to the rules after
            // it, one by one (rare: only when a user switched families off).
            let input = Input::new(line).anchored(Anchored::Yes);
            if let Some(found) = self.whole.search(&input) {
                for (offset, rule) in self.whole_rules[found.pattern().as_usize()..].iter().enumerate() {
                    if !enabled(rule.family) {
                        continue;
                    }
                    // Captures only where a rule has groups to read: they run a
                    // slower engine than a plain match.
                    let capture = if rule.regex.captures_len() > 1 {
                        let Some(caps) = rule.regex.captures(line) else {
                            continue;
                        };
                        caps.name("rest").or_else(|| caps.name("name"))
                    } else if offset == 0 || rule.regex.is_match(line) {
                        None
                    } else {
                        continue;
                    };
                    return Some(LineMatch {
                        family: rule.family,
                        kind: rule.kind,
                        capture,
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
                });
            }
        }
        if line.len() <= SHORT_LINE && !shape.quotes && self.short.is_match(line) {
            for index in self.short.matches(line).iter() {
                let rule = &self.short_rules[index];
                if enabled(rule.family) {
                    return Some(LineMatch {
                        family: rule.family,
                        kind: LineKind::Short,
                        capture: None,
                    });
                }
            }
        }
        None
    }
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
    /// Number of whitespace-separated words (ASCII spacing: the text is
    /// normalised before classification).
    pub(crate) words: usize,
}

impl LineShape {
    pub(crate) fn of(line: &str) -> LineShape {
        let bytes = line.as_bytes();
        let mut shape = LineShape::default();
        let mut in_word = false;
        for (i, &b) in bytes.iter().enumerate() {
            let space = b == b' ' || b == b'\t';
            shape.words += usize::from(!space && !in_word);
            in_word = !space;
            match b {
                b'(' | b'[' | b'<' => shape.brackets = true,
                b'"' => shape.quotes = true,
                b'>' => shape.crumbs = true,
                // « and » (C2 AB, C2 BB); “ ” „ (E2 80 9C..9E); › (E2 80 BA).
                0xC2 => match bytes.get(i + 1) {
                    Some(0xAB) => shape.quotes = true,
                    Some(0xBB) => (shape.quotes, shape.crumbs) = (true, true),
                    _ => {}
                },
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0x9C..=0x9E) => shape.quotes = true,
                    Some(0xBA) => shape.crumbs = true,
                    _ => {}
                },
                _ => {}
            }
        }
        shape
    }
}

/// Compiles family rules from the data-file format (see `data/families.txt`).
fn compile(data: &str) -> Result<Rules, CleanError> {
    let mut whole_rules = Vec::new();
    let mut short_rules = Vec::new();
    let mut inline: Vec<(Family, Regex)> = Vec::new();
    let mut crumbs: Vec<(Family, Regex)> = Vec::new();
    let mut suffix: Vec<(Family, Regex)> = Vec::new();
    let mut family = None;
    for (index, raw) in data.lines().enumerate() {
        let line = raw.trim();
        let line_no = index + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            family = Some(Family::from_name(name).ok_or_else(|| CleanError::Rules {
                line: line_no,
                reason: format!("unknown family {name:?}"),
            })?);
            continue;
        }
        let fail = |reason: String| CleanError::Rules { line: line_no, reason };
        let family = family.ok_or_else(|| fail("rule before any [family] line".into()))?;
        let (kind, pattern) = line
            .split_once(':')
            .ok_or_else(|| fail("expected `kind: regex`".into()))?;
        let pattern = pattern.trim();
        let anchored = format!("^(?:{pattern})$");
        let build = |p: &str| {
            RegexBuilder::new(p)
                .case_insensitive(true)
                .size_limit(SET_SIZE_LIMIT)
                .build()
                .map_err(|e| fail(format!("bad regex: {e}")))
        };
        match kind.trim() {
            "line" => whole_rules.push(WholeRule {
                family,
                kind: LineKind::Line,
                regex: build(&anchored)?,
            }),
            "end" => whole_rules.push(WholeRule {
                family,
                kind: LineKind::End,
                regex: build(&anchored)?,
            }),
            "teaser" => whole_rules.push(WholeRule {
                family,
                kind: LineKind::Teaser,
                regex: build(&anchored)?,
            }),
            "short" => short_rules.push(WholeRule {
                family,
                kind: LineKind::Short,
                regex: build(pattern)?,
            }),
            "suffix" => suffix.push((family, build(&format!("(?:{pattern})+$"))?)),
            "inline" => inline.push((family, build(pattern)?)),
            "crumbs" => crumbs.push((family, build(&anchored)?)),
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
        .configure(meta::Config::new().nfa_size_limit(Some(SET_SIZE_LIMIT)))
        .build_many(&patterns)
        .map_err(|e| set_error(&e))?;
    let short = RegexSetBuilder::new(short_rules.iter().map(|r| r.regex.as_str()))
        .case_insensitive(true)
        .size_limit(SET_SIZE_LIMIT)
        .build()
        .map_err(|e| set_error(&e))?;
    Ok(Rules {
        whole,
        whole_rules,
        short,
        short_rules,
        crumbs,
        inline,
        suffix,
    })
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
