//! The one runtime, driven by scripts of keys and waits on a virtual clock:
//! saves are coalesced and on disk within a second, failed saves are
//! retried, keys do nothing while the terminal is too small, a panic still
//! saves, and the keys come from the user's config.

use assert_cmd::Command;
use byline_tui::annotate::action::Action;
use byline_tui::events::Script;
use byline_tui::keymap::Keymap;
use byline_tui::keys::Keymaps;
use byline_tui::runtime::{self, Flow, Focus, Screen};
use byline_tui::testing::Harness;
use byline_tui::theme::Theme;
use byline_tui::ui::Ui;
use byline_tui::widgets::line_input::Edit;
use byline_tui::widgets::status::SaveState;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A screen that counts: `e` is a change, `?` panics, `q` quits; its
/// saves are recorded (with the clock's time) and fail while `failing`.
struct Counter {
    revision: u64,
    save: SaveState,
    log: Arc<Mutex<Log>>,
}

#[derive(Default)]
struct Log {
    /// Revisions written.
    saves: Vec<u64>,
    /// Failures to give before saves succeed.
    failing: usize,
    attempts: usize,
}

impl Screen for Counter {
    type Action = Action;
    const QUIT: Action = Action::Quit;
    fn keymap(keys: &Keymaps) -> &Keymap<Action> {
        &keys.annotate
    }
    fn mode(&self) -> u8 {
        byline_tui::annotate::action::NORMAL
    }
    fn focus(&mut self) -> Focus<'_> {
        Focus::Keys
    }
    fn prompt_done(&mut self, _: Edit) {}
    fn close_overlay(&mut self) {}
    fn update(&mut self, action: Action) -> Flow {
        match action {
            Action::MarkEditorial => self.revision += 1,
            Action::Help => panic!("a bug in a screen"),
            Action::Quit => return Flow::Quit,
            _ => {}
        }
        Flow::Continue
    }
    fn render(&self, _: &Ui, frame: &mut ratatui::Frame) {
        frame.buffer_mut().set_string(
            0,
            0,
            format!("rev {}", self.revision),
            ratatui::style::Style::new(),
        );
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn save_state(&mut self) -> &mut SaveState {
        &mut self.save
    }
    fn save(&mut self) -> Result<(), String> {
        let mut log = self.log.lock().unwrap();
        log.attempts += 1;
        if log.failing > 0 {
            log.failing -= 1;
            return Err("No space left on device".into());
        }
        log.saves.push(self.revision);
        Ok(())
    }
}

fn counter(failing: usize) -> (Counter, Arc<Mutex<Log>>) {
    let log = Arc::new(Mutex::new(Log {
        failing,
        ..Log::default()
    }));
    let c = Counter {
        revision: 0,
        save: SaveState::Saved,
        log: Arc::clone(&log),
    };
    (c, log)
}

/// What a run left: the screen and whether it quit.
struct Ended {
    screen: Counter,
    quit: bool,
}

fn run(screen: Counter, script: Script, w: u16, h: u16) -> Ended {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let keys = Keymaps::default();
    let theme = Theme { color: false };
    let ui = Ui {
        theme: &theme,
        keys: &keys,
    };
    let mut script = script;
    let shared = runtime::run(runtime::Shared::new(screen), &mut script, &mut t, &ui).unwrap();
    Ended {
        quit: shared.quit(),
        screen: shared.screen,
    }
}

#[test]
fn changes_are_coalesced_and_on_disk_within_a_second() {
    let (c, log) = counter(0);
    let seen = Arc::clone(&log);
    let mid = Arc::new(Mutex::new(Vec::new()));
    let mid2 = Arc::clone(&mid);
    // Ten changes in a burst, then a second of nothing: the burst is one or
    // two saves, and the last change is on disk before the second is over.
    let script = Script::new().keys("eeeeeeeeee").wait(1000).call(move || {
        mid2.lock()
            .unwrap()
            .extend(seen.lock().unwrap().saves.clone())
    });
    let ended = run(c, script, 80, 24);
    let mid = mid.lock().unwrap().clone();
    assert!(!mid.is_empty() && mid.len() <= 2, "saves: {mid:?}");
    assert_eq!(mid.last(), Some(&10), "the last change is saved: {mid:?}");
    assert!(!ended.quit);
    assert_eq!(ended.screen.save, SaveState::Saved);
    assert_eq!(log.lock().unwrap().saves.last(), Some(&10));
}

#[test]
fn a_failed_save_is_shown_and_retried_until_it_works() {
    let (c, log) = counter(3);
    let state = Arc::new(Mutex::new(None));
    let state2 = Arc::clone(&state);
    let log2 = Arc::clone(&log);
    let script = Script::new()
        .keys("e")
        .wait(500)
        .call(move || *state2.lock().unwrap() = Some(log2.lock().unwrap().attempts))
        .wait(4000);
    let ended = run(c, script, 80, 24);
    // Half a second in: tried once, failed, waiting a second to retry.
    assert_eq!(*state.lock().unwrap(), Some(1));
    let log = log.lock().unwrap();
    assert_eq!(log.attempts, 4, "three failures, then the save that worked");
    assert_eq!(log.saves, [1]);
    assert_eq!(ended.screen.save, SaveState::Saved);
}

#[test]
fn a_save_that_never_works_stays_failed_on_screen() {
    let (c, _log) = counter(usize::MAX);
    let ended = run(c, Script::new().keys("e").wait(3000), 80, 24);
    assert!(matches!(ended.screen.save, SaveState::Failed(ref e) if e.contains("No space")));
}

#[test]
fn keys_do_nothing_on_a_screen_too_small_to_see_but_quit() {
    let (c, log) = counter(0);
    let ended = run(c, Script::new().resize(20, 5).keys("eee").keys("q"), 80, 24);
    assert_eq!(ended.screen.revision, 0);
    assert!(ended.quit, "q still quits");
    assert!(log.lock().unwrap().saves.is_empty());
    // Grown back, keys act again.
    let (c, _) = counter(0);
    let ended = run(
        c,
        Script::new().resize(20, 5).resize(80, 24).keys("e"),
        80,
        24,
    );
    assert_eq!(ended.screen.revision, 1);
}

#[test]
fn a_panic_in_a_screen_still_saves_the_last_change() {
    let (c, log) = counter(0);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run(c, Script::new().keys("ee?e"), 80, 24)
    }));
    assert!(result.is_err(), "the panic goes on after the save");
    assert_eq!(log.lock().unwrap().saves.last(), Some(&2));
}

#[test]
fn quit_ends_the_loop_and_keys_after_it_are_not_read() {
    let (c, _) = counter(0);
    let ended = run(c, Script::new().keys("eqeee"), 80, 24);
    assert!(ended.quit);
    assert_eq!(ended.screen.revision, 1);
}

// ---- keys as configuration --------------------------------------------------

fn article(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/articles")
        .join(name)
}

fn user_keys(text: &str) -> Keymaps {
    let base = Keymaps::default();
    Keymaps::from_toml(text, Path::new("config.toml"), Some(&base)).unwrap()
}

#[test]
fn a_remapped_key_works_and_shows_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let keys = user_keys("[keys.annotate]\nmark_editorial = \"E\"\n");
    let mut h = Harness::annotate_with(
        &article("harbor-council.txt"),
        dir.path(),
        "Alex Example",
        keys,
    );
    h.press("}e");
    assert!(h.screen().app.set.claims.is_empty(), "e does nothing now");
    h.press("E");
    let set = byline_store::load(&h.screen().app.file).unwrap().unwrap();
    assert_eq!(set.claims.len(), 1);
    assert_eq!(
        set.claims[0].kind,
        byline_model::annotation::Kind::Editorial
    );
    h.press("<Esc>");
    let footer = h.screen_text();
    assert!(footer.contains("E editorial"), "{footer}");
    assert!(!footer.contains("e editorial"), "{footer}");
    h.press("?");
    let help = h.text_at(80, 40);
    assert!(
        help.lines()
            .any(|l| l.contains(" E ") && l.contains("mark editorial")),
        "{help}"
    );
}

#[test]
fn alt_x_is_not_x() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::annotate(&article("harbor-council.txt"), dir.path(), "Alex");
    h.press("}e<A-x>");
    assert_eq!(h.screen().app.set.claims.len(), 1, "alt-x deletes nothing");
    h.press("x");
    assert!(h.screen().app.set.claims.is_empty());
    // A user may bind alt-x.
    let keys = user_keys("[keys.annotate]\ndelete = \"alt-x\"\n");
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::annotate_with(&article("harbor-council.txt"), dir.path(), "A", keys);
    h.press("}ex");
    assert_eq!(h.screen().app.set.claims.len(), 1);
    h.press("<A-x>");
    assert!(h.screen().app.set.claims.is_empty());
}

#[test]
fn prompts_and_help_titles_follow_the_keymap() {
    let dir = tempfile::tempdir().unwrap();
    let keys = user_keys(
        "[keys.prompt]\nsubmit = \"ctrl-s\"\ncancel = \"ctrl-g\"\n[keys.help]\nscroll_down = \"n\"\nscroll_up = \"p\"\n",
    );
    let mut h = Harness::annotate_with(&article("harbor-council.txt"), dir.path(), "A", keys);
    h.press("}s");
    let screen = h.screen_text();
    assert!(
        screen.contains("Ctrl-s keep · Ctrl-g leave empty"),
        "{screen}"
    );
    h.press("Ruiz<Enter><C-s>");
    assert_eq!(
        h.screen().app.set.claims[0].source.as_deref(),
        Some("Ruiz"),
        "Enter was typed as nothing; Ctrl-s submits"
    );
    h.press("?");
    assert!(h.screen_text().contains("n/p scroll"));
}

/// `byline` with a config file; stdout, stderr, exit code.
fn byline_with(config: &str, args: &[&str]) -> (String, String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let out = Command::cargo_bin("byline")
        .unwrap()
        .arg("--config")
        .arg(&path)
        .args(args)
        .env_remove("BYLINE_CONFIG")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).replace(path.to_str().unwrap(), "CONFIG"),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn byline_keys_lists_every_action_with_the_users_keys() {
    let (out, err, code) = byline_with("[keys.annotate]\nmark_editorial = \"E\"\n", &["keys"]);
    assert_eq!(code, 0, "{err}");
    let line = out
        .lines()
        .find(|l| l.starts_with("mark_editorial"))
        .unwrap();
    assert!(line.split_whitespace().nth(1) == Some("E"), "{line}");
    let (json, _, code) = byline_with("", &["keys", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["keys"].as_array().unwrap();
    for (screen, action, key) in [
        ("annotate", "mark_editorial", "e"),
        ("annotate", "redo", "ctrl-r"),
        ("annotate", "prev_claim", "shift-tab"),
        ("review", "agree", "y"),
        ("prompt", "submit", "enter"),
    ] {
        let row = rows
            .iter()
            .find(|r| r["screen"] == screen && r["action"] == action)
            .unwrap_or_else(|| panic!("{screen}.{action} missing"));
        assert_eq!(row["keys"][0], key);
        assert!(!row["description"].as_str().unwrap().is_empty());
    }
    // Every action PRODUCT.md names for the annotation screen that exists.
    for name in [
        "next_sentence",
        "prev_sentence",
        "next_paragraph",
        "prev_paragraph",
        "first_paragraph",
        "last_paragraph",
        "select",
        "mark_sourced",
        "mark_anonymous",
        "mark_editorial",
        "edit_note",
        "delete",
        "undo",
        "redo",
        "next_claim",
        "prev_claim",
        "search",
        "summary",
        "help",
        "quit",
    ] {
        assert!(
            rows.iter()
                .any(|r| r["screen"] == "annotate" && r["action"] == name),
            "{name}"
        );
    }
}

#[test]
fn a_bad_config_is_one_line_naming_file_line_and_word() {
    let article = article("harbor-council.txt");
    let article = article.to_str().unwrap();
    for (config, line, word) in [
        (
            "[keys.annotate]\nmark_editorail = \"E\"\n",
            2,
            "mark_editorail",
        ),
        (
            "[keys.annotate]\n\nmark_editorial = \"hyper-e\"\n",
            3,
            "hyper-e",
        ),
        ("[keys.annotate]\nmark_editorial = \"x\"\n", 2, "`x`"),
        ("[keys.annotate]\nmark_editorial = \n", 2, "not valid TOML"),
        ("[keys.anotate]\nquit = \"q\"\n", 1, "anotate"),
        ("[keys.review]\nagree = 3\n", 2, "agree"),
        ("colour = true\n", 1, "colour"),
        ("[keys.annotate]\nquit = []\n", 2, "at least one key"),
        ("[keys.prompt]\nsubmit = \"x\"\n", 2, "stop you typing"),
    ] {
        for args in [vec!["keys"], vec!["annotate", article]] {
            let (out, err, code) = byline_with(config, &args);
            assert_eq!(code, 1, "{config:?}: {err}");
            assert!(out.is_empty(), "no TUI, nothing on stdout: {out:?}");
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.starts_with(&format!("byline: CONFIG:{line}: ")),
                "{config:?}: {err}"
            );
            assert!(err.contains(word), "{config:?}: {err}");
        }
    }
    // A key bound twice names both actions.
    let (_, err, _) = byline_with("[keys.annotate]\nmark_editorial = \"x\"\n", &["keys"]);
    assert!(
        err.contains("mark_editorial") && err.contains("delete"),
        "{err}"
    );
}

#[test]
fn a_config_that_is_a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = Command::cargo_bin("byline")
        .unwrap()
        .arg("--config")
        .arg(&fifo)
        .arg("keys")
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("named pipe"));
}

#[test]
fn a_config_named_but_missing_is_an_error_the_default_path_is_not() {
    let out = Command::cargo_bin("byline")
        .unwrap()
        .args(["--config", "/nonexistent/byline.toml", "keys"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/byline.toml"));
    let home = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("byline")
        .unwrap()
        .arg("keys")
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("BYLINE_CONFIG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // The XDG file is read when it is there; BYLINE_CONFIG names another.
    std::fs::create_dir_all(home.path().join("byline")).unwrap();
    std::fs::write(
        home.path().join("byline/config.toml"),
        "[keys.review]\nagree = \"Y\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("byline")
        .unwrap()
        .args(["keys", "--format", "json"])
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("BYLINE_CONFIG")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let agree = v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["screen"] == "review" && r["action"] == "agree")
        .unwrap();
    assert_eq!(agree["keys"][0], "Y");
}

#[test]
fn the_loop_draws_after_a_resize() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::annotate(&article("border-talks.txt"), dir.path(), "A");
    h.resize(40, 12);
    assert_eq!(h.terminal.backend().buffer().area.width, 40);
    h.resize(10, 4);
    assert!(h.terminal.backend().to_string().contains("too"));
}

#[test]
fn a_long_message_can_be_read_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::annotate(&article("harbor-council.txt"), dir.path(), "Alex");
    h.press("}e");
    // Someone edits the file under the session: the next save goes to a
    // conflict copy, and the message naming it is longer than the footer.
    let file = h.screen().app.file.clone();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("kind = \"editorial\"", "kind = \"sourced\""),
    )
    .unwrap();
    h.press("je");
    let copy = h.screen().disk.conflict_copy().unwrap().to_owned();
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    let footer = h.text_at(80, 24);
    assert!(!footer.contains(&name), "the footer cuts it:\n{footer}");
    h.press("M");
    let all = h.text_at(200, 30);
    assert!(all.contains(&name), "{all}");
    assert!(all.contains("messages, newest first"), "{all}");
    // Any key but scrolling closes it; the session goes on.
    h.press("x");
    assert!(!h.text_at(200, 30).contains("messages, newest first"));
    assert_eq!(
        h.screen().app.set.claims.len(),
        2,
        "x closed the log, deleted nothing"
    );
}

#[test]
fn digits_are_a_count_only_for_screens_that_take_one() {
    // The counter takes no count: "3e" is one change, the digit nothing.
    let (c, _log) = counter(0);
    let ended = run(c, Script::new().keys("3e"), 80, 24);
    assert_eq!(ended.screen.revision, 1);
}

#[test]
fn remapped_review_keys_show_in_its_hints_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(ann.join("harbor-council")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let theirs = ann.join("harbor-council/alex-example.toml");
    std::fs::copy(
        root.join("annotations/harbor-council/alex-example.toml"),
        &theirs,
    )
    .unwrap();
    let screen = byline_store::review_open::open(
        &article("harbor-council.txt"),
        &theirs,
        None,
        &ann,
        Some("Rev R"),
    )
    .map(byline_tui::review::ReviewScreen::new)
    .unwrap();
    let keys = user_keys("[keys.review]\nagree = \"Y\"\ndispute = \"D\"\n");
    let mut h = Harness::review_with(screen, keys);
    let screen = h.screen_text();
    assert!(
        screen.contains("Y agree") && screen.contains("D dispute"),
        "{screen}"
    );
    assert!(!screen.contains("y agree"), "{screen}");
    h.press("n");
    let msg = h.screen().app.core.message.clone().unwrap();
    assert!(msg.contains("Y agrees, D disputes"), "{msg}");
    h.press("y");
    assert!(
        h.screen().app.parts.review.verdicts.is_empty(),
        "y does nothing now"
    );
    h.press("Y");
    assert_eq!(h.screen().app.parts.review.verdicts.len(), 1);
}
