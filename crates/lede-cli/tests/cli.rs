//! The `lede` program end to end: files, standard input, JSON Lines, offsets
//! and every kind of bad input.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = "KYIV (Wire) - Ukraine's foreign minister met his U.S. counterpart on Monday. \
\"We discussed air defence. Nothing is settled,\" he told reporters.\n\nAdvertisement\n\n\
The talks resume at 9 a.m. Tuesday in Geneva.";

/// A file under this test binary's scratch directory.
fn scratch(name: &str, contents: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lede-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

fn lede(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A usage error exits before reading its input: the pipe may be closed.
    if let Err(error) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().unwrap()
}

fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The texts of a sentences record, checked against its offsets into `text`
/// counted in bytes or chars.
fn sentence_texts(record: &serde_json::Value, text: &str, chars: bool) -> Vec<String> {
    located_texts(&record["sentences"], text, chars)
}

/// The texts of a list of `{"text", "start", "end"}` objects, checked
/// against their offsets into `text` counted in bytes or chars.
fn located_texts(items: &serde_json::Value, text: &str, chars: bool) -> Vec<String> {
    let index: Vec<usize> = if chars {
        text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
    } else {
        (0..=text.len()).collect()
    };
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let sliced = &text[index[start]..index[end]];
            assert_eq!(
                s["text"], sliced,
                "offsets {start}..{end} do not slice the reported text"
            );
            sliced.to_string()
        })
        .collect()
}

#[test]
fn sentences_of_a_file() {
    let path = scratch("article.txt", ARTICLE.as_bytes());
    let output = lede(&["sentences", &path], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let docs = records(&output);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], path.as_str());
    assert_eq!(
        sentence_texts(&docs[0], ARTICLE, false),
        [
            "KYIV (Wire) - Ukraine's foreign minister met his U.S. counterpart on Monday.",
            "\"We discussed air defence.",
            "Nothing is settled,\" he told reporters.",
            "Advertisement",
            "The talks resume at 9 a.m. Tuesday in Geneva.",
        ]
    );
}

#[test]
fn standard_input_and_dash_are_the_same_document() {
    for args in [&["sentences"][..], &["sentences", "-"]] {
        let output = lede(args, ARTICLE.as_bytes());
        assert!(output.status.success());
        let docs = records(&output);
        assert_eq!(docs[0]["id"], "-");
        assert_eq!(sentence_texts(&docs[0], ARTICLE, false).len(), 5);
    }
}

#[test]
fn jsonl_records_in_order_with_char_offsets() {
    let first = "«Мы готовы», — сказал Ушаков. Переговоры продолжатся.";
    let second = "Prime Minister Narendra Modi arrived at 10:30 a.m. He spoke for 12.5 minutes.";
    let input = format!(
        "{}\n\n{}\n",
        serde_json::json!({"id": "ru-1", "text": first, "source": "wire"}),
        serde_json::json!({"id": 2, "text": second})
    );
    for (unit, chars) in [("chars", true), ("bytes", false)] {
        let output = lede(&["sentences", "--jsonl", "--offsets", unit], input.as_bytes());
        assert!(output.status.success(), "{}", stderr(&output));
        let docs = records(&output);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0]["id"], "ru-1");
        assert_eq!(docs[1]["id"], "2");
        assert_eq!(sentence_texts(&docs[0], first, chars).len(), 2);
        assert_eq!(
            sentence_texts(&docs[1], second, chars),
            [
                "Prime Minister Narendra Modi arrived at 10:30 a.m.",
                "He spoke for 12.5 minutes."
            ]
        );
    }
}

#[test]
fn a_malformed_record_stops_the_run_after_what_came_before() {
    let input = "{\"id\": \"a\", \"text\": \"The vote passed.\"}\n{\"id\": \"b\", \"text\": \"unterminated}\n{\"id\": \"c\", \"text\": \"Later.\"}\n";
    let output = lede(&["sentences", "--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let docs = records(&output);
    assert_eq!(docs.len(), 1, "the good record before the bad line is written");
    assert_eq!(docs[0]["id"], "a");
    let message = stderr(&output);
    assert!(
        message.starts_with("lede: -:2: malformed JSON Lines record"),
        "{message}"
    );

    let output = lede(&["sentences", "--jsonl", "--skip-invalid"], input.as_bytes());
    assert_eq!(output.status.code(), Some(3));
    let ids: Vec<_> = records(&output).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["a", "c"]);
    let message = stderr(&output);
    assert!(
        message.contains("-:2: malformed") && message.contains("(skipped)"),
        "{message}"
    );
}

#[test]
fn invalid_utf8_names_the_file_and_byte_or_is_replaced() {
    let mut bytes = b"The minister said the deal was ".to_vec();
    let bad = bytes.len();
    bytes.extend_from_slice(b"\xe9t\xe9 signed. It takes effect in May.");
    let bad_file = scratch("latin1.txt", &bytes);
    let good_file = scratch("good.txt", b"Talks ended. Nothing was agreed.");

    let output = lede(&["sentences", &good_file, &bad_file, &good_file], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(records(&output).len(), 1, "the first file's result is kept");
    let message = stderr(&output);
    assert!(
        message.contains(&format!("{bad_file}: invalid UTF-8 at byte {bad}")),
        "{message}"
    );

    let output = lede(&["sentences", "--skip-invalid", &good_file, &bad_file, &good_file], b"");
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(records(&output).len(), 2);

    let output = lede(&["sentences", "--lossy", &bad_file], b"");
    assert!(output.status.success());
    let docs = records(&output);
    let texts: Vec<&str> = docs[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "The minister said the deal was \u{FFFD}t\u{FFFD} signed.",
            "It takes effect in May."
        ]
    );
}

#[test]
fn a_missing_file_is_an_error_that_names_it() {
    let output = lede(&["sentences", "/nonexistent/wire.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("lede: /nonexistent/wire.txt: cannot read"));
}

#[test]
fn usage_errors_exit_2_and_help_documents_exit_codes() {
    assert_eq!(lede(&["sentences", "--offsets", "words"], b"").status.code(), Some(2));
    assert_eq!(lede(&["clean", "--keep", "weather"], b"").status.code(), Some(2));
    assert_eq!(lede(&["clean", "--regex", "(unclosed"], b"").status.code(), Some(2));
    let help = String::from_utf8(lede(&["sentences", "--help"], b"").stdout).unwrap();
    assert!(
        help.contains("Exit codes:") && help.contains("--skip-invalid"),
        "{help}"
    );
}

#[test]
fn clean_text_and_jsonl_with_explanations() {
    let output = lede(&["clean", "--explain"], ARTICLE.as_bytes());
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(!text.contains("Advertisement"));
    assert!(text.starts_with("KYIV (Wire) - Ukraine's") && text.ends_with("in Geneva.\n"));
    let start = ARTICLE.find("Advertisement").unwrap();
    let expected = format!("-: line 3, {start}..{}: advertising: \"Advertisement\"\n", start + 13);
    assert_eq!(stderr(&output), expected);

    let input = format!("{}\n", serde_json::json!({"id": "x", "text": ARTICLE}));
    let output = lede(&["clean", "--jsonl", "--keep", "advertising"], input.as_bytes());
    let docs = records(&output);
    assert_eq!(docs[0]["id"], "x");
    assert!(docs[0]["text"].as_str().unwrap().contains("\n\nAdvertisement\n\n"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let line = format!("{}\n", serde_json::json!({"id": "x", "text": ARTICLE}));
    let input = line.repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["sentences", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

/// The mentions of an analyze record's entity, checked against their
/// offsets into `text` counted in chars.
fn entity_mentions(entity: &serde_json::Value, text: &str) -> Vec<String> {
    located_texts(&entity["mentions"], text, true)
}

#[test]
fn analyze_reports_entities_with_char_offsets() {
    let output = lede(&["analyze", "--offsets", "chars"], ARTICLE.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    let doc = &records(&output)[0];
    let entities = doc["entities"].as_array().unwrap();
    let ids: Vec<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    // "Ukraine's foreign minister" names the office holder.
    assert_eq!(ids, ["city:kyiv", "country:UKR", "person:andrii-sybiha", "country:USA"]);
    assert_eq!(entities[1]["type"], "country");
    assert_eq!(entities[1]["name"], "Ukraine");
    assert_eq!(entity_mentions(&entities[1], ARTICLE), ["Ukraine"]);
    assert_eq!(entity_mentions(&entities[2], ARTICLE), ["Ukraine's foreign minister"]);
    assert_eq!(entities[2]["type"], "person");
    assert_eq!(entity_mentions(&entities[0], ARTICLE), ["KYIV"]);
}

#[test]
fn analyze_with_a_user_gazetteer_merged_or_alone() {
    let tsv = "# newsroom list\nperson:ana-ruiz\tperson\tAna Ruiz\tsurname:Ruiz\trole=Foreign Minister of Valdoria\n";
    let path = scratch("newsroom.tsv", tsv.as_bytes());
    let text = "\"We will not sign,\" Ruiz said in Kyiv.";
    let ids = |args: &[&str]| -> Vec<String> {
        let output = lede(args, text.as_bytes());
        assert!(output.status.success(), "{}", stderr(&output));
        let doc = &records(&output)[0];
        let speaker = &doc["quotes"][0]["speaker"];
        assert_eq!(speaker["entity"], "person:ana-ruiz");
        assert_eq!(speaker["role"], "Foreign Minister of Valdoria");
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&["analyze", "--gazetteer", &path]),
        ["person:ana-ruiz", "city:kyiv"]
    );
    assert_eq!(
        ids(&["analyze", "--gazetteer", &path, "--no-default-gazetteer"]),
        ["person:ana-ruiz"]
    );
    let json = r#"[{"id": "person:ana-ruiz", "type": "person", "name": "Ana Ruiz", "aliases": ["surname:Ruiz"],
                    "attributes": {"role": "Foreign Minister of Valdoria"}}]"#;
    let json_path = scratch("newsroom.json", json.as_bytes());
    assert_eq!(
        ids(&["analyze", "--gazetteer", &json_path, "--no-default-gazetteer"]),
        ["person:ana-ruiz"]
    );
}

#[test]
fn a_bad_gazetteer_file_is_a_usage_error_naming_file_line_and_field() {
    let path = scratch("bad.tsv", b"org:a\torganization\tAcme\n\norg:b\tplanet\tMars\n");
    let output = lede(&["analyze", "--gazetteer", &path], b"text");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output),
        format!("lede: {path}:3: field `type`: unknown type `planet`; the types are person, country, city, location, organization, government_body, event, other\n")
    );
    let clash = scratch("clash.tsv", b"Q7747\tperson\tV. Putin\n");
    let output = lede(&["analyze", "--gazetteer", &clash], b"text");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("duplicate id `Q7747`, first defined at <default>:"),
        "{}",
        stderr(&output)
    );
    let output = lede(&["analyze", "--gazetteer", "missing.json"], b"text");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("lede: missing.json: cannot read"),
        "{}",
        stderr(&output)
    );
}

/// The topic ids of the first record, best first.
fn topic_ids(output: &Output) -> Vec<String> {
    records(output)[0]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

/// Checks that every evidence span of every topic slices its text out of
/// `text`, with offsets in bytes.
fn evidence_slices(record: &serde_json::Value, text: &str) -> Vec<String> {
    let mut all = Vec::new();
    for topic in record["topics"].as_array().unwrap() {
        for e in topic["evidence"].as_array().unwrap() {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(e["text"], &text[start..end]);
            all.push(text[start..end].to_string());
        }
    }
    all
}

#[test]
fn analyze_reports_topics_and_claims_with_offsets_into_the_input() {
    let text = "KYIV (Wire) - Russia and Ukraine exchanged 120 prisoners of war on Friday.\n\n\
                Advertisement\n\n\
                \"We will keep sending air defence systems,\" the defence minister said.\n\n\
                Grain exports fell 30 percent last year because of the blockade.";
    let path = scratch("swap.txt", text.as_bytes());
    let output = lede(&["analyze", &path], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let record = &records(&output)[0];
    let ids: Vec<&str> = record["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "conflict", "{ids:?}");
    assert!(ids.contains(&"conflict.prisoner_exchange"), "{ids:?}");
    let evidence = evidence_slices(record, text);
    assert!(evidence.iter().any(|e| e == "prisoners of war"), "{evidence:?}");
    assert!(!evidence.iter().any(|e| e.contains("Advertisement")));
    let claims = record["claims"].as_array().unwrap();
    let quote = claims
        .iter()
        .find(|c| c["kind"] == "direct")
        .expect("the quote is a claim");
    assert_eq!(quote["text"], "We will keep sending air defence systems,");
    assert!(
        quote["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "conflict.military_aid"),
        "{quote}"
    );
    let reported = claims
        .iter()
        .find(|c| c["kind"] == "reported")
        .expect("a reported claim");
    assert!(reported["claimant"].is_null());
    assert!(reported["text"]
        .as_str()
        .unwrap()
        .starts_with("Grain exports fell 30 percent"));
    let features: Vec<&str> = reported["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        features.contains(&"number") && features.contains(&"causal"),
        "{features:?}"
    );
    for claim in claims {
        let (start, end) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(claim["text"], &text[start..end]);
    }
}

#[test]
fn a_user_taxonomy_is_merged_or_replaces_the_default_and_explained() {
    let mine = scratch(
        "mine.toml",
        b"[[topic]]\nid = \"grain\"\nlabel = \"Grain trade\"\nparent = \"economy\"\nstrong = [\"grain\", \"wheat\"]\n",
    );
    let text = b"Wheat and grain shipments resumed from the port as tariffs eased.";
    let merged = lede(&["analyze", "--taxonomy", &mine, "--explain-topics"], text);
    assert!(merged.status.success(), "{}", stderr(&merged));
    let ids: Vec<String> = topic_ids(&merged);
    assert!(
        ids.contains(&"grain".to_string()) && ids.contains(&"economy".to_string()),
        "{ids:?}"
    );
    let log = stderr(&merged);
    assert!(log.contains("-: topic grain (Grain trade) score 2.00"), "{log}");
    assert!(log.contains("\"wheat\" x1 weight 1"), "{log}");

    // `parent = "economy"` needs the default taxonomy.
    // (No standard input: the program stops before reading it.)
    let alone = lede(&["analyze", "--taxonomy", &mine, "--no-default-taxonomy"], b"");
    assert_eq!(alone.status.code(), Some(2));
    assert!(
        stderr(&alone).contains("mine.toml, line 1, field `parent`"),
        "{}",
        stderr(&alone)
    );

    let own = scratch(
        "own.toml",
        b"[[topic]]\nid = \"grain\"\nlabel = \"Grain trade\"\nstrong = [\"grain\", \"wheat\"]\n",
    );
    let replaced = lede(&["analyze", "--taxonomy", &own, "--no-default-taxonomy"], text);
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    let ids: Vec<String> = topic_ids(&replaced);
    assert_eq!(ids, ["grain"]);

    let broken = scratch(
        "broken.toml",
        b"[[topic]]\nid = \"x\"\nlabel = \"X\"\nstrong = [\"ok\",\n  \"*bad\"]\n",
    );
    let failed = lede(&["analyze", "--taxonomy", &broken], b"");
    assert_eq!(failed.status.code(), Some(2));
    assert!(
        stderr(&failed).contains("broken.toml, line 5, field `strong`"),
        "{}",
        stderr(&failed)
    );
}

/// A JSON Lines corpus of `n` records written for lede, with a malformed
/// line after record `bad_after`.
fn corpus(n: usize, bad_after: usize) -> String {
    let mut lines = String::new();
    for i in 0..n {
        let text = format!(
            "\"Talks will resume in round {i},\" Foreign Minister Ana Ruiz said in Kyiv. \
             She added that the ceasefire held."
        );
        lines.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string());
        lines.push('\n');
        if i == bad_after {
            lines.push_str("{\"id\": \"broken\", \"text\": \n");
        }
    }
    lines
}

#[test]
fn parallel_jobs_keep_input_order_and_bad_line_handling() {
    // More records than one batch holds, so the order survives batching.
    let input = corpus(300, 150);
    let one = lede(
        &["analyze", "--jsonl", "--skip-invalid", "--jobs", "1"],
        input.as_bytes(),
    );
    let two = lede(
        &["analyze", "--jsonl", "--skip-invalid", "--jobs", "2"],
        input.as_bytes(),
    );
    assert_eq!(one.status.code(), Some(3), "{}", stderr(&one));
    assert_eq!(two.status.code(), Some(3), "{}", stderr(&two));
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(stderr(&one), stderr(&two));
    let ids: Vec<String> = records(&two)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, expected);
    assert!(stderr(&two).contains(":152:"), "{}", stderr(&two));
    // Without --skip-invalid the run stops after everything before the bad
    // line, whatever the number of jobs.
    let stopped = lede(&["analyze", "--jsonl", "--jobs", "2"], input.as_bytes());
    assert_eq!(stopped.status.code(), Some(1));
    assert_eq!(records(&stopped).len(), 151);
}

#[test]
fn zero_jobs_is_a_usage_error() {
    // The run stops before reading, so it is given no input.
    let output = lede(&["analyze", "--jobs", "0"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn records_with_other_field_names() {
    let input = "{\"url\": \"https://example.invalid/a\", \"body\": \"\\\"We are ready,\\\" Ana Ruiz said.\"}\n\
                 {\"url\": 7, \"headline\": \"no body\"}\n";
    let output = lede(
        &[
            "analyze",
            "--jsonl",
            "--id-field",
            "url",
            "--text-field",
            "body",
            "--skip-invalid",
        ],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let docs = records(&output);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "https://example.invalid/a");
    assert_eq!(docs[0]["quotes"][0]["speaker"]["name"], "Ana Ruiz");
    assert!(
        stderr(&output).contains("-:2: malformed JSON Lines record: missing field `body`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_directory_of_gzipped_json_lines_is_read_recursively_in_name_order() {
    use flate2::write::GzEncoder;
    use flate2::Compression;

    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lede-cli-corpus");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("2025/11")).unwrap();
    let gzip = |records: &str| {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(records.as_bytes()).unwrap();
        encoder.finish().unwrap()
    };
    let record = |id: &str| {
        format!(
            "{}\n",
            serde_json::json!({"id": id, "text": "\"We are ready,\" Ana Ruiz said."})
        )
    };
    std::fs::write(root.join("2025/11/b.jsonl.gz"), gzip(&record("b"))).unwrap();
    std::fs::write(root.join("2025/a.jsonl.gz"), gzip(&(record("a1") + &record("a2")))).unwrap();
    std::fs::write(root.join("2025/notes.txt"), b"not a corpus file").unwrap();
    let dir = root.to_string_lossy().into_owned();
    let output = lede(&["analyze", "--jsonl", "--glob", "*.jsonl.gz", &dir], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<String> = records(&output)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    // "2025/11/b..." sorts before "2025/a...".
    assert_eq!(ids, ["b", "a1", "a2"]);
    // A corrupt gzip file is a read error naming it.
    std::fs::write(root.join("2025/c.jsonl.gz"), b"not gzip").unwrap();
    let output = lede(&["analyze", "--jsonl", "--glob", "*.gz", "--skip-invalid", &dir], b"");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("c.jsonl.gz: cannot read"),
        "{}",
        stderr(&output)
    );
    assert_eq!(records(&output).len(), 3);
}

#[test]
fn no_progress_or_summary_when_standard_error_is_not_a_terminal() {
    for args in [&["analyze"][..], &["analyze", "--quiet"][..]] {
        let output = lede(args, ARTICLE.as_bytes());
        assert!(output.status.success());
        assert_eq!(stderr(&output), "", "{args:?}");
        assert_eq!(records(&output).len(), 1);
    }
}

#[test]
fn fields_select_the_sections_written_without_changing_them() {
    let all = lede(&["analyze"], ARTICLE.as_bytes());
    let all = &records(&all)[0];
    let some = lede(&["analyze", "--fields", "claims, quotes"], ARTICLE.as_bytes());
    assert!(some.status.success(), "{}", stderr(&some));
    let some = &records(&some)[0];
    // Keys come back sorted (serde_json's map without preserve_order).
    let keys: Vec<&str> = some.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["claims", "id", "quotes"]);
    assert_eq!(some["quotes"], all["quotes"]);
    assert_eq!(some["claims"], all["claims"]);
    assert!(!all["quotes"].as_array().unwrap().is_empty());

    let topics = lede(&["analyze", "--fields", "topics"], ARTICLE.as_bytes());
    assert_eq!(records(&topics)[0]["topics"], all["topics"]);
    assert!(records(&topics)[0].get("quotes").is_none());

    let bad = lede(&["analyze", "--fields", "quotes,mood"], ARTICLE.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown section `mood`"), "{}", stderr(&bad));
    assert!(bad.stdout.is_empty());
}
