//! Finding claims again when the article changed under them.

use super::{AnnotationSet, NEEDS_REVIEW};
use crate::article::Article;

/// Re-anchors every claim whose offsets no longer hold its quote: kept if
/// the text at its offsets still equals the quote; moved to the exact
/// occurrence of the quote nearest its old place (same paragraph first,
/// then the nearest paragraphs); otherwise kept where it was and marked
/// `needs-review`. A claim is never dropped.
pub fn reanchor(set: &mut AnnotationSet, article: &Article) {
    let n = article.len();
    for c in &mut set.claims {
        let at = c.paragraph.saturating_sub(1);
        if at < n && article.paragraphs[at].slice(c.start, c.end) == c.quote {
            continue;
        }
        let mut found = None;
        'search: for d in 0..n {
            for para in [at.checked_sub(d), (d > 0).then_some(at + d)]
                .into_iter()
                .flatten()
                .filter(|&p| p < n)
            {
                let p = &article.paragraphs[para];
                let hits: Vec<usize> = p
                    .text
                    .match_indices(c.quote.as_str())
                    .map(|(b, _)| p.char_of(b))
                    .collect();
                if let Some(best) = hits.into_iter().min_by_key(|s| s.abs_diff(c.start)) {
                    found = Some((para, best));
                    break 'search;
                }
            }
        }
        match found {
            Some((para, start)) if !c.quote.is_empty() => {
                c.end = start + c.quote.chars().count();
                c.start = start;
                c.paragraph = para + 1;
                if c.status.as_deref() == Some(NEEDS_REVIEW) {
                    c.status = None;
                }
            }
            _ => c.status = Some(NEEDS_REVIEW.into()),
        }
    }
    set.sort();
}
