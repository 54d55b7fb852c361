//! `byline export` against hand-computed values.
//!
//! tests/fixtures/export/corpus holds one invented article (alpha, 5
//! paragraphs, 66 words, 9 sentences), two annotators' files on it, a file
//! on an article whose text is missing (beta), and the bookkeeping that
//! must be skipped (a review file, a conflict copy, a lock file). The
//! expected numbers below were worked out by hand from the claims; the
//! comments show the arithmetic.

use crate::common::Run;
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const EPS: f64 = 1e-12;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

fn corpus_dir() -> PathBuf {
    root().join("tests/fixtures/export/corpus")
}

/// `byline` run from the fixture corpus, so paths in the output are short
/// and the same on every machine.
fn byline_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Run {
    byline_in(dir).args(args).output().unwrap().into()
}

fn json(args: &[&str]) -> (Value, Run) {
    let r = run(&corpus_dir(), args);
    let v: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr: {}", r.stdout, r.stderr));
    (v, r)
}

#[track_caller]
fn close(v: &Value, want: f64) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("{v} is not a number, want {want}"));
    assert!((got - want).abs() < EPS, "got {got}, want {want}");
}

fn kinds(v: &Value) -> [u64; 3] {
    [
        v["sourced"].as_u64().unwrap(),
        v["anonymous"].as_u64().unwrap(),
        v["editorial"].as_u64().unwrap(),
    ]
}

#[test]
fn json_articles_match_hand_computed_values() {
    let (v, r) = json(&["export", "annotations", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(v["format"], "byline-export/1");
    let a = v["articles"].as_array().unwrap();
    let files: Vec<&str> = a.iter().map(|a| a["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "annotations/alpha/alex-one.toml",
            "annotations/alpha/bo-two.toml",
            "annotations/beta/alex-one.toml"
        ],
        "review files, conflict copies and lock files are not claims files"
    );

    // alpha by Alex One: S ¶2 51–106 (55 chars) with E ¶2 84–105 (21) inside
    // it; A ¶3 29–61 (32); E ¶3 62–98 (36); A ¶4 0–71 (71) with A ¶4 40–70
    // inside it; E ¶5 0–47 (47), needs review.
    let one = &a[0];
    assert_eq!(one["article"], "alpha");
    assert_eq!(one["title"], "Mill plans stall");
    assert_eq!(one["annotator"], "Alex One");
    assert_eq!(one["outlet"], "Valley Post");
    assert_eq!(one["text"], "ok");
    assert_eq!(one["claims"], 7);
    assert_eq!(kinds(&one["by_kind"]), [1, 3, 3]);
    close(&one["share_by_claims"]["anonymous"], 3.0 / 7.0);
    // The editorial claim inside the sourced one labels its 21 chars.
    assert_eq!(
        kinds(&one["chars_by_kind"]),
        [55 - 21, 32 + 71, 21 + 36 + 47]
    );
    close(&one["share_by_chars"]["sourced"], 34.0 / 241.0);
    close(&one["share_by_chars"]["editorial"], 104.0 / 241.0);
    close(&one["anonymity_ratio"], 3.0 / 4.0);
    // Words 3+18+19+17+9 = 66; sentences 1+2+3+2+1 = 9, of which ¶2's
    // second, ¶3's third and ¶5's only are touched by an editorial claim.
    assert_eq!(one["words"], 66);
    assert_eq!(one["sentences"], 9);
    assert_eq!(one["editorial_sentences"], 3);
    close(&one["editorial_per_100_words"], 300.0 / 66.0);
    close(&one["editorial_sentence_share"], 3.0 / 9.0);
    // " people familiar  with the plans " trims, collapses and folds into
    // "People familiar with the plans"; on a 1–1 tie the spelling that
    // sorts first is shown.
    assert_eq!(
        one["sources"],
        serde_json::json!([
            {"name": "People familiar with the plans", "kind": "anonymous", "count": 2},
            {"name": "Petra Lund", "kind": "sourced", "count": 1},
            {"name": "one foreman", "kind": "anonymous", "count": 1},
        ])
    );
    assert_eq!(one["claims_without_source"], 0);
    // Shares 2/4, 1/4, 1/4: top 0.5; 1 / (1/4 + 1/16 + 1/16) = 8/3.
    close(&one["top_source_share"], 0.5);
    close(&one["effective_sources"], 8.0 / 3.0);
    assert_eq!(one["paragraphs"], 5);
    assert_eq!(one["paragraphs_with_claims"], 4);
    assert_eq!(one["paragraphs_without_claims"], serde_json::json!([1]));
    // Headline ¶1 and ¶2–4: every anonymous claim, 2 of 3 editorial.
    assert_eq!(one["lead_paragraphs"], serde_json::json!([1, 2, 3, 4]));
    assert_eq!(kinds(&one["in_lead"]), [1, 3, 2]);
    close(&one["anonymous_lead_share"], 1.0);
    close(&one["editorial_lead_share"], 2.0 / 3.0);
    assert_eq!(one["needs_review"], 1);
    assert_eq!(
        one["needs_review_claims"],
        serde_json::json!([{"paragraph": 5, "start": 0, "end": 47, "id": "n1"}])
    );
    assert_eq!(
        one["by_paragraph"],
        serde_json::json!({
            "sourced": [0, 1, 0, 0, 0],
            "anonymous": [0, 0, 1, 2, 0],
            "editorial": [0, 1, 1, 0, 1],
        })
    );

    // alpha by Bo Two: E ¶2 0–50, A ¶3 0–28 without a source, S ¶3 29–61.
    let two = &a[1];
    assert_eq!(kinds(&two["by_kind"]), [1, 1, 1]);
    assert_eq!(kinds(&two["chars_by_kind"]), [32, 28, 50]);
    close(&two["anonymity_ratio"], 0.5);
    close(&two["editorial_per_100_words"], 100.0 / 66.0);
    close(&two["editorial_sentence_share"], 1.0 / 9.0);
    assert_eq!(two["claims_without_source"], 1);
    close(&two["top_source_share"], 1.0);
    close(&two["effective_sources"], 1.0);
    assert_eq!(
        two["paragraphs_without_claims"],
        serde_json::json!([1, 4, 5])
    );

    // beta: no text, so no words or sentences at all (keys left out), and
    // the lead is assumed to be ¶1–4. S ¶6 0–4 under E ¶6 2–10 keeps 2
    // chars.
    let beta = &a[2];
    assert_eq!(beta["text"], "missing");
    for key in [
        "words",
        "sentences",
        "editorial_sentences",
        "editorial_per_100_words",
        "editorial_sentence_share",
    ] {
        assert!(beta.get(key).is_none(), "{key} needs the text");
    }
    assert_eq!(kinds(&beta["by_kind"]), [1, 2, 1]);
    assert_eq!(kinds(&beta["chars_by_kind"]), [2, 5 + 9, 8]);
    close(&beta["anonymity_ratio"], 2.0 / 3.0);
    close(&beta["anonymous_lead_share"], 1.0);
    close(&beta["editorial_lead_share"], 0.0);
    assert_eq!(beta["sources"][0]["name"], "Officials");
    assert_eq!(beta["sources"][0]["count"], 2);
    // Shares 2/3 and 1/3: 1 / (4/9 + 1/9) = 9/5.
    close(&beta["effective_sources"], 9.0 / 5.0);
}

#[test]
fn json_totals_and_breakdowns_are_pooled() {
    let (v, r) = json(&["export", "annotations", "--format", "json"]);
    assert_eq!(r.code, 0);
    let t = &v["totals"];
    assert_eq!(t["articles"], 3);
    assert_eq!(t["distinct_articles"], 2);
    assert_eq!(t["annotators"], 2);
    // "Valley Post" and "valley post" are one outlet.
    assert_eq!(t["outlets"], 1);
    assert_eq!(t["claims"], 14);
    assert_eq!(kinds(&t["by_kind"]), [3, 6, 5]);
    close(&t["anonymity_ratio"], 6.0 / 9.0);
    // Only the two files with text count here: (3 + 1) editorial claims
    // over 66 + 66 words, and 4 of 18 sentences.
    assert_eq!(t["articles_with_text"], 2);
    assert_eq!(t["words"], 132);
    close(&t["editorial_per_100_words"], 400.0 / 132.0);
    close(&t["editorial_sentence_share"], 4.0 / 18.0);
    assert_eq!(t["needs_review"], 1);
    assert_eq!(t["claims_without_source"], 1);

    // Anonymity ratios 3/4, 1/2, 2/3 sorted: 0.5, 0.667, 0.75; quartiles
    // interpolate halfway between neighbours.
    let d = &t["distribution"]["anonymity_ratio"];
    assert_eq!(d["n"], 3);
    close(&d["median"], 2.0 / 3.0);
    close(&d["q1"], (0.5 + 2.0 / 3.0) / 2.0);
    close(&d["q3"], (2.0 / 3.0 + 0.75) / 2.0);
    close(&d["iqr"], (0.75 - 0.5) / 2.0);
    // Only files with text have a density: 300/66 and 100/66.
    let d = &t["distribution"]["editorial_per_100_words"];
    assert_eq!(d["n"], 2);
    close(&d["median"], 200.0 / 66.0);

    // Sources pooled over files: "Petra Lund" twice; "one foreman" is a
    // separate source as sourced and as anonymous.
    assert_eq!(
        t["sources"],
        serde_json::json!([
            {"name": "Petra Lund", "kind": "sourced", "count": 2},
            {"name": "Officials", "kind": "anonymous", "count": 2},
            {"name": "People familiar with the plans", "kind": "anonymous", "count": 2},
            {"name": "One Foreman", "kind": "sourced", "count": 1},
            {"name": "one foreman", "kind": "anonymous", "count": 1},
        ])
    );

    let by_a = v["by_annotator"].as_array().unwrap();
    assert_eq!(by_a.len(), 2);
    assert_eq!(by_a[0]["annotator"], "Alex One");
    assert_eq!(by_a[0]["articles"], 2);
    assert_eq!(kinds(&by_a[0]["by_kind"]), [2, 5, 4]);
    close(&by_a[0]["anonymity_ratio"], 5.0 / 7.0);
    close(&by_a[0]["editorial_per_100_words"], 300.0 / 66.0);
    assert_eq!(by_a[1]["annotator"], "Bo Two");
    assert_eq!(kinds(&by_a[1]["by_kind"]), [1, 1, 1]);

    let by_o = v["by_outlet"].as_array().unwrap();
    assert_eq!(by_o.len(), 1);
    // Two files spell it "Valley Post", one "valley post".
    assert_eq!(by_o[0]["outlet"], "Valley Post");
    assert_eq!(by_o[0]["articles"], 3);
}

#[test]
fn skipped_files_and_missing_text_are_said_once() {
    let r = run(
        &corpus_dir(),
        &["export", "annotations", "--format", "json"],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr,
        "byline: not counted as annotator files: 1 review file, 1 conflict copy, 1 lock, backup or temporary file\n\
         byline: warning: annotations/beta/alex-one.toml: article text articles/beta.txt not found (article.path); words and sentences are left out\n"
    );
}

#[test]
fn unknown_outlet_and_no_path() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(corpus_dir().join("annotations/alpha/bo-two.toml"))
        .unwrap()
        .replace("outlet = \"valley post\"\n", "")
        .replace("path = \"../../articles/alpha.txt\"\n", "");
    std::fs::write(dir.path().join("bo.toml"), text).unwrap();
    let r = run(dir.path(), &["export", "bo.toml", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["articles"][0]["outlet"], Value::Null);
    assert_eq!(v["articles"][0]["text"], "no-path");
    assert_eq!(v["by_outlet"][0]["outlet"], "unknown");
    assert_eq!(
        r.stderr,
        "byline: warning: bo.toml: no article.path, so the article text is unknown; words and sentences are left out\n"
    );
}

fn python_csv(csv: &str, script: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    std::fs::write(&file, csv).unwrap();
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output();
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8(o.stdout).unwrap()),
        Ok(o) => panic!("python failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(_) => {
            eprintln!("python3 not found; the Python csv check is skipped");
            None
        }
    }
}

/// Reads the file with Python's csv module and prints it back as JSON.
const PY_READ: &str = "import csv, json, sys\n\
with open(sys.argv[1], newline='', encoding='utf-8') as f:\n    \
rows = list(csv.DictReader(f))\n\
print(json.dumps(rows))";

#[test]
fn csv_per_article_rows_match_the_json_and_python_reads_them() {
    let r = run(&corpus_dir(), &["export", "annotations", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        &header[..7],
        [
            "article",
            "title",
            "annotator",
            "outlet",
            "file",
            "text",
            "claims"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "one row per article file");
    let col = |row: &csv::StringRecord, name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        row[i].to_owned()
    };
    assert_eq!(col(&rows[0], "claims"), "7");
    assert_eq!(col(&rows[0], "sourced_chars"), "34");
    assert_eq!(col(&rows[0], "anonymity_ratio"), "0.75");
    assert_eq!(col(&rows[0], "words"), "66");
    assert_eq!(
        col(&rows[0], "top_source"),
        "People familiar with the plans"
    );
    assert_eq!(col(&rows[1], "paragraphs_without_claims"), "1 4 5");
    // No text: the text columns are empty, not zero.
    assert_eq!(col(&rows[2], "text"), "missing");
    assert_eq!(col(&rows[2], "words"), "");
    assert_eq!(col(&rows[2], "editorial_per_100_words"), "");

    if let Some(out) = python_csv(&r.stdout, PY_READ) {
        let py: Value = serde_json::from_str(&out).unwrap();
        let py = py.as_array().unwrap();
        assert_eq!(py.len(), 3);
        assert_eq!(py[0]["article"], "alpha");
        assert_eq!(py[0]["editorial_per_100_words"], "4.545454545454546");
        assert_eq!(py[2]["file"], "annotations/beta/alex-one.toml");
    }
}

#[test]
fn csv_claims_rows_survive_quotes_commas_and_newlines() {
    let r = run(
        &corpus_dir(),
        &["export", "annotations", "--format", "csv", "--claims"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(
        "article,annotator,paragraph,start,end,kind,source,note,quote,id,tags,status\r\n"
    ));
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7 + 3 + 4);
    let shameful = &rows[3];
    let first: Vec<&str> = shameful.iter().take(7).collect();
    assert_eq!(
        first,
        ["alpha", "Alex One", "3", "62", "98", "editorial", ""]
    );
    assert_eq!(&shameful[7], "says \"shameful\", twice\nsecond line");
    assert_eq!(&shameful[8], "It was a shameful way to treat them.");

    let script = "import csv, json, sys\n\
with open(sys.argv[1], newline='', encoding='utf-8') as f:\n    \
rows = list(csv.reader(f))\n\
print(json.dumps([len(rows), rows[0], rows[4]]))";
    if let Some(out) = python_csv(&r.stdout, script) {
        let py: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(py[0], 15, "header and 14 claims");
        assert_eq!(
            py[1],
            serde_json::json!([
                "article",
                "annotator",
                "paragraph",
                "start",
                "end",
                "kind",
                "source",
                "note",
                "quote",
                "id",
                "tags",
                "status"
            ])
        );
        assert_eq!(py[2][7], "says \"shameful\", twice\nsecond line");
    }
}

/// Insta snapshots drop nothing here: the report is plain text.
#[test]
fn markdown_report_of_one_article() {
    let r = run(
        &corpus_dir(),
        &["export", "annotations/alpha/alex-one.toml"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn markdown_report_of_the_corpus() {
    let r = run(
        &corpus_dir(),
        &["export", "annotations", "--format", "markdown"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The corpus overview comes first.
    let overview = r.stdout.find("## Corpus").unwrap();
    let first_article = r.stdout.find("## Mill plans stall").unwrap();
    assert!(overview < first_article);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn bad_files_are_named_the_rest_is_exported_and_the_exit_code_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("annotations/alpha");
    std::fs::create_dir_all(&a).unwrap();
    let good = std::fs::read_to_string(corpus_dir().join("annotations/alpha/bo-two.toml"))
        .unwrap()
        .replace("../../articles/alpha.txt", "nowhere.txt");
    std::fs::write(a.join("bo-two.toml"), &good).unwrap();
    std::fs::write(
        a.join("cy-bad-kind.toml"),
        good.replacen("kind = \"anonymous\"", "kind = \"opinion\"", 1),
    )
    .unwrap();
    std::fs::write(a.join("dee-broken.toml"), "[article\nid = 1\n").unwrap();
    let r = run(dir.path(), &["export", "--format", "json"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(
        lines.contains(
            &"byline: annotations/alpha/cy-bad-kind.toml:26:8: unknown kind \"opinion\"; a claim's kind is \"sourced\", \"anonymous\" or \"editorial\""
        ),
        "{}",
        r.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("byline: annotations/alpha/dee-broken.toml:1:")),
        "{}",
        r.stderr
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["totals"]["articles"], 1);
    assert_eq!(v["articles"][0]["annotator"], "Bo Two");
}

#[test]
fn usage_errors_exit_2() {
    let r = run(&corpus_dir(), &["export", "--format", "yaml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("yaml"), "{}", r.stderr);
    let r = run(&corpus_dir(), &["export", "--claims"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--format csv"), "{}", r.stderr);
}

#[test]
fn an_empty_folder_gives_an_empty_summary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("annotations")).unwrap();
    let r = run(dir.path(), &["export", "--format", "json"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr,
        "byline: no annotation files in annotations; the summary is empty\n"
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["articles"], serde_json::json!([]));
    assert_eq!(v["totals"]["articles"], 0);
    assert_eq!(v["totals"]["claims"], 0);
    assert_eq!(kinds(&v["totals"]["by_kind"]), [0, 0, 0]);
    let r = run(dir.path(), &["export", "--format", "csv"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.lines().count(), 1, "the header alone");
    let r = run(dir.path(), &["export"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("the summary is empty"));
}

#[test]
fn a_missing_path_is_an_error_but_the_rest_is_exported() {
    let r = run(
        &corpus_dir(),
        &[
            "export",
            "annotations/alpha/bo-two.toml",
            "no-such-dir",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("byline: no-such-dir: no such file or folder"),
        "{}",
        r.stderr
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["totals"]["articles"], 1);
}

#[test]
fn output_file_replaces_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let r = run(
        &corpus_dir(),
        &[
            "export",
            "annotations",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, "");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["totals"]["claims"], 14);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

/// The sample annotations in `annotations/` export in every format, and
/// the JSON agrees with the store's own reading of each file.
#[test]
fn sample_annotations_export_in_all_formats() {
    let samples = root().join("annotations");
    if !samples.is_dir() {
        eprintln!("no annotations/ folder; skipped");
        return;
    }
    for format in ["markdown", "json", "csv"] {
        let r = run(&root(), &["export", "--format", format]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(!r.stdout.is_empty());
    }
    let r = run(&root(), &["export", "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert!(!articles.is_empty());
    let mut total = 0;
    for a in articles {
        for key in [
            "article",
            "title",
            "annotator",
            "file",
            "claims",
            "by_kind",
            "sources",
            "paragraphs",
            "paragraphs_with_claims",
        ] {
            assert!(a.get(key).is_some(), "{key} missing");
        }
        let file = root().join(a["file"].as_str().unwrap());
        let set = byline_store::load(&file).unwrap().unwrap();
        let c = set.counts();
        assert_eq!(a["claims"], set.claims.len());
        assert_eq!(
            kinds(&a["by_kind"]),
            [c.0[0] as u64, c.0[1] as u64, c.0[2] as u64]
        );
        assert_eq!(a["paragraphs"], set.article.paragraphs);
        assert_eq!(a["title"], set.article.title.as_str());
        assert_eq!(a["text"], "ok", "the sample articles are in examples/");
        total += set.claims.len();
    }
    assert_eq!(v["totals"]["claims"], total);
    assert_eq!(v["totals"]["articles"], articles.len());
}

#[test]
fn a_file_named_twice_is_exported_once() {
    let r = run(
        &corpus_dir(),
        &[
            "export",
            "annotations",
            "annotations/alpha",
            "annotations/alpha/bo-two.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["totals"]["articles"], 3);
    assert!(
        r.stderr.contains("1 review file, 1 conflict copy"),
        "{}",
        r.stderr
    );
}

/// Review files are not claims files, but the export reports them on the
/// file they review: reviewed, agreed and disputed, by kind.
#[test]
fn reviews_are_reported_on_the_file_they_review() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("annotations/harbor-council");
    std::fs::create_dir_all(&folder).unwrap();
    for f in ["alex-example.toml", "sam-example.toml"] {
        std::fs::copy(
            root().join("annotations/harbor-council").join(f),
            folder.join(f),
        )
        .unwrap();
    }
    std::fs::write(
        folder.join("sam-example.review.toml"),
        r#"format = "byline-review/1"

[review]
article = "harbor-council"
reviewer = "Sam Example"
of = "alex-example"

[[verdicts]]
claim = "uqlhy2"
paragraph = 3
start = 0
end = 94
quote = "Mayor Lucia Ruiz told reporters after the session that the delay was \"a pause, not a retreat.\""
verdict = "agree"

[[verdicts]]
claim = "lz53nc"
paragraph = 4
start = 129
end = 267
quote = "Supporters say it would bring as many as 1,200 jobs to a neighborhood that has struggled since the container terminal moved north in 2009."
verdict = "dispute"
kind = "editorial"
comment = "no one is named"
"#,
    )
    .unwrap();
    let r = run(dir.path(), &["export", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let by_annotator = |name: &str| {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["annotator"] == name)
            .unwrap()
            .clone()
    };
    let alex = by_annotator("Alex Example");
    let review = &alex["reviews"][0];
    assert_eq!(review["reviewer"], "Sam Example");
    assert_eq!(
        (
            &review["claims"],
            &review["reviewed"],
            &review["agreed"],
            &review["disputed"]
        ),
        (
            &Value::from(10),
            &Value::from(2),
            &Value::from(1),
            &Value::from(1)
        )
    );
    assert_eq!(review["by_kind"]["sourced"]["agreed"], 1);
    assert_eq!(review["by_kind"]["anonymous"]["disputed"], 1);
    assert_eq!(review["proposed"]["editorial"], 1);
    assert_eq!(by_annotator("Sam Example")["reviews"], Value::Array(vec![]));
    let md = run(dir.path(), &["export"]).stdout;
    assert!(
        md.contains("- **Reviewed by Sam Example:** 2 of 10 claims, 1 agreed, 1 disputed (sourced 1/1 agreed, anonymous 0/1 agreed)"),
        "{md}"
    );
}
