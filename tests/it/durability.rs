//! Issue 5, "Never lose an annotation": saves survive SIGKILL at any moment,
//! a second writer, a full disk and a vanished terminal; save → load is the
//! identity; re-anchoring never moves a claim to a wrong place.
//!
//! Figures are printed with `--nocapture`:
//!     cargo test --test it -- --nocapture durability::kill_loop durability::reanchoring_figures
//!
//! The kill loop runs 40 rounds by default; `BYLINE_KILL_LOOP=full` runs 500.

use crate::common::Rng;
use crate::tmux::Tmux;
use byline_model::annotation::anchor::{self, Anchored};
use byline_model::annotation::{AnnotationSet, AnnotatorMeta, ArticleMeta, Claim, Extra, Kind};
use byline_model::article::{self, Article};
use byline_model::{Loc, Para};
use byline_store::{self as store, Saved, durable};
use byline_tui::testing::Harness;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

// ---- helpers -------------------------------------------------------------

fn meta(paragraphs: usize) -> (ArticleMeta, AnnotatorMeta) {
    (
        ArticleMeta {
            id: "kill-loop".into(),
            title: "Kill loop".into(),
            path: Some("../kill-loop.txt".into()),
            sha256: "0".repeat(64),
            paragraphs,
            outlet: None,
            url: None,
            published: None,
            author: None,
            extra: Extra::new(),
        },
        AnnotatorMeta {
            name: "Kill Loop".into(),
            updated: None,
            position: None,
            done: None,
            extra: Extra::new(),
        },
    )
}

/// A large, valid set whose every claim differs between `variant` 0 and 1.
fn big_set(variant: usize) -> AnnotationSet {
    let (article, annotator) = meta(400);
    let claims = (0..120)
        .map(|i| Claim {
            id: Some(format!("c{i:05}")),
            at: Loc::new(Para::from_index(i % 400), i % 7, 10 + i % 13 + variant),
            quote: format!("«{variant}» quote {i} with \"\"\" and \n newline — 陈美玲 🍵"),
            kind: Kind::ALL[(i + variant) % 3],
            source: Some(format!("source {variant}-{i}")),
            note: (i % 3 == 0).then(|| "a note\twith tab".to_owned()),
            tags: vec!["t".into()],
            prefix: Some("before ".into()),
            suffix: Some(" after".into()),
            status: None,
            previous_quote: None,
            extra: Extra::new(),
        })
        .collect();
    let mut set = AnnotationSet {
        article,
        annotator,
        claims,
        dismissed: Vec::new(),
        extra: Extra::new(),
    };
    set.sort();
    set
}

// ---- 1. the kill loop ----------------------------------------------------

/// 500 SIGKILLs with `BYLINE_KILL_LOOP=full` (about 30 s); 40 by default,
/// which still asserts every kill left a whole file.
#[test]
fn kill_loop() {
    let full = std::env::var("BYLINE_KILL_LOOP").is_ok_and(|v| v == "full");
    let rounds: usize = if full { 500 } else { 40 };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill-loop.toml");
    let sets = [big_set(0), big_set(1)];
    store::save(&path, &sets[0]).unwrap();
    let (set_a, set_b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    store::save(&set_a, &sets[0]).unwrap();
    store::save(&set_b, &sets[1]).unwrap();
    // The child is the real binary in its kill-loop mode (src/save_loop.rs).
    let exe = env!("CARGO_BIN_EXE_byline");
    let mut rng = Rng::seeded();
    let (mut as_a, mut as_b, mut mid_save, mut changed) = (0, 0, 0, 0);
    let mut last = 0;
    let t0 = Instant::now();
    for round in 0..rounds {
        let mut child = Command::new(exe)
            .env("BYLINE_SAVE_LOOP", "1")
            .args([&path, &set_a, &set_b])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child is saving, then kill it at a random moment
        // over about three saves.
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        loop {
            line.clear();
            use std::io::BufRead;
            if out.read_line(&mut line).unwrap() == 0 || line.contains("ready") {
                break;
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(80_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if !durable::leftovers(&path).is_empty() {
            mid_save += 1;
        }
        let got = store::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"))
            .expect("the file is there");
        let which = if got == sets[0] {
            as_a += 1;
            0
        } else if got == sets[1] {
            as_b += 1;
            1
        } else {
            panic!("round {round}: the file is neither set");
        };
        if which != last {
            changed += 1;
            last = which;
        }
    }
    // The next start clears what the last kill left.
    let (_s, _) = store::Session::open(&path).unwrap();
    assert!(durable::leftovers(&path).is_empty());
    eprintln!(
        "kill loop: {rounds} SIGKILLs in {:.1?}: file parsed and equal to set A {as_a} times, set B {as_b} times; \
         {changed} rounds changed the file; {mid_save} kills landed mid-save (temporary file left, cleaned at next start)",
        t0.elapsed()
    );
    assert_eq!(as_a + as_b, rounds);
    assert!(changed > 0, "no child ever completed a save");
}

// ---- 2. two writers -------------------------------------------------------

fn small_set(note: &str) -> AnnotationSet {
    let (article, annotator) = meta(3);
    let mut set = AnnotationSet {
        article,
        annotator,
        claims: vec![Claim {
            id: Some("a1".into()),
            at: Loc::new(Para::FIRST, 0, 4),
            quote: "Four".into(),
            kind: Kind::Editorial,
            source: None,
            note: Some(note.into()),
            tags: vec![],
            prefix: Some(String::new()),
            suffix: Some(" words".into()),
            status: None,
            previous_quote: None,
            extra: Extra::new(),
        }],
        dismissed: Vec::new(),
        extra: Extra::new(),
    };
    set.sort();
    set
}

#[test]
fn concurrent_writer_gets_a_conflict_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    store::save(&path, &small_set("original")).unwrap();
    let (mut session, loaded) = store::Session::open(&path).unwrap();
    assert_eq!(loaded.unwrap(), small_set("original"));

    // Someone else writes the file between load and save.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("original", "theirs");
    std::fs::write(&path, &theirs).unwrap();

    let mine = small_set("mine");
    let saved = session.save(&mine).unwrap();
    let Saved::Conflict { copy, first: true } = saved else {
        panic!("expected a conflict copy, got {saved:?}");
    };
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "left alone"
    );
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("alex.conflict-") && name.ends_with(".toml"),
        "{name}"
    );
    assert_eq!(store::load(&copy).unwrap().unwrap(), mine);

    // Later saves keep going to the copy; the file stays theirs.
    let later = small_set("mine, later");
    assert_eq!(
        session.save(&later).unwrap(),
        Saved::Conflict {
            copy: copy.clone(),
            first: false
        }
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(store::load(&copy).unwrap().unwrap(), later);
}

#[test]
fn touching_the_file_without_changing_it_is_no_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    store::save(&path, &small_set("one")).unwrap();
    let (mut session, _) = store::Session::open(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, bytes).unwrap(); // same bytes, new mtime
    assert_eq!(session.save(&small_set("two")).unwrap(), Saved::File);
    assert_eq!(session.save(&small_set("three")).unwrap(), Saved::File);
    assert_eq!(store::load(&path).unwrap().unwrap(), small_set("three"));
}

#[test]
fn a_file_deleted_under_the_session_is_not_resurrected_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    store::save(&path, &small_set("one")).unwrap();
    let (mut session, _) = store::Session::open(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        session.save(&small_set("two")).unwrap(),
        Saved::Conflict { .. }
    ));
    assert!(!path.exists());
}

#[test]
fn a_second_session_on_the_same_file_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    store::save(&path, &small_set("one")).unwrap();
    let (mut first, _) = store::Session::open(&path).unwrap();
    let (mut second, loaded) = store::Session::open(&path).unwrap();
    assert!(first.read_only().is_none());
    assert!(
        loaded.is_some(),
        "a read-only session still shows the claims"
    );
    let why = second.read_only().expect("read-only").to_string();
    assert!(why.contains("another byline session"), "{why}");
    let e = second.save(&small_set("two")).unwrap_err().to_string();
    assert!(e.contains("not saved") && e.contains("alex.toml"), "{e}");
    assert_eq!(first.save(&small_set("two")).unwrap(), Saved::File);
    // A symlink to the file is refused outright: byline never writes
    // through links (docs/security.md).
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let e = store::Session::open(&link)
        .err()
        .expect("refused")
        .to_string();
    assert!(e.contains("is a symbolic link"), "{e}");
    drop(first);
    let (fourth, _) = store::Session::open(&path).unwrap();
    assert!(
        fourth.read_only().is_none(),
        "the lock goes with the session"
    );
}

#[test]
fn two_annotate_sessions_the_second_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/tea-festival.txt");
    let first = Harness::annotate(&article, dir.path(), "Alex");
    let mut second = Harness::annotate(&article, dir.path(), "Alex");
    assert!(!first.screen().app.is_read_only());
    assert!(second.screen().app.is_read_only());
    // A key that would change a claim says why nothing is saved.
    second.press("e");
    assert!(second.screen().app.set.claims.is_empty());
    assert!(second.text_at(80, 24).contains("read-only"));
}

// ---- 3. the disk says no --------------------------------------------------

#[test]
fn failpoint_errors_match_the_real_dev_full() {
    // The fail point imitates a full disk with the very error /dev/full gives.
    let real = std::fs::write("/dev/full", b"x").unwrap_err();
    assert_eq!(real.raw_os_error(), Some(28));
    assert_eq!(
        real.to_string(),
        std::io::Error::from_raw_os_error(28).to_string()
    );
}

#[test]
fn a_symlink_to_a_device_is_refused_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("alex.toml");
    std::os::unix::fs::symlink("/dev/full", &link).unwrap();
    let e = store::save(&link, &small_set("x")).unwrap_err().to_string();
    assert!(e.contains("is a symbolic link"), "{e}");
    assert!(
        std::fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

/// Runs `byline check --fix` with fail points set (in a child process, so
/// the environment of the other tests is untouched).
fn fix_with_failpoint(
    failpoint: &str,
) -> (std::process::Output, String, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "Four words are here.\n\nAnother paragraph.\n").unwrap();
    let a = byline_store::article::load(&art).unwrap();
    let mut set = AnnotationSet::new(&a, "Alex", Some("a.txt".into()));
    let p = &a.paragraphs[1];
    set.claims.push(Claim::new(
        Loc::new(Para::from_index(1), 0, 7),
        p,
        Kind::Editorial,
    ));
    set.assign_ids();
    let file = dir.path().join("alex.toml");
    store::save(&file, &set).unwrap();
    // Change the article so --fix has something to write.
    std::fs::write(
        &art,
        "New lead.\n\nFour words are here.\n\nAnother paragraph.\n",
    )
    .unwrap();
    let before = std::fs::read_to_string(&file).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["check", "--fix"])
        .arg(&file)
        .env("BYLINE_FAILPOINTS", failpoint)
        .output()
        .unwrap();
    (out, before, file, dir)
}

#[test]
fn disk_full_leaves_the_old_file_intact() {
    let (out, before, file, _dir) = fix_with_failpoint("write");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(err.contains("alex.toml"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    assert!(durable::leftovers(&file).is_empty());
}

#[test]
fn unwritable_folder_leaves_the_old_file_intact() {
    for point in ["create", "rename", "sync"] {
        let (out, before, file, _dir) = fix_with_failpoint(point);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{point}: {err}");
        assert!(err.contains("alex.toml"), "{point}: {err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "{point}");
        assert!(durable::leftovers(&file).is_empty(), "{point}");
    }
    let (out, _, _, _dir) = fix_with_failpoint("create");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Permission denied"));
}

#[test]
fn a_failed_folder_sync_after_the_rename_is_reported() {
    let (out, _before, file, _dir) = fix_with_failpoint("dirsync");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Input/output error"), "{err}");
    // The new file is in place and complete, only its durability unproven.
    assert!(store::load(&file).unwrap().is_some());
}

#[test]
fn no_lock_means_read_only_not_a_silent_failure() {
    let (out, before, file, _dir) = fix_with_failpoint("lock");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot take the file's lock"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn permissions_are_kept_across_saves() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    store::save(&path, &small_set("one")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    store::save(&path, &small_set("two")).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn leftovers_of_a_dead_process_are_removed_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alex.toml");
    store::save(&path, &small_set("one")).unwrap();
    // A pid that cannot be running (above the kernel's pid_max).
    let dead = dir.path().join(".alex.toml.tmp-99999999-0");
    let live = dir
        .path()
        .join(format!(".alex.toml.tmp-{}-7", std::process::id()));
    let other = dir.path().join(".bob.toml.tmp-99999999-0");
    for f in [&dead, &live, &other] {
        std::fs::write(f, "partial").unwrap();
    }
    let (s, _) = store::Session::open(&path).unwrap();
    assert_eq!(s.leftovers_removed, 1);
    assert!(!dead.exists());
    assert!(live.exists(), "ours: a save may be under way");
    assert!(other.exists(), "another file's: not ours to judge");
}

// ---- 4. the terminal goes away (tmux) ------------------------------------

fn gone(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, r)| r.trim_start().starts_with('Z')),
        Err(_) => true,
    }
}

fn annotate_cmd(dir: &Path, prelude: &str) -> String {
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-council.txt");
    format!(
        "{prelude}exec {} annotate '{}' --annotations '{}' --annotator 'Closer'",
        env!("CARGO_BIN_EXE_byline"),
        article.display(),
        dir.display()
    )
}

/// Marks two claims (the second one inside the save coalescing window),
/// kills the tmux server at once, and checks both are on disk and the
/// process is gone within 2 seconds.
fn close_terminal_at_once(name: &str, prelude: &str, env: &[(&str, &str)]) {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start(name, &annotate_cmd(dir.path(), prelude), (100, 30), env) else {
        return;
    };
    t.wait_for("¶ 1/15");
    let pid = t.pane_pid();
    t.tmux(&["send-keys", "-t", "t", "e", "j", "e"]);
    t.wait_for("E 2");
    let t0 = Instant::now();
    t.tmux(&["kill-server"]);
    while !gone(pid) {
        assert!(
            t0.elapsed() < Duration::from_secs(2),
            "byline still running 2 s after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    eprintln!(
        "{name}: process gone {:?} after the terminal closed",
        t0.elapsed()
    );
    let file = dir.path().join("harbor-council/closer.toml");
    let set = store::load(&file).unwrap().expect("the file is on disk");
    assert_eq!(set.claims.len(), 2, "both claims are on disk");
    assert!(set.claims.iter().all(|c| c.kind == Kind::Editorial));
}

#[test]
fn tmux_closing_the_terminal_keeps_the_claim_and_ends_the_process() {
    close_terminal_at_once("hup", "", &[]);
}

#[test]
fn tmux_hang_up_is_noticed_even_with_sighup_ignored() {
    // SIGHUP ignored and not handled: only the watch on the terminal can
    // end the process (crossterm's reader would spin, issue #793).
    close_terminal_at_once("nohup", "trap '' HUP; ", &[("BYLINE_FAILPOINTS", "sighup")]);
}

/// Sends `signal` to byline in tmux right after two quick claims: both are
/// on disk, the terminal is restored, the exit code is 0.
fn signal_flushes_and_restores(name: &str, signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let cmd = annotate_cmd(dir.path(), "");
    let cmd = cmd.replacen("exec ", "", 1) + "; echo BYLINE-EXIT-$?; sleep 30";
    let Some(t) = Tmux::start(name, &cmd, (100, 30), &[]) else {
        return;
    };
    t.wait_for("¶ 1/15");
    t.tmux(&["send-keys", "-t", "t", "e", "j", "e"]);
    t.wait_for("E 2");
    // The pane runs a shell; byline is its only child.
    let shell = t.pane_pid();
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    let byline: i32 = children.split_whitespace().next().unwrap().parse().unwrap();
    // SAFETY: sending a signal to a process this test started.
    assert_eq!(unsafe { libc::kill(byline, signal) }, 0);
    let screen = t.wait_for("BYLINE-EXIT-");
    assert!(screen.contains("BYLINE-EXIT-0"), "{name}: {screen}");
    assert!(
        !screen.contains("¶ 1/15"),
        "{name}: the terminal was restored:\n{screen}"
    );
    let set = store::load(&dir.path().join("harbor-council/closer.toml"))
        .unwrap()
        .unwrap();
    assert_eq!(set.claims.len(), 2, "{name}");
}

/// `byline review` of the sample alex file in `dir` (a copy), as Rev R.
fn review_cmd(dir: &Path, prelude: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let theirs = dir.join("harbor-council/alex-example.toml");
    std::fs::create_dir_all(theirs.parent().unwrap()).unwrap();
    std::fs::copy(
        root.join("annotations/harbor-council/alex-example.toml"),
        &theirs,
    )
    .unwrap();
    format!(
        "{prelude}exec {} review '{}' --theirs '{}' --annotations '{}' --annotator 'Rev R'",
        env!("CARGO_BIN_EXE_byline"),
        root.join("examples/articles/harbor-council.txt").display(),
        theirs.display(),
        dir.display()
    )
}

fn verdicts(dir: &Path) -> Vec<byline_model::review::verdict::Verdict> {
    let r = store::review::load(&dir.join("harbor-council/rev-r.review.alex-example.toml"))
        .unwrap()
        .expect("the review file is on disk");
    r.verdicts.iter().map(|v| v.verdict).collect()
}

/// The review screen runs in the same loop as annotation: a verdict given
/// just before the terminal dies is on disk, and the process is gone
/// within 2 s (it used to spin at 75% CPU and ignore SIGTERM).
#[test]
fn tmux_review_closing_the_terminal_keeps_the_verdict_and_ends_the_process() {
    use byline_model::review::verdict::Verdict;
    for (name, prelude, env) in [
        ("rev-hup", "", vec![]),
        (
            "rev-nohup",
            "trap '' HUP; ",
            vec![("BYLINE_FAILPOINTS", "sighup")],
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let Some(t) = Tmux::start(name, &review_cmd(dir.path(), prelude), (100, 30), &env) else {
            return;
        };
        t.wait_for("reviewed 0/");
        let pid = t.pane_pid();
        t.tmux(&["send-keys", "-t", "t", "y", "y"]);
        t.wait_for("agreed 2");
        let t0 = Instant::now();
        t.tmux(&["kill-server"]);
        while !gone(pid) {
            assert!(
                t0.elapsed() < Duration::from_secs(2),
                "{name}: byline review still running 2 s after its terminal closed"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(
            verdicts(dir.path()),
            [Verdict::Agree, Verdict::Agree],
            "{name}"
        );
    }
}

/// SIGTERM ends a review (it was ignored), with the verdict saved and the
/// terminal restored; a panic inside the review (a test-only fail point)
/// also saves the verdicts and restores the terminal.
#[test]
fn tmux_review_sigterm_and_panic_save_and_restore() {
    use byline_model::review::verdict::Verdict;
    for (name, env) in [
        ("rev-term", vec![]),
        ("rev-panic", vec![("BYLINE_FAILPOINTS", "panic-after-key")]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let cmd =
            review_cmd(dir.path(), "").replacen("exec ", "", 1) + "; echo BYLINE-EXIT-$?; sleep 30";
        let Some(t) = Tmux::start(name, &cmd, (100, 30), &env) else {
            return;
        };
        t.wait_for("reviewed 0/");
        t.tmux(&["send-keys", "-t", "t", "y"]);
        if name == "rev-term" {
            t.wait_for("agreed 1");
            let shell = t.pane_pid();
            let children =
                std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
            let pid: i32 = children.split_whitespace().next().unwrap().parse().unwrap();
            // SAFETY: sending a signal to a process this test started.
            assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
        }
        let screen = t.wait_for("BYLINE-EXIT-");
        let code = if name == "rev-term" { "0" } else { "101" };
        assert!(
            screen.contains(&format!("BYLINE-EXIT-{code}")),
            "{name}: {screen}"
        );
        assert!(
            !screen.contains("reviewed "),
            "{name}: the terminal was restored:\n{screen}"
        );
        assert_eq!(verdicts(dir.path()), [Verdict::Agree], "{name}");
    }
}

#[test]
fn tmux_sigterm_flushes_and_restores() {
    signal_flushes_and_restores("term", libc::SIGTERM);
}

#[test]
fn tmux_sigint_flushes_and_restores() {
    signal_flushes_and_restores("int", libc::SIGINT);
}

#[test]
fn tmux_sigquit_flushes_and_restores() {
    signal_flushes_and_restores("quit", libc::SIGQUIT);
}

#[test]
fn every_save_stores_32_characters_of_context() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-council.txt");
    let mut h = Harness::annotate(&article, dir.path(), "Ctx");
    h.press("}je");
    let s = h.screen();
    let set = store::load(&dir.path().join("harbor-council/ctx.toml"))
        .unwrap()
        .unwrap();
    let c = &set.claims[0];
    let p = &s.app.article.paragraphs[c.at.para.index()];
    let prefix = c.prefix.as_deref().unwrap();
    let suffix = c.suffix.as_deref().unwrap();
    assert_eq!(prefix, p.slice(c.at.start.saturating_sub(32), c.at.start));
    assert_eq!(suffix, p.slice(c.at.end, c.at.end + 32));
    assert!(prefix.chars().count() == 32 || c.at.start < 32);
}

#[test]
fn tmux_disk_full_shows_an_error_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    // A first session writes one claim normally.
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-council.txt");
    let mut h = Harness::annotate(&article, dir.path(), "Closer");
    h.press("e");
    drop(h);
    let file = dir.path().join("harbor-council/closer.toml");
    let before = std::fs::read_to_string(&file).unwrap();

    let cmd =
        annotate_cmd(dir.path(), "").replacen("exec ", "", 1) + "; echo BYLINE-EXIT-$?; sleep 30";
    let Some(t) = Tmux::start("full", &cmd, (100, 30), &[("BYLINE_FAILPOINTS", "write")]) else {
        return;
    };
    t.wait_for("¶ 1/15");
    t.tmux(&["send-keys", "-t", "t", "}", "e"]);
    let screen = t.wait_for("NOT SAVED");
    assert!(screen.contains("No space left"), "{screen}");
    t.tmux(&["send-keys", "-t", "t", "q"]);
    let screen = t.wait_for("BYLINE-EXIT-");
    assert!(screen.contains("BYLINE-EXIT-1"), "{screen}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    assert!(durable::leftovers(&file).is_empty());
}

// ---- 5. save → load is the identity ----------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\"\"\"".to_owned()),
        Just("'''".to_owned()),
        Just("a\nb\r\nc\t\\".to_owned()),
        "\\PC{0,40}",
        "[ -~]{0,40}",
        "[\u{0}-\u{1f}\u{7f}\"\\\\]{0,8}",
        "[陈美玲🍵éà’“”\u{301}\u{200b}\u{feff}]{0,12}",
    ]
}

fn extra() -> impl Strategy<Value = Extra> {
    prop::collection::btree_map(
        "x_[a-z]{1,6}",
        prop_oneof![
            text().prop_map(toml::Value::String),
            any::<i64>().prop_map(toml::Value::Integer),
            any::<bool>().prop_map(toml::Value::Boolean),
        ],
        0..3,
    )
    .prop_map(|m| m.into_iter().collect())
}

prop_compose! {
    fn claim(paragraphs: usize)(
        paragraph in 1..=paragraphs,
        start in 0usize..500,
        len in 1usize..200,
        quote in text(),
        kind in 0usize..3,
        source in prop::option::of(text()),
        note in prop::option::of(text()),
        tags in prop::collection::vec(text(), 0..3),
        prefix in prop::option::of(text()),
        suffix in prop::option::of(text()),
        review in any::<bool>(),
        extra in extra(),
    ) -> Claim {
        Claim {
            id: None,
            at: Loc::new(Para::from_number(paragraph).unwrap(), start, start + len),
            quote,
            kind: Kind::ALL[kind],
            source,
            note,
            tags,
            prefix,
            suffix,
            status: review.then(|| "needs-review".to_owned()),
            previous_quote: None,
            extra,
        }
    }
}

prop_compose! {
    fn annotation_set()(paragraphs in 1usize..30)(
        claims in prop::collection::vec(claim(paragraphs), 0..25),
        ids in any::<bool>(),
        title in text(),
        name in text(),
        outlet in prop::option::of(text()),
        paragraphs in Just(paragraphs),
        top in extra(),
        art in extra(),
    ) -> AnnotationSet {
        let (mut article, mut annotator) = meta(paragraphs);
        article.title = title;
        article.outlet = outlet;
        article.extra = art;
        annotator.name = name;
        let mut set = AnnotationSet { article, annotator, claims, dismissed: Vec::new(), extra: top };
        if ids {
            set.assign_ids();
        }
        set.sort();
        set
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_then_load_is_the_identity(set in annotation_set()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        store::save(&path, &set).unwrap();
        let first = std::fs::read(&path).unwrap();
        let back = store::load(&path).unwrap().unwrap();
        prop_assert_eq!(&back, &set);
        store::save(&path, &back).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), first, "saving twice gives the same bytes");
    }
}

// ---- 6. re-anchoring --------------------------------------------------------

/// Base words (letters only) and edit words (digits only): an inserted
/// edit can never recreate a quote made of base words.
const WORDS: &[&str] = &[
    "the",
    "mayor",
    "said",
    "council",
    "vote",
    "harbor",
    "plan",
    "officials",
    "sources",
    "reported",
    "delay",
    "budget",
    "residents",
    "claimed",
    "critics",
    "argued",
    "that",
    "a",
    "new",
    "pier",
    "would",
    "cost",
    "more",
    "than",
    "expected",
    "according",
    "to",
    "people",
    "familiar",
    "with",
    "talks",
    "observers",
    "noted",
    "disaster",
    "triumph",
    "spokesperson",
    "declined",
    "comment",
    "analysts",
    "believe",
    "deal",
    "collapse",
    "week",
    "after",
    "before",
    "months",
    "port",
    "jobs",
    "storm",
    "flood",
    "café",
    "naïve",
    "陈美玲",
    "über",
];
const EDIT_WORDS: &[&str] = &["1729", "42", "2026", "7", "314159", "88"];

#[derive(Debug, Clone)]
enum Edit {
    /// Insert edit words at word index `at` of paragraph `para`.
    Insert { para: usize, at: usize, n: usize },
    /// Delete `n` words from `at`.
    Delete { para: usize, at: usize, n: usize },
    /// Replace the word at `at` with an edit word.
    Replace { para: usize, at: usize },
    /// Misspell the word at `at` (drop its last letter).
    Typo { para: usize, at: usize },
    /// Insert a whole paragraph before `para`.
    NewParagraph { para: usize, n: usize },
    /// Delete paragraph `para`.
    DropParagraph { para: usize },
}

#[derive(Debug, Clone)]
struct Case {
    paras: Vec<Vec<String>>,
    /// The claim: paragraph index and word range.
    para: usize,
    words: std::ops::Range<usize>,
    edit: Edit,
}

fn build(paras: &[Vec<String>]) -> Article {
    let text: Vec<String> = paras.iter().map(|p| p.join(" ")).collect();
    article::parse(Path::new("p.txt"), text.join("\n\n").as_bytes()).unwrap()
}

/// Char range of words `r` in the paragraph made of `words`.
fn char_range(words: &[String], r: std::ops::Range<usize>) -> (usize, usize) {
    let len = |ws: &[String]| {
        ws.iter().map(|w| w.chars().count()).sum::<usize>() + ws.len().saturating_sub(1)
    };
    let start = if r.start == 0 {
        0
    } else {
        len(&words[..r.start]) + 1
    };
    (start, start + len(&words[r]))
}

enum Expect {
    /// Outside the span: this exact place (paragraph index, start, end).
    Exact(usize, usize, usize),
    /// Inside the span: this region, give or take `slack` characters, or
    /// needs-review.
    Near(usize, usize, usize, usize),
    /// The claim's paragraph was deleted: needs-review only.
    Gone,
}

/// Applies the edit; returns the new paragraphs and what re-anchoring must give.
fn apply(case: &Case) -> (Vec<Vec<String>>, Expect) {
    let mut paras = case.paras.clone();
    let (mut cp, mut w) = (case.para, case.words.clone());
    let edit_word = |i: usize| EDIT_WORDS[i % EDIT_WORDS.len()].to_owned();
    let mut inside = false;
    let mut slack = 0;
    match case.edit {
        Edit::Insert { para, at, n } => {
            let at = at.min(paras[para].len());
            let new: Vec<String> = (0..n).map(edit_word).collect();
            slack = new.iter().map(|w| w.len() + 1).sum();
            let before = paras[para].clone();
            paras[para].splice(at..at, new);
            if para == cp {
                if at <= w.start {
                    w = w.start + n..w.end + n;
                } else if at < w.end {
                    inside = true;
                    // Words inserted next to the span's edge word may be
                    // left out with it, when the edge word is shorter than
                    // what was inserted: the closest match then stops
                    // before them.
                    let edge = if at + 1 == w.end {
                        Some(w.end - 1)
                    } else if at == w.start + 1 {
                        Some(w.start)
                    } else {
                        None
                    };
                    if let Some(e) = edge {
                        slack += before[e].chars().count() + 1;
                    }
                    w = w.start..w.end + n;
                }
            }
        }
        Edit::Delete { para, at, n } => {
            let len = paras[para].len();
            let at = at.min(len - 1);
            let n = n.min(len - at).max(1);
            if paras[para].len() == n {
                // The whole paragraph goes: put edit words in its place.
                paras[para] = (0..n).map(edit_word).collect();
                if para == cp {
                    return (paras, Expect::Gone);
                }
            } else {
                slack = paras[para][at..at + n]
                    .iter()
                    .map(|w| w.chars().count() + 1)
                    .sum();
                if para == cp && at <= w.start && at + n >= w.end {
                    paras[para].drain(at..at + n);
                    return (paras, Expect::Gone); // the whole quote deleted
                }
                paras[para].drain(at..at + n);
                if para == cp {
                    let (a, b) = (at, at + n);
                    if b <= w.start {
                        w = w.start - n..w.end - n;
                    } else if a >= w.end {
                    } else if a >= w.start && b <= w.end {
                        inside = true;
                        w = w.start..w.end - n;
                    } else {
                        // The deletion crosses a boundary of the span.
                        inside = true;
                        let s = w.start.min(a);
                        let e = (w.end.max(b) - n).max(s + 1);
                        w = s..e;
                    }
                }
            }
        }
        Edit::Replace { para, at } | Edit::Typo { para, at } => {
            let at = at.min(paras[para].len() - 1);
            let word = &mut paras[para][at];
            let old_len = word.chars().count();
            if matches!(case.edit, Edit::Replace { .. }) {
                *word = edit_word(at);
            } else if word.chars().count() > 1 {
                word.pop();
            } else {
                *word = edit_word(at);
            }
            // An edited word at the span's edge may be left out of the
            // re-anchored span: the longer of the two words, and its space.
            slack = old_len.max(word.chars().count()) + 4;
            if para == cp && w.contains(&at) {
                inside = true;
            }
        }
        Edit::NewParagraph { para, n } => {
            let new: Vec<String> = (0..n.max(1)).map(edit_word).collect();
            paras.insert(para, new);
            if para <= cp {
                cp += 1;
            }
        }
        Edit::DropParagraph { para } => {
            if paras.len() == 1 {
                paras[0] = (0..5).map(edit_word).collect();
                return (paras, Expect::Gone);
            }
            paras.remove(para);
            if para == cp {
                return (paras, Expect::Gone);
            }
            if para < cp {
                cp -= 1;
            }
        }
    }
    let (s, e) = char_range(&paras[cp], w);
    let expect = if inside {
        Expect::Near(cp, s, e, slack)
    } else {
        Expect::Exact(cp, s, e)
    };
    (paras, expect)
}

fn case() -> impl Strategy<Value = Case> {
    // Words do not repeat inside a paragraph (they do across paragraphs):
    // deleting one of "officials officials" leaves no way to tell which one
    // went, for any algorithm.
    prop::collection::vec(
        prop::sample::subsequence(WORDS, 3..40)
            .prop_shuffle()
            .prop_map(|ws| ws.into_iter().map(str::to_owned).collect::<Vec<_>>()),
        1..5,
    )
    .prop_flat_map(|paras| {
        let n = paras.len();
        (Just(paras), 0..n)
    })
    .prop_flat_map(|(paras, para)| {
        let len = paras[para].len();
        (Just(paras), Just(para), 0..len)
    })
    .prop_flat_map(|(paras, para, start)| {
        let len = paras[para].len();
        let n = paras.len();
        let edit = prop_oneof![
            (0..n, 0usize..40, 1usize..4).prop_map(|(para, at, n)| Edit::Insert { para, at, n }),
            (0..n, 0usize..40, 1usize..4).prop_map(|(para, at, n)| Edit::Delete { para, at, n }),
            (0..n, 0usize..40).prop_map(|(para, at)| Edit::Replace { para, at }),
            (0..n, 0usize..40).prop_map(|(para, at)| Edit::Typo { para, at }),
            (0..=n, 1usize..6).prop_map(|(para, n)| Edit::NewParagraph { para, n }),
            (0..n).prop_map(|para| Edit::DropParagraph { para }),
        ];
        (
            Just(paras),
            Just(para),
            Just(start),
            (start + 1)..=len.min(start + 12),
            edit,
        )
    })
    .prop_map(|(paras, para, start, end, edit)| Case {
        paras,
        para,
        words: start..end,
        edit,
    })
}

#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Exact,
    Near,
    NeedsReview,
    Wrong(String),
}

fn judge(case: &Case) -> Verdict {
    let before = build(&case.paras);
    let (s, e) = char_range(&case.paras[case.para], case.words.clone());
    let claim = Claim::new(
        Loc::new(Para::from_index(case.para), s, e),
        &before.paragraphs[case.para],
        Kind::Anonymous,
    );
    let mut set = AnnotationSet::new(&before, "P", None);
    set.claims.push(claim);
    let (paras, expect) = apply(case);
    let after = build(&paras);
    let outcome = anchor::reanchor(&mut set, &after);
    let c = &set.claims[0];
    let got = (c.at.para.index(), c.at.start, c.at.end);
    if outcome[0] == Anchored::NeedsReview {
        // An edit outside the span that rewrote the claim's context may
        // send a short quote to review: without its context, a word or two
        // turns up anywhere, and byline does not bet on a place. Rare (see
        // the figures); never a wrong place.
        // Counted apart from the edits inside the span by the caller.
        return Verdict::NeedsReview;
    }
    assert!(
        anchor::holds(c, &after),
        "a re-anchored claim holds its quote"
    );
    match expect {
        Expect::Exact(p, s, e) if got == (p, s, e) => Verdict::Exact,
        Expect::Near(p, s, e, _) if got == (p, s, e) => Verdict::Exact,
        Expect::Near(p, s, e, slack)
            if got.0 == p
                && got.1.abs_diff(s) <= slack
                && got.2.abs_diff(e) <= slack
                && got.1 < e
                && s < got.2 =>
        {
            Verdict::Near
        }
        _ => Verdict::Wrong(format!("got {got:?}, expected {expect:?}")),
    }
}

impl std::fmt::Debug for Expect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expect::Exact(p, s, e) => write!(f, "exactly ¶{} {s}..{e}", p + 1),
            Expect::Near(p, s, e, k) => {
                write!(f, "near ¶{} {s}..{e} (±{k}) or needs-review", p + 1)
            }
            Expect::Gone => write!(f, "needs-review"),
        }
    }
}

/// A fixed seed, so CI runs the same 1,000 cases every time;
/// `BYLINE_PROPTEST_RANDOM=1` draws new ones (a failing case is printed).
fn reanchoring_config() -> ProptestConfig {
    let mut c = ProptestConfig::with_cases(1000);
    if std::env::var_os("BYLINE_PROPTEST_RANDOM").is_none() {
        c.rng_seed = proptest::test_runner::RngSeed::Fixed(0x6279_6c69_6e65);
    }
    c
}

proptest! {
    #![proptest_config(reanchoring_config())]

    #[test]
    fn reanchoring_never_puts_a_claim_in_a_wrong_place(case in case()) {
        let v = judge(&case);
        prop_assert!(!matches!(v, Verdict::Wrong(_)), "{:?}", v);
    }
}

/// The figures for the report: many cases, tallied by kind of edit.
#[test]
fn reanchoring_figures() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let strategy = case();
    let mut table: std::collections::BTreeMap<&str, [usize; 4]> = Default::default();
    let n_cases: usize = std::env::var("BYLINE_REANCHOR_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    for _ in 0..n_cases {
        let case = strategy.new_tree(&mut runner).unwrap().current();
        let (_, expect) = apply(&case);
        let kind = match (&case.edit, &expect) {
            (_, Expect::Gone) => "claim's text deleted",
            (_, Expect::Near(..)) => "edit inside the span",
            (Edit::NewParagraph { .. } | Edit::DropParagraph { .. }, _) => {
                "paragraph added/removed"
            }
            _ => "edit outside the span",
        };
        let row = table.entry(kind).or_default();
        match judge(&case) {
            Verdict::Exact => row[0] += 1,
            Verdict::Near => row[1] += 1,
            Verdict::NeedsReview => row[2] += 1,
            Verdict::Wrong(why) => {
                row[3] += 1;
                eprintln!("wrong: {why} in {case:?}");
            }
        }
    }
    eprintln!(
        "re-anchoring, {n_cases} random cases: exact / near (within the edit) / needs-review / WRONG"
    );
    for (kind, [a, b, c, d]) in &table {
        eprintln!("  {kind:<26} {a:>5} {b:>5} {c:>5} {d:>5}");
    }
    let wrong: usize = table.values().map(|r| r[3]).sum();
    assert_eq!(wrong, 0);
    // Outside edits shift the claim exactly; review is the rare exception.
    for kind in ["edit outside the span", "paragraph added/removed"] {
        if let Some([exact, _, review, _]) = table.get(kind) {
            assert!(*review * 200 <= *exact, "{kind}: {review} sent to review");
        }
    }
}
