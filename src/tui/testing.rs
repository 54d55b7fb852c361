//! Helpers for tests written as key sequences: `press(&mut app, "}}vjs")`.

use super::state::App;
use super::update::handle_key;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Parses a key string: plain characters, and `<Esc>`, `<Enter>`, `<Tab>`,
/// `<S-Tab>`, `<BS>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<C-x>`.
pub fn keys(s: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            let ev = match name.as_str() {
                "Esc" => KeyEvent::from(KeyCode::Esc),
                "Enter" | "CR" => KeyEvent::from(KeyCode::Enter),
                "Tab" => KeyEvent::from(KeyCode::Tab),
                "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "BS" => KeyEvent::from(KeyCode::Backspace),
                "Up" => KeyEvent::from(KeyCode::Up),
                "Down" => KeyEvent::from(KeyCode::Down),
                "Left" => KeyEvent::from(KeyCode::Left),
                "Right" => KeyEvent::from(KeyCode::Right),
                "lt" => KeyEvent::from(KeyCode::Char('<')),
                n if n.starts_with("C-") && n.len() == 3 => KeyEvent::new(
                    KeyCode::Char(n.chars().nth(2).unwrap_or(' ')),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            out.push(ev);
        } else {
            out.push(KeyEvent::from(KeyCode::Char(c)));
        }
    }
    out
}

/// Feeds a key string to the app.
pub fn press(app: &mut App, s: &str) {
    for k in keys(s) {
        handle_key(app, k);
    }
}
