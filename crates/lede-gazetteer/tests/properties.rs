//! Properties of `Gazetteer::find` on any input: it never panics, every
//! span it reports (mentions, rejections, hints) lies on char boundaries of
//! the text and slices exactly the mention's text, mentions come in
//! document order, and every mention's referent has an id and a name.

use lede_gazetteer::{DocEntities, Gazetteer};
use lede_text::Span;
use proptest::prelude::*;

fn check(text: &str, found: &DocEntities) -> Result<(), String> {
    let valid =
        |span: Span| text.is_char_boundary(span.start) && text.is_char_boundary(span.end) && span.end <= text.len();
    let mut last = Span::new(0, 0);
    for m in found.mentions() {
        if !valid(m.span) || m.span.is_empty() {
            return Err(format!("mention {m:?} is not a valid span"));
        }
        if m.span < last {
            return Err(format!("mention {m:?} comes before {last:?}"));
        }
        last = m.span;
        if &text[m.span.range()] != m.text(text) {
            return Err(format!("mention {m:?} does not slice its text"));
        }
        if found.id(m).is_empty() || found.name(m.referent).is_empty() {
            return Err(format!("mention {m:?} has no id or name"));
        }
    }
    for r in found.rejected() {
        if !valid(r.span) {
            return Err(format!("rejection {r:?} is not a valid span"));
        }
    }
    for (hint, m) in found.hints().iter().zip(found.mentions()) {
        if hint.span != m.span || hint.id != Some(found.id(m)) {
            return Err(format!("hint {hint:?} differs from its mention {m:?}"));
        }
    }
    for e in found.entities() {
        if e.mentions.is_empty() {
            return Err(format!("entity {} has no mention", e.id));
        }
    }
    Ok(())
}

/// Words the default gazetteer knows, role words, joiners and tricky
/// characters, so that generated texts exercise every rule.
const PIECES: &[&str] = &[
    "Russia",
    "Russian",
    "Russians",
    "RUSSIA",
    "Putin",
    "Vladimir Putin",
    "Trump",
    "card",
    "US",
    "us",
    "U.S.",
    "UN",
    "Security Council",
    "Kremlin",
    "adviser",
    "Minister",
    "Mr.",
    "Yuri",
    "Ushakov",
    "Georgia",
    "Tbilisi",
    "Jordan",
    "May",
    "in",
    "Chad",
    "Turkey",
    "'s",
    "\u{2019}s",
    "-",
    "pro-",
    "Kyiv",
    "Moscow",
    "the",
    "said",
    ".",
    ",",
    " ",
    "\n",
    "\u{a0}",
    "É",
    "Élysée",
    "Erdoğan",
    "🙂",
    "ß",
    "İ",
    "the Russian president",
    "Britain's prime minister",
    "von der Leyen",
    "Ursula",
    "al-Qaeda",
    "WHO",
    "IS",
    "Reform",
    "Labour",
    "Farage",
];

fn assembled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| {
        let mut text = String::new();
        for (i, piece) in pieces.iter().enumerate() {
            if i % 3 != 0 {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(text in any::<String>()) {
        let gazetteer = Gazetteer::default();
        let found = gazetteer.find(&text);
        prop_assert!(check(&text, &found).is_ok(), "{:?}", check(&text, &found));
    }

    #[test]
    fn news_like_strings(text in assembled()) {
        let gazetteer = Gazetteer::default();
        let found = gazetteer.find(&text);
        prop_assert!(check(&text, &found).is_ok(), "{:?}", check(&text, &found));
    }
}

#[test]
fn a_long_line_of_one_name_stays_linear() {
    // Surname linking and the all-caps check must not turn quadratic on a
    // pathological document.
    let text = "Kremlin aide Anna Petrova spoke. Petrova said the US agreed. ".repeat(10_000);
    let gazetteer = Gazetteer::default();
    let started = std::time::Instant::now();
    let found = gazetteer.find(&text);
    assert_eq!(found.mentions().len(), 40_000);
    assert_eq!(found.people().len(), 1);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

/// A distinct two-word name for `i`: "Kbaa Kmbb", ...
fn distinct_name(i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let word = |mut k: usize| {
        let mut w = String::from("K");
        for _ in 0..3 {
            w.push(char::from(LETTERS[k % 26]));
            k /= 26;
        }
        w
    };
    format!("{} {}", word(i), word(i + 5_000))
}

#[test]
fn many_people_with_their_surnames_stay_linear() {
    // Each surname used to be looked for at every capitalised word, and
    // checked against every other surname: time grew with people times
    // words. Sixteen times the people must take about sixteen times as long.
    let gazetteer = Gazetteer::default();
    let build = |n: usize| -> String {
        (0..n)
            .map(|i| {
                let name = distinct_name(i);
                let surname = &name[name.find(' ').unwrap_or_default() + 1..];
                format!("Minister {name} arrived. {surname} said talks went well. ")
            })
            .collect()
    };
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let started = std::time::Instant::now();
                std::hint::black_box(gazetteer.find(text));
                started.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let (small, large) = (build(250), build(4_000));
    let found = gazetteer.find(&small);
    assert_eq!(found.people().len(), 250);
    // Each surname is linked to its person.
    assert_eq!(found.mentions().len(), 500, "{:?}", &found.mentions()[..4]);
    let t_small = time(&small).max(std::time::Duration::from_micros(200));
    let t_large = time(&large);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    assert!(
        ratio < 64.0,
        "{t_small:?} then {t_large:?} (ratio {ratio:.1}; linear is 16)"
    );
}
