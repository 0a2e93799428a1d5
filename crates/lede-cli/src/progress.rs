//! Progress on a terminal: a bar (or, when the input's size is unknown, a
//! counter) on standard error while documents go through, and a summary
//! line at the end. Off when standard error is not a terminal or with
//! `--quiet`, so scripts see only errors there.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Counts documents, bytes and quotes as batches finish.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    documents: u64,
    bytes: u64,
    quotes: u64,
}

impl Progress {
    /// A progress display when `shown`; `total` is the input's size in
    /// bytes when it is known (plain files, not standard input or `.gz`).
    pub fn new(shown: bool, total: Option<u64>) -> Progress {
        let bar = shown.then(|| {
            let (bar, template) = match total {
                Some(total) => (
                    ProgressBar::new(total),
                    "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                ),
                None => (ProgressBar::new_spinner(), "{spinner} {bytes} {bytes_per_sec} {msg}"),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            documents: 0,
            bytes: 0,
            quotes: 0,
        }
    }

    /// Adds a finished batch.
    pub fn add(&mut self, documents: u64, bytes: u64, quotes: u64) {
        self.documents += documents;
        self.bytes += bytes;
        self.quotes += quotes;
        if let Some(bar) = &self.bar {
            bar.set_position(self.bytes);
            bar.set_message(format!("{} documents, {} quotes", self.documents, self.quotes));
        }
    }

    /// Clears the bar and, if it was shown, prints the summary line.
    pub fn finish(self, skipped: usize) {
        let Some(bar) = self.bar else { return };
        bar.finish_and_clear();
        let seconds = self.started.elapsed().as_secs_f64();
        let megabytes = self.bytes as f64 / 1e6;
        eprintln!(
            "lede: {} documents, {skipped} skipped, {} quotes, {megabytes:.1} MB in {seconds:.1} s ({:.1} MB/s)",
            self.documents,
            self.quotes,
            megabytes / seconds.max(1e-9)
        );
    }
}
