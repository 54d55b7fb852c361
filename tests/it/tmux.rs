//! The real binary in a real terminal: one tmux server per test (the tests
//! run in parallel), a session named `t`. `.ci/run` installs tmux; without
//! it a test fails when `CI` is set and is skipped, with a note, elsewhere.

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `cmd` in a `w`×`h` terminal with `env` set; `None` (the test
    /// is skipped) only outside CI when tmux is missing.
    pub fn start(name: &str, cmd: &str, (w, h): (u16, u16), env: &[(&str, &str)]) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is missing on CI");
            eprintln!("tmux not installed: skipping {name}");
            return None;
        }
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("byline-{name}-{}-{n}", std::process::id());
        let mut c = Command::new("tmux");
        c.args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"]);
        c.args(["-s", "t", "-x", &w.to_string(), "-y", &h.to_string()]);
        for (k, v) in env {
            c.args(["-e", &format!("{k}={v}")]);
        }
        let status = c.arg(cmd).status().unwrap();
        assert!(status.success(), "tmux did not start");
        Some(Tmux { socket })
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// Types each of `keys` (a key name or text) on its own.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
            // Let a lone Esc arrive alone, not as the start of a sequence.
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// The screen once it shows `what`; fails after 20 s.
    pub fn wait_for(&self, what: &str) -> String {
        let t0 = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "screen never showed {what:?}:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pane_pid(&self) -> u32 {
        self.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .trim()
            .parse()
            .unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
