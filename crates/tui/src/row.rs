//! A cursor's moves over the rows of a list (the claims list, the article
//! list, a dispute's versions, the disputes): row indices from 0, the
//! cursor kept on a row. Paragraphs move by [`byline_model::Para`].

/// The last row of a list of `len` rows (0 when it is empty).
pub fn last(len: usize) -> usize {
    len.saturating_sub(1)
}

/// Row `at`, or the last row when `at` is past it.
pub fn clamp(at: usize, len: usize) -> usize {
    at.min(last(len))
}

/// The row before `at`; the first stays the first.
pub fn prev(at: usize) -> usize {
    at.saturating_sub(1)
}

/// The row after `at`; the last stays the last.
pub fn next(at: usize, len: usize) -> usize {
    clamp(at + 1, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_on_a_row() {
        assert_eq!((last(0), last(3)), (0, 2));
        assert_eq!((clamp(5, 3), clamp(1, 3), clamp(4, 0)), (2, 1, 0));
        assert_eq!((prev(0), prev(2)), (0, 1));
        assert_eq!((next(1, 3), next(2, 3), next(0, 0)), (2, 2, 0));
    }
}
