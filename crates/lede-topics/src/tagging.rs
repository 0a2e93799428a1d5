//! Tagging: the triggers found in a text, turned into topic scores with
//! their evidence, per document and for any part of it (a sentence, a quote).

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::Write as _;

use lede_text::{sentences, NameHint, Span};

use crate::format::STRONG;
use crate::phrase::Scratch;
use crate::taxonomy::{Role, Taxonomy, TopicId, Trigger};

/// The score a topic needs in a part of a document (a sentence, a quote) to
/// be reported for it: one medium trigger.
pub const PART_MIN_SCORE: f32 = 0.5;

/// One trigger that fired, where it stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    /// Where the trigger matched, in the tagged text.
    pub span: Span,
    /// For a co-occurrence rule, where its other phrase matched.
    pub partner: Option<Span>,
    /// The trigger.
    pub trigger: Trigger,
    /// Its weight.
    pub weight: f32,
    /// The topic whose trigger it is: a child's for evidence a child topic
    /// lends its parent.
    pub topic: TopicId,
}

/// A topic of a document or of a part of it.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicScore {
    /// The topic.
    pub topic: TopicId,
    /// Its score: each distinct trigger adds its weight, and each repeat of
    /// a trigger half as much as the one before (so repetition alone adds at
    /// most the weight again); a topic's children's evidence counts for it.
    pub score: f32,
    /// The triggers that fired for it or its children, in text order.
    pub evidence: Vec<Evidence>,
}

/// Why a topic scored: one line of an explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason<'t> {
    /// The trigger.
    pub trigger: Trigger,
    /// The trigger as the taxonomy gives it (`"ceasefire"`, `entity Q212`),
    /// as [`Taxonomy::describe`] returns it.
    pub description: &'t str,
    /// Its weight.
    pub weight: f32,
    /// How often it fired.
    pub count: usize,
    /// The topic that owns the trigger (a child, when it lends evidence).
    pub topic: TopicId,
}

impl TopicScore {
    /// The triggers behind the score, strongest contribution first.
    pub fn reasons<'t>(&self, taxonomy: &'t Taxonomy) -> Vec<Reason<'t>> {
        let mut reasons: Vec<Reason<'t>> = Vec::new();
        for e in &self.evidence {
            match reasons.iter_mut().find(|r| r.trigger == e.trigger) {
                Some(reason) => reason.count += 1,
                None => reasons.push(Reason {
                    trigger: e.trigger,
                    description: taxonomy.describe(e.trigger),
                    weight: e.weight,
                    count: 1,
                    topic: e.topic,
                }),
            }
        }
        reasons.sort_by(|a, b| contribution(b.weight, b.count).total_cmp(&contribution(a.weight, a.count)));
        reasons
    }
}

/// The topics of one document, with what triggered them.
///
/// ```
/// use lede_topics::Taxonomy;
///
/// let taxonomy = Taxonomy::default();
/// let text = "Kyiv and Moscow carried out a prisoner swap on Friday, returning 95 soldiers each.";
/// let tagging = taxonomy.tag(text);
/// let swap = taxonomy.find("conflict.prisoner_exchange").unwrap();
/// let score = tagging.topics().iter().find(|t| t.topic == swap).unwrap();
/// let words: Vec<&str> = score.evidence.iter().map(|e| &text[e.span.range()]).collect();
/// assert!(words.contains(&"prisoner swap"));
/// ```
#[derive(Clone, Debug)]
pub struct Tagging<'t> {
    taxonomy: &'t Taxonomy,
    /// Every trigger that fired, before roll-up, in text order.
    evidence: Vec<Evidence>,
    /// Reported topics, best first.
    topics: Vec<TopicScore>,
    /// Every topic's rolled-up score, reported or not.
    scores: Vec<f32>,
}

impl<'t> Tagging<'t> {
    /// The document's topics, best first: those whose score reaches their
    /// `min_score` with support from a strong trigger or from at least two
    /// distinct triggers.
    pub fn topics(&self) -> &[TopicScore] {
        &self.topics
    }

    /// The taxonomy this tagging used.
    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// Every trigger that fired, each under the topic that owns it, in text
    /// order.
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// A topic's score in the document, reported or not.
    pub fn score(&self, topic: TopicId) -> f32 {
        self.scores[topic.index()]
    }

    /// The top-level subject with the highest score, if any trigger fired:
    /// the document's broad subject (sport, politics, ...) even when no
    /// topic reaches its minimum.
    pub fn subject(&self) -> Option<TopicId> {
        let taxonomy = self.taxonomy;
        (0..self.scores.len())
            .map(|i| TopicId(i as u32))
            .filter(|&t| taxonomy.topic(t).parent.is_none() && self.scores[t.index()] > 0.0)
            .max_by(|&a, &b| {
                self.scores[a.index()]
                    .total_cmp(&self.scores[b.index()])
                    .then(b.cmp(&a))
            })
    }

    /// The topics of a part of the document (a sentence, a quote): triggers
    /// inside `span` only, each topic with a score of at least
    /// [`PART_MIN_SCORE`], best first.
    pub fn within(&self, span: Span) -> Vec<TopicScore> {
        let inside = self.inside(span);
        let mut reported: Vec<TopicScore> = part_scores(self.taxonomy, &inside)
            .into_iter()
            .map(|(topic, score)| TopicScore {
                topic,
                score,
                evidence: Vec::new(),
            })
            .collect();
        if !reported.is_empty() {
            each_counted(self.taxonomy, &inside, |topic, k| {
                if let Some(t) = reported.iter_mut().find(|t| t.topic == topic) {
                    t.evidence.push(inside[k]);
                }
            });
        }
        reported
    }

    /// The topics of a part of the document with their scores, as
    /// [`Tagging::within`] reports them but without their evidence.
    pub(crate) fn part_topics(&self, span: Span) -> Vec<(TopicId, f32)> {
        part_scores(self.taxonomy, &self.inside(span))
    }

    /// The evidence inside `span`.
    fn inside(&self, span: Span) -> Cow<'_, [Evidence]> {
        // The evidence is in text order (see `tag`): only the run that
        // starts inside `span` is read, so a claim per sentence stays
        // linear in the document. Usually all of it ends inside too, and
        // is lent rather than copied.
        let first = self.evidence.partition_point(|e| e.span.start < span.start);
        let run = &self.evidence[first..];
        let run = &run[..run.partition_point(|e| e.span.start < span.end)];
        if run.iter().all(|e| span.contains(e.span)) {
            Cow::Borrowed(run)
        } else {
            Cow::Owned(run.iter().filter(|e| span.contains(e.span)).copied().collect())
        }
    }

    /// Each sentence of `text` (the text that was tagged) with its topics.
    pub fn sentences(&self, text: &str) -> Vec<(Span, Vec<TopicScore>)> {
        sentences(text).map(|s| (s, self.within(s))).collect()
    }

    /// Why each topic was reported: one line per topic, then one per
    /// trigger with its weight, count and (for a child's evidence) topic.
    pub fn explain(&self) -> String {
        let taxonomy = self.taxonomy;
        let mut out = String::new();
        for topic in &self.topics {
            let t = taxonomy.topic(topic.topic);
            let _ = writeln!(out, "{} ({}): score {:.2}", t.id, t.label, topic.score);
            for reason in topic.reasons(taxonomy) {
                let via = if reason.topic == topic.topic {
                    String::new()
                } else {
                    format!(" via {}", taxonomy.topic(reason.topic).id)
                };
                let _ = writeln!(
                    out,
                    "  {} x{} weight {}{via}",
                    reason.description, reason.count, reason.weight
                );
            }
        }
        out
    }
}

/// The buffers tagging works in, kept per thread: allocating and clearing
/// them for each document cost more than a tenth of tagging a news article.
#[derive(Debug, Default)]
struct Buffers {
    /// The phrase matcher's.
    phrases: Scratch,
    /// How often each trigger (by `Compiled::slot`) has fired so far in the
    /// document: all zeros between uses, whatever the taxonomy's size
    /// (grown to the largest used on this thread).
    seen: Vec<u8>,
    /// What a document's tagging works through, kept so that it costs no
    /// allocation: co-occurrence markers (rule, side, span), exclusion
    /// phrases (topic, span, then their sentence), the sides of each rule
    /// found, each rule's markers in its current sentence, and the rules
    /// that fired with their two markers.
    markers: Vec<(u32, u8, Span)>,
    excluded: Vec<(TopicId, Span)>,
    sides: Vec<u8>,
    pending: Vec<Pending>,
    fired: Vec<(u32, Span, Span)>,
    /// Scoring's: see [`score`].
    factors: Vec<f32>,
    counts: Vec<(TopicId, u32)>,
    support: Vec<Support>,
    slots: Vec<u32>,
}

impl Buffers {
    /// The bytes the buffers that grow with a document hold on to (`seen`,
    /// `sides`, `pending` and `slots` are sized by the taxonomy, not the
    /// document).
    fn retained(&self) -> usize {
        fn bytes<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        self.phrases.retained()
            + bytes(&self.markers)
            + bytes(&self.excluded)
            + bytes(&self.fired)
            + bytes(&self.factors)
            + bytes(&self.counts)
            + bytes(&self.support)
    }
}

thread_local! {
    /// Taken for the length of a call and put back after it: a call made
    /// meanwhile (none is, today) or while the thread ends gets fresh
    /// buffers.
    static BUFFERS: Cell<Buffers> = const {
        Cell::new(Buffers {
            phrases: Scratch::new(),
            seen: Vec::new(),
            markers: Vec::new(),
            excluded: Vec::new(),
            sides: Vec::new(),
            pending: Vec::new(),
            fired: Vec::new(),
            factors: Vec::new(),
            counts: Vec::new(),
            support: Vec::new(),
            slots: Vec::new(),
        })
    };
}

/// The most a thread keeps in its buffers between documents (the text copy
/// is most of it, then a few bytes per piece of evidence): a corpus with one
/// huge document must not hold its buffers on every thread for good.
const KEPT_BYTES: usize = 1 << 21;

/// Runs `f` with this thread's buffers.
fn with_buffers<R>(f: impl FnOnce(&mut Buffers) -> R) -> R {
    let mut buffers = BUFFERS.try_with(Cell::take).unwrap_or_default();
    let result = f(&mut buffers);
    if buffers.retained() <= KEPT_BYTES {
        let _ = BUFFERS.try_with(|cell| cell.set(buffers));
    }
    result
}

pub(crate) fn tag<'t>(taxonomy: &'t Taxonomy, text: &str, names: &[NameHint]) -> Tagging<'t> {
    with_buffers(|buffers| tag_with(taxonomy, text, names, buffers))
}

fn tag_with<'t>(taxonomy: &'t Taxonomy, text: &str, names: &[NameHint], buffers: &mut Buffers) -> Tagging<'t> {
    let compiled = &*taxonomy.inner;
    // One trigger per fifteen to thirty bytes of news text: one allocation
    // for nearly every article (growing it copies it all).
    let mut evidence = Vec::with_capacity(text.len() / 14 + 16);
    let Buffers {
        phrases,
        seen,
        markers,
        excluded,
        sides,
        pending,
        fired,
        factors,
        counts,
        support,
        slots,
    } = buffers;
    markers.clear();
    excluded.clear();
    compiled
        .phrases
        .find_with(text, phrases, |i, span| match compiled.roles[i as usize] {
            Role::Trigger { topic, weight } => evidence.push(Evidence {
                span,
                partner: None,
                trigger: Trigger::Phrase(i),
                weight,
                topic,
            }),
            Role::Near { rule, side } => markers.push((rule, side, span)),
            Role::Exclude { topic } => excluded.push((topic, span)),
        });
    // Phrase evidence comes in text order: only what is added after it
    // needs sorting.
    let phrase_evidence = evidence.len();
    // Sentences are looked up only for exclusions and for rules whose two
    // sides both occur somewhere.
    let mut cursor = SentenceCursor::new(text);
    for (_, span) in excluded.iter_mut() {
        *span = cursor.around(*span);
    }
    if !markers.is_empty() {
        // `sides` and `pending` are left as found, all zeros and all
        // `Pending::NONE`, for the next document: one store per marker
        // rather than one per rule of the taxonomy.
        if sides.len() < compiled.rules.len() {
            sides.resize(compiled.rules.len(), 0);
            pending.resize(compiled.rules.len(), Pending::NONE);
        }
        for &(rule, side, _) in markers.iter() {
            sides[rule as usize] |= 1 << side;
        }
        // A rule fires once per sentence in which both its sides occur, with
        // the first phrase of each side as evidence. Markers come in text
        // order, so each rule's are met sentence by sentence: a rule keeps
        // the first marker of each side in its current sentence.
        fired.clear();
        for &(rule, side, span) in markers.iter().filter(|m| sides[m.0 as usize] == 3) {
            let sentence = cursor.around(span).start;
            let state = &mut pending[rule as usize];
            if state.sentence != sentence {
                *state = Pending {
                    sentence,
                    ..Pending::NONE
                };
            }
            let first = &mut state.first[usize::from(side)];
            if first.is_none() {
                *first = Some(span);
                if let [Some(a), Some(b)] = state.first {
                    fired.push((rule, a, b));
                }
            }
        }
        for &(rule, _, _) in markers.iter() {
            sides[rule as usize] = 0;
            pending[rule as usize] = Pending::NONE;
        }
        // In rule order, then text order, as the evidence has always come.
        fired.sort_unstable_by_key(|&(rule, a, _)| (rule, a.start));
        for &(index, a, b) in fired.iter() {
            let rule = &compiled.rules[index as usize];
            evidence.push(Evidence {
                span: a,
                partner: Some(b),
                trigger: Trigger::Near(index),
                weight: rule.weight,
                topic: rule.topic,
            });
        }
    }
    if let Some(set) = &compiled.regex_set {
        for i in set.matches(text).iter() {
            let (regex, topic, weight) = &compiled.regexes[i];
            for m in regex.find_iter(text).filter(|m| !m.is_empty()) {
                evidence.push(Evidence {
                    span: Span::new(m.start(), m.end()),
                    partner: None,
                    trigger: Trigger::Regex(i as u32),
                    weight: *weight,
                    topic: *topic,
                });
            }
        }
    }
    for hint in names.iter().filter(|h| !h.span.is_empty() && h.span.is_valid_for(text)) {
        let Some(triggers) = hint.id.and_then(|id| compiled.entities.get(id)) else {
            continue;
        };
        for &i in triggers {
            let (_, topic, weight) = &compiled.entity_triggers[i as usize];
            evidence.push(Evidence {
                span: hint.span,
                partner: None,
                trigger: Trigger::Entity(i),
                weight: *weight,
                topic: *topic,
            });
        }
    }
    // Rules, regexes and names are merged into the phrases' text order, as
    // a stable sort of the whole list would: phrases first among equal
    // spans.
    let mut added = evidence.split_off(phrase_evidence);
    if !excluded.is_empty() {
        excluded.sort_unstable_by_key(|&(topic, span)| (topic, span));
        evidence.retain(|e| !is_excluded(excluded, e));
        added.retain(|e| !is_excluded(excluded, e));
    }
    if !added.is_empty() {
        added.sort_by_key(|e| e.span);
        merge_by_span(&mut evidence, &added);
    }
    let scoring = Scoring {
        seen,
        factors,
        counts,
        support,
        slots,
    };
    let (topics, scores) = score(taxonomy, &evidence, scoring);
    Tagging {
        taxonomy,
        evidence,
        topics,
        scores,
    }
}

/// Merges `second` into `first`, both sorted by span, `first`'s before
/// `second`'s among equal spans. In place, from the back: `second` (rules,
/// regexes, names) is short, `first` (the phrases) long.
fn merge_by_span(first: &mut Vec<Evidence>, second: &[Evidence]) {
    let mut i = first.len();
    first.extend_from_slice(second);
    for (j, s) in second.iter().enumerate().rev() {
        // Everything of `first` after `s` moves up by the `j + 1` elements
        // of `second` still to place: found by binary search and moved as
        // one block rather than element by element.
        let at = first[..i].partition_point(|e| e.span <= s.span);
        first.copy_within(at..i, at + j + 1);
        i = at;
        first[i + j] = *s;
    }
}

/// True when an exclusion phrase of the evidence's topic stands in its
/// sentence. `excluded` is sorted by topic, then span.
fn is_excluded(excluded: &[(TopicId, Span)], e: &Evidence) -> bool {
    let from = excluded.partition_point(|(t, _)| *t < e.topic);
    let to = excluded.partition_point(|(t, s)| (*t, s.start) <= (e.topic, e.span.start));
    // Sentences found around different phrases are the same sentence or do
    // not overlap, so the last one starting before the evidence decides.
    to > from && excluded[to - 1].1.contains(e.span)
}

/// What repetition of one trigger adds up to: its weight for the first
/// occurrence, half as much for each repeat after it (the sum [`score`]
/// builds occurrence by occurrence).
fn contribution(weight: f32, count: usize) -> f32 {
    // 2^(1 - count), exact, without a call per comparison of `reasons`.
    weight * (2.0 - 2.0 * half_pow(count.min(20) as u8))
}

/// `0.5f32.powi(n)`, built from its bits rather than by a call per piece
/// of evidence: 2^-n is a normal float down to 2^-126, a subnormal down to
/// 2^-149, then 0.
fn half_pow(n: u8) -> f32 {
    match n {
        0..=126 => f32::from_bits(u32::from(127 - n) << 23),
        127..=149 => f32::from_bits(1 << (149 - n)),
        _ => 0.0,
    }
}

/// A co-occurrence rule's markers in the sentence it was last met in.
#[derive(Clone, Copy, Debug)]
struct Pending {
    /// Where that sentence starts (`usize::MAX`: none yet).
    sentence: usize,
    /// The first marker of each side there.
    first: [Option<Span>; 2],
}

impl Pending {
    const NONE: Pending = Pending {
        sentence: usize::MAX,
        first: [None, None],
    };
}

/// What the support rule and the evidence lists need, per topic, side by
/// side: one bounds check and one cache line per update.
#[derive(Clone, Copy, Debug, Default)]
struct Support {
    /// Distinct triggers (first occurrences).
    distinct: u32,
    /// Pieces of evidence.
    counted: u32,
    strong: bool,
}

/// The buffers [`score`] works in, from [`Buffers`].
struct Scoring<'a> {
    seen: &'a mut Vec<u8>,
    /// Per piece of evidence, what its occurrence is worth.
    factors: &'a mut Vec<f32>,
    /// Who each piece of evidence counts for (topic, index).
    counts: &'a mut Vec<(TopicId, u32)>,
    support: &'a mut Vec<Support>,
    /// Reported topics by id: their place in the list, or none.
    slots: &'a mut Vec<u32>,
}

/// Rolls evidence up the hierarchy and scores every topic of a document:
/// the reported topics (those whose score reaches their `min_score` with
/// support from a strong trigger or from two distinct ones), best first,
/// and every topic's score. `evidence` is in span order.
///
/// Each occurrence of a trigger counts half as much as the one before it
/// (counted over the document, in text order), for its topic and every
/// ancestor; where several triggers stand on the same words, each topic
/// counts only the strongest of those that reach it.
fn score(taxonomy: &Taxonomy, evidence: &[Evidence], buffers: Scoring<'_>) -> (Vec<TopicScore>, Vec<f32>) {
    let Scoring {
        seen,
        factors,
        counts,
        support,
        slots,
    } = buffers;
    let compiled = &*taxonomy.inner;
    let topics = compiled.topics.len();
    factors_into(taxonomy, evidence, seen, factors);
    // Who each piece of evidence counts for, found once for scoring and
    // for the evidence lists.
    counts.clear();
    each_counted(taxonomy, evidence, |topic, k| counts.push((topic, k as u32)));
    let mut scores = vec![0.0f32; topics];
    support.clear();
    support.resize(topics, Support::default());
    for &(topic, k) in counts.iter() {
        let (e, factor) = (&evidence[k as usize], factors[k as usize]);
        scores[topic.index()] += e.weight * factor;
        let s = &mut support[topic.index()];
        s.distinct += u32::from(factor == 1.0);
        s.counted += 1;
        s.strong |= e.weight >= STRONG;
    }
    // Reported topics by id: their place in `reported`, or `NONE`.
    const NONE: u32 = u32::MAX;
    slots.clear();
    slots.resize(topics, NONE);
    let mut reported: Vec<TopicScore> = Vec::with_capacity(16);
    for (i, topic) in compiled.topics.iter().enumerate() {
        let (total, s) = (scores[i], support[i]);
        if total >= topic.min_score && (s.distinct >= 2 || s.strong) {
            slots[i] = reported.len() as u32;
            reported.push(TopicScore {
                topic: TopicId(i as u32),
                score: total,
                evidence: Vec::with_capacity(s.counted as usize),
            });
        }
    }
    if !reported.is_empty() {
        for &(topic, k) in counts.iter() {
            let at = slots[topic.index()];
            if at != NONE {
                reported[at as usize].evidence.push(evidence[k as usize]);
            }
        }
    }
    // Topics are distinct: an unstable sort gives the one order.
    reported.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.topic.cmp(&b.topic)));
    (reported, scores)
}

/// The topics of a part of a document (its evidence in span order) whose
/// score reaches [`PART_MIN_SCORE`], best first: scored as [`score`] does,
/// but a part has a few pieces of evidence, so the topics they reach are
/// kept in a short list rather than in a score per topic of the taxonomy.
fn part_scores(taxonomy: &Taxonomy, evidence: &[Evidence]) -> Vec<(TopicId, f32)> {
    if evidence.is_empty() {
        return Vec::new();
    }
    let mut scores: Vec<(TopicId, f32)> = Vec::with_capacity(8);
    let mut add_up = |factors: &[f32]| {
        each_counted(taxonomy, evidence, |topic, k| {
            let add = evidence[k].weight * factors[k];
            match scores.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, score)) => *score += add,
                // From 0.0, as `score` adds up, so that both give the same float.
                None => scores.push((topic, 0.0 + add)),
            }
        })
    };
    // A part (a sentence, a quote) has a few pieces of evidence: their
    // factors fit on the stack, without taking the thread's buffers (a
    // copy of them per call cost more than the scoring).
    if evidence.len() <= FEW {
        let mut factors = [0.0; FEW];
        few_factors(taxonomy, evidence, &mut factors);
        add_up(&factors[..evidence.len()]);
    } else {
        with_buffers(|buffers| {
            factors_into(taxonomy, evidence, &mut buffers.seen, &mut buffers.factors);
            add_up(&buffers.factors);
        });
    }
    scores.retain(|&(_, score)| score >= PART_MIN_SCORE);
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scores
}

/// Per piece of evidence, what its occurrence is worth: 1 for the first of
/// its trigger, half as much for each repeat after it, in text order.
/// `seen` is all zeros, and is left so. Into `factors`, replacing what it
/// held.
fn factors_into(taxonomy: &Taxonomy, evidence: &[Evidence], seen: &mut Vec<u8>, factors: &mut Vec<f32>) {
    let compiled = &*taxonomy.inner;
    factors.clear();
    if evidence.len() <= FEW {
        let mut few = [0.0; FEW];
        few_factors(taxonomy, evidence, &mut few);
        factors.extend_from_slice(&few[..evidence.len()]);
    } else {
        if seen.len() < compiled.triggers() {
            seen.resize(compiled.triggers(), 0);
        }
        factors.extend(evidence.iter().map(|e| {
            let count = &mut seen[compiled.slot(e.trigger)];
            let factor = half_pow(*count);
            *count = count.saturating_add(1);
            factor
        }));
        // Zeros again for the next document: one store per piece of
        // evidence rather than one per trigger of the taxonomy.
        for e in evidence {
            seen[compiled.slot(e.trigger)] = 0;
        }
    }
}

/// How many pieces of evidence count as few: a part of a document (a
/// sentence, a quote) has a few, and then a short list of the triggers seen
/// beats clearing a counter per trigger of the taxonomy.
const FEW: usize = 32;

/// [`factors_into`] for at most [`FEW`] pieces of evidence, on the stack:
/// into `factors[..evidence.len()]`.
fn few_factors(taxonomy: &Taxonomy, evidence: &[Evidence], factors: &mut [f32; FEW]) {
    let compiled = &*taxonomy.inner;
    // The triggers seen so far with their counts.
    let mut seen = [(0usize, 0u8); FEW];
    let mut used = 0;
    for (factor, e) in factors.iter_mut().zip(evidence) {
        let slot = compiled.slot(e.trigger);
        let at = match seen[..used].iter().position(|(s, _)| *s == slot) {
            Some(at) => at,
            None => {
                seen[used] = (slot, 0);
                used += 1;
                used - 1
            }
        };
        let count = &mut seen[at].1;
        *factor = half_pow(*count);
        *count = count.saturating_add(1);
    }
}

/// Calls `count(topic, k)` for each topic that evidence `k` counts for:
/// its own and its ancestors, except where another trigger on the same
/// words reaches the same topic with a greater weight (the first wins a
/// tie). Each topic is counted at most once per span, in span order, which
/// is all that scores and evidence lists depend on.
fn each_counted(taxonomy: &Taxonomy, evidence: &[Evidence], mut count: impl FnMut(TopicId, usize)) {
    let topics = &taxonomy.inner.topics;
    // The topics the triggers on the current words reach, in the order
    // first reached, each with the evidence that counts for it: a few
    // triggers and their ancestors, so a short list.
    let mut best: Vec<(TopicId, usize)> = Vec::new();
    let mut i = 0;
    while i < evidence.len() {
        let span = evidence[i].span;
        let mut j = i + 1;
        while j < evidence.len() && evidence[j].span == span {
            j += 1;
        }
        if j == i + 1 {
            // Words with one trigger, the common case: no choosing.
            let mut at = Some(evidence[i].topic);
            while let Some(topic) = at {
                count(topic, i);
                at = topics[topic.index()].parent;
            }
            i = j;
            continue;
        }
        best.clear();
        for (k, e) in evidence.iter().enumerate().take(j).skip(i) {
            let mut at = Some(e.topic);
            while let Some(topic) = at {
                match best.iter_mut().find(|(t, _)| *t == topic) {
                    None => best.push((topic, k)),
                    Some((_, slot)) if e.weight > evidence[*slot].weight => *slot = k,
                    Some(_) => {}
                }
                at = topics[topic.index()].parent;
            }
        }
        for &(topic, k) in &best {
            count(topic, k);
        }
        i = j;
    }
}

/// Sentences found cheaply: a sentence ends after a sentence-ending mark
/// (and any closing quotes or brackets) followed by whitespace, or at a
/// blank line; a single line break is wrapped text. Unlike
/// `lede_text::sentences` it knows no abbreviations ("U.S. officials" ends
/// a sentence here): it only scopes co-occurrence and exclusion rules. The
/// ends are found on first use, in one pass over the text.
pub(crate) struct SentenceCursor<'a> {
    bytes: &'a [u8],
    ends: Option<Vec<usize>>,
}

impl<'a> SentenceCursor<'a> {
    pub fn new(text: &'a str) -> SentenceCursor<'a> {
        SentenceCursor {
            bytes: text.as_bytes(),
            ends: None,
        }
    }

    /// The sentence `span` starts in (extended to the span's end).
    pub fn around(&mut self, span: Span) -> Span {
        let bytes = self.bytes;
        let ends = self.ends.get_or_insert_with(|| sentence_ends(bytes));
        let i = ends.partition_point(|&end| end <= span.start);
        let start = if i == 0 { 0 } else { ends[i - 1] };
        let end = ends.get(i).copied().unwrap_or(bytes.len());
        Span::new(start, end.max(span.end))
    }
}

/// Where sentences end, in order.
fn sentence_ends(bytes: &[u8]) -> Vec<usize> {
    // A sentence every hundred bytes or so.
    let mut ends = Vec::with_capacity(bytes.len() / 64 + 8);
    let marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes).filter_map(|i| {
        let after = after_closers(bytes, i + 1);
        bytes.get(after).map_or(true, u8::is_ascii_whitespace).then_some(after)
    });
    // Blank lines: each "\n\n", not overlapping the one before (a memmem
    // searcher costs more to build than this scan of the line breaks).
    let mut taken = None;
    let breaks = memchr::memchr_iter(b'\n', bytes).filter_map(move |i| {
        let blank = bytes.get(i + 1) == Some(&b'\n') && !matches!(taken, Some(t) if t + 1 == i);
        blank.then(|| {
            taken = Some(i);
            i + 1
        })
    });
    // Merge the two ordered streams.
    let (mut marks, mut breaks) = (marks.peekable(), breaks.peekable());
    loop {
        let next = match (marks.peek(), breaks.peek()) {
            (Some(&m), Some(&b)) if m <= b => marks.next(),
            (Some(_), Some(_)) | (None, Some(_)) => breaks.next(),
            (Some(_), None) => marks.next(),
            (None, None) => break,
        };
        if let Some(end) = next {
            if ends.last().map_or(true, |&last| last < end) {
                ends.push(end);
            }
        }
    }
    ends
}

/// The offset after the closing quotes and brackets that start at `i`.
fn after_closers(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i..i + 3) {
            // ” and ’
            Some([0xe2, 0x80, 0x9d | 0x99]) => i += 3,
            _ if matches!(bytes.get(i), Some(b'"' | b'\'' | b')')) => i += 1,
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy(source: &str) -> Taxonomy {
        Taxonomy::from_toml(source, "test.toml").unwrap()
    }

    const TWO_LEVELS: &str = r#"
[[topic]]
id = "conflict"
label = "Conflict"
medium = ["troops", "shelling"]

[[topic]]
id = "conflict.swap"
label = "Prisoner exchange"
parent = "conflict"
strong = ["prisoner swap"]
near = [{ a = ["prisoner*", "captive*"], b = ["exchang*", "swap*", "freed"], weight = 1.0 }]
exclude = ["card swap"]
"#;

    fn ids<'a>(taxonomy: &'a Taxonomy, scores: &[TopicScore]) -> Vec<&'a str> {
        scores.iter().map(|s| taxonomy.topic(s.topic).id.as_str()).collect()
    }

    #[test]
    fn one_weak_trigger_is_not_a_document_topic_two_are() {
        let t = taxonomy(TWO_LEVELS);
        assert!(t.tag("The troops left.").topics().is_empty());
        assert!(t.tag("The troops left. The troops came back.").topics().is_empty());
        let tagging = t.tag("The troops left after the shelling.");
        assert_eq!(ids(&t, tagging.topics()), ["conflict"]);
        assert_eq!(tagging.topics()[0].score, 1.0);
    }

    #[test]
    fn a_child_supports_its_parent_and_rules_fire_within_a_sentence() {
        let t = taxonomy(TWO_LEVELS);
        let text = "Both sides freed 90 prisoners on Friday. No prisoners were held. Talks were freed up.";
        let tagging = t.tag(text);
        assert_eq!(ids(&t, tagging.topics()), ["conflict", "conflict.swap"]);
        let swap = &tagging.topics()[1];
        assert_eq!(swap.evidence.len(), 1, "only the first sentence has both sides");
        let e = swap.evidence[0];
        assert_eq!(
            (&text[e.span.range()], &text[e.partner.unwrap().range()]),
            ("prisoners", "freed")
        );
        assert!(
            tagging.explain().contains("\"prisoner*\"|\"captive*\" near"),
            "{}",
            tagging.explain()
        );
        assert!(tagging.explain().contains("via conflict.swap"), "{}", tagging.explain());
    }

    #[test]
    fn an_exclusion_silences_its_topic_in_its_sentence_only() {
        let t = taxonomy(TWO_LEVELS);
        let text = "A prisoner swap, they called the card swap. Later a prisoner swap happened.";
        let tagging = t.tag(text);
        let swap = t.find("conflict.swap").unwrap();
        let kept: Vec<usize> = tagging
            .evidence()
            .iter()
            .filter(|e| e.topic == swap)
            .map(|e| e.span.start)
            .collect();
        assert_eq!(kept, [text.rfind("prisoner swap").unwrap()]);
    }

    #[test]
    fn parts_and_sentences() {
        let t = taxonomy(TWO_LEVELS);
        let text = "Troops massed. The prisoner swap went ahead.";
        let tagging = t.tag(text);
        let sentences = tagging.sentences(text);
        assert_eq!(sentences.len(), 2);
        assert_eq!(ids(&t, &sentences[0].1), ["conflict"]);
        assert_eq!(ids(&t, &sentences[1].1), ["conflict", "conflict.swap"]);
        assert_eq!(tagging.subject(), t.find("conflict"));
    }

    #[test]
    fn entity_hints_trigger_topics() {
        let t = taxonomy(
            "[[topic]]\nid = \"ukraine\"\nlabel = \"Ukraine war\"\nentities = { \"Q212\" = 1.0 }\nmedium = [\"front line\"]\n",
        );
        let text = "Kyiv said the front line held.";
        let hint = NameHint {
            span: Span::new(0, 4),
            name: "Kyiv",
            id: Some("Q212"),
            kind: lede_text::NameKind::Country,
            role: None,
        };
        let bad = NameHint {
            span: Span::new(2, 99),
            ..hint
        };
        let tagging = t.tag_with_names(text, &[hint, bad]);
        assert_eq!(tagging.topics().len(), 1);
        assert_eq!(tagging.topics()[0].score, 1.5);
        assert!(
            tagging.explain().contains("entity Q212 x1 weight 1"),
            "{}",
            tagging.explain()
        );
    }

    #[test]
    fn halves_are_powers_of_one_half() {
        for n in 0..=255u8 {
            assert_eq!(half_pow(n).to_bits(), 0.5f32.powi(i32::from(n)).to_bits(), "{n}");
        }
    }

    #[test]
    fn blank_lines_do_not_overlap() {
        assert_eq!(sentence_ends(b"a\n\n\n\nb"), [2, 4]);
        assert_eq!(sentence_ends(b"a\n\n\nb. c"), [2, 6]);
    }

    proptest::proptest! {
        #[test]
        fn merging_by_span_is_a_stable_sort(
            first in proptest::collection::vec((0usize..20, 0usize..4), 0..40),
            second in proptest::collection::vec((0usize..20, 0usize..4), 0..6),
        ) {
            // Each piece tells by its trigger which list and place it came from.
            let evidence = |list: &[(usize, usize)], from: u32| -> Vec<Evidence> {
                let mut spans: Vec<Span> = list.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
                spans.sort();
                spans.iter().enumerate().map(|(k, &span)| Evidence {
                    span,
                    partner: None,
                    trigger: Trigger::Phrase(from + k as u32),
                    weight: 1.0,
                    topic: TopicId(0),
                }).collect()
            };
            let (mut merged, second) = (evidence(&first, 0), evidence(&second, 1000));
            let mut expected = merged.clone();
            expected.extend_from_slice(&second);
            expected.sort_by_key(|e| e.span);
            merge_by_span(&mut merged, &second);
            proptest::prop_assert_eq!(merged, expected);
        }
    }

    #[test]
    fn contributions_are_those_of_powers_of_two() {
        for count in 0..30 {
            let expected = 1.5 * (2.0 - 2f32.powi(1 - count.min(20) as i32));
            assert_eq!(contribution(1.5, count).to_bits(), expected.to_bits(), "{count}");
        }
    }

    #[test]
    fn repetition_saturates() {
        assert_eq!(contribution(1.0, 1), 1.0);
        assert_eq!(contribution(1.0, 2), 1.5);
        assert!(contribution(1.0, 1000) < 2.0);
    }

    #[test]
    fn sentences_end_at_marks_and_blank_lines() {
        let text = "One ends. \"Two ends.\" Three\n\nFour\nends";
        let mut cursor = SentenceCursor::new(text);
        let mut at = |w: &str| {
            let s = text.find(w).unwrap();
            cursor.around(Span::new(s, s + w.len())).slice(text).trim()
        };
        assert_eq!(at("One"), "One ends.");
        assert_eq!(at("Two"), "\"Two ends.\"");
        assert_eq!(at("Three"), "Three");
        assert_eq!(at("Four"), "Four\nends");
        // In any order.
        assert_eq!(at("One"), "One ends.");
    }
}
