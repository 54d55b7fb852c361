//! `byline import FILE… --from w3c|brat|jsonl|label-studio|doccano`: each
//! file read and written by the engine; what it made, what it skipped and
//! what it refused printed here, and a summary at the end.

use crate::cli::{ImportArgs, ImportFormat, LabelArgs};
use crate::{EXIT_FAILED, EXIT_USAGE, output};
use byline_formats::import::labels::{Mapping, Unmapped};
use byline_formats::import::{self, Format, Options};

/// The mapping `--labels` and `--label` name.
pub fn mapping(args: &LabelArgs) -> Result<Mapping, String> {
    let mut m = match &args.labels {
        Some(spec) => Mapping::load(spec).map_err(|e| e.to_string())?,
        None => Mapping::byline(),
    };
    for l in &args.label {
        m.add_arg(l).map_err(|e| e.to_string())?;
    }
    Ok(m)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn run(args: &ImportArgs) -> anyhow::Result<u8> {
    let from = match args.from {
        ImportFormat::W3c => Format::W3c,
        ImportFormat::Brat => Format::Brat,
        ImportFormat::Jsonl => Format::Jsonl,
        ImportFormat::LabelStudio => Format::LabelStudio,
        ImportFormat::Doccano => Format::Doccano,
    };
    let labels = match mapping(&args.labels) {
        Ok(m) => m,
        Err(e) => {
            output::error(e);
            return Ok(EXIT_USAGE);
        }
    };
    let files = import::expand(&args.files, from);
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
        annotator: args.annotator.clone(),
        max_annotators: args.max_annotators,
        labels,
        strict: args.strict,
        force: args.force,
        text_dir: args.text.clone(),
        ..Options::new(from, args.annotations.clone())
    };
    let (mut claims, mut imported_files, mut written) = (0, 0, 0);
    let (mut skipped, mut refused, mut unsure) = (0, 0, 0);
    let mut unmapped = Unmapped::new();
    for file in &files {
        match import::import_file(file, &options, article.as_ref()) {
            Ok(done) => {
                for p in &done.problems {
                    output::error(format_args!("{}: {}: {}", file.display(), p.at, p.message));
                }
                for p in &done.notes {
                    output::warning(format_args!("{}: {}: {}", file.display(), p.at, p.message));
                }
                skipped += done.problems.len();
                for (k, n) in done.unmapped {
                    *unmapped.entry(k).or_default() += n;
                }
                if !done.built.is_empty() {
                    imported_files += 1;
                }
                for b in done.built {
                    let n = b.set.claims.len();
                    claims += n;
                    written += 1;
                    unsure += b.unsure;
                    let mut line = format!(
                        "imported {} → {} ({})",
                        file.display(),
                        b.target.display(),
                        plural(n, "claim", "claims")
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
                refused += 1;
            }
        }
    }
    if !unmapped.is_empty() {
        let mut hint = String::new();
        if !options.labels.has_events()
            && unmapped
                .keys()
                .any(|k| k.ends_with("(event)") || k.ends_with("(relation)"))
        {
            hint = "; for the attribution scheme (PARC, PolNeAR) use --labels parc".into();
        }
        output::warning(format_args!(
            "labels the mapping {:?} does not know were left out: {}; map them with --label NAME=KIND or --labels FILE{hint}",
            options.labels.name,
            import::unmapped_list(&unmapped)
        ));
    }
    let mut summary = format!(
        "imported {} from {} into {}",
        plural(claims, "claim", "claims"),
        plural(imported_files, "file", "files"),
        plural(written, "annotator file", "annotator files"),
    );
    if unsure > 0 {
        summary.push_str(&format!(
            " ({} tagged needs-review: how their source reads is a guess)",
            unsure
        ));
    }
    if skipped + refused > 0 {
        let mut parts = Vec::new();
        if skipped > 0 {
            parts.push(plural(skipped, "span or record", "spans or records"));
        }
        if refused > 0 {
            parts.push(plural(refused, "file refused", "files refused"));
        }
        summary.push_str(&format!(
            "; {} skipped: {} (listed above)",
            skipped + refused,
            parts.join(", ")
        ));
    }
    match output::print(&format!("{summary}\n")) {
        Err(e) if e.0.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    // Nothing imported at all (every label unknown, say) is a failure too.
    Ok(if skipped + refused > 0 || written == 0 {
        EXIT_FAILED
    } else {
        0
    })
}
