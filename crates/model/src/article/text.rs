//! Paragraph text: offsets in Unicode scalar values, sentences and words by
//! UAX #29.

use std::ops::Range;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// One normalised paragraph. Offsets into it count `char`s, as Python does.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub text: String,
    /// A Markdown heading (or the title line of a plain article is not one:
    /// only Markdown marks headings).
    pub heading: bool,
    char_len: usize,
    /// For a long paragraph that is not ASCII: the byte offset of every
    /// [`CHECKPOINT`]-th character, so a char offset is found without
    /// walking the paragraph from its start (a claim in a 50 MB one-line
    /// article must not cost a scan per key).
    checkpoints: OnceLock<Vec<usize>>,
    /// For a long paragraph: its sentences, split once (UAX #29 over 50 MB
    /// takes a second, and every move asks for them).
    sentences: OnceLock<Vec<Range<usize>>>,
}

/// Paragraphs longer than this (bytes) keep the caches above; shorter ones
/// are cheap to scan and stay as small as their text.
pub const LONG_PARAGRAPH: usize = 64 * 1024;

/// Characters between two checkpoints.
const CHECKPOINT: usize = 4096;

/// Characters on each side of an offset that [`Paragraph::words_near`] looks at.
const WORD_WINDOW: usize = 4096;

impl PartialEq for Paragraph {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.heading == other.heading
    }
}

impl Eq for Paragraph {}

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
            checkpoints: OnceLock::new(),
            sentences: OnceLock::new(),
        }
    }

    /// Whether it reads as a heading: marked as one (Markdown, HTML), or in
    /// plain text a short line that ends in no sentence punctuation (a
    /// headline, a subheading). The lead and the screen ask this; the
    /// suggestion engine goes by [`Paragraph::heading`] alone.
    pub fn reads_as_heading(&self) -> bool {
        if self.heading {
            return true;
        }
        let t = self.text.trim_end();
        let ends = t
            .trim_end_matches(['”', '’', '"', '\'', ')', '»'])
            .ends_with(['.', '!', '?', ':', ';', ',', '…', '—', '-']);
        !ends
            && self.char_len <= 90
            && t.split_whitespace().count() <= 12
            && t.chars().any(char::is_alphabetic)
    }

    /// Length in `char`s.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    fn is_long(&self) -> bool {
        self.text.len() > LONG_PARAGRAPH
    }

    fn checkpoints(&self) -> &[usize] {
        self.checkpoints.get_or_init(|| {
            self.text
                .char_indices()
                .step_by(CHECKPOINT)
                .map(|(b, _)| b)
                .collect()
        })
    }

    /// Byte index of the `char` index `c` (clamped to the end).
    pub fn byte_of(&self, c: usize) -> usize {
        if self.is_ascii() {
            return c.min(self.text.len());
        }
        if c >= self.char_len {
            return self.text.len();
        }
        let (from_byte, skip) = if self.is_long() {
            let k = c / CHECKPOINT;
            (self.checkpoints()[k], c - k * CHECKPOINT)
        } else {
            (0, c)
        };
        self.text[from_byte..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(b, _)| from_byte + b)
    }

    /// `char` index of the byte index `b` (which must be a char boundary).
    pub fn char_of(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b.min(self.text.len());
        }
        let b = b.min(self.text.len());
        if self.is_long() {
            let points = self.checkpoints();
            let k = points.partition_point(|&p| p <= b).saturating_sub(1);
            let from = points.get(k).copied().unwrap_or(0);
            return k * CHECKPOINT + self.text[from..b].chars().count();
        }
        self.text[..b].chars().count()
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
        if self.is_long() {
            return self
                .sentences
                .get_or_init(|| self.split_sentences())
                .clone();
        }
        self.split_sentences()
    }

    fn split_sentences(&self) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for r in self
            .text
            .split_sentence_bound_indices()
            .filter_map(|(b, s)| trimmed_range(b, s))
        {
            // "Dr. Naomi Achebe-Ross said": a title's full stop ends no
            // sentence (UAX #29 cannot know).
            match ranges.last_mut() {
                Some(last) if ends_with_title(&self.text[last.clone()]) => last.end = r.end,
                _ => ranges.push(r),
            }
        }
        self.to_char_ranges(ranges.into_iter())
    }

    /// Words (UAX #29 words that hold a letter or digit) as `char` ranges.
    pub fn words(&self) -> Vec<Range<usize>> {
        let ranges = self
            .text
            .unicode_word_indices()
            .map(|(b, w)| b..b + w.len());
        self.to_char_ranges(ranges)
    }

    /// The byte window around the `char` offset `c` that word moves look
    /// at: all of a paragraph of ordinary length, a few thousand characters
    /// either side in a long one, cut at spaces, where no word or token
    /// boundary depends on what is beyond.
    fn window(&self, c: usize) -> (usize, usize) {
        if !self.is_long() {
            return (0, self.text.len());
        }
        let lo = self.byte_of(c.saturating_sub(WORD_WINDOW));
        let hi = self.byte_of(c.saturating_add(WORD_WINDOW));
        let lo = if lo == 0 {
            0
        } else {
            self.text[lo..hi].find(' ').map_or(lo, |i| lo + i + 1)
        };
        let hi = if hi == self.text.len() {
            hi
        } else {
            self.text[lo..hi].rfind(' ').map_or(hi, |i| lo + i)
        };
        (lo, hi)
    }

    /// The words of the bytes `lo..hi`, as `char` ranges of the paragraph.
    fn words_in(&self, lo: usize, hi: usize) -> Vec<Range<usize>> {
        let window = &self.text[lo..hi];
        let mut out = Vec::new();
        let mut chars = self.char_of(lo);
        let mut at = 0;
        for (b, w) in window.unicode_word_indices() {
            chars += window[at..b].chars().count();
            let start = chars;
            chars += w.chars().count();
            at = b + w.len();
            out.push(start..chars);
        }
        out
    }

    /// The words within a few thousand characters of the `char` offset
    /// `c`: all of [`Self::words`] for a paragraph of ordinary length, and
    /// only what a word move can reach in a long one.
    pub fn words_near(&self, c: usize) -> Vec<Range<usize>> {
        if !self.is_long() {
            return self.words();
        }
        let (lo, hi) = self.window(c);
        self.words_in(lo, hi)
    }

    /// Where a selection's start may stop, in `char` offsets: the start of
    /// each word, and before the punctuation or quote mark attached to a
    /// word (so a quotation can start at `We` or at `“We`).
    pub fn word_starts(&self) -> Vec<usize> {
        self.word_stops(true, 0, self.text.len())
    }

    /// Where a selection's end may stop: the end of each word, and after
    /// the punctuation or quote mark attached to it (`US` or `US”`).
    pub fn word_ends(&self) -> Vec<usize> {
        self.word_stops(false, 0, self.text.len())
    }

    /// [`Self::word_starts`] that a move from the `char` offset `c` can
    /// reach: in a long paragraph only those near `c` are found, so a key
    /// in a 50 MB paragraph does not split all of it.
    pub fn word_starts_near(&self, c: usize) -> Vec<usize> {
        let (lo, hi) = self.window(c);
        self.word_stops(true, lo, hi)
    }

    /// [`Self::word_ends`] near the `char` offset `c`, as above.
    pub fn word_ends_near(&self, c: usize) -> Vec<usize> {
        let (lo, hi) = self.window(c);
        self.word_stops(false, lo, hi)
    }

    /// Word edges, plus the edges of each white-space-delimited token that
    /// holds a word: the token's own edges are where attached punctuation
    /// begins or ends. Sorted, without repeats. Only the bytes `lo..hi`,
    /// which start and end at a token edge.
    fn word_stops(&self, starts: bool, lo: usize, hi: usize) -> Vec<usize> {
        let words = if lo == 0 && hi == self.text.len() {
            self.words()
        } else {
            self.words_in(lo, hi)
        };
        let mut stops = Vec::with_capacity(words.len() * 2);
        let mut at = self.char_of(lo); // char offset of the token being read
        let mut w = 0; // next word to look at
        for token in self.text[lo..hi].split(' ') {
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

/// Whether a sentence as UAX #29 cut it ends with a title or an initial
/// and its full stop ("Mr.", "Dr.", "St.", "J."), so the name goes on.
fn ends_with_title(s: &str) -> bool {
    s.strip_suffix('.')
        .and_then(|w| w.split_whitespace().next_back())
        .is_some_and(|w| is_abbreviation(w.trim_start_matches(['(', '"', '“', '‘', '\''])))
}

/// Whether a word is a title or initials whose full stop ends no sentence:
/// "Dr", "Dr.", "St.", "J.", "J.R.".
pub fn is_abbreviation(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
        "Capt", "Sgt", "Cpl", "Pte", "Adm", "Cmdr", "Insp", "Supt", "Det", "Rev", "Fr", "Hon",
        "Mt", "Ft", "Messrs", "Mme", "Mlle", "Sr", "Jr", "No", "Nos", "vs", "Cllr", "Pres",
    ];
    let word = word.strip_suffix('.').unwrap_or(word);
    // "J." and "J.R.": initials.
    let initials = !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    TITLES.contains(&word) || initials
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

/// A control character that is not white space (general category `Cc`
/// but tab, LF, VT, FF, CR and NEL): never text, and a terminal would obey
/// it (FORMAT.md, step 1).
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// The visible text of a Markdown or HTML block, after its character
/// references are decoded: stray controls dropped (`&#x1b;` decodes to
/// one), then `normalize_block`. Decoding comes first, so no reference
/// brings back what step 1 of FORMAT.md dropped.
pub fn normalize_decoded_block(s: &str) -> String {
    if s.chars().any(is_stray_control) {
        let kept: String = s.chars().filter(|&c| !is_stray_control(c)).collect();
        normalize_block(&kept)
    } else {
        normalize_block(s)
    }
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
    fn long_paragraphs_find_offsets_words_and_sentences_as_short_ones_do() {
        let unit = "陈美玲 said the tea 🍵 was fine. Then she left! ";
        let text: String = unit.repeat(4000).trim_end().to_owned();
        let long = Paragraph::new(text.clone(), false);
        assert!(long.is_long());
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for &c in &[
            0,
            1,
            4095,
            4096,
            4097,
            10_000,
            77_777,
            chars.len() - 1,
            chars.len(),
        ] {
            let want = chars.get(c).map_or(text.len(), |(b, _)| *b);
            assert_eq!(long.byte_of(c), want, "byte_of({c})");
            assert_eq!(long.char_of(want), c, "char_of({want})");
        }
        assert_eq!(long.sentences(), long.split_sentences());
        assert_eq!(long.sentences().len(), 8000);
        let all = long.words();
        let near = long.words_near(50_000);
        assert!(near.len() > 100 && near.len() < all.len());
        let first = all.iter().position(|w| *w == near[0]).unwrap();
        assert_eq!(&all[first..first + near.len()], &near[..]);
        assert!(
            near.iter()
                .any(|w| w.start <= 50_000 && 50_000 <= w.end + 10)
        );
        let ends = long.word_ends();
        let ends_near = long.word_ends_near(50_000);
        let first = ends.iter().position(|e| *e == ends_near[0]).unwrap();
        assert_eq!(&ends[first..first + ends_near.len()], &ends_near[..]);
        let starts = long.word_starts();
        let starts_near = long.word_starts_near(50_000);
        let first = starts.iter().position(|e| *e == starts_near[0]).unwrap();
        assert_eq!(&starts[first..first + starts_near.len()], &starts_near[..]);
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
