//! Reading a file someone else may have made: only a regular file, and
//! never more than a limit.
//!
//! A size from `metadata()` is no limit (it is 0 for `/dev/zero`), and
//! opening a FIFO for reading waits for a writer that never comes. So the
//! file is opened without blocking, its type is checked on the opened file
//! (the name could be swapped between a check and the open), and at most
//! `limit + 1` bytes are read, whatever the size said.

use std::fs::{File, FileType, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::time::SystemTime;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    IsDir,
    /// A FIFO, a device, a socket: what it is, for the message.
    NotRegular(&'static str),
    /// Larger than the limit: the size known or the bytes read.
    TooLarge(u64),
    Io(io::Error),
}

/// A regular file's bytes, and its modification time after reading.
pub struct Contents {
    pub bytes: Vec<u8>,
    pub modified: Option<SystemTime>,
}

/// What a file that is not a regular one is, in words.
pub fn describe(t: FileType) -> &'static str {
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading without ever blocking, and checks on the open
/// file that it is a regular one. A symbolic link is followed (the path
/// was named by the user, or is checked to stay inside a trusted tree).
pub fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    open(path, Links::Follow)
}

/// [`open_regular`] for a file found inside someone else's folder (brat's
/// `.txt` beside its `.ann`, JSONL's `meta.path`): a symbolic link is
/// refused, never followed, so `x.txt -> ~/.git-credentials` is not read.
pub fn open_regular_no_link(path: &Path) -> Result<(File, u64), ReadError> {
    open(path, Links::Refuse)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    Follow,
    Refuse,
}

fn open(path: &Path, links: Links) -> Result<(File, u64), ReadError> {
    let not_regular = |t: FileType| {
        if t.is_dir() {
            ReadError::IsDir
        } else {
            ReadError::NotRegular(describe(t))
        }
    };
    // Refuse a device before opening it at all: opening some has effects.
    let meta = match links {
        Links::Follow => std::fs::metadata(path),
        Links::Refuse => std::fs::symlink_metadata(path),
    };
    match meta {
        Ok(m) if !m.is_file() => return Err(not_regular(m.file_type())),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        Err(e) => return Err(ReadError::Io(e)),
    }
    // O_NONBLOCK: a FIFO put there since the check opens at once instead
    // of waiting; O_NOCTTY: a terminal never becomes ours; O_NOFOLLOW: a
    // link put there since the check is refused too.
    let nofollow = if links == Links::Refuse {
        libc::O_NOFOLLOW
    } else {
        0
    };
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            _ if e.raw_os_error() == Some(libc::ELOOP) && links == Links::Refuse => {
                ReadError::NotRegular("a symbolic link")
            }
            _ => ReadError::Io(e),
        })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    Ok((file, meta.len()))
}

/// Reads a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Contents, ReadError> {
    read_open(open_regular(path)?, limit)
}

/// Reads a regular file of at most `limit` bytes that is not a symbolic
/// link ([`open_regular_no_link`]).
pub fn read_regular_no_link(path: &Path, limit: u64) -> Result<Contents, ReadError> {
    read_open(open_regular_no_link(path)?, limit)
}

fn read_open((file, size): (File, u64), limit: u64) -> Result<Contents, ReadError> {
    if size > limit {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte past the limit is enough to know a growing file is too big.
    let mut file = file.take(limit + 1);
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    let modified = file
        .get_ref()
        .metadata()
        .ok()
        .and_then(|m| m.modified().ok());
    Ok(Contents { bytes, modified })
}
