//! Paragraph text: offsets in Unicode scalar values, sentences and words by
//! UAX #29.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// One normalised paragraph. Offsets into it count `char`s, as Python does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// A Markdown heading (or the title line of a plain article is not one:
    /// only Markdown marks headings).
    pub heading: bool,
    char_len: usize,
}

impl Paragraph {
    pub fn new(text: String, heading: bool) -> Self {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        Paragraph {
            text,
            heading,
            char_len,
        }
    }

    /// Length in `char`s.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// Byte index of the `char` index `c` (clamped to the end).
    pub fn byte_of(&self, c: usize) -> usize {
        if self.is_ascii() {
            return c.min(self.text.len());
        }
        self.text
            .char_indices()
            .nth(c)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// `char` index of the byte index `b` (which must be a char boundary).
    pub fn char_of(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b.min(self.text.len());
        }
        self.text[..b.min(self.text.len())].chars().count()
    }

    /// The text between two `char` offsets, clamped to the paragraph.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.char_len);
        let start = start.min(end);
        let b0 = self.byte_of(start);
        let b1 = b0 + byte_len_of_chars(&self.text[b0..], end - start);
        &self.text[b0..b1]
    }

    /// Sentences (UAX #29) as `char` ranges, without the white space around
    /// them, so a claim's quote never starts or ends with a space.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        let ranges = self
            .text
            .split_sentence_bound_indices()
            .filter_map(|(b, s)| trimmed_range(b, s));
        self.to_char_ranges(ranges)
    }

    /// Words (UAX #29 words that hold a letter or digit) as `char` ranges.
    pub fn words(&self) -> Vec<Range<usize>> {
        let ranges = self
            .text
            .unicode_word_indices()
            .map(|(b, w)| b..b + w.len());
        self.to_char_ranges(ranges)
    }

    /// Where a selection's start may stop, in `char` offsets: the start of
    /// each word, and before the punctuation or quote mark attached to a
    /// word (so a quotation can start at `We` or at `“We`).
    pub fn word_starts(&self) -> Vec<usize> {
        self.word_stops(true)
    }

    /// Where a selection's end may stop: the end of each word, and after
    /// the punctuation or quote mark attached to it (`US` or `US”`).
    pub fn word_ends(&self) -> Vec<usize> {
        self.word_stops(false)
    }

    /// Word edges, plus the edges of each white-space-delimited token that
    /// holds a word: the token's own edges are where attached punctuation
    /// begins or ends. Sorted, without repeats.
    fn word_stops(&self, starts: bool) -> Vec<usize> {
        let words = self.words();
        let mut stops = Vec::with_capacity(words.len() * 2);
        let mut at = 0; // char offset of the token being read
        let mut w = 0; // next word to look at
        for token in self.text.split(' ') {
            let len = if token.is_ascii() {
                token.len()
            } else {
                token.chars().count()
            };
            let end = at + len;
            let first = w;
            while w < words.len() && words[w].start < end {
                let r = &words[w];
                stops.push(if starts { r.start } else { r.end });
                w += 1;
            }
            if w > first {
                stops.push(if starts { at } else { end });
            }
            at = end + 1;
        }
        stops.sort_unstable();
        stops.dedup();
        stops
    }

    fn to_char_ranges(&self, ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
        if self.is_ascii() {
            return ranges.collect();
        }
        // Ranges arrive in order, so one forward walk converts them all.
        let mut out = Vec::new();
        let mut chars = 0;
        let mut at = 0;
        for r in ranges {
            chars += self.text[at..r.start].chars().count();
            let start = chars;
            chars += self.text[r.start..r.end].chars().count();
            at = r.end;
            out.push(start..chars);
        }
        out
    }
}

fn trimmed_range(b: usize, s: &str) -> Option<Range<usize>> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    let lead = s.len() - s.trim_start().len();
    Some(b + lead..b + lead + t.len())
}

fn byte_len_of_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

/// Collapses every run of white space (Unicode `White_Space`, as Python's
/// `str.split()`) to one space and trims the ends.
pub fn normalize_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `normalize_block` over many blocks, on every core: a 12 MB article
/// should not wait on one.
pub fn normalize_blocks(text: &str, blocks: Vec<Range<usize>>) -> Vec<String> {
    let threads = if text.len() < 1 << 20 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    if threads < 2 {
        return blocks
            .into_iter()
            .map(|r| normalize_block(&text[r]))
            .collect();
    }
    let per = blocks.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = blocks
            .chunks(per.max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|r| normalize_block(&text[r.clone()]))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Splits plain text (already LF and NFC) into paragraphs: blocks separated
/// by blank lines, or every non-empty line when the text has no blank line.
pub fn split_plain(text: &str) -> Vec<String> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut blank_between = false;
    let mut at = 0;
    for line in text.split('\n') {
        let r = at..at + line.len();
        at = r.end + 1;
        if line.trim().is_empty() {
            if let Some(b) = open.take() {
                blocks.push(b);
            }
        } else {
            if open.is_none() && !blocks.is_empty() {
                blank_between = true;
            }
            open = Some(open.map_or(r.clone(), |b| b.start..r.end));
            lines.push(r);
        }
    }
    blocks.extend(open);
    let chosen = if blank_between { blocks } else { lines };
    let mut out = normalize_blocks(text, chosen);
    out.retain(|p| !p.is_empty());
    out
}

/// Lowercase ASCII letters, digits and `-`; every other run becomes one `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_trimmed_char_ranges() {
        let p = Paragraph::new("Café opened. “Great,” she said! Next one".into(), false);
        let s: Vec<&str> = p
            .sentences()
            .iter()
            .map(|r| p.slice(r.start, r.end))
            .collect();
        assert_eq!(s, ["Café opened.", "“Great,” she said!", "Next one"]);
        assert_eq!(p.sentences()[1], 13..31);
    }

    #[test]
    fn words_skip_punctuation() {
        let p = Paragraph::new("陈美玲 said: “hi, 🍵 you”.".into(), false);
        let w: Vec<&str> = p.words().iter().map(|r| p.slice(r.start, r.end)).collect();
        assert_eq!(w, ["陈", "美", "玲", "said", "hi", "you"]);
    }

    #[test]
    fn word_stops_on_both_sides_of_attached_punctuation() {
        let p = Paragraph::new("“We agree,” she said of the US” Major".into(), false);
        let at = |stops: Vec<usize>| -> Vec<String> {
            stops.iter().map(|&s| p.slice(0, s).to_owned()).collect()
        };
        let ends = at(p.word_ends());
        assert!(ends.contains(&"“We".to_owned()));
        assert!(ends.contains(&"“We agree".to_owned()));
        assert!(ends.contains(&"“We agree,”".to_owned()));
        assert!(ends.iter().any(|e| e.ends_with("the US")));
        assert!(ends.iter().any(|e| e.ends_with("the US”")));
        let starts: Vec<&str> = p.word_starts().iter().map(|&s| p.slice(s, s + 3)).collect();
        assert_eq!(starts[..3], ["“We", "We ", "agr"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Harbor Council (draft)"), "harbor-council-draft");
        assert_eq!(slugify("--Ünïcode__name--"), "n-code-name");
        assert_eq!(slugify("Alex Example"), "alex-example");
    }

    #[test]
    fn plain_split_blank_lines_and_single_lines() {
        assert_eq!(split_plain("a\nb\n\n\n c  d \n"), ["a b", "c d"]);
        assert_eq!(split_plain("one\ntwo\n\nthree"), ["one two", "three"]);
        assert_eq!(split_plain("one\ntwo\n  \nthree\n"), ["one two", "three"]);
        assert_eq!(split_plain("\none\ntwo\n"), ["one", "two"]);
        assert_eq!(normalize_block(" a\u{3000}b \u{b}c\u{a0}d\t"), "a b c d");
    }
}
