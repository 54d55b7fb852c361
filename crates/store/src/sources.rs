//! The corpus's sources registry on disk: `sources.toml` beside the
//! annotations folder (docs/FORMAT.md, "Sources registry"). Read with the
//! file and line of every problem; a new entry is appended to the file's
//! own text, under the file's lock, so unknown keys, comments and the
//! order of entries stay as they were.

use super::toml_io::{check_format_is, de_error, syntax};
use super::{StoreError, lock};
use byline_model::sources::{Entry, Field, Problem, Registry, SourceType, type_label};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The registry's file name.
pub const FILE: &str = "sources.toml";
/// The `format` a registry file says it is.
pub const FORMAT: &str = "byline-sources/1";
/// Registry files larger than this are refused.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Where the registry of the annotations folder `annotations` is: in the
/// folder that holds it (`annotations/` → `./sources.toml`).
pub fn path_for(annotations: &Path) -> PathBuf {
    match annotations.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(FILE),
        _ if annotations.as_os_str().is_empty() || annotations == Path::new(".") => {
            PathBuf::from("..").join(FILE)
        }
        _ => PathBuf::from(FILE),
    }
}

/// The registry an export of `paths` uses: the first `sources.toml` in a
/// named folder (or a named file's folder) or in one of the two folders
/// above it, so `annotations`, `annotations/<article>` and
/// `annotations/<article>/<annotator>.toml` all find `./sources.toml`.
pub fn find_for(paths: &[PathBuf]) -> Option<PathBuf> {
    for p in paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_owned).unwrap_or_default()
        };
        let mut at: Option<&Path> = Some(&dir);
        for _ in 0..3 {
            let Some(d) = at else { break };
            let candidate = if d.as_os_str().is_empty() {
                PathBuf::from(FILE)
            } else {
                d.join(FILE)
            };
            if candidate.is_file() {
                return Some(candidate);
            }
            at = if d.as_os_str().is_empty() {
                None
            } else {
                d.parent()
            };
        }
    }
    None
}

#[derive(Deserialize)]
struct RawFile {
    format: Option<Spanned<String>>,
    types: Option<Vec<Spanned<RawType>>>,
    #[serde(default)]
    source: Vec<Spanned<RawEntry>>,
}

/// A type: its id, or `{ id = "…", label = "…" }`.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawType {
    Id(String),
    Labelled { id: String, label: Option<String> },
}

#[derive(Deserialize)]
struct RawEntry {
    name: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

/// When the registry file last changed, and its size: a session reads it
/// again when this moves (another annotator added a source).
pub fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Reads the registry at `path`; `Ok(None)` when there is none.
pub fn load(path: &Path) -> Result<Option<Registry>, StoreError> {
    match read(path)? {
        Some(text) => parse(path, &text).map(Some),
        None => Ok(None),
    }
}

fn read(path: &Path) -> Result<Option<String>, StoreError> {
    let too_large = |size| StoreError::Syntax {
        path: path.to_owned(),
        line: 1,
        column: 1,
        message: format!(
            "the sources registry is {size} bytes; byline reads at most {} MB",
            MAX_BYTES / 1024 / 1024
        ),
    };
    super::read_capped(path, MAX_BYTES, too_large)?
        .map(|c| String::from_utf8(c.bytes).map_err(|_| StoreError::NotUtf8(path.to_owned())))
        .transpose()
}

/// Parses a registry; `path` is only used in messages. The first problem
/// is the error, with its line and the entry's name.
pub fn parse(path: &Path, text: &str) -> Result<Registry, StoreError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| de_error(path, text, &e))?;
    check_format_is(path, text, raw.format.as_ref(), FORMAT)?;
    let types = raw.types.as_ref().map(|ts| {
        ts.iter()
            .map(|t| match t.get_ref() {
                RawType::Id(id) => SourceType {
                    id: id.clone(),
                    label: type_label(id),
                },
                RawType::Labelled { id, label } => SourceType {
                    id: id.clone(),
                    label: label.clone().unwrap_or_else(|| type_label(id)),
                },
            })
            .collect::<Vec<_>>()
    });
    let entries: Vec<Entry> = raw
        .source
        .iter()
        .map(|e| {
            let e = e.get_ref();
            Entry {
                name: e.name.get_ref().clone(),
                kind: e.kind.get_ref().clone(),
                aliases: e.aliases.iter().map(|a| a.get_ref().clone()).collect(),
            }
        })
        .collect();
    Registry::new(types.clone(), entries.clone()).map_err(|problems| {
        let at = |p: &Problem| {
            let (entry, field) = p.at();
            raw.source.get(entry).map(|e| {
                let e = e.get_ref();
                match field {
                    Field::Name => e.name.span().start,
                    Field::Type => e.kind.span().start,
                    Field::Alias(a) => e
                        .aliases
                        .get(a)
                        .map_or(e.name.span().start, |a| a.span().start),
                }
            })
        };
        // The first problem in the file, whatever kind it is.
        let first = problems
            .iter()
            .min_by_key(|p| at(p))
            .unwrap_or(&problems[0]);
        let types = types.unwrap_or_else(byline_model::sources::default_types);
        syntax(path, text, at(first), first.describe(&entries, &types))
    })
}

/// Adds a source to the registry at `path` (made when missing), unless
/// one of its names already is `name`: `Ok` with the registry as it now
/// is. A registry that does not read is left as it is and is the error.
pub fn add(path: &Path, name: &str, kind: &str) -> Result<Registry, StoreError> {
    let name = byline_model::sources::tidy(name);
    let folder = super::durable::folder_of(path);
    if !folder.as_os_str().is_empty() && !folder.is_dir() {
        return Err(StoreError::Io {
            path: path.to_owned(),
            error: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the folder of the sources registry does not exist",
            ),
        });
    }
    let _lock = match lock::try_lock(path) {
        Ok(Some(l)) => l,
        Ok(None) => {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
                why: "another byline is writing the sources registry; try again".into(),
            });
        }
        Err(error) => {
            return Err(StoreError::Io {
                path: path.to_owned(),
                error,
            });
        }
    };
    let old = read(path)?;
    let registry = match &old {
        Some(text) => parse(path, text)?,
        None => Registry::default(),
    };
    if registry.resolve(&name).is_some() {
        return Ok(registry);
    }
    let mut text = old.unwrap_or_else(|| {
        format!(
            "# The sources of this corpus: one [[source]] per source, with the\n\
             # other ways it is written (docs/FORMAT.md, \"Sources registry\").\n\
             format = \"{FORMAT}\"\n"
        )
    });
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!(
        "\n[[source]]\nname = {}\ntype = {}\n",
        super::basic(&name),
        super::basic(kind)
    ));
    let new = parse(path, &text)?;
    super::write_atomic(path, text.as_bytes())?;
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"format = "byline-sources/1"
# a comment that stays
custom = "kept"

[[source]]
name = "Donald Trump"
type = "politician"
aliases = ["Trump", "the Republican nominee"]
note = "a key byline does not know"
"#;

    #[test]
    fn reads_and_appends_keeping_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        std::fs::write(&path, GOOD).unwrap();
        let r = load(&path).unwrap().unwrap();
        assert_eq!(r.resolve("trump").unwrap().name, "Donald Trump");
        let r = add(&path, "  Ilse   Varga ", "official").unwrap();
        assert_eq!(r.resolve("ilse varga").unwrap().kind, "official");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(GOOD), "the old text is kept as it was");
        assert!(text.ends_with("\n[[source]]\nname = \"Ilse Varga\"\ntype = \"official\"\n"));
        // Already there (by an alias): nothing written.
        add(&path, "The Republican nominee", "media").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn a_new_registry_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        add(&path, "Ana", "ordinary").unwrap();
        let r = load(&path).unwrap().unwrap();
        assert_eq!(r.entries.len(), 1);
        assert_eq!(load(&dir.path().join("none.toml")).unwrap(), None);
    }

    #[test]
    fn problems_name_file_line_and_entry() {
        let path = Path::new("corpus/sources.toml");
        let dup = "[[source]]\nname = \"A B\"\ntype = \"expert\"\naliases = [\"ab\"]\n\n[[source]]\nname = \"C D\"\ntype = \"expert\"\naliases = [\"x\", \"AB\"]\n";
        assert_eq!(
            parse(path, dup).unwrap_err().to_string(),
            "corpus/sources.toml:9:17: duplicate alias \"AB\": source \"C D\" has it, and so does source \"A B\""
        );
        let unknown = "[[source]]\nname = \"A B\"\ntype = \"alien\"\n";
        let e = parse(path, unknown).unwrap_err().to_string();
        assert!(
            e.starts_with("corpus/sources.toml:3:8: source \"A B\" has the unknown type \"alien\""),
            "{e}"
        );
        let is_name = "[[source]]\nname = \"A B\"\ntype = \"expert\"\n[[source]]\nname = \"C\"\ntype = \"expert\"\naliases = [\"a b\"]\n";
        let e = parse(path, is_name).unwrap_err().to_string();
        assert_eq!(
            e,
            "corpus/sources.toml:7:12: source \"C\" has the alias \"a b\", which is the name of source \"A B\""
        );
        // A bad registry is not written to.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE);
        std::fs::write(&p, unknown).unwrap();
        assert!(add(&p, "New One", "expert").is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), unknown);
    }

    #[test]
    fn the_first_problem_in_the_file_is_named() {
        let text = "[[source]]\nname = \"A\"\ntype = \"expert\"\naliases = [\"x\"]\n[[source]]\nname = \"B\"\ntype = \"expert\"\naliases = [\"x\"]\n[[source]]\nname = \"C\"\ntype = \"alien\"\n";
        let e = parse(Path::new("s.toml"), text).unwrap_err().to_string();
        assert!(e.starts_with("s.toml:8:12: duplicate alias \"x\""), "{e}");
    }

    #[test]
    fn custom_types_with_labels() {
        let text = "types = [\"farmer\", { id = \"gov\", label = \"government\" }]\n[[source]]\nname = \"Ana\"\ntype = \"gov\"\n";
        let r = parse(Path::new("s.toml"), text).unwrap();
        assert_eq!(r.label("gov"), "government");
        assert_eq!(r.label("farmer"), "farmer");
        assert!(!r.has_type("official"));
    }

    #[test]
    fn where_the_registry_is() {
        assert_eq!(
            path_for(Path::new("annotations")),
            Path::new("sources.toml")
        );
        assert_eq!(
            path_for(Path::new("corpus/annotations")),
            Path::new("corpus/sources.toml")
        );
    }
}
