//! Where the runtime's input comes from: the terminal in production, a
//! script of keys, waits and resizes in tests (so tests run the real loop,
//! its saves and its gate, on a `TestBackend`).

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Resize(u16, u16),
    /// No more input: a test script ran out.
    End,
}

pub trait EventSource {
    /// The next input, or `None` when `timeout` passed without one.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Input>>;
    /// The source's clock: the runtime times its saves by it.
    fn now(&self) -> Instant;
}

/// The terminal, through crossterm.
pub struct Crossterm;

impl EventSource for Crossterm {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Input>> {
        if !event::poll(timeout)? {
            return Ok(None);
        }
        Ok(match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => Some(Input::Key(k)),
            Event::Resize(w, h) => Some(Input::Resize(w, h)),
            _ => None,
        })
    }

    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// A step of a test script.
enum Step {
    Input(Input),
    /// Time passing with no key.
    Wait(Duration),
    /// Runs between keys: a test looks at the disk mid-session.
    Call(Box<dyn FnMut() + Send>),
}

/// Keys, waits and resizes in order, on a virtual clock: `wait` takes no
/// real time.
pub struct Script {
    steps: VecDeque<Step>,
    now: Instant,
}

impl Default for Script {
    fn default() -> Self {
        Script::new()
    }
}

impl Script {
    pub fn new() -> Script {
        Script {
            steps: VecDeque::new(),
            now: Instant::now(),
        }
    }

    /// Keys written as in [`parse_keys`]: `"}}vjs"`, `"<Esc>"`, `"<C-r>"`.
    pub fn keys(mut self, keys: &str) -> Script {
        for k in parse_keys(keys) {
            self.steps.push_back(Step::Input(Input::Key(k)));
        }
        self
    }

    pub fn key(mut self, key: KeyEvent) -> Script {
        self.steps.push_back(Step::Input(Input::Key(key)));
        self
    }

    pub fn wait(mut self, ms: u64) -> Script {
        self.steps.push_back(Step::Wait(Duration::from_millis(ms)));
        self
    }

    pub fn resize(mut self, w: u16, h: u16) -> Script {
        self.steps.push_back(Step::Input(Input::Resize(w, h)));
        self
    }

    pub fn call(mut self, f: impl FnMut() + Send + 'static) -> Script {
        self.steps.push_back(Step::Call(Box::new(f)));
        self
    }
}

impl EventSource for Script {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Input>> {
        loop {
            match self.steps.pop_front() {
                None => return Ok(Some(Input::End)),
                Some(Step::Input(i)) => return Ok(Some(i)),
                Some(Step::Call(mut f)) => f(),
                Some(Step::Wait(d)) => {
                    let step = d.min(timeout);
                    self.now += step;
                    if d > step {
                        self.steps.push_front(Step::Wait(d - step));
                    }
                    return Ok(None);
                }
            }
        }
    }

    fn now(&self) -> Instant {
        self.now
    }
}

/// Parses a key string: plain characters, and `<Esc>`, `<Enter>`, `<Tab>`,
/// `<S-Tab>`, `<BS>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgDn>`,
/// `<PgUp>`, `<Home>`, `<End>`, `<C-x>`, `<A-x>`, `<lt>` (a `<`).
pub fn parse_keys(s: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            let ch = |n: &str| KeyCode::Char(n.chars().nth(2).unwrap_or(' '));
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
                "PgDn" => KeyEvent::from(KeyCode::PageDown),
                "PgUp" => KeyEvent::from(KeyCode::PageUp),
                "Home" => KeyEvent::from(KeyCode::Home),
                "End" => KeyEvent::from(KeyCode::End),
                "lt" => KeyEvent::from(KeyCode::Char('<')),
                n if n.starts_with("C-") && n.chars().count() == 3 => {
                    KeyEvent::new(ch(n), KeyModifiers::CONTROL)
                }
                n if n.starts_with("A-") && n.chars().count() == 3 => {
                    KeyEvent::new(ch(n), KeyModifiers::ALT)
                }
                other => panic!("unknown key <{other}>"),
            };
            out.push(ev);
        } else {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            out.push(KeyEvent::new(KeyCode::Char(c), mods));
        }
    }
    out
}
