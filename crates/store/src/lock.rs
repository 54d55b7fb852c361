//! One writer per annotator (or review) file: an advisory lock on a lock
//! file in the user's runtime folder (`$XDG_RUNTIME_DIR/byline/`, else a
//! private folder in the temporary folder), named after the file's real
//! path — so nothing is left beside the annotations for git to see, and
//! `git clean -x` cannot delete a live lock. The holder removes its lock
//! file as it lets go, still holding it; a taker checks after locking that
//! the file it locked is still the one at the path, so the removal cannot
//! let two sessions in. The lock dies with its process however it dies (a
//! killed session leaves an empty file, harmless). A session checks before
//! each save that its lock file is still the one it locked (see
//! [`FileLock::still_held`]).

use super::durable::{fail_point, folder_of};
use sha2::{Digest, Sha256};
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Held while a session may write the file; dropping it (or the process
/// dying, however it dies) releases the lock.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl Drop for FileLock {
    /// Removes the lock file while still holding the lock, so nothing is
    /// left behind; whoever opened it meanwhile sees it is gone and opens
    /// a new one (see [`try_lock`]).
    fn drop(&mut self) {
        if self.still_held() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl FileLock {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the lock file is still the one this lock is on. A lock file
    /// deleted (a cleaner of the temporary folder) and made again by
    /// another session means that session holds the file now.
    pub fn still_held(&self) -> bool {
        match (self._file.metadata(), std::fs::symlink_metadata(&self.path)) {
            (Ok(ours), Ok(now)) => ours.dev() == now.dev() && ours.ino() == now.ino(),
            _ => false,
        }
    }
}

/// The user's private folder for lock files, made if missing; `None` when
/// there is none that is safe (not ours, or open to others).
fn lock_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BYLINE_LOCK_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    // SAFETY: geteuid cannot fail.
    let uid = unsafe { libc::geteuid() };
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        Some(run) => PathBuf::from(run).join("byline"),
        None => std::env::temp_dir().join(format!("byline-{uid}")),
    };
    let _ = std::fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(&dir);
    // Another user could have made it first, or made it a link elsewhere.
    let m = std::fs::symlink_metadata(&dir).ok()?;
    (m.is_dir() && m.uid() == uid && m.permissions().mode() & 0o077 == 0).then_some(dir)
}

/// The lock file of `target`: in the user's lock folder, named after the
/// target's real path (its folder must exist); beside the target, hidden,
/// when there is no safe lock folder.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = folder_of(target);
    let real = std::fs::canonicalize(&folder).unwrap_or(folder.clone());
    match lock_folder() {
        Some(dir) => {
            let mut h = Sha256::new();
            h.update(real.as_os_str().as_encoded_bytes());
            h.update(b"/");
            h.update(name.as_bytes());
            let hex: String = h.finalize()[..10]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let readable: String = name.chars().take(60).collect();
            dir.join(format!("{readable}-{hex}.lock"))
        }
        None => folder.join(format!(".{name}.lock")),
    }
}

/// Takes the lock of `target` without waiting: `Ok(None)` when another
/// process holds it.
pub fn try_lock(target: &Path) -> io::Result<Option<FileLock>> {
    let path = lock_path(target);
    fail_point("lock")?;
    // The holder removes its lock file when it lets go; a lock taken on a
    // file just removed that way is no lock: open the new one.
    for _ in 0..8 {
        match lock_once(&path)? {
            Some(lock) if !lock.still_held() => continue,
            other => return Ok(other),
        }
    }
    Ok(None)
}

fn lock_once(path: &Path) -> io::Result<Option<FileLock>> {
    let path = path.to_owned();
    // O_NOFOLLOW: a lock file planted as a link (`.t.toml.lock ->
    // ~/.bash_login`) must not create or open what it points to.
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(&path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => io::Error::other(format!(
                "{} is a symbolic link; byline never writes through links",
                path.display()
            )),
            _ => e,
        })?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    match file.try_lock() {
        Ok(()) => Ok(Some(FileLock { _file: file, path })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(e),
    }
}
