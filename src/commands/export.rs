//! `byline export PATH… [--format …] [-o FILE]`: the flags checked, the
//! engine run, its messages printed and its progress drawn.

use crate::cli::{BratScheme, ExportArgs, ExportFormat};
use crate::output;
use crate::{EXIT_FAILED, EXIT_USAGE};
use byline_formats::export::{self, Format, Options, Progress, Reporter};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// A corpus export shows progress only after this long.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

pub fn run(args: &ExportArgs) -> anyhow::Result<u8> {
    let lists = matches!(args.format, ExportFormat::Csv | ExportFormat::Json);
    if args.claims && !lists {
        output::error(
            "--claims lists claims as CSV rows or JSON Lines; use it with --format csv or --format json",
        );
        return Ok(EXIT_USAGE);
    }
    if args.verdicts && !lists {
        output::error(
            "--verdicts lists colleagues' verdicts as CSV rows or JSON Lines; use it with --format csv or --format json",
        );
        return Ok(EXIT_USAGE);
    }
    if args.format == ExportFormat::Brat && args.output.is_none() {
        output::error("--format brat writes a folder of .txt and .ann files; name it with -o DIR");
        return Ok(EXIT_USAGE);
    }
    if args.scheme == BratScheme::Attribution && args.format != ExportFormat::Brat {
        output::error("--scheme attribution is a brat scheme; use it with --format brat");
        return Ok(EXIT_USAGE);
    }
    let labels = match super::import::mapping(&args.labels) {
        Ok(m) => m,
        Err(e) => {
            output::error(e);
            return Ok(EXIT_USAGE);
        }
    };
    let options = Options {
        paths: args.paths.clone(),
        format: match args.format {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Json => Format::Json,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Html => Format::Html,
            ExportFormat::W3c => Format::W3c,
            ExportFormat::Brat => Format::Brat,
            ExportFormat::Jsonl => Format::Jsonl,
            ExportFormat::LabelStudio => Format::LabelStudio,
            ExportFormat::Doccano => Format::Doccano,
        },
        output: args.output.clone(),
        claims: args.claims,
        verdicts: args.verdicts,
        root: args.root.clone(),
        verbose: args.verbose,
        csv_raw: args.csv_raw,
        labels,
        attribution: args.scheme == BratScheme::Attribution,
        sources: args.sources.clone(),
        gold: args.gold,
    };
    let failed = export::run(&options, &Stderr)?;
    Ok(if failed { EXIT_FAILED } else { 0 })
}

/// Messages on stderr, one line each; the bar on stderr too.
struct Stderr;

impl Reporter for Stderr {
    fn error(&self, message: &str) {
        output::error(message);
    }

    fn warning(&self, message: &str) {
        output::warning(message);
    }

    fn progress(&self, total: usize, allowed: bool) -> Box<dyn Progress + '_> {
        Box::new(Bar::new(total, allowed))
    }
}

/// A progress bar on stderr, shown only on a terminal and only once the
/// export has taken longer than [`PROGRESS_AFTER`].
struct Bar {
    bar: ProgressBar,
    started: Instant,
    tty: bool,
    shown: std::cell::Cell<bool>,
}

impl Bar {
    /// `allowed`: false when nothing may be drawn even on a terminal.
    fn new(total: usize, allowed: bool) -> Bar {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} exporting {bar:30} {pos}/{len} files {eta}")
        {
            bar.set_style(style);
        }
        Bar {
            bar,
            started: Instant::now(),
            tty: allowed && std::io::stderr().is_terminal(),
            shown: std::cell::Cell::new(false),
        }
    }
}

impl Progress for Bar {
    fn advance(&self, n: usize) {
        self.bar.inc(n as u64);
        if self.tty && !self.shown.get() && self.started.elapsed() >= PROGRESS_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
    }

    fn suspend(&self, f: &mut dyn FnMut()) {
        self.bar.suspend(f)
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
