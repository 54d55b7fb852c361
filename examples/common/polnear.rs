//! PolNeAR's brat standoff read where it lies: its article texts paired
//! with their first annotator's file, and every attribution's content, cue
//! and source located in byline's paragraphs (1-based paragraph, char
//! offsets), the way `../shared/tools/real_eval.py` locates them. Shared
//! by `real_eval` (scoring suggestions) and `keys_per_claim` (replaying the
//! gold through the real loop). Nothing of the corpus is stored here.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// (paragraph 1-based, start, end) in byline's paragraph text, in chars.
pub type Loc = (usize, usize, usize);
/// A brat file: its spans (start, end, text) by id, and its events (role → span id).
type Ann = (
    HashMap<String, (usize, usize, String)>,
    Vec<HashMap<String, String>>,
);

/// The corpus folder's articles that have an annotation file: (name, the
/// text, its first annotator's `.ann`), in name order.
pub fn articles(d: &Path) -> anyhow::Result<Vec<(String, PathBuf, PathBuf)>> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(d.join("text"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut ann_files: Vec<PathBuf> = std::fs::read_dir(d.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    ann_files.sort();
    for a in ann_files {
        let n = a.file_name().unwrap().to_string_lossy().to_string();
        if let Some((base, _)) = n.strip_suffix(".ann").and_then(|x| x.rsplit_once('_')) {
            anns.entry(base.to_owned()).or_insert(a);
        }
    }
    Ok(texts
        .into_iter()
        .filter_map(|t| {
            let name = t.file_stem()?.to_string_lossy().to_string();
            let ann = anns.get(&name)?.clone();
            Some((name, t, ann))
        })
        .collect())
}

/// Every attribution of `ann` whose content lies in byline's paragraphs
/// `paras` of the raw text `text`.
pub fn gold(text: &Path, ann: &Path, paras: &[String]) -> anyhow::Result<Vec<Gold>> {
    let raw: Vec<char> = std::fs::read_to_string(text)?.chars().collect();
    let loc = Located::new(&raw, paras);
    let (spans, events) = read_ann(ann)?;
    let mut gold = Vec::new();
    for ev in &events {
        let get = |k: &str| ev.get(k).and_then(|t| spans.get(t));
        let Some(c) = get("Content") else { continue };
        let Some(content) = loc.at(c.0, c.1) else {
            continue;
        };
        let q = get("Cue");
        let src = get("Source");
        gold.push(Gold {
            content,
            cue: q.and_then(|q| loc.at(q.0, q.1)),
            cue_text: q.map(|q| q.2.clone()).unwrap_or_default(),
            src: src.and_then(|x| loc.at(x.0, x.1)),
            src_text: src.map(|x| x.2.clone()).unwrap_or_default(),
        });
    }
    Ok(gold)
}

/// Blank-line paragraphs of the raw file, each with its start offset in
/// chars, as the Python script reads them.
fn raw_paragraphs(raw: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut group: Option<(usize, usize)> = None;
    let mut i = 0;
    while i <= raw.len() {
        if i == raw.len() || raw[i] == '\n' {
            let line = &raw[line_start..i];
            let blank = line.iter().all(|c| c.is_whitespace());
            if blank {
                if let Some((a, b)) = group.take() {
                    out.push((a, b));
                }
            } else {
                group = Some(match group {
                    Some((a, _)) => (a, i),
                    None => (line_start, i),
                });
            }
            line_start = i + 1;
        }
        i += 1;
    }
    if let Some(g) = group {
        out.push(g);
    }
    out.into_iter()
        .map(|(a, b)| {
            let s: String = raw[a..b].iter().collect();
            let lead = s.chars().take_while(|c| c.is_whitespace()).count();
            (a + lead, s.trim().to_owned())
        })
        .collect()
}

/// Char offsets of `a` mapped into `b`, where `b` is `a` with its white
/// space normalised.
fn offset_map(a: &str, b: &str) -> Vec<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut m = vec![0; a.len() + 1];
    let (mut i, mut j) = (0, 0);
    while i < a.len() {
        m[i] = j;
        if j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if a[i].is_whitespace() {
            i += 1;
        } else if j < b.len() && b[j].is_whitespace() {
            j += 1;
        } else {
            i += 1;
            j = (j + 1).min(b.len());
        }
    }
    m[a.len()] = j;
    m
}

struct Located {
    raw: Vec<(usize, String)>,
    maps: Vec<Option<Vec<usize>>>,
}

impl Located {
    fn new(raw: &[char], paras: &[String]) -> Located {
        let raw = raw_paragraphs(raw);
        let maps = raw
            .iter()
            .enumerate()
            .map(|(i, (_, body))| match paras.get(i) {
                Some(p) if p == body => None,
                Some(p) if paras.len() == raw.len() => Some(offset_map(body, p)),
                _ => Some(Vec::new()),
            })
            .collect();
        Located { raw, maps }
    }

    fn at(&self, start: usize, end: usize) -> Option<Loc> {
        for (i, (off, body)) in self.raw.iter().enumerate() {
            let n = body.chars().count();
            if *off <= start && start < off + n + 1 {
                let e = end.min(off + n) - off;
                return match &self.maps[i] {
                    None => Some((i + 1, start - off, e)),
                    Some(m) if m.is_empty() => None,
                    Some(m) => Some((i + 1, m[start - off], m[e])),
                };
            }
        }
        None
    }
}

#[allow(dead_code)] // each example reads the fields it scores
pub struct Gold {
    pub content: Loc,
    pub cue: Option<Loc>,
    pub cue_text: String,
    pub src: Option<Loc>,
    pub src_text: String,
}

fn read_ann(path: &Path) -> anyhow::Result<Ann> {
    let mut spans = HashMap::new();
    let mut events = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts[0].starts_with('T') && parts.len() >= 3 {
            let offs: Vec<usize> = parts[1]
                .replace(';', " ")
                .split_whitespace()
                .skip(1)
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(a), Some(b)) = (offs.first(), offs.last()) {
                spans.insert(parts[0].to_owned(), (*a, *b, parts[2].to_owned()));
            }
        } else if parts[0].starts_with('E') && parts.len() >= 2 {
            events.push(
                parts[1]
                    .split(' ')
                    .filter_map(|x| x.split_once(':'))
                    .map(|(a, b)| (a.to_owned(), b.to_owned()))
                    .collect(),
            );
        }
    }
    Ok((spans, events))
}
