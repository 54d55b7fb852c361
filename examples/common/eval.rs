//! How `byline suggest` compares with the sample annotations: the counts
//! behind `examples/suggest_eval.rs` and the test that keeps them from
//! slipping (`tests/it/suggest_figures.rs`). See the example for what counts.

use byline_model::annotation::AnnotationSet;
use byline_store as store;
use byline_suggest::{Suggester, Suggestion};
use std::path::Path;

#[derive(Default)]
pub struct Tally {
    pub suggested: [usize; 3],
    pub suggested_right: [usize; 3],
    pub claims: [usize; 3],
    pub found: [usize; 3],
    pub attr_suggested: usize,
    pub attr_suggested_right: usize,
    pub attr_claims: usize,
    pub attr_found: usize,
    pub kind_right: usize,
    pub source_exact: usize,
    pub source_loose: usize,
    /// Attributions both annotators marked (overlapping, both with a
    /// source), and how often their sources are the same: the ceiling a
    /// suggested source can be measured against.
    pub pair_claims: usize,
    pub pair_exact: usize,
    pub pair_loose: usize,
}

/// The counts over `files` (example articles) and both sample annotators.
#[allow(dead_code)]
pub fn measure(root: &Path, files: &[&str]) -> anyhow::Result<Tally> {
    measure_with(root, files, false)
}

/// As `measure`; with `misses`, prints every claim not found, every
/// suggestion that matched nothing and every source that differs.
pub fn measure_with(root: &Path, files: &[&str], misses: bool) -> anyhow::Result<Tally> {
    let suggester = Suggester::builtin();
    let mut t = Tally::default();
    for file in files {
        let art = byline_store::article::load(&root.join("examples/articles").join(file))?;
        let all = suggester.article(&art);
        let mut sets = Vec::new();
        for who in ["alex-example", "sam-example"] {
            let path = root
                .join("annotations")
                .join(&art.id)
                .join(format!("{who}.toml"));
            let Some(set) = store::load(&path)? else {
                anyhow::bail!("{} is missing", path.display());
            };
            if misses {
                print_misses(file, who, &all, &set);
            }
            tally(&mut t, &all, &set);
            sets.push(set);
        }
        agreement(&mut t, &sets[0], &sets[1]);
    }
    Ok(t)
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn overlaps(s: &Suggestion, c: &byline_model::annotation::Claim) -> bool {
    c.at.overlaps(&s.at)
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
            .max_by_key(|s| s.at.shared(&c.at));
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

fn agreement(t: &mut Tally, a: &AnnotationSet, b: &AnnotationSet) {
    for c in a.claims.iter().filter(|c| c.kind.has_source()) {
        let Some(d) = b
            .claims
            .iter()
            .find(|d| d.kind.has_source() && d.at.overlaps(&c.at))
        else {
            continue;
        };
        let (x, y) = (fold(c.source.as_deref()), fold(d.source.as_deref()));
        if x.is_none() || y.is_none() {
            continue;
        }
        t.pair_claims += 1;
        if x == y {
            t.pair_exact += 1;
        }
        if let (Some(x), Some(y)) = (loose(&x), loose(&y))
            && (x.contains(&y) || y.contains(&x))
        {
            t.pair_loose += 1;
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

fn print_misses(file: &str, who: &str, all: &[Suggestion], set: &AnnotationSet) {
    println!("### {file} ({who})");
    for c in &set.claims {
        let found = all.iter().find(|s| s.kind == c.kind && overlaps(s, c));
        let best = all
            .iter()
            .filter(|s| s.kind.has_source() && overlaps(s, c))
            .max_by_key(|s| s.at.shared(&c.at));
        match (found, c.kind.has_source()) {
            (None, _) => {
                let other = best.map(|s| format!(" (suggested {} {:?})", s.kind, s.source));
                println!(
                    "MISS {} p{} {:?} source={:?}{}",
                    c.kind,
                    c.at.para,
                    c.quote,
                    c.source,
                    other.unwrap_or_default()
                );
            }
            (Some(_), true) => {
                let s = best.unwrap();
                if fold(s.source.as_deref()) != fold(c.source.as_deref()) {
                    println!(
                        "SRC  {} p{} claim={:?} suggested={:?} cue={:?} | {:?}",
                        c.kind, c.at.para, c.source, s.source, s.cue, s.quote
                    );
                }
            }
            _ => {}
        }
    }
    for s in all {
        if !set
            .claims
            .iter()
            .any(|c| c.kind == s.kind && overlaps(s, c))
        {
            println!(
                "FP   {} p{} {:?} source={:?} cue={:?}",
                s.kind, s.at.para, s.quote, s.source, s.cue
            );
        }
    }
}
