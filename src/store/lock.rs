//! One writer per annotator file: an advisory lock on `.<name>.lock` beside
//! it. The lock file is never deleted (deleting lock files races with the
//! next taker); it is empty and harmless.

use super::durable::{fail_point, folder_of};
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Held while a session may write the file; dropping it (or the process
/// dying, however it dies) releases the lock.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The lock file of `target`, beside it.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder_of(target).join(format!(".{name}.lock"))
}

/// Takes the lock of `target` without waiting: `Ok(None)` when another
/// process holds it.
pub fn try_lock(target: &Path) -> io::Result<Option<FileLock>> {
    let path = lock_path(target);
    fail_point("lock")?;
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
