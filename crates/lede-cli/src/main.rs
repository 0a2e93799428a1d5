//! `lede`: rule-based extraction for news text, from the command line.
//!
//! Every subcommand streams: it reads one document, writes its result and
//! moves on, so memory holds one document at a time and output appears as
//! the input is read. See `lede --help` and `lede COMMAND --help`.

mod commands;
mod input;
mod offsets;
mod progress;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use lede::clean::{Cleaner, Family};
use lede::{Gazetteer, Pipeline, Sections, Taxonomy};
use rayon::prelude::*;

use crate::commands::{Output, Task};
use crate::input::{Document, Fields, InputError, InputOptions, Inputs};
use crate::offsets::OffsetUnit;
use crate::progress::Progress;

const EXIT_CODES: &str = "\
Exit codes:
  0  every document was processed
  1  stopped at bad input (malformed JSON Lines record, invalid UTF-8,
     unreadable file) or a failed write; everything before it was written
  2  usage error (unknown option, bad value, invalid --regex, a --gazetteer
     or --taxonomy file that cannot be read or has an error)
  3  finished, but --skip-invalid skipped bad input (each reported on
     standard error)
  4  finished, but lede failed on some documents (a bug in lede: each is
     reported on standard error with its place, and left out)";

/// Rule-based extraction for news text: who said what, entities, topics and
/// claims, clean text and sentences, as JSON Lines whose offsets point into
/// the input you gave.
#[derive(Parser)]
#[command(name = "lede", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split each document into sentences.
    ///
    /// Writes one JSON line per document, in input order:
    /// {"id": "...", "sentences": [{"text": "...", "start": 0, "end": 0}]}.
    /// A plain-text document's id is its file name ("-" for standard input).
    #[command(after_help = EXIT_CODES)]
    Sentences(InputArgs),

    /// Remove boilerplate (ads, teasers, share prompts, bylines, repeated
    /// paragraphs, ...) and normalise the text.
    ///
    /// Plain-text input gives the clean text of each document followed by a
    /// newline; with --jsonl, one {"id": "...", "text": "..."} line each.
    #[command(after_help = EXIT_CODES)]
    Clean(CleanArgs),

    /// Who said what, the known people, places and organisations, the
    /// topics and the claims of each document.
    ///
    /// Writes one JSON line per document, in input order: {"id": "...",
    /// "quotes": [{"text", "start", "end", "kind", "speaker": {"name",
    /// "mention", "start", "end", "entity", "role", "kind"} or null, "cue":
    /// {"text", "start", "end"} or null, "confidence"}], "entities": [{"id",
    /// "name", "type", "mentions": [{"text", "start", "end"}]}], "topics",
    /// "claims"}. Offsets point into the input as given, boilerplate
    /// included; a quote's span covers the quoted words without the quote
    /// marks. A direct quote that its said-tag interrupts spans from the
    /// first quoted word to the last and lists its quoted pieces in
    /// "parts". Entity ids are Wikidata QIDs or readable ids
    /// ("country:RUS"); people the article introduces who are not in the
    /// gazetteer have "local:" ids.
    ///
    /// "topics": [{"id", "label", "parent", "iptc", "score", "evidence":
    /// [{"text", "start", "end"}]}], best first (a top-level subject has
    /// "parent": null), from the default taxonomy (IPTC subjects and
    /// international-news topics) or the one given with --taxonomy, and
    /// "claims": [{"text", "start", "end", "claimant", "kind", "topics",
    /// "check_worthiness", "features"}], every quote and the publisher's
    /// own check-worthy sentences ("claimant": null, "kind": "reported"),
    /// in document order.
    #[command(after_help = EXIT_CODES)]
    Analyze(AnalyzeArgs),
}

#[derive(Args)]
struct AnalyzeArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Also use the entities of this gazetteer file (repeatable): TSV
    /// (.tsv) or JSON (.json, .jsonl), as described in the lede-gazetteer
    /// README. An id or alias that clashes with another entry is an error.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<String>,

    /// Leave out the built-in gazetteer: only the --gazetteer files count.
    #[arg(long)]
    no_default_gazetteer: bool,

    /// Add the topics of this TOML taxonomy file (repeatable): a topic
    /// whose id is already defined is extended, others are added. See the
    /// lede-topics README for the format.
    #[arg(long, value_name = "FILE")]
    taxonomy: Vec<String>,

    /// Use only the --taxonomy files, without the default topics.
    #[arg(long, requires = "taxonomy")]
    no_default_taxonomy: bool,

    /// Print why each topic was reported on standard error: one line per
    /// topic (document, id, label, score), then one per trigger that fired
    /// (the trigger, its count and weight, and the child topic that lent
    /// it).
    #[arg(long)]
    explain_topics: bool,

    /// Write only these sections (comma-separated: quotes, entities,
    /// topics, claims; default: all). Stages that feed none of them are
    /// skipped, so `--fields quotes` is faster; a section's content does
    /// not depend on which others are written.
    #[arg(long, value_name = "LIST", default_value = "quotes,entities,topics,claims")]
    fields: Sections,
}

#[derive(Args)]
struct InputArgs {
    /// Input files, one document each (JSON Lines with --jsonl); "-" or
    /// none reads standard input. A directory stands for the files under
    /// it; files ending in .gz are decompressed.
    #[arg(value_name = "FILE")]
    files: Vec<String>,

    /// Each input line is a JSON record {"id": "...", "text": "..."}; other
    /// fields are ignored, blank lines skipped.
    #[arg(long)]
    jsonl: bool,

    /// Unit of reported offsets: UTF-8 bytes, or Unicode code points.
    #[arg(long, value_enum, default_value_t = OffsetUnit::Bytes, value_name = "UNIT")]
    offsets: OffsetUnit,

    /// Report bad input (a malformed record, invalid UTF-8, an unreadable
    /// file) on standard error and go on with the next document.
    #[arg(long)]
    skip_invalid: bool,

    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document
    /// (offsets then count the replaced text).
    #[arg(long)]
    lossy: bool,

    /// Which files of a directory FILE to read, by name: `*` stands for any
    /// run of characters, `?` for one ("*.jsonl.gz"). Directories are read
    /// recursively, in name order; without --glob every file is read.
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,

    /// With --jsonl: the field that holds a record's id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,

    /// With --jsonl: the field that holds a record's text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,

    /// No progress bar or summary line on standard error (they are shown
    /// only when it is a terminal).
    #[arg(long)]
    quiet: bool,

    /// Documents processed at once, one per thread (default: every core).
    /// Output keeps the input order whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Args)]
struct CleanArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Print each removal on standard error: where it was, its family and
    /// the text removed.
    #[arg(long)]
    explain: bool,

    /// Fold curly and angle quotes to ASCII " and '.
    #[arg(long)]
    fold_quotes: bool,

    /// Keep byline lines ("By Jane Smith") in the text.
    #[arg(long)]
    keep_bylines: bool,

    /// Also remove short paragraphs poor in function words (for whole-page
    /// text dumps; on extracted article text it removes real content).
    #[arg(long)]
    aggressive: bool,

    /// Do not remove this family of boilerplate (repeatable): advertising,
    /// related, media, share, subscription, photo, byline, credit, comments,
    /// legal, navigation, markup, duplicate.
    #[arg(long, value_name = "FAMILY", value_parser = parse_family)]
    keep: Vec<Family>,

    /// Also remove lines that consist of this phrase (repeatable).
    #[arg(long, value_name = "PHRASE")]
    phrase: Vec<String>,

    /// Also remove lines in which this regex matches (repeatable).
    #[arg(long, value_name = "REGEX")]
    regex: Vec<String>,
}

fn parse_family(name: &str) -> Result<Family, String> {
    Family::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Family::ALL.iter().map(|f| f.name()).collect();
        format!("unknown family {name:?}; the families are {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let built = match cli.command {
        Command::Sentences(input) => Ok((input, Task::Sentences)),
        Command::Analyze(args) => build_pipeline(&args).map(|pipeline| {
            let task = Task::Analyze {
                pipeline: Box::new(pipeline),
            };
            (args.input, task)
        }),
        Command::Clean(args) => build_cleaner(&args).map_err(|e| e.to_string()).map(|cleaner| {
            let task = Task::Clean {
                cleaner: Box::new(cleaner),
                explain: args.explain,
            };
            (args.input, task)
        }),
    };
    let (input, task) = match built {
        Ok(built) => built,
        Err(error) => {
            report(format_args!("{error}"));
            return ExitCode::from(2);
        }
    };
    run(input, &task)
}

/// The default pipeline, or one with the gazetteer and taxonomy the
/// options describe.
fn build_pipeline(args: &AnalyzeArgs) -> Result<Pipeline, String> {
    let mut builder = Pipeline::builder()
        .sections(args.fields)
        .explain_topics(args.explain_topics);
    if !args.gazetteer.is_empty() || args.no_default_gazetteer {
        let mut gazetteer = Gazetteer::builder();
        if !args.no_default_gazetteer {
            gazetteer = gazetteer.with_default();
        }
        for file in &args.gazetteer {
            gazetteer = gazetteer.load(file).map_err(|e| e.to_string())?;
        }
        builder = builder.gazetteer(gazetteer.build().map_err(|e| e.to_string())?);
    }
    if !args.taxonomy.is_empty() {
        let mut taxonomy = Taxonomy::builder();
        if !args.no_default_taxonomy {
            taxonomy = taxonomy.with_default();
        }
        for file in &args.taxonomy {
            taxonomy = taxonomy.load(file).map_err(|e| e.to_string())?;
        }
        builder = builder.taxonomy(taxonomy.build().map_err(|e| e.to_string())?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn build_cleaner(args: &CleanArgs) -> Result<Cleaner, lede::clean::CleanError> {
    let mut builder = Cleaner::builder()
        .fold_quotes(args.fold_quotes)
        .keep_bylines(args.keep_bylines)
        .aggressive(args.aggressive);
    for &family in &args.keep {
        builder = builder.family(family, false);
    }
    for phrase in &args.phrase {
        builder = builder.phrase(phrase);
    }
    for regex in &args.regex {
        builder = builder.regex(regex);
    }
    builder.build()
}

/// Runs `task` over every document, writing as it goes.
fn run(args: InputArgs, task: &Task) -> ExitCode {
    let options = InputOptions {
        jsonl: args.jsonl,
        lossy: args.lossy,
        fields: Fields {
            id: args.id_field,
            text: args.text_field,
        },
        glob: args.glob,
    };
    let mut output = Output {
        out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        // Not locked for the whole run: the progress bar draws on it from
        // another thread.
        log: io::stderr(),
        unit: args.offsets,
        jsonl: args.jsonl,
    };
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(error) => {
            report(format_args!("cannot start {jobs} worker threads: {error}"));
            return ExitCode::from(1);
        }
    };
    let shown = !args.quiet && io::stderr().is_terminal();
    let mut progress = Progress::new(shown, known_size(&args.files));
    let mut skipped = 0;
    let mut failures = 0;
    let mut status = ExitCode::SUCCESS;
    let mut inputs = Inputs::new(args.files, options);
    'batches: loop {
        let batch = next_batch(&mut inputs, jobs);
        if batch.is_empty() {
            break;
        }
        // Each document is rendered on its own into memory, in parallel;
        // the results are then written in input order, so the output is the
        // same for any number of jobs and a bad record stops the run right
        // after everything before it.
        let (unit, jsonl) = (output.unit, output.jsonl);
        let bytes: usize = batch.iter().flatten().map(|d| d.text.len()).sum();
        let documents = batch.iter().flatten().count();
        let rendered: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|document| {
                    document.map(|document| guarded(&document.origin, || render(task, &document, unit, jsonl)))
                })
                .collect()
        });
        let mut quotes = 0;
        for result in rendered {
            let written = match result {
                Ok(Err(failed)) => {
                    report(format_args!("{failed}"));
                    failures += 1;
                    continue;
                }
                Ok(Ok(Ok((done, found)))) => {
                    quotes += found;
                    output
                        .out
                        .write_all(&done.out)
                        .and_then(|()| output.log.write_all(&done.log))
                }
                Ok(Ok(Err(error))) => Err(error),
                Err(error) if args.skip_invalid => {
                    report(format_args!("{error} (skipped)"));
                    skipped += 1;
                    continue;
                }
                Err(error) => {
                    report(format_args!("{error}"));
                    status = ExitCode::from(1);
                    break 'batches;
                }
            };
            if let Err(error) = written {
                return write_failed(error);
            }
        }
        progress.add(documents as u64, bytes as u64, quotes as u64);
    }
    progress.finish(skipped + failures);
    if let Err(error) = output.out.flush() {
        return write_failed(error);
    }
    if skipped > 0 && status == ExitCode::SUCCESS {
        report(format_args!("skipped {skipped} bad input(s)"));
        status = ExitCode::from(3);
    }
    if failures > 0 && status == ExitCode::SUCCESS {
        report(format_args!("lede failed on {failures} document(s); please report it"));
        status = ExitCode::from(4);
    }
    status
}

/// A document lede itself failed on: a panic in the library, caught so
/// that one document never takes down the others.
#[derive(Debug)]
struct Failed {
    origin: String,
    message: String,
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: internal error: {} (document left out)",
            self.origin, self.message
        )
    }
}

/// Runs `work` for the document from `origin`, turning a panic into a
/// [`Failed`] (the panic hook has already printed where it happened).
fn guarded<T>(origin: &str, work: impl FnOnce() -> T) -> Result<T, Failed> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Failed {
            origin: origin.to_string(),
            message,
        }
    })
}

/// The most text one batch holds, so memory stays bounded however large
/// the input: a batch ends at this many bytes or documents, whichever
/// comes first.
const BATCH_BYTES: usize = 8 << 20;
const BATCH_DOCUMENTS_PER_JOB: usize = 64;

/// The next documents (and bad records, in their place) to process at once.
fn next_batch(inputs: &mut Inputs, jobs: usize) -> Vec<Result<Document, InputError>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    for document in inputs.by_ref() {
        bytes += document.as_ref().map_or(0, |d| d.text.len());
        batch.push(document);
        if bytes >= BATCH_BYTES || batch.len() >= jobs * BATCH_DOCUMENTS_PER_JOB {
            break;
        }
    }
    batch
}

/// One document's output and log, rendered in memory.
type Rendered = Output<Vec<u8>, Vec<u8>>;

/// What became of one input: a bad record, a document lede failed on, a
/// failed write, or the document rendered with its quote count.
type Outcome = Result<Result<io::Result<(Rendered, usize)>, Failed>, InputError>;

fn render(task: &Task, document: &Document, unit: OffsetUnit, jsonl: bool) -> io::Result<(Rendered, usize)> {
    let mut rendered = Output {
        out: Vec::new(),
        log: Vec::new(),
        unit,
        jsonl,
    };
    let quotes = task.run(document, &mut rendered)?;
    Ok((rendered, quotes))
}

/// The total size of the inputs, when every one is a plain file whose size
/// says how much text it holds (not standard input, a directory or `.gz`).
fn known_size(files: &[String]) -> Option<u64> {
    if files.is_empty() {
        return None;
    }
    files
        .iter()
        .map(|file| {
            let metadata = std::fs::metadata(file).ok().filter(|m| m.is_file())?;
            (!file.ends_with(".gz")).then_some(metadata.len())
        })
        .sum()
}

/// A closed pipe (`lede ... | head`) is the reader saying it has enough, not
/// an error.
fn write_failed(error: io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    report(format_args!("cannot write output: {error}"));
    ExitCode::from(1)
}

fn report(message: std::fmt::Arguments) {
    // Nothing more can be done if standard error itself is gone.
    let _ = writeln!(io::stderr(), "lede: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_failure_that_names_the_document() {
        assert_eq!(guarded("a.jsonl:3", || 7).unwrap(), 7);
        let failed = guarded("a.jsonl:4", || -> usize { panic!("span out of range: {}", 12) }).unwrap_err();
        assert_eq!(
            failed.to_string(),
            "a.jsonl:4: internal error: span out of range: 12 (document left out)"
        );
        let failed = guarded("b.txt", || -> usize { std::panic::panic_any(5u8) }).unwrap_err();
        assert_eq!(failed.message, "panic");
    }
}
