//! A writing session on one annotator file: the lock, what the file looked
//! like when we last read or wrote it, and where saves go.
//!
//! Before every save the file on disk is compared with what this session
//! last saw. If someone else changed it (a text editor, `git pull`, a sync
//! tool), it is left alone and the session's version is written beside it
//! as `<name>.conflict-<timestamp>.toml`; later saves keep going there.

use super::durable::{self, remove_leftovers};
use super::lock::{FileLock, try_lock};
use super::{StoreError, io, parse, to_string};
use crate::annotation::AnnotationSet;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like: enough to know whether it changed since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub sha256: [u8; 32],
}

impl Fingerprint {
    fn of(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Same content. The modification time alone is not a change: `touch`
    /// or a `git checkout` of the same bytes loses nothing.
    fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }
}

/// Reads `path` (symlinks followed) with its fingerprint; `Ok(None)` when
/// it does not exist. Refuses folders, special files and files over the
/// size limit.
pub fn read_fingerprinted(path: &Path) -> Result<Option<(Vec<u8>, Fingerprint)>, StoreError> {
    Ok(super::read_file(path)?.map(|c| {
        let print = Fingerprint::of(&c.bytes, c.modified);
        (c.bytes, print)
    }))
}

fn fingerprint_on_disk(path: &Path) -> Result<Option<Fingerprint>, StoreError> {
    Ok(read_fingerprinted(path)?.map(|(_, f)| f))
}

/// Where a save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// The annotator file itself.
    File,
    /// The file changed on disk under the session, so this save (and every
    /// later one) went to `copy`; `first` is true for the save that found
    /// the change.
    Conflict { copy: PathBuf, first: bool },
}

/// Why a session cannot write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another process holds the lock.
    Locked { lock: PathBuf },
    /// The lock could not even be taken (unwritable folder, …).
    NoLock { error: String },
}

impl std::fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadOnly::Locked { lock } => write!(
                f,
                "another byline session is editing this file (it holds {}); close it to edit here",
                lock.display()
            ),
            ReadOnly::NoLock { error } => {
                write!(
                    f,
                    "cannot take the file's lock ({error}); nothing will be saved"
                )
            }
        }
    }
}

pub struct Session {
    /// The file as named by the user.
    path: PathBuf,
    /// The file that holds the data: the path itself, never a link's target.
    target: PathBuf,
    lock: Option<FileLock>,
    read_only: Option<ReadOnly>,
    /// The target as this session last read or wrote it; `None`: absent.
    seen: Option<Fingerprint>,
    /// Once the file changed under us, saves go here.
    conflict: Option<PathBuf>,
    /// Temporary files of killed processes removed at open.
    pub leftovers_removed: usize,
}

impl Session {
    /// Opens `path` for a session: takes its lock (or notes why it cannot,
    /// and stays read-only), clears temporary files a killed byline left,
    /// and loads the file. A file that fails to load is an error, so it is
    /// never written.
    pub fn open(path: &Path) -> Result<(Session, Option<AnnotationSet>), StoreError> {
        // Never through a link: a shared repository could point one anywhere.
        super::confine::check_write(path)?;
        let target = path.to_owned();
        let folder = match super::confine::make_folder(&target) {
            Err(StoreError::Io { error, .. }) => Err(error),
            Err(e) => return Err(e),
            Ok(()) => Ok(()),
        };
        let (lock, read_only) = match folder.and_then(|()| try_lock(&target)) {
            Ok(Some(lock)) => (Some(lock), None),
            Ok(None) => (
                None,
                Some(ReadOnly::Locked {
                    lock: super::lock::lock_path(&target),
                }),
            ),
            Err(e) => (
                None,
                Some(ReadOnly::NoLock {
                    error: e.to_string(),
                }),
            ),
        };
        let leftovers_removed = if lock.is_some() {
            remove_leftovers(&target)
        } else {
            0
        };
        let (set, seen) = match read_fingerprinted(&target)? {
            Some((bytes, print)) => {
                let text =
                    String::from_utf8(bytes).map_err(|_| StoreError::NotUtf8(path.to_owned()))?;
                (Some(parse(path, &text)?), Some(print))
            }
            None => (None, None),
        };
        Ok((
            Session {
                path: path.to_owned(),
                target,
                lock,
                read_only,
                seen,
                conflict: None,
                leftovers_removed,
            },
            set,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The lock file this session holds, if it holds one.
    pub fn lock_file(&self) -> Option<&Path> {
        self.lock.as_ref().map(FileLock::path)
    }

    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// The conflict copy that saves now go to, if the file changed under us.
    pub fn conflict_copy(&self) -> Option<&Path> {
        self.conflict.as_deref()
    }

    /// Saves `set`: verified by a parse-back before any byte is written,
    /// then written atomically and durably — to the annotator file if it is
    /// as this session last saw it, else to a conflict copy beside it.
    pub fn save(&mut self, set: &AnnotationSet) -> Result<Saved, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                why: why.to_string(),
            });
        }
        let text = verified_text(&self.path, set)?;
        // The folder could have become a link since the session opened
        // (a `git pull` meanwhile).
        super::confine::check_write(&self.target)?;
        if let Some(copy) = &self.conflict {
            durable::replace(copy, text.as_bytes()).map_err(io(copy))?;
            return Ok(Saved::Conflict {
                copy: copy.clone(),
                first: false,
            });
        }
        let now = fingerprint_on_disk(&self.target).unwrap_or_else(|_| {
            // Unreadable now: treat as changed, so it is not overwritten.
            Some(Fingerprint::of(b"\0unreadable", None))
        });
        let unchanged = match (&self.seen, &now) {
            (None, None) => true,
            (Some(a), Some(b)) => a.same_content(b),
            _ => false,
        };
        if !unchanged {
            let copy = conflict_path(&self.target, SystemTime::now());
            durable::replace(&copy, text.as_bytes()).map_err(io(&copy))?;
            self.conflict = Some(copy.clone());
            return Ok(Saved::Conflict { copy, first: true });
        }
        let result = durable::replace(&self.target, text.as_bytes());
        // Even a failed save may have replaced the file (the folder sync
        // comes after the rename): what is on disk now is ours if it holds
        // our bytes, and must not look like someone else's change next time.
        let ours = Fingerprint::of(text.as_bytes(), None);
        if let Ok(Some(disk)) = fingerprint_on_disk(&self.target)
            && disk.same_content(&ours)
        {
            self.seen = Some(disk);
        }
        result.map_err(io(&self.target))?;
        Ok(Saved::File)
    }
}

/// Serialises `set` and parses the text back: the bytes are only written if
/// they mean exactly the annotations in memory.
pub fn verified_text(path: &Path, set: &AnnotationSet) -> Result<String, StoreError> {
    let text = to_string(set);
    match parse(path, &text) {
        Ok(back) if &back == set => Ok(text),
        _ => Err(StoreError::RoundTrip(path.to_owned())),
    }
}

/// `<stem>.conflict-<YYYYMMDDTHHMMSSZ>.toml` beside `target`, made unique
/// with `-2`, `-3`, … if taken.
pub fn conflict_path(target: &Path, at: SystemTime) -> PathBuf {
    let dir = durable::folder_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".toml").unwrap_or(&name);
    let t = time::OffsetDateTime::from(at);
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let p = dir.join(format!("{stem}.conflict-{stamp}{suffix}.toml"));
        if std::fs::symlink_metadata(&p).is_err() {
            return p;
        }
        n += 1;
    }
}
