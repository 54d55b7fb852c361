//! Durable, atomic file replacement, and the fail points that let tests
//! prove what happens when the disk says no.
//!
//! A save is: write a temporary file in the target's own folder, `fsync` it,
//! rename it over the target, then `fsync` the folder so the rename itself
//! survives a power cut (`tempfile::persist` and `atomic-write-file` stop
//! before that last step). At every moment the target is either the old file
//! or the new one, never a mix.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Marks the temporary files of `<name>`: `.<name>.tmp-<pid>-<n>`.
const TMP_MARK: &str = ".tmp-";

/// The folder `file` lives in (`.` for a bare name).
pub fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annotations.toml".into())
}

/// What a guarded replace found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replaced {
    /// `bytes` are at the target.
    Done,
    /// Someone else wrote the target between the caller's check and the
    /// swap: their bytes are left in place (and here), ours were not put.
    Changed(Option<Vec<u8>>),
}

/// Replaces `target` with `bytes`, durably. A symbolic link there is
/// refused, not followed (the caller has checked the folder, see
/// [`super::confine`]).
/// On error the target is untouched, unless the error came from the final
/// folder sync, after the rename: then the new bytes are in place but their
/// survival of a power cut is not guaranteed.
pub fn replace(target: &Path, bytes: &[u8]) -> io::Result<()> {
    // Nothing to check against: a plain rename, without reading back what
    // it replaced.
    replace_with(target, bytes, None).map(|_| ())
}

/// [`replace`], but only over what `expected` accepts. The swap is atomic
/// (`renameat2(RENAME_EXCHANGE)`, or `RENAME_NOREPLACE` for a new file), and
/// what was swapped out is then checked: a write by another program that
/// landed after the caller last looked is swapped back in place, never
/// lost. On a file system without these flags it falls back to a plain
/// rename (the caller's earlier check is then all there is).
pub fn replace_guarded(
    target: &Path,
    bytes: &[u8],
    expected: impl Fn(Option<&[u8]>) -> bool,
) -> io::Result<Replaced> {
    replace_with(target, bytes, Some(&expected))
}

type Expected<'a> = Option<&'a dyn Fn(Option<&[u8]>) -> bool>;

fn replace_with(target: &Path, bytes: &[u8], expected: Expected) -> io::Result<Replaced> {
    let dir = folder_of(target);
    let existing = match std::fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(io::Error::other(
                "a symbolic link, not a regular file; byline never writes through links",
            ));
        }
        Ok(m) if !m.is_file() => {
            return Err(io::Error::other(
                "not a regular file; byline only replaces regular files",
            ));
        }
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let tmp = dir.join(format!(
        ".{}{TMP_MARK}{}-{}",
        file_name(target),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        fail_point("create")?;
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Some(meta) = &existing {
            f.set_permissions(meta.permissions())?;
        }
        fail_point("write")?;
        f.write_all(bytes)?;
        fail_point("sync")?;
        f.sync_all()?;
        drop(f);
        fail_point("rename")?;
        match expected {
            Some(expected) => swap_in(&tmp, target, existing.is_some(), expected),
            None => std::fs::rename(&tmp, target).map(|()| Replaced::Done),
        }
    })();
    let outcome = match written {
        Ok(o) => o,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    // After a swap the temporary name holds the old file (or, swapped
    // back, ours): either way it goes.
    let _ = std::fs::remove_file(&tmp);
    if outcome == Replaced::Done {
        // The rename is an entry in the folder; without this it can be lost.
        fail_point("dirsync")?;
        File::open(&dir)?.sync_all()?;
    }
    Ok(outcome)
}

fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::other("a path with a NUL byte"))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: two valid NUL-terminated paths, relative to the working
    // folder.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Whether the file system lacks the flag (old kernels, some network and
/// FUSE file systems).
fn unsupported(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::ENOTSUP)
    )
}

fn swap_in(
    tmp: &Path,
    target: &Path,
    existed: bool,
    expected: &dyn Fn(Option<&[u8]>) -> bool,
) -> io::Result<Replaced> {
    if fail_point_set("exchange-unsupported") {
        std::fs::rename(tmp, target)?;
        return Ok(Replaced::Done);
    }
    if !existed {
        return match renameat2(tmp, target, libc::RENAME_NOREPLACE) {
            Ok(()) => Ok(Replaced::Done),
            // Created by someone else since we looked.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Ok(Replaced::Changed(std::fs::read(target).ok()))
            }
            Err(e) if unsupported(&e) => std::fs::rename(tmp, target).map(|()| Replaced::Done),
            Err(e) => Err(e),
        };
    }
    match renameat2(tmp, target, libc::RENAME_EXCHANGE) {
        Ok(()) => {}
        // Deleted by someone else since we looked.
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Replaced::Changed(None)),
        Err(e) if unsupported(&e) => {
            return std::fs::rename(tmp, target).map(|()| Replaced::Done);
        }
        Err(e) => return Err(e),
    }
    let old = std::fs::read(tmp)?;
    if expected(Some(&old)) {
        return Ok(Replaced::Done);
    }
    // Not what the caller last saw: put the other writer's file back.
    renameat2(tmp, target, libc::RENAME_EXCHANGE)?;
    Ok(Replaced::Changed(Some(old)))
}

/// Removes the temporary files that a killed byline left beside `target`.
/// Call it only while holding `target`'s lock: every writer of `target`
/// holds it, so no live save can own such a file. Files of a process that is
/// still running are kept all the same. Returns how many were removed.
pub fn remove_leftovers(target: &Path) -> usize {
    let dir = folder_of(target);
    let prefix = format!(".{}{TMP_MARK}", file_name(target));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid == std::process::id() || process_alive(pid)) {
            continue;
        }
        if std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Temporary files currently beside `target` (for tests and reports).
pub fn leftovers(target: &Path) -> Vec<PathBuf> {
    let dir = folder_of(target);
    let prefix = format!(".{}{TMP_MARK}", file_name(target));
    std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

fn process_alive(pid: u32) -> bool {
    // A zombie is dead for our purpose: it will never write again.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

/// Fail points for tests: `BYLINE_FAILPOINTS=write,rename:13` makes the named
/// steps fail with the given OS error (the step's natural error otherwise:
/// `write` → no space left on device). Compiled into debug builds (which is
/// what `cargo test` runs) and into builds with the `failpoints` feature;
/// release builds have none.
pub(crate) fn fail_point(name: &str) -> io::Result<()> {
    #[cfg(any(debug_assertions, feature = "failpoints"))]
    {
        if let Ok(spec) = std::env::var("BYLINE_FAILPOINTS") {
            for item in spec.split(',') {
                let (point, errno) = item.split_once(':').unwrap_or((item, ""));
                if point.trim() == name {
                    let errno = errno.trim().parse().unwrap_or(match name {
                        "write" | "sync" => 28, // ENOSPC, as on a full disk
                        "dirsync" => 5,         // EIO
                        _ => 13,                // EACCES, as in an unwritable folder
                    });
                    return Err(io::Error::from_raw_os_error(errno));
                }
            }
        }
    }
    let _ = name;
    Ok(())
}

/// Whether the named fail point is set (for behaviour that is not an I/O
/// call, such as ignoring a signal).
pub fn fail_point_set(name: &str) -> bool {
    fail_point(name).is_err()
}
