//! Where an export goes: stdout, `-o FILE`, or (brat) `-o DIR`. A regular
//! file is replaced atomically when the whole export is written (a
//! symbolic link keeps pointing at it); a FIFO, a device or `/dev/fd/N`
//! (`-o >(wc -c)`) is written through, never replaced by a regular file;
//! and a file the export reads — an annotation file, a review file, an
//! article — is never overwritten with the report.
//!
//! Not [`crate::durable`]'s replace: an export follows a link at `-o` to
//! the file it names, streams into its temporary file as files are read,
//! and needs no `fsync` (it can be made again).

use anyhow::Context;
use byline_model::sanitize::{self, Guard};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Stdout, a temporary file beside `-o FILE` that replaces it only when
/// the whole export is written, or the node `-o` names opened for writing.
/// No `fsync`: an export can be made again, and a reader never sees half a
/// file. Every byte goes through [`sanitize::Guard`]: a file is `cat` to a
/// terminal sooner or later.
pub struct Sink(Out);

enum Out {
    Stdout(Guard<std::io::BufWriter<std::io::Stdout>>),
    File {
        tmp: Guard<std::io::BufWriter<tempfile::NamedTempFile>>,
        /// The file replaced: `-o` itself, or the file its link points at.
        path: PathBuf,
        /// `-o` as given, for messages.
        shown: PathBuf,
    },
    Through {
        out: Guard<std::io::BufWriter<std::fs::File>>,
        shown: PathBuf,
    },
}

/// What `-o PATH` is now.
enum Target {
    /// Replaced by rename: nothing there yet, or a regular file (through
    /// a symbolic link: the file it leads to).
    Replace(PathBuf),
    /// Opened and written: a FIFO, a device, a socket, `/dev/fd/N`.
    Through,
}

fn target_of(path: &Path) -> anyhow::Result<Target> {
    let what = || format!("{}: cannot write the export", path.display());
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            anyhow::bail!(
                "{}: is a folder; -o names the file the export is written to",
                path.display()
            )
        }
        // `/dev/stdout`, `/proc/self/fd/1` and the like lead to a file the
        // shell opened: write into it, as `>` would, rather than renaming
        // a new file over whatever path the link resolves to.
        Ok(m) if m.is_file() && !is_descriptor_path(path) => Ok(Target::Replace(
            std::fs::canonicalize(path).with_context(what)?,
        )),
        Ok(_) => Ok(Target::Through),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                // A link to nothing yet: the file is made where it points.
                Ok(Target::Through)
            } else {
                Ok(Target::Replace(path.to_owned()))
            }
        }
        Err(e) => Err(e).with_context(what),
    }
}

fn is_descriptor_path(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

impl Sink {
    /// Standard output when `path` is `None`, else `-o`'s file (see
    /// [`Sink`]); an error names `-o` and says what to do.
    pub fn open(path: Option<&Path>, style: sanitize::Style) -> anyhow::Result<Sink> {
        let Some(path) = path else {
            let stdout = std::io::BufWriter::new(std::io::stdout());
            return Ok(Sink(Out::Stdout(Guard::new(stdout, style))));
        };
        let what = || format!("{}: cannot write the export", path.display());
        let real = match target_of(path)? {
            Target::Replace(real) => real,
            Target::Through => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(path)
                    .with_context(what)?;
                return Ok(Sink(Out::Through {
                    out: Guard::new(std::io::BufWriter::new(file), style),
                    shown: path.to_owned(),
                }));
            }
        };
        let dir = existing_folder_of(&real)?;
        let mut builder = tempfile::Builder::new();
        // A temporary file is private by default; the export is an ordinary
        // file, so ask for 0666 and let the umask decide, as for any file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder.tempfile_in(dir).with_context(what)?;
        Ok(Sink(Out::File {
            tmp: Guard::new(std::io::BufWriter::new(tmp), style),
            path: real,
            shown: path.to_owned(),
        }))
    }

    /// Whether the export goes to standard output.
    pub fn is_stdout(&self) -> bool {
        matches!(self.0, Out::Stdout(_))
    }

    /// The regular file this export would replace, if any.
    fn replaces(&self) -> Option<&Path> {
        match &self.0 {
            Out::File { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The real path (links resolved) of the file this export replaces,
    /// when one is there already: an article read on the way must not be
    /// it.
    pub fn replaces_existing(&self) -> Option<PathBuf> {
        self.replaces().and_then(|p| std::fs::canonicalize(p).ok())
    }

    /// Refuses to replace any of `inputs` (the same file by device and
    /// inode: through a link, a hard link or another spelling of the path).
    pub fn refuse_inputs<'a>(
        &self,
        inputs: impl IntoIterator<Item = (&'a Path, &'static str)>,
    ) -> anyhow::Result<()> {
        let (Some(target), Out::File { shown, .. }) = (self.replaces(), &self.0) else {
            return Ok(());
        };
        let Some(id) = file_id(target) else {
            return Ok(());
        };
        for (input, what) in inputs {
            if file_id(input) == Some(id) {
                return Err(InputAsOutput {
                    output: shown.clone(),
                    what,
                }
                .into());
            }
        }
        Ok(())
    }

    /// Writes out what is buffered; `-o FILE` replaces the file now.
    pub fn finish(self) -> anyhow::Result<()> {
        match self.0 {
            Out::Stdout(w) => w
                .into_inner()
                .and_then(|mut w| w.flush())
                .context("cannot write the export"),
            Out::File { tmp, path, shown } => {
                let what = || format!("{}: cannot write the export", shown.display());
                let tmp = tmp
                    .into_inner()
                    .with_context(what)?
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(what)?;
                tmp.persist(&path).map_err(|e| e.error).with_context(what)?;
                Ok(())
            }
            Out::Through { out, shown } => out
                .into_inner()
                .and_then(|mut w| w.flush())
                .with_context(|| format!("{}: cannot write the export", shown.display())),
        }
    }
}

/// `-o` names a file the export reads.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}: is one of the files this export reads ({what}); byline will not overwrite it with the export — name another file with -o",
    output.display()
)]
pub struct InputAsOutput {
    pub output: PathBuf,
    pub what: &'static str,
}

/// Device and inode of the file at `path`, links followed.
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.dev(), m.ino()))
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.0 {
            Out::Stdout(w) => w.write(buf),
            Out::File { tmp, .. } => tmp.write(buf),
            Out::Through { out, .. } => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.0 {
            Out::Stdout(w) => w.flush(),
            Out::File { tmp, .. } => tmp.flush(),
            Out::Through { out, .. } => out.flush(),
        }
    }
}

/// The folder `path` goes in, which must exist: a mistyped `-o` is an
/// error, not a tree of new folders.
fn existing_folder_of(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = crate::durable::folder_of(path);
    if !dir.is_dir() {
        anyhow::bail!(
            "{}: cannot write the export: the folder {} does not exist; create it first",
            path.display(),
            dir.display()
        );
    }
    Ok(dir)
}

/// An output folder (brat's `-o DIR`): made if missing, as long as the
/// folder it goes in exists (a mistyped path is an error, not a tree of
/// new folders).
pub fn make_output_folder(dir: &Path) -> anyhow::Result<()> {
    if !dir.is_dir() {
        existing_folder_of(dir)?;
        std::fs::create_dir(dir)
            .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    }
    Ok(())
}

/// Writes `bytes` to `path` in an output folder, replacing what is there:
/// an export's own file, made again by the next export.
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

/// Writes `files` (name, bytes) into `folder` inside an output folder,
/// making it (and the folders above it) first; an error names the folder
/// or the file.
pub fn write_files_in(folder: &Path, files: &[(String, &[u8])]) -> Result<(), crate::StoreError> {
    std::fs::create_dir_all(folder).map_err(crate::io(folder))?;
    for (name, bytes) in files {
        let p = folder.join(name);
        write_file(&p, bytes).map_err(crate::io(&p))?;
    }
    Ok(())
}
