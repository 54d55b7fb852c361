//! Finding typed text in a paragraph the way a reader means it: case does
//! not matter, and a typed `'` or `"` matches the typographic quote marks
//! and apostrophes an article is set in.

use super::Paragraph;
use std::ops::Range;

/// One `char` to one `char`, so match offsets stay `char` offsets.
pub fn fold(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | 'ʼ' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A query ready to match: folded once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle(Vec<char>);

impl Needle {
    pub fn new(query: &str) -> Needle {
        Needle(query.chars().map(fold).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Every non-overlapping match in `p`, as `char` ranges, in order.
    pub fn find_all(&self, p: &Paragraph) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.scan(p, |r| {
            out.push(r);
            true
        });
        out
    }

    /// How many matches `p` holds.
    pub fn count(&self, p: &Paragraph) -> usize {
        let mut n = 0;
        self.scan(p, |_| {
            n += 1;
            true
        });
        n
    }

    /// Calls `f` with each match until it returns false. An ASCII
    /// paragraph is compared byte-wise without folding a copy, so a long
    /// article is scanned at memory speed.
    fn scan(&self, p: &Paragraph, mut f: impl FnMut(Range<usize>) -> bool) {
        let n = self.0.len();
        if n == 0 || p.char_len() < n {
            return;
        }
        let ascii_needle = self.0.iter().all(char::is_ascii);
        // An ASCII needle without quote marks can only match ASCII bytes
        // (the only folds that reach ASCII are the quote marks'), so any
        // paragraph is searched byte-wise.
        let quotes = self.0.iter().any(|c| matches!(c, '\'' | '"'));
        if p.text.is_ascii() || (ascii_needle && !quotes) {
            if !ascii_needle {
                return;
            }
            let needle: Vec<u8> = self.0.iter().map(|&c| c as u8).collect();
            let hay = p.text.as_bytes();
            let ascii = p.text.is_ascii();
            let mut i = 0;
            while i + n <= hay.len() {
                if hay[i].eq_ignore_ascii_case(&needle[0])
                    && hay[i..i + n].eq_ignore_ascii_case(&needle)
                {
                    let r = if ascii {
                        i..i + n
                    } else {
                        let start = p.char_of(i);
                        start..start + n
                    };
                    if !f(r) {
                        return;
                    }
                    i += n;
                } else {
                    i += 1;
                }
            }
            return;
        }
        let hay: Vec<char> = p.text.chars().map(fold).collect();
        let mut i = 0;
        while i + n <= hay.len() {
            if hay[i..i + n] == self.0[..] {
                if !f(i..i + n) {
                    return;
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }
}

/// Widens `r` to whole words: its start back to the start of the word it
/// cuts, its end on to the end of the word it cuts.
/// White space typed at either end of the query is left out, so a claim's
/// quote never starts or ends with a space.
pub fn widen_to_words(p: &Paragraph, r: Range<usize>) -> Range<usize> {
    let text = p.slice(r.start, r.end);
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    if lead + trail >= r.end - r.start {
        return r;
    }
    let r = r.start + lead..r.end - trail;
    let words = p.words();
    let start = words
        .iter()
        .find(|w| w.start <= r.start && r.start < w.end)
        .map_or(r.start, |w| w.start);
    let end = words
        .iter()
        .find(|w| w.start < r.end && r.end <= w.end)
        .map_or(r.end, |w| w.end);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Paragraph {
        Paragraph::new(s.into(), false)
    }

    #[test]
    fn case_and_typographic_quotes_fold() {
        let p = para("The “Botched” rollout’s cost. botched ROLLOUT");
        let n = Needle::new("botched\" rollout's");
        assert_eq!(n.find_all(&p), vec![5..23]);
        assert_eq!(Needle::new("botched").count(&p), 2);
        assert_eq!(Needle::new("BOTCHED ROLLOUT").find_all(&p), vec![30..45]);
    }

    #[test]
    fn ascii_queries_find_their_place_in_text_with_other_scripts() {
        let p = para("陈美玲 said the Crowds came; “the crowds” stayed");
        let n = Needle::new("the crowds");
        let found: Vec<&str> = n
            .find_all(&p)
            .iter()
            .map(|r| p.slice(r.start, r.end))
            .collect();
        assert_eq!(found, ["the Crowds", "the crowds"]);
        let q: Vec<&str> = Needle::new("\"the")
            .find_all(&p)
            .iter()
            .map(|r| p.slice(r.start, r.end))
            .collect();
        assert_eq!(q, ["“the"]);
    }

    #[test]
    fn widening_takes_whole_words() {
        let p = para("a botched rollout, again");
        let r = widen_to_words(&p, 4..8);
        assert_eq!(p.slice(r.start, r.end), "botched");
        let r = widen_to_words(&p, 2..11);
        assert_eq!(p.slice(r.start, r.end), "botched rollout");
        // "botched " typed with its space: the space is not taken.
        let r = widen_to_words(&p, 2..10);
        assert_eq!(p.slice(r.start, r.end), "botched");
    }
}
