//! 95% intervals for pooled group figures: a percentile bootstrap over
//! entries (one annotator's file on one article).
//!
//! Entries are the sampling unit: claims within one article are not
//! independent (one writer, one subject, one annotator), so resampling
//! claims would make intervals far too narrow. Each resample draws as many
//! entries as the group has, with replacement, and pools them exactly as
//! the point estimate does (Σ numerators / Σ denominators). The generator
//! is seeded with a constant, so one corpus always gives one interval.

use super::quantile;

/// Bootstrap resamples per interval.
pub const RESAMPLES: usize = 2000;
/// The generator's fixed seed.
pub const SEED: u64 = 0x6279_6c69_6e65_2f31;
/// Coverage of the interval.
pub const LEVEL: f64 = 0.95;

/// A 95% interval, `lo <= hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

/// SplitMix64: tiny, fast, and the same on every platform. Statistical
/// quality is ample for resampling indexes.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias for corpus
    /// sizes is far below anything a percentile can show).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }
}

/// The percentile bootstrap interval of Σ num / Σ den over `units`
/// (`(numerator, denominator)` per entry), scaled by `scale`. `None` with
/// fewer than two units, or when every resample has a zero denominator.
pub fn pooled(units: &[(u64, u64)], scale: f64) -> Option<Interval> {
    pooled_with(units, scale, RESAMPLES, SEED)
}

pub fn pooled_with(
    units: &[(u64, u64)],
    scale: f64,
    resamples: usize,
    seed: u64,
) -> Option<Interval> {
    let n = units.len();
    if n < 2 || units.iter().all(|u| u.1 == 0) {
        return None;
    }
    let mut rng = SplitMix(seed);
    let mut estimates = Vec::with_capacity(resamples);
    for _ in 0..resamples {
        let (mut num, mut den) = (0u64, 0u64);
        for _ in 0..n {
            let u = units[rng.below(n)];
            num += u.0;
            den += u.1;
        }
        // A resample with no denominator has no ratio; it is left out,
        // which only happens when most entries have none.
        if den > 0 {
            estimates.push(num as f64 / den as f64 * scale);
        }
    }
    if estimates.is_empty() {
        return None;
    }
    estimates.sort_by(f64::total_cmp);
    let tail = (1.0 - LEVEL) / 2.0;
    Some(Interval {
        lo: quantile(&estimates, tail)?,
        hi: quantile(&estimates, 1.0 - tail)?,
    })
}

/// The intervals a group reports.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GroupIntervals {
    /// Of the pooled anonymity ratio, over every entry.
    pub anonymity_ratio: Option<Interval>,
    /// Of the pooled editorial claims per 100 words, over the entries
    /// whose text was used.
    pub editorial_per_100_words: Option<Interval>,
}

/// Articles a group needs behind it for an interval: with fewer, a
/// bootstrap over two files of one article says nothing, so the report
/// gives the n instead.
pub const MIN_ARTICLES: usize = 5;

impl GroupIntervals {
    pub fn of(members: &[&super::ArticleSummary]) -> GroupIntervals {
        use byline_model::annotation::Kind;
        let articles: std::collections::HashSet<&str> =
            members.iter().map(|a| a.article.as_str()).collect();
        if articles.len() < MIN_ARTICLES {
            return GroupIntervals::default();
        }
        let anonymity: Vec<(u64, u64)> = members
            .iter()
            .map(|a| {
                let k = &a.tally.by_kind;
                let anon = k.get(Kind::Anonymous) as u64;
                (anon, anon + k.get(Kind::Sourced) as u64)
            })
            .collect();
        let density: Vec<(u64, u64)> = members
            .iter()
            .filter(|a| a.tally.with_text > 0)
            .map(|a| (a.tally.editorial_with_text as u64, a.tally.words as u64))
            .collect();
        GroupIntervals {
            anonymity_ratio: pooled(&anonymity, 1.0),
            editorial_per_100_words: pooled(&density, 100.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_units_give_the_same_interval() {
        let units: Vec<(u64, u64)> = (0..50).map(|i| (i % 3, 3)).collect();
        assert_eq!(pooled(&units, 1.0), pooled(&units, 1.0));
    }

    /// One claim per article: the pooled ratio is a mean of Bernoulli
    /// draws, and the bootstrap interval approaches the normal (Wald)
    /// interval p ± 1.96·√(p(1−p)/n), close to Wilson's at this n.
    #[test]
    fn one_claim_per_article_approaches_the_closed_form() {
        let n = 400;
        let k = 120; // p = 0.3
        let units: Vec<(u64, u64)> = (0..n).map(|i| (u64::from(i < k), 1)).collect();
        let p = k as f64 / n as f64;
        let half = 1.959_964 * (p * (1.0 - p) / n as f64).sqrt();
        let ci = pooled_with(&units, 1.0, 20_000, SEED).unwrap();
        assert!((ci.lo - (p - half)).abs() < 0.006, "{ci:?} vs {}", p - half);
        assert!((ci.hi - (p + half)).abs() < 0.006, "{ci:?} vs {}", p + half);
        // Wilson's interval, for comparison.
        let z2 = 1.959_964f64.powi(2);
        let nf = n as f64;
        let centre = (p + z2 / (2.0 * nf)) / (1.0 + z2 / nf);
        let w = 1.959_964 / (1.0 + z2 / nf) * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt();
        assert!((ci.lo - (centre - w)).abs() < 0.008);
        assert!((ci.hi - (centre + w)).abs() < 0.008);
    }

    #[test]
    fn too_few_units_have_no_interval() {
        assert_eq!(pooled(&[(1, 2)], 1.0), None);
        assert_eq!(pooled(&[(0, 0), (0, 0)], 1.0), None);
    }

    #[test]
    fn interval_holds_the_estimate() {
        let units = [(1, 4), (3, 4), (0, 2), (2, 2), (1, 5)];
        let ci = pooled(&units, 1.0).unwrap();
        let est = 7.0 / 17.0;
        assert!(ci.lo <= est && est <= ci.hi, "{ci:?}");
    }
}
