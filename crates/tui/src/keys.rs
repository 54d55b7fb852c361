//! Every screen's keys, merged: the defaults in `keys.toml` (compiled in)
//! with a user's config over them, which replaces an action's keys by name.
//! The help overlay, the footer hints, the prompt help and `byline keys`
//! all read this one table, so a remapped key shows everywhere. The one
//! module that knows every screen's actions; `crate::keymap` knows none.

use crate::keymap::{Actions, ConfigError, Keymap, Origin, merge};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// The defaults, as a user would write them.
pub const DEFAULTS: &str = include_str!("keys.toml");

/// Every screen's keys, merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymaps {
    pub annotate: Keymap<crate::annotate::action::Action>,
    pub review: Keymap<crate::review::action::Action>,
    pub adjudicate: Keymap<crate::adjudicate::action::Action>,
    pub list: Keymap<crate::list::action::Action>,
    pub prompt: Keymap<crate::widgets::line_input::PromptAction>,
    pub help: Keymap<crate::widgets::help::HelpAction>,
}

impl Default for Keymaps {
    fn default() -> Keymaps {
        // The compiled-in defaults are tested to parse and to bind every
        // action, so this cannot fail for a user.
        Keymaps::from_toml(DEFAULTS, Path::new("(built-in keys.toml)"), None)
            .unwrap_or_else(|e| panic!("built-in keys: {e}"))
    }
}

impl Keymaps {
    /// The defaults with the user's config over them: `explicit`
    /// (`--config` or `BYLINE_CONFIG`) must exist; the XDG file may not.
    pub fn load(explicit: Option<&Path>) -> Result<Keymaps, ConfigError> {
        match read_config(explicit)? {
            Some((path, text)) => Keymaps::from_toml(&text, &path, Some(&Keymaps::default())),
            None => Ok(Keymaps::default()),
        }
    }

    /// Reads a keys file: the defaults when `base` is `None` (every action
    /// must be bound), else a user's overrides over `base`.
    pub fn from_toml(
        text: &str,
        path: &Path,
        base: Option<&Keymaps>,
    ) -> Result<Keymaps, ConfigError> {
        let origin = Origin { path, text };
        let doc = DeTable::parse(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let msg = e
                .message()
                .lines()
                .next()
                .unwrap_or("not valid TOML")
                .to_owned();
            origin.err(&span, format!("not valid TOML: {msg}"))
        })?;
        let mut sections: Vec<(String, Range<usize>, &DeTable)> = Vec::new();
        for (k, v) in doc.get_ref() {
            match (k.get_ref().as_ref(), v.get_ref()) {
                ("keys", DeValue::Table(t)) => {
                    for (screen, table) in t {
                        let DeValue::Table(table) = table.get_ref() else {
                            return Err(origin.err(
                                &screen.span(),
                                format!(
                                    "`keys.{}` must be a table of action = key",
                                    screen.get_ref()
                                ),
                            ));
                        };
                        sections.push((screen.get_ref().to_string(), screen.span(), table));
                    }
                }
                ("keys", _) => {
                    return Err(origin.err(&k.span(), "`keys` must be a table".into()));
                }
                // Read by `crate::config`, which checks it.
                ("suggest", _) => {}
                (other, _) => {
                    return Err(origin.err(
                        &k.span(),
                        format!(
                            "unknown setting `{other}` (byline's config has [keys.<screen>] tables and [suggest])"
                        ),
                    ));
                }
            }
        }
        let screens = [
            crate::annotate::action::Action::SECTION,
            crate::review::action::Action::SECTION,
            crate::adjudicate::action::Action::SECTION,
            crate::list::action::Action::SECTION,
            crate::widgets::line_input::PromptAction::SECTION,
            crate::widgets::help::HelpAction::SECTION,
        ];
        for (name, span, _) in &sections {
            if !screens.contains(&name.as_str()) {
                return Err(origin.err(
                    span,
                    format!(
                        "unknown screen `{name}` in [keys.{name}] (screens: {})",
                        screens.join(", ")
                    ),
                ));
            }
        }
        let find = |s: &str| sections.iter().find(|(n, _, _)| n == s).map(|(_, _, t)| *t);
        Ok(Keymaps {
            annotate: merge(&origin, find, base.map(|b| &b.annotate))?,
            review: merge(&origin, find, base.map(|b| &b.review))?,
            adjudicate: merge(&origin, find, base.map(|b| &b.adjudicate))?,
            list: merge(&origin, find, base.map(|b| &b.list))?,
            prompt: merge(&origin, find, base.map(|b| &b.prompt))?,
            help: merge(&origin, find, base.map(|b| &b.help))?,
        })
    }
}

/// The user's config file and its text: `explicit` (`--config` or
/// `BYLINE_CONFIG`) must exist; the XDG file may not (then `None`).
pub fn read_config(explicit: Option<&Path>) -> Result<Option<(PathBuf, String)>, ConfigError> {
    let (path, required) = match explicit {
        Some(p) => (p.to_owned(), true),
        None => match default_config_path() {
            Some(p) => (p, false),
            None => return Ok(None),
        },
    };
    use byline_store::read::{ReadError, read_regular};
    // Bounded, and only a regular file: a FIFO named as the config is
    // refused, never waited on.
    match read_regular(&path, 1024 * 1024).map(|c| c.bytes) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(Some((path, text))),
            Err(_) => Err(ConfigError::At {
                path,
                line: 1,
                message: "not UTF-8 text; a config file is TOML in UTF-8".into(),
            }),
        },
        Err(ReadError::NotFound) if !required => Ok(None),
        Err(e) => {
            let why = match e {
                ReadError::NotFound => "no such file".to_owned(),
                ReadError::IsDir => "is a folder, not a config file".to_owned(),
                ReadError::NotRegular(what) => {
                    format!("is {what}, not a regular file; byline reads only regular files")
                }
                ReadError::TooLarge(n) => {
                    format!("the file is {n} bytes; a config file is at most 1 MB")
                }
                ReadError::Io(e) => e.to_string(),
            };
            Err(ConfigError::Unreadable { path, why })
        }
    }
}

/// `$XDG_CONFIG_HOME/byline/config.toml`, else `~/.config/byline/config.toml`.
pub fn default_config_path() -> Option<PathBuf> {
    byline_store::xdg::base_dir("XDG_CONFIG_HOME", ".config")
        .map(|d| d.join("byline").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_bind_every_action_once_per_mode() {
        let k = Keymaps::default();
        assert!(k.annotate.entries().all(|(_, keys)| !keys.is_empty()));
        assert!(k.review.entries().all(|(_, keys)| !keys.is_empty()));
        assert!(k.adjudicate.entries().all(|(_, keys)| !keys.is_empty()));
        assert!(k.list.entries().all(|(_, keys)| !keys.is_empty()));
    }
}
