//! Precision and recall of `byline suggest` against the sample annotations
//! in `annotations/`, per kind, with the articles the lexicons were written
//! from apart from the held-out ones.
//!
//!     cargo run --release --example suggest_eval
//!
//! A suggestion counts as right when it overlaps a claim of the same kind
//! in the annotator's file; a claim counts as found when a suggestion of
//! its kind overlaps it. Each annotator's file is its own reference, and
//! the counts are summed over files (micro-averaged). For attributions
//! (sourced or anonymous claims found by a sourced or anonymous
//! suggestion) the kind is right when it is the claim's, and the source
//! when it equals the claim's after case-folding ("exact"), or when one
//! contains the other once a leading article is dropped ("loose").

use byline::annotation::{AnnotationSet, Kind};
use byline::article;
use byline::store;
use byline::suggest::{Suggester, Suggestion};
use std::path::Path;

/// The articles the lexicons were written from.
const TUNED: &[&str] = &[
    "harbor-council.txt",
    "border-talks.txt",
    "night-market.md",
    "tea-festival.txt",
];
/// Written and annotated after the lexicons, never tuned on.
const HELD_OUT: &[&str] = &["ferry-fire.txt", "bike-lanes.txt", "water-levy.md"];

#[derive(Default)]
struct Tally {
    suggested: [usize; 3],
    suggested_right: [usize; 3],
    claims: [usize; 3],
    found: [usize; 3],
    attr_suggested: usize,
    attr_suggested_right: usize,
    attr_claims: usize,
    attr_found: usize,
    kind_right: usize,
    source_exact: usize,
    source_loose: usize,
}

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suggester = Suggester::builtin();
    let mut failures = Vec::new();
    for (name, files) in [("tuned on", TUNED), ("held out", HELD_OUT)] {
        let mut t = Tally::default();
        for file in files {
            let art = article::load(&root.join("examples/articles").join(file))?;
            let all = suggester.article(&art);
            for who in ["alex-example", "sam-example"] {
                let path = root
                    .join("annotations")
                    .join(&art.id)
                    .join(format!("{who}.toml"));
                let Some(set) = store::load(&path)? else {
                    failures.push(format!("{} is missing", path.display()));
                    continue;
                };
                tally(&mut t, &all, &set);
            }
        }
        report(name, files, &t);
    }
    for f in failures {
        eprintln!("suggest_eval: {f}");
    }
    Ok(())
}

fn overlaps(s: &Suggestion, c: &byline::annotation::Claim) -> bool {
    s.paragraph == c.paragraph && c.overlaps(s.start, s.end)
}

fn tally(t: &mut Tally, all: &[Suggestion], set: &AnnotationSet) {
    for s in all {
        let k = s.kind.index();
        t.suggested[k] += 1;
        if set
            .claims
            .iter()
            .any(|c| c.kind == s.kind && overlaps(s, c))
        {
            t.suggested_right[k] += 1;
        }
        if s.kind.has_source() {
            t.attr_suggested += 1;
            if set
                .claims
                .iter()
                .any(|c| c.kind.has_source() && overlaps(s, c))
            {
                t.attr_suggested_right += 1;
            }
        }
    }
    for c in &set.claims {
        let k = c.kind.index();
        t.claims[k] += 1;
        if all.iter().any(|s| s.kind == c.kind && overlaps(s, c)) {
            t.found[k] += 1;
        }
        if !c.kind.has_source() {
            continue;
        }
        t.attr_claims += 1;
        // The attribution suggestion that overlaps the claim most.
        let best = all
            .iter()
            .filter(|s| s.kind.has_source() && overlaps(s, c))
            .max_by_key(|s| s.end.min(c.end) - s.start.max(c.start));
        let Some(s) = best else { continue };
        t.attr_found += 1;
        if s.kind == c.kind {
            t.kind_right += 1;
        }
        let (a, b) = (fold(s.source.as_deref()), fold(c.source.as_deref()));
        if a.is_some() && a == b {
            t.source_exact += 1;
        }
        if let (Some(a), Some(b)) = (loose(&a), loose(&b))
            && (a.contains(&b) || b.contains(&a))
        {
            t.source_loose += 1;
        }
    }
}

fn fold(s: Option<&str>) -> Option<String> {
    s.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
}

fn loose(s: &Option<String>) -> Option<String> {
    let s = s.as_deref()?.replace(['’', '\''], "");
    let s = ["a ", "an ", "the ", "another "]
        .iter()
        .fold(s.as_str(), |s, a| s.strip_prefix(a).unwrap_or(s))
        .to_owned();
    (!s.is_empty()).then_some(s)
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "   –".into()
    } else {
        format!("{:.2}", a as f64 / b as f64)
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
    println!();
}
