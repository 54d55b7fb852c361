//! The HTML report's agreement section: for every article that two or more
//! of the exported annotators marked, what `byline agree` says (only over
//! the paragraphs every one of them worked on, and which those are), the
//! corpus pooled, and a side-by-side view of two annotators' marks with
//! the claims the other did not make highlighted.

use super::table::{Caption, Cell, Column, Figure, MdText, Table};
use byline_model::Para;
use byline_model::annotation::{AnnotationSet, Claim, Kind, overlap};
use byline_model::article::Article;
use byline_model::review::agree::{Coder, Compared, Options, Report, Unit};
use byline_model::review::team::{CorpusReport, Pool};
use byline_store::agree::{coder_names, find_article, fresh, load_sets};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One article two or more exported files annotate.
pub struct Marked {
    pub article: Article,
    pub names: Vec<String>,
    pub sets: Vec<AnnotationSet>,
}

/// What the report shows of agreement.
pub struct Agreement {
    pub corpus: CorpusReport,
    pub articles: Vec<Marked>,
}

/// Agreement among the exported annotator files, by article folder (gold
/// files left out). Articles that cannot be compared are listed with why.
pub fn gather(
    files: &[PathBuf],
    root: Option<&Path>,
    source_key: &dyn Fn(&str) -> String,
) -> Agreement {
    let mut by_folder: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for f in files {
        if byline_store::files::is_gold(f) {
            continue;
        }
        let folder = f.parent().unwrap_or(Path::new("")).to_owned();
        by_folder.entry(folder).or_default().push(f.clone());
    }
    let opts = Options {
        unit: Unit::Char,
        paragraphs: None,
        source_key,
    };
    let mut pool = Pool::new(Unit::Char);
    let mut articles = Vec::new();
    for (folder, mut group) in by_folder {
        if group.len() < 2 {
            continue;
        }
        group.sort();
        let id = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match load(&group, root) {
            Ok((article, sets)) => {
                let names = coder_names(&group, &sets);
                let coders: Vec<Coder> = names
                    .iter()
                    .zip(&sets)
                    .map(|(name, set)| Coder {
                        name: name.clone(),
                        set,
                    })
                    .collect();
                pool.add(&article, &coders, &opts);
                articles.push(Marked {
                    article,
                    names,
                    sets,
                });
            }
            Err(why) => pool.skip(&id, why),
        }
    }
    Agreement {
        corpus: pool.finish(),
        articles,
    }
}

fn load(files: &[PathBuf], root: Option<&Path>) -> Result<(Article, Vec<AnnotationSet>), String> {
    let sets = load_sets(files).map_err(|e| e.to_string())?;
    let article = find_article(None, root, files, &sets).map_err(|e| e.to_string())?;
    for (f, s) in files.iter().zip(&sets) {
        fresh(f, s, &article).map_err(|e| e.to_string())?;
    }
    Ok((article, sets))
}

fn esc(s: &str) -> String {
    super::html::esc(s)
}

fn num(x: Option<f64>) -> String {
    super::table::dec(x)
}

fn para_note(c: &Compared) -> String {
    esc(&c.note)
}

/// Where the overview points to the section, at the end of the page.
pub const LINK: &str = "<p class=\"muted\"><a href=\"#agreement\">Agreement between annotators</a>: per pair and per article, and two annotators' marks side by side, after the articles.</p>\n";

pub const CSS: &str = "\
table.agree td,table.agree th{white-space:nowrap}table.agree td:last-child{white-space:normal;min-width:14rem}\
.side{display:grid;grid-template-columns:3rem 1fr 1fr;gap:.25rem 1rem;align-items:start}\
.side>.n{color:var(--muted);text-align:right;font-variant-numeric:tabular-nums}\
.side>.h{font-weight:700}\
.side>.out{opacity:.45}\
mark.side-k{color:inherit;border-radius:2px;padding:.05em 0}\
mark.side-k[data-kind=sourced]{background:var(--s-bg)}\
mark.side-k[data-kind=anonymous]{background:var(--a-bg)}\
mark.side-k[data-kind=editorial]{background:var(--e-bg)}\
mark.side-k.only{outline:2px solid var(--bad);outline-offset:1px}\
@media (max-width:40rem){.side{grid-template-columns:2rem 1fr}.side>.h:nth-child(3n),.side>.b{grid-column:2}}\
";

/// Every pair pooled over the corpus, one table for the page and the
/// Markdown.
fn pooled(pairs: &[byline_model::review::agree::Pair]) -> Table {
    let rows = pairs
        .iter()
        .map(|p| {
            let f1 = |x| Cell::Figure(Figure::Decimal, x);
            vec![
                Cell::Text(format!("{} · {}", p.a, p.b)),
                Cell::Count(p.articles.unwrap_or(0)),
                f1(p.cohen_kappa),
                f1(p.span_f1_overlap),
                f1(p.by_kind.sourced.f1_overlap),
                f1(p.by_kind.anonymous.f1_overlap),
                f1(p.by_kind.editorial.f1_overlap),
                Cell::Text(format!(
                    "{} ({} of {})",
                    num(p.sources.rate),
                    p.sources.same,
                    p.sources.compared
                )),
            ]
        })
        .collect();
    let columns = Column::heads(
        &["pair"],
        &[
            "articles",
            "kappa",
            "F1 overlap",
            "F1 sourced",
            "F1 anonymous",
            "F1 editorial",
            "same source",
        ],
    );
    Table {
        caption: Some(Caption {
            text: "Every pair, pooled over the articles both annotated",
            aside: None,
        }),
        class: Some("agree"),
        md_text: MdText::PipesOnly,
        ..Table::new(columns, rows)
    }
}

/// The section, or nothing when no article has two annotators.
pub fn section(s: &mut String, a: &Agreement) {
    let c = &a.corpus;
    if c.articles.is_empty() && c.skipped.is_empty() {
        return;
    }
    s.push_str("<section id=\"agreement\" aria-labelledby=\"agreement-h\">\n<h2 id=\"agreement-h\">Agreement between annotators</h2>\n");
    let _ = writeln!(
        s,
        "<p class=\"muted\">Over the paragraphs every compared annotator worked on (up to where each stopped; all when done), \
as <code>byline agree</code> computes it: Cohen's kappa on characters, F1 of claims matched by overlap and kind, \
and on those matches whether both named the same source. {} {} compared.</p>",
        c.pooled.articles,
        if c.pooled.articles == 1 {
            "article"
        } else {
            "articles"
        }
    );
    if !c.pooled.pairs.is_empty() {
        s.push_str(&pooled(&c.pooled.pairs).html().into_string());
    }
    s.push_str("<table class=\"agree\"><caption>Per article</caption><thead><tr><th scope=\"col\">article</th>\
<th scope=\"col\">annotators</th><th scope=\"col\">alpha</th><th scope=\"col\">pair</th><th scope=\"col\">kappa</th>\
<th scope=\"col\">F1 overlap</th><th scope=\"col\">same source</th><th scope=\"col\">compared</th></tr></thead><tbody>\n");
    for r in &c.articles {
        article_rows(s, r);
    }
    for k in &c.skipped {
        let _ = writeln!(
            s,
            "<tr><th scope=\"row\">{}</th><td colspan=\"7\" class=\"muted\">not compared: {}</td></tr>",
            esc(&k.article),
            esc(&k.why)
        );
    }
    s.push_str("</tbody></table>\n");
    for (i, x) in a.articles.iter().enumerate() {
        side_by_side(s, i, x, &c.articles[i]);
    }
    s.push_str("</section>\n");
}

fn article_rows(s: &mut String, r: &Report) {
    let n = r.pairs.len().max(1);
    for (i, p) in r.pairs.iter().enumerate() {
        s.push_str("<tr>");
        if i == 0 {
            let _ = write!(
                s,
                "<th scope=\"row\" rowspan=\"{n}\">{}</th><td rowspan=\"{n}\">{}</td><td rowspan=\"{n}\">{}</td>",
                esc(&r.title),
                r.annotators.len(),
                num(r.krippendorff_alpha)
            );
        }
        let _ = write!(
            s,
            "<td>{} · {}{}</td><td>{}</td><td>{}</td><td>{} <span class=\"muted\">({} of {})</span></td>",
            esc(&p.a),
            esc(&p.b),
            if p.compared != (r.compared.first, r.compared.last) {
                format!(
                    " <span class=\"muted\">(¶{}–{})</span>",
                    p.compared.0, p.compared.1
                )
            } else {
                String::new()
            },
            num(p.cohen_kappa),
            num(p.span_f1_overlap),
            num(p.sources.rate),
            p.sources.same,
            p.sources.compared
        );
        if i == 0 {
            let _ = write!(s, "<td rowspan=\"{n}\">{}</td>", para_note(&r.compared));
        }
        s.push_str("</tr>\n");
    }
}

/// Whether `c` has a claim of its kind overlapping it in `other`.
fn matched(c: &Claim, other: &[&Claim]) -> bool {
    other
        .iter()
        .any(|o| o.kind == c.kind && o.at.overlaps(&c.at))
}

/// The first two annotators' marks, paragraph by paragraph; a claim the
/// other has no claim of its kind over is outlined.
fn side_by_side(s: &mut String, i: usize, x: &Marked, r: &Report) {
    let (Some(an), Some(bn)) = (x.names.first(), x.names.get(1)) else {
        return;
    };
    // The first pair is these two: where both worked.
    let mut compared = r.compared.clone();
    if let Some(p) = r.pairs.first() {
        (compared.first, compared.last) = p.compared;
    }
    let compared = &compared;
    let a: Vec<&Claim> = x.sets[0].claims.iter().collect();
    let b: Vec<&Claim> = x.sets[1].claims.iter().collect();
    let differ = a
        .iter()
        .filter(|c| compared.holds(c.at.para) && !matched(c, &b))
        .count()
        + b.iter()
            .filter(|c| compared.holds(c.at.para) && !matched(c, &a))
            .count();
    let _ = writeln!(
        s,
        "<details id=\"side-{}\"><summary>{} — {} and {} side by side ({} {} only one of them marked{})</summary>",
        i + 1,
        esc(&x.article.title),
        esc(an),
        esc(bn),
        differ,
        if differ == 1 { "claim" } else { "claims" },
        match x.names.len() {
            0..=2 => String::new(),
            3 => "; one more annotator in the tables above".to_owned(),
            n => format!("; {} more annotators in the tables above", n - 2),
        }
    );
    s.push_str("<p class=\"muted\">Outlined: a claim the other did not make (no claim of its kind over any of its text). Faded paragraphs were not compared: someone stopped before them.</p>\n");
    let _ = writeln!(
        s,
        "<div class=\"side\"><div class=\"n\">¶</div><div class=\"h\">{}</div><div class=\"h\">{}</div>",
        esc(an),
        esc(bn)
    );
    for (pi, p) in x.article.paragraphs.iter().enumerate() {
        let n = Para::from_index(pi);
        let out = if compared.holds(n) { "" } else { " out" };
        let _ = write!(s, "<div class=\"n{out}\">{n}</div>");
        for (mine, theirs, cls) in [(&a, &b, "a"), (&b, &a, "b")] {
            let _ = write!(s, "<div class=\"{cls}{out}\">");
            para(s, &p.text, n, mine, theirs, compared);
            s.push_str("</div>");
        }
        s.push('\n');
    }
    s.push_str("</div></details>\n");
}

fn para(
    s: &mut String,
    text: &str,
    n: Para,
    mine: &[&Claim],
    theirs: &[&Claim],
    compared: &Compared,
) {
    let here: Vec<&Claim> = mine.iter().copied().filter(|c| c.at.para == n).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let len = chars.len();
    let byte = |c: usize| chars.get(c).map_or(text.len(), |x| x.0);
    let spans: Vec<std::ops::Range<usize>> = here
        .iter()
        .map(|c| {
            let e = c.at.end.min(len);
            c.at.start.min(e)..e
        })
        .collect();
    let mut at = 0;
    for seg in overlap::segments(&spans) {
        if seg.range.start > at {
            s.push_str(&esc(&text[byte(at)..byte(seg.range.start)]));
        }
        let piece = esc(&text[byte(seg.range.start)..byte(seg.range.end)]);
        match seg.winner {
            Some(w) => {
                let c = here[w];
                let only = compared.holds(n) && !matched(c, theirs);
                let _ = write!(
                    s,
                    "<mark class=\"side-k{}\" data-kind=\"{}\" title=\"{}{}\">{piece}</mark>",
                    if only { " only" } else { "" },
                    c.kind.as_str(),
                    kind_word(c.kind),
                    c.source
                        .as_deref()
                        .map(|x| format!(": {}", esc(x)))
                        .unwrap_or_default()
                );
            }
            None => s.push_str(&piece),
        }
        at = seg.range.end;
    }
    if at < len {
        s.push_str(&esc(&text[byte(at)..]));
    }
}

fn kind_word(k: Kind) -> &'static str {
    k.as_str()
}

/// A Markdown cell: no `|` or line break from a file breaks the table.
fn cell(s: &str) -> String {
    MdText::PipesOnly.esc(s)
}

/// The section for the Markdown report: every pair pooled, then each
/// article's pairs with what was compared. Nothing without two annotators.
pub fn markdown(s: &mut String, a: &Agreement) {
    let c = &a.corpus;
    if c.articles.is_empty() && c.skipped.is_empty() {
        return;
    }
    s.push_str("\n## Agreement between annotators\n\nOver the paragraphs the compared annotators worked on (each pair where both did), as `byline agree` computes it: Cohen's kappa on characters, F1 of claims matched by overlap and kind, and on those matches how often both named the same source.\n\n");
    if !c.pooled.pairs.is_empty() {
        pooled(&c.pooled.pairs).markdown(s);
        s.push('\n');
    }
    s.push_str("| article | pair | kappa | F1 overlap | same source | compared |\n|:--|:--|--:|--:|--:|:--|\n");
    for r in &c.articles {
        for p in &r.pairs {
            let _ = writeln!(
                s,
                "| {} | {} · {} | {} | {} | {} | ¶{}–{} |",
                cell(&r.title),
                cell(&p.a),
                cell(&p.b),
                num(p.cohen_kappa),
                num(p.span_f1_overlap),
                num(p.sources.rate),
                p.compared.0,
                p.compared.1
            );
        }
    }
    for k in &c.skipped {
        let _ = writeln!(
            s,
            "| {} | not compared: {} | | | | |",
            cell(&k.article),
            cell(&k.why)
        );
    }
}
