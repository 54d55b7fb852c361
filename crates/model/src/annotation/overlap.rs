//! The one overlap rule: where claims overlap, the one that starts last
//! shows and labels the characters (ties: the shorter, then the later in
//! file order). The annotation and review screens, the HTML report's
//! nesting, the summary's characters by kind and agreement's character
//! labels all ask here.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

/// How a span ranks where it overlaps others: the greatest shows.
/// `index` is its place in file order.
pub fn precedence(span: &Range<usize>, index: usize) -> (usize, Reverse<usize>, usize) {
    (span.start, Reverse(span.end), index)
}

/// One stretch between consecutive span boundaries and the span that shows
/// there (an index into the spans given), if any covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    pub winner: Option<usize>,
}

/// The stretches of `spans` (in file order, any overlap) from the first
/// boundary to the last, each with the span that shows there. Empty spans
/// cover nothing. A sweep with a heap keeps this O(n log n) however the
/// spans overlap.
pub fn segments(spans: &[Range<usize>]) -> Vec<Segment> {
    let mut by_start: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].start < spans[i].end)
        .collect();
    by_start.sort_by_key(|&i| spans[i].start);
    let mut bounds: Vec<usize> = by_start
        .iter()
        .flat_map(|&i| [spans[i].start, spans[i].end])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut active = BinaryHeap::new();
    let mut next = 0;
    let mut out = Vec::with_capacity(bounds.len().saturating_sub(1));
    for w in bounds.windows(2) {
        let (at, to) = (w[0], w[1]);
        while let Some(&i) = by_start.get(next).filter(|&&i| spans[i].start <= at) {
            active.push(precedence(&spans[i], i));
            next += 1;
        }
        while active.peek().is_some_and(|top| top.1.0 <= at) {
            active.pop();
        }
        out.push(Segment {
            range: at..to,
            winner: active.peek().map(|top| top.2),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn winners(spans: &[Range<usize>]) -> Vec<(Range<usize>, Option<usize>)> {
        segments(spans)
            .into_iter()
            .map(|s| (s.range, s.winner))
            .collect()
    }

    #[test]
    fn the_later_start_then_the_shorter_then_the_later_file_order_shows() {
        // 0: 0–10; 1: 5–8 and 2: 5–12 start together, the shorter 1 wins;
        // 3 is 1's twin, later in file order.
        assert_eq!(
            winners(&[0..10, 5..8, 5..12, 5..8]),
            vec![
                (0..5, Some(0)),
                (5..8, Some(3)),
                (8..10, Some(2)),
                (10..12, Some(2)),
            ]
        );
    }

    #[test]
    fn gaps_and_empty_spans_have_no_winner() {
        assert_eq!(
            winners(&[0..2, 4..4, 5..6]),
            vec![(0..2, Some(0)), (2..5, None), (5..6, Some(2))]
        );
        assert!(segments(&[]).is_empty());
    }

    #[test]
    fn a_span_ending_under_another_gives_way_to_the_one_beneath() {
        assert_eq!(
            winners(&[0..10, 2..4]),
            vec![(0..2, Some(0)), (2..4, Some(1)), (4..10, Some(0))]
        );
    }
}
