//! The cleaner: configuration, the pipeline of steps, and its result.

use lede_text::{OffsetMap, Span};
use serde::{Deserialize, Serialize};

use crate::classify::{classify, Context};
use crate::metadata::{dateline, Dateline, Metadata};
use crate::normalize::{normalize, NormalizeOptions};
use crate::reflow::reflow;
use crate::rules::{UserRules, DEFAULT_RULES};
use crate::{density, CleanError, Family, FamilySet};

/// Removes boilerplate from news text and normalises it, recording every
/// change so results on the clean text map back to the original.
///
/// Built once and shared: a `Cleaner` is immutable, `Send` and `Sync`, and
/// its automata are compiled once per process.
///
/// ```
/// use lede_clean::{Cleaner, Family};
///
/// let raw = "Kremlin sets no date for summit (Watch Video)\n\n\
///            MOSCOW (Wire) - The Kremlin said on Monday that no date had been set.\n\n\
///            Advertisement\n\n\
///            Read also| Oil rises on supply fears";
/// let cleaned = Cleaner::default().clean(raw);
/// assert_eq!(
///     cleaned.text,
///     "Kremlin sets no date for summit\n\nMOSCOW (Wire) - The Kremlin said on Monday that no date had been set."
/// );
/// let families: Vec<Family> = cleaned.removed.iter().map(|r| r.family).collect();
/// assert_eq!(families, [Family::Media, Family::Advertising, Family::Related]);
/// let agency = cleaned.metadata.dateline.and_then(|d| d.agency).map(|s| &raw[s.range()]);
/// assert_eq!(agency, Some("Wire"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Cleaner {
    families: FamilySet,
    user: Option<UserRules>,
    normalize: NormalizeOptions,
    keep_bylines: bool,
}

/// One deletion the cleaner made, for auditing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// What was removed, as a span of the original input.
    pub span: Span,
    /// Why: the family of boilerplate it belonged to.
    pub family: Family,
}

/// The result of cleaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    /// The clean text: paragraphs separated by one blank line.
    pub text: String,
    /// Maps spans of `text` back to the original input.
    pub map: OffsetMap,
    /// Every deletion, in document order.
    pub removed: Vec<Removal>,
    /// Dateline, bylines and credits the cleaner recognised.
    pub metadata: Metadata,
}

impl Cleaned {
    /// The span of the original input that `span` of the clean text came from.
    pub fn original_span(&self, span: Span) -> Span {
        self.map.map_span(span)
    }

    /// The result of cleaning `self.text` again with `next`, expressed
    /// against `self`'s original input.
    fn then(self, next: Cleaned) -> Cleaned {
        let back = |span: Span| self.map.map_span(span);
        let mut removed = self.removed;
        removed.extend(next.removed.iter().map(|r| Removal {
            span: back(r.span),
            family: r.family,
        }));
        removed.sort_by_key(|r| r.span);
        let mut metadata = self.metadata;
        metadata.bylines.extend(next.metadata.bylines.into_iter().map(back));
        metadata.credits.extend(next.metadata.credits.into_iter().map(back));
        if metadata.dateline.is_none() {
            metadata.dateline = next.metadata.dateline.map(|d| Dateline {
                span: back(d.span),
                place: d.place.map(back),
                agency: d.agency.map(back),
            });
        }
        Cleaned {
            text: next.text,
            map: self.map.then(&next.map),
            removed,
            metadata,
        }
    }
}

impl Cleaner {
    /// A builder to switch families on and off and add rules.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Cleans `text`. Never fails: on any input the result is valid text
    /// with a valid map.
    pub fn clean(&self, text: &str) -> Cleaned {
        let (first, joined) = self.clean_once(text);
        if !joined {
            return first;
        }
        // Joining wrapped lines made new, longer lines, which the families
        // must judge too. The output's paragraphs are single lines, so a
        // second pass joins nothing and cleaning stays idempotent.
        let (second, _) = self.clean_once(&first.text);
        first.then(second)
    }

    /// One pass of every step; also says whether reflow joined lines.
    fn clean_once(&self, text: &str) -> (Cleaned, bool) {
        let (normal, to_original) = normalize(text, &self.normalize);
        let cx = Context {
            rules: &DEFAULT_RULES,
            user: self.user.as_ref(),
            families: self.families,
            keep_bylines: self.keep_bylines,
        };
        let classified = classify(&normal, &cx);
        let (mut lines, mut cuts) = (classified.lines, classified.cuts);
        if self.families.contains(Family::LowDensity) {
            density::remove_low_density(&normal, &mut lines);
            cuts.retain(|(cut, _)| lines.iter().any(|l| l.kept() && l.span.contains(*cut)));
        }

        let mut metadata = Metadata::default();
        let mut removed = Vec::new();
        for line in &lines {
            if let Some(author) = line.author {
                metadata.bylines.push(to_original.map_span(author));
            }
            match line.removed {
                Some(family) => {
                    removed.push(Removal {
                        span: to_original.map_span(line.span),
                        family,
                    });
                    if family == Family::Credit {
                        metadata.credits.push(to_original.map_span(line.span));
                    }
                }
                None if !line.blank && metadata.dateline.is_none() => {
                    let found = dateline(line.span.slice(&normal));
                    metadata.dateline = found.map(|d| map_dateline(d, line.span.start, &to_original));
                }
                None => {}
            }
        }
        removed.extend(cuts.iter().map(|&(span, family)| Removal {
            span: to_original.map_span(span),
            family,
        }));
        removed.sort_by_key(|r| r.span);

        let reflowed = reflow(&normal, &lines, &cuts);
        let cleaned = Cleaned {
            text: reflowed.text,
            map: to_original.then(&reflowed.map),
            removed,
            metadata,
        };
        (cleaned, reflowed.joined)
    }
}

fn map_dateline(found: Dateline, offset: usize, map: &OffsetMap) -> Dateline {
    let place = |s: Span| map.map_span(s.offset_by(offset));
    Dateline {
        span: place(found.span),
        place: found.place.map(place),
        agency: found.agency.map(place),
    }
}

/// Configures a [`Cleaner`].
///
/// ```
/// use lede_clean::{Cleaner, Family};
///
/// let cleaner = Cleaner::builder()
///     .family(Family::Byline, false)
///     .phrase("Listen to this story")
///     .regex(r"^Sponsored by \w+$")
///     .fold_quotes(true)
///     .build()?;
/// let cleaned = cleaner.clean("By Jane Okafor\n\nListen to this story\n\n“Talks failed,” she said.");
/// assert_eq!(cleaned.text, "By Jane Okafor\n\n\"Talks failed,\" she said.");
/// # Ok::<(), lede_clean::CleanError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct CleanerBuilder {
    disabled: Vec<Family>,
    enabled: Vec<Family>,
    phrases: Vec<String>,
    regexes: Vec<String>,
    fold_quotes: bool,
    keep_bylines: bool,
}

impl CleanerBuilder {
    /// Switches a family on or off (all standard families are on).
    pub fn family(mut self, family: Family, on: bool) -> CleanerBuilder {
        self.enabled.retain(|f| *f != family);
        self.disabled.retain(|f| *f != family);
        if on {
            self.enabled.push(family);
        } else {
            self.disabled.push(family);
        }
        self
    }

    /// Removes lines that consist of this phrase (any case; trailing `.`,
    /// `!`, `:` or `|` ignored), as family [`Family::User`].
    pub fn phrase(mut self, phrase: impl Into<String>) -> CleanerBuilder {
        self.phrases.push(phrase.into());
        self
    }

    /// Removes lines in which this regex finds a match (write `^...$` for a
    /// whole line), as family [`Family::User`].
    pub fn regex(mut self, regex: impl Into<String>) -> CleanerBuilder {
        self.regexes.push(regex.into());
        self
    }

    /// Folds curly and angle quotes to ASCII (off by default: the direction
    /// of curly quotes helps quote attribution).
    pub fn fold_quotes(mut self, on: bool) -> CleanerBuilder {
        self.fold_quotes = on;
        self
    }

    /// Keeps byline lines in the text (they are still reported in the
    /// metadata).
    pub fn keep_bylines(mut self, on: bool) -> CleanerBuilder {
        self.keep_bylines = on;
        self
    }

    /// Turns on the aggressive mode for whole-page text dumps: paragraphs
    /// that are short and poor in function words are removed as
    /// [`Family::LowDensity`]. Off by default, because on text already
    /// reduced to the article it removes real content.
    pub fn aggressive(self, on: bool) -> CleanerBuilder {
        self.family(Family::LowDensity, on)
    }

    /// Builds the cleaner; fails if a user regex does not compile.
    pub fn build(self) -> Result<Cleaner, CleanError> {
        let mut families = FamilySet::standard();
        for family in self.enabled {
            families.insert(family);
        }
        for family in self.disabled {
            families.remove(family);
        }
        let normalize = NormalizeOptions {
            fold_quotes: self.fold_quotes,
        };
        Ok(Cleaner {
            families,
            user: UserRules::new(&self.phrases, &self.regexes)?,
            normalize,
            keep_bylines: self.keep_bylines,
        })
    }
}
