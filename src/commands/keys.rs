//! `byline keys`: every screen's actions, their keys and what they do,
//! from the same merged table the help overlay draws.

use crate::cli::{KeysArgs, KeysFormat};
use byline_tui::keymap::{Actions, Keymap};
use byline_tui::keys::Keymaps;
use std::fmt::Write;

#[derive(serde::Serialize)]
struct Row {
    screen: &'static str,
    mode: Vec<&'static str>,
    action: &'static str,
    keys: Vec<String>,
    description: &'static str,
}

fn rows<A: Actions>(keymap: &Keymap<A>, out: &mut Vec<Row>) {
    for (action, keys) in keymap.entries() {
        out.push(Row {
            screen: A::SECTION,
            mode: A::MODES
                .iter()
                .filter(|(bit, _)| action.modes() & bit != 0)
                .map(|(_, name)| *name)
                .collect(),
            action: action.name(),
            keys: keys.iter().map(|k| k.config_name()).collect(),
            description: action.describe(),
        });
    }
}

/// All rows, screen by screen.
fn table(keys: &Keymaps) -> Vec<Row> {
    let mut out = Vec::new();
    rows(&keys.annotate, &mut out);
    rows(&keys.review, &mut out);
    rows(&keys.adjudicate, &mut out);
    rows(&keys.list, &mut out);
    rows(&keys.prompt, &mut out);
    rows(&keys.help, &mut out);
    out
}

pub fn run(args: &KeysArgs, keys: &Keymaps) -> anyhow::Result<u8> {
    let rows = table(keys);
    let mut out = String::new();
    match args.format {
        KeysFormat::Json => {
            out = serde_json::to_string_pretty(&serde_json::json!({ "keys": rows }))?;
            out.push('\n');
        }
        KeysFormat::Text => {
            let mut screen = "";
            for r in &rows {
                if r.screen != screen {
                    if !screen.is_empty() {
                        writeln!(out)?;
                    }
                    writeln!(out, "[keys.{}]", r.screen)?;
                    screen = r.screen;
                }
                writeln!(
                    out,
                    "{:<20} {:<24} {}",
                    r.action,
                    r.keys.join(" "),
                    r.description
                )?;
            }
        }
    }
    match crate::output::print(&out) {
        // The reader stopped listening (`| head`): nothing to say.
        Err(e) if e.0.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        other => other.map(|()| 0).map_err(|e| e.0.into()),
    }
}
