//! `byline agree` against reference values from the common Python
//! implementations (tests/vectors/, made by scripts/agreement_vectors.py).

use assert_cmd::Command;
use byline_model::review::metrics::{Confusion, krippendorff_alpha};
use serde_json::Value;
use std::path::Path;

const TOLERANCE: f64 = 1e-9;

fn vectors(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn byline() -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Equal to the tolerance, or both undefined (`null`).
fn assert_close(got: &Value, want: &Value, what: &str) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => assert!((g - w).abs() < TOLERANCE, "{what}: got {g}, want {w}"),
        _ => assert_eq!(got, want, "{what}"),
    }
}

fn opt(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::from)
}

#[test]
fn generated_cases_match_krippendorff_and_scikit_learn() {
    let v = vectors("metrics.json");
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 3);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let rows: Vec<Vec<Option<usize>>> = case["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().map(|x| x as usize))
                    .collect()
            })
            .collect();
        assert_close(
            &opt(krippendorff_alpha(&rows)),
            &case["krippendorff_alpha"],
            &format!("{name}: alpha"),
        );
        for pair in case["pairs"].as_array().unwrap() {
            let (a, b) = (
                pair["a"].as_u64().unwrap() as usize,
                pair["b"].as_u64().unwrap() as usize,
            );
            // Kappa is over the units both coders labelled.
            let mut m = Confusion::new(8);
            for (x, y) in rows[a].iter().zip(&rows[b]) {
                if let (Some(x), Some(y)) = (x, y) {
                    m.add(*x, *y);
                }
            }
            assert_close(
                &opt(m.cohen_kappa()),
                &pair["cohen_kappa"],
                &format!("{name}: kappa {a}-{b}"),
            );
        }
    }
}

#[test]
fn krippendorff_published_example_is_0_743() {
    let (n, s) = (None, Some);
    let rows = vec![
        vec![
            s(1),
            s(2),
            s(3),
            s(3),
            s(2),
            s(1),
            s(4),
            s(1),
            s(2),
            n,
            n,
            n,
        ],
        vec![
            s(1),
            s(2),
            s(3),
            s(3),
            s(2),
            s(2),
            s(4),
            s(1),
            s(2),
            s(5),
            n,
            s(3),
        ],
        vec![
            n,
            s(3),
            s(3),
            s(3),
            s(2),
            s(3),
            s(4),
            s(2),
            s(2),
            s(5),
            s(1),
            n,
        ],
        vec![
            s(1),
            s(2),
            s(3),
            s(3),
            s(2),
            s(4),
            s(4),
            s(1),
            s(2),
            s(5),
            s(1),
            n,
        ],
    ];
    let alpha = krippendorff_alpha(&rows).unwrap();
    assert_eq!(format!("{alpha:.3}"), "0.743");
    // krippendorff.alpha(..., level_of_measurement="nominal")
    assert!((alpha - 0.743421052631579).abs() < TOLERANCE);
}

#[test]
fn sample_annotators_match_the_reference_vectors() {
    let v = vectors("samples.json");
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 2);
    for case in cases {
        let files: Vec<&str> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        let out = byline()
            .arg("agree")
            .args(&files)
            .args(["--format", "json"])
            .assert()
            .success();
        let got: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let what = files.join(" ");
        for key in ["article", "annotators", "unit", "units"] {
            assert_eq!(got[key], case[key], "{what}: {key}");
        }
        for key in ["first", "last"] {
            assert_eq!(
                got["compared"][key], case["compared"][key],
                "{what}: compared {key}"
            );
        }
        for (g, w) in got["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .zip(case["pairs"].as_array().unwrap())
        {
            assert_eq!(g["compared"], w["compared"], "{what}: a pair's paragraphs");
        }
        assert_close(
            &got["krippendorff_alpha"],
            &case["krippendorff_alpha"],
            &format!("{what}: alpha"),
        );
        let pairs = case["pairs"].as_array().unwrap();
        assert_eq!(got["pairs"].as_array().unwrap().len(), pairs.len());
        for (g, w) in got["pairs"].as_array().unwrap().iter().zip(pairs) {
            let what = format!("{what}: {} vs {}", w["a"], w["b"]);
            assert_eq!((&g["a"], &g["b"]), (&w["a"], &w["b"]), "{what}");
            for key in ["cohen_kappa", "span_f1_exact", "span_f1_overlap"] {
                assert_close(&g[key], &w[key], &format!("{what}: {key}"));
            }
            for kind in ["sourced", "anonymous", "editorial"] {
                let (gk, wk) = (&g["by_kind"][kind], &w["by_kind"][kind]);
                assert_eq!(gk["claims_a"], wk["claims_a"], "{what}: {kind}");
                assert_eq!(gk["claims_b"], wk["claims_b"], "{what}: {kind}");
                for key in ["f1_exact", "f1_overlap"] {
                    assert_close(&gk[key], &wk[key], &format!("{what}: {kind} {key}"));
                }
            }
            assert_eq!(g["confusion"], w["confusion"], "{what}: confusion");
            for key in ["compared", "same"] {
                assert_eq!(
                    g["sources"][key], w["sources"][key],
                    "{what}: sources {key}"
                );
            }
            assert_close(
                &g["sources"]["rate"],
                &w["sources"]["rate"],
                &format!("{what}: source rate"),
            );
        }
    }
    assert!(
        cases
            .iter()
            .any(|c| c["compared"]["last"] != 15 && c["article"] == "harbor-council"),
        "a case where one annotator stopped early"
    );
}

/// `--against gold`: each annotator's precision and recall against the
/// adjudicated file, as the Python reference computes them.
#[test]
fn against_gold_matches_the_reference_vectors() {
    let v = vectors("samples.json");
    for case in v["gold"].as_array().unwrap() {
        let files: Vec<&str> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        let out = byline()
            .arg("agree")
            .args(&files)
            .args(["--against", case["gold"].as_str().unwrap()])
            .args(["--format", "json"])
            .assert()
            .success();
        let got: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let got = got["annotators"].as_array().unwrap();
        let want = case["annotators"].as_array().unwrap();
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            let what = w["annotator"].as_str().unwrap();
            assert_eq!(g["annotator"], w["annotator"]);
            for key in ["claims", "gold_claims"] {
                assert_eq!(g[key], w[key], "{what}: {key}");
            }
            for key in ["precision", "recall", "precision_exact"] {
                assert_close(&g[key], &w[key], &format!("{what}: {key}"));
            }
            assert_eq!(g["sources"]["same"], w["sources"]["same"], "{what}");
            assert_eq!(g["sources"]["compared"], w["sources"]["compared"], "{what}");
        }
    }
}

#[test]
fn text_report_prints_the_same_figures_rounded() {
    let v = vectors("samples.json");
    let case = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["article"] == "harbor-council" && c["files"].as_array().unwrap().len() == 2)
        .unwrap()
        .clone();
    let out = byline()
        .args([
            "agree",
            "annotations/harbor-council/alex-example.toml",
            "annotations/harbor-council/sam-example.toml",
        ])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let fig = |x: &Value| format!("{:.4}", x.as_f64().unwrap());
    let pair = &case["pairs"][0];
    assert!(
        text.contains(&format!(
            "Krippendorff's alpha (nominal, all annotators): {}",
            fig(&case["krippendorff_alpha"])
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("Cohen's kappa    {}", fig(&pair["cohen_kappa"]))),
        "{text}"
    );
    assert!(
        text.contains(&format!("span F1 exact    {}", fig(&pair["span_f1_exact"]))),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "span F1 overlap  {}",
            fig(&pair["span_f1_overlap"])
        )),
        "{text}"
    );
    assert!(text.contains("confusion (char units; rows alex-example, columns sam-example)"));
    // The header names the labels; then each row starts with its label.
    let none_row: Vec<String> = pair["confusion"][0]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let line = text
        .lines()
        .filter(|l| l.trim_start().starts_with("none "))
        .nth(1)
        .unwrap();
    assert_eq!(
        line.split_whitespace().skip(1).collect::<Vec<_>>(),
        none_row
    );
}

#[test]
fn a_folder_stands_for_its_annotator_files_and_bookkeeping_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["alex-example.toml", "sam-example.toml"] {
        std::fs::copy(
            root.join("annotations/harbor-council").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("sam-example.review.toml"),
        "not even toml [",
    )
    .unwrap();
    std::fs::write(dir.path().join("sam-example.conflict-20261126.toml"), "x").unwrap();
    let out = byline()
        .arg("agree")
        .arg(dir.path())
        .args([
            "--article",
            "examples/articles/harbor-council.txt",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let got: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        got["annotators"],
        serde_json::json!(["alex-example", "sam-example"])
    );
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.matches("skipped 2 file(s)").count(), 1, "{err}");
}

#[test]
fn sentence_units() {
    let out = byline()
        .args([
            "agree",
            "annotations/harbor-council/alex-example.toml",
            "annotations/harbor-council/sam-example.toml",
            "--unit",
            "sentence",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let got: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(got["unit"], "sentence");
    let units = got["units"].as_u64().unwrap();
    assert!(units > 15 && units < 100, "{units}");
    let total: u64 = got["pairs"][0]["confusion"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter().map(|n| n.as_u64().unwrap()))
        .sum();
    assert_eq!(total, units);
}

#[test]
fn fewer_than_two_files_is_a_usage_error() {
    byline().arg("agree").assert().code(2);
    let out = byline()
        .args(["agree", "annotations/harbor-council/alex-example.toml"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("two or more annotators"), "{err}");
}

#[test]
fn different_articles_are_an_error_that_says_so() {
    let out = byline()
        .args([
            "agree",
            "annotations/harbor-council/alex-example.toml",
            "annotations/border-talks/sam-example.toml",
        ])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("\"harbor-council\"") && err.contains("\"border-talks\""),
        "{err}"
    );
    assert!(err.contains("one article"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_stale_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("annotations/harbor-council/sam-example.toml")).unwrap();
    let stale = dir.path().join("sam-example.toml");
    let sha_line = text.lines().find(|l| l.starts_with("sha256 = ")).unwrap();
    std::fs::write(
        &stale,
        text.replace(sha_line, &format!("sha256 = \"{}\"", "0".repeat(64))),
    )
    .unwrap();
    let out = byline()
        .args(["agree", "annotations/harbor-council/alex-example.toml"])
        .arg(&stale)
        .args(["--article", "examples/articles/harbor-council.txt"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains(&format!("{} is stale", stale.display())),
        "{err}"
    );
    assert!(!err.contains("alex-example.toml is stale"), "{err}");
}

#[test]
fn a_file_that_does_not_parse_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[article]\nid = \"harbor-council\"\ntitle = \n").unwrap();
    let out = byline()
        .args(["agree", "annotations/harbor-council/alex-example.toml"])
        .arg(&bad)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains(&format!("{}:3:", bad.display())), "{err}");
}

/// Krippendorff (2004, p. 254) as two annotation files: category c is
/// "sourced", k is "anonymous", on one 300-character paragraph (the book's
/// continuum starts at 150).
#[test]
fn unit_span_is_krippendorffs_unitizing_alpha_on_the_2004_example() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..300).map(|i| (b'a' + (i % 26) as u8) as char).collect();
    let article_path = dir.path().join("example.txt");
    std::fs::write(&article_path, &text).unwrap();
    let article = byline_store::article::load(&article_path).unwrap();
    let file = |name: &str, units: &[(&str, usize, usize)]| {
        let mut out = format!(
            "[article]\nid = \"example\"\ntitle = \"x\"\nsha256 = \"{}\"\nparagraphs = 1\n\n[annotator]\nname = \"{name}\"\n",
            article.sha256()
        );
        for &(kind, begin, len) in units {
            let (s, e) = (begin - 150, begin - 150 + len);
            out.push_str(&format!(
                "\n[[claims]]\nparagraph = 1\nstart = {s}\nend = {e}\nquote = \"{}\"\nkind = \"{kind}\"\n",
                &text[s..e]
            ));
        }
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, out).unwrap();
        path
    };
    let i = file(
        "i",
        &[
            ("sourced", 225, 70),
            ("sourced", 370, 30),
            ("anonymous", 180, 60),
            ("anonymous", 300, 50),
        ],
    );
    let j = file(
        "j",
        &[
            ("sourced", 220, 80),
            ("sourced", 355, 20),
            ("sourced", 400, 20),
            ("anonymous", 180, 60),
            ("anonymous", 300, 50),
        ],
    );
    let out = byline()
        .arg("agree")
        .args([&i, &j])
        .arg("--article")
        .arg(&article_path)
        .args(["--unit", "span", "--format", "json"])
        .assert()
        .success();
    let got: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(got["unit"], "span");
    let c = got["unitizing"]["sourced"]["alpha"].as_f64().unwrap();
    let k = got["unitizing"]["anonymous"]["alpha"].as_f64().unwrap();
    assert_eq!(format!("{c:.4}"), "0.7286");
    assert_eq!(k, 1.0);
    assert_eq!(got["unitizing"]["editorial"]["alpha"], Value::Null);
    assert!(got["pairs"][0]["cohen_kappa"].is_null());
}

const FIX: &str = "tests/fixtures/agree/harbor-council";

fn text_of(args: &[&str]) -> (String, String) {
    let out = byline().arg("agree").args(args).assert().success();
    let o = out.get_output();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Jo stopped at ¶9 of 15: agree compares ¶1–9 and says so, and Jo's
/// claims further on (made while skimming) do not count against Sam.
#[test]
fn agree_compares_only_where_everyone_worked_and_says_so() {
    let jo = format!("{FIX}/jo-example.toml");
    let (text, _) = text_of(&["annotations/harbor-council/sam-example.toml", &jo]);
    assert!(
        text.contains("compared: ¶1–9: jo-example stopped at ¶9 (of 15)"),
        "{text}"
    );
    assert!(text.contains("unit: char (2026 units)"), "{text}");
    // Asked for other paragraphs, it compares those and warns where that
    // runs past where someone stopped.
    let (text, _) = text_of(&[
        "annotations/harbor-council/sam-example.toml",
        &jo,
        "--paragraphs",
        "3-12",
    ]);
    assert!(
        text.contains(
            "compared: ¶3–12 as asked (--paragraphs); past where jo-example stopped at ¶9"
        ),
        "{text}"
    );
    let bad = byline()
        .args(["agree", "annotations/harbor-council", "--paragraphs", "9-3"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&bad.get_output().stderr).into_owned();
    assert!(err.contains("9-3 ends before it starts"), "{err}");
}

/// Three annotators: a table of every pair first, then source agreement
/// per pair with the sources that differ.
#[test]
fn three_annotators_get_a_pair_table_and_source_agreement() {
    let (text, _) = text_of(&["annotations/harbor-council"]);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("pair "))
        .take(4)
        .collect();
    assert_eq!(table.len(), 4, "{text}");
    assert!(
        table[1].starts_with("alex-example vs kim-example"),
        "{text}"
    );
    assert!(table[3].starts_with("kim-example vs sam-example"), "{text}");
    assert!(
        text.contains(
            "sources          0.7500  (3 of 4 matched claims with a source name the same one)"
        ),
        "{text}"
    );
    assert!(
        text.contains("¶12: (none) vs “city finance department”"),
        "{text}"
    );
}

/// A whole annotations folder: every article with two annotators, pooled,
/// and a line per article; JSON has each article's full report.
#[test]
fn a_whole_annotations_folder_is_compared_article_by_article_and_pooled() {
    let (text, _) = text_of(&["annotations"]);
    assert!(
        text.starts_with("15 articles, annotators: alex-example, kim-example, sam-example"),
        "{text}"
    );
    assert!(
        text.contains("Krippendorff's alpha (nominal, pooled): "),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("water-rates"))
        .unwrap();
    assert!(
        line.contains("¶1–7: alex-example stopped at ¶7 (of 9)"),
        "{line}"
    );
    let out = byline()
        .args(["agree", "annotations", "--format", "json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["pooled"]["articles"], 15);
    assert_eq!(v["articles"].as_array().unwrap().len(), 15);
    // Pooled counts are the sums of the articles'.
    let sum: u64 = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["pairs"].as_array().unwrap())
        .filter(|p| p["a"] == "alex-example" && p["b"] == "sam-example")
        .map(|p| p["matches_overlap"].as_u64().unwrap())
        .sum();
    let pooled = v["pooled"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["a"] == "alex-example" && p["b"] == "sam-example")
        .unwrap();
    assert_eq!(pooled["matches_overlap"], sum);
    // Kim annotated one article: the pairs with Kim pool that one.
    assert_eq!(v["pooled"]["pairs"].as_array().unwrap().len(), 3);
    let units: u64 = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["units"].as_u64().unwrap())
        .sum();
    assert_eq!(v["pooled"]["units"], units);
}

/// A folder's gold file is no annotator: left out, and said; `--against
/// gold` finds it; without one, the error says how to make one.
#[test]
fn gold_is_left_out_of_agreement_and_found_by_against_gold() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = dir.path().join("harbor-council");
    std::fs::create_dir_all(&folder).unwrap();
    for (from, name) in [
        (
            "annotations/harbor-council/alex-example.toml",
            "alex-example.toml",
        ),
        (
            "annotations/harbor-council/sam-example.toml",
            "sam-example.toml",
        ),
    ] {
        std::fs::copy(root.join(from), folder.join(name)).unwrap();
    }
    let article = root.join("examples/articles/harbor-council.txt");
    let article = article.to_str().unwrap();
    let f = folder.to_str().unwrap();
    let none = byline()
        .args(["agree", f, "--against", "gold", "--article", article])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&none.get_output().stderr).into_owned();
    assert!(
        err.contains(
            "gold.toml: no gold file for this article; make one with `byline adjudicate ARTICLE`"
        ),
        "{err}"
    );
    std::fs::copy(root.join(FIX).join("gold.toml"), folder.join("gold.toml")).unwrap();
    let (text, err) = text_of(&[f, "--article", article]);
    assert!(
        text.contains("annotators: alex-example, sam-example\n"),
        "{text}"
    );
    assert!(
        err.contains("gold.toml, the adjudicated file; `--against gold`"),
        "{err}"
    );
    let (text, _) = text_of(&[f, "--article", article, "--against", "gold"]);
    let sam = text
        .lines()
        .find(|l| l.starts_with("sam-example "))
        .unwrap();
    assert_eq!(
        sam.split_whitespace().take(6).collect::<Vec<_>>(),
        ["sam-example", "1.0000", "0.8750", "0.93", "7", "8"],
        "{text}"
    );
}
