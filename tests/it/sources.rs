//! Sources as entities: `sources.toml` beside the annotations folder,
//! `byline sources`, the exports' counts by canonical source and by type,
//! the bad registries, and the source prompt's completion.

use crate::common::{Run, html_report, run};
use byline_tui::testing::Harness;
use scraper::{Html, Selector};
use serde_json::Value;
use std::path::Path;

const REGISTRY: &str = r#"format = "byline-sources/1"
# Kept as it is when byline adds an entry.
team = "desk B"

[[source]]
name = "Donald Trump"
type = "politician"
aliases = ["Trump", "the Republican nominee"]

[[source]]
name = "Pakistani representatives"
type = "official"
aliases = ["Pakistan's representatives"]

[[source]]
name = "Lena Ortiz"
type = "expert"
"#;

/// An annotator file with claims `(kind, source)` on a 4-paragraph
/// article the export does not read (no `article.path`).
fn file(dir: &Path, article: &str, annotator: &str, outlet: &str, claims: &[(&str, &str)]) {
    let slug = annotator.to_lowercase().replace(' ', "-");
    let folder = dir.join("annotations").join(article);
    std::fs::create_dir_all(&folder).unwrap();
    let mut s = format!(
        "format = \"byline/1\"\n\n[article]\nid = \"{article}\"\ntitle = \"{article}\"\nsha256 = \"00\"\nparagraphs = 4\noutlet = \"{outlet}\"\n\n[annotator]\nname = \"{annotator}\"\n"
    );
    for (i, (kind, source)) in claims.iter().enumerate() {
        s.push_str(&format!(
            "\n[[claims]]\nparagraph = 2\nstart = {i}\nend = {}\nquote = \"x\"\nkind = \"{kind}\"\n",
            i + 1
        ));
        if !source.is_empty() {
            s.push_str(&format!("source = {}\n", byline_store::basic(source)));
        }
    }
    std::fs::write(folder.join(format!("{slug}.toml")), s).unwrap();
}

/// Two outlets, three files; `Pakistan’s` typed with a typographic
/// apostrophe, "Trump" three ways, two unregistered spellings that fold
/// alike, one anonymous and one sourced claim without a source.
fn corpus(dir: &Path) {
    file(
        dir,
        "talks",
        "Alex Example",
        "Gazette",
        &[
            ("sourced", "Pakistan’s representatives"),
            ("sourced", "Pakistani representatives"),
            ("sourced", "Trump"),
            ("anonymous", "diplomatic sources"),
            ("anonymous", ""),
            ("editorial", ""),
        ],
    );
    file(
        dir,
        "talks",
        "Sam Example",
        "Gazette",
        &[
            ("sourced", "Donald Trump"),
            ("sourced", "The Republican nominee"),
            ("anonymous", "Diplomatic sources"),
        ],
    );
    file(
        dir,
        "rally",
        "Alex Example",
        "Courier",
        &[
            ("sourced", "lena ortiz"),
            ("sourced", "Mayor Ruiz"),
            ("sourced", ""),
        ],
    );
    // Bookkeeping is not counted.
    std::fs::write(
        dir.join("annotations/talks/sam-example.review.toml"),
        "format = \"byline-review/1\"\n",
    )
    .unwrap();
}

fn with_registry(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    std::fs::write(dir.path().join("sources.toml"), text).unwrap();
    dir
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr: {}", r.stdout, r.stderr))
}

#[test]
fn sources_groups_the_aliases_of_the_registry() {
    let dir = with_registry(REGISTRY);
    let r = run(dir.path(), &["sources"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let want = "\
9 citations in 3 annotator files (2 with no source given)

In the registry sources.toml (3 of 3 sources cited, 6 citations):
  Donald Trump [politician]  3
      Donald Trump  1  (sourced)
      The Republican nominee  1  (sourced)
      Trump  1  (sourced)
  Pakistani representatives [government/official]  2
      Pakistani representatives  1  (sourced)
      Pakistan’s representatives  1  (sourced)
  Lena Ortiz [expert/academic]  1
      lena ortiz  1  (sourced)

Not in the registry (2 sources, 3 citations):
  Diplomatic sources  2  (anonymous)
      also diplomatic sources  1  (anonymous)
  Mayor Ruiz  1  (sourced)
";
    assert!(r.stdout.starts_with(want), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("each could be one [[source]] with the others as aliases:\n  \"Diplomatic sources\", \"diplomatic sources\"\n"),
        "{}",
        r.stdout
    );

    let v = json(&run(dir.path(), &["sources", "--format", "json"]));
    assert_eq!(v["registry"], "sources.toml");
    assert_eq!(v["files"], 3);
    assert_eq!(v["citations"], 9);
    assert_eq!(v["without_source"], 2);
    let trump = &v["sources"][0];
    assert_eq!(trump["name"], "Donald Trump");
    assert_eq!(trump["type"], "politician");
    assert_eq!(trump["count"], 3);
    assert_eq!(trump["aliases"][1], "the Republican nominee");
    assert_eq!(trump["spellings"].as_array().unwrap().len(), 3);
    let diplomatic = &v["unregistered"][0];
    assert_eq!(diplomatic["key"], "diplomatic sources");
    assert_eq!(diplomatic["count"], 2);
    assert_eq!(diplomatic["spellings"][0]["anonymous"], 1);
}

#[test]
fn sources_without_a_registry_lists_every_string() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let r = run(dir.path(), &["sources"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("No sources registry used"));
    assert!(
        r.stdout
            .contains("Not in the registry (8 sources, 9 citations):"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("  Trump  1  (sourced)"), "{}", r.stdout);
}

/// Each bad registry: one line naming the file, the line and the entry;
/// `byline sources` fails, the export succeeds without it and says so,
/// and the file is left as it was.
#[test]
fn a_bad_registry_is_one_line_and_the_export_runs_without_it() {
    let cases = [
        (
            "[[source]]\nname = \"Donald Trump\"\ntype = \"politician\"\naliases = [\"Trump\"]\n\n[[source]]\nname = \"Ivanka Trump\"\ntype = \"politician\"\naliases = [\"trump\"]\n",
            "sources.toml:9:12: duplicate alias \"trump\": source \"Ivanka Trump\" has it, and so does source \"Donald Trump\"",
        ),
        (
            "[[source]]\nname = \"Lena Ortiz\"\ntype = \"academic\"\n",
            "sources.toml:3:8: source \"Lena Ortiz\" has the unknown type \"academic\"; the types are official, politician, expert, business, advocacy, police-legal, media, ordinary, document, unnamed (add it to `types` to allow it)",
        ),
        (
            "[[source]]\nname = \"Donald Trump\"\ntype = \"politician\"\n\n[[source]]\nname = \"Trump Organization\"\ntype = \"business\"\naliases = [\"Donald Trump\"]\n",
            "sources.toml:8:12: source \"Trump Organization\" has the alias \"Donald Trump\", which is the name of source \"Donald Trump\"",
        ),
    ];
    for (text, line) in cases {
        let dir = with_registry(text);
        let r = run(dir.path(), &["sources"]);
        assert_eq!(r.code, 1);
        assert_eq!(
            r.stderr.lines().next(),
            Some(format!("byline: {line}").as_str())
        );

        let r = run(dir.path(), &["export", "annotations", "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let errors: Vec<&str> = r.stderr.lines().collect();
        assert!(
            errors.contains(&format!("byline: {line}").as_str()),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(
                "byline: warning: ran without the sources registry sources.toml: sources are counted as typed"
            ),
            "{}",
            r.stderr
        );
        let v = json(&r);
        assert_eq!(v["sources_registry"]["used"], false);
        assert_eq!(v["sources_registry"]["error"], line);
        assert!(v.get("source_types").is_none());
        assert_eq!(v["totals"]["claims"], 12, "the export itself is whole");

        let md = run(dir.path(), &["export", "annotations"]);
        assert_eq!(md.code, 0);
        assert!(
            md.stdout
                .contains("This export ran without the sources registry `sources.toml`"),
            "{}",
            md.stdout
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("sources.toml")).unwrap(),
            text,
            "nothing is written"
        );
    }
}

fn by_type(row: &Value) -> Vec<(String, u64)> {
    row["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["claims"].as_u64() != Some(0))
        .map(|t| {
            (
                t["type"].as_str().unwrap().to_owned(),
                t["claims"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn exports_count_canonical_sources_and_types_per_outlet() {
    let dir = with_registry(REGISTRY);
    let r = run(dir.path(), &["export", "annotations", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r);
    let sources: Vec<(String, u64)> = v["totals"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["count"].as_u64().unwrap(),
            )
        })
        .collect();
    // Aliases merged under the canonical name; unregistered spellings
    // grouped as before (most frequent spelling).
    assert_eq!(
        sources,
        [
            ("Donald Trump".to_owned(), 3),
            ("Pakistani representatives".to_owned(), 2),
            ("Diplomatic sources".to_owned(), 2),
            ("Lena Ortiz".to_owned(), 1),
            ("Mayor Ruiz".to_owned(), 1),
        ]
    );
    // One file's own sources are canonical too.
    let alex_talks = &v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["file"] == "annotations/talks/alex-example.toml")
        .unwrap()["sources"];
    assert_eq!(alex_talks[0]["name"], "Pakistani representatives");
    assert_eq!(alex_talks[0]["count"], 2);

    assert_eq!(v["sources_registry"]["path"], "sources.toml");
    assert_eq!(v["sources_registry"]["used"], true);
    let t = &v["source_types"];
    // 11 attributed claims: 8 sourced, 3 anonymous.
    assert_eq!(t["attributed"], 11);
    assert_eq!(
        by_type(t),
        [
            ("official".into(), 2),
            ("politician".into(), 3),
            ("expert".into(), 1),
            // Both "diplomatic sources" and the anonymous claim with none.
            ("unnamed".into(), 3),
            ("not-in-registry".into(), 1),
            ("no-source".into(), 1),
        ]
    );
    let official = &t["by_type"][0];
    assert_eq!(official["label"], "government/official");
    assert!((official["share"].as_f64().unwrap() - 2.0 / 11.0).abs() < 1e-12);
    let outlets = v["source_types_by_outlet"].as_array().unwrap();
    assert_eq!(outlets[0]["outlet"], "Courier");
    assert_eq!(outlets[0]["attributed"], 3);
    assert_eq!(
        by_type(&outlets[0]),
        [
            ("expert".into(), 1),
            ("not-in-registry".into(), 1),
            ("no-source".into(), 1)
        ]
    );
    assert_eq!(outlets[1]["outlet"], "Gazette");
    assert_eq!(outlets[1]["attributed"], 8);
    assert_eq!(
        by_type(&outlets[1]),
        [
            ("official".into(), 2),
            ("politician".into(), 3),
            ("unnamed".into(), 3)
        ]
    );

    let md = run(dir.path(), &["export", "annotations"]);
    assert!(md.stdout.contains("### Sources by type"), "{}", md.stdout);
    assert!(md.stdout.contains(
        "| all outlets | 11 | 2 (18.2%) | 3 (27.3%) | 1 (9.1%) | 3 (27.3%) | 1 (9.1%) | 1 (9.1%) |"
    ), "{}", md.stdout);
    assert!(md.stdout.contains("| Donald Trump | sourced | 3 |"));

    let csv = run(dir.path(), &["export", "annotations", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header = rows.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let rally = records.iter().find(|r| &r[0] == "rally").unwrap();
    assert_eq!(&rally[col("type_expert")], "1");
    assert_eq!(&rally[col("type_not-in-registry")], "1");
    assert_eq!(&rally[col("type_no-source")], "1");
}

#[test]
fn without_a_registry_exports_have_no_registry_keys() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let v = json(&run(
        dir.path(),
        &["export", "annotations", "--format", "json"],
    ));
    assert!(v.get("sources_registry").is_none());
    assert!(v.get("source_types").is_none());
    let csv = run(dir.path(), &["export", "annotations", "--format", "csv"]);
    assert!(!csv.stdout.lines().next().unwrap().contains("type_"));
}

/// The HTML report's sources table holds the types per outlet, escaped;
/// in a real parser, and in Chromium when it is installed.
#[test]
fn html_report_shows_types_per_outlet() {
    let hostile = REGISTRY.replace("Lena Ortiz", "Lena <b>Ortiz</b>");
    let dir = with_registry(&hostile);
    file(
        dir.path(),
        "rally",
        "Alex Example",
        "Courier & <Co>",
        &[
            ("sourced", "lena <b>ortiz</b>"),
            ("sourced", "Mayor Ruiz"),
            ("sourced", ""),
        ],
    );
    let out = dir.path().join("report.html");
    let page = html_report(dir.path(), "annotations", &[], &out);
    assert!(!page.contains("<b>"), "escaped, never markup");
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let table = doc.select(&sel("table#source-types")).next().unwrap();
    let heads: Vec<String> = table
        .select(&sel("thead th"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(
        heads,
        [
            "outlet",
            "attributed claims",
            "government/official",
            "politician",
            "expert/academic",
            "unnamed",
            "not in the registry",
            "sourced, no source given"
        ]
    );
    let rows: Vec<Vec<String>> = table
        .select(&sel("tbody tr"))
        .map(|r| {
            r.select(&sel("th, td"))
                .map(|c| c.text().collect())
                .collect()
        })
        .collect();
    assert_eq!(rows[0][0], "All outlets");
    assert_eq!(rows[1][0], "Courier & <Co>");
    assert_eq!(rows[1][1], "3");
    assert_eq!(rows[1][4], "1\u{a0}(33.3%)", "one expert of three");
    assert_eq!(rows[2][0], "Gazette");
    assert_eq!(rows[2][2], "2\u{a0}(25.0%)", "two officials of eight");
    assert_eq!(rows[2][5], "3\u{a0}(37.5%)", "three unnamed of eight");
    let cited = doc.select(&sel("table#sources")).next().unwrap();
    let first: Vec<String> = cited
        .select(&sel("tbody tr"))
        .next()
        .unwrap()
        .select(&sel("th, td"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(first, ["Donald Trump", "politician", "sourced", "3"]);
    assert!(
        cited
            .select(&sel("th"))
            .any(|t| t.text().collect::<String>() == "Lena <b>Ortiz</b>")
    );

    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing on CI"
        );
        eprintln!("no chromium; the rendering check is skipped");
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let dom = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", out.display()))
        .output()
        .unwrap();
    let rendered = Html::parse_document(&String::from_utf8_lossy(&dom.stdout));
    let table = rendered
        .select(&sel("table#source-types"))
        .next()
        .unwrap_or_else(|| {
            panic!(
                "Chromium shows the table: {}",
                String::from_utf8_lossy(&dom.stderr)
            )
        });
    let cells: Vec<String> = table
        .select(&sel("tbody tr:nth-child(3) td"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(cells[1], "2\u{a0}(25.0%)");
}

const ARTICLE: &str =
    "Talks resume\n\nThe envoy said the talks would resume on Monday.\n\nOfficials said nothing.\n";

fn screen_corpus(registry: Option<&str>) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    std::fs::create_dir_all(dir.path().join("annotations")).unwrap();
    if let Some(r) = registry {
        std::fs::write(dir.path().join("sources.toml"), r).unwrap();
    }
    (dir, article)
}

fn saved_sources(dir: &Path) -> Vec<String> {
    let set = byline_store::load(&dir.join("annotations/talks/alex-example.toml"))
        .unwrap()
        .unwrap();
    set.claims.iter().filter_map(|c| c.source.clone()).collect()
}

#[test]
fn the_source_prompt_completes_from_the_registry() {
    let (dir, article) = screen_corpus(Some(REGISTRY));
    let annotations = dir.path().join("annotations");
    let mut h = Harness::annotate(&article, &annotations, "Alex Example");
    // Paragraph 2, mark sourced, type "tr", Tab.
    h.press("}str<Tab>");
    insta::assert_snapshot!("source_prompt_completion_80x24", h.screen_text());
    // Tab again: the next match; Shift-Tab: back.
    h.press("<Tab>");
    assert!(
        h.screen_text()
            .contains("Source: Donald Trump  (2/2: politician)")
    );
    h.press("<Tab>");
    assert!(
        h.screen_text()
            .contains("Source: Trump  (1/2: Donald Trump · politician)")
    );
    h.press("<S-Tab>");
    assert!(
        h.screen_text()
            .contains("Source: Donald Trump  (2/2: politician)")
    );
    h.press("<S-Tab>");
    h.press("<Enter>");
    assert_eq!(saved_sources(dir.path()), ["Trump"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sources.toml")).unwrap(),
        REGISTRY,
        "choosing a name writes nothing to the registry"
    );
}

#[test]
fn a_new_name_and_its_type_are_added_to_the_registry() {
    let (dir, article) = screen_corpus(Some(REGISTRY));
    let annotations = dir.path().join("annotations");
    let mut h = Harness::annotate(&article, &annotations, "Alex Example");
    h.press("}sAmina Diallo; ");
    assert!(
        h.screen_text().contains("(types: official, politician"),
        "{}",
        h.screen_text()
    );
    h.press("exp");
    let screen = h.screen_text();
    assert!(
        screen.contains("(Enter adds it: expert/academic)"),
        "{screen}"
    );
    h.press("<Enter>");
    assert_eq!(saved_sources(dir.path()), ["Amina Diallo"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sources.toml")).unwrap(),
        format!("{REGISTRY}\n[[source]]\nname = \"Amina Diallo\"\ntype = \"expert\"\n"),
        "appended, the rest as it was"
    );
    assert!(
        h.screen_text()
            .contains("added “Amina Diallo” (expert/academic) to")
    );
    // The next prompt completes the new name.
    h.press("}sami<Tab>");
    assert!(
        h.screen_text()
            .contains("Source: Amina Diallo  (1/1: expert/academic)")
    );
}

#[test]
fn a_type_that_is_not_one_keeps_the_prompt_open() {
    let (dir, article) = screen_corpus(None);
    let annotations = dir.path().join("annotations");
    let mut h = Harness::annotate(&article, &annotations, "Alex Example");
    h.press("}sAmina Diallo; wizard<Enter>");
    assert!(
        h.screen_text().contains("(not a type; types: official"),
        "{}",
        h.screen_text()
    );
    assert!(!dir.path().join("sources.toml").exists());
    // Tab after `;` cycles the types; Enter makes the registry.
    h.press("<C-w><Tab><Enter>");
    assert_eq!(saved_sources(dir.path()), ["Amina Diallo"]);
    let text = std::fs::read_to_string(dir.path().join("sources.toml")).unwrap();
    assert!(text.contains("format = \"byline-sources/1\"\n"), "{text}");
    assert!(text.ends_with("[[source]]\nname = \"Amina Diallo\"\ntype = \"official\"\n"));
}

/// Another annotator's addition reaches an open session's prompt.
#[test]
fn the_prompt_reads_a_registry_changed_on_disk() {
    let (dir, article) = screen_corpus(Some(REGISTRY));
    let annotations = dir.path().join("annotations");
    let mut h = Harness::annotate(&article, &annotations, "Alex Example");
    h.press("}s");
    std::fs::write(
        dir.path().join("sources.toml"),
        format!("{REGISTRY}\n[[source]]\nname = \"Zora Quill\"\ntype = \"media\"\n"),
    )
    .unwrap();
    h.press("zo<Tab>");
    let screen = h.screen_text();
    assert!(
        screen.contains("Source: Zora Quill  (1/1: media)"),
        "{screen}"
    );
}

/// A registry that does not read is said on opening, completes nothing,
/// and is never written to: a `name; type` keeps the name as the source.
#[test]
fn a_bad_registry_is_left_alone_by_the_prompt() {
    let bad = "[[source]]\nname = \"Lena Ortiz\"\ntype = \"academic\"\n";
    let (dir, article) = screen_corpus(Some(bad));
    let annotations = dir.path().join("annotations");
    let mut h = Harness::annotate(&article, &annotations, "Alex Example");
    let screen = h.screen_text();
    assert!(
        screen.contains("sources.toml:3:8: source \"Lena Ortiz\""),
        "{screen}"
    );
    h.press("}sAmina Diallo; expert<Enter>");
    assert_eq!(saved_sources(dir.path()), ["Amina Diallo"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sources.toml")).unwrap(),
        bad
    );
    let screen = h.screen_text();
    assert!(
        screen.contains("not added to the sources registry:"),
        "{screen}"
    );
}

/// The sample `sources.toml` reads, and every entry in it is cited by the
/// sample annotations (so it stays an example of this corpus).
#[test]
fn the_sample_registry_fits_the_sample_annotations() {
    let root = crate::common::root();
    if !root.join("sources.toml").is_file() {
        eprintln!("no sample sources.toml; skipped");
        return;
    }
    let r = run(&root, &["sources", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r);
    let entries = v["sources"].as_array().unwrap();
    assert!(entries.len() >= 10);
    for e in entries {
        assert!(
            e["count"].as_u64().unwrap() > 0,
            "{} is not cited",
            e["name"]
        );
    }
    // Aliases do their work: the minister's four spellings are one source.
    let varga = entries.iter().find(|e| e["name"] == "Ilse Varga").unwrap();
    assert_eq!(varga["spellings"].as_array().unwrap().len(), 4);
}
