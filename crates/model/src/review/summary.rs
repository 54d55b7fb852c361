//! What a review file says about an article, per kind: for export.

use super::verdict::{Review, Verdict};
use crate::annotation::{Claim, Kind, PerKind};
use crate::loc::Loc;
use serde::Serialize;

/// Counts for one kind of the reviewed claims (the colleague's kind, not
/// the proposed one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindReview {
    /// Claims of this kind in the reviewed file.
    pub claims: usize,
    pub reviewed: usize,
    pub agreed: usize,
    pub disputed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewSummary {
    pub article: String,
    pub reviewer: String,
    /// Slug of the annotator whose file was reviewed.
    pub of: String,
    pub claims: usize,
    pub reviewed: usize,
    pub agreed: usize,
    pub disputed: usize,
    pub by_kind: PerKind<KindReview>,
    /// Disputes that propose another kind, by the kind proposed.
    pub proposed: PerKind<usize>,
    /// Verdicts whose claim is no longer in the reviewed file.
    pub orphaned: usize,
    /// Each dispute of a claim still in the file, in claim order: what
    /// the colleague said and proposed.
    pub disputes: Vec<Dispute>,
}

/// One dispute of one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dispute {
    /// The disputed claim's id, when it has one.
    pub claim: Option<String>,
    /// The claim's place: `paragraph`, `start` and `end` in the JSON.
    #[serde(flatten)]
    pub at: Loc,
    /// The claim's own kind.
    pub kind: Kind,
    /// The kind the reviewer proposes instead.
    pub proposed: Option<Kind>,
    pub comment: Option<String>,
}

/// Summarises `review` against the claims of the file it reviews (the
/// annotator file whose slug is `review.meta.of`, same article). Verdicts
/// find their claims as in the review screen: by id, then anchor, then
/// quote.
pub fn summarize(review: &Review, reviewed: &[Claim]) -> ReviewSummary {
    let mut by_kind = PerKind::<KindReview>::default();
    let mut proposed = PerKind::<usize>::default();
    for c in reviewed {
        by_kind.get_mut(c.kind).claims += 1;
    }
    let matched = review.match_claims(reviewed);
    let mut disputes = Vec::new();
    for (c, v) in reviewed.iter().zip(&matched) {
        let Some(v) = v else { continue };
        let e = &review.verdicts[*v];
        let k = by_kind.get_mut(c.kind);
        k.reviewed += 1;
        match e.verdict {
            Verdict::Agree => k.agreed += 1,
            Verdict::Dispute => {
                k.disputed += 1;
                disputes.push(Dispute {
                    claim: c.id.clone(),
                    at: c.at,
                    kind: c.kind,
                    proposed: e.kind,
                    comment: e.comment.clone().filter(|s| !s.is_empty()),
                });
                if let Some(k) = e.kind {
                    *proposed.get_mut(k) += 1;
                }
            }
        }
    }
    let sum = |f: fn(&KindReview) -> usize| Kind::ALL.iter().map(|&k| f(by_kind.get(k))).sum();
    let reviewed_n: usize = sum(|k| k.reviewed);
    ReviewSummary {
        article: review.meta.article.clone(),
        reviewer: review.meta.reviewer.clone(),
        of: review.meta.of.clone(),
        claims: reviewed.len(),
        reviewed: reviewed_n,
        agreed: sum(|k| k.agreed),
        disputed: sum(|k| k.disputed),
        by_kind,
        proposed,
        orphaned: review.verdicts.len() - reviewed_n,
        disputes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Paragraph;
    use crate::loc::Para;

    #[test]
    fn counts_by_the_reviewed_kind() {
        let p = Paragraph::new("One said so. Two said no. Three.".into(), false);
        let claims = vec![
            Claim::new(Loc::new(Para::FIRST, 0, 12), &p, Kind::Sourced),
            Claim::new(Loc::new(Para::FIRST, 13, 25), &p, Kind::Sourced),
            Claim::new(Loc::new(Para::FIRST, 26, 32), &p, Kind::Editorial),
        ];
        let mut r = Review::new("a", "Rev", "alex");
        r.set(&claims, 0, Verdict::Agree, None, None);
        r.set(&claims, 1, Verdict::Dispute, Some(Kind::Anonymous), None);
        let s = summarize(&r, &claims);
        assert_eq!((s.claims, s.reviewed, s.agreed, s.disputed), (3, 2, 1, 1));
        assert_eq!(
            s.by_kind.sourced,
            KindReview {
                claims: 2,
                reviewed: 2,
                agreed: 1,
                disputed: 1
            }
        );
        assert_eq!(s.by_kind.editorial.claims, 1);
        assert_eq!(s.by_kind.editorial.reviewed, 0);
        assert_eq!(s.proposed.anonymous, 1);
        assert_eq!(s.orphaned, 0);
        let s = summarize(&r, &claims[2..]);
        assert_eq!((s.reviewed, s.orphaned), (0, 2));
    }
}
