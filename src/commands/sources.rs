//! `byline sources [--annotations DIR] [--sources FILE] [--format text|json]`:
//! every source string in the corpus with counts, grouped under the
//! registry entry it resolves to, then those not in the registry.

use crate::EXIT_FAILED;
use crate::cli::{SourcesArgs, TextFormat};
use crate::output;
use byline_formats::sources;

pub fn run(args: &SourcesArgs) -> anyhow::Result<u8> {
    let path = args
        .sources
        .clone()
        .unwrap_or_else(|| byline_store::sources::path_for(&args.annotations));
    let mut failed = false;
    let registry = match byline_store::sources::load(&path) {
        Ok(r) => r,
        Err(e) => {
            output::error(&e);
            output::warning(
                "listed without the sources registry: every source is shown as not in it",
            );
            failed = true;
            None
        }
    };
    if registry.is_none() && args.sources.is_some() && !failed {
        output::error(format_args!("{}: no such file", path.display()));
        return Ok(EXIT_FAILED);
    }
    let cited = sources::cited(&args.annotations).map_err(anyhow::Error::msg)?;
    for e in &cited.errors {
        output::error(e);
        failed = true;
    }
    let shown = path.display().to_string();
    let report = sources::report(registry.as_ref().map(|r| (r, shown.as_str())), &cited);
    match args.format {
        TextFormat::Json => {
            output::print_json(&format!("{}\n", serde_json::to_string_pretty(&report)?))?
        }
        TextFormat::Text => output::print(&sources::text(&report))?,
    }
    Ok(if failed { EXIT_FAILED } else { 0 })
}
