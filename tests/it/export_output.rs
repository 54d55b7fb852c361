//! Issue 10, item 6: `export -o` never destroys. It refuses to overwrite a
//! file the export reads, writes through to a FIFO or `/dev/fd/N` instead
//! of replacing the node, and keeps a symbolic link pointing where it did.
//! Item 10 (one part): when only `paragraphs` differs, export says so and
//! does not claim the sha256 differs.

use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::{Loc, Para};
use byline_store as store;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TEXT: &str = "Harbor vote\n\nThe mayor said the vote would wait. Critics disagree.\n";

struct Repo {
    dir: tempfile::TempDir,
    art: PathBuf,
    file: PathBuf,
}

/// `exo/harbor/alex.toml` with one claim, its article `harbor.txt`, and a
/// review file beside it.
fn repo() -> Repo {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("harbor.txt");
    std::fs::write(&art, TEXT).unwrap();
    let a = byline_store::article::load(&art).unwrap();
    let mut set = AnnotationSet::new(&a, "Alex", Some("../../harbor.txt".into()));
    let p = &a.paragraphs[1];
    set.claims.push(Claim::new(
        Loc::new(Para::from_index(1), 0, 34),
        p,
        Kind::Sourced,
    ));
    set.assign_ids();
    let file = dir.path().join("exo/harbor/alex.toml");
    store::save(&file, &set).unwrap();
    std::fs::write(
        dir.path().join("exo/harbor/sam.review.toml"),
        "format = \"byline-review/1\"\n\n[review]\narticle = \"harbor\"\nreviewer = \"Sam\"\nof = \"alex\"\n",
    )
    .unwrap();
    Repo { dir, art, file }
}

fn byline(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_refuses_to_overwrite_an_input_file_and_leaves_it_alone() {
    let r = repo();
    let d = r.dir.path();
    let before = std::fs::read(&r.file).unwrap();
    let article_before = std::fs::read(&r.art).unwrap();
    let review = d.join("exo/harbor/sam.review.toml");
    let review_before = std::fs::read(&review).unwrap();
    std::os::unix::fs::symlink("exo/harbor/alex.toml", d.join("link.toml")).unwrap();
    std::fs::hard_link(&r.file, d.join("hard.toml")).unwrap();
    for (target, what) in [
        ("exo/harbor/alex.toml", "an annotation file"),
        ("./exo/harbor/../harbor/alex.toml", "an annotation file"),
        ("link.toml", "an annotation file"),
        ("hard.toml", "an annotation file"),
        ("exo/harbor/sam.review.toml", "a review file"),
        ("harbor.txt", "an article file"),
    ] {
        for format in ["markdown", "json", "csv"] {
            let o = byline(d, &["export", "exo", "--format", format, "-o", target]);
            assert_eq!(o.status.code(), Some(1), "-o {target}: {}", err(&o));
            let e = err(&o);
            assert!(
                e.contains(&format!(
                    "{target}: is one of the files this export reads ({what})"
                )),
                "-o {target}: {e}"
            );
            assert_eq!(e.matches("byline will not overwrite").count(), 1, "{e}");
        }
    }
    assert_eq!(std::fs::read(&r.file).unwrap(), before);
    assert_eq!(std::fs::read(&r.art).unwrap(), article_before);
    assert_eq!(std::fs::read(&review).unwrap(), review_before);
    assert!(
        std::fs::symlink_metadata(d.join("link.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // No temporary file is left beside them.
    let names: Vec<_> = std::fs::read_dir(d.join("exo/harbor"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn export_writes_through_a_fifo_and_keeps_it_a_fifo() {
    let r = repo();
    let d = r.dir.path();
    let fifo = d.join("out.fifo");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = byline(d, &["export", "exo", "--format", "json", "-o", "out.fifo"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let got = reader.join().unwrap();
    let v: serde_json::Value = serde_json::from_str(&got).unwrap_or_else(|e| panic!("{e}: {got}"));
    assert_eq!(v["totals"]["claims"], 1);
    let t = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(t.is_fifo(), "the FIFO was replaced: {t:?}");
}

#[test]
fn export_writes_through_dev_stdout_when_it_is_a_pipe() {
    let r = repo();
    // `-o /dev/stdout` (as `-o >(wc -c)` gives `/dev/fd/63`): a pipe here.
    let o = byline(
        r.dir.path(),
        &["export", "exo", "--format", "csv", "-o", "/dev/stdout"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("alex.toml"), "{out}");
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn export_through_a_symlink_replaces_the_file_and_keeps_the_link() {
    let r = repo();
    let d = r.dir.path();
    std::fs::create_dir(d.join("reports")).unwrap();
    std::fs::write(d.join("reports/2026-11.md"), "old report\n").unwrap();
    std::os::unix::fs::symlink("reports/2026-11.md", d.join("latest.md")).unwrap();
    let o = byline(d, &["export", "exo", "-o", "latest.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let link = std::fs::symlink_metadata(d.join("latest.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let report = std::fs::read_to_string(d.join("reports/2026-11.md")).unwrap();
    assert!(report.contains("alex"), "{report}");
    assert!(!report.contains("old report"));
    // A plain new file as before.
    let o = byline(d, &["export", "exo", "-o", "new.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(std::fs::metadata(d.join("new.md")).unwrap().is_file());
}

#[test]
fn export_says_when_only_the_paragraph_count_differs() {
    let r = repo();
    let text = std::fs::read_to_string(&r.file).unwrap();
    std::fs::write(&r.file, text.replace("paragraphs = 2", "paragraphs = 3")).unwrap();
    let o = byline(r.dir.path(), &["export", "exo"]);
    let e = err(&o);
    assert!(
        e.contains("the file says 3 paragraphs, the text has 2; the sha256 matches"),
        "{e}"
    );
    assert!(!e.contains("sha256 differs"), "{e}");
    // And when the text itself changed, the sha256 is what it names.
    std::fs::write(&r.file, text).unwrap();
    std::fs::write(&r.art, TEXT.replace("Critics", "Many critics")).unwrap();
    let o = byline(r.dir.path(), &["export", "exo"]);
    let e = err(&o);
    assert!(e.contains("(sha256 differs)"), "{e}");
}
