//! Precision and recall of `byline suggest` against the sample annotations
//! in `annotations/`, per kind, with the articles the lexicons were written
//! from apart from the held-out ones.
//!
//!     cargo run --release --example suggest_eval [-- --misses]
//!
//! `--misses` lists every claim not found, every suggestion that matched
//! nothing and every source that differs from the annotator's, for the
//! tuned and first held-out articles; never for the fresh ones (session 3),
//! which are kept for measuring.
//!
//! A suggestion counts as right when it overlaps a claim of the same kind
//! in the annotator's file; a claim counts as found when a suggestion of
//! its kind overlaps it. Each annotator's file is its own reference, and
//! the counts are summed over files (micro-averaged). For attributions
//! (sourced or anonymous claims found by a sourced or anonymous
//! suggestion) the kind is right when it is the claim's, and the source
//! when it equals the claim's after case-folding ("exact"), or when one
//! contains the other once a leading article is dropped ("loose").

use byline_model::annotation::Kind;
use eval::Tally;
use std::path::Path;

#[path = "common/split.rs"]
mod split;
use split::{FRESH, HELD_OUT, TUNED};
#[path = "common/eval.rs"]
mod eval;

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let misses = std::env::args().any(|a| a == "--misses");
    for (name, files) in [
        ("tuned on", TUNED),
        ("held out in session 2, tuned on since", HELD_OUT),
        ("fresh (held out)", FRESH),
    ] {
        // The fresh articles are for measuring only: their misses are
        // never printed, so nothing is tuned to them.
        let t = eval::measure_with(root, files, misses && files != FRESH)?;
        report(name, files, &t);
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "   –".into()
    } else {
        format!("{:.2}", eval::ratio(a, b))
    }
}

fn report(name: &str, files: &[&str], t: &Tally) {
    println!("## {name}: {}", files.join(", "));
    println!();
    println!("| kind | suggested | precision | claims | recall |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for k in Kind::ALL {
        let i = k.index();
        println!(
            "| {k} | {} | {} | {} | {} |",
            t.suggested[i],
            ratio(t.suggested_right[i], t.suggested[i]),
            t.claims[i],
            ratio(t.found[i], t.claims[i]),
        );
    }
    println!(
        "| attribution (sourced or anonymous) | {} | {} | {} | {} |",
        t.attr_suggested,
        ratio(t.attr_suggested_right, t.attr_suggested),
        t.attr_claims,
        ratio(t.attr_found, t.attr_claims),
    );
    println!();
    println!(
        "Of {} attributions found: kind right {}, source right {} exact / {} loose.",
        t.attr_found,
        ratio(t.kind_right, t.attr_found),
        ratio(t.source_exact, t.attr_found),
        ratio(t.source_loose, t.attr_found),
    );
    println!(
        "The two annotators themselves, on the {} attributions both marked: same source {} exact / {} loose.",
        t.pair_claims,
        ratio(t.pair_exact, t.pair_claims),
        ratio(t.pair_loose, t.pair_claims),
    );
    println!();
}
