//! The writer of annotator and review files: the file's serde schema
//! ([`super::toml_io::RawFile`], [`super::review`]'s) serialised into a
//! `toml_edit` document, laid out as FORMAT.md writes it, with the unknown
//! keys put back where they were read.
//!
//! The layout, which every file byline wrote has (tests/round_trip.rs holds
//! the bytes): `format` and the unknown top-level keys that are not tables
//! first; each section (`[article]`, `[[claims]]`, …) after a blank line,
//! with its known keys in schema order and then its unknown keys, nested
//! tables inline so they stay inside it; then the unknown top-level tables,
//! written as TOML writes a table by default. Strings in the sections and
//! before them are one-line basic strings ([`basic`]), so a quote with `"`
//! or a newline is written the way it always was.

use byline_model::annotation::Extra;
use serde::Serialize;
use toml_edit::visit_mut::VisitMut;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Key, Table, Value};

/// Where a file's unknown keys go.
pub(super) enum At<'a> {
    /// Top level: values before the first section, tables after the last.
    Top,
    /// In the section `[name]`.
    Section(&'a str),
    /// In the `i`th entry of `[[name]]`.
    Entry(&'a str, usize),
}

/// A file being written: its schema's values, then its unknown keys.
pub(super) struct Writer {
    doc: DocumentMut,
    /// The unknown top-level tables, written after every section.
    tail: Vec<(String, Item)>,
}

impl Writer {
    /// The document of `file`, a file's schema filled in.
    pub(super) fn new<T: Serialize>(file: &T) -> Writer {
        // Only a bug in a schema (a value TOML has no word for) fails.
        let mut doc = toml_edit::ser::to_document(file)
            .expect("an annotator or review file's schema serialises to TOML");
        BasicStrings.visit_document_mut(&mut doc);
        for (_, item) in doc.as_table_mut().iter_mut() {
            let inline = std::mem::take(item);
            *item = match inline.into_table() {
                Ok(section) => Item::Table(spaced(section)),
                Err(other) => match other.into_array_of_tables() {
                    Ok(entries) => Item::ArrayOfTables(spaced_entries(entries)),
                    Err(value) => value,
                },
            };
        }
        Writer {
            doc,
            tail: Vec::new(),
        }
    }

    /// Puts `extra` back at `at`, after the keys the schema wrote there.
    pub(super) fn extra(&mut self, at: At<'_>, extra: &Extra) {
        if extra.is_empty() {
            return;
        }
        let root = self.doc.as_table_mut();
        let table = match at {
            At::Top => {
                for (k, v) in extra {
                    if is_table_like(v) {
                        self.tail.push((k.clone(), tail_item(v)));
                    } else {
                        root.insert_formatted(&key(k), Item::Value(value(v, Style::Byline)));
                    }
                }
                return;
            }
            At::Section(name) => root.get_mut(name).and_then(Item::as_table_mut),
            At::Entry(name, i) => root
                .get_mut(name)
                .and_then(Item::as_array_of_tables_mut)
                .and_then(|a| a.get_mut(i)),
        };
        let table = table.expect("unknown keys go in a section the schema wrote");
        for (k, v) in extra {
            table.insert_formatted(&key(k), Item::Value(value(v, Style::Byline)));
        }
    }

    /// The file's text.
    pub(super) fn finish(mut self) -> String {
        let root = self.doc.as_table_mut();
        for (k, item) in self.tail {
            root.insert(&k, item);
        }
        self.doc.to_string()
    }
}

/// A section after a blank line.
fn spaced(mut t: Table) -> Table {
    t.decor_mut().set_prefix("\n");
    t
}

fn spaced_entries(mut a: ArrayOfTables) -> ArrayOfTables {
    for t in a.iter_mut() {
        t.decor_mut().set_prefix("\n");
    }
    a
}

/// Every string the schema wrote as a basic string.
struct BasicStrings;

impl VisitMut for BasicStrings {
    fn visit_value_mut(&mut self, node: &mut Value) {
        match node {
            Value::String(s) => *node = basic_value(s.value()),
            _ => toml_edit::visit_mut::visit_value_mut(self, node),
        }
    }
}

/// `s` as a one-line basic string, byline's escapes ([`basic`]): toml_edit
/// would choose a literal string for a quote with `"` in it.
fn basic_value(s: &str) -> Value {
    basic(s).parse().expect("a basic string is a TOML value")
}

/// A key as byline writes it: bare where TOML allows, else a basic string.
fn key(k: &str) -> Key {
    let bare = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        return Key::new(k);
    }
    let mut keys = Key::parse(&basic(k)).expect("a basic string is a TOML key");
    let mut key = keys.pop().expect("one key");
    key.leaf_decor_mut().clear();
    key.dotted_decor_mut().clear();
    key
}

/// How an unknown value is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Inside a section or before the first one: tables inline, strings
    /// basic, keys bare or basic ([`key`]), floats as byline always wrote
    /// them.
    Byline,
    /// In an unknown top-level table: TOML's default representation.
    Toml,
}

fn value(v: &toml::Value, style: Style) -> Value {
    let byline = style == Style::Byline;
    match v {
        toml::Value::String(s) if byline => basic_value(s),
        toml::Value::String(s) => Value::from(s.as_str()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) if byline && f.is_nan() => {
            "nan".parse().expect("nan is a TOML float")
        }
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::from(*b),
        toml::Value::Datetime(d) => Value::from(*d),
        toml::Value::Array(a) => Value::Array(a.iter().map(|v| value(v, style)).collect()),
        toml::Value::Table(t) => {
            let mut out = InlineTable::new();
            for (k, v) in t {
                if byline {
                    out.insert_formatted(&key(k), value(v, style));
                } else {
                    out.insert(k, value(v, style));
                }
            }
            Value::InlineTable(out)
        }
    }
}

/// An unknown top-level key that is written as a table (or tables).
pub(super) fn is_table_like(v: &toml::Value) -> bool {
    match v {
        toml::Value::Table(_) => true,
        toml::Value::Array(a) => !a.is_empty() && a.iter().all(toml::Value::is_table),
        _ => false,
    }
}

/// An unknown top-level table as TOML writes one by default: its values,
/// then its tables, each after a blank line; a table of only tables has no
/// header of its own.
fn tail_item(v: &toml::Value) -> Item {
    match v {
        toml::Value::Table(t) => Item::Table(tail_table(t)),
        toml::Value::Array(a) if is_table_like(v) => {
            let mut out = ArrayOfTables::new();
            for t in a.iter().filter_map(toml::Value::as_table) {
                out.push(tail_table(t));
            }
            Item::ArrayOfTables(out)
        }
        other => Item::Value(value(other, Style::Toml)),
    }
}

fn tail_table(t: &toml::Table) -> Table {
    let mut out = Table::new();
    for (k, v) in t {
        out.insert(k, tail_item(v));
    }
    let only_tables = !t.is_empty() && t.values().all(is_table_like);
    out.set_implicit(only_tables);
    spaced(out)
}

/// A TOML basic string: one line, every control character escaped.
pub fn basic(s: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
