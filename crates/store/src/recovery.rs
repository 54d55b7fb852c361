//! Where work goes when its own file cannot be written at quit: a recovery
//! folder of the user's (`$XDG_STATE_HOME/byline/recovery`, else
//! `~/.local/state/byline/recovery`, else the temporary folder), so a
//! session never ends with its work only in memory.

use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;

fn folder() -> PathBuf {
    crate::xdg::base_dir("XDG_STATE_HOME", ".local/state")
        .unwrap_or_else(std::env::temp_dir)
        .join("byline")
        .join("recovery")
}

/// Writes `bytes` as `<stem>.recovered-<time>.toml` in the recovery folder
/// (the temporary folder when that cannot be made); returns its path.
pub fn write(name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let file = format!("{stem}.recovered-{stamp}-{}.toml", std::process::id());
    let mut last = String::new();
    for dir in [folder(), std::env::temp_dir()] {
        if let Err(e) = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
        {
            last = format!("{}: {e}", dir.display());
            continue;
        }
        let path = dir.join(&file);
        match super::durable::replace(&path, bytes) {
            Ok(()) => return Ok(path),
            Err(e) => last = format!("{}: {e}", path.display()),
        }
    }
    Err(last)
}
