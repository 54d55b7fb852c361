//! `byline adjudicate`: the claims of several annotators of one article
//! merged into a gold file. Pure: clusters, majorities, merged spans and the
//! gold claims they give; the screen and the store ask here.
//!
//! The rules (docs/FORMAT.md, "Gold file"):
//!
//! - Two claims agree when they have the same kind and their spans overlap
//!   in the same paragraph (the rule of `span_f1_overlap`).
//! - A **cluster** is a connected group of agreeing claims: a claim joins a
//!   cluster when it overlaps any claim of it and has its kind, so a chain
//!   `0..10`, `8..20`, `18..30` is one cluster. One annotator may have two
//!   claims in a cluster; they count once towards its annotators, and each
//!   of their spans gets their vote.
//! - A cluster marked by at least `k` distinct annotators (by default a
//!   majority, `n/2 + 1` of `n`) is **agreed**: it goes to gold with the
//!   span most annotators marked (ties: the earliest start, then the
//!   shortest) and the source most of them gave (names compared as
//!   FORMAT.md compares annotators' names; ties: the first annotator's).
//! - Every other cluster is **disputed**; disputed clusters that overlap
//!   one another (any kind) are one **dispute**, walked on the screen.
//! - Each gold claim says which annotators it came from (`from`, their
//!   slugs, sorted): the annotators whose claim has its kind and overlaps
//!   it; an edited claim keeps the `from` of the version it was edited
//!   from.
//! - A dispute is decided when gold holds a claim or a rejection that came
//!   from one of its versions ([`decisions`]). One annotator who marked the
//!   very same span twice, with two kinds, one of them agreed on, would
//!   have that dispute taken as decided by the agreed claim: rare enough
//!   to leave.

use crate::annotation::{AnnotationSet, Claim, Dismissed, Extra, Kind};
use crate::article::{Article, slug::same_name};
use crate::loc::Loc;

/// The `[annotator] name` of a gold file, and its file stem.
pub const GOLD: &str = "gold";
/// A gold claim's (and rejection's) provenance: annotator slugs.
pub const FROM_KEY: &str = "from";
/// On a gold claim the adjudicator edited (FORMAT.md): its kind, source or
/// note are theirs, not those of the annotators `from` names.
pub const EDITED_KEY: &str = "edited";
/// `[annotator] adjudicator`: who adjudicated the gold file.
pub const ADJUDICATOR_KEY: &str = "adjudicator";

/// A majority of `n` annotators.
pub fn majority(n: usize) -> usize {
    n / 2 + 1
}

/// One annotator's claim: indexes into the sets given and their claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub annotator: usize,
    pub claim: usize,
}

/// Agreeing claims (same kind, overlapping, connected).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub kind: Kind,
    /// The union of the versions' spans (connected, so one range).
    pub at: Loc,
    /// Sorted by place, then annotator.
    pub versions: Vec<Version>,
}

impl Cluster {
    /// The distinct annotators, in order.
    pub fn annotators(&self) -> Vec<usize> {
        let mut a: Vec<usize> = self.versions.iter().map(|v| v.annotator).collect();
        a.sort_unstable();
        a.dedup();
        a
    }
}

/// Where annotators disagree: disputed clusters that overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute {
    /// The union of its clusters' spans.
    pub at: Loc,
    /// Sorted by place, then kind.
    pub clusters: Vec<Cluster>,
}

impl Dispute {
    /// Every version, cluster by cluster.
    pub fn versions(&self) -> impl Iterator<Item = Version> + '_ {
        self.clusters
            .iter()
            .flat_map(|c| c.versions.iter().copied())
    }

    /// One annotator's versions here (none when they marked nothing).
    pub fn of(&self, annotator: usize) -> Vec<Version> {
        let mut v: Vec<Version> = self
            .versions()
            .filter(|v| v.annotator == annotator)
            .collect();
        v.sort_by_key(|v| v.claim);
        v
    }

    /// The annotators who marked something here, in order.
    pub fn annotators(&self) -> Vec<usize> {
        let mut a: Vec<usize> = self.versions().map(|v| v.annotator).collect();
        a.sort_unstable();
        a.dedup();
        a
    }

    /// The kinds marked here, in [`Kind::ALL`] order.
    pub fn kinds(&self) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|k| self.clusters.iter().any(|c| c.kind == *k))
            .collect()
    }
}

/// What goes to gold at once and what the adjudicator decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub agreed: Vec<Cluster>,
    pub disputes: Vec<Dispute>,
    /// Claims left out: marked `needs-review`, their offsets untrusted.
    pub left_out: Vec<Version>,
}

/// Groups every claim of `sets` into clusters, sorted by place then kind.
/// Claims that need review are left out (their offsets may not hold).
pub fn clusters(sets: &[&[Claim]]) -> Vec<Cluster> {
    let mut all: Vec<(Version, &Claim)> = Vec::new();
    for (a, claims) in sets.iter().enumerate() {
        for (i, c) in claims.iter().enumerate() {
            if !c.needs_review() && !c.at.is_empty() {
                all.push((
                    Version {
                        annotator: a,
                        claim: i,
                    },
                    c,
                ));
            }
        }
    }
    all.sort_by_key(|(v, c)| (c.at.para, c.kind, c.at.start, c.at.end, *v));
    let mut out: Vec<Cluster> = Vec::new();
    let mut open: Option<Cluster> = None;
    for (v, c) in all {
        match &mut open {
            Some(cl) if cl.kind == c.kind && cl.at.overlaps(&c.at) => {
                cl.at.end = cl.at.end.max(c.at.end);
                cl.versions.push(v);
            }
            _ => {
                out.extend(open.take());
                open = Some(Cluster {
                    kind: c.kind,
                    at: c.at,
                    versions: vec![v],
                });
            }
        }
    }
    out.extend(open);
    out.sort_by_key(|c| (c.at, c.kind));
    out
}

/// Splits the clusters of `sets` into agreed (at least `k` distinct
/// annotators) and disputes.
pub fn plan(sets: &[&[Claim]], k: usize) -> Plan {
    let k = k.max(1);
    let left_out = sets
        .iter()
        .enumerate()
        .flat_map(|(a, claims)| {
            claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.needs_review() || c.at.is_empty())
                .map(move |(i, _)| Version {
                    annotator: a,
                    claim: i,
                })
        })
        .collect();
    let (agreed, disputed): (Vec<Cluster>, Vec<Cluster>) = clusters(sets)
        .into_iter()
        .partition(|c| c.annotators().len() >= k);
    let mut disputes: Vec<Dispute> = Vec::new();
    // Sorted by place already: a sweep joins what overlaps.
    for c in disputed {
        match disputes.last_mut() {
            Some(d) if d.at.overlaps(&c.at) => {
                d.at.end = d.at.end.max(c.at.end);
                d.clusters.push(c);
            }
            _ => disputes.push(Dispute {
                at: c.at,
                clusters: vec![c],
            }),
        }
    }
    Plan {
        agreed,
        disputes,
        left_out,
    }
}

fn claim<'a>(sets: &[&'a [Claim]], v: Version) -> &'a Claim {
    &sets[v.annotator][v.claim]
}

/// The span most distinct annotators marked (ties: the earliest, then the
/// shortest).
pub fn majority_span(versions: &[Version], sets: &[&[Claim]]) -> Option<(usize, usize)> {
    let mut spans: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for v in versions {
        let c = claim(sets, *v);
        let span = (c.at.start, c.at.end);
        match spans.iter_mut().find(|(s, _)| *s == span) {
            Some((_, who)) => who.push(v.annotator),
            None => spans.push((span, vec![v.annotator])),
        }
    }
    spans
        .into_iter()
        .map(|(s, mut who)| {
            who.sort_unstable();
            who.dedup();
            (s, who.len())
        })
        .max_by(|(a, na), (b, nb)| na.cmp(nb).then(b.0.cmp(&a.0)).then(b.1.cmp(&a.1)))
        .map(|(s, _)| s)
}

/// The source most distinct annotators gave (names compared as names;
/// ties, and the spelling: the first annotator's), if any gave one.
pub fn majority_source(versions: &[Version], sets: &[&[Claim]]) -> Option<String> {
    let mut ordered = versions.to_vec();
    ordered.sort();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for v in ordered {
        let Some(s) = claim(sets, v)
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        match groups.iter_mut().find(|(g, _)| same_name(g, s)) {
            Some((_, who)) => {
                if !who.contains(&v.annotator) {
                    who.push(v.annotator);
                }
            }
            None => groups.push((s.to_owned(), vec![v.annotator])),
        }
    }
    // The first of the largest groups.
    let best = groups.iter().map(|(_, w)| w.len()).max()?;
    groups
        .into_iter()
        .find(|(_, w)| w.len() == best)
        .map(|(s, _)| s)
}

/// The slugs of `annotators`, sorted and without repeats.
fn from_slugs(annotators: impl IntoIterator<Item = usize>, slugs: &[String]) -> Vec<String> {
    let mut from: Vec<String> = annotators
        .into_iter()
        .filter_map(|a| slugs.get(a).cloned())
        .collect();
    from.sort();
    from.dedup();
    from
}

/// A gold claim over `start..end` of `kind`, its text from the article;
/// `None` when the place is not in the article.
fn new_claim(article: &Article, at: Loc, kind: Kind) -> Option<Claim> {
    let p = article.paragraph(at.para)?;
    (at.end <= p.char_len() && !at.is_empty()).then(|| Claim::new(at, p, kind))
}

/// What the versions give a merged claim besides its span: the majority
/// source (for kinds that name one), the first note in annotator order,
/// every tag, and where it came from.
fn fill(c: &mut Claim, versions: &[Version], sets: &[&[Claim]], slugs: &[String]) {
    let mut ordered = versions.to_vec();
    ordered.sort();
    if c.kind.has_source() {
        c.source = majority_source(&ordered, sets);
    }
    // The note of a version with the gold claim's span first, else any.
    let same_span = |v: &&Version| claim(sets, **v).at == c.at;
    c.note = ordered
        .iter()
        .filter(same_span)
        .chain(ordered.iter())
        .find_map(|v| claim(sets, *v).note.clone());
    let mut tags: Vec<String> = ordered
        .iter()
        .flat_map(|v| claim(sets, *v).tags.iter().cloned())
        .collect();
    tags.sort();
    tags.dedup();
    c.tags = tags;
    // A long chain can hold a claim that does not reach the span chosen:
    // `from` names only those whose claim overlaps it.
    let overlapping = ordered
        .iter()
        .filter(|v| claim(sets, **v).at.overlaps(&c.at))
        .map(|v| v.annotator);
    set_from(&mut c.extra, from_slugs(overlapping, slugs));
}

/// The gold claim of an agreed cluster: the majority span and source,
/// `from` every annotator of the cluster.
pub fn agreed_claim(
    cluster: &Cluster,
    sets: &[&[Claim]],
    slugs: &[String],
    article: &Article,
) -> Option<Claim> {
    let (start, end) = majority_span(&cluster.versions, sets)?;
    let mut c = new_claim(article, Loc::new(cluster.at.para, start, end), cluster.kind)?;
    fill(&mut c, &cluster.versions, sets, slugs);
    Some(c)
}

/// Merged spans: per cluster of `kind` in the dispute, one claim over the
/// union of its versions.
pub fn merged_claims(
    dispute: &Dispute,
    kind: Kind,
    sets: &[&[Claim]],
    slugs: &[String],
    article: &Article,
) -> Vec<Claim> {
    dispute
        .clusters
        .iter()
        .filter(|c| c.kind == kind)
        .filter_map(|cl| {
            let mut c = new_claim(article, cl.at, kind)?;
            fill(&mut c, &cl.versions, sets, slugs);
            Some(c)
        })
        .collect()
}

/// One annotator's version taken as it is (kind, span, source, note, tags
/// and keys of their own), `from` everyone in the dispute whose claim
/// agrees with it.
pub fn taken_claim(
    dispute: &Dispute,
    v: Version,
    sets: &[&[Claim]],
    slugs: &[String],
    article: &Article,
) -> Option<Claim> {
    let theirs = claim(sets, v);
    let mut c = new_claim(article, theirs.at, theirs.kind)?;
    c.source = theirs.source.clone();
    c.note = theirs.note.clone();
    c.tags = theirs.tags.clone();
    c.extra = theirs.extra.clone();
    let agreeing = dispute.versions().filter(|w| {
        let o = claim(sets, *w);
        o.kind == c.kind && o.at.overlaps(&c.at)
    });
    set_from(
        &mut c.extra,
        from_slugs(agreeing.map(|w| w.annotator), slugs),
    );
    Some(c)
}

/// What a rejection leaves in the gold file: each distinct version of the
/// dispute as a `[[dismissed]]` entry with its `from`, so it is not
/// offered again.
pub fn rejections(dispute: &Dispute, sets: &[&[Claim]], slugs: &[String]) -> Vec<Dismissed> {
    let mut out: Vec<(Dismissed, Vec<usize>)> = Vec::new();
    for v in dispute.versions() {
        let c = claim(sets, v);
        let key = (c.at, c.kind);
        match out.iter_mut().find(|(d, _)| (d.at, d.kind) == key) {
            Some((_, who)) => who.push(v.annotator),
            None => out.push((
                Dismissed {
                    at: c.at,
                    quote: c.quote.clone(),
                    kind: c.kind,
                    extra: Extra::new(),
                },
                vec![v.annotator],
            )),
        }
    }
    out.into_iter()
        .map(|(mut d, who)| {
            set_from(&mut d.extra, from_slugs(who, slugs));
            d
        })
        .collect()
}

/// The gold file's decision on this dispute: the indexes of its claims
/// and of its rejections that came from one of the dispute's versions
/// (`from` names the annotator) and agree with it (same kind and
/// overlapping, or the same span: an edit may have changed the kind).
pub fn decisions(
    dispute: &Dispute,
    sets: &[&[Claim]],
    slugs: &[String],
    gold: &AnnotationSet,
) -> (Vec<usize>, Vec<usize>) {
    let versions: Vec<(&Claim, &String)> = dispute
        .versions()
        .map(|v| (claim(sets, v), &slugs[v.annotator]))
        .collect();
    let claims = (0..gold.claims.len())
        .filter(|&i| {
            let g = &gold.claims[i];
            let from = from_of(&g.extra);
            versions.iter().any(|(c, slug)| {
                from.contains(slug) && ((g.kind == c.kind && g.at.overlaps(&c.at)) || g.at == c.at)
            })
        })
        .collect();
    let dismissed = (0..gold.dismissed.len())
        .filter(|&i| {
            let d = &gold.dismissed[i];
            let from = from_of(&d.extra);
            versions
                .iter()
                .any(|(c, slug)| (d.at, d.kind) == (c.at, c.kind) && from.contains(slug))
        })
        .collect();
    (claims, dismissed)
}

/// Whether the gold file holds a decision on this dispute ([`decisions`]).
pub fn decided(
    dispute: &Dispute,
    sets: &[&[Claim]],
    slugs: &[String],
    gold: &AnnotationSet,
) -> bool {
    let (c, d) = decisions(dispute, sets, slugs, gold);
    !c.is_empty() || !d.is_empty()
}

/// Whether the gold file has the claim of an agreed cluster already: one
/// of its kind overlapping it (kept as the adjudicator left it).
pub fn has_agreed(cluster: &Cluster, gold: &AnnotationSet) -> bool {
    gold.claims
        .iter()
        .any(|g| g.kind == cluster.kind && g.at.overlaps(&cluster.at))
}

/// The slugs in `from` (a claim's or a rejection's keys).
pub fn from_of(extra: &Extra) -> Vec<String> {
    match extra.get(FROM_KEY) {
        Some(toml::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(toml::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// Sets `from` (sorted, no repeats); an empty list removes it.
pub fn set_from(extra: &mut Extra, mut from: Vec<String>) {
    from.sort();
    from.dedup();
    if from.is_empty() {
        extra.remove(FROM_KEY);
    } else {
        extra.insert(
            FROM_KEY.into(),
            toml::Value::Array(from.into_iter().map(toml::Value::String).collect()),
        );
    }
}

/// A new, empty gold file for `article`, adjudicated by `adjudicator`.
pub fn new_gold(article: &Article, adjudicator: &str, path: Option<String>) -> AnnotationSet {
    let mut set = AnnotationSet::new(article, GOLD, path);
    set_adjudicator(&mut set, adjudicator);
    set
}

/// `[annotator] adjudicator`.
pub fn adjudicator_of(set: &AnnotationSet) -> Option<&str> {
    set.annotator.extra.get(ADJUDICATOR_KEY)?.as_str()
}

pub fn set_adjudicator(set: &mut AnnotationSet, name: &str) {
    set.annotator
        .extra
        .insert(ADJUDICATOR_KEY.into(), toml::Value::String(name.to_owned()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Paragraph;
    use crate::loc::Para;

    const TEXT: &str = "The mayor said the vote is delayed. Critics call it a botched plan. Officials, speaking anonymously, blamed the port.";

    fn article() -> Article {
        Article::new(
            "a".into(),
            "A".into(),
            "a.txt".into(),
            vec![Paragraph::new(TEXT.into(), false)],
        )
    }

    fn c(start: usize, end: usize, kind: Kind, source: Option<&str>) -> Claim {
        let a = article();
        let mut c = Claim::new(Loc::new(Para::FIRST, start, end), &a.paragraphs[0], kind);
        c.source = source.map(str::to_owned);
        c
    }

    fn slugs() -> Vec<String> {
        ["alex", "jo", "sam"].map(String::from).to_vec()
    }

    #[test]
    fn majority_of_n() {
        assert_eq!(majority(2), 2);
        assert_eq!(majority(3), 2);
        assert_eq!(majority(4), 3);
        assert_eq!(majority(5), 3);
    }

    #[test]
    fn clusters_join_same_kind_overlaps_transitively() {
        let alex = [
            c(0, 10, Kind::Sourced, None),
            c(36, 67, Kind::Editorial, None),
        ];
        let jo = [c(8, 20, Kind::Sourced, None)];
        let sam = [
            c(18, 35, Kind::Sourced, None),
            c(36, 67, Kind::Sourced, None),
        ];
        let sets: [&[Claim]; 3] = [&alex, &jo, &sam];
        let cl = clusters(&sets);
        assert_eq!(cl.len(), 3);
        assert_eq!(
            (cl[0].kind, cl[0].at.start, cl[0].at.end),
            (Kind::Sourced, 0, 35)
        );
        assert_eq!(cl[0].annotators(), [0, 1, 2]);
        // Same span, other kinds: two clusters.
        assert_eq!(cl[1].kind, Kind::Sourced);
        assert_eq!(cl[2].kind, Kind::Editorial);
    }

    #[test]
    fn plan_agrees_at_k_and_groups_the_rest_by_place() {
        // All three mark the mayor sourced; alex and sam the critics
        // editorial; the officials are anonymous to jo, sourced to sam.
        let alex = [
            c(0, 35, Kind::Sourced, Some("the mayor")),
            c(36, 67, Kind::Editorial, None),
        ];
        let jo = [
            c(0, 35, Kind::Sourced, Some("Mayor")),
            c(68, 117, Kind::Anonymous, Some("officials")),
        ];
        let sam = [
            c(4, 35, Kind::Sourced, Some("The Mayor")),
            c(36, 67, Kind::Editorial, None),
            c(68, 117, Kind::Sourced, Some("the port")),
        ];
        let sets: [&[Claim]; 3] = [&alex, &jo, &sam];
        let p = plan(&sets, majority(3));
        assert_eq!(p.agreed.len(), 2);
        assert_eq!(p.disputes.len(), 1);
        let d = &p.disputes[0];
        assert_eq!(d.kinds(), [Kind::Sourced, Kind::Anonymous]);
        assert_eq!(d.annotators(), [1, 2]);
        // With k = 3 only the mayor is agreed; the critics are disputed.
        let strict = plan(&sets, 3);
        assert_eq!(strict.agreed.len(), 1);
        assert_eq!(strict.disputes.len(), 2);

        let a = article();
        let gold = agreed_claim(&p.agreed[0], &sets, &slugs(), &a).unwrap();
        // Two of three marked 0..35; the source two gave, first spelling.
        assert_eq!((gold.at.start, gold.at.end), (0, 35));
        assert_eq!(gold.source.as_deref(), Some("the mayor"));
        assert_eq!(from_of(&gold.extra), ["alex", "jo", "sam"]);
        assert_eq!(gold.quote, "The mayor said the vote is delayed.");
    }

    #[test]
    fn from_names_only_those_whose_claim_reaches_the_span_chosen() {
        // One chain: alex and jo mark 0..10, sam 8..20 joins them, bo's
        // 18..30 joins through sam. Gold takes 0..10, which bo's claim
        // does not reach.
        let alex = [c(0, 10, Kind::Sourced, None)];
        let jo = [c(0, 10, Kind::Sourced, None)];
        let sam = [c(8, 20, Kind::Sourced, None)];
        let bo = [c(18, 30, Kind::Sourced, None)];
        let sets: [&[Claim]; 4] = [&alex, &jo, &sam, &bo];
        let p = plan(&sets, 3);
        assert_eq!(p.agreed.len(), 1, "one chain");
        let slugs = ["alex", "jo", "sam", "bo"].map(String::from).to_vec();
        let gold = agreed_claim(&p.agreed[0], &sets, &slugs, &article()).unwrap();
        assert_eq!((gold.at.start, gold.at.end), (0, 10));
        assert_eq!(from_of(&gold.extra), ["alex", "jo", "sam"]);
    }

    #[test]
    fn majority_span_ties_go_to_the_earliest_then_the_shortest() {
        let alex = [c(4, 35, Kind::Sourced, None)];
        let jo = [c(0, 35, Kind::Sourced, None)];
        let sam = [c(0, 14, Kind::Sourced, None)];
        let sets: [&[Claim]; 3] = [&alex, &jo, &sam];
        let all = clusters(&sets)[0].versions.clone();
        assert_eq!(majority_span(&all, &sets), Some((0, 14)));
    }

    #[test]
    fn one_annotator_with_two_claims_counts_once() {
        let alex = [c(0, 14, Kind::Sourced, None), c(4, 35, Kind::Sourced, None)];
        let jo: [Claim; 0] = [];
        let sam: [Claim; 0] = [];
        let sets: [&[Claim]; 3] = [&alex, &jo, &sam];
        let p = plan(&sets, 2);
        assert!(p.agreed.is_empty());
        assert_eq!(p.disputes[0].of(0).len(), 2);
    }

    #[test]
    fn take_merge_reject_and_what_counts_as_decided() {
        let alex = [c(0, 14, Kind::Sourced, Some("the mayor"))];
        let jo = [c(0, 35, Kind::Editorial, None)];
        let sam = [c(4, 35, Kind::Sourced, Some("mayor"))];
        let sets: [&[Claim]; 3] = [&alex, &jo, &sam];
        let p = plan(&sets, 3);
        let d = &p.disputes[0];
        let a = article();
        let s = slugs();
        let mut gold = new_gold(&a, "Kim", None);
        assert!(!decided(d, &sets, &s, &gold));

        let taken = taken_claim(
            d,
            Version {
                annotator: 0,
                claim: 0,
            },
            &sets,
            &s,
            &a,
        )
        .unwrap();
        assert_eq!((taken.at.start, taken.at.end), (0, 14));
        // Sam's sourced claim agrees with alex's: both are its origin.
        assert_eq!(from_of(&taken.extra), ["alex", "sam"]);
        gold.claims.push(taken);
        assert!(decided(d, &sets, &s, &gold));

        let merged = merged_claims(d, Kind::Sourced, &sets, &s, &a);
        assert_eq!(merged.len(), 1);
        assert_eq!((merged[0].at.start, merged[0].at.end), (0, 35));

        let mut gold = new_gold(&a, "Kim", None);
        gold.dismissed = rejections(d, &sets, &s);
        assert_eq!(gold.dismissed.len(), 3);
        assert!(decided(d, &sets, &s, &gold));

        // An agreed claim elsewhere from the same annotators decides nothing.
        let mut gold = new_gold(&a, "Kim", None);
        let mut other = c(36, 67, Kind::Editorial, None);
        set_from(&mut other.extra, s.clone());
        gold.claims.push(other);
        assert!(!decided(d, &sets, &s, &gold));
        assert_eq!(adjudicator_of(&gold), Some("Kim"));
    }

    #[test]
    fn needs_review_claims_are_left_out() {
        let mut bad = c(0, 14, Kind::Sourced, None);
        bad.status = Some(crate::annotation::NEEDS_REVIEW.into());
        let alex = [bad];
        let jo = [c(0, 14, Kind::Sourced, None)];
        let sets: [&[Claim]; 2] = [&alex, &jo];
        let p = plan(&sets, 2);
        assert!(p.agreed.is_empty());
        assert_eq!(
            p.left_out,
            [Version {
                annotator: 0,
                claim: 0
            }]
        );
    }
}
