//! Offsets into a text as another tool stored it (a brat `.txt` with
//! single line breaks and double spaces, a file not in NFC) carried over
//! to the article's normalised paragraphs joined by `"\n\n"`. The two
//! texts are walked side by side: equal characters pair up, a run of white
//! space pairs with the joined text's run (one space or the paragraph
//! break) or with nothing (white space dropped at a paragraph's ends),
//! dropped control characters pair with nothing, and a few characters
//! that NFC composes pair with the one they became.

use unicode_normalization::UnicodeNormalization;

/// For every character of the raw text (and one past its end), the joined
/// offset it lands on.
pub struct Aligned {
    map: Vec<usize>,
    /// Whether each raw character is white space or was dropped.
    blank: Vec<bool>,
}

fn dropped(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

impl Aligned {
    /// `None` when the texts are not the same text normalised.
    pub fn new(raw: &str, joined: &str) -> Option<Aligned> {
        let r: Vec<char> = raw.chars().collect();
        let j: Vec<char> = joined.chars().collect();
        let mut map = Vec::with_capacity(r.len() + 1);
        let mut blank = Vec::with_capacity(r.len());
        let (mut i, mut k) = (0, 0);
        while i < r.len() {
            let c = r[i];
            if c.is_whitespace() || dropped(c) {
                if c.is_whitespace() && k < j.len() && j[k].is_whitespace() {
                    // The run of white space (and dropped characters) pairs
                    // with the joined text's run.
                    while i < r.len() && (r[i].is_whitespace() || dropped(r[i])) {
                        map.push(k);
                        blank.push(true);
                        i += 1;
                    }
                    while k < j.len() && j[k].is_whitespace() {
                        k += 1;
                    }
                } else {
                    map.push(k);
                    blank.push(true);
                    i += 1;
                }
                continue;
            }
            if k < j.len() && c == j[k] {
                map.push(k);
                blank.push(false);
                i += 1;
                k += 1;
                continue;
            }
            // NFC: a few raw characters became fewer (or other) ones.
            let mut paired = false;
            for n in 1..=4.min(r.len() - i) {
                let composed: Vec<char> = r[i..i + n].iter().collect::<String>().nfc().collect();
                if !composed.is_empty() && j.get(k..k + composed.len()) == Some(&composed[..]) {
                    for t in 0..n {
                        map.push(k + t.min(composed.len() - 1));
                        blank.push(false);
                    }
                    i += n;
                    k += composed.len();
                    paired = true;
                    break;
                }
            }
            if !paired {
                return None;
            }
        }
        if j[k..].iter().any(|c| !c.is_whitespace()) {
            return None;
        }
        map.push(j.len());
        Some(Aligned { map, blank })
    }

    /// The joined range of raw range `a..b` (`b` exclusive), white space at
    /// its ends left out; `None` when it holds no text.
    pub fn range(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let b = b.min(self.blank.len());
        let first = (a..b).find(|&i| !self.blank[i])?;
        let last = (a..b).rev().find(|&i| !self.blank[i])?;
        Some((self.map[first], self.map[last] + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_spaces_and_nfc_are_walked_over() {
        let raw = "  Title\n\nOne  said\nso.\n\n\n Cafe\u{301} opened.\n";
        let joined = "Title\n\nOne said so.\n\nCafé opened.";
        let a = Aligned::new(raw, joined).unwrap();
        let j: Vec<char> = joined.chars().collect();
        let r: Vec<char> = raw.chars().collect();
        let find = |s: &str| {
            let rs: String = r.iter().collect();
            let b = rs.find(s).unwrap();
            let start = rs[..b].chars().count();
            (start, start + s.chars().count())
        };
        let (s, e) = find("said\nso.");
        let (x, y) = a.range(s, e).unwrap();
        assert_eq!(j[x..y].iter().collect::<String>(), "said so.");
        let (s, e) = find("Cafe\u{301}");
        let (x, y) = a.range(s, e).unwrap();
        assert_eq!(j[x..y].iter().collect::<String>(), "Café");
        // A span with a space at an end loses it.
        let (s, e) = find(" opened.\n");
        let (x, y) = a.range(s, e).unwrap();
        assert_eq!(j[x..y].iter().collect::<String>(), "opened.");
        assert!(Aligned::new("One said so.", "One said no.").is_none());
        assert!(Aligned::new("One", "One two").is_none());
    }
}
