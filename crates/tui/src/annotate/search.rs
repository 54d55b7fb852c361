//! `/` on the annotation screen: every match highlighted while the query is
//! typed, "match 2 of 5", and `Enter` selecting the match widened to whole
//! words. Matching itself (case, typographic quotes) is the article's.

use super::state::{App, Span};
pub use super::state::{Cached, Found};
use byline_model::Para;
use byline_model::article::find::{Needle, widen_to_words};

/// Where the next search starts: after the last hit when it is still under
/// the cursor (repeating goes on), else at the cursor.
pub fn origin(app: &App) -> (Para, usize) {
    match app.search_hit {
        Some(h) if h.para == app.cursor.para && h.start >= app.cursor.start => {
            (h.para, h.start + 1)
        }
        _ => (app.cursor.para, app.cursor.start),
    }
}

/// Finds the first match at or after `(para, from)`, wrapping, and counts
/// every match of the article to say which one it is.
pub fn locate(app: &App, query: &str, (para, from): (Para, usize)) -> Found {
    let needle = Needle::new(query);
    let mut found = Found {
        at: None,
        index: 0,
        total: 0,
        wrapped: false,
    };
    if needle.is_empty() {
        return found;
    }
    // The first match is where a wrapped search lands.
    let mut first: Option<Span> = None;
    for (i, p) in Para::all(app.article.len()).zip(&app.article.paragraphs) {
        for r in needle.find_all(p) {
            let span = Span::in_para(i, r);
            found.total += 1;
            first.get_or_insert(span);
            if found.at.is_none() && (i, span.start) >= (para, from) {
                found.at = Some(span);
                found.index = found.total;
            }
        }
    }
    if found.at.is_none() && found.total > 0 {
        found.at = first;
        found.index = 1;
        found.wrapped = true;
    }
    found
}

/// The selection a match becomes: its words, whole.
pub fn selection_of(app: &App, hit: Span) -> Span {
    let p = app.paragraph(hit.para);
    Span::in_para(hit.para, widen_to_words(p, hit.start..hit.end))
}

/// What the search prompt says about `found`.
pub fn describe(found: &Found) -> String {
    match found.total {
        0 => "no match".into(),
        n => format!("selects match {} of {n}", found.index),
    }
}
