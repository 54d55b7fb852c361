//! Where a span is: which paragraph, and which characters of it.
//!
//! A paragraph is counted one way in the program, from 0 ([`Para`] is an
//! index into [`Article::paragraphs`](crate::article::Article)), and one
//! way wherever a person or a file sees it, from 1: the file's and the
//! JSON's `paragraph = 3`, the screen's "¶ 3". Only serde and
//! [`Display`](fmt::Display) (and `Debug`, so test output reads as the
//! files do) turn one into the other; everywhere else a `+ 1` or a `- 1`
//! on a paragraph is a move ([`Para::next`], [`Para::prev`]), never a
//! conversion.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A paragraph of an article, by its 0-based index. Shown and stored as
/// its 1-based number.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Para(usize);

impl Para {
    /// The article's first paragraph.
    pub const FIRST: Para = Para(0);

    /// The paragraph at `index` in the article's paragraphs.
    pub const fn from_index(index: usize) -> Para {
        Para(index)
    }

    /// The paragraph a file, the JSON or a person calls number `n`
    /// (counted from 1); `None` for 0, which names no paragraph.
    pub const fn from_number(n: usize) -> Option<Para> {
        match n.checked_sub(1) {
            Some(i) => Some(Para(i)),
            None => None,
        }
    }

    /// Its index in the article's paragraphs, from 0.
    pub const fn index(self) -> usize {
        self.0
    }

    /// Its number as shown and stored, from 1.
    pub const fn number(self) -> usize {
        self.0 + 1
    }

    /// The paragraph after this one (saturating; the caller bounds it by
    /// the article).
    pub const fn next(self) -> Para {
        Para(self.0.saturating_add(1))
    }

    /// The paragraph before this one; the first stays the first.
    pub const fn prev(self) -> Para {
        Para(self.0.saturating_sub(1))
    }

    /// How many paragraphs apart the two are.
    pub const fn distance(self, o: Para) -> usize {
        self.0.abs_diff(o.0)
    }

    /// The last paragraph of an article of `len` paragraphs (the first if
    /// there are none).
    pub const fn last_of(len: usize) -> Para {
        Para(len.saturating_sub(1))
    }

    /// This paragraph, or the last of an article of `len` paragraphs if it
    /// is past them (the first if there are none).
    pub fn clamp_to(self, len: usize) -> Para {
        self.min(Para::last_of(len))
    }

    /// Every paragraph of an article of `len` paragraphs, in order.
    pub fn all(len: usize) -> impl DoubleEndedIterator<Item = Para> + ExactSizeIterator {
        (0..len).map(Para)
    }
}

impl fmt::Display for Para {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.number(), f)
    }
}

/// The 1-based number, as the files and every message show it.
impl fmt::Debug for Para {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.number(), f)
    }
}

/// Written as its 1-based number.
impl Serialize for Para {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.number().serialize(s)
    }
}

/// Read from its 1-based number; 0 is refused.
impl<'de> Deserialize<'de> for Para {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Para, D::Error> {
        let n = usize::deserialize(d)?;
        Para::from_number(n)
            .ok_or_else(|| serde::de::Error::custom("paragraph 0: paragraphs count from 1"))
    }
}

/// A span of one paragraph: `char` offsets into the normalised paragraph,
/// `end` exclusive. Ordered by paragraph, then start, then end. Written as
/// a claim's keys are, `paragraph` (its number), `start` and `end`; a
/// struct that holds one writes them among its own keys with
/// `#[serde(flatten)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Loc {
    #[serde(rename = "paragraph")]
    pub para: Para,
    pub start: usize,
    pub end: usize,
}

impl Loc {
    pub const fn new(para: Para, start: usize, end: usize) -> Loc {
        Loc { para, start, end }
    }

    /// The characters `r` of paragraph `para`.
    pub fn in_para(para: Para, r: std::ops::Range<usize>) -> Loc {
        Loc::new(para, r.start, r.end)
    }

    /// How many characters the span holds (`end` is never before `start`).
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span holds no character.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share a character.
    pub fn overlaps(&self, o: &Loc) -> bool {
        self.para == o.para && self.start < o.end && o.start < self.end
    }

    /// How many characters the two spans share (none in different
    /// paragraphs).
    pub fn shared(&self, o: &Loc) -> usize {
        if self.para != o.para {
            return 0;
        }
        self.end.min(o.end).saturating_sub(self.start.max(o.start))
    }

    /// Whether `o` lies within this span.
    pub fn contains(&self, o: &Loc) -> bool {
        self.para == o.para && self.start <= o.start && o.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_from_one_and_indexes_from_zero() {
        let p = Para::from_index(2);
        assert_eq!(p.number(), 3);
        assert_eq!(p.to_string(), "3");
        assert_eq!(format!("{p:?}"), "3");
        assert_eq!(Para::from_number(3), Some(p));
        assert_eq!(Para::from_number(0), None);
        assert_eq!(Para::FIRST.prev(), Para::FIRST);
        assert_eq!(p.next().index(), 3);
        assert_eq!(Para::from_index(9).clamp_to(4).index(), 3);
        assert_eq!(Para::from_index(9).clamp_to(0), Para::FIRST);
    }

    #[test]
    fn a_loc_is_written_with_a_claims_keys() {
        let at = Loc::new(Para::from_index(2), 4, 9);
        assert_eq!(
            serde_json::to_string(&at).unwrap(),
            r#"{"paragraph":3,"start":4,"end":9}"#
        );
    }

    #[test]
    fn serde_is_the_number() {
        assert_eq!(serde_json::to_string(&Para::from_index(0)).unwrap(), "1");
        let p: Para = serde_json::from_str("4").unwrap();
        assert_eq!(p.index(), 3);
        assert!(serde_json::from_str::<Para>("0").is_err());
    }
}
