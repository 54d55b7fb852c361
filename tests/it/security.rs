//! A colleague's repository is untrusted input (docs/security.md). Each
//! attack from issue 9, tried against the real binary: it must fail safely,
//! with one line naming the file, and write nothing outside the
//! annotations folder.

use crate::common::{RawRun, assert_clean, texts};
use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::article;
use byline_model::{Loc, Para};
use byline_store as store;
use std::ffi::OsStr;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Run = RawRun<Option<i32>>;

/// Runs byline in `dir` and kills it after 20 s: a hang fails the test
/// instead of blocking the suite.
fn byline_in(dir: &Path, args: &[&OsStr]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(dir)
        .env("BYLINE_ANNOTATOR", "Alex Example")
        .env_remove("BYLINE_FAILPOINTS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes on threads so a chatty child cannot block on them.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut v).ok();
        v
    });
    let t2 = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut v).ok();
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            child.wait().ok();
            panic!("byline {args:?} hung for 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: t1.join().unwrap(),
        stderr: t2.join().unwrap(),
    }
}

fn os<S: AsRef<OsStr> + ?Sized>(s: &S) -> &OsStr {
    s.as_ref()
}

/// Exit 1 and one line on stderr naming `file` and saying `what`.
fn assert_one_line(r: &Run, file: &str, what: &str) {
    let err = r.err();
    assert_eq!(r.code, Some(1), "stdout: {}\nstderr: {err}", r.out());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {err:?}");
    assert!(lines[0].starts_with("byline: "), "{err}");
    assert!(lines[0].contains(file), "names {file}: {err}");
    assert!(lines[0].contains(what), "says {what:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Everything an attacker controls, with escape sequences in it.
const ESC_TITLE: &str = "\u{1b}]0;pwned\u{7}";
const ESC_CLIP: &str = "\u{1b}]52;c;cHduZWQ=\u{7}";
const NASTY: &str = "\u{1b}[2J\u{8}\u{7f}\u{9b}31m\u{202e}\u{2066}";

fn toml_escape(s: &str) -> String {
    store::basic(s)
}

/// A repository: `articles/evil.txt` and `ann/evil/<who>.toml` for each
/// annotator, every free-text field full of escapes, sha256 and paragraph
/// count right so every command reads it.
struct Repo {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("repo");
        std::fs::create_dir_all(root.join("articles")).unwrap();
        std::fs::create_dir_all(root.join("ann/evil")).unwrap();
        Repo { _tmp: tmp, root }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn run(&self, args: &[&OsStr]) -> Run {
        byline_in(&self.root, args)
    }

    /// The hostile article, and its normalised form.
    fn article(&self) -> article::Article {
        let text = format!(
            "Breaking $(touch PWNED) news{ESC_TITLE} today{NASTY}\n\nOfficials said{ESC_CLIP} the deal was dead. Critics called it a {NASTY}disaster.\n"
        );
        let p = self.path("articles/evil.txt");
        std::fs::write(&p, text).unwrap();
        byline_store::article::load(&p).unwrap()
    }

    /// An annotator file in `ann/evil/` named `name`, for `annotator`.
    fn annotation(&self, a: &article::Article, name: &str, annotator: &str) -> PathBuf {
        let e = |s: &str| toml_escape(&format!("{s}{ESC_TITLE}{NASTY}{ESC_CLIP}"));
        let text = format!(
            "format = \"byline/1\"\n\n[article]\nid = {art_id}\ntitle = {title}\npath = \"../../articles/evil.txt\"\nsha256 = \"{sha}\"\nparagraphs = {n}\noutlet = {outlet}\nurl = {url}\n\n[annotator]\nname = {who}\n\n[[claims]]\nid = {id}\nparagraph = 2\nstart = 0\nend = 14\nquote = {quote}\nkind = \"sourced\"\nsource = {source}\nnote = {note}\ntags = [{tag}]\n\n[[claims]]\nparagraph = 2\nstart = 20\nend = 30\nquote = {quote}\nkind = \"anonymous\"\nsource = {source}\n\n[[claims]]\nparagraph = 1\nstart = 0\nend = 8\nquote = {quote}\nkind = \"editorial\"\nstatus = \"needs-review\"\n",
            art_id = toml_escape(&format!("evil{ESC_TITLE}")),
            title = e("Title"),
            sha = a.sha256(),
            n = a.len(),
            outlet = e("Outlet"),
            url = e("https://x"),
            who = e(annotator),
            id = e("id"),
            quote = e("Officials said"),
            source = e("Officials"),
            note = e("note"),
            tag = e("tag"),
        );
        let p = self.path(&format!("ann/evil/{name}"));
        std::fs::write(&p, text).unwrap();
        p
    }
}

// ---- 1. symlinks: writing anywhere -----------------------------------------

fn evil_article(dir: &Path) -> PathBuf {
    let p = dir.join("evil-article.txt");
    std::fs::write(
        &p,
        "Breaking $(touch PWNED) news today\n\nA second paragraph.\n",
    )
    .unwrap();
    p
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `byline annotate evil-article.txt --annotations ann --annotator T` in
/// `repo`, as in the issue.
fn annotate_as_t(repo: &Path) -> Run {
    byline_in(
        repo,
        &[
            os("annotate"),
            os("evil-article.txt"),
            os("--annotations"),
            os("ann"),
            os("--annotator"),
            os("T"),
        ],
    )
}

#[test]
fn a_planted_symlink_as_the_annotation_file_is_refused_not_followed() {
    let repo = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    evil_article(repo.path());
    std::fs::create_dir_all(repo.path().join("ann/evil-article")).unwrap();
    let target = home.path().join(".bash_login");
    symlink(&target, repo.path().join("ann/evil-article/t.toml")).unwrap();

    let r = annotate_as_t(repo.path());
    assert_one_line(&r, "ann/evil-article/t.toml", "is a symbolic link");
    assert!(!target.exists(), "the link's target was created");
    assert!(
        names_in(home.path()).is_empty(),
        "{:?}",
        names_in(home.path())
    );
    // No lock file either, beside the link or its target.
    assert_eq!(names_in(&repo.path().join("ann/evil-article")), ["t.toml"]);

    // check --fix on the link is refused the same way.
    let r = byline_in(
        repo.path(),
        &[
            os("check"),
            os("ann/evil-article/t.toml"),
            os("--article"),
            os("evil-article.txt"),
            os("--fix"),
        ],
    );
    assert_eq!(r.code, Some(1));
    assert!(!target.exists());
}

#[test]
fn a_planted_symlink_as_the_article_folder_is_refused_not_followed() {
    let repo = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    evil_article(repo.path());
    std::fs::create_dir_all(repo.path().join("ann")).unwrap();
    symlink(home.path(), repo.path().join("ann/evil-article")).unwrap();
    let r = annotate_as_t(repo.path());
    assert_one_line(&r, "ann/evil-article", "is a symbolic link");
    assert!(
        names_in(home.path()).is_empty(),
        "{:?}",
        names_in(home.path())
    );
}

#[test]
fn a_planted_symlink_as_the_lock_file_is_not_followed() {
    let repo = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let art = evil_article(repo.path());
    let ann = repo.path().join("ann");
    std::fs::create_dir_all(ann.join("evil-article")).unwrap();
    let target = home.path().join(".bash_login");
    // Where older byline kept the lock: now locks live in the user's own
    // runtime folder, which a repository cannot reach.
    symlink(&target, ann.join("evil-article/.t.toml.lock")).unwrap();
    let keys = std::sync::Arc::new(byline_tui::keys::Keymaps::default());
    let session = byline_tui::annotate::AnnotateScreen::open(&art, &ann, Some("T"), keys).unwrap();
    let lock = session
        .disk
        .lock_file()
        .expect("the session holds its lock");
    assert!(!lock.starts_with(repo.path()), "{}", lock.display());
    assert!(!session.app.is_read_only());
    assert!(!target.exists(), "the planted link's target was created");
}

#[test]
fn a_planted_symlink_as_the_review_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ann/a")).unwrap();
    let target = home.path().join(".profile");
    let file = store::review::path(&dir.path().join("ann"), "a", "Sam");
    symlink(&target, &file).unwrap();
    let review = byline_model::review::verdict::Review::new("a", "Sam", "alex");
    let e = store::review::save(&file, &review).unwrap_err().to_string();
    assert!(e.contains("sam.review.toml: is a symbolic link"), "{e}");
    assert!(!target.exists());
}

#[test]
fn export_does_not_walk_into_a_linked_folder() {
    let repo = Repo::new();
    let a = repo.article();
    repo.annotation(&a, "alex.toml", "Alex");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(elsewhere.path().join("x")).unwrap();
    std::fs::copy(
        repo.path("ann/evil/alex.toml"),
        elsewhere.path().join("x/sam.toml"),
    )
    .unwrap();
    symlink(elsewhere.path(), repo.path("ann/all")).unwrap();
    let r = repo.run(&[os("export"), os("ann"), os("--format"), os("json")]);
    assert_eq!(r.code, Some(0), "{}", r.err());
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1, "{}", r.out());
    assert!(
        r.err().contains("symbolic link to a folder (not followed"),
        "{}",
        r.err()
    );
}

// ---- 2. article.path outside the tree: secrets copied ----------------------

/// A valid annotation file in `repo/ann/a/` whose article.path is `path`,
/// with a wrong sha256 so `check --fix` would re-anchor from that text.
fn file_pointing_to(repo: &Path, path: &str) -> PathBuf {
    std::fs::create_dir_all(repo.join("ann/a")).unwrap();
    let p = repo.join("ann/a/alex.toml");
    std::fs::write(
        &p,
        format!(
            "format = \"byline/1\"\n\n[article]\nid = \"a\"\ntitle = \"t\"\npath = {}\nsha256 = \"0000\"\nparagraphs = 1\n\n[annotator]\nname = \"Alex\"\n\n[[claims]]\nparagraph = 1\nstart = 0\nend = 5\nquote = \"root:\"\nkind = \"sourced\"\n",
            store::basic(path)
        ),
    )
    .unwrap();
    p
}

/// A second annotator's copy of `file`, beside it.
fn second_annotator(file: &Path) -> PathBuf {
    let text = std::fs::read_to_string(file).unwrap();
    let p = file.with_file_name("sam.toml");
    std::fs::write(&p, text.replace("name = \"Alex\"", "name = \"Sam\"")).unwrap();
    p
}

#[test]
fn article_path_outside_the_tree_is_refused_by_check_export_and_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let other = tempfile::tempdir().unwrap();
    let secret = other.path().join("secret.txt");
    std::fs::write(&secret, "root:$6$SALT$HASHHASHHASHHASHHASHHASH:0:0\n").unwrap();
    std::fs::create_dir_all(repo.join("articles")).unwrap();
    symlink("/etc/passwd", repo.join("articles/link.txt")).unwrap();
    let cases = [
        secret.display().to_string(),
        "/etc/passwd".to_owned(),
        "../../../../../../../../../../etc/passwd".to_owned(),
        "../../articles/link.txt".to_owned(),
    ];
    for path in &cases {
        let file = file_pointing_to(&repo, path);
        let before = std::fs::read(&file).unwrap();
        let r = byline_in(&repo, &[os("check"), os("ann/a/alex.toml"), os("--fix")]);
        assert_one_line(&r, "ann/a/alex.toml", "leads outside");
        let err = r.err();
        assert!(
            err.contains("--article PATH") && err.contains("--root DIR"),
            "{err}"
        );
        assert_eq!(std::fs::read(&file).unwrap(), before, "check --fix wrote");

        let r = byline_in(
            &repo,
            &[os("export"), os("ann"), os("--format"), os("json")],
        );
        assert_eq!(r.code, Some(0), "{}", r.err());
        assert!(r.err().contains("leads outside"), "{}", r.err());
        assert!(!r.out().contains("SALT") && !r.out().contains("root:x"));

        second_annotator(&file);
        let r = byline_in(
            &repo,
            &[os("agree"), os("ann/a/alex.toml"), os("ann/a/sam.toml")],
        );
        assert_one_line(&r, "ann/a/alex.toml", "leads outside");
        std::fs::remove_file(repo.join("ann/a/sam.toml")).unwrap();
    }
    // The user may trust more, on the command line.
    let file = file_pointing_to(&repo, &secret.display().to_string());
    let r = byline_in(
        &repo,
        &[
            os("check"),
            file.as_os_str(),
            os("--root"),
            other.path().as_os_str(),
        ],
    );
    assert!(!r.err().contains("leads outside"), "{}", r.err());
    let r = byline_in(
        &repo,
        &[
            os("check"),
            file.as_os_str(),
            os("--article"),
            secret.as_os_str(),
        ],
    );
    assert!(!r.err().contains("leads outside"), "{}", r.err());
}

#[test]
fn article_path_inside_the_tree_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(repo.join("articles")).unwrap();
    std::fs::write(repo.join("articles/a.txt"), "root: of it all\n").unwrap();
    file_pointing_to(&repo, "../../articles/a.txt");
    let r = byline_in(&repo, &[os("check"), os("ann/a/alex.toml")]);
    assert_eq!(r.code, Some(0), "{}{}", r.out(), r.err());
    assert!(r.out().contains("0 need review"), "{}", r.out());
}

// ---- 3. terminal escapes ----------------------------------------------------

#[test]
fn no_escape_reaches_stdout_or_stderr_from_any_command() {
    let repo = Repo::new();
    let a = repo.article();
    // The article text itself keeps none of the controls (FORMAT.md).
    for p in &a.paragraphs {
        assert!(!p.text.chars().any(|c| c.is_control()), "{:?}", p.text);
    }
    repo.annotation(&a, "alex.toml", "Alex");
    // A colleague's review of it, as hostile.
    std::fs::write(
        repo.path("ann/evil/rev.review.toml"),
        format!(
            "format = \"byline-review/1\"\n\n[review]\narticle = {art}\nreviewer = {who}\nof = \"alex\"\n\n[[verdicts]]\nparagraph = 2\nstart = 0\nend = 14\nquote = {who}\nverdict = \"dispute\"\nkind = \"editorial\"\ncomment = {who}\n",
            art = toml_escape(&format!("evil{ESC_TITLE}")),
            who = toml_escape(&format!("Rev{ESC_CLIP}{NASTY}")),
        ),
    )
    .unwrap();
    // A file name an attacker chose, too.
    let odd = format!("sam{ESC_TITLE}{NASTY}.toml");
    repo.annotation(&a, &odd.replace('.', "-").replace("-toml", ".toml"), "Sam");

    let runs: Vec<(&str, Vec<&OsStr>)> = vec![
        ("check", vec![os("check"), os("ann/evil/alex.toml")]),
        (
            "check json",
            vec![
                os("check"),
                os("ann/evil/alex.toml"),
                os("--format"),
                os("json"),
            ],
        ),
        ("export markdown", vec![os("export"), os("ann")]),
        (
            "export csv",
            vec![os("export"), os("ann"), os("--format"), os("csv")],
        ),
        (
            "export csv --claims",
            vec![
                os("export"),
                os("ann"),
                os("--format"),
                os("csv"),
                os("--claims"),
            ],
        ),
        (
            "export json",
            vec![os("export"), os("ann"), os("--format"), os("json")],
        ),
        ("agree", vec![os("agree"), os("ann/evil")]),
        (
            "agree json",
            vec![os("agree"), os("ann/evil"), os("--format"), os("json")],
        ),
        (
            "agree sentence",
            vec![os("agree"), os("ann/evil"), os("--unit"), os("sentence")],
        ),
    ];
    for (what, args) in &runs {
        let r = repo.run(args);
        assert_ne!(r.code, Some(101), "{what} panicked: {}", r.err());
        assert!(!r.stdout.is_empty(), "{what} printed nothing: {}", r.err());
        assert_clean(&r.stdout, &format!("{what}: stdout"));
        assert_clean(&r.stderr, &format!("{what}: stderr"));
    }
    // The escapes are shown, not lost; the review was read too.
    let r = repo.run(&[os("export"), os("ann")]);
    // (The reviewer's name is Markdown-escaped now, issue 18.3: `\]`.)
    assert!(r.out().contains("Rev\\u{1b}\\]52;c;"), "{}", r.out());
    let r = repo.run(&[
        os("export"),
        os("ann"),
        os("--format"),
        os("csv"),
        os("--claims"),
    ]);
    assert!(r.out().contains("\\u{1b}]52;c;"), "{}", r.out());
    // JSON escapes them its own way and still parses to the same text.
    let r = repo.run(&[os("export"), os("ann"), os("--format"), os("json")]);
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    let titles = texts(&v["articles"], "title");
    assert!(titles.iter().all(|t| t.contains(ESC_TITLE)), "{titles:?}");

    // Written to a file, Markdown and CSV are escaped the same way.
    for format in ["markdown", "csv"] {
        let out = repo.path(&format!("out.{format}"));
        let r = repo.run(&[
            os("export"),
            os("ann"),
            os("--format"),
            os(format),
            os("-o"),
            out.as_os_str(),
        ]);
        assert_eq!(r.code, Some(0), "{}", r.err());
        assert_clean(
            &std::fs::read(&out).unwrap(),
            &format!("export -o {format}"),
        );
    }
}

#[test]
fn error_messages_are_one_clean_line() {
    let repo = Repo::new();
    let name = format!("bad{ESC_TITLE}{NASTY}\nbyline: fake line.toml");
    let bad = repo.path(&format!("ann/evil/{name}"));
    std::fs::write(&bad, "[article\n").unwrap();
    let missing = repo.path(&format!("articles/{ESC_CLIP}.txt"));
    let runs: Vec<Vec<&OsStr>> = vec![
        vec![os("check"), bad.as_os_str()],
        vec![os("check"), bad.as_os_str(), os("--fix")],
        vec![os("export"), bad.as_os_str()],
        vec![os("export"), os("ann")],
        vec![os("agree"), bad.as_os_str(), bad.as_os_str()],
        vec![
            os("annotate"),
            missing.as_os_str(),
            os("--annotations"),
            os("ann"),
        ],
        vec![
            os("check"),
            os("nope.toml"),
            os("--article"),
            missing.as_os_str(),
        ],
    ];
    for args in &runs {
        let r = repo.run(args);
        assert_ne!(r.code, Some(101), "{args:?}: {}", r.err());
        assert_clean(&r.stdout, &format!("{args:?}: stdout"));
        assert_clean(&r.stderr, &format!("{args:?}: stderr"));
        for line in r.err().lines() {
            assert!(line.starts_with("byline: "), "{args:?}: fake line {line:?}");
        }
    }
}

// ---- 4. special files -------------------------------------------------------

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

#[test]
fn fifos_and_devices_are_refused_never_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fifo_txt = dir.join("article.txt");
    mkfifo(&fifo_txt);
    std::fs::create_dir_all(dir.join("ann/a")).unwrap();
    let fifo_toml = dir.join("ann/a/alex.toml");
    mkfifo(&fifo_toml);
    std::fs::write(dir.join("real.txt"), "One paragraph.\n").unwrap();
    std::fs::create_dir_all(dir.join("g")).unwrap();
    std::fs::write(dir.join("g/real.txt"), "One paragraph.\n").unwrap();
    let good = file_pointing_to(&dir.join("g"), "../../real.txt");
    let good2 = second_annotator(&good);

    let fifo = "is a named pipe (FIFO)";
    let r = byline_in(
        dir,
        &[
            os("check"),
            good.as_os_str(),
            os("--article"),
            os("article.txt"),
        ],
    );
    assert_one_line(&r, "article.txt", fifo);
    let r = byline_in(dir, &[os("check"), os("ann/a/alex.toml")]);
    assert_one_line(&r, "ann/a/alex.toml", fifo);
    let r = byline_in(dir, &[os("check"), os("ann/a/alex.toml"), os("--fix")]);
    assert_one_line(&r, "ann/a/alex.toml", fifo);
    let r = byline_in(dir, &[os("agree"), good.as_os_str(), os("ann/a/alex.toml")]);
    assert_one_line(&r, "ann/a/alex.toml", fifo);
    let r = byline_in(
        dir,
        &[
            os("agree"),
            good.as_os_str(),
            good2.as_os_str(),
            os("--article"),
            os("article.txt"),
        ],
    );
    assert_one_line(&r, "article.txt", fifo);
    // Named directly or found in a folder, a FIFO is an error, not "no
    // annotation files".
    let r = byline_in(dir, &[os("export"), os("ann/a/alex.toml")]);
    assert_one_line(&r, "ann/a/alex.toml", fifo);
    let r = byline_in(dir, &[os("export"), os("ann")]);
    assert_eq!(r.code, Some(1), "{}", r.err());
    assert!(r.err().contains(fifo), "{}", r.err());
    assert!(!r.err().contains("no annotation files"), "{}", r.err());
    let r = byline_in(
        dir,
        &[
            os("annotate"),
            os("article.txt"),
            os("--annotations"),
            os("ann"),
        ],
    );
    assert_one_line(&r, "article.txt", fifo);
    let r = byline_in(
        dir,
        &[
            os("review"),
            os("article.txt"),
            os("--theirs"),
            good.as_os_str(),
        ],
    );
    assert_one_line(&r, "article.txt", fifo);
    let r = byline_in(
        dir,
        &[
            os("review"),
            os("real.txt"),
            os("--theirs"),
            os("ann/a/alex.toml"),
        ],
    );
    assert_one_line(&r, "ann/a/alex.toml", fifo);

    // A FIFO planted where annotate and review keep their files.
    std::fs::create_dir_all(dir.join("ann/real")).unwrap();
    mkfifo(&dir.join("ann/real/alex-example.toml"));
    let r = byline_in(
        dir,
        &[
            os("annotate"),
            os("real.txt"),
            os("--annotations"),
            os("ann"),
        ],
    );
    assert_one_line(&r, "ann/real/alex-example.toml", fifo);
    // The article holds the colleague's quote, so it is their article
    // (issue 10: a file of another article with the same id is refused).
    std::fs::write(dir.join("a.txt"), "root: one paragraph.\n").unwrap();
    mkfifo(&dir.join("ann/a/sam.review.toml"));
    let r = byline_in(
        dir,
        &[
            os("review"),
            os("a.txt"),
            os("--theirs"),
            good.as_os_str(),
            os("--annotations"),
            os("ann"),
            os("--annotator"),
            os("Sam"),
        ],
    );
    assert_one_line(&r, "ann/a/sam.review.toml", fifo);

    // Devices: /dev/zero never ends and says its size is 0.
    let dev = "is a character device";
    for device in ["/dev/zero", "/dev/urandom"] {
        let r = byline_in(
            dir,
            &[os("check"), good.as_os_str(), os("--article"), os(device)],
        );
        assert_one_line(&r, device, dev);
        let r = byline_in(dir, &[os("check"), os(device)]);
        assert_one_line(&r, device, dev);
        let r = byline_in(dir, &[os("export"), os(device)]);
        assert_one_line(&r, device, dev);
        // article.path to a device, with the tree widened to / by the user.
        let f = file_pointing_to(&dir.join("d"), device);
        let r = byline_in(dir, &[os("check"), f.as_os_str(), os("--root"), os("/")]);
        assert_one_line(&r, device, dev);
        let r = byline_in(dir, &[os("export"), f.as_os_str(), os("--root"), os("/")]);
        assert_eq!(r.code, Some(0), "{}", r.err());
        assert!(r.err().contains(dev), "{}", r.err());
        let f2 = second_annotator(&f);
        let r = byline_in(
            dir,
            &[
                os("agree"),
                f.as_os_str(),
                f2.as_os_str(),
                os("--root"),
                os("/"),
            ],
        );
        assert_one_line(&r, device, dev);
        let r = byline_in(
            dir,
            &[
                os("agree"),
                good.as_os_str(),
                good2.as_os_str(),
                os("--article"),
                os(device),
            ],
        );
        assert_one_line(&r, device, dev);
    }
}

// ---- 5. numbers and pipes ---------------------------------------------------

#[test]
fn huge_and_wrong_numbers_are_refused_by_every_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let base = std::fs::read_to_string(file_pointing_to(dir, "x.txt")).unwrap();
    let cases = [
        (
            "paragraphs = 1\n",
            "paragraphs = 18446744073709551615\n",
            "article.paragraphs",
        ),
        (
            "paragraphs = 1\n",
            "paragraphs = 1000000000000\n",
            "article.paragraphs",
        ),
        (
            "paragraphs = 1\n",
            "paragraphs = 100000000\n",
            "article.paragraphs",
        ),
        ("end = 5\n", "end = 18446744073709551615\n", "claim end"),
        (
            "paragraph = 1\n",
            "paragraph = 18446744073709551615\n",
            "claim paragraph",
        ),
        (
            "kind = \"sourced\"\n",
            "kind = \"sourced\"\ntags = \"x\"\n",
            "invalid type",
        ),
        (
            "kind = \"sourced\"\n",
            "kind = \"sourced\"\nstatus = \"banana\"\n",
            "unknown status",
        ),
    ];
    for (from, to, what) in cases {
        let text = base.replace(from, to);
        assert_ne!(text, base);
        let f = dir.join("ann/a/alex.toml");
        std::fs::write(&f, &text).unwrap();
        for cmd in ["export", "check"] {
            let r = byline_in(dir, &[os(cmd), f.as_os_str()]);
            assert_one_line(&r, "alex.toml", what);
        }
        assert!(
            store::load_claims_only(&f).is_err() && store::load(&f).is_err(),
            "{to}"
        );
    }
}

/// Runs byline with stdout a pipe whose reading end is already closed.
fn with_closed_stdout(dir: &Path, args: &[&OsStr]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_one_line() {
    let repo = Repo::new();
    let a = repo.article();
    repo.annotation(&a, "alex.toml", "Alex");
    repo.annotation(&a, "sam.toml", "Sam");
    let runs: Vec<Vec<&OsStr>> = vec![
        vec![os("check"), os("ann/evil/alex.toml")],
        vec![
            os("check"),
            os("ann/evil/alex.toml"),
            os("--format"),
            os("json"),
        ],
        vec![os("export"), os("ann")],
        vec![os("export"), os("ann"), os("--format"), os("csv")],
        vec![
            os("export"),
            os("ann"),
            os("--format"),
            os("csv"),
            os("--claims"),
        ],
        vec![os("export"), os("ann"), os("--format"), os("json")],
        vec![os("agree"), os("ann/evil")],
        vec![os("agree"), os("ann/evil"), os("--format"), os("json")],
        vec![os("--help")],
    ];
    for args in &runs {
        let out = with_closed_stdout(&repo.root, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{args:?}: {err}");
        assert_ne!(out.status.code(), Some(101), "{args:?}");
        assert!(out.status.code().is_some(), "{args:?}: killed by a signal");
    }
    // check still says whether claims need review.
    let out = with_closed_stdout(&repo.root, &[os("check"), os("ann/evil/alex.toml")]);
    assert_eq!(out.status.code(), Some(1));

    for args in &runs[..8] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(args)
            .current_dir(&repo.root)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("byline: ") && last.contains("No space left on device"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_claim_built_in_memory_still_round_trips() {
    // The baseline: escapes in fields survive a save and a load (they are
    // data; only output escapes them).
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "One two three.\n").unwrap();
    let a = byline_store::article::load(&art).unwrap();
    let mut set = AnnotationSet::new(&a, "Alex", None);
    let mut c = Claim::new(
        Loc::new(Para::FIRST, 0, 3),
        &a.paragraphs[0],
        Kind::Editorial,
    );
    c.note = Some(format!("n{ESC_TITLE}"));
    set.claims.push(c);
    set.assign_ids();
    let file = store::annotation_path(dir.path(), &a.id, "Alex");
    store::save(&file, &set).unwrap();
    assert_eq!(store::load(&file).unwrap().unwrap(), set);
}
