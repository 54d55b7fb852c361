//! A writing session on one annotator file: the lock, what the file looked
//! like when we last read or wrote it, and where saves go.
//!
//! Before every save the file on disk is compared with what this session
//! last saw. If someone else changed it (a text editor, `git pull`, a sync
//! tool), it is left alone and the session's version is written beside it
//! as `<name>.conflict-<timestamp>.toml`; later saves keep going there.

use super::durable::{self, Replaced, remove_leftovers};
use super::lock::{FileLock, try_lock};
use super::{StoreError, io, parse, to_string};
use byline_model::annotation::AnnotationSet;
use byline_model::review::verdict::Review;
use sha2::{Digest, Sha256};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A file a session writes: annotator files and review files get the same
/// lock, change detection and conflict copies.
pub trait Document: PartialEq + Sized {
    fn parse_text(path: &Path, text: &str) -> Result<Self, StoreError>;
    fn to_text(&self) -> String;
}

impl Document for AnnotationSet {
    fn parse_text(path: &Path, text: &str) -> Result<Self, StoreError> {
        parse(path, text)
    }
    fn to_text(&self) -> String {
        to_string(self)
    }
}

impl Document for Review {
    fn parse_text(path: &Path, text: &str) -> Result<Self, StoreError> {
        super::review::parse(path, text)
    }
    fn to_text(&self) -> String {
        super::review::to_string(self)
    }
}

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
    /// Another process holds the lock (`lock` names the file it is on).
    Locked { lock: PathBuf },
    /// The lock could not even be taken (unwritable folder, …).
    NoLock { error: String },
}

impl std::fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadOnly::Locked { .. } => write!(
                f,
                "another byline session is editing this file; this one becomes writable when that one ends"
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

pub struct Session<D = AnnotationSet> {
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
    doc: PhantomData<D>,
}

impl Session<AnnotationSet> {
    /// Opens an annotator file for a session (see [`Session::open_doc`]).
    pub fn open(path: &Path) -> Result<(Session, Option<AnnotationSet>), StoreError> {
        Session::open_doc(path)
    }
}

impl Session<Review> {
    /// Opens a review file for a session (see [`Session::open_doc`]).
    pub fn open_review(path: &Path) -> Result<(Session<Review>, Option<Review>), StoreError> {
        Session::open_doc(path)
    }
}

impl<D: Document> Session<D> {
    /// Opens `path` for a session: takes its lock (or notes why it cannot,
    /// and stays read-only), clears temporary files a killed byline left,
    /// and loads the file. A file that fails to load is an error, so it is
    /// never written.
    pub fn open_doc(path: &Path) -> Result<(Session<D>, Option<D>), StoreError> {
        // Never through a link: a shared repository could point one anywhere.
        super::confine::check_write(path)?;
        let target = path.to_owned();
        let folder = match super::confine::make_folder(&target) {
            Err(StoreError::Io { error, .. }) => Err(error),
            Err(e) => return Err(e),
            Ok(()) => Ok(()),
        };
        let (lock, read_only) = match folder.and_then(|()| try_lock_patiently(&target)) {
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
        let (set, seen) = read_doc::<D>(path)?;
        Ok((
            Session {
                path: path.to_owned(),
                target,
                lock,
                read_only,
                seen,
                conflict: None,
                leftovers_removed,
                doc: PhantomData,
            },
            set,
        ))
    }

    /// A read-only session tries the lock again: when the other session
    /// has ended, this one takes the lock and returns the file as it is now
    /// (the other session may have changed it), and becomes writable.
    pub fn retry_lock(&mut self) -> Option<Result<Option<D>, StoreError>> {
        if !matches!(self.read_only, Some(ReadOnly::Locked { .. })) {
            return None;
        }
        let lock = try_lock(&self.target).ok().flatten()?;
        let loaded = read_doc::<D>(&self.path);
        if let Ok((_, seen)) = &loaded {
            self.seen = seen.clone();
            self.lock = Some(lock);
            self.read_only = None;
            self.leftovers_removed += remove_leftovers(&self.target);
        }
        Some(loaded.map(|(d, _)| d))
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
    /// then written atomically and durably — to the file if it is as this
    /// session last saw it, else to a conflict copy beside it. A folder
    /// deleted meanwhile is made again. If this session's lock was lost (its
    /// lock file deleted and taken by another session), the file is another
    /// session's now: the save goes to a conflict copy.
    pub fn save(&mut self, set: &D) -> Result<Saved, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                why: why.to_string(),
            });
        }
        let text = verified_doc(&self.path, set)?;
        // The folder could have become a link since the session opened
        // (a `git pull` meanwhile), or be gone (`rm -r`, a branch switch).
        super::confine::check_write(&self.target)?;
        super::confine::make_folder(&self.target)?;
        if self.conflict.is_none() && self.lock.as_ref().is_some_and(|l| !l.still_held()) {
            let copy = conflict_path(&self.target, SystemTime::now());
            durable::replace(&copy, text.as_bytes()).map_err(io(&copy))?;
            self.conflict = Some(copy.clone());
            return Ok(Saved::Conflict { copy, first: true });
        }
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
        // What was there must still be what we saw when the swap happens:
        // another program may write between the check above and the swap.
        let seen = self.seen.clone();
        let result =
            durable::replace_guarded(&self.target, text.as_bytes(), |old| match (old, &seen) {
                (None, None) => true,
                (Some(bytes), Some(s)) => Fingerprint::of(bytes, None).same_content(s),
                _ => false,
            });
        // Even a failed save may have replaced the file (the folder sync
        // comes after the rename): what is on disk now is ours if it holds
        // our bytes, and must not look like someone else's change next time.
        let ours = Fingerprint::of(text.as_bytes(), None);
        if let Ok(Some(disk)) = fingerprint_on_disk(&self.target)
            && disk.same_content(&ours)
        {
            self.seen = Some(disk);
        }
        if let Replaced::Changed(_) = result.map_err(io(&self.target))? {
            let copy = conflict_path(&self.target, SystemTime::now());
            durable::replace(&copy, text.as_bytes()).map_err(io(&copy))?;
            self.conflict = Some(copy.clone());
            return Ok(Saved::Conflict { copy, first: true });
        }
        Ok(Saved::File)
    }
}

/// Takes the lock, waiting a moment if it is held: a session that just
/// ended may still be exiting, and a process being started elsewhere holds
/// a copy of every open file until it runs its program.
fn try_lock_patiently(target: &Path) -> std::io::Result<Option<FileLock>> {
    for _ in 0..6 {
        if let Some(lock) = try_lock(target)? {
            return Ok(Some(lock));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    try_lock(target)
}

fn read_doc<D: Document>(path: &Path) -> Result<(Option<D>, Option<Fingerprint>), StoreError> {
    Ok(match read_fingerprinted(path)? {
        Some((bytes, print)) => {
            let text =
                String::from_utf8(bytes).map_err(|_| StoreError::NotUtf8(path.to_owned()))?;
            (Some(D::parse_text(path, &text)?), Some(print))
        }
        None => (None, None),
    })
}

fn verified_doc<D: Document>(path: &Path, doc: &D) -> Result<String, StoreError> {
    let text = doc.to_text();
    super::fits(path, &text)?;
    match D::parse_text(path, &text) {
        Ok(back) if &back == doc => Ok(text),
        _ => Err(StoreError::RoundTrip(path.to_owned())),
    }
}

/// Serialises `set` and parses the text back: the bytes are only written if
/// they mean exactly the annotations in memory.
pub fn verified_text(path: &Path, set: &AnnotationSet) -> Result<String, StoreError> {
    verified_doc(path, set)
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
