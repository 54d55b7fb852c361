//! Names that could pass for another: "Alex Example" and "Аlex Example"
//! (a Cyrillic А) are two annotators that read as one, and a zero-width
//! space makes two names that look identical. Reports show such a name
//! with the odd characters escaped so the two can be told apart; `byline
//! check` warns. The file is never changed.

use std::borrow::Cow;
use std::fmt::Write as _;
use unicode_script::{Script, UnicodeScript};

/// Characters that show nothing (or only change their neighbours): zero
/// widths, joiners, soft hyphen, word joiners, variation selectors,
/// fillers, bidi marks and tags.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{e0000}'..='\u{e0fff}')
}

fn script(c: char) -> Option<Script> {
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    }
}

/// The script most letters of `word` are in, and whether another script
/// is there too.
fn main_script(word: &str) -> (Option<Script>, bool) {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for s in word.chars().filter_map(script) {
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    // Ties go to the first seen, so the mark is stable.
    let main = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (s, _))| *s);
    (main, counts.len() > 1)
}

/// Why `name` may pass for another name, if it may: a word whose letters
/// are of more than one script, or a character that shows nothing.
pub fn lookalike(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|&c| invisible(c)) {
        return Some(format!(
            "holds an invisible character (U+{:04X}), so it looks like a name without it",
            c as u32
        ));
    }
    for word in name.split_whitespace() {
        let (main, mixed) = main_script(word);
        if let (Some(main), true) = (main, mixed)
            && let Some(other) = word.chars().filter_map(script).find(|&s| s != main)
        {
            return Some(format!(
                "mixes {} and {} letters in {:?}, so it looks like another name",
                main.full_name(),
                other.full_name(),
                shown(word)
            ));
        }
    }
    None
}

/// `name` as a report shows it: unchanged when nothing in it can pass for
/// something else; else its invisible characters and the letters outside
/// each word's main script written `\u{…}`.
pub fn shown(name: &str) -> Cow<'_, str> {
    let odd = |c: char, main: Option<Script>| {
        invisible(c) || script(c).is_some_and(|s| main.is_some_and(|m| m != s))
    };
    let mut any = false;
    for word in name.split_whitespace() {
        let (main, _) = main_script(word);
        any |= word.chars().any(|c| odd(c, main));
    }
    any |= name.chars().any(invisible);
    if !any {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    // Words split at white space; invisible characters may stand anywhere.
    let mut word_main = None;
    let mut in_word = false;
    for (i, c) in name.char_indices() {
        if c.is_whitespace() {
            in_word = false;
            out.push(c);
            continue;
        }
        if !in_word {
            let rest = &name[i..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            word_main = main_script(&rest[..end]).0;
            in_word = true;
        }
        if odd(c, word_main) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cyrillic_letter_in_a_latin_name_is_shown_and_named() {
        assert_eq!(shown("Alex Example"), "Alex Example");
        assert_eq!(shown("\u{410}lex Example"), "\\u{410}lex Example");
        assert!(lookalike("Alex Example").is_none());
        let why = lookalike("\u{410}lex Example").unwrap();
        assert!(why.contains("Latin and Cyrillic"), "{why}");
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(shown("Alex\u{200b} Example"), "Alex\\u{200b} Example");
        assert!(lookalike("Al\u{200d}ex").unwrap().contains("U+200D"));
    }

    #[test]
    fn names_in_one_script_or_several_words_stay() {
        for ok in [
            "陈美玲",
            "Ji-ho Park",
            "Дмитрий Иванов",
            "陈美玲 Chen",
            "O'Brien-Smith",
            "José Ñúñez",
        ] {
            assert_eq!(shown(ok), ok);
            assert!(lookalike(ok).is_none(), "{ok}");
        }
    }
}
