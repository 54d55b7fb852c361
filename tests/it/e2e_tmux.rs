//! The real binary in a real terminal (tmux): type keys, quit, read the TOML
//! on disk. Needs tmux; `.ci/run` installs it. Without tmux the test fails
//! on CI and is skipped (with a note) elsewhere.

use crate::tmux::Tmux;
use std::path::Path;
use std::time::Duration;

#[test]
fn mark_three_kinds_quit_and_find_them_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-council.txt");
    let cmd = format!(
        "{} annotate '{}' --annotations '{}' --annotator 'E2E Tester'; echo BYLINE-EXIT-$?; sleep 30",
        env!("CARGO_BIN_EXE_byline"),
        article.display(),
        dir.path().display()
    );
    let Some(t) = Tmux::start("e2e", &cmd, (80, 24), &[]) else {
        return;
    };
    t.wait_for("¶ 1/15");
    t.keys(&["}", "}", "s"]);
    t.wait_for("Source:");
    t.keys(&["Mayor Lucia Ruiz", "Enter"]);
    t.keys(&["}", "}", "}", "}", "a"]);
    t.wait_for("Anonymous source:");
    t.keys(&["Escape"]);
    t.keys(&["n", "aide not named", "Enter"]);
    t.keys(&["G", "{", "{", "e"]);
    t.wait_for("S 1 A 1 E 1");
    // Resizing must redraw, not crash.
    t.tmux(&["resize-window", "-t", "t", "-x", "40", "-y", "12"]);
    t.wait_for("S1 A1 E1");
    t.keys(&["q"]);
    t.wait_for("BYLINE-EXIT-0");

    let file = dir.path().join("harbor-council/e2e-tester.toml");
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    let got: Vec<(i64, &str, Option<&str>, Option<&str>)> = claims
        .iter()
        .map(|c| {
            (
                c["paragraph"].as_integer().unwrap(),
                c["kind"].as_str().unwrap(),
                c.get("source").and_then(|s| s.as_str()),
                c.get("note").and_then(|s| s.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, "sourced", Some("Mayor Lucia Ruiz"), None),
            (7, "anonymous", None, Some("aide not named")),
            (13, "editorial", None, None),
        ]
    );
    assert_eq!(doc["annotator"]["name"].as_str(), Some("E2E Tester"));
}

/// Issue 11's "done when", in a real terminal: a searched phrase marked
/// exactly, the first suggestion accepted with its kind and source, the
/// next one dismissed, and still dismissed after reopening.
#[test]
fn search_mark_accept_and_dismiss_a_suggestion_then_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-council.txt");
    let run = format!(
        "{} annotate '{}' --annotations '{}' --annotator 'E2E Tester'",
        env!("CARGO_BIN_EXE_byline"),
        article.display(),
        dir.path().display()
    );
    let cmd = format!("{run} && {run}; echo BYLINE-EXIT-AGAIN-$?; sleep 30");
    let Some(t) = Tmux::start("e2e", &cmd, (80, 24), &[]) else {
        return;
    };
    t.wait_for("? 25");
    t.keys(&["/", "slow and"]);
    t.wait_for("match 1 of 1");
    t.keys(&[" opaque", "Enter", "e"]);
    t.wait_for("E 1");
    t.keys(&["g", "]"]);
    t.wait_for("source: Lucia Ruiz");
    t.keys(&["Enter"]);
    t.wait_for("S 1 A 0 E 1");
    t.keys(&["]", "x"]);
    t.wait_for("dismissed the sourced suggestion");
    t.wait_for("? 22");
    t.keys(&["q"]);
    // Reopened where I stopped (¶3, `position`): the dismissed one is not
    // suggested again.
    t.wait_for("¶ 3/15 │ S 1 A 0 E 1 │ ? 22");
    t.keys(&["q"]);
    t.wait_for("BYLINE-EXIT-AGAIN-0");

    let file = dir.path().join("harbor-council/e2e-tester.toml");
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    let got: Vec<(&str, &str, Option<&str>)> = claims
        .iter()
        .map(|c| {
            (
                c["quote"].as_str().unwrap(),
                c["kind"].as_str().unwrap(),
                c.get("source").and_then(|s| s.as_str()),
            )
        })
        .collect();
    assert_eq!(got[1], ("slow and opaque", "editorial", None));
    assert_eq!(got[0].1, "sourced");
    assert_eq!(got[0].2, Some("Lucia Ruiz"));
    let dismissed = doc["dismissed"].as_array().unwrap();
    assert_eq!(dismissed.len(), 1);
    assert!(
        dismissed[0]["quote"]
            .as_str()
            .unwrap()
            .starts_with("She said")
    );
}

/// A corpus in a real terminal: the list, an article opened from it, back
/// with the claim counted and the article done, a second article opened,
/// and the terminal closed under it: its claim is on disk (the guardian
/// watches whichever screen is running).
#[test]
fn corpus_list_open_back_and_hang_up_in_the_second_article() {
    let dir = tempfile::tempdir().unwrap();
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let cmd = format!(
        "{} annotate '{}' --annotations '{}' --annotator 'E2E Tester'; echo BYLINE-EXIT-$?; sleep 30",
        env!("CARGO_BIN_EXE_byline"),
        articles.display(),
        dir.path().display()
    );
    let Some(t) = Tmux::start("e2e", &cmd, (80, 24), &[]) else {
        return;
    };
    t.wait_for("15 articles · 0 done · E2E Tester");
    t.keys(&["/", "harbor", "Enter", "Enter"]);
    t.wait_for("¶ 1/15");
    t.keys(&["}", "}", "e", "D"]);
    t.wait_for("✓ done");
    t.keys(&["q"]);
    let s = t.wait_for("1 of 15 articles · 1 done");
    assert!(s.contains("S 0 A 0 E 1"), "{s}");
    // Clear the filter (the cursor stays on the harbor); open the next.
    t.keys(&["Escape", "j", "Enter"]);
    t.wait_for("Dunmere patients");
    t.keys(&["e"]);
    t.wait_for("E 1");
    t.tmux(&["kill-server"]);
    std::thread::sleep(Duration::from_millis(1500));
    let read = |id: &str| -> toml::Table {
        let f = dir.path().join(id).join("e2e-tester.toml");
        toml::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap()
    };
    let harbor = read("harbor-council");
    assert!(harbor["annotator"].get("done").is_some());
    assert_eq!(harbor["annotator"]["position"].as_integer(), Some(3));
    let hospital = read("hospital-wait");
    assert_eq!(hospital["claims"].as_array().unwrap().len(), 1);
}
