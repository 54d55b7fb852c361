//! One reviewer's verdicts on a colleague's claims: the data of a review
//! file, with no I/O and no UI.

use crate::annotation::{Claim, Extra, Kind};
use crate::loc::Loc;
use toml::value::Datetime;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Agree,
    Dispute,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Dispute => "dispute",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        [Verdict::Agree, Verdict::Dispute]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A verdict on one claim, carrying the claim's anchor so it finds its
/// claim again when the colleague's file has no ids or has changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The reviewed claim's id, when it had one.
    pub claim: Option<String>,
    /// The reviewed claim's place, as the verdict holds it.
    pub at: Loc,
    pub quote: String,
    pub verdict: Verdict,
    /// The kind the reviewer proposes instead.
    pub kind: Option<Kind>,
    pub comment: Option<String>,
    pub extra: Extra,
}

impl Entry {
    fn sort_key(&self) -> (Loc, &str) {
        (self.at, self.claim.as_deref().unwrap_or(""))
    }

    /// Points the verdict at `claim`'s current anchor.
    fn anchor_to(&mut self, claim: &Claim) {
        self.claim = claim.id.clone();
        self.at = claim.at;
        self.quote = claim.quote.clone();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewMeta {
    /// The article id.
    pub article: String,
    /// The reviewer's name.
    pub reviewer: String,
    /// The slug of the annotator whose file was reviewed.
    pub of: String,
    pub updated: Option<Datetime>,
    pub extra: Extra,
}

/// A review file: one reviewer, one colleague, one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub meta: ReviewMeta,
    pub verdicts: Vec<Entry>,
    /// Unknown top-level keys and tables.
    pub extra: Extra,
}

/// How far a review has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Claims in the colleague's file.
    pub claims: usize,
    pub reviewed: usize,
    pub agreed: usize,
    pub disputed: usize,
    /// Verdicts whose claim is no longer in the colleague's file.
    pub orphaned: usize,
}

impl Review {
    pub fn new(article: &str, reviewer: &str, of: &str) -> Review {
        Review {
            meta: ReviewMeta {
                article: article.to_owned(),
                reviewer: reviewer.to_owned(),
                of: of.to_owned(),
                updated: None,
                extra: Extra::new(),
            },
            verdicts: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// Sorts verdicts in file order: paragraph, start, end, claim id.
    pub fn sort(&mut self) {
        self.verdicts
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }

    /// For every claim, the index of its verdict, if any. Each verdict
    /// belongs to at most one claim: first by claim id, then by the same
    /// anchor and quote, then by the same quote nearest the old place.
    pub fn match_claims(&self, claims: &[Claim]) -> Vec<Option<usize>> {
        let mut of_claim = vec![None; claims.len()];
        let mut used = vec![false; self.verdicts.len()];
        let link = |of_claim: &mut [Option<usize>], used: &mut [bool], c: usize, v: usize| {
            of_claim[c] = Some(v);
            used[v] = true;
        };
        for (v, e) in self.verdicts.iter().enumerate() {
            let Some(id) = &e.claim else { continue };
            if let Some(c) = claims
                .iter()
                .position(|c| c.id.as_ref() == Some(id))
                .filter(|&c| of_claim[c].is_none())
            {
                link(&mut of_claim, &mut used, c, v);
            }
        }
        for v in 0..self.verdicts.len() {
            let e = &self.verdicts[v];
            if used[v] {
                continue;
            }
            let same_place = claims
                .iter()
                .enumerate()
                .position(|(i, c)| of_claim[i].is_none() && c.at == e.at && c.quote == e.quote);
            if let Some(c) = same_place {
                link(&mut of_claim, &mut used, c, v);
            }
        }
        for v in 0..self.verdicts.len() {
            let e = &self.verdicts[v];
            if used[v] {
                continue;
            }
            let nearest = claims
                .iter()
                .enumerate()
                .filter(|(i, c)| of_claim[*i].is_none() && c.quote == e.quote)
                .min_by_key(|(_, c)| {
                    (
                        c.at.para.distance(e.at.para),
                        c.at.start.abs_diff(e.at.start),
                    )
                })
                .map(|(i, _)| i);
            if let Some(c) = nearest {
                link(&mut of_claim, &mut used, c, v);
            }
        }
        of_claim
    }

    /// Records (or replaces) the verdict on `claims[index]`, re-anchored to
    /// the claim as it is now. Returns the verdict's index after sorting.
    pub fn set(
        &mut self,
        claims: &[Claim],
        index: usize,
        verdict: Verdict,
        kind: Option<Kind>,
        comment: Option<String>,
    ) -> usize {
        let claim = &claims[index];
        let existing = self.match_claims(claims)[index];
        let v = match existing {
            Some(v) => v,
            None => {
                self.verdicts.push(Entry {
                    claim: None,
                    at: Loc::default(),
                    quote: String::new(),
                    verdict,
                    kind: None,
                    comment: None,
                    extra: Extra::new(),
                });
                self.verdicts.len() - 1
            }
        };
        let e = &mut self.verdicts[v];
        e.anchor_to(claim);
        e.verdict = verdict;
        e.kind = kind;
        e.comment = comment;
        let key = (claim.at, claim.id.clone());
        self.sort();
        self.verdicts
            .iter()
            .position(|e| (e.at, e.claim.clone()) == key)
            .unwrap_or(0)
    }

    /// Removes the verdict on `claims[index]`, if it has one.
    pub fn clear(&mut self, claims: &[Claim], index: usize) -> bool {
        match self.match_claims(claims)[index] {
            Some(v) => {
                self.verdicts.remove(v);
                true
            }
            None => false,
        }
    }

    pub fn progress(&self, claims: &[Claim]) -> Progress {
        let matched = self.match_claims(claims);
        let mut p = Progress {
            claims: claims.len(),
            ..Progress::default()
        };
        for v in matched.iter().flatten() {
            p.reviewed += 1;
            match self.verdicts[*v].verdict {
                Verdict::Agree => p.agreed += 1,
                Verdict::Dispute => p.disputed += 1,
            }
        }
        p.orphaned = self.verdicts.len() - p.reviewed;
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Paragraph;
    use crate::loc::Para;

    fn claims() -> Vec<Claim> {
        let p = Paragraph::new("One said so. Two said no. One said so.".into(), false);
        let mut a = Claim::new(Loc::new(Para::FIRST, 0, 12), &p, Kind::Sourced);
        a.id = Some("aaaaaa".into());
        let b = Claim::new(Loc::new(Para::FIRST, 13, 25), &p, Kind::Anonymous);
        let c = Claim::new(Loc::new(Para::FIRST, 26, 38), &p, Kind::Editorial);
        vec![a, b, c]
    }

    #[test]
    fn verdicts_find_their_claims_by_id_anchor_and_quote() {
        let cs = claims();
        let mut r = Review::new("x", "Rev", "alex");
        r.set(&cs, 0, Verdict::Agree, None, None);
        r.set(
            &cs,
            2,
            Verdict::Dispute,
            Some(Kind::Sourced),
            Some("why".into()),
        );
        assert_eq!(r.match_claims(&cs), [Some(0), None, Some(1)]);
        assert_eq!(
            r.progress(&cs),
            Progress {
                claims: 3,
                reviewed: 2,
                agreed: 1,
                disputed: 1,
                orphaned: 0
            }
        );

        // The colleague's file changed: a sentence was added before, every
        // offset moved, and the id-less claim is found by its quote; the
        // one with an id, by its id.
        let p = Paragraph::new("New. One said so. Two said no. One said so.".into(), false);
        let mut moved = vec![
            Claim::new(Loc::new(Para::FIRST, 5, 17), &p, Kind::Sourced),
            Claim::new(Loc::new(Para::FIRST, 18, 30), &p, Kind::Anonymous),
            Claim::new(Loc::new(Para::FIRST, 31, 43), &p, Kind::Editorial),
        ];
        moved[2].id = Some("aaaaaa".into());
        let m = r.match_claims(&moved);
        assert_eq!(m, [Some(1), None, Some(0)]);

        // Changing a verdict replaces it and re-anchors it.
        r.set(&moved, 0, Verdict::Agree, None, None);
        assert_eq!(r.verdicts.len(), 2);
        assert_eq!(r.progress(&moved).agreed, 2);
        assert!(r.verdicts.iter().any(|e| e.at.start == 5));
    }

    #[test]
    fn a_verdict_without_its_claim_is_kept_as_orphaned() {
        let cs = claims();
        let mut r = Review::new("x", "Rev", "alex");
        r.set(&cs, 1, Verdict::Agree, None, None);
        let p = r.progress(&cs[..1]);
        assert_eq!((p.reviewed, p.orphaned), (0, 1));
        assert_eq!(r.verdicts.len(), 1);
    }
}
