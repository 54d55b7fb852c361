//! The child of the kill-loop test (`tests/it/durability.rs`), in debug
//! builds and builds with the `failpoints` feature only: with
//! `BYLINE_SAVE_LOOP=1`, `byline FILE A.toml B.toml` saves the two files'
//! contents over FILE alternately, through the real session, until it is
//! killed. It prints `ready` once the saves begin, so the parent's random
//! SIGKILL lands among them.

use std::io::Write;
use std::path::PathBuf;

/// Runs the loop when asked to; `None` means "not asked: run byline".
pub fn run_if_asked(args: &[std::ffi::OsString]) -> Option<std::process::ExitCode> {
    std::env::var_os("BYLINE_SAVE_LOOP")?;
    let paths: Vec<PathBuf> = args.iter().skip(1).map(PathBuf::from).collect();
    let [file, a, b] = paths.as_slice() else {
        crate::output::error("BYLINE_SAVE_LOOP: usage: byline FILE A.toml B.toml");
        return Some(std::process::ExitCode::from(crate::EXIT_USAGE));
    };
    let load = |p: &PathBuf| match byline_store::load(p) {
        Ok(Some(set)) => set,
        Ok(None) => panic!("{}: missing", p.display()),
        Err(e) => panic!("{e}"),
    };
    let sets = [load(a), load(b)];
    let (mut session, _) = byline_store::Session::open(file).expect("open");
    let mut out = std::io::stdout();
    let _ = out.write_all(b"ready\n").and_then(|()| out.flush());
    for i in 0.. {
        session.save(&sets[i % 2]).expect("save");
    }
    unreachable!("saves until killed")
}
