//! The promise every whole-pipeline test checks: each span an [`Analysis`]
//! reports lies on char boundaries of the ORIGINAL input and slices to the
//! text the record claims. Shared by the property tests, the adversarial
//! tests and the fuzz targets (`fuzz/src/lib.rs` includes this file).

use lede::{Analysis, Span};

/// Checks one reported piece: a valid span of `input` whose text is `text`.
fn piece(input: &str, what: &str, span: Span, text: &str) -> Result<(), String> {
    if !span.is_valid_for(input) {
        return Err(format!("{what}: {span:?} is not a valid span of the input"));
    }
    if &input[span.range()] != text {
        return Err(format!(
            "{what}: {span:?} slices to {:?}, not {text:?}",
            &input[span.range()]
        ));
    }
    Ok(())
}

/// Every span of `analysis` against `input`, and check-worthiness in 0..=1.
pub fn check(input: &str, analysis: &Analysis) -> Result<(), String> {
    for (i, q) in analysis.quotes.iter().enumerate() {
        piece(input, &format!("quote {i}"), q.span, &q.text)?;
        for part in &q.parts {
            piece(input, &format!("quote {i} part"), part.span, &part.text)?;
        }
        if let Some(s) = &q.speaker {
            piece(input, &format!("quote {i} speaker"), s.span, &s.mention)?;
        }
        if let Some(c) = &q.cue {
            piece(input, &format!("quote {i} cue"), c.span, &c.text)?;
        }
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            piece(input, &format!("entity {}", e.id), m.span, &m.text)?;
        }
    }
    for t in &analysis.topics {
        for e in &t.evidence {
            piece(input, &format!("topic {} evidence", t.id), e.span, &e.text)?;
        }
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        piece(input, &format!("claim {i}"), c.span, &c.text)?;
        if !(0.0..=1.0).contains(&c.check_worthiness) {
            return Err(format!(
                "claim {i}: check-worthiness {} outside 0..=1",
                c.check_worthiness
            ));
        }
    }
    Ok(())
}
