//! `byline sources`: every source string a corpus cites, with counts,
//! grouped under the registry entry it resolves to, then the strings not
//! in the registry (with the ones that fold alike pointed out). The walk
//! reads through the store; the report is pure; the binary prints it.

use crate::plural;
use byline_model::annotation::Kind;
use byline_model::sources::{Registry, fold, tidy};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// One spelling of a source as the files have it (tidied), and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
    pub sourced: usize,
    pub anonymous: usize,
}

/// A registry entry and the spellings that resolve to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registered {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub type_label: String,
    pub aliases: Vec<String>,
    pub count: usize,
    pub spellings: Vec<Spelling>,
}

/// Spellings not in the registry that fold to one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unregistered {
    pub key: String,
    pub count: usize,
    pub spellings: Vec<Spelling>,
}

/// What `byline sources` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The registry file, when one was read.
    pub registry: Option<String>,
    pub files: usize,
    /// Sourced and anonymous claims that name a source.
    pub citations: usize,
    /// Sourced and anonymous claims with no source given.
    pub without_source: usize,
    /// Every entry, the cited ones first (by count), then the rest in file
    /// order.
    pub sources: Vec<Registered>,
    /// By count, then key.
    pub unregistered: Vec<Unregistered>,
}

/// Every `(source, kind)` cited by the annotator files under
/// `annotations` (`<article>/<annotator>.toml`; gold files, whose claims
/// are the annotators' again, reviews, conflict copies and locks skipped), the number of files read,
/// and the claims with no source; a file that does not read is an error
/// message and is left out.
pub struct Cited {
    pub files: usize,
    pub sources: Vec<(String, Kind)>,
    pub without_source: usize,
    pub errors: Vec<String>,
}

pub fn cited(annotations: &Path) -> Result<Cited, String> {
    let files =
        byline_store::discover::annotator_files_in(annotations).map_err(|e| e.to_string())?;
    let mut out = Cited {
        files: 0,
        sources: Vec::new(),
        without_source: 0,
        errors: Vec::new(),
    };
    for f in &files {
        match byline_store::load_claims_only(f) {
            Ok(set) => {
                out.files += 1;
                for c in set.claims.iter().filter(|c| c.kind.has_source()) {
                    match c.source.as_deref().map(tidy) {
                        Some(s) if !s.is_empty() => out.sources.push((s, c.kind)),
                        _ => out.without_source += 1,
                    }
                }
            }
            Err(e) => out.errors.push(e.to_string()),
        }
    }
    Ok(out)
}

fn spellings(counts: HashMap<String, Spelling>) -> Vec<Spelling> {
    let mut v: Vec<Spelling> = counts.into_values().collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    v
}

fn count(map: &mut HashMap<String, Spelling>, text: &str, kind: Kind) {
    let s = map.entry(text.to_owned()).or_insert_with(|| Spelling {
        text: text.to_owned(),
        count: 0,
        sourced: 0,
        anonymous: 0,
    });
    s.count += 1;
    match kind {
        Kind::Sourced => s.sourced += 1,
        Kind::Anonymous => s.anonymous += 1,
        Kind::Editorial => {}
    }
}

/// The report of `cited` against `registry` (`None`: every string is
/// unregistered).
pub fn report(registry: Option<(&Registry, &str)>, cited: &Cited) -> Report {
    let mut by_entry: Vec<HashMap<String, Spelling>> =
        vec![HashMap::new(); registry.map_or(0, |r| r.0.entries.len())];
    let mut by_key: HashMap<String, HashMap<String, Spelling>> = HashMap::new();
    for (s, kind) in &cited.sources {
        let entry = registry.and_then(|(r, _)| {
            r.resolve(s)
                .and_then(|e| r.entries.iter().position(|x| std::ptr::eq(x, e)))
        });
        match entry {
            Some(i) => count(&mut by_entry[i], s, *kind),
            None => count(by_key.entry(fold(s)).or_default(), s, *kind),
        }
    }
    let mut sources: Vec<(usize, Registered)> = match registry {
        Some((r, _)) => r
            .entries
            .iter()
            .zip(by_entry)
            .enumerate()
            .map(|(i, (e, counts))| {
                let spellings = spellings(counts);
                (
                    i,
                    Registered {
                        name: e.name.clone(),
                        kind: e.kind.clone(),
                        type_label: r.label(&e.kind),
                        aliases: e.aliases.clone(),
                        count: spellings.iter().map(|s| s.count).sum(),
                        spellings,
                    },
                )
            })
            .collect(),
        None => Vec::new(),
    };
    sources.sort_by(|(ia, a), (ib, b)| {
        b.count.cmp(&a.count).then_with(|| {
            if a.count == 0 {
                ia.cmp(ib)
            } else {
                a.name.cmp(&b.name)
            }
        })
    });
    let mut unregistered: Vec<Unregistered> = by_key
        .into_iter()
        .map(|(key, counts)| {
            let spellings = spellings(counts);
            Unregistered {
                key,
                count: spellings.iter().map(|s| s.count).sum(),
                spellings,
            }
        })
        .collect();
    unregistered.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    Report {
        registry: registry.map(|(_, p)| p.to_owned()),
        files: cited.files,
        citations: cited.sources.len(),
        without_source: cited.without_source,
        sources: sources.into_iter().map(|(_, s)| s).collect(),
        unregistered,
    }
}

/// How many sources `items` are and how many citations they have between
/// them, as the report writes them: `3 sources`, `1 citation`.
fn tally<T>(items: &[T], count: impl Fn(&T) -> usize) -> (String, String) {
    let n = items.iter().map(count).sum();
    (
        plural(items.len(), "source", "sources"),
        plural(n, "citation", "citations"),
    )
}

fn kinds(s: &Spelling) -> &'static str {
    match (s.sourced > 0, s.anonymous > 0) {
        (true, true) => "sourced and anonymous",
        (false, true) => "anonymous",
        _ => "sourced",
    }
}

/// The report for people.
pub fn text(r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} in {} ({} with no source given)",
        plural(r.citations, "citation", "citations"),
        plural(r.files, "annotator file", "annotator files"),
        r.without_source
    );
    match &r.registry {
        Some(path) => {
            let cited = r.sources.iter().filter(|s| s.count > 0).count();
            let (sources, citations) = tally(&r.sources, |s| s.count);
            let _ = writeln!(
                out,
                "\nIn the registry {path} ({cited} of {sources} cited, {citations}):"
            );
            for s in &r.sources {
                let _ = writeln!(out, "  {} [{}]  {}", s.name, s.type_label, s.count);
                for sp in &s.spellings {
                    let _ = writeln!(out, "      {}  {}  ({})", sp.text, sp.count, kinds(sp));
                }
                if s.count == 0 {
                    let _ = writeln!(out, "      (not cited)");
                }
            }
        }
        None => {
            let _ = writeln!(
                out,
                "\nNo sources registry used (no sources.toml, or one that could not be read: see the error above): every source is listed as not in it."
            );
        }
    }
    let (sources, citations) = tally(&r.unregistered, |u| u.count);
    let _ = writeln!(out, "\nNot in the registry ({sources}, {citations}):");
    if r.unregistered.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for u in &r.unregistered {
        let spelling = &u.spellings[0];
        let _ = writeln!(
            out,
            "  {}  {}  ({})",
            spelling.text,
            u.count,
            kinds(spelling)
        );
        for sp in &u.spellings[1..] {
            let _ = writeln!(out, "      also {}  {}  ({})", sp.text, sp.count, kinds(sp));
        }
    }
    let alike: Vec<&Unregistered> = r
        .unregistered
        .iter()
        .filter(|u| u.spellings.len() > 1)
        .collect();
    if !alike.is_empty() {
        let _ = writeln!(
            out,
            "\nSpelled differently but the same when folded (case, apostrophes, spaces, a leading \"the\"); \
             each could be one [[source]] with the others as aliases:"
        );
        for u in alike {
            let names: Vec<String> = u
                .spellings
                .iter()
                .map(|s| format!("{:?}", s.text))
                .collect();
            let _ = writeln!(out, "  {}", names.join(", "));
        }
    }
    out
}
