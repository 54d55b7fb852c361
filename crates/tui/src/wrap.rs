//! Wrapping that remembers where each screen line comes from: selection and
//! highlights need the byte range of every line, which `Paragraph::wrap`
//! does not give back.

use std::ops::Range;
use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;

/// Byte ranges of `text`, one per screen line of at most `width` columns,
/// without the white space where a line was broken. CJK text breaks between
/// characters (Unicode line breaking, UAX #14).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let words: Vec<_> = WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .collect();
    let words = break_words(words, width);
    let base = text.as_ptr() as usize;
    let offset = |s: &str| s.as_ptr() as usize - base;
    let lines = wrap_first_fit(&words, &[width as f64]);
    let mut out: Vec<Range<usize>> = lines
        .iter()
        .filter_map(|line| {
            let first = line.first()?;
            let last = line.last()?;
            Some(offset(first.word)..offset(last.word) + last.word.len())
        })
        .collect();
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_ranges_and_drops_break_spaces() {
        assert_eq!(
            lines("The mayor said the vote would wait.", 12),
            ["The mayor", "said the", "vote would", "wait."]
        );
    }

    #[test]
    fn cjk_and_emoji_fit_the_width() {
        let text = "陈美玲说：欢迎大家来到温德米尔茶节。🍵👍🏽 great";
        for l in lines(text, 10) {
            assert!(l.width() <= 10, "{l:?}");
        }
        assert_eq!(
            lines(text, 10).concat().replace(' ', ""),
            text.replace(' ', "")
        );
    }

    #[test]
    fn long_words_are_broken() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
