//! Issue 10, item 3: names never collide. Non-Latin names and article stems
//! get their own files, names with nothing to keep and very long names
//! save, an older byline's file is still found under its old slug, and a
//! file of another article that happens to share the id is refused, never
//! re-anchored onto this one.

use byline_model::annotation::AnnotationSet;
use byline_store as store;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::keys::Keymaps;
use byline_tui::testing::Harness;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const NEWS: &str = "新闻的第一段。官员说港口将关闭。\n\n第二段写了更多。";
const REPORT: &str = "报道的第一段。一位不愿具名的人士说。\n\n报道的第二段。";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// Opens `article` as `who`, marks the first sentence editorial, quits:
/// the file the session wrote.
fn mark_first_sentence(article: &Path, ann: &Path, who: &str) -> PathBuf {
    let mut h = Harness::annotate(article, ann, who);
    h.press("e");
    h.screen().app.file.clone()
}

fn load(file: &Path) -> AnnotationSet {
    store::load(file).unwrap().expect("the file is there")
}

/// Every annotator file under `ann`, relative to it, sorted.
fn files(ann: &Path) -> Vec<String> {
    let mut out: Vec<String> = walk(ann)
        .into_iter()
        .filter(|p| {
            store::files::classify(p) == store::files::FileKind::Annotator
                || store::files::classify(p) == store::files::FileKind::Review
        })
        .map(|p| p.strip_prefix(ann).unwrap().display().to_string())
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn open_err(article: &Path, ann: &Path, who: &str) -> String {
    let keys = Arc::new(Keymaps::default());
    match AnnotateScreen::open(article, ann, Some(who), keys) {
        Ok(_) => panic!("opening {} as {who} should be refused", article.display()),
        Err(e) => format!("{e:#}"),
    }
}

#[test]
fn two_chinese_names_get_two_files_each_with_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "harbor.txt", "One sentence. Two.\n\nThree.");
    let ann = dir.path().join("ann");
    let li = mark_first_sentence(&article, &ann, "李明");
    let wang = mark_first_sentence(&article, &ann, "王芳");
    assert_ne!(li, wang, "李明 and 王芳 share {}", li.display());
    assert_eq!(load(&li).annotator.name, "李明");
    assert_eq!(load(&wang).annotator.name, "王芳");
    assert_eq!(load(&li).claims.len(), 1);
    assert_eq!(load(&wang).claims.len(), 1);
    let names = files(&ann);
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("harbor/li-ming-")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("harbor/wang-fang-")),
        "{names:?}"
    );
}

#[test]
fn dots_and_emoji_as_names_get_their_own_files_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "harbor.txt", "One sentence. Two.\n\nThree.");
    let ann = dir.path().join("ann");
    let mut seen = Vec::new();
    for who in [".", "..", "🙂", "🙃", "-"] {
        let f = mark_first_sentence(&article, &ann, who);
        assert_eq!(
            f.parent().unwrap(),
            ann.join("harbor"),
            "{who}: {}",
            f.display()
        );
        assert_eq!(load(&f).annotator.name, who);
        assert!(!seen.contains(&f), "{who} shares {}", f.display());
        seen.push(f);
    }
    assert_eq!(files(&ann).len(), 5, "{:?}", files(&ann));
    assert!(!ann.join("harbor/anonymous.toml").exists());
}

#[test]
fn a_240_character_name_saves_its_claims() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "harbor.txt", "One sentence. Two.\n\nThree.");
    let ann = dir.path().join("ann");
    let name = "Maximiliane ".repeat(20);
    let name = name.trim();
    assert!(name.len() >= 239);
    let f = mark_first_sentence(&article, &ann, name);
    let set = load(&f);
    assert_eq!(set.annotator.name, name);
    assert_eq!(set.claims.len(), 1);
    let file_name = f.file_name().unwrap().len();
    // A conflict copy adds `.conflict-<timestamp>`; well under 255 even so.
    assert!(file_name <= 80, "{file_name} bytes: {}", f.display());
    let other = mark_first_sentence(&article, &ann, &format!("{name} Junior"));
    assert_ne!(
        f, other,
        "two long names that differ only at the end share a file"
    );
}

#[test]
fn two_chinese_article_names_get_two_ids_and_never_mix() {
    let dir = tempfile::tempdir().unwrap();
    let news = write(dir.path(), "新闻.txt", NEWS);
    let report = write(dir.path(), "报道.txt", REPORT);
    let ann = dir.path().join("ann");
    let a = mark_first_sentence(&news, &ann, "Alex");
    let b = mark_first_sentence(&report, &ann, "Alex");
    assert_ne!(a.parent(), b.parent(), "both in {}", a.display());
    let (sa, sb) = (load(&a), load(&b));
    assert_ne!(sa.article.id, sb.article.id);
    assert!(sa.article.id.starts_with("xin-wen-"), "{}", sa.article.id);
    assert_eq!(sa.claims[0].quote, "新闻的第一段。");
    assert_eq!(sb.claims[0].quote, "报道的第一段。");
    assert!(
        sa.claims
            .iter()
            .chain(&sb.claims)
            .all(|c| !c.needs_review())
    );
    assert_eq!(sa.article.title, "新闻的第一段。官员说港口将关闭。");
}

/// What an older byline wrote for `李明` on `新闻.txt`:
/// `ann/article/anonymous.toml`.
fn old_layout(dir: &Path) -> (PathBuf, PathBuf) {
    let news = write(dir, "新闻.txt", NEWS);
    let ann = dir.join("ann");
    let now = mark_first_sentence(&news, &ann, "李明");
    let old = ann.join("article/anonymous.toml");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    let text = std::fs::read_to_string(&now).unwrap();
    let id = load(&now).article.id;
    let text = text.replace(&format!("id = \"{id}\""), "id = \"article\"");
    std::fs::write(&old, text).unwrap();
    std::fs::remove_dir_all(now.parent().unwrap()).unwrap();
    (news, old)
}

#[test]
fn an_older_bylines_file_is_found_under_its_old_slug() {
    let dir = tempfile::tempdir().unwrap();
    let (news, old) = old_layout(dir.path());
    let ann = dir.path().join("ann");
    let before = std::fs::read(&old).unwrap();

    // 李明 reopens 新闻: the old file, with the old claim, is the session's.
    let mut h = Harness::annotate(&news, &ann, "李明");
    assert_eq!(h.screen().app.file, old);
    assert_eq!(h.screen().app.set.claims.len(), 1);
    h.press("je");
    assert_eq!(load(&old).claims.len(), 2);
    assert_eq!(files(&ann), ["article/anonymous.toml"]);

    // Another name, or another article, never opens it.
    let after = std::fs::read(&old).unwrap();
    let wang = mark_first_sentence(&news, &ann, "王芳");
    assert_ne!(wang, old);
    assert_eq!(load(&wang).claims.len(), 1);
    let report = write(dir.path(), "报道.txt", REPORT);
    let other = mark_first_sentence(&report, &ann, "李明");
    assert_ne!(other, old);
    assert_eq!(load(&other).claims[0].quote, "报道的第一段。");
    assert_eq!(
        std::fs::read(&old).unwrap(),
        after,
        "the old file was touched"
    );
    assert_ne!(before, after);
}

#[test]
fn an_older_file_for_a_latin_name_with_accents_is_found_in_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "harbor.txt", "One sentence. Two.\n\nThree.");
    let ann = dir.path().join("ann");
    let now = mark_first_sentence(&article, &ann, "José García");
    // Older versions dropped the accented letters: `jos-garc-a.toml`.
    let old = ann.join("harbor/jos-garc-a.toml");
    std::fs::rename(&now, &old).unwrap();
    let h = Harness::annotate(&article, &ann, "José García");
    assert_eq!(h.screen().app.file, old);
    assert_eq!(h.screen().app.set.claims.len(), 1);
}

#[test]
fn a_file_of_another_article_with_the_same_id_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "2025/report.txt",
        "The mayor said the port closes. Critics disagree.\n\nMore text.",
    );
    let b = write(
        dir.path(),
        "2026/report.txt",
        "A wholly different story. Nothing in common.\n\nAt all.",
    );
    let ann = dir.path().join("ann");
    let file = mark_first_sentence(&a, &ann, "Alex");
    let before = std::fs::read(&file).unwrap();
    let err = open_err(&b, &ann, "Alex");
    assert!(err.contains("annotates another article"), "{err}");
    assert!(
        err.contains("report.toml") || err.contains("alex.toml"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // The review screen refuses it the same way.
    let err = byline_store::review_open::open(&b, &file, None, &ann, Some("Sam"))
        .err()
        .map(|e| format!("{e:#}"))
        .expect("review of another article's file is refused");
    assert!(err.contains("annotates another article"), "{err}");

    // The command line says so and exits 1, before any terminal is touched.
    let out = assert_cmd::Command::cargo_bin("byline")
        .unwrap()
        .arg("annotate")
        .arg(&b)
        .arg("--annotations")
        .arg(&ann)
        .args(["--annotator", "Alex"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("annotates another article"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn an_edited_article_is_still_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "report.txt",
        "The mayor said the port closes. Critics disagree.\n\nMore text.",
    );
    let ann = dir.path().join("ann");
    let file = mark_first_sentence(&a, &ann, "Alex");
    // Edited, and moved to another folder: the quote is still in it.
    std::fs::remove_file(&a).unwrap();
    let moved = write(
        dir.path(),
        "new/report.txt",
        "Intro added. The mayor said the port closes. Critics disagree.",
    );
    let h = Harness::annotate(&moved, &ann, "Alex");
    assert_eq!(h.screen().app.file, file);
    assert_eq!(h.screen().app.set.claims.len(), 1);
}

#[test]
fn a_long_article_file_name_gets_a_short_folder() {
    let dir = tempfile::tempdir().unwrap();
    let stem = "a-very-long-article-title-saved-by-a-browser ".repeat(5);
    let article = write(dir.path(), &format!("{}.txt", stem.trim()), "One. Two.\n");
    let ann = dir.path().join("ann");
    let f = mark_first_sentence(&article, &ann, "Alex");
    let folder = f
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(folder.len() <= 69, "{folder}");
    assert!(folder.starts_with("a-very-long-article-title"), "{folder}");
    assert_eq!(load(&f).claims.len(), 1);
}

#[test]
fn a_chinese_reviewer_of_a_chinese_colleague_gets_files_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let news = write(dir.path(), "新闻.txt", NEWS);
    let ann = dir.path().join("ann");
    let theirs = mark_first_sentence(&news, &ann, "王芳");
    let (parts, _session) =
        byline_store::review_open::open(&news, &theirs, None, &ann, Some("李明")).unwrap();
    assert_ne!(
        parts.mine_file, theirs,
        "the reviewer's own file is not the colleague's"
    );
    let review = parts
        .review_file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        review.starts_with("li-ming-")
            && review.contains(".review.wang-fang-")
            && review.ends_with(".toml"),
        "{review}"
    );
    assert!(
        parts.review.meta.of.starts_with("wang-fang-"),
        "{}",
        parts.review.meta.of
    );
}

#[test]
fn an_older_review_file_is_found_under_its_old_slug_with_its_old_of() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "harbor.txt", "One sentence. Two.\n\nThree.");
    let ann = dir.path().join("ann");
    let theirs = mark_first_sentence(&article, &ann, "Zoë");
    // What an older byline wrote for José García reviewing Zoë: the
    // accented letters dropped from both slugs.
    let old = ann.join("harbor/jos-garc-a.review.toml");
    std::fs::write(
        &old,
        "format = \"byline-review/1\"\n\n[review]\narticle = \"harbor\"\nreviewer = \"José García\"\nof = \"zo\"\n\n[[verdicts]]\nparagraph = 1\nstart = 0\nend = 13\nquote = \"One sentence.\"\nverdict = \"agree\"\n",
    )
    .unwrap();
    let (parts, _session) =
        byline_store::review_open::open(&article, &theirs, None, &ann, Some("José García"))
            .unwrap();
    assert_eq!(parts.review_file, old);
    assert_eq!(parts.review.verdicts.len(), 1);
}
