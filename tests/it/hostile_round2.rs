//! Issue 18, a stranger's files, round 2: links in import and in the
//! article list, special files as a lexicon, a sentence with no end and a
//! W3C file naming thousands of annotators. Each attack is run against the
//! real binary: it must fail safely, with one line, and read nothing
//! through a link. (The costs are measured in benches/scaling.rs, not
//! timed here.)

use crate::common::LossyRun;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `byline ARGS…` in `dir`; a run longer than 60 s is a hang and fails.
fn byline(dir: &Path, args: &[&str]) -> LossyRun {
    let out = assert_cmd::Command::cargo_bin("byline")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("BYLINE_ANNOTATOR", "Alex Example")
        .env_remove("BYLINE_FAILPOINTS")
        .env_remove("BYLINE_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("byline {args:?}: {e}"));
    assert!(
        out.status.code().is_some(),
        "byline {args:?} was killed (hung?): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    LossyRun::from(&out)
}

/// Every file under `dir`, links not followed.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// No file under `dir` holds `secret`.
fn assert_nothing_holds(dir: &Path, secret: &str) {
    for f in files_under(dir) {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        assert!(
            !text.contains(secret),
            "{} holds the secret:\n{text}",
            f.display()
        );
    }
}

const SECRET: &str = "https://alex:hunter2-SECRET@github.example";

/// A secret outside the repository, as `~/.git-credentials` would be.
fn secret_file(home: &Path) -> PathBuf {
    std::fs::create_dir_all(home).unwrap();
    let p = home.join(".git-credentials");
    std::fs::write(&p, format!("{SECRET}\n")).unwrap();
    p
}

// ---- 5. import reads no link ----------------------------------------------

#[test]
fn brat_import_does_not_read_a_symlinked_txt() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let secret = secret_file(&d.join("home"));
    std::fs::create_dir_all(d.join("repo/b/doc")).unwrap();
    symlink(&secret, d.join("repo/b/doc/x.txt")).unwrap();
    std::fs::write(d.join("repo/b/doc/x.ann"), "").unwrap();
    let r = byline(
        &d.join("repo"),
        &["import", "--from", "brat", "b", "--annotations", "ann"],
    );
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("x.txt"), "{}", r.stderr);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
    assert!(!r.stderr.contains("hunter2") && !r.stdout.contains("hunter2"));
    assert_nothing_holds(&d.join("repo"), "hunter2");
    assert!(files_under(&d.join("repo/ann")).is_empty());
}

#[test]
fn brat_import_of_a_real_txt_still_works() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir_all(d.join("b/doc")).unwrap();
    std::fs::write(d.join("b/doc/x.txt"), "Title\n\nThe mayor said so.\n").unwrap();
    std::fs::write(d.join("b/doc/x.ann"), "T1\tSourced 7 21\tThe mayor said\n").unwrap();
    let r = byline(
        d,
        &["import", "--from", "brat", "b", "--annotations", "ann"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(files_under(&d.join("ann")).len(), 1);
}

#[test]
fn jsonl_meta_path_through_a_link_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // The secret is an article-shaped file outside the repository; the
    // JSONL names a link to it and carries the same text, so byline would
    // read it to compare and record where it is.
    std::fs::create_dir_all(d.join("home")).unwrap();
    let secret = d.join("home/private.txt");
    std::fs::write(&secret, "Private\n\nThe mayor said so.\n").unwrap();
    std::fs::create_dir_all(d.join("repo")).unwrap();
    symlink(&secret, d.join("repo/article.txt")).unwrap();
    let line = serde_json::json!({
        "text": "Private\n\nThe mayor said so.",
        "spans": [{"start": 9, "end": 23, "label": "SOURCED"}],
        "meta": {"article": "doc", "annotator": "Alex", "path": "article.txt"},
    });
    std::fs::write(d.join("repo/in.jsonl"), format!("{line}\n")).unwrap();
    let r = byline(
        &d.join("repo"),
        &[
            "import",
            "--from",
            "jsonl",
            "in.jsonl",
            "--annotations",
            "ann",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let written = files_under(&d.join("repo/ann"));
    assert_eq!(written.len(), 1);
    let toml = std::fs::read_to_string(&written[0]).unwrap();
    assert!(
        !toml.contains("article.txt"),
        "the file points at the link:\n{toml}"
    );
}

// ---- 6. the article list follows no link out of the tree ------------------

#[test]
fn the_article_list_does_not_follow_a_link_to_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let home = d.join("home");
    secret_file(&home);
    std::fs::write(home.join("netrc.txt"), format!("{SECRET}\n")).unwrap();
    std::fs::create_dir_all(d.join("repo/articles")).unwrap();
    symlink(&home, d.join("repo/articles/home")).unwrap();
    // Only the link: no articles, one line that says a link was skipped.
    let r = byline(&d.join("repo"), &["annotate", "articles"]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("no articles here"), "{}", r.stderr);
    assert!(
        r.stderr.contains("1 symbolic link") && r.stderr.contains("not followed"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("hunter2"));

    // Beside a real article: the list shows it alone and says why.
    std::fs::write(
        d.join("repo/articles/good.txt"),
        "A good title\n\nSome text.\n",
    )
    .unwrap();
    // A link to a file outside the tree is no article either.
    symlink(home.join("netrc.txt"), d.join("repo/articles/creds.txt")).unwrap();
    let corpus = byline_tui::testing::Corpus::open(
        &[d.join("repo/articles")],
        &d.join("repo/annotations"),
        "Alex Example",
    );
    let screen = corpus.list_at(120, 24);
    assert!(screen.contains("A good title"), "{screen}");
    assert!(!screen.contains("hunter2"), "{screen}");
    assert!(!screen.contains("creds.txt"), "{screen}");
    assert!(
        screen.contains("2 symbolic links") && screen.contains("not followed"),
        "{screen}"
    );
}

#[test]
fn a_link_inside_the_tree_is_still_an_article() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir_all(d.join("articles/2026")).unwrap();
    std::fs::write(
        d.join("articles/2026/good.txt"),
        "A good title\n\nSome text.\n",
    )
    .unwrap();
    symlink("2026/good.txt", d.join("articles/latest.txt")).unwrap();
    let articles =
        byline_store::corpus::gather(&[d.join("articles")], &d.join("annotations")).unwrap();
    // The same file once, as before.
    assert_eq!(articles.len(), 1, "{articles:?}");
}

// ---- 7. a lexicon is a regular file of bounded size -----------------------

#[test]
fn a_lexicon_that_is_a_fifo_or_a_device_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a.txt"), "Title\n\nThe mayor said so.\n").unwrap();
    let fifo = d.join("cues.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::write(d.join("big.toml"), vec![b'#'; 17 << 20]).unwrap();
    for (lexicon, what) in [
        ("cues.toml", "named pipe"),
        ("/dev/zero", "character device"),
        ("big.toml", "bytes"),
    ] {
        std::fs::write(
            d.join("config.toml"),
            format!("[suggest]\nextra_lexicon = \"{lexicon}\"\n"),
        )
        .unwrap();
        let r = byline(d, &["--config", "config.toml", "suggest", "a.txt"]);
        assert_eq!(r.code, Some(1), "{lexicon}: {}{}", r.stdout, r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        let name = Path::new(lexicon).file_name().unwrap().to_str().unwrap();
        assert!(r.stderr.contains(name), "{}", r.stderr);
        assert!(r.stderr.contains(what), "{lexicon}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    // A real one still adds its cues.
    std::fs::write(d.join("real.toml"), "[editorial]\nnouns = [\"mayor\"]\n").unwrap();
    std::fs::write(
        d.join("config.toml"),
        "[suggest]\nextra_lexicon = \"real.toml\"\n",
    )
    .unwrap();
    let r = byline(d, &["--config", "config.toml", "suggest", "a.txt"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("[mayor]"), "{}", r.stdout);
}

// ---- 11. a sentence with no end -------------------------------------------

#[test]
fn a_sentence_too_long_to_read_is_passed_over_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let long = "word said the mayor, ".repeat(2000);
    std::fs::write(
        d.join("a.txt"),
        format!("Title\n\nThe mayor said the plan was late.\n\n{long}\n"),
    )
    .unwrap();
    let r = byline(d, &["suggest", "a.txt"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // The short paragraph is read as ever.
    assert!(r.stdout.starts_with("¶2 "), "{}", r.stdout);
    assert!(!r.stdout.contains("¶3 "), "{}", r.stdout);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("paragraph 3") && r.stderr.contains("too long"),
        "{}",
        r.stderr
    );
    let r = byline(d, &["suggest", "a.txt", "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("paragraph 3"), "{}", r.stderr);
}

// ---- 13. one W3C file, thousands of annotators ----------------------------

fn w3c_with_creators(n: usize) -> String {
    let items: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "type": "Annotation",
                "creator": {"name": format!("Annotator {i}")},
                "body": [{"purpose": "tagging", "value": "sourced"}],
                "target": {
                    "source": "urn:byline:article:a",
                    "selector": [{"type": "TextQuoteSelector", "exact": "The mayor said"}],
                },
            })
        })
        .collect();
    serde_json::json!({"type": "AnnotationCollection", "first": {"items": items}}).to_string()
}

#[test]
fn a_w3c_file_with_too_many_annotators_is_refused_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a.txt"), "Title\n\nThe mayor said so.\n").unwrap();
    std::fs::write(d.join("many.json"), w3c_with_creators(51)).unwrap();
    let import = |extra: &[&str]| {
        let mut args = vec![
            "import",
            "--from",
            "w3c",
            "many.json",
            "--article",
            "a.txt",
            "--annotations",
            "ann",
        ];
        args.extend_from_slice(extra);
        byline(d, &args)
    };
    let r = import(&[]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("many.json")
            && r.stderr.contains("51 annotators")
            && r.stderr.contains("--max-annotators"),
        "{}",
        r.stderr
    );
    assert!(!d.join("ann").exists(), "{:?}", files_under(&d.join("ann")));
    // Raised on purpose, it imports every one.
    let r = import(&["--max-annotators", "60"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(files_under(&d.join("ann")).len(), 51);
}
