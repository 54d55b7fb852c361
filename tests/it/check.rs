//! `byline check ANNOTATION… [--article PATH] [--fix] [--format json]`.

use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::{Loc, Para};
use byline_store as store;
use std::path::{Path, PathBuf};
use std::process::Command;

const ARTICLE: &str = "Council delays harbor vote\n\n\
The mayor said the vote would wait until spring. Critics called the delay a disaster for the port.\n\n\
Sources close to the council said the deal was dead. Officials declined to comment on the talks.\n";

struct Fixture {
    dir: tempfile::TempDir,
    file: PathBuf,
    art: PathBuf,
}

/// An article and a file with three claims, one per sentence kind.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("harbor.txt");
    std::fs::write(&art, ARTICLE).unwrap();
    let a = byline_store::article::load(&art).unwrap();
    let mut set = AnnotationSet::new(&a, "Alex Example", Some("../../harbor.txt".into()));
    for (para, quote, kind) in [
        (
            2,
            "The mayor said the vote would wait until spring.",
            Kind::Sourced,
        ),
        (
            2,
            "Critics called the delay a disaster for the port.",
            Kind::Editorial,
        ),
        (
            3,
            "Sources close to the council said the deal was dead.",
            Kind::Anonymous,
        ),
    ] {
        let p = &a.paragraphs[para - 1];
        let s = p.char_of(p.text.find(quote).unwrap());
        set.claims.push(Claim::new(
            Loc::new(
                Para::from_number(para).unwrap(),
                s,
                s + quote.chars().count(),
            ),
            p,
            kind,
        ));
    }
    set.assign_ids();
    set.sort();
    let file = store::annotation_path(&dir.path().join("annotations"), &a.id, "Alex Example");
    store::save(&file, &set).unwrap();
    Fixture { dir, file, art }
}

fn byline(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(f: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["check".as_ref(), f.as_os_str()];
    args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
    byline(&args)
}

fn json(f: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(extra);
    let (code, out, err) = check(f, &all);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, v)
}

/// The article edited three ways: a paragraph added before, one claim's
/// wording changed, one claim's sentence removed.
fn edit_article(art: &Path) {
    let edited = ARTICLE
        .replace(
            "Council delays harbor vote\n\n",
            "Council delays harbor vote\n\nAn editor's note was added here.\n\n",
        )
        .replace(
            "Critics called the delay a disaster for the port.",
            "Critics called the delay a real disaster for the port.",
        )
        .replace("Sources close to the council said the deal was dead. ", "");
    std::fs::write(art, edited).unwrap();
}

#[test]
fn unchanged_article_all_ok_exit_0() {
    let f = fixture();
    let (code, out, err) = check(&f.file, &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("3 ok, 0 moved, 0 need review"), "{out}");
    assert_eq!(
        out.matches("\n  ok ").count(),
        3,
        "every claim listed: {out}"
    );
}

#[test]
fn article_found_through_article_path() {
    let f = fixture();
    // Run from elsewhere: article.path is relative to the annotation file.
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["check"])
        .arg(&f.file)
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn changed_article_reports_ok_moved_needs_review() {
    let f = fixture();
    edit_article(&f.art);
    let (code, v) = json(&f.file, &[]);
    assert_eq!(code, Some(1), "a claim needs review: exit 1");
    let file = &v["files"][0];
    assert_eq!(file["article_changed"], true);
    let claims = file["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3, "nothing dropped");
    let by_quote = |q: &str| {
        claims
            .iter()
            .find(|c| c["quote"].as_str().unwrap().starts_with(q))
            .unwrap_or_else(|| panic!("{q}: {claims:?}"))
    };
    let mayor = by_quote("The mayor");
    assert_eq!(mayor["status"], "moved");
    assert_eq!(mayor["exact"], true);
    assert_eq!(mayor["paragraph"], 3);
    assert_eq!(mayor["from"]["paragraph"], 2);
    let critics = by_quote("Critics");
    assert_eq!(critics["status"], "moved");
    assert_eq!(critics["exact"], false);
    assert_eq!(
        critics["quote"],
        "Critics called the delay a real disaster for the port."
    );
    let sources = by_quote("Sources close");
    assert_eq!(sources["status"], "needs-review");
    assert_eq!(sources["paragraph"], 3, "kept where it was");
    assert_eq!(
        v["totals"],
        serde_json::json!({"ok": 0, "moved": 2, "needs_review": 1})
    );
    // Without --fix nothing is written.
    assert!(
        store::load(&f.file).unwrap().unwrap().claims[0]
            .status
            .is_none()
    );
}

#[test]
fn fix_writes_moves_marks_review_and_drops_nothing() {
    let f = fixture();
    let before = store::load(&f.file).unwrap().unwrap();
    edit_article(&f.art);
    let (code, out, err) = check(&f.file, &["--fix"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("; fixed"), "{out}");
    let after = store::load(&f.file).unwrap().unwrap();
    assert_eq!(after.claims.len(), before.claims.len());
    let ids = |s: &AnnotationSet| {
        let mut v: Vec<_> = s.claims.iter().map(|c| c.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&after), ids(&before), "same claims, same ids");
    let a = byline_store::article::load(&f.art).unwrap();
    assert_eq!(after.article.sha256, a.sha256());
    assert_eq!(after.article.paragraphs, 4);
    assert!(after.annotator.updated.is_some());
    let review: Vec<_> = after.claims.iter().filter(|c| c.needs_review()).collect();
    assert_eq!(review.len(), 1);
    assert!(review[0].quote.starts_with("Sources close"));
    // A second check: moved claims are now ok, the one for review stays.
    let (code, v) = json(&f.file, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        v["totals"],
        serde_json::json!({"ok": 2, "moved": 0, "needs_review": 1})
    );
    assert_eq!(v["files"][0]["article_changed"], false);
}

#[test]
fn fix_keeps_review_claims_loadable_when_the_article_shrinks() {
    let f = fixture();
    // Only the title survives: paragraphs 2 and 3 are gone.
    std::fs::write(&f.art, "Council delays harbor vote\n").unwrap();
    let (code, _, err) = check(&f.file, &["--fix"]);
    assert_eq!(code, Some(1), "{err}");
    let after = store::load(&f.file).unwrap().expect("still loads");
    assert_eq!(after.article.paragraphs, 1);
    assert_eq!(after.claims.len(), 3);
    assert!(after.claims.iter().all(|c| c.needs_review()));
    assert!(
        after.claims.iter().any(|c| c.at.para.number() == 3),
        "old place kept"
    );
}

#[test]
fn fix_on_a_clean_file_writes_nothing() {
    let f = fixture();
    let before = std::fs::read(&f.file).unwrap();
    let (code, out, _) = check(&f.file, &["--fix"]);
    assert_eq!(code, Some(0));
    assert!(!out.contains("fixed"), "{out}");
    assert_eq!(std::fs::read(&f.file).unwrap(), before);
}

#[test]
fn fix_refuses_a_file_open_in_a_session() {
    let f = fixture();
    edit_article(&f.art);
    let before = std::fs::read(&f.file).unwrap();
    let (_session, _) = store::Session::open(&f.file).unwrap();
    let (code, _, err) = check(&f.file, &["--fix"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("not fixed") && err.contains("another byline session"),
        "{err}"
    );
    assert_eq!(std::fs::read(&f.file).unwrap(), before);
}

#[test]
fn quote_mismatch_in_unchanged_article_is_reanchored_by_check() {
    let f = fixture();
    let text = std::fs::read_to_string(&f.file).unwrap();
    // Hand-edited offsets: the quote is right, the numbers are not.
    let bad =
        text.replacen("start = 0\n", "start = 1\n", 1)
            .replacen("end = 48\n", "end = 49\n", 1);
    assert_ne!(bad, text);
    std::fs::write(&f.file, &bad).unwrap();
    let (code, v) = json(&f.file, &[]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["totals"]["moved"], 1);
    let (_, out, _) = check(&f.file, &["--fix"]);
    assert!(out.contains("fixed"), "{out}");
    let (code, v) = json(&f.file, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(v["totals"]["ok"], 3);
}

#[test]
fn several_files_and_an_error_in_one() {
    let f = fixture();
    let broken = f.dir.path().join("broken.toml");
    std::fs::write(&broken, "[article\n").unwrap();
    let (code, v) = {
        let (code, out, err) = byline(&[
            "check".as_ref(),
            f.file.as_os_str(),
            broken.as_os_str(),
            "--article".as_ref(),
            f.art.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ]);
        assert!(err.contains("broken.toml:1:"), "{err}");
        (
            code,
            serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        )
    };
    assert_eq!(code, Some(1), "a file that cannot be checked fails the run");
    assert_eq!(v["files"][0]["counts"]["ok"], 3);
    assert!(
        v["files"][1]["error"]
            .as_str()
            .unwrap()
            .contains("broken.toml:1:")
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = byline(&["check".as_ref()]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, _) = byline(&[
        "check".as_ref(),
        "x.toml".as_ref(),
        "--format".as_ref(),
        "yaml".as_ref(),
    ]);
    assert_eq!(code, Some(2));
}

/// The fixture with a review and a conflict copy beside its file, as a
/// glob over the folder names them: (fixture, review, conflict copy).
fn fixture_with_review_and_conflict() -> (Fixture, PathBuf, PathBuf) {
    let f = fixture();
    let review = f.file.with_file_name("sam-example.review.toml");
    std::fs::write(
        &review,
        "format = \"byline-review/1\"\n\n[review]\narticle = \"harbor\"\nreviewer = \"Sam\"\nof = \"alex-example\"\n",
    )
    .unwrap();
    let conflict = f
        .file
        .with_file_name("alex-example.conflict-20261126T040000Z.toml");
    std::fs::copy(&f.file, &conflict).unwrap();
    (f, review, conflict)
}

#[test]
fn a_glob_over_the_folder_skips_reviews_and_conflict_copies_with_one_note() {
    let (f, review, conflict) = fixture_with_review_and_conflict();
    let (code, out, err) = byline(&[
        "check".as_ref(),
        f.file.as_os_str(),
        review.as_os_str(),
        conflict.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("3 ok"), "{out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("skipped 2 file(s)") && err.contains("sam-example.review.toml"),
        "{err}"
    );
}

/// Issue 10, item 9: after `--fix --article OTHER` the file points at the
/// other article, so the next plain `check` is clean.
#[test]
fn fix_with_another_article_repoints_article_path() {
    let f = fixture();
    let other = f.dir.path().join("texts/harbor-v2.txt");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    std::fs::write(
        &other,
        ARTICLE.replace(
            "Council delays harbor vote\n\n",
            "Council delays harbor vote\n\nAn editor's note was added here.\n\n",
        ),
    )
    .unwrap();
    let (code, out, err) = check(&f.file, &["--article", other.to_str().unwrap(), "--fix"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("3 moved") && out.contains("; fixed"), "{out}");
    let set = store::load(&f.file).unwrap().unwrap();
    assert_eq!(
        set.article.path.as_deref(),
        Some("../../texts/harbor-v2.txt")
    );
    // The next plain check reads the other article through article.path.
    let (code, out, err) = check(&f.file, &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("3 ok, 0 moved, 0 need review"), "{out}");
    assert!(!out.contains("changed"), "{out}");
}

/// Issue 10, item 9: an editorial claim whose closing loaded adverb was
/// deleted, and a word inserted before it, is not silently rewritten: its
/// old quote is kept as `previous_quote` and `check` says so.
#[test]
fn a_claim_whose_words_changed_keeps_its_old_quote_and_check_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("rollout.txt");
    let loaded = "Critics called the rollout a failure for the whole city, predictably.";
    let text = format!("Rollout\n\nThe plan started in May. {loaded} Officials left.\n");
    std::fs::write(&art, &text).unwrap();
    let a = byline_store::article::load(&art).unwrap();
    let mut set = AnnotationSet::new(&a, "Alex Example", Some("../../rollout.txt".into()));
    let p = &a.paragraphs[1];
    let s = p.char_of(p.text.find(loaded).unwrap());
    set.claims.push(Claim::new(
        Loc::new(Para::from_index(1), s, s + loaded.chars().count()),
        p,
        Kind::Editorial,
    ));
    set.assign_ids();
    let file = store::annotation_path(&dir.path().join("annotations"), &a.id, "Alex Example");
    store::save(&file, &set).unwrap();
    // The loaded adverb goes, and a word comes in before it.
    let edited = "Critics called the rollout a failure for the whole old city.";
    std::fs::write(&art, text.replace(loaded, edited)).unwrap();

    let (code, out, err) = check(&file, &["--fix"]);
    let set = store::load(&file).unwrap().unwrap();
    let claim = &set.claims[0];
    if claim.needs_review() {
        assert_eq!(claim.quote, loaded, "a claim for review keeps its quote");
        assert_eq!(code, Some(1), "{out}{err}");
    } else {
        assert_eq!(claim.quote, edited, "{out}");
        assert_eq!(claim.previous_quote.as_deref(), Some(loaded), "{out}");
        assert!(out.contains("its words changed"), "{out}");
        assert!(out.contains("previous_quote"), "{out}");
        let on_disk = std::fs::read_to_string(&file).unwrap();
        assert!(
            on_disk.contains(&format!("previous_quote = \"{loaded}\"")),
            "{on_disk}"
        );
        // A second edit keeps the quote as it was first marked.
        std::fs::write(
            &art,
            text.replace(
                loaded,
                "Critics called the rollout a failure for the whole old city, too.",
            ),
        )
        .unwrap();
        check(&file, &["--fix"]);
        let set = store::load(&file).unwrap().unwrap();
        assert_eq!(set.claims[0].previous_quote.as_deref(), Some(loaded));
    }
}

/// Issue 10, item 9: the Python checker skips reviews, conflict copies and
/// lock files named by a glob, with one note, like `byline check`.
#[test]
fn python_checker_skips_reviews_conflict_copies_and_locks() {
    let (f, review, conflict) = fixture_with_review_and_conflict();
    let lock = f.file.with_file_name(".alex-example.toml.lock");
    std::fs::write(&lock, "").unwrap();
    let out = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/check_offsets.py"
        ))
        .args([&f.file, &review, &conflict, &lock])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("3 claims checked, 0 mismatches"),
        "{stdout}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("skipped 3 file(s)"), "{stderr}");
}
