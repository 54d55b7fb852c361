//! Two annotators' claims side by side, in the states a curator needs.

use super::agree::label_of;
use super::metrics::{LabelledSpan, overlap_pairs};
use crate::annotation::Claim;
use crate::loc::Loc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Same kind, overlapping spans.
    Agreed,
    /// Overlapping spans of different kinds.
    KindConflict,
    OnlyMine,
    OnlyTheirs,
}

impl State {
    pub fn describe(self) -> &'static str {
        match self {
            State::Agreed => "agreed",
            State::KindConflict => "kind conflict",
            State::OnlyMine => "only mine",
            State::OnlyTheirs => "only theirs",
        }
    }

    pub fn is_disagreement(self) -> bool {
        self != State::Agreed
    }
}

/// One place where either annotator marked something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Index into their claims.
    pub theirs: Option<usize>,
    /// Index into my claims.
    pub mine: Option<usize>,
    pub state: State,
    /// Where the item is: theirs where there is one.
    pub at: Loc,
}

fn spans(claims: &[Claim]) -> Vec<LabelledSpan> {
    claims
        .iter()
        .map(|c| LabelledSpan {
            at: c.at,
            label: label_of(c.kind),
        })
        .collect()
}

/// Pairs their claims with mine: first same-kind overlaps (agreed), then
/// what still overlaps (kind conflicts), each one-to-one by largest
/// overlap; the rest stand alone. Sorted by place in the article.
pub fn compare(theirs: &[Claim], mine: &[Claim]) -> Vec<Item> {
    let (t, m) = (spans(theirs), spans(mine));
    let mut used_t = vec![false; t.len()];
    let mut used_m = vec![false; m.len()];
    let mut items = Vec::new();
    for (i, j) in overlap_pairs(&t, &m, |a, b| a.label == b.label) {
        used_t[i] = true;
        used_m[j] = true;
        items.push(item(Some(i), Some(j), State::Agreed, &t[i]));
    }
    // Kind conflicts are paired among what is left, so an agreed claim is
    // never also in a conflict.
    let left_t: Vec<usize> = (0..t.len()).filter(|&i| !used_t[i]).collect();
    let left_m: Vec<usize> = (0..m.len()).filter(|&j| !used_m[j]).collect();
    let sub_t: Vec<LabelledSpan> = left_t.iter().map(|&i| t[i]).collect();
    let sub_m: Vec<LabelledSpan> = left_m.iter().map(|&j| m[j]).collect();
    for (a, b) in overlap_pairs(&sub_t, &sub_m, |_, _| true) {
        let (i, j) = (left_t[a], left_m[b]);
        used_t[i] = true;
        used_m[j] = true;
        items.push(item(Some(i), Some(j), State::KindConflict, &t[i]));
    }
    for (i, s) in t.iter().enumerate().filter(|(i, _)| !used_t[*i]) {
        items.push(item(Some(i), None, State::OnlyTheirs, s));
    }
    for (j, s) in m.iter().enumerate().filter(|(j, _)| !used_m[*j]) {
        items.push(item(None, Some(j), State::OnlyMine, s));
    }
    items.sort_by_key(|it| (it.at, it.theirs.is_none(), it.theirs, it.mine));
    items
}

fn item(theirs: Option<usize>, mine: Option<usize>, state: State, s: &LabelledSpan) -> Item {
    Item {
        theirs,
        mine,
        state,
        at: s.at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Kind;
    use crate::article::Paragraph;
    use crate::loc::Para;

    #[test]
    fn the_four_states() {
        let p = Paragraph::new("One. Two two. Three three. Four four four.".into(), false);
        let c = |s, e, k| Claim::new(Loc::new(Para::FIRST, s, e), &p, k);
        let theirs = [
            c(0, 4, Kind::Sourced),
            c(5, 13, Kind::Anonymous),
            c(14, 26, Kind::Editorial),
        ];
        let mine = [
            c(0, 13, Kind::Sourced),
            c(5, 13, Kind::Editorial),
            c(27, 42, Kind::Editorial),
        ];
        let states: Vec<_> = compare(&theirs, &mine)
            .iter()
            .map(|i| (i.theirs, i.mine, i.state))
            .collect();
        assert_eq!(
            states,
            [
                (Some(0), Some(0), State::Agreed),
                (Some(1), Some(1), State::KindConflict),
                (Some(2), None, State::OnlyTheirs),
                (None, Some(2), State::OnlyMine),
            ]
        );
    }
}
