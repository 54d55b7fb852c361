//! The formats people look at and other tools read: the HTML page parsed
//! with a real HTML parser (html5ever, through `scraper`), W3C, brat and
//! JSONL checked against the annotation files, and JSONL read by Python.

use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::{Loc, Para};
use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::common;
use common::{html_report, root, run, walk};

/// Every annotator file under `dir`, loaded in full.
fn annotator_files(dir: &Path) -> Vec<(PathBuf, AnnotationSet)> {
    let mut out = Vec::new();
    for e in walk(dir) {
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".toml") && name.matches('.').count() == 1 {
            let mut set = byline_store::load(&e).unwrap().unwrap();
            set.assign_ids();
            out.push((e, set));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text each claim's marks hold, in document order, by claim id (a
/// claim split around another's end has several marks; a nested one's
/// text is inside its outer claim's mark too).
fn marked_text(doc: &Html, scope: &str) -> HashMap<String, (String, String)> {
    let mut out: HashMap<String, (String, String)> = HashMap::new();
    let scope_sel = sel(scope);
    let mark = sel("mark.claim");
    for section in doc.select(&scope_sel) {
        for m in section.select(&mark) {
            let id = m.value().attr("data-claim").unwrap().to_owned();
            let kind = m.value().attr("data-kind").unwrap().to_owned();
            let e = out.entry(id).or_insert((kind, String::new()));
            e.1.push_str(&m.text().collect::<String>());
        }
    }
    out
}

fn assert_self_contained(doc: &Html) {
    assert_eq!(doc.select(&sel("script")).count(), 0, "no <script>");
    for tag in ["img", "iframe", "object", "embed", "link", "base", "form"] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "no <{tag}>");
    }
    for e in doc.select(&sel("[src], [href], [srcset], [action]")) {
        for attr in ["src", "href", "srcset", "action"] {
            if let Some(v) = e.value().attr(attr) {
                assert!(
                    v.starts_with('#'),
                    "{attr}={v:?}: only links within the page"
                );
            }
        }
    }
    for e in doc.select(&sel("*")) {
        for (name, _) in e.value().attrs() {
            assert!(!name.starts_with("on"), "no event handler attribute {name}");
        }
    }
    let css: String = doc.select(&sel("style")).flat_map(|s| s.text()).collect();
    assert!(!css.contains("url("), "no resource fetched from CSS");
    assert!(!css.contains("@import"));
}

#[test]
fn html_report_of_the_sample_corpus_marks_every_claim_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let page = html_report(&root(), "annotations", &[], &out);
    let doc = Html::parse_document(&page);
    assert!(
        doc.errors.is_empty(),
        "the page parses without errors: {:?}",
        doc.errors
    );
    assert_self_contained(&doc);
    assert_eq!(
        doc.select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang"),
        Some("en")
    );
    assert!(
        doc.select(&sel("svg")).count() >= 5,
        "charts are inline SVG"
    );
    assert!(page.contains("prefers-color-scheme"));
    assert!(page.contains("@media print"));
    for t in doc.select(&sel("table")) {
        assert!(t.select(&sel("thead th[scope=col]")).count() > 0);
    }

    let files = annotator_files(&root().join("annotations"));
    let articles: Vec<_> = doc.select(&sel("article.doc")).collect();
    assert_eq!(
        articles.len(),
        files.len(),
        "one section per annotator file"
    );
    for (i, (path, set)) in files.iter().enumerate() {
        let scope = format!("article.doc#a{}", i + 1);
        let heading: String = doc
            .select(&sel(&format!("{scope} h2")))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(heading, set.article.title);
        let marks = marked_text(&doc, &scope);
        assert_eq!(marks.len(), set.claims.len(), "{}", path.display());
        for c in &set.claims {
            let id = c.id.as_deref().unwrap();
            let (kind, text) = &marks[id];
            assert_eq!(text, &c.quote, "{} claim {id}", path.display());
            assert_eq!(kind, c.kind.as_str());
        }
        // The numbered list holds one entry per claim, with its note.
        let items = doc.select(&sel(&format!("{scope} ol.claims > li"))).count();
        assert_eq!(items, set.claims.len());
        for c in &set.claims {
            if let Some(n) = &c.note {
                let list: String = doc
                    .select(&sel(&format!("{scope} ol.claims")))
                    .flat_map(|e| e.text())
                    .collect();
                assert!(list.contains(n.as_str()), "note {n:?} listed");
            }
        }
    }
    // The sample review's dispute comment is beside its claim.
    let li: String = doc
        .select(&sel("li[data-claim=lz53nc]"))
        .next()
        .expect("the disputed claim's list entry")
        .text()
        .collect();
    assert!(li.contains("Sam Example disputes"), "{li}");
    assert!(li.contains("proposes editorial"));
    assert!(li.contains("no one is quoted"));
    let m = doc.select(&sel("mark[data-claim=lz53nc]")).next().unwrap();
    assert!(m.value().classes().any(|c| c == "disputed"));
    assert!(
        m.value()
            .attr("title")
            .unwrap()
            .contains("no one is quoted")
    );
}

/// An article and annotator file written into `dir` from paragraphs and
/// claims `(paragraph, start, end, kind)`.
fn corpus(dir: &Path, paragraphs: &[&str], claims: &[(usize, usize, usize, Kind)]) -> PathBuf {
    let text = paragraphs.join("\n\n");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let apath = articles.join("hostile.txt");
    std::fs::write(&apath, &text).unwrap();
    let article = byline_store::article::load(&apath).unwrap();
    let mut set = AnnotationSet::new(
        &article,
        "Eve <b>Example</b>",
        Some("../../articles/hostile.txt".into()),
    );
    set.article.outlet = Some("The \"Quote\" & <Co>".into());
    for &(p, s, e, k) in claims {
        let mut c = Claim::new(
            Loc::new(Para::from_number(p).unwrap(), s, e),
            &article.paragraphs[p - 1],
            k,
        );
        c.source = Some("<img src=x onerror=alert(1)>".into());
        c.note = Some("bell\u{7} and <script>alert('note')</script>".into());
        c.tags = vec!["<i>tag</i>".into()];
        set.claims.push(c);
    }
    set.sort();
    set.assign_ids();
    let file = dir.join("annotations/hostile/eve-b-example-b.toml");
    byline_store::save(&file, &set).unwrap();
    file
}

#[test]
fn hostile_text_is_inert_and_overlapping_claims_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = "Officials said <script>alert(1)</script> was \"fine\" & done.";
    let p2 = "Alpha beta gamma delta epsilon.";
    let file = corpus(
        dir.path(),
        &["Headline </title><script>x</script>", p1, p2],
        &[
            (2, 0, 41, Kind::Sourced),
            // Overlapping, nested and crossing claims in paragraph 3.
            (3, 0, 16, Kind::Editorial),
            (3, 6, 22, Kind::Anonymous),
            (3, 11, 16, Kind::Sourced),
            (3, 0, 31, Kind::Editorial),
        ],
    );
    let r = run(dir.path(), &["export", "annotations", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("<script"), "escaped, never markup");
    assert!(!r.stdout.contains("<img"));
    assert!(!r.stdout.contains('\u{7}'), "control characters dropped");
    let doc = Html::parse_document(&r.stdout);
    assert_self_contained(&doc);
    let mut set = byline_store::load(&file).unwrap().unwrap();
    set.assign_ids();
    let marks = marked_text(&doc, "article.doc");
    assert_eq!(marks.len(), 5);
    for c in &set.claims {
        assert_eq!(marks[c.id.as_deref().unwrap()].1, c.quote);
    }
    // The text reads once: each paragraph's text is the article's.
    let paras: Vec<String> = doc
        .select(&sel(".text p"))
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(paras[1], p1);
    assert_eq!(paras[2], p2);
    let title: String = doc.select(&sel("h2")).flat_map(|e| e.text()).collect();
    assert!(title.contains("Headline </title><script>x</script>"));
}

fn python() -> Option<&'static str> {
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| "python3")
}

#[test]
fn jsonl_spans_hold_their_quotes_in_python() {
    let r = run(&root(), &["export", "annotations", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files = annotator_files(&root().join("annotations"));
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len());
    for (v, (_, set)) in lines.iter().zip(&files) {
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        let spans = v["spans"].as_array().unwrap();
        assert_eq!(spans.len(), set.claims.len());
        for (s, c) in spans.iter().zip(&set.claims) {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text[a..b].iter().collect::<String>(), c.quote);
            assert_eq!(s["label"], c.kind.as_str().to_uppercase());
        }
        assert_eq!(v["meta"]["article"], set.article.id.as_str());
        assert_eq!(v["meta"]["sha256"], set.article.sha256.as_str());
    }
    let Some(py) = python() else {
        eprintln!("no python3; the Python check is skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("spans.jsonl");
    std::fs::write(&f, &r.stdout).unwrap();
    let script = r#"
import json, sys, hashlib
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    assert hashlib.sha256(d["text"].encode()).hexdigest() == d["meta"]["sha256"]
    for s in d["spans"]:
        assert d["text"][s["start"]:s["end"]] == s["quote"], s
        n += 1
print(n)
"#;
    let out = std::process::Command::new(py)
        .args(["-c", script, f.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let total: usize = files.iter().map(|f| f.1.claims.len()).sum();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        total.to_string()
    );
}

#[test]
fn w3c_annotations_select_their_quotes() {
    let r = run(&root(), &["export", "annotations", "--format", "w3c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files = annotator_files(&root().join("annotations"));
    let all: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        all.len(),
        files.iter().map(|f| f.1.claims.len()).sum::<usize>()
    );
    let mut it = all.iter();
    for (_, set) in &files {
        let article = byline_store::article::load(
            &root()
                .join("annotations")
                .join(&set.article.id)
                .join(set.article.path.as_deref().unwrap()),
        )
        .unwrap();
        let joined: Vec<char> = article
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
            .chars()
            .collect();
        for c in &set.claims {
            let a = it.next().unwrap();
            assert_eq!(a["type"], "Annotation");
            assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
            assert!(
                a["id"]
                    .as_str()
                    .unwrap()
                    .ends_with(c.id.as_deref().unwrap())
            );
            assert_eq!(a["creator"]["name"], set.annotator.name.as_str());
            let body = a["body"].as_array().unwrap();
            assert_eq!(body[0]["purpose"], "tagging");
            assert_eq!(body[0]["value"], c.kind.as_str());
            let sel = a["target"]["selector"].as_array().unwrap();
            assert_eq!(sel[0]["type"], "TextQuoteSelector");
            assert_eq!(sel[0]["exact"], c.quote.as_str());
            assert_eq!(sel[1]["type"], "TextPositionSelector");
            let (s, e) = (
                sel[1]["start"].as_u64().unwrap() as usize,
                sel[1]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(joined[s..e].iter().collect::<String>(), c.quote);
            let prefix: String = joined[s.saturating_sub(32)..s].iter().collect();
            assert_eq!(sel[0]["prefix"], prefix.as_str());
            let suffix: String = joined[e..(e + 32).min(joined.len())].iter().collect();
            assert_eq!(sel[0]["suffix"], suffix.as_str());
        }
    }

    // Python's json reads both, and the selectors hold in the JSONL's text.
    let Some(py) = python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let w3c = dir.path().join("w3c.jsonl");
    std::fs::write(&w3c, &r.stdout).unwrap();
    let texts = dir.path().join("texts.jsonl");
    let j = run(&root(), &["export", "annotations", "--format", "jsonl"]);
    std::fs::write(&texts, &j.stdout).unwrap();
    let script = r#"
import json, sys
texts = {}
for line in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(line)
    texts[d["meta"]["article"]] = d["text"]
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    article = a["id"].split(":")[3].split("/")[0]
    text = texts[article]
    quote, pos = a["target"]["selector"]
    s, e = pos["start"], pos["end"]
    assert text[s:e] == quote["exact"], a["id"]
    assert text[max(0, s - 32):s] == quote["prefix"], a["id"]
    assert text[e:e + 32] == quote["suffix"], a["id"]
    n += 1
print(n)
"#;
    let out = std::process::Command::new(py)
        .args(["-c", script, w3c.to_str().unwrap(), texts.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        all.len().to_string()
    );
}

#[test]
fn brat_offsets_hold_against_the_txt() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let r = run(
        &root(),
        &[
            "export",
            "annotations",
            "--format",
            "brat",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.join("annotation.conf").is_file());
    for (_, set) in annotator_files(&root().join("annotations")) {
        let stem = byline_store::annotator_slug(&set.annotator.name);
        let base = out.join(&set.article.id).join(&stem);
        let txt: Vec<char> = std::fs::read_to_string(base.with_extension("txt"))
            .unwrap()
            .chars()
            .collect();
        let ann = std::fs::read_to_string(base.with_extension("ann")).unwrap();
        let t_lines: Vec<&str> = ann.lines().filter(|l| l.starts_with('T')).collect();
        assert_eq!(t_lines.len(), set.claims.len());
        for (line, c) in t_lines.iter().zip(&set.claims) {
            let f: Vec<&str> = line.split('\t').collect();
            let mut head = f[1].split(' ');
            let label = head.next().unwrap();
            let s: usize = head.next().unwrap().parse().unwrap();
            let e: usize = head.next().unwrap().parse().unwrap();
            assert_eq!(label.to_lowercase(), c.kind.as_str());
            assert_eq!(txt[s..e].iter().collect::<String>(), c.quote);
            assert_eq!(f[2], c.quote);
        }
        for c in &set.claims {
            if let Some(src) = &c.source {
                assert!(ann.contains(&format!("source: {src}")));
            }
        }
    }
}

#[test]
fn claims_as_json_lines_and_csv_carry_ids_and_verdicts() {
    let r = run(
        &root(),
        &["export", "annotations", "--claims", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files = annotator_files(&root().join("annotations"));
    assert_eq!(
        rows.len(),
        files.iter().map(|f| f.1.claims.len()).sum::<usize>()
    );
    for key in [
        "id",
        "article",
        "title",
        "outlet",
        "annotator",
        "paragraph",
        "start",
        "end",
        "kind",
        "source",
        "note",
        "tags",
        "status",
        "quote",
    ] {
        assert!(rows[0].get(key).is_some(), "{key}");
    }
    let disputed = rows.iter().find(|r| r["id"] == "lz53nc").unwrap();
    assert_eq!(disputed["verdicts"][0]["verdict"], "dispute");
    assert_eq!(disputed["verdicts"][0]["kind"], "editorial");

    let r = run(
        &root(),
        &["export", "annotations", "--verdicts", "--format", "csv"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "article",
            "annotator",
            "reviewer",
            "claim",
            "paragraph",
            "start",
            "end",
            "kind",
            "verdict",
            "proposed_kind",
            "comment",
            "quote"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let d = rows.iter().find(|r| &r[8] == "dispute").unwrap();
    assert_eq!(&d[9], "editorial");
    assert!(d[10].starts_with("no one is quoted"));

    let r = run(
        &root(),
        &["export", "annotations", "--verdicts", "--format", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 4);
}

#[test]
fn json_export_has_intervals_that_do_not_change() {
    let a = run(&root(), &["export", "annotations", "--format", "json"]);
    let b = run(&root(), &["export", "annotations", "--format", "json"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout, "the seed is fixed");
    let v: Value = serde_json::from_str(&a.stdout).unwrap();
    for g in v["by_outlet"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["by_annotator"].as_array().unwrap())
        .chain([&v["totals"]])
    {
        let r = g["anonymity_ratio"].as_f64().unwrap();
        let ci = &g["anonymity_ratio_ci95"];
        // An interval needs five articles behind it; with fewer, none.
        if g["distinct_articles"].as_u64().unwrap() < 5 {
            assert!(ci.is_null(), "{g}");
            assert!(g["editorial_per_100_words_ci95"].is_null());
            continue;
        }
        let (lo, hi) = (ci[0].as_f64().unwrap(), ci[1].as_f64().unwrap());
        assert!(lo <= r + 1e-12 && r <= hi + 1e-12, "{lo} {r} {hi}");
        assert!(g["editorial_per_100_words_ci95"].is_array());
    }
    assert!(v["totals"]["anonymity_ratio_ci95"].is_array());
}

#[test]
fn brat_needs_a_folder_and_output_folders_must_exist() {
    let r = run(&root(), &["export", "annotations", "--format", "brat"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("-o DIR"), "{}", r.stderr);
    for (flag, format) in [("--claims", "html"), ("--verdicts", "markdown")] {
        let r = run(
            &root(),
            &["export", "annotations", flag, "--format", format],
        );
        assert_eq!(r.code, 2, "{flag} --format {format}");
        assert!(
            r.stderr.contains("--format csv or --format json"),
            "{}",
            r.stderr
        );
    }
    let r = run(
        &root(),
        &[
            "export",
            "annotations",
            "--format",
            "html",
            "-o",
            "/nonexistent-folder/x/report.html",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("does not exist"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn warnings_about_many_files_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let apath = dir.path().join("a.txt");
    std::fs::write(&apath, "One said so.\n\nTwo.").unwrap();
    let article = byline_store::article::load(&apath).unwrap();
    for i in 0..7 {
        let set = AnnotationSet::new(&article, &format!("Person {i}"), None);
        let file = dir.path().join(format!("annotations/a/person-{i}.toml"));
        byline_store::save(&file, &set).unwrap();
    }
    let r = run(dir.path(), &["export", "annotations", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("7 files have no article.path"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("and 4 more (--verbose lists them)"));
    let r = run(
        dir.path(),
        &["export", "annotations", "--format", "json", "--verbose"],
    );
    assert!(r.stderr.contains("person-6.toml"), "{}", r.stderr);
}

#[test]
fn html_flags_claims_that_need_review_and_does_not_mark_what_does_not_hold() {
    let dir = tempfile::tempdir().unwrap();
    let file = corpus(
        dir.path(),
        &["Title", "One said so. Two said no."],
        &[(2, 0, 12, Kind::Sourced), (2, 13, 25, Kind::Anonymous)],
    );
    let mut set = byline_store::load(&file).unwrap().unwrap();
    // The second claim lost its place when the article changed.
    set.claims[1].status = Some("needs-review".into());
    set.claims[1].quote = "Two said nothing.".into();
    let mut first = set.claims[0].clone();
    first.status = Some("needs-review".into());
    set.claims[0] = first;
    byline_store::save(&file, &set).unwrap();
    let r = run(dir.path(), &["export", "annotations", "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = Html::parse_document(&r.stdout);
    let marks = marked_text(&doc, "article.doc");
    let ids: Vec<&str> = set
        .claims
        .iter()
        .map(|c| c.id.as_deref().unwrap())
        .collect();
    assert_eq!(
        marks.len(),
        1,
        "only the claim whose offsets hold is marked"
    );
    assert_eq!(marks[ids[0]].1, "One said so.");
    let m = doc.select(&sel("mark.claim")).next().unwrap();
    assert!(m.value().classes().any(|c| c == "review"));
    let flags = doc.select(&sel("ol.claims .flag")).count();
    assert_eq!(flags, 2, "both are flagged in the list");
    let toc: String = doc.select(&sel("nav.toc")).flat_map(|e| e.text()).collect();
    assert!(toc.contains("2 need review"), "{toc}");
}

#[test]
fn json_and_markdown_carry_dispute_comments() {
    let r = run(&root(), &["export", "annotations", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let disputes: Vec<&Value> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["reviews"].as_array().unwrap())
        .flat_map(|r| r["disputes"].as_array().unwrap())
        .collect();
    assert_eq!(disputes.len(), 1);
    assert_eq!(disputes[0]["claim"], "lz53nc");
    assert_eq!(disputes[0]["proposed"], "editorial");
    assert!(
        disputes[0]["comment"]
            .as_str()
            .unwrap()
            .starts_with("no one is quoted")
    );
    let r = run(&root(), &["export", "annotations", "--format", "markdown"]);
    assert!(
        r.stdout
            .contains("disputes ¶4 129–267 (anonymous → editorial")
    );
}

/// Three annotators of harbor-council in a folder of their own: the page's
/// agreement section has every pair, the article's row says what was
/// compared, and the side-by-side view outlines the claims only one of
/// the two made — exactly those the other has no claim of that kind over.
#[test]
fn html_report_has_an_agreement_section_and_a_side_by_side_view() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ann/harbor-council");
    std::fs::create_dir_all(&folder).unwrap();
    for f in ["alex-example.toml", "sam-example.toml"] {
        std::fs::copy(
            root().join("annotations/harbor-council").join(f),
            folder.join(f),
        )
        .unwrap();
    }
    // Jo stopped at ¶9: only ¶1–9 are compared.
    std::fs::copy(
        root().join("tests/fixtures/agree/harbor-council/jo-example.toml"),
        folder.join("jo-example.toml"),
    )
    .unwrap();
    let article = root().join("examples/articles/harbor-council.txt");
    for f in ["alex-example.toml", "sam-example.toml", "jo-example.toml"] {
        let p = folder.join(f);
        let text = std::fs::read_to_string(&p).unwrap();
        let fixed: String = text
            .lines()
            .map(|l| {
                if l.starts_with("path = ") {
                    format!("path = {:?}", article.display().to_string())
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&p, fixed + "\n").unwrap();
    }
    let out = dir.path().join("report.html");
    let page = html_report(dir.path(), "ann", &["--root", "/"], &out);
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let section = doc
        .select(&sel("section#agreement"))
        .next()
        .expect("an agreement section");
    let text: String = section.text().collect();
    for pair in [
        "alex-example · jo-example",
        "alex-example · sam-example",
        "jo-example · sam-example",
    ] {
        assert!(text.contains(pair), "{pair} in {text}");
    }
    assert!(
        text.contains(
            "¶1–15: jo-example stopped at ¶9 (of 15); a pair with them compares up to there"
        ),
        "{text}"
    );
    assert!(text.contains("alex-example · jo-example (¶1–9)"), "{text}");
    // The figures are agree's own.
    let agree = run(
        dir.path(),
        &[
            "agree",
            "ann/harbor-council",
            "--root",
            "/",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&agree.stdout).unwrap();
    let kappa = v["pairs"][0]["cohen_kappa"].as_f64().unwrap();
    assert!(text.contains(&format!("{kappa:.2}")), "{text}");
    // Side by side: alex and jo; outlined marks are the claims of one that
    // the other has no same-kind claim over, within ¶1–9.
    let sets: Vec<AnnotationSet> = ["alex-example.toml", "jo-example.toml"]
        .iter()
        .map(|f| byline_store::load(&folder.join(f)).unwrap().unwrap())
        .collect();
    let only = |a: &AnnotationSet, b: &AnnotationSet| {
        a.claims
            .iter()
            .filter(|c| c.at.para.number() <= 9)
            .filter(|c| {
                !b.claims
                    .iter()
                    .any(|o| o.kind == c.kind && o.at.overlaps(&c.at))
            })
            .count()
    };
    let want = only(&sets[0], &sets[1]) + only(&sets[1], &sets[0]);
    let summary: String = doc
        .select(&sel("#side-1 summary"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        summary.contains(&format!("({want} claims only one of them marked")),
        "{summary}"
    );
    assert!(doc.select(&sel("#side-1 mark.side-k.only")).count() >= want);
    // Marks outside the compared paragraphs are never outlined.
    let outside: Vec<String> = doc
        .select(&sel("#side-1 .out mark.only"))
        .map(|m| m.html())
        .collect();
    assert!(outside.is_empty(), "outlined outside ¶1–9: {outside:?}");
    assert!(doc.select(&sel("#side-1 .out mark.side-k")).count() > 0);
    // Not a claim mark: the article sections' counts stay theirs.
    assert_eq!(doc.select(&sel("section#agreement mark.claim")).count(), 0);
}
