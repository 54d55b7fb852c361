//! Keys as data, for any screen: a [`Key`], a screen's actions
//! ([`Actions`], declared with [`actions!`]), its bindings ([`Keymap`]) and
//! the merge of a user's table over the defaults. Knows no screen: the
//! aggregate of every screen's keys is `crate::keys`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::ops::Range;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// One key press: a code and its modifiers. Shift is folded into the
/// character (`E` is Shift-e) and into `BackTab`, so `E` matches however
/// the terminal reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        Key { code, mods }
    }

    pub const fn plain(code: KeyCode) -> Key {
        Key::new(code, KeyModifiers::NONE)
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub fn from_event(e: &KeyEvent) -> Key {
        let mut mods =
            e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = e.code;
        match code {
            KeyCode::Char(_) | KeyCode::BackTab => mods.remove(KeyModifiers::SHIFT),
            // Some terminals send Shift-Tab as Tab with Shift.
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                code = KeyCode::BackTab;
                mods.remove(KeyModifiers::SHIFT);
            }
            _ => {}
        }
        Key { code, mods }
    }

    pub fn ctrl(&self) -> bool {
        self.mods.contains(KeyModifiers::CONTROL)
    }

    /// A key with no modifier, or only Shift folded into it: what a
    /// prompt takes as typed text.
    pub fn typed_char(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if self.mods.is_empty() => Some(c),
            _ => None,
        }
    }

    /// Reads a key name as PRODUCT.md writes them: a character (`e`, `E`,
    /// `%`), `ctrl-r`, `alt-x`, `shift-tab`, `tab`, `enter`, `esc`,
    /// `space`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`,
    /// `end`, `backspace`, `delete`, `f1`…`f12`.
    pub fn parse(name: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = name;
        // A lone `-` is the minus key, and `ctrl--` is Ctrl with it.
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return None,
                },
                _ => return None,
            },
        };
        // Terminals send these as other keys, so a binding could never be
        // pressed: Ctrl with Shift on a letter arrives as plain Ctrl, and
        // Ctrl-i, Ctrl-m and Ctrl-[ arrive as Tab, Enter and Esc.
        if mods.contains(KeyModifiers::CONTROL)
            && let KeyCode::Char(c) = code
            && (mods.contains(KeyModifiers::SHIFT)
                || c.is_uppercase()
                || matches!(c, 'i' | 'm' | '['))
        {
            return None;
        }
        let mut key = Key { code, mods };
        if key.mods.contains(KeyModifiers::SHIFT) {
            key.mods.remove(KeyModifiers::SHIFT);
            match key.code {
                KeyCode::Tab => key.code = KeyCode::BackTab,
                KeyCode::Char(c) if c.is_lowercase() => {
                    key.code = KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                }
                KeyCode::Char(_) | KeyCode::BackTab => {}
                _ => key.mods.insert(KeyModifiers::SHIFT),
            }
        }
        Some(key)
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        self.with_mods(["Ctrl-", "Alt-", "Shift-"], &base)
    }

    /// The key as a config file names it (`ctrl-r`, `E`, `shift-tab`).
    pub fn config_name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::PageDown => "pgdn".into(),
            KeyCode::PageUp => "pgup".into(),
            KeyCode::F(n) => format!("f{n}"),
            other => format!("{other:?}").to_ascii_lowercase(),
        };
        self.with_mods(["ctrl-", "alt-", "shift-"], &base)
    }

    /// `base` after the names (`names`: for Control, Alt, Shift, in that
    /// order) of the modifiers the key has.
    fn with_mods(&self, names: [&str; 3], base: &str) -> String {
        let mods = [
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
            KeyModifiers::SHIFT,
        ];
        let mut out = String::new();
        for (m, name) in mods.into_iter().zip(names) {
            if self.mods.contains(m) {
                out.push_str(name);
            }
        }
        out + base
    }
}

/// A screen's (or widget's) actions: their names in config files, what
/// they do, and in which of the screen's modes their keys apply.
pub trait Actions: Copy + Eq + std::fmt::Debug + 'static {
    /// The config section: `[keys.<SECTION>]`.
    const SECTION: &'static str;
    /// The screen's modes, by bit, with their help headings.
    const MODES: &'static [(u8, &'static str)];
    const ALL: &'static [Self];
    fn name(self) -> &'static str;
    fn describe(self) -> &'static str;
    /// The modes (bits of `MODES`) in which the action's keys apply.
    fn modes(self) -> u8;
}

/// Declares an action enum with its config names, descriptions and modes.
#[macro_export]
macro_rules! actions {
    (
        $(#[$meta:meta])*
        pub enum $Name:ident in $section:literal, modes [$($mb:ident : $mn:literal),*] {
            $( $(#[$vmeta:meta])* $V:ident = $name:literal, $m:expr, $desc:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $Name { $( $(#[$vmeta])* $V, )* }

        impl $crate::keymap::Actions for $Name {
            const SECTION: &'static str = $section;
            const MODES: &'static [(u8, &'static str)] = &[$(($mb, $mn)),*];
            const ALL: &'static [Self] = &[$($Name::$V),*];
            fn name(self) -> &'static str {
                match self { $($Name::$V => $name,)* }
            }
            fn describe(self) -> &'static str {
                match self { $($Name::$V => $desc,)* }
            }
            fn modes(self) -> u8 {
                match self { $($Name::$V => $m,)* }
            }
        }
    };
}

/// The merged key table of one screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap<A> {
    /// Every action, in declaration order, with its keys.
    bindings: Vec<(A, Vec<Key>)>,
}

impl<A: Actions> Keymap<A> {
    /// The action a key triggers in `mode`.
    pub fn lookup(&self, mode: u8, key: Key) -> Option<A> {
        self.bindings
            .iter()
            .find(|(a, keys)| a.modes() & mode != 0 && keys.contains(&key))
            .map(|(a, _)| *a)
    }

    pub fn keys(&self, action: A) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, k)| k)
    }

    /// The first key of `action`, as hints show it.
    pub fn label(&self, action: A) -> Option<String> {
        self.keys(action).first().map(Key::label)
    }

    /// Every key of `action`, joined for help text (`j ↓`).
    pub fn labels(&self, action: A, sep: &str) -> String {
        let labels: Vec<String> = self.keys(action).iter().map(Key::label).collect();
        labels.join(sep)
    }

    /// Help rows for one mode: the keys of each action on one row.
    pub fn help_rows(&self, mode: u8) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|(a, keys)| a.modes() & mode != 0 && !keys.is_empty())
            .map(|(a, _)| (self.labels(*a, " "), a.describe()))
            .collect()
    }

    /// All actions with their keys, for `byline keys`.
    pub fn entries(&self) -> impl Iterator<Item = (A, &[Key])> {
        self.bindings.iter().map(|(a, k)| (*a, k.as_slice()))
    }
}

/// A config file that cannot be used: names the file, the line and the word.
pub type ConfigError = byline_model::lines::FileError;

/// Where a config came from, to name it in errors.
pub(crate) struct Origin<'a> {
    pub(crate) path: &'a Path,
    pub(crate) text: &'a str,
}

impl Origin<'_> {
    fn line(&self, span: &Range<usize>) -> usize {
        byline_model::lines::line_of(self.text, span.start)
    }

    pub(crate) fn err(&self, span: &Range<usize>, message: String) -> ConfigError {
        ConfigError::At {
            path: self.path.to_owned(),
            line: self.line(span),
            message,
        }
    }
}

/// One screen's table: `base` with the section's bindings over it (or, for
/// the defaults, the section alone, binding every action).
pub(crate) fn merge<'a, A: Actions>(
    origin: &Origin,
    find: impl Fn(&str) -> Option<&'a DeTable<'a>>,
    base: Option<&Keymap<A>>,
) -> Result<Keymap<A>, ConfigError> {
    let section = find(A::SECTION);
    let mut bindings: Vec<(A, Vec<Key>)> = A::ALL
        .iter()
        .map(|a| (*a, base.map(|b| b.keys(*a).to_vec()).unwrap_or_default()))
        .collect();
    // Where each user binding was written, to name it in a clash.
    let mut written: Vec<(A, Range<usize>)> = Vec::new();
    if let Some(table) = section {
        for (name, value) in table {
            let Some(action) = A::ALL.iter().find(|a| a.name() == name.get_ref().as_ref()) else {
                return Err(origin.err(
                    &name.span(),
                    format!(
                        "unknown action `{}` in [keys.{}] (`byline keys` lists them)",
                        name.get_ref(),
                        A::SECTION
                    ),
                ));
            };
            let keys = parse_keys(origin, A::SECTION, name.get_ref(), value)?;
            if keys.is_empty() {
                return Err(origin.err(
                    &value.span(),
                    format!(
                        "`{}` in [keys.{}] needs at least one key",
                        name.get_ref(),
                        A::SECTION
                    ),
                ));
            }
            if A::SECTION == "prompt"
                && let Some(k) = keys.iter().find(|k| k.typed_char().is_some())
            {
                return Err(origin.err(
                    &value.span(),
                    format!(
                        "`{}` for `{}` in [keys.prompt] would stop you typing it into a prompt; use a key with ctrl- or alt-, or a named key",
                        k.config_name(),
                        name.get_ref()
                    ),
                ));
            }
            if let Some(slot) = bindings.iter_mut().find(|(a, _)| a == action) {
                slot.1 = keys;
            }
            written.push((*action, value.span()));
        }
    }
    if base.is_none()
        && let Some((a, _)) = bindings.iter().find(|(_, k)| k.is_empty())
    {
        return Err(ConfigError::At {
            path: origin.path.to_owned(),
            line: 1,
            message: format!("action `{}` has no key in [keys.{}]", a.name(), A::SECTION),
        });
    }
    // A key may do one thing per mode.
    for (i, (a, keys)) in bindings.iter().enumerate() {
        for key in keys {
            if let Some((b, _)) = bindings[i + 1..]
                .iter()
                .find(|(b, bk)| b.modes() & a.modes() != 0 && bk.contains(key))
            {
                let at = written
                    .iter()
                    .find(|(w, _)| w == a || w == b)
                    .map(|(_, s)| s.clone());
                let message = format!(
                    "`{}` is bound to both `{}` and `{}` in [keys.{}]; give one of them another key",
                    key.config_name(),
                    a.name(),
                    b.name(),
                    A::SECTION
                );
                return Err(match at {
                    Some(span) => origin.err(&span, message),
                    None => ConfigError::At {
                        path: origin.path.to_owned(),
                        line: 1,
                        message,
                    },
                });
            }
        }
    }
    Ok(Keymap { bindings })
}

/// `"E"` or `["E", "ctrl-e"]`.
fn parse_keys(
    origin: &Origin,
    section: &str,
    action: &str,
    value: &toml::Spanned<DeValue>,
) -> Result<Vec<Key>, ConfigError> {
    let one = |v: &toml::Spanned<DeValue>| -> Result<Key, ConfigError> {
        match v.get_ref() {
            DeValue::String(s) => Key::parse(s).ok_or_else(|| {
                origin.err(
                    &v.span(),
                    format!(
                        "unknown key name `{s}` for `{action}` in [keys.{section}] (a character, ctrl-r, alt-x, shift-tab, tab, enter, esc, space, up, down, left, right, pgup, pgdn, home, end, backspace; not ctrl-shift-x, ctrl-i, ctrl-m or ctrl-[, which terminals send as other keys)"
                    ),
                )
            }),
            _ => Err(origin.err(
                &v.span(),
                format!("`{action}` in [keys.{section}] takes a key name or a list of them, like \"E\" or [\"E\", \"ctrl-e\"]"),
            )),
        }
    };
    let mut keys = match value.get_ref() {
        DeValue::Array(items) => items.iter().map(one).collect::<Result<Vec<_>, _>>()?,
        _ => vec![one(value)?],
    };
    keys.dedup();
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip() {
        for name in [
            "e",
            "E",
            "%",
            "-",
            "ctrl-r",
            "alt-x",
            "shift-tab",
            "tab",
            "enter",
            "esc",
            "space",
            "up",
            "down",
            "left",
            "right",
            "pgup",
            "pgdn",
            "home",
            "end",
            "ctrl--",
            "f5",
        ] {
            let k = Key::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(Key::parse(&k.config_name()), Some(k), "{name}");
        }
        assert_eq!(Key::parse("shift-e"), Key::parse("E"));
        assert_eq!(Key::parse("Ctrl-r"), Key::parse("ctrl-r"));
        for never in ["ctrl-shift-e", "ctrl-E", "ctrl-i", "ctrl-m", "ctrl-["] {
            assert_eq!(Key::parse(never), None, "{never}");
        }
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse("hyper-x"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn alt_is_not_the_plain_key() {
        let alt_x = Key::from_event(&KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT));
        assert_ne!(alt_x, Key::ch('x'));
        let shift_e = Key::from_event(&KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT));
        assert_eq!(shift_e, Key::ch('E'));
    }
}
