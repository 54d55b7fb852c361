//! The user's config file (`--config`, `BYLINE_CONFIG`, else the XDG
//! one): keys per screen (`[keys.<screen>]`, read by the keymap) and
//! suggestions (`[suggest]`). Every error is one line naming the file and
//! the line.

use byline_suggest::{LexiconError, Suggester};
use byline_tui::keymap::ConfigError;
use byline_tui::keys::{Keymaps, read_config};
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// `[suggest]`: whether the annotation screen suggests claims, and a
/// lexicon of the user's own added to the shipped one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestConfig {
    pub enabled: bool,
    /// Relative paths are taken from the config file's folder.
    pub extra_lexicon: Option<PathBuf>,
}

impl Default for SuggestConfig {
    fn default() -> SuggestConfig {
        SuggestConfig {
            enabled: true,
            extra_lexicon: None,
        }
    }
}

impl SuggestConfig {
    /// The suggester this config asks for: the shipped lexicon, with the
    /// user's added.
    pub fn suggester(&self) -> Result<Suggester, LexiconError> {
        match &self.extra_lexicon {
            Some(p) => Suggester::with_extra(&read_lexicon(p)?, p),
            None => Ok(Suggester::builtin()),
        }
    }
}

/// A lexicon file larger than this is refused: the shipped lists are
/// 20 KB, and a user's thousands of cues are well under a megabyte.
pub const MAX_LEXICON_BYTES: u64 = 16 * 1024 * 1024;

/// The user's lexicon file, read through the store's reader: a regular
/// file of at most [`MAX_LEXICON_BYTES`], never waited on (a FIFO) nor read
/// without end (`/dev/zero`).
fn read_lexicon(path: &Path) -> Result<String, LexiconError> {
    use byline_store::read::{ReadError, read_regular};
    let why = |why: String| LexiconError::Unreadable {
        path: path.to_owned(),
        why,
    };
    let bytes = match read_regular(path, MAX_LEXICON_BYTES) {
        Ok(c) => c.bytes,
        Err(ReadError::NotFound) => {
            return Err(why("no such file (extra_lexicon in [suggest])".into()));
        }
        Err(ReadError::IsDir) => return Err(why("is a folder, not a lexicon file".into())),
        Err(ReadError::NotRegular(what)) => {
            return Err(why(format!(
                "is {what}, not a lexicon file; byline reads only regular files"
            )));
        }
        Err(ReadError::TooLarge(size)) => {
            return Err(why(format!(
                "the lexicon is {size} bytes; byline refuses lexicons over {} MB",
                MAX_LEXICON_BYTES / 1024 / 1024
            )));
        }
        Err(ReadError::Io(e)) => return Err(why(e.to_string())),
    };
    String::from_utf8(bytes).map_err(|_| why("not UTF-8 text; a lexicon is TOML in UTF-8".into()))
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub keys: Keymaps,
    pub suggest: SuggestConfig,
}

impl Config {
    /// The defaults with the user's file over them.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        match read_config(explicit)? {
            Some((path, text)) => Config::from_toml(&text, &path),
            None => Ok(Config::default()),
        }
    }

    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let keys = Keymaps::from_toml(text, path, Some(&Keymaps::default()))?;
        let suggest = suggest_section(text, path)?;
        Ok(Config { keys, suggest })
    }
}

fn suggest_section(text: &str, path: &Path) -> Result<SuggestConfig, ConfigError> {
    let err = |span: std::ops::Range<usize>, message: String| ConfigError::At {
        path: path.to_owned(),
        line: byline_model::lines::line_of(text, span.start),
        message,
    };
    // The keymap has parsed the file already, so this parse succeeds.
    let doc =
        DeTable::parse(text).map_err(|e| err(e.span().unwrap_or(0..0), "not valid TOML".into()))?;
    let mut out = SuggestConfig::default();
    let Some(section) = doc.get_ref().get("suggest") else {
        return Ok(out);
    };
    let DeValue::Table(table) = section.get_ref() else {
        return Err(err(
            section.span(),
            "`suggest` must be a table: [suggest] enabled = false, extra_lexicon = \"path\"".into(),
        ));
    };
    for (k, v) in table {
        match (k.get_ref().as_ref(), v.get_ref()) {
            ("enabled", DeValue::Boolean(b)) => out.enabled = *b,
            ("enabled", _) => {
                return Err(err(
                    v.span(),
                    "`enabled` in [suggest] is true or false".into(),
                ));
            }
            ("extra_lexicon", DeValue::String(s)) if !s.trim().is_empty() => {
                let p = Path::new(s.as_ref());
                let base = path.parent().unwrap_or(Path::new(""));
                out.extra_lexicon = Some(if p.is_absolute() {
                    p.to_owned()
                } else {
                    base.join(p)
                });
            }
            ("extra_lexicon", _) => {
                return Err(err(
                    v.span(),
                    "`extra_lexicon` in [suggest] is the path of a lexicon file, like \"my-cues.toml\"".into(),
                ));
            }
            (other, _) => {
                return Err(err(
                    k.span(),
                    format!(
                        "unknown setting `{other}` in [suggest] (it has enabled and extra_lexicon)"
                    ),
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggest_settings_are_read_beside_the_keys() {
        let c = Config::from_toml(
            "[keys.annotate]\nmark_editorial = \"E\"\n\n[suggest]\nenabled = false\nextra_lexicon = \"cues.toml\"\n",
            Path::new("/home/x/.config/byline/config.toml"),
        )
        .unwrap();
        assert!(!c.suggest.enabled);
        assert_eq!(
            c.suggest.extra_lexicon.as_deref(),
            Some(Path::new("/home/x/.config/byline/cues.toml"))
        );
    }

    #[test]
    fn a_bad_suggest_setting_is_one_line_with_file_and_line() {
        let e = Config::from_toml("[suggest]\nenabled = \"no\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2: `enabled`"), "{e}");
        let e = Config::from_toml("[suggest]\n\nlexicon = 1\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:3: unknown setting `lexicon`"), "{e}");
    }
}
