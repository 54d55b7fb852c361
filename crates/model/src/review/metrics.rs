//! Agreement statistics exactly as the textbooks define them, with no
//! knowledge of articles or claims. Labels are small category indices; a
//! coder who left a unit unlabelled gives `None`.
//!
//! Everything is counted in integers and divided once at the end, so the
//! figures match the reference implementations to the last digit.

use crate::loc::{Loc, Para};
use std::collections::BTreeMap;

/// Nominal Krippendorff's alpha, accumulated one unit at a time.
///
/// General form (Krippendorff 2011, "Computing Krippendorff's
/// alpha-reliability"): a unit's `m_u` labels contribute every ordered pair
/// of them to the coincidence matrix with weight `1 / (m_u - 1)`; units with
/// fewer than two labels are not pairable and contribute nothing. Then
///
/// ```text
/// alpha = 1 - (n - 1) * (n - Σ_c o_cc) / (n² - Σ_c n_c²)
/// ```
///
/// where `n_c` is the number of pairable values `c` and `n = Σ n_c`.
#[derive(Debug, Clone, Default)]
pub struct Alpha {
    /// `n_c`: pairable values per category.
    totals: Vec<u64>,
    /// For each `m_u`, Σ over its units of Σ_c count_c·(count_c − 1): the
    /// ordered same-category pairs, still to be divided by `m_u − 1`.
    same_pairs: BTreeMap<u64, u128>,
    /// Reused per unit so adding a unit does not allocate.
    scratch: Vec<u64>,
}

impl Alpha {
    pub fn new() -> Self {
        Alpha::default()
    }

    /// Adds one unit: the labels every coder gave it.
    pub fn add_unit(&mut self, labels: impl IntoIterator<Item = Option<usize>>) {
        self.scratch.iter_mut().for_each(|c| *c = 0);
        let mut m = 0u64;
        for c in labels.into_iter().flatten() {
            if c >= self.scratch.len() {
                self.scratch.resize(c + 1, 0);
            }
            self.scratch[c] += 1;
            m += 1;
        }
        if m < 2 {
            return;
        }
        if self.totals.len() < self.scratch.len() {
            self.totals.resize(self.scratch.len(), 0);
        }
        let mut same = 0u128;
        for (c, &k) in self.scratch.iter().enumerate() {
            self.totals[c] += k;
            same += u128::from(k) * u128::from(k.saturating_sub(1));
        }
        *self.same_pairs.entry(m).or_insert(0) += same;
    }

    /// `n`: the number of pairable values.
    pub fn pairable(&self) -> u64 {
        self.totals.iter().sum()
    }

    /// Alpha, or `None` when it is undefined: no pairable values, or all of
    /// them in one category (no expected disagreement to compare with).
    pub fn value(&self) -> Option<f64> {
        let n = u128::from(self.pairable());
        let sum_sq: u128 = self
            .totals
            .iter()
            .map(|&c| u128::from(c) * u128::from(c))
            .sum();
        let expected = n * n - sum_sq;
        if n < 2 || expected == 0 {
            return None;
        }
        let diagonal: f64 = self
            .same_pairs
            .iter()
            .map(|(&m, &pairs)| pairs as f64 / (m - 1) as f64)
            .sum();
        let observed = n as f64 - diagonal;
        Some(1.0 - (n - 1) as f64 * observed / expected as f64)
    }
}

/// Nominal alpha of a reliability matrix: one row per coder, one column per
/// unit.
pub fn krippendorff_alpha(rows: &[Vec<Option<usize>>]) -> Option<f64> {
    let units = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut alpha = Alpha::new();
    for u in 0..units {
        alpha.add_unit(rows.iter().map(|r| r.get(u).copied().flatten()));
    }
    alpha.value()
}

/// A confusion matrix of two coders over the same units: `counts[a][b]` is
/// how many units coder A labelled `a` and coder B labelled `b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusion {
    pub counts: Vec<Vec<u64>>,
}

impl Confusion {
    pub fn new(categories: usize) -> Self {
        Confusion {
            counts: vec![vec![0; categories]; categories],
        }
    }

    pub fn add(&mut self, a: usize, b: usize) {
        self.counts[a][b] += 1;
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().flatten().sum()
    }

    /// Cohen's kappa: `(p_o − p_e) / (1 − p_e)`, computed as
    /// `(N·agreed − Σ a_c·b_c) / (N² − Σ a_c·b_c)` in integers. `None` when
    /// undefined (no units, or both coders used one and the same label
    /// throughout).
    pub fn cohen_kappa(&self) -> Option<f64> {
        let k = self.counts.len();
        let n = i128::from(self.total());
        let agreed: i128 = (0..k).map(|c| i128::from(self.counts[c][c])).sum();
        let chance: i128 = (0..k)
            .map(|c| {
                let a: u64 = self.counts[c].iter().sum();
                let b: u64 = self.counts.iter().map(|row| row[c]).sum();
                i128::from(a) * i128::from(b)
            })
            .sum();
        let denominator = n * n - chance;
        if n == 0 || denominator == 0 {
            return None;
        }
        Some((n * agreed - chance) as f64 / denominator as f64)
    }
}

/// Cohen's kappa of two label sequences over the same units.
pub fn cohen_kappa(a: &[usize], b: &[usize]) -> Option<f64> {
    let k = a.iter().chain(b).max().map_or(0, |m| m + 1);
    let mut m = Confusion::new(k);
    for (&x, &y) in a.iter().zip(b) {
        m.add(x, y);
    }
    m.cohen_kappa()
}

/// A labelled span: what span F1 compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelledSpan {
    pub at: Loc,
    pub label: usize,
}

/// How two coders' spans match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanMatch {
    pub a: usize,
    pub b: usize,
    /// Pairs equal in paragraph, start, end and label, matched one-to-one.
    pub exact: usize,
    /// Pairs with the same label and overlapping ranges, matched one-to-one
    /// by largest overlap.
    pub overlap: usize,
}

impl std::ops::AddAssign for SpanMatch {
    /// Counts of several texts summed, as one text's would be.
    fn add_assign(&mut self, o: SpanMatch) {
        self.a += o.a;
        self.b += o.b;
        self.exact += o.exact;
        self.overlap += o.overlap;
    }
}

impl SpanMatch {
    /// `2·exact / (a + b)`; `None` when neither coder marked anything.
    pub fn f1_exact(&self) -> Option<f64> {
        f1(self.exact, self.a + self.b)
    }

    pub fn f1_overlap(&self) -> Option<f64> {
        f1(self.overlap, self.a + self.b)
    }
}

fn f1(matches: usize, claims: usize) -> Option<f64> {
    (claims > 0).then(|| 2.0 * matches as f64 / claims as f64)
}

/// Matches two coders' spans, exactly and by overlap.
pub fn match_spans(a: &[LabelledSpan], b: &[LabelledSpan]) -> SpanMatch {
    let mut remaining: BTreeMap<LabelledSpan, usize> = BTreeMap::new();
    for s in b {
        *remaining.entry(*s).or_insert(0) += 1;
    }
    let mut exact = 0;
    for s in a {
        if let Some(n) = remaining.get_mut(s).filter(|n| **n > 0) {
            *n -= 1;
            exact += 1;
        }
    }
    SpanMatch {
        a: a.len(),
        b: b.len(),
        exact,
        overlap: overlap_pairs(a, b, |x, y| x.label == y.label).len(),
    }
}

/// Candidate pairs held at once by [`overlap_pairs`]: 24 bytes each, so
/// about 25 MB however many claims overlap.
const PAIR_BATCH: usize = 1 << 20;

/// One-to-one pairs `(i, j)` of overlapping spans that `compatible` allows,
/// chosen greedily by largest overlap (ties: earlier `i`, then earlier
/// `j`), so the result does not depend on anything but the spans.
pub fn overlap_pairs(
    a: &[LabelledSpan],
    b: &[LabelledSpan],
    compatible: impl Fn(&LabelledSpan, &LabelledSpan) -> bool,
) -> Vec<(usize, usize)> {
    overlap_pairs_batched(a, b, compatible, PAIR_BATCH)
}

/// [`overlap_pairs`], holding at most `batch` candidates at once: each pass
/// keeps the best `batch` candidates after the last one taken (among spans
/// still free) and takes them in order, so memory stays bounded when every
/// claim overlaps every other and the pairs are those of one global sort.
fn overlap_pairs_batched(
    a: &[LabelledSpan],
    b: &[LabelledSpan],
    compatible: impl Fn(&LabelledSpan, &LabelledSpan) -> bool,
    batch: usize,
) -> Vec<(usize, usize)> {
    type Key = (std::cmp::Reverse<usize>, usize, usize);
    let batch = batch.max(1);
    let mut by_paragraph: BTreeMap<Para, Vec<usize>> = BTreeMap::new();
    for (j, s) in b.iter().enumerate() {
        by_paragraph.entry(s.at.para).or_default().push(j);
    }
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut out = Vec::new();
    let mut after: Option<Key> = None;
    loop {
        // The `batch` smallest keys (best first) past `after`.
        let mut best: std::collections::BinaryHeap<Key> = std::collections::BinaryHeap::new();
        for (i, x) in a.iter().enumerate() {
            if used_a[i] {
                continue;
            }
            for &j in by_paragraph.get(&x.at.para).into_iter().flatten() {
                if used_b[j] {
                    continue;
                }
                let o = x.at.shared(&b[j].at);
                let key = (std::cmp::Reverse(o), i, j);
                if o == 0 || after.is_some_and(|k| key <= k) {
                    continue;
                }
                if best.len() == batch && best.peek().is_some_and(|top| key >= *top) {
                    continue;
                }
                if !compatible(x, &b[j]) {
                    continue;
                }
                best.push(key);
                if best.len() > batch {
                    best.pop();
                }
            }
        }
        let full = best.len() == batch;
        let sorted = best.into_sorted_vec();
        after = sorted.last().copied();
        for (_, i, j) in sorted {
            if !used_a[i] && !used_b[j] {
                used_a[i] = true;
                used_b[j] = true;
                out.push((i, j));
            }
        }
        if !full {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batched_pairs_are_the_pairs_of_one_global_sort() {
        // Small batches force many passes; the pairs must not change.
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut spans = move |n: usize| -> Vec<LabelledSpan> {
            (0..n)
                .map(|_| {
                    let start = next(40);
                    LabelledSpan {
                        at: Loc::new(Para::from_index(next(2)), start, start + 1 + next(20)),
                        label: next(3),
                    }
                })
                .collect()
        };
        for round in 0..50 {
            let (a, b) = (spans(1 + round % 16), spans(1 + (round * 7) % 16));
            let same = |x: &LabelledSpan, y: &LabelledSpan| x.label == y.label;
            let whole = overlap_pairs_batched(&a, &b, same, usize::MAX);
            for batch in [1, 4, 50] {
                assert_eq!(
                    overlap_pairs_batched(&a, &b, same, batch),
                    whole,
                    "batch {batch}"
                );
            }
        }
    }

    // Krippendorff's published reliability-data example (0.743) is
    // checked in tests/it/agree.rs.

    #[test]
    fn undefined_cases() {
        assert_eq!(
            krippendorff_alpha(&[vec![Some(1), Some(1)], vec![Some(1), Some(1)]]),
            None
        );
        assert_eq!(krippendorff_alpha(&[vec![Some(1)], vec![None]]), None);
        assert_eq!(cohen_kappa(&[0, 0], &[0, 0]), None);
        assert_eq!(cohen_kappa(&[], &[]), None);
    }

    #[test]
    fn kappa_textbook() {
        // Cohen (1960)-style table: 20 yes/yes, 15 no/no, 5 and 10 off.
        let mut a = vec![1; 20];
        let mut b = vec![1; 20];
        a.extend([0; 15]);
        b.extend([0; 15]);
        a.extend([1; 5]);
        b.extend([0; 5]);
        a.extend([0; 10]);
        b.extend([1; 10]);
        // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5 → 0.4
        assert!((cohen_kappa(&a, &b).unwrap() - 0.4).abs() < 1e-15);
    }

    /// A span in paragraph number `n`.
    fn sp(n: usize, start: usize, end: usize, label: usize) -> LabelledSpan {
        LabelledSpan {
            at: Loc::new(Para::from_number(n).unwrap(), start, end),
            label,
        }
    }

    #[test]
    fn span_matching_is_one_to_one_by_largest_overlap() {
        let a = [sp(1, 0, 10, 1), sp(1, 12, 20, 1), sp(2, 0, 5, 2)];
        let b = [sp(1, 5, 15, 1), sp(1, 0, 10, 1), sp(2, 0, 5, 3)];
        let m = match_spans(&a, &b);
        assert_eq!(m.exact, 1);
        // a0 takes b1 (overlap 10); a1 takes b0 (overlap 3); a2 has no
        // same-kind partner.
        assert_eq!(m.overlap, 2);
        assert_eq!(m.f1_exact(), Some(2.0 / 6.0));
        assert_eq!(m.f1_overlap(), Some(4.0 / 6.0));
        assert_eq!(match_spans(&[], &[]).f1_exact(), None);
        // Duplicates match only once each.
        let m = match_spans(&[sp(1, 0, 3, 1), sp(1, 0, 3, 1)], &[sp(1, 0, 3, 1)]);
        assert_eq!((m.exact, m.overlap), (1, 1));
    }
}

/// Krippendorff's unitizing alpha (uα) for one category, from Krippendorff
/// (2004), *Content Analysis*, 2nd ed., section 12.4: every coder splits a
/// continuum of `length` positions into units of the category and the gaps
/// between them. Units are `(begin, length)` per coder, already free of
/// overlaps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unitizing {
    /// Observed disagreement `uD_o`.
    pub observed: f64,
    /// Expected disagreement `uD_e`; zero when no coder marked any unit.
    pub expected: f64,
    /// `1 − uD_o / uD_e`; `None` when undefined (no units at all).
    pub alpha: Option<f64>,
}

/// A unit (`true`) or a gap of one coder's continuum.
#[derive(Debug, Clone, Copy)]
struct Segment {
    begin: u64,
    len: u64,
    unit: bool,
}

fn segments(length: u64, units: &[(u64, u64)]) -> Vec<Segment> {
    let mut units = units.to_vec();
    units.sort_unstable();
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut at = 0;
    for (b, l) in units {
        if b > at {
            out.push(Segment {
                begin: at,
                len: b - at,
                unit: false,
            });
        }
        out.push(Segment {
            begin: b,
            len: l,
            unit: true,
        });
        at = b + l;
    }
    if at < length {
        out.push(Segment {
            begin: at,
            len: length - at,
            unit: false,
        });
    }
    out
}

/// The squared distance `δ²(g, h)` between two coders' segments.
fn distance(g: &Segment, h: &Segment) -> u128 {
    let (bg, lg, bh, lh) = (
        i128::from(g.begin),
        i128::from(g.len),
        i128::from(h.begin),
        i128::from(h.len),
    );
    let d = bg - bh;
    let value = match (g.unit, h.unit) {
        // Overlapping units: how far their beginnings and ends lie apart.
        (true, true) if -lg < d && d < lh => d * d + (d + lg - lh) * (d + lg - lh),
        // A unit inside the other coder's gap counts its whole length.
        (true, false) if d >= 0 && d <= lh - lg => lg * lg,
        (false, true) if -d >= 0 && -d <= lg - lh => lh * lh,
        _ => 0,
    };
    value as u128
}

/// Unitizing alpha of one category over coders' units on `[0, length)`.
pub fn unitizing_alpha(length: u64, coders: &[Vec<(u64, u64)>]) -> Unitizing {
    let m = coders.len() as u128;
    let l = u128::from(length);
    let segs: Vec<Vec<Segment>> = coders.iter().map(|u| segments(length, u)).collect();
    // Σ over ordered coder pairs of Σ δ²: the sum over unordered pairs, twice.
    let mut observed_sum: u128 = 0;
    for i in 0..segs.len() {
        for j in i + 1..segs.len() {
            for g in &segs[i] {
                for h in segs[j]
                    .iter()
                    .filter(|h| h.begin < g.begin + g.len && g.begin < h.begin + h.len)
                {
                    observed_sum += 2 * distance(g, h);
                }
            }
        }
    }
    let units: Vec<u128> = segs
        .iter()
        .flatten()
        .filter(|s| s.unit)
        .map(|s| u128::from(s.len))
        .collect();
    let mut gaps: Vec<u128> = segs
        .iter()
        .flatten()
        .filter(|s| !s.unit)
        .map(|s| u128::from(s.len))
        .collect();
    gaps.sort_unstable();
    let n_c = units.len() as u128;
    // 3 × Σ_g [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps h ≥ l} (l_h − l + 1) ]
    let mut spread: u128 = 0;
    for &lg in &units {
        let fits: u128 = gaps
            .iter()
            .filter(|&&lh| lh >= lg)
            .map(|&lh| lh - lg + 1)
            .sum();
        spread += (n_c - 1) * (2 * lg * lg * lg + lg - 3 * lg * lg) + 3 * lg * lg * fits;
    }
    let pairs =
        m * l * (m * l).saturating_sub(1) - units.iter().map(|&u| u * (u - 1)).sum::<u128>();
    // uD_o = Σ / (m(m−1)L²); uD_e = 2·spread / (3·L·pairs).
    let observed = if m < 2 || l == 0 {
        0.0
    } else {
        observed_sum as f64 / (m * (m - 1) * l * l) as f64
    };
    let expected = if spread == 0 || pairs == 0 {
        0.0
    } else {
        2.0 * spread as f64 / (3 * l * pairs) as f64
    };
    // 1 − uD_o/uD_e, as one division of exact integers.
    let alpha = (m >= 2 && spread > 0 && pairs > 0).then(|| {
        let num = 3 * observed_sum * pairs;
        let den = 2 * m * (m - 1) * l * spread;
        1.0 - ratio(num, den)
    });
    Unitizing {
        observed,
        expected,
        alpha,
    }
}

/// `a / b` for integers too large for an exact `f64`.
fn ratio(a: u128, b: u128) -> f64 {
    let whole = a / b;
    let rest = a % b;
    whole as f64 + rest as f64 / b as f64
}

#[cfg(test)]
mod unitizing_tests {
    use super::*;

    /// Krippendorff (2004), *Content Analysis*, 2nd ed., p. 254: two
    /// observers on a continuum from 150 of length 300, categories c and k.
    fn example(category: char) -> Vec<Vec<(u64, u64)>> {
        let i = [
            ('c', 225, 70),
            ('c', 370, 30),
            ('k', 180, 60),
            ('k', 300, 50),
        ];
        let j = [
            ('c', 220, 80),
            ('c', 355, 20),
            ('c', 400, 20),
            ('k', 180, 60),
            ('k', 300, 50),
        ];
        [&i[..], &j[..]]
            .iter()
            .map(|coder| {
                coder
                    .iter()
                    .filter(|(c, _, _)| *c == category)
                    .map(|&(_, b, l)| (b - 150, l))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn krippendorff_2004_worked_example() {
        let c = unitizing_alpha(300, &example('c'));
        assert!((c.observed - 0.0144).abs() < 5e-5, "{c:?}");
        assert!((c.expected - 0.0532).abs() < 5e-5, "{c:?}");
        assert_eq!(format!("{:.4}", c.alpha.unwrap()), "0.7286");
        let k = unitizing_alpha(300, &example('k'));
        assert_eq!(k.observed, 0.0);
        assert!((k.expected - 0.0490).abs() < 5e-5, "{k:?}");
        assert_eq!(k.alpha, Some(1.0));
        // Both categories together: the book's 0.8591 is computed from the
        // disagreements rounded to four places (1 − 0.0144 / 0.1022); the
        // unrounded figure is 0.8587.
        let all = 1.0 - (c.observed + k.observed) / (c.expected + k.expected);
        assert!((all - 0.8591).abs() < 5e-4, "{all}");
    }

    #[test]
    fn distances_as_published() {
        let s = |begin, len, unit| Segment { begin, len, unit };
        assert_eq!(distance(&s(225, 70, true), &s(220, 80, true)), 50);
        assert_eq!(distance(&s(370, 30, true), &s(355, 20, true)), 850);
        assert_eq!(distance(&s(400, 50, false), &s(400, 20, true)), 400);
        assert_eq!(distance(&s(5, 6, true), &s(4, 2, true)), 26);
        assert_eq!(distance(&s(5, 6, true), &s(5, 6, true)), 0);
    }

    #[test]
    fn no_units_is_undefined() {
        assert_eq!(unitizing_alpha(10, &[vec![], vec![]]).alpha, None);
    }
}
