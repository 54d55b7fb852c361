//! `byline import`: each format's export of the sample corpus comes back as
//! the same claims, and bad input is refused file by file with a message
//! naming the file and the line.

use byline_model::annotation::AnnotationSet;
use std::path::{Path, PathBuf};

use crate::common;
use common::{Run, root, run};

pub(crate) type ClaimKey = (
    Option<String>,
    usize,
    usize,
    usize,
    String,
    String,
    Option<String>,
    Option<String>,
    Vec<String>,
    Option<String>,
);

pub(crate) fn claims(set: &AnnotationSet) -> Vec<ClaimKey> {
    set.claims
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                c.at.para.number(),
                c.at.start,
                c.at.end,
                c.kind.as_str().to_owned(),
                c.quote.clone(),
                c.source.clone(),
                c.note.clone(),
                c.tags.clone(),
                c.status.clone(),
            )
        })
        .collect()
}

/// The sample annotator files: (article id, annotator slug, set).
pub(crate) fn samples() -> Vec<(String, String, AnnotationSet)> {
    let mut out = Vec::new();
    let dir = root().join("annotations");
    let mut articles: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    articles.sort();
    for a in articles {
        let mut files: Vec<_> = std::fs::read_dir(&a)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                n.ends_with(".toml") && n.matches('.').count() == 1
            })
            .collect();
        files.sort();
        for f in files {
            let mut set = byline_store::load(&f).unwrap().unwrap();
            set.assign_ids();
            let slug = f.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((set.article.id.clone(), slug, set));
        }
    }
    out
}

/// `byline import FILE --from FORMAT [--article PATH] --annotations DIR`,
/// run from the repository.
fn import(file: &str, from: &str, article: Option<&str>, annotations: &str) -> Run {
    let mut args = vec!["import", file, "--from", from, "--annotations", annotations];
    if let Some(a) = article {
        args.extend(["--article", a]);
    }
    run(&root(), &args)
}

/// The sample corpus exported as `format` to `dir/name`, then imported
/// from there into `dir/ann`: that folder.
fn exported_and_imported(dir: &Path, format: &str, name: &str) -> PathBuf {
    let out = dir.join(name);
    let r = run(
        &root(),
        &["export", "--format", format, "-o", out.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ann = dir.join("ann");
    let r = import(out.to_str().unwrap(), format, None, ann.to_str().unwrap());
    assert_eq!(r.code, 0, "{}", r.stderr);
    ann
}

pub(crate) fn imported(dir: &Path, article: &str, slug: &str) -> AnnotationSet {
    let p = dir.join(article).join(format!("{slug}.toml"));
    byline_store::load(&p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .unwrap_or_else(|| panic!("{} was not written", p.display()))
}

#[test]
fn jsonl_round_trip_gives_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let ann = exported_and_imported(dir.path(), "jsonl", "spans.jsonl");
    let file = dir.path().join("spans.jsonl");
    for (article, slug, set) in samples() {
        let got = imported(&ann, &article, &slug);
        assert_eq!(claims(&got), claims(&set), "{article}/{slug}");
        assert_eq!(got.annotator.name, set.annotator.name);
        assert_eq!(got.article.sha256, set.article.sha256);
        assert_eq!(got.article.title, set.article.title);
        assert_eq!(got.article.outlet, set.article.outlet);
        // The imported file finds its article again.
        let text = ann
            .join(&article)
            .join(got.article.path.as_deref().unwrap());
        let a = byline_store::article::load(&text).unwrap();
        assert_eq!(a.sha256(), set.article.sha256);
    }
    // Importing again would overwrite: refused, nothing changed.
    let before = std::fs::read(ann.join("harbor-council/alex-example.toml")).unwrap();
    let r = import(file.to_str().unwrap(), "jsonl", None, ann.to_str().unwrap());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(
        std::fs::read(ann.join("harbor-council/alex-example.toml")).unwrap(),
        before
    );
    // --force replaces it, with the same claims.
    std::fs::write(
        ann.join("harbor-council/alex-example.toml"),
        "format = \"byline/1\"\n",
    )
    .unwrap();
    let r = run(
        &root(),
        &[
            "import",
            file.to_str().unwrap(),
            "--from",
            "jsonl",
            "--annotations",
            ann.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read(ann.join("harbor-council/alex-example.toml")).unwrap(),
        before
    );
}

#[test]
fn w3c_round_trip_gives_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("ann");
    let samples = samples();
    let mut articles: Vec<&String> = samples.iter().map(|s| &s.0).collect();
    articles.dedup();
    for article in articles {
        let file = dir.path().join(format!("{article}.jsonl"));
        let r = run(
            &root(),
            &[
                "export",
                &format!("annotations/{article}"),
                "--format",
                "w3c",
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = samples
            .iter()
            .find(|s| &s.0 == article)
            .unwrap()
            .2
            .article
            .path
            .clone()
            .unwrap();
        let text = root().join("annotations").join(article).join(text);
        let r = import(
            file.to_str().unwrap(),
            "w3c",
            Some(text.to_str().unwrap()),
            ann.to_str().unwrap(),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    for (article, slug, set) in &samples {
        let got = imported(&ann, article, slug);
        assert_eq!(claims(&got), claims(set), "{article}/{slug}");
        assert_eq!(got.annotator.name, set.annotator.name);
    }
}

#[test]
fn w3c_collection_by_quote_only_is_placed_and_other_articles_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hypothesis.json");
    // What a tool that keeps only the quote writes (Hypothesis-like).
    std::fs::write(
        &file,
        r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "first": {"items": [
              {"type": "Annotation", "creator": "Kim",
               "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Editorial"},
                        {"type": "TextualBody", "purpose": "commenting", "value": "loaded"}],
               "target": {"source": "https://example.org/harbor",
                          "selector": {"type": "TextQuoteSelector",
                                       "exact": "they have a point."}}}]}}"#,
    )
    .unwrap();
    let ann = dir.path().join("ann");
    let article = root().join("examples/articles/harbor-council.txt");
    let r = import(
        file.to_str().unwrap(),
        "w3c",
        Some(article.to_str().unwrap()),
        ann.to_str().unwrap(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = imported(&ann, "harbor-council", "kim");
    assert_eq!(got.claims.len(), 1);
    let c = &got.claims[0];
    assert_eq!(
        (c.at.para.number(), c.at.start, c.at.end, c.kind.as_str()),
        (13, 58, 76, "editorial")
    );
    assert_eq!(c.note.as_deref(), Some("loaded"));

    // Without --article there is no text to place it on.
    let r = run(
        &root(),
        &["import", file.to_str().unwrap(), "--from", "w3c"],
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--article PATH"), "{}", r.stderr);
}

#[test]
fn brat_round_trip_gives_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let ann = exported_and_imported(dir.path(), "brat", "brat");
    for (article, slug, set) in samples() {
        let got = imported(&ann, &article, &slug);
        assert_eq!(claims(&got), claims(&set), "{article}/{slug}");
        assert_eq!(got.article.sha256, set.article.sha256);
    }
}

/// A brat file from another tool: its own text with single line breaks, a
/// label in another case, a free note and a relation.
#[test]
fn brat_from_another_tool_is_placed_by_quote() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("doc");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("one.txt"),
        "Officials said the plan\nwas fine.\n\nCritics called it a botched rollout.\n",
    )
    .unwrap();
    // brat writes a span's text on one line.
    std::fs::write(
        folder.join("one.ann"),
        "T1\tSOURCED 0 33\tOfficials said the plan was fine.\nT2\tEditorial 53 70\ta botched rollout\n#1\tAnnotatorNotes T2\tloaded words\nR1\tCites Arg1:T1 Arg2:T2\n",
    )
    .unwrap();
    let article = dir.path().join("one.txt");
    std::fs::write(
        &article,
        "Officials said the plan was fine.\n\nCritics called it a botched rollout.\n",
    )
    .unwrap();
    let ann = dir.path().join("ann");
    let r = run(
        dir.path(),
        &[
            "import",
            "doc/one.ann",
            "--from",
            "brat",
            "--article",
            "one.txt",
            "--annotations",
            "ann",
            "--annotator",
            "Kim",
        ],
    );
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let got = imported(&ann, "one", "kim");
    let k: Vec<_> = got
        .claims
        .iter()
        .map(|c| {
            (
                c.at.para.number(),
                c.at.start,
                c.at.end,
                c.kind.as_str(),
                c.quote.as_str(),
            )
        })
        .collect();
    assert_eq!(
        k,
        [
            (1, 0, 33, "sourced", "Officials said the plan was fine."),
            (2, 18, 35, "editorial", "a botched rollout"),
        ]
    );
    assert_eq!(got.claims[1].note.as_deref(), Some("loaded words"));
    assert_eq!(got.article.path.as_deref(), Some("../../one.txt"));
}

#[test]
fn bad_lines_and_spans_are_skipped_one_by_one_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "One said so. Two said no.";
    let good = format!(
        "{{\"text\": \"{text}\", \"spans\": [{{\"start\": 0, \"end\": 12, \"label\": \"SOURCED\"}}], \"meta\": {{\"article\": \"good\", \"annotator\": \"Ann\"}}}}\n"
    );
    std::fs::write(dir.path().join("good.jsonl"), &good).unwrap();
    std::fs::write(
        dir.path().join("bad-json.jsonl"),
        format!("{good}{{\"text\": oops}}\n").replace("\"good\"", "\"bad-json\""),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("label.jsonl"),
        good.replace("SOURCED", "RUMOUR")
            .replace("\"good\"", "\"label\""),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("outside.jsonl"),
        good.replace("\"end\": 12", "\"end\": 99")
            .replace("\"good\"", "\"outside\""),
    )
    .unwrap();
    let files = [
        "bad-json.jsonl",
        "label.jsonl",
        "outside.jsonl",
        "good.jsonl",
    ];
    let mut args = vec!["import"];
    args.extend(files);
    args.extend(["--from", "jsonl", "--annotations", "ann"]);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "byline: bad-json.jsonl: line 2: not JSON: expected value at line 1 column 10",
            "byline: outside.jsonl: line 1, span 1: offsets 0..99 are outside the text (0..25); a span covers at least one character of it",
            "byline: warning: labels the mapping \"byline\" does not know were left out: \"RUMOUR\" (1); map them with --label NAME=KIND or --labels FILE",
        ],
        "one line per problem:\n{}",
        r.stderr
    );
    // The readable line of bad-json.jsonl is imported; files left with
    // nothing are not written.
    assert_eq!(
        imported(&dir.path().join("ann"), "bad-json", "ann")
            .claims
            .len(),
        1
    );
    for bad in ["label", "outside"] {
        assert!(
            !dir.path().join("ann").join(bad).exists(),
            "{bad}: nothing written"
        );
    }
    let got = imported(&dir.path().join("ann"), "good", "ann");
    assert_eq!(got.claims[0].quote, "One said so.");
    assert_eq!(
        r.stdout.lines().last(),
        Some(
            "imported 2 claims from 2 files into 2 annotator files; 2 skipped: 2 spans or records (listed above)"
        ),
        "{}",
        r.stdout
    );

    // --strict: a label the mapping does not know refuses the file; a
    // --label maps it.
    let r = run(
        dir.path(),
        &[
            "import",
            "label.jsonl",
            "--from",
            "jsonl",
            "--annotations",
            "strict",
            "--strict",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("label.jsonl: labels the mapping \"byline\" does not know: \"RUMOUR\" (1); nothing was imported from this file (--strict"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("strict").exists());
    let r = run(
        dir.path(),
        &[
            "import",
            "label.jsonl",
            "--from",
            "jsonl",
            "--annotations",
            "mapped",
            "--strict",
            "--label",
            "RUMOUR=anonymous",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = imported(&dir.path().join("mapped"), "label", "ann");
    assert_eq!(got.claims[0].kind.as_str(), "anonymous");
    assert_eq!(
        got.annotator
            .extra
            .get("imported_from")
            .and_then(|v| v.as_str()),
        Some("jsonl")
    );
}

/// W3C offsets count into the article as it was annotated: after an edit
/// the quotes place the claims, and one whose text was rewritten is kept
/// with `needs-review`, never dropped.
#[test]
fn w3c_into_an_edited_article_is_placed_by_quote_or_kept_for_review() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbor.jsonl");
    let r = run(
        &root(),
        &[
            "export",
            "annotations/harbor-council/alex-example.toml",
            "--format",
            "w3c",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let original =
        std::fs::read_to_string(root().join("examples/articles/harbor-council.txt")).unwrap();
    // A new paragraph at the top shifts every offset; one claim's sentence
    // is rewritten beyond recognition.
    let edited = original
        .replacen("\n\n", "\n\nEditor's note: this story was updated.\n\n", 1)
        .replace(
            "Critics have long called the process slow and opaque, and they have a point.",
            "Some residents want a faster decision.",
        );
    let article = dir.path().join("harbor-council.txt");
    std::fs::write(&article, edited).unwrap();
    let ann = dir.path().join("ann");
    let r = import(
        file.to_str().unwrap(),
        "w3c",
        Some(article.to_str().unwrap()),
        ann.to_str().unwrap(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("needs-review"), "{}", r.stderr);
    let got = imported(&ann, "harbor-council", "alex-example");
    let original = samples()
        .into_iter()
        .find(|s| s.0 == "harbor-council" && s.1 == "alex-example")
        .unwrap()
        .2;
    assert_eq!(got.claims.len(), original.claims.len(), "none dropped");
    let a = byline_store::article::load(&article).unwrap();
    for c in &got.claims {
        let o = original.claims.iter().find(|o| o.id == c.id).unwrap();
        if c.needs_review() {
            assert_eq!(o.id.as_deref(), Some("8dskhj"));
        } else {
            assert_eq!(c.at.para, o.at.para.next(), "{:?}", c.id);
            assert_eq!(
                a.paragraphs[c.at.para.index()].slice(c.at.start, c.at.end),
                o.quote
            );
        }
    }
    assert_eq!(got.claims.iter().filter(|c| c.needs_review()).count(), 1);
}
