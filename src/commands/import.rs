//! `byline import FILE… --from w3c|brat|jsonl`: each file read and written
//! by the engine; what it made, and what it refused, printed here.

use crate::cli::{ImportArgs, ImportFormat};
use crate::{EXIT_FAILED, output};
use byline_formats::import::{self, Format, Options};

pub fn run(args: &ImportArgs) -> anyhow::Result<u8> {
    let from = match args.from {
        ImportFormat::W3c => Format::W3c,
        ImportFormat::Brat => Format::Brat,
        ImportFormat::Jsonl => Format::Jsonl,
    };
    let files = import::expand(&args.files, from);
    let mut failed = false;
    if files.is_empty() {
        output::error("nothing to import in the files named");
        return Ok(EXIT_FAILED);
    }
    let article = match &args.article {
        Some(p) => Some((
            byline_store::article::load(p).map_err(|e| anyhow::anyhow!("{e}"))?,
            p.clone(),
        )),
        None => None,
    };
    let options = Options {
        from,
        annotations: args.annotations.clone(),
        annotator: args.annotator.clone(),
        max_annotators: args.max_annotators,
    };
    for file in &files {
        match import::import_file(file, &options, article.as_ref()) {
            Ok(built) => {
                for b in built {
                    let n = b.set.claims.len();
                    let mut line = format!(
                        "imported {} → {} ({n} {})",
                        file.display(),
                        b.target.display(),
                        if n == 1 { "claim" } else { "claims" }
                    );
                    if b.reanchored > 0 {
                        line.push_str(&format!(", {} placed by their quote", b.reanchored));
                    }
                    match output::print(&format!("{line}\n")) {
                        Err(e) if e.0.kind() == std::io::ErrorKind::BrokenPipe => {}
                        other => other?,
                    }
                    if !b.needs_review.is_empty() {
                        output::warning(format_args!(
                            "{}: {} not found in the article text, kept with status = \"needs-review\": {}",
                            file.display(),
                            if b.needs_review.len() == 1 {
                                "1 span was"
                            } else {
                                "spans were"
                            },
                            b.needs_review.join(", ")
                        ));
                    }
                }
            }
            Err(e) => {
                output::error(format_args!("{e}"));
                failed = true;
            }
        }
    }
    Ok(if failed { EXIT_FAILED } else { 0 })
}
