//! The facade end to end: cleaning, then sentences, with every span mapped
//! back to the input.

use lede::clean::{Cleaner, Family};
use lede::text::{sentences, words, Span};
use lede::{Analysis, SpeakerKind, SpeakerRecord};

const SCRAPED: &str = "Share this article\n\n\
GENEVA (Wire) - Negotiators from both sides met for six hours on Tuesday, \
the U.N. envoy said.\n\n\
ADVERTISEMENT\n\n\
\"We made progress. Not enough,\" Lt. Col. Ana Ruiz told reporters at 7 p.m.\n\n\
GENEVA (Wire) - Negotiators from both sides met for six hours on Tuesday, \
the U.N. envoy said.\n\n\
Reporting by Tom Reed; Editing by Ana Lima";

/// The speakers of an analysis's quotes, in order (quotes without one left
/// out).
fn speakers_of(analysis: &Analysis) -> impl Iterator<Item = &SpeakerRecord> {
    analysis.quotes.iter().filter_map(|q| q.speaker.as_ref())
}

/// Each speaker's name and entity id, in order.
fn names_and_entities(analysis: &Analysis) -> Vec<(&str, Option<&str>)> {
    speakers_of(analysis)
        .map(|s| (s.name.as_str(), s.entity.as_deref()))
        .collect()
}

#[test]
fn clean_then_split_maps_every_sentence_back() {
    let cleaned = Cleaner::default().clean(SCRAPED);
    let found: Vec<Span> = sentences(&cleaned.text).collect();
    let texts: Vec<&str> = found.iter().map(|s| s.slice(&cleaned.text)).collect();
    assert_eq!(
        texts,
        [
            "GENEVA (Wire) - Negotiators from both sides met for six hours on Tuesday, the U.N. envoy said.",
            "\"We made progress.",
            "Not enough,\" Lt. Col. Ana Ruiz told reporters at 7 p.m.",
        ]
    );
    for sentence in found {
        let original = cleaned.original_span(sentence);
        assert_eq!(&SCRAPED[original.range()], sentence.slice(&cleaned.text));
    }
    let families: Vec<Family> = cleaned.removed.iter().map(|r| r.family).collect();
    assert_eq!(
        families,
        [Family::Share, Family::Advertising, Family::Duplicate, Family::Credit]
    );
}

#[test]
fn words_of_a_mapped_sentence_point_into_the_input() {
    let raw = "Advertisement\n\nKyiv&#8217;s mayor spoke.";
    let cleaned = Cleaner::default().clean(raw);
    let mayor = words(&cleaned.text)
        .find(|w| w.slice(&cleaned.text) == "mayor")
        .unwrap();
    assert_eq!(&raw[cleaned.original_span(mayor).range()], "mayor");
}

/// A leaders'-call report written for lede, with boilerplate and an HTML
/// entity before the names so that clean and original offsets differ.
const CALL: &str = "Share this article\n\n\
Russian President Vladimir Putin spoke to U.S. President Donald Trump on Tuesday, \
Kremlin aide Pavel Orekhov told reporters in Moscow.\n\n\
Advertisement\n\n\
&#8220;The conversation was frank,&#8221; Orekhov said. He added that NATO was discussed.\n\n\
Read also| Quad Slams Moves in South China Sea";

#[test]
fn entities_point_into_the_input_and_skip_boilerplate() {
    let analysis = lede::Pipeline::default().analyze(CALL);
    let ids: Vec<&str> = analysis.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "country:RUS",
            "Q7747",
            "country:USA",
            "Q22686",
            "gov:kremlin",
            "local:pavel-orekhov",
            "city:moscow",
            "Q7184"
        ]
    );
    for entity in &analysis.entities {
        for mention in &entity.mentions {
            assert_eq!(&CALL[mention.span.range()], mention.text, "{}", entity.id);
        }
    }
    let orekhov = &analysis.entities[5];
    assert_eq!(
        (orekhov.name.as_str(), orekhov.kind),
        ("Pavel Orekhov", lede::EntityKind::Person)
    );
    let texts: Vec<&str> = orekhov.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Pavel Orekhov", "Orekhov"]);
    // The teaser is boilerplate: its South China Sea is not an entity.
    assert!(!analysis.entities.iter().any(|e| e.name == "South China Sea"));
}

#[test]
fn speakers_take_ids_names_and_roles_from_the_gazetteer() {
    let text = "Putin spoke first. \"We are ready,\" Putin said.\n\n\
                \"We will see,\" said Lt. Col. Ana Ruiz.";
    let analysis = lede::Pipeline::default().analyze(text);
    let putin = analysis.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(putin.mention, "Putin");
    // The fullest name is the gazetteer's, the role too since the article
    // gives none.
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!(putin.entity.as_deref(), Some("Q7747"));
    assert_eq!(putin.role.as_deref(), Some("President of Russia"));
    // A person the gazetteer does not know has the document-local id of
    // the entity the article introduces.
    let ruiz = analysis.quotes[1].speaker.as_ref().unwrap();
    assert_eq!(
        (ruiz.name.as_str(), ruiz.entity.as_deref()),
        ("Ana Ruiz", Some("local:ana-ruiz"))
    );
    assert!(analysis.entities.iter().any(|e| e.id == "local:ana-ruiz"));

    let text = "The Kremlin said the talks were useful. \"We are ready,\" the Russian president told \
                reporters. Moscow said it would respond. Russia's foreign ministry said it was not consulted.";
    let analysis = lede::Pipeline::default().analyze(text);
    let speakers = names_and_entities(&analysis);
    assert_eq!(
        speakers,
        [
            ("Kremlin", Some("gov:kremlin")),
            ("Vladimir Putin", Some("Q7747")),
            ("Moscow", Some("city:moscow")),
            // The ministry is not Russia itself.
            ("Russia's foreign ministry", None)
        ]
    );
}

#[test]
fn places_and_bodies_that_speak_are_organisations_with_their_entity() {
    let text = "\"We reject the ultimatum,\" Moscow said on Tuesday. The Kremlin said talks were over.\n\n\
                Russian officials said the convoy would pass.";
    let analysis = lede::Pipeline::default().analyze(text);
    let speakers: Vec<(&str, Option<&str>, SpeakerKind)> = speakers_of(&analysis)
        .map(|s| (s.mention.as_str(), s.entity.as_deref(), s.kind))
        .collect();
    assert_eq!(
        speakers,
        [
            ("Moscow", Some("city:moscow"), SpeakerKind::Organization),
            ("The Kremlin", Some("gov:kremlin"), SpeakerKind::Organization),
            // The officials are Russian, not Russia.
            ("Russian officials", None, SpeakerKind::Nominal),
        ]
    );
}

#[test]
fn a_pronoun_refers_to_a_person_not_to_a_country_that_spoke() {
    let text = "Foreign Minister Lena Petrova arrived in Geneva on Monday. \
                France said it would veto the draft. She said talks would go on all week.";
    let analysis = lede::Pipeline::default().analyze(text);
    let speakers: Vec<(&str, &str, SpeakerKind)> = speakers_of(&analysis)
        .map(|s| (s.mention.as_str(), s.name.as_str(), s.kind))
        .collect();
    assert_eq!(
        speakers,
        [
            ("France", "France", SpeakerKind::Organization),
            ("She", "Lena Petrova", SpeakerKind::Pronoun),
        ]
    );
}

#[test]
fn a_place_after_of_in_a_speaker_is_not_the_speaker() {
    let text = "The Bank of France said inflation would ease next year. \
                The Communications Workers of America said the strike would go on.";
    let analysis = lede::Pipeline::default().analyze(text);
    let speakers: Vec<(&str, Option<&str>, SpeakerKind)> = speakers_of(&analysis)
        .map(|s| (s.name.as_str(), s.entity.as_deref(), s.kind))
        .collect();
    assert_eq!(speakers[0], ("Bank of France", None, SpeakerKind::Organization));
    assert_eq!(speakers[1].1, None, "{speakers:?}");
}

#[test]
fn a_speaker_is_its_head_not_a_name_in_its_description() {
    // Each speaker's apposition or relative clause ends in, or holds,
    // another known entity; the speaker is the words before it.
    let text = "\"We will not accept this,\" said the Kremlin, which has held talks with NATO since May.\n\n\
                The ministry, an arm of the European Commission, said the rules would change.\n\n\
                \"Talks will go on,\" said Daniel Okafor, a spokesman for Vladimir Putin.\n\n\
                \"The strike is over,\" said Priya Raman, who chairs the union's Berlin branch and \
                has advised Olaf Scholz.";
    let analysis = lede::Pipeline::default().analyze(text);
    let speakers = names_and_entities(&analysis);
    assert_eq!(
        speakers,
        [
            ("Kremlin", Some("gov:kremlin")),
            ("The ministry, an arm of the European Commission", None),
            ("Daniel Okafor", None),
            ("Priya Raman", None),
        ]
    );
}

#[test]
fn it_and_they_stand_for_a_body_and_a_group_not_for_a_name_inside() {
    // "It" as a speaker refers back to a body: its entity is the body's,
    // and a person named inside the body's name is not linked. "They"
    // refers to a group, which is no entity.
    let text = "The Macron campaign is braced for a runoff. It said turnout would fall.\n\n\
                Vladimir Putin met envoys on Monday. The Kremlin said the talks were useful. \
                It added that a summit was possible.\n\n\
                When members of Congress returned, they said the bill was dead.";
    let analysis = lede::Pipeline::default().analyze(text);
    let speakers = names_and_entities(&analysis);
    assert_eq!(
        speakers,
        [
            ("The Macron campaign", None),
            ("Kremlin", Some("gov:kremlin")),
            ("Kremlin", Some("gov:kremlin")),
            ("members of Congress", None),
        ]
    );
}

#[test]
fn a_user_gazetteer_replaces_the_default() {
    let gazetteer = lede::Gazetteer::builder()
        .add_tsv(
            "valdoria.tsv",
            "person:ana-ruiz\tperson\tAna Ruiz\tsurname:Ruiz\trole=Foreign Minister of Valdoria",
        )
        .and_then(|b| b.build())
        .unwrap();
    let pipeline = lede::Pipeline::builder().gazetteer(gazetteer).build().unwrap();
    let text = "\"No,\" Ruiz said in Moscow.";
    let analysis = pipeline.analyze(text);
    let ids: Vec<&str> = analysis.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["person:ana-ruiz"]);
    let speaker = analysis.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.role.as_deref(), Some("Foreign Minister of Valdoria"));
}

#[test]
fn topics_and_claims_point_into_the_input() {
    use lede::{ClaimKind, Pipeline, Taxonomy};

    let raw = "Share this article\n\n\
               MOSCOW (Wire) - Russian drones struck Kyiv overnight as envoys prepared a prisoner swap.\n\n\
               Read also: Ten recipes for a summer picnic\n\n\
               \u{201C}We will not accept new sanctions,\u{201D} Kremlin adviser Yuri Ushakov said.";
    let analysis = Pipeline::builder().explain_topics(true).build().unwrap().analyze(raw);
    let ids: Vec<&str> = analysis.topics.iter().map(|t| t.id.as_str()).collect();
    assert!(
        ids.contains(&"conflict.ukraine") && ids.contains(&"conflict.prisoner_exchange"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"lifestyle"),
        "the removed teaser is no evidence: {ids:?}"
    );
    for topic in &analysis.topics {
        for e in &topic.evidence {
            assert_eq!(&raw[e.span.range()], e.text);
        }
        assert!(!topic.reasons.is_empty());
    }
    // Without explanations, the same topics and no reasons.
    let plain = Pipeline::default().analyze(raw);
    assert!(plain.topics.iter().all(|t| t.reasons.is_empty()));
    let plain_ids: Vec<&str> = plain.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(plain_ids, ids);
    let claim = analysis.claims.iter().find(|c| c.kind == ClaimKind::Direct).unwrap();
    assert_eq!(claim.text, "We will not accept new sanctions,");
    assert_eq!(claim.claimant.as_deref(), Some("Yuri Ushakov"));
    assert!(
        claim.topics.contains(&"politics.sanctions".to_string()),
        "{:?}",
        claim.topics
    );
    assert_eq!(&raw[claim.span.range()], claim.text);

    // A pipeline with its own taxonomy reports only its topics.
    let taxonomy = Taxonomy::from_toml(
        "[[topic]]\nid = \"swaps\"\nlabel = \"Swaps\"\nstrong = [\"prisoner swap\"]\n",
        "t",
    )
    .unwrap();
    let pipeline = Pipeline::builder().taxonomy(taxonomy).build().unwrap();
    let ids: Vec<String> = pipeline.analyze(raw).topics.into_iter().map(|t| t.id).collect();
    assert_eq!(ids, ["swaps"]);
}
