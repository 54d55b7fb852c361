//! `byline text`: what byline sees in an article, above all in a saved HTML
//! page — the article's paragraphs and nothing of the page around them.

use crate::common::{LossyRun, texts};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> PathBuf {
    root().join("examples/articles").join(name)
}

fn byline(args: &[&str]) -> LossyRun {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    LossyRun::from(&out)
}

fn json(path: &str) -> Value {
    let r = byline(&["text", path, "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

/// Text of the page around every example article: navigation, cookie
/// banners, share bars, ads, related boxes, comments, scripts, styles.
const FURNITURE: &[&str] = &[
    "cookie",
    "Cookie",
    "Accept all",
    "Subscribe",
    "Share on",
    "Tweet",
    "WhatsApp",
    "Advertisement",
    "Sponsored",
    "Related stories",
    "You may also like",
    "More from",
    "Comments (3)",
    "comments",
    "Reader comments",
    "Typical. Every winter",
    "Disgraceful decision",
    "Another year, another rise",
    "SCRIPT",
    "dataLayer",
    "function",
    "font-family",
    "Most read",
    "All rights reserved",
    "Front page",
    "Family notices",
    "newsletter",
    "Posted by",
    "By Morgan Hale",
];

#[test]
fn html_examples_show_the_article_and_nothing_around_it() {
    let cases = [
        (
            "examples/articles/ferry-strike.html",
            "Ferry crews walk out as rota talks collapse",
            "The Kestrel Valley Ledger",
            "https://ledger.example/news/2026/11/ferry-crews-walk-out",
            "Crews on the Kestrel estuary ferry began a 48-hour strike",
        ),
        (
            "examples/articles/branch-libraries.htm",
            "Branch libraries to close at weekends, council papers show",
            "Northfield Evening Post",
            "https://eveningpost.example/local/branch-libraries-weekends",
            "Three of Northfield’s five branch libraries",
        ),
        (
            "examples/articles/water-rates.html",
            "Water bills to rise 9% as reservoir repairs overrun",
            "Coastline Weekly",
            "https://coastline.example/2026/11/water-bills-rise",
            "Households served by Saltmarsh Water will pay an average of £38",
        ),
    ];
    for (path, title, outlet, url, first) in cases {
        let v = json(path);
        assert_eq!(v["title"], title, "{path}");
        assert_eq!(v["outlet"], outlet, "{path}");
        assert_eq!(v["url"], url, "{path}");
        let paras = texts(&v["paragraphs"], "text");
        // The headline is paragraph 1, a heading, as in a text file.
        assert_eq!(paras[0], title, "{path}");
        assert_eq!(v["paragraphs"][0]["heading"], true, "{path}");
        assert!(paras[1].starts_with(first), "{path}: {:?}", paras[1]);
        let all = paras.join("\n");
        for bad in FURNITURE {
            assert!(!all.contains(bad), "{path} shows {bad:?}:\n{all}");
        }
        // Headings are paragraphs of their own; the headline once.
        assert_eq!(
            paras.iter().filter(|p| **p == title).count(),
            1,
            "{path}: the headline once"
        );
    }
}

/// The same page always gives the same paragraphs: the extractor is
/// pinned, and this fixes what it gives for one page.
#[test]
fn the_ferry_page_has_a_fixed_sha256() {
    let bytes = std::fs::read(example("ferry-strike.html")).unwrap();
    assert_eq!(bytes.len(), 6_380, "the example page itself changed");
    let v = json("examples/articles/ferry-strike.html");
    assert_eq!(
        v["sha256"],
        "222aae0c13fe3fee9cd2f7b7515a578eae8c0c3f0f368d81bbf9265e29af06ee"
    );
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 12);
    assert_eq!(
        v["paragraphs"][0]["text"],
        "Ferry crews walk out as rota talks collapse"
    );
    assert_eq!(v["paragraphs"][4]["text"], "Passengers left waiting");
    assert_eq!(v["paragraphs"][4]["heading"], true);
    // Its byline element, without the date after it.
    assert_eq!(v["author"], "Morgan Hale, Transport Correspondent");
    assert_eq!(v["published"], "2026-11-16T07:45:00Z");
}

#[test]
fn a_declared_windows_1252_page_is_decoded() {
    let bytes = std::fs::read(example("branch-libraries.htm")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the example is not UTF-8"
    );
    let v = json("examples/articles/branch-libraries.htm");
    let all = v["paragraphs"].to_string();
    for s in ["Northfield’s", "“the least painful option", "£410,000"] {
        assert!(all.contains(s), "{s} in {all}");
    }
}

#[test]
fn text_format_numbers_paragraphs_and_shows_the_metadata() {
    let r = byline(&["text", "examples/articles/water-rates.html"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "article    water-rates");
    assert_eq!(
        lines[1],
        "title      Water bills to rise 9% as reservoir repairs overrun"
    );
    assert!(lines.contains(&"outlet     Coastline Weekly"));
    assert!(lines.contains(&"published  2026-11-12"));
    assert!(lines.contains(&"1  # Water bills to rise 9% as reservoir repairs overrun"));
    assert!(lines.contains(&"4  # Why the repairs cost more"));
    assert!(lines.iter().any(|l| l.starts_with("sha256     ")));
    // Text and Markdown articles too.
    let r = byline(&[
        "text",
        "examples/articles/night-market.md",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let md: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(md["article"], "night-market");
    assert!(md["outlet"].is_null());
}

/// The sha256 `byline text` prints is the one annotation files hold.
#[test]
fn text_sha256_is_the_annotation_files() {
    for (page, file) in [
        (
            "ferry-strike.html",
            "annotations/ferry-strike/alex-example.toml",
        ),
        (
            "branch-libraries.htm",
            "annotations/branch-libraries/sam-example.toml",
        ),
        (
            "water-rates.html",
            "annotations/water-rates/alex-example.toml",
        ),
    ] {
        let v = json(&format!("examples/articles/{page}"));
        let set = byline_store::load(&root().join(file)).unwrap().unwrap();
        assert_eq!(v["sha256"], set.article.sha256.as_str(), "{page}");
        assert_eq!(
            v["outlet"],
            set.article.outlet.as_deref().unwrap(),
            "{page}"
        );
    }
}

#[test]
fn bad_html_pages_give_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let deep = "<div>".repeat(20_000);
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "nav-only.html",
            b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
            "no article body found in the page",
        ),
        ("binary.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "looks like a binary file"),
        (
            "latin.html",
            b"<html><body><p>caf\xe9 au lait</p></body></html>",
            "not UTF-8 text (invalid byte at offset 18) and the page declares no charset",
        ),
        (
            "deep.html",
            deep.as_bytes(),
            "nests elements more than 512 deep",
        ),
    ];
    for (name, bytes, what) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let r = byline(&["text", path.to_str().unwrap()]);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains(name) && r.stderr.contains(what),
            "{name}: {}",
            r.stderr
        );
    }
}
