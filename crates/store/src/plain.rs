//! Small questions about paths that are not annotation files, for the
//! crates above the store (which never touch the disk themselves): the
//! real name of a path, what is at one, and a scratch spool.

use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

/// `path` with every link resolved: the key that says two spellings name
/// one file. An error when nothing is there.
pub fn canonical(path: &Path) -> io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// [`canonical`], or `path` itself when it cannot be resolved.
pub fn canonical_or_same(path: &Path) -> PathBuf {
    canonical(path).unwrap_or_else(|_| path.to_owned())
}

/// Whether `path` is a symbolic link (not followed); `None` when nothing
/// can be seen there.
pub fn is_link(path: &Path) -> Option<bool> {
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| m.file_type().is_symlink())
}

/// Whether `path` leads to a folder (links followed).
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
}

/// Whether anything is at `path` (links followed: a link to nothing is
/// nothing).
pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Bytes set aside to be copied out later, in an anonymous temporary file
/// (gone when dropped): a whole corpus need not fit in memory.
pub struct Spool(io::BufWriter<std::fs::File>);

impl Spool {
    pub fn new() -> io::Result<Spool> {
        Ok(Spool(io::BufWriter::new(tempfile::tempfile()?)))
    }

    /// Copies everything written, from the start, to `out`.
    pub fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        let mut file = self.0.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        io::copy(&mut file, out)?;
        Ok(())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }
}
