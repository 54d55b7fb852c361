//! Writes a synthetic corpus for export benchmarks:
//!
//!     cargo run --release --example gen_corpus -- 5000 DIR [CLAIMS] [ANNOTATORS]
//!
//! makes DIR/articles/article-NNNNN.txt (invented text, never a real
//! article) and DIR/annotations/article-NNNNN/annotator-NN.toml: 5000
//! annotation files of CLAIMS claims (default 20), ANNOTATORS files
//! (default 10) per article. Claims are whole sentences of the normalised
//! text and files are written by the store, so every offset, quote and
//! sha256 is right by construction. The same arguments always give the
//! same bytes.

use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::{Loc, Para};
use byline_store as store;
use std::path::{Path, PathBuf};

/// xorshift64*: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "The council",
    "The ministry",
    "A spokesperson",
    "The harbor board",
    "Residents",
    "The consortium",
    "The mayor",
    "Local traders",
    "The committee",
    "Organisers",
];
const VERBS: &[&str] = &[
    "postponed",
    "approved",
    "questioned",
    "defended",
    "reviewed",
    "rejected",
    "welcomed",
    "criticised",
];
const OBJECTS: &[&str] = &[
    "the revised budget",
    "the ferry terminal plan",
    "the new licensing fees",
    "the flood projections",
    "the school meal contract",
    "the festival schedule",
    "the border agreement",
    "the market extension",
];
const TAILS: &[&str] = &[
    "on Tuesday",
    "after a long session",
    "despite objections",
    "for the second time this year",
    "without a public hearing",
    "in a brief statement",
];
const NAMED: &[&str] = &[
    "Mayor Ilsa Varga",
    "Councillor Teo Brandt",
    "Minister Aino Kask",
    "Chief Engineer Rui Sato",
    "Dr. Mira Okonkwo",
    "Inspector Lena Holm",
];
const ANONYMOUS: &[&str] = &[
    "officials familiar with the matter",
    "a council aide",
    "diplomatic sources",
    "one observer",
    "people close to the talks",
    "analysts",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(TAILS)
    )
}

fn article_text(rng: &mut Rng, n: usize) -> String {
    let mut text = format!("Synthetic article {n}: {}\n\n", rng.pick(OBJECTS));
    for _ in 0..14 {
        let sentences = 3 + rng.below(4);
        let para: Vec<String> = (0..sentences).map(|_| sentence(rng)).collect();
        text.push_str(&para.join(" "));
        text.push_str("\n\n");
    }
    text
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus FILES DIR [CLAIMS] [ANNOTATORS]";
    let files: usize = args.first().ok_or(usage)?.parse()?;
    let dir = PathBuf::from(args.get(1).ok_or(usage)?);
    let claims: usize = args.get(2).map_or(Ok(20), |s| s.parse())?;
    let per_article: usize = args.get(3).map_or(Ok(10), |s| s.parse())?;
    generate(files, &dir, claims, per_article)?;
    eprintln!(
        "wrote {files} annotation files to {}",
        dir.join("annotations").display()
    );
    Ok(())
}

/// Writes the corpus; benches/export.rs uses this too.
pub fn generate(
    files: usize,
    dir: &Path,
    claims: usize,
    per_article: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let per_article = per_article.max(1);
    let articles_dir = dir.join("articles");
    std::fs::create_dir_all(&articles_dir)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut written = 0;
    let mut n = 0;
    while written < files {
        let name = format!("article-{n:05}.txt");
        let path = articles_dir.join(&name);
        std::fs::write(&path, article_text(&mut rng, n))?;
        let art = byline_store::article::load(&path)?;
        let sentences: Vec<(usize, std::ops::Range<usize>)> = art
            .paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.sentences().into_iter().map(move |r| (i, r)))
            .collect();
        let outlet = format!("Outlet {}", n % 7);
        for a in 0..per_article.min(files - written) {
            let annotator = format!("Annotator {a:02}");
            let rel = Path::new("../../articles").join(&name);
            let mut set = AnnotationSet::new(&art, &annotator, Some(rel.display().to_string()));
            set.article.outlet = Some(outlet.clone());
            for _ in 0..claims {
                let (pi, r) = sentences[rng.below(sentences.len())].clone();
                let kind = Kind::ALL[rng.below(3)];
                let mut c = Claim::new(
                    Loc::new(Para::from_index(pi), r.start, r.end),
                    &art.paragraphs[pi],
                    kind,
                );
                c.source = match kind {
                    Kind::Sourced => Some(rng.pick(NAMED).to_owned()),
                    Kind::Anonymous => Some(rng.pick(ANONYMOUS).to_owned()),
                    Kind::Editorial => None,
                };
                if rng.below(5) == 0 {
                    c.note = Some("check, \"quoted\" again".to_owned());
                }
                set.claims.push(c);
            }
            set.sort();
            set.assign_ids();
            let file = store::annotation_path(&dir.join("annotations"), &art.id, &annotator);
            std::fs::create_dir_all(file.parent().unwrap_or(Path::new(".")))?;
            std::fs::write(&file, store::to_string(&set))?;
            written += 1;
        }
        n += 1;
    }
    Ok(())
}
